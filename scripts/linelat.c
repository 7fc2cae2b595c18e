/* linelat.c: how long one cache line takes to go from one core to another on this machine.
 * Two threads, pinned to CPUs 0 and 1, take turns writing one shared word; the program prints
 * half the mean round trip in ns. scripts/bench.sh prints it next to the --threads 2 speed-ups:
 * a message between processes on different cores moves at least one line, so this against
 * what a whole message costs on one core tells how far two cores can help. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#define ROUNDS 1000000L

static _Alignas(64) _Atomic long turn;

static void pin(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set); /* best effort */
}

static void *answer(void *arg)
{
    (void)arg;
    pin(1);
    for (long i = 0; i < ROUNDS; i++) {
        while (atomic_load_explicit(&turn, memory_order_acquire) != 2 * i + 1)
            ;
        atomic_store_explicit(&turn, 2 * i + 2, memory_order_release);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pin(0);
    if (pthread_create(&t, NULL, answer, NULL) != 0)
        return 1;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < ROUNDS; i++) {
        atomic_store_explicit(&turn, 2 * i + 1, memory_order_release);
        while (atomic_load_explicit(&turn, memory_order_acquire) != 2 * i + 2)
            ;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    pthread_join(t, NULL);
    double ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / ROUNDS;
    printf("%.0f\n", ns / 2);
    return 0;
}
