/* line_int.h: the private contract between line.c (line_open, the pipe reader and the public
 * dispatch functions of line.h) and line_edit.c (the libedit terminal reader). Not for shell.c.
 *
 * Every reader is a struct whose FIRST member is a `LineReader` (so a LineReader * converts to
 * the implementation's struct and back); its `ops` points to a static table of that reader's
 * functions. line.c implements line.h's functions by dispatching through `lr->ops`:
 *   line_read(lr, p, st)        -> lr->ops->read(lr, p, st)
 *   line_history_add(lr, s)     -> lr->ops->history_add(lr, s)
 *   line_on_interrupt(lr, f, c) -> lr->ops->on_interrupt(lr, f, c)
 *   line_close(lr)              -> if (lr) lr->ops->close(lr)   (close frees lr)
 *   line_is_terminal(lr)        -> lr->ops->is_terminal
 * line_open(in, out, c) calls line_edit_open(in, out, c) when isatty(fileno(in)); if that
 * returns NULL (out of memory, `out` not a terminal, or libedit could not set up the terminal)
 * it falls back to the pipe reader. */
#ifndef EMBER_LINE_INT_H
#define EMBER_LINE_INT_H

#include <stdbool.h>

#include "shell/line.h"

typedef struct LineOps {
    /* Same contracts as line_read, line_history_add, line_on_interrupt, line_close (line.h). */
    char *(*read)(LineReader *lr, const char *prompt, LineStatus *status);
    void (*history_add)(LineReader *lr, const char *input);
    void (*on_interrupt)(LineReader *lr, void (*fn)(void *ctx), void *ctx);
    void (*close)(LineReader *lr);
    bool is_terminal; /* what line_is_terminal returns */
} LineOps;

/* The common head of every reader (embed it as the first member). */
struct LineReader {
    const LineOps *ops;
};

#endif
