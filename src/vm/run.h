/* run.h: running ember source as `elixir FILE.exs` and `elixir -e EXPR` do: parse, compile the
 * top level, run it in a fresh process until it finishes, and report an uncaught exception on
 * stderr as Elixir does ("** (MatchError) no match of right hand side value: 2"). Until the
 * scheduler exists the program runs as one process on the calling thread. */
#ifndef EMBER_RUN_H
#define EMBER_RUN_H

/* Runs the script at `path`; `argc`/`argv` become System.argv(). Returns the exit status:
 * 0, or 1 after an error (already reported on stderr). */
int run_file(const char *path, int argc, char **argv);

/* Evaluates the expressions in `src` (file name "nofile"); as run_file. */
int run_eval(const char *src, int argc, char **argv);

#endif
