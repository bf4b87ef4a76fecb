/* Dates: ISO 8601 and HTTP dates, the civil calendar, instants (include/galley/date.h). */
#include <galley/date.h>

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

bool galley_date_is_valid_day(int year, int month, int day)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return day <= mdays[month - 1] + (month == 2 && leap);
}

int galley_date_full_year(int yy)
{
	return yy < GALLEY_DATE_CENTURY_PIVOT ? 2000 + yy : 1900 + yy;
}

/* n decimal digits at s. */
static bool date_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool galley_date_parse_iso8601(const char *s, galley_date *out)
{
	galley_date *dt = out;
	memset(dt, 0, sizeof *dt);
	if (!s)
		return false;
	while (*s == ' ')
		s++;
	if (strlen(s) < 10 || !date_digits(s, 4, &dt->year) || s[4] != '-' || !date_digits(s + 5, 2, &dt->month) || s[7] != '-' ||
	    !date_digits(s + 8, 2, &dt->day) || !galley_date_is_valid_day(dt->year, dt->month, dt->day)) {
		memset(dt, 0, sizeof *dt);
		return false;
	}
	s += 10;
	if ((*s == 'T' || *s == ' ') && date_digits(s + 1, 2, &dt->hour) && s[3] == ':' && date_digits(s + 4, 2, &dt->minute)) {
		dt->parts |= GALLEY_DATE_HAS_TIME;
		s += 6;
		if (s[0] == ':' && !date_digits(s + 1, 2, &dt->second))
			dt->second = 0;
		while (*s == ':' || *s == '.' || (*s >= '0' && *s <= '9'))
			s++;
		if (*s == 'Z') {
			dt->parts |= GALLEY_DATE_HAS_OFFSET;
		} else if (*s == '+' || *s == '-') {
			int h = 0, m = 0;
			if (date_digits(s + 1, 2, &h)) {
				const char *q = s + 3;
				if (*q == ':')
					q++;
				if (!date_digits(q, 2, &m))
					m = 0;
				dt->parts |= GALLEY_DATE_HAS_OFFSET;
				dt->offset = (*s == '-' ? -1 : 1) * (h * 60 + m);
			}
		}
	}
	return true;
}

bool galley_date_parse_http(const char *s, galley_date *out)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char m[4] = "", tz[4] = "";
	int d, y, hh, mi, ss;
	memset(out, 0, sizeof *out);
	const char *c = s ? strchr(s, ',') : NULL;
	if (!c || sscanf(c + 1, " %2d %3s %4d %2d:%2d:%2d %3s", &d, m, &y, &hh, &mi, &ss, tz) != 7 || (strcmp(tz, "GMT") && strcmp(tz, "UTC")))
		return false;
	for (int i = 0; i < 12; i++)
		if (!strcmp(m, mon[i])) {
			*out = (galley_date){.year = y, .month = i + 1, .day = d, .hour = hh, .minute = mi, .second = ss,
			                     .parts = GALLEY_DATE_HAS_TIME | GALLEY_DATE_HAS_OFFSET};
			return galley_date_is_valid_day(y, i + 1, d) && y > 1900 && hh < 24 && mi < 60;
		}
	return false;
}

bool galley_date_parse(const char *s, galley_date *out)
{
	return galley_date_parse_iso8601(s, out) || galley_date_parse_http(s, out);
}

/* n decimal digits at p (no value). */
static bool date_all_digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return false;
	return true;
}

bool galley_date_is_valid_iso8601(const char *s)
{
	if (!s || strlen(s) < 10 || !date_all_digits(s, 4) || s[4] != '-' || !date_all_digits(s + 5, 2) || s[7] != '-' ||
	    !date_all_digits(s + 8, 2))
		return false;
	int mo = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!galley_date_is_valid_day(atoi(s), mo, d))
		return false;
	const char *p = s + 10;
	if (!*p)
		return true;
	if (*p != 'T' && *p != ' ')
		return false;
	p++;
	if (!date_all_digits(p, 2) || p[2] != ':' || !date_all_digits(p + 3, 2) || atoi(p) > 23 || atoi(p + 3) > 59)
		return false;
	p += 5;
	if (*p == ':') {
		if (!date_all_digits(p + 1, 2) || atoi(p + 1) > 59)
			return false;
		p += 3;
		if (*p == '.') {
			p++;
			int nd = 0;
			while (isdigit((unsigned char)*p)) {
				p++;
				nd++;
			}
			if (nd < 1 || nd > 3)
				return false;
		}
	}
	if (!*p || !strcmp(p, "Z"))
		return true;
	if ((*p == '+' || *p == '-') && date_all_digits(p + 1, 2) && p[3] == ':' && date_all_digits(p + 4, 2) && !p[6])
		return atoi(p + 1) <= 23 && atoi(p + 4) <= 59;
	return false;
}

/* Howard Hinnant's days_from_civil and civil_from_days. */
int64_t galley_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void galley_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int64_t galley_date_epoch(const galley_date *d)
{
	int64_t t = galley_days_from_civil(d->year, d->month, d->day) * 86400;
	t += (int64_t)d->hour * 3600 + (int64_t)d->minute * 60 + d->second;
	return t - (int64_t)d->offset * 60;
}

void galley_date_format_utc(int64_t t, char *buf, size_t len, galley_date_format format)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	int y, m, d;
	galley_civil_from_days(days, &y, &m, &d);
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	if (format == GALLEY_DATE_FORMAT_DATETIME)
		snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	else
		snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}

void galley_date_format_local(int64_t t, int offset, char *buf, size_t len)
{
	char local[32];
	galley_date_format_utc(t + (int64_t)offset * 60, local, sizeof local, GALLEY_DATE_FORMAT_DATETIME);
	local[19] = 0; /* without the "Z" */
	int a = offset < 0 ? -offset : offset;
	if (offset == 0)
		snprintf(buf, len, "%sZ", local);
	else
		snprintf(buf, len, "%s%c%02d:%02d", local, offset < 0 ? '-' : '+', a / 60, a % 60);
}
