/* strip-boilerplate, pass 1 (annotate): each element's kind, class/id vocabulary hits, ARIA role,
 * itemprop, hidden markers, and its direct text and commas. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Count characters of a text node, white space runs counting as one. */
static double sb_text_len(const xmlChar *s, int *commas)
{
	double n = 0;
	bool ws = true;
	for (; s && *s; s++) {
		unsigned char c = *s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (!ws)
				n++;
			ws = true;
			continue;
		}
		ws = false;
		if ((c & 0xC0) != 0x80)
			n++;
		if (c == ',')
			(*commas)++;
	}
	return n;
}

/* Split a lower-cased class/id string into tokens (non-alphanumerics and camelCase humps
 * separate) and look them up. */
static void sb_classify_attr(sb_ctx *c, const char *raw, int *neg, int *weight, bool *mark, bool *lead)
{
	const sb_state *st = c->st;
	galley_buf *b = &c->cls;
	galley_buf_reset(b);
	/* lower-case copy with separators at camelCase humps */
	for (const char *p = raw; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (isupper(ch) && p > raw && islower((unsigned char)p[-1]))
			galley_buf_putc(b, '-');
		galley_buf_putc(b, (char)tolower(ch));
	}
	if (!b->len)
		return;
	const char *s = b->data;
	if (sb_vocab_find(&st->bodymark, s, b->len) >= 0)
		*mark = true;
	if (sb_vocab_find(&st->lead, s, b->len) >= 0)
		*lead = true;
	if (!*neg) {
		int j = sb_vocab_find(&st->negative, s, b->len);
		if (j >= 0)
			*neg = st->negative.sub_value[j];
	}
	for (size_t i = 0; i < st->positive.n_sub; i++)
		if (strstr(s, st->positive.sub[i]))
			*weight += st->positive.sub_value[i];
	const sb_entry *e;
	/* whole class names (space separated) for the "=name" patterns */
	for (const char *p = s; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *t = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		size_t len = (size_t)(p - t);
		if (!len)
			continue;
		if (!*neg && (e = sb_map_get(&st->negative.exact, t, len)))
			*neg = e->value;
		if ((e = sb_map_get(&st->positive.exact, t, len)))
			*weight += e->value;
		if (sb_map_get(&st->bodymark.exact, t, len))
			*mark = true;
		if (sb_map_get(&st->lead.exact, t, len))
			*lead = true;
	}
	const char *p = s;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *t = p;
		while (*p && isalnum((unsigned char)*p))
			p++;
		size_t len = (size_t)(p - t);
		if (!len)
			continue;
		for (size_t k = 1; k <= len && k < 64; k++) {
			if (!*neg && st->negative.prefix.lens[k] && (e = sb_map_get(&st->negative.prefix, t, k)))
				*neg = e->value;
			if (st->positive.prefix.lens[k] && (e = sb_map_get(&st->positive.prefix, t, k)))
				*weight += e->value;
			if (st->lead.prefix.lens[k] && sb_map_get(&st->lead.prefix, t, k))
				*lead = true;
		}
	}
}

/* Pages repeat the same class values many times: classify each distinct value once. */
struct sb_cache_slot {
	const char *key; /* borrowed from the page's attribute */
	int neg, weight;
	bool mark, lead;
};
typedef struct sb_cache_slot sb_cache_slot;

static void sb_classify_cached(sb_ctx *c, const char *raw, int *neg, int *weight, bool *mark, bool *lead)
{
	size_t len = strlen(raw);
	if (c->cache_n * 2 >= c->cache_cap) {
		size_t ncap = c->cache_cap ? c->cache_cap * 2 : 256;
		sb_cache_slot *ns = galley_calloc(ncap, sizeof *ns);
		for (size_t i = 0; i < c->cache_cap; i++) {
			if (!c->cache[i].key)
				continue;
			size_t h = sb_hash(c->cache[i].key, strlen(c->cache[i].key)) & (ncap - 1);
			while (ns[h].key)
				h = (h + 1) & (ncap - 1);
			ns[h] = c->cache[i];
		}
		free(c->cache);
		c->cache = ns;
		c->cache_cap = ncap;
	}
	size_t h = sb_hash(raw, len) & (c->cache_cap - 1);
	while (c->cache[h].key) {
		if (!strcmp(c->cache[h].key, raw))
			break;
		h = (h + 1) & (c->cache_cap - 1);
	}
	sb_cache_slot *slot = &c->cache[h];
	if (!slot->key) {
		slot->key = raw;
		sb_classify_attr(c, raw, &slot->neg, &slot->weight, &slot->mark, &slot->lead);
		c->cache_n++;
	}
	if (!*neg)
		*neg = slot->neg;
	*weight += slot->weight;
	*mark = *mark || slot->mark;
	*lead = *lead || slot->lead;
}

const char *sb_attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name) && a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

static bool sb_contains_ci(const char *hay, const char *needle)
{
	return hay && strcasestr(hay, needle) != NULL;
}

/* An element's attributes: class/id vocabulary hits, role, itemprop, rel, hidden markers. */
static void sb_annotate_attrs(sb_ctx *c, sb_info *in, xmlNodePtr n)
{
	int neg = 0, weight = 0;
	bool mark = false, lead = false;
	/* one pass over the attributes */
	const char *cl = NULL, *id = NULL, *role = NULL, *itemprop = NULL, *rel = NULL, *ah = NULL,
	           *style = NULL;
	for (xmlAttrPtr at = n->properties; at; at = at->next) {
		const char *an = (const char *)at->name;
		const char *av = at->children && at->children->content ? (const char *)at->children->content : NULL;
		if (!an)
			continue;
		switch (an[0] | 0x20) {
		case 'c': if (!strcasecmp(an, "class")) cl = av; break;
		case 'i':
			if (!strcasecmp(an, "id")) id = av;
			else if (!strcasecmp(an, "itemprop")) itemprop = av;
			break;
		case 'r':
			if (!strcasecmp(an, "role")) role = av;
			else if (!strcasecmp(an, "rel")) rel = av;
			break;
		case 'a': if (!strcasecmp(an, "aria-hidden")) ah = av; break;
		case 's': if (!strcasecmp(an, "style")) style = av; break;
		case 'h': if (!strcasecmp(an, "hidden")) in->flags |= F_HIDDEN; break;
		default: break;
		}
	}
	if (cl)
		sb_classify_cached(c, cl, &neg, &weight, &mark, &lead);
	if (id)
		sb_classify_cached(c, id, &neg, &weight, &mark, &lead);
	if (lead)
		in->flags |= F_LEAD;
	if (role) {
		if (!strcasecmp(role, "navigation") || !strcasecmp(role, "menu") || !strcasecmp(role, "menubar"))
			neg = neg ? neg : R_NAV;
		else if (!strcasecmp(role, "banner"))
			neg = neg ? neg : R_HEADER;
		else if (!strcasecmp(role, "contentinfo"))
			neg = neg ? neg : R_FOOTER;
		else if (!strcasecmp(role, "complementary"))
			neg = neg ? neg : R_SIDEBAR;
		else if (!strcasecmp(role, "main") || !strcasecmp(role, "article"))
			in->flags |= F_SEMANTIC_MAIN;
		else if (!strcasecmp(role, "dialog") || !strcasecmp(role, "alertdialog"))
			neg = neg ? neg : R_COOKIE;
	}
	if (itemprop) {
		if (sb_contains_ci(itemprop, "articlebody") || !strcasecmp(itemprop, "text") ||
		    sb_contains_ci(itemprop, "reviewbody")) {
			in->flags |= F_ITEMPROP_BODY | F_BODYMARK;
			mark = true;
		} else if (sb_contains_ci(itemprop, "author"))
			neg = neg ? neg : R_BYLINE;
		else if (sb_contains_ci(itemprop, "date"))
			neg = neg ? neg : R_DATELINE;
		else if (sb_contains_ci(itemprop, "comment"))
			neg = neg ? neg : R_COMMENTS;
	}
	if (rel && sb_contains_ci(rel, "author"))
		neg = neg ? neg : R_BYLINE;
	if (ah && !strcasecmp(ah, "true") && in->kind != K_A)
		in->flags |= F_HIDDEN;
	if (style && (strstr(style, "display:none") || strstr(style, "display: none") ||
	              strstr(style, "visibility:hidden") || strstr(style, "visibility: hidden")))
		in->flags |= F_HIDDEN;
	if (in->kind == K_CONTAINER && n->name && !strcasecmp((const char *)n->name, "article"))
		in->flags |= F_SEMANTIC_MAIN;
	if (in->kind == K_CONTAINER && n->name && !strcasecmp((const char *)n->name, "main"))
		in->flags |= F_SEMANTIC_MAIN;
	in->neg = neg;
	in->weight = weight;
	if (mark)
		in->flags |= F_BODYMARK;

}

/* Pass 1: pre-order numbering and annotation.  Iterative (pages nest deeply). */
void sb_annotate(sb_ctx *c, xmlNodePtr root)
{
	xmlNodePtr n = root;
	int parent = -1;
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (c->n == c->cap) {
				c->cap = c->cap ? c->cap * 2 : 1024;
				c->info = galley_realloc(c->info, c->cap * sizeof *c->info);
			}
			int idx = (int)c->n++;
			sb_info *in = &c->info[idx];
			memset(in, 0, sizeof *in);
			in->node = n;
			in->saved = n->_private;
			in->parent = parent;
			in->kind = (unsigned char)sb_kind_of(n);
			if (parent >= 0 && ((c->info[parent].flags & F_IN_LINK) || c->info[parent].kind == K_A))
				in->flags |= F_IN_LINK;
			n->_private = (void *)(intptr_t)(idx + 1);

			sb_annotate_attrs(c, in, n);

			/* descend */
			if (n->children && in->kind != K_DROP) {
				parent = idx;
				n = n->children;
				continue;
			}
			c->info[idx].last = idx;
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (parent >= 0) {
				int commas = 0;
				double len = sb_text_len(n->content, &commas);
				sb_info *p = &c->info[parent];
				p->text += len;
				if ((p->flags & F_IN_LINK) || p->kind == K_A)
					p->link += len;
				p->score += commas; /* commas of direct text, used by the paragraph score */
			}
		}
		/* next: sibling, or climb */
		while (n && n != root && !n->next) {
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE && n->_private) {
				int idx = (int)(intptr_t)n->_private - 1;
				c->info[idx].last = (int)c->n - 1;
				parent = c->info[idx].parent;
			}
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
	if (c->n)
		c->info[0].last = (int)c->n - 1;
}

void sb_restore(sb_ctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		c->info[i].node->_private = c->info[i].saved;
}

int sb_index(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && n->_private ? (int)(intptr_t)n->_private - 1 : -1;
}

/* Whether a subtree is boilerplate by itself (tag, role, class, hidden). Returns a reason. */
int sb_own_reason(const sb_info *in)
{
	if (in->flags & F_HIDDEN)
		return R_HIDDEN;
	switch (in->kind) {
	case K_DROP: return R_HIDDEN;
	case K_FORM: return R_FORM;
	case K_NAV: return R_NAV;
	case K_ASIDE: return R_SIDEBAR;
	case K_FOOTER: return R_FOOTER;
	default: break;
	}
	if (in->neg && !(in->flags & (F_BODYMARK | F_SEMANTIC_MAIN)) && in->weight < 2)
		return in->neg;
	return 0;
}
