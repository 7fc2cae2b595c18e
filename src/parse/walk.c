/* walk.c: the walker's skeleton: rule lookup, helpers, statement sequences and clauses, and the
 * Pratt pass that gives the grammar's flat `operand (operator operand)*` lists Elixir's
 * precedence and associativity (see walk.h for the walker's contract).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse/walk.h"

/* ---------------------------------------------------------------- rules */

typedef struct RuleName {
    const char *name;
    Rule rule;
} RuleName;

static const RuleName rule_names[] = {
    {"alias", R_ALIAS},     {"argst", R_ARGST},       {"arrow", R_ARROW},   {"atom", R_ATOM},
    {"attr", R_ATTR},       {"binop", R_BINOP},       {"bop", R_BOP},       {"call", R_CALL},
    {"callm", R_CALLM},     {"caparg", R_CAPARG},     {"cargs", R_CARGS},   {"cargsm", R_CARGSM},
    {"cexprs", R_CEXPRS},   {"cfrag", R_CFRAG},       {"chr", R_CHR},       {"clist", R_CLIST},
    {"comma", R_COMMA},     {"copen", R_COPEN},       {"core", R_CORE},         {"corem", R_COREM},   {"dend", R_DEND},
    {"doblk", R_DOBLK},     {"dsect", R_DSECT},       {"dseq", R_DSEQ},     {"dstr", R_DSTR},
    {"dunit", R_DUNIT},     {"eos", R_EOS},           {"expr", R_EXPR},     {"exprm", R_EXPRM},
    {"fname", R_FNAME},     {"fnx", R_FNX},           {"hash", R_HASH},     {"hclose", R_HCLOSE},
    {"heredoc", R_HEREDOC}, {"hnl", R_HNL},       {"hopen", R_HOPEN},       {"hquote", R_HQUOTE}, {"ident", R_IDENT},
    {"interp", R_INTERP},   {"iopen", R_IOPEN},       {"items", R_ITEMS},
    {"kdo", R_KDO},         {"kend", R_KEND},         {"kfn", R_KFN},       {"kw", R_KW},
    {"kwkey", R_KWKEY},     {"kwl", R_KWL},           {"kwp", R_KWP},       {"lbr", R_LBR},
    {"list", R_LIST},       {"lit", R_LIT},           {"lpar", R_LPAR},     {"map", R_MAP},
    {"mapin", R_MAPIN},     {"nlop", R_NLOP},         {"npargs", R_NPARGS}, {"npkw", R_NPKW},
    {"npkwl", R_NPKWL},     {"num", R_NUM},           {"operand", R_OPERAND},
    {"operandm", R_OPERANDM}, {"opref", R_OPREF}, {"pair", R_PAIR},       {"pairs", R_PAIRS},   {"paren", R_PAREN},
    {"parens", R_PARENS},   {"pdot", R_PDOT},         {"pend", R_PEND},     {"phead", R_PHEAD},
    {"post", R_POST},       {"postc", R_POSTC},       {"postm", R_POSTM},   {"prim", R_PRIM},
    {"prog", R_PROG},       {"pseq", R_PSEQ},         {"punit", R_PUNIT},   {"qatom", R_QATOM},
    {"salias", R_SALIAS},   {"sfrag", R_SFRAG},       {"sigil", R_SIGIL},       {"sopen", R_SOPEN},   {"sp", R_SP},         {"sp1", R_SP1},
    {"struct", R_STRUCT},   {"tend", R_TEND},         {"tseq", R_TSEQ},     {"tunit", R_TUNIT},
    {"tuple", R_TUPLE},     {"unop", R_UNOP},         {"ws", R_WS},
};

enum { HASH_SLOTS = 256 };

/* FNV-1a of the len bytes at s, reduced to a slot. */
static unsigned slot_of(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h % HASH_SLOTS;
}

static const RuleName *slots[HASH_SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

/* Fills the open-addressing table slots[] from rule_names[]. */
static void fill_slots(void)
{
    for (size_t i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++) {
        unsigned k = slot_of(rule_names[i].name, strlen(rule_names[i].name));
        while (slots[k]) k = (k + 1) % HASH_SLOTS;
        slots[k] = &rule_names[i];
    }
}

Rule rule_named(const char *name, size_t len)
{
    pthread_once(&slots_once, fill_slots);
    for (unsigned k = slot_of(name, len); slots[k]; k = (k + 1) % HASH_SLOTS)
        if (strncmp(slots[k]->name, name, len) == 0 && slots[k]->name[len] == '\0') return slots[k]->rule;
    return R_NONE;
}

/* rule_of's results by tag pointer (mpc shares one tag string between many nodes), valid for
 * one walk: walk_program starts a new generation, and a tree's tags do not change during it. */
typedef struct TagCache {
    const char *tag;
    uint32_t gen;
    Rule rule;
} TagCache;
static _Thread_local TagCache tag_cache[256];
static _Thread_local uint32_t tag_gen;

Rule rule_of(const mpc_ast_t *n)
{
    const char *tag = n->tag;
    TagCache *c = &tag_cache[((uintptr_t)tag >> 3) & 255];
    if (c->tag == tag && c->gen == tag_gen) return c->rule;
    const char *end = strrchr(tag, '|');
    Rule r = R_NONE;
    if (end) {
        const char *start = end;
        while (start > tag && start[-1] != '|') start--;
        r = rule_named(start, (size_t)(end - start));
    }
    *c = (TagCache){tag, tag_gen, r};
    return r;
}

mpc_ast_t *const *kids_as(const mpc_ast_t *n, Rule r, mpc_ast_t **one, int *count)
{
    if (rule_of(n) == r) {
        *count = n->children_num;
        return n->children;
    }
    *one = (mpc_ast_t *)n;
    *count = 1;
    return one;
}

bool is_char(const mpc_ast_t *n, char c)
{
    return n->children_num == 0 && n->contents[0] == c && n->contents[1] == '\0' &&
           rule_of(n) == R_NONE;
}

/* ---------------------------------------------------------------- helpers */

static _Noreturn void vfail(Walk *w, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t need = strlen(w->filename) + strlen(msg) + 64;
    w->error = malloc(need);
    if (w->error) snprintf(w->error, need, "%s:%u:%u: error: %s", w->filename, line, col, msg);
    w->line = line;
    w->col = col;
    longjmp(w->fail, 1);
}

void walk_fail(Walk *w, uint32_t line, uint32_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(w, line, col, fmt, ap);
}

void walk_fail_at(Walk *w, const mpc_ast_t *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(w, (uint32_t)at->state.row + 1, (uint32_t)at->state.col + 1, fmt, ap);
}

static _Noreturn void out_of_memory(Walk *w)
{
    walk_fail(w, 1, 1, "out of memory");
}

AstNode *walk_node(Walk *w, AstKind k, const mpc_ast_t *at)
{
    AstNode *n = ast_node(w->arena, k, (uint32_t)at->state.row + 1, (uint32_t)at->state.col + 1);
    if (!n) out_of_memory(w);
    return n;
}

AstNode *walk_node_like(Walk *w, AstKind k, const AstNode *like)
{
    AstNode *n = ast_node(w->arena, k, like->line, like->col);
    if (!n) out_of_memory(w);
    return n;
}

const char *walk_strn(Walk *w, const char *s, size_t n)
{
    char *p = ast_strndup(w->arena, s, n);
    if (!p) out_of_memory(w);
    return p;
}

const char *walk_str(Walk *w, const char *s)
{
    return walk_strn(w, s, strlen(s));
}

void walk_push(Walk *w, AstNode *node, AstNode *kid)
{
    if (ast_push(w->arena, node, kid) != 0) out_of_memory(w);
}

void walk_prepend(Walk *w, AstNode *node, AstNode *kid)
{
    walk_push(w, node, kid);
    memmove(node->kids + 1, node->kids, sizeof *node->kids * (node->nkids - 1));
    node->kids[0] = kid;
}

void walk_enter(Walk *w, const mpc_ast_t *at)
{
    const char *frame = __builtin_frame_address(0);
    if (++w->depth > WALK_MAX_DEPTH || frame < w->stack_limit) walk_fail_at(w, at, "nesting too deep");
}

AstNode *walk_as_block(Walk *w, AstNode *e)
{
    if (e->kind == AST_BLOCK) return e;
    AstNode *b = walk_node_like(w, AST_BLOCK, e);
    walk_push(w, b, e);
    return b;
}

/* ---------------------------------------------------------------- statements and clauses */

AstNode *walk_program(Walk *w, const mpc_ast_t *root)
{
    tag_gen++;
    AstNode *block = ast_node(w->arena, AST_BLOCK, 1, 1);
    if (!block) out_of_memory(w);
    if (!root) return block;
    for (int i = 0; i < root->children_num; i++) {
        const mpc_ast_t *k = root->children[i];
        if (rule_of(k) == R_NONE && k->children_num == 0) continue; /* the /^/ and /$/ leaves */
        mpc_ast_t *one;
        int n;
        mpc_ast_t *const *stmts = kids_as(k, R_TSEQ, &one, &n);
        for (int j = 0; j < n; j++) walk_push(w, block, walk_expr(w, stmts[j]));
    }
    return block;
}

void walk_unit(Walk *w, AstNode *block, const mpc_ast_t *unit)
{
    tag_gen++;
    walk_push(w, block, walk_expr(w, unit));
}

/* Moves a trailing `when` of the last pattern into the clause's guard. */
static void hoist_guard(AstNode *clause)
{
    if (clause->nkids == 0) return;
    AstNode *last = clause->kids[clause->nkids - 1];
    if (last->kind == AST_BINOP && strcmp(last->name, "when") == 0) {
        clause->a = last->b;
        clause->kids[clause->nkids - 1] = last->a;
    }
}

/* A CLAUSE from a dunit/phead/arrow unit u (its patterns, guard and an empty body). */
static AstNode *clause_head(Walk *w, const mpc_ast_t *u, Rule r)
{
    const mpc_ast_t *arrow = u;
    AstNode *clause = walk_node(w, AST_CLAUSE, u);
    if (r == R_PHEAD) {
        arrow = u->children[u->children_num - 1];
        if (u->children_num == 4) walk_args_into(w, clause, u->children[1], R_ITEMS);
    } else if (r == R_DUNIT || r == R_PUNIT) {
        arrow = u->children[1];
        mpc_ast_t *one;
        int n;
        mpc_ast_t *const *pats = kids_as(u->children[0], R_CEXPRS, &one, &n);
        for (int i = 0; i < n; i++)
            if (rule_of(pats[i]) != R_COMMA) walk_push(w, clause, walk_expr(w, pats[i]));
    }
    hoist_guard(clause);
    clause->b = walk_node(w, AST_BLOCK, arrow);
    return clause;
}

/* Appends statement e to block, which takes e's position when it is the first. */
static void add_statement(Walk *w, AstNode *block, AstNode *e)
{
    if (block->nkids == 0) {
        block->line = e->line;
        block->col = e->col;
    }
    walk_push(w, block, e);
}

/* The statements of a dseq (do-block section, fn) or pseq (parentheses), `seq_rule`: a BLOCK of
 * expressions, or a BLOCK of CLAUSEs when the units are `->` clauses. */
static AstNode *walk_units(Walk *w, const mpc_ast_t *seq, Rule seq_rule, const mpc_ast_t *at)
{
    AstNode *stmts = walk_node(w, AST_BLOCK, at);
    AstNode *clauses = NULL, *current = NULL;
    mpc_ast_t *one;
    int n = 0;
    mpc_ast_t *const *units = seq ? kids_as(seq, seq_rule, &one, &n) : NULL;
    for (int i = 0; i < n; i++) {
        const mpc_ast_t *u = units[i];
        Rule r = rule_of(u);
        if (r == R_ARROW || r == R_PHEAD || r == R_DUNIT || r == R_PUNIT) {
            current = clause_head(w, u, r);
            if (!clauses) clauses = walk_node_like(w, AST_BLOCK, current);
            walk_push(w, clauses, current);
        } else if (r == R_CEXPRS) {
            walk_fail_at(w, u->children[1], "unexpected ','");
        } else {
            add_statement(w, current ? current->b : stmts, walk_expr(w, u));
        }
    }
    if (clauses && stmts->nkids > 0)
        walk_fail(w, stmts->line, stmts->col, "unexpected expression before the first '->' clause");
    return clauses ? clauses : stmts;
}

AstNode *walk_dseq(Walk *w, const mpc_ast_t *seq, const mpc_ast_t *at)
{
    return walk_units(w, seq, R_DSEQ, at);
}

/* `(a; b)` is a BLOCK, `(e)` is e, and `(p -> e; q -> f)` a BLOCK of CLAUSEs (as a do-block
 * section: `receive(do: (p -> e))`). */
AstNode *walk_paren(Walk *w, const mpc_ast_t *n)
{
    AstNode *block = n->children_num == 3 ? walk_units(w, n->children[1], R_PSEQ, n) : walk_node(w, AST_BLOCK, n);
    block->line = (uint32_t)n->state.row + 1;
    block->col = (uint32_t)n->state.col + 1;
    if (block->nkids != 1 || block->kids[0]->kind == AST_CLAUSE) return block;
    AstNode *e = block->kids[0]; /* `(e)` is e, starting at its '(' */
    e->line = block->line;
    e->col = block->col;
    return e;
}

/* ---------------------------------------------------------------- expressions (Pratt) */

enum { PREC_AMP = 6, PREC_IN = 13 };

typedef struct Cursor {
    mpc_ast_t *const *v; /* operand, operator, operand, ... */
    int n, i;
} Cursor;

/* Binding power of binary operator `op` (higher binds tighter); *right for right-assoc. */
static int prec_of(const char *op, bool *right)
{
    static const struct { const char *op; int prec; bool right; } table[] = {
        {"<-", 1, 0},  {"\\\\", 1, 0}, {"when", 2, 1}, {"=", 7, 1},   {"||", 8, 0},
        {"or", 8, 0},  {"&&", 9, 0},   {"and", 9, 0},  {"==", 10, 0}, {"!=", 10, 0},
        {"===", 10, 0}, {"!==", 10, 0}, {"<", 11, 0},  {">", 11, 0},  {"<=", 11, 0},
        {">=", 11, 0}, {"|>", 12, 0},  {"in", 13, 0},  {"not in", 13, 0}, {"++", 14, 1},
        {"--", 14, 1}, {"..", 14, 1},  {"//", 14, 1}, {"<>", 14, 1},  {"+", 15, 0},  {"-", 15, 0},
        {"*", 16, 0},  {"/", 16, 0},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].op, op) == 0) {
            *right = table[i].right;
            return table[i].prec;
        }
    *right = false;
    return 0;
}

/* The operator text of an operator node (a leaf; "not  in" comes back as "not in"). */
static const char *op_text(const mpc_ast_t *n)
{
    while (n->children_num == 1) n = n->children[0];
    if (strncmp(n->contents, "not", 3) == 0 && n->contents[3] != '\0') return "not in";
    return n->contents;
}

static AstNode *binloop(Walk *w, Cursor *c, AstNode *lhs, int minprec);

static AstNode *walk_core(Walk *w, const mpc_ast_t *n);

static bool next_op_is_in(const Cursor *c)
{
    if (c->i >= c->n) return false;
    const char *op = op_text(c->v[c->i]);
    return strcmp(op, "in") == 0 || strcmp(op, "not in") == 0;
}

/* `&` applied to the rest of the operand and every operator binding tighter than `&`. */
static AstNode *capture_prefix(Walk *w, Cursor *c, const mpc_ast_t *o, int j, int k);

/* The operand o with its unary operators j..k-1 applied (o's core is child k). */
static AstNode *prefixed(Walk *w, Cursor *c, const mpc_ast_t *o, int j, int k)
{
    const mpc_ast_t *core = k ? o->children[k] : o;
    if (j == k) return walk_core(w, core);
    const mpc_ast_t *u = o->children[j];
    const char *op = u->contents;
    if (op[0] == '&') return capture_prefix(w, c, o, j, k);
    if (op[0] == '-' && j + 1 == k && rule_of(core) == R_NUM) {
        AstNode *num = walk_number(w, core, u);
        num->line = (uint32_t)u->state.row + 1;
        num->col = (uint32_t)u->state.col + 1;
        return num;
    }
    walk_enter(w, u);
    AstNode *arg = prefixed(w, c, o, j + 1, k);
    walk_leave(w);
    /* Elixir reads `!a in b` and `not a in b` as a negated membership test. */
    if ((op[0] == '!' || op[0] == 'n') && next_op_is_in(c)) arg = binloop(w, c, arg, PREC_IN - 1);
    AstNode *un = walk_node(w, AST_UNOP, u);
    un->name = walk_str(w, op);
    un->a = arg;
    return un;
}

static AstNode *capture_prefix(Walk *w, Cursor *c, const mpc_ast_t *o, int j, int k)
{
    int saved_max = (int)w->capmax;
    uint64_t saved_seen[4];
    memcpy(saved_seen, w->capseen, sizeof saved_seen);
    w->capture++;
    w->capmax = 0;
    memset(w->capseen, 0, sizeof w->capseen);
    AstNode *body = prefixed(w, c, o, j + 1, k);
    body = binloop(w, c, body, PREC_AMP);
    AstNode *r = walk_capture(w, o->children[j], body);
    w->capture--;
    w->capmax = (uint32_t)saved_max;
    memcpy(w->capseen, saved_seen, sizeof saved_seen);
    return r;
}

/* Consumes the operand at the cursor, with its unary operators. */
static AstNode *unary(Walk *w, Cursor *c)
{
    const mpc_ast_t *o = c->v[c->i++];
    Rule r = rule_of(o);
    int k = (r == R_OPERAND || r == R_OPERANDM) ? o->children_num - 1 : 0;
    return prefixed(w, c, o, 0, k);
}

/* first..last//step: `//` binds like `..` (right-assoc), so it arrives as the right operand of
 * `..`; the pair becomes Range.new(first, last, step). */
static AstNode *stepped_range(Walk *w, AstNode *first, AstNode *slash)
{
    AstNode *call = walk_node_like(w, AST_REMOTE, first);
    AstNode *range = walk_node_like(w, AST_ALIAS, first);
    range->name = walk_str(w, "Range");
    call->a = range;
    call->name = walk_str(w, "new");
    walk_push(w, call, first);
    walk_push(w, call, slash->a);
    walk_push(w, call, slash->b);
    return call;
}

static AstNode *binop(Walk *w, const char *op, AstNode *lhs, AstNode *rhs)
{
    if (strcmp(op, "|>") == 0) return walk_pipe(w, lhs, rhs);
    if (strcmp(op, "..") == 0 && rhs->kind == AST_BINOP && strcmp(rhs->name, "//") == 0)
        return stepped_range(w, lhs, rhs);
    AstNode *b = walk_node_like(w, AST_BINOP, lhs);
    b->name = walk_str(w, op);
    b->a = lhs;
    b->b = rhs;
    return b;
}

/* The operator loop; `range_rhs`: this is the right operand of `..`, where one `//` may follow. */
static AstNode *binloop_in(Walk *w, Cursor *c, AstNode *lhs, int minprec, bool range_rhs)
{
    while (c->i < c->n) {
        bool right;
        const char *op = op_text(c->v[c->i]);
        int p = prec_of(op, &right);
        if (p <= minprec) break;
        if (op[0] == '/' && op[1] == '/' && !range_rhs)
            walk_fail_at(w, c->v[c->i],
                         "the range step operator (//) must immediately follow the range definition "
                         "operator (..), for example: 1..9//2. If you wanted to define a default "
                         "argument, use (\\\\) instead");
        if (op[0] == '/' && op[1] == '/') range_rhs = false;
        walk_enter(w, c->v[c->i++]);
        AstNode *rhs = binloop_in(w, c, unary(w, c), right ? p - 1 : p, strcmp(op, "..") == 0);
        walk_leave(w);
        lhs = binop(w, op, lhs, rhs);
    }
    return lhs;
}

static AstNode *binloop(Walk *w, Cursor *c, AstNode *lhs, int minprec)
{
    return binloop_in(w, c, lhs, minprec, false);
}

AstNode *walk_expr(Walk *w, const mpc_ast_t *n)
{
    walk_enter(w, n);
    mpc_ast_t *one;
    Rule r = rule_of(n);
    Cursor c = {NULL, 0, 0};
    if (r == R_EXPR || r == R_EXPRM) {
        c.v = n->children;
        c.n = n->children_num;
    } else {
        one = (mpc_ast_t *)n;
        c.v = &one;
        c.n = 1;
    }
    AstNode *e = binloop(w, &c, unary(w, &c), 0);
    walk_leave(w);
    return e;
}

/* ---------------------------------------------------------------- operands */

static AstNode *walk_fn(Walk *w, const mpc_ast_t *n)
{
    AstNode *fn = walk_node(w, AST_FN, n);
    AstNode *body = walk_dseq(w, n->children_num == 3 ? n->children[1] : NULL, n);
    if (body->nkids == 0 || body->kids[0]->kind != AST_CLAUSE)
        walk_fail(w, body->line, body->col, "expected -> clauses in fn");
    fn->kids = body->kids;
    fn->nkids = body->nkids;
    return fn;
}

static AstNode *walk_attr(Walk *w, const mpc_ast_t *n)
{
    AstNode *at = walk_node(w, AST_ATTR, n);
    at->name = walk_str(w, n->children[1]->contents);
    if (n->children_num > 2) at->a = walk_expr(w, n->children[2]);
    return at;
}

static AstNode *walk_base(Walk *w, const mpc_ast_t *n)
{
    Rule r = rule_of(n);
    switch (r) {
    case R_CALL:
    case R_CALLM: return walk_local_call(w, n);
    case R_FNX: return walk_fn(w, n);
    case R_PAREN: return walk_paren(w, n);
    case R_ATTR: return walk_attr(w, n);
    case R_IDENT: {
        AstNode *v = walk_node(w, AST_VAR, n);
        v->name = walk_str(w, n->contents);
        return v;
    }
    default: return walk_literal(w, n, r);
    }
}

static AstNode *walk_core(Walk *w, const mpc_ast_t *n)
{
    Rule r = rule_of(n);
    if (r != R_CORE && r != R_COREM) return walk_base(w, n);
    AstNode *e = walk_base(w, n->children[0]);
    for (int i = 1; i < n->children_num; i++) e = walk_post(w, e, n->children[i]);
    return e;
}
