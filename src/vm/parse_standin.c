/* parse_standin.c: STAND-IN until the parser (branch parse) is merged: weak definitions so
 * the binary links; the real src/parse/parse.c overrides them. Delete this file at that
 * merge. */
#include <stdio.h>
#include <string.h>

#include "parse/parse.h"

__attribute__((weak)) bool parse_source(const char *filename, const char *src, size_t len, ParseResult *out)
{
    (void)src;
    (void)len;
    memset(out, 0, sizeof *out);
    static char msg[] = "the parser is not merged yet";
    out->error = NULL;
    fprintf(stderr, "%s: %s\n", filename, msg);
    return false;
}

__attribute__((weak)) void parse_result_free(ParseResult *r)
{
    memset(r, 0, sizeof *r);
}
