/* read-json's merge of sharded outputs: a k-way merge on the unsharded order each record carries
 * (merge.h).  Every shard's file is already in that order, so taking the smallest head each time
 * gives the unsharded run's order exactly; a record without the number (written by hand, or
 * damaged) keeps the number of the record before it in its file, so it stays where it was. */
#include "merge.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct rj_head {
	char *path;
	FILE *f;
	char *rec;                   /* the head record (NULL when the file is finished) */
	size_t len;
	unsigned long long line;     /* where rec starts */
	unsigned long long next_line;
	int64_t index;               /* records of this file handed on so far */
	uint64_t seq;
	bool too_long;
	bool read_error;
} rj_head;

struct rj_merge {
	rj_head *h;
	size_t n;
	size_t max_record;
};

typedef struct rj_paths {
	char **v;
	size_t n;
} rj_paths;

static void rj_paths_add(rj_paths *p, const char *path)
{
	p->v = galley_realloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n++] = galley_strdup(path);
}

static void rj_paths_free(rj_paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

static bool rj_is_jsonl_name(const char *path)
{
	static const char *const ends[] = {".jsonl", ".ndjson", ".json", NULL};
	size_t n = strlen(path);
	for (size_t i = 0; ends[i]; i++) {
		size_t m = strlen(ends[i]);
		if (n >= m && !strcasecmp(path + n - m, ends[i]))
			return true;
	}
	return false;
}

static int rj_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One item of the spec into plain files; false when it names anything else. */
static bool rj_expand_item(const char *item, rj_paths *out)
{
	struct stat st;
	if (stat(item, &st) == 0 && S_ISREG(st.st_mode)) {
		if (!rj_is_jsonl_name(item))
			return false;
		rj_paths_add(out, item);
		return true;
	}
	if (stat(item, &st) == 0 && S_ISDIR(st.st_mode)) {
		DIR *d = opendir(item);
		if (!d)
			return false;
		rj_paths found = {0};
		for (struct dirent *e; (e = readdir(d));) {
			if (e->d_name[0] == '.' || !rj_is_jsonl_name(e->d_name))
				continue;
			galley_buf b = {0};
			galley_buf_printf(&b, "%s%s%s", item, item[strlen(item) - 1] == '/' ? "" : "/", e->d_name);
			if (stat(b.data, &st) == 0 && S_ISREG(st.st_mode))
				rj_paths_add(&found, b.data);
			galley_buf_free(&b);
		}
		closedir(d);
		if (found.n)
			qsort(found.v, found.n, sizeof *found.v, rj_cmp_str);
		for (size_t i = 0; i < found.n; i++)
			rj_paths_add(out, found.v[i]);
		rj_paths_free(&found);
		return true;
	}
	if (!strpbrk(item, "*?["))
		return false;
	glob_t g;
	bool ok = glob(item, 0, NULL, &g) == 0;
	for (size_t i = 0; ok && i < g.gl_pathc; i++)
		ok = stat(g.gl_pathv[i], &st) == 0 && S_ISREG(st.st_mode) && rj_is_jsonl_name(g.gl_pathv[i]);
	for (size_t i = 0; ok && i < g.gl_pathc; i++)
		rj_paths_add(out, g.gl_pathv[i]);
	globfree(&g);
	return ok;
}

static bool rj_expand(const char *spec, rj_paths *out)
{
	if (!strcmp(spec, "-") || spec[0] == '@')
		return false;
	struct stat st;
	if (stat(spec, &st) == 0 || !strchr(spec, ','))
		return rj_expand_item(spec, out);
	char *copy = galley_strdup(spec), *save = NULL;
	bool ok = true;
	for (char *t = strtok_r(copy, ",", &save); t && ok; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ' || *t == '\t')
			t++;
		size_t n = strlen(t);
		while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
			t[--n] = 0;
		if (*t)
			ok = rj_expand_item(t, out);
	}
	free(copy);
	return ok;
}

/* The unsharded place a record carries, if any. */
static bool rj_record_seq(const char *rec, size_t len, uint64_t *seq)
{
	json_tokener *tok = json_tokener_new();
	json_object *o = json_tokener_parse_ex(tok, rec, (int)len);
	json_tokener_free(tok);
	json_object *extra = NULL, *v = NULL;
	bool ok = o && json_object_object_get_ex(o, "extra", &extra) &&
	          json_object_object_get_ex(extra, GALLEY_SHARD_SEQ_KEY, &v) && json_object_is_type(v, json_type_string);
	if (ok) {
		const char *s = json_object_get_string(v);
		char *end = NULL;
		errno = 0;
		unsigned long long x = strtoull(s, &end, 10);
		ok = *s >= '0' && *s <= '9' && !*end && !errno;
		if (ok)
			*seq = x;
	}
	json_object_put(o);
	return ok;
}

/* The next non-blank line of h into h->rec (NULL at the end of the file). */
static void rj_head_advance(rj_head *h, size_t max_record)
{
	free(h->rec);
	h->rec = NULL;
	h->too_long = false;
	char *line = NULL;
	size_t cap = 0;
	for (ssize_t n; h->f && (n = getline(&line, &cap, h->f)) >= 0;) {
		h->line = h->next_line++;
		size_t len = (size_t)n;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		size_t i = 0;
		while (i < len && strchr(" \t\f\v", line[i]))
			i++;
		if (i == len)
			continue;
		line[len] = 0;
		h->rec = line;
		h->len = len;
		h->too_long = len > max_record;
		uint64_t seq;
		if (!h->too_long && rj_record_seq(line, len, &seq))
			h->seq = seq;
		return;
	}
	free(line);
	if (h->f && ferror(h->f))
		h->read_error = true;
}

rj_merge *rj_merge_open(const char *spec, size_t max_record)
{
	rj_paths paths = {0};
	if (!rj_expand(spec, &paths) || paths.n == 0) {
		rj_paths_free(&paths);
		return NULL;
	}
	rj_merge *m = galley_calloc(1, sizeof *m);
	m->max_record = max_record;
	m->h = galley_calloc(paths.n, sizeof *m->h);
	m->n = paths.n;
	bool sharded = true;
	for (size_t i = 0; i < paths.n && sharded; i++) {
		rj_head *h = &m->h[i];
		h->path = paths.v[i];
		paths.v[i] = NULL;
		h->next_line = 1;
		h->f = fopen(h->path, "rb");
		if (!h->f) {
			sharded = false;
			break;
		}
		rj_head_advance(h, max_record);
		uint64_t seq;
		if (h->rec && (h->too_long || !rj_record_seq(h->rec, h->len, &seq)))
			sharded = false;
	}
	rj_paths_free(&paths);
	if (!sharded) {
		rj_merge_free(m);
		return NULL;
	}
	return m;
}

int rj_merge_next(rj_merge *m, char **data, size_t *len, const char **file, unsigned long long *line,
                  int64_t *index, galley_error *err)
{
	rj_head *best = NULL;
	for (size_t i = 0; i < m->n; i++) {
		rj_head *h = &m->h[i];
		if (h->read_error) {
			h->read_error = false;
			*file = h->path;
			*line = h->next_line;
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s: read error after line %llu", h->path, h->line);
		}
		if (h->rec && (!best || h->seq < best->seq))
			best = h;
	}
	if (!best)
		return GALLEY_END;
	*file = best->path;
	*line = best->line;
	*index = best->index++;
	if (best->too_long) {
		int rc = galley_error_set(err, GALLEY_ERR_ARTICLE,
		                          "line %llu: record longer than %zu bytes, skipped; raise max_record_bytes= to read it",
		                          best->line, m->max_record);
		rj_head_advance(best, m->max_record);
		return rc;
	}
	*data = best->rec;
	*len = best->len;
	best->rec = NULL;
	rj_head_advance(best, m->max_record);
	return GALLEY_OK;
}

void rj_merge_free(rj_merge *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		if (m->h[i].f)
			fclose(m->h[i].f);
		free(m->h[i].rec);
		free(m->h[i].path);
	}
	free(m->h);
	free(m);
}
