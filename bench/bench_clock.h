/* What the benchmark programs share to measure a step: a clock and the
 * process's peak resident memory. Header-only, so that raw_igraph.c links
 * nothing of libecosys. */
#ifndef ECOSYS_BENCH_CLOCK_H
#define ECOSYS_BENCH_CLOCK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds on clock @p id (CLOCK_MONOTONIC: wall; CLOCK_PROCESS_CPUTIME_ID). */
static inline double bench_clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/* Wall-clock seconds, or the process's CPU seconds if the environment has
 * ECOSYS_BENCH_CLOCK=cpu (bench/run_sectors.sh: steadier on a loaded
 * machine; the steps timed this way run on one thread). */
static inline double now_s(void)
{
    static int cpu = -1;
    if (cpu < 0) {
        const char *c = getenv("ECOSYS_BENCH_CLOCK");
        cpu = c && strcmp(c, "cpu") == 0;
    }
    return bench_clock_s(cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC);
}

/* Peak resident set (VmHWM) in KiB, -1 if unknown. */
static inline long peak_rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kib = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(f);
    return kib;
}

#endif
