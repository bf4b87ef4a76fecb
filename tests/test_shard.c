/* Sharding (core/shard.c): the I/N parser, and the shard of an article by its source location.
 * The pinned values below must never change: two versions of galley that disagreed on them would
 * give overlapping shards (docs/scaling.md). */
#include "harness.h"

static uint32_t shard_at(const char *file, const char *member, int64_t offset, int64_t index, uint32_t n)
{
	galley_article *a = galley_article_new();
	galley_article_set_location(a, file, member, offset, index);
	uint32_t s = galley_shard_of(a, n);
	galley_article_free(a);
	return s;
}

START_TEST(parse_good_and_bad)
{
	uint32_t i = 99, n = 99;
	galley_error e = {0};
	ck_assert_int_eq(galley_shard_parse("0/1", &i, &n, &e), GALLEY_OK);
	ck_assert_uint_eq(i, 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(galley_shard_parse("6/7", &i, &n, &e), GALLEY_OK);
	ck_assert_uint_eq(i, 6);
	ck_assert_uint_eq(n, 7);
	const char *bad[] = {"7/7", "1/0", "-1/2", "+1/2", "1/-2", "x", "1/", "/2", "1/2/3", "1 /2", "1/2x", "",
	                     "0/1000001", "99999999999999999999/2"};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		galley_error_clear(&e);
		ck_assert_msg(galley_shard_parse(bad[k], &i, &n, &e) == GALLEY_ERR_FATAL, "'%s' was accepted", bad[k]);
		ck_assert_ptr_nonnull(strstr(e.message, "--shard"));
	}
	ck_assert_int_eq(galley_shard_parse(NULL, &i, &n, &e), GALLEY_ERR_FATAL);
}
END_TEST

START_TEST(pinned_values)
{
	/* FNV-1a 64 of the identity, MurmurHash3's finaliser, modulo N */
	ck_assert_uint_eq(shard_at("pages/a.html", NULL, -1, -1, 7), 3);
	ck_assert_uint_eq(shard_at("crawl.warc.gz", NULL, 1234, 3, 7), 6);
	ck_assert_uint_eq(shard_at("site.tar", "site/x/index.html", -1, -1, 1000), 887);
	ck_assert_uint_eq(shard_at("out.jsonl", NULL, -1, 41, 3), 0);
}
END_TEST

START_TEST(identity_rules)
{
	for (uint32_t n = 1; n <= 64; n++) {
		/* "./" in front names the same file */
		ck_assert_uint_eq(shard_at("./pages/a.html", NULL, -1, -1, n), shard_at("pages/a.html", NULL, -1, -1, n));
		ck_assert_uint_lt(shard_at("pages/a.html", "m", 5, 2, n), n);
	}
	ck_assert_uint_eq(shard_at("anything", "m", 1, 2, 1), 0);
	/* every part counts: over many records of one file, and many members of one archive, every
	 * shard of 7 gets some */
	unsigned seen_off = 0, seen_member = 0, seen_index = 0;
	for (int k = 0; k < 200; k++) {
		char m[32];
		snprintf(m, sizeof m, "site/p%d.html", k);
		seen_off |= 1u << shard_at("c.warc", NULL, 1000 + 977 * k, k, 7);
		seen_member |= 1u << shard_at("c.tar", m, -1, -1, 7);
		seen_index |= 1u << shard_at("c.jsonl", NULL, -1, k, 7);
	}
	ck_assert_uint_eq(seen_off, 0x7f);
	ck_assert_uint_eq(seen_member, 0x7f);
	ck_assert_uint_eq(seen_index, 0x7f);
	/* an article with no location at all has a shard too */
	galley_article *a = galley_article_new();
	ck_assert_uint_lt(galley_shard_of(a, 5), 5);
	galley_article_free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("shard");
	tcase_add_test(tc, parse_good_and_bad);
	tcase_add_test(tc, pinned_values);
	tcase_add_test(tc, identity_rules);
	suite_add_tcase(s, tc);
	return th_run(s);
}
