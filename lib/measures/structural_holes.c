/* Burt's structural holes: constraint, effective size, efficiency,
 * hierarchy. See ecosys/brokerage.h and docs/measures.md "Brokerage".
 *
 * One pass per ego i over the pooled CSR lists (graph/adjacency.h), no
 * igraph call:
 *   mark the contacts j of i (stamp[j] = i + 1), contrib[j] = p_ij;
 *   for each contact q of i, for each contact j of q that is a contact of
 *   i (and not i): contrib[j] += p_iq p_qj          (constraint)
 *                  redundancy += p_iq a_qj / max_k a_jk  (effective size)
 *   C_i = sum_j contrib[j]^2; ES_i = n_i - redundancy.
 * This is igraph_constraint()'s computation (igraph 0.10,
 * src/centrality/centrality_other.c) on flat arrays: same pooled weights,
 * same p_ij denominators (strength over all incident arcs). */
#include "ecosys/brokerage.h"

#include "core/error.h"
#include "graph/adjacency.h"
#include "measures/measures_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Outputs wanted; any may be NULL. */
typedef struct holes_out {
    size_t *contacts;
    double *constraint;
    double *effective_size;
    double *efficiency;
    double *hierarchy;
} holes_out;

static int holes_impl(const holes_out *o, const ecosys_graph *g, unsigned int flags)
{
    ecosys_i_adjacency adj;
    unsigned int parts = ECOSYS_I_ADJ_WEIGHTS | ((flags & ECOSYS_WEIGHTED) ? 0 : ECOSYS_I_ADJ_UNIT);
    int rc = ecosys_i_adjacency_init(&adj, g, parts);
    if (rc)
        return rc;
    size_t n = adj.n;
    double *strength = malloc((n ? n : 1) * sizeof *strength);
    double *inv_max_w = malloc((n ? n : 1) * sizeof *inv_max_w); /* 1 / strongest tie */
    double *contrib = malloc((n ? n : 1) * sizeof *contrib);
    size_t *stamp = calloc(n ? n : 1, sizeof *stamp);
    if (!strength || !inv_max_w || !contrib || !stamp) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    const size_t *start = adj.all_start;
    const uint32_t *nbr = adj.all_nbr;
    const double *w = adj.all_w;
    for (size_t v = 0; v < n; v++) {
        double s = 0, mx = 0;
        for (size_t k = start[v]; k < start[v + 1]; k++) {
            s += w[k];
            if (w[k] > mx)
                mx = w[k];
        }
        strength[v] = s;
        inv_max_w[v] = mx > 0 ? 1.0 / mx : 0; /* no division in the inner loop */
    }
    for (size_t i = 0; i < n; i++) {
        size_t b = start[i], e = start[i + 1], contacts = e - b;
        if (o->contacts)
            o->contacts[i] = contacts;
        if (contacts == 0) {
            if (o->constraint)
                o->constraint[i] = NAN;
            if (o->effective_size)
                o->effective_size[i] = NAN;
            if (o->efficiency)
                o->efficiency[i] = NAN;
            if (o->hierarchy)
                o->hierarchy[i] = NAN;
            continue;
        }
        double inv_si = 1.0 / strength[i];
        for (size_t k = b; k < e; k++) {
            stamp[nbr[k]] = i + 1;
            contrib[nbr[k]] = w[k] * inv_si;
        }
        double redundancy = 0;
        for (size_t k = b; k < e; k++) {
            uint32_t q = nbr[k];
            double p_iq = w[k] * inv_si, p_iq_over_sq = p_iq / strength[q];
            for (size_t l = start[q]; l < start[q + 1]; l++) {
                uint32_t j = nbr[l];
                if (stamp[j] != i + 1) /* not a contact of i (i itself is not marked) */
                    continue;
                contrib[j] += p_iq_over_sq * w[l];
                redundancy += p_iq * w[l] * inv_max_w[j];
            }
        }
        double c_total = 0;
        for (size_t k = b; k < e; k++) {
            double c = contrib[nbr[k]];
            c_total += c * c;
        }
        if (o->constraint)
            o->constraint[i] = c_total;
        double es = (double) contacts - redundancy;
        if (o->effective_size)
            o->effective_size[i] = es;
        if (o->efficiency)
            o->efficiency[i] = es / (double) contacts;
        if (o->hierarchy) {
            if (contacts < 2) {
                o->hierarchy[i] = NAN;
            } else {
                double mean = c_total / (double) contacts, h = 0;
                for (size_t k = b; k < e; k++) {
                    double c = contrib[nbr[k]], r = c * c / mean;
                    h += r * log(r);
                }
                h /= (double) contacts * log((double) contacts);
                /* Equal contributions give 0 up to rounding: keep it 0, not -1e-17. */
                o->hierarchy[i] = fabs(h) < 1e-15 ? 0.0 : h;
            }
        }
    }
done:
    free(strength);
    free(inv_max_w);
    free(contrib);
    free(stamp);
    ecosys_i_adjacency_destroy(&adj);
    return rc;
}

static int one_measure(double *out, const ecosys_graph *g, unsigned int flags, const char *what,
                       int which)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED, what);
    if (rc)
        return rc;
    holes_out o = {0};
    switch (which) {
    case 0: o.constraint = out; break;
    case 1: o.effective_size = out; break;
    case 2: o.efficiency = out; break;
    default: o.hierarchy = out; break;
    }
    return holes_impl(&o, g, flags);
}

int ecosys_constraint(double *out, const ecosys_graph *g, unsigned int flags)
{
    return one_measure(out, g, flags, "ecosys_constraint", 0);
}

int ecosys_effective_size(double *out, const ecosys_graph *g, unsigned int flags)
{
    return one_measure(out, g, flags, "ecosys_effective_size", 1);
}

int ecosys_efficiency(double *out, const ecosys_graph *g, unsigned int flags)
{
    return one_measure(out, g, flags, "ecosys_efficiency", 2);
}

int ecosys_hierarchy(double *out, const ecosys_graph *g, unsigned int flags)
{
    return one_measure(out, g, flags, "ecosys_hierarchy", 3);
}

void ecosys_structural_holes_dispose(ecosys_structural_holes *h)
{
    if (!h)
        return;
    free(h->contacts);
    free(h->constraint);
    free(h->effective_size);
    free(h->efficiency);
    free(h->hierarchy);
    memset(h, 0, sizeof *h);
}

int ecosys_structural_holes_compute(ecosys_structural_holes *out, const ecosys_graph *g,
                                    unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED,
                                   "ecosys_structural_holes_compute");
    if (rc)
        return rc;
    memset(out, 0, sizeof *out);
    size_t n = g->info.actor_count, cells = n ? n : 1;
    out->actor_count = n;
    out->weighted = (flags & ECOSYS_WEIGHTED) != 0;
    out->contacts = malloc(cells * sizeof *out->contacts);
    out->constraint = malloc(cells * sizeof(double));
    out->effective_size = malloc(cells * sizeof(double));
    out->efficiency = malloc(cells * sizeof(double));
    out->hierarchy = malloc(cells * sizeof(double));
    if (!out->contacts || !out->constraint || !out->effective_size || !out->efficiency ||
        !out->hierarchy) {
        ecosys_structural_holes_dispose(out);
        return ecosys_i_error_nomem();
    }
    holes_out o = {out->contacts, out->constraint, out->effective_size, out->efficiency,
                   out->hierarchy};
    rc = holes_impl(&o, g, flags);
    if (rc)
        ecosys_structural_holes_dispose(out);
    return rc;
}
