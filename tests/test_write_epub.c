/* write-epub: books that pass epubcheck with no errors and no warnings (samples, empty
 * metadata, 1,000 articles grouped by source, hostile text, split, css/cover), byte-identical
 * output across runs and time zones, a clean OCF zip, streaming, pandoc reading the book
 * back paragraph by paragraph, and read-epub giving back titles, text and metadata.
 *
 * Every .epub written goes to one directory; the last test runs epubcheck over all of them
 * (two at a time: the JVM start dominates).  epubcheck and pandoc are required (see
 * build-aux/debian-packages.txt); GALLEY_TEST_NO_EPUBCHECK=1 skips those checks explicitly. */
#include "harness.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <libxml/HTMLparser.h>
#include <time.h>
#include <unistd.h>

#define EPUBCHECK_JAR "/usr/share/java/epubcheck.jar"

static char *books; /* every book written, checked at the end */

/* a 1x1 PNG and a 1x1 GIF */
static const unsigned char pngdata[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
	0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
static const unsigned char gifdata[] = {
	0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};

/* a 1x1 grey baseline JPEG (one-symbol Huffman tables) */
static const unsigned char jpgdata[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
	0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
	0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01,
	0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc4, 0x00, 0x14,
	0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x3f, 0xff, 0xd9};

static char *bpath(const char *name)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/%s", books, name);
	return galley_buf_steal(&b);
}

static bool tools_skipped(void)
{
	const char *e = getenv("GALLEY_TEST_NO_EPUBCHECK");
	return e && *e && strcmp(e, "0");
}

/* ---- articles -------------------------------------------------------------------------------- */
static galley_article *sample_article(size_t i, const char *site)
{
	char html[2048];
	snprintf(html, sizeof html,
	         "<h2>Part %zu</h2><p>Paragraph one of article %zu, about the harbour.</p>"
	         "<p>Paragraph two of article %zu: the minister spoke.</p>"
	         "<blockquote data-speaker=\"Maria Lopez\"><p>We will rebuild it within a year, said the mayor.</p></blockquote>"
	         "<p>He added <q data-speaker=\"Maria Lopez\">nothing is lost</q> and left.</p>"
	         "<p>Asked again: \"<q data-speaker=\"Ana Costa\">we stay here</q>,\" she said.</p>"
	         "<ul><li>first point %zu</li><li>second point</li></ul>"
	         "<p>Last paragraph of article %zu.</p>",
	         i, i, i, i, i);
	galley_article *a = th_article_html(html);
	char buf[256];
	snprintf(buf, sizeof buf, "id-%04zu", i);
	galley_article_set(a, GALLEY_FIELD_ID, buf);
	snprintf(buf, sizeof buf, "https://news.example.com/%s/story-%zu.html", site, i);
	galley_article_set(a, GALLEY_FIELD_URL, buf);
	snprintf(buf, sizeof buf, "Harbour story number %zu", i);
	galley_article_set(a, GALLEY_FIELD_TITLE, buf);
	snprintf(buf, sizeof buf, "2024-03-%02zuT10:00:00+01:00", 1 + i % 28);
	galley_article_set(a, GALLEY_FIELD_DATE, buf);
	galley_article_set(a, GALLEY_FIELD_SITE, site);
	galley_article_set(a, GALLEY_FIELD_LANGUAGE, "en");
	galley_article_set(a, GALLEY_FIELD_DESCRIPTION, "A story about a harbour.");
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, "Jane Doe");
	if (i % 2) {
		galley_article_list_add(a, GALLEY_LIST_AUTHORS, "John Roe");
		galley_article_set(a, GALLEY_FIELD_BYLINE, "Jane Doe and John Roe");
		galley_article_set(a, GALLEY_FIELD_DEK, "Why the harbour closes, in brief.");
	}
	galley_article_list_add(a, GALLEY_LIST_TAGS, i % 3 ? "politics" : "harbour");
	galley_source s = {.name = "Reuters", .kind = "credit", .evidence = "(Reuters)"};
	galley_article_add_source(a, &s);
	galley_source c = {.name = "BBC", .kind = "cited", .evidence = "told the BBC"};
	galley_article_add_source(a, &c);
	return a;
}

/* Write articles[0..n) with options; returns the finish() status and the error. */
static int write_book(const char *options, galley_article **arts, size_t n, galley_error *err)
{
	galley_stage *s = th_stage("write-epub", options);
	int rc = GALLEY_OK;
	for (size_t i = 0; i < n && rc == GALLEY_OK; i++)
		rc = galley_stage_feed(s, arts[i], err);
	if (rc == GALLEY_OK)
		rc = galley_stage_finish(s, err);
	galley_stage_free(s);
	return rc;
}

static void write_ok(const char *options, galley_article **arts, size_t n)
{
	galley_error err = {0};
	int rc = write_book(options, arts, n, &err);
	ck_assert_msg(rc == GALLEY_OK, "write-epub %s: %s", options, err.message);
}

static void free_all(galley_article **arts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		galley_article_free(arts[i]);
}

/* ---- zip access ------------------------------------------------------------------------------ */
/* The member `name` of a zip (owned, NUL-terminated) or NULL; *count gets the member count. */
static char *zip_member(const char *zip, const char *name, size_t *len, size_t *count)
{
	struct archive *a = archive_read_new();
	archive_read_support_format_zip(a);
	ck_assert_msg(archive_read_open_filename(a, zip, 65536) == ARCHIVE_OK, "open %s", zip);
	struct archive_entry *e;
	char *out = NULL;
	size_t n = 0;
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		n++;
		if (name && !out && !strcmp(archive_entry_pathname(e), name)) {
			galley_buf b = {0};
			char buf[8192];
			la_ssize_t got;
			while ((got = archive_read_data(a, buf, sizeof buf)) > 0)
				galley_buf_append(&b, buf, (size_t)got);
			if (len)
				*len = b.len;
			out = galley_buf_steal(&b);
		}
	}
	archive_read_free(a);
	if (count)
		*count = n;
	return out;
}

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* OCF: mimetype first, stored, no extra field; no data descriptors, no extra fields, fixed
 * DOS times everywhere; the central directory agrees with the local headers. */
static void check_container(const char *path)
{
	size_t len;
	unsigned char *d = (unsigned char *)th_read_file(path, &len);
	ck_assert_msg(d && len > 100, "%s missing", path);
	ck_assert(rd32(d) == 0x04034b50u);
	ck_assert_uint_eq(rd16(d + 8), 0);  /* stored */
	ck_assert_uint_eq(rd16(d + 26), 8); /* "mimetype" */
	ck_assert_uint_eq(rd16(d + 28), 0); /* no extra field: PKG-005 */
	ck_assert(!memcmp(d + 30, "mimetypeapplication/epub+zip", 28));
	/* end record -> central directory */
	size_t eocd = len - 22;
	ck_assert_msg(rd32(d + eocd) == 0x06054b50u, "end record not at the end (comment or Zip64?)");
	size_t n = rd16(d + eocd + 10), cd = rd32(d + eocd + 16);
	ck_assert(cd + rd32(d + eocd + 12) == eocd);
	for (size_t i = 0; i < n; i++) {
		ck_assert(rd32(d + cd) == 0x02014b50u);
		size_t off = rd32(d + cd + 42), nlen = rd16(d + cd + 28);
		ck_assert_uint_eq(rd16(d + cd + 30), 0);
		ck_assert_uint_eq(rd16(d + cd + 8) & 0x8, 0);
		ck_assert_uint_eq(rd16(d + cd + 12), 0);
		ck_assert_uint_eq(rd16(d + cd + 14), 0x21);
		/* local header at off: same name, no extra, sizes filled in */
		ck_assert(rd32(d + off) == 0x04034b50u);
		ck_assert_uint_eq(rd16(d + off + 28), 0);
		ck_assert_uint_eq(rd16(d + off + 6) & 0x8, 0);
		ck_assert_uint_eq(rd32(d + off + 14), rd32(d + cd + 16));
		ck_assert_uint_eq(rd32(d + off + 18), rd32(d + cd + 20));
		ck_assert(!memcmp(d + off + 30, d + cd + 46, nlen));
		if (i == 0)
			ck_assert_uint_eq(off, 0);
		cd += 46 + nlen + rd16(d + cd + 30) + rd16(d + cd + 32);
	}
	free(d);
}

static bool contains(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

/* ---- tests ----------------------------------------------------------------------------------- */
START_TEST(test_samples)
{
	galley_article *arts[3];
	for (size_t i = 0; i < 3; i++)
		arts[i] = sample_article(i, i == 1 ? "Al Arabiya" : "Example News");
	char *out = bpath("samples.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s' title='Harbour news' creator='The Desk' publisher='galley tests' "
	                      "date=2024-03-31 language=en",
	                  out);
	write_ok(o.data, arts, 3);
	check_container(out);
	size_t n;
	char *opf = zip_member(out, "EPUB/package.opf", NULL, &n);
	ck_assert_msg(opf, "no package.opf");
	ck_assert(contains(opf, "<dc:title>Harbour news</dc:title>"));
	ck_assert(contains(opf, "<dc:creator id=\"creator\">The Desk</dc:creator>"));
	ck_assert(contains(opf, "<dc:language>en</dc:language>"));
	ck_assert(contains(opf, "<dc:date>2024-03-31</dc:date>"));
	ck_assert(contains(opf, "urn:uuid:"));
	ck_assert(contains(opf, "<dc:source id=\"src-a0002\">https://news.example.com/Al Arabiya/story-1.html</dc:source>") ||
	          contains(opf, "src-a0002"));
	ck_assert(contains(opf, "property=\"dcterms:creator\">Jane Doe</meta>"));
	ck_assert(contains(opf, "property=\"dcterms:source\">Reuters</meta>"));
	ck_assert(contains(opf, "property=\"dcterms:references\">BBC</meta>"));
	ck_assert(contains(opf, "<spine toc=\"ncx\">"));
	/* container, css, 3 chapters, title page, nav, ncx, opf + mimetype */
	ck_assert_uint_eq(n, 10);
	char *ch = zip_member(out, "EPUB/text/a0002.xhtml", NULL, NULL);
	ck_assert(ch);
	ck_assert(contains(ch, "<h1>Harbour story number 1</h1>"));
	ck_assert(contains(ch, "</h1><p class=\"dek\">Why the harbour closes, in brief.</p>")); /* under the title */
	ck_assert(contains(ch, "<p class=\"byline\">Jane Doe and John Roe</p>")); /* as the page printed it */
	ck_assert(contains(opf, "property=\"schema:creditText\">Jane Doe and John Roe</meta>"));
	ck_assert(contains(ch, "<time datetime=\"2024-03-02T10:00:00+01:00\">2024-03-02</time>"));
	ck_assert(contains(ch, "Source: <span>Reuters</span>, via <span>Al Arabiya</span>"));
	ck_assert(contains(ch, "news.example.com/Al%20Arabiya/story-1.html"));
	ck_assert(contains(ch, "<blockquote data-speaker=\"Maria Lopez\""));
	ck_assert(contains(ch, "<q data-speaker=\"Maria Lopez\" title=\"Maria Lopez\">nothing is lost</q>"));
	ck_assert(contains(ch, "xml:lang=\"en\""));
	/* a quote inside the text's own quotation marks is not a <q> (readers would add more) */
	ck_assert(contains(ch, "\"<span data-speaker=\"Ana Costa\" title=\"Ana Costa\" class=\"quote\">we stay here</span>,\""));
	char *nav = zip_member(out, "EPUB/nav.xhtml", NULL, NULL);
	ck_assert(contains(nav, "Harbour story number 1 <span class=\"toc-byline\">\xe2\x80\x94 Jane Doe and John Roe</span>"));
	free(nav);
	free(ch);
	free(opf);
	galley_buf_free(&o);
	free(out);
	free_all(arts, 3);
}
END_TEST

/* The book's own words follow its language (data/write-epub/labels.tsv). */
START_TEST(test_labels_language)
{
	galley_article *arts[2] = {th_article_html("<p>Ein Absatz.</p>"), th_article_html("<p>Noch einer.</p>")};
	galley_article_set(arts[0], GALLEY_FIELD_LANGUAGE, "de-AT");
	galley_article_set(arts[0], GALLEY_FIELD_SITE, "Der Standard");
	galley_article_set(arts[1], GALLEY_FIELD_LANGUAGE, "de");
	galley_article_set(arts[1], GALLEY_FIELD_SITE, "Der Standard");
	char *out = bpath("german.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", out);
	write_ok(o.data, arts, 2);
	char *opf = zip_member(out, "EPUB/package.opf", NULL, NULL);
	ck_assert(contains(opf, "<dc:title>Der Standard: 2 Artikel</dc:title>"));
	ck_assert(contains(opf, "<dc:language>de-AT</dc:language>"));
	ck_assert(!contains(opf, "dcterms:title"));
	char *nav = zip_member(out, "EPUB/nav.xhtml", NULL, NULL);
	ck_assert(contains(nav, "<h1>Inhalt</h1>"));
	ck_assert(contains(nav, ">Ohne Titel <span"));
	char *ch = zip_member(out, "EPUB/text/a0001.xhtml", NULL, NULL);
	ck_assert(contains(ch, "<h1>Ohne Titel</h1>"));
	ck_assert(contains(ch, "Quelle: <span>Der Standard</span>"));
	free(ch);
	free(nav);
	free(opf);
	galley_buf_free(&o);
	free(out);
	free_all(arts, 2);
}
END_TEST

START_TEST(test_empty_metadata)
{
	galley_article *arts[2] = {th_article_html("<p>Only a body.</p>"), th_article_html("")};
	char *out = bpath("empty-metadata.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", out);
	write_ok(o.data, arts, 2);
	check_container(out);
	char *opf = zip_member(out, "EPUB/package.opf", NULL, NULL);
	ck_assert(contains(opf, "<dc:title>2 articles</dc:title>"));
	ck_assert(contains(opf, "<dc:language>und</dc:language>"));
	ck_assert(contains(opf, "<meta property=\"dcterms:modified\">1980-01-01T00:00:00Z</meta>"));
	char *ch = zip_member(out, "EPUB/text/a0001.xhtml", NULL, NULL);
	ck_assert(contains(ch, "<h1>Untitled</h1>"));
	ck_assert(contains(ch, "<p>Only a body.</p>"));
	free(ch);
	free(opf);
	galley_buf_free(&o);
	free(out);
	free_all(arts, 2);
}
END_TEST

static const char *const sites[] = {"Example News", "Al Arabiya", "Reuters Wire", "The Daily", "Le Monde", NULL};

START_TEST(test_thousand_grouped)
{
	enum { N = 1000 };
	galley_article **arts = galley_calloc(N, sizeof *arts);
	for (size_t i = 0; i < N; i++) {
		arts[i] = sample_article(i, sites[i % 5]);
		galley_article_clear_sources(arts[i]); /* group by site */
	}
	char *out = bpath("thousand.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s' group_by=source title='A thousand'", out);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	write_ok(o.data, arts, N);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("write-epub: %d articles in %.3f s\n", N,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	check_container(out);
	size_t count;
	char *nav = zip_member(out, "EPUB/nav.xhtml", NULL, &count);
	ck_assert_uint_eq(count, N + 7);
	/* five groups, each a span followed by its list; the first group holds articles 1, 6, ... */
	for (size_t g = 0; sites[g]; g++) {
		galley_buf s = {0};
		galley_buf_printf(&s, "<li><span>%s</span><ol>", sites[g]);
		ck_assert_msg(contains(nav, s.data), "group %s missing", sites[g]);
		galley_buf_free(&s);
	}
	ck_assert(contains(nav, "<li><span>Example News</span><ol><li><a href=\"text/a0001.xhtml\">"));
	ck_assert(contains(nav, "</li><li><a href=\"text/a0006.xhtml\">"));
	char *opf = zip_member(out, "EPUB/package.opf", NULL, NULL);
	/* the spine follows the groups */
	ck_assert(contains(opf, "<itemref idref=\"a0001\"/><itemref idref=\"a0006\"/>"));
	char *ncx = zip_member(out, "EPUB/toc.ncx", NULL, NULL);
	ck_assert(contains(ncx, "<meta name=\"dtb:depth\" content=\"2\"/>"));
	free(ncx);
	free(opf);
	free(nav);
	galley_buf_free(&o);
	free(out);
	free_all(arts, N);
	free(arts);
}
END_TEST

/* A book whose package document compresses to more than 256 KiB (metadata that does not
 * compress): the streamed documents and the zip filter's temporary file give a sound container
 * with every article in the contents, the ncx and the package. */
START_TEST(test_large_package)
{
	enum { N = 4000 };
	galley_article **arts = galley_calloc(N, sizeof *arts);
	for (size_t i = 0; i < N; i++) {
		arts[i] = th_article_html("<p>Short.</p>");
		char buf[512];
		uint64_t h = galley_hash64(&i, sizeof i, 7);
		snprintf(buf, sizeof buf, "https://example.org/%016llx/%zu", (unsigned long long)h, i);
		galley_article_set(arts[i], GALLEY_FIELD_URL, buf);
		snprintf(buf, sizeof buf, "Story %zu %08llx", i, (unsigned long long)(h >> 32));
		galley_article_set(arts[i], GALLEY_FIELD_TITLE, buf);
		size_t k = 0;
		for (int j = 0; j < 6; j++) {
			h = galley_hash64(&h, sizeof h, (uint64_t)j);
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%016llx ", (unsigned long long)h);
		}
		galley_article_set(arts[i], GALLEY_FIELD_DESCRIPTION, buf);
		galley_article_list_add(arts[i], GALLEY_LIST_AUTHORS, i % 2 ? "Jane Doe" : "John Roe");
	}
	char *dir = th_tmpdir();
	galley_buf out = {0};
	galley_buf_printf(&out, "%s/large.epub", dir);
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", out.data);
	write_ok(o.data, arts, N);
	check_container(out.data);
	size_t len, count;
	char *opf = zip_member(out.data, "EPUB/package.opf", &len, &count);
	ck_assert_uint_eq(count, N + 7);
	ck_assert_msg(opf && len > 1000000, "package.opf is %zu bytes", len);
	ck_assert(contains(opf, "<dc:source id=\"src-a0001\">https://example.org/"));
	ck_assert(contains(opf, "<meta refines=\"#src-a4000\" property=\"dcterms:creator\">Jane Doe</meta>"));
	ck_assert(contains(opf, "<itemref idref=\"a3999\"/><itemref idref=\"a4000\"/></spine></package>\n"));
	char *nav = zip_member(out.data, "EPUB/nav.xhtml", NULL, NULL);
	ck_assert(contains(nav, "<li><a href=\"text/a4000.xhtml\">Story 3999 "));
	ck_assert(contains(nav, "</ol></nav></body></html>\n"));
	char *ncx = zip_member(out.data, "EPUB/toc.ncx", NULL, NULL);
	ck_assert(contains(ncx, "<navPoint id=\"np-4000\" playOrder=\"4000\">"));
	ck_assert(contains(ncx, "</navPoint></navMap></ncx>\n"));
	/* the package entry really went past the filter's 256 KiB */
	size_t zlen;
	unsigned char *d = (unsigned char *)th_read_file(out.data, &zlen);
	size_t eocd = zlen - 22, cd = rd32(d + eocd + 16);
	size_t csize = 0;
	for (size_t i = 0; i < N + 7; i++) {
		size_t nlen = rd16(d + cd + 28);
		if (nlen == 16 && !memcmp(d + cd + 46, "EPUB/package.opf", 16))
			csize = rd32(d + cd + 20);
		cd += 46 + nlen + rd16(d + cd + 30) + rd16(d + cd + 32);
	}
	ck_assert_msg(csize > 300000, "package.opf compressed to %zu bytes only", csize);
	free(d);
	free(ncx);
	free(nav);
	free(opf);
	galley_buf_free(&o);
	galley_buf_free(&out);
	free(dir);
	free_all(arts, N);
	free(arts);
}
END_TEST

/* Temporary files go to TMPDIR: when it cannot be written the run fails and says so. */
START_TEST(test_tmpdir_unwritable)
{
	galley_article *arts[1] = {sample_article(1, "Example News")};
	char *dir = th_tmpdir();
	galley_buf out = {0}, o = {0};
	galley_buf_printf(&out, "%s/notmp.epub", dir);
	galley_buf_printf(&o, "output='%s'", out.data);
	setenv("TMPDIR", "/nonexistent/galley-no-such-dir", 1);
	galley_error err = {0};
	int rc = write_book(o.data, arts, 1, &err);
	unsetenv("TMPDIR");
	ck_assert_int_ne(rc, GALLEY_OK);
	ck_assert_msg(contains(err.message, "TMPDIR"), "%s", err.message);
	ck_assert(access(out.data, F_OK) != 0);
	galley_buf_free(&o);
	galley_buf_free(&out);
	free(dir);
	free_all(arts, 1);
}
END_TEST

START_TEST(test_hostile_text)
{
	galley_article *arts[2];
	arts[0] = th_article_html(
		"<p onclick=\"evil()\" id=\"x\">ctl:\x01\x02\x1b\x7f end &nbsp;nbsp&nbsp; <script>alert('x')</script>"
		"bad:\xff\xfe\xc3 utf</p>"
		"<p id=\"x\"><a href=\"javascript:alert(1)\">js link</a> <a href=\"JaVaScRiPt:x\">js2</a> "
		"<a href=\"data:text/html,hi\">data</a> <a href=\"/relative/path\">rel</a> <a href=\"#frag\">frag</a> "
		"<a href=\"http://www.derdiplomatst%C3%A9phane.de\">pct host</a> <a href=\"https://m\xc3\xbcnchen.example/\">idn</a> "
		"<a href=\"mailto:\">empty mail</a> <a href=\"mailto:desk@example.org\">mail</a> <a href=\"http://-\">dash</a> "
		"<a href=\"http://www.a..de/\">double dot</a> <a href=\"http://www.323design\">digit tld</a> "
		"<a href=\"https://ok.example/a b?x=<y>\">spaces</a> <a href=\"https://e.example/\"><a href=\"https://f.example/\">nested</a></a></p>"
		"<img src=\"https://tracker.example/p.gif\" alt=\"A remote picture\">"
		"<figure><img src=\"http://cdn.example/i.jpg\" alt=\"dup\"><figcaption>The caption</figcaption></figure>"
		"<iframe src=\"https://evil.example/\"></iframe><style>p{}</style><object data=\"x\"></object>"
		"<p lang=\"not a tag!\">bad lang</p><p><time datetime=\"yesterday\">yesterday</time></p>"
		"<dl><dd>orphan dd</dd></dl><ul>loose text<li>item</li></ul>"
		"<table><tr><td colspan=\"-3\">cell</td><td rowspan=\"abc\">c2</td></tr>stray</table>"
		"<p>block <div>in</div> para</p><svg><text>svg text</text></svg>"
		"<p>\xef\xbf\xbe noncharacter</p>");
	galley_article_set(arts[0], GALLEY_FIELD_TITLE, "Title with \x01control and <script>x</script> & \xff");
	galley_article_set(arts[0], GALLEY_FIELD_URL, "javascript:alert(1)");
	galley_article_set(arts[0], GALLEY_FIELD_LANGUAGE, "xx_bad lang");
	galley_article_set(arts[0], GALLEY_FIELD_DATE, "last tuesday");
	galley_article_list_add(arts[0], GALLEY_LIST_AUTHORS, "Eve \x02<b>Evil</b>");
	galley_article_list_add(arts[0], GALLEY_LIST_TAGS, "");
	arts[1] = th_article_html("<p>Second &amp; fine.</p>");
	galley_article_set(arts[1], GALLEY_FIELD_URL, "https://ok.example/path with space");
	galley_article_set(arts[1], GALLEY_FIELD_TITLE, "   ");
	galley_article_set(arts[1], GALLEY_FIELD_LANGUAGE, "pt_BR");

	/* also: a body built directly, with nodes the HTML parser would never produce */
	xmlDocPtr doc = galley_body_new();
	xmlNodePtr root = galley_body_root(doc);
	xmlNodePtr p = xmlNewChild(root, NULL, BAD_CAST "p", BAD_CAST "raw ");
	xmlNodePtr ul = xmlNewChild(p, NULL, BAD_CAST "ul", NULL);
	xmlNewChild(ul, NULL, BAD_CAST "li", BAD_CAST "list inside a paragraph");
	xmlNewChild(root, NULL, BAD_CAST "li", BAD_CAST "stray item");
	xmlNewChild(root, NULL, BAD_CAST "td", BAD_CAST "stray cell");
	xmlNodePtr q = xmlNewChild(root, NULL, BAD_CAST "q", BAD_CAST "loose quote");
	xmlSetProp(q, BAD_CAST "cite", BAD_CAST "Not A URL");
	xmlSetProp(q, BAD_CAST "data-speaker", BAD_CAST "Bob \x01 Smith");
	galley_article_set_body(arts[1], doc);

	char *out = bpath("hostile.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", out);
	write_ok(o.data, arts, 2);
	check_container(out);
	for (int i = 1; i <= 2; i++) {
		char name[64];
		snprintf(name, sizeof name, "EPUB/text/a%04d.xhtml", i);
		size_t len;
		char *ch = zip_member(out, name, &len, NULL);
		ck_assert(ch);
		ck_assert_msg(galley_utf8_valid(ch, len), "chapter %d is not valid UTF-8", i);
		for (size_t k = 0; k < len; k++) {
			unsigned char c = (unsigned char)ch[k];
			ck_assert_msg(c >= 0x20 || c == '\n' || c == '\t' || c == '\r', "control character %02x", c);
		}
		ck_assert(!contains(ch, "<script"));
		ck_assert(!contains(ch, "alert("));
		ck_assert(!contains(ch, "javascript:"));
		ck_assert(!contains(ch, "onclick"));
		ck_assert(!contains(ch, "evil"));
		ck_assert(!contains(ch, "<iframe"));
		ck_assert(!contains(ch, "<img"));
		ck_assert(!contains(ch, "tracker.example"));
		ck_assert(!contains(ch, "data:"));
		ck_assert(!contains(ch, " id=\""));
		ck_assert(!contains(ch, "\xef\xbf\xbe"));
		if (i == 1) {
			ck_assert(contains(ch, "A remote picture"));
			ck_assert(contains(ch, "The caption"));
			ck_assert(!contains(ch, "dup"));
			ck_assert(contains(ch, "&lt;script&gt;x&lt;/script&gt; &amp;"));
			ck_assert(contains(ch, "nbsp\xc2\xa0"));
			ck_assert(!contains(ch, "lang=\"xx_bad"));
			ck_assert(!contains(ch, "datetime=\"yesterday\""));
			ck_assert(!contains(ch, "<a href=\"https://e.example/\"><a"));
			ck_assert(!contains(ch, "derdiplomatst"));
			ck_assert(!contains(ch, "nchen.example"));
			ck_assert(contains(ch, "pct host"));
			ck_assert(contains(ch, "<a href=\"mailto:desk@example.org\">mail</a>"));
			ck_assert(!contains(ch, "\"mailto:\""));
			ck_assert(!contains(ch, "http://-"));
			ck_assert(!contains(ch, "www.a..de"));
			ck_assert(!contains(ch, "323design"));
		} else {
			ck_assert(contains(ch, "https://ok.example/path%20with%20space"));
			ck_assert(contains(ch, "data-speaker=\"Bob Smith\""));
			ck_assert(!contains(ch, "cite=\"Not A URL\""));
			ck_assert(contains(ch, "list inside a paragraph"));
			ck_assert(contains(ch, "xml:lang=\"pt-BR\""));
		}
		free(ch);
	}
	galley_buf_free(&o);
	free(out);
	free_all(arts, 2);
}
END_TEST

static char *write_to_tmp(const char *dir, const char *name, const char *extra, galley_article **arts, size_t n)
{
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/%s", dir, name);
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s' group_by=date %s", p.data, extra ? extra : "");
	write_ok(o.data, arts, n);
	galley_buf_free(&o);
	return galley_buf_steal(&p);
}

START_TEST(test_reproducible)
{
	galley_article *arts[20];
	for (size_t i = 0; i < 20; i++)
		arts[i] = sample_article(i, sites[i % 5]);
	char *dir = th_tmpdir();
	unsetenv("SOURCE_DATE_EPOCH");
	setenv("TZ", "UTC", 1);
	tzset();
	char *a = write_to_tmp(dir, "a.epub", NULL, arts, 20);
	char *b = write_to_tmp(dir, "b.epub", NULL, arts, 20);
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	char *c = write_to_tmp(dir, "c.epub", NULL, arts, 20);
	setenv("TZ", "America/St_Johns", 1);
	tzset();
	char *d = write_to_tmp(dir, "d.epub", NULL, arts, 20);
	size_t la, lb, lc, ld;
	char *da = th_read_file(a, &la), *db = th_read_file(b, &lb), *dc = th_read_file(c, &lc),
	     *dd = th_read_file(d, &ld);
	ck_assert_msg(la == lb && !memcmp(da, db, la), "two runs differ");
	ck_assert_msg(la == lc && !memcmp(da, dc, la), "UTC and Asia/Tokyo differ");
	ck_assert_msg(la == ld && !memcmp(da, dd, la), "UTC and America/St_Johns differ");
	/* the default modification date is the newest article's, in UTC */
	char *opf = zip_member(a, "EPUB/package.opf", NULL, NULL);
	ck_assert(contains(opf, "<meta property=\"dcterms:modified\">2024-03-20T09:00:00Z</meta>"));
	free(opf);
	/* SOURCE_DATE_EPOCH wins, and changes only what it should */
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	char *e = write_to_tmp(dir, "e.epub", NULL, arts, 20);
	unsetenv("SOURCE_DATE_EPOCH");
	opf = zip_member(e, "EPUB/package.opf", NULL, NULL);
	ck_assert(contains(opf, "<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"));
	free(opf);
	/* the identifier follows the content */
	galley_article_set(arts[3], GALLEY_FIELD_TITLE, "A changed title");
	char *f = write_to_tmp(dir, "f.epub", NULL, arts, 20);
	char *o1 = zip_member(a, "EPUB/package.opf", NULL, NULL), *o2 = zip_member(f, "EPUB/package.opf", NULL, NULL);
	char *u1 = strstr(o1, "urn:uuid:"), *u2 = strstr(o2, "urn:uuid:");
	ck_assert(u1 && u2 && memcmp(u1, u2, 45) != 0);
	/* a copy of the TZ book goes to the epubcheck batch */
	char *copy = bpath("tokyo.epub");
	th_write_file(copy, dc, lc);
	free(copy);
	setenv("TZ", "UTC", 1);
	tzset();
	free(o1);
	free(o2);
	free(da);
	free(db);
	free(dc);
	free(dd);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	free(f);
	th_rmrf(dir);
	free(dir);
	free_all(arts, 20);
}
END_TEST

START_TEST(test_empty_collection)
{
	char *dir = th_tmpdir();
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/none.epub", dir);
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", p.data);
	galley_error err = {0};
	int rc = write_book(o.data, NULL, 0, &err);
	ck_assert_int_eq(rc, GALLEY_ERR_FATAL);
	ck_assert_msg(contains(err.message, "no articles reached write-epub"), "message: %s", err.message);
	struct stat sb;
	ck_assert_msg(stat(p.data, &sb) != 0, "a book was written for an empty collection");
	DIR *d = opendir(dir);
	struct dirent *de;
	int files = 0;
	while ((de = readdir(d)))
		files += de->d_name[0] != '.';
	closedir(d);
	ck_assert_int_eq(files, 0);
	galley_buf_free(&o);
	galley_buf_free(&p);
	th_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_split)
{
	galley_article *arts[5];
	for (size_t i = 0; i < 5; i++)
		arts[i] = sample_article(i, "Example News");
	char *out = bpath("split.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s' split=2 identifier=urn:isbn:9780000000000", out);
	write_ok(o.data, arts, 5);
	struct stat sb;
	ck_assert(stat(out, &sb) != 0);
	for (int k = 1; k <= 3; k++) {
		char *name = galley_strdup(out);
		name[strlen(name) - 5] = 0;
		galley_buf p = {0};
		galley_buf_printf(&p, "%s-%03d.epub", name, k);
		check_container(p.data);
		size_t count;
		char *opf = zip_member(p.data, "EPUB/package.opf", NULL, &count);
		ck_assert_uint_eq(count, (k < 3 ? 2 : 1) + 7);
		char want[64];
		snprintf(want, sizeof want, "urn:isbn:9780000000000-%03d", k);
		ck_assert(contains(opf, want));
		snprintf(want, sizeof want, ", part %d</dc:title>", k);
		ck_assert(contains(opf, want));
		free(opf);
		galley_buf_free(&p);
		free(name);
	}
	galley_buf_free(&o);
	free(out);
	free_all(arts, 5);
}
END_TEST

START_TEST(test_css_and_cover)
{
	char *dir = th_tmpdir();
	galley_buf css = {0}, png = {0}, bad = {0}, badcss = {0};
	galley_buf_printf(&css, "%s/my.css", dir);
	galley_buf_printf(&png, "%s/cover.png", dir);
	galley_buf_printf(&bad, "%s/cover.webp", dir);
	galley_buf_printf(&badcss, "%s/remote.css", dir);
	const char *style = "body { font-family: serif; }\n";
	th_write_file(css.data, style, strlen(style));
	th_write_file(badcss.data, "@import url(https://x.example/a.css);", 37);
	th_write_file(png.data, pngdata, sizeof pngdata);
	th_write_file(bad.data, "RIFF0000WEBPVP8 ", 16);
	galley_article *arts[1] = {sample_article(1, "Example News")};
	char *out = bpath("cover.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s' css='%s' cover='%s'", out, css.data, png.data);
	write_ok(o.data, arts, 1);
	check_container(out);
	char *got = zip_member(out, "EPUB/style.css", NULL, NULL);
	th_str_eq(got, style);
	free(got);
	char *opf = zip_member(out, "EPUB/package.opf", NULL, NULL);
	ck_assert(contains(opf, "href=\"cover.png\" media-type=\"image/png\" properties=\"cover-image\""));
	ck_assert(contains(opf, "<itemref idref=\"cover\"/><itemref idref=\"titlepage\"/>"));
	free(opf);

	galley_error err = {0};
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s/x.epub' cover='%s'", dir, bad.data);
	galley_stage *s = galley_stage_new(th_registry(), "write-epub", o.data, &err);
	ck_assert(s);
	ck_assert_int_eq(galley_stage_open(s, &err), GALLEY_ERR_FATAL);
	ck_assert_msg(contains(err.message, "not a JPEG, PNG or GIF"), "%s", err.message);
	galley_stage_free(s);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s/x.epub' css='%s'", dir, badcss.data);
	s = galley_stage_new(th_registry(), "write-epub", o.data, &err);
	ck_assert_int_eq(galley_stage_open(s, &err), GALLEY_ERR_FATAL);
	ck_assert_msg(contains(err.message, "self-contained"), "%s", err.message);
	galley_stage_free(s);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s/x.epub' language='english please'", dir);
	s = galley_stage_new(th_registry(), "write-epub", o.data, &err);
	ck_assert_int_eq(galley_stage_open(s, &err), GALLEY_ERR_FATAL);
	ck_assert_msg(contains(err.message, "BCP 47"), "%s", err.message);
	galley_stage_free(s);

	galley_buf_free(&o);
	galley_buf_free(&css);
	galley_buf_free(&png);
	galley_buf_free(&bad);
	galley_buf_free(&badcss);
	free(out);
	free_all(arts, 1);
	th_rmrf(dir);
	free(dir);
}
END_TEST

/* Images saved beside a page are embedded; nothing outside the page's directory is read. */
START_TEST(test_local_images)
{
	char *dir = th_tmpdir();
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/site", dir);
	ck_assert(mkdir(p.data, 0755) == 0);
	galley_buf_printf(&p, "/page_files");
	ck_assert(mkdir(p.data, 0755) == 0);
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/site/page_files/pic one.png", dir);
	th_write_file(p.data, pngdata, sizeof pngdata);
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/site/dot.gif", dir);
	th_write_file(p.data, gifdata, sizeof gifdata);
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/site/fake.png", dir);
	th_write_file(p.data, "\x89PNG\r\n\x1a\n but no more", 21);
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/secret.png", dir);
	th_write_file(p.data, pngdata, sizeof pngdata);
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/site/link.png", dir);
	galley_buf q = {0};
	galley_buf_printf(&q, "%s/secret.png", dir);
	ck_assert(symlink(q.data, p.data) == 0);
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/site/page.html", dir);
	th_write_file(p.data, "<p>x</p>", 8);

	galley_article *a = th_article_html(
		"<p>Before <img src=\"page_files/pic%20one.png?v=2\" alt=\"The pier\"> after.</p>"
		"<figure><img src=\"dot.gif\"><figcaption>A dot</figcaption></figure>"
		"<p><img src=\"page_files/pic%20one.png\" alt=\"again\"></p>"
		"<p><img src=\"../secret.png\" alt=\"up\"><img src=\"link.png\" alt=\"symlink\">"
		"<img src=\"fake.png\" alt=\"fake\"><img src=\"/etc/passwd\" alt=\"abs\">"
		"<img src=\"https://cdn.example/r.png\" alt=\"remote\"><img src=\"missing.png\" alt=\"missing\"></p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Pictures");
	galley_article_set_location(a, p.data, NULL, -1, 0);
	galley_article *b = th_article_html("<p><img src=\"dot.gif\" alt=\"no location\"></p>");
	galley_article *arts[2] = {a, b};
	char *out = bpath("images.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", out);
	write_ok(o.data, arts, 2);
	check_container(out);
	size_t n;
	char *opf = zip_member(out, "EPUB/package.opf", NULL, &n);
	ck_assert_uint_eq(n, 9 + 2); /* the two images, each once */
	ck_assert(contains(opf, "media-type=\"image/png\""));
	ck_assert(contains(opf, "media-type=\"image/gif\""));
	char *ch = zip_member(out, "EPUB/text/a0001.xhtml", NULL, NULL);
	ck_assert(contains(ch, "<img src=\"../images/"));
	ck_assert(contains(ch, "alt=\"The pier\""));
	ck_assert(contains(ch, "<figcaption>A dot</figcaption>"));
	for (const char *const *alt = (const char *const[]){"up", "symlink", "fake", "abs", "remote", "missing", NULL};
	     *alt; alt++) {
		galley_buf w = {0};
		galley_buf_printf(&w, "<span class=\"img-alt\">%s</span>", *alt);
		ck_assert_msg(contains(ch, w.data), "%s should be alt text", *alt);
		galley_buf_free(&w);
	}
	char *ch2 = zip_member(out, "EPUB/text/a0002.xhtml", NULL, NULL);
	ck_assert(contains(ch2, "<span class=\"img-alt\">no location</span>"));
	/* images=alt: none embedded */
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s/alt.epub' images=alt", dir);
	write_ok(o.data, arts, 2);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "%s/alt.epub", dir);
	free(zip_member(o.data, NULL, NULL, &n));
	ck_assert_uint_eq(n, 9);
	free(ch2);
	free(ch);
	free(opf);
	free(out);
	galley_buf_free(&o);
	galley_buf_free(&p);
	galley_buf_free(&q);
	free_all(arts, 2);
	th_rmrf(dir);
	free(dir);
}
END_TEST

/* ---- images inside an input archive ------------------------------------------------------ */
/* reader (read-html unless named) over input, then write-epub with options; returns finish()'s
 * status.  With between, the function is called after the articles were written and before
 * finish(). */
static int to_book(const char *reader, const char *input, const char *options, void (*between)(void *),
                   void *ctx, galley_error *err)
{
	galley_buf o = {0};
	galley_buf_printf(&o, "input='%s'", input);
	galley_stage *r = th_stage(reader, o.data);
	galley_stage *w = th_stage("write-epub", options);
	int rc = GALLEY_OK;
	for (;;) {
		galley_article *a = NULL;
		galley_error rerr = {0};
		int got = galley_stage_read(r, &a, &rerr);
		if (got == GALLEY_END)
			break;
		ck_assert_msg(got == GALLEY_OK, "%s: %s", reader, rerr.message);
		if (rc == GALLEY_OK)
			rc = galley_stage_feed(w, a, err);
		galley_article_free(a);
	}
	if (between)
		between(ctx);
	if (rc == GALLEY_OK)
		rc = galley_stage_finish(w, err);
	galley_stage_free(w);
	galley_stage_free(r);
	galley_buf_free(&o);
	return rc;
}

static int html_to_book(const char *input, const char *options, void (*between)(void *), void *ctx,
                        galley_error *err)
{
	return to_book("read-html", input, options, between, ctx, err);
}

static const char arch_page[] =
	"<html><head><title>Inside the archive</title></head><body><article><h1>Inside the archive</h1>"
	"<p>Before the page: <img src=\"page_files/photo.png\" alt=\"photo\"></p>"
	"<p>After the page: <img src=\"page_files/pic.jpg\" alt=\"jpeg\"></p>"
	"<p>Shared: <img src=\"../shared/dot.gif\" alt=\"dot\"></p>"
	"<p><img src=\"page_files/missing.png\" alt=\"missing\"> <img src=\"../../../escape.png\" alt=\"escape\"> "
	"<img src=\"page_files/fake.jpg\" alt=\"fake\"> <img src=\"https://cdn.example.com/r.png\" alt=\"remote\"></p>"
	"</article></body></html>";
static const char arch_top[] =
	"<html><head><title>At the top</title></head><body><p>Up: <img src=\"../escape.png\" alt=\"escape-top\"> "
	"again: <img src=\"./site/a/page_files/photo.png\" alt=\"photo again\"></p></body></html>";

static void arch_members(th_member m[7])
{
	m[0] = (th_member){"./site/a/page_files/photo.png", pngdata, sizeof pngdata};
	m[1] = (th_member){"site/a/page.html", arch_page, strlen(arch_page)};
	m[2] = (th_member){"site/a/page_files/pic.jpg", jpgdata, sizeof jpgdata};
	static const char fake[] = "\xff\xd8\xff but not a JPEG";
	m[3] = (th_member){"site/a/page_files/fake.jpg", fake, sizeof fake - 1};
	m[4] = (th_member){"top.html", arch_top, strlen(arch_top)};
	m[5] = (th_member){"site/shared/dot.gif", gifdata, sizeof gifdata};
	m[6] = (th_member){"escape.png", pngdata, sizeof pngdata}; /* only as a file beside the archive */
}

static void change_photo(void *ctx)
{
	th_member m[7];
	arch_members(m);
	m[0].data = gifdata;
	m[0].len = sizeof gifdata;
	th_write_archive(ctx, TH_TAR_GZ, m, 6);
}

static void check_archive_book(const char *book)
{
	check_container(book);
	size_t n;
	char *opf = zip_member(book, "EPUB/package.opf", NULL, &n);
	ck_assert_uint_eq(n, 9 + 3); /* the PNG, the JPEG and the GIF, each once */
	ck_assert(contains(opf, "media-type=\"image/png\""));
	ck_assert(contains(opf, "media-type=\"image/jpeg\""));
	ck_assert(contains(opf, "media-type=\"image/gif\""));
	char *ch = zip_member(book, "EPUB/text/a0001.xhtml", NULL, NULL);
	ck_assert_msg(contains(ch, "alt=\"photo\"") && contains(ch, "alt=\"jpeg\"") && contains(ch, "alt=\"dot\""), "%s", ch);
	for (const char *const *alt = (const char *const[]){"missing", "escape", "fake", "remote", NULL}; *alt; alt++) {
		galley_buf w = {0};
		galley_buf_printf(&w, "<span class=\"img-alt\">%s</span>", *alt);
		ck_assert_msg(contains(ch, w.data), "%s should be alt text:\n%s", *alt, ch);
		galley_buf_free(&w);
	}
	char *ch2 = zip_member(book, "EPUB/text/a0002.xhtml", NULL, NULL);
	ck_assert(contains(ch2, "<span class=\"img-alt\">escape-top</span>"));
	ck_assert(contains(ch2, "alt=\"photo again\""));
	/* every href in the package names a member that is there, with the bytes it had */
	const char *p = opf;
	size_t imgs = 0;
	while ((p = strstr(p, "href=\"images/"))) {
		p += 6;
		size_t l = strcspn(p, "\"");
		galley_buf name = {0};
		galley_buf_printf(&name, "EPUB/%.*s", (int)l, p);
		size_t len = 0;
		char *data = zip_member(book, name.data, &len, NULL);
		ck_assert_msg(data, "%s missing", name.data);
		ck_assert((len == sizeof pngdata && !memcmp(data, pngdata, len)) ||
		          (len == sizeof jpgdata && !memcmp(data, jpgdata, len)) ||
		          (len == sizeof gifdata && !memcmp(data, gifdata, len)));
		imgs++;
		free(data);
		galley_buf_free(&name);
	}
	ck_assert_uint_eq(imgs, 3);
	free(ch2);
	free(ch);
	free(opf);
}

/* A zip whose members have names that are not ASCII beside a chapter with an image: the
 * image index read a NULL name (libarchive cannot convert such names in the C locale) and
 * crashed. */
START_TEST(test_archive_utf8_names)
{
	char *dir = th_tmpdir();
	static const char page[] = "<html><head><title>Über uns</title></head><body><article><h1>Über uns</h1>"
	                           "<p>Text before the photo of the team. <img src=\"bilder/foto.png\" alt=\"team\"></p>"
	                           "</article></body></html>";
	th_member m[] = {
		{"stylé.css", "p{}", 3},
		{"über-uns.html", page, sizeof page - 1},
		{"新闻/北京.html", page, sizeof page - 1},
		{"bilder/foto.png", pngdata, sizeof pngdata},
	};
	galley_buf zip = {0}, o = {0};
	galley_buf_printf(&zip, "%s/site.zip", dir);
	th_write_archive(zip.data, TH_ZIP, m, 4);
	char *book = bpath("archive-utf8.epub");
	galley_buf_printf(&o, "output='%s'", book);
	galley_error err = {0};
	int rc = html_to_book(zip.data, o.data, NULL, NULL, &err);
	ck_assert_msg(rc == GALLEY_OK, "%s", err.message);
	size_t n;
	char *opf = zip_member(book, "EPUB/package.opf", NULL, &n);
	ck_assert(contains(opf, "media-type=\"image/png\""));
	char *ch = zip_member(book, "EPUB/text/a0001.xhtml", NULL, NULL);
	ck_assert_msg(contains(ch, "alt=\"team\"") && !contains(ch, "img-alt"), "%s", ch);
	char *ch2 = zip_member(book, "EPUB/text/a0002.xhtml", NULL, NULL);
	ck_assert_msg(contains(ch2, "img-alt"), "the CJK chapter's relative image is not there: %s", ch2);
	free(ch2);
	free(ch);
	free(opf);
	free(book);
	galley_buf_free(&zip);
	galley_buf_free(&o);
	th_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(test_archive_images)
{
	char *dir = th_tmpdir();
	th_member m[7];
	arch_members(m);
	galley_buf tgz = {0}, p = {0}, o = {0};
	galley_buf_printf(&tgz, "%s/site.tar.gz", dir);
	th_write_archive(tgz.data, TH_TAR_GZ, m, 6);
	galley_buf_printf(&p, "%s/escape.png", dir);
	th_write_file(p.data, pngdata, sizeof pngdata);
	galley_error err = {0};

	char *book = bpath("archive-images.epub");
	galley_buf_printf(&o, "output='%s'", book);
	int rc = html_to_book(tgz.data, o.data, NULL, NULL, &err);
	ck_assert_msg(rc == GALLEY_OK, "%s", err.message);
	check_archive_book(book);
	/* the same input gives the same bytes */
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/again.epub", dir);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s'", p.data);
	ck_assert_int_eq(html_to_book(tgz.data, o.data, NULL, NULL, &err), GALLEY_OK);
	size_t l1, l2;
	char *d1 = th_read_file(book, &l1), *d2 = th_read_file(p.data, &l2);
	ck_assert_msg(l1 == l2 && !memcmp(d1, d2, l1), "two runs differ");
	free(d1);
	free(d2);

	/* read-epub records the book's images as resources: the book read back keeps them */
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/back.epub", dir);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s'", p.data);
	ck_assert_int_eq(to_book("read-epub", book, o.data, NULL, NULL, &err), GALLEY_OK);
	size_t n;
	char *opf = zip_member(p.data, "EPUB/package.opf", NULL, &n);
	ck_assert_uint_eq(n, 9 + 3);
	ck_assert(contains(opf, "media-type=\"image/jpeg\""));
	free(opf);

	/* one book per article: each book copies its own images */
	char *split = bpath("archive-split.epub");
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s' split=1", split);
	ck_assert_int_eq(html_to_book(tgz.data, o.data, NULL, NULL, &err), GALLEY_OK);
	char *b1 = bpath("archive-split-001.epub"), *b2 = bpath("archive-split-002.epub");
	free(zip_member(b1, NULL, NULL, &n));
	ck_assert_uint_eq(n, 8 + 3); /* one chapter, three images */
	free(zip_member(b2, NULL, NULL, &n));
	ck_assert_uint_eq(n, 8 + 1); /* one chapter, the photo again */
	free(b1);
	free(b2);
	free(split);

	/* images=alt: none */
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/alt.epub", dir);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s' images=alt", p.data);
	ck_assert_int_eq(html_to_book(tgz.data, o.data, NULL, NULL, &err), GALLEY_OK);
	free(zip_member(p.data, NULL, NULL, &n));
	ck_assert_uint_eq(n, 9);

	/* an archive that changes while the book is written fails the run, not the book */
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/changed.epub", dir);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s'", p.data);
	rc = html_to_book(tgz.data, o.data, change_photo, tgz.data, &err);
	ck_assert_int_eq(rc, GALLEY_ERR_FATAL);
	ck_assert_msg(contains(err.message, "changed while the book was written"), "%s", err.message);
	struct stat sb;
	ck_assert(stat(p.data, &sb) != 0);
	th_write_archive(tgz.data, TH_TAR_GZ, m, 6);

	/* the same pages unpacked into a directory: read-html input=dir embeds the same images */
	galley_buf_reset(&p);
	galley_buf_printf(&p, "%s/unpacked", dir);
	ck_assert(mkdir(p.data, 0755) == 0);
	for (const char *const *d = (const char *const[]){"/site", "/site/a", "/site/a/page_files", "/site/shared", NULL};
	     *d; d++) {
		galley_buf q = {0};
		galley_buf_printf(&q, "%s%s", p.data, *d);
		ck_assert(mkdir(q.data, 0755) == 0);
		galley_buf_free(&q);
	}
	for (size_t i = 0; i < 6; i++) {
		galley_buf q = {0};
		galley_buf_printf(&q, "%s/%s", p.data, m[i].name);
		th_write_file(q.data, m[i].data, m[i].len);
		galley_buf_free(&q);
	}
	char *dbook = bpath("directory-images.epub");
	galley_buf_reset(&o);
	galley_buf_printf(&o, "output='%s'", dbook);
	ck_assert_int_eq(html_to_book(p.data, o.data, NULL, NULL, &err), GALLEY_OK);
	/* the directory walk is sorted: site/a/page.html, then top.html */
	check_archive_book(dbook);
	free(dbook);

	free(book);
	galley_buf_free(&tgz);
	galley_buf_free(&p);
	galley_buf_free(&o);
	th_rmrf(dir);
	free(dir);
}
END_TEST

/* Chapters reach the disk before the book ends. */
START_TEST(test_streaming)
{
	char *dir = th_tmpdir();
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s/stream.epub'", dir);
	galley_stage *s = th_stage("write-epub", o.data);
	galley_error err = {0};
	for (size_t i = 0; i < 300; i++) {
		galley_article *a = sample_article(i, "Example News");
		ck_assert_int_eq(galley_stage_feed(s, a, &err), GALLEY_OK);
		galley_article_free(a);
	}
	/* the temporary file beside the output already holds the chapters */
	off_t bytes = 0;
	DIR *d = opendir(dir);
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' && (!de->d_name[1] || de->d_name[1] == '.'))
			continue;
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/%s", dir, de->d_name);
		struct stat sb;
		if (stat(p.data, &sb) == 0)
			bytes += sb.st_size;
		galley_buf_free(&p);
	}
	closedir(d);
	ck_assert_msg(bytes > 100000, "only %ld bytes on disk before finish()", (long)bytes);
	ck_assert_int_eq(galley_stage_finish(s, &err), GALLEY_OK);
	galley_stage_free(s);
	galley_buf_free(&o);
	th_rmrf(dir);
	free(dir);
}
END_TEST

/* read-epub gives back the titles, text and metadata. */
START_TEST(test_roundtrip_read_epub)
{
	enum { N = 7 };
	galley_article *arts[N];
	for (size_t i = 0; i < N - 1; i++)
		arts[i] = sample_article(i, sites[i % 3]);
	/* shapes that once lost text or word boundaries on the way: definition lists without terms
	 * (their items become paragraphs), image alt text (shown in the book, not article text) */
	arts[N - 1] = sample_article(N - 1, sites[0]);
	static const char extra_html[] =
		"<html><body><dl><dd>12. Juni 2017</dd></dl><dl><dd>1.158</dd></dl>"
		"<dl><dd>first</dd> <dd>second</dd></dl>"
		"<p>Photo: <img src=\"https://x.example/a.jpg\" alt=\"alt words\"> end</p></body></html>";
	xmlDocPtr extra = htmlReadMemory(extra_html, (int)strlen(extra_html), NULL, "UTF-8",
	                                 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	ck_assert(extra);
	xmlNodePtr eb = xmlDocGetRootElement(extra)->children;
	while (eb && xmlStrcmp(eb->name, BAD_CAST "body"))
		eb = eb->next;
	ck_assert(eb);
	xmlAddChildList(galley_body_root(galley_article_body(arts[N - 1])),
	                xmlDocCopyNodeList(galley_article_body(arts[N - 1]), eb->children));
	xmlFreeDoc(extra);
	char *out = bpath("roundtrip.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s' group_by=tag", out);
	write_ok(o.data, arts, N);
	galley_buf_reset(&o);
	galley_buf_printf(&o, "input='%s'", out);
	galley_article *back[N + 4] = {0};
	size_t n = th_read_all("read-epub", o.data, back, N + 4);
	ck_assert_uint_eq(n, N);
	/* group_by=tag reorders the spine: match by id */
	for (size_t i = 0; i < N; i++) {
		galley_article *a = arts[i], *b = NULL;
		for (size_t k = 0; k < n; k++)
			if (!strcmp(galley_article_get(back[k], GALLEY_FIELD_ID), galley_article_get(a, GALLEY_FIELD_ID)))
				b = back[k];
		ck_assert_msg(b, "article %zu not read back", i);
		for (galley_field f = GALLEY_FIELD_ID; f < GALLEY_FIELD__COUNT; f++)
			if (galley_article_get(a, f) || galley_article_get(b, f)) /* the byline is only on some */
				th_str_eq(galley_article_get(b, f), galley_article_get(a, f));
		ck_assert_uint_eq(galley_article_list_len(b, GALLEY_LIST_AUTHORS),
		                  galley_article_list_len(a, GALLEY_LIST_AUTHORS));
		for (size_t k = 0; k < galley_article_list_len(a, GALLEY_LIST_AUTHORS); k++)
			th_str_eq(galley_article_list_at(b, GALLEY_LIST_AUTHORS, k),
			          galley_article_list_at(a, GALLEY_LIST_AUTHORS, k));
		th_str_eq(galley_article_list_at(b, GALLEY_LIST_TAGS, 0), galley_article_list_at(a, GALLEY_LIST_TAGS, 0));
		ck_assert_uint_eq(galley_article_n_sources(b), 2);
		th_str_eq(galley_article_source(b, 0)->name, "Reuters");
		th_str_eq(galley_article_source(b, 0)->kind, "credit");
		th_str_eq(galley_article_source(b, 1)->name, "BBC");
		th_str_eq(galley_article_source(b, 1)->kind, "cited");
		char *ta = galley_body_text(galley_article_body(a)), *tb = galley_body_text(galley_article_body(b));
		th_str_eq(tb, ta);
		free(ta);
		free(tb);
		/* the speakers survive in the body */
		xmlBufferPtr buf = xmlBufferCreate();
		xmlNodeDump(buf, galley_article_body(b), galley_body_root(galley_article_body(b)), 0, 0);
		ck_assert(contains((const char *)xmlBufferContent(buf), "data-speaker=\"Maria Lopez\""));
		ck_assert(contains((const char *)xmlBufferContent(buf), "<q data-speaker=\"Ana Costa\">we stay here</q>"));
		xmlBufferFree(buf);
	}
	free_all(back, n);
	free_all(arts, N);
	galley_buf_free(&o);
	free(out);
}
END_TEST

/* pandoc reads the book back: every article's paragraphs, in order. */
START_TEST(test_pandoc_reads_back)
{
	if (tools_skipped()) {
		printf("pandoc check skipped (GALLEY_TEST_NO_EPUBCHECK)\n");
		return;
	}
	enum { N = 40 };
	galley_article *arts[N];
	for (size_t i = 0; i < N; i++)
		arts[i] = sample_article(i, sites[i % 5]);
	char *out = bpath("pandoc.epub");
	galley_buf o = {0};
	galley_buf_printf(&o, "output='%s'", out);
	write_ok(o.data, arts, N);
	galley_buf cmd = {0};
	galley_buf_printf(&cmd, "pandoc -f epub -t plain --wrap=none '%s' 2>&1", out);
	FILE *p = popen(cmd.data, "r");
	ck_assert(p);
	galley_buf text = {0};
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, p)) > 0)
		galley_buf_append(&text, buf, got);
	int rc = pclose(p);
	ck_assert_msg(rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) != 127,
	              "pandoc not found: install it (build-aux/debian-packages.txt)");
	ck_assert_msg(WEXITSTATUS(rc) == 0, "pandoc failed: %.500s", text.data ? text.data : "");
	/* pandoc renders <q> with quotation marks, which are not part of the paragraph text */
	galley_buf nq = {0};
	for (const char *c = text.data; *c; c++) {
		if (!strncmp(c, "\xe2\x80\x9c", 3) || !strncmp(c, "\xe2\x80\x9d", 3)) {
			c += 2;
			continue;
		}
		galley_buf_putc(&nq, *c);
	}
	char *plain = galley_ws_normalize(nq.data);
	galley_buf_free(&nq);
	const char *at = plain;
	for (size_t i = 0; i < N; i++) {
		const char *title = galley_article_get(arts[i], GALLEY_FIELD_TITLE);
		const char *t = strstr(at, title);
		ck_assert_msg(t, "title of article %zu not found in order", i);
		at = t;
		galley_paragraphs ps;
		galley_body_paragraphs(galley_article_body(arts[i]), &ps);
		ck_assert_uint_gt(ps.n, 5);
		for (size_t k = 0; k < ps.n; k++) {
			const char *hit = strstr(at, ps.text[k]);
			ck_assert_msg(hit, "article %zu paragraph %zu '%s' not found in order in pandoc's text", i, k,
			              ps.text[k]);
			at = hit + strlen(ps.text[k]);
		}
		galley_paragraphs_free(&ps);
	}
	free(plain);
	galley_buf_free(&text);
	galley_buf_free(&cmd);
	galley_buf_free(&o);
	free(out);
	free_all(arts, N);
}
END_TEST

typedef struct bookfile {
	char *name;
	off_t size;
} bookfile;

static int by_size_desc(const void *a, const void *b)
{
	const bookfile *x = a, *y = b;
	return x->size < y->size ? 1 : x->size > y->size ? -1 : strcmp(x->name, y->name);
}

/* Last: epubcheck on every book written above.  With a JDK, two JVMs each check half of the
 * books (balanced by size) through tests/fixtures/epub/EpubcheckBatch.java; otherwise one JVM
 * per book, two at a time. */
START_TEST(test_epubcheck_all)
{
	if (tools_skipped()) {
		printf("epubcheck skipped (GALLEY_TEST_NO_EPUBCHECK)\n");
		return;
	}
	struct stat sb;
	ck_assert_msg(stat(EPUBCHECK_JAR, &sb) == 0,
	              "%s not found: install epubcheck (build-aux/debian-packages.txt), or set "
	              "GALLEY_TEST_NO_EPUBCHECK=1 to skip",
	              EPUBCHECK_JAR);
	bookfile *f = NULL;
	size_t n = 0;
	DIR *d = opendir(books);
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l <= 5 || strcmp(de->d_name + l - 5, ".epub"))
			continue;
		char *p = bpath(de->d_name);
		ck_assert(stat(p, &sb) == 0);
		free(p);
		f = galley_realloc(f, (n + 1) * sizeof *f);
		f[n].name = galley_strdup(de->d_name);
		f[n++].size = sb.st_size;
	}
	closedir(d);
	ck_assert_int_ge(n, 10);
	qsort(f, n, sizeof *f, by_size_desc);
	galley_buf list[2] = {{0}, {0}};
	off_t load[2] = {0, 0};
	for (size_t i = 0; i < n; i++) {
		int k = load[1] < load[0];
		load[k] += f[i].size + 400000; /* a JVM's work per book is not only its size */
		galley_buf_printf(&list[k], " '%s'", f[i].name);
	}
	char *batch = th_src("tests/fixtures/epub/EpubcheckBatch.java");
	galley_buf cmd = {0};
	int jdk = system("command -v javac >/dev/null 2>&1") == 0;
	if (jdk)
		galley_buf_printf(&cmd,
		                  "cd '%s' && { java -cp %s '%s'%s >check-0.log 2>&1 || echo 0 >>failed.txt; } & "
		                  "cd '%s' && { java -cp %s '%s'%s >check-1.log 2>&1 || echo 1 >>failed.txt; } & wait",
		                  books, EPUBCHECK_JAR, batch, list[0].data ? list[0].data : "", books, EPUBCHECK_JAR,
		                  batch, list[1].data ? list[1].data : "");
	else
		galley_buf_printf(&cmd,
		                  "cd '%s' && ls *.epub | xargs -P 2 -I{} sh -c "
		                  "'java -jar %s --failonwarnings \"{}\" >\"{}.log\" 2>&1 || echo \"{}\" >>failed.txt'",
		                  books, EPUBCHECK_JAR);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = system(cmd.data);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ck_assert_msg(rc != -1 && WIFEXITED(rc), "cannot run epubcheck");
	printf("epubcheck: %zu books checked in %.1f s (%s)\n", n,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       jdk ? "two batched JVMs" : "one JVM per book");
	char *failedf = bpath("failed.txt");
	char *failed = th_read_file(failedf, NULL);
	if (failed) {
		galley_buf lp = {0};
		if (jdk)
			galley_buf_printf(&lp, "%s/check-%c.log", books, failed[0]);
		else
			galley_buf_printf(&lp, "%s/%.*s.log", books, (int)strcspn(failed, "\n"), failed);
		char *log = th_read_file(lp.data, NULL);
		ck_abort_msg("epubcheck found problems (%s):\n%.20000s", failed, log ? log : "");
	}
	for (size_t i = 0; i < n; i++)
		free(f[i].name);
	free(f);
	free(batch);
	free(failedf);
	galley_buf_free(&list[0]);
	galley_buf_free(&list[1]);
	galley_buf_free(&cmd);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("write-epub");
	TCase *tc = tcase_create("books");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_samples);
	tcase_add_test(tc, test_empty_metadata);
	tcase_add_test(tc, test_labels_language);
	tcase_add_test(tc, test_thousand_grouped);
	tcase_add_test(tc, test_large_package);
	tcase_add_test(tc, test_tmpdir_unwritable);
	tcase_add_test(tc, test_hostile_text);
	tcase_add_test(tc, test_reproducible);
	tcase_add_test(tc, test_empty_collection);
	tcase_add_test(tc, test_split);
	tcase_add_test(tc, test_css_and_cover);
	tcase_add_test(tc, test_local_images);
	tcase_add_test(tc, test_archive_images);
	tcase_add_test(tc, test_archive_utf8_names);
	tcase_add_test(tc, test_streaming);
	tcase_add_test(tc, test_roundtrip_read_epub);
	tcase_add_test(tc, test_pandoc_reads_back);
	tcase_add_test(tc, test_epubcheck_all);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	char tmpl[] = "/tmp/galley-epub-books-XXXXXX";
	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		return 1;
	}
	books = galley_strdup(tmpl);
	int rc = th_run(suite());
	if (rc == 0 || !getenv("GALLEY_TEST_KEEP"))
		th_rmrf(books);
	else
		fprintf(stderr, "books kept in %s\n", books);
	free(books);
	return rc;
}
