/* tag-attribution: word sets (an open-addressing hash map from byte strings to ints, with a bloom
 * filter of its keys' hashes) and loading every vocabulary of data/tag-attribution/ into them. */
#include "ta_private.h"

static void ta_set_grow(ta_set *s)
{
	size_t ncap = s->cap ? s->cap * 2 : 64;
	char **nk = galley_calloc(ncap, sizeof *nk);
	size_t *nl = galley_calloc(ncap, sizeof *nl);
	int *nv = galley_calloc(ncap, sizeof *nv);
	for (size_t i = 0; i < s->cap; i++) {
		if (!s->keys[i])
			continue;
		size_t j = ta_hash(s->keys[i], s->klen[i]) & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = s->keys[i];
		nl[j] = s->klen[i];
		nv[j] = s->vals[i];
	}
	free(s->keys);
	free(s->klen);
	free(s->vals);
	s->keys = nk;
	s->klen = nl;
	s->vals = nv;
	s->cap = ncap;
}

void ta_set_put(ta_set *s, const char *key, size_t n, int val)
{
	if ((s->n + 1) * 2 > s->cap)
		ta_set_grow(s);
	uint64_t h = ta_hash(key, n);
	size_t m = s->cap - 1, i = h & m;
	s->bloom[(h >> 40 & 511) >> 6] |= 1ULL << (h >> 40 & 63);
	while (s->keys[i]) {
		if (s->klen[i] == n && !memcmp(s->keys[i], key, n)) {
			s->vals[i] = val;
			return;
		}
		i = (i + 1) & m;
	}
	s->keys[i] = galley_strndup(key, n);
	s->klen[i] = n;
	s->vals[i] = val;
	s->n++;
	int w = 1;
	size_t first = n;
	for (size_t k = 0; k < n; k++)
		if (key[k] == ' ') {
			if (w == 1)
				first = k;
			w++;
		}
	if (w > s->maxw)
		s->maxw = w;
	if (s->is_firsts)
		return;
	if (!s->firsts) {
		s->firsts = galley_calloc(1, sizeof *s->firsts);
		s->firsts->is_firsts = true;
	}
	ta_set_put(s->firsts, key, first, 1);
}

/* The value of key (its ta_hash h), or -1. */
int ta_set_get_h(const ta_set *s, const char *key, size_t n, uint64_t h)
{
	if (!s->cap)
		return -1;
	if (!(s->bloom[(h >> 40 & 511) >> 6] & (1ULL << (h >> 40 & 63))))
		return -1;
	size_t m = s->cap - 1, i = h & m;
	while (s->keys[i]) {
		if (s->klen[i] == n && !memcmp(s->keys[i], key, n))
			return s->vals[i];
		i = (i + 1) & m;
	}
	return -1;
}

int ta_set_get(const ta_set *s, const char *key, size_t n)
{
	return ta_set_get_h(s, key, n, ta_hash(key, n));
}

void ta_set_free(ta_set *s)
{
	if (s->firsts) {
		ta_set_free(s->firsts);
		free(s->firsts);
	}
	for (size_t i = 0; i < s->cap; i++)
		free(s->keys[i]);
	free(s->keys);
	free(s->klen);
	free(s->vals);
	memset(s, 0, sizeof *s);
}

/* Frees n owned strings and their array. */
static void ta_free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}


void ta_state_free(ta_state *st)
{
	if (!st)
		return;
	ta_set *sets[] = {&st->indefinites, &st->photowords, &st->othercredits, &st->titleopeners, &st->determiners, &st->aftercues, &st->placepreps, &st->preps, &st->verbs, &st->cues, &st->relay, &st->pronouns, &st->roles, &st->orgwords,
	                  &st->notnames, &st->prefixes, &st->particles, &st->months, &st->outlets,
	                  &st->srccues, &st->srcbefore, &st->srcafter, &st->agencyafter, &st->agencybefore,
	                  &st->credit, &st->creditphrase, &st->srclistener, &st->newswords, &st->datewords, &st->notauthors, &st->joins, &st->speeches, &st->contacts, &st->given, &st->places, &st->about, &st->issuers, &st->offices, &st->datemonths};
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		ta_set_free(sets[i]);
	ta_free_strv(st->relay_close, st->n_relay);
	ta_free_strv(st->outlet_names, st->n_outlets);
	ta_free_strv(st->role_list, st->n_role_list);
	ta_free_strv(st->date_pub, st->n_date_pub);
	ta_free_strv(st->date_upd, st->n_date_upd);
	dc_vocab_free(st->discourse);
	free(st);
}

/* Lower-case, collapse white space, and add to set. */
static void ta_put_lower(ta_set *s, const char *word, size_t n, int val)
{
	galley_buf b = {0};
	char *ws = galley_strndup(word, n);
	char *norm = galley_ws_normalize(ws);
	ta_lower_into(&b, norm, strlen(norm));
	if (b.len)
		ta_set_put(s, b.data, b.len, val);
	galley_buf_free(&b);
	free(norm);
	free(ws);
}

static int ta_load_words(const char *rel, ta_set *s, galley_error *err)
{
	galley_wordlist w = {0};
	int rc = galley_wordlist_load(rel, &w, err);
	if (rc != GALLEY_OK)
		return rc;
	for (size_t i = 0; i < w.n; i++)
		ta_put_lower(s, w.items[i], strlen(w.items[i]), 1);
	galley_wordlist_free(&w);
	return GALLEY_OK;
}

static void ta_add_outlet(ta_state *st, const char *alias, size_t alen, const char *name)
{
	st->outlet_names = galley_realloc(st->outlet_names, (st->n_outlets + 1) * sizeof *st->outlet_names);
	st->outlet_names[st->n_outlets] = galley_strdup(name);
	ta_put_lower(&st->outlets, alias, alen, (int)st->n_outlets);
	st->n_outlets++;
}

/* Lines "alias<TAB>Name" or "Name". */
static void ta_outlets_from(ta_state *st, galley_wordlist *w)
{
	for (size_t i = 0; i < w->n; i++) {
		const char *line = w->items[i];
		const char *tab = strchr(line, '\t');
		if (tab) {
			char *name = galley_ws_normalize(tab + 1);
			if (*name)
				ta_add_outlet(st, line, (size_t)(tab - line), name);
			free(name);
		} else {
			ta_add_outlet(st, line, strlen(line), line);
		}
	}
}

static int ta_load_outlets_path(ta_state *st, const char *path, galley_error *err)
{
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = galley_read_file(path, &data, &len, 16u << 20, err);
	if (rc != GALLEY_OK) {
		galley_error_prefix(err, "outlets=%s", path);
		return GALLEY_ERR_FATAL;
	}
	galley_wordlist w = {0};
	char *p = (char *)data;
	while (p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		char *cr = strchr(p, '\r');
		if (cr)
			*cr = 0;
		while (*p == ' ')
			p++;
		if (*p && *p != '#') {
			w.items = galley_realloc(w.items, (w.n + 1) * sizeof *w.items);
			w.items[w.n++] = galley_strdup(p);
		}
		p = nl ? nl + 1 : NULL;
	}
	ta_outlets_from(st, &w);
	galley_wordlist_free(&w);
	free(data);
	return GALLEY_OK;
}

static int ta_load_tsv(const char *rel, galley_wordlist *w, galley_error *err)
{
	return galley_wordlist_load(rel, w, err);
}

int ta_load(ta_state *st, const char *extra_outlets, galley_error *err)
{
	static const struct {
		const char *file;
		size_t off;
	} lists[] = {
		{"tag-attribution/speech-verbs.txt", offsetof(ta_state, verbs)},
		{"tag-attribution/cue-phrases.txt", offsetof(ta_state, cues)},
		{"tag-attribution/after-cues.txt", offsetof(ta_state, aftercues)},
		{"tag-attribution/pronouns.txt", offsetof(ta_state, pronouns)},
		{"tag-attribution/role-words.txt", offsetof(ta_state, roles)},
		{"tag-attribution/org-words.txt", offsetof(ta_state, orgwords)},
		{"tag-attribution/not-names.txt", offsetof(ta_state, notnames)},
		{"tag-attribution/byline-prefixes.txt", offsetof(ta_state, prefixes)},
		{"tag-attribution/name-particles.txt", offsetof(ta_state, particles)},
		{"tag-attribution/prepositions.txt", offsetof(ta_state, preps)},
		{"tag-attribution/place-prepositions.txt", offsetof(ta_state, placepreps)},
		{"tag-attribution/determiners.txt", offsetof(ta_state, determiners)},
		{"tag-attribution/photo-words.txt", offsetof(ta_state, photowords)},
		{"tag-attribution/other-credits.txt", offsetof(ta_state, othercredits)},
		{"tag-attribution/title-openers.txt", offsetof(ta_state, titleopeners)},
		{"tag-attribution/indefinites.txt", offsetof(ta_state, indefinites)},
		{"tag-attribution/byline-stops.txt", offsetof(ta_state, datewords)},
		{"tag-attribution/not-authors.txt", offsetof(ta_state, notauthors)},
		{"tag-attribution/byline-joins.txt", offsetof(ta_state, joins)},
		{"tag-attribution/speech-words.txt", offsetof(ta_state, speeches)},
		{"tag-attribution/contact-words.txt", offsetof(ta_state, contacts)},
		{"tag-attribution/given-names.txt", offsetof(ta_state, given)},
		{"tag-attribution/places.txt", offsetof(ta_state, places)},
		{"tag-attribution/about-words.txt", offsetof(ta_state, about)},
		{"tag-attribution/issuer-labels.txt", offsetof(ta_state, issuers)},
		{"tag-attribution/office-words.txt", offsetof(ta_state, offices)},
		{"tag-attribution/news-words.txt", offsetof(ta_state, newswords)},
	};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		int rc = ta_load_words(lists[i].file, (ta_set *)((char *)st + lists[i].off), err);
		if (rc != GALLEY_OK)
			return rc;
	}
	/* roles long enough to end a German compound */
	for (size_t i = 0; i < st->roles.cap; i++) {
		if (st->roles.keys[i] && st->roles.klen[i] >= 4) {
			st->role_list = galley_realloc(st->role_list, (st->n_role_list + 1) * sizeof *st->role_list);
			st->role_list[st->n_role_list++] = galley_strdup(st->roles.keys[i]);
			size_t l = st->roles.klen[i], k = 0;
			while (k < st->n_role_lens && st->role_lens[k] != l)
				k++;
			if (k == st->n_role_lens && k < sizeof st->role_lens / sizeof st->role_lens[0])
				st->role_lens[st->n_role_lens++] = l;
		}
	}

	galley_wordlist w = {0};
	int rc = ta_load_tsv("tag-attribution/quoted-as.txt", &w, err);
	if (rc != GALLEY_OK)
		return rc;
	for (size_t i = 0; i < w.n; i++) {
		const char *tab = strchr(w.items[i], '\t');
		if (!tab)
			continue;
		st->relay_close = galley_realloc(st->relay_close, (st->n_relay + 1) * sizeof *st->relay_close);
		st->relay_close[st->n_relay] = ta_lower(tab + 1, strlen(tab + 1));
		ta_put_lower(&st->relay, w.items[i], (size_t)(tab - w.items[i]), (int)st->n_relay);
		st->n_relay++;
	}
	galley_wordlist_free(&w);

	rc = ta_load_tsv("tag-attribution/date-labels.tsv", &w, err);
	if (rc != GALLEY_OK)
		return rc;
	for (size_t i = 0; i < w.n; i++) {
		const char *tab = strchr(w.items[i], '\t');
		if (!tab || !tab[1])
			continue;
		bool pub = (size_t)(tab - w.items[i]) == 9 && !memcmp(w.items[i], "published", 9);
		char ***v = pub ? &st->date_pub : &st->date_upd;
		size_t *nv = pub ? &st->n_date_pub : &st->n_date_upd;
		*v = galley_realloc(*v, (*nv + 1) * sizeof **v);
		(*v)[(*nv)++] = ta_lower(tab + 1, strlen(tab + 1));
	}
	galley_wordlist_free(&w);

	galley_month_names mn;
	rc = galley_month_names_load(&mn, err);
	if (rc != GALLEY_OK)
		return rc;
	for (size_t i = 0; i < mn.n; i++) {
		/* a month that is also a name ("julio", "mayo") is read in dates only, not taken for a
		 * date among a byline's names */
		const galley_month_name *m = &mn.items[i];
		ta_put_lower(&st->datemonths, m->name, strlen(m->name), m->month);
		if (m->use == GALLEY_MONTH_ANYWHERE)
			ta_put_lower(&st->months, m->name, strlen(m->name), m->month);
	}
	galley_month_names_free(&mn);

	rc = ta_load_tsv("tag-attribution/source-cues.tsv", &w, err);
	if (rc != GALLEY_OK)
		return rc;
	for (size_t i = 0; i < w.n; i++) {
		const char *tab = strchr(w.items[i], '\t');
		if (!tab)
			continue;
		size_t kl = (size_t)(tab - w.items[i]);
		const char *k = w.items[i];
		ta_set *dst = NULL;
		if (kl == 6 && !memcmp(k, "before", 6))
			dst = &st->srcbefore;
		else if (kl == 5 && !memcmp(k, "after", 5))
			dst = &st->srcafter;
		else if (kl == 12 && !memcmp(k, "agency-after", 12))
			dst = &st->agencyafter;
		else if (kl == 13 && !memcmp(k, "agency-before", 13))
			dst = &st->agencybefore;
		else if (kl == 6 && !memcmp(k, "credit", 6))
			dst = &st->credit;
		else if (kl == 13 && !memcmp(k, "credit-phrase", 13))
			dst = &st->creditphrase;
		else if (kl == 8 && !memcmp(k, "listener", 8))
			dst = &st->srclistener;
		if (!dst) {
			/* the message is made before the list (and k with it) is freed */
			int rc2 = galley_error_set(err, GALLEY_ERR_FATAL,
			                           "tag-attribution/source-cues.tsv: unknown kind '%.*s' (use before, "
			                           "listener, after, agency-after, agency-before, credit or credit-phrase)",
			                           (int)kl, k);
			galley_wordlist_free(&w);
			return rc2;
		}
		ta_put_lower(dst, tab + 1, strlen(tab + 1), 1);
	}
	galley_wordlist_free(&w);

	rc = ta_load_tsv("tag-attribution/outlets.tsv", &w, err);
	if (rc != GALLEY_OK)
		return rc;
	ta_outlets_from(st, &w);
	galley_wordlist_free(&w);
	if (extra_outlets && *extra_outlets)
		return ta_load_outlets_path(st, extra_outlets, err);
	return GALLEY_OK;
}
