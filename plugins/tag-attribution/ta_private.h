/* tag-attribution's private header: the types every module shares (word sets, the loaded
 * vocabularies, tokens, paragraphs, quotes, people, names, dates) and the functions one module
 * offers the others, grouped by the module that defines them.  Not installed: the plugin's
 * modules include it, nothing else does.
 *
 * Modules (plugins/tag-attribution/):
 *   ta_words.c          word sets and vocabulary loading
 *   ta_text.c           text and token helpers, tokenising
 *   ta_quotes.c         quotation marks into quotes, quote shapes, recording quotes
 *   ta_people.c         people and organisations the body names, and their mentions
 *   ta_speakers.c       the speaker next to a quote
 *   ta_discourse.c      the quotes handed to the discourse model (discourse.h) and the
 *                       speaker rules (speaker_rules.h), which have their own API
 *   ta_sources.c        outlets a story cites
 *   ta_names.c          names as strings: lists, plausibility, qualifiers, places
 *   ta_bylines.c        credit lines into names
 *   ta_author_meta.c    author metadata and its comparison with the page
 *   ta_author_rules.c   evidence for the author rules (removed blocks, name lines, accounts)
 *   ta_author_credits.c credit patterns beyond the byline
 *   ta_authors.c        deciding the authors
 *   ta_date_parse.c     parsing dates
 *   ta_dates.c          deciding the publication date
 *   ta_mark.c           marking quotations in the body's HTML
 *   tag_attribution.c   the stage: open, process, close */
#ifndef GALLEY_TAG_ATTRIBUTION_PRIVATE_H
#define GALLEY_TAG_ATTRIBUTION_PRIVATE_H

#include <galley/galley.h>

#include "speaker_rules.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TA_VERSION "0.1.0"

/* an agency's credit is looked for in the first paragraphs of the text, and in as many short
 * lines set apart just before it */
#define TA_AGENCY_CREDIT_PARAGRAPHS 3
/* a removed block longer than this (bytes) is no byline: a sentence or a teaser */
#define TA_BYLINE_BLOCK_MAX 80

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
	ta_set titleopeners; /* "staff", "senior": open a job title after a byline's name */
	ta_set outlets;   /* alias -> index into outlet_names */
	char **outlet_names;
	size_t n_outlets;
	ta_set srccues;   /* phrase -> TA_SRC_* (one kind per phrase and set) */
	ta_set srcbefore, srcafter, agencyafter, agencybefore, credit, creditphrase;
	ta_set srclistener; /* "told", "in an interview with": the outlet after it was spoken to */
	ta_set newswords;   /* "Times", "Herald", "Zeitung": a name with one near a cue is an outlet */
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
	bool verbose; /* -v: say why candidates lost */
	int min_words;
	dc_vocab *discourse; /* the discourse model's and the speaker rules' vocabularies */
} ta_state;

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
	sr_found_by found_by; /* which cue finder gave the speaker */
	const char *rule;     /* (static) the speaker rule that decided */
	dc_kind kind;         /* the speaker's kind */
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

/* How ta_parse_byline reads its text (flags). */
typedef enum ta_byline_flag {
	TA_BYLINE_PLAIN = 0,
	TA_BYLINE_NEED_LABEL = 1 << 0, /* only after a label: "By", "Von", "Autor:" */
	TA_BYLINE_METADATA = 1 << 1    /* a metadata value, meant to be a name: judged leniently */
} ta_byline_flag;

/* How strictly a string must look like a name. */
typedef enum ta_name_check {
	TA_NAME_STRICT,
	TA_NAME_LENIENT /* a metadata value, meant to be a name ("Jalen morrow") */
} ta_name_check;

#define LOW(d, tk) ((d)->arena.data + (tk)->lo)

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

typedef struct ta_qshape {
	size_t words, capwords, longwords;
	bool first_upper, ends_sentence, ends_punct;
} ta_qshape;

enum { NM_NONE, NM_ROLE, NM_ORG, NM_SINGLE, NM_PERSON };

typedef struct ta_chunk {
	int kind;
	size_t s, e;   /* the name after roles and openers are stripped */
	size_t s0;     /* the whole run */
	int role_at;   /* a role word stripped from the front, or -1 */
} ta_chunk;

/* A capitalised run found in the first pass over the body, kept for the second. */
typedef struct ta_cached {
	size_t pi, i, e;
	ta_chunk c;
	bool skip;
} ta_cached;

typedef struct ta_who {
	int person;  /* >= 0: a known person */
	char *name;  /* otherwise a name as written (owned), or NULL */
} ta_who;

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

/* Words of s split at spaces (s is white-space normalised). */
typedef struct ta_words {
	const char *w[64];
	size_t l[64];
	size_t n;
} ta_words;

/* ta_words.c */
void ta_set_put(ta_set *s, const char *key, size_t n, int val);
int ta_set_get_h(const ta_set *s, const char *key, size_t n, uint64_t h);
int ta_set_get(const ta_set *s, const char *key, size_t n);
void ta_set_free(ta_set *s);
void ta_state_free(ta_state *st);
int ta_load(ta_state *st, const char *extra_outlets, galley_error *err);

/* ta_text.c */
bool ta_is_upper(uint32_t c);
bool ta_is_space(uint32_t c);
bool ta_is_letter(uint32_t c);
void ta_lower_into(galley_buf *b, const char *s, size_t n);
char *ta_lower(const char *s, size_t n);
bool ta_tok_is(const ta_doc *d, const ta_tok *t, const char *w);
bool ta_punct_is(const ta_tok *t, uint32_t c);
void ta_tokenize(ta_doc *d, ta_para *P);
uint32_t ta_char_before(const ta_para *P, const ta_tok *t);
uint32_t ta_char_after(const ta_para *P, const ta_tok *t);

/* ta_quotes.c */
void ta_pair_quotes(ta_doc *d);
void ta_mark_inside(ta_doc *d);
size_t ta_para_cplen(const ta_para *P);
void ta_soften(ta_doc *d);
void ta_attribute_quotes(ta_doc *d);
void ta_record_quotes(ta_doc *d);
bool ta_speaker_candidate(const ta_doc *d, const ta_quote *q);

/* ta_discourse.c */
void ta_decide_speakers(ta_doc *d);

/* ta_people.c */
bool ta_in(const ta_set *s, const ta_doc *d, const ta_tok *t);
bool ta_is_role(const ta_doc *d, const ta_tok *t);
bool ta_name_tok(const ta_tok *t);
size_t ta_chunk_end(const ta_doc *d, const ta_para *P, size_t i, size_t lim);
size_t ta_chunk_start(const ta_doc *d, const ta_para *P, size_t j, size_t lim0);
ta_chunk ta_classify(const ta_doc *d, const ta_para *P, size_t s, size_t e);
char *ta_span_text(const ta_para *P, size_t s, size_t e);
char *ta_span_low(const ta_doc *d, const ta_para *P, size_t s, size_t e);
int ta_person_find(const ta_doc *d, const char *low);
void ta_collect_people(ta_doc *d);
int ta_last_person(const ta_doc *d, int para, size_t tok, const char *role);

/* ta_speakers.c */
size_t ta_phrase_at(const ta_doc *d, const ta_set *set, const ta_para *P, size_t i, size_t lim, int *val);
char *ta_who_name(const ta_doc *d, ta_who w);
ta_who ta_np_before(const ta_doc *d, int pi, size_t s, size_t k, bool far);
char *ta_cue_text(const ta_doc *d, const ta_para *P, size_t s, size_t n);
bool ta_after(const ta_doc *d, int pi, size_t tc, ta_who *who, char **cue, bool ends_sentence);
bool ta_before(const ta_doc *d, int pi, size_t to, ta_who *who, char **cue);

/* ta_sources.c */
void ta_sources_in_para(ta_doc *d, int pi, bool removed_credit);

/* ta_names.c */
void ta_names_free(ta_names *ns);
bool ta_ieq(const char *a, const char *b);
void ta_names_add(ta_names *ns, const char *s);
void ta_split_words(const char *s, ta_words *out);
bool ta_word_in(const ta_set *set, const char *w, size_t l);
bool ta_has_upper_start(const char *w, size_t l);
bool ta_slash_credit(const char *s);
bool ta_plausible_as(const ta_state *st, const char *s, ta_name_check check);
bool ta_plausible(const ta_state *st, const char *s);
bool ta_is_conj(const char *w, size_t l);
bool ta_role_compound(const ta_state *st, const char *w, size_t l);
bool ta_is_dr(const char *w, size_t l);
bool ta_is_qualifier(const ta_state *st, const char *seg, const char *site);
bool ta_is_place(const ta_state *st, const char *s, size_t n);

/* ta_bylines.c */
size_t ta_label_at(const ta_state *st, const ta_words *w, size_t i);
bool ta_label_after_with(const ta_state *st, const char *text);
bool ta_has_digit(const char *w, size_t l);
bool ta_is_month(const ta_state *st, const char *w, size_t l);
void ta_parse_byline(const ta_state *st, const char *text, ta_names *out, const char *site, unsigned flags);
/* The most words a byline label alone in its element has ("Written by:"). */
#define TA_LABEL_MAX_WORDS 3
typedef enum ta_label_form {
	TA_LABEL_NONE,  /* not a label alone */
	TA_LABEL_COLON, /* a label with its colon: "Autor:" */
	TA_LABEL_BARE,  /* a label without it: "By" */
} ta_label_form;
ta_label_form ta_label_alone(const ta_state *st, const char *text);
bool ta_name_with_handle(const char *text);
void ta_find_labelled(const ta_state *st, const char *text, ta_names *out, const char *site, bool mid);
void ta_find_segment_name(const ta_state *st, const char *text, ta_names *out, const char *site, bool single);
void ta_dom_bylines(const ta_state *st, xmlNodePtr root, ta_names *out);

/* ta_author_meta.c */
char *ta_meta_extends(const ta_doc *d, const char *name, bool *parts);
int ta_origin_rank(const char *o);
char *ta_decode_entities(const char *s);
/* The authors metadata names; *origin (borrowed from the article): the candidates' origin. */
void ta_meta_authors(const ta_state *st, const galley_article *a, ta_names *out, const char *site, const char **origin);
bool ta_names_cover(const ta_names *big, const ta_names *small);
bool ta_names_overlap(const ta_names *x, const ta_names *y);
bool ta_account_like(const ta_names *m);
bool ta_person_like(const ta_state *st, const ta_names *m);
char *ta_alnum_key(const char *s, size_t n);
bool ta_site_named(const galley_article *a, const char *v);
bool ta_outlet_like(const ta_state *st, const galley_article *a, const ta_names *m, const char *site);
bool ta_shown_together(const galley_article *a, const char *x, const char *y);
/* GALLEY_AUTHOR_PERSON or GALLEY_AUTHOR_ORGANISATION for one chosen author's name. */
galley_author_kind ta_author_kind(const ta_state *st, const galley_article *a, const char *name, const char *site);
bool ta_reason_is(const galley_removed *r, const char *const *reasons, size_t n);

/* ta_author_rules.c */
char *ta_extend_name(const ta_doc *d, const char *first);
bool ta_all_caps_words(const char *s);
bool ta_ieq_loose(const char *a, const char *b);
int ta_removed_tier(const galley_removed *r, bool repeated);
size_t ta_context_elem(const char *ctx);
size_t ta_removed_order(const galley_article *a, const char *const *reasons, size_t nr, size_t **order_out, int **tiers_out);
bool ta_all_italic(xmlNodePtr n, bool in_italic, int depth);
bool ta_person_text(ta_doc *d, const char *name);
bool ta_host_person(ta_doc *d, const char *text, ta_names *out);
char *ta_unglue_initial(const char *s);
void ta_name_line(const ta_state *st, const char *text, ta_names *out, bool copyright, bool year_needed);
char *ta_account_person(const ta_doc *d, const char *account);
bool ta_by_word(const char *w, size_t l);
char *ta_account_brand(const ta_doc *d, const char *account);
char *ta_account_signed(const ta_doc *d, const char *account);
char *ta_expand_initials(const ta_doc *d, const char *ini);
bool ta_header_place(const galley_removed *r);
void ta_credit_line(const ta_state *st, const char *text, ta_names *out);
bool ta_dated_name_line(const ta_state *st, const char *text, const char *context, ta_names *out);

/* ta_author_credits.c */
char *ta_display_byline(const ta_doc *d, const ta_names *use);
bool ta_agency_word(const ta_state *st, const char *s, size_t n);
void ta_closing_credit(const ta_state *st, const char *text, ta_names *out);
void ta_contact_name(const ta_state *st, const char *text, ta_names *out);
void ta_speech_title(const ta_state *st, const char *title, ta_names *out);
bool ta_agency_credit(const ta_state *st, const char *text, ta_names *out);
void ta_at_time_name(const ta_state *st, const char *text, ta_names *out, const char *site);
void ta_title_credit(ta_doc *d, const char *title, ta_names *out);
void ta_about_title(ta_doc *d, const char *title, ta_names *out);
void ta_emphasised_byline(const ta_state *st, xmlNodePtr n, ta_names *out, const char *site, size_t *seen, int depth);
bool ta_badge_name(ta_doc *d, ta_names *out);
bool ta_office_word(const ta_state *st, const char *w, size_t l);
bool ta_sender_line(ta_doc *d, ta_names *out);
bool ta_issuer(ta_doc *d, ta_names *out);

/* ta_authors.c */
void ta_authors(ta_doc *d);

/* ta_date_parse.c */
bool ta_digits(const char *s, int n, int *out);
bool ta_parse_iso8601(const char *s, ta_date *dt);
bool ta_parse_iso(const char *s, ta_date *dt);
bool ta_zero_seconds(const char *iso);
bool ta_find_date(const ta_state *st, const char *text, ta_date *out);
bool ta_find_clock(const char *text, int *hh, int *mi);
bool ta_find_clock12(const char *text, int *hh, int *mi);
int ta_date_rank(const char *o);
const char *ta_find_any(const char *lo, char *const *words, size_t n);
bool ta_line_date(const ta_state *st, const char *text, ta_date *out, bool *labelled);

/* ta_dates.c */
void ta_date_decide(ta_doc *d);

/* ta_mark.c */
void ta_mark_body(ta_doc *d, const galley_paragraphs *gp);

#endif
