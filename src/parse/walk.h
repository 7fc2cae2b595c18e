/* walk.h: internal to src/parse. The walker turns the tree mpc builds with grammar/ember.mpc
 * into ember's AST (ast.h): it runs the precedence (Pratt) pass over the grammar's flat
 * operand/operator lists, decodes literals, and removes the sugar ast.h lists.
 *
 * The walker reads the mpc tree only through rule_of(): the innermost rule name of a node's tag
 * (the rule whose body built it), which is stable however mpc collapsed single-child nodes.
 * Errors: the first one found is recorded in the Walk and the walk unwinds with longjmp; every
 * allocation lives in the AstArena, so nothing leaks when it does.
 */
#ifndef EMBER_PARSE_WALK_H
#define EMBER_PARSE_WALK_H
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include "mpc/mpc.h"
#include "parse/ast.h"

/* Rules of grammar/ember.mpc (and the whitespace parsers parse.c defines in C). */
typedef enum Rule {
    R_NONE, /* an anonymous token inside a rule */
    R_ALIAS, R_ARGST, R_ARROW, R_ATOM, R_ATTR, R_BINOP, R_BOP, R_CALL, R_CALLM, R_CAPARG,
    R_CARGS, R_CARGSM, R_CEXPRS, R_CFRAG, R_CHR, R_CLIST, R_COMMA, R_COPEN, R_CORE, R_COREM, R_DEND,
    R_DOBLK, R_DSECT, R_DSEQ, R_DSTR, R_DUNIT, R_EOS, R_EXPR, R_EXPRM, R_FNAME, R_FNX,
    R_HASH, R_HCLOSE, R_HEREDOC, R_HNL, R_HOPEN, R_HQUOTE, R_IDENT, R_INTERP, R_IOPEN, R_ITEMS, R_KDO, R_KEND, R_KFN, R_KW,
    R_KWKEY, R_KWL, R_KWP, R_LBR, R_LIST, R_LIT, R_LPAR, R_MAP, R_MAPIN, R_NLOP, R_NPARGS,
    R_NPKW, R_NPKWL, R_NUM, R_OPERAND, R_OPREF, R_OPERANDM, R_PAIR, R_PAIRS, R_PAREN, R_PARENS,
    R_PDOT, R_PEND, R_PHEAD, R_POST, R_POSTC, R_POSTM, R_PRIM, R_PROG, R_PSEQ, R_PUNIT,
    R_QATOM, R_SALIAS, R_SFRAG, R_SIGIL, R_SOPEN, R_SP, R_SP1, R_STRUCT, R_TEND, R_TSEQ, R_TUNIT, R_TUPLE,
    R_UNOP, R_WS,
} Rule;

typedef struct Walk {
    AstArena *arena;
    const char *src;      /* the whole input, for positions of heredoc closers and errors */
    size_t len;
    const char *filename;
    char *error;          /* malloc'd message of the first error, or NULL */
    uint32_t line, col;   /* of that error */
    jmp_buf fail;         /* where walk_fail jumps */
    int depth;            /* current expression nesting, bounded by WALK_MAX_DEPTH */
    const char *stack_limit; /* frames below this address fail with "nesting too deep" */
    int capture;          /* > 0 while walking the body of a & capture */
    uint32_t capmax;      /* highest &N seen in the innermost capture */
    uint64_t capseen[4];  /* which &N (1..256) that capture used */
    char *scratch;        /* malloc'd buffer for decoding string literals; the caller frees it */
    size_t scratch_cap;
} Walk;

/* Deepest expression nesting the walker accepts (the grammar allows deeper); past it, or when
 * the thread's stack runs low (about 450 bytes a level), the walk fails with "nesting too
 * deep" instead of overflowing the C stack. */
enum { WALK_MAX_DEPTH = 2000 };

/* Enters one nesting level at mpc node `at` (fails past the limits); walk_leave leaves it. */
void walk_enter(Walk *w, const mpc_ast_t *at);
static inline void walk_leave(Walk *w) { w->depth--; }

/* The innermost rule name of n's tag, or R_NONE for an anonymous token. Cached by tag
 * pointer for the duration of one walk_program. */
Rule rule_of(const mpc_ast_t *n);
/* The rule called by the len bytes at name, or R_NONE (uncached). */
Rule rule_named(const char *name, size_t len);
/* The children of n if n was built by rule r; otherwise n alone (in *one). Sets *count. */
mpc_ast_t *const *kids_as(const mpc_ast_t *n, Rule r, mpc_ast_t **one, int *count);
/* True for the anonymous one-byte token `c` (a 'c' in the grammar). */
bool is_char(const mpc_ast_t *n, char c);

/* Records "FILE:LINE:COL: error: MESSAGE" (printf-style) and unwinds the walk. */
_Noreturn void walk_fail(Walk *w, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* As walk_fail at the position of mpc node `at`. */
_Noreturn void walk_fail_at(Walk *w, const mpc_ast_t *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A new node of kind k at the position of mpc node `at` / of AST node `like`. */
AstNode *walk_node(Walk *w, AstKind k, const mpc_ast_t *at);
AstNode *walk_node_like(Walk *w, AstKind k, const AstNode *like);
/* Arena copy of s (NUL-terminated) / of n bytes of s. */
const char *walk_str(Walk *w, const char *s);
const char *walk_strn(Walk *w, const char *s, size_t n);
/* Appends kid to node's kids; prepends it. */
void walk_push(Walk *w, AstNode *node, AstNode *kid);
void walk_prepend(Walk *w, AstNode *node, AstNode *kid);
/* A new BLOCK at `like`'s position holding just `e` (or e itself if it already is a BLOCK). */
AstNode *walk_as_block(Walk *w, AstNode *e);

/* walk.c: statements, clauses and expressions. */
AstNode *walk_program(Walk *w, const mpc_ast_t *root);
/* Walks one top-level expression's tree (a `tunit` parsed on its own, as the node the whole
 * program's tree would hold for it) and appends it to block. Each call may get a new tree
 * (the tag cache is reset, as tags of a freed tree may be reused). */
void walk_unit(Walk *w, AstNode *block, const mpc_ast_t *unit);
AstNode *walk_expr(Walk *w, const mpc_ast_t *n);
/* A do-block section or fn body: statements (BLOCK of expressions) or clauses (BLOCK of
 * CLAUSEs), never both. `at` positions an empty BLOCK. seq may be NULL (empty section). */
AstNode *walk_dseq(Walk *w, const mpc_ast_t *seq, const mpc_ast_t *at);
/* A parenthesised block: one expression, or a BLOCK of several (nil for `()`). */
AstNode *walk_paren(Walk *w, const mpc_ast_t *n);

/* walk_lit.c: literals and collections. */
AstNode *walk_literal(Walk *w, const mpc_ast_t *n, Rule r);
/* An integer or float literal; `minus` is the unary minus in front of it (so -2^63 fits), or
 * NULL. */
AstNode *walk_number(Walk *w, const mpc_ast_t *n, const mpc_ast_t *minus);
/* An ATOM for a keyword key `name:` or `"quoted":`. */
AstNode *walk_kwkey(Walk *w, const mpc_ast_t *n);
/* Pushes the positional arguments of an items/npargs node (or single piece) onto call's
 * kids, then one keyword LIST if there are keyword arguments. */
void walk_args_into(Walk *w, AstNode *call, const mpc_ast_t *n, Rule list_rule);

/* walk_call.c: calls, postfix operations, pipes, captures and special forms. */
AstNode *walk_local_call(Walk *w, const mpc_ast_t *n);
AstNode *walk_post(Walk *w, AstNode *base, const mpc_ast_t *post);
AstNode *walk_pipe(Walk *w, AstNode *lhs, AstNode *rhs);
/* Builds & applied to `body` (a FUNREF or a CAPTURE), checking the &N it used. */
AstNode *walk_capture(Walk *w, const mpc_ast_t *amp, AstNode *body);
/* Turns a CALL of defmodule/def/defp/if/unless/case/cond/receive/try/for/with of the right
 * shape into its own kind; returns any other call unchanged. */
AstNode *walk_special(Walk *w, AstNode *call);

#endif
