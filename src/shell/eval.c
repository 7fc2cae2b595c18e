/* eval.c: the :iex_shell builtins behind the shell's ember processes (eval.h): the hand-over of
 * inputs and results between the reader thread and the evaluator, error and exit texts as iex
 * prints them, and the helpers written in C. Runs on scheduler threads, inside the slice of
 * the process that calls it. */
#include "shell/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "lib/docs.h"
#include "lib/libs.h"
#include "parse/parse.h"
#include "rt/perm.h"
#include "vm/run.h"
#include "value/inspect.h"
#include "value/map.h"
#include "value/strbuf.h"
#include "vm/error.h"
#include "vm/module.h"
#include "vm/vminspect.h"

ShellEval shell_eval = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* docs.c (h/1) may not be linked in yet: without it, h/1 says what iex says of an unknown
 * module, or that there is no documentation. */
__attribute__((weak)) int docs_print(FILE *out, const char *query)
{
    char module[256];
    const char *dot = strrchr(query, '.');
    size_t len = dot ? (size_t)(dot - query) : strlen(query);
    if (len < sizeof module - 7 && query[0] >= 'A' && query[0] <= 'Z') {
        snprintf(module, sizeof module, "Elixir.%.*s", (int)len, query);
        if (!module_exists(val_atom_cstr(module))) {
            fprintf(out, "Could not load module %.*s, got: nofile\n", (int)len, query);
            return 0;
        }
    }
    fprintf(out, "No documentation for %s was found\n", query);
    return 0;
}

static Value atom(const char *name) { return val_atom_cstr(name); }

static Value no_result(void) { return atom(SHELL_NO_RESULT); }

/* Hands `status` and `text` (malloc'd or NULL) to the reader and wakes it. */
static void finish(EvalStatus status, char *text)
{
    pthread_mutex_lock(&shell_eval.lock);
    free(shell_eval.text);
    shell_eval.status = status;
    shell_eval.text = text;
    pthread_mutex_unlock(&shell_eval.lock);
    sem_post(&shell_eval.done);
}

static char *take_text(StrBuf *sb)
{
    char *s = strdup(strbuf_cstr(sb));
    strbuf_free(sb);
    return s;
}

/* ---- the hand-over ---- */

/* :iex_shell.ready(): the server runs; the reader may send it requests. */
static Value shell_ready(Process *p, const Value *a)
{
    (void)a;
    pthread_mutex_lock(&shell_eval.lock);
    shell_eval.server = p->rt.pid;
    pthread_mutex_unlock(&shell_eval.lock);
    sem_post(&shell_eval.done);
    return ATOM_OK;
}

/* :iex_shell.job(): {code, n}, the input to evaluate (a fun taking the bindings) and its
 * number. */
static Value shell_job(Process *p, const Value *a)
{
    (void)a;
    pthread_mutex_lock(&shell_eval.lock);
    const Code *code = shell_eval.job;
    uint32_t n = shell_eval.job_n;
    shell_eval.job = NULL;
    pthread_mutex_unlock(&shell_eval.lock);
    if (code == NULL)
        return err_runtime(p, "the shell has no input to evaluate");
    Value fun = val_make_fun(&p->arena, &code->head, 0);
    if (fun == THE_NON_VALUE)
        return err_system_limit(p);
    Value pair[2] = {fun, val_small(n)};
    Value t = val_make_tuple_from(&p->arena, pair, 2);
    return t == THE_NON_VALUE ? err_system_limit(p) : t;
}

/* :iex_shell.ok(value): the input evaluated to `value`. */
static Value shell_ok(Process *p, const Value *a)
{
    (void)p;
    char *text = NULL;
    if (a[0] != no_result()) {
        StrBuf sb = {0};
        InspectOpts o = vm_inspect_opts(&INSPECT_PRETTY);
        inspect_append(&sb, a[0], &o);
        text = take_text(&sb);
    }
    finish(EVAL_OK, text);
    return ATOM_OK;
}

/* The message of exception `e` when C knows it (Elixir's own exceptions, or an Erlang error
 * term), else THE_NON_VALUE. */
static Value known_message(Process *p, Value e)
{
    if (!val_is_map(e) || map_get(e, ATOM_EXCEPTION) != ATOM_TRUE) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "Erlang error: ");
        vm_inspect(&sb, e);
        return lib_binary_sb(p, &sb);
    }
    return exc_builtin_message(p, e);
}

static void format_exit(Process *p, StrBuf *sb, Value reason);

static Value report_error(Process *p, Value kind, Value reason, Value message)
{
    StrBuf sb = {0};
    if (kind == ATOM_EXIT_KIND) { /* iex words exits as Exception.format_exit/1 */
        strbuf_puts(&sb, "** (exit) ");
        format_exit(p, &sb, reason);
        strbuf_puts(&sb, "\n\n");
        finish(EVAL_ERROR, take_text(&sb));
        return ATOM_OK;
    }
    if (kind == ATOM_THROW) { /* (exc_banner's own path for throws leaks its buffer) */
        strbuf_puts(&sb, "** (throw) ");
        vm_inspect(&sb, reason);
        strbuf_puts(&sb, "\n\n");
        finish(EVAL_ERROR, take_text(&sb));
        return ATOM_OK;
    }
    char *b = exc_banner(p, kind, reason, message);
    strbuf_puts(&sb, b ? b : "** (ErlangError) Erlang error");
    free(b);
    while (sb.len > 0 && (sb.data[sb.len - 1] == '\n' || sb.data[sb.len - 1] == ' '))
        strbuf_truncate(&sb, sb.len - 1); /* one blank line after it, as iex leaves */
    strbuf_puts(&sb, "\n\n");
    finish(EVAL_ERROR, take_text(&sb));
    return ATOM_OK;
}

/* :iex_shell.error(kind, reason): the input raised, threw or exited. Returns :message when the
 * exception is the user's: the caller computes Exception.message/1 and calls error/3. */
static Value shell_error2(Process *p, const Value *a)
{
    Value msg = ATOM_NIL;
    if (a[0] == ATOM_ERROR) {
        msg = known_message(p, a[1]);
        Value name = msg == THE_NON_VALUE ? map_struct_name(a[1]) : THE_NON_VALUE;
        if (name != THE_NON_VALUE && module_find(name) == NULL &&
            val_is_binary(map_get(a[1], ATOM_MESSAGE)))
            msg = map_get(a[1], ATOM_MESSAGE); /* e.g. SyntaxError: no module to ask */
        if (msg == THE_NON_VALUE)
            return atom("message");
        if (!val_is_map(a[1]) || map_get(a[1], ATOM_EXCEPTION) != ATOM_TRUE)
            return report_error(p, a[0], ATOM_NIL, msg);
    }
    return report_error(p, a[0], a[1], msg);
}

static Value shell_error3(Process *p, const Value *a)
{
    return report_error(p, a[0], a[1], val_is_binary(a[2]) ? a[2] : ATOM_NIL);
}

/* Exception.format_exit/1 for the reasons a process dies of. */
static void format_exit(Process *p, StrBuf *sb, Value reason)
{
    static const char *const plain[][2] = {
        {"killed", "killed"}, {"normal", "normal"}, {"shutdown", "shutdown"}, {"timeout", "time out"},
        {"noproc", "no process: the process is not alive or there's no process currently associated "
                   "with the given name, possibly because its application isn't started"},
    };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        if (reason == atom(plain[i][0])) {
            strbuf_puts(sb, plain[i][1]);
            return;
        }
    Value *e = val_is_tuple(reason) && val_tuple_arity(reason) == 2 ? val_tuple_elems(reason) : NULL;
    if (e != NULL && val_is_list(e[1]) && val_is_map(e[0]) &&
        map_get(e[0], ATOM_EXCEPTION) == ATOM_TRUE) {
        Value msg = exc_builtin_message(p, e[0]);
        if (msg == THE_NON_VALUE)
            msg = map_get(e[0], ATOM_MESSAGE);
        Value saved = p->exc_detail;
        p->exc_detail = ATOM_NIL;
        char *b = exc_banner(p, ATOM_ERROR, e[0], msg == THE_NON_VALUE ? ATOM_NIL : msg);
        p->exc_detail = saved;
        strbuf_puts(sb, "an exception was raised:\n    ");
        strbuf_puts(sb, b ? b : "** (ErlangError) Erlang error");
        free(b);
        return;
    }
    if (e != NULL && val_is_list(e[1]) && val_is_tuple(e[0]) && val_tuple_arity(e[0]) == 2 &&
        val_tuple_elems(e[0])[0] == atom("nocatch")) {
        strbuf_puts(sb, "an exception was raised:\n    ** (ErlangError) Erlang error: {:nocatch, ");
        vm_inspect(sb, val_tuple_elems(e[0])[1]);
        strbuf_putc(sb, '}');
        return;
    }
    if (e != NULL && e[0] == atom("shutdown")) {
        strbuf_puts(sb, "shutdown: ");
        vm_inspect(sb, e[1]);
        return;
    }
    vm_inspect(sb, reason);
}

/* :iex_shell.down(evaluator, reason): the evaluator died; the server starts another. */
static Value shell_down(Process *p, const Value *a)
{
    StrBuf sb = {0};
    if (a[1] != ATOM_NORMAL) { /* iex says nothing of a normal exit */
        strbuf_printf(&sb, "** (EXIT from #PID<0.%u.%u>) shell process exited with reason: ",
                      val_pid_index(a[0]), val_pid_serial(a[0]));
        format_exit(p, &sb, a[1]);
    }
    pthread_mutex_lock(&shell_eval.lock);
    shell_eval.generation++;
    shell_eval.job = NULL;
    pthread_mutex_unlock(&shell_eval.lock);
    finish(EVAL_DOWN, take_text(&sb));
    return ATOM_OK;
}

/* ---- helpers ---- */

static Value shell_help(Process *p, const Value *a)
{
    (void)p, (void)a;
    fputs("IEx.Helpers: the helpers of the ember shell\n"
          "\n"
          "  * c/1            - compiles a file and returns the modules it defines\n"
          "  * clear/0        - clears the screen\n"
          "  * flush/0        - prints every message in the shell's mailbox, returns :ok\n"
          "  * h/0            - prints this help message\n"
          "  * h/1            - prints help for a module or function: h Enum, h Process.alive?\n"
          "  * i/1            - prints information about the given term\n"
          "  * pid/1          - creates a pid from a string: pid(\"0.42.0\")\n"
          "  * pid/3          - creates a pid from 3 integers: pid(0, 42, 0)\n"
          "  * r/1            - recompiles the given module's source file\n"
          "  * runtime_info/0 - prints runtime info (schedulers, processes, memory)\n"
          "  * v/0            - retrieves the last value from the history\n"
          "  * v/1            - retrieves the nth value from the history\n"
          "\n"
          "Type #iex:break on a line of its own to abandon a multi-line input;\n"
          "Ctrl+C interrupts a running evaluation, Ctrl+D exits.\n",
          stdout);
    return no_result();
}

static Value shell_doc(Process *p, const Value *a)
{
    StrBuf sb = {0};
    if (val_is_binary(a[0]))
        strbuf_append(&sb, val_binary_bytes(a[0]), val_binary_len(a[0]));
    else if (val_is_atom(a[0]) && strncmp(atom_name(val_atom_index(a[0])), "Elixir.", 7) == 0)
        strbuf_puts(&sb, atom_name(val_atom_index(a[0])) + 7);
    else
        return err_argument(p, "invalid arguments for h helper");
    docs_print(stdout, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return no_result();
}

static Value shell_info(Process *p, const Value *a)
{
    (void)p;
    StrBuf sb = {0};
    shell_term_info(&sb, a[0], a[1]);
    fputs(strbuf_cstr(&sb), stdout);
    strbuf_free(&sb);
    return no_result();
}

static Value make_pid(Process *p, int64_t x, int64_t y, int64_t z)
{
    if (x != 0 || y < 0 || y > 0x0fffffff || z < 0 || z > 0x3fffffff)
        return err_argument(p, "errors were found at the given arguments:\n\n  * 1st argument: not a "
                               "textual representation of a pid\n");
    return val_pid((uint32_t)y, (uint32_t)z);
}

/* pid("0.42.0") or pid("<0.42.0>"), as IEx.Helpers.pid/1. */
static Value shell_pid1(Process *p, const Value *a)
{
    if (!val_is_binary(a[0]) || val_binary_len(a[0]) > 60)
        return err_argument(p, "errors were found at the given arguments:\n\n  * 1st argument: not "
                               "a textual representation of a pid\n");
    char buf[64];
    size_t len = val_binary_len(a[0]);
    memcpy(buf, val_binary_bytes(a[0]), len);
    buf[len] = '\0';
    const char *s = buf[0] == '<' ? buf + 1 : buf;
    long long x, y, z;
    int used = 0;
    if (sscanf(s, "%lld.%lld.%lld%n", &x, &y, &z, &used) != 3 ||
        strcmp(s + used, buf[0] == '<' ? ">" : "") != 0)
        return err_argument(p, "errors were found at the given arguments:\n\n  * 1st argument: not "
                               "a textual representation of a pid\n");
    return make_pid(p, x, y, z);
}

static Value shell_pid3(Process *p, const Value *a)
{
    for (int i = 0; i < 3; i++)
        if (!val_is_small(a[i]))
            return err_fclause(p, atom("Elixir.IEx.Helpers"), atom("pid"), 3,
                               val_make_list(&p->arena, a, 3, VAL_NIL));
    return make_pid(p, val_small_get(a[0]), val_small_get(a[1]), val_small_get(a[2]));
}

static Value shell_clear(Process *p, const Value *a)
{
    (void)p, (void)a;
    pthread_mutex_lock(&shell_eval.lock);
    bool ansi = shell_eval.ansi;
    pthread_mutex_unlock(&shell_eval.lock);
    fputs(ansi ? "\033[H\033[2J"
               : "Cannot clear the screen because ANSI escape codes are not enabled on this shell\n",
          stdout);
    return no_result();
}

static Value shell_runtime_info0(Process *p, const Value *a)
{
    (void)p, (void)a;
    StrBuf sb = {0};
    shell_runtime_info(&sb);
    fputs(strbuf_cstr(&sb), stdout);
    strbuf_free(&sb);
    return no_result();
}

/* Appends to `*list` the modules `node` defines (nested ones under their parent's name). */
static Value defined_modules(Process *p, const AstNode *node, const char *prefix, Value list)
{
    if (node == NULL || list == THE_NON_VALUE)
        return list;
    if (node->kind == AST_MODULE && node->name) {
        char name[512];
        snprintf(name, sizeof name, "%s%s%s", prefix, *prefix ? "." : "Elixir.", node->name);
        list = val_make_cons(&p->arena, atom(name), list);
        return defined_modules(p, node->b, name, list);
    }
    const AstNode *sub[4] = {node->a, node->b, node->c, node->d};
    for (int i = 0; i < 4; i++)
        list = defined_modules(p, sub[i], prefix, list);
    for (uint32_t i = 0; i < node->nkids; i++)
        list = defined_modules(p, node->kids[i], prefix, list);
    return list;
}

static Value reverse(Process *p, Value list)
{
    Value r = VAL_NIL;
    for (; val_is_cons(list) && r != THE_NON_VALUE; list = val_tail(list))
        r = val_make_cons(&p->arena, val_head(list), r);
    return r;
}

/* :iex_shell.compile_file(path): {fun, modules}: the file's top level as a fun of no
 * arguments, and the modules it defines, for c/1 and r/1. */
static Value shell_compile_file(Process *p, const Value *a)
{
    if (!val_is_binary(a[0]) || memchr(val_binary_bytes(a[0]), 0, val_binary_len(a[0])))
        return err_argument(p, "c/1 expects a file name (a string)");
    char *path = strndup(val_binary_bytes(a[0]), val_binary_len(a[0]));
    size_t len;
    char *src = run_read_file(path, &len);
    if (src == NULL) {
        StrBuf sb = {0};
        strbuf_printf(&sb, "could not find files %s", path);
        free(path);
        Value r = err_argument(p, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return r;
    }
    const char *file = perm_strdup(path);
    free(path);
    ParseResult pr;
    bool parsed = parse_source(file, src, len, &pr);
    free(src);
    if (!parsed) {
        Value r = err_compile(p, "Elixir.SyntaxError", file, pr.line, pr.error ? pr.error : "syntax error");
        parse_result_free(&pr);
        return r;
    }
    CompileOpts opts = {.file = file};
    CompileError err;
    Code *code = compile_toplevel(pr.root, &opts, &err);
    if (code == NULL) {
        parse_result_free(&pr);
        if (err.exception)
            return err_compile(p, err.exception, err.file, err.line, err.message);
        StrBuf sb = {0};
        strbuf_printf(&sb, "%s:%u: %s", err.file ? err.file : file, err.line, err.message);
        Value r = err_compile(p, "Elixir.CompileError", file, err.line, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return r;
    }
    Value mods = reverse(p, defined_modules(p, pr.root, "", VAL_NIL));
    perm_keep(pr.arena); /* the modules are compiled from this AST when their defmodule runs */
    free(pr.error);
    Value fun = val_make_fun(&p->arena, &code->head, 0);
    if (mods == THE_NON_VALUE || fun == THE_NON_VALUE)
        return err_system_limit(p);
    Value pair[2] = {fun, mods};
    Value t = val_make_tuple_from(&p->arena, pair, 2);
    return t == THE_NON_VALUE ? err_system_limit(p) : t;
}

/* :iex_shell.module_file(module): the file `module` was compiled from, for r/1. */
static Value shell_module_file(Process *p, const Value *a)
{
    const Module *m = module_find(a[0]);
    if (m == NULL || m->file == NULL || strcmp(m->file, "iex") == 0 || strcmp(m->file, "nofile") == 0) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "could not load nor find module: ");
        vm_inspect(&sb, a[0]);
        Value r = err_argument(p, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return r;
    }
    return lib_binary(p, m->file);
}

static const Builtin shell_builtins[] = {
    {"ready", 0, shell_ready},
    {"job", 0, shell_job},
    {"ok", 1, shell_ok},
    {"error", 2, shell_error2},
    {"error", 3, shell_error3},
    {"down", 2, shell_down},
    {"help", 0, shell_help},
    {"doc", 1, shell_doc},
    {"info", 2, shell_info},
    {"pid", 1, shell_pid1},
    {"pid", 3, shell_pid3},
    {"clear", 0, shell_clear},
    {"runtime_info", 0, shell_runtime_info0},
    {"compile_file", 1, shell_compile_file},
    {"module_file", 1, shell_module_file},
};

void shell_eval_init(void)
{
    module_register_builtins("iex_shell", shell_builtins, sizeof shell_builtins / sizeof *shell_builtins);
}
