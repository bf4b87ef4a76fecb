/* read-html metadata: JSON-LD scripts (Article-like objects, pages, the WebSite; @graph and
 * @id references). */
#include "meta_internal.h"

#include <ctype.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

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
		rh_add(mc, field, json_object_get_string(v), "json-ld");
	} else if (json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);
		for (size_t i = 0; i < n && i < 50; i++)
			ld_names(mc, json_object_array_get_idx(v, i), all, field, depth + 1);
	} else if (json_object_is_type(v, json_type_object)) {
		json_object *r = ld_resolve(v, all);
		json_object *name;
		if (json_object_object_get_ex(r, "name", &name)) {
			if (json_object_is_type(name, json_type_string))
				rh_add(mc, field, json_object_get_string(name), "json-ld");
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
		rh_add(mc, field, json_object_get_string(v), "json-ld");
	} else if (json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);
		for (size_t i = 0; i < n && i < 100; i++)
			ld_strings(mc, json_object_array_get_idx(v, i), field, subkey, depth + 1);
	} else if (subkey && json_object_is_type(v, json_type_object)) {
		rh_add(mc, field, ld_str(v, subkey), "json-ld");
	}
}

static void ld_article(meta_ctx *mc, json_object *o, const ld_nodes *all, bool full)
{
	json_object *v;
	const char *h = ld_str(o, "headline");
	rh_add(mc, "title", h ? h : ld_str(o, "name"), "json-ld");
	rh_add(mc, "date", ld_str(o, "datePublished"), "json-ld");
	if (!ld_str(o, "datePublished"))
		rh_add(mc, "date", ld_str(o, "dateCreated"), "json-ld");
	rh_add(mc, "date_modified", ld_str(o, "dateModified"), "json-ld");
	rh_add(mc, "description", ld_str(o, "description"), "json-ld");
	rh_add(mc, "language", ld_str(o, "inLanguage"), "json-ld");
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
	if (url && rh_looks_like_url(url))
		rh_add(mc, "url", url, "json-ld");
	if (json_object_object_get_ex(o, "articleSection", &v))
		ld_strings(mc, v, "section", NULL, 0);
	if (json_object_object_get_ex(o, "keywords", &v))
		ld_strings(mc, v, "keywords", NULL, 0);
	if (json_object_object_get_ex(o, "image", &v))
		ld_strings(mc, v, "image", "url", 0);
	rh_add(mc, "body", ld_str(o, "articleBody"), "json-ld");
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

void rh_jsonld(meta_ctx *mc)
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
				rh_add(mc, "language", ld_str(all.v[i], "inLanguage"), "json-ld");
			}
		} else if (ld_type_matches(all.v[i], is_site_type)) {
			rh_add(mc, "site", ld_str(all.v[i], "name"), "json-ld");
			rh_add(mc, "language", ld_str(all.v[i], "inLanguage"), "json-ld");
		}
	}
	for (size_t i = 0; i < mc->n_jsonld; i++)
		json_object_put(roots[i]);
	free(roots);
	free(all.v);
}
