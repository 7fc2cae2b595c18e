/* emit.c: the instruction buffer of one function being compiled: words, labels (patched when
 * the function is finished), constants, nested funs, imports, pointers and the line table,
 * and the copy into a permanent Code at the end. */
#include <stdlib.h>
#include <string.h>

#include "rt/perm.h"
#include "compile/cstate.h"
#include "vm/module.h"

/* Grows a pool array `*arr` of `*cap` elements of `size` bytes to hold `need`. */
static void grow(FnState *f, void *arr, uint32_t *cap, uint32_t need, size_t size)
{
    void **p = arr;
    if (need <= *cap) return;
    uint32_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) ncap *= 2;
    *p = pool_grow(f->mod->pool, *p, (size_t)*cap * size, (size_t)ncap * size);
    *cap = ncap;
}

void fn_init(FnState *f, ModCtx *mod, FnState *parent, CodeKind kind, uint32_t arity)
{
    memset(f, 0, sizeof *f);
    f->mod = mod;
    f->parent = parent;
    f->kind = kind;
    f->arity = arity;
    /* Parameters, then (for a closure) the fun itself. */
    f->nextreg = f->maxreg = arity + (kind == CODE_FN ? 1 : 0);
    f->line = parent ? parent->line : 0;
}

void emit(FnState *f, uint32_t word)
{
    grow(f, &f->ins, &f->cap, f->nins + 1, sizeof *f->ins);
    f->ins[f->nins++] = word;
}

void emit_op(FnState *f, Opcode op, const AstNode *at)
{
    if (f->in_guard && (op == OP_TUPLE || op == OP_CONS || op == OP_MAP || op == OP_MAPUPD ||
                        op == OP_FUN || op == OP_CONCAT || op == OP_TOSTR))
        f->guard_builds = true; /* what it builds may point into a message (creceive) */
    if (at && at->line && at->line != f->line) f->line = at->line;
    if (f->nlines == 0 || f->lines[f->nlines - 1].line != f->line) {
        grow(f, &f->lines, &f->lines_cap, f->nlines + 1, sizeof *f->lines);
        f->lines[f->nlines++] = (LineEntry){f->nins, f->line};
    }
    emit(f, (uint32_t)op);
}

void emit_regs(FnState *f, const uint32_t *regs, uint32_t n)
{
    emit(f, n);
    for (uint32_t i = 0; i < n; i++) emit(f, regs[i]);
}

uint32_t label_new(FnState *f)
{
    grow(f, &f->labels, &f->labels_cap, f->nlabels + 1, sizeof *f->labels);
    f->labels[f->nlabels] = NO_REG;
    return f->nlabels++;
}

void label_bind(FnState *f, uint32_t label)
{
    f->labels[label] = f->nins;
}

void emit_label(FnState *f, uint32_t label)
{
    grow(f, &f->patches, &f->patches_cap, f->npatches + 1, sizeof *f->patches);
    f->patches[f->npatches++] = (Patch){f->nins, label};
    emit(f, 0);
}

uint32_t const_index(FnState *f, Value v)
{
    /* Immediates are shared; boxed literals are distinct objects anyway. */
    if (!val_is_boxed(v) && !val_is_cons(v))
        for (uint32_t i = 0; i < f->nconsts; i++)
            if (f->consts[i] == v) return i;
    grow(f, &f->consts, &f->consts_cap, f->nconsts + 1, sizeof *f->consts);
    f->consts[f->nconsts] = v;
    return f->nconsts++;
}

uint32_t child_add(FnState *f, Code *child)
{
    grow(f, &f->children, &f->children_cap, f->nchildren + 1, sizeof *f->children);
    f->children[f->nchildren] = child;
    return f->nchildren++;
}

uint32_t import_index(FnState *f, Value module, Value name, uint32_t arity)
{
    Export *e = export_get(module, name, arity);
    for (uint32_t i = 0; i < f->nimports; i++)
        if (f->imports[i] == e) return i;
    grow(f, &f->imports, &f->imports_cap, f->nimports + 1, sizeof *f->imports);
    f->imports[f->nimports] = e;
    return f->nimports++;
}

uint32_t ptr_add(FnState *f, void *ptr)
{
    grow(f, &f->ptrs, &f->ptrs_cap, f->nptrs + 1, sizeof *f->ptrs);
    f->ptrs[f->nptrs] = ptr;
    return f->nptrs++;
}

/* A permanent copy of `n` elements of `size` bytes (NULL when empty). */
static void *keep(const void *src, size_t n, size_t size)
{
    return perm_copy(src, n, size);
}

/* A small stable number identifying the file and module, as Elixir's fun "uniq". */
static uint32_t uniq_of(const ModCtx *m)
{
    uint32_t h = 2166136261u;
    for (const char *s = m->file ? m->file : ""; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    h ^= (uint32_t)(m->module >> 6) * 2654435761u;
    return h % 100000000u;
}

Code *fn_finish(FnState *f, Value def_name, uint32_t def_arity)
{
    for (uint32_t i = 0; i < f->npatches; i++) f->ins[f->patches[i].at] = f->labels[f->patches[i].label];
    Code *c = perm_alloc(sizeof *c);
    c->head.arity = f->arity;
    c->head.index = f->kind == CODE_FN ? f->mod->fn_counter++ : 0;
    c->head.uniq = uniq_of(f->mod);
    c->head.def_arity = def_arity;
    /* A top-level fun names its file instead (value.h). */
    c->head.module = f->mod->module != ATOM_NIL ? f->mod->module : val_atom_cstr(f->mod->file);
    c->head.def_name = def_name;
    c->kind = f->kind;
    c->nregs = f->maxreg + 1;
    c->nfree = f->nfree;
    c->ins = keep(f->ins, f->nins, sizeof *f->ins);
    c->nins = f->nins;
    c->consts = keep(f->consts, f->nconsts, sizeof *f->consts);
    c->nconsts = f->nconsts;
    c->children = keep(f->children, f->nchildren, sizeof *f->children);
    c->nchildren = f->nchildren;
    c->imports = keep(f->imports, f->nimports, sizeof *f->imports);
    c->nimports = f->nimports;
    c->ptrs = keep(f->ptrs, f->nptrs, sizeof *f->ptrs);
    c->nptrs = f->nptrs;
    c->module = f->mod->target;
    c->file = f->mod->file;
    c->lines = keep(f->lines, f->nlines, sizeof *f->lines);
    c->nlines = f->nlines;
    return c;
}
