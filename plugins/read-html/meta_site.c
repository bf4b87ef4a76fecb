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
static const char R_COPYRIGHT[] = "site.copyright: the holder of the page's copyright line, named like the host";
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

/* Where the holder's name ends: a sentence's end, a separator, or the reservation of rights in
 * the languages the read-html vocabularies cover (English, German, French, Spanish, Italian);
 * compared ignoring case. */
static const char *const holder_ends[] = {". ", " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", ",", ";",
                                          " all rights", " alle rechte", " tous droits", " todos los derechos",
                                          " tutti i diritti", NULL};
/* Legal forms after a company's name, which a reader does not say (English, German, French,
 * Spanish company law) */
static const char *const legal_forms[] = {" GmbH & Co. KG", " GmbH", " AG", " Inc.", " Inc", " Ltd.", " Ltd", " LLC",
                                          " SE", " S.A.", " SAS", " S.L.", NULL};
/* Words that open a credit rather than a holder ("Provided by Example") */
static const char *const holder_openers[] = {"provided by ", "by ", "von ", "par ", "por ", NULL};

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && !memcmp(s + n - k, suffix, k);
}

/* The holder a copyright line names ("© 2010-2024 Example News. All rights reserved." ->
 * "Example News"); caller frees; NULL when none or when it is a credit with a slash. */
static char *copyright_holder(const char *line)
{
	const char *p = strstr(line, "\xC2\xA9");
	if (p)
		p += 2;
	else if ((p = strcasestr(line, "copyright")))
		p += strlen("copyright");
	else
		return NULL;
	/* marks, years, spans of years, punctuation and a credit's opening words */
	for (bool more = true; more;) {
		more = false;
		if (!strncmp(p, "\xC2\xA9", 2) || !strncmp(p, "\xC2\xB7", 2)) {
			p += 2;
			more = true;
		} else if (!strncmp(p, "\xE2\x80\x93", 3)) {
			p += 3;
			more = true;
		} else if (!strncasecmp(p, "(c)", 3)) {
			p += 3;
			more = true;
		} else if (!strncasecmp(p, "copyright", 9)) {
			p += 9;
			more = true;
		} else if (*p && (isdigit((unsigned char)*p) || strchr(" \t-,.:|", *p))) {
			p++;
			more = true;
		}
		for (int i = 0; holder_openers[i]; i++)
			if (!strncasecmp(p, holder_openers[i], strlen(holder_openers[i]))) {
				p += strlen(holder_openers[i]);
				more = true;
			}
	}
	const char *end = p + strlen(p);
	for (int i = 0; holder_ends[i]; i++) {
		const char *q = strcasestr(p, holder_ends[i]);
		if (q && q < end)
			end = q;
	}
	/* trailing years ("Example 1999-2021"), dots and spaces, then a legal form */
	for (bool more = true; more;) {
		more = false;
		while (end > p && (end[-1] == ' ' || end[-1] == '.' || end[-1] == '-' || isdigit((unsigned char)end[-1]))) {
			end--;
			more = true;
		}
		for (int i = 0; legal_forms[i]; i++)
			if (ends_with(p, (size_t)(end - p), legal_forms[i])) {
				end -= strlen(legal_forms[i]);
				more = true;
				break;
			}
	}
	if (end <= p || memchr(p, '/', (size_t)(end - p)))
		return NULL;
	return galley_strndup(p, (size_t)(end - p));
}

/* The site a copyright line names, when its holder is named like the host (a photo agency's or
 * a syndicated author's line names someone else); caller frees; NULL when none. */
static char *site_from_copyright(meta_ctx *mc, const char *host, const char *title_site)
{
	if (!host || !*host)
		return NULL;
	for (size_t i = mc->n; i-- > 0;) {
		if (strcmp(mc->c[i].field, "copyright"))
			continue;
		char *s = copyright_holder(mc->c[i].value);
		if (s) {
			drop_domain_parts(mc, title_site, s);
			if (usable(mc, s) && rh_names_site(s, NULL, host))
				return s;
		}
		free(s);
	}
	return NULL;
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
	char *s = site_from_copyright(mc, host, site_from_title);
	if (s) {
		*rule = R_COPYRIGHT;
		return s;
	}
	if (host && *host) {
		*rule = R_DOMAIN;
		return galley_strdup(host);
	}
	return NULL;
}
