/* process.c: creating and freeing a process control block, growing its VM stack, frame and
 * handler arrays (process.h). */
#include "rt/process.h"

#include <stdlib.h>
#include <string.h>

#include "rt/heapfrag.h"

/* Small first sizes: most processes are small, and a parked process should cost <= 512
 * bytes in all (DESIGN §5); the arrays double when needed. */
#define STACK_FIRST 16
#define FRAMES_FIRST 4

Process *proc_new(void)
{
    Process *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    proc_rt_init(&p->rt);
    arena_init(&p->arena);
    p->status = PROC_RUNNABLE;
    p->result = ATOM_NIL;
    p->exc_kind = p->exc_value = ATOM_NIL;
    p->exc_stack = VAL_NIL;
    p->exc_detail = ATOM_NIL;
    p->tail_fun = p->tail_args = ATOM_NIL;
    p->dictionary = VAL_NIL;
    p->wait_until_ms = -1;
    p->timer_deadline = -1;
    p->exit_reason = ATOM_NIL;
    return p;
}

/* Frees every signal still in p's mailbox: inbound ones with their fragments, received ones
 * alone (their fragments belong to p's heap). */
static void free_mailbox(Process *p)
{
    Signal *s;
    while ((s = mailbox_pop(&p->rt.mb)) != NULL) {
        frag_free(s->frag);
        free(s);
    }
    mailbox_recv_begin(&p->rt.mb);
    while (mailbox_recv_peek(&p->rt.mb) != NULL)
        free(mailbox_recv_take(&p->rt.mb));
}

void proc_free(Process *p)
{
    if (!p) return;
    free_mailbox(p);
    if (p->killed_by != NULL) {
        frag_free(p->killed_by->frag);
        free(p->killed_by);
    }
    proc_rt_destroy(&p->rt);
    arena_free(&p->arena);
    free(p->stack);
    free(p->frames);
    free(p->handlers);
    free(p);
}

bool proc_stack_reserve(Process *p, uint32_t used, uint32_t slots)
{
    uint64_t need = (uint64_t)used + slots;
    if (need <= p->stack_cap) return true;
    if (need > UINT32_MAX / 2) return false;
    uint32_t cap = p->stack_cap ? p->stack_cap : STACK_FIRST;
    while (cap < need) cap *= 2;
    Value *s = realloc(p->stack, (size_t)cap * sizeof *s);
    if (!s) return false;
    p->stack = s;
    p->stack_cap = cap;
    return true;
}

Frame *proc_push_frame(Process *p, const struct Code *code, uint32_t base)
{
    if (p->nframes == p->frames_cap) {
        uint32_t cap = p->frames_cap ? p->frames_cap * 2 : FRAMES_FIRST;
        Frame *f = realloc(p->frames, (size_t)cap * sizeof *f);
        if (!f) return NULL;
        p->frames = f;
        p->frames_cap = cap;
    }
    Frame *f = &p->frames[p->nframes++];
    f->code = code;
    f->pc = NULL;
    f->base = base;
    f->dst = 0;
    return f;
}

bool proc_push_handler(Process *p, Handler h)
{
    if (p->nhandlers == p->handlers_cap) {
        uint32_t cap = p->handlers_cap ? p->handlers_cap * 2 : 2;
        Handler *hs = realloc(p->handlers, (size_t)cap * sizeof *hs);
        if (!hs) return false;
        p->handlers = hs;
        p->handlers_cap = cap;
    }
    p->handlers[p->nhandlers++] = h;
    return true;
}
