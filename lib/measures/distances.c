/* Diameter and mean distance of one component, by one search from each of
 * its vertices, without igraph. See ecosys_structure in ecosys/measures.h.
 *
 * Why not igraph_diameter[_dijkstra] + igraph_average_path_length[_dijkstra]:
 * they run the n searches twice (once per figure), and with weights
 * igraph 0.10.2 dereferences a lazy incidence list that failed to allocate
 * when memory runs out (a crash found by tests/fault). One pass here gives
 * both figures from the shared CSR adjacency (docs/design.md).
 *
 * Distances follow arcs (out-lists) in directed graphs; pairs without a
 * path are left out (igraph's unconn = true). Lengths are 1/weight, the
 * same doubles igraph is given. Sums are exact for hop counts; for weighted
 * lengths they add the sources' sums in vertex order, so the result does
 * not depend on anything but the graph. */
#include "measures/measures_internal.h"

#include "core/error.h"
#include "graph/adjacency.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct search {
    const ecosys_i_adjacency *adj;
    double *dist;      /* per vertex; INFINITY: not reached */
    uint32_t *queue;   /* BFS queue, or the binary heap of Dijkstra */
    uint32_t *slot;    /* Dijkstra: position of each vertex in the heap */
    uint32_t *touched; /* vertices whose dist was set, to reset them */
    size_t touched_count;
} search;

/* Breadth-first search from @p source: sum and maximum of the distances to
 * the vertices reached, and how many. */
static void bfs(search *s, uint32_t source, double *sum, double *max, size_t *reached)
{
    const ecosys_i_adjacency *a = s->adj;
    size_t head = 0, tail = 0;
    s->dist[source] = 0;
    s->queue[tail++] = source;
    while (head < tail) {
        uint32_t u = s->queue[head++];
        double next = s->dist[u] + 1;
        for (size_t k = a->out_start[u]; k < a->out_start[u + 1]; k++) {
            uint32_t v = a->out_nbr[k];
            if (s->dist[v] != INFINITY)
                continue;
            s->dist[v] = next;
            s->queue[tail++] = v;
            *sum += next;
            *max = next > *max ? next : *max;
        }
    }
    *reached = tail - 1;
    s->touched_count = tail;
    for (size_t i = 0; i < tail; i++) /* the queue lists every vertex reached */
        s->touched[i] = s->queue[i];
}

/* ---- Dijkstra with an indexed binary heap (decrease-key) ----------------- */

static void heap_swap(search *s, size_t i, size_t j)
{
    uint32_t a = s->queue[i], b = s->queue[j];
    s->queue[i] = b;
    s->queue[j] = a;
    s->slot[b] = (uint32_t) i;
    s->slot[a] = (uint32_t) j;
}

static void heap_up(search *s, size_t i)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (s->dist[s->queue[parent]] <= s->dist[s->queue[i]])
            break;
        heap_swap(s, i, parent);
        i = parent;
    }
}

static void heap_down(search *s, size_t i, size_t size)
{
    for (;;) {
        size_t smallest = i, l = 2 * i + 1, r = l + 1;
        if (l < size && s->dist[s->queue[l]] < s->dist[s->queue[smallest]])
            smallest = l;
        if (r < size && s->dist[s->queue[r]] < s->dist[s->queue[smallest]])
            smallest = r;
        if (smallest == i)
            return;
        heap_swap(s, i, smallest);
        i = smallest;
    }
}

static void dijkstra(search *s, uint32_t source, double *sum, double *max, size_t *reached)
{
    const ecosys_i_adjacency *a = s->adj;
    size_t size = 0;
    s->touched_count = 0;
    s->dist[source] = 0;
    s->touched[s->touched_count++] = source;
    s->queue[size] = source;
    s->slot[source] = (uint32_t) size++;
    *reached = 0;
    while (size > 0) {
        uint32_t u = s->queue[0];
        heap_swap(s, 0, --size);
        heap_down(s, 0, size);
        s->slot[u] = UINT32_MAX; /* settled */
        if (u != source) {
            *sum += s->dist[u];
            *max = s->dist[u] > *max ? s->dist[u] : *max;
            ++*reached;
        }
        for (size_t k = a->out_start[u]; k < a->out_start[u + 1]; k++) {
            uint32_t v = a->out_nbr[k];
            double d = s->dist[u] + 1.0 / a->out_w[k];
            if (s->dist[v] == INFINITY) {
                s->dist[v] = d;
                s->touched[s->touched_count++] = v;
                s->queue[size] = v;
                s->slot[v] = (uint32_t) size;
                heap_up(s, size++);
            } else if (d < s->dist[v] && s->slot[v] != UINT32_MAX) {
                s->dist[v] = d;
                heap_up(s, s->slot[v]);
            }
        }
    }
}

int ecosys_i_distance_summary(double *diameter, double *mean_distance, const ecosys_graph *g,
                              const size_t *component, size_t largest, int weighted)
{
    size_t n = g->info.actor_count;
    ecosys_i_adjacency adj;
    int rc = ecosys_i_adjacency_init(&adj, g, weighted ? ECOSYS_I_ADJ_WEIGHTS : 0);
    if (rc)
        return rc;
    search s = {&adj, malloc(n * sizeof(double)), malloc(n * sizeof(uint32_t)),
                weighted ? malloc(n * sizeof(uint32_t)) : NULL, malloc(n * sizeof(uint32_t)), 0};
    if (!s.dist || !s.queue || (weighted && !s.slot) || !s.touched) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (size_t v = 0; v < n; v++)
        s.dist[v] = INFINITY;
    double total = 0, longest = 0;
    size_t pairs = 0;
    for (size_t v = 0; v < n; v++) {
        if (component[v] != largest)
            continue;
        double sum = 0, max = 0;
        size_t reached = 0;
        if (weighted)
            dijkstra(&s, (uint32_t) v, &sum, &max, &reached);
        else
            bfs(&s, (uint32_t) v, &sum, &max, &reached);
        total += sum;
        pairs += reached;
        longest = max > longest ? max : longest;
        for (size_t i = 0; i < s.touched_count; i++)
            s.dist[s.touched[i]] = INFINITY;
    }
    *diameter = pairs ? longest : NAN;
    *mean_distance = pairs ? total / (double) pairs : NAN;
done:
    free(s.dist);
    free(s.queue);
    free(s.slot);
    free(s.touched);
    ecosys_i_adjacency_destroy(&adj);
    return rc;
}
