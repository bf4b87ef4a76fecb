/* discourse.c — the article's people, organisations, outlets and places, in order (see
 * discourse.h).  Tokens, vocabularies, then the mentions. */
#include "discourse.h"

#include <galley/text.h>
#include <stdlib.h>
#include <string.h>

/* A name's run of capitalised words is at most this long ("Jane Q. Roe-Smith Jr."). */
#define DC_MAX_NAME_WORDS 6
/* A subject opens its sentence: it starts within this many tokens of the sentence's start (past
 * an opener, a role, a place: "But on Tuesday, Senate candidate Jane Roe"). */
#define DC_SUBJECT_MAX_OFFSET 8
/* A role word stands at most this many words before the name it qualifies. */
#define DC_ROLE_PHRASE_MAX 5
/* A paragraph with at least this share of capitalised words (and at least three words) is a
 * title: its capitals say nothing about names. */
#define DC_HEADLINE_CAP_SHARE 0.75
/* ... and no lower-case word longer than this ("of", "the", "from"). */
#define DC_HEADLINE_MAX_LOWER 4
/* A short paragraph of capitalised words without a full stop is a heading ("Harbour Outlook"). */
#define DC_HEADING_MAX_WORDS 6
/* A quoted title of at most this many words, all capitalised, before a name reads like a
 * capitalised word of its description ("“Example” director Jane Roe said"). */
#define DC_TITLE_MAX_WORDS 3

/* ---- vocabularies --------------------------------------------------------------------------- */

typedef struct dc_entry {
	char *key;
	size_t len;
	uint32_t classes; /* bit per dc_class */
} dc_entry;

struct dc_vocab {
	dc_entry *tab;
	size_t cap, n;
};

static uint64_t dc_hash(const char *s, size_t n)
{
	return galley_hash64(s, n, GALLEY_HASH_SEED);
}

static dc_entry *dc_slot(const dc_vocab *v, const char *s, size_t n)
{
	size_t i = (size_t)dc_hash(s, n) & (v->cap - 1);
	while (v->tab[i].key && (v->tab[i].len != n || memcmp(v->tab[i].key, s, n)))
		i = (i + 1) & (v->cap - 1);
	return &v->tab[i];
}

static void dc_vocab_grow(dc_vocab *v)
{
	dc_vocab old = *v;
	v->cap = old.cap ? old.cap * 2 : 1024;
	v->tab = galley_calloc(v->cap, sizeof *v->tab);
	for (size_t i = 0; i < old.cap; i++)
		if (old.tab[i].key)
			*dc_slot(v, old.tab[i].key, old.tab[i].len) = old.tab[i];
	free(old.tab);
}

/* Lower-case ASCII letters; other bytes are kept (names outside ASCII keep their case). */
static void dc_lower_into(char *dst, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	dst[n] = '\0';
}

static void dc_vocab_put(dc_vocab *v, const char *s, size_t n, dc_class c)
{
	if (!n)
		return;
	if ((v->n + 1) * 2 > v->cap)
		dc_vocab_grow(v);
	char *low = galley_malloc(n + 1);
	dc_lower_into(low, s, n);
	dc_entry *e = dc_slot(v, low, n);
	if (!e->key) {
		e->key = low;
		e->len = n;
		v->n++;
	} else {
		free(low);
	}
	e->classes |= 1u << c;
}

bool dc_word_is(const dc_vocab *v, dc_class c, const char *low, size_t n)
{
	if (!v || !v->cap || !n)
		return false;
	const dc_entry *e = dc_slot(v, low, n);
	return e->key && (e->classes >> c & 1u);
}

/* One list, one class; a TSV's first field, or (field2 set) only lines whose second field is it. */
typedef struct dc_list {
	const char *file;
	dc_class cls;
	int field;          /* 0: the line (first field of a TSV line); 1: the second field */
	const char *second; /* keep only lines whose second field equals this */
} dc_list;

static const dc_list dc_lists[] = {
	{"tag-attribution/speech-verbs.txt", DC_SPEECH_VERB, 0, NULL},
	{"tag-attribution/cue-verbs.txt", DC_SPEECH_VERB, 0, NULL},
	{"tag-attribution/listener-cues.txt", DC_LISTENER_CUE, 0, NULL},
	{"tag-attribution/pronoun-genders.tsv", DC_PRONOUN_MALE, 0, "m"},
	{"tag-attribution/pronoun-genders.tsv", DC_PRONOUN_FEMALE, 0, "f"},
	{"tag-attribution/pronoun-genders.tsv", DC_PRONOUN_GROUP, 0, "group"},
	{"tag-attribution/anonymous-words.txt", DC_ANONYMOUS, 0, NULL},
	{"tag-attribution/indefinites.txt", DC_INDEFINITE, 0, NULL},
	{"tag-attribution/org-words.txt", DC_ORG_WORD, 0, NULL},
	{"tag-attribution/org-nouns.txt", DC_ORG_NOUN, 0, NULL},
	{"tag-attribution/org-names.txt", DC_ORG_NAME, 0, NULL},
	{"tag-attribution/places.txt", DC_PLACE, 0, NULL},
	{"tag-attribution/place-names.txt", DC_PLACE, 0, NULL},
	{"tag-attribution/outlets.tsv", DC_OUTLET, 0, NULL},
	{"tag-attribution/outlets.tsv", DC_OUTLET, 1, NULL},
	{"tag-attribution/role-words.txt", DC_ROLE, 0, NULL},
	{"tag-attribution/not-names.txt", DC_NOT_NAME, 0, NULL},
	{"tag-attribution/name-particles.txt", DC_PARTICLE, 0, NULL},
	{"tag-attribution/determiners.txt", DC_DETERMINER, 0, NULL},
	{"tag-attribution/prepositions.txt", DC_PREPOSITION, 0, NULL},
	{"tag-attribution/place-prepositions.txt", DC_PLACE_PREPOSITION, 0, NULL},
	{"tag-attribution/gendered-titles.tsv", DC_TITLE_MALE, 0, "m"},
	{"tag-attribution/gendered-titles.tsv", DC_TITLE_FEMALE, 0, "f"},
	{"tag-attribution/gendered-names.tsv", DC_GIVEN_MALE, 0, "m"},
	{"tag-attribution/gendered-names.tsv", DC_GIVEN_FEMALE, 0, "f"},
	{"tag-attribution/abbreviations.txt", DC_ABBREVIATION, 0, NULL},
	{"tag-attribution/gendered-titles.tsv", DC_ABBREVIATION, 0, NULL},
	{"tag-attribution/post-nominals.txt", DC_POST_NOMINAL, 0, NULL},
};

static void dc_vocab_add_line(dc_vocab *v, const dc_list *l, const char *line)
{
	const char *tab = strchr(line, '\t');
	const char *f0 = line, *f1 = tab ? tab + 1 : NULL;
	size_t n0 = tab ? (size_t)(tab - line) : strlen(line);
	if (l->second) {
		if (!f1)
			return;
		size_t n1 = strcspn(f1, "\t");
		if (strlen(l->second) != n1 || strncmp(f1, l->second, n1))
			return;
	}
	if (l->field == 1) {
		if (!f1)
			return;
		dc_vocab_put(v, f1, strcspn(f1, "\t"), l->cls);
	} else {
		dc_vocab_put(v, f0, n0, l->cls);
	}
}

int dc_vocab_load(dc_vocab **out, galley_error *err)
{
	dc_vocab *v = galley_calloc(1, sizeof *v);
	dc_vocab_grow(v);
	for (size_t i = 0; i < sizeof dc_lists / sizeof dc_lists[0]; i++) {
		galley_wordlist w = {0};
		int rc = galley_wordlist_load(dc_lists[i].file, &w, err);
		if (rc != GALLEY_OK) {
			dc_vocab_free(v);
			return rc;
		}
		for (size_t k = 0; k < w.n; k++)
			dc_vocab_add_line(v, &dc_lists[i], w.items[k]);
		galley_wordlist_free(&w);
	}
	*out = v;
	return GALLEY_OK;
}

void dc_vocab_free(dc_vocab *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->cap; i++)
		free(v->tab[i].key);
	free(v->tab);
	free(v);
}

/* ---- tokens ------------------------------------------------------------------------------------ */

static bool dc_is_mark(uint32_t c)
{
	return c == '"' || (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB || c == 0x2039 ||
	       c == 0x203A;
}

static bool dc_is_apostrophe(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

static bool dc_is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	/* Latin-1 letters, and everything above the general punctuation block but its marks */
	if (c < 0x100)
		return c >= 0xC0 && c != 0xD7 && c != 0xF7;
	return !(c >= 0x2000 && c <= 0x206F) && c != 0x3000 && !(c >= 0x3001 && c <= 0x303F);
}

static bool dc_is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c < 0x100)
		return c >= 0xC0 && c <= 0xDE && c != 0xD7;
	if (c >= 0x100 && c <= 0x17F)
		return (c & 1) == 0; /* Latin Extended-A: capitals at even code points, mostly */
	if (c >= 0x391 && c <= 0x3A9)
		return true;
	return c >= 0x410 && c <= 0x42F;
}

static uint32_t dc_peek(const char *s, size_t len, size_t i, size_t *next)
{
	if (i < len && (unsigned char)s[i] < 0x80) { /* ASCII: as galley_utf8_next reads it */
		*next = i + 1;
		return (unsigned char)s[i];
	}
	const char *p = s + i;
	uint32_t c = galley_utf8_next(&p, s + len);
	*next = (size_t)(p - s);
	return c;
}

static size_t dc_arena_add(dc_model *m, const char *s, size_t n)
{
	if (m->arena_len + n + 1 > m->arena_cap) {
		m->arena_cap = (m->arena_len + n + 1) * 2 + 256;
		m->arena = galley_realloc(m->arena, m->arena_cap);
	}
	size_t at = m->arena_len;
	dc_lower_into(m->arena + at, s, n);
	m->arena_len += n + 1;
	return at;
}

static void dc_push_tok(dc_para *P, size_t *cap, dc_tok t)
{
	if (P->nt == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		P->t = galley_realloc(P->t, *cap * sizeof *P->t);
	}
	P->t[P->nt++] = t;
}

/* A word: letters and digits, with inner hyphens, apostrophes and full stops ("U.S.", "O'Neil");
 * a trailing "'s" is the possessive. */
static size_t dc_word_end(const char *s, size_t len, size_t i, bool *poss)
{
	size_t j = i, nx;
	*poss = false;
	while (j < len) {
		uint32_t c = dc_peek(s, len, j, &nx);
		if (dc_is_letter(c)) {
			j = nx;
			continue;
		}
		size_t nx2 = nx;
		uint32_t d = nx < len ? dc_peek(s, len, nx, &nx2) : 0;
		if ((c == '-' || c == '.' || dc_is_apostrophe(c)) && dc_is_letter(d)) {
			if (dc_is_apostrophe(c) && (d == 's' || d == 'S')) {
				size_t nx3 = nx2;
				uint32_t e = nx2 < len ? dc_peek(s, len, nx2, &nx3) : 0;
				if (!dc_is_letter(e)) {
					*poss = true;
					return j;
				}
			}
			j = nx;
			continue;
		}
		break;
	}
	return j;
}

/* A full stop ends a sentence when what follows (past spaces, closing marks and brackets)
 * opens one: a capital, an opening mark, or the paragraph's end ("(R-Ill.) said" goes on). */
static bool dc_ends_sentence(const dc_para *P, size_t i)
{
	size_t nx;
	while (i < P->len) {
		uint32_t c = dc_peek(P->text, P->len, i, &nx);
		if (c == ' ' || c == 0xA0 || c == '\n' || c == 0x201D || c == 0x2019 || c == '"' || c == '\'')
			i = nx;
		else
			return dc_is_upper(c) || dc_is_mark(c) || (c >= '0' && c <= '9');
	}
	return true;
}

/* "G.K", "U.S": letters with full stops between */
static bool dc_initials(const char *w, size_t n)
{
	return n >= 3 && n <= 8 && w[1] == '.';
}

static void dc_tokenise(dc_model *m, dc_para *P)
{
	size_t cap = 0, i = 0, nx;
	bool start = true;
	while (i < P->len) {
		uint32_t c = dc_peek(P->text, P->len, i, &nx);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
			i = nx;
			continue;
		}
		dc_tok t = {.b0 = i};
		if (dc_is_letter(c)) {
			bool poss;
			size_t e = dc_word_end(P->text, P->len, i, &poss);
			t.kind = DC_TOK_WORD;
			t.b1 = e;
			if (dc_is_upper(c))
				t.flags |= DC_CAP;
			size_t letters = 0, caps = 0;
			for (size_t k = i; k < e; k++) {
				char ch = P->text[k];
				letters += (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
				caps += ch >= 'A' && ch <= 'Z';
			}
			if (letters >= 2 && caps == letters)
				t.flags |= DC_ALLCAPS;
			if (poss)
				t.flags |= DC_POSS;
			t.lo = dc_arena_add(m, P->text + i, e - i);
			t.lolen = (uint16_t)(e - i > 0xFFFF ? 0xFFFF : e - i);
			const dc_entry *en = dc_slot(m->v, m->arena + t.lo, e - i);
			t.classes = en->key ? en->classes : 0;
			if (start)
				t.flags |= DC_SENT_START;
			start = false;
			if (poss) {
				dc_peek(P->text, P->len, e, &nx); /* the apostrophe, then the s */
				i = nx + 1;
			} else {
				/* a full stop after an abbreviation or an initial is part of it */
				if (e < P->len && P->text[e] == '.' &&
				    (e - i == 1 || (t.classes >> DC_ABBREVIATION & 1u) ||
				     dc_initials(P->text + i, e - i)))
					t.b1 = e + 1;
				i = t.b1;
			}
			dc_push_tok(P, &cap, t);
			continue;
		}
		t.b1 = nx;
		t.cp = c;
		t.kind = dc_is_mark(c) ? DC_TOK_MARK : DC_TOK_PUNCT;
		if ((c == '.' || c == '!' || c == '?' || c == 0x2026) && dc_ends_sentence(P, nx)) {
			t.flags |= DC_SENT_END;
			start = true;
		}
		dc_push_tok(P, &cap, t);
		i = nx;
	}
}

/* "© Example Images", "Photo: …": a picture's credit or a copyright line. */
static void dc_credit_line(dc_para *P)
{
	P->credit = memmem(P->text, P->len, "\xc2\xa9", 2) != NULL;
}

static void dc_headline(dc_para *P)
{
	size_t words = 0, caps = 0;
	for (size_t i = 0; i < P->nt; i++)
		if (P->t[i].kind == DC_TOK_WORD) {
			words++;
			caps += (P->t[i].flags & DC_CAP) != 0;
			if (!(P->t[i].flags & DC_CAP) && P->t[i].b1 - P->t[i].b0 > DC_HEADLINE_MAX_LOWER) {
				P->headline = false; /* a title keeps only short words in lower case */
				return;
			}
		}
	bool closed = P->nt && (P->t[P->nt - 1].flags & DC_SENT_END);
	P->headline = (words >= 3 && (double)caps >= DC_HEADLINE_CAP_SHARE * (double)words) ||
	              (words && caps == words && !closed && words <= DC_HEADING_MAX_WORDS);
}

size_t dc_tok_at(const dc_model *m, int para, size_t b)
{
	const dc_para *P = &m->p[para];
	size_t lo = 0, hi = P->nt;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (P->t[mid].b1 <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void dc_mark_quotes(dc_model *m, const dc_span *q, size_t nq)
{
	for (size_t k = 0; k < nq; k++) {
		if (q[k].para < 0 || (size_t)q[k].para >= m->np)
			continue;
		dc_para *P = &m->p[q[k].para];
		for (size_t i = dc_tok_at(m, q[k].para, q[k].b0); i < P->nt && P->t[i].b0 < q[k].b1; i++)
			P->t[i].flags |= DC_IN_QUOTE;
	}
}

/* ---- entities ------------------------------------------------------------------------------------ */

static const char *dc_last_word(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

static bool dc_same_ci(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
		if (x != y)
			return false;
	}
	return true;
}

/* The hash of a string's ASCII lower-case form. */
static uint64_t dc_hash_ci(const char *s, size_t n)
{
	uint64_t h = GALLEY_HASH_SEED;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		h ^= (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void dc_entity_hash(dc_entity *e)
{
	e->name_hash = dc_hash_ci(e->name, strlen(e->name));
	const char *sur = e->name + e->surname;
	e->surname_hash = dc_hash_ci(sur, strlen(sur));
}

/* A table's value: DC_IDX_EMPTY, a free slot; DC_IDX_NONE, a hash no entity has any longer. */
enum { DC_IDX_EMPTY = -1, DC_IDX_NONE = -2 };

/* The slot of hash h in a table of cap slots. */
static size_t dc_idx_slot(const uint64_t *key, const int *val, size_t cap, uint64_t h)
{
	size_t i = (size_t)(h ^ h >> 29) & (cap - 1);
	while (val[i] != DC_IDX_EMPTY && key[i] != h)
		i = (i + 1) & (cap - 1);
	return i;
}

static void dc_idx_put(uint64_t *key, int *val, size_t cap, uint64_t h, int e)
{
	size_t i = dc_idx_slot(key, val, cap, h);
	if (val[i] < e) {
		key[i] = h;
		val[i] = e;
	}
}

/* Index entity e's name and surname (tables grown to keep them at most half full). */
static void dc_idx_add(dc_model *m, int e)
{
	if (2 * (m->idx_used + 2) > m->idx_cap) {
		size_t cap = m->idx_cap ? 2 * m->idx_cap : 64;
		uint64_t *nk = galley_calloc(cap, sizeof *nk), *sk = galley_calloc(cap, sizeof *sk);
		int *nv = galley_calloc(cap, sizeof *nv), *sv = galley_calloc(cap, sizeof *sv);
		for (size_t i = 0; i < cap; i++)
			nv[i] = sv[i] = DC_IDX_EMPTY;
		for (size_t i = 0; i < m->idx_cap; i++) {
			if (m->name_val[i] != DC_IDX_EMPTY)
				dc_idx_put(nk, nv, cap, m->name_key[i], m->name_val[i]);
			if (m->sur_val[i] != DC_IDX_EMPTY)
				dc_idx_put(sk, sv, cap, m->sur_key[i], m->sur_val[i]);
		}
		free(m->name_key);
		free(m->sur_key);
		free(m->name_val);
		free(m->sur_val);
		m->name_key = nk, m->sur_key = sk, m->name_val = nv, m->sur_val = sv;
		m->idx_cap = cap;
	}
	m->idx_used += 2;
	dc_idx_put(m->name_key, m->name_val, m->idx_cap, m->ent[e].name_hash, e);
	dc_idx_put(m->sur_key, m->sur_val, m->idx_cap, m->ent[e].surname_hash, e);
}

/* Entity e, renamed, no longer has the hashes old_name and old_sur: their slots that named it
 * name the highest entity that still has them, or none. */
static void dc_idx_forget(dc_model *m, int e, uint64_t old_name, uint64_t old_sur)
{
	for (int sur = 0; sur < 2; sur++) {
		uint64_t h = sur ? old_sur : old_name;
		int *val = sur ? m->sur_val : m->name_val;
		size_t i = dc_idx_slot(sur ? m->sur_key : m->name_key, val, m->idx_cap, h);
		if (val[i] != e)
			continue;
		val[i] = DC_IDX_NONE;
		for (size_t j = m->nent; j-- > 0;)
			if ((sur ? m->ent[j].surname_hash : m->ent[j].name_hash) == h) {
				val[i] = (int)j;
				break;
			}
	}
}

/* The highest entity whose name (sur: surname) is name, as a scan from the last entity down
 * would find it.  The table gives at once the highest index with the hash; when that entity's
 * text differs (a collision) or no longer has the hash, the scan decides. */
static int dc_idx_find(const dc_model *m, bool sur, const char *name, size_t n, uint64_t h)
{
	if (!m->idx_cap)
		return -1;
	const uint64_t *key = sur ? m->sur_key : m->name_key;
	const int *val = sur ? m->sur_val : m->name_val;
	int e = val[dc_idx_slot(key, val, m->idx_cap, h)];
	if (e < 0)
		return -1;
	const dc_entity *x = &m->ent[e];
	const char *s = sur ? x->name + x->surname : x->name;
	if ((sur ? x->surname_hash : x->name_hash) == h && dc_same_ci(s, strlen(s), name, n))
		return e;
	for (size_t i = m->nent; i-- > 0;) {
		x = &m->ent[i];
		s = sur ? x->name + x->surname : x->name;
		if ((sur ? x->surname_hash : x->name_hash) == h && dc_same_ci(s, strlen(s), name, n))
			return (int)i;
	}
	return -1;
}

int dc_entity_find(const dc_model *m, const char *name)
{
	if (!name || !*name)
		return -1;
	size_t n = strlen(name);
	uint64_t h = dc_hash_ci(name, n);
	int e = dc_idx_find(m, false, name, n, h);
	if (e >= 0 || strchr(name, ' '))
		return e;
	return dc_idx_find(m, true, name, n, h);
}

static dc_gender dc_given_gender(const dc_model *m, const char *name)
{
	size_t n = strcspn(name, " ");
	char buf[64];
	if (n >= sizeof buf)
		return DC_GENDER_UNKNOWN;
	dc_lower_into(buf, name, n);
	bool male = dc_word_is(m->v, DC_GIVEN_MALE, buf, n), female = dc_word_is(m->v, DC_GIVEN_FEMALE, buf, n);
	return male == female ? DC_GENDER_UNKNOWN : male ? DC_GENDER_MALE : DC_GENDER_FEMALE;
}

/* The entity a new run names: an earlier one with the same full name, the same surname (a name
 * alone, or a full name whose last word is an earlier surname-only entity's), else a new one. */
static int dc_entity_for(dc_model *m, const char *name, dc_kind kind, dc_gender g, int para)
{
	int e = dc_entity_find(m, name);
	const char *last = dc_last_word(name);
	if (e < 0 && strchr(name, ' ') && kind == DC_KIND_PERSON) {
		int s = dc_entity_find(m, last);
		if (s >= 0 && !strchr(m->ent[s].name, ' ') && m->ent[s].kind == DC_KIND_PERSON) {
			free(m->ent[s].name); /* "Roe" named before "Jane Roe": the fuller name wins */
			m->ent[s].name = galley_strdup(name);
			m->ent[s].surname = (size_t)(last - name);
			uint64_t old_name = m->ent[s].name_hash, old_sur = m->ent[s].surname_hash;
			dc_entity_hash(&m->ent[s]);
			dc_idx_forget(m, s, old_name, old_sur);
			dc_idx_add(m, s);
			e = s;
		}
	}
	if (e >= 0) {
		if (m->ent[e].gender == DC_GENDER_UNKNOWN)
			m->ent[e].gender = g;
		return e;
	}
	if (m->nent == m->cent) {
		m->cent = m->cent ? m->cent * 2 : 16;
		m->ent = galley_realloc(m->ent, m->cent * sizeof *m->ent);
	}
	dc_entity *x = &m->ent[m->nent];
	x->name = galley_strdup(name);
	x->surname = (size_t)(dc_last_word(x->name) - x->name);
	dc_entity_hash(x);
	x->kind = kind;
	x->gender = g != DC_GENDER_UNKNOWN ? g : kind == DC_KIND_PERSON ? dc_given_gender(m, name) : g;
	x->first_para = para;
	dc_idx_add(m, (int)m->nent);
	return (int)m->nent++;
}

static void dc_add_mention(dc_model *m, int para, size_t t0, size_t t1, int entity, dc_role role)
{
	if (m->nmen == m->cmen) {
		m->cmen = m->cmen ? m->cmen * 2 : 32;
		m->men = galley_realloc(m->men, m->cmen * sizeof *m->men);
	}
	m->men[m->nmen++] = (dc_mention){para, t0, t1, entity, role};
}

size_t dc_mention_at(const dc_model *m, int para, size_t tok)
{
	size_t lo = 0, hi = m->nmen;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const dc_mention *x = &m->men[mid];
		if (x->para < para || (x->para == para && x->t0 < tok))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- mentions ------------------------------------------------------------------------------------ */

#define LOWT(m, t) ((m)->arena + (t)->lo)
#define IS(m, c, t) dc_tok_is((t), (c))

static bool dc_name_word(const dc_tok *t)
{
	return t->kind == DC_TOK_WORD && (t->flags & DC_CAP) && !(t->flags & DC_IN_QUOTE);
}

/* The start of the sentence that holds token i. */
static size_t dc_sentence_start(const dc_para *P, size_t i)
{
	while (i > 0 && !(P->t[i].flags & DC_SENT_START))
		i--;
	return i;
}

static bool dc_has_digit(const dc_para *P, const dc_tok *t)
{
	for (size_t i = t->b0; i < t->b1; i++)
		if (P->text[i] >= '0' && P->text[i] <= '9')
			return true;
	return false;
}

/* A lower-case word that reads as a verb: a speech or listener verb, or a past or present
 * participle ("attacked", "praising"); other lower-case words before a name are taken for its
 * description ("campaign chairman", "Florida developer"). */
static bool dc_verb_like(const dc_model *m, const dc_tok *t)
{
	const char *w = LOWT(m, t);
	size_t n = t->lolen;
	if (IS(m, DC_SPEECH_VERB, t) || IS(m, DC_LISTENER_CUE, t) || IS(m, DC_PRONOUN_MALE, t) ||
	    IS(m, DC_PRONOUN_FEMALE, t) || IS(m, DC_PRONOUN_GROUP, t))
		return true;
	if (IS(m, DC_PREPOSITION, t) && !(n == 2 && !memcmp(w, "of", 2)))
		return true;
	return (n > 4 && !memcmp(w + n - 2, "ed", 2)) || (n > 5 && !memcmp(w + n - 3, "ing", 3));
}

/* The start of the description before a name ("told senator Jane Roe", "former secretary of
 * state Jane Roe", "Example County developer Jane Roe", "the state's Jane Roe"): capitalised
 * words, roles, determiners, numbers and lower-case words that do not read as verbs, at most a
 * few; s when there is none. */
static size_t dc_role_phrase_start(const dc_model *m, const dc_para *P, size_t s)
{
	size_t r = s;
	for (size_t n = 0; r > 0 && n < DC_ROLE_PHRASE_MAX; n++) {
		const dc_tok *t = &P->t[r - 1];
		if (t->kind != DC_TOK_WORD || (t->flags & DC_IN_QUOTE))
			break;
		if (!(t->flags & DC_CAP) && dc_verb_like(m, t))
			break;
		r--;
	}
	return r;
}

/* A short quoted title from token i ("“Example” director Jane Roe"): the token after its closing
 * mark when its words, at most DC_TITLE_MAX_WORDS, are all capitalised; else i. */
static size_t dc_quoted_title_end(const dc_para *P, size_t i)
{
	size_t o = i; /* a sentence's start is its first word, inside the marks */
	if (o > 0 && P->t[o].kind == DC_TOK_WORD && P->t[o - 1].kind == DC_TOK_MARK && (P->t[o - 1].flags & DC_IN_QUOTE))
		o--;
	if (!(P->t[o].flags & DC_IN_QUOTE) || P->t[o].kind != DC_TOK_MARK)
		return i;
	size_t j = o + 1, words = 0;
	for (; j < P->nt && (P->t[j].flags & DC_IN_QUOTE) && P->t[j].kind != DC_TOK_MARK; j++) {
		if (P->t[j].kind != DC_TOK_WORD)
			continue;
		if (!(P->t[j].flags & DC_CAP) || ++words > DC_TITLE_MAX_WORDS)
			return i;
	}
	if (!words || j >= P->nt || P->t[j].kind != DC_TOK_MARK)
		return i;
	return j + 1;
}

/* Where a run of capitalised words stands in its sentence. */
static dc_role dc_role_of(const dc_model *m, const dc_para *P, size_t s, size_t e)
{
	if (e > s && (P->t[e - 1].flags & DC_POSS))
		return DC_ROLE_POSSESSOR;
	size_t k = dc_role_phrase_start(m, P, s);
	if (k > 0 && P->t[k - 1].kind == DC_TOK_WORD && IS(m, DC_LISTENER_CUE, &P->t[k - 1]))
		return DC_ROLE_LISTENER;
	/* a subject opens its sentence or a clause after a comma ("On Tuesday, Roe said"), past
	 * openers, roles, capitalised words and determiners; any other word before it, a mark or a
	 * preposition makes it no subject */
	size_t ss = dc_sentence_start(P, s);
	bool clear = true;
	size_t words = 0;
	for (size_t i = ss; i < k; i++) {
		const dc_tok *t = &P->t[i];
		if (t->kind == DC_TOK_PUNCT && (t->cp == ',' || t->cp == ';' || t->cp == 0x2014 || t->cp == 0x2013)) {
			clear = true;
			words = 0;
			continue;
		}
		if (t->kind == DC_TOK_MARK || (t->flags & DC_IN_QUOTE)) {
			size_t j = dc_quoted_title_end(P, i);
			if (j == i)
				return DC_ROLE_OTHER;
			words++;
			i = j - 1;
			continue;
		}
		if (t->kind != DC_TOK_WORD)
			continue;
		words++;
		if (IS(m, DC_PREPOSITION, t) || IS(m, DC_SPEECH_VERB, t))
			clear = false;
		else if (!(t->flags & DC_CAP) && !IS(m, DC_NOT_NAME, t) && !IS(m, DC_ROLE, t) && !dc_has_digit(P, t) &&
		         !IS(m, DC_DETERMINER, t) && !IS(m, DC_PARTICLE, t) && !IS(m, DC_ABBREVIATION, t))
			clear = false;
	}
	return clear && words <= DC_SUBJECT_MAX_OFFSET ? DC_ROLE_SUBJECT : DC_ROLE_OTHER;
}

static dc_kind dc_kind_of(const dc_model *m, const dc_para *P, size_t s, size_t e, const char *low)
{
	if (dc_word_is(m->v, DC_OUTLET, low, strlen(low)))
		return DC_KIND_OUTLET;
	if (dc_word_is(m->v, DC_PLACE, low, strlen(low)))
		return DC_KIND_PLACE;
	if (dc_word_is(m->v, DC_ORG_NAME, low, strlen(low)))
		return DC_KIND_ORGANISATION;
	for (size_t i = s; i < e; i++)
		if (IS(m, DC_ORG_WORD, &P->t[i]))
			return DC_KIND_ORGANISATION;
	if (e - s == 1 && (P->t[s].flags & DC_ALLCAPS) && P->t[s].lolen <= 5)
		return DC_KIND_ORGANISATION; /* an acronym: "NASA" */
	return DC_KIND_PERSON;
}

static char *dc_run_text(const dc_para *P, size_t s, size_t e)
{
	galley_buf b = {0};
	for (size_t i = s; i < e; i++) {
		if (i > s)
			galley_buf_putc(&b, ' ');
		galley_buf_append(&b, P->text + P->t[i].b0, P->t[i].b1 - P->t[i].b0);
	}
	return galley_buf_steal(&b);
}

/* A single capitalised word at e - 1 followed by one or two lower-case words and a name: a
 * modifier of that name ("Democratic pollster Jane Roe", "Florida developer Jane Roe"). */
static bool dc_modifier(const dc_model *m, const dc_para *P, size_t e)
{
	size_t i = e, lower = 0;
	while (i < P->nt && lower < 3 && P->t[i].kind == DC_TOK_WORD && !(P->t[i].flags & DC_CAP) &&
	       !dc_verb_like(m, &P->t[i]) && !IS(m, DC_DETERMINER, &P->t[i])) {
		i++;
		lower++;
	}
	return lower > 0 && lower < 3 && i + 1 < P->nt && dc_name_word(&P->t[i]) && dc_name_word(&P->t[i + 1]);
}

/* A role word alone that is the surname of someone named before ("said King" after "Jane
 * King"): a name, not a title. */
static bool dc_known_surname(const dc_model *m, const dc_para *P, size_t f, size_t e)
{
	if (f + 1 != e)
		return false;
	char *w = dc_run_text(P, f, e);
	int k = dc_entity_find(m, w);
	free(w);
	return k >= 0 && m->ent[k].kind == DC_KIND_PERSON && strchr(m->ent[k].name, ' ');
}

/* The run [s, e) of capitalised words (particles and initials inside), its title's gender; the
 * words of roles and openers at its front are dropped. */
static size_t dc_run(const dc_model *m, const dc_para *P, size_t s, size_t *front, dc_gender *g)
{
	size_t e = s, words = 0;
	while (e < P->nt && words < DC_MAX_NAME_WORDS) {
		const dc_tok *t = &P->t[e];
		if (dc_name_word(t)) {
			e++;
			words++;
			if (t->flags & DC_POSS)
				break;
			continue;
		}
		if (t->kind == DC_TOK_WORD && !(t->flags & DC_IN_QUOTE) && IS(m, DC_PARTICLE, t) &&
		    e + 1 < P->nt && dc_name_word(&P->t[e + 1]) && e > s) {
			e++;
			continue;
		}
		break;
	}
	*g = DC_GENDER_UNKNOWN;
	size_t f = s;
	while (f < e) {
		const dc_tok *t = &P->t[f];
		if (IS(m, DC_TITLE_MALE, t))
			*g = DC_GENDER_MALE;
		else if (IS(m, DC_TITLE_FEMALE, t))
			*g = DC_GENDER_FEMALE;
		else if ((!IS(m, DC_ROLE, t) || dc_known_surname(m, P, f, e)) && !IS(m, DC_NOT_NAME, t) &&
		         !IS(m, DC_DETERMINER, t) && !IS(m, DC_POST_NOMINAL, t) &&
		         !(IS(m, DC_ABBREVIATION, t) && f + 1 < e) &&
		         !(IS(m, DC_PLACE, t) && f + 1 < e && !(t->flags & DC_POSS)))
			break;
		f++;
	}
	for (size_t i = e - 1; i > f; i--)
		if (IS(m, DC_ROLE, &P->t[i - 1]) && i < e - 0 && e - i >= 1 && i - 1 > f) {
			f = i; /* "Example City Mayor Jane Roe" */
			break;
		}
	if (f + 1 < e && (P->t[f].flags & DC_SENT_START) && !IS(m, DC_GIVEN_MALE, &P->t[f]) &&
	    !IS(m, DC_GIVEN_FEMALE, &P->t[f]) && e - f == 2) {
		char *rest = dc_run_text(P, f + 1, e);
		if (dc_entity_find(m, rest) >= 0)
			f++; /* "Then Roe", "Does Roe": an opener before a name known already */
		free(rest);
	}
	*front = f;
	while (e > f + 1 && (IS(m, DC_NOT_NAME, &P->t[e - 1]) || IS(m, DC_POST_NOMINAL, &P->t[e - 1])) &&
	       !(P->t[e - 1].flags & DC_POSS))
		e--; /* "Jane Roe Thursday", "Jane Roe QC" */
	return e;
}


/* "the Example campaign", "the company": an organisation a lower-case noun names; with no
 * capitalised word it stands for the last organisation named. */
static size_t dc_org_phrase(dc_model *m, int pi, size_t i)
{
	const dc_para *P = &m->p[pi];
	size_t e = i + 1;
	while (e < P->nt && dc_name_word(&P->t[e]) && e - i <= DC_MAX_NAME_WORDS)
		e++;
	if (e >= P->nt || P->t[e].kind != DC_TOK_WORD || !IS(m, DC_ORG_NOUN, &P->t[e]))
		return 0;
	int ent = -1;
	if (e > i + 1) {
		char *name = dc_run_text(P, i + 1, e + 1);
		ent = dc_entity_for(m, name, DC_KIND_ORGANISATION, DC_GENDER_UNKNOWN, pi);
		free(name);
	} else {
		for (size_t k = m->nent; k-- > 0 && ent < 0;)
			if (m->ent[k].kind == DC_KIND_ORGANISATION)
				ent = (int)k;
	}
	if (ent >= 0)
		dc_add_mention(m, pi, i + 1, e + 1, ent, dc_role_of(m, P, i, e + 1));
	return e + 1;
}

/* "Jane, a student, said": a given name alone followed by a comma or a bracket is a person. */
static bool dc_given_name_apposition(const dc_model *m, const dc_para *P, size_t i)
{
	return (IS(m, DC_GIVEN_MALE, &P->t[i]) || IS(m, DC_GIVEN_FEMALE, &P->t[i])) && i + 1 < P->nt &&
	       P->t[i + 1].kind == DC_TOK_PUNCT && (P->t[i + 1].cp == ',' || P->t[i + 1].cp == '(');
}

/* "R-Wis.", "D-Calif.": a party's letter, a hyphen and a state's abbreviation. */
static bool dc_party_tag(const dc_para *P, const dc_tok *t)
{
	const char *w = P->text + t->b0;
	size_t n = t->b1 - t->b0;
	return n >= 4 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z';
}

static bool dc_given(const dc_model *m, const dc_tok *t)
{
	return IS(m, DC_GIVEN_MALE, t) || IS(m, DC_GIVEN_FEMALE, t);
}

/* After a determiner, a run of capitalised words that opens with a given name and has a second
 * word ("that Jane Roe"), or holds a role word and then a given name ("his Honour Judge Jane
 * Roe"), names a person; other runs after one are things ("the Supreme Court"). */
static bool dc_determined_name(const dc_model *m, const dc_para *P, size_t i)
{
	if (i + 1 >= P->nt || !dc_name_word(&P->t[i]) || !dc_name_word(&P->t[i + 1]))
		return false;
	if (dc_given(m, &P->t[i]) && !IS(m, DC_ROLE, &P->t[i]) && !(P->t[i].flags & DC_POSS))
		return true;
	for (size_t k = i; k + 1 < P->nt && k < i + DC_MAX_NAME_WORDS && dc_name_word(&P->t[k + 1]); k++)
		if (IS(m, DC_ROLE, &P->t[k]) && dc_given(m, &P->t[k + 1]))
			return true;
	return false;
}

static void dc_para_mentions(dc_model *m, int pi)
{
	const dc_para *P = &m->p[pi];
	size_t i = 0;
	while (i < P->nt) {
		const dc_tok *t = &P->t[i];
		if (t->kind == DC_TOK_WORD && !(t->flags & DC_IN_QUOTE) && IS(m, DC_DETERMINER, t)) {
			size_t e = dc_org_phrase(m, pi, i);
			if (e) {
				i = e;
				continue;
			}
			/* "the Supreme Court": a thing, no person; but "that Jane Roe said", "his Honour
			 * Judge Jane Roe" name someone */
			i++;
			if (dc_determined_name(m, P, i))
				continue;
			while (i < P->nt && dc_name_word(&P->t[i]))
				i++;
			continue;
		}
		if (!dc_name_word(t) || P->headline || P->credit) {
			i++;
			continue;
		}
		if ((i > 0 && P->t[i - 1].kind == DC_TOK_PUNCT && P->t[i - 1].cp == '(') || dc_party_tag(P, t)) {
			i++; /* "(R-Ill.)", "(AP)", ", D-Calif.,": a party, a credit, no mention */
			continue;
		}
		size_t front;
		dc_gender g;
		size_t e = dc_run(m, P, i, &front, &g);
		if (front >= e) {
			i = e > i ? e : i + 1;
			continue;
		}
		char *name = dc_run_text(P, front, e);
		char *low = galley_strdup(name);
		dc_lower_into(low, name, strlen(name));
		dc_kind kind = dc_kind_of(m, P, front, e, low);
		bool single = e - front == 1;
		if (kind == DC_KIND_PERSON && front > 0 && P->t[front - 1].kind == DC_TOK_WORD &&
		    dc_word_is(m->v, DC_PLACE_PREPOSITION, LOWT(m, &P->t[front - 1]), P->t[front - 1].lolen) &&
		    dc_entity_find(m, name) < 0 && g == DC_GENDER_UNKNOWN)
			kind = DC_KIND_PLACE; /* "lives in Springfield" */
		/* a capital word alone opening a sentence, not named before, is most often no name; one
		 * that qualifies a name after a lower-case word ("Democratic pollster Jane Roe") is a
		 * modifier */
		bool unknown_single = single && dc_entity_find(m, name) < 0 && kind == DC_KIND_PERSON &&
		                      g == DC_GENDER_UNKNOWN && !dc_given_name_apposition(m, P, front);
		if (!(unknown_single && ((P->t[front].flags & DC_SENT_START) || dc_modifier(m, P, e)))) {
			int ent = dc_entity_for(m, name, kind, g, pi);
			dc_add_mention(m, pi, front, e, ent, dc_role_of(m, P, front, e));
		}
		free(low);
		free(name);
		i = e;
	}
}

/* "Roe said she ...": a he or she later in the sentence whose subject is a person, with no other
 * person named between, votes for that person's gender; the majority of the article's votes
 * gives the gender of a name nothing else does. */
static void dc_gender_votes(dc_model *m, int *votes)
{
	for (size_t k = 0; k < m->nmen; k++) {
		const dc_mention *x = &m->men[k];
		if (x->role != DC_ROLE_SUBJECT || m->ent[x->entity].kind != DC_KIND_PERSON)
			continue;
		const dc_para *P = &m->p[x->para];
		size_t stop = k + 1 < m->nmen && m->men[k + 1].para == x->para ? m->men[k + 1].t0 : P->nt;
		for (size_t i = x->t1; i < stop && !(P->t[i].flags & DC_SENT_END); i++) {
			const dc_tok *t = &P->t[i];
			if (t->flags & DC_IN_QUOTE)
				break;
			if (IS(m, DC_PRONOUN_MALE, t) || IS(m, DC_PRONOUN_FEMALE, t)) {
				votes[2 * x->entity + (IS(m, DC_PRONOUN_FEMALE, t) ? 1 : 0)]++;
				break;
			}
		}
	}
	for (size_t e = 0; e < m->nent; e++)
		if (m->ent[e].gender == DC_GENDER_UNKNOWN && votes[2 * e] != votes[2 * e + 1])
			m->ent[e].gender = votes[2 * e] > votes[2 * e + 1] ? DC_GENDER_MALE : DC_GENDER_FEMALE;
}

dc_model *dc_model_build(const dc_vocab *v, const char *const *text, const size_t *len, size_t n,
                         const dc_span *quotes, size_t nquotes)
{
	dc_model *m = galley_calloc(1, sizeof *m);
	m->v = v;
	m->np = n;
	m->p = galley_calloc(n ? n : 1, sizeof *m->p);
	for (size_t i = 0; i < n; i++) {
		m->p[i].text = text[i];
		m->p[i].len = len[i];
		dc_tokenise(m, &m->p[i]);
		dc_headline(&m->p[i]);
		dc_credit_line(&m->p[i]);
	}
	dc_mark_quotes(m, quotes, nquotes);
	for (size_t i = 0; i < n; i++)
		dc_para_mentions(m, (int)i);
	int *votes = galley_calloc(2 * m->nent + 1, sizeof *votes);
	dc_gender_votes(m, votes);
	free(votes);
	return m;
}

void dc_model_free(dc_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->np; i++)
		free(m->p[i].t);
	free(m->p);
	for (size_t i = 0; i < m->nent; i++)
		free(m->ent[i].name);
	free(m->ent);
	free(m->men);
	free(m->arena);
	free(m->name_key);
	free(m->sur_key);
	free(m->name_val);
	free(m->sur_val);
	free(m);
}
