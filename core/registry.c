/* The plugin registry: find modules, load them, check their descriptors. */
#include "internal.h"

#include <libxml/parser.h>

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct reg_entry {
	galley_plugin_info info;
	void *handle;
	char *file;
	char *problem;
} reg_entry;

struct galley_registry {
	char **dirs;           /* user-added */
	size_t n_dirs;
	bool default_dirs;
	bool scanned;
	reg_entry *entries;
	size_t n, cap;
};

galley_registry *galley_registry_new(void)
{
	/* libxml2 must be initialised once, on one thread, before plugins use it on workers. */
	xmlInitParser();
	galley_registry *r = galley_calloc(1, sizeof *r);
	r->default_dirs = true;
	return r;
}

void galley_registry_free(galley_registry *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_dirs; i++)
		free(r->dirs[i]);
	free(r->dirs);
	for (size_t i = 0; i < r->n; i++) {
		/* Modules stay mapped until exit: articles may still hold pointers into them
		 * (static strings), and unloading buys nothing for a short-lived process.  Under
		 * the sanitizers this also keeps symbolised stack traces. */
		free(r->entries[i].file);
		free(r->entries[i].problem);
	}
	free(r->entries);
	free(r);
}

void galley_registry_add_dir(galley_registry *r, const char *dir)
{
	r->dirs = galley_realloc(r->dirs, (r->n_dirs + 1) * sizeof *r->dirs);
	r->dirs[r->n_dirs++] = galley_strdup(dir);
}

void galley_registry_use_default_dirs(galley_registry *r, bool yes)
{
	r->default_dirs = yes;
}

/* Calls fn for every directory in search order. */
static void each_dir(galley_registry *r, void (*fn)(galley_registry *, const char *, void *), void *ctx)
{
	for (size_t i = 0; i < r->n_dirs; i++)
		fn(r, r->dirs[i], ctx);
	if (!r->default_dirs)
		return;
	const char *env = getenv("GALLEY_PLUGIN_PATH");
	if (env && *env) {
		char *copy = galley_strdup(env), *save = NULL;
		for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
			if (*d)
				fn(r, d, ctx);
		free(copy);
	}
	if (galley_running_from_build_tree())
		fn(r, galley_build_plugindir(), ctx);
	fn(r, GALLEY_INSTALLED_PLUGINDIR, ctx);
}

static void add_dir_to_buf(galley_registry *r, const char *dir, void *ctx)
{
	galley_buf *b = ctx;
	if (b->len)
		galley_buf_putc(b, ':');
	galley_buf_puts(b, dir);
}

char *galley_registry_dirs(galley_registry *r)
{
	galley_buf b = {0};
	each_dir(r, add_dir_to_buf, &b);
	return galley_buf_steal(&b);
}

static reg_entry *new_entry(galley_registry *r, const char *file)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->entries = galley_realloc(r->entries, r->cap * sizeof *r->entries);
	}
	reg_entry *e = &r->entries[r->n++];
	memset(e, 0, sizeof *e);
	e->file = galley_strdup(file);
	e->info.file = e->file;
	return e;
}

static bool valid_name(const char *s, bool allow_dash)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || (allow_dash ? *s == '-' : *s == '_')))
			return false;
	return true;
}

/* Check a descriptor before any of its code runs.  Returns NULL when fine, else a message
 * (owned). */
static char *check_descriptor(const galley_plugin *p)
{
	galley_buf b = {0};
	if (p->abi_major != GALLEY_ABI_MAJOR || p->abi_minor > GALLEY_ABI_MINOR) {
		galley_buf_printf(&b,
		                  "built against galley plugin ABI %u.%u, but this galley (%s) supports ABI %d.%d; "
		                  "rebuild the plugin against this galley's headers",
		                  p->abi_major, p->abi_minor, GALLEY_VERSION_STRING, GALLEY_ABI_MAJOR, GALLEY_ABI_MINOR);
		return galley_buf_steal(&b);
	}
	if (!valid_name(p->name, true))
		galley_buf_printf(&b, "plugin name '%s' is not made of [a-z0-9-]", p->name ? p->name : "(null)");
	else if (p->kind != GALLEY_KIND_READER && p->kind != GALLEY_KIND_TRANSFORM && p->kind != GALLEY_KIND_WRITER)
		galley_buf_printf(&b, "plugin '%s' has an unknown kind %d", p->name, (int)p->kind);
	else if (!p->summary || !p->version)
		galley_buf_printf(&b, "plugin '%s' has no summary or version", p->name);
	else if (p->kind == GALLEY_KIND_READER && !p->read)
		galley_buf_printf(&b, "reader '%s' has no read callback", p->name);
	else if (p->kind == GALLEY_KIND_TRANSFORM && !p->process)
		galley_buf_printf(&b, "transform '%s' has no process callback", p->name);
	else if (p->kind == GALLEY_KIND_WRITER && (!p->write || !p->finish))
		galley_buf_printf(&b, "writer '%s' needs write and finish callbacks", p->name);
	if (b.len)
		return galley_buf_steal(&b);
	for (const galley_option *o = p->options; o && o->name; o++) {
		if (!valid_name(o->name, false)) {
			galley_buf_printf(&b, "plugin '%s' declares an option with an invalid name '%s'", p->name, o->name);
			break;
		}
		if (o->type < GALLEY_OPT_STRING || o->type > GALLEY_OPT_PATH) {
			galley_buf_printf(&b, "option '%s' of plugin '%s' has an unknown type", o->name, p->name);
			break;
		}
		if (o->type == GALLEY_OPT_ENUM && (!o->choices || !*o->choices)) {
			galley_buf_printf(&b, "enum option '%s' of plugin '%s' declares no choices", o->name, p->name);
			break;
		}
		if ((o->flags & GALLEY_OPT_REQUIRED) && o->default_value) {
			galley_buf_printf(&b, "required option '%s' of plugin '%s' must not have a default", o->name, p->name);
			break;
		}
		if (!o->help) {
			galley_buf_printf(&b, "option '%s' of plugin '%s' has no help text", o->name, p->name);
			break;
		}
	}
	if (b.len)
		return galley_buf_steal(&b);
	/* Defaults must pass the plugin's own declaration. */
	galley_stage *s = galley_stage_alloc(NULL, p);
	galley_error err = {0};
	int rc = galley_stage_set_options(s, NULL, 0, "(defaults)", false, &err);
	galley_stage_free(s);
	if (rc != GALLEY_OK) {
		galley_buf_printf(&b, "plugin '%s' declares a bad default: %s", p->name, err.message);
		return galley_buf_steal(&b);
	}
	return NULL;
}

static const reg_entry *find_loaded(galley_registry *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->entries[i].info.plugin && !strcmp(r->entries[i].info.plugin->name, name))
			return &r->entries[i];
	return NULL;
}

const galley_plugin *galley_registry_load_file(galley_registry *r, const char *path, galley_error *err)
{
	for (size_t i = 0; i < r->n; i++) {
		if (!strcmp(r->entries[i].file, path)) {
			if (!r->entries[i].info.plugin)
				galley_error_set(err, GALLEY_ERR_FATAL, "%s", r->entries[i].problem);
			return r->entries[i].info.plugin;
		}
	}
	reg_entry *e = new_entry(r, path);
	galley_buf msg = {0};
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		galley_buf_printf(&msg, "cannot load plugin file '%s': %s", path, why ? why : "unknown error");
	} else {
		const galley_plugin *p = dlsym(h, GALLEY_PLUGIN_SYMBOL);
		if (!p) {
			galley_buf_printf(&msg,
			                  "'%s' is not a galley plugin: no symbol '%s' (define it with GALLEY_PLUGIN_DEFINE)",
			                  path, GALLEY_PLUGIN_SYMBOL);
		} else {
			char *problem = check_descriptor(p);
			if (problem) {
				galley_buf_printf(&msg, "%s: %s", path, problem);
				free(problem);
			} else {
				const reg_entry *dup = find_loaded(r, p->name);
				if (dup) {
					galley_buf_printf(&msg, "%s: plugin '%s' is already provided by '%s', which comes first in the search path",
					                  path, p->name, dup->file);
				} else {
					e = &r->entries[r->n - 1];
					e->handle = h;
					e->info.plugin = p;
					return p;
				}
			}
		}
		dlclose(h);
	}
	e = &r->entries[r->n - 1];
	e->problem = galley_buf_steal(&msg);
	e->info.problem = e->problem;
	galley_error_set(err, GALLEY_ERR_FATAL, "%s", e->problem);
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with_so(const char *n)
{
	size_t l = strlen(n);
	return l > 3 && !strcmp(n + l - 3, ".so");
}

static void scan_dir(galley_registry *r, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		if (ent->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = galley_realloc(names, cap * sizeof *names);
		}
		names[n++] = galley_strdup(ent->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(p.data, &st) == 0) {
			if (S_ISREG(st.st_mode) && ends_with_so(names[i]))
				galley_registry_load_file(r, p.data, NULL);
			else if (S_ISDIR(st.st_mode) && depth == 0)
				scan_dir(r, p.data, 1);
		}
		galley_buf_free(&p);
		free(names[i]);
	}
	free(names);
}

static void scan_one(galley_registry *r, const char *dir, void *ctx)
{
	scan_dir(r, dir, 0);
}

void galley_registry_scan(galley_registry *r)
{
	if (r->scanned)
		return;
	r->scanned = true;
	each_dir(r, scan_one, NULL);
}

size_t galley_registry_count(galley_registry *r)
{
	galley_registry_scan(r);
	return r->n;
}

const galley_plugin_info *galley_registry_at(galley_registry *r, size_t i)
{
	galley_registry_scan(r);
	return i < r->n ? &r->entries[i].info : NULL;
}

const galley_plugin *galley_registry_find(galley_registry *r, const char *name, galley_error *err)
{
	galley_registry_scan(r);
	const reg_entry *e = find_loaded(r, name);
	if (e)
		return e->info.plugin;
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < r->n; i++) {
		const galley_plugin *p = r->entries[i].info.plugin;
		if (!p)
			continue;
		size_t d = galley_edit_distance(name, p->name);
		if (d < best_d) {
			best_d = d;
			best = p->name;
		}
	}
	/* A refused file named like the plugin explains more than "no plugin". */
	for (size_t i = 0; i < r->n; i++) {
		const char *base = strrchr(r->entries[i].file, '/');
		base = base ? base + 1 : r->entries[i].file;
		size_t nl = strlen(name);
		if (r->entries[i].problem && !strncmp(base, name, nl) && !strcmp(base + nl, ".so")) {
			galley_error_set(err, GALLEY_ERR_FATAL, "plugin '%s' could not be loaded: %s", name, r->entries[i].problem);
			return NULL;
		}
	}
	size_t limit = strlen(name) / 3 + 1;
	if (best && best_d <= (limit < 3 ? limit : 3)) {
		galley_error_set(err, GALLEY_ERR_FATAL, "no plugin named '%s' (did you mean '%s'?)", name, best);
	} else {
		char *dirs = galley_registry_dirs(r);
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "no plugin named '%s'; `galley plugins` lists those found (searched %s; add --plugin-dir DIR or GALLEY_PLUGIN_PATH)",
		                 name, *dirs ? dirs : "no directory");
		free(dirs);
	}
	return NULL;
}

size_t galley_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1 / 2;
	size_t prev[65], cur[65];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, (lb + 1) * sizeof *prev);
	}
	return prev[lb];
}
