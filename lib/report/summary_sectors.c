/* The summary's measures across groups: mixing, E-I index, assortativity,
 * Blau and participation by the group attribute; structural holes and
 * Gould-Fernandez brokerage roles; communities. Each value comes from the
 * public function of its measure (ecosys/mixing.h, ecosys/brokerage.h,
 * ecosys/communities.h) with the summary's weighting and default mode, so
 * the summary, the C API and Python agree by construction. Rendered by
 * summary_json.c and summary_sectors_text.c. */
#include "report/report_internal.h"

#include "core/error.h"
#include "graph/partition_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ecosys_i_across_dispose(ecosys_i_across *a)
{
    if (!a)
        return;
    ecosys_mixing_matrix_dispose(&a->matrix);
    ecosys_ei_index_dispose(&a->ei);
    free(a->ei_actor);
    free(a->blau);
    free(a->participation);
    ecosys_structural_holes_dispose(&a->holes);
    ecosys_brokerage_dispose(&a->brokerage);
    ecosys_partition_free(a->community);
    free(a->within_module_z);
    free(a->community_participation);
    free(a->role);
    ecosys_community_summary_dispose(&a->community_summary);
    free(a->broker_rank);
    free(a->constraint_rank);
    free(a->hub_rank);
    memset(a, 0, sizeof *a);
}

/* Lowest value first, then input order (constraint: low is a broker). */
static int compare_rank_ascending(const void *x, const void *y)
{
    const ecosys_i_rank *a = x, *b = y;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return (a->vertex > b->vertex) - (a->vertex < b->vertex);
}

/* Sorts @p count entries and keeps the first @p top of them. */
static void keep_top(ecosys_i_rank *all, size_t count, size_t top, int ascending,
                     size_t *out_count)
{
    qsort(all, count, sizeof *all, ascending ? compare_rank_ascending : ecosys_i_compare_rank);
    *out_count = count < top ? count : top;
}

/* Whether a Guimera-Amaral role is a hub or a connector, shown in the text. */
static int hub_or_connector(ecosys_role role)
{
    return role == ECOSYS_ROLE_NONHUB_CONNECTOR || role == ECOSYS_ROLE_NONHUB_KINLESS ||
           role == ECOSYS_ROLE_PROVINCIAL_HUB || role == ECOSYS_ROLE_CONNECTOR_HUB ||
           role == ECOSYS_ROLE_KINLESS_HUB;
}

static int compute_ranks(ecosys_i_summary *s)
{
    ecosys_i_across *a = &s->across;
    a->broker_rank = ecosys_i_alloc_array(s->n, sizeof *a->broker_rank);
    a->constraint_rank = ecosys_i_alloc_array(s->n, sizeof *a->constraint_rank);
    if (!a->broker_rank || !a->constraint_rank)
        return ecosys_i_error_nomem();
    size_t brokers = 0, constrained = 0, hubs = 0;
    for (size_t v = 0; v < s->n; v++) {
        uint64_t total = a->brokerage.raw[v * ECOSYS_BROKERAGE_ROLE_COUNT + ECOSYS_ROLE_TOTAL];
        if (total > 0)
            a->broker_rank[brokers++] = (ecosys_i_rank){v, (double) total};
        if (!isnan(a->holes.constraint[v]))
            a->constraint_rank[constrained++] = (ecosys_i_rank){v, a->holes.constraint[v]};
    }
    keep_top(a->broker_rank, brokers, s->top, 0, &a->broker_rank_count);
    keep_top(a->constraint_rank, constrained, s->top, 1, &a->constraint_rank_count);
    if (!a->community)
        return 0;
    a->hub_rank = ecosys_i_alloc_array(s->n, sizeof *a->hub_rank);
    if (!a->hub_rank)
        return ecosys_i_error_nomem();
    for (size_t v = 0; v < s->n; v++)
        if (hub_or_connector(a->role[v]))
            a->hub_rank[hubs++] = (ecosys_i_rank){v, a->within_module_z[v]};
    keep_top(a->hub_rank, hubs, s->top, 0, &a->hub_rank_count);
    return 0;
}

/* Mixing by the group attribute: matrix, E-I (network, groups, actors)
 * with the exact null and the permutation test, assortativity, Blau,
 * participation. */
static int compute_mixing(ecosys_i_summary *s, unsigned int w)
{
    ecosys_i_across *a = &s->across;
    const ecosys_graph *g = s->graph;
    const ecosys_partition *p = s->partition;
    int rc;
    if (s->group_count <= ECOSYS_I_MAX_MATRIX_GROUPS &&
        (rc = ecosys_mixing_matrix_compute(&a->matrix, g, p)))
        return rc;
    if ((rc = ecosys_ei_index_compute(&a->ei, g, p, w)) ||
        (rc = ecosys_ei_permutation_test(&a->permutation, g, p, a->replicates, a->seed, w)) ||
        (rc = ecosys_assortativity_nominal(&a->assortativity, g, p, w)))
        return rc;
    double smaller = fmin(a->permutation.p_greater, a->permutation.p_less);
    a->ei_p = isnan(smaller) ? NAN : fmin(1.0, 2.0 * smaller);

    a->ei_actor = ecosys_i_alloc_array(s->n, sizeof(double));
    a->blau = ecosys_i_alloc_array(s->n, sizeof(double));
    a->participation = ecosys_i_alloc_array(s->n, sizeof(double));
    if (!a->ei_actor || !a->blau || !a->participation)
        return ecosys_i_error_nomem();
    if ((rc = ecosys_ei_index_actors(a->ei_actor, g, p, w)) ||
        (rc = ecosys_blau(a->blau, g, p, w)) ||
        (rc = ecosys_participation(a->participation, g, p, w)))
        return rc;
    return 0;
}

/* Communities: detection, each actor's community, within-module z,
 * participation over the communities and role, and each community's
 * size, ties and make-up by the group attribute. */
static int compute_communities(ecosys_i_summary *s, unsigned int w)
{
    ecosys_i_across *a = &s->across;
    a->modularity = NAN;
    if (a->communities == ECOSYS_SUMMARY_COMMUNITIES_NONE)
        return 0;
    ecosys_community_options co = ECOSYS_COMMUNITY_OPTIONS_INIT;
    co.algorithm = a->communities == ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN
                       ? ECOSYS_COMMUNITY_LOUVAIN
                       : ECOSYS_COMMUNITY_LEIDEN;
    co.seed = a->seed;
    co.weighted = s->weighted;
    int rc = ecosys_community_detect(&a->community, &a->modularity, s->graph, &co);
    if (rc)
        return rc;
    a->actor_community = ecosys_partition_membership(a->community);
    a->within_module_z = ecosys_i_alloc_array(s->n, sizeof(double));
    a->community_participation = ecosys_i_alloc_array(s->n, sizeof(double));
    a->role = ecosys_i_alloc_array(s->n, sizeof *a->role);
    if (!a->within_module_z || !a->community_participation || !a->role)
        return ecosys_i_error_nomem();
    if ((rc = ecosys_roles(a->role, a->community_participation, a->within_module_z, s->graph,
                           a->community, w)))
        return rc;
    size_t count = ecosys_partition_group_count(a->community);
    int make_up = count == 0 || s->group_count <= ECOSYS_I_MAX_COMPOSITION_CELLS / count;
    return ecosys_community_summary_compute(&a->community_summary, s->graph, a->community,
                                            make_up ? s->partition : NULL);
}

int ecosys_i_across_compute(ecosys_i_summary *s, const ecosys_summary_options *o)
{
    ecosys_i_across *a = &s->across;
    memset(a, 0, sizeof *a);
    a->seed = o->seed;
    a->replicates = o->replicates;
    a->communities = o->communities;
    a->ei_p = a->assortativity = a->modularity = NAN;
    if (o->skip_across_groups)
        return 0;
    a->computed = 1;
    unsigned int w = s->weighted ? ECOSYS_WEIGHTED : 0u;
    int rc;
    if ((rc = compute_mixing(s, w)) ||
        (rc = ecosys_structural_holes_compute(&a->holes, s->graph, w)) ||
        (rc = ecosys_brokerage_roles(&a->brokerage, s->graph, s->partition, 0)) ||
        (rc = compute_communities(s, w)) || (rc = compute_ranks(s)))
        return rc;
    return 0;
}
