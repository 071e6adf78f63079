/* ISO 8601 calendar dates at three precisions (YYYY, YYYY-MM, YYYY-MM-DD).
 * Calendar arithmetic is GLib's GDate; this file only checks the text. */
#include "ecosys/dataset.h"

#include "core/error.h"

#include <glib.h>
#include <string.h>

/* GDate's Julian day number of 1970-01-01 (day 1 is 0001-01-01). */
#define JULIAN_1970_01_01 719163

static int digits(const char *text, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (text[i] < '0' || text[i] > '9')
            return 0;
    return 1;
}

static int number(const char *text, size_t count)
{
    int value = 0;
    for (size_t i = 0; i < count; i++)
        value = value * 10 + (text[i] - '0');
    return value;
}

static int32_t epoch_day(int year, int month, int day)
{
    GDate date;
    g_date_clear(&date, 1);
    g_date_set_dmy(&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    return (int32_t) g_date_get_julian(&date) - JULIAN_1970_01_01;
}

int ecosys_date_parse(int32_t *out_first_day, int32_t *out_last_day, const char *text)
{
    if (!text)
        return ecosys_i_error(ECOSYS_EINVAL, "date is NULL");
    size_t length = strlen(text);
    int well_formed = (length == 4 || length == 7 || length == 10) && digits(text, 4) &&
                      (length < 7 || (text[4] == '-' && digits(text + 5, 2))) &&
                      (length < 10 || (text[7] == '-' && digits(text + 8, 2)));
    if (!well_formed)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "malformed date \"%.64s\": expected YYYY, YYYY-MM or YYYY-MM-DD",
                              text);
    int year = number(text, 4);
    int month = length >= 7 ? number(text + 5, 2) : 0;
    int day = length == 10 ? number(text + 8, 2) : 0;
    if (year < 1)
        return ecosys_i_error(ECOSYS_EINVAL, "invalid date \"%s\": year 0000 does not exist", text);
    if (length >= 7 && (month < 1 || month > 12))
        return ecosys_i_error(ECOSYS_EINVAL, "invalid date \"%s\": no month %02d", text, month);
    if (length == 10 && !g_date_valid_dmy((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return ecosys_i_error(ECOSYS_EINVAL, "invalid date \"%s\": no such day", text);

    int first_month = length >= 7 ? month : 1;
    int last_month = length >= 7 ? month : 12;
    int first_day = length == 10 ? day : 1;
    int last_day = length == 10
                       ? day
                       : g_date_get_days_in_month((GDateMonth) last_month, (GDateYear) year);
    if (out_first_day)
        *out_first_day = epoch_day(year, first_month, first_day);
    if (out_last_day)
        *out_last_day = epoch_day(year, last_month, last_day);
    return 0;
}
