/* libecosys's own pseudo-random numbers (lib/core/random.h, internal).
 *
 * The generator is internal (hidden in the shared library), so this test
 * compiles lib/core/random.c into itself: it has no other dependency.
 *
 * Expected outputs come from this independent Python implementation of
 * splitmix64 and xoshiro256** written from the reference C code at
 * https://prng.di.unimi.it/ (run it with any python3 to reproduce them):
 *
 *   M = (1 << 64) - 1
 *   def splitmix(x):
 *       x = (x + 0x9E3779B97F4A7C15) & M; z = x
 *       z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
 *       z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
 *       return x, z ^ (z >> 31)
 *   def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
 *   def xo(s):
 *       r = (rotl((s[1] * 5) & M, 7) * 9) & M
 *       t = (s[1] << 17) & M
 *       s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
 *       s[3] = rotl(s[3], 45)
 *       return r
 *   def init(seed, stream):              # stream r: splitmix outputs 4r+1..4r+4
 *       x = (seed + stream * 4 * 0x9E3779B97F4A7C15) & M; s = []
 *       for _ in range(4):
 *           x, z = splitmix(x); s.append(z)
 *       return s
 *   def below(s, b):                     # Lemire 2019
 *       x = xo(s); m = x * b; l = m & M
 *       if l < b:
 *           t = ((1 << 64) - b) % b
 *           while l < t:
 *               x = xo(s); m = x * b; l = m & M
 *       return m >> 64
 */
#include "test_support.h"

#include "../lib/core/random.c"

#include <math.h>
#include <string.h>

/* [hex(xo(s)) for _ in range(4)] with s = init(seed, stream). */
static void first_outputs_of_the_reference_seeding(void **state)
{
    (void) state;
    ecosys_i_rng rng;

    /* Stream 0 is the reference seeding: s[0] is splitmix64's first output. */
    ecosys_i_rng_init(&rng, 0, 0);
    assert_true(rng.s[0] == UINT64_C(0xe220a8397b1dcdaf));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x99ec5f36cb75f2b4));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0xbf6e1f784956452a));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x1a5f849d4933e6e0));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x6aa594f1262d2d2c));

    ecosys_i_rng_init(&rng, 42, 0);
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x15780b2e0c2ec716));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x6104d9866d113a7e));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0xae17533239e499a1));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0xecb8ad4703b360a1));

    ecosys_i_rng_init(&rng, 42, 1);
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0xfe647e5153400883));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x7fcb8e42f6a75c30));
    ecosys_i_rng_init(&rng, 42, 7);
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x767be6d34448e59c));
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x22ae4ae1981551aa));
}

static void uniform_bounded_and_shuffle_values(void **state)
{
    (void) state;
    ecosys_i_rng rng;

    /* init(42, 3): first output 0x46cfa1d25e24982c; (x >> 11) * 2**-53 =
     * 0x1.1b3e874978926p-2 (0.276605714663804). */
    ecosys_i_rng_init(&rng, 42, 3);
    assert_true(ecosys_i_rng_uniform(&rng) == 0x1.1b3e874978926p-2);

    /* s = init(7, 0); [below(s, 10) for _ in range(10)] */
    ecosys_i_rng_init(&rng, 7, 0);
    const uint64_t tens[10] = {7, 2, 8, 9, 9, 8, 0, 1, 4, 1};
    for (int i = 0; i < 10; i++)
        assert_true(ecosys_i_rng_below(&rng, 10) == tens[i]);

    /* A bound just above 2^63 rejects about half the draws: the slow path.
     * s = init(7, 0); [below(s, (1 << 63) + 12345) for _ in range(3)] */
    ecosys_i_rng_init(&rng, 7, 0);
    const uint64_t big = (UINT64_C(1) << 63) + 12345;
    assert_true(ecosys_i_rng_below(&rng, big) == UINT64_C(6461677535414246645));
    assert_true(ecosys_i_rng_below(&rng, big) == UINT64_C(9049029322324600943));
    assert_true(ecosys_i_rng_below(&rng, big) == UINT64_C(8049918741117464634));

    /* Bounds 0 and 1 give 0 and draw nothing. */
    ecosys_i_rng_init(&rng, 0, 0);
    assert_true(ecosys_i_rng_below(&rng, 0) == 0);
    assert_true(ecosys_i_rng_below(&rng, 1) == 0);
    assert_true(ecosys_i_rng_next(&rng) == UINT64_C(0x99ec5f36cb75f2b4));

    /* s = init(2024, 5); a = list(range(8))
     * for i in range(8, 1, -1): j = below(s, i); a[i-1], a[j] = a[j], a[i-1] */
    size_t items[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    ecosys_i_rng_init(&rng, 2024, 5);
    ecosys_i_rng_shuffle(&rng, items, 8);
    ecosys_test_sizes_equal(items, (size_t[]){4, 6, 2, 7, 3, 5, 1, 0}, 8);
    ecosys_i_rng_shuffle(&rng, items, 0); /* nothing to do, no draw */
    ecosys_i_rng_shuffle(&rng, items, 1);
    assert_int_equal(items[0], 4);
}

/* Bounded integers are uniform: 600000 draws in [0, 6) (and [0, 7), not a
 * power of two) with seed 12345; chi-square with 5 (6) degrees of freedom
 * must stay below the 0.999 quantile, 20.515 (22.458). A fixed seed makes
 * the test deterministic; a biased method (x % bound on a short word, or a
 * wrong shift) fails it by orders of magnitude. Also uniform() in [0, 1)
 * over 10 bins (0.999 quantile of chi-square(9): 27.877). */
static double chi_square(const unsigned long *counts, size_t bins, double expected)
{
    double sum = 0;
    for (size_t i = 0; i < bins; i++)
        sum += ((double) counts[i] - expected) * ((double) counts[i] - expected) / expected;
    return sum;
}

static void bounded_integers_are_uniform(void **state)
{
    (void) state;
    enum { DRAWS = 600000 };
    const struct {
        uint64_t bound;
        double limit;
    } cases[] = {{6, 20.515}, {7, 22.458}};
    for (size_t c = 0; c < 2; c++) {
        unsigned long counts[7] = {0};
        ecosys_i_rng rng;
        ecosys_i_rng_init(&rng, 12345, c);
        for (int i = 0; i < DRAWS; i++) {
            uint64_t x = ecosys_i_rng_below(&rng, cases[c].bound);
            assert_true(x < cases[c].bound);
            counts[x]++;
        }
        double chi = chi_square(counts, (size_t) cases[c].bound,
                                (double) DRAWS / (double) cases[c].bound);
        assert_true(chi < cases[c].limit);
    }
    unsigned long bins[10] = {0};
    ecosys_i_rng rng;
    ecosys_i_rng_init(&rng, 12345, 9);
    for (int i = 0; i < DRAWS; i++) {
        double u = ecosys_i_rng_uniform(&rng);
        assert_true(u >= 0.0 && u < 1.0);
        bins[(int) (u * 10)]++;
    }
    assert_true(chi_square(bins, 10, DRAWS / 10.0) < 27.877);

    /* Shuffles: each of the 6 orders of 3 items equally likely. */
    unsigned long orders[6] = {0};
    ecosys_i_rng_init(&rng, 12345, 10);
    for (int i = 0; i < DRAWS; i++) {
        size_t a[3] = {0, 1, 2};
        ecosys_i_rng_shuffle(&rng, a, 3);
        orders[a[0] * 2 + (a[1] > a[2])]++;
    }
    assert_true(chi_square(orders, 6, DRAWS / 6.0) < 20.515);
}

/* The same (seed, stream) gives the same sequence whatever happened
 * before or in between; different streams or seeds give different ones. */
static void deterministic_per_seed_and_stream(void **state)
{
    (void) state;
    uint64_t first[3][64];
    const uint64_t keys[3][2] = {{5, 0}, {5, 1}, {6, 0}};
    for (int k = 0; k < 3; k++) {
        ecosys_i_rng rng;
        ecosys_i_rng_init(&rng, keys[k][0], keys[k][1]);
        for (int i = 0; i < 64; i++)
            first[k][i] = ecosys_i_rng_next(&rng);
    }
    /* Interleaved: streams 1 and 0 of seed 5 drawn alternately. */
    ecosys_i_rng a, b;
    ecosys_i_rng_init(&b, 5, 1);
    ecosys_i_rng_init(&a, 5, 0);
    for (int i = 0; i < 64; i++) {
        assert_true(ecosys_i_rng_next(&a) == first[0][i]);
        assert_true(ecosys_i_rng_next(&b) == first[1][i]);
    }
    assert_true(memcmp(first[0], first[1], sizeof first[0]) != 0);
    assert_true(memcmp(first[0], first[2], sizeof first[0]) != 0);
    assert_true(memcmp(first[1], first[2], sizeof first[0]) != 0);

    /* Streams of one seed start from different states (stream r uses
     * splitmix64 outputs 4r+1..4r+4: stream 1 state is not stream 0's). */
    ecosys_i_rng_init(&a, 5, 0);
    ecosys_i_rng_init(&b, 5, 1);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            assert_true(a.s[i] != b.s[j]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_outputs_of_the_reference_seeding),
        cmocka_unit_test(uniform_bounded_and_shuffle_values),
        cmocka_unit_test(bounded_integers_are_uniform),
        cmocka_unit_test(deterministic_per_seed_and_stream),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
