/* Relative paths written in a pipeline file resolve from the file's folder, so one file serves
 * from any working directory. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* base + "/" + rel with "." segments dropped and "name/.." folded (lexically: a pipeline's
 * "../html" next to it means the folder beside the file's).  (owned) */
static char *join_folded(const char *base, const char *rel)
{
	galley_buf joined = {0};
	galley_buf_printf(&joined, "%s/%s", base, rel);
	char *src = galley_buf_steal(&joined);
	size_t len = strlen(src);
	const char **seg = galley_calloc(len + 1, sizeof *seg);
	size_t n = 0;
	bool absolute = src[0] == '/';
	char *save = NULL;
	for (char *t = strtok_r(src, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
		if (!strcmp(t, "."))
			continue;
		if (!strcmp(t, "..") && n && strcmp(seg[n - 1], ".."))
			n--;
		else if (!strcmp(t, "..") && absolute && !n)
			continue; /* "/.." is "/" */
		else
			seg[n++] = t;
	}
	galley_buf out = {0};
	if (absolute)
		galley_buf_putc(&out, '/');
	for (size_t i = 0; i < n; i++) {
		if (i)
			galley_buf_putc(&out, '/');
		galley_buf_append(&out, seg[i], strlen(seg[i]));
	}
	if (!out.len)
		galley_buf_putc(&out, '.');
	/* keep a trailing slash ("dir/") as written */
	if (rel[0] && rel[strlen(rel) - 1] == '/' && out.data[out.len - 1] != '/')
		galley_buf_putc(&out, '/');
	free(seg);
	free(src);
	return galley_buf_steal(&out);
}

static char *resolve_one(const char *base_dir, const char *item)
{
	if (!item[0] || item[0] == '/' || !strcmp(item, "-") || !strcmp(item, "@-"))
		return galley_strdup(item);
	if (item[0] == '@') {
		char *inner = join_folded(base_dir, item + 1);
		galley_buf b = {0};
		galley_buf_printf(&b, "@%s", inner);
		free(inner);
		return galley_buf_steal(&b);
	}
	return join_folded(base_dir, item);
}

char *galley_resolve_path_value(const char *base_dir, const char *value)
{
	if (!base_dir || !*base_dir || !strcmp(base_dir, "."))
		return galley_strdup(value);
	char *whole = resolve_one(base_dir, value);
	struct stat st;
	if (!strchr(value, ',') || stat(whole, &st) == 0)
		return whole;
	free(whole);
	/* an input list "a.html,b/" (as read-* take it): each item from the folder */
	galley_buf out = {0};
	const char *p = value;
	for (bool first = true;; first = false) {
		const char *comma = strchr(p, ',');
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char *item = galley_strndup(p, n);
		char *r = resolve_one(base_dir, item);
		if (!first)
			galley_buf_putc(&out, ',');
		galley_buf_append(&out, r, strlen(r));
		free(r);
		free(item);
		if (!comma)
			break;
		p = comma + 1;
	}
	return galley_buf_steal(&out);
}
