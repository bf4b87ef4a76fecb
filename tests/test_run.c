/* Running pipelines: order, drops, failures, --fail-fast, parallel equivalence, atomic outputs. */
#include "test_common.h"

#include <dirent.h>


static char *out_path(const char *name)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/%s", th_tmp, name);
	return galley_buf_steal(&b);
}

/* Run chain (with %s replaced by the output path) and return the status. */
static int run_chain(const char *chain_fmt, const char *out, int jobs, bool fail_fast, galley_run_stats *st)
{
	galley_registry *r = tc_registry();
	galley_buf chain = {0};
	const char *mark = strstr(chain_fmt, "%s");
	ck_assert_ptr_nonnull(mark);
	galley_buf_append(&chain, chain_fmt, (size_t)(mark - chain_fmt));
	galley_buf_puts(&chain, out);
	galley_buf_puts(&chain, mark + 2);
	galley_error e = {0};
	galley_pipeline *p = galley_pipeline_parse(r, chain.data, true, "<test>", &e);
	ck_assert_msg(p != NULL, "%s", e.message);
	galley_run_options o = {.jobs = jobs, .fail_fast = fail_fast, .quiet = true};
	int rc = galley_pipeline_run(p, &o, st, &e);
	galley_pipeline_free(p);
	galley_registry_free(r);
	galley_buf_free(&chain);
	return rc;
}

START_TEST(simple_run)
{
	char *out = out_path("a.tsv");
	galley_run_stats st;
	ck_assert_int_eq(run_chain("test-source count=3 ! test-sink output=%s", out, 1, false, &st), GALLEY_OK);
	ck_assert_uint_eq(st.read, 3);
	ck_assert_uint_eq(st.written, 3);
	char *data = th_read_file(out, NULL);
	/* history: the reader was recorded (1 stage) */
	th_str_eq(data, "0\tarticle 0\t-\ttext 0\t1\n1\tarticle 1\t-\ttext 1\t1\n2\tarticle 2\t-\ttext 2\t1\n");
	free(data);
	free(out);
}
END_TEST

START_TEST(parallel_output_identical)
{
	char *o1 = out_path("j1.tsv"), *o4 = out_path("j4.tsv");
	const char *chain = "test-source count=300 ! test-filter delay_us=50 drop_every=7 ! test-sink output=%s";
	galley_run_stats s1, s4;
	ck_assert_int_eq(run_chain(chain, o1, 1, false, &s1), GALLEY_OK);
	ck_assert_int_eq(run_chain(chain, o4, 4, false, &s4), GALLEY_OK);
	char *d1 = th_read_file(o1, NULL), *d4 = th_read_file(o4, NULL);
	ck_assert_msg(d1 && d4 && strcmp(d1, d4) == 0, "outputs differ between --jobs 1 and --jobs 4");
	ck_assert_uint_eq(s1.dropped, 43);
	ck_assert_uint_eq(s4.dropped, 43);
	ck_assert_uint_eq(s4.written, 300 - 43);
	free(d1);
	free(d4);
	free(o1);
	free(o4);
}
END_TEST

START_TEST(serial_plugin_sees_input_order)
{
	char *out = out_path("s.tsv");
	ck_assert_int_eq(run_chain("test-source count=200 ! test-filter delay_us=30 ! test-serial ! test-sink output=%s", out, 4,
	                           false, NULL),
	                 GALLEY_OK);
	char *data = th_read_file(out, NULL);
	/* each line: index, title, seen: seen must equal the index */
	char *save = NULL;
	int lines = 0;
	for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		long idx, seen;
		ck_assert_int_eq(sscanf(line, "%ld\tarticle %*d\t%ld", &idx, &seen), 2);
		ck_assert_int_eq(idx, seen);
		lines++;
	}
	ck_assert_int_eq(lines, 200);
	free(data);
	free(out);
}
END_TEST

START_TEST(article_failure_goes_on)
{
	for (int jobs = 1; jobs <= 2; jobs++) {
		char *out = out_path("f.tsv");
		galley_run_stats st;
		ck_assert_int_eq(run_chain("test-source count=10 fail_at=2 ! test-filter fail_at=5 ! test-sink output=%s fail_at=7",
		                           out, jobs, false, &st),
		                 GALLEY_ERR_ARTICLE);
		ck_assert_uint_eq(st.failed, 3);
		ck_assert_uint_eq(st.written, 7);
		char *data = th_read_file(out, NULL);
		ck_assert_ptr_nonnull(data);
		ck_assert_ptr_null(strstr(data, "article 5"));
		ck_assert_ptr_nonnull(strstr(data, "article 9"));
		free(data);
		free(out);
	}
}
END_TEST

START_TEST(fail_fast_keeps_old_output)
{
	for (int jobs = 1; jobs <= 2; jobs++) {
		char *out = out_path("keep.tsv");
		th_write_file(out, "old\n", 4);
		ck_assert_int_eq(run_chain("test-source count=50 ! test-filter fail_at=20 ! test-sink output=%s", out, jobs, true, NULL),
		                 GALLEY_ERR_FATAL);
		th_file_eq(out, "old\n");
		free(out);
	}
}
END_TEST

START_TEST(fatal_discards_output)
{
	for (int jobs = 1; jobs <= 2; jobs++) {
		char *out = out_path("none.tsv");
		ck_assert_int_eq(run_chain("test-source count=50 ! test-filter fatal_at=10 ! test-sink output=%s", out, jobs, false, NULL),
		                 GALLEY_ERR_FATAL);
		ck_assert_ptr_null(th_read_file(out, NULL));
		ck_assert_int_eq(run_chain("test-source count=50 fatal_at=3 ! test-sink output=%s", out, jobs, false, NULL),
		                 GALLEY_ERR_FATAL);
		ck_assert_ptr_null(th_read_file(out, NULL));
		free(out);
	}
	/* no temporary files are left behind */
	DIR *d = opendir(th_tmp);
	ck_assert_ptr_nonnull(d);
	struct dirent *ent;
	int files = 0;
	while ((ent = readdir(d)))
		if (ent->d_name[0] != '.' || (strcmp(ent->d_name, ".") && strcmp(ent->d_name, "..")))
			files++;
	closedir(d);
	ck_assert_int_eq(files, 0);
}
END_TEST

START_TEST(history_and_ids)
{
	char *out = out_path("h.tsv");
	ck_assert_int_eq(run_chain("test-source count=2 ! test-filter ! test-filter ! test-sink output=%s", out, 1, false, NULL),
	                 GALLEY_OK);
	char *data = th_read_file(out, NULL);
	/* reader + two transforms */
	ck_assert_msg(strstr(data, "\t3\n") != NULL, "%s", data);
	free(data);
	free(out);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("run");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, simple_run);
	tcase_add_test(tc, parallel_output_identical);
	tcase_add_test(tc, serial_plugin_sees_input_order);
	tcase_add_test(tc, article_failure_goes_on);
	tcase_add_test(tc, fail_fast_keeps_old_output);
	tcase_add_test(tc, fatal_discards_output);
	tcase_add_test(tc, history_and_ids);
	suite_add_tcase(s, tc);
	return th_run(s);
}
