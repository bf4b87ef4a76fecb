/* read-html: images that came with the page, recorded as the article's local resources.
 *
 * Each <img src> that is a relative reference (no scheme, no network path, not site-absolute)
 * is resolved against where the page was found:
 *   - a member of an archive: against the member's directory, inside the archive; a path whose
 *     ".." climbs above the archive's top is refused.  The archive is not read here (it streams
 *     one member at a time and the image may come after the page): the entry says where to
 *     look and the writer checks;
 *   - a plain file: against the file's directory on disk; the target must exist as a regular
 *     file (symbolic links resolved) inside the collection root, which is the input= directory
 *     the page was found in, else the page's own directory.
 * WARC records and standard input have no place to resolve against: nothing is recorded. */
#include <galley/galley.h>

#include "resources.h"

#include <ctype.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_RESOURCES 500

/* A directory's real path added to the roots (nothing when it cannot be resolved). */
static void read_html_roots_add(read_html_roots *r, const char *dir)
{
	char *real = realpath(dir, NULL);
	if (real) {
		r->dir = galley_realloc(r->dir, (r->n + 1) * sizeof *r->dir);
		r->dir[r->n++] = real;
	}
}

void read_html_roots_init(read_html_roots *r, const char *spec)
{
	memset(r, 0, sizeof *r);
	if (!spec || !*spec)
		return;
	struct stat sb;
	/* a path that exists as given is never split at commas (as collections do) */
	if (stat(spec, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			read_html_roots_add(r, spec);
		return;
	}
	const char *p = spec;
	while (*p) {
		size_t l = strcspn(p, ",");
		char *item = galley_strndup(p, l);
		if (item[0] && item[0] != '@' && stat(item, &sb) == 0 && S_ISDIR(sb.st_mode))
			read_html_roots_add(r, item);
		free(item);
		p += l;
		if (*p == ',')
			p++;
	}
}

void read_html_roots_free(read_html_roots *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->dir[i]);
	free(r->dir);
	memset(r, 0, sizeof *r);
}

/* The media type a name suggests, or NULL (a hint only: the writer reads the bytes). */
static const char *read_html_media_type(const char *path)
{
	static const char *const map[][2] = {
	    {".png", "image/png"},  {".jpg", "image/jpeg"},    {".jpeg", "image/jpeg"}, {".jpe", "image/jpeg"},
	    {".gif", "image/gif"},  {".svg", "image/svg+xml"}, {".webp", "image/webp"}, {".avif", "image/avif"},
	};
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return NULL;
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (!strcasecmp(dot, map[i][0]))
			return map[i][1];
	return NULL;
}

/* src as a relative path, percent-decoded (owned), or NULL when it is not a relative reference
 * to a file: a URL with a scheme (http:, data:), a network path (//host), a site-absolute
 * path (/img), a fragment only, or empty. */
static char *read_html_relative_path(const char *src)
{
	while (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r' || *src == '\f')
		src++;
	size_t n = strlen(src);
	while (n && (src[n - 1] == ' ' || src[n - 1] == '\t' || src[n - 1] == '\n' || src[n - 1] == '\r'))
		n--;
	size_t scheme = strcspn(src, ":/?#");
	if (!n || (scheme < n && src[scheme] == ':') || src[0] == '/' || src[0] == '?' || src[0] == '#' ||
	    src[0] == '\\')
		return NULL;
	size_t pl = strcspn(src, "?#");
	if (pl > n)
		pl = n;
	char *rel = galley_strndup(src, pl);
	char *dec = xmlURIUnescapeString(rel, 0, NULL);
	free(rel);
	if (!dec)
		return NULL;
	char *out = dec[0] && !strchr(dec, '\\') ? galley_strdup(dec) : NULL;
	xmlFree(dec);
	return out;
}

/* The member's directory inside the archive, normalised ("./a/b.html" -> "a"), (owned). */
static char *read_html_member_dir(const char *member)
{
	char *joined = galley_path_resolve("", member);
	if (!joined)
		return galley_strdup("");
	char *slash = strrchr(joined, '/');
	if (slash)
		*slash = 0;
	else
		joined[0] = 0;
	return joined;
}

typedef struct page_place {
	const galley_source_location *loc;
	char *member_dir; /* archive: the page's directory inside it */
	char *page_dir;   /* plain file: the real directory of the page */
	const char *root; /* plain file: the real directory nothing may leave */
	bool ready, usable;
} page_place;

static bool read_html_place(const read_html_roots *roots, page_place *pl)
{
	if (pl->ready)
		return pl->usable;
	pl->ready = true;
	const galley_source_location *loc = pl->loc;
	if (!loc || !loc->file || !strcmp(loc->file, "-") || loc->offset >= 0)
		return false;
	if (loc->member) {
		pl->member_dir = read_html_member_dir(loc->member);
		return pl->usable = true;
	}
	char *real = realpath(loc->file, NULL);
	char *slash = real ? strrchr(real, '/') : NULL;
	if (!slash) {
		free(real);
		return false;
	}
	if (slash == real)
		slash[1] = 0;
	else
		*slash = 0;
	pl->page_dir = real;
	pl->root = real;
	size_t best = 0;
	for (size_t i = 0; i < roots->n; i++) {
		size_t l = strlen(roots->dir[i]);
		if (l > best && !strncmp(real, roots->dir[i], l) && (real[l] == '/' || real[l] == 0 || l == 1)) {
			best = l;
			pl->root = roots->dir[i];
		}
	}
	return pl->usable = true;
}

/* Record the resource src names, when it resolves inside the collection. */
static void read_html_resolve(galley_article *a, const read_html_roots *roots, page_place *pl, const char *src)
{
	if (galley_article_resource_find(a, src) || galley_article_n_resources(a) >= MAX_RESOURCES)
		return;
	char *rel = read_html_relative_path(src);
	if (!rel)
		return;
	if (!read_html_place(roots, pl)) {
		free(rel);
		return;
	}
	if (pl->member_dir) {
		char *member = galley_path_resolve(pl->member_dir, rel);
		if (member) {
			galley_resource r = {src, pl->loc->file, member, read_html_media_type(member)};
			galley_article_add_resource(a, &r);
		}
		free(member);
		free(rel);
		return;
	}
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/%s", pl->page_dir, rel);
	free(rel);
	char *real = realpath(p.data, NULL);
	galley_buf_free(&p);
	size_t rl = real ? strlen(pl->root) : 0;
	struct stat sb;
	if (real && (rl == 1 || (!strncmp(real, pl->root, rl) && real[rl] == '/')) && stat(real, &sb) == 0 &&
	    S_ISREG(sb.st_mode)) {
		galley_resource r = {src, real, NULL, read_html_media_type(real)};
		galley_article_add_resource(a, &r);
	}
	free(real);
}

void read_html_resources(galley_article *a, const read_html_roots *roots, xmlNodePtr body)
{
	page_place pl = {.loc = galley_article_location(a)};
	/* iterative walk: the tree is at most 256 deep after the metadata walk, but no recursion */
	xmlNodePtr n = body;
	while (n) {
		if (n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, BAD_CAST "img")) {
			xmlChar *src = xmlGetProp(n, BAD_CAST "src");
			if (src)
				read_html_resolve(a, roots, &pl, (const char *)src);
			xmlFree(src);
		}
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != body && !n->next)
			n = n->parent;
		if (!n || n == body)
			break;
		n = n->next;
	}
	free(pl.member_dir);
	free(pl.page_dir);
}
