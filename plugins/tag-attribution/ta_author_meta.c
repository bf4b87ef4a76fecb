/* tag-attribution: author metadata (JSON-LD, meta tags, Open Graph) and how it compares with
 * names the page shows: the same person, a subset, an account, the outlet. */
#include "ta_private.h"

/* An author's value in metadata that is the chosen name and more words, and that the page shows
 * whole (a member name that is a phrase: JSON-LD "Grow more beans", shown under "Autor", where
 * the byline's rules stop at "more"; "Michael Hölzner, Redaktion" in <meta name=author> and the
 * byline, which metadata lists as two authors): that value, as shown. The added words must be
 * plain words, not a date or a number; a comma-separated part must be an author of its own in
 * the metadata ("Jane Doe, Reuters" stays "Jane Doe" unless Reuters is listed as an author).
 * Returns the value (caller frees) and sets *parts when its comma parts are the authors. */
char *ta_meta_extends(const ta_doc *d, const char *name, bool *parts)
{
	const galley_article *a = d->a;
	size_t nl = strlen(name);
	*parts = false;
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		if (strcmp(c->field, "author") || ta_origin_rank(c->origin) > 6 || strstr(c->value, "://") || strchr(c->value, '@'))
			continue;
		char *dv = ta_decode_entities(c->value);
		char *v = galley_ws_normalize(dv);
		free(dv);
		size_t vl = strlen(v);
		bool ok = vl > nl + 1 && vl <= 60 && !strncmp(v, name, nl) && (v[nl] == ' ' || (v[nl] == ',' && v[nl + 1] == ' '));
		ta_words w;
		if (ok) {
			ta_split_words(v, &w);
			ok = w.n <= 5;
			for (size_t k = 0; k < w.n && ok; k++)
				ok = !ta_has_digit(w.w[k], w.l[k]) && !ta_is_month(d->st, w.w[k], w.l[k]);
		}
		bool comma = ok && strchr(v, ',');
		/* without a comma the words added are no role nor an outlet's: "Evan Marlow Staff
		 * Writer" stays "Evan Marlow" */
		for (size_t k = 0; ok && !comma && k < w.n; k++)
			if (w.w[k] >= v + nl)
				ok = !ta_word_in(&d->st->roles, w.w[k], w.l[k]) && !ta_role_compound(d->st, w.w[k], w.l[k]) &&
				     !ta_word_in(&d->st->orgwords, w.w[k], w.l[k]) && !ta_word_in(&d->st->notauthors, w.w[k], w.l[k]);
		/* each comma part an author of its own in the metadata */
		for (const char *p = v; comma && p && *p;) {
			const char *e = strchr(p, ',');
			size_t pl = e ? (size_t)(e - p) : strlen(p);
			bool listed = false;
			for (size_t j = 0; j < galley_article_n_candidates(a) && !listed; j++) {
				const galley_candidate *o = galley_article_candidate(a, j);
				listed = j != i && !strcmp(o->field, "author") && strlen(o->value) == pl && !strncmp(o->value, p, pl);
			}
			ok = listed;
			if (!ok)
				break;
			p = e ? e + 1 : NULL;
			while (p && *p == ' ')
				p++;
		}
		/* shown whole: a block's text, or its end after a label ("von Michael Hölzner, Redaktion") */
		bool shown = false;
		for (size_t k = 0; k < galley_article_n_removed(a) && ok && !shown; k++) {
			const galley_removed *r = galley_article_removed(a, k);
			if (!r->text)
				continue;
			char *t = galley_ws_normalize(r->text);
			size_t tl = strlen(t);
			shown = tl >= vl && !strcmp(t + tl - vl, v) && (tl == vl || t[tl - vl - 1] == ' ') && tl <= vl + 12;
			free(t);
		}
		if (shown) {
			*parts = comma;
			return v;
		}
		free(v);
	}
	return NULL;
}

int ta_origin_rank(const char *o)
{
	static const char *const order[] = {"json-ld", "link", "microdata", "meta", "article-meta", "dublin-core", "opengraph", "text"};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (!strcmp(o, order[i]))
			return (int)i;
	if (!strcmp(o, "twitter"))
		return 9; /* mostly @handles, which are dropped; a bare value is a user name */
	return 10;
}

/* Decode HTML character references left in metadata ("Redacci&oacute;n"). */
char *ta_decode_entities(const char *s)
{
	if (!strchr(s, '&'))
		return galley_strdup(s);
	galley_buf b = {0};
	while (*s) {
		if (*s == '&') {
			const char *semi = strchr(s, ';');
			if (semi && semi - s <= 10 && semi - s >= 3) {
				uint32_t cp = 0;
				if (s[1] == '#') {
					cp = (uint32_t)((s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, NULL, 16) : strtoul(s + 2, NULL, 10));
				} else {
					char name[16];
					memcpy(name, s + 1, (size_t)(semi - s - 1));
					name[semi - s - 1] = 0;
					const htmlEntityDesc *e = htmlEntityLookup(BAD_CAST name);
					if (e)
						cp = e->value;
				}
				if (cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000)) {
					galley_buf_put_utf8(&b, cp);
					s = semi + 1;
					continue;
				}
			}
		}
		galley_buf_putc(&b, *s++);
	}
	galley_buf_putc(&b, 0);
	return galley_buf_steal(&b);
}

/* The longest line that names co-authors together ("A, B, C and D"). */
#define TA_COAUTHOR_LINE_MAX 200

/* One short block the stripper removed names both x and y: a byline of co-authors. */
bool ta_shown_together(const galley_article *a, const char *x, const char *y)
{
	if (!*x || !*y || !strcmp(x, y))
		return false;
	for (size_t k = 0; k < galley_article_n_removed(a); k++) {
		const galley_removed *r = galley_article_removed(a, k);
		if (r->text && strlen(r->text) <= TA_COAUTHOR_LINE_MAX && strstr(r->text, x) && strstr(r->text, y))
			return true;
	}
	return false;
}

/* Authors the metadata names: the best origin that names people; an origin that names only
 * the outlet is kept as a fallback. */
void ta_meta_authors(const ta_state *st, const galley_article *a, ta_names *out, const char *site, const char **origin)
{
	ta_names fallback = {0};
	const char *fallback_origin = NULL;
	*origin = NULL;
	for (int rank = 0; rank <= 10 && !out->n; rank++) {
		ta_names tmp = {0};
		const char *tmp_origin = NULL;
		for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			if (strcmp(c->field, "author") || ta_origin_rank(c->origin) != rank)
				continue;
			/* links, microdata and microformats repeat the authors of teasers: the first one
			 * only, unless one line the page shows names this one with the first ("A and B",
			 * each a link) */
			if (tmp.n && (!strcmp(c->origin, "link") || !strcmp(c->origin, "microdata") || !strcmp(c->origin, "microformat")) &&
			    !ta_shown_together(a, tmp.v[0], c->value))
				continue;
			if (c->value[0] == '@' || strstr(c->value, "://"))
				continue;
			{
				char *lo = ta_lower(c->value, strlen(c->value));
				char *nl = galley_ws_normalize(lo);
				bool junk = ta_set_get(&st->notauthors, nl, strlen(nl)) >= 0;
				free(nl);
				free(lo);
				if (junk)
					continue; /* "No Author", "admin" */
			}
			char *v = ta_decode_entities(c->value);
			size_t before = tmp.n;
			ta_parse_byline(st, v, &tmp, site, TA_BYLINE_METADATA);
			/* an organisation's name that a preposition continues, cut there as a byline's
			 * place would be ("Städtisches Amt für Wasser, Wald und
			 * Wege SAWW" is no "Städtisches Amt"): the whole name, none when
			 * it runs on to another ("Baltische Brote in Bremen - Pan Y Sal"); a person's
			 * place stays cut off ("Anna Schmidt in Berlin") */
			if (tmp.n == before + 1) {
				char *nv = galley_ws_normalize(v);
				size_t l = strlen(tmp.v[before]);
				ta_words w = {0};
				if (!strncmp(nv, tmp.v[before], l) && nv[l] == ' ')
					ta_split_words(nv + l + 1, &w);
				if (w.n && ta_word_in(&st->preps, w.w[0], w.l[0]) && !ta_word_in(&st->given, tmp.v[before], strcspn(tmp.v[before], " "))) {
					free(tmp.v[before]);
					tmp.n = before;
					if (strlen(nv) <= 70 && !strstr(nv, " - ") && !strchr(nv, '|'))
						ta_names_add(&tmp, nv);
				}
				free(nv);
			}
			free(v);
			if (tmp.n > before && !tmp_origin)
				tmp_origin = c->origin;
		}
		if (!tmp.n) {
			ta_names_free(&tmp); /* its array stays when a name was taken back */
			continue;
		}
		if (ta_outlet_like(st, a, &tmp, site)) {
			if (!fallback.n) {
				fallback = tmp;
				fallback_origin = tmp_origin;
			} else
				ta_names_free(&tmp);
			continue;
		}
		*out = tmp;
		*origin = tmp_origin;
	}
	if (!out->n) {
		*out = fallback;
		*origin = fallback_origin;
	} else
		ta_names_free(&fallback);
}

bool ta_names_cover(const ta_names *big, const ta_names *small)
{
	for (size_t k = 0; k < small->n; k++) {
		bool in = false;
		for (size_t i = 0; i < big->n && !in; i++)
			in = ta_ieq(big->v[i], small->v[k]);
		if (!in)
			return false;
	}
	return true;
}

/* Some name of one list inside a name of the other, ignoring case ("Evan Marlow" and "Evan
 * Marlow Staff"): the same person, spelt with more or fewer words. */
bool ta_names_overlap(const ta_names *x, const ta_names *y)
{
	bool hit = false;
	for (size_t i = 0; i < x->n && !hit; i++)
		for (size_t k = 0; k < y->n && !hit; k++) {
			char *a = ta_lower(x->v[i], strlen(x->v[i])), *b = ta_lower(y->v[k], strlen(y->v[k]));
			hit = strstr(a, b) || strstr(b, a);
			free(a);
			free(b);
		}
	return hit;
}

/* A user name rather than a person's name: one word, no capital ("sarah-indra", "admin"). */
bool ta_account_like(const ta_names *m)
{
	if (m->n != 1)
		return false;
	const char *v = m->v[0];
	if (strchr(v, ' '))
		return false;
	return !ta_is_upper((unsigned char)v[0]) && !((unsigned char)v[0] & 0x80);
}

/* Two or more capitalised words, as people's names are. */
bool ta_person_like(const ta_state *st, const ta_names *m)
{
	for (size_t i = 0; i < m->n; i++) {
		ta_words w;
		ta_split_words(m->v[i], &w);
		if (w.n < 2 || w.n > 4 || ta_is_qualifier(st, m->v[i], NULL))
			return false;
		for (size_t k = 0; k < w.n; k++)
			if (k > 0 && ta_word_in(&st->particles, w.w[k], w.l[k]))
				continue; /* "Loïc Le Garrec", "Konrad von Lindenau" */
			else if (ta_word_in(&st->notnames, w.w[k], w.l[k]) || ta_word_in(&st->preps, w.w[k], w.l[k]) ||
			    ta_word_in(&st->notauthors, w.w[k], w.l[k]) || ta_word_in(&st->datewords, w.w[k], w.l[k]))
				return false;
	}
	return m->n > 0;
}

/* Letters and digits of s, lower-cased ("El Mirador" -> "elmirador"). (owned) */
char *ta_alnum_key(const char *s, size_t n)
{
	char *lo = ta_lower(s, n);
	size_t k = 0;
	for (size_t i = 0; lo[i]; i++)
		if (((unsigned char)lo[i] & 0x80) || (lo[i] >= 'a' && lo[i] <= 'z') || (lo[i] >= '0' && lo[i] <= '9'))
			lo[k++] = lo[i];
	lo[k] = 0;
	return lo;
}

/* The name is the site's own: its web address ("K-ZINE" on k-zine.de, "El Mirador" on
 * elmirador.com, "XN" on xn-online.de) or the site's social-media handle ("@Sportkanal_DE"). */
bool ta_site_named(const galley_article *a, const char *v)
{
	char *key = ta_alnum_key(v, strlen(v));
	size_t kl = strlen(key);
	bool hit = false;
	/* the initials of a name of several words ("Deutsche Welle" on dw.com) */
	char ini[16];
	size_t ni = 0;
	{
		ta_words w;
		ta_split_words(v, &w);
		for (size_t i = 0; i < w.n && ni + 1 < sizeof ini; i++)
			if (w.w[i][0] >= 'A' && w.w[i][0] <= 'Z')
				ini[ni++] = (char)(w.w[i][0] - 'A' + 'a');
		ini[ni] = 0;
		if (w.n < 2 || ni != w.n)
			ni = 0;
	}
	const char *url = galley_article_get(a, GALLEY_FIELD_URL);
	if (url && kl >= 2) {
		const char *h = strstr(url, "://");
		h = h ? h + 3 : url;
		size_t hl = strcspn(h, "/?#:");
		/* each label of the host but the last: "www", "l-mag", "security.googleblog" */
		const char *lab = h;
		while (lab < h + hl && !hit) {
			const char *dot = memchr(lab, '.', (size_t)(h + hl - lab));
			if (!dot)
				break; /* the top-level domain */
			char *lk = ta_alnum_key(lab, (size_t)(dot - lab));
			size_t ll = strlen(lk);
			/* the whole label, or its first part when the label is the name plus a word
			 * ("xn" of "xn-online"), or the name plus a common ending ("googleblog") */
			const char *dash = memchr(lab, '-', (size_t)(dot - lab));
			/* or the address from this label on, written as a name ("MesOpinions.com" on
			 * www.mesopinions.com, "polizeitickerch" on polizeiticker.ch) */
			char *rest = ta_alnum_key(lab, (size_t)(h + hl - lab));
			bool whole = kl >= 5 && !strcmp(rest, key);
			free(rest);
			if (whole || !strcmp(lk, key) || (ni >= 2 && !strcmp(lk, ini)) || (dash && (size_t)(dash - lab) == strlen(v) && kl == (size_t)(dash - lab) && !strncmp(lk, key, kl)) ||
			    (kl >= 4 && ll > kl && ll <= kl + 6 && !strncmp(lk, key, kl)))
				hit = true;
			free(lk);
			lab = dot + 1;
		}
	}
	for (size_t i = 0; i < galley_article_n_candidates(a) && !hit && kl >= 3; i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		/* the site's handle, not an author's own (twitter:creator is often the writer's) */
		if (c->value[0] != '@' || (strcmp(c->field, "site") && strcmp(c->field, "publisher")))
			continue;
		char *hk = ta_alnum_key(c->value + 1, strlen(c->value + 1));
		size_t hl = strlen(hk);
		hit = !strcmp(hk, key) || (hl > kl && hl <= kl + 3 && !strncmp(hk, key, kl)); /* "@Sportkanal_DE" */
		free(hk);
	}
	free(key);
	return hit;
}

/* Names that are the outlet or the site rather than a person. */
bool ta_outlet_like(const ta_state *st, const galley_article *a, const ta_names *m, const char *site)
{
	if (m->n != 1)
		return false;
	const char *v = m->v[0];
	if (ta_is_qualifier(st, v, site) || ta_site_named(a, v))
		return true;
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		if ((!strcmp(c->field, "site") || (!strcmp(c->field, "publisher") && !strcmp(c->origin, "json-ld"))) && ta_ieq(c->value, v))
			return true;
	}
	return ta_is_qualifier(st, v, site);
}

bool ta_reason_is(const galley_removed *r, const char *const *reasons, size_t n)
{
	if (!r->reason)
		return false;
	for (size_t i = 0; i < n; i++) /* the first letter first: most blocks have another reason */
		if (r->reason[0] == reasons[i][0] && !strcmp(r->reason, reasons[i]))
			return true;
	return false;
}

/* What an author is: an organisation when the name is the site's or an outlet's (outlets.tsv,
 * the site's address written as a domain, its site or publisher metadata), has a word of org-words.txt ("Example
 * Agency", "Redaktion", "Staff"), opens with a department (office-words.txt), or is one word in
 * capitals (an agency's initials); a person otherwise. */
galley_author_kind ta_author_kind(const ta_state *st, const galley_article *a, const char *name, const char *site)
{
	char *lo = ta_lower(name, strlen(name));
	/* the site's address named alone says less: a personal site bears its owner's name */
	bool org = (site && ta_ieq(name, site)) || ta_set_get(&st->outlets, lo, strlen(lo)) >= 0 || (strchr(name, '.') && ta_site_named(a, name));
	free(lo);
	for (size_t i = 0; i < galley_article_n_candidates(a) && !org; i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		org = (!strcmp(c->field, "site") || !strcmp(c->field, "publisher")) && ta_ieq(c->value, name);
	}
	ta_words w;
	ta_split_words(name, &w);
	for (size_t i = 0; i < w.n && !org; i++) {
		size_t l = w.l[i];
		while (l > 1 && strchr(",.;:", w.w[i][l - 1]))
			l--;
		org = ta_word_in(&st->orgwords, w.w[i], l) || (i == 0 && ta_office_word(st, w.w[i], l));
	}
	/* a given name or a title first is a person's name for all that ("Jane Staff", "Dr. Doe") */
	if (org && w.n >= 2 && (ta_word_in(&st->given, w.w[0], w.l[0]) || ta_word_in(&st->roles, w.w[0], w.l[0])))
		org = false;
	if (!org && w.n == 1 && w.l[0] >= 2) {
		bool caps = true;
		for (size_t k = 0; k < w.l[0] && caps; k++)
			caps = (w.w[0][k] >= 'A' && w.w[0][k] <= 'Z') || w.w[0][k] == '-' || w.w[0][k] == '&';
		org = caps;
	}
	return org ? GALLEY_AUTHOR_ORGANISATION : GALLEY_AUTHOR_PERSON;
}
