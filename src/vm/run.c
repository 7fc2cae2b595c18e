/* run.c: running a script or an -e expression (run.h). */
#include "rt/perm.h"
#include "vm/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile/compile.h"
#include "lib/system.h"
#include "parse/parse.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/module.h"
#include "vm/vm.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

/* The message of error `e` of `p` (dead): Elixir's own in C, a user's through the VM. */
static Value error_message(Process *p, Value e)
{
    Value m = exc_builtin_message(p, e);
    if (m != THE_NON_VALUE) return m;
    Value mf[2] = {val_atom_cstr("Elixir.Exception"), ATOM_MESSAGE};
    Value fun = val_make_tuple_from(&p->arena, mf, 2);
    Value args = val_make_cons(&p->arena, e, VAL_NIL);
    if (!vm_start_apply(p, fun, args) || vm_run_to_end(p) != VM_DONE) return THE_NON_VALUE;
    return val_is_binary(p->result) ? p->result : THE_NON_VALUE;
}

static void report(Process *p)
{
    fflush(stdout);
    Value kind = p->exc_kind, value = p->exc_value, detail = p->exc_detail;
    Value msg = kind == ATOM_ERROR ? exc_builtin_message(p, value) : ATOM_NIL;
    char *banner;
    if (msg == THE_NON_VALUE) {
        Value name = val_is_map(value) ? map_struct_name(value) : THE_NON_VALUE;
        msg = error_message(p, value);
        /* The exception value may have moved: report with its name and message only. */
        Value keys[1] = {ATOM_MESSAGE};
        Value shell = name == THE_NON_VALUE ? ATOM_NIL : exc_make(p, name, keys, &msg, 0);
        p->exc_detail = ATOM_NIL;
        banner = exc_banner(p, kind, shell, msg);
    } else {
        p->exc_detail = detail;
        banner = exc_banner(p, kind, value, msg);
    }
    fprintf(stderr, "%s\n", banner);
    free(banner);
}

/* Runs `p` until it finishes; returns the exit status. */
static int run_process(Process *p)
{
    for (;;) {
        VmStatus st = vm_run_to_end(p);
        if (st == VM_DONE) return 0;
        if (st == VM_FAILED) {
            report(p);
            return 1;
        }
        /* Waiting forever with no other process to send anything: as Elixir, hang. */
        fflush(stdout);
        pause();
    }
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
    int status = run_process(p);
    fflush(stdout);
    proc_free(p);
    /* The AST stays alive: modules defined by this file refer to it. */
    return status;
}

int run_file(const char *path, int argc, char **argv)
{
    module_init();
    lib_set_argv(argc, argv);
    size_t len;
    char *src = read_file(path, &len);
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
