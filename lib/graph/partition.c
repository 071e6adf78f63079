/* Partitions of a graph's vertices into groups. See ecosys/partition.h.
 *
 * Grouping sorts (key, vertex) pairs and walks the runs of equal keys
 * rather than filling a hash table: GLib's tables abort on allocation
 * failure, and every allocation here must fail cleanly with ECOSYS_ENOMEM. */
#include "graph/partition_internal.h"

#include "core/error.h"
#include "graph/dataset_internal.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ecosys_partition {
    size_t vertex_count;
    size_t group_count;
    size_t *membership;   /* vertex -> group */
    size_t *group_size;   /* group -> vertices */
    char **group_name;    /* group -> name, pointing into names */
    char *names;          /* every name, NUL-terminated, back to back */
};

void ecosys_partition_free(ecosys_partition *p)
{
    if (!p)
        return;
    free(p->membership);
    free(p->group_size);
    free(p->group_name);
    free(p->names);
    free(p);
}

/* Sorting helpers. qsort is not stable: every comparison ends on the vertex
 * index, which makes the order total. */
typedef struct keyed_vertex {
    const char *key;
    size_t vertex;
} keyed_vertex;

static int compare_keyed(const void *a, const void *b)
{
    const keyed_vertex *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

typedef struct run {
    size_t first; /* first vertex having the key */
    size_t run;   /* index of the run in key order */
} run;

static int compare_runs(const void *a, const void *b)
{
    size_t x = ((const run *) a)->first, y = ((const run *) b)->first;
    return (x > y) - (x < y);
}

/* Builds the partition of @p n vertices whose keys are @p keys (borrowed
 * for the call; NULL keys count as ""). */
static int partition_from_keys(ecosys_partition **out, const char **keys, size_t n)
{
    ecosys_partition *p = calloc(1, sizeof *p);
    keyed_vertex *sorted = ecosys_i_alloc_array(n, sizeof *sorted);
    size_t *run_of = ecosys_i_alloc_array(n, sizeof *run_of); /* vertex -> run */
    run *runs = ecosys_i_alloc_array(n, sizeof *runs);
    size_t *position = ecosys_i_alloc_array(n, sizeof *position); /* run -> group */
    int rc = 0;
    if (!p || !sorted || !run_of || !runs || !position) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    p->vertex_count = n;
    for (size_t v = 0; v < n; v++)
        sorted[v] = (keyed_vertex){keys[v] ? keys[v] : "", v};
    qsort(sorted, n, sizeof *sorted, compare_keyed);

    size_t count = 0, name_bytes = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(sorted[i].key, sorted[i - 1].key) != 0) {
            runs[count] = (run){sorted[i].vertex, count}; /* first vertex of the run */
            name_bytes += strlen(sorted[i].key) + 1;
            count++;
        }
        run_of[sorted[i].vertex] = count - 1;
    }
    qsort(runs, count, sizeof *runs, compare_runs);
    for (size_t g = 0; g < count; g++)
        position[runs[g].run] = g;

    p->group_count = count;
    p->membership = ecosys_i_alloc_array(n, sizeof *p->membership);
    p->group_size = calloc(count ? count : 1, sizeof *p->group_size);
    p->group_name = ecosys_i_alloc_array(count, sizeof *p->group_name);
    p->names = malloc(name_bytes ? name_bytes : 1);
    if (!p->membership || !p->group_size || !p->group_name || !p->names) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (size_t v = 0; v < n; v++) {
        size_t g = position[run_of[v]];
        p->membership[v] = g;
        p->group_size[g]++;
    }
    char *next = p->names;
    for (size_t g = 0; g < count; g++) {
        const char *key = keys[runs[g].first] ? keys[runs[g].first] : "";
        size_t length = strlen(key) + 1;
        memcpy(next, key, length);
        p->group_name[g] = next;
        next += length;
    }
done:
    free(sorted);
    free(run_of);
    free(runs);
    free(position);
    if (rc) {
        ecosys_partition_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

/* "no actor attribute X; available: id, name, ..." */
static void append_name(char *list, size_t size, const char *name)
{
    size_t used = strlen(list);
    if (used < size)
        snprintf(list + used, size - used, "%s%s", used ? ", " : "", name);
}

int ecosys_i_unknown_actor_attribute(const ecosys_dataset *ds, const char *attribute)
{
    char list[768] = "";
    for (size_t i = 0; ecosys_i_actor_fields[i]; i++)
        append_name(list, sizeof list, ecosys_i_actor_fields[i]);
    size_t count = ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS);
    for (size_t a = 0; a < count; a++)
        append_name(list, sizeof list, ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, a));
    return ecosys_i_error(ECOSYS_EINVAL, "no actor attribute \"%s\"; available: %s", attribute,
                          list);
}

int ecosys_i_partition_check(const ecosys_partition *p, size_t actor_count, const char *what)
{
    if (!p)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL partition", what);
    if (p->vertex_count != actor_count)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: the partition has %zu vertices but the graph has %zu actors "
                              "(build the partition from this graph)",
                              what, p->vertex_count, actor_count);
    return 0;
}

int ecosys_partition_by_attribute(ecosys_partition **out, const ecosys_graph *graph,
                                  const char *attribute)
{
    if (!out || !graph || !attribute)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_partition_by_attribute: NULL argument");
    *out = NULL;
    const ecosys_dataset *ds = ecosys_graph_dataset(graph);
    if (!ecosys_dataset_has_field(ds, ECOSYS_TABLE_ACTORS, attribute))
        return ecosys_i_unknown_actor_attribute(ds, attribute);
    size_t n = ecosys_graph_actor_count(graph);
    const char **keys = ecosys_i_alloc_array(n, sizeof *keys);
    if (!keys)
        return ecosys_i_error_nomem();
    for (size_t v = 0; v < n; v++)
        keys[v] = ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, ecosys_graph_actor(graph, v),
                                       attribute);
    int rc = partition_from_keys(out, keys, n);
    free(keys);
    return rc;
}

int ecosys_partition_from_membership(ecosys_partition **out, const size_t *membership,
                                     size_t vertex_count)
{
    if (!out || (!membership && vertex_count))
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_partition_from_membership: NULL argument");
    *out = NULL;
    /* Decimal names, at most 20 digits each, in one buffer. */
    enum { DIGITS = 21 };
    const char **keys = ecosys_i_alloc_array(vertex_count, sizeof *keys);
    char *text = ecosys_i_alloc_array(vertex_count, DIGITS);
    if (!keys || !text) {
        free(keys);
        free(text);
        return ecosys_i_error_nomem();
    }
    for (size_t v = 0; v < vertex_count; v++) {
        snprintf(text + v * DIGITS, DIGITS, "%" PRIu64, (uint64_t) membership[v]);
        keys[v] = text + v * DIGITS;
    }
    int rc = partition_from_keys(out, keys, vertex_count);
    free(keys);
    free(text);
    return rc;
}

size_t ecosys_partition_vertex_count(const ecosys_partition *p)
{
    return p ? p->vertex_count : 0;
}

size_t ecosys_partition_group_count(const ecosys_partition *p)
{
    return p ? p->group_count : 0;
}

const size_t *ecosys_partition_membership(const ecosys_partition *p)
{
    return p ? p->membership : NULL;
}

size_t ecosys_partition_group_of(const ecosys_partition *p, size_t vertex)
{
    return p && vertex < p->vertex_count ? p->membership[vertex] : (size_t) -1;
}

const char *ecosys_partition_group_name(const ecosys_partition *p, size_t group)
{
    return p && group < p->group_count ? p->group_name[group] : NULL;
}

size_t ecosys_partition_group_size(const ecosys_partition *p, size_t group)
{
    return p && group < p->group_count ? p->group_size[group] : 0;
}

int ecosys_partition_find_group(size_t *out_group, const ecosys_partition *p, const char *name)
{
    if (!out_group || !p || !name)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_partition_find_group: NULL argument");
    for (size_t g = 0; g < p->group_count; g++) {
        if (strcmp(p->group_name[g], name) == 0) {
            *out_group = g;
            return 0;
        }
    }
    return ecosys_i_error(ECOSYS_ENOTFOUND, "no group \"%s\" in the partition", name);
}
