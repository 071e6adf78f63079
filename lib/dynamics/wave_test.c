/* Significance of a wave comparison (ecosys/wavetest.h): three exact
 * hypergeometric tests of the formed ties (hypergeometric.c) and the change
 * tests, an ensemble of "random placement of the same change" run on the
 * null models' runner (ecosys_i_ensemble_run(), ensemble.c, on core/parallel) with
 * their statistics (statistics.c).
 *
 * Everything works on libecosys's own arrays: the graphs' edges are read
 * once (plain memory reads, no igraph call), as uint32 vertex pairs; a dyad
 * is the 64-bit key a n + b (a < b if undirected), and the ties of a wave a
 * sorted array of keys. */
#include "ecosys/wavetest.h"

#include "core/error.h"
#include "core/random.h"
#include "dynamics/hypergeometric.h"
#include "dynamics/nullmodel_internal.h"
#include "graph/adjacency.h"
#include "graph/graph_internal.h"
#include "graph/partition_internal.h"
#include "measures/mixing_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define STATISTICS ECOSYS_WAVE_TEST_STATISTIC_COUNT /* ecosys_statistic_kind 0..5 */

int ecosys_wave_test_options_init(ecosys_wave_test_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_wave_test_options_init: NULL options");
    if (version != ECOSYS_WAVE_TEST_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_wave_test_options_init: unknown options version %u "
                              "(this library knows %d)",
                              version, ECOSYS_WAVE_TEST_OPTIONS_VERSION);
    ecosys_wave_test_options defaults = ECOSYS_WAVE_TEST_OPTIONS_INIT;
    *options = defaults;
    return 0;
}

void ecosys_wave_test_dispose(ecosys_wave_test *test)
{
    if (!test)
        return;
    free(test->changes);
    memset(test, 0, sizeof *test);
    test->coordinator = NONE;
}

/* ---- the waves as flat arrays ----------------------------------------------------- */

typedef struct wave {
    size_t m;
    uint32_t *src, *dst; /* m edges; undirected src < dst */
    uint64_t *keys;      /* m dyad keys, sorted */
} wave;

static void wave_destroy(wave *w)
{
    free(w->src);
    free(w->dst);
    free(w->keys);
    memset(w, 0, sizeof *w);
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *) x, b = *(const uint64_t *) y;
    return (a > b) - (a < b);
}

/* First position of a key >= @p key in the sorted @p keys. */
static size_t lower_bound(const uint64_t *keys, size_t count, uint64_t key)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int has_key(const uint64_t *keys, size_t count, uint64_t key)
{
    size_t i = lower_bound(keys, count, key);
    return i < count && keys[i] == key;
}

static inline uint64_t dyad_key(uint64_t a, uint64_t b, size_t n)
{
    return a * (uint64_t) n + b;
}

static int wave_init(wave *w, const ecosys_graph *graph, int directed)
{
    memset(w, 0, sizeof *w);
    size_t n = graph->info.actor_count, m = graph->info.tie_count;
    w->m = m;
    w->src = ecosys_i_alloc_array(m, sizeof *w->src);
    w->dst = ecosys_i_alloc_array(m, sizeof *w->dst);
    w->keys = ecosys_i_alloc_array(m, sizeof *w->keys);
    if (!w->src || !w->dst || !w->keys) {
        wave_destroy(w);
        return ecosys_i_error_nomem();
    }
    for (size_t e = 0; e < m; e++) {
        uint32_t s = (uint32_t) ecosys_i_edge_from(graph, e);
        uint32_t t = (uint32_t) ecosys_i_edge_to(graph, e);
        if (!directed && s > t) {
            uint32_t swap = s;
            s = t;
            t = swap;
        }
        w->src[e] = s;
        w->dst[e] = t;
        w->keys[e] = dyad_key(s, t, n);
    }
    qsort(w->keys, m, sizeof *w->keys, compare_u64);
    return 0;
}

/* ---- checks ------------------------------------------------------------------------- */

static const char *actor_id(const ecosys_graph *g, size_t vertex)
{
    const char *id = ecosys_dataset_field(g->dataset, ECOSYS_TABLE_ACTORS, g->vertex_actor[vertex],
                                          "id");
    return id ? id : "";
}

static int check_graphs(const ecosys_graph *before, const ecosys_graph *after)
{
    const char *what = "ecosys_wave_test_run";
    if ((before->info.directed != 0) != (after->info.directed != 0))
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: one graph is directed and the other is not", what);
    size_t n = before->info.actor_count;
    if (after->info.actor_count != n)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: the two graphs must have the same actors in the same order, "
                              "but the before graph has %zu actors and the after graph %zu "
                              "(build both snapshots with the same actor filters, or use "
                              "ecosys_waves_compare() for waves with actors entering and "
                              "leaving)",
                              what, n, after->info.actor_count);
    if (n >= UINT32_MAX || before->info.tie_count >= UINT32_MAX ||
        after->info.tie_count >= UINT32_MAX)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED,
                              "%s: graphs of 2^32 actors or ties are not supported", what);
    int same_dataset = before->dataset == after->dataset;
    for (size_t v = 0; v < n; v++) {
        if (same_dataset && before->vertex_actor[v] == after->vertex_actor[v])
            continue;
        const char *a = actor_id(before, v), *b = actor_id(after, v);
        if (strcmp(a, b) != 0)
            return ecosys_i_error(ECOSYS_EINVAL,
                                  "%s: the two graphs must have the same actors in the same "
                                  "order, but actor %zu is \"%s\" before and \"%s\" after",
                                  what, v, a, b);
    }
    return 0;
}

/* ---- the before graph's pooled adjacency (graph/adjacency.h: all_*) ------------------ */

/* N': the dyads untied before whose actors have a common neighbour. For
 * each v, its two-step neighbourhood is stamped, and the dyads (v, w) tied
 * before are the keys v n + w, contiguous in the sorted keys (undirected:
 * those with w > v, the only ones counted from v). O(sum_u d_u^2 + n log m). */
static int closable_dyads(uint64_t *out, const ecosys_i_adjacency *a, const wave *before, size_t n,
                          int directed)
{
    uint32_t *stamp = ecosys_i_alloc_array(n, sizeof *stamp);
    uint32_t *tied = ecosys_i_alloc_array(n, sizeof *tied);
    if (!stamp || !tied) {
        free(stamp);
        free(tied);
        return ecosys_i_error_nomem();
    }
    memset(stamp, 0, (n ? n : 1) * sizeof *stamp);
    memset(tied, 0, (n ? n : 1) * sizeof *tied);
    uint64_t count = 0;
    for (size_t v = 0; v < n; v++) {
        uint32_t mark = (uint32_t) v + 1;
        uint64_t first = dyad_key(v, 0, n), end = first + n;
        for (size_t k = lower_bound(before->keys, before->m, first);
             k < before->m && before->keys[k] < end; k++)
            tied[before->keys[k] - first] = mark;
        for (size_t i = a->all_start[v]; i < a->all_start[v + 1]; i++) {
            uint32_t u = a->all_nbr[i];
            for (size_t j = a->all_start[u]; j < a->all_start[u + 1]; j++) {
                uint32_t w = a->all_nbr[j];
                if (w == v || stamp[w] == mark)
                    continue;
                stamp[w] = mark;
                if (!directed && w < v)
                    continue; /* each unordered pair once, from its smaller end */
                if (tied[w] != mark)
                    count++;
            }
        }
    }
    free(stamp);
    free(tied);
    *out = count;
    return 0;
}

/* ---- the exact tests -------------------------------------------------------------------- */

static void set_nan(ecosys_null_result *r)
{
    r->kind = ECOSYS_STATISTIC_CUSTOM;
    r->observed = r->mean = r->sd = r->z = r->p_greater = r->p_less = NAN;
    r->replicates = r->valid = 0;
    r->seed = 0;
}

static void exact_test(ecosys_null_result *r, uint64_t x, uint64_t N, uint64_t K, uint64_t f)
{
    ecosys_i_hypergeometric h;
    ecosys_i_hypergeometric_test(&h, x, N, K, f);
    r->kind = ECOSYS_STATISTIC_CUSTOM;
    r->observed = (double) x;
    r->mean = h.mean;
    r->sd = h.sd;
    r->z = h.sd > 0 ? ((double) x - h.mean) / h.sd : NAN;
    r->p_greater = h.p_greater;
    r->p_less = h.p_less;
    r->replicates = r->valid = 0;
    r->seed = 0;
}

static uint64_t dyads_of(uint64_t k, int directed)
{
    uint64_t pairs = k < 2 ? 0 : k * (k - 1);
    return directed ? pairs : pairs / 2;
}

/* ---- the change model: random placement of the same change ----------------------------- */

typedef struct change_model {
    size_t n;
    int directed;
    const wave *before;
    size_t d, f;
    uint64_t dyads;        /* D */
    const uint64_t *pool;  /* dense case: the N candidate keys; NULL: rejection */
    size_t pool_count;
    size_t table_capacity; /* rejection: a power of 2 >= 2 f */
    unsigned int table_shift;
} change_model;

typedef struct change_worker {
    uint32_t *order;  /* m: which before ties to remove */
    uint32_t *src, *dst; /* m - d + f edges of the replicate */
    uint64_t *table;  /* rejection: keys drawn; dense: a copy of the pool */
} change_worker;

static int change_worker_init(void *state, const void *context)
{
    change_worker *w = state;
    const change_model *c = context;
    size_t m = c->before->m, edges = m - c->d + c->f;
    size_t slots = c->pool ? c->pool_count : c->table_capacity;
    w->order = ecosys_i_alloc_array(m, sizeof *w->order);
    w->src = ecosys_i_alloc_array(edges, sizeof *w->src);
    w->dst = ecosys_i_alloc_array(edges, sizeof *w->dst);
    w->table = ecosys_i_alloc_array(slots, sizeof *w->table);
    if (!w->order || !w->src || !w->dst || !w->table)
        return ecosys_i_error_nomem();
    return 0;
}

static void change_worker_destroy(void *state)
{
    change_worker *w = state;
    free(w->order);
    free(w->src);
    free(w->dst);
    free(w->table);
    memset(w, 0, sizeof *w);
}

static int change_draw(ecosys_graph_view *view, void *state, const void *context, uint64_t seed,
                       size_t r, const atomic_int *cancel)
{
    change_worker *w = state;
    const change_model *c = context;
    const wave *b = c->before;
    size_t m = b->m, n = c->n;
    ecosys_i_rng rng;
    ecosys_i_rng_init(&rng, seed, r);
    /* Remove d ties: the first d of a partial Fisher-Yates shuffle. */
    for (size_t i = 0; i < m; i++)
        w->order[i] = (uint32_t) i;
    for (size_t i = 0; i < c->d; i++) {
        size_t j = i + (size_t) ecosys_i_rng_below(&rng, m - i);
        uint32_t swap = w->order[i];
        w->order[i] = w->order[j];
        w->order[j] = swap;
    }
    size_t e = 0;
    for (size_t i = c->d; i < m; i++) {
        w->src[e] = b->src[w->order[i]];
        w->dst[e] = b->dst[w->order[i]];
        e++;
    }
    /* Add f ties among the dyads untied before. */
    if (c->pool) {
        memcpy(w->table, c->pool, c->pool_count * sizeof *w->table);
        for (size_t i = 0; i < c->f; i++) {
            size_t j = i + (size_t) ecosys_i_rng_below(&rng, c->pool_count - i);
            uint64_t key = w->table[j];
            w->table[j] = w->table[i];
            w->table[i] = key;
            w->src[e] = (uint32_t) (key / n);
            w->dst[e] = (uint32_t) (key % n);
            e++;
        }
    } else {
        memset(w->table, 0xff, c->table_capacity * sizeof *w->table);
        size_t added = 0, tries = 0;
        while (added < c->f) {
            if ((++tries & 0xffff) == 0 && atomic_load(cancel))
                return ECOSYS_ECANCELLED;
            uint64_t u = ecosys_i_rng_below(&rng, n);
            uint64_t v = ecosys_i_rng_below(&rng, n - 1);
            if (v >= u)
                v++;
            if (!c->directed && u > v) {
                uint64_t swap = u;
                u = v;
                v = swap;
            }
            uint64_t key = dyad_key(u, v, n);
            if (has_key(b->keys, m, key) ||
                !ecosys_i_dyad_set_insert(w->table, c->table_capacity - 1, c->table_shift,
                                          key))
                continue;
            w->src[e] = (uint32_t) u;
            w->dst[e] = (uint32_t) v;
            e++;
            added++;
        }
    }
    view->tie_count = e;
    view->sources = w->src;
    view->targets = w->dst;
    return 0;
}

/* The candidate dyads listed, for graphs so dense that rejection would be
 * slow (fewer than a quarter of all dyads left once the f ties are drawn). */
static int list_candidates(uint64_t **out, const wave *before, size_t n, int directed,
                           size_t count)
{
    uint64_t *pool = ecosys_i_alloc_array(count, sizeof *pool);
    if (!pool)
        return ecosys_i_error_nomem();
    size_t k = 0;
    for (size_t a = 0; a < n; a++) {
        for (size_t b = directed ? 0 : a + 1; b < n; b++) {
            if (a == b)
                continue;
            uint64_t key = dyad_key(a, b, n);
            if (!has_key(before->keys, before->m, key) && k < count)
                pool[k++] = key;
        }
    }
    *out = pool;
    return 0;
}

/* ---- the entry point ---------------------------------------------------------------------- */

static int check_options(const ecosys_wave_test_options *o)
{
    const char *what = "ecosys_wave_test_run";
    if (o->version != ECOSYS_WAVE_TEST_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown options version %u (expected %d)",
                              what, o->version, ECOSYS_WAVE_TEST_OPTIONS_VERSION);
    if (o->flags & ECOSYS_WEIGHTED)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED,
                              "%s: ECOSYS_WEIGHTED is not supported: the tests count ties "
                              "(formation is a yes/no event)",
                              what);
    if (o->flags)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown flags 0x%x", what, o->flags);
    return 0;
}

/* The coordinator's vertex, or NONE without one. */
static int find_coordinator(size_t *out, const ecosys_graph *before, const char *id)
{
    *out = NONE;
    if (!id)
        return 0;
    size_t actor;
    if (ecosys_dataset_find_actor(&actor, before->dataset, id) != 0 ||
        before->actor_vertex[actor] == NONE)
        return ecosys_i_error(ECOSYS_ENOTFOUND,
                              "ecosys_wave_test_run: no actor \"%s\" in the graphs (the "
                              "coordinator must be one of their actors)",
                              id);
    *out = before->actor_vertex[actor];
    return 0;
}

int ecosys_wave_test_run(ecosys_wave_test *out, const ecosys_graph *before,
                         const ecosys_graph *after, const ecosys_wave_test_options *options)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_wave_test_run: NULL out");
    memset(out, 0, sizeof *out);
    out->coordinator = NONE;
    if (!before || !after)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_wave_test_run: NULL graph");
    ecosys_wave_test_options defaults = ECOSYS_WAVE_TEST_OPTIONS_INIT;
    const ecosys_wave_test_options *o = options ? options : &defaults;
    int rc;
    if ((rc = check_options(o)) || (rc = check_graphs(before, after)))
        return rc;
    size_t n = before->info.actor_count;
    int directed = before->info.directed != 0;
    size_t coordinator;
    if ((rc = find_coordinator(&coordinator, before, o->coordinator)))
        return rc;

    wave w0, w1;
    ecosys_i_adjacency adj;
    memset(&w0, 0, sizeof w0);
    memset(&w1, 0, sizeof w1);
    memset(&adj, 0, sizeof adj);
    ecosys_partition *partition = NULL;
    unsigned char *in_contacts = NULL;
    size_t *group_size = NULL;
    uint64_t *pool = NULL;
    double *samples = NULL;
    ecosys_null_result *changes = NULL;
    ecosys_i_stat_scratch scratch;
    memset(&scratch, 0, sizeof scratch);

    if ((rc = ecosys_partition_by_attribute(&partition, before, o->group ? o->group : "sector")))
        goto done;
    if ((rc = wave_init(&w0, before, directed)) || (rc = wave_init(&w1, after, directed)) ||
        (rc = ecosys_i_adjacency_init(&adj, before, 0)))
        goto done;
    const size_t *group = ecosys_partition_membership(partition);
    size_t k = ecosys_partition_group_count(partition);

    /* Formed and dissolved ties; the counts the tests need. */
    in_contacts = calloc(n ? n : 1, 1);
    group_size = calloc(k ? k : 1, sizeof *group_size);
    if (!in_contacts || !group_size) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    if (coordinator != NONE) {
        for (size_t i = adj.all_start[coordinator]; i < adj.all_start[coordinator + 1]; i++)
            in_contacts[adj.all_nbr[i]] = 1;
        out->coordinator_contacts = adj.all_start[coordinator + 1] - adj.all_start[coordinator];
    }
    uint64_t formed = 0, crossing = 0, via = 0, closing = 0;
    for (size_t e = 0; e < w1.m; e++) {
        if (has_key(w0.keys, w0.m, dyad_key(w1.src[e], w1.dst[e], n)))
            continue;
        uint32_t a = w1.src[e], b = w1.dst[e];
        formed++;
        crossing += group[a] != group[b];
        via += in_contacts[a] && in_contacts[b];
        closing += ecosys_i_adjacency_common_neighbour(&adj, a, b);
    }
    uint64_t crossing_tied = 0, contacts_tied = 0;
    for (size_t e = 0; e < w0.m; e++) {
        uint32_t a = w0.src[e], b = w0.dst[e];
        crossing_tied += group[a] != group[b];
        contacts_tied += in_contacts[a] && in_contacts[b];
    }
    for (size_t v = 0; v < n; v++)
        group_size[group[v]]++;
    uint64_t same_group_dyads = 0;
    for (size_t g = 0; g < k; g++)
        same_group_dyads += dyads_of(group_size[g], directed);
    uint64_t dyads = dyads_of(n, directed);
    uint64_t N = dyads - w0.m;
    uint64_t dissolved = w0.m - (w1.m - formed);
    uint64_t K_crossing = (dyads - same_group_dyads) - crossing_tied;
    uint64_t N_closable = 0;
    if ((rc = closable_dyads(&N_closable, &adj, &w0, n, directed)))
        goto done;

    out->formed = (size_t) formed;
    out->dissolved = (size_t) dissolved;
    out->candidate_dyads = (size_t) N;
    out->ties_before = w0.m;
    out->ties_after = w1.m;
    out->crossing_candidates = (size_t) K_crossing;
    out->closing_candidates = (size_t) N_closable;
    out->formed_closing_triad = (size_t) closing;
    out->coordinator = coordinator;
    out->seed = o->seed;
    exact_test(&out->formed_crossing, crossing, N, K_crossing, formed);
    if (coordinator != NONE) {
        uint64_t K_coord = dyads_of(out->coordinator_contacts, directed) - contacts_tied;
        out->coordinator_candidates = (size_t) K_coord;
        exact_test(&out->formed_via_coordinator, via, N, K_coord, formed);
        exact_test(&out->closure_via_coordinator, via, N_closable, K_coord, closing);
    } else {
        set_nan(&out->formed_via_coordinator);
        set_nan(&out->closure_via_coordinator);
    }

    /* The statistics of both waves. */
    ecosys_statistic stats[STATISTICS];
    for (int s = 0; s < STATISTICS; s++) {
        stats[s].kind = (ecosys_statistic_kind) s;
        stats[s].callback = NULL;
        stats[s].user = NULL;
    }
    size_t most = w0.m > w1.m ? w0.m : w1.m;
    if ((rc = ecosys_i_stat_scratch_init(&scratch, n, most, k,
                                         ecosys_i_stat_needs(stats, STATISTICS))))
        goto done;
    size_t failed_stat = 0;
    int failed_code = 0;
    ecosys_graph_view view0 = {n, w0.m, directed, w0.src, w0.dst, group, k, SIZE_MAX};
    ecosys_graph_view view1 = {n, w1.m, directed, w1.src, w1.dst, group, k, SIZE_MAX};
    /* Built-in statistics only: they cannot fail (only custom ones can). */
    if (ecosys_i_statistics_compute(out->before_values, stats, STATISTICS, &view0, &scratch,
                                    NULL, &failed_stat, &failed_code) ||
        ecosys_i_statistics_compute(out->after_values, stats, STATISTICS, &view1, &scratch,
                                    NULL, &failed_stat, &failed_code)) {
        rc = ecosys_i_error(ECOSYS_ECOMPUTE, "statistic %zu of the waves failed (code %d)",
                            failed_stat, failed_code);
        goto done;
    }

    /* The change tests. */
    size_t R = o->replicates;
    if (R > 0) {
        change_model model;
        memset(&model, 0, sizeof model);
        model.n = n;
        model.directed = directed;
        model.before = &w0;
        model.d = (size_t) dissolved;
        model.f = (size_t) formed;
        model.dyads = dyads;
        if ((N - formed) * 4 < dyads) {
            if ((rc = list_candidates(&pool, &w0, n, directed, (size_t) N)))
                goto done;
            model.pool = pool;
            model.pool_count = (size_t) N;
        } else {
            size_t capacity = 16;
            unsigned int bits = 4;
            while (capacity < 2 * (size_t) formed) {
                if (capacity > SIZE_MAX / 4) {
                    rc = ecosys_i_error_nomem();
                    goto done;
                }
                capacity *= 2;
                bits++;
            }
            model.table_capacity = capacity;
            model.table_shift = 64 - bits;
        }
        ecosys_i_ensemble_model ensemble = {n,        w1.m,    directed,
                                            group,    k,       sizeof(change_worker),
                                            change_worker_init, change_worker_destroy,
                                            change_draw,        &model};
        ecosys_null_options no;
        ecosys_null_options_init(&no, ECOSYS_NULL_OPTIONS_VERSION);
        no.replicates = R;
        no.seed = o->seed;
        no.threads = o->threads;
        no.progress = o->progress;
        no.progress_user = o->user;
        samples = R > SIZE_MAX / STATISTICS ? NULL
                                            : ecosys_i_alloc_array(R * STATISTICS, sizeof *samples);
        changes = calloc(STATISTICS, sizeof *changes);
        if (!samples || !changes) {
            rc = ecosys_i_error_nomem();
            goto done;
        }
        unsigned int used = 1;
        rc = ecosys_i_ensemble_run(samples, &ensemble, stats, STATISTICS, &no, &used);
        if (rc) {
            if (rc == ECOSYS_ECANCELLED)
                ecosys_i_error(ECOSYS_ECANCELLED,
                               "ecosys_wave_test_run: cancelled by the progress callback");
            goto done;
        }
        for (size_t r = 0; r < R; r++)
            for (size_t s = 0; s < STATISTICS; s++)
                samples[r * STATISTICS + s] -= out->before_values[s];
        for (size_t s = 0; s < STATISTICS; s++) {
            ecosys_i_null_reduce(&changes[s], samples, R, STATISTICS, s,
                                 out->after_values[s] - out->before_values[s]);
            changes[s].kind = (ecosys_statistic_kind) s;
            changes[s].replicates = R;
            changes[s].seed = o->seed;
        }
        out->statistic_count = STATISTICS;
        out->changes = changes;
        out->replicates = R;
        out->threads = used;
        changes = NULL;
    }
    rc = 0;
done:
    if (rc) {
        memset(out, 0, sizeof *out);
        out->coordinator = NONE;
    }
    free(changes);
    free(samples);
    free(pool);
    free(group_size);
    free(in_contacts);
    ecosys_i_stat_scratch_destroy(&scratch);
    ecosys_i_adjacency_destroy(&adj);
    wave_destroy(&w0);
    wave_destroy(&w1);
    ecosys_partition_free(partition);
    return rc;
}
