/* main.c: ember's command line. Parses options and hands the work to the front end,
 * the VM and the shell. Owns no state of its own. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse/parse.h"
#include "rt/runtime.h"
#include "shell/shell.h"
#include "vm/run.h"

static void usage(FILE *out)
{
    fputs("usage: ember [options] [FILE.exs [ARGS...]]\n"
          "  (no file)      start the interactive shell\n"
          "  -i FILE        run FILE, then start the interactive shell\n"
          "  --check FILE   parse FILE; print the first syntax error and exit 1 if any\n"
          "  --ast FILE     print FILE's syntax tree\n"
          "  -e EXPR        evaluate EXPR\n"
          "  --threads N    run processes on N scheduler threads (default: online cores)\n"
          "  --no-bind      leave the scheduler threads unbound (default: each on its own core)\n"
          "  --seed S       one thread, and a schedule that depends only on S (replayable)\n"
          "  --max-processes N  at most N live processes (default 1048576)\n"
          "  --version      print the version\n"
          "  -h, --help     print this help\n",
          out);
}

/* ember --check FILE / --ast FILE: parse, then print the first error (exit 1) or the AST. */
static int front_end(const char *opt, const char *path)
{
    size_t len;
    char *src = run_read_file(path, &len);
    if (!src) {
        fprintf(stderr, errno == ENOMEM ? "ember: %s is too large to read\n" : "ember: cannot open %s\n", path);
        return 1;
    }
    ParseResult r;
    bool ok = parse_source(path, src, len, &r);
    if (!ok) fprintf(stderr, "%s\n", r.error);
    else if (strcmp(opt, "--ast") == 0) ast_print(stdout, r.root);
    parse_result_free(&r);
    free(src);
    return ok ? 0 : 1;
}

/* Reads `--threads N`, `--seed S`, `--max-processes N` and `--no-bind` from the front of the
 * arguments (after argv[0]) into `cfg` and drops them. Returns false after a message on a bad
 * value. */
static bool runtime_options(int *argc, char **argv, RtConfig *cfg)
{
    static const char *const names[] = {"--threads", "--seed", "--max-processes"};
    int i = 1;
    while (i < *argc) {
        if (strcmp(argv[i], "--no-bind") == 0) {
            cfg->unbound = true;
            i++;
            continue;
        }
        int which = 0;
        while (which < 3 && strcmp(argv[i], names[which]) != 0) which++;
        if (which == 3 || i + 1 >= *argc) break;
        char *end;
        unsigned long long v = strtoull(argv[i + 1], &end, 10);
        if (*argv[i + 1] == '\0' || *end != '\0' || argv[i + 1][0] == '-' ||
            (which != 1 && (v == 0 || v > (which == 0 ? SCHED_MAX_THREADS : PIDTAB_INDEX_LIMIT)))) {
            fprintf(stderr, "ember: bad value for %s: %s\n", argv[i], argv[i + 1]);
            return false;
        }
        if (which == 0) cfg->threads = (uint32_t)v;
        else if (which == 1) cfg->deterministic = true, cfg->seed = v;
        else cfg->max_processes = (uint32_t)v;
        i += 2;
    }
    if (cfg->deterministic && cfg->threads > 1) {
        fputs("ember: --seed runs one scheduler thread (use --threads 1 or leave it out)\n", stderr);
        return false;
    }
    memmove(argv + 1, argv + i, (size_t)(*argc - i + 1) * sizeof *argv);
    *argc -= i - 1;
    return true;
}

int main(int argc, char **argv)
{
    RtConfig cfg = {0};
    if (!runtime_options(&argc, argv, &cfg)) return 2;
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
    if (argc == 1 || (argc == 3 && strcmp(argv[1], "-i") == 0)) {
        if (rt_init(&cfg) != 0) return 2;
        return shell_run(argc == 3 ? argv[2] : NULL);
    }
    bool eval = argc > 2 && strcmp(argv[1], "-e") == 0;
    if ((eval || (argc > 1 && argv[1][0] != '-')) && rt_init(&cfg) != 0) return 2;
    if (eval) return run_eval(argv[2], argc - 3, argv + 3);
    if (argc > 1 && argv[1][0] != '-') return run_file(argv[1], argc - 2, argv + 2);
    usage(stderr);
    return 2;
}
