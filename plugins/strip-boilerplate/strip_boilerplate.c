/* strip-boilerplate: keep an article's main content, remove (and record) everything else.
 *
 * The method, in linear passes over the body tree (see docs/extraction.md):
 *   1. annotate   pre-order: tag kind, class/id vocabulary hits, hidden markers;
 *   2. measure    bottom-up: text, link text and "good" text (outside prunable subtrees);
 *   3. choose     the main container: JSON-LD articleBody coverage, article-body class markers,
 *                 semantic tags, then a paragraph-score fallback, guarded by text mass;
 *   4. rebuild    the container into the galley XHTML subset, pruning boilerplate subtrees;
 *   5. filter     the output blocks: link density, teaser headers and their link lists,
 *                 duplicates, bylines, datelines, credit and caption lines, the title;
 *   6. record     every removed block on the article with its reason and context.
 * The same block filters run on plain-text bodies (read-text), where the whole body is the
 * container and the header lines before the first sentence are captions or a category line.
 */
#include <galley/galley.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SB_VERSION "0.1.0"
/* Recursion bound of the tree walks: libxml2 builds trees up to 256 deep (without
 * XML_PARSE_HUGE); deeper content is dropped rather than risking the stack. */
#define SB_MAX_DEPTH 512
/* Bytes of a block's key form compared with the articleBody. */
#define SB_PROBE 60

/* ---- vocabularies ------------------------------------------------------------------------ */

/* Hash set of strings mapped to a small value (a reason index or a weight). */
typedef struct sb_entry {
	char *key;
	size_t len;
	int value;
} sb_entry;

typedef struct sb_map {
	sb_entry *slots;
	size_t cap; /* power of two */
	size_t n;
	unsigned char lens[64]; /* which key lengths exist (1..63) */
} sb_map;

static uint64_t sb_hash(const char *s, size_t n)
{
	return galley_hash64(s, n, GALLEY_HASH_SEED);
}

/* The hash of a key form without its spaces: the text of a removed part (spaced at element
 * boundaries) and the same text in the output ("2021PDF") compare equal. */
static uint64_t sb_hash_unspaced(const char *s, size_t n)
{
	char tmp[320];
	size_t k = 0;
	for (size_t i = 0; i < n && k < sizeof tmp; i++)
		if (s[i] != ' ')
			tmp[k++] = s[i];
	return galley_hash64(tmp, k, GALLEY_HASH_SEED);
}

static void sb_map_put(sb_map *m, const char *key, size_t len, int value)
{
	if (len == 0 || len >= 64)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64;
		sb_entry *ns = galley_calloc(ncap, sizeof *ns);
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i].key)
				continue;
			size_t h = sb_hash(m->slots[i].key, m->slots[i].len) & (ncap - 1);
			while (ns[h].key)
				h = (h + 1) & (ncap - 1);
			ns[h] = m->slots[i];
		}
		free(m->slots);
		m->slots = ns;
		m->cap = ncap;
	}
	size_t h = sb_hash(key, len) & (m->cap - 1);
	while (m->slots[h].key) {
		if (m->slots[h].len == len && !memcmp(m->slots[h].key, key, len))
			return; /* first entry wins */
		h = (h + 1) & (m->cap - 1);
	}
	m->slots[h].key = galley_strndup(key, len);
	m->slots[h].len = len;
	m->slots[h].value = value;
	m->lens[len] = 1;
	m->n++;
}

static const sb_entry *sb_map_get(const sb_map *m, const char *key, size_t len)
{
	if (!m->cap || len == 0 || len >= 64 || !m->lens[len])
		return NULL;
	size_t h = sb_hash(key, len) & (m->cap - 1);
	while (m->slots[h].key) {
		if (m->slots[h].len == len && !memcmp(m->slots[h].key, key, len))
			return &m->slots[h];
		h = (h + 1) & (m->cap - 1);
	}
	return NULL;
}

static void sb_map_free(sb_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* Reasons are interned: a removed block's reason points into this table. */
enum {
	R_NONE = 0,
	R_NAV, R_LINK_DENSITY, R_TEASER, R_DUPLICATE, R_BYLINE, R_DATELINE, R_CREDIT, R_COMMENTS,
	R_SHARE, R_NEWSLETTER, R_COOKIE, R_AD, R_AUTHOR_BOX, R_TAGS, R_CAPTION, R_HIDDEN, R_FOOTER,
	R_HEADER, R_SIDEBAR, R_FORM, R_TITLE, R_PAYWALL, R_OUTSIDE, R_SHORT, R_RELATED, R_META,
	R__COUNT
};
static const char *const sb_reason_names[R__COUNT] = {
	"", "nav", "link-density", "teaser", "duplicate", "byline", "dateline", "credit", "comments",
	"share", "newsletter", "cookie", "ad", "author-box", "tags", "caption", "hidden", "footer",
	"header", "sidebar", "form", "title", "paywall", "outside-main", "short", "related", "meta",
};

static int sb_reason_index(const char *name)
{
	for (int i = 1; i < R__COUNT; i++)
		if (!strcmp(sb_reason_names[i], name))
			return i;
	return -1;
}

/* Class/id vocabulary: a pattern matches a token of the class/id value (split at non-letters
 * and camelCase humps, lower-cased) by prefix ("share" matches "sharebar"), by exact token
 * ("=ad"), or as a substring of the whole lower-cased value ("*-ad-"). */
#define SB_PAIRS 4096

typedef struct sb_vocab {
	sb_map prefix;
	sb_map exact;
	char **sub;
	int *sub_value;
	size_t *sub_len;
	size_t n_sub;
	/* substring patterns bucketed by a hash of their first two bytes, chained in file order:
	 * a class value is scanned once, not once per pattern */
	int *pair_head; /* SB_PAIRS entries, -1 when empty */
	int *pair_next;
} sb_vocab;

static unsigned sb_pair(const char *s)
{
	return (((unsigned char)s[0] * 31u) ^ (unsigned char)s[1]) & (SB_PAIRS - 1);
}

/* Chain the substring patterns into their buckets (after loading). */
static void sb_vocab_index(sb_vocab *v)
{
	v->pair_head = galley_malloc(SB_PAIRS * sizeof *v->pair_head);
	for (size_t i = 0; i < SB_PAIRS; i++)
		v->pair_head[i] = -1;
	v->pair_next = galley_calloc(v->n_sub + 1, sizeof *v->pair_next);
	v->sub_len = galley_calloc(v->n_sub + 1, sizeof *v->sub_len);
	/* insert in reverse so that each chain runs in file order */
	for (size_t i = v->n_sub; i-- > 0;) {
		v->sub_len[i] = strlen(v->sub[i]);
		if (v->sub_len[i] < 2)
			continue;
		unsigned h = sb_pair(v->sub[i]);
		v->pair_next[i] = v->pair_head[h];
		v->pair_head[h] = (int)i;
	}
}

/* The first pattern (in file order) found in s[0..len), or -1. */
static int sb_vocab_find(const sb_vocab *v, const char *s, size_t len)
{
	int best = -1;
	if (!v->n_sub)
		return -1;
	for (size_t i = 0; i + 1 < len; i++) {
		for (int j = v->pair_head[sb_pair(s + i)]; j >= 0; j = v->pair_next[j]) {
			if (best >= 0 && j >= best)
				break; /* chains run in file order: nothing earlier in this one */
			if (v->sub_len[j] <= len - i && !memcmp(s + i, v->sub[j], v->sub_len[j]))
				best = j;
		}
	}
	/* one-byte patterns */
	for (size_t j = 0; j < v->n_sub; j++)
		if (v->sub_len[j] == 1 && memchr(s, v->sub[j][0], len) && (best < 0 || (int)j < best))
			best = (int)j;
	return best;
}

static void sb_vocab_free(sb_vocab *v)
{
	sb_map_free(&v->prefix);
	sb_map_free(&v->exact);
	for (size_t i = 0; i < v->n_sub; i++)
		free(v->sub[i]);
	free(v->sub);
	free(v->sub_value);
	free(v->sub_len);
	free(v->pair_head);
	free(v->pair_next);
	memset(v, 0, sizeof *v);
}

static void sb_vocab_add(sb_vocab *v, const char *pat, int value)
{
	if (pat[0] == '=')
		sb_map_put(&v->exact, pat + 1, strlen(pat + 1), value);
	else if (pat[0] == '*') {
		v->sub = galley_realloc(v->sub, (v->n_sub + 1) * sizeof *v->sub);
		v->sub_value = galley_realloc(v->sub_value, (v->n_sub + 1) * sizeof *v->sub_value);
		v->sub[v->n_sub] = galley_strdup(pat + 1);
		v->sub_value[v->n_sub] = value;
		v->n_sub++;
	} else
		sb_map_put(&v->prefix, pat, strlen(pat), value);
}

typedef struct sb_state {
	sb_vocab negative;  /* value: reason index */
	sb_vocab positive;  /* value: weight */
	sb_vocab bodymark;  /* value: 1 */
	sb_vocab lead;      /* class/id of leads, intros, standfirsts: value 1 */
	sb_map teasers;     /* lower-cased phrase -> 1 (exact line) */
	char **teaser_prefix; /* lower-cased phrases that start a teaser line */
	size_t n_teaser_prefix;
	sb_map line_prefix; /* "by", "von", "source", ... lower-cased, -> reason */
	sb_map months;      /* month names and abbreviations, lower-cased */
	sb_map agencies;    /* photo agencies and picture credits: a short line naming one is a credit */
	char **cta;         /* calls to action (subscribe, donate, follow), key form */
	size_t n_cta;
	char **disclaimers; /* advertising and affiliate disclaimers, key form */
	size_t n_disclaimers;
	bool explain;
	bool captions;
	int min_chars;
} sb_state;

/* Lower-case UTF-8 for the scripts of the vocabularies: ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic basics.  Appends to b. */
static uint32_t sb_lower_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F) {
		if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
			return (c % 2 == 0) ? c + 1 : c;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c % 2 == 1) ? c + 1 : c;
		if (c == 0x178)
			return 0xFF;
	}
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}


/* The buffer's text, NUL-terminated even when empty or just reset. */
static const char *sb_cstr(galley_buf *b)
{
	if (!b->data)
		galley_buf_puts(b, "");
	else
		b->data[b->len] = '\0';
	return b->data;
}

/* White space normalised copy (owned, free()); "" for blank input. */
static char *sb_norm(const char *s)
{
	galley_buf b = {0};
	if (s)
		galley_ws_normalize_into(&b, s, strlen(s));
	sb_cstr(&b);
	return galley_buf_steal(&b);
}

/* A "key" form of a short text: lower-cased, letters and digits kept, every other run of
 * characters turned into one space, trimmed.  "Read more »" -> "read more". */
static void sb_key(galley_buf *b, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	bool space = false;
	galley_buf_reset(b);
	while (p < end) {
		uint32_t c = galley_utf8_next(&p, end);
		bool word = (c < 0x80) ? (isalnum((int)c) != 0) : (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
		                                                     !(c >= 0x2000 && c <= 0x2BFF) &&
		                                                     c != 0xFFFD && !(c >= 0x3000 && c <= 0x303F));
		if (!word) {
			space = b->len > 0;
			continue;
		}
		if (space)
			galley_buf_putc(b, ' ');
		space = false;
		galley_buf_put_utf8(b, sb_lower_cp(c));
	}
	sb_cstr(b);
}

static int sb_load_vocab(sb_vocab *v, const char *rel, bool with_reason, galley_error *err)
{
	galley_wordlist w = {0};
	if (galley_wordlist_load(rel, &w, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	for (size_t i = 0; i < w.n; i++) {
		char *line = w.items[i];
		char *tab = strpbrk(line, "\t ");
		int value = 1;
		if (tab) {
			*tab = '\0';
			char *val = tab + 1;
			while (*val == ' ' || *val == '\t')
				val++;
			if (with_reason) {
				value = sb_reason_index(val);
				if (value < 0) {
					galley_error_set(err, GALLEY_ERR_FATAL,
					                 "data file %s: unknown reason '%s' for '%s'", rel, val, line);
					galley_wordlist_free(&w);
					return GALLEY_ERR_FATAL;
				}
			} else
				value = atoi(val);
		} else if (with_reason) {
			galley_error_set(err, GALLEY_ERR_FATAL, "data file %s: '%s' has no reason column", rel, line);
			galley_wordlist_free(&w);
			return GALLEY_ERR_FATAL;
		}
		for (char *q = line; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		sb_vocab_add(v, line, value);
	}
	galley_wordlist_free(&w);
	sb_vocab_index(v);
	return GALLEY_OK;
}

/* Phrases matched on word boundaries inside a block's key form: stored padded with spaces. */
static int sb_load_padded(const char *rel, char ***out, size_t *n_out, galley_error *err)
{
	galley_wordlist w = {0};
	galley_buf k = {0};
	if (galley_wordlist_load(rel, &w, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	*out = galley_calloc(w.n + 1, sizeof **out);
	for (size_t i = 0; i < w.n; i++) {
		sb_key(&k, w.items[i], strlen(w.items[i]));
		if (k.len) {
			galley_buf pad = {0};
			galley_buf_printf(&pad, " %s ", k.data);
			(*out)[(*n_out)++] = galley_buf_steal(&pad);
		}
	}
	galley_wordlist_free(&w);
	galley_buf_free(&k);
	return GALLEY_OK;
}

static int sb_load_phrases(sb_state *st, galley_error *err)
{
	galley_wordlist w = {0};
	galley_buf k = {0};
	if (galley_wordlist_load("strip-boilerplate/teasers.txt", &w, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	for (size_t i = 0; i < w.n; i++) {
		const char *line = w.items[i];
		bool prefix = false;
		if (line[0] == '^') {
			prefix = true;
			line++;
		}
		sb_key(&k, line, strlen(line));
		if (!k.len)
			continue;
		if (prefix) {
			st->teaser_prefix = galley_realloc(st->teaser_prefix, (st->n_teaser_prefix + 1) * sizeof(char *));
			st->teaser_prefix[st->n_teaser_prefix++] = galley_strdup(k.data);
		}
		sb_map_put(&st->teasers, k.data, k.len, 1);
	}
	galley_wordlist_free(&w);

	if (galley_wordlist_load("strip-boilerplate/line-prefixes.tsv", &w, err) != GALLEY_OK) {
		galley_buf_free(&k);
		return GALLEY_ERR_FATAL;
	}
	for (size_t i = 0; i < w.n; i++) {
		char *line = w.items[i];
		char *tab = strchr(line, '\t');
		if (!tab) {
			galley_wordlist_free(&w);
			galley_buf_free(&k);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "data file strip-boilerplate/line-prefixes.tsv: '%s' needs a tab and a reason", line);
		}
		*tab = '\0';
		int r = sb_reason_index(tab + 1);
		if (r < 0) {
			galley_error_set(err, GALLEY_ERR_FATAL,
			                 "data file strip-boilerplate/line-prefixes.tsv: unknown reason '%s'", tab + 1);
			galley_wordlist_free(&w);
			galley_buf_free(&k);
			return GALLEY_ERR_FATAL;
		}
		sb_key(&k, line, strlen(line));
		if (k.len)
			sb_map_put(&st->line_prefix, k.data, k.len, r);
	}
	galley_wordlist_free(&w);

	if (galley_wordlist_load("strip-boilerplate/months.txt", &w, err) != GALLEY_OK) {
		galley_buf_free(&k);
		return GALLEY_ERR_FATAL;
	}
	for (size_t i = 0; i < w.n; i++) {
		sb_key(&k, w.items[i], strlen(w.items[i]));
		if (k.len)
			sb_map_put(&st->months, k.data, k.len, 1);
	}
	galley_wordlist_free(&w);

	if (galley_wordlist_load("strip-boilerplate/photo-agencies.txt", &w, err) != GALLEY_OK) {
		galley_buf_free(&k);
		return GALLEY_ERR_FATAL;
	}
	for (size_t i = 0; i < w.n; i++) {
		sb_key(&k, w.items[i], strlen(w.items[i]));
		if (k.len)
			sb_map_put(&st->agencies, k.data, k.len, 1);
	}
	galley_wordlist_free(&w);

	galley_buf_free(&k);
	if (sb_load_padded("strip-boilerplate/calls-to-action.txt", &st->cta, &st->n_cta, err) != GALLEY_OK ||
	    sb_load_padded("strip-boilerplate/disclaimers.txt", &st->disclaimers, &st->n_disclaimers, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	return GALLEY_OK;
}

static void sb_state_free(sb_state *st)
{
	if (!st)
		return;
	sb_vocab_free(&st->negative);
	sb_vocab_free(&st->positive);
	sb_vocab_free(&st->bodymark);
	sb_vocab_free(&st->lead);
	sb_map_free(&st->teasers);
	for (size_t i = 0; i < st->n_teaser_prefix; i++)
		free(st->teaser_prefix[i]);
	free(st->teaser_prefix);
	sb_map_free(&st->line_prefix);
	sb_map_free(&st->months);
	sb_map_free(&st->agencies);
	for (size_t i = 0; i < st->n_cta; i++)
		free(st->cta[i]);
	free(st->cta);
	for (size_t i = 0; i < st->n_disclaimers; i++)
		free(st->disclaimers[i]);
	free(st->disclaimers);
	free(st);
}

static int strip_boilerplate_open(galley_stage *stage, void **state, galley_error *err)
{
	sb_state *st = galley_calloc(1, sizeof *st);
	if (sb_load_vocab(&st->negative, "strip-boilerplate/class-negative.tsv", true, err) != GALLEY_OK ||
	    sb_load_vocab(&st->positive, "strip-boilerplate/class-positive.tsv", false, err) != GALLEY_OK ||
	    sb_load_vocab(&st->bodymark, "strip-boilerplate/class-body.txt", false, err) != GALLEY_OK ||
	    sb_load_vocab(&st->lead, "strip-boilerplate/class-lead.txt", false, err) != GALLEY_OK ||
	    sb_load_phrases(st, err) != GALLEY_OK) {
		sb_state_free(st);
		return GALLEY_ERR_FATAL;
	}
	st->explain = galley_stage_opt_bool(stage, "explain");
	st->captions = galley_stage_opt_bool(stage, "captions");
	st->min_chars = (int)galley_stage_opt_int(stage, "min_chars");
	*state = st;
	return GALLEY_OK;
}

static void strip_boilerplate_close(galley_stage *stage, void *state)
{
	sb_state_free(state);
}

/* ---- element kinds ------------------------------------------------------------------------ */
enum {
	K_OTHER = 0,   /* unknown element: unwrapped, treated as inline */
	K_DROP,        /* removed with its content, nothing to record (script, svg...) */
	K_FORM,        /* form controls: removed, recorded as form */
	K_CONTAINER,   /* div, section, article, main...: unwrapped, a block boundary */
	K_BLOCK,       /* subset block kept as is: p h1-h6 pre dt dd figcaption caption */
	K_LIST,        /* ul ol dl */
	K_LI,          /* li */
	K_QUOTE,       /* blockquote */
	K_TABLE,       /* table */
	K_TPART,       /* thead tbody tfoot tr */
	K_CELL,        /* td th */
	K_FIGURE,      /* figure */
	K_HR,
	K_INLINE,      /* subset inline kept */
	K_A,
	K_BR,
	K_IMG,
	K_NAV,         /* nav */
	K_ASIDE,
	K_FOOTER,
	K_HEADER,
};

typedef struct sb_tag {
	const char *name;
	unsigned char kind;
} sb_tag;

static const sb_tag sb_tags[] = {
	{"a", K_A}, {"abbr", K_INLINE}, {"address", K_CONTAINER}, {"article", K_CONTAINER},
	{"aside", K_ASIDE}, {"audio", K_DROP}, {"b", K_INLINE}, {"blockquote", K_QUOTE},
	{"body", K_CONTAINER}, {"br", K_BR}, {"button", K_FORM}, {"canvas", K_DROP},
	{"caption", K_BLOCK}, {"center", K_CONTAINER}, {"cite", K_INLINE}, {"code", K_INLINE},
	{"dd", K_BLOCK}, {"details", K_CONTAINER}, {"dialog", K_DROP}, {"dir", K_LIST},
	{"div", K_CONTAINER}, {"dl", K_LIST}, {"dt", K_BLOCK}, {"em", K_INLINE}, {"embed", K_DROP},
	{"fieldset", K_CONTAINER}, {"figcaption", K_BLOCK}, {"figure", K_FIGURE},
	{"footer", K_FOOTER}, {"form", K_CONTAINER}, {"h1", K_BLOCK}, {"h2", K_BLOCK},
	{"h3", K_BLOCK}, {"h4", K_BLOCK}, {"h5", K_BLOCK}, {"h6", K_BLOCK}, {"head", K_DROP},
	{"header", K_HEADER}, {"hgroup", K_CONTAINER}, {"hr", K_HR}, {"i", K_INLINE},
	{"iframe", K_DROP}, {"img", K_IMG}, {"input", K_FORM}, {"label", K_OTHER},
	{"li", K_LI}, {"link", K_DROP}, {"main", K_CONTAINER}, {"map", K_DROP}, {"mark", K_INLINE},
	{"math", K_DROP}, {"menu", K_LIST}, {"meta", K_DROP}, {"nav", K_NAV}, {"noscript", K_DROP},
	{"object", K_DROP}, {"ol", K_LIST}, {"optgroup", K_FORM}, {"option", K_FORM}, {"p", K_BLOCK},
	{"picture", K_OTHER}, {"pre", K_BLOCK}, {"q", K_INLINE}, {"s", K_INLINE}, {"script", K_DROP},
	{"section", K_CONTAINER}, {"select", K_FORM}, {"small", K_INLINE}, {"source", K_DROP},
	{"span", K_INLINE}, {"strong", K_INLINE}, {"style", K_DROP}, {"sub", K_INLINE},
	{"summary", K_CONTAINER}, {"sup", K_INLINE}, {"svg", K_DROP}, {"table", K_TABLE},
	{"tbody", K_TPART}, {"td", K_CELL}, {"template", K_DROP}, {"textarea", K_FORM},
	{"tfoot", K_TPART}, {"th", K_CELL}, {"thead", K_TPART}, {"time", K_INLINE},
	{"title", K_DROP}, {"tr", K_TPART}, {"track", K_DROP}, {"u", K_INLINE}, {"ul", K_LIST},
	{"video", K_DROP},
};

static int sb_tag_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const sb_tag *)e)->name);
}

static int sb_kind_of(xmlNodePtr n)
{
	char low[16];
	size_t i = 0;
	for (const xmlChar *p = n->name; p && *p; p++) {
		if (i + 1 >= sizeof low)
			return K_OTHER;
		low[i++] = (char)tolower(*p);
	}
	low[i] = '\0';
	const sb_tag *t = bsearch(low, sb_tags, sizeof sb_tags / sizeof sb_tags[0], sizeof sb_tags[0], sb_tag_cmp);
	return t ? t->kind : K_OTHER;
}

static bool sb_is_heading(xmlNodePtr n)
{
	return n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' && n->name[1] <= '6' &&
	       !n->name[2];
}

static bool sb_inline_kind(int k)
{
	return k == K_INLINE || k == K_A || k == K_OTHER || k == K_BR || k == K_IMG || k == K_DROP;
}

/* A set of 64-bit hashes (open addressing; 0 stands for 1). */
typedef struct sb_u64set {
	uint64_t *v;
	size_t n, cap;
} sb_u64set;

static void sb_set_add(sb_u64set *s, uint64_t h)
{
	if (!h)
		h = 1;
	if ((s->n + 1) * 2 > s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 256;
		uint64_t *nv = galley_calloc(ncap, sizeof *nv);
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->v[i])
				continue;
			size_t j = s->v[i] & (ncap - 1);
			while (nv[j])
				j = (j + 1) & (ncap - 1);
			nv[j] = s->v[i];
		}
		free(s->v);
		s->v = nv;
		s->cap = ncap;
	}
	size_t j = h & (s->cap - 1);
	while (s->v[j]) {
		if (s->v[j] == h)
			return;
		j = (j + 1) & (s->cap - 1);
	}
	s->v[j] = h;
	s->n++;
}

static bool sb_set_has(const sb_u64set *s, uint64_t h)
{
	if (!h)
		h = 1;
	if (!s->cap)
		return false;
	size_t j = h & (s->cap - 1);
	while (s->v[j]) {
		if (s->v[j] == h)
			return true;
		j = (j + 1) & (s->cap - 1);
	}
	return false;
}

/* ---- per-node information ---------------------------------------------------------------- */
enum {
	F_HIDDEN = 1u << 0,
	F_BODYMARK = 1u << 1,   /* class/id names an article body */
	F_IN_LINK = 1u << 2,
	F_PRUNE = 1u << 3,      /* subtree is boilerplate (own reason) */
	F_CONTAINS_MARK = 1u << 4,
	F_SEMANTIC_MAIN = 1u << 5, /* article, main, role=main/article, itemprop=articleBody */
	F_ITEMPROP_BODY = 1u << 6,
	F_LEAD = 1u << 7,       /* class/id names a lead, intro or standfirst */
	F_KEEP = 1u << 8,       /* kept beside the main container */
	F_BLOCKDESC = 1u << 9,  /* holds a block element, directly or through inline elements */
};

typedef struct sb_info {
	xmlNodePtr node;
	void *saved;
	int parent;
	int last;         /* index of the last node of the subtree (pre-order) */
	unsigned char kind;
	unsigned flags;
	int neg;          /* reason index from the class vocabulary, or 0 */
	int weight;       /* positive class weight minus negative */
	double text;      /* characters of text */
	double link;      /* characters inside links */
	double good;      /* text outside links and pruned subtrees */
	double score;     /* paragraph score */
	double jl;        /* characters of blocks found in the JSON-LD articleBody */
	double prose;     /* characters of prose paragraphs (long, few links) */
	double live;      /* text outside pruned subtrees, links included */
	int paras;        /* paragraph-like children with enough text */
} sb_info;

typedef struct sb_ctx {
	const sb_state *st;
	galley_article *a;
	sb_info *info;
	size_t n, cap;
	galley_buf tmp, tmp2, cls;
	galley_buf title_key;
	bool title_done;
	struct sb_cache_slot *cache;
	size_t cache_n, cache_cap;
	sb_u64set seen_out;   /* key forms of short blocks removed before filtering */
	sb_u64set jl_windows; /* word-aligned pieces of the articleBody's key form (see sb_in_jsonld) */
	bool filtering;
	/* where the blocks being recorded were, appended to their context for the attribution
	 * tagger: "before-body", "after-body" (outside the container, before or after it in the
	 * page), "in-body" (inside it); NULL for text-shaped bodies */
	const char *where;
	int within; /* the reason of the removed part a block with its own reason sat in (a byline
	             * inside a related-stories box: "in:related"), or 0 */
	char *jsonld;       /* normalised, key form of the JSON-LD articleBody */
	size_t jsonld_len;
	double jl_covered;  /* characters of the page's blocks found in it */
	bool jl_pick;       /* the container was chosen by its coverage */
	/* output */
	xmlDocPtr out;
	bool text_mode;
} sb_ctx;

/* Count characters of a text node, white space runs counting as one. */
static double sb_text_len(const xmlChar *s, int *commas)
{
	double n = 0;
	bool ws = true;
	for (; s && *s; s++) {
		unsigned char c = *s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (!ws)
				n++;
			ws = true;
			continue;
		}
		ws = false;
		if ((c & 0xC0) != 0x80)
			n++;
		if (c == ',')
			(*commas)++;
	}
	return n;
}

/* Split a lower-cased class/id string into tokens (non-alphanumerics and camelCase humps
 * separate) and look them up. */
static void sb_classify_attr(sb_ctx *c, const char *raw, int *neg, int *weight, bool *mark, bool *lead)
{
	const sb_state *st = c->st;
	galley_buf *b = &c->cls;
	galley_buf_reset(b);
	/* lower-case copy with separators at camelCase humps */
	for (const char *p = raw; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (isupper(ch) && p > raw && islower((unsigned char)p[-1]))
			galley_buf_putc(b, '-');
		galley_buf_putc(b, (char)tolower(ch));
	}
	if (!b->len)
		return;
	const char *s = b->data;
	if (sb_vocab_find(&st->bodymark, s, b->len) >= 0)
		*mark = true;
	if (sb_vocab_find(&st->lead, s, b->len) >= 0)
		*lead = true;
	if (!*neg) {
		int j = sb_vocab_find(&st->negative, s, b->len);
		if (j >= 0)
			*neg = st->negative.sub_value[j];
	}
	for (size_t i = 0; i < st->positive.n_sub; i++)
		if (strstr(s, st->positive.sub[i]))
			*weight += st->positive.sub_value[i];
	const sb_entry *e;
	/* whole class names (space separated) for the "=name" patterns */
	for (const char *p = s; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *t = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		size_t len = (size_t)(p - t);
		if (!len)
			continue;
		if (!*neg && (e = sb_map_get(&st->negative.exact, t, len)))
			*neg = e->value;
		if ((e = sb_map_get(&st->positive.exact, t, len)))
			*weight += e->value;
		if (sb_map_get(&st->bodymark.exact, t, len))
			*mark = true;
		if (sb_map_get(&st->lead.exact, t, len))
			*lead = true;
	}
	const char *p = s;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *t = p;
		while (*p && isalnum((unsigned char)*p))
			p++;
		size_t len = (size_t)(p - t);
		if (!len)
			continue;
		for (size_t k = 1; k <= len && k < 64; k++) {
			if (!*neg && st->negative.prefix.lens[k] && (e = sb_map_get(&st->negative.prefix, t, k)))
				*neg = e->value;
			if (st->positive.prefix.lens[k] && (e = sb_map_get(&st->positive.prefix, t, k)))
				*weight += e->value;
			if (st->lead.prefix.lens[k] && sb_map_get(&st->lead.prefix, t, k))
				*lead = true;
		}
	}
}

/* Pages repeat the same class values many times: classify each distinct value once. */
typedef struct sb_cache_slot {
	const char *key; /* borrowed from the page's attribute */
	int neg, weight;
	bool mark, lead;
} sb_cache_slot;

static void sb_classify_cached(sb_ctx *c, const char *raw, int *neg, int *weight, bool *mark, bool *lead)
{
	size_t len = strlen(raw);
	if (c->cache_n * 2 >= c->cache_cap) {
		size_t ncap = c->cache_cap ? c->cache_cap * 2 : 256;
		sb_cache_slot *ns = galley_calloc(ncap, sizeof *ns);
		for (size_t i = 0; i < c->cache_cap; i++) {
			if (!c->cache[i].key)
				continue;
			size_t h = sb_hash(c->cache[i].key, strlen(c->cache[i].key)) & (ncap - 1);
			while (ns[h].key)
				h = (h + 1) & (ncap - 1);
			ns[h] = c->cache[i];
		}
		free(c->cache);
		c->cache = ns;
		c->cache_cap = ncap;
	}
	size_t h = sb_hash(raw, len) & (c->cache_cap - 1);
	while (c->cache[h].key) {
		if (!strcmp(c->cache[h].key, raw))
			break;
		h = (h + 1) & (c->cache_cap - 1);
	}
	sb_cache_slot *slot = &c->cache[h];
	if (!slot->key) {
		slot->key = raw;
		sb_classify_attr(c, raw, &slot->neg, &slot->weight, &slot->mark, &slot->lead);
		c->cache_n++;
	}
	if (!*neg)
		*neg = slot->neg;
	*weight += slot->weight;
	*mark = *mark || slot->mark;
	*lead = *lead || slot->lead;
}

static const char *sb_attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name) && a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

static bool sb_contains_ci(const char *hay, const char *needle)
{
	return hay && strcasestr(hay, needle) != NULL;
}

/* Pass 1: pre-order numbering and annotation.  Iterative (pages nest deeply). */
static void sb_annotate(sb_ctx *c, xmlNodePtr root)
{
	xmlNodePtr n = root;
	int parent = -1;
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (c->n == c->cap) {
				c->cap = c->cap ? c->cap * 2 : 1024;
				c->info = galley_realloc(c->info, c->cap * sizeof *c->info);
			}
			int idx = (int)c->n++;
			sb_info *in = &c->info[idx];
			memset(in, 0, sizeof *in);
			in->node = n;
			in->saved = n->_private;
			in->parent = parent;
			in->kind = (unsigned char)sb_kind_of(n);
			if (parent >= 0 && ((c->info[parent].flags & F_IN_LINK) || c->info[parent].kind == K_A))
				in->flags |= F_IN_LINK;
			n->_private = (void *)(intptr_t)(idx + 1);

			int neg = 0, weight = 0;
			bool mark = false, lead = false;
			/* one pass over the attributes */
			const char *cl = NULL, *id = NULL, *role = NULL, *itemprop = NULL, *rel = NULL, *ah = NULL,
			           *style = NULL;
			for (xmlAttrPtr at = n->properties; at; at = at->next) {
				const char *an = (const char *)at->name;
				const char *av = at->children && at->children->content ? (const char *)at->children->content : NULL;
				if (!an)
					continue;
				switch (an[0] | 0x20) {
				case 'c': if (!strcasecmp(an, "class")) cl = av; break;
				case 'i':
					if (!strcasecmp(an, "id")) id = av;
					else if (!strcasecmp(an, "itemprop")) itemprop = av;
					break;
				case 'r':
					if (!strcasecmp(an, "role")) role = av;
					else if (!strcasecmp(an, "rel")) rel = av;
					break;
				case 'a': if (!strcasecmp(an, "aria-hidden")) ah = av; break;
				case 's': if (!strcasecmp(an, "style")) style = av; break;
				case 'h': if (!strcasecmp(an, "hidden")) in->flags |= F_HIDDEN; break;
				default: break;
				}
			}
			if (cl)
				sb_classify_cached(c, cl, &neg, &weight, &mark, &lead);
			if (id)
				sb_classify_cached(c, id, &neg, &weight, &mark, &lead);
			if (lead)
				in->flags |= F_LEAD;
			if (role) {
				if (!strcasecmp(role, "navigation") || !strcasecmp(role, "menu") || !strcasecmp(role, "menubar"))
					neg = neg ? neg : R_NAV;
				else if (!strcasecmp(role, "banner"))
					neg = neg ? neg : R_HEADER;
				else if (!strcasecmp(role, "contentinfo"))
					neg = neg ? neg : R_FOOTER;
				else if (!strcasecmp(role, "complementary"))
					neg = neg ? neg : R_SIDEBAR;
				else if (!strcasecmp(role, "main") || !strcasecmp(role, "article"))
					in->flags |= F_SEMANTIC_MAIN;
				else if (!strcasecmp(role, "dialog") || !strcasecmp(role, "alertdialog"))
					neg = neg ? neg : R_COOKIE;
			}
			if (itemprop) {
				if (sb_contains_ci(itemprop, "articlebody") || !strcasecmp(itemprop, "text") ||
				    sb_contains_ci(itemprop, "reviewbody")) {
					in->flags |= F_ITEMPROP_BODY | F_BODYMARK;
					mark = true;
				} else if (sb_contains_ci(itemprop, "author"))
					neg = neg ? neg : R_BYLINE;
				else if (sb_contains_ci(itemprop, "date"))
					neg = neg ? neg : R_DATELINE;
				else if (sb_contains_ci(itemprop, "comment"))
					neg = neg ? neg : R_COMMENTS;
			}
			if (rel && sb_contains_ci(rel, "author"))
				neg = neg ? neg : R_BYLINE;
			if (ah && !strcasecmp(ah, "true") && in->kind != K_A)
				in->flags |= F_HIDDEN;
			if (style && (strstr(style, "display:none") || strstr(style, "display: none") ||
			              strstr(style, "visibility:hidden") || strstr(style, "visibility: hidden")))
				in->flags |= F_HIDDEN;
			if (in->kind == K_CONTAINER && n->name && !strcasecmp((const char *)n->name, "article"))
				in->flags |= F_SEMANTIC_MAIN;
			if (in->kind == K_CONTAINER && n->name && !strcasecmp((const char *)n->name, "main"))
				in->flags |= F_SEMANTIC_MAIN;
			in->neg = neg;
			in->weight = weight;
			if (mark)
				in->flags |= F_BODYMARK;

			/* descend */
			if (n->children && in->kind != K_DROP) {
				parent = idx;
				n = n->children;
				continue;
			}
			c->info[idx].last = idx;
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (parent >= 0) {
				int commas = 0;
				double len = sb_text_len(n->content, &commas);
				sb_info *p = &c->info[parent];
				p->text += len;
				if ((p->flags & F_IN_LINK) || p->kind == K_A)
					p->link += len;
				p->score += commas; /* commas of direct text, used by the paragraph score */
			}
		}
		/* next: sibling, or climb */
		while (n && n != root && !n->next) {
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE && n->_private) {
				int idx = (int)(intptr_t)n->_private - 1;
				c->info[idx].last = (int)c->n - 1;
				parent = c->info[idx].parent;
			}
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
	if (c->n)
		c->info[0].last = (int)c->n - 1;
}

static void sb_restore(sb_ctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		c->info[i].node->_private = c->info[i].saved;
}

static int sb_index(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && n->_private ? (int)(intptr_t)n->_private - 1 : -1;
}

/* Whether a subtree is boilerplate by itself (tag, role, class, hidden). Returns a reason. */
static int sb_own_reason(const sb_info *in)
{
	if (in->flags & F_HIDDEN)
		return R_HIDDEN;
	switch (in->kind) {
	case K_DROP: return R_HIDDEN;
	case K_FORM: return R_FORM;
	case K_NAV: return R_NAV;
	case K_ASIDE: return R_SIDEBAR;
	case K_FOOTER: return R_FOOTER;
	default: break;
	}
	if (in->neg && !(in->flags & (F_BODYMARK | F_SEMANTIC_MAIN)) && in->weight < 2)
		return in->neg;
	return 0;
}

/* ---- measuring ---------------------------------------------------------------------------- */
static bool sb_is_para_like(const sb_info *in)
{
	return in->kind == K_BLOCK || in->kind == K_CELL || in->kind == K_LI || in->kind == K_QUOTE;
}

/* Pass 2 (reverse pre-order = children before parents): totals, marks, paragraph scores. */
static void sb_measure(sb_ctx *c)
{
	for (size_t k = c->n; k-- > 0;) {
		sb_info *in = &c->info[k];
		/* own text is in text/link already; children were added into us */
		if (in->kind == K_A)
			in->link = in->text;
		if (in->flags & F_BODYMARK)
			in->flags |= F_CONTAINS_MARK;
		if ((in->kind == K_BLOCK || in->kind == K_LI) && in->text - in->link >= 150 && in->link < 0.2 * in->text)
			in->prose = in->text;
		if (in->parent >= 0) {
			sb_info *p = &c->info[in->parent];
			if (!sb_inline_kind(in->kind) ||
			    ((in->flags & F_BLOCKDESC) && in->kind != K_BR && in->kind != K_IMG && in->kind != K_DROP))
				p->flags |= F_BLOCKDESC;
			p->prose += in->prose;
			p->text += in->text;
			p->link += in->link;
			if (in->flags & (F_CONTAINS_MARK | F_SEMANTIC_MAIN))
				p->flags |= F_CONTAINS_MARK;
		}
	}
}

/* Pass 3 (pre-order): prune flags, good text, paragraph scores given to ancestors. */
static void sb_good(sb_ctx *c)
{
	double total = c->n ? c->info[0].text : 0;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &c->info[k];
		int r = sb_own_reason(in);
		/* never prune what holds the article: the mark, or most of the page's text */
		if (r && (in->flags & F_CONTAINS_MARK) && r != R_HIDDEN)
			r = 0;
		if (r && in->kind != K_DROP && total > 0 && in->text > 0.6 * total)
			r = 0;
		/* class words are weak evidence against prose: a "widget" holding paragraphs of
		 * running text is the article in some page builders */
		if (r && in->kind == K_CONTAINER && in->neg == r && r != R_COMMENTS && r != R_COOKIE && r != R_PAYWALL &&
		    in->prose >= 400 && in->prose >= 0.5 * in->text)
			r = 0;
		if (r)
			in->flags |= F_PRUNE;
		if (in->parent >= 0 && (c->info[in->parent].flags & F_PRUNE))
			in->flags |= F_PRUNE;
	}
	for (size_t k = c->n; k-- > 0;) {
		sb_info *in = &c->info[k];
		double own_good = 0;
		if (!(in->flags & F_PRUNE)) {
			/* the text of this element minus what its element children carried */
			double child_text = 0;
			for (xmlNodePtr ch = in->node->children; ch; ch = ch->next) {
				int ci = sb_index(ch);
				if (ci >= 0)
					child_text += c->info[ci].text;
			}
			if (!(in->flags & F_IN_LINK) && in->kind != K_A)
				own_good = in->text - child_text;
			if (own_good < 0)
				own_good = 0;
		}
		in->good += own_good;
		if (!(in->flags & F_PRUNE)) {
			double child_text = 0;
			for (xmlNodePtr ch = in->node->children; ch; ch = ch->next) {
				int ci = sb_index(ch);
				if (ci >= 0)
					child_text += c->info[ci].text;
			}
			in->live += in->text - child_text;
		}
		if (in->parent >= 0) {
			c->info[in->parent].good += in->good;
			c->info[in->parent].live += in->live;
		}
	}
}

/* Votes in a separate array (parents are visited after children in reverse order, so the
 * comma count in score would be overwritten; keep them apart). */
static double *sb_votes(sb_ctx *c)
{
	double *v = galley_calloc(c->n ? c->n : 1, sizeof *v);
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &c->info[k];
		if ((in->flags & F_PRUNE) || !sb_is_para_like(in) || in->kind == K_QUOTE)
			continue;
		double len = in->text - in->link;
		if (len < 25)
			continue;
		double s = 1 + (in->score > 10 ? 10 : in->score) + (len / 100 > 3 ? 3 : len / 100);
		int p = in->parent;
		if (in->kind == K_CELL || in->kind == K_LI)
			s *= 0.5;
		for (int lvl = 0; p >= 0 && lvl < 3; lvl++, p = c->info[p].parent)
			v[p] += s / (lvl == 0 ? 1 : lvl == 1 ? 2 : 3 * lvl);
	}
	/* loose text directly in containers counts as paragraphs too */
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &c->info[k];
		if ((in->flags & F_PRUNE) || in->kind != K_CONTAINER)
			continue;
		double child_text = 0;
		for (xmlNodePtr ch = in->node->children; ch; ch = ch->next) {
			int ci = sb_index(ch);
			if (ci >= 0 && c->info[ci].kind != K_INLINE && c->info[ci].kind != K_A && c->info[ci].kind != K_OTHER)
				child_text += c->info[ci].text;
		}
		double own = in->text - child_text - in->link;
		if (own >= 100) {
			double s = 1 + (own / 100 > 3 ? 3 : own / 100);
			v[k] += s;
			if (in->parent >= 0)
				v[in->parent] += s / 2;
		}
	}
	return v;
}

/* ---- JSON-LD articleBody coverage ---------------------------------------------------------- */
static void sb_jsonld_prepare(sb_ctx *c)
{
	const char *body = galley_article_candidate_first(c->a, "body");
	if (!body || strlen(body) < 200)
		return;
	sb_key(&c->tmp, body, strlen(body));
	c->jsonld = galley_strdup(c->tmp.data);
	c->jsonld_len = c->tmp.len;
	/* every piece that starts at a word and is either 60 bytes long or shorter and ends at a
	 * word: a block's key form is found by the hash of its first 60 bytes (or all of it) in
	 * constant time, never by searching the whole text */
	const char *k = c->jsonld;
	size_t n = c->jsonld_len;
	for (size_t i = 0; i < n; i++) {
		if (i && k[i - 1] != ' ')
			continue;
		if (n - i >= SB_PROBE)
			sb_set_add(&c->jl_windows, sb_hash(k + i, SB_PROBE));
		for (size_t e = i + 1; e <= n && e - i < SB_PROBE; e++)
			if (e == n || k[e] == ' ')
				sb_set_add(&c->jl_windows, sb_hash(k + i, e - i));
	}
}

/* Whether a block's key form (starting and ending at a word) occurs in the articleBody, judged
 * by its first SB_PROBE bytes. */
static bool sb_in_jsonld(const sb_ctx *c, const char *key, size_t len)
{
	return sb_set_has(&c->jl_windows, sb_hash(key, len < SB_PROBE ? len : SB_PROBE));
}

/* For each paragraph-like element with text, whether it occurs in the articleBody. */
static void sb_jsonld_cover(sb_ctx *c)
{
	if (!c->jsonld)
		return;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &c->info[k];
		if (!(in->kind == K_BLOCK || in->kind == K_LI) || in->text < 30)
			continue;
		xmlChar *t = xmlNodeGetContent(in->node);
		if (!t)
			continue;
		sb_key(&c->tmp, (const char *)t, strlen((const char *)t));
		xmlFree(t);
		if (c->tmp.len < 20)
			continue;
		/* probe with the first bytes: robust to tail differences */
		if (sb_in_jsonld(c, c->tmp.data, c->tmp.len))
			in->jl = in->text;
	}
	for (size_t k = c->n; k-- > 1;)
		if (c->info[k].parent >= 0)
			c->info[c->info[k].parent].jl += c->info[k].jl;
}

/* ---- choosing the main container ---------------------------------------------------------- */
static int sb_choose(sb_ctx *c, double *votes)
{
	sb_info *I = c->info;
	int root = 0;
	double total_good = I[root].good;

	/* readability-style best candidate */
	int best = -1;
	double best_score = 0;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &I[k];
		if ((in->flags & F_PRUNE) || votes[k] <= 0)
			continue;
		if (!(in->kind == K_CONTAINER || in->kind == K_CELL || in->kind == K_QUOTE || in->kind == K_OTHER ||
		      in->kind == K_HEADER || in->kind == K_TABLE || in->kind == K_TPART || in->kind == K_INLINE))
			continue;
		double ld = in->text > 0 ? in->link / in->text : 0;
		double s = votes[k] * (1 - ld) + in->weight * 3;
		if (in->flags & F_BODYMARK)
			s += 10;
		if (s > best_score) {
			best_score = s;
			best = (int)k;
		}
	}

	/* JSON-LD coverage: the deepest element holding most of the covered text */
	int jl_pick = -1;
	if (c->jsonld && I[root].jl >= 0.3 * (double)c->jsonld_len && I[root].jl >= 150) {
		int cur = root;
		for (;;) {
			int next = -1;
			for (xmlNodePtr ch = I[cur].node->children; ch; ch = ch->next) {
				int ci = sb_index(ch);
				if (ci >= 0 && I[ci].jl >= 0.85 * I[root].jl) {
					next = ci;
					break;
				}
			}
			if (next < 0)
				break;
			cur = next;
		}
		/* a container, not one paragraph */
		while (cur > 0 && I[cur].kind != K_CONTAINER && I[cur].kind != K_CELL && I[cur].kind != K_OTHER &&
		       I[cur].kind != K_INLINE)
			cur = I[cur].parent;
		jl_pick = cur;
	}

	/* class markers for the article body: the one holding the most good text; an inner
	 * one when it holds nearly all of its outer one */
	int mark = -1;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &I[k];
		if (!(in->flags & F_BODYMARK) || (in->flags & F_PRUNE))
			continue;
		if (in->kind != K_CONTAINER && in->kind != K_OTHER && in->kind != K_CELL && in->kind != K_INLINE)
			continue;
		if (in->good < 100)
			continue;
		if (mark < 0 || in->good > I[mark].good * 1.15)
			mark = (int)k;
		else if ((int)k <= I[mark].last && in->good >= 0.85 * I[mark].good)
			mark = (int)k; /* nested and nearly as full: the inner one */
	}

	/* semantic: the first <article>/<main>/role=main with good text */
	int sem = -1;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &I[k];
		if ((in->flags & F_SEMANTIC_MAIN) && !(in->flags & F_PRUNE) && in->good >= 200) {
			if (sem < 0 || in->good > I[sem].good * 1.5)
				sem = (int)k;
		}
	}

	int pick = -1;
	double ref = best >= 0 ? I[best].good : 0;
	/* a declared body the page shows only a little of (a truncated articleBody) does not
	 * beat a marked body container holding much more text */
	if (jl_pick >= 0 && mark >= 0 && I[mark].good > 2 * I[jl_pick].good &&
	    !(mark <= jl_pick && jl_pick <= I[mark].last))
		jl_pick = -1;
	if (jl_pick >= 0) {
		pick = jl_pick;
		c->jl_pick = true;
	}
	else if (mark >= 0 && I[mark].good >= 0.5 * ref)
		pick = mark;
	else if (sem >= 0 && I[sem].good >= 0.5 * ref && (best < 0 || (best >= sem && best <= I[sem].last) ||
	                                                  I[sem].good >= ref))
		pick = sem;
	else
		pick = best;
	if (pick < 0)
		pick = root;
	/* too little: fall back to the whole body */
	if (I[pick].good < 0.2 * total_good && I[pick].good < (double)c->st->min_chars)
		pick = root;
	return pick;
}

/* ---- keeping what sits beside the container ------------------------------------------------
 * The lead paragraph, the standfirst and the first paragraphs are often siblings of the body
 * container (in the article's header).  Going up a few levels from the container, a sibling
 * is kept when it is prose (long paragraphs, few links), a lead by its class, or a heading
 * right before something kept. */
static bool sb_sibling_prose(const sb_info *s)
{
	double ld = s->text > 0 ? s->link / s->text : 1;
	if (s->flags & F_PRUNE)
		return false;
	if (s->kind == K_NAV || s->kind == K_ASIDE || s->kind == K_FOOTER || s->kind == K_FORM || s->kind == K_DROP)
		return false;
	if ((s->flags & F_LEAD) && s->text >= 30 && s->text <= 1500 && ld < 0.3)
		return true;
	return s->prose >= 150 && ld < 0.25 && s->prose >= 0.5 * s->text;
}

static void sb_expand(sb_ctx *c, int pick)
{
	sb_info *I = c->info;
	int cur = pick;
	double base = I[pick].text;
	for (int level = 0; level < 3 && I[cur].parent >= 0; level++) {
		int par = I[cur].parent;
		if (I[par].text > 3 * base + 3000)
			break;
		for (xmlNodePtr ch = I[par].node->children; ch; ch = ch->next) {
			int ci = sb_index(ch);
			if (ci < 0 || ci == cur)
				continue;
			sb_info *s = &I[ci];
			const char *cl_pick = sb_attr(I[pick].node, "class"), *cl_s = sb_attr(ch, "class");
			bool same_class = level == 0 && cl_pick && cl_s && !strcmp(cl_pick, cl_s) && !(s->flags & F_PRUNE) &&
			                  s->text >= 50 && s->link < 0.3 * s->text;
			/* after the container come related stories and comments; what belongs to the body
			 * there shares its class (below) */
			bool before = ci < pick;
			if (before && (same_class || sb_sibling_prose(s))) {
				s->flags |= F_KEEP;
				/* a heading right before it */
				for (xmlNodePtr h = ch->prev; h; h = h->prev) {
					int hi = sb_index(h);
					if (hi < 0)
						continue;
					if (sb_is_heading(h) && I[hi].text < 200 && !(I[hi].flags & F_PRUNE))
						I[hi].flags |= F_KEEP;
					break;
				}
				continue;
			}
			/* a header block holding a lead */
			if (!(s->flags & F_PRUNE) && s->text < 2000 && s->kind != K_NAV && s->kind != K_FOOTER &&
			    s->kind != K_ASIDE) {
				for (int d = ci + 1; d <= s->last; d++) {
					sb_info *g = &I[d];
					if ((g->flags & F_LEAD) && !(g->flags & F_PRUNE) && g->text >= 30 && g->text <= 1500 &&
					    g->link < 0.3 * g->text) {
						g->flags |= F_KEEP;
						d = g->last;
					}
				}
			}
		}
		cur = par;
	}
	/* the body split in several blocks of the same class (page builders): the others too */
	const char *cl_pick = sb_attr(I[pick].node, "class");
	if (cl_pick && *cl_pick) {
		int same = 0;
		for (size_t k = 0; k < c->n; k++) {
			const char *cl = sb_attr(I[k].node, "class");
			if (cl && !strcmp(cl, cl_pick))
				same++;
		}
		if (same > 1 && same <= 20)
			for (size_t k = 0; k < c->n; k++) {
				sb_info *s = &I[k];
				if ((int)k >= pick && (int)k <= I[pick].last)
					continue;
				const char *cl = sb_attr(s->node, "class");
				if (cl && !strcmp(cl, cl_pick) && !(s->flags & F_PRUNE) && s->text >= 50 && s->link < 0.3 * s->text &&
				    (!c->jl_pick || s->jl > 0)) {
					/* not inside something already kept */
					bool inside = false;
					for (int a = s->parent; a >= 0; a = I[a].parent)
						if (I[a].flags & F_KEEP || a == pick) {
							inside = true;
							break;
						}
					if (!inside)
						s->flags |= F_KEEP;
				}
			}
	}
	/* the lead the page declares as its description (og:description...), when a paragraph
	 * before the container starts with it and lies outside pruned parts */
	const char *desc = galley_article_get(c->a, GALLEY_FIELD_DESCRIPTION);
	if (!desc)
		desc = galley_article_candidate_first(c->a, "description");
	if (desc && strlen(desc) >= 60) {
		galley_buf dk = {0}, bk = {0};
		sb_key(&dk, desc, strlen(desc));
		size_t probe = dk.len > 60 ? 60 : dk.len;
		dk.data[probe] = '\0';
		for (size_t k = 0; k < c->n; k++) {
			sb_info *s = &I[k];
			if ((int)k >= pick && (int)k <= I[pick].last)
				continue;
			if ((int)k > pick)
				break; /* a lead comes before the body */
			if (!(s->kind == K_BLOCK) || (s->flags & (F_PRUNE | F_KEEP)) || s->text < 60 || s->text > 1500)
				continue;
			xmlChar *t = xmlNodeGetContent(s->node);
			if (!t)
				continue;
			sb_key(&bk, (const char *)t, strlen((const char *)t));
			xmlFree(t);
			if (strstr(bk.data, dk.data)) {
				bool inside = false;
				for (int a = s->parent; a >= 0; a = I[a].parent)
					if ((I[a].flags & (F_KEEP | F_PRUNE)) || a == pick) {
						inside = true;
						break;
					}
				if (!inside)
					s->flags |= F_KEEP;
				break;
			}
		}
		galley_buf_free(&dk);
		galley_buf_free(&bk);
	}
}

/* ---- rebuilding the output ---------------------------------------------------------------- */
typedef struct sb_out {
	sb_ctx *c;
	xmlNodePtr run;  /* the open <p> collecting loose inline content, or NULL */
} sb_out;

static void sb_context(sb_ctx *c, xmlNodePtr n, galley_buf *b)
{
	galley_buf_reset(b);
	galley_buf_puts(b, n->name ? (const char *)n->name : "?");
	const char *id = sb_attr(n, "id"), *cl = sb_attr(n, "class");
	if (id) {
		galley_buf_putc(b, '#');
		galley_buf_append(b, id, strcspn(id, " \t\n"));
	}
	if (cl) {
		const char *p = cl;
		while (*p == ' ')
			p++;
		size_t l = strcspn(p, " \t\n");
		if (l) {
			galley_buf_putc(b, '.');
			galley_buf_append(b, p, l > 40 ? 40 : l);
		}
	}
}

/* Record a removed block.  key (nullable) is the text's key form when the caller has it. */
static void sb_record_key(sb_ctx *c, int reason, const char *text, const char *context, const galley_buf *key)
{
	if (!text || !*text)
		return;
	if (!c->filtering && strlen(text) < 300) {
		galley_buf k = {0};
		if (!key) {
			sb_key(&k, text, strlen(text));
			key = &k;
		}
		if (key->len >= 12)
			sb_set_add(&c->seen_out, sb_hash_unspaced(key->data, key->len));
		galley_buf_free(&k);
	}
	galley_buf ctx = {0};
	if (c->where && !c->text_mode) {
		galley_buf_puts(&ctx, context ? context : "");
		galley_buf_putc(&ctx, ' ');
		galley_buf_puts(&ctx, c->where);
		if (c->within && c->within != reason) {
			galley_buf_puts(&ctx, " in:");
			galley_buf_puts(&ctx, sb_reason_names[c->within]);
		}
		context = ctx.data;
	}
	galley_removed r = {.reason = sb_reason_names[reason], .text = text, .context = context};
	galley_article_add_removed(c->a, &r);
	galley_buf_free(&ctx);
}

static void sb_record(sb_ctx *c, int reason, const char *text, const char *context)
{
	sb_record_key(c, reason, text, context, NULL);
}

/* Record the blocks of a removed source subtree: one entry per block with text; elements
 * inside it with their own reason (a byline inside a header) keep theirs. */
static void sb_record_subtree(sb_ctx *c, xmlNodePtr n, int reason);

/* The code point that ends b[0..len), or 0. */
static uint32_t sb_last_cp(const galley_buf *b, size_t len)
{
	if (!len)
		return 0;
	size_t i = len - 1;
	while (i > 0 && ((unsigned char)b->data[i] & 0xC0) == 0x80)
		i--;
	const char *p = b->data + i;
	return galley_utf8_next(&p, b->data + len);
}

static bool sb_cp_upper(uint32_t c)
{
	return c != sb_lower_cp(c);
}

static bool sb_cp_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0x24F && !sb_cp_upper(c) && c != 0xF7);
}

static bool sb_cp_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Two inline elements side by side with no space between (two elements next to each other with
 * no text between always get one when letters would touch: "Spließ</span><span>in") ("<span>von</span><a>Chris
 * Jung</a>", "<a>Anna Roe</a><time>12.03.2022</time>"): the page usually sets them apart with
 * its style.  A space goes where the text would otherwise glue a lower-case letter to a
 * capital, or a letter to a digit ("vonChris Jung", "Roe12.03.2022"); a drop capital
 * ("<b>W</b>ord") and words split by markup stay whole. */
static void sb_boundary_space(galley_buf *b, size_t at, bool adjacent)
{
	if (!at || at >= b->len || b->data[at - 1] == ' ')
		return;
	uint32_t before = sb_last_cp(b, at);
	const char *p = b->data + at;
	uint32_t after = galley_utf8_next(&p, b->data + b->len);
	bool letters = (sb_cp_lower(before) || sb_cp_upper(before) || sb_cp_digit(before)) &&
	               (sb_cp_lower(after) || sb_cp_upper(after) || sb_cp_digit(after));
	bool glue = (adjacent && letters) || (sb_cp_lower(before) && sb_cp_upper(after)) || ((sb_cp_lower(before) || sb_cp_upper(before)) && sb_cp_digit(after)) ||
	            (sb_cp_digit(before) && (sb_cp_upper(after) || sb_cp_lower(after))) || ((before == ':' || before == '|') && after > ' ');
	if (!glue)
		return;
	galley_buf_putc(b, ' '); /* grow by one, then shift the tail */
	memmove(b->data + at + 1, b->data + at, b->len - at - 1);
	b->data[at] = ' ';
}

/* Whether an element is hidden from the reader (display:none, the hidden attribute): its text
 * is no part of the line around it ("<span style="display: none;">0 Kommentare</span><span
 * class="author">Lars</span>" reads "Lars").  A hidden credit the page keeps for machines (a
 * byline's or a date's microformat) stays. */
static bool sb_hidden_part(const sb_ctx *c, xmlNodePtr n)
{
	int idx = sb_index(n);
	if (idx < 0 || !(c->info[idx].flags & F_HIDDEN))
		return false;
	int neg = c->info[idx].neg;
	return neg != R_BYLINE && neg != R_DATELINE && neg != R_AUTHOR_BOX && neg != R_META;
}

static void sb_collect_text(const sb_ctx *c, xmlNodePtr n, galley_buf *b, int depth)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			size_t at = b->len;
			galley_buf_puts(b, (const char *)ch->content);
			if (ch->prev && ch->prev->type == XML_ELEMENT_NODE)
				sb_boundary_space(b, at, false);
		} else if (ch->type == XML_ELEMENT_NODE && depth < SB_MAX_DEPTH) {
			int k = sb_kind_of(ch);
			if (k == K_DROP || sb_hidden_part(c, ch))
				continue;
			if (k == K_BR)
				galley_buf_putc(b, ' ');
			size_t at = b->len;
			sb_collect_text(c, ch, b, depth + 1);
			if (k == K_INLINE || k == K_A || k == K_OTHER)
				sb_boundary_space(b, at, ch->prev && ch->prev->type == XML_ELEMENT_NODE);
			if (k != K_INLINE && k != K_A && k != K_OTHER)
				galley_buf_putc(b, ' ');
		}
	}
}

/* Whether n holds a block element, directly or through inline elements: from the flag the
 * measuring pass computed, or (for nodes it did not see) by looking, to a bounded depth. */
static bool sb_has_block_child_depth(const sb_ctx *c, xmlNodePtr n, int depth)
{
	int idx = sb_index(n);
	if (idx >= 0)
		return (c->info[idx].flags & F_BLOCKDESC) != 0;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		int k = sb_kind_of(ch);
		if (!sb_inline_kind(k))
			return true;
		if (k != K_BR && k != K_IMG && k != K_DROP && depth < 64 && sb_has_block_child_depth(c, ch, depth + 1))
			return true;
	}
	return false;
}

static bool sb_has_block_child(const sb_ctx *c, xmlNodePtr n)
{
	return sb_has_block_child_depth(c, n, 0);
}

static int sb_line_prefix_key(const sb_ctx *c, const char *text, const char *key, size_t key_len, double len,
                              bool sentence);
static bool sb_byline_inside_key(const sb_ctx *c, const char *key);

/* The title's key form, computed once per article. */
static const galley_buf *sb_title_key(sb_ctx *c)
{
	if (!c->title_done) {
		const char *title = galley_article_get(c->a, GALLEY_FIELD_TITLE);
		c->title_done = true;
		if (title)
			sb_key(&c->title_key, title, strlen(title));
	}
	return c->title_key.len ? &c->title_key : NULL;
}

/* Key forms equal, or the block is the start of a longer title ("Title - Site"). */
static bool sb_same_title_key(const char *k1, size_t l1, const galley_buf *tk)
{
	if (!l1 || !tk || !tk->len)
		return false;
	if (l1 == tk->len && !memcmp(k1, tk->data, l1))
		return true;
	return tk->len > l1 && l1 >= 20 && !memcmp(k1, tk->data, l1);
}

static void sb_record_text(sb_ctx *c, xmlNodePtr n, int reason, galley_buf *b)
{
	char *t = sb_norm(sb_cstr(b));
	if (*t) {
		galley_buf k = {0};
		size_t tl = strlen(t);
		sb_key(&k, t, tl);
		if ((reason == R_OUTSIDE || reason == R_HEADER) && sb_same_title_key(k.data, k.len, sb_title_key(c)))
			reason = R_TITLE;
		/* what the line says beats where it was: "By Jane Doe" in a header or a meta line is a
		 * byline for the attribution tagger */
		if (tl <= 600 && (reason == R_OUTSIDE || reason == R_HEADER || reason == R_META || reason == R_DATELINE ||
		                  reason == R_FOOTER || reason == R_SIDEBAR || reason == R_SHORT)) {
			unsigned char last = (unsigned char)t[tl - 1];
			int r = sb_line_prefix_key(c, t, k.data, k.len, (double)galley_utf8_length(t, tl),
			                           last == '.' || last == '!' || last == '?');
			bool weak = reason == R_OUTSIDE || reason == R_HEADER || reason == R_META || reason == R_SHORT;
			if (r && (weak || r == R_BYLINE))
				reason = r;
			else if (reason == R_META && tl <= 200 && sb_byline_inside_key(c, k.data))
				reason = R_BYLINE;
		}
		galley_buf ctx = {0};
		sb_context(c, n, &ctx);
		sb_record_key(c, reason, t, ctx.data, &k);
		galley_buf_free(&ctx);
		galley_buf_free(&k);
	}
	free(t);
	galley_buf_reset(b);
}

/* Words in a white-space normalised text (runs of non-spaces holding a letter), its
 * characters other than spaces, and whether it has no capital. */
static int sb_line_words(const char *t, size_t *chars, bool *lower)
{
	int words = 0;
	bool in_word = false;
	*chars = 0;
	*lower = true;
	for (const char *p = t; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool sp = ch == ' ';
		if (!sp && !in_word && (isalpha(ch) || ch >= 0x80))
			words++;
		if (isupper(ch))
			*lower = false;
		if (!sp && (ch & 0xC0) != 0x80)
			(*chars)++;
		in_word = !sp;
	}
	return words;
}

/* A byline whose names sit in blocks of their own, the words between them loose in the line
 * ("<div class="byline">By <div class="byline-unit">David Brand</div><span> and </span><div
 * class="byline-unit">Ramsey Khalifeh</div></div>"): its pieces are recorded one by one ("By",
 * "David Brand", "and", ...), and the whole line as the page shows it ("By David Brand and Ramsey
 * Khalifeh") after them, so the attribution tagger sees the credit line as printed. Only a
 * short line of at least two name blocks (two to five words each, no other block), each after
 * the first set apart by a separator: punctuation or one short lower-case word ("and", "und",
 * "y", "&", ","). */
static void sb_record_byline_line(sb_ctx *c, xmlNodePtr n, int r)
{
	int idx = sb_index(n);
	if (r != R_BYLINE || idx < 0 || c->info[idx].neg != R_BYLINE)
		return;
	int units = 0;
	bool ok = true;
	galley_buf loose = {0}, u = {0};
	for (xmlNodePtr ch = n->children; ch && ok; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			galley_buf_puts(&loose, (const char *)ch->content);
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		int k = sb_kind_of(ch);
		if ((k == K_INLINE || k == K_A || k == K_OTHER) && !sb_has_block_child(c, ch)) {
			if (!sb_hidden_part(c, ch))
				sb_collect_text(c, ch, &loose, 0);
			continue;
		}
		int ci = sb_index(ch);
		if (ci < 0 || c->info[ci].neg != R_BYLINE || sb_has_block_child(c, ch)) {
			ok = false; /* another block in the line: not one credit line */
			break;
		}
		bool lower;
		size_t chars;
		galley_buf_reset(&u);
		sb_collect_text(c, ch, &u, 0);
		char *t = sb_norm(sb_cstr(&u));
		int words = sb_line_words(t, &chars, &lower);
		free(t);
		ok = words >= 2 && words <= 5; /* a name, not the byline's word, a dash or a biography */
		if (ok && units) {
			/* between two names: a separator */
			t = sb_norm(sb_cstr(&loose));
			int lw = sb_line_words(t, &chars, &lower);
			free(t);
			ok = chars && chars <= 5 && lw <= 1 && lower;
		}
		units++;
		galley_buf_reset(&loose);
	}
	galley_buf_free(&loose);
	galley_buf_free(&u);
	if (!ok || units < 2)
		return;
	galley_buf b = {0};
	sb_collect_text(c, n, &b, 0);
	if (b.len && b.len <= 200)
		sb_record_text(c, n, R_BYLINE, &b);
	galley_buf_free(&b);
}

static void sb_record_walk(sb_ctx *c, xmlNodePtr n, int reason, int depth)
{
	if (n->type != XML_ELEMENT_NODE || depth > SB_MAX_DEPTH)
		return;
	int idx = sb_index(n);
	int r = reason;
	int within = c->within;
	if (idx >= 0) {
		sb_info *in = &c->info[idx];
		if (in->kind == K_DROP || (in->flags & F_KEEP))
			return;
		int own = in->neg ? in->neg : sb_own_reason(in);
		if (own && own != R_HIDDEN) {
			/* a part with its own reason inside a removed part with another: say where it sat
			 * (the outermost such part: a byline in a related-stories box is "in:related") */
			if (own != r && r != R_OUTSIDE && r != R_HEADER && !c->within)
				c->within = r;
			r = own;
		}
	}
	galley_buf b = {0};
	if (!sb_has_block_child(c, n)) {
		sb_collect_text(c, n, &b, 0);
		sb_record_text(c, n, r, &b);
		galley_buf_free(&b);
		c->within = within;
		return;
	}
	/* loose text between block children */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			size_t at = b.len;
			galley_buf_puts(&b, (const char *)ch->content);
			if (ch->prev && ch->prev->type == XML_ELEMENT_NODE)
				sb_boundary_space(&b, at, false);
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		int k = sb_kind_of(ch);
		if ((k == K_INLINE || k == K_A || k == K_OTHER) && !sb_has_block_child(c, ch)) {
			if (sb_hidden_part(c, ch))
				continue;
			size_t at = b.len;
			sb_collect_text(c, ch, &b, 0);
			sb_boundary_space(&b, at, ch->prev && ch->prev->type == XML_ELEMENT_NODE);
			/* an inline element the page marks as the author's, among the loose bits of a meta
			 * block ("<span class="comments">…</span><span class="author">Lars</span><div
			 * class="social">"): also a byline of its own */
			int ci = sb_index(ch);
			if (ci >= 0 && c->info[ci].neg == R_BYLINE && (r == R_OUTSIDE || r == R_META || r == R_HEADER) && !c->within && b.len > at) {
				galley_buf one = {0};
				galley_buf_append(&one, b.data + at, b.len - at);
				sb_record_text(c, ch, R_BYLINE, &one);
				galley_buf_free(&one);
			}
			continue;
		}
		if (b.len)
			sb_record_text(c, n, r, &b);
		sb_record_walk(c, ch, r, depth + 1);
	}
	if (b.len)
		sb_record_text(c, n, r, &b);
	galley_buf_free(&b);
	sb_record_byline_line(c, n, r);
	c->within = within;
}

static void sb_record_subtree(sb_ctx *c, xmlNodePtr n, int reason)
{
	sb_record_walk(c, n, reason, 0);
}

/* Record everything outside the container `keep` (its ancestors' other children). */
static void sb_record_outside(sb_ctx *c, xmlNodePtr keep, xmlNodePtr root)
{
	for (xmlNodePtr a = keep; a && a != root; a = a->parent) {
		c->where = "before-body";
		for (xmlNodePtr s = a->parent ? a->parent->children : NULL; s; s = s->next) {
			if (s == a) {
				c->where = "after-body";
				continue;
			}
			if (s->type == XML_TEXT_NODE) {
				char *t = sb_norm((const char *)s->content);
				if (*t)
					sb_record(c, R_OUTSIDE, t, a->parent->name ? (const char *)a->parent->name : NULL);
				free(t);
			} else if (s->type == XML_ELEMENT_NODE)
				sb_record_subtree(c, s, R_OUTSIDE);
		}
	}
}

static const char *const sb_keep_attrs[] = {"href", "src", "alt", "colspan", "rowspan", "cite", "datetime",
                                            "lang", "title", "start", NULL};

static xmlNodePtr sb_copy_element(sb_out *o, xmlNodePtr src, const char *name, xmlNodePtr parent)
{
	xmlNodePtr el = xmlNewDocNode(o->c->out, NULL, BAD_CAST name, NULL);
	for (xmlAttrPtr at = src->properties; at; at = at->next) {
		for (int i = 0; sb_keep_attrs[i]; i++) {
			if (!strcasecmp((const char *)at->name, sb_keep_attrs[i]) && at->children && at->children->content) {
				const char *v = (const char *)at->children->content;
				if (!strcasecmp(sb_keep_attrs[i], "href") && !strncasecmp(v, "javascript:", 11))
					break;
				xmlNewProp(el, BAD_CAST sb_keep_attrs[i], BAD_CAST v);
				break;
			}
		}
	}
	el->_private = src; /* source element, for contexts; cleared before handing the doc on */
	xmlAddChild(parent, el);
	return el;
}

static void sb_lower_name(xmlNodePtr n, char *buf, size_t cap)
{
	size_t i = 0;
	for (const xmlChar *p = n->name; p && *p && i + 1 < cap; p++)
		buf[i++] = (char)tolower(*p);
	buf[i] = '\0';
}

/* Whether dst holds inline content directly (p, h*, li, td...) or needs <p> runs (body,
 * blockquote, figure). */
static bool sb_wants_runs(xmlNodePtr dst)
{
	const char *n = (const char *)dst->name;
	return !strcmp(n, "body") || !strcmp(n, "blockquote") || !strcmp(n, "figure");
}

static void sb_emit_children(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth);

static xmlNodePtr sb_inline_parent(sb_out *o, xmlNodePtr dst, xmlNodePtr src)
{
	if (!sb_wants_runs(dst))
		return dst;
	if (o->run && o->run->parent == dst)
		return o->run;
	o->run = xmlNewDocNode(o->c->out, NULL, BAD_CAST "p", NULL);
	o->run->_private = src;
	xmlAddChild(dst, o->run);
	return o->run;
}

static bool sb_layout_table(sb_ctx *c, xmlNodePtr t)
{
	/* a table used for layout holds blocks in its cells, or one huge cell */
	int cells = 0;
	xmlNodePtr stack[64];
	int sp = 0;
	stack[sp++] = t;
	while (sp) {
		xmlNodePtr n = stack[--sp];
		for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
			if (ch->type != XML_ELEMENT_NODE)
				continue;
			int k = sb_kind_of(ch);
			if (k == K_TPART && sp < 63)
				stack[sp++] = ch;
			else if (k == K_CELL) {
				cells++;
				int paras = 0;
				for (xmlNodePtr g = ch->children; g; g = g->next) {
					if (g->type != XML_ELEMENT_NODE)
						continue;
					int gk = sb_kind_of(g);
					if (gk == K_TABLE || gk == K_CONTAINER || gk == K_LIST || gk == K_QUOTE ||
					    (gk == K_BLOCK && sb_is_heading(g)))
						return true;
					/* several paragraphs in a cell: layout */
					if (gk == K_BLOCK && ++paras >= 2)
						return true;
				}
			}
		}
	}
	return cells <= 1;
}

static void sb_emit(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth)
{
	sb_ctx *c = o->c;
	if (depth > SB_MAX_DEPTH)
		return;
	if (src->type == XML_TEXT_NODE || src->type == XML_CDATA_SECTION_NODE) {
		const xmlChar *t = src->content;
		bool blank = true;
		for (const xmlChar *p = t; p && *p; p++)
			if (!isspace(*p)) {
				blank = false;
				break;
			}
		if (blank) {
			if (!sb_wants_runs(dst) || (o->run && o->run->parent == dst))
				xmlAddChild(sb_wants_runs(dst) ? o->run : dst, xmlNewDocText(c->out, BAD_CAST " "));
			return;
		}
		xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
		xmlAddChild(p, xmlNewDocText(c->out, t));
		return;
	}
	if (src->type != XML_ELEMENT_NODE)
		return;
	int idx = sb_index(src);
	sb_info *in = idx >= 0 ? &c->info[idx] : NULL;
	int kind = in ? in->kind : sb_kind_of(src);
	if (kind == K_DROP)
		return;
	if (in && (in->flags & F_PRUNE)) {
		int r = sb_own_reason(in);
		if (!r)
			r = R_NAV;
		sb_record_subtree(c, src, r);
		return;
	}
	/* conditional cleaning of link blocks: a link wrapping blocks is a teaser card; a
	 * container or list made of links with little other text is navigation or a teaser
	 * list */
	if (in && in->text > 0) {
		double ld = in->link / in->text;
		if (kind == K_A && in->text >= 20 && sb_has_block_child(c, src)) {
			sb_record_subtree(c, src, R_TEASER);
			return;
		}
		if ((kind == K_CONTAINER || kind == K_LIST || kind == K_TABLE || kind == K_HEADER) &&
		    ld > 0.5 && in->text - in->link < 150 && in->text >= 15 && !(in->flags & F_BODYMARK)) {
			sb_record_subtree(c, src, R_LINK_DENSITY);
			return;
		}
	}
	char name[16];
	sb_lower_name(src, name, sizeof name);
	switch (kind) {
	case K_HEADER:
	case K_CONTAINER:
	case K_OTHER:
		/* an unknown element holding only inline content is an inline wrapper */
		if (kind == K_OTHER && !sb_has_block_child(c, src)) {
			sb_emit_children(o, src, dst, depth + 1);
			return;
		}
		/* otherwise a block boundary: unwrapped, its text kept apart from its neighbours' */
		if (dst == o->run)
			dst = dst->parent;
		o->run = NULL;
		sb_emit_children(o, src, dst, depth + 1);
		o->run = NULL;
		if (!sb_wants_runs(dst))
			xmlAddChild(dst, xmlNewDocText(c->out, BAD_CAST " "));
		return;
	case K_BLOCK: {
		if (dst == o->run)
			dst = dst->parent;
		o->run = NULL;
		xmlNodePtr el;
		if (sb_wants_runs(dst) || !strcmp(name, "figcaption") || !strcmp(name, "caption") ||
		    !strcmp(name, "dt") || !strcmp(name, "dd"))
			el = sb_copy_element(o, src, name, dst);
		else
			el = dst; /* a p inside a li or td: flatten */
		if (sb_has_block_child(c, src) && el != dst) {
			/* a block holding blocks (p with a div inside, invalid but common): unwrap */
			xmlUnlinkNode(el);
			xmlFreeNode(el);
			sb_emit_children(o, src, dst, depth + 1);
			o->run = NULL;
			return;
		}
		xmlNodePtr saved = o->run;
		o->run = NULL;
		sb_emit_children(o, src, el, depth + 1);
		o->run = saved;
		if (el == dst)
			xmlAddChild(dst, xmlNewDocText(c->out, BAD_CAST " "));
		return;
	}
	case K_LIST:
	case K_LI:
	case K_QUOTE:
	case K_FIGURE: {
		if (dst == o->run)
			dst = dst->parent;
		o->run = NULL;
		const char *nm = name;
		if (kind == K_LIST && (!strcmp(name, "menu") || !strcmp(name, "dir")))
			nm = "ul";
		if (kind == K_LI && strcmp((const char *)dst->name, "ul") && strcmp((const char *)dst->name, "ol")) {
			/* a stray li: a paragraph */
			nm = sb_wants_runs(dst) ? "p" : NULL;
		}
		if (kind == K_LIST && !sb_wants_runs(dst) && strcmp((const char *)dst->name, "li") &&
		    strcmp((const char *)dst->name, "dd") && strcmp((const char *)dst->name, "td") &&
		    strcmp((const char *)dst->name, "th"))
			nm = NULL;
		if (!nm) {
			sb_emit_children(o, src, dst, depth + 1);
			return;
		}
		xmlNodePtr el = sb_copy_element(o, src, nm, dst);
		sb_emit_children(o, src, el, depth + 1);
		o->run = NULL;
		return;
	}
	case K_TABLE:
		if (dst == o->run)
			dst = dst->parent;
		o->run = NULL;
		if (sb_layout_table(c, src) || !sb_wants_runs(dst)) {
			sb_emit_children(o, src, dst, depth + 1);
			o->run = NULL;
			return;
		} else {
			xmlNodePtr el = sb_copy_element(o, src, "table", dst);
			sb_emit_children(o, src, el, depth + 1);
		}
		return;
	case K_TPART:
	case K_CELL:
		if (!strcmp((const char *)dst->name, "table") || !strcmp((const char *)dst->name, "thead") ||
		    !strcmp((const char *)dst->name, "tbody") || !strcmp((const char *)dst->name, "tfoot") ||
		    !strcmp((const char *)dst->name, "tr")) {
			xmlNodePtr el = sb_copy_element(o, src, name, dst);
			sb_emit_children(o, src, el, depth + 1);
		} else {
			/* a layout table: cells are block boundaries */
			if (dst == o->run)
				dst = dst->parent;
			o->run = NULL;
			sb_emit_children(o, src, dst, depth + 1);
			o->run = NULL;
		}
		return;
	case K_HR:
		if (sb_wants_runs(dst)) {
			o->run = NULL;
			sb_copy_element(o, src, "hr", dst);
		}
		return;
	case K_BR: {
		xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
		if (p != dst || !sb_wants_runs(dst))
			sb_copy_element(o, src, "br", p);
		return;
	}
	case K_IMG: {
		const char *srcv = sb_attr(src, "src");
		if (!srcv || !*srcv)
			return;
		xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
		sb_copy_element(o, src, "img", p);
		return;
	}
	case K_A:
	case K_INLINE: {
		if (sb_has_block_child(c, src)) {
			sb_emit_children(o, src, dst, depth + 1);
			return;
		}
		xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
		const char *nm = name;
		if (!strcmp(name, "span") || !strcmp(name, "small") || !strcmp(name, "time")) {
			if (!strcmp(name, "time") && sb_attr(src, "datetime"))
				nm = "time";
			else {
				/* unwrap spans: nothing to keep */
				sb_emit_children(o, src, p, depth + 1);
				return;
			}
		}
		xmlNodePtr el = sb_copy_element(o, src, nm, p);
		xmlNodePtr saved = o->run;
		o->run = NULL;
		sb_emit_children(o, src, el, depth + 1);
		o->run = saved;
		return;
	}
	case K_NAV:
	case K_ASIDE:
	case K_FOOTER:
	case K_FORM:
	default:
		sb_record_subtree(c, src, kind == K_NAV ? R_NAV : kind == K_ASIDE ? R_SIDEBAR
		                                           : kind == K_FOOTER ? R_FOOTER : R_FORM);
		return;
	}
}

static void sb_emit_children(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth)
{
	for (xmlNodePtr ch = src->children; ch; ch = ch->next)
		sb_emit(o, ch, dst, depth);
}

/* ---- block filters on the output ----------------------------------------------------------- */
typedef struct sb_block {
	xmlNodePtr node;
	char *text;      /* normalised */
	double len;      /* code points */
	double link;     /* code points inside links */
	int reason;
	bool heading;
	bool in_list;
	bool sentence;   /* ends like a sentence */
	size_t index;    /* position among the blocks */
} sb_block;

static bool sb_is_leaf_block(xmlNodePtr n)
{
	const char *nm = (const char *)n->name;
	if (!strcmp(nm, "p") || sb_is_heading(n) || !strcmp(nm, "pre") || !strcmp(nm, "dt") || !strcmp(nm, "dd") ||
	    !strcmp(nm, "figcaption") || !strcmp(nm, "caption") || !strcmp(nm, "tr"))
		return true;
	if (!strcmp(nm, "li") || !strcmp(nm, "blockquote") || !strcmp(nm, "td") || !strcmp(nm, "th")) {
		for (xmlNodePtr ch = n->children; ch; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE && !(!strcmp((const char *)ch->name, "a") ||
			                                      !strcmp((const char *)ch->name, "em") ||
			                                      !strcmp((const char *)ch->name, "strong") ||
			                                      !strcmp((const char *)ch->name, "b") ||
			                                      !strcmp((const char *)ch->name, "i") ||
			                                      !strcmp((const char *)ch->name, "br") ||
			                                      !strcmp((const char *)ch->name, "img") ||
			                                      !strcmp((const char *)ch->name, "code") ||
			                                      !strcmp((const char *)ch->name, "q") ||
			                                      !strcmp((const char *)ch->name, "u") ||
			                                      !strcmp((const char *)ch->name, "s") ||
			                                      !strcmp((const char *)ch->name, "sub") ||
			                                      !strcmp((const char *)ch->name, "sup") ||
			                                      !strcmp((const char *)ch->name, "cite") ||
			                                      !strcmp((const char *)ch->name, "abbr") ||
			                                      !strcmp((const char *)ch->name, "mark") ||
			                                      !strcmp((const char *)ch->name, "time")))
				return false;
		return true;
	}
	return false;
}

static void sb_out_text(xmlNodePtr n, galley_buf *b, double *link, bool in_a, int depth)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			size_t before = b->len;
			galley_buf_puts(b, (const char *)ch->content);
			if (in_a)
				*link += (double)galley_utf8_length(b->data + before, b->len - before);
		} else if (ch->type == XML_ELEMENT_NODE && depth < SB_MAX_DEPTH) {
			bool a = in_a || !strcmp((const char *)ch->name, "a");
			if (!strcmp((const char *)ch->name, "br"))
				galley_buf_putc(b, ' ');
			sb_out_text(ch, b, link, a, depth + 1);
			if (!strcmp((const char *)ch->name, "td") || !strcmp((const char *)ch->name, "th"))
				galley_buf_puts(b, " | ");
		}
	}
}

typedef struct sb_blocks {
	sb_block *v;
	size_t n, cap;
} sb_blocks;

static void sb_collect_blocks(xmlNodePtr n, sb_blocks *bl, galley_buf *tmp, bool in_list, int depth)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || depth > SB_MAX_DEPTH)
			continue;
		const char *nm = (const char *)ch->name;
		if (sb_is_leaf_block(ch)) {
			galley_buf_reset(tmp);
			double link = 0;
			sb_out_text(ch, tmp, &link, false, 0);
			char *t = sb_norm(sb_cstr(tmp));
			if (!*t) {
				free(t);
				continue;
			}
			if (bl->n == bl->cap) {
				bl->cap = bl->cap ? bl->cap * 2 : 64;
				bl->v = galley_realloc(bl->v, bl->cap * sizeof *bl->v);
			}
			sb_block *b = &bl->v[bl->n++];
			memset(b, 0, sizeof *b);
			b->index = bl->n - 1;
			b->node = ch;
			b->text = t;
			size_t tl = strlen(t);
			b->len = (double)galley_utf8_length(t, tl);
			b->link = link > b->len ? b->len : link;
			b->heading = sb_is_heading(ch);
			b->in_list = in_list || !strcmp(nm, "li");
			/* ends like a sentence: . ! ? : ” " » ) and their kin */
			const char *e = t + tl;
			while (e > t && (e[-1] == ' '))
				e--;
			if (e > t) {
				unsigned char last = (unsigned char)e[-1];
				b->sentence = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
				              last == ')' || (tl >= 3 && (!strcmp(e - 3, "\xe2\x80\x9d") ||
				                                          !strcmp(e - 3, "\xe2\x80\x9c") ||
				                                          !strcmp(e - 3, "\xe2\x80\xa6"))) ||
				              (tl >= 2 && !strcmp(e - 2, "\xc2\xbb"));
			}
			continue;
		}
		sb_collect_blocks(ch, bl, tmp, in_list || !strcmp(nm, "ul") || !strcmp(nm, "ol"), depth + 1);
	}
}

static bool sb_teaser(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 100)
		return false;
	sb_key(k, b->text, strlen(b->text));
	if (!k->len)
		return false;
	if (sb_map_get(&c->st->teasers, k->data, k->len))
		return true;
	for (size_t i = 0; i < c->st->n_teaser_prefix; i++) {
		const char *p = c->st->teaser_prefix[i];
		size_t l = strlen(p);
		if (k->len >= l && !strncmp(k->data, p, l) && (k->data[l] == ' ' || !k->data[l]))
			return true;
	}
	return false;
}

/* "By Jane Doe", "Source: Reuters", "Foto: dpa": the first one or two words of a short line
 * looked up in the line-prefix vocabulary. */
/* The same on a key form already computed: text is the block's text, len its length in code
 * points, sentence whether it ends like one. */
static int sb_line_prefix_key(const sb_ctx *c, const char *text, const char *key, size_t key_len, double len,
                              bool sentence)
{
	if (len > 120)
		return 0;
	/* © anywhere at the start */
	if (!strncmp(text, "\xc2\xa9", 2) || !strncasecmp(text, "(c) ", 4))
		return R_CREDIT;
	if (!key_len)
		return 0;
	/* try the first three words, two words, one word */
	size_t ends[3];
	int nw = 0;
	for (size_t i = 0; i <= key_len && nw < 3; i++)
		if (i == key_len || key[i] == ' ')
			ends[nw++] = i;
	for (int w = nw; w-- > 0;) {
		const sb_entry *e = sb_map_get(&c->st->line_prefix, key, ends[w]);
		if (e) {
			/* the prefix must be followed by something (a name), and for "by"/"von" the
			 * line must be short and not a sentence */
			if (ends[w] == key_len && e->value != R_CREDIT)
				return 0;
			if ((e->value == R_BYLINE) && (len > 80 || (sentence && len > 50)))
				return 0;
			return e->value;
		}
	}
	return 0;
}

static int sb_line_prefix(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 120)
		return 0;
	sb_key(k, b->text, strlen(b->text));
	return sb_line_prefix_key(c, b->text, k->data, k->len, b->len, b->sentence);
}

/* A short line naming a photo agency ("AFP / MARCO BERTORELLO", "Judy Eddy/WENN.com"): one
 * or two words of it found in the agency list. */
static bool sb_photo_credit(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 90 || (b->sentence && b->len > 40) || !c->st->agencies.n)
		return false;
	sb_key(k, b->text, strlen(b->text));
	/* a credit is a few words; a caption with a credit in it is cut, not removed */
	int words = 1;
	for (const char *q = k->data; *q; q++)
		words += *q == ' ';
	if (words > 7)
		return false;
	const char *p = k->data, *prev = NULL;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t l = (size_t)(p - w);
		if (sb_map_get(&c->st->agencies, w, l))
			return true;
		if (prev && sb_map_get(&c->st->agencies, prev, (size_t)(w - prev) + l))
			return true;
		prev = w;
		while (*p == ' ')
			p++;
	}
	return false;
}

static bool sb_has_phrase(char *const *list, size_t n, const sb_block *b, size_t max_len, galley_buf *k,
                          galley_buf *pad)
{
	if (b->len > (double)max_len || !n)
		return false;
	sb_key(k, b->text, strlen(b->text));
	galley_buf_reset(pad);
	galley_buf_printf(pad, " %s ", k->data);
	for (size_t i = 0; i < n; i++)
		if (strstr(pad->data, list[i]))
			return true;
	return false;
}

static bool sb_call_to_action(const sb_ctx *c, const sb_block *b, galley_buf *k, galley_buf *pad)
{
	return sb_has_phrase(c->st->cta, c->st->n_cta, b, 400, k, pad);
}

/* Image credits at the end of a caption or a short paragraph: "... Foto: GdP/Hagen Immel",
 * "... © Pferderevue", "... (mlharing / iStock.com)".  The credit is cut from the block and
 * recorded as a caption credit. */
static const char *const sb_credit_markers[] = {
	"Foto:", "Fotos:", "Photo:", "Photos:", "Bild:", "Bilder:", "Image:", "Credit:", "Credits:",
	"Quelle:", "Source:", "Fot.", "Kuva:", "\xc2\xa9", "(c) ", "(C) ", NULL};

static void sb_cut_credit(sb_ctx *c, sb_block *b, galley_buf *k)
{
	if (b->len > 400)
		return;
	const char *nm = (const char *)b->node->name;
	if (strcmp(nm, "figcaption") && strcmp(nm, "p") && strcmp(nm, "caption"))
		return;
	/* the last text node holding a marker, with at most 100 bytes of text after it */
	xmlNodePtr stack[64];
	int sp = 0;
	xmlNodePtr hit = NULL;
	size_t hit_at = 0;
	stack[sp++] = b->node->children;
	size_t total = strlen(b->text);
	while (sp) {
		xmlNodePtr n = stack[--sp];
		for (; n; n = n->next) {
			if (n->type == XML_TEXT_NODE && n->content) {
				const char *t = (const char *)n->content;
				for (int i = 0; sb_credit_markers[i]; i++) {
					const char *m = strstr(t, sb_credit_markers[i]);
					if (m && (m != t || n != b->node->children)) {
						hit = n;
						hit_at = (size_t)(m - t);
					}
				}
				/* "(... iStock.com)" at the end */
				const char *open = strrchr(t, '(');
				if (open && strchr(open, ')') && strlen(open) < 80) {
					galley_buf_reset(k);
					sb_key(k, open, strlen(open));
					sb_block tmp = {.text = k->data, .len = (double)k->len};
					char *copy = galley_strdup(k->data);
					tmp.text = copy;
					if (sb_photo_credit(c, &tmp, k)) {
						hit = n;
						hit_at = (size_t)(open - t);
					}
					free(copy);
				}
			} else if (n->type == XML_ELEMENT_NODE && n->children && sp < 63) {
				if (n->next)
					stack[sp++] = n->next;
				stack[sp++] = n->children;
				break;
			}
		}
	}
	if (!hit)
		return;
	/* the text from the marker to the end of the block */
	galley_buf tail = {0};
	galley_buf_puts(&tail, (const char *)hit->content + hit_at);
	for (xmlNodePtr a = hit; a && a != b->node; a = a->parent)
		for (xmlNodePtr s = a->next; s; s = s->next) {
			xmlChar *t = xmlNodeGetContent(s);
			if (t)
				galley_buf_puts(&tail, (const char *)t);
			xmlFree(t);
		}
	char *credit = sb_norm(sb_cstr(&tail));
	galley_buf_free(&tail);
	size_t cl = strlen(credit);
	if (cl == 0 || cl > 100 || cl + 3 >= total) {
		free(credit);
		return;
	}
	/* cut */
	xmlChar *keep = xmlStrndup(hit->content, (int)hit_at);
	xmlNodeSetContent(hit, keep);
	xmlFree(keep);
	for (xmlNodePtr a = hit; a && a != b->node; a = a->parent)
		while (a->next) {
			xmlNodePtr s = a->next;
			xmlUnlinkNode(s);
			xmlFreeNode(s);
		}
	galley_buf ctx = {0};
	xmlNodePtr src = b->node->_private;
	if (src)
		sb_context(c, src, &ctx);
	sb_record(c, R_CAPTION, credit, ctx.data);
	galley_buf_free(&ctx);
	free(credit);
}

/* A byline word ("von", "by", "par", "Autor") followed by a name inside a short date or meta
 * line: "am 23. Januar 2020 von Christian Spließ", "October 19, 2019 by IWB".  key is the
 * line's key form. */
static bool sb_byline_inside_key(const sb_ctx *c, const char *key)
{
	const char *p = key;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		const sb_entry *e = sb_map_get(&c->st->line_prefix, w, (size_t)(p - w));
		if (e && e->value == R_BYLINE && *p == ' ')
			return true;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* A short line that is mostly a date or time: "12.03.2021, 14:05 Uhr", "March 5, 2024". */
static bool sb_dateline(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 60 || b->len < 4 || b->in_list || strcmp((const char *)b->node->name, "p"))
		return false;
	/* a date needs a month name or a numeric date: 12.03.2021, 2021-03-12, 12/03/2021 */
	bool numeric = false;
	for (const char *q = b->text; *q && !numeric; q++) {
		if (!isdigit((unsigned char)q[0]))
			continue;
		const char *r = q;
		int groups = 0;
		while (groups < 3) {
			int d = 0;
			while (isdigit((unsigned char)*r))
				r++, d++;
			if (!d || d > 4)
				break;
			groups++;
			if (*r != '.' && *r != '-' && *r != '/')
				break;
			r++;
		}
		numeric = groups == 3;
		while (isdigit((unsigned char)q[1]))
			q++;
	}
	sb_key(k, b->text, strlen(b->text));
	int digits = 0, months = 0, words = 0, other = 0;
	const char *p = k->data;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t l = (size_t)(p - w);
		bool alldig = true;
		for (size_t i = 0; i < l; i++)
			if (!isdigit((unsigned char)w[i]))
				alldig = false;
		if (alldig)
			digits++;
		else if (sb_map_get(&c->st->months, w, l))
			months++;
		else
			other++;
		words++;
		while (*p == ' ')
			p++;
	}
	if (digits >= 2 && other <= 2 && numeric)
		return true;
	if (months && digits >= 1 && other <= 2)
		return true;
	return false;
}

static void sb_remove_block(sb_ctx *c, sb_block *b, int reason)
{
	if (b->reason)
		return;
	b->reason = reason;
	galley_buf ctx = {0};
	xmlNodePtr src = b->node->_private;
	if (c->text_mode)
		galley_buf_printf(&ctx, "paragraph %zu", b->index + 1);
	else if (src)
		sb_context(c, src, &ctx);
	else
		galley_buf_puts(&ctx, (const char *)b->node->name);
	sb_record(c, reason, b->text, ctx.data);
	galley_buf_free(&ctx);
}

static bool sb_same_title(const char *a, const char *b, galley_buf *k1, galley_buf *k2)
{
	sb_key(k1, a, strlen(a));
	sb_key(k2, b, strlen(b));
	if (!k1->len || !k2->len)
		return false;
	if (!strcmp(k1->data, k2->data))
		return true;
	/* "Title - Site" in <title>: the block is the title's start */
	if (k2->len > k1->len && k1->len >= 20 && !strncmp(k1->data, k2->data, k1->len))
		return true;
	return false;
}

static void sb_filter(sb_ctx *c, sb_blocks *bl, bool text_mode)
{
	galley_buf k = {0}, k2 = {0};
	const char *title = galley_article_get(c->a, GALLEY_FIELD_TITLE);
	size_t n = bl->n;
	/* the first prose block: text before it is header matter (captions, kicker, tags) */
	size_t first_prose = n;
	for (size_t i = 0; i < n; i++)
		if (!bl->v[i].heading && bl->v[i].len >= 100 && bl->v[i].link < 0.3 * bl->v[i].len) {
			first_prose = i;
			break;
		}

	/* title not duplicated: the first heading or header line equal to the title */
	if (title) {
		for (size_t i = 0; i < n && i <= first_prose; i++) {
			sb_block *b = &bl->v[i];
			if (b->len > 400)
				break;
			if (sb_same_title(b->text, title, &k, &k2)) {
				sb_remove_block(c, b, R_TITLE);
				break;
			}
		}
	}

	/* duplicates: a block whose text was seen before (captions repeated as paragraphs, print
	 * and screen copies of the same text) */
	sb_u64set seen = {0};
	for (size_t i = 0; i < n; i++) {
		sb_block *b = &bl->v[i];
		if (b->reason)
			continue;
		if ((b->in_list || !strcmp((const char *)b->node->name, "tr")) && !text_mode)
			continue; /* list items and table rows repeat legitimately */
		sb_key(&k, b->text, strlen(b->text));
		if (!k.len)
			continue;
		uint64_t h = sb_hash(k.data, k.len);
		if (sb_set_has(&seen, h)) {
			sb_remove_block(c, b, R_DUPLICATE);
			continue;
		}
		sb_set_add(&seen, h);
	}

	/* text mode: header lines before the first sentence paragraph.  A line seen twice is
	 * a caption, except the last distinct header line, the category or kicker, which
	 * becomes a tag. */
	if (text_mode && first_prose < n) {
		ssize_t tag_line = -1;
		/* bylines, datelines and credits first: they keep their own reasons */
		for (size_t i = 0; i < first_prose; i++) {
			sb_block *b = &bl->v[i];
			if (b->reason)
				continue;
			int lp = sb_line_prefix(c, b, &k);
			if (lp)
				sb_remove_block(c, b, lp);
			else if (sb_dateline(c, b, &k))
				sb_remove_block(c, b, R_DATELINE);
		}
		for (size_t i = 0; i < first_prose; i++) {
			sb_block *b = &bl->v[i];
			if (b->reason)
				continue;
			if (!b->sentence && b->len <= 80)
				tag_line = (ssize_t)i;
		}
		for (size_t i = 0; i < first_prose; i++) {
			sb_block *b = &bl->v[i];
			sb_key(&k, b->text, strlen(b->text));
			bool dup_of_tag = false;
			if (tag_line >= 0) {
				sb_key(&k2, bl->v[tag_line].text, strlen(bl->v[tag_line].text));
				dup_of_tag = !strcmp(k.data, k2.data);
			}
			if ((ssize_t)i == tag_line || dup_of_tag) {
				if ((ssize_t)i == tag_line)
					galley_article_list_add(c->a, GALLEY_LIST_TAGS, b->text);
				if (!b->reason)
					sb_remove_block(c, b, R_TAGS);
				continue;
			}
			if (!b->reason && !b->sentence && b->len <= 120)
				sb_remove_block(c, b, R_CAPTION);
		}
	}
	/* duplicated lines before the body removed as duplicates: their first copies are captions */
	if (!text_mode) {
		for (size_t i = 0; i < first_prose; i++) {
			sb_block *b = &bl->v[i];
			if (b->reason || b->heading || b->sentence)
				continue;
			for (size_t j = i + 1; j <= first_prose + 1 && j < n; j++)
				if (bl->v[j].reason == R_DUPLICATE && !strcmp(bl->v[j].text, b->text)) {
					sb_remove_block(c, b, R_CAPTION);
					break;
				}
		}
	}

	/* per-block rules */
	for (size_t i = 0; i < n; i++) {
		sb_block *b = &bl->v[i];
		if (b->reason)
			continue;
		double ld = b->len > 0 ? b->link / b->len : 0;
		int lp = sb_line_prefix(c, b, &k);
		if (lp) {
			sb_remove_block(c, b, lp);
			continue;
		}
		if (sb_teaser(c, b, &k)) {
			sb_remove_block(c, b, R_TEASER);
			/* the teaser's list of links after it, up to the next prose block */
			for (size_t j = i + 1; j < n; j++) {
				sb_block *d = &bl->v[j];
				if (d->reason)
					continue;
				double dld = d->len > 0 ? d->link / d->len : 0;
				if (dld >= 0.5 || (d->len < 100 && !d->sentence) || (d->in_list && d->len < 200 && dld > 0.2))
					sb_remove_block(c, d, R_TEASER);
				else
					break;
			}
			continue;
		}
		if (sb_photo_credit(c, b, &k)) {
			sb_remove_block(c, b, R_CAPTION);
			continue;
		}
		if (sb_dateline(c, b, &k)) {
			sb_remove_block(c, b, R_DATELINE);
			continue;
		}
		/* link density: lists of links, link-only lines */
		if ((ld > 0.5 && b->len < 300) || (ld > 0.3 && b->in_list && b->len < 150 && !b->sentence) ||
		    ld > 0.8) {
			sb_remove_block(c, b, R_LINK_DENSITY);
			continue;
		}
	}

	/* the tail: after the last prose paragraph, short lines that are not sentences and
	 * headings that head nothing are the page's furniture (calls to subscribe, "comments
	 * closed", share labels, author boxes) */
	{
		ssize_t last_prose = -1;
		for (size_t i = 0; i < n; i++) {
			sb_block *b = &bl->v[i];
			if (!b->reason && !b->heading && b->len >= 100 && b->link < 0.3 * b->len)
				last_prose = (ssize_t)i;
		}
		if (last_prose >= 0)
			for (size_t i = (size_t)last_prose + 1; i < n; i++) {
				sb_block *b = &bl->v[i];
				if (b->reason)
					continue;
				const char *nm = (const char *)b->node->name;
				bool structured = b->in_list || !strcmp(nm, "pre") || !strcmp(nm, "tr") || !strcmp(nm, "dd") ||
				                  !strcmp(nm, "dt");
				if (b->link > 0.3 * b->len || (!structured && (b->heading || (!b->sentence && b->len < 100))))
					sb_remove_block(c, b, R_SHORT);
			}
	}
	for (size_t i = 0; i < n; i++) {
		if (bl->v[i].reason)
			continue;
		if (sb_has_phrase(c->st->disclaimers, c->st->n_disclaimers, &bl->v[i], 300, &k, &k2))
			sb_remove_block(c, &bl->v[i], R_AD);
		else
			sb_cut_credit(c, &bl->v[i], &k);
	}

	/* the page declares its text (JSON-LD articleBody) and the output shows most of it:
	 * short blocks that are not part of it are captions, credits and furniture */
	if (c->jsonld && c->jl_covered >= 0.6 * (double)c->jsonld_len) {
		for (size_t i = 0; i < n; i++) {
			sb_block *b = &bl->v[i];
			if (b->reason || b->heading || b->len >= 120 || b->in_list)
				continue;
			sb_key(&k, b->text, strlen(b->text));
			if (k.len < 8)
				continue;
			if (!sb_in_jsonld(c, k.data, k.len))
				sb_remove_block(c, b, R_OUTSIDE);
		}
	}
	/* repeated blocks: a short block whose text the page also shows in a removed part
	 * (a teaser repeated in a sidebar, a menu entry) */
	{
		for (size_t i = 0; i < n; i++) {
			sb_block *b = &bl->v[i];
			if (b->reason || b->len >= 200 || b->heading)
				continue;
			sb_key(&k, b->text, strlen(b->text));
			if (k.len >= 12 && sb_set_has(&c->seen_out, sb_hash_unspaced(k.data, k.len)))
				sb_remove_block(c, b, R_DUPLICATE);
		}
	}
	/* calls to action near the end: subscribe, donate, follow us, download the app */
	{
		size_t from = n > 4 ? n - 4 : 0;
		if (n - n / 4 < from)
			from = n - n / 4;
		for (size_t i = from; i < n; i++) {
			sb_block *b = &bl->v[i];
			if (!b->reason && sb_call_to_action(c, b, &k, &k2))
				sb_remove_block(c, b, R_NEWSLETTER);
		}
	}
	if (!c->st->captions) {
		for (size_t i = 0; i < n; i++) {
			sb_block *b = &bl->v[i];
			if (!b->reason && !strcmp((const char *)b->node->name, "figcaption"))
				sb_remove_block(c, b, R_CAPTION);
		}
	}

	/* text mode: a trailing teaser header takes everything after it */
	if (text_mode) {
		for (size_t i = 0; i < n; i++)
			if (bl->v[i].reason == R_TEASER)
				for (size_t j = i + 1; j < n; j++)
					if (!bl->v[j].reason && bl->v[j].len < 200)
						sb_remove_block(c, &bl->v[j], R_TEASER);
	}

	/* unlink removed blocks */
	for (size_t i = 0; i < n; i++)
		if (bl->v[i].reason) {
			xmlUnlinkNode(bl->v[i].node);
			xmlFreeNode(bl->v[i].node);
			bl->v[i].node = NULL;
		}
	free(seen.v);
	galley_buf_free(&k);
	galley_buf_free(&k2);
}

/* Remove elements left empty (lists without items, tables without rows, empty paragraphs). */
static bool sb_prune_empty(xmlNodePtr n, int depth)
{
	bool has = false;
	for (xmlNodePtr ch = n->children, next; ch; ch = next) {
		next = ch->next;
		if (ch->type == XML_TEXT_NODE) {
			for (const xmlChar *p = ch->content; p && *p; p++)
				if (!isspace(*p)) {
					has = true;
					break;
				}
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		const char *nm = (const char *)ch->name;
		if (!strcmp(nm, "img") || !strcmp(nm, "hr") || !strcmp(nm, "br")) {
			has = has || !strcmp(nm, "img");
			continue;
		}
		if (depth < SB_MAX_DEPTH && sb_prune_empty(ch, depth + 1)) {
			has = true;
			continue;
		}
		xmlUnlinkNode(ch);
		xmlFreeNode(ch);
	}
	return has;
}

static void sb_clear_private(xmlNodePtr root)
{
	for (xmlNodePtr n = root; n; n = galley_node_next(n, root, true))
		n->_private = NULL;
}

/* ---- process -------------------------------------------------------------------------------- */
static bool sb_is_text_shape(xmlNodePtr root)
{
	/* read-text: <body> of <p> with text only, no attributes */
	int ps = 0;
	for (xmlNodePtr ch = root->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE)
			continue;
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)ch->name, "p") || ch->properties)
			return false;
		for (xmlNodePtr g = ch->children; g; g = g->next)
			if (g->type == XML_ELEMENT_NODE && strcasecmp((const char *)g->name, "br"))
				return false;
		ps++;
	}
	return ps > 0;
}

static int strip_boilerplate_process(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	const sb_state *st = state;
	xmlDocPtr doc = galley_article_body(a);
	xmlNodePtr root = doc ? galley_body_root(doc) : NULL;
	if (!root || !root->children)
		return GALLEY_OK;

	sb_ctx c = {.st = st, .a = a};
	c.text_mode = sb_is_text_shape(root);
	sb_annotate(&c, root);
	if (!c.n)
		return GALLEY_OK;
	sb_measure(&c);
	sb_good(&c);
	int pick = 0;
	double *votes = NULL;
	if (!c.text_mode) {
		votes = sb_votes(&c);
		sb_jsonld_prepare(&c);
		sb_jsonld_cover(&c);
		pick = sb_choose(&c, votes);
		c.jl_covered = c.info[0].jl;
		if (pick != 0)
			sb_expand(&c, pick);
	}
	xmlNodePtr main_node = c.info[pick].node;
#ifdef SB_DEBUG
	if (getenv("SB_DEBUG")) {
		galley_buf d = {0};
		sb_context(&c, main_node, &d);
		fprintf(stderr, "pick %d %s good=%.0f text=%.0f root.good=%.0f root.text=%.0f jl=%.0f\n", pick, d.data,
		        c.info[pick].good, c.info[pick].text, c.info[0].good, c.info[0].text, c.info[0].jl);
		galley_buf_free(&d);
		for (size_t k = 0; k < c.n && k < (size_t)atoi(getenv("SB_DEBUG")); k++) {
			sb_context(&c, c.info[k].node, &d);
			fprintf(stderr, "  %zu p=%d %s kind=%d fl=%x neg=%d text=%.0f link=%.0f good=%.0f\n", k, c.info[k].parent,
			        d.data, c.info[k].kind, c.info[k].flags, c.info[k].neg, c.info[k].text, c.info[k].link, c.info[k].good);
		}
		galley_buf_free(&d);
	}
#endif

	/* rebuild */
	c.out = galley_body_new();
	xmlNodePtr out_root = galley_body_root(c.out);
	if (main_node != root)
		sb_record_outside(&c, main_node, root);
	c.where = "in-body"; /* what is removed from here on was inside the kept part */
	c.within = 0;
	sb_out o = {.c = &c};
	/* kept siblings and the container, in document order (pre-order indices) */
	for (size_t k = 0; k < c.n; k++) {
		if ((int)k == pick) {
			if (main_node == root || c.info[pick].kind == K_CONTAINER || c.info[pick].kind == K_OTHER ||
			    c.info[pick].kind == K_HEADER || c.info[pick].kind == K_INLINE || c.info[pick].kind == K_CELL)
				sb_emit_children(&o, main_node, out_root, 0);
			else
				sb_emit(&o, main_node, out_root, 0);
			o.run = NULL;
			k = (size_t)c.info[pick].last;
			continue;
		}
		if (c.info[k].flags & F_KEEP) {
			sb_emit(&o, c.info[k].node, out_root, 0);
			o.run = NULL;
			k = (size_t)c.info[k].last;
		}
	}

	sb_blocks bl = {0};
	sb_collect_blocks(out_root, &bl, &c.tmp, false, 0);
	c.filtering = true;
	sb_filter(&c, &bl, c.text_mode);
	for (size_t i = 0; i < bl.n; i++)
		free(bl.v[i].text);
	free(bl.v);
	sb_prune_empty(out_root, 0);
	sb_clear_private(out_root);

	/* fallback: nothing found but the page declares its text (JSON-LD articleBody): the
	 * declared text, one paragraph per line */
	const char *ld = galley_article_candidate_first(a, "body");
	if (ld && *ld) {
		char *have = galley_body_text(c.out);
		size_t have_len = strlen(have);
		bool replace = have_len == 0;
		if (replace) {
			for (const char *p = ld; *p;) {
				size_t l = strcspn(p, "\n");
				char *line = galley_strndup(p, l);
				char *t = sb_norm(line);
				if (*t)
					xmlNewTextChild(out_root, NULL, BAD_CAST "p", BAD_CAST t);
				free(t);
				free(line);
				p += l;
				if (*p)
					p++;
			}
		}
		free(have);
	}

	sb_restore(&c);
	free(votes);
	free(c.info);
	free(c.jsonld);
	galley_buf_free(&c.tmp);
	galley_buf_free(&c.tmp2);
	galley_buf_free(&c.cls);
	galley_buf_free(&c.title_key);
	free(c.cache);
	free(c.seen_out.v);
	free(c.jl_windows.v);
	galley_article_set_body(a, c.out);
	(void)stage;
	(void)err;
	return GALLEY_OK;
}

static const galley_option strip_boilerplate_options[] = {
	{.name = "explain", .type = GALLEY_OPT_BOOL, .default_value = "false",
	 .help = "documentation only: removed blocks are always recorded; write-json's explain option prints them"},
	{.name = "captions", .type = GALLEY_OPT_BOOL, .default_value = "true",
	 .help = "keep figure captions (their credits are cut); false drops them (reason caption)"},
	{.name = "min_chars", .type = GALLEY_OPT_INT, .default_value = "250", .min = 0, .max = 1000000,
	 .help = "below this much text the main candidate is replaced by the whole body"},
	{0},
};

GALLEY_PLUGIN_DEFINE(.name = "strip-boilerplate", .kind = GALLEY_KIND_TRANSFORM,
                     .summary = "keep the main content, record removed blocks with reasons",
                     .version = SB_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = strip_boilerplate_options, .open = strip_boilerplate_open,
                     .close = strip_boilerplate_close, .process = strip_boilerplate_process);
