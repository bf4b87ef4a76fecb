#include "harness.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *th_src(const char *rel)
{
	const char *src = getenv("GALLEY_SOURCE_DIR");
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/%s", src && *src ? src : GALLEY_TEST_SRCDIR, rel);
	return galley_buf_steal(&b);
}

const char *th_shared_dir(void)
{
	static char path[4096];
	const char *env = getenv("GALLEY_SHARED_DIR");
	struct stat st;
	if (env && *env)
		snprintf(path, sizeof path, "%s", env);
	else
		snprintf(path, sizeof path, "%s/../shared", GALLEY_TEST_SRCDIR);
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	return path;
}

char *th_devset_archive(void)
{
	const char *shared = th_shared_dir();
	if (!shared)
		return NULL;
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/datasets/webextract-dev.tar.xz", shared);
	struct stat st;
	if (stat(b.data, &st) != 0) {
		galley_buf_free(&b);
		return NULL;
	}
	return galley_buf_steal(&b);
}

bool th_extract(const char *archive, const char *dest)
{
	struct archive *a = archive_read_new();
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	if (archive_read_open_filename(a, archive, 1 << 16) != ARCHIVE_OK) {
		archive_read_free(a);
		return false;
	}
	struct archive_entry *e;
	bool ok = true;
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);
		if (strstr(name, "..") || name[0] == '/')
			continue;
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/%s", dest, name);
		if (archive_entry_filetype(e) == AE_IFDIR) {
			mkdir(p.data, 0755);
		} else if (archive_entry_filetype(e) == AE_IFREG) {
			char *slash = strrchr(p.data, '/');
			*slash = 0;
			mkdir(p.data, 0755);
			*slash = '/';
			FILE *f = fopen(p.data, "wb");
			if (!f) {
				ok = false;
				galley_buf_free(&p);
				break;
			}
			const void *buf;
			size_t size;
			la_int64_t off;
			while (archive_read_data_block(a, &buf, &size, &off) == ARCHIVE_OK)
				fwrite(buf, 1, size, f);
			fclose(f);
		}
		galley_buf_free(&p);
	}
	archive_read_free(a);
	return ok;
}

char *th_tmpdir(void)
{
	char tmpl[] = "/tmp/galley-test-XXXXXX";
	char *d = mkdtemp(tmpl);
	ck_assert_msg(d != NULL, "mkdtemp: %s", strerror(errno));
	return galley_strdup(d);
}

void th_rmrf(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			galley_buf b = {0};
			galley_buf_printf(&b, "%s/%s", path, e->d_name);
			th_rmrf(b.data);
			galley_buf_free(&b);
		}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

char *th_tmp;

void th_tmp_setup(void)
{
	th_tmp = th_tmpdir();
}

void th_tmp_teardown(void)
{
	th_rmrf(th_tmp);
	free(th_tmp);
	th_tmp = NULL;
}

char *th_tmp_path(const char *name)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/%s", th_tmp, name);
	return galley_buf_steal(&b);
}

void th_write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

char *th_read_file(const char *path, size_t *len)
{
	unsigned char *data = NULL;
	size_t n = 0;
	if (galley_read_file(path, &data, &n, 0, NULL) != GALLEY_OK)
		return NULL;
	if (len)
		*len = n;
	return (char *)data;
}

static galley_registry *registry;

static void free_registry(void)
{
	galley_registry_free(registry);
	registry = NULL;
}

galley_registry *th_registry(void)
{
	if (!registry) {
		registry = galley_registry_new();
		galley_registry_scan(registry);
		atexit(free_registry);
	}
	return registry;
}

galley_stage *th_stage(const char *plugin, const char *options)
{
	galley_error err = {0};
	galley_stage *s = galley_stage_new(th_registry(), plugin, options, &err);
	ck_assert_msg(s != NULL, "stage %s: %s", plugin, err.message);
	ck_assert_msg(galley_stage_open(s, &err) == GALLEY_OK, "open %s: %s", plugin, err.message);
	return s;
}

size_t th_read_all(const char *plugin, const char *options, galley_article **out, size_t max)
{
	galley_stage *s = th_stage(plugin, options);
	size_t n = 0;
	for (;;) {
		galley_error err = {0};
		galley_article *a = NULL;
		int rc = galley_stage_read(s, &a, &err);
		if (rc == GALLEY_END)
			break;
		if (rc == GALLEY_ERR_FATAL)
			ck_abort_msg("%s: %s", plugin, err.message);
		if (rc != GALLEY_OK) {
			galley_article_free(a);
			continue;
		}
		if (n < max && out)
			out[n] = a;
		else
			galley_article_free(a);
		n++;
	}
	galley_stage_free(s);
	return n;
}

void th_read_results(const char *plugin, const char *options, th_results *r)
{
	memset(r, 0, sizeof *r);
	galley_stage *s = th_stage(plugin, options);
	for (;;) {
		galley_error err = {0};
		galley_article *a = NULL;
		int rc = galley_stage_read(s, &a, &err);
		if (rc == GALLEY_END)
			break;
		ck_assert_msg(rc != GALLEY_ERR_FATAL, "fatal: %s", err.message);
		ck_assert_uint_lt(r->n, TH_MAX_RESULTS);
		r->a[r->n] = a;
		r->rc[r->n] = rc;
		snprintf(r->msg[r->n], sizeof r->msg[0], "%s", err.message);
		r->n++;
	}
	galley_stage_free(s);
}

void th_results_free(th_results *r)
{
	for (size_t i = 0; i < r->n; i++)
		galley_article_free(r->a[i]);
	memset(r, 0, sizeof *r);
}

galley_article *th_article_html(const char *html)
{
	galley_article *a = galley_article_new();
	htmlDocPtr page = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                     HTML_PARSE_NONET);
	xmlDocPtr doc = galley_body_new();
	xmlNodePtr root = galley_body_root(doc);
	xmlNodePtr pbody = NULL;
	for (xmlNodePtr n = page ? xmlDocGetRootElement(page) : NULL; n; n = n->children) {
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "body")) {
			pbody = n;
			break;
		}
		if (!n->children)
			break;
		/* html > body is the usual shape */
		for (xmlNodePtr c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST "body"))
				pbody = c;
		break;
	}
	if (pbody) {
		xmlNodePtr copy = xmlDocCopyNodeList(doc, pbody->children);
		if (copy)
			xmlAddChildList(root, copy);
	}
	xmlFreeDoc(page);
	galley_article_set_body(a, doc);
	return a;
}

void th_write_all(const char *plugin, const char *options, galley_article *const *arts, size_t n, th_feed_mode mode)
{
	galley_stage *s = th_stage(plugin, options);
	for (size_t i = 0; i < n; i++) {
		galley_error err = {0};
		ck_assert_msg(galley_stage_feed(s, arts[i], &err) == GALLEY_OK, "feed: %s", err.message);
		if (mode == TH_FREE_FED)
			galley_article_free(arts[i]);
	}
	galley_error err = {0};
	ck_assert_msg(galley_stage_finish(s, &err) == GALLEY_OK, "finish: %s", err.message);
	galley_stage_free(s);
}

void th_validate_json(const char *path)
{
	char *script = th_src("tests/e2e/validate-json.py");
	galley_buf cmd = {0};
	galley_buf_printf(&cmd, "python3 '%s' '%s' 2>&1", script, path);
	int rc = system(cmd.data);
	ck_assert_msg(rc != -1 && WIFEXITED(rc), "cannot run %s", cmd.data);
	ck_assert_msg(WEXITSTATUS(rc) != 3, "python3-jsonschema is missing: install it (build-aux/debian-packages.txt)");
	ck_assert_msg(WEXITSTATUS(rc) == 0, "%s does not match docs/article.schema.json", path);
	galley_buf_free(&cmd);
	free(script);
}

char *th_text_of(const galley_article *a)
{
	return galley_body_text(galley_article_body(a));
}

int th_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

void th_write_archive(const char *path, th_archive_kind kind, const th_member *m, size_t n)
{
	/* libarchive converts names from the locale's charset: write them in a UTF-8 one */
	locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	ck_assert_msg(utf8 != (locale_t)0, "no C.UTF-8 locale");
	locale_t saved = uselocale(utf8);
	struct archive *w = archive_write_new();
	if (kind == TH_ZIP)
		archive_write_set_format_zip(w);
	else
		archive_write_set_format_pax_restricted(w);
	if (kind == TH_TAR_GZ)
		archive_write_add_filter_gzip(w);
	ck_assert_int_eq(archive_write_open_filename(w, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname_utf8(e, m[i].name);
		archive_entry_set_size(e, (la_int64_t)m[i].len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		ck_assert_int_eq(archive_write_header(w, e), ARCHIVE_OK);
		archive_write_data(w, m[i].data, m[i].len);
		archive_entry_free(e);
	}
	ck_assert_int_eq(archive_write_close(w), ARCHIVE_OK);
	archive_write_free(w);
	uselocale(saved);
	freelocale(utf8);
}
