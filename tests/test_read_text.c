/* read-text: the seed sample, title and paragraphs, every line kept, separators, encodings,
 * collections and bad input. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>


static void read_file_text(const char *name, const void *bytes, size_t len, const char *extra, th_results *r)
{
	char *p = th_tmp_path(name);
	th_write_file(p, bytes, len);
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s' %s", p, extra ? extra : "");
	th_read_results("read-text", o.data, r);
	galley_buf_free(&o);
	free(p);
}

START_TEST(seed_sample)
{
	char *src = th_src("samples/scraped-article.txt");
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", src);
	th_results r;
	th_read_results("read-text", o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_msg(r.rc[0] == GALLEY_OK, "%s", r.msg[0]);
	galley_article *a = r.a[0];
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE),
	          "IRGC Commander says Iran will never hold any talks over its missile program");
	galley_paragraphs p;
	galley_body_paragraphs(galley_article_body(a), &p);
	/* every line after the title is kept, duplicates and credit lines included */
	size_t raw_len = 0;
	char *raw = th_read_file(src, &raw_len);
	size_t lines = 0;
	bool first = true;
	for (char *line = strtok(raw, "\n"); line; line = strtok(NULL, "\n")) {
		char *t = galley_ws_normalize(line);
		if (*t) {
			if (first)
				first = false;
			else
				lines++;
		}
		free(t);
	}
	ck_assert_uint_eq(p.n, lines);
	th_str_eq(p.text[0], "Brigadier General Hossein Salami");
	th_str_eq(p.text[1], "Brigadier General Hossein Salami");
	bool credit = false;
	for (size_t i = 0; i < p.n; i++)
		if (strstr(p.text[i], "Source »"))
			credit = true;
	ck_assert(credit);
	galley_paragraphs_free(&p);
	free(raw);
	th_results_free(&r);
	galley_buf_free(&o);
	free(src);
}
END_TEST

START_TEST(paragraphs_and_lines)
{
	const char *t = "\n\n  Title line  \r\nfirst para line one\r\nline two\r\n\r\n\r\nsecond para\n   \nthird\rold mac line\n";
	th_results r;
	read_file_text("a.txt", t, strlen(t), NULL, &r);
	ck_assert_uint_eq(r.n, 1);
	galley_article *a = r.a[0];
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Title line");
	ck_assert_ptr_nonnull(galley_article_candidate_first(a, "title"));
	xmlDocPtr doc = galley_article_body(a);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	th_str_eq((const char *)root->name, "body");
	size_t np = 0, nbr = 0;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		th_str_eq((const char *)c->name, "p");
		np++;
		for (xmlNodePtr d = c->children; d; d = d->next)
			nbr += d->type == XML_ELEMENT_NODE && !strcmp((const char *)d->name, "br");
	}
	ck_assert_uint_eq(np, 3);
	ck_assert_uint_eq(nbr, 2); /* "line one<br/>line two", "third<br/>old mac line" */
	char *text = galley_body_text(doc);
	th_str_eq(text, "first para line one line two\n\nsecond para\n\nthird old mac line");
	free(text);
	th_results_free(&r);
}
END_TEST

START_TEST(separator_many_articles)
{
	const char *t = "First story\nBody one.\n----\n\n   ----   \nSecond story\n\nBody two.\n----\nThird\nBody three";
	th_results r;
	read_file_text("many.txt", t, strlen(t), "separator=----", &r);
	ck_assert_uint_eq(r.n, 3);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "First story");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_TITLE), "Second story");
	th_str_eq(galley_article_get(r.a[2], GALLEY_FIELD_TITLE), "Third");
	ck_assert_int_eq(galley_article_location(r.a[0])->index, 0);
	ck_assert_int_eq(galley_article_location(r.a[1])->index, 1);
	ck_assert_int_eq(galley_article_location(r.a[2])->index, 2);
	ck_assert_msg(strstr(galley_article_where(r.a[1]), "many.txt"), "%s", galley_article_where(r.a[1]));
	th_text_eq(r.a[2], "Body three");
	th_results_free(&r);
}
END_TEST

START_TEST(encodings)
{
	/* not UTF-8: windows-1252 */
	const char l1[] = "Caf\xe9 news\n\n\x93Quoted\x94 text";
	th_results r;
	read_file_text("l1.txt", l1, sizeof l1 - 1, NULL, &r);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "Café news");
	th_text_eq(r.a[0], "“Quoted” text");
	th_results_free(&r);
	/* a BOM is dropped */
	const char bom[] = "\xEF\xBB\xBFTitle\n\nBody";
	read_file_text("bom.txt", bom, sizeof bom - 1, NULL, &r);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "Title");
	th_results_free(&r);
	/* charset= */
	const char cyr[] = "\xcf\xf0\xe8\xe2\xe5\xf2\n\n\xcc\xe8\xf0";
	read_file_text("cyr.txt", cyr, sizeof cyr - 1, "charset=windows-1251", &r);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "Привет");
	th_results_free(&r);
}
END_TEST

START_TEST(collections_and_bad_input)
{
	char *d = th_tmp_path("dir");
	mkdir(d, 0755);
	galley_buf p = {0};
	const char *files[][2] = {{"b.txt", "Beta\n\nb"}, {"a.txt", "Alpha\n\na"}, {"c.md", "not taken"},
	                          {"d-empty.txt", ""},  {"e-blank.txt", " \n \n"}, {"f-bin.txt", "\x01\x02\x03\x04\x05"}};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		galley_buf_reset(&p);
		galley_buf_printf(&p, "%s/%s", d, files[i][0]);
		th_write_file(p.data, files[i][1], strlen(files[i][1]));
	}
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", d);
	th_results r;
	th_read_results("read-text", o.data, &r);
	ck_assert_uint_eq(r.n, 5);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "Alpha");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_TITLE), "Beta");
	ck_assert_int_eq(r.rc[2], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[2], "empty"), "%s", r.msg[2]);
	ck_assert_int_eq(r.rc[3], GALLEY_ERR_ARTICLE);
	ck_assert_int_eq(r.rc[4], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[4], "binary"), "%s", r.msg[4]);
	th_results_free(&r);
	/* with a separator, an empty file is reported too */
	galley_buf_printf(&o, " separator=###");
	th_read_results("read-text", o.data, &r);
	ck_assert_uint_eq(r.n, 5);
	ck_assert_int_eq(r.rc[2], GALLEY_ERR_ARTICLE);
	th_results_free(&r);
	galley_buf_free(&o);
	galley_buf_free(&p);
	free(d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("read-text");
	TCase *tc = tcase_create("read-text");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, seed_sample);
	tcase_add_test(tc, paragraphs_and_lines);
	tcase_add_test(tc, separator_many_articles);
	tcase_add_test(tc, encodings);
	tcase_add_test(tc, collections_and_bad_input);
	suite_add_tcase(s, tc);
	return th_run(s);
}
