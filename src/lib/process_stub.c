/* process_stub.c: STAND-IN until the runtime issue lands (processes, pid table, mailboxes):
 * self/0 returns a fixed pid and send/2 can only send to it, appending to the running
 * process's own mailbox, so receive can be tested in a single process. The runtime engineer
 * replaces this file with the real Kernel.self/send/spawn and the Process module. */
#include "lib/libs.h"
#include "vm/error.h"

#define STUB_SELF val_pid(0, 0)

static Value stub_self(Process *p, const Value *a)
{
    (void)p;
    (void)a;
    return STUB_SELF;
}

static Value stub_send(Process *p, const Value *a)
{
    if (a[0] != STUB_SELF) return err_argument(p, "argument error");
    if (!proc_msg_push(p, a[1])) return err_system_limit(p);
    return a[1];
}

static const Builtin process_stub_builtins[] = {
    {"self", 0, stub_self}, {"send", 2, stub_send},
};

void lib_process_init(void)
{
    LIB_REGISTER("Elixir.Kernel", process_stub_builtins);
}
