/* Option validation against the declaration, defaults and typed getters. */
#include "test_common.h"

static galley_pipeline *parse_ok(galley_registry *r, const char *text, bool chain)
{
	galley_error e = {0};
	galley_pipeline *p = galley_pipeline_parse(r, text, chain, "t.galley", &e);
	ck_assert_msg(p != NULL, "parse failed: %s", e.message);
	return p;
}

START_TEST(option_errors)
{
	galley_registry *r = tc_registry();
	tc_parse_fails(r, "test-source cout=3 ! test-sink output=o", true, "t.galley:1:13: plugin 'test-source' has no option 'cout' (did you mean 'count'?)");
	tc_parse_fails(r, "test-source zzzzzzzz=3 ! test-sink output=o", true, "plugin 'test-source' has no option 'zzzzzzzz' (its options: count, fail_at, fatal_at)");
	tc_parse_fails(r, "test-source count=3 count=4 ! test-sink output=o", true, "t.galley:1:21: option 'count' of 'test-source' is given twice");
	tc_parse_fails(r, "test-source count=many ! test-sink output=o", true, "t.galley:1:19: test-source: option 'count' expects an integer, got 'many'");
	tc_parse_fails(r, "test-source count=-5 ! test-sink output=o", true, "option 'count' must be between 0 and 10000000, got -5");
	tc_parse_fails(r, "test-source ! test-filter ratio=2 ! test-sink output=o", true, "option 'ratio' must be between 0 and 1, got 2");
	tc_parse_fails(r, "test-source ! test-filter ratio=half ! test-sink output=o", true, "option 'ratio' expects a number, got 'half'");
	tc_parse_fails(r, "test-source ! test-filter strict=maybe ! test-sink output=o", true, "option 'strict' expects true or false, got 'maybe'");
	tc_parse_fails(r, "test-source ! test-filter mode=carefull ! test-sink output=o", true, "option 'mode' expects one of fast|careful|exact, got 'carefull' (did you mean 'careful'?)");
	tc_parse_fails(r, "test-source ! test-filter mode=zzz ! test-sink output=o", true, "option 'mode' expects one of fast|careful|exact, got 'zzz'");
	tc_parse_fails(r, "test-source ! test-filter table= ! test-sink output=o", true, "option 'table' needs a path, got an empty value");
	tc_parse_fails(r, "test-source\ntest-sink\n", false, "t.galley:2:1: plugin 'test-sink' needs option 'output' (file to write)");
	galley_registry_free(r);
}
END_TEST

START_TEST(bool_spellings)
{
	galley_registry *r = tc_registry();
	const char *yes[] = {"true", "yes", "on", "1", "TRUE"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		char text[128];
		snprintf(text, sizeof text, "test-source ! test-filter strict=%s ! test-sink output=o", yes[i]);
		galley_pipeline *p = parse_ok(r, text, true);
		ck_assert(galley_stage_opt_bool(galley_pipeline_stage(p, 1), "strict"));
		galley_pipeline_free(p);
	}
	galley_pipeline *p = parse_ok(r, "test-source ! test-filter strict=off ! test-sink output=o", true);
	ck_assert(!galley_stage_opt_bool(galley_pipeline_stage(p, 1), "strict"));
	galley_pipeline_free(p);
	galley_registry_free(r);
}
END_TEST

START_TEST(defaults_and_getters)
{
	galley_registry *r = tc_registry();
	galley_error e = {0};
	galley_stage *s = galley_stage_new(r, "test-filter", "drop_every=7", &e);
	ck_assert_msg(s != NULL, "%s", e.message);
	ck_assert_int_eq(galley_stage_opt_int(s, "drop_every"), 7);
	ck_assert_int_eq(galley_stage_opt_int(s, "fail_at"), -1);
	ck_assert(galley_stage_opt_double(s, "ratio") == 0.5);
	ck_assert(!galley_stage_opt_bool(s, "strict"));
	th_str_eq(galley_stage_opt_string(s, "mode"), "fast");
	th_str_eq(galley_stage_opt_string(s, "table"), "x.tsv");
	ck_assert_ptr_null(galley_stage_opt_string(s, "label"));
	ck_assert(galley_stage_opt_given(s, "drop_every"));
	ck_assert(!galley_stage_opt_given(s, "mode"));
	/* hyphens in keys are accepted for underscores */
	galley_stage_free(s);
	s = galley_stage_new(r, "test-filter", "drop-every=3", &e);
	ck_assert_msg(s != NULL, "%s", e.message);
	ck_assert_int_eq(galley_stage_opt_int(s, "drop_every"), 3);
	galley_stage_free(s);
	galley_registry_free(r);
}
END_TEST

START_TEST(bad_default_refused)
{
	galley_registry *r = tc_registry();
	galley_error e = {0};
	ck_assert_ptr_null(galley_registry_find(r, "test-bad-options", &e));
	ck_assert_msg(strstr(e.message, "declares a bad default") && strstr(e.message, "option 'level' expects an integer, got 'high'"),
	              "%s", e.message);
	galley_registry_free(r);
}
END_TEST

START_TEST(type_names)
{
	th_str_eq(galley_opt_type_name(GALLEY_OPT_STRING), "string");
	th_str_eq(galley_opt_type_name(GALLEY_OPT_INT), "int");
	th_str_eq(galley_opt_type_name(GALLEY_OPT_DOUBLE), "double");
	th_str_eq(galley_opt_type_name(GALLEY_OPT_BOOL), "bool");
	th_str_eq(galley_opt_type_name(GALLEY_OPT_ENUM), "enum");
	th_str_eq(galley_opt_type_name(GALLEY_OPT_PATH), "path");
	th_str_eq(galley_kind_name(GALLEY_KIND_READER), "reader");
	th_str_eq(galley_kind_name(GALLEY_KIND_TRANSFORM), "transform");
	th_str_eq(galley_kind_name(GALLEY_KIND_WRITER), "writer");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("options");
	tcase_add_test(tc, option_errors);
	tcase_add_test(tc, bool_spellings);
	tcase_add_test(tc, defaults_and_getters);
	tcase_add_test(tc, bad_default_refused);
	tcase_add_test(tc, type_names);
	suite_add_tcase(s, tc);
	return th_run(s);
}
