/* tag-attribution: names of people and organisations as strings: name lists, word splitting,
 * whether a string is a plausible person's name, qualifiers and places after a name. */
#include "ta_private.h"

void ta_names_free(ta_names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
	ns->v = NULL;
	ns->n = 0;
}

bool ta_ieq(const char *a, const char *b)
{
	char *la = ta_lower(a, strlen(a)), *lb = ta_lower(b, strlen(b));
	bool eq = !strcmp(la, lb);
	free(la);
	free(lb);
	return eq;
}

void ta_names_add(ta_names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (ta_ieq(ns->v[i], s))
			return;
	ns->v = galley_realloc(ns->v, (ns->n + 1) * sizeof *ns->v);
	ns->v[ns->n++] = galley_strdup(s);
}

void ta_split_words(const char *s, ta_words *out)
{
	out->n = 0;
	while (*s && out->n < 64) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		const char *e = strchr(s, ' ');
		if (!e)
			e = s + strlen(s);
		out->w[out->n] = s;
		out->l[out->n++] = (size_t)(e - s);
		s = e;
	}
}

bool ta_word_in(const ta_set *set, const char *w, size_t l)
{
	char *lo = ta_lower(w, l);
	size_t n = strlen(lo);
	while (n && (lo[n - 1] == ':' || lo[n - 1] == ',' || lo[n - 1] == '.'))
		lo[--n] = 0;
	bool in = n && ta_set_get(set, lo, n) >= 0;
	free(lo);
	return in;
}

bool ta_has_upper_start(const char *w, size_t l)
{
	const char *p = w;
	return ta_is_upper(galley_utf8_next(&p, w + l));
}

/* Every word after the first capitalised and none a particle: a particle that opens such a
 * name is a given name ("Al Morrow"), not a lower-case phrase ("den idw"). */
static bool ta_capitalised_rest(const ta_state *st, const ta_words *w)
{
	for (size_t i = 1; i < w->n; i++)
		if (!ta_has_upper_start(w->w[i], w->l[i]) || ta_word_in(&st->particles, w->w[i], w->l[i]))
			return false;
	return true;
}


/* An agency credit: "dsw / DPA", "dpa/lno", "APA/AP", "NORDFUNK KIEL/ls": up to three words,
 * each next to the slash (not "A/B bei C"). */
bool ta_slash_credit(const char *s)
{
	size_t n = strlen(s);
	if (!strchr(s, '/') || n > 30 || ta_has_digit(s, n))
		return false;
	ta_words w;
	ta_split_words(s, &w);
	if (!w.n || w.n > 3)
		return false;
	bool credit = true;
	for (size_t i = 0; i < w.n && credit; i++)
		credit = memchr(w.w[i], '/', w.l[i]) || (i > 0 && memchr(w.w[i - 1], '/', w.l[i - 1])) ||
		         (i + 1 < w.n && memchr(w.w[i + 1], '/', w.l[i + 1]));
	return credit;
}

/* Is this one author's name (a person or an organisation), not a sentence or a date?
 * TA_NAME_LENIENT: a metadata value, which is meant to be a name ("Karim haddad", "Der
 * Bastelbär"). */
bool ta_plausible_as(const ta_state *st, const char *s, ta_name_check check)
{
	bool lenient = check == TA_NAME_LENIENT;
	size_t n = strlen(s);
	if (n < 2 || n > 70)
		return false;
	/* a site's address alone, as a blog signs its posts ("Autor: www.wanderkiste.de") */
	bool site_name = !strncmp(s, "www.", 4) && !strchr(s, ' ') && !strchr(s, '/') && strchr(s + 4, '.') && s[n - 1] != '.';
	if (site_name)
		return true;
	if (strstr(s, "://") || strstr(s, "www.") || s[0] == '@' || strchr(s, '{') || strchr(s, '<') || strchr(s, '!') || strchr(s, '?'))
		return false;
	ta_words w;
	ta_split_words(s, &w);
	if (w.n == 0 || w.n > 7)
		return false;
	/* a German noun in both genders is a role, no name: "Geprüfte/r Gartenfreund/in", "Leser/innen" */
	for (size_t i = 0; i < w.n; i++) {
		static const char *const gendered[] = {"/r", "/in", "/innen"};
		for (size_t k = 0; k < sizeof gendered / sizeof gendered[0]; k++) {
			size_t gl = strlen(gendered[k]);
			if (w.l[i] > gl + 1 && !memcmp(w.w[i] + w.l[i] - gl, gendered[k], gl))
				return false;
		}
	}
	if (ta_slash_credit(s))
		return true;
	/* a credit for other work than the writing, or a byline's "by" in the run before a
	 * capitalised word: "Second Edition Edited by Omar Haddad", "Editing by John Roe" name no
	 * author (a name's particle is no label: "Konrad von Lindenau"; nor is "from" in "James
	 * Corrigan from University of Exampleton") */
	for (size_t i = 0; i < w.n; i++) {
		if (ta_word_in(&st->othercredits, w.w[i], w.l[i]))
			return false;
		static const char *const by[] = {"by", "par", "por", "door"};
		bool label = false;
		for (size_t k = 0; k < sizeof by / sizeof by[0] && !label; k++)
			label = w.l[i] == strlen(by[k]) && !memcmp(w.w[i], by[k], w.l[i]);
		if (label && i > 0 && i + 1 < w.n && ta_has_upper_start(w.w[i + 1], w.l[i + 1]))
			return false;
	}
	size_t lower = 0, digits = 0, neutral = 0;
	for (size_t i = 0; i < w.n; i++) {
		bool dig = false;
		for (size_t k = 0; k < w.l[i]; k++)
			if (w.w[i][k] >= '0' && w.w[i][k] <= '9')
				dig = true;
		if (dig)
			digits++;
		bool letter = false;
		for (const char *p = w.w[i], *e = w.w[i] + w.l[i]; p < e && !letter;)
			letter = ta_is_letter(galley_utf8_next(&p, e));
		if (!letter) {
			neutral++;
			continue;
		}
		if (!ta_has_upper_start(w.w[i], w.l[i]) && !ta_word_in(&st->particles, w.w[i], w.l[i]))
			lower++;
	}
	/* metadata may start with a lower-case brand ("webwerk-it Webteam", "fahr-test.at Redaktion") */
	if (w.n - neutral > 1 && lower > (lenient ? (w.n - neutral) / 2 : 0))
		return false;
	if (digits > 1 || (digits && w.n > 1))
		return false;
	/* several words start with a capital: "deinen Hochzeitsbloggern", "den idw" are not names */
	if (!lenient && w.n > 1 && (!ta_has_upper_start(w.w[0], w.l[0]) || (ta_word_in(&st->particles, w.w[0], w.l[0]) && !ta_capitalised_rest(st, &w))))
		return false;
	{
		const char *p = w.w[0];
		if (!ta_is_letter(galley_utf8_next(&p, w.w[0] + w.l[0])) || (w.w[0][0] >= '0' && w.w[0][0] <= '9'))
			return false;
	}
	if (w.n == 1 && (ta_word_in(&st->notauthors, w.w[0], w.l[0]) || ta_word_in(&st->notnames, w.w[0], w.l[0]) || ta_word_in(&st->prefixes, w.w[0], w.l[0]) ||
	                 ta_word_in(&st->datewords, w.w[0], w.l[0])))
		return false;
	if (s[n - 1] == ':')
		return false;
	{
		char *lo = ta_lower(s, n);
		bool junk = ta_set_get(&st->notauthors, lo, strlen(lo)) >= 0;
		free(lo);
		if (junk)
			return false;
	}
	return true;
}

bool ta_plausible(const ta_state *st, const char *s)
{
	return ta_plausible_as(st, s, TA_NAME_STRICT);
}

bool ta_is_conj(const char *w, size_t l)
{
	return (l == 3 && !memcmp(w, "and", 3)) || (l == 3 && !memcmp(w, "und", 3)) || (l == 2 && !memcmp(w, "et", 2)) ||
	       (l == 1 && (w[0] == '&' || w[0] == 'y')) || (l == 3 && !memcmp(w, "And", 3));
}

/* "Chefredakteur", "Bundeskanzlerin": a word of 8+ letters ending with a role word. */
bool ta_role_compound(const ta_state *st, const char *w, size_t l)
{
	if (l < 8)
		return false;
	char *lo = ta_lower(w, l);
	size_t n = strlen(lo);
	bool hit = false;
	for (size_t i = 0; i < st->n_role_lens && !hit; i++) {
		size_t rl = st->role_lens[i];
		if (rl + 3 <= n && ta_set_get(&st->roles, lo + n - rl, rl) >= 0)
			hit = true;
	}
	free(lo);
	return hit;
}

bool ta_is_dr(const char *w, size_t l)
{
	char *lo = ta_lower(w, l);
	bool dr = !strcmp(lo, "dr.") || !strcmp(lo, "dr") || !strcmp(lo, "prof.") || !strcmp(lo, "prof") || !strcmp(lo, "mrs") ||
	          !strcmp(lo, "mr") || !strcmp(lo, "ms") || !strcmp(lo, "mrs.") || !strcmp(lo, "mr.") || !strcmp(lo, "ms.");
	free(lo);
	return dr;
}

bool ta_is_qualifier(const ta_state *st, const char *seg, const char *site)
{
	char *norm = galley_ws_normalize(seg);
	ta_words w;
	ta_split_words(norm, &w);
	bool q = false;
	if (!w.n)
		q = true;
	if (site && ta_ieq(norm, site))
		q = true;
	char *lo = ta_lower(norm, strlen(norm));
	if (ta_set_get(&st->outlets, lo, strlen(lo)) >= 0)
		q = true;
	static const char *const degrees[] = {"phd", "ph.d.", "md", "m.d.", "mba", "ma", "msc", "bsc", "dr.", "rn", "jr.", "sr."};
	for (size_t i = 0; i < sizeof degrees / sizeof degrees[0]; i++)
		if (!strcmp(lo, degrees[i]))
			q = true;
	/* a department of the organisation before it: "Feuerwehr Lindenhof, Abteilung Höhenrettung" */
	if (w.n && ta_office_word(st, w.w[0], w.l[0]))
		q = true;
	for (size_t i = 0; i < w.n && !q; i++) {
		char *wl = ta_lower(w.w[i], w.l[i]);
		size_t n = strlen(wl);
		if (ta_set_get(&st->particles, wl, n) >= 0) {
			free(wl);
			continue;
		}
		if (ta_set_get(&st->roles, wl, n) >= 0 || ta_set_get(&st->orgwords, wl, n) >= 0 || ta_set_get(&st->prefixes, wl, n) >= 0 ||
		    (i == 0 && ta_role_compound(st, w.w[i], w.l[i])))
			q = true; /* "Projektleiterin der Stiftung" */
		/* a role in the plural, shared by the names before it: "Jane Doe and John Roe, Local
		 * Democracy Reporters" */
		if (n > 4 && wl[n - 1] == 's' && i + 1 == w.n && ta_set_get(&st->roles, wl, n - 1) >= 0)
			q = true;
		/* compounds: "Online-Redaktion", "FOCUS-Online-Experte" */
		const char *dash = strrchr(wl, '-');
		if (dash && (ta_set_get(&st->roles, dash + 1, strlen(dash + 1)) >= 0 || ta_set_get(&st->orgwords, dash + 1, strlen(dash + 1)) >= 0))
			q = true;
		if (strchr(wl, '.') && n > 4 && !ta_is_upper((unsigned char)w.w[i][0]))
			q = true; /* a web address "phys.org" */
		static const char *const org_ends[] = {"magazin", "magazine", "zeitung", "redaktion", "verlag", "news", "online", "presse", "press"};
		for (size_t k = 0; k < sizeof org_ends / sizeof org_ends[0] && !q; k++) {
			size_t el = strlen(org_ends[k]);
			if (n > el + 3 && !memcmp(wl + n - el, org_ends[k], el))
				q = true; /* "Finanzmagazin", "Lokalzeitung" */
		}
		free(wl);
	}
	free(lo);
	free(norm);
	return q;
}

/* Is s (n bytes) a place of places.txt, whatever its case ("Washington", "NEW YORK")? */
bool ta_is_place(const ta_state *st, const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
		n--;
	while (n && *s == ' ')
		s++, n--;
	if (!n || n > 40)
		return false;
	char *lo = ta_lower(s, n);
	size_t l = strlen(lo);
	bool in = ta_set_get(&st->places, lo, l) >= 0;
	/* or without the sentence's full stop: "Jane Doe, Berlin." */
	if (!in && l > 1 && lo[l - 1] == '.')
		in = ta_set_get(&st->places, lo, l - 1) >= 0;
	free(lo);
	return in;
}
