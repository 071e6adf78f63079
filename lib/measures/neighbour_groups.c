/* The spread of each actor's neighbours over groups: see neighbour_groups.h. */
#include "measures/neighbour_groups.h"

#include "core/error.h"
#include "ecosys/measures.h"
#include "graph/partition_internal.h"

#include <stdlib.h>

ecosys_i_neighbours ecosys_i_neighbours_by_mode(const ecosys_i_adjacency *adj,
                                                unsigned int flags, int weighted)
{
    unsigned int mode = flags & ECOSYS_MODE_ALL;
    ecosys_i_neighbours a = {adj->n, adj->all_start, adj->all_nbr, weighted ? adj->all_w : NULL};
    if (adj->directed && mode == ECOSYS_MODE_OUT)
        a = (ecosys_i_neighbours){adj->n, adj->out_start, adj->out_nbr,
                                  weighted ? adj->out_w : NULL};
    else if (adj->directed && mode == ECOSYS_MODE_IN)
        a = (ecosys_i_neighbours){adj->n, adj->in_start, adj->in_nbr,
                                  weighted ? adj->in_w : NULL};
    return a;
}

int ecosys_i_group_dispersion(double *out, const ecosys_i_neighbours *a, const size_t *group,
                              size_t group_count, double isolate)
{
    /* Per group: its weight for the current vertex, valid when seen[g] is
     * that vertex + 1 (no reset between vertices); touched lists the
     * groups seen for the current vertex, in order of first sight. */
    double *share = ecosys_i_alloc_array(group_count, sizeof *share);
    size_t *seen = calloc(group_count ? group_count : 1, sizeof *seen);
    size_t *touched = ecosys_i_alloc_array(group_count, sizeof *touched);
    if (!share || !seen || !touched) {
        free(share);
        free(seen);
        free(touched);
        return ecosys_i_error_nomem();
    }
    for (size_t v = 0; v < a->n; v++) {
        double k = 0.0;
        size_t count = 0;
        for (size_t i = a->start[v]; i < a->start[v + 1]; i++) {
            size_t g = group[a->nbr[i]];
            if (seen[g] != v + 1) {
                seen[g] = v + 1;
                share[g] = 0.0;
                touched[count++] = g;
            }
            double w = ecosys_i_neighbour_weight(a, i);
            share[g] += w;
            k += w;
        }
        if (k == 0.0) {
            out[v] = isolate;
            continue;
        }
        double sum = 0.0;
        for (size_t j = 0; j < count; j++) {
            double f = share[touched[j]] / k;
            sum += f * f;
        }
        /* One group: exactly 0, where 1 - sum could leave -0 or a hair
         * below 0 after rounding. */
        out[v] = count == 1 ? 0.0 : 1.0 - sum;
    }
    free(share);
    free(seen);
    free(touched);
    return 0;
}
