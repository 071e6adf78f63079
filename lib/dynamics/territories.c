/* Comparison between territories (ecosys/territories.h): the
 * difference-in-differences with its exact permutation p-value, and the
 * table of territories with z-scores against a null model.
 *
 * Both build each territory's graph with ecosys_graph_new() (the snapshot's
 * options with territory = t). The DiD computes the statistics with the
 * null models' own code (nullmodel_internal.h), so its values are the
 * "observed" of ecosys_null_test_run() bit for bit; the table runs
 * ecosys_null_test_run() itself, once per territory. */
#include "ecosys/territories.h"

#include "core/error.h"
#include "core/names.h"
#include "core/text_copy.h"
#include "dynamics/nullmodel_internal.h"
#include "ecosys/partition.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ecosys_territory_options_init(ecosys_territory_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_territory_options_init: NULL options");
    if (version != ECOSYS_TERRITORY_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_territory_options_init: unknown options version %u "
                              "(this library knows %d)",
                              version, ECOSYS_TERRITORY_OPTIONS_VERSION);
    ecosys_territory_options defaults = ECOSYS_TERRITORY_OPTIONS_INIT;
    *options = defaults;
    return 0;
}

void ecosys_territory_did_dispose(ecosys_territory_did *did)
{
    if (!did)
        return;
    ecosys_i_names_free(did->territories, did->territory_count);
    free(did->actors_before);
    free(did->ties_before);
    free(did->actors_after);
    free(did->ties_after);
    free(did->before);
    free(did->after);
    free(did->did_as_treated);
    free(did->results);
    memset(did, 0, sizeof *did);
}

void ecosys_territory_table_dispose(ecosys_territory_table *table)
{
    if (!table)
        return;
    ecosys_i_names_free(table->territories, table->territory_count);
    free(table->actor_counts);
    free(table->tie_counts);
    free(table->results);
    memset(table, 0, sizeof *table);
}

/* ---- the territories compared --------------------------------------------------- */

typedef struct first_seen {
    const char *name; /* borrowed from the dataset */
    size_t index;     /* first actor with it */
} first_seen;

static int compare_by_name(const void *x, const void *y)
{
    const first_seen *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

static int compare_by_index(const void *x, const void *y)
{
    const first_seen *a = x, *b = y;
    return (a->index > b->index) - (a->index < b->index);
}

/* The territories of the options, or every non-empty territory of the
 * dataset in order of first appearance: *out receives *count new strings. */
static int territories_list(char ***out, size_t *count, const ecosys_dataset *dataset,
                            const ecosys_territory_options *o, const char *fn)
{
    *out = NULL;
    *count = 0;
    size_t n = ecosys_dataset_actor_count(dataset);
    first_seen *seen = malloc((n + 1) * sizeof *seen);
    if (!seen)
        return ecosys_i_error_nomem();
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *t = ecosys_dataset_field(dataset, ECOSYS_TABLE_ACTORS, i, "territory");
        if (t && t[0])
            seen[k++] = (first_seen){t, i};
    }
    qsort(seen, k, sizeof *seen, compare_by_name);
    size_t unique = 0;
    for (size_t i = 0; i < k; i++)
        if (unique == 0 || strcmp(seen[unique - 1].name, seen[i].name) != 0)
            seen[unique++] = seen[i];
    qsort(seen, unique, sizeof *seen, compare_by_index);

    size_t wanted = o->territories ? o->territory_count : unique;
    char **names = calloc(wanted + 1, sizeof *names);
    if (!names) {
        free(seen);
        return ecosys_i_error_nomem();
    }
    int rc = 0;
    for (size_t i = 0; i < wanted && rc == 0; i++) {
        const char *name = o->territories ? o->territories[i] : seen[i].name;
        if (!name) {
            rc = ecosys_i_error(ECOSYS_EINVAL, "%s: territory %zu of the options is NULL", fn, i);
            break;
        }
        if (o->territories) {
            int found = 0; /* O(K x territories): the lists are short */
            for (size_t j = 0; j < unique && !found; j++)
                found = strcmp(seen[j].name, name) == 0;
            if (!found) {
                rc = ecosys_i_error(ECOSYS_ENOTFOUND, "%s: no actor has the territory \"%s\"", fn,
                                    name);
                break;
            }
            for (size_t j = 0; j < i; j++)
                if (strcmp(names[j], name) == 0) {
                    rc = ecosys_i_error(ECOSYS_EINVAL, "%s: the territory \"%s\" is named twice",
                                        fn, name);
                    break;
                }
            if (rc)
                break;
        }
        rc = ecosys_i_text_copy(&names[i], name);
    }
    free(seen);
    if (rc) {
        ecosys_i_names_free(names, wanted);
        return rc;
    }
    *out = names;
    *count = wanted;
    return 0;
}

/* ---- statistics of one territory's graph ---------------------------------------- */

static int check_statistics(const ecosys_statistic *stats, size_t count, const char *fn)
{
    if (!stats || count == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: no statistic asked for", fn);
    for (size_t s = 0; s < count; s++) {
        if (!ecosys_null_statistic_name(stats[s].kind))
            return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown statistic %d", fn,
                                  (int) stats[s].kind);
        if (stats[s].kind == ECOSYS_STATISTIC_CUSTOM && !stats[s].callback)
            return ecosys_i_error(ECOSYS_EINVAL, "%s: custom statistic %zu has no callback", fn, s);
    }
    return 0;
}

/* Builds territory @p territory's graph of the snapshot and its partition. */
static int territory_graph(ecosys_graph **graph, ecosys_partition **partition,
                           const ecosys_dataset *dataset, const ecosys_graph_options *snapshot,
                           const char *territory, const char *group)
{
    ecosys_graph_options go = ECOSYS_GRAPH_OPTIONS_INIT;
    if (snapshot)
        go = *snapshot;
    go.territory = territory;
    *graph = NULL;
    *partition = NULL;
    int rc = ecosys_graph_new(graph, dataset, &go);
    if (rc)
        return rc;
    if ((rc = ecosys_partition_by_attribute(partition, *graph, group))) {
        ecosys_graph_free(*graph);
        *graph = NULL;
    }
    return rc;
}

/* Values of the statistics on @p graph, as ecosys_null_test_run() computes
 * its observed values. */
static int statistics_of(double *values, const ecosys_graph *graph,
                         const ecosys_partition *partition, const ecosys_statistic *stats,
                         size_t count, const char *fn)
{
    ecosys_i_null_graph g;
    int rc = ecosys_i_null_graph_init(&g, graph, partition, 0);
    if (rc)
        return rc;
    ecosys_i_stat_scratch sc;
    if ((rc = ecosys_i_stat_scratch_init(&sc, g.n, g.m, g.group_count,
                                         ecosys_i_stat_needs(stats, count)))) {
        ecosys_i_null_graph_destroy(&g);
        return rc;
    }
    ecosys_graph_view view = {g.n, g.m, g.directed, g.src, g.dst, g.groups, g.group_count,
                              (size_t) -1};
    size_t failed_stat = 0;
    int failed_code = 0;
    rc = ecosys_i_statistics_compute(values, stats, count, &view, &sc, NULL, &failed_stat,
                                     &failed_code);
    if (rc)
        rc = ecosys_i_error(ECOSYS_ECOMPUTE, "%s: custom statistic %zu returned %d", fn,
                            failed_stat, failed_code);
    ecosys_i_stat_scratch_destroy(&sc);
    ecosys_i_null_graph_destroy(&g);
    return rc;
}

static int cancelled(const char *fn)
{
    return ecosys_i_error(ECOSYS_ECANCELLED, "%s: cancelled by the progress callback", fn);
}

/* ---- difference-in-differences --------------------------------------------------- */

/* Equal within rounding, as the null models count ties (ecosys_null_result). */
static int at_least(double x, double observed)
{
    return x >= observed - 1e-10 * fmax(1.0, fabs(observed));
}

static int at_most(double x, double observed)
{
    return x <= observed + 1e-10 * fmax(1.0, fabs(observed));
}

/* Fills the DiD of every arrangement and the results from before/after. */
static void did_reduce(ecosys_territory_did *out, const ecosys_statistic *stats)
{
    const size_t K = out->territory_count, S = out->statistic_count;
    for (size_t s = 0; s < S; s++) {
        for (size_t j = 0; j < K; j++) {
            double dj = out->after[j * S + s] - out->before[j * S + s];
            double sum = 0.0;
            size_t defined = 0;
            for (size_t i = 0; i < K; i++) {
                double di = out->after[i * S + s] - out->before[i * S + s];
                if (i != j && !isnan(di)) {
                    sum += di;
                    defined++;
                }
            }
            double comparison = defined ? sum / (double) defined : NAN;
            out->did_as_treated[j * S + s] = dj - comparison;
            if (j == out->treated) {
                ecosys_territory_did_result *r = &out->results[s];
                r->kind = stats[s].kind;
                r->treated_change = dj;
                r->comparison_change = comparison;
                r->did = dj - comparison;
                r->comparisons = defined;
            }
        }
        ecosys_territory_did_result *r = &out->results[s];
        size_t valid = 0, greater = 0, less = 0;
        for (size_t j = 0; j < K; j++) {
            double x = out->did_as_treated[j * S + s];
            if (isnan(x))
                continue;
            valid++;
            if (!isnan(r->did)) {
                greater += at_least(x, r->did);
                less += at_most(x, r->did);
            }
        }
        r->arrangements = valid;
        r->p_greater = isnan(r->did) || valid == 0 ? NAN : (double) greater / (double) valid;
        r->p_less = isnan(r->did) || valid == 0 ? NAN : (double) less / (double) valid;
    }
}

/* The options of a run (the defaults if @p options is NULL), checked
 * with the statistics. */
static int run_options(ecosys_territory_options *o, const ecosys_territory_options *options,
                       const ecosys_statistic *statistics, size_t statistic_count,
                       const char *fn)
{
    ecosys_territory_options defaults = ECOSYS_TERRITORY_OPTIONS_INIT;
    *o = defaults;
    if (options) {
        if (options->version != ECOSYS_TERRITORY_OPTIONS_VERSION)
            return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown options version %u", fn,
                                  options->version);
        *o = *options;
    }
    return check_statistics(statistics, statistic_count, fn);
}

int ecosys_territory_did_run(ecosys_territory_did *out, const ecosys_dataset *dataset,
                             const ecosys_graph_options *before,
                             const ecosys_graph_options *after, const char *treated,
                             const ecosys_statistic *statistics, size_t statistic_count,
                             const ecosys_territory_options *options)
{
    static const char fn[] = "ecosys_territory_did_run";
    if (out)
        memset(out, 0, sizeof *out);
    if (!out || !dataset || !treated)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", fn);
    ecosys_territory_options o;
    int rc = run_options(&o, options, statistics, statistic_count, fn);
    if (rc)
        return rc;
    const char *group = o.group ? o.group : "sector";

    ecosys_territory_did r;
    memset(&r, 0, sizeof r);
    if ((rc = territories_list(&r.territories, &r.territory_count, dataset, &o, fn)))
        return rc;
    const size_t K = r.territory_count, S = statistic_count;
    r.statistic_count = S;
    r.treated = K;
    for (size_t t = 0; t < K; t++)
        if (strcmp(r.territories[t], treated) == 0)
            r.treated = t;
    if (r.treated == K) {
        rc = ecosys_i_error(ECOSYS_ENOTFOUND, "%s: the treated territory \"%s\" is not among "
                                              "the territories compared", fn, treated);
        goto fail;
    }
    if (K < 2) {
        rc = ecosys_i_error(ECOSYS_EINVAL, "%s: a comparison needs at least two territories", fn);
        goto fail;
    }
    r.actors_before = calloc(K, sizeof *r.actors_before);
    r.ties_before = calloc(K, sizeof *r.ties_before);
    r.actors_after = calloc(K, sizeof *r.actors_after);
    r.ties_after = calloc(K, sizeof *r.ties_after);
    r.before = calloc(K * S, sizeof *r.before);
    r.after = calloc(K * S, sizeof *r.after);
    r.did_as_treated = calloc(K * S, sizeof *r.did_as_treated);
    r.results = calloc(S, sizeof *r.results);
    if (!r.actors_before || !r.ties_before || !r.actors_after || !r.ties_after || !r.before ||
        !r.after || !r.did_as_treated || !r.results || K * S / K != S) {
        rc = ecosys_i_error_nomem();
        goto fail;
    }
    if (o.progress && o.progress(0, 2 * K, o.progress_user)) {
        rc = cancelled(fn);
        goto fail;
    }
    for (size_t t = 0; t < K; t++) {
        for (int wave = 0; wave < 2; wave++) {
            ecosys_graph *g = NULL;
            ecosys_partition *p = NULL;
            rc = territory_graph(&g, &p, dataset, wave ? after : before, r.territories[t], group);
            if (rc == 0) {
                rc = statistics_of((wave ? r.after : r.before) + t * S, g, p, statistics, S, fn);
                (wave ? r.actors_after : r.actors_before)[t] = ecosys_graph_actor_count(g);
                (wave ? r.ties_after : r.ties_before)[t] = ecosys_graph_tie_count(g);
            }
            ecosys_partition_free(p);
            ecosys_graph_free(g);
            if (rc)
                goto fail;
        }
        if (o.progress && o.progress(2 * (t + 1), 2 * K, o.progress_user)) {
            rc = cancelled(fn);
            goto fail;
        }
    }
    did_reduce(&r, statistics);
    *out = r;
    return 0;
fail:
    ecosys_territory_did_dispose(&r);
    return rc;
}

/* ---- table of territories -------------------------------------------------------- */

typedef struct progress_offset {
    ecosys_progress_callback progress;
    void *user;
    size_t offset, total;
} progress_offset;

static int progress_shifted(size_t done, size_t total, void *user)
{
    (void) total;
    progress_offset *p = user;
    return p->progress(p->offset + done, p->total, p->user);
}

int ecosys_territory_table_run(ecosys_territory_table *out, const ecosys_dataset *dataset,
                               const ecosys_graph_options *snapshot,
                               const ecosys_statistic *statistics, size_t statistic_count,
                               const ecosys_territory_options *options)
{
    static const char fn[] = "ecosys_territory_table_run";
    if (out)
        memset(out, 0, sizeof *out);
    if (!out || !dataset)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", fn);
    ecosys_territory_options o;
    int rc = run_options(&o, options, statistics, statistic_count, fn);
    if (rc)
        return rc;
    const char *group = o.group ? o.group : "sector";
    if (o.replicates == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: replicates must be >= 1", fn);

    ecosys_territory_table r;
    memset(&r, 0, sizeof r);
    if ((rc = territories_list(&r.territories, &r.territory_count, dataset, &o, fn)))
        return rc;
    const size_t K = r.territory_count, S = statistic_count;
    r.statistic_count = S;
    r.model = o.model;
    r.replicates = o.replicates;
    r.seed = o.seed;
    r.swaps_per_tie = o.model == ECOSYS_NULL_REWIRING ? o.swaps_per_tie : 0.0;
    if (K == 0) {
        rc = ecosys_i_error(ECOSYS_EINVAL, "%s: no territory to compare", fn);
        goto fail;
    }
    r.actor_counts = calloc(K, sizeof *r.actor_counts);
    r.tie_counts = calloc(K, sizeof *r.tie_counts);
    r.results = calloc(K * S, sizeof *r.results);
    if (!r.actor_counts || !r.tie_counts || !r.results || K * S / K != S) {
        rc = ecosys_i_error_nomem();
        goto fail;
    }
    ecosys_null_options no = ECOSYS_NULL_OPTIONS_INIT;
    no.model = o.model;
    no.replicates = o.replicates;
    no.seed = o.seed;
    no.threads = o.threads;
    no.swaps_per_tie = o.swaps_per_tie;
    progress_offset shifted = {o.progress, o.progress_user, 0, 0};
    if (o.progress) {
        if (o.replicates > SIZE_MAX / K) {
            rc = ecosys_i_error(ECOSYS_EINVAL, "%s: too many replicates", fn);
            goto fail;
        }
        shifted.total = K * o.replicates;
        no.progress = progress_shifted;
        no.progress_user = &shifted;
    }
    for (size_t t = 0; t < K; t++) {
        ecosys_graph *g = NULL;
        ecosys_partition *p = NULL;
        ecosys_null_test test;
        memset(&test, 0, sizeof test);
        rc = territory_graph(&g, &p, dataset, snapshot, r.territories[t], group);
        if (rc == 0) {
            shifted.offset = t * o.replicates;
            rc = ecosys_null_test_run(&test, g, p, statistics, S, &no);
            r.actor_counts[t] = ecosys_graph_actor_count(g);
            r.tie_counts[t] = ecosys_graph_tie_count(g);
        }
        if (rc == 0)
            memcpy(r.results + t * S, test.results, S * sizeof *r.results);
        ecosys_null_test_dispose(&test);
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        if (rc)
            goto fail;
    }
    *out = r;
    return 0;
fail:
    ecosys_territory_table_dispose(&r);
    return rc;
}
