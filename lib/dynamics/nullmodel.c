/* The null models: the observed graph as flat arrays, and the draw of one
 * replicate of the conditional uniform graph, of a label permutation, or of
 * degree-preserving rewiring. See ecosys/nullmodel.h and docs/measures.md
 * "Null models and significance".
 *
 * Nothing here calls igraph (the observed edges are read from the graph's
 * arrays with plain memory reads) and draws never allocate: workers run
 * them in parallel, each on its own ecosys_i_sampler. */
#include "dynamics/nullmodel_internal.h"

#include "core/error.h"
#include "core/random.h"
#include "graph/partition_internal.h"
#include "measures/mixing_internal.h"

#include <stdlib.h>
#include <string.h>

const char *ecosys_null_model_name(ecosys_null_model model)
{
    switch (model) {
    case ECOSYS_NULL_UNIFORM:
        return "uniform";
    case ECOSYS_NULL_PERMUTATION:
        return "permutation";
    case ECOSYS_NULL_REWIRING:
        return "rewiring";
    }
    return NULL;
}

/* ---- the observed graph ---------------------------------------------------- */

void ecosys_i_null_graph_destroy(ecosys_i_null_graph *g)
{
    if (!g)
        return;
    free(g->src);
    free(g->dst);
    free(g->row_start);
    free(g->row);
    memset(g, 0, sizeof *g);
}

int ecosys_i_null_graph_init(ecosys_i_null_graph *g, const ecosys_graph *graph,
                             const ecosys_partition *partition, int rows)
{
    memset(g, 0, sizeof *g);
    size_t n = graph->info.actor_count, m = graph->info.tie_count;
    if (n >= UINT32_MAX || m >= UINT32_MAX)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED,
                              "null models: graphs of 2^32 vertices or ties are not supported");
    g->n = n;
    g->m = m;
    g->directed = graph->info.directed != 0;
    if (partition) {
        g->groups = ecosys_partition_membership(partition);
        g->group_count = ecosys_partition_group_count(partition);
    }
    g->src = ecosys_i_alloc_array(m, sizeof *g->src);
    g->dst = ecosys_i_alloc_array(m, sizeof *g->dst);
    if (!g->src || !g->dst)
        goto nomem;
    for (size_t e = 0; e < m; e++) {
        uint32_t s = (uint32_t) ecosys_i_edge_from(graph, e);
        uint32_t t = (uint32_t) ecosys_i_edge_to(graph, e);
        if (!g->directed && s > t) { /* the graph stores s < t; make sure */
            uint32_t swap = s;
            s = t;
            t = swap;
        }
        g->src[e] = s;
        g->dst[e] = t;
    }
    if (rows) {
        /* Counting sort of the arcs by their first end. The rows of the
         * swaps: undirected both ends, directed out-neighbours. Degrees
         * never change under rewiring, so these offsets serve every
         * replicate. */
        size_t arcs = g->directed ? m : 2 * m;
        g->row_start = calloc(n + 1, sizeof *g->row_start);
        g->row = ecosys_i_alloc_array(arcs, sizeof *g->row);
        size_t *fill = ecosys_i_alloc_array(n, sizeof *fill);
        if (!g->row_start || !g->row || !fill) {
            free(fill);
            goto nomem;
        }
        for (size_t e = 0; e < m; e++) {
            g->row_start[g->src[e] + 1]++;
            if (!g->directed)
                g->row_start[g->dst[e] + 1]++;
        }
        for (size_t v = 0; v < n; v++)
            g->row_start[v + 1] += g->row_start[v];
        memcpy(fill, g->row_start, n * sizeof *fill);
        for (size_t e = 0; e < m; e++) {
            g->row[fill[g->src[e]]++] = g->dst[e];
            if (!g->directed)
                g->row[fill[g->dst[e]]++] = g->src[e];
        }
        free(fill);
    }
    return 0;
nomem:
    ecosys_i_null_graph_destroy(g);
    return ecosys_i_error_nomem();
}

/* ---- a worker's sampler ------------------------------------------------------ */

void ecosys_i_sampler_destroy(ecosys_i_sampler *s)
{
    if (!s)
        return;
    free(s->src);
    free(s->dst);
    free(s->row);
    free(s->table);
    free(s->labels);
    memset(s, 0, sizeof *s);
}

/* Number of dyads: ordered pairs if directed, unordered otherwise. n < 2^32,
 * so n (n - 1) fits in 64 bits. */
static uint64_t dyad_count(size_t n, int directed)
{
    uint64_t pairs = n < 2 ? 0 : (uint64_t) n * (uint64_t) (n - 1);
    return directed ? pairs : pairs / 2;
}

int ecosys_i_sampler_init(ecosys_i_sampler *s, const ecosys_i_null_graph *g,
                          ecosys_null_model model)
{
    memset(s, 0, sizeof *s);
    if (model == ECOSYS_NULL_PERMUTATION) {
        if (!(s->labels = ecosys_i_alloc_array(g->n, sizeof *s->labels)))
            goto nomem;
        return 0;
    }
    s->src = ecosys_i_alloc_array(g->m, sizeof *s->src);
    s->dst = ecosys_i_alloc_array(g->m, sizeof *s->dst);
    if (!s->src || !s->dst)
        goto nomem;
    if (model == ECOSYS_NULL_REWIRING) {
        size_t arcs = g->directed ? g->m : 2 * g->m;
        if (!(s->row = ecosys_i_alloc_array(arcs, sizeof *s->row)))
            goto nomem;
    } else {
        /* The set holds the m dyads drawn, or the D - m left out when that
         * is fewer: at most half full. */
        uint64_t dyads = dyad_count(g->n, g->directed);
        uint64_t keys = g->m <= dyads / 2 ? g->m : dyads - g->m;
        size_t capacity = 16;
        unsigned int bits = 4;
        while (capacity < 2 * keys) {
            if (capacity > SIZE_MAX / 4)
                goto nomem;
            capacity *= 2;
            bits++;
        }
        s->table_shift = 64 - bits;
        if (!(s->table = ecosys_i_alloc_array(capacity, sizeof *s->table)))
            goto nomem;
        s->table_mask = capacity - 1;
    }
    return 0;
nomem:
    ecosys_i_sampler_destroy(s);
    return ecosys_i_error_nomem();
}

/* ---- uniform graph: m distinct dyads ------------------------------------------ */

/* A uniform dyad: u != v uniform, ordered if directed, else u < v (each
 * unordered pair has probability 2 / (n (n - 1))). */
static uint64_t draw_dyad(ecosys_i_rng *rng, size_t n, int directed, uint32_t *u, uint32_t *v)
{
    uint32_t a, b;
    do {
        a = (uint32_t) ecosys_i_rng_below(rng, n);
        b = (uint32_t) ecosys_i_rng_below(rng, n);
    } while (a == b);
    if (!directed && a > b) {
        uint32_t swap = a;
        a = b;
        b = swap;
    }
    *u = a;
    *v = b;
    return (uint64_t) a * n + b;
}

static void draw_uniform(ecosys_i_sampler *s, const ecosys_i_null_graph *g, ecosys_i_rng *rng)
{
    size_t n = g->n, m = g->m;
    uint64_t dyads = dyad_count(n, g->directed);
    if (m == 0)
        return;
    for (size_t i = 0; i <= s->table_mask; i++)
        s->table[i] = ECOSYS_I_EMPTY_KEY;
    if (m <= dyads / 2) {
        /* Rejection: at most half the dyads are taken, so at most two
         * draws per tie are expected. The ties come out in draw order. */
        size_t count = 0;
        while (count < m) {
            uint32_t u, v;
            uint64_t key = draw_dyad(rng, n, g->directed, &u, &v);
            if (ecosys_i_dyad_set_insert(s->table, s->table_mask, s->table_shift, key)) {
                s->src[count] = u;
                s->dst[count] = v;
                count++;
            }
        }
        return;
    }
    /* Dense: draw the D - m dyads left out, then list the others in
     * order; O(D) = O(m) since m > D / 2. */
    for (uint64_t left = dyads - m; left > 0;) {
        uint32_t u, v;
        uint64_t key = draw_dyad(rng, n, g->directed, &u, &v);
        if (ecosys_i_dyad_set_insert(s->table, s->table_mask, s->table_shift, key))
            left--;
    }
    size_t count = 0;
    for (uint32_t u = 0; u < n; u++) {
        for (uint32_t v = g->directed ? 0 : u + 1; v < n; v++) {
            if (u == v || ecosys_i_dyad_set_contains(s->table, s->table_mask, s->table_shift,
                                                     (uint64_t) u * n + v))
                continue;
            s->src[count] = u;
            s->dst[count] = v;
            count++;
        }
    }
}

/* ---- degree-preserving rewiring ----------------------------------------------- */

/* Non-zero if @p u is in the (unsorted) row [begin, end). */
static inline int row_has(const uint32_t *row, size_t begin, size_t end, uint32_t u)
{
    for (size_t i = begin; i < end; i++) {
        if (row[i] == u)
            return 1;
    }
    return 0;
}

/* Replaces @p old by @p new in the row [begin, end) (where it is). */
static inline void row_replace(uint32_t *row, size_t begin, size_t end, uint32_t old,
                               uint32_t new_)
{
    for (size_t i = begin; i < end; i++) {
        if (row[i] == old) {
            row[i] = new_;
            return;
        }
    }
}

/* Lemire's bounded integer on 32 bits: a uniform value below @p bound
 * (< 2^32) from the 32-bit word @p x, redrawing (rarely) from @p rng. */
static inline uint32_t below32(ecosys_i_rng *rng, uint32_t x, uint32_t bound)
{
    uint64_t product = (uint64_t) x * bound;
    uint32_t low = (uint32_t) product;
    if (low < bound) {
        uint32_t threshold = (uint32_t) (0u - bound) % bound;
        while (low < threshold) {
            product = (uint64_t) (uint32_t) (ecosys_i_rng_next(rng) >> 32) * bound;
            low = (uint32_t) product;
        }
    }
    return (uint32_t) (product >> 32);
}

#if defined(__GNUC__)
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void) 0)
#endif

/* One swap attempt's random choices: two edges and, undirected, which
 * pairing of their ends. */
typedef struct swap_draw {
    uint32_t i, j, flip;
} swap_draw;

typedef struct swap_source {
    ecosys_i_rng *rng;
    uint32_t bound;
    int directed;
    uint64_t bits;
    int bits_left;
} swap_source;

static inline swap_draw next_swap(swap_source *q)
{
    swap_draw d;
    /* One 64-bit draw gives both edges (32 bits each). */
    uint64_t word = ecosys_i_rng_next(q->rng);
    d.i = below32(q->rng, (uint32_t) (word >> 32), q->bound);
    d.j = below32(q->rng, (uint32_t) word, q->bound);
    d.flip = 0;
    if (!q->directed) {
        if (q->bits_left == 0) {
            q->bits = ecosys_i_rng_next(q->rng);
            q->bits_left = 64;
        }
        d.flip = (uint32_t) (q->bits & 1);
        q->bits >>= 1;
        q->bits_left--;
    }
    return d;
}

/* Attempts are drawn PIPELINE ahead of their use, so that the memory they
 * will touch can be prefetched: at distance PIPELINE the two edges, at
 * PIPELINE/2 the row offsets of their ends (read from the edges as they are
 * then: if a swap changes them meanwhile, the prefetch is only wasted), at
 * PIPELINE/4 the rows. The random choices are the same sequence whatever
 * the timing: results do not depend on it. */
#define PIPELINE 16

static int draw_rewiring(ecosys_i_sampler *s, const ecosys_i_null_graph *g, ecosys_i_rng *rng,
                         size_t attempts, const atomic_int *cancel)
{
    size_t m = g->m;
    int directed = g->directed;
    memcpy(s->src, g->src, m * sizeof *s->src);
    memcpy(s->dst, g->dst, m * sizeof *s->dst);
    memcpy(s->row, g->row, (directed ? m : 2 * m) * sizeof *s->row);
    s->accepted = 0;
    if (m < 2)
        return 0;
    const size_t *start = g->row_start;
    uint32_t *row = s->row, *src = s->src, *dst = s->dst;
    swap_source source = {rng, (uint32_t) m, directed, 0, 0};
    swap_draw ring[PIPELINE];
    for (size_t k = 0; k < PIPELINE; k++) {
        ring[k] = next_swap(&source);
        PREFETCH(src + ring[k].i);
        PREFETCH(dst + ring[k].i);
        PREFETCH(src + ring[k].j);
        PREFETCH(dst + ring[k].j);
    }
    size_t accepted = 0;
    for (size_t t = 0; t < attempts; t++) {
        if ((t & 0xFFFF) == 0 && atomic_load_explicit(cancel, memory_order_relaxed))
            return ECOSYS_ECANCELLED;
        swap_draw now = ring[t % PIPELINE];
        swap_draw later = ring[t % PIPELINE] = next_swap(&source);
        PREFETCH(src + later.i);
        PREFETCH(dst + later.i);
        PREFETCH(src + later.j);
        PREFETCH(dst + later.j);
        swap_draw half = ring[(t + PIPELINE / 2) % PIPELINE];
        PREFETCH(start + src[half.i]);
        PREFETCH(start + src[half.j]);
        PREFETCH(start + dst[half.i]);
        PREFETCH(start + dst[half.j]);
        swap_draw soon = ring[(t + PIPELINE / 4) % PIPELINE];
        PREFETCH(row + start[src[soon.i]]);
        PREFETCH(row + start[src[soon.j]]);
        PREFETCH(row + start[dst[soon.i]]);
        PREFETCH(row + start[dst[soon.j]]);

        uint32_t i = now.i, j = now.j;
        if (i == j)
            continue;
        uint32_t a = src[i], b = dst[i], c = src[j], d = dst[j];
        if (now.flip) { /* a-b, c-d -> a-c, d-b instead of a-d, c-b */
            uint32_t swap = c;
            c = d;
            d = swap;
        }
        /* New ties a-d and c-b: no loop, no repeat. (a = c or b = d make
         * one of them an existing tie, so they are refused here too.) */
        if (a == d || c == b)
            continue;
        if (row_has(row, start[a], start[a + 1], d) || row_has(row, start[c], start[c + 1], b))
            continue;
        row_replace(row, start[a], start[a + 1], b, d);
        row_replace(row, start[c], start[c + 1], d, b);
        if (!directed) {
            row_replace(row, start[b], start[b + 1], a, c);
            row_replace(row, start[d], start[d + 1], c, a);
        }
        src[i] = a;
        dst[i] = d;
        src[j] = c;
        dst[j] = b;
        accepted++;
    }
    s->accepted = accepted;
    if (!directed) {
        for (size_t e = 0; e < m; e++) {
            if (src[e] > dst[e]) {
                uint32_t swap = src[e];
                src[e] = dst[e];
                dst[e] = swap;
            }
        }
    }
    return 0;
}

int ecosys_i_sampler_draw(ecosys_i_sampler *s, const ecosys_i_null_graph *g,
                          ecosys_null_model model, uint64_t seed, size_t r, size_t attempts,
                          const atomic_int *cancel)
{
    ecosys_i_rng rng;
    ecosys_i_rng_init(&rng, seed, (uint64_t) r);
    switch (model) {
    case ECOSYS_NULL_PERMUTATION:
        /* As ecosys_ei_permutation_test(): from the original labels, shuffled
         * by stream r, so both give the same permutations. */
        memcpy(s->labels, g->groups, g->n * sizeof *s->labels);
        ecosys_i_rng_shuffle(&rng, s->labels, g->n);
        return 0;
    case ECOSYS_NULL_REWIRING:
        return draw_rewiring(s, g, &rng, attempts, cancel);
    case ECOSYS_NULL_UNIFORM:
        draw_uniform(s, g, &rng);
        return 0;
    }
    return 0;
}
