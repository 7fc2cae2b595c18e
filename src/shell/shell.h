/* shell.h: ember's interactive shell, modelled on iex (DESIGN §6; the seed sessions are its
 * specification). `ember` with no file starts it; `ember -i FILE` runs FILE first.
 */
#ifndef EMBER_SHELL_H
#define EMBER_SHELL_H

/* Runs the shell on stdin/stdout until end of input (Ctrl+D) or System.halt(): starts the
 * runtime (rt_init must have been called) with the shell's server and evaluator processes,
 * runs `init_file` (NULL: none) in the evaluator, prints the banner, then reads, evaluates
 * and prints inputs as iex does. Returns the exit status: 0, or 1 when the runtime or
 * `init_file` could not be started. */
int shell_run(const char *init_file);

#endif
