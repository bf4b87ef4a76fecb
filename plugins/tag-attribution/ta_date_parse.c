/* tag-attribution: parsing dates: ISO 8601, RFC 1123, dates written in text in the languages of
 * dates/months.tsv, clock times and date labels ('published', 'updated'). */
#include "ta_private.h"

bool ta_digits(const char *s, int n, int *out)
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

/* A date of the shared parser (galley/date.h) as the tagger's rules read it. */
static void ta_date_from(const galley_date *g, ta_date *dt)
{
	*dt = (ta_date){.y = g->year, .m = g->month, .d = g->day, .has_time = (g->parts & GALLEY_DATE_HAS_TIME) != 0,
	                .has_off = (g->parts & GALLEY_DATE_HAS_OFFSET) != 0, .hh = g->hour, .mi = g->minute, .off = g->offset};
}

bool ta_parse_iso8601(const char *s, ta_date *dt)
{
	galley_date g;
	bool ok = galley_date_parse_iso8601(s, &g);
	ta_date_from(&g, dt);
	return ok;
}

/* ISO 8601, or an HTTP-style date ("Thu, 12 Aug 2021 01:40:56 GMT") as some JSON-LD writes it. */
bool ta_parse_iso(const char *s, ta_date *dt)
{
	galley_date g;
	bool ok = galley_date_parse(s, &g);
	ta_date_from(&g, dt);
	return ok;
}

/* "…T23:00:00Z", "…T23:00Z": no seconds, or zero seconds. */
bool ta_zero_seconds(const char *iso)
{
	const char *t = strchr(iso, 'T');
	if (!t)
		t = strchr(iso, ' ');
	if (!t || strlen(t) < 6)
		return false;
	return t[6] != ':' || (t[7] == '0' && t[8] == '0' && (t[9] < '0' || t[9] > '9' || t[9] == '0'));
}

/* Is c a byte that may follow a date's last digit ("23.09.22 -", "17/02/2022,"), not one more
 * digit or a version's next part ("13.1.1.2")? */
static bool ta_date_end(const char *p)
{
	return !(*p >= '0' && *p <= '9') && !((*p == '.' || *p == '/') && p[1] >= '0' && p[1] <= '9');
}

/* A connector between a day, a month and a year: "11 de agosto de 2021", "12 di maggio". */
static bool ta_date_joiner(const char *w, size_t l)
{
	return (l == 2 && (!memcmp(w, "de", 2) || !memcmp(w, "di", 2))) || (l == 3 && !memcmp(w, "del", 3));
}

/* One or two digits at s: how many (0 when s is no digit), their value in *v. */
static int ta_dig2(const char *s, int *v)
{
	if (s[0] < '0' || s[0] > '9')
		return 0;
	*v = s[0] - '0';
	if (s[1] < '0' || s[1] > '9')
		return 1;
	*v = *v * 10 + (s[1] - '0');
	return 2;
}

/* A date written in digits: "2024-03-05", "2019.03.05", "2019年6月24日", "24 | 01 | 2022",
 * "4. 2. 2022", d.m.yyyy, d.m.yy, d/m/yyyy (see ta_find_date). */
static bool ta_find_numeric_date(const char *text, ta_date *out)
{
	size_t n = strlen(text);
	for (size_t i = 0; i + 6 <= n; i++) {
		if (text[i] < '0' || text[i] > '9' || (i && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == '.' || text[i - 1] == '/')))
			continue;
		int y, m, d, k = 0;
		const char *t = text + i;
		/* (with points, "2019.03.05", as East Asian pages write it, not a version's "2019.03.05.1") */
		if (i + 10 <= n && ta_digits(t, 4, &y) && (t[4] == '-' || t[4] == '/' || t[4] == '.') && ta_digits(t + 5, 2, &m) && t[7] == t[4] &&
		    ta_digits(t + 8, 2, &d) && galley_date_is_valid_day(y, m, d) && y > 1900 && (t[4] != '.' || ta_date_end(t + 10))) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
		/* "2019年6月24日": Chinese and Japanese, year, month and day */
		{
			int n1 = 0, n2 = 0;
			if (ta_digits(t, 4, &y) && !strncmp(t + 4, "\xe5\xb9\xb4", 3) && (n1 = ta_dig2(t + 7, &m)) > 0 &&
			    !strncmp(t + 7 + n1, "\xe6\x9c\x88", 3) && (n2 = ta_dig2(t + 10 + n1, &d)) > 0 &&
			    !strncmp(t + 10 + n1 + n2, "\xe6\x97\xa5", 3) && y > 1900 && galley_date_is_valid_day(y, m, d)) {
				*out = (ta_date){.y = y, .m = m, .d = d};
				return true;
			}
		}
		/* "24 | 01 | 2022", "26 / 01 / 2022": a day, a month and a year set apart by spaced bars
		 * or slashes */
		{
			char s1 = 0, s2 = 0;
			int n1 = ta_dig2(t, &d);
			const char *sp = t + n1;
			while (*sp == ' ')
				sp++;
			/* (sscanf only where the bar or slash can follow: it is slow, and runs at every digit) */
			if (sp > t + n1 && (*sp == '|' || *sp == '/') && sscanf(t, "%2d %c %2d %c %4d%n", &d, &s1, &m, &s2, &y, &n1) == 5 && s1 == s2 && (s1 == '|' || s1 == '/') && t[n1 - 5] == ' ' &&
			    y > 1900 && ta_date_end(t + n1) && galley_date_is_valid_day(y, m, d) && strchr(t, s1) > t && strchr(t, s1)[-1] == ' ') {
				*out = (ta_date){.y = y, .m = m, .d = d};
				return true;
			}
		}
		/* "4. 2. 2022": a day and a month each closed by a point and a space */
		if (t[ta_dig2(t, &d)] == '.' && sscanf(t, "%2d. %2d. %4d%n", &d, &m, &y, &k) == 3 && t[k - 5] == ' ' && y > 1900 && ta_date_end(t + k) &&
		    galley_date_is_valid_day(y, m, d)) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
		/* d.m.yyyy, d.m.yy, d/m/yyyy */
		char sep = 0;
		if ((k = ta_dig2(t, &d)) > 0 && (t[k] == '.' || t[k] == '/')) {
			sep = t[k];
			const char *q = t + k + 1;
			int k2 = 0;
			if ((k2 = ta_dig2(q, &m)) >= 1 && q[k2] == sep) {
				const char *r = q + k2 + 1;
				int yl = 0;
				while (yl < 5 && r[yl] >= '0' && r[yl] <= '9')
					yl++;
				bool ok = false;
				if (yl == 4 && ta_digits(r, 4, &y) && y > 1900 && ta_date_end(r + 4))
					ok = true;
				else if (yl == 2 && sep == '.' && ta_digits(r, 2, &y) && ta_date_end(r + 2)) {
					y = galley_date_full_year(y);
					ok = true;
				}
				if (ok && sep == '/' && m > 12 && d <= 12) {
					int tmp = d; /* 12/31/2022: month first */
					d = m;
					m = tmp;
				}
				if (ok && galley_date_is_valid_day(y, m, d)) {
					*out = (ta_date){.y = y, .m = m, .d = d, .ambig = sep == '/' && d <= 12 && d != m};
					return true;
				}
			}
		}
	}
	return false;
}

/* A date with its month in words: "5 March 2024", "5. März 2024", "March 5, 2024",
 * "11 de agosto de 2021", "3.November 2012", "10. - 16. Januar 2022" (see ta_find_date). */
static bool ta_find_word_date(const ta_state *st, const char *text, ta_date *out)
{
	ta_words w;
	char *norm = galley_ws_normalize(text);
	ta_split_words(norm, &w);
	for (size_t i = 0; i < w.n; i++) {
		const char *mw = w.w[i];
		size_t ml = w.l[i];
		int lead = -1; /* "8.Dezember": the day glued to the month */
		int kk = 0;
		if (ml > 3 && sscanf(mw, "%2d.%n", &lead, &kk) == 1 && kk > 1 && mw[kk - 1] == '.' && !(mw[kk] >= '0' && mw[kk] <= '9')) {
			mw += kk;
			ml -= (size_t)kk;
		} else
			lead = -1;
		char *lo = ta_lower(mw, ml);
		size_t ll = strlen(lo);
		while (ll && (lo[ll - 1] == '.' || lo[ll - 1] == ','))
			lo[--ll] = 0;
		int mon = ll ? ta_set_get(&st->datemonths, lo, ll) : -1;
		free(lo);
		if (mon < 1)
			continue;
		int d = 0, y = 0;
		size_t after = i + 1;
		if (after < w.n && ta_date_joiner(w.w[after], w.l[after]))
			after++;
		/* "5 March 2024", "5. März 2024", "11 de agosto de 2021", "3.November 2012" */
		size_t before = i;
		if (lead < 0 && before > 1 && ta_date_joiner(w.w[before - 1], w.l[before - 1]))
			before--;
		/* "(23. November 2022)": the day may follow an opening bracket; "Original Research7 April
		 * 2020": or be glued to the word before it (a line break the text lost), or to a
		 * separator ("By Northwind Foundation•15 January 2020") */
		bool dayok = lead >= 1 ? (d = lead, true)
		                       : (before > 0 && sscanf(w.w[before - 1] + (w.w[before - 1][0] == '(' || w.w[before - 1][0] == '['), "%2d", &d) == 1);
		if (!dayok && lead < 0 && before > 0 && w.l[before - 1] >= 3) {
			const char *pw = w.w[before - 1];
			size_t pl = w.l[before - 1], nd = 0;
			while (nd < pl && nd < 3 && pw[pl - 1 - nd] >= '0' && pw[pl - 1 - nd] <= '9')
				nd++;
			unsigned char pc = (unsigned char)pw[pl - 1 - nd];
			if ((nd == 1 || nd == 2) && pl > nd && (((pc | 0x20) >= 'a' && (pc | 0x20) <= 'z') || pc >= 0x80 || pc == '|'))
				dayok = sscanf(pw + pl - nd, "%2d", &d) == 1;
		}
		/* a period is dated by its first day: "10. - 16. Januar 2022", "14.-20. Januar 2022" */
		if (dayok && lead < 0 && before > 0) {
			const char *pw = w.w[before - 1];
			int d0 = 0, k0 = 0;
			if (sscanf(pw, "%2d.%n", &d0, &k0) == 1 && k0 > 0 && pw[k0 - 1] == '.' && pw[k0] == '-' && d0 >= 1 && d0 < d)
				d = d0;
			else if (before >= 3 && ((w.l[before - 2] == 1 && w.w[before - 2][0] == '-') || (w.l[before - 2] == 3 && !memcmp(w.w[before - 2], "\xe2\x80\x93", 3))) &&
			         sscanf(w.w[before - 3], "%2d.%n", &d0, &k0) == 1 && k0 > 0 && (size_t)k0 == w.l[before - 3] && d0 >= 1 && d0 < d)
				d = d0;
		}
		if (dayok && after < w.n && sscanf(w.w[after], "%4d", &y) == 1 && y > 1900 && galley_date_is_valid_day(y, mon, d)) {
			*out = (ta_date){.y = y, .m = mon, .d = d};
			free(norm);
			return true;
		}
		/* "(Pescasseroli, 14 Gennaio 20)": a two-digit year that closes the line or its bracket */
		if (dayok && after < w.n && d >= 1 && d <= 31 && w.l[after] >= 2 && ta_digits(w.w[after], 2, &y) &&
		    (w.l[after] == 2 ? after + 1 == w.n || w.w[after + 1][0] == ')' : w.l[after] == 3 && w.w[after][2] == ')') &&
		    galley_date_is_valid_day(galley_date_full_year(y), mon, d)) {
			*out = (ta_date){.y = galley_date_full_year(y), .m = mon, .d = d};
			free(norm);
			return true;
		}
		/* "March 5, 2024", "Apr 7, 2021 @ 10:26 am", "Mar 05 2011" */
		if (lead < 0 && i + 2 < w.n && sscanf(w.w[i + 1], "%2d", &d) == 1 && sscanf(w.w[i + 2], "%4d", &y) == 1 && y > 1900 &&
		    galley_date_is_valid_day(y, mon, d)) {
			*out = (ta_date){.y = y, .m = mon, .d = d};
			free(norm);
			return true;
		}
	}
	free(norm);
	return false;
}

/* A date written in text: 2024-03-05, 2024.03.05, 5.3.2024, 23.09.22, 17/02/2022, 2022/02/17, 5 March 2024,
 * 5. März 2024, 3.November 2012, March 5, 2024, 11 de agosto de 2021, 15 августа 2016.  A day and
 * month with slashes that both read as months ("03/05/2022") are taken day first, as most of
 * the world writes them, and marked ambiguous (the caller may read them month first to agree
 * with the page's metadata). */
bool ta_find_date(const ta_state *st, const char *text, ta_date *out)
{
	memset(out, 0, sizeof *out);
	return ta_find_numeric_date(text, out) || ta_find_word_date(st, text, out);
}

/* The first clock time in text: "21:25", "um 9:05 Uhr" (hours and minutes, not a date's
 * numbers or a longer run of digits); *end: where its minutes end. */
static bool ta_clock_at(const char *text, int *hh, int *mi, const char **end)
{
	for (const char *p = text; *p; p++) {
		if (*p != ':' || p == text)
			continue;
		const char *q = p;
		int nd = 0;
		while (q > text && q[-1] >= '0' && q[-1] <= '9' && nd < 3) {
			q--;
			nd++;
		}
		if ((nd != 1 && nd != 2) || (q > text && (q[-1] == ':' || q[-1] == '.' || (q[-1] >= '0' && q[-1] <= '9'))))
			continue;
		int h = 0, m = 0;
		for (const char *k = q; k < p; k++)
			h = h * 10 + (*k - '0');
		if (!ta_digits(p + 1, 2, &m) || (p[3] >= '0' && p[3] <= '9') || h > 23 || m > 59)
			continue;
		*hh = h;
		*mi = m;
		*end = p + 3;
		return true;
	}
	return false;
}

bool ta_find_clock(const char *text, int *hh, int *mi)
{
	const char *end;
	return ta_clock_at(text, hh, mi, &end);
}

/* The same, read on a twelve-hour clock when "am"/"pm" ("a.m.", "PM") follows: "7:08pm" is 19:08. */
bool ta_find_clock12(const char *text, int *hh, int *mi)
{
	const char *end;
	if (!ta_clock_at(text, hh, mi, &end))
		return false;
	while (*end == ' ')
		end++;
	char c = (char)(*end | 0x20);
	if ((c != 'a' && c != 'p') || ((end[1] | 0x20) != 'm' && !(end[1] == '.' && (end[2] | 0x20) == 'm')) || *hh < 1 || *hh > 12)
		return true;
	*hh = *hh % 12 + (c == 'p' ? 12 : 0);
	return true;
}

int ta_date_rank(const char *o)
{
	/* microdata is itemprop=datePublished: as good as the article's meta tags */
	static const char *const order[] = {"json-ld", "article-meta", "opengraph", "microdata", "dublin-core", "meta", "time", "text", "twitter"};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (!strcmp(o, order[i]))
			return (int)i;
	if (!strcmp(o, "warc") || !strcmp(o, "http"))
		return -1; /* when the page was fetched, not published */
	return 10;
}

/* The first position in lo (lower-case) of one of words, or NULL. */
const char *ta_find_any(const char *lo, char *const *words, size_t n)
{
	const char *best = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *p = strstr(lo, words[i]);
		if (p && (!best || p < best))
			best = p;
	}
	return best;
}

/* The publication date a removed line shows: after a "published" label when there is one
 * ("PUBLISHED: March 5, 2024 | UPDATED: March 6, 2024"), none when the line only shows an
 * update. */
bool ta_line_date(const ta_state *st, const char *text, ta_date *out, bool *labelled)
{
	*labelled = false;
	if (!strpbrk(text, "0123456789"))
		return false; /* every date has digits: no label search in a line without */
	char *lo = ta_lower(text, strlen(text));
	const char *pub = ta_find_any(lo, st->date_pub, st->n_date_pub);
	const char *upd = ta_find_any(lo, st->date_upd, st->n_date_upd);
	bool ok = false;
	*labelled = pub != NULL;
	if (pub) {
		/* the same byte offsets in text: lower-casing keeps lengths of ASCII, and labels are
		 * found in the lower-case copy; search the original from the label on */
		size_t off = (size_t)(pub - lo);
		if (strlen(text) == strlen(lo)) {
			char *part = galley_strdup(text + off);
			if (upd && upd > pub)
				part[upd - pub] = 0;
			ok = ta_find_date(st, part, out);
			free(part);
		}
		if (!ok && !upd)
			ok = ta_find_date(st, text, out);
	} else if (!upd)
		ok = ta_find_date(st, text, out);
	free(lo);
	return ok;
}
