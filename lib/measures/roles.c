/* Participation coefficient, within-module degree z-score and the
 * Guimera-Amaral roles, over any partition. One pass over libecosys's own
 * adjacency lists, no igraph call (see communities_internal.h). See
 * ecosys/communities.h and docs/measures.md, "Communities and roles". */
#include "measures/communities_internal.h"
#include "measures/measures_internal.h"
#include "measures/neighbour_groups.h"

#include "core/error.h"
#include "graph/partition_internal.h"

#include <math.h>
#include <stdlib.h>

/* ---- roles from (z, P) ------------------------------------------------------- */

ecosys_role ecosys_role_classify(double z, double p)
{
    if (isnan(p))
        p = 0.0;
    if (z >= ECOSYS_ROLE_HUB_Z) { /* NaN compares false: a non-hub */
        if (p <= 0.30)
            return ECOSYS_ROLE_PROVINCIAL_HUB;
        if (p <= 0.75)
            return ECOSYS_ROLE_CONNECTOR_HUB;
        return ECOSYS_ROLE_KINLESS_HUB;
    }
    if (p <= 0.05)
        return ECOSYS_ROLE_ULTRA_PERIPHERAL;
    if (p <= 0.62)
        return ECOSYS_ROLE_PERIPHERAL;
    if (p <= 0.80)
        return ECOSYS_ROLE_NONHUB_CONNECTOR;
    return ECOSYS_ROLE_NONHUB_KINLESS;
}

const char *ecosys_role_name(ecosys_role role)
{
    switch (role) {
    case ECOSYS_ROLE_ULTRA_PERIPHERAL:
        return "ultra_peripheral";
    case ECOSYS_ROLE_PERIPHERAL:
        return "peripheral";
    case ECOSYS_ROLE_NONHUB_CONNECTOR:
        return "nonhub_connector";
    case ECOSYS_ROLE_NONHUB_KINLESS:
        return "nonhub_kinless";
    case ECOSYS_ROLE_PROVINCIAL_HUB:
        return "provincial_hub";
    case ECOSYS_ROLE_CONNECTOR_HUB:
        return "connector_hub";
    case ECOSYS_ROLE_KINLESS_HUB:
        return "kinless_hub";
    }
    return "unknown";
}

/* ---- the measures ------------------------------------------------------------- */

/* z_i = (k_i,s_i - mean) / sd over the members of s_i, population sd; 0
 * when every member has the same inner degree. @p inner: n doubles;
 * @p mean, @p var, @p low, @p high: one double per group. */
static void within_module_z(double *out, const ecosys_i_neighbours *a, const size_t *group,
                            const size_t *size, size_t groups, double *inner, double *mean,
                            double *var, double *low, double *high)
{
    size_t n = a->n;
    for (size_t s = 0; s < groups; s++) {
        mean[s] = var[s] = 0.0;
        low[s] = INFINITY;
        high[s] = -INFINITY;
    }
    for (size_t v = 0; v < n; v++) {
        double k = 0.0;
        for (size_t i = a->start[v]; i < a->start[v + 1]; i++)
            if (group[a->nbr[i]] == group[v])
                k += ecosys_i_neighbour_weight(a, i);
        inner[v] = k;
        size_t s = group[v];
        mean[s] += k;
        if (k < low[s])
            low[s] = k;
        if (k > high[s])
            high[s] = k;
    }
    for (size_t s = 0; s < groups; s++)
        mean[s] /= (double) size[s];
    for (size_t v = 0; v < n; v++) {
        double d = inner[v] - mean[group[v]];
        var[group[v]] += d * d;
    }
    for (size_t v = 0; v < n; v++) {
        size_t s = group[v];
        /* Equal inner degrees (low == high, exact): sd 0, z 0, without the
         * rounding residue of the mean. */
        if (low[s] == high[s]) {
            out[v] = 0.0;
            continue;
        }
        double sd = sqrt(var[s] / (double) size[s]);
        out[v] = (inner[v] - mean[s]) / sd;
    }
}

/* Computes whichever of @p roles, @p p and @p z is not NULL. */
static int roles_impl(ecosys_role *roles, double *p, double *z, const ecosys_graph *g,
                      const ecosys_partition *partition, unsigned int flags, const char *what)
{
    int rc = ecosys_i_measure_args(g, g, flags, ECOSYS_WEIGHTED | ECOSYS_I_MODE_BITS, what);
    if (rc)
        return rc;
    if ((rc = ecosys_i_partition_check(partition, g->info.actor_count, what)))
        return rc;
    size_t n = g->info.actor_count, groups = ecosys_partition_group_count(partition);
    const size_t *group = ecosys_partition_membership(partition);
    ecosys_i_adjacency adj;
    int weighted = (flags & ECOSYS_WEIGHTED) != 0;
    if ((rc = ecosys_i_adjacency_init(&adj, g, weighted ? ECOSYS_I_ADJ_WEIGHTS : 0)))
        return rc;
    ecosys_i_neighbours a = ecosys_i_neighbours_by_mode(&adj, flags, weighted);
    double *own_p = NULL, *own_z = NULL, *inner = NULL, *scratch = NULL;
    size_t *size = NULL;
    if (roles && !p)
        p = own_p = ecosys_i_alloc_array(n, sizeof *own_p);
    if (roles && !z)
        z = own_z = ecosys_i_alloc_array(n, sizeof *own_z);
    /* mean, var, low, high (z): 4 per group. */
    scratch = ecosys_i_alloc_array(groups, 4 * sizeof *scratch);
    inner = ecosys_i_alloc_array(n, sizeof *inner);
    size = ecosys_i_alloc_array(groups, sizeof *size);
    if ((roles && (!p || !z)) || !scratch || !inner || !size) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    /* P_i = 1 - sum_s (k_is / k_i)^2; 0 for isolates (stated convention). */
    if (p && (rc = ecosys_i_group_dispersion(p, &a, group, groups, 0.0)))
        goto done;
    if (z) {
        for (size_t s = 0; s < groups; s++)
            size[s] = ecosys_partition_group_size(partition, s);
        within_module_z(z, &a, group, size, groups, inner, scratch, scratch + groups,
                        scratch + 2 * groups, scratch + 3 * groups);
    }
    if (roles)
        for (size_t v = 0; v < n; v++)
            roles[v] = ecosys_role_classify(z[v], p[v]);
done:
    free(own_p);
    free(own_z);
    free(inner);
    free(scratch);
    free(size);
    ecosys_i_adjacency_destroy(&adj);
    return rc;
}

int ecosys_participation(double *out, const ecosys_graph *g, const ecosys_partition *partition,
                         unsigned int flags)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_participation: NULL argument");
    return roles_impl(NULL, out, NULL, g, partition, flags, "ecosys_participation");
}

int ecosys_within_module_z(double *out, const ecosys_graph *g,
                           const ecosys_partition *partition, unsigned int flags)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_within_module_z: NULL argument");
    return roles_impl(NULL, NULL, out, g, partition, flags, "ecosys_within_module_z");
}

int ecosys_roles(ecosys_role *out_roles, double *out_participation, double *out_z,
                 const ecosys_graph *g, const ecosys_partition *partition, unsigned int flags)
{
    if (!out_roles)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_roles: NULL argument");
    return roles_impl(out_roles, out_participation, out_z, g, partition, flags, "ecosys_roles");
}
