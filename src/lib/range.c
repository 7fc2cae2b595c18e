/* range.c: the Range module: the %Range{first, last, step} struct (so %Range{} literals and
 * patterns expand) and new/2, new/3, size/1, disjoint?/2. Kernel's `..` builds the same
 * struct (kernel_data.c); Enum reads it through enum_range (enum.h). Bounds are 64-bit
 * integers.
 */
#include "lib/enum.h"
#include "lib/libs.h"
#include "rt/perm.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/error.h"

static Value range_make(Arena *a, Value first, Value last, Value step)
{
    Value keys[4] = {ATOM_STRUCT, val_atom_cstr("first"), val_atom_cstr("last"), val_atom_cstr("step")};
    Value vals[4] = {val_atom_cstr("Elixir.Range"), first, last, step};
    return map_from_pairs(a, keys, vals, 4);
}

/* ArgumentError "ranges (first..last...) expect ..., got: F..L[//S]" */
static Value bad_range(Process *p, const Value *a, bool with_step)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, with_step ? "ranges (first..last//step) expect both sides to be integers and the step to be a "
                                 "non-zero integer, got: "
                               : "ranges (first..last) expect both sides to be integers, got: ");
    inspect_append(&sb, a[0], NULL);
    strbuf_puts(&sb, "..");
    inspect_append(&sb, a[1], NULL);
    if (with_step) {
        strbuf_puts(&sb, "//");
        inspect_append(&sb, a[2], NULL);
    }
    Value v = err_argument(p, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return v;
}

static Value range_new2(Process *p, const Value *a)
{
    if (!val_is_int(a[0]) || !val_is_int(a[1])) return bad_range(p, a, false);
    Value step = val_small(val_int_get(a[0]) <= val_int_get(a[1]) ? 1 : -1);
    return range_make(&p->arena, a[0], a[1], step);
}

static Value range_new3(Process *p, const Value *a)
{
    if (!val_is_int(a[0]) || !val_is_int(a[1]) || !val_is_int(a[2]) || val_int_get(a[2]) == 0)
        return bad_range(p, a, true);
    return range_make(&p->arena, a[0], a[1], a[2]);
}

static Value range_size(Process *p, const Value *a)
{
    EnumRange r;
    if (!enum_range(a[0], &r)) return enum_fclause(p, "Range", "size", 1, a);
    return val_make_int(&p->arena, enum_range_count(&r));
}

/* True if no integer is in both ranges. */
static Value range_disjoint(Process *p, const Value *a)
{
    EnumRange r1, r2;
    if (!enum_range(a[0], &r1) || !enum_range(a[1], &r2)) return enum_fclause(p, "Range", "disjoint?", 2, a);
    int64_t n1 = enum_range_count(&r1), n2 = enum_range_count(&r2);
    if (n1 == 0 || n2 == 0) return ATOM_TRUE;
    /* walk the shorter range: disjoint ranges with steps need a membership test per element */
    const EnumRange *s = n1 <= n2 ? &r1 : &r2, *l = n1 <= n2 ? &r2 : &r1;
    int64_t lfirst = l->first, llast = l->first + (enum_range_count(l) - 1) * l->step;
    int64_t lo = lfirst < llast ? lfirst : llast, hi = lfirst < llast ? llast : lfirst;
    int64_t sfirst = s->first, slast = s->first + (enum_range_count(s) - 1) * s->step;
    int64_t slo = sfirst < slast ? sfirst : slast, shi = sfirst < slast ? slast : sfirst;
    if (shi < lo || slo > hi) return ATOM_TRUE;
    if ((s->step == 1 || s->step == -1) && (l->step == 1 || l->step == -1)) return ATOM_FALSE;
    for (int64_t i = 0, n = enum_range_count(s); i < n; i++) {
        int64_t x = s->first + i * s->step;
        if (x >= lo && x <= hi && (x - l->first) % l->step == 0) return ATOM_FALSE;
    }
    return ATOM_TRUE;
}

/* Range.shift(range, n): the range moved by n steps. */
static Value range_shift(Process *p, const Value *a)
{
    EnumRange r;
    if (!enum_range(a[0], &r) || !val_is_int(a[1])) return enum_fclause(p, "Range", "shift", 2, a);
    __int128 by = (__int128)val_int_get(a[1]) * r.step, f = r.first + by, l = r.last + by;
    if (f > INT64_MAX || f < INT64_MIN || l > INT64_MAX || l < INT64_MIN) return err_badarith(p, "+", a[0], a[1]);
    return range_make(&p->arena, val_make_int(&p->arena, (int64_t)f), val_make_int(&p->arena, (int64_t)l), val_make_int(&p->arena, r.step));
}

static Value range_is_range(Process *p, const Value *a)
{
    (void)p;
    EnumRange r;
    return val_bool(enum_range(a[0], &r));
}

static const Builtin range_builtins[] = {
    {"new", 2, range_new2}, {"new", 3, range_new3}, {"size", 1, range_size}, {"disjoint?", 2, range_disjoint},
    {"shift", 2, range_shift}, {"range?", 1, range_is_range},
};

void lib_range_init(void)
{
    LIB_REGISTER("Elixir.Range", range_builtins);
    Arena *lit = perm_alloc(sizeof *lit);
    arena_init(lit);
    Module *m = perm_alloc(sizeof *m);
    m->name = val_atom_cstr("Elixir.Range");
    m->file = "nofile";
    m->struct_template = range_make(lit, ATOM_NIL, ATOM_NIL, ATOM_NIL);
    Value fields[3] = {val_atom_cstr("first"), val_atom_cstr("last"), val_atom_cstr("step")};
    m->struct_fields = val_make_list(lit, fields, 3, VAL_NIL);
    module_define(m);
}
