/* Internal: libecosys's own seedable pseudo-random numbers.
 *
 * xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom
 * number generators", https://prng.di.unimi.it/) seeded by splitmix64
 * (Steele, Lea & Flood 2014), the seeding its authors recommend.
 *
 * Streams: an ensemble of R replicates draws replicate r from stream r of
 * its seed, so that its result depends on (seed, replicate) only, never on
 * which thread ran it or in which order (issue 5 runs replicates in
 * parallel). Stream r of seed s starts xoshiro256** from the splitmix64
 * outputs 4r+1 .. 4r+4 of the splitmix64 sequence started at s, that is
 * from splitmix64 state s + 4 r 0x9E3779B97F4A7C15 (mod 2^64). Hence:
 *   - stream 0 is exactly the reference seeding of xoshiro256** from s;
 *   - the streams of one seed start from pairwise different states
 *     (splitmix64 outputs are distinct for 2^64 consecutive calls) for every
 *     r < 2^62, at unrelated points of xoshiro's 2^256 - 1 period.
 *   - (s, r) and (s + 4k 0x9E37..., r - k) share a stream: seeds chosen by
 *     people (0, 1, 42, 2024...) are never that far apart.
 *
 * Nothing here allocates, fails or touches global state: a generator is a
 * plain struct of four words owned by its caller, one per thread. The
 * output is the same on every platform and compiler (fixed-width integer
 * arithmetic only, no 128-bit types).
 *
 * Why not GLib's GRand: docs/design.md "Random numbers". */
#ifndef ECOSYS_CORE_RANDOM_H
#define ECOSYS_CORE_RANDOM_H

#include <stddef.h>
#include <stdint.h>

/* A generator: the state of xoshiro256** (never all zero). */
typedef struct ecosys_i_rng {
    uint64_t s[4];
} ecosys_i_rng;

/* Starts @p rng on stream @p stream of @p seed (see above). O(1). */
void ecosys_i_rng_init(ecosys_i_rng *rng, uint64_t seed, uint64_t stream);

/* The next 64 random bits. */
uint64_t ecosys_i_rng_next(ecosys_i_rng *rng);

/* A uniform double in [0, 1): the top 53 bits of the next output times
 * 2^-53 (every multiple of 2^-53 equally likely). */
double ecosys_i_rng_uniform(ecosys_i_rng *rng);

/* A uniform integer in [0, @p bound), without bias (Lemire 2019, "Fast
 * random integer generation in an interval", ACM TOMACS 29(1)): one
 * multiplication, a division only on the rare rejection path. Returns 0
 * without drawing if @p bound is 0 or 1. */
uint64_t ecosys_i_rng_below(ecosys_i_rng *rng, uint64_t bound);

/* Shuffles @p items uniformly in place (Fisher-Yates, Durstenfeld's
 * version: for i = count-1 down to 1, swap items[i] with items[j],
 * j = ecosys_i_rng_below(i + 1)). O(count). */
void ecosys_i_rng_shuffle(ecosys_i_rng *rng, size_t *items, size_t count);

#endif
