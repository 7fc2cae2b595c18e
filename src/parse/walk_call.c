/* walk_call.c: calls (with parentheses, without, with do-blocks), postfix operations (.f(),
 * .(), .field, [key]), the `|>` and `&` sugar, and the special forms of ast.h.
 *
 * Every call is first built as a plain CALL/REMOTE whose trailing arguments are keyword LISTs
 * (a do-block adds [do: BLOCK, else: BLOCK, ...]); walk_special then recognises the special
 * forms from that shape, which is also how a pipe into `case` gets its subject.
 */
#include <string.h>
#include "parse/walk.h"

/* ---------------------------------------------------------------- arguments */

/* The pieces of a cargs node: parens, npargs (or one argument), doblk. */
static mpc_ast_t *const *arg_pieces(const mpc_ast_t *n, mpc_ast_t **one, int *count)
{
    Rule r = rule_of(n);
    return kids_as(n, r == R_CARGSM ? R_CARGSM : R_CARGS, one, count);
}

/* Appends [do: BLOCK, else: BLOCK, ...] for do-block d to call's kids. */
static void doblk_into(Walk *w, AstNode *call, const mpc_ast_t *d)
{
    AstNode *kw = walk_node(w, AST_LIST, d);
    const mpc_ast_t *section = d->children[0];
    for (int i = 1; i < d->children_num; i++) {
        const mpc_ast_t *k = d->children[i];
        Rule r = rule_of(k);
        if (r == R_DSECT || r == R_KEND) {
            const mpc_ast_t *prev = d->children[i - 1];
            bool empty = prev == section;
            AstNode *key = walk_node(w, AST_ATOM, section);
            key->name = walk_str(w, section->contents);
            AstNode *pair = walk_node(w, AST_TUPLE, section);
            walk_push(w, pair, key);
            walk_push(w, pair, walk_dseq(w, empty ? NULL : prev, section));
            walk_push(w, kw, pair);
            section = k;
        }
    }
    walk_push(w, call, kw);
}

/* Adds the arguments in cargs node n to call. Sets *has_do for a do-block, and *lone to the
 * argument when the call has exactly one no-paren positional argument (else NULL). */
static void args_into(Walk *w, AstNode *call, const mpc_ast_t *n, bool *has_do, const mpc_ast_t **lone)
{
    mpc_ast_t *one;
    int count;
    *lone = NULL;
    mpc_ast_t *const *pieces = arg_pieces(n, &one, &count);
    for (int i = 0; i < count; i++) {
        Rule r = rule_of(pieces[i]);
        if (r == R_PARENS) {
            if (pieces[i]->children_num == 3) walk_args_into(w, call, pieces[i]->children[1], R_ITEMS);
        } else if (r == R_DOBLK) {
            *has_do = true;
            doblk_into(w, call, pieces[i]);
        } else {
            if (r != R_NPARGS && r != R_NPKWL && r != R_NPKW) *lone = pieces[i];
            walk_args_into(w, call, pieces[i], R_NPARGS);
        }
    }
}

AstNode *walk_local_call(Walk *w, const mpc_ast_t *n)
{
    const mpc_ast_t *ident = n->children[0], *lone;
    AstNode *call = walk_node(w, AST_CALL, ident);
    call->name = walk_str(w, ident->contents);
    bool has_do = false;
    args_into(w, call, n->children[1], &has_do, &lone);
    /* `a -1`: Elixir's ambiguous no-paren call; a bound variable `a` makes it `a - 1`. */
    if (lone && !has_do && (w->src[lone->state.pos] == '-' || w->src[lone->state.pos] == '+'))
        call->ival = 1;
    return walk_special(w, call);
}

/* ---------------------------------------------------------------- postfix */

static AstNode *access_get(Walk *w, AstNode *base, const mpc_ast_t *lbr, const mpc_ast_t *key)
{
    AstNode *r = walk_node_like(w, AST_REMOTE, base);
    AstNode *access = walk_node(w, AST_ALIAS, lbr);
    access->name = walk_str(w, "Access");
    r->a = access;
    r->name = walk_str(w, "get");
    walk_push(w, r, base);
    walk_push(w, r, walk_expr(w, key));
    return r;
}

AstNode *walk_post(Walk *w, AstNode *base, const mpc_ast_t *p)
{
    Rule r = rule_of(p);
    const mpc_ast_t *second = p->children[1];
    if (rule_of(p->children[0]) == R_LBR) return access_get(w, base, p->children[0], second);
    if (rule_of(second) == R_PARENS) {
        AstNode *apply = walk_node_like(w, AST_APPLY, base);
        apply->a = base;
        if (second->children_num == 3) walk_args_into(w, apply, second->children[1], R_ITEMS);
        return apply;
    }
    bool call = r == R_POST || r == R_POSTM;
    /* An alias or atom receiver is a module: `Mod.fun` is a call, `map.field` may be either. */
    AstKind k = call || base->kind == AST_ALIAS || base->kind == AST_ATOM ? AST_REMOTE : AST_DOT;
    AstNode *e = walk_node_like(w, k, base);
    e->a = base;
    e->name = walk_str(w, second->contents);
    if (call) {
        bool has_do = false;
        const mpc_ast_t *lone;
        args_into(w, e, p->children[2], &has_do, &lone);
    }
    return e;
}

/* ---------------------------------------------------------------- sugar */

AstNode *walk_pipe(Walk *w, AstNode *lhs, AstNode *rhs)
{
    switch (rhs->kind) {
    case AST_CALL:
        rhs->ival = 0;
        walk_prepend(w, rhs, lhs);
        return walk_special(w, rhs);
    case AST_REMOTE:
    case AST_APPLY:
        walk_prepend(w, rhs, lhs);
        return rhs;
    case AST_VAR:
    case AST_DOT: {
        AstNode *call = walk_node_like(w, rhs->kind == AST_VAR ? AST_CALL : AST_REMOTE, rhs);
        call->name = rhs->name;
        call->a = rhs->a;
        walk_push(w, call, lhs);
        return call;
    }
    default:
        walk_fail(w, rhs->line, rhs->col,
                  "cannot pipe into %s, can only pipe into local calls foo(), remote calls "
                  "Foo.bar() or anonymous function calls foo.()", ast_kind_name(rhs->kind));
    }
}

AstNode *walk_capture(Walk *w, const mpc_ast_t *amp, AstNode *body)
{
    if (body->kind == AST_BINOP && strcmp(body->name, "/") == 0 && body->b->kind == AST_INT &&
        body->b->ival >= 0) {
        AstNode *f = body->a;
        bool local = f->kind == AST_VAR;
        if (local || f->kind == AST_DOT || (f->kind == AST_REMOTE && f->nkids == 0)) {
            AstNode *ref = walk_node(w, AST_FUNREF, amp);
            ref->a = local ? NULL : f->a;
            ref->name = f->name;
            ref->ival = body->b->ival;
            return ref;
        }
    }
    if (w->capmax == 0)
        walk_fail_at(w, amp, "invalid args for &, expected one of &Mod.fun/arity, &fun/arity, "
                             "or a capture containing at least one argument as &1");
    if (w->capture > 1) walk_fail_at(w, amp, "nested captures are not allowed");
    for (uint32_t i = 1; i < w->capmax; i++)
        if (!(w->capseen[(i - 1) / 64] >> ((i - 1) % 64) & 1))
            walk_fail_at(w, amp, "capture argument &%u cannot be defined without &%u", w->capmax, i);
    AstNode *cap = walk_node(w, AST_CAPTURE, amp);
    cap->a = body;
    return cap;
}

/* ---------------------------------------------------------------- special forms */

/* Keyword arguments of a call being recognised: the pairs of its trailing keyword lists. */
typedef struct Parts {
    uint32_t npos;         /* positional arguments: call->kids[0 .. npos) */
    AstNode *kw[8];        /* values by key index (see keys[]) */
    bool unknown;          /* a key outside keys[] */
} Parts;

static const char *const keys[] = {"do", "else", "after", "rescue", "catch", "into", "uniq", "reduce"};
enum { K_DO, K_ELSE, K_AFTER, K_RESCUE, K_CATCH, K_INTO, K_UNIQ, K_REDUCE };

static bool is_kwlist(const AstNode *n)
{
    if (n->kind != AST_LIST || n->a || n->nkids == 0) return false;
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *t = n->kids[i];
        if (t->kind != AST_TUPLE || t->nkids != 2 || t->kids[0]->kind != AST_ATOM) return false;
    }
    return true;
}

static Parts split_parts(const AstNode *call)
{
    Parts p = {call->nkids, {0}, false};
    while (p.npos > 0 && is_kwlist(call->kids[p.npos - 1])) {
        const AstNode *list = call->kids[--p.npos];
        for (uint32_t i = 0; i < list->nkids; i++) {
            const char *key = list->kids[i]->kids[0]->name;
            size_t k = 0;
            while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k], key) != 0) k++;
            if (k == sizeof keys / sizeof keys[0] || p.kw[k]) p.unknown = true;
            else p.kw[k] = list->kids[i]->kids[1];
        }
    }
    return p;
}

/* True when p uses only the keys in `allowed` (a bit per key index) and has `do`. */
static bool shape(const Parts *p, unsigned allowed)
{
    if (p->unknown || !p->kw[K_DO]) return false;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (p->kw[k] && !(allowed >> k & 1)) return false;
    return true;
}

static bool is_clauses(const AstNode *b)
{
    return b->kind == AST_BLOCK && (b->nkids == 0 || b->kids[0]->kind == AST_CLAUSE);
}

/* The clauses BLOCK of section `key` of special form `form`; each clause has at most
 * `maxpats` patterns (at least one unless maxpats is 0). */
static AstNode *clauses(Walk *w, AstNode *v, const char *key, const char *form, uint32_t maxpats)
{
    if (!v) return NULL;
    if (!is_clauses(v)) walk_fail(w, v->line, v->col, "expected -> clauses for :%s in \"%s\"", key, form);
    for (uint32_t i = 0; i < v->nkids; i++) {
        const AstNode *c = v->kids[i];
        if (c->nkids > maxpats || (maxpats > 0 && c->nkids == 0))
            walk_fail(w, c->line, c->col, "wrong number of patterns in a -> clause of \"%s\"", form);
    }
    return v;
}

/* The statements BLOCK of section `key` (a do-block or a keyword value). */
static AstNode *body(Walk *w, AstNode *v, const char *key, const char *form)
{
    if (!v) return NULL;
    if (v->kind == AST_BLOCK && v->nkids > 0 && v->kids[0]->kind == AST_CLAUSE)
        walk_fail(w, v->line, v->col, "unexpected -> clauses for :%s in \"%s\"", key, form);
    return walk_as_block(w, v);
}

static AstNode *make_try(Walk *w, const AstNode *at, const Parts *p)
{
    AstNode *t = walk_node_like(w, AST_TRY, at);
    t->a = body(w, p->kw[K_DO], "do", "try");
    t->b = clauses(w, p->kw[K_RESCUE], "rescue", "try", 1);
    t->c = clauses(w, p->kw[K_CATCH], "catch", "try", 2);
    t->d = body(w, p->kw[K_AFTER], "after", "try");
    AstNode *els = clauses(w, p->kw[K_ELSE], "else", "try", 1);
    if (els) {
        t->kids = els->kids;
        t->nkids = els->nkids;
    }
    return t;
}

/* DEF from `def head, do: ...` (or a bodiless head): name, parameters, guard. */
static AstNode *make_def(Walk *w, AstNode *call, const Parts *p)
{
    AstNode *head = call->kids[0], *guard = NULL;
    if (head->kind == AST_BINOP && strcmp(head->name, "when") == 0) {
        guard = head->b;
        head = head->a;
    }
    if (head->kind != AST_CALL && head->kind != AST_VAR)
        walk_fail(w, head->line, head->col, "invalid function head in %s", call->name);
    AstNode *def = walk_node_like(w, AST_DEF, call);
    def->name = head->name;
    def->ival = call->name[3] == 'p';
    AstNode *clause = walk_node_like(w, AST_CLAUSE, head);
    if (head->kind == AST_CALL) {
        clause->kids = head->kids;
        clause->nkids = head->nkids;
    }
    clause->a = guard;
    if (p->kw[K_RESCUE] || p->kw[K_CATCH] || p->kw[K_AFTER] || p->kw[K_ELSE])
        clause->b = walk_as_block(w, make_try(w, p->kw[K_DO], p));
    else
        clause->b = body(w, p->kw[K_DO], "do", call->name);
    def->a = clause;
    return def;
}

static AstNode *generator_or_filter(Walk *w, AstNode *e)
{
    if (e->kind != AST_BINOP || strcmp(e->name, "<-") != 0) return e;
    AstNode *g = walk_node_like(w, AST_GENERATOR, e);
    g->a = e->a;
    g->b = e->b;
    if (g->a->kind == AST_BINOP && strcmp(g->a->name, "when") == 0) {
        g->c = g->a->b;
        g->a = g->a->a;
    }
    return g;
}

static AstNode *make_for_with(Walk *w, AstNode *call, const Parts *p, bool is_for)
{
    AstNode *n = walk_node_like(w, is_for ? AST_FOR : AST_WITH, call);
    for (uint32_t i = 0; i < p->npos; i++) walk_push(w, n, generator_or_filter(w, call->kids[i]));
    if (!is_for) {
        n->b = body(w, p->kw[K_DO], "do", "with");
        n->c = clauses(w, p->kw[K_ELSE], "else", "with", 1);
        return n;
    }
    n->a = p->kw[K_INTO];
    n->c = p->kw[K_REDUCE];
    n->ival = p->kw[K_UNIQ] && p->kw[K_UNIQ]->kind == AST_ATOM && strcmp(p->kw[K_UNIQ]->name, "true") == 0;
    n->b = n->c ? clauses(w, p->kw[K_DO], "do", "for", 1) : body(w, p->kw[K_DO], "do", "for");
    return n;
}

static AstNode *make_if(Walk *w, AstNode *call, const Parts *p, bool unless)
{
    AstNode *n = walk_node_like(w, AST_IF, call);
    n->a = call->kids[0];
    AstNode *yes = body(w, p->kw[K_DO], "do", call->name);
    AstNode *no = body(w, p->kw[K_ELSE], "else", call->name);
    if (unless) {
        n->b = no ? no : walk_node_like(w, AST_BLOCK, call);
        n->c = yes;
    } else {
        n->b = yes;
        n->c = no;
    }
    return n;
}

static AstNode *make_receive(Walk *w, AstNode *call, const Parts *p)
{
    AstNode *n = walk_node_like(w, AST_RECEIVE, call);
    AstNode *cl = clauses(w, p->kw[K_DO], "do", "receive", 1);
    n->kids = cl->kids;
    n->nkids = cl->nkids;
    AstNode *after = clauses(w, p->kw[K_AFTER], "after", "receive", 1);
    if (after) {
        if (after->nkids != 1)
            walk_fail(w, after->line, after->col, "expected a single -> clause for :after in \"receive\"");
        n->a = after->kids[0]->kids[0];
        n->b = after->kids[0]->b;
    }
    return n;
}

/* CASE or COND from a call of the right shape. */
static AstNode *make_case(Walk *w, AstNode *call, const Parts *p, bool is_case)
{
    AstNode *n = walk_node_like(w, is_case ? AST_CASE : AST_COND, call);
    if (is_case) n->a = call->kids[0];
    AstNode *cl = clauses(w, p->kw[K_DO], "do", call->name, 1);
    n->kids = cl->kids;
    n->nkids = cl->nkids;
    return n;
}

enum {
    B_DO = 1 << K_DO, B_ELSE = 1 << K_ELSE, B_AFTER = 1 << K_AFTER, B_RESCUE = 1 << K_RESCUE,
    B_CATCH = 1 << K_CATCH, B_INTO = 1 << K_INTO, B_UNIQ = 1 << K_UNIQ, B_REDUCE = 1 << K_REDUCE,
    B_TRY = B_DO | B_ELSE | B_AFTER | B_RESCUE | B_CATCH,
};

AstNode *walk_special(Walk *w, AstNode *call)
{
    const char *name = call->name;
    Parts p = split_parts(call);
    if (!strcmp(name, "def") || !strcmp(name, "defp")) {
        if (p.npos == 1 && (call->nkids == 1 || shape(&p, B_TRY))) return make_def(w, call, &p);
    } else if (!strcmp(name, "defmodule")) {
        if (p.npos == 1 && call->kids[0]->kind == AST_ALIAS && shape(&p, B_DO)) {
            AstNode *m = walk_node_like(w, AST_MODULE, call);
            m->name = call->kids[0]->name;
            m->b = body(w, p.kw[K_DO], "do", name);
            return m;
        }
    } else if (!strcmp(name, "if") || !strcmp(name, "unless")) {
        if (p.npos == 1 && shape(&p, B_DO | B_ELSE)) return make_if(w, call, &p, name[0] == 'u');
    } else if (!strcmp(name, "case") || !strcmp(name, "cond")) {
        bool is_case = name[1] == 'a';
        if (p.npos == (is_case ? 1u : 0u) && shape(&p, B_DO)) return make_case(w, call, &p, is_case);
    } else if (!strcmp(name, "receive")) {
        if (p.npos == 0 && shape(&p, B_DO | B_AFTER)) return make_receive(w, call, &p);
    } else if (!strcmp(name, "try")) {
        if (p.npos == 0 && shape(&p, B_TRY)) return make_try(w, call, &p);
    } else if (!strcmp(name, "for")) {
        if (p.npos >= 1 && shape(&p, B_DO | B_INTO | B_UNIQ | B_REDUCE)) return make_for_with(w, call, &p, true);
    } else if (!strcmp(name, "with")) {
        if (p.npos >= 1 && shape(&p, B_DO | B_ELSE)) return make_for_with(w, call, &p, false);
    }
    return call;
}
