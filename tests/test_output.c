/* Atomic outputs and whole-file reads. */
#include "harness.h"

#include <dirent.h>
#include <sys/stat.h>
#include <stdlib.h>

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

START_TEST(commit_replaces)
{
	char *p = th_tmp_path("out.txt");
	th_write_file(p, "old", 3);
	galley_error e = {0};
	galley_output *o = galley_output_open(p, &e);
	ck_assert_msg(o != NULL, "%s", e.message);
	th_str_eq(galley_output_path(o), p);
	fputs("new contents", galley_output_file(o));
	/* until the commit, the old file is intact and the new one is a hidden temporary */
	th_file_eq(p, "old");
	ck_assert_int_eq(count_entries(th_tmp), 2);
	ck_assert_int_eq(galley_output_commit(o, &e), GALLEY_OK);
	th_file_eq(p, "new contents");
	ck_assert_int_eq(count_entries(th_tmp), 1);
	free(p);
}
END_TEST

START_TEST(abort_keeps_old)
{
	char *p = th_tmp_path("out.txt");
	th_write_file(p, "old", 3);
	galley_error e = {0};
	galley_output *o = galley_output_open(p, &e);
	fputs("half-written", galley_output_file(o));
	galley_output_abort(o);
	th_file_eq(p, "old");
	ck_assert_int_eq(count_entries(th_tmp), 1);
	galley_output_abort(NULL);
	free(p);
}
END_TEST

/* The table of temporaries a second interrupt removes has no fixed size (it held 256), and a
 * closed output has given back its file descriptor but still waits for commit or abort. */
START_TEST(many_temporaries_all_discarded)
{
	enum { N_OUTPUTS = 600 };
	galley_output **o = calloc(N_OUTPUTS, sizeof *o);
	for (int i = 0; i < N_OUTPUTS; i++) {
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/book-%03d.epub", th_tmp, i);
		galley_error e = {0};
		o[i] = galley_output_open(p.data, &e);
		ck_assert_msg(o[i] != NULL, "%s", e.message);
		fputs("part", galley_output_file(o[i]));
		ck_assert_int_eq(galley_output_close(o[i], &e), GALLEY_OK);
		galley_buf_free(&p);
	}
	ck_assert_int_eq(count_entries(th_tmp), N_OUTPUTS);
	galley_discard_outputs();
	ck_assert_int_eq(count_entries(th_tmp), 0);
	for (int i = 0; i < N_OUTPUTS; i++)
		galley_output_abort(o[i]);
	free(o);
}
END_TEST

START_TEST(closed_output_commits)
{
	char *p = th_tmp_path("out.txt");
	galley_error e = {0};
	galley_output *o = galley_output_open(p, &e);
	fputs("closed early", galley_output_file(o));
	ck_assert_int_eq(galley_output_close(o, &e), GALLEY_OK);
	ck_assert_int_eq(galley_output_close(o, &e), GALLEY_OK);
	ck_assert_int_eq(galley_output_commit(o, &e), GALLEY_OK);
	th_file_eq(p, "closed early");
	ck_assert_int_eq(count_entries(th_tmp), 1);
	free(p);
}
END_TEST

START_TEST(creates_directories_and_refuses_dirs)
{
	char *p = th_tmp_path("a/b/out.txt");
	galley_error e = {0};
	galley_output *o = galley_output_open(p, &e);
	ck_assert_msg(o != NULL, "%s", e.message);
	ck_assert_int_eq(galley_output_commit(o, &e), GALLEY_OK);
	ck_assert_ptr_null(galley_output_open(th_tmp, &e));
	ck_assert_msg(strstr(e.message, "is a directory"), "%s", e.message);
	ck_assert_ptr_null(galley_output_open("", &e));
	ck_assert_msg(strstr(e.message, "no output path given"), "%s", e.message);
	ck_assert_ptr_null(galley_output_open("/proc/nonexistent-galley/x/y", &e));
	ck_assert_msg(strstr(e.message, "cannot create directory"), "%s", e.message);
	free(p);
}
END_TEST

START_TEST(devices_are_written_in_place)
{
	galley_error e = {0};
	galley_output *o = galley_output_open("/dev/null", &e);
	ck_assert_msg(o != NULL, "%s", e.message);
	fputs("discarded", galley_output_file(o));
	ck_assert_int_eq(galley_output_commit(o, &e), GALLEY_OK);
	struct stat st;
	ck_assert_int_eq(stat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode)); /* still the device, not a file renamed over it */
	o = galley_output_open("/dev/null", &e);
	galley_output_abort(o);
	ck_assert_int_eq(stat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));
}
END_TEST

START_TEST(read_file_limits)
{
	char *p = th_tmp_path("in.bin");
	th_write_file(p, "0123456789", 10);
	unsigned char *data;
	size_t len;
	galley_error e = {0};
	ck_assert_int_eq(galley_read_file(p, &data, &len, 0, &e), GALLEY_OK);
	ck_assert_uint_eq(len, 10);
	ck_assert_int_eq(data[10], 0);
	free(data);
	ck_assert_int_eq(galley_read_file(p, &data, &len, 5, &e), GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(e.message, "larger than the limit of 5 bytes"), "%s", e.message);
	ck_assert_int_eq(galley_read_file("/nonexistent", &data, &len, 0, &e), GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(e.message, "cannot open '/nonexistent'"), "%s", e.message);
	free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("output");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, commit_replaces);
	tcase_add_test(tc, abort_keeps_old);
	tcase_add_test(tc, creates_directories_and_refuses_dirs);
	tcase_add_test(tc, devices_are_written_in_place);
	tcase_add_test(tc, read_file_limits);
	tcase_add_test(tc, many_temporaries_all_discarded);
	tcase_add_test(tc, closed_output_commits);
	suite_add_tcase(s, tc);
	return th_run(s);
}
