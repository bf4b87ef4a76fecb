/* The error object. */
#include "harness.h"

START_TEST(set_clear_prefix)
{
	galley_error e = {0};
	ck_assert_int_eq(galley_error_set(&e, GALLEY_ERR_ARTICLE, "bad %s at %d", "byte", 7), GALLEY_ERR_ARTICLE);
	th_str_eq(e.message, "bad byte at 7");
	galley_error_prefix(&e, "member %s", "a.html");
	th_str_eq(e.message, "member a.html: bad byte at 7");
	galley_error_clear(&e);
	ck_assert_int_eq(e.code, GALLEY_OK);
	th_str_eq(e.message, "");
	/* NULL is accepted everywhere */
	ck_assert_int_eq(galley_error_set(NULL, GALLEY_ERR_FATAL, "x"), GALLEY_ERR_FATAL);
	galley_error_clear(NULL);
	galley_error_prefix(NULL, "x");
}
END_TEST

START_TEST(long_message_is_cut)
{
	galley_error e = {0};
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	galley_error_set(&e, GALLEY_ERR_FATAL, "%s", big);
	ck_assert_uint_eq(strlen(e.message), sizeof e.message - 1);
	th_str_eq(e.message + sizeof e.message - 4, "...");
	galley_error_prefix(&e, "p");
	ck_assert_uint_eq(strlen(e.message), sizeof e.message - 1);
}
END_TEST

START_TEST(status_names)
{
	th_str_eq(galley_status_name(GALLEY_OK), "ok");
	th_str_eq(galley_status_name(GALLEY_END), "end");
	th_str_eq(galley_status_name(GALLEY_DROP), "dropped");
	th_str_eq(galley_status_name(GALLEY_ERR_ARTICLE), "article failed");
	th_str_eq(galley_status_name(GALLEY_ERR_FATAL), "fatal");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");
	tcase_add_test(tc, set_clear_prefix);
	tcase_add_test(tc, long_message_is_cut);
	tcase_add_test(tc, status_names);
	suite_add_tcase(s, tc);
	return th_run(s);
}
