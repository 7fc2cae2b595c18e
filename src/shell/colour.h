/* colour.h: the shell's colours, as iex's defaults (IEx :colors and :syntax_colors): results
 * are printed with inspect's syntax colours (numbers and other terms yellow, atoms and aliases
 * cyan, strings green, nil/true/false magenta, brackets and separators uncoloured), errors in
 * red. Colour is used only on a terminal, and never when NO_COLOR is set (no-color.org).
 * Owns nothing else: what to print is the shell's (shell.c) business. */
#ifndef EMBER_COLOUR_H
#define EMBER_COLOUR_H

#include <stdbool.h>
#include <stdio.h>

/* The ANSI SGR sequences iex writes (foreground colours; iex resets with 39, not 0). */
#define COLOUR_RESULT "\033[33m"  /* yellow: numbers, pids, funs, ranges, charlists */
#define COLOUR_ATOM "\033[36m"    /* cyan: :atoms, keyword keys, module names */
#define COLOUR_STRING "\033[32m"  /* green: "strings" */
#define COLOUR_LITERAL "\033[35m" /* magenta: nil, true, false */
#define COLOUR_ERROR "\033[31m"   /* red: ** (Error) ... and its stacktrace */
#define COLOUR_RESET "\033[39m"   /* default foreground */

/* True when output to `out` should be coloured: `out` is a terminal and the NO_COLOR
 * environment variable is unset or empty (as no-color.org defines it). Checked at each call. */
bool colour_enabled(FILE *out);

/* Writes `text` (inspect output of a result, possibly several lines) and a newline to `out`,
 * with iex's syntax colours when `colour` is true, else exactly `text` and a newline. */
void colour_result(FILE *out, const char *text, bool colour);

/* Writes `text` (an error report, one or more lines; a final newline is added if missing) to
 * `out`, in red when `colour` is true, as iex prints errors. */
void colour_error(FILE *out, const char *text, bool colour);

#endif
