/* main.c: ember's command line. Parses options and hands the work to the front end,
 * the VM and the shell. Owns no state of its own. */
#include <stdio.h>
#include <string.h>

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

int main(int argc, char **argv)
{
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
