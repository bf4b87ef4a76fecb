/* tag-attribution: who wrote an article, when it was published, where the story came from and
 * who said what.
 *
 * Per article, in one pass over the body's paragraphs (galley_body_paragraphs):
 *   - tokenise every paragraph (words with their lower-case form, punctuation, quotation marks);
 *   - pair quotation marks into quotes, across paragraphs for quotes that run over several;
 *   - collect the people the article names (capitalised runs, roles stripped, organisations
 *     recognised) and every later mention of them, for pronoun and role resolution;
 *   - attribute each quote to the subject of a speech verb next to it, and keep it only when
 *     it is a quotation (not a scare quote, title or fragment);
 *   - find credit lines and cited outlets; decide authors (visible byline over metadata) and the
 *     publication date (the page's own day, not a UTC rollover).
 * Every vocabulary lives in data/tag-attribution/ and is compiled into hash sets at open(); the
 * per-article work is linear in the text.  The state is read-only after open(), so the plugin
 * is parallel-safe. */
#include <galley/galley.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TA_VERSION "0.1.0"

/* ---- string sets ------------------------------------------------------------------------ */

/* An open-addressing hash map from byte strings to ints; keys are copied. */
typedef struct ta_set {
	char **keys;
	size_t *klen;
	int *vals;
	size_t cap, n;
	int maxw; /* most words (space-separated) in any key */
	struct ta_set *firsts; /* first words of multi-word keys (and single-word keys), for a quick no */
	bool is_firsts;        /* this set is another's firsts: it has none of its own */
	uint64_t bloom[8];     /* a bit per key's hash: most words of a text are in no set, and
	                        * this says so without touching the keys */
} ta_set;

/* FNV-1a, inlined: the sets are looked up for nearly every word. */
static inline uint64_t ta_hash(const char *key, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)key[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

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

static void ta_set_put(ta_set *s, const char *key, size_t n, int val)
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
static int ta_set_get_h(const ta_set *s, const char *key, size_t n, uint64_t h)
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

static int ta_set_get(const ta_set *s, const char *key, size_t n)
{
	return ta_set_get_h(s, key, n, ta_hash(key, n));
}

static void ta_set_free(ta_set *s)
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

static uint32_t ta_fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0x80)
		return c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x178) {
		/* Latin Extended-A: capitals are even up to U+0137, odd from U+0139 to U+0148, even
		 * again from U+014A. */
		if ((c >= 0x139 && c <= 0x148) || c >= 0x179)
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c == 0x178)
		return 0xFF;
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c == 0x2019 || c == 0x2018)
		return '\'';
	return c;
}

static bool ta_is_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c < 0xC0)
		return false;
	if (c == 0x2019 || c == 0x2018)
		return false;
	return ta_fold(c) != c;
}

static bool ta_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool ta_is_letter(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	if (c < 0xC0)
		return false;
	if (c == 0xD7 || c == 0xF7)
		return false;
	if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows, ... */
		return false;
	if (c >= 0x3000 && c <= 0x303F)
		return false;
	if (c >= 0xFE30 && c <= 0xFE4F)
		return false;
	if (c >= 0xFF00 && c <= 0xFF0F)
		return false;
	if (c == 0xFFFD || c == 0xFEFF)
		return false;
	if (c >= 0x1F000 && c < 0x20000)
		return false; /* emoji and pictographs */
	return true;
}

static void ta_lower_into(galley_buf *b, const char *s, size_t n)
{
	/* ASCII: one append, then fold in place */
	size_t k = 0;
	while (k < n && (unsigned char)s[k] < 0x80)
		k++;
	if (k == n) {
		size_t at = b->len;
		galley_buf_append(b, s, n);
		for (size_t i = at; i < b->len; i++)
			if (b->data[i] >= 'A' && b->data[i] <= 'Z')
				b->data[i] = (char)(b->data[i] + 32);
		return;
	}
	const char *p = s, *end = s + n;
	while (p < end) {
		unsigned char ch = (unsigned char)*p;
		if (ch < 0x80) {
			galley_buf_putc(b, (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch));
			p++;
			continue;
		}
		uint32_t c = galley_utf8_next(&p, end);
		galley_buf_put_utf8(b, ta_fold(c));
	}
}

static char *ta_lower(const char *s, size_t n)
{
	galley_buf b = {0};
	ta_lower_into(&b, s, n);
	galley_buf_putc(&b, 0);
	b.len--;
	return galley_buf_steal(&b);
}

/* ---- vocabularies ------------------------------------------------------------------------ */

enum {
	TA_SRC_BEFORE = 1,
	TA_SRC_AFTER,
	TA_SRC_AGENCY_AFTER,
	TA_SRC_AGENCY_BEFORE,
	TA_SRC_CREDIT,
	TA_SRC_CREDIT_PHRASE
};

typedef struct ta_state {
	ta_set verbs;     /* speech verbs, "said", "a déclaré" */
	ta_set cues;      /* speaker follows: "according to" */
	ta_set aftercues; /* only right after a closing mark: "so" */
	ta_set relay;     /* "quoted" -> index into relay_close */
	char **relay_close;
	size_t n_relay;
	ta_set pronouns, roles, orgwords, notnames, prefixes, particles, months, preps, placepreps, determiners, photowords, indefinites;
	ta_set othercredits; /* "edited", "übersetzt": a label after one credits no author */
	ta_set outlets;   /* alias -> index into outlet_names */
	char **outlet_names;
	size_t n_outlets;
	ta_set srccues;   /* phrase -> TA_SRC_* (one kind per phrase and set) */
	ta_set srcbefore, srcafter, agencyafter, agencybefore, credit, creditphrase;
	ta_set datewords; /* words that end a byline: "updated", "am" */
	ta_set notauthors; /* "WordPress", "Theme": credited with "by" but not authors */
	ta_set joins;      /* "im Gespräch mit": two people of a byline, both authors */
	ta_set speeches;   /* "Rede", "Speech": a title that names its speaker after a label */
	ta_set contacts;   /* "Pressekontakt", "Telefon": a press release's contact person */
	ta_set given;      /* common given names: "Alexander" */
	ta_set places;     /* datelines' places after a byline's comma: "Washington", "new york" */
	ta_set about;      /* "Über", "About": a title about a person, the person's own page */
	ta_set issuers;    /* "Herausgeber": a press release's issuing office on the next line */
	ta_set offices;    /* "Pressestelle", "Abteilung": a release's sender's office after the name */
	char **role_list; /* roles of 4+ bytes, for German compounds ("Bundeskanzlerin") */
	size_t n_role_list;
	size_t role_lens[32]; /* the distinct lengths of role_list */
	size_t n_role_lens;
	ta_set datemonths; /* every month name of months.tsv, also those that are names ("Julio") */
	char **date_pub, **date_upd; /* lower-case words of date-labels.tsv: "published", "updated" */
	size_t n_date_pub, n_date_upd;
	bool mark;
	int min_words;
} ta_state;

static void ta_state_free(ta_state *st)
{
	if (!st)
		return;
	ta_set *sets[] = {&st->indefinites, &st->photowords, &st->othercredits, &st->determiners, &st->aftercues, &st->placepreps, &st->preps, &st->verbs, &st->cues, &st->relay, &st->pronouns, &st->roles, &st->orgwords,
	                  &st->notnames, &st->prefixes, &st->particles, &st->months, &st->outlets,
	                  &st->srccues, &st->srcbefore, &st->srcafter, &st->agencyafter, &st->agencybefore,
	                  &st->credit, &st->creditphrase, &st->datewords, &st->notauthors, &st->joins, &st->speeches, &st->contacts, &st->given, &st->places, &st->about, &st->issuers, &st->offices, &st->datemonths};
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		ta_set_free(sets[i]);
	for (size_t i = 0; i < st->n_relay; i++)
		free(st->relay_close[i]);
	free(st->relay_close);
	for (size_t i = 0; i < st->n_outlets; i++)
		free(st->outlet_names[i]);
	free(st->outlet_names);
	for (size_t i = 0; i < st->n_role_list; i++)
		free(st->role_list[i]);
	free(st->role_list);
	for (size_t i = 0; i < st->n_date_pub; i++)
		free(st->date_pub[i]);
	free(st->date_pub);
	for (size_t i = 0; i < st->n_date_upd; i++)
		free(st->date_upd[i]);
	free(st->date_upd);
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

static int ta_load(ta_state *st, const char *extra_outlets, galley_error *err)
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

	rc = ta_load_tsv("tag-attribution/months.tsv", &w, err);
	if (rc != GALLEY_OK)
		return rc;
	for (size_t i = 0; i < w.n; i++) {
		const char *tab = strchr(w.items[i], '\t');
		if (!tab)
			continue;
		/* a third column "date" marks a month that is also a name ("julio", "mayo"): read in
		 * dates only, not taken for a date among a byline's names */
		const char *tab2 = strchr(tab + 1, '\t');
		ta_put_lower(&st->datemonths, w.items[i], (size_t)(tab - w.items[i]), atoi(tab + 1));
		if (!tab2 || strcmp(tab2 + 1, "date"))
			ta_put_lower(&st->months, w.items[i], (size_t)(tab - w.items[i]), atoi(tab + 1));
	}
	galley_wordlist_free(&w);

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
		if (!dst) {
			galley_wordlist_free(&w);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "tag-attribution/source-cues.tsv: unknown kind '%.*s' (use before, "
			                        "after, agency-after, agency-before, credit or credit-phrase)",
			                        (int)kl, k);
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

/* ---- tokens ------------------------------------------------------------------------------ */

enum { TK_WORD = 1, TK_PUNCT, TK_QUOTE };

typedef struct ta_tok {
	uint8_t kind;
	uint8_t cap : 1;      /* starts with a capital */
	uint8_t allcaps : 1;  /* two or more letters, all capitals */
	uint8_t initial : 1;  /* "M." */
	uint8_t poss : 1;     /* possessive "Iran's": lo and nb1 exclude the 's */
	uint8_t sent_end : 1; /* . ! ? … */
	uint8_t digit : 1;
	uint8_t inq : 1;      /* inside a quotation (or one of its marks) */
	uint8_t soft : 1;     /* inside a title or fragment in quotation marks: text around it reads through */
	uint32_t mark;        /* TK_QUOTE: the code point; TK_PUNCT: the code point */
	size_t b0, b1, nb1;   /* bytes in the paragraph text; nb1 = end of the name part */
	size_t cp0, cp1;      /* code points */
	size_t lo;            /* offset of the NUL-terminated lower-case form in the arena */
	size_t lolen;
	uint64_t h;           /* ta_hash of the lower-case form: the sets are asked for it often */
} ta_tok;

typedef struct ta_para {
	const char *text;
	size_t len;
	ta_tok *t;
	size_t nt;
} ta_para;

typedef struct ta_piece {
	int para;
	size_t to, tc; /* opening and closing mark tokens; tc == nt: runs to the paragraph end */
} ta_piece;

typedef struct ta_quote {
	size_t p0, np; /* pieces */
	char *speaker;
	char *cue;
	bool keep;
	bool has_cue;
	bool soft;
	/* a speech tag inside the marks (French style: « A, affirme-t-elle. B »): the piece and
	 * the tokens [inc0, inc1] it takes, left out of the quoted text */
	bool incise;
	size_t inc_piece, inc0, inc1;
} ta_quote;

typedef struct ta_person {
	char *name;  /* as written */
	char *low;   /* lower case */
	char *roles; /* " commander leader " */
} ta_person;

typedef struct ta_mention {
	int para;
	size_t tok;
	int person;
} ta_mention;

typedef struct ta_doc {
	const ta_state *st;
	galley_article *a;
	bool german; /* every noun is capitalised: names need more evidence */
	ta_para *p;
	size_t np;
	size_t nbody; /* body paragraphs; removed blocks follow */
	galley_buf arena;
	ta_piece *pc;
	size_t npc, cpc;
	ta_quote *q;
	size_t nq, cq;
	ta_person *pers;
	size_t npers, cpers;
	ta_set surnames; /* last word of a person's name -> the last person added with it */
	int *pnext;      /* the previous person with the same last word, or -1 */
	ta_mention *men;
	size_t nmen, cmen;
	const galley_paragraphs *gp; /* the body's paragraphs with their elements */
} ta_doc;

#define LOW(d, tk) ((d)->arena.data + (tk)->lo)

static bool ta_is_quote_mark(uint32_t c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

static bool ta_tok_is(const ta_doc *d, const ta_tok *t, const char *w)
{
	return t->kind == TK_WORD && !strcmp(LOW(d, t), w);
}

static bool ta_punct_is(const ta_tok *t, uint32_t c)
{
	return t->kind == TK_PUNCT && t->mark == c;
}

static ta_tok *ta_push_tok(ta_para *P, size_t *cap)
{
	if (P->nt == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		P->t = galley_realloc(P->t, *cap * sizeof *P->t);
	}
	ta_tok *t = &P->t[P->nt++];
	memset(t, 0, sizeof *t);
	return t;
}

/* The next code point, with ASCII decoded inline. */
static inline uint32_t ta_next(const char **p, const char *end)
{
	unsigned char c = (unsigned char)**p;
	if (c < 0x80) {
		(*p)++;
		return c;
	}
	return galley_utf8_next(p, end);
}

/* Fill the lower-case form of t (text s) into the arena and its flags. */
static void ta_tok_finish(ta_doc *d, ta_tok *t, const char *s)
{
	t->lo = d->arena.len;
	ta_lower_into(&d->arena, s + t->b0, t->b1 - t->b0);
	t->lolen = d->arena.len - t->lo;
	galley_buf_putc(&d->arena, 0);
	t->nb1 = t->b1;
	const char *lo = d->arena.data + t->lo;
	/* possessive */
	if (t->lolen > 3 && lo[t->lolen - 2] == '\'' && lo[t->lolen - 1] == 's') {
		t->poss = 1;
		t->lolen -= 2;
		d->arena.data[t->lo + t->lolen] = 0;
		/* the apostrophe is 1 (') or 3 (’) bytes */
		t->nb1 = t->b1 - 1;
		while (t->nb1 > t->b0 && ((unsigned char)s[t->nb1 - 1] == '\'' || ((unsigned char)s[t->nb1 - 1] & 0xC0) == 0x80 ||
		                          (unsigned char)s[t->nb1 - 1] == 0xE2))
			t->nb1--;
	}
	t->h = ta_hash(lo, t->lolen);
	const char *p = s + t->b0, *end = s + t->b1;
	uint32_t c0 = ta_next(&p, end);
	t->cap = ta_is_upper(c0);
	if (!t->cap && (c0 == 'a' || c0 == 'e') && t->b1 - t->b0 > 3 && s[t->b0 + 1] == 'l' && s[t->b0 + 2] == '-') {
		/* al-Assad, el-Sisi */
		const char *q = s + t->b0 + 3;
		t->cap = ta_is_upper(ta_next(&q, end));
	}
	size_t letters = 0, uppers = 0;
	p = s + t->b0;
	while (p < end) {
		uint32_t c = ta_next(&p, end);
		if (c >= '0' && c <= '9')
			t->digit = 1;
		else if (ta_is_letter(c)) {
			letters++;
			if (ta_is_upper(c))
				uppers++;
		}
	}
	t->allcaps = letters >= 2 && uppers == letters;
	/* "Maryland-based", "German-born": an adjective, not a name */
	const char *dash = memrchr(s + t->b0, '-', t->b1 - t->b0);
	if (t->cap && dash && dash + 1 < s + t->b1 && ((unsigned char)dash[1] >= 'a' && (unsigned char)dash[1] <= 'z') &&
	    !(t->b1 - t->b0 > 3 && s[t->b0 + 2] == '-'))
		t->cap = 0;
}

/* Split a paragraph into tokens. */
static void ta_tokenize(ta_doc *d, ta_para *P)
{
	const char *s = P->text, *end = s + P->len;
	size_t cap = 0, cp = 0;
	const char *p = s;
	while (p < end) {
		const char *start = p;
		uint32_t c = ta_next(&p, end);
		if (ta_is_space(c)) {
			cp++;
			continue;
		}
		if (ta_is_letter(c)) {
			size_t cp0 = cp;
			cp++;
			for (;;) {
				if (p >= end)
					break;
				const char *q = p;
				uint32_t c2 = ta_next(&q, end);
				if (ta_is_letter(c2)) {
					p = q;
					cp++;
					continue;
				}
				if (c2 == '\'' || c2 == 0x2019 || c2 == '-' || c2 == '.' || c2 == 0x2011) {
					/* inside a word only when a letter or digit follows */
					const char *r = q;
					if (r < end && ta_is_letter(ta_next(&r, end))) {
						p = q;
						cp++;
						continue;
					}
				}
				break;
			}
			ta_tok *t = ta_push_tok(P, &cap);
			t->kind = TK_WORD;
			t->b0 = (size_t)(start - s);
			t->b1 = (size_t)(p - s);
			t->cp0 = cp0;
			t->cp1 = cp;
			/* initials and known abbreviations keep their full stop */
			if (p < end && *p == '.') {
				size_t wl = t->b1 - t->b0;
				bool attach = false;
				if (wl == 1 && ta_is_upper((unsigned char)s[t->b0]))
					attach = true;
				else if (wl <= 4) {
					char key[8];
					size_t k = 0;
					for (size_t i = t->b0; i < t->b1 && k < 6; i++)
						key[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
					key[k++] = '.';
					if (ta_set_get(&d->st->roles, key, k) >= 0 || (k == 3 && (!memcmp(key, "jr.", 3) || !memcmp(key, "sr.", 3) || !memcmp(key, "st.", 3))))
						attach = true;
				}
				if (attach) {
					p++;
					cp++;
					t->b1++;
					t->initial = wl == 1;
				}
			}
			ta_tok_finish(d, t, s);
			/* French inversion: "explique-t-il", "a-t-elle" */
			const char *lo = LOW(d, t);
			size_t ll = t->lolen;
			static const char *const inv[] = {"-t-il", "-t-elle", "-t-on", "-il", "-elle"};
			for (size_t k = 0; k < sizeof inv / sizeof inv[0]; k++) {
				size_t kl = strlen(inv[k]);
				if (ll > kl && !memcmp(lo + ll - kl, inv[k], kl)) {
					size_t pron = kl - (inv[k][1] == 't' ? 3 : 1);
					ta_tok whole = *t;
					t->b1 = whole.b1 - kl;
					t->cp1 = whole.cp1 - kl;
					ta_tok_finish(d, t, s);
					ta_tok *u = ta_push_tok(P, &cap);
					u->kind = TK_WORD;
					u->b0 = whole.b1 - pron;
					u->b1 = whole.b1;
					u->cp0 = whole.cp1 - pron;
					u->cp1 = whole.cp1;
					ta_tok_finish(d, u, s);
					break;
				}
			}
			continue;
		}
		ta_tok *t = ta_push_tok(P, &cap);
		t->kind = ta_is_quote_mark(c) ? TK_QUOTE : TK_PUNCT;
		t->mark = c;
		t->b0 = (size_t)(start - s);
		t->b1 = t->nb1 = (size_t)(p - s);
		t->cp0 = cp;
		t->cp1 = ++cp;
		t->lo = 0;
		t->sent_end = c == '.' || c == '!' || c == '?' || c == 0x2026;
	}
}

/* The code point before / after a mark token in its paragraph: 0 at the edges, ' ' for space. */
static uint32_t ta_char_before(const ta_para *P, const ta_tok *t)
{
	if (t->b0 == 0)
		return 0;
	size_t i = t->b0 - 1;
	while (i > 0 && ((unsigned char)P->text[i] & 0xC0) == 0x80)
		i--;
	const char *p = P->text + i;
	return galley_utf8_next(&p, P->text + P->len);
}

static uint32_t ta_char_after(const ta_para *P, const ta_tok *t)
{
	if (t->b1 >= P->len)
		return 0;
	const char *p = P->text + t->b1;
	return galley_utf8_next(&p, P->text + P->len);
}

/* ---- quotation marks into quotes --------------------------------------------------------- */

static bool ta_closes(uint32_t open, uint32_t c, uint32_t after)
{
	switch (open) {
	case 0x201C:
		/* “…” — and “…“ typed wrongly: a “ closes only when no letter follows it */
		return c == 0x201D || (c == 0x201C && !ta_is_letter(after));
	case 0x201E:
		return c == 0x201C || c == 0x201D;
	case 0x201D:
		return c == 0x201D;
	case 0xAB:
		return c == 0xBB;
	case 0xBB:
		return c == 0xAB;
	case '"':
		return c == '"';
	default:
		return false;
	}
}

static bool ta_opens(uint32_t c, uint32_t before, uint32_t after)
{
	switch (c) {
	case 0x201C:
	case 0x201E:
	case 0xAB:
		return after != 0;
	case 0xBB: /* German »…« */
		return after != 0 && after != ' ';
	case 0x201D: /* ”…” (Swedish style, or a mistake): only between a space and a letter */
		return (before == 0 || before == ' ') && ta_is_letter(after);
	case '"':
		return after != 0 && after != ' ';
	default:
		return false;
	}
}

static void ta_add_piece(ta_doc *d, int para, size_t to, size_t tc)
{
	if (d->npc == d->cpc) {
		d->cpc = d->cpc ? d->cpc * 2 : 16;
		d->pc = galley_realloc(d->pc, d->cpc * sizeof *d->pc);
	}
	d->pc[d->npc++] = (ta_piece){para, to, tc};
}

static void ta_end_quote(ta_doc *d, size_t first_piece)
{
	if (d->nq == d->cq) {
		d->cq = d->cq ? d->cq * 2 : 16;
		d->q = galley_realloc(d->q, d->cq * sizeof *d->q);
	}
	d->q[d->nq++] = (ta_quote){.p0 = first_piece, .np = d->npc - first_piece};
}

/* Pair marks in document order.  A quote still open at the end of a paragraph runs on when the
 * next paragraph opens with the same mark (the convention for multi-paragraph quotations);
 * otherwise it is unbalanced and dropped. */
static void ta_pair_quotes(ta_doc *d)
{
	bool inq = false, reopen = false;
	uint32_t open = 0;
	size_t first_piece = 0, pto = 0;
	int ppara = 0;
	for (size_t pi = 0; pi < d->np; pi++) {
		ta_para *P = &d->p[pi];
		for (size_t i = 0; i < P->nt; i++) {
			ta_tok *t = &P->t[i];
			if (t->kind != TK_QUOTE)
				continue;
			if (reopen) {
				reopen = false;
				ppara = (int)pi;
				pto = i;
				continue;
			}
			uint32_t before = ta_char_before(P, t), after = ta_char_after(P, t);
			if (inq) {
				if (ta_closes(open, t->mark, after)) {
					ta_add_piece(d, ppara, pto, i);
					ta_end_quote(d, first_piece);
					inq = false;
				}
				continue;
			}
			if (ta_opens(t->mark, before, after)) {
				inq = true;
				open = t->mark;
				first_piece = d->npc;
				ppara = (int)pi;
				pto = i;
			}
		}
		if (inq) {
			ta_para *N = pi + 1 < d->np ? &d->p[pi + 1] : NULL;
			if (N && N->nt && N->t[0].kind == TK_QUOTE && N->t[0].mark == open && d->npc - first_piece < 8) {
				ta_add_piece(d, ppara, pto, P->nt);
				reopen = true;
			} else {
				d->npc = first_piece;
				inq = false;
			}
		}
	}
	if (inq)
		d->npc = first_piece;
}

static void ta_mark_inside(ta_doc *d)
{
	for (size_t k = 0; k < d->npc; k++) {
		ta_piece *pc = &d->pc[k];
		ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc + 1 : P->nt;
		for (size_t i = pc->to; i < end; i++)
			P->t[i].inq = 1;
	}
}

/* ---- names --------------------------------------------------------------------------------- */

static bool ta_in(const ta_set *s, const ta_doc *d, const ta_tok *t)
{
	return t->kind == TK_WORD && ta_set_get_h(s, LOW(d, t), t->lolen, t->h) >= 0;
}

/* A role word, or a German compound ending in one ("Bundeskanzlerin", "Innenminister"). */
static bool ta_is_role(const ta_doc *d, const ta_tok *t)
{
	if (t->kind != TK_WORD)
		return false;
	if (ta_in(&d->st->roles, d, t))
		return true;
	const char *lo = LOW(d, t);
	const char *dash = strrchr(lo, '-');
	if (dash && dash[1] && ta_set_get(&d->st->roles, dash + 1, strlen(dash + 1)) >= 0)
		return true; /* "US-Präsident" */
	if (!t->cap || t->lolen < 8)
		return false;
	for (size_t i = 0; i < d->st->n_role_lens; i++) {
		size_t rl = d->st->role_lens[i];
		if (rl + 3 <= t->lolen && ta_set_get(&d->st->roles, lo + t->lolen - rl, rl) >= 0)
			return true;
	}
	return false;
}

static bool ta_name_tok(const ta_tok *t)
{
	return t->kind == TK_WORD && !t->inq && !t->digit && (t->cap || t->initial);
}

/* End of the capitalised run starting at i (exclusive); a possessive ends it. */
static size_t ta_chunk_end(const ta_doc *d, const ta_para *P, size_t i, size_t lim)
{
	size_t j = i, last = i;
	while (j < lim) {
		const ta_tok *t = &P->t[j];
		if (ta_name_tok(t)) {
			j++;
			last = j;
			if (t->poss)
				break;
			continue;
		}
		if (j > i && t->kind == TK_WORD && !t->inq && ta_in(&d->st->particles, d, t) && j + 1 < lim &&
		    ta_name_tok(&P->t[j + 1]) && !(d->german && ta_in(&d->st->determiners, d, t))) {
			j++;
			continue;
		}
		break;
	}
	return last;
}

/* Start of the capitalised run ending at j (inclusive). */
static size_t ta_chunk_start(const ta_doc *d, const ta_para *P, size_t j, size_t lim0)
{
	size_t s = j;
	while (s > lim0) {
		const ta_tok *t = &P->t[s - 1];
		if (ta_name_tok(t) && !t->poss) {
			s--;
			continue;
		}
		if (t->kind == TK_WORD && ta_in(&d->st->particles, d, t) && s - 1 > lim0 && ta_name_tok(&P->t[s - 2]) &&
		    !P->t[s - 2].poss) {
			s--;
			continue;
		}
		break;
	}
	return s;
}

enum { NM_NONE, NM_ROLE, NM_ORG, NM_SINGLE, NM_PERSON };

/* "Vereinigungsministerium", "Lokalzeitung": a German compound ending with an organisation word. */
static bool ta_org_compound(const ta_doc *d, const ta_tok *t)
{
	if (!d->german || !t->cap || t->lolen < 9)
		return false;
	static const size_t lens[] = {6, 7, 8, 9, 10, 11};
	const char *lo = LOW(d, t);
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
		if (lens[i] + 3 <= t->lolen && ta_set_get(&d->st->orgwords, lo + t->lolen - lens[i], lens[i]) >= 0)
			return true;
	return false;
}

/* A German adjective's inflection ("offenen", "roten", "gemischten"), not a verb ("attackierte"). */
static bool ta_adjective_ending(const ta_doc *d, const ta_tok *t)
{
	const char *lo = LOW(d, t);
	size_t n = t->lolen;
	if (n < 4)
		return false;
	const char *e = lo + n - 2;
	return !memcmp(e, "en", 2) || !memcmp(e, "er", 2) || !memcmp(e, "es", 2) || !memcmp(e, "em", 2);
}

typedef struct ta_chunk {
	int kind;
	size_t s, e;   /* the name after roles and openers are stripped */
	size_t s0;     /* the whole run */
	int role_at;   /* a role word stripped from the front, or -1 */
} ta_chunk;

static ta_chunk ta_classify(const ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	ta_chunk c = {NM_NONE, s, e, s, -1};
	while (c.s < c.e) {
		const ta_tok *t = &P->t[c.s];
		if (ta_is_role(d, t)) {
			c.role_at = (int)c.s;
			c.s++;
		} else if (ta_in(&d->st->notnames, d, t) || (ta_in(&d->st->particles, d, t) && !t->cap)) {
			c.s++;
		} else
			break;
	}
	if (c.s == c.e) {
		c.kind = c.role_at >= 0 ? NM_ROLE : NM_NONE;
		return c;
	}
	/* German nouns are capitalised: "Backstube von Karsten Berning" -> "Karsten Berning" */
	if (d->german)
		for (size_t i = c.s + 1; i + 2 < c.e; i++)
			if (!P->t[i].cap && ta_in(&d->st->particles, d, &P->t[i])) {
				c.s = i + 1;
				break;
			}
	/* a role inside the run: "New York Mayor Michael Bloomberg" -> "Michael Bloomberg" */
	for (size_t i = c.e - 1; i > c.s; i--) {
		if (ta_is_role(d, &P->t[i - 1]) && P->t[i - 1].cap && !P->t[i - 1].initial) {
			c.role_at = (int)(i - 1);
			c.s = i;
			break;
		}
	}
	/* trailing openers are not names either ("Salami Thursday") */
	while (c.e > c.s + 1 && ta_in(&d->st->notnames, d, &P->t[c.e - 1]))
		c.e--;
	size_t caps = 0;
	for (size_t i = c.s; i < c.e; i++) {
		const ta_tok *t = &P->t[i];
		if (ta_in(&d->st->orgwords, d, t) || ta_org_compound(d, t)) {
			c.kind = NM_ORG;
			return c;
		}
		if (t->allcaps)
			caps++;
	}
	/* an outlet's name */
	if (c.e - c.s <= 4) {
		char key[256];
		size_t k = 0;
		for (size_t i = c.s; i < c.e && k + P->t[i].lolen + 1 < sizeof key; i++) {
			if (k)
				key[k++] = ' ';
			memcpy(key + k, LOW(d, &P->t[i]), P->t[i].lolen);
			k += P->t[i].lolen;
		}
		if (ta_set_get(&d->st->outlets, key, k) >= 0) {
			c.kind = NM_ORG;
			return c;
		}
	}
	if (caps == c.e - c.s) {
		c.kind = NM_ORG; /* IRGC, US, NATO */
		return c;
	}
	/* post-nominal letters: "Neil Ford QC", "Jane Roe MP" */
	while (c.e - c.s >= 3 && P->t[c.e - 1].allcaps && P->t[c.e - 1].lolen <= 3)
		c.e--;
	c.kind = c.e - c.s >= 2 ? NM_PERSON : NM_SINGLE;
	if (c.kind == NM_PERSON) {
		/* "the Supreme Court", "Der Krieg Russlands": a thing, not a person */
		const ta_tok *before = c.s0 > 0 ? &P->t[c.s0 - 1] : NULL;
		if (c.role_at < 0 && (ta_in(&d->st->determiners, d, &P->t[c.s0]) || (before && !before->cap && ta_in(&d->st->determiners, d, before))))
			c.kind = NM_NONE;
		/* "2 Millionen Euro", "65 Grad Celsius": quantities */
		else if (before && before->digit)
			c.kind = NM_NONE;
		/* German: "der offenen Grenze Spuren" — an adjective before the run */
		else if (d->german && before && before->kind == TK_WORD && !before->cap && ta_adjective_ending(d, before) &&
		         !ta_in(&d->st->verbs, d, before) &&
		         !ta_in(&d->st->preps, d, before) && !ta_in(&d->st->particles, d, before) && !ta_in(&d->st->notnames, d, before) &&
		         !ta_is_role(d, before) && !ta_in(&d->st->cues, d, before))
			c.kind = NM_NONE;
		/* "Attorney for the District of Massachusetts Joshua Levy": the place before the name */
		else if (c.e - c.s >= 3 && c.s == c.s0 && before && !before->cap && ta_in(&d->st->preps, d, before))
			c.s++;
	}
	if (c.kind == NM_PERSON && c.e - c.s > 5)
		c.kind = NM_NONE; /* a title or a list of names, not one person */
	return c;
}

static char *ta_span_text(const ta_para *P, size_t s, size_t e)
{
	if (s >= e)
		return galley_strdup("");
	return galley_strndup(P->text + P->t[s].b0, P->t[e - 1].nb1 - P->t[s].b0);
}

static char *ta_span_low(const ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	galley_buf b = {0};
	for (size_t i = s; i < e; i++) {
		if (i > s)
			galley_buf_putc(&b, ' ');
		galley_buf_append(&b, LOW(d, &P->t[i]), P->t[i].lolen);
	}
	galley_buf_putc(&b, 0);
	return galley_buf_steal(&b);
}

/* Does person name `plow` end with the words of `low` ("hossein salami" / "salami")? */
static bool ta_name_ends(const char *plow, const char *low)
{
	size_t pl = strlen(plow), l = strlen(low);
	if (l > pl)
		return false;
	if (memcmp(plow + pl - l, low, l))
		return false;
	return l == pl || plow[pl - l - 1] == ' ';
}

/* The fullest known person whose name ends with low, or -1. */
static int ta_person_find(const ta_doc *d, const char *low)
{
	int best = -1;
	size_t bl = 0;
	const char *sp = strrchr(low, ' ');
	const char *sur = sp ? sp + 1 : low;
	for (int i = ta_set_get(&d->surnames, sur, strlen(sur)); i >= 0; i = d->pnext[i]) {
		if (ta_name_ends(d->pers[i].low, low)) {
			size_t l = strlen(d->pers[i].low);
			if (l >= bl) {
				bl = l;
				best = i;
			}
		}
	}
	return best;
}

static void ta_person_add_role(ta_person *p, const char *role)
{
	size_t rl = strlen(role);
	char pat[96];
	if (rl + 3 > sizeof pat)
		return;
	snprintf(pat, sizeof pat, " %s ", role);
	if (p->roles && strstr(p->roles, pat))
		return;
	if (!p->roles)
		p->roles = galley_strdup(" ");
	size_t ol = strlen(p->roles);
	p->roles = galley_realloc(p->roles, ol + rl + 2);
	memcpy(p->roles + ol, role, rl);
	p->roles[ol + rl] = ' ';
	p->roles[ol + rl + 1] = 0;
}

static int ta_person_add(ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	char *low = ta_span_low(d, P, s, e);
	const char *sp = strrchr(low, ' ');
	const char *sur = sp ? sp + 1 : low;
	int head = ta_set_get(&d->surnames, sur, strlen(sur));
	/* the same name, or the same surname as someone named in full before: in news, the same
	 * person ("Dirk Schimmelpfennig" ... "Chef de Mission Schimmelpfennig") */
	int first = -1;
	for (int i = head; i >= 0; i = d->pnext[i]) {
		if (!strcmp(d->pers[i].low, low)) {
			free(low);
			return i;
		}
		if (strlen(d->pers[i].low) > strlen(sur))
			first = i; /* the list runs from the newest: keep the oldest */
	}
	if (first >= 0) {
		free(low);
		return first;
	}
	if (d->npers == d->cpers) {
		d->cpers = d->cpers ? d->cpers * 2 : 16;
		d->pers = galley_realloc(d->pers, d->cpers * sizeof *d->pers);
		d->pnext = galley_realloc(d->pnext, d->cpers * sizeof *d->pnext);
	}
	d->pers[d->npers] = (ta_person){ta_span_text(P, s, e), low, NULL};
	d->pnext[d->npers] = head;
	ta_set_put(&d->surnames, sur, strlen(sur), (int)d->npers);
	return (int)d->npers++;
}

/* Role words near a name: stripped from its front, in the words before it in the same sentence
 * ("the commander of the IRGC Hossein Salami"), and in an apposition after it ("Salami, the
 * commander of ..."). */
static void ta_collect_roles(ta_doc *d, const ta_para *P, ta_chunk c, int person)
{
	ta_person *pp = &d->pers[person];
	for (size_t i = c.s0; i < c.s; i++)
		if (ta_is_role(d, &P->t[i]))
			ta_person_add_role(pp, LOW(d, &P->t[i]));
	size_t n = 0;
	for (size_t i = c.s0; i > 0 && n < 10; n++) {
		i--;
		const ta_tok *t = &P->t[i];
		if (t->sent_end || t->kind == TK_QUOTE || ta_in(&d->st->verbs, d, t))
			break;
		if (!t->cap && ta_is_role(d, t))
			ta_person_add_role(pp, LOW(d, t));
	}
	if (c.e < P->nt && ta_punct_is(&P->t[c.e], ',')) {
		n = 0;
		for (size_t i = c.e + 1; i < P->nt && n < 6; i++, n++) {
			const ta_tok *t = &P->t[i];
			if (t->kind != TK_WORD)
				break;
			if (ta_is_role(d, t))
				ta_person_add_role(pp, LOW(d, t));
		}
	}
}

static void ta_add_mention(ta_doc *d, int para, size_t tok, int person)
{
	if (d->nmen == d->cmen) {
		d->cmen = d->cmen ? d->cmen * 2 : 32;
		d->men = galley_realloc(d->men, d->cmen * sizeof *d->men);
	}
	d->men[d->nmen++] = (ta_mention){para, tok, person};
}

static int ta_last_person(const ta_doc *d, int para, size_t tok, const char *role);

/* Two passes over the text outside quotations: people named in full, then every mention of
 * them (full or by surname) in order. */
typedef struct ta_cached {
	size_t pi, i, e;
	ta_chunk c;
	bool skip;
} ta_cached;

static void ta_collect_people(ta_doc *d)
{
	ta_cached *cache = NULL;
	size_t ncache = 0, ccache = 0, at = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t pi = 0; pi < d->np; pi++) {
			ta_para *P = &d->p[pi];
			/* a photo credit names the photographer, not someone who speaks */
			bool credit = false;
			for (size_t i = 0; i < P->nt && i < 8 && !credit; i++)
				credit = ta_in(&d->st->photowords, d, &P->t[i]) || (P->t[i].kind == TK_PUNCT && P->t[i].mark == 0xA9);
			if (credit)
				continue;
			for (size_t i = 0; i < P->nt;) {
				{
					const ta_tok *t = &P->t[i];
					/* "Un chiraquien s'est souvenu ...", "A spokesperson for UCEA said": someone
					 * unnamed becomes the last person mentioned; a pronoun after it is nobody */
					if (pass == 1 && t->kind == TK_WORD && !t->inq && ta_in(&d->st->indefinites, d, t)) {
						size_t b = i;
						if (b > 0 && P->t[b - 1].kind == TK_WORD && P->t[b - 1].cap && ta_in(&d->st->notnames, d, &P->t[b - 1]))
							b--; /* "But a spokesperson" */
						bool start = b == 0 || P->t[b - 1].sent_end || ta_in(&d->st->verbs, d, &P->t[b - 1]);
						if (start && i + 1 < P->nt && P->t[i + 1].kind == TK_WORD)
							ta_add_mention(d, (int)pi, i, -1);
					}
				}
				if (!ta_name_tok(&P->t[i])) {
					const ta_tok *t = &P->t[i];
					/* "the former mayor": a mention of the last person with that role */
					if (pass == 1 && t->kind == TK_WORD && !t->inq && !t->cap && i > 0 && ta_is_role(d, t) &&
					    (ta_in(&d->st->notnames, d, &P->t[i - 1]) || (i > 1 && ta_in(&d->st->notnames, d, &P->t[i - 2])))) {
						int id = ta_last_person(d, (int)pi, i, LOW(d, t));
						if (id >= 0)
							ta_add_mention(d, (int)pi, i, id);
					}
					i++;
					continue;
				}
				size_t e;
				ta_chunk c;
				bool skip;
				if (pass == 1 && at < ncache && cache[at].pi == pi && cache[at].i == i) {
					e = cache[at].e;
					c = cache[at].c;
					skip = cache[at].skip;
					at++;
				} else {
					e = ta_chunk_end(d, P, i, P->nt);
					c = ta_classify(d, P, i, e);
					/* "in the Las Vegas debate", "from New York": places */
					size_t b = i;
					if (b > 0 && ta_in(&d->st->notnames, d, &P->t[b - 1]) && !P->t[b - 1].cap)
						b--;
					skip = b > 0 && ta_in(&d->st->placepreps, d, &P->t[b - 1]) && !P->t[b - 1].cap;
					if (pass == 0) {
						if (ncache == ccache) {
							ccache = ccache ? ccache * 2 : 64;
							cache = galley_realloc(cache, ccache * sizeof *cache);
						}
						cache[ncache++] = (ta_cached){pi, i, e, c, skip};
					}
				}
				if (skip) {
					i = e > i ? e : i + 1;
					continue;
				}
				bool by_verb = c.kind == NM_SINGLE && ((e < P->nt && ta_in(&d->st->verbs, d, &P->t[e])) ||
				                                       (c.s > 0 && ta_in(&d->st->verbs, d, &P->t[c.s - 1])));
				if ((c.kind == NM_PERSON || by_verb) && pass == 0) {
					/* a single name next to a speech verb is a person too: "glisse Zineb" */
					char *low = by_verb ? ta_span_low(d, P, c.s, c.e) : NULL;
					bool known = low && ta_person_find(d, low) >= 0;
					free(low);
					if (!known) {
						int id = ta_person_add(d, P, c.s, c.e);
						ta_collect_roles(d, P, c, id);
					}
				} else if ((c.kind == NM_PERSON || c.kind == NM_SINGLE) && pass == 1) {
					char *low = ta_span_low(d, P, c.s, c.e);
					int id = ta_person_find(d, low);
					free(low);
					if (id >= 0)
						ta_add_mention(d, (int)pi, c.s, id);
				}
				i = e > i ? e : i + 1;
			}
		}
	}
	free(cache);
}

/* The last person mentioned before (para, tok); with role, the last one holding that role. */
static int ta_last_person(const ta_doc *d, int para, size_t tok, const char *role)
{
	char pat[96];
	if (role)
		snprintf(pat, sizeof pat, " %s ", role);
	/* mentions are in document order: start from the last one before (para, tok) */
	size_t lo = 0, hi = d->nmen;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const ta_mention *m = &d->men[mid];
		if (m->para < para || (m->para == para && m->tok < tok))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t steps = 0;
	for (size_t k = lo; k > 0 && steps < 4096; k--, steps++) {
		const ta_mention *m = &d->men[k - 1];
		if (m->para > para || (m->para == para && m->tok >= tok))
			continue;
		if (m->person < 0) {
			if (role)
				continue;
			return -1; /* someone unnamed was the last one mentioned */
		}
		if (role) {
			const char *r = d->pers[m->person].roles;
			if (!r || !strstr(r, pat))
				continue;
		}
		return m->person;
	}
	return -1;
}


/* ---- speakers ------------------------------------------------------------------------------ */

/* Longest phrase of set starting at token i (consecutive words, before lim); its length in
 * tokens, 0 when none.  *val gets the phrase's value. */
static size_t ta_phrase_at(const ta_doc *d, const ta_set *set, const ta_para *P, size_t i, size_t lim, int *val)
{
	char key[256];
	size_t k = 0, best = 0;
	if (i >= lim || P->t[i].kind != TK_WORD || !set->firsts || ta_set_get_h(set->firsts, LOW(d, &P->t[i]), P->t[i].lolen, P->t[i].h) < 0)
		return 0;
	for (size_t n = 0; n < (size_t)set->maxw && i + n < lim; n++) {
		const ta_tok *t = &P->t[i + n];
		if (t->kind != TK_WORD || t->inq)
			break;
		if (k + t->lolen + 2 >= sizeof key)
			break;
		if (n)
			key[k++] = ' ';
		memcpy(key + k, LOW(d, t), t->lolen);
		k += t->lolen;
		int v = ta_set_get(set, key, k);
		if (v >= 0) {
			best = n + 1;
			if (val)
				*val = v;
		}
	}
	return best;
}

/* A capitalised noun after a determiner ("ein Teilnehmer", "der Franzose") is not a name. */
static bool ta_after_determiner(const ta_doc *d, const ta_para *P, size_t i)
{
	if (i == 0)
		return false;
	const ta_tok *t = &P->t[i - 1];
	if (t->kind == TK_WORD && !t->cap && ta_in(&d->st->determiners, d, t))
		return true;
	/* "der junge Polizist": one adjective between */
	if (i >= 2 && t->kind == TK_WORD && !t->cap) {
		const ta_tok *u = &P->t[i - 2];
		return u->kind == TK_WORD && !u->cap && ta_in(&d->st->determiners, d, u) && !ta_in(&d->st->verbs, d, t);
	}
	return false;
}

/* "a spokesman", "ein Teilnehmer", "un ténor de la droite": someone new, not someone named */
static bool ta_indefinite_before(const ta_doc *d, const ta_para *P, size_t i)
{
	for (size_t k = i, n = 0; k > 0 && n < 3; k--, n++) {
		const ta_tok *t = &P->t[k - 1];
		if (t->kind != TK_WORD)
			return false;
		if (ta_in(&d->st->indefinites, d, t))
			return true;
		if (ta_in(&d->st->determiners, d, t))
			return false;
	}
	return false;
}

/* A role no one named holds ("der CEO", "the official"): the person last named in this or the
 * previous paragraph, when there is one. */
static int ta_last_person_near(const ta_doc *d, int para, size_t tok)
{
	int id = ta_last_person(d, para, tok, NULL);
	if (id < 0)
		return -1;
	for (size_t k = d->nmen; k > 0; k--) {
		const ta_mention *m = &d->men[k - 1];
		if (m->para > para || (m->para == para && m->tok >= tok))
			continue;
		return m->para + 1 >= para ? m->person : -1;
	}
	return -1;
}

typedef struct ta_who {
	int person;  /* >= 0: a known person */
	char *name;  /* otherwise a name as written (owned), or NULL */
} ta_who;

static char *ta_who_name(const ta_doc *d, ta_who w)
{
	if (w.person >= 0) {
		free(w.name);
		return galley_strdup(d->pers[w.person].name);
	}
	return w.name;
}

/* A name chunk as a speaker: a person, or an organisation when nothing better is there. */
static ta_who ta_who_chunk(const ta_doc *d, const ta_para *P, ta_chunk c)
{
	ta_who w = {-1, NULL};
	char *low = ta_span_low(d, P, c.s, c.e);
	w.person = ta_person_find(d, low);
	free(low);
	/* "Chef de Mission Schimmelpfennig": the surname of someone named in full */
	if (w.person < 0 && c.e - c.s >= 2)
		w.person = ta_person_find(d, LOW(d, &P->t[c.e - 1]));
	if (w.person < 0)
		w.name = ta_span_text(P, c.s, c.e);
	return w;
}

/* The speaker named after a verb or cue phrase, in tokens [s, lim): "said Hossein Salami",
 * "said the commander of the IRGC Hossein Salami", "sagte er", "according to the minister". */
/* A role noun found as the subject ("the commander said") names the person last named who
 * fits it, unless an indefinite article makes it someone new; otherwise org stands (taken). */
static ta_who ta_role_or(const ta_doc *d, int pi, const char *role, size_t role_tok, ta_who org)
{
	const ta_para *P = &d->p[pi];
	if (role && !ta_indefinite_before(d, P, role_tok)) {
		int id = ta_last_person(d, pi, role_tok, role);
		if (id < 0 && ta_is_role(d, &P->t[role_tok]))
			id = ta_last_person_near(d, pi, role_tok);
		if (id >= 0) {
			free(org.name);
			return (ta_who){id, NULL};
		}
	}
	return org;
}

static ta_who ta_np_after(const ta_doc *d, int pi, size_t s, size_t lim)
{
	const ta_para *P = &d->p[pi];
	ta_who org = {-1, NULL};
	const char *role = NULL;
	size_t role_tok = 0;
	for (size_t j = s; j < lim; j++) {
		const ta_tok *t = &P->t[j];
		if (t->soft)
			continue;
		if (t->kind == TK_QUOTE || t->sent_end)
			break;
		if (t->kind == TK_PUNCT) {
			/* "declared a later chancellor, Bernhard von Bülow": a role, then the name */
			if ((t->mark == ',' || t->mark == ';' || t->mark == ':') && j > s && !(t->mark == ',' && role && !org.name))
				break;
			continue;
		}
		if (t->inq)
			break;
		if (j == s && ta_in(&d->st->pronouns, d, t)) {
			ta_who w = {ta_last_person(d, pi, s, NULL), NULL};
			free(org.name);
			return w;
		}
		if (ta_name_tok(t)) {
			size_t e = ta_chunk_end(d, P, j, lim);
			ta_chunk c = ta_classify(d, P, j, e);
			/* "selon un proche d'Edouard Philippe": the name of someone else */
			if (j > s) {
				const ta_tok *b = &P->t[j - 1];
				const char *bl = LOW(d, b);
				bool of = b->kind == TK_WORD && !b->cap &&
				          (ta_in(&d->st->preps, d, b) || (b->lolen > 2 && bl[1] == '\'' && (bl[0] == 'd' || bl[0] == 'l')));
				if (of && c.kind != NM_ORG) {
					j = e > j ? e - 1 : j;
					continue;
				}
			}
			if (c.kind == NM_SINGLE && ta_after_determiner(d, P, c.s)) {
				if (!role) {
					role = LOW(d, &P->t[c.s]);
					role_tok = j;
				}
				j = e > j ? e - 1 : j;
				continue;
			}
			if (c.kind == NM_PERSON || c.kind == NM_SINGLE) {
				free(org.name);
				return ta_who_chunk(d, P, c);
			}
			if (c.kind == NM_ORG && !org.name && (j == s || (j == s + 1 && P->t[s].kind == TK_WORD && !P->t[s].cap &&
			                                                 ta_in(&d->st->notnames, d, &P->t[s]))))
				org.name = ta_span_text(P, c.s, c.e); /* "said Human Rights Watch", "said the BBC" */
			if (c.kind == NM_ROLE && e == j + 1 && t->cap) {
				int id = ta_person_find(d, LOW(d, t));
				if (id >= 0) {
					free(org.name);
					return (ta_who){id, NULL};
				}
			}
			if (c.kind == NM_ROLE && !role) {
				role = LOW(d, &P->t[c.role_at]);
				role_tok = j;
			}
			j = e > j ? e - 1 : j;
			continue;
		}
		if (!role && ta_is_role(d, t)) {
			role = LOW(d, t);
			role_tok = j;
		}
		if (ta_in(&d->st->verbs, d, t))
			break;
	}
	return ta_role_or(d, pi, role, role_tok, org);
}

/* The subject of a verb at k, looking back to s: "Salami said", "he added", "the commander
 * said", "Supreme Leader Ali Khamenei stressed ... and insisted". */
static ta_who ta_np_before(const ta_doc *d, int pi, size_t s, size_t k, bool far)
{
	const ta_para *P = &d->p[pi];
	ta_who org = {-1, NULL};
	const char *role = NULL;
	size_t role_tok = 0;
	size_t steps = 0;
	for (size_t j = k; j > s && steps < 40; steps++) {
		j--;
		const ta_tok *t = &P->t[j];
		if (t->soft)
			continue;
		if (t->kind == TK_QUOTE || t->inq)
			break;
		if (t->kind != TK_WORD)
			continue;
		if (ta_in(&d->st->pronouns, d, t)) {
			bool subject = j + 1 == k || j + 2 == k || ta_in(&d->st->verbs, d, &P->t[j + 1]);
			if (subject) {
				free(org.name);
				return (ta_who){ta_last_person(d, pi, j, NULL), NULL};
			}
			continue;
		}
		if (ta_name_tok(t)) {
			size_t cs = ta_chunk_start(d, P, j, s);
			ta_chunk c = ta_classify(d, P, cs, j + 1);
			/* "director of the Centre for Global Health": an object, not the subject */
			if (cs > s && ta_in(&d->st->preps, d, &P->t[cs - 1]) && !P->t[cs - 1].cap && j + 1 != k) {
				j = cs;
				continue;
			}
			bool adjacent = j + 1 == k || (j + 2 == k && (ta_tok_is(d, &P->t[k - 1], "as") || P->t[k - 1].kind == TK_PUNCT));
			if (c.kind == NM_PERSON) {
				free(org.name);
				return ta_who_chunk(d, P, c);
			}
			if (c.kind == NM_SINGLE) {
				char *low = ta_span_low(d, P, c.s, c.e);
				int id = ta_person_find(d, low);
				free(low);
				if (id >= 0 || (adjacent && !ta_after_determiner(d, P, c.s))) {
					free(org.name);
					return ta_who_chunk(d, P, c);
				}
				if (adjacent && !role) {
					role = LOW(d, &P->t[c.s]);
					role_tok = j;
				}
			}
			if (c.kind == NM_ORG && !org.name && adjacent)
				org.name = ta_span_text(P, c.s, c.e);
			if (c.kind == NM_ROLE && cs == j && t->cap) {
				int id = ta_person_find(d, LOW(d, t));
				if (id >= 0) {
					free(org.name);
					return (ta_who){id, NULL};
				}
			}
			if (c.kind == NM_ROLE && !role) {
				role = LOW(d, &P->t[c.role_at]);
				role_tok = j;
			}
			j = cs;
			continue;
		}
		if (!role && ta_is_role(d, t)) {
			role = LOW(d, t);
			role_tok = j;
		}
		/* "the former mayor argued": the subject is the role; look a few words further for
		 * an apposition ("Bloomberg, the mayor, argued") and no further */
		if (role && role_tok > j + 3)
			break;
		if (!far && steps > 8)
			break;
	}
	return ta_role_or(d, pi, role, role_tok, org);
}

static char *ta_cue_text(const ta_doc *d, const ta_para *P, size_t s, size_t n)
{
	return ta_span_low(d, P, s, s + n);
}

/* After the closing mark: “…,” he added / said Salami / Mehr quoted Salami as saying / so
 * Müller / a-t-il déclaré / according to X. */
static bool ta_after(const ta_doc *d, int pi, size_t tc, ta_who *who, char **cue, bool ends_sentence)
{
	const ta_para *P = &d->p[pi];
	size_t i = tc + 1;
	size_t skipped = 0;
	while (i < P->nt && P->t[i].kind == TK_PUNCT && !P->t[i].sent_end && skipped < 2) {
		uint32_t m = P->t[i].mark;
		if (m != ',' && m != 0x2014 && m != 0x2013 && m != '-' && m != ')' && m != ':')
			break;
		i++;
		skipped++;
	}
	if (i >= P->nt || P->t[i].kind != TK_WORD)
		return false;
	/* a quote that ended its sentence ("…capabilities.”) is followed by a new sentence,
	 * unless the words go on in lower case ("“Why?” she asked.") */
	if (ends_sentence && P->t[i].cap && !ta_in(&d->st->verbs, d, &P->t[i])) {
		/* "“Never!” Smith said." still counts: a name right before a verb */
		size_t e = ta_chunk_end(d, P, i, P->nt);
		if (e >= P->nt || !ta_in(&d->st->verbs, d, &P->t[e]))
			return false;
	}
	size_t lim = i;
	while (lim < P->nt && lim < i + 25 && (P->t[lim].kind != TK_QUOTE || P->t[lim].soft) && !P->t[lim].sent_end)
		lim++;
	int v;
	size_t m = ta_phrase_at(d, &d->st->verbs, P, i, lim, NULL);
	if (!m)
		m = ta_phrase_at(d, &d->st->cues, P, i, lim, NULL);
	if (!m && skipped && P->t[i - 1].mark == ',')
		m = ta_phrase_at(d, &d->st->aftercues, P, i, lim, NULL);
	if (m) {
		*cue = ta_cue_text(d, P, i, m);
		*who = ta_np_after(d, pi, i + m, lim);
		return true;
	}
	/* after a quote that ended its sentence, "Smith said." may follow, but not a new
	 * sentence that happens to start with a name and a verb ("He added that ...") */
	if (ends_sentence) {
		size_t e = ta_chunk_end(d, P, i, lim);
		if (ta_in(&d->st->pronouns, d, &P->t[i]))
			e = i + 1;
		size_t vm = e < lim ? ta_phrase_at(d, &d->st->verbs, P, e, lim, NULL) : 0;
		if (!vm)
			return false;
		size_t after = e + vm;
		if (after < P->nt && ta_name_tok(&P->t[after]))
			after = ta_chunk_end(d, P, after, P->nt); /* "King asked Scott." */
		if (after < P->nt && !(P->t[after].kind == TK_PUNCT && (P->t[after].sent_end || P->t[after].mark == ',')))
			return false;
	}
	for (size_t k = i; k < lim && k < i + 10; k++) {
		const ta_tok *t = &P->t[k];
		if (t->kind != TK_WORD)
			continue;
		if ((m = ta_phrase_at(d, &d->st->relay, P, k, lim, &v)) > 0) {
			/* "Mehr quoted Salami as saying": the person between the verb and the close */
			const char *close = d->st->relay_close[v];
			for (size_t j = k + m; j < lim; j++) {
				if (P->t[j].kind == TK_WORD && !strncmp(LOW(d, &P->t[j]), close, P->t[j].lolen) &&
				    (close[P->t[j].lolen] == ' ' || !close[P->t[j].lolen])) {
					*who = ta_np_after(d, pi, k + m, j);
					galley_buf b = {0};
					galley_buf_append(&b, LOW(d, t), t->lolen);
					galley_buf_putc(&b, ' ');
					galley_buf_puts(&b, close);
					*cue = galley_buf_steal(&b);
					return true;
				}
			}
		}
		if ((m = ta_phrase_at(d, &d->st->verbs, P, k, lim, NULL)) > 0) {
			*cue = ta_cue_text(d, P, k, m);
			*who = ta_np_before(d, pi, i, k, false);
			if (who->person < 0 && !who->name)
				*who = ta_np_after(d, pi, k + m, lim); /* "…,” told reporters Jane Doe */
			return true;
		}
		if ((m = ta_phrase_at(d, &d->st->cues, P, k, lim, NULL)) > 0) {
			*cue = ta_cue_text(d, P, k, m);
			*who = ta_np_after(d, pi, k + m, lim);
			return true;
		}
		if (ta_punct_is(t, ';'))
			break;
	}
	return false;
}

/* Before the opening mark: Salami said: “… / X stressed that … and insisted that “… /
 * According to X, “… */
static bool ta_before(const ta_doc *d, int pi, size_t to, ta_who *who, char **cue)
{
	const ta_para *P = &d->p[pi];
	size_t s = to, n = 0;
	while (s > 0 && n < 60) {
		const ta_tok *t = &P->t[s - 1];
		if (((t->kind == TK_QUOTE || t->inq) && !t->soft) || t->sent_end)
			break;
		s--;
		n++;
	}
	if (s == to)
		return false;
	bool colon = ta_punct_is(&P->t[to - 1], ':') || ta_punct_is(&P->t[to - 1], ',');
	for (size_t k = to; k > s;) {
		k--;
		const ta_tok *t = &P->t[k];
		if (t->kind != TK_WORD)
			continue;
		size_t m;
		if ((m = ta_phrase_at(d, &d->st->cues, P, k, to, NULL)) > 0) {
			*cue = ta_cue_text(d, P, k, m);
			*who = ta_np_after(d, pi, k + m, to);
			return true;
		}
		if ((m = ta_phrase_at(d, &d->st->verbs, P, k, to, NULL)) > 0) {
			/* the verb must introduce the quote: at most a few words between ("that",
			 * "reporters", "in a statement") unless a colon opens the quote */
			if (!colon && to - (k + m) > 4)
				return false;
			*cue = ta_cue_text(d, P, k, m);
			/* German and French put the subject after the verb when something comes first:
			 * "Auf die Frage ... sagte Trump: „…“" */
			if (k + m < to && k > s) {
				const ta_tok *nx = &P->t[k + m];
				if (ta_in(&d->st->pronouns, d, nx)) {
					*who = (ta_who){ta_last_person(d, pi, k + m, NULL), NULL};
					return true;
				}
				if (ta_name_tok(nx)) {
					size_t e = ta_chunk_end(d, P, k + m, to);
					ta_chunk c = ta_classify(d, P, k + m, e);
					char *low = c.e > c.s ? ta_span_low(d, P, c.s, c.e) : NULL;
					bool known = low && ta_person_find(d, low) >= 0;
					free(low);
					if (c.kind == NM_PERSON || (c.kind == NM_SINGLE && known)) {
						*who = ta_who_chunk(d, P, c);
						return true;
					}
				}
			}
			*who = ta_np_before(d, pi, s, k, true);
			if (who->person < 0 && !who->name)
				*who = ta_np_after(d, pi, k + m, to);
			return true;
		}
		if (!colon && to - k > 6)
			return false;
	}
	return false;
}

/* ---- quotes ---------------------------------------------------------------------------------- */

static size_t ta_para_cplen(const ta_para *P)
{
	return P->nt ? P->t[P->nt - 1].cp1 + galley_utf8_length(P->text + P->t[P->nt - 1].b1, P->len - P->t[P->nt - 1].b1) : 0;
}

/* The inner text range of a piece: bytes and code points, marks and edge spaces excluded. */
static void ta_piece_range(const ta_para *P, const ta_piece *pc, size_t *b0, size_t *b1, size_t *c0, size_t *c1)
{
	*b0 = P->t[pc->to].b1;
	*c0 = P->t[pc->to].cp1;
	if (pc->tc < P->nt) {
		*b1 = P->t[pc->tc].b0;
		*c1 = P->t[pc->tc].cp0;
	} else {
		*b1 = P->len;
		*c1 = ta_para_cplen(P);
	}
	while (*b0 < *b1 && P->text[*b0] == ' ') {
		(*b0)++;
		(*c0)++;
	}
	while (*b1 > *b0 && P->text[*b1 - 1] == ' ') {
		(*b1)--;
		(*c1)--;
	}
	/* the comma before the closing mark belongs to the sentence around the quote */
	while (*b1 > *b0 && (P->text[*b1 - 1] == ',' || P->text[*b1 - 1] == ';' || P->text[*b1 - 1] == ':' || P->text[*b1 - 1] == ' ')) {
		(*b1)--;
		(*c1)--;
	}
}

typedef struct ta_qshape {
	size_t words, capwords, longwords;
	bool first_upper, ends_sentence, ends_punct;
} ta_qshape;

static ta_qshape ta_shape(const ta_doc *d, const ta_quote *q)
{
	ta_qshape sh = {0};
	bool first = true;
	for (size_t k = 0; k < q->np; k++) {
		const ta_piece *pc = &d->pc[q->p0 + k];
		const ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc : P->nt;
		for (size_t i = pc->to + 1; i < end; i++) {
			const ta_tok *t = &P->t[i];
			if (t->kind != TK_WORD)
				continue;
			if (first) {
				sh.first_upper = t->cap;
				first = false;
			}
			sh.words++;
			if (t->lolen > 3) {
				sh.longwords++;
				if (t->cap)
					sh.capwords++;
			}
		}
		if (k + 1 == q->np && end > pc->to + 1) {
			const ta_tok *last = &P->t[end - 1];
			sh.ends_sentence = last->sent_end;
			sh.ends_punct = last->kind == TK_PUNCT &&
			                (last->sent_end || last->mark == ',' || last->mark == ';' || last->mark == ':');
		}
	}
	return sh;
}

/* “Once Upon A Time in Hollywood”, “CBS This Morning”: capitalised words, no sentence end. */
static bool ta_title_like(const ta_qshape *sh, bool german)
{
	/* German capitalises every noun: „Grenzschutz ist Menschenschutz.“ is a sentence */
	if (!german && sh->longwords >= 2 && sh->capwords == sh->longwords && sh->words <= 8)
		return true; /* “The Wit and Wisdom of Michael Bloomberg.” */
	return sh->longwords >= 2 && sh->capwords * 10 >= sh->longwords * 7 && !sh->ends_sentence && sh->words <= 12;
}

/* Titles and one- or two-word fragments in quotation marks are not quotations: the text around
 * them reads through them when looking for a speaker ("Scott told “CBS This Morning” co-host
 * Gayle King, “Because ...”"). */
static void ta_soften(ta_doc *d)
{
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		ta_qshape sh = ta_shape(d, q);
		bool reply = sh.words == 1 && sh.first_upper && sh.ends_punct;
		if (!(ta_title_like(&sh, d->german) || (sh.words <= 2 && !reply)) || q->np != 1)
			continue;
		const ta_piece *pc = &d->pc[q->p0];
		ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc + 1 : P->nt;
		for (size_t i = pc->to; i < end; i++)
			P->t[i].soft = 1;
		q->soft = true;
	}
}

/* « Cette loi, c'est ..., affirme-t-elle. Je crois ... »: a comma, a speech verb, then a pronoun
 * or a name, then a comma or a full stop, inside the marks. */
static bool ta_incise(const ta_doc *d, ta_quote *q, ta_who *who, char **cue)
{
	for (size_t k = 0; k < q->np; k++) {
		const ta_piece *pc = &d->pc[q->p0 + k];
		const ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc : P->nt;
		for (size_t i = pc->to + 1; i + 2 < end; i++) {
			if (!ta_punct_is(&P->t[i], ','))
				continue;
			size_t m = 0, v = i + 1;
			/* the tokens are inside the quote: match the verb without the inq check */
			char key[128];
			size_t kl = 0;
			for (size_t w = 0; w < 3 && v + w < end && P->t[v + w].kind == TK_WORD; w++) {
				if (kl + P->t[v + w].lolen + 2 >= sizeof key)
					break;
				if (w)
					key[kl++] = ' ';
				memcpy(key + kl, LOW(d, &P->t[v + w]), P->t[v + w].lolen);
				kl += P->t[v + w].lolen;
				if (ta_set_get(&d->st->verbs, key, kl) >= 0)
					m = w + 1;
			}
			if (!m || v + m >= end)
				continue;
			size_t n = v + m;
			ta_who w = {-1, NULL};
			size_t after;
			if (ta_in(&d->st->pronouns, d, &P->t[n])) {
				w.person = ta_last_person(d, pc->para, pc->to, NULL);
				after = n + 1;
			} else if (P->t[n].kind == TK_WORD && (P->t[n].cap || P->t[n].initial)) {
				size_t e = n;
				while (e < end && P->t[e].kind == TK_WORD && (P->t[e].cap || P->t[e].initial || ta_in(&d->st->particles, d, &P->t[e])))
					e++;
				char *low = ta_span_low(d, P, n, e);
				w.person = ta_person_find(d, low);
				free(low);
				if (w.person < 0)
					w.name = ta_span_text(P, n, e);
				after = e;
			} else
				continue;
			/* after a name an apposition may follow: ", toxicologue, ancien de l'Anses." */
			size_t stop = after;
			bool named = w.person >= 0 || w.name;
			bool pron = ta_in(&d->st->pronouns, d, &P->t[n]);
			if (pron || !named || !(after < end && ta_punct_is(&P->t[after], ','))) {
				while (stop < end && !(P->t[stop].kind == TK_PUNCT && (P->t[stop].sent_end || P->t[stop].mark == ',')))
					stop++;
			} else {
				size_t lim2 = after + 16;
				while (stop < end && stop < lim2 && !(P->t[stop].kind == TK_PUNCT && P->t[stop].sent_end))
					stop++;
				if (stop >= lim2)
					stop = after;
			}
			if (stop >= end && pc->tc >= P->nt) {
				free(w.name);
				continue;
			}
			q->incise = true;
			q->inc_piece = q->p0 + k;
			q->inc0 = i;
			q->inc1 = stop < end ? stop : end - 1;
			*who = w;
			*cue = ta_span_low(d, P, v, v + m);
			return true;
		}
	}
	return false;
}

/* "Mr. Ruano said signal preemption remains his major issue. “For me, ...”": a quote that
 * opens the sentence right after one whose speech verb has a person for subject. */
static bool ta_prev_sentence(const ta_doc *d, int pi, size_t to, ta_who *who, char **cue)
{
	const ta_para *P = &d->p[pi];
	if (to < 2 || !P->t[to - 1].sent_end)
		return false;
	size_t e = to - 1, s = e;
	while (s > 0) {
		const ta_tok *t = &P->t[s - 1];
		if (((t->kind == TK_QUOTE || t->inq) && !t->soft) || t->sent_end)
			break;
		s--;
	}
	if (s > 0 && !P->t[s - 1].sent_end)
		return false; /* a quote in the sentence before: it has its own speaker */
	for (size_t k = e; k > s;) {
		k--;
		size_t m = ta_phrase_at(d, &d->st->verbs, P, k, e, NULL);
		if (!m)
			continue;
		ta_who w = ta_np_before(d, pi, s, k, true);
		if (w.person < 0) {
			free(w.name);
			return false;
		}
		*who = w;
		*cue = ta_cue_text(d, P, k, m);
		return true;
	}
	return false;
}

static void ta_attribute_quotes(ta_doc *d)
{
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		if (q->soft)
			continue;
		const ta_piece *fp = &d->pc[q->p0], *lp = &d->pc[q->p0 + q->np - 1];
		ta_qshape sh = ta_shape(d, q);
		ta_who who = {-1, NULL};
		char *cue = NULL;
		bool found = false;
		if (lp->tc < d->p[lp->para].nt)
			found = ta_after(d, lp->para, lp->tc, &who, &cue, sh.ends_sentence);
		if (!found) {
			free(cue);
			cue = NULL;
			who = (ta_who){-1, NULL};
			found = ta_before(d, fp->para, fp->to, &who, &cue);
		}
		if (!found) {
			free(cue);
			cue = NULL;
			free(who.name);
			who = (ta_who){-1, NULL};
			found = ta_incise(d, q, &who, &cue);
		}
		if (!found) {
			free(cue);
			cue = NULL;
			free(who.name);
			who = (ta_who){-1, NULL};
			found = ta_prev_sentence(d, fp->para, fp->to, &who, &cue);
		}
		q->has_cue = found;
		q->cue = cue;
		q->speaker = found ? ta_who_name(d, who) : (free(who.name), NULL);
	}
	/* “A,” she said. “B.” — a quote with no cue of its own, right after a cued one in the same
	 * paragraph with only the cue clause between them, continues it. */
	for (size_t qi = 1; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi], *pq = &d->q[qi - 1];
		if (q->has_cue || !pq->has_cue || q->soft || pq->soft)
			continue;
		const ta_piece *fp = &d->pc[q->p0], *pl = &d->pc[pq->p0 + pq->np - 1];
		if (fp->para != pl->para || pl->tc >= d->p[pl->para].nt)
			continue;
		const ta_para *P = &d->p[fp->para];
		bool verb = false;
		size_t gap = fp->to - pl->tc, ends = 0;
		for (size_t i = pl->tc + 1; i < fp->to; i++) {
			if (ta_in(&d->st->verbs, d, &P->t[i]) || ta_in(&d->st->relay, d, &P->t[i]))
				verb = true;
			if (P->t[i].sent_end && i + 1 < fp->to)
				ends++;
		}
		if (verb && gap <= 40 && ends == 0) {
			q->has_cue = true;
			q->cue = galley_strdup(pq->cue);
			q->speaker = galley_strdup(pq->speaker);
		}
	}
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		ta_qshape sh = ta_shape(d, q);
		bool keep;
		if (q->soft) {
			q->keep = false;
			continue;
		}
		if (q->has_cue) {
			if (sh.words >= (size_t)d->st->min_words)
				keep = true;
			else if (sh.words == 1)
				keep = sh.first_upper && sh.ends_punct; /* “Never,” she said. */
			else
				keep = false;
		} else {
			/* "(« Comment tenir une tribune en AG ? », « Dessiner une affiche »)": a list of
			 * titles in brackets, not what someone said */
			const ta_piece *fp = &d->pc[q->p0];
			const ta_para *FP = &d->p[fp->para];
			bool bracket = fp->to > 0 && ta_punct_is(&FP->t[fp->to - 1], '(');
			bool title = ta_title_like(&sh, d->german) || bracket;
			keep = sh.words >= (size_t)d->st->min_words && !title && (sh.first_upper || sh.words >= 8) &&
			       (sh.ends_punct || sh.words >= 8);
		}
		q->keep = keep;
	}
}

static void ta_record_quotes(ta_doc *d)
{
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		if (!q->keep)
			continue;
		for (size_t k = 0; k < q->np; k++) {
			const ta_piece *pc = &d->pc[q->p0 + k];
			const ta_para *P = &d->p[pc->para];
			ta_piece parts[2] = {*pc, *pc};
			size_t nparts = 1;
			if (q->incise && q->p0 + k == q->inc_piece) {
				parts[0].tc = q->inc0;
				parts[1].to = q->inc1;
				nparts = 2;
			}
			for (size_t h = 0; h < nparts; h++) {
				size_t b0, b1, c0, c1;
				ta_piece_range(P, &parts[h], &b0, &b1, &c0, &c1);
				if (b1 <= b0)
					continue;
				char *text = galley_strndup(P->text + b0, b1 - b0);
				galley_quote gq = {text, q->speaker, q->cue, pc->para, (int)c0, (int)c1};
				galley_article_add_quote(d->a, &gq);
				free(text);
			}
		}
	}
}

/* ---- sources ----------------------------------------------------------------------------------- */

static void ta_add_source(ta_doc *d, const char *name, const char *kind, const char *evidence)
{
	if (!name || !*name)
		return;
	for (size_t i = 0; i < galley_article_n_sources(d->a); i++) {
		const galley_source *s = galley_article_source(d->a, i);
		if (!strcmp(s->name, name) && !strcmp(s->kind, kind))
			return;
	}
	char *ev = galley_ws_normalize(evidence);
	size_t n = strlen(ev);
	if (n > 300) {
		/* keep whole code points */
		size_t cut = 300;
		while (cut > 0 && ((unsigned char)ev[cut] & 0xC0) == 0x80)
			cut--;
		ev[cut] = 0;
	}
	galley_source s = {name, kind, ev};
	galley_article_add_source(d->a, &s);
	free(ev);
}

/* The outlet name for raw text (an alias, or the text itself cleaned of edge punctuation). */
static char *ta_outlet_name(const ta_state *st, const char *raw, size_t n, bool alias_only)
{
	while (n && (raw[n - 1] == '.' || raw[n - 1] == ',' || raw[n - 1] == ' ' || raw[n - 1] == ')' || raw[n - 1] == ';'))
		n--;
	while (n && (*raw == ' ' || *raw == '(' || *raw == ':')) {
		raw++;
		n--;
	}
	if (!n)
		return NULL;
	char *low = ta_lower(raw, n);
	char *norm = galley_ws_normalize(low);
	int v = ta_set_get(&st->outlets, norm, strlen(norm));
	/* "alarabiya.net", "www.reuters.com": try without the web address parts */
	if (v < 0) {
		char *s = norm;
		if (!strncmp(s, "www.", 4))
			s += 4;
		char *dot = strrchr(s, '.');
		if (dot && dot != s && strlen(dot) <= 4 && !strchr(s, ' '))
			v = ta_set_get(&st->outlets, s, (size_t)(dot - s));
	}
	free(low);
	free(norm);
	if (v >= 0)
		return galley_strdup(st->outlet_names[v]);
	if (alias_only)
		return NULL;
	/* as written, without soft hyphens ("Finan\u00adcial Times") */
	galley_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)raw[i] == 0xC2 && i + 1 < n && (unsigned char)raw[i + 1] == 0xAD) {
			i++;
			continue;
		}
		galley_buf_putc(&b, raw[i]);
	}
	galley_buf_putc(&b, 0);
	return galley_buf_steal(&b);
}

/* The alias matched at token i (its length in tokens), honouring case: a lower-case word in
 * the text matches only an outlet written in lower case ("dpa"), never "ap" for "AP". */
static size_t ta_outlet_at(const ta_doc *d, const ta_para *P, size_t i, size_t lim, int *v)
{
	const ta_tok *t = &P->t[i];
	if (t->kind != TK_WORD || t->inq)
		return 0;
	size_t m = ta_phrase_at(d, &d->st->outlets, P, i, lim, v);
	if (!m)
		return 0;
	if (!t->cap && !t->allcaps) {
		const char *name = d->st->outlet_names[*v];
		if (ta_is_upper((unsigned char)name[0]) || (name[0] & 0x80))
			return 0;
	}
	return m;
}

static void ta_sources_in_para(ta_doc *d, int pi, bool removed_credit)
{
	const ta_para *P = &d->p[pi];
	const ta_state *st = d->st;
	if (!P->nt)
		return;
	/* a picture's credit ("Image copyright Reuters", "Foto: dpa") is not the story's */
	for (size_t i = 0; i < P->nt && i < 8; i++)
		if (ta_in(&st->photowords, d, &P->t[i]))
			return;
	/* credit lines: "Source » alarabiya", "Quelle: dpa", "Mit Material von AFP" */
	size_t m = ta_phrase_at(d, &st->credit, P, 0, P->nt, NULL);
	if (m && (removed_credit || P->nt <= 16)) {
		size_t i = m;
		while (i < P->nt && P->t[i].kind != TK_WORD)
			i++;
		if (i < P->nt && i > m) {
			size_t e = P->len;
			static const char stops[] = "|(,;";
			for (const char *c = stops; *c; c++) {
				const char *x = memchr(P->text + P->t[i].b0, *c, e - P->t[i].b0);
				if (x)
					e = (size_t)(x - P->text);
			}
			char *name = ta_outlet_name(st, P->text + P->t[i].b0, e - P->t[i].b0, false);
			size_t words = 1;
			for (const char *c = name ? name : ""; *c; c++)
				words += *c == ' ';
			if (name && strlen(name) <= 60 && words <= 5)
				ta_add_source(d, name, "credit", P->text);
			free(name);
			return;
		}
	}
	for (size_t i = 0; i < P->nt; i++) {
		const ta_tok *t = &P->t[i];
		if (t->kind != TK_WORD)
			continue;
		/* "first appeared on X", "originally published by X" */
		size_t cm = ta_phrase_at(d, &st->creditphrase, P, i, P->nt, NULL);
		if (cm) {
			size_t j = i + cm;
			if (j < P->nt && P->t[j].kind == TK_WORD) {
				int v;
				size_t om = ta_outlet_at(d, P, j, P->nt, &v);
				if (!om && j + 1 < P->nt && (ta_tok_is(d, &P->t[j], "the") || ta_tok_is(d, &P->t[j], "der") || ta_tok_is(d, &P->t[j], "dem")) &&
				    (om = ta_outlet_at(d, P, j + 1, P->nt, &v)) > 0)
					j++;
				char *name = NULL;
				if (om)
					name = galley_strdup(st->outlet_names[v]);
				else if (P->t[j].cap || strchr(LOW(d, &P->t[j]), '.')) {
					size_t e = ta_chunk_end(d, P, j, P->nt);
					if (e == j)
						e = j + 1;
					name = ta_outlet_name(st, P->text + P->t[j].b0, P->t[e - 1].nb1 - P->t[j].b0, false);
				}
				if (name)
					ta_add_source(d, name, "credit", P->text);
				free(name);
			}
			i += cm - 1;
			continue;
		}
		int v;
		size_t om = ta_outlet_at(d, P, i, P->nt, &v);
		if (om) {
			const char *name = st->outlet_names[v];
			bool credit = false, cited = false;
			/* "(AP) —" near the start of the story; "— Reuters" at its end */
			if (i > 0 && ta_punct_is(&P->t[i - 1], '(') && i + om < P->nt && ta_punct_is(&P->t[i + om], ')')) {
				size_t j = i + om + 1;
				if (pi <= 2 && j < P->nt && P->t[j].kind == TK_PUNCT && (P->t[j].mark == 0x2014 || P->t[j].mark == 0x2013 || P->t[j].mark == '-'))
					credit = true;
				else if (j >= P->nt || P->t[j].sent_end)
					credit = removed_credit || pi + 3 >= (int)d->nbody; /* "(dpa)" closing the story */
			}
			if (i > 0 && i + om == P->nt && P->t[i - 1].kind == TK_PUNCT &&
			    (P->t[i - 1].mark == 0x2014 || P->t[i - 1].mark == 0x2013 || P->t[i - 1].mark == '-'))
				credit = true;
			if (removed_credit && P->nt <= 6)
				credit = true;
			if (!credit) {
				/* before: "according to (the) X", "told X" */
				size_t b = i;
				if (b > 0 && (ta_tok_is(d, &P->t[b - 1], "the") || ta_tok_is(d, &P->t[b - 1], "l'") || ta_tok_is(d, &P->t[b - 1], "la")))
					b--;
				for (size_t w = 1; w <= 4 && w <= b && !cited; w++)
					if (ta_phrase_at(d, &st->srcbefore, P, b - w, b, NULL) == w)
						cited = true;
				size_t a = i + om;
				if (!cited && a < P->nt && ta_phrase_at(d, &st->srcafter, P, a, P->nt, NULL))
					cited = true;
				/* "Mehr quoted Salami as saying" */
				if (!cited && a < P->nt && ta_phrase_at(d, &st->relay, P, a, P->nt, NULL))
					cited = true;
			}
			if (credit || cited) {
				ta_add_source(d, name, credit ? "credit" : "cited", P->text);
			}
			i += om - 1;
			continue;
		}
		/* an outlet the alias file does not know: "the Xinhua news agency", "Nachrichtenagentur X" */
		if (ta_name_tok(t)) {
			size_t e = ta_chunk_end(d, P, i, P->nt);
			if (e > i && e < P->nt && ta_phrase_at(d, &st->agencyafter, P, e, P->nt, NULL)) {
				ta_chunk c = ta_classify(d, P, i, e);
				if (c.e > c.s && c.kind != NM_PERSON && !(c.e - c.s == 1 && ta_in(&st->orgwords, d, &P->t[c.s]))) {
					char *name = ta_outlet_name(st, P->text + P->t[c.s].b0, P->t[c.e - 1].nb1 - P->t[c.s].b0, false);
					ta_add_source(d, name, "cited", P->text);
					free(name);
				}
			}
			if (i > 0) {
				for (size_t w = 1; w <= 2 && w <= i; w++) {
					if (ta_phrase_at(d, &st->agencybefore, P, i - w, i, NULL) == w) {
						ta_chunk c = ta_classify(d, P, i, e);
						if (c.e > c.s && c.kind != NM_PERSON && !(c.e - c.s == 1 && ta_in(&st->orgwords, d, &P->t[c.s]))) {
							char *name = ta_outlet_name(st, P->text + P->t[c.s].b0, P->t[c.e - 1].nb1 - P->t[c.s].b0, false);
							ta_add_source(d, name, "cited", P->text);
							free(name);
						}
						break;
					}
				}
			}
			i = e > i ? e - 1 : i;
		}
	}
}

/* ---- authors -------------------------------------------------------------------------------- */

typedef struct ta_date {
	int y, m, d;
	bool has_time, has_off;
	bool ambig; /* "03/05/2022": may also be month first */
	int hh, mi, off; /* off: minutes east of UTC */
} ta_date;

typedef struct ta_names {
	char **v;
	size_t n;
} ta_names;

static void ta_names_free(ta_names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
	ns->v = NULL;
	ns->n = 0;
}

static bool ta_ieq(const char *a, const char *b)
{
	char *la = ta_lower(a, strlen(a)), *lb = ta_lower(b, strlen(b));
	bool eq = !strcmp(la, lb);
	free(la);
	free(lb);
	return eq;
}

static void ta_names_add(ta_names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (ta_ieq(ns->v[i], s))
			return;
	ns->v = galley_realloc(ns->v, (ns->n + 1) * sizeof *ns->v);
	ns->v[ns->n++] = galley_strdup(s);
}

/* Words of s split at spaces (s is white-space normalised). */
typedef struct ta_words {
	const char *w[64];
	size_t l[64];
	size_t n;
} ta_words;

static void ta_split_words(const char *s, ta_words *out)
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

static bool ta_word_in(const ta_set *set, const char *w, size_t l)
{
	char *lo = ta_lower(w, l);
	size_t n = strlen(lo);
	while (n && (lo[n - 1] == ':' || lo[n - 1] == ',' || lo[n - 1] == '.'))
		lo[--n] = 0;
	bool in = n && ta_set_get(set, lo, n) >= 0;
	free(lo);
	return in;
}

static bool ta_has_upper_start(const char *w, size_t l)
{
	const char *p = w;
	return ta_is_upper(galley_utf8_next(&p, w + l));
}

static bool ta_has_digit(const char *w, size_t l);

/* An agency credit: "dsw / DPA", "dpa/lno", "APA/AP", "MDR THÜRINGEN/ls": up to three words,
 * each next to the slash (not "A/B bei C"). */
static bool ta_slash_credit(const char *s)
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

/* Is this one author's name (a person or an organisation), not a sentence or a date? */
/* lenient: a metadata value, which is meant to be a name ("Mobasir hassan", "Der Spendenteddy") */
static bool ta_plausible2(const ta_state *st, const char *s, bool lenient)
{
	size_t n = strlen(s);
	if (n < 2 || n > 70)
		return false;
	/* a site's address alone, as a blog signs its posts ("Autor: www.koffergepackt.com") */
	bool site_name = !strncmp(s, "www.", 4) && !strchr(s, ' ') && !strchr(s, '/') && strchr(s + 4, '.') && s[n - 1] != '.';
	if (site_name)
		return true;
	if (strstr(s, "://") || strstr(s, "www.") || s[0] == '@' || strchr(s, '{') || strchr(s, '<') || strchr(s, '!') || strchr(s, '?'))
		return false;
	ta_words w;
	ta_split_words(s, &w);
	if (w.n == 0 || w.n > 7)
		return false;
	/* a German noun in both genders is a role, no name: "Verifizierte/r Tierfreund/in", "Leser/innen" */
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
	 * capitalised word: "Revised Edition Edited by Adrian Parr", "Editing by John Roe" name no
	 * author (a name's particle is no label: "Walter von Aachen"; nor is "from" in "James
	 * Lynch from University of Michigan") */
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
	/* metadata may start with a lower-case brand ("revamp-it Webteam", "auto-motor.at Redaktion") */
	if (w.n - neutral > 1 && lower > (lenient ? (w.n - neutral) / 2 : 0))
		return false;
	if (digits > 1 || (digits && w.n > 1))
		return false;
	/* several words start with a capital: "deinen Hochzeitsbloggern", "den idw" are not names */
	if (!lenient && w.n > 1 && (!ta_has_upper_start(w.w[0], w.l[0]) || ta_word_in(&st->particles, w.w[0], w.l[0])))
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

static bool ta_plausible(const ta_state *st, const char *s)
{
	return ta_plausible2(st, s, false);
}

static bool ta_is_conj(const char *w, size_t l)
{
	return (l == 3 && !memcmp(w, "and", 3)) || (l == 3 && !memcmp(w, "und", 3)) || (l == 2 && !memcmp(w, "et", 2)) ||
	       (l == 1 && (w[0] == '&' || w[0] == 'y')) || (l == 3 && !memcmp(w, "And", 3));
}

/* "Chefredakteur", "Bundeskanzlerin": a word of 8+ letters ending with a role word. */
static bool ta_role_compound(const ta_state *st, const char *w, size_t l)
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

static bool ta_is_dr(const char *w, size_t l)
{
	char *lo = ta_lower(w, l);
	bool dr = !strcmp(lo, "dr.") || !strcmp(lo, "dr") || !strcmp(lo, "prof.") || !strcmp(lo, "prof") || !strcmp(lo, "mrs") ||
	          !strcmp(lo, "mr") || !strcmp(lo, "ms") || !strcmp(lo, "mrs.") || !strcmp(lo, "mr.") || !strcmp(lo, "ms.");
	free(lo);
	return dr;
}

/* Does this comma segment say what someone is rather than who ("PhD", "Staff Attorney",
 * "CNN", "Online-Redaktion", the site's name)? */
static bool ta_office_word(const ta_state *st, const char *w, size_t l);

static bool ta_is_qualifier(const ta_state *st, const char *seg, const char *site)
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
	/* a department of the organisation before it: "Feuerwehr Oldenburg, Abteilung Wasserrettung" */
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
			q = true; /* "Projektleiterin der HSS" */
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
static bool ta_is_place(const ta_state *st, const char *s, size_t n)
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

/* One author's name after the labels are gone: trim edge punctuation, handles, qualifiers. */
static void ta_add_byline_name(const ta_state *st, ta_names *out, const char *s, size_t n, const char *site, bool lenient)
{
	char *raw = galley_strndup(s, n);
	char *name = galley_ws_normalize(raw);
	free(raw);
	/* comma segments after the first: drop qualifiers ("Jane Doe, PhD", "Rob Picheta, CNN") */
	char *comma = strchr(name, ',');
	/* but an editor's short sign before the outlet and its agencies is one credit, kept as
	 * the page shows it: "red, wien.ORF.at/Agenturen" */
	bool sign = comma && comma - name >= 2 && comma - name <= 4;
	for (const char *p = name; sign && p < comma; p++)
		sign = *p >= 'a' && *p <= 'z';
	/* after the outlet, the dateline's place: "By Nada Tawfik, BBC News, New York" */
	bool outlet = false;
	while (comma) {
		char *next = strchr(comma + 1, ',');
		char *seg = galley_strndup(comma + 1, next ? (size_t)(next - comma - 1) : strlen(comma + 1));
		bool q = outlet || (ta_is_qualifier(st, seg, site) && !(sign && !next && ta_slash_credit(seg)));
		if (q && !outlet) {
			char *sn = galley_ws_normalize(seg);
			char *lo = ta_lower(sn, strlen(sn));
			outlet = (site && ta_ieq(sn, site)) || ta_set_get(&st->outlets, lo, strlen(lo)) >= 0;
			free(lo);
			free(sn);
		}
		free(seg);
		if (q) {
			if (next)
				memmove(comma, next, strlen(next) + 1);
			else
				*comma = 0;
			comma = strchr(name, ',');
			continue;
		}
		comma = next;
	}
	/* the story's place after the writer, as a dateline gives it: "Jane Doe, Washington",
	 * "Jane Doe and John Roe, London"; a part of the line that is only a place names nobody
	 * ("New York" of "Jane Doe, New York") */
	if (ta_is_place(st, name, strlen(name))) {
		free(name);
		return;
	}
	for (bool cut = true; cut;) {
		cut = false;
		/* the last part, or the last two ("Washington, D.C.") */
		char *c = strrchr(name, ',');
		for (int k = 0; k < 2 && c && c > name && !cut; k++) {
			const char *seg = c + 1;
			while (*seg == ' ')
				seg++;
			if (ta_is_place(st, seg, strlen(seg))) {
				*c = 0;
				cut = true;
			} else {
				char *p = c;
				while (p > name && p[-1] != ',')
					p--;
				c = p > name ? p - 1 : NULL;
			}
		}
	}
	ta_words w;
	ta_split_words(name, &w);
	/* drop handles and e-mail addresses; drop trailing role words ("Harald Bauer Autor") */
	galley_buf b = {0};
	size_t kept = 0;
	size_t last = w.n;
	while (last > 2 || (last == 2 && !ta_word_in(&st->roles, w.w[1], w.l[1]))) {
		const char *lw = w.w[last - 1];
		size_t ll = w.l[last - 1];
		/* the outlet's staff after the name: "Adam Aaronson PhillyVoice Staff" */
		const char *ow = w.w[last - 2];
		size_t ol = w.l[last - 2];
		char *olow = last >= 4 && ta_word_in(&st->orgwords, lw, ll) ? ta_lower(ow, ol) : NULL;
		bool outlet_staff = olow && ((site && strlen(site) == ol && !strncasecmp(site, ow, ol)) || ta_set_get(&st->outlets, olow, strlen(olow)) >= 0);
		free(olow);
		if (outlet_staff)
			last -= 2;
		else if ((ta_word_in(&st->roles, lw, ll) || ta_role_compound(st, lw, ll)) && !ta_is_dr(lw, ll))
			last--;
		else if (last == w.n && ll <= 4 && !ta_has_upper_start(lw, ll) && ta_word_in(&st->prefixes, lw, ll)) {
			/* the label closing the line, its name set apart in the next element: "Article
			 * by" names nobody */
			free(name);
			return;
		} else if (ta_word_in(&st->prefixes, lw, ll) || ta_word_in(&st->datewords, lw, ll))
			last--;
		else
			break;
	}
	/* a role that an article or a preposition before it made part of a phrase: "By Letters To
	 * The Editor" names nobody */
	if (last < w.n && last > 0 && (ta_word_in(&st->determiners, w.w[last - 1], w.l[last - 1]) ||
	                               ta_word_in(&st->preps, w.w[last - 1], w.l[last - 1]))) {
		free(name);
		return;
	}
	/* and leading ones: "Netzphilosophin Leena Simon", "Redakteur Max Muster" (two words stay) */
	size_t first = 0;
	while (last - first > 2 && (ta_word_in(&st->roles, w.w[first], w.l[first]) || ta_role_compound(st, w.w[first], w.l[first])) &&
	       !ta_is_dr(w.w[first], w.l[first]))
		first++;
	/* the name twice, the text of two elements run together (a picture's alternative text and
	 * the link): "Par Olivier Minot Olivier Minot" */
	if (last - first >= 4 && (last - first) % 2 == 0) {
		size_t half = (last - first) / 2;
		bool twice = true;
		for (size_t i = first; i < first + half && twice; i++)
			twice = w.l[i] == w.l[i + half] && !memcmp(w.w[i], w.w[i + half], w.l[i]);
		if (twice)
			last = first + half;
	}
	for (size_t i = first; i < last; i++) {
		if (memchr(w.w[i], '@', w.l[i]))
			continue;
		if (kept++)
			galley_buf_putc(&b, ' ');
		galley_buf_append(&b, w.w[i], w.l[i]);
	}
	galley_buf_putc(&b, 0);
	char *clean = galley_buf_steal(&b);
	size_t cl = strlen(clean);
	while (cl && (clean[cl - 1] == ',' || clean[cl - 1] == ';' || clean[cl - 1] == ':' || clean[cl - 1] == '|' ||
	              clean[cl - 1] == '/' || clean[cl - 1] == '-' || clean[cl - 1] == ' ' || clean[cl - 1] == '(' || clean[cl - 1] == ')'))
		clean[--cl] = 0;
	/* arrows and other symbols closing a link's text: "Mehr Artikel von Stefanus →" */
	while (cl) {
		size_t i = cl - 1;
		while (i > 0 && ((unsigned char)clean[i] & 0xC0) == 0x80)
			i--;
		const char *q = clean + i;
		uint32_t cp = galley_utf8_next(&q, clean + cl);
		if (cp < 0x80 || ta_is_letter(cp))
			break;
		cl = i;
		while (cl && clean[cl - 1] == ' ')
			cl--;
		clean[cl] = 0;
	}
	char *start = clean;
	while (*start == ',' || *start == ';' || *start == ':' || *start == ' ' || *start == '|' || *start == '-')
		start++;
	if (ta_plausible2(st, start, lenient))
		ta_names_add(out, start);
	free(clean);
	free(name);
}

/* Remove soft hyphens and zero-width characters; put a space after a label glued to the name
 * ("vonChris Jung", "ByAlex Bozarjian"). */
static char *ta_byline_prepare(const ta_state *st, const char *text)
{
	galley_buf b = {0};
	const char *p = text, *end = text + strlen(text);
	while (p < end) {
		const char *c0 = p;
		uint32_t c = galley_utf8_next(&p, end);
		if (c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF)
			continue;
		if (c == 0xFF1A) {
			/* a full-width colon closes a label as ':' does: "责任编辑：焦鹏" */
			galley_buf_puts(&b, ": ");
			continue;
		}
		galley_buf_append(&b, c0, (size_t)(p - c0));
	}
	galley_buf_putc(&b, 0);
	char *s = galley_buf_steal(&b);
	/* separators left before the label by the markup: ", par Attac France", "| By Jane Doe" */
	char *s0 = s;
	while (*s0 == ',' || *s0 == ';' || *s0 == '|' || *s0 == ' ' || *s0 == '-' || *s0 == '/')
		s0++;
	char *norm = galley_ws_normalize(s0);
	free(s);
	ta_words w;
	ta_split_words(norm, &w);
	galley_buf o = {0};
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			galley_buf_putc(&o, ' ');
		size_t split = 0;
		for (size_t k = 2; k + 1 < w.l[i] && k <= 12 && !split; k++) {
			const char *q = w.w[i] + k;
			if (((unsigned char)*q & 0xC0) == 0x80)
				continue;
			if (!ta_is_upper(galley_utf8_next(&q, w.w[i] + w.l[i])))
				continue;
			if (ta_is_upper((unsigned char)w.w[i][0]) && ta_is_upper((unsigned char)w.w[i][1]))
				continue; /* "McDonald", "IWB" stay */
			char *lo = ta_lower(w.w[i], k);
			if (ta_set_get(&st->prefixes, lo, strlen(lo)) >= 0)
				split = k;
			free(lo);
		}
		if (!split && ta_is_upper((unsigned char)w.w[i][0])) {
			/* text of two elements glued together: "ArztRedakteur", "HoeltmannFollow" */
			size_t lowrun = 0;
			for (size_t k = 1; k + 2 < w.l[i] && !split; k++) {
				unsigned char ch = (unsigned char)w.w[i][k];
				if (ch >= 'a' && ch <= 'z')
					lowrun++;
				else if (ch >= 'A' && ch <= 'Z' && lowrun >= 3 && w.w[i][k + 1] >= 'a' && w.w[i][k + 1] <= 'z') {
					/* only before a word of the vocabularies: "Redakteur", "Follow" */
					size_t rest = w.l[i] - k;
					if (ta_word_in(&st->roles, w.w[i] + k, rest) || ta_word_in(&st->datewords, w.w[i] + k, rest) ||
					    ta_word_in(&st->prefixes, w.w[i] + k, rest) || ta_word_in(&st->notauthors, w.w[i] + k, rest) ||
					    ta_role_compound(st, w.w[i] + k, rest))
						split = k;
					else
						break;
				}
				else if (ch < 0x80)
					lowrun = 0;
			}
		}
		if (split) {
			galley_buf_append(&o, w.w[i], split);
			galley_buf_putc(&o, ' ');
			galley_buf_append(&o, w.w[i] + split, w.l[i] - split);
		} else
			galley_buf_append(&o, w.w[i], w.l[i]);
	}
	galley_buf_putc(&o, 0);
	free(norm);
	char *out = galley_buf_steal(&o);
	/* a name said twice, a link's text and its title glued: "Hagen von Eitzen Hagen von Eitzen" */
	size_t n = strlen(out);
	if (n >= 5 && n % 2 && out[n / 2] == ' ' && !memcmp(out, out + n / 2 + 1, n / 2))
		out[n / 2] = 0;
	return out;
}

/* The number of words of a label at w[i] ("By", "Written by", "Text:"), 0 if none. */
static size_t ta_label_at(const ta_state *st, const ta_words *w, size_t i)
{
	size_t best = 0;
	/* the words lower-cased once, one after the other: every length k is a prefix of it */
	galley_buf b = {0};
	for (size_t k = 1; k <= (size_t)st->prefixes.maxw && i + k <= w->n; k++) {
		const char *from = k == 1 ? w->w[i] : w->w[i + k - 2] + w->l[i + k - 2];
		ta_lower_into(&b, from, (size_t)(w->w[i + k - 1] + w->l[i + k - 1] - from));
		size_t ll = b.len;
		if (k == 1 && st->prefixes.firsts) {
			/* a quick no: no label opens with this word ("Text:", "Written by") */
			size_t fl = ll;
			while (fl && (b.data[fl - 1] == ':' || b.data[fl - 1] == ','))
				fl--;
			if (ta_set_get(st->prefixes.firsts, b.data, ll) < 0 && (!fl || ta_set_get(st->prefixes.firsts, b.data, fl) < 0))
				break;
		}
		/* "Redaktion:" is a label only with its colon (the file says so) */
		if (ll > 1 && b.data[ll - 1] == ':' && ta_set_get(&st->prefixes, b.data, ll) >= 0)
			best = k;
		while (ll && (b.data[ll - 1] == ':' || b.data[ll - 1] == ','))
			ll--;
		if (ll && ta_set_get(&st->prefixes, b.data, ll) >= 0)
			best = k;
	}
	galley_buf_free(&b);
	return best;
}

/* The number of words of a phrase at w[i] that joins two people of a byline ("im Gespräch
 * mit"), 0 if none. */
static size_t ta_join_at(const ta_state *st, const ta_words *w, size_t i)
{
	size_t best = 0;
	if (st->joins.maxw < 2 || i + 2 > w->n)
		return 0;
	galley_buf b = {0}; /* the words lower-cased once, as in ta_label_at */
	ta_lower_into(&b, w->w[i], w->l[i]);
	for (size_t k = 2; k <= (size_t)st->joins.maxw && i + k <= w->n; k++) {
		const char *from = w->w[i + k - 2] + w->l[i + k - 2];
		ta_lower_into(&b, from, (size_t)(w->w[i + k - 1] + w->l[i + k - 1] - from));
		if (ta_set_get(&st->joins, b.data, b.len) >= 0)
			best = k;
	}
	galley_buf_free(&b);
	return best;
}

static bool ta_has_digit(const char *w, size_t l)
{
	for (size_t c = 0; c < l; c++)
		if (w[c] >= '0' && w[c] <= '9')
			return true;
	return false;
}

static bool ta_is_month(const ta_state *st, const char *w, size_t l)
{
	return ta_word_in(&st->months, w, l);
}

/* Names from a byline as a reader sees it: "By Jane Doe and John Roe | Reuters | 5 March 2024".
 * With need_label, the text must start with a label ("By", "Von"). */
static void ta_parse_byline2(const ta_state *st, const char *text, ta_names *out, const char *site, bool need_label, bool lenient)
{
	char *s = ta_byline_prepare(st, text);
	static const char *const seps[] = {" | ", "|", " • ", " · ", " — ", " – ", " - ", "\xe2\x80\xa2", " /// ", " ("};
	ta_words w;
	ta_split_words(s, &w);
	size_t i = 0, lab = 0;
	while ((lab = ta_label_at(st, &w, i)) > 0) {
		if (i + lab >= w.n) {
			free(s);
			return; /* only a label: "About the author", "Autor:" */
		}
		i += lab;
	}
	if ((need_label && i == 0) || (i < w.n && (ta_word_in(&st->datewords, w.w[i], w.l[i]) || ta_word_in(&st->photowords, w.w[i], w.l[i]) ||
	                                           ta_word_in(&st->othercredits, w.w[i], w.l[i])))) {
		free(s);
		return; /* "Foto: ...", "Quelle: ...", "Photograph by ...", "Edited by ..." */
	}
	/* a label word before a number is a preposition: "Über 10.000 Inhaltsstoffe mit ...",
	 * "By 2030 ..." */
	if (i > 0 && i < w.n && w.w[i][0] >= '0' && w.w[i][0] <= '9') {
		free(s);
		return;
	}
	/* after a label, a nickname with its article: "Eingestellt von der Michel um 21:11" (one
	 * capitalised word that the line's end, a date or a time closes; no role: not "von der
	 * Redaktion") */
	if (i > 0 && i + 1 < w.n && ta_word_in(&st->determiners, w.w[i], w.l[i]) && !ta_has_upper_start(w.w[i], w.l[i]) &&
	    ta_has_upper_start(w.w[i + 1], w.l[i + 1]) && !strchr(",.;:|()", w.w[i + 1][w.l[i + 1] - 1]) &&
	    (i + 2 >= w.n || ta_word_in(&st->datewords, w.w[i + 2], w.l[i + 2]) || ta_has_digit(w.w[i + 2], w.l[i + 2])) &&
	    !ta_word_in(&st->roles, w.w[i + 1], w.l[i + 1]) && !ta_role_compound(st, w.w[i + 1], w.l[i + 1]) &&
	    !ta_word_in(&st->notnames, w.w[i + 1], w.l[i + 1]) && !ta_word_in(&st->notauthors, w.w[i + 1], w.l[i + 1]) &&
	    !ta_word_in(&st->prefixes, w.w[i + 1], w.l[i + 1]) && !ta_word_in(&st->orgwords, w.w[i + 1], w.l[i + 1]))
		lenient = true;
	const char *from = i < w.n ? w.w[i] : s + strlen(s);
	size_t cut = strlen(from);
	for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		const char *p = strstr(from, seps[k]);
		if (p && (size_t)(p - from) < cut && p > from)
			cut = (size_t)(p - from);
	}
	/* "Julia Steinhoff / Oktober 25", "Cat Lafuente/June 12" */
	for (const char *p = from; (p = strchr(p, '/')) != NULL && (size_t)(p - from) < cut; p++) {
		const char *q = p + 1;
		while (*q == ' ')
			q++;
		size_t ql = strcspn(q, " ,.");
		if ((*q >= '0' && *q <= '9') || ta_is_month(st, q, ql)) {
			cut = (size_t)(p - from);
			break;
		}
	}
	char *names = galley_strndup(from, cut);
	ta_split_words(names, &w);
	size_t end = w.n;
	for (size_t k = 1; k < w.n; k++) {
		/* the editor's or translator's credit after the writers' names, set off by a mark, ends
		 * them: "Reporting by Jane Doe; Editing by John Roe" (Jane Doe); in the run of the
		 * words it makes them all a credit ("Revised Edition Edited by Adrian Parr": nobody) */
		if (ta_word_in(&st->othercredits, w.w[k], w.l[k])) {
			if (!strchr(",.;:", w.w[k - 1][w.l[k - 1] - 1])) {
				free(names);
				free(s);
				return;
			}
			/* the full stop closed the sentence, not an initial: "Von Anna Schmidt. Übersetzt von" */
			if (w.w[k - 1][w.l[k - 1] - 1] == '.' && w.l[k - 1] > 3)
				w.l[k - 1]--;
			end = k;
			break;
		}
		size_t jm = ta_join_at(st, &w, k);
		if (jm) {
			k += jm - 1; /* "in conversation with": no stop word there */
			continue;
		}
		bool stop = ta_word_in(&st->datewords, w.w[k], w.l[k]) && (!ta_has_upper_start(w.w[k], w.l[k]) || w.l[k] >= 4);
		bool month = ta_is_month(st, w.w[k], w.l[k]) && k + 1 < w.n && ta_has_digit(w.w[k + 1], w.l[k + 1]);
		/* a picture's credit after the names: "Olga Symbolbild imago", "Jane Doe Foto: dpa" */
		bool photo = ta_has_upper_start(w.w[k], w.l[k]) && ta_word_in(&st->photowords, w.w[k], w.l[k]);
		/* metadata's value, one capitalised word, then a preposition and a capitalised word:
		 * an organisation's name, not a name and its date ("Bundesministerium für Wirtschaft
		 * und Klimaschutz"; not "Jane on March 5", nor a byline's category: "Posted by DT in
		 * Tagebuch"); a word of digits and letters is one of its parts ("Bündnis 90/Die
		 * Grünen") */
		if (k == 1 && i == 0 && lenient && ta_has_upper_start(w.w[0], w.l[0]) && k + 1 < w.n &&
		    ((stop && !ta_has_upper_start(w.w[k], w.l[k]) && ta_word_in(&st->preps, w.w[k], w.l[k]) &&
		      ta_has_upper_start(w.w[k + 1], w.l[k + 1]) && !ta_is_month(st, w.w[k + 1], w.l[k + 1]) &&
		      !ta_word_in(&st->datewords, w.w[k + 1], w.l[k + 1])) ||
		     (ta_has_digit(w.w[k], w.l[k]) && memchr(w.w[k], '/', w.l[k]) && ta_is_letter((unsigned char)w.w[k][w.l[k] - 1])))) {
			free(names);
			free(s);
			return;
		}
		if (ta_has_digit(w.w[k], w.l[k]) || stop || month || photo) {
			end = k;
			break;
		}
	}
	size_t seg = 0;
	for (size_t k = 0; k <= end; k++) {
		/* "Richard David Precht im Gespräch mit Karin Fischer": both */
		size_t jm = k > 0 && k < end ? ta_join_at(st, &w, k) : 0;
		if (jm && !(k + jm < end && ta_has_upper_start(w.w[k + jm], w.l[k + jm])))
			jm = 0;
		bool brk = k == end || jm || (ta_is_conj(w.w[k], w.l[k]) && k + 1 < end && ta_has_upper_start(w.w[k + 1], w.l[k + 1]));
		bool semi = k < end && w.w[k][w.l[k] - 1] == ';';
		if (!brk && !semi)
			continue;
		size_t last = semi ? k + 1 : k;
		if (last > seg) {
			const char *a = w.w[seg];
			size_t len = (size_t)(w.w[last - 1] + w.l[last - 1] - a);
			char *part = galley_strndup(a, len);
			ta_words pw;
			ta_split_words(part, &pw);
			size_t pl = ta_label_at(st, &pw, 0);
			const char *pstart = pl && pl < pw.n ? pw.w[pl] : part;
			bool all_names = strchr(pstart, ',') != NULL;
			size_t nparts = 0;
			for (const char *p = pstart; all_names && p;) {
				const char *c = strchr(p, ',');
				size_t len2 = c ? (size_t)(c - p) : strlen(p);
				char *one = galley_strndup(p, len2);
				char *nm = galley_ws_normalize(one);
				ta_words ow;
				ta_split_words(nm, &ow);
				/* the dateline's place among them is none of the names: "Jane Doe, John Roe,
				 * Berlin" */
				if (ta_is_place(st, nm, strlen(nm))) {
					free(nm);
					free(one);
					p = c ? c + 1 : NULL;
					continue;
				}
				if (ow.n < 2 || ow.n > 4 || ta_is_qualifier(st, nm, site))
					all_names = false;
				for (size_t q = 0; q < ow.n && all_names; q++)
					if (!ta_has_upper_start(ow.w[q], ow.l[q]) && !ta_word_in(&st->particles, ow.w[q], ow.l[q]))
						all_names = false;
				free(nm);
				free(one);
				nparts++;
				p = c ? c + 1 : NULL;
			}
			if (all_names && nparts > 1) {
				for (const char *p = pstart; p;) {
					const char *c = strchr(p, ',');
					size_t len2 = c ? (size_t)(c - p) : strlen(p);
					ta_add_byline_name(st, out, p, len2, site, lenient);
					p = c ? c + 1 : NULL;
				}
			} else {
				ta_add_byline_name(st, out, pstart, strlen(pstart), site, lenient);
			}
			free(part);
		}
		seg = k + (jm ? jm : 1);
		if (jm)
			k += jm - 1;
	}
	free(names);
	free(s);
}

static void ta_parse_byline(const ta_state *st, const char *text, ta_names *out)
{
	ta_parse_byline2(st, text, out, NULL, false, false);
}

static bool ta_person_like(const ta_state *st, const ta_names *m);

/* A text that is only a byline label with its colon: "Autor:", "Written by:" (not "Über" or
 * "More from", a menu's link or a list's heading). */
static bool ta_label_only(const ta_state *st, const char *text)
{
	char *s = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(s, &w);
	size_t n = strlen(s);
	bool ok = w.n && w.n <= 3 && n > 1 && s[n - 1] == ':' && ta_label_at(st, &w, 0) == w.n;
	free(s);
	return ok;
}

/* A labelled name anywhere in a short text: "Posted on 21 May 2020 by Adi Tzlil",
 * "Accueil | Par Loïc Le Clerc | 30 septembre 2018". */
static int ta_origin_rank(const char *o);
static char *ta_decode_entities(const char *s);

/* An author's value in metadata that is the chosen name and more words, and that the page shows
 * whole (a member name that is a phrase: JSON-LD "Catch more fish", shown under "Autor", where
 * the byline's rules stop at "more"; "Michael Rädel, Redaktion" in <meta name=author> and the
 * byline, which metadata lists as two authors): that value, as shown. The added words must be
 * plain words, not a date or a number; a comma-separated part must be an author of its own in
 * the metadata ("Jane Doe, Reuters" stays "Jane Doe" unless Reuters is listed as an author).
 * Returns the value (caller frees) and sets *parts when its comma parts are the authors. */
static char *ta_meta_extends(const ta_doc *d, const char *name, bool *parts)
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
		/* without a comma the words added are no role nor an outlet's: "Evan Halper Staff
		 * Writer" stays "Evan Halper" */
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
		/* shown whole: a block's text, or its end after a label ("von Michael Rädel, Redaktion") */
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

static bool ta_all_caps_words(const char *s);

static void ta_find_labelled(const ta_state *st, const char *text, ta_names *out, const char *site, bool mid)
{
	if (strlen(text) > 200)
		return;
	char *s = ta_byline_prepare(st, text);
	ta_words w;
	ta_split_words(s, &w);
	for (size_t i = 0; i < w.n && !out->n; i++) {
		size_t lab = ta_label_at(st, &w, i);
		if (!lab || i + lab >= w.n)
			continue;
		if (i > 0) {
			/* mid-text, a label must be a real byline word followed by a capital, and not
			 * credit a photo or a theme ("Foto von X", "Theme by X"); in a line of a post's
			 * meta data, not in a teaser's sentence ("... die drei Apps von ADAC, Fazua und
			 * PocDoc im Fokus") */
			if (!mid || strlen(text) > 120)
				break;
			char *lo = ta_lower(w.w[i], w.l[i]);
			bool strong = lab > 1 || !strcmp(lo, "by") || !strcmp(lo, "von") || !strcmp(lo, "vom") || !strcmp(lo, "par") ||
			              !strcmp(lo, "por") || !strcmp(lo, "door") || !strcmp(lo, "author") || !strcmp(lo, "autor") ||
			              !strcmp(lo, "autorin") || !strcmp(lo, "auteur") || w.w[i + lab - 1][w.l[i + lab - 1] - 1] == ':';
			free(lo);
			/* "by damianduchamps on August 3", "von rasos am 24. Juli": a user name, closed */
			uint32_t next_cp = 0;
			if (i + lab + 1 < w.n) {
				const char *q = w.w[i + lab + 1];
				next_cp = galley_utf8_next(&q, q + w.l[i + lab + 1]); /* "·" is no letter */
			}
			/* or by a picture's credit that follows ("von Olga Symbolbild imago") */
			bool user = i + lab + 1 >= w.n || ta_word_in(&st->datewords, w.w[i + lab + 1], w.l[i + lab + 1]) ||
			            ta_has_digit(w.w[i + lab + 1], w.l[i + lab + 1]) || !ta_is_letter(next_cp) ||
			            ta_word_in(&st->photowords, w.w[i + lab + 1], w.l[i + lab + 1]);
			bool photo = false; /* "Foto von Josh Willink von Pexels" */
			for (size_t k = 0; k < i && !photo; k++)
				photo = ta_word_in(&st->photowords, w.w[k], w.l[k]);
			if (!strong || photo || (!ta_has_upper_start(w.w[i + lab], w.l[i + lab]) && !user) ||
			    ta_word_in(&st->datewords, w.w[i - 1], w.l[i - 1]) || ta_word_in(&st->notauthors, w.w[i - 1], w.l[i - 1]) ||
			    ta_word_in(&st->othercredits, w.w[i - 1], w.l[i - 1]))
				continue; /* "Edited by Adrian Parr" credits an editor */
			/* after a common given name, "von" is the name's particle: "Bernd von Jutrczenka",
			 * "2015 Ernst Ulrich von Weizsäcker" (a picture's credit, a list of prize winners) */
			if (ta_word_in(&st->particles, w.w[i], w.l[i]) && ta_word_in(&st->given, w.w[i - 1], w.l[i - 1]))
				continue;
			/* after a role the label is "of": "Geschäftsführer von Valendo" */
			if (ta_word_in(&st->roles, w.w[i - 1], w.l[i - 1]) || ta_role_compound(st, w.w[i - 1], w.l[i - 1]))
				continue;
			/* mid-text "von"/"by" is often a preposition ("von Hungerlöhnen"): a full name, or a
			 * user name closed by a date or a separator */
			ta_names tmp = {0};
			ta_parse_byline2(st, w.w[i], &tmp, site, true, false);
			bool closed = user || i + lab + 1 >= w.n;
			/* a bare "by"/"von" and one word in a line that is no post's meta line (no date,
			 * time or separator before it, no date after it) is a preposition and its object:
			 * "Find news by topic", "Entsendung von Arbeitnehmern", "Betroffene von Gewalt in
			 * der Familie", "una causa por cohecho" (a user's name has a date beside it: "June
			 * 5, 2019 by luxurious", "21:11 | von Marianne1", "von rasos am 24. Juli") */
			if (lab == 1) {
				bool meta = false;
				for (size_t k = 0; k < w.n && !meta; k++) {
					if (k > i + lab) {
						meta = w.w[k][0] >= '0' && w.w[k][0] <= '9';
						continue;
					}
					if (k >= i)
						continue;
					/* a word without letters is a separator ("|", "•", "—") */
					bool letter = false;
					for (const char *q = w.w[k], *e = w.w[k] + w.l[k]; q < e && !letter;)
						letter = ta_is_letter(galley_utf8_next(&q, e));
					meta = !letter || ta_has_digit(w.w[k], w.l[k]) || ta_is_month(st, w.w[k], w.l[k]) || strchr(",|:;", w.w[k][w.l[k] - 1]);
				}
				if (!meta)
					closed = false;
			}
			/* one capitalised word closing a long line is a noun ("... ein Zeichen von
			 * Respekt."), unless it looks like a user name ("MatsWichmann", "rasos", "r23") */
			/* in a heading in capitals, the label is a preposition ("KLIMANEUTRALITÄT VON
			 * UNTERNEHMEN"); a user name is not written so */
			if (tmp.n == 1 && !strchr(tmp.v[0], ' ') && strlen(tmp.v[0]) > 3 && ta_all_caps_words(tmp.v[0])) {
				bool caps_label = true;
				for (size_t k = 0; k < w.l[i] && caps_label; k++)
					caps_label = !(w.w[i][k] >= 'a' && w.w[i][k] <= 'z');
				if (caps_label)
					closed = false;
			}
			if (tmp.n == 1 && closed && strlen(text) > 60 && !strchr(tmp.v[0], ' ')) {
				const char *v = tmp.v[0];
				bool inner_cap = false;
				for (const char *q = v + 1; *q && !inner_cap; q++)
					inner_cap = *q >= 'A' && *q <= 'Z' && q[-1] != '-'; /* "Präparate-Zuordnung" is a noun */
				/* a compound of capitalised parts is a noun too, whatever its first part
				 * ("CO2-Emissionen") */
				const char *dash = strchr(v, '-');
				bool compound = dash && dash > v && ta_is_upper((unsigned char)dash[1]);
				if (ta_has_upper_start(v, strlen(v)) && (compound || (!inner_cap && !ta_has_digit(v, strlen(v)))))
					closed = false;
			}
			if (tmp.n && ((tmp.n == 1 && closed) || ta_person_like(st, &tmp))) {
				for (size_t k = 0; k < tmp.n; k++)
					ta_names_add(out, tmp.v[k]);
			}
			ta_names_free(&tmp);
			continue;
		}
		/* "Über"/"About" opens a byline with a person's full name ("Über André Loibl"); a menu's
		 * "About CC", "Über unser Unternehmen", "über den Kajetanerplatz" name nobody */
		if (lab == 1 && ta_word_in(&st->about, w.w[i], w.l[i])) {
			ta_names tmp = {0};
			ta_parse_byline2(st, w.w[i], &tmp, site, true, false);
			bool caps = tmp.n > 0;
			for (size_t k = 0; k < tmp.n && caps; k++)
				caps = ta_has_upper_start(tmp.v[k], strlen(tmp.v[k]));
			/* the person is all the line says: not "Über NVIDIA Omniverse für wissenschaftliche
			 * Visualisierungen", a link's topic */
			if (caps && tmp.n == 1 && i + 1 < w.n) {
				const char *rest = w.w[i + 1];
				size_t rl = strlen(rest), nl = strlen(tmp.v[0]);
				while (rl && strchr(" .,:;!?", rest[rl - 1]))
					rl--;
				caps = rl == nl && !strncmp(rest, tmp.v[0], nl);
			}
			if (caps && ta_person_like(st, &tmp))
				for (size_t k = 0; k < tmp.n; k++)
					ta_names_add(out, tmp.v[k]);
			ta_names_free(&tmp);
			continue;
		}
		ta_parse_byline2(st, w.w[i], out, site, true, false);
	}
	free(s);
}

/* A byline line of segments: "04.02.2022 | 13:10 Uhr | Uta Helkenberg", "Janic Cathomen,
 * 01.12.2021": the segment that is a person's name. */
static void ta_find_segment_name(const ta_state *st, const char *text, ta_names *out, const char *site, bool single)
{
	if (strlen(text) > 120)
		return;
	char *s = ta_byline_prepare(st, text);
	bool has_date = false;
	for (const char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9')
			has_date = true;
	if (!has_date) {
		free(s);
		return;
	}
	for (char *p = s; *p; p++) {
		/* not the slash of a German noun in both genders: "Tierfreund/in", "Verifizierte/r" */
		if (*p == '/' && p > s && p[-1] != ' ') {
			size_t g = p[1] == 'r' ? 1 : !strncmp(p + 1, "innen", 5) ? 5 : !strncmp(p + 1, "in", 2) ? 2 : 0;
			if (g && (p[1 + g] == 0 || p[1 + g] == ' '))
				continue;
		}
		if (*p == '|' || *p == ',' || *p == '/' || *p == ';')
			*p = '\n';
	}
	/* " - " and " – " separate too, and dots between the parts: "16.10.2019 ∙ SWR Fernsehen",
	 * "Jane Doe · 5. März 2021", "Jane Doe • 5 min" */
	char *q;
	while ((q = strstr(s, " - ")) != NULL)
		q[1] = '\n';
	static const char *const dots[] = {"\xc2\xb7", "\xe2\x88\x99", "\xe2\x80\xa2"}; /* · ∙ • */
	for (size_t k = 0; k < sizeof dots / sizeof dots[0]; k++) {
		size_t dl = strlen(dots[k]);
		while ((q = strstr(s, dots[k])) != NULL) {
			q[0] = '\n';
			memset(q + 1, ' ', dl - 1);
		}
	}
	while ((q = strstr(s, " \xe2\x80\x93 ")) != NULL) {
		q[1] = '\n';
		q[2] = ' ';
		q[3] = ' ';
	}
	ta_words all;
	ta_split_words(text, &all);
	bool single_ok = single && all.n <= 5; /* "HansEhrlich 17.10.2019, 13:56 Uhr", "Benni 10. September 2017" */
	char *save = NULL;
	for (char *seg = strtok_r(s, "\n", &save); seg && !out->n; seg = strtok_r(NULL, "\n", &save)) {
		char *nm0 = galley_ws_normalize(seg);
		ta_words w;
		ta_split_words(nm0, &w);
		/* dates around the name: "2019 Helmut Rubik 0", "Benni 10. September 2017" */
		size_t a0 = 0, a1 = w.n;
		while (a0 < a1 && (ta_has_digit(w.w[a0], w.l[a0]) || ta_is_month(st, w.w[a0], w.l[a0])))
			a0++;
		for (size_t i = a0; i < a1; i++)
			if (ta_has_digit(w.w[i], w.l[i]) || ta_is_month(st, w.w[i], w.l[i]) || ta_word_in(&st->datewords, w.w[i], w.l[i])) {
				a1 = i;
				break;
			}
		if (a1 <= a0) {
			free(nm0);
			continue;
		}
		char *nm = galley_strndup(w.w[a0], (size_t)(w.w[a1 - 1] + w.l[a1 - 1] - w.w[a0]));
		size_t nw = a1 - a0;
		/* "Lübeck, 31. März 2003", "Berlin · 12.03.2021": a place before the date, not a name */
		const char *at = nw == 1 ? strstr(text, nm) : NULL;
		const char *after = at ? at + strlen(nm) : NULL;
		while (after && *after == ' ')
			after++;
		bool city = after && (*after == ',' || !strncmp(after, "\xc2\xb7", 2) || !strncmp(after, "\xe2\x88\x99", 3) ||
		                      !strncmp(after, "\xe2\x80\xa2", 3));
		/* a field's label and its number: "Ausgabejahr 2022 Datum 25.01.2022" (not a day before
		 * its month: "Benni 10 September 2017") */
		bool field = nw == 1 && a1 < w.n && strspn(w.w[a1], "0123456789") == w.l[a1] &&
		             !(a1 + 1 < w.n && ta_is_month(st, w.w[a1 + 1], w.l[a1 + 1]));
		bool ok = ((nw >= 2 && nw <= 4) || (nw == 1 && single_ok && w.l[a0] >= 3 && !city && !field)) && !ta_is_qualifier(st, nm, site);
		for (size_t i = a0; i < a1 && ok; i++)
			if ((!ta_has_upper_start(w.w[i], w.l[i]) && !(nw == 1 && single_ok)) || ta_word_in(&st->notnames, w.w[i], w.l[i]) ||
			    ta_word_in(&st->prefixes, w.w[i], w.l[i]) || ta_word_in(&st->roles, w.w[i], w.l[i]) ||
			    ta_word_in(&st->notauthors, w.w[i], w.l[i]))
				ok = false;
		if (ok && ta_plausible(st, nm))
			ta_names_add(out, nm);
		free(nm);
		free(nm0);
	}
	free(s);
}

/* Does an element's class, id, rel or itemprop say "byline"/"author"? */
static bool ta_attr_has(xmlNodePtr n, const char *const *words, size_t nw)
{
	static const char *const attrs[] = {"class", "id", "rel", "itemprop"};
	for (size_t a = 0; a < 4; a++) {
		xmlChar *v = xmlGetProp(n, BAD_CAST attrs[a]);
		if (!v)
			continue;
		char *lo = ta_lower((const char *)v, strlen((const char *)v));
		xmlFree(v);
		bool hit = false;
		for (size_t k = 0; k < nw && !hit; k++)
			if (strstr(lo, words[k]))
				hit = true;
		free(lo);
		if (hit)
			return true;
	}
	return false;
}

static const char *const ta_byline_words[] = {"byline", "by-line", "author", "autor", "verfasser", "writer", "creator", "contributor"};
static const char *const ta_not_byline_words[] = {"comment", "avatar", "authorbox", "author-box", "author-bio", "about-author", "author_bio", "related", "teaser"};

/* Byline texts in a body that still carries the page's attributes (read-html without the
 * stripper). */
static void ta_dom_bylines(const ta_state *st, xmlNodePtr root, ta_names *out)
{
	xmlNodePtr n = root;
	size_t tried = 0, visited = 0;
	while (n && tried < 4 && visited < 200000) {
		visited++;
		bool descend = true;
		if (n->type == XML_ELEMENT_NODE && n->properties &&
		    ta_attr_has(n, ta_byline_words, sizeof ta_byline_words / sizeof ta_byline_words[0])) {
			bool bad = false;
			for (xmlNodePtr up = n; up && up != root && !bad; up = up->parent)
				if (up->type == XML_ELEMENT_NODE && up->properties &&
				    ta_attr_has(up, ta_not_byline_words, sizeof ta_not_byline_words / sizeof ta_not_byline_words[0]))
					bad = true;
			if (!bad) {
				xmlChar *txt = xmlNodeGetContent(n);
				char *t = txt ? galley_ws_normalize((const char *)txt) : NULL;
				xmlFree(txt);
				if (t && *t && strlen(t) <= 160) {
					tried++;
					ta_parse_byline(st, t, out);
					descend = false;
				}
				free(t);
				if (out->n)
					return;
			}
		}
		n = galley_node_next(n, root, descend);
	}
}

static int ta_origin_rank(const char *o)
{
	static const char *const order[] = {"json-ld", "link", "microdata", "meta", "article-meta", "dublin-core", "opengraph", "text"};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (!strcmp(o, order[i]))
			return (int)i;
	if (!strcmp(o, "twitter"))
		return 9; /* mostly @handles, which are dropped; a bare value is a user name */
	return 10;
}

static bool ta_outlet_like(const ta_state *st, const galley_article *a, const ta_names *m, const char *site);

/* Decode HTML character references left in metadata ("Redacci&oacute;n"). */
static char *ta_decode_entities(const char *s)
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

/* Authors the metadata names: the best origin that names people; an origin that names only
 * the outlet is kept as a fallback. */
static void ta_meta_authors(const ta_state *st, const galley_article *a, ta_names *out, const char *site)
{
	ta_names fallback = {0};
	for (int rank = 0; rank <= 10 && !out->n; rank++) {
		ta_names tmp = {0};
		for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			if (strcmp(c->field, "author") || ta_origin_rank(c->origin) != rank)
				continue;
			/* links, microdata and microformats repeat the authors of teasers: the first one only */
			if (tmp.n && (!strcmp(c->origin, "link") || !strcmp(c->origin, "microdata") || !strcmp(c->origin, "microformat")))
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
			ta_parse_byline2(st, v, &tmp, site, false, true);
			/* an organisation's name that a preposition continues, cut there as a byline's
			 * place would be ("Eidgenössisches Departement für Wirtschaft, Bildung und
			 * Forschung WBF" is no "Eidgenössisches Departement"): the whole name, none when
			 * it runs on to another ("Iberische Weine in Berlin - Vinos Y Tapas"); a person's
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
		}
		if (!tmp.n) {
			ta_names_free(&tmp); /* its array stays when a name was taken back */
			continue;
		}
		if (ta_outlet_like(st, a, &tmp, site)) {
			if (!fallback.n)
				fallback = tmp;
			else
				ta_names_free(&tmp);
			continue;
		}
		*out = tmp;
	}
	if (!out->n)
		*out = fallback;
	else
		ta_names_free(&fallback);
}

static bool ta_names_cover(const ta_names *big, const ta_names *small)
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

/* Some name of one list inside a name of the other, ignoring case ("Evan Halper" and "Evan
 * Halper Staff"): the same person, spelt with more or fewer words. */
static bool ta_names_overlap(const ta_names *x, const ta_names *y)
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
static bool ta_account_like(const ta_names *m)
{
	if (m->n != 1)
		return false;
	const char *v = m->v[0];
	if (strchr(v, ' '))
		return false;
	return !ta_is_upper((unsigned char)v[0]) && !((unsigned char)v[0] & 0x80);
}

/* Two or more capitalised words, as people's names are. */
static bool ta_person_like(const ta_state *st, const ta_names *m)
{
	for (size_t i = 0; i < m->n; i++) {
		ta_words w;
		ta_split_words(m->v[i], &w);
		if (w.n < 2 || w.n > 4 || ta_is_qualifier(st, m->v[i], NULL))
			return false;
		for (size_t k = 0; k < w.n; k++)
			if (k > 0 && ta_word_in(&st->particles, w.w[k], w.l[k]))
				continue; /* "Loïc Le Clerc", "Walter von Aachen" */
			else if (ta_word_in(&st->notnames, w.w[k], w.l[k]) || ta_word_in(&st->preps, w.w[k], w.l[k]) ||
			    ta_word_in(&st->notauthors, w.w[k], w.l[k]) || ta_word_in(&st->datewords, w.w[k], w.l[k]))
				return false;
	}
	return m->n > 0;
}

/* Letters and digits of s, lower-cased ("El Colombiano" -> "elcolombiano"). (owned) */
static char *ta_alnum_key(const char *s, size_t n)
{
	char *lo = ta_lower(s, n);
	size_t k = 0;
	for (size_t i = 0; lo[i]; i++)
		if (((unsigned char)lo[i] & 0x80) || (lo[i] >= 'a' && lo[i] <= 'z') || (lo[i] >= '0' && lo[i] <= '9'))
			lo[k++] = lo[i];
	lo[k] = 0;
	return lo;
}

/* The name is the site's own: its web address ("L-MAG" on l-mag.de, "El Colombiano" on
 * elcolombiano.com, "LN" on ln-online.de) or the site's social-media handle ("@Eurosport_DE"). */
static bool ta_site_named(const galley_article *a, const char *v)
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
			 * ("ln" of "ln-online"), or the name plus a common ending ("googleblog") */
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
		hit = !strcmp(hk, key) || (hl > kl && hl <= kl + 3 && !strncmp(hk, key, kl)); /* "@Eurosport_DE" */
		free(hk);
	}
	free(key);
	return hit;
}

/* Names that are the outlet or the site rather than a person. */
static bool ta_outlet_like(const ta_state *st, const galley_article *a, const ta_names *m, const char *site)
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

static bool ta_reason_is(const galley_removed *r, const char *const *reasons, size_t n)
{
	if (!r->reason)
		return false;
	for (size_t i = 0; i < n; i++) /* the first letter first: most blocks have another reason */
		if (r->reason[0] == reasons[i][0] && !strcmp(r->reason, reasons[i]))
			return true;
	return false;
}

/* "Todd" followed by one or two capitalised words somewhere in the page ("Todd Bates"). */
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
		/* only where the page clearly names the person: after a label ("von Nils Pickert")
		 * or followed by a separator ("Stefanus Stahl - Maschinenbauer") */
		bool labelled = false;
		if (p > text + 1) {
			const char *b = p - 1;
			while (b > text && b[-1] != ' ')
				b--;
			char *lo = ta_lower(b, (size_t)(p - 1 - b));
			/* in a byline's short line, not a sentence's agent ("..., wurde 2012 von Jessie
			 * Weiß gegründet") */
			labelled = ta_set_get(&st->prefixes, lo, strlen(lo)) >= 0 && strlen(text) <= 80;
			free(lo);
		}
		/* a line that opens with the name and a dash: an author's note ("Stefanus Stahl -
		 * Maschinenbauer, Abenteurer ...") */
		bool dashed = p == text && (!strncmp(end, " - ", 3) || !strncmp(end, " \xe2\x80\x93 ", 5) || !strncmp(end, " \xe2\x80\x94 ", 5));
		/* or a line that is the full name alone (p.full-name "Todd Bates", its "By" in another element) */
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

static char *ta_extend_name(const ta_doc *d, const char *first)
{
	const galley_article *a = d->a;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		/* not the site's header ("Journal von Andrea Bottlinger"): the owner's full name
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

static bool ta_all_caps_words(const char *s)
{
	for (const char *p = s; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			return false;
	return true;
}

/* Equal when spaces and case are ignored ("EL DEBER" and "eldeber"). */
static bool ta_ieq_loose(const char *a, const char *b)
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
static int ta_removed_tier(const galley_removed *r, bool repeated)
{
	static const char *const weak_in[] = {"teaser", "related", "link-density", "sidebar", "comments", "nav", "footer",
	                                      "share", "newsletter", "ad", "author-box", "duplicate", "cookie", "paywall"};
	const char *ctx = r->context ? r->context : "";
	const char *in = strstr(ctx, " in:");
	bool weak = false;
	if (in) {
		in += 4;
		for (size_t i = 0; i < sizeof weak_in / sizeof weak_in[0]; i++)
			if (!strcmp(in, weak_in[i]))
				weak = true;
	}
	if (repeated)
		return 2;
	if (weak)
		return strstr(ctx, " after-body") ? 2 : 1;
	if (strstr(ctx, " before-body") || strstr(ctx, " in-body"))
		return 0;
	return 1;
}

/* The length of a context's element part ("div.byline" of "div.byline before-body"). */
static size_t ta_context_elem(const char *ctx)
{
	return ctx ? strcspn(ctx, " ") : 0;
}

/* The removed blocks with one of reasons, most trusted first (ta_removed_tier), page order
 * kept within a tier; tiers[] gets each one's tier.  Returns how many (owned arrays). */
static size_t ta_removed_order(const galley_article *a, const char *const *reasons, size_t nr, size_t **order_out, int **tiers_out)
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

/* Is all of a block's text set in italics ("<p><em>Denis Clerc</em></p>")? */
static bool ta_all_italic(xmlNodePtr n, bool in_italic, int depth)
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
 * Bern", "Deutscher Handballbund")? */
static bool ta_person_text(ta_doc *d, const char *name)
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
 * address spells: "Dr. Alexander Klier" on alexander-klier.net, "Sprachpunkt Alexander Lasch" on
 * alexanderlasch.wordpress.com give "Alexander Klier", "Alexander Lasch": two or three
 * capitalised words whose letters, joined, are in the host, the first a common given name
 * (not "Twin Cities" on twincities.com). */
static bool ta_host_person(ta_doc *d, const char *text, ta_names *out)
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
				/* words, not initials or short names in capitals ("Lavazza DE") */
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
 * Wasmer" closing an article, "© 2020 Wolfgang Michal", "Copyright (c) 2012- Gregory Szorc.
 * All rights reserved." */
/* A name whose initial is glued to the surname, "C.Habermueller", with the space a reader
 * reads there ("C. Habermueller"); NULL for any other text. */
static char *ta_unglue_initial(const char *s)
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

static void ta_name_line(const ta_state *st, const char *text, ta_names *out, bool copyright, bool year_needed)
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
			/* "© since 2010 by C.Habermueller", "© seit 2010" */
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
		 * Commons-Lizenz) 2006-2008 by Martin Weber Hosted by ..." */
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
	bool credit_after = false; /* another credit follows the name: "... Martin Weber Hosted by ..." */
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
		/* "... C.Habermueller All rights reserved", "Alle Rechte vorbehalten" */
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
	/* one word that is an initial and a surname: "C.Habermueller" */
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
 * "Christian P. Stadtfeld", "anna-schmidt" -> "Anna Schmidt"): capitalised words in text that open
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
		while (l0 && (*s0 == '(' || *s0 == '[' || *s0 == '"')) /* "(Christian P. Stadtfeld)" */
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
			/* the words between must end there: "Christian P. Stadtfeld)", not past a closing mark */
			char last = w.w[j][w.l[j] - 1];
			if (last == ')' || last == ']' || last == '"' || last == ',')
				break;
		}
	}
	free(norm);
	return found;
}

static char *ta_account_person(const ta_doc *d, const char *account)
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
	 * ("robert.stitz" -> "Robert Stitz"); plain letters only, whose spelling is sure */
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

/* Is the word the lower-case "by" of a credit in English, German, French or Spanish ("Stylegart
 * by Ramona", "... von Jane Doe")? */
static bool ta_by_word(const char *w, size_t l)
{
	static const char *const by[] = {"by", "von", "par", "por"};
	for (size_t k = 0; k < sizeof by / sizeof by[0]; k++)
		if (l == strlen(by[k]) && !memcmp(w, by[k], l))
			return true;
	return false;
}

/* The person behind an account named like the site's brand, in a short line that credits the
 * brand to someone ("© Stylegart by Ramona", "Küchenliebe von Anna Berg"): the name closing the
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

static char *ta_account_brand(const ta_doc *d, const char *account)
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
 * "Deine Mady" (a short line of the article's own text that ends with the name: one of the last
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

static char *ta_account_signed(const ta_doc *d, const char *account)
{
	char *found = NULL;
	for (size_t k = 0; k < 3 && k < d->nbody && !found; k++)
		found = ta_signed_in(d->p[d->nbody - 1 - k].text, account);
	for (size_t i = 0; i < galley_article_n_removed(d->a) && !found; i++) {
		const galley_removed *r = galley_article_removed(d->a, i);
		if (r->text && r->context && !strcmp(r->reason, "short") && strstr(r->context, " in-body"))
			found = ta_signed_in(r->text, account);
	}
	return found;
}

/* Initials alone ("DT"): the full name with those initials that the page gives after a byline
 * label ("Ein Hundetagebuch von Donald Townsend steht unter einer Lizenz"). Owned, or NULL. */
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

static char *ta_expand_initials(const ta_doc *d, const char *ini)
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
static bool ta_header_place(const char *context)
{
	return (strstr(context, " before-body") || strstr(context, " in-body")) && !strstr(context, " in:");
}

static bool ta_agency_word(const ta_state *st, const char *s, size_t n);

/* A credit line naming the desk and the editor's sign or the agencies, its label with a colon:
 * "Quelle: MDR THÜRINGEN/ls", "Quelle: hessenschau.de/bb", "Source: dpa/AFP". */
static void ta_credit_line(const ta_state *st, const char *text, ta_names *out)
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
 * Loevenich", "The Guardian 02/10/2020 Anna Fazackerley"), in a paragraph or a box, not a heading,
 * a list item or a link: the name. */
static bool ta_dated_name_line(const ta_state *st, const char *text, const char *context, ta_names *out)
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

/* The credit line as the page prints it, when it names several authors: "Lars Fischer und Alina
 * Schadwinkel", "Daniel Braun, Davor Pasoski". The names, in order, with only separators between
 * them (commas, semicolons, slashes, "&" and one conjunction: "and", "und", "et", "y"), in a text
 * of the page. NULL when no text shows them so. (owned) */
static bool ta_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static char *ta_display_byline(const ta_doc *d, const ta_names *use)
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
static bool ta_agency_word(const ta_state *st, const char *s, size_t n)
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
static void ta_closing_credit(const ta_state *st, const char *text, ta_names *out)
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

/* A press release's contact person, in a short line that a contact label opens or that goes
 * on with the person's role or telephone: "Pressekontakt Dr. Tim Loppe Pressesprecher naturstrom
 * AG Tel.: ...", "Jan Koch Telefon +49 ...", "Alexandra Weber Stellvertretende Pressesprecherin
 * und ...". */
static void ta_contact_name(const ta_state *st, const char *text, ta_names *out)
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
	size_t b = i;
	if (i < w.n && ta_is_dr(w.w[i], w.l[i]))
		i++;
	for (size_t len = 2; len <= 3 && i + len < w.n; len++) {
		bool name = true;
		for (size_t k = i; k < i + len && name; k++) {
			const char *x = w.w[k];
			size_t xl = w.l[k];
			/* names and initials ("Karin J. Schmitz"), not abbreviations ("St. Louis") */
			name = ta_has_upper_start(x, xl) && !ta_has_digit(x, xl) && xl >= 2 && !ta_word_in(&st->contacts, x, xl) &&
			       !ta_word_in(&st->roles, x, xl) && !ta_role_compound(st, x, xl) && !ta_word_in(&st->notnames, x, xl) &&
			       !ta_word_in(&st->orgwords, x, xl) && (x[xl - 1] != '.' || xl == 2) &&
			       (k + 1 == i + len || (x[xl - 1] != ',' && x[xl - 1] != ':'));
		}
		if (!name)
			break;
		/* what follows, as in a contact's address lines (no comma: "Ernst Kick, Vorstandsvorsitzender
		 * der Spielwarenmesse, im Interview" is a teaser): a telephone ("Telefon +49"), a role, a
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
 * ("Rede von Bundespräsident Johannes Rau beim Föderalismuskonvent der deutschen
 * Landesparlamente", "Speech by Prime Minister Jane Doe at ..."): a full name only. */
static void ta_speech_title(const ta_state *st, const char *title, ta_names *out)
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
 * (dpa/lno) – Trotz eines Gespräches ...", "WASHINGTON (AP) — ..."). */
static bool ta_agency_credit(const ta_state *st, const char *text, ta_names *out)
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

/* A post's meta line that gives the author then "@" and the time: "Filed under: Alltag — jancak
 * @ 00:11 Tags: ...": the words between a separator and the "@" (a user name or a person's
 * name). */
static void ta_at_time_name(const ta_state *st, const char *text, ta_names *out, const char *site)
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

/* The title credits a name that the page also shows alone on a line: "gousto.co.uk reviewed by
 * Mrs H Pyke" with "Mrs H Pyke" beside the review. */
static void ta_title_credit(ta_doc *d, const char *title, ta_names *out)
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

/* A page about a person, the title the person's name alone after "Über"/"About": "Über André
 * Loibl | " (a personal site's about page), the name opening with a common given name. */
static void ta_about_title(ta_doc *d, const char *title, ta_names *out)
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

/* A labelled byline set in bold or italics inside a block of the text, which the markup did not
 * set apart: "micropolitics <strong><em>---- by Kenneth Surin</em></strong> Deleuze and ...";
 * the first emphasised run of the block's opening only. */
static bool ta_find_date(const ta_state *st, const char *text, ta_date *out);

static void ta_emphasised_byline(const ta_state *st, xmlNodePtr n, ta_names *out, const char *site, size_t *seen, int depth)
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

/* The article's text opening with its writer's badge: a picture alone, its alternative text or
 * title a name, then that name alone on the next line (a member's avatar and handle over a
 * community post, a columnist's portrait over the column: <img alt="fri.juli"> then
 * "fri.juli"). A handle of one word, or a person's name; nothing else before them. */
static bool ta_badge_name(ta_doc *d, ta_names *out)
{
	if (!d->nbody || !d->gp || !d->gp->n || !d->gp->node[0] || d->p[0].len > 40 || d->p[0].len < 2)
		return false;
	const char *name = d->p[0].text;
	ta_words w;
	ta_split_words(name, &w);
	if (!w.n || w.n > 3 || (w.n == 1 && (ta_word_in(&d->st->notauthors, w.w[0], w.l[0]) ||
	                                       ta_word_in(&d->st->notnames, w.w[0], w.l[0]))))
		return false;
	xmlDocPtr body = galley_article_body(d->a);
	if (!body)
		return false;
	xmlNodePtr root = galley_body_root(body), target = d->gp->node[0], pic = NULL;
	size_t seen = 0;
	/* what comes before the line: one picture, no text */
	for (xmlNodePtr n = root; n && n != target && seen < 64; n = galley_node_next(n, root, true), seen++) {
		if (n->type == XML_TEXT_NODE && n->content) {
			for (const xmlChar *c = n->content; *c; c++)
				if (!strchr(" \t\r\n", *c))
					return false;
		} else if (n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, "img")) {
			if (pic)
				return false;
			pic = n;
		}
	}
	if (!pic || seen >= 64)
		return false;
	bool same = false;
	static const char *const attrs[] = {"alt", "title"};
	for (size_t k = 0; k < 2 && !same; k++) {
		xmlChar *v = xmlGetProp(pic, BAD_CAST attrs[k]);
		char *nv = v ? galley_ws_normalize((const char *)v) : NULL;
		xmlFree(v);
		same = nv && !strcmp(nv, name);
		free(nv);
	}
	/* not the picture of the person the article is about, captioned: the title names them */
	const char *title = galley_article_get(d->a, GALLEY_FIELD_TITLE);
	if (!same || (w.n > 1 && !ta_person_text(d, name)) || (title && strstr(title, name)))
		return false;
	ta_names_add(out, name);
	return true;
}

/* The first line of an element's text, up to its first line break: "Pressestelle des Deutschen
 * Caritasverbandes" of "<strong>Pressestelle des Deutschen Caritasverbandes</strong><br/>
 * Reinhardtstraße 13<br/>10117 Berlin". */
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
static bool ta_office_word(const ta_state *st, const char *w, size_t l)
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
 * the text's first paragraph, the institution on the next ("Dr. Karin J. Schmitz <em>Abteilung
 * Öffentlichkeitsarbeit</em><br/>Gesellschaft Deutscher Chemiker e.V."): that line, as the
 * page shows it. */
static bool ta_sender_line(ta_doc *d, ta_names *out)
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
 * des Deutschen Caritasverbandes<br/>Reinhardtstraße 13<br/>10117 Berlin"). */
static bool ta_issuer(ta_doc *d, ta_names *out)
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
		 * ("Herausgeber:" then "Suhrkamp Verlag") */
		char *line = ta_first_line(d->gp->node[i + 1]);
		size_t n = strlen(line);
		ta_words w;
		ta_split_words(line, &w);
		bool office = false;
		for (size_t k = 0; k < w.n && !office; k++)
			office = ta_office_word(d->st, w.w[k], w.l[k]);
		if (n && n <= 80 && office && !ta_has_digit(line, n) && ta_plausible2(d->st, line, true))
			ta_names_add(out, line);
		free(line);
		return out->n > 0;
	}
	return false;
}

static void ta_authors(ta_doc *d)
{
	const ta_state *st = d->st;
	galley_article *a = d->a;
	const char *site = galley_article_get(a, GALLEY_FIELD_SITE);
	ta_names meta = {0}, lab = {0}, vis = {0};
	ta_meta_authors(st, a, &meta, site);

	/* labelled names ("By Jane Doe") in the blocks the stripper removed, bylines first: those
	 * in or before the article's text, then after it, then a byline paragraph still in the
	 * body, then the bylines of teaser lists */
	static const char *const first[] = {"byline", "meta", "dateline"};
	static const char *const later[] = {"outside-main", "author-box", "short", "link-density", "credit", "sidebar", "share", "tags"};
	size_t *ord = NULL;
	int *tiers = NULL;
	size_t nord = ta_removed_order(a, first, sizeof first / sizeof first[0], &ord, &tiers);
	int lab_tier = 3;
	for (size_t i = 0; i < nord && !lab.n && tiers[i] <= 1; i++) {
		ta_find_labelled(st, galley_article_removed(a, ord[i])->text, &lab, site, true);
		if (lab.n)
			lab_tier = tiers[i];
	}
	/* a byline paragraph still in the body, near the top or the end: "By Jane Doe" */
	for (size_t i = 0; i < d->nbody && !lab.n; i++)
		if ((i < 3 || i + 2 >= d->nbody) && d->p[i].len <= 200) {
			/* a short line at the top with a date or a time, the article's meta line: the
			 * label anywhere ("Stars (1 / 1) 06.11.2023 13:30 von Olga Symbolbild imago") */
			bool meta_line = false;
			for (const char *q = d->p[i].text; i < 3 && d->p[i].len <= 80 && *q && !meta_line; q++)
				meta_line = q[0] >= '0' && q[0] <= '9' && (q[1] == '.' || q[1] == ':' || q[1] == '/') && q[2] >= '0' && q[2] <= '9';
			/* a phrase that opens it and says what the text is, its writer then the person
			 * met: "Ein Interview von Eugen Zentner mit Sonja Silberhorn." (the writer) */
			ta_words pw;
			ta_split_words(d->p[i].text, &pw);
			size_t phrase = ta_label_at(st, &pw, 0);
			char *cut = NULL;
			if (phrase >= 3) {
				static const char *const with[] = {"mit", "with", "avec", "con"};
				for (size_t k = phrase + 1; k < pw.n && !cut; k++)
					for (size_t m = 0; m < sizeof with / sizeof with[0] && !cut; m++)
						if (pw.l[k] == strlen(with[m]) && !memcmp(pw.w[k], with[m], pw.l[k]))
							cut = galley_strndup(d->p[i].text, (size_t)(pw.w[k] - d->p[i].text));
			}
			ta_find_labelled(st, cut ? cut : d->p[i].text, &lab, site, meta_line);
			free(cut);
			/* a paragraph is not marked as a byline: it does not overrule metadata, unless
			 * its label says so with a colon ("Autorin: Uta Staschewski, ...") or is that
			 * phrase */
			const char *colon = lab.n ? strchr(d->p[i].text, ':') : NULL;
			if (lab.n)
				lab_tier = (colon && colon - d->p[i].text <= 16) || phrase >= 3 ? 0 : 1;
		}
	for (size_t i = 0; i < 2 && i < d->nbody && d->gp && i < d->gp->n && !lab.n; i++) {
		size_t seen = 0;
		if (d->gp->node[i] && d->p[i].len > 200) {
			ta_emphasised_byline(st, d->gp->node[i], &lab, site, &seen, 0);
			if (lab.n)
				lab_tier = 1;
		}
	}
	/* anywhere in the body, a short paragraph that a label with a colon opens ("Autorin: ..."),
	 * or the noun "author" without one when people's names follow ("Autoren Jelko Djuren und
	 * Jutta Klaukien") */
	for (size_t i = 0; i < d->nbody && !lab.n; i++) {
		const char *colon = d->p[i].len <= 160 ? strchr(d->p[i].text, ':') : NULL;
		if (colon && colon - d->p[i].text <= 16) {
			ta_find_labelled(st, d->p[i].text, &lab, site, false);
			if (lab.n)
				lab_tier = 0;
		} else if (d->p[i].len <= 100 && d->p[i].nt >= 3 &&
		           (ta_tok_is(d, &d->p[i].t[0], "autor") || ta_tok_is(d, &d->p[i].t[0], "autorin") ||
		            ta_tok_is(d, &d->p[i].t[0], "autoren") || ta_tok_is(d, &d->p[i].t[0], "author") ||
		            ta_tok_is(d, &d->p[i].t[0], "auteur"))) {
			ta_find_labelled(st, d->p[i].text, &lab, site, false);
			if (lab.n && !ta_person_like(st, &lab))
				ta_names_free(&lab);
			if (lab.n)
				lab_tier = 1;
		}
	}
	/* a signature line closing the story that the markup joined to its last paragraph with line
	 * breaks: "... rügte das Gericht. Quelle: ... Autor: Rechtsanwalt Sebastian Einbock" (the
	 * label with its colon, the name ending the text) */
	for (size_t k = 0; k < 2 && k < d->nbody && !lab.n; k++) {
		const char *t = d->p[d->nbody - 1 - k].text;
		size_t tl = strlen(t);
		if (tl > 100) { /* its last words only */
			t += tl - 100;
			while (*t && *t != ' ')
				t++;
		}
		ta_words w;
		ta_split_words(t, &w);
		for (size_t i = w.n > 6 ? w.n - 6 : 1; i + 1 < w.n && !lab.n; i++) {
			size_t ln = ta_label_at(st, &w, i);
			if (!ln || i + ln >= w.n || w.w[i + ln - 1][w.l[i + ln - 1] - 1] != ':')
				continue;
			ta_parse_byline2(st, w.w[i], &lab, site, true, false);
			if (lab.n && !ta_person_like(st, &lab))
				ta_names_free(&lab);
			if (lab.n)
				lab_tier = 0;
		}
	}
	/* a label alone in its element and the name in the next one: "Autor:" then "Redaktion
	 * Gelbe Liste Pharmindex", <dt>Auteur</dt><dd>Uriel Gadessaud</dd> */
	for (size_t i = 0; i + 1 < galley_article_n_removed(a) && !lab.n; i++) {
		const galley_removed *r = galley_article_removed(a, i), *nx = galley_article_removed(a, i + 1);
		static const char *const ui[] = {"nav", "form"}; /* a search form's "Von:" field */
		if (!r->text || !nx->text || !nx->context || strlen(nx->text) > 80 || ta_reason_is(r, ui, 2) || ta_reason_is(nx, ui, 2) ||
		    !ta_label_only(st, r->text))
			continue;
		int t = ta_removed_tier(nx, false);
		if (t > 1)
			continue;
		galley_buf b = {0};
		galley_buf_printf(&b, "%s %s", r->text, nx->text);
		galley_buf_putc(&b, 0);
		char *both = galley_buf_steal(&b);
		ta_parse_byline2(st, both, &lab, site, true, false);
		free(both);
		/* a person's name with the agency's short name after a slash: "Peter Maahn/SP-X" */
		const char *slash = lab.n == 1 ? strchr(lab.v[0], '/') : NULL;
		if (slash) {
			ta_names one = {0};
			char *nm = galley_strndup(lab.v[0], (size_t)(slash - lab.v[0]));
			ta_names_add(&one, nm);
			free(nm);
			if (ta_person_like(st, &one)) {
				ta_names_free(&lab);
				lab = one;
			} else
				ta_names_free(&one);
		}
		if (lab.n)
			lab_tier = t;
	}
	/* a description list's term kept in the text, its value (a link to the author's page) set
	 * apart: <dt>Auteur</dt><dd><a>Uriel Gadessaud</a></dd>; the term is the label without a
	 * colon */
	for (size_t i = 0; i < d->nbody && d->gp && i < d->gp->n && !lab.n; i++) {
		xmlNodePtr nd = d->gp->node[i];
		if (!nd || !nd->name || strcmp((const char *)nd->name, "dt") || d->p[i].len > 30)
			continue;
		ta_words w;
		ta_split_words(d->p[i].text, &w);
		if (!w.n || w.n > 3 || ta_label_at(st, &w, 0) != w.n)
			continue;
		for (size_t k = 0; k < galley_article_n_removed(a) && !lab.n; k++) {
			const galley_removed *r = galley_article_removed(a, k);
			if (!r->text || !r->context || strncmp(r->context, "dd", 2) || (r->context[2] != ' ' && r->context[2] != '.' && r->context[2] != '#') ||
			    !strstr(r->context, " in-body") || strstr(r->context, " in:") || strlen(r->text) > 80)
				continue;
			galley_buf b = {0};
			galley_buf_printf(&b, "%s %s", d->p[i].text, r->text);
			galley_buf_putc(&b, 0);
			char *both = galley_buf_steal(&b);
			ta_parse_byline2(st, both, &lab, site, true, false);
			free(both);
			if (lab.n && !ta_person_like(st, &lab))
				ta_names_free(&lab);
			if (lab.n)
				lab_tier = 0;
			break; /* the list's first value set apart only */
		}
	}
	for (size_t i = 0; i < nord && !lab.n; i++) {
		if (tiers[i] <= 1)
			continue;
		ta_find_labelled(st, galley_article_removed(a, ord[i])->text, &lab, site, true);
		if (lab.n)
			lab_tier = tiers[i];
	}
	free(ord);
	free(tiers);
	/* labelled names in other removed blocks; in a sidebar or a share bar, only one of the
	 * article's header ("By Michael Hingston" among the share buttons) */
	nord = ta_removed_order(a, later, sizeof later / sizeof later[0], &ord, &tiers);
	for (size_t i = 0; i < nord && !lab.n; i++) {
		const galley_removed *r = galley_article_removed(a, ord[i]);
		if ((!strcmp(r->reason, "sidebar") || !strcmp(r->reason, "share")) && tiers[i] > 0)
			continue;
		/* in a line of tags, only a label that opens it ("责任编辑： 焦鹏", the editor under a
		 * Chinese article), not a topic's "von"; in a link's text too, a teaser's title ("von
		 * Marianne1 am 20.09.2020", not "Pale Ale Mosaic von Finne", "KB3075249: offizielle
		 * Beschreibung von Microsoft »") */
		ta_find_labelled(st, r->text, &lab, site, strcmp(r->reason, "tags") != 0 && strcmp(r->reason, "link-density") != 0);
		if (lab.n)
			lab_tier = tiers[i] > 1 ? tiers[i] : 1;
	}
	free(ord);
	free(tiers);
	/* a post's meta line that the stripper took for a teaser, inside or before the article's
	 * text, labelled: "Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", "Von Leonora Holling"
	 * (a teaser's own byline lies outside the kept text or repeats in a list) */
	for (size_t i = 0; i < galley_article_n_removed(a) && !lab.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && r->context && !strcmp(r->reason, "teaser") && ta_header_place(r->context) && strlen(r->text) <= 80) {
			/* dated, the label anywhere; else only a line the label opens ("Von Leonora Holling") */
			ta_find_labelled(st, r->text, &lab, site, ta_has_digit(r->text, strlen(r->text)));
			if (lab.n)
				lab_tier = 1;
		}
	}
	/* a press release's issuing office under its label: "Herausgeber:" then "Pressestelle des
	 * Deutschen Caritasverbandes" */
	bool issuer = false;
	if (!lab.n && ta_issuer(d, &lab)) {
		lab_tier = 0;
		issuer = true;
	}
	/* an author's note closing the article ("Jörg Staff ist Mitglied des Vorstands ..."), its
	 * person named in a labelled byline elsewhere on the page too (a list of their articles,
	 * "Von Jörg Staff am 16.11.2022"): that person, not the first byline of a teaser list */
	if ((!lab.n || lab_tier >= 2) && d->nbody) {
		ta_words w;
		ta_split_words(d->p[d->nbody - 1].text, &w);
		for (size_t nw = 3; nw >= 2 && w.n > 4; nw--) {
			bool ok = true;
			for (size_t k = 0; k < nw && ok; k++)
				ok = ta_has_upper_start(w.w[k], w.l[k]) && !strchr(",.:;!?()\"", w.w[k][w.l[k] - 1]);
			if (!ok || ta_has_upper_start(w.w[nw], w.l[nw]))
				continue; /* the name, then a verb: "ist", "is" */
			char *nm = galley_strndup(w.w[0], (size_t)(w.w[nw - 1] + w.l[nw - 1] - w.w[0]));
			ta_names one = {0};
			ta_names_add(&one, nm);
			bool hit = false;
			static const char *const bl[] = {"byline"};
			for (size_t i = 0; i < galley_article_n_removed(a) && !hit; i++) {
				const galley_removed *r = galley_article_removed(a, i);
				if (!r->text || !ta_reason_is(r, bl, 1))
					continue;
				ta_names tmp = {0};
				ta_find_labelled(st, r->text, &tmp, site, true);
				hit = tmp.n == 1 && !strcmp(tmp.v[0], nm);
				ta_names_free(&tmp);
			}
			free(nm);
			if (hit) {
				ta_names_free(&lab);
				lab = one;
				lab_tier = 1;
				break;
			}
			ta_names_free(&one);
		}
	}
	/* an unlabelled byline block: "Jane Doe" in div.author-name; "Jane Doe, 01.12.2021" */
	static const char *const unlabelled[] = {"byline", "author-box"};
	static const char *const segmented[] = {"byline", "dateline", "meta", "author-box"};
	/* a full name first ("Juan Carlos Muñoz C." rather than the section "Espectáculos") */
	int vis_tier = 3;
	bool vis_weak = false; /* found in a line not marked as a byline: only when metadata names nobody */
	nord = ta_removed_order(a, unlabelled, sizeof unlabelled / sizeof unlabelled[0], &ord, &tiers);
	for (int pass = 0; pass < 3 && !vis.n; pass++) {
		if (pass == 1) {
			/* "Marco Kratzenberg , 01. Dez. 2017, 12:01 Uhr": a name among dates comes
			 * before an unlabelled block that is not a person's name */
			/* most trusted first; not the lines of a teaser list or a box after the article
			 * ("Kultur| 19.10.19", "03/05/2022 País": a section beside each teaser's date) */
			size_t *sord = NULL;
			int *stiers = NULL;
			size_t nsord = ta_removed_order(a, segmented, sizeof segmented / sizeof segmented[0], &sord, &stiers);
			for (size_t i = 0; i < nsord && !vis.n && stiers[i] <= 1; i++) {
				/* not a line whose class says it gives the section: "p.category": "24. April
				 * 2020 | Pressemitteilungen" */
				const galley_removed *sr = galley_article_removed(a, sord[i]);
				char *cls = sr->context ? ta_lower(sr->context, ta_context_elem(sr->context)) : NULL;
				bool section = cls && strchr(cls, '.') &&
				               (strstr(cls, "categor") || strstr(cls, "kategor") || strstr(cls, "rubri") || strstr(cls, "ressort"));
				free(cls);
				if (section)
					continue;
				ta_find_segment_name(st, sr->text, &vis, site, true);
				/* a category beside the date ("2020-04-26 Deutsche Sprache") is no person */
				if (vis.n && strchr(vis.v[0], ' ') && !ta_person_text(d, vis.v[0]))
					ta_names_free(&vis);
			}
			free(sord);
			free(stiers);
			/* a short line of the article's header that the stripper set apart, a full name
			 * closing it right after a date: "11.12.2019 - Amelie Loevenich", "The Guardian
			 * 02/10/2020 Anna Fazackerley"; weak: only when metadata names nobody */
			for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
				const galley_removed *r = galley_article_removed(a, i);
				if (r->text && r->context && !strcmp(r->reason, "outside-main") && strstr(r->context, " before-body") &&
				    !strstr(r->context, " in:") && strlen(r->text) <= 60 && ta_dated_name_line(st, r->text, r->context, &vis)) {
					if (!ta_person_text(d, vis.v[0]))
						ta_names_free(&vis);
					/* a list ("2020 Antonio Andrioli", "2019 Michael Müller"): not one byline.
					 * Its neighbours only, so a long archive list stays linear */
					size_t nrm = galley_article_n_removed(a);
					for (size_t k = i > 32 ? i - 32 : 0; k < nrm && k <= i + 32 && vis.n; k++) {
						const galley_removed *o = galley_article_removed(a, k);
						if (k != i && o->context && !strcmp(o->context, r->context) && !strcmp(o->reason, r->reason))
							ta_names_free(&vis);
					}
					if (vis.n)
						vis_weak = true;
				}
			}
			/* a person's name alone in a header line whose class says meta data, author or the
			 * author's profile, or with an agency after a slash ("p.news__meta-text": "Nikolai
			 * Huke,", "div.profil-nowrap": "Kathrin Führes"), which the stripper did not take for
			 * a byline */
			for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
				const galley_removed *r = galley_article_removed(a, i);
				if (!r->text || !r->context || strcmp(r->reason, "outside-main") || !strstr(r->context, " before-body") ||
				    strstr(r->context, " in:") || strlen(r->text) > 60 || ta_has_digit(r->text, strlen(r->text)))
					continue;
				size_t el = ta_context_elem(r->context);
				char *cls = ta_lower(r->context, el);
				bool metaish = strchr(cls, '.') && (strstr(cls, "meta") || strstr(cls, "author") || strstr(cls, "byline") || strstr(cls, "profil"));
				free(cls);
				/* or a name with an agency's short name after a slash: "Peter Maahn/SP-X" */
				const char *slash = strchr(r->text, '/');
				size_t agency = 0;
				/* not a menu's item: "Fragen zu Klima / FAQ" */
				bool item = !strncmp(r->context, "li", 2) && (r->context[2] == '.' || r->context[2] == ' ' || r->context[2] == '#');
				if (!metaish && !item && slash && !strchr(slash + 1, '/') && slash > r->text) {
					const char *q = slash + 1;
					while (*q == ' ')
						q++;
					size_t ql = strlen(q);
					bool caps = ql >= 2 && ql <= 8 && *q >= 'A' && *q <= 'Z';
					for (size_t k = 0; k < ql && caps; k++)
						caps = (q[k] >= 'A' && q[k] <= 'Z') || (q[k] >= '0' && q[k] <= '9') || q[k] == '-';
					if (caps)
						agency = (size_t)(slash - r->text);
				}
				if (!metaish && !agency)
					continue;
				ta_names tmp = {0};
				char *txt = agency ? galley_strndup(r->text, agency) : galley_strdup(r->text);
				ta_parse_byline2(st, txt, &tmp, site, false, false);
				free(txt);
				if (tmp.n && ta_person_like(st, &tmp) && ta_person_text(d, tmp.v[0])) {
					vis = tmp;
					vis_weak = true;
				} else
					ta_names_free(&tmp);
			}
			continue;
		}
		for (size_t i = 0; i < nord && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, ord[i]);
			if (strlen(r->text) > 80)
				continue;
			ta_names tmp = {0};
			ta_parse_byline2(st, r->text, &tmp, site, false, false);
			if (tmp.n && (pass == 2 || ta_person_like(st, &tmp))) {
				vis = tmp;
				vis_tier = tiers[i];
				break;
			}
			ta_names_free(&tmp);
		}
	}
	free(ord);
	free(tiers);
	/* a line of the article's meta data that lists its writers, unlabelled: "Clara Löw,
	 * Siddharth Prakash & Klaus Jacob" (two or more people's names, nothing else) */
	static const char *const metaline[] = {"meta"};
	nord = ta_removed_order(a, metaline, 1, &ord, &tiers);
	for (size_t i = 0; i < nord && !vis.n && tiers[i] <= 1; i++) {
		const galley_removed *r = galley_article_removed(a, ord[i]);
		if (strlen(r->text) > 80 || ta_has_digit(r->text, strlen(r->text)))
			continue;
		ta_names tmp = {0};
		ta_parse_byline2(st, r->text, &tmp, site, false, false);
		if (tmp.n >= 2 && ta_person_like(st, &tmp)) {
			vis = tmp;
			vis_tier = tiers[i];
		} else
			ta_names_free(&tmp);
	}
	free(ord);
	free(tiers);
	/* the text opening with a short name that a separator closes, the byline's date set in the
	 * next element: "ET Online|" then "09 Jun 2020, 02:32 PM IST" */
	if (!vis.n && !lab.n && d->nbody && d->p[0].len <= 40 && d->p[0].len > 2 && d->p[0].text[d->p[0].len - 1] == '|') {
		char *nm = galley_strndup(d->p[0].text, d->p[0].len - 1);
		char *norm = galley_ws_normalize(nm);
		ta_words w;
		ta_split_words(norm, &w);
		bool caps = w.n >= 1 && w.n <= 4;
		for (size_t k = 0; k < w.n && caps; k++)
			caps = ta_has_upper_start(w.w[k], w.l[k]) && !ta_has_digit(w.w[k], w.l[k]);
		bool dated = false;
		for (size_t i = 0; i < galley_article_n_removed(a) && caps && !dated; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			ta_date dt;
			dated = r->text && !strcmp(r->reason, "dateline") && strlen(r->text) <= 40 && ta_find_date(st, r->text, &dt);
		}
		if (caps && dated && ta_plausible(st, norm)) {
			ta_names_add(&vis, norm);
			vis_tier = 1;
		}
		free(norm);
		free(nm);
	}
	/* a signature closing the body: "Denis Clerc" alone in the last paragraphs, after a sentence's
	 * end and before at most a short line (a date, a note); not a heading between two paragraphs
	 * ("... help solve local and global challenges." then "Creative Commons Platforms" then a
	 * long paragraph), nor a team's name in a match's lines ("1-1", "Olympique Lyonnais") */
	for (size_t k = 0; k < 2 && k < d->nbody && !vis.n && !lab.n; k++) {
		const ta_para *P = &d->p[d->nbody - 1 - k];
		if (P->nt < 2 || P->nt > 4 || P->len > 40 || (k == 1 && d->p[d->nbody - 1].len > 100))
			continue;
		if (d->nbody - 1 - k > 0) {
			const ta_para *prev = P - 1;
			char last = prev->len ? prev->text[prev->len - 1] : 0;
			bool ended = (last && strchr(".!?\"')", last)) || (prev->len >= 2 && !memcmp(prev->text + prev->len - 2, "\xc2\xbb", 2)) || /* » */
			             (prev->len >= 3 && !memcmp(prev->text + prev->len - 3, "\xe2\x80\x9d", 3));                               /* ” */
			if (!ended)
				continue;
		}
		size_t e = ta_chunk_end(d, P, 0, P->nt);
		if (e == P->nt) {
			ta_chunk c = ta_classify(d, P, 0, e);
			if (c.kind == NM_PERSON && c.s == 0)
				ta_names_add(&vis, P->text);
		}
	}
	/* a member's badge opening the text: the avatar, then the handle ("fri.juli") */
	if (!vis.n && !lab.n)
		ta_badge_name(d, &vis);
	/* a release's sender heading the text: "Dr. Karin J. Schmitz Abteilung Öffentlichkeitsarbeit"
	 * over the institution's name */
	if (!vis.n && !lab.n)
		ta_sender_line(d, &vis);
	xmlDocPtr body = galley_article_body(a);
	if (!vis.n && !lab.n && body)
		ta_dom_bylines(st, galley_body_root(body), &vis);

	/* nothing else: a name alone on a line of the article's own text that the stripper set
	 * apart (a signature), then a news agency's credit, then the person a personal site's
	 * copyright line or header names */
	if (!meta.n && !lab.n && !vis.n) {
		static const char *const sig[] = {"short", "outside-main"};
		static const char *const foot[] = {"footer", "credit", "outside-main", "short", "sidebar"};
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			/* a paragraph, not a heading that heads nothing ("Weiterführende Informationen") nor
			 * a box's line */
			if (r->text && r->context && strstr(r->context, " in-body") && ta_reason_is(r, sig, sizeof sig / sizeof sig[0]) &&
			    r->context[0] == 'p' && (r->context[1] == ' ' || r->context[1] == '.' || r->context[1] == '#')) {
				ta_name_line(st, r->text, &vis, false, false);
				if (vis.n && !ta_person_text(d, vis.v[0]))
					ta_names_free(&vis);
			}
		}
		/* a signature in italics under the article's last paragraph, notes or a box after it:
		 * "... Elles sont moins porteuses d'inégalités et de conflits." then "<em>Denis
		 * Clerc</em>" */
		for (size_t i = 1; i < d->nbody && d->gp && i < d->gp->n && !vis.n; i++) {
			const ta_para *P = &d->p[i], *prev = &d->p[i - 1];
			char last = prev->len ? prev->text[prev->len - 1] : 0;
			bool ended = last == '.' || last == '!' || last == '?' || last == '"' ||
			             (prev->len >= 2 && !memcmp(prev->text + prev->len - 2, "\xc2\xbb", 2)); /* » */
			if (P->nt < 2 || P->nt > 4 || P->len > 40 || prev->len < 200 || !ended || !d->gp->node[i] ||
			    !ta_all_italic(d->gp->node[i], false, 0))
				continue;
			size_t e = ta_chunk_end(d, P, 0, P->nt);
			if (e == P->nt) {
				ta_chunk c = ta_classify(d, P, 0, e);
				if (c.kind == NM_PERSON && c.s == 0 && ta_person_text(d, P->text))
					ta_names_add(&vis, P->text);
			}
		}
		/* a post's footer under its text, labelled and dated: "Eingestellt von Jane um 21:11"
		 * (a blog's post footer, which the stripper takes for the page's) */
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			if (r->text && r->context && !strcmp(r->reason, "footer") && strstr(r->context, " after-body") &&
			    !strstr(r->context, " in:") && strlen(r->text) <= 80 && ta_has_digit(r->text, strlen(r->text)))
				ta_find_labelled(st, r->text, &vis, site, true);
		}
		/* a forum's thread, all of it taken for comments (no text kept): the opening post's
		 * author, in the first post's line of name and date ("macbacchi 28.09.19 12:44") */
		size_t kept = 0;
		for (size_t i = 0; i < d->nbody; i++)
			kept += d->p[i].len;
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n && kept < 100; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			if (!r->text || !r->context || !strstr(r->context, " in-body"))
				continue;
			if (strcmp(r->reason, "comments") != 0)
				continue;
			if (strlen(r->text) > 60 || !ta_has_digit(r->text, strlen(r->text)))
				break; /* the first post's first line only */
			ta_find_segment_name(st, r->text, &vis, site, true);
			break;
		}
		/* a post's meta line in the article's header: "... — jancak @ 00:11" */
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			if (r->context && strstr(r->context, " before-body") && !strstr(r->context, " in:") &&
			    strcmp(r->reason, "comments") != 0 && strcmp(r->reason, "teaser") != 0 && strcmp(r->reason, "sidebar") != 0)
				ta_at_time_name(st, r->text, &vis, site);
		}
		/* a release closing with its issuer's short name on a line of its own, the short name
		 * the text gave it: "... an der Berlin-Brandenburgischen Akademie der Wissenschaften
		 * (BBAW) ..." then "BBAW" */
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			if (!r->text || !r->context || r->context[0] != 'p' || (r->context[1] != ' ' && r->context[1] != '.') ||
			    !strstr(r->context, " in-body") || strstr(r->context, " in:"))
				continue;
			size_t n = strlen(r->text), letters = 0;
			bool caps = n >= 2 && n <= 8;
			for (size_t k = 0; k < n && caps; k++) {
				caps = (r->text[k] >= 'A' && r->text[k] <= 'Z') || (r->text[k] >= '0' && r->text[k] <= '9');
				letters += r->text[k] >= 'A' && r->text[k] <= 'Z';
			}
			if (!caps || letters < 2)
				continue;
			char paren[16];
			snprintf(paren, sizeof paren, "(%s)", r->text);
			for (size_t k = 0; k < d->nbody && !vis.n; k++)
				if (strstr(d->p[k].text, paren))
					ta_names_add(&vis, r->text);
		}
		/* a column's host, a line of its own under the column's name at the top: "A.Word.A.Day"
		 * then "with Anu Garg" (in English, where capitals after "with" are a name, not nouns
		 * as in German "mit Tomaten Basilikum") */
		for (size_t i = 0; i < d->nbody && i < 4 && !vis.n; i++) {
			const char *t = d->p[i].text;
			if (d->p[i].len > 40 || strncmp(t, "with ", 5))
				continue;
			const char *nm = strchr(t, ' ') + 1;
			ta_words w;
			ta_split_words(nm, &w);
			/* a common given name first: not "with Garlic Butter" */
			bool caps = w.n >= 2 && w.n <= 3 && ta_word_in(&st->given, w.w[0], w.l[0]);
			for (size_t k = 0; k < w.n && caps; k++)
				caps = ta_has_upper_start(w.w[k], w.l[k]) && !ta_has_digit(w.w[k], w.l[k]);
			if (caps && ta_plausible(st, nm) && ta_person_text(d, nm))
				ta_names_add(&vis, nm);
		}
		/* a speech: the speaker its title names */
		if (!vis.n)
			ta_speech_title(st, galley_article_get(a, GALLEY_FIELD_TITLE), &vis);
		/* the title, or another the page gives (its <title> beside the og:title) */
		if (!vis.n)
			ta_title_credit(d, galley_article_get(a, GALLEY_FIELD_TITLE), &vis);
		for (size_t i = 0; i < galley_article_n_candidates(a) && !vis.n; i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			if (!strcmp(c->field, "title"))
				ta_title_credit(d, c->value, &vis);
		}
		/* a page about a person: "Über André Loibl" */
		if (!vis.n)
			ta_about_title(d, galley_article_get(a, GALLEY_FIELD_TITLE), &vis);
		for (size_t i = 0; i < galley_article_n_candidates(a) && !vis.n; i++) {
			const galley_candidate *c = galley_article_candidate(a, i);
			if (!strcmp(c->field, "title"))
				ta_about_title(d, c->value, &vis);
		}
		/* a news agency's story: its credit at the start of the text ("JIJI", "Hamburg
		 * (dpa/lno) – ...") */
		for (size_t i = 0; i < d->nbody && i < 3 && !vis.n; i++)
			ta_agency_credit(st, d->p[i].text, &vis);
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			/* the page's footer, not a picture's credit ("© Niklas Grapatin / Greenpeace"); inside
			 * the article only with a year ("© 2019 Sven Schreivogel") */
			if (r->text && ta_reason_is(r, foot, sizeof foot / sizeof foot[0]) && !strchr(r->text, '/')) {
				bool outside = !strcmp(r->reason, "footer") || (r->context && strstr(r->context, " after-body"));
				/* a page saved without its address: only a site's copyright line, which gives
				 * the year ("Copyright (c) 2012- Gregory Szorc."), not a photographer's credit
				 * ("Copyright: Gisele Wender") */
				bool addressed = galley_article_get(a, GALLEY_FIELD_URL) != NULL;
				ta_name_line(st, r->text, &vis, true, !outside || !addressed);
				/* a personal site's: the holder's name opens with a common given name ("(c)
				 * Johannes Wolf • Weitere Rechte siehe Impressum", "Copyright (c) 2012- Gregory
				 * Szorc." on gregoryszorc.com), outside a figure (a picture's credit); an
				 * organisation's copyright names no author, even when the site's address spells
				 * it as a personal site's spells its holder ("© Copyright Statistics Globe" on
				 * statisticsglobe.com, "© 2021 KulturKaufhaus Dussmann") */
				bool given = vis.n && ta_word_in(&st->given, vis.v[0], strcspn(vis.v[0], " ")) && r->context &&
				             strncmp(r->context, "fig", 3) != 0;
				/* or the site bears the holder's name, a person's initial and surname
				 * ("C.Habermueller", "© since 2010 by C.Habermueller"), not an office's ("©
				 * Kanton Bern") */
				char *spaced = vis.n ? ta_unglue_initial(vis.v[0]) : NULL;
				bool own = spaced && site && ta_ieq(site, vis.v[0]);
				if (vis.n && ((addressed && !given && !own) || !ta_person_text(d, spaced ? spaced : vis.v[0])))
					ta_names_free(&vis);
				free(spaced);
			}
		}
		/* a personal site's owner, named in the site's name or its header as in its address */
		if (!vis.n)
			ta_host_person(d, site, &vis);
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			if (r->context && strstr(r->context, " before-body") && (!strcmp(r->reason, "header") || !strcmp(r->reason, "outside-main")))
				ta_host_person(d, r->text, &vis);
		}
		/* an author box: a person's name alone, then a link to the author's other texts ("Iris
		 * Lange-Fricke" then "zu allen Rezepten vom Autor", "Jane Doe" then "More by this author") */
		for (size_t i = 0; i + 1 < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i), *next = galley_article_removed(a, i + 1);
			if (!r->text || !next->text || strlen(r->text) > 40 || strlen(next->text) > 60 || !strcmp(r->reason, "comments") ||
			    !strcmp(r->reason, "nav"))
				continue;
			ta_words w;
			ta_split_words(next->text, &w);
			bool author = false;
			for (size_t k = 0; k < w.n && !author; k++) {
				char *lo = ta_lower(w.w[k], w.l[k]);
				size_t l = strlen(lo);
				while (l && (lo[l - 1] == '.' || lo[l - 1] == ',' || lo[l - 1] == ':'))
					lo[--l] = 0;
				author = !strcmp(lo, "autor") || !strcmp(lo, "autorin") || !strcmp(lo, "author") || !strcmp(lo, "auteur") ||
				         !strcmp(lo, "autors") || !strcmp(lo, "author's");
				free(lo);
			}
			if (author) {
				ta_name_line(st, r->text, &vis, false, false);
				if (vis.n && !ta_person_text(d, vis.v[0]))
					ta_names_free(&vis);
			}
		}
		/* a press release: its contact person, in the text or a short block beside it */
		for (size_t i = 0; i < d->nbody && !vis.n; i++)
			ta_contact_name(st, d->p[i].text, &vis);
		static const char *const contact[] = {"short", "teaser", "outside-main"};
		for (size_t i = 0; i < galley_article_n_removed(a) && !vis.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			if (r->context && strstr(r->context, " in-body") && !strstr(r->context, " in:") &&
			    ta_reason_is(r, contact, sizeof contact / sizeof contact[0]))
				ta_contact_name(st, r->text, &vis);
		}
	}

	/* no byline with the article and metadata naming the site at most: a credit line of the
	 * desk and its editor's sign in or closing the story ("Quelle: MDR THÜRINGEN/ls"), not a
	 * picture's credit */
	if (!lab.n && (!vis.n || vis_tier >= 2) && (!meta.n || ta_outlet_like(st, a, &meta, site))) {
		static const char *const pic[] = {"credit", "caption"};
		ta_names cred = {0};
		for (size_t i = 0; i < galley_article_n_removed(a) && !cred.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			/* a paragraph of the text that the stripper took for a credit is one ("<p>Quelle:
			 * kathpress</p>"), a figure's is not */
			bool para = r->context && r->context[0] == 'p' && (r->context[1] == ' ' || r->context[1] == '.' || r->context[1] == '#');
			if (r->text && r->context && ta_header_place(r->context) && (para || !ta_reason_is(r, pic, sizeof pic / sizeof pic[0])))
				ta_credit_line(st, r->text, &cred);
		}
		for (size_t k = 0; k < 3 && k < d->nbody && !cred.n; k++)
			ta_credit_line(st, d->p[d->nbody - 1 - k].text, &cred);
		if (!cred.n && d->nbody)
			ta_closing_credit(st, d->p[d->nbody - 1].text, &cred);
		if (cred.n) {
			ta_names_free(&vis);
			vis = cred;
			vis_tier = 0;
			vis_weak = false;
		}
	}
	/* a statement its organisation's officer signs: metadata names the organisation ("DITIB"),
	 * the text closes with the name and the role in it ("Kazım TÜRKMEN DITIB-Bundesvorsitzender") */
	if (!lab.n && meta.n == 1 && !strchr(meta.v[0], ' ') && strlen(meta.v[0]) >= 2) {
		size_t ml = strlen(meta.v[0]);
		for (size_t i = 0; i <= galley_article_n_removed(a) && !lab.n; i++) {
			const char *t = NULL;
			if (i < galley_article_n_removed(a)) {
				const galley_removed *r = galley_article_removed(a, i);
				if (r->text && r->context && r->context[0] == 'p' && strstr(r->context, " in-body") && !strstr(r->context, " in:"))
					t = r->text;
			} else if (d->nbody)
				t = d->p[d->nbody - 1].text;
			if (!t || strlen(t) > 80)
				continue;
			char *sg = galley_ws_normalize(t);
			ta_words w;
			ta_split_words(sg, &w);
			const char *role = w.n >= 3 && w.n <= 5 ? w.w[w.n - 1] : NULL;
			size_t rl = role ? w.l[w.n - 1] : 0;
			if (role && rl > ml + 1 && role[ml] == '-' && !strncasecmp(role, meta.v[0], ml) &&
			    (ta_word_in(&st->roles, role + ml + 1, rl - ml - 1) || ta_role_compound(st, role + ml + 1, rl - ml - 1))) {
				ta_names one = {0};
				char *nm = galley_strndup(w.w[0], (size_t)(w.w[w.n - 2] + w.l[w.n - 2] - w.w[0]));
				ta_names_add(&one, nm);
				free(nm);
				if (ta_person_like(st, &one)) {
					lab = one;
					lab_tier = 0;
				} else
					ta_names_free(&one);
			}
			free(sg);
		}
	}
	const ta_names *use = NULL;
	const ta_names *seen = lab.n ? &lab : vis.n ? &vis : NULL;
	if (meta.n && !ta_outlet_like(st, a, &meta, site)) {
		/* metadata names people; a visible byline that has them all and more wins (metadata
		 * often lists only the first author) */
		use = &meta;
		if (seen && seen->n >= meta.n && ta_names_cover(seen, &meta))
			use = seen; /* all of them and more, or the same in the page's own spelling */
		else if (lab.n && ta_account_like(&meta) && ta_person_like(st, &lab))
			use = &lab; /* a CMS account ("sarah-indra") against a byline */
		else if (!lab.n && vis_tier == 0 && ta_account_like(&meta) && ta_person_like(st, &vis))
			use = &vis; /* a CMS account against a person's name shown with the article */
		else if (lab.n && lab_tier == 0 && ta_person_like(st, &lab) && !ta_names_overlap(&lab, &meta))
			use = &lab; /* the byline the reader sees with the article names other people */
		else if (lab.n == 1 && lab_tier == 0 && !strchr(lab.v[0], ' ') && ta_has_upper_start(lab.v[0], strlen(lab.v[0])) &&
		         !ta_names_overlap(&lab, &meta) && !ta_site_named(a, lab.v[0]))
			use = &lab; /* a user's name in that byline: "Geschrieben von Cooper am 25.08.2015" */
		else if (issuer && !ta_person_like(st, &meta))
			use = &lab; /* the release's issuing office under its label, metadata naming the organisation */
	} else if (lab.n && lab_tier == 2 && meta.n)
		use = &meta; /* the bylines of a teaser list or a sidebar say nothing of this article */
	else if (lab.n && lab_tier >= 1 && vis_tier == 0 && ta_person_like(st, &vis) &&
	         (!ta_person_like(st, &lab) || (ta_names_overlap(&lab, &vis) && vis.n >= lab.n)))
		use = &vis; /* a person named in the article's byline element, not a phrase found further
		             * away, nor the same name with a role around it ("Netzphilosophin Leena Simon") */
	else if (lab.n && !(lab.n == 1 && !strchr(lab.v[0], ' ') && ta_person_like(st, &vis)))
		use = &lab; /* a labelled byline beats metadata that names the outlet */
	else if (vis.n && !(meta.n && (vis_weak || (ta_outlet_like(st, a, &vis, site) && vis_tier > 1))))
		use = &vis; /* metadata names the site: the byline element's own words, a team or a group
		             * too ("Teufel Blog Redaktion" under "Autor", "Les Membres du Choeur de Radio France") */
	else if (meta.n)
		use = &meta;
	else if (lab.n)
		use = &lab;
	/* metadata listing the people and the outlet ("Ariel Melgar Cabrera", "EL DEBER"): the people */
	if (use == &meta && meta.n > 1) {
		size_t k = 0;
		for (size_t i = 0; i < meta.n; i++) {
			ta_names one = {&meta.v[i], 1};
			if (ta_outlet_like(st, a, &one, site) || (strchr(meta.v[i], ' ') && meta.v[i][0] && ta_all_caps_words(meta.v[i]) && site && ta_ieq_loose(meta.v[i], site))) {
				free(meta.v[i]);
				continue;
			}
			meta.v[k++] = meta.v[i];
		}
		if (k)
			meta.n = k;
		else
			meta.n = 0, use = NULL;
	}
	/* a CMS account of a person's names: as the page writes them */
	if (use && ta_account_like(use)) {
		char *full = ta_account_person(d, use->v[0]);
		/* or the name the article signs with: "mady", "Deine Mady" */
		if (!full)
			full = ta_account_signed(d, use->v[0]);
		/* or the person the brand's line credits: "stylegart", "© Stylegart by Ramona" */
		if (!full)
			full = ta_account_brand(d, use->v[0]);
		if (full) {
			free(use->v[0]);
			((ta_names *)use)->v[0] = full;
		}
	}
	/* the name cut short of the value metadata gives and the page shows whole */
	if (use && use->n == 1) {
		bool parts = false;
		char *full = ta_meta_extends(d, use->v[0], &parts);
		if (full) {
			ta_names *u = (ta_names *)use;
			ta_names_free(u);
			if (parts) {
				for (char *p = full; p;) {
					char *e = strchr(p, ',');
					if (e)
						*e = 0;
					ta_names_add(u, p);
					if (e)
						*e = ',';
					p = e ? e + 1 : NULL;
					while (p && *p == ' ')
						p++;
				}
			} else
				ta_names_add(u, full);
			free(full);
		}
	}
	/* initials alone ("Posted by DT"): the full name the page gives with them */
	if (use && use->n == 1) {
		char *full = ta_expand_initials(d, use->v[0]);
		if (full) {
			free(use->v[0]);
			((ta_names *)use)->v[0] = full;
		}
	}
	/* a first name alone ("Todd", a CMS display name): the fullest form the page gives */
	if (use && use->n == 1 && !strchr(use->v[0], ' ') && ta_has_upper_start(use->v[0], strlen(use->v[0])) &&
	    !ta_site_named(a, use->v[0])) {
		char *full = ta_extend_name(d, use->v[0]);
		if (full) {
			free(use->v[0]);
			((ta_names *)use)->v[0] = full;
		}
	}
	if (use) {
		galley_article_list_clear(a, GALLEY_LIST_AUTHORS);
		for (size_t i = 0; i < use->n; i++)
			galley_article_list_add(a, GALLEY_LIST_AUTHORS, use->v[i]);
		char *line = ta_display_byline(d, use);
		galley_article_set(a, GALLEY_FIELD_BYLINE, line);
		free(line);
	}
	ta_names_free(&meta);
	ta_names_free(&lab);
	ta_names_free(&vis);
}

/* ---- publication date ------------------------------------------------------------------------ */

static bool ta_digits(const char *s, int n, int *out)
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

static bool ta_parse_iso8601(const char *s, ta_date *dt)
{
	memset(dt, 0, sizeof *dt);
	while (*s == ' ')
		s++;
	if (strlen(s) < 10 || !ta_digits(s, 4, &dt->y) || s[4] != '-' || !ta_digits(s + 5, 2, &dt->m) || s[7] != '-' ||
	    !ta_digits(s + 8, 2, &dt->d))
		return false;
	if (dt->m < 1 || dt->m > 12 || dt->d < 1 || dt->d > 31)
		return false;
	s += 10;
	if ((*s == 'T' || *s == ' ') && ta_digits(s + 1, 2, &dt->hh) && s[3] == ':' && ta_digits(s + 4, 2, &dt->mi)) {
		dt->has_time = true;
		s += 6;
		while (*s == ':' || *s == '.' || (*s >= '0' && *s <= '9'))
			s++;
		if (*s == 'Z') {
			dt->has_off = true;
			dt->off = 0;
		} else if (*s == '+' || *s == '-') {
			int h = 0, m = 0;
			if (ta_digits(s + 1, 2, &h)) {
				const char *q = s + 3;
				if (*q == ':')
					q++;
				ta_digits(q, 2, &m);
				dt->has_off = true;
				dt->off = (*s == '-' ? -1 : 1) * (h * 60 + m);
			}
		}
	}
	return true;
}

/* An HTTP-style date ("Wed, 04 May 2022 00:25:56 GMT"), as some JSON-LD writes it. */
static bool ta_parse_rfc1123(const char *s, ta_date *dt)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char m[4] = "", tz[4] = "";
	int d, y, hh, mi, ss;
	memset(dt, 0, sizeof *dt);
	const char *c = strchr(s, ',');
	if (!c || sscanf(c + 1, " %2d %3s %4d %2d:%2d:%2d %3s", &d, m, &y, &hh, &mi, &ss, tz) != 7 || (strcmp(tz, "GMT") && strcmp(tz, "UTC")))
		return false;
	for (int i = 0; i < 12; i++)
		if (!strcmp(m, mon[i])) {
			*dt = (ta_date){.y = y, .m = i + 1, .d = d, .has_time = true, .has_off = true, .hh = hh, .mi = mi};
			return d >= 1 && d <= 31 && y > 1900 && hh < 24 && mi < 60;
		}
	return false;
}

static bool ta_parse_iso(const char *s, ta_date *dt)
{
	return ta_parse_iso8601(s, dt) || ta_parse_rfc1123(s, dt);
}

static long ta_days(int y, int m, int d)
{
	/* days from civil (Howard Hinnant) */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The civil date of a day count (the inverse of ta_days). */
static void ta_civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* "…T23:00:00Z", "…T23:00Z": no seconds, or zero seconds. */
static bool ta_zero_seconds(const char *iso)
{
	const char *t = strchr(iso, 'T');
	if (!t)
		t = strchr(iso, ' ');
	if (!t || strlen(t) < 6)
		return false;
	return t[6] != ':' || (t[7] == '0' && t[8] == '0' && (t[9] < '0' || t[9] > '9' || t[9] == '0'));
}

/* A two-digit year ("23.09.22"): this century up to ten years ahead of the oldest pages kept,
 * the last one before. */
static int ta_full_year(int yy)
{
	return yy < 70 ? 2000 + yy : 1900 + yy;
}

/* Is c a byte that may follow a date's last digit ("23.09.22 -", "17/02/2022,"), not one more
 * digit or a version's next part ("13.1.1.2")? */
static bool ta_date_end(const char *p)
{
	return !(*p >= '0' && *p <= '9') && !((*p == '.' || *p == '/') && p[1] >= '0' && p[1] <= '9');
}

/* A connector between a day, a month and a year: "3 de mayo de 2022", "12 di maggio". */
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

/* A date written in text: 2024-03-05, 5.3.2024, 23.09.22, 17/02/2022, 2022/02/17, 5 March 2024,
 * 5. März 2024, 8.Dezember 2010, March 5, 2024, 3 de mayo de 2022, 15 августа 2016.  A day and
 * month with slashes that both read as months ("03/05/2022") are taken day first, as most of
 * the world writes them, and marked ambiguous (the caller may read them month first to agree
 * with the page's metadata). */
static bool ta_find_date(const ta_state *st, const char *text, ta_date *out)
{
	memset(out, 0, sizeof *out);
	size_t n = strlen(text);
	for (size_t i = 0; i + 6 <= n; i++) {
		if (text[i] < '0' || text[i] > '9' || (i && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == '.' || text[i - 1] == '/')))
			continue;
		int y, m, d, k = 0;
		const char *t = text + i;
		if (i + 10 <= n && ta_digits(t, 4, &y) && (t[4] == '-' || t[4] == '/') && ta_digits(t + 5, 2, &m) && t[7] == t[4] &&
		    ta_digits(t + 8, 2, &d) && m >= 1 && m <= 12 && d >= 1 && d <= 31 && y > 1900) {
			*out = (ta_date){.y = y, .m = m, .d = d};
			return true;
		}
		/* "2019年6月24日": Chinese and Japanese, year, month and day */
		{
			int n1 = 0, n2 = 0;
			if (ta_digits(t, 4, &y) && !strncmp(t + 4, "\xe5\xb9\xb4", 3) && (n1 = ta_dig2(t + 7, &m)) > 0 &&
			    !strncmp(t + 7 + n1, "\xe6\x9c\x88", 3) && (n2 = ta_dig2(t + 10 + n1, &d)) > 0 &&
			    !strncmp(t + 10 + n1 + n2, "\xe6\x97\xa5", 3) && y > 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
				*out = (ta_date){.y = y, .m = m, .d = d};
				return true;
			}
		}
		/* "26 | 01 | 2022", "26 / 01 / 2022": a day, a month and a year set apart by spaced bars
		 * or slashes */
		{
			char s1 = 0, s2 = 0;
			int n1 = ta_dig2(t, &d);
			const char *sp = t + n1;
			while (*sp == ' ')
				sp++;
			/* (sscanf only where the bar or slash can follow: it is slow, and runs at every digit) */
			if (sp > t + n1 && (*sp == '|' || *sp == '/') && sscanf(t, "%2d %c %2d %c %4d%n", &d, &s1, &m, &s2, &y, &n1) == 5 && s1 == s2 && (s1 == '|' || s1 == '/') && t[n1 - 5] == ' ' &&
			    y > 1900 && ta_date_end(t + n1) && m >= 1 && m <= 12 && d >= 1 && d <= 31 && strchr(t, s1) > t && strchr(t, s1)[-1] == ' ') {
				*out = (ta_date){.y = y, .m = m, .d = d};
				return true;
			}
		}
		/* "4. 2. 2022": a day and a month each closed by a point and a space */
		if (t[ta_dig2(t, &d)] == '.' && sscanf(t, "%2d. %2d. %4d%n", &d, &m, &y, &k) == 3 && t[k - 5] == ' ' && y > 1900 && ta_date_end(t + k) && m >= 1 &&
		    m <= 12 && d >= 1 && d <= 31) {
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
					y = ta_full_year(y);
					ok = true;
				}
				if (ok && sep == '/' && m > 12 && d <= 12) {
					int tmp = d; /* 12/31/2022: month first */
					d = m;
					m = tmp;
				}
				if (ok && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
					*out = (ta_date){.y = y, .m = m, .d = d, .ambig = sep == '/' && d <= 12 && d != m};
					return true;
				}
			}
		}
	}
	/* words */
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
		/* "5 March 2024", "5. März 2024", "3 de mayo de 2022", "8.Dezember 2010" */
		size_t before = i;
		if (lead < 0 && before > 1 && ta_date_joiner(w.w[before - 1], w.l[before - 1]))
			before--;
		/* "(21. November 2022)": the day may follow an opening bracket; "Original Research7 April
		 * 2020": or be glued to the word before it (a line break the text lost), or to a
		 * separator ("By Wikimedia Foundation•15 January 2020") */
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
		/* a period is dated by its first day: "14. - 20. Januar 2022", "14.-20. Januar 2022" */
		if (dayok && lead < 0 && before > 0) {
			const char *pw = w.w[before - 1];
			int d0 = 0, k0 = 0;
			if (sscanf(pw, "%2d.%n", &d0, &k0) == 1 && k0 > 0 && pw[k0 - 1] == '.' && pw[k0] == '-' && d0 >= 1 && d0 < d)
				d = d0;
			else if (before >= 3 && ((w.l[before - 2] == 1 && w.w[before - 2][0] == '-') || (w.l[before - 2] == 3 && !memcmp(w.w[before - 2], "\xe2\x80\x93", 3))) &&
			         sscanf(w.w[before - 3], "%2d.%n", &d0, &k0) == 1 && k0 > 0 && (size_t)k0 == w.l[before - 3] && d0 >= 1 && d0 < d)
				d = d0;
		}
		if (dayok && after < w.n && sscanf(w.w[after], "%4d", &y) == 1 && y > 1900 && d >= 1 && d <= 31) {
			*out = (ta_date){.y = y, .m = mon, .d = d};
			free(norm);
			return true;
		}
		/* "(Pescasseroli, 14 Gennaio 20)": a two-digit year that closes the line or its bracket */
		if (dayok && after < w.n && d >= 1 && d <= 31 && w.l[after] >= 2 && ta_digits(w.w[after], 2, &y) &&
		    (w.l[after] == 2 ? after + 1 == w.n || w.w[after + 1][0] == ')' : w.l[after] == 3 && w.w[after][2] == ')')) {
			*out = (ta_date){.y = ta_full_year(y), .m = mon, .d = d};
			free(norm);
			return true;
		}
		/* "March 5, 2024", "Mar 12, 2020 @ 10:42 am", "Feb 18 2009" */
		if (lead < 0 && i + 2 < w.n && sscanf(w.w[i + 1], "%2d", &d) == 1 && sscanf(w.w[i + 2], "%4d", &y) == 1 && y > 1900 && d >= 1 &&
		    d <= 31) {
			*out = (ta_date){.y = y, .m = mon, .d = d};
			free(norm);
			return true;
		}
	}
	free(norm);
	return false;
}

/* The first clock time in text: "21:25", "um 9:05 Uhr" (hours and minutes, not a date's
 * numbers or a longer run of digits). */
static bool ta_find_clock(const char *text, int *hh, int *mi)
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
		return true;
	}
	return false;
}

static int ta_date_rank(const char *o)
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
static const char *ta_find_any(const char *lo, char *const *words, size_t n)
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
 * ("PUBLISHED: November 8, 2023 | UPDATED: November 9, 2023"), none when the line only shows an
 * update. */
static bool ta_line_date(const ta_state *st, const char *text, ta_date *out, bool *labelled)
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

static void ta_date_decide(ta_doc *d)
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

/* ---- marking quotes in the body ----------------------------------------------------------- */

/* Find needle (normalised text) in a text node whose white space is not normalised, and return
 * the raw byte range. */
static bool ta_find_in_text(const char *raw, const char *needle, size_t *rs, size_t *re)
{
	size_t rl = strlen(raw), nl = strlen(needle);
	if (!nl)
		return false;
	/* normalised copy with a map back to raw offsets */
	char *norm = galley_malloc(rl + 1);
	size_t *map = galley_malloc((rl + 1) * sizeof *map);
	size_t k = 0;
	bool space = false;
	const char *p = raw, *end = raw + rl;
	while (p < end) {
		const char *c0 = p;
		uint32_t c = galley_utf8_next(&p, end);
		if (ta_is_space(c)) {
			if (!space) {
				map[k] = (size_t)(c0 - raw);
				norm[k++] = ' ';
			}
			space = true;
			continue;
		}
		space = false;
		for (const char *q = c0; q < p; q++) {
			map[k] = (size_t)(c0 - raw);
			norm[k++] = *q;
		}
	}
	norm[k] = 0;
	map[k] = rl;
	bool ok = false;
	char *hit = strstr(norm, needle);
	if (hit) {
		size_t a = (size_t)(hit - norm), b = a + nl;
		*rs = map[a];
		/* end: the raw offset after the last byte of the match */
		if (b < k)
			*re = map[b];
		else
			*re = rl;
		/* the last matched code point may be followed by spaces that belong to the gap */
		while (*re > *rs && (raw[*re - 1] == ' ' || raw[*re - 1] == '\n' || raw[*re - 1] == '\t' || raw[*re - 1] == '\r'))
			(*re)--;
		ok = true;
	}
	free(norm);
	free(map);
	return ok;
}

static bool ta_inside_q(xmlNodePtr n)
{
	for (; n; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "q"))
			return true;
	return false;
}

static bool ta_wrap_text(xmlNodePtr block, const char *text, const char *speaker)
{
	xmlNodePtr n = block->children;
	while (n) {
		if (n->type == XML_TEXT_NODE && n->content && !ta_inside_q(n)) {
			size_t rs, re;
			if (ta_find_in_text((const char *)n->content, text, &rs, &re)) {
				char *raw = galley_strdup((const char *)n->content);
				xmlDocPtr doc = n->doc;
				xmlNodePtr q = xmlNewDocNode(doc, NULL, BAD_CAST "q", NULL);
				if (speaker)
					xmlSetProp(q, BAD_CAST "data-speaker", BAD_CAST speaker);
				xmlAddChild(q, xmlNewDocTextLen(doc, BAD_CAST raw + rs, (int)(re - rs)));
				xmlNodePtr after = xmlNewDocTextLen(doc, BAD_CAST raw + re, (int)(strlen(raw) - re));
				xmlNodeSetContentLen(n, BAD_CAST raw, (int)rs);
				xmlNodePtr nx = n->next;
				if (nx)
					xmlAddPrevSibling(nx, q);
				else
					xmlAddChild(n->parent, q);
				if (q->next)
					xmlAddPrevSibling(q->next, after);
				else
					xmlAddChild(q->parent, after);
				free(raw);
				return true;
			}
		}
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != block && !n->next)
			n = n->parent;
		if (!n || n == block)
			break;
		n = n->next;
	}
	return false;
}

static void ta_mark_body(ta_doc *d, const galley_paragraphs *gp)
{
	int last_para = -1;
	size_t in_para = 0;
	for (size_t i = 0; i < galley_article_n_quotes(d->a); i++) {
		const galley_quote *q = galley_article_quote(d->a, i);
		if (q->paragraph < 0 || (size_t)q->paragraph >= gp->n)
			continue;
		/* marking walks the paragraph's text: keep it linear on pathological input */
		in_para = q->paragraph == last_para ? in_para + 1 : 1;
		last_para = q->paragraph;
		if (in_para > 64 || d->p[q->paragraph].len > 200000)
			continue;
		xmlNodePtr block = gp->node[q->paragraph];
		if (!block)
			continue;
		const ta_para *P = &d->p[q->paragraph];
		size_t plen = ta_para_cplen(P);
		/* a blockquote that is all quote: the speaker goes on the blockquote */
		if (!xmlStrcmp(block->name, BAD_CAST "blockquote") && q->end - q->start + 2 >= (int)plen) {
			if (q->speaker)
				xmlSetProp(block, BAD_CAST "data-speaker", BAD_CAST q->speaker);
			continue;
		}
		ta_wrap_text(block, q->text, q->speaker);
	}
}

/* ---- the stage ----------------------------------------------------------------------------- */

static void ta_doc_free(ta_doc *d)
{
	for (size_t i = 0; i < d->np; i++)
		free(d->p[i].t);
	free(d->p);
	galley_buf_free(&d->arena);
	free(d->pc);
	for (size_t i = 0; i < d->nq; i++) {
		free(d->q[i].speaker);
		free(d->q[i].cue);
	}
	free(d->q);
	for (size_t i = 0; i < d->npers; i++) {
		free(d->pers[i].name);
		free(d->pers[i].low);
		free(d->pers[i].roles);
	}
	free(d->pers);
	free(d->pnext);
	ta_set_free(&d->surnames);
	free(d->men);
}

static int tag_attribution_process(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	(void)err;
	const ta_state *st = state;
	ta_doc d = {.st = st, .a = a};
	const char *lang = galley_article_get(a, GALLEY_FIELD_LANGUAGE);
	d.german = lang && (lang[0] == 'd' || lang[0] == 'D') && (lang[1] == 'e' || lang[1] == 'E') && (!lang[2] || lang[2] == '-' || lang[2] == '_');
	galley_paragraphs gp = {0};
	xmlDocPtr body = galley_article_body(a);
	if (body)
		galley_body_paragraphs(body, &gp);
	d.gp = &gp;

	/* removed blocks that may carry credit lines, after the body's paragraphs */
	size_t nrem = 0;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && r->reason && (!strcmp(r->reason, "credit") || !strcmp(r->reason, "byline") || !strcmp(r->reason, "dateline")))
			nrem++;
	}
	d.nbody = gp.n;
	d.np = gp.n + nrem;
	d.p = galley_calloc(d.np ? d.np : 1, sizeof *d.p);
	char **remtext = galley_calloc(nrem ? nrem : 1, sizeof *remtext);
	bool *remcredit = galley_calloc(nrem ? nrem : 1, sizeof *remcredit);
	for (size_t i = 0; i < gp.n; i++) {
		d.p[i].text = gp.text[i];
		d.p[i].len = strlen(gp.text[i]);
	}
	size_t k = 0;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (!(r->text && r->reason && (!strcmp(r->reason, "credit") || !strcmp(r->reason, "byline") || !strcmp(r->reason, "dateline"))))
			continue;
		remtext[k] = galley_ws_normalize(r->text);
		remcredit[k] = !strcmp(r->reason, "credit");
		d.p[gp.n + k].text = remtext[k];
		d.p[gp.n + k].len = strlen(remtext[k]);
		k++;
	}
	for (size_t i = 0; i < d.np; i++)
		ta_tokenize(&d, &d.p[i]);

	/* quotes: only in the body */
	size_t np_all = d.np;
	d.np = d.nbody;
	ta_pair_quotes(&d);
	ta_mark_inside(&d);
	ta_soften(&d);
	ta_collect_people(&d);
	ta_attribute_quotes(&d);
	galley_article_clear_quotes(a);
	ta_record_quotes(&d);
	d.np = np_all;

	galley_article_clear_sources(a);
	for (size_t i = 0; i < d.np; i++)
		ta_sources_in_para(&d, (int)i, i >= d.nbody && remcredit[i - d.nbody]);

	ta_authors(&d);
	ta_date_decide(&d);

	if (st->mark && body && galley_article_n_quotes(a))
		ta_mark_body(&d, &gp);

	galley_stage_count(stage, "quotes found", galley_article_n_quotes(a));
	for (size_t i = 0; i < nrem; i++)
		free(remtext[i]);
	free(remtext);
	free(remcredit);
	ta_doc_free(&d);
	galley_paragraphs_free(&gp);
	return GALLEY_OK;
}

static int tag_attribution_open(galley_stage *stage, void **state, galley_error *err)
{
	ta_state *st = galley_calloc(1, sizeof *st);
	st->mark = galley_stage_opt_bool(stage, "mark");
	st->min_words = (int)galley_stage_opt_int(stage, "min_words");
	int rc = ta_load(st, galley_stage_opt_string(stage, "outlets"), err);
	if (rc != GALLEY_OK) {
		ta_state_free(st);
		return rc;
	}
	*state = st;
	return GALLEY_OK;
}

static void tag_attribution_close(galley_stage *stage, void *state)
{
	(void)stage;
	ta_state_free(state);
}

static const galley_option tag_attribution_options[] = {
	{.name = "mark", .type = GALLEY_OPT_BOOL, .default_value = "true",
	 .help = "wrap each quotation in the body in <q data-speaker=\"...\">"},
	{.name = "outlets", .type = GALLEY_OPT_PATH, .default_value = NULL,
	 .help = "extra outlet aliases, one 'alias<TAB>Name' a line, read after tag-attribution/outlets.tsv"},
	{.name = "min_words", .type = GALLEY_OPT_INT, .default_value = "3", .min = 1, .max = 20,
	 .help = "shortest quotation in words (a complete one-word reply with a speech verb still counts)"},
	{.name = NULL},
};

GALLEY_PLUGIN_DEFINE(.name = "tag-attribution", .kind = GALLEY_KIND_TRANSFORM,
                     .summary = "find bylines, publication date, source outlets and attributed quotes",
                     .version = TA_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = tag_attribution_options, .open = tag_attribution_open,
                     .close = tag_attribution_close, .process = tag_attribution_process);
