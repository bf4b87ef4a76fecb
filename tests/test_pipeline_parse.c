/* The pipeline parser: both syntaxes, quoting, and every error message. */
#include "test_common.h"

static galley_pipeline *parse_ok(galley_registry *r, const char *text, bool chain)
{
	galley_error e = {0};
	galley_pipeline *p = galley_pipeline_parse(r, text, chain, "t.galley", &e);
	ck_assert_msg(p != NULL, "parse failed: %s", e.message);
	return p;
}

START_TEST(file_form)
{
	galley_registry *r = tc_registry();
	galley_pipeline *p = parse_ok(r,
	                              "# a comment\n"
	                              "test-source count=5   # trailing comment\n"
	                              "\n"
	                              "test-filter mode=careful label=\"two words\" table='a b.tsv'\n"
	                              "test-sink output=/tmp/x\n",
	                              false);
	ck_assert_uint_eq(galley_pipeline_n_stages(p), 3);
	galley_stage *f = galley_pipeline_stage(p, 1);
	th_str_eq(galley_stage_name(f), "test-filter");
	th_str_eq(galley_stage_opt_string(f, "label"), "two words");
	th_str_eq(galley_stage_opt_string(f, "table"), "a b.tsv");
	th_str_eq(galley_stage_opt_string(f, "mode"), "careful");
	ck_assert(galley_stage_opt_given(f, "mode"));
	ck_assert(!galley_stage_opt_given(f, "ratio"));
	ck_assert(galley_stage_opt_double(f, "ratio") == 0.5);
	ck_assert_int_eq(galley_stage_opt_int(galley_pipeline_stage(p, 0), "count"), 5);
	th_str_eq(galley_stage_origin(f), "t.galley:4:1");
	galley_pipeline_free(p);
	galley_registry_free(r);
}
END_TEST

START_TEST(chain_form)
{
	galley_registry *r = tc_registry();
	galley_pipeline *p = parse_ok(r, "test-source count=2 ! test-filter label=\"a ! b\" ! test-sink output=o", true);
	ck_assert_uint_eq(galley_pipeline_n_stages(p), 3);
	th_str_eq(galley_stage_opt_string(galley_pipeline_stage(p, 1), "label"), "a ! b");
	galley_pipeline_free(p);
	/* escapes in double quotes, literal single quotes, continuation lines */
	p = parse_ok(r, "test-source\ntest-filter label=\"say \\\"hi\\\"\\n\" table='c:\\\\x' \\\n  mode=exact\ntest-sink output=o\n", false);
	th_str_eq(galley_stage_opt_string(galley_pipeline_stage(p, 1), "label"), "say \"hi\"\n");
	th_str_eq(galley_stage_opt_string(galley_pipeline_stage(p, 1), "table"), "c:\\\\x");
	th_str_eq(galley_stage_opt_string(galley_pipeline_stage(p, 1), "mode"), "exact");
	galley_pipeline_free(p);
	/* several writers; a missing optional string stays NULL */
	p = parse_ok(r, "test-source ! test-filter ! test-sink output=a ! test-sink output=b", true);
	ck_assert_ptr_null(galley_stage_opt_string(galley_pipeline_stage(p, 1), "label"));
	galley_pipeline_free(p);
	galley_registry_free(r);
}
END_TEST

START_TEST(structure_errors)
{
	galley_registry *r = tc_registry();
	tc_parse_fails(r, "", false, "t.galley: the pipeline is empty");
	tc_parse_fails(r, "# only a comment\n", false, "the pipeline is empty");
	tc_parse_fails(r, "test-filter ! test-sink output=o", true, "t.galley:1:1: 'test-filter' is a transform, but a pipeline starts with a reader");
	tc_parse_fails(r, "test-source ! test-source ! test-sink output=o", true, "t.galley:1:15: 'test-source' is a reader, but only one reader");
	tc_parse_fails(r, "test-source ! test-sink output=o ! test-filter", true, "transforms come before the writers");
	tc_parse_fails(r, "test-source ! test-filter", true, "t.galley:1:15: the pipeline ends with 'test-filter', a transform; it needs at least one writer");
	tc_parse_fails(r, "! test-source", true, "t.galley:1:1: '!' with no stage before it");
	tc_parse_fails(r, "test-source ! ! test-sink output=o", true, "'!' must be followed by a stage");
	tc_parse_fails(r, "test-source !", true, "'!' must be followed by a stage");
	galley_registry_free(r);
}
END_TEST

START_TEST(word_errors)
{
	galley_registry *r = tc_registry();
	tc_parse_fails(r, "test-source\ntest-filter label=\"open\ntest-sink output=o\n", false, "t.galley:2:19: unterminated double quote; close it with \"");
	tc_parse_fails(r, "test-source label='x", true, "unterminated single quote");
	tc_parse_fails(r, "count=3 ! test-sink output=o", true, "t.galley:1:1: a stage starts with a plugin name, not an option ('count=3')");
	tc_parse_fails(r, "test-source count ! test-sink output=o", true, "t.galley:1:13: expected key=value after 'test-source', got 'count'");
	tc_parse_fails(r, "test-source =3 ! test-sink output=o", true, "'' is not an option name");
	tc_parse_fails(r, "test-source Count=3 ! test-sink output=o", true, "'Count' is not an option name");
	galley_registry_free(r);
}
END_TEST

START_TEST(plugin_errors)
{
	galley_registry *r = tc_registry();
	tc_parse_fails(r, "test-sourc ! test-sink output=o", true, "t.galley:1:1: no plugin named 'test-sourc' (did you mean 'test-source'?)");
	tc_parse_fails(r, "nothing-like-it ! test-sink output=o", true, "no plugin named 'nothing-like-it'; `galley plugins` lists those found");
	tc_parse_fails(r, "test-source ! test-bad-abi ! test-sink output=o", true, "plugin 'test-bad-abi' could not be loaded");
	galley_registry_free(r);
}
END_TEST

START_TEST(stage_new_api)
{
	galley_registry *r = tc_registry();
	galley_error e = {0};
	galley_stage *s = galley_stage_new(r, "test-filter", "mode=exact label='x y'", &e);
	ck_assert_msg(s != NULL, "%s", e.message);
	th_str_eq(galley_stage_opt_string(s, "label"), "x y");
	galley_stage_free(s);
	s = galley_stage_new(r, "test-filter", "mdoe=exact", &e);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(e.message, "did you mean 'mode'"), "%s", e.message);
	galley_registry_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pipeline_parse");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, file_form);
	tcase_add_test(tc, chain_form);
	tcase_add_test(tc, structure_errors);
	tcase_add_test(tc, word_errors);
	tcase_add_test(tc, plugin_errors);
	tcase_add_test(tc, stage_new_api);
	suite_add_tcase(s, tc);
	return th_run(s);
}
