/* process.c: creating and freeing a process control block, growing its VM stack, frame and
 * handler arrays (process.h). */
#include "rt/process.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt/sigpool.h"

/* Small first sizes: most processes are small, and a parked process should cost <= 512
 * bytes in all (DESIGN §5); the arrays double when needed. The first stack and frame array
 * live in the same malloc block as the Process: one allocation per spawn instead of three
 * (spawn-heavy programs spent most of their time in malloc), and no per-block overhead. 6 slots
 * and 2 frames are what a process parked in a simple receive loop uses (tests/bench/idle.exs:
 * 5 and 2); 12 and 3 cost a parked process 72 bytes more. */
#define STACK_FIRST 6
#define FRAMES_FIRST 2

typedef struct ProcBlock {
    Process p;
    Value stack[STACK_FIRST];
    Frame frames[FRAMES_FIRST];
} ProcBlock;

/* Pool blocks follow each other in page-aligned regions: a size in whole cache lines keeps
 * every block's first line (ProcRt's shared fields) to itself. The gcstress build's extra
 * counter in Process makes it a little bigger; only its speed suffers. */
#ifndef EMBER_GC_STRESS
_Static_assert(sizeof(ProcBlock) % CACHE_LINE == 0, "control blocks are whole cache lines");
#endif

static Value *inline_stack(Process *p) { return ((ProcBlock *)p)->stack; }
static Frame *inline_frames(Process *p) { return ((ProcBlock *)p)->frames; }

/* Control blocks come from a pool rather than malloc. Spawning 1,000,000 processes is
 * mostly page faults on fresh memory (skynet spent 2/3 of its time there): the pool takes
 * memory in 8 MB regions that the kernel may back with transparent huge pages, 512 times
 * fewer faults (after a first small region, FIRST_REGION_BYTES). Each thread keeps up to
 * BLOCK_CACHE free blocks; beyond that, and when it ends, they go to the shared list, from
 * which threads take them back BLOCK_BATCH at a time.
 * Freed blocks stay in the pool for later spawns (as BEAM's carriers do); a dead process's
 * heap, stack and messages still go back to malloc at once. ASan builds use calloc/free, so
 * a use after free of a control block is still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define BLOCK_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BLOCK_POOL 0
#endif
#endif
#ifndef BLOCK_POOL
#define BLOCK_POOL 1
#endif

#if BLOCK_POOL
#include <sys/mman.h>

#define BLOCK_CACHE 4096
#define BLOCK_BATCH 64
#define REGION_BYTES ((size_t)8 << 20)
/* The first region is small and left to 4 KB pages: a huge page costs its first process a
 * 2 MB clear (0.5 ms of `ember hello.exs`, and 2 MB of its memory), which only pays once
 * hundreds of processes share it. 256 KB holds the first ~600 control blocks. */
#define FIRST_REGION_BYTES ((size_t)256 << 10)

typedef union FreeBlock {
    union FreeBlock *next;
    ProcBlock block;
} FreeBlock;

static struct {
    pthread_mutex_t lock;
    FreeBlock *free; /* guarded by lock */
    char *bump, *end; /* unused rest of the newest region, guarded by lock */
} pool = {PTHREAD_MUTEX_INITIALIZER, NULL, NULL, NULL};

static _Thread_local FreeBlock *cache_head;
static _Thread_local uint32_t cache_len;
static _Thread_local bool cache_keyed;
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

/* Moves this thread's cache to the shared list (thread exit, or a full cache). */
static void cache_flush(uint32_t keep)
{
    FreeBlock *first = NULL, *last = NULL;
    while (cache_len > keep) {
        FreeBlock *f = cache_head;
        cache_head = f->next;
        cache_len--;
        f->next = first;
        if (!first) last = f;
        first = f;
    }
    if (!first) return;
    pthread_mutex_lock(&pool.lock);
    last->next = pool.free;
    pool.free = first;
    pthread_mutex_unlock(&pool.lock);
}

static void cache_thread_exit(void *unused)
{
    (void)unused;
    cache_flush(0);
}

static void cache_key_init(void)
{
    if (pthread_key_create(&cache_key, cache_thread_exit) != 0) cache_key = (pthread_key_t)-1;
}

/* Refills this thread's cache with up to BLOCK_BATCH blocks. Returns false when out of memory. */
static bool cache_refill(void)
{
    if (!cache_keyed) {
        /* the key's value only makes the destructor run when this thread exits */
        pthread_once(&cache_once, cache_key_init);
        cache_keyed = true;
        if (cache_key != (pthread_key_t)-1) (void)pthread_setspecific(cache_key, &cache_keyed);
    }
    pthread_mutex_lock(&pool.lock);
    for (int i = 0; i < BLOCK_BATCH; i++) {
        FreeBlock *f = pool.free;
        if (f) {
            pool.free = f->next;
        } else {
            if ((size_t)(pool.end - pool.bump) < sizeof(FreeBlock)) {
                bool first = pool.end == NULL;
                size_t bytes = first ? FIRST_REGION_BYTES : REGION_BYTES;
                void *r = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                if (r == MAP_FAILED) break;
                if (!first)
                    (void)madvise(r, bytes, MADV_HUGEPAGE); /* a hint; fine if refused */
                pool.bump = r;
                pool.end = (char *)r + bytes;
            }
            f = (FreeBlock *)pool.bump;
            pool.bump += sizeof(FreeBlock);
        }
        f->next = cache_head;
        cache_head = f;
        cache_len++;
    }
    pthread_mutex_unlock(&pool.lock);
    return cache_head != NULL;
}

static ProcBlock *block_get(void)
{
    if (!cache_head && !cache_refill()) return NULL;
    FreeBlock *f = cache_head;
    cache_head = f->next;
    cache_len--;
    memset(f, 0, sizeof(ProcBlock));
    return &f->block;
}

static void block_release(ProcBlock *b)
{
    FreeBlock *f = (FreeBlock *)b;
    f->next = cache_head;
    cache_head = f;
    if (++cache_len > BLOCK_CACHE) cache_flush(BLOCK_CACHE / 2);
}
#else
static ProcBlock *block_get(void) { return calloc(1, sizeof(ProcBlock)); }
static void block_release(ProcBlock *b) { free(b); }
#endif

Process *proc_new(void)
{
    ProcBlock *b = block_get();
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
    p->exc_detail = ATOM_NIL;
    p->tail_fun = p->tail_args = ATOM_NIL;
    p->wait_until_ms = -1;
    p->exit_reason = ATOM_NIL;
    return p;
}

const ProcExt proc_ext_none = {
    .exc_kind = ATOM_NIL, .exc_value = ATOM_NIL, .exc_stack = VAL_NIL,
    .dictionary = VAL_NIL,
};

ProcExt *proc_ext_alloc(Process *p)
{
    ProcExt *x = malloc(sizeof *x);
    if (!x) {
        fputs("ember: out of memory\n", stderr);
        abort();
    }
    *x = proc_ext_none;
    p->ext = x;
    return x;
}

/* Frees every signal still in p's mailbox, inbound or received (each with its payload's
 * copy). */
static void free_mailbox(Process *p)
{
    Signal *s;
    while ((s = mailbox_pop(&p->rt.mb)) != NULL)
        sigpool_free(s);
    mailbox_recv_begin(&p->rt.mb);
    while (mailbox_recv_peek(&p->rt.mb) != NULL)
        sigpool_free(mailbox_recv_take(&p->rt.mb));
}

void proc_free(Process *p)
{
    if (!p) return;
    free_mailbox(p);
    sigpool_free(p->killed_by);
    proc_rt_destroy(&p->rt);
    arena_free(&p->arena);
    free(p->ext);
    proc_free_stacks(p);
    block_release((ProcBlock *)p);
}

/* Frees an array grown by grow() (below) to `bytes`, unless it is the one inside the
 * ProcBlock. */
static void free_array(void *array, bool in_block, size_t bytes)
{
    if (!in_block) sigpool_block_free(array, bytes);
}

void proc_free_stacks(Process *p)
{
    free_array(p->stack, p->stack == inline_stack(p), (size_t)p->stack_cap * sizeof *p->stack);
    free_array(p->frames, p->frames == inline_frames(p),
                (size_t)p->frames_cap * sizeof *p->frames);
    free(p->handlers);
    p->stack = NULL, p->stack_cap = p->stack_hwm = 0;
    p->frames = NULL, p->frames_cap = p->nframes = 0;
    p->handlers = NULL, p->handlers_cap = p->nhandlers = 0;
}

/* realloc for an array that may still be the one inside the ProcBlock (never freed alone):
 * small arrays come from the pool (sigpool.h), like small heap chunks, since the process may
 * die on another thread. */
static void *grow(void *old, bool in_block, size_t old_bytes, size_t new_bytes)
{
    if (!in_block && old_bytes > SIGPOOL_BYTES) return realloc(old, new_bytes);
    void *n = sigpool_block_alloc(new_bytes);
    if (n && old) memcpy(n, old, old_bytes);
    if (n && !in_block) sigpool_block_free(old, old_bytes);
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
