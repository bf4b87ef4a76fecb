/* read-json: JSON Lines and arrays back into articles; bad records named by line, counted and
 * skipped; hostile bytes cleaned; the round trip read-json ! write-json is byte-identical; every
 * JSON file written here is validated against docs/article.schema.json. */
#include "harness.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>


static char *put(const char *name, const char *data)
{
	char *p = th_tmp_path(name);
	th_write_file(p, data, strlen(data));
	return p;
}

#define MAXA 64
typedef struct result {
	galley_article *a[MAXA];
	size_t n;
	galley_buf errors; /* every error message, one per line */
	size_t n_errors;
} result;

static char *read_opts(const char *path, const char *more)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "input='%s' %s", path, more ? more : "");
	return galley_buf_steal(&b);
}

/* Every article read-json reads from path with the options more (or NULL), into r. */
static void read_all(const char *path, const char *more, result *r)
{
	memset(r, 0, sizeof *r);
	char *options = read_opts(path, more);
	galley_stage *s = th_stage("read-json", options);
	free(options);
	for (;;) {
		galley_error err = {0};
		galley_article *a = NULL;
		int rc = galley_stage_read(s, &a, &err);
		if (rc == GALLEY_END)
			break;
		ck_assert_msg(rc != GALLEY_ERR_FATAL, "fatal: %s", err.message);
		if (rc != GALLEY_OK) {
			galley_article_free(a);
			galley_buf_printf(&r->errors, "%s\n", err.message);
			r->n_errors++;
			continue;
		}
		ck_assert_uint_lt(r->n, MAXA);
		r->a[r->n++] = a;
	}
	galley_stage_free(s);
}

static void result_free(result *r)
{
	for (size_t i = 0; i < r->n; i++)
		galley_article_free(r->a[i]);
	galley_buf_free(&r->errors);
}

/* Write articles (borrowed) with write-json and options; returns the file's bytes (owned). */
static char *write_file(const char *path, const char *more, galley_article **arts, size_t n)
{
	galley_buf opts = {0};
	galley_buf_printf(&opts, "output='%s' %s", path, more ? more : "");
	th_write_all("write-json", opts.data, arts, n, TH_KEEP_FED);
	galley_buf_free(&opts);
	th_validate_json(path);
	char *data = th_read_file(path, NULL);
	ck_assert_ptr_nonnull(data);
	return data;
}

/* author_entries gives each author's kind back, in any order of the keys */
START_TEST(test_author_entries)
{
	char *p = put("k.jsonl",
	              "{\"author_entries\":[{\"name\":\"Ann Lee\",\"kind\":\"person\"},{\"name\":\"Example Agency\",\"kind\":\"organisation\"}],"
	              "\"authors\":[\"Ann Lee\",\"Example Agency\"],\"text\":\"One.\"}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_msg(r.n_errors == 0, "errors: %s", r.errors.data);
	ck_assert_uint_eq(r.n, 1);
	galley_article *a = r.a[0];
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	ck_assert_int_eq(galley_article_author_kind(a, 0), GALLEY_AUTHOR_PERSON);
	ck_assert_int_eq(galley_article_author_kind(a, 1), GALLEY_AUTHOR_ORGANISATION);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_lines_basic)
{
	char *p = put("a.jsonl",
	              "{\"id\":\"a1\",\"url\":\"https://e.com/1\",\"title\":\"T\",\"authors\":[\"Ann\",\"Bob\"],"
	              "\"date\":\"2024-01-02\",\"site\":\"E\",\"language\":\"en\",\"description\":\"D\",\"tags\":[\"x\"],"
	              "\"text\":\"One.\\n\\nTwo  spaced\\n  code.\\n\\nThree.\","
	              "\"sources\":[{\"name\":\"Reuters\",\"kind\":\"credit\",\"evidence\":\"(Reuters)\",\"rule\":\"dateline-credit\"}],"
	              "\"quotes\":[{\"text\":\"hi\",\"speaker\":\"Ann\",\"cue\":\"said\",\"paragraph\":1,\"start\":0,\"end\":2}],"
	              "\"removed\":[{\"reason\":\"nav\",\"text\":\"Home\"}],"
	              "\"pipeline\":[{\"name\":\"read-html\",\"version\":\"1.0.0\"}],\"extra\":{\"n\":\"1\",\"m\":2}}\n"
	              "\n"
	              "{\"title\":\"minimal\",\"text\":\"Just text.\\nOne line, one paragraph.\"}\r\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_msg(r.n_errors == 0, "errors: %s", r.errors.data);
	ck_assert_uint_eq(r.n, 2);
	galley_article *a = r.a[0];
	th_str_eq(galley_article_get(a, GALLEY_FIELD_ID), "a1");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_URL), "https://e.com/1");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_LANGUAGE), "en");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DESCRIPTION), "D");
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "Bob");
	ck_assert_uint_eq(galley_article_n_sources(a), 1);
	th_str_eq(galley_article_source(a, 0)->evidence, "(Reuters)");
	th_str_eq(galley_article_source(a, 0)->rule, "dateline-credit");
	ck_assert_uint_eq(galley_article_n_quotes(a), 1);
	ck_assert_int_eq(galley_article_quote(a, 0)->paragraph, 1);
	ck_assert_int_eq(galley_article_quote(a, 0)->end, 2);
	ck_assert_uint_eq(galley_article_n_removed(a), 1);
	ck_assert_uint_eq(galley_article_n_stages(a), 1);
	th_str_eq(galley_article_stage_name(a, 0), "read-html");
	th_str_eq(galley_article_get_extra(a, "m"), "2");
	char *t = th_text_of(a);
	th_str_eq(t, "One.\n\nTwo  spaced\n  code.\n\nThree."); /* preformatted text kept as it is */
	free(t);
	xmlNodePtr second = galley_body_root(galley_article_body(a))->children->next;
	ck_assert_str_eq((const char *)second->name, "pre");
	/* location: the input and the record's number */
	const galley_source_location *loc = galley_article_location(r.a[1]);
	th_str_eq(loc->file, p);
	ck_assert_int_eq(loc->index, 1);
	t = th_text_of(r.a[1]); /* no empty line anywhere: one paragraph per line */
	th_str_eq(t, "Just text.\n\nOne line, one paragraph.");
	free(t);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_html_preferred)
{
	char *p = put("h.jsonl", "{\"id\":\"h\",\"text\":\"ignored\",\"html\":\"<h2>Head</h2><p>a &amp; <em>b</em></p>\"}\n"
	                         "{\"id\":\"h2\",\"html\":\"<p>HTML entity&nbsp;here<br>unclosed\"}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 2);
	xmlNodePtr first = galley_body_root(galley_article_body(r.a[0]))->children;
	ck_assert_str_eq((const char *)first->name, "h2");
	th_text_eq(r.a[0], "Head\n\na & b");
	char *t = th_text_of(r.a[1]); /* not XML: read with the HTML parser */
	ck_assert_msg(strstr(t, "entity\xc2\xa0here") || strstr(t, "entity here"), "text: %s", t);
	free(t);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_invalid_lines)
{
	char *p = put("bad.jsonl", "{\"id\":\"ok1\",\"text\":\"fine\"}\n"            /* 1 */
	                           "{\"id\":\"x\",\"text\":\"no end\"\n"              /* 2: cut short */
	                           "not json at all\n"                                 /* 3 */
	                           "{\"title\":42}\n"                                  /* 4: wrong type */
	                           "\"a string\"\n"                                    /* 5: not an object */
	                           "{\"authors\":[\"a\",null]}\n"                      /* 6 */
	                           "{\"quotes\":[{\"text\":\"q\",\"paragraph\":-1,\"start\":0,\"end\":1}]}\n" /* 7 */
	                           "{\"id\":\"y\"} trailing\n"                         /* 8 */
	                           "   \n"                                             /* 9: blank, skipped */
	                           "{\"sources\":[{\"kind\":\"credit\"}]}\n"           /* 10: no name */
	                           "{\"id\":\"ok2\",\"text\":\"also fine\"}");        /* 11, no newline */
	result r;
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 2);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_ID), "ok1");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_ID), "ok2");
	ck_assert_uint_eq(r.n_errors, 8);
	const char *e = r.errors.data;
	static const char *const expect[] = {
		"line 2: the JSON record is incomplete", "line 3, column", "line 4: title must be a string, not a number",
		"line 5: an article must be a JSON object, not a string", "line 6: authors[1] must be a string, not null",
		"line 7: quotes[0].paragraph is -1, out of range", "line 8, column", "line 10: sources[0].name is missing",
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		ck_assert_msg(strstr(e, expect[i]), "no '%s' in:\n%s", expect[i], e);
	result_free(&r);
	free(p);
}
END_TEST

/* json-c's strict mode still takes {'a':0} and NaN: they are refused; a string that holds them
 * is fine. */
START_TEST(test_strict_json)
{
	char *p = put("lenient.jsonl", "{'id':'q','text':'single quotes'}\n"
	                               "{\"id\":\"n\",\"text\":\"x\",\"word_count\":NaN}\n"
	                               "{\"id\":\"i\",\"text\":\"x\",\"word_count\":-Infinity}\n"
	                               "{\"id\":\"ok\",\"text\":\"it's NaN and 'Infinity' in a string\"}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 1);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_ID), "ok");
	ck_assert_uint_eq(r.n_errors, 3);
	ck_assert_msg(strstr(r.errors.data, "line 1: invalid JSON at byte 2 of the record: a single-quoted string"), "%s",
	              r.errors.data);
	ck_assert_msg(strstr(r.errors.data, "line 2: invalid JSON") && strstr(r.errors.data, "line 3: invalid JSON") &&
	                  strstr(r.errors.data, "NaN or Infinity"),
	              "%s", r.errors.data);
	result_free(&r);
	free(p);
}
END_TEST

/* A compressed .jsonl is held in memory decompressed: the limit is read-json's own max_size=,
 * named in the message (it named an option read-json did not have, after holding 1 GiB). */
START_TEST(test_compressed_size_limit)
{
	galley_buf big = {0};
	for (int i = 0; i < 50; i++)
		galley_buf_printf(&big, "{\"id\":\"a%d\",\"text\":\"%0200d\"}\n", i, i);
	char *p = th_tmp_path("big.jsonl.gz");
	galley_buf cmd = {0};
	char *plain = put("big.jsonl", big.data);
	galley_buf_printf(&cmd, "gzip -c '%s' > '%s'", plain, p);
	ck_assert_int_eq(system(cmd.data), 0);
	result r;
	read_all(p, "max_size=4096", &r);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_msg(strstr(r.errors.data, "limit of 4096 bytes") && strstr(r.errors.data, "max_size="), "%s",
	              r.errors.data);
	result_free(&r);
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 50);
	ck_assert_uint_eq(r.n_errors, 0);
	result_free(&r);
	free(plain);
	free(p);
	galley_buf_free(&cmd);
	galley_buf_free(&big);
}
END_TEST

START_TEST(test_array_input)
{
	/* pretty, multi-line elements; braces and quotes inside strings */
	char *p = put("arr.json", "\xef\xbb\xbf  [\n  {\n    \"id\": \"a\",\n    \"title\": \"braces } ] { [ and \\\" quote\",\n"
	                          "    \"text\": \"x\"\n  },\n  {\"id\": \"b\", \"title\": 5},\n"
	                          "  {\"id\": \"c\", \"extra\": {\"k\": \"v\"}}\n]\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 2);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "braces } ] { [ and \" quote");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_ID), "c");
	ck_assert_msg(strstr(r.errors.data, "line 7: title must be a string"), "errors: %s", r.errors.data);
	result_free(&r);
	free(p);

	p = put("cut.json", "[{\"id\":\"a\"},\n{\"id\":\"b\",\"text\":\"cut");
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_msg(strstr(r.errors.data, "line 2: the input ends inside this array element"), "errors: %s",
	              r.errors.data);
	result_free(&r);
	free(p);

	p = put("nocomma.json", "[{\"id\":\"a\"} {\"id\":\"b\"}]");
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_msg(strstr(r.errors.data, "expected ',' or ']'"), "errors: %s", r.errors.data);
	result_free(&r);
	free(p);

	p = th_tmp_path("utf16.jsonl");
	th_write_file(p, "\xff\xfe{\0}\0\n\0", 8);
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_msg(strstr(r.errors.data, "UTF-16"), "errors: %s", r.errors.data);
	result_free(&r);
	free(p);

	p = put("empty.json", "[ ]\n");
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_uint_eq(r.n_errors, 0);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_pretty_stream)
{
	/* objects pretty-printed one after the other, as `jq .` writes them */
	char *p = put("stream.json", "{\n  \"id\": \"s1\",\n  \"text\": \"a } b\"\n}\n{\n  \"id\": \"s2\",\n"
	                             "  \"title\": 1\n}\n\n{\"id\": \"s3\"}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_uint_eq(r.n, 2);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_ID), "s1");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_ID), "s3");
	ck_assert_msg(strstr(r.errors.data, "line 5: title must be a string"), "errors: %s", r.errors.data);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_hostile_bytes)
{
	char *p = put("host.jsonl", "{\"id\":\"h\",\"title\":\"bad\xff\xfe byte \\u0000nul \\u0007bell \\u001besc\","
	                            "\"authors\":[\"\xc3\x28x\"],\"text\":\"p1 \xed\xa0\x80 \\u0001\\n\\np2\","
	                            "\"html\":null,\"extra\":{\"k\\u0002\":\"v\\u0085\"}}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_msg(r.n == 1, "errors: %s", r.errors.data);
	const char *title = galley_article_get(r.a[0], GALLEY_FIELD_TITLE);
	ck_assert_msg(galley_utf8_valid(title, strlen(title)), "title not UTF-8");
	ck_assert_msg(!strchr(title, '\x07') && !strchr(title, '\x1b'), "controls kept: %s", title);
	ck_assert_msg(strstr(title, "nul"), "text after NUL lost: %s", title);
	char *t = th_text_of(r.a[0]);
	ck_assert_msg(galley_utf8_valid(t, strlen(t)), "text not UTF-8");
	free(t);
	/* and written again: valid */
	char *out = th_tmp_path("host-out.jsonl");
	char *data = write_file(out, "html=true", r.a, r.n);
	ck_assert(galley_utf8_valid(data, strlen(data)));
	free(data);
	free(out);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_record_too_long)
{
	galley_buf b = {0};
	galley_buf_puts(&b, "{\"id\":\"long\",\"text\":\"");
	for (int i = 0; i < 5000; i++)
		galley_buf_puts(&b, "word ");
	galley_buf_puts(&b, "\"}\n{\"id\":\"short\"}\n");
	char *p = put("long.jsonl", b.data);
	galley_buf_free(&b);
	result r;
	read_all(p, "max_record_bytes=4096", &r);
	ck_assert_uint_eq(r.n, 1);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_ID), "short");
	ck_assert_msg(strstr(r.errors.data, "line 1: record longer than 4096 bytes"), "errors: %s", r.errors.data);
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_history_option)
{
	char *p = put("hist.jsonl", "{\"id\":\"a\",\"pipeline\":[{\"name\":\"read-html\",\"version\":\"1\"},"
	                            "{\"name\":\"strip-boilerplate\"}]}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_uint_eq(galley_article_n_stages(r.a[0]), 2);
	th_str_eq(galley_article_stage_name(r.a[0], 1), "strip-boilerplate");
	result_free(&r);
	read_all(p, "history=false", &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_uint_le(galley_article_n_stages(r.a[0]), 1); /* none restored; the core may add read-json */
	result_free(&r);
	free(p);
}
END_TEST

START_TEST(test_missing_input)
{
	galley_error err = {0};
	galley_stage *s = galley_stage_new(th_registry(), "read-json", NULL, &err);
	int rc = s ? galley_stage_open(s, &err) : err.code;
	ck_assert_int_eq(rc, GALLEY_ERR_FATAL);
	ck_assert_msg(strstr(err.message, "input"), "message: %s", err.message);
	galley_stage_free(s);

	galley_error err2 = {0};
	char *o = read_opts("/nonexistent/file.jsonl", NULL);
	s = galley_stage_new(th_registry(), "read-json", o, &err2);
	rc = s ? galley_stage_open(s, &err2) : err2.code;
	galley_article *a = NULL;
	if (rc == GALLEY_OK)
		rc = galley_stage_read(s, &a, &err2);
	ck_assert_int_eq(rc, GALLEY_ERR_FATAL);
	ck_assert_msg(strstr(err2.message, "/nonexistent/file.jsonl"), "message: %s", err2.message);
	galley_stage_free(s);
	free(o);
}
END_TEST

/* dek: the standfirst comes back as its own field, not as text */
START_TEST(test_dek)
{
	char *p = put("d.jsonl", "{\"title\":\"T\",\"dek\":\"What the story is about, in brief.\",\"text\":\"One.\"}\n");
	result r;
	read_all(p, NULL, &r);
	ck_assert_msg(r.n_errors == 0, "errors: %s", r.errors.data);
	ck_assert_uint_eq(r.n, 1);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_DEK), "What the story is about, in brief.");
	th_text_eq(r.a[0], "One.");
	result_free(&r);
	free(p);
}
END_TEST

/* A full article as the other stages would leave it. */
static galley_article *full_article(int i)
{
	galley_article *a = th_article_html("<h2>Heading</h2><p>First <em>para</em> &amp; \"more\" —  é.</p>"
	                                    "<blockquote><p>A <q data-speaker=\"Jane\">quote</q></p></blockquote>"
	                                    "<ul><li>one</li><li>two <a href=\"https://e.com/?a=1&amp;b=2\">l</a></li></ul>"
	                                    "<table><tr><td>a</td><td>b</td></tr></table><pre>x\n  y</pre>");
	char id[32];
	snprintf(id, sizeof id, "id-%d", i);
	galley_article_set(a, GALLEY_FIELD_ID, id);
	galley_article_set(a, GALLEY_FIELD_URL, "https://example.com/a");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Title \xe2\x80\x9cquoted\xe2\x80\x9d");
	galley_article_set(a, GALLEY_FIELD_DATE, "2024-03-05");
	galley_article_set(a, GALLEY_FIELD_LANGUAGE, "de-CH");
	galley_article_set(a, GALLEY_FIELD_DEK, "A short summary under the headline.");
	galley_article_set_location(a, "in.warc.gz", NULL, 1234, 7);
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "Jane Doe");
	galley_article_list_add(a, GALLEY_LIST_TAGS, "t1");
	galley_article_list_add(a, GALLEY_LIST_TAGS, "t2");
	galley_source s = {.name = "AP", .kind = "cited"};
	galley_article_add_source(a, &s);
	galley_quote q = {.text = "quote", .speaker = "Jane", .cue = "said", .paragraph = 2, .start = 2, .end = 7};
	galley_article_add_quote(a, &q);
	galley_removed rm = {.reason = "teaser", .text = "Read more"};
	galley_article_add_removed(a, &rm);
	galley_article_add_stage(a, "read-warc", "0.1.0");
	galley_article_add_stage(a, "tag-attribution", "0.2.0");
	galley_article_set_extra(a, "z", "last");
	galley_article_set_extra(a, "a", "first");
	return a;
}

/* write-json → read-json → write-json gives the same bytes, for each set of writer options. */
START_TEST(test_round_trip)
{
	static const char *const variants[] = {"", "html=true explain=true", "format=array html=true", "format=array",
	                                       "fields=id,title,text,quotes"};
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		galley_article *arts[3] = {full_article(1), full_article(2), th_article_html("<p>bare</p>")};
		/* what every article that went through a pipeline has: a location and a history */
		galley_article_set(arts[2], GALLEY_FIELD_ID, "bare");
		galley_article_set_location(arts[2], "bare.txt", NULL, -1, -1);
		galley_article_add_stage(arts[2], "read-text", "1.0.0");
		char *p1 = th_tmp_path("rt1.out"), *p2 = th_tmp_path("rt2.out");
		char *first = write_file(p1, variants[v], arts, 3);
		for (int i = 0; i < 3; i++)
			galley_article_free(arts[i]);
		result r;
		read_all(p1, NULL, &r);
		ck_assert_msg(r.n == 3, "variant '%s': %zu articles; errors: %s", variants[v], r.n,
		              r.errors.data ? r.errors.data : "");
		char *second = write_file(p2, variants[v], r.a, r.n);
		ck_assert_msg(!strcmp(first, second), "variant '%s' differs:\n%s\n---\n%s", variants[v], first, second);
		result_free(&r);
		free(first);
		free(second);
		free(p1);
		free(p2);
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("read-json");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, test_lines_basic);
	tcase_add_test(tc, test_author_entries);
	tcase_add_test(tc, test_dek);
	tcase_add_test(tc, test_html_preferred);
	tcase_add_test(tc, test_invalid_lines);
	tcase_add_test(tc, test_strict_json);
	tcase_add_test(tc, test_compressed_size_limit);
	tcase_add_test(tc, test_array_input);
	tcase_add_test(tc, test_pretty_stream);
	tcase_add_test(tc, test_hostile_bytes);
	tcase_add_test(tc, test_record_too_long);
	tcase_add_test(tc, test_history_option);
	tcase_add_test(tc, test_missing_input);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
