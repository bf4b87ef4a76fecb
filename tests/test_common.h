/* Helpers for the core tests that use the test plugins in tests/plugins. */
#ifndef GALLEY_TEST_COMMON_H
#define GALLEY_TEST_COMMON_H
#include "harness.h"
#include <stdlib.h>

/* A registry with only the test plugins (no default directories). (owned) */
static inline galley_registry *tc_registry(void)
{
	galley_registry *r = galley_registry_new();
	galley_registry_use_default_dirs(r, false);
	const char *dir = getenv("GALLEY_TEST_PLUGIN_DIR");
	ck_assert_msg(dir && *dir, "GALLEY_TEST_PLUGIN_DIR is not set (run through meson test)");
	galley_registry_add_dir(r, dir);
	return r;
}

/* Parse text and expect failure with a message containing want. */
#define tc_parse_fails(r, text, chain, want)                                                    \
	do {                                                                                        \
		galley_error e_ = {0};                                                                  \
		galley_pipeline *p_ = galley_pipeline_parse((r), (text), (chain), "t.galley", &e_);      \
		ck_assert_msg(p_ == NULL, "expected '%s' to fail", (text));                              \
		ck_assert_msg(strstr(e_.message, (want)) != NULL, "message '%s' lacks '%s'", e_.message, (want)); \
	} while (0)
#endif
