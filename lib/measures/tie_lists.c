/* The partition check of the measures of ecosys/communities.h. See
 * communities_internal.h. (Tie lists: graph/adjacency.h.) */
#include "measures/communities_internal.h"

#include "core/error.h"
#include "graph/partition_internal.h"


int ecosys_i_check_partition(const ecosys_graph *g, const ecosys_partition *p, const char *what)
{
    if (!p)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL partition", what);
    if (ecosys_partition_vertex_count(p) != g->info.actor_count)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: the partition has %zu vertices, the graph %zu actors", what,
                              ecosys_partition_vertex_count(p), g->info.actor_count);
    return 0;
}
