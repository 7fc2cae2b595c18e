/* line_driver.c: drives the terminal reader (src/shell/line_edit.c) alone, for line_edit.sh in
 * tmux. A tiny REPL: prompts "in(N)> " and "..(N)> ", an input whose first line ends with " do"
 * continues until a line "end"; each complete input is echoed as `got: <input>` with its
 * newlines written as "\n", and recorded in the history. "spin" loops until Ctrl+C reaches
 * the line_on_interrupt hook, then prints "spin interrupted". Tab completes with the shell's
 * completion (complete.c; the variable "counter" is bound). Ctrl+C while typing prints
 * "interrupted", Ctrl+D prints "bye", and a second Ctrl+D (or the terminal closing) exits 0. */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell/complete.h"
#include "shell/line.h"
#include "shell/line_int.h"
#include "vm/module.h"

static atomic_bool stop;

static void interrupt(void *ctx)
{
    (void)ctx;
    atomic_store(&stop, true);
}

static void echo(const char *input)
{
    fputs("got: ", stdout);
    for (const char *c = input; *c; c++)
        if (*c == '\n')
            fputs("\\n", stdout);
        else
            putchar(*c);
    putchar('\n');
}

/* Appends `line` (and a '\n' before it unless first) to *buf. */
static void append(char **buf, const char *line)
{
    size_t old = *buf ? strlen(*buf) : 0, len = strlen(line);
    char *b = realloc(*buf, old + len + 2);
    if (!b) abort();
    if (old) b[old++] = '\n';
    memcpy(b + old, line, len + 1);
    *buf = b;
}

/* Complete unless the first line ends with " do" and the last line is not "end". */
static bool complete_input(const char *input)
{
    const char *nl = strchr(input, '\n');
    size_t first = nl ? (size_t)(nl - input) : strlen(input);
    if (first < 3 || strncmp(input + first - 3, " do", 3) != 0) return true;
    const char *last = strrchr(input, '\n');
    return last && strcmp(last + 1, "end") == 0;
}

int main(void)
{
    module_init();
    char *names[] = {"counter"};
    CompleteVars vars = {names, 1};
    LineCompletion completion = {complete_callback, &vars};
    LineReader *lr = line_edit_open(stdin, stdout, &completion);
    if (!lr) return 2;
    lr->ops->on_interrupt(lr, interrupt, NULL);
    char *input = NULL, prompt[32];
    for (int n = 1;;) {
        snprintf(prompt, sizeof prompt, input ? "..(%d)> " : "in(%d)> ", n);
        LineStatus st;
        char *line = lr->ops->read(lr, prompt, &st);
        if (st == LINE_EOF) break;
        if (st == LINE_INTERRUPTED) {
            free(input);
            input = NULL;
            puts("interrupted");
            continue;
        }
        append(&input, line);
        free(line);
        if (!complete_input(input)) continue;
        lr->ops->history_add(lr, input);
        echo(input);
        if (strcmp(input, "spin") == 0) {
            atomic_store(&stop, false);
            puts("spinning");
            fflush(stdout);
            while (!atomic_load(&stop)) usleep(1000);
            puts("spin interrupted");
        }
        fflush(stdout);
        free(input);
        input = NULL;
        n++;
    }
    free(input);
    lr->ops->close(lr);
    puts("bye");
    fflush(stdout);
    /* Exits only when the terminal ends input again (Ctrl+D, now in cooked mode) or goes away:
     * tmux (3.3a) may mark a pane dead before it has read what the program wrote just before
     * exiting, and then never shows it (seen under load: status 0, no "bye" on the screen). */
    char c;
    while (read(STDIN_FILENO, &c, 1) > 0) {}
    return 0;
}
