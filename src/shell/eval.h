/* eval.h: the shell's processes and how the reader thread talks to them (DESIGN §6).
 *
 * Three ember modules, compiled from eval_ex.c's source when the shell starts, run on the
 * scheduler like any other code:
 *   - IEx.Server, the runtime's main process: traps exits, starts the evaluator linked to it,
 *     forwards the reader's requests (evaluate, interrupt, halt) and starts a new evaluator when
 *     one dies (as iex's server does), reporting why;
 *   - IEx.Evaluator: the process the user's code runs in (self(), receive and flush() act on its
 *     mailbox); keeps the bindings between inputs and the result history (`:iex_history` in
 *     its process dictionary, as iex does);
 *   - IEx.Helpers: flush/0, v/0,1, h/0,1, i/1, pid/1,3, clear/0, c/1, r/1, runtime_info/0.
 * The reader thread (shell.c) is not a process: it hands a compiled input over through the
 * ShellEval below and a message to the server, then waits on `done` for the text to print.
 * Owns: that hand-over and the C builtins of module :iex_shell behind the ember code.
 */
#ifndef EMBER_SHELL_EVAL_H
#define EMBER_SHELL_EVAL_H
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "parse/ast.h"
#include "value/value.h"
#include "vm/code.h"

/* How an evaluation ended. */
typedef enum EvalStatus {
    EVAL_PENDING, /* still running */
    EVAL_OK,      /* text: the inspected result, or NULL when it is not shown (h/1, i/1...) */
    EVAL_ERROR,   /* text: "** (Kind) message" lines, ending with a blank line */
    EVAL_DOWN     /* the evaluator died; text: "** (EXIT from #PID<...>) shell process exited..." */
} EvalStatus;

typedef struct ShellEval {
    pthread_mutex_t lock;
    sem_t done;      /* posted by: a result, an evaluator's death, the server's start, Ctrl+C */
    /* ---- guarded by lock ---- */
    const Code *job; /* next input for the evaluator: entry code taking the bindings */
    uint32_t job_n;  /* its number (the prompt's N), 0 for an `-i` file: result not printed */
    EvalStatus status;
    char *text;      /* malloc'd, taken by the reader */
    uint32_t generation; /* evaluators started so far: a new one has no bindings */
    Value server;    /* the server's pid once it runs, else 0 */
    bool ansi;       /* output is a terminal with colours: clear/0 may clear */
    bool stopped;    /* the runtime ended (the server was killed): the shell must leave */
    /* ---- any thread, atomic ---- */
    atomic_bool interrupt; /* Ctrl+C during an evaluation (set from the signal handler) */
} ShellEval;

/* The one shell of the program. */
extern ShellEval shell_eval;

/* Registers the :iex_shell builtins. Call once after module_init. */
void shell_eval_init(void);

/* The ember source of IEx.Server, IEx.Evaluator and IEx.Helpers; its top level ends by running
 * IEx.Server.start(). */
extern const char shell_eval_source[];

/* The atom iex returns from helpers whose result must not be printed. */
#define SHELL_NO_RESULT "do not show this result in output"

/* Appends the term information of i/1 for `v` to `sb`, as IEx.Helpers.i/1 (eval_info.c).
 * For a pid, `extra` is Process.info(pid, [:registered_name, :links, :message_queue_len]). */
struct StrBuf;
void shell_term_info(struct StrBuf *sb, Value v, Value extra);

/* Notes the start time runtime_info/0 counts its uptime from. */
void shell_runtime_started(void);

/* Appends runtime_info/0's report to `sb` (eval_info.c). */
void shell_runtime_info(struct StrBuf *sb);

/* Turns the calls of helpers in shell input `root` (parsed into `arena`) into calls of
 * IEx.Helpers, and h/1's argument into its text (eval_ast.c). `bound(ctx, name)` tells whether
 * a variable is bound in the shell (then `v` alone is that variable). */
void shell_rewrite_helpers(AstArena *arena, AstNode *root, bool (*bound)(void *ctx, const char *name),
                           void *ctx);

#endif
