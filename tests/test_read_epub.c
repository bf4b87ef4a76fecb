/* read-epub: our own books (metadata back), pandoc's (a fixture made by pandoc 2.17), an
 * EPUB 2 book shaped like Calibre's (guide, NCX, XHTML 1.1 with &nbsp;), and hostile or broken
 * books: entity bombs, external entities, zip bombs, truncated zips, path traversal, missing
 * parts, deep nesting, chapters that are not well-formed.  Each must end in articles or a clear
 * error, never a hang, a crash or a file read outside the book. */
#include "harness.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>


typedef struct zfile {
	const char *name;
	const char *data; /* NULL: len zero bytes */
	size_t len;       /* 0: strlen(data) */
} zfile;

/* A zip with files in order (mimetype stored when first). */
static char *make_zip(const char *name, const zfile *files, size_t n)
{
	char *path = th_tmp_path(name);
	struct archive *a = archive_write_new();
	archive_write_set_format_zip(a);
	ck_assert(archive_write_open_filename(a, path) == ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		size_t len = files[i].len ? files[i].len : strlen(files[i].data);
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, files[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)len);
		if (!strcmp(files[i].name, "mimetype"))
			archive_write_zip_set_compression_store(a);
		else
			archive_write_zip_set_compression_deflate(a);
		ck_assert(archive_write_header(a, e) == ARCHIVE_OK);
		if (files[i].data) {
			archive_write_data(a, files[i].data, len);
		} else {
			char *z = galley_calloc(1, 1 << 20);
			for (size_t left = len; left;) {
				size_t k = left < (1u << 20) ? left : (1u << 20);
				archive_write_data(a, z, k);
				left -= k;
			}
			free(z);
		}
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	return path;
}

static const char container[] =
	"<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
	"<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
	"</rootfiles></container>";

static const char opf2[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"uuid_id\">"
	"<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:opf=\"http://www.idpf.org/2007/opf\">"
	"<dc:title>Calibre Style</dc:title><dc:creator opf:role=\"aut\">Cal Ibre</dc:creator>"
	"<dc:language>en-GB</dc:language><dc:identifier id=\"uuid_id\">x</dc:identifier>"
	"<meta name=\"cover\" content=\"cover\"/></metadata>"
	"<manifest><item id=\"titlepage\" href=\"titlepage.xhtml\" media-type=\"application/xhtml+xml\"/>"
	"<item id=\"c1\" href=\"text/part%201.html\" media-type=\"application/xhtml+xml\"/>"
	"<item id=\"c2\" href=\"text/part2.html\" media-type=\"application/xhtml+xml\"/>"
	"<item id=\"c3\" href=\"text/broken.html\" media-type=\"application/xhtml+xml\"/>"
	"<item id=\"gone\" href=\"text/missing.html\" media-type=\"application/xhtml+xml\"/>"
	"<item id=\"evil\" href=\"../../../../etc/passwd\" media-type=\"application/xhtml+xml\"/>"
	"<item id=\"img\" href=\"cover.jpg\" media-type=\"image/jpeg\"/>"
	"<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/></manifest>"
	"<spine toc=\"ncx\"><itemref idref=\"titlepage\"/><itemref idref=\"c1\"/><itemref idref=\"img\"/>"
	"<itemref idref=\"gone\"/><itemref idref=\"evil\"/><itemref idref=\"c2\"/><itemref idref=\"c3\"/></spine>"
	"<guide><reference type=\"cover\" title=\"Cover\" href=\"titlepage.xhtml\"/></guide></package>";

static const char ncx[] =
	"<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\">"
	"<head/><docTitle><text>Calibre Style</text></docTitle><navMap>"
	"<navPoint id=\"n1\" playOrder=\"1\"><navLabel><text>First part</text></navLabel>"
	"<content src=\"text/part%201.html#start\"/></navPoint>"
	"<navPoint id=\"n2\" playOrder=\"2\"><navLabel><text>Second part</text></navLabel>"
	"<content src=\"text/part2.html\"/></navPoint></navMap></ncx>";

#define XHTML11                                                                                     \
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" " \
	"\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n"                                          \
	"<html xmlns=\"http://www.w3.org/1999/xhtml\">"

static char *calibre_like(void)
{
	zfile files[] = {
		{"mimetype", "application/epub+zip", 0},
		{"META-INF/container.xml", container, 0},
		{"OEBPS/content.opf", opf2, 0},
		{"OEBPS/toc.ncx", ncx, 0},
		{"OEBPS/titlepage.xhtml", XHTML11 "<head><title>Cover</title></head><body><div>COVER PAGE</div></body></html>", 0},
		{"OEBPS/text/part 1.html",
		 XHTML11 "<head><title>ignored</title></head><body><h2 id=\"start\">First part</h2>"
		         "<p>Alpha&nbsp;beta &amp; gamma.</p><p>Second <span class=\"x\">para</span>.</p>"
		         "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>svg text</text></svg></body></html>",
		 0},
		{"OEBPS/text/part2.html", XHTML11 "<head><title>P2</title></head><body><p>Part two text.</p></body></html>", 0},
		{"OEBPS/text/broken.html",
		 "<html><head><title>Broken</title></head><body><p>Unclosed <b>bold<p>Next para &copy; 2020</body>", 0},
		{"OEBPS/cover.jpg", "\xff\xd8\xff\xe0 not really", 0},
	};
	return make_zip("calibre.epub", files, sizeof files / sizeof *files);
}

typedef struct result {
	galley_article *a[16];
	size_t n;
	char errors[8][1100];
	size_t n_err;
	int fatal;
} result;

static void read_all(const char *options, result *r)
{
	memset(r, 0, sizeof *r);
	galley_error err = {0};
	galley_stage *s = galley_stage_new(th_registry(), "read-epub", options, &err);
	ck_assert_msg(s, "%s", err.message);
	int rc = galley_stage_open(s, &err);
	if (rc != GALLEY_OK) {
		r->fatal = 1;
		snprintf(r->errors[r->n_err++], sizeof r->errors[0], "%s", err.message);
		galley_stage_free(s);
		return;
	}
	for (int guard = 0; guard < 1000; guard++) {
		galley_article *a = NULL;
		rc = galley_stage_read(s, &a, &err);
		if (rc == GALLEY_END)
			break;
		if (rc == GALLEY_ERR_FATAL) {
			r->fatal = 1;
			snprintf(r->errors[r->n_err++], sizeof r->errors[0], "%s", err.message);
			galley_article_free(a);
			break;
		}
		if (rc != GALLEY_OK) {
			if (r->n_err < 8)
				snprintf(r->errors[r->n_err++], sizeof r->errors[0], "%s", err.message);
			galley_article_free(a);
			continue;
		}
		if (r->n < 16)
			r->a[r->n++] = a;
		else
			galley_article_free(a);
	}
	galley_stage_free(s);
}

static void result_free(result *r)
{
	for (size_t i = 0; i < r->n; i++)
		galley_article_free(r->a[i]);
}

static bool any_error(const result *r, const char *needle)
{
	for (size_t i = 0; i < r->n_err; i++)
		if (strstr(r->errors[i], needle))
			return true;
	return false;
}

START_TEST(test_pandoc_book)
{
	char *fx = th_src("tests/fixtures/epub/pandoc-2.17.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", fx);
	result r;
	read_all(o.data, &r);
	ck_assert_msg(r.n_err == 0, "%s", r.errors[0]);
	ck_assert_uint_eq(r.n, 2);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "The First Chapter");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_TITLE), "The Second Chapter");
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_LANGUAGE), "fr");
	ck_assert_uint_eq(galley_article_list_len(r.a[0], GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(r.a[0], GALLEY_LIST_AUTHORS, 1), "Bob Editor");
	th_str_eq(galley_article_get_extra(r.a[0], "epub_book"), "A Pandoc Book");
	th_str_eq(galley_article_candidate_first(r.a[0], "publisher"), "Pandoc Press");
	char *t = th_text_of(r.a[0]);
	th_str_eq(t, "Opening paragraph of the first chapter.\n\nA quoted passage in a block.\n\nlist item one\n\n"
	             "list item two\n\nClosing paragraph with emphasis and a link.");
	free(t);
	th_str_eq(galley_article_location(r.a[1])->member, "EPUB/text/ch002.xhtml");
	result_free(&r);
	/* front_matter=true also returns the title page */
	galley_buf_printf(&o, " front_matter=true");
	read_all(o.data, &r);
	ck_assert_uint_eq(r.n, 3);
	result_free(&r);
	galley_buf_free(&o);
	free(fx);
}
END_TEST

START_TEST(test_calibre_like_book)
{
	char *book = calibre_like();
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", book);
	result r;
	read_all(o.data, &r);
	/* chapters: part 1, part 2, broken (read as HTML); errors: missing, traversal */
	ck_assert_uint_eq(r.n, 3);
	ck_assert_uint_eq(r.n_err, 2);
	ck_assert_msg(any_error(&r, "missing"), "%s / %s", r.errors[0], r.errors[1]);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "First part");
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_LANGUAGE), "en-GB");
	th_str_eq(galley_article_list_at(r.a[0], GALLEY_LIST_AUTHORS, 0), "Cal Ibre");
	th_text_eq(r.a[0], "Alpha beta & gamma.\n\nSecond para.");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_TITLE), "Second part");
	char *t = th_text_of(r.a[2]);
	ck_assert_msg(strstr(t, "Next para \xc2\xa9 2020"), "%s", t);
	free(t);
	th_str_eq(galley_article_get(r.a[2], GALLEY_FIELD_TITLE), "Broken");
	for (size_t i = 0; i < r.n; i++) {
		char *x = th_text_of(r.a[i]);
		ck_assert(!strstr(x, "root:"));
		ck_assert(!strstr(x, "COVER PAGE"));
		ck_assert(!strstr(x, "svg text"));
		free(x);
	}
	result_free(&r);
	galley_buf_free(&o);
	free(book);
}
END_TEST

static char *one_chapter_book(const char *name, const char *chapter, size_t chapter_len)
{
	static const char opf3[] =
		"<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"i\">"
		"<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"i\">x</dc:identifier>"
		"<dc:title>T</dc:title><dc:language>en</dc:language></metadata>"
		"<manifest><item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/>"
		"<item id=\"ok\" href=\"ok.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
		"<spine><itemref idref=\"c\"/><itemref idref=\"ok\"/></spine></package>";
	zfile files[] = {
		{"mimetype", "application/epub+zip", 0},
		{"META-INF/container.xml", container, 0},
		{"OEBPS/content.opf", opf3, 0},
		{"OEBPS/c.xhtml", chapter, chapter_len},
		{"OEBPS/ok.xhtml",
		 "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>OK</title></head><body><p>fine</p></body></html>", 0},
	};
	return make_zip(name, files, 5);
}

START_TEST(test_entity_attacks)
{
	const char *bomb =
		"<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
		"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
		"<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
		"<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
		"<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>B</title></head><body><p>&h;</p></body></html>";
	const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	                  "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title></head><body><p>&x;</p></body></html>";
	const char *ext_dtd = "<?xml version=\"1.0\"?><!DOCTYPE html SYSTEM \"http://192.0.2.1/evil.dtd\">"
	                      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>D</title></head>"
	                      "<body><p>before &evil; after</p></body></html>";
	const char *cases[] = {bomb, xxe, ext_dtd};
	for (size_t i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof name, "attack%zu.epub", i);
		char *book = one_chapter_book(name, cases[i], 0);
		galley_buf o = {0};
		galley_buf_printf(&o, "input='%s'", book);
		result r;
		read_all(o.data, &r);
		if (i < 2) {
			ck_assert_uint_eq(r.n, 1); /* the other chapter */
			ck_assert_msg(any_error(&r, "declares XML entities"), "case %zu: %s", i, r.errors[0]);
		} else {
			ck_assert_uint_eq(r.n, 2);
			th_text_eq(r.a[0], "before after");
		}
		for (size_t k = 0; k < r.n; k++) {
			char *t = th_text_of(r.a[k]);
			ck_assert(!strstr(t, "root:"));
			ck_assert(strlen(t) < 1000);
			free(t);
		}
		result_free(&r);
		galley_buf_free(&o);
		free(book);
	}
}
END_TEST

/* One chapter listed 400 times in the spine gave 400 articles; ids with spaces around them gave
 * "the spine lists no chapters"; a chapter whose name is not ASCII was "listed but missing"
 * (libarchive cannot convert such names in the C locale); a chapter with an extension that is
 * not read, or an href that leaves the book, was "missing" too: each now says what it is. */
START_TEST(test_book_shapes)
{
	galley_buf opf = {0};
	galley_buf_puts(&opf, "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
	                      "unique-identifier=\"i\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	                      "<dc:identifier id=\"i\">x</dc:identifier><dc:title>T</dc:title><dc:language>de</dc:language>"
	                      "</metadata><manifest>"
	                      "<item id=\" c1 \" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/>"
	                      "<item id=\"u\" href=\"%C3%BCber.xhtml\" media-type=\"application/xhtml+xml\"/>"
	                      "<item id=\"cjk\" href=\"\xe6\x96\xb0\xe9\x97\xbb.xhtml\" media-type=\"application/xhtml+xml\"/>"
	                      "<item id=\"txt\" href=\"notes.txt\" media-type=\"application/xhtml+xml\"/>"
	                      "<item id=\"up\" href=\"../../outside.xhtml\" media-type=\"application/xhtml+xml\"/>"
	                      "</manifest><spine>");
	for (int i = 0; i < 400; i++)
		galley_buf_puts(&opf, "<itemref idref=\"c1 \"/>");
	galley_buf_puts(&opf, "<itemref idref=\"u\"/><itemref idref=\"cjk\"/><itemref idref=\"txt\"/>"
	                      "<itemref idref=\"up\"/><itemref idref=\"u\"/></spine></package>");
#define CHAPTER(t) "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>" t "</title></head><body><p>" t \
	                   " text.</p></body></html>"
	static const char c1[] = CHAPTER("One"), u[] = CHAPTER("Uber"), cjk[] = CHAPTER("News"), txt[] = CHAPTER("Notes");
	th_member m[] = {
		{"mimetype", "application/epub+zip", 20},
		{"META-INF/container.xml", container, sizeof container - 1},
		{"OEBPS/content.opf", opf.data, opf.len},
		{"OEBPS/c1.xhtml", c1, sizeof c1 - 1},
		{"OEBPS/\xc3\xbc" "ber.xhtml", u, sizeof u - 1},
		{"OEBPS/\xe6\x96\xb0\xe9\x97\xbb.xhtml", cjk, sizeof cjk - 1},
		{"OEBPS/notes.txt", txt, sizeof txt - 1},
	};
	char *p = th_tmp_path("shapes.epub");
	th_write_archive(p, TH_ZIP, m, sizeof m / sizeof m[0]);
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", p);
	result r;
	read_all(o.data, &r);
	ck_assert_uint_eq(r.n, 3);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "One");
	th_str_eq(galley_article_get(r.a[1], GALLEY_FIELD_TITLE), "Uber");
	th_str_eq(galley_article_get(r.a[2], GALLEY_FIELD_TITLE), "News");
	ck_assert_uint_eq(r.n_err, 2);
	ck_assert_msg(any_error(&r, "notes.txt is in the book, but with an extension"), "%s", r.errors[0]);
	ck_assert_msg(any_error(&r, "chapter 'up' has an unsafe or empty path"), "%s / %s", r.errors[0], r.errors[1]);
	result_free(&r);
	galley_buf_free(&o);
	galley_buf_free(&opf);
	free(p);
}
END_TEST

START_TEST(test_broken_books)
{
	result r;
	galley_buf o = {0};
	/* zip bomb: 3 MiB of zeros with max_bytes=1 MiB */
	zfile bomb[] = {{"mimetype", "application/epub+zip", 0}, {"META-INF/container.xml", container, 0},
	                {"OEBPS/content.opf", NULL, 3u << 20}};
	char *p = make_zip("bomb.epub", bomb, 3);
	galley_buf_printf(&o, "input='%s' max_bytes=1048576", p);
	read_all(o.data, &r);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_msg(any_error(&r, "zip bomb"), "%s", r.errors[0]);
	result_free(&r);
	free(p);

	/* not a zip */
	p = th_tmp_path("text.epub");
	th_write_file(p, "just text, not a book", 21);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s'", p);
	read_all(o.data, &r);
	ck_assert_uint_eq(r.n, 0);
	ck_assert_msg(any_error(&r, "zip"), "%s", r.errors[0]);
	result_free(&r);
	free(p);

	/* truncated */
	char *good = calibre_like();
	size_t len;
	char *data = th_read_file(good, &len);
	p = th_tmp_path("truncated.epub");
	th_write_file(p, data, len / 2);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s'", p);
	read_all(o.data, &r);
	ck_assert_msg(r.n_err >= 1, "a truncated book gave no error");
	ck_assert_msg(strstr(r.errors[0], "truncated.epub"), "error does not name the file: %s", r.errors[0]);
	result_free(&r);
	free(p);
	free(data);
	free(good);

	/* a zip without container.xml */
	zfile plain[] = {{"readme.txt", "hello", 0}};
	p = make_zip("plain.epub", plain, 1);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s'", p);
	read_all(o.data, &r);
	ck_assert_msg(any_error(&r, "META-INF/container.xml is missing"), "%s", r.errors[0]);
	result_free(&r);
	free(p);

	/* input that does not exist: fatal at open */
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s/nope.epub'", th_tmp);
	read_all(o.data, &r);
	ck_assert(r.fatal);
	ck_assert_msg(any_error(&r, "does not exist"), "%s", r.errors[0]);
	result_free(&r);
	galley_buf_free(&o);
}
END_TEST

START_TEST(test_deep_nesting)
{
	galley_buf c = {0};
	galley_buf_puts(&c, "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Deep</title></head><body>");
	for (int i = 0; i < 5000; i++)
		galley_buf_puts(&c, "<div>");
	galley_buf_puts(&c, "deep text");
	for (int i = 0; i < 5000; i++)
		galley_buf_puts(&c, "</div>");
	galley_buf_puts(&c, "</body></html>");
	char *book = one_chapter_book("deep.epub", c.data, c.len);
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", book);
	result r;
	read_all(o.data, &r);
	ck_assert_uint_ge(r.n, 1); /* at least the fine chapter; no crash */
	result_free(&r);
	galley_buf_free(&o);
	galley_buf_free(&c);
	free(book);
}
END_TEST

/* Our own books: titles, text and metadata come back (more in test_write_epub). */
START_TEST(test_own_book_directory)
{
	galley_article *a = th_article_html("<p>One paragraph.</p><p>Two <q data-speaker=\"Ann\">quoted</q>.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Own title");
	galley_article_set(a, GALLEY_FIELD_URL, "https://example.org/own");
	galley_article_set(a, GALLEY_FIELD_DATE, "2023-01-02");
	galley_article_set(a, GALLEY_FIELD_SITE, "Example Org");
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "Ann Author");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s/books/sub/own.epub'", th_tmp);
	galley_stage *w = th_stage("write-epub", o.data);
	galley_error err = {0};
	ck_assert_int_eq(galley_stage_feed(w, a, &err), GALLEY_OK);
	ck_assert_int_eq(galley_stage_finish(w, &err), GALLEY_OK);
	galley_stage_free(w);
	/* a directory input finds it recursively */
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s/books'", th_tmp);
	result r;
	read_all(o.data, &r);
	ck_assert_uint_eq(r.n, 1);
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_TITLE), "Own title");
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_URL), "https://example.org/own");
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_DATE), "2023-01-02");
	th_str_eq(galley_article_get(r.a[0], GALLEY_FIELD_SITE), "Example Org");
	th_str_eq(galley_article_list_at(r.a[0], GALLEY_LIST_AUTHORS, 0), "Ann Author");
	th_text_eq(r.a[0], "One paragraph.\n\nTwo quoted.");
	result_free(&r);
	galley_article_free(a);
	galley_buf_free(&o);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("read-epub");
	TCase *tc = tcase_create("books");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, test_pandoc_book);
	tcase_add_test(tc, test_calibre_like_book);
	tcase_add_test(tc, test_entity_attacks);
	tcase_add_test(tc, test_broken_books);
	tcase_add_test(tc, test_book_shapes);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_own_book_directory);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return th_run(suite()); }
