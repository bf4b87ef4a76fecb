/* Collections: every shape an input= can name, built in the test itself — files, directories,
 * globs, @lists, comma lists, standard input, .gz/.xz/.zst/.bz2 files, tar (plain and
 * compressed), zip, WARC (plain and per-record gzip) — and the bad ones: missing, truncated,
 * corrupt, too large. */
#include "harness.h"

#include <galley/pipeline.h>

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>


static void put(const char *name, const char *text)
{
	char *p = th_tmp_path(name);
	for (char *s = strchr(p + strlen(th_tmp) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = 0;
		mkdir(p, 0755);
		*s = '/';
	}
	th_write_file(p, text, strlen(text));
	free(p);
}

/* ---- what a collection gives ---------------------------------------------------------------- */

#define MAXE 64
typedef struct got {
	size_t n;
	int rc[MAXE];
	char *file[MAXE], *member[MAXE], *data[MAXE], *msg[MAXE], *url[MAXE], *date[MAXE], *ctype[MAXE], *charset[MAXE];
	int64_t offset[MAXE];
	int status[MAXE];
	size_t len[MAXE];
	char *skips; /* "reason=count;..." */
} got;

static const char *const html_exts[] = {".html", ".htm", NULL};
static const char *const html_media[] = {"text/html", NULL};

static void collect(const char *spec, const galley_collection_options *opts, got *g)
{
	memset(g, 0, sizeof *g);
	galley_error err = {0};
	galley_collection_options def = {.extensions = html_exts, .media_types = html_media};
	galley_collection *c = galley_collection_open(spec, opts ? opts : &def, &err);
	ck_assert_msg(c != NULL, "open %s: %s", spec, err.message);
	for (;;) {
		galley_entry e;
		memset(&err, 0, sizeof err);
		int rc = galley_collection_next(c, &e, &err);
		if (rc == GALLEY_END)
			break;
		ck_assert_uint_lt(g->n, MAXE);
		size_t i = g->n++;
		g->rc[i] = rc;
		g->file[i] = galley_strdup(e.file);
		g->member[i] = galley_strdup(e.member);
		g->msg[i] = galley_strdup(err.message);
		g->offset[i] = e.offset;
		if (rc == GALLEY_OK) {
			ck_assert_ptr_nonnull(e.data);
			g->data[i] = galley_strndup((const char *)e.data, e.len);
			g->len[i] = e.len;
			g->url[i] = galley_strdup(e.url);
			g->date[i] = galley_strdup(e.date);
			g->ctype[i] = galley_strdup(e.content_type);
			g->charset[i] = galley_strdup(e.charset);
			g->status[i] = e.status;
			free(e.data);
		}
	}
	galley_buf sk = {0};
	for (size_t i = 0; i < galley_collection_n_skip_reasons(c); i++) {
		size_t n = 0;
		const char *r = galley_collection_skip_reason(c, i, &n);
		galley_buf_printf(&sk, "%s=%zu;", r, n);
	}
	g->skips = galley_buf_steal(&sk);
	galley_collection_close(c);
}

static void got_free(got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->file[i]);
		free(g->member[i]);
		free(g->data[i]);
		free(g->msg[i]);
		free(g->url[i]);
		free(g->date[i]);
		free(g->ctype[i]);
		free(g->charset[i]);
	}
	free(g->skips);
	memset(g, 0, sizeof *g);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = s ? strlen(s) : 0, b = strlen(suffix);
	return s && a >= b && !strcmp(s + a - b, suffix);
}

#define ck_ends(s, suffix) ck_assert_msg(ends_with((s), (suffix)), "'%s' does not end with '%s'", (s), (suffix))

/* ---- archive builders ------------------------------------------------------------------------- */

typedef struct member {
	const char *name;
	const char *data; /* NULL: a directory */
} member;

/* Write an archive; returns false when this libarchive cannot write the filter. */
static bool write_archive(const char *path, bool zip, int filter, const member *m, size_t n)
{
	struct archive *a = archive_write_new();
	if (zip)
		archive_write_set_format_zip(a);
	else
		archive_write_set_format_pax_restricted(a);
	if (filter != ARCHIVE_FILTER_NONE && archive_write_add_filter(a, filter) != ARCHIVE_OK) {
		archive_write_free(a);
		return false;
	}
	ck_assert_int_eq(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_filetype(e, m[i].data ? AE_IFREG : AE_IFDIR);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, m[i].data ? (la_int64_t)strlen(m[i].data) : 0);
		ck_assert_int_eq(archive_write_header(a, e), ARCHIVE_OK);
		if (m[i].data)
			archive_write_data(a, m[i].data, strlen(m[i].data));
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	return true;
}

/* Compress bytes as one stream (gzip, xz, ...) into *out (owned). false when unsupported. */
static bool compress_bytes(int filter, const void *data, size_t len, char **out, size_t *out_len)
{
	struct archive *a = archive_write_new();
	archive_write_set_format_raw(a);
	if (archive_write_add_filter(a, filter) != ARCHIVE_OK) {
		archive_write_free(a);
		return false;
	}
	archive_write_set_bytes_in_last_block(a, 1);
	size_t cap = len + (1u << 20), used = 0;
	char *buf = galley_malloc(cap);
	ck_assert_int_eq(archive_write_open_memory(a, buf, cap, &used), ARCHIVE_OK);
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, "data");
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_size(e, (la_int64_t)len);
	ck_assert_int_eq(archive_write_header(a, e), ARCHIVE_OK);
	archive_write_data(a, data, len);
	archive_entry_free(e);
	archive_write_close(a);
	archive_write_free(a);
	*out = buf;
	*out_len = used;
	return true;
}

static const char *filter_name(int f)
{
	switch (f) {
	case ARCHIVE_FILTER_GZIP: return "gzip";
	case ARCHIVE_FILTER_XZ: return "xz";
	case ARCHIVE_FILTER_ZSTD: return "zstd";
	case ARCHIVE_FILTER_BZIP2: return "bzip2";
	default: return "none";
	}
}

/* ---- files, directories, globs, lists ------------------------------------------------------ */

START_TEST(dir_sorted_recursive)
{
	put("d/b.html", "B");
	put("d/a.HTML", "A");
	put("d/sub/c.html", "C");
	put("d/sub.html", "S");
	put("d/z/y/x.htm", "X");
	put("d/notes.txt", "not taken");
	put("d/.hidden.html", "hidden");
	char *d = th_tmp_path("d");
	got g;
	collect(d, NULL, &g);
	ck_assert_uint_eq(g.n, 5);
	const char *order[] = {"d/a.HTML", "d/b.html", "d/sub.html", "d/sub/c.html", "d/z/y/x.htm"};
	const char *data[] = {"A", "B", "S", "C", "X"};
	for (size_t i = 0; i < 5; i++) {
		ck_assert_int_eq(g.rc[i], GALLEY_OK);
		ck_ends(g.file[i], order[i]);
		th_str_eq(g.data[i], data[i]);
		ck_assert_ptr_null(g.member[i]);
		ck_assert_int_eq(g.offset[i], -1);
	}
	got_free(&g);
	/* no extension filter: everything but hidden files */
	galley_collection_options all = {0};
	collect(d, &all, &g);
	ck_assert_uint_eq(g.n, 6);
	got_free(&g);
	free(d);
}
END_TEST

START_TEST(explicit_glob_list_comma)
{
	put("p/one.html", "1");
	put("p/two.html", "2");
	put("p/three.txt", "3");
	put("p/deep/four.html", "4");
	/* a file named explicitly is returned whatever its name */
	char *f = th_tmp_path("p/three.txt");
	got g;
	collect(f, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	th_str_eq(g.data[0], "3");
	got_free(&g);
	/* a glob, sorted */
	char *gl = th_tmp_path("p/*.html");
	collect(gl, NULL, &g);
	ck_assert_uint_eq(g.n, 2);
	ck_ends(g.file[0], "p/one.html");
	ck_ends(g.file[1], "p/two.html");
	got_free(&g);
	/* a list file: comments, blank lines, paths relative to the list, a directory */
	put("p/list.txt", "# pages\n\ntwo.html\n  one.html  \ndeep\n");
	char *lst = th_tmp_path("p/list.txt");
	galley_buf spec = {0};
	galley_buf_printf(&spec, "@%s", lst);
	collect(spec.data, NULL, &g);
	ck_assert_uint_eq(g.n, 3);
	th_str_eq(g.data[0], "2");
	th_str_eq(g.data[1], "1");
	th_str_eq(g.data[2], "4");
	got_free(&g);
	/* comma-separated, with a missing one reported in its place */
	galley_buf_reset(&spec);
	char *one = th_tmp_path("p/one.html"), *two = th_tmp_path("p/two.html"), *miss = th_tmp_path("p/missing.html");
	galley_buf_printf(&spec, "%s, %s,%s", two, miss, one);
	collect(spec.data, NULL, &g);
	ck_assert_uint_eq(g.n, 3);
	th_str_eq(g.data[0], "2");
	ck_assert_int_eq(g.rc[1], GALLEY_ERR_ARTICLE);
	ck_ends(g.file[1], "missing.html");
	ck_assert_msg(strstr(g.msg[1], "No such file"), "%s", g.msg[1]);
	th_str_eq(g.data[2], "1");
	got_free(&g);
	galley_buf_free(&spec);
	free(f);
	free(gl);
	free(lst);
	free(one);
	free(two);
	free(miss);
}
END_TEST

START_TEST(open_errors)
{
	galley_error err = {0};
	ck_assert_ptr_null(galley_collection_open("/nonexistent/x.html", NULL, &err));
	ck_assert_msg(strstr(err.message, "/nonexistent/x.html"), "%s", err.message);
	memset(&err, 0, sizeof err);
	ck_assert_ptr_null(galley_collection_open("/nonexistent/*.html", NULL, &err));
	ck_assert_msg(strstr(err.message, "matches no file"), "%s", err.message);
	memset(&err, 0, sizeof err);
	ck_assert_ptr_null(galley_collection_open("@/nonexistent/list.txt", NULL, &err));
	ck_assert_msg(strstr(err.message, "list file"), "%s", err.message);
	memset(&err, 0, sizeof err);
	ck_assert_ptr_null(galley_collection_open("", NULL, &err));
	/* an empty directory is a collection with nothing in it */
	char *d = th_tmp_path("empty");
	mkdir(d, 0755);
	got g;
	collect(d, NULL, &g);
	ck_assert_uint_eq(g.n, 0);
	got_free(&g);
	free(d);
}
END_TEST

START_TEST(stdin_plain_and_tar)
{
	put("in.html", "<p>from stdin</p>");
	char *p = th_tmp_path("in.html");
	int fd = open(p, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	dup2(fd, 0);
	close(fd);
	got g;
	collect("-", NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	th_str_eq(g.file[0], "-");
	th_str_eq(g.data[0], "<p>from stdin</p>");
	got_free(&g);
	/* a tar.gz on standard input */
	char *tz = th_tmp_path("in.tar.gz");
	const member m[] = {{"x/a.html", "AAA"}, {"x/b.html", "BBB"}};
	ck_assert(write_archive(tz, false, ARCHIVE_FILTER_GZIP, m, 2));
	fd = open(tz, O_RDONLY);
	dup2(fd, 0);
	close(fd);
	collect("-", NULL, &g);
	ck_assert_uint_eq(g.n, 2);
	th_str_eq(g.member[0], "x/a.html");
	th_str_eq(g.data[1], "BBB");
	got_free(&g);
	free(p);
	free(tz);
}
END_TEST

/* ---- archives and compressed files ------------------------------------------------------------- */

START_TEST(tar_every_filter_and_zip)
{
	char *page_gz = NULL;
	size_t page_gz_len = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, "zipped member", 13, &page_gz, &page_gz_len));
	const int filters[] = {ARCHIVE_FILTER_NONE, ARCHIVE_FILTER_GZIP, ARCHIVE_FILTER_XZ, ARCHIVE_FILTER_ZSTD,
	                       ARCHIVE_FILTER_BZIP2};
	const member m[] = {
		{"site/", NULL},          {"site/z.html", "Z page"}, {"site/a.html", "A page"},
		{"site/style.css", "p{}"}, {"site/img.png", "\x89PNG"},
	};
	for (size_t k = 0; k < sizeof filters / sizeof filters[0] + 1; k++) {
		bool zip = k == sizeof filters / sizeof filters[0];
		galley_buf name = {0};
		galley_buf_printf(&name, "pages-%zu.%s", k, zip ? "zip" : "tar");
		char *p = th_tmp_path(name.data);
		if (!write_archive(p, zip, zip ? ARCHIVE_FILTER_NONE : filters[k], m, 5)) {
			printf("tar with %s: this libarchive cannot write it, skipped\n", filter_name(filters[k]));
			free(p);
			galley_buf_free(&name);
			continue;
		}
		got g;
		collect(p, NULL, &g);
		ck_assert_msg(g.n == 2, "%s: %zu entries", name.data, g.n);
		/* archive order, not sorted */
		th_str_eq(g.member[0], "site/z.html");
		th_str_eq(g.data[0], "Z page");
		th_str_eq(g.member[1], "site/a.html");
		th_str_eq(g.data[1], "A page");
		ck_ends(g.file[0], name.data);
		got_free(&g);
		free(p);
		galley_buf_free(&name);
	}
	free(page_gz);
}
END_TEST

START_TEST(member_gz_and_dir_of_archives)
{
	char *gz = NULL;
	size_t gzl = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, "inner page", 10, &gz, &gzl));
	/* a member that is itself compressed */
	char *dir = th_tmp_path("arch");
	mkdir(dir, 0755);
	char *p = th_tmp_path("arch/m.tar");
	struct archive *a = archive_write_new();
	archive_write_set_format_pax_restricted(a);
	ck_assert_int_eq(archive_write_open_filename(a, p), ARCHIVE_OK);
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, "page.html.gz");
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)gzl);
	archive_write_header(a, e);
	archive_write_data(a, gz, gzl);
	archive_entry_free(e);
	archive_write_close(a);
	archive_write_free(a);
	/* beside it, a single .gz page and a stray file */
	char *single = th_tmp_path("arch/lone.html.gz");
	th_write_file(single, gz, gzl);
	put("arch/readme.md", "no");
	got g;
	collect(dir, NULL, &g);
	ck_assert_uint_eq(g.n, 2);
	ck_ends(g.file[0], "arch/lone.html.gz");
	th_str_eq(g.data[0], "inner page");
	ck_assert_ptr_null(g.member[0]);
	ck_ends(g.file[1], "arch/m.tar");
	th_str_eq(g.member[1], "page.html.gz");
	th_str_eq(g.data[1], "inner page");
	got_free(&g);
	free(gz);
	free(p);
	free(single);
	free(dir);
}
END_TEST

START_TEST(single_compressed_files)
{
	const int filters[] = {ARCHIVE_FILTER_GZIP, ARCHIVE_FILTER_XZ, ARCHIVE_FILTER_ZSTD, ARCHIVE_FILTER_BZIP2};
	const char *ext[] = {"gz", "xz", "zst", "bz2"};
	const char *page = "<html><body><p>compressed page</p></body></html>";
	for (size_t k = 0; k < 4; k++) {
		char *c = NULL;
		size_t cl = 0;
		if (!compress_bytes(filters[k], page, strlen(page), &c, &cl)) {
			printf("single %s file: this libarchive cannot write it, skipped\n", ext[k]);
			continue;
		}
		galley_buf name = {0};
		galley_buf_printf(&name, "page.html.%s", ext[k]);
		char *p = th_tmp_path(name.data);
		th_write_file(p, c, cl);
		got g;
		collect(p, NULL, &g);
		ck_assert_uint_eq(g.n, 1);
		ck_assert_msg(g.rc[0] == GALLEY_OK, "%s: %s", name.data, g.msg[0]);
		th_str_eq(g.data[0], page);
		got_free(&g);
		/* truncated: a clear error for the file, then the end */
		th_write_file(p, c, cl * 2 / 3);
		collect(p, NULL, &g);
		ck_assert_uint_ge(g.n, 1);
		ck_assert_msg(g.rc[g.n - 1] == GALLEY_ERR_ARTICLE, "%s truncated: rc %d", name.data, g.rc[g.n - 1]);
		ck_assert_msg(strstr(g.msg[g.n - 1], "truncated") || strstr(g.msg[g.n - 1], "corrupt"), "%s: %s",
		              name.data, g.msg[g.n - 1]);
		got_free(&g);
		free(p);
		free(c);
		galley_buf_free(&name);
	}
}
END_TEST

START_TEST(broken_archives_and_limits)
{
	const member m[] = {{"a.html", "first"}, {"b.html", "second second second"}, {"c.html", "third"}};
	char *tz = th_tmp_path("t.tar.gz");
	ck_assert(write_archive(tz, false, ARCHIVE_FILTER_GZIP, m, 3));
	size_t len = 0;
	char *bytes = th_read_file(tz, &len);
	/* truncated tar.gz, then a good file after it: the run goes on */
	char *cut = th_tmp_path("cut.tar.gz");
	th_write_file(cut, bytes, len / 2);
	put("after.html", "after");
	char *after = th_tmp_path("after.html");
	galley_buf spec = {0};
	galley_buf_printf(&spec, "%s,%s", cut, after);
	got g;
	collect(spec.data, NULL, &g);
	ck_assert_uint_ge(g.n, 2);
	bool saw_error = false;
	for (size_t i = 0; i + 1 < g.n; i++)
		if (g.rc[i] == GALLEY_ERR_ARTICLE) {
			saw_error = true;
			ck_ends(g.file[i], "cut.tar.gz");
			ck_assert_msg(strstr(g.msg[i], "truncated") || strstr(g.msg[i], "corrupt"), "%s", g.msg[i]);
		}
	ck_assert(saw_error);
	th_str_eq(g.data[g.n - 1], "after");
	got_free(&g);
	/* a corrupt zip */
	char *z = th_tmp_path("bad.zip");
	th_write_file(z, "PK\3\4garbage garbage garbage garbage", 35);
	collect(z, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.rc[0], GALLEY_ERR_ARTICLE);
	got_free(&g);
	/* a member over the size limit is an error for it alone */
	galley_collection_options small = {.extensions = html_exts, .max_entry_bytes = 10};
	collect(tz, &small, &g);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_int_eq(g.rc[0], GALLEY_OK);
	ck_assert_int_eq(g.rc[1], GALLEY_ERR_ARTICLE);
	th_str_eq(g.member[1], "b.html");
	ck_assert_msg(strstr(g.msg[1], "limit"), "%s", g.msg[1]);
	ck_assert_int_eq(g.rc[2], GALLEY_OK);
	th_str_eq(g.data[2], "third");
	got_free(&g);
	/* and a plain file over the limit */
	collect(after, &small, &g);
	ck_assert_int_eq(g.rc[0], GALLEY_OK);
	got_free(&g);
	put("big.html", "0123456789abcdef");
	char *big = th_tmp_path("big.html");
	collect(big, &small, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.rc[0], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(g.msg[0], "limit"), "%s", g.msg[0]);
	got_free(&g);
	/* an empty file is an entry with no bytes (the reader says what is wrong) */
	put("empty.html", "");
	char *empty = th_tmp_path("empty.html");
	collect(empty, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.rc[0], GALLEY_OK);
	ck_assert_uint_eq(g.len[0], 0);
	got_free(&g);
	galley_buf_free(&spec);
	free(bytes);
	free(tz);
	free(cut);
	free(after);
	free(z);
	free(big);
	free(empty);
}
END_TEST

/* ---- WARC ---------------------------------------------------------------------------------- */

static void warc_record(galley_buf *out, const char *type, const char *uri, const char *date, const char *block)
{
	galley_buf_printf(out, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%zu>\r\n", type, out->len);
	if (uri)
		galley_buf_printf(out, "WARC-Target-URI: %s\r\n", uri);
	if (date)
		galley_buf_printf(out, "WARC-Date: %s\r\n", date);
	galley_buf_printf(out, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
	                  !strcmp(type, "response") ? "application/http; msgtype=response" : "application/warc-fields",
	                  strlen(block));
	galley_buf_puts(out, block);
	galley_buf_puts(out, "\r\n\r\n");
}

/* The records of a small crawl; *offsets gets each record's start. */
static size_t build_warc(galley_buf *records, size_t *starts, size_t max)
{
	size_t n = 0;
	const char *blocks[][4] = {
		{"warcinfo", NULL, NULL, "software: test\r\nformat: WARC File Format 1.0\r\n"},
		{"request", "https://a.example/1", "2021-01-01T00:00:00Z", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"},
		{"response", "https://a.example/1", "2021-01-01T00:00:01Z",
		 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>one</p>"},
		{"response", "https://a.example/missing", "2021-01-01T00:00:02Z",
		 "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nnope"},
		{"response", "https://a.example/logo.png", "2021-01-01T00:00:03Z",
		 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"},
		{"response", "<https://a.example/2>", "2021-01-01T00:00:04Z",
		 "HTTP/1.1 200 OK\r\nContent-Type: TEXT/HTML\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>t\r\n5\r\nwo</p\r\n1\r\n>\r\n0\r\n\r\n"},
		{"metadata", "https://a.example/2", NULL, "fetchTimeMs: 12\r\n"},
		{"response", "https://a.example/3", "2021-01-01T00:00:05Z", "HTTP/1.0 200 OK\r\n\r\n<p>three</p>"},
	};
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0] && n < max; i++) {
		starts[n++] = records->len;
		warc_record(records, blocks[i][0], blocks[i][1], blocks[i][2], blocks[i][3]);
	}
	return n;
}

static void check_warc(got *g, const size_t *starts)
{
	ck_assert_msg(g->n == 3, "%zu entries", g->n);
	th_str_eq(g->data[0], "<p>one</p>");
	th_str_eq(g->url[0], "https://a.example/1");
	th_str_eq(g->date[0], "2021-01-01T00:00:01Z");
	th_str_eq(g->ctype[0], "text/html");
	th_str_eq(g->charset[0], "ISO-8859-1");
	ck_assert_int_eq(g->status[0], 200);
	ck_assert_int_eq(g->offset[0], (int64_t)starts[2]);
	th_str_eq(g->data[1], "<p>two</p>");
	th_str_eq(g->url[1], "https://a.example/2");
	th_str_eq(g->ctype[1], "text/html");
	ck_assert_ptr_null(g->charset[1]);
	ck_assert_int_eq(g->offset[1], (int64_t)starts[5]);
	th_str_eq(g->data[2], "<p>three</p>");
	ck_assert_ptr_null(g->ctype[2]);
	ck_assert_int_eq(g->offset[2], (int64_t)starts[7]);
	ck_assert_msg(strstr(g->skips, "WARC record status 404=1;"), "%s", g->skips);
	ck_assert_msg(strstr(g->skips, "WARC record Content-Type image/png=1;"), "%s", g->skips);
}

/* n response records "<p>page i ...</p>" with some incompressible text each; starts[] gets
 * each record's offset (n + 1 entries, the last the end). */
static void numbered_records(galley_buf *w, size_t n, size_t *starts)
{
	unsigned seed = 7;
	for (size_t i = 0; i < n; i++) {
		starts[i] = w->len;
		galley_buf body = {0}, uri = {0};
		galley_buf_printf(&body, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page %zu ", i);
		for (int k = 0; k < 400; k++) {
			seed = seed * 1103515245u + 12345u;
			galley_buf_putc(&body, (char)('a' + (seed >> 16) % 26));
		}
		galley_buf_puts(&body, "</p>");
		galley_buf_printf(&uri, "https://a.example/%zu", i);
		warc_record(w, "response", uri.data, "2021-01-01T00:00:00Z", body.data);
		galley_buf_free(&body);
		galley_buf_free(&uri);
	}
	starts[n] = w->len;
}

static size_t count_ok(const got *g)
{
	size_t k = 0;
	for (size_t i = 0; i < g->n; i++)
		k += g->rc[i] == GALLEY_OK;
	return k;
}

/* A .warc.gz or .tar.gz cut short: every complete record or member before the cut is read
 * (libarchive's gzip filter failed the whole block that met the cut, losing them), and the
 * message says how many were kept and where the damage is. */
START_TEST(truncated_gzip_keeps_complete_records)
{
	galley_buf w = {0};
	size_t starts[7];
	numbered_records(&w, 6, starts);
	char *p = th_tmp_path("cut.warc.gz");
	/* one gzip stream, only its 8-byte trailer missing: all six records are there */
	char *c = NULL;
	size_t cl = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, w.data, w.len, &c, &cl));
	th_write_file(p, c, cl - 8);
	got g;
	collect(p, NULL, &g);
	ck_assert_uint_eq(count_ok(&g), 6);
	ck_assert_int_eq(g.rc[g.n - 1], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(g.msg[g.n - 1], "cut short") && strstr(g.msg[g.n - 1], "6 complete record"), "%s",
	              g.msg[g.n - 1]);
	got_free(&g);
	free(c);
	/* a gzip member per record, the last one cut in half: the first five are read */
	galley_buf gz = {0};
	for (size_t i = 0; i < 6; i++) {
		ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, w.data + starts[i], starts[i + 1] - starts[i], &c, &cl));
		galley_buf_append(&gz, c, i == 5 ? cl / 2 : cl);
		free(c);
	}
	th_write_file(p, gz.data, gz.len);
	collect(p, NULL, &g);
	ck_assert_uint_eq(count_ok(&g), 5);
	ck_assert_msg(strstr(g.msg[g.n - 1], "truncated") && strstr(g.msg[g.n - 1], "5 complete record") &&
	                  strstr(g.msg[g.n - 1], "compressed byte"),
	              "%s", g.msg[g.n - 1]);
	got_free(&g);
	galley_buf_free(&gz);
	/* a .tar.gz of 29 pages cut at two thirds: the members before the cut are read */
	th_member m[29];
	char *bodies[29];
	unsigned seed = 3;
	for (size_t i = 0; i < 29; i++) {
		galley_buf b = {0}, n = {0};
		galley_buf_printf(&b, "<p>member %zu ", i);
		for (int k = 0; k < 3000; k++) {
			seed = seed * 1103515245u + 12345u;
			galley_buf_putc(&b, (char)('a' + (seed >> 16) % 26));
		}
		galley_buf_printf(&n, "m%02zu.html", i);
		bodies[i] = galley_buf_steal(&b);
		m[i] = (th_member){galley_buf_steal(&n), bodies[i], strlen(bodies[i])};
	}
	char *tp = th_tmp_path("cut.tar.gz");
	th_write_archive(tp, TH_TAR_GZ, m, 29);
	size_t tl = 0;
	char *t = th_read_file(tp, &tl);
	th_write_file(tp, t, tl * 2 / 3);
	collect(tp, NULL, &g);
	ck_assert_msg(count_ok(&g) >= 17, "%zu of 29 read", count_ok(&g));
	ck_assert_msg(strstr(g.msg[g.n - 1], "before the damage were read") && strstr(g.msg[g.n - 1], "compressed byte"),
	              "%s", g.msg[g.n - 1]);
	got_free(&g);
	for (size_t i = 0; i < 29; i++) {
		free((char *)m[i].name);
		free(bodies[i]);
	}
	free(t);
	free(tp);
	free(p);
	galley_buf_free(&w);
}
END_TEST

/* A framing error does not end the file: the reading resumes at the next "WARC/1." line
 * (a wrong Content-Length) or gzip member (a member missing its trailer), the skipped bytes
 * counted; Content-Length is strict decimal ("0x20" was read as 0). */
START_TEST(warc_resynchronises)
{
	galley_buf w = {0};
	size_t starts[7];
	numbered_records(&w, 6, starts);
	/* record 1 claims 40 bytes fewer than it has; record 3's length is written in hex */
	galley_buf bad = {0};
	for (size_t i = 0; i < 6; i++) {
		const char *r = w.data + starts[i];
		size_t rl = starts[i + 1] - starts[i];
		const char *cl = strstr(r, "Content-Length: ");
		size_t head = (size_t)(cl - r) + 16;
		long v = strtol(cl + 16, NULL, 10);
		const char *after = strchr(cl, '\r');
		galley_buf_append(&bad, r, head);
		if (i == 1)
			galley_buf_printf(&bad, "%ld", v - 40);
		else if (i == 3)
			galley_buf_printf(&bad, "0x%lx", v);
		else
			galley_buf_printf(&bad, "%ld", v);
		galley_buf_append(&bad, after, rl - (size_t)(after - r));
	}
	char *p = th_tmp_path("framing.warc");
	th_write_file(p, bad.data, bad.len);
	got g;
	collect(p, NULL, &g);
	bool seen[6] = {false};
	bool skipped = false, hex = false;
	for (size_t i = 0; i < g.n; i++) {
		if (g.rc[i] == GALLEY_OK) {
			ck_assert_ptr_nonnull(g.url[i]);
			seen[g.url[i][strlen(g.url[i]) - 1] - '0'] = true;
		} else {
			skipped |= strstr(g.msg[i], "bytes skipped to the next record") != NULL;
			hex |= strstr(g.msg[i], "'0x") != NULL;
		}
	}
	ck_assert_msg(seen[0] && seen[2] && seen[4] && seen[5], "records after the framing errors were lost");
	ck_assert_msg(!seen[3], "a hex Content-Length was read");
	ck_assert(skipped && hex);
	got_free(&g);
	/* a gzip member per record, the third without its 8-byte trailer */
	galley_buf gz = {0};
	for (size_t i = 0; i < 6; i++) {
		char *c = NULL;
		size_t cl = 0;
		ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, w.data + starts[i], starts[i + 1] - starts[i], &c, &cl));
		galley_buf_append(&gz, c, i == 2 ? cl - 8 : cl);
		free(c);
	}
	char *pz = th_tmp_path("trailer.warc.gz");
	th_write_file(pz, gz.data, gz.len);
	collect(pz, NULL, &g);
	ck_assert_uint_eq(count_ok(&g), 6);
	ck_assert_uint_eq(g.n, 7);
	bool said = false;
	for (size_t i = 0; i < g.n; i++)
		said |= g.rc[i] != GALLEY_OK && strstr(g.msg[i], "gzip") && strstr(g.msg[i], "skipped");
	ck_assert(said);
	got_free(&g);
	galley_buf_free(&gz);
	galley_buf_free(&bad);
	galley_buf_free(&w);
	free(p);
	free(pz);
}
END_TEST

START_TEST(warc_plain_and_gz)
{
	galley_buf w = {0};
	size_t starts[16];
	size_t n = build_warc(&w, starts, 16);
	char *p = th_tmp_path("crawl.warc");
	th_write_file(p, w.data, w.len);
	got g;
	collect(p, NULL, &g);
	check_warc(&g, starts);
	got_free(&g);
	/* .warc.gz as Common Crawl writes it: one gzip member per record */
	galley_buf gz = {0};
	for (size_t i = 0; i < n; i++) {
		size_t end = i + 1 < n ? starts[i + 1] : w.len;
		char *c = NULL;
		size_t cl = 0;
		ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, w.data + starts[i], end - starts[i], &c, &cl));
		galley_buf_append(&gz, c, cl);
		free(c);
	}
	char *pz = th_tmp_path("crawl.warc.gz");
	th_write_file(pz, gz.data, gz.len);
	collect(pz, NULL, &g);
	check_warc(&g, starts);
	got_free(&g);
	/* the whole file as one gzip stream works too */
	char *c = NULL;
	size_t cl = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, w.data, w.len, &c, &cl));
	th_write_file(pz, c, cl);
	collect(pz, NULL, &g);
	check_warc(&g, starts);
	got_free(&g);
	free(c);
	/* all media types accepted: the PNG comes through */
	galley_collection_options any = {0};
	collect(p, &any, &g);
	ck_assert_uint_eq(g.n, 4);
	got_free(&g);
	galley_buf_free(&gz);
	galley_buf_free(&w);
	free(p);
	free(pz);
}
END_TEST

START_TEST(warc_gzip_body_and_broken)
{
	/* a body with Content-Encoding: gzip */
	char *c = NULL;
	size_t cl = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, "<p>gz body</p>", 14, &c, &cl));
	galley_buf http = {0};
	galley_buf_puts(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n");
	galley_buf_append(&http, c, cl);
	galley_buf w = {0};
	galley_buf_printf(&w, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.example/\r\nContent-Length: %zu\r\n\r\n",
	                  http.len);
	galley_buf_append(&w, http.data, http.len);
	galley_buf_puts(&w, "\r\n\r\n");
	size_t second = w.len;
	/* then a record whose Content-Length runs past the end */
	galley_buf_puts(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort");
	char *p = th_tmp_path("b.warc");
	th_write_file(p, w.data, w.len);
	got g;
	collect(p, NULL, &g);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_int_eq(g.rc[0], GALLEY_OK);
	th_str_eq(g.data[0], "<p>gz body</p>");
	ck_assert_int_eq(g.rc[1], GALLEY_ERR_ARTICLE);
	ck_assert_int_eq(g.offset[1], (int64_t)second);
	ck_assert_msg(strstr(g.msg[1], "truncated"), "%s", g.msg[1]);
	got_free(&g);
	/* garbage where a record should start */
	galley_buf_reset(&w);
	galley_buf_puts(&w, "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nab\r\n\r\nthis is not a record\r\n\r\n");
	th_write_file(p, w.data, w.len);
	collect(p, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.rc[0], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(g.msg[0], "no WARC record at offset"), "%s", g.msg[0]);
	got_free(&g);
	/* a record over the size limit */
	galley_buf_reset(&w);
	galley_buf http2 = {0};
	galley_buf_puts(&http2, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
	for (int i = 0; i < 20000; i++)
		galley_buf_puts(&http2, "<p>xxxxxxxx</p>\n");
	galley_buf_printf(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %zu\r\n\r\n", http2.len);
	galley_buf_append(&w, http2.data, http2.len);
	galley_buf_puts(&w, "\r\n\r\n");
	warc_record(&w, "response", "https://c.example/", NULL, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nok");
	th_write_file(p, w.data, w.len);
	galley_collection_options small = {.media_types = html_media, .max_entry_bytes = 1000};
	collect(p, &small, &g);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_int_eq(g.rc[0], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(g.msg[0], "limit"), "%s", g.msg[0]);
	th_str_eq(g.data[1], "ok");
	got_free(&g);
	galley_buf_free(&http2);
	galley_buf_free(&http);
	galley_buf_free(&w);
	free(c);
	free(p);
}
END_TEST

/* Names that are not ASCII, in a zip with the UTF-8 flag and in a pax tar: libarchive cannot
 * convert them in the C locale the program runs in, and the members were lost (or their name
 * came back NULL). */
START_TEST(utf8_member_names)
{
	static const char *const names[] = {"über-uns.html", "новости.html", "新闻/北京.html", "emoji-\xf0\x9f\x98\x80.html",
	                                    "plain.html", "styl\xc3\xa9.css"};
	th_member m[6];
	for (size_t i = 0; i < 6; i++)
		m[i] = (th_member){names[i], names[i], strlen(names[i])};
	for (int k = 0; k < 2; k++) {
		char *p = th_tmp_path(k ? "names.tar" : "names.zip");
		th_write_archive(p, k ? TH_TAR_PAX : TH_ZIP, m, 6);
		got g;
		collect(p, NULL, &g);
		ck_assert_uint_eq(g.n, 5);
		for (size_t i = 0; i < 5; i++) {
			ck_assert_msg(g.rc[i] == GALLEY_OK, "%s: %s", names[i], g.msg[i]);
			th_str_eq(g.member[i], names[i]);
			th_str_eq(g.data[i], names[i]);
		}
		got_free(&g);
		free(p);
	}
}
END_TEST

/* Decompression bounds: a file that expands far more than text does is refused naming
 * max_ratio=, the absolute cap names max_expanded=, and raising them reads the file. */
START_TEST(decompression_bounds)
{
	size_t big = (size_t)24 << 20;
	char *zeros = galley_calloc(1, big + 1);
	memset(zeros, 'a', big);
	char *gz = NULL;
	size_t gzl = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, zeros, big, &gz, &gzl));
	char *p = th_tmp_path("bomb.html.gz");
	th_write_file(p, gz, gzl);
	got g;
	collect(p, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.rc[0], GALLEY_ERR_ARTICLE);
	ck_assert_msg(strstr(g.msg[0], "max_ratio=") && strstr(g.msg[0], "200 times"), "%s", g.msg[0]);
	got_free(&g);
	galley_collection_options o = {.extensions = html_exts, .max_ratio = 1e6, .max_entry_bytes = (size_t)32 << 20};
	collect(p, &o, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_msg(g.rc[0] == GALLEY_OK, "%s", g.msg[0]);
	ck_assert_uint_eq(g.len[0], big);
	got_free(&g);
	o.max_expanded_bytes = (uint64_t)4 << 20;
	collect(p, &o, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], "max_expanded="), "%s", g.msg[0]);
	got_free(&g);
	/* zeros from the start read as an empty tar archive by libarchive: one clear message (a
	 * second header read after the end gave an "INTERNAL ERROR") */
	char *zgz = NULL;
	size_t zgzl = 0;
	char *nul = galley_calloc(1, 4096);
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, nul, 4096, &zgz, &zgzl));
	char *zp = th_tmp_path("zeros.html.gz");
	th_write_file(zp, zgz, zgzl);
	collect(zp, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], "block of zero bytes"), "%s", g.msg[0]);
	got_free(&g);
	free(zp);
	free(zgz);
	free(nul);
	/* the same bomb as a member page.html.gz of a tar */
	member m[] = {{"page.html.gz", NULL}, {"after.html", "<p>after</p>"}};
	char *tp = th_tmp_path("bomb.tar");
	struct archive *a = archive_write_new();
	archive_write_set_format_pax_restricted(a);
	ck_assert_int_eq(archive_write_open_filename(a, tp), ARCHIVE_OK);
	for (int i = 0; i < 2; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		size_t l = i ? strlen(m[i].data) : gzl;
		archive_entry_set_size(e, (la_int64_t)l);
		archive_write_header(a, e);
		archive_write_data(a, i ? m[i].data : gz, l);
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	collect(tp, NULL, &g);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], "max_ratio="), "%s", g.msg[0]);
	th_str_eq(g.member[0], "page.html.gz");
	ck_assert_int_eq(g.rc[1], GALLEY_OK);
	got_free(&g);
	free(tp);
	free(p);
	free(gz);
	free(zeros);
}
END_TEST

/* A file that decompresses to compressed data (libarchive's filter bidding stacked a filter per
 * layer, without end for a file that decompresses to itself): refused at the second layer. */
START_TEST(nested_compression)
{
	const char *page = "<html><body><p>deep page</p></body></html>";
	char *cur = galley_strdup(page);
	size_t cl = strlen(page);
	for (int depth = 1; depth <= 30; depth++) {
		char *next = NULL;
		size_t nl = 0;
		ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, cur, cl, &next, &nl));
		free(cur);
		cur = next;
		cl = nl;
		if (depth != 2 && depth != 30)
			continue;
		char *p = th_tmp_path("deep.html.gz");
		th_write_file(p, cur, cl);
		got g;
		collect(p, NULL, &g);
		ck_assert_uint_eq(g.n, 1);
		ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], "compressed data inside compressed data"),
		              "depth %d: %s", depth, g.msg[0]);
		got_free(&g);
		free(p);
	}
	free(cur);
}
END_TEST

/* Compressed and archive formats galley does not open, ARC files and binary data are refused
 * by name instead of becoming an article of mojibake. */
START_TEST(unsupported_formats_refused)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *says;
	} cases[] = {
		{"LZIP\x01\x0c", 6, "lzip"},
		{"\x5d\x00\x00\x80\x00\xff\xff", 7, "lzma"},
		{"\x1f\x9d\x90<html", 8, "compress (.Z)"},
		{"Rar!\x1a\x07\x00", 7, "RAR"},
		{"7z\xbc\xaf\x27\x1c\x00\x04", 8, "7-Zip"},
		{"070701000000", 12, "cpio"},
		{"xar!\x00\x1c", 6, "xar"},
		{"filedesc://x.arc 0.0.0.0 20200101000000 text/plain 10\n1 0 x\n\n", 62, "ARC file"},
		{"\x00\x01\x02\x03\x04\x05\x06\x07\x08<p>binary</p>\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17", 32, "binary data"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = th_tmp_path("input.html");
		th_write_file(p, cases[i].bytes, cases[i].len);
		got g;
		collect(p, NULL, &g);
		ck_assert_uint_eq(g.n, 1);
		ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], cases[i].says), "%s: %s", cases[i].says,
		              g.msg[0] ? g.msg[0] : "(read as an article)");
		got_free(&g);
		/* and inside gzip */
		char *gz = NULL;
		size_t gzl = 0;
		ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, cases[i].bytes, cases[i].len, &gz, &gzl));
		th_write_file(p, gz, gzl);
		collect(p, NULL, &g);
		ck_assert_uint_eq(g.n, 1);
		if (strcmp(cases[i].says, "binary data")) /* binary text inside gzip is left to the reader */
			ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], cases[i].says), "gz %s: %s",
			              cases[i].says, g.msg[0] ? g.msg[0] : "(read as an article)");
		got_free(&g);
		free(gz);
		free(p);
	}
	/* UTF-16 with its byte order mark is text */
	char *p = th_tmp_path("utf16.html");
	th_write_file(p, "\xff\xfe<\0p\0>\0h\0i\0", 12);
	got g;
	collect(p, NULL, &g);
	ck_assert_int_eq(g.rc[0], GALLEY_OK);
	got_free(&g);
	free(p);
}
END_TEST

/* One interrupt stops any read: the stop flag is checked between the reads of a stream. */
START_TEST(stop_flag_stops_reads)
{
	size_t big = (size_t)8 << 20;
	char *text = galley_calloc(1, big);
	for (size_t i = 0; i < big; i++)
		text[i] = (char)('a' + (i * 7919) % 26);
	char *gz = NULL;
	size_t gzl = 0;
	ck_assert(compress_bytes(ARCHIVE_FILTER_GZIP, text, big, &gz, &gzl));
	char *p = th_tmp_path("long.html.gz");
	th_write_file(p, gz, gzl);
	galley_request_stop(); /* this test runs in its own process */
	got g;
	collect(p, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_msg(g.rc[0] == GALLEY_ERR_ARTICLE && strstr(g.msg[0], "stopped"), "%s", g.msg[0]);
	got_free(&g);
	free(p);
	free(gz);
	free(text);
}
END_TEST

/* Nothing skipped silently: members with another name ending and archives inside the archive
 * are counted; WARC resource records holding HTML are read, others counted. */
START_TEST(skips_counted_and_resources_read)
{
	th_member m[] = {
		{"a.html", "<p>a</p>", 8}, {"b.php", "<p>b</p>", 8}, {"inner.zip", "PK\5\6", 4}, {"c.htm", "<p>c</p>", 8}};
	char *p = th_tmp_path("mixed.zip");
	th_write_archive(p, TH_ZIP, m, 4);
	got g;
	collect(p, NULL, &g);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_msg(strstr(g.skips, "itself an archive (unpack it to read it)=1;") &&
	                  strstr(g.skips, "no accepted ending (extensions=)=1;"),
	              "%s", g.skips);
	got_free(&g);
	galley_buf w = {0};
	galley_buf_puts(&w, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/r\r\n"
	                    "Content-Type: text/html; charset=utf-8\r\nContent-Length: 10\r\n\r\n<p>res</p>\r\n\r\n");
	galley_buf_puts(&w, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/i.png\r\n"
	                    "Content-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG\r\n\r\n");
	char *pw = th_tmp_path("res.warc");
	th_write_file(pw, w.data, w.len);
	collect(pw, NULL, &g);
	ck_assert_uint_eq(g.n, 1);
	ck_assert_int_eq(g.rc[0], GALLEY_OK);
	th_str_eq(g.data[0], "<p>res</p>");
	th_str_eq(g.url[0], "https://a.example/r");
	th_str_eq(g.ctype[0], "text/html");
	th_str_eq(g.charset[0], "utf-8");
	ck_assert_msg(strstr(g.skips, "WARC resource record Content-Type image/png=1;"), "%s", g.skips);
	got_free(&g);
	galley_buf_free(&w);
	free(pw);
	free(p);
}
END_TEST

START_TEST(extension_lists)
{
	char **v = galley_extensions_parse(" html, .HTM,,xhtml ");
	ck_assert_ptr_nonnull(v);
	th_str_eq(v[0], ".html");
	th_str_eq(v[1], ".htm");
	th_str_eq(v[2], ".xhtml");
	ck_assert_ptr_null(v[3]);
	galley_strv_free(v);
	v = galley_extensions_parse("");
	ck_assert_ptr_null(v[0]);
	galley_strv_free(v);
	v = galley_extensions_parse(NULL);
	ck_assert_ptr_null(v[0]);
	galley_strv_free(v);
	galley_strv_free(NULL);
}
END_TEST

START_TEST(path_resolution)
{
	char *p = galley_path_resolve("site/a", "../img/./b.png");
	th_str_eq(p, "site/img/b.png");
	free(p);
	p = galley_path_resolve(NULL, "./a//b/../c.png");
	th_str_eq(p, "a/c.png");
	free(p);
	ck_assert_ptr_null(galley_path_resolve("", "../escape.png"));
	ck_assert_ptr_null(galley_path_resolve("a", "../../escape.png"));
	ck_assert_ptr_null(galley_path_resolve("a", "."));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("collection");
	TCase *tc = tcase_create("files");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, dir_sorted_recursive);
	tcase_add_test(tc, extension_lists);
	tcase_add_test(tc, path_resolution);
	tcase_add_test(tc, explicit_glob_list_comma);
	tcase_add_test(tc, open_errors);
	tcase_add_test(tc, stdin_plain_and_tar);
	suite_add_tcase(s, tc);
	tc = tcase_create("archives");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, tar_every_filter_and_zip);
	tcase_add_test(tc, member_gz_and_dir_of_archives);
	tcase_add_test(tc, single_compressed_files);
	tcase_add_test(tc, broken_archives_and_limits);
	tcase_add_test(tc, utf8_member_names);
	tcase_add_test(tc, decompression_bounds);
	tcase_add_test(tc, nested_compression);
	tcase_add_test(tc, unsupported_formats_refused);
	tcase_add_test(tc, stop_flag_stops_reads);
	tcase_add_test(tc, skips_counted_and_resources_read);
	suite_add_tcase(s, tc);
	tc = tcase_create("warc");
	tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
	tcase_add_test(tc, warc_plain_and_gz);
	tcase_add_test(tc, warc_gzip_body_and_broken);
	tcase_add_test(tc, truncated_gzip_keeps_complete_records);
	tcase_add_test(tc, warc_resynchronises);
	suite_add_tcase(s, tc);
	return th_run(s);
}
