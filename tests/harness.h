/* Test harness shared by the check test files: paths, a registry of this build's plugins, and
 * helpers to run one stage on in-memory articles.  Test code only. */
#ifndef GALLEY_TEST_HARNESS_H
#define GALLEY_TEST_HARNESS_H

#include <check.h>
#include <galley/galley.h>
#include <galley/pipeline.h>
#include <string.h>

/* Source tree path of rel (owned, free()). */
char *th_src(const char *rel);
/* ../shared beside the checkout, or NULL when absent (tests that need it skip). */
const char *th_shared_dir(void);
/* The development set's archive (owned, free()), or NULL when ../shared or the file is absent:
 * the caller prints why it skips and returns. */
char *th_devset_archive(void);
/* Unpack every regular file of archive into dest (names with ".." or a leading '/' are
 * skipped); false when the archive cannot be opened or a file cannot be written. */
bool th_extract(const char *archive, const char *dest);
/* A fresh temporary directory (owned, free()), removed by th_rmrf. */
char *th_tmpdir(void);
void th_rmrf(const char *path);
/* A temporary directory per test, as a check fixture:
 *     tcase_add_checked_fixture(tc, th_tmp_setup, th_tmp_teardown);
 * th_tmp is its path during the test; th_tmp_path("a/b.html") a path inside it (owned). */
extern char *th_tmp;
void th_tmp_setup(void);
void th_tmp_teardown(void);
char *th_tmp_path(const char *name);
/* Write data to path (creating it); aborts the test on failure. */
void th_write_file(const char *path, const void *data, size_t len);
/* Read a whole file (owned, free(), NUL-terminated), or NULL. */
char *th_read_file(const char *path, size_t *len);

/* An archive member for th_write_archive: name in UTF-8, data of len bytes. */
typedef struct th_member {
	const char *name;
	const void *data;
	size_t len;
} th_member;
typedef enum th_archive_kind { TH_ZIP, TH_TAR_PAX, TH_TAR_GZ } th_archive_kind;
/* Write an archive whose member names are UTF-8 (zip: with the UTF-8 flag, as every modern
 * zipper writes them; pax: UTF-8 path records), whatever the test's locale. */
void th_write_archive(const char *path, th_archive_kind kind, const th_member *m, size_t n);

/* The registry of this build's plugins (shared, do not free). */
galley_registry *th_registry(void);
/* Create and open a stage; fails the test with the error message on failure. (owned) */
galley_stage *th_stage(const char *plugin, const char *options);
/* A reader stage over `input`, read every article; returns the count and puts them in out[]
 * (owned, galley_article_free each) up to max. */
size_t th_read_all(const char *plugin, const char *options, galley_article **out, size_t max);
/* Every outcome of running a reader to its end: articles (owned, NULL for failed reads), the
 * status of each read and its message.  A fatal status fails the test. */
#define TH_MAX_RESULTS 64
typedef struct th_results {
	galley_article *a[TH_MAX_RESULTS];
	int rc[TH_MAX_RESULTS];
	char msg[TH_MAX_RESULTS][1024];
	size_t n;
} th_results;
void th_read_results(const char *plugin, const char *options, th_results *r);
void th_results_free(th_results *r);
/* What th_write_all does with each article once the stage has been fed it: leave it to the
 * caller, or free it at once (which also shows that the stage keeps no pointer into it). */
typedef enum th_feed_mode { TH_KEEP_FED, TH_FREE_FED } th_feed_mode;
/* A writer (or transform) stage of plugin with options: every article of arts[0..n) fed to it,
 * then finished; a failure fails the test with the stage's message. */
void th_write_all(const char *plugin, const char *options, galley_article *const *arts, size_t n, th_feed_mode mode);
/* Check a JSON Lines or JSON array file against docs/article.schema.json
 * (tests/e2e/validate-json.py, which needs python3-jsonschema). */
void th_validate_json(const char *path);
/* An article whose body is parsed from an HTML fragment (owned). */
galley_article *th_article_html(const char *html);
/* The article's body as text (owned, free()). */
char *th_text_of(const galley_article *a);

/* String equality that prints both sides. */
#define th_str_eq(a, b)                                                                         \
	do {                                                                                        \
		const char *th_a_ = (a), *th_b_ = (b);                                                  \
		ck_assert_msg(th_a_ && th_b_ && strcmp(th_a_, th_b_) == 0, "%s == %s: got '%s', expected '%s'", \
		              #a, #b, th_a_ ? th_a_ : "(null)", th_b_ ? th_b_ : "(null)");                \
	} while (0)

/* The article's body as text equals expected (both printed when not). */
#define th_text_eq(a, expected)                                                                 \
	do {                                                                                        \
		char *th_text_ = th_text_of(a);                                                         \
		th_str_eq(th_text_, (expected));                                                        \
		free(th_text_);                                                                         \
	} while (0)

/* The file at path holds exactly the string expected (both printed when not). */
#define th_file_eq(path, expected)                                                              \
	do {                                                                                        \
		char *th_file_ = th_read_file((path), NULL);                                            \
		th_str_eq(th_file_, (expected));                                                        \
		free(th_file_);                                                                         \
	} while (0)

/* Run a suite; returns the process exit status. */
int th_run(Suite *s);

#endif
