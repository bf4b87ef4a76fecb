/* read-html: encodings, the body document, every metadata source, bad input, the bundled
 * samples, and (when ../shared is present) the dev-set acceptance figures:
 *     meson test -C BUILD test_read_html -v     (or run BUILD/tests/test_read_html)
 * prints pages read, titles found, `with` segments found in the raw page text (the ceiling for
 * the boilerplate stripper), mojibake checks and the speed against a bare libxml2 parse.
 * GALLEY_DEVSET_DUMP=FILE writes one TSV line per page (id, gold title, title, title source). */
#include "harness.h"

#include <archive.h>
#include <archive_entry.h>
#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <iconv.h>
#include <sys/stat.h>
#include <time.h>


/* Read one page given as bytes; returns the article (owned) and fails the test on error. */
static galley_article *read_page(const void *bytes, size_t len, const char *opts)
{
	char *p = th_tmp_path("page.html");
	th_write_file(p, bytes, len);
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s' %s", p, opts ? opts : "");
	th_results r;
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_msg(r.rc[0] == GALLEY_OK, "read failed: %s", r.msg[0]);
	galley_article *a = r.a[0];
	galley_buf_free(&o);
	free(p);
	return a;
}

static galley_article *read_str(const char *html)
{
	return read_page(html, strlen(html), NULL);
}

static bool has_candidate(galley_article *a, const char *field, const char *value, const char *origin)
{
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		if (!strcmp(c->field, field) && !strcmp(c->value, value) && (!origin || !strcmp(c->origin, origin)))
			return true;
	}
	return false;
}

static void dump_candidates(galley_article *a)
{
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		fprintf(stderr, "  %s = '%s' (%s)\n", c->field, c->value, c->origin);
	}
}

#define ck_candidate(a, f, v, o)                                                                  \
	do {                                                                                          \
		if (!has_candidate((a), (f), (v), (o))) {                                                 \
			dump_candidates(a);                                                                   \
			ck_abort_msg("missing candidate %s='%s' (%s)", (f), (v), (o) ? (o) : "any");           \
		}                                                                                         \
	} while (0)

/* ---- encodings ------------------------------------------------------------------------------ */

START_TEST(enc_meta_latin1)
{
	const char page[] = "<html><head><meta charset=\"ISO-8859-1\"><title>Gr\xfc\xdf" "e aus K\xf6ln</title></head>"
	                    "<body><p>Sch\xf6ne Gr\xfc\xdf" "e</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, NULL);
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Grüße aus Köln");
	th_text_eq(a, "Schöne Grüße");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_meta_after_big_script)
{
	/* a declaration after 200 KB of inline script is still found */
	galley_buf b = {0};
	galley_buf_puts(&b, "<html><head><script>var x = [");
	while (b.len < 200000)
		galley_buf_puts(&b, "123456789, ");
	galley_buf_puts(&b, "0];</script><meta charset=\"windows-1251\"></head><body><p>\xcc\xe8\xf0</p></body></html>");
	galley_article *a = read_page(b.data, b.len, NULL);
	th_text_eq(a, "Мир");
	galley_article_free(a);
	galley_buf_free(&b);
}
END_TEST

START_TEST(enc_http_equiv)
{
	const char page[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
	                    "<title>\xcf\xf0\xe8\xe2\xe5\xf2</title></head><body><p>\xcc\xe8\xf0</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, NULL);
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Привет");
	th_text_eq(a, "Мир");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_undeclared_1252)
{
	/* curly quotes and euro sign in windows-1252, nothing declared, not UTF-8 */
	const char page[] = "<html><body><p>\x93Quote\x94 costs \x80" "5 \x96 caf\xe9</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, NULL);
	th_text_eq(a, "“Quote” costs €5 – café");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_undeclared_utf8)
{
	galley_article *a = read_str("<html><body><p>Zoë’s naïve “café” — 東京</p></body></html>");
	th_text_eq(a, "Zoë’s naïve “café” — 東京");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_combining_marks)
{
	/* decomposed accents are composed (NFC), also two marks on one letter */
	galley_article *a = read_str("<html><body><p>gepru\xCC\x88" "ft, Vie\xCC\x82\xCC\x81" "t, q\xCC\x88</p></body></html>");
	th_text_eq(a, "geprüft, Viết, q\xCC\x88");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_bom)
{
	const char page[] = "\xEF\xBB\xBF<html><head><meta charset=iso-8859-1></head><body><p>Stra\xC3\x9F" "e</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, NULL);
	th_text_eq(a, "Straße");
	galley_article_free(a);
	/* UTF-16LE with its mark */
	const char *src = "<html><body><p>Ünïcode</p></body></html>";
	unsigned char buf[256];
	size_t n = 0;
	buf[n++] = 0xFF;
	buf[n++] = 0xFE;
	for (const char *p = src; *p;) {
		uint32_t cp = galley_utf8_next(&p, src + strlen(src));
		buf[n++] = (unsigned char)(cp & 0xFF);
		buf[n++] = (unsigned char)(cp >> 8);
	}
	a = read_page(buf, n, NULL);
	th_text_eq(a, "Ünïcode");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_wrong_declarations)
{
	/* declared Latin-1, but the bytes are UTF-8 */
	galley_article *a = read_str("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Müller sagt: „Ja“</p></body></html>");
	th_text_eq(a, "Müller sagt: „Ja“");
	galley_article_free(a);
	/* declared UTF-8, but the bytes are Latin-1 */
	const char page[] = "<html><head><meta charset=\"utf-8\"></head><body><p>M\xfcller sagt Ja</p></body></html>";
	a = read_page(page, sizeof page - 1, NULL);
	th_text_eq(a, "Müller sagt Ja");
	galley_article_free(a);
	/* an unknown label is ignored */
	a = read_str("<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Grüße</p></body></html>");
	th_text_eq(a, "Grüße");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_invalid_utf8_mostly_utf8)
{
	/* mostly UTF-8 with one stray byte: UTF-8 with a replacement character, not mojibake */
	const char page[] = "<html><body><p>Grüße, Zoë, naïve, café \xff end</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, NULL);
	char *t = th_text_of(a);
	ck_assert_msg(strstr(t, "Grüße, Zoë, naïve, café") != NULL, "got '%s'", t);
	free(t);
	galley_article_free(a);
}
END_TEST

/* The encoding decision recorded on the article starts with this rule id. */
static void assert_charset_rule(galley_article *a, const char *enc, const char *rule)
{
	const char *e = galley_article_get_extra(a, "explain.charset");
	ck_assert_msg(e != NULL, "no explain.charset");
	galley_buf want = {0};
	galley_buf_printf(&want, "%s (%s:", enc, rule);
	ck_assert_msg(!strncmp(e, want.data, want.len), "explain.charset '%s', want '%s...'", e, want.data);
	galley_buf_free(&want);
}

/* bytes of utf8 converted to enc with iconv (caller frees) */
static char *to_legacy(const char *utf8, const char *enc, size_t *len)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	ck_assert_msg(cd != (iconv_t)-1, "iconv cannot convert to %s", enc);
	size_t inl = strlen(utf8), outl = 4 * inl + 16;
	char *out = galley_calloc(1, outl), *op = out;
	char *ip = (char *)utf8;
	ck_assert_msg(iconv(cd, &ip, &inl, &op, &outl) != (size_t)-1, "cannot convert the fixture to %s", enc);
	iconv_close(cd);
	*len = (size_t)(op - out);
	return out;
}

START_TEST(enc_stale_meta_multibyte)
{
	/* a page re-saved as UTF-8 that kept its legacy <meta>: UTF-8 wins, and says why */
	static const char *const decl[] = {"Shift_JIS", "gb2312", "windows-1251", "ISO-8859-1"};
	static const char *const body[] = {"東京の天気は晴れです", "北京今天天气很好", "Погода в Москве хорошая", "Grüße aus Köln"};
	for (size_t i = 0; i < 4; i++) {
		galley_buf b = {0};
		galley_buf_printf(&b, "<html><head><meta charset=\"%s\"><title>%s</title></head><body><p>%s</p></body></html>",
		                  decl[i], body[i], body[i]);
		galley_article *a = read_str(b.data);
		char *t = th_text_of(a);
		th_str_eq(t, body[i]);
		th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), body[i]);
		assert_charset_rule(a, "UTF-8", "meta-stale-utf8");
		free(t);
		galley_article_free(a);
		galley_buf_free(&b);
	}
}
END_TEST

START_TEST(enc_real_1252_stays)
{
	/* a real windows-1252 page: not valid UTF-8, so its declaration holds */
	const char page[] = "<html><head><meta charset=\"windows-1252\"></head><body><p>\x93" "Caf\xe9\x94 \x96 na\xef" "ve</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, NULL);
	char *t = th_text_of(a);
	th_str_eq(t, "“Café” – naïve");
	assert_charset_rule(a, "windows-1252", "meta");
	free(t);
	galley_article_free(a);
}
END_TEST

START_TEST(enc_undeclared_detected)
{
	/* no declaration and not UTF-8: the detector names the encoding */
	static const struct {
		const char *enc, *text;
	} cases[] = {
		{"WINDOWS-1251", "Вчера вечером в городе прошёл сильный дождь. Жители говорят, что такой погоды не было "
		                 "давно. Синоптики обещают, что завтра будет солнечно и тепло, а на выходных снова "
		                 "пойдёт дождь. Дороги в центре города были закрыты несколько часов."},
		{"SHIFT_JIS", "昨日の夜、町で強い雨が降りました。住民はこのような天気は久しぶりだと話しています。"
		              "気象予報士によると、明日は晴れて暖かくなりますが、週末にはまた雨が降るそうです。"
		              "市の中心部の道路は数時間閉鎖されました。"},
		{"GBK", "昨天晚上，城市里下了一场大雨。居民们说，很久没有遇到这样的天气了。"
		        "气象专家表示，明天将会晴朗温暖，但是周末还会下雨。市中心的道路被关闭了几个小时。"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		galley_buf b = {0};
		galley_buf_printf(&b, "<html><head><title>t</title></head><body><p>%s</p></body></html>", cases[i].text);
		size_t n = 0;
		char *bytes = to_legacy(b.data, cases[i].enc, &n);
		galley_article *a = read_page(bytes, n, NULL);
		char *t = th_text_of(a);
		th_str_eq(t, cases[i].text);
		const char *e = galley_article_get_extra(a, "explain.charset");
		ck_assert_msg(e && strstr(e, "(detected:"), "%s: explain.charset '%s'", cases[i].enc, e ? e : "(none)");
		free(t);
		free(bytes);
		galley_article_free(a);
		galley_buf_free(&b);
	}
}
END_TEST

START_TEST(enc_combining_marks_any_script)
{
	/* decomposed kana voicing marks and Hangul jamo are composed too (NFC) */
	galley_article *a = read_str("<html><body><p>\xE3\x81\x8B\xE3\x82\x99\xE3\x81\xAF, "
	                             "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB</p></body></html>");
	th_text_eq(a, "がは, 한");
	galley_article_free(a);
}
END_TEST

START_TEST(enc_charset_option)
{
	const char page[] = "<html><head><meta charset=utf-8></head><body><p>\xc1\xc2\xd7</p></body></html>";
	galley_article *a = read_page(page, sizeof page - 1, "charset=koi8-r");
	th_text_eq(a, "абв");
	galley_article_free(a);
}
END_TEST

/* ---- the body -------------------------------------------------------------------------------- */

START_TEST(body_shape)
{
	galley_article *a = read_str(
		"<!DOCTYPE html><html><head><title>T</title><style>p{}</style><script>var x=1;</script></head>"
		"<body class=\"page\"><header role=\"banner\"><nav id=\"menu\" aria-label=\"Main\"><a href=\"/\">Home</a></nav></header>"
		"<!-- a comment --><main><article itemprop=\"articleBody\" class=\"story\"><p>Text one.</p>"
		"<script>document.write('x')</script><noscript>Enable JS</noscript><template><p>tpl</p></template>"
		"<?php echo 1; ?><p>Text two.</p></article><aside class=\"related\"><p>Teaser</p></aside></main>"
		"<footer><p>Footer</p></footer></body></html>");
	xmlDocPtr doc = galley_article_body(a);
	ck_assert_ptr_nonnull(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	th_str_eq((const char *)root->name, "body");
	ck_assert_ptr_null(doc->children->next); /* only the root at the top */
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, doc, root, 0, 0);
	const char *html = (const char *)xmlBufferContent(buf);
	ck_assert_msg(strstr(html, "<nav id=\"menu\" aria-label=\"Main\">"), "%s", html);
	ck_assert_msg(strstr(html, "<header role=\"banner\">"), "%s", html);
	ck_assert_msg(strstr(html, "<article itemprop=\"articleBody\" class=\"story\">"), "%s", html);
	ck_assert_msg(strstr(html, "<aside class=\"related\">"), "%s", html);
	ck_assert_msg(strstr(html, "<footer>"), "%s", html);
	ck_assert_msg(!strstr(html, "script") && !strstr(html, "Enable JS") && !strstr(html, "tpl") &&
	                  !strstr(html, "comment") && !strstr(html, "php") && !strstr(html, "p{}"),
	              "%s", html);
	xmlBufferFree(buf);
	char *t = th_text_of(a);
	ck_assert_msg(strstr(t, "Text one.") && strstr(t, "Text two.") && strstr(t, "Footer") && strstr(t, "Teaser"), "%s", t);
	free(t);
	/* the document serialises as XML (not HTML) and survives a deep copy */
	galley_article *c = galley_article_copy(a);
	ck_assert_ptr_nonnull(galley_article_body(c));
	galley_article_free(c);
	galley_article_free(a);
}
END_TEST

START_TEST(body_noscript_and_soft_hyphens)
{
	galley_buf b = {0};
	galley_buf_puts(&b, "<html><body><noscript><img src=\"pixel.gif\">Enable JavaScript</noscript>"
	                    "<noscript><div class=\"page\">");
	for (int i = 0; i < 20; i++)
		galley_buf_puts(&b, "<p>A page that hides its whole content in noscript, sentence after sentence.</p>");
	galley_buf_puts(&b, "</div></noscript><p>Hyphen&shy;ated wo\xC2\xADrds</p></body></html>");
	galley_article *a = read_page(b.data, b.len, NULL);
	char *t = th_text_of(a);
	ck_assert_msg(!strstr(t, "Enable JavaScript"), "%s", t);
	ck_assert_msg(strstr(t, "A page that hides its whole content"), "%s", t);
	ck_assert_msg(strstr(t, "Hyphenated words"), "%s", t);
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, galley_article_body(a), xmlDocGetRootElement(galley_article_body(a)), 0, 0);
	ck_assert_msg(strstr((const char *)xmlBufferContent(buf), "<div class=\"page\">"), "%s", xmlBufferContent(buf));
	ck_assert_msg(!strstr((const char *)xmlBufferContent(buf), "<noscript"), "%s", xmlBufferContent(buf));
	xmlBufferFree(buf);
	free(t);
	galley_article_free(a);
	galley_buf_free(&b);
}
END_TEST

START_TEST(body_no_body_element)
{
	galley_article *a = read_str("<html><head><title>Only a head</title></head></html>");
	xmlDocPtr doc = galley_article_body(a);
	ck_assert_ptr_nonnull(doc);
	th_str_eq((const char *)xmlDocGetRootElement(doc)->name, "body");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Only a head");
	galley_article_free(a);
	/* a fragment without html/body */
	a = read_str("<p>Just a paragraph</p>");
	th_text_eq(a, "Just a paragraph");
	galley_article_free(a);
}
END_TEST

/* ---- metadata ------------------------------------------------------------------------------- */

/* ---- images that came with the page: local resources ------------------------------------------ */
static void write_tgz(const char *path, const char *const *names, const char *const *data, size_t n)
{
	struct archive *w = archive_write_new();
	archive_write_add_filter_gzip(w);
	archive_write_set_format_pax_restricted(w);
	ck_assert_int_eq(archive_write_open_filename(w, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_size(e, (la_int64_t)strlen(data[i]));
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_write_header(w, e);
		archive_write_data(w, data[i], strlen(data[i]));
		archive_entry_free(e);
	}
	archive_write_close(w);
	archive_write_free(w);
}

static const galley_resource *res_of(galley_article *a, const char *ref)
{
	return galley_article_resource_find(a, ref);
}

START_TEST(body_image_resources)
{
	static const char page[] =
	    "<html><body><p>Text <img src='photo.png'> <img src=' img/x.jpg '> <img src='../shared/logo.gif'>"
	    "<img src='missing.png'> <img src='../../outside.png'> <img src='http://example.com/y.png'>"
	    "<img src='/abs.png'> <img src='data:image/png;base64,AAAA'> <img src='img/'></p></body></html>";
	char *site = th_tmp_path("site");
	char *p;
	static const char *const dirs[] = {"site", "site/a", "site/a/img", "site/shared"};
	for (size_t i = 0; i < 4; i++)
		p = th_tmp_path(dirs[i]), mkdir(p, 0755), free(p);
	p = th_tmp_path("site/a/page.html"), th_write_file(p, page, strlen(page)), free(p);
	p = th_tmp_path("site/a/photo.png"), th_write_file(p, "x", 1), free(p);
	p = th_tmp_path("site/a/img/x.jpg"), th_write_file(p, "x", 1), free(p);
	p = th_tmp_path("site/shared/logo.gif"), th_write_file(p, "x", 1), free(p);
	p = th_tmp_path("outside.png"), th_write_file(p, "x", 1), free(p);

	/* a directory: the root is the directory given */
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", site);
	th_results r;
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	galley_article *a = r.a[0];
	ck_assert_uint_eq(galley_article_n_resources(a), 3);
	const galley_resource *res = res_of(a, "photo.png");
	ck_assert_ptr_nonnull(res);
	ck_assert_ptr_null(res->member);
	th_str_eq(res->media_type, "image/png");
	ck_assert_ptr_nonnull(strstr(res->file, "/site/a/photo.png"));
	res = res_of(a, " img/x.jpg ");
	ck_assert_ptr_nonnull(res);
	th_str_eq(res->media_type, "image/jpeg");
	ck_assert_ptr_nonnull(res_of(a, "../shared/logo.gif"));
	ck_assert_ptr_null(res_of(a, "missing.png"));
	ck_assert_ptr_null(res_of(a, "../../outside.png"));
	th_results_free(&r);

	/* the page named alone: only its own directory */
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s/a/page.html'", site);
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_uint_eq(galley_article_n_resources(r.a[0]), 2);
	ck_assert_ptr_null(res_of(r.a[0], "../shared/logo.gif"));
	th_results_free(&r);

	/* an archive: members resolved inside it, not checked; nothing above its top */
	static const char top[] = "<html><body><p>Top <img src='../escape.png'> <img src='img%20one.png?v=2'></p></body></html>";
	const char *names[] = {"./a/page_files/photo.png", "a/page.html", "top.html", "a/shared.png"};
	const char *data[] = {"png", "<html><body><p>A <img src='page_files/photo.png'> <img src='./../a/shared.png'> "
	                             "<img src='../../escape.png'> <img src='gone.jpg'></p></body></html>",
	                      top, "png"};
	char *tgz = th_tmp_path("site.tar.gz");
	write_tgz(tgz, names, data, 4);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s'", tgz);
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 2);
	a = r.a[0];
	th_str_eq(galley_article_location(a)->member, "a/page.html");
	ck_assert_uint_eq(galley_article_n_resources(a), 3);
	res = res_of(a, "page_files/photo.png");
	th_str_eq(res->file, tgz);
	th_str_eq(res->member, "a/page_files/photo.png");
	th_str_eq(res_of(a, "./../a/shared.png")->member, "a/shared.png");
	th_str_eq(res_of(a, "gone.jpg")->member, "a/gone.jpg");
	ck_assert_ptr_null(res_of(a, "../../escape.png"));
	a = r.a[1];
	ck_assert_uint_eq(galley_article_n_resources(a), 1);
	th_str_eq(res_of(a, "img%20one.png?v=2")->member, "img one.png");
	th_results_free(&r);
	galley_buf_free(&o);
	free(tgz);
	free(site);
}
END_TEST

START_TEST(meta_jsonld_graph)
{
	galley_article *a = read_str(
		"<html lang=\"de-de\"><head><title>Ein Titel | Beispiel Zeitung</title>"
		"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
		"{\"@type\":\"WebSite\",\"name\":\"Beispiel Zeitung\"},"
		"{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Anna Schmidt\"},"
		"{\"@type\":[\"NewsArticle\"],\"headline\":\"Ein Titel &amp; mehr\",\"datePublished\":\"2023-05-04T10:00:00+02:00\","
		"\"dateModified\":\"2023-05-05\",\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\",\"name\":\"Ben Meyer\"},\"Carla Roth\"],"
		"\"publisher\":{\"@type\":\"Organization\",\"name\":\"Beispiel Verlag\"},\"articleBody\":\"Der ganze Text.\","
		"\"keywords\":\"Politik, Wahl\",\"articleSection\":[\"Inland\"],\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://x.example/i.jpg\"},"
		"\"mainEntityOfPage\":{\"@id\":\"https://zeitung.example/a/1\"}}]}</script></head><body><p>x</p></body></html>");
	ck_candidate(a, "title", "Ein Titel & mehr", "json-ld");
	ck_candidate(a, "author", "Anna Schmidt", "json-ld");
	ck_candidate(a, "author", "Ben Meyer", "json-ld");
	ck_candidate(a, "author", "Carla Roth", "json-ld");
	ck_candidate(a, "date", "2023-05-04T10:00:00+02:00", "json-ld");
	ck_candidate(a, "date_modified", "2023-05-05", "json-ld");
	ck_candidate(a, "publisher", "Beispiel Verlag", "json-ld");
	ck_candidate(a, "body", "Der ganze Text.", "json-ld");
	ck_candidate(a, "keywords", "Politik, Wahl", "json-ld");
	ck_candidate(a, "section", "Inland", "json-ld");
	ck_candidate(a, "image", "https://x.example/i.jpg", "json-ld");
	ck_candidate(a, "url", "https://zeitung.example/a/1", "json-ld");
	ck_candidate(a, "site", "Beispiel Zeitung", "json-ld");
	ck_candidate(a, "language", "de-de", "html-lang");
	ck_candidate(a, "title", "Ein Titel", "title-tag");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Ein Titel & mehr");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_LANGUAGE), "de-DE");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_URL), "https://zeitung.example/a/1");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DATE), "2023-05-04T10:00:00+02:00");
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_TAGS), 2);
	/* the decision leaves authors to tag-attribution */
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* schema.org's generic work, as forum software writes it for an article: read like a page */
	a = read_str("<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
	             "\"@type\":\"CreativeWorkSeries\",\"headline\":\"Rolle im Test\",\"dateCreated\":\"2022-03-14T09:41:07+01:00\","
	             "\"author\":{\"@type\":\"Person\",\"name\":\"Grow more beans\"}}</script></head><body><p>x</p></body></html>");
	ck_candidate(a, "author", "Grow more beans", "json-ld");
	ck_candidate(a, "date", "2022-03-14T09:41:07+01:00", "json-ld");
	galley_article_free(a);
}
END_TEST

START_TEST(meta_jsonld_array_and_broken)
{
	galley_article *a = read_str(
		"<html><head><script type=\"application/ld+json\">this is { not json</script>"
		"<script type=\"application/ld+json\"><!--\n[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"BlogPosting\","
		"\"name\":\"Blog title\",\"author\":{\"@type\":\"Person\",\"name\":\"By Dana Fox\"},\"datePublished\":\"2020-02-29\"}];\n--></script>"
		"</head><body><p>x</p></body></html>");
	ck_candidate(a, "title", "Blog title", "json-ld");
	ck_candidate(a, "author", "Dana Fox", "json-ld");
	ck_candidate(a, "date", "2020-02-29", "json-ld");
	galley_article_free(a);
}
END_TEST

START_TEST(meta_opengraph_twitter_dc_meta)
{
	galley_article *a = read_str(
		"<html><head><title>Page - Site Name</title>"
		"<meta property=\"og:title\" content=\"OG title\"><meta property=\"og:site_name\" content=\"Site Name\">"
		"<meta property=\"og:url\" content=\"https://site.example/story\"><meta property=\"og:locale\" content=\"fr_FR\">"
		"<meta property=\"og:description\" content=\"OG desc\"><meta property=\"og:image\" content=\"https://site.example/i.png\">"
		"<meta property=\"article:published_time\" content=\"2021-06-01T08:00:00Z\">"
		"<meta property=\"article:modified_time\" content=\"2021-06-02T09:30:00+0200\">"
		"<meta property=\"article:author\" content=\"Eva Lund\"><meta property=\"article:author\" content=\"https://facebook.example/eva\">"
		"<meta property=\"article:section\" content=\"Culture\"><meta property=\"article:tag\" content=\"Art\">"
		"<meta name=\"twitter:title\" content=\"TW title\"><meta name=\"twitter:creator\" content=\"@eva\">"
		"<meta name=\"twitter:label1\" content=\"Verfasst von\"><meta name=\"twitter:data1\" content=\"Eva Lund\">"
		"<meta name=\"twitter:label2\" content=\"Est. reading time\"><meta name=\"twitter:data2\" content=\"4 minutes\">"
		"<meta name=\"DC.creator\" content=\"Lund, Eva\"><meta name=\"DC.date.issued\" content=\"2021-06-01\">"
		"<meta name=\"dcterms.title\" content=\"DC title\">"
		"<meta name=\"author\" content=\"Eva Lund\"><meta name=\"date\" content=\"01.06.2021 10:15\">"
		"<meta name=\"cXenseParse:author\" value=\"Ola Berg\">"
		"<meta name=\"pubdate\" content=\"20210601\"><meta name=\"description\" content=\"Meta desc\">"
		"<meta name=\"news_keywords\" content=\"a, b\"><link rel=\"canonical\" href=\"/story?amp=0\">"
		"</head><body><time datetime=\"2021-06-01T10:00:00+02:00\">1 June</time><time>no attr</time>"
		"<a rel=\"author\" href=\"/eva\">Eva Lund</a></body></html>");
	ck_candidate(a, "title", "OG title", "opengraph");
	ck_candidate(a, "title", "TW title", "twitter");
	ck_candidate(a, "title", "DC title", "dublin-core");
	ck_candidate(a, "title", "Page", "title-tag");
	ck_candidate(a, "site", "Site Name", "opengraph");
	ck_candidate(a, "language", "fr_FR", "opengraph");
	ck_candidate(a, "description", "OG desc", "opengraph");
	ck_candidate(a, "description", "Meta desc", "meta");
	ck_candidate(a, "image", "https://site.example/i.png", "opengraph");
	ck_candidate(a, "date", "2021-06-01T08:00:00Z", "article-meta");
	ck_candidate(a, "date_modified", "2021-06-02T09:30:00+02:00", "article-meta");
	ck_candidate(a, "author", "Eva Lund", "article-meta");
	ck_assert(!has_candidate(a, "author", "https://facebook.example/eva", NULL));
	ck_candidate(a, "section", "Culture", "article-meta");
	ck_candidate(a, "keywords", "Art", "article-meta");
	ck_candidate(a, "author", "@eva", "twitter");
	/* a card's label and value: "Written by" in the site's language names the author; another
	 * label's value is none */
	ck_candidate(a, "author", "Eva Lund", "twitter-label");
	ck_assert(!has_candidate(a, "author", "4 minutes", NULL));
	ck_candidate(a, "author", "Lund, Eva", "dublin-core");
	ck_candidate(a, "date", "2021-06-01", "dublin-core");
	ck_candidate(a, "author", "Eva Lund", "meta");
	/* an analytics vendor's author tag, its value in value= as saved pages have it */
	ck_candidate(a, "author", "Ola Berg", "meta");
	ck_candidate(a, "date", "2021-06-01T10:15:00", "meta");
	ck_candidate(a, "date", "2021-06-01", "meta");
	ck_candidate(a, "date", "2021-06-01T10:00:00+02:00", "time");
	ck_candidate(a, "author", "Eva Lund", "link");
	ck_candidate(a, "url", "/story?amp=0", "link");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_URL), "https://site.example/story?amp=0");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "OG title");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_SITE), "Site Name");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_LANGUAGE), "fr-FR");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DESCRIPTION), "OG desc");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DATE), "2021-06-01T08:00:00Z");
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_TAGS), 1);
	galley_article_free(a);
}
END_TEST

START_TEST(meta_value_attribute)
{
	/* <meta name=... value=...>: Twitter's card markup, and saved copies of pages */
	galley_article *a = read_str("<html><head><meta value=\"A headline from value\" name=\"og:title\">"
	                             "<meta name=\"twitter:title\" value=\"Another\"></head><body><p>x</p></body></html>");
	ck_assert(has_candidate(a, "title", "A headline from value", "opengraph"));
	ck_assert(has_candidate(a, "title", "Another", "twitter"));
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "A headline from value");
	galley_article_free(a);
}
END_TEST

/* The page names the site `site`, by the rule `rule` (explain.site); i: the case, for messages. */
static void ck_site(const char *html, size_t i, const char *site, const char *rule)
{
	galley_article *a = read_str(html);
	const char *got = galley_article_get(a, GALLEY_FIELD_SITE);
	ck_assert_msg(got && !strcmp(got, site), "case %zu: site '%s', want '%s'", i, got ? got : "(none)", site);
	const char *e = galley_article_get_extra(a, "explain.site");
	ck_assert_msg(e && strstr(e, rule), "case %zu: explain.site '%s', want %s", i, e ? e : "(none)", rule);
	galley_article_free(a);
}

START_TEST(meta_site_decision)
{
	static const struct {
		const char *head, *site, *rule;
	} cases[] = {
		/* a tagline after the name goes */
		{"<meta property=og:site_name content='Example News | Stories that matter'>", "Example News", "site.og-site-name"},
		/* a handle is no name: the next source */
		{"<meta property=og:site_name content='@examplenews'><meta name=application-name content='Example News'>",
		 "Example News", "site.application-name"},
		/* ".com" goes when the page writes the brand without it */
		{"<meta property=og:site_name content='Example.com'><title>A story | Example</title>", "Example",
		 "site.og-site-name"},
		/* but stays when the brand is the domain */
		{"<meta property=og:site_name content='Example.com'><title>A story</title>", "Example.com", "site.og-site-name"},
		/* a section is no site name */
		{"<meta property=og:site_name content='Politics'><meta property=article:section content='Politics'>"
		 "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"A story\","
		 "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example Times\"}}</script>",
		 "Example Times", "site.json-ld"},
		{"<meta property=og:site_name content='www.example.de'>", "example.de", "site.og-site-name"},
		/* the segment that names the host, wherever it stands; symbols are no name */
		{"<meta property=og:site_name content='Your daily deals | Exampledeals'>"
		 "<link rel=canonical href='https://www.exampledeals.example/a'>",
		 "Exampledeals", "site.og-site-name"},
		{"<meta property=og:site_name content='\xE2\x98\x86\xE2\x98\x86\xE2\x98\x86'>"
		 "<meta name=application-name content='Example Watch'>",
		 "Example Watch", "site.application-name"},
		/* the site the <title> names */
		{"<title>A long story about the harbour | Example Post</title>", "Example Post", "site.title-suffix"},
		/* nothing names it: the host as displayed */
		{"<title>A story</title><link rel=canonical href='https://www.example.org/a/b'>", "example.org", "site.domain"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		galley_buf b = {0};
		galley_buf_printf(&b, "<html><head>%s</head><body><p>x</p></body></html>", cases[i].head);
		ck_site(b.data, i, cases[i].site, cases[i].rule);
		galley_buf_free(&b);
	}
}
END_TEST

/* rule site.copyright: the holder of the footer's copyright line names the site when nothing
 * else does and the holder is named like the host; someone else's line (a picture agency's)
 * leaves the host as displayed */
START_TEST(meta_site_copyright)
{
	static const struct {
		const char *footer, *site, *rule;
	} cases[] = {
		{"<p>\xC2\xA9 2010\xE2\x80\x93" "2024 Harbour Post. All rights reserved.</p>", "Harbour Post", "site.copyright"},
		{"<p>Copyright (c) 2024 <a href='/'>Harbour Post</a> | Imprint</p>", "Harbour Post", "site.copyright"},
		{"<p>\xC2\xA9 2024 Lens Agency</p>", "harbourpost.example", "site.domain"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		galley_buf b = {0};
		galley_buf_printf(&b,
		                  "<html><head><title>A story</title>"
		                  "<link rel=canonical href='https://www.harbourpost.example/a'></head>"
		                  "<body><p>The text of the story.</p><footer>%s</footer></body></html>",
		                  cases[i].footer);
		ck_site(b.data, i, cases[i].site, cases[i].rule);
		galley_buf_free(&b);
	}
}
END_TEST

START_TEST(meta_title_rule_recorded)
{
	galley_article *a = read_str("<html><head><meta property=og:title content='Storm hits the coast'></head>"
	                             "<body><h1>Storm hits the coast</h1><p>x</p></body></html>");
	const char *e = galley_article_get_extra(a, "explain.title");
	ck_assert_msg(e && !strcmp(e, "Storm hits the coast (title.h1-equals-meta: the headline is a metadata title)"),
	              "explain.title '%s'", e ? e : "(none)");
	galley_article_free(a);
}
END_TEST

START_TEST(meta_microdata)
{
	galley_article *a = read_str(
		"<html><body><div itemscope itemtype=\"http://schema.org/NewsArticle\">"
		"<meta itemprop=\"datePublished\" content=\"2019-03-01T12:00:00Z\"><h1 itemprop=\"headline\">Micro title</h1>"
		"<span itemprop=\"author\" itemscope><span itemprop=\"name\">Jon Doe</span>, staff</span>"
		"<span itemprop=\"dateModified\" datetime=\"2019-03-02\">2 March</span></div>"
		"<p class=\"byline\">von <span class=\"author vcard\"><a class=\"url fn n\" href=\"/a/x\">Xaver Hu\xCC\x88" "ber</a></span></p>"
		"<footer><div class=\"vcard\"><span class=\"fn org\">Publisher Inc</span></div></footer></body></html>");
	ck_candidate(a, "date", "2019-03-01T12:00:00Z", "microdata");
	ck_candidate(a, "title", "Micro title", "microdata");
	ck_candidate(a, "author", "Jon Doe", "microdata");
	ck_candidate(a, "date_modified", "2019-03-02", "microdata");
	ck_candidate(a, "author", "Xaver Hüber", "microformat");
	ck_assert(!has_candidate(a, "author", "Publisher Inc", NULL));
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Micro title");
	galley_article_free(a);
}
END_TEST

START_TEST(meta_title_cleaning)
{
	static const struct {
		const char *html, *title;
	} cases[] = {
		{"<title>Storm hits coast | The Daily Example</title><meta property=og:site_name content='The Daily Example'>",
		 "Storm hits coast"},
		{"<title>The Daily Example - Storm hits coast</title><meta property=og:site_name content='The Daily Example'>",
		 "Storm hits coast"},
		{"<title>Storm hits coast - News - WESERBOTE ONLINE</title><link rel=canonical href='https://www.weserbote.example/a'>",
		 "Storm hits coast - News"},
		/* a dash that is part of the title stays */
		{"<title>Brexit - Johnson loses vote</title>", "Brexit - Johnson loses vote"},
		/* og:title that is only the site name is not the title */
		{"<title>Real headline | Example</title><meta property=og:title content='Example'>"
		 "<meta property=og:site_name content='Example'>",
		 "Real headline"},
		{"<title>  </title><h1>Heading only</h1>", "Heading only"},
		/* the visible headline, when the metadata title is a variant of it */
		{"<meta property=og:title content=\"Werft-Chef Adler warnt vor Flaute und 'Stahl aus Fernost'\">"
		 "</head><body><h1>Werft-Chef warnt vor Flaute und \"Stahl aus Fernost\"</h1><p>x</p></body></html><!--",
		 "Werft-Chef warnt vor Flaute und \"Stahl aus Fernost\""},
		/* but not a headline that is the metadata title plus a kicker */
		{"<meta property=og:title content=\"Cyber attacks cost firms a fifth of their budget\">"
		 "</head><body><h1>Security Cyber attacks cost firms a fifth of their budget</h1></body></html><!--",
		 "Cyber attacks cost firms a fifth of their budget"},
		/* nor a headline that is the site's name */
		{"<title>Real story here | Example Site</title></head><body><h1>Example Site</h1></body></html><!--",
		 "Real story here"},
		/* a site name after a separator written without spaces, in any script */
		{"<title>\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE9\x81\x93\xE5\x85\xB7\xE3\x81\xAE\xE8\xA9\xB1:"
		 "examplenews\xE6\x97\xA5\xE8\xAA\x8C</title><link rel=canonical href='https://examplenews.example/a'>",
		 "\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE9\x81\x93\xE5\x85\xB7\xE3\x81\xAE\xE8\xA9\xB1"},
		/* "Title_Section_Site": the site (the visible logo heading) and the short section go */
		{"<title>\xE4\xBB\x8A\xE5\xA4\xA9\xE7\x9A\x84\xE6\x96\xB0\xE9\x97\xBB\xE5\xBE\x88\xE9\x87\x8D\xE8\xA6\x81_"
		 "\xE7\xA7\x91\xE6\x8A\x80_\xE4\xBE\x8B\xE5\xAD\x90\xE6\x97\xA5\xE6\x8A\xA5</title></head><body>"
		 "<h1>\xE4\xBE\x8B\xE5\xAD\x90\xE6\x97\xA5\xE6\x8A\xA5</h1></body></html><!--",
		 "\xE4\xBB\x8A\xE5\xA4\xA9\xE7\x9A\x84\xE6\x96\xB0\xE9\x97\xBB\xE5\xBE\x88\xE9\x87\x8D\xE8\xA6\x81"},
		/* a tight colon with a long tail that merely mentions the site is no site suffix */
		{"<title>Checks for cars:Example tests begin in the city today</title><link rel=canonical href='https://example.org/a'>",
		 "Checks for cars:Example tests begin in the city today"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		galley_buf b = {0};
		galley_buf_printf(&b, "<html><head>%s</head><body><p>x</p></body></html>", cases[i].html);
		galley_article *a = read_str(b.data);
		th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), cases[i].title);
		galley_article_free(a);
		galley_buf_free(&b);
	}
}
END_TEST

START_TEST(meta_language_from_text)
{
	galley_article *a = read_str("<html><body><p>Die Gemeinde hat sich am Montag für den Bau der neuen Brücke "
	                             "entschieden. Der Bürgermeister sagte, dass die Arbeiten im Frühjahr beginnen und "
	                             "bis zum Ende des Jahres abgeschlossen sein werden, wenn das Wetter mitspielt.</p>"
	                             "</body></html>");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_LANGUAGE), "de");
	ck_candidate(a, "language", "de", "detected");
	galley_article_free(a);
	a = read_str("<html><body><p>東京都は月曜日、新しい橋の建設を決定しました。工事は春に始まり、年末までに完了する予定です。"
	             "市長は天候次第だと述べました。住民の多くはこの決定を歓迎しています。</p></body></html>");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_LANGUAGE), "ja");
	galley_article_free(a);
	/* too little text: no guess; a declared language is never overridden */
	a = read_str("<html><body><p>Hello world</p></body></html>");
	ck_assert_ptr_null(galley_article_get(a, GALLEY_FIELD_LANGUAGE));
	galley_article_free(a);
	a = read_str("<html lang=\"fr\"><body><p>The council has decided on Monday that the new bridge will be built and "
	             "that the work will start in spring, and it is expected to be finished by the end of the year.</p>"
	             "</body></html>");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_LANGUAGE), "fr");
	galley_article_free(a);
}
END_TEST

START_TEST(meta_dates)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2019-10-19", "2019-10-19"},
		{"2019-10-19T09:41:07Z", "2019-10-19T09:41:07Z"},
		{"2019-10-19T09:41:07.123+02:00", "2019-10-19T09:41:07+02:00"},
		{"2019-10-19 09:41", "2019-10-19T09:41:00"},
		{"2019/10/19", "2019-10-19"},
		{"20191019", "2019-10-19"},
		{"19.10.2019", "2019-10-19"},
		{"Sat, 19 Oct 2019 09:41:07 GMT", "2019-10-19T09:41:07Z"},
		{"Sat, 19 Oct 2019 09:41:07 +0100", "2019-10-19T09:41:07+01:00"},
		{"October 19, 2019", "2019-10-19"},
		{"19. Oktober 2019", "2019-10-19"},
		{"1571478067", "2019-10-19T09:41:07Z"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		galley_buf b = {0};
		galley_buf_printf(&b, "<html><head><meta name=\"date\" content=\"%s\"></head><body><p>x</p></body></html>",
		                  cases[i].in);
		galley_article *a = read_str(b.data);
		ck_assert_msg(galley_article_get(a, GALLEY_FIELD_DATE) &&
		                  !strcmp(galley_article_get(a, GALLEY_FIELD_DATE), cases[i].out),
		              "'%s' -> '%s', expected '%s'", cases[i].in, galley_article_get(a, GALLEY_FIELD_DATE),
		              cases[i].out);
		galley_article_free(a);
		galley_buf_free(&b);
	}
	/* not dates */
	galley_article *a = read_str("<html><head><meta name=\"date\" content=\"yesterday\"><meta name=\"pubdate\" "
	                             "content=\"2019-13-45\"></head><body><p>x</p></body></html>");
	ck_assert_ptr_null(galley_article_get(a, GALLEY_FIELD_DATE));
	galley_article_free(a);
}
END_TEST

/* ---- bad input ----------------------------------------------------------------------------- */

START_TEST(bad_inputs_run_continues)
{
	char *dir = th_tmp_path("in");
	mkdir(dir, 0755);
	galley_buf p = {0};
#define PUT(name_, bytes_, len_)                              \
	do {                                                      \
		galley_buf_reset(&p);                                 \
		galley_buf_printf(&p, "%s/%s", dir, name_);           \
		th_write_file(p.data, bytes_, len_);                  \
	} while (0)
	PUT("a-empty.html", "", 0);
	PUT("b-blank.html", "  \n\t\n", 5);
	PUT("c-binary.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
	const char bin[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15";
	PUT("d-noise.html", bin, sizeof bin - 1);
	const char bad[] = "<html><body><p>\xff\xfe\xfd broken \xc3 bytes \xed\xa0\x80</p></body></html>";
	PUT("e-invalid.html", bad, sizeof bad - 1);
	PUT("f-good.html", "<html><body><p>good page</p></body></html>", 42);
	PUT("g-nul.html", "<html><body><p>nul\0byte</p></body></html>", 41);
	th_results r;
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", dir);
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 7);
	ck_assert_int_eq(r.rc[0], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[0], "empty"), "%s", r.msg[0]);
	ck_assert_int_eq(r.rc[1], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[1], "empty"), "%s", r.msg[1]);
	ck_assert_int_eq(r.rc[2], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[2], "PNG"), "%s", r.msg[2]);
	ck_assert_int_eq(r.rc[3], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[3], "binary"), "%s", r.msg[3]);
	ck_assert_int_eq(r.rc[4], GALLEY_OK);
	char *t = th_text_of(r.a[4]);
	ck_assert(galley_utf8_valid(t, strlen(t)));
	ck_assert_msg(strstr(t, "broken"), "%s", t);
	free(t);
	ck_assert_int_eq(r.rc[5], GALLEY_OK);
	ck_assert_int_eq(r.rc[6], GALLEY_OK);
	t = th_text_of(r.a[6]);
	ck_assert_msg(strstr(t, "nul") && strstr(t, "byte"), "%s", t);
	free(t);
	th_results_free(&r);
	galley_buf_free(&o);
	galley_buf_free(&p);
	free(dir);
#undef PUT
}
END_TEST

START_TEST(bad_deep_nesting)
{
	galley_buf b = {0};
	galley_buf_puts(&b, "<html><head><title>Deep</title></head><body>");
	galley_buf_puts(&b, "<p>before deep</p>");
	for (int i = 0; i < 10000; i++)
		galley_buf_puts(&b, i % 2 ? "<div>" : "<span>");
	galley_buf_puts(&b, "bottom");
	for (int i = 9999; i >= 0; i--)
		galley_buf_puts(&b, i % 2 ? "</div>" : "</span>");
	galley_buf_puts(&b, "<p>after deep</p></body></html>");
	galley_article *a = read_page(b.data, b.len, NULL);
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Deep");
	/* nothing is lost: the text deep down and the content after it */
	char *t = th_text_of(a);
	ck_assert_msg(strstr(t, "before deep") && strstr(t, "bottom") && strstr(t, "after deep"), "%s", t);
	free(t);
	/* the tree is bounded (libxml2 caps nesting), so every later stage can walk it */
	int depth = 0, maxd = 0;
	xmlNodePtr root = xmlDocGetRootElement(galley_article_body(a));
	for (xmlNodePtr n = root; n;) {
		if (n->children) {
			n = n->children;
			if (++depth > maxd)
				maxd = depth;
			continue;
		}
		while (n && n != root && !n->next) {
			n = n->parent;
			depth--;
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
	ck_assert_int_le(maxd, 260);
	galley_article *c = galley_article_copy(a);
	galley_article_free(c);
	galley_article_free(a);
	galley_buf_free(&b);
	/* unclosed tables and lists, deeply */
	galley_buf_puts(&b, "<html><body>");
	for (int i = 0; i < 5000; i++)
		galley_buf_puts(&b, "<table><tr><td><ul><li>");
	a = read_page(b.data, b.len, NULL);
	galley_article_free(a);
	galley_buf_free(&b);
}
END_TEST

START_TEST(bad_huge_page)
{
	/* 50 MB: read, parsed, kept */
	size_t target = 50u << 20;
	galley_buf b = {0};
	galley_buf_puts(&b, "<html><head><title>Huge</title></head><body>");
	while (b.len < target)
		galley_buf_puts(&b, "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n");
	galley_buf_puts(&b, "<p>THE END</p></body></html>");
	galley_article *a = read_page(b.data, b.len, NULL);
	th_str_eq(galley_article_get(a, GALLEY_FIELD_TITLE), "Huge");
	xmlNodePtr last = xmlGetLastChild(xmlDocGetRootElement(galley_article_body(a)));
	while (last && last->type != XML_ELEMENT_NODE)
		last = last->prev;
	ck_assert_ptr_nonnull(last);
	xmlChar *c = xmlNodeGetContent(last);
	th_str_eq((const char *)c, "THE END");
	xmlFree(c);
	galley_article_free(a);
	/* over max_size: a clear message, no article */
	char *p = th_tmp_path("big.html");
	th_write_file(p, b.data, b.len);
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s' max_size=1048576", p);
	th_results r;
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_int_eq(r.rc[0], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(r.msg[0], "limit") && strstr(r.msg[0], "max_size"), "%s", r.msg[0]);
	th_results_free(&r);
	galley_buf_free(&o);
	galley_buf_free(&b);
	free(p);
}
END_TEST

START_TEST(bad_options)
{
	galley_error err = {0};
	galley_stage *s = galley_stage_new(th_registry(), "read-html", "input=/nonexistent/dir/x.html", &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(galley_stage_open(s, &err), GALLEY_ERR_FATAL);
	ck_assert_msg(strstr(err.message, "/nonexistent/dir/x.html"), "%s", err.message);
	galley_stage_free(s);
	memset(&err, 0, sizeof err);
	char *src = th_src("samples/html");
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s' charset=no-such-encoding", src);
	s = galley_stage_new(th_registry(), "read-html", o.data, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(galley_stage_open(s, &err), GALLEY_ERR_FATAL);
	ck_assert_msg(strstr(err.message, "no-such-encoding"), "%s", err.message);
	galley_stage_free(s);
	galley_buf_free(&o);
	free(src);
}
END_TEST

/* ---- WARC metadata reaches the article --------------------------------------------------------- */

START_TEST(warc_transport)
{
	const char *html = "<html><head><title>W</title></head><body><p>Gr\xfc\xdf" "e</p></body></html>";
	galley_buf http = {0};
	galley_buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n%s", html);
	galley_buf w = {0};
	galley_buf_printf(&w,
	                  "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a?b=1\r\n"
	                  "WARC-Date: 2020-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\n"
	                  "Content-Length: %zu\r\n\r\n",
	                  http.len);
	galley_buf_append(&w, http.data, http.len);
	galley_buf_puts(&w, "\r\n\r\n");
	char *p = th_tmp_path("x.warc");
	th_write_file(p, w.data, w.len);
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", p);
	th_results r;
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_msg(r.rc[0] == GALLEY_OK, "%s", r.msg[0]);
	galley_article *a = r.a[0];
	ck_candidate(a, "url", "https://news.example/a?b=1", "warc");
	ck_candidate(a, "date", "2020-01-02T03:04:05Z", "warc");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_URL), "https://news.example/a?b=1");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DATE), "2020-01-02T03:04:05Z");
	th_str_eq(galley_article_get_extra(a, "http_status"), "200");
	/* the page's own date and URL come first; the transport's stay as the last candidates */
	galley_buf_reset(&w);
	galley_buf_reset(&http);
	galley_buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head>"
	                         "<meta property=\"article:published_time\" content=\"2019-05-05\">"
	                         "<link rel=canonical href=\"/canonical\"></head><body><p>x</p></body></html>");
	galley_buf_printf(&w,
	                  "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a?b=1\r\n"
	                  "WARC-Record-ID: <urn:uuid:12345678-0000-4000-8000-000000000000>\r\n"
	                  "WARC-Date: 2020-01-02T03:04:05Z\r\nContent-Length: %zu\r\n\r\n",
	                  http.len);
	galley_buf_append(&w, http.data, http.len);
	th_write_file(p, w.data, w.len);
	th_results r2;
	th_read_results("read-html", o.data, &r2);
	ck_assert_uint_eq(r2.n, 1);
	th_str_eq(galley_article_candidate_first(r2.a[0], "date"), "2019-05-05");
	th_str_eq(galley_article_candidate_first(r2.a[0], "url"), "/canonical");
	th_str_eq(galley_article_get(r2.a[0], GALLEY_FIELD_URL), "https://news.example/canonical");
	th_str_eq(galley_article_location(r2.a[0])->uri, "https://news.example/a?b=1");
	th_str_eq(galley_article_location(r2.a[0])->record_id, "<urn:uuid:12345678-0000-4000-8000-000000000000>");
	th_str_eq(galley_article_get(r2.a[0], GALLEY_FIELD_DATE), "2019-05-05");
	ck_candidate(r2.a[0], "date", "2020-01-02T03:04:05Z", "warc");
	th_results_free(&r2);
	ck_assert_int_eq(galley_article_location(a)->offset, 0);
	/* the record's own provenance: its address, and (none given here) no record id */
	th_str_eq(galley_article_location(a)->uri, "https://news.example/a?b=1");
	th_str_eq(galley_article_location(a)->date, "2020-01-02T03:04:05Z");
	ck_assert_ptr_null(galley_article_location(a)->record_id);
	th_text_eq(a, "Grüße");
	th_results_free(&r);
	galley_buf_free(&o);
	galley_buf_free(&w);
	galley_buf_free(&http);
	free(p);
}
END_TEST

/* ---- the bundled samples --------------------------------------------------------------------- */

START_TEST(samples_read)
{
	char *src = th_src("samples/html");
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", src);
	th_results r;
	th_read_results("read-html", o.data, &r);
	ck_assert_uint_ge(r.n, 4);
	for (size_t i = 0; i < r.n; i++) {
		ck_assert_msg(r.rc[i] == GALLEY_OK, "%s", r.msg[i]);
		const char *title = galley_article_get(r.a[i], GALLEY_FIELD_TITLE);
		ck_assert_msg(title && strlen(title) > 10, "%s: no title", galley_article_where(r.a[i]));
		ck_assert_msg(!strchr(title, '|'), "%s: title '%s' keeps the site suffix", galley_article_where(r.a[i]), title);
		ck_assert_ptr_nonnull(galley_article_get(r.a[i], GALLEY_FIELD_DATE));
		ck_assert_ptr_nonnull(galley_article_get(r.a[i], GALLEY_FIELD_LANGUAGE));
		ck_assert_ptr_nonnull(galley_article_candidate_first(r.a[i], "author"));
		char *t = th_text_of(r.a[i]);
		ck_assert_msg(strlen(t) > 500, "%s: text too short", galley_article_where(r.a[i]));
		ck_assert_msg(!strstr(t, "Ã") && !strstr(t, "â€"), "%s: mojibake", galley_article_where(r.a[i]));
		free(t);
	}
	/* the Latin-1 page */
	bool latin = false;
	for (size_t i = 0; i < r.n; i++)
		if (strstr(galley_article_where(r.a[i]), "latin1")) {
			latin = true;
			th_str_eq(galley_article_get(r.a[i], GALLEY_FIELD_TITLE), "Bergdorf stimmt für neue Seilbahn");
			ck_candidate(r.a[i], "author", "Jürgen Weißenbäck", "dublin-core");
		}
	ck_assert(latin);
	th_results_free(&r);
	galley_buf_free(&o);
	free(src);
}
END_TEST

/* ---- the dev set ------------------------------------------------------------------------------- */

static char *norm_ws(const char *s)
{
	return galley_ws_normalize(s);
}

/* The text a UTF-8 string becomes when its bytes are read as windows-1252 (mojibake). */
static char *mojibake_of(const char *s)
{
	static const uint16_t hi[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	                                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
	                                0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	                                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
	galley_buf b = {0};
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		uint32_t cp = *p < 0x80 ? *p : (*p < 0xA0 ? hi[*p - 0x80] : *p);
		if (cp < 0x80) {
			galley_buf_putc(&b, (char)cp);
		} else if (cp < 0x800) {
			galley_buf_putc(&b, (char)(0xC0 | (cp >> 6)));
			galley_buf_putc(&b, (char)(0x80 | (cp & 0x3F)));
		} else {
			galley_buf_putc(&b, (char)(0xE0 | (cp >> 12)));
			galley_buf_putc(&b, (char)(0x80 | ((cp >> 6) & 0x3F)));
			galley_buf_putc(&b, (char)(0x80 | (cp & 0x3F)));
		}
	}
	return galley_buf_steal(&b);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What the dev-set pass counts, page by page. */
typedef struct {
	size_t n_ok, n_fail, n_title, n_gold, n_gold_eq, n_gold_close;
	size_t with_total, with_found, with_moji, moji_pages, fffd_pages;
	size_t n_author_gold, n_author_hit;
	double ours, bare; /* seconds: the reader's read+parse, libxml2's bare parse */
	FILE *dump;        /* GALLEY_DEVSET_DUMP's per-page lines, or NULL */
} devset_tally;

/* Speed reference: libxml2's bare parse of the same bytes, timed right after the reader's
 * read+parse of that page, so both see the same machine load. */
static void devset_time_bare_parse(devset_tally *t, const char *file)
{
	size_t len = 0;
	char *data = th_read_file(file, &len);
	if (data) {
		double b0 = now_s();
		htmlDocPtr d = htmlReadMemory(data, (int)len, NULL, NULL,
		                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
		xmlFreeDoc(d);
		t->bare += now_s() - b0;
	}
	free(data);
}

/* The dump's line for a page's title: gold, found, the found title's origin, every candidate. */
static void devset_dump_title(FILE *dump, galley_article *a, const char *id, const char *gold, const char *title)
{
	const char *origin = "-";
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *cd = galley_article_candidate(a, i);
		if (!strcmp(cd->field, "title") && title && !strcmp(cd->value, title)) {
			origin = cd->origin;
			break;
		}
	}
	fprintf(dump, "%s\t%s\t%s\t%s", id, gold, title ? title : "", origin);
	for (size_t i = 0; i < galley_article_n_candidates(a); i++) {
		const galley_candidate *cd = galley_article_candidate(a, i);
		if (!strcmp(cd->field, "title"))
			fprintf(dump, "\t%s=%s", cd->origin, cd->value);
	}
	fprintf(dump, "\n");
}

static void devset_tally_title(devset_tally *t, galley_article *a, json_object *c, const char *id)
{
	const char *title = galley_article_get(a, GALLEY_FIELD_TITLE);
	if (title)
		t->n_title++;
	json_object *gt = NULL;
	const char *gold = c && json_object_object_get_ex(c, "title", &gt) ? json_object_get_string(gt) : NULL;
	if (!gold || !*gold)
		return;
	t->n_gold++;
	char *g = norm_ws(gold);
	if (title && !strcasecmp(g, title))
		t->n_gold_eq++;
	if (title && (strstr(title, g) || strstr(g, title)))
		t->n_gold_close++;
	if (t->dump)
		devset_dump_title(t->dump, a, id, g, title);
	free(g);
}

/* The gold author(s) among the author candidates (what tag-attribution starts from). */
static void devset_tally_author(devset_tally *t, galley_article *a, json_object *c, const char *id)
{
	json_object *ga = NULL;
	if (!c || !json_object_object_get_ex(c, "author", &ga) || !ga)
		return;
	galley_buf gold_a = {0};
	if (json_object_is_type(ga, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(ga); i++)
			galley_buf_printf(&gold_a, "%s%s", i ? "; " : "", json_object_get_string(json_object_array_get_idx(ga, i)));
	} else {
		galley_buf_puts(&gold_a, json_object_get_string(ga));
	}
	if (gold_a.len) {
		t->n_author_gold++;
		bool hit = false;
		for (size_t i = 0; i < galley_article_n_candidates(a) && !hit; i++) {
			const galley_candidate *cd = galley_article_candidate(a, i);
			if (!strcmp(cd->field, "author") && (strcasestr(gold_a.data, cd->value) || strcasestr(cd->value, gold_a.data)))
				hit = true;
		}
		t->n_author_hit += hit;
		if (t->dump && !hit)
			fprintf(t->dump, "AUTHOR\t%s\t%s\n", id, gold_a.data);
	}
	galley_buf_free(&gold_a);
}

/* U+FFFD and mojibake in the page's text or title. */
static void devset_tally_damage(devset_tally *t, const char *text, const char *title)
{
	if (strstr(text, "\xEF\xBF\xBD"))
		t->fffd_pages++;
	static const char *const moji[] = {"Ã¤", "Ã¶", "Ã¼", "ÃŸ", "Ã©", "â€™", "â€œ", "â€ž", "Ã³", "Ä…", NULL};
	bool page_moji = false;
	for (int k = 0; moji[k]; k++)
		if (strstr(text, moji[k]) || (title && strstr(title, moji[k])))
			page_moji = true;
	t->moji_pages += page_moji;
}

/* The case's `with` segments found in the page's text, and those found only as mojibake. */
static void devset_tally_with(devset_tally *t, const char *text, json_object *c, const char *id)
{
	json_object *with = NULL;
	if (!c || !json_object_object_get_ex(c, "with", &with) || !json_object_is_type(with, json_type_array))
		return;
	for (size_t i = 0; i < json_object_array_length(with); i++) {
		char *seg = norm_ws(json_object_get_string(json_object_array_get_idx(with, i)));
		t->with_total++;
		if (strstr(text, seg)) {
			t->with_found++;
		} else {
			if (t->dump)
				fprintf(t->dump, "MISS\t%s\t%s\n", id, seg);
			char *m = mojibake_of(seg);
			if (strcmp(m, seg) && strstr(text, m)) {
				t->with_moji++;
				printf("devset: mojibake in %s: '%s'\n", id, seg);
			}
			free(m);
		}
		free(seg);
	}
}

/* One page the reader read: its figures against its case in cases.json. */
static void devset_tally_page(devset_tally *t, galley_article *a, json_object *cases)
{
	const char *file = galley_article_location(a)->file;
	devset_time_bare_parse(t, file);
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	char id[64];
	snprintf(id, sizeof id, "%.*s", (int)strcspn(base, "."), base);
	json_object *c = NULL;
	json_object_object_get_ex(cases, id, &c);
	devset_tally_title(t, a, c, id);
	devset_tally_author(t, a, c, id);
	char *raw_text = galley_body_text(galley_article_body(a));
	char *text = norm_ws(raw_text);
	free(raw_text);
	devset_tally_damage(t, text, galley_article_get(a, GALLEY_FIELD_TITLE));
	devset_tally_with(t, text, c, id);
	free(text);
}

static void devset_report(const devset_tally *t)
{
	size_t n = t->n_ok + t->n_fail;
	printf("devset: %zu pages, %zu read, %zu failed\n", n, t->n_ok, t->n_fail);
	printf("devset: titles found for %zu of %zu pages (%.1f%%); equal to the gold title %zu of %zu (%.1f%%), "
	       "one containing the other %zu (%.1f%%)\n",
	       t->n_title, n, 100.0 * (double)t->n_title / (double)(n ? n : 1), t->n_gold_eq, t->n_gold,
	       100.0 * (double)t->n_gold_eq / (double)(t->n_gold ? t->n_gold : 1), t->n_gold_close,
	       100.0 * (double)t->n_gold_close / (double)(t->n_gold ? t->n_gold : 1));
	printf("devset: `with` segments in the reader's page text: %zu of %zu (%.1f%%) — the stripper's ceiling\n",
	       t->with_found, t->with_total, 100.0 * (double)t->with_found / (double)(t->with_total ? t->with_total : 1));
	printf("devset: `with` segments found only as mojibake: %zu; pages with mojibake patterns: %zu; "
	       "pages with U+FFFD: %zu\n",
	       t->with_moji, t->moji_pages, t->fffd_pages);
	printf("devset: gold author found in (or containing) an author candidate: %zu of %zu pages\n", t->n_author_hit,
	       t->n_author_gold);
	printf("devset: read+parse %.2f s, bare htmlReadMemory %.2f s, ratio %.2f\n", t->ours, t->bare,
	       t->bare > 0 ? t->ours / t->bare : 0.0);
}

START_TEST(devset_acceptance)
{
	char *archive = th_devset_archive();
	if (!archive) {
		printf("devset: ../shared/datasets/webextract-dev.tar.xz is absent, skipping the dev-set acceptance check\n");
		return;
	}
	galley_buf tb = {0};
	galley_buf_puts(&tb, archive);
	free(archive);
	ck_assert_msg(th_extract(tb.data, th_tmp), "cannot extract %s", tb.data);
	char *cases_path = th_tmp_path("cases.json");
	json_object *cases = json_object_from_file(cases_path);
	ck_assert_msg(cases != NULL, "cannot read %s", cases_path);

	char *html_dir = th_tmp_path("html");
	devset_tally t = {0};
	if (getenv("GALLEY_DEVSET_DUMP") && *getenv("GALLEY_DEVSET_DUMP"))
		t.dump = fopen(getenv("GALLEY_DEVSET_DUMP"), "w");
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", html_dir);
	galley_stage *s = th_stage("read-html", o.data);
	for (;;) {
		galley_error err = {0};
		galley_article *a = NULL;
		double t0 = now_s();
		int rc = galley_stage_read(s, &a, &err);
		t.ours += now_s() - t0;
		if (rc == GALLEY_END)
			break;
		ck_assert_msg(rc != GALLEY_ERR_FATAL, "%s", err.message);
		if (rc != GALLEY_OK) {
			t.n_fail++;
			printf("devset: failed %s: %s\n", a ? galley_article_where(a) : "?", err.message);
			galley_article_free(a);
			continue;
		}
		t.n_ok++;
		devset_tally_page(&t, a, cases);
		galley_article_free(a);
	}
	galley_stage_free(s);
	if (t.dump)
		fclose(t.dump);
	devset_report(&t);
	size_t n = t.n_ok + t.n_fail;
	ck_assert_uint_eq(n, 990);
	ck_assert_uint_eq(t.n_fail, 0);
	ck_assert_msg(t.n_title * 100 >= n * 97, "titles for only %zu of %zu pages", t.n_title, n);
	ck_assert_uint_eq(t.with_moji, 0);
	json_object_put(cases);
	galley_buf_free(&o);
	galley_buf_free(&tb);
	free(cases_path);
	free(html_dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("read-html");
	TCase *tc = tcase_create("encodings");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, enc_meta_latin1);
	tcase_add_test(tc, enc_http_equiv);
	tcase_add_test(tc, enc_meta_after_big_script);
	tcase_add_test(tc, enc_undeclared_1252);
	tcase_add_test(tc, enc_undeclared_utf8);
	tcase_add_test(tc, enc_bom);
	tcase_add_test(tc, enc_combining_marks);
	tcase_add_test(tc, enc_wrong_declarations);
	tcase_add_test(tc, enc_invalid_utf8_mostly_utf8);
	tcase_add_test(tc, enc_charset_option);
	tcase_add_test(tc, enc_stale_meta_multibyte);
	tcase_add_test(tc, enc_real_1252_stays);
	tcase_add_test(tc, enc_undeclared_detected);
	tcase_add_test(tc, enc_combining_marks_any_script);
	suite_add_tcase(s, tc);
	tc = tcase_create("body");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, body_shape);
	tcase_add_test(tc, body_no_body_element);
	tcase_add_test(tc, body_noscript_and_soft_hyphens);
	tcase_add_test(tc, body_image_resources);
	suite_add_tcase(s, tc);
	tc = tcase_create("metadata");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, meta_jsonld_graph);
	tcase_add_test(tc, meta_jsonld_array_and_broken);
	tcase_add_test(tc, meta_opengraph_twitter_dc_meta);
	tcase_add_test(tc, meta_microdata);
	tcase_add_test(tc, meta_site_decision);
	tcase_add_test(tc, meta_site_copyright);
	tcase_add_test(tc, meta_title_rule_recorded);
	tcase_add_test(tc, meta_value_attribute);
	tcase_add_test(tc, meta_title_cleaning);
	tcase_add_test(tc, meta_dates);
	tcase_add_test(tc, meta_language_from_text);
	tcase_add_test(tc, warc_transport);
	suite_add_tcase(s, tc);
	tc = tcase_create("bad-input");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, bad_inputs_run_continues);
	tcase_add_test(tc, bad_deep_nesting);
	tcase_add_test(tc, bad_huge_page);
	tcase_add_test(tc, bad_options);
	suite_add_tcase(s, tc);
	tc = tcase_create("samples");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, samples_read);
	suite_add_tcase(s, tc);
	tc = tcase_create("devset");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_set_timeout(tc, 1200);
	tcase_add_test(tc, devset_acceptance);
	suite_add_tcase(s, tc);
	return th_run(s);
}
