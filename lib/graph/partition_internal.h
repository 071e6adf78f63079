/* Internal: helpers of partitions shared with the reports. */
#ifndef ECOSYS_GRAPH_PARTITION_INTERNAL_H
#define ECOSYS_GRAPH_PARTITION_INTERNAL_H

#include "core/alloc.h" /* ecosys_i_alloc_array, used with partitions */
#include "ecosys/partition.h"


/* Records ECOSYS_EINVAL "no actor attribute X; available: id, name, ..."
 * and returns it. */
int ecosys_i_unknown_actor_attribute(const ecosys_dataset *dataset, const char *attribute);

/* The check of every function that takes a partition with a graph: records
 * and returns ECOSYS_EINVAL, naming @p what, if @p partition is NULL or does
 * not have @p actor_count vertices (the actors of the graph it goes with);
 * returns 0 otherwise. One message for all of them. */
int ecosys_i_partition_check(const ecosys_partition *partition, size_t actor_count,
                             const char *what);

#endif
