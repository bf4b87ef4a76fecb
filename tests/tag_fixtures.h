/* Helpers shared by tag-attribution's unit tests (test_tag_attribution.c: quotes, speakers,
 * sources and body marks; test_tag_authors.c; test_author_rules.c; test_tag_dates.c). */
#ifndef GALLEY_TEST_TAG_FIXTURES_H
#define GALLEY_TEST_TAG_FIXTURES_H

#include "harness.h"

#include <string.h>

static inline galley_article *run_one(galley_article *a, const char *options)
{
	galley_stage *s = th_stage("tag-attribution", options);
	galley_error err;
	galley_error_clear(&err);
	ck_assert_msg(galley_stage_feed(s, a, &err) == GALLEY_OK, "feed: %s", err.message);
	galley_stage_free(s);
	return a;
}

/* Runs the tagger on a and checks that it names no author; frees a. */
static inline void expect_no_author(galley_article *a)
{
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
}

/* Runs the tagger on a and checks that it names one author, name; frees a. */
static inline void expect_sole_author(galley_article *a, const char *name)
{
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), name);
	galley_article_free(a);
}

static inline galley_article *tag_html(const char *html)
{
	return run_one(th_article_html(html), NULL);
}

static inline const galley_quote *find_quote(galley_article *a, const char *prefix)
{
	for (size_t i = 0; i < galley_article_n_quotes(a); i++) {
		const galley_quote *q = galley_article_quote(a, i);
		if (!strncmp(q->text, prefix, strlen(prefix)))
			return q;
	}
	return NULL;
}

static inline const galley_source *find_source(galley_article *a, const char *name)
{
	for (size_t i = 0; i < galley_article_n_sources(a); i++)
		if (!strcmp(galley_article_source(a, i)->name, name))
			return galley_article_source(a, i);
	return NULL;
}

static inline char *body_xml(galley_article *a)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, galley_article_body(a), galley_body_root(galley_article_body(a)), 0, 0);
	char *s = galley_strdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

/* A block the stripper set apart, as the tagger reads it. */
static inline void add_removed(galley_article *a, const char *reason, const char *text, const char *context)
{
	galley_removed r = {reason, text, context};
	galley_article_add_removed(a, &r);
}

#endif
