/* test_gc.c: the per-process heap (src/rt/arena.c), the collector (gc.c) and flat copies
 * (heapfrag.c), how messages leave one heap and enter another. */
#include <criterion/criterion.h>

#include "rt/arena.h"
#include "rt/gc.h"
#include "rt/heapfrag.h"
#include "value/map.h"
#include "value/value.h"

static Arena A;
static void setup(void) { atom_init(); arena_init(&A); }
static void teardown(void) { arena_free(&A); }
TestSuite(gc, .init = setup, .fini = teardown);

/* A flat copy of `v` in its own malloc'd block, as a message travels (runtime.c puts it after
 * the Signal header); *out gets the copy. Free the block with free(). */
static Value *block_copy(Value v, Value *out)
{
    size_t words = val_flat_size(v);
    Value *b = malloc((words ? words : 1) * sizeof(Value));
    cr_assert_not_null(b, "malloc");
    *out = flat_copy(v, b, words);
    return b;
}

/* A structure with every heap type: {[1, 2.5, "str", big], %{a: ref}, fun(free: list), {}} */
static Value sample(Arena *a, int64_t seed)
{
    static const FunHead fh = {.arity = 1, .index = 1, .uniq = 2};
    Value items[4] = {val_small(seed), val_make_float(a, 2.5 + (double)seed), val_make_binary(a, "a string of 20 bytes", 20),
                      val_make_int(a, INT64_MAX - seed)};
    Value list = val_make_list(a, items, 4, VAL_NIL);
    Value k = val_atom_cstr("a"), r = val_make_ref_number(a, (uint64_t)seed);
    Value map = map_from_pairs(a, &k, &r, 1);
    Value fn = val_make_fun(a, &fh, 1);
    val_fun_free(fn)[0] = list;
    Value e[4] = {list, map, fn, val_make_tuple(a, 0)};
    return val_make_tuple_from(a, e, 4);
}

Test(gc, arena_allocates_lazily_and_counts_words)
{
    cr_assert_eq(arena_heap_words(&A), 0, "a new arena holds no memory");
    Value *p = arena_alloc(&A, 5);
    cr_assert_not_null(p, "alloc");
    cr_assert_eq(arena_used_words(&A), 5, "used words");
    cr_assert_eq(arena_heap_words(&A), ARENA_FIRST_WORDS, "first chunk is ARENA_FIRST_WORDS");
    Value *big = arena_alloc(&A, 1000);
    cr_assert_not_null(big, "a big allocation links its own chunk");
    cr_assert(arena_wants_gc(&A), "past the heap size the arena asks for a collection");
}

Test(gc, collection_keeps_roots_equal_and_frees_garbage)
{
    Value keep = sample(&A, 1);
    Value expect_arena_copy = sample(&A, 1); /* an equal twin, also kept */
    for (int i = 0; i < 100; i++)
        (void)sample(&A, i); /* garbage */
    Value roots[2] = {keep, expect_arena_copy};
    RootRange rr = {roots, 2};
    size_t before = arena_used_words(&A);
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
    cr_assert(val_exact_equal(roots[0], roots[1]), "the roots are still equal after moving");
    cr_assert_lt(arena_used_words(&A), before / 10, "garbage was freed: %zu -> %zu words", before, arena_used_words(&A));
    /* the fun shares its free list with element 0: GC keeps sharing, flat size counts it twice */
    size_t list_words = val_flat_size(val_tuple_elems(roots[0])[0]);
    cr_assert_eq(arena_used_words(&A), 2 * (val_flat_size(roots[0]) - list_words), "live words = both copies, shared list once");
    Value again = sample(&A, 1);
    cr_assert(val_exact_equal(roots[0], again), "moved value equals a fresh build");
}

Test(gc, sharing_survives_a_collection)
{
    Value shared = val_make_binary(&A, "shared", 6);
    Value t = val_make_tuple_from(&A, (Value[]){shared, shared}, 2);
    RootRange rr = {&t, 1};
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
    cr_assert_eq(val_tuple_elems(t)[0], val_tuple_elems(t)[1], "both elements still point at one binary");
}

Test(gc, building_and_dropping_lists_keeps_the_heap_flat)
{
    Value root = VAL_NIL;
    RootRange rr = {&root, 1};
    size_t high = 0;
    for (int round = 0; round < 1000; round++) {
        Value l = VAL_NIL;
        for (int i = 0; i < 1000; i++)
            l = val_make_cons(&A, val_small(i), l);
        root = val_make_tuple_from(&A, &l, 1); /* only the latest list is live */
        if (arena_wants_gc(&A))
            cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
        if (round == 10)
            high = arena_heap_words(&A);
        if (round > 10)
            cr_assert_leq(arena_heap_words(&A), 2 * high + 4000, "round %d: heap grew to %zu words (was %zu)", round, arena_heap_words(&A), high);
    }
}

Test(gc, million_element_list_collects_and_copies_without_stack_overflow)
{
    Value l = VAL_NIL;
    for (int i = 0; i < 1000000; i++)
        l = val_make_cons(&A, val_small(i), l);
    RootRange rr = {&l, 1};
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect 1M list");
    cr_assert_eq(val_small_get(val_head(l)), 999999, "head after move");
    Value copy;
    cr_assert_eq(val_flat_size(l), 2000000, "flat size of the list");
    Value *b = block_copy(l, &copy);
    cr_assert(val_exact_equal(l, copy), "copy equals original");
    free(b);
    Value deep = VAL_NIL;
    for (int i = 0; i < 1000000; i++)
        deep = val_make_cons(&A, deep, VAL_NIL);
    rr.start = &deep;
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect 1M-deep list");
    b = block_copy(deep, &copy);
    cr_assert(val_exact_equal(deep, copy), "deep copy equal");
    free(b);
}

Test(gc, a_message_copied_out_then_into_a_heap_survives_its_sender_and_collections)
{
    Arena sender;
    arena_init(&sender);
    Value msg = sample(&sender, 7), queued;
    size_t words = val_flat_size(msg);
    Value *b = block_copy(msg, &queued);
    arena_free(&sender); /* the copy must not depend on the sender's heap */
    Arena check;
    arena_init(&check);
    Value expect = sample(&check, 7);
    cr_assert(val_exact_equal(queued, expect), "queued message intact after the sender died");
    /* a root pointing outside the arena (a message not received yet) is left alone */
    Value roots[2] = {queued, THE_NON_VALUE};
    RootRange rr = {roots, 2};
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect with an outside root");
    cr_assert_eq(roots[0], queued, "outside root untouched");
    roots[1] = flat_copy_to_arena(&A, queued, words);
    cr_assert_neq(roots[1], THE_NON_VALUE, "copy into the heap");
    cr_assert_eq(arena_used_words(&A), words, "copied words count as used");
    free(b); /* the receiver took it: the heap copy stands alone */
    rr.count = 2;
    roots[0] = VAL_NIL;
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
    cr_assert(val_exact_equal(roots[1], expect), "message intact after a collection");
    cr_assert_eq(arena_used_words(&A), words, "only the message is live");
    arena_free(&check);
}

Test(gc, spawn_copies_fill_an_exact_chunk_and_allocation_goes_on_after_it)
{
    Arena sender;
    arena_init(&sender);
    Value msg = sample(&sender, 3);
    size_t words = val_flat_size(msg);
    Value *dst = arena_alloc_exact(&A, words);
    cr_assert_not_null(dst, "exact chunk");
    Value root = flat_copy(msg, dst, words);
    arena_free(&sender);
    cr_assert_eq(arena_heap_words(&A), words, "no unused words in a fresh heap");
    Value l = VAL_NIL;
    for (int i = 0; i < 100; i++)
        l = val_make_cons(&A, val_small(i), l);
    Value roots[2] = {root, l};
    RootRange rr = {roots, 2};
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
    Arena check;
    arena_init(&check);
    cr_assert(val_exact_equal(roots[0], sample(&check, 3)), "copy intact after a collection");
    int n = 0;
    for (Value c = roots[1]; val_is_cons(c); c = val_tail(c), n++)
        cr_assert_eq(val_small_get(val_head(c)), 99 - n, "element %d intact", n);
    cr_assert_eq(n, 100, "later allocations intact");
    arena_free(&check);
}

/* One object holding only immediates (and the empty tuple): the copy's fast path. */
static Value flat_sample(Arena *a, int kind)
{
    static const FunHead fh = {.arity = 0, .index = 3, .uniq = 4};
    switch (kind) {
    case 0: {
        Value e[4] = {ATOM_OK, val_small(42), val_make_tuple(a, 0), VAL_NIL};
        return val_make_tuple_from(a, e, 4);
    }
    case 1: return val_make_float(a, 1.5);
    case 2: return val_make_binary(a, "twelve bytes", 12);
    default: {
        Value f = val_make_fun(a, &fh, 2);
        val_fun_free(f)[0] = val_small(7);
        val_fun_free(f)[1] = ATOM_OK;
        return f;
    }
    }
}

Test(gc, one_object_messages_copy_exactly)
{
    size_t expect_words[] = {5, 2, 4, 0};
    for (int k = 0; k < 4; k++) {
        Arena sender, check;
        arena_init(&sender);
        arena_init(&check);
        Value msg = flat_sample(&sender, k), copy;
        size_t words = val_flat_size(msg);
        if (k < 3)
            cr_assert_eq(words, expect_words[k], "sample %d: %zu words", k, words);
        Value *b = block_copy(msg, &copy);
        cr_assert(copy != msg, "sample %d: a copy, not the original", k);
        arena_free(&sender);
        cr_assert(val_exact_equal(copy, flat_sample(&check, k)), "sample %d intact without its sender", k);
        Value again = flat_copy_to_arena(&A, copy, words);
        free(b);
        cr_assert(val_exact_equal(again, flat_sample(&check, k)), "sample %d intact in the heap", k);
        arena_free(&check);
    }
}

Test(gc, immediates_need_no_words)
{
    cr_assert_eq(val_flat_size(ATOM_OK), 0, "an atom needs no words");
    cr_assert_eq(flat_copy(ATOM_OK, NULL, 0), ATOM_OK, "same atom");
    cr_assert_eq(flat_copy_to_arena(&A, val_small(5), 0), val_small(5), "same integer");
    cr_assert_eq(arena_used_words(&A), 0, "nothing allocated");
}

Test(gc, max_heap_size_is_reported_after_collecting)
{
    Value l = VAL_NIL;
    for (int i = 0; i < 1000; i++)
        l = val_make_cons(&A, val_small(i), l);
    arena_set_max_heap(&A, 500);
    RootRange rr = {&l, 1};
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_HEAP_LIMIT, "2000 live words > max 500");
    cr_assert_eq(val_small_get(val_head(l)), 999, "the heap is still consistent");
}

Test(gc, values_outside_the_arena_are_left_alone)
{
    static uint64_t literal[3] = {0, 42, 0};
    literal[0] = hdr_make(HDR_TUPLE, 2);
    literal[2] = val_small(1);
    Value lit = val_box_from(literal);
    Value t = val_make_tuple_from(&A, &lit, 1);
    RootRange rr = {&t, 1};
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
    cr_assert_eq(val_tuple_elems(t)[0], lit, "a literal outside the arena is not moved");
    cr_assert_eq(literal[0], hdr_make(HDR_TUPLE, 2), "and not written to");
}

/* A mailbox-like linked list of messages kept outside the heap, visited by a GcRootFn. */
typedef struct Msg {
    struct Msg *next;
    Value v;
} Msg;

static void visit_msgs(void *ctx, GcVisitor *v)
{
    for (Msg *m = ctx; m; m = m->next)
        gc_visit(v, &m->v);
}

Test(gc, roots_outside_arrays_are_visited_through_a_callback)
{
    Msg m2 = {NULL, sample(&A, 2)}, m1 = {&m2, sample(&A, 1)};
    for (int i = 0; i < 50; i++)
        (void)sample(&A, i);
    cr_assert_eq(gc_collect_with(&A, NULL, 0, visit_msgs, &m1), GC_OK, "collect");
    Arena check;
    arena_init(&check);
    cr_assert(val_exact_equal(m1.v, sample(&check, 1)), "message 1 survived");
    cr_assert(val_exact_equal(m2.v, sample(&check, 2)), "message 2 survived");
    arena_free(&check);
}

Test(gc, the_heap_grows_with_live_data_and_shrinks_when_it_is_dropped)
{
    Value root = VAL_NIL;
    RootRange rr = {&root, 1};
    for (int i = 0; i < 100000; i++) {
        root = val_make_cons(&A, val_small(i), root);
        if (arena_wants_gc(&A))
            cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect while growing");
    }
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
    size_t big = arena_heap_words(&A);
    cr_assert_geq(big, 200000, "200,000 live words need a heap at least that big (%zu)", big);
    cr_assert_leq(A.heap_words, arena_curve_size(2 * 200000), "heap size follows the curve");
    root = VAL_NIL;
    cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect after dropping");
    cr_assert_leq(arena_heap_words(&A), 64, "nothing live: back to a tiny heap (%zu words)", arena_heap_words(&A));
}

Test(gc, growth_curve_is_fibonacci_then_20_percent)
{
    size_t expect[] = {21, 34, 55, 89, 144, 233, 377, 610, 987, 1597};
    size_t s = ARENA_FIRST_WORDS;
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
        cr_assert_eq(s, expect[i], "step %zu: %zu, expected %zu", i, s, expect[i]);
        s = arena_curve_size(s + 1);
    }
    size_t big = arena_curve_size(5000000), next = arena_curve_size(big + 1);
    cr_assert(next > big && next <= big + big / 4, "past 1M words steps are ~20%% (%zu -> %zu)", big, next);
}

Test(gc, a_zeroed_arena_is_a_valid_empty_arena)
{
    Arena z = {0};
    Value l = val_make_list(&z, (Value[]){val_small(1), val_small(2)}, 2, VAL_NIL);
    RootRange rr = {&l, 1};
    cr_assert_eq(gc_collect(&z, &rr, 1), GC_OK, "collect a zero-initialised arena");
    cr_assert_eq(val_small_get(val_head(val_tail(l))), 2, "list intact");
    arena_free(&z);
}

Test(gc, a_parked_process_heap_stays_small)
{
    /* spawn(fn -> receive do msg -> msg end end): a fun with one free variable and a pid */
    static const FunHead fh = {.arity = 0};
    Value fn = val_make_fun(&A, &fh, 1);
    val_fun_free(fn)[0] = val_pid(5, 0);
    size_t bytes = sizeof(Arena) + arena_heap_words(&A) * sizeof(Value) + sizeof(ArenaChunk);
    cr_assert_leq(bytes, 256, "arena + first chunk = %zu bytes, budget 256 of the 512 per process", bytes);
}

/* A random value of every heap type, sharing values of `pool` (small ones: sharing big
 * values again and again would grow their tree size exponentially). */
static Value random_value(Arena *a, const Value *pool, size_t npool, int depth)
{
    static const FunHead fh = {.arity = 2, .index = 9, .uniq = 1};
    int kind = rand() % (depth > 0 ? 10 : 5);
    switch (kind) {
    case 0: return val_small(rand() % 1000);
    case 1: return val_make_float(a, rand() / 7.0);
    case 2: { char s[40]; int n = rand() % 39; memset(s, 'a' + rand() % 26, (size_t)n); return val_make_binary(a, s, (size_t)n); }
    case 3: return npool ? pool[(size_t)rand() % npool] : VAL_NIL; /* sharing */
    case 4: return val_make_int(a, INT64_MAX - rand());
    case 5: case 6: {
        Value items[8];
        int n = rand() % 8;
        for (int i = 0; i < n; i++)
            items[i] = random_value(a, pool, npool, depth - 1);
        return kind == 5 ? val_make_list(a, items, (size_t)n, VAL_NIL) : val_make_tuple_from(a, items, (uint32_t)n);
    }
    case 7: {
        Value m = map_new(a);
        int n = rand() % 60; /* flat and tree maps */
        for (int i = 0; i < n; i++)
            m = map_put(a, m, val_small(rand() % 100), random_value(a, pool, npool, depth - 1));
        return m;
    }
    case 8: {
        Value f = val_make_fun(a, &fh, 2);
        val_fun_free(f)[0] = random_value(a, pool, npool, depth - 1);
        val_fun_free(f)[1] = val_make_ref(a);
        return f;
    }
    default: return val_make_cons(a, random_value(a, pool, npool, depth - 1), random_value(a, pool, npool, depth - 1));
    }
}

Test(gc, random_structures_survive_repeated_collections_unchanged)
{
    enum { ROOTS = 64, SHARED = 8, ROUNDS = 300 };
    Value roots[ROOTS], shared[SHARED];
    Value oracle[ROOTS];
    Value *blocks[ROOTS] = {0};
    RootRange rr[2] = {{roots, ROOTS}, {shared, SHARED}};
    srand(1234);
    for (int i = 0; i < ROOTS; i++)
        roots[i] = VAL_NIL, oracle[i] = VAL_NIL;
    for (int round = 0; round < ROUNDS; round++) {
        for (int j = 0; j < SHARED; j++)
            shared[j] = random_value(&A, NULL, 0, 1);
        int i = rand() % ROOTS;
        roots[i] = random_value(&A, shared, SHARED, 4);
        free(blocks[i]); /* the oracle copy lives outside A: collections never touch it */
        blocks[i] = block_copy(roots[i], &oracle[i]);
        for (int g = 0; g < 3; g++)
            (void)random_value(&A, shared, SHARED, 3); /* garbage */
        if (round % 3 == 0 || arena_wants_gc(&A))
            cr_assert_eq(gc_collect(&A, rr, 2), GC_OK, "collect");
        if (round % 10 == 0)
            for (int j = 0; j < ROOTS; j++)
                cr_assert(val_exact_equal(roots[j], oracle[j]), "round %d: root %d changed by a collection", round, j);
    }
    for (int i = 0; i < ROOTS; i++)
        free(blocks[i]);
}

Test(gc, received_messages_in_a_loop_keep_memory_bounded)
{
    Arena sender;
    arena_init(&sender);
    Value keep = VAL_NIL;
    RootRange rr = {&keep, 1};
    size_t high = 0;
    for (int i = 0; i < 2000; i++) {
        Value msg = sample(&sender, i), queued;
        Value *b = block_copy(msg, &queued);
        keep = flat_copy_to_arena(&A, queued, val_flat_size(msg)); /* only the newest stays live */
        cr_assert_neq(keep, THE_NON_VALUE, "copy into the heap");
        free(b);
        if (arena_wants_gc(&A))
            cr_assert_eq(gc_collect(&A, &rr, 1), GC_OK, "collect");
        if (i == 100)
            high = arena_heap_words(&A);
        if (i > 100)
            cr_assert_leq(arena_heap_words(&A), 4 * high, "message %d: heap %zu words (was %zu)", i, arena_heap_words(&A), high);
        if (i % 100 == 99)
            arena_free(&sender);
    }
    Arena check;
    arena_init(&check);
    cr_assert(val_exact_equal(keep, sample(&check, 1999)), "last message intact");
    arena_free(&check);
    arena_free(&sender);
}
