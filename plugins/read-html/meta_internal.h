/* read-html metadata internals shared by its modules (not exported from the plugin).
 *
 *   meta_walk.c        the one cleaning walk over the parsed page; <title>, <h1>, <time>, links,
 *                      microdata and hCard, and the JSON-LD scripts it sets aside
 *   meta_tags.c        <meta> elements
 *   meta_jsonld.c      JSON-LD objects
 *   meta_candidates.c  the candidate list: cleaning on the way in, ranks by origin
 *   meta_title.c       the title decision, site names in titles
 *   meta_text.c        small text helpers
 *   metadata.c         the decisions (URL, title, site, language, ...) and the entry point */
#ifndef READ_HTML_META_INTERNAL_H
#define READ_HTML_META_INTERNAL_H

#include "metadata.h"

#include <galley/galley.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* One metadata candidate. */
typedef struct cand {
	const char *field;  /* static */
	char *value;        /* owned by the candidate list */
	const char *origin; /* static */
	int rank;           /* lower wins within a field */
	size_t seq;         /* order of discovery */
} cand;

/* What the walk and the readers collect for one page. */
typedef struct meta_ctx {
	galley_article *a; /* borrowed */
	cand *c;           /* owned, with every value */
	size_t n, cap;
	char **jsonld; /* owned: the JSON-LD scripts' texts */
	size_t n_jsonld;
	size_t jsonld_bytes;
	int n_time;
	bool have_title_tag;
	int n_h1;
	int n_hcard;
	int n_copyright; /* "copyright" candidates held */
	int svg_depth;
	char twitter_author_label; /* the N of a twitter:labelN that says "Written by", else 0 */
} meta_ctx;

/* meta_text.c */
/* The value of attribute name on n (borrowed from the tree), "" when empty, NULL when absent or
 * not one text node. */
const char *rh_attr(xmlNodePtr n, const char *name);
/* Is tok one of the white-space-separated tokens of list (ASCII case-insensitive)? */
bool rh_has_token(const char *list, const char *tok);
/* The white-space-normalised text of n; caller frees; NULL when none. */
char *rh_node_text(xmlNodePtr n);
bool rh_looks_like_url(const char *s);
/* s with the HTML character references that leak into JSON-LD and meta values decoded; caller frees. */
char *rh_decode_entities(const char *s);
/* s in Unicode NFC (libunistring's u8_normalize), caller frees; NULL when s has no mark to
 * compose or nothing changed. */
char *rh_nfc_compose(const char *s);

/* meta_candidates.c */
int rh_rank(const char *field, const char *origin);
/* Record a candidate (value copied, cleaned, dates normalised; NULL or unusable values ignored). */
void rh_add(meta_ctx *mc, const char *field, const char *value, const char *origin);
/* The best candidate of a field (borrowed), skipping one value; NULL when none. */
const cand *rh_best(const meta_ctx *mc, const char *field, const char *skip_value);
/* qsort order: rank, then discovery. */
int rh_cmp_cand(const void *x, const void *y);

/* meta_tags.c, meta_jsonld.c, meta_walk.c */
void rh_meta_element(meta_ctx *mc, xmlNodePtr n);
void rh_jsonld(meta_ctx *mc);
void rh_walk(meta_ctx *mc, xmlDocPtr doc);

/* meta_title.c */
/* the separators between a title and its site or section (" | ", " - "...), NULL-terminated */
extern const char *const rh_title_seps[];
/* Does one of s's words look like a domain name ("example.com")? */
bool rh_looks_like_domain(const char *s);
/* The host of an absolute URL, lower case, without "www." (written to out; "" when none). */
void rh_url_host(const char *url, char *out, size_t outsz);
bool rh_names_site(const char *seg, const char *const *sites, const char *host);
/* title without a site prefix or suffix; caller frees; the removed site segment into *site_out
 * (caller frees) when site_out is given and *site_out is NULL. */
char *rh_clean_title(const char *title, const char *const *sites, const char *host, char **site_out);
/* The article's title (caller frees; NULL when none); *rule (static) is "rule-id: reason". */
char *rh_choose_title(meta_ctx *mc, const char *const *sites_in, const char *host, char **site_out,
                      const char **rule);

/* meta_site.c */
/* The site's name (caller frees; NULL when none): the first usable site candidate by origin
 * (og:site_name, JSON-LD publisher / WebSite, application-name), else the site the <title> names
 * (site_from_title, nullable), else the holder of a copyright line named like the host, else
 * the host as displayed; cleaned of a tagline, "www." and a
 * ".com" the page writes its brand without; never a handle, URL or section.  *rule (static) is
 * "rule-id: reason". */
char *rh_choose_site(meta_ctx *mc, const char *host, const char *site_from_title, const char **rule);

#endif
