/* Dates: one parser and one calendar for galley and its plugins.
 *
 * Who uses it: tag-attribution (metadata dates, the day of an instant in the page's own time
 * zone), write-epub (dc:date, dcterms:modified, the articles' <time> labels), read-html (the
 * metadata's dates, normalised).  Owned by the core (core/date.c); everything here is pure, reentrant and thread-safe,
 * and nothing allocates: the caller owns every buffer it passes.
 *
 * A galley_date keeps what the text said: a day, with or without a clock time, with or without a
 * UTC offset.  An offset keeps its local day ("2024-03-06T00:30:00+09:00" is 6 March, although
 * that instant is 5 March in UTC): convert to an instant with galley_date_epoch only when the
 * instant, not the day, is meant. */
#ifndef GALLEY_DATE_H
#define GALLEY_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <galley/error.h>
#include <galley/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a parsed date has besides its day (flags of galley_date.parts). */
typedef enum galley_date_part {
	GALLEY_DATE_HAS_TIME = 1 << 0,   /* hour and minute (second when given) */
	GALLEY_DATE_HAS_OFFSET = 1 << 1  /* a UTC offset ("Z" is +00:00) */
} galley_date_part;

typedef struct galley_date {
	int year, month, day;     /* month 1-12, day 1-31 */
	int hour, minute, second; /* with GALLEY_DATE_HAS_TIME, else 0 */
	int offset;               /* minutes east of UTC, with GALLEY_DATE_HAS_OFFSET, else 0 */
	unsigned parts;           /* galley_date_part flags */
} galley_date;

/* Is year-month-day a day of the (proleptic Gregorian) calendar, years 1 to 9999: months of
 * their length, 29 February in leap years only.  Every date the tree reads from text, in any
 * form, is checked here. */
GALLEY_API bool galley_date_is_valid_day(int year, int month, int day);

/* A two-digit year ("23.09.22", "5/3/98") as a full year: below the pivot this century, from it
 * the last one (web pages begin in the 1990s). */
#define GALLEY_DATE_CENTURY_PIVOT 70
GALLEY_API int galley_date_full_year(int yy);

/* ISO 8601 as pages write it: "2024-03-05", "2024-03-05T10:00", "2024-03-05 10:00:07.123+01:00",
 * "…Z", "…+0100"; leading spaces allowed, anything after the date-time ignored.  False (and *out
 * zeroed) when s does not start with a valid day. */
GALLEY_API bool galley_date_parse_iso8601(const char *s, galley_date *out);
/* An HTTP date (RFC 1123), "Thu, 12 Aug 2021 01:40:56 GMT", as some metadata writes it. */
GALLEY_API bool galley_date_parse_http(const char *s, galley_date *out);
/* Either of the two. */
GALLEY_API bool galley_date_parse(const char *s, galley_date *out);

/* A date as page metadata writes it, normalised to ISO 8601 into out (48 bytes are enough):
 * "2019-10-19", "2019/10/19", "2019.10.19", "20191019", a Unix timestamp of ten digits (UTC),
 * "19.10.2019", "19/10/2019" (month first, "10/19/2019", only when the second number cannot be
 * a month), "[Weekday,] 19 Oct 2019", "19. Oktober 2019", "October 19, 2019" (the month names
 * of dates/months.tsv, any case; no textual month when that file cannot be found), each with an optional clock time and zone after it ("12:34[:56]",
 * "Z", "+02:00", "+0200", "GMT"): "2019-10-19" or "2019-10-19T12:34:56+02:00".  False (out
 * unspecified) when in does not start with such a date. */
GALLEY_API bool galley_date_normalize(const char *in, char *out, size_t outsz);

/* Is s a valid date or global date-time string of HTML ("2024-03-05", "2024-03-05T10:00",
 * seconds and one to three decimals optional, then nothing, "Z" or "+hh:mm"), a real day of
 * the calendar: what EPUB reading systems and validators accept in <time datetime>. */
GALLEY_API bool galley_date_is_valid_iso8601(const char *s);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian), and back. */
GALLEY_API int64_t galley_days_from_civil(int64_t year, int month, int day);
GALLEY_API void galley_civil_from_days(int64_t days, int *year, int *month, int *day);

/* The instant in seconds since the epoch: the local time minus the offset (UTC when the date
 * has none; midnight when it has no time). */
GALLEY_API int64_t galley_date_epoch(const galley_date *d);

/* How galley_date_format_utc writes an instant. */
typedef enum galley_date_format {
	GALLEY_DATE_FORMAT_DAY,     /* "2024-03-05" */
	GALLEY_DATE_FORMAT_DATETIME /* "2024-03-05T09:00:00Z" */
} galley_date_format;

/* Writes the instant t (seconds since the epoch) in UTC into buf (years clamped to 0-9999). */
GALLEY_API void galley_date_format_utc(int64_t t, char *buf, size_t len, galley_date_format format);

/* Writes the instant t (seconds since the epoch) as the local date-time of the UTC offset
 * offset (minutes east) into buf, "2016-12-19T19:08:44-05:00" ("Z" for offset 0): the same
 * instant in a page's own time zone.  32 bytes are enough. */
GALLEY_API void galley_date_format_local(int64_t t, int offset, char *buf, size_t len);

/* ---- month names -------------------------------------------------------------------------
 * The month names of the languages galley reads, from one data file (dates/months.tsv, found
 * with galley_data_find): "march", "märz", "mars", "marzo", "марта", short forms ("mär"). */

/* Where a name may be read as a month. */
typedef enum galley_month_use {
	GALLEY_MONTH_ANYWHERE,  /* "januar": a month wherever it stands */
	GALLEY_MONTH_IN_DATES   /* "mayo", "julio", "out": also a name or a word; a month only in a date */
} galley_month_use;

typedef struct galley_month_name {
	char *name;           /* lower case, as in the file (owned by the list) */
	int month;            /* 1-12 */
	galley_month_use use;
} galley_month_name;

typedef struct galley_month_names {
	galley_month_name *items; /* in file order (owned) */
	size_t n;
} galley_month_names;

/* Loads dates/months.tsv into *out (free with galley_month_names_free).  GALLEY_ERR_FATAL with
 * a message naming the file when it cannot be found or read. */
GALLEY_API int galley_month_names_load(galley_month_names *out, galley_error *err);
GALLEY_API void galley_month_names_free(galley_month_names *m);

#ifdef __cplusplus
}
#endif
#endif
