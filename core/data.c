/* Finding data files, and knowing whether we run from a build tree. */
#include "internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUILD_MARKER "galley-build-tree"
/* how far above the program's folder the build root may be (build/core, build/tests/fuzz) */
#define BUILD_MARKER_DEPTH 3

/* The build's plugin directory and the source tree's data directory, from the marker file meson
 * writes at the build root, when the running program lives in a galley build tree. */
static struct {
	bool found;
	char plugindir[PATH_MAX];
	char datadir[PATH_MAX];
} build_tree;

static bool read_marker(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	bool ok = fgets(build_tree.plugindir, sizeof build_tree.plugindir, f) &&
	          fgets(build_tree.datadir, sizeof build_tree.datadir, f);
	fclose(f);
	build_tree.plugindir[strcspn(build_tree.plugindir, "\n")] = '\0';
	build_tree.datadir[strcspn(build_tree.datadir, "\n")] = '\0';
	return ok && build_tree.plugindir[0] == '/' && build_tree.datadir[0] == '/';
}

static void find_build_tree(void)
{
	char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0)
		return;
	dir[n] = '\0';
	for (int depth = 0; depth < BUILD_MARKER_DEPTH; depth++) {
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return;
		*slash = '\0';
		char marker[PATH_MAX + sizeof BUILD_MARKER + 1];
		char private_dir[PATH_MAX + 16];
		snprintf(marker, sizeof marker, "%s/" BUILD_MARKER, dir);
		snprintf(private_dir, sizeof private_dir, "%s/meson-private", dir);
		struct stat st;
		if (stat(private_dir, &st) == 0 && S_ISDIR(st.st_mode) && read_marker(marker)) {
			build_tree.found = true;
			return;
		}
	}
}

bool galley_running_from_build_tree(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, find_build_tree);
	return build_tree.found;
}

const char *galley_build_plugindir(void)
{
	return galley_running_from_build_tree() ? build_tree.plugindir : NULL;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Calls fn(dir) for each data directory in search order until it returns true. */
static void data_dirs(bool (*fn)(const char *dir, void *ctx), void *ctx)
{
	const char *env = getenv("GALLEY_DATA_PATH");
	if (env && *env) {
		char *copy = galley_strdup(env), *save = NULL;
		for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
			if (*d && fn(d, ctx)) {
				free(copy);
				return;
			}
		}
		free(copy);
	}
	if (galley_running_from_build_tree() && fn(build_tree.datadir, ctx))
		return;
	fn(GALLEY_INSTALLED_DATADIR, ctx);
}

struct find_ctx {
	const char *rel;
	char *found;
	galley_buf searched;
};

static bool find_in(const char *dir, void *vctx)
{
	struct find_ctx *c = vctx;
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/%s", dir, c->rel);
	if (c->searched.len)
		galley_buf_puts(&c->searched, ", ");
	galley_buf_puts(&c->searched, dir);
	if (is_file(p.data)) {
		c->found = galley_buf_steal(&p);
		return true;
	}
	galley_buf_free(&p);
	return false;
}

static char *data_find(const char *relpath, galley_buf *searched)
{
	struct find_ctx c = {.rel = relpath};
	data_dirs(find_in, &c);
	if (searched)
		*searched = c.searched;
	else
		galley_buf_free(&c.searched);
	return c.found;
}

char *galley_data_find(const char *relpath)
{
	return data_find(relpath, NULL);
}

int galley_wordlist_load(const char *relpath, galley_wordlist *out, galley_error *err)
{
	memset(out, 0, sizeof *out);
	galley_buf searched = {0};
	char *path = data_find(relpath, &searched);
	if (!path) {
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "data file '%s' not found (searched %s); set GALLEY_DATA_PATH to the directory holding it",
		                 relpath, searched.data ? searched.data : "nothing");
		galley_buf_free(&searched);
		return GALLEY_ERR_FATAL;
	}
	galley_buf_free(&searched);
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = galley_read_file(path, &data, &len, 16u << 20, err);
	free(path);
	if (rc != GALLEY_OK)
		return rc;
	size_t cap = 0;
	char *s = (char *)data, *end = s + len;
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		char *e = nl ? nl : end;
		char *a = s, *b = e;
		while (a < b && (*a == ' ' || *a == '\t' || *a == '\r'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (b > a && *a != '#') {
			if (out->n == cap) {
				cap = cap ? cap * 2 : 32;
				out->items = galley_realloc(out->items, cap * sizeof *out->items);
			}
			out->items[out->n++] = galley_strndup(a, (size_t)(b - a));
		}
		s = nl ? nl + 1 : end;
	}
	free(data);
	return GALLEY_OK;
}

void galley_wordlist_free(galley_wordlist *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->items[i]);
	free(w->items);
	w->items = NULL;
	w->n = 0;
}
