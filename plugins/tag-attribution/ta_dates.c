/* tag-attribution: deciding the publication date: metadata, the visible date near the headline,
 * the page address's day, and the last resorts. */
#include "ta_private.h"

/* The longest line that is "little more than a date" ("25.01.2022", "Tuesday, 25 January 2022"). */
enum { TA_DATE_LINE_MAX = 40 };
/* The UTC offsets time zones use, in minutes: UTC-12 to UTC+14. */
enum { TA_OFFSET_MIN = -12 * 60, TA_OFFSET_MAX = 14 * 60 };
/* The first ta_date_rank of weak metadata: Dublin Core, generic meta tags, <time>. */
enum { TA_DATE_RANK_WEAK = 4 };

/* Is a removed block from after the article's body? */
static bool ta_after_body(const galley_removed *r)
{
	return r->context && (r->place == GALLEY_PLACE_AFTER_BODY);
}

/* A short line of the article's header or text, as the page shows it with the article: any
 * kind of block the stripper took before or in the kept text ("25.01.2022" in a list of facts
 * under the headline, "24.01.2022 - 13:30" beside it), not a menu's, the site header's (its
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
		/* any date of the line: "14. Oktober 2021 15. Oktober 2021" shows both */
		for (const char *t = r->text; *t; t++)
			if ((t == r->text || t[-1] == ' ') && ta_find_date(d->st, t, &sd) && sd.y == y && sd.m == m && sd.d == dd)
				return true;
	}
	return false;
}

/* The length of a clock's colon at p: ':' or the full-width '：' of East Asian text; 0 for none. */
static size_t ta_clock_colon(const char *p)
{
	return *p == ':' ? 1 : !strncmp(p, "\xef\xbc\x9a", 3) ? 3 : 0;
}

/* The length of a dash between two times at p: '-', '–', the full-width '－' or a wave dash
 * ('～', '〜', as East Asian text writes "13：00－16：40", "10:00～12:00"); 0 for none. */
static size_t ta_span_dash(const char *p)
{
	static const char *const dashes[] = {"\xe2\x80\x93", "\xef\xbc\x8d", "\xef\xbd\x9e", "\xe3\x80\x9c"};
	if (*p == '-' || *p == '~')
		return 1;
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
		if (!strncmp(p, dashes[i], 3))
			return 3;
	return 0;
}

/* Does text show a span of hours ("9.5.22, 14:00-15:30 Uhr", "18:00 – 20:00", "13：00－16：40"):
 * an event's time, not when something was published? */
static bool ta_time_span(const char *text)
{
	for (const char *p = text; *p; p++) {
		size_t colon = ta_clock_colon(p);
		if (!colon || p == text || p[-1] < '0' || p[-1] > '9' || !ta_digits(p + colon, 2, &(int){0}))
			continue;
		const char *q = p + colon + 2;
		while (*q == ' ')
			q++;
		size_t dash = ta_span_dash(q);
		if (!dash)
			continue;
		q += dash;
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
	static const char *const reasons[] = {"dateline", "byline", "meta", "outside-main", "header", "short", "dek"};
	size_t *ord = NULL;
	int *tiers = NULL;
	const galley_article *a = d->a;
	size_t n = ta_removed_order(a, reasons, sizeof reasons / sizeof reasons[0], &ord, &tiers);
	bool found = false;
	/* phases: 0 datelines, bylines and meta lines in or before the article, 1 short unclassified
	 * lines of the article's header or a short standfirst (not a list's item: a ticker's "Beispiel.de-Quizabend +++ KW 6
	 * +++ 11.02.2022 – 12.02.2022"), 2 datelines, bylines and meta lines of lists, 3 those
	 * after the article's body (a teaser's or a comment's: "21 сентября 2021 Лига Б.
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
				if (phase == 1 && (strong || !r->context || !(r->place == GALLEY_PLACE_BEFORE_BODY) || strlen(r->text) > 80 ||
				                   !strncmp(r->context, "li", 2)))
					continue;
				if (phase >= 2 && !strong)
					continue;
				if (strlen(r->text) > 200 || ta_time_span(r->text))
					continue;
				bool labelled;
				ta_date dt;
				if (ta_line_date(d->st, r->text, &dt, &labelled) && (labelled || !want_label)) {
					/* a list's entries: the latest, whatever their order ("Mar 03 2011", "Mar 05
					 * 2011", "Mar 04 2011" over a blog's posts) */
					for (size_t j = i + 1; j < n && phase == 2; j++) {
						const galley_removed *o = galley_article_removed(a, ord[j]);
						ta_date od;
						bool ol;
						if (tiers[j] == 2 && o->context && r->context && !strcmp(o->context, r->context) && !strcmp(o->reason, r->reason) &&
						    strlen(o->text) <= 200 && ta_line_date(d->st, o->text, &od, &ol) &&
						    galley_days_from_civil(od.y, od.m, od.d) > galley_days_from_civil(dt.y, dt.m, dt.d))
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

/* The day in a page address: "/2015/06/17/", "/2020-02-14-", "/20191016/" (a year of this
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
		if (galley_date_is_valid_day(y, m, d)) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
	}
	/* "/29-10-2021", "/23-01-2022-a-story-title": the day first */
	for (size_t i = 1; i + 10 <= n; i++) {
		const char *t = url + i;
		int y, m, d;
		if ((url[i - 1] == '/' || url[i - 1] == '-') && ta_digits(t, 2, &d) && t[2] == '-' && ta_digits(t + 3, 2, &m) && t[5] == '-' &&
		    ta_digits(t + 6, 4, &y) && (y / 100 == 19 || y / 100 == 20) && (t[10] == '/' || t[10] == '-' || t[10] == '.' || !t[10]) &&
		    galley_date_is_valid_day(y, m, d)) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
	}
	return false;
}

/* When the page gives no publication date at all: the last change a line with the article
 * shows ("Aktualisiert: 28.11.2017"), or any other line (a wiki's "last edited 2019-11-12"), then a date opening one of
 * the article's first paragraphs or in a short one ("29.11.2022 – Erneut und deutlich...",
 * "Pressemitteilung vom 14. Juni 2021 | Kassel"), then the day in the page's address
 * ("/2015/06/17/"). */
static bool ta_last_resort_date(const ta_doc *d, ta_date *out)
{
	const galley_article *a = d->a;
	/* a line anywhere that labels the publication, as a footer's or a sidebar's ("Letzte
	 * Änderung: 12.04.2022 - 09:16:44 Erschienen am: 13.04.2022", "... wurde am 7. Juni 2011 um
	 * 22:18 Uhr gepostet"), not a menu's or a comment's; not when the page's address has a
	 * day, the article's own (below), and the line may be another post's in a sidebar */
	ta_date ud;
	bool url_day = ta_url_date(galley_article_get(a, GALLEY_FIELD_URL), &ud);
	for (size_t i = 0; i < galley_article_n_removed(a) && !url_day; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		static const char *const other[] = {"nav", "cookie", "form", "comments"};
		bool labelled;
		if (r->text && r->reason && strlen(r->text) <= 200 && !ta_reason_is(r, other, sizeof other / sizeof other[0]) &&
		    !(r->context && (r->within && !strncmp(r->within, "comments", 8))) && ta_line_date(d->st, r->text, out, &labelled) && labelled)
			return true;
	}
	/* pass 0: datelines, bylines and meta lines before or in the article; pass 1: any line, as
	 * a wiki's footer ("Diese Seite wurde zuletzt am 3. März 2020 um 14:07 Uhr geändert") */
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
	 * a date, a press release's dateline under its headings ("14.03.2022 „Die Nachfrage ist
	 * kräftig ins Frühjahr gegangen", "29.11.2022 – Erneut und deutlich ..."): its first
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
	 * Ostendorf 3.11.2023", "09.06.21 / 0 Kommentare"), then the nearest before it (a heading
	 * "23.01.2022 - Dorothea Lindgren ..."), then the first after it (the first comment, "26. Mai
	 * 2008 um 20:44", or "last edited 2019-11-12"); never an event's date with its hours */
	size_t nr = galley_article_n_removed(a);
	for (int pass = 0; pass < 3; pass++)
		for (size_t k = 0; k < nr; k++) {
			size_t i = pass == 1 ? nr - 1 - k : k;
			const galley_removed *r = galley_article_removed(a, i);
			static const galley_removed_place where[] = {GALLEY_PLACE_IN_BODY, GALLEY_PLACE_BEFORE_BODY, GALLEY_PLACE_AFTER_BODY};
			if (!r->text || strlen(r->text) > 100 || r->place != where[pass] || (r->within && !strncmp(r->within, "nav", 3)) || ta_time_span(r->text) ||
			    (r->reason && (!strcmp(r->reason, "nav") || !strcmp(r->reason, "cookie") || !strcmp(r->reason, "form"))))
				continue;
			if (ta_find_date(d->st, r->text, out))
				return true;
		}
	return false;
}

/* Is a <time> a comment's: its day shown in a comment ("14.05.21 | 18:19 Tortenfreundin"),
 * and not in the article's header? */
static bool ta_comment_time(const ta_doc *d, const ta_date *dt)
{
	bool comment = false;
	for (size_t i = 0; i < galley_article_n_removed(d->a) && !comment; i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		ta_date sd;
		comment = r->text && strlen(r->text) <= 200 &&
		          ((r->reason && !strcmp(r->reason, "comments")) || (r->context && (r->within && !strncmp(r->within, "comments", 8)))) &&
		          ta_find_date(d->st, r->text, &sd) && sd.y == dt->y && sd.m == dt->m && sd.d == dt->d;
	}
	return comment && !ta_header_shows(d, dt->y, dt->m, dt->d);
}

/* What the date rules read and what they decide. */
typedef struct ta_date_evidence {
	ta_doc *d;
	const galley_candidate *best; /* the most trusted metadata date, or NULL */
	int best_rank;                /* its ta_date_rank */
	ta_date bd;                   /* best, parsed */
	ta_date vis;                  /* the date shown with the article (ta_visible_date) */
	int vis_tier;
	bool have_vis;
	const char *value;            /* the decision: best->value, shown or another candidate's value */
	char shown[40];
	const char *rule;             /* (static) the rule that decided */
} ta_date_evidence;

/* Decide the day y-m-d by rule. */
static bool ta_date_day(ta_date_evidence *ev, const char *rule, int y, int m, int dd)
{
	snprintf(ev->shown, sizeof ev->shown, "%04d-%02d-%02d", y, m, dd);
	ev->value = ev->shown;
	ev->rule = rule;
	return true;
}

static bool ta_same_day(const ta_date *x, const ta_date *y)
{
	return x->y == y->y && x->m == y->m && x->d == y->d;
}

/* The most trusted metadata date, not a comment's <time>. */
static void ta_date_metadata(ta_date_evidence *ev)
{
	galley_article *a = ev->d->a;
	ev->best_rank = 100;
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		if (strcmp(c->field, "date"))
			continue;
		int r = ta_date_rank(c->origin);
		ta_date dt;
		if (r < 0 || r >= ev->best_rank || !ta_parse_iso(c->value, &dt) || (!strcmp(c->origin, "time") && ta_comment_time(ev->d, &dt)))
			continue;
		ev->best = c;
		ev->best_rank = r;
		ev->bd = dt;
	}
}

/* Is the day sd, which a header line r shows, a day the metadata gives as the publication
 * date (other than best's), or as the last change when a byline or dateline shows it? */
static bool ta_date_metadata_gives(const ta_date_evidence *ev, const galley_removed *r, const ta_date *sd)
{
	galley_article *a = ev->d->a;
	bool strong = !strcmp(r->reason, "dateline") || !strcmp(r->reason, "byline") || !strcmp(r->reason, "meta");
	for (size_t k = 0; k < galley_article_n_candidates(a); k++) {
		const galley_candidate *c = galley_article_candidate(a, k);
		ta_date dt;
		/* a byline or dateline that shows the last change shows it as the article's date
		 * ("17 de marzo 2020, 12:00 A. M." in a header the page repeats, modified 2020-03-17,
		 * published 2020-03-16) */
		bool modified = strong && !strcmp(c->field, "date_modified");
		if ((strcmp(c->field, "date") && !modified) || c == ev->best || ta_date_rank(c->origin) < 0 || !ta_parse_iso(c->value, &dt) ||
		    !ta_same_day(&dt, sd))
			continue;
		/* a <time> may be a teaser's, as a line in the text may: only a line above the text
		 * confirms it ("24 June 2019" under a teaser in the text does not) */
		if (!strcmp(c->origin, "time") && !(r->place == GALLEY_PLACE_BEFORE_BODY))
			continue;
		/* not a day the same metadata gives as the last change: the header shows the update
		 * ("Le 23 novembre 2018", microdata's dateModified 2018-11-23) */
		bool change = false;
		for (size_t j = 0; j < galley_article_n_candidates(a) && !change; j++) {
			const galley_candidate *o = galley_article_candidate(a, j);
			ta_date od;
			change = !strcmp(o->field, "date_modified") && !strcmp(o->origin, c->origin) && ta_parse_iso(o->value, &od) &&
			         ta_same_day(&od, &dt);
		}
		if (change && !modified)
			continue;
		return true;
	}
	return false;
}

/* The metadata gives more than one publication day and the article's header shows another
 * than the first (article:published_time 2022-01-15, <time datetime="2022-01-25"> under the
 * headline): the day shown. */
static bool ta_date_header_shows_other(ta_date_evidence *ev)
{
	ta_doc *d = ev->d;
	galley_article *a = d->a;
	if (ta_header_shows(d, ev->bd.y, ev->bd.m, ev->bd.d))
		return false;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		ta_date sd;
		bool labelled;
		/* a line that is little more than the date, not a sentence with one ("A post shared by
		 * ... on Mar 9, 2018 at 4:15pm PST": an embedded post) */
		if (!ta_header_line(r) || strlen(r->text) > TA_DATE_LINE_MAX || !ta_line_date(d->st, r->text, &sd, &labelled))
			continue;
		if (ta_date_metadata_gives(ev, r, &sd))
			return ta_date_day(ev, "header-shows-other-metadata-day", sd.y, sd.m, sd.d);
	}
	/* the same for the text's opening line when it is little more than a date: the header's
	 * date line that the stripper kept with the text ("09.03.2022" above the first paragraph) */
	if (d->nbody > 1 && d->p[0].text && d->p[0].len <= TA_DATE_LINE_MAX) {
		galley_removed opening = {.reason = "header", .text = d->p[0].text, .place = GALLEY_PLACE_BEFORE_BODY};
		ta_date sd;
		bool labelled;
		if (ta_line_date(d->st, opening.text, &sd, &labelled) && ta_date_metadata_gives(ev, &opening, &sd))
			return ta_date_day(ev, "header-shows-other-metadata-day", sd.y, sd.m, sd.d);
	}
	return false;
}

/* The offset (minutes east of UTC) that makes the instant inst (minutes since the epoch) the
 * local clock y-m-d hh:mi; false when no time zone can (a multiple of 15 minutes from UTC-12
 * to UTC+14). */
static bool ta_offset_for(long inst, int y, int m, int d, int hh, int mi, int *off)
{
	long o = (galley_days_from_civil(y, m, d) * 24 + hh) * 60 + mi - inst;
	if (o % 15 || o < TA_OFFSET_MIN || o > TA_OFFSET_MAX)
		return false;
	*off = (int)o;
	return true;
}

/* A candidate's instant in minutes since the epoch. */
static long ta_instant(const ta_date *dt)
{
	return (galley_days_from_civil(dt->y, dt->m, dt->d) * 24 + dt->hh) * 60 + dt->mi - dt->off;
}

/* Decide candidate c's instant written with the page's offset off, by rule: a timestamp keeps
 * its instant and takes the page's own time zone. */
static bool ta_date_instant(ta_date_evidence *ev, const char *rule, const galley_candidate *c, int off)
{
	galley_date g;
	if (!galley_date_parse(c->value, &g))
		return false;
	galley_date_format_local(galley_date_epoch(&g), off, ev->shown, sizeof ev->shown);
	ev->value = ev->shown;
	ev->rule = rule;
	return true;
}

/* The article's header shows a date with its clock time that is, in some time zone, the
 * instant of another metadata publication date than the most trusted one ("6. November 2023,
 * 15:25 Uhr" in the byline, article:published_time 2023-11-06T14:25:00Z, JSON-LD 2023-11-03):
 * that date, with the offset the page shows. */
static bool ta_date_header_shows_instant(ta_date_evidence *ev)
{
	galley_article *a = ev->d->a;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		ta_date sd;
		bool labelled;
		int th, tm;
		static const char *const strong[] = {"dateline", "byline", "meta"};
		if (!ta_header_line(r) || !ta_reason_is(r, strong, sizeof strong / sizeof strong[0]) ||
		    !ta_line_date(ev->d->st, r->text, &sd, &labelled) || !ta_find_clock12(r->text, &th, &tm))
			continue;
		for (size_t k = 0; k < galley_article_n_candidates(a); k++) {
			const galley_candidate *c = galley_article_candidate(a, k);
			ta_date dt;
			int off;
			/* the article's own metadata (not a <time> or a generic meta tag, a teaser's) */
			if (strcmp(c->field, "date") || c == ev->best || ta_date_rank(c->origin) < 0 || ta_date_rank(c->origin) >= TA_DATE_RANK_WEAK ||
			    !ta_parse_iso(c->value, &dt) || !dt.has_time ||
			    !dt.has_off || ta_same_day(&dt, &ev->bd) || !ta_offset_for(ta_instant(&dt), sd.y, sd.m, sd.d, th, tm, &off))
				continue;
			return ta_date_instant(ev, "header-shows-metadata-instant", c, off);
		}
	}
	return false;
}

/* A day decided for a UTC timestamp (the day shown, another candidate's): the timestamp's
 * instant with the page's offset when the page gives its local clock on that day, in a
 * candidate without an offset ("2017-03-14 19:08:44" for 2017-03-15T00:08:44Z) or in a line of
 * the article's header ("March 14, 2017 | 7:08pm"); the day stays the one decided. */
static void ta_date_day_keeps_instant(ta_date_evidence *ev)
{
	galley_article *a = ev->d->a;
	ta_date day;
	if (!ev->best || !ev->bd.has_time || !ev->bd.has_off || ev->bd.off != 0 || ev->value != ev->shown || strlen(ev->shown) != 10 ||
	    !ta_parse_iso8601(ev->shown, &day))
		return;
	long inst = ta_instant(&ev->bd);
	int off;
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		ta_date dt;
		if (strncmp(c->field, "date", 4) || ta_date_rank(c->origin) < 0 || !ta_parse_iso(c->value, &dt) || !dt.has_time || dt.has_off ||
		    !ta_same_day(&dt, &day) || !ta_offset_for(inst, dt.y, dt.m, dt.d, dt.hh, dt.mi, &off) || off == 0)
			continue;
		ta_date_instant(ev, ev->rule, ev->best, off);
		return;
	}
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		ta_date sd;
		bool labelled;
		int th, tm;
		/* minutes that tell one instant from another (not a teaser's "20:00 Uhr") */
		if (ev->bd.mi == 0 || !ta_header_line(r) || !ta_line_date(ev->d->st, r->text, &sd, &labelled) || !ta_same_day(&sd, &day) ||
		    !ta_find_clock12(r->text, &th, &tm) || !ta_offset_for(inst, sd.y, sd.m, sd.d, th, tm, &off) || off == 0)
			continue;
		ta_date_instant(ev, ev->rule, ev->best, off);
		return;
	}
}

/* A UTC timestamp as best: the same instant with the page's own offset, from another
 * candidate or from a short line that shows the instant's local clock time. */
static bool ta_date_utc_local(ta_date_evidence *ev, long inst)
{
	galley_article *a = ev->d->a;
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		ta_date dt;
		if (strcmp(c->field, "date") || !ta_parse_iso(c->value, &dt) || !dt.has_time || !dt.has_off || dt.off == 0)
			continue;
		long ci = (galley_days_from_civil(dt.y, dt.m, dt.d) * 24 + dt.hh) * 60 + dt.mi - dt.off;
		if (ci == inst) {
			ev->value = c->value;
			ev->rule = "metadata-local-offset";
			return true;
		}
	}
	/* a short line before or in the article that shows the same instant in the page's own
	 * time, another day ("11 de agosto de 2021 22:40" for 2021-08-12T01:40Z: UTC-3) */
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		ta_date sd;
		int th, tm;
		/* minutes that tell one instant from another (not a teaser's "20:00 Uhr") */
		if (ev->bd.mi == 0 || !r->text || strlen(r->text) > 80 || ta_after_body(r) || (r->context && (r->within != NULL)) ||
		    !ta_find_date(ev->d->st, r->text, &sd) || !ta_find_clock(r->text, &th, &tm))
			continue;
		long local = (galley_days_from_civil(sd.y, sd.m, sd.d) * 24 + th) * 60 + tm;
		long off = local - inst;
		if (off != 0 && off % 15 == 0 && off >= TA_OFFSET_MIN && off <= TA_OFFSET_MAX && !ta_same_day(&sd, &ev->bd))
			return ta_date_instant(ev, "shown-local-clock", ev->best, (int)off);
	}
	return false;
}

/* One rule, day-of-instant, moves a UTC timestamp to the day before or after, the day a time
 * zone makes of that instant (UTC-12 to UTC+14), where the page or its metadata gives that day:
 * the date shown with the article, a line above the text that is only a date, a date-only value
 * of the metadata, or the timestamp itself written as a local midnight east of Greenwich. */
#define TA_RULE_DAY_OF_INSTANT "day-of-instant"

/* A UTC timestamp as best: the day of the page's own time zone where the page tells it. */
static void ta_date_utc(ta_date_evidence *ev)
{
	ta_doc *d = ev->d;
	galley_article *a = d->a;
	ta_date *bd = &ev->bd;
	long inst = (galley_days_from_civil(bd->y, bd->m, bd->d) * 24 + bd->hh) * 60 + bd->mi;
	if (ta_date_utc_local(ev, inst))
		return;
	/* (not the day in the page's address: a timestamp keeps its instant, and the address's day
	 * may be any time zone's) */
	/* not when the article's header shows the day of the timestamp too: the other day is the
	 * site header's "today" ("Jueves 9 de Marzo de 2023" over the page, "8 de Marzo de 2023"
	 * under the headline, 2023-03-08T20:51:06Z) */
	if (ev->have_vis && ta_header_shows(d, bd->y, bd->m, bd->d))
		return;
	if (ev->have_vis) {
		long diff = galley_days_from_civil(ev->vis.y, ev->vis.m, ev->vis.d) - galley_days_from_civil(bd->y, bd->m, bd->d);
		/* only a day that some time zone can make of that instant (UTC-12 to UTC+14) */
		if ((diff == 1 && bd->hh >= 10) || (diff == -1 && bd->hh < 12))
			ta_date_day(ev, TA_RULE_DAY_OF_INSTANT, ev->vis.y, ev->vis.m, ev->vis.d);
		return;
	}
	/* no dateline or byline: a line above the text that is little more than a date (a post's
	 * "2019-01-01" heading) and shows the day before or after, as a time zone makes it */
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		ta_date sd;
		bool labelled;
		int th, tm;
		/* (a line with a clock of its own is a timestamp: the clock rules above read it) */
		if (!ta_header_line(r) || r->place != GALLEY_PLACE_BEFORE_BODY || strlen(r->text) > TA_DATE_LINE_MAX ||
		    !ta_line_date(d->st, r->text, &sd, &labelled) || ta_find_clock(r->text, &th, &tm))
			continue;
		long diff = galley_days_from_civil(sd.y, sd.m, sd.d) - galley_days_from_civil(bd->y, bd->m, bd->d);
		if ((diff == 1 && bd->hh >= 10) || (diff == -1 && bd->hh < 12)) {
			ta_date_day(ev, TA_RULE_DAY_OF_INSTANT, sd.y, sd.m, sd.d);
			return;
		}
		if (diff == 0)
			break;
	}
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		ta_date dt;
		if (strcmp(c->field, "date") || !ta_parse_iso(c->value, &dt) || dt.has_time)
			continue;
		long diff = galley_days_from_civil(dt.y, dt.m, dt.d) - galley_days_from_civil(bd->y, bd->m, bd->d);
		if (diff == 1 || diff == -1) {
			ev->value = c->value;
			ev->rule = TA_RULE_DAY_OF_INSTANT;
			return;
		}
	}
	/* 22:00 or 23:00 sharp in UTC: a day's midnight east of Greenwich written in UTC (a
	 * date-only publication date that the CMS converted): the next day */
	if ((bd->hh == 22 || bd->hh == 23) && bd->mi == 0 && ta_zero_seconds(ev->best->value)) {
		int y, m, dd;
		galley_civil_from_days(galley_days_from_civil(bd->y, bd->m, bd->d) + 1, &y, &m, &dd);
		ta_date_day(ev, TA_RULE_DAY_OF_INSTANT, y, m, dd);
	}
}

/* Sets the article's date and records the rule that decided it. */
void ta_date_decide(ta_doc *d)
{
	galley_article *a = d->a;
	ta_date_evidence ev = {.d = d, .vis_tier = 3};
	ta_date_metadata(&ev);
	/* with metadata, only a date shown with the article counts; without, any, as a last resort
	 * the first of a list (a page of entries, newest first) */
	ev.have_vis = ta_visible_date(d, &ev.vis, &ev.vis_tier, ev.best ? 1 : 2);
	/* no metadata, or only weak metadata (a <time> anywhere on the page, a generic meta tag)
	 * that disagrees with the date shown with the article: the date shown; not when the
	 * header shows the metadata's day too (the other is the site header's "today") */
	if (ev.have_vis && !ev.best)
		ta_date_day(&ev, "shown-date", ev.vis.y, ev.vis.m, ev.vis.d);
	else if (ev.have_vis && ev.best_rank >= 4 && ev.vis_tier == 0 && !ta_same_day(&ev.vis, &ev.bd) && !ta_header_shows(d, ev.bd.y, ev.bd.m, ev.bd.d))
		ta_date_day(&ev, "shown-date-over-weak-metadata", ev.vis.y, ev.vis.m, ev.vis.d);
	else if (!ev.best) {
		ta_date last;
		if (!ev.have_vis && ta_last_resort_date(d, &last))
			ta_date_day(&ev, "last-resort-date", last.y, last.m, last.d);
	} else if (!ta_date_header_shows_instant(&ev) && !ta_date_header_shows_other(&ev)) {
		ev.value = ev.best->value;
		ev.rule = "metadata-date";
		if (ev.bd.has_time && ev.bd.has_off && ev.bd.off == 0)
			ta_date_utc(&ev);
		/* an HTTP-style date is written as ISO 8601 */
		ta_date iso;
		if (ev.value == ev.best->value && !ta_parse_iso8601(ev.value, &iso)) {
			snprintf(ev.shown, sizeof ev.shown, "%04d-%02d-%02dT%02d:%02d:00Z", ev.bd.y, ev.bd.m, ev.bd.d, ev.bd.hh, ev.bd.mi);
			ev.value = ev.shown;
		}
	}
	ta_date_day_keeps_instant(&ev);
	galley_article_clear_decision(a, "date");
	if (!ev.value)
		return;
	galley_article_set(a, GALLEY_FIELD_DATE, ev.value);
	/* metadata's date by its origin ("json-ld-date"); a rule that moved it says from what */
	char meta_rule[64] = "";
	if (ev.best)
		snprintf(meta_rule, sizeof meta_rule, "%s-date", ev.best->origin ? ev.best->origin : "metadata");
	bool plain = ev.best && !strcmp(ev.rule, "metadata-date");
	galley_decision dc = {.field = "date", .rule = plain ? meta_rule : ev.rule, .detail = !plain && ev.best ? meta_rule : NULL};
	galley_article_add_decision(a, &dc);
}
