/* read-html metadata: small text helpers (attributes, tokens, element text, entities) and the
 * composition of combining marks (NFC, libunistring). */
#include "meta_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <uninorm.h>

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

/* Does s hold a character that NFC may compose with the one before it: a combining mark (any
 * script: accents, Indic nuktas and vowel signs, kana voicing marks...) or a Hangul vowel or final
 * jamo? */
static bool has_composable(const char *s)
{
	const char *p = s;
	while (*p && (unsigned char)*p < 0xCC) /* below U+0300 nothing combines */
		p++;
	if (!*p)
		return false;
	const char *end = p + strlen(p);
	while (p < end) {
		uint32_t cp = galley_utf8_next(&p, end);
		if (cp >= 0x300 && (uc_combining_class(cp) != UC_CCC_NR || (cp >= 0x1160 && cp <= 0x11FF) ||
		                    uc_is_property_grapheme_extend(cp)))
			return true;
	}
	return false;
}

char *rh_nfc_compose(const char *s)
{
	if (!has_composable(s))
		return NULL;
	size_t n = 0;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s) + 1, NULL, &n);
	if (!r)
		return NULL;
	if (!strcmp((const char *)r, s)) {
		free(r);
		return NULL;
	}
	return (char *)r;
}
