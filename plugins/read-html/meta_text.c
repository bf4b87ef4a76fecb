/* read-html metadata: small text helpers (attributes, tokens, element text, entities) and the
 * composition of combining accents. */
#include "meta_internal.h"
#include "nfc_table.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- small text helpers -------------------------------------------------------------------- */

const char *rh_attr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr p = n->properties; p; p = p->next) {
		if (xmlStrcasecmp(p->name, BAD_CAST name))
			continue;
		if (!p->children)
			return "";
		if (p->children->type == XML_TEXT_NODE && !p->children->next)
			return (const char *)p->children->content;
		return NULL;
	}
	return NULL;
}

bool rh_has_token(const char *list, const char *tok)
{
	size_t tl = strlen(tok);
	const char *p = list;
	while (p && *p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		size_t l = 0;
		while (p[l] && !isspace((unsigned char)p[l]))
			l++;
		if (l == tl && !strncasecmp(p, tok, l))
			return true;
		p += l;
	}
	return false;
}

char *rh_node_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return NULL;
	char *s = galley_ws_normalize((const char *)t);
	xmlFree(t);
	return s;
}

bool rh_looks_like_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) || !strncmp(s, "//", 2) ||
	       !strncasecmp(s, "www.", 4);
}

/* Decode the HTML character references that leak into JSON-LD and meta values. */
char *rh_decode_entities(const char *s)
{
	if (!strchr(s, '&'))
		return galley_strdup(s);
	static const struct {
		const char *name;
		uint32_t cp;
	} ents[] = {{"amp", '&'},      {"quot", '"'},     {"apos", '\''},   {"lt", '<'},      {"gt", '>'},
	            {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"laquo", 0xAB},
	            {"raquo", 0xBB},   {"bdquo", 0x201E}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018},
	            {"rsquo", 0x2019}, {"auml", 0xE4},    {"ouml", 0xF6},   {"uuml", 0xFC},   {"Auml", 0xC4},
	            {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"szlig", 0xDF},  {"eacute", 0xE9}, {"egrave", 0xE8}};
	galley_buf b = {0};
	const char *p = s;
	while (*p) {
		if (*p != '&') {
			galley_buf_putc(&b, *p++);
			continue;
		}
		const char *semi = strchr(p, ';');
		uint32_t cp = 0;
		if (semi && semi - p <= 10) {
			if (p[1] == '#') {
				char *end = NULL;
				unsigned long v = (p[2] == 'x' || p[2] == 'X') ? strtoul(p + 3, &end, 16) : strtoul(p + 2, &end, 10);
				if (end == semi && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
					cp = (uint32_t)v;
			} else {
				for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++)
					if ((size_t)(semi - p - 1) == strlen(ents[i].name) && !strncmp(p + 1, ents[i].name, strlen(ents[i].name))) {
						cp = ents[i].cp;
						break;
					}
			}
		}
		if (!cp) {
			galley_buf_putc(&b, *p++);
			continue;
		}
		galley_buf_put_utf8(&b, cp);
		p = semi + 1;
	}
	return galley_buf_steal(&b);
}

/* ---- Unicode composition ----------------------------------------------------------------------- */

static int nfc_cmp(const void *k, const void *e)
{
	const uint32_t *key = k;
	const uint16_t *ent = e; /* base, mark, composed */
	if (key[0] != ent[0])
		return key[0] < ent[0] ? -1 : 1;
	if (key[1] != ent[1])
		return key[1] < ent[1] ? -1 : 1;
	return 0;
}

/* Compose a letter followed by combining marks into the precomposed letter (NFC for Latin,
 * Greek and Cyrillic): "u" U+0308 -> "ü".  Returns a new string, or NULL when nothing changed. */
char *rh_nfc_compose(const char *s)
{
	const char *end = s + strlen(s), *p = s;
	galley_buf b = {0};
	uint32_t base = 0;
	size_t base_off = 0;
	bool have_base = false, changed = false;
	while (p < end) {
		uint32_t cp = galley_utf8_next(&p, end);
		if (cp >= 0x300 && cp <= 0x36F && have_base && base <= 0xFFFF) {
			uint32_t key[2] = {base, cp};
			const uint16_t *hit = bsearch(key, read_html_nfc, sizeof read_html_nfc / sizeof read_html_nfc[0],
			                              sizeof read_html_nfc[0], nfc_cmp);
			if (hit) {
				b.len = base_off;
				galley_buf_put_utf8(&b, hit[2]);
				base = hit[2];
				changed = true;
				continue;
			}
			have_base = false; /* a mark that does not compose blocks the later ones */
			galley_buf_put_utf8(&b, cp);
			continue;
		}
		base_off = b.len;
		base = cp;
		have_base = true;
		galley_buf_put_utf8(&b, cp);
	}
	if (!changed) {
		galley_buf_free(&b);
		return NULL;
	}
	return galley_buf_steal(&b);
}
