/*
 * bench_ecosys - the libecosys side of the benchmark: the same steps as
 * raw_igraph (load, then each measure), through the public API only, with
 * the same output so that bench/run_bench.sh can put them side by side.
 *
 * Usage: bench_ecosys [--no-betweenness] [--only STEP,...] DATASET
 *
 *   # bench_ecosys DATASET
 *   STEP SECONDS PEAK_KIB
 *
 * "load" is ecosys_dataset_read() plus ecosys_graph_new() (the same graph
 * raw_igraph builds: every actor a vertex, self-ties and zero-weight ties
 * dropped, repeated ties summed). Strength, eigenvector and PageRank use the
 * weights, as raw_igraph does; path measures count hops. PEAK_KIB is the
 * process's peak resident set (VmHWM) after the step.
 */
#define _POSIX_C_SOURCE 200809L

#include <ecosys.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

static long peak_rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kib = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kib;
}

static int check(int rc, const char *step)
{
    if (rc) {
        const ecosys_error *e = ecosys_error_last();
        fprintf(stderr, "bench_ecosys: %s: %s:%zu:%zu: %s\n", step, e->source, e->line,
                e->column, e->message);
        exit(1);
    }
    return rc;
}

static const char *only;   /* comma-separated step list, or NULL: all */
static int no_betweenness;

static int wanted(const char *step)
{
    if (no_betweenness && strcmp(step, "betweenness") == 0)
        return 0;
    if (!only)
        return 1;
    size_t n = strlen(step);
    for (const char *p = only; (p = strstr(p, step)) != NULL; p += n)
        if ((p == only || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return 1;
    return 0;
}

#define STEP(name, call)                                                 \
    do {                                                                 \
        if (wanted(name)) {                                              \
            double t0 = now_s();                                         \
            check((call), name);                                         \
            printf("%s %.6f %ld\n", name, now_s() - t0, peak_rss_kib()); \
            fflush(stdout);                                              \
        }                                                                \
    } while (0)

int main(int argc, char **argv)
{
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--no-betweenness") == 0)
            no_betweenness = 1;
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (argv[i][0] != '-')
            path = argv[i];
        else {
            fprintf(stderr, "usage: bench_ecosys [--no-betweenness] [--only STEP,...] DATASET\n");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "usage: bench_ecosys [--no-betweenness] [--only STEP,...] DATASET\n");
        return 2;
    }
    printf("# bench_ecosys %s\n", path);

    ecosys_dataset *ds = NULL;
    ecosys_graph *g = NULL;
    double t0 = now_s();
    check(ecosys_dataset_read(&ds, path, ECOSYS_FORMAT_AUTO), "load");
    check(ecosys_graph_new(&g, ds, NULL), "load");
    printf("load %.6f %ld\n", now_s() - t0, peak_rss_kib());
    fflush(stdout);

    size_t n = ecosys_graph_actor_count(g);
    double *x = malloc((n ? n : 1) * sizeof *x);
    size_t *k = malloc((n ? n : 1) * sizeof *k);
    if (!x || !k)
        return 1;
    ecosys_index_list points = {NULL, 0};
    ecosys_pair_list bridges = {NULL, NULL, 0};
    ecosys_structure s;

    STEP("degree", ecosys_degree(x, g, 0));
    STEP("strength", ecosys_strength(x, g, 0));
    STEP("betweenness", ecosys_betweenness(x, g, 0));
    STEP("closeness", ecosys_closeness(x, g, 0));
    STEP("harmonic", ecosys_harmonic(x, g, 0));
    STEP("eigenvector", ecosys_eigenvector(x, g, ECOSYS_WEIGHTED));
    STEP("pagerank", ecosys_pagerank(x, g, 0.85, ECOSYS_WEIGHTED));
    STEP("local_clustering", ecosys_local_clustering(x, g, 0));
    STEP("coreness", ecosys_core_number(k, g, 0));
    STEP("components", ecosys_components(k, NULL, g));
    STEP("articulation_points", ecosys_articulation_points(&points, g));
    STEP("bridges", ecosys_bridges(&bridges, g));
    STEP("structure_no_paths", ecosys_structure_compute(&s, g, ECOSYS_NO_PATHS));
    STEP("structure", ecosys_structure_compute(&s, g, 0));

    ecosys_index_list_dispose(&points);
    ecosys_pair_list_dispose(&bridges);
    free(x);
    free(k);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    return 0;
}
