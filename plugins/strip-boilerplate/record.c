/* strip-boilerplate: the record of removed blocks: each with its reason, its text and where it
 * was, on the article (galley_article_add_removed), for explain output and the attribution
 * tagger; and the text of the page's subtrees as a reader sees it. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_context(sb_ctx *c, xmlNodePtr n, galley_buf *b)
{
	galley_buf_reset(b);
	galley_buf_puts(b, n->name ? (const char *)n->name : "?");
	const char *id = sb_attr(n, "id"), *cl = sb_attr(n, "class");
	if (id) {
		galley_buf_putc(b, '#');
		galley_buf_append(b, id, strcspn(id, " \t\n"));
	}
	if (cl) {
		const char *p = cl;
		while (*p == ' ')
			p++;
		size_t l = strcspn(p, " \t\n");
		if (l) {
			galley_buf_putc(b, '.');
			galley_buf_append(b, p, l > 40 ? 40 : l);
		}
	}
}

void sb_record_key(sb_ctx *c, int reason, const char *text, const char *context, const galley_buf *key)
{
	if (!text || !*text)
		return;
	if (!c->filtering && strlen(text) < 300) {
		galley_buf k = {0};
		if (!key) {
			sb_key(&k, text, strlen(text));
			key = &k;
		}
		if (key->len >= 12)
			sb_set_add(&c->seen_out, sb_hash_unspaced(key->data, key->len));
		galley_buf_free(&k);
	}
	galley_buf ctx = {0};
	if (c->where && !c->text_mode) {
		galley_buf_puts(&ctx, context ? context : "");
		galley_buf_putc(&ctx, ' ');
		galley_buf_puts(&ctx, c->where);
		if (c->within && c->within != reason) {
			galley_buf_puts(&ctx, " in:");
			galley_buf_puts(&ctx, sb_reason_names[c->within]);
		}
		context = ctx.data;
	}
	sb_recs *rs = &c->recs;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->v = galley_realloc(rs->v, rs->cap * sizeof *rs->v);
	}
	rs->v[rs->n++] = (sb_rec){.reason = reason, .text = galley_strdup(text),
	                          .context = context ? galley_strdup(context) : NULL, .rule = c->removal_rule};
	galley_buf_free(&ctx);
}

void sb_recs_commit(sb_recs *rs, galley_article *a)
{
	for (size_t i = 0; i < rs->n; i++) {
		galley_removed r = {.reason = sb_reason_names[rs->v[i].reason], .text = rs->v[i].text,
		                    .context = rs->v[i].context, .rule = rs->v[i].rule};
		galley_article_add_removed(a, &r);
		/* the standfirst the article-start step set apart is the article's dek */
		if (rs->v[i].reason == R_DEK && !galley_article_get(a, GALLEY_FIELD_DEK))
			galley_article_set(a, GALLEY_FIELD_DEK, rs->v[i].text);
	}
	sb_recs_free(rs);
}

void sb_recs_free(sb_recs *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->v[i].text);
		free(rs->v[i].context);
	}
	free(rs->v);
	memset(rs, 0, sizeof *rs);
}

void sb_record(sb_ctx *c, int reason, const char *text, const char *context)
{
	sb_record_key(c, reason, text, context, NULL);
}

/* The code point that ends b[0..len), or 0. */
static uint32_t sb_last_cp(const galley_buf *b, size_t len)
{
	if (!len)
		return 0;
	size_t i = len - 1;
	while (i > 0 && ((unsigned char)b->data[i] & 0xC0) == 0x80)
		i--;
	const char *p = b->data + i;
	return galley_utf8_next(&p, b->data + len);
}

static bool sb_cp_upper(uint32_t c)
{
	return c != sb_lower_cp(c);
}

static bool sb_cp_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0x24F && !sb_cp_upper(c) && c != 0xF7);
}

static bool sb_cp_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Two inline elements side by side with no space between (two elements next to each other with
 * no text between always get one when letters would touch: "Spließ</span><span>in") ("<span>von</span><a>Chris
 * Jung</a>", "<a>Anna Roe</a><time>12.03.2022</time>"): the page usually sets them apart with
 * its style.  A space goes where the text would otherwise glue a lower-case letter to a
 * capital, or a letter to a digit ("vonChris Vogtland", "Roe12.03.2022"); a drop capital
 * ("<b>W</b>ord") and words split by markup stay whole. */
static void sb_boundary_space(galley_buf *b, size_t at, bool adjacent)
{
	if (!at || at >= b->len || b->data[at - 1] == ' ')
		return;
	uint32_t before = sb_last_cp(b, at);
	const char *p = b->data + at;
	uint32_t after = galley_utf8_next(&p, b->data + b->len);
	bool letters = (sb_cp_lower(before) || sb_cp_upper(before) || sb_cp_digit(before)) &&
	               (sb_cp_lower(after) || sb_cp_upper(after) || sb_cp_digit(after));
	bool glue = (adjacent && letters) || (sb_cp_lower(before) && sb_cp_upper(after)) || ((sb_cp_lower(before) || sb_cp_upper(before)) && sb_cp_digit(after)) ||
	            (sb_cp_digit(before) && (sb_cp_upper(after) || sb_cp_lower(after))) || ((before == ':' || before == '|') && after > ' ');
	if (!glue)
		return;
	galley_buf_putc(b, ' '); /* grow by one, then shift the tail */
	memmove(b->data + at + 1, b->data + at, b->len - at - 1);
	b->data[at] = ' ';
}

/* Whether an element is hidden from the reader (display:none, the hidden attribute): its text
 * is no part of the line around it ("<span style="display: none;">0 Kommentare</span><span
 * class="author">Lars</span>" reads "Lars").  A hidden credit the page keeps for machines (a
 * byline's or a date's microformat) stays. */
bool sb_hidden_part(const sb_ctx *c, xmlNodePtr n)
{
	int idx = sb_index(n);
	if (idx < 0 || !(c->info[idx].flags & F_HIDDEN))
		return false;
	int neg = c->info[idx].neg;
	return neg != R_BYLINE && neg != R_DATELINE && neg != R_AUTHOR_BOX && neg != R_META;
}

void sb_collect_text(const sb_ctx *c, xmlNodePtr n, galley_buf *b, int depth)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			size_t at = b->len;
			galley_buf_puts(b, (const char *)ch->content);
			if (ch->prev && ch->prev->type == XML_ELEMENT_NODE)
				sb_boundary_space(b, at, false);
		} else if (ch->type == XML_ELEMENT_NODE && depth < SB_MAX_DEPTH) {
			int k = sb_kind_of(ch);
			if (k == K_DROP || sb_hidden_part(c, ch))
				continue;
			if (k == K_BR)
				galley_buf_putc(b, ' ');
			size_t at = b->len;
			sb_collect_text(c, ch, b, depth + 1);
			if (k == K_INLINE || k == K_A || k == K_OTHER)
				sb_boundary_space(b, at, ch->prev && ch->prev->type == XML_ELEMENT_NODE);
			if (k != K_INLINE && k != K_A && k != K_OTHER)
				galley_buf_putc(b, ' ');
		}
	}
}

/* Whether n holds a block element, directly or through inline elements: from the flag the
 * measuring pass computed, or (for nodes it did not see) by looking, to a bounded depth. */
static bool sb_has_block_child_depth(const sb_ctx *c, xmlNodePtr n, int depth)
{
	int idx = sb_index(n);
	if (idx >= 0)
		return (c->info[idx].flags & F_BLOCKDESC) != 0;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		int k = sb_kind_of(ch);
		if (!sb_inline_kind(k))
			return true;
		if (k != K_BR && k != K_IMG && k != K_DROP && depth < 64 && sb_has_block_child_depth(c, ch, depth + 1))
			return true;
	}
	return false;
}

bool sb_has_block_child(const sb_ctx *c, xmlNodePtr n)
{
	return sb_has_block_child_depth(c, n, 0);
}

/* The title's key form, computed once per article. */
static const galley_buf *sb_title_key(sb_ctx *c)
{
	if (!c->title_done) {
		const char *title = galley_article_get(c->a, GALLEY_FIELD_TITLE);
		c->title_done = true;
		if (title)
			sb_key(&c->title_key, title, strlen(title));
	}
	return c->title_key.len ? &c->title_key : NULL;
}

/* Key forms equal, or the block is the start of a longer title ("Title - Site"). */
static bool sb_same_title_key(const char *k1, size_t l1, const galley_buf *tk)
{
	if (!l1 || !tk || !tk->len)
		return false;
	if (l1 == tk->len && !memcmp(k1, tk->data, l1))
		return true;
	return tk->len > l1 && l1 >= 20 && !memcmp(k1, tk->data, l1);
}

static void sb_record_text(sb_ctx *c, xmlNodePtr n, int reason, galley_buf *b)
{
	char *t = sb_norm(sb_cstr(b));
	if (*t) {
		galley_buf k = {0};
		size_t tl = strlen(t);
		sb_key(&k, t, tl);
		if ((reason == R_OUTSIDE || reason == R_HEADER) && sb_same_title_key(k.data, k.len, sb_title_key(c)))
			reason = R_TITLE;
		/* what the line says beats where it was: "By Jane Doe" in a header or a meta line is a
		 * byline for the attribution tagger */
		if (tl <= 600 && (reason == R_OUTSIDE || reason == R_HEADER || reason == R_META || reason == R_DATELINE ||
		                  reason == R_FOOTER || reason == R_SIDEBAR || reason == R_SHORT)) {
			unsigned char last = (unsigned char)t[tl - 1];
			int r = sb_line_prefix_key(c, t, k.data, k.len, (double)galley_utf8_length(t, tl),
			                           last == '.' || last == '!' || last == '?');
			bool weak = reason == R_OUTSIDE || reason == R_HEADER || reason == R_META || reason == R_SHORT;
			if (r && (weak || r == R_BYLINE))
				reason = r;
			else if (reason == R_META && tl <= 200 && sb_byline_inside_key(c, k.data))
				reason = R_BYLINE;
		}
		galley_buf ctx = {0};
		sb_context(c, n, &ctx);
		sb_record_key(c, reason, t, ctx.data, &k);
		galley_buf_free(&ctx);
		galley_buf_free(&k);
	}
	free(t);
	galley_buf_reset(b);
}

/* Words in a white-space normalised text (runs of non-spaces holding a letter), its
 * characters other than spaces, and whether it has no capital. */
static int sb_line_words(const char *t, size_t *chars, bool *lower)
{
	int words = 0;
	bool in_word = false;
	*chars = 0;
	*lower = true;
	for (const char *p = t; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool sp = ch == ' ';
		if (!sp && !in_word && (isalpha(ch) || ch >= 0x80))
			words++;
		if (isupper(ch))
			*lower = false;
		if (!sp && (ch & 0xC0) != 0x80)
			(*chars)++;
		in_word = !sp;
	}
	return words;
}

/* A byline whose names sit in blocks of their own, the words between them loose in the line
 * ("<div class="byline">By <div class="byline-unit">David Morrow</div><span> and </span><div
 * class="byline-unit">Samir Haddad</div></div>"): its pieces are recorded one by one ("By",
 * "David Morrow", "and", ...), and the whole line as the page shows it ("By David Morrow and Samir
 * Haddad") after them, so the attribution tagger sees the credit line as printed. Only a
 * short line of at least two name blocks (two to five words each, no other block), each after
 * the first set apart by a separator: punctuation or one short lower-case word ("and", "und",
 * "y", "&", ","). */
static void sb_record_byline_line(sb_ctx *c, xmlNodePtr n, int r)
{
	int idx = sb_index(n);
	if (r != R_BYLINE || idx < 0 || c->info[idx].neg != R_BYLINE)
		return;
	int units = 0;
	bool ok = true;
	galley_buf loose = {0}, u = {0};
	for (xmlNodePtr ch = n->children; ch && ok; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			galley_buf_puts(&loose, (const char *)ch->content);
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		int k = sb_kind_of(ch);
		if ((k == K_INLINE || k == K_A || k == K_OTHER) && !sb_has_block_child(c, ch)) {
			if (!sb_hidden_part(c, ch))
				sb_collect_text(c, ch, &loose, 0);
			continue;
		}
		int ci = sb_index(ch);
		if (ci < 0 || c->info[ci].neg != R_BYLINE || sb_has_block_child(c, ch)) {
			ok = false; /* another block in the line: not one credit line */
			break;
		}
		bool lower;
		size_t chars;
		galley_buf_reset(&u);
		sb_collect_text(c, ch, &u, 0);
		char *t = sb_norm(sb_cstr(&u));
		int words = sb_line_words(t, &chars, &lower);
		free(t);
		ok = words >= 2 && words <= 5; /* a name, not the byline's word, a dash or a biography */
		if (ok && units) {
			/* between two names: a separator */
			t = sb_norm(sb_cstr(&loose));
			int lw = sb_line_words(t, &chars, &lower);
			free(t);
			ok = chars && chars <= 5 && lw <= 1 && lower;
		}
		units++;
		galley_buf_reset(&loose);
	}
	galley_buf_free(&loose);
	galley_buf_free(&u);
	if (!ok || units < 2)
		return;
	galley_buf b = {0};
	sb_collect_text(c, n, &b, 0);
	if (b.len && b.len <= 200)
		sb_record_text(c, n, R_BYLINE, &b);
	galley_buf_free(&b);
}

static void sb_record_walk(sb_ctx *c, xmlNodePtr n, int reason, int depth)
{
	if (n->type != XML_ELEMENT_NODE || depth > SB_MAX_DEPTH)
		return;
	int idx = sb_index(n);
	int r = reason;
	int within = c->within;
	if (idx >= 0) {
		sb_info *in = &c->info[idx];
		if (in->kind == K_DROP || (in->flags & F_KEEP))
			return;
		int own = in->neg ? in->neg : sb_own_reason(in);
		if (own && own != R_HIDDEN) {
			/* a part with its own reason inside a removed part with another: say where it sat
			 * (the outermost such part: a byline in a related-stories box is "in:related") */
			if (own != r && r != R_OUTSIDE && r != R_HEADER && !c->within)
				c->within = r;
			r = own;
		}
	}
	galley_buf b = {0};
	if (!sb_has_block_child(c, n)) {
		sb_collect_text(c, n, &b, 0);
		sb_record_text(c, n, r, &b);
		galley_buf_free(&b);
		c->within = within;
		return;
	}
	/* loose text between block children */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			size_t at = b.len;
			galley_buf_puts(&b, (const char *)ch->content);
			if (ch->prev && ch->prev->type == XML_ELEMENT_NODE)
				sb_boundary_space(&b, at, false);
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		int k = sb_kind_of(ch);
		if ((k == K_INLINE || k == K_A || k == K_OTHER) && !sb_has_block_child(c, ch)) {
			if (sb_hidden_part(c, ch))
				continue;
			size_t at = b.len;
			sb_collect_text(c, ch, &b, 0);
			sb_boundary_space(&b, at, ch->prev && ch->prev->type == XML_ELEMENT_NODE);
			/* an inline element the page marks as the author's, among the loose bits of a meta
			 * block ("<span class="comments">…</span><span class="author">Lars</span><div
			 * class="social">"): also a byline of its own */
			int ci = sb_index(ch);
			if (ci >= 0 && c->info[ci].neg == R_BYLINE && (r == R_OUTSIDE || r == R_META || r == R_HEADER) && !c->within && b.len > at) {
				galley_buf one = {0};
				galley_buf_append(&one, b.data + at, b.len - at);
				sb_record_text(c, ch, R_BYLINE, &one);
				galley_buf_free(&one);
			}
			continue;
		}
		if (b.len)
			sb_record_text(c, n, r, &b);
		sb_record_walk(c, ch, r, depth + 1);
	}
	if (b.len)
		sb_record_text(c, n, r, &b);
	galley_buf_free(&b);
	sb_record_byline_line(c, n, r);
	c->within = within;
}

void sb_record_subtree(sb_ctx *c, xmlNodePtr n, int reason)
{
	sb_record_walk(c, n, reason, 0);
}

void sb_record_subtree_rule(sb_ctx *c, xmlNodePtr n, int reason, const char *rule)
{
	const char *was = c->removal_rule;
	c->removal_rule = rule;
	sb_record_walk(c, n, reason, 0);
	c->removal_rule = was;
}

void sb_record_outside(sb_ctx *c, xmlNodePtr keep, xmlNodePtr root)
{
	const char *was = c->removal_rule;
	c->removal_rule = SB_RULE_OUTSIDE_CONTAINER;
	for (xmlNodePtr a = keep; a && a != root; a = a->parent) {
		c->where = "before-body";
		for (xmlNodePtr s = a->parent ? a->parent->children : NULL; s; s = s->next) {
			if (s == a) {
				c->where = "after-body";
				continue;
			}
			if (s->type == XML_TEXT_NODE) {
				char *t = sb_norm((const char *)s->content);
				if (*t)
					sb_record(c, R_OUTSIDE, t, a->parent->name ? (const char *)a->parent->name : NULL);
				free(t);
			} else if (s->type == XML_ELEMENT_NODE)
				sb_record_subtree(c, s, R_OUTSIDE);
		}
	}
	c->removal_rule = was;
}
