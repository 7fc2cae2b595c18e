/* crash.h: how a process's end is reported, as Elixir reports it (DESIGN §5).
 *
 * Owns: the exit reason of a process that raised ({exception, stacktrace}, a throw as
 * {{:nocatch, value}, stacktrace}), the crash report an uncaught error prints on stderr
 * ("[error] Process #PID<0.115.0> raised an exception" then "** (ArithmeticError) ..."), and
 * the messages and exit status of the program when its main process ends. Does not own:
 * formatting exceptions (vm/error.h) or when a process ends (runtime.h).
 * All functions run on the dying process's own thread, before its heap is freed; they may run
 * ember code in it (Exception.message/1 of a user-defined exception).
 */
#ifndef EMBER_CRASH_H
#define EMBER_CRASH_H
#include "rt/process.h"

/* The exit reason of `p`, which failed with its pending exception (VM_FAILED). Allocates in
 * p's heap. */
Value crash_exit_reason(Process *p);

/* Prints the crash report of `p` (failed) on stderr if Elixir would: for an error or a throw,
 * not for exit/1. */
void crash_report(Process *p);

/* The main process `p` failed (VM_FAILED): prints what Elixir prints for an uncaught error,
 * throw or exit at the top level, and returns the program's exit status (0 for
 * exit(:normal), exit(:shutdown) and exit({:shutdown, term}) with a non-integer term, N for
 * exit({:shutdown, N}), else 1). */
int crash_main_failed(Process *p);

/* The main process `p` was ended by an exit signal with `reason`: prints
 * "** (EXIT from #PID<...>) REASON" as Elixir does and returns 1 (0 for :normal). */
int crash_main_killed(Process *p, Value reason);

#endif
