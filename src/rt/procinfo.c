/* procinfo.c: Process.info items and answering requests for them (procinfo.h). */
#include "rt/procinfo.h"

#include <stdio.h>
#include <stdlib.h>

#include "rt/runtime.h"
#include "value/map.h"

static Value atom(const char *name) { return val_atom_cstr(name); }

/* The items info/1 reports, in Elixir's order (registered_name first, only if there is one). */
static const char *const all_items[] = {"status", "message_queue_len", "links", "dictionary",
                                        "trap_exit", "total_heap_size", "heap_size",
                                        "reductions", NULL};
static const char *const other_items[] = {"registered_name", "monitors", "monitored_by",
                                          "memory", "messages", NULL};

static bool known(Value item)
{
    for (int i = 0; all_items[i]; i++)
        if (item == atom(all_items[i]))
            return true;
    for (int i = 0; other_items[i]; i++)
        if (item == atom(other_items[i]))
            return true;
    return false;
}

bool procinfo_valid(Value spec)
{
    if (val_is_atom(spec))
        return spec == atom("all") || known(spec);
    for (; val_is_cons(spec); spec = val_tail(spec))
        if (!val_is_atom(val_head(spec)) || !known(val_head(spec)))
            return false;
    return spec == VAL_NIL;
}

Value procinfo_status(ProcRt *r)
{
    switch (proc_rt_status(r)) {
    case PROC_RT_RUNNABLE: return atom("runnable");
    case PROC_RT_RUNNING: return atom("running");
    case PROC_RT_WAITING: return atom("waiting");
    case PROC_RT_EXITING: break;
    }
    return atom("exiting");
}

/* The keys (or the values) of table `m` (NULL: empty) as a list, each wrapped as
 * {:process, x} when `tag`. */
static Value table_list(Arena *a, IdMap *m, bool keys, bool tag)
{
    Value list = VAL_NIL;
    uint32_t pos = 0;
    uint64_t k, v;
    while (m != NULL && idmap_next(m, &pos, &k, &v)) {
        Value x = keys ? (Value)k : (Value)v;
        if (tag) {
            Value pair[2] = {ATOM_PROCESS, x};
            x = val_make_tuple_from(a, pair, 2);
        }
        list = x == THE_NON_VALUE ? x : val_make_cons(a, x, list);
        if (list == THE_NON_VALUE)
            return list;
    }
    return list;
}

static Value dictionary_list(Arena *a, Value dict)
{
    if (!val_is_map(dict))
        return VAL_NIL;
    Value list = VAL_NIL;
    MapIter it;
    Value k, v;
    map_iter_init(&it, dict);
    while (list != THE_NON_VALUE && map_iter_next(&it, &k, &v)) {
        Value pair[2] = {k, v};
        Value t = val_make_tuple_from(a, pair, 2);
        list = t == THE_NON_VALUE ? t : val_make_cons(a, t, list);
    }
    return list;
}

/* p's received messages, oldest first, as a list built in `a` (rt_message_value). */
static Value messages_list(Process *p, Arena *a)
{
    uint32_t n = mailbox_len(&p->rt.mb), i = 0;
    Value *vals = malloc((n ? n : 1) * sizeof *vals);
    if (vals == NULL)
        return THE_NON_VALUE;
    for (SigLink *l = atomic_load_explicit(&p->rt.mb.msgs.next, memory_order_relaxed); l && i < n;
         l = atomic_load_explicit(&l->next, memory_order_relaxed))
        if ((vals[i++] = rt_message_value(p, (Signal *)l, a)) == THE_NON_VALUE) {
            free(vals);
            return THE_NON_VALUE;
        }
    Value list = val_make_list(a, vals, i, VAL_NIL);
    free(vals);
    return list;
}

/* Bytes of p's received messages: each signal block with its payload's copy (signals not
 * drained yet are not counted). */
static size_t mailbox_bytes(Process *p)
{
    size_t bytes = 0;
    for (SigLink *l = atomic_load_explicit(&p->rt.mb.msgs.next, memory_order_relaxed); l;
         l = atomic_load_explicit(&l->next, memory_order_relaxed))
        bytes += sizeof(Signal) + ((Signal *)l)->words * sizeof(Value);
    return bytes;
}

static Value memory_bytes(Process *p)
{
    size_t bytes = sizeof *p + arena_heap_words(&p->arena) * sizeof(Value) + mailbox_bytes(p) +
                   (size_t)p->stack_cap * sizeof(Value) + (size_t)p->frames_cap * sizeof(Frame) +
                   (size_t)p->handlers_cap * sizeof(Handler) +
                   (p->rt.tables ? sizeof *p->rt.tables : 0);
    return val_small((int64_t)bytes);
}

/* The value of one item about `p`. */
static Value item_value(Process *p, Arena *a, Value item, Value status)
{
    SigTables *t = p->rt.tables;
    if (item == atom("status"))
        return status;
    if (item == atom("message_queue_len"))
        return val_small(mailbox_len(&p->rt.mb));
    if (item == atom("messages"))
        return messages_list(p, a);
    if (item == atom("links"))
        return table_list(a, t ? &t->links : NULL, true, false);
    if (item == atom("monitors"))
        return table_list(a, t ? &t->monitors : NULL, false, true);
    if (item == atom("monitored_by"))
        return table_list(a, t ? &t->watchers : NULL, false, false);
    if (item == atom("dictionary"))
        return dictionary_list(a, proc_cold(p)->dictionary);
    if (item == atom("trap_exit"))
        return val_bool(p->rt.trap_exit);
    if (item == atom("reductions"))
        return val_make_int(a, (int64_t)p->reductions_done);
    if (item == atom("memory"))
        return memory_bytes(p);
    if (item == atom("heap_size") || item == atom("total_heap_size"))
        return val_make_int(a, (int64_t)arena_heap_words(&p->arena));
    uint32_t name = p->rt.pid ? registry_name_of(&rt_get()->reg, &p->rt) : 0;
    return name ? val_atom(name) : VAL_NIL; /* registered_name */
}

static Value item_pair(Process *p, Arena *a, Value item, Value status)
{
    Value v = item_value(p, a, item, status);
    Value pair[2] = {item, v};
    return v == THE_NON_VALUE ? v : val_make_tuple_from(a, pair, 2);
}

/* A keyword list of the items of `items` (a list), in that order. */
static Value item_list(Process *p, Arena *a, Value items, Value status)
{
    size_t n = 0;
    for (Value l = items; val_is_cons(l); l = val_tail(l))
        n++;
    Value *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (pairs == NULL)
        return THE_NON_VALUE;
    size_t i = 0;
    for (Value l = items; val_is_cons(l); l = val_tail(l))
        if ((pairs[i++] = item_pair(p, a, val_head(l), status)) == THE_NON_VALUE) {
            free(pairs);
            return THE_NON_VALUE;
        }
    Value r = val_make_list(a, pairs, n, VAL_NIL);
    free(pairs);
    return r;
}

Value procinfo_build(Process *p, Arena *a, Value spec, Value status)
{
    if (spec != atom("all"))
        return val_is_atom(spec) ? item_pair(p, a, spec, status) : item_list(p, a, spec, status);
    Value items = VAL_NIL;
    for (int i = (int)(sizeof all_items / sizeof *all_items) - 2; i >= 0; i--)
        items = val_make_cons(a, atom(all_items[i]), items);
    if (items != THE_NON_VALUE && registry_name_of(&rt_get()->reg, &p->rt) != 0)
        items = val_make_cons(a, atom("registered_name"), items);
    return items == THE_NON_VALUE ? items : item_list(p, a, items, status);
}

void procinfo_answer(void *ctx, ProcRt *self, Signal *req, bool alive)
{
    Runtime *rt = ctx;
    Arena scratch;
    arena_init(&scratch);
    Value *spec = val_tuple_elems(req->payload); /* {spec, status} */
    Value answer = alive ? procinfo_build(proc_of(self), &scratch, spec[0], spec[1]) : ATOM_NIL;
    Value ref = val_make_ref_number(&scratch, signal_ref(req));
    Value reply[3] = {atom("$info_reply"), ref, answer};
    Value msg = answer == THE_NON_VALUE || ref == THE_NON_VALUE
                    ? THE_NON_VALUE
                    : val_make_tuple_from(&scratch, reply, 3);
    Signal *s = msg == THE_NON_VALUE ? NULL
                                     : rt->env.ops.make(rt->env.ctx, SIG_MESSAGE, self->pid, msg, 0);
    arena_free(&scratch);
    if (s == NULL) {
        fputs("ember: out of memory while answering Process.info\n", stderr);
        abort();
    }
    signal_push(&rt->env, signal_from(req), s);
    rt->env.ops.free(rt->env.ctx, req);
}
