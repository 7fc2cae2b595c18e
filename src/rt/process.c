/* process.c: creating and freeing a process control block, growing its VM stack, frame and
 * handler arrays, and the minimal owner-only mailbox (process.h). */
#include "rt/process.h"

#include <stdlib.h>
#include <string.h>

#define STACK_FIRST 32 /* small: a parked process should cost little (DESIGN §5) */
#define FRAMES_FIRST 4

Process *proc_new(void)
{
    Process *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    arena_init(&p->arena);
    p->status = PROC_RUNNABLE;
    p->result = ATOM_NIL;
    p->exc_kind = p->exc_value = ATOM_NIL;
    p->exc_stack = VAL_NIL;
    p->exc_detail = ATOM_NIL;
    p->tail_fun = p->tail_args = ATOM_NIL;
    p->dictionary = VAL_NIL;
    p->msg_tail = &p->msg_head;
    p->msg_save = &p->msg_head;
    p->wait_until_ms = -1;
    return p;
}

void proc_free(Process *p)
{
    if (!p) return;
    arena_free(&p->arena);
    free(p->stack);
    free(p->frames);
    free(p->handlers);
    for (Message *m = p->msg_head, *next; m; m = next) {
        next = m->next;
        free(m);
    }
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

bool proc_msg_push(Process *p, Value v)
{
    Message *m = malloc(sizeof *m);
    if (!m) return false;
    m->next = NULL;
    m->value = v;
    *p->msg_tail = m;
    p->msg_tail = &m->next;
    return true;
}

void proc_msg_remove_saved(Process *p)
{
    Message *m = *p->msg_save;
    if (!m) return;
    *p->msg_save = m->next;
    if (p->msg_tail == &m->next) p->msg_tail = p->msg_save;
    free(m);
    p->msg_save = &p->msg_head;
}
