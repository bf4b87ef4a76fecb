/* read-html internals: metadata collection (not exported; dates are normalised by galley/date.h). */
#ifndef READ_HTML_METADATA_H
#define READ_HTML_METADATA_H

#include <galley/galley.h>
#include <stdbool.h>
#include <stddef.h>

/* One walk over a freshly parsed page: removes script, style, noscript, template, comments and
 * processing instructions; records every metadata candidate (with its origin) on a, best first
 * within each field, the WARC record's URL and date (nullable) last; decides the title, site,
 * language, URL, description and a default date. */
void read_html_meta_collect(galley_article *a, xmlDocPtr doc, const char *warc_url, const char *warc_date);

/* Record a decision on the article for write-json explain=true: extra "explain.<what>" =
 * "<value> (<rule-id>: <reason>)"; why is "rule-id: reason". */
void read_html_explain(galley_article *a, const char *what, const char *value, const char *why);

#endif
