/* Text helpers: buffers, UTF-8, white space, hashing, data files. */
#include "harness.h"

#include <stdlib.h>

START_TEST(buffers)
{
	galley_buf b = {0};
	galley_buf_puts(&b, "a");
	galley_buf_putc(&b, 'b');
	galley_buf_printf(&b, "%d%s", 12, "c");
	galley_buf_append(&b, "dxx", 1);
	th_str_eq(b.data, "ab12cd");
	ck_assert_uint_eq(b.len, 6);
	char big[1000];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = 0;
	galley_buf_printf(&b, "%s", big);
	ck_assert_uint_eq(b.len, 6 + 999);
	galley_buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	galley_buf_put_utf8(&b, 'A');
	galley_buf_put_utf8(&b, 0xE9);
	galley_buf_put_utf8(&b, 0x2013);
	galley_buf_put_utf8(&b, 0x1F600);
	galley_buf_put_utf8(&b, 0xD800);
	th_str_eq(b.data, "A\xc3\xa9\xe2\x80\x93\xf0\x9f\x98\x80\xef\xbf\xbd");
	galley_buf_reset(&b);
	th_str_eq(b.data, "");
	char *s = galley_buf_steal(&b);
	th_str_eq(s, "");
	free(s);
	ck_assert_ptr_null(b.data);
	s = galley_buf_steal(&b); /* empty buffer: "" not NULL */
	th_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(utf8_validation)
{
	ck_assert(galley_utf8_valid("plain", 5));
	ck_assert(galley_utf8_valid("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80", 18));
	ck_assert(!galley_utf8_valid("\xc3", 1));              /* truncated */
	ck_assert(!galley_utf8_valid("\xc0\xaf", 2));          /* overlong */
	ck_assert(!galley_utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
	ck_assert(!galley_utf8_valid("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
	ck_assert(!galley_utf8_valid("caf\xe9", 4));           /* latin-1 */
	ck_assert_uint_eq(galley_utf8_length("caf\xc3\xa9", 5), 4);
	const char *p = "\xc3\xa9x", *end = p + 3;
	ck_assert_uint_eq(galley_utf8_next(&p, end), 0xE9);
	ck_assert_uint_eq(galley_utf8_next(&p, end), 'x');
	const char *q = "\xff", *qe = q + 1;
	ck_assert_uint_eq(galley_utf8_next(&q, qe), 0xFFFD);
}
END_TEST

START_TEST(utf8_cleaning)
{
	const char in[] = "a\x01" "b\x00" "c\tline\n\x7f\xc2\x85" "caf\xe9!";
	char *c = galley_utf8_clean(in, sizeof in - 1);
	/* U+0085 is windows-1252's 0x85, an ellipsis */
	th_str_eq(c, "abc\tline\n\xe2\x80\xa6" "caf\xef\xbf\xbd!");
	ck_assert(galley_utf8_valid(c, strlen(c)));
	free(c);
	/* &#150; as libxml2 decodes it (U+0096) is an en dash; U+0081 is undefined and dropped */
	c = galley_utf8_clean("1\xc2\x96" "2\xc2\x81" "3\xc2\x83", 9);
	th_str_eq(c, "1\xe2\x80\x93" "23\xc6\x92");
	free(c);
}
END_TEST

/* galley_utf8_is_clean is true exactly where galley_utf8_clean changes nothing */
START_TEST(utf8_clean_check)
{
#define LIT(s) s, sizeof s - 1
	static const struct {
		const char *s;
		size_t len;
		bool clean;
	} cases[] = {
	    {LIT("plain ascii\ttab\r\n"), true},
	    {LIT("caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80"), true},
	    {LIT(""), true},
	    {LIT("nul\0inside"), false},
	    {LIT("bell\x07"), false},
	    {LIT("del\x7f"), false},
	    {LIT("c1 \xc2\x96"), false},
	    {LIT("nbsp \xc2\xa0"), true},
	    {LIT("U+FFFE \xef\xbf\xbe"), false},
	    {LIT("U+FFFD \xef\xbf\xbd"), true},
	    {LIT("latin-1 caf\xe9"), false},
	    {LIT("truncated \xe2\x80"), false},
	    {LIT("overlong \xc0\xaf"), false},
	};
#undef LIT
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_msg(galley_utf8_is_clean(cases[i].s, cases[i].len) == cases[i].clean, "case %zu", i);
		char *c = galley_utf8_clean(cases[i].s, cases[i].len);
		bool same = strlen(c) == cases[i].len && !memcmp(c, cases[i].s, cases[i].len);
		ck_assert_msg(same == cases[i].clean, "case %zu: galley_utf8_clean disagrees", i);
		free(c);
	}
}
END_TEST

START_TEST(utf8_conversion)
{
	size_t n = 0;
	char *s = galley_utf8_convert("caf\xe9 \x80", 6, "WINDOWS-1252", &n);
	th_str_eq(s, "caf\xc3\xa9 \xe2\x82\xac");
	ck_assert_uint_eq(n, strlen(s));
	free(s);
	/* an invalid byte is U+FFFD, and the conversion goes on after it */
	s = galley_utf8_convert("a\xff" "b", 3, "UTF-8", &n);
	th_str_eq(s, "a\xef\xbf\xbd" "b");
	free(s);
	/* more output than twice the input: the buffer grows */
	char euros[100];
	memset(euros, 0x80, sizeof euros);
	s = galley_utf8_convert(euros, sizeof euros, "WINDOWS-1252", &n);
	ck_assert_uint_eq(n, 3 * sizeof euros);
	ck_assert(!memcmp(s + n - 3, "\xe2\x82\xac", 3));
	free(s);
	ck_assert_ptr_null(galley_utf8_convert("x", 1, "NO-SUCH-ENCODING-X", &n));
}
END_TEST

START_TEST(whitespace)
{
	char *s = galley_ws_normalize("  a \t\n b\xc2\xa0\xc2\xa0" "c\xe2\x80\x89 d\xe3\x80\x80  ");
	th_str_eq(s, "a b c d");
	free(s);
	s = galley_ws_normalize("");
	th_str_eq(s, "");
	free(s);
	s = galley_ws_normalize(" \n ");
	th_str_eq(s, "");
	free(s);
	s = galley_ws_normalize(NULL);
	th_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(hashing)
{
	/* FNV-1a reference values: ids depend on these never changing */
	ck_assert_uint_eq(galley_hash64("", 0, GALLEY_HASH_SEED), 0xcbf29ce484222325ULL);
	ck_assert_uint_eq(galley_hash64("a", 1, GALLEY_HASH_SEED), 0xaf63dc4c8601ec8cULL);
	ck_assert_uint_eq(galley_hash64("foobar", 6, GALLEY_HASH_SEED), 0x85944171f73967e8ULL);
}
END_TEST

START_TEST(data_files)
{
	char *dir = th_tmpdir();
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/words.txt", dir);
	const char *words = "# comment\n  alpha \n\nbeta\r\n#gamma\n delta";
	th_write_file(p.data, words, strlen(words));
	setenv("GALLEY_DATA_PATH", dir, 1);
	char *found = galley_data_find("words.txt");
	th_str_eq(found, p.data);
	free(found);
	galley_wordlist w;
	galley_error e = {0};
	ck_assert_int_eq(galley_wordlist_load("words.txt", &w, &e), GALLEY_OK);
	ck_assert_uint_eq(w.n, 3);
	th_str_eq(w.items[0], "alpha");
	th_str_eq(w.items[1], "beta");
	th_str_eq(w.items[2], "delta");
	galley_wordlist_free(&w);
	ck_assert_int_eq(galley_wordlist_load("missing.txt", &w, &e), GALLEY_ERR_FATAL);
	ck_assert_msg(strstr(e.message, "data file 'missing.txt' not found (searched ") && strstr(e.message, dir), "%s", e.message);
	ck_assert_ptr_null(galley_data_find("missing.txt"));
	unsetenv("GALLEY_DATA_PATH");
	galley_buf_free(&p);
	th_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(version)
{
	th_str_eq(galley_version(), GALLEY_VERSION_STRING);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_add_test(tc, buffers);
	tcase_add_test(tc, utf8_validation);
	tcase_add_test(tc, utf8_cleaning);
	tcase_add_test(tc, utf8_clean_check);
	tcase_add_test(tc, utf8_conversion);
	tcase_add_test(tc, whitespace);
	tcase_add_test(tc, hashing);
	tcase_add_test(tc, data_files);
	tcase_add_test(tc, version);
	suite_add_tcase(s, tc);
	return th_run(s);
}
