/* tag-attribution: deciding the publication date: metadata, the visible date near the headline,
 * the page address's day, and the last resorts. */
#include "ta_private.h"

/* Is a removed block from after the article's body? */
static bool ta_after_body(const galley_removed *r)
{
	return r->context && strstr(r->context, " after-body");
}

/* A short line of the article's header or text, as the page shows it with the article: any
 * kind of block the stripper took before or in the kept text ("25.01.2022" in a list of facts
 * under the headline, "21.01.2022 - 13:30" beside it), not a menu's, the site header's (its
 * "today"), a teaser's, a comment's or a footer's, nor one inside such a part. */
static bool ta_header_line(const galley_removed *r)
{
	static const char *const other[] = {"nav", "header", "footer", "cookie", "form", "comments", "related", "teaser", "ad", "share", "title"};
	return r->text && r->reason && strlen(r->text) <= 80 && !ta_after_body(r) && ta_removed_tier(r, false) == 0 &&
	       !ta_reason_is(r, other, sizeof other / sizeof other[0]);
}

/* Does a line of the article's header or text (ta_header_line) show this day as the
 * publication date? */
static bool ta_header_shows(const ta_doc *d, int y, int m, int dd)
{
	for (size_t i = 0; i < galley_article_n_removed(d->a); i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		ta_date sd;
		bool labelled;
		if (!ta_header_line(r) || !ta_line_date(d->st, r->text, &sd, &labelled))
			continue;
		/* any date of the line: "29. Dezember 2022 30. Dezember 2022" shows both */
		for (const char *t = r->text; *t; t++)
			if ((t == r->text || t[-1] == ' ') && ta_find_date(d->st, t, &sd) && sd.y == y && sd.m == m && sd.d == dd)
				return true;
	}
	return false;
}

/* Does text show a span of hours ("19.1.23, 10:00-11:30 Uhr", "18:00 – 20:00"): an event's
 * time, not when something was published? */
static bool ta_time_span(const char *text)
{
	for (const char *p = strchr(text, ':'); p; p = strchr(p + 1, ':')) {
		if (p == text || p[-1] < '0' || p[-1] > '9' || !ta_digits(p + 1, 2, &(int){0}))
			continue;
		const char *q = p + 3;
		while (*q == ' ')
			q++;
		if (*q == '-')
			q++;
		else if (!strncmp(q, "\xe2\x80\x93", 3))
			q += 3;
		else
			continue;
		while (*q == ' ')
			q++;
		if (*q >= '0' && *q <= '9')
			return true;
	}
	return false;
}

/* The publication date the page shows with the article: datelines, bylines and meta lines
 * the stripper removed, most trusted place first (ta_removed_tier), a labelled one
 * ("Veröffentlicht am ...") before an unlabelled one of the same tier.  With max_tier 2 (no
 * metadata), short lines of the article's header too, and dates of lists (tier 2). */
static bool ta_visible_date(const ta_doc *d, ta_date *out, int *tier_out, int max_tier)
{
	static const char *const reasons[] = {"dateline", "byline", "meta", "outside-main", "header", "short"};
	size_t *ord = NULL;
	int *tiers = NULL;
	const galley_article *a = d->a;
	size_t n = ta_removed_order(a, reasons, sizeof reasons / sizeof reasons[0], &ord, &tiers);
	bool found = false;
	/* phases: 0 datelines, bylines and meta lines in or before the article, 1 short unclassified
	 * lines of the article's header (not a list's item: a ticker's "Boxen.de-Tippspiel +++ KW 4
	 * +++ 28.01.2022 – 29.01.2022"), 2 datelines, bylines and meta lines of lists, 3 those
	 * after the article's body (a teaser's or a comment's: "21 сентября 2021 Серия А.
	 * Итоги..." under the article); 1 to 3 only when the page gives no date in its metadata
	 * (max_tier 2); never an event's date with its hours */
	for (int phase = 0; phase <= (max_tier >= 2 ? 3 : 0) && !found; phase++)
	for (int t = 0; t <= 2 && !found; t++)
		for (int want_label = 1; want_label >= 0 && !found; want_label--)
			for (size_t i = 0; i < n && !found; i++) {
				if (tiers[i] != t || (phase < 2 && t == 2) || (phase == 2 && t < 2))
					continue;
				const galley_removed *r = galley_article_removed(a, ord[i]);
				bool after = ta_after_body(r);
				if (phase < 3 ? after : !after)
					continue;
				bool strong = ta_reason_is(r, reasons, 3); /* a dateline, a byline or a meta line */
				if (phase == 0 && !strong)
					continue;
				if (phase == 1 && (strong || !r->context || !strstr(r->context, " before-body") || strlen(r->text) > 80 ||
				                   !strncmp(r->context, "li", 2)))
					continue;
				if (phase >= 2 && !strong)
					continue;
				if (strlen(r->text) > 200 || ta_time_span(r->text))
					continue;
				bool labelled;
				ta_date dt;
				if (ta_line_date(d->st, r->text, &dt, &labelled) && (labelled || !want_label)) {
					/* a list's entries: the latest, whatever their order ("Feb 16 2009", "Feb 18
					 * 2009", "Feb 17 2009" over a blog's posts) */
					for (size_t j = i + 1; j < n && phase == 2; j++) {
						const galley_removed *o = galley_article_removed(a, ord[j]);
						ta_date od;
						bool ol;
						if (tiers[j] == 2 && o->context && r->context && !strcmp(o->context, r->context) && !strcmp(o->reason, r->reason) &&
						    strlen(o->text) <= 200 && ta_line_date(d->st, o->text, &od, &ol) &&
						    ta_days(od.y, od.m, od.d) > ta_days(dt.y, dt.m, dt.d))
							dt = od;
					}
					*out = dt;
					*tier_out = t;
					found = true;
				}
			}
	free(ord);
	free(tiers);
	return found;
}

/* The day in a page address: "/2014/05/18/", "/2020-02-14-", "/20191016/" (a year of this
 * or the last century and a valid month and day, between separators). */
static bool ta_url_date(const char *url, ta_date *out)
{
	size_t n = url ? strlen(url) : 0;
	for (size_t i = 1; i + 8 <= n; i++) {
		const char *t = url + i;
		char sep0 = url[i - 1];
		if (sep0 != '/' && sep0 != '-' && sep0 != '_')
			continue;
		int y, m, d;
		if (!ta_digits(t, 4, &y) || (y / 100 != 19 && y / 100 != 20))
			continue;
		const char *q = t + 4;
		if ((*q == '/' || *q == '-' || *q == '_') && ta_digits(q + 1, 2, &m) && q[3] == *q && ta_digits(q + 4, 2, &d) &&
		    (q[6] == '/' || q[6] == '-' || q[6] == '_' || q[6] == '.' || !q[6]))
			;
		else if (ta_digits(q, 2, &m) && ta_digits(q + 2, 2, &d) && (q[4] == '/' || q[4] == '-' || q[4] == '_'))
			;
		else
			continue;
		if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
	}
	/* "/29-10-2021", "/23-01-2022-dorothea-wierer": the day first */
	for (size_t i = 1; i + 10 <= n; i++) {
		const char *t = url + i;
		int y, m, d;
		if ((url[i - 1] == '/' || url[i - 1] == '-') && ta_digits(t, 2, &d) && t[2] == '-' && ta_digits(t + 3, 2, &m) && t[5] == '-' &&
		    ta_digits(t + 6, 4, &y) && (y / 100 == 19 || y / 100 == 20) && (t[10] == '/' || t[10] == '-' || t[10] == '.' || !t[10]) &&
		    m >= 1 && m <= 12 && d >= 1 && d <= 31) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
	}
	return false;
}

/* When the page gives no publication date at all: the last change a line with the article
 * shows ("Aktualisiert: 30.12.2016"), or any other line (a wiki's "last edited 2019-11-10"), then a date opening one of
 * the article's first paragraphs or in a short one ("29.11.2022 – Mehrfach und vehement...",
 * "Pressemitteilung vom 25. Januar 2022 | Berlin"), then the day in the page's address
 * ("/2014/05/18/"). */
static bool ta_last_resort_date(const ta_doc *d, ta_date *out)
{
	const galley_article *a = d->a;
	/* a line anywhere that labels the publication, as a footer's or a sidebar's ("Letzte
	 * Änderung: 31.10.2023 - 14:49:39 Erschienen am: 01.11.2023", "... wurde am 19. Mai 2010 um
	 * 23:03 Uhr gepostet"), not a menu's or a comment's; not when the page's address has a
	 * day, the article's own (below), and the line may be another post's in a sidebar */
	ta_date ud;
	bool url_day = ta_url_date(galley_article_get(a, GALLEY_FIELD_URL), &ud);
	for (size_t i = 0; i < galley_article_n_removed(a) && !url_day; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		static const char *const other[] = {"nav", "cookie", "form", "comments"};
		bool labelled;
		if (r->text && r->reason && strlen(r->text) <= 200 && !ta_reason_is(r, other, sizeof other / sizeof other[0]) &&
		    !(r->context && strstr(r->context, " in:comments")) && ta_line_date(d->st, r->text, out, &labelled) && labelled)
			return true;
	}
	/* pass 0: datelines, bylines and meta lines before or in the article; pass 1: any line, as
	 * a wiki's footer ("Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert") */
	for (size_t k = 0; k < 2 * galley_article_n_removed(a); k++) {
		size_t i = k % galley_article_n_removed(a);
		bool any = k >= galley_article_n_removed(a);
		const galley_removed *r = galley_article_removed(a, i);
		static const char *const lines[] = {"dateline", "byline", "meta"};
		bool strong = ta_reason_is(r, lines, sizeof lines / sizeof lines[0]);
		if (!r->text || !r->reason || strlen(r->text) > 200 || (!any && (ta_after_body(r) || !strong)) || (any && strong && !ta_after_body(r)) ||
		    !strcmp(r->reason, "nav"))
			continue;
		char *lo = ta_lower(r->text, strlen(r->text));
		bool upd = ta_find_any(lo, d->st->date_upd, d->st->n_date_upd) != NULL;
		free(lo);
		if (upd && ta_find_date(d->st, r->text, out))
			return true;
	}
	for (size_t i = 0; i < d->nbody && i < 3; i++) {
		const char *t = d->p[i].text;
		size_t l = d->p[i].len;
		if (!t || !l)
			continue;
		char head[64];
		size_t hl = l < sizeof head - 1 ? l : sizeof head - 1;
		memcpy(head, t, hl);
		head[hl] = 0;
		if (ta_find_date(d->st, l <= 120 ? t : head, out))
			return true;
	}
	if (url_day) {
		*out = ud;
		return true;
	}
	/* after the day in the page's address: a paragraph a little further down that opens with
	 * a date, a press release's dateline under its headings ("01.02.2022 „Der Arbeitsmarkt ist
	 * gut in das Jahr 2022 gestartet", "29.11.2022 – Mehrfach und vehement ..."): its first
	 * three words */
	for (size_t i = 3; i < d->nbody && i < 6; i++) {
		const char *t = d->p[i].text;
		if (!t || t[0] < '0' || t[0] > '9')
			continue;
		char head[64];
		size_t hl = 0;
		for (int words = 0; t[hl] && hl < sizeof head - 1; hl++) {
			if (t[hl] == ' ' && ++words == 3)
				break;
			head[hl] = t[hl];
		}
		head[hl] = 0;
		if (ta_find_date(d->st, head, out))
			return true;
	}
	/* any short line the stripper took from the page, not a menu's: in the article ("Tanja
	 * Karrasch 3.11.2023", "28.01.22 / 0 Kommentare"), then the nearest before it (a heading
	 * "23.01.2022 - Dorothea Wierer ..."), then the first after it (the first comment, "26. Mai
	 * 2008 um 21:07", or "last edited 2019-11-10") */
	size_t nr = galley_article_n_removed(a);
	for (int pass = 0; pass < 3; pass++)
		for (size_t k = 0; k < nr; k++) {
			size_t i = pass == 1 ? nr - 1 - k : k;
			const galley_removed *r = galley_article_removed(a, i);
			const char *ctx = r->context ? r->context : "";
			static const char *const where[] = {" in-body", " before-body", " after-body"};
			if (!r->text || strlen(r->text) > 100 || !strstr(ctx, where[pass]) || strstr(ctx, " in:nav") ||
			    (r->reason && (!strcmp(r->reason, "nav") || !strcmp(r->reason, "cookie") || !strcmp(r->reason, "form"))))
				continue;
			if (ta_find_date(d->st, r->text, out))
				return true;
		}
	return false;
}

/* Is a <time> a comment's: its day shown in a comment ("23.09.20 | 18:19 Rezeptsammlerin"),
 * and not in the article's header? */
static bool ta_comment_time(const ta_doc *d, const ta_date *dt)
{
	bool comment = false;
	for (size_t i = 0; i < galley_article_n_removed(d->a) && !comment; i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		ta_date sd;
		comment = r->text && strlen(r->text) <= 200 &&
		          ((r->reason && !strcmp(r->reason, "comments")) || (r->context && strstr(r->context, " in:comments"))) &&
		          ta_find_date(d->st, r->text, &sd) && sd.y == dt->y && sd.m == dt->m && sd.d == dt->d;
	}
	return comment && !ta_header_shows(d, dt->y, dt->m, dt->d);
}

void ta_date_decide(ta_doc *d)
{
	galley_article *a = d->a;
	const galley_candidate *best = NULL;
	int br = 100;
	ta_date bd = {0};
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		if (strcmp(c->field, "date"))
			continue;
		int r = ta_date_rank(c->origin);
		ta_date dt;
		if (r < 0 || r >= br || !ta_parse_iso(c->value, &dt) || (!strcmp(c->origin, "time") && ta_comment_time(d, &dt)))
			continue;
		best = c;
		br = r;
		bd = dt;
	}
	ta_date vis = {0};
	int vis_tier = 3;
	/* with metadata, only a date shown with the article counts; without, any, as a last resort
	 * the first of a list (a page of entries, newest first) */
	bool have_vis = ta_visible_date(d, &vis, &vis_tier, best ? 1 : 2);
	/* no metadata, or only weak metadata (a <time> anywhere on the page, a generic meta tag)
	 * that disagrees with the date shown with the article: the date shown */
	if (have_vis && (!best || (br >= 4 && vis_tier == 0 && (vis.y != bd.y || vis.m != bd.m || vis.d != bd.d)))) {
		char shown0[40];
		snprintf(shown0, sizeof shown0, "%04d-%02d-%02d", vis.y, vis.m, vis.d);
		galley_article_set(a, GALLEY_FIELD_DATE, shown0);
		return;
	}
	/* only weak metadata, and no dateline: a line above the text that opens with another day
	 * ("05.02.2020 - Redaktion: Eberhard Fuhr" under the headline, a generic meta tag's
	 * 2020-02-12) */
	if (best && br >= 4 && !have_vis && !ta_header_shows(d, bd.y, bd.m, bd.d))
		for (size_t i = 0; i < galley_article_n_removed(a); i++) {
			const galley_removed *r = galley_article_removed(a, i);
			ta_date sd;
			bool labelled;
			if (!ta_header_line(r) || !strstr(r->context ? r->context : "", " before-body") || r->text[0] < '0' || r->text[0] > '9' ||
			    !ta_line_date(d->st, r->text, &sd, &labelled))
				continue;
			/* one line, not an item of a list of dated events ("29.02.2020 18:00 Uhr Portugal vs
			 * Spanien", "04.04.2020 18:00 Uhr Tempranillo" in li.list-group-item) */
			bool listed = false;
			for (size_t j = 0; j < galley_article_n_removed(a) && !listed; j++) {
				const galley_removed *o = galley_article_removed(a, j);
				listed = j != i && o->text && o->context && !strcmp(o->context, r->context) && strcmp(o->text, r->text);
			}
			if (listed)
				continue;
			/* the date opens the line: its first number is the day, or the year of an ISO date */
			ta_date fd;
			if (!ta_find_date(d->st, r->text, &fd) || (fd.d != atoi(r->text) && fd.y != atoi(r->text)) || fd.y != sd.y || fd.m != sd.m ||
			    fd.d != sd.d)
				continue;
			char shown4[40];
			snprintf(shown4, sizeof shown4, "%04d-%02d-%02d", sd.y, sd.m, sd.d);
			galley_article_set(a, GALLEY_FIELD_DATE, shown4);
			return;
		}
	if (!best) {
		ta_date last;
		if (!have_vis && ta_last_resort_date(d, &last)) {
			char shown2[40];
			snprintf(shown2, sizeof shown2, "%04d-%02d-%02d", last.y, last.m, last.d);
			galley_article_set(a, GALLEY_FIELD_DATE, shown2);
		}
		return;
	}
	/* the metadata gives more than one publication day and the article's header shows another
	 * than the first (article:published_time 2022-01-15, <time datetime="2022-01-25">25.01.2022</time>
	 * under the headline): the day shown */
	if (!ta_header_shows(d, bd.y, bd.m, bd.d))
		for (size_t i = 0; i < galley_article_n_removed(a); i++) {
			const galley_removed *r = galley_article_removed(a, i);
			ta_date sd;
			bool labelled;
			/* a line that is little more than the date, not a sentence with one ("A post
			 * shared by ... on Jun 16, 2019 at 7:30am PDT": an embedded post) */
			if (!ta_header_line(r) || strlen(r->text) > 40 || !ta_line_date(d->st, r->text, &sd, &labelled))
				continue;
			bool strong = !strcmp(r->reason, "dateline") || !strcmp(r->reason, "byline") || !strcmp(r->reason, "meta");
			for (size_t k = 0; k < galley_article_n_candidates(a); k++) {
				const galley_candidate *c = galley_article_candidate(a, k);
				ta_date dt;
				/* a byline or dateline that shows the last change shows it as the article's
				 * date, as in point 3 below ("04 de mayo 2022, 12:00 A. M." in a header the
				 * page repeats, modified 2022-05-04, published 2022-05-03) */
				bool modified = strong && !strcmp(c->field, "date_modified");
				if ((strcmp(c->field, "date") && !modified) || c == best || ta_date_rank(c->origin) < 0 || !ta_parse_iso(c->value, &dt) ||
				    dt.y != sd.y || dt.m != sd.m || dt.d != sd.d)
					continue;
				/* a <time> may be a teaser's, as a line in the text may: only a line above the
				 * text confirms it ("22 July 2019" under a teaser in the text does not) */
				if (!strcmp(c->origin, "time") && !strstr(r->context ? r->context : "", " before-body"))
					continue;
				/* not a day the same metadata gives as the last change: the header shows the
				 * update ("Le 19 février 2020", microdata's dateModified 2020-02-19) */
				bool change = false;
				for (size_t j = 0; j < galley_article_n_candidates(a) && !change; j++) {
					const galley_candidate *o = galley_article_candidate(a, j);
					ta_date od;
					change = !strcmp(o->field, "date_modified") && !strcmp(o->origin, c->origin) && ta_parse_iso(o->value, &od) &&
					         od.y == dt.y && od.m == dt.m && od.d == dt.d;
				}
				if (change && !modified)
					continue;
				char shown3[40];
				snprintf(shown3, sizeof shown3, "%04d-%02d-%02d", sd.y, sd.m, sd.d);
				galley_article_set(a, GALLEY_FIELD_DATE, shown3);
				return;
			}
		}
	/* the date shown with the article is another day that the page's metadata also gives, as
	 * another publication date of its article metadata (not a <time> of a teaser) or as its
	 * last change: the page shows that change as the
	 * article's date ("Christoph Hein · 12.01.2022" under the headline, modified 2022-01-12,
	 * published 2021-11-29) */
	if (have_vis && vis_tier == 0 && (vis.y != bd.y || vis.m != bd.m || vis.d != bd.d)) {
		for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			ta_date dt;
			if ((strcmp(c->field, "date") && strcmp(c->field, "date_modified")) || c == best || ta_date_rank(c->origin) < 0 ||
			    (!strcmp(c->field, "date") && ta_date_rank(c->origin) >= 4) ||
			    !ta_parse_iso(c->value, &dt) || dt.y != vis.y || dt.m != vis.m || dt.d != vis.d)
				continue;
			char shown1[40];
			snprintf(shown1, sizeof shown1, "%04d-%02d-%02d", vis.y, vis.m, vis.d);
			galley_article_set(a, GALLEY_FIELD_DATE, shown1);
			return;
		}
	}
	const char *value = best->value;
	char shown[40] = "";
	if (bd.has_time && bd.has_off && bd.off == 0) {
		/* a UTC timestamp: the same instant in the page's own offset, or the day the page
		 * shows, may be another day */
		long inst = (ta_days(bd.y, bd.m, bd.d) * 24 + bd.hh) * 60 + bd.mi;
		bool done = false;
		for (size_t i = 0; i < galley_article_n_candidates(a) && !done; i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			ta_date dt;
			if (strcmp(c->field, "date") || !ta_parse_iso(c->value, &dt) || !dt.has_time || !dt.has_off || dt.off == 0)
				continue;
			long ci = (ta_days(dt.y, dt.m, dt.d) * 24 + dt.hh) * 60 + dt.mi - dt.off;
			if (ci == inst) {
				value = c->value;
				done = true;
			}
		}
		/* the date shown with the article (not the site header's "today") */
		/* a short line before or in the article that shows the same instant in the page's own
		 * time, another day ("3 de mayo de 2022 21:25" for 2022-05-04T00:25Z: UTC-3) */
		for (size_t i = 0; i < galley_article_n_removed(a) && !done; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			ta_date sd;
			int th, tm;
			/* minutes that tell one instant from another (not a teaser's "20:00 Uhr") */
			if (bd.mi == 0 || !r->text || strlen(r->text) > 80 || ta_after_body(r) || (r->context && strstr(r->context, " in:")) || !ta_find_date(d->st, r->text, &sd) || !ta_find_clock(r->text, &th, &tm))
				continue;
			long local = (ta_days(sd.y, sd.m, sd.d) * 24 + th) * 60 + tm;
			long off = local - inst;
			if (off != 0 && off % 15 == 0 && off >= -12 * 60 && off <= 14 * 60 && (sd.y != bd.y || sd.m != bd.m || sd.d != bd.d)) {
				snprintf(shown, sizeof shown, "%04d-%02d-%02d", sd.y, sd.m, sd.d);
				value = shown;
				done = true;
			}
		}
		/* the day in the page's address, when a time zone can make it of that instant
		 * ("/2019/01/01/ins-neue-jahr" for 2018-12-31T23:11:59Z) */
		ta_date ud;
		if (!done && !have_vis && ta_url_date(galley_article_get(a, GALLEY_FIELD_URL), &ud)) {
			long diff = ta_days(ud.y, ud.m, ud.d) - ta_days(bd.y, bd.m, bd.d);
			if ((diff == 1 && bd.hh >= 10) || (diff == -1 && bd.hh < 12)) {
				snprintf(shown, sizeof shown, "%04d-%02d-%02d", ud.y, ud.m, ud.d);
				value = shown;
				done = true;
			}
		}
		/* not when the article's header shows the day of the timestamp too: the other day is
		 * the site header's "today" ("Miércoles 4 de Mayo de 2022" over the page, "3 de Mayo de
		 * 2022" under the headline, 2022-05-03T20:51:06Z) */
		if (!done && have_vis && ta_header_shows(d, bd.y, bd.m, bd.d))
			done = true;
		if (!done && have_vis) {
			long diff = ta_days(vis.y, vis.m, vis.d) - ta_days(bd.y, bd.m, bd.d);
			/* only a day that some time zone can make of that instant (UTC-12 to UTC+14) */
			if ((diff == 1 && bd.hh >= 10) || (diff == -1 && bd.hh < 12)) {
				snprintf(shown, sizeof shown, "%04d-%02d-%02d", vis.y, vis.m, vis.d);
				value = shown;
			}
			done = true;
		}
		for (size_t i = 0; i < galley_article_n_candidates(a) && !done; i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			ta_date dt;
			if (strcmp(c->field, "date") || !ta_parse_iso(c->value, &dt) || dt.has_time)
				continue;
			long diff = ta_days(dt.y, dt.m, dt.d) - ta_days(bd.y, bd.m, bd.d);
			if (diff == 1 || diff == -1) {
				value = c->value;
				done = true;
			}
		}
		/* 22:00 or 23:00 sharp in UTC: a day's midnight east of Greenwich written in UTC (a
		 * date-only publication date that the CMS converted): the next day */
		if (!done && (bd.hh == 22 || bd.hh == 23) && bd.mi == 0 && ta_zero_seconds(best->value)) {
			long days = ta_days(bd.y, bd.m, bd.d) + 1;
			ta_civil(days, &bd.y, &bd.m, &bd.d);
			snprintf(shown, sizeof shown, "%04d-%02d-%02d", bd.y, bd.m, bd.d);
			value = shown;
		}
	}
	/* an HTTP-style date is written as ISO 8601 */
	ta_date iso;
	if (value == best->value && !ta_parse_iso8601(value, &iso)) {
		snprintf(shown, sizeof shown, "%04d-%02d-%02dT%02d:%02d:00Z", bd.y, bd.m, bd.d, bd.hh, bd.mi);
		value = shown;
	}
	galley_article_set(a, GALLEY_FIELD_DATE, value);
}
