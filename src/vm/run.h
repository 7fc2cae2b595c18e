/* run.h: running ember source as `elixir FILE.exs` and `elixir -e EXPR` do: parse, compile the
 * top level, run it as the main process on the runtime's scheduler (rt/runtime.h; started
 * with default options unless rt_init was called first) until that process ends, and report an
 * uncaught exception on stderr as Elixir does ("** (MatchError) no match of right hand side
 * value: 2"). */
#ifndef EMBER_RUN_H
#define EMBER_RUN_H

#include <stddef.h>

/* Reads the whole file at `path` into a malloc'd buffer of *len bytes plus a NUL (the caller
 * frees it). Returns NULL with errno set when the file cannot be opened or read, or ENOMEM
 * when it does not fit in memory. Shared by the command line, scripts and the shell's -i and
 * c/1. */
char *run_read_file(const char *path, size_t *len);

/* Runs the script at `path`; `argc`/`argv` become System.argv(). Returns the exit status:
 * 0, 1 after an error (already reported on stderr), or N after exit({:shutdown, N}). */
int run_file(const char *path, int argc, char **argv);

/* Evaluates the expressions in `src` (file name "nofile"); as run_file. */
int run_eval(const char *src, int argc, char **argv);

#endif
