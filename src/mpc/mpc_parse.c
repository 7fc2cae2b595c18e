/* mpc_parse.c: the mpc_parse family. A parse runs on the caller's thread when the input is
 * small and the thread has stack to spare; otherwise, or when that run comes close to the end
 * of the caller's stack, it runs on a private thread with a large (lazily committed) stack.
 * Either way a frame-address limit makes deep input fail with "Maximum recursion depth
 * exceeded!" instead of overflowing the stack. No state is shared between parses. */
#include <pthread.h>
#include <stdint.h>
#include <sys/resource.h>
#include <unistd.h>

#include "mpc_int.h"

#define INLINE_MAX_INPUT (64u << 10) /* larger inputs go straight to the big-stack thread */
#define STACK_MARGIN ((size_t)1 << 20) /* stack kept free below the limit for leaf work */
#define INLINE_MIN_STACK ((size_t)4 << 20)

static const size_t THREAD_STACKS[] = {(size_t)512 << 20, (size_t)128 << 20, (size_t)32 << 20};

typedef struct Job {
    const char *filename;
    const char *in;
    uint32_t len;
    mpc_state_t *at;  /* mpc_parse_from: the start, and the end on success; else NULL */
    mpc_parser_t *p;
    mpc_result_t *r;
    size_t stack;  /* usable bytes below the job's first frame */
    int retry;     /* a bigger stack is still available */
    int ok;
    int tripped;   /* ran short of stack and retry was set */
} Job;

/* One attempt; `errors`: record expectations (slower, needed only to report a failure). */
static int attempt(Job *j, St *st, char *here, int errors)
{
    st_init(st, j->in, j->len);
    st->stack_limit = here - (j->stack > STACK_MARGIN ? j->stack - STACK_MARGIN : 0);
    st->suppress = !errors;
    if (j->at) {
        st->pos = st->base = st->nl_end = (uint32_t)j->at->pos;
        st->base_row = j->at->row;
        st->base_col = j->at->col;
    }
    if (!eng_run(st, j->p) || st->abort) return 0;
    Val *v = st->out;
    void *out = v && (v->kind == V_ANY || v->kind == V_STR) ? val_to_generic(st, v) : mat_tree(st, v, 0);
    if (st->abort) return 0;
    j->r->output = out;
    if (j->at) {
        mpc_state_t end = {st->pos, 0, 0, 0};
        mpc_linecol(st, st->pos, &end.row, &end.col);
        *j->at = end;
    }
    return 1;
}

/* Runs the parse and fills j->r, unless it ran out of stack (j->tripped). A failed parse
 * runs again recording errors: successful parses never pay for error bookkeeping. */
static void job_run(Job *j)
{
    St st;
    char *here = __builtin_frame_address(0);
    j->tripped = 0;
    j->ok = attempt(j, &st, here, 0);
    if (!j->ok && !st.abort) {
        st_free(&st);
        j->ok = attempt(j, &st, here, 1);
    }
    if (!j->ok && st.abort == 2 && j->retry) j->tripped = 1;
    else if (!j->ok) j->r->error = err_build(&st, j->filename);
    st_free(&st);
}

static void *job_thread(void *arg)
{
    job_run(arg);
    return NULL;
}

#ifdef __GLIBC__
extern void *__libc_stack_end; /* the main thread's initial stack pointer (glibc, ld.so) */

/* The lowest address the main thread's stack may grow to, without pthread_getattr_np, which
 * reads /proc/self/maps there (over 100 us). */
static char *main_stack_lo(void)
{
    struct rlimit rl;
    if (gettid() != getpid() || !__libc_stack_end || getrlimit(RLIMIT_STACK, &rl) != 0) return NULL;
    size_t size = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > ((size_t)64 << 20) ? (size_t)8 << 20 : rl.rlim_cur;
    return (char *)__libc_stack_end - size + ((size_t)64 << 10);
}
#else
static char *main_stack_lo(void) { return NULL; }
#endif

/* The bytes of stack left below the caller's frame (0 if unknown), cached per thread. */
static size_t stack_left(void)
{
    static __thread char *lo;
    static __thread int known;
    if (!known) {
        pthread_attr_t a;
        void *addr;
        size_t size;
        known = 1;
        lo = main_stack_lo();
        if (!lo && pthread_getattr_np(pthread_self(), &a) == 0) {
            if (pthread_attr_getstack(&a, &addr, &size) == 0) lo = addr;
            pthread_attr_destroy(&a);
        }
    }
    char *here = __builtin_frame_address(0);
    return lo && here > lo ? (size_t)(here - lo) : 0;
}

/* Runs j on a new thread with the largest stack the system grants; 0 if none could start. */
static int run_on_thread(Job *j)
{
    for (size_t i = 0; i < sizeof THREAD_STACKS / sizeof *THREAD_STACKS; i++) {
        pthread_attr_t a;
        pthread_t t;
        if (pthread_attr_init(&a) != 0) return 0;
        int err = pthread_attr_setstacksize(&a, THREAD_STACKS[i]);
        j->stack = THREAD_STACKS[i] - ((size_t)64 << 10); /* the thread's own start-up frames */
        if (err == 0) err = pthread_create(&t, &a, job_thread, j);
        pthread_attr_destroy(&a);
        if (err == 0) {
            pthread_join(t, NULL);
            return 1;
        }
    }
    return 0;
}

int parse_run(const char *filename, const char *in, size_t len, mpc_state_t *at, mpc_parser_t *p,
              mpc_result_t *r)
{
    if (!p) {
        r->error = err_fail_new(filename, "Parser Undefined!");
        return 0;
    }
    if (len >= UINT32_MAX) {
        r->error = err_fail_new(filename, "Input too large!");
        return 0;
    }
    first_refresh(p);
    if (at && (at->pos < 0 || (size_t)at->pos > len)) {
        r->error = err_fail_new(filename, "Start position out of range!");
        return 0;
    }
    Job j = {filename ? filename : "", in, (uint32_t)len, at, p, r, 0, 1, 0, 0};
    size_t left = stack_left();
    /* A piece of a long input (mpc_parse_from) is usually short: try it here first too. */
    if ((len <= INLINE_MAX_INPUT || at) && left >= INLINE_MIN_STACK) {
        j.stack = left;
        job_run(&j);
        if (!j.tripped) return j.ok;
    }
    j.retry = 0;
    if (run_on_thread(&j)) return j.ok;
    j.stack = left; /* no thread could start: fail cleanly on the stack we have */
    job_run(&j);
    return j.ok;
}

/* ---------------------------------------------------------------- public entry points */

int mpc_parse(const char *filename, const char *string, mpc_parser_t *p, mpc_result_t *r)
{
    return parse_run(filename, string, strlen(string), NULL, p, r);
}

int mpc_nparse(const char *filename, const char *string, size_t length, mpc_parser_t *p, mpc_result_t *r)
{
    size_t n = strnlen(string, length);
    if (n < length) return parse_run(filename, string, n, NULL, p, r);
    char *copy = xstrndup(string, n); /* the engine reads one byte past the input: its NUL */
    int ok = parse_run(filename, copy, n, NULL, p, r);
    free(copy);
    return ok;
}

int mpc_parse_from(const char *filename, const char *string, size_t length, mpc_state_t *at,
                   mpc_parser_t *p, mpc_result_t *r)
{
    return parse_run(filename, string, length, at, p, r);
}

/* Reads the rest of f into a NUL-terminated heap buffer; *n gets the length up to the
 * first NUL (the input ends there, as with strings). */
char *mpc_read_all(FILE *f, size_t *n)
{
    size_t cap = 4096, len = 0, got;
    char *buf = xmalloc(cap);
    while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len - 1 == 0) buf = xrealloc(buf, cap *= 2);
    }
    buf[len] = 0;
    *n = strlen(buf);
    return buf;
}

int mpc_parse_file(const char *filename, FILE *file, mpc_parser_t *p, mpc_result_t *r)
{
    size_t n;
    char *buf = mpc_read_all(file, &n);
    int ok = parse_run(filename, buf, n, NULL, p, r);
    free(buf);
    return ok;
}

int mpc_parse_pipe(const char *filename, FILE *pipe, mpc_parser_t *p, mpc_result_t *r)
{
    return mpc_parse_file(filename, pipe, p, r);
}

int mpc_parse_contents(const char *filename, mpc_parser_t *p, mpc_result_t *r)
{
    FILE *f = fopen(filename, "rb");
    if (!f) {
        r->error = err_fail_new(filename, "Unable to open file!");
        return 0;
    }
    int ok = mpc_parse_file(filename, f, p, r);
    fclose(f);
    return ok;
}
