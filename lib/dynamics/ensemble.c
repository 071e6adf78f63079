/* The null-model ensembles: ecosys_null_test_run(), and
 * ecosys_i_ensemble_run() for internal models (the wave tests' random
 * placement of a change, wave_test.c), which only swap the draw.
 *
 * Both run on the replicate runner (core/parallel.h): T workers, each
 * owning its sampler and statistics scratch, allocated here, in the calling
 * thread, before the run (so an allocation failure is reported by the
 * calling thread and the workers never allocate). Replicate r draws from
 * stream r of the seed and writes its values to row r of the samples; the
 * reduction runs after the run, in replicate order. Hence results identical
 * bit for bit whatever T.
 *
 * A custom statistic failing in a worker is kept in that worker's state
 * (which statistic, what it returned) and turned into the call's return
 * code and the calling thread's last error after the run. */
#include "dynamics/nullmodel_internal.h"

#include "core/error.h"
#include "core/parallel.h"
#include "graph/partition_internal.h"
#include "measures/mixing_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ecosys_null_options_init(ecosys_null_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_null_options_init: NULL options");
    if (version != ECOSYS_NULL_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_null_options_init: unknown options version %u "
                              "(this library knows %d)",
                              version, ECOSYS_NULL_OPTIONS_VERSION);
    ecosys_null_options defaults = ECOSYS_NULL_OPTIONS_INIT;
    *options = defaults;
    return 0;
}

void ecosys_null_test_dispose(ecosys_null_test *test)
{
    if (!test)
        return;
    free(test->results);
    free(test->samples);
    memset(test, 0, sizeof *test);
}

/* ---- one replicate ----------------------------------------------------------------- */

typedef struct worker {
    ecosys_i_sampler sampler;
    ecosys_i_stat_scratch scratch;
    void *custom; /* state of an internal model (ecosys_i_ensemble_run()) */
    size_t failed_stat; /* the custom statistic that failed in this worker... */
    int failed_code;    /* ...and what it returned */
} worker;

/* What the replicates share: read-only, but for row r of the samples and
 * slot r of accepted, written by replicate r only. */
typedef struct run {
    const ecosys_i_null_graph *g;
    const ecosys_statistic *stats;
    size_t stat_count;
    ecosys_null_model model;
    uint64_t seed;
    size_t attempts;
    const double *observed; /* values that do not vary under the model */
    const unsigned char *constant; /* per statistic: copy observed instead of computing */
    double *samples;  /* R x S */
    size_t *accepted; /* R */
    const ecosys_i_ensemble_model *custom; /* an internal model instead of g and model */
} run;

/* Draws replicate @p r with worker @p w's arrays and stores its values
 * (an ecosys_i_parallel_job). */
static int run_replicate(void *worker_state, size_t r, void *shared, const atomic_int *cancel)
{
    worker *w = worker_state;
    run *R = shared;
    if (R->custom) {
        const ecosys_i_ensemble_model *c = R->custom;
        ecosys_graph_view drawn = {c->actor_count, 0, c->directed, NULL, NULL, c->groups,
                                   c->group_count, r};
        int drc = c->draw(&drawn, w->custom, c->context, R->seed, r, cancel);
        if (drc)
            return drc;
        R->accepted[r] = 0;
        return ecosys_i_statistics_compute(R->samples + r * R->stat_count, R->stats,
                                           R->stat_count, &drawn, &w->scratch, NULL,
                                           &w->failed_stat, &w->failed_code);
    }
    const ecosys_i_null_graph *g = R->g;
    int rc = ecosys_i_sampler_draw(&w->sampler, g, R->model, R->seed, r, R->attempts, cancel);
    if (rc)
        return rc;
    R->accepted[r] = w->sampler.accepted;
    double *values = R->samples + r * R->stat_count;
    ecosys_graph_view view = {g->n, g->m, g->directed, g->src, g->dst, g->groups,
                              g->group_count, r};
    ecosys_i_csr csr = {g->row_start, w->sampler.row, 0};
    const ecosys_i_csr *rows = NULL;
    switch (R->model) {
    case ECOSYS_NULL_PERMUTATION:
        view.groups = w->sampler.labels;
        break;
    case ECOSYS_NULL_REWIRING:
        view.sources = w->sampler.src;
        view.targets = w->sampler.dst;
        if (!g->directed)
            rows = &csr; /* the swap rows are the adjacency: sorted in place */
        break;
    case ECOSYS_NULL_UNIFORM:
        view.sources = w->sampler.src;
        view.targets = w->sampler.dst;
        break;
    }
    /* Statistics constant under the model are copied; the others computed
     * one at a time (so that a statistic's scratch serves all). */
    for (size_t s = 0; s < R->stat_count; s++) {
        if (R->constant[s]) {
            values[s] = R->observed[s];
            continue;
        }
        /* Consecutive varying statistics share one call, so the triangles
         * are counted once for transitivity and clustering together. */
        size_t end = s;
        while (end < R->stat_count && !R->constant[end])
            end++;
        size_t failed = 0;
        rc = ecosys_i_statistics_compute(values + s, R->stats + s, end - s, &view, &w->scratch,
                                         rows, &failed, &w->failed_code);
        if (rc) {
            w->failed_stat = s + failed;
            return rc;
        }
        if (rows)
            csr.sorted = 1;
        s = end - 1;
    }
    return 0;
}

/* Runs the R replicates of @p state on @p T @p workers. Returns 0, or an
 * error naming @p who with the last error set: the runner's own
 * (ECOSYS_ECANCELLED, ECOSYS_ERROR, ECOSYS_ENOMEM), or ECOSYS_ECOMPUTE if a
 * custom statistic failed (which one, where, with what code). */
static int run_replicates(run *state, worker *workers, unsigned int T, size_t R,
                          const ecosys_null_options *o, unsigned int *used, const char *who)
{
    ecosys_i_parallel p = {.replicates = R,
                           .threads = T,
                           .workers = workers,
                           .worker_size = sizeof *workers,
                           .job = run_replicate,
                           .shared = state,
                           .progress = o->progress,
                           .progress_user = o->progress_user,
                           .who = who};
    ecosys_i_parallel_outcome outcome;
    int rc = ecosys_i_parallel_run(&outcome, &p);
    *used = outcome.threads_used;
    if (rc && outcome.job_error) {
        const worker *w = &workers[outcome.worker];
        return ecosys_i_error(ECOSYS_ECOMPUTE,
                              "%s: custom statistic %zu returned %d at replicate %zu", who,
                              w->failed_stat, w->failed_code, outcome.replicate);
    }
    return rc;
}

/* ---- reduction -------------------------------------------------------------------- */

void ecosys_i_null_reduce(ecosys_null_result *res, const double *samples, size_t R, size_t S,
                          size_t s, double observed)
{
    /* Sums of deviations from the first defined value: exact for a
     * constant statistic (mean = that value, sd = 0), and less rounding. */
    size_t valid = 0;
    double shift = NAN, sum = 0;
    for (size_t r = 0; r < R; r++) {
        double x = samples[r * S + s];
        if (isnan(x))
            continue;
        if (valid == 0)
            shift = x;
        sum += x - shift;
        valid++;
    }
    double offset = valid ? sum / (double) valid : NAN; /* mean - shift */
    double mean = shift + offset;
    double squares = 0;
    size_t greater = 0, less = 0;
    double tolerance = 1e-10 * (fabs(observed) > 1 ? fabs(observed) : 1.0);
    for (size_t r = 0; r < R; r++) {
        double x = samples[r * S + s];
        if (isnan(x))
            continue;
        double deviation = (x - shift) - offset;
        squares += deviation * deviation;
        if (x >= observed - tolerance)
            greater++;
        if (x <= observed + tolerance)
            less++;
    }
    res->observed = observed;
    res->valid = valid;
    res->mean = mean;
    res->sd = valid > 1 ? sqrt(squares / (double) (valid - 1)) : NAN;
    res->z = res->sd > 0 && !isnan(observed) ? (observed - mean) / res->sd : NAN;
    if (isnan(observed)) {
        res->p_greater = res->p_less = NAN;
    } else {
        res->p_greater = (double) (greater + 1) / (double) (valid + 1);
        res->p_less = (double) (less + 1) / (double) (valid + 1);
    }
}

/* ---- the entry point ----------------------------------------------------------------- */

static int check_arguments(const ecosys_graph *graph, const ecosys_partition *partition,
                           const ecosys_statistic *stats, size_t count,
                           const ecosys_null_options *o)
{
    const char *what = "ecosys_null_test_run";
    if (!graph || !stats)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", what);
    if (o->version != ECOSYS_NULL_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown options version %u (expected %d)",
                              what, o->version, ECOSYS_NULL_OPTIONS_VERSION);
    if (count == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: no statistic to test", what);
    if (o->replicates == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: replicates must be at least 1", what);
    if (!ecosys_null_model_name(o->model))
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown null model %d", what, (int) o->model);
    if (o->model == ECOSYS_NULL_REWIRING && !(o->swaps_per_tie > 0 && o->swaps_per_tie < 1e9))
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: swaps_per_tie must be positive (10 is the usual choice)",
                              what);
    int needs_partition = o->model == ECOSYS_NULL_PERMUTATION;
    for (size_t i = 0; i < count; i++) {
        if (!ecosys_null_statistic_name(stats[i].kind))
            return ecosys_i_error(ECOSYS_EINVAL, "%s: statistic %zu: unknown kind %d", what, i,
                                  (int) stats[i].kind);
        if (stats[i].kind == ECOSYS_STATISTIC_CUSTOM && !stats[i].callback)
            return ecosys_i_error(ECOSYS_EINVAL, "%s: statistic %zu: custom without callback",
                                  what, i);
        if (stats[i].kind == ECOSYS_STATISTIC_EI_INDEX ||
            stats[i].kind == ECOSYS_STATISTIC_ASSORTATIVITY)
            needs_partition = 1;
    }
    if (needs_partition && !partition)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: the label permutation, the E-I index and the "
                              "assortativity need a partition",
                              what);
    return partition ? ecosys_i_partition_check(partition, graph->info.actor_count, what) : 0;
}

int ecosys_null_test_run(ecosys_null_test *out, const ecosys_graph *graph,
                     const ecosys_partition *partition, const ecosys_statistic *statistics,
                     size_t statistic_count, const ecosys_null_options *options)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_null_test_run: NULL out");
    memset(out, 0, sizeof *out);
    ecosys_null_options defaults = ECOSYS_NULL_OPTIONS_INIT;
    const ecosys_null_options *o = options ? options : &defaults;
    int rc = check_arguments(graph, partition, statistics, statistic_count, o);
    if (rc)
        return rc;
    size_t R = o->replicates, S = statistic_count;
    ecosys_null_model model = o->model;

    ecosys_i_null_graph g;
    if ((rc = ecosys_i_null_graph_init(&g, graph, partition, model == ECOSYS_NULL_REWIRING)))
        return rc;
    size_t attempts = 0;
    if (model == ECOSYS_NULL_REWIRING) {
        double wanted = ceil(o->swaps_per_tie * (double) g.m);
        attempts = wanted >= (double) SIZE_MAX ? SIZE_MAX : (size_t) wanted;
    }
    unsigned int T = ecosys_i_parallel_threads(o->threads, R);
    unsigned int needs = ecosys_i_stat_needs(statistics, S);

    worker *workers = calloc(T, sizeof *workers);
    double *samples = (R > SIZE_MAX / S) ? NULL : ecosys_i_alloc_array(R * S, sizeof *samples);
    size_t *accepted = calloc(R, sizeof *accepted);
    double *observed = calloc(S, sizeof *observed);
    unsigned char *constant = calloc(S, 1);
    ecosys_null_result *results = calloc(S, sizeof *results);
    if (!workers || !samples || !accepted || !observed || !constant || !results) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (unsigned int t = 0; t < T; t++) {
        if ((rc = ecosys_i_sampler_init(&workers[t].sampler, &g, model)) ||
            (rc = ecosys_i_stat_scratch_init(&workers[t].scratch, g.n, g.m, g.group_count,
                                             needs)))
            goto done;
    }

    /* The observed values, in this thread. */
    ecosys_graph_view view = {g.n, g.m, g.directed, g.src, g.dst, g.groups, g.group_count,
                              SIZE_MAX};
    size_t failed_stat = 0;
    int failed_code = 0;
    if (ecosys_i_statistics_compute(observed, statistics, S, &view, &workers[0].scratch, NULL,
                                    &failed_stat, &failed_code)) {
        rc = ecosys_i_error(ECOSYS_ECOMPUTE,
                            "ecosys_null_test_run: custom statistic %zu returned %d on the "
                            "observed graph",
                            failed_stat, failed_code);
        goto done;
    }
    /* What the model leaves unchanged need not be recomputed: the graph's
     * own statistics under label permutation. */
    for (size_t s = 0; s < S; s++)
        constant[s] = model == ECOSYS_NULL_PERMUTATION &&
                      !ecosys_i_stat_uses_labels(statistics[s].kind);

    run state = {.g = &g,
                 .stats = statistics,
                 .stat_count = S,
                 .model = model,
                 .seed = o->seed,
                 .attempts = attempts,
                 .observed = observed,
                 .constant = constant,
                 .samples = samples,
                 .accepted = accepted};
    unsigned int used = 1;
    if ((rc = run_replicates(&state, workers, T, R, o, &used, "ecosys_null_test_run")))
        goto done;

    for (size_t s = 0; s < S; s++) {
        results[s].kind = statistics[s].kind;
        results[s].replicates = R;
        results[s].seed = o->seed;
        ecosys_i_null_reduce(&results[s], samples, R, S, s, observed[s]);
    }
    out->model = model;
    out->replicates = R;
    out->seed = o->seed;
    out->threads = used;
    out->statistic_count = S;
    out->results = results;
    out->samples = samples;
    out->acceptance = NAN;
    if (model == ECOSYS_NULL_REWIRING) {
        out->swaps_per_tie = o->swaps_per_tie;
        out->swap_attempts = attempts;
        uint64_t total = 0;
        for (size_t r = 0; r < R; r++)
            total += accepted[r];
        double tried = (double) attempts * (double) R;
        out->acceptance = tried > 0 ? (double) total / tried : NAN;
    }
    results = NULL;
    samples = NULL;
    rc = 0;
done:
    if (workers) {
        for (unsigned int t = 0; t < T; t++) {
            ecosys_i_sampler_destroy(&workers[t].sampler);
            ecosys_i_stat_scratch_destroy(&workers[t].scratch);
        }
    }
    free(workers);
    free(samples);
    free(accepted);
    free(observed);
    free(constant);
    free(results);
    ecosys_i_null_graph_destroy(&g);
    return rc;
}

/* ---- ensembles of an internal model ------------------------------------------------ */

int ecosys_i_ensemble_run(double *samples, const ecosys_i_ensemble_model *model,
                          const ecosys_statistic *statistics, size_t statistic_count,
                          const ecosys_null_options *o, unsigned int *threads_used)
{
    size_t R = o->replicates, S = statistic_count;
    unsigned int T = ecosys_i_parallel_threads(o->threads, R);
    unsigned int needs = ecosys_i_stat_needs(statistics, S);
    int rc = 0;
    worker *workers = calloc(T, sizeof *workers);
    size_t *accepted = calloc(R ? R : 1, sizeof *accepted);
    unsigned char *constant = calloc(S ? S : 1, 1);
    if (!workers || !accepted || !constant) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (unsigned int t = 0; t < T; t++) {
        if (!(workers[t].custom = calloc(1, model->worker_size ? model->worker_size : 1))) {
            rc = ecosys_i_error_nomem();
            goto done;
        }
        if ((rc = model->worker_init(workers[t].custom, model->context)) ||
            (rc = ecosys_i_stat_scratch_init(&workers[t].scratch, model->actor_count,
                                             model->tie_count, model->group_count, needs)))
            goto done;
    }
    run state = {.stats = statistics,
                 .stat_count = S,
                 .seed = o->seed,
                 .constant = constant,
                 .samples = samples,
                 .accepted = accepted,
                 .custom = model};
    unsigned int used = 1;
    if ((rc = run_replicates(&state, workers, T, R, o, &used, "ensemble")))
        goto done;
    if (threads_used)
        *threads_used = used;
done:
    if (workers) {
        for (unsigned int t = 0; t < T; t++) {
            if (workers[t].custom)
                model->worker_destroy(workers[t].custom);
            free(workers[t].custom);
            ecosys_i_stat_scratch_destroy(&workers[t].scratch);
        }
    }
    free(workers);
    free(accepted);
    free(constant);
    return rc;
}
