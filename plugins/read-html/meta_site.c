/* read-html metadata: the site's name, one decision with its rule (explain.site). */
#include "meta_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>

/* a site name is a name: longer values are taglines or descriptions */
#define SITE_MAX_BYTES 80
#define SITE_MAX_WORDS 8

static const char R_OG[] = "site.og-site-name: og:site_name";
static const char R_JSONLD[] = "site.json-ld: JSON-LD publisher or WebSite name";
static const char R_APP[] = "site.application-name: application-name meta";
static const char R_DC[] = "site.dublin-core: Dublin Core publisher";
static const char R_TITLE[] = "site.title-suffix: the segment of <title> that names the site";
static const char R_DOMAIN[] = "site.domain: the page's host, no name given";

static const char *site_rule(const char *origin)
{
	if (!strcmp(origin, "opengraph"))
		return R_OG;
	if (!strcmp(origin, "json-ld"))
		return R_JSONLD;
	if (!strcmp(origin, "meta"))
		return R_APP;
	if (!strcmp(origin, "dublin-core"))
		return R_DC;
	return R_TITLE;
}

/* Is s the name of a section of the page (article:section, JSON-LD articleSection)? */
static bool is_section(const meta_ctx *mc, const char *s)
{
	for (size_t i = 0; i < mc->n; i++)
		if (!strcmp(mc->c[i].field, "section") && !strcasecmp(mc->c[i].value, s))
			return true;
	return false;
}

/* Does s hold a letter or digit of any script? */
static bool has_alnum(const char *s)
{
	const char *end = s + strlen(s);
	while (s < end)
		if (uc_is_alnum(galley_utf8_next(&s, end)))
			return true;
	return false;
}

/* A handle, an address, a sentence or a row of symbols is no site name. */
static bool usable(const meta_ctx *mc, const char *s)
{
	if (!has_alnum(s) || *s == '@' || strstr(s, "://") || rh_looks_like_url(s) || strlen(s) > SITE_MAX_BYTES)
		return false;
	size_t words = 1;
	for (const char *p = s; *p; p++)
		words += *p == ' ';
	return words <= SITE_MAX_WORDS && !is_section(mc, s);
}

/* "Name | tagline", "Name - tagline", "Section - Name | tagline": the segment that names the
 * host, else the first.  Returns a new string (caller frees). */
static char *drop_tagline(const char *s, const char *host)
{
	const char *start = s, *first_end = NULL;
	while (*start) {
		const char *cut = NULL;
		size_t cut_len = 0;
		for (int i = 0; rh_title_seps[i]; i++) {
			const char *q = strstr(start, rh_title_seps[i]);
			if (q && q > start && (!cut || q < cut)) {
				cut = q;
				cut_len = strlen(rh_title_seps[i]);
			}
		}
		const char *end = cut ? cut : start + strlen(start);
		if (!first_end)
			first_end = end;
		if (!cut && start == s)
			return galley_strdup(s); /* no separator */
		char *seg = galley_strndup(start, (size_t)(end - start));
		if (*host && rh_names_site(seg, NULL, host))
			return seg;
		free(seg);
		if (!cut)
			break;
		start = cut + cut_len;
	}
	return galley_strndup(s, (size_t)(first_end - s));
}

/* Does text write name (case-insensitive) as a word not followed by '.'? */
static bool has_bare_word(const char *text, const char *name, size_t n)
{
	for (const char *p = text; p && (p = strcasestr(p, name)); p += n) {
		bool start = p == text || !isalnum((unsigned char)p[-1]);
		bool end = !isalnum((unsigned char)p[n]) && p[n] != '.';
		if (start && end)
			return true;
	}
	return false;
}

/* Does some other metadata value (or the site the <title> names, nullable) write name without
 * its top-level domain? */
static bool written_without_tld(const meta_ctx *mc, const char *title_site, const char *name, size_t n)
{
	if (title_site && has_bare_word(title_site, name, n))
		return true;
	for (size_t i = 0; i < mc->n; i++) {
		const char *f = mc->c[i].field;
		if (strcmp(f, "title") && strcmp(f, "site") && strcmp(f, "publisher") && strcmp(f, "description"))
			continue;
		if (has_bare_word(mc->c[i].value, name, n))
			return true;
	}
	return false;
}

/* "www.example.de" -> "example.de"; "Example.com" -> "Example" when the page writes "Example" too. */
static void drop_domain_parts(const meta_ctx *mc, const char *title_site, char *s)
{
	if (!strncasecmp(s, "www.", 4) && s[4])
		memmove(s, s + 4, strlen(s + 4) + 1);
	if (strchr(s, ' ') || !rh_looks_like_domain(s))
		return;
	char *dot = strrchr(s, '.');
	if (!dot || dot == s)
		return;
	size_t n = (size_t)(dot - s);
	char *name = galley_strndup(s, n);
	if (!strchr(name, '.') && written_without_tld(mc, title_site, name, n))
		*dot = 0;
	free(name);
}

char *rh_choose_site(meta_ctx *mc, const char *host, const char *site_from_title, const char **rule)
{
	for (int r = 0; r < 60; r++)
		for (size_t i = 0; i < mc->n; i++) {
			const cand *c = &mc->c[i];
			if (c->rank != r || strcmp(c->field, "site"))
				continue;
			char *s = drop_tagline(c->value, host);
			drop_domain_parts(mc, site_from_title, s);
			if (usable(mc, s)) {
				*rule = site_rule(c->origin);
				return s;
			}
			free(s);
		}
	if (site_from_title) {
		char *s = galley_strdup(site_from_title);
		drop_domain_parts(mc, site_from_title, s);
		if (usable(mc, s)) {
			*rule = R_TITLE;
			return s;
		}
		free(s);
	}
	if (host && *host) {
		*rule = R_DOMAIN;
		return galley_strdup(host);
	}
	return NULL;
}
