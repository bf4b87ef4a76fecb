/* tag-attribution: credit patterns beyond the byline: closing credits, contacts, agencies,
 * titles that credit a speaker, emphasised bylines, badges, a release's sender and issuer. */
#include "ta_private.h"

/* The credit line as the page prints it, when it names several authors: "Lars Oberdorf und Alina
 * Beispiel", "Daniel Sommer, David Roe". The names, in order, with only separators between
 * them (commas, semicolons, slashes, "&" and one conjunction: "and", "und", "et", "y"), in a text
 * of the page. NULL when no text shows them so. (owned) */
static bool ta_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

char *ta_display_byline(const ta_doc *d, const ta_names *use)
{
	if (use->n < 2)
		return NULL;
	size_t l0 = strlen(use->v[0]);
	for (size_t i = 0; i < d->np; i++) {
		const char *t = d->p[i].text, *end = t + d->p[i].len;
		for (const char *h = t; (h = memmem(h, (size_t)(end - h), use->v[0], l0)) != NULL; h++) {
			if (h > t && ((unsigned char)h[-1] >= 0x80 || ta_ascii_alnum((unsigned char)h[-1])))
				continue;
			const char *q = h + l0;
			size_t k = 1;
			for (; k < use->n; k++) {
				const char *r = q;
				bool conj = false, sep = false;
				for (;;) {
					while (r < end && (*r == ' ' || *r == ',' || *r == ';' || *r == '/'))
						sep = true, r++;
					size_t wl = 0;
					while (r + wl < end && (ta_ascii_alnum((unsigned char)r[wl]) || r[wl] == '&'))
						wl++;
					if (!conj && wl && r + wl < end && r[wl] == ' ' && ta_is_conj(r, wl)) {
						conj = sep = true;
						r += wl;
						continue;
					}
					break;
				}
				size_t lk = strlen(use->v[k]);
				if (!sep || (size_t)(end - r) < lk || memcmp(r, use->v[k], lk))
					break;
				q = r + lk;
			}
			if (k == use->n && (q == end || ((unsigned char)*q < 0x80 && !ta_ascii_alnum((unsigned char)*q))))
				return galley_strndup(h, (size_t)(q - h));
		}
	}
	return NULL;
}

/* Is the word at s (up to a slash, comma or space) a news agency's short name ("dpa" of
 * "dpa/lno", "AFP")? */
bool ta_agency_word(const ta_state *st, const char *s, size_t n)
{
	size_t l = 0;
	while (l < n && s[l] != '/' && s[l] != ',' && s[l] != ' ')
		l++;
	if (!l)
		return false;
	char *lo = ta_lower(s, l);
	bool hit = ta_set_get(&st->outlets, lo, strlen(lo)) >= 0;
	free(lo);
	return hit;
}

/* The credit a news story closes with, in parentheses after its last sentence: "... hieß es.
 * (FR mit dpa)", "(dpa/lno)", "(AFP)". Short words only, one of them a news agency's name, no
 * label ("(Foto: dpa)") nor a figure. */
void ta_closing_credit(const ta_state *st, const char *text, ta_names *out)
{
	size_t n = strlen(text);
	while (n && text[n - 1] == ' ')
		n--;
	if (n < 4 || text[n - 1] != ')')
		return;
	const char *open = NULL;
	for (size_t i = n - 1; i-- > 0 && !open;)
		if (text[i] == '(')
			open = text + i;
	if (!open || n - 2 - (size_t)(open - text) > 30)
		return;
	/* after a sentence's end, or alone */
	const char *b = open;
	while (b > text && b[-1] == ' ')
		b--;
	if (b > text && !strchr(".!?\"\xbb\x9c\x9d", b[-1]))
		return;
	char *c = galley_strndup(open + 1, n - 2 - (size_t)(open - text));
	ta_words w;
	ta_split_words(c, &w);
	bool ok = w.n >= 1 && w.n <= 4 && !ta_has_digit(c, strlen(c)) && !strchr(c, ':') && !strchr(c, '(');
	bool agency = false;
	for (size_t i = 0; i < w.n && ok; i++) {
		const char *q = w.w[i], *e = w.w[i] + w.l[i];
		while (q < e) {
			size_t l = 0;
			while (q + l < e && q[l] != '/' && q[l] != ',')
				l++;
			if (l > 6 && !ta_agency_word(st, q, l))
				ok = false;
			if (l && ta_agency_word(st, q, l))
				agency = true;
			q += l < (size_t)(e - q) ? l + 1 : l;
		}
	}
	if (ok && agency)
		ta_names_add(out, c);
	free(c);
}

/* The shortest word whose full stop closes a sentence (not an initial's or "Dr."'s). */
enum { TA_PROSE_WORD_MIN = 3 };

/* Whether the words read as prose: a word of three characters or more closes a sentence (a
 * lower-case letter, then ".", "!" or "?").  A contact block is lines of a name, a role, an
 * address and numbers; a story's sentence may open with a name and a role word too ("Jane Roe
 * King and her court rode ..."). */
static bool ta_words_read_as_prose(const ta_words *w)
{
	for (size_t k = 0; k < w->n; k++) {
		const unsigned char *x = (const unsigned char *)w->w[k];
		size_t l = w->l[k];
		if (l >= TA_PROSE_WORD_MIN && (x[l - 1] == '.' || x[l - 1] == '!' || x[l - 1] == '?') &&
		    ((x[l - 2] >= 'a' && x[l - 2] <= 'z') || x[l - 2] >= 0x80))
			return true;
	}
	return false;
}

/* A press release's contact person, in a short line that a contact label opens or that goes
 * on with the person's role or telephone: "Pressekontakt Dr. Jonas Lorenz Pressesprecher Beispielstrom
 * AG Tel.: ...", "Jan Kramer Telefon +49 ...", "Alexandra Roe Stellvertretende Pressesprecherin
 * und ...".  Without a label, not a line that reads as prose (ta_words_read_as_prose). */
void ta_contact_name(const ta_state *st, const char *text, ta_names *out)
{
	if (!text || strlen(text) > 200)
		return;
	char *norm = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(norm, &w);
	size_t i = 0;
	bool labelled = false;
	for (size_t k = 0; k < 2 && k < w.n && !labelled; k++)
		if (ta_word_in(&st->contacts, w.w[k], w.l[k]) && (k == 0 || !ta_has_digit(w.w[0], w.l[0]))) {
			labelled = true;
			i = k + 1;
		}
	if (!labelled && ta_words_read_as_prose(&w)) {
		free(norm);
		return;
	}
	size_t b = i;
	if (i < w.n && ta_is_dr(w.w[i], w.l[i]))
		i++;
	for (size_t len = 2; len <= 3 && i + len < w.n; len++) {
		bool name = true;
		for (size_t k = i; k < i + len && name; k++) {
			const char *x = w.w[k];
			size_t xl = w.l[k];
			/* names and initials ("Erika J. Mustermann"), not abbreviations ("St. Louis") */
			name = ta_has_upper_start(x, xl) && !ta_has_digit(x, xl) && xl >= 2 && !ta_word_in(&st->contacts, x, xl) &&
			       !ta_word_in(&st->roles, x, xl) && !ta_role_compound(st, x, xl) && !ta_word_in(&st->notnames, x, xl) &&
			       !ta_word_in(&st->orgwords, x, xl) && (x[xl - 1] != '.' || xl == 2) &&
			       (k + 1 == i + len || (x[xl - 1] != ',' && x[xl - 1] != ':'));
		}
		if (!name)
			break;
		/* what follows, as in a contact's address lines (no comma: "Ernst Lohmeyer, Vorstandsvorsitzender
		 * der Beispielmesse, im Interview" is a teaser): a telephone ("Telefon +49"), a role, a
		 * role after one adjective ("Stellvertretende Pressesprecherin"); after a label, a comma */
		size_t n = i + len;
		bool comma = w.w[n - 1][w.l[n - 1] - 1] == ',';
		bool phone = ta_word_in(&st->contacts, w.w[n], w.l[n]) && n + 1 < w.n &&
		             (ta_has_digit(w.w[n + 1], w.l[n + 1]) || w.w[n + 1][0] == '+');
		bool role = ta_word_in(&st->roles, w.w[n], w.l[n]) || ta_role_compound(st, w.w[n], w.l[n]) ||
		            (n + 1 < w.n && ta_has_upper_start(w.w[n], w.l[n]) &&
		             (ta_word_in(&st->roles, w.w[n + 1], w.l[n + 1]) || ta_role_compound(st, w.w[n + 1], w.l[n + 1])));
		if (!(labelled && comma) && (comma || !(phone || role)))
			continue;
		size_t l = (size_t)(w.w[n - 1] + w.l[n - 1] - w.w[b]);
		while (l && (w.w[b][l - 1] == ',' || w.w[b][l - 1] == ':'))
			l--;
		char *nm = galley_strndup(w.w[b], l);
		/* a person's name, the title "Dr." aside */
		char *bare = galley_strndup(w.w[i], (size_t)(w.w[n - 1] + w.l[n - 1] - w.w[i]));
		ta_names tmp = {0};
		ta_names_add(&tmp, bare);
		if (ta_plausible(st, nm) && ta_person_like(st, &tmp))
			ta_names_add(out, nm);
		ta_names_free(&tmp);
		free(bare);
		free(nm);
		break;
	}
	free(norm);
}

/* A speech's page: its title names the speaker, the text's author, after a label and roles
 * ("Rede von Bundespräsidentin Erika Mustermann beim Kongress ...", "Speech by Prime Minister Jane Doe at ..."): a full name only. */
void ta_speech_title(const ta_state *st, const char *title, ta_names *out)
{
	if (!title || strlen(title) > 240)
		return;
	char *norm = galley_ws_normalize(title);
	ta_words w;
	ta_split_words(norm, &w);
	size_t lab = w.n >= 4 && ta_word_in(&st->speeches, w.w[0], w.l[0]) ? ta_label_at(st, &w, 1) : 0;
	if (lab) {
		size_t i = 1 + lab;
		while (i < w.n && (ta_word_in(&st->roles, w.w[i], w.l[i]) || ta_role_compound(st, w.w[i], w.l[i])))
			i++;
		size_t j = i;
		bool closed = false;
		while (j < w.n && j - i < 4 && !closed && ta_has_upper_start(w.w[j], w.l[j]) && !ta_has_digit(w.w[j], w.l[j]) &&
		       !ta_word_in(&st->notnames, w.w[j], w.l[j]) && !ta_word_in(&st->orgwords, w.w[j], w.l[j])) {
			char last = w.w[j][w.l[j] - 1];
			closed = last == ',' || last == ':';
			j++;
		}
		/* the name ends where the title goes on in lower case ("beim", "at") or a mark */
		if (j > i + 1 && (closed || j == w.n || !ta_has_upper_start(w.w[j], w.l[j]))) {
			size_t len = (size_t)(w.w[j - 1] + w.l[j - 1] - w.w[i]);
			while (len && (w.w[i][len - 1] == ',' || w.w[i][len - 1] == ':'))
				len--;
			char *nm = galley_strndup(w.w[i], len);
			ta_names tmp = {0};
			ta_names_add(&tmp, nm);
			if (ta_plausible(st, nm) && ta_person_like(st, &tmp))
				ta_names_add(out, nm);
			ta_names_free(&tmp);
			free(nm);
		}
	}
	free(norm);
}

/* An agency's credit that opens the story, as written: a paragraph that is the credit alone
 * ("JIJI" under the headline), or the dateline's credit in parentheses before a dash ("Hamburg
 * (dpa/lno) – Nach einem langen Streit ...", "WASHINGTON (AP) — ..."). */
bool ta_agency_credit(const ta_state *st, const char *text, ta_names *out)
{
	size_t n = strlen(text);
	const char *c0 = NULL, *c1 = NULL;
	if (n <= 24) {
		/* alone, the whole credit is an agency's name, or one with its desk after a slash
		 * ("JIJI", "dpa/lno"), not a line that opens with a word like one ("Mehr Infos") */
		char *lo = ta_lower(text, n);
		bool whole = ta_set_get(&st->outlets, lo, strlen(lo)) >= 0 || (strchr(text, '/') && !strchr(text, ' '));
		free(lo);
		if (!whole)
			return false;
		c0 = text;
		c1 = text + n;
	} else {
		const char *open = memchr(text, '(', n < 48 ? n : 48);
		const char *close = open ? strchr(open, ')') : NULL;
		if (!close || close - open > 25 || memchr(open + 1, '(', (size_t)(close - open - 1)))
			return false;
		/* the place before it: one to three capitalised words */
		ta_words w;
		char *place = galley_strndup(text, (size_t)(open - text));
		ta_split_words(place, &w);
		bool ok = w.n >= 1 && w.n <= 3;
		for (size_t i = 0; i < w.n && ok; i++)
			ok = ta_has_upper_start(w.w[i], w.l[i]) && !ta_has_digit(w.w[i], w.l[i]);
		free(place);
		const char *after = close + 1;
		while (*after == ' ')
			after++;
		if (!ok || !(*after == '-' || !strncmp(after, "\xe2\x80\x93", 3) || !strncmp(after, "\xe2\x80\x94", 3)))
			return false;
		c0 = open + 1;
		c1 = close;
	}
	while (c0 < c1 && *c0 == ' ')
		c0++;
	while (c1 > c0 && (c1[-1] == ' ' || c1[-1] == '.'))
		c1--;
	if (c1 <= c0 || !ta_agency_word(st, c0, (size_t)(c1 - c0)))
		return false;
	char *credit = galley_strndup(c0, (size_t)(c1 - c0));
	ta_words w;
	ta_split_words(credit, &w);
	bool ok = w.n <= 3 && ta_plausible(st, credit);
	if (ok)
		ta_names_add(out, credit);
	free(credit);
	return ok;
}

/* A post's meta line that gives the author then "@" and the time: "Filed under: News — jdoe
 * @ 00:11 Tags: ...": the words between a separator and the "@" (a user name or a person's
 * name). */
void ta_at_time_name(const ta_state *st, const char *text, ta_names *out, const char *site)
{
	if (!text || strlen(text) > 200)
		return;
	char *s = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(s, &w);
	for (size_t k = 1; k + 1 < w.n && !out->n; k++) {
		const char *t = w.w[k + 1];
		size_t tl = w.l[k + 1];
		bool time = w.l[k] == 1 && w.w[k][0] == '@' && tl >= 4 && t[0] >= '0' && t[0] <= '9' &&
		            (t[1] == ':' || (t[1] >= '0' && t[1] <= '9' && t[2] == ':'));
		if (!time)
			continue;
		/* back to a separator ("—", "|", "-", "·") or the line's start, at most three words */
		size_t b = k;
		bool sep = false;
		while (b > 0 && k - b <= 3) {
			const char *q = w.w[b - 1];
			uint32_t c = galley_utf8_next(&q, w.w[b - 1] + w.l[b - 1]);
			if (!ta_is_letter(c)) {
				sep = true;
				break;
			}
			b--;
		}
		if (b == k || k - b > 3 || (b > 0 && !sep))
			continue; /* no separator before the name: a sentence's words */
		char *nm = galley_strndup(w.w[b], (size_t)(w.w[k - 1] + w.l[k - 1] - w.w[b]));
		ta_names tmp = {0};
		ta_names_add(&tmp, nm);
		if (ta_plausible(st, nm) && !ta_is_qualifier(st, nm, site) && (k - b == 1 || ta_person_like(st, &tmp)))
			ta_names_add(out, nm);
		ta_names_free(&tmp);
		free(nm);
	}
	free(s);
}

/* The title credits a name that the page also shows alone on a line: "example.com reviewed by
 * Mrs J Doe" with "Mrs J Doe" beside the review. */
void ta_title_credit(ta_doc *d, const char *title, ta_names *out)
{
	const ta_state *st = d->st;
	if (!title || strlen(title) > 200)
		return;
	char *norm = galley_ws_normalize(title);
	ta_words w;
	ta_split_words(norm, &w);
	for (size_t i = 1; i + 2 < w.n && !out->n; i++) {
		if (!ta_by_word(w.w[i], w.l[i]) || !ta_has_upper_start(w.w[i + 1], w.l[i + 1]))
			continue;
		/* to the title's end or a separator ("... by Jane Doe | Site") */
		size_t j = i + 1;
		while (j < w.n && ta_has_upper_start(w.w[j], w.l[j]) && !ta_has_digit(w.w[j], w.l[j]) &&
		       !ta_word_in(&st->orgwords, w.w[j], w.l[j]) && !ta_word_in(&st->notauthors, w.w[j], w.l[j]))
			j++;
		size_t nw = j - i - 1;
		if (nw < 2 || nw > 4)
			continue;
		if (j < w.n) {
			const char *q = w.w[j];
			if (ta_is_letter(galley_utf8_next(&q, w.w[j] + w.l[j])))
				continue;
		}
		char *nm = galley_strndup(w.w[i + 1], (size_t)(w.w[j - 1] + w.l[j - 1] - w.w[i + 1]));
		bool shown = false;
		for (size_t k = 0; k < galley_article_n_removed(d->a) && !shown; k++) {
			const galley_removed *r = galley_article_removed(d->a, k);
			shown = r->text && strcmp(r->reason, "title") != 0 && !strcmp(r->text, nm);
		}
		for (size_t k = 0; k < d->nbody && !shown; k++)
			shown = d->p[k].len == strlen(nm) && !memcmp(d->p[k].text, nm, d->p[k].len);
		/* a courtesy title may open it ("Mrs"), no other role */
		bool role = false;
		for (size_t k = i + 2; k < j && !role; k++)
			role = ta_word_in(&st->roles, w.w[k], w.l[k]) || ta_role_compound(st, w.w[k], w.l[k]);
		if (shown && !role && ta_plausible(st, nm))
			ta_names_add(out, nm);
		free(nm);
	}
	free(norm);
}

/* A page about a person, the title the person's name alone after "Über"/"About": "About Anna
 * Roe | " (a personal site's about page), the name opening with a common given name. */
void ta_about_title(ta_doc *d, const char *title, ta_names *out)
{
	const ta_state *st = d->st;
	if (!title || strlen(title) > 120)
		return;
	char *norm = galley_ws_normalize(title);
	ta_words w;
	ta_split_words(norm, &w);
	if (w.n >= 3 && ta_word_in(&st->about, w.w[0], w.l[0]) && ta_word_in(&st->given, w.w[1], w.l[1])) {
		size_t j = 1;
		while (j < w.n && j <= 3 && ta_has_upper_start(w.w[j], w.l[j]) && !ta_has_digit(w.w[j], w.l[j]))
			j++;
		bool ends = j == w.n;
		if (j < w.n) {
			const char *q = w.w[j];
			ends = !ta_is_letter(galley_utf8_next(&q, w.w[j] + w.l[j]));
		}
		if (ends && j >= 3) {
			char *nm = galley_strndup(w.w[1], (size_t)(w.w[j - 1] + w.l[j - 1] - w.w[1]));
			ta_names tmp = {0};
			ta_names_add(&tmp, nm);
			if (ta_plausible(st, nm) && ta_person_like(st, &tmp) && ta_person_text(d, nm))
				ta_names_add(out, nm);
			ta_names_free(&tmp);
			free(nm);
		}
	}
	free(norm);
}

void ta_emphasised_byline(const ta_state *st, xmlNodePtr n, ta_names *out, const char *site, size_t *seen, int depth)
{
	static const char *const emph[] = {"em", "i", "strong", "b"};
	for (xmlNodePtr c = n->children; c && !out->n && *seen < 200 && depth < 8; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			*seen += c->content ? strlen((const char *)c->content) : 0;
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		bool is_emph = false;
		for (size_t k = 0; k < sizeof emph / sizeof emph[0] && !is_emph; k++)
			is_emph = !xmlStrcasecmp(c->name, BAD_CAST emph[k]);
		if (!is_emph) {
			ta_emphasised_byline(st, c, out, site, seen, depth + 1);
			continue;
		}
		xmlChar *txt = xmlNodeGetContent(c);
		char *t = txt ? galley_ws_normalize((const char *)txt) : NULL;
		xmlFree(txt);
		if (t && strlen(t) <= 60) {
			ta_names tmp = {0};
			ta_find_labelled(st, t, &tmp, site, false);
			if (tmp.n && ta_person_like(st, &tmp))
				*out = tmp;
			else
				ta_names_free(&tmp);
		}
		*seen += t ? strlen(t) : 0;
		free(t);
		*seen = 200; /* the first emphasised run only */
	}
}

/* Is name, the line under the badge's picture, a writer's handle or name?  One word that is
 * no label or common word, or a person's name; not the person the title is about (a
 * captioned portrait). */
static bool ta_badge_line(ta_doc *d, const char *name)
{
	ta_words w;
	ta_split_words(name, &w);
	if (!w.n || w.n > 3 || (w.n == 1 && (ta_word_in(&d->st->notauthors, w.w[0], w.l[0]) ||
	                                       ta_word_in(&d->st->notnames, w.w[0], w.l[0]))))
		return false;
	const char *title = galley_article_get(d->a, GALLEY_FIELD_TITLE);
	return !(w.n > 1 && !ta_person_text(d, name)) && !(title && strstr(title, name));
}

/* The badge's line under the picture, in characters: a handle or a name. */
enum { TA_BADGE_LINE_MIN = 2, TA_BADGE_LINE_MAX = 40 };
/* The nodes looked at before the body's first text for the badge's picture. */
enum { TA_BADGE_SCAN = 64 };

/* Which picture opens the body: the one picture before target, or the first of several. */
typedef enum ta_badge_pick { TA_BADGE_ALONE, TA_BADGE_FIRST } ta_badge_pick;

/* The picture before the body's first text and target (within the first nodes), or NULL. */
static xmlNodePtr ta_badge_picture(ta_doc *d, xmlNodePtr target, ta_badge_pick pick)
{
	xmlDocPtr body = galley_article_body(d->a);
	if (!body)
		return NULL;
	xmlNodePtr root = galley_body_root(body), pic = NULL;
	size_t seen = 0;
	for (xmlNodePtr n = root; n && n != target && seen < TA_BADGE_SCAN; n = galley_node_next(n, root, true), seen++) {
		if (n->type == XML_TEXT_NODE && n->content) {
			for (const xmlChar *c = n->content; *c; c++)
				if (!strchr(" \t\r\n", *c))
					return pick == TA_BADGE_FIRST ? pic : NULL; /* text: the line under the first was set apart */
		} else if (n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, "img")) {
			if (pic && pick == TA_BADGE_FIRST)
				return pic;
			if (pic)
				return NULL;
			pic = n;
		}
	}
	return seen < TA_BADGE_SCAN ? pic : NULL;
}

/* Does the picture's alternative text or title say name? */
static bool ta_badge_says(xmlNodePtr pic, const char *name)
{
	bool same = false;
	static const char *const attrs[] = {"alt", "title"};
	for (size_t k = 0; k < 2 && !same; k++) {
		xmlChar *v = xmlGetProp(pic, BAD_CAST attrs[k]);
		char *nv = v ? galley_ws_normalize((const char *)v) : NULL;
		xmlFree(v);
		same = nv && !strcmp(nv, name);
		free(nv);
	}
	return same;
}

/* The article's text opening with its writer's badge: a picture alone, its alternative text or
 * title a name, then that name alone on the next line (a member's avatar and handle over a
 * community post, a columnist's portrait over the column: <img alt="jdoe42"> then
 * "jdoe42"), kept in the text or set apart by the stripper as the text's header. A handle of
 * one word, or a person's name; nothing else before them. */
bool ta_badge_name(ta_doc *d, ta_names *out)
{
	if (!d->nbody || !d->gp || !d->gp->n || !d->gp->node[0])
		return false;
	const char *name = d->p[0].text;
	if (d->p[0].len <= TA_BADGE_LINE_MAX && d->p[0].len >= TA_BADGE_LINE_MIN && ta_badge_line(d, name)) {
		xmlNodePtr pic = ta_badge_picture(d, d->gp->node[0], TA_BADGE_ALONE);
		if (pic && ta_badge_says(pic, name)) {
			ta_names_add(out, name);
			return true;
		}
	}
	/* the handle set apart as the text's header line, the picture kept (the post's own
	 * pictures may follow it) */
	xmlNodePtr pic = ta_badge_picture(d, d->gp->node[0], TA_BADGE_FIRST);
	for (size_t i = 0; pic && i < galley_article_n_removed(d->a); i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		if (r->text && r->reason && !strcmp(r->reason, "header") && strlen(r->text) <= TA_BADGE_LINE_MAX && ta_badge_says(pic, r->text) &&
		    ta_badge_line(d, r->text)) {
			ta_names_add(out, r->text);
			return true;
		}
	}
	return false;
}

/* The first line of an element's text, up to its first line break: "Press Office" of
 * "<strong>Press Office</strong><br/>1 Example Street<br/>Example Town". */
static char *ta_first_line(xmlNodePtr el)
{
	galley_buf b = {0};
	size_t seen = 0;
	bool text = false;
	for (xmlNodePtr n = el->children; n && seen < 200; n = galley_node_next(n, el, true), seen++) {
		if (n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, "br")) {
			if (text)
				break;
		} else if (n->type == XML_TEXT_NODE && n->content) {
			galley_buf_puts(&b, (const char *)n->content);
			for (const xmlChar *c = n->content; *c && !text; c++)
				text = !strchr(" \t\r\n", *c);
		}
	}
	galley_buf_putc(&b, 0);
	char *raw = galley_buf_steal(&b);
	char *line = galley_ws_normalize(raw);
	free(raw);
	return line;
}

/* Is a word a press office's or a department's, or a German compound ending in one
 * ("Hochschulkommunikation")? */
bool ta_office_word(const ta_state *st, const char *w, size_t l)
{
	while (l && strchr(",.:;", w[l - 1]))
		l--;
	char *lo = ta_lower(w, l);
	size_t n = strlen(lo);
	bool hit = ta_set_get(&st->offices, lo, n) >= 0;
	for (size_t k = 1; !hit && n >= 8 && k + 8 <= n; k++)
		if (((unsigned char)lo[k] & 0xc0) != 0x80)
			hit = ta_set_get(&st->offices, lo + k, n - k) >= 0;
	free(lo);
	return hit;
}

/* A release's sender heading its text: a person's name and their office on the first line of
 * the text's first paragraph, the institution on the next ("Dr. Erika Mustermann <em>Abteilung
 * Öffentlichkeitsarbeit</em><br/>Gesellschaft der Beispielforscher e.V."): that line, as the
 * page shows it. */
bool ta_sender_line(ta_doc *d, ta_names *out)
{
	if (!d->nbody || !d->gp || !d->gp->n || !d->gp->node[0] || d->p[0].len > 160)
		return false;
	char *line = ta_first_line(d->gp->node[0]);
	size_t n = strlen(line);
	ta_words w;
	ta_split_words(line, &w);
	/* a second line follows; no date, no address */
	bool ok = n >= 5 && n <= 80 && n + 3 < d->p[0].len && !ta_has_digit(line, n) && w.n >= 3 && w.n <= 8;
	/* the name (a title before it: "Dr."), then the office */
	size_t s = 0;
	while (ok && s < w.n && ta_word_in(&d->st->roles, w.w[s], w.l[s]))
		s++;
	size_t k = s + 2;
	while (ok && k < w.n && k <= s + 4 && !ta_office_word(d->st, w.w[k], w.l[k]))
		k++;
	ok = ok && k < w.n && k <= s + 4;
	if (ok) {
		char *name = galley_strndup(w.w[s], (size_t)(w.w[k - 1] + w.l[k - 1] - w.w[s]));
		ok = ta_person_text(d, name);
		free(name);
	}
	if (ok)
		ta_names_add(out, line);
	free(line);
	return ok;
}

/* A press release's issuer: its label alone in a paragraph of the text, the issuing office on
 * the next paragraph's first line and its address after it ("Herausgeber:" then "Pressestelle
 * des Beispielverbandes<br/>Musterstraße 1<br/>12345 Musterstadt"). */
bool ta_issuer(ta_doc *d, ta_names *out)
{
	for (size_t i = 0; i + 1 < d->nbody && d->gp && i + 1 < d->gp->n; i++) {
		const ta_para *P = &d->p[i];
		if (P->len < 3 || P->len > 30 || !d->gp->node[i + 1])
			continue;
		char *lab = galley_ws_normalize(P->text);
		size_t ll = strlen(lab);
		bool label = false;
		if (ll > 1 && lab[ll - 1] == ':') {
			char *lo = ta_lower(lab, ll - 1);
			label = ta_set_get(&d->st->issuers, lo, strlen(lo)) >= 0;
			free(lo);
		}
		free(lab);
		if (!label)
			continue;
		/* an office that issues releases, not a book's publisher in a review's list of facts
		 * ("Herausgeber:" then "Beispiel Verlag") */
		char *line = ta_first_line(d->gp->node[i + 1]);
		size_t n = strlen(line);
		ta_words w;
		ta_split_words(line, &w);
		bool office = false;
		for (size_t k = 0; k < w.n && !office; k++)
			office = ta_office_word(d->st, w.w[k], w.l[k]);
		if (n && n <= 80 && office && !ta_has_digit(line, n) && ta_plausible_as(d->st, line, TA_NAME_LENIENT))
			ta_names_add(out, line);
		free(line);
		return out->n > 0;
	}
	return false;
}
