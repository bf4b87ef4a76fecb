/* The body document: creation, the XHTML subset, paragraphs and plain text. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

xmlDocPtr galley_body_new(void)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
	xmlDocSetRootElement(doc, root);
	return doc;
}

xmlNodePtr galley_body_root(xmlDocPtr doc)
{
	if (!doc)
		return NULL;
	xmlNodePtr r = xmlDocGetRootElement(doc);
	return r;
}

xmlNodePtr galley_node_next(xmlNodePtr n, xmlNodePtr root, bool descend)
{
	if (!n)
		return NULL;
	if (descend && n->children)
		return n->children;
	while (n && n != root && !n->next)
		n = n->parent;
	return !n || n == root ? NULL : n->next;
}

/* ---- element classes ---- */
static bool name_in(const xmlChar *name, const char *const *set)
{
	for (; *set; set++)
		if (!strcasecmp((const char *)name, *set))
			return true;
	return false;
}

static const char *const inline_elems[] = {
	"a", "em", "strong", "i", "b", "u", "s", "sub", "sup", "code", "q", "br", "img", "span",
	"abbr", "cite", "small", "mark", "time", NULL};
static const char *const block_elems[] = {
	"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "hr", NULL};
static const char *const removed_elems[] = {
	"script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "math",
	"canvas", "video", "audio", "source", "track", "map", "head", "title", "meta", "link", "base",
	"input", "button", "select", "textarea", "option", "optgroup", "datalist", "frame", "frameset",
	"dialog", "param", "picture-source", NULL};

static bool is_inline(xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE || n->type == XML_ENTITY_REF_NODE)
		return true;
	return n->type == XML_ELEMENT_NODE && name_in(n->name, inline_elems);
}

static bool is_allowed(xmlNodePtr n)
{
	return name_in(n->name, inline_elems) || name_in(n->name, block_elems);
}

/* ---- attributes ---- */
static bool url_is_safe(const xmlChar *v)
{
	const char *s = (const char *)v;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	/* scheme = letters before ':' with no '/', '?' or '#' before it */
	const char *colon = strchr(s, ':');
	if (!colon)
		return true;
	for (const char *p = s; p < colon; p++)
		if (*p == '/' || *p == '?' || *p == '#')
			return true;
	size_t n = (size_t)(colon - s);
	return (n == 4 && !strncasecmp(s, "http", 4)) || (n == 5 && !strncasecmp(s, "https", 5)) ||
	       (n == 6 && !strncasecmp(s, "mailto", 6));
}

static bool attr_allowed(xmlNodePtr el, xmlAttrPtr at)
{
	const char *e = (const char *)el->name, *a = (const char *)at->name;
	if (at->ns)
		return false;
	if (!strcmp(a, "lang") || !strcmp(a, "title"))
		return true;
	if (!strcmp(e, "a") && !strcmp(a, "href"))
		return true;
	if (!strcmp(e, "img") && (!strcmp(a, "src") || !strcmp(a, "alt")))
		return true;
	if ((!strcmp(e, "td") || !strcmp(e, "th")) && (!strcmp(a, "colspan") || !strcmp(a, "rowspan")))
		return true;
	if ((!strcmp(e, "q") || !strcmp(e, "blockquote")) && (!strcmp(a, "cite") || !strcmp(a, "data-speaker")))
		return true;
	if (!strcmp(e, "time") && !strcmp(a, "datetime"))
		return true;
	if (!strcmp(e, "ol") && !strcmp(a, "start"))
		return true;
	return false;
}

static void sanitize_attrs(xmlNodePtr el)
{
	xmlAttrPtr at = el->properties;
	while (at) {
		xmlAttrPtr next = at->next;
		bool keep = attr_allowed(el, at);
		if (keep && (!strcmp((const char *)at->name, "href") || !strcmp((const char *)at->name, "src") ||
		             !strcmp((const char *)at->name, "cite"))) {
			xmlChar *v = xmlNodeListGetString(el->doc, at->children, 1);
			keep = v && url_is_safe(v);
			xmlFree(v);
		}
		if (!keep)
			xmlRemoveProp(at);
		at = next;
	}
	if (el->nsDef) {
		xmlFreeNsList(el->nsDef);
		el->nsDef = NULL;
	}
	el->ns = NULL;
}

/* Lower-case element names (the HTML parser already does; XML inputs may not). */
static void lower_name(xmlNodePtr el)
{
	for (const xmlChar *p = el->name; *p; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			char buf[64];
			size_t i = 0;
			for (const xmlChar *q = el->name; *q && i < sizeof buf - 1; q++, i++)
				buf[i] = (char)((*q >= 'A' && *q <= 'Z') ? *q + 32 : *q);
			buf[i] = '\0';
			xmlNodeSetName(el, BAD_CAST buf);
			return;
		}
	}
}

static void sanitize_children(xmlNodePtr parent, int depth);

static void sanitize_node(xmlNodePtr n, int depth)
{
	switch (n->type) {
	case XML_TEXT_NODE:
		return;
	case XML_CDATA_SECTION_NODE: {
		xmlNodePtr t = xmlNewDocText(n->doc, n->content);
		xmlReplaceNode(n, t);
		xmlFreeNode(n);
		return;
	}
	case XML_ELEMENT_NODE:
		break;
	default:
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		return;
	}
	lower_name(n);
	if (name_in(n->name, removed_elems)) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		return;
	}
	/* Depth guard: below this, flatten to text so nothing recurses without bound. */
	if (depth > 200) {
		xmlChar *text = xmlNodeGetContent(n);
		xmlNodePtr t = xmlNewDocText(n->doc, text ? text : BAD_CAST "");
		xmlFree(text);
		xmlReplaceNode(n, t);
		xmlFreeNode(n);
		return;
	}
	sanitize_children(n, depth + 1);
	if (is_allowed(n)) {
		sanitize_attrs(n);
		if (!strcmp((const char *)n->name, "img") && !xmlHasProp(n, BAD_CAST "src")) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		return;
	}
	/* unwrap: children take the element's place */
	xmlNodePtr c = n->children;
	while (c) {
		xmlNodePtr next = c->next;
		xmlUnlinkNode(c);
		xmlAddPrevSibling(n, c);
		c = next;
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

static void sanitize_children(xmlNodePtr parent, int depth)
{
	xmlNodePtr c = parent->children;
	while (c) {
		xmlNodePtr next = c->next;
		/* unwrapping moves children before c; they were already sanitised when c's subtree was */
		sanitize_node(c, depth);
		c = next;
	}
}

static bool only_space(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* Wrap runs of inline content directly under `parent` into <p>. */
static void wrap_loose_inline(xmlNodePtr parent)
{
	xmlNodePtr c = parent->children;
	while (c) {
		if (!is_inline(c)) {
			c = c->next;
			continue;
		}
		xmlNodePtr start = c, end = c;
		bool content = false;
		while (end && is_inline(end)) {
			if (end->type != XML_TEXT_NODE || !only_space(end->content))
				content = true;
			end = end->next;
		}
		if (!content) {
			for (xmlNodePtr x = start; x != end;) {
				xmlNodePtr nx = x->next;
				xmlUnlinkNode(x);
				xmlFreeNode(x);
				x = nx;
			}
			c = end;
			continue;
		}
		xmlNodePtr p = xmlNewDocNode(parent->doc, NULL, BAD_CAST "p", NULL);
		xmlAddPrevSibling(start, p);
		for (xmlNodePtr x = start; x != end;) {
			xmlNodePtr nx = x->next;
			xmlUnlinkNode(x);
			xmlAddChild(p, x);
			x = nx;
		}
		c = end;
	}
}

void galley_body_sanitize(xmlDocPtr doc)
{
	xmlNodePtr root = galley_body_root(doc);
	if (!root)
		return;
	/* Drop anything that is not the root element at document level (DTD, comments, PIs). */
	xmlNodePtr c = doc->children;
	while (c) {
		xmlNodePtr next = c->next;
		if (c != root) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		c = next;
	}
	if (xmlStrcmp(root->name, BAD_CAST "body"))
		xmlNodeSetName(root, BAD_CAST "body");
	root->ns = NULL;
	while (root->properties)
		xmlRemoveProp(root->properties);
	sanitize_children(root, 1);
	wrap_loose_inline(root);
}

/* ---- paragraphs ---- */
typedef struct para_ctx {
	galley_paragraphs *out;
	size_t cap;
	galley_buf cur;      /* raw text of the paragraph being collected */
	xmlNodePtr cur_node; /* the block it belongs to */
	bool in_pre;
} para_ctx;

static void para_emit(para_ctx *c, const char *text, size_t len, xmlNodePtr node, bool keep_ws)
{
	char *norm;
	if (keep_ws) {
		/* trim leading/trailing blank lines only */
		while (len && (*text == '\n' || *text == '\r'))
			text++, len--;
		while (len && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
			len--;
		norm = galley_strndup(text, len);
	} else {
		galley_buf b = {0};
		galley_ws_normalize_into(&b, text, len);
		norm = galley_buf_steal(&b);
	}
	if (!*norm) {
		free(norm);
		return;
	}
	galley_paragraphs *o = c->out;
	if (o->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		o->text = galley_realloc(o->text, c->cap * sizeof *o->text);
		o->node = galley_realloc(o->node, c->cap * sizeof *o->node);
	}
	o->text[o->n] = norm;
	o->node[o->n] = node;
	o->n++;
}

static void para_flush(para_ctx *c)
{
	if (c->cur.len)
		para_emit(c, c->cur.data, c->cur.len, c->cur_node, false);
	galley_buf_reset(&c->cur);
}

static void inline_text(xmlNodePtr n, galley_buf *b, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				galley_buf_puts(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && depth < 256) {
			if (!strcasecmp((const char *)c->name, "br"))
				galley_buf_putc(b, ' ');
			else if (!name_in(c->name, removed_elems))
				inline_text(c, b, depth + 1);
			if (!is_inline(c))
				galley_buf_putc(b, ' ');
		}
	}
}

static void para_walk(para_ctx *c, xmlNodePtr block, int depth)
{
	for (xmlNodePtr n = block->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (!c->cur.len)
				c->cur_node = block;
			if (n->content)
				galley_buf_puts(&c->cur, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (name_in(n->name, removed_elems))
			continue;
		if (is_inline(n)) {
			if (!c->cur.len)
				c->cur_node = block;
			if (!strcasecmp((const char *)n->name, "br"))
				galley_buf_putc(&c->cur, ' ');
			else
				inline_text(n, &c->cur, depth + 1);
			continue;
		}
		/* a block child ends the current run */
		para_flush(c);
		if (!strcasecmp((const char *)n->name, "tr")) {
			galley_buf row = {0};
			for (xmlNodePtr cell = n->children; cell; cell = cell->next) {
				if (cell->type != XML_ELEMENT_NODE)
					continue;
				galley_buf t = {0};
				inline_text(cell, &t, depth + 1);
				char *norm = galley_ws_normalize(t.data ? t.data : "");
				if (*norm) {
					if (row.len)
						galley_buf_puts(&row, " | ");
					galley_buf_puts(&row, norm);
				}
				free(norm);
				galley_buf_free(&t);
			}
			if (row.len)
				para_emit(c, row.data, row.len, n, false);
			galley_buf_free(&row);
		} else if (!strcasecmp((const char *)n->name, "pre")) {
			galley_buf t = {0};
			xmlChar *content = xmlNodeGetContent(n);
			if (content)
				para_emit(c, (const char *)content, strlen((const char *)content), n, true);
			xmlFree(content);
			galley_buf_free(&t);
		} else if (depth < 256) {
			para_walk(c, n, depth + 1);
			para_flush(c);
		}
	}
}

void galley_body_paragraphs(xmlDocPtr doc, galley_paragraphs *out)
{
	memset(out, 0, sizeof *out);
	xmlNodePtr root = galley_body_root(doc);
	if (!root)
		return;
	para_ctx c = {.out = out};
	para_walk(&c, root, 0);
	para_flush(&c);
	galley_buf_free(&c.cur);
}

void galley_paragraphs_free(galley_paragraphs *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->text[i]);
	free(p->text);
	free(p->node);
	memset(p, 0, sizeof *p);
}

char *galley_body_text(xmlDocPtr doc)
{
	galley_paragraphs p;
	galley_body_paragraphs(doc, &p);
	galley_buf b = {0};
	for (size_t i = 0; i < p.n; i++) {
		if (i)
			galley_buf_puts(&b, "\n\n");
		galley_buf_puts(&b, p.text[i]);
	}
	galley_paragraphs_free(&p);
	return galley_buf_steal(&b);
}
