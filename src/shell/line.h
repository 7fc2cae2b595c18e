/* line.h: where the shell's input lines come from. Two readers share this interface:
 *   - line.c: a pipe or file (stdin not a terminal): prints each prompt to `out`, reads with
 *     getline, echoes nothing, as `iex < file` does;
 *   - line_edit.c: a terminal, through libedit: Emacs keys and arrows, history kept across
 *     sessions (~/.ember_history, or $EMBER_HISTORY), Ctrl+R search, Tab completion through
 *     LineCompletion, Ctrl+C abandoning the line being typed.
 * line_open picks one by isatty(fileno(in)). The shell (shell.c) owns the evaluator and only
 * calls what is declared here. */
#ifndef EMBER_LINE_H
#define EMBER_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct LineReader LineReader;

/* How line_read ended. */
typedef enum {
    LINE_OK,          /* a line was read (without its '\n') */
    LINE_EOF,         /* end of input, or Ctrl+D on an empty line: the shell exits */
    LINE_INTERRUPTED, /* Ctrl+C while typing: the caller abandons the pending input */
} LineStatus;

/* Completion for Tab. `complete` receives the word before the cursor (e.g. "Process.al",
 * "Enu", "coun") and returns a malloc'd array of `*n` malloc'd full words that may replace
 * it ("Process.alive?"), or NULL with *n = 0. The reader frees them. Called on the thread
 * that called line_read. */
typedef struct {
    char **(*complete)(void *ctx, const char *word, size_t *n);
    void *ctx;
} LineCompletion;

/* Opens a reader on `in`, writing prompts and echo to `out`. `completion` may be NULL (no Tab
 * completion). Returns NULL only when out of memory. */
LineReader *line_open(FILE *in, FILE *out, const LineCompletion *completion);

/* Line-editing implementation behind line_open for terminals (line_edit.c). Same contract. */
LineReader *line_edit_open(FILE *in, FILE *out, const LineCompletion *completion);

/* True when the reader edits a terminal (so colours and Ctrl+C handling apply). */
bool line_is_terminal(const LineReader *lr);

/* Shows `prompt` and reads one line. Returns a malloc'd string (the caller frees it) with
 * *status = LINE_OK, or NULL with *status = LINE_EOF or LINE_INTERRUPTED. */
char *line_read(LineReader *lr, const char *prompt, LineStatus *status);

/* Records one complete input (possibly several lines joined by '\n') in the history, and in
 * the history file for terminals. No effect on pipes. */
void line_history_add(LineReader *lr, const char *input);

/* Registers `fn(ctx)`, called from the SIGINT handler when Ctrl+C arrives while no line is
 * being read (an evaluation is running). `fn` must be async-signal-safe (set an atomic flag,
 * write to a pipe). Terminals only; a no-op for pipes. */
void line_on_interrupt(LineReader *lr, void (*fn)(void *ctx), void *ctx);

/* Saves the history and frees the reader; restores the terminal and the SIGINT handler. */
void line_close(LineReader *lr);

#endif
