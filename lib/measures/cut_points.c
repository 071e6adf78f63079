/* Articulation points (cut vertices) and bridges (cut edges) of the
 * undirected view, by one depth-first search, without igraph. See
 * ecosys/measures.h and docs/measures.md.
 *
 * Why not igraph_articulation_points / igraph_bridges: each builds an
 * incidence list of n separately allocated vectors (about 16 MB of fresh
 * memory at 10^5 actors, 4n + 8m bytes and a malloc per actor), which made
 * the first of them in a process cost 1.5 times raw igraph's. Here one
 * array of 8m bytes holds every neighbour list (docs/design.md).
 *
 * Method: Hopcroft & Tarjan (1973), iterative so that a long path cannot
 * overflow the stack. disc[v] is v's discovery time (0: not reached yet);
 * low[v] the smallest discovery time reachable from v's subtree through one
 * back edge. A non-root u is a cut vertex when a child v has
 * low[v] >= disc[u]; a root when it has two children or more; the tree edge
 * u-v is a bridge when low[v] > disc[u].
 *
 * The neighbour lists are not deduplicated: a directed graph's reciprocated
 * pair appears twice. Skipping every entry of the parent (not just one)
 * makes the pair one tie, as in the undirected view, and the graph has no
 * other repeated tie and no self-tie. */
#include "measures/measures_internal.h"

#include "core/error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { NO_PARENT = UINT32_MAX };

typedef struct cut_search {
    size_t n;
    size_t *start;       /* n + 1 offsets into nbr */
    uint32_t *nbr;       /* both directions of every tie */
    uint32_t *disc, *low, *parent, *stack;
    size_t *cursor;      /* next position to look at in each list */
} cut_search;

static void cut_search_free(cut_search *s)
{
    free(s->start);
    free(s->nbr);
    free(s->disc);
    free(s->low);
    free(s->parent);
    free(s->stack);
    free(s->cursor);
}

static int cut_search_init(cut_search *s, const ecosys_graph *g)
{
    size_t n = g->info.actor_count, m = g->info.tie_count;
    memset(s, 0, sizeof *s);
    if (n >= UINT32_MAX)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED,
                              "cut vertices and edges: graphs of 2^32 actors or more are not "
                              "supported");
    s->n = n;
    s->start = calloc(n + 1, sizeof *s->start);
    s->nbr = malloc((m ? 2 * m : 1) * sizeof *s->nbr);
    s->disc = calloc(n, sizeof *s->disc);
    s->low = malloc(n * sizeof *s->low);
    s->parent = malloc(n * sizeof *s->parent);
    s->stack = malloc(n * sizeof *s->stack);
    s->cursor = malloc(n * sizeof *s->cursor);
    if (!s->start || !s->nbr || !s->disc || !s->low || !s->parent || !s->stack || !s->cursor) {
        cut_search_free(s);
        return ecosys_i_error_nomem();
    }
    for (size_t e = 0; e < m; e++) {
        s->start[IGRAPH_FROM(&g->ig, e) + 1]++;
        s->start[IGRAPH_TO(&g->ig, e) + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        s->start[v + 1] += s->start[v];
    memcpy(s->cursor, s->start, n * sizeof *s->cursor);
    for (size_t e = 0; e < m; e++) {
        uint32_t a = (uint32_t) IGRAPH_FROM(&g->ig, e), b = (uint32_t) IGRAPH_TO(&g->ig, e);
        s->nbr[s->cursor[a]++] = b;
        s->nbr[s->cursor[b]++] = a;
    }
    return 0;
}

/* The search: is_point[v] = 1 for cut vertices; bridge_child[v] = 1 when
 * the tree edge parent[v]-v is a bridge. Either may be NULL. */
static void cut_search_run(cut_search *s, unsigned char *is_point, unsigned char *bridge_child)
{
    size_t n = s->n;
    uint32_t time = 0;
    memcpy(s->cursor, s->start, n * sizeof *s->cursor);
    for (size_t root = 0; root < n; root++) {
        if (s->disc[root])
            continue;
        size_t depth = 0, root_children = 0;
        s->stack[depth++] = (uint32_t) root;
        s->parent[root] = NO_PARENT;
        s->disc[root] = s->low[root] = ++time;
        while (depth > 0) {
            uint32_t u = s->stack[depth - 1];
            if (s->cursor[u] < s->start[u + 1]) {
                uint32_t v = s->nbr[s->cursor[u]++];
                if (v == s->parent[u])
                    continue;
                if (s->disc[v]) { /* back edge (or the far end of a tree edge) */
                    if (s->disc[v] < s->low[u])
                        s->low[u] = s->disc[v];
                    continue;
                }
                s->parent[v] = u;
                s->disc[v] = s->low[v] = ++time;
                s->stack[depth++] = v;
                continue;
            }
            depth--; /* u is done: report to its parent */
            uint32_t p = s->parent[u];
            if (p == NO_PARENT)
                continue;
            if (s->low[u] < s->low[p])
                s->low[p] = s->low[u];
            if (p == root)
                root_children++;
            else if (is_point && s->low[u] >= s->disc[p])
                is_point[p] = 1;
            if (bridge_child && s->low[u] > s->disc[p])
                bridge_child[u] = 1;
        }
        if (is_point && root_children >= 2)
            is_point[root] = 1;
    }
}

int ecosys_i_cut_elements(unsigned char *is_point, unsigned char *bridge_child,
                          uint32_t *parent, const ecosys_graph *g)
{
    cut_search s;
    int rc = cut_search_init(&s, g);
    if (rc)
        return rc;
    size_t n = s.n;
    if (is_point)
        memset(is_point, 0, n);
    if (bridge_child)
        memset(bridge_child, 0, n);
    cut_search_run(&s, is_point, bridge_child);
    if (parent)
        memcpy(parent, s.parent, n * sizeof *parent);
    cut_search_free(&s);
    return 0;
}
