/* Gould-Fernandez brokerage roles with sna::brokerage()'s null model. See
 * ecosys/brokerage.h and docs/measures.md "Brokerage".
 *
 * Counting, per broker v (no igraph call; CSR of graph/adjacency.h):
 *   mark the out-neighbours c of v (stamp[c] = v + 1) and count them per
 *   group (per_group[g]); for each in-neighbour a of v, the two-paths
 *   a -> v -> c that are *closed* are those with c == a or a -> c. Count
 *   the closed ones in a's group, in v's group and in all, either by
 *   walking a's out-list against the marks (d_out(a) steps) or by looking
 *   each c of v up in a's sorted out-list (d_out(v) log d_out(a) steps),
 *   whichever is cheaper; the open ones per category are the marks minus
 *   the closed. No per-pair allocation, no per-path classification.
 *
 * Null model: the expectations and variances of sna 2.7's brokerage()
 * (R source printed by `Rscript -e 'library(sna); print(brokerage)'`),
 * rewritten so that no sum runs over pairs or triples of groups: sums over
 * other groups are totals minus the group's own term, pair sums run over
 * the K distinct group sizes (K < sqrt(2n)), and the triple sum of the
 * liaison's graph-level variance uses power sums (derivation at
 * graph_liaison_variance()). */
#include "ecosys/brokerage.h"

#include "core/error.h"
#include "graph/adjacency.h"
#include "graph/partition_internal.h"
#include "measures/measures_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ROLES ECOSYS_BROKERAGE_ROLE_COUNT

const char *ecosys_brokerage_role_name(int role)
{
    static const char *const names[ROLES] = {"coordinator", "itinerant", "representative",
                                             "gatekeeper", "liaison", "total"};
    return role >= 0 && role < ROLES ? names[role] : NULL;
}

void ecosys_brokerage_dispose(ecosys_brokerage *b)
{
    if (!b)
        return;
    free(b->raw);
    free(b->expected);
    free(b->sd);
    free(b->z);
    free(b->group_expected);
    free(b->group_sd);
    memset(b, 0, sizeof *b);
}

/* ---- counting ------------------------------------------------------------ */

/* ceil(log2(x + 1)), at least 1: the cost factor of a binary search. */
static unsigned int search_cost(size_t x)
{
    unsigned int bits = 1;
    while (x >>= 1)
        bits++;
    return bits;
}

static int count_roles(uint64_t *raw, const ecosys_i_adjacency *adj, const size_t *group,
                       size_t group_count)
{
    size_t n = adj->n;
    size_t *stamp = calloc(n ? n : 1, sizeof *stamp);
    size_t *per_group = calloc(group_count ? group_count : 1, sizeof *per_group);
    if (!stamp || !per_group) {
        free(stamp);
        free(per_group);
        return ecosys_i_error_nomem();
    }
    const size_t *os = adj->out_start, *is = adj->in_start;
    const uint32_t *on = adj->out_nbr, *in = adj->in_nbr;
    for (size_t v = 0; v < n; v++) {
        uint64_t *r = raw + v * ROLES;
        size_t ob = os[v], oe = os[v + 1], k_out = oe - ob;
        if (k_out == 0 || is[v] == is[v + 1])
            continue;
        size_t gv = group[v], mark = v + 1;
        for (size_t k = ob; k < oe; k++) {
            stamp[on[k]] = mark;
            per_group[group[on[k]]]++;
        }
        size_t k_gv = per_group[gv];
        for (size_t k = is[v]; k < is[v + 1]; k++) {
            uint32_t a = in[k];
            size_t ga = group[a], ab = os[a], ae = os[a + 1], d_a = ae - ab;
            size_t closed = 0, closed_ga = 0, closed_gv = 0;
            if (stamp[a] == mark) { /* c == a: not a two-path */
                closed++;
                closed_ga++;
                closed_gv += ga == gv;
            }
            if (d_a <= (size_t) search_cost(d_a) * k_out) {
                /* Walk a's out-list against the marks (v itself is not marked). */
                for (size_t l = ab; l < ae; l++) {
                    uint32_t x = on[l];
                    if (stamp[x] != mark)
                        continue;
                    size_t gx = group[x];
                    closed++;
                    closed_ga += gx == ga;
                    closed_gv += gx == gv;
                }
            } else {
                /* Look each out-neighbour of v up in a's sorted out-list. */
                for (size_t l = ob; l < oe; l++) {
                    uint32_t c = on[l];
                    if (c == a || ecosys_i_adjacency_find(on, ab, ae, c) == SIZE_MAX)
                        continue;
                    size_t gc = group[c];
                    closed++;
                    closed_ga += gc == ga;
                    closed_gv += gc == gv;
                }
            }
            size_t open = k_out - closed, open_gv = k_gv - closed_gv;
            if (ga == gv) {
                r[ECOSYS_ROLE_COORDINATOR] += open_gv;
                r[ECOSYS_ROLE_REPRESENTATIVE] += open - open_gv;
            } else {
                size_t open_ga = per_group[ga] - closed_ga;
                r[ECOSYS_ROLE_ITINERANT] += open_ga;
                r[ECOSYS_ROLE_GATEKEEPER] += open_gv;
                r[ECOSYS_ROLE_LIAISON] += open - open_ga - open_gv;
            }
            r[ECOSYS_ROLE_TOTAL] += open;
        }
        for (size_t k = ob; k < oe; k++)
            per_group[group[on[k]]] = 0;
    }
    free(stamp);
    free(per_group);
    return 0;
}

/* ---- null model ------------------------------------------------------------ */

/* Coefficients of sna's variances, D = d^2 (1 - d) the probability of an
 * open two-path. */
typedef struct null_terms {
    double N, D, A, B, C; /* A = d^3(1-d)^3, B = d^4(1-d)^2, C = d^5(1-d) */
} null_terms;

static double choose2(double x)
{
    return x * (x - 1) / 2;
}

/* A group size and how many groups have it. */
typedef struct size_class {
    double size;
    double count;
} size_class;

static int compare_sizes(const void *a, const void *b)
{
    size_t x = *(const size_t *) a, y = *(const size_t *) b;
    return (x > y) - (x < y);
}

/* Graph-level variance of the liaison count. sna sums over ordered triples
 * (i, j, k) of pairwise distinct groups
 *   n_i n_j n_k [ (4(N - n_j) - 2(n_i + n_k + 1)) A
 *               - (4(N - n_k) - 2(n_i + n_j + 1)) B + (N - n_i - n_k - 1) C ].
 * The sum over such triples is symmetric in the three positions, so with
 * P = sum n_i n_j n_k and Q = sum n_i n_j n_k n_i (= ... n_j = ... n_k):
 *   A part (4N - 2) P - 8 Q, B part the same negated, C part (N - 1) P - 2 Q;
 * and P = sum_i n_i T_i, Q = sum_i n_i^2 T_i with T_i the sum of n_j n_k
 * over ordered pairs of distinct groups other than i,
 * T_i = (N - n_i)^2 - (S2 - n_i^2). O(G). */
static double graph_liaison_variance(const null_terms *t, const double *sizes, size_t groups,
                                     double s2)
{
    double P = 0, Q = 0;
    for (size_t i = 0; i < groups; i++) {
        double u = sizes[i], T = (t->N - u) * (t->N - u) - (s2 - u * u);
        P += u * T;
        Q += u * u * T;
    }
    return ((4 * t->N - 2) * P - 8 * Q) * (t->A - t->B) + ((t->N - 1) * P - 2 * Q) * t->C;
}

/* z-score as R computes (raw - exp) / sd, without dividing by zero. */
static double z_score(double raw, double expected, double sd)
{
    double diff = raw - expected;
    if (isnan(diff) || isnan(sd))
        return NAN;
    if (sd == 0)
        return diff == 0 ? NAN : (diff > 0 ? INFINITY : -INFINITY);
    return diff / sd;
}

static int null_model(ecosys_brokerage *out, const ecosys_partition *p)
{
    size_t G = out->group_count, n = out->actor_count;
    double N = (double) n;
    double d = n < 2 ? NAN : (double) out->arc_count / (N * (N - 1));
    out->density = d;
    null_terms t = {N, d * d * (1 - d), pow(d, 3) * pow(1 - d, 3), pow(d, 4) * pow(1 - d, 2),
                    pow(d, 5) * (1 - d)};
    double *sizes = malloc((G ? G : 1) * sizeof *sizes);
    size_t *sorted = malloc((G ? G : 1) * sizeof *sorted);
    size_class *classes = malloc((G ? G : 1) * sizeof *classes);
    if (!sizes || !sorted || !classes) {
        free(sizes);
        free(sorted);
        free(classes);
        return ecosys_i_error_nomem();
    }
    double s2 = 0, f2 = 0, f3 = 0;
    for (size_t g = 0; g < G; g++) {
        double u = (double) ecosys_partition_group_size(p, g);
        sizes[g] = u;
        sorted[g] = ecosys_partition_group_size(p, g);
        s2 += u * u;
        f2 += u * (u - 1);
        f3 += u * (u - 1) * (u - 2);
    }
    qsort(sorted, G, sizeof *sorted, compare_sizes);
    size_t K = 0;
    for (size_t g = 0; g < G; g++) {
        if (K > 0 && classes[K - 1].size == (double) sorted[g])
            classes[K - 1].count++;
        else
            classes[K++] = (size_class){(double) sorted[g], 1};
    }
    double keep = 1 - t.D; /* every variance is E (1 - D) + covariance terms */

    /* Per group (sna's exp.grp, sd.grp). */
    for (size_t g = 0; g < G; g++) {
        double u = sizes[g], *e = out->group_expected + g * ROLES, v[ROLES];
        double liaison_pairs = 0; /* sum over other groups j of n_j C(N - n_j - u, 2) */
        for (size_t k = 0; k < K; k++)
            liaison_pairs += classes[k].count * classes[k].size *
                             choose2(N - classes[k].size - u);
        liaison_pairs -= u * choose2(N - 2 * u);
        e[0] = t.D * (u - 1) * (u - 2);
        v[0] = e[0] * keep + 2 * (u - 1) * (u - 2) * (u - 3) * t.A;
        e[1] = t.D * (f2 - u * (u - 1));
        v[1] = e[1] * keep + 2 * (f3 - u * (u - 1) * (u - 2)) * t.A;
        e[2] = t.D * (N - u) * (u - 1);
        v[2] = e[2] * keep + 2 * ((u - 1) * choose2(N - u) + (N - u) * choose2(u - 1)) * t.A;
        e[3] = e[2];
        v[3] = v[2];
        e[4] = t.D * ((N - u) * (N - u) - (s2 - u * u));
        v[4] = e[4] * keep + 4 * liaison_pairs * t.A;
        e[5] = t.D * (N - 1) * (N - 2);
        v[5] = e[5] * keep + 2 * (N - 1) * (N - 2) * (N - 3) * t.A;
        for (int r = 0; r < ROLES; r++)
            out->group_sd[g * ROLES + r] = sqrt(v[r]);
    }

    /* Per actor: the group's values (exp.nli, sd.nli, z.nli). */
    const size_t *membership = ecosys_partition_membership(p);
    for (size_t a = 0; a < n; a++) {
        size_t g = membership[a];
        for (int r = 0; r < ROLES; r++) {
            double e = out->group_expected[g * ROLES + r], s = out->group_sd[g * ROLES + r];
            out->expected[a * ROLES + r] = e;
            out->sd[a * ROLES + r] = s;
            out->z[a * ROLES + r] = z_score((double) out->raw[a * ROLES + r], e, s);
        }
    }

    /* Graph level (exp.gli, sd.gli, z.gli). */
    double e[ROLES], v[ROLES], sum_io = 0, var1 = 0, var3 = 0, e5 = 0, var2 = 0;
    for (size_t g = 0; g < G; g++) {
        double u = sizes[g];
        sum_io += u * (N - u) * (u - 1);
        var1 += u * (u - 1) * (u - 2) *
                ((4 * u - 10) * t.A - 4 * (u - 3) * t.B + (u - 3) * t.C);
        var3 += u * (N - u) * (u - 1) * ((N - 3) * t.A + (u - 2) * t.C);
    }
    for (size_t k = 0; k < K; k++) {     /* ordered pairs of distinct groups, */
        for (size_t l = 0; l < K; l++) { /* by size class */
            double x = classes[k].size, y = classes[l].size;
            double pairs = classes[k].count * (classes[l].count - (k == l ? 1 : 0));
            if (pairs == 0)
                continue;
            e5 += pairs * x * y * (N - x - y);
            var2 += pairs * x * y * (x - 1) * ((2 * x + 2 * y - 6) * t.A + (N - x - 1) * t.C);
        }
    }
    e[0] = t.D * f3;
    v[0] = e[0] * keep + var1;
    e[1] = t.D * sum_io;
    v[1] = e[1] * keep + var2;
    e[2] = t.D * sum_io;
    v[2] = e[2] * keep + var3;
    e[3] = e[2];
    v[3] = v[2];
    e[4] = t.D * e5;
    v[4] = e[4] * keep + graph_liaison_variance(&t, sizes, G, s2);
    e[5] = t.D * N * (N - 1) * (N - 2);
    v[5] = e[5] * keep +
           N * (N - 1) * (N - 2) * ((4 * N - 10) * t.A - 4 * (N - 3) * t.B + (N - 3) * t.C);
    for (int r = 0; r < ROLES; r++) {
        out->graph_expected[r] = e[r];
        out->graph_sd[r] = sqrt(v[r]);
        out->graph_z[r] = z_score((double) out->graph_raw[r], e[r], out->graph_sd[r]);
    }
    free(sizes);
    free(sorted);
    free(classes);
    return 0;
}

/* ---- entry point ------------------------------------------------------------- */

int ecosys_brokerage_roles(ecosys_brokerage *out, const ecosys_graph *g,
                           const ecosys_partition *p, unsigned int flags)
{
    if (!out || !g || !p)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_brokerage_roles: NULL argument");
    memset(out, 0, sizeof *out);
    if (flags)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_brokerage_roles: flags 0x%x not accepted (accepted: 0)",
                              flags);
    size_t n = g->info.actor_count;
    int rc = ecosys_i_partition_check(p, n, "ecosys_brokerage_roles");
    if (rc)
        return rc;
    size_t G = ecosys_partition_group_count(p);
    size_t cells = (n ? n : 1), gcells = (G ? G : 1);
    if (cells > SIZE_MAX / (ROLES * sizeof(double)) || gcells > SIZE_MAX / (ROLES * sizeof(double)))
        return ecosys_i_error_nomem();
    out->actor_count = n;
    out->group_count = G;
    out->raw = calloc(cells * ROLES, sizeof *out->raw);
    out->expected = malloc(cells * ROLES * sizeof *out->expected);
    out->sd = malloc(cells * ROLES * sizeof *out->sd);
    out->z = malloc(cells * ROLES * sizeof *out->z);
    out->group_expected = malloc(gcells * ROLES * sizeof *out->group_expected);
    out->group_sd = malloc(gcells * ROLES * sizeof *out->group_sd);
    if (!out->raw || !out->expected || !out->sd || !out->z || !out->group_expected ||
        !out->group_sd) {
        rc = ecosys_i_error_nomem();
        goto fail;
    }
    ecosys_i_adjacency adj;
    rc = ecosys_i_adjacency_init(&adj, g, 0);
    if (rc)
        goto fail;
    out->arc_count = adj.arcs;
    rc = count_roles(out->raw, &adj, ecosys_partition_membership(p), G);
    ecosys_i_adjacency_destroy(&adj);
    if (rc)
        goto fail;
    for (size_t v = 0; v < n; v++)
        for (int r = 0; r < ROLES; r++)
            out->graph_raw[r] += out->raw[v * ROLES + r];
    rc = null_model(out, p);
    if (rc)
        goto fail;
    return 0;
fail:
    ecosys_brokerage_dispose(out);
    return rc;
}
