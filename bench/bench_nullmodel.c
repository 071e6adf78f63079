/*
 * bench_nullmodel - the libecosys side of the null-model benchmark (issue 5,
 * point 7; bench/run_nullmodel.sh): R degree-preserving rewiring replicates
 * of a synthetic ecosystem with the E-I index over sectors and the global
 * transitivity tested on each, through the public API only.
 *
 * Usage: bench_nullmodel [--replicates R] [--threads T] [--seed S]
 *                        [--swaps-per-tie Q] DATASET
 *
 *   # bench_nullmodel DATASET ...
 *   load SECONDS PEAK_KIB
 *   partition SECONDS PEAK_KIB
 *   rewiring_R_tT SECONDS PEAK_KIB
 *   # ...            (the null means, acceptance, CPU time: comments)
 *
 * the "STEP SECONDS PEAK_KIB" lines bench/compare.py reads. "load" is
 * ecosys_dataset_read() plus ecosys_graph_new() (every actor a vertex,
 * self-ties and zero-weight ties dropped, repeated ties summed: the graph
 * bench/peers_nullmodel.py builds with NetworkX); "partition" is
 * ecosys_partition_by_attribute(graph, "sector"); rewiring_R_tT is one
 * ecosys_null_test_run() with ECOSYS_NULL_REWIRING, the statistics
 * ECOSYS_STATISTIC_EI_INDEX and ECOSYS_STATISTIC_TRANSITIVITY, R replicates
 * (default 1000), seed S (default 1), T worker threads (default 1; 0: one
 * per core) and Q swap attempts per tie (default 10, the library's). It
 * includes the observed values, every replicate's draw and statistics and
 * the reduction. SECONDS are wall-clock (the point of T); PEAK_KIB is the
 * process's peak resident set (VmHWM) after the step.
 *
 * The comment lines after the step give, for a sanity check against
 * NetworkX, each statistic's observed value, null mean, sd and z, the swap
 * attempts per replicate, the acceptance (the share of attempts that
 * swapped: bench/run_nullmodel.sh passes it to the NetworkX peer so that
 * both make the same number of accepted swaps), and the process's CPU time
 * during the step.
 */
#define _POSIX_C_SOURCE 200809L

#include <ecosys.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_clock.h"

static void check(int rc, const char *step)
{
    if (rc) {
        const ecosys_error *e = ecosys_error_last();
        fprintf(stderr, "bench_nullmodel: %s: %s:%zu:%zu: %s\n", step, e->source, e->line,
                e->column, e->message);
        exit(1);
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: bench_nullmodel [--replicates R] [--threads T] [--seed S] "
                    "[--swaps-per-tie Q] DATASET\n");
    exit(2);
}

/* A non-negative integer option value, or usage(). */
static unsigned long long parse_count(const char *s)
{
    char *end;
    if (!s || *s == '-' || *s == '\0')
        usage();
    unsigned long long v = strtoull(s, &end, 10);
    if (*end != '\0')
        usage();
    return v;
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    size_t replicates = 1000;
    unsigned int threads = 1;
    uint64_t seed = 1;
    double swaps_per_tie = ECOSYS_NULL_DEFAULT_SWAPS_PER_TIE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--replicates") == 0) {
            replicates = (size_t) parse_count(v);
            i++;
        } else if (strcmp(a, "--threads") == 0) {
            threads = (unsigned int) parse_count(v);
            i++;
        } else if (strcmp(a, "--seed") == 0) {
            seed = (uint64_t) parse_count(v);
            i++;
        } else if (strcmp(a, "--swaps-per-tie") == 0) {
            char *end;
            if (!v)
                usage();
            swaps_per_tie = strtod(v, &end);
            if (*end != '\0' || !(swaps_per_tie > 0))
                usage();
            i++;
        } else if (a[0] != '-' && !path) {
            path = a;
        } else {
            usage();
        }
    }
    if (!path || replicates == 0)
        usage();
    printf("# bench_nullmodel %s replicates %zu threads %u seed %llu swaps_per_tie %g\n", path,
           replicates, threads, (unsigned long long) seed, swaps_per_tie);

    ecosys_dataset *ds = NULL;
    ecosys_graph *g = NULL;
    ecosys_partition *p = NULL;
    double t0 = bench_clock_s(CLOCK_MONOTONIC);
    check(ecosys_dataset_read(&ds, path, ECOSYS_FORMAT_AUTO), "load");
    check(ecosys_graph_new(&g, ds, NULL), "load");
    printf("load %.6f %ld\n", bench_clock_s(CLOCK_MONOTONIC) - t0, peak_rss_kib());
    printf("# %zu actors, %zu ties\n", ecosys_graph_actor_count(g), ecosys_graph_tie_count(g));
    fflush(stdout);

    t0 = bench_clock_s(CLOCK_MONOTONIC);
    check(ecosys_partition_by_attribute(&p, g, "sector"), "partition");
    printf("partition %.6f %ld\n", bench_clock_s(CLOCK_MONOTONIC) - t0, peak_rss_kib());
    fflush(stdout);

    const ecosys_statistic statistics[2] = {
        {ECOSYS_STATISTIC_EI_INDEX, NULL, NULL},
        {ECOSYS_STATISTIC_TRANSITIVITY, NULL, NULL},
    };
    ecosys_null_options o;
    check(ecosys_null_options_init(&o, ECOSYS_NULL_OPTIONS_VERSION), "options");
    o.model = ECOSYS_NULL_REWIRING;
    o.replicates = replicates;
    o.seed = seed;
    o.threads = threads;
    o.swaps_per_tie = swaps_per_tie;

    ecosys_null_test test;
    char step[64];
    snprintf(step, sizeof step, "rewiring_%zu_t%u", replicates, threads);
    double cpu0 = bench_clock_s(CLOCK_PROCESS_CPUTIME_ID);
    t0 = bench_clock_s(CLOCK_MONOTONIC);
    check(ecosys_null_test_run(&test, g, p, statistics, 2, &o), step);
    double wall = bench_clock_s(CLOCK_MONOTONIC) - t0;
    double cpu = bench_clock_s(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    printf("%s %.6f %ld\n", step, wall, peak_rss_kib());
    printf("# threads used %u, cpu seconds %.3f (%.2f cores busy on average)\n", test.threads,
           cpu, wall > 0 ? cpu / wall : 0.0);
    printf("# swap attempts per replicate %zu, acceptance %.6f, seconds per replicate %.6f\n",
           test.swap_attempts, test.acceptance, wall / (double) replicates);
    for (size_t s = 0; s < test.statistic_count; s++) {
        const ecosys_null_result *r = &test.results[s];
        printf("# %s observed %.9g null mean %.9g sd %.6g z %.4g (valid %zu of %zu)\n",
               ecosys_null_statistic_name(r->kind), r->observed, r->mean, r->sd, r->z, r->valid,
               r->replicates);
    }

    ecosys_null_test_dispose(&test);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    return 0;
}
