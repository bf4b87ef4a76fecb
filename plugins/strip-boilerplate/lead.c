/* strip-boilerplate: where the article starts.  The lines the page sets before the article's
 * first paragraph (section labels, credits, "Advertisement", bylines...) become removed blocks
 * with their reasons, so the text starts with the article and the attribution tagger still reads
 * them; every decision records its rule's id (docs/extraction.md, "Where the article starts"). */
#include "sb.h"

#include <string.h>

/* The article starts at its first paragraph: short lines before it that hold no sentence (a
 * section label, a byline or a photographer's credit left over, "Advertisement", "5 Min Read")
 * are no part of its text.  Only where the first prose paragraph comes early (the page's header
 * zone): a run of short lines before it is a poem, a recipe or a product's facts. */
#define SB_LEAD_ZONE 5
#define SB_LEAD_LABEL_MAX 40
/* Whether a line holds a sentence's end anywhere: . ! ? and the CJK full stops. */
static bool sb_has_sentence_end(const char *t)
{
	for (const char *q = t; *q; q++) {
		if (*q == '.' || *q == '!' || *q == '?')
			return true;
		if (!strncmp(q, "\xe3\x80\x82", 3) || !strncmp(q, "\xef\xbc\x81", 3) || !strncmp(q, "\xef\xbc\x9f", 3))
			return true;
	}
	return false;
}

void sb_pass_lead_start(sb_pass *p)
{
	if (p->text_mode || p->first_prose > SB_LEAD_ZONE)
		return;
	for (size_t i = 0; i < p->first_prose && i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->in_list || b->heading || strcmp((const char *)b->node->name, "p"))
			continue;
		/* a line that opens a quotation or introduces what follows is the article's */
		size_t tl = strlen(b->text);
		if (!tl || b->text[tl - 1] == ':' || (unsigned char)b->text[0] >= 0xE2 || b->text[0] == '"')
			continue;
		if (b->len < SB_LEAD_LABEL_MAX && !sb_has_sentence_end(b->text)) {
			/* header matter of the article, before its text; "Eine Kolumne von Jane Doe"
			 * is the byline */
			const char *where = p->c->where;
			p->c->where = "before-body";
			sb_key(&p->k, b->text, tl);
			if (sb_byline_inside_key(p->c, p->k.data))
				sb_remove_block_rule(p->c, b, R_BYLINE, "lead-byline");
			else
				sb_remove_block_rule(p->c, b, R_HEADER, "lead-label");
			p->c->where = where;
		}
	}
}
