/* The article model: fields, lists, annotations, ownership, copies, ids. */
#include "harness.h"

#include <stdlib.h>

START_TEST(fields)
{
	galley_article *a = galley_article_new();
	ck_assert_ptr_null(galley_article_get(a, GALLEY_FIELD_TITLE));
	galley_article_set(a, GALLEY_FIELD_TITLE, "  A title \n");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "A title");
	galley_article_set(a, GALLEY_FIELD_TITLE, "   ");
	ck_assert_ptr_null(galley_article_get(a, GALLEY_FIELD_TITLE)); /* "" never means unknown */
	galley_article_set(a, GALLEY_FIELD_SITE, "caf\xe9");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_SITE), "caf\xef\xbf\xbd"); /* cleaned to UTF-8 */
	galley_article_set(a, GALLEY_FIELD_SITE, NULL);
	ck_assert_ptr_null(galley_article_get(a, GALLEY_FIELD_SITE));
	th_str_eq(galley_field_name(GALLEY_FIELD_LANGUAGE), "language");
	th_str_eq(galley_field_name(GALLEY_FIELD_ID), "id");
	th_str_eq(galley_field_name(GALLEY_FIELD_DEK), "dek");
	galley_article_free(a);
	galley_article_free(NULL);
}
END_TEST

START_TEST(location)
{
	galley_article *a = galley_article_new();
	th_str_eq(galley_article_where(a), "(unknown input)");
	ck_assert_int_eq(galley_article_location(a)->offset, -1);
	galley_article_set_location(a, "pages.tar.gz", "2024/a.html", -1, -1);
	th_str_eq(galley_article_where(a), "pages.tar.gz!2024/a.html");
	galley_article_set_location(a, "crawl.warc.gz", NULL, 1234, 2);
	th_str_eq(galley_article_where(a), "crawl.warc.gz@1234#2");
	const galley_source_location *l = galley_article_location(a);
	th_str_eq(l->file, "crawl.warc.gz");
	ck_assert_ptr_null(l->member);
	ck_assert_int_eq(l->offset, 1234);
	ck_assert_int_eq(l->index, 2);
	galley_article_free(a);
}
END_TEST

START_TEST(lists)
{
	galley_article *a = galley_article_new();
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "Jane Doe");
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "John Roe");
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "Jane Doe"); /* no duplicates */
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, " ");        /* ignored */
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "John Roe");
	ck_assert_ptr_null(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 2));
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_TAGS), 0);
	galley_article_list_clear(a, GALLEY_LIST_AUTHORS);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
}
END_TEST

START_TEST(annotations_and_copy)
{
	galley_article *a = galley_article_new();
	galley_article_add_candidate(a, "author", "Jane Doe", "json-ld");
	galley_article_add_candidate(a, "author", "", "meta"); /* ignored */
	galley_article_add_candidate(a, "date", "2024-01-02", "opengraph");
	ck_assert_uint_eq(galley_article_n_candidates(a), 2);
	th_str_eq(galley_article_candidate_first(a, "date"), "2024-01-02");
	ck_assert_ptr_null(galley_article_candidate_first(a, "site"));
	th_str_eq(galley_article_candidate(a, 0)->origin, "json-ld");
	char name[] = "Al Arabiya";
	galley_source src = {name, "credit", "Source » alarabiya"};
	ck_assert_uint_eq(galley_article_add_source(a, &src), 0);
	name[0] = 'X'; /* copied: the article's copy is unchanged */
	th_str_eq(galley_article_source(a, 0)->name, "Al Arabiya");
	galley_quote q = {"We are progressing", "Hossein Salami", "quoted", 3, 1, 19};
	galley_article_add_quote(a, &q);
	galley_removed r = {"credit", "Source » alarabiya", "line 30"};
	galley_article_add_removed(a, &r);
	galley_article_add_stage(a, "read-text", "1.0");
	galley_article_set_extra(a, "words", "42");
	galley_article_set_extra(a, "words", "43");
	th_str_eq(galley_article_get_extra(a, "words"), "43");
	ck_assert_uint_eq(galley_article_n_extra(a), 1);
	xmlDocPtr doc = galley_body_new();
	xmlNewTextChild(galley_body_root(doc), NULL, BAD_CAST "p", BAD_CAST "Hello");
	galley_article_set_body(a, doc);
	unsigned char *raw = (unsigned char *)galley_strdup("<p>raw</p>");
	galley_article_take_raw(a, raw, 10, "text/html", "utf-8", NULL, 200);
	th_str_eq(galley_article_raw(a)->charset, "utf-8");

	galley_article *c = galley_article_copy(a);
	galley_article_free(a);
	th_str_eq(galley_article_source(c, 0)->evidence, "Source » alarabiya");
	th_str_eq(galley_article_quote(c, 0)->speaker, "Hossein Salami");
	ck_assert_int_eq(galley_article_quote(c, 0)->end, 19);
	th_str_eq(galley_article_removed(c, 0)->reason, "credit");
	th_str_eq(galley_article_stage_name(c, 0), "read-text");
	th_str_eq(galley_article_stage_version(c, 0), "1.0");
	ck_assert_int_eq(galley_article_raw(c)->status, 200);
	th_text_eq(c, "Hello");
	galley_article_set_extra(c, "words", NULL);
	ck_assert_uint_eq(galley_article_n_extra(c), 0);
	galley_article_clear_quotes(c);
	galley_article_clear_sources(c);
	galley_article_clear_removed(c);
	ck_assert_uint_eq(galley_article_n_quotes(c) + galley_article_n_sources(c) + galley_article_n_removed(c), 0);
	galley_article_drop_raw(c);
	ck_assert_ptr_null(galley_article_raw(c));
	xmlDocPtr body = galley_article_take_body(c);
	ck_assert_ptr_nonnull(body);
	ck_assert_ptr_null(galley_article_body(c));
	xmlFreeDoc(body);
	galley_article_free(c);
}
END_TEST

START_TEST(decisions)
{
	galley_article *a = galley_article_new();
	galley_decision d1 = {.field = "authors", .rule = "labelled-header-block", .detail = "metadata"};
	galley_decision d2 = {.field = "date", .rule = "json-ld-date"};
	galley_article_add_decision(a, &d1);
	galley_article_add_decision(a, &d2);
	ck_assert_uint_eq(galley_article_n_decisions(a), 2);
	th_str_eq(galley_article_decision_for(a, "authors")->rule, "labelled-header-block");
	th_str_eq(galley_article_decision(a, 0)->detail, "metadata");
	ck_assert_ptr_null(galley_article_decision(a, 1)->detail);
	ck_assert_ptr_null(galley_article_decision(a, 2));
	ck_assert_ptr_null(galley_article_decision_for(a, "title"));
	galley_article *c = galley_article_copy(a);
	galley_article_clear_decision(a, "authors");
	ck_assert_uint_eq(galley_article_n_decisions(a), 1);
	th_str_eq(galley_article_decision(a, 0)->field, "date");
	ck_assert_uint_eq(galley_article_n_decisions(c), 2); /* the copy has its own */
	galley_article_clear_decision(a, NULL);
	ck_assert_uint_eq(galley_article_n_decisions(a), 0);
	galley_article_free(c);
	galley_article_free(a);
}
END_TEST

/* The core parses a removed block's context into typed fields. */
START_TEST(removed_places)
{
	galley_article *a = galley_article_new();
	galley_removed r1 = {"byline", "By Jane Doe", "span#by.author.small before-body in:related"};
	galley_removed r2 = {"footer", "Imprint", "footer after-body"};
	galley_removed r3 = {"short", "A line", "line 3"};
	galley_removed r4 = {"nav", "Home", NULL};
	galley_article_add_removed(a, &r1);
	galley_article_add_removed(a, &r2);
	galley_article_add_removed(a, &r3);
	galley_article_add_removed(a, &r4);
	const galley_removed *r = galley_article_removed(a, 0);
	ck_assert_int_eq(r->place, GALLEY_PLACE_BEFORE_BODY);
	th_str_eq(r->element, "span");
	th_str_eq(r->id, "by");
	th_str_eq(r->classes, "author.small");
	th_str_eq(r->within, "related");
	th_str_eq(r->context, "span#by.author.small before-body in:related"); /* kept for output */
	r = galley_article_removed(a, 1);
	ck_assert_int_eq(r->place, GALLEY_PLACE_AFTER_BODY);
	th_str_eq(r->element, "footer");
	ck_assert_ptr_null(r->id);
	ck_assert_ptr_null(r->classes);
	ck_assert_ptr_null(r->within);
	ck_assert_int_eq(galley_article_removed(a, 2)->place, GALLEY_PLACE_UNKNOWN);
	ck_assert_ptr_null(galley_article_removed(a, 3)->element);
	galley_article *c = galley_article_copy(a);
	th_str_eq(galley_article_removed(c, 0)->within, "related");
	galley_article_free(c);
	galley_article_free(a);
}
END_TEST

START_TEST(resources)
{
	galley_article *a = galley_article_new();
	char file[] = "site.tar.gz";
	galley_resource r = {"img/a.png", file, "site/img/a.png", "image/png"};
	ck_assert_uint_eq(galley_article_add_resource(a, &r), 0);
	file[0] = 'X'; /* copied */
	galley_resource d = {"b.jpg", "pages/b.jpg", NULL, NULL};
	ck_assert_uint_eq(galley_article_add_resource(a, &d), 1);
	galley_resource bad = {NULL, "x", NULL, NULL};
	ck_assert_uint_eq(galley_article_add_resource(a, &bad), (size_t)-1);
	ck_assert_uint_eq(galley_article_n_resources(a), 2);
	th_str_eq(galley_article_resource(a, 0)->file, "site.tar.gz");
	th_str_eq(galley_article_resource(a, 0)->media_type, "image/png");
	ck_assert_ptr_null(galley_article_resource(a, 1)->member);
	ck_assert_ptr_null(galley_article_resource(a, 2));
	/* the same ref replaces its entry */
	galley_resource again = {"img/a.png", "other.zip", "img/a.png", NULL};
	ck_assert_uint_eq(galley_article_add_resource(a, &again), 0);
	ck_assert_uint_eq(galley_article_n_resources(a), 2);
	th_str_eq(galley_article_resource_find(a, "img/a.png")->file, "other.zip");
	ck_assert_ptr_null(galley_article_resource_find(a, "missing.png"));

	galley_article *c = galley_article_copy(a);
	galley_article_free(a);
	ck_assert_uint_eq(galley_article_n_resources(c), 2);
	th_str_eq(galley_article_resource(c, 0)->member, "img/a.png");
	th_str_eq(galley_article_resource_find(c, "b.jpg")->file, "pages/b.jpg");
	galley_article_clear_resources(c);
	ck_assert_uint_eq(galley_article_n_resources(c), 0);
	galley_article_add_resource(c, &d);
	galley_article_free(c);
}
END_TEST

static int freed;
static void count_free(void *p)
{
	freed++;
	free(p);
}

START_TEST(scratch)
{
	galley_article *a = galley_article_new();
	int owner1, owner2;
	galley_article_set_scratch(a, &owner1, galley_strdup("one"), count_free);
	galley_article_set_scratch(a, &owner2, galley_strdup("two"), count_free);
	th_str_eq(galley_article_get_scratch(a, &owner1), "one");
	galley_article_set_scratch(a, &owner1, galley_strdup("uno"), count_free);
	ck_assert_int_eq(freed, 1);
	th_str_eq(galley_article_get_scratch(a, &owner1), "uno");
	galley_article_free(a);
	ck_assert_int_eq(freed, 3);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("article");
	TCase *tc = tcase_create("article");
	tcase_add_test(tc, fields);
	tcase_add_test(tc, location);
	tcase_add_test(tc, lists);
	tcase_add_test(tc, annotations_and_copy);
	tcase_add_test(tc, decisions);
	tcase_add_test(tc, removed_places);
	tcase_add_test(tc, scratch);
	tcase_add_test(tc, resources);
	suite_add_tcase(s, tc);
	return th_run(s);
}
