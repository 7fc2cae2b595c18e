/* cpuscale.c: how much faster this machine runs two independent CPU-bound threads than one.
 * `cpuscale N` runs N threads, each doing the same fixed integer work with no shared data,
 * and exits; scripts/bench.sh times it with 1 and 2 threads. The ratio is the ceiling for any
 * `--threads 2` speed-up: shared or virtual cores often give well under 2x. */
#include <pthread.h>
#include <stdlib.h>

static void *work(void *arg)
{
    (void)arg;
    volatile unsigned long x = 0;
    for (unsigned long i = 0; i < 400000000UL; i++)
        x += i * i;
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    pthread_t t[64];
    if (n < 1 || n > 64)
        return 2;
    for (int i = 0; i < n; i++)
        if (pthread_create(&t[i], NULL, work, NULL) != 0)
            return 1;
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    return 0;
}
