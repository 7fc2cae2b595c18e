/* process.c: creating and freeing a process control block, growing its VM stack, frame and
 * handler arrays (process.h). */
#include "rt/process.h"

#include <stdlib.h>
#include <string.h>

#include "rt/heapfrag.h"

/* Small first sizes: most processes are small, and a parked process should cost <= 512
 * bytes in all (DESIGN §5); the arrays double when needed. The first stack and frame array
 * live in the same malloc block as the Process: one allocation per spawn instead of three
 * (spawn-heavy programs spent most of their time in malloc), and no per-block overhead. */
#define STACK_FIRST 12
#define FRAMES_FIRST 3

typedef struct ProcBlock {
    Process p;
    Value stack[STACK_FIRST];
    Frame frames[FRAMES_FIRST];
} ProcBlock;

static Value *inline_stack(Process *p) { return ((ProcBlock *)p)->stack; }
static Frame *inline_frames(Process *p) { return ((ProcBlock *)p)->frames; }

Process *proc_new(void)
{
    ProcBlock *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    Process *p = &b->p;
    p->stack = b->stack;
    p->stack_cap = STACK_FIRST;
    p->frames = b->frames;
    p->frames_cap = FRAMES_FIRST;
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
    proc_free_stacks(p);
    free(p);
}

void proc_free_stacks(Process *p)
{
    if (p->stack != inline_stack(p)) free(p->stack);
    if (p->frames != inline_frames(p)) free(p->frames);
    free(p->handlers);
    p->stack = NULL, p->stack_cap = p->stack_hwm = 0;
    p->frames = NULL, p->frames_cap = p->nframes = 0;
    p->handlers = NULL, p->handlers_cap = p->nhandlers = 0;
}

/* realloc for an array that may still be the one inside the ProcBlock (never freed alone). */
static void *grow(void *old, bool in_block, size_t old_bytes, size_t new_bytes)
{
    if (!in_block) return realloc(old, new_bytes);
    void *n = malloc(new_bytes);
    if (n && old) memcpy(n, old, old_bytes);
    return n;
}

bool proc_stack_reserve(Process *p, uint32_t used, uint32_t slots)
{
    uint64_t need = (uint64_t)used + slots;
    if (need <= p->stack_cap) return true;
    if (need > UINT32_MAX / 2) return false;
    uint32_t cap = p->stack_cap ? p->stack_cap : STACK_FIRST;
    while (cap < need) cap *= 2;
    Value *s = grow(p->stack, p->stack == inline_stack(p), (size_t)p->stack_cap * sizeof *s,
                    (size_t)cap * sizeof *s);
    if (!s) return false;
    p->stack = s;
    p->stack_cap = cap;
    return true;
}

Frame *proc_push_frame(Process *p, const struct Code *code, uint32_t base)
{
    if (p->nframes == p->frames_cap) {
        uint32_t cap = p->frames_cap ? p->frames_cap * 2 : FRAMES_FIRST;
        Frame *f = grow(p->frames, p->frames == inline_frames(p), (size_t)p->frames_cap * sizeof *f,
                        (size_t)cap * sizeof *f);
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
