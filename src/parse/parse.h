/* parse.h: ember's front end. Turns source text into the AST of ast.h, or into one
 * "FILE:LINE:COL: error: ..." message, and tells the shell whether failed input was merely
 * incomplete. The grammar (grammar/ember.mpc, embedded in the binary) is loaded once per
 * process, on first use; after that every call is independent and thread-safe.
 * mpc is an implementation detail: nothing in this header mentions it.
 */
#ifndef EMBER_PARSE_H
#define EMBER_PARSE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "parse/ast.h"

typedef struct ParseResult {
    AstArena *arena;    /* owns root and everything under it */
    AstNode *root;      /* BLOCK of top-level expressions, NULL on error */
    char *error;        /* malloc'd "FILE:LINE:COL: error: expected ... at ..." (no trailing newline), or NULL */
    uint32_t line, col; /* of the error, 1-based */
    bool incomplete;    /* the input ended inside an open construct (open do, (, [, {, ", fn, trailing operator, do:) */
} ParseResult;

/* Parses `len` bytes of `src`, naming it `filename` in messages, into `out` (always fully
 * set, even on failure). Returns true on success. A NUL byte inside `src` is a syntax error.
 * Thread-safe; the first call loads the embedded grammar. */
bool parse_source(const char *filename, const char *src, size_t len, ParseResult *out);

/* Frees everything `r` owns and zeroes it. NULL-safe and idempotent. */
void parse_result_free(ParseResult *r);

/* Prints the AST under `node` to `out` in the stable, documented --ast text form (AST.md). */
void ast_print(FILE *out, const AstNode *node);

#endif
