/* strip-boilerplate: rebuilding the container (and what is kept beside it) into the galley
 * XHTML subset, recording the pruned subtrees. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sb_keep_attrs[] = {"href", "src", "alt", "colspan", "rowspan", "cite", "datetime",
                                            "lang", "title", "start", NULL};

static xmlNodePtr sb_copy_element(sb_out *o, xmlNodePtr src, const char *name, xmlNodePtr parent)
{
	xmlNodePtr el = xmlNewDocNode(o->c->out, NULL, BAD_CAST name, NULL);
	for (xmlAttrPtr at = src->properties; at; at = at->next) {
		for (int i = 0; sb_keep_attrs[i]; i++) {
			if (!strcasecmp((const char *)at->name, sb_keep_attrs[i]) && at->children && at->children->content) {
				const char *v = (const char *)at->children->content;
				if (!strcasecmp(sb_keep_attrs[i], "href") && !strncasecmp(v, "javascript:", 11))
					break;
				xmlNewProp(el, BAD_CAST sb_keep_attrs[i], BAD_CAST v);
				break;
			}
		}
	}
	el->_private = src; /* source element, for contexts; cleared before handing the doc on */
	xmlAddChild(parent, el);
	return el;
}

static void sb_lower_name(xmlNodePtr n, char *buf, size_t cap)
{
	size_t i = 0;
	for (const xmlChar *p = n->name; p && *p && i + 1 < cap; p++)
		buf[i++] = (char)tolower(*p);
	buf[i] = '\0';
}

/* Whether dst holds inline content directly (p, h*, li, td...) or needs <p> runs (body,
 * blockquote, figure). */
static bool sb_wants_runs(xmlNodePtr dst)
{
	const char *n = (const char *)dst->name;
	return !strcmp(n, "body") || !strcmp(n, "blockquote") || !strcmp(n, "figure");
}

static xmlNodePtr sb_inline_parent(sb_out *o, xmlNodePtr dst, xmlNodePtr src)
{
	if (!sb_wants_runs(dst))
		return dst;
	if (o->run && o->run->parent == dst)
		return o->run;
	o->run = xmlNewDocNode(o->c->out, NULL, BAD_CAST "p", NULL);
	o->run->_private = src;
	xmlAddChild(dst, o->run);
	return o->run;
}

static bool sb_layout_table(sb_ctx *c, xmlNodePtr t)
{
	/* a table used for layout holds blocks in its cells, or one huge cell */
	int cells = 0;
	xmlNodePtr stack[64];
	int sp = 0;
	stack[sp++] = t;
	while (sp) {
		xmlNodePtr n = stack[--sp];
		for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
			if (ch->type != XML_ELEMENT_NODE)
				continue;
			int k = sb_kind_of(ch);
			if (k == K_TPART && sp < 63)
				stack[sp++] = ch;
			else if (k == K_CELL) {
				cells++;
				int paras = 0;
				for (xmlNodePtr g = ch->children; g; g = g->next) {
					if (g->type != XML_ELEMENT_NODE)
						continue;
					int gk = sb_kind_of(g);
					if (gk == K_TABLE || gk == K_CONTAINER || gk == K_LIST || gk == K_QUOTE ||
					    (gk == K_BLOCK && sb_is_heading(g)))
						return true;
					/* several paragraphs in a cell: layout */
					if (gk == K_BLOCK && ++paras >= 2)
						return true;
				}
			}
		}
	}
	return cells <= 1;
}

/* A text node: blank ones become one space where inline content goes, others go into the open
 * run (or the block). */
/* Whether dst is inside a pre (its white space is the text: code, verse, tables of figures). */
static bool sb_in_pre(xmlNodePtr dst)
{
	for (xmlNodePtr n = dst; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (n->name && !strcmp((const char *)n->name, "pre"))
			return true;
	return false;
}

static void sb_emit_text(sb_out *o, xmlNodePtr src, xmlNodePtr dst)
{
	sb_ctx *c = o->c;
	const xmlChar *t = src->content;
	if (t && *t && !sb_wants_runs(dst) && sb_in_pre(dst)) {
		/* inside pre, white space is kept exactly: the line breaks between highlighted
		 * spans are the code's lines */
		xmlAddChild(dst, xmlNewDocText(c->out, t));
		return;
	}
	bool blank = true;
	for (const xmlChar *p = t; p && *p; p++)
		if (!isspace(*p)) {
			blank = false;
			break;
		}
	if (blank) {
		if (!sb_wants_runs(dst) || (o->run && o->run->parent == dst))
			xmlAddChild(sb_wants_runs(dst) ? o->run : dst, xmlNewDocText(c->out, BAD_CAST " "));
		return;
	}
	xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
	xmlAddChild(p, xmlNewDocText(c->out, t));
}

/* Conditional cleaning of link blocks: a link wrapping blocks is a teaser card; a container or
 * list made of links with little other text is navigation or a teaser list.  Whether src was
 * removed (and recorded). */
static bool sb_emit_link_block(sb_ctx *c, xmlNodePtr src, const sb_info *in, int kind)
{
	if (!in || in->text <= 0)
		return false;
	double ld = in->link / in->text;
	if (kind == K_A && in->text >= 20 && sb_has_block_child(c, src)) {
		sb_record_subtree_rule(c, src, R_TEASER, SB_RULE_TEASER_CARD);
		return true;
	}
	if ((kind == K_CONTAINER || kind == K_LIST || kind == K_TABLE || kind == K_HEADER) && ld > 0.5 &&
	    in->text - in->link < 150 && in->text >= 15 && !(in->flags & F_BODYMARK)) {
		sb_record_subtree_rule(c, src, R_LINK_DENSITY, SB_RULE_LINK_CONTAINER);
		return true;
	}
	return false;
}

static void sb_emit_container(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int kind, int depth)
{
	/* an unknown element holding only inline content is an inline wrapper */
	if (kind == K_OTHER && !sb_has_block_child(o->c, src)) {
		sb_emit_children(o, src, dst, depth + 1);
		return;
	}
	/* otherwise a block boundary: unwrapped, its text kept apart from its neighbours' */
	if (dst == o->run)
		dst = dst->parent;
	o->run = NULL;
	sb_emit_children(o, src, dst, depth + 1);
	o->run = NULL;
	if (!sb_wants_runs(dst))
		xmlAddChild(dst, xmlNewDocText(o->c->out, BAD_CAST " "));
}

static void sb_emit_block(sb_out *o, xmlNodePtr src, xmlNodePtr dst, const char *name, int depth)
{
	if (dst == o->run)
		dst = dst->parent;
	o->run = NULL;
	xmlNodePtr el;
	if (sb_wants_runs(dst) || !strcmp(name, "figcaption") || !strcmp(name, "caption") || !strcmp(name, "dt") ||
	    !strcmp(name, "dd"))
		el = sb_copy_element(o, src, name, dst);
	else
		el = dst; /* a p inside a li or td: flatten */
	if (sb_has_block_child(o->c, src) && el != dst) {
		/* a block holding blocks (p with a div inside, invalid but common): unwrap */
		xmlUnlinkNode(el);
		xmlFreeNode(el);
		sb_emit_children(o, src, dst, depth + 1);
		o->run = NULL;
		return;
	}
	xmlNodePtr saved = o->run;
	o->run = NULL;
	sb_emit_children(o, src, el, depth + 1);
	o->run = saved;
	if (el == dst)
		xmlAddChild(dst, xmlNewDocText(o->c->out, BAD_CAST " "));
}

static void sb_emit_list(sb_out *o, xmlNodePtr src, xmlNodePtr dst, const char *name, int kind, int depth)
{
	if (dst == o->run)
		dst = dst->parent;
	o->run = NULL;
	const char *nm = name;
	if (kind == K_LIST && (!strcmp(name, "menu") || !strcmp(name, "dir")))
		nm = "ul";
	if (kind == K_LI && strcmp((const char *)dst->name, "ul") && strcmp((const char *)dst->name, "ol")) {
		/* a stray li: a paragraph */
		nm = sb_wants_runs(dst) ? "p" : NULL;
	}
	if (kind == K_LIST && !sb_wants_runs(dst) && strcmp((const char *)dst->name, "li") &&
	    strcmp((const char *)dst->name, "dd") && strcmp((const char *)dst->name, "td") &&
	    strcmp((const char *)dst->name, "th"))
		nm = NULL;
	if (!nm) {
		sb_emit_children(o, src, dst, depth + 1);
		return;
	}
	xmlNodePtr el = sb_copy_element(o, src, nm, dst);
	sb_emit_children(o, src, el, depth + 1);
	o->run = NULL;
}

static void sb_emit_table(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth)
{
	if (dst == o->run)
		dst = dst->parent;
	o->run = NULL;
	if (sb_layout_table(o->c, src) || !sb_wants_runs(dst)) {
		sb_emit_children(o, src, dst, depth + 1);
		o->run = NULL;
		return;
	}
	xmlNodePtr el = sb_copy_element(o, src, "table", dst);
	sb_emit_children(o, src, el, depth + 1);
}

static void sb_emit_table_part(sb_out *o, xmlNodePtr src, xmlNodePtr dst, const char *name, int depth)
{
	if (!strcmp((const char *)dst->name, "table") || !strcmp((const char *)dst->name, "thead") ||
	    !strcmp((const char *)dst->name, "tbody") || !strcmp((const char *)dst->name, "tfoot") ||
	    !strcmp((const char *)dst->name, "tr")) {
		xmlNodePtr el = sb_copy_element(o, src, name, dst);
		sb_emit_children(o, src, el, depth + 1);
	} else {
		/* a layout table: cells are block boundaries */
		if (dst == o->run)
			dst = dst->parent;
		o->run = NULL;
		sb_emit_children(o, src, dst, depth + 1);
		o->run = NULL;
	}
}

static void sb_emit_inline(sb_out *o, xmlNodePtr src, xmlNodePtr dst, const char *name, int depth)
{
	if (sb_has_block_child(o->c, src)) {
		sb_emit_children(o, src, dst, depth + 1);
		return;
	}
	xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
	const char *nm = name;
	if (!strcmp(name, "span") || !strcmp(name, "small") || !strcmp(name, "time")) {
		if (!strcmp(name, "time") && sb_attr(src, "datetime"))
			nm = "time";
		else {
			/* unwrap spans: nothing to keep */
			sb_emit_children(o, src, p, depth + 1);
			return;
		}
	}
	xmlNodePtr el = sb_copy_element(o, src, nm, p);
	xmlNodePtr saved = o->run;
	o->run = NULL;
	sb_emit_children(o, src, el, depth + 1);
	o->run = saved;
}

void sb_emit(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth)
{
	sb_ctx *c = o->c;
	if (depth > SB_MAX_DEPTH)
		return;
	if (src->type == XML_TEXT_NODE || src->type == XML_CDATA_SECTION_NODE) {
		sb_emit_text(o, src, dst);
		return;
	}
	if (src->type != XML_ELEMENT_NODE)
		return;
	int idx = sb_index(src);
	sb_info *in = idx >= 0 ? &c->info[idx] : NULL;
	int kind = in ? in->kind : sb_kind_of(src);
	if (kind == K_DROP)
		return;
	if (in && (in->flags & F_PRUNE)) {
		int r = sb_own_reason(in);
		if (!r)
			r = R_NAV;
		sb_record_subtree_rule(c, src, r, SB_RULE_PRUNED_SUBTREE);
		return;
	}
	if (sb_emit_link_block(c, src, in, kind))
		return;
	char name[16];
	sb_lower_name(src, name, sizeof name);
	switch (kind) {
	case K_HEADER:
	case K_CONTAINER:
	case K_OTHER:
		sb_emit_container(o, src, dst, kind, depth);
		return;
	case K_BLOCK:
		sb_emit_block(o, src, dst, name, depth);
		return;
	case K_LIST:
	case K_LI:
	case K_QUOTE:
	case K_FIGURE:
		sb_emit_list(o, src, dst, name, kind, depth);
		return;
	case K_TABLE:
		sb_emit_table(o, src, dst, depth);
		return;
	case K_TPART:
	case K_CELL:
		sb_emit_table_part(o, src, dst, name, depth);
		return;
	case K_HR:
		if (sb_wants_runs(dst)) {
			o->run = NULL;
			sb_copy_element(o, src, "hr", dst);
		}
		return;
	case K_BR: {
		xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
		if (p != dst || !sb_wants_runs(dst))
			sb_copy_element(o, src, "br", p);
		return;
	}
	case K_IMG: {
		const char *srcv = sb_attr(src, "src");
		if (!srcv || !*srcv)
			return;
		xmlNodePtr p = sb_inline_parent(o, dst, src->parent);
		sb_copy_element(o, src, "img", p);
		return;
	}
	case K_A:
	case K_INLINE:
		sb_emit_inline(o, src, dst, name, depth);
		return;
	case K_NAV:
	case K_ASIDE:
	case K_FOOTER:
	case K_FORM:
	default:
		sb_record_subtree_rule(c, src,
		                       kind == K_NAV ? R_NAV : kind == K_ASIDE ? R_SIDEBAR : kind == K_FOOTER ? R_FOOTER : R_FORM,
		                       SB_RULE_BOILERPLATE_ELEMENT);
		return;
	}
}

void sb_emit_children(sb_out *o, xmlNodePtr src, xmlNodePtr dst, int depth)
{
	for (xmlNodePtr ch = src->children; ch; ch = ch->next)
		sb_emit(o, ch, dst, depth);
}
