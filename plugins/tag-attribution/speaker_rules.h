/* speaker_rules.h — each quotation's speaker, chosen among the discourse model's entities by
 * explicit rules, each decision with its rule id (docs/attribution.md lists them).
 *
 * The cue finders of the tagger say what stands next to the quote ("said Jane Roe", "Roe said:");
 * these rules check it (a place, a listener or a headline's words are no speaker), resolve
 * pronouns by gender and salience, carry a speaker on to the quotes that continue their
 * statement, and take the subject of the quote's sentence when no cue names one. */
#ifndef TA_SPEAKER_RULES_H
#define TA_SPEAKER_RULES_H

#include "discourse.h"

/* Which finder of the tagger gave the speaker the rules start from. */
typedef enum sr_found_by {
	SR_FOUND_NONE,              /* no cue found */
	SR_FOUND_AFTER,             /* "…,” said Jane Roe" */
	SR_FOUND_BEFORE,            /* Jane Roe said: “…" */
	SR_FOUND_INSIDE,            /* « …, affirme-t-elle. … » */
	SR_FOUND_PREVIOUS_SENTENCE, /* Roe said so. “…" */
	SR_FOUND_CONTINUES,         /* “A,” she said. “B.” */
} sr_found_by;

typedef struct sr_quote {
	/* in */
	int para, last_para;  /* paragraphs of the first and the last piece */
	size_t open;          /* byte of the opening mark in para */
	size_t close;         /* byte after the closing mark in last_para (its length when open) */
	const char *found;    /* (nullable, borrowed) the speaker the finder gave; NULL: nobody */
	sr_found_by found_by;
	bool tentative;       /* a quote kept only if a cue rule names its speaker (sr_cue_rule) */
	/* out */
	char *speaker;        /* (nullable, owned: sr_quote_clear) */
	dc_kind kind;         /* the speaker's kind */
	const char *rule;     /* (static) the id of the rule that decided */
} sr_quote;

/* Decide the speaker of each of the n quotes, given in text order. */
void sr_choose(const dc_model *m, sr_quote *q, size_t n);

/* Whether rule names the speaker from a cue around the quote itself (a speech verb, a name, a
 * pronoun with its verb, a colon), not from continuation or salience: a partial quotation in
 * lower case ("Roe called it “a waste of time”") is a quotation only with such a cue. */
bool sr_cue_rule(const char *rule);
void sr_quote_clear(sr_quote *q);

/* For a language the model's vocabularies do not cover: each quote keeps the finder's speaker,
 * with the finder's rule id ("cue-after", ..., "none"). */
void sr_keep_finders(sr_quote *q, size_t n);

/* The same, and a quote no finder gave a speaker continues the previous quote's speaker as the
 * language-free rules say (continues-paragraph, continues-previous-paragraph): the quotation
 * marks and paragraphs are read the same way in every language. */
void sr_keep_finders_continued(const dc_model *m, sr_quote *q, size_t n);

/* The kind's name in JSON: "person", "organisation", "outlet", "place". */
const char *sr_kind_name(dc_kind k);

#endif
