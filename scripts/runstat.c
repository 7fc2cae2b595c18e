/* runstat.c: a benchmark helper for scripts/bench.sh. `runstat N CMD ARGS...` runs CMD N times
 * (stdout to /dev/null) and prints "WALL_S CPU_S MAXRSS_KB": the least wall time, the least
 * CPU time (user + system; steadier on a shared machine) and the largest peak RSS. Written in C so
 * the measured child starts from a small process image (a fork of Python would count
 * Python's memory as the child's peak RSS: Linux keeps a process's peak across exec). Exits 1
 * if any run fails. With RUNSTAT_OUT=FILE in the environment the child's stdout goes to FILE
 * (truncated each run) instead of /dev/null, for scripts/bench_compare.py to compare outputs. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: runstat N CMD [ARGS...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    double best = -1, best_cpu = -1;
    long max_rss = 0;
    for (int i = 0; i < runs; i++) {
        double t0 = now();
        pid_t pid = fork();
        if (pid == 0) {
            const char *to = getenv("RUNSTAT_OUT");
            int null = to ? open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600) : open("/dev/null", O_WRONLY);
            if (null >= 0) dup2(null, 1);
            execvp(argv[2], argv + 2);
            _exit(127);
        }
        int status;
        struct rusage ru;
        if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "runstat: %s failed\n", argv[2]);
            return 1;
        }
        double t = now() - t0;
        double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                     (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
        if (best < 0 || t < best) best = t;
        if (best_cpu < 0 || cpu < best_cpu) best_cpu = cpu;
        if (ru.ru_maxrss > max_rss) max_rss = ru.ru_maxrss;
    }
    printf("%.6f %.6f %ld\n", best, best_cpu, max_rss);
    return 0;
}
