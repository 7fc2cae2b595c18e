/* fuzz_parse.c: libFuzzer target for parse_source. Any input must give either a tree or one
 * well-formed error (never a crash, hang or leak), and parsing the same bytes twice must give
 * the same answer. Built and run by scripts/fuzz.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "parse/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ParseResult r, again;
    bool ok = parse_source("fuzz.exs", (const char *)data, size, &r);
    if (ok != (r.root != NULL) || ok == (r.error != NULL)) abort();
    if (!ok && (strncmp(r.error, "fuzz.exs:", 9) != 0 || r.line == 0 || r.col == 0)) abort();
    if (ok) {
        FILE *sink = fopen("/dev/null", "w");
        if (sink) {
            ast_print(sink, r.root);
            fclose(sink);
        }
    }
    bool ok2 = parse_source("fuzz.exs", (const char *)data, size, &again);
    if (ok2 != ok || (!ok && (strcmp(r.error, again.error) != 0 || r.incomplete != again.incomplete)))
        abort();
    parse_result_free(&again);
    parse_result_free(&r);
    return 0;
}
