/* read-epub: one article per chapter (spine item) of EPUB books — galley's own, pandoc's,
 * Calibre's or anyone's.
 *
 * Books made by write-epub carry each article's metadata in the package document (a dc:source
 * per chapter, refined with dcterms:title, creator, publisher, date, ...); those come back as
 * the article's fields.  Other books give each chapter the title from the table of contents
 * (or its first heading) and the book's creators and language.
 *
 * Hardened: the zip is read through libarchive with bounds on members and bytes; XML is parsed
 * without network access, without loading DTDs and without substituting entities (documents
 * that declare entities are refused); nothing outside the book is ever opened. */
#include <galley/galley.h>

#include <archive.h>
#include <archive_entry.h>
#include <galley/archive_io.h>
#include <ctype.h>
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define READ_EPUB_VERSION "0.1.0"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define OPF_NS "http://www.idpf.org/2007/opf"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define OPS_NS "http://www.idpf.org/2007/ops"
#define NCX_NS "http://www.daisy.org/z3986/2005/ncx/"
#define MAX_MEMBERS 100000
#define MAX_MEMBER_BYTES (64u << 20)

static const galley_option read_epub_options[] = {
	{.name = "input", .type = GALLEY_OPT_PATH, .flags = GALLEY_OPT_REQUIRED,
	 .help = "an .epub file, a directory of them (sorted, recursive), or several separated by commas"},
	{.name = "max_bytes", .type = GALLEY_OPT_INT, .default_value = "268435456", .min = 1024, .max = 1e12,
	 .help = "most uncompressed bytes read from one book (a larger book is refused: zip bomb guard)"},
	{.name = "front_matter", .type = GALLEY_OPT_BOOL, .default_value = "false",
	 .help = "also return the cover, title page, table of contents and non-linear items as articles"},
	{.name = NULL},
};

/* ---- a loaded book ------------------------------------------------------------------------ */
typedef struct member {
	char *name;
	unsigned char *data;
	size_t len;
	bool encrypted;
	bool not_loaded; /* in the zip, but its extension is not one read-epub loads */
} member;

/* An open-addressing index of strings (member names, item ids and paths): a book of 65,000
 * chapters was read in quadratic time with linear lookups.  Hashed case-blind, so the exact
 * and the case-insensitive lookups walk one probe sequence. */
typedef struct str_index {
	size_t *slot; /* 1 + the position in the indexed array; 0: empty */
	size_t mask;
} str_index;

typedef struct kv {
	char *key, *value;
} kv;

typedef struct item {
	char *id, *path, *media_type, *properties;
	bool linear;
	char *label; /* from nav / NCX */
	kv *meta;    /* refinements of dc:source "src-<id>" (galley books) */
	size_t n_meta;
	char *source_value;
} item;

typedef struct book {
	char *file;
	member *m;
	size_t n_m;
	char *opf_dir;
	item *items; /* manifest */
	size_t n_items;
	size_t *spine; /* indices into items */
	size_t n_spine, next;
	str_index m_index, id_index, path_index;
	size_t spine_dups;    /* itemrefs that repeat a chapter, dropped */
	size_t spine_unknown; /* itemrefs whose idref is in no manifest item */
	char *first_unknown;
	char *title, *language, *publisher, *date;
	char **creators;
	size_t n_creators;
	char **skip_paths; /* guide/landmark front matter */
	size_t n_skip;
	bool ours;
} book;

typedef struct read_epub_state {
	char **files;
	size_t n_files, next_file;
	int64_t max_bytes;
	bool front;
	book *bk;
	size_t n_chapters;
	galley_stage *stage; /* (borrowed) for warnings */
} read_epub_state;

static void book_free(book *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_m; i++) {
		free(b->m[i].name);
		free(b->m[i].data);
	}
	free(b->m);
	for (size_t i = 0; i < b->n_items; i++) {
		item *it = &b->items[i];
		free(it->id);
		free(it->path);
		free(it->media_type);
		free(it->properties);
		free(it->label);
		free(it->source_value);
		for (size_t k = 0; k < it->n_meta; k++) {
			free(it->meta[k].key);
			free(it->meta[k].value);
		}
		free(it->meta);
	}
	free(b->items);
	free(b->spine);
	free(b->m_index.slot);
	free(b->first_unknown);
	free(b->id_index.slot);
	free(b->path_index.slot);
	for (size_t i = 0; i < b->n_creators; i++)
		free(b->creators[i]);
	free(b->creators);
	for (size_t i = 0; i < b->n_skip; i++)
		free(b->skip_paths[i]);
	free(b->skip_paths);
	free(b->file);
	free(b->opf_dir);
	free(b->title);
	free(b->language);
	free(b->publisher);
	free(b->date);
	free(b);
}

/* Normalise a member path: no leading '/', no "." segments, ".." resolved; NULL if it escapes. */
static char *norm_path(const char *p)
{
	galley_buf out = {0};
	size_t *marks = galley_calloc(strlen(p) + 2, sizeof *marks);
	size_t nm = 0;
	while (*p) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");
		if (!n)
			break;
		if (n == 1 && p[0] == '.') {
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (!nm) {
				free(marks);
				galley_buf_free(&out);
				return NULL;
			}
			out.len = marks[--nm];
			if (out.data)
				out.data[out.len] = 0;
		} else {
			marks[nm++] = out.len;
			if (out.len)
				galley_buf_putc(&out, '/');
			galley_buf_append(&out, p, n);
		}
		p += n;
	}
	free(marks);
	return galley_buf_steal(&out);
}

/* Resolve href (relative to dir, percent-encoded, maybe with a fragment) to a member path. */
static char *resolve_href(const char *dir, const char *href)
{
	if (!href)
		return NULL;
	char *h = galley_strndup(href, strcspn(href, "#?"));
	if (strstr(h, "://") || !strncasecmp(h, "data:", 5) || !strncasecmp(h, "mailto:", 7)) {
		free(h);
		return NULL;
	}
	char *un = xmlURIUnescapeString(h, 0, NULL);
	free(h);
	if (!un)
		return NULL;
	galley_buf b = {0};
	if (un[0] != '/' && dir && *dir) {
		galley_buf_puts(&b, dir);
		galley_buf_putc(&b, '/');
	}
	galley_buf_puts(&b, un);
	xmlFree(un);
	char *joined = galley_buf_steal(&b);
	char *r = norm_path(joined);
	free(joined);
	return r;
}

static uint64_t hash_ci(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)tolower((unsigned char)*s);
		h *= 1099511628211ull;
	}
	return h;
}

typedef const char *(*index_key)(const void *array, size_t i);

static void index_build(str_index *x, const void *array, size_t n, index_key key)
{
	free(x->slot);
	size_t cap = 16;
	while (cap < 2 * n)
		cap <<= 1;
	x->slot = galley_calloc(cap, sizeof *x->slot);
	x->mask = cap - 1;
	for (size_t i = 0; i < n; i++) {
		const char *k = key(array, i);
		if (!k)
			continue;
		size_t h = (size_t)hash_ci(k) & x->mask;
		while (x->slot[h])
			h = (h + 1) & x->mask;
		x->slot[h] = i + 1;
	}
}

/* The first entry whose key is k, else (when any_case) the first that differs in case only;
 * SIZE_MAX when none. */
static size_t index_find(const str_index *x, const void *array, index_key key, const char *k, bool any_case)
{
	if (!x->slot || !k)
		return SIZE_MAX;
	size_t folded = SIZE_MAX;
	for (size_t h = (size_t)hash_ci(k) & x->mask; x->slot[h]; h = (h + 1) & x->mask) {
		const char *e = key(array, x->slot[h] - 1);
		if (!strcmp(e, k))
			return x->slot[h] - 1;
		if (any_case && folded == SIZE_MAX && !strcasecmp(e, k))
			folded = x->slot[h] - 1;
	}
	return folded;
}

static const char *member_key(const void *array, size_t i)
{
	return ((const member *)array)[i].name;
}

static member *find_member(book *b, const char *name)
{
	/* some zips differ in case only */
	size_t i = index_find(&b->m_index, b->m, member_key, name, true);
	return i == SIZE_MAX ? NULL : &b->m[i];
}

/* A member whose bytes were loaded (NULL for one skipped by its extension). */
static member *loaded_member(book *b, const char *name)
{
	member *m = find_member(b, name);
	return m && !m->not_loaded ? m : NULL;
}

static bool wanted_member(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!strcmp(name, "mimetype"))
		return true;
	if (!dot)
		return false;
	static const char *const ext[] = {".xhtml", ".html", ".htm", ".xml", ".opf", ".ncx", ".xht", NULL};
	for (size_t i = 0; ext[i]; i++)
		if (!strcasecmp(dot, ext[i]))
			return true;
	return false;
}

/* Load the text members of the zip (bounded). */
static int book_load_zip(read_epub_state *st, book *b, galley_error *err)
{
	struct archive *a = archive_read_new();
	archive_read_support_format_zip(a);
	if (archive_read_open_filename(a, b->file, 65536) != ARCHIVE_OK) {
		galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot open the book as a zip archive: %s",
		                 archive_error_string(a) ? archive_error_string(a)
		                                         : "the file is not a zip archive, or its end (the zip directory) is "
		                                           "missing or damaged");
		archive_read_free(a);
		return GALLEY_ERR_ARTICLE;
	}
	struct archive_entry *e;
	int64_t total = 0;
	size_t count = 0;
	int r;
	char *name = NULL;
	for (;; free(name)) {
		r = galley_archive_next_header(a, &e, &name);
		if (r == ARCHIVE_EOF || r == ARCHIVE_FATAL)
			break;
		if (++count > MAX_MEMBERS) {
			free(name);
			archive_read_free(a);
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "the book has more than %d files; refused",
			                        MAX_MEMBERS);
		}
		if (r != ARCHIVE_OK) {
			/* a member whose header or name cannot be read: it is "missing" if the book lists it */
			galley_stage_warn(st->stage, "%s: skipping member %s: %s", b->file, name ? name : "(unreadable name)",
			                  archive_error_string(a) ? archive_error_string(a) : "unreadable header");
			continue;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		char *nn = norm_path(name);
		if (!nn)
			continue;
		member m = {.name = nn};
		if (!wanted_member(name)) {
			m.not_loaded = true;
		} else if (archive_entry_is_data_encrypted(e)) {
			m.encrypted = true;
		} else {
			galley_buf data = {0};
			char buf[65536];
			la_ssize_t got;
			while ((got = archive_read_data(a, buf, sizeof buf)) > 0) {
				total += got;
				if (data.len + (size_t)got > MAX_MEMBER_BYTES || total > st->max_bytes) {
					if (data.len + (size_t)got > MAX_MEMBER_BYTES)
						galley_error_set(err, GALLEY_ERR_ARTICLE,
						                 "member %s is larger than %u bytes uncompressed (zip bomb guard)", nn,
						                 MAX_MEMBER_BYTES);
					else
						galley_error_set(err, GALLEY_ERR_ARTICLE,
						                 "the book is larger than max_bytes=%lld bytes uncompressed (zip bomb "
						                 "guard; reached in %s); raise max_bytes= if the book is genuine",
						                 (long long)st->max_bytes, nn);
					galley_buf_free(&data);
					free(nn);
					free(name);
					archive_read_free(a);
					return GALLEY_ERR_ARTICLE;
				}
				galley_buf_append(&data, buf, (size_t)got);
			}
			if (got < 0) {
				galley_error_set(err, GALLEY_ERR_ARTICLE, "member %s is damaged: %s", name,
				                 archive_error_string(a) ? archive_error_string(a)
				                                         : "its compressed data is cut short or damaged");
				galley_buf_free(&data);
				free(nn);
				free(name);
				archive_read_free(a);
				return GALLEY_ERR_ARTICLE;
			}
			m.len = data.len;
			m.data = (unsigned char *)galley_buf_steal(&data);
		}
		b->m = galley_realloc(b->m, (b->n_m + 1) * sizeof *b->m);
		b->m[b->n_m++] = m;
	}
	if (r != ARCHIVE_EOF) {
		galley_error_set(err, GALLEY_ERR_ARTICLE, "the book's zip is damaged or truncated: %s",
		                 archive_error_string(a) ? archive_error_string(a)
		                                         : "a member header is cut short or damaged");
		archive_read_free(a);
		return GALLEY_ERR_ARTICLE;
	}
	archive_read_free(a);
	index_build(&b->m_index, b->m, b->n_m, member_key);
	return GALLEY_OK;
}

/* ---- hardened XML -------------------------------------------------------------------------- */
static bool declares_entities(const unsigned char *d, size_t len)
{
	static const char pat[] = "<!ENTITY";
	for (size_t i = 0; i + sizeof pat - 1 <= len; i++)
		if (d[i] == '<' && !memcmp(d + i, pat, sizeof pat - 1))
			return true;
	return false;
}

/* Parse XML with no network, no DTD loading, no entity substitution.  NULL with a message. */
static xmlDocPtr parse_xml(const member *m, char *msg, size_t msglen)
{
	if (declares_entities(m->data, m->len)) {
		snprintf(msg, msglen, "%s declares XML entities, which galley refuses to expand", m->name);
		return NULL;
	}
	if (m->len > INT32_MAX) {
		snprintf(msg, msglen, "%s is too large", m->name);
		return NULL;
	}
	xmlParserCtxtPtr ctx = xmlNewParserCtxt();
	if (!ctx) {
		snprintf(msg, msglen, "out of memory");
		return NULL;
	}
	xmlDocPtr doc = xmlCtxtReadMemory(ctx, (const char *)m->data, (int)m->len, m->name, NULL,
	                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		xmlErrorPtr e = xmlCtxtGetLastError(ctx);
		snprintf(msg, msglen, "%s is not well-formed XML (line %d: %s)", m->name, e ? e->line : 0,
		         e && e->message ? e->message : "parse error");
		size_t l = strlen(msg);
		if (l && msg[l - 1] == '\n')
			msg[l - 1] = 0;
	}
	xmlFreeParserCtxt(ctx);
	return doc;
}

static bool ns_is(xmlNodePtr n, const char *href)
{
	return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, href);
}

static bool el_is(xmlNodePtr n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name) && (!ns || ns_is(n, ns));
}

static xmlNodePtr child(xmlNodePtr n, const char *ns, const char *name)
{
	if (!n)
		return NULL;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name) && (!ns || ns_is(c, ns)))
			return c;
	return NULL;
}

/* Normalised text of a node, entity references ignored (never expanded). (owned) */
static void text_into(xmlNodePtr n, galley_buf *b, const char *skip_class)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			galley_buf_puts(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (skip_class) {
				xmlChar *cl = xmlGetProp(c, BAD_CAST "class");
				bool skip = cl && !strcmp((const char *)cl, skip_class);
				xmlFree(cl);
				if (skip)
					continue;
			}
			text_into(c, b, skip_class);
		}
	}
}

static char *node_text(xmlNodePtr n, const char *skip_class)
{
	galley_buf b = {0};
	if (n)
		text_into(n, &b, skip_class);
	char *raw = galley_buf_steal(&b);
	char *c = galley_utf8_clean(raw, strlen(raw));
	free(raw);
	char *t = galley_ws_normalize(c);
	free(c);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

/* An attribute's value with surrounding white space trimmed (an id written " c1 " is "c1"). */
static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	if (!v)
		return NULL;
	const char *p = (const char *)v;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	size_t len = strlen(p);
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\n' || p[len - 1] == '\r'))
		len--;
	char *r = galley_strndup(p, len);
	xmlFree(v);
	return r;
}

/* ---- package document ---------------------------------------------------------------------- */
static const char *item_id_key(const void *array, size_t i)
{
	return ((const item *)array)[i].id;
}

static const char *item_path_key(const void *array, size_t i)
{
	return ((const item *)array)[i].path;
}

static item *item_by_id(book *b, const char *id)
{
	size_t i = index_find(&b->id_index, b->items, item_id_key, id, false);
	return i == SIZE_MAX ? NULL : &b->items[i];
}

static item *item_by_path(book *b, const char *path)
{
	size_t i = index_find(&b->path_index, b->items, item_path_key, path, false);
	return i == SIZE_MAX ? NULL : &b->items[i];
}

static void add_skip(book *b, char *path)
{
	if (!path)
		return;
	b->skip_paths = galley_realloc(b->skip_paths, (b->n_skip + 1) * sizeof *b->skip_paths);
	b->skip_paths[b->n_skip++] = path;
}

static bool has_token(const char *list, const char *tok)
{
	size_t n = strlen(tok);
	for (const char *p = list; p && *p;) {
		while (isspace((unsigned char)*p))
			p++;
		size_t l = strcspn(p, " \t\r\n");
		if (l == n && !strncmp(p, tok, n))
			return true;
		p += l;
	}
	return false;
}

/* Labels from the EPUB 3 nav (toc) or the EPUB 2 NCX, by chapter path (first label wins). */
static void nav_walk(book *b, xmlNodePtr n, const char *dir, bool in_toc)
{
	if (!n)
		return;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		bool toc = in_toc;
		if (el_is(c, NULL, "nav")) {
			xmlChar *t = xmlGetNsProp(c, BAD_CAST "type", BAD_CAST OPS_NS);
			toc = t && has_token((const char *)t, "toc");
			xmlFree(t);
		}
		if (toc && el_is(c, NULL, "a")) {
			char *href = prop(c, "href");
			char *path = resolve_href(dir, href);
			item *it = item_by_path(b, path);
			if (it && !it->label)
				it->label = node_text(c, "toc-byline");
			free(href);
			free(path);
			continue;
		}
		nav_walk(b, c, dir, toc);
	}
}

static void ncx_walk(book *b, xmlNodePtr n, const char *dir)
{
	if (!n)
		return;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!el_is(c, NULL, "navPoint"))
			continue;
		xmlNodePtr content = child(c, NULL, "content");
		char *src = content ? prop(content, "src") : NULL;
		char *path = resolve_href(dir, src);
		item *it = item_by_path(b, path);
		if (it && !it->label)
			it->label = node_text(child(child(c, NULL, "navLabel"), NULL, "text"), NULL);
		free(src);
		free(path);
		ncx_walk(b, c, dir);
	}
}

static char *dir_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? galley_strndup(path, (size_t)(s - path)) : galley_strdup("");
}

/* The package document's path named in META-INF/container.xml: *opf_path (owned by the caller)
 * is NULL when it names none.  An error only when the container itself is missing or broken. */
static int book_find_opf(book *b, char **opf_path_out, galley_error *err)
{
	*opf_path_out = NULL;
	char msg[512];
	member *cm = loaded_member(b, "META-INF/container.xml");
	if (!cm || cm->encrypted)
		return galley_error_set(err, GALLEY_ERR_ARTICLE,
		                        "not an EPUB: META-INF/container.xml is missing (is it a plain zip?)");
	xmlDocPtr cdoc = parse_xml(cm, msg, sizeof msg);
	if (!cdoc)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", msg);
	char *opf_path = NULL;
	xmlNodePtr rf = child(xmlDocGetRootElement(cdoc), NULL, "rootfiles");
	for (xmlNodePtr r = rf ? rf->children : NULL; r && !opf_path; r = r->next) {
		if (!el_is(r, NULL, "rootfile"))
			continue;
		char *mt = prop(r, "media-type");
		if (!mt || !strcmp(mt, "application/oebps-package+xml")) {
			char *fp = prop(r, "full-path");
			opf_path = fp ? norm_path(fp) : NULL;
			free(fp);
		}
		free(mt);
	}
	xmlFreeDoc(cdoc);
	*opf_path_out = opf_path;
	return GALLEY_OK;
}

/* The manifest's items, and their id and path indexes. */
static void book_read_manifest(book *b, xmlNodePtr man)
{
	for (xmlNodePtr it = man->children; it; it = it->next) {
		if (!el_is(it, NULL, "item"))
			continue;
		char *id = prop(it, "id"), *href = prop(it, "href");
		if (id && href) {
			b->items = galley_realloc(b->items, (b->n_items + 1) * sizeof *b->items);
			item *x = &b->items[b->n_items++];
			memset(x, 0, sizeof *x);
			x->id = id;
			x->path = resolve_href(b->opf_dir, href);
			x->media_type = prop(it, "media-type");
			x->properties = prop(it, "properties");
			id = NULL;
		}
		free(id);
		free(href);
	}
	index_build(&b->id_index, b->items, b->n_items, item_id_key);
	index_build(&b->path_index, b->items, b->n_items, item_path_key);
}

/* The spine: reading order, once per item (duplicates and unknown ids counted). */
static void book_read_spine(book *b, xmlNodePtr spine)
{
	bool *in_spine = galley_calloc(b->n_items + 1, sizeof *in_spine);
	for (xmlNodePtr r = spine->children; r; r = r->next) {
		if (!el_is(r, NULL, "itemref"))
			continue;
		char *idref = prop(r, "idref"), *linear = prop(r, "linear");
		item *x = item_by_id(b, idref);
		if (x && in_spine[x - b->items]) {
			b->spine_dups++; /* one chapter listed 400 times gave 400 articles */
		} else if (x) {
			in_spine[x - b->items] = true;
			x->linear = !linear || strcmp(linear, "no");
			b->spine = galley_realloc(b->spine, (b->n_spine + 1) * sizeof *b->spine);
			b->spine[b->n_spine++] = (size_t)(x - b->items);
		} else if (idref) {
			b->spine_unknown++;
			if (!b->first_unknown)
				b->first_unknown = galley_strdup(idref);
		}
		free(idref);
		free(linear);
	}
	free(in_spine);
}

/* Book metadata, and the per-chapter dc:source refinements galley writes. */
static void book_read_metadata(book *b, xmlNodePtr md)
{
	for (xmlNodePtr e = md ? md->children : NULL; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE)
			continue;
		if (ns_is(e, DC_NS)) {
			char *t = node_text(e, NULL);
			if (!t)
				continue;
			const char *n = (const char *)e->name;
			if (!strcmp(n, "title") && !b->title)
				b->title = t, t = NULL;
			else if (!strcmp(n, "language") && !b->language)
				b->language = t, t = NULL;
			else if (!strcmp(n, "publisher") && !b->publisher)
				b->publisher = t, t = NULL;
			else if (!strcmp(n, "date") && !b->date)
				b->date = t, t = NULL;
			else if (!strcmp(n, "creator")) {
				b->creators = galley_realloc(b->creators, (b->n_creators + 1) * sizeof *b->creators);
				b->creators[b->n_creators++] = t;
				t = NULL;
			} else if (!strcmp(n, "source")) {
				char *id = prop(e, "id");
				item *x = id && !strncmp(id, "src-", 4) ? item_by_id(b, id + 4) : NULL;
				if (x && !x->source_value)
					x->source_value = t, t = NULL;
				free(id);
			}
			free(t);
		} else if (el_is(e, NULL, "meta")) {
			char *name = prop(e, "name"), *content = prop(e, "content");
			if (name && content && !strcmp(name, "generator") && !strncmp(content, "galley", 6))
				b->ours = true;
			free(name);
			free(content);
			char *refines = prop(e, "refines"), *property = prop(e, "property");
			item *x = refines && !strncmp(refines, "#src-", 5) ? item_by_id(b, refines + 5) : NULL;
			char *t = x && property ? node_text(e, NULL) : NULL;
			if (t) {
				x->meta = galley_realloc(x->meta, (x->n_meta + 1) * sizeof *x->meta);
				x->meta[x->n_meta].key = property;
				x->meta[x->n_meta++].value = t;
				property = NULL;
			}
			free(refines);
			free(property);
		}
	}
}

/* EPUB 2 guide: front matter (cover, title page, contents) is not an article. */
static void book_read_guide(book *b, xmlNodePtr pkg)
{
	xmlNodePtr guide = child(pkg, NULL, "guide");
	for (xmlNodePtr r = guide ? guide->children : NULL; r; r = r->next) {
		if (!el_is(r, NULL, "reference"))
			continue;
		char *type = prop(r, "type"), *href = prop(r, "href");
		if (type && (!strcmp(type, "cover") || !strcmp(type, "title-page") || !strcmp(type, "toc")))
			add_skip(b, resolve_href(b->opf_dir, href));
		free(type);
		free(href);
	}
}

/* Table of contents labels: nav documents first, then the NCX the spine names (toc_id). */
static void book_read_toc(book *b, const char *toc_id)
{
	char msg[512];
	for (size_t i = 0; i < b->n_items; i++) {
		if (!b->items[i].properties || !has_token(b->items[i].properties, "nav"))
			continue;
		member *nm = loaded_member(b, b->items[i].path);
		if (!nm || nm->encrypted)
			continue;
		xmlDocPtr nd = parse_xml(nm, msg, sizeof msg);
		if (nd) {
			char *dir = dir_of(nm->name);
			nav_walk(b, xmlDocGetRootElement(nd), dir, false);
			free(dir);
			xmlFreeDoc(nd);
		}
	}
	item *ncx = item_by_id(b, toc_id);
	member *nm = ncx ? loaded_member(b, ncx->path) : NULL;
	xmlDocPtr nd = NULL;
	if (nm && !nm->encrypted)
		nd = parse_xml(nm, msg, sizeof msg);
	if (nm && nd) {
		char *dir = dir_of(nm->name);
		ncx_walk(b, child(xmlDocGetRootElement(nd), NULL, "navMap"), dir);
		free(dir);
		xmlFreeDoc(nd);
	}
}

static int book_read_opf(book *b, galley_error *err)
{
	char msg[512];
	char *opf_path = NULL;
	int rc = book_find_opf(b, &opf_path, err);
	if (rc != GALLEY_OK)
		return rc;
	member *om = loaded_member(b, opf_path);
	if (!om || om->encrypted) {
		galley_error_set(err, GALLEY_ERR_ARTICLE, "the package document %s named in META-INF/container.xml is missing",
		                 opf_path ? opf_path : "(none)");
		free(opf_path);
		return GALLEY_ERR_ARTICLE;
	}
	b->opf_dir = dir_of(opf_path);
	free(opf_path);
	xmlDocPtr doc = parse_xml(om, msg, sizeof msg);
	if (!doc)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", msg);
	xmlNodePtr pkg = xmlDocGetRootElement(doc);
	xmlNodePtr md = child(pkg, NULL, "metadata");
	xmlNodePtr man = child(pkg, NULL, "manifest");
	xmlNodePtr spine = child(pkg, NULL, "spine");
	if (!pkg || !el_is(pkg, NULL, "package") || !man || !spine) {
		xmlFreeDoc(doc);
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s has no manifest or spine: not an EPUB package",
		                        om->name);
	}
	book_read_manifest(b, man);
	book_read_spine(b, spine);
	book_read_metadata(b, md);
	book_read_guide(b, pkg);
	char *toc_id = prop(spine, "toc");
	xmlFreeDoc(doc);
	book_read_toc(b, toc_id);
	free(toc_id);
	return GALLEY_OK;
}

static int book_open(read_epub_state *st, const char *file, galley_error *err)
{
	book *b = galley_calloc(1, sizeof *b);
	b->file = galley_strdup(file);
	int r = book_load_zip(st, b, err);
	if (r == GALLEY_OK)
		r = book_read_opf(b, err);
	if (r == GALLEY_OK && b->n_spine == 0 && b->spine_unknown)
		r = galley_error_set(err, GALLEY_ERR_ARTICLE,
		                     "none of the %zu chapters in the book's spine is in its manifest (the first, idref '%s', "
		                     "names no manifest item id)",
		                     b->spine_unknown, b->first_unknown);
	else if (r == GALLEY_OK && b->n_spine == 0)
		r = galley_error_set(err, GALLEY_ERR_ARTICLE, "the book's spine lists no chapters");
	if (r == GALLEY_OK && b->spine_dups)
		galley_stage_warn(st->stage, "%s: %zu spine entries repeat a chapter listed before them; each chapter is read once",
		                  file, b->spine_dups);
	if (r == GALLEY_OK && b->spine_unknown)
		galley_stage_warn(st->stage, "%s: %zu spine entries name no manifest item (the first: idref '%s'); skipped", file,
		                  b->spine_unknown, b->first_unknown);
	if (r != GALLEY_OK) {
		book_free(b);
		return r;
	}
	st->bk = b;
	return GALLEY_OK;
}

/* ---- inputs ------------------------------------------------------------------------------- */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_file(read_epub_state *st, const char *f)
{
	st->files = galley_realloc(st->files, (st->n_files + 1) * sizeof *st->files);
	st->files[st->n_files++] = galley_strdup(f);
}

static void walk_dir(read_epub_state *st, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	if (!d || depth > 32) {
		if (d)
			closedir(d);
		return;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		names = galley_realloc(names, (n + 1) * sizeof *names);
		names[n++] = galley_strdup(de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/%s", dir, names[i]);
		struct stat sb;
		if (stat(p.data, &sb) == 0) {
			size_t l = strlen(names[i]);
			if (S_ISDIR(sb.st_mode))
				walk_dir(st, p.data, depth + 1);
			else if (S_ISREG(sb.st_mode) && l > 5 && !strcasecmp(names[i] + l - 5, ".epub"))
				add_file(st, p.data);
		}
		galley_buf_free(&p);
		free(names[i]);
	}
	free(names);
}

static int read_epub_setup(galley_stage *stage, read_epub_state *st, galley_error *err)
{
	st->stage = stage;
	st->max_bytes = galley_stage_opt_int(stage, "max_bytes");
	st->front = galley_stage_opt_bool(stage, "front_matter");
	const char *input = galley_stage_opt_string(stage, "input");
	if (!input || !*input)
		return galley_error_set(err, GALLEY_ERR_FATAL, "input= is required: an .epub file or a directory");
	char *list = galley_strdup(input);
	for (char *save = NULL, *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		struct stat sb;
		if (stat(tok, &sb) != 0) {
			galley_error_set(err, GALLEY_ERR_FATAL, "input %s does not exist", tok);
			free(list);
			return GALLEY_ERR_FATAL;
		}
		if (S_ISDIR(sb.st_mode))
			walk_dir(st, tok, 0);
		else
			add_file(st, tok);
	}
	free(list);
	if (!st->n_files)
		return galley_error_set(err, GALLEY_ERR_FATAL, "input=%s names no .epub file", input);
	return GALLEY_OK;
}

static void read_epub_close(galley_stage *stage, void *state)
{
	read_epub_state *st = state;
	if (!st)
		return;
	book_free(st->bk);
	for (size_t i = 0; i < st->n_files; i++)
		free(st->files[i]);
	free(st->files);
	free(st);
}

/* On failure the state is freed here: close() is not promised after a failed open(). */
static int read_epub_open(galley_stage *stage, void **state, galley_error *err)
{
	read_epub_state *st = galley_calloc(1, sizeof *st);
	int r = read_epub_setup(stage, st, err);
	if (r != GALLEY_OK) {
		read_epub_close(stage, st);
		st = NULL;
	}
	*state = st;
	return r;
}

static const char *meta_get(const item *it, const char *key)
{
	for (size_t i = 0; i < it->n_meta; i++)
		if (!strcmp(it->meta[i].key, key))
			return it->meta[i].value;
	return NULL;
}

static bool is_front_matter(book *b, item *it, const member *m)
{
	if (!it->linear || (it->properties && has_token(it->properties, "nav")))
		return true;
	for (size_t i = 0; i < b->n_skip; i++)
		if (!strcmp(b->skip_paths[i], it->path))
			return true;
	/* epub:type="cover|titlepage|toc" near the start of the body */
	static const char *const pats[] = {"epub:type=\"cover\"", "epub:type=\"titlepage\"", "epub:type=\"toc\"",
	                                   "epub:type='cover'", "epub:type='titlepage'", "epub:type='toc'"};
	size_t lim = m->len < 8192 ? m->len : 8192;
	for (size_t k = 0; k < sizeof pats / sizeof *pats; k++)
		if (memmem(m->data, lim, pats[k], strlen(pats[k])))
			return true;
	return false;
}

static int read_epub_read(galley_stage *stage, void *state, galley_article **out, galley_error *err)
{
	read_epub_state *st = state;
	for (;;) {
		if (!st->bk) {
			if (st->next_file >= st->n_files)
				return GALLEY_END;
			const char *f = st->files[st->next_file++];
			int r = book_open(st, f, err);
			if (r != GALLEY_OK) {
				galley_error_prefix(err, "%s", f);
				*out = NULL;
				return GALLEY_ERR_ARTICLE;
			}
		}
		book *b = st->bk;
		if (b->next >= b->n_spine) {
			book_free(b);
			st->bk = NULL;
			continue;
		}
		size_t pos = b->next++;
		item *it = &b->items[b->spine[pos]];
		const char *mt = it->media_type ? it->media_type : "";
		if (strcmp(mt, "application/xhtml+xml") && strcmp(mt, "text/html")) {
			galley_stage_count(stage, "skipped: spine item not XHTML", 1);
			continue;
		}
		member *m = find_member(b, it->path);
		galley_article *a = galley_article_new();
		galley_article_set_location(a, b->file, it->path, -1, (int64_t)pos);
		if (!m || m->encrypted || m->not_loaded) {
			*out = a;
			if (!it->path)
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "chapter '%s' has an unsafe or empty path (its href leaves the book): not read",
				                        it->id);
			if (m && m->not_loaded)
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "chapter %s is in the book, but with an extension read-epub does not read as a "
				                        "chapter (.xhtml, .html, .htm, .xht, .xml)",
				                        it->path);
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        m ? "chapter %s is encrypted (DRM)" : "chapter %s is listed but missing from the book",
			                        it->path);
		}
		if (!st->front && is_front_matter(b, it, m)) {
			galley_article_free(a);
			galley_stage_count(stage, "skipped: front matter (cover, title page, contents)", 1);
			continue;
		}
		if (b->ours && it->n_meta) {
			galley_article_set(a, GALLEY_FIELD_TITLE, meta_get(it, "dcterms:title"));
			galley_article_set(a, GALLEY_FIELD_SITE, meta_get(it, "dcterms:publisher"));
			galley_article_set(a, GALLEY_FIELD_DATE, meta_get(it, "dcterms:date"));
			galley_article_set(a, GALLEY_FIELD_LANGUAGE, meta_get(it, "dcterms:language"));
			galley_article_set(a, GALLEY_FIELD_ID, meta_get(it, "dcterms:identifier"));
			galley_article_set(a, GALLEY_FIELD_DESCRIPTION, meta_get(it, "dcterms:description"));
			galley_article_set(a, GALLEY_FIELD_BYLINE, meta_get(it, "schema:creditText"));
			if (it->source_value && (!strncmp(it->source_value, "http://", 7) ||
			                         !strncmp(it->source_value, "https://", 8)))
				galley_article_set(a, GALLEY_FIELD_URL, it->source_value);
			for (size_t i = 0; i < it->n_meta; i++) {
				const char *k = it->meta[i].key, *v = it->meta[i].value;
				if (!strcmp(k, "dcterms:creator"))
					galley_article_list_add(a, GALLEY_LIST_AUTHORS, v);
				else if (!strcmp(k, "dcterms:subject"))
					galley_article_list_add(a, GALLEY_LIST_TAGS, v);
				else if (!strcmp(k, "dcterms:source") || !strcmp(k, "dcterms:references")) {
					galley_source s = {.name = v, .kind = k[8] == 's' ? "credit" : "cited",
					                   .evidence = "epub package metadata"};
					galley_article_add_source(a, &s);
				}
			}
		} else {
			if (it->label)
				galley_article_set(a, GALLEY_FIELD_TITLE, it->label);
			if (b->language)
				galley_article_set(a, GALLEY_FIELD_LANGUAGE, b->language);
			for (size_t i = 0; i < b->n_creators; i++) {
				galley_article_list_add(a, GALLEY_LIST_AUTHORS, b->creators[i]);
				galley_article_add_candidate(a, "author", b->creators[i], "epub-opf");
			}
			if (b->date)
				galley_article_add_candidate(a, "date", b->date, "epub-opf");
			if (b->publisher)
				galley_article_add_candidate(a, "publisher", b->publisher, "epub-opf");
		}
		if (b->title)
			galley_article_set_extra(a, "epub_book", b->title);
		unsigned char *copy = galley_malloc(m->len + 1);
		memcpy(copy, m->data, m->len);
		copy[m->len] = 0;
		galley_article_take_raw(a, copy, m->len, mt, "utf-8", NULL, 0);
		st->n_chapters++;
		*out = a;
		return GALLEY_OK;
	}
}

/* ---- chapter -> body ------------------------------------------------------------------------ */
static void copy_children(xmlDocPtr dst_doc, xmlNodePtr src, xmlNodePtr dst, int depth)
{
	if (depth > 200)
		return;
	for (xmlNodePtr c = src->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			xmlAddChild(dst, xmlNewDocText(dst_doc, c->content));
		} else if (c->type == XML_ENTITY_REF_NODE) {
			/* an HTML named entity the (unloaded) DTD would define: &nbsp; */
			const htmlEntityDesc *e = htmlEntityLookup(c->name);
			if (e) {
				unsigned char buf[5] = {0};
				unsigned v = e->value;
				if (v < 0x80) {
					buf[0] = (unsigned char)v;
				} else if (v < 0x800) {
					buf[0] = (unsigned char)(0xc0 | (v >> 6));
					buf[1] = (unsigned char)(0x80 | (v & 0x3f));
				} else {
					buf[0] = (unsigned char)(0xe0 | (v >> 12));
					buf[1] = (unsigned char)(0x80 | ((v >> 6) & 0x3f));
					buf[2] = (unsigned char)(0x80 | (v & 0x3f));
				}
				xmlAddChild(dst, xmlNewDocText(dst_doc, buf));
			}
		} else if (c->type == XML_ELEMENT_NODE) {
			if (c->ns && !ns_is(c, XHTML_NS))
				continue; /* svg, mathml, epub:switch... */
			/* write-epub's stand-in for a remote image (its alt text): not the article's text */
			xmlChar *cls = xmlGetProp(c, BAD_CAST "class");
			bool img_alt = cls && !xmlStrcmp(c->name, BAD_CAST "span") && has_token((const char *)cls, "img-alt");
			xmlFree(cls);
			if (img_alt)
				continue;
			/* write-epub's quote between quotation marks: <span class="quote" data-speaker> */
			const xmlChar *name = c->name;
			if (!xmlStrcmp(name, BAD_CAST "span") && xmlHasProp(c, BAD_CAST "data-speaker"))
				name = BAD_CAST "q";
			xmlNodePtr e = xmlNewDocNode(dst_doc, NULL, name, NULL);
			xmlChar *speaker = xmlGetProp(c, BAD_CAST "data-speaker");
			for (xmlAttrPtr at = c->properties; at; at = at->next) {
				if (at->ns)
					continue;
				xmlChar *v = xmlNodeGetContent((xmlNodePtr)at);
				/* write-epub repeats the speaker as a title (a tooltip): not part of the source */
				if (!(speaker && v && !xmlStrcmp(at->name, BAD_CAST "title") && !xmlStrcmp(v, speaker)))
					xmlSetProp(e, at->name, v);
				xmlFree(v);
			}
			xmlFree(speaker);
			xmlAddChild(dst, e);
			copy_children(dst_doc, c, e, depth + 1);
		}
	}
}

static xmlNodePtr find_body(xmlNodePtr n)
{
	for (xmlNodePtr c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcasecmp((const char *)c->name, "body"))
			return c;
		xmlNodePtr r = find_body(c->children);
		if (r)
			return r;
	}
	return NULL;
}

static xmlNodePtr find_first(xmlNodePtr n, bool (*pred)(xmlNodePtr))
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (pred(c))
			return c;
		xmlNodePtr r = find_first(c, pred);
		if (r)
			return r;
	}
	return NULL;
}

static bool is_galley_header(xmlNodePtr n)
{
	xmlChar *cl = xmlGetProp(n, BAD_CAST "class");
	bool r = cl && !strcmp((const char *)n->name, "header") && has_token((const char *)cl, "galley-header");
	xmlFree(cl);
	return r;
}

/* The dek (standfirst) write-epub shows under the title in its chapter header. */
static bool is_dek(xmlNodePtr n)
{
	xmlChar *cl = xmlGetProp(n, BAD_CAST "class");
	bool r = cl && !strcmp((const char *)n->name, "p") && has_token((const char *)cl, "dek");
	xmlFree(cl);
	return r;
}

static bool is_heading(xmlNodePtr n)
{
	const char *s = (const char *)n->name;
	return (s[0] == 'h' || s[0] == 'H') && s[1] >= '1' && s[1] <= '6' && !s[2];
}

static bool is_title(xmlNodePtr n) { return !strcasecmp((const char *)n->name, "title"); }

/* The book's images: each relative img@src of the chapter, resolved against the chapter's
 * path, is recorded as a local resource (the book's file, the member), so a writer can embed
 * the image again (write-epub checks that it is there and is an image). */
static void read_epub_resources(galley_article *a, xmlNodePtr root)
{
	const galley_source_location *loc = galley_article_location(a);
	if (!loc || !loc->file || !loc->member || !strcmp(loc->file, "-"))
		return;
	char *dir = galley_strdup(loc->member);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	else
		dir[0] = 0;
	xmlNodePtr n = root;
	size_t count = 0;
	while (n && count < 500) {
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "img")) {
			xmlChar *src = xmlGetProp(n, BAD_CAST "src");
			const char *s = (const char *)src;
			size_t scheme = s ? strcspn(s, ":/?#") : 0;
			if (s && *s && s[0] != '/' && s[scheme] != ':' && !galley_article_resource_find(a, s)) {
				char *path = resolve_href(dir, s);
				if (path && *path) {
					galley_resource r = {s, loc->file, path, NULL};
					galley_article_add_resource(a, &r);
					count++;
				}
				free(path);
			}
			xmlFree(src);
		}
		n = galley_node_next(n, root, n->type == XML_ELEMENT_NODE);
	}
	free(dir);
}

static int read_epub_parse(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	const galley_raw *raw = galley_article_raw(a);
	if (!raw)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "no chapter data");
	member m = {.name = (char *)(galley_article_location(a)->member ? galley_article_location(a)->member
	                                                                : "chapter"),
	            .data = raw->data, .len = raw->len};
	char msg[512];
	xmlDocPtr doc = parse_xml(&m, msg, sizeof msg);
	if (!doc) {
		if (declares_entities(m.data, m.len))
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s", msg);
		/* not well-formed: read it as HTML, like a browser would */
		doc = raw->len <= INT32_MAX
		          ? htmlReadMemory((const char *)raw->data, (int)raw->len, m.name, "UTF-8",
		                           HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		                               HTML_PARSE_NOWARNING)
		          : NULL;
		if (!doc)
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "%s, and not readable as HTML either", msg);
		galley_stage_count(stage, "chapters read as HTML (not well-formed XML)", 1);
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr body = find_body(root);
	if (!galley_article_get(a, GALLEY_FIELD_TITLE)) {
		char *t = node_text(find_first(body, is_heading), NULL);
		if (!t)
			t = node_text(find_first(root, is_title), NULL);
		galley_article_set(a, GALLEY_FIELD_TITLE, t);
		free(t);
	}
	if (!galley_article_get(a, GALLEY_FIELD_LANGUAGE) && root) {
		xmlChar *l = xmlGetNsProp(root, BAD_CAST "lang", XML_XML_NAMESPACE);
		if (!l)
			l = xmlGetProp(root, BAD_CAST "lang");
		if (l)
			galley_article_set(a, GALLEY_FIELD_LANGUAGE, (const char *)l);
		xmlFree(l);
	}
	xmlDocPtr out = galley_body_new();
	xmlNodePtr oroot = galley_body_root(out);
	if (body)
		copy_children(out, body, oroot, 0);
	xmlFreeDoc(doc);
	/* galley's own chapter header repeats the metadata: drop it, keeping the dek it shows */
	xmlNodePtr hd = find_first(oroot, is_galley_header);
	if (hd) {
		char *dek = node_text(find_first(hd, is_dek), NULL);
		if (dek)
			galley_article_set(a, GALLEY_FIELD_DEK, dek);
		free(dek);
		xmlUnlinkNode(hd);
		xmlFreeNode(hd);
	} else {
		/* other books: drop the first heading when it is the title */
		xmlNodePtr h = find_first(oroot, is_heading);
		char *ht = node_text(h, NULL);
		const char *title = galley_article_get(a, GALLEY_FIELD_TITLE);
		if (ht && title && !strcmp(ht, title)) {
			xmlUnlinkNode(h);
			xmlFreeNode(h);
		}
		free(ht);
	}
	galley_body_sanitize(out);
	read_epub_resources(a, oroot);
	galley_article_set_body(a, out);
	return GALLEY_OK;
}

GALLEY_PLUGIN_DEFINE(.name = "read-epub", .kind = GALLEY_KIND_READER,
                     .summary = "read EPUB books (galley's, pandoc's, Calibre's...): one article per chapter",
                     .version = READ_EPUB_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = read_epub_options, .open = read_epub_open, .close = read_epub_close,
                     .read = read_epub_read, .parse = read_epub_parse);
