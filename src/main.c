/* main.c: ember's command line. Parses options and hands the work to the front end,
 * the VM and the shell. Owns no state of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse/parse.h"

#include "vm/run.h"

static void usage(FILE *out)
{
    fputs("usage: ember [options] [FILE.exs [ARGS...]]\n"
          "  --check FILE   parse FILE; print the first syntax error and exit 1 if any\n"
          "  --ast FILE     print FILE's syntax tree\n"
          "  -e EXPR        evaluate EXPR\n"
          "  --version      print the version\n"
          "  -h, --help     print this help\n",
          out);
}

/* Reads the whole of `path` into a malloc'd buffer (*len bytes); NULL with a message on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) {
        fprintf(stderr, "ember: cannot open %s\n", path);
        return NULL;
    }
    do {
        if (n == cap) {
            char *grown = realloc(buf, cap = cap ? cap * 2 : 65536);
            if (!grown) {
                fprintf(stderr, "ember: %s is too large to read\n", path);
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf ? buf : calloc(1, 1);
}

/* ember --check FILE / --ast FILE: parse, then print the first error (exit 1) or the AST. */
static int front_end(const char *opt, const char *path)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) return 1;
    ParseResult r;
    bool ok = parse_source(path, src, len, &r);
    if (!ok) fprintf(stderr, "%s\n", r.error);
    else if (strcmp(opt, "--ast") == 0) ast_print(stdout, r.root);
    parse_result_free(&r);
    free(src);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && (strcmp(argv[1], "--check") == 0 || strcmp(argv[1], "--ast") == 0))
        return front_end(argv[1], argv[2]);
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        puts("ember 0.1.0");
        return 0;
    }
    if (argc > 2 && strcmp(argv[1], "-e") == 0) return run_eval(argv[2], argc - 3, argv + 3);
    if (argc > 1 && argv[1][0] != '-') return run_file(argv[1], argc - 2, argv + 2);
    usage(stderr);
    return 2;
}
