/* Dates as page metadata writes them, normalised to ISO 8601 (include/galley/date.h):
 * "2019-10-19", "2019/10/19", "20191019", a Unix timestamp, "19.10.2019", "10/19/2019",
 * "[Weekday,] 19 Oct 2019", "19. Oktober 2019", "October 19, 2019", each with an optional clock
 * time and zone after it. */
#include <galley/date.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int month_from_name(const char *p, size_t *used)
{
	static const struct {
		const char *name;
		int m;
	} months[] = {
		{"january", 1},  {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},      {"june", 6},
		{"july", 7},     {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
		{"januar", 1},   {"februar", 2},  {"märz", 3},      {"maerz", 3},    {"mai", 5},      {"juni", 6},
		{"juli", 7},     {"oktober", 10}, {"dezember", 12}, {"jänner", 1},   {"janvier", 1},  {"février", 2},
		{"mars", 3},     {"avril", 4},    {"juin", 6},      {"juillet", 7},  {"août", 8},     {"septembre", 9},
		{"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"jan", 1},     {"feb", 2},      {"mar", 3},
		{"mär", 3},      {"apr", 4},      {"jun", 6},       {"jul", 7},      {"aug", 8},      {"sep", 9},
		{"sept", 9},     {"oct", 10},     {"okt", 10},      {"nov", 11},     {"dec", 12},     {"dez", 12},
	};
	size_t len = 0;
	while (p[len] && (isalpha((unsigned char)p[len]) || (unsigned char)p[len] >= 0x80))
		len++;
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		size_t ml = strlen(months[i].name);
		if (len == ml && !strncasecmp(p, months[i].name, ml)) {
			*used = len;
			return months[i].m;
		}
	}
	/* "Sept." and other abbreviations followed by a dot */
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

static bool valid_ymd(int y, int m, int d)
{
	static const int dim[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= dim[m - 1] &&
	       !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
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
				y += 2000;
			if (y > 0 && (n3 == 4 || n3 == 2) && !isdigit((unsigned char)*p)) {
				int d = a, m = b;
				if (sep == '/' && a <= 12 && b > 12) {
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
