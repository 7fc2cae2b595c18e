/* scope.c: registers, scopes and variables of the function being compiled (see cstate.h for
 * the register discipline), and capture of enclosing variables by closures. */
#include <string.h>

#include "compile/cstate.h"

uint32_t reg_new(FnState *f)
{
    uint32_t r = f->nextreg++;
    if (f->nextreg > f->maxreg) f->maxreg = f->nextreg;
    return r;
}

uint32_t regs_new(FnState *f, uint32_t n)
{
    uint32_t r = f->nextreg;
    f->nextreg += n;
    if (f->nextreg > f->maxreg) f->maxreg = f->nextreg;
    return r;
}

void scope_push(FnState *f)
{
    Scope *s = pool_alloc(f->mod->pool, sizeof *s);
    s->parent = f->scope;
    s->reg_base = f->nextreg;
    s->floor = f->nextreg;
    f->scope = s;
}

void scope_pop(FnState *f)
{
    Scope *s = f->scope;
    f->nextreg = s->reg_base;
    f->scope = s->parent;
}

void temps_release(FnState *f, uint32_t mark)
{
    uint32_t floor = f->scope ? f->scope->floor : 0;
    uint32_t to = mark > floor ? mark : floor;
    if (f->nextreg > to) f->nextreg = to;
}

static uint32_t scope_find(const FnState *f, const char *name)
{
    for (const Scope *s = f->scope; s; s = s->parent)
        for (uint32_t i = s->nvars; i-- > 0;)
            if (strcmp(s->vars[i].name, name) == 0) return s->vars[i].reg;
    return NO_REG;
}

static int free_find(const FnState *f, const char *name)
{
    for (uint32_t i = 0; i < f->nfree; i++)
        if (strcmp(f->free_names[i], name) == 0) return (int)i;
    return -1;
}

/* True if `name` is a variable of `f` or of a function `f` may capture from. */
static bool visible(const FnState *f, const char *name)
{
    if (scope_find(f, name) != NO_REG) return true;
    if (f->kind != CODE_FN || !f->parent) return false;
    return free_find(f, name) >= 0 || visible(f->parent, name);
}

uint32_t var_lookup(FnState *f, const char *name)
{
    uint32_t r = scope_find(f, name);
    if (r != NO_REG) return r;
    if (f->kind != CODE_FN || !f->parent) return NO_REG;
    int i = free_find(f, name);
    if (i < 0) {
        if (!visible(f->parent, name)) return NO_REG;
        if (f->nfree == f->free_cap) {
            uint32_t ncap = f->free_cap ? f->free_cap * 2 : 8;
            f->free_names = pool_grow(f->mod->pool, f->free_names, f->free_cap * sizeof(char *),
                                      ncap * sizeof(char *));
            f->free_cap = ncap;
        }
        i = (int)f->nfree;
        f->free_names[f->nfree++] = name;
    }
    uint32_t d = reg_new(f);
    emit_op(f, OP_GETFREE, NULL);
    emit(f, d);
    emit(f, (uint32_t)i);
    return d;
}

void var_bind(FnState *f, const char *name, uint32_t reg)
{
    Scope *s = f->scope;
    if (s->nvars == s->cap) {
        uint32_t ncap = s->cap ? s->cap * 2 : 8;
        s->vars = pool_grow(f->mod->pool, s->vars, s->cap * sizeof *s->vars, ncap * sizeof *s->vars);
        s->cap = ncap;
    }
    s->vars[s->nvars++] = (Var){name, reg};
    if (reg + 1 > s->floor && reg >= s->reg_base) s->floor = reg + 1;
}

uint32_t pending_find(FnState *f, const char *name)
{
    for (uint32_t i = 0; i < f->npending; i++)
        if (strcmp(f->pending[i].name, name) == 0) return f->pending[i].reg;
    return NO_REG;
}

void pending_add(FnState *f, const char *name, uint32_t reg)
{
    if (f->npending == f->pending_cap) {
        uint32_t ncap = f->pending_cap ? f->pending_cap * 2 : 8;
        f->pending = pool_grow(f->mod->pool, f->pending, f->pending_cap * sizeof *f->pending,
                               ncap * sizeof *f->pending);
        f->pending_cap = ncap;
    }
    f->pending[f->npending++] = (Var){name, reg};
}

void pending_commit(FnState *f)
{
    for (uint32_t i = 0; i < f->npending; i++) var_bind(f, f->pending[i].name, f->pending[i].reg);
    f->npending = 0;
}

void pending_clear(FnState *f)
{
    f->npending = 0;
}
