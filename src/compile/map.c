/* map.c: compiling map literals and updates, struct construction/update (a struct is its
 * module's template map with some keys replaced; keys are checked at compile time, as Elixir
 * does) and string interpolation. */
#include <string.h>

#include "compile/cstate.h"
#include "value/map.h"

/* Compiles the PAIRs of `n` into consecutive (key, value) register pairs. */
static uint32_t *cpairs(FnState *f, const AstNode *n)
{
    uint32_t *regs = pool_alloc(f->mod->pool, (2 * n->nkids + 1) * sizeof *regs);
    for (uint32_t i = 0; i < n->nkids; i++) {
        regs[2 * i] = cexpr(f, n->kids[i]->a);
        regs[2 * i + 1] = cexpr(f, n->kids[i]->b);
    }
    return regs;
}

static void emit_pairs(FnState *f, const uint32_t *regs, uint32_t npairs)
{
    emit(f, npairs);
    for (uint32_t i = 0; i < 2 * npairs; i++) emit(f, regs[i]);
}

static uint32_t emit_update(FnState *f, const AstNode *n, uint32_t base)
{
    uint32_t *regs = cpairs(f, n);
    uint32_t d = reg_new(f);
    emit_op(f, OP_MAPUPD, n);
    emit(f, d);
    emit(f, base);
    emit_pairs(f, regs, n->nkids);
    return d;
}

uint32_t cmap(FnState *f, const AstNode *n)
{
    if (n->a) return emit_update(f, n, cexpr(f, n->a));
    uint32_t *regs = cpairs(f, n);
    uint32_t d = reg_new(f);
    emit_op(f, OP_MAP, n);
    emit(f, d);
    emit_pairs(f, regs, n->nkids);
    return d;
}

/* The struct template of module `mod` as known now, or THE_NON_VALUE. */
static Value template_of(FnState *f, Value mod)
{
    if (mod == f->mod->module) return f->mod->struct_template;
    const Module *m = module_find(mod);
    return m ? m->struct_template : THE_NON_VALUE;
}

uint32_t cstruct(FnState *f, const AstNode *n)
{
    AstNode alias = *n;
    alias.kind = AST_ALIAS;
    Value mod = module_atom(f->mod, &alias);
    if (n->a) return emit_update(f, n, cexpr(f, n->a));
    if (mod == f->mod->module && f->mod->mdef)
        cerror(f, n, "cannot access struct %s, the struct was not yet defined or the struct is "
                     "being accessed in the same context that defines it", n->name);
    Value tmpl = template_of(f, mod);
    if (tmpl == THE_NON_VALUE && !module_ensure_loaded(mod)) tmpl = THE_NON_VALUE;
    else if (tmpl == THE_NON_VALUE) tmpl = template_of(f, mod);
    if (tmpl == THE_NON_VALUE)
        cerror(f, n, "%s.__struct__/1 is undefined, cannot expand struct %s. Make sure the struct "
                     "name is correct. If the struct name exists and is correct but it still "
                     "cannot be found, you likely have cyclic module usage in your code",
               n->name, n->name);
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *key = n->kids[i]->a;
        Value k;
        if (!literal_value(f, key, &k) || !val_is_atom(k)) continue;
        if (map_get(tmpl, k) == THE_NON_VALUE)
            cerror_exc(f, "Elixir.KeyError", "key :%s not found", atom_name(val_atom_index(k)));
    }
    return emit_update(f, n, cload(f, tmpl));
}

uint32_t cinterp(FnState *f, const AstNode *n)
{
    uint32_t *regs = pool_alloc(f->mod->pool, (n->nkids + 1) * sizeof *regs);
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *k = n->kids[i];
        if (k->kind == AST_STRING) {
            regs[i] = cload(f, lit_binary(f, k->str, k->len));
            continue;
        }
        uint32_t r = cexpr(f, k);
        regs[i] = reg_new(f);
        emit_op(f, OP_TOSTR, k);
        emit(f, regs[i]);
        emit(f, r);
    }
    if (n->nkids == 1 && n->kids[0]->kind == AST_STRING) return regs[0];
    uint32_t d = reg_new(f);
    emit_op(f, OP_CONCAT, n);
    emit(f, d);
    emit_regs(f, regs, n->nkids);
    return d;
}
