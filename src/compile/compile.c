/* compile.c: the compiler's entry points for top-level code, compile errors (longjmp back to
 * the entry point, which frees the scratch pool) and shared module-context setup. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt/perm.h"
#include "compile/cstate.h"
#include "parse/parse.h"

static void verror(ModCtx *m, uint32_t line, const char *exception, const char *fmt, va_list ap)
{
    vsnprintf(m->err->message, sizeof m->err->message, fmt, ap);
    m->err->file = m->file;
    m->err->line = line;
    m->err->exception = exception;
    longjmp(*m->jb, 1);
}

_Noreturn void cerror(FnState *f, const AstNode *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(f->mod, node && node->line ? node->line : f->line, NULL, fmt, ap);
    va_end(ap);
    abort(); /* not reached */
}

_Noreturn void cerror_exc(FnState *f, const char *exception, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(f->mod, f->line, exception, fmt, ap);
    va_end(ap);
    abort();
}

_Noreturn void cerror_mod(ModCtx *m, uint32_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(m, line, NULL, fmt, ap);
    va_end(ap);
    abort();
}

/* Returns a permanent copy of `s` (file names live as long as the code). */
static const char *keep_str(const char *s)
{
    return perm_strdup(s ? s : "nofile");
}

/* Collects the names of every variable visible at the end of top level code (shell). */
static void export_bindings(FnState *f, const CompileOpts *opts, uint32_t result)
{
    uint32_t n = 0;
    for (Scope *s = f->scope; s; s = s->parent) n += s->nvars;
    char **names = calloc(n + 1, sizeof *names);
    uint32_t *regs = pool_alloc(f->mod->pool, (n + 1) * sizeof *regs);
    uint32_t k = 0;
    for (Scope *s = f->scope; s; s = s->parent)
        for (uint32_t i = s->nvars; i-- > 0;) {
            bool seen = false;
            for (uint32_t j = 0; j < k && !seen; j++) seen = strcmp(names[j], s->vars[i].name) == 0;
            if (seen || s->vars[i].name[0] == '@') continue;
            names[k] = strdup(s->vars[i].name);
            regs[k++] = s->vars[i].reg;
        }
    uint32_t list = cload(f, VAL_NIL);
    for (uint32_t i = k; i-- > 0;) {
        uint32_t d = reg_new(f);
        emit_op(f, OP_CONS, NULL);
        emit(f, d);
        emit(f, regs[i]);
        emit(f, list);
        list = d;
    }
    uint32_t pair[2] = {result, list}, d = reg_new(f);
    emit_op(f, OP_TUPLE, NULL);
    emit(f, d);
    emit_regs(f, pair, 2);
    emit_op(f, OP_RET, NULL);
    emit(f, d);
    *opts->out_names = names;
    *opts->out_nnames = k;
}

Code *compile_toplevel(const AstNode *root, const CompileOpts *opts, CompileError *err)
{
    Pool pool = {0};
    jmp_buf jb;
    ModCtx m = {0};
    m.pool = &pool;
    m.jb = &jb;
    m.err = err;
    m.file = keep_str(opts->file);
    m.module = ATOM_NIL;
    m.def_name = ATOM_NIL;
    m.struct_template = THE_NON_VALUE;
    m.lit = perm_alloc(sizeof(Arena));
    arena_init(m.lit);
    if (setjmp(jb)) {
        pool_free_all(&pool);
        return NULL;
    }
    FnState f;
    fn_init(&f, &m, NULL, CODE_TOP, opts->nbindings);
    scope_push(&f);
    for (uint32_t i = 0; i < opts->nbindings; i++) var_bind(&f, pool_strdup(&pool, opts->bindings[i]), i);
    if (opts->want_bindings) export_bindings(&f, opts, cblock_t(&f, root, false));
    else ctail(&f, root);
    Code *code = fn_finish(&f, ATOM_NIL, 0);
    pool_free_all(&pool);
    return code;
}

Code *compile_source(const char *file, const char *src, size_t len, CompileError *err)
{
    ParseResult pr;
    if (!parse_source(file, src, len, &pr)) {
        snprintf(err->message, sizeof err->message, "%s", pr.error ? pr.error : "syntax error");
        err->file = file;
        err->line = pr.line;
        err->exception = "Elixir.SyntaxError";
        parse_result_free(&pr);
        return NULL;
    }
    CompileOpts opts = {.file = file};
    Code *code = compile_toplevel(pr.root, &opts, err);
    if (!code) {
        parse_result_free(&pr);
        return NULL;
    }
    /* The AST stays alive: the modules it defines are compiled when their defmodule runs. */
    perm_keep(pr.arena);
    free(pr.error);
    return code;
}
