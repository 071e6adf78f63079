/**
 * @file ecosys/wavetest.h
 * @brief Significance of a wave comparison: what changed between two
 * waves, and is it more than chance?
 *
 * ecosys_wave_test_run() takes two graphs of the same actors, "before" and
 * "after", and tests the change between them against chance in two ways
 * (docs/measures.md, "Significance of a wave comparison", says how an
 * evaluator reads them).
 *
 * **Notation.** n actors; a *dyad* is an unordered pair of distinct actors
 * (an ordered pair if the graphs are directed), D = n(n-1)/2 of them
 * (n(n-1) directed). A dyad is *tied* in a wave if it is an edge of that
 * wave's graph (weight 0 is no tie, repeated ties are one; see
 * ecosys/graph.h). With m the ties before:
 * - f = formed ties (tied after, not before), d = dissolved ties (tied
 *   before, not after);
 * - N = D - m, the *candidate dyads*: those untied before, where a tie
 *   could form;
 * - the *before-contacts* of an actor are its neighbours in the before
 *   graph, direction ignored; two actors have a *common neighbour* if some
 *   actor is a before-contact of both.
 *
 * **The three exact tests** (each an ecosys_null_result with replicates = 0:
 * exact, no ensemble). The null: the f formed ties are a uniform random
 * subset of the N candidate dyads, given f. Then the number X of formed ties
 * that fall in a set of K candidate dyads is hypergeometric(N, K, f):
 *
 *     P(X = k) = C(K, k) C(N - K, f - k) / C(N, f),
 *     mean = f K / N,
 *     sd   = sqrt(f (K/N) (1 - K/N) (N - f)/(N - 1)),
 *     z    = (x - mean) / sd (NaN if sd = 0),
 *     p_greater = P(X >= x), p_less = P(X <= x), summed exactly
 *
 * (logarithms and Loader's saddle-point terms, accurate to about 1e-13
 * relative for N up to 10^12 and more).
 * - formed_crossing: K = candidate dyads whose two actors are in different
 *   groups (the @c group attribute); x = formed ties between two groups.
 * - formed_via_coordinator: K = candidate dyads between two before-contacts
 *   of the coordinator c (k_c contacts: k_c(k_c-1)/2 pairs, directed
 *   k_c(k_c-1), minus those tied before); x = formed ties between two
 *   before-contacts of c.
 * - closure_via_coordinator: conditional on closure. Of the f formed ties,
 *   T close a triad (their actors had a common neighbour before). Among
 *   the N' candidate dyads with a common neighbour, K' have c as one (they
 *   are exactly the K dyads of formed_via_coordinator); under the null
 *   "the T closing ties are a uniform subset of the N' closable dyads", the
 *   number through c is hypergeometric(N', K', T). x is the same count as
 *   formed_via_coordinator. This test is robust to background triadic
 *   closure (new ties forming between friends of friends more often than
 *   between strangers, everywhere in the network): it asks whether, among
 *   the introductions the network made possible, the coordinator's were
 *   over-represented. Read it first.
 *
 * **The change tests** (@c changes, an ensemble). The null: random placement
 * of the same change. A replicate removes d ties of the before graph chosen
 * uniformly among its m ties and adds f ties chosen uniformly among its N
 * candidate dyads (so it has m - d + f ties, as the after graph). For each
 * statistic S, observed = S(after) - S(before), and the null distribution
 * is that of S(replicate) - S(before) over R replicates; the result's
 * fields are as in ecosys_null_result (mean, sd, z, p-values counting the
 * observation as one draw). The statistics, in this order (ecosys_statistic_kind
 * order, index = kind): density (constant under this null: a reference),
 * E-I index over the groups, nominal assortativity over the groups,
 * transitivity, mean local clustering, degree centralization; all binary,
 * computed as the null models compute them (ecosys/nullmodel.h).
 *
 * Reproducibility: replicate r draws from random stream r of the seed, on
 * the parallel runner of ecosys/nullmodel.h: results depend only on the
 * graphs, the options' group, coordinator, replicates and seed, bit for
 * bit, never on the number of threads.
 *
 * Nothing prints; every function returns 0 or a negative ECOSYS_E* code.
 */
#ifndef ECOSYS_WAVETEST_H
#define ECOSYS_WAVETEST_H

#include "ecosys/graph.h"
#include "ecosys/nullmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ecosys_wave_test_options this header describes. */
#define ECOSYS_WAVE_TEST_OPTIONS_VERSION 1

/** Default ensemble size of the change tests. */
#define ECOSYS_WAVE_TEST_DEFAULT_REPLICATES 1000

/** Statistics of the change tests: ecosys_statistic_kind 0 (density) to 5
 *  (degree centralization). */
#define ECOSYS_WAVE_TEST_STATISTIC_COUNT 6

/**
 * Options of ecosys_wave_test_run(). Initialise with
 * ECOSYS_WAVE_TEST_OPTIONS_INIT or ecosys_wave_test_options_init().
 * Strings are borrowed for the duration of the call only.
 */
typedef struct ecosys_wave_test_options {
    unsigned int version;       /**< ECOSYS_WAVE_TEST_OPTIONS_VERSION. */
    const char *group;          /**< Actor attribute whose values are the groups of "crossing" ties, the E-I index and the assortativity (ecosys_partition_by_attribute() on the before graph); NULL: "sector". */
    const char *coordinator;    /**< Actor id of the coordinator, or NULL: the two coordinator tests are then NaN. */
    size_t replicates;          /**< Ensemble size R of the change tests; default 1000; 0 skips them (changes NULL, statistic_count 0). */
    uint64_t seed;              /**< Seed of the ensemble; default 1. */
    unsigned int threads;       /**< Worker threads; 0: one per core. Results never depend on it. */
    ecosys_progress_callback progress;  /**< Progress of the ensemble, as in ecosys/nullmodel.h (called in the calling thread); non-zero return cancels. NULL: none. */
    void *user;                 /**< Passed to @c progress. */
    unsigned int flags;         /**< 0. ECOSYS_WEIGHTED is reserved for weighted statistics and refused today (ECOSYS_EUNSUPPORTED): every test here counts ties. */
} ecosys_wave_test_options;

/** Static initialiser for ecosys_wave_test_options. */
#define ECOSYS_WAVE_TEST_OPTIONS_INIT { ECOSYS_WAVE_TEST_OPTIONS_VERSION, NULL, NULL, \
                                        ECOSYS_WAVE_TEST_DEFAULT_REPLICATES, 1, 0, NULL, NULL, 0 }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_WAVE_TEST_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL (NULL @p options, unknown version).
 */
ECOSYS_EXTERN int ecosys_wave_test_options_init(ecosys_wave_test_options *options,
                                                unsigned int version);

/**
 * The significance of a wave comparison. Filled by ecosys_wave_test_run();
 * release with ecosys_wave_test_dispose(). The exact tests have kind
 * ECOSYS_STATISTIC_CUSTOM, replicates = valid = 0 and seed 0; when
 * undefined (no coordinator), every number of theirs is NaN.
 */
typedef struct ecosys_wave_test {
    size_t formed;          /**< f, ties formed (tied after, not before). */
    size_t dissolved;       /**< d, ties dissolved (tied before, not after). */
    size_t candidate_dyads; /**< N, dyads untied before. */
    ecosys_null_result formed_crossing;         /**< Formed ties joining two groups, against hypergeometric(N, crossing_candidates, f). */
    ecosys_null_result formed_via_coordinator;  /**< Formed ties between two before-contacts of the coordinator, against hypergeometric(N, coordinator_candidates, f). */
    ecosys_null_result closure_via_coordinator; /**< Among the formed ties that close a triad, those through the coordinator, against hypergeometric(closing_candidates, coordinator_candidates, formed_closing_triad). */
    size_t statistic_count;      /**< Change tests: ECOSYS_WAVE_TEST_STATISTIC_COUNT, or 0 if replicates was 0. */
    ecosys_null_result *changes; /**< Change (after - before) of each statistic, index = ecosys_statistic_kind (density, E-I, assortativity, transitivity, mean local clustering, degree centralization); owned. */
    /* Added fields (version 1 of the struct holds them all). */
    size_t crossing_candidates;    /**< K of formed_crossing: candidate dyads between two groups. */
    size_t coordinator_candidates; /**< K = K' of the coordinator tests: candidate dyads between two before-contacts of the coordinator; 0 without coordinator. */
    size_t closing_candidates;     /**< N': candidate dyads whose actors have a common neighbour before. */
    size_t formed_closing_triad;   /**< T: formed ties whose actors had a common neighbour before. */
    size_t coordinator;            /**< Vertex of the coordinator; (size_t)-1 if none. */
    size_t coordinator_contacts;   /**< k_c, its before-contacts; 0 if none. */
    size_t ties_before;            /**< m, ties of the before graph. */
    size_t ties_after;             /**< Ties of the after graph (m - d + f). */
    double before_values[ECOSYS_WAVE_TEST_STATISTIC_COUNT];       /**< Each change-test statistic on the before graph (NaN if undefined), index = ecosys_statistic_kind; filled even when replicates is 0. */
    double after_values[ECOSYS_WAVE_TEST_STATISTIC_COUNT];        /**< The same on the after graph. */
    size_t replicates;             /**< R of the change tests (0 if skipped). */
    uint64_t seed;                 /**< Their seed. */
    unsigned int threads;          /**< Worker threads that ran (results do not depend on it). */
} ecosys_wave_test;

/**
 * Tests the change from @p before to @p after against chance (see the
 * file's documentation for every definition).
 *
 * Time: O(n + m log m) for the ties; O(sum_v d_v^2 + n log m) for the closable dyads
 * N' (two-step neighbourhoods of the before graph); the exact tests
 * O(number of terms summed) <= O(f); the change tests O(R (m + f + cost of
 * the statistics, O(m d) for triangles)) divided among the threads. Memory
 * O(n + m + f) per thread plus O(R) for the samples.
 *
 * @param out     receives the result (zeroed first; left empty on error);
 *                release with ecosys_wave_test_dispose().
 * @param before  the before graph (borrowed).
 * @param after   the after graph (borrowed): the same actors in the same
 *                vertex order, e.g. two snapshots of one dataset, or graphs
 *                of two datasets whose actor ids match one for one.
 * @param options NULL for defaults (groups by "sector", no coordinator,
 *                1000 replicates, seed 1, all cores).
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown options version or
 *         flag, graphs of different direction, graphs whose actors differ:
 *         different counts, or an id at some vertex that differs, unknown
 *         group attribute); ECOSYS_ENOTFOUND (coordinator id not an actor of
 *         the graphs); ECOSYS_EUNSUPPORTED (ECOSYS_WEIGHTED; 2^32 actors or
 *         ties or more); ECOSYS_ENOMEM; ECOSYS_ECANCELLED (the progress
 *         callback asked; @p out is then left empty).
 */
ECOSYS_EXTERN int ecosys_wave_test_run(ecosys_wave_test *out, const ecosys_graph *before,
                                       const ecosys_graph *after,
                                       const ecosys_wave_test_options *options);

/** Frees what @p test owns and zeroes it. Accepts NULL and a zeroed struct. */
ECOSYS_EXTERN void ecosys_wave_test_dispose(ecosys_wave_test *test);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_WAVETEST_H */
