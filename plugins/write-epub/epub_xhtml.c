/* Body tree -> EPUB XHTML content (see epub_xhtml.h). */
#include "epub_xhtml.h"

#include <galley/galley.h>
#include <ctype.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

typedef struct conv {
	xmlDocPtr doc;
	xmlNsPtr ns;
	const char *base;
	int in_a;        /* inside a link: no nested links */
	int fig_caption; /* inside a figure that has a caption: images add nothing */
	int in_pre;
	write_epub_image_fn image;
	void *image_ctx;
} conv;

typedef enum { K_DROP, K_BLOCK, K_CONTAINER, K_INLINE, K_UNWRAP } kind;

static const char *const drop_names[] = {
	"script", "style", "noscript", "template", "iframe", "object", "embed", "form", "input",
	"button", "select", "textarea", "option", "svg", "math", "head", "title", "meta", "link",
	"base", "video", "audio", "canvas", "source", "track", "map", "area", "param", "frame",
	"frameset", "applet", "picture", "dialog", NULL};
static const char *const block_names[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
	"pre", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure",
	"figcaption", "hr", NULL};
static const char *const container_names[] = {
	"div", "section", "article", "header", "footer", "main", "aside", "nav", "address", "center",
	"details", "summary", "fieldset", "legend", "hgroup", "body", "html", "menu", "dir", "colgroup",
	"col", NULL};
static const char *const inline_names[] = {
	"a", "em", "strong", "i", "b", "u", "s", "sub", "sup", "code", "q", "br", "img", "span",
	"abbr", "cite", "small", "mark", "time", NULL};

static bool in_list(const char *const *l, const char *name)
{
	for (; *l; l++)
		if (!strcmp(*l, name))
			return true;
	return false;
}

static const char *lname(xmlNodePtr n) { return (const char *)n->name; }

static kind classify(xmlNodePtr n)
{
	const char *name = lname(n);
	char low[32];
	size_t i = 0;
	for (; name[i] && i < sizeof low - 1; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[i] = 0;
	if (in_list(drop_names, low))
		return K_DROP;
	if (in_list(block_names, low))
		return K_BLOCK;
	if (in_list(container_names, low))
		return K_CONTAINER;
	if (in_list(inline_names, low))
		return K_INLINE;
	/* unknown: a container when it holds blocks, else its text is inline */
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			kind k = classify(c);
			if (k == K_BLOCK || k == K_CONTAINER)
				return K_CONTAINER;
		}
	return K_UNWRAP;
}

static bool is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcasecmp(lname(n), name);
}

/* ---- text ---------------------------------------------------------------------------------- */

char *write_epub_xhtml_clean(const char *s, bool normalize)
{
	if (!s)
		return NULL;
	char *c = galley_utf8_clean(s, strlen(s));
	/* XML 1.0 also excludes the noncharacters U+FFFE and U+FFFF (EF BF BE / EF BF BF) */
	char *w = c;
	for (const char *r = c; *r;) {
		if ((unsigned char)r[0] == 0xef && (unsigned char)r[1] == 0xbf &&
		    ((unsigned char)r[2] == 0xbe || (unsigned char)r[2] == 0xbf)) {
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = 0;
	if (normalize) {
		char *n = galley_ws_normalize(c);
		free(c);
		return n;
	}
	return c;
}

static bool ws_only(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static void add_text(conv *c, xmlNodePtr dst, const char *text)
{
	char *t = write_epub_xhtml_clean(text, false);
	if (t && *t)
		xmlAddChild(dst, xmlNewDocText(c->doc, BAD_CAST t));
	free(t);
}

/* ---- attribute values ---------------------------------------------------------------------- */

bool write_epub_xhtml_lang_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 64)
		return false;
	/* language subtag: 2-3 or 5-8 letters (or i/x private use), then subtags of 1-8 alnum */
	size_t n = 0;
	const char *p = s;
	while (isalpha((unsigned char)*p)) {
		p++;
		n++;
	}
	if (!(n >= 2 && n <= 8) && !(n == 1 && (s[0] == 'x' || s[0] == 'i' || s[0] == 'X' || s[0] == 'I')))
		return false;
	while (*p) {
		if (*p != '-')
			return false;
		p++;
		n = 0;
		while (isalnum((unsigned char)*p)) {
			p++;
			n++;
		}
		if (n < 1 || n > 8)
			return false;
	}
	return true;
}

void write_epub_xhtml_set_lang(xmlNodePtr el, const char *lang)
{
	if (!write_epub_xhtml_lang_ok(lang))
		return;
	xmlSetProp(el, BAD_CAST "lang", BAD_CAST lang);
	xmlNsPtr xml = xmlSearchNs(el->doc, el, BAD_CAST "xml");
	if (xml)
		xmlSetNsProp(el, xml, BAD_CAST "lang", BAD_CAST lang);
}

static bool uri_char_ok(unsigned char ch)
{
	return isalnum(ch) || strchr("-._~:/?#[]@!$&'()*+,;=%", ch);
}

/* An http(s) URL's host must be a plain DNS name (labels of letters, digits and inner hyphens,
 * the last one starting with a letter) or an IP literal: reading systems and epubcheck reject
 * percent-encoded, non-ASCII or malformed hosts, and galley has no IDNA encoder.  A mailto:
 * URL needs an address. */
static bool host_ok(const char *url)
{
	if (!strncasecmp(url, "mailto:", 7))
		return strchr(url + 7, '@') != NULL && url[7] != '@';
	const char *p = strstr(url, "://");
	if (!p)
		return false;
	p += 3;
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	if (n && p[0] == '[') {
		size_t i = 1;
		for (; i < n && p[i] != ']'; i++)
			if (!isxdigit((unsigned char)p[i]) && p[i] != ':' && p[i] != '.')
				return false;
		return i < n && i > 1;
	}
	size_t host = strcspn(p, ":/?#");
	if (host > n)
		host = n;
	for (size_t i = host + 1; i < n; i++) /* port */
		if (!isdigit((unsigned char)p[i]))
			return false;
	if (!host || host > 253)
		return false;
	/* IPv4 dotted quad */
	int dots = 0;
	bool ipv4 = true;
	for (size_t i = 0; i < host; i++) {
		if (p[i] == '.')
			dots++;
		else if (!isdigit((unsigned char)p[i]))
			ipv4 = false;
	}
	if (ipv4)
		return dots == 3;
	if (!dots)
		return false;
	size_t label = 0, last_start = 0;
	for (size_t i = 0; i <= host; i++) {
		char c = i < host ? p[i] : '.';
		if (c == '.') {
			if (!label || label > 63 || p[i - 1] == '-' || p[i - label] == '-')
				return false;
			if (i < host)
				last_start = i + 1;
			label = 0;
			continue;
		}
		if (!isalnum((unsigned char)c) && c != '-')
			return false;
		label++;
	}
	return isalpha((unsigned char)p[last_start]);
}

char *write_epub_xhtml_href(const char *href, const char *base_url)
{
	char *h = write_epub_xhtml_clean(href, true);
	if (!h || !*h || h[0] == '#') {
		free(h);
		return NULL;
	}
	/* scheme? */
	const char *p = h;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	char *abs = NULL;
	if (*p == ':' && p > h && isalpha((unsigned char)h[0])) {
		size_t sl = (size_t)(p - h);
		if (!((sl == 4 && !strncasecmp(h, "http", 4)) || (sl == 5 && !strncasecmp(h, "https", 5)) ||
		      (sl == 6 && !strncasecmp(h, "mailto", 6)))) {
			free(h);
			return NULL;
		}
		abs = h;
	} else {
		if (!base_url || strncasecmp(base_url, "http", 4)) {
			free(h);
			return NULL;
		}
		xmlChar *r = xmlBuildURI(BAD_CAST h, BAD_CAST base_url);
		free(h);
		if (!r)
			return NULL;
		abs = strdup((const char *)r);
		xmlFree(r);
		if (!abs || (strncasecmp(abs, "http://", 7) && strncasecmp(abs, "https://", 8))) {
			free(abs);
			return NULL;
		}
	}
	/* percent-encode what a URI cannot hold; a '%' not followed by two hex digits too */
	galley_buf b = {0};
	int hashes = 0;
	for (const unsigned char *q = (const unsigned char *)abs; *q; q++) {
		bool pct_ok = *q != '%' || (isxdigit(q[1]) && isxdigit(q[2]));
		if (*q == '#' && ++hashes > 1)
			pct_ok = false;
		if (uri_char_ok(*q) && pct_ok)
			galley_buf_putc(&b, (char)*q);
		else
			galley_buf_printf(&b, "%%%02X", *q);
	}
	free(abs);
	char *out = galley_buf_steal(&b);
	if (!host_ok(out)) {
		free(out);
		return NULL;
	}
	xmlURIPtr u = xmlParseURI(out);
	if (!u) {
		free(out);
		return NULL;
	}
	xmlFreeURI(u);
	return out;
}

static void copy_common_attrs(xmlNodePtr src, xmlNodePtr el)
{
	xmlChar *v = xmlGetProp(src, BAD_CAST "title");
	if (v) {
		char *t = write_epub_xhtml_clean((const char *)v, true);
		if (t && *t)
			xmlSetProp(el, BAD_CAST "title", BAD_CAST t);
		free(t);
		xmlFree(v);
	}
	v = xmlGetProp(src, BAD_CAST "lang");
	if (v) {
		write_epub_xhtml_set_lang(el, (const char *)v);
		xmlFree(v);
	}
}

/* q/blockquote: keep who said it (data-speaker, and as a title when there is none) and a cite
 * that is a real URL. */
static void copy_quote_attrs(xmlNodePtr src, xmlNodePtr el)
{
	xmlChar *v = xmlGetProp(src, BAD_CAST "cite");
	if (v) {
		char *u = write_epub_xhtml_href((const char *)v, NULL);
		if (u)
			xmlSetProp(el, BAD_CAST "cite", BAD_CAST u);
		free(u);
		xmlFree(v);
	}
	v = xmlGetProp(src, BAD_CAST "data-speaker");
	if (v) {
		char *t = write_epub_xhtml_clean((const char *)v, true);
		if (t && *t) {
			xmlSetProp(el, BAD_CAST "data-speaker", BAD_CAST t);
			if (!xmlHasProp(el, BAD_CAST "title"))
				xmlSetProp(el, BAD_CAST "title", BAD_CAST t);
		}
		free(t);
		xmlFree(v);
	}
}

static bool int_attr(xmlNodePtr src, const char *name, long lo, long hi, long *out)
{
	xmlChar *v = xmlGetProp(src, BAD_CAST name);
	if (!v)
		return false;
	char *end = NULL;
	const char *s = (const char *)v;
	while (isspace((unsigned char)*s))
		s++;
	long n = isdigit((unsigned char)*s) || *s == '-' ? strtol(s, &end, 10) : 0;
	bool ok = end && end != s && (*end == 0 || isspace((unsigned char)*end)) && n >= lo && n <= hi;
	xmlFree(v);
	if (ok)
		*out = n;
	return ok;
}

/* ---- structure ----------------------------------------------------------------------------- */

static xmlNodePtr new_el(conv *c, xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, c->ns, BAD_CAST name, NULL);
}

static bool has_content(xmlNodePtr el)
{
	for (xmlNodePtr n = el->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && !ws_only((const char *)n->content))
			return true;
		if (n->type == XML_ELEMENT_NODE && !is(n, "br"))
			return true;
	}
	return false;
}

static void drop_if_empty(xmlNodePtr el)
{
	if (!has_content(el)) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
	}
}

/* A quotation mark, as the last (at_end) or first code point of s. */
static bool quote_mark_at(const char *s, bool at_end)
{
	static const char *const marks[] = {"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e", "\xe2\x80\x98",
	                                    "\xe2\x80\x99", "\xe2\x80\x9a", "\xc2\xab", "\xc2\xbb", "\xe2\x80\xb9",
	                                    "\xe2\x80\xba", "\xe3\x80\x8c", "\xe3\x80\x8d", NULL};
	size_t len = s ? strlen(s) : 0;
	for (size_t i = 0; marks[i]; i++) {
		size_t m = strlen(marks[i]);
		if (len >= m && !memcmp(at_end ? s + len - m : s, marks[i], m))
			return true;
	}
	return false;
}

static bool quoted_by_text(xmlNodePtr q)
{
	xmlNodePtr p = q->prev, n = q->next;
	if (!p || !n || p->type != XML_TEXT_NODE || n->type != XML_TEXT_NODE || !p->content || !n->content)
		return false;
	/* "we stay," she said: punctuation may come before the closing mark */
	const char *after = (const char *)n->content;
	for (int i = 0; i < 2 && *after && strchr(",.;:!?", *after); i++)
		after++;
	return quote_mark_at((const char *)p->content, true) && quote_mark_at(after, false);
}

static void conv_flow(conv *c, xmlNodePtr first, xmlNodePtr dst, bool wrap);
static void conv_phrasing(conv *c, xmlNodePtr first, xmlNodePtr dst);
static void conv_block(conv *c, xmlNodePtr n, xmlNodePtr dst, bool wrap);

static void conv_inline(conv *c, xmlNodePtr n, xmlNodePtr dst)
{
	char name[16];
	snprintf(name, sizeof name, "%s", lname(n));
	for (char *p = name; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!strcmp(name, "br")) {
		new_el(c, dst, "br");
		return;
	}
	if (!strcmp(name, "img")) {
		xmlChar *src = c->image ? xmlGetProp(n, BAD_CAST "src") : NULL;
		char *href = src ? c->image(c->image_ctx, (const char *)src) : NULL;
		xmlFree(src);
		if (href) {
			/* an image the book carries */
			xmlNodePtr img = new_el(c, dst, "img");
			xmlSetProp(img, BAD_CAST "src", BAD_CAST href);
			xmlChar *a = xmlGetProp(n, BAD_CAST "alt");
			char *t = a ? write_epub_xhtml_clean((const char *)a, true) : NULL;
			xmlSetProp(img, BAD_CAST "alt", BAD_CAST(t ? t : ""));
			free(t);
			xmlFree(a);
			copy_common_attrs(n, img);
			free(href);
			return;
		}
		if (c->fig_caption)
			return;
		xmlChar *alt = xmlGetProp(n, BAD_CAST "alt");
		char *t = alt ? write_epub_xhtml_clean((const char *)alt, true) : NULL;
		if (t && *t) {
			xmlNodePtr s = new_el(c, dst, "span");
			xmlSetProp(s, BAD_CAST "class", BAD_CAST "img-alt");
			xmlAddChild(s, xmlNewDocText(c->doc, BAD_CAST t));
		}
		free(t);
		xmlFree(alt);
		return;
	}
	if (!strcmp(name, "a")) {
		xmlChar *href = xmlGetProp(n, BAD_CAST "href");
		char *u = href && !c->in_a ? write_epub_xhtml_href((const char *)href, c->base) : NULL;
		xmlFree(href);
		if (!u) {
			conv_phrasing(c, n->children, dst);
			return;
		}
		xmlNodePtr el = new_el(c, dst, "a");
		xmlSetProp(el, BAD_CAST "href", BAD_CAST u);
		free(u);
		copy_common_attrs(n, el);
		c->in_a++;
		conv_phrasing(c, n->children, el);
		c->in_a--;
		if (!el->children) {
			xmlUnlinkNode(el);
			xmlFreeNode(el);
		}
		return;
	}
	if (!strcmp(name, "time")) {
		xmlChar *dt = xmlGetProp(n, BAD_CAST "datetime");
		bool ok = dt && galley_date_is_valid_iso8601((const char *)dt);
		if (!ok) {
			xmlFree(dt);
			conv_phrasing(c, n->children, dst);
			return;
		}
		xmlNodePtr el = new_el(c, dst, "time");
		xmlSetProp(el, BAD_CAST "datetime", dt);
		xmlFree(dt);
		conv_phrasing(c, n->children, el);
		return;
	}
	if (!in_list(inline_names, name)) {
		conv_phrasing(c, n->children, dst);
		return;
	}
	/* HTML: quotation marks must not stand around a <q> (reading systems add their own).  The
	 * attribution tagger marks quotes inside the marks the text already has: those become a
	 * span that keeps the speaker. */
	bool marked = !strcmp(name, "q") && quoted_by_text(n);
	xmlNodePtr el = new_el(c, dst, marked ? "span" : name);
	copy_common_attrs(n, el);
	if (!strcmp(name, "q"))
		copy_quote_attrs(n, el);
	if (marked) {
		xmlUnsetProp(el, BAD_CAST "cite");
		xmlSetProp(el, BAD_CAST "class", BAD_CAST "quote");
	}
	conv_phrasing(c, n->children, el);
	if (!el->children) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
	}
}

/* Phrasing content only: blocks met here are flattened, separated by line breaks. */
static void conv_phrasing(conv *c, xmlNodePtr first, xmlNodePtr dst)
{
	for (xmlNodePtr n = first; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			add_text(c, dst, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		kind k = classify(n);
		if (k == K_DROP)
			continue;
		if (k == K_INLINE || k == K_UNWRAP) {
			conv_inline(c, n, dst);
			continue;
		}
		/* a block inside phrasing content */
		if (is(n, "hr"))
			continue;
		if (has_content(dst) && !is(xmlGetLastChild(dst), "br"))
			new_el(c, dst, "br");
		conv_phrasing(c, n->children, dst);
		if (has_content(dst) && !is(xmlGetLastChild(dst), "br") && n->next)
			new_el(c, dst, "br");
	}
}

static void conv_list(conv *c, xmlNodePtr n, xmlNodePtr dst, const char *name)
{
	xmlNodePtr el = new_el(c, dst, name);
	long start;
	if (!strcmp(name, "ol") && int_attr(n, "start", -1000000000L, 1000000000L, &start)) {
		char buf[24];
		snprintf(buf, sizeof buf, "%ld", start);
		xmlSetProp(el, BAD_CAST "start", BAD_CAST buf);
	}
	copy_common_attrs(n, el);
	xmlNodePtr loose = NULL; /* li collecting content that was not in an li */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_ELEMENT_NODE && is(ch, "li")) {
			loose = NULL;
			xmlNodePtr li = new_el(c, el, "li");
			copy_common_attrs(ch, li);
			conv_flow(c, ch->children, li, false);
			continue;
		}
		if (ch->type == XML_TEXT_NODE && ws_only((const char *)ch->content))
			continue;
		if (ch->type != XML_TEXT_NODE && ch->type != XML_ELEMENT_NODE)
			continue;
		if (ch->type == XML_ELEMENT_NODE && classify(ch) == K_DROP)
			continue;
		if (!loose)
			loose = new_el(c, el, "li");
		xmlNodePtr next = ch->next;
		ch->next = NULL; /* convert this one node */
		conv_flow(c, ch, loose, false);
		ch->next = next;
	}
	/* empty items are fine in HTML, but an empty list is noise */
	if (!el->children) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
	}
}

static void conv_dl(conv *c, xmlNodePtr n, xmlNodePtr dst)
{
	/* valid only as groups of dt+ dd+; otherwise keep the text as paragraphs */
	int state = 0; /* 0 start, 1 after dt, 2 after dd */
	bool ok = true;
	for (xmlNodePtr ch = n->children; ch && ok; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			ok = ws_only((const char *)ch->content);
		} else if (ch->type == XML_ELEMENT_NODE) {
			if (is(ch, "dt"))
				state = 1;
			else if (is(ch, "dd"))
				ok = state != 0, state = 2;
			else
				ok = classify(ch) == K_DROP;
		}
	}
	ok = ok && state == 2;
	xmlNodePtr el = new_el(c, dst, ok ? "dl" : "div");
	copy_common_attrs(n, el);
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE) {
			if (!ok && ch->type == XML_TEXT_NODE && !ws_only((const char *)ch->content)) {
				xmlNodePtr p = new_el(c, el, "p");
				add_text(c, p, (const char *)ch->content);
			}
			continue;
		}
		if (is(ch, "dt")) {
			xmlNodePtr d = new_el(c, el, ok ? "dt" : "p");
			conv_phrasing(c, ch->children, d);
		} else if (is(ch, "dd")) {
			/* a div's loose text goes into paragraphs, or readers glue it to its neighbours */
			xmlNodePtr d = new_el(c, el, ok ? "dd" : "div");
			conv_flow(c, ch->children, d, !ok);
		} else if (!ok) {
			xmlNodePtr next = ch->next;
			ch->next = NULL;
			conv_flow(c, ch, el, true);
			ch->next = next;
		}
	}
	if (!el->children) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
	}
}

static void conv_row(conv *c, xmlNodePtr tr, xmlNodePtr parent)
{
	xmlNodePtr row = new_el(c, parent, "tr");
	xmlNodePtr loose = NULL;
	for (xmlNodePtr ch = tr->children; ch; ch = ch->next) {
		if (ch->type == XML_ELEMENT_NODE && (is(ch, "td") || is(ch, "th"))) {
			loose = NULL;
			xmlNodePtr cell = new_el(c, row, is(ch, "th") ? "th" : "td");
			long v;
			char buf[24];
			if (int_attr(ch, "colspan", 1, 1000, &v) && v > 1) {
				snprintf(buf, sizeof buf, "%ld", v);
				xmlSetProp(cell, BAD_CAST "colspan", BAD_CAST buf);
			}
			if (int_attr(ch, "rowspan", 0, 65534, &v) && v != 1) {
				snprintf(buf, sizeof buf, "%ld", v);
				xmlSetProp(cell, BAD_CAST "rowspan", BAD_CAST buf);
			}
			copy_common_attrs(ch, cell);
			conv_flow(c, ch->children, cell, false);
			continue;
		}
		if (ch->type == XML_TEXT_NODE && ws_only((const char *)ch->content))
			continue;
		if (ch->type != XML_TEXT_NODE && ch->type != XML_ELEMENT_NODE)
			continue;
		if (!loose)
			loose = new_el(c, row, "td");
		xmlNodePtr next = ch->next;
		ch->next = NULL;
		conv_flow(c, ch, loose, false);
		ch->next = next;
	}
	if (!row->children) {
		xmlUnlinkNode(row);
		xmlFreeNode(row);
	}
}

static void conv_table(conv *c, xmlNodePtr n, xmlNodePtr dst)
{
	xmlNodePtr caption = NULL;
	xmlNodePtr table = new_el(c, dst, "table");
	copy_common_attrs(n, table);
	xmlNodePtr thead = NULL, tbody = NULL, tfoot = NULL;
	xmlNodePtr foot_src[1] = {NULL};
	/* order: caption, thead, tbody (rows, in source order), tfoot */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (is(ch, "caption") && !caption) {
			caption = new_el(c, table, "caption");
			conv_phrasing(c, ch->children, caption);
		}
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (is(ch, "thead")) {
			if (!thead)
				thead = new_el(c, table, "thead");
			for (xmlNodePtr r = ch->children; r; r = r->next)
				if (is(r, "tr"))
					conv_row(c, r, thead);
		}
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_ELEMENT_NODE && (is(ch, "caption") || is(ch, "thead")))
			continue;
		if (is(ch, "tfoot")) {
			if (!foot_src[0])
				foot_src[0] = ch;
			continue;
		}
		if (!tbody)
			tbody = new_el(c, table, "tbody");
		if (is(ch, "tbody")) {
			for (xmlNodePtr r = ch->children; r; r = r->next)
				if (is(r, "tr"))
					conv_row(c, r, tbody);
		} else if (is(ch, "tr")) {
			conv_row(c, ch, tbody);
		} else if ((ch->type == XML_TEXT_NODE && !ws_only((const char *)ch->content)) ||
		           (ch->type == XML_ELEMENT_NODE && classify(ch) != K_DROP)) {
			/* stray content: a row of its own */
			xmlNodePtr row = new_el(c, tbody, "tr");
			xmlNodePtr cell = new_el(c, row, "td");
			xmlNodePtr next = ch->next;
			ch->next = NULL;
			conv_flow(c, ch, cell, false);
			ch->next = next;
		}
	}
	if (foot_src[0]) {
		tfoot = new_el(c, table, "tfoot");
		for (xmlNodePtr r = foot_src[0]->children; r; r = r->next)
			if (is(r, "tr"))
				conv_row(c, r, tfoot);
	}
	/* remove empty sections; a table without rows is kept only as its caption text */
	xmlNodePtr secs[3] = {thead, tbody, tfoot};
	size_t rows = 0;
	for (int i = 0; i < 3; i++) {
		if (!secs[i])
			continue;
		if (!secs[i]->children) {
			xmlUnlinkNode(secs[i]);
			xmlFreeNode(secs[i]);
		} else {
			for (xmlNodePtr r = secs[i]->children; r; r = r->next)
				rows++;
		}
	}
	if (!rows) {
		if (caption && has_content(caption)) {
			xmlNodePtr p = new_el(c, dst, "p");
			xmlNodePtr kids = caption->children;
			xmlUnlinkNode(caption);
			caption->children = caption->last = NULL;
			for (xmlNodePtr k = kids, nx; k; k = nx) {
				nx = k->next;
				k->parent = NULL;
				k->next = k->prev = NULL;
				xmlAddChild(p, k);
			}
			xmlFreeNode(caption);
		}
		xmlUnlinkNode(table);
		xmlFreeNode(table);
	} else if (caption && !has_content(caption)) {
		xmlUnlinkNode(caption);
		xmlFreeNode(caption);
	}
}

static void conv_figure(conv *c, xmlNodePtr n, xmlNodePtr dst)
{
	xmlNodePtr cap_src = NULL;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (is(ch, "figcaption")) {
			cap_src = ch;
			break;
		}
	xmlNodePtr fig = new_el(c, dst, "figure");
	copy_common_attrs(n, fig);
	int saved = c->fig_caption;
	c->fig_caption = cap_src != NULL;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (is(ch, "figcaption"))
			continue;
		xmlNodePtr next = ch->next;
		ch->next = NULL;
		conv_flow(c, ch, fig, false);
		ch->next = next;
	}
	c->fig_caption = saved;
	if (cap_src) {
		xmlNodePtr cap = new_el(c, fig, "figcaption");
		conv_flow(c, cap_src->children, cap, false);
		drop_if_empty(cap);
	}
	drop_if_empty(fig);
}

static void conv_block(conv *c, xmlNodePtr n, xmlNodePtr dst, bool wrap)
{
	char name[16];
	snprintf(name, sizeof name, "%s", lname(n));
	for (char *p = name; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!strcmp(name, "p") || (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) ||
	    !strcmp(name, "pre") || !strcmp(name, "figcaption") || !strcmp(name, "caption") ||
	    !strcmp(name, "dt")) {
		const char *out = name[0] == 'h' || !strcmp(name, "pre") ? name : "p";
		xmlNodePtr el = new_el(c, dst, out);
		copy_common_attrs(n, el);
		bool pre = !strcmp(out, "pre");
		c->in_pre += pre;
		conv_phrasing(c, n->children, el);
		c->in_pre -= pre;
		drop_if_empty(el);
	} else if (!strcmp(name, "ul") || !strcmp(name, "ol")) {
		conv_list(c, n, dst, name);
	} else if (!strcmp(name, "dl")) {
		conv_dl(c, n, dst);
	} else if (!strcmp(name, "blockquote")) {
		xmlNodePtr el = new_el(c, dst, "blockquote");
		copy_common_attrs(n, el);
		copy_quote_attrs(n, el);
		conv_flow(c, n->children, el, true);
		drop_if_empty(el);
	} else if (!strcmp(name, "table")) {
		conv_table(c, n, dst);
	} else if (!strcmp(name, "figure")) {
		conv_figure(c, n, dst);
	} else if (!strcmp(name, "hr")) {
		new_el(c, dst, "hr");
	} else if (!strcmp(name, "li") || !strcmp(name, "dd") || !strcmp(name, "td") ||
	           !strcmp(name, "th")) {
		xmlNodePtr el = new_el(c, dst, "div");
		copy_common_attrs(n, el);
		conv_flow(c, n->children, el, true);
		drop_if_empty(el);
	} else { /* thead, tbody, tfoot, tr outside a table: their content */
		conv_flow(c, n->children, dst, wrap);
	}
}

/* Flow content.  With wrap, loose inline content is gathered into paragraphs. */
static void conv_flow(conv *c, xmlNodePtr first, xmlNodePtr dst, bool wrap)
{
	xmlNodePtr run = NULL; /* the paragraph gathering loose inline content (wrap) */
	for (xmlNodePtr n = first; n; n = n->next) {
		bool text = n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
		if (!text && n->type != XML_ELEMENT_NODE)
			continue;
		kind k = text ? K_INLINE : classify(n);
		if (k == K_DROP)
			continue;
		if (k == K_BLOCK || k == K_CONTAINER) {
			if (run)
				drop_if_empty(run);
			run = NULL;
			if (k == K_BLOCK)
				conv_block(c, n, dst, wrap);
			else
				conv_flow(c, n->children, dst, wrap);
			continue;
		}
		xmlNodePtr into = dst;
		if (wrap) {
			if (!run) {
				if (text && ws_only((const char *)n->content))
					continue;
				run = new_el(c, dst, "p");
			}
			into = run;
		} else if (text && ws_only((const char *)n->content)) {
			/* white space between blocks is noise; between inline content it matters */
			xmlNodePtr last = xmlGetLastChild(dst);
			if (!last || (last->type == XML_ELEMENT_NODE && !is(last, "br") &&
			              (classify(last) == K_BLOCK || is(last, "div"))))
				continue;
		}
		if (text)
			add_text(c, into, (const char *)n->content);
		else
			conv_inline(c, n, into);
	}
	if (run)
		drop_if_empty(run);
}

void write_epub_xhtml_convert(xmlNodePtr src_body, xmlNodePtr dst, xmlNsPtr ns, const char *base_url,
                              write_epub_image_fn image, void *image_ctx)
{
	if (!src_body)
		return;
	conv c = {.doc = dst->doc, .ns = ns, .base = base_url, .image = image, .image_ctx = image_ctx};
	conv_flow(&c, src_body->children, dst, true);
}
