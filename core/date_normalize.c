/* Dates as page metadata writes them, normalised to ISO 8601 (include/galley/date.h):
 * "2019-10-19", "2019/10/19", "20191019", a Unix timestamp, "19.10.2019", "10/19/2019",
 * "[Weekday,] 19 Oct 2019", "19. Oktober 2019", "October 19, 2019", each with an optional clock
 * time and zone after it, and Java's and Unix's "Mon Mar 04 12:45:00 EST 2024".  Month names come from dates/months.tsv, the list the tagger reads. */
#include <galley/date.h>

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The month names of dates/months.tsv (galley_month_names_load), loaded once per process and
 * kept for its life.  Without the file no textual month is read (the tagger, which needs the
 * same file, refuses to start without it). */
static galley_month_names shared_months;
static pthread_once_t months_once = PTHREAD_ONCE_INIT;

static void load_months(void)
{
	galley_error err = {0};
	if (galley_month_names_load(&shared_months, &err) != GALLEY_OK)
		memset(&shared_months, 0, sizeof shared_months);
	galley_error_clear(&err);
}

/* Lower-cases one character of a month name into out (ASCII, Latin-1 letters and Cyrillic in
 * UTF-8, the scripts of dates/months.tsv); returns the bytes read. */
static size_t lower_char(const unsigned char *p, size_t left, char *out, size_t *outlen)
{
	if (p[0] < 0x80) {
		out[(*outlen)++] = (char)tolower(p[0]);
		return 1;
	}
	if (left >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
		out[(*outlen)++] = (char)0xC3; /* À..Þ -> à..þ */
		out[(*outlen)++] = (char)(p[1] + 0x20);
		return 2;
	}
	if (left >= 2 && p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0xAF) {
		int lower = p[1] + 0x20; /* А..Я -> а..я (Р..Я move to the D1 row) */
		out[(*outlen)++] = (char)(lower <= 0xBF ? 0xD0 : 0xD1);
		out[(*outlen)++] = (char)(lower <= 0xBF ? lower : lower - 0x40);
		return 2;
	}
	out[(*outlen)++] = (char)p[0];
	return 1;
}

#define MONTH_NAME_MAX 32

static int month_from_name(const char *p, size_t *used)
{
	pthread_once(&months_once, load_months);
	size_t len = 0;
	while (p[len] && (isalpha((unsigned char)p[len]) || (unsigned char)p[len] >= 0x80))
		len++;
	if (!len || len >= MONTH_NAME_MAX)
		return 0;
	char low[2 * MONTH_NAME_MAX];
	size_t n = 0;
	for (size_t i = 0; i < len;)
		i += lower_char((const unsigned char *)p + i, len - i, low, &n);
	for (size_t i = 0; i < shared_months.n; i++) {
		const galley_month_name *m = &shared_months.items[i];
		if (strlen(m->name) == n && !memcmp(m->name, low, n)) {
			*used = len;
			return m->month;
		}
	}
	return 0;
}

static int read_num(const char **p, int maxdigits, int *ndigits)
{
	int v = 0, k = 0;
	while (k < maxdigits && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	if (ndigits)
		*ndigits = k;
	return k ? v : -1;
}

/* A day of the calendar in the years pages are dated in. */
static bool valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && galley_date_is_valid_day(y, m, d);
}

/* Optional time and zone after a date: " 12:34[:56[.789]]" then "Z", "+02:00", "+0200", " GMT". */
static void parse_time(const char *p, int *hh, int *mi, int *ss, char *tz, size_t tzsz)
{
	*hh = *mi = *ss = -1;
	tz[0] = 0;
	while (*p == ' ' || *p == 'T' || *p == 't' || *p == ',')
		p++;
	if (!strncasecmp(p, "um ", 3))
		p += 3;
	int n1, n2;
	int h = read_num(&p, 2, &n1);
	if (h < 0 || *p != ':')
		return;
	p++;
	int m = read_num(&p, 2, &n2);
	if (m < 0 || n2 != 2 || h > 23 || m > 59)
		return;
	int s = 0;
	if (*p == ':') {
		p++;
		s = read_num(&p, 2, NULL);
		if (s < 0 || s > 60)
			s = 0;
		if (*p == '.' || *p == ',') {
			p++;
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	*hh = h;
	*mi = m;
	*ss = s;
	while (*p == ' ')
		p++;
	if (*p == 'Z' || *p == 'z' || !strncasecmp(p, "GMT", 3) || !strncasecmp(p, "UTC", 3)) {
		const char *q = p + (*p == 'Z' || *p == 'z' ? 1 : 3);
		if (*q != '+' && *q != '-') {
			snprintf(tz, tzsz, "Z");
			return;
		}
		p = q;
	}
	if (*p == '+' || *p == '-') {
		char sign = *p++;
		int zn;
		int zh = read_num(&p, 2, &zn);
		if (zh < 0 || zn != 2 || zh > 14)
			return;
		if (*p == ':')
			p++;
		int zm = 0;
		if (isdigit((unsigned char)*p)) {
			zm = read_num(&p, 2, NULL);
			if (zm < 0 || zm > 59)
				zm = 0;
		}
		if (zh == 0 && zm == 0)
			snprintf(tz, tzsz, "Z");
		else
			snprintf(tz, tzsz, "%c%02d:%02d", sign, zh, zm);
	}
}

static bool emit_date(int y, int m, int d, const char *rest, char *out, size_t outsz)
{
	if (!valid_ymd(y, m, d))
		return false;
	int hh, mi, ss;
	char tz[8];
	parse_time(rest ? rest : "", &hh, &mi, &ss, tz, sizeof tz);
	if (hh < 0)
		snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, hh, mi, ss, tz);
	return true;
}

/* Time zone abbreviations a date string may carry, with their offsets in minutes east of UTC:
 * UTC and Europe's and North America's (the ones Java's and Unix's date strings print on the
 * servers of those regions), and Japan's.  Ambiguous ones ("IST", "CST" of China) are left out:
 * CST is North America's Central here. */
static const struct {
	const char *name;
	int offset;
} zone_abbreviations[] = {
	{"UTC", 0},       {"GMT", 0},       {"WET", 0},       {"WEST", 60},     {"BST", 60},
	{"CET", 60},      {"CEST", 120},    {"MEZ", 60},      {"MESZ", 120},    {"EET", 120},
	{"EEST", 180},    {"EST", -300},    {"EDT", -240},    {"CST", -360},    {"CDT", -300},
	{"MST", -420},    {"MDT", -360},    {"PST", -480},    {"PDT", -420},    {"JST", 540},
};

/* Java's and Unix's date string, "Mon Mar 04 12:45:00 EST 2024": a weekday, the month, the
 * day, the clock, a zone abbreviation (none in C's asctime()), the year (p after the weekday
 * and its spaces). */
static bool clock_zone_year(const char *p, char *out, size_t outsz)
{
	size_t used = 0;
	int m = month_from_name(p, &used), n;
	if (!m)
		return false;
	p += used;
	while (*p == ' ')
		p++;
	int d = read_num(&p, 2, &n), hh, mi, ss = 0;
	if (d < 0 || *p != ' ')
		return false;
	p++;
	hh = read_num(&p, 2, &n);
	if (hh < 0 || n != 2 || *p++ != ':' || (mi = read_num(&p, 2, &n)) < 0 || n != 2)
		return false;
	if (*p == ':') {
		p++;
		ss = read_num(&p, 2, &n);
		if (ss < 0 || n != 2)
			return false;
	}
	if (*p++ != ' ')
		return false;
	size_t zl = 0;
	while (isupper((unsigned char)p[zl]))
		zl++;
	int zone = -1;
	for (size_t i = 0; i < sizeof zone_abbreviations / sizeof zone_abbreviations[0] && zone < 0; i++)
		if (strlen(zone_abbreviations[i].name) == zl && !strncmp(p, zone_abbreviations[i].name, zl))
			zone = (int)i;
	/* C's asctime() writes no zone: the clock as it is ("Fri Mar 08 10:27:24 2024") */
	if ((zl && zone < 0) || (zl && p[zl] != ' '))
		return false;
	p += zl ? zl + 1 : 0;
	int y = read_num(&p, 4, &n);
	if (n != 4 || isdigit((unsigned char)*p) || !valid_ymd(y, m, d) || hh > 23 || mi > 59 || ss > 60)
		return false;
	int off = zone >= 0 ? zone_abbreviations[zone].offset : 0;
	if (zone < 0)
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mi, ss);
	else if (!off)
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mi, ss);
	else
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, hh, mi, ss, off < 0 ? '-' : '+', abs(off) / 60,
		         abs(off) % 60);
	return true;
}

bool galley_date_normalize(const char *in, char *out, size_t outsz)
{
	if (!in)
		return false;
	const char *p = in;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return false;
	const char *s = p;
	int n1, n2, n3;
	/* 2019-10-19..., 2019/10/19, 2019.10.19, 20191019 */
	int a = read_num(&p, 4, &n1);
	if (a >= 0 && n1 == 4 && (*p == '-' || *p == '/' || *p == '.')) {
		char sep = *p++;
		int m = read_num(&p, 2, &n2);
		if (m > 0 && *p == sep) {
			p++;
			int d = read_num(&p, 2, &n3);
			if (d > 0 && !isdigit((unsigned char)*p))
				return emit_date(a, m, d, p, out, outsz);
		}
		return false;
	}
	p = s;
	if (strlen(p) >= 8) {
		bool eight = true;
		for (int i = 0; i < 8; i++)
			eight = eight && isdigit((unsigned char)p[i]);
		if (eight && !isdigit((unsigned char)p[8])) {
			int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			int m = (p[4] - '0') * 10 + (p[5] - '0');
			int d = (p[6] - '0') * 10 + (p[7] - '0');
			return emit_date(y, m, d, p + 8, out, outsz);
		}
		/* a Unix timestamp */
		bool ten = strlen(p) >= 10;
		for (int i = 0; ten && i < 10; i++)
			ten = isdigit((unsigned char)p[i]);
		if (ten && !isdigit((unsigned char)p[10])) {
			time_t t = (time_t)strtoll(p, NULL, 10);
			struct tm tmv;
			if (t > 600000000 && gmtime_r(&t, &tmv)) {
				snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02dZ", tmv.tm_year + 1900, tmv.tm_mon + 1,
				         tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec);
				return true;
			}
			return false;
		}
	}
	/* 19.10.2019, 19/10/2019, 10/19/2019 */
	a = read_num(&p, 2, &n1);
	if (a > 0 && (*p == '.' || *p == '/' || *p == '-') && isdigit((unsigned char)p[1])) {
		char sep = *p++;
		int b = read_num(&p, 2, &n2);
		if (b > 0 && *p == sep) {
			p++;
			int y = read_num(&p, 4, &n3);
			if (n3 == 2)
				y = galley_date_full_year(y);
			if (y > 0 && (n3 == 4 || n3 == 2) && !isdigit((unsigned char)*p)) {
				int d = a, m = b;
				if (a <= 12 && b > 12) { /* the second cannot be a month: month first, whatever the separator */
					d = b;
					m = a;
				}
				return emit_date(y, m, d, p, out, outsz);
			}
		}
		return false;
	}
	/* textual: [Weekday,] 19 Oct 2019 | 19. Oktober 2019 | October 19, 2019 */
	p = s;
	size_t used = 0;
	if (isalpha((unsigned char)*p) && !month_from_name(p, &used)) {
		while (*p && isalpha((unsigned char)*p))
			p++;
		while (*p == ',' || *p == '.' || *p == ' ')
			p++;
	}
	if (clock_zone_year(p, out, outsz))
		return true;
	int d = -1, m = 0, y = -1;
	if (isdigit((unsigned char)*p)) {
		d = read_num(&p, 2, NULL);
		while (*p == '.' || *p == ' ' || *p == '-')
			p++;
		m = month_from_name(p, &used);
		if (!m)
			return false;
		p += used;
		while (*p == '.' || *p == ' ' || *p == '-' || *p == ',')
			p++;
		y = read_num(&p, 4, &n3);
		if (n3 != 4)
			return false;
	} else {
		m = month_from_name(p, &used);
		if (!m)
			return false;
		p += used;
		while (*p == '.' || *p == ' ')
			p++;
		d = read_num(&p, 2, NULL);
		while (*p == ',' || *p == ' ' || (*p && isalpha((unsigned char)*p) && (p[-1] != ' ')))
			p++; /* 19th, */
		y = read_num(&p, 4, &n3);
		if (n3 != 4)
			return false;
	}
	return emit_date(y, m, d, p, out, outsz);
}
