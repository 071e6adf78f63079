/*
 * raw_igraph - the reference "raw igraph C program" for the libecosys
 * benchmarks: what a user would write without libecosys to load an
 * ecosystem dataset and compute the usual structural measures.
 *
 * Usage: raw_igraph [--no-betweenness] [--unweighted] [--only STEP,...]
 *                   [--verbose] DATASET_DIR
 *
 * Reads DATASET_DIR/actors.csv and DATASET_DIR/collaborations.csv as written
 * by gen_ecosystem (no quoted fields; columns are found by header name),
 * builds the undirected collaboration graph the libecosys way (every actor
 * is a vertex, self-ties and zero-weight ties dropped, repeated ties summed
 * into one weighted tie), then times each step and prints on stdout
 *
 *   # raw_igraph DATASET_DIR
 *   STEP SECONDS PEAK_KIB
 *
 * one line per step, where PEAK_KIB is the process peak resident set size
 * (VmHWM in /proc/self/status) read right after the step. "load" (read the
 * CSV files + build the graph) always runs. --only restricts the other steps
 * to the given comma-separated list. Weights (summed intensities) are used by
 * strength, eigenvector and pagerank unless --unweighted; path-based measures
 * count hops. --verbose prints one result summary per step on stderr.
 *
 * The "across sectors" steps (bench/run_sectors.sh) are those igraph offers,
 * all unweighted as libecosys's defaults are: constraint (igraph_constraint),
 * assortativity (igraph_assortativity_nominal by sector), modularity
 * (igraph_modularity of the sector partition), louvain
 * (igraph_community_multilevel, resolution 1) and leiden
 * (igraph_community_leiden with the modularity objective as libecosys runs
 * it: node weights = degrees, resolution 1/2m, beta 0.01, two iterations,
 * the second starting from the first). The sector of each actor is read
 * while loading (one lookup in a table of the distinct sector names); the
 * random generator is igraph's MT19937, as libecosys's, seeded with 1 before
 * each community detection, so that both programs visit the vertices in the
 * same order and find the same communities.
 *
 * Errors in the input end the program with a message; igraph's default
 * error handler aborts, which is fine for this reference program.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <igraph.h>
#include "bench_clock.h"

/* ------------------------------------------------------------------------ */
/* Timing and memory.                                                        */

static int verbose = 0;

/* Sector of every vertex (0, 1, ... in order of first appearance), or all 0
 * if actors.csv has no sector column. Filled by load(). */
static igraph_vector_int_t sectors;

static void report(const char *step, double t0)
{
    double dt = now_s() - t0;
    printf("%s %.6f %ld\n", step, dt, peak_rss_kib());
    fflush(stdout);
}

static G_GNUC_NORETURN G_GNUC_PRINTF(1, 2) void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("raw_igraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* ------------------------------------------------------------------------ */
/* Minimal CSV reading: no quotes (the generated files have none).           */

#define MAX_FIELDS 64

/* Split `line` in place at commas; strips the line end. Returns the number of
 * fields (empty fields included, unlike strtok). */
static int split_fields(char *line, char **fields)
{
    int n = 0;
    char *p = line;
    size_t len = strlen(line);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    fields[n++] = p;
    for (; *p; p++) {
        if (*p == ',') {
            *p = '\0';
            if (n == MAX_FIELDS)
                return -1;
            fields[n++] = p + 1;
        }
    }
    return n;
}

static int find_column(char **fields, int nf, const char *name)
{
    for (int i = 0; i < nf; i++)
        if (!strcmp(fields[i], name))
            return i;
    return -1;
}

typedef struct {
    FILE *f;
    char *path;
    char *line;
    size_t cap;
    long lineno;
} csv_t;

static void csv_open(csv_t *c, const char *dir, const char *name)
{
    c->path = g_build_filename(dir, name, NULL);
    c->f = fopen(c->path, "r");
    if (!c->f)
        die("cannot open %s: %s", c->path, strerror(errno));
    /* Large stdio buffer: fewer read() calls on multi-hundred-MB files. */
    setvbuf(c->f, NULL, _IOFBF, (size_t) 1 << 20);
    c->line = NULL;
    c->cap = 0;
    c->lineno = 0;
}

/* Next line split into fields, or -1 at end of file. */
static int csv_next(csv_t *c, char **fields)
{
    ssize_t len;
    do {
        len = getline(&c->line, &c->cap, c->f);
        if (len < 0)
            return -1;
        c->lineno++;
    } while (len <= 1 || (len == 2 && c->line[0] == '\r')); /* blank line */
    char *p = c->line;
    if (c->lineno == 1 && (unsigned char) p[0] == 0xEF &&
        (unsigned char) p[1] == 0xBB && (unsigned char) p[2] == 0xBF)
        p += 3; /* UTF-8 BOM */
    int nf = split_fields(p, fields);
    if (nf < 0)
        die("%s:%ld: too many fields", c->path, c->lineno);
    return nf;
}

static void csv_close(csv_t *c)
{
    fclose(c->f);
    free(c->line);
    g_free(c->path);
}

/* ------------------------------------------------------------------------ */
/* Loading.                                                                  */

typedef struct {
    uint32_t v;
    double w;
} half_t;

static int cmp_half(const void *a, const void *b)
{
    const half_t *x = a, *y = b;
    return (x->v > y->v) - (x->v < y->v);
}

/* Sort a short run by target: insertion sort for the usual ~10 entries. */
static void sort_run(half_t *h, size_t len)
{
    if (len > 32) {
        qsort(h, len, sizeof *h, cmp_half);
        return;
    }
    for (size_t i = 1; i < len; i++) {
        half_t x = h[i];
        size_t j = i;
        while (j > 0 && h[j - 1].v > x.v) {
            h[j] = h[j - 1];
            j--;
        }
        h[j] = x;
    }
}

static void load(const char *dir, igraph_t *graph, igraph_vector_t *weights)
{
    char *f[MAX_FIELDS];
    int nf;

    /* Actors: id -> vertex index through a GHashTable. Ids are kept in a
     * GStringChunk (one allocation per chunk, not per id). */
    GStringChunk *ids = g_string_chunk_new((gsize) 1 << 20);
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    csv_t c;
    csv_open(&c, dir, "actors.csv");
    nf = csv_next(&c, f);
    if (nf < 0)
        die("%s: empty file", c.path);
    int col_id = find_column(f, nf, "id");
    if (col_id < 0)
        die("%s: no id column", c.path);
    int col_sector = find_column(f, nf, "sector");
    GHashTable *sector_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    igraph_vector_int_init(&sectors, 0);
    uint32_t n = 0;
    while ((nf = csv_next(&c, f)) >= 0) {
        if (col_id >= nf || !*f[col_id])
            die("%s:%ld: missing id", c.path, c.lineno);
        igraph_integer_t sector = 0;
        if (col_sector >= 0 && col_sector < nf) {
            gpointer ps = g_hash_table_lookup(sector_index, f[col_sector]);
            if (!ps) {
                ps = GUINT_TO_POINTER(g_hash_table_size(sector_index) + 1);
                g_hash_table_insert(sector_index, g_strdup(f[col_sector]), ps);
            }
            sector = (igraph_integer_t) GPOINTER_TO_UINT(ps) - 1;
        }
        igraph_vector_int_push_back(&sectors, sector);
        if (g_hash_table_contains(index, f[col_id]))
            die("%s:%ld: duplicate id %s", c.path, c.lineno, f[col_id]);
        if (n == UINT32_MAX)
            die("%s: too many actors", c.path);
        g_hash_table_insert(index, g_string_chunk_insert(ids, f[col_id]),
                            GUINT_TO_POINTER(n + 1)); /* +1: 0 is NULL */
        n++;
    }
    csv_close(&c);
    g_hash_table_destroy(sector_index);

    /* Collaborations: keep (min, max, weight) of every real tie. */
    csv_open(&c, dir, "collaborations.csv");
    nf = csv_next(&c, f);
    if (nf < 0)
        die("%s: empty file", c.path);
    int col_s = find_column(f, nf, "source");
    int col_t = find_column(f, nf, "target");
    int col_w = find_column(f, nf, "weight");
    if (col_s < 0 || col_t < 0)
        die("%s: no source or target column", c.path);
    size_t m = 0, cap = 1 << 16;
    uint32_t *eu = g_malloc(cap * sizeof *eu);
    half_t *ev = g_malloc(cap * sizeof *ev);
    while ((nf = csv_next(&c, f)) >= 0) {
        if (col_s >= nf || col_t >= nf || (col_w >= 0 && col_w >= nf))
            die("%s:%ld: missing fields", c.path, c.lineno);
        gpointer ps = g_hash_table_lookup(index, f[col_s]);
        gpointer pt = g_hash_table_lookup(index, f[col_t]);
        if (!ps || !pt)
            die("%s:%ld: unknown actor %s", c.path, c.lineno,
                ps ? f[col_t] : f[col_s]);
        double w = 1.0;
        if (col_w >= 0 && *f[col_w]) {
            char *end;
            w = strtod(f[col_w], &end);
            if (*end || !isfinite(w) || w < 0)
                die("%s:%ld: bad weight %s", c.path, c.lineno, f[col_w]);
        }
        uint32_t s = GPOINTER_TO_UINT(ps) - 1, t = GPOINTER_TO_UINT(pt) - 1;
        if (s == t || w == 0)
            continue; /* self-ties and zero-weight ties are no ties */
        if (m == cap) {
            cap *= 2;
            eu = g_realloc(eu, cap * sizeof *eu);
            ev = g_realloc(ev, cap * sizeof *ev);
        }
        eu[m] = s < t ? s : t;
        ev[m].v = s < t ? t : s;
        ev[m].w = w;
        m++;
    }
    csv_close(&c);
    g_hash_table_destroy(index);
    g_string_chunk_free(ids);

    /* Merge repeated ties, summing weights. igraph_simplify() would merge
     * them, but without an attribute table it cannot combine the weights;
     * recomputing them afterwards needs one igraph_get_eid() lookup per
     * original tie on top of simplify's own sort. Cheaper: a counting sort
     * of the ties by their lower end (O(n + m)), then a sort of each short
     * run by the upper end (about 10 entries, insertion sort), and one pass
     * that sums equal pairs. The graph is then built once, already simple. */
    size_t *off = g_malloc0(((size_t) n + 1) * sizeof *off);
    for (size_t k = 0; k < m; k++)
        off[eu[k] + 1]++;
    for (uint32_t i = 0; i < n; i++)
        off[i + 1] += off[i];
    half_t *byu = g_malloc((m ? m : 1) * sizeof *byu);
    {
        size_t *fill = g_malloc(((size_t) n + 1) * sizeof *fill);
        memcpy(fill, off, ((size_t) n + 1) * sizeof *fill);
        for (size_t k = 0; k < m; k++)
            byu[fill[eu[k]]++] = ev[k];
        g_free(fill);
    }
    g_free(eu);
    g_free(ev);

    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 2 * (igraph_integer_t) m);
    igraph_vector_init(weights, (igraph_integer_t) m);
    igraph_integer_t me = 0;
    for (uint32_t u = 0; u < n; u++) {
        half_t *h = byu + off[u];
        size_t len = off[u + 1] - off[u];
        sort_run(h, len);
        for (size_t j = 0; j < len; j++) {
            if (j > 0 && h[j].v == h[j - 1].v) {
                VECTOR(*weights)[me - 1] += h[j].w;
                continue;
            }
            VECTOR(edges)[2 * me] = u;
            VECTOR(edges)[2 * me + 1] = h[j].v;
            VECTOR(*weights)[me] = h[j].w;
            me++;
        }
    }
    g_free(byu);
    g_free(off);
    igraph_vector_int_resize(&edges, 2 * me);
    igraph_vector_resize(weights, me);

    igraph_create(graph, &edges, (igraph_integer_t) n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (verbose)
        fprintf(stderr, "load: %" PRIu32 " actors, %zu ties kept, %" IGRAPH_PRId
                " distinct ties\n", n, m, me);
}

/* ------------------------------------------------------------------------ */
/* Steps.                                                                    */

/* Local clustering runs before transitivity, as in bench_ecosys.c: the
 * first igraph call that needs the graph's adjacency lists without
 * multi-edges pays about twice what later ones pay (measured: 95 ms, then
 * 46 ms at 10^5 actors), so both programs must meet it in the same step. */
static const char *const STEPS[] = {
    "degree", "strength", "betweenness", "closeness", "harmonic",
    "eigenvector", "pagerank", "local_clustering", "transitivity",
    "coreness", "components", "articulation_points", "bridges",
    "diameter", "mean_distance",
    /* across sectors */
    "assortativity", "modularity", "constraint", "louvain", "leiden",
};
enum { N_STEPS = sizeof STEPS / sizeof STEPS[0] };

static double vec_sum(const igraph_vector_t *v)
{
    return igraph_vector_sum(v);
}

static void run_step(int step, const igraph_t *g, const igraph_vector_t *w)
{
    const char *name = STEPS[step];
    double t0 = now_s();
    igraph_vector_t res;
    igraph_vector_int_t ires;
    igraph_real_t x = 0;

    if (!strcmp(name, "degree")) {
        igraph_vector_int_init(&ires, 0);
        igraph_degree(g, &ires, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "degree: max %" IGRAPH_PRId "\n",
                    igraph_vector_int_max(&ires));
        igraph_vector_int_destroy(&ires);
    } else if (!strcmp(name, "strength")) {
        igraph_vector_init(&res, 0);
        igraph_strength(g, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                        w);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "strength: sum %.17g\n", vec_sum(&res));
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "betweenness")) {
        igraph_vector_init(&res, 0);
        igraph_betweenness(g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "betweenness: max %.17g\n", igraph_vector_max(&res));
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "closeness")) {
        igraph_vector_init(&res, 0);
        igraph_closeness(g, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL,
                         NULL, /* normalized = */ false);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "closeness: a0 %.17g\n", VECTOR(res)[0]);
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "harmonic")) {
        igraph_vector_init(&res, 0);
        igraph_harmonic_centrality(g, &res, igraph_vss_all(), IGRAPH_ALL, NULL,
                                   /* normalized = */ false);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "harmonic: sum %.17g\n", vec_sum(&res));
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "eigenvector")) {
        igraph_arpack_options_t opts;
        igraph_arpack_options_init(&opts);
        igraph_vector_init(&res, 0);
        igraph_eigenvector_centrality(g, &res, &x, IGRAPH_UNDIRECTED,
                                      /* scale = */ true, w, &opts);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "eigenvector: eigenvalue %.17g\n", x);
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "pagerank")) {
        igraph_vector_init(&res, 0);
        igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &x,
                        igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, w, NULL);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "pagerank: max %.17g\n", igraph_vector_max(&res));
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "transitivity")) {
        igraph_transitivity_undirected(g, &x, IGRAPH_TRANSITIVITY_ZERO);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "transitivity: %.17g\n", x);
    } else if (!strcmp(name, "local_clustering")) {
        igraph_vector_init(&res, 0);
        igraph_transitivity_local_undirected(g, &res, igraph_vss_all(),
                                             IGRAPH_TRANSITIVITY_ZERO);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "local_clustering: mean %.17g\n",
                    igraph_vector_size(&res)
                        ? vec_sum(&res) / (double) igraph_vector_size(&res)
                        : NAN);
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "coreness")) {
        igraph_vector_int_init(&ires, 0);
        igraph_coreness(g, &ires, IGRAPH_ALL);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "coreness: max %" IGRAPH_PRId "\n",
                    igraph_vector_int_max(&ires));
        igraph_vector_int_destroy(&ires);
    } else if (!strcmp(name, "components")) {
        igraph_vector_int_t csize;
        igraph_integer_t no;
        igraph_vector_int_init(&ires, 0);
        igraph_vector_int_init(&csize, 0);
        igraph_connected_components(g, &ires, &csize, &no, IGRAPH_WEAK);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "components: %" IGRAPH_PRId ", largest %"
                    IGRAPH_PRId "\n", no, igraph_vector_int_max(&csize));
        igraph_vector_int_destroy(&csize);
        igraph_vector_int_destroy(&ires);
    } else if (!strcmp(name, "articulation_points")) {
        igraph_vector_int_init(&ires, 0);
        igraph_articulation_points(g, &ires);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "articulation_points: %" IGRAPH_PRId "\n",
                    igraph_vector_int_size(&ires));
        igraph_vector_int_destroy(&ires);
    } else if (!strcmp(name, "bridges")) {
        igraph_vector_int_init(&ires, 0);
        igraph_bridges(g, &ires);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "bridges: %" IGRAPH_PRId "\n",
                    igraph_vector_int_size(&ires));
        igraph_vector_int_destroy(&ires);
    } else if (!strcmp(name, "diameter")) {
        igraph_diameter(g, &x, NULL, NULL, NULL, NULL, IGRAPH_UNDIRECTED,
                        /* unconn = */ true);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "diameter: %.17g\n", x);
    } else if (!strcmp(name, "assortativity")) {
        igraph_assortativity_nominal(g, &sectors, &x, IGRAPH_UNDIRECTED,
                                     /* normalized = */ true);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "assortativity: %.17g\n", x);
    } else if (!strcmp(name, "modularity")) {
        igraph_modularity(g, &sectors, NULL, /* resolution = */ 1.0,
                          IGRAPH_UNDIRECTED, &x);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "modularity (sectors): %.17g\n", x);
    } else if (!strcmp(name, "constraint")) {
        igraph_vector_init(&res, 0);
        igraph_constraint(g, &res, igraph_vss_all(), NULL);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "constraint: a0 %.17g, a1 %.17g\n",
                    igraph_vector_size(&res) > 0 ? VECTOR(res)[0] : NAN,
                    igraph_vector_size(&res) > 1 ? VECTOR(res)[1] : NAN);
        igraph_vector_destroy(&res);
    } else if (!strcmp(name, "louvain")) {
        igraph_vector_t q;
        igraph_vector_init(&q, 0);
        igraph_vector_int_init(&ires, 0);
        igraph_rng_seed(igraph_rng_default(), 1);
        t0 = now_s(); /* seeding is not part of the step */
        igraph_community_multilevel(g, NULL, /* resolution = */ 1.0, &ires,
                                    NULL, &q);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "louvain: %" IGRAPH_PRId " communities, modularity %.17g\n",
                    igraph_vector_int_size(&ires)
                        ? igraph_vector_int_max(&ires) + 1 : 0,
                    igraph_vector_size(&q) ? igraph_vector_max(&q) : NAN);
        igraph_vector_int_destroy(&ires);
        igraph_vector_destroy(&q);
    } else if (!strcmp(name, "leiden")) {
        /* Modularity objective: node weights k_i, resolution 1 / 2m. */
        igraph_integer_t clusters = 0;
        igraph_rng_seed(igraph_rng_default(), 1);
        t0 = now_s();
        igraph_vector_t k;
        igraph_vector_init(&k, 0);
        igraph_strength(g, &k, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, NULL);
        double two_m = igraph_vector_sum(&k);
        igraph_vector_int_init(&ires, igraph_vcount(g));
        for (int it = 0; it < 2; it++)
            igraph_community_leiden(g, NULL, &k, 1.0 / two_m, 0.01,
                                    /* start = */ it > 0, 1, &ires, &clusters,
                                    NULL);
        report(name, t0);
        if (verbose) {
            igraph_modularity(g, &ires, NULL, 1.0, IGRAPH_UNDIRECTED, &x);
            fprintf(stderr, "leiden: %" IGRAPH_PRId " communities, modularity %.17g\n",
                    clusters, x);
        }
        igraph_vector_int_destroy(&ires);
        igraph_vector_destroy(&k);
    } else if (!strcmp(name, "mean_distance")) {
        igraph_average_path_length(g, &x, NULL, IGRAPH_UNDIRECTED,
                                   /* unconn = */ true);
        report(name, t0);
        if (verbose)
            fprintf(stderr, "mean_distance: %.17g\n", x);
    }
}

/* ------------------------------------------------------------------------ */

static void usage(FILE *f)
{
    fprintf(f, "usage: raw_igraph [--no-betweenness] [--unweighted] "
               "[--only STEP,...] [--verbose] DATASET_DIR\nsteps: load");
    for (int i = 0; i < N_STEPS; i++)
        fprintf(f, " %s", STEPS[i]);
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    int selected[N_STEPS];
    int no_betweenness = 0, unweighted = 0;
    const char *dir = NULL;

    for (int i = 0; i < N_STEPS; i++)
        selected[i] = 1;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--no-betweenness")) {
            no_betweenness = 1;
        } else if (!strcmp(a, "--unweighted")) {
            unweighted = 1;
        } else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
            verbose = 1;
        } else if (!strcmp(a, "--only") && i + 1 < argc) {
            for (int k = 0; k < N_STEPS; k++)
                selected[k] = 0;
            gchar **names = g_strsplit(argv[++i], ",", -1);
            for (gchar **p = names; *p; p++) {
                if (!**p || !strcmp(*p, "load"))
                    continue;
                int k;
                for (k = 0; k < N_STEPS; k++)
                    if (!strcmp(*p, STEPS[k]))
                        break;
                if (k == N_STEPS) {
                    fprintf(stderr, "raw_igraph: unknown step %s\n", *p);
                    usage(stderr);
                    g_strfreev(names);
                    return 2;
                }
                selected[k] = 1;
            }
            g_strfreev(names);
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "raw_igraph: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (!dir) {
            dir = a;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!dir) {
        usage(stderr);
        return 2;
    }

    printf("# raw_igraph %s\n", dir);
    fflush(stdout);

    /* Community detection draws from the default generator: MT19937 as in
     * libecosys (igraph's default is PCG32), seeded in each step. */
    igraph_rng_t rng;
    igraph_rng_init(&rng, &igraph_rngtype_mt19937);
    igraph_rng_set_default(&rng);

    igraph_t graph;
    igraph_vector_t weights;
    double t0 = now_s();
    load(dir, &graph, &weights);
    report("load", t0);

    for (int k = 0; k < N_STEPS; k++) {
        if (!selected[k])
            continue;
        if (no_betweenness && !strcmp(STEPS[k], "betweenness"))
            continue;
        run_step(k, &graph, unweighted ? NULL : &weights);
    }

    igraph_vector_destroy(&weights);
    igraph_vector_int_destroy(&sectors);
    igraph_destroy(&graph);
    igraph_rng_destroy(&rng); /* the default generator: not used after this */
    return 0;
}
