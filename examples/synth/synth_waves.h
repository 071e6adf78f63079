/* synth_waves: a seeded generator of synthetic two-wave ecosystems in which
 * a coordinator introduces its contacts to each other across sectors.
 *
 * Used by the program ecosys-synth-waves (writes the dataset as CSV) and by
 * the calibration tests (tests/test_calibration.c), which compile this file
 * into themselves. It uses libecosys's public API only (ecosys.h) and builds
 * the dataset in memory. docs/measures.md, "Calibration", describes the
 * model and what the tests measured with it.
 *
 * The model, in this order (every draw from one xoshiro256** stream seeded
 * by splitmix64 from @c seed, integer arithmetic only, so a given set of
 * parameters gives the same dataset on every platform):
 *
 *  1. Actors. Actor 0 is the coordinator, id "coordinator", sector
 *     "intermediary" (or the last sector with fewer than 5); actors 1..n-1
 *     have ids "a1".."a<n-1>" and a sector drawn uniformly among the
 *     @c sectors sectors academia, business, public, civil_society,
 *     intermediary, s6, s7, s8. Territory uniform among T1..T<territories>.
 *  2. The before wave (ties active on SYNTH_WAVES_BEFORE_DATE): the
 *     coordinator is tied to @c coordinator_degree actors drawn uniformly
 *     (so its contacts span the sectors); then the other ties, up to
 *     round(n x mean_degree / 2) in all, are drawn uniformly among the pairs
 *     of actors 1..n-1 not yet tied (a conditional uniform graph).
 *  3. Dissolution: round(dissolution x m) before ties, drawn uniformly, end
 *     in 2019; the others persist (no end date).
 *  4. The effect: @c introductions ties, each between two before-contacts of
 *     the coordinator that belong to different sectors and were not tied,
 *     drawn uniformly among such pairs not yet formed. Fewer are made if the
 *     pool runs out (info->introductions says how many).
 *  5. Background formation: @c formed further ties. round(closure x formed)
 *     of them close a triad: drawn uniformly among the pairs not tied before
 *     (and not yet formed) that had a common neighbour in the before wave,
 *     whoever that neighbour is (the coordinator included, at its natural
 *     rate). The rest are drawn uniformly among all pairs not tied before and
 *     not yet formed.
 *
 * Without introductions, the ties formed are thus a uniform draw among the
 * pairs not tied before (closure = 0), and in any case the formed ties that
 * close a triad are a uniform draw among the closing pairs: the null
 * hypotheses of ecosys_wave_test_run()'s exact tests hold by construction.
 *
 * Dates: before ties start on a day of 2018 (uniform); dissolved ones end
 * on a day of 2019; new ties start on a day of 2020. So the snapshots at
 * SYNTH_WAVES_BEFORE_DATE and SYNTH_WAVES_AFTER_DATE are exactly the two
 * waves. Every tie has weight 1, kind "project" and no axis. The dataset
 * is undirected.
 *
 * Cost: O(n + m + P log P) time and memory, P the number of pairs of
 * before-neighbours (sum over actors of C(degree, 2)), listed once to draw
 * the closing pairs.
 */
#ifndef ECOSYS_SYNTH_WAVES_H
#define ECOSYS_SYNTH_WAVES_H

#include <ecosys.h>

#include <stddef.h>
#include <stdint.h>

/** Date of the before snapshot (ecosys_graph_options.at). */
#define SYNTH_WAVES_BEFORE_DATE "2018-12-31"
/** Date of the after snapshot. */
#define SYNTH_WAVES_AFTER_DATE "2020-12-31"
/** Id of the coordinator (actor 0). */
#define SYNTH_WAVES_COORDINATOR_ID "coordinator"
/** Largest number of sectors. */
#define SYNTH_WAVES_MAX_SECTORS 8

/** Parameters of synth_waves_generate(); synth_waves_params_default() fills them. */
typedef struct synth_waves_params {
    size_t actors;             /**< n >= 4 (default 200). */
    size_t sectors;            /**< 1 .. SYNTH_WAVES_MAX_SECTORS (default 5). */
    size_t territories;        /**< >= 1 (default 1). */
    double mean_degree;        /**< Mean degree of the before wave, >= 0 (default 6). */
    size_t coordinator_degree; /**< Before-contacts of the coordinator, < n (default 40). */
    double dissolution;        /**< Share of before ties that dissolve, in [0, 1] (default 0.3). */
    size_t formed;             /**< Background ties formed (default 300). */
    double closure;            /**< Share of them closing a triad, in [0, 1] (default 0). */
    size_t introductions;      /**< The effect: cross-sector introductions by the coordinator (default 0). */
    uint64_t seed;             /**< Any value (default 1). */
} synth_waves_params;

/** What synth_waves_generate() made. */
typedef struct synth_waves_info {
    size_t coordinator;      /**< Actor index of the coordinator (always 0). */
    size_t ties_before;      /**< Ties of the before wave. */
    size_t dissolved;        /**< Of them, ties ending in 2019. */
    size_t introductions;    /**< Introductions made (< asked only if the pool ran out). */
    size_t formed_closing;   /**< Background ties drawn among the closing pairs. */
    size_t formed_uniform;   /**< Background ties drawn among all pairs. */
} synth_waves_info;

/** Fills @p params with the defaults above. */
void synth_waves_params_default(synth_waves_params *params);

/**
 * Generates a two-wave dataset.
 *
 * @param out    receives the new dataset; free it with ecosys_dataset_free().
 *               NULL on failure.
 * @param info   receives the counts (may be NULL).
 * @param params the parameters.
 * @return 0; ECOSYS_EINVAL (a parameter out of range, or more ties asked
 *         than half the pairs can hold: before ties + formed + introductions
 *         must be <= n(n-1)/4, and the closing ties no more than the closing
 *         pairs left); ECOSYS_ENOMEM.
 */
int synth_waves_generate(ecosys_dataset **out, synth_waves_info *info,
                         const synth_waves_params *params);

#endif
