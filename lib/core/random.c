/* xoshiro256** seeded by splitmix64, keyed streams, bounded integers and
 * shuffles. See random.h. The generator itself is the public-domain
 * reference code of Blackman & Vigna (https://prng.di.unimi.it/
 * xoshiro256starstar.c and splitmix64.c), rewritten in this file's style. */
#include "random.h"

#define GOLDEN_GAMMA UINT64_C(0x9E3779B97F4A7C15)

static uint64_t splitmix64_next(uint64_t *state)
{
    uint64_t z = (*state += GOLDEN_GAMMA);
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void ecosys_i_rng_init(ecosys_i_rng *rng, uint64_t seed, uint64_t stream)
{
    /* Unsigned arithmetic wraps modulo 2^64, as intended. */
    uint64_t state = seed + stream * 4u * GOLDEN_GAMMA;
    for (int i = 0; i < 4; i++)
        rng->s[i] = splitmix64_next(&state);
    /* Four consecutive splitmix64 outputs are never all zero (it is a
     * bijection of its counter), so the state is valid. */
}

uint64_t ecosys_i_rng_next(ecosys_i_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double ecosys_i_rng_uniform(ecosys_i_rng *rng)
{
    return (double) (ecosys_i_rng_next(rng) >> 11) * 0x1.0p-53;
}

/* The 128-bit product of two 64-bit words, portably. */
static void multiply_64x64(uint64_t a, uint64_t b, uint64_t *high, uint64_t *low)
{
    uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32;
    uint64_t b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
    uint64_t lo_lo = a_lo * b_lo;
    uint64_t hi_lo = a_hi * b_lo;
    uint64_t lo_hi = a_lo * b_hi;
    uint64_t hi_hi = a_hi * b_hi;
    uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xFFFFFFFFu) + lo_hi;
    *high = hi_hi + (hi_lo >> 32) + (cross >> 32);
    *low = (cross << 32) | (lo_lo & 0xFFFFFFFFu);
}

uint64_t ecosys_i_rng_below(ecosys_i_rng *rng, uint64_t bound)
{
    if (bound <= 1)
        return 0; /* bound 1 needs no draw either: only 0 is possible */
    uint64_t high, low;
    multiply_64x64(ecosys_i_rng_next(rng), bound, &high, &low);
    if (low < bound) {
        /* 2^64 mod bound: the outputs whose low word falls below it are the
         * surplus that would bias the result; redraw them. */
        uint64_t threshold = (0 - bound) % bound;
        while (low < threshold)
            multiply_64x64(ecosys_i_rng_next(rng), bound, &high, &low);
    }
    return high;
}

void ecosys_i_rng_shuffle(ecosys_i_rng *rng, size_t *items, size_t count)
{
    for (size_t i = count; i > 1; i--) {
        size_t j = (size_t) ecosys_i_rng_below(rng, (uint64_t) i);
        size_t swap = items[i - 1];
        items[i - 1] = items[j];
        items[j] = swap;
    }
}
