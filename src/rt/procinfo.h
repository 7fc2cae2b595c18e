/* procinfo.h: what Process.info/1,2 reports about a process (DESIGN §5).
 *
 * Owns: building the items ({:message_queue_len, 3}, {:links, [...]}, ...) from a process's
 * own state, and answering the requests other processes send for them. A process's queue,
 * links and monitors belong to its thread, so another process does not read them: it sends a
 * SIG_INFO request that the owner answers when it next drains its mailbox (as BEAM does for
 * another process's info), and waits for the reply {:"$info_reply", ref, answer} in a receive
 * (src/lib/process.ex). Does not own: the builtins (src/lib/process.c).
 */
#ifndef EMBER_PROCINFO_H
#define EMBER_PROCINFO_H
#include <stdbool.h>

#include "rt/process.h"

/* True if `spec` is an item Process.info/2 knows, a list of them, or :all (info/1). */
bool procinfo_valid(Value spec);

/* The answer for `spec` about `p` (its own thread), built in `a`: {item, value} for an item, a
 * keyword list for a list or :all; `status` is what :status reports. THE_NON_VALUE if out of
 * memory. */
Value procinfo_build(Process *p, Arena *a, Value spec, Value status);

/* The :status atom Process.info reports for process `r`, read from any thread. */
Value procinfo_status(ProcRt *r);

/* SigOps.info: `self` (alive or already dead) answers request `req` and frees it. */
void procinfo_answer(void *ctx, ProcRt *self, Signal *req, bool alive);

#endif
