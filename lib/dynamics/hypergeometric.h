/* Internal: the hypergeometric distribution, exactly, for the wave tests
 * (lib/dynamics/wave_test.c).
 *
 * X ~ hypergeometric(N, K, f): the number of marked items among f drawn
 * without replacement from N items of which K are marked,
 *   P(X = k) = C(K, k) C(N - K, f - k) / C(N, f),
 *   max(0, f - (N - K)) <= k <= min(K, f).
 *
 * Each probability is computed in logarithms with Loader's saddle-point
 * expansion (C. Loader 2000, "Fast and accurate computation of binomial
 * probabilities", the method of R's dhyper/dbinom): the hypergeometric
 * term is a ratio of three binomial terms, each written as
 * stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, np) - bd0(n - x, nq)
 * - log(2 pi x (n - x) / n) / 2, where stirlerr is the error of Stirling's
 * formula (lgamma for n <= 15, its asymptotic series beyond) and bd0 the
 * deviance term x log(x / np) + np - x, computed without cancellation when
 * x is near np. Unlike differences of lgamma(N + 1), whose absolute error
 * grows like N x 1e-16, this keeps about 1e-13 relative accuracy for N up
 * to 10^12 and beyond (checked against exact rational values in
 * tests/test_wave_test.c).
 *
 * Tails are sums of these terms accumulated in logarithms (log-sum-exp),
 * each term computed directly (no recurrence), and stop once the terms
 * past the mode fall below e^-60 of the sum.
 *
 * No allocation, no global state, no dependency but libm: the test
 * compiles this file into itself. */
#ifndef ECOSYS_DYNAMICS_HYPERGEOMETRIC_H
#define ECOSYS_DYNAMICS_HYPERGEOMETRIC_H

#include <stdint.h>

/* The moments and one-sided tails of X ~ hypergeometric(N, K, f) at x. */
typedef struct ecosys_i_hypergeometric {
    double mean;      /* f K / N */
    double sd;        /* sqrt(f (K/N) (1 - K/N) (N - f)/(N - 1)); 0 if N < 2 */
    double p_greater; /* P(X >= x) */
    double p_less;    /* P(X <= x) */
} ecosys_i_hypergeometric;

/* log P(X = k); -INFINITY outside the support. Requires K <= N, f <= N. */
double ecosys_i_hypergeometric_log_pmf(uint64_t k, uint64_t N, uint64_t K, uint64_t f);

/* Fills @p out for the observation @p x. Requires K <= N, f <= N. A point
 * mass (N = 0, f = 0, K = 0, K = N or f = N) gives sd 0 and tails 0 or 1. */
void ecosys_i_hypergeometric_test(ecosys_i_hypergeometric *out, uint64_t x, uint64_t N,
                                  uint64_t K, uint64_t f);

#endif
