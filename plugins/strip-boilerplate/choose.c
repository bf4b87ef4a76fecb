/* strip-boilerplate: choosing the main container. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The wrong long candidate: the chosen container holds little of the page's prose (paragraphs
 * of running text outside pruned parts) while one of its ancestors holds most of it (the pick
 * is one section of a page whose text is spread over several: a description beside a table, a
 * recipe's parts, one of a guide's chapters).  Then the deepest element holding
 * SB_COVER_SHARE of the prose replaces the pick, when it contains the pick and the pick holds
 * under SB_COVER_PICK_SHARE of it (rule prose-cover).  A cover elsewhere on the page is no
 * evidence: a long comment thread or a forum beside the article holds most of the prose too. */
#define SB_COVER_SHARE 0.6
#define SB_COVER_PICK_SHARE 0.3
#define SB_COVER_MIN 1000

static int sb_prose_cover(sb_ctx *c, int pick)
{
	sb_info *I = c->info;
	double total = I[0].kprose;
	if (total < SB_COVER_MIN || I[pick].kprose >= SB_COVER_PICK_SHARE * total)
		return pick;
	int cur = 0;
	for (;;) {
		int next = -1;
		for (xmlNodePtr ch = I[cur].node->children; ch; ch = ch->next) {
			int ci = sb_index(ch);
			if (ci >= 0 && I[ci].kprose >= SB_COVER_SHARE * total) {
				next = ci;
				break;
			}
		}
		if (next < 0)
			break;
		cur = next;
	}
	while (cur > 0 && I[cur].kind != K_CONTAINER && I[cur].kind != K_CELL && I[cur].kind != K_OTHER &&
	       I[cur].kind != K_INLINE)
		cur = I[cur].parent;
	if (cur == pick || !(pick >= cur && pick <= I[cur].last))
		return pick;
	c->rule = "prose-cover";
	return cur;
}

int sb_choose(sb_ctx *c, double *votes)
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

	c->best = best;
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
		c->rule = "json-ld-cover";
	}
	else if (mark >= 0 && I[mark].good >= 0.5 * ref) {
		pick = mark;
		c->rule = "body-class";
	} else if (sem >= 0 && I[sem].good >= 0.5 * ref && (best < 0 || (best >= sem && best <= I[sem].last) ||
	                                                    I[sem].good >= ref)) {
		pick = sem;
		c->rule = "semantic-element";
	} else {
		pick = best;
		c->rule = "paragraph-votes";
	}
	if (pick < 0) {
		pick = root;
		c->rule = "whole-body";
	}
	pick = sb_prose_cover(c, pick);
	/* too little: fall back to the whole body */
	if (I[pick].good < 0.2 * total_good && I[pick].good < (double)c->st->min_chars) {
		pick = root;
		c->rule = "too-short-whole-body";
	}
	return pick;
}
