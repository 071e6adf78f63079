/* The hypergeometric distribution in logarithms: see hypergeometric.h. */
#include "hypergeometric.h"

#include <math.h>

#define LN_2PI 1.837877066409345483560659472811 /* log(2 pi) */
#define LN_SQRT_2PI 0.918938533204672741780329736406 /* log(sqrt(2 pi)) */

/* stirlerr(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n), n >= 0 a whole number
 * (Loader 2000). For n <= 15, lgamma is exact enough (its argument is
 * small); beyond, the asymptotic series 1/(12n) - 1/(360n^3) + ...
 * truncated where its next term is below 1e-17. */
static double stirlerr(double n)
{
    const double S0 = 1.0 / 12, S1 = 1.0 / 360, S2 = 1.0 / 1260, S3 = 1.0 / 1680,
                 S4 = 1.0 / 1188;
    if (n <= 15) {
        if (n == 0)
            return 0; /* log(0!) - log(1): the convention that makes x = 0 work */
        return lgamma(n + 1) - (n + 0.5) * log(n) + n - LN_SQRT_2PI;
    }
    double nn = n * n;
    if (n > 500)
        return (S0 - S1 / nn) / n;
    if (n > 80)
        return (S0 - (S1 - S2 / nn) / nn) / n;
    if (n > 35)
        return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/* bd0(x, np) = x log(x / np) + np - x >= 0, by the series in
 * v = (x - np)/(x + np) when x is close to np (no cancellation). */
static double bd0(double x, double np)
{
    if (fabs(x - np) < 0.1 * (x + np)) {
        double v = (x - np) / (x + np);
        double s = (x - np) * v;
        double ej = 2 * x * v;
        v = v * v;
        for (int j = 1; j < 1000; j++) {
            ej *= v;
            double s1 = s + ej / (2 * j + 1);
            if (s1 == s)
                return s1;
            s = s1;
        }
        return s;
    }
    return x * log(x / np) + np - x;
}

/* log of C(n, x) p^x q^(n-x), p + q = 1 given separately for accuracy. */
static double log_binomial_term(double x, double n, double p, double q)
{
    if (p == 0)
        return x == 0 ? 0 : -INFINITY;
    if (q == 0)
        return x == n ? 0 : -INFINITY;
    if (x == 0) {
        if (n == 0)
            return 0;
        return p < 0.1 ? -bd0(n, n * q) - n * p : n * log(q);
    }
    if (x == n)
        return q < 0.1 ? -bd0(n, n * p) - n * q : n * log(p);
    if (x < 0 || x > n)
        return -INFINITY;
    double lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
    double lf = LN_2PI + log(x) + log1p(-x / n);
    return lc - 0.5 * lf;
}

static uint64_t support_low(uint64_t N, uint64_t K, uint64_t f)
{
    return f > N - K ? f - (N - K) : 0;
}

static uint64_t support_high(uint64_t K, uint64_t f)
{
    return K < f ? K : f;
}

double ecosys_i_hypergeometric_log_pmf(uint64_t k, uint64_t N, uint64_t K, uint64_t f)
{
    uint64_t lo = support_low(N, K, f), hi = support_high(K, f);
    if (k < lo || k > hi)
        return -INFINITY;
    if (lo == hi)
        return 0;
    /* Symmetries that keep f and K at most N/2, so that p = f/N is small
     * and n q is computed without cancellation: K - X ~ hypergeometric(N,
     * K, N - f) (marked among the items not drawn), f - X ~
     * hypergeometric(N, N - K, f) (unmarked among those drawn). */
    if (f > N - f) {
        k = K - k;
        f = N - f;
    }
    if (K > N - K) {
        k = f - k;
        K = N - K;
    }
    /* P(X = k) = b(k; K, p) b(f - k; N - K, p) / b(f; N, p), p = f / N
     * (the binomial terms' powers of p and q cancel). */
    double n = (double) N, p = (double) f / n, q = (double) (N - f) / n;
    return log_binomial_term((double) k, (double) K, p, q) +
           log_binomial_term((double) (f - k), (double) (N - K), p, q) -
           log_binomial_term((double) f, n, p, q);
}

/* Adds exp(term) to the sum held as exp(*max) x *scaled. */
static void log_add(double *max, double *scaled, double term)
{
    if (term == -INFINITY)
        return;
    if (*scaled == 0) {
        *max = term;
        *scaled = 1;
    } else if (term > *max) {
        *scaled = *scaled * exp(*max - term) + 1;
        *max = term;
    } else {
        *scaled += exp(term - *max);
    }
}

/* Cut-off: terms past the mode below e^-60 of the sum are left out. */
#define NEGLIGIBLE 60.0

/* sum_{k = from .. to} P(X = k), walking up (step 1) or down (step -1). */
static double tail(uint64_t from, uint64_t to, int up, uint64_t N, uint64_t K, uint64_t f,
                   double mode)
{
    double max = 0, scaled = 0;
    uint64_t k = from;
    for (;;) {
        double term = ecosys_i_hypergeometric_log_pmf(k, N, K, f);
        log_add(&max, &scaled, term);
        int past_mode = up ? (double) k > mode : (double) k < mode;
        if (past_mode && term < max + log(scaled) - NEGLIGIBLE)
            break;
        if (k == to)
            break;
        k = up ? k + 1 : k - 1;
    }
    if (scaled == 0)
        return 0;
    double p = exp(max + log(scaled));
    return p > 1 ? 1 : p;
}

void ecosys_i_hypergeometric_test(ecosys_i_hypergeometric *out, uint64_t x, uint64_t N,
                                  uint64_t K, uint64_t f)
{
    double n = (double) N;
    out->mean = N ? (double) f * ((double) K / n) : 0;
    if (N < 2) {
        out->sd = 0;
    } else {
        double share = (double) K / n;
        double variance = (double) f * share * ((double) (N - K) / n) *
                          ((double) (N - f) / (double) (N - 1));
        out->sd = sqrt(variance);
    }
    uint64_t lo = support_low(N, K, f), hi = support_high(K, f);
    if (x > hi) {
        out->p_greater = 0;
        out->p_less = 1;
        return;
    }
    if (x < lo) {
        out->p_greater = 1;
        out->p_less = 0;
        return;
    }
    /* The mode: floor((f + 1)(K + 1)/(N + 2)). */
    double mode = floor(((double) f + 1) * ((double) K + 1) / (n + 2));
    out->p_greater = tail(x, hi, 1, N, K, f, mode);
    out->p_less = tail(x, lo, 0, N, K, f, mode);
}
