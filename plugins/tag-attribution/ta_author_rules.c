/* tag-attribution: the evidence the author rules read: names extended from the page, the removed
 * blocks in reading order, name lines, accounts, initials and credit lines. */
#include "ta_private.h"

/* "Tom" followed by one or two capitalised words somewhere in the page ("Tom Baker"). */
static char *ta_extend_in(const ta_state *st, const char *text, const char *first)
{
	size_t fl = strlen(first);
	for (const char *p = text; (p = strcasestr(p, first)) != NULL; p += fl) {
		if (p > text && (ta_is_letter((unsigned char)p[-1]) || ((unsigned char)p[-1] & 0x80)))
			continue;
		if (p[fl] != ' ')
			continue;
		const char *q = p + fl + 1;
		const char *end = q;
		int words = 0;
		while (words < 2) {
			const char *r = end;
			if (words && *r == ' ')
				r++;
			else if (words)
				break;
			const char *wend = r;
			while (*wend && *wend != ' ' && *wend != ',' && *wend != '.' && *wend != ':' && *wend != ';' && *wend != ')' && *wend != '|')
				wend++;
			if (wend == r || !ta_has_upper_start(r, (size_t)(wend - r)) || ta_has_digit(r, (size_t)(wend - r)) ||
			    ta_word_in(&st->notnames, r, (size_t)(wend - r)) || ta_word_in(&st->orgwords, r, (size_t)(wend - r)) ||
			    ta_word_in(&st->roles, r, (size_t)(wend - r)) || ta_word_in(&st->datewords, r, (size_t)(wend - r)) ||
			    ta_word_in(&st->photowords, r, (size_t)(wend - r)) || ta_is_month(st, r, (size_t)(wend - r)))
				break;
			end = wend;
			words++;
			if (*end != ' ')
				break;
		}
		/* only where the page clearly names the person: after a label ("von Nils Becker")
		 * or followed by a separator ("Stefan Stahlberg - Maschinenbauer") */
		bool labelled = false;
		if (p > text + 1) {
			const char *b = p - 1;
			while (b > text && b[-1] != ' ')
				b--;
			char *lo = ta_lower(b, (size_t)(p - 1 - b));
			/* in a byline's short line, not a sentence's agent ("..., wurde 2012 von Paula
			 * Kranz gegründet") */
			labelled = ta_set_get(&st->prefixes, lo, strlen(lo)) >= 0 && strlen(text) <= 80;
			free(lo);
		}
		/* a line that opens with the name and a dash: an author's note ("Stefan Stahlberg -
		 * Tischler, Segler ...") */
		bool dashed = p == text && (!strncmp(end, " - ", 3) || !strncmp(end, " \xe2\x80\x93 ", 5) || !strncmp(end, " \xe2\x80\x94 ", 5));
		/* or a line that is the full name alone (p.full-name "Tom Baker", its "By" in another element) */
		bool alone = p == text && *end == 0;
		if (words >= 1 && (labelled || dashed || alone)) {
			char *full = galley_strndup(p, (size_t)(end - p));
			if (ta_plausible(st, full))
				return full;
			free(full);
		}
	}
	return NULL;
}

char *ta_extend_name(const ta_doc *d, const char *first)
{
	const galley_article *a = d->a;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		/* not the site's header ("Journal von Andrea Beispiel"): the owner's full name
		 * there, while the post is signed with the first name alone ("von Andrea") */
		if (!r->text || (r->reason && (!strcmp(r->reason, "comments") || !strcmp(r->reason, "caption") || !strcmp(r->reason, "header"))))
			continue;
		char *t = galley_ws_normalize(r->text);
		char *full = ta_extend_in(d->st, t, first);
		free(t);
		if (full)
			return full;
	}
	for (size_t i = 0; i < d->nbody; i++) {
		char *full = ta_extend_in(d->st, d->p[i].text, first);
		if (full)
			return full;
	}
	return NULL;
}

bool ta_all_caps_words(const char *s)
{
	for (const char *p = s; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			return false;
	return true;
}

/* Equal when spaces and case are ignored ("EL DIARIO" and "eldeber"). */
bool ta_ieq_loose(const char *a, const char *b)
{
	char *la = ta_lower(a, strlen(a)), *lb = ta_lower(b, strlen(b));
	char *p = la, *q = lb;
	bool eq = true;
	while (eq) {
		while (*p == ' ' || *p == '.' || *p == '-')
			p++;
		while (*q == ' ' || *q == '.' || *q == '-')
			q++;
		if (!*p || !*q) {
			eq = !*p && !*q;
			break;
		}
		eq = *p++ == *q++;
	}
	free(la);
	free(lb);
	return eq;
}

/* How far a removed block is to be trusted as the article's own byline or dateline, from
 * where the stripper found it (its context: "div.byline before-body", "p in-body",
 * "span.author after-body in:related"):
 *   0  in the kept text or before it (the article's header);
 *   1  after it, or the place is not known;
 *   2  a byline class that repeats on the page with other text (the bylines of a list of
 *      teasers), or one inside a teaser, related-stories box, sidebar, comments or
 *      navigation after the article (inside such a part before it or in it: 1). */
int ta_removed_tier(const galley_removed *r, bool repeated)
{
	static const char *const weak_in[] = {"teaser", "related", "link-density", "sidebar", "comments", "nav", "footer",
	                                      "share", "newsletter", "ad", "author-box", "duplicate", "cookie", "paywall"};
	bool weak = false;
	for (size_t i = 0; r->within && i < sizeof weak_in / sizeof weak_in[0]; i++)
		if (!strcmp(r->within, weak_in[i]))
			weak = true;
	if (repeated)
		return 2;
	if (weak)
		return r->place == GALLEY_PLACE_AFTER_BODY ? 2 : 1;
	if (r->place == GALLEY_PLACE_BEFORE_BODY || r->place == GALLEY_PLACE_IN_BODY)
		return 0;
	return 1;
}

/* The length of a context's element part ("div.byline" of "div.byline before-body"). */
size_t ta_context_elem(const char *ctx)
{
	return ctx ? strcspn(ctx, " ") : 0;
}

/* The removed blocks with one of reasons, most trusted first (ta_removed_tier), page order
 * kept within a tier; tiers[] gets each one's tier.  Returns how many (owned arrays). */
size_t ta_removed_order(const galley_article *a, const char *const *reasons, size_t nr, size_t **order_out, int **tiers_out)
{
	size_t n = galley_article_n_removed(a), m = 0;
	size_t *idx = galley_malloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && ta_reason_is(r, reasons, nr))
			idx[m++] = i;
	}
	int *tier = galley_malloc((m + 1) * sizeof *tier);
	for (size_t i = 0; i < m; i++) {
		const galley_removed *r = galley_article_removed(a, idx[i]);
		/* the same element kind and class with another text elsewhere: a list's bylines.
		 * Bounded: pages with very many such blocks compare each with its neighbours only. */
		int others = 0;
		/* only blocks classified as bylines or dates: other classes ("div.container") repeat
		 * on any page */
		static const char *const listed[] = {"byline", "dateline", "meta", "author-box"};
		size_t el = ta_reason_is(r, listed, sizeof listed / sizeof listed[0]) ? ta_context_elem(r->context) : 0;
		size_t lo = i > 32 ? i - 32 : 0, hi = i + 32 < m ? i + 32 : m;
		for (size_t k = lo; k < hi && others < 2 && el; k++) {
			if (k == i)
				continue;
			const galley_removed *o = galley_article_removed(a, idx[k]);
			if (ta_context_elem(o->context) == el && !memcmp(o->context, r->context, el) && strcmp(o->reason, r->reason) == 0 &&
			    strcmp(o->text, r->text) != 0 && strchr(r->context, '.') != NULL)
				others++;
		}
		bool repeated = others >= 2; /* three or more: a list, not a byline and a dateline side by side */
		tier[i] = ta_removed_tier(r, repeated);
	}
	size_t *ord = galley_malloc((m + 1) * sizeof *ord);
	int *ot = galley_malloc((m + 1) * sizeof *ot);
	size_t k = 0;
	for (int t = 0; t <= 2; t++)
		for (size_t i = 0; i < m; i++)
			if (tier[i] == t) {
				ord[k] = idx[i];
				ot[k++] = t;
			}
	free(idx);
	free(tier);
	*order_out = ord;
	*tiers_out = ot;
	return m;
}

/* Is all of a block's text set in italics ("<p><em>Jane Roe</em></p>")? */
bool ta_all_italic(xmlNodePtr n, bool in_italic, int depth)
{
	if (depth > 16)
		return false;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			if (in_italic)
				continue;
			for (const xmlChar *t = c->content; t && *t; t++)
				if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r')
					return false;
		} else if (c->type == XML_ELEMENT_NODE) {
			bool it = in_italic || !xmlStrcasecmp(c->name, BAD_CAST "em") || !xmlStrcasecmp(c->name, BAD_CAST "i");
			if (!ta_all_italic(c, it, depth + 1))
				return false;
		}
	}
	return true;
}

/* Is name, read as the tagger reads the article's text, one person (not an organisation: "Kanton
 * Bern", "Deutscher Beispielverband")? */
bool ta_person_text(ta_doc *d, const char *name)
{
	ta_para P = {.text = name, .len = strlen(name)};
	ta_tokenize(d, &P);
	bool person = false;
	if (P.nt >= 2) {
		size_t e = ta_chunk_end(d, &P, 0, P.nt);
		if (e == P.nt) {
			ta_chunk c = ta_classify(d, &P, 0, e);
			person = c.kind == NM_PERSON && c.s == 0 && c.e == P.nt;
		}
	}
	free(P.t);
	return person;
}

/* A personal site's owner, as a line of the site's header writes the name that the site's
 * address spells: "Dr. Alexander Kern" on alexander-kern.example, "Sprachblog Alexander Meier" on
 * alexandermeier.wordpress.com give "Alexander Kern", "Alexander Meier": two or three
 * capitalised words whose letters, joined, are in the host, the first a common given name
 * (not "River States" on riverstates.example). */
bool ta_host_person(ta_doc *d, const char *text, ta_names *out)
{
	const char *url = galley_article_get(d->a, GALLEY_FIELD_URL);
	if (!url || !text || strlen(text) > 80)
		return false;
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	char *host = ta_alnum_key(h, strcspn(h, "/?#:"));
	char *norm = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(norm, &w);
	bool found = false;
	for (size_t i = 0; i + 1 < w.n && !found; i++) {
		if (!ta_word_in(&d->st->given, w.w[i], w.l[i]))
			continue;
		size_t best = 0;
		for (size_t j = i + 2; j <= i + 3 && j <= w.n; j++) {
			bool words = true;
			for (size_t k = i; k < j && words; k++) {
				/* words, not initials or short names in capitals ("Example DE") */
				bool lower = false;
				words = ta_has_upper_start(w.w[k], w.l[k]) && !ta_has_digit(w.w[k], w.l[k]);
				for (size_t c = 0; c < w.l[k] && words; c++) {
					words = w.w[k][c] != '.' && w.w[k][c] != ',' && w.w[k][c] != ':' && w.w[k][c] != '|';
					lower = lower || (w.w[k][c] >= 'a' && w.w[k][c] <= 'z');
				}
				words = words && lower;
			}
			if (!words)
				break;
			char *key = ta_alnum_key(w.w[i], (size_t)(w.w[j - 1] + w.l[j - 1] - w.w[i]));
			if (strlen(key) >= 8 && strstr(host, key))
				best = j;
			free(key);
		}
		if (best) {
			char *nm = galley_strndup(w.w[i], (size_t)(w.w[best - 1] + w.l[best - 1] - w.w[i]));
			if (ta_plausible(d->st, nm) && ta_person_text(d, nm)) {
				ta_names_add(out, nm);
				found = true;
			}
			free(nm);
		}
	}
	free(norm);
	free(host);
	return found;
}

/* A person's full name alone on a line, after a copyright mark when copyright: "Stefan
 * Beispiel" closing an article, "© 2020 Wolfgang Meier", "Copyright (c) 2009- Gregor Sandmann.
 * All rights reserved." */
/* A name whose initial is glued to the surname, "C.Beispielmann", with the space a reader
 * reads there ("C. Beispielmann"); NULL for any other text. */
char *ta_unglue_initial(const char *s)
{
	size_t n = strlen(s);
	if (n < 5 || strchr(s, ' ') || !(s[0] >= 'A' && s[0] <= 'Z') || s[1] != '.' || !(s[2] >= 'A' && s[2] <= 'Z'))
		return NULL;
	bool lower = false;
	for (size_t k = 3; k < n; k++) {
		if (!ta_is_letter((unsigned char)s[k]) && !((unsigned char)s[k] & 0x80) && s[k] != '-')
			return NULL;
		lower = lower || (s[k] >= 'a' && s[k] <= 'z');
	}
	if (!lower)
		return NULL;
	galley_buf b = {0};
	galley_buf_printf(&b, "%.2s %s", s, s + 2);
	galley_buf_putc(&b, 0);
	return galley_buf_steal(&b);
}

void ta_name_line(const ta_state *st, const char *text, ta_names *out, bool copyright, bool year_needed)
{
	if (strlen(text) > 120)
		return;
	char *s = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(s, &w);
	size_t i = 0;
	if (copyright) {
		bool mark = false;
		for (; i < w.n; i++) {
			char *lo = ta_lower(w.w[i], w.l[i]);
			bool m = !strcmp(lo, "©") || !strcmp(lo, "(c)") || !strcmp(lo, "copyright") || !strcmp(lo, "copyright:");
			/* "© since 2013 by C.Beispielmann", "© seit 2013" */
			bool since = mark && i + 1 < w.n && ta_has_digit(w.w[i + 1], w.l[i + 1]) &&
			             (!strcmp(lo, "since") || !strcmp(lo, "seit") || !strcmp(lo, "depuis") || !strcmp(lo, "desde"));
			bool year = ta_has_digit(w.w[i], w.l[i]) || !strcmp(lo, "-") || !strcmp(lo, "by") || since;
			free(lo);
			if (m)
				mark = true;
			else if (!(mark && year) && !(!mark && i == 0 && !strncmp(w.w[i], "\xc2\xa9", 2)))
				break;
			if (!m && !year && w.l[i] > 2) {
				/* "©2020" glued: not a name start either */
				break;
			}
		}
		/* no mark, a year (or years) and "by" opening the line or after a bracket: "(Creative
		 * Commons-Lizenz) 2005-2009 by Martin Albrecht Hosted by ..." */
		for (size_t k = 0; !mark && k + 2 < w.n; k++) {
			char c0 = w.w[k][0];
			bool years = w.l[k] >= 4 && c0 >= '1' && c0 <= '2';
			for (size_t c = 0; c < w.l[k] && years; c++)
				years = (w.w[k][c] >= '0' && w.w[k][c] <= '9') || w.w[k][c] == '-';
			bool opens = k == 0 || w.w[k - 1][w.l[k - 1] - 1] == ')' || w.w[k - 1][w.l[k - 1] - 1] == ']' ||
			             w.w[k - 1][w.l[k - 1] - 1] == '|';
			if (years && opens && w.l[k + 1] == 2 && !memcmp(w.w[k + 1], "by", 2)) {
				mark = true;
				i = k + 2;
			}
		}
		if (!mark || i >= w.n) {
			free(s);
			return;
		}
	}
	size_t j = i;
	bool credit_after = false; /* another credit follows the name: "... Martin Albrecht Hosted by ..." */
	while (j < w.n && j - i < 4) {
		const char *wd = w.w[j];
		size_t l = w.l[j];
		bool last = l && (wd[l - 1] == '.' || wd[l - 1] == ',');
		if (!ta_has_upper_start(wd, l) || ta_has_digit(wd, l))
			break;
		if (copyright && j - i >= 2 && j + 1 < w.n && w.l[j + 1] == 2 && !memcmp(w.w[j + 1], "by", 2)) {
			credit_after = true;
			break;
		}
		/* "... C.Beispielmann All rights reserved", "Alle Rechte vorbehalten" */
		if (copyright && j > i && j + 1 < w.n) {
			char *lo = ta_lower(w.w[j + 1], w.l[j + 1]);
			bool rights = !strcmp(lo, "rights") || !strcmp(lo, "rechte") || !strcmp(lo, "droits") || !strcmp(lo, "derechos");
			free(lo);
			if (rights) {
				credit_after = true;
				break;
			}
		}
		j++;
		if (last && l > 2)
			break;
	}
	/* the name must end the line or be followed by a separator or a sentence's end */
	uint32_t next = 0;
	if (j < w.n) {
		const char *q = w.w[j];
		next = galley_utf8_next(&q, q + w.l[j]);
	}
	bool ends = j == w.n || credit_after || (j > i && (w.w[j - 1][w.l[j - 1] - 1] == '.' || w.w[j - 1][w.l[j - 1] - 1] == ',')) ||
	            (j < w.n && !ta_is_letter(next) && !(next >= '0' && next <= '9'));
	if (!copyright && j != w.n)
		ends = false;
	if (copyright && year_needed) {
		bool year = false;
		for (size_t k = 0; k < i && !year; k++)
			year = ta_has_digit(w.w[k], w.l[k]);
		if (!year)
			ends = false;
	}
	/* one word that is an initial and a surname: "C.Beispielmann" */
	char *one = copyright && j == i + 1 ? galley_strndup(w.w[i], w.l[i]) : NULL;
	char *spaced = one ? ta_unglue_initial(one) : NULL;
	free(one);
	if (ends && ((j - i >= 2 && j - i <= 3) || spaced)) {
		const char *a0 = w.w[i];
		size_t len = (size_t)(w.w[j - 1] + w.l[j - 1] - a0);
		while (len && (a0[len - 1] == '.' || a0[len - 1] == ','))
			len--;
		char *nm = galley_strndup(a0, len);
		ta_names tmp = {0};
		ta_names_add(&tmp, spaced ? spaced : nm);
		if (ta_plausible(st, nm) && ta_person_like(st, &tmp) && !ta_is_qualifier(st, nm, NULL))
			ta_names_add(out, nm);
		ta_names_free(&tmp);
		free(nm);
	}
	free(spaced);
	free(s);
}

/* The page's own spelling of a CMS account made of a person's names ("christian.stadtfeld" ->
 * "Christian P. Beispiel", "anna-schmidt" -> "Anna Schmidt"): capitalised words in text that open
 * with the first part and close with the last, at most two between.  Owned, or NULL. */
static char *ta_account_in(const char *text, char *const *parts, size_t np)
{
	char *norm = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(norm, &w);
	char *found = NULL;
	for (size_t i = 0; i < w.n && !found; i++) {
		const char *s0 = w.w[i];
		size_t l0 = w.l[i];
		while (l0 && (*s0 == '(' || *s0 == '[' || *s0 == '"')) /* "(Christian P. Beispiel)" */
			s0++, l0--;
		if (!l0 || !ta_is_upper((unsigned char)*s0) || l0 != strlen(parts[0]))
			continue;
		char *lo = ta_lower(s0, l0);
		bool first = !strcmp(lo, parts[0]);
		free(lo);
		if (!first)
			continue;
		for (size_t j = i + np - 1; j < w.n && j <= i + np + 1 && !found; j++) {
			bool caps = true;
			for (size_t k = i + 1; k <= j && caps; k++)
				caps = ta_is_upper((unsigned char)w.w[k][0]);
			if (!caps)
				break;
			size_t lj = w.l[j];
			while (lj && (w.w[j][lj - 1] == ')' || w.w[j][lj - 1] == ',' || w.w[j][lj - 1] == '.' || w.w[j][lj - 1] == ']' ||
			              w.w[j][lj - 1] == '"'))
				lj--;
			char *lj_lo = ta_lower(w.w[j], lj);
			if (!strcmp(lj_lo, parts[np - 1]))
				found = galley_strndup(s0, (size_t)(w.w[j] + lj - s0));
			free(lj_lo);
			/* the words between must end there: "Christian P. Beispiel)", not past a closing mark */
			char last = w.w[j][w.l[j] - 1];
			if (last == ')' || last == ']' || last == '"' || last == ',')
				break;
		}
	}
	free(norm);
	return found;
}

char *ta_account_person(const ta_doc *d, const char *account)
{
	char *parts[4];
	size_t np = 0;
	bool ok = true;
	const char *p = account;
	while (*p && ok) {
		size_t l = strcspn(p, ".-_");
		ok = l >= 2 && np < 4;
		for (size_t k = 0; k < l && ok; k++)
			ok = (p[k] >= 'a' && p[k] <= 'z') || ((unsigned char)p[k] & 0x80);
		if (ok)
			parts[np++] = galley_strndup(p, l);
		p += l;
		if (*p)
			p++;
	}
	char *full = NULL;
	if (ok && np >= 2) {
		for (size_t i = 0; i < d->nbody && !full; i++)
			full = ta_account_in(d->p[i].text, parts, np);
		for (size_t i = 0; i < galley_article_n_removed(d->a) && !full; i++) {
			const galley_removed *r = galley_article_removed(d->a, i);
			if (r->text && strcmp(r->reason, "comments"))
				full = ta_account_in(r->text, parts, np);
		}
	}
	/* the page does not show it: a common given name then a family name, each capitalised
	 * ("robert.stein" -> "Robert Stein"); plain letters only, whose spelling is sure */
	if (!full && ok && np == 2 && ta_word_in(&d->st->given, parts[0], strlen(parts[0]))) {
		bool plain = true;
		for (size_t i = 0; i < np; i++)
			for (const char *q = parts[i]; *q && plain; q++)
				plain = *q >= 'a' && *q <= 'z';
		if (plain) {
			full = galley_malloc(strlen(parts[0]) + strlen(parts[1]) + 2);
			sprintf(full, "%s %s", parts[0], parts[1]);
			full[0] = (char)(full[0] - 'a' + 'A');
			full[strlen(parts[0]) + 1] = (char)(full[strlen(parts[0]) + 1] - 'a' + 'A');
		}
	}
	for (size_t i = 0; i < np; i++)
		free(parts[i]);
	return full;
}

/* Is the word the lower-case "by" of a credit in English, German, French or Spanish ("Stylewerk
 * by Ramona", "... von Jane Doe")? */
bool ta_by_word(const char *w, size_t l)
{
	static const char *const by[] = {"by", "von", "par", "por"};
	for (size_t k = 0; k < sizeof by / sizeof by[0]; k++)
		if (l == strlen(by[k]) && !memcmp(w, by[k], l))
			return true;
	return false;
}

/* The person behind an account named like the site's brand, in a short line that credits the
 * brand to someone ("© Stylewerk by Ramona", "Küchenliebe von Anna Bergmann"): the name closing the
 * line, one to three capitalised words.  Owned, or NULL. */
static char *ta_brand_by_in(const ta_state *st, const char *text, const char *account)
{
	if (strlen(text) > 80)
		return NULL;
	char *norm = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(norm, &w);
	char *found = NULL;
	for (size_t i = 0; i + 2 < w.n && !found; i++) {
		if (w.l[i] != strlen(account) || strncasecmp(w.w[i], account, w.l[i]))
			continue;
		if (!ta_by_word(w.w[i + 1], w.l[i + 1]) || w.n - i - 2 > 3)
			continue;
		bool ok = true;
		for (size_t k = i + 2; k < w.n && ok; k++)
			ok = ta_has_upper_start(w.w[k], w.l[k]) && !ta_has_digit(w.w[k], w.l[k]) &&
			     !ta_word_in(&st->notnames, w.w[k], w.l[k]) && !ta_word_in(&st->notauthors, w.w[k], w.l[k]) &&
			     !ta_word_in(&st->orgwords, w.w[k], w.l[k]) && !ta_word_in(&st->roles, w.w[k], w.l[k]);
		if (ok)
			found = galley_strndup(w.w[i + 2], (size_t)(w.w[w.n - 1] + w.l[w.n - 1] - w.w[i + 2]));
	}
	free(norm);
	return found;
}

char *ta_account_brand(const ta_doc *d, const char *account)
{
	char *found = NULL;
	for (size_t i = 0; i < galley_article_n_removed(d->a) && !found; i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		if (r->text && strcmp(r->reason, "comments"))
			found = ta_brand_by_in(d->st, r->text, account);
	}
	for (size_t i = 0; i < d->nbody && !found; i++)
		found = ta_brand_by_in(d->st, d->p[i].text, account);
	return found;
}

/* The account as a signature line closing the article writes it, capitalised: "mady" signing
 * "Deine Lena" (a short line of the article's own text that ends with the name: one of the last
 * paragraphs, or one the stripper set apart).  Owned, or NULL. */
static char *ta_signed_in(const char *text, const char *account)
{
	size_t al = strlen(account), tl = strlen(text);
	if (tl > 40)
		return NULL;
	ta_words w;
	ta_split_words(text, &w);
	if (w.n > 4)
		return NULL;
	/* the line ends with the name, as a signature does ("Red Bull Racing" signs nothing) */
	if (!w.n)
		return NULL;
	size_t i = w.n - 1, l = w.l[i];
	while (l && (w.w[i][l - 1] == ',' || w.w[i][l - 1] == '.' || w.w[i][l - 1] == '!'))
		l--;
	if (l != al || !ta_is_upper((unsigned char)w.w[i][0]))
		return NULL;
	char *lo = ta_lower(w.w[i], l);
	bool same = !strcmp(lo, account);
	free(lo);
	return same ? galley_strndup(w.w[i], l) : NULL;
}

char *ta_account_signed(const ta_doc *d, const char *account)
{
	char *found = NULL;
	for (size_t k = 0; k < 3 && k < d->nbody && !found; k++)
		found = ta_signed_in(d->p[d->nbody - 1 - k].text, account);
	for (size_t i = 0; i < galley_article_n_removed(d->a) && !found; i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		if (r->text && r->context && !strcmp(r->reason, "short") && (r->place == GALLEY_PLACE_IN_BODY))
			found = ta_signed_in(r->text, account);
	}
	return found;
}

/* Initials alone ("DT"): the full name with those initials that the page gives after a byline
 * label ("Ein Katzenblog von Donald Roe steht unter einer Lizenz"). Owned, or NULL. */
static char *ta_initials_in(const ta_state *st, const char *text, const char *ini)
{
	size_t n = strlen(ini);
	char *norm = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(norm, &w);
	char *found = NULL;
	for (size_t i = 0; i + n < w.n && !found; i++) {
		if (!ta_word_in(&st->prefixes, w.w[i], w.l[i]))
			continue;
		bool ok = true;
		for (size_t k = 0; k < n && ok; k++) {
			const char *x = w.w[i + 1 + k];
			size_t xl = w.l[i + 1 + k];
			ok = xl >= 2 && x[0] == ini[k] && ta_is_letter((unsigned char)x[1]) && !ta_word_in(&st->notnames, x, xl) &&
			     !ta_word_in(&st->orgwords, x, xl);
		}
		/* exactly those words: the next one is no capitalised name part */
		if (ok && i + 1 + n < w.n && ta_is_upper((unsigned char)w.w[i + 1 + n][0]))
			ok = false;
		if (ok) {
			size_t last = i + n;
			size_t ll = w.l[last];
			while (ll && (w.w[last][ll - 1] == ',' || w.w[last][ll - 1] == '.'))
				ll--;
			char *nm = galley_strndup(w.w[i + 1], (size_t)(w.w[last] + ll - w.w[i + 1]));
			if (ta_plausible(st, nm))
				found = nm;
			else
				free(nm);
		}
	}
	free(norm);
	return found;
}

char *ta_expand_initials(const ta_doc *d, const char *ini)
{
	size_t n = strlen(ini);
	if (n < 2 || n > 3)
		return NULL;
	for (size_t k = 0; k < n; k++)
		if (ini[k] < 'A' || ini[k] > 'Z')
			return NULL;
	char *full = NULL;
	for (size_t i = 0; i < galley_article_n_removed(d->a) && !full; i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		if (r->text && strcmp(r->reason, "comments") && strlen(r->text) <= 300)
			full = ta_initials_in(d->st, r->text, ini);
	}
	for (size_t i = 0; i < d->nbody && !full; i++)
		full = ta_initials_in(d->st, d->p[i].text, ini);
	return full;
}

/* A removed block's place: in or before the article's kept text, not inside another removed part. */
bool ta_header_place(const galley_removed *r)
{
	return (r->place == GALLEY_PLACE_BEFORE_BODY || r->place == GALLEY_PLACE_IN_BODY) && !r->within;
}

/* A credit line naming the desk and the editor's sign or the agencies, its label with a colon:
 * "Quelle: NORDFUNK KIEL/ls", "Quelle: beispielradio.de/bb", "Source: dpa/AFP". */
void ta_credit_line(const ta_state *st, const char *text, ta_names *out)
{
	if (strlen(text) > 60)
		return;
	char *s = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(s, &w);
	if (w.n >= 2 && w.l[0] >= 2 && w.w[0][w.l[0] - 1] == ':' && ta_word_in(&st->credit, w.w[0], w.l[0] - 1)) {
		/* one short word after the last slash, a sign or an agency ("ls", "AFP", "Agenturen"),
		 * not a chart's "Statistisches Bundesamt/eigene Berechnung" */
		const char *rest = w.w[1];
		const char *last = strrchr(rest, '/');
		while (last && last[1] == ' ')
			last++; /* "dsw / DPA" */
		size_t tail = last ? strlen(last + 1) : 0;
		if (ta_slash_credit(rest) && tail >= 2 && tail <= 12 && !strchr(last + 1, ' '))
			ta_names_add(out, rest);
		/* or a news agency's name alone: "Quelle: kathpress" */
		else if (!last && w.n == 2 && ta_agency_word(st, rest, w.l[1]))
			ta_names_add(out, rest);
	}
	free(s);
}

/* A header line that ends with a full name right after a date ("11.12.2019 - Amelie
 * Beispiel", "The Example Times 02/10/2020 Anna Roe"), in a paragraph or a box, not a heading,
 * a list item or a link: the name. */
bool ta_dated_name_line(const ta_state *st, const char *text, const char *context, ta_names *out)
{
	size_t tag = strcspn(context, " .#");
	if (!tag || (tag == 2 && (context[0] == 'h' || !strncmp(context, "li", 2) || !strncmp(context, "td", 2) || !strncmp(context, "dt", 2))) ||
	    (tag == 1 && context[0] == 'a'))
		return false;
	char *norm = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(norm, &w);
	size_t e = w.n, b = e;
	while (b > 0 && e - b < 5 && !ta_has_digit(w.w[b - 1], w.l[b - 1]) && !ta_is_month(st, w.w[b - 1], w.l[b - 1]) &&
	       ta_has_upper_start(w.w[b - 1], w.l[b - 1]))
		b--;
	size_t sep = b;
	/* a separator between the date and the name: "-", "|", "·" */
	if (sep > 0 && w.l[sep - 1] <= 3 && !ta_has_digit(w.w[sep - 1], w.l[sep - 1]) && !ta_has_upper_start(w.w[sep - 1], w.l[sep - 1]))
		sep--;
	bool ok = e - b >= 2 && e - b <= 4 && sep > 0 && ta_has_digit(w.w[sep - 1], w.l[sep - 1]);
	for (size_t i = b; i < e && ok; i++)
		if (ta_word_in(&st->notnames, w.w[i], w.l[i]) || ta_word_in(&st->prefixes, w.w[i], w.l[i]) ||
		    ta_word_in(&st->roles, w.w[i], w.l[i]) || ta_word_in(&st->notauthors, w.w[i], w.l[i]) ||
		    ta_word_in(&st->datewords, w.w[i], w.l[i]))
			ok = false;
	if (ok) {
		char *nm = galley_strndup(w.w[b], (size_t)(w.w[e - 1] + w.l[e - 1] - w.w[b]));
		ok = ta_plausible(st, nm);
		if (ok)
			ta_names_add(out, nm);
		free(nm);
	}
	free(norm);
	return ok;
}

/* Is a word "with" ("mit", "avec", "con")? */
static bool ta_with_word(const ta_words *w, size_t i)
{
	static const char *const with[] = {"mit", "with", "avec", "con"};
	for (size_t k = 0; k < sizeof with / sizeof with[0]; k++)
		if (w->l[i] == strlen(with[k]) && !strncasecmp(w->w[i], with[k], w->l[i]))
			return true;
	return false;
}

/* Does "with" stand next to the first byline label in text ("Interview mit Autorin Jane Roe",
 * "Interview with Jane Roe", "in conversation with author Jane Roe")?  The line then names the
 * person met, not the writer ("By Jane Roe with reporting by John Doe" is a credit: "with"
 * stands further on; "Ein Interview von Jane Roe mit ..." too). */
bool ta_label_after_with(const ta_state *st, const char *text)
{
	ta_words w;
	ta_split_words(text, &w);
	for (size_t i = 0; i < w.n; i++) {
		size_t ln = ta_label_at(st, &w, i);
		if (ln)
			return (i > 0 && ta_with_word(&w, i - 1)) || (i + ln < w.n && ta_with_word(&w, i + ln));
	}
	return false;
}
