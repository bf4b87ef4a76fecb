/* read-html metadata: the candidate list (cleaning on the way in, ranks by origin, the best of a
 * field). */
#include "meta_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- ranks: lower wins ------------------------------------------------------------------- */

int rh_rank(const char *field, const char *origin)
{
	static const struct {
		const char *field, *origins[10];
	} order[] = {
		{"title", {"opengraph", "json-ld", "twitter", "dublin-core", "microdata", "meta", "title-tag", "h1", NULL}},
		{"date", {"json-ld", "article-meta", "microdata", "meta", "dublin-core", "opengraph", "time", "warc", NULL}},
		{"date_modified", {"json-ld", "article-meta", "microdata", "meta", "dublin-core", "opengraph", NULL}},
		{"author", {"json-ld", "article-meta", "microdata", "meta", "dublin-core", "microformat", "link", "twitter-label", "twitter", NULL}},
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

/* ---- candidates ------------------------------------------------------------------------------ */

void rh_add(meta_ctx *mc, const char *field, const char *value, const char *origin)
{
	if (!value)
		return;
	char *dec = rh_decode_entities(value);
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
	char *nfc = rh_nfc_compose(v);
	if (nfc) {
		free(v);
		v = nfc;
	}
	if (!*v || strlen(v) > ((!strcmp(field, "body")) ? (size_t)1 << 24 : 4096)) {
		free(v);
		return;
	}
	if (!strcmp(field, "date") || !strcmp(field, "date_modified")) {
		char d[48];
		if (!galley_date_normalize(v, d, sizeof d)) {
			free(v);
			return;
		}
		free(v);
		v = galley_strdup(d);
	} else if (!strcmp(field, "author")) {
		if (rh_looks_like_url(v) || strlen(v) > 200) {
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
	mc->c[mc->n] = (cand){.field = field, .value = v, .origin = origin, .rank = rh_rank(field, origin),
	                      .seq = mc->n};
	mc->n++;
}

const cand *rh_best(const meta_ctx *mc, const char *field, const char *skip_value)
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

int rh_cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}
