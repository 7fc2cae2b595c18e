/* Unit tests of src/rt/epoch: nothing is freed while a thread that might hold it is online,
 * everything is freed eventually, and a stress test (readers racing a retiring writer; run
 * under ASan and TSan) never sees freed memory. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "rt/epoch.h"

typedef struct Obj {
    EpochNode node; /* first: an EpochNode* is the Obj* */
    atomic_int alive;
} Obj;

static atomic_int freed;

static void free_obj(void *ctx, EpochNode *n)
{
    (void)ctx;
    Obj *o = (Obj *)n;
    atomic_store(&o->alive, 0);
    free(o);
    atomic_fetch_add(&freed, 1);
}

static Obj *new_obj(void)
{
    Obj *o = malloc(sizeof *o);
    cr_assert_not_null(o);
    atomic_init(&o->alive, 1);
    return o;
}

Test(epoch, not_freed_while_another_thread_has_not_passed_a_quiescent_point)
{
    EpochThread th[2];
    EpochDomain d;
    atomic_store(&freed, 0);
    epoch_init(&d, th, 2, free_obj, NULL);
    epoch_online(&d, &th[0]);
    epoch_online(&d, &th[1]);
    epoch_retire(&d, &th[0], &new_obj()->node);
    for (int i = 0; i < 5; i++)
        epoch_quiescent(&d, &th[0]);
    cr_assert_eq(atomic_load(&freed), 0, "freed while thread 1 could still hold it");
    epoch_quiescent(&d, &th[1]);
    epoch_quiescent(&d, &th[0]);
    epoch_quiescent(&d, &th[1]);
    epoch_quiescent(&d, &th[0]);
    cr_assert_eq(atomic_load(&freed), 1, "both threads passed quiescent points: expected the free");
}

Test(epoch, offline_threads_do_not_hold_back_freeing)
{
    EpochThread th[3];
    EpochDomain d;
    atomic_store(&freed, 0);
    epoch_init(&d, th, 3, free_obj, NULL);
    epoch_online(&d, &th[0]);
    epoch_retire(&d, &th[0], &new_obj()->node);
    epoch_retire(&d, &th[0], &new_obj()->node);
    epoch_quiescent(&d, &th[0]);
    cr_assert_eq(atomic_load(&freed), 2, "a thread alone should free at its next quiescent point");
    epoch_online(&d, &th[2]);
    epoch_retire(&d, &th[0], &new_obj()->node);
    epoch_quiescent(&d, &th[0]);
    cr_assert_eq(atomic_load(&freed), 2, "thread 2 came online: must wait for it");
    epoch_offline(&th[2]);
    epoch_quiescent(&d, &th[0]);
    cr_assert_eq(atomic_load(&freed), 3);
}

Test(epoch, drain_all_frees_everything)
{
    EpochThread th[2];
    EpochDomain d;
    atomic_store(&freed, 0);
    epoch_init(&d, th, 2, free_obj, NULL);
    epoch_online(&d, &th[0]);
    epoch_online(&d, &th[1]);
    for (int i = 0; i < 10; i++)
        epoch_retire(&d, &th[i % 2], &new_obj()->node);
    epoch_drain_all(&d);
    cr_assert_eq(atomic_load(&freed), 10);
}

/* ---- stress: a writer replaces the shared object and retires the old one; readers load it
 * and check it is still alive until their next quiescent point. ---- */
#define READERS 3
#define SWAPS 20000

static _Atomic(Obj *) shared;
static atomic_int done;
static EpochDomain sd;
static EpochThread sth[READERS + 1];

static void *reader(void *arg)
{
    EpochThread *t = arg;
    epoch_online(&sd, t);
    for (unsigned n = 0; !atomic_load(&done); n++) {
        Obj *o = atomic_load(&shared);
        for (int k = 0; k < 3; k++)
            cr_assert_eq(atomic_load(&o->alive), 1, "reader saw a freed object");
        if (n % 4 == 0)
            epoch_quiescent(&sd, t);
        if (n % 1000 == 999) {
            epoch_offline(t);
            epoch_online(&sd, t);
        }
    }
    epoch_offline(t);
    return NULL;
}

Test(epoch, stress_readers_never_see_freed_objects, .timeout = 60)
{
    atomic_store(&freed, 0);
    atomic_store(&done, 0);
    epoch_init(&sd, sth, READERS + 1, free_obj, NULL);
    EpochThread *w = &sth[READERS];
    epoch_online(&sd, w);
    atomic_store(&shared, new_obj());
    pthread_t th[READERS];
    for (int i = 0; i < READERS; i++)
        pthread_create(&th[i], NULL, reader, &sth[i]);
    /* Swap at least SWAPS times, and on until something was freed while the readers run
     * (on a loaded machine a reader may sleep through the first SWAPS swaps). */
    long swaps = 0;
    for (; swaps < SWAPS || (atomic_load(&freed) == 0 && swaps < 100 * SWAPS); swaps++) {
        Obj *old = atomic_exchange(&shared, new_obj());
        epoch_retire(&sd, w, &old->node);
        epoch_quiescent(&sd, w);
        if (swaps % 64 == 0)
            sched_yield();
    }
    int freed_while_running = atomic_load(&freed);
    atomic_store(&done, 1);
    for (int i = 0; i < READERS; i++)
        pthread_join(th[i], NULL);
    cr_assert_gt(freed_while_running, 0, "nothing was freed while readers ran");
    epoch_drain_all(&sd);
    cr_assert_eq(atomic_load(&freed), swaps);
    free(atomic_load(&shared));
}
