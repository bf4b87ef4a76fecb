/* strip-boilerplate: element kinds by tag name (what the rebuild does with an element). */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sb_tag {
	const char *name;
	unsigned char kind;
} sb_tag;

static const sb_tag sb_tags[] = {
	{"a", K_A}, {"abbr", K_INLINE}, {"address", K_CONTAINER}, {"article", K_CONTAINER},
	{"aside", K_ASIDE}, {"audio", K_DROP}, {"b", K_INLINE}, {"blockquote", K_QUOTE},
	{"body", K_CONTAINER}, {"br", K_BR}, {"button", K_FORM}, {"canvas", K_DROP},
	{"caption", K_BLOCK}, {"center", K_CONTAINER}, {"cite", K_INLINE}, {"code", K_INLINE},
	{"dd", K_BLOCK}, {"details", K_CONTAINER}, {"dialog", K_DROP}, {"dir", K_LIST},
	{"div", K_CONTAINER}, {"dl", K_LIST}, {"dt", K_BLOCK}, {"em", K_INLINE}, {"embed", K_DROP},
	{"fieldset", K_CONTAINER}, {"figcaption", K_BLOCK}, {"figure", K_FIGURE},
	{"footer", K_FOOTER}, {"form", K_CONTAINER}, {"h1", K_BLOCK}, {"h2", K_BLOCK},
	{"h3", K_BLOCK}, {"h4", K_BLOCK}, {"h5", K_BLOCK}, {"h6", K_BLOCK}, {"head", K_DROP},
	{"header", K_HEADER}, {"hgroup", K_CONTAINER}, {"hr", K_HR}, {"i", K_INLINE},
	{"iframe", K_DROP}, {"img", K_IMG}, {"input", K_FORM}, {"label", K_OTHER},
	{"li", K_LI}, {"link", K_DROP}, {"main", K_CONTAINER}, {"map", K_DROP}, {"mark", K_INLINE},
	{"math", K_DROP}, {"menu", K_LIST}, {"meta", K_DROP}, {"nav", K_NAV}, {"noscript", K_DROP},
	{"object", K_DROP}, {"ol", K_LIST}, {"optgroup", K_FORM}, {"option", K_FORM}, {"p", K_BLOCK},
	{"picture", K_OTHER}, {"pre", K_BLOCK}, {"q", K_INLINE}, {"rp", K_DROP}, {"rt", K_DROP},
	{"s", K_INLINE}, {"script", K_DROP},
	{"section", K_CONTAINER}, {"select", K_FORM}, {"small", K_INLINE}, {"source", K_DROP},
	{"span", K_INLINE}, {"strong", K_INLINE}, {"style", K_DROP}, {"sub", K_INLINE},
	{"summary", K_CONTAINER}, {"sup", K_INLINE}, {"svg", K_DROP}, {"table", K_TABLE},
	{"tbody", K_TPART}, {"td", K_CELL}, {"template", K_DROP}, {"textarea", K_FORM},
	{"tfoot", K_TPART}, {"th", K_CELL}, {"thead", K_TPART}, {"time", K_INLINE},
	{"title", K_DROP}, {"tr", K_TPART}, {"track", K_DROP}, {"u", K_INLINE}, {"ul", K_LIST},
	{"video", K_DROP},
};

static int sb_tag_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const sb_tag *)e)->name);
}

int sb_kind_of(xmlNodePtr n)
{
	char low[16];
	size_t i = 0;
	for (const xmlChar *p = n->name; p && *p; p++) {
		if (i + 1 >= sizeof low)
			return K_OTHER;
		low[i++] = (char)tolower(*p);
	}
	low[i] = '\0';
	const sb_tag *t = bsearch(low, sb_tags, sizeof sb_tags / sizeof sb_tags[0], sizeof sb_tags[0], sb_tag_cmp);
	return t ? t->kind : K_OTHER;
}

bool sb_is_heading(xmlNodePtr n)
{
	return n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' && n->name[1] <= '6' &&
	       !n->name[2];
}

bool sb_inline_kind(int k)
{
	return k == K_INLINE || k == K_A || k == K_OTHER || k == K_BR || k == K_IMG || k == K_DROP;
}
