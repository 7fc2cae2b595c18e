/* run.c: running a script or an -e expression (run.h). */
#include "rt/perm.h"
#include "vm/run.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "lib/system.h"
#include "parse/parse.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/module.h"
#include "vm/vm.h"
#include "rt/runtime.h"

char *run_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) free(buf);
            buf = grown;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (!buf || failed) {
        int why = buf ? EIO : ENOMEM;
        free(buf);
        errno = why;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int run_source(const char *file, const char *src, size_t len)
{
    ParseResult pr;
    if (!parse_source(file, src, len, &pr)) {
        fprintf(stderr, "** (SyntaxError) %s\n", pr.error ? pr.error : "syntax error");
        parse_result_free(&pr);
        return 1;
    }
    CompileOpts opts = {.file = file};
    CompileError err;
    Code *code = compile_toplevel(pr.root, &opts, &err);
    if (!code) {
        parse_result_free(&pr);
        if (err.exception) fprintf(stderr, "** (%s) %s\n", err.exception + 7, err.message);
        else fprintf(stderr, "** (CompileError) %s:%u: %s\n", err.file, err.line, err.message);
        return 1;
    }
    perm_keep(pr.arena); /* modules defined by this file are compiled from its AST later */
    free(pr.error);
    Process *p = proc_new();
    if (!p || !vm_start(p, code, NULL, 0)) {
        fputs("ember: out of memory\n", stderr);
        return 1;
    }
    RtConfig defaults = {0};
    if (rt_get() == NULL && rt_init(&defaults) != 0)
        return 1;
    /* The main process runs on the scheduler with every other; the runtime owns it now. The
     * AST stays alive: modules defined by this file refer to it. */
    return rt_run_main(p);
}

int run_file(const char *path, int argc, char **argv)
{
    module_init();
    lib_set_argv(argc, argv);
    size_t len;
    char *src = run_read_file(path, &len);
    if (!src) {
        fprintf(stderr, "** (File.Error) could not read file \"%s\": no such file or directory\n", path);
        return 1;
    }
    int status = run_source(path, src, len);
    free(src);
    return status;
}

int run_eval(const char *src, int argc, char **argv)
{
    module_init();
    lib_set_argv(argc, argv);
    return run_source("nofile", src, strlen(src));
}
