/* fuzz_mpc_grammar.c: libFuzzer target for src/mpc. The input is a grammar for mpca_lang
 * (its first byte picks the flags, and any bytes after a \x01 byte are one more input); when
 * it loads, every rule parses a few fixed inputs, the extra input and the grammar text itself,
 * and the result is checked for consistency. Anything but a clean
 * result or error (crash, hang, leak, sanitizer report, inconsistent AST) is a bug.
 *
 * Built and run by scripts/fuzz.sh (`make fuzz`, see README.md), with the dictionary
 * tests/fuzz/mpc_grammar.dict. Left-recursive grammars fail within a few hundred levels
 * (mpc_eng.c), so the default MPC_MAX_DEPTH is fine here. */
#include <stdint.h>

#include "mpc/mpc.h"

static const char *const INPUTS[] = {
    "", "a", "abc def", "(1 + 2) * x", "foo(:a, 1)\n  bar() x\n", "  + 5 (* 2 2)\n", "x = \"s #{y}\" ; z\n\n",
    "((((((((((((((((((((1))))))))))))))))))))", "\t\v\f\r\n%&!?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
};

enum { NRULES = 6 };
static const char *const NAMES[NRULES] = {"a", "b", "c", "expr", "x", "string"};

/* Walks a tree checking what every AST must satisfy. */
static void check_ast(const mpc_ast_t *a, size_t len)
{
    if (!a) return;
    if (!a->tag || !a->contents || a->children_num < 0) __builtin_trap();
    if (a->children_num > 0 && !a->children) __builtin_trap();
    if (a->state.pos < 0 || (size_t)a->state.pos > len) __builtin_trap();
    for (int i = 0; i < a->children_num; i++) check_ast(a->children[i], len);
}

static void try_parse(mpc_parser_t *p, const char *in)
{
    mpc_result_t r;
    if (mpc_parse("<fuzz>", in, p, &r)) {
        check_ast(r.output, strlen(in));
        mpc_ast_t *copy = r.output;
        if (copy && !mpc_ast_eq(copy, copy)) __builtin_trap();
        mpc_ast_delete(r.output);
        return;
    }
    char *s = mpc_err_string(r.error);
    if (!s || !*s || s[strlen(s) - 1] != '\n') __builtin_trap();
    if (!r.error->failure && (r.error->state.pos < 0 || (size_t)r.error->state.pos > strlen(in))) __builtin_trap();
    free(s);
    mpc_err_delete(r.error);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    int flags = data[0] & 3;
    char *grammar = malloc(size);
    memcpy(grammar, data + 1, size - 1);
    grammar[size - 1] = 0;
    char *extra = memchr(grammar, '\x01', size - 1);
    if (extra) *extra++ = 0;
    mpc_parser_t *p[NRULES];
    for (int i = 0; i < NRULES; i++) p[i] = mpc_new(NAMES[i]);
    mpc_err_t *e = mpca_lang(flags, grammar, p[0], p[1], p[2], p[3], p[4], p[5], NULL);
    if (e) {
        char *s = mpc_err_string(e);
        free(s);
        mpc_err_delete(e);
    } else {
        for (int i = 0; i < NRULES; i++) {
            for (size_t k = 0; k < sizeof INPUTS / sizeof *INPUTS; k++) try_parse(p[i], INPUTS[k]);
            try_parse(p[i], grammar);
            if (extra) try_parse(p[i], extra);
        }
    }
    mpc_parser_t *g = mpca_grammar(flags, grammar, p[0], p[1], p[2], p[3], p[4], p[5], NULL);
    try_parse(g, INPUTS[3]);
    mpc_delete(g);
    mpc_cleanup(NRULES, p[0], p[1], p[2], p[3], p[4], p[5]);
    free(grammar);
    return 0;
}
