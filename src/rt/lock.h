/* lock.h: the mutex kind for locks held for a few pointer writes (run queues, the pid table's
 * free ring): adaptive, so a thread that finds it taken spins briefly instead of going to sleep
 * in the kernel, where each futex call costs more (in a virtual machine most of all) than the
 * whole critical section. */
#ifndef EMBER_LOCK_H
#define EMBER_LOCK_H
#include <pthread.h>

/* pthread_mutex_init with glibc's PTHREAD_MUTEX_ADAPTIVE_NP kind. Returns 0, or an error
 * number as pthread_mutex_init does. */
static inline int short_lock_init(pthread_mutex_t *m)
{
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ADAPTIVE_NP);
    int rc = pthread_mutex_init(m, &ma);
    pthread_mutexattr_destroy(&ma);
    return rc;
}

/* Tells the core that this thread is waiting in a loop (x86-64 PAUSE): a sibling hardware
 * thread gets the core's resources meanwhile, and leaving the loop does not pay for a
 * mis-speculated memory order. */
static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

#endif
