/* write-json: fields and their order, absent values, clean UTF-8, determinism, formats,
 * fields=, html, Markdown, atomic output; every file written is validated against
 * docs/article.schema.json (tests/e2e/validate-json.py). */
#include "harness.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>


/* A full article: every field, list and annotation. */
static galley_article *full_article(const char *id)
{
	galley_article *a = th_article_html("<h2>Heading</h2><p>First \"paragraph\" &amp; more.</p>"
	                                    "<p>He said: <q>we will win</q>. <a href=\"https://example.com/x\">link</a></p>"
	                                    "<ul><li>item one</li><li>item two</li></ul>");
	galley_article_set(a, GALLEY_FIELD_ID, id);
	galley_article_set(a, GALLEY_FIELD_URL, "https://example.com/news/1");
	galley_article_set(a, GALLEY_FIELD_TITLE, "A title");
	galley_article_set(a, GALLEY_FIELD_DATE, "2024-03-05T10:00:00+01:00");
	galley_article_set(a, GALLEY_FIELD_SITE, "Example News");
	galley_article_set(a, GALLEY_FIELD_LANGUAGE, "en");
	galley_article_set(a, GALLEY_FIELD_DESCRIPTION, "A teaser.");
	galley_article_set_location(a, "pages.tar.gz", "site/a.html", -1, 2);
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "Jane Doe");
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "John Roe");
	galley_article_list_add(a, GALLEY_LIST_TAGS, "politics");
	galley_source s = {.name = "Al Arabiya", .kind = "credit", .evidence = "Source » alarabiya", .rule = "credit-line"};
	galley_article_add_source(a, &s);
	galley_quote q = {.text = "we will win", .speaker = "Jane Doe", .cue = "said", .paragraph = 2, .start = 9,
	                  .end = 20, .speaker_kind = "person", .rule = "cue-after"};
	galley_article_add_quote(a, &q);
	galley_quote q2 = {.text = "nobody knows", .paragraph = 1, .start = 0, .end = 12};
	galley_article_add_quote(a, &q2);
	galley_removed r = {.reason = "nav", .text = "Home | News", .context = "div.menu"};
	galley_article_add_removed(a, &r);
	galley_article_add_stage(a, "read-html", "1.0.0");
	galley_article_add_stage(a, "strip-boilerplate", "0.3.0");
	galley_article_set_extra(a, "word_count", "12");
	galley_article_set_extra(a, "http_status", "200");
	return a;
}

/* Run write-json with options over n articles (taken), then finish. */
static void write_all(const char *options, galley_article **arts, size_t n)
{
	th_write_all("write-json", options, arts, n, TH_FREE_FED);
}

static char *run_to_file(const char *name, const char *extra_opts, galley_article **arts, size_t n)
{
	char *path = th_tmp_path(name);
	galley_buf opts = {0};
	galley_buf_printf(&opts, "output='%s' %s", path, extra_opts ? extra_opts : "");
	write_all(opts.data, arts, n);
	galley_buf_free(&opts);
	size_t len = 0;
	char *data = th_read_file(path, &len);
	ck_assert_msg(data != NULL, "no output at %s", path);
	th_validate_json(path);
	free(path);
	return data;
}

/* Keys of a JSON object, comma-joined (owned). */
static char *keys_of(json_object *o)
{
	galley_buf b = {0};
	json_object_object_foreach(o, k, v)
	{
		(void)v;
		galley_buf_printf(&b, "%s%s", b.len ? "," : "", k);
	}
	return galley_buf_steal(&b);
}

START_TEST(test_full_article)
{
	galley_article *arts[1] = {full_article("art-1")};
	char *out = run_to_file("a.jsonl", "html=true explain=true", arts, 1);
	size_t n = strlen(out);
	ck_assert_msg(n > 0 && out[n - 1] == '\n' && !strchr(out, '\n')[1], "one line: %s", out);
	json_object *o = json_tokener_parse(out);
	ck_assert_ptr_nonnull(o);
	char *keys = keys_of(o);
	th_str_eq(keys, "id,url,source_location,title,authors,date,site,language,description,tags,text,html,sources,"
	                "quotes,removed,pipeline,extra");
	free(keys);
	json_object *v;
	ck_assert(json_object_object_get_ex(o, "text", &v));
	th_str_eq(json_object_get_string(v),
	          "Heading\n\nFirst \"paragraph\" & more.\n\nHe said: we will win. link\n\nitem one\n\nitem two");
	ck_assert(json_object_object_get_ex(o, "source_location", &v));
	char *lk = keys_of(v);
	th_str_eq(lk, "file,member,index");
	free(lk);
	ck_assert(json_object_object_get_ex(o, "extra", &v));
	char *ek = keys_of(v);
	th_str_eq(ek, "http_status,word_count"); /* sorted */
	free(ek);
	ck_assert(json_object_object_get_ex(o, "quotes", &v));
	char *q1k = keys_of(json_object_array_get_idx(v, 0));
	th_str_eq(q1k, "text,speaker,speaker_kind,cue,paragraph,start,end,rule"); /* rule: explain=true */
	free(q1k);
	json_object *srcs;
	ck_assert(json_object_object_get_ex(o, "sources", &srcs));
	char *sk = keys_of(json_object_array_get_idx(srcs, 0));
	th_str_eq(sk, "name,kind,evidence,rule"); /* the source's rule: explain=true */
	free(sk);
	json_object *q2 = json_object_array_get_idx(v, 1);
	char *qk = keys_of(q2);
	th_str_eq(qk, "text,paragraph,start,end"); /* no speaker: omitted, not "" */
	free(qk);
	ck_assert(json_object_object_get_ex(o, "html", &v));
	ck_assert_msg(strstr(json_object_get_string(v), "<a href=\"https://example.com/x\">link</a>"), "html: %s",
	              json_object_get_string(v));
	ck_assert(strstr(out, "\"url\":\"https://example.com/news/1\"")); /* slashes not escaped */
	json_object_put(o);
	free(out);
}
END_TEST

/* dek: written after description, apart from the text */
START_TEST(test_dek)
{
	galley_article *a = th_article_html("<p>The first paragraph.</p>");
	galley_article_set(a, GALLEY_FIELD_ID, "d");
	galley_article_set(a, GALLEY_FIELD_TITLE, "T");
	galley_article_set(a, GALLEY_FIELD_DESCRIPTION, "Teaser.");
	galley_article_set(a, GALLEY_FIELD_DEK, "The standfirst under the headline.");
	galley_article_list_add(a, GALLEY_LIST_TAGS, "x");
	galley_article *arts[1] = {a};
	char *out = run_to_file("dek.jsonl", NULL, arts, 1);
	th_str_eq(out, "{\"id\":\"d\",\"title\":\"T\",\"description\":\"Teaser.\",\"dek\":\"The standfirst under the "
	               "headline.\",\"tags\":[\"x\"],\"text\":\"The first paragraph.\"}\n");
	free(out);
}
END_TEST

START_TEST(test_absent_values_omitted)
{
	galley_article *a = th_article_html("<p>Only text.</p>");
	galley_article_set(a, GALLEY_FIELD_ID, "x");
	galley_article_set(a, GALLEY_FIELD_TITLE, " "); /* blank means unknown: never written */
	galley_article_add_removed(a, &(galley_removed){.reason = "nav", .text = "Menu"}); /* explain=false */
	galley_article_add_quote(a, &(galley_quote){.text = "Only text", .end = 9, .rule = "none"}); /* no rule */
	galley_article *arts[1] = {a};
	char *out = run_to_file("b.jsonl", NULL, arts, 1);
	th_str_eq(out, "{\"id\":\"x\",\"text\":\"Only text.\",\"quotes\":[{\"text\":\"Only text\",\"paragraph\":0,\"start\":0,"
	               "\"end\":9}]}\n");
	free(out);
}
END_TEST

START_TEST(test_empty_body_and_no_id)
{
	galley_article *a = galley_article_new();
	galley_article_set(a, GALLEY_FIELD_URL, "https://example.com/empty");
	galley_article *arts[1] = {a};
	char *out = run_to_file("c.jsonl", NULL, arts, 1);
	json_object *o = json_tokener_parse(out);
	json_object *v;
	ck_assert(json_object_object_get_ex(o, "id", &v)); /* an id even when none was set */
	ck_assert(json_object_object_get_ex(o, "text", &v));
	th_str_eq(json_object_get_string(v), "");
	json_object_put(o);
	free(out);
}
END_TEST

START_TEST(test_hostile_text)
{
	galley_article *a = th_article_html("<p>ok</p>");
	xmlNodePtr root = galley_body_root(galley_article_body(a));
	/* a text node with raw control characters and invalid UTF-8, as a careless reader might leave */
	xmlNodePtr p = xmlNewDocNode(galley_article_body(a), NULL, BAD_CAST "p", NULL);
	xmlAddChild(p, xmlNewDocText(galley_article_body(a), BAD_CAST "bell\x07 esc\x1b bad\xff\xfe c1\xc2\x85 end"));
	xmlAddChild(root, p);
	galley_article_set(a, GALLEY_FIELD_ID, "h\x01" "1");
	galley_article_set(a, GALLEY_FIELD_TITLE, "T\xc3\x28itle \xed\xa0\x80 surrogate");
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "A\x80" "uthor");
	galley_article_set_extra(a, "k\xff", "v\x02");
	galley_source s = {.name = "N\xff" "ame", .kind = "cited", .evidence = "e\x7f"};
	galley_article_add_source(a, &s);
	galley_article *arts[1] = {a};
	char *out = run_to_file("h.jsonl", "html=true", arts, 1);
	ck_assert_msg(galley_utf8_valid(out, strlen(out)), "output is not valid UTF-8");
	for (const char *c = out; *c; c++)
		ck_assert_msg((unsigned char)*c >= 0x20 || *c == '\n', "raw control character in output");
	ck_assert_msg(!strstr(out, "\\u0007") && !strstr(out, "\\u001b") && !strstr(out, "\\u0001"),
	              "control characters should be dropped: %s", out);
	ck_assert_msg(strstr(out, "bad\xef\xbf\xbd"), "invalid bytes become U+FFFD: %s", out);
	json_object *o = json_tokener_parse(out);
	ck_assert_ptr_nonnull(o);
	json_object_put(o);
	free(out);
}
END_TEST

START_TEST(test_deterministic)
{
	char *outs[2];
	for (int r = 0; r < 2; r++) {
		galley_article *arts[3] = {full_article("d1"), full_article("d2"), th_article_html("<p>x</p>")};
		outs[r] = run_to_file(r ? "d2.json" : "d1.json", "format=array html=true", arts, 3);
	}
	th_str_eq(outs[0], outs[1]);
	free(outs[0]);
	free(outs[1]);
}
END_TEST

START_TEST(test_array_format)
{
	galley_article *arts[2] = {full_article("a1"), full_article("a2")};
	char *out = run_to_file("arr.json", "format=array", arts, 2);
	ck_assert_msg(!strncmp(out, "[\n  {\n    \"id\": \"a1\",\n", 22), "pretty array: %.60s", out);
	size_t n = strlen(out);
	ck_assert(n > 4 && !strcmp(out + n - 4, "}\n]\n"));
	json_object *o = json_tokener_parse(out);
	ck_assert_ptr_nonnull(o);
	ck_assert(json_object_is_type(o, json_type_array));
	ck_assert_uint_eq(json_object_array_length(o), 2);
	json_object_put(o);
	free(out);

	char *empty = run_to_file("empty.json", "format=array", NULL, 0);
	th_str_eq(empty, "[]\n");
	free(empty);
	char *empty2 = run_to_file("empty.jsonl", NULL, NULL, 0);
	th_str_eq(empty2, "");
	free(empty2);
}
END_TEST

/* Authors with their kinds: written as author_entries when a stage said what they are. */
START_TEST(test_author_entries)
{
	galley_article *arts[1] = {full_article("k1")};
	galley_article_list_add(arts[0], GALLEY_LIST_AUTHORS, "Example Agency");
	size_t n = galley_article_list_len(arts[0], GALLEY_LIST_AUTHORS);
	galley_article_set_author_kind(arts[0], 0, GALLEY_AUTHOR_PERSON);
	galley_article_set_author_kind(arts[0], n - 1, GALLEY_AUTHOR_ORGANISATION);
	char *out = run_to_file("k.jsonl", "fields=authors,author_entries", arts, 1);
	json_object *o = json_tokener_parse(out);
	ck_assert_ptr_nonnull(o);
	json_object *v, *e, *x;
	ck_assert(json_object_object_get_ex(o, "author_entries", &v));
	ck_assert_uint_eq(json_object_array_length(v), n);
	e = json_object_array_get_idx(v, 0);
	ck_assert(json_object_object_get_ex(e, "kind", &x));
	th_str_eq(json_object_get_string(x), "person");
	e = json_object_array_get_idx(v, n - 1);
	ck_assert(json_object_object_get_ex(e, "name", &x));
	th_str_eq(json_object_get_string(x), "Example Agency");
	ck_assert(json_object_object_get_ex(e, "kind", &x));
	th_str_eq(json_object_get_string(x), "organisation");
	json_object_put(o);
	free(out);

	/* no kind known: no author_entries, authors as before */
	galley_article *arts2[1] = {full_article("k2")};
	out = run_to_file("k2.jsonl", NULL, arts2, 1);
	o = json_tokener_parse(out);
	ck_assert(!json_object_object_get_ex(o, "author_entries", &v));
	ck_assert(json_object_object_get_ex(o, "authors", &v));
	json_object_put(o);
	free(out);
}
END_TEST

START_TEST(test_fields_selection)
{
	galley_article *arts[1] = {full_article("f1")};
	char *out = run_to_file("f.jsonl", "fields=title,authors,quotes", arts, 1);
	json_object *o = json_tokener_parse(out);
	char *keys = keys_of(o);
	th_str_eq(keys, "id,title,authors,quotes"); /* id always; document order, not fields= order */
	free(keys);
	json_object_put(o);
	free(out);

	galley_article *arts2[1] = {full_article("f2")};
	out = run_to_file("f2.jsonl", "fields=html,text", arts2, 1);
	o = json_tokener_parse(out);
	keys = keys_of(o);
	th_str_eq(keys, "id,text,html"); /* naming html asks for it */
	free(keys);
	json_object_put(o);
	free(out);

	galley_error err = {0};
	galley_stage *s = galley_stage_new(th_registry(), "write-json", "fields=title,bogus output=-", &err);
	int rc = s ? galley_stage_open(s, &err) : err.code;
	ck_assert_int_eq(rc, GALLEY_ERR_FATAL);
	ck_assert_msg(strstr(err.message, "bogus") && strstr(err.message, "known fields"), "message: %s", err.message);
	galley_stage_free(s);
}
END_TEST

START_TEST(test_markdown)
{
	galley_article *a = th_article_html("<h2>Section</h2><p>Read <a href=\"https://e.org/\">this</a> *now*.</p>"
	                                    "<ul><li>one</li><li>two</li></ul><blockquote><p>Said.</p></blockquote>"
	                                    "<ol><li>first</li></ol><p><code>a`b</code></p><pre>``` x</pre>");
	galley_article_set(a, GALLEY_FIELD_ID, "m");
	galley_article *arts[1] = {a};
	char *out = run_to_file("m.jsonl", "text_format=markdown fields=text", arts, 1);
	json_object *o = json_tokener_parse(out);
	json_object *v;
	ck_assert(json_object_object_get_ex(o, "text", &v));
	th_str_eq(json_object_get_string(v), "## Section\n\nRead [this](https://e.org/) \\*now\\*.\n\n- one\n- two\n\n"
	                                     "> Said.\n\n1. first\n\n``a`b``\n\n````\n``` x\n````");
	json_object_put(o);
	free(out);
}
END_TEST

START_TEST(test_html_field)
{
	galley_article *a = th_article_html("<p title='a\"b'>x &lt; y<br>z</p><p></p><img src=\"i.png\" alt=\"\">");
	galley_article_set(a, GALLEY_FIELD_ID, "h");
	galley_article *arts[1] = {a};
	char *out = run_to_file("html.jsonl", "html=true fields=html", arts, 1);
	json_object *o = json_tokener_parse(out);
	json_object *v;
	ck_assert(json_object_object_get_ex(o, "html", &v));
	th_str_eq(json_object_get_string(v),
	          "<p title=\"a&quot;b\">x &lt; y<br/>z</p><p></p><p><img src=\"i.png\" alt=\"\"/></p>");
	json_object_put(o);
	free(out);
}
END_TEST

START_TEST(test_atomic_output_real)
{
	char *path = th_tmp_path("sub/dir/out.jsonl");
	galley_buf opts = {0};
	galley_buf_printf(&opts, "output='%s'", path);
	galley_stage *s = th_stage("write-json", opts.data);
	galley_article *a = full_article("at");
	galley_error err = {0};
	ck_assert_int_eq(galley_stage_feed(s, a, &err), GALLEY_OK);
	galley_article_free(a);
	struct stat st;
	ck_assert_msg(stat(path, &st) != 0, "output visible before finish");
	galley_stage_free(s); /* closed without finish: discarded */
	ck_assert_msg(stat(path, &st) != 0, "output left behind without finish");

	s = th_stage("write-json", opts.data);
	a = full_article("at");
	ck_assert_int_eq(galley_stage_feed(s, a, &err), GALLEY_OK);
	galley_article_free(a);
	ck_assert_int_eq(galley_stage_finish(s, &err), GALLEY_OK);
	galley_stage_free(s);
	ck_assert_msg(stat(path, &st) == 0, "output missing after finish");
	th_validate_json(path);
	galley_buf_free(&opts);
	free(path);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("write-json");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, test_full_article);
	tcase_add_test(tc, test_author_entries);
	tcase_add_test(tc, test_dek);
	tcase_add_test(tc, test_absent_values_omitted);
	tcase_add_test(tc, test_empty_body_and_no_id);
	tcase_add_test(tc, test_hostile_text);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_array_format);
	tcase_add_test(tc, test_fields_selection);
	tcase_add_test(tc, test_markdown);
	tcase_add_test(tc, test_html_field);
	tcase_add_test(tc, test_atomic_output_real);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
