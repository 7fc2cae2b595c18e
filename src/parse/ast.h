/* ast.h: ember's abstract syntax tree, the contract between src/parse (which builds it from
 * mpc's tree) and src/compile (which turns it into bytecode). mpc never appears here.
 *
 * Owns: the node layout and the meaning of each field per kind (table below), and the
 * AstArena every node and string of one parse lives in (freed at once with ast_arena_free).
 * Invariants: line and col are 1-based and point at the first byte of the construct; names
 * and strings are NUL-terminated copies in the arena (STRING also carries its byte length, as
 * a string may hold NUL bytes); a child list never contains NULL.
 *
 * Syntax sugar is removed by the parser: `a |> f(b)` arrives as f(a, b); `unless c, do: x, else: y`
 * as IF with the branches swapped; keyword lists `[a: 1]` and trailing keyword arguments
 * `f(x, a: 1)` as LIST of 2-TUPLEs whose first element is an ATOM; `x when g` in clause heads is
 * hoisted into CLAUSE.guard. Special forms (defmodule, def, defp, fn, case, cond, if, unless,
 * receive, try, for, with) get their own kinds; every other call, including `use`, `import`,
 * `alias`, `require`, `defstruct`, `raise`, `send`, `spawn`, is a CALL or REMOTE the compiler resolves.
 * A call of an unknown name with a do-block (`reveive do ... end`) stays a CALL whose last
 * argument is the keyword list [do: BLOCK, else: BLOCK, ...], so the compiler can report
 * `undefined function reveive/1` (a section made of `->` clauses is a BLOCK of CLAUSEs).
 * A unary minus on a number literal is folded into it: `-1` is INT -1 (so -2^63 fits).
 * `first..last//step` arrives as REMOTE Range.new(first, last, step); sigils as literals
 * (`~w(a b)a` a LIST of ATOMs, `~s(x)` a STRING, `~c(x)` a LIST of INTs); clauses in
 * parentheses, `receive(do: (p -> e))`, as a BLOCK of CLAUSEs, like a do-block section.
 */
#ifndef EMBER_AST_H
#define EMBER_AST_H
#include <stddef.h>
#include <stdint.h>

typedef enum AstKind {
    /* kind          fields used (others are 0/NULL)                                           */
    AST_INT,      /* ival: the value (a literal that does not fit 64 bits is a syntax error)  */
    AST_FLOAT,    /* fval                                                                       */
    AST_ATOM,     /* name: the atom's text without ':' or quotes ("ok", "a b", "true", "nil")   */
    AST_STRING,   /* str, len: bytes with escapes already decoded (UTF-8)                       */
    AST_INTERP,   /* kids: the parts in order, each a STRING or an expression to interpolate    */
    AST_VAR,      /* name: variable ("x", "_", "_acc"); also the special "__MODULE__"           */
    AST_ALIAS,    /* name: module alias as written, dots included ("KV.Registry")             */
    AST_TUPLE,    /* kids: elements                                                             */
    AST_LIST,     /* kids: elements; a: tail after `|` or NULL for a proper list                */
    AST_MAP,      /* kids: PAIRs; a: the map being updated in %{m | k: v}, else NULL            */
    AST_STRUCT,   /* name: struct module alias; kids: PAIRs; a: base of %Name{s | ...} or NULL  */
    AST_PAIR,     /* a: key, b: value (in MAP and STRUCT only; `a: 1` has an ATOM key)           */
    AST_BINOP,    /* name: operator text; a: left, b: right. Operators: + - * / == != === !==
                   * < > <= >= and or && || <> ++ -- .. in "not in" = (match) \\ (default arg) */
    AST_UNOP,     /* name: "-", "+", "not", "!", "^" (pin); a: operand                          */
    AST_CALL,     /* name: local function name; kids: arguments (no-paren calls too);
                   * ival: 1 for Elixir's ambiguous `a -1` (no parentheses, one argument that
                   * starts with unary - or +): when `a` is a bound variable it means `a - 1`   */
    AST_REMOTE,   /* a: module expression (ALIAS, ATOM such as :erlang, or any expression);
                   * name: function; kids: arguments. `Mod.fun` without parens has 0 kids       */
    AST_DOT,      /* a: expression that is not an ALIAS; name: field. `map.field` without parens */
    AST_APPLY,    /* a: function expression; kids: arguments. `f.(x, y)`                        */
    AST_FN,       /* kids: CLAUSEs                                                              */
    AST_CLAUSE,   /* kids: patterns (one for case/receive/rescue, each fn/def parameter, the
                   * condition for cond, `kind, value` for catch); a: guard or NULL; b: BLOCK    */
    AST_BLOCK,    /* kids: expressions in order (possibly none: evaluates to nil)               */
    AST_CAPTURE,  /* a: body of &(...) / &f(&1, x), containing CAPTURE_ARGs                      */
    AST_CAPTURE_ARG, /* ival: n of &n (1-based)                                                 */
    AST_FUNREF,   /* a: module (ALIAS/ATOM) or NULL for a local function; name; ival: arity
                   * (name may be an operator: `&+/2` is FUNREF a=NULL name "+" ival 2)          */
    AST_MODULE,   /* name: module alias; b: BLOCK body                                          */
    AST_DEF,      /* name: function; ival: 0 def, 1 defp; a: the CLAUSE (parameters, guard, body;
                   * body NULL for a bodiless head such as `def f(x \\ 1)`)                      */
    AST_ATTR,     /* name: attribute; a: value for `@name value`, NULL for a read of `@name`     */
    AST_IF,       /* a: condition; b: then BLOCK; c: else BLOCK or NULL                         */
    AST_CASE,     /* a: subject; kids: CLAUSEs                                                  */
    AST_COND,     /* kids: CLAUSEs (kids[0] of each is the condition)                           */
    AST_RECEIVE,  /* kids: CLAUSEs (may be none); a: `after` timeout or NULL; b: after BLOCK    */
    AST_TRY,      /* a: body BLOCK; b: rescue CLAUSEs as a BLOCK or NULL; c: catch CLAUSEs as a
                   * BLOCK or NULL; d: after BLOCK or NULL; kids: else CLAUSEs (may be none)   */
    AST_FOR,      /* kids: GENERATORs and filter expressions in order; a: `into:` value or NULL;
                   * b: body BLOCK (or the CLAUSEs as a BLOCK when `reduce:` is given);
                   * c: `reduce:` initial accumulator or NULL; ival: 1 if `uniq: true`          */
    AST_WITH,     /* kids: GENERATORs and plain expressions in order; b: body BLOCK;
                   * c: else CLAUSEs as a BLOCK, or NULL                                        */
    AST_GENERATOR /* a: pattern (guard hoisted into c, else NULL); b: enumerable. `pat <- expr`  */
} AstKind;

typedef struct AstNode AstNode;
struct AstNode {        /* 96 bytes: a 1 MB program has about 270,000 of them */
    AstKind kind;
    uint32_t line, col;   /* 1-based position of the construct's first byte */
    uint32_t nkids;       /* (here to fill what would be padding) */
    const char *name;     /* see the table; NULL when unused */
    int64_t ival;
    double fval;
    const char *str;      /* STRING bytes (NUL-terminated, may contain NULs) */
    size_t len;           /* STRING length in bytes */
    AstNode *a, *b, *c, *d;
    AstNode **kids;
};

/* A bump allocator holding every node and string of one parse. */
typedef struct AstArena AstArena;

/* Returns a new empty arena, or NULL when out of memory. */
AstArena *ast_arena_new(void);

/* Frees the arena and every node and string allocated in it. NULL-safe. */
void ast_arena_free(AstArena *arena);

/* Allocates a zeroed node of `kind` at line:col (1-based) in `arena`. Returns NULL when out of
 * memory. */
AstNode *ast_node(AstArena *arena, AstKind kind, uint32_t line, uint32_t col);

/* Copies `len` bytes of `s` into `arena`, NUL-terminated. Returns NULL when out of memory. */
char *ast_strndup(AstArena *arena, const char *s, size_t len);

/* Appends `kid` to `node`'s kids (amortised O(1)). Returns 0, or -1 when out of memory. */
int ast_push(AstArena *arena, AstNode *node, AstNode *kid);

/* The kind's name as --ast prints it ("int", "binop", "clause", ...). */
const char *ast_kind_name(AstKind kind);

#endif
