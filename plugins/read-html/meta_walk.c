/* read-html metadata: the one cleaning walk over the parsed page, collecting candidates. */
#include "meta_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TIME_CANDIDATES 8
#define NOSCRIPT_KEEP_CHARS 500
#define MAX_HCARD_CANDIDATES 5
/* deepest element nesting handed on (the parser takes any depth; deeper content is flattened) */
#define MAX_DEPTH 256
#define MAX_JSONLD_BYTES ((size_t)4 << 20)
/* copyright lines kept for the site decision, and the longest taken as one */
#define MAX_COPYRIGHT_CANDIDATES 3
#define COPYRIGHT_MAX_BYTES 200

/* ---- the walk ---------------------------------------------------------------------------------- */

static xmlNodePtr after_subtree(xmlNodePtr n, xmlNodePtr top)
{
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static void read_html_itemprop(meta_ctx *mc, xmlNodePtr n, const char *ip)
{
	const char *v = rh_attr(n, "content");
	if (!v)
		v = rh_attr(n, "datetime");
	if (rh_has_token(ip, "datePublished") || rh_has_token(ip, "dateCreated")) {
		if (v) {
			rh_add(mc, "date", v, "microdata");
		} else {
			char *t = rh_node_text(n);
			rh_add(mc, "date", t, "microdata");
			free(t);
		}
	} else if (rh_has_token(ip, "dateModified")) {
		if (v) {
			rh_add(mc, "date_modified", v, "microdata");
		} else {
			char *t = rh_node_text(n);
			rh_add(mc, "date_modified", t, "microdata");
			free(t);
		}
	} else if (rh_has_token(ip, "author") || rh_has_token(ip, "creator")) {
		if (v) {
			rh_add(mc, "author", v, "microdata");
			return;
		}
		/* itemprop=author itemscope: its itemprop=name child, else its text when short */
		xmlNodePtr name = NULL;
		for (xmlNodePtr c = n->children; c && !name;) {
			if (c->type == XML_ELEMENT_NODE) {
				const char *cip = rh_attr(c, "itemprop");
				if (cip && rh_has_token(cip, "name")) {
					name = c;
					break;
				}
				if (c->children) {
					c = c->children;
					continue;
				}
			}
			c = after_subtree(c, n);
		}
		char *t = rh_node_text(name ? name : n);
		if (t && strlen(t) <= 80)
			rh_add(mc, "author", name && rh_attr(name, "content") ? rh_attr(name, "content") : t, "microdata");
		free(t);
	} else if (rh_has_token(ip, "headline")) {
		char *t = v ? NULL : rh_node_text(n);
		rh_add(mc, "title", v ? v : t, "microdata");
		free(t);
	}
}

/* hCard/hAtom microformats: the "fn" (or "p-name") of an element marked "author" (itself or one
 * of its four nearest ancestors): <span class="author vcard"><a class="url fn">Name</a></span>. */
static void read_html_hcard(meta_ctx *mc, xmlNodePtr n, const char *cls)
{
	bool author = rh_has_token(cls, "author") || rh_has_token(cls, "p-author");
	xmlNodePtr p = n->parent;
	for (int up = 0; !author && up < 4 && p && p->type == XML_ELEMENT_NODE; up++, p = p->parent) {
		const char *pc = rh_attr(p, "class");
		if (pc && (rh_has_token(pc, "author") || rh_has_token(pc, "p-author")))
			author = true;
	}
	if (!author)
		return;
	char *t = rh_node_text(n);
	if (t && *t && strlen(t) <= 80) {
		rh_add(mc, "author", t, "microformat");
		mc->n_hcard++;
	}
	free(t);
}

/* A text node: soft hyphens dropped, combining accents composed. */
/* A copyright line ("© 2024 Example News", "Copyright 2019 Example Ltd."): the text of the
 * element holding the mark, kept as a "copyright" candidate for the site decision.  The last
 * lines of the page are the footer's, so later ones replace earlier ones beyond the cap. */
static void walk_copyright(meta_ctx *mc, xmlNodePtr n)
{
	const char *t = (const char *)n->content;
	if (!t || (!strstr(t, "\xC2\xA9") && !strcasestr(t, "copyright")) || !n->parent ||
	    n->parent->type != XML_ELEMENT_NODE)
		return;
	char *line = rh_node_text(n->parent);
	if (line && strlen(line) <= COPYRIGHT_MAX_BYTES) {
		if (mc->n_copyright == MAX_COPYRIGHT_CANDIDATES) {
			/* drop the earliest copyright candidate: the footer's comes last */
			for (size_t i = 0; i < mc->n; i++)
				if (!strcmp(mc->c[i].field, "copyright")) {
					free(mc->c[i].value);
					memmove(&mc->c[i], &mc->c[i + 1], (mc->n - i - 1) * sizeof mc->c[0]);
					mc->n--;
					mc->n_copyright--;
					break;
				}
		}
		size_t before = mc->n;
		rh_add(mc, "copyright", line, "page-text");
		mc->n_copyright += mc->n > before;
	}
	free(line);
}

static void walk_text(meta_ctx *mc, xmlNodePtr n)
{
	/* soft hyphens are invisible hints that split words in the text */
	if (n->content && strstr((const char *)n->content, "\xC2\xAD")) {
		char *w = (char *)n->content, *r = w;
		for (; *r; r++) {
			if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xAD) {
				r++;
				continue;
			}
			*w++ = *r;
		}
		*w = 0;
	}
	/* combining marks are composed (NFC) */
	if (n->content) {
		char *c = rh_nfc_compose((const char *)n->content);
		if (c) {
			xmlNodeSetContent(n, BAD_CAST c);
			free(c);
		}
	}
	walk_copyright(mc, n);
}

/* An element: its candidates recorded; true when it goes (*unwrap: its children stay in its place). */
static bool walk_element(meta_ctx *mc, xmlNodePtr n, bool *unwrap)
{
	bool remove = false;
	const char *name = (const char *)n->name;
	switch (name[0]) {
	case 'a':
		if (!strcmp(name, "a")) {
			const char *rel = rh_attr(n, "rel");
			if (rel && rh_has_token(rel, "author")) {
				char *t = rh_node_text(n);
				if (t && strlen(t) <= 80)
					rh_add(mc, "author", t, "link");
				free(t);
			}
		}
		break;
	case 'h':
		if (!strcmp(name, "html")) {
			const char *lang = rh_attr(n, "lang");
			if (!lang)
				lang = rh_attr(n, "xml:lang");
			rh_add(mc, "language", lang, "html-lang");
		} else if (mc->n_h1 < 3 && !strcmp(name, "h1")) {
			char *t = rh_node_text(n);
			if (t && *t) {
				rh_add(mc, "title", t, "h1");
				mc->n_h1++;
			}
			free(t);
		}
		break;
	case 'l':
		if (!strcmp(name, "link")) {
			const char *rel = rh_attr(n, "rel");
			const char *href = rh_attr(n, "href");
			if (rel && href && rh_has_token(rel, "canonical"))
				rh_add(mc, "url", href, "link");
			remove = true;
		}
		break;
	case 'm':
		if (!strcmp(name, "meta")) {
			rh_meta_element(mc, n);
			remove = true;
		}
		break;
	case 'n':
		if (!strcmp(name, "noscript")) {
			/* a tracking pixel or "enable JavaScript" goes; a page that wraps its whole
			 * content in <noscript> keeps it */
			xmlChar *t = xmlNodeGetContent(n);
			size_t tl = t ? strlen((const char *)t) : 0;
			xmlFree(t);
			if (tl >= NOSCRIPT_KEEP_CHARS && n->children)
				*unwrap = true;
			else
				remove = true;
		}
		break;
	case 's':
		if (!strcmp(name, "script")) {
			const char *type = rh_attr(n, "type");
			if (type && strcasestr(type, "ld+json") && mc->jsonld_bytes < MAX_JSONLD_BYTES) {
				xmlChar *t = xmlNodeGetContent(n);
				if (t) {
					mc->jsonld = galley_realloc(mc->jsonld, (mc->n_jsonld + 1) * sizeof *mc->jsonld);
					mc->jsonld[mc->n_jsonld++] = galley_strdup((const char *)t);
					mc->jsonld_bytes += strlen((const char *)t);
					xmlFree(t);
				}
			}
			remove = true;
		} else if (!strcmp(name, "style")) {
			remove = true;
		}
		break;
	case 't':
		if (!strcmp(name, "template")) {
			remove = true;
		} else if (!strcmp(name, "title") && !mc->have_title_tag) {
			bool in_svg = false;
			for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
				if (!strcmp((const char *)p->name, "svg"))
					in_svg = true;
			if (!in_svg) {
				char *t = rh_node_text(n);
				if (t && *t) {
					rh_add(mc, "title", t, "title-tag");
					mc->have_title_tag = true;
				}
				free(t);
			}
		} else if (!strcmp(name, "time") && mc->n_time < MAX_TIME_CANDIDATES) {
			const char *dt = rh_attr(n, "datetime");
			if (dt && *dt) {
				rh_add(mc, "date", dt, "time");
				mc->n_time++;
			}
		}
		break;
	default: break;
	}
	if (!remove && n->properties) {
		const char *ip = rh_attr(n, "itemprop");
		if (ip && *ip && strcmp(name, "meta"))
			read_html_itemprop(mc, n, ip);
		const char *cls = rh_attr(n, "class");
		if (cls && mc->n_hcard < MAX_HCARD_CANDIDATES && (rh_has_token(cls, "fn") || rh_has_token(cls, "p-name")))
			read_html_hcard(mc, n, cls);
	}
	return remove;
}

/* Put n's children in its place (n itself is removed by the caller); returns the first child. */
static xmlNodePtr walk_unwrap(xmlNodePtr n)
{
	xmlNodePtr next;
	next = n->children;
	for (xmlNodePtr c = n->children, cn; c; c = cn) {
		cn = c->next;
		xmlUnlinkNode(c);
		/* link by hand: xmlAddPrevSibling would merge adjacent text nodes */
		c->parent = n->parent;
		c->prev = n->prev;
		c->next = n;
		if (n->prev)
			n->prev->next = c;
		else if (n->parent)
			n->parent->children = c;
		n->prev = c;
	}
	return next;
}

void rh_walk(meta_ctx *mc, xmlDocPtr doc)
{
	xmlNodePtr top = (xmlNodePtr)doc;
	xmlNodePtr n = doc->children;
	int depth = 1;
	while (n) {
		bool remove = false, unwrap = false;
		if (n->type == XML_ELEMENT_NODE && depth >= MAX_DEPTH && n->children &&
		    (n->children->next || n->children->type != XML_TEXT_NODE)) {
			/* pathological nesting: keep the text, drop the deeper structure, so that no later
			 * stage has to walk thousands of levels */
			xmlChar *t = xmlNodeGetContent(n);
			xmlFreeNodeList(n->children);
			n->children = n->last = NULL;
			if (t && *t)
				xmlAddChild(n, xmlNewDocText(n->doc, t));
			xmlFree(t);
		}
		switch (n->type) {
		case XML_COMMENT_NODE:
		case XML_PI_NODE: remove = true; break;
		case XML_TEXT_NODE: walk_text(mc, n); break;
		case XML_ELEMENT_NODE: remove = walk_element(mc, n, &unwrap); break;
		default: break;
		}
		xmlNodePtr next;
		if (unwrap) {
			next = walk_unwrap(n);
			remove = true;
		} else if (!remove && n->type == XML_ELEMENT_NODE && n->children) {
			next = n->children;
			depth++;
		} else {
			next = n;
			while (next && next != top && !next->next) {
				next = next->parent;
				depth--;
			}
			next = next && next != top ? next->next : NULL;
		}
		if (remove) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		n = next;
	}
}
