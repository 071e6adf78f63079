/* Internal: the pieces of a wave comparison (ecosys/waves.h) shared by
 * lib/dynamics/waves.c (union of actors, tie classification, triad
 * closure) and lib/dynamics/wave_changes.c (groups, axes, graph-level
 * measures). */
#ifndef ECOSYS_DYNAMICS_WAVES_INTERNAL_H
#define ECOSYS_DYNAMICS_WAVES_INTERNAL_H

#include "core/alloc.h"
#include "ecosys/waves.h"

#include <stddef.h>

/* A tie as a pair of union actor indices (a < b if undirected). */
typedef struct ecosys_i_pair {
    size_t a;
    size_t b;
} ecosys_i_pair;

/* qsort comparator of pairs, lexicographic. */
int ecosys_i_pair_compare(const void *x, const void *y);

/* Non-zero if @p p is in the sorted, distinct @p pairs. O(log count). */
int ecosys_i_pair_find(const ecosys_i_pair *pairs, size_t count, ecosys_i_pair p);

/* The working state of one comparison. Index 0 is the before wave, 1 the
 * after wave. */
typedef struct ecosys_i_waves_work {
    const ecosys_graph *graph[2];
    const ecosys_dataset *dataset[2];
    const ecosys_graph_options *snapshot[2]; /* may be NULL */
    int directed;
    size_t n[2];            /* vertices of each graph */
    size_t union_count;     /* N */
    size_t *to_union[2];    /* vertex -> union index */
    size_t *from_union[2];  /* union index -> vertex, or SIZE_MAX */
    ecosys_i_pair *edges[2]; /* sorted ties of each wave, union indices */
    size_t m[2];
} ecosys_i_waves_work;


/* Gives each of the @p n @p names a number, the distinct names numbered in
 * order of first appearance; *out_names receives malloc'ed copies of the
 * distinct names (free each, then the array) and *out_count their number.
 * O(n log n) comparisons. Returns 0 or ECOSYS_ENOMEM. */
int ecosys_i_unify_names(size_t *ids, char ***out_names, size_t *out_count,
                         const char *const *names, size_t n);

/* Fills out->actor_group, group_names and group_count from the options
 * (attribute or the two partitions). */
int ecosys_i_waves_groups(ecosys_waves *out, const ecosys_i_waves_work *w,
                          const ecosys_waves_options *o);

/* Fills out->axis_names, axis_count and the by_axis counts of the three
 * tie sets (allocated here). */
int ecosys_i_waves_axes(ecosys_waves *out, const ecosys_i_waves_work *w);

/* Fills out->measures for both waves over the groups of out->actor_group. */
int ecosys_i_waves_measures(ecosys_waves *out, const ecosys_i_waves_work *w, unsigned int flags);

#endif
