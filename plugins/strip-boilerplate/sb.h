/* strip-boilerplate's private declarations: the types every step shares and the functions one
 * step offers the others.  One file per step (docs/extraction.md, "The method"):
 *   tables.c    hash maps of strings and sets of hashes
 *   text.c      key forms, white space, case of code points
 *   vocab.c     the data files, loaded at open() into read-only tables; the reasons
 *   kinds.c     element kinds by tag name
 *   annotate.c  pass 1: kinds, class/id vocabulary hits, hidden markers, direct text
 *   measure.c   passes 2-3: text, links, prose, prune flags, good text, paragraph votes
 *   jsonld.c    which blocks of the page the JSON-LD articleBody declares
 *   choose.c    the main container
 *   expand.c    what sits beside the container and belongs to the article
 *   rebuild.c   the container into the galley XHTML subset
 *   record.c    the record of removed blocks (reason, text, context) on the article
 *   blocks.c    the output's blocks, for the filters
 *   lines.c     what a single line is: teaser header, byline, credit, dateline...
 *   filter.c    the block filters on the output
 *   lead.c      where the article starts: what comes before its first paragraph
 *   strip_boilerplate.c  the plugin: options, open/close, process
 * Nothing here is part of galley's API: plugins include only include/galley/ headers. */
#ifndef STRIP_BOILERPLATE_SB_H
#define STRIP_BOILERPLATE_SB_H

#include <galley/galley.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Recursion bound of the tree walks: libxml2 builds trees up to 256 deep (without
 * XML_PARSE_HUGE); deeper content is dropped rather than risking the stack. */
#define SB_MAX_DEPTH 512
/* Bytes of a block's key form compared with the articleBody. */
#define SB_PROBE 60

/* ---- tables (tables.c) -------------------------------------------------------------------- */
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

/* A set of 64-bit hashes (open addressing; 0 stands for 1). */
typedef struct sb_u64set {
	uint64_t *v;
	size_t n, cap;
} sb_u64set;

uint64_t sb_hash(const char *s, size_t n);
uint64_t sb_hash_unspaced(const char *s, size_t n);
/* Insert key (copied); the first entry of a key wins. Keys of 1..63 bytes only. */
void sb_map_put(sb_map *m, const char *key, size_t len, int value);
/* The entry of key, or NULL; points into the map. */
const sb_entry *sb_map_get(const sb_map *m, const char *key, size_t len);
void sb_map_free(sb_map *m);
void sb_set_add(sb_u64set *s, uint64_t h);
bool sb_set_has(const sb_u64set *s, uint64_t h);

/* ---- text forms (text.c) ------------------------------------------------------------------ */
uint32_t sb_lower_cp(uint32_t c);
/* The buffer's text, NUL-terminated even when empty or just reset. */
const char *sb_cstr(galley_buf *b);
/* White space normalised copy (owned, free()); "" for blank input. */
char *sb_norm(const char *s);
/* The key form of s[0..len) into b (reset first): lower-cased, letters and digits, one space
 * between words. */
void sb_key(galley_buf *b, const char *s, size_t len);

/* ---- vocabularies and reasons (vocab.c) --------------------------------------------------- */
/* Reasons are interned: a removed block's reason points into this table. */
enum {
	R_NONE = 0,
	R_NAV, R_LINK_DENSITY, R_TEASER, R_DUPLICATE, R_BYLINE, R_DATELINE, R_CREDIT, R_COMMENTS,
	R_SHARE, R_NEWSLETTER, R_COOKIE, R_AD, R_AUTHOR_BOX, R_TAGS, R_CAPTION, R_HIDDEN, R_FOOTER,
	R_HEADER, R_SIDEBAR, R_FORM, R_TITLE, R_PAYWALL, R_OUTSIDE, R_SHORT, R_RELATED, R_META, R_NOTICE,
	R_DEK,
	R__COUNT
};
extern const char *const sb_reason_names[R__COUNT];
int sb_reason_index(const char *name);

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
	char **notices;     /* notices that an article is old or archived, key form */
	size_t n_notices;
	char **signoffs;    /* first words of an author's sign-off, key form */
	size_t n_signoffs;
	bool explain;
	bool captions;
	int min_chars;
} sb_state;

/* The first substring pattern (in file order) found in s[0..len), or -1. */
int sb_vocab_find(const sb_vocab *v, const char *s, size_t len);
/* The vocabularies of data/strip-boilerplate/ (owned by the caller: sb_state_free). */
int sb_state_load(sb_state *st, galley_error *err);
void sb_state_free(sb_state *st);

/* ---- element kinds (kinds.c) -------------------------------------------------------------- */
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

int sb_kind_of(xmlNodePtr n);
bool sb_is_heading(xmlNodePtr n);
bool sb_inline_kind(int k);

/* ---- the methods of the lost-article guard (guard.c) ------------------------------------------ */
/* Which method produced the text: the main one, or a step of the guard's cascade (see
 * docs/extraction.md, "When the article is lost"). */
typedef enum sb_method {
	SB_METHOD_MAIN = 0, /* the container chosen by markers, JSON-LD coverage, semantics, votes */
	SB_METHOD_RELAXED,  /* the same with class/id words ignored: only tags, roles and real hiding prune */
	SB_METHOD_DENSEST,  /* relaxed, and the container is the densest cluster of paragraph votes */
	SB_METHOD_DECLARED, /* the page's declared text: JSON-LD articleBody, else a long description */
	SB_METHOD__COUNT
} sb_method;
extern const char *const sb_method_names[SB_METHOD__COUNT];

/* Removed blocks are kept on the run until its text is chosen, then handed to the article. */
typedef struct sb_rec {
	int reason;
	char *text;    /* owned */
	char *context; /* owned, nullable */
	const char *rule; /* static, nullable: the id of the rule that removed it */
} sb_rec;

typedef struct sb_recs {
	sb_rec *v;
	size_t n, cap;
} sb_recs;

/* A description shorter than this (characters) is no stand-in for the article's text. */
#define SB_DESCRIPTION_MIN 200

/* One run of the steps with a method (run.c). */
typedef struct sb_run_result {
	xmlDocPtr out;    /* (owned) the text, or NULL when the page had no element */
	sb_recs recs;     /* (owned) its removed blocks */
	double best_good; /* good text of the densest cluster of paragraph votes */
	bool text_mode;   /* a text-shaped body (read-text) */
	const char *rule; /* (static) the rule that chose the container (sb_choose), or NULL */
} sb_run_result;
void sb_run(const sb_state *st, galley_article *a, xmlNodePtr root, sb_method method, sb_run_result *res);
/* The declared text as a body (owned), or NULL. */
xmlDocPtr sb_declared_doc(galley_article *a);
/* Extract the article's text into it: the main method, and the guard's cascade when the main
 * method lost the article (guard.c). */
void sb_extract(const sb_state *st, galley_article *a, xmlNodePtr root);

/* Hand the records to the article (copied) and free them. */
void sb_recs_commit(sb_recs *r, galley_article *a);
void sb_recs_free(sb_recs *r);

/* ---- per-node information (annotate.c) ---------------------------------------------------- */
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
	double kprose;    /* prose outside pruned subtrees */
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
	const char *removal_rule; /* the id of the rule removing the blocks being recorded (static), or NULL */
	int within; /* the reason of the removed part a block with its own reason sat in (a byline
	             * inside a related-stories box: "in:related"), or 0 */
	char *jsonld;       /* normalised, key form of the JSON-LD articleBody */
	size_t jsonld_len;
	double jl_covered;  /* characters of the page's blocks found in it */
	bool jl_pick;       /* the container was chosen by its coverage */
	sb_method method;   /* which method this run applies */
	int best;           /* the best candidate of the paragraph votes, or -1 (sb_choose) */
	const char *rule;   /* (static) the rule that chose the container, for explain.container */
	int pick;           /* the main container's info index (0: the whole body) */
	sb_recs recs;       /* the removed blocks of this run */
	/* output */
	xmlDocPtr out;
	bool text_mode;
} sb_ctx;

/* Pass 1: pre-order numbering and annotation of the subtree of root. */
void sb_annotate(sb_ctx *c, xmlNodePtr root);
/* Give the page's nodes their _private pointers back. */
void sb_restore(sb_ctx *c);
/* The info index of an annotated element, or -1. */
int sb_index(xmlNodePtr n);
/* Whether a subtree is boilerplate by itself (tag, role, class, hidden): a reason, or 0. */
int sb_own_reason(const sb_info *in);
/* The value of attribute name (case-insensitive), borrowed from the node, or NULL. */
const char *sb_attr(xmlNodePtr n, const char *name);

/* ---- measuring (measure.c) ---------------------------------------------------------------- */
void sb_measure(sb_ctx *c);
void sb_good(sb_ctx *c);
/* The paragraph votes of every node (owned, free()). */
double *sb_votes(sb_ctx *c);

/* ---- JSON-LD articleBody (jsonld.c) ------------------------------------------------------- */
void sb_jsonld_prepare(sb_ctx *c);
bool sb_in_jsonld(const sb_ctx *c, const char *key, size_t len);
void sb_jsonld_cover(sb_ctx *c);

/* ---- the main container (choose.c, expand.c) ---------------------------------------------- */
int sb_choose(sb_ctx *c, double *votes);
void sb_expand(sb_ctx *c, int pick);

/* ---- rebuilding (rebuild.c) --------------------------------------------------------------- */
typedef struct sb_out {
	sb_ctx *c;
	xmlNodePtr run;  /* the open <p> collecting loose inline content, or NULL */
} sb_out;

void sb_emit(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth);
void sb_emit_children(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth);

/* ---- source text (text of the page's subtrees, record.c) ---------------------------------- */
bool sb_hidden_part(const sb_ctx *c, xmlNodePtr n);
void sb_collect_text(const sb_ctx *c, xmlNodePtr n, galley_buf *b, int depth);
bool sb_has_block_child(const sb_ctx *c, xmlNodePtr n);

/* ---- the record of removed blocks (record.c) ---------------------------------------------- */
/* "tag#id.class" of a source element into b (reset first). */
void sb_context(sb_ctx *c, xmlNodePtr n, galley_buf *b);
/* Record a removed block.  key (nullable) is the text's key form when the caller has it. */
void sb_record_key(sb_ctx *c, int reason, const char *text, const char *context, const galley_buf *key);
void sb_record(sb_ctx *c, int reason, const char *text, const char *context);
/* Record the blocks of a removed source subtree: one entry per block with text; elements
 * inside it with their own reason (a byline inside a header) keep theirs. */
void sb_record_subtree(sb_ctx *c, xmlNodePtr n, int reason);
/* The same, recording the id of the rule that removed the subtree (a static string). */
void sb_record_subtree_rule(sb_ctx *c, xmlNodePtr n, int reason, const char *rule);
/* The ids of the rules removing subtrees while the container is rebuilt (and recorded). */
#define SB_RULE_PRUNED_SUBTREE "pruned-subtree"           /* pruned by tag, role, class word or hiding */
#define SB_RULE_BOILERPLATE_ELEMENT "boilerplate-element" /* nav, aside, footer, form controls */
#define SB_RULE_TEASER_CARD "teaser-card"                 /* a link wrapping blocks */
#define SB_RULE_LINK_CONTAINER "link-container"           /* a container or list made of links */
#define SB_RULE_OUTSIDE_CONTAINER "outside-container"     /* what lies outside the container */
/* Record everything outside the container `keep` (its ancestors' other children). */
void sb_record_outside(sb_ctx *c, xmlNodePtr keep, xmlNodePtr root);

/* ---- output blocks (blocks.c) ------------------------------------------------------------- */
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

typedef struct sb_blocks {
	sb_block *v;
	size_t n, cap;
} sb_blocks;

void sb_collect_blocks(xmlNodePtr n, sb_blocks *bl, galley_buf *tmp, bool in_list, int depth);
/* Remove elements left empty (lists without items, tables without rows, empty paragraphs). */
bool sb_prune_empty(xmlNodePtr n, int depth);
void sb_clear_private(xmlNodePtr root);

/* ---- what a line is (lines.c) ------------------------------------------------------------- */
bool sb_teaser(const sb_ctx *c, const sb_block *b, galley_buf *k);
int sb_line_prefix_key(const sb_ctx *c, const char *text, const char *key, size_t key_len, double len,
                       bool sentence);
int sb_line_prefix(const sb_ctx *c, const sb_block *b, galley_buf *k);
bool sb_photo_credit(const sb_ctx *c, const sb_block *b, galley_buf *k);
bool sb_has_phrase(char *const *list, size_t n, const sb_block *b, size_t max_len, galley_buf *k,
                   galley_buf *pad);
bool sb_call_to_action(const sb_ctx *c, const sb_block *b, galley_buf *k, galley_buf *pad);
void sb_cut_credit(sb_ctx *c, sb_block *b, galley_buf *k);
bool sb_byline_inside_key(const sb_ctx *c, const char *key);
bool sb_dateline(const sb_ctx *c, const sb_block *b, galley_buf *k);
bool sb_same_title(const char *a, const char *b, galley_buf *k1, galley_buf *k2);

/* ---- the filters (filter.c) --------------------------------------------------------------- */
/* What the passes share: the blocks, scratch buffers for key forms, and where the first prose
 * block is (text before it is header matter: captions, kicker, tags). */
typedef struct sb_pass {
	sb_ctx *c;
	sb_block *v;
	size_t n;
	size_t first_prose;
	bool text_mode;
	galley_buf k, k2;
} sb_pass;

/* The ids of the filters' rules, recorded with the blocks they remove (`removed[].rule`; the
 * list in docs/extraction.md, "The filters' rules"). */
#define SB_RULE_LINE_PREFIX "line-prefix"             /* line-prefixes.tsv: byline, credit, dateline words */
#define SB_RULE_TEASER_HEADER "teaser-header"         /* teasers.txt, and the links after the header */
#define SB_RULE_TEASER_INLINE "teaser-inline"         /* a teaser line holding its own link, and its links */
#define SB_RULE_PHOTO_AGENCY "photo-agency"           /* a short line naming a photo agency */
#define SB_RULE_DATELINE_SHORT "dateline-short"       /* a short line that is a date (not dateline-label) */
#define SB_RULE_LINK_DENSE "link-dense-block"         /* a block mostly of links (not data-row-links) */
#define SB_RULE_TAIL_SHORT "tail-short"               /* after the last paragraph (not sign-off) */
#define SB_RULE_DISCLAIMER "disclaimer"               /* disclaimers.txt: advertising, liability */
#define SB_RULE_CALL_TO_ACTION "call-to-action"       /* calls-to-action.txt, among the last blocks */
#define SB_RULE_CREDIT_CUT "credit-cut"               /* an image credit cut off a caption's end */
#define SB_RULE_CREDIT_LOWER_CASE "credit-lower-case" /* the same after " photo:", "Image credit:" */
#define SB_RULE_TITLE_REPEAT "title-repeat"           /* the first header line equal to the title */
#define SB_RULE_DUPLICATE_BLOCK "duplicate-block"     /* a block seen before in the text */
#define SB_RULE_SEEN_OUTSIDE "seen-outside"           /* a short block shown in a removed part too */
#define SB_RULE_REPEATED_CAPTION "repeated-caption"   /* the first copy of a repeated header line */
#define SB_RULE_OUTSIDE_DECLARED "outside-declared"   /* a short block not in the articleBody */
#define SB_RULE_CAPTIONS_OPTION "captions-option"     /* a figcaption under captions=false */
#define SB_RULE_TEXT_KICKER "text-kicker"             /* text bodies: the kicker line, made a tag */
#define SB_RULE_TEXT_HEADER_LINE "text-header-line"   /* text bodies: other short header lines */
#define SB_RULE_TEXT_TEASER_TAIL "text-teaser-tail"   /* text bodies: short lines after a teaser */

void sb_remove_block(sb_ctx *c, sb_block *b, int reason);
/* The same, recording the id of the rule that removed it (a static string). */
void sb_remove_block_rule(sb_ctx *c, sb_block *b, int reason, const char *rule);
void sb_filter(sb_ctx *c, sb_blocks *bl, bool text_mode);

/* ---- where the article starts (lead.c) ---------------------------------------------------- */
/* What the page sets before the article's first paragraph, removed with its rule's id: an old
 * article's notice (lead-notice), labels and bylines (lead-label, lead-byline), the lead image's
 * caption (lead-caption), a list of key points (lead-key-points), the headline again
 * (lead-headline), the standfirst (lead-subheadline in a heading's markup, lead-dek: reason dek,
 * the first given to the article's dek field by the run that wins, sb_recs_commit). */
void sb_pass_lead(sb_pass *p);

#endif
