/* read-json: articles back from JSON Lines or a JSON array written in galley's format
 * (docs/json-format.md), body included: from `html` when present, else from `text` (one <p> per
 * paragraph, paragraphs being separated by blank lines).
 *
 * Streaming: read() (serial) cuts the input into records without parsing them — a line of JSON
 * Lines, or one element of an array, found by a small scanner that follows strings and nesting —
 * and hands the bytes on as the article's raw input; parse() (parallel) turns them into the
 * article with json-c.  Memory holds one buffer of input and the records in flight, never the
 * whole file.  A record that is not valid JSON or not an article is reported with its line,
 * counted and skipped; the run goes on with the next one. */
#include <galley/galley.h>

#include "merge.h"

#include <errno.h>
#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define READ_JSON_CHUNK 65536

/* How the current source is cut: JSON Lines; an array; a stream of pretty-printed objects one
 * after the other (what `jq .` writes); or finished. */
enum { RJ_MODE_START, RJ_MODE_LINES, RJ_MODE_ARRAY, RJ_MODE_STREAM, RJ_MODE_DONE };

typedef struct read_json_state {
	char *spec;                  /* input= */
	bool direct;                 /* spec is one plain file or "-": streamed from disk */
	bool direct_opened;
	galley_collection *coll;     /* otherwise: entries of a collection, each read from memory */
	rj_merge *merge;             /* or a sharded run's outputs, merged (merge.h) */
	size_t max_record;           /* max_record_bytes= */
	bool keep_history;           /* history= */

	/* the current source */
	FILE *f;
	bool f_owned;
	char *file;                  /* for source locations and messages */
	char *member;
	unsigned char *mem;          /* an entry's bytes (fmemopen) */
	unsigned char buf[READ_JSON_CHUNK];
	size_t pos, len;
	bool eof;
	int mode;
	bool after_element;          /* array: an element was read, ',' or ']' comes next */
	unsigned long long line;     /* line of the next byte, from 1 */
	int64_t index;               /* records cut from this source so far */
	galley_buf rec;
} read_json_state;

/* What read() tells parse(): the line where the record starts. */
typedef struct read_json_mark {
	unsigned long long line;
} read_json_mark;

/* ---- the current source ------------------------------------------------------------------------ */

static void read_json_source_close(read_json_state *st)
{
	if (st->f && st->f_owned)
		fclose(st->f);
	st->f = NULL;
	free(st->mem);
	st->mem = NULL;
	free(st->file);
	st->file = NULL;
	free(st->member);
	st->member = NULL;
}

static void read_json_source_start(read_json_state *st)
{
	st->pos = st->len = 0;
	st->eof = false;
	st->mode = RJ_MODE_START;
	st->after_element = false;
	st->line = 1;
	st->index = 0;
}

static bool read_json_fill(read_json_state *st)
{
	if (st->pos < st->len)
		return true;
	if (st->eof || !st->f)
		return false;
	st->len = fread(st->buf, 1, sizeof st->buf, st->f);
	st->pos = 0;
	if (st->len == 0) {
		st->eof = true;
		return false;
	}
	return true;
}

static int read_json_peek(read_json_state *st)
{
	return read_json_fill(st) ? st->buf[st->pos] : -1;
}

static void read_json_skip_ws(read_json_state *st)
{
	for (int c; (c = read_json_peek(st)) >= 0; st->pos++) {
		if (c == '\n')
			st->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			break;
	}
}

/* Opens the next source: the file itself, or the next entry of the collection.  Returns
 * GALLEY_OK, GALLEY_END or GALLEY_ERR_ARTICLE (an unreadable entry; call again). */
static int read_json_next_source(read_json_state *st, galley_error *err)
{
	read_json_source_close(st);
	if (st->direct) {
		if (st->direct_opened)
			return GALLEY_END;
		st->direct_opened = true;
		if (!strcmp(st->spec, "-")) {
			st->f = stdin;
			st->f_owned = false;
		} else {
			st->f = fopen(st->spec, "rb");
			st->f_owned = true;
			if (!st->f)
				return galley_error_set(err, GALLEY_ERR_FATAL, "cannot open %s: %s", st->spec, strerror(errno));
		}
		st->file = galley_strdup(st->spec);
		read_json_source_start(st);
		return GALLEY_OK;
	}
	galley_entry e = {0};
	int rc = galley_collection_next(st->coll, &e, err);
	if (rc != GALLEY_OK)
		return rc;
	st->mem = e.data;
	st->file = galley_strdup(e.file ? e.file : st->spec);
	st->member = galley_strdup(e.member);
	if (e.len == 0) {
		st->f = NULL;
		read_json_source_start(st);
		st->eof = true;
		return GALLEY_OK;
	}
	st->f = fmemopen(e.data, e.len, "rb");
	st->f_owned = true;
	if (!st->f)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot read %s: %s", st->file, strerror(errno));
	read_json_source_start(st);
	return GALLEY_OK;
}

/* ---- cutting records ------------------------------------------------------------------------- */

static int read_json_too_long(read_json_state *st, galley_stage *stage, unsigned long long line, galley_error *err)
{
	galley_stage_count(stage, "skipped: record larger than max_record_bytes", 1);
	return galley_error_set(err, GALLEY_ERR_ARTICLE,
	                        "line %llu: record longer than %zu bytes, skipped; raise max_record_bytes= to read it",
	                        line, st->max_record);
}

/* One line of JSON Lines into st->rec.  Blank lines are skipped. */
static int read_json_next_line(read_json_state *st, galley_stage *stage, unsigned long long *line, galley_error *err)
{
	for (;;) {
		galley_buf_reset(&st->rec);
		bool too_long = false, any = false, ended = false;
		*line = st->line;
		while (read_json_fill(st)) {
			any = true;
			unsigned char *start = st->buf + st->pos;
			unsigned char *nl = memchr(start, '\n', st->len - st->pos);
			size_t n = nl ? (size_t)(nl - start) : st->len - st->pos;
			if (!too_long) {
				if (st->rec.len + n > st->max_record) {
					too_long = true;
					galley_buf_reset(&st->rec);
				} else {
					galley_buf_append(&st->rec, (const char *)start, n);
				}
			}
			st->pos += n;
			if (nl) {
				st->pos++;
				st->line++;
				ended = true;
				break;
			}
		}
		if (!any && !ended)
			return GALLEY_END;
		if (too_long)
			return read_json_too_long(st, stage, *line, err);
		size_t i = 0;
		while (i < st->rec.len && strchr(" \t\r\f\v", st->rec.data[i]))
			i++;
		if (i < st->rec.len)
			return GALLEY_OK;
	}
}

/* One element of an array (or one value of a stream) into st->rec.  The scanner follows strings
 * and nesting only; parse() checks the JSON itself. */
static int read_json_next_element(read_json_state *st, galley_stage *stage, unsigned long long *line,
                                  galley_error *err)
{
	galley_buf_reset(&st->rec);
	read_json_skip_ws(st);
	int c = read_json_peek(st);
	if (st->mode == RJ_MODE_STREAM) {
		if (c < 0)
			return GALLEY_END;
	} else if (c < 0) {
		st->mode = RJ_MODE_DONE;
		galley_stage_count(stage, "damaged: array not closed", 1);
		return galley_error_set(err, GALLEY_ERR_ARTICLE,
		                        "line %llu: the input ends inside the array (a ']' is missing); "
		                        "the articles before were read",
		                        st->line);
	}
	if (c == ']' && st->mode == RJ_MODE_ARRAY) {
		st->pos++;
		st->mode = RJ_MODE_DONE;
		read_json_skip_ws(st);
		if (read_json_peek(st) >= 0) {
			galley_stage_count(stage, "damaged: text after the array", 1);
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "line %llu: unexpected text after the end of the array, ignored", st->line);
		}
		return GALLEY_END;
	}
	if (st->after_element && st->mode == RJ_MODE_ARRAY) {
		if (c != ',') {
			st->mode = RJ_MODE_DONE;
			galley_stage_count(stage, "damaged: array syntax", 1);
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "line %llu: expected ',' or ']' between array elements, found '%c'; "
			                        "the rest of this input is skipped",
			                        st->line, c >= 0x20 && c < 0x7f ? c : '?');
		}
		st->pos++;
		read_json_skip_ws(st);
		if (read_json_peek(st) == ']') {
			st->mode = RJ_MODE_DONE;
			galley_stage_count(stage, "damaged: array syntax", 1);
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "line %llu: a ',' before ']' (trailing comma)", st->line);
		}
	}
	st->after_element = true;
	*line = st->line;
	int depth = 0;
	bool in_str = false, esc = false, too_long = false, done = false;
	while (!done && read_json_fill(st)) {
		size_t start = st->pos;
		for (; st->pos < st->len; st->pos++) {
			unsigned char b = st->buf[st->pos];
			if (b == '\n')
				st->line++;
			if (in_str) {
				if (esc)
					esc = false;
				else if (b == '\\')
					esc = true;
				else if (b == '"')
					in_str = false;
				continue;
			}
			if (b == '"') {
				in_str = true;
			} else if (b == '{' || b == '[') {
				depth++;
			} else if (b == '}' || b == ']') {
				if (depth == 0) { /* ends a bare scalar element: not ours */
					done = true;
					break;
				}
				if (--depth == 0) {
					st->pos++;
					done = true;
					break;
				}
			} else if (depth == 0 && (b == ',' || b == ' ' || b == '\t' || b == '\r' || b == '\n')) {
				if (b == '\n')
					st->line--; /* left for skip_ws to count */
				done = true;
				break;
			}
		}
		size_t n = st->pos - start;
		if (!too_long) {
			if (st->rec.len + n > st->max_record) {
				too_long = true;
				galley_buf_reset(&st->rec);
			} else {
				galley_buf_append(&st->rec, (const char *)st->buf + start, n);
			}
		}
	}
	if (too_long)
		return read_json_too_long(st, stage, *line, err);
	if (!done) {
		st->mode = RJ_MODE_DONE;
		galley_stage_count(stage, "skipped: record cut short", 1);
		return galley_error_set(err, GALLEY_ERR_ARTICLE,
		                        "line %llu: the input ends inside this array element (truncated file?)", *line);
	}
	return GALLEY_OK;
}

/* True when the input starts with a '{' alone on its line: pretty-printed objects, not JSON
 * Lines (whose lines each hold a whole object). */
static bool read_json_object_alone(read_json_state *st)
{
	if (read_json_peek(st) != '{')
		return false;
	for (size_t i = st->pos + 1; i < st->len; i++) {
		unsigned char b = st->buf[i];
		if (b == '\n')
			return true;
		if (b != ' ' && b != '\t' && b != '\r')
			return false;
	}
	return false;
}

static void read_json_mark_free(void *p)
{
	free(p);
}

/* A sharded run's outputs: the next record in the unsharded order. */
static int read_json_read_merged(read_json_state *st, galley_article **out, galley_error *err)
{
	char *data = NULL;
	size_t len = 0;
	const char *file = NULL;
	unsigned long long line = 0;
	int64_t index = -1;
	int rc = rj_merge_next(st->merge, &data, &len, &file, &line, &index, err);
	if (rc == GALLEY_END)
		return rc;
	galley_article *a = galley_article_new();
	galley_article_set_location(a, file, NULL, -1, index);
	if (rc == GALLEY_OK)
		galley_article_take_raw(a, (unsigned char *)data, len, "application/json", "utf-8", NULL, 0);
	read_json_mark *m = galley_malloc(sizeof *m);
	m->line = line;
	galley_article_set_scratch(a, st, m, read_json_mark_free);
	*out = a;
	return rc;
}

static int read_json_read(galley_stage *stage, void *state, galley_article **out, galley_error *err)
{
	read_json_state *st = state;
	*out = NULL;
	if (st->merge)
		return read_json_read_merged(st, out, err);
	for (;;) {
		if (!st->file || st->mode == RJ_MODE_DONE) {
			int rc = read_json_next_source(st, err);
			if (rc != GALLEY_OK)
				return rc;
		}
		if (st->mode == RJ_MODE_START) {
			/* a byte order mark and leading white space, then '[' or a line */
			if (read_json_fill(st) && st->len - st->pos >= 3 && !memcmp(st->buf + st->pos, "\xef\xbb\xbf", 3))
				st->pos += 3;
			if (st->len - st->pos >= 2 && (!memcmp(st->buf + st->pos, "\xff\xfe", 2) ||
			                               !memcmp(st->buf + st->pos, "\xfe\xff", 2))) {
				st->mode = RJ_MODE_DONE;
				galley_stage_count(stage, "skipped: UTF-16 input", 1);
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "%s is UTF-16; JSON must be UTF-8: convert it first "
				                        "(iconv -f UTF-16 -t UTF-8)",
				                        st->file);
			}
			read_json_skip_ws(st);
			if (read_json_peek(st) == '[') {
				st->pos++;
				st->mode = RJ_MODE_ARRAY;
			} else if (read_json_object_alone(st)) {
				st->mode = RJ_MODE_STREAM;
			} else {
				st->mode = RJ_MODE_LINES;
			}
		}
		unsigned long long line = 0;
		int rc = st->mode == RJ_MODE_LINES ? read_json_next_line(st, stage, &line, err)
		                                   : read_json_next_element(st, stage, &line, err);
		if (rc == GALLEY_END) {
			st->mode = RJ_MODE_DONE;
			continue;
		}
		if (rc != GALLEY_OK)
			return rc;
		galley_article *a = galley_article_new();
		size_t len = st->rec.len;
		unsigned char *data = (unsigned char *)galley_buf_steal(&st->rec);
		galley_article_take_raw(a, data, len, "application/json", "utf-8", NULL, 0);
		galley_article_set_location(a, st->file, st->member, -1, st->index++);
		read_json_mark *m = galley_malloc(sizeof *m);
		m->line = line;
		galley_article_set_scratch(a, st, m, read_json_mark_free);
		*out = a;
		return GALLEY_OK;
	}
}

/* ---- one record into an article ------------------------------------------------------------------ */

typedef struct read_json_ctx {
	galley_stage *stage;
	galley_error *err;
	unsigned long long line;
} read_json_ctx;

static const char *read_json_type(json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null: return "null";
	case json_type_boolean: return "a boolean";
	case json_type_double:
	case json_type_int: return "a number";
	case json_type_object: return "an object";
	case json_type_array: return "an array";
	case json_type_string: return "a string";
	}
	return "something else";
}

static int read_json_bad(read_json_ctx *cx, const char *what, json_object *v, const char *expected)
{
	galley_stage_count(cx->stage, "skipped: field of the wrong type", 1);
	return galley_error_set(cx->err, GALLEY_ERR_ARTICLE, "line %llu: %s must be %s, not %s", cx->line, what,
	                        expected, read_json_type(v));
}

/* A clean UTF-8 copy of s[0..n) (owned, free()). */
static char *read_json_clean(const char *s, size_t n)
{
	return galley_utf8_is_clean(s, n) ? galley_strndup(s, n) : galley_utf8_clean(s, n);
}

/* The clean UTF-8 copy of a JSON string (owned, free()); NULL for null.  Embedded NUL, control
 * characters and invalid bytes are dealt with by galley_utf8_clean. */
static int read_json_string(read_json_ctx *cx, const char *what, json_object *v, char **out)
{
	*out = NULL;
	if (!v || json_object_is_type(v, json_type_null))
		return GALLEY_OK;
	if (!json_object_is_type(v, json_type_string))
		return read_json_bad(cx, what, v, "a string");
	*out = read_json_clean(json_object_get_string(v), (size_t)json_object_get_string_len(v));
	return GALLEY_OK;
}

static int read_json_int(read_json_ctx *cx, const char *what, json_object *v, int64_t lo, int64_t hi, int64_t *out)
{
	if (!v || !json_object_is_type(v, json_type_int))
		return read_json_bad(cx, what, v, "an integer");
	int64_t x = json_object_get_int64(v);
	if (x < lo || x > hi) {
		galley_stage_count(cx->stage, "skipped: field out of range", 1);
		return galley_error_set(cx->err, GALLEY_ERR_ARTICLE, "line %llu: %s is %lld, out of range", cx->line, what,
		                        (long long)x);
	}
	*out = x;
	return GALLEY_OK;
}

static bool read_json_is_null(json_object *v)
{
	return !v || json_object_is_type(v, json_type_null);
}

/* An array (or null) under key; its elements are checked by the caller. */
static int read_json_array(read_json_ctx *cx, const char *key, json_object *v, size_t *n)
{
	*n = 0;
	if (read_json_is_null(v))
		return GALLEY_OK;
	if (!json_object_is_type(v, json_type_array))
		return read_json_bad(cx, key, v, "an array");
	*n = json_object_array_length(v);
	return GALLEY_OK;
}

static int read_json_list(read_json_ctx *cx, galley_article *a, const char *key, json_object *v, galley_list l)
{
	size_t n;
	if (read_json_array(cx, key, v, &n) != GALLEY_OK)
		return GALLEY_ERR_ARTICLE;
	for (size_t i = 0; i < n; i++) {
		json_object *it = json_object_array_get_idx(v, i);
		char what[64], *s;
		snprintf(what, sizeof what, "%s[%zu]", key, i);
		if (read_json_is_null(it))
			return read_json_bad(cx, what, it, "a string");
		if (read_json_string(cx, what, it, &s) != GALLEY_OK)
			return GALLEY_ERR_ARTICLE;
		galley_article_list_add(a, l, s);
		free(s);
	}
	return GALLEY_OK;
}

/* An element of sources/quotes/removed/pipeline: an object. */
static int read_json_item(read_json_ctx *cx, const char *key, json_object *arr, size_t i, json_object **item,
                          char *what, size_t what_size)
{
	*item = json_object_array_get_idx(arr, i);
	snprintf(what, what_size, "%s[%zu]", key, i);
	if (!*item || !json_object_is_type(*item, json_type_object))
		return read_json_bad(cx, what, *item, "an object");
	return GALLEY_OK;
}

static int read_json_member(read_json_ctx *cx, const char *what, json_object *obj, const char *name, bool required,
                            char **out)
{
	json_object *v = NULL;
	json_object_object_get_ex(obj, name, &v);
	char w[128];
	snprintf(w, sizeof w, "%s.%s", what, name);
	if (required && read_json_is_null(v)) {
		galley_stage_count(cx->stage, "skipped: required field missing", 1);
		return galley_error_set(cx->err, GALLEY_ERR_ARTICLE, "line %llu: %s is missing", cx->line, w);
	}
	return read_json_string(cx, w, v, out);
}

/* A string member a record may or must have. */
typedef enum { RJ_OPTIONAL, RJ_REQUIRED } read_json_need;
typedef struct read_json_key {
	const char *name;
	read_json_need need;
} read_json_key;

/* The most string members a record has (quotes: text, speaker, cue, speaker_kind, rule; the
 * source location: file, member, uri, record_id, date).  Each record's table of keys is an array
 * of this size, so that a longer one does not compile. */
#define RJ_MAX_MEMBERS 5

/* The string members keys names (up to the first without a name) of obj, in that order, into m
 * (each owned, NULL when absent); reading stops at the first that fails, whose error is returned. */
static int read_json_members(read_json_ctx *cx, const char *what, json_object *obj,
                             const read_json_key keys[RJ_MAX_MEMBERS], char *m[RJ_MAX_MEMBERS])
{
	int rc = GALLEY_OK;
	for (size_t k = 0; k < RJ_MAX_MEMBERS && keys[k].name && rc == GALLEY_OK; k++)
		rc = read_json_member(cx, what, obj, keys[k].name, keys[k].need == RJ_REQUIRED, &m[k]);
	return rc;
}

/* Adds one record, its string members m read (borrowed), to the article; it (the record's
 * object) and what (its name for messages) are there for the members that are not strings. */
typedef int (*read_json_add_fn)(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m);

/* Each object of the array v under key: its string members (keys) read, then handed to add. */
static int read_json_records(read_json_ctx *cx, galley_article *a, const char *key, json_object *v,
                             const read_json_key keys[RJ_MAX_MEMBERS], read_json_add_fn add)
{
	size_t len;
	if (read_json_array(cx, key, v, &len) != GALLEY_OK)
		return GALLEY_ERR_ARTICLE;
	for (size_t i = 0; i < len; i++) {
		json_object *it;
		char what[64], *m[RJ_MAX_MEMBERS] = {NULL};
		int rc = read_json_item(cx, key, v, i, &it, what, sizeof what);
		if (rc == GALLEY_OK)
			rc = read_json_members(cx, what, it, keys, m);
		if (rc == GALLEY_OK)
			rc = add(cx, a, what, it, m);
		for (size_t k = 0; k < RJ_MAX_MEMBERS; k++)
			free(m[k]);
		if (rc != GALLEY_OK)
			return rc;
	}
	return GALLEY_OK;
}

static int read_json_add_source(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m)
{
	galley_source s = {.name = m[0], .kind = m[1], .evidence = m[2], .rule = m[3]};
	galley_article_add_source(a, &s);
	return GALLEY_OK;
}

static int read_json_sources(read_json_ctx *cx, galley_article *a, json_object *v)
{
	static const read_json_key keys[RJ_MAX_MEMBERS] = {
	    {"name", RJ_REQUIRED}, {"kind", RJ_OPTIONAL}, {"evidence", RJ_OPTIONAL}, {"rule", RJ_OPTIONAL}};
	return read_json_records(cx, a, "sources", v, keys, read_json_add_source);
}

static int read_json_add_author_entry(read_json_ctx *cx, galley_article *a, const char *what, json_object *it,
                                      char **m)
{
	const char *name = m[0], *kind = m[1];
	galley_article_list_add(a, GALLEY_LIST_AUTHORS, name);
	for (size_t k = 0; k < galley_article_list_len(a, GALLEY_LIST_AUTHORS); k++)
		if (!strcmp(galley_article_list_at(a, GALLEY_LIST_AUTHORS, k), name))
			galley_article_set_author_kind(a, k, galley_author_kind_parse(kind));
	return GALLEY_OK;
}

/* author_entries: each author's name and kind; a name not in authors yet is added (the keys
 * may come in any order). */
static int read_json_author_entries(read_json_ctx *cx, galley_article *a, json_object *v)
{
	static const read_json_key keys[RJ_MAX_MEMBERS] = {{"name", RJ_REQUIRED}, {"kind", RJ_OPTIONAL}};
	return read_json_records(cx, a, "author_entries", v, keys, read_json_add_author_entry);
}

/* A quote: its strings, then its paragraph, start and end (numbers). */
static int read_json_add_quote(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m)
{
	int64_t num[3] = {0, 0, 0};
	static const char *const keys[3] = {"paragraph", "start", "end"};
	int rc = GALLEY_OK;
	for (int k = 0; k < 3 && rc == GALLEY_OK; k++) {
		json_object *x = NULL;
		char w[96];
		json_object_object_get_ex(it, keys[k], &x);
		snprintf(w, sizeof w, "%s.%s", what, keys[k]);
		rc = read_json_int(cx, w, x, 0, INT32_MAX, &num[k]);
	}
	if (rc == GALLEY_OK) {
		galley_quote q = {.text = m[0], .speaker = m[1], .cue = m[2], .paragraph = (int)num[0],
		                  .start = (int)num[1], .end = (int)num[2], .speaker_kind = m[3], .rule = m[4]};
		galley_article_add_quote(a, &q);
	}
	return rc;
}

static int read_json_quotes(read_json_ctx *cx, galley_article *a, json_object *v)
{
	static const read_json_key keys[RJ_MAX_MEMBERS] = {{"text", RJ_REQUIRED},
	                                                   {"speaker", RJ_OPTIONAL},
	                                                   {"cue", RJ_OPTIONAL},
	                                                   {"speaker_kind", RJ_OPTIONAL},
	                                                   {"rule", RJ_OPTIONAL}};
	return read_json_records(cx, a, "quotes", v, keys, read_json_add_quote);
}

static int read_json_add_decision(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m)
{
	galley_decision d = {.field = m[0], .rule = m[1], .detail = m[2]};
	galley_article_add_decision(a, &d);
	return GALLEY_OK;
}

static int read_json_decisions(read_json_ctx *cx, galley_article *a, json_object *v)
{
	static const read_json_key keys[RJ_MAX_MEMBERS] = {
	    {"field", RJ_REQUIRED}, {"rule", RJ_REQUIRED}, {"detail", RJ_OPTIONAL}};
	return read_json_records(cx, a, "decisions", v, keys, read_json_add_decision);
}

static int read_json_add_removed(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m)
{
	galley_removed r = {.reason = m[0], .text = m[1], .context = m[2], .rule = m[3]};
	galley_article_add_removed(a, &r);
	return GALLEY_OK;
}

static int read_json_removed(read_json_ctx *cx, galley_article *a, json_object *v)
{
	static const read_json_key keys[RJ_MAX_MEMBERS] = {
	    {"reason", RJ_OPTIONAL}, {"text", RJ_REQUIRED}, {"context", RJ_OPTIONAL}, {"rule", RJ_OPTIONAL}};
	return read_json_records(cx, a, "removed", v, keys, read_json_add_removed);
}

static int read_json_add_stage(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m)
{
	galley_article_add_stage(a, m[0], m[1]);
	return GALLEY_OK;
}

/* A stage of the history when it is not kept: checked, not added. */
static int read_json_check_stage(read_json_ctx *cx, galley_article *a, const char *what, json_object *it, char **m)
{
	return GALLEY_OK;
}

static int read_json_pipeline(read_json_ctx *cx, galley_article *a, json_object *v, bool keep)
{
	static const read_json_key keys[RJ_MAX_MEMBERS] = {{"name", RJ_REQUIRED}, {"version", RJ_OPTIONAL}};
	return read_json_records(cx, a, "pipeline", v, keys, keep ? read_json_add_stage : read_json_check_stage);
}

static int read_json_extra(read_json_ctx *cx, galley_article *a, json_object *v)
{
	if (read_json_is_null(v))
		return GALLEY_OK;
	if (!json_object_is_type(v, json_type_object))
		return read_json_bad(cx, "extra", v, "an object");
	json_object_object_foreach(v, key, val)
	{
		char what[160];
		snprintf(what, sizeof what, "extra.%.100s", key);
		if (read_json_is_null(val))
			continue;
		char *s = NULL;
		if (json_object_is_type(val, json_type_string)) {
			if (read_json_string(cx, what, val, &s) != GALLEY_OK)
				return GALLEY_ERR_ARTICLE;
		} else if (json_object_is_type(val, json_type_int) || json_object_is_type(val, json_type_double) ||
		           json_object_is_type(val, json_type_boolean)) {
			s = galley_strdup(json_object_to_json_string_ext(val, JSON_C_TO_STRING_PLAIN));
		} else {
			return read_json_bad(cx, what, val, "a string, number or boolean");
		}
		char *k = read_json_clean(key, strlen(key));
		galley_article_set_extra(a, k, s);
		free(k);
		free(s);
	}
	return GALLEY_OK;
}

static int read_json_location(read_json_ctx *cx, galley_article *a, json_object *v)
{
	if (read_json_is_null(v))
		return GALLEY_OK;
	if (!json_object_is_type(v, json_type_object))
		return read_json_bad(cx, "source_location", v, "an object");
	enum { LOC_FILE, LOC_MEMBER, LOC_URI, LOC_RECORD_ID, LOC_DATE };
	static const read_json_key keys[RJ_MAX_MEMBERS] = {
	    [LOC_FILE] = {"file", RJ_REQUIRED},    [LOC_MEMBER] = {"member", RJ_OPTIONAL},
	    [LOC_URI] = {"uri", RJ_OPTIONAL},      [LOC_RECORD_ID] = {"record_id", RJ_OPTIONAL},
	    [LOC_DATE] = {"date", RJ_OPTIONAL}};
	char *m[RJ_MAX_MEMBERS] = {NULL};
	int64_t offset = -1, index = -1;
	json_object *x = NULL;
	int rc = read_json_members(cx, "source_location", v, keys, m);
	if (rc == GALLEY_OK && json_object_object_get_ex(v, "offset", &x) && !read_json_is_null(x))
		rc = read_json_int(cx, "source_location.offset", x, 0, INT64_MAX, &offset);
	x = NULL;
	if (rc == GALLEY_OK && json_object_object_get_ex(v, "index", &x) && !read_json_is_null(x))
		rc = read_json_int(cx, "source_location.index", x, 0, INT64_MAX, &index);
	if (rc == GALLEY_OK) {
		galley_article_set_location(a, m[LOC_FILE], m[LOC_MEMBER], offset, index);
		galley_article_set_location_warc(a, m[LOC_URI], m[LOC_RECORD_ID], m[LOC_DATE]);
	}
	for (size_t k = 0; k < RJ_MAX_MEMBERS; k++)
		free(m[k]);
	return rc;
}

/* The body from html: parsed as XML (what write-json writes), else as HTML (hand-written
 * input with HTML entities or unclosed tags).  NULL when it yields nothing. */
static xmlDocPtr read_json_body_html(const char *html)
{
	galley_buf b = {0};
	galley_buf_puts(&b, "<body>");
	galley_buf_puts(&b, html);
	galley_buf_puts(&b, "</body>");
	xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, NULL, "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
	                                  XML_PARSE_HUGE); /* records are bounded by max_record_bytes */
	if (doc) {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		if (root && !xmlStrcmp(root->name, BAD_CAST "body") && !root->ns) {
			galley_buf_free(&b);
			return doc;
		}
		xmlFreeDoc(doc);
	}
	galley_buf_reset(&b);
	galley_buf_puts(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	galley_buf_puts(&b, html);
	galley_buf_puts(&b, "</body></html>");
	htmlDocPtr page = htmlReadMemory(b.data, (int)b.len, NULL, "UTF-8",
	                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	galley_buf_free(&b);
	if (!page)
		return NULL;
	xmlNodePtr pbody = NULL;
	xmlNodePtr root = xmlDocGetRootElement(page);
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST "body"))
			pbody = c;
	doc = galley_body_new();
	if (pbody && pbody->children) {
		xmlNodePtr copy = xmlDocCopyNodeList(doc, pbody->children);
		if (copy)
			xmlAddChildList(galley_body_root(doc), copy);
	}
	xmlFreeDoc(page);
	return doc;
}

/* The body from plain text.  Paragraphs are separated by an empty line, as write-json writes
 * them; a text with line breaks but no empty line at all has one paragraph per line (as other
 * tools write).  A paragraph that keeps a line break, a tab or a run of spaces is preformatted
 * text — galley normalises the white space of every other paragraph — and becomes a <pre>, so
 * its text comes back unchanged; the others become <p>. */
static void read_json_add_para(xmlDocPtr doc, const char *s, size_t n)
{
	while (n && (s[n - 1] == '\r'))
		n--;
	if (!n)
		return;
	bool pre = s[0] == ' ' || s[n - 1] == ' ';
	for (size_t i = 0; i + 1 < n && !pre; i++)
		pre = s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || (s[i] == ' ' && s[i + 1] == ' ');
	bool blank = true;
	for (size_t i = 0; i < n && blank; i++)
		blank = strchr(" \t\r\n\f\v", s[i]) != NULL;
	if (blank)
		return;
	xmlNodePtr el = xmlNewDocNode(doc, NULL, BAD_CAST(pre ? "pre" : "p"), NULL);
	xmlAddChild(el, xmlNewDocTextLen(doc, BAD_CAST s, (int)n));
	xmlAddChild(galley_body_root(doc), el);
}

static xmlDocPtr read_json_body_text(const char *text)
{
	xmlDocPtr doc = galley_body_new();
	const char *sep = strstr(text, "\n\n") ? "\n\n" : "\n";
	size_t seplen = strlen(sep);
	const char *p = text;
	for (;;) {
		const char *e = strstr(p, sep);
		read_json_add_para(doc, p, e ? (size_t)(e - p) : strlen(p));
		if (!e)
			break;
		p = e + seplen; /* a line break left at the start belongs to a preformatted paragraph */
	}
	return doc;
}

static const struct {
	const char *key;
	galley_field field;
} read_json_scalars[] = {
	{"id", GALLEY_FIELD_ID},       {"url", GALLEY_FIELD_URL},   {"title", GALLEY_FIELD_TITLE},
	{"date", GALLEY_FIELD_DATE},   {"site", GALLEY_FIELD_SITE}, {"language", GALLEY_FIELD_LANGUAGE},
	{"description", GALLEY_FIELD_DESCRIPTION}, {"byline", GALLEY_FIELD_BYLINE},
	{"dek", GALLEY_FIELD_DEK},
};

static int read_json_article(read_json_state *st, read_json_ctx *cx, galley_article *a, json_object *o)
{
	json_object *text = NULL, *html = NULL;
	bool unknown = false;
	json_object_object_foreach(o, key, val)
	{
		int rc = GALLEY_OK;
		bool known = false;
		for (size_t i = 0; i < sizeof read_json_scalars / sizeof read_json_scalars[0]; i++) {
			if (strcmp(key, read_json_scalars[i].key))
				continue;
			char *s;
			known = true;
			rc = read_json_string(cx, key, val, &s);
			if (rc == GALLEY_OK)
				galley_article_set(a, read_json_scalars[i].field, s);
			free(s);
		}
		if (known) {
		} else if (!strcmp(key, "source_location")) {
			rc = read_json_location(cx, a, val);
		} else if (!strcmp(key, "authors")) {
			rc = read_json_list(cx, a, key, val, GALLEY_LIST_AUTHORS);
		} else if (!strcmp(key, "author_entries")) {
			rc = read_json_author_entries(cx, a, val);
		} else if (!strcmp(key, "tags")) {
			rc = read_json_list(cx, a, key, val, GALLEY_LIST_TAGS);
		} else if (!strcmp(key, "text")) {
			if (!read_json_is_null(val) && !json_object_is_type(val, json_type_string))
				rc = read_json_bad(cx, key, val, "a string");
			text = val;
		} else if (!strcmp(key, "html")) {
			if (!read_json_is_null(val) && !json_object_is_type(val, json_type_string))
				rc = read_json_bad(cx, key, val, "a string");
			html = val;
		} else if (!strcmp(key, "sources")) {
			rc = read_json_sources(cx, a, val);
		} else if (!strcmp(key, "quotes")) {
			rc = read_json_quotes(cx, a, val);
		} else if (!strcmp(key, "removed")) {
			rc = read_json_removed(cx, a, val);
		} else if (!strcmp(key, "decisions")) {
			rc = read_json_decisions(cx, a, val);
		} else if (!strcmp(key, "pipeline")) {
			rc = read_json_pipeline(cx, a, val, st->keep_history);
		} else if (!strcmp(key, "extra")) {
			rc = read_json_extra(cx, a, val);
		} else {
			unknown = true;
		}
		if (rc != GALLEY_OK)
			return rc;
	}
	if (unknown)
		galley_stage_count(cx->stage, "records with unknown keys (ignored)", 1);

	xmlDocPtr body = NULL;
	if (!read_json_is_null(html)) {
		char *h = NULL;
		read_json_string(cx, "html", html, &h);
		body = read_json_body_html(h);
		free(h);
		if (!body) {
			galley_stage_count(cx->stage, "skipped: html unreadable", 1);
			return galley_error_set(cx->err, GALLEY_ERR_ARTICLE, "line %llu: html cannot be parsed", cx->line);
		}
	} else if (!read_json_is_null(text)) {
		char *t = NULL;
		read_json_string(cx, "text", text, &t);
		body = read_json_body_text(t);
		free(t);
	} else {
		body = galley_body_new();
	}
	galley_article_set_body(a, body);
	return GALLEY_OK;
}

/* What json-c's strict mode still lets through (0.16: single-quoted strings, NaN and Infinity)
 * and RFC 8259 forbids: a description, with *at the offset, or NULL when the record has none. */
static const char *read_json_lenient_syntax(const unsigned char *d, size_t n, size_t *at)
{
	bool in_str = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = d[i];
		if (in_str) {
			if (b == '\\')
				i++;
			else if (b == '"')
				in_str = false;
			continue;
		}
		*at = i;
		if (b == '"')
			in_str = true;
		else if (b == '\'')
			return "a single-quoted string (JSON strings take double quotes)";
		else if (b == 'N' || b == 'I' || (b == '-' && i + 1 < n && d[i + 1] == 'I'))
			return "NaN or Infinity, which JSON has no words for";
	}
	return NULL;
}

static int read_json_parse(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	read_json_state *st = state;
	const galley_raw *raw = galley_article_raw(a);
	const read_json_mark *m = galley_article_get_scratch(a, st);
	read_json_ctx cx = {.stage = stage, .err = err, .line = m ? m->line : 0};
	if (!raw || !raw->data)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "line %llu: empty record", cx.line);

	size_t bad_at = 0;
	const char *bad = read_json_lenient_syntax(raw->data, raw->len, &bad_at);
	if (bad) {
		galley_stage_count(stage, "skipped: invalid JSON", 1);
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "line %llu: invalid JSON at byte %zu of the record: %s",
		                        cx.line, bad_at + 1, bad);
	}
	json_tokener *tok = json_tokener_new();
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
	json_object *o = json_tokener_parse_ex(tok, (const char *)raw->data, (int)raw->len);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	size_t end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);

	if (!o || jerr != json_tokener_success) {
		/* where: line and column of the offending byte */
		unsigned long long line = cx.line;
		size_t col = 1;
		for (size_t i = 0; i < end && i < raw->len; i++) {
			if (raw->data[i] == '\n') {
				line++;
				col = 1;
			} else {
				col++;
			}
		}
		json_object_put(o);
		galley_stage_count(stage, "skipped: invalid JSON", 1);
		if (jerr == json_tokener_continue || jerr == json_tokener_success)
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "line %llu: the JSON record is incomplete (cut short?)", cx.line);
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "line %llu, column %zu: invalid JSON: %s", line, col,
		                        json_tokener_error_desc(jerr));
	}
	for (size_t i = end; i < raw->len; i++) {
		if (!strchr(" \t\r\n", raw->data[i])) {
			json_object_put(o);
			galley_stage_count(stage, "skipped: invalid JSON", 1);
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "line %llu, column %zu: unexpected text after the JSON object "
			                        "(one article per line)",
			                        cx.line, i + 1);
		}
	}
	if (!json_object_is_type(o, json_type_object)) {
		galley_stage_count(stage, "skipped: not an object", 1);
		int rc = galley_error_set(err, GALLEY_ERR_ARTICLE, "line %llu: an article must be a JSON object, not %s",
		                          cx.line, read_json_type(o));
		json_object_put(o);
		return rc;
	}
	int rc = read_json_article(st, &cx, a, o);
	json_object_put(o);
	if (rc == GALLEY_OK && st->merge)
		galley_article_set_extra(a, GALLEY_SHARD_SEQ_KEY, NULL);
	return rc;
}

/* ---- open and close ------------------------------------------------------------------------------- */

static bool read_json_is_plain_file(const char *spec)
{
	if (!strcmp(spec, "-"))
		return true;
	if (strchr(spec, ',') || strchr(spec, '*') || strchr(spec, '?') || spec[0] == '@')
		return false;
	struct stat sb;
	if (stat(spec, &sb) != 0 || !S_ISREG(sb.st_mode))
		return false;
	static const char *const packed[] = {".gz", ".xz", ".zst", ".bz2", ".tar", ".tgz", ".zip", ".warc", NULL};
	size_t n = strlen(spec);
	for (size_t i = 0; packed[i]; i++) {
		size_t m = strlen(packed[i]);
		if (n >= m && !strcasecmp(spec + n - m, packed[i]))
			return false;
	}
	return true;
}

static int read_json_open(galley_stage *stage, void **state, galley_error *err)
{
	/* parse() runs libxml2's parsers on worker threads: initialise it here, on the main thread */
	xmlInitParser();
	read_json_state *st = galley_calloc(1, sizeof *st);
	const char *spec = galley_stage_opt_string(stage, "input");
	if (!spec || !*spec) {
		free(st);
		return galley_error_set(err, GALLEY_ERR_FATAL, "input= is required: a .jsonl or .json file, - for standard "
		                                               "input, or a directory, glob or archive of them");
	}
	st->spec = galley_strdup(spec);
	st->max_record = (size_t)galley_stage_opt_int(stage, "max_record_bytes");
	st->keep_history = galley_stage_opt_bool(stage, "history");
	st->merge = rj_merge_open(st->spec, st->max_record);
	st->direct = !st->merge && read_json_is_plain_file(st->spec);
	if (!st->direct && !st->merge) {
		static const char *const exts[] = {".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz",
		                                   ".json.xz", ".jsonl.xz", ".json.zst", ".jsonl.zst", NULL};
		galley_collection_options co = {.extensions = exts,
		                                .media_types = NULL,
		                                .max_entry_bytes = (size_t)galley_stage_opt_int(stage, "max_size"),
		                                .max_ratio = galley_stage_opt_double(stage, "max_ratio"),
		                                .max_expanded_bytes = (uint64_t)galley_stage_opt_int(stage, "max_expanded")};
		st->coll = galley_collection_open(st->spec, &co, err);
		if (!st->coll) {
			free(st->spec);
			free(st);
			return GALLEY_ERR_FATAL;
		}
	}
	*state = st;
	return GALLEY_OK;
}

static void read_json_close(galley_stage *stage, void *state)
{
	read_json_state *st = state;
	if (!st)
		return;
	read_json_source_close(st);
	rj_merge_free(st->merge);
	galley_collection_close(st->coll);
	galley_buf_free(&st->rec);
	free(st->spec);
	free(st);
}

static const galley_option read_json_options[] = {
	{.name = "input", .type = GALLEY_OPT_PATH, .default_value = NULL, .flags = GALLEY_OPT_REQUIRED,
	 .help = "JSON Lines or JSON array file (streamed), - for standard input, or a directory, glob, list or archive "
	         "of .json/.jsonl/.ndjson files"},
	{.name = "max_record_bytes", .type = GALLEY_OPT_INT, .default_value = "67108864", .min = 2, .max = 2147483647.0,
	 .help = "largest record (one line or array element) read; longer ones are skipped and counted"},
	{.name = "max_size", .type = GALLEY_OPT_INT, .default_value = "268435456", .min = 1024, .max = 9.2e18,
	 .help = "largest compressed or archived .json/.jsonl held in memory once decompressed (counted while it is "
	         "decompressed; plain files and standard input are streamed and have no such limit)"},
	{.name = "max_ratio", .type = GALLEY_OPT_DOUBLE, .default_value = "200", .min = 1, .max = 1e12,
	 .help = "a compressed input or member may expand to this many times its compressed size (the first MiB is always "
	         "allowed); beyond, it is refused as a likely decompression bomb"},
	{.name = "max_expanded", .type = GALLEY_OPT_INT, .default_value = "68719476736", .min = 1048576, .max = 9.2e18,
	 .help = "most bytes one compressed input (a .gz, tar or zip) may decompress to in all"},
	{.name = "history", .type = GALLEY_OPT_BOOL, .default_value = "true",
	 .help = "restore each article's pipeline history from the input (false: start anew with read-json)"},
	{.name = NULL},
};

GALLEY_PLUGIN_DEFINE(.name = "read-json", .kind = GALLEY_KIND_READER,
                     .summary = "read articles from JSON Lines or a JSON array in galley's format",
                     .version = "1.0.0", .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = read_json_options, .open = read_json_open, .close = read_json_close,
                     .read = read_json_read, .parse = read_json_parse);
