/* def.c: compiling a module's functions once its body ran (MODDONE): grouping def clauses by
 * name/arity, functions for default arguments, the functions defstruct/defexception/use
 * generate, and the Module handed to module_define. Attribute values arrive from the body's
 * process and are copied into the module's literal heap first. */
#include <stdlib.h>
#include <string.h>

#include "rt/perm.h"
#include "compile/cstate.h"
#include "rt/heapfrag.h"
#include "value/map.h"

/* A permanent copy of `v`, owned by no process (a flat copy in a block that is never freed). */
static Value keep_value(ModCtx *m, Value v)
{
    (void)m;
    size_t words = val_flat_size(v);
    return flat_copy(v, words ? perm_alloc(words * sizeof(Value)) : NULL, words);
}

static bool is_default(const AstNode *p)
{
    return p->kind == AST_BINOP && strcmp(p->name, "\\\\") == 0;
}

static DefInfo *find_def(ModCtx *m, Value name, uint32_t arity)
{
    for (uint32_t i = 0; i < m->ndefs; i++)
        if (m->defs[i].name == name && m->defs[i].arity == arity) return &m->defs[i];
    return NULL;
}

static DefInfo *add_def(ModCtx *m, Value name, uint32_t arity, bool private_)
{
    m->defs = pool_grow(m->pool, m->defs, m->ndefs * sizeof *m->defs, (m->ndefs + 1) * sizeof *m->defs);
    DefInfo *d = &m->defs[m->ndefs];
    memset(d, 0, sizeof *d);
    d->name = name;
    d->arity = arity;
    d->private_ = private_;
    d->index = m->ndefs++;
    d->min_arity = arity;
    return d;
}

static void add_clause(ModCtx *m, DefInfo *d, const AstNode *node, uint32_t site)
{
    d->clauses = pool_grow(m->pool, d->clauses, d->nclauses * sizeof *d->clauses,
                           (d->nclauses + 1) * sizeof *d->clauses);
    uint32_t *slots = pool_grow(m->pool, (void *)d->attr_slot, d->nclauses * sizeof *slots,
                                (d->nclauses + 1) * sizeof *slots);
    slots[d->nclauses] = site;
    d->attr_slot = slots;
    d->clauses[d->nclauses++] = node;
}

/* Groups the def sites into functions; adds the lower arities default arguments define. */
static void group_defs(ModCtx *m, const ModuleDef *def)
{
    for (uint32_t i = 0; i < def->ndefs; i++) {
        const AstNode *n = def->defs[i].node;
        const AstNode *clause = n->a;
        Value name = atom_of(n->name);
        DefInfo *d = find_def(m, name, clause->nkids);
        if (!d) d = add_def(m, name, clause->nkids, n->ival == 1);
        add_clause(m, d, n, i);
        uint32_t required = 0;
        for (uint32_t k = 0; k < clause->nkids; k++) required += !is_default(clause->kids[k]);
        if (required < clause->nkids && !d->defaults) {
            d->defaults = clause;
            d->min_arity = required;
        }
    }
    uint32_t n = m->ndefs;
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t a = m->defs[i].min_arity; a < m->defs[i].arity; a++) {
            if (find_def(m, m->defs[i].name, a)) continue;
            DefInfo *w = add_def(m, m->defs[i].name, a, m->defs[i].private_);
            w->kind = DEF_WRAPPER;
            w->defaults = m->defs[i].defaults;
            w->min_arity = m->defs[i].index; /* for a wrapper: the full function's index */
        }
    }
}

/* The attribute values clause `site` reads. */
static void set_attrs(ModCtx *m, const ModuleDef *def, uint32_t site, const Value *lits)
{
    const DefSite *s = &def->defs[site];
    AttrVal *vals = pool_alloc(m->pool, (s->nattrs + 1) * sizeof *vals);
    for (uint32_t i = 0; i < s->nattrs; i++)
        vals[i] = (AttrVal){s->attrs[i].name, s->attrs[i].slot == NO_REG ? ATOM_NIL : lits[s->attrs[i].slot]};
    m->attrs = vals;
    m->nattrs = s->nattrs;
}

static Code *compile_clauses(ModCtx *m, const ModuleDef *def, const DefInfo *d, const Value *lits)
{
    FnState f;
    fn_init(&f, m, NULL, CODE_DEF, d->arity);
    m->def_name = d->name;
    m->def_arity = d->arity;
    uint32_t *subjs = pool_alloc(m->pool, (d->arity + 1) * sizeof *subjs);
    for (uint32_t i = 0; i < d->arity; i++) subjs[i] = i;
    scope_push(&f);
    for (uint32_t i = 0; i < d->nclauses; i++) {
        const AstNode *c = d->clauses[i]->a;
        if (!c->b) continue;
        set_attrs(m, def, d->attr_slot[i], lits);
        uint32_t fail = label_new(&f);
        scope_push(&f);
        f.line = c->line;
        chead(&f, c->kids, c->nkids, subjs, c->a, fail);
        ctail(&f, c->b);
        scope_pop(&f);
        label_bind(&f, fail);
    }
    emit_op(&f, OP_FCLAUSE, NULL);
    return fn_finish(&f, d->name, d->arity);
}

/* name/k for a function with default arguments: fills in the defaults, calls the full one. */
static Code *compile_wrapper(ModCtx *m, const DefInfo *w)
{
    const AstNode *clause = w->defaults;
    uint32_t full = clause->nkids, required = 0;
    for (uint32_t k = 0; k < full; k++) required += !is_default(clause->kids[k]);
    FnState f;
    fn_init(&f, m, NULL, CODE_DEF, w->arity);
    m->def_name = w->name;
    m->def_arity = w->arity;
    m->nattrs = 0;
    scope_push(&f);
    uint32_t *regs = pool_alloc(m->pool, (full + 1) * sizeof *regs);
    uint32_t optional = w->arity - required, next = 0;
    for (uint32_t k = 0; k < full; k++) {
        const AstNode *p = clause->kids[k];
        if (!is_default(p)) regs[k] = next++;
        else if (optional > 0) regs[k] = next++, optional--;
        else regs[k] = cexpr(&f, p->b);
    }
    emit_op(&f, OP_TCALL, clause);
    emit(&f, w->min_arity);
    emit_regs(&f, regs, full);
    return fn_finish(&f, w->name, w->arity);
}

/* Declares a generated function unless the module defines name/arity itself. */
static DefInfo *generated(ModCtx *m, const char *name, uint32_t arity, DefKind kind)
{
    Value n = atom_of(name);
    if (find_def(m, n, arity)) return NULL;
    DefInfo *d = add_def(m, n, arity, false);
    d->kind = kind;
    return d;
}

/* Declares __struct__/0,1 and, for exceptions, exception/1 and message/1. */
static void declare_struct_funs(ModCtx *m, bool is_exception)
{
    generated(m, "__struct__", 0, DEF_STRUCT0);
    generated(m, "__struct__", 1, DEF_STRUCT1);
    if (!is_exception) return;
    generated(m, "exception", 1, DEF_EXCEPTION);
    generated(m, "message", 1, DEF_MESSAGE);
}

/* Declares, for each `use M`, the defaults M provides that the module does not define. */
static void declare_use_funs(ModCtx *m, const ModuleDef *def, const Value *lits)
{
    for (uint32_t u = 0; u < def->nuses; u++) {
        for (Value l = lits[def->uses[u].slot]; val_is_cons(l); l = val_tail(l)) {
            Value t = val_head(l);
            if (!val_is_tuple(t) || val_tuple_arity(t) != 2) continue;
            Value name = val_tuple_elems(t)[0], ar = val_tuple_elems(t)[1];
            if (!val_is_atom(name) || !val_is_small(ar)) continue;
            uint32_t arity = (uint32_t)val_small_get(ar);
            if (find_def(m, name, arity)) continue;
            DefInfo *d = add_def(m, name, arity, false);
            d->kind = DEF_USE;
            d->use_module = def->uses[u].module;
            d->use_opts = lits[def->uses[u].opts_slot];
        }
    }
}

/* def name(a...), do: M.__using_default__(:name, __MODULE__, opts, [a...]), or without opts
 * when M only defines __using_default__/3. */
static void emit_use_body(FnState *f, const DefInfo *d)
{
    uint32_t list = cload(f, VAL_NIL);
    for (uint32_t i = d->arity; i-- > 0;) {
        uint32_t c = reg_new(f);
        emit_op(f, OP_CONS, NULL);
        emit(f, c);
        emit(f, i);
        emit(f, list);
        list = c;
    }
    Value fname = atom_of("__using_default__");
    bool with_opts = module_export_arities(d->use_module, fname) & (UINT64_C(1) << 4);
    uint32_t args[4] = {cload(f, d->name), cload(f, f->mod->module), 0, list};
    if (with_opts) args[2] = cload(f, d->use_opts);
    else args[2] = list;
    emit_callx(f, NULL, d->use_module, fname, args, with_opts ? 4 : 3, true);
}

static Code *compile_generated(ModCtx *m, const DefInfo *d)
{
    FnState f;
    fn_init(&f, m, NULL, CODE_DEF, d->arity);
    m->def_name = d->name;
    m->def_arity = d->arity;
    m->nattrs = 0;
    scope_push(&f);
    Value kernel = atom_of("Elixir.Kernel");
    uint32_t r, args[2];
    switch (d->kind) {
    case DEF_STRUCT0:
        r = cload(&f, m->struct_template);
        emit_op(&f, OP_RET, NULL);
        emit(&f, r);
        break;
    case DEF_STRUCT1:
    case DEF_EXCEPTION:
        args[0] = cload(&f, m->struct_template);
        args[1] = 0;
        emit_callx(&f, NULL, kernel, atom_of(d->kind == DEF_STRUCT1 ? "__struct_new__" : "__exception_new__"),
                   args, 2, true);
        break;
    case DEF_MESSAGE:
        r = reg_new(&f);
        emit_op(&f, OP_DOT, NULL);
        emit(&f, r);
        emit(&f, 0);
        emit(&f, val_atom_index(ATOM_MESSAGE));
        emit_op(&f, OP_RET, NULL);
        emit(&f, r);
        break;
    default: emit_use_body(&f, d); break;
    }
    return fn_finish(&f, d->name, d->arity);
}

/* The struct template from defstruct's argument: [:a, b: 1] -> %{__struct__: M, a: nil, b: 1}
 * (plus __exception__: true for defexception). Also sets mod->struct_fields. */
static Value build_template(ModCtx *m, const ModuleDef *def, Value fields, Module *mod)
{
    size_t n = 0, cap = 2;
    for (Value l = fields; val_is_cons(l); l = val_tail(l)) cap++;
    Value *keys = pool_alloc(m->pool, cap * sizeof *keys), *vals = pool_alloc(m->pool, cap * sizeof *vals);
    Value *order = pool_alloc(m->pool, cap * sizeof *order);
    size_t norder = 0;
    keys[n] = ATOM_STRUCT, vals[n++] = def->name;
    if (def->is_exception) keys[n] = ATOM_EXCEPTION, vals[n++] = ATOM_TRUE;
    if (!val_is_list(fields)) cerror_mod(m, def->node->line, "defstruct expects a list of fields");
    for (Value l = fields; val_is_cons(l); l = val_tail(l)) {
        Value e = val_head(l);
        if (val_is_atom(e)) keys[n] = e, vals[n++] = ATOM_NIL;
        else if (val_is_tuple(e) && val_tuple_arity(e) == 2 && val_is_atom(val_tuple_elems(e)[0]))
            keys[n] = val_tuple_elems(e)[0], vals[n++] = val_tuple_elems(e)[1];
        else cerror_mod(m, def->node->line, "struct field names must be atoms");
        order[norder++] = keys[n - 1];
    }
    mod->struct_fields = val_make_list(m->lit, order, norder, VAL_NIL);
    return map_from_pairs(m->lit, keys, vals, n);
}

static Value *keep_attrs(ModCtx *m, const Value *attrs, uint32_t nattrs)
{
    Value *lits = pool_alloc(m->pool, (nattrs + 1) * sizeof *lits);
    for (uint32_t i = 0; i < nattrs; i++) lits[i] = keep_value(m, attrs[i]);
    return lits;
}

static void functions_init(ModCtx *m, ModuleDef *def, Pool *pool, jmp_buf *jb, CompileError *err)
{
    memset(m, 0, sizeof *m);
    m->pool = pool;
    m->jb = jb;
    m->err = err;
    m->file = def->file;
    m->module = def->name;
    m->struct_template = THE_NON_VALUE;
    m->aliases = def->aliases;
    m->naliases = def->naliases;
    m->imports = def->imports;
    m->nimports = def->nimports;
    m->lit = perm_alloc(sizeof(Arena));
    arena_init(m->lit);
}

static Module *new_module(const ModuleDef *def)
{
    Module *mod = perm_alloc(sizeof *mod);
    mod->name = def->name;
    mod->file = def->file;
    mod->struct_template = THE_NON_VALUE;
    mod->struct_fields = THE_NON_VALUE;
    mod->is_exception = def->is_exception;
    return mod;
}

static Code *compile_one(ModCtx *m, const ModuleDef *def, const DefInfo *d, const Value *lits)
{
    if (d->kind == DEF_CLAUSES) return compile_clauses(m, def, d, lits);
    if (d->kind == DEF_WRAPPER) return compile_wrapper(m, d);
    return compile_generated(m, d);
}

Module *compile_module_functions(ModuleDef *def, const Value *attrs, uint32_t nattrs,
                                 CompileError *err)
{
    Pool pool = {0};
    jmp_buf jb;
    ModCtx m;
    functions_init(&m, def, &pool, &jb, err);
    m.target = new_module(def);
    if (setjmp(jb)) {
        pool_free_all(&pool);
        return NULL;
    }
    Module *mod = m.target;
    Value *lits = keep_attrs(&m, attrs, nattrs);
    if (def->struct_slot != NO_REG) {
        m.struct_template = build_template(&m, def, lits[def->struct_slot], mod);
        mod->struct_template = m.struct_template;
    }
    group_defs(&m, def);
    if (def->struct_slot != NO_REG) declare_struct_funs(&m, def->is_exception);
    declare_use_funs(&m, def, lits);
    mod->funs = perm_alloc((m.ndefs + 1) * sizeof *mod->funs);
    mod->nfuns = m.ndefs;
    for (uint32_t i = 0; i < m.ndefs; i++) {
        mod->funs[i] = compile_one(&m, def, &m.defs[i], lits);
        mod->funs[i]->exported = !m.defs[i].private_;
    }
    pool_free_all(&pool);
    return mod;
}
