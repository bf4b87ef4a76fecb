/* The article model: what flows from a reader through the transforms to the writers.
 *
 * An article is opaque; plugins use the accessors below.  Ownership, once for all:
 *   - every getter returns a pointer (borrowed) from the article, valid until the same field is
 *     set again or the article is freed;
 *   - every setter and adder (copied) its string arguments; NULL clears an optional field;
 *   - galley_article_take_* and galley_article_set_body (taken) their argument.
 * The core creates articles for readers (galley_article_new) and frees them after the last
 * writer; a plugin frees only articles it created and did not hand back to the core.
 *
 * One article is touched by one thread at a time; different articles may be in different
 * threads at once (see plugin.h on parallel stages).
 *
 * The body
 * --------
 * The body is a libxml2 document (xmlDoc) whose root element is <body>, with no namespace.
 * Readers may hand on a whole page's content tree (any HTML elements).  Before the writers run,
 * the core restricts it to the galley XHTML subset (galley_body_sanitize), which every writer can
 * rely on:
 *   blocks:  h1-h6 p ul ol li dl dt dd blockquote pre table caption thead tbody tfoot tr th td
 *            figure figcaption hr
 *   inline:  a em strong i b u s sub sup code q br img span abbr cite small mark time
 *   attributes kept: a@href (http, https, mailto, relative; never javascript:), img@src img@alt,
 *            th/td@colspan @rowspan, q/blockquote@cite, q/blockquote@data-speaker,
 *            time@datetime, @lang, @title, ol@start
 * Anything else is unwrapped (its children kept) or, for script, style, noscript, template,
 * iframe, object, embed, form controls, svg and math, removed with its content.
 */
#ifndef GALLEY_ARTICLE_H
#define GALLEY_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>
#include <galley/version.h>
#include <galley/error.h>
#include <galley/text.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct galley_article galley_article;

/* ---- life cycle ---------------------------------------------------------------------------- */
/* A new, empty article (owned, galley_article_free).  Readers normally get theirs from the core. */
GALLEY_API galley_article *galley_article_new(void);
GALLEY_API void galley_article_free(galley_article *a);  /* NULL is fine */

/* ---- scalar fields ------------------------------------------------------------------------- */
typedef enum galley_field {
	GALLEY_FIELD_ID,        /* stable id; the core derives one from URL or content when unset */
	GALLEY_FIELD_URL,       /* canonical URL of the page */
	GALLEY_FIELD_TITLE,
	GALLEY_FIELD_DATE,      /* publication date, ISO 8601: "2024-03-05" or "2024-03-05T10:00:00+01:00" */
	GALLEY_FIELD_SITE,      /* site or outlet name, "Al Arabiya" */
	GALLEY_FIELD_LANGUAGE,  /* BCP 47 tag, "en", "de-CH" */
	GALLEY_FIELD_DESCRIPTION, /* summary or teaser the page declares */
	GALLEY_FIELD_BYLINE,    /* the author credit as the page prints it, without its label, when it
	                         * names several authors in one line: "Jane Doe und John Roe" (the
	                         * authors list holds them apart); unset otherwise */
	GALLEY_FIELD_DEK,       /* the standfirst (dek, subheadline) the page shows under the headline: a
	                         * short summary of the article set apart from its paragraphs; no part
	                         * of the body's text.  Set by the transform that finds it */
	GALLEY_FIELD__COUNT
} galley_field;

/* (borrowed, nullable) */
GALLEY_API const char *galley_article_get(const galley_article *a, galley_field f);
/* (copied) value, NULL clears.  The value is cleaned to valid UTF-8 and trimmed; an empty
 * string clears the field too: galley never stores "" to mean unknown. */
GALLEY_API void galley_article_set(galley_article *a, galley_field f, const char *value);
/* The JSON-ish name of a field ("id", "url", "title", ...). (borrowed, static) */
GALLEY_API const char *galley_field_name(galley_field f);

/* ---- where the article came from ----------------------------------------------------------- */
typedef struct galley_source_location {
	const char *file;    /* input file as given or found, "-" for standard input */
	const char *member;  /* (nullable) archive member path */
	int64_t offset;      /* byte offset of the WARC record, or -1 */
	int64_t index;       /* n-th article taken from this file or member (0-based), or -1 */
	/* A WARC record's own header values, verbatim (nullable; NULL for other inputs): */
	const char *uri;       /* WARC-Target-URI, the address the crawler fetched */
	const char *record_id; /* WARC-Record-ID, e.g. "<urn:uuid:...>" */
	const char *date;      /* WARC-Date, e.g. "2021-03-04T05:06:07Z" */
} galley_source_location;

/* (borrowed) strings inside are owned by the article. */
GALLEY_API const galley_source_location *galley_article_location(const galley_article *a);
/* (copied) */
GALLEY_API void galley_article_set_location(galley_article *a, const char *file, const char *member,
                                            int64_t offset, int64_t index);
/* (copied) The WARC record's WARC-Target-URI, WARC-Record-ID and WARC-Date (each nullable; NULL
 * clears it), kept until the next call; galley_article_set_location leaves them alone. */
GALLEY_API void galley_article_set_location_warc(galley_article *a, const char *uri, const char *record_id,
                                                 const char *date);
/* "file", "file!member", "file@offset" or with "#index": a short human form for messages.
 * (borrowed, valid until the location changes) */
GALLEY_API const char *galley_article_where(const galley_article *a);

/* ---- string lists: authors and tags -------------------------------------------------------- */
typedef enum galley_list {
	GALLEY_LIST_AUTHORS,  /* people or organisations credited as authors, in page order */
	GALLEY_LIST_TAGS,     /* categories and keywords */
	GALLEY_LIST__COUNT
} galley_list;

GALLEY_API size_t galley_article_list_len(const galley_article *a, galley_list l);
GALLEY_API const char *galley_article_list_at(const galley_article *a, galley_list l, size_t i); /* (borrowed) */
/* (copied) Appends unless an equal string is already there; empty strings are ignored. */
GALLEY_API void galley_article_list_add(galley_article *a, galley_list l, const char *value);
GALLEY_API void galley_article_list_clear(galley_article *a, galley_list l);

/* What each author is: a person, or an organisation (an outlet, a desk, a company) credited
 * where the page names no person.  Unknown until a stage says; cleared with the authors. */
typedef enum galley_author_kind {
	GALLEY_AUTHOR_UNKNOWN = 0,
	GALLEY_AUTHOR_PERSON,
	GALLEY_AUTHOR_ORGANISATION
} galley_author_kind;

/* The kind of the i-th author (GALLEY_AUTHOR_UNKNOWN when none was set or i is out of range). */
GALLEY_API galley_author_kind galley_article_author_kind(const galley_article *a, size_t i);
/* Sets the kind of the i-th author; ignored when there is no such author. */
GALLEY_API void galley_article_set_author_kind(galley_article *a, size_t i, galley_author_kind kind);
/* "person", "organisation", or NULL for GALLEY_AUTHOR_UNKNOWN (static); and back (UNKNOWN for
 * any other string or NULL). */
GALLEY_API const char *galley_author_kind_name(galley_author_kind kind);
GALLEY_API galley_author_kind galley_author_kind_parse(const char *name);

/* ---- raw input ----------------------------------------------------------------------------
 * What a reader read, before it is parsed: set by a reader's read() and consumed by its parse()
 * (which may run on another thread).  The core frees it after parse(). */
typedef struct galley_raw {
	unsigned char *data;       /* (owned by the article) bytes as read, not NUL-terminated */
	size_t len;
	const char *content_type;  /* (nullable) media type from the transport, "text/html" */
	const char *charset;       /* (nullable) charset from the transport (HTTP header) */
	const char *date;          /* (nullable) transport date (WARC-Date), ISO 8601 */
	int status;                /* HTTP status, 0 when unknown */
} galley_raw;

/* (taken) data, which must come from malloc(); (copied) the strings.  Replaces any raw input. */
GALLEY_API void galley_article_take_raw(galley_article *a, unsigned char *data, size_t len,
                                        const char *content_type, const char *charset,
                                        const char *date, int status);
/* (borrowed, nullable) */
GALLEY_API const galley_raw *galley_article_raw(const galley_article *a);
GALLEY_API void galley_article_drop_raw(galley_article *a);

/* ---- the body ------------------------------------------------------------------------------ */
/* (borrowed, nullable) The body document; a plugin may edit it in place. */
GALLEY_API xmlDocPtr galley_article_body(const galley_article *a);
/* (taken) Replace the body with doc (whose root must be <body>); frees the old one. */
GALLEY_API void galley_article_set_body(galley_article *a, xmlDocPtr doc);
/* Detach and return the body (owned, xmlFreeDoc); the article has none afterwards. */
GALLEY_API xmlDocPtr galley_article_take_body(galley_article *a);

/* A new empty body document with its <body> root (owned, xmlFreeDoc). */
GALLEY_API xmlDocPtr galley_body_new(void);
/* The <body> root element of doc (borrowed), or NULL. */
GALLEY_API xmlNodePtr galley_body_root(xmlDocPtr doc);
/* The node after n in document order inside root's subtree (borrowed), NULL past its end: n's
 * first child when descend and n has children, else its next sibling or the next sibling of the
 * nearest ancestor below root that has one.  Walks a tree without recursion:
 *     for (xmlNodePtr n = root; n; n = galley_node_next(n, root, true)) ... */
GALLEY_API xmlNodePtr galley_node_next(xmlNodePtr n, xmlNodePtr root, bool descend);
/* Restrict doc to the galley XHTML subset described above, in place. */
GALLEY_API void galley_body_sanitize(xmlDocPtr doc);

/* The paragraphs of a body: the text of each block in document order, white space normalised.
 * A "paragraph" is each maximal run of inline content inside a block (p, h1-h6, li, dt, dd,
 * pre, figcaption, caption, blockquote, a table row — its cells joined by " | " — or a
 * container's loose text).  Empty blocks are skipped.  This is THE definition of paragraph
 * indices used by quotes and by the JSON `text` field (paragraphs joined by a blank line). */
typedef struct galley_paragraphs {
	char **text;      /* (owned by the struct) UTF-8, normalised, non-empty */
	xmlNodePtr *node; /* (borrowed from the document) the block element each came from */
	size_t n;
} galley_paragraphs;
GALLEY_API void galley_body_paragraphs(xmlDocPtr doc, galley_paragraphs *out);
GALLEY_API void galley_paragraphs_free(galley_paragraphs *p);
/* The body's plain text: its paragraphs joined by "\n\n" (owned, free()); "" when empty. */
GALLEY_API char *galley_body_text(xmlDocPtr doc);

/* ---- metadata candidates -------------------------------------------------------------------
 * Readers record every candidate value they find with where it came from; transforms decide.
 * field:  "author", "date", "date_modified", "title", "site", "language", "url", "description",
 *         "section", "keywords", "image", "body" (JSON-LD articleBody), "publisher"
 * origin: "json-ld", "opengraph", "article-meta", "twitter", "dublin-core", "meta", "time",
 *         "link", "html-lang", "title-tag", "warc", "http", "text", or a plugin's own word. */
typedef struct galley_candidate {
	const char *field;
	const char *value;
	const char *origin;
} galley_candidate;

GALLEY_API void galley_article_add_candidate(galley_article *a, const char *field, const char *value,
                                             const char *origin); /* (copied); empty value ignored */
GALLEY_API size_t galley_article_n_candidates(const galley_article *a);
GALLEY_API const galley_candidate *galley_article_candidate(const galley_article *a, size_t i); /* (borrowed) */
/* The first candidate value for field, or NULL. (borrowed) */
GALLEY_API const char *galley_article_candidate_first(const galley_article *a, const char *field);

/* ---- annotations: sources, quotes, removed blocks ------------------------------------------ */
typedef struct galley_source {
	const char *name;      /* normalised outlet name, "Al Arabiya" */
	const char *kind;      /* "credit" (where the story came from), "cited" (a fact is credited to
	                        * it: "according to X") or "interview" (someone spoke to it: "told X") */
	const char *evidence;  /* the text it was found in, "Source » alarabiya" */
	const char *rule;      /* (nullable) id of the rule that found it: "credit-line", "interview" */
} galley_source;

typedef struct galley_quote {
	const char *text;     /* the quoted words, without the quotation marks */
	const char *speaker;  /* (nullable) fullest name the article gives; NULL: nobody known */
	const char *cue;      /* (nullable) "said", "added", "according to", ... */
	int paragraph;        /* index into galley_body_paragraphs() */
	int start, end;       /* code-point range of the text inside that paragraph, end exclusive */
	const char *speaker_kind; /* (nullable) "person", "organisation" or "outlet" when speaker is set */
	const char *rule;     /* (nullable) id of the rule that chose the speaker: "cue-after", "pronoun-after" */
} galley_quote;

/* Where a removed block was, relative to the kept body. */
typedef enum galley_removed_place {
	GALLEY_PLACE_UNKNOWN = 0, /* the context does not say (text-shaped bodies) */
	GALLEY_PLACE_BEFORE_BODY, /* outside the kept container, before it in the page */
	GALLEY_PLACE_IN_BODY,     /* inside it */
	GALLEY_PLACE_AFTER_BODY   /* outside it, after it */
} galley_removed_place;

typedef struct galley_removed {
	const char *reason;   /* "nav", "link-density", "teaser", "duplicate", "byline", "credit", ... */
	const char *text;     /* the block's text, white space normalised */
	const char *context;  /* (nullable) where it was, for output: "div.byline before-body in:footer",
	                       * "line 3" */
	const char *rule;     /* (nullable) id of the rule that removed it, when one rule did:
	                       * "lead-dek", "lead-label" (docs/extraction.md) */
	/* Typed fields the core parses out of context when the block is added (an adder's values
	 * for them are ignored; they are (borrowed) from the article like the strings above).
	 * context's form: ELEMENT[#id][.class] [before-body|in-body|after-body] [in:REASON] */
	galley_removed_place place;
	const char *element;  /* (nullable) "div" */
	const char *id;       /* (nullable) "main-byline" */
	const char *classes;  /* (nullable) the element's first class, "byline" */
	const char *within;   /* (nullable) the reason of the removed part it sat in, "footer" */
} galley_removed;

/* Adders (copied); they return the index of the new entry. */
GALLEY_API size_t galley_article_add_source(galley_article *a, const galley_source *s);
GALLEY_API size_t galley_article_add_quote(galley_article *a, const galley_quote *q);
GALLEY_API size_t galley_article_add_removed(galley_article *a, const galley_removed *r);
GALLEY_API size_t galley_article_n_sources(const galley_article *a);
GALLEY_API size_t galley_article_n_quotes(const galley_article *a);
GALLEY_API size_t galley_article_n_removed(const galley_article *a);
/* (borrowed) */
GALLEY_API const galley_source *galley_article_source(const galley_article *a, size_t i);
GALLEY_API const galley_quote *galley_article_quote(const galley_article *a, size_t i);
GALLEY_API const galley_removed *galley_article_removed(const galley_article *a, size_t i);
GALLEY_API void galley_article_clear_sources(galley_article *a);
GALLEY_API void galley_article_clear_quotes(galley_article *a);
GALLEY_API void galley_article_clear_removed(galley_article *a);

/* ---- decisions ------------------------------------------------------------------------------
 * Why a transform set a field: the id of the rule that decided it, for `write-json explain=true`
 * and for measuring rules (how often each decides, how often rightly, on how many sites).
 * field:  "authors", "date", ...
 * rule:   the rule that found the value ("json-ld-author", "labelled-header-block", "metadata-date")
 * detail: (nullable) how it won against the other evidence ("byline-names-others", "metadata")
 * Strings are (copied) by the adder; a transform that decides a field again clears its own
 * earlier decision with galley_article_clear_decision. */
typedef struct galley_decision {
	const char *field;
	const char *rule;
	const char *detail;
} galley_decision;

GALLEY_API size_t galley_article_add_decision(galley_article *a, const galley_decision *d); /* (copied) */
GALLEY_API size_t galley_article_n_decisions(const galley_article *a);
GALLEY_API const galley_decision *galley_article_decision(const galley_article *a, size_t i); /* (borrowed) */
/* The last decision recorded for field, or NULL. (borrowed) */
GALLEY_API const galley_decision *galley_article_decision_for(const galley_article *a, const char *field);
/* Removes the decisions recorded for field (all of them when field is NULL). */
GALLEY_API void galley_article_clear_decision(galley_article *a, const char *field);

/* ---- local resources ------------------------------------------------------------------------
 * Files a body references that came with the page: an image beside a saved page on disk, or a
 * member of the same archive.  A reader records one entry per relative reference it resolved
 * (img@src, as written in the body) to a place inside its collection; it need not read the file,
 * so an entry says where to look, not that the bytes are there or are what the name suggests.
 * Writers that embed resources (write-epub) read them from there and check them.
 * Strings are (copied) as given (paths are bytes, not cleaned); only media_type may be NULL. */
typedef struct galley_resource {
	const char *ref;        /* the reference as written in the body, "page_files/photo.jpg" */
	const char *file;       /* a plain file's path, or the archive that holds member */
	const char *member;     /* (nullable) archive member path, "site/page_files/photo.jpg" */
	const char *media_type; /* (nullable) expected from the name, "image/jpeg": a hint only */
} galley_resource;

/* (copied) Adds r, or replaces the entry with the same ref; returns its index.  An entry without
 * ref or file is ignored and (size_t)-1 returned. */
GALLEY_API size_t galley_article_add_resource(galley_article *a, const galley_resource *r);
GALLEY_API size_t galley_article_n_resources(const galley_article *a);
GALLEY_API const galley_resource *galley_article_resource(const galley_article *a, size_t i); /* (borrowed) */
/* The entry whose ref equals ref, or NULL. (borrowed) */
GALLEY_API const galley_resource *galley_article_resource_find(const galley_article *a, const char *ref);
GALLEY_API void galley_article_clear_resources(galley_article *a);

/* ---- pipeline history ------------------------------------------------------------------------
 * The stages applied to the article, in order.  The core appends each reader (unless the reader
 * restored a history, as read-json does) and each transform that kept the article. */
GALLEY_API void galley_article_add_stage(galley_article *a, const char *name, const char *version); /* (copied) */
GALLEY_API size_t galley_article_n_stages(const galley_article *a);
GALLEY_API const char *galley_article_stage_name(const galley_article *a, size_t i);    /* (borrowed) */
GALLEY_API const char *galley_article_stage_version(const galley_article *a, size_t i); /* (borrowed) */

/* ---- extra key/value properties ----------------------------------------------------------
 * For facts that have no field yet (a reader's "http_status", a transform's "word_count").
 * Writers may output them under "extra". (copied) key and value; NULL value removes. */
/* The extra a sharded run (--shard I/N) gives every article: its place in the unsharded run's
 * order, from 0, in decimal.  read-json merges shard outputs in this order and drops it. */
#define GALLEY_SHARD_SEQ_KEY "input_seq"
GALLEY_API void galley_article_set_extra(galley_article *a, const char *key, const char *value);
GALLEY_API const char *galley_article_get_extra(const galley_article *a, const char *key); /* (borrowed) */
GALLEY_API size_t galley_article_n_extra(const galley_article *a);
GALLEY_API const char *galley_article_extra_key(const galley_article *a, size_t i);   /* (borrowed) */
GALLEY_API const char *galley_article_extra_value(const galley_article *a, size_t i); /* (borrowed) */

/* ---- per-stage scratch -------------------------------------------------------------------
 * A writer's prepare() (which may run in parallel) can leave work for its write() (serial):
 * one pointer per stage per article, freed with free_fn when the article is freed. */
GALLEY_API void galley_article_set_scratch(galley_article *a, const void *owner, void *ptr,
                                           void (*free_fn)(void *));
GALLEY_API void *galley_article_get_scratch(const galley_article *a, const void *owner); /* (borrowed) */

/* A deep copy of a (owned, galley_article_free): every field, list, annotation, resource and the
 * body. */
GALLEY_API galley_article *galley_article_copy(const galley_article *a);

#ifdef __cplusplus
}
#endif
#endif
