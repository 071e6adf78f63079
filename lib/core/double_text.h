/* Internal: the text of a double that reads back as the same double.
 *
 * Why a function of its own: every writer (CSV, GraphML, node-link JSON,
 * the JSON summary) must write numbers that a reader turns back into the
 * very same double, and as short as possible (0.1, not the 17 digits
 * 0.10000000000000001), so that files stay readable and diffs small. */
#ifndef ECOSYS_CORE_DOUBLE_TEXT_H
#define ECOSYS_CORE_DOUBLE_TEXT_H

/* Room for the longest text, "-2.2250738585072014e-308" and the like. */
#define ECOSYS_I_DOUBLE_TEXT 32

/* Writes the shortest of %.15g, %.16g and %.17g that strtod() reads back as
 * @p value: 0.1 as "0.1", 1e-300 as "1e-300", 3 as "3", 1e20 as "1e+20".
 * Always '.' as decimal point, whatever the caller's locale. A finite value
 * gives a JSON number; NaN and infinities give "nan", "inf", "-inf" (JSON
 * writers test isfinite() first). */
void ecosys_i_format_double(char buffer[ECOSYS_I_DOUBLE_TEXT], double value);

#endif
