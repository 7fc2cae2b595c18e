/* proc_rt.c: setting up and tearing down the runtime part of a process (see proc_rt.h). */
#include "rt/proc_rt.h"

#include <stdlib.h>

void proc_rt_init(ProcRt *p)
{
    p->pid = 0;
    mailbox_init(&p->mb);
    atomic_init(&p->status, PROC_RT_RUNNABLE);
    atomic_init(&p->reg_closed, false);
    p->trap_exit = false;
    p->timed_out = false;
    atomic_init(&p->reg_name, 0);
    p->tables = NULL;
    p->rtimer = NULL;
    p->link.rq_next = NULL;
}

ProcTimer *proc_rt_timer(ProcRt *p)
{
    if (p->rtimer == NULL) {
        ProcTimer *t = malloc(sizeof *t);
        if (t == NULL)
            return NULL;
        timer_init(&t->timer);
        t->owner = p;
        t->armed_for = -1;
        t->wait_seq = 0;
        p->rtimer = t;
    }
    return p->rtimer;
}

void proc_rt_destroy(ProcRt *p)
{
    free(p->rtimer);
    p->rtimer = NULL;
    if (p->tables != NULL) {
        idmap_free(&p->tables->links);
        idmap_free(&p->tables->monitors);
        idmap_free(&p->tables->watchers);
        idmap_free(&p->tables->named);
        free(p->tables);
        p->tables = NULL;
    }
}
