/*
 * bench_ecosys - the libecosys side of the benchmark: the same steps as
 * raw_igraph (load, then each measure), through the public API only, with
 * the same output so that bench/run_bench.sh can put them side by side.
 *
 * Usage: bench_ecosys [--no-betweenness] [--only STEP,...] [--verbose] DATASET
 *
 *   # bench_ecosys DATASET
 *   STEP SECONDS PEAK_KIB
 *
 * "load" is ecosys_dataset_read() plus ecosys_graph_new() (the same graph
 * raw_igraph builds: every actor a vertex, self-ties and zero-weight ties
 * dropped, repeated ties summed). Strength, eigenvector and PageRank use the
 * weights, as raw_igraph does; path measures count hops. PEAK_KIB is the
 * process's peak resident set (VmHWM) after the step.
 *
 * The "across sectors" steps (bench/run_sectors.sh) use libecosys's
 * defaults, unweighted, over the partition by sector: partition
 * (ecosys_partition_by_attribute), mixing_matrix, ei_index (network and
 * group level with the exact null), ei_index_actors, assortativity, blau,
 * constraint, effective_size (alone), structural_holes (constraint,
 * effective size, efficiency and hierarchy in one pass), brokerage_roles,
 * leiden and louvain (seed 1, detection only: the modularity is not asked
 * for), modularity (of the sector partition), participation and
 * within_module_z (over sectors). The partition is built untimed when a
 * step needs it and "partition" is not asked for. --verbose prints a check
 * value of each of these steps on stderr (to compare with the peers).
 */
#define _POSIX_C_SOURCE 200809L

#include <ecosys.h>

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_clock.h"

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
static int verbose;

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
            double step_t0 = now_s();                                    \
            check((call), name);                                         \
            printf("%s %.6f %ld\n", name, now_s() - step_t0,             \
                   peak_rss_kib());                                      \
            fflush(stdout);                                              \
        }                                                                \
    } while (0)

static double mean_defined(const double *x, size_t n)
{
    double sum = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] == x[i]) {
            sum += x[i];
            k++;
        }
    return k ? sum / (double) k : NAN;
}

/* The "across sectors" steps, over the partition by sector; x holds one
 * double per actor. */
static void sector_steps(const ecosys_graph *g, double *x)
{
    static const char *const NEED_PARTITION[] = {
        "mixing_matrix", "ei_index", "ei_index_actors", "assortativity", "blau",
        "brokerage_roles", "modularity", "participation", "within_module_z",
    };
    size_t n = ecosys_graph_actor_count(g);
    ecosys_partition *p = NULL;
    if (wanted("partition")) {
        STEP("partition", ecosys_partition_by_attribute(&p, g, "sector"));
    } else {
        for (size_t i = 0; i < sizeof NEED_PARTITION / sizeof *NEED_PARTITION; i++)
            if (wanted(NEED_PARTITION[i])) {
                check(ecosys_partition_by_attribute(&p, g, "sector"), "partition");
                break;
            }
    }
    if (p && verbose)
        fprintf(stderr, "partition: %zu groups\n", ecosys_partition_group_count(p));

    ecosys_mixing_matrix mm = {0};
    STEP("mixing_matrix", ecosys_mixing_matrix_compute(&mm, g, p));
    if (verbose && mm.ties)
        fprintf(stderr, "mixing_matrix: cell (0,0) %.17g ties\n", mm.ties[0]);
    ecosys_mixing_matrix_dispose(&mm);

    ecosys_ei_index ei = {0};
    STEP("ei_index", ecosys_ei_index_compute(&ei, g, p, 0));
    if (verbose && ei.group_ei_index)
        fprintf(stderr, "ei_index: %.17g (E %.17g, I %.17g, expected %.17g, z %.17g)\n",
                ei.ei_index, ei.external, ei.internal, ei.expected, ei.z);
    ecosys_ei_index_dispose(&ei);

    STEP("ei_index_actors", ecosys_ei_index_actors(x, g, p, 0));
    if (verbose && wanted("ei_index_actors"))
        fprintf(stderr, "ei_index_actors: mean %.17g\n", mean_defined(x, n));

    double r = 0;
    STEP("assortativity", ecosys_assortativity_nominal(&r, g, p, 0));
    if (verbose && wanted("assortativity"))
        fprintf(stderr, "assortativity: %.17g\n", r);

    STEP("blau", ecosys_blau(x, g, p, 0));
    if (verbose && wanted("blau"))
        fprintf(stderr, "blau: mean %.17g\n", mean_defined(x, n));

    STEP("constraint", ecosys_constraint(x, g, 0));
    if (verbose && wanted("constraint"))
        fprintf(stderr, "constraint: a0 %.17g, a1 %.17g\n", n > 0 ? x[0] : NAN,
                n > 1 ? x[1] : NAN);

    STEP("effective_size", ecosys_effective_size(x, g, 0));
    if (verbose && wanted("effective_size"))
        fprintf(stderr, "effective_size: mean %.17g\n", mean_defined(x, n));

    ecosys_structural_holes holes = {0};
    STEP("structural_holes", ecosys_structural_holes_compute(&holes, g, 0));
    ecosys_structural_holes_dispose(&holes);

    ecosys_brokerage br = {0};
    STEP("brokerage_roles", ecosys_brokerage_roles(&br, g, p, 0));
    if (verbose && br.raw)
        fprintf(stderr, "brokerage_roles: totals %llu %llu %llu %llu %llu %llu\n",
                (unsigned long long) br.graph_raw[0], (unsigned long long) br.graph_raw[1],
                (unsigned long long) br.graph_raw[2], (unsigned long long) br.graph_raw[3],
                (unsigned long long) br.graph_raw[4], (unsigned long long) br.graph_raw[5]);
    ecosys_brokerage_dispose(&br);

    ecosys_partition *c = NULL;
    double q = 0;
    STEP("leiden", ecosys_leiden(&c, NULL, g, NULL));
    if (verbose && c) {
        check(ecosys_modularity(&q, g, c, 1.0, 0), "leiden");
        fprintf(stderr, "leiden: %zu communities, modularity %.17g\n",
                ecosys_partition_group_count(c), q);
    }
    ecosys_partition_free(c);
    c = NULL;
    STEP("louvain", ecosys_louvain(&c, NULL, g, NULL));
    if (verbose && c) {
        check(ecosys_modularity(&q, g, c, 1.0, 0), "louvain");
        fprintf(stderr, "louvain: %zu communities, modularity %.17g\n",
                ecosys_partition_group_count(c), q);
    }
    ecosys_partition_free(c);

    STEP("modularity", ecosys_modularity(&q, g, p, 1.0, 0));
    if (verbose && wanted("modularity"))
        fprintf(stderr, "modularity (sectors): %.17g\n", q);

    STEP("participation", ecosys_participation(x, g, p, 0));
    if (verbose && wanted("participation"))
        fprintf(stderr, "participation: mean %.17g\n", mean_defined(x, n));
    STEP("within_module_z", ecosys_within_module_z(x, g, p, 0));

    ecosys_partition_free(p);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--no-betweenness") == 0)
            no_betweenness = 1;
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--verbose") == 0)
            verbose = 1;
        else if (argv[i][0] != '-')
            path = argv[i];
        else {
            fprintf(stderr, "usage: bench_ecosys [--no-betweenness] [--only STEP,...] [--verbose] DATASET\n");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "usage: bench_ecosys [--no-betweenness] [--only STEP,...] [--verbose] DATASET\n");
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

    sector_steps(g, x);

    ecosys_index_list_dispose(&points);
    ecosys_pair_list_dispose(&bridges);
    free(x);
    free(k);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    return 0;
}
