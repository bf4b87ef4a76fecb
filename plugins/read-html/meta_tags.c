/* read-html metadata: <meta> elements (Open Graph, article:*, Twitter, Dublin Core, name=...). */
#include "meta_internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ---- meta elements --------------------------------------------------------------------------- */

/* Does a card's label say "Written by"?  The label as Yoast SEO's translations print it, in
 * the languages of the pages galley is measured on and their neighbours. */
static bool rh_written_by_label(const char *label)
{
	static const char *const written_by[] = {"written by", "verfasst von", "geschrieben von", "escrito por", "écrit par",
	                                         "scritto da", "geschreven door", "skrevet af", "skrevet av", "skrivet av",
	                                         "napisane przez", "kirjoittanut"};
	for (size_t i = 0; i < sizeof written_by / sizeof written_by[0]; i++)
		if (!strcasecmp(label, written_by[i]))
			return true;
	return false;
}

void rh_meta_element(meta_ctx *mc, xmlNodePtr n)
{
	const char *content = rh_attr(n, "content");
	/* value= for content=: Twitter's card markup allowed it, and saved copies of pages have it */
	if (!content)
		content = rh_attr(n, "value");
	const char *he = rh_attr(n, "http-equiv");
	if (he && content && !strcasecmp(he, "content-language")) {
		rh_add(mc, "language", content, "meta");
		return;
	}
	const char *key = rh_attr(n, "property");
	if (!key || !*key)
		key = rh_attr(n, "name");
	if (!key || !*key) {
		const char *ip = rh_attr(n, "itemprop");
		if (ip && content) {
			if (!strcasecmp(ip, "datePublished") || !strcasecmp(ip, "dateCreated"))
				rh_add(mc, "date", content, "microdata");
			else if (!strcasecmp(ip, "dateModified"))
				rh_add(mc, "date_modified", content, "microdata");
			else if (!strcasecmp(ip, "headline"))
				rh_add(mc, "title", content, "microdata");
			else if (!strcasecmp(ip, "author"))
				rh_add(mc, "author", content, "microdata");
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
		/* an analytics vendor's author tag, like Parse.ly's and Sailthru's above */
		{"cxenseparse:author", "author", "meta"},
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
			rh_add(mc, map[i].field, content, map[i].origin);
			return;
		}
	/* a card's label and value pairs: twitter:label1 "Written by", twitter:data1 "Jane Doe"
	 * (Yoast SEO writes the post's author so, its label in the site's language) */
	if (!strncmp(k, "twitter:label", 13) && k[13] >= '1' && k[13] <= '9' && !k[14]) {
		mc->twitter_author_label = rh_written_by_label(content) ? k[13] : 0;
		return;
	}
	if (!strncmp(k, "twitter:data", 12) && k[12] && k[12] == mc->twitter_author_label && !k[13]) {
		rh_add(mc, "author", content, "twitter-label");
		return;
	}
	if (!strcmp(k, "og:locale")) {
		rh_add(mc, "language", content, "opengraph");
		return;
	}
}
