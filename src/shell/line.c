/* line.c: the shell's input for pipes and files (line.h), and line_open, which hands
 * terminals to the libedit reader of line_edit.c.
 *
 * Owns: reading lines with getline, printing each prompt as `iex < file` does (the input is not
 * echoed: the terminal or the file already shows it). Does not own: line editing, history or
 * Ctrl+C handling, which only exist on terminals (line_edit.c).
 * Every LineReader starts with a LineOps table, so line_read and friends dispatch to whichever
 * reader line_open made; line_edit.c fills its own table (line_int.h).
 */
#include "shell/line.h"

#include <stdlib.h>
#include <unistd.h>

#include "shell/line_int.h"

typedef struct PipeReader {
    LineReader base; /* first: a LineReader* is a PipeReader* */
    FILE *in, *out;
} PipeReader;

static char *pipe_read(LineReader *lr, const char *prompt, LineStatus *status)
{
    PipeReader *r = (PipeReader *)lr;
    fputs(prompt, r->out);
    fflush(r->out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, r->in);
    if (n < 0) {
        free(line);
        *status = LINE_EOF;
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';
    if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
    *status = LINE_OK;
    return line;
}

static void pipe_close(LineReader *lr) { free(lr); }

static const LineOps pipe_ops = {.read = pipe_read, .close = pipe_close, .is_terminal = false};

/* Without line_edit.c (it needs libedit), terminals get the pipe reader too. The binary links
 * the whole library (Makefile), so line_edit.c's strong definition replaces this one. */
__attribute__((weak)) LineReader *line_edit_open(FILE *in, FILE *out, const LineCompletion *completion)
{
    (void)in, (void)out, (void)completion;
    return NULL;
}

LineReader *line_open(FILE *in, FILE *out, const LineCompletion *completion)
{
    if (isatty(fileno(in))) {
        LineReader *edit = line_edit_open(in, out, completion);
        if (edit != NULL)
            return edit;
    }
    PipeReader *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->base.ops = &pipe_ops;
    r->in = in;
    r->out = out;
    return &r->base;
}

bool line_is_terminal(const LineReader *lr) { return lr->ops->is_terminal; }

char *line_read(LineReader *lr, const char *prompt, LineStatus *status)
{
    return lr->ops->read(lr, prompt, status);
}

void line_history_add(LineReader *lr, const char *input)
{
    if (lr->ops->history_add)
        lr->ops->history_add(lr, input);
}

void line_on_interrupt(LineReader *lr, void (*fn)(void *ctx), void *ctx)
{
    if (lr->ops->on_interrupt)
        lr->ops->on_interrupt(lr, fn, ctx);
}

void line_close(LineReader *lr)
{
    if (lr)
        lr->ops->close(lr);
}
