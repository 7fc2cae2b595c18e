/* complete.h: what Tab completes in the shell, as IEx.Autocomplete does: module names, the
 * functions of a module (`Process.al` -> `Process.alive?`), Kernel functions and special forms,
 * the shell's helpers (flush, v, h, ...) and the variables bound in the shell.
 * Knows nothing of terminals: line_edit.c shows the candidates and inserts them. */
#ifndef EMBER_COMPLETE_H
#define EMBER_COMPLETE_H

#include <stddef.h>

/* The variable names bound in the shell, kept by the shell (shell.c) and read by completion on
 * the same thread. `names` may be NULL when `count` is 0. */
typedef struct CompleteVars {
    char **names;
    size_t count;
} CompleteVars;

/* Candidates for `word`, the text before the cursor made of identifier characters, dots and a
 * leading ':' ("Process.al", "Enu", "spa", ":erlang.", "coun"). `vars` lists the bound
 * variables (may be NULL). Returns a malloc'd array of `*n` malloc'd strings, sorted by strcmp
 * and without duplicates, or NULL with *n = 0 when nothing matches, `word` is empty or memory
 * ran out. Each candidate is the full word that replaces `word`; a function's candidate ends
 * with "/ARITY" ("Process.alive?/1"), which the line editor shows in lists but does not insert
 * (complete_insert_len). Loads an embedded module (src/lib/NAME.ex) whose functions are
 * asked for, as iex does when it completes a module it has not loaded yet. Needs module_init. */
char **complete_word(const char *word, const CompleteVars *vars, size_t *n);

/* complete_word with the LineCompletion signature (line.h): `ctx` is a CompleteVars * or NULL.
 * Use as `LineCompletion c = {complete_callback, &shell_vars};`. */
char **complete_callback(void *ctx, const char *word, size_t *n);

/* How many bytes of candidate `c` are inserted in the line: all of it, less a trailing
 * "/ARITY" ("Process.alive?/1" -> 14). */
size_t complete_insert_len(const char *c);

#endif
