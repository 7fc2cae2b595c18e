/* pattern.c: compiling patterns into tests that jump to a failure label, binding variables
 * as they go (pending until the whole head matched), plus guards and the `=` match.
 * Patterns: variables (a repeated one must be equal), `_`, ^pins, literals, tuples, lists
 * with tails, `[a, b] ++ rest`, maps, structs, `"prefix" <> rest`, `p1 = p2`, @attributes. */
#include <string.h>

#include "compile/cstate.h"

static void test_const(FnState *f, uint32_t subj, Value v, uint32_t fail)
{
    emit_op(f, OP_TEQK, NULL);
    emit_label(f, fail);
    emit(f, subj);
    emit(f, const_index(f, v));
}

static void pvar(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail)
{
    if (strcmp(pat->name, "_") == 0) return;
    if (strcmp(pat->name, "__MODULE__") == 0) {
        test_const(f, subj, f->mod->module, fail);
        return;
    }
    uint32_t prev = pending_find(f, pat->name);
    if (prev == NO_REG) {
        pending_add(f, pat->name, subj);
        return;
    }
    emit_op(f, OP_TEQ, pat);
    emit_label(f, fail);
    emit(f, subj);
    emit(f, prev);
}

static void ppin(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail)
{
    const char *name = pat->a->name ? pat->a->name : "";
    uint32_t r = pat->a->kind == AST_VAR ? var_lookup(f, name) : NO_REG;
    if (r == NO_REG)
        cerror(f, pat, "undefined variable ^%s. No variable \"%s\" has been defined before the "
                       "current pattern", name, name);
    emit_op(f, OP_TEQ, pat);
    emit_label(f, fail);
    emit(f, subj);
    emit(f, r);
}

static void ptuple(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail)
{
    emit_op(f, OP_TTUPLE, pat);
    emit_label(f, fail);
    emit(f, subj);
    emit(f, pat->nkids);
    for (uint32_t i = 0; i < pat->nkids; i++) {
        const AstNode *k = pat->kids[i];
        if (k->kind == AST_VAR && strcmp(k->name, "_") == 0) continue;
        uint32_t e = reg_new(f);
        emit_op(f, OP_GETELEM, NULL);
        emit(f, e);
        emit(f, subj);
        emit(f, i);
        cpattern(f, k, e, fail);
    }
}

/* Elements `items` then `tail` (a pattern, or NULL for []). */
static void plist(FnState *f, AstNode *const *items, uint32_t n, const AstNode *tail, uint32_t subj,
                  uint32_t fail)
{
    uint32_t cur = subj;
    for (uint32_t i = 0; i < n; i++) {
        emit_op(f, OP_TCONS, items[i]);
        emit_label(f, fail);
        emit(f, cur);
        uint32_t h = reg_new(f), t = reg_new(f);
        emit_op(f, OP_GETHD, NULL);
        emit(f, h);
        emit(f, cur);
        emit_op(f, OP_GETTL, NULL);
        emit(f, t);
        emit(f, cur);
        cpattern(f, items[i], h, fail);
        cur = t;
    }
    if (tail) {
        cpattern(f, tail, cur, fail);
        return;
    }
    emit_op(f, OP_TNIL, NULL);
    emit_label(f, fail);
    emit(f, cur);
}

/* The register of a map pattern's key: a literal or a pinned variable. */
static uint32_t map_key(FnState *f, const AstNode *key)
{
    Value v;
    if (literal_value(f, key, &v)) return cload(f, v);
    if (key->kind == AST_UNOP && strcmp(key->name, "^") == 0) {
        uint32_t r = key->a->kind == AST_VAR ? var_lookup(f, key->a->name) : NO_REG;
        if (r != NO_REG) return r;
    }
    if (key->kind == AST_VAR)
        cerror(f, key, "cannot use variable %s as map key inside a pattern. Map keys in patterns "
                       "can only be literals (such as atoms, strings, tuples, and the like) or "
                       "an existing variable matched with the pin operator (such as ^some_var)",
               key->name);
    cerror(f, key, "illegal map key in pattern");
}

static void pfetch(FnState *f, uint32_t subj, uint32_t key, const AstNode *value, uint32_t fail)
{
    uint32_t v = reg_new(f);
    emit_op(f, OP_MAPFETCH, value);
    emit_label(f, fail);
    emit(f, v);
    emit(f, subj);
    emit(f, key);
    cpattern(f, value, v, fail);
}

static void pmap(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail)
{
    emit_op(f, OP_TMAP, pat);
    emit_label(f, fail);
    emit(f, subj);
    if (pat->kind == AST_STRUCT) {
        AstNode modnode = *pat;
        modnode.kind = AST_ALIAS;
        Value mod = module_atom(f->mod, &modnode);
        AstNode lit = *pat;
        lit.kind = AST_ATOM;
        lit.name = atom_name(val_atom_index(mod));
        pfetch(f, subj, cload(f, ATOM_STRUCT), &lit, fail);
    }
    for (uint32_t i = 0; i < pat->nkids; i++) {
        const AstNode *pair = pat->kids[i];
        pfetch(f, subj, map_key(f, pair->a), pair->b, fail);
    }
}

static void pbinop(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail)
{
    const char *op = pat->name;
    if (strcmp(op, "=") == 0) {
        cpattern(f, pat->a, subj, fail);
        cpattern(f, pat->b, subj, fail);
    } else if (strcmp(op, "\\\\") == 0) {
        cpattern(f, pat->a, subj, fail);
    } else if (strcmp(op, "<>") == 0 && pat->a->kind == AST_STRING) {
        uint32_t rest = reg_new(f);
        emit_op(f, OP_BINPREFIX, pat);
        emit_label(f, fail);
        emit(f, rest);
        emit(f, subj);
        emit(f, const_index(f, lit_binary(f, pat->a->str, pat->a->len)));
        cpattern(f, pat->b, rest, fail);
    } else if (strcmp(op, "<>") == 0) {
        cerror(f, pat, "a binary field without size is only allowed at the end of a binary pattern");
    } else if (strcmp(op, "++") == 0 && pat->a->kind == AST_LIST && !pat->a->a) {
        plist(f, pat->a->kids, pat->a->nkids, pat->b, subj, fail);
    } else {
        cerror(f, pat, "cannot invoke remote function :erlang.%s/2 inside a match", op);
    }
}

void cpattern(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail)
{
    Value v;
    if (pat->line) f->line = pat->line;
    switch (pat->kind) {
    case AST_VAR: pvar(f, pat, subj, fail); return;
    case AST_TUPLE:
        if (literal_value(f, pat, &v)) break;
        ptuple(f, pat, subj, fail);
        return;
    case AST_LIST:
        if (literal_value(f, pat, &v)) break;
        plist(f, pat->kids, pat->nkids, pat->a, subj, fail);
        return;
    case AST_MAP:
        if (pat->a) cerror(f, pat, "cannot use map update syntax in a pattern");
        pmap(f, pat, subj, fail);
        return;
    case AST_STRUCT: pmap(f, pat, subj, fail); return;
    case AST_BINOP: pbinop(f, pat, subj, fail); return;
    case AST_UNOP:
        if (strcmp(pat->name, "^") == 0) {
            ppin(f, pat, subj, fail);
            return;
        }
        if (!literal_value(f, pat, &v)) cerror(f, pat, "illegal pattern");
        break;
    case AST_ATTR:
        if (pat->a) cerror(f, pat, "illegal pattern");
        v = THE_NON_VALUE;
        for (uint32_t i = f->mod->nattrs; i-- > 0 && v == THE_NON_VALUE;)
            if (strcmp(f->mod->attrs[i].name, pat->name) == 0) v = f->mod->attrs[i].value;
        if (v == THE_NON_VALUE) v = ATOM_NIL;
        break;
    case AST_CALL:
    case AST_REMOTE:
        cerror(f, pat, "cannot invoke remote function %s/%u inside a match", pat->name, pat->nkids);
    default:
        if (!literal_value(f, pat, &v)) cerror(f, pat, "illegal pattern");
    }
    test_const(f, subj, v, fail);
}

void chead(FnState *f, AstNode *const *pats, uint32_t npats, const uint32_t *subjs,
           const AstNode *guard, uint32_t fail)
{
    pending_clear(f);
    for (uint32_t i = 0; i < npats; i++) cpattern(f, pats[i], subjs[i], fail);
    pending_commit(f);
    if (guard) cguard(f, guard, fail);
}

uint32_t cmatch(FnState *f, const AstNode *n)
{
    uint32_t r = cexpr(f, n->b);
    if (n->a->kind == AST_VAR) {
        if (strcmp(n->a->name, "_") != 0 && strcmp(n->a->name, "__MODULE__") != 0) {
            var_bind(f, n->a->name, r);
            return r;
        }
    }
    uint32_t fail = label_new(f), ok = label_new(f);
    pending_clear(f);
    cpattern(f, n->a, r, fail);
    pending_commit(f);
    emit_op(f, OP_JUMP, NULL);
    emit_label(f, ok);
    label_bind(f, fail);
    emit_op(f, OP_ERROR, n);
    emit(f, val_atom_index(ATOM_ELIXIR_MATCH_ERROR));
    emit(f, r);
    label_bind(f, ok);
    return r;
}

/* True if evaluating guard `n` can only produce a boolean without raising. */
static bool guard_total(const AstNode *n)
{
    static const char *const cmp[] = {"==", "!=", "===", "!==", "<", ">", "<=", ">="};
    switch (n->kind) {
    case AST_VAR: case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_ALIAS:
        return true;
    case AST_BINOP:
        for (size_t i = 0; i < sizeof cmp / sizeof *cmp; i++)
            if (strcmp(n->name, cmp[i]) == 0) return guard_total(n->a) && guard_total(n->b);
        return false;
    case AST_CALL:
        if (strncmp(n->name, "is_", 3) != 0 || n->nkids != 1) return false;
        return guard_total(n->kids[0]);
    default: return false;
    }
}

/* A comparison of two plain operands (`n < 2`) becomes one test-and-jump. */
static bool guard_compare(FnState *f, const AstNode *g, uint32_t fail)
{
    static const struct { const char *name; Opcode op; } tests[] = {
        {"<", OP_TLT}, {"<=", OP_TLE}, {">", OP_TGT}, {">=", OP_TGE},
    };
    if (g->kind != AST_BINOP || !guard_total(g)) return false;
    for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
        if (strcmp(g->name, tests[i].name) != 0) continue;
        uint32_t a = cexpr_rk(f, g->a), b = cexpr_rk(f, g->b);
        emit_op(f, tests[i].op, g);
        emit_label(f, fail);
        emit(f, a);
        emit(f, b);
        return true;
    }
    return false;
}

void cguard(FnState *f, const AstNode *guard, uint32_t fail)
{
    if (guard_compare(f, guard, fail)) return;
    bool risky = !guard_total(guard);
    if (risky) {
        f->guard_builds = true; /* an exception it catches may hold parts of a message */
        uint32_t kr = reg_new(f), vr = reg_new(f);
        emit_op(f, OP_TRY, guard);
        emit_label(f, fail);
        emit(f, kr);
        emit(f, vr);
    }
    bool was = f->in_guard;
    f->in_guard = true;
    uint32_t r = cexpr(f, guard);
    f->in_guard = was;
    if (risky) emit_op(f, OP_ENDTRY, NULL);
    emit_op(f, OP_JNOTTRUE, NULL);
    emit(f, r);
    emit_label(f, fail);
}
