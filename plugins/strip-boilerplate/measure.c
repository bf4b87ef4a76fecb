/* strip-boilerplate, passes 2 and 3 (measure): text, link text and prose of every subtree, the
 * prune flags, "good" text, and the paragraph votes of the Readability-style choice. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool sb_is_para_like(const sb_info *in)
{
	return in->kind == K_BLOCK || in->kind == K_CELL || in->kind == K_LI || in->kind == K_QUOTE;
}

/* Pass 2 (reverse pre-order = children before parents): totals, marks, paragraph scores. */
void sb_measure(sb_ctx *c)
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
/* Prose (characters of long paragraphs with few links) that outweighs class words: an element
 * this much prose, mostly prose, or holding this share of the page's prose is not pruned for
 * its class or id alone. */
#define SB_PROSE_MIN 400
#define SB_PROSE_SHARE 0.5

void sb_good(sb_ctx *c)
{
	double total = c->n ? c->info[0].text : 0;
	double page_prose = c->n ? c->info[0].prose : 0;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &c->info[k];
		int r = sb_own_reason(in);
		/* never prune what holds the article: the mark, or most of the page's text; only
		 * what is really hidden (the hidden attribute, inline display:none, aria-hidden) goes
		 * even then, a class name alone ("modal", "hidden-xs") is no proof */
		if (r && (in->flags & F_CONTAINS_MARK) && !(in->flags & F_HIDDEN) && in->kind != K_DROP)
			r = 0;
		if (r && in->kind != K_DROP && total > 0 && in->text > 0.6 * total)
			r = 0;
		/* class words are weak evidence against prose: a "widget" holding paragraphs of
		 * running text is the article in some page builders, a layout column named "sidebar"
		 * or a "collapse" wrapper holds the article's sentences */
		if (r && in->kind == K_CONTAINER && in->neg == r && !(in->flags & F_HIDDEN) && r != R_COMMENTS &&
		    r != R_COOKIE && r != R_PAYWALL &&
		    ((in->prose >= SB_PROSE_MIN && in->prose >= 0.5 * in->text) ||
		     (page_prose >= SB_PROSE_MIN && in->prose >= SB_PROSE_SHARE * page_prose)))
			r = 0;
		/* the guard's relaxed methods: class, id, role and itemprop words prune nothing; tags
		 * (nav, aside, footer, forms) and real hiding still do */
		if (r && c->method != SB_METHOD_MAIN && in->neg == r && !(in->flags & F_HIDDEN) && in->kind != K_DROP &&
		    in->kind != K_FORM && in->kind != K_NAV && in->kind != K_ASIDE && in->kind != K_FOOTER)
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
		if (!(in->flags & F_PRUNE) && in->prose >= in->text && in->text > 0 &&
		    (in->kind == K_BLOCK || in->kind == K_LI))
			in->kprose = in->text; /* a prose block (its children's prose is part of it) */
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
			c->info[in->parent].kprose += in->kprose;
		}
	}
}

/* A loose paragraph (text between double line breaks) votes when it has this many characters
 * on average. */
#define SB_LOOSE_PARA_MIN 100

/* Votes in a separate array (parents are visited after children in reverse order, so the
 * comma count in score would be overwritten; keep them apart). */
double *sb_votes(sb_ctx *c)
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
		int paras = 1;
		bool after_br = false;
		for (xmlNodePtr ch = in->node->children; ch; ch = ch->next) {
			int ci = sb_index(ch);
			if (ci >= 0 && c->info[ci].kind != K_INLINE && c->info[ci].kind != K_A && c->info[ci].kind != K_OTHER &&
			    c->info[ci].kind != K_BR)
				child_text += c->info[ci].text;
			/* loose paragraphs are separated by two line breaks (white space between them aside) */
			if (ci >= 0 && c->info[ci].kind == K_BR) {
				if (after_br)
					paras++;
				after_br = !after_br;
			} else if (ch->type == XML_ELEMENT_NODE || (ch->type == XML_TEXT_NODE && !xmlIsBlankNode(ch)))
				after_br = false;
		}
		double own = in->text - child_text - in->link;
		if (own >= 100) {
			/* each loose paragraph votes as a <p> would (rule loose-paragraphs) */
			if (paras > own / SB_LOOSE_PARA_MIN)
				paras = (int)(own / SB_LOOSE_PARA_MIN);
			double s = paras + (in->score > 10 ? 10 : in->score) +
			           (own / 100 > 3 * paras ? 3 * paras : own / 100);
			v[k] += s;
			if (in->parent >= 0)
				v[in->parent] += s / 2;
		}
	}
	return v;
}
