/* fn.c: compiling function clauses (shared by def and fn), anonymous fns and their captured
 * variables, the capture operator &(...) and function references &f/1, &M.f/1. */
#include <stdio.h>
#include <string.h>

#include "compile/cstate.h"

void cclauses(FnState *f, AstNode *const *clauses, uint32_t n, uint32_t arity)
{
    uint32_t *subjs = pool_alloc(f->mod->pool, (arity + 1) * sizeof *subjs);
    for (uint32_t i = 0; i < arity; i++) subjs[i] = i;
    for (uint32_t i = 0; i < n; i++) {
        const AstNode *c = clauses[i];
        if (!c->b) continue; /* a bodiless head (defaults only) */
        if (c->nkids != arity)
            cerror(f, c, "cannot mix clauses with different arities in anonymous functions");
        uint32_t fail = label_new(f);
        scope_push(f);
        f->line = c->line;
        chead(f, c->kids, c->nkids, subjs, c->a, fail);
        ctail(f, c->b);
        scope_pop(f);
        label_bind(f, fail);
    }
    emit_op(f, OP_FCLAUSE, NULL);
}

/* Emits the closure for the finished child `child` of `f` (FUN, or a constant when it
 * captures nothing). */
static uint32_t make_closure(FnState *f, FnState *child, const AstNode *at)
{
    Code *code = fn_finish(child, f->mod->def_name, f->mod->def_arity);
    if (child->nfree == 0) {
        Value fun = val_make_fun(f->mod->lit, &code->head, 0);
        return cload(f, fun);
    }
    uint32_t *regs = pool_alloc(f->mod->pool, child->nfree * sizeof *regs);
    for (uint32_t i = 0; i < child->nfree; i++) regs[i] = var_lookup(f, child->free_names[i]);
    uint32_t d = reg_new(f);
    emit_op(f, OP_FUN, at);
    emit(f, d);
    emit(f, child_add(f, code));
    emit_regs(f, regs, child->nfree);
    return d;
}

uint32_t cfn(FnState *f, const AstNode *n)
{
    if (n->nkids == 0) cerror(f, n, "expected anonymous functions to be defined with -> inside: 'fn'");
    uint32_t arity = n->kids[0]->nkids;
    FnState child;
    fn_init(&child, f->mod, f, CODE_FN, arity);
    scope_push(&child);
    cclauses(&child, n->kids, n->nkids, arity);
    return make_closure(f, &child, n);
}

/* The highest &N used in `n` (not looking into nested fns). */
static uint32_t capture_arity(const AstNode *n)
{
    if (!n) return 0;
    if (n->kind == AST_CAPTURE_ARG) return (uint32_t)n->ival;
    if (n->kind == AST_FN || n->kind == AST_CAPTURE) return 0;
    uint32_t m = 0;
    const AstNode *sub[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++) {
        uint32_t k = capture_arity(sub[i]);
        if (k > m) m = k;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        uint32_t k = capture_arity(n->kids[i]);
        if (k > m) m = k;
    }
    return m;
}

uint32_t ccapture(FnState *f, const AstNode *n)
{
    uint32_t arity = capture_arity(n->a);
    if (arity == 0)
        cerror(f, n, "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture "
                     "a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local "
                     "or imported function, such as &is_atom/1\n  * &some_code(&1, ...) "
                     "containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: &");
    FnState child;
    fn_init(&child, f->mod, f, CODE_FN, arity);
    scope_push(&child);
    for (uint32_t i = 0; i < arity; i++) {
        char name[16];
        snprintf(name, sizeof name, "&%u", i + 1);
        var_bind(&child, pool_strdup(f->mod->pool, name), i);
    }
    ctail(&child, n->a);
    return make_closure(f, &child, n);
}

/* A stub fn of `arity` that tail-calls local function `index` of the module. */
static uint32_t local_funref(FnState *f, const AstNode *n, uint32_t index, uint32_t arity)
{
    FnState child;
    fn_init(&child, f->mod, f, CODE_FN, arity);
    scope_push(&child);
    emit_op(&child, OP_TCALL, n);
    emit(&child, index);
    emit(&child, arity);
    for (uint32_t i = 0; i < arity; i++) emit(&child, i);
    Code *code = fn_finish(&child, atom_of(n->name), arity);
    return cload(f, val_make_fun(f->mod->lit, &code->head, 0));
}

uint32_t cfunref(FnState *f, const AstNode *n)
{
    uint32_t arity = (uint32_t)n->ival;
    Value name = atom_of(n->name);
    Value mod = n->a ? module_atom(f->mod, n->a) : THE_NON_VALUE;
    if (n->a && mod == THE_NON_VALUE) {
        /* &mod_var.f/1: a fun calling mod.f at run time. */
        uint32_t m = cexpr(f, n->a), nm = cload(f, name), ar = cload(f, val_small(arity));
        uint32_t args[3] = {m, nm, ar};
        return emit_callx(f, n, atom_of("Elixir.Function"), atom_of("capture"), args, 3, false);
    }
    if (!n->a) {
        for (uint32_t i = 0; i < f->mod->ndefs; i++)
            if (f->mod->defs[i].name == name && f->mod->defs[i].arity == arity)
                return local_funref(f, n, f->mod->defs[i].index, arity);
        mod = THE_NON_VALUE;
        Value kernel = atom_of("Elixir.Kernel");
        if (arity < 64 && (module_export_arities(kernel, name) & (UINT64_C(1) << arity))) mod = kernel;
        for (uint32_t i = f->mod->nimports; i-- > 0 && mod == THE_NON_VALUE;)
            if (arity < 64 && (module_export_arities(f->mod->imports[i], name) & (UINT64_C(1) << arity)))
                mod = f->mod->imports[i];
        if (mod == THE_NON_VALUE)
            cerror(f, n, "undefined function %s/%u (there is no such import)", n->name, arity);
    }
    const Code *stub = export_capture(export_get(mod, name, arity));
    return cload(f, val_make_fun(f->mod->lit, &stub->head, 0));
}
