/* The resilience benchmark (bench/run_resilience.sh): a static degree
 * attack, an adaptive degree attack and R random replicates on a dataset,
 * timed through the public API.
 *
 *     bench_resilience [--replicates R] [--threads T] DATASET_DIR
 *
 * Prints one line per step, "STEP SECONDS", wall-clock, then "# R = ..."
 * comments with the robustness of each (to check against the peer). */
#define _POSIX_C_SOURCE 200809L
#include <ecosys.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_clock.h"

static int fail(int rc)
{
    fprintf(stderr, "bench_resilience: %s\n", ecosys_error_last()->message);
    return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
    size_t replicates = 100;
    unsigned int threads = 1;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--replicates") == 0 && i + 1 < argc)
            replicates = (size_t) strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = (unsigned int) strtoul(argv[++i], NULL, 10);
        else
            dir = argv[i];
    }
    if (!dir || replicates == 0) {
        fprintf(stderr, "usage: bench_resilience [--replicates R] [--threads T] DATASET_DIR\n");
        return 2;
    }
    ecosys_dataset *ds = NULL;
    ecosys_graph *g = NULL;
    double t0 = bench_clock_s(CLOCK_MONOTONIC);
    int rc = ecosys_dataset_read(&ds, dir, ECOSYS_FORMAT_AUTO);
    if (!rc)
        rc = ecosys_graph_new(&g, ds, NULL);
    if (rc)
        return fail(rc);
    printf("load_and_graph %.6f\n", bench_clock_s(CLOCK_MONOTONIC) - t0);

    struct {
        const char *name;
        ecosys_removal_strategy strategy;
        int adaptive;
    } steps[] = {{"static_degree", ECOSYS_REMOVAL_DEGREE, 0},
                 {"adaptive_degree", ECOSYS_REMOVAL_DEGREE, 1},
                 {"random", ECOSYS_REMOVAL_RANDOM, 0}};
    double robustness[3];
    for (int s = 0; s < 3; s++) {
        ecosys_resilience_options o;
        ecosys_resilience_options_init(&o, ECOSYS_RESILIENCE_OPTIONS_VERSION);
        o.strategy = steps[s].strategy;
        o.adaptive = steps[s].adaptive;
        o.replicates = replicates;
        o.threads = threads;
        o.seed = 1;
        ecosys_resilience r;
        t0 = bench_clock_s(CLOCK_MONOTONIC);
        if ((rc = ecosys_resilience_run(&r, g, &o)))
            return fail(rc);
        double seconds = bench_clock_s(CLOCK_MONOTONIC) - t0;
        if (steps[s].strategy == ECOSYS_REMOVAL_RANDOM)
            printf("random_%zu_t%u %.6f\n", replicates, threads, seconds);
        else
            printf("%s %.6f\n", steps[s].name, seconds);
        robustness[s] = r.robustness;
        ecosys_resilience_dispose(&r);
    }
    printf("# actors %zu ties %zu\n", ecosys_graph_actor_count(g), ecosys_graph_tie_count(g));
    printf("# R static_degree %.10f adaptive_degree %.10f random_mean %.10f\n", robustness[0],
           robustness[1], robustness[2]);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    return 0;
}
