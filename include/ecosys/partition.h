/**
 * @file ecosys/partition.h
 * @brief Groups of actors: by a categorical attribute, or any membership.
 *
 * A partition gives every vertex of a graph exactly one group. The
 * measures across groups (mixing, E-I, brokerage roles, participation) take
 * one; communities produce one.
 *
 * Built from an actor attribute (sector, territory, axes or any free
 * attribute), each distinct text value is a group, compared byte for byte;
 * an empty value is a group of its own named "" (actors whose sector is
 * unknown are not silently merged into another group). The set-valued
 * attribute @c axes is taken as its text: "food;mobility" is one group.
 * Groups are numbered 0, 1, ... in the order of the first vertex that has
 * them, so the numbering follows the input order of the actors.
 *
 * A partition copies what it needs: it does not borrow the graph and is
 * immutable, so several threads may read one at once.
 */
#ifndef ECOSYS_PARTITION_H
#define ECOSYS_PARTITION_H

#include "ecosys/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque handle to a partition of a graph's vertices into groups. */
typedef struct ecosys_partition ecosys_partition;

/**
 * Groups the vertices of @p graph by the value of an actor attribute.
 * O(n log n).
 *
 * @param out       receives the partition; free it with ecosys_partition_free().
 * @param graph     the graph whose vertices are grouped.
 * @param attribute "sector", "territory", "axes", "name", "id" or a free
 *                  actor attribute of the graph's dataset.
 * @return 0; ECOSYS_EINVAL (NULL argument, or no such attribute: the
 *         message lists the available ones); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_partition_by_attribute(ecosys_partition **out, const ecosys_graph *graph,
                                                const char *attribute);

/**
 * Builds a partition from a membership vector: vertex v is in group
 * @p membership[v]. Groups are renumbered in order of first appearance
 * (so {5, 2, 5} becomes {0, 1, 0}) and named by their original number in
 * decimal ("5", "2"). O(n log n).
 *
 * @param out          receives the partition.
 * @param membership   one group number per vertex.
 * @param vertex_count length of @p membership (the graph's actor count).
 * @return 0; ECOSYS_EINVAL (NULL argument); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_partition_from_membership(ecosys_partition **out,
                                                   const size_t *membership,
                                                   size_t vertex_count);

/** Frees a partition. Accepts NULL. */
ECOSYS_EXTERN void ecosys_partition_free(ecosys_partition *partition);

/** Returns the number of vertices partitioned (0 for NULL). */
ECOSYS_EXTERN size_t ecosys_partition_vertex_count(const ecosys_partition *partition);

/** Returns the number of groups (0 for NULL). */
ECOSYS_EXTERN size_t ecosys_partition_group_count(const ecosys_partition *partition);

/**
 * Returns the group of every vertex: an array of
 * ecosys_partition_vertex_count() group numbers, owned by the partition.
 */
ECOSYS_EXTERN const size_t *ecosys_partition_membership(const ecosys_partition *partition);

/**
 * Returns the group of @p vertex, or (size_t)-1 if out of range.
 */
ECOSYS_EXTERN size_t ecosys_partition_group_of(const ecosys_partition *partition, size_t vertex);

/**
 * Returns the name of @p group (the attribute value, or the original
 * membership number), owned by the partition; NULL if out of range.
 */
ECOSYS_EXTERN const char *ecosys_partition_group_name(const ecosys_partition *partition,
                                                      size_t group);

/** Returns the number of vertices in @p group (0 if out of range). */
ECOSYS_EXTERN size_t ecosys_partition_group_size(const ecosys_partition *partition, size_t group);

/**
 * Finds a group by name.
 *
 * @return 0, ECOSYS_EINVAL (NULL argument) or ECOSYS_ENOTFOUND.
 */
ECOSYS_EXTERN int ecosys_partition_find_group(size_t *out_group, const ecosys_partition *partition,
                                              const char *name);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_PARTITION_H */
