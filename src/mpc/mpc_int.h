/* mpc_int.h: internals shared by the files of src/mpc; nothing outside src/mpc includes it.
 *
 * A parser is a tree of nodes (struct mpc_parser_t); rule references point at retained
 * (mpc_new) parsers, so grammars are cyclic graphs. Nodes are never written during a parse,
 * except the first-set cache, which is refreshed under a lock before a parse starts.
 * A parse (mpc_eng.c) builds an immutable intermediate tree of Vals in a per-parse arena,
 * memoises expensive rule invocations, records errors as cheap entries, and only at the end
 * turns the Vals into an mpc_ast_t tree (mpc_mat.c) or the entries into an mpc_err_t
 * (mpc_err.c). */
#ifndef MPC_INT_H
#define MPC_INT_H

#include <stdatomic.h>
#include <stdint.h>

#include "mpc.h"

/* ---------------------------------------------------------------- first sets */

/* What a parser can start with: the bytes it may consume first, and whether it may succeed
 * without consuming. A parser that cannot start with the next byte and is not nullable fails
 * there without consuming, so a choice may skip it. */
typedef struct FirstSet {
    uint8_t nullable;
    uint8_t bits[32];
} FirstSet;

static inline int fs_has(const FirstSet *f, unsigned c) { return (f->bits[c >> 3] >> (c & 7)) & 1; }
static inline void fs_add(FirstSet *f, unsigned c) { f->bits[c >> 3] |= (uint8_t)(1u << (c & 7)); }
void fs_all(FirstSet *f);                        /* top: nullable, every byte */
int fs_union(FirstSet *dst, const FirstSet *src); /* 1 if dst grew */

/* ---------------------------------------------------------------- regex programs */

enum {
    R_CHAR, R_LITS, R_CLASS, R_ANY, R_NCLASS, R_BOL, R_EOL, R_WORDB, R_NWORDB, R_BOI, R_EOI,
    R_FAIL, R_EMPTY, R_SEQ, R_ALT, R_STAR, R_PLUS, R_OPT, R_COUNT
};

typedef struct ReClass {
    uint8_t bits[32];
    uint8_t neg;    /* [^...] */
    uint8_t named;  /* 0 for [...], else 'd', 's' or 'w' (\d \s \w) */
    char *list;     /* the listed bytes, ranges expanded, for "one of '...'" */
} ReClass;

typedef struct ReNode {
    uint8_t type;
    uint8_t flags;  /* MPC_RE_MULTILINE, MPC_RE_DOTALL */
    FirstSet fs;
    int n;          /* R_CHAR byte, R_LITS length, R_COUNT count, R_SEQ/R_ALT kid count */
    union {
        struct ReNode **kids;  /* R_SEQ, R_ALT */
        struct ReNode *x;      /* R_STAR, R_PLUS, R_OPT, R_COUNT */
        ReClass *cls;          /* R_CLASS, R_NCLASS */
        char *lits;            /* R_LITS */
        const char *msg;       /* R_FAIL (static text) */
    } u;
} ReNode;

/* Compiles regex text re (mode: MPC_RE_* flags). Returns the program, or NULL with *err set to
 * a heap message "<mpc_re_compiler>:1:C: error: ...". */
ReNode *re_compile(const char *re, int mode, char **err);
void re_free(ReNode *r);

/* ---------------------------------------------------------------- parser nodes */

enum {
    N_UNDEF, N_RULE, N_FAIL, N_REF,
    N_CHAR, N_STRING, N_REGEX, /* grammar tokens: AST leaves tagged char / string / regex */
    N_RE,                      /* mpc_re: outputs the matched text */
    N_SEQ, N_ALT, N_MANY, N_MANY1, N_OPT, N_NOT, N_COUNT,
    N_EXPECT, N_PRED, N_APPLY, N_APPLY_TO
};

#define NF_WS 1 /* token skips trailing whitespace (MPCA_LANG_DEFAULT) */

struct mpc_parser_t {
    uint8_t type;
    uint8_t retained;
    uint8_t flags;
    int scratch;                  /* fixpoint index; touched only under the first-set lock */
    _Atomic unsigned long epoch;  /* grammar epoch `fs` was computed for (0 = never) */
    FirstSet fs;
    char *name;                   /* retained parsers only */
    union {
        struct { mpc_parser_t *body; } rule;
        struct { char *msg; } fail;
        struct { mpc_parser_t *target; } ref;
        struct { unsigned char c; } chr;
        struct { char *s; uint32_t len; } str;
        struct { ReNode *re; } re;
        struct { mpc_parser_t **xs; int n; } list;          /* N_SEQ, N_ALT */
        struct { mpc_parser_t *x; int n; char *desc; } one; /* MANY..COUNT, EXPECT, PRED */
        struct { mpc_parser_t *x; void (*f)(void); void *d; } apply;
    } d;
};

mpc_parser_t *node_new(int type);
mpc_parser_t *node_fail(const char *msg);          /* copies msg */
mpc_parser_t *node_fail_own(char *msg);            /* takes msg */
mpc_parser_t *node_one(int type, mpc_parser_t *x, int n);
mpc_parser_t *node_list(int type, mpc_parser_t **xs, int n); /* takes xs */
void node_free(mpc_parser_t *p); /* frees p and what it owns, stopping at retained parsers */
void node_clear(mpc_parser_t *p); /* frees what p owns; p stays allocated */

/* Bumped by every change to any parser, so stale first sets get recomputed (mpc_first.c). */
extern _Atomic unsigned long mpc_epoch;
void mpc_changed(void);
/* Makes the first sets of everything reachable from p current. Thread-safe. */
void first_refresh(mpc_parser_t *p);

/* ---------------------------------------------------------------- parse-time values */

/* V_NODE: a fold (children are its inputs, flattened by the §1.6 rules); V_WRAP: a node whose
 * only child is u.x (a reference to a rule that gave two or more children); V_EXT: a caller's
 * mpc_ast_t*; V_ANY: a caller's void* (from mpc_apply); V_STR: text from mpc_re. */
enum { V_LEAF, V_NODE, V_WRAP, V_EXT, V_ANY, V_STR };
enum { B_CHAR, B_STRING, B_REGEX, B_NODE };

typedef struct Val {
    uint8_t kind, base, shared, flags; /* flags: VF_POSSET, VF_USED */
    uint32_t tag;    /* chain of rule names prefixed by references (0: none) */
    uint32_t pos;    /* state.pos */
    uint32_t nkids;  /* children the AST node will have */
    uint32_t a;      /* leaf: start of the text; node: number of inputs */
    uint32_t b;      /* leaf: length of the text; node/wrap: state.pos of the first child */
} Val;               /* V_NODE is followed by its `a` inputs, V_WRAP by its child, V_EXT/V_ANY by the pointer */

static inline Val **val_in(const Val *v) { return (Val **)(uintptr_t)(v + 1); }
static inline void **val_ptr(Val *v) { return (void **)(void *)(v + 1); }

#define VF_POSSET 1 /* a reference set `pos` (V_EXT: overrides the caller's state) */
#define VF_USED 2   /* V_EXT: moved into an output tree, no longer ours to free */

typedef struct Chain {
    const char *name;
    uint32_t rest;
} Chain;

/* ---------------------------------------------------------------- error entries */

/* An expectation recorded at the furthest failure position, described only when reported. */
enum { EK_NODE, EK_RE, EK_CHAR, EK_TEXT, EK_FAIL, EK_LAZY, EK_LAZYRE, EK_MANY1, EK_COUNT };

typedef struct Ent {
    uint32_t kind : 8;
    uint32_t n : 24;   /* EK_CHAR byte, EK_COUNT count (at most 1000000), EK_LAZY term flag */
    uint32_t sub;      /* EK_MANY1/EK_COUNT: index of the wrapped entry in St.comp */
    const void *p;     /* node, regex node, or text */
} Ent;

/* ---------------------------------------------------------------- arenas */

typedef struct ABlock {
    struct ABlock *prev;
    size_t size, used;
} ABlock;

typedef struct Arena {
    ABlock *top;
    ABlock *spare; /* one freed block kept, so release/alloc at a block edge does not thrash */
} Arena;

typedef struct AMark {
    ABlock *blk;
    size_t used;
} AMark;

AMark mpc_ir_mark(Arena *a);
void mpc_ir_release(Arena *a, AMark m);
void mpc_ir_free(Arena *a);

/* ---------------------------------------------------------------- the parse state */

typedef struct Memo Memo;

/* A rule invocation in progress: which rule, where, and the state that steers it. */
typedef struct Active {
    const mpc_parser_t *rule;
    uint32_t pos;
    int term, pred;
} Active;

typedef struct St {
    const unsigned char *in;
    uint32_t len;
    uint32_t pos;
    int term;
    int suppress;  /* > 0: inside mpc_expect or `!`: record no errors */
    int pred;      /* > 0: inside a predictive rule: no backtracking */
    Val *out;      /* output of the last successful run */

    long emax;     /* furthest error position (-1: none) */
    Ent *el;       /* entries at emax, in order */
    uint32_t en, ecap;
    long ppos;     /* pending (returned) error position; -1: none */
    Ent pe;
    Ent *comp;     /* entries wrapped by EK_MANY1 / EK_COUNT */
    uint32_t cn, ccap;

    Arena ir;
    Val **vs;      /* value stack for folds */
    uint32_t vn, vcap;
    Chain *ch;     /* name chains; ch[0] is the empty chain */
    uint32_t chn, chcap;
    uint32_t *chh; /* hash: chain ids */
    uint32_t chhcap;
    Memo *memo;
    Val **ext;     /* V_EXT / V_ANY values made during the parse */
    uint32_t extn, extcap;

    uint32_t base;          /* where the parse started (mpc_parse_from); 0 otherwise */
    long base_row, base_col; /* its row and column */
    uint32_t *nl;           /* positions of '\n' in [base, nl_end), scanned as lookups need */
    uint32_t nln, nlcap, nl_end;
    long nl_pos, nl_row;    /* last line lookup, to walk forward cheaply */

    int depth;
    struct Active *act;     /* the rule invocation at each depth (left-recursion check) */
    uint32_t actcap;
    int abort;              /* 1: rule depth exceeded, 2: C stack nearly exhausted */
    long abort_pos;
    char *stack_limit;      /* lowest frame address allowed */
    unsigned long steps;    /* rule references and token attempts so far */
    unsigned long excl;     /* of which inside memoised invocations (see MEMO_MIN_WORK) */
} St;

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void *big_alloc(size_t n);          /* n bytes, huge-page backed when n is large */
void big_free(void *p, size_t n);   /* frees a big_alloc block of the same n */

/* mpc_eng.c (and mpc_rerun.c for re_run) */
void st_init(St *st, const char *in, uint32_t len);
void st_free(St *st);
/* Runs p (or regex r) at st->pos: 1 with st->out set and st->pos past the match, or 0 with a
 * pending error (st->ppos, st->pe) and, except in predictive mode, st->pos unchanged. */
int eng_run(St *st, const mpc_parser_t *p);
int re_run(St *st, const ReNode *r);
void err_set(St *st, Ent e);              /* pending error at st->pos */
void err_set_at(St *st, long pos, Ent e); /* pending error at pos */
void err_merge(St *st);                   /* pending error -> recorded entries */
void err_record(St *st, long pos, Ent e); /* an entry at pos, if pos is the furthest */
void err_wrap(St *st, int kind, uint32_t n); /* pending X -> "one or more of X" / "n of X" */

/* mpc_val.c (hot paths inline in mpc_val.h) */
Val *val_any(St *st, void *p);
void *val_to_generic(St *st, Val *v);
void val_free_ext(St *st, uint32_t from);

/* mpc_mat.c */
/* The AST for v (NULL for nothing); copy_ext copies callers' subtrees instead of moving them.
 * NULL with st->abort set if the stack ran out. */
mpc_ast_t *mat_tree(St *st, Val *v, int copy_ext);
void mpc_linecol(St *st, long pos, long *row, long *col); /* 0-based row and column of pos */

/* mpc_err.c */
mpc_err_t *err_build(St *st, const char *filename); /* the error of a failed parse */
mpc_err_t *err_fail_new(const char *filename, const char *msg);
mpc_err_t *err_expected(const char *filename, mpc_state_t s, char received, char **xs, int n);
char *re_describe(const ReNode *r); /* mpc_regex.c: what a failed regex node expected */

/* mpc_ast.c: the block an output tree lives in */
typedef struct AstBlock AstBlock;
AstBlock *ast_block_new(size_t bytes);
char *ast_block_lo(AstBlock *b);                       /* its first byte */
mpc_ast_t *ast_block_node(AstBlock *b, char **cursor); /* carves a node at *cursor */
char *ast_block_tag(AstBlock *b, size_t n);            /* room for a tag string */
void ast_block_free(AstBlock *b);
void ast_free_shell(mpc_ast_t *a); /* frees a node and its fields, not its children */
mpc_ast_t *ast_copy(mpc_ast_t *a);

/* mpc_parse.c */
/* Parses in[at->pos, len) (in[len] is NUL); at NULL means from 0. On success *at is the end. */
int parse_run(const char *filename, const char *in, size_t len, mpc_state_t *at, mpc_parser_t *p,
              mpc_result_t *r);
char *mpc_read_all(FILE *f, size_t *n);

/* mpc_util.c: escapes. Each returns a new heap string of the n bytes at s, decoded. */
char *unescape_n(const char *s, size_t n);       /* \a \b ... \0, unknown kept */
char *unescape_regex_n(const char *s, size_t n); /* only \/ */

#endif
