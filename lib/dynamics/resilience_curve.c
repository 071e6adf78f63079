/* The curve of a removal order, built backwards with union-find (Newman &
 * Ziff 2001, "Fast Monte Carlo algorithm for site or bond percolation",
 * Phys. Rev. E 64:016706): removing actors one by one and recomputing the
 * components each time costs O(n (n + m)); adding them back in reverse
 * order only ever merges components, which union-find does in
 * O(m alpha(n)) for the whole curve. The largest component only grows while
 * actors are added back, so one running maximum gives it at every step. */
#include "dynamics/resilience_internal.h"

#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ecosys_i_res_uf_init(ecosys_i_res_uf *uf, size_t n)
{
    size_t c = n ? n : 1;
    uf->parent = malloc(c * sizeof *uf->parent);
    uf->size = malloc(c * sizeof *uf->size);
    uf->present = malloc(c);
    if (!uf->parent || !uf->size || !uf->present)
        return ecosys_i_error_nomem();
    return 0;
}

void ecosys_i_res_uf_destroy(ecosys_i_res_uf *uf)
{
    free(uf->parent);
    free(uf->size);
    free(uf->present);
    memset(uf, 0, sizeof *uf);
}

static uint32_t find(uint32_t *parent, uint32_t v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]]; /* path halving */
        v = parent[v];
    }
    return v;
}

/* Adds vertex v back and merges it with its present neighbours; updates
 * the component count and the largest size. */
static void add_back(const ecosys_i_adjacency *adj, ecosys_i_res_uf *uf, uint32_t v,
                     size_t *comps, size_t *largest)
{
    uf->present[v] = 1;
    uf->parent[v] = v;
    uf->size[v] = 1;
    (*comps)++;
    if (*largest < 1)
        *largest = 1;
    for (size_t k = adj->all_start[v]; k < adj->all_start[v + 1]; k++) {
        uint32_t u = adj->all_nbr[k];
        if (uf->present[u] != 1)
            continue;
        uint32_t a = find(uf->parent, v), b = find(uf->parent, u);
        if (a == b)
            continue;
        if (uf->size[a] < uf->size[b]) {
            uint32_t t = a;
            a = b;
            b = t;
        }
        uf->parent[b] = a;
        uf->size[a] += uf->size[b];
        (*comps)--;
        if (uf->size[a] > *largest)
            *largest = uf->size[a];
    }
}

void ecosys_i_res_curve(size_t *largest, size_t *comps, const ecosys_i_adjacency *adj,
                        const size_t *order, size_t k, ecosys_i_res_uf *uf)
{
    size_t n = adj->n;
    /* present: 0 removed (not back yet), 1 back, 2 never removed but not
     * added yet. Only vertices back (1) are merged with. */
    memset(uf->present, 2, n);
    for (size_t i = 0; i < k; i++)
        uf->present[order[i]] = 0;
    size_t c = 0, big = 0;
    for (size_t v = 0; k < n && v < n; v++) {
        if (uf->present[v] == 2)
            add_back(adj, uf, (uint32_t) v, &c, &big);
    }
    largest[k] = big;
    comps[k] = c;
    for (size_t q = k; q-- > 0;) {
        add_back(adj, uf, (uint32_t) order[q], &c, &big);
        largest[q] = big;
        comps[q] = c;
    }
}

double ecosys_i_res_critical(const size_t *largest, size_t k, size_t n, double threshold)
{
    for (size_t q = 0; q <= k; q++) {
        if ((double) largest[q] <= threshold * (double) n)
            return (double) q / (double) n;
    }
    return NAN;
}

int ecosys_i_res_report(const ecosys_i_res_progress *p, size_t done, size_t total)
{
    return p && p->call ? p->call(done, total, p->user) != 0 : 0;
}
