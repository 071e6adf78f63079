/* Internal: what the null models (nullmodel.c), the statistics
 * (statistics.c) and the ensembles (ensemble.c, on the replicate runner
 * core/parallel.h) share.
 *
 * Everything here works on libecosys's own flat arrays (uint32 vertex
 * indices), never calls igraph and never allocates once set up: a worker
 * thread owns one ecosys_i_sampler and one ecosys_i_stat_scratch, allocated
 * by the calling thread before the workers start, and draws replicate after
 * replicate into them. The observed graph (ecosys_i_null_graph) is shared
 * read-only by every worker. */
#ifndef ECOSYS_DYNAMICS_NULLMODEL_INTERNAL_H
#define ECOSYS_DYNAMICS_NULLMODEL_INTERNAL_H

#include "ecosys/nullmodel.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* An open-addressing set of dyad keys (u n + v), shared by the uniform
 * model (nullmodel.c) and the wave change model (wave_test.c): linear
 * probing with a multiplicative (Fibonacci) hash into a table of a power
 * of 2 slots, at most half full; an empty slot holds ECOSYS_I_EMPTY_KEY.
 * @p mask: capacity - 1; @p shift: 64 - log2(capacity). */
#define ECOSYS_I_EMPTY_KEY UINT64_MAX

static inline size_t ecosys_i_dyad_slot(uint64_t key, unsigned int shift)
{
    return (size_t) ((key * UINT64_C(0x9E3779B97F4A7C15)) >> shift);
}

/* Inserts @p key; returns 1 if it was new, 0 if present. */
static inline int ecosys_i_dyad_set_insert(uint64_t *table, size_t mask, unsigned int shift,
                                           uint64_t key)
{
    size_t i = ecosys_i_dyad_slot(key, shift);
    while (table[i] != ECOSYS_I_EMPTY_KEY) {
        if (table[i] == key)
            return 0;
        i = (i + 1) & mask;
    }
    table[i] = key;
    return 1;
}

/* Non-zero if @p key is in the set. */
static inline int ecosys_i_dyad_set_contains(const uint64_t *table, size_t mask,
                                             unsigned int shift, uint64_t key)
{
    size_t i = ecosys_i_dyad_slot(key, shift);
    while (table[i] != ECOSYS_I_EMPTY_KEY) {
        if (table[i] == key)
            return 1;
        i = (i + 1) & mask;
    }
    return 0;
}

/* The observed graph as the ensembles read it. */
typedef struct ecosys_i_null_graph {
    size_t n, m;
    int directed;
    uint32_t *src, *dst;    /* m edges; undirected: src < dst */
    size_t *row_start;      /* n + 1 offsets of the swap rows (rewiring only) */
    uint32_t *row;          /* swap rows: undirected every neighbour (2m), directed out-neighbours (m) */
    const size_t *groups;   /* n groups, or NULL (borrowed from the partition) */
    size_t group_count;
} ecosys_i_null_graph;

/* Builds @p g from @p graph; @p rows: also the swap rows. Returns 0,
 * ECOSYS_ENOMEM or ECOSYS_EUNSUPPORTED (2^32 vertices or ties), with the
 * last error set; on error @p g is left empty. */
int ecosys_i_null_graph_init(ecosys_i_null_graph *g, const ecosys_graph *graph,
                             const ecosys_partition *partition, int rows);
void ecosys_i_null_graph_destroy(ecosys_i_null_graph *g);

/* A worker's sample: the current graph and the model's scratch. */
typedef struct ecosys_i_sampler {
    uint32_t *src, *dst; /* m: the sampled edges (undirected: normalised src < dst) */
    uint32_t *row;       /* rewiring: the swap rows (same layout as the observed graph's) */
    uint64_t *table;     /* uniform: open-addressing set of dyad keys */
    size_t table_mask;   /* its capacity - 1 (capacity a power of 2) */
    unsigned int table_shift; /* 64 - log2(capacity): the hash keeps the top bits */
    size_t *labels;      /* permutation: the shuffled groups (n) */
    size_t accepted;     /* rewiring: swaps accepted by the last draw */
} ecosys_i_sampler;

/* Allocates what @p model needs for graphs like @p g. 0 or ECOSYS_ENOMEM
 * (last error set); on error @p s is left empty. */
int ecosys_i_sampler_init(ecosys_i_sampler *s, const ecosys_i_null_graph *g,
                          ecosys_null_model model);
void ecosys_i_sampler_destroy(ecosys_i_sampler *s);

/* Draws replicate @p r (stream @p r of @p seed) of @p model into @p s.
 * Rewiring makes @p attempts swap attempts and polls @p cancel every 2^16
 * of them. Returns 0, or ECOSYS_ECANCELLED (without setting the last
 * error: it may run in a worker). Never allocates. */
int ecosys_i_sampler_draw(ecosys_i_sampler *s, const ecosys_i_null_graph *g,
                          ecosys_null_model model, uint64_t seed, size_t r, size_t attempts,
                          const atomic_int *cancel);

/* Scratch of the statistics. */
typedef struct ecosys_i_stat_scratch {
    size_t *start;   /* n + 1: undirected simple CSR (direction ignored) */
    uint32_t *nbr;   /* 2m */
    uint32_t *stamp; /* n: triangle marks */
    uint64_t *tri;   /* n: triangles at each vertex */
    size_t *degree;  /* n */
    double *mass;    /* 2k: assortativity's row and column sums */
} ecosys_i_stat_scratch;

/* What a set of statistics needs. */
enum ecosys_i_stat_needs {
    ECOSYS_I_NEED_CSR = 1u << 0,
    ECOSYS_I_NEED_TRI = 1u << 1,
    ECOSYS_I_NEED_DEGREE = 1u << 2,
    ECOSYS_I_NEED_GROUPS = 1u << 3
};

/* The needs of @p count statistics (ECOSYS_I_NEED_*). */
unsigned int ecosys_i_stat_needs(const ecosys_statistic *stats, size_t count);

/* Allocates the scratch for @p needs on graphs of @p n vertices and @p m
 * edges, @p k groups. 0 or ECOSYS_ENOMEM (last error set). */
int ecosys_i_stat_scratch_init(ecosys_i_stat_scratch *sc, size_t n, size_t m, size_t k,
                               unsigned int needs);
void ecosys_i_stat_scratch_destroy(ecosys_i_stat_scratch *sc);

/* A sorted undirected CSR built elsewhere (undirected rewiring's rows). */
typedef struct ecosys_i_csr {
    const size_t *start;
    uint32_t *nbr; /* rows are sorted in place if @c sorted is 0 */
    int sorted;
} ecosys_i_csr;

/* Computes @p count statistics of @p view into @p values. @p csr: the
 * graph's rows if the caller has them (undirected only), else NULL (built
 * in the scratch when needed). Returns 0, or ECOSYS_ECOMPUTE when a custom
 * statistic returned non-zero: *failed_stat and *failed_code then say
 * which and what (the last error is not set: it may run in a worker). */
int ecosys_i_statistics_compute(double *values, const ecosys_statistic *stats, size_t count,
                                const ecosys_graph_view *view, ecosys_i_stat_scratch *sc,
                                const ecosys_i_csr *csr, size_t *failed_stat,
                                int *failed_code);

/* Non-zero if statistic @p kind depends on the partition's labels, i.e.
 * varies under the label-permutation model (custom: always assumed). */
int ecosys_i_stat_uses_labels(ecosys_statistic_kind kind);

/* Sorts @p count vertex indices in increasing order. */
void ecosys_i_sort_u32(uint32_t *items, size_t count);

/* The reduction of ecosys_null_test_run(): result @p res of statistic @p s
 * from the R x S @p samples (NaN = undefined) and the observed value, as
 * documented at ecosys_null_result (fills every field but kind,
 * replicates and seed). */
void ecosys_i_null_reduce(ecosys_null_result *res, const double *samples, size_t R, size_t S,
                          size_t s, double observed);

/* ---- ensembles of an internal model ----------------------------------------------
 * A null model that is not one of ecosys_null_model (the wave tests' random
 * placement of a change, lib/dynamics/wave_test.c) runs on the same replicate
 * runner (core/parallel.h): same streams (replicate r draws from stream r of the seed), same
 * threads, progress and cancellation, same statistics. */
typedef struct ecosys_i_ensemble_model {
    size_t actor_count;  /* n of every replicate */
    size_t tie_count;    /* the most edges a replicate has (sizes the scratch) */
    int directed;
    const size_t *groups; /* n groups, or NULL */
    size_t group_count;
    size_t worker_size;  /* bytes of a worker's state, zeroed, then worker_init() */
    /* Allocates a worker's arrays, in the calling thread: 0, or
     * ECOSYS_ENOMEM with the last error set. worker_destroy() is then called
     * whatever it returned. */
    int (*worker_init)(void *state, const void *context);
    void (*worker_destroy)(void *state);
    /* Draws replicate @p r (stream @p r of @p seed) into view->sources,
     * targets and tie_count (arrays of @p state); the other fields are set.
     * Never allocates, never sets the last error (it runs in workers);
     * returns 0 or ECOSYS_ECANCELLED if it saw @p cancel set. */
    int (*draw)(ecosys_graph_view *view, void *state, const void *context, uint64_t seed,
                size_t r, const atomic_int *cancel);
    const void *context; /* read-only, shared by the workers */
} ecosys_i_ensemble_model;

/* Runs options->replicates replicates of @p model on options->threads
 * threads (0: one per core), computes the @p count statistics of each into
 * the R x S @p samples (row r for replicate r), reporting progress and
 * honouring cancellation as ecosys_null_test_run() does. Returns 0,
 * ECOSYS_ENOMEM, ECOSYS_ECANCELLED or ECOSYS_ECOMPUTE (a custom statistic
 * failed) with the last error set; *threads_used (may be NULL) receives the
 * threads that ran. */
int ecosys_i_ensemble_run(double *samples, const ecosys_i_ensemble_model *model,
                          const ecosys_statistic *stats, size_t count,
                          const ecosys_null_options *options, unsigned int *threads_used);

#endif
