/* proc_rt.c: setting up and tearing down the runtime part of a process (see proc_rt.h). */
#include "rt/proc_rt.h"

#include <stdlib.h>

void proc_rt_init(ProcRt *p)
{
    p->pid = 0;
    mailbox_init(&p->mb);
    atomic_init(&p->status, PROC_RT_RUNNABLE);
    p->reg_closed = false;
    p->trap_exit = false;
    p->timed_out = false;
    p->reg_name = 0;
    p->wait_seq = 0;
    p->tables = NULL;
    timer_init(&p->timer);
    p->link.rq_next = NULL;
}

void proc_rt_destroy(ProcRt *p)
{
    if (p->tables != NULL) {
        idmap_free(&p->tables->links);
        idmap_free(&p->tables->monitors);
        idmap_free(&p->tables->watchers);
        idmap_free(&p->tables->named);
        free(p->tables);
        p->tables = NULL;
    }
}
