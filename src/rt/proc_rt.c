/* proc_rt.c: setting up and tearing down the runtime part of a process (see proc_rt.h). */
#include "rt/proc_rt.h"

void proc_rt_init(ProcRt *p)
{
    p->pid = 0;
    mailbox_init(&p->mb);
    atomic_init(&p->status, PROC_RT_RUNNABLE);
    p->reg_closed = false;
    p->reg_name = 0;
    idmap_init(&p->sig.links);
    idmap_init(&p->sig.monitors);
    idmap_init(&p->sig.watchers);
    p->sig.trap_exit = false;
    timer_init(&p->timer);
    p->wait_seq = 0;
    p->timed_out = false;
    p->link.rq_next = NULL;
}

void proc_rt_destroy(ProcRt *p)
{
    idmap_free(&p->sig.links);
    idmap_free(&p->sig.monitors);
    idmap_free(&p->sig.watchers);
}
