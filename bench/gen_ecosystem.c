/*
 * gen_ecosystem - seeded generator of synthetic social-innovation ecosystems.
 *
 * Usage: gen_ecosystem --actors N --seed S [--mean-degree D] OUTDIR
 *
 * Writes OUTDIR/actors.csv (id,name,sector,territory,axes) and
 * OUTDIR/collaborations.csv (source,target,weight,kind,axis,start,end) in the
 * libecosys CSV dataset layout (header row, UTF-8, comma-separated). The
 * files hold no quotes, no commas inside fields and end lines with "\n".
 * Actors are numbered from 0, so actor a<i> is vertex i of the graph.
 *
 * Reproducibility: every random decision is drawn from the xoshiro256**
 * generator below (Blackman & Vigna 2018), seeded from S through splitmix64,
 * and only integer arithmetic is used to turn draws into choices, so the same
 * (N, S, D) gives byte-identical files on every platform. The only floating
 * point value is the tie count round(N * D / 2), computed once.
 *
 * Model (all proportions are expectations):
 *  - actors a0 .. a(N-1), "Actor <i>"; sector drawn with unequal proportions
 *    civil_society 40%, business 25%, public 15%, intermediary 12%,
 *    academia 8%; territory uniform among T = max(3, N / 2000) territories
 *    named T1 .. T<T>; axes: one (60%) or two (40%) of mobility, food,
 *    digital, written in that order and joined by ';'.
 *  - M = round(N * D / 2) collaboration rows (D = mean degree, default 10).
 *    Row kinds of pair:
 *      0.1%  self-tie (source = target);
 *      1%    repeat of one of the last 4096 pairs (ends possibly swapped),
 *            with its own weight, kind, axis and dates;
 *      else  a new tie: source uniform over all actors; target in the same
 *            territory with probability 80% (else in another territory,
 *            uniform), in the same sector with probability 60% (else a
 *            different sector, drawn with the sector proportions). Inside
 *            the chosen (territory, sector) group the target is uniform
 *            with probability 1/2, else skewed towards the first members of
 *            the group (position floor(size * u^2)), which gives every group
 *            a few hubs (coordinators, incubators). A few further repeated
 *            pairs arise by chance.
 *  - weight: 0 with probability 0.2%, else 1..5 with proportions
 *    40/25/15/12/8%. kind: project 50%, advice 20%, steering_committee 15%,
 *    funding 15%. axis: drawn among the axes both ends share, else among the
 *    source's axes.
 *  - start: year 2015..2022 uniform; written YYYY-MM-DD (70%), YYYY-MM (20%)
 *    or YYYY (10%). 20% of ties have an end: 0..3 years later; an end in the
 *    same year is only used with a full start date and is then a full date on
 *    or after it; otherwise the end lies in a later year, so the end is never
 *    before the start whatever the precision of either date.
 *
 * Cost: O(N + M) time, memory O(N) (12 bytes per actor to find targets);
 * ties are streamed to the file and never held in memory.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* ------------------------------------------------------------------------ */
/* PRNG: splitmix64 for seeding, xoshiro256** for the stream.               */
/* Reference: https://prng.di.unimi.it/ (public domain algorithms).         */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

typedef struct { uint64_t s[4]; } rng_t;

static void rng_seed(rng_t *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(rng_t *r)
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
static inline uint64_t rng_below(rng_t *r, uint64_t n)
{
    const uint64_t threshold = (0 - n) % n; /* 2^64 mod n */
    uint64_t x;
    do
        x = rng_next(r);
    while (x < threshold);
    return x % n;
}

/* Skewed integer in [0, n): floor(n * u^2) with u uniform on 32 bits. */
static inline uint64_t rng_skewed(rng_t *r, uint64_t n)
{
    const uint64_t u = rng_next(r) >> 32;
    const uint64_t u2 = (u * u) >> 32;
    return (u2 * n) >> 32;
}

/* Index drawn from integer weights summing to `total`. */
static int rng_pick(rng_t *r, const unsigned *w, int k, unsigned total)
{
    unsigned x = (unsigned) rng_below(r, total);
    for (int i = 0; i < k; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return k - 1;
}

/* ------------------------------------------------------------------------ */
/* Vocabularies.                                                            */

enum { N_SECTORS = 5, N_AXES = 3, N_KINDS = 4, N_WEIGHTS = 5 };

static const char *const SECTOR[N_SECTORS] = {
    "academia", "business", "public", "civil_society", "intermediary"
};
static const unsigned SECTOR_W[N_SECTORS] = { 800, 2500, 1500, 4000, 1200 };

static const char *const AXIS[N_AXES] = { "mobility", "food", "digital" };

static const char *const KIND[N_KINDS] = {
    "project", "steering_committee", "funding", "advice"
};
static const unsigned KIND_W[N_KINDS] = { 50, 15, 15, 20 };

static const unsigned WEIGHT_W[N_WEIGHTS] = { 40, 25, 15, 12, 8 };

/* ------------------------------------------------------------------------ */
/* Buffered output with hand-rolled integer formatting (fprintf is the      */
/* bottleneck otherwise).                                                    */

typedef struct {
    FILE *f;
    const char *path;
    char *buf;
    size_t len, cap;
} out_t;

static void out_flush(out_t *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len) {
        fprintf(stderr, "gen_ecosystem: write error on %s: %s\n", o->path,
                strerror(errno));
        exit(1);
    }
    o->len = 0;
}

static inline void out_reserve(out_t *o, size_t n)
{
    if (o->len + n > o->cap)
        out_flush(o);
}

static inline void out_str(out_t *o, const char *s)
{
    size_t n = strlen(s);
    out_reserve(o, n);
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static inline void out_char(out_t *o, char c)
{
    out_reserve(o, 1);
    o->buf[o->len++] = c;
}

static inline void out_uint(out_t *o, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    out_reserve(o, (size_t) n);
    while (n)
        o->buf[o->len++] = tmp[--n];
}

static inline void out_2digits(out_t *o, unsigned v)
{
    out_reserve(o, 2);
    o->buf[o->len++] = (char) ('0' + v / 10);
    o->buf[o->len++] = (char) ('0' + v % 10);
}

static void out_open(out_t *o, const char *path)
{
    o->path = path;
    o->f = fopen(path, "wb");
    if (!o->f) {
        fprintf(stderr, "gen_ecosystem: cannot open %s: %s\n", path,
                strerror(errno));
        exit(1);
    }
    o->cap = (size_t) 1 << 20;
    o->buf = g_malloc(o->cap);
    o->len = 0;
}

static void out_close(out_t *o)
{
    out_flush(o);
    if (fclose(o->f) != 0) {
        fprintf(stderr, "gen_ecosystem: error closing %s: %s\n", o->path,
                strerror(errno));
        exit(1);
    }
    g_free(o->buf);
}

/* ------------------------------------------------------------------------ */
/* Dates.                                                                    */

typedef struct {
    unsigned y, m, d;
    int prec; /* 3 = YYYY-MM-DD, 2 = YYYY-MM, 1 = YYYY */
} date_t;

static unsigned days_in_month(unsigned y, unsigned m)
{
    static const unsigned dim[12] = { 31, 28, 31, 30, 31, 30,
                                      31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dim[m - 1];
}

static int draw_precision(rng_t *r)
{
    uint64_t x = rng_below(r, 100);
    return x < 70 ? 3 : (x < 90 ? 2 : 1);
}

static void draw_date_in_year(rng_t *r, date_t *d, unsigned y)
{
    d->y = y;
    d->m = 1 + (unsigned) rng_below(r, 12);
    d->d = 1 + (unsigned) rng_below(r, days_in_month(y, d->m));
    d->prec = draw_precision(r);
}

static void out_date(out_t *o, const date_t *d)
{
    out_uint(o, d->y);
    if (d->prec >= 2) {
        out_char(o, '-');
        out_2digits(o, d->m);
    }
    if (d->prec >= 3) {
        out_char(o, '-');
        out_2digits(o, d->d);
    }
}

/* ------------------------------------------------------------------------ */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: gen_ecosystem --actors N --seed S [--mean-degree D] OUTDIR\n"
            "  writes OUTDIR/actors.csv and OUTDIR/collaborations.csv with\n"
            "  about N*D/2 collaboration rows (D defaults to 10)\n");
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    if (!s || !*s || *s == '-')
        return -1;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end)
        return -1;
    *out = (uint64_t) v;
    return 0;
}

#define ATTR_TERR(a) ((uint64_t) ((a) >> 6))
#define ATTR_SECTOR(a) ((uint64_t) (((a) >> 3) & 7u))
#define ATTR_AXES(a) ((unsigned) ((a) & 7u))

/* Pick a member of group g = (t, s): returns its entry (index << 3 | axes),
 * or -1 if the group is empty. */
static inline int64_t pick_in_group(rng_t *r, const uint64_t *members,
                                    const uint64_t *goff, uint64_t g)
{
    uint64_t size = goff[g + 1] - goff[g];
    if (size == 0)
        return -1;
    uint64_t j = (rng_next(r) >> 63) ? rng_below(r, size) : rng_skewed(r, size);
    return (int64_t) members[goff[g] + j];
}

int main(int argc, char **argv)
{
    uint64_t n = 0, seed = 0;
    int have_n = 0, have_seed = 0;
    double mean_degree = 10.0;
    const char *outdir = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--actors") && i + 1 < argc) {
            if (parse_u64(argv[++i], &n) || n < 1 || n > UINT32_MAX) {
                fprintf(stderr, "gen_ecosystem: bad --actors value\n");
                return 2;
            }
            have_n = 1;
        } else if (!strcmp(a, "--seed") && i + 1 < argc) {
            if (parse_u64(argv[++i], &seed)) {
                fprintf(stderr, "gen_ecosystem: bad --seed value\n");
                return 2;
            }
            have_seed = 1;
        } else if (!strcmp(a, "--mean-degree") && i + 1 < argc) {
            char *end;
            mean_degree = strtod(argv[++i], &end);
            if (*end || !(mean_degree >= 0) || mean_degree > 1e6) {
                fprintf(stderr, "gen_ecosystem: bad --mean-degree value\n");
                return 2;
            }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "gen_ecosystem: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (!outdir) {
            outdir = a;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!have_n || !have_seed || !outdir) {
        usage(stderr);
        return 2;
    }

    if (g_mkdir_with_parents(outdir, 0777) != 0) {
        fprintf(stderr, "gen_ecosystem: cannot create %s: %s\n", outdir,
                strerror(errno));
        return 1;
    }

    rng_t rng;
    rng_seed(&rng, seed);

    const uint64_t n_terr = n / 2000 > 3 ? n / 2000 : 3;
    const uint64_t n_groups = n_terr * N_SECTORS;
    const uint64_t n_ties = (uint64_t) llround((double) n * mean_degree / 2.0);

    /* Per-actor attributes packed in one word, so that drawing a tie costs
     * one cache miss for the source: territory << 6 | sector << 3 | axes
     * (n_terr <= 2^32 / 2000 < 2^26 fits). */
    uint32_t *attr = g_malloc(n * sizeof *attr);
    uint64_t *goff = g_malloc0((n_groups + 1) * sizeof *goff);

    /* ---- actors.csv ---- */
    gchar *apath = g_build_filename(outdir, "actors.csv", NULL);
    out_t o;
    out_open(&o, apath);
    out_str(&o, "id,name,sector,territory,axes\n");
    for (uint64_t i = 0; i < n; i++) {
        int s = rng_pick(&rng, SECTOR_W, N_SECTORS, 10000);
        uint32_t t = (uint32_t) rng_below(&rng, n_terr);
        uint8_t mask;
        if (rng_below(&rng, 100) < 60) {
            mask = (uint8_t) (1u << rng_below(&rng, N_AXES));
        } else { /* two axes: all but one */
            mask = (uint8_t) (7u & ~(1u << rng_below(&rng, N_AXES)));
        }
        attr[i] = t << 6 | (uint32_t) s << 3 | mask;
        goff[(uint64_t) t * N_SECTORS + (uint64_t) s + 1]++;

        out_char(&o, 'a');
        out_uint(&o, i);
        out_str(&o, ",Actor ");
        out_uint(&o, i);
        out_char(&o, ',');
        out_str(&o, SECTOR[s]);
        out_str(&o, ",T");
        out_uint(&o, (uint64_t) t + 1);
        out_char(&o, ',');
        int first = 1;
        for (int k = 0; k < N_AXES; k++) {
            if (mask & (1u << k)) {
                if (!first)
                    out_char(&o, ';');
                out_str(&o, AXIS[k]);
                first = 0;
            }
        }
        out_char(&o, '\n');
    }
    out_close(&o);
    g_free(apath);

    /* Group members by (territory, sector): counting sort, O(N). */
    for (uint64_t g = 0; g < n_groups; g++)
        goff[g + 1] += goff[g];
    /* A member entry is index << 3 | axes: the target's axes come with it. */
    uint64_t *members = g_malloc(n * sizeof *members);
    {
        uint64_t *fill = g_malloc(n_groups * sizeof *fill);
        memcpy(fill, goff, n_groups * sizeof *fill);
        for (uint64_t i = 0; i < n; i++)
            members[fill[ATTR_TERR(attr[i]) * N_SECTORS + ATTR_SECTOR(attr[i])]++] =
                i << 3 | ATTR_AXES(attr[i]);
        g_free(fill);
    }

    /* ---- collaborations.csv ---- */
    enum { RING = 4096 };
    uint32_t ring_u[RING], ring_v[RING];
    uint64_t ring_len = 0, ring_pos = 0;

    gchar *cpath = g_build_filename(outdir, "collaborations.csv", NULL);
    out_open(&o, cpath);
    out_str(&o, "source,target,weight,kind,axis,start,end\n");
    for (uint64_t k = 0; k < n_ties; k++) {
        uint64_t u, v;
        unsigned u_axes, v_axes;
        const uint64_t what = rng_below(&rng, 1000);
        if (what < 1 || n == 1) { /* self-tie, 0.1% */
            u = v = rng_below(&rng, n);
            u_axes = v_axes = ATTR_AXES(attr[u]);
        } else if (what < 11 && ring_len > 0) { /* repeated pair, 1% */
            uint64_t j = rng_below(&rng, ring_len);
            if (rng_next(&rng) >> 63) {
                u = ring_u[j];
                v = ring_v[j];
            } else {
                u = ring_v[j];
                v = ring_u[j];
            }
            u_axes = ATTR_AXES(attr[u]);
            v_axes = ATTR_AXES(attr[v]);
        } else { /* new tie */
            u = rng_below(&rng, n);
            const uint32_t au = attr[u];
            u_axes = ATTR_AXES(au);
            int64_t e = -1; /* member entry of the target */
            for (int attempt = 0;
                 attempt < 8 && (e < 0 || (uint64_t) e >> 3 == u); attempt++) {
                uint64_t t = ATTR_TERR(au);
                if (rng_below(&rng, 100) >= 80) { /* another territory */
                    uint64_t t2 = rng_below(&rng, n_terr - 1);
                    t = t2 >= t ? t2 + 1 : t2;
                }
                uint64_t s = ATTR_SECTOR(au);
                if (rng_below(&rng, 100) >= 60) { /* another sector */
                    unsigned wts[N_SECTORS];
                    memcpy(wts, SECTOR_W, sizeof wts);
                    wts[s] = 0;
                    s = (uint64_t) rng_pick(&rng, wts, N_SECTORS,
                                            10000 - SECTOR_W[s]);
                }
                e = pick_in_group(&rng, members, goff, t * N_SECTORS + s);
            }
            if (e >= 0 && (uint64_t) e >> 3 != u) {
                v = (uint64_t) e >> 3;
                v_axes = (unsigned) e & 7u;
            } else { /* rare fallback: any other actor */
                do
                    v = rng_below(&rng, n);
                while (v == u);
                v_axes = ATTR_AXES(attr[v]);
            }
            ring_u[ring_pos] = (uint32_t) u;
            ring_v[ring_pos] = (uint32_t) v;
            ring_pos = (ring_pos + 1) % RING;
            if (ring_len < RING)
                ring_len++;
        }

        unsigned weight = rng_below(&rng, 1000) < 2
                              ? 0
                              : 1 + (unsigned) rng_pick(&rng, WEIGHT_W,
                                                        N_WEIGHTS, 100);
        int kind = rng_pick(&rng, KIND_W, N_KINDS, 100);
        unsigned common = u_axes & v_axes;
        unsigned pool = common ? common : u_axes;
        int axis_choices[N_AXES], n_choices = 0;
        for (int a = 0; a < N_AXES; a++)
            if (pool & (1u << a))
                axis_choices[n_choices++] = a;
        int axis = axis_choices[rng_below(&rng, (uint64_t) n_choices)];

        date_t start, end;
        draw_date_in_year(&rng, &start, 2015 + (unsigned) rng_below(&rng, 8));
        int has_end = rng_below(&rng, 100) < 20;
        if (has_end) {
            unsigned later = (unsigned) rng_below(&rng, 4);
            if (later == 0 && start.prec != 3)
                later = 1;
            if (later == 0) { /* full date, same year, on or after start */
                end.y = start.y;
                end.m = start.m + (unsigned) rng_below(&rng, 13 - start.m);
                unsigned dim = days_in_month(end.y, end.m);
                end.d = end.m == start.m
                            ? start.d + (unsigned) rng_below(&rng,
                                                             dim - start.d + 1)
                            : 1 + (unsigned) rng_below(&rng, dim);
                end.prec = 3;
            } else {
                draw_date_in_year(&rng, &end, start.y + later);
            }
        }

        out_char(&o, 'a');
        out_uint(&o, u);
        out_str(&o, ",a");
        out_uint(&o, v);
        out_char(&o, ',');
        out_uint(&o, weight);
        out_char(&o, ',');
        out_str(&o, KIND[kind]);
        out_char(&o, ',');
        out_str(&o, AXIS[axis]);
        out_char(&o, ',');
        out_date(&o, &start);
        out_char(&o, ',');
        if (has_end)
            out_date(&o, &end);
        out_char(&o, '\n');
    }
    out_close(&o);
    g_free(cpath);

    g_free(members);
    g_free(goff);
    g_free(attr);
    return 0;
}
