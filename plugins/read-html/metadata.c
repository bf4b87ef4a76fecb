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
#include "meta_internal.h"

#include <ctype.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	if (rh_looks_like_url(href) && strncmp(href, "//", 2) && strncasecmp(href, "www.", 4))
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
	return rh_looks_like_url(s) ? s : (free(s), (char *)NULL);
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
			    rh_looks_like_url(mc->c[i].value) && strncmp(mc->c[i].value, "//", 2))
				base = mc->c[i].value;
	for (int r = 0; r < 60 && !url; r++)
		for (size_t i = 0; i < mc->n && !url; i++)
			if (mc->c[i].rank == r && !strcmp(mc->c[i].field, "url"))
				url = resolve_url(mc->c[i].value, base);
	if (url)
		galley_article_set(a, GALLEY_FIELD_URL, url);
	char host[256];
	rh_url_host(url ? url : base, host, sizeof host);
	free(url);

	/* names the site goes by: site and publisher candidates */
	const char *sites[9];
	size_t n_sites = 0;
	for (int r = 0; r < 60 && n_sites < 8; r++)
		for (size_t i = 0; i < mc->n && n_sites < 8; i++)
			if (mc->c[i].rank == r && (!strcmp(mc->c[i].field, "site") || !strcmp(mc->c[i].field, "publisher")) &&
			    !rh_looks_like_url(mc->c[i].value))
				sites[n_sites++] = mc->c[i].value;
	sites[n_sites] = NULL;
	char *site_from_title = NULL;
	const char *why = NULL;
	char *clean = rh_choose_title(mc, sites, host, &site_from_title, &why);
	/* the <title> candidate is recorded cleaned */
	for (size_t i = 0; i < mc->n; i++)
		if (!strcmp(mc->c[i].field, "title") && !strcmp(mc->c[i].origin, "title-tag")) {
			char *sf = NULL;
			char *c2 = rh_clean_title(mc->c[i].value, sites, host, site_from_title ? NULL : &sf);
			if (*c2) {
				free(mc->c[i].value);
				mc->c[i].value = c2;
			} else {
				free(c2);
			}
			if (sf)
				site_from_title = sf;
		}
	if (clean) {
		galley_article_set(a, GALLEY_FIELD_TITLE, clean);
		read_html_explain(a, "title", clean, why);
	}
	free(clean);
	char *site = rh_choose_site(mc, host, site_from_title, &why);
	if (site) {
		galley_article_set(a, GALLEY_FIELD_SITE, site);
		read_html_explain(a, "site", site, why);
	}
	free(site);
	if (site_from_title && !rh_best(mc, "site", NULL))
		rh_add(mc, "site", site_from_title, "title-tag");
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
	const cand *desc = rh_best(mc, "description", NULL);
	if (desc)
		galley_article_set(a, GALLEY_FIELD_DESCRIPTION, desc->value);
	const cand *date = rh_best(mc, "date", NULL);
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

void read_html_explain(galley_article *a, const char *what, const char *value, const char *why)
{
	galley_buf k = {0}, v = {0};
	galley_buf_printf(&k, "explain.%s", what);
	galley_buf_printf(&v, "%s (%s)", value ? value : "none", why);
	galley_article_set_extra(a, k.data, v.data);
	galley_buf_free(&k);
	galley_buf_free(&v);
}

void read_html_meta_collect(galley_article *a, xmlDocPtr doc, const char *warc_url, const char *warc_date)
{
	meta_ctx mc = {.a = a};
	rh_walk(&mc, doc);
	rh_jsonld(&mc);
	/* the transport's URL and date take part, ranked last (the page knows its own better) */
	rh_add(&mc, "url", warc_url, "warc");
	rh_add(&mc, "date", warc_date, "warc");
	read_html_decide(&mc);
	/* hand the candidates on, best first within each field */
	if (mc.n)
		qsort(mc.c, mc.n, sizeof *mc.c, rh_cmp_cand);
	for (size_t i = 0; i < mc.n; i++) {
		galley_article_add_candidate(a, mc.c[i].field, mc.c[i].value, mc.c[i].origin);
		free(mc.c[i].value);
	}
	free(mc.c);
	for (size_t i = 0; i < mc.n_jsonld; i++)
		free(mc.jsonld[i]);
	free(mc.jsonld);
}
