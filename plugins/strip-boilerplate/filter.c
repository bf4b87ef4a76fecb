/* strip-boilerplate: the block filters on the output. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_remove_block(sb_ctx *c, sb_block *b, int reason)
{
	if (b->reason)
		return;
	b->reason = reason;
	galley_buf ctx = {0};
	xmlNodePtr src = b->node->_private;
	if (c->text_mode)
		galley_buf_printf(&ctx, "paragraph %zu", b->index + 1);
	else if (src)
		sb_context(c, src, &ctx);
	else
		galley_buf_puts(&ctx, (const char *)b->node->name);
	sb_record(c, reason, b->text, ctx.data);
	galley_buf_free(&ctx);
}

void sb_remove_block_rule(sb_ctx *c, sb_block *b, int reason, const char *rule)
{
	const char *was = c->removal_rule;
	c->removal_rule = rule;
	sb_remove_block(c, b, reason);
	c->removal_rule = was;
}

/* The title not duplicated: the first heading or header line equal to the title. */
static void sb_pass_title(sb_pass *p)
{
	const char *title = galley_article_get(p->c->a, GALLEY_FIELD_TITLE);
	if (!title)
		return;
	for (size_t i = 0; i < p->n && i <= p->first_prose; i++) {
		sb_block *b = &p->v[i];
		if (b->len > 400)
			break;
		if (sb_same_title(b->text, title, &p->k, &p->k2)) {
			sb_remove_block_rule(p->c, b, R_TITLE, SB_RULE_TITLE_REPEAT);
			break;
		}
	}
}

/* Duplicates: a block whose text was seen before (captions repeated as paragraphs, teasers and
 * furniture shown twice, print and screen copies of the same text).  A paragraph of prose the
 * article repeats on its own (a refrain, a repeated answer) is the article's: it stays, unless
 * a neighbour is repeated too (a copied run of the text). */
#define SB_DUP_PROSE_MIN 100

static bool sb_dup_prose(const sb_block *b)
{
	return !b->heading && b->len >= SB_DUP_PROSE_MIN && b->sentence && !strcmp((const char *)b->node->name, "p");
}

static void sb_pass_duplicates(sb_pass *p)
{
	sb_u64set seen = {0};
	bool *dup = galley_calloc(p->n + 1, sizeof *dup);
	for (size_t i = 0; i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		if ((b->in_list || !strcmp((const char *)b->node->name, "tr")) && !p->text_mode)
			continue; /* list items and table rows repeat legitimately */
		sb_key(&p->k, b->text, strlen(b->text));
		if (!p->k.len)
			continue;
		uint64_t h = sb_hash(p->k.data, p->k.len);
		if (sb_set_has(&seen, h)) {
			dup[i] = true;
			continue;
		}
		sb_set_add(&seen, h);
	}
	for (size_t i = 0; i < p->n; i++) {
		if (!dup[i])
			continue;
		bool run = (i > 0 && dup[i - 1]) || (i + 1 < p->n && dup[i + 1]);
		if (p->text_mode || run || !sb_dup_prose(&p->v[i]))
			sb_remove_block_rule(p->c, &p->v[i], R_DUPLICATE, SB_RULE_DUPLICATE_BLOCK);
	}
	free(dup);
	free(seen.v);
}

/* Text mode: header lines before the first sentence paragraph.  A line seen twice is a
 * caption, except the last distinct header line, the category or kicker, which becomes a
 * tag. */
static void sb_pass_text_header(sb_pass *p)
{
	sb_ctx *c = p->c;
	sb_block *v = p->v;
	size_t first_prose = p->first_prose;
	ssize_t tag_line = -1;
	/* bylines, datelines and credits first: they keep their own reasons */
	for (size_t i = 0; i < first_prose; i++) {
		sb_block *b = &v[i];
		if (b->reason)
			continue;
		int lp = sb_line_prefix(c, b, &p->k);
		if (lp)
			sb_remove_block_rule(c, b, lp, SB_RULE_LINE_PREFIX);
		else if (sb_dateline(c, b, &p->k))
			sb_remove_block_rule(c, b, R_DATELINE, SB_RULE_DATELINE_SHORT);
	}
	for (size_t i = 0; i < first_prose; i++) {
		sb_block *b = &v[i];
		if (b->reason)
			continue;
		if (!b->sentence && b->len <= 80)
			tag_line = (ssize_t)i;
	}
	for (size_t i = 0; i < first_prose; i++) {
		sb_block *b = &v[i];
		sb_key(&p->k, b->text, strlen(b->text));
		bool dup_of_tag = false;
		if (tag_line >= 0) {
			sb_key(&p->k2, v[tag_line].text, strlen(v[tag_line].text));
			dup_of_tag = !strcmp(p->k.data, p->k2.data);
		}
		if ((ssize_t)i == tag_line || dup_of_tag) {
			if ((ssize_t)i == tag_line)
				galley_article_list_add(c->a, GALLEY_LIST_TAGS, b->text);
			if (!b->reason)
				sb_remove_block_rule(c, b, R_TAGS, SB_RULE_TEXT_KICKER);
			continue;
		}
		if (!b->reason && !b->sentence && b->len <= 120)
			sb_remove_block_rule(c, b, R_CAPTION, SB_RULE_TEXT_HEADER_LINE);
	}
}

/* Duplicated lines before the body removed as duplicates: their first copies are captions. */
static void sb_pass_repeated_captions(sb_pass *p)
{
	for (size_t i = 0; i < p->first_prose; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->heading || b->sentence)
			continue;
		for (size_t j = i + 1; j <= p->first_prose + 1 && j < p->n; j++)
			if (p->v[j].reason == R_DUPLICATE && !strcmp(p->v[j].text, b->text)) {
				sb_remove_block_rule(p->c, b, R_CAPTION, SB_RULE_REPEATED_CAPTION);
				break;
			}
	}
}

/* A teaser header that holds its own link ("Read more: <a>Another story</a>") is the whole
 * teaser: what follows it is the article again unless it is links too (rule teaser-inline; a
 * subheading after a one-line teaser is no teaser). */
#define SB_TEASER_OWN_LINK 0.3

/* A teaser header's list of links after it, up to the next prose block. */
static void sb_pass_teaser_list(sb_pass *p, size_t i)
{
	const sb_block *h = &p->v[i];
	bool own_link = h->len > 0 && h->link >= SB_TEASER_OWN_LINK * h->len;
	for (size_t j = i + 1; j < p->n; j++) {
		sb_block *d = &p->v[j];
		if (d->reason)
			continue;
		double dld = d->len > 0 ? d->link / d->len : 0;
		bool short_line = !own_link && d->len < 100 && !d->sentence;
		if (dld >= 0.5 || short_line || (d->in_list && d->len < 200 && dld > 0.2))
			sb_remove_block_rule(p->c, d, R_TEASER, own_link ? SB_RULE_TEASER_INLINE : SB_RULE_TEASER_HEADER);
		else
			break;
	}
}

/* Whether a table row has a cell with text and no link: a label or a quantity beside a linked
 * value is a row of data ("Stadium | <a>Name</a>", "1 pack | <a>Product</a>"), not a row of
 * links (rule data-row-links). */
static bool sb_row_has_plain_cell(xmlNodePtr tr)
{
	for (xmlNodePtr td = tr->children; td; td = td->next) {
		if (td->type != XML_ELEMENT_NODE || (strcmp((const char *)td->name, "td") && strcmp((const char *)td->name, "th")))
			continue;
		bool text = false, link = false;
		for (xmlNodePtr n = td->children; n; n = n->next) {
			if (n->type == XML_TEXT_NODE && n->content) {
				for (const xmlChar *q = n->content; *q; q++)
					if (!isspace(*q)) {
						text = true;
						break;
					}
			} else if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "a"))
				link = true;
			else if (n->type == XML_ELEMENT_NODE) {
				xmlChar *t = xmlNodeGetContent(n);
				if (t && *t)
					text = true; /* inline markup: its text, unless it holds a link (rare) */
				xmlFree(t);
			}
		}
		if (text && !link)
			return true;
	}
	return false;
}

/* Per-block rules: line prefixes, teaser headers, photo credits, datelines, link density. */
static void sb_pass_lines(sb_pass *p)
{
	sb_ctx *c = p->c;
	for (size_t i = 0; i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		double ld = b->len > 0 ? b->link / b->len : 0;
		int lp = sb_line_prefix(c, b, &p->k);
		if (lp) {
			sb_remove_block_rule(c, b, lp, SB_RULE_LINE_PREFIX);
			continue;
		}
		if (sb_teaser(c, b, &p->k)) {
			bool own_link = b->len > 0 && b->link >= SB_TEASER_OWN_LINK * b->len;
			sb_remove_block_rule(c, b, R_TEASER, own_link ? SB_RULE_TEASER_INLINE : SB_RULE_TEASER_HEADER);
			sb_pass_teaser_list(p, i);
			continue;
		}
		if (sb_photo_credit(c, b, &p->k)) {
			sb_remove_block_rule(c, b, R_CAPTION, SB_RULE_PHOTO_AGENCY);
			continue;
		}
		if (sb_dateline(c, b, &p->k)) {
			sb_remove_block_rule(c, b, R_DATELINE, SB_RULE_DATELINE_SHORT);
			continue;
		}
		/* link density: lists of links, link-only lines */
		bool data_row = !strcmp((const char *)b->node->name, "tr") && ld < 1.0 && sb_row_has_plain_cell(b->node);
		if (!data_row && ((ld > 0.5 && b->len < 300) || (ld > 0.3 && b->in_list && b->len < 150 && !b->sentence) ||
		                  ld > 0.8)) {
			sb_remove_block_rule(c, b, R_LINK_DENSITY, SB_RULE_LINK_DENSE);
			continue;
		}
	}
}

/* An author's sign-off: a short line (SB_SIGNOFF_WORDS words, SB_SIGNOFF_MAX characters at
 * most) opening with a closing formula of sign-offs.txt ("Euer Tom", "x Anna"). */
#define SB_SIGNOFF_WORDS 4
#define SB_SIGNOFF_MAX 40
/* ... among the first lines after the text's last paragraph */
#define SB_SIGNOFF_WITHIN 3

static bool sb_sign_off(const sb_ctx *c, const sb_block *b, galley_buf *k, galley_buf *pad)
{
	if (b->heading || b->len > SB_SIGNOFF_MAX || b->link > 0)
		return false;
	sb_key(k, b->text, strlen(b->text));
	int words = 0;
	for (size_t i = 0; i < k->len; i++)
		if (!i || (k->data[i - 1] == ' ' && k->data[i] != ' '))
			words++;
	if (!k->len || words > SB_SIGNOFF_WORDS)
		return false;
	galley_buf_reset(pad);
	galley_buf_printf(pad, " %s ", k->data);
	for (size_t i = 0; i < c->st->n_signoffs; i++)
		if (!strncmp(pad->data, c->st->signoffs[i], strlen(c->st->signoffs[i])))
			return true;
	return false;
}

/* A prose block: not a heading, SB_PROSE_MIN characters or more, under SB_PROSE_LINK_SHARE of
 * them in links (where the text starts, where it ends). */
#define SB_PROSE_MIN 100
#define SB_PROSE_LINK_SHARE 0.3

/* The tail: after the last prose paragraph, short lines (under SB_TAIL_SHORT characters) that
 * are not sentences and headings that head nothing are the page's furniture (calls to
 * subscribe, "comments closed", share labels, author boxes), and so is any line over
 * SB_TAIL_LINK_SHARE links; a sign-off and the lines before it stay only with that share of
 * links at most. */
#define SB_TAIL_SHORT 100
#define SB_TAIL_LINK_SHARE 0.3

static void sb_pass_tail(sb_pass *p)
{
	ssize_t last_prose = -1;
	for (size_t i = 0; i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (!b->reason && !b->heading && b->len >= SB_PROSE_MIN && b->link < SB_PROSE_LINK_SHARE * b->len)
			last_prose = (ssize_t)i;
	}
	if (last_prose < 0)
		return;
	/* the author's sign-off among the first lines after the last paragraph closes the text:
	 * it and the short closing lines before it stay (rule sign-off) */
	size_t sign_off = 0;
	int seen = 0;
	for (size_t i = (size_t)last_prose + 1; i < p->n && seen < SB_SIGNOFF_WITHIN; i++) {
		sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		seen++;
		if (sb_sign_off(p->c, b, &p->k, &p->k2)) {
			sign_off = i;
			break;
		}
	}
	for (size_t i = (size_t)last_prose + 1; i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		if (i <= sign_off && !b->heading && b->link <= SB_TAIL_LINK_SHARE * b->len)
			continue;
		const char *nm = (const char *)b->node->name;
		bool structured = b->in_list || !strcmp(nm, "pre") || !strcmp(nm, "tr") || !strcmp(nm, "dd") ||
		                  !strcmp(nm, "dt");
		if (b->link > SB_TAIL_LINK_SHARE * b->len ||
		    (!structured && (b->heading || (!b->sentence && b->len < SB_TAIL_SHORT))))
			sb_remove_block_rule(p->c, b, R_SHORT, SB_RULE_TAIL_SHORT);
	}
}

/* Advertising disclaimers go; image credits are cut off the end of captions and paragraphs. */
static void sb_pass_disclaimers_credits(sb_pass *p)
{
	sb_ctx *c = p->c;
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].reason)
			continue;
		if (sb_has_phrase(c->st->disclaimers, c->st->n_disclaimers, &p->v[i], 300, &p->k, &p->k2))
			sb_remove_block_rule(c, &p->v[i], R_AD, SB_RULE_DISCLAIMER);
		else
			sb_cut_credit(c, &p->v[i], &p->k);
	}
}

/* The page declares its text (JSON-LD articleBody) and the output shows most of it: short
 * blocks that are not part of it are captions, credits and furniture. */
static void sb_pass_declared(sb_pass *p)
{
	sb_ctx *c = p->c;
	if (!c->jsonld || c->jl_covered < 0.6 * (double)c->jsonld_len)
		return;
	for (size_t i = 0; i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->heading || b->len >= 120 || b->in_list)
			continue;
		sb_key(&p->k, b->text, strlen(b->text));
		if (p->k.len < 8)
			continue;
		if (!sb_in_jsonld(c, p->k.data, p->k.len))
			sb_remove_block_rule(c, b, R_OUTSIDE, SB_RULE_OUTSIDE_DECLARED);
	}
}

/* Repeated blocks: a short block whose text the page also shows in a removed part (a teaser
 * repeated in a sidebar, a menu entry). */
static void sb_pass_seen_outside(sb_pass *p)
{
	for (size_t i = 0; i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->len >= 200 || b->heading)
			continue;
		sb_key(&p->k, b->text, strlen(b->text));
		if (p->k.len >= 12 && sb_set_has(&p->c->seen_out, sb_hash_unspaced(p->k.data, p->k.len)))
			sb_remove_block_rule(p->c, b, R_DUPLICATE, SB_RULE_SEEN_OUTSIDE);
	}
}

/* Calls to action near the end: subscribe, donate, follow us, download the app. */
static void sb_pass_calls_to_action(sb_pass *p)
{
	size_t n = p->n;
	size_t from = n > 4 ? n - 4 : 0;
	if (n - n / 4 < from)
		from = n - n / 4;
	for (size_t i = from; i < n; i++) {
		sb_block *b = &p->v[i];
		if (!b->reason && sb_call_to_action(p->c, b, &p->k, &p->k2))
			sb_remove_block_rule(p->c, b, R_NEWSLETTER, SB_RULE_CALL_TO_ACTION);
	}
}

void sb_filter(sb_ctx *c, sb_blocks *bl, bool text_mode)
{
	sb_pass p = {.c = c, .v = bl->v, .n = bl->n, .first_prose = bl->n, .text_mode = text_mode};
	size_t n = bl->n;
	for (size_t i = 0; i < n; i++)
		if (!bl->v[i].heading && bl->v[i].len >= SB_PROSE_MIN && bl->v[i].link < SB_PROSE_LINK_SHARE * bl->v[i].len) {
			p.first_prose = i;
			break;
		}
	sb_pass_title(&p);
	sb_pass_duplicates(&p);
	if (text_mode && p.first_prose < n)
		sb_pass_text_header(&p);
	if (!text_mode)
		sb_pass_repeated_captions(&p);
	sb_pass_lines(&p);
	sb_pass_lead(&p);
	sb_pass_tail(&p);
	sb_pass_disclaimers_credits(&p);
	sb_pass_declared(&p);
	sb_pass_seen_outside(&p);
	sb_pass_calls_to_action(&p);
	if (!c->st->captions) {
		for (size_t i = 0; i < n; i++) {
			sb_block *b = &bl->v[i];
			if (!b->reason && !strcmp((const char *)b->node->name, "figcaption"))
				sb_remove_block_rule(c, b, R_CAPTION, SB_RULE_CAPTIONS_OPTION);
		}
	}
	/* text mode: a trailing teaser header takes everything after it */
	if (text_mode) {
		for (size_t i = 0; i < n; i++)
			if (bl->v[i].reason == R_TEASER)
				for (size_t j = i + 1; j < n; j++)
					if (!bl->v[j].reason && bl->v[j].len < 200)
						sb_remove_block_rule(c, &bl->v[j], R_TEASER, SB_RULE_TEXT_TEASER_TAIL);
	}
	/* unlink removed blocks */
	for (size_t i = 0; i < n; i++)
		if (bl->v[i].reason) {
			xmlUnlinkNode(bl->v[i].node);
			xmlFreeNode(bl->v[i].node);
			bl->v[i].node = NULL;
		}
	galley_buf_free(&p.k);
	galley_buf_free(&p.k2);
}
