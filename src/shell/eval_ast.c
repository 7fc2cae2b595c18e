/* eval_ast.c: makes the helpers callable in a shell input, as iex imports IEx.Helpers into
 * its evaluation environment: a local call `flush()`, `h Process.alive?` becomes the remote
 * call IEx.Helpers.flush(), IEx.Helpers.h("Process.alive?"). h/1 takes its argument as
 * written (the AST turned back into its text), never evaluated, as iex's h macro does. Module
 * bodies are left alone: the helpers are not imported there. */
#include <stdio.h>
#include <string.h>

#include "shell/eval.h"
#include "value/strbuf.h"

static const struct {
    const char *name;
    uint32_t arity;
} helpers[] = {
    {"flush", 0}, {"v", 0}, {"v", 1}, {"h", 0}, {"h", 1}, {"i", 1}, {"pid", 1}, {"pid", 3},
    {"clear", 0}, {"c", 1}, {"r", 1}, {"runtime_info", 0},
};

static bool is_helper(const char *name, uint32_t arity)
{
    for (size_t i = 0; i < sizeof helpers / sizeof *helpers; i++)
        if (helpers[i].arity == arity && strcmp(helpers[i].name, name) == 0)
            return true;
    return false;
}

/* The text h/1 looks up for `n` ("Enum", "Process.alive?", "spawn/1"), or false. */
static bool query_text(const AstNode *n, StrBuf *sb)
{
    switch (n->kind) {
    case AST_ALIAS:
    case AST_VAR:
        strbuf_puts(sb, n->name);
        return true;
    case AST_CALL:
        if (n->nkids != 0)
            return false;
        strbuf_puts(sb, n->name);
        return true;
    case AST_REMOTE:
        if (n->nkids != 0 || (n->a->kind != AST_ALIAS && n->a->kind != AST_ATOM))
            return false;
        strbuf_printf(sb, "%s%s.%s", n->a->kind == AST_ATOM ? ":" : "", n->a->name, n->name);
        return true;
    case AST_BINOP:
        if (strcmp(n->name, "/") != 0 || n->b->kind != AST_INT || !query_text(n->a, sb))
            return false;
        strbuf_printf(sb, "/%lld", (long long)n->b->ival);
        return true;
    default:
        return false;
    }
}

/* `n` (a call of a helper) becomes IEx.Helpers.NAME(args). */
static void to_remote(AstArena *arena, AstNode *n)
{
    AstNode *mod = ast_node(arena, AST_ALIAS, n->line, n->col);
    if (mod == NULL)
        return;
    mod->name = "IEx.Helpers";
    n->kind = AST_REMOTE;
    n->a = mod;
    n->ival = 0;
    if (strcmp(n->name, "h") == 0 && n->nkids == 1) {
        StrBuf sb = {0};
        AstNode *s = ast_node(arena, AST_STRING, n->kids[0]->line, n->kids[0]->col);
        if (s != NULL && query_text(n->kids[0], &sb)) {
            s->str = ast_strndup(arena, strbuf_cstr(&sb), sb.len);
            s->len = sb.len;
            if (s->str != NULL)
                n->kids[0] = s;
        }
        strbuf_free(&sb);
    }
}

typedef bool (*BoundFn)(void *ctx, const char *name);

static void rewrite(AstArena *arena, AstNode *n, BoundFn bound, void *ctx)
{
    if (n == NULL || n->kind == AST_MODULE)
        return;
    /* `v -1` means v - 1 only when v is a bound variable */
    if (n->kind == AST_CALL && is_helper(n->name, n->nkids) && (n->ival == 0 || !bound(ctx, n->name)))
        to_remote(arena, n);
    AstNode *sub[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++)
        rewrite(arena, sub[i], bound, ctx);
    for (uint32_t i = 0; i < n->nkids; i++)
        rewrite(arena, n->kids[i], bound, ctx);
}

void shell_rewrite_helpers(AstArena *arena, AstNode *root, BoundFn bound, void *ctx)
{
    for (uint32_t i = 0; i < root->nkids; i++) {
        AstNode *e = root->kids[i];
        /* `flush` or `h` alone is a call when no such variable is bound. */
        if (e->kind == AST_VAR && is_helper(e->name, 0) && !bound(ctx, e->name)) {
            e->kind = AST_CALL;
            e->nkids = 0;
        }
    }
    rewrite(arena, root, bound, ctx);
}
