/* mpc.h: ember's own implementation of the orangeduck/mpc parser-combinator API (the subset in
 * ../shared/reference/mpc-api.md, Tiers 1 and 2 plus mpc_apply, mpc_expect and mpcf_free).
 * Same type names, field order, AST tag rules and error text as upstream, so a grammar written
 * in mpca_lang notation means the same thing under either library.
 *
 * Differences from upstream, all on purpose:
 *  - packrat memoisation: parsing is linear; nesting is limited only by MPC_MAX_DEPTH rule
 *    levels (deep parses run on a private big-stack thread), never by a crash;
 *  - nullable repetition (`(a*)*` or `/^/` starred) stops when an iteration consumes nothing;
 *    a left recursion that consumes nothing fails at once with the depth error;
 *  - mpc_parse_from: parse a long input piece by piece, with the whole input's positions;
 *  - error strings have no fixed size; a received '%' prints as '%';
 *  - an AST returned by mpc_parse lives in one block owned by the tree: free it only with
 *    mpc_ast_delete, change tags only with mpc_ast_tag/mpc_ast_add_tag (nodes of one tree may
 *    share a tag string); `contents` is writable in place;
 *  - parsers are read-only while parsing: several threads may parse with the same parsers at
 *    once, but defining or deleting parsers must not overlap a parse that uses them. */
#ifndef mpc_h
#define mpc_h

#ifdef __cplusplus
extern "C" {
#endif

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most rule references allowed on one path; deeper input fails with
 * "Maximum recursion depth exceeded!". (Overridable at build time, e.g. for fuzzing.) */
#ifndef MPC_MAX_DEPTH
#define MPC_MAX_DEPTH 100000
#endif

/* ---------------------------------------------------------------- states and errors */

/* A position in the input. All 0-based; printed 1-based. */
typedef struct {
    long pos;  /* byte offset */
    long row;  /* line, counting '\n' */
    long col;  /* byte within the line */
    int term;  /* internal: end of input already matched on this path */
} mpc_state_t;

/* A parse error. Free with mpc_err_delete (not NULL-safe). */
typedef struct {
    mpc_state_t state;  /* where the (merged) error is */
    int expected_num;   /* entries in `expected` */
    char *filename;     /* heap copy of the name given to the parse call */
    char *failure;      /* NULL, or a message that replaces the "expected" list */
    char **expected;    /* distinct descriptions, in the order first seen */
    char received;      /* byte at `state` ('\0' = end of input; ' ' for failures) */
} mpc_err_t;

/* Returns a heap string (free() it): "<file>:<row>:<col>: error: expected A, B or C at X\n",
 * or "<file>: error: <failure>\n". */
char *mpc_err_string(mpc_err_t *e);
/* Writes mpc_err_string(e) to stdout / to f. */
void mpc_err_print(mpc_err_t *e);
void mpc_err_print_to(mpc_err_t *e, FILE *f);
/* Frees e and everything it holds. e must not be NULL. */
void mpc_err_delete(mpc_err_t *e);

/* ---------------------------------------------------------------- parsers and results */

typedef void mpc_val_t;

/* After a parse call returns 1 only `output` is set; after it returns 0 only `error`. */
typedef union {
    mpc_err_t *error;
    mpc_val_t *output;
} mpc_result_t;

struct mpc_parser_t;
typedef struct mpc_parser_t mpc_parser_t;

typedef void (*mpc_dtor_t)(mpc_val_t *);
typedef mpc_val_t *(*mpc_ctor_t)(void);
typedef mpc_val_t *(*mpc_apply_t)(mpc_val_t *);
typedef mpc_val_t *(*mpc_apply_to_t)(mpc_val_t *, void *);
typedef mpc_val_t *(*mpc_fold_t)(int, mpc_val_t **);
typedef int (*mpc_check_t)(mpc_val_t **);
typedef int (*mpc_check_with_t)(mpc_val_t **, void *);

/* Parses `string` (up to its NUL) with p. Succeeds on a prefix match: anchor the grammar with
 * /^/ ... /$/ to require all of it. filename only labels errors. Returns 1 and sets r->output
 * (for mpca_lang parsers an mpc_ast_t*, possibly NULL, owned by the caller), or 0 and sets
 * r->error (caller frees with mpc_err_delete). */
int mpc_parse(const char *filename, const char *string, mpc_parser_t *p, mpc_result_t *r);
/* As mpc_parse, reading at most `length` bytes of string (it still ends at a NUL). */
int mpc_nparse(const char *filename, const char *string, size_t length, mpc_parser_t *p,
               mpc_result_t *r);
/* ember's extension (not in upstream mpc), to parse a long input one piece at a time with
 * bounded memory: parses string[at->pos ...] with p as mpc_parse would parse the text from
 * there, but every position (in the output's states and in errors) is one of the whole
 * string. at->row and at->col must be the 0-based row and column of at->pos. string must be
 * NUL at string[length] and nowhere before it. On success *at becomes the state just past the
 * match. Costs O(match), not O(length): nothing scans the input past what the parse reads. */
int mpc_parse_from(const char *filename, const char *string, size_t length, mpc_state_t *at,
                   mpc_parser_t *p, mpc_result_t *r);
/* As mpc_parse on the whole remaining contents of an open stream (read first, then parsed). */
int mpc_parse_file(const char *filename, FILE *file, mpc_parser_t *p, mpc_result_t *r);
int mpc_parse_pipe(const char *filename, FILE *pipe, mpc_parser_t *p, mpc_result_t *r);
/* Opens filename ("rb") and parses it; fails with "Unable to open file!" if it cannot. */
int mpc_parse_contents(const char *filename, mpc_parser_t *p, mpc_result_t *r);

/* ---------------------------------------------------------------- building parsers */

/* A new retained, undefined parser called `name` (copied). Parsing it before it is defined
 * fails with "Parser Undefined!". Free it with mpc_cleanup (or mpc_undefine + mpc_delete). */
mpc_parser_t *mpc_new(const char *name);
/* Gives retained parser p the definition a (p owns a from now on; an old definition of p is
 * freed). If p is not retained it becomes a parser failing with
 * "Attempt to assign to Unretained Parser!". Returns p. */
mpc_parser_t *mpc_define(mpc_parser_t *p, mpc_parser_t *a);
/* Frees p's definition (stopping at retained parsers) and leaves p undefined. Returns p. */
mpc_parser_t *mpc_undefine(mpc_parser_t *p);
/* Frees p (and, unless p is retained, everything it owns). */
void mpc_delete(mpc_parser_t *p);
/* Undefines all n parsers, then deletes them. Every parser that refers to another one must be
 * in the same call. */
void mpc_cleanup(int n, ...);

/* A parser that matches regex `re` (dialect: mpc-api.md §2.8; PEG semantics, anchored at the
 * current position) and outputs the matched text as a heap char*. mode: MPC_RE_* flags. An
 * invalid regex gives a parser that always fails with "Invalid Regex: ...". */
mpc_parser_t *mpc_re(const char *re);
mpc_parser_t *mpc_re_mode(const char *re, int mode);
/* A parser running a and passing its output through f (or f with d). Owns a unless a is
 * retained. */
mpc_parser_t *mpc_apply(mpc_parser_t *a, mpc_apply_t f);
mpc_parser_t *mpc_apply_to(mpc_parser_t *a, mpc_apply_to_t f, void *d);
/* A parser running a; when a fails, the error is just `e` (copied) at the failure position. */
mpc_parser_t *mpc_expect(mpc_parser_t *a, const char *e);
/* A parser that always fails with the message m (copied). */
mpc_parser_t *mpc_fail(const char *m);

/* Frees x and returns NULL: with mpc_apply, makes a parser whose output vanishes. */
mpc_val_t *mpcf_free(mpc_val_t *x);
/* String helpers: each frees its argument x and returns a new heap string. escape/unescape
 * handle \a \b \f \n \r \t \v \\ \' \" \0; the _regex variants only '/', _string_raw only '"',
 * _char_raw only '\''. Unknown escapes are kept as they are. */
mpc_val_t *mpcf_escape(mpc_val_t *x);
mpc_val_t *mpcf_unescape(mpc_val_t *x);
mpc_val_t *mpcf_escape_regex(mpc_val_t *x);
mpc_val_t *mpcf_unescape_regex(mpc_val_t *x);
mpc_val_t *mpcf_escape_string_raw(mpc_val_t *x);
mpc_val_t *mpcf_unescape_string_raw(mpc_val_t *x);
mpc_val_t *mpcf_escape_char_raw(mpc_val_t *x);
mpc_val_t *mpcf_unescape_char_raw(mpc_val_t *x);

enum { MPC_RE_DEFAULT = 0, MPC_RE_M = 1, MPC_RE_S = 2, MPC_RE_MULTILINE = 1, MPC_RE_DOTALL = 2 };

/* ---------------------------------------------------------------- ASTs */

typedef struct mpc_ast_t {
    char *tag;       /* "rule|rule|kind": kind is char, string, regex, or > for inner nodes */
    char *contents;  /* matched text for leaves, "" for inner nodes; writable */
    mpc_state_t state;
    int children_num;
    struct mpc_ast_t **children;
} mpc_ast_t;

/* A leaf with copies of tag and contents, zero state, no children. */
mpc_ast_t *mpc_ast_new(const char *tag, const char *contents);
/* An inner node (contents "") owning the n children given after tag. */
mpc_ast_t *mpc_ast_build(int n, const char *tag, ...);
/* Appends a (taking ownership) to r's children. Returns r. */
mpc_ast_t *mpc_ast_add_child(mpc_ast_t *r, mpc_ast_t *a);
/* Prepends "t|" to a's tag / replaces a's tag with t. Return a. NULL-safe. */
mpc_ast_t *mpc_ast_add_tag(mpc_ast_t *a, const char *t);
mpc_ast_t *mpc_ast_tag(mpc_ast_t *a, const char *t);
/* Frees a whole tree, without recursion. NULL-safe. */
void mpc_ast_delete(mpc_ast_t *a);
/* Prints the tree (format: mpc-api.md Appendix A) to stdout / to fp. */
void mpc_ast_print(mpc_ast_t *a);
void mpc_ast_print_to(mpc_ast_t *a, FILE *fp);
/* 1 if a and b have the same tags, contents and shape (states are not compared). */
int mpc_ast_eq(mpc_ast_t *a, mpc_ast_t *b);
/* Index of (or pointer to) the first direct child at index >= lb whose tag equals `tag`;
 * -1 / NULL when there is none. */
int mpc_ast_get_index(mpc_ast_t *ast, const char *tag);
int mpc_ast_get_index_lb(mpc_ast_t *ast, const char *tag, int lb);
mpc_ast_t *mpc_ast_get_child(mpc_ast_t *ast, const char *tag);
mpc_ast_t *mpc_ast_get_child_lb(mpc_ast_t *ast, const char *tag, int lb);

typedef enum { mpc_ast_trav_order_pre = 0, mpc_ast_trav_order_post = 1 } mpc_ast_trav_order_t;

typedef struct mpc_ast_trav_t {
    mpc_ast_t *curr_node;
    struct mpc_ast_trav_t *parent;
    int curr_child;
    mpc_ast_trav_order_t order;
} mpc_ast_trav_t;

/* Iterates over every node of ast in pre- or post-order: start, then next until it returns
 * NULL; free releases the iterator (next frees it too once it is exhausted). */
mpc_ast_trav_t *mpc_ast_traverse_start(mpc_ast_t *ast, mpc_ast_trav_order_t order);
mpc_ast_t *mpc_ast_traverse_next(mpc_ast_trav_t **trav);
void mpc_ast_traverse_free(mpc_ast_trav_t **trav);

/* ---------------------------------------------------------------- grammars */

enum { MPCA_LANG_DEFAULT = 0, MPCA_LANG_PREDICTIVE = 1, MPCA_LANG_WHITESPACE_SENSITIVE = 2 };

/* Defines the parsers named in `language` (mpca_lang notation: `name "display" : body ;`).
 * The varargs are every parser the grammar names, ending with NULL. Returns NULL, or the
 * grammar's syntax error (free with mpc_err_delete); on error no rule is defined. */
mpc_err_t *mpca_lang(int flags, const char *language, ...);
/* As mpca_lang on the contents of a file / an open stream. */
mpc_err_t *mpca_lang_contents(int flags, const char *filename, ...);
mpc_err_t *mpca_lang_file(int flags, FILE *f, ...);
mpc_err_t *mpca_lang_pipe(int flags, FILE *f, ...);
/* A parser for one grammar right-hand side; on a syntax error, a parser failing with
 * "Invalid Grammar: <message>". */
mpc_parser_t *mpca_grammar(int flags, const char *grammar, ...);

#ifdef __cplusplus
}
#endif

#endif
