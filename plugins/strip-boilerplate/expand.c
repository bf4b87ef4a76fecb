/* strip-boilerplate: keeping what sits beside the container (leads, standfirsts, blocks of the
 * container's class, the declared description). */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The lead between the headline and the container: the page's headline (a heading saying the
 * title) comes before the container, and a block between them that holds sentences (150+
 * characters, eight words, few links) is the article's lead, wherever the page nests it (rule
 * lead-after-headline).  Not captions (figures, caption boxes), and not a dek that repeats
 * the page's description (removed as such by the article-start step, not kept here). */
#define SB_HEADLINE_LEAD_MIN 150
#define SB_HEADLINE_LEAD_MAX 1500
#define SB_DEK_PROBE 60

#define SB_HEADLINE_LEAD_WORDS 8

/* Whether t holds a sentence: enough words, a sentence end after a word (not the point of an
 * ordinal, "14. June"), and no run of fields set apart by bars (a post's meta line). */
static bool sb_sentence_text(const char *t)
{
	int words = 1, bars = 0;
	bool end = false;
	for (const char *q = t; *q; q++) {
		if (*q == ' ' && q[1] && q[1] != ' ')
			words++;
		else if (*q == '|')
			bars++;
		else if ((*q == '.' || *q == '!' || *q == '?') && q > t && !isdigit((unsigned char)q[-1]) &&
		         q[-1] != ' ' && (q[1] == ' ' || !q[1] || q[1] == '"' || q[1] == '\n'))
			end = true;
	}
	return end && bars < 2 && words >= SB_HEADLINE_LEAD_WORDS;
}

static void sb_keep_headline_lead(sb_ctx *c, int pick)
{
	sb_info *I = c->info;
	const char *title = galley_article_get(c->a, GALLEY_FIELD_TITLE);
	if (!title)
		return;
	int head = -1;
	galley_buf k1 = {0}, k2 = {0}, dk = {0};
	const char *desc = galley_article_get(c->a, GALLEY_FIELD_DESCRIPTION);
	if (!desc)
		desc = galley_article_candidate_first(c->a, "description");
	if (desc)
		sb_key(&dk, desc, strlen(desc));
	for (int k = 0; k < pick; k++) {
		if (!sb_is_heading(I[k].node) || (I[k].flags & F_PRUNE) || I[k].text > 400)
			continue;
		xmlChar *t = xmlNodeGetContent(I[k].node);
		bool same = t && sb_same_title((const char *)t, title, &k1, &k2);
		xmlFree(t);
		if (same)
			head = k;
	}
	for (int k = head < 0 ? pick : I[head].last + 1; k < pick; k++) {
		sb_info *s = &I[k];
		if ((s->flags & (F_PRUNE | F_KEEP | F_IN_LINK)) || pick <= s->last)
			continue; /* an ancestor of the container is no lead */
		bool leaf = s->kind == K_BLOCK || (s->kind == K_CONTAINER && !(s->flags & F_BLOCKDESC));
		if (!leaf || sb_is_heading(s->node) || s->text < SB_HEADLINE_LEAD_MIN || s->text > SB_HEADLINE_LEAD_MAX ||
		    s->link > 0.2 * s->text)
			continue;
		xmlChar *t = xmlNodeGetContent(s->node);
		bool sentence = t && sb_sentence_text((const char *)t);
		if (sentence && dk.len >= SB_DEK_PROBE) {
			/* a dek repeating the description */
			sb_key(&k1, (const char *)t, strlen((const char *)t));
			sentence = !(k1.len >= SB_DEK_PROBE && !strncmp(k1.data, dk.data, SB_DEK_PROBE));
		}
		xmlFree(t);
		if (!sentence)
			continue;
		/* a caption is no lead: figcaptions, blocks in a figure or a caption box */
		bool inside = !xmlStrcasecmp(s->node->name, BAD_CAST "figcaption") || s->neg == R_CAPTION;
		for (int a = s->parent; a >= 0 && !inside; a = I[a].parent)
			if ((I[a].flags & (F_KEEP | F_PRUNE)) || I[a].kind == K_FIGURE || I[a].neg == R_CAPTION)
				inside = true;
		if (!inside)
			s->flags |= F_KEEP;
		k = s->last;
	}
	galley_buf_free(&k1);
	galley_buf_free(&k2);
	galley_buf_free(&dk);
}

/* The lead the page declares as its description: the description (bytes) and the block's key
 * form compared on their first SB_DESC_LEAD_PROBE bytes; a paragraph or a box of loose text
 * (rule description-lead-box) of SB_DESC_LEAD_MIN to SB_DESC_LEAD_MAX characters. */
#define SB_DESC_LEAD_PROBE 60
#define SB_DESC_LEAD_MIN 60
#define SB_DESC_LEAD_MAX 1500

void sb_expand(sb_ctx *c, int pick)
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
	/* the body split in several blocks of the same class (page builders): the others too (with
	 * a JSON-LD pick, those holding declared text) */
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
	if (desc && strlen(desc) >= SB_DESC_LEAD_PROBE) {
		galley_buf dk = {0}, bk = {0};
		sb_key(&dk, desc, strlen(desc));
		size_t probe = dk.len > SB_DESC_LEAD_PROBE ? SB_DESC_LEAD_PROBE : dk.len;
		dk.data[probe] = '\0';
		for (size_t k = 0; k < c->n; k++) {
			sb_info *s = &I[k];
			if ((int)k >= pick && (int)k <= I[pick].last)
				continue;
			if ((int)k > pick)
				break; /* a lead comes before the body */
			/* a paragraph, or a box of loose text without blocks inside (rule description-lead-box) */
			bool leaf = s->kind == K_BLOCK || (s->kind == K_CONTAINER && !(s->flags & F_BLOCKDESC));
			if (!leaf || (s->flags & (F_PRUNE | F_KEEP)) || s->text < SB_DESC_LEAD_MIN || s->text > SB_DESC_LEAD_MAX)
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
	sb_keep_headline_lead(c, pick);
}
