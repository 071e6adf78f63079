/* The removal orders of the targeted strategies: degree, strength and
 * betweenness, static (one ranking of the intact graph) or adaptive (the
 * highest-ranked remaining actor after each removal). Highest score first,
 * equal scores by the lower vertex index. Everything reads the pooled
 * direction-ignored adjacency ("all" lists), so a reciprocated pair is one
 * neighbour and its strength the sum of both arcs. */
#include "dynamics/resilience_internal.h"

#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- scores ------------------------------------------------------------------------ */

static double degree_of(const ecosys_i_adjacency *adj, size_t v)
{
    return (double) (adj->all_start[v + 1] - adj->all_start[v]);
}

static double strength_of(const ecosys_i_adjacency *adj, size_t v)
{
    double s = 0;
    for (size_t k = adj->all_start[v]; k < adj->all_start[v + 1]; k++)
        s += adj->all_w[k];
    return s;
}

/* Betweenness values within about 1e-9 of each other are ties: they are
 * rounded to 30 significant bits before ranking, so that the order of
 * floating-point sums never decides which of two symmetric actors goes
 * first. Exact for the integers and halves that small graphs give. */
static double quantize(double x)
{
    if (x == 0 || !isfinite(x))
        return x;
    int e;
    frexp(x, &e);
    return ldexp(nearbyint(ldexp(x, 30 - e)), e - 30);
}

/* Scratch of Brandes's algorithm on the remaining vertices. */
typedef struct brandes {
    int32_t *dist;
    double *sigma;
    double *delta;
    uint32_t *queue; /* BFS order, read backwards for the dependencies */
    double *score;
} brandes;

static int brandes_init(brandes *b, size_t n)
{
    size_t c = n ? n : 1;
    b->dist = malloc(c * sizeof *b->dist);
    b->sigma = malloc(c * sizeof *b->sigma);
    b->delta = malloc(c * sizeof *b->delta);
    b->queue = malloc(c * sizeof *b->queue);
    b->score = malloc(c * sizeof *b->score);
    if (!b->dist || !b->sigma || !b->delta || !b->queue || !b->score)
        return ecosys_i_error_nomem();
    return 0;
}

static void brandes_destroy(brandes *b)
{
    free(b->dist);
    free(b->sigma);
    free(b->delta);
    free(b->queue);
    free(b->score);
}

/* Betweenness (Brandes 2001) of the vertices with alive[v] (all if NULL),
 * direction ignored, hops, every unordered pair once, into b->score
 * (quantized). Predecessors are not stored: w precedes v on a shortest path
 * iff they are tied and dist[w] = dist[v] - 1. Reports (done, total) every
 * 256 sources; @p per_source: done advances with the sources (static) or
 * stays at @p done (adaptive). Returns 0 or ECOSYS_ECANCELLED. */
static int betweenness(brandes *b, const ecosys_i_adjacency *adj, const unsigned char *alive,
                       const ecosys_i_res_progress *p, int per_source, size_t done,
                       size_t total)
{
    size_t n = adj->n;
    const size_t *start = adj->all_start;
    const uint32_t *nbr = adj->all_nbr;
    for (size_t v = 0; v < n; v++) {
        b->score[v] = 0;
        b->dist[v] = -1;
    }
    for (size_t s = 0; s < n; s++) {
        if ((s & 255) == 255 &&
            ecosys_i_res_report(p, per_source ? s : done, per_source ? n : total))
            return ECOSYS_ECANCELLED;
        if (alive && !alive[s])
            continue;
        size_t head = 0, tail = 0;
        b->queue[tail++] = (uint32_t) s;
        b->dist[s] = 0;
        b->sigma[s] = 1;
        while (head < tail) {
            uint32_t v = b->queue[head++];
            for (size_t k = start[v]; k < start[v + 1]; k++) {
                uint32_t w = nbr[k];
                if (alive && !alive[w])
                    continue;
                if (b->dist[w] < 0) {
                    b->dist[w] = b->dist[v] + 1;
                    b->sigma[w] = 0;
                    b->queue[tail++] = w;
                }
                if (b->dist[w] == b->dist[v] + 1)
                    b->sigma[w] += b->sigma[v];
            }
        }
        for (size_t i = 0; i < tail; i++)
            b->delta[b->queue[i]] = 0;
        for (size_t i = tail; i-- > 1;) {
            uint32_t w = b->queue[i];
            double share = (1 + b->delta[w]) / b->sigma[w];
            for (size_t k = start[w]; k < start[w + 1]; k++) {
                uint32_t v = nbr[k];
                if (b->dist[v] == b->dist[w] - 1 && (!alive || alive[v]))
                    b->delta[v] += b->sigma[v] * share;
            }
            b->score[w] += b->delta[w];
        }
        for (size_t i = 0; i < tail; i++)
            b->dist[b->queue[i]] = -1;
    }
    for (size_t v = 0; v < n; v++)
        b->score[v] = quantize(b->score[v] / 2); /* each pair was seen from both ends */
    return 0;
}

/* ---- static orders ------------------------------------------------------------------ */

typedef struct ranked {
    double score;
    size_t vertex;
} ranked;

static int by_score(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->vertex < y->vertex ? -1 : x->vertex > y->vertex;
}

static int sort_scores(size_t *order, const double *score, size_t n)
{
    ranked *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return ecosys_i_error_nomem();
    for (size_t v = 0; v < n; v++) {
        r[v].score = score[v];
        r[v].vertex = v;
    }
    qsort(r, n, sizeof *r, by_score);
    for (size_t i = 0; i < n; i++)
        order[i] = r[i].vertex;
    free(r);
    return 0;
}

/* ---- adaptive degree and strength: a binary max-heap ---------------------------------- */

typedef struct heap {
    size_t *item; /* heap of vertices */
    size_t *pos;  /* vertex -> position in item */
    double *key;  /* vertex -> current score */
    size_t size;
} heap;

static int before(const heap *h, size_t a, size_t b)
{
    return h->key[a] > h->key[b] || (h->key[a] == h->key[b] && a < b);
}

static void place(heap *h, size_t i, size_t v)
{
    h->item[i] = v;
    h->pos[v] = i;
}

static void sift_down(heap *h, size_t i)
{
    size_t v = h->item[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->size)
            break;
        if (c + 1 < h->size && before(h, h->item[c + 1], h->item[c]))
            c++;
        if (!before(h, h->item[c], v))
            break;
        place(h, i, h->item[c]);
        i = c;
    }
    place(h, i, v);
}

/* Each removal lowers its remaining neighbours' scores (by 1, or by the
 * tie's weight), which only moves them down the heap: O((n + m) log n).
 * Strengths are updated by subtraction, exact for whole-number weights. */
static int adaptive_local(size_t *order, const ecosys_i_adjacency *adj, int strength)
{
    size_t n = adj->n, c = n ? n : 1;
    heap h = {malloc(c * sizeof(size_t)), malloc(c * sizeof(size_t)),
              malloc(c * sizeof(double)), n};
    unsigned char *gone = calloc(c, 1);
    if (!h.item || !h.pos || !h.key || !gone) {
        free(h.item), free(h.pos), free(h.key), free(gone);
        return ecosys_i_error_nomem();
    }
    for (size_t v = 0; v < n; v++) {
        h.key[v] = strength ? strength_of(adj, v) : degree_of(adj, v);
        place(&h, v, v);
    }
    for (size_t i = n / 2; i-- > 0;)
        sift_down(&h, i);
    for (size_t q = 0; q < n; q++) {
        size_t v = h.item[0];
        order[q] = v;
        gone[v] = 1;
        h.size--;
        if (h.size > 0) {
            place(&h, 0, h.item[h.size]);
            sift_down(&h, 0);
        }
        for (size_t k = adj->all_start[v]; k < adj->all_start[v + 1]; k++) {
            size_t u = adj->all_nbr[k];
            if (gone[u])
                continue;
            h.key[u] -= strength ? adj->all_w[k] : 1.0;
            sift_down(&h, h.pos[u]);
        }
    }
    free(h.item), free(h.pos), free(h.key), free(gone);
    return 0;
}

/* ---- adaptive betweenness --------------------------------------------------------------- */

/* Once no remaining actor lies between two others, every component is a
 * complete graph (two actors at distance 2 would have one between them),
 * and removing actors leaves complete graphs: all scores stay 0, so the
 * rest goes by index without recomputing. */
static int adaptive_betweenness(size_t *order, const ecosys_i_adjacency *adj, brandes *b,
                                const ecosys_i_res_progress *p)
{
    size_t n = adj->n;
    unsigned char *alive = malloc(n ? n : 1);
    if (!alive)
        return ecosys_i_error_nomem();
    memset(alive, 1, n);
    int all_zero = 0;
    size_t next_index = 0; /* lowest index possibly alive, once all_zero */
    for (size_t q = 0; q < n; q++) {
        if (ecosys_i_res_report(p, q, n)) {
            free(alive);
            return ECOSYS_ECANCELLED;
        }
        size_t best = SIZE_MAX;
        if (!all_zero) {
            if (betweenness(b, adj, alive, p, 0, q, n)) {
                free(alive);
                return ECOSYS_ECANCELLED;
            }
            for (size_t v = 0; v < n; v++) {
                if (alive[v] && (best == SIZE_MAX || b->score[v] > b->score[best]))
                    best = v;
            }
            all_zero = b->score[best] == 0;
        }
        if (all_zero) {
            while (!alive[next_index])
                next_index++;
            best = next_index;
        }
        order[q] = best;
        alive[best] = 0;
    }
    free(alive);
    return 0;
}

/* ---- entry ------------------------------------------------------------------------------- */

int ecosys_i_res_order(size_t *order, const ecosys_i_adjacency *adj,
                       ecosys_removal_strategy strategy, int adaptive,
                       const ecosys_i_res_progress *progress)
{
    size_t n = adj->n;
    int rc = 0;
    if (strategy != ECOSYS_REMOVAL_BETWEENNESS) {
        if (ecosys_i_res_report(progress, 0, 1))
            return ecosys_i_error(ECOSYS_ECANCELLED, "ecosys_resilience_run: cancelled");
        int strength = strategy == ECOSYS_REMOVAL_STRENGTH;
        if (adaptive) {
            rc = adaptive_local(order, adj, strength);
        } else {
            double *score = malloc((n ? n : 1) * sizeof *score);
            if (!score)
                return ecosys_i_error_nomem();
            for (size_t v = 0; v < n; v++)
                score[v] = strength ? strength_of(adj, v) : degree_of(adj, v);
            rc = sort_scores(order, score, n);
            free(score);
        }
        if (!rc && ecosys_i_res_report(progress, 1, 1))
            return ecosys_i_error(ECOSYS_ECANCELLED, "ecosys_resilience_run: cancelled");
        return rc;
    }
    brandes b;
    memset(&b, 0, sizeof b);
    if ((rc = brandes_init(&b, n))) {
        brandes_destroy(&b);
        return rc;
    }
    if (adaptive) {
        rc = adaptive_betweenness(order, adj, &b, progress);
    } else if (ecosys_i_res_report(progress, 0, n) ||
               betweenness(&b, adj, NULL, progress, 1, 0, n)) {
        rc = ECOSYS_ECANCELLED;
    } else {
        rc = sort_scores(order, b.score, n);
    }
    if (!rc && ecosys_i_res_report(progress, n, n))
        rc = ECOSYS_ECANCELLED;
    brandes_destroy(&b);
    if (rc == ECOSYS_ECANCELLED)
        return ecosys_i_error(ECOSYS_ECANCELLED,
                              "ecosys_resilience_run: cancelled by the progress callback");
    return rc;
}
