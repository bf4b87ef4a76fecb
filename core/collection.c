/* Collections: everything an `input=` option can name, streamed one entry at a time.
 *
 * A spec is expanded once, at open, into a sorted list of sources (files, or "-"); each
 * source is then opened lazily:
 *   - a plain file is read directly;
 *   - anything that starts with a compression or archive signature (gzip, xz, zstd, bzip2,
 *     zip, tar) or with "WARC/" — and standard input, always — goes through libarchive with
 *     every filter and the tar, zip and raw formats: tar and zip give members, the raw format
 *     gives the single decompressed stream, which is either one page or a WARC file;
 *   - WARC streams are parsed record by record, in collection_warc.c, over libarchive's
 *     decompression (which also reads the per-record gzip members Common Crawl publishes).
 * Nothing is unpacked to disk.  Problems with one entry are reported for that entry; the
 * collection then goes on with the next one. */
#include "collection_private.h"

#include <archive.h>
#include <archive_entry.h>
#include <galley/archive_io.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char **strv_copy(const char *const *v, bool lower)
{
	if (!v)
		return NULL;
	size_t n = 0;
	while (v[n])
		n++;
	char **out = galley_calloc(n + 1, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		out[i] = galley_strdup(v[i]);
		if (lower)
			for (char *p = out[i]; *p; p++)
				*p = (char)tolower((unsigned char)*p);
	}
	return out;
}

static void strv_free(char **v)
{
	if (!v)
		return;
	for (size_t i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}

static bool ends_with_ci(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

static const char *const compress_suffixes[] = {".gz", ".xz", ".zst", ".bz2", NULL};
static const char *const archive_suffixes[] = {
	".tar", ".tgz", ".tar.gz", ".txz", ".tar.xz", ".tzst", ".tar.zst", ".tbz", ".tbz2", ".tar.bz2",
	".zip", ".warc", ".warc.gz", ".warc.xz", ".warc.zst", ".warc.bz2", NULL};

/* Does name (a path inside a directory or an archive) have an accepted extension, possibly
 * under a compression suffix ("page.html.gz")? */
static bool name_accepted(const galley_collection *c, const char *name)
{
	if (!c->exts)
		return true;
	size_t len = strlen(name);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; c->exts[i]; i++)
			if (ends_with_ci(name, len, c->exts[i]))
				return true;
		if (pass == 0) {
			bool stripped = false;
			for (size_t i = 0; compress_suffixes[i]; i++)
				if (ends_with_ci(name, len, compress_suffixes[i])) {
					len -= strlen(compress_suffixes[i]);
					stripped = true;
					break;
				}
			if (!stripped)
				break;
		}
	}
	return false;
}

static bool name_is_archive(const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; archive_suffixes[i]; i++)
		if (ends_with_ci(name, len, archive_suffixes[i]))
			return true;
	return false;
}

static void add_source(galley_collection *c, const char *path, bool explicit_, const char *problem)
{
	if (c->n_srcs == c->cap_srcs) {
		c->cap_srcs = c->cap_srcs ? 2 * c->cap_srcs : 16;
		c->srcs = galley_realloc(c->srcs, c->cap_srcs * sizeof *c->srcs);
	}
	coll_source *s = &c->srcs[c->n_srcs++];
	s->path = galley_strdup(path);
	s->explicit_ = explicit_;
	s->problem = galley_strdup(problem);
}

static galley_skip_hook skip_hook;
static void *skip_hook_ctx;

void galley_collection_set_skip_hook(galley_skip_hook hook, void *ctx)
{
	skip_hook = hook;
	skip_hook_ctx = ctx;
}

static void count_skip_file(galley_collection *c, const char *file, const char *reason);

void coll_count_skip(galley_collection *c, const char *reason)
{
	count_skip_file(c, c->cur ? c->cur->path : NULL, reason);
}

/* Count a skipped input under its reason (the summary's line), and tell the hook which. */
static void count_skip_file(galley_collection *c, const char *file, const char *reason)
{
	if (skip_hook)
		skip_hook(skip_hook_ctx, file, NULL, -1, reason);
	for (size_t i = 0; i < c->n_skips; i++)
		if (!strcmp(c->skips[i].reason, reason)) {
			c->skips[i].count++;
			return;
		}
	c->skips = galley_realloc(c->skips, (c->n_skips + 1) * sizeof *c->skips);
	c->skips[c->n_skips].reason = galley_strdup(reason);
	c->skips[c->n_skips].count = 1;
	c->n_skips++;
}

/* ---- expanding the spec ------------------------------------------------------------------ */

typedef struct path_list {
	char **v;
	size_t n, cap;
} path_list;

static void path_list_add(path_list *l, const char *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = galley_realloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = galley_strdup(p);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(const char *dir, int depth, path_list *out)
{
	if (depth > MAX_DIR_DEPTH)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ".", "..", hidden files (editor and OS litter) */
		galley_buf p = {0};
		size_t dl = strlen(dir);
		galley_buf_append(&p, dir, dl);
		if (dl == 0 || dir[dl - 1] != '/')
			galley_buf_putc(&p, '/');
		galley_buf_puts(&p, e->d_name);
		struct stat st;
		if (stat(p.data, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				struct stat lst;
				/* follow real directories only: symlinked ones could loop */
				if (lstat(p.data, &lst) == 0 && !S_ISLNK(lst.st_mode))
					walk_dir(p.data, depth + 1, out);
			} else if (S_ISREG(st.st_mode)) {
				path_list_add(out, p.data);
			}
		}
		galley_buf_free(&p);
	}
	closedir(d);
}

/* Does the collection take HTML (a reader that accepts text/html)? */
static bool wants_html(const galley_collection *c)
{
	for (size_t i = 0; c->media && c->media[i]; i++)
		if (!strcmp(c->media[i], "text/html"))
			return true;
	return false;
}

/* HTML by its first bytes, for files whose name says nothing (a mirror's "index.html.1",
 * "article.php?id=3", "story"): after a BOM and white space, a doctype, <html>, <head>, <body>,
 * a comment or <meta>/<title>. */
static bool content_looks_html(const unsigned char *p, size_t n)
{
	static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title", NULL};
	size_t i = 0;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	while (i < n && isspace(p[i]))
		i++;
	for (size_t k = 0; starts[k]; k++) {
		size_t len = strlen(starts[k]);
		if (n - i >= len && !strncasecmp((const char *)p + i, starts[k], len))
			return true;
	}
	return false;
}

static bool file_looks_html(const char *path)
{
	enum { SNIFF_BYTES = 512 };
	unsigned char head[SNIFF_BYTES];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head);
	close(fd);
	return n > 0 && content_looks_html(head, (size_t)n);
}

#define SKIP_NAME_REASON "file name without an accepted extension"

static void add_directory(galley_collection *c, const char *dir)
{
	path_list l = {0};
	walk_dir(dir, 0, &l);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_str);
	bool sniff = c->exts && wants_html(c);
	for (size_t i = 0; i < l.n; i++) {
		const char *base = strrchr(l.v[i], '/');
		base = base ? base + 1 : l.v[i];
		if (name_accepted(c, base) || name_is_archive(base) || (sniff && file_looks_html(l.v[i])))
			add_source(c, l.v[i], false, NULL);
		else
			count_skip_file(c, l.v[i], SKIP_NAME_REASON);
		free(l.v[i]);
	}
	free(l.v);
}

static char *trim(char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = 0;
	return s;
}

static int expand_item(galley_collection *c, const char *item, const char *list_dir, int depth,
                       size_t *n_existing, galley_error *err);

/* A list file's whole text (or standard input's, for "@-"); (owned) in *out. */
static int read_list(const char *path, galley_buf *out, galley_error *err)
{
	bool std_in = !strcmp(path, "-");
	FILE *f = std_in ? stdin : fopen(path, "rb");
	if (!f)
		return galley_error_set(err, GALLEY_ERR_FATAL, "cannot read list file %s: %s", path, strerror(errno));
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		galley_buf_append(out, chunk, n);
	bool failed = ferror(f);
	if (!std_in)
		fclose(f);
	if (failed)
		return galley_error_set(err, GALLEY_ERR_FATAL, "cannot read list file %s", std_in ? "(standard input)" : path);
	return GALLEY_OK;
}

/* "@list": one input per line (blank lines and '#' comments skipped, spaces around trimmed), or,
 * when the list holds NUL bytes (find -print0), one per NUL-terminated name taken as it is.
 * "@-" reads the list from standard input; relative names in a list file that do not exist
 * from the working directory are taken from the list's folder. */
static int expand_list_file(galley_collection *c, const char *path, int depth, size_t *n_existing,
                            galley_error *err)
{
	if (depth >= MAX_LIST_DEPTH)
		return galley_error_set(err, GALLEY_ERR_FATAL, "list file %s: lists nested more than %d deep",
		                        path, MAX_LIST_DEPTH);
	galley_buf text = {0};
	int rc = read_list(path, &text, err);
	if (rc != GALLEY_OK) {
		galley_buf_free(&text);
		return rc;
	}
	char *dir = galley_strdup(strcmp(path, "-") ? path : "");
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[1] = 0;
	else
		dir[0] = 0;
	bool nul_separated = text.len && memchr(text.data, '\0', text.len);
	char sep = nul_separated ? '\0' : '\n';
	for (size_t pos = 0; pos < text.len && rc == GALLEY_OK;) {
		char *start = text.data + pos;
		char *stop = memchr(start, sep, text.len - pos);
		size_t len = stop ? (size_t)(stop - start) : text.len - pos;
		start[len] = 0;
		pos += len + 1;
		char *t = nul_separated ? start : trim(start);
		if (!*t || (!nul_separated && *t == '#'))
			continue;
		rc = expand_item(c, t, dir, depth + 1, n_existing, err);
	}
	galley_buf_free(&text);
	free(dir);
	return rc;
}

static int expand_item(galley_collection *c, const char *item, const char *list_dir, int depth,
                       size_t *n_existing, galley_error *err)
{
	struct stat st;
	if (!strcmp(item, "-")) {
		add_source(c, "-", true, NULL);
		(*n_existing)++;
		return GALLEY_OK;
	}
	if (item[0] == '@' && item[1])
		return expand_list_file(c, item + 1, depth, n_existing, err);

	char *path = galley_strdup(item);
	/* in a list file, a relative path that does not exist from the working directory is
	 * taken relative to the list file */
	if (list_dir && *list_dir && path[0] != '/' && stat(path, &st) != 0) {
		galley_buf b = {0};
		galley_buf_printf(&b, "%s%s", list_dir, item);
		if (stat(b.data, &st) == 0) {
			free(path);
			path = galley_buf_steal(&b);
		} else {
			galley_buf_free(&b);
		}
	}
	if (stat(path, &st) == 0) {
		(*n_existing)++;
		if (S_ISDIR(st.st_mode))
			add_directory(c, path);
		else
			add_source(c, path, true, NULL);
	} else if (strpbrk(path, "*?[")) {
		glob_t g;
		int grc = glob(path, 0, NULL, &g);
		if (grc == 0 && g.gl_pathc) {
			(*n_existing)++;
			for (size_t i = 0; i < g.gl_pathc; i++) {
				if (stat(g.gl_pathv[i], &st) == 0 && S_ISDIR(st.st_mode))
					add_directory(c, g.gl_pathv[i]);
				else
					add_source(c, g.gl_pathv[i], true, NULL);
			}
		} else {
			add_source(c, path, true, "the pattern matches no file");
		}
		if (grc == 0)
			globfree(&g);
	} else {
		galley_buf b = {0};
		galley_buf_printf(&b, "cannot open: %s", strerror(errno));
		add_source(c, path, true, b.data);
		galley_buf_free(&b);
	}
	free(path);
	return GALLEY_OK;
}

/* The total the progress line's ETA needs: every source's size (standard input and other
 * streams make the total unknown). */
static void count_input_sizes(galley_collection *c)
{
	c->counting = true;
	for (size_t i = 0; i < c->n_srcs; i++) {
		struct stat st;
		bool known = !c->srcs[i].problem && strcmp(c->srcs[i].path, "-") && stat(c->srcs[i].path, &st) == 0 &&
		             S_ISREG(st.st_mode);
		c->srcs[i].size = known ? (uint64_t)st.st_size : 0;
		if (!c->srcs[i].problem)
			galley_input_progress_add_total(c->srcs[i].size, known);
	}
}

/* After an entry: how far into the inputs the collection is. */
static void note_progress(galley_collection *c, const coll_source *src)
{
	uint64_t here = 0;
	if (c->ar)
		here = (uint64_t)archive_filter_bytes(c->ar, -1);
	else if (src)
		here = src->size;
	galley_input_progress_set_done(c->bytes_before + here);
}

galley_collection *galley_collection_open(const char *spec, const galley_collection_options *opts,
                                          galley_error *err)
{
	if (!spec || !*spec) {
		galley_error_set(err, GALLEY_ERR_FATAL, "no input given");
		return NULL;
	}
	galley_collection *c = galley_calloc(1, sizeof *c);
	if (opts) {
		c->exts = strv_copy(opts->extensions, true);
		c->media = strv_copy(opts->media_types, true);
		c->max = opts->max_entry_bytes;
		c->max_ratio = opts->max_ratio;
		c->max_expanded = opts->max_expanded_bytes;
	}
	if (!c->max)
		c->max = DEFAULT_MAX_ENTRY;
	if (c->max_ratio <= 0)
		c->max_ratio = DEFAULT_MAX_RATIO;
	if (!c->max_expanded)
		c->max_expanded = DEFAULT_MAX_EXPANDED;

	size_t n_existing = 0;
	int rc = GALLEY_OK;
	struct stat st;
	if (stat(spec, &st) == 0 || !strchr(spec, ',')) {
		rc = expand_item(c, spec, NULL, 0, &n_existing, err);
	} else {
		char *copy = galley_strdup(spec), *save = NULL;
		for (char *tok = strtok_r(copy, ",", &save); tok && rc == GALLEY_OK; tok = strtok_r(NULL, ",", &save)) {
			char *t = trim(tok);
			if (*t)
				rc = expand_item(c, t, NULL, 0, &n_existing, err);
		}
		free(copy);
	}
	if (rc == GALLEY_OK && n_existing == 0) {
		if (c->n_srcs && c->srcs[0].problem)
			galley_error_set(err, GALLEY_ERR_FATAL, "input %s: %s", c->srcs[0].path, c->srcs[0].problem);
		else
			galley_error_set(err, GALLEY_ERR_FATAL, "input '%s' names nothing that exists", spec);
		rc = GALLEY_ERR_FATAL;
	}
	if (rc != GALLEY_OK) {
		galley_collection_close(c);
		return NULL;
	}
	if (galley_input_progress_on())
		count_input_sizes(c);
	return c;
}

/* ---- closing the current source ---------------------------------------------------------- */

static void close_current(galley_collection *c)
{
	if (c->ar) {
		archive_read_free(c->ar);
		c->ar = NULL;
	}
	arc_source_free(c->src);
	c->src = NULL;
	c->expanded = 0;
	c->damage_reported = 0;
	c->pending = NULL;
	free(c->pending_name);
	c->pending_name = NULL;
	c->n_members = 0;
	free(c->head);
	c->head = NULL;
	c->head_len = 0;
	free(c->buf);
	c->buf = NULL;
	c->buf_len = c->buf_pos = c->buf_cap = 0;
	c->buf_base = 0;
	c->eof = false;
	c->mode = MODE_NONE;
	c->cur = NULL;
}

void coll_clear_entry_strings(galley_collection *c)
{
	free(c->e_member);
	free(c->e_url);
	free(c->e_date);
	free(c->e_record_id);
	c->e_record_id = NULL;
	free(c->e_ctype);
	free(c->e_charset);
	c->e_member = c->e_url = c->e_date = c->e_ctype = c->e_charset = NULL;
}

static void entry_init(galley_collection *c, galley_entry *out)
{
	memset(out, 0, sizeof *out);
	out->file = c->cur ? c->cur->path : NULL;
	out->offset = -1;
}

/* ---- plain files ------------------------------------------------------------------------- */

/* Read what is left of fd after the *len bytes already in *data (capacity cap).  When the
 * buffer is full, a small probe read tells the end of the file from more data, so a file whose
 * size was known is read without growing the buffer. */
static int read_rest_fd(int fd, unsigned char **data, size_t *len, size_t cap, size_t max, galley_error *err)
{
	for (;;) {
		unsigned char probe[4096];
		unsigned char *dst = *len < cap ? *data + *len : probe;
		size_t room = *len < cap ? cap - *len : sizeof probe;
		ssize_t r = read(fd, dst, room);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "read error: %s", strerror(errno));
		}
		if (r == 0)
			break;
		if (*len + (size_t)r > max)
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "file is larger than the limit of %zu bytes (raise max_size= to read it)", max);
		if (dst == probe) {
			cap = cap < READ_CHUNK ? READ_CHUNK : cap * 2;
			if (cap > max)
				cap = max;
			if (cap < *len + (size_t)r)
				cap = *len + (size_t)r;
			*data = galley_realloc(*data, cap + 1);
			memcpy(*data + *len, probe, (size_t)r);
		}
		*len += (size_t)r;
	}
	return GALLEY_OK;
}

/* ---- libarchive-backed sources ----------------------------------------------------------- */

/* archive_read_data on the current handle, within the decompression bounds and stopping when
 * the run is asked to stop.  A refusal is set as the handle's error (-1 returned). */
la_ssize_t coll_ar_read(galley_collection *c, void *dst, size_t n)
{
	if (galley_stop_is_requested()) {
		archive_set_error(c->ar, EINTR, "stopped: the run was interrupted");
		return -1;
	}
	la_ssize_t r = archive_read_data(c->ar, dst, n);
	if (r <= 0)
		return r;
	bool mem = c->mem_in != NULL;
	uint64_t *total = mem ? &c->mem_expanded : &c->expanded;
	uint64_t in = mem ? c->mem_in_len : arc_source_consumed(c->src);
	*total += (uint64_t)r;
	double allowed = (double)in * c->max_ratio;
	if (allowed < (double)RATIO_FLOOR)
		allowed = (double)RATIO_FLOOR;
	char msg[320];
	if ((double)*total > allowed)
		snprintf(msg, sizeof msg,
		         "%s expands more than %g times its compressed size (%llu bytes from %llu): refused as a likely "
		         "decompression bomb (raise max_ratio= to read it)",
		         mem ? "compressed data" : "the input", c->max_ratio, (unsigned long long)*total,
		         (unsigned long long)in);
	else if (!mem && *total > c->max_expanded)
		snprintf(msg, sizeof msg,
		         "the input decompresses to more than %llu bytes: refused (raise max_expanded= to read it)",
		         (unsigned long long)c->max_expanded);
	else
		return r;
	archive_set_error(c->ar, ERANGE, "%s", msg);
	return -1;
}

const char *coll_ar_msg(struct archive *a)
{
	const char *m = a ? archive_error_string(a) : NULL;
	return m ? m : "the data is truncated or corrupt (libarchive gave no reason)";
}

/* " (the gzip data is cut short at byte 1234)" or "" when the source's gzip is intact. */
const char *coll_damage_note(galley_collection *c, char *buf, size_t cap)
{
	const arc_damage *d = arc_source_damage(c->src);
	buf[0] = 0;
	if (d && d->count)
		snprintf(buf, cap, " (%s at compressed byte %llu%s)", d->first, (unsigned long long)d->first_offset,
		         d->count > 1 ? "; more damage after it" : "");
	return buf;
}

/* Report gzip damage that decoding passed over (resynchronised at the next member) once, as an
 * error entry; GALLEY_OK when there is none new. */
int coll_report_new_damage(galley_collection *c, galley_error *err)
{
	const arc_damage *d = arc_source_damage(c->src);
	if (!d || d->count <= c->damage_reported || d->truncated)
		return GALLEY_OK;
	c->damage_reported = d->count;
	return galley_error_set(err, GALLEY_ERR_ARTICLE,
	                        "damaged gzip data: %s at compressed byte %llu; %llu bytes skipped to the next gzip member, "
	                        "reading goes on there",
	                        d->first, (unsigned long long)d->first_offset, (unsigned long long)d->skipped);
}

/* A compressed stream, zip or tar read through libarchive; fd (owned) has had its first
 * head_len bytes read into head. */
static int open_archive(galley_collection *c, int fd, const unsigned char *head, size_t head_len, int filter,
                        galley_error *err)
{
	c->src = arc_source_new(fd, head, head_len);
	struct archive *a = arc_source_open(c->src, filter, err);
	if (!a)
		return GALLEY_ERR_ARTICLE;
	c->ar = a;
	struct archive_entry *e;
	char *name = NULL;
	int r = galley_archive_next_header(a, &e, &name);
	if (r == ARCHIVE_EOF) {
		c->mode = MODE_DONE; /* nothing in it; the next call ends this source (libarchive fails a
		                      * second read of the header after the end) */
		if (archive_format(a) != ARCHIVE_FORMAT_EMPTY && filter != ARCHIVE_FILTER_NONE &&
		    (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR)
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "the decompressed data starts with a block of zero bytes: an empty tar archive, or "
			                        "no page at all");
		if (archive_format(a) == ARCHIVE_FORMAT_EMPTY && arc_source_problem(c->src))
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", arc_source_problem(c->src));
		if (archive_format(a) == ARCHIVE_FORMAT_EMPTY && archive_error_string(a))
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", archive_error_string(a));
		if (archive_format(a) == ARCHIVE_FORMAT_EMPTY && filter != ARCHIVE_FILTER_NONE)
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "nothing could be decompressed: the data is truncated, corrupt or empty");
		if (archive_format(a) == ARCHIVE_FORMAT_EMPTY)
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "the input is empty");
		return GALLEY_OK;
	}
	if (r == ARCHIVE_FATAL) {
		galley_error_set(err, GALLEY_ERR_ARTICLE, "not a readable archive or compressed file: %s", coll_ar_msg(a));
		return GALLEY_ERR_ARTICLE;
	}
	if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
		free(name);
		/* one stream: look at its start to tell a WARC file from a page */
		size_t cap = 4096;
		c->head = galley_malloc(cap);
		while (c->head_len < 16) {
			la_ssize_t n = coll_ar_read(c, c->head + c->head_len, cap - c->head_len);
			if (n < 0) {
				galley_error_set(err, GALLEY_ERR_ARTICLE, "truncated or corrupt compressed data: %s", coll_ar_msg(a));
				return GALLEY_ERR_ARTICLE;
			}
			if (n == 0)
				break;
			c->head_len += (size_t)n;
		}
		int inner_filter;
		const char *inner_name;
		sniff_kind inner = galley_sniff(c->head, c->head_len, &inner_filter, &inner_name);
		if (inner == SNIFF_COMPRESSED)
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "compressed data inside compressed data (a file that decompresses to itself, or "
			                        "compressed twice): not read");
		if (inner == SNIFF_ARC)
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", arc_refusal);
		if (inner == SNIFF_UNSUPPORTED)
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "compressed %s, which galley does not read",
			                        inner_name);
		if (c->head_len >= 5 && !memcmp(c->head, "WARC/", 5)) {
			c->mode = MODE_WARC;
			c->buf = c->head;
			c->buf_len = c->head_len;
			c->buf_cap = cap;
			c->head = NULL;
			c->head_len = 0;
		} else {
			c->mode = MODE_RAW;
		}
		return GALLEY_OK;
	}
	c->mode = MODE_ARCHIVE;
	c->pending = e; /* the first member's header is already read */
	c->pending_status = r;
	c->pending_name = name;
	return GALLEY_OK;
}

/* Read the current libarchive entry's data (after `have` bytes in *data) up to max. */
static int read_archive_data(galley_collection *c, unsigned char **data, size_t *len, size_t cap,
                             galley_error *err)
{
	for (;;) {
		if (cap - *len < 4096) {
			if (cap > c->max) {
				galley_error_set(err, GALLEY_ERR_ARTICLE,
				                 "larger than the limit of %zu bytes (raise max_size= to read it)", c->max);
				return GALLEY_ERR_ARTICLE;
			}
			cap = cap < READ_CHUNK ? READ_CHUNK : cap * 2;
			if (cap > c->max + 4096)
				cap = c->max + 4096;
			*data = galley_realloc(*data, cap + 1);
		}
		la_ssize_t n = coll_ar_read(c, *data + *len, cap - *len);
		if (n < 0) {
			galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", coll_ar_msg(c->ar));
			return GALLEY_ERR_FATAL; /* the stream cannot go on */
		}
		if (n == 0)
			break;
		*len += (size_t)n;
		if (*len > c->max) {
			galley_error_set(err, GALLEY_ERR_ARTICLE,
			                 "larger than the limit of %zu bytes (raise max_size= to read it)", c->max);
			return GALLEY_ERR_ARTICLE;
		}
	}
	return GALLEY_OK;
}

/* Decompress gzip held in memory with zlib (every member), bounded like streams; a body cut
 * short says so instead of libarchive's "unknown format". */
static int gunzip_memory(galley_collection *c, const unsigned char *in, size_t in_len, unsigned char **out,
                         size_t *out_len, galley_error *err)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot start gzip decompression: out of memory");
	double allowed = (double)in_len * c->max_ratio;
	if (allowed < (double)RATIO_FLOOR)
		allowed = (double)RATIO_FLOOR;
	size_t cap = in_len * 4 + 4096, len = 0;
	if (cap > c->max + 1)
		cap = c->max + 1;
	unsigned char *buf = galley_malloc(cap + 1);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)in_len;
	int rc = GALLEY_OK;
	for (;;) {
		if (len == cap) {
			if (len > c->max) {
				rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
				                      "larger than the limit of %zu bytes (raise max_size= to read it)", c->max);
				break;
			}
			cap = cap * 2 > c->max + 1 ? c->max + 1 : cap * 2;
			buf = galley_realloc(buf, cap + 1);
		}
		z.next_out = buf + len;
		z.avail_out = (uInt)(cap - len);
		int ret = inflate(&z, Z_NO_FLUSH);
		len = cap - z.avail_out;
		if ((double)len > allowed) {
			rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
			                      "compressed data expands more than %g times its compressed size (%zu bytes from %zu): "
			                      "refused as a likely decompression bomb (raise max_ratio= to read it)",
			                      c->max_ratio, len, in_len);
			break;
		}
		if (ret == Z_STREAM_END) {
			if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
				inflateReset(&z); /* another member */
				continue;
			}
			break;
		}
		if (ret == Z_OK || (ret == Z_BUF_ERROR && z.avail_out == 0))
			continue;
		if (ret == Z_BUF_ERROR)
			rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
			                      "the gzip data is cut short (no end of stream or trailer after %zu decoded bytes)", len);
		else
			rc = galley_error_set(err, GALLEY_ERR_ARTICLE, "corrupt gzip data: %s", z.msg ? z.msg : "zlib error");
		break;
	}
	inflateEnd(&z);
	if (rc != GALLEY_OK) {
		free(buf);
		return rc;
	}
	*out = buf;
	*out_len = len;
	return GALLEY_OK;
}

/* Decompress a gzip/xz/zstd/bzip2 buffer held in memory (a member "page.html.gz", or an HTTP
 * body with Content-Encoding).  Returns GALLEY_OK with *out (owned) or an error. */
int coll_decompress_memory(galley_collection *c, const unsigned char *in, size_t in_len, unsigned char **out,
                             size_t *out_len, galley_error *err)
{
	*out = NULL;
	*out_len = 0;
	int filter;
	const char *what;
	if (galley_sniff(in, in_len, &filter, &what) != SNIFF_COMPRESSED)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "the data is not gzip, xz, zstd or bzip2 compressed");
	if (filter == ARCHIVE_FILTER_GZIP) {
		int rc = gunzip_memory(c, in, in_len, out, out_len, err);
		if (rc == GALLEY_OK && galley_sniff(*out, *out_len, &filter, &what) == SNIFF_COMPRESSED) {
			free(*out);
			*out = NULL;
			*out_len = 0;
			rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
			                      "compressed data inside compressed data (a file that decompresses to itself, or "
			                      "compressed twice): not read");
		}
		return rc;
	}
	struct archive *a = archive_read_new();
	archive_read_append_filter(a, filter);
	archive_read_support_format_raw(a);
	int rc = GALLEY_OK;
	struct archive_entry *e;
	if (archive_read_open_memory(a, in, in_len) != ARCHIVE_OK || archive_read_next_header(a, &e) < ARCHIVE_WARN) {
		rc = galley_error_set(err, GALLEY_ERR_ARTICLE, "corrupt compressed data: %s", coll_ar_msg(a));
	} else {
		struct archive *saved = c->ar;
		c->ar = a;
		c->mem_in = in;
		c->mem_in_len = in_len;
		c->mem_expanded = 0;
		size_t cap = in_len * 4 + 4096;
		if (cap > c->max + 4096)
			cap = c->max + 4096;
		*out = galley_malloc(cap + 1);
		rc = read_archive_data(c, out, out_len, cap, err);
		if (rc == GALLEY_ERR_FATAL)
			rc = GALLEY_ERR_ARTICLE;
		c->ar = saved;
		c->mem_in = NULL;
		if (rc == GALLEY_OK && galley_sniff(*out, *out_len, &filter, &what) == SNIFF_COMPRESSED)
			rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
			                      "compressed data inside compressed data (a file that decompresses to itself, or "
			                      "compressed twice): not read");
		if (rc != GALLEY_OK) {
			free(*out);
			*out = NULL;
			*out_len = 0;
		}
	}
	archive_read_free(a);
	return rc;
}

static bool is_compressed_name(const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; compress_suffixes[i]; i++)
		if (ends_with_ci(name, len, compress_suffixes[i]))
			return true;
	return false;
}


static int next_archive_member(galley_collection *c, galley_entry *out, galley_error *err)
{
	for (;;) {
		struct archive_entry *e = c->pending;
		char *name = c->pending_name;
		int r = c->pending_status;
		c->pending = NULL;
		c->pending_name = NULL;
		if (!e) {
			r = galley_archive_next_header(c->ar, &e, &name);
			if (r == ARCHIVE_EOF)
				return GALLEY_END;
			if (r == ARCHIVE_FATAL) {
				c->mode = MODE_DONE;
				char note[256];
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "truncated or corrupt archive: the %zu member(s) before the damage were read; %s%s",
				                        c->n_members, coll_ar_msg(c->ar), coll_damage_note(c, note, sizeof note));
			}
		}
		if (r != ARCHIVE_OK) {
			/* the header or the name is unreadable: reported for this member, then the next one */
			c->e_member = name;
			out->member = c->e_member;
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "unreadable archive member%s: %s",
			                        name ? "" : " (its name cannot be decoded)", coll_ar_msg(c->ar));
		}
		if (archive_entry_filetype(e) != AE_IFREG) {
			free(name);
			continue;
		}
		if (!name_accepted(c, name)) {
			/* counted, so that a zip of pages named .php or an archive of archives does not read as
			 * "0 read" with nothing said */
			coll_count_skip(c, name_is_archive(name) ? "archive member that is itself an archive (unpack it to read it)"
			                                    : "archive member whose name has no accepted ending (extensions=)");
			free(name);
			continue;
		}
		c->n_members++;
		c->e_member = name;
		out->member = c->e_member;
		if (archive_entry_size_is_set(e) && archive_entry_size(e) > 0 &&
		    (uint64_t)archive_entry_size(e) > (uint64_t)c->max)
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "member is %lld bytes, larger than the limit of %zu (raise max_size= to read it)",
			                        (long long)archive_entry_size(e), c->max);
		size_t cap = archive_entry_size_is_set(e) && archive_entry_size(e) > 0 ? (size_t)archive_entry_size(e) + 4096
		                                                                      : READ_CHUNK;
		unsigned char *data = galley_malloc(cap + 1);
		size_t len = 0;
		int rc = read_archive_data(c, &data, &len, cap, err);
		if (rc != GALLEY_OK) {
			free(data);
			if (rc == GALLEY_ERR_FATAL && archive_errno(c->ar) != ERANGE && !galley_stop_is_requested()) {
				c->mode = MODE_DONE;
				char note[256];
				galley_error_set(err, GALLEY_ERR_ARTICLE,
				                 "truncated or corrupt archive in this member: the %zu member(s) before the damage were "
				                 "read; %s%s",
				                 c->n_members - 1, coll_ar_msg(c->ar), coll_damage_note(c, note, sizeof note));
			} else if (rc == GALLEY_ERR_FATAL) {
				c->mode = MODE_DONE; /* a bound or a stop: the message says which */
			}
			return GALLEY_ERR_ARTICLE;
		}
		if (is_compressed_name(name) && len) {
			unsigned char *plain = NULL;
			size_t plain_len = 0;
			rc = coll_decompress_memory(c, data, len, &plain, &plain_len, err);
			free(data);
			if (rc != GALLEY_OK)
				return GALLEY_ERR_ARTICLE;
			data = plain;
			len = plain_len;
		}
		data[len] = 0;
		out->data = data;
		out->len = len;
		return GALLEY_OK;
	}
}

static int raw_entry(galley_collection *c, galley_entry *out, galley_error *err)
{
	c->mode = MODE_DONE;
	unsigned char *data = c->head;
	size_t len = c->head_len, cap = len;
	c->head = NULL;
	c->head_len = 0;
	int rc = read_archive_data(c, &data, &len, cap, err);
	const arc_damage *d = arc_source_damage(c->src);
	if (rc == GALLEY_OK && d && d->count) {
		rc = galley_error_set(err, GALLEY_ERR_ARTICLE, "truncated or corrupt compressed page: %s at compressed byte %llu",
		                      d->first, (unsigned long long)d->first_offset);
	}
	if (rc != GALLEY_OK) {
		free(data);
		return GALLEY_ERR_ARTICLE;
	}
	data = galley_realloc(data, len + 1);
	data[len] = 0;
	out->data = data;
	out->len = len;
	return GALLEY_OK;
}

/* ---- WARC ---------------------------------------------------------------------------------- */

/* Raw read from the decompressed stream. Returns bytes read (short at the end), -1 on error. */
static int refuse_by_kind(sniff_kind kind, const char *name, galley_error *err)
{
	switch (kind) {
	case SNIFF_ARC: return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", arc_refusal);
	case SNIFF_UNSUPPORTED:
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "this is %s, which galley does not read", name);
	case SNIFF_BINARY:
		return galley_error_set(err, GALLEY_ERR_ARTICLE,
		                        "binary data (over %d%% control bytes at its start), not text: not an article",
		                        BINARY_CONTROL_PERCENT);
	default: return GALLEY_OK;
	}
}

static int open_source(galley_collection *c, galley_entry *out, galley_error *err)
{
	coll_source *s = c->cur;
	if (s->problem) {
		c->cur = NULL;
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", s->problem);
	}
	bool is_stdin = !strcmp(s->path, "-");
	int fd = is_stdin ? 0 : open(s->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		c->cur = NULL;
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot open: %s", strerror(errno));
	}
	struct stat st;
	memset(&st, 0, sizeof st);
	size_t cap = SNIFF_HEAD;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((uint64_t)st.st_size > (uint64_t)c->max) {
			/* still let a compressed or archive file through: its entries are checked one by one */
			cap = SNIFF_HEAD;
		} else {
			cap = (size_t)st.st_size;
		}
	}
	unsigned char *data = galley_malloc(cap + 1);
	size_t len = 0;
	/* the first bytes, to recognise compressed files and archives */
	while (len < SNIFF_HEAD && len < cap) {
		ssize_t r = read(fd, data + len, cap - len < SNIFF_HEAD - len ? cap - len : SNIFF_HEAD - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(data);
			if (!is_stdin)
				close(fd);
			c->cur = NULL;
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "read error: %s", strerror(e));
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	int filter;
	const char *name;
	sniff_kind kind = galley_sniff(data, len, &filter, &name);
	if (kind == SNIFF_COMPRESSED || kind == SNIFF_ARCHIVE || kind == SNIFF_WARC) {
		int rc = open_archive(c, fd, data, len, filter, err);
		free(data);
		return rc;
	}
	int rc = refuse_by_kind(kind, name, err);
	if (rc == GALLEY_OK && S_ISREG(st.st_mode) && (uint64_t)st.st_size > (uint64_t)c->max)
		rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
		                      "file is %lld bytes, larger than the limit of %zu (raise max_size= to read it)",
		                      (long long)st.st_size, c->max);
	if (rc == GALLEY_OK)
		rc = read_rest_fd(fd, &data, &len, cap, c->max, err);
	if (!is_stdin)
		close(fd);
	c->cur = NULL;
	if (rc != GALLEY_OK) {
		free(data);
		return rc;
	}
	data[len] = 0;
	out->data = data;
	out->len = len;
	return GALLEY_OK;
}

int galley_collection_next(galley_collection *c, galley_entry *out, galley_error *err)
{
	coll_clear_entry_strings(c);
	for (;;) {
		entry_init(c, out);
		if (c->mode != MODE_NONE) {
			int rc;
			switch (c->mode) {
			case MODE_ARCHIVE: rc = next_archive_member(c, out, err); break;
			case MODE_RAW: rc = raw_entry(c, out, err); break;
			case MODE_WARC: rc = coll_next_warc_record(c, out, err); break;
			default: rc = GALLEY_END; break;
			}
			if (rc == GALLEY_END) {
				close_current(c);
				continue;
			}
			if (c->counting)
				note_progress(c, NULL);
			return rc;
		}
		if (c->next_src >= c->n_srcs)
			return GALLEY_END;
		if (c->counting && c->next_src > 0)
			c->bytes_before += c->srcs[c->next_src - 1].size;
		c->cur = &c->srcs[c->next_src++];
		entry_init(c, out);
		int rc = open_source(c, out, err);
		if (rc != GALLEY_OK) {
			/* the message is for this source; keep out->file pointing at its path */
			out->file = c->srcs[c->next_src - 1].path;
			close_current(c);
			return GALLEY_ERR_ARTICLE;
		}
		if (c->counting)
			note_progress(c, &c->srcs[c->next_src - 1]);
		if (out->data)
			return GALLEY_OK; /* a plain file, read whole */
		/* an archive or stream is open: loop to take its first entry */
	}
}

size_t galley_collection_n_skip_reasons(const galley_collection *c)
{
	return c ? c->n_skips : 0;
}

const char *galley_collection_skip_reason(const galley_collection *c, size_t i, size_t *count)
{
	if (!c || i >= c->n_skips) {
		if (count)
			*count = 0;
		return NULL;
	}
	if (count)
		*count = c->skips[i].count;
	return c->skips[i].reason;
}

void galley_collection_close(galley_collection *c)
{
	if (!c)
		return;
	close_current(c);
	coll_clear_entry_strings(c);
	for (size_t i = 0; i < c->n_srcs; i++) {
		free(c->srcs[i].path);
		free(c->srcs[i].problem);
	}
	free(c->srcs);
	for (size_t i = 0; i < c->n_skips; i++)
		free(c->skips[i].reason);
	free(c->skips);
	strv_free(c->exts);
	strv_free(c->media);
	free(c);
}

char **galley_extensions_parse(const char *list)
{
	size_t n = 1;
	for (const char *p = list ? list : ""; *p; p++)
		n += *p == ',';
	char **v = galley_calloc(n + 1, sizeof *v);
	size_t k = 0;
	const char *p = list ? list : "";
	while (*p) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		size_t l = strcspn(p, ", \t");
		if (l) {
			galley_buf b = {0};
			if (*p != '.')
				galley_buf_putc(&b, '.');
			for (size_t i = 0; i < l; i++)
				galley_buf_putc(&b, (char)tolower((unsigned char)p[i]));
			v[k++] = galley_buf_steal(&b);
		}
		p += l;
	}
	return v;
}

void galley_strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

char *galley_path_resolve(const char *base, const char *rel)
{
	if (!rel)
		return NULL;
	galley_buf b = {0};
	if (base)
		galley_buf_puts(&b, base);
	const char *p = rel;
	bool dir_last = false;
	while (*p) {
		size_t l = strcspn(p, "/");
		if (l == 0 || (l == 1 && p[0] == '.')) {
			dir_last = true;
		} else if (l == 2 && p[0] == '.' && p[1] == '.') {
			if (!b.len) {
				galley_buf_free(&b);
				return NULL;
			}
			char *slash = strrchr(b.data, '/');
			b.len = slash ? (size_t)(slash - b.data) : 0;
			b.data[b.len] = 0;
			dir_last = true;
		} else {
			if (b.len)
				galley_buf_putc(&b, '/');
			galley_buf_append(&b, p, l);
			dir_last = false;
		}
		p += l;
		if (*p == '/')
			p++;
	}
	if (!b.len || dir_last) {
		galley_buf_free(&b);
		return NULL;
	}
	return galley_buf_steal(&b);
}
