/* read-html: metadata candidates and the one cleaning walk over the parsed page.
 *
 * Sources and the origin word each candidate carries:
 *   json-ld       <script type="application/ld+json">: Article-like objects (NewsArticle,
 *                 BlogPosting, ReportageNewsArticle, ...), also in @graph, arrays and mainEntity;
 *                 @id references are resolved (Yoast-style graphs name authors by @id)
 *   opengraph     og:title, og:description, og:url, og:site_name, og:locale, og:image
 *   article-meta  article:published_time, article:modified_time, article:author, article:section,
 *                 article:tag
 *   twitter       twitter:title, twitter:description, twitter:image, twitter:creator
 *   dublin-core   DC.* and DCTERMS.* meta
 *   meta          meta name=author|date|pubdate|description|keywords|... and http-equiv
 *   microdata     itemprop=author|datePublished|dateModified|headline
 *   time          <time datetime>
 *   link          <link rel=canonical>, <a rel=author>
 *   html-lang     <html lang>
 *   title-tag     <title>, without a " | Site" suffix
 *   h1            the first <h1>, when nothing else names a title
 * Every candidate is recorded; the best one by a fixed order of origins per field decides the
 * article's title, site, language, URL, description and default date. */
#include "metadata.h"
#include "nfc_table.h"

#include <ctype.h>
#include <json-c/json.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_TIME_CANDIDATES 8
#define NOSCRIPT_KEEP_CHARS 500
#define MAX_HCARD_CANDIDATES 5
#define TITLE_NEAR 0.6
/* deepest element nesting handed on (the parser takes any depth; deeper content is flattened) */
#define MAX_DEPTH 256
#define MAX_JSONLD_BYTES ((size_t)4 << 20)

typedef struct cand {
	const char *field;  /* static */
	char *value;
	const char *origin; /* static */
	int rank;
	size_t seq;
} cand;

typedef struct meta_ctx {
	galley_article *a;
	cand *c;
	size_t n, cap;
	char **jsonld;
	size_t n_jsonld;
	size_t jsonld_bytes;
	int n_time;
	bool have_title_tag;
	int n_h1;
	int n_hcard;
	int svg_depth;
} meta_ctx;

/* ---- ranks: lower wins ------------------------------------------------------------------- */

static int read_html_rank(const char *field, const char *origin)
{
	static const struct {
		const char *field, *origins[10];
	} order[] = {
		{"title", {"opengraph", "json-ld", "twitter", "dublin-core", "microdata", "meta", "title-tag", "h1", NULL}},
		{"date", {"json-ld", "article-meta", "microdata", "meta", "dublin-core", "opengraph", "time", "warc", NULL}},
		{"date_modified", {"json-ld", "article-meta", "microdata", "meta", "dublin-core", "opengraph", NULL}},
		{"author", {"json-ld", "article-meta", "microdata", "meta", "dublin-core", "microformat", "link", "twitter", NULL}},
		{"url", {"link", "opengraph", "json-ld", "dublin-core", "warc", NULL}},
		{"site", {"opengraph", "json-ld", "meta", "dublin-core", "title-tag", NULL}},
		{"language", {"html-lang", "meta", "dublin-core", "json-ld", "opengraph", NULL}},
		{"description", {"opengraph", "meta", "json-ld", "dublin-core", "twitter", NULL}},
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (strcmp(order[i].field, field))
			continue;
		for (int k = 0; order[i].origins[k]; k++)
			if (!strcmp(order[i].origins[k], origin))
				return k;
		return 50;
	}
	return 0;
}

/* ---- small text helpers -------------------------------------------------------------------- */

static const char *attr(xmlNodePtr n, const char *name)
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

static bool has_token(const char *list, const char *tok)
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

static char *node_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return NULL;
	char *s = galley_ws_normalize((const char *)t);
	xmlFree(t);
	return s;
}

static bool looks_like_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8) || !strncmp(s, "//", 2) ||
	       !strncasecmp(s, "www.", 4);
}

/* Decode the HTML character references that leak into JSON-LD and meta values. */
static char *decode_entities(const char *s)
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

/* ---- dates ----------------------------------------------------------------------------------- */

static int month_from_name(const char *p, size_t *used)
{
	static const struct {
		const char *name;
		int m;
	} months[] = {
		{"january", 1},  {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},      {"june", 6},
		{"july", 7},     {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
		{"januar", 1},   {"februar", 2},  {"märz", 3},      {"maerz", 3},    {"mai", 5},      {"juni", 6},
		{"juli", 7},     {"oktober", 10}, {"dezember", 12}, {"jänner", 1},   {"janvier", 1},  {"février", 2},
		{"mars", 3},     {"avril", 4},    {"juin", 6},      {"juillet", 7},  {"août", 8},     {"septembre", 9},
		{"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"jan", 1},     {"feb", 2},      {"mar", 3},
		{"mär", 3},      {"apr", 4},      {"jun", 6},       {"jul", 7},      {"aug", 8},      {"sep", 9},
		{"sept", 9},     {"oct", 10},     {"okt", 10},      {"nov", 11},     {"dec", 12},     {"dez", 12},
	};
	size_t len = 0;
	while (p[len] && (isalpha((unsigned char)p[len]) || (unsigned char)p[len] >= 0x80))
		len++;
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		size_t ml = strlen(months[i].name);
		if (len == ml && !strncasecmp(p, months[i].name, ml)) {
			*used = len;
			return months[i].m;
		}
	}
	/* "Sept." and other abbreviations followed by a dot */
	return 0;
}

static int read_num(const char **p, int maxdigits, int *ndigits)
{
	int v = 0, k = 0;
	while (k < maxdigits && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	if (ndigits)
		*ndigits = k;
	return k ? v : -1;
}

static bool valid_ymd(int y, int m, int d)
{
	static const int dim[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= dim[m - 1] &&
	       !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* Optional time and zone after a date: " 12:34[:56[.789]]" then "Z", "+02:00", "+0200", " GMT". */
static void parse_time(const char *p, int *hh, int *mi, int *ss, char *tz, size_t tzsz)
{
	*hh = *mi = *ss = -1;
	tz[0] = 0;
	while (*p == ' ' || *p == 'T' || *p == 't' || *p == ',')
		p++;
	if (!strncasecmp(p, "um ", 3))
		p += 3;
	int n1, n2;
	int h = read_num(&p, 2, &n1);
	if (h < 0 || *p != ':')
		return;
	p++;
	int m = read_num(&p, 2, &n2);
	if (m < 0 || n2 != 2 || h > 23 || m > 59)
		return;
	int s = 0;
	if (*p == ':') {
		p++;
		s = read_num(&p, 2, NULL);
		if (s < 0 || s > 60)
			s = 0;
		if (*p == '.' || *p == ',') {
			p++;
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	*hh = h;
	*mi = m;
	*ss = s;
	while (*p == ' ')
		p++;
	if (*p == 'Z' || *p == 'z' || !strncasecmp(p, "GMT", 3) || !strncasecmp(p, "UTC", 3)) {
		const char *q = p + (*p == 'Z' || *p == 'z' ? 1 : 3);
		if (*q != '+' && *q != '-') {
			snprintf(tz, tzsz, "Z");
			return;
		}
		p = q;
	}
	if (*p == '+' || *p == '-') {
		char sign = *p++;
		int zn;
		int zh = read_num(&p, 2, &zn);
		if (zh < 0 || zn != 2 || zh > 14)
			return;
		if (*p == ':')
			p++;
		int zm = 0;
		if (isdigit((unsigned char)*p)) {
			zm = read_num(&p, 2, NULL);
			if (zm < 0 || zm > 59)
				zm = 0;
		}
		if (zh == 0 && zm == 0)
			snprintf(tz, tzsz, "Z");
		else
			snprintf(tz, tzsz, "%c%02d:%02d", sign, zh, zm);
	}
}

static bool emit_date(int y, int m, int d, const char *rest, char *out, size_t outsz)
{
	if (!valid_ymd(y, m, d))
		return false;
	int hh, mi, ss;
	char tz[8];
	parse_time(rest ? rest : "", &hh, &mi, &ss, tz, sizeof tz);
	if (hh < 0)
		snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, hh, mi, ss, tz);
	return true;
}

bool read_html_norm_date(const char *in, char *out, size_t outsz)
{
	if (!in)
		return false;
	const char *p = in;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return false;
	const char *s = p;
	int n1, n2, n3;
	/* 2019-10-19..., 2019/10/19, 2019.10.19, 20191019 */
	int a = read_num(&p, 4, &n1);
	if (a >= 0 && n1 == 4 && (*p == '-' || *p == '/' || *p == '.')) {
		char sep = *p++;
		int m = read_num(&p, 2, &n2);
		if (m > 0 && *p == sep) {
			p++;
			int d = read_num(&p, 2, &n3);
			if (d > 0 && !isdigit((unsigned char)*p))
				return emit_date(a, m, d, p, out, outsz);
		}
		return false;
	}
	p = s;
	if (strlen(p) >= 8) {
		bool eight = true;
		for (int i = 0; i < 8; i++)
			eight = eight && isdigit((unsigned char)p[i]);
		if (eight && !isdigit((unsigned char)p[8])) {
			int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			int m = (p[4] - '0') * 10 + (p[5] - '0');
			int d = (p[6] - '0') * 10 + (p[7] - '0');
			return emit_date(y, m, d, p + 8, out, outsz);
		}
		/* a Unix timestamp */
		bool ten = strlen(p) >= 10;
		for (int i = 0; ten && i < 10; i++)
			ten = isdigit((unsigned char)p[i]);
		if (ten && !isdigit((unsigned char)p[10])) {
			time_t t = (time_t)strtoll(p, NULL, 10);
			struct tm tmv;
			if (t > 600000000 && gmtime_r(&t, &tmv)) {
				snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02dZ", tmv.tm_year + 1900, tmv.tm_mon + 1,
				         tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec);
				return true;
			}
			return false;
		}
	}
	/* 19.10.2019, 19/10/2019, 10/19/2019 */
	a = read_num(&p, 2, &n1);
	if (a > 0 && (*p == '.' || *p == '/' || *p == '-') && isdigit((unsigned char)p[1])) {
		char sep = *p++;
		int b = read_num(&p, 2, &n2);
		if (b > 0 && *p == sep) {
			p++;
			int y = read_num(&p, 4, &n3);
			if (n3 == 2)
				y += 2000;
			if (y > 0 && (n3 == 4 || n3 == 2) && !isdigit((unsigned char)*p)) {
				int d = a, m = b;
				if (sep == '/' && a <= 12 && b > 12) {
					d = b;
					m = a;
				}
				return emit_date(y, m, d, p, out, outsz);
			}
		}
		return false;
	}
	/* textual: [Weekday,] 19 Oct 2019 | 19. Oktober 2019 | October 19, 2019 */
	p = s;
	size_t used = 0;
	if (isalpha((unsigned char)*p) && !month_from_name(p, &used)) {
		while (*p && isalpha((unsigned char)*p))
			p++;
		while (*p == ',' || *p == '.' || *p == ' ')
			p++;
	}
	int d = -1, m = 0, y = -1;
	if (isdigit((unsigned char)*p)) {
		d = read_num(&p, 2, NULL);
		while (*p == '.' || *p == ' ' || *p == '-')
			p++;
		m = month_from_name(p, &used);
		if (!m)
			return false;
		p += used;
		while (*p == '.' || *p == ' ' || *p == '-' || *p == ',')
			p++;
		y = read_num(&p, 4, &n3);
		if (n3 != 4)
			return false;
	} else {
		m = month_from_name(p, &used);
		if (!m)
			return false;
		p += used;
		while (*p == '.' || *p == ' ')
			p++;
		d = read_num(&p, 2, NULL);
		while (*p == ',' || *p == ' ' || (*p && isalpha((unsigned char)*p) && (p[-1] != ' ')))
			p++; /* 19th, */
		y = read_num(&p, 4, &n3);
		if (n3 != 4)
			return false;
	}
	return emit_date(y, m, d, p, out, outsz);
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
static char *nfc_compose(const char *s)
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

/* ---- candidates ------------------------------------------------------------------------------ */

static void add(meta_ctx *mc, const char *field, const char *value, const char *origin)
{
	if (!value)
		return;
	char *dec = decode_entities(value);
	if (strstr(dec, "\xC2\xAD")) { /* soft hyphens */
		char *w = dec;
		for (const char *r = dec; *r; r++) {
			if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xAD) {
				r++;
				continue;
			}
			*w++ = *r;
		}
		*w = 0;
	}
	char *v = galley_ws_normalize(dec);
	free(dec);
	if (strchr(v, 0xCC) || strchr(v, 0xCD)) {
		char *c = nfc_compose(v);
		if (c) {
			free(v);
			v = c;
		}
	}
	if (!*v || strlen(v) > ((!strcmp(field, "body")) ? (size_t)1 << 24 : 4096)) {
		free(v);
		return;
	}
	if (!strcmp(field, "date") || !strcmp(field, "date_modified")) {
		char d[48];
		if (!read_html_norm_date(v, d, sizeof d)) {
			free(v);
			return;
		}
		free(v);
		v = galley_strdup(d);
	} else if (!strcmp(field, "author")) {
		if (looks_like_url(v) || strlen(v) > 200) {
			free(v);
			return;
		}
		const char *q = v;
		if (!strncasecmp(q, "by ", 3))
			q += 3;
		else if (!strncasecmp(q, "von ", 4))
			q += 4;
		if (q != v) {
			char *t = galley_strdup(q);
			free(v);
			v = t;
		}
	}
	for (size_t i = 0; i < mc->n; i++)
		if (mc->c[i].field == field && mc->c[i].origin == origin && !strcmp(mc->c[i].value, v)) {
			free(v);
			return;
		}
	if (mc->n == mc->cap) {
		mc->cap = mc->cap ? mc->cap * 2 : 32;
		mc->c = galley_realloc(mc->c, mc->cap * sizeof *mc->c);
	}
	mc->c[mc->n] = (cand){.field = field, .value = v, .origin = origin, .rank = read_html_rank(field, origin),
	                      .seq = mc->n};
	mc->n++;
}

static const cand *best(const meta_ctx *mc, const char *field, const char *skip_value)
{
	const cand *b = NULL;
	for (size_t i = 0; i < mc->n; i++) {
		const cand *c = &mc->c[i];
		if (strcmp(c->field, field))
			continue;
		if (skip_value && !strcasecmp(c->value, skip_value))
			continue;
		if (!b || c->rank < b->rank)
			b = c;
	}
	return b;
}

/* ---- meta elements --------------------------------------------------------------------------- */

static void read_html_meta_element(meta_ctx *mc, xmlNodePtr n)
{
	const char *content = attr(n, "content");
	const char *he = attr(n, "http-equiv");
	if (he && content && !strcasecmp(he, "content-language")) {
		add(mc, "language", content, "meta");
		return;
	}
	const char *key = attr(n, "property");
	if (!key || !*key)
		key = attr(n, "name");
	if (!key || !*key) {
		const char *ip = attr(n, "itemprop");
		if (ip && content) {
			if (!strcasecmp(ip, "datePublished") || !strcasecmp(ip, "dateCreated"))
				add(mc, "date", content, "microdata");
			else if (!strcasecmp(ip, "dateModified"))
				add(mc, "date_modified", content, "microdata");
			else if (!strcasecmp(ip, "headline"))
				add(mc, "title", content, "microdata");
			else if (!strcasecmp(ip, "author"))
				add(mc, "author", content, "microdata");
		}
		return;
	}
	if (!content)
		return;
	char k[64];
	size_t kl = 0;
	for (; key[kl] && kl + 1 < sizeof k; kl++)
		k[kl] = (char)tolower((unsigned char)key[kl]);
	k[kl] = 0;
	/* "og:title og:description" — some pages list several properties; take the first */
	char *sp = strchr(k, ' ');
	if (sp)
		*sp = 0;

	static const struct {
		const char *key, *field, *origin;
	} map[] = {
		{"og:title", "title", "opengraph"},
		{"og:description", "description", "opengraph"},
		{"og:url", "url", "opengraph"},
		{"og:site_name", "site", "opengraph"},
		{"og:image", "image", "opengraph"},
		{"og:image:url", "image", "opengraph"},
		{"og:updated_time", "date_modified", "opengraph"},
		{"og:published_time", "date", "opengraph"},
		{"og:article:published_time", "date", "article-meta"},
		{"og:article:author", "author", "article-meta"},
		{"article:published_time", "date", "article-meta"},
		{"article:published", "date", "article-meta"},
		{"article:modified_time", "date_modified", "article-meta"},
		{"article:author", "author", "article-meta"},
		{"article:section", "section", "article-meta"},
		{"article:tag", "keywords", "article-meta"},
		{"article:publisher", "publisher", "article-meta"},
		{"twitter:title", "title", "twitter"},
		{"twitter:description", "description", "twitter"},
		{"twitter:image", "image", "twitter"},
		{"twitter:creator", "author", "twitter"},
		{"dc.title", "title", "dublin-core"},
		{"dcterms.title", "title", "dublin-core"},
		{"dc.creator", "author", "dublin-core"},
		{"dcterms.creator", "author", "dublin-core"},
		{"dc.date", "date", "dublin-core"},
		{"dc.date.issued", "date", "dublin-core"},
		{"dc.date.created", "date", "dublin-core"},
		{"dcterms.date", "date", "dublin-core"},
		{"dcterms.issued", "date", "dublin-core"},
		{"dcterms.created", "date", "dublin-core"},
		{"dc.date.modified", "date_modified", "dublin-core"},
		{"dcterms.modified", "date_modified", "dublin-core"},
		{"dc.language", "language", "dublin-core"},
		{"dcterms.language", "language", "dublin-core"},
		{"dc.publisher", "publisher", "dublin-core"},
		{"dcterms.publisher", "publisher", "dublin-core"},
		{"dc.description", "description", "dublin-core"},
		{"dcterms.description", "description", "dublin-core"},
		{"dcterms.abstract", "description", "dublin-core"},
		{"dc.subject", "keywords", "dublin-core"},
		{"dc.identifier", "url", "dublin-core"},
		{"author", "author", "meta"},
		{"byl", "author", "meta"},
		{"parsely-author", "author", "meta"},
		{"sailthru.author", "author", "meta"},
		{"citation_author", "author", "meta"},
		{"article.author", "author", "meta"},
		{"date", "date", "meta"},
		{"pubdate", "date", "meta"},
		{"publishdate", "date", "meta"},
		{"publish-date", "date", "meta"},
		{"publish_date", "date", "meta"},
		{"publication_date", "date", "meta"},
		{"published_time", "date", "meta"},
		{"published-date", "date", "meta"},
		{"article.published", "date", "meta"},
		{"article_date_original", "date", "meta"},
		{"sailthru.date", "date", "meta"},
		{"parsely-pub-date", "date", "meta"},
		{"citation_publication_date", "date", "meta"},
		{"citation_date", "date", "meta"},
		{"date.created", "date", "meta"},
		{"last-modified", "date_modified", "meta"},
		{"lastmod", "date_modified", "meta"},
		{"description", "description", "meta"},
		{"keywords", "keywords", "meta"},
		{"news_keywords", "keywords", "meta"},
		{"application-name", "site", "meta"},
		{"apple-mobile-web-app-title", "site", "meta"},
		{"language", "language", "meta"},
		{"content-language", "language", "meta"},
		{"title", "title", "meta"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(k, map[i].key)) {
			add(mc, map[i].field, content, map[i].origin);
			return;
		}
	if (!strcmp(k, "og:locale")) {
		add(mc, "language", content, "opengraph");
		return;
	}
}

/* ---- JSON-LD ------------------------------------------------------------------------------- */

typedef struct ld_nodes {
	json_object **v;
	size_t n, cap;
} ld_nodes;

static void ld_push(ld_nodes *l, json_object *o)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = galley_realloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = o;
}

static void ld_gather(json_object *o, int depth, ld_nodes *out)
{
	if (!o || depth > 8 || out->n > 2000)
		return;
	if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);
		for (size_t i = 0; i < n; i++)
			ld_gather(json_object_array_get_idx(o, i), depth + 1, out);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	ld_push(out, o);
	static const char *const inner[] = {"@graph", "mainEntity", "hasPart", "itemListElement", "item", "about", NULL};
	for (int i = 0; inner[i]; i++) {
		json_object *v;
		if (json_object_object_get_ex(o, inner[i], &v))
			ld_gather(v, depth + 1, out);
	}
}

static const char *ld_str(json_object *o, const char *key)
{
	json_object *v;
	if (!o || !json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, key, &v))
		return NULL;
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return NULL;
}

static bool ld_type_matches(json_object *o, bool (*pred)(const char *))
{
	json_object *t;
	if (!json_object_object_get_ex(o, "@type", &t))
		return false;
	if (json_object_is_type(t, json_type_string)) {
		const char *s = json_object_get_string(t);
		const char *slash = strrchr(s, '/');
		if (slash)
			s = slash + 1;
		if (!strncmp(s, "schema:", 7))
			s += 7;
		return pred(s);
	}
	if (json_object_is_type(t, json_type_array)) {
		size_t n = json_object_array_length(t);
		for (size_t i = 0; i < n; i++) {
			json_object *e = json_object_array_get_idx(t, i);
			if (json_object_is_type(e, json_type_string)) {
				const char *s = json_object_get_string(e);
				const char *slash = strrchr(s, '/');
				if (slash)
					s = slash + 1;
				if (pred(s))
					return true;
			}
		}
	}
	return false;
}

static bool is_article_type(const char *s)
{
	size_t l = strlen(s);
	return (l >= 7 && !strcmp(s + l - 7, "Article")) || (l >= 7 && !strcmp(s + l - 7, "Posting")) ||
	       !strcmp(s, "Report") || !strcmp(s, "Blog") || !strcmp(s, "NewsMediaArticle") ||
	       /* a text of instructions is written by someone too: a how-to */
	       !strcmp(s, "HowTo");
}

/* a page, or schema.org's generic work that a forum or a magazine's software gives an article
 * ("CreativeWork", "CreativeWorkSeries"): read like a page when no object says Article */
static bool is_page_type(const char *s)
{
	size_t l = strlen(s);
	return (l >= 7 && !strcmp(s + l - 7, "WebPage")) || !strncmp(s, "CreativeWork", 12);
}

static bool is_site_type(const char *s)
{
	return !strcmp(s, "WebSite");
}

static json_object *ld_resolve(json_object *o, const ld_nodes *all)
{
	if (!o || !json_object_is_type(o, json_type_object))
		return o;
	if (ld_str(o, "name"))
		return o;
	const char *id = ld_str(o, "@id");
	if (!id)
		return o;
	for (size_t i = 0; i < all->n; i++)
		if (all->v[i] != o && ld_str(all->v[i], "@id") && !strcmp(ld_str(all->v[i], "@id"), id) &&
		    ld_str(all->v[i], "name"))
			return all->v[i];
	return o;
}

/* Add each name in a string, object or array value. */
static void ld_names(meta_ctx *mc, json_object *v, const ld_nodes *all, const char *field, int depth)
{
	if (!v || depth > 3)
		return;
	if (json_object_is_type(v, json_type_string)) {
		add(mc, field, json_object_get_string(v), "json-ld");
	} else if (json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);
		for (size_t i = 0; i < n && i < 50; i++)
			ld_names(mc, json_object_array_get_idx(v, i), all, field, depth + 1);
	} else if (json_object_is_type(v, json_type_object)) {
		json_object *r = ld_resolve(v, all);
		json_object *name;
		if (json_object_object_get_ex(r, "name", &name)) {
			if (json_object_is_type(name, json_type_string))
				add(mc, field, json_object_get_string(name), "json-ld");
			else if (json_object_is_type(name, json_type_array))
				ld_names(mc, name, all, field, depth + 1);
		}
	}
}

/* Strings of a string-or-array value ("keywords", "articleSection", "image"). */
static void ld_strings(meta_ctx *mc, json_object *v, const char *field, const char *subkey, int depth)
{
	if (!v || depth > 3)
		return;
	if (json_object_is_type(v, json_type_string)) {
		add(mc, field, json_object_get_string(v), "json-ld");
	} else if (json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);
		for (size_t i = 0; i < n && i < 100; i++)
			ld_strings(mc, json_object_array_get_idx(v, i), field, subkey, depth + 1);
	} else if (subkey && json_object_is_type(v, json_type_object)) {
		add(mc, field, ld_str(v, subkey), "json-ld");
	}
}

static void ld_article(meta_ctx *mc, json_object *o, const ld_nodes *all, bool full)
{
	json_object *v;
	const char *h = ld_str(o, "headline");
	add(mc, "title", h ? h : ld_str(o, "name"), "json-ld");
	add(mc, "date", ld_str(o, "datePublished"), "json-ld");
	if (!ld_str(o, "datePublished"))
		add(mc, "date", ld_str(o, "dateCreated"), "json-ld");
	add(mc, "date_modified", ld_str(o, "dateModified"), "json-ld");
	add(mc, "description", ld_str(o, "description"), "json-ld");
	add(mc, "language", ld_str(o, "inLanguage"), "json-ld");
	if (!full)
		return;
	if (json_object_object_get_ex(o, "author", &v))
		ld_names(mc, v, all, "author", 0);
	if (json_object_object_get_ex(o, "creator", &v))
		ld_names(mc, v, all, "author", 0);
	if (json_object_object_get_ex(o, "publisher", &v)) {
		ld_names(mc, v, all, "publisher", 0);
		ld_names(mc, v, all, "site", 0);
	}
	const char *url = ld_str(o, "url");
	if (!url && json_object_object_get_ex(o, "mainEntityOfPage", &v))
		url = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : ld_str(v, "@id");
	if (url && looks_like_url(url))
		add(mc, "url", url, "json-ld");
	if (json_object_object_get_ex(o, "articleSection", &v))
		ld_strings(mc, v, "section", NULL, 0);
	if (json_object_object_get_ex(o, "keywords", &v))
		ld_strings(mc, v, "keywords", NULL, 0);
	if (json_object_object_get_ex(o, "image", &v))
		ld_strings(mc, v, "image", "url", 0);
	add(mc, "body", ld_str(o, "articleBody"), "json-ld");
}

static char *jsonld_prepare(const char *s)
{
	/* strip <!-- -->, CDATA wrappers and trailing semicolons that pages wrap JSON in */
	while (*s && isspace((unsigned char)*s))
		s++;
	if (!strncmp(s, "<!--", 4))
		s += 4;
	else if (!strncmp(s, "//<![CDATA[", 11))
		s += 11;
	else if (!strncmp(s, "<![CDATA[", 9))
		s += 9;
	char *t = galley_strdup(s);
	size_t n = strlen(t);
	for (;;) {
		while (n && isspace((unsigned char)t[n - 1]))
			n--;
		if (n >= 3 && !strncmp(t + n - 3, "-->", 3))
			n -= 3;
		else if (n >= 5 && !strncmp(t + n - 5, "//]]>", 5))
			n -= 5;
		else if (n >= 3 && !strncmp(t + n - 3, "]]>", 3))
			n -= 3;
		else if (n && t[n - 1] == ';')
			n--;
		else
			break;
	}
	t[n] = 0;
	/* raw control characters inside strings are not JSON; pages have them anyway */
	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return t;
}

static void read_html_jsonld(meta_ctx *mc)
{
	json_object **roots = galley_calloc(mc->n_jsonld + 1, sizeof *roots);
	ld_nodes all = {0};
	json_tokener *tok = json_tokener_new_ex(64);
	for (size_t i = 0; i < mc->n_jsonld; i++) {
		char *t = jsonld_prepare(mc->jsonld[i]);
		json_tokener_reset(tok);
		roots[i] = json_tokener_parse_ex(tok, t, (int)strlen(t));
		if (json_tokener_get_error(tok) != json_tokener_success) {
			json_object_put(roots[i]);
			roots[i] = NULL;
		}
		free(t);
		ld_gather(roots[i], 0, &all);
	}
	json_tokener_free(tok);
	size_t n_articles = 0;
	for (size_t i = 0; i < all.n; i++)
		if (ld_type_matches(all.v[i], is_article_type)) {
			ld_article(mc, all.v[i], &all, true);
			n_articles++;
		}
	for (size_t i = 0; i < all.n; i++) {
		if (ld_type_matches(all.v[i], is_page_type)) {
			if (!n_articles) {
				ld_article(mc, all.v[i], &all, false);
				json_object *v;
				if (json_object_object_get_ex(all.v[i], "author", &v))
					ld_names(mc, v, &all, "author", 0);
			} else {
				add(mc, "language", ld_str(all.v[i], "inLanguage"), "json-ld");
			}
		} else if (ld_type_matches(all.v[i], is_site_type)) {
			add(mc, "site", ld_str(all.v[i], "name"), "json-ld");
			add(mc, "language", ld_str(all.v[i], "inLanguage"), "json-ld");
		}
	}
	for (size_t i = 0; i < mc->n_jsonld; i++)
		json_object_put(roots[i]);
	free(roots);
	free(all.v);
}

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
	const char *v = attr(n, "content");
	if (!v)
		v = attr(n, "datetime");
	if (has_token(ip, "datePublished") || has_token(ip, "dateCreated")) {
		if (v) {
			add(mc, "date", v, "microdata");
		} else {
			char *t = node_text(n);
			add(mc, "date", t, "microdata");
			free(t);
		}
	} else if (has_token(ip, "dateModified")) {
		if (v) {
			add(mc, "date_modified", v, "microdata");
		} else {
			char *t = node_text(n);
			add(mc, "date_modified", t, "microdata");
			free(t);
		}
	} else if (has_token(ip, "author") || has_token(ip, "creator")) {
		if (v) {
			add(mc, "author", v, "microdata");
			return;
		}
		/* itemprop=author itemscope: its itemprop=name child, else its text when short */
		xmlNodePtr name = NULL;
		for (xmlNodePtr c = n->children; c && !name;) {
			if (c->type == XML_ELEMENT_NODE) {
				const char *cip = attr(c, "itemprop");
				if (cip && has_token(cip, "name")) {
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
		char *t = node_text(name ? name : n);
		if (t && strlen(t) <= 80)
			add(mc, "author", name && attr(name, "content") ? attr(name, "content") : t, "microdata");
		free(t);
	} else if (has_token(ip, "headline")) {
		char *t = v ? NULL : node_text(n);
		add(mc, "title", v ? v : t, "microdata");
		free(t);
	}
}

/* hCard/hAtom microformats: the "fn" (or "p-name") of an element marked "author" (itself or one
 * of its four nearest ancestors): <span class="author vcard"><a class="url fn">Name</a></span>. */
static void read_html_hcard(meta_ctx *mc, xmlNodePtr n, const char *cls)
{
	bool author = has_token(cls, "author") || has_token(cls, "p-author");
	xmlNodePtr p = n->parent;
	for (int up = 0; !author && up < 4 && p && p->type == XML_ELEMENT_NODE; up++, p = p->parent) {
		const char *pc = attr(p, "class");
		if (pc && (has_token(pc, "author") || has_token(pc, "p-author")))
			author = true;
	}
	if (!author)
		return;
	char *t = node_text(n);
	if (t && *t && strlen(t) <= 80) {
		add(mc, "author", t, "microformat");
		mc->n_hcard++;
	}
	free(t);
}

static void read_html_walk(meta_ctx *mc, xmlDocPtr doc)
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
		case XML_TEXT_NODE:
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
			/* combining accents (U+0300..U+036F start with 0xCC or 0xCD) are composed */
			if (n->content && (strchr((const char *)n->content, 0xCC) || strchr((const char *)n->content, 0xCD))) {
				char *c = nfc_compose((const char *)n->content);
				if (c) {
					xmlNodeSetContent(n, BAD_CAST c);
					free(c);
				}
			}
			break;
		case XML_ELEMENT_NODE: {
			const char *name = (const char *)n->name;
			switch (name[0]) {
			case 'a':
				if (!strcmp(name, "a")) {
					const char *rel = attr(n, "rel");
					if (rel && has_token(rel, "author")) {
						char *t = node_text(n);
						if (t && strlen(t) <= 80)
							add(mc, "author", t, "link");
						free(t);
					}
				}
				break;
			case 'h':
				if (!strcmp(name, "html")) {
					const char *lang = attr(n, "lang");
					if (!lang)
						lang = attr(n, "xml:lang");
					add(mc, "language", lang, "html-lang");
				} else if (mc->n_h1 < 3 && !strcmp(name, "h1")) {
					char *t = node_text(n);
					if (t && *t) {
						add(mc, "title", t, "h1");
						mc->n_h1++;
					}
					free(t);
				}
				break;
			case 'l':
				if (!strcmp(name, "link")) {
					const char *rel = attr(n, "rel");
					const char *href = attr(n, "href");
					if (rel && href && has_token(rel, "canonical"))
						add(mc, "url", href, "link");
					remove = true;
				}
				break;
			case 'm':
				if (!strcmp(name, "meta")) {
					read_html_meta_element(mc, n);
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
						unwrap = true;
					else
						remove = true;
				}
				break;
			case 's':
				if (!strcmp(name, "script")) {
					const char *type = attr(n, "type");
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
						char *t = node_text(n);
						if (t && *t) {
							add(mc, "title", t, "title-tag");
							mc->have_title_tag = true;
						}
						free(t);
					}
				} else if (!strcmp(name, "time") && mc->n_time < MAX_TIME_CANDIDATES) {
					const char *dt = attr(n, "datetime");
					if (dt && *dt) {
						add(mc, "date", dt, "time");
						mc->n_time++;
					}
				}
				break;
			default: break;
			}
			if (!remove && n->properties) {
				const char *ip = attr(n, "itemprop");
				if (ip && *ip && strcmp(name, "meta"))
					read_html_itemprop(mc, n, ip);
				const char *cls = attr(n, "class");
				if (cls && mc->n_hcard < MAX_HCARD_CANDIDATES && (has_token(cls, "fn") || has_token(cls, "p-name")))
					read_html_hcard(mc, n, cls);
			}
			break;
		}
		default: break;
		}
		xmlNodePtr next;
		if (unwrap) {
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

/* ---- decisions ----------------------------------------------------------------------------- */

/* The host of an absolute URL, lower case, without "www." (written to out). */
static void url_host(const char *url, char *out, size_t outsz)
{
	out[0] = 0;
	if (!url)
		return;
	const char *p = strstr(url, "://");
	if (!p)
		return;
	p += 3;
	if (!strncasecmp(p, "www.", 4))
		p += 4;
	size_t n = strcspn(p, "/:?#");
	if (n >= outsz)
		n = outsz - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)p[i]);
	out[n] = 0;
}

/* Letters and digits of s, lower case (ASCII only). */
static void squash(const char *s, char *out, size_t outsz)
{
	size_t k = 0;
	for (; *s && k + 1 < outsz; s++)
		if (isalnum((unsigned char)*s))
			out[k++] = (char)tolower((unsigned char)*s);
	out[k] = 0;
}

/* Does a title segment name the site (one of its names, or its host: "SPIEGEL ONLINE" ~ spiegel.de)? */
static bool names_site(const char *seg, const char *const *sites, const char *host)
{
	char a[256], b[256];
	squash(seg, a, sizeof a);
	if (!a[0])
		return false;
	for (size_t i = 0; sites && sites[i]; i++) {
		squash(sites[i], b, sizeof b);
		if (b[0] && (strstr(a, b) || (strlen(a) >= 4 && strstr(b, a))))
			return true;
	}
	if (host && *host) {
		/* the host's main label: "stern" of stern.de, "bbc" of bbc.co.uk */
		char lab[128];
		const char *dot = strchr(host, '.');
		size_t n = dot ? (size_t)(dot - host) : strlen(host);
		if (n >= sizeof lab)
			n = sizeof lab - 1;
		memcpy(lab, host, n);
		lab[n] = 0;
		squash(lab, b, sizeof b);
		if (strlen(b) >= 3 && strstr(a, b))
			return true;
		squash(host, b, sizeof b);
		if (b[0] && strstr(a, b))
			return true;
	}
	return false;
}

/* Does a segment look like a domain name ("petri-heil.ch", "Disfunctions.de")? */
static bool looks_like_domain(const char *s)
{
	static const char *const tlds[] = {".com", ".de", ".ch", ".at", ".net", ".org", ".fr", ".it", ".es", ".pl", ".uk",
	                                   ".info", ".eu", ".io", ".co", ".nl", ".be", ".ru", ".tv", ".online", ".news", NULL};
	const char *p = s;
	while (*p) {
		size_t l = strcspn(p, " ");
		for (int i = 0; tlds[i]; i++) {
			size_t tl = strlen(tlds[i]);
			if (l > tl + 1 && !strncasecmp(p + l - tl, tlds[i], tl))
				return true;
		}
		p += l;
		while (*p == ' ')
			p++;
	}
	return false;
}

static const char *const title_seps[] = {" | ", " - ", " – ", " — ", " :: ", " : ", " // ", " · ", " • ", " » ",
                                         " « ", " ~ ", " ǀ ", " › ", " > ", NULL};

/* Remove a leading or trailing segment that names the site: "Title | Site", "Site - Title". */
static char *clean_title(const char *title, const char *const *sites, const char *host, char **site_out)
{
	char *t = galley_strdup(title);
	/* a separator left dangling at either end: "Title |", "- Title" */
	for (bool again = true; again;) {
		again = false;
		size_t l = strlen(t);
		while (l && t[l - 1] == ' ')
			t[--l] = 0;
		for (int i = 0; title_seps[i]; i++) {
			size_t sl = strlen(title_seps[i]) - 1; /* without the trailing space */
			if (l > sl && !strncmp(t + l - sl, title_seps[i], sl)) {
				t[l - sl] = 0;
				again = true;
				break;
			}
			if (!strncmp(t, title_seps[i] + 1, sl)) {
				memmove(t, t + sl, strlen(t + sl) + 1);
				again = true;
				break;
			}
		}
	}
	for (int round = 0; round < 2; round++) {
		const char *best_sep = NULL;
		size_t best_pos = 0, best_len = 0;
		/* the last separator */
		for (int i = 0; title_seps[i]; i++) {
			const char *p = t, *q;
			while ((q = strstr(p, title_seps[i]))) {
				if (!best_sep || (size_t)(q - t) > best_pos) {
					best_sep = title_seps[i];
					best_pos = (size_t)(q - t);
					best_len = strlen(title_seps[i]);
				}
				p = q + 1;
			}
		}
		if (!best_sep)
			break;
		const char *suffix = t + best_pos + best_len;
		bool strong = strcmp(best_sep, " - ") && strcmp(best_sep, " – ") && strcmp(best_sep, " — ") &&
		              strcmp(best_sep, " : ") && strcmp(best_sep, " > ");
		size_t words = 1;
		for (const char *w = suffix; *w; w++)
			words += *w == ' ';
		bool short_tail = strong && strlen(suffix) < best_pos && words <= 6;
		if ((names_site(suffix, sites, host) || looks_like_domain(suffix) || short_tail) && best_pos > 0) {
			if (site_out && !*site_out)
				*site_out = galley_strdup(suffix);
			t[best_pos] = 0;
			continue;
		}
		/* the first separator, for "Site | Title" */
		const char *first = NULL;
		size_t first_len = 0;
		for (int i = 0; title_seps[i]; i++) {
			const char *q = strstr(t, title_seps[i]);
			if (q && (!first || q < first)) {
				first = q;
				first_len = strlen(title_seps[i]);
			}
		}
		if (first && first > t) {
			char *prefix = galley_strndup(t, (size_t)(first - t));
			bool is_site = names_site(prefix, sites, host);
			if (is_site && first[first_len]) {
				if (site_out && !*site_out)
					*site_out = galley_strdup(prefix);
				char *rest = galley_strdup(first + first_len);
				free(t);
				t = rest;
				free(prefix);
				continue;
			}
			free(prefix);
		}
		break;
	}
	char *n = galley_ws_normalize(t);
	free(t);
	return n;
}

/* "de_DE" -> "de-DE", "EN" -> "en", "en-us,en" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW"; NULL when
 * not a language tag. */
static char *norm_lang(const char *v)
{
	while (*v == ' ')
		v++;
	size_t n = strcspn(v, ",; ");
	if (n < 2 || n > 35)
		return NULL;
	char out[36];
	size_t k = 0;
	int part = 0;
	const char *p = v, *end = v + n;
	while (p < end) {
		size_t l = 0;
		while (p + l < end && p[l] != '-' && p[l] != '_')
			l++;
		if (!l || (part == 0 && (l < 2 || l > 3)))
			return NULL;
		for (size_t i = 0; i < l; i++)
			if (!isalnum((unsigned char)p[i]) || (part == 0 && !isalpha((unsigned char)p[i])))
				return NULL;
		if (part)
			out[k++] = '-';
		for (size_t i = 0; i < l; i++) {
			char ch = (char)tolower((unsigned char)p[i]);
			if (part && l == 2 && isalpha((unsigned char)p[0]))
				ch = (char)toupper((unsigned char)ch);
			else if (part && l == 4 && i == 0)
				ch = (char)toupper((unsigned char)ch);
			out[k++] = ch;
		}
		p += l;
		if (p < end)
			p++;
		part++;
	}
	out[k] = 0;
	return galley_strdup(out);
}

static char *resolve_url(const char *href, const char *base)
{
	if (looks_like_url(href) && strncmp(href, "//", 2) && strncasecmp(href, "www.", 4))
		return galley_strdup(href);
	if (!base && !strncmp(href, "//", 2)) {
		galley_buf b = {0};
		galley_buf_printf(&b, "https:%s", href);
		return galley_buf_steal(&b);
	}
	if (!base)
		return NULL;
	xmlChar *r = xmlBuildURI(BAD_CAST href, BAD_CAST base);
	if (!r)
		return NULL;
	char *s = galley_strdup((const char *)r);
	xmlFree(r);
	return looks_like_url(s) ? s : (free(s), (char *)NULL);
}

/* A comparison key for titles: letters and digits only, lower case (ASCII and Latin-1/Latin
 * Extended-A folded), punctuation, quotes and dashes dropped. */
static void title_key(const char *s, galley_buf *out)
{
	galley_buf_reset(out);
	const char *end = s + strlen(s);
	while (s < end) {
		uint32_t cp = galley_utf8_next(&s, end);
		if (cp < 0x80) {
			if (isalnum((int)cp))
				galley_buf_putc(out, (char)tolower((int)cp));
			continue;
		}
		if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xAB || cp == 0xBB || cp == 0xA0 || cp == 0xB7 || cp == 0x1C0 ||
		    cp == 0xFFFD || (cp >= 0x3000 && cp <= 0x303F))
			continue;
		if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
			cp += 0x20;
		else if (cp >= 0x100 && cp <= 0x17F && !(cp & 1))
			cp += 1;
		galley_buf_put_utf8(out, cp);
	}
	if (!out->data)
		galley_buf_puts(out, "");
}

/* Split points of a title: byte offsets of each separator and its length. */
static size_t title_splits(const char *t, size_t *pos, size_t *len, size_t max)
{
	size_t n = 0;
	for (const char *p = t; *p && n < max; p++)
		for (int i = 0; title_seps[i]; i++) {
			size_t sl = strlen(title_seps[i]);
			if (!strncmp(p, title_seps[i], sl)) {
				pos[n] = (size_t)(p - t);
				len[n] = sl;
				n++;
				break;
			}
		}
	return n;
}

static bool key_eq(const char *s, size_t n, const char *key, galley_buf *tmp)
{
	char *c = galley_strndup(s, n);
	title_key(c, tmp);
	free(c);
	return !strcmp(tmp->data, key);
}

/* Words of a title for a fuzzy comparison: lower-case tokens split at spaces and punctuation. */
static size_t title_words(const char *s, char words[][48], size_t max)
{
	size_t n = 0, k = 0;
	const char *end = s + strlen(s);
	while (s <= end && n < max) {
		const char *at = s;
		uint32_t cp = s < end ? galley_utf8_next(&s, end) : 0;
		if (s == at)
			s++;
		bool sep = cp == 0 || (cp < 0x80 && !isalnum((int)cp)) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 ||
		           cp == 0xAB || cp == 0xBB || cp == 0xB7;
		if (sep) {
			if (k) {
				words[n][k] = 0;
				n++;
				k = 0;
			}
			if (cp == 0)
				break;
			continue;
		}
		size_t bytes = (size_t)(s - at);
		if (k + bytes < 47) {
			for (size_t i = 0; i < bytes; i++)
				words[n][k++] = (char)tolower((unsigned char)at[i]);
		}
	}
	return n;
}

/* Dice coefficient of the word multisets of two titles, 0..1. */
static double title_similarity(const char *a, const char *b)
{
	char wa[40][48], wb[40][48];
	bool used[40] = {false};
	size_t na = title_words(a, wa, 40), nb = title_words(b, wb, 40);
	if (!na || !nb)
		return 0;
	size_t common = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!used[j] && !strcmp(wa[i], wb[j])) {
				used[j] = true;
				common++;
				break;
			}
	return 2.0 * (double)common / (double)(na + nb);
}

/* The title: the visible headline (<h1>) when a metadata title agrees with it — equal, or the
 * metadata title is the headline plus decoration (" | Site", a kicker) — else the best metadata
 * title by origin, cleaned of a site prefix or suffix. */
static char *choose_title(meta_ctx *mc, const char *const *sites_in, const char *host, char **site_out)
{
	galley_buf km = {0}, kh = {0}, tmp = {0};
	char *chosen = NULL;
	/* h1s that are only a segment at the short end of a title name the site: collect them */
	const char *sites[16];
	size_t n_sites = 0;
	for (; sites_in[n_sites] && n_sites < 8; n_sites++)
		sites[n_sites] = sites_in[n_sites];
	sites[n_sites] = NULL;
	for (int r = 0; r < 60 && !chosen; r++) {
		for (size_t i = 0; i < mc->n && !chosen; i++) {
			const cand *m = &mc->c[i];
			if (m->rank != r || strcmp(m->field, "title") || !strcmp(m->origin, "h1"))
				continue;
			title_key(m->value, &km);
			if (km.len < 4)
				continue;
			size_t pos[16], len[16];
			size_t ns = title_splits(m->value, pos, len, 16);
			for (size_t j = 0; j < mc->n && !chosen; j++) {
				const cand *h = &mc->c[j];
				if (strcmp(h->field, "title") || strcmp(h->origin, "h1"))
					continue;
				title_key(h->value, &kh);
				if (kh.len < 4 || names_site(h->value, sites, host))
					continue;
				if (!strcmp(km.data, kh.data)) {
					chosen = galley_strdup(h->value);
					break;
				}
				if (ns) {
					const char *v = m->value;
					size_t first = pos[0], last_end = pos[ns - 1] + len[ns - 1];
					size_t tail = strlen(v) - last_end;
					bool head_eq = key_eq(v, first, kh.data, &tmp);
					bool tail_eq = key_eq(v + last_end, tail, kh.data, &tmp);
					if (head_eq && (first >= strlen(v) - first - len[0] || ns > 1 || kh.len >= 12)) {
						chosen = galley_strdup(h->value);
						break;
					}
					if (tail_eq && tail >= pos[ns - 1]) {
						chosen = galley_strdup(h->value);
						break;
					}
					if ((head_eq || tail_eq) && n_sites < 15) {
						sites[n_sites++] = h->value; /* the short end: a site name */
						sites[n_sites] = NULL;
						continue;
					}
				}
				if (kh.len >= 12 && kh.len * 10 >= km.len * 4 && strstr(km.data, kh.data))
					chosen = galley_strdup(h->value); /* metadata = headline + decoration */
			}
		}
	}
	if (chosen) {
		galley_buf_free(&km);
		galley_buf_free(&kh);
		galley_buf_free(&tmp);
		return chosen;
	}
	/* near agreement: a headline that shares most of its words with a (cleaned) metadata title
	 * is the page's own wording of it */
	for (int r = 0; r < 60 && !chosen; r++)
		for (size_t i = 0; i < mc->n && !chosen; i++) {
			const cand *m = &mc->c[i];
			if (m->rank != r || strcmp(m->field, "title") || !strcmp(m->origin, "h1"))
				continue;
			char *cm = clean_title(m->value, sites, host, NULL);
			title_key(cm, &km);
			for (size_t j = 0; j < mc->n && !chosen; j++) {
				const cand *h = &mc->c[j];
				if (strcmp(h->field, "title") || strcmp(h->origin, "h1") || names_site(h->value, sites, host))
					continue;
				/* a headline that is the metadata title plus a kicker, date or section is not
				 * better than the metadata title */
				title_key(h->value, &kh);
				if (km.len && strstr(kh.data, km.data))
					continue;
				if (title_similarity(h->value, cm) >= TITLE_NEAR)
					chosen = galley_strdup(h->value);
			}
			free(cm);
		}
	galley_buf_free(&km);
	galley_buf_free(&kh);
	galley_buf_free(&tmp);
	if (chosen)
		return chosen;
	/* no agreement: the best metadata title that is not only the site's name */
	for (int r = 0; r < 60; r++)
		for (size_t i = 0; i < mc->n; i++) {
			const cand *m = &mc->c[i];
			if (m->rank != r || strcmp(m->field, "title") || !strcmp(m->origin, "h1"))
				continue;
			bool only_site = false;
			for (size_t k = 0; sites[k]; k++)
				if (!strcasecmp(m->value, sites[k]))
					only_site = true;
			if (only_site)
				continue;
			char *c = clean_title(m->value, sites, host, site_out);
			if (*c)
				return c;
			free(c);
		}
	/* last: the first h1 */
	for (size_t i = 0; i < mc->n; i++)
		if (!strcmp(mc->c[i].field, "title") && !strcmp(mc->c[i].origin, "h1"))
			return galley_strdup(mc->c[i].value);
	return NULL;
}

static void read_html_decide(meta_ctx *mc)
{
	galley_article *a = mc->a;
	/* URL: the canonical link, resolved against og:url, the WARC URL or the JSON-LD URL when it
	 * is relative; else the best absolute URL */
	char *url = NULL;
	const char *base = NULL;
	static const char *const base_origins[] = {"opengraph", "warc", "json-ld", "dublin-core", NULL};
	for (int k = 0; base_origins[k] && !base; k++)
		for (size_t i = 0; i < mc->n && !base; i++)
			if (!strcmp(mc->c[i].field, "url") && !strcmp(mc->c[i].origin, base_origins[k]) &&
			    looks_like_url(mc->c[i].value) && strncmp(mc->c[i].value, "//", 2))
				base = mc->c[i].value;
	for (int r = 0; r < 60 && !url; r++)
		for (size_t i = 0; i < mc->n && !url; i++)
			if (mc->c[i].rank == r && !strcmp(mc->c[i].field, "url"))
				url = resolve_url(mc->c[i].value, base);
	if (url)
		galley_article_set(a, GALLEY_FIELD_URL, url);
	char host[256];
	url_host(url ? url : base, host, sizeof host);
	free(url);

	/* names the site goes by: site and publisher candidates */
	const char *sites[9];
	size_t n_sites = 0;
	for (int r = 0; r < 60 && n_sites < 8; r++)
		for (size_t i = 0; i < mc->n && n_sites < 8; i++)
			if (mc->c[i].rank == r && (!strcmp(mc->c[i].field, "site") || !strcmp(mc->c[i].field, "publisher")) &&
			    !looks_like_url(mc->c[i].value))
				sites[n_sites++] = mc->c[i].value;
	sites[n_sites] = NULL;
	const cand *site = best(mc, "site", NULL);
	char *site_from_title = NULL;
	char *clean = choose_title(mc, sites, host, site ? NULL : &site_from_title);
	/* the <title> candidate is recorded cleaned */
	for (size_t i = 0; i < mc->n; i++)
		if (!strcmp(mc->c[i].field, "title") && !strcmp(mc->c[i].origin, "title-tag")) {
			char *sf = NULL;
			char *c2 = clean_title(mc->c[i].value, sites, host, site || site_from_title ? NULL : &sf);
			if (*c2) {
				free(mc->c[i].value);
				mc->c[i].value = c2;
			} else {
				free(c2);
			}
			if (sf)
				site_from_title = sf;
		}
	if (clean)
		galley_article_set(a, GALLEY_FIELD_TITLE, clean);
	free(clean);
	if (site) {
		galley_article_set(a, GALLEY_FIELD_SITE, site->value);
	} else if (site_from_title) {
		add(mc, "site", site_from_title, "title-tag");
		galley_article_set(a, GALLEY_FIELD_SITE, site_from_title);
	}
	free(site_from_title);

	/* language */
	for (int r = 0; r < 60; r++) {
		char *lang = NULL;
		for (size_t i = 0; i < mc->n && !lang; i++)
			if (mc->c[i].rank == r && !strcmp(mc->c[i].field, "language"))
				lang = norm_lang(mc->c[i].value);
		if (lang) {
			galley_article_set(a, GALLEY_FIELD_LANGUAGE, lang);
			free(lang);
			break;
		}
	}
	const cand *desc = best(mc, "description", NULL);
	if (desc)
		galley_article_set(a, GALLEY_FIELD_DESCRIPTION, desc->value);
	const cand *date = best(mc, "date", NULL);
	if (date)
		galley_article_set(a, GALLEY_FIELD_DATE, date->value);

	/* tags: article:tag, else JSON-LD keywords, else news_keywords/keywords meta */
	static const char *const tag_origins[] = {"article-meta", "json-ld", "meta", "dublin-core", NULL};
	for (int k = 0; tag_origins[k] && !galley_article_list_len(a, GALLEY_LIST_TAGS); k++)
		for (size_t i = 0; i < mc->n; i++) {
			if (strcmp(mc->c[i].field, "keywords") || strcmp(mc->c[i].origin, tag_origins[k]))
				continue;
			char *copy = galley_strdup(mc->c[i].value), *save = NULL;
			for (char *t = strtok_r(copy, ",;", &save); t; t = strtok_r(NULL, ",;", &save)) {
				char *w = galley_ws_normalize(t);
				if (*w && strlen(w) <= 80 && galley_article_list_len(a, GALLEY_LIST_TAGS) < 40)
					galley_article_list_add(a, GALLEY_LIST_TAGS, w);
				free(w);
			}
			free(copy);
		}
}

static int cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void read_html_meta_collect(galley_article *a, xmlDocPtr doc, const char *warc_url, const char *warc_date)
{
	meta_ctx mc = {.a = a};
	read_html_walk(&mc, doc);
	read_html_jsonld(&mc);
	/* the transport's URL and date take part, ranked last (the page knows its own better) */
	add(&mc, "url", warc_url, "warc");
	add(&mc, "date", warc_date, "warc");
	read_html_decide(&mc);
	/* hand the candidates on, best first within each field */
	if (mc.n)
		qsort(mc.c, mc.n, sizeof *mc.c, cmp_cand);
	for (size_t i = 0; i < mc.n; i++) {
		galley_article_add_candidate(a, mc.c[i].field, mc.c[i].value, mc.c[i].origin);
		free(mc.c[i].value);
	}
	free(mc.c);
	for (size_t i = 0; i < mc.n_jsonld; i++)
		free(mc.jsonld[i]);
	free(mc.jsonld);
}
