/* The registry: finding, loading and refusing plugin files. */
#include "test_common.h"

static char *plugin_path(const char *name)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/%s.so", getenv("GALLEY_TEST_PLUGIN_DIR"), name);
	return galley_buf_steal(&b);
}

START_TEST(loads_good_plugins)
{
	galley_registry *r = tc_registry();
	galley_error e = {0};
	const galley_plugin *p = galley_registry_find(r, "test-filter", &e);
	ck_assert_msg(p != NULL, "%s", e.message);
	ck_assert_int_eq(p->kind, GALLEY_KIND_TRANSFORM);
	ck_assert_uint_eq(p->abi_major, GALLEY_ABI_MAJOR);
	/* every file in the directory has an entry: plugins, and refused files with a problem */
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < galley_registry_count(r); i++) {
		const galley_plugin_info *pi = galley_registry_at(r, i);
		ck_assert_ptr_nonnull(pi->file);
		if (pi->plugin)
			good++;
		else {
			bad++;
			ck_assert_ptr_nonnull(pi->problem);
		}
	}
	ck_assert_uint_eq(good, 4);
	ck_assert_uint_eq(bad, 3);
	galley_registry_free(r);
}
END_TEST

START_TEST(abi_mismatch)
{
	galley_registry *r = tc_registry();
	char *path = plugin_path("test-bad-abi");
	galley_error e = {0};
	ck_assert_ptr_null(galley_registry_load_file(r, path, &e));
	char want[256];
	snprintf(want, sizeof want, "%s: built against galley plugin ABI %d.0, but this galley (%s) supports ABI %d.%d; rebuild",
	         path, GALLEY_ABI_MAJOR + 1, GALLEY_VERSION_STRING, GALLEY_ABI_MAJOR, GALLEY_ABI_MINOR);
	ck_assert_msg(strstr(e.message, want), "'%s' lacks '%s'", e.message, want);
	free(path);
	galley_registry_free(r);
}
END_TEST

START_TEST(no_descriptor)
{
	galley_registry *r = tc_registry();
	char *path = plugin_path("test-no-descriptor");
	galley_error e = {0};
	ck_assert_ptr_null(galley_registry_load_file(r, path, &e));
	ck_assert_msg(strstr(e.message, "is not a galley plugin: no symbol 'galley_plugin_descriptor'"), "%s", e.message);
	ck_assert_msg(strstr(e.message, path), "%s", e.message);
	free(path);
	galley_registry_free(r);
}
END_TEST

START_TEST(missing_file_and_plugin)
{
	galley_registry *r = tc_registry();
	galley_error e = {0};
	ck_assert_ptr_null(galley_registry_load_file(r, "/nonexistent/x.so", &e));
	ck_assert_msg(strstr(e.message, "cannot load plugin file '/nonexistent/x.so'"), "%s", e.message);
	ck_assert_ptr_null(galley_registry_find(r, "write-nothing", &e));
	ck_assert_msg(strstr(e.message, "no plugin named 'write-nothing'"), "%s", e.message);
	galley_registry_free(r);
}
END_TEST

START_TEST(not_a_shared_object)
{
	char *dir = th_tmpdir();
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/junk.so", dir);
	th_write_file(b.data, "not an ELF file", 15);
	galley_registry *r = galley_registry_new();
	galley_registry_use_default_dirs(r, false);
	galley_registry_add_dir(r, dir);
	ck_assert_uint_eq(galley_registry_count(r), 1);
	const galley_plugin_info *pi = galley_registry_at(r, 0);
	ck_assert_ptr_null(pi->plugin);
	ck_assert_msg(strstr(pi->problem, "cannot load plugin file"), "%s", pi->problem);
	galley_registry_free(r);
	galley_buf_free(&b);
	th_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(search_order_first_wins)
{
	/* the same directory twice: the second copy of each plugin is refused as a duplicate */
	galley_registry *r = galley_registry_new();
	galley_registry_use_default_dirs(r, false);
	char *d = galley_strdup(getenv("GALLEY_TEST_PLUGIN_DIR"));
	galley_registry_add_dir(r, d);
	galley_buf alt = {0};
	galley_buf_printf(&alt, "%s/.", d);
	galley_registry_add_dir(r, alt.data);
	galley_registry_scan(r);
	size_t dups = 0;
	for (size_t i = 0; i < galley_registry_count(r); i++) {
		const galley_plugin_info *pi = galley_registry_at(r, i);
		if (pi->problem && strstr(pi->problem, "is already provided by"))
			dups++;
	}
	ck_assert_uint_eq(dups, 4);
	char *dirs = galley_registry_dirs(r);
	ck_assert_msg(strstr(dirs, d) == dirs, "%s", dirs);
	free(dirs);
	galley_buf_free(&alt);
	free(d);
	galley_registry_free(r);
}
END_TEST

START_TEST(env_path_and_build_tree)
{
	/* with default dirs, GALLEY_PLUGIN_PATH is searched, and the build tree's plugins */
	setenv("GALLEY_PLUGIN_PATH", getenv("GALLEY_TEST_PLUGIN_DIR"), 1);
	galley_registry *r = galley_registry_new();
	galley_error e = {0};
	ck_assert_msg(galley_registry_find(r, "test-source", &e) != NULL, "%s", e.message);
	char *dirs = galley_registry_dirs(r);
	ck_assert_msg(strstr(dirs, "/plugins"), "%s", dirs);
	free(dirs);
	galley_registry_free(r);
	setenv("GALLEY_PLUGIN_PATH", "", 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("registry");
	TCase *tc = tcase_create("registry");
	tcase_add_test(tc, loads_good_plugins);
	tcase_add_test(tc, abi_mismatch);
	tcase_add_test(tc, no_descriptor);
	tcase_add_test(tc, missing_file_and_plugin);
	tcase_add_test(tc, not_a_shared_object);
	tcase_add_test(tc, search_order_first_wins);
	tcase_add_test(tc, env_path_and_build_tree);
	suite_add_tcase(s, tc);
	return th_run(s);
}
