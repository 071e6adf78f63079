/* synth_waves: a seeded generator of synthetic two-wave ecosystems (see
 * synth_waves.h for the model). Public libecosys API only. */
#include "synth_waves.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- PRNG: splitmix64 seeding, xoshiro256** (https://prng.di.unimi.it/) ---- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform integer in [0, n), n >= 1, unbiased (rejection of the low tail). */
static uint64_t rng_below(rng *r, uint64_t n)
{
    const uint64_t threshold = (0 - n) % n;
    uint64_t x;
    do
        x = rng_next(r);
    while (x < threshold);
    return x % n;
}

/* ---- a set of pairs: open addressing on the key a * n + b (a < b) ---------- */

enum { PAIR_BEFORE = 1, PAIR_FORMED = 2 };

typedef struct pair_set {
    uint64_t *keys; /* key + 1; 0 = empty */
    unsigned char *marks;
    size_t mask;
} pair_set;

static int pair_set_init(pair_set *set, size_t expected)
{
    size_t capacity = 16;
    while (capacity < 2 * expected + 16)
        capacity *= 2;
    set->keys = calloc(capacity, sizeof *set->keys);
    set->marks = calloc(capacity, 1);
    set->mask = capacity - 1;
    return set->keys && set->marks ? 0 : ECOSYS_ENOMEM;
}

static void pair_set_destroy(pair_set *set)
{
    free(set->keys);
    free(set->marks);
}

static size_t pair_set_slot(const pair_set *set, uint64_t key)
{
    uint64_t h = (key + 1) * UINT64_C(0x9E3779B97F4A7C15);
    size_t i = (size_t) (h >> 17) & set->mask;
    while (set->keys[i] && set->keys[i] != key + 1)
        i = (i + 1) & set->mask;
    return i;
}

static unsigned char pair_set_get(const pair_set *set, uint64_t key)
{
    size_t i = pair_set_slot(set, key);
    return set->keys[i] ? set->marks[i] : 0;
}

/* Adds @p key with @p mark; capacity is sized once for every tie made. */
static void pair_set_put(pair_set *set, uint64_t key, unsigned char mark)
{
    size_t i = pair_set_slot(set, key);
    set->keys[i] = key + 1;
    set->marks[i] = mark;
}

static uint64_t pair_key(size_t a, size_t b, size_t n)
{
    return a < b ? (uint64_t) a * n + b : (uint64_t) b * n + a;
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *) x, b = *(const uint64_t *) y;
    return (a > b) - (a < b);
}

/* ---- the generator ---------------------------------------------------------- */

static const char *const SECTOR_NAMES[SYNTH_WAVES_MAX_SECTORS] = {
    "academia", "business", "public", "civil_society", "intermediary", "s6", "s7", "s8"
};

void synth_waves_params_default(synth_waves_params *params)
{
    params->actors = 200;
    params->sectors = 5;
    params->territories = 1;
    params->mean_degree = 6.0;
    params->coordinator_degree = 30;
    params->dissolution = 0.3;
    params->formed = 300;
    params->closure = 0.0;
    params->introductions = 0;
    params->seed = 1;
}

/* A tie to write: its pair and its origin. */
typedef struct new_tie {
    uint32_t a, b;
    unsigned char origin; /* 0 before (persisting), 1 before (dissolved), 2 introduction, 3 closure, 4 random */
} new_tie;

typedef struct state {
    const synth_waves_params *p;
    rng r;
    size_t n;
    size_t *sector;    /* n */
    new_tie *ties;     /* all ties, in the order they are written */
    size_t tie_count;
    pair_set pairs;
    size_t *start;     /* n + 1: before-wave CSR */
    uint32_t *nbr;
    uint64_t *pool;    /* candidate pairs (introductions, closing pairs) */
} state;

static void state_destroy(state *st)
{
    free(st->sector);
    free(st->ties);
    pair_set_destroy(&st->pairs);
    free(st->start);
    free(st->nbr);
    free(st->pool);
}

static void add_tie(state *st, size_t a, size_t b, unsigned char origin)
{
    new_tie t = {(uint32_t) (a < b ? a : b), (uint32_t) (a < b ? b : a), origin};
    st->ties[st->tie_count++] = t;
    pair_set_put(&st->pairs, pair_key(a, b, st->n), origin <= 1 ? PAIR_BEFORE : PAIR_FORMED);
}

/* Draws @p count ties uniformly among the pairs of actors lo..n-1 that are
 * in no tie yet (rejection: the caller made sure at most half are taken). */
static void draw_uniform(state *st, size_t lo, size_t count, unsigned char origin)
{
    size_t span = st->n - lo;
    while (count > 0) {
        size_t a = lo + (size_t) rng_below(&st->r, span);
        size_t b = lo + (size_t) rng_below(&st->r, span);
        if (a == b || pair_set_get(&st->pairs, pair_key(a, b, st->n)))
            continue;
        add_tie(st, a, b, origin);
        count--;
    }
}

/* The before wave's CSR (dissolved ties included: they are before ties). */
static int build_before_csr(state *st, size_t before_count)
{
    size_t n = st->n;
    st->start = calloc(n + 1, sizeof *st->start);
    st->nbr = malloc((2 * before_count + 1) * sizeof *st->nbr);
    size_t *fill = calloc(n + 1, sizeof *fill);
    if (!st->start || !st->nbr || !fill) {
        free(fill);
        return ECOSYS_ENOMEM;
    }
    for (size_t e = 0; e < before_count; e++) {
        st->start[st->ties[e].a + 1]++;
        st->start[st->ties[e].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        st->start[v + 1] += st->start[v];
    memcpy(fill, st->start, (n + 1) * sizeof *fill);
    for (size_t e = 0; e < before_count; e++) {
        st->nbr[fill[st->ties[e].a]++] = st->ties[e].b;
        st->nbr[fill[st->ties[e].b]++] = st->ties[e].a;
    }
    free(fill);
    return 0;
}

/* Takes @p count items of pool[0 .. size-1] uniformly without replacement
 * (partial Fisher-Yates): they end up in pool[0 .. count-1]. */
static void partial_shuffle(rng *r, uint64_t *pool, size_t size, size_t count)
{
    for (size_t i = 0; i < count && i + 1 < size; i++) {
        size_t j = i + (size_t) rng_below(r, size - i);
        uint64_t t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
    }
}

static int make_introductions(state *st, synth_waves_info *info)
{
    const size_t n = st->n;
    const size_t *c = st->start;
    size_t k = c[1] - c[0];
    size_t size = 0;
    free(st->pool);
    st->pool = malloc((k * (k > 0 ? k - 1 : 0) / 2 + 1) * sizeof *st->pool);
    if (!st->pool)
        return ECOSYS_ENOMEM;
    for (size_t i = c[0]; i < c[1]; i++)
        for (size_t j = i + 1; j < c[1]; j++) {
            size_t a = st->nbr[i], b = st->nbr[j];
            if (st->sector[a] != st->sector[b] && !pair_set_get(&st->pairs, pair_key(a, b, n)))
                st->pool[size++] = pair_key(a, b, n);
        }
    qsort(st->pool, size, sizeof *st->pool, compare_u64); /* independent of the CSR's order */
    size_t count = st->p->introductions < size ? st->p->introductions : size;
    partial_shuffle(&st->r, st->pool, size, count);
    for (size_t i = 0; i < count; i++)
        add_tie(st, (size_t) (st->pool[i] / n), (size_t) (st->pool[i] % n), 2);
    info->introductions = count;
    return 0;
}

static int make_closing(state *st, size_t count, synth_waves_info *info)
{
    const size_t n = st->n;
    size_t total = 0;
    for (size_t v = 0; v < n; v++) {
        size_t d = st->start[v + 1] - st->start[v];
        total += d * (d > 0 ? d - 1 : 0) / 2;
    }
    free(st->pool);
    st->pool = malloc((total + 1) * sizeof *st->pool);
    if (!st->pool)
        return ECOSYS_ENOMEM;
    size_t size = 0;
    for (size_t v = 0; v < n; v++)
        for (size_t i = st->start[v]; i < st->start[v + 1]; i++)
            for (size_t j = i + 1; j < st->start[v + 1]; j++) {
                uint64_t key = pair_key(st->nbr[i], st->nbr[j], n);
                if (!pair_set_get(&st->pairs, key))
                    st->pool[size++] = key; /* not tied before, not formed yet */
            }
    qsort(st->pool, size, sizeof *st->pool, compare_u64);
    size_t unique = 0;
    for (size_t i = 0; i < size; i++)
        if (unique == 0 || st->pool[unique - 1] != st->pool[i])
            st->pool[unique++] = st->pool[i];
    if (count > unique)
        return ECOSYS_EINVAL;
    partial_shuffle(&st->r, st->pool, unique, count);
    for (size_t i = 0; i < count; i++)
        add_tie(st, (size_t) (st->pool[i] / n), (size_t) (st->pool[i] % n), 3);
    info->formed_closing = count;
    return 0;
}

/* "YYYY-MM-DD" of a random day of @p year (days 1..28 of a random month:
 * every date valid whatever the month). */
static void random_date(char out[32], rng *r, int year)
{
    int month = 1 + (int) rng_below(r, 12);
    int day = 1 + (int) rng_below(r, 28);
    snprintf(out, 32, "%04d-%02d-%02d", year, month, day);
}

static int build_dataset(ecosys_dataset **out, state *st)
{
    static const char *const ORIGIN[5] = {"persisting", "dissolved", "introduction", "closure",
                                          "random"};
    const synth_waves_params *p = st->p;
    ecosys_dataset *ds = NULL;
    int rc = ecosys_dataset_new(&ds, 0);
    if (rc)
        return rc;
    size_t origin_attr = 0;
    if ((rc = ecosys_dataset_add_attribute(&origin_attr, ds, ECOSYS_TABLE_TIES, "origin")))
        goto fail;
    char id[32], name[48], territory[32];
    for (size_t i = 0; i < st->n; i++) {
        if (i == 0) {
            snprintf(id, sizeof id, "%s", SYNTH_WAVES_COORDINATOR_ID);
            snprintf(name, sizeof name, "Coordinator");
        } else {
            snprintf(id, sizeof id, "a%zu", i);
            snprintf(name, sizeof name, "Actor %zu", i);
        }
        snprintf(territory, sizeof territory, "T%zu",
                 1 + (size_t) rng_below(&st->r, p->territories));
        ecosys_actor_info a = {id, name, SECTOR_NAMES[st->sector[i]], territory, ""};
        if ((rc = ecosys_dataset_add_actor(NULL, ds, &a)))
            goto fail;
    }
    char start[32], end[32];
    for (size_t e = 0; e < st->tie_count; e++) {
        const new_tie *t = &st->ties[e];
        ecosys_tie_info ti = {t->a, t->b, 1.0, "project", "", start, ""};
        if (t->origin <= 1) {
            random_date(start, &st->r, 2018);
            if (t->origin == 1) {
                random_date(end, &st->r, 2019);
                ti.end = end;
            }
        } else {
            random_date(start, &st->r, 2020);
        }
        size_t row = 0;
        if ((rc = ecosys_dataset_add_tie(&row, ds, &ti)) ||
            (rc = ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, row, origin_attr,
                                               ORIGIN[t->origin])))
            goto fail;
    }
    *out = ds;
    return 0;
fail:
    ecosys_dataset_free(ds);
    return rc;
}

int synth_waves_generate(ecosys_dataset **out, synth_waves_info *info_out,
                         const synth_waves_params *p)
{
    if (out)
        *out = NULL;
    synth_waves_info info = {0, 0, 0, 0, 0, 0};
    if (!out || !p || p->actors < 4 || p->actors > UINT32_MAX || p->sectors < 1 ||
        p->sectors > SYNTH_WAVES_MAX_SECTORS || p->territories < 1 ||
        !(p->mean_degree >= 0.0) || !(p->dissolution >= 0.0 && p->dissolution <= 1.0) ||
        !(p->closure >= 0.0 && p->closure <= 1.0) || p->coordinator_degree >= p->actors)
        return ECOSYS_EINVAL;
    const size_t n = p->actors;
    const double dyads = (double) n * (double) (n - 1) / 2.0;
    double m_wanted = floor((double) n * p->mean_degree / 2.0 + 0.5);
    if (m_wanted < (double) p->coordinator_degree)
        m_wanted = (double) p->coordinator_degree;
    /* every draw by rejection stays efficient: at most half the pairs taken */
    if (m_wanted + (double) p->formed + (double) p->introductions > dyads / 2.0 ||
        m_wanted - (double) p->coordinator_degree > (double) (n - 1) * (double) (n - 2) / 4.0)
        return ECOSYS_EINVAL;
    const size_t m = (size_t) m_wanted;
    const size_t closing = (size_t) floor(p->closure * (double) p->formed + 0.5);

    state st;
    memset(&st, 0, sizeof st);
    st.p = p;
    st.n = n;
    rng_seed(&st.r, p->seed);
    size_t capacity = m + p->formed + p->introductions;
    st.sector = malloc(n * sizeof *st.sector);
    st.ties = malloc((capacity + 1) * sizeof *st.ties);
    size_t *actors = malloc(n * sizeof *actors);
    int rc = ECOSYS_ENOMEM;
    if (!st.sector || !st.ties || !actors || pair_set_init(&st.pairs, capacity))
        goto done;

    /* 1. sectors */
    st.sector[0] = p->sectors >= 5 ? 4 : p->sectors - 1;
    for (size_t i = 1; i < n; i++)
        st.sector[i] = (size_t) rng_below(&st.r, p->sectors);

    /* 2. the before wave: the coordinator's contacts, then the rest */
    for (size_t i = 1; i < n; i++)
        actors[i - 1] = i;
    for (size_t i = 0; i < p->coordinator_degree; i++) {
        size_t j = i + (size_t) rng_below(&st.r, n - 1 - i);
        size_t t = actors[i];
        actors[i] = actors[j];
        actors[j] = t;
        add_tie(&st, 0, actors[i], 0);
    }
    draw_uniform(&st, 1, m - p->coordinator_degree, 0);
    info.ties_before = m;

    /* 3. dissolution: a uniform subset of the before ties */
    size_t dissolved = (size_t) floor(p->dissolution * (double) m + 0.5);
    for (size_t i = 0; i < dissolved; i++) {
        size_t j = i + (size_t) rng_below(&st.r, m - i);
        new_tie t = st.ties[i];
        st.ties[i] = st.ties[j];
        st.ties[j] = t;
        st.ties[i].origin = 1;
    }
    info.dissolved = dissolved;

    /* 4. the effect, 5. background formation */
    if ((rc = build_before_csr(&st, m)) || (rc = make_introductions(&st, &info)))
        goto done;
    if (closing > 0 && (rc = make_closing(&st, closing, &info)))
        goto done;
    info.formed_uniform = p->formed - info.formed_closing;
    draw_uniform(&st, 0, info.formed_uniform, 4);

    rc = build_dataset(out, &st);
done:
    free(actors);
    state_destroy(&st);
    if (rc == 0 && info_out)
        *info_out = info;
    return rc;
}
