/* shell.c: the shell's reader loop (shell.h), on the program's main thread.
 *
 * Owns: prompts (`iex(N)>`, `...(N)>`), gathering lines until an input parses (or is abandoned
 * with #iex:break or Ctrl+C), compiling it with the names of the variables bound so far, handing
 * it to the evaluator process (eval.h) and printing what comes back, as iex prints it. The
 * runtime runs on its own thread (scheduler 0), with the shell's server as its main process;
 * the scheduler threads never see SIGINT, which the line reader handles.
 * N counts evaluated inputs; an error does not advance it; a new evaluator (after a crash, an
 * exit signal or Ctrl+C) starts again at 1 with no bindings, as iex does.
 */
#include "shell/shell.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile/compile.h"
#include "parse/parse.h"
#include "rt/mailbox.h"
#include "rt/perm.h"
#include "vm/run.h"
#include "rt/runtime.h"
#include "shell/colour.h"
#include "shell/complete.h"
#include "shell/eval.h"
#include "shell/line.h"
#include "value/strbuf.h"
#include "vm/module.h"
#include "vm/vm.h"

#define BANNER "Interactive Ember (0.1.0) - press Ctrl+C to interrupt, Ctrl+D to exit (type h() ENTER for help)"

/* The reader's state (main thread only). */
typedef struct Repl {
    LineReader *lr;
    uint32_t n;          /* the prompt's N */
    char **names;        /* variables bound in the evaluator, in its bindings' order */
    uint32_t nnames;
    CompleteVars vars;   /* the same names, for Tab completion */
    bool interrupted;    /* Ctrl+C stopped the last evaluation */
    uint32_t generation; /* the evaluator those bindings belong to */
    bool color;          /* results and errors in colour (colour.h) */
} Repl;

static LineReader *open_reader; /* closed at exit, also by System.halt() */

static void close_reader(void)
{
    LineReader *lr = open_reader;
    open_reader = NULL;
    line_close(lr);
}

/* ---- the runtime thread and messages to the server ---- */

static void *runtime_thread(void *arg)
{
    rt_run_main(arg);
    pthread_mutex_lock(&shell_eval.lock);
    shell_eval.stopped = true;
    pthread_mutex_unlock(&shell_eval.lock);
    sem_post(&shell_eval.done);
    return NULL;
}

/* The runtime ended under the shell (someone killed its server; the runtime said so on
 * stderr): nothing can evaluate any more. */
static void leave_if_stopped(void)
{
    pthread_mutex_lock(&shell_eval.lock);
    bool stopped = shell_eval.stopped;
    pthread_mutex_unlock(&shell_eval.lock);
    if (stopped) {
        fflush(stdout);
        exit(1);
    }
}

/* Starts the runtime with the server as its main process; waits until it runs. */
static bool start_runtime(pthread_t *thread)
{
    CompileError err;
    Code *code = compile_source("iex", shell_eval_source, strlen(shell_eval_source), &err);
    Process *server = code ? proc_new() : NULL;
    if (server == NULL || !vm_start(server, code, NULL, 0)) {
        fprintf(stderr, "ember: cannot start the shell: %s\n", code ? "out of memory" : err.message);
        return false;
    }
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGQUIT);
    sigaddset(&block, SIGTSTP);
    sigaddset(&block, SIGWINCH);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int rc = pthread_create(thread, NULL, runtime_thread, server);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        fputs("ember: cannot start the runtime thread\n", stderr);
        return false;
    }
    while (sem_wait(&shell_eval.done) != 0 && errno == EINTR) {
    }
    return true;
}

/* Sends atom `msg` to the server. The server lives as long as the shell: it is the runtime's
 * main process. */
static void tell_server(const char *msg)
{
    Runtime *rt = rt_get();
    pthread_mutex_lock(&shell_eval.lock);
    Value server = shell_eval.server;
    bool stopped = shell_eval.stopped;
    pthread_mutex_unlock(&shell_eval.lock);
    if (stopped)
        return;
    Signal *s = rt->env.ops.make(rt->env.ctx, SIG_MESSAGE, 0, val_atom_cstr(msg), 0);
    if (s != NULL)
        (void)signal_push(&rt->env, server, s);
}

/* Ctrl+C while an evaluation runs (called in the SIGINT handler). */
static void on_interrupt(void *ctx)
{
    (void)ctx;
    atomic_store(&shell_eval.interrupt, true);
    sem_post(&shell_eval.done);
}

/* ---- output ---- */

static void print_error(const Repl *r, const char *text)
{
    colour_error(stdout, text, r->color);
}

static void print_result(const Repl *r, const char *text)
{
    colour_result(stdout, text, r->color);
}

/* The bound names changed: Tab completion sees the new ones. */
static void set_names(Repl *r, char **names, uint32_t n)
{
    for (uint32_t i = 0; i < r->nnames; i++)
        free(r->names[i]);
    free(r->names);
    r->names = r->vars.names = names;
    r->nnames = n;
    r->vars.count = n;
}

/* The evaluator died: say why and start over with the new one, as iex does. */
static void restarted(Repl *r, const char *why)
{
    StrBuf sb = {0};
    if (r->interrupted) /* after the terminal's ^C */
        strbuf_putc(&sb, '\n');
    r->interrupted = false;
    if (why && *why) /* empty after a normal exit */
        strbuf_printf(&sb, "%s\n", why);
    strbuf_putc(&sb, '\n');
    print_error(r, strbuf_cstr(&sb));
    strbuf_free(&sb);
    puts(BANNER);
    set_names(r, NULL, 0);
    r->n = 1;
}

/* If the evaluator died while no input was running, reports it now. */
static void check_restart(Repl *r)
{
    pthread_mutex_lock(&shell_eval.lock);
    bool changed = shell_eval.generation != r->generation;
    char *why = NULL;
    if (changed && shell_eval.status == EVAL_DOWN) {
        why = shell_eval.text;
        shell_eval.text = NULL;
        shell_eval.status = EVAL_PENDING;
    }
    r->generation = shell_eval.generation;
    pthread_mutex_unlock(&shell_eval.lock);
    if (changed) {
        restarted(r, why);
        free(why);
    }
}

/* ---- evaluating ---- */

/* Runs `code` (taking r's bindings) in the evaluator as input `n` and waits for the outcome.
 * Returns it, with its text in *text (malloc'd or NULL). Ctrl+C meanwhile kills the
 * evaluator. If the evaluator changed since `code` was compiled, returns EVAL_DOWN with no
 * text at once (the caller reports the restart and drops the input). */
static EvalStatus evaluate(Repl *r, const Code *code, uint32_t n, char **text)
{
    while (sem_trywait(&shell_eval.done) == 0) {
    }
    atomic_store(&shell_eval.interrupt, false);
    pthread_mutex_lock(&shell_eval.lock);
    bool stale = shell_eval.generation != r->generation;
    if (!stale) {
        shell_eval.job = code;
        shell_eval.job_n = n;
        shell_eval.status = EVAL_PENDING;
        free(shell_eval.text);
        shell_eval.text = NULL;
    }
    pthread_mutex_unlock(&shell_eval.lock);
    *text = NULL;
    if (stale)
        return EVAL_DOWN;
    tell_server("eval");
    EvalStatus st;
    for (;;) {
        while (sem_wait(&shell_eval.done) != 0 && errno == EINTR) {
        }
        leave_if_stopped();
        pthread_mutex_lock(&shell_eval.lock);
        st = shell_eval.status;
        if (st != EVAL_PENDING) {
            *text = shell_eval.text;
            shell_eval.text = NULL;
            shell_eval.status = EVAL_PENDING;
        }
        pthread_mutex_unlock(&shell_eval.lock);
        if (st != EVAL_PENDING)
            break;
        if (atomic_exchange(&shell_eval.interrupt, false)) {
            r->interrupted = true;
            tell_server("interrupt");
        }
    }
    return st;
}

static bool is_bound(void *ctx, const char *name)
{
    const Repl *r = ctx;
    for (uint32_t i = 0; i < r->nnames; i++)
        if (strcmp(r->names[i], name) == 0)
            return true;
    return false;
}

static bool has_module(const AstNode *n)
{
    if (n == NULL)
        return false;
    if (n->kind == AST_MODULE)
        return true;
    if (has_module(n->a) || has_module(n->b) || has_module(n->c) || has_module(n->d))
        return true;
    for (uint32_t i = 0; i < n->nkids; i++)
        if (has_module(n->kids[i]))
            return true;
    return false;
}

/* Prints a compile error as iex does. */
static void compile_failed(Repl *r, const CompileError *err)
{
    StrBuf sb = {0};
    if (err->exception)
        strbuf_printf(&sb, "** (%s) %s\n\n", err->exception + 7, err->message);
    else
        strbuf_printf(&sb,
                      "error: %s\n\xe2\x94\x94\xe2\x94\x80 %s:%u\n\n"
                      "** (CompileError) cannot compile code (errors have been logged)\n\n",
                      err->message, err->file ? err->file : "iex", err->line);
    print_error(r, strbuf_cstr(&sb));
    strbuf_free(&sb);
}

/* Compiles and runs parsed input `pr` of `file` as input `n` (0: the -i file, result not
 * shown). Returns true when it evaluated without error. Takes ownership of `pr`. */
static bool run_input(Repl *r, const char *file, ParseResult *pr, uint32_t n)
{
    shell_rewrite_helpers(pr->arena, pr->root, is_bound, r);
    char **names = NULL;
    uint32_t nnames = 0;
    CompileOpts opts = {.file = file, .bindings = (const char *const *)r->names,
                        .nbindings = r->nnames, .want_bindings = true, .out_names = &names,
                        .out_nnames = &nnames};
    CompileError err;
    Code *code = compile_toplevel(pr->root, &opts, &err);
    if (code == NULL) {
        parse_result_free(pr);
        compile_failed(r, &err);
        return false;
    }
    if (has_module(pr->root))
        perm_keep(pr->arena); /* modules are compiled from their AST when defmodule runs */
    else
        ast_arena_free(pr->arena);
    free(pr->error);
    char *text;
    EvalStatus st = evaluate(r, code, n, &text);
    bool ok = st == EVAL_OK;
    if (ok) {
        if (text && n)
            print_result(r, text);
        set_names(r, names, nnames);
        names = NULL;
        nnames = 0;
    } else if (st == EVAL_ERROR) {
        print_error(r, text ? text : "** (ErlangError) Erlang error\n\n");
    } else {
        pthread_mutex_lock(&shell_eval.lock);
        r->generation = shell_eval.generation;
        pthread_mutex_unlock(&shell_eval.lock);
        restarted(r, text);
    }
    free(text);
    for (uint32_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    return ok;
}

/* ---- reading ---- */

static bool is_break(const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    return n == 10 && memcmp(line, "#iex:break", 10) == 0;
}

/* Parses `input` as lines N, N+1... of "iex" (iex numbers an input's lines from its prompt's
 * N). */
static bool parse_input(uint32_t n, const StrBuf *input, ParseResult *pr)
{
    StrBuf src = {0};
    for (uint32_t i = 1; i < n; i++)
        strbuf_putc(&src, '\n');
    strbuf_append(&src, input->data, input->len);
    bool ok = parse_source("iex", src.data, src.len, pr);
    strbuf_free(&src);
    return ok;
}

/* "iex:1:4: error: expected ..." -> "iex:1:4: expected ...", as iex words syntax errors. */
static void syntax_failed(Repl *r, const char *error)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, "** (SyntaxError) ");
    const char *cut = error ? strstr(error, ": error: ") : NULL;
    if (cut) {
        strbuf_append(&sb, error, (size_t)(cut - error) + 2);
        strbuf_puts(&sb, cut + 9);
    } else {
        strbuf_puts(&sb, error ? error : "syntax error");
    }
    strbuf_puts(&sb, "\n\n");
    print_error(r, strbuf_cstr(&sb));
    strbuf_free(&sb);
}

/* Reads, evaluates and prints until end of input. */
static void repl(Repl *r)
{
    StrBuf input = {0};
    char prompt[64];
    for (;;) {
        leave_if_stopped();
        check_restart(r);
        snprintf(prompt, sizeof prompt, "%s(%u)> ", input.len ? "..." : "iex", r->n);
        LineStatus st;
        char *line = line_read(r->lr, prompt, &st);
        if (st == LINE_EOF)
            break;
        if (st == LINE_INTERRUPTED || line == NULL) {
            strbuf_truncate(&input, 0);
            free(line);
            continue;
        }
        if (is_break(line)) {
            if (input.len) {
                char msg[80];
                snprintf(msg, sizeof msg, "** (TokenMissingError) iex:%u: incomplete expression\n\n", r->n);
                print_error(r, msg);
            }
            strbuf_truncate(&input, 0);
            free(line);
            continue;
        }
        strbuf_puts(&input, line);
        strbuf_putc(&input, '\n');
        free(line);
        ParseResult pr;
        bool parsed = parse_input(r->n, &input, &pr);
        if (!parsed && pr.incomplete) {
            parse_result_free(&pr);
            continue;
        }
        input.data[input.len - 1] = '\0';
        if (input.data[strspn(input.data, " \t\r\n")] != '\0')
            line_history_add(r->lr, input.data);
        strbuf_truncate(&input, 0);
        if (!parsed) {
            syntax_failed(r, pr.error);
            parse_result_free(&pr);
        } else if (run_input(r, "iex", &pr, r->n)) {
            r->n++;
        }
        fflush(stdout);
    }
    strbuf_free(&input);
}

/* Runs the -i file in the evaluator before the first prompt. */
static bool run_init_file(Repl *r, const char *path)
{
    size_t len;
    char *src = run_read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "** (File.Error) could not read file \"%s\": no such file or directory\n", path);
        return false;
    }
    const char *file = perm_strdup(path);
    ParseResult pr;
    bool parsed = parse_source(file, src, len, &pr);
    free(src);
    if (!parsed) {
        syntax_failed(r, pr.error);
        parse_result_free(&pr);
    } else {
        run_input(r, file, &pr, 0);
    }
    fflush(stdout);
    return true;
}

int shell_run(const char *init_file)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    module_init();
    shell_eval_init();
    shell_runtime_started();
    if (sem_init(&shell_eval.done, 0, 0) != 0)
        return 1;
    pthread_t thread;
    if (!start_runtime(&thread))
        return 1;
    Repl r = {.n = 1};
    LineCompletion completion = {complete_callback, &r.vars};
    r.lr = open_reader = line_open(stdin, stdout, &completion);
    if (r.lr == NULL) {
        fputs("ember: out of memory\n", stderr);
        return 1;
    }
    atexit(close_reader);
    /* Called only between reads; a Ctrl+C outside an evaluation is dropped by evaluate(). */
    line_on_interrupt(r.lr, on_interrupt, NULL);
    r.color = line_is_terminal(r.lr) && colour_enabled(stdout);
    pthread_mutex_lock(&shell_eval.lock);
    shell_eval.ansi = r.color;
    r.generation = shell_eval.generation;
    pthread_mutex_unlock(&shell_eval.lock);
    if (init_file && !run_init_file(&r, init_file))
        return 1;
    check_restart(&r);
    puts(BANNER);
    repl(&r);
    fflush(stdout);
    close_reader();
    tell_server("halt");
    pthread_join(thread, NULL);
    set_names(&r, NULL, 0);
    return 0;
}
