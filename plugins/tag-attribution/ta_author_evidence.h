/* tag-attribution: the evidence about an article's authors that the finders gather
 * (ta_authors.c) and the metadata-versus-page decision weighs (ta_author_decide.c). */
#ifndef TA_AUTHOR_EVIDENCE_H
#define TA_AUTHOR_EVIDENCE_H
#include "ta_private.h"

/* How close to the article a credit was found: ta_removed_tier's scale. */
enum {
	TA_TIER_ARTICLE = 0, /* with the article's own header or text */
	TA_TIER_NEAR = 1,    /* near it, or in a line not marked as a byline */
	TA_TIER_LIST = 2,    /* a teaser list's or a sidebar's */
	TA_TIER_NONE = 3     /* nothing found */
};

typedef enum ta_evidence_flag {
	TA_EV_VIS_WEAK = 1 << 0 /* vis came from a line not marked as a byline: only when metadata names nobody */
} ta_evidence_flag;

typedef struct ta_author_evidence {
	ta_doc *d;
	const char *site;
	ta_names meta, lab, vis; /* (owned) */
	int lab_tier, vis_tier;
	unsigned flags;          /* ta_evidence_flag */
	const char *lab_rule, *vis_rule; /* (static) the finders that found lab and vis */
} ta_author_evidence;

/* Which evidence names the authors: &ev->meta, &ev->lab, &ev->vis, or NULL for nobody.  *why is
 * the id of the outcome that decided ("metadata", "page-covers-metadata", ...).  With verbose,
 * the outcomes that also applied and lost are printed to standard error. */
ta_names *ta_author_decide(ta_author_evidence *ev, const char **why);

#endif
