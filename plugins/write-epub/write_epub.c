/* write-epub: the articles as an EPUB 3 book (with an EPUB 2 toc.ncx), streamed.
 *
 * Each article becomes one XHTML chapter, added to the zip as soon as it arrives (prepare()
 * builds and serialises it, possibly in parallel; write() adds it, and writes the article's
 * package metadata to a temporary file).  Only a small table of contents entry per article is
 * kept until the book ends; then the title page, nav.xhtml, toc.ncx and package.opf are written,
 * the last three streamed (xmlTextWriter into temporary files), never built as trees.  Images
 * that came with the pages (the article's local resources) are embedded: files with their
 * chapter, archive members when the book ends (epub_images.h).  See docs/epub.md. */
#include <galley/galley.h>

#include <ctype.h>
#include <inttypes.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "epub_xhtml.h"
#include "write_epub_private.h"

#define MAX_ASSET_BYTES (32u << 20)

static const galley_option write_epub_options[] = {
	{.name = "output", .type = GALLEY_OPT_PATH, .flags = GALLEY_OPT_REQUIRED,
	 .help = "the book to write (.epub); with split=N: NAME-001.epub, NAME-002.epub, ..."},
	{.name = "title", .type = GALLEY_OPT_STRING,
	 .help = "book title (default: the title of a single article, else the site and article count)"},
	{.name = "creator", .type = GALLEY_OPT_STRING, .help = "book author or editor"},
	{.name = "language", .type = GALLEY_OPT_STRING,
	 .help = "BCP 47 language of the book (default: the articles' most common language)"},
	{.name = "publisher", .type = GALLEY_OPT_STRING, .help = "book publisher"},
	{.name = "date", .type = GALLEY_OPT_STRING,
	 .help = "publication date, YYYY-MM-DD (default: the newest article's date)"},
	{.name = "identifier", .type = GALLEY_OPT_STRING,
	 .help = "unique identifier (default: a urn:uuid derived from the contents)"},
	{.name = "css", .type = GALLEY_OPT_PATH, .help = "stylesheet replacing the default one"},
	{.name = "cover", .type = GALLEY_OPT_PATH, .help = "cover image: JPEG, PNG or GIF"},
	{.name = "group_by", .type = GALLEY_OPT_ENUM, .default_value = "none", .choices = "none|source|date|tag",
	 .help = "group the table of contents into sections, like a periodical's issue"},
	{.name = "images", .type = GALLEY_OPT_ENUM, .default_value = "embed", .choices = "embed|alt",
	 .help = "embed: JPEG/PNG/GIF images that came with the pages (beside them, or in their tar/zip archive); "
	         "alt: their alt text only"},
	{.name = "split", .type = GALLEY_OPT_INT, .default_value = "0", .min = 0, .max = 1e9,
	 .help = "start a new book every N articles (0: one book)"},
	{.name = NULL},
};

/* ---- small string lists ------------------------------------------------------------------- */
typedef struct strv {
	char **v;
	size_t n;
} strv;

static void strv_add(strv *s, const char *x)
{
	if (!x || !*x)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], x))
			return;
	s->v = galley_realloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = galley_strdup(x);
}

static void strv_free(strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static char *strv_join(const strv *s, const char *sep)
{
	galley_buf b = {0};
	for (size_t i = 0; i < s->n; i++) {
		if (i)
			galley_buf_puts(&b, sep);
		galley_buf_puts(&b, s->v[i]);
	}
	return galley_buf_steal(&b);
}

/* Part k of an entry, NULL when absent. */
const char *entry_get(const write_epub_entry *e, int k)
{
	const char *p = e->s;
	for (int i = 0; i < k; i++)
		p += strlen(p) + 1;
	return *p ? p : NULL;
}

/* The manifest id and file stem of the i-th article of a book (from 0): "a0001". */
void entry_id(char *buf, size_t len, size_t i)
{
	snprintf(buf, len, "a%04zu", i + 1);
}

#define MAX_IMAGE_BYTES (8u << 20)
#define MAX_IMAGES_PER_ARTICLE 200
/* images per book: the zip has no Zip64 (4 GiB at most) and reading systems load whole books */
#define MAX_BOOK_IMAGE_BYTES ((uint64_t)1 << 30)

/* ---- words in the book's language (data/write-epub/labels.tsv) ------------------------------ */
static const char *const label_defaults[][2] = {
	{"untitled", "Untitled"}, {"source", "Source"},   {"via", "via"},     {"contents", "Contents"},
	{"article", "article"},   {"articles", "articles"}, {"part", "part"},
};

const char *label(const write_epub_state *st, const char *lang, const char *key)
{
	size_t pl = lang ? strcspn(lang, "-") : 0;
	for (size_t i = 0; st && pl && i < st->labels.n; i++) {
		const char *line = st->labels.items[i];
		size_t ll = strcspn(line, "\t");
		if (ll != pl || strncasecmp(line, lang, pl) || line[ll] != '\t')
			continue;
		const char *k = line + ll + 1;
		size_t kl = strcspn(k, "\t");
		if (kl == strlen(key) && !strncmp(k, key, kl) && k[kl] == '\t' && k[kl + 1])
			return k + kl + 1;
	}
	for (size_t i = 0; i < sizeof label_defaults / sizeof *label_defaults; i++)
		if (!strcmp(label_defaults[i][0], key))
			return label_defaults[i][1];
	return key;
}

/* ---- dates -------------------------------------------------------------------------------- */
/* Seconds since the epoch for an ISO date or date-time (UTC when no offset). */
static bool write_epub_parse_time(const char *s, int64_t *out)
{
	galley_date d;
	if (!galley_date_is_valid_iso8601(s) || !galley_date_parse_iso8601(s, &d))
		return false;
	*out = galley_date_epoch(&d);
	return true;
}

static void write_epub_format_utc(int64_t t, char *buf, size_t len, bool with_time)
{
	galley_date_format_utc(t, buf, len, with_time ? GALLEY_DATE_FORMAT_DATETIME : GALLEY_DATE_FORMAT_DAY);
}

/* ---- XML helpers ------------------------------------------------------------------------- */
static xmlNodePtr el_text(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
	xmlNodePtr e = xmlNewChild(parent, ns, BAD_CAST name, NULL);
	if (text && *text) {
		char *t = write_epub_xhtml_clean(text, true);
		xmlAddChild(e, xmlNewDocText(parent->doc, BAD_CAST t));
		free(t);
	}
	return e;
}

static void set_attr(xmlNodePtr e, const char *name, const char *value)
{
	char *t = write_epub_xhtml_clean(value, true);
	xmlSetProp(e, BAD_CAST name, BAD_CAST(t ? t : ""));
	free(t);
}

/* A new XHTML document: html (with xml:lang), head (title, stylesheet), body. */
static xmlDocPtr xhtml_new(const char *lang, const char *title, const char *css_href, xmlNodePtr *body,
                           xmlNsPtr *ns_out)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	xmlNodePtr html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlNsPtr ns = xmlNewNs(html, BAD_CAST XHTML_NS, NULL);
	xmlSetNs(html, ns);
	xmlNewNs(html, BAD_CAST OPS_NS, BAD_CAST "epub");
	write_epub_xhtml_set_lang(html, lang);
	xmlNodePtr head = xmlNewChild(html, ns, BAD_CAST "head", NULL);
	xmlNodePtr meta = xmlNewChild(head, ns, BAD_CAST "meta", NULL);
	xmlSetProp(meta, BAD_CAST "charset", BAD_CAST "utf-8");
	el_text(head, ns, "title", title && *title ? title : "Untitled");
	if (css_href) {
		xmlNodePtr link = xmlNewChild(head, ns, BAD_CAST "link", NULL);
		xmlSetProp(link, BAD_CAST "rel", BAD_CAST "stylesheet");
		xmlSetProp(link, BAD_CAST "type", BAD_CAST "text/css");
		xmlSetProp(link, BAD_CAST "href", BAD_CAST css_href);
	}
	*body = xmlNewChild(html, ns, BAD_CAST "body", NULL);
	*ns_out = ns;
	return doc;
}

/* A new XHTML document (see xhtml_new) whose body holds one <section epub:type="type"
 * class="cls">, returned in *sec. */
static xmlDocPtr xhtml_section_page(const char *lang, const char *title, const char *css_href, const char *type,
                                    const char *cls, xmlNodePtr *sec, xmlNsPtr *ns)
{
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new(lang, title, css_href, &body, ns);
	xmlNsPtr epub = xmlSearchNsByHref(doc, xmlDocGetRootElement(doc), BAD_CAST OPS_NS);
	*sec = xmlNewChild(body, *ns, BAD_CAST "section", NULL);
	xmlSetNsProp(*sec, epub, BAD_CAST "type", BAD_CAST type);
	xmlSetProp(*sec, BAD_CAST "class", BAD_CAST cls);
	return doc;
}

static char *doc_bytes(xmlDocPtr doc, size_t *len)
{
	xmlChar *mem = NULL;
	int n = 0;
	xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
	char *out = galley_malloc((size_t)n + 1);
	if (n > 0)
		memcpy(out, mem, (size_t)n);
	out[n > 0 ? n : 0] = 0;
	xmlFree(mem);
	*len = n > 0 ? (size_t)n : 0;
	return out;
}

/* ---- chapters ----------------------------------------------------------------------------- */
static char *article_credit(const galley_article *a)
{
	strv s = {0};
	for (size_t i = 0; i < galley_article_n_sources(a); i++) {
		const galley_source *src = galley_article_source(a, i);
		if (src->name && (!src->kind || !strcmp(src->kind, "credit")))
			strv_add(&s, src->name);
	}
	char *r = s.n ? strv_join(&s, ", ") : NULL;
	strv_free(&s);
	return r;
}

/* The credit as the page printed it ("Jane Doe und John Roe"), else the authors joined. */
static char *article_authors(const galley_article *a)
{
	const char *line = galley_article_get(a, GALLEY_FIELD_BYLINE);
	if (line)
		return galley_strdup(line);
	strv s = {0};
	for (size_t i = 0; i < galley_article_list_len(a, GALLEY_LIST_AUTHORS); i++)
		strv_add(&s, galley_article_list_at(a, GALLEY_LIST_AUTHORS, i));
	char *r = s.n ? strv_join(&s, ", ") : NULL;
	strv_free(&s);
	return r;
}

/* The article's language as a BCP 47 tag ("en_US" -> "en-US"), else the option's; (owned) or NULL. */
static char *article_lang(const write_epub_state *st, const galley_article *a)
{
	const char *l = galley_article_get(a, GALLEY_FIELD_LANGUAGE);
	char *n = l ? galley_strdup(l) : NULL;
	for (char *p = n; p && *p; p++)
		if (*p == '_')
			*p = '-';
	if (write_epub_xhtml_lang_ok(n))
		return n;
	free(n);
	return st && write_epub_xhtml_lang_ok(st->language) ? galley_strdup(st->language) : NULL;
}

/* ---- images beside the page ------------------------------------------------------------- */
typedef struct image_ctx {
	char *dir; /* real path of the page's directory, or NULL: no local images */
	write_epub_chapter *ch;
	const galley_article *a;
	const write_epub_state *st;
	const write_epub_book *only; /* when set: only images this book already holds */
} image_ctx;

static bool book_has_image(const write_epub_book *b, const char *name)
{
	for (size_t k = 0; b && k < b->n_img; k++)
		if (!strcmp(b->img[k].name, name))
			return true;
	return false;
}

/* Add an image to the chapter (once) and return its href from the chapter (owned), or NULL
 * when the book may take no more images. */
static char *chapter_image(const image_ctx *ctx, write_epub_image *im)
{
	write_epub_chapter *ch = ctx->ch;
	if (ctx->only && !book_has_image(ctx->only, im->name)) {
		free(im->data);
		free(im->file);
		free(im->member);
		return NULL;
	}
	bool seen = false;
	for (size_t i = 0; i < ch->n_img && !seen; i++)
		seen = !strcmp(ch->img[i].name, im->name);
	if (seen) {
		free(im->data);
		free(im->file);
		free(im->member);
	} else {
		ch->img = galley_realloc(ch->img, (ch->n_img + 1) * sizeof *ch->img);
		ch->img[ch->n_img++] = *im;
	}
	galley_buf h = {0};
	galley_buf_printf(&h, "../%s", im->name);
	return galley_buf_steal(&h);
}

/* An image file's bytes as a chapter image, or false when it is not a JPEG, PNG or GIF. */
static bool file_image(const char *path, write_epub_image *im)
{
	unsigned char *data = NULL;
	size_t len = 0;
	galley_error err = {0};
	int r = galley_read_file(path, &data, &len, MAX_IMAGE_BYTES, &err);
	const char *ext = NULL, *type = r == GALLEY_OK ? write_epub_image_type(data, len, &ext) : NULL;
	if (!type) {
		free(data);
		return false;
	}
	*im = (write_epub_image){.type = type, .data = data, .len = len};
	write_epub_image_name(data, len, ext, im->name);
	return true;
}

/* An image the reader recorded as a local resource: a file (read now) or an archive member
 * (checked against the archive's index now, copied when the book ends). */
static char *write_epub_resource_image(image_ctx *ctx, const galley_resource *res)
{
	write_epub_image im = {0};
	if (!res->member) {
		if (!file_image(res->file, &im))
			return NULL;
		return chapter_image(ctx, &im);
	}
	if (!write_epub_archives_find(ctx->st->archives, res->file, res->member, im.name, &im.type, &im.len))
		return NULL;
	im.file = galley_strdup(res->file);
	im.member = galley_path_resolve(NULL, res->member);
	return chapter_image(ctx, &im);
}

static char *write_epub_local_image(void *vctx, const char *src)
{
	image_ctx *ctx = vctx;
	if (!src || ctx->ch->n_img >= MAX_IMAGES_PER_ARTICLE)
		return NULL;
	const galley_resource *res = galley_article_resource_find(ctx->a, src);
	if (res)
		return write_epub_resource_image(ctx, res);
	if (!ctx->dir)
		return NULL;
	while (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r')
		src++;
	/* only relative references: no scheme, no network path, no site-absolute path */
	size_t scheme = strcspn(src, ":/?#");
	if (src[scheme] == ':' || src[0] == '/' || !src[0])
		return NULL;
	char *rel = galley_strndup(src, strcspn(src, "?#"));
	char *dec = xmlURIUnescapeString(rel, 0, NULL);
	free(rel);
	if (!dec)
		return NULL;
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/%s", ctx->dir, dec);
	xmlFree(dec);
	char *real = realpath(p.data, NULL);
	galley_buf_free(&p);
	size_t dl = strlen(ctx->dir);
	/* never outside the page's own directory (no ../, no symlinks out) */
	if (!real || strncmp(real, ctx->dir, dl) || real[dl] != '/') {
		free(real);
		return NULL;
	}
	write_epub_image im;
	bool ok = file_image(real, &im);
	free(real);
	return ok ? chapter_image(ctx, &im) : NULL;
}

/* The real directory of the page an article came from, when it is a plain file. (owned) */
static char *page_dir(const galley_article *a)
{
	const galley_source_location *loc = galley_article_location(a);
	if (!loc || !loc->file || loc->member || !strcmp(loc->file, "-"))
		return NULL;
	char *real = realpath(loc->file, NULL);
	if (!real)
		return NULL;
	char *slash = strrchr(real, '/');
	if (!slash) {
		free(real);
		return NULL;
	}
	if (slash == real)
		slash[1] = 0;
	else
		*slash = 0;
	return real;
}

/* The chapter of article a; with only, it embeds only the images that book already holds. */
static write_epub_chapter *write_epub_build_chapter(const write_epub_state *st, const galley_article *a,
                                                    const write_epub_book *only)
{
	const char *title = galley_article_get(a, GALLEY_FIELD_TITLE);
	const char *url = galley_article_get(a, GALLEY_FIELD_URL);
	const char *date = galley_article_get(a, GALLEY_FIELD_DATE);
	const char *site = galley_article_get(a, GALLEY_FIELD_SITE);
	xmlNodePtr sec;
	xmlNsPtr ns;
	char *lang = article_lang(st, a);
	if (!title || !*title)
		title = label(st, lang, "untitled");
	xmlDocPtr doc = xhtml_section_page(lang, title, "../style.css", "chapter", "article", &sec, &ns);

	/* the header: title, dek (the standfirst under the headline), byline, date, source credit,
	 * original URL */
	xmlNodePtr hd = xmlNewChild(sec, ns, BAD_CAST "header", NULL);
	xmlSetProp(hd, BAD_CAST "class", BAD_CAST "galley-header");
	el_text(hd, ns, "h1", title);
	const char *dek = galley_article_get(a, GALLEY_FIELD_DEK);
	if (dek)
		xmlSetProp(el_text(hd, ns, "p", dek), BAD_CAST "class", BAD_CAST "dek");
	char *authors = article_authors(a);
	if (authors)
		xmlSetProp(el_text(hd, ns, "p", authors), BAD_CAST "class", BAD_CAST "byline");
	free(authors);
	if (date) {
		xmlNodePtr p = xmlNewChild(hd, ns, BAD_CAST "p", NULL);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "dateline");
		if (galley_date_is_valid_iso8601(date)) {
			char day[11];
			snprintf(day, sizeof day, "%.10s", date);
			xmlNodePtr t = el_text(p, ns, "time", day);
			xmlSetProp(t, BAD_CAST "datetime", BAD_CAST date);
		} else {
			char *d = write_epub_xhtml_clean(date, true);
			xmlAddChild(p, xmlNewDocText(doc, BAD_CAST d));
			free(d);
		}
	}
	char *credit = article_credit(a);
	const char *src_name = credit ? credit : site;
	if (src_name) {
		xmlNodePtr p = xmlNewChild(hd, ns, BAD_CAST "p", NULL);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "source");
		galley_buf w = {0};
		galley_buf_printf(&w, "%s: ", label(st, lang, "source"));
		xmlAddChild(p, xmlNewDocText(doc, BAD_CAST w.data));
		el_text(p, ns, "span", src_name);
		if (credit && site && strcmp(credit, site)) {
			galley_buf_reset(&w);
			galley_buf_printf(&w, ", %s ", label(st, lang, "via"));
			xmlAddChild(p, xmlNewDocText(doc, BAD_CAST w.data));
			el_text(p, ns, "span", site);
		}
		galley_buf_free(&w);
	}
	free(credit);
	free(lang);
	char *href = url ? write_epub_xhtml_href(url, NULL) : NULL;
	if (href) {
		xmlNodePtr p = xmlNewChild(hd, ns, BAD_CAST "p", NULL);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "url");
		xmlNodePtr link = el_text(p, ns, "a", url);
		xmlSetProp(link, BAD_CAST "href", BAD_CAST href);
	}
	free(href);

	write_epub_chapter *ch = galley_calloc(1, sizeof *ch);
	image_ctx ictx = {.dir = st->embed_images ? page_dir(a) : NULL, .ch = ch, .a = a, .st = st, .only = only};
	bool images = st->embed_images && (ictx.dir || galley_article_n_resources(a));
	xmlDocPtr bdoc = galley_article_body(a);
	write_epub_xhtml_convert(bdoc ? galley_body_root(bdoc) : NULL, sec, ns, url,
	                         images ? write_epub_local_image : NULL, &ictx);
	free(ictx.dir);

	ch->xhtml = doc_bytes(doc, &ch->len);
	xmlFreeDoc(doc);
	return ch;
}

static void write_epub_chapter_free(void *p)
{
	write_epub_chapter *ch = p;
	if (!ch)
		return;
	for (size_t i = 0; i < ch->n_img; i++) {
		free(ch->img[i].data);
		free(ch->img[i].file);
		free(ch->img[i].member);
	}
	free(ch->img);
	free(ch->xhtml);
	free(ch);
}

/* ---- TOC entries ------------------------------------------------------------------------- */
static char *url_host(const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return NULL;
	p += 3;
	size_t n = strcspn(p, "/?#:");
	if (n > 4 && !strncmp(p, "www.", 4)) {
		p += 4;
		n -= 4;
	}
	return n ? galley_strndup(p, n) : NULL;
}

static char *clean_or_null(const char *s)
{
	char *c = write_epub_xhtml_clean(s, true);
	if (c && !*c) {
		free(c);
		return NULL;
	}
	return c;
}

/* The article's dc:source, refined with its metadata, into the book's package fragment. */
void opf_meta(xw *x, const char *refines, const char *property, const char *value)
{
	if (!value || !*value)
		return;
	xw_start(x, "meta");
	if (refines)
		xw_attr(x, "refines", refines);
	xw_attr(x, "property", property);
	xw_text(x, value);
	xw_end(x);
}

static void opf_metas(xw *x, const char *refines, const char *property, const strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		opf_meta(x, refines, property, v->v[i]);
}

static void write_epub_entry_fill(write_epub_state *st, write_epub_book *b, write_epub_entry *e,
                                  const galley_article *a)
{
	char *title = clean_or_null(galley_article_get(a, GALLEY_FIELD_TITLE)); /* NULL: untitled */
	char *site = clean_or_null(galley_article_get(a, GALLEY_FIELD_SITE));
	char *url = clean_or_null(galley_article_get(a, GALLEY_FIELD_URL));
	char *date = clean_or_null(galley_article_get(a, GALLEY_FIELD_DATE));
	char *desc = clean_or_null(galley_article_get(a, GALLEY_FIELD_DESCRIPTION));
	char *article_id = clean_or_null(galley_article_get(a, GALLEY_FIELD_ID));
	char *lang = article_lang(NULL, a);
	strv authors = {0}, credits = {0}, cited = {0}, tags = {0};
	for (size_t i = 0; i < galley_article_list_len(a, GALLEY_LIST_AUTHORS); i++) {
		char *c = clean_or_null(galley_article_list_at(a, GALLEY_LIST_AUTHORS, i));
		strv_add(&authors, c);
		free(c);
	}
	for (size_t i = 0; i < galley_article_list_len(a, GALLEY_LIST_TAGS); i++) {
		char *c = clean_or_null(galley_article_list_at(a, GALLEY_LIST_TAGS, i));
		strv_add(&tags, c);
		free(c);
	}
	for (size_t i = 0; i < galley_article_n_sources(a); i++) {
		const galley_source *src = galley_article_source(a, i);
		char *c = clean_or_null(src->name);
		/* "cited" and "interview" outlets are mentioned in the story; only a credit made it */
		strv_add(src->kind && strcmp(src->kind, "credit") ? &cited : &credits, c);
		free(c);
	}
	char *printed = clean_or_null(galley_article_get(a, GALLEY_FIELD_BYLINE));
	char *shown = article_authors(a); /* as the chapter's header shows it */
	char *byline = clean_or_null(shown);
	free(shown);
	e->has_epoch = date && write_epub_parse_time(date, &e->epoch);
	char *group = NULL;
	switch (st->group_by) {
	case GROUP_SOURCE:
		if (credits.n)
			group = galley_strdup(credits.v[0]);
		else if (site)
			group = galley_strdup(site);
		else if (!(group = url_host(url)))
			group = galley_strdup("Unknown source");
		break;
	case GROUP_DATE:
		if (e->has_epoch || (date && galley_date_is_valid_iso8601(date)))
			group = galley_strndup(date, 10);
		else
			group = galley_strdup("Undated");
		break;
	case GROUP_TAG:
		group = galley_strdup(tags.n ? tags.v[0] : "Untagged");
		break;
	default:
		break;
	}

	/* package.opf: written now, in arrival order */
	char id[24], idbuf[48], ref[48];
	entry_id(id, sizeof id, b->n);
	snprintf(idbuf, sizeof idbuf, "src-%s", id);
	snprintf(ref, sizeof ref, "#src-%s", id);
	xw *x = &b->meta;
	xw_start(x, "dc:source");
	xw_attr(x, "id", idbuf);
	xw_text(x, url ? url : article_id ? article_id : id);
	xw_end(x);
	opf_meta(x, ref, "dcterms:title", title);
	opf_metas(x, ref, "dcterms:creator", &authors);
	opf_meta(x, ref, "schema:creditText", printed); /* a reserved prefix: no declaration */
	opf_meta(x, ref, "dcterms:publisher", site);
	opf_meta(x, ref, "dcterms:date", date);
	opf_meta(x, ref, "dcterms:language", lang);
	opf_meta(x, ref, "dcterms:identifier", article_id);
	opf_meta(x, ref, "dcterms:description", desc);
	opf_metas(x, ref, "dcterms:source", &credits);
	opf_metas(x, ref, "dcterms:references", &cited);
	opf_metas(x, ref, "dcterms:subject", &tags);

	/* the entry: one allocation */
	const char *parts[ENTRY_PARTS] = {
		[ENTRY_TITLE] = title,
		[ENTRY_BY] = byline ? byline : site,
		[ENTRY_GROUP] = group,
		[ENTRY_LANG] = lang,
		[ENTRY_SRC] = credits.n ? credits.v[0] : site,
	};
	size_t len = 0;
	for (int k = 0; k < ENTRY_PARTS; k++)
		len += (parts[k] ? strlen(parts[k]) : 0) + 1;
	char *p = e->s = galley_malloc(len);
	for (int k = 0; k < ENTRY_PARTS; k++) {
		size_t n = parts[k] ? strlen(parts[k]) : 0;
		if (n)
			memcpy(p, parts[k], n);
		p[n] = 0;
		p += n + 1;
	}

	free(title);
	free(site);
	free(url);
	free(date);
	free(desc);
	free(article_id);
	free(lang);
	free(byline);
	free(printed);
	free(group);
	strv_free(&authors);
	strv_free(&credits);
	strv_free(&cited);
	strv_free(&tags);
}

static void write_epub_book_free(write_epub_book *b)
{
	if (!b)
		return;
	write_epub_zip_free(b->zip);
	galley_output_abort(b->out);
	free(b->img);
	for (size_t i = 0; i < b->n_pend; i++) {
		free(b->pend[i].file);
		free(b->pend[i].member);
	}
	free(b->pend);
	for (size_t i = 0; i < b->n; i++)
		free(b->e[i].s);
	free(b->e);
	xw_close(&b->meta);
	free(b);
}

/* ---- book metadata ------------------------------------------------------------------------ */
/* The k-th article of the spine. */
size_t spine_at(const book_meta *m, size_t k)
{
	return m->order ? m->order[k] : k;
}

static void book_meta_free(book_meta *m)
{
	free(m->title);
	free(m->language);
	free(m->identifier);
	free(m->date);
	free(m->modified);
	free(m->order);
	free(m->group_names);
	free(m->group_start);
}

static void write_epub_book_lang(write_epub_state *st, write_epub_book *b, book_meta *m);
static void write_epub_book_title(write_epub_state *st, write_epub_book *b, book_meta *m);
static void write_epub_book_rest(write_epub_state *st, write_epub_book *b, book_meta *m);

static void write_epub_book_meta(write_epub_state *st, write_epub_book *b, book_meta *m)
{
	write_epub_book_lang(st, b, m);
	write_epub_book_title(st, b, m);
	write_epub_book_rest(st, b, m);
}

static void write_epub_book_title(write_epub_state *st, write_epub_book *b, book_meta *m)
{
	/* title */
	const char *common_site = NULL;
	for (size_t i = 0; i < b->n; i++) {
		const char *s = entry_get(&b->e[i], ENTRY_SRC);
		if (!s || (common_site && strcmp(s, common_site))) {
			common_site = NULL;
			break;
		}
		common_site = s;
	}
	galley_buf t = {0};
	if (st->title && *st->title)
		galley_buf_puts(&t, st->title);
	else if (b->n == 1 && st->split == 0 && entry_get(&b->e[0], ENTRY_TITLE))
		galley_buf_puts(&t, entry_get(&b->e[0], ENTRY_TITLE));
	else if (common_site)
		galley_buf_printf(&t, "%s: %zu %s", common_site, b->n, label(st, m->language, b->n == 1 ? "article" : "articles"));
	else
		galley_buf_printf(&t, "%zu %s", b->n, label(st, m->language, b->n == 1 ? "article" : "articles"));
	if (st->split > 0)
		galley_buf_printf(&t, ", %s %zu", label(st, m->language, "part"), st->n_books);
	char *tt = write_epub_xhtml_clean(t.data, true);
	galley_buf_free(&t);
	m->title = tt && *tt ? tt : (free(tt), galley_strdup(label(st, m->language, "untitled")));
}

/* Entries sorted by a key, then by arrival: O(n log n) where the book needs counts or groups. */
typedef struct keyed {
	const char *k;
	size_t i;
	size_t first; /* the first arrival with the same key */
} keyed;

static int keyed_cmp_case(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	int c = strcasecmp(a->k, b->k);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static int keyed_cmp(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	int c = strcmp(a->k, b->k);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static int keyed_cmp_first(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	if (a->first != b->first)
		return a->first > b->first ? 1 : -1;
	return (a->i > b->i) - (a->i < b->i);
}

static void write_epub_book_lang(write_epub_state *st, write_epub_book *b, book_meta *m)
{
	/* language: the option, else the most common among the articles (the first to appear
	 * among equals), else undetermined */
	if (write_epub_xhtml_lang_ok(st->language)) {
		m->language = galley_strdup(st->language);
		return;
	}
	keyed *ks = galley_calloc(b->n ? b->n : 1, sizeof *ks);
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++) {
		const char *l = entry_get(&b->e[i], ENTRY_LANG);
		if (l)
			ks[n++] = (keyed){.k = l, .i = i};
	}
	qsort(ks, n, sizeof *ks, keyed_cmp_case);
	size_t best = 0, best_first = 0;
	const char *best_lang = NULL;
	for (size_t r = 0; r < n;) {
		size_t end = r + 1;
		while (end < n && !strcasecmp(ks[end].k, ks[r].k))
			end++;
		if (end - r > best || (end - r == best && ks[r].i < best_first)) {
			best = end - r;
			best_first = ks[r].i;
			best_lang = ks[r].k;
		}
		r = end;
	}
	m->language = galley_strdup(best_lang ? best_lang : "und");
	free(ks);
}

static void write_epub_book_rest(write_epub_state *st, write_epub_book *b, book_meta *m)
{

	/* newest article time: dc:date and dcterms:modified fall back on it */
	bool have_newest = false;
	int64_t newest = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->e[i].has_epoch && (!have_newest || b->e[i].epoch > newest)) {
			newest = b->e[i].epoch;
			have_newest = true;
		}
	char buf[64];
	if (st->date && *st->date) {
		m->date = galley_strdup(st->date);
	} else if (have_newest) {
		write_epub_format_utc(newest, buf, sizeof buf, false);
		m->date = galley_strdup(buf);
	}
	int64_t mod = 315532800; /* 1980-01-01T00:00:00Z, the zip epoch */
	int64_t d;
	if (st->have_sde)
		mod = st->sde;
	else if (have_newest)
		mod = newest;
	else if (m->date && write_epub_parse_time(m->date, &d))
		mod = d;
	write_epub_format_utc(mod, buf, sizeof buf, true);
	m->modified = galley_strdup(buf);

	/* identifier */
	if (st->identifier && *st->identifier) {
		char *id = write_epub_xhtml_clean(st->identifier, true);
		if (st->split > 0) {
			galley_buf ib = {0};
			galley_buf_printf(&ib, "%s-%03zu", id, st->n_books);
			free(id);
			id = galley_buf_steal(&ib);
		}
		m->identifier = id;
	} else {
		const char *parts[] = {m->title, m->language, st->creator, st->publisher, m->date};
		uint64_t h1 = b->h1, h2 = b->h2;
		for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
			const char *s = parts[i] ? parts[i] : "";
			h1 = galley_hash64(s, strlen(s) + 1, h1);
			h2 = galley_hash64(s, strlen(s) + 1, h2 ^ 0x9e3779b97f4a7c15ULL);
		}
		/* RFC 9562 version 8 (custom) UUID from the 128 bits */
		snprintf(buf, sizeof buf, "urn:uuid:%08" PRIx32 "-%04" PRIx32 "-8%03" PRIx32 "-%04" PRIx32 "-%012" PRIx64,
		         (uint32_t)(h1 >> 32), (uint32_t)(h1 >> 16) & 0xffff, (uint32_t)h1 & 0xfff,
		         (uint32_t)(0x8000 | ((h2 >> 48) & 0x3fff)), (uint64_t)(h2 & 0xffffffffffffULL));
		m->identifier = galley_strdup(buf);
	}

	/* spine order: grouped by first appearance of each group, input order within a group */
	if (st->group_by == GROUP_NONE)
		return; /* no order array: the spine is the arrival order */
	/* sorted by group: each entry learns its group's first article; then sorted by that */
	keyed *ks = galley_calloc(b->n ? b->n : 1, sizeof *ks);
	for (size_t i = 0; i < b->n; i++)
		ks[i] = (keyed){.k = entry_get(&b->e[i], ENTRY_GROUP), .i = i};
	for (size_t i = 0; i < b->n; i++)
		if (!ks[i].k)
			ks[i].k = "";
	qsort(ks, b->n, sizeof *ks, keyed_cmp);
	for (size_t r = 0; r < b->n; r++)
		ks[r].first = r && !strcmp(ks[r].k, ks[r - 1].k) ? ks[r - 1].first : ks[r].i;
	qsort(ks, b->n, sizeof *ks, keyed_cmp_first);
	size_t groups = 0;
	for (size_t k = 0; k < b->n; k++)
		groups += !k || ks[k].first != ks[k - 1].first;
	m->order = galley_calloc(b->n ? b->n : 1, sizeof *m->order);
	m->group_names = galley_calloc(groups + 1, sizeof *m->group_names);
	m->group_start = galley_calloc(groups + 2, sizeof *m->group_start);
	for (size_t k = 0; k < b->n; k++) {
		if (!k || ks[k].first != ks[k - 1].first) {
			m->group_names[m->n_groups] = ks[k].k;
			m->group_start[m->n_groups++] = k;
		}
		m->order[k] = ks[k].i;
	}
	m->group_start[m->n_groups] = b->n;
	free(ks);
}

/* ---- the parts written when a book ends --------------------------------------------------- */
static int add_doc(write_epub_book *b, const char *name, xmlDocPtr doc, galley_error *err)
{
	size_t len;
	char *bytes = doc_bytes(doc, &len);
	xmlFreeDoc(doc);
	char msg[512];
	int r = write_epub_zip_add(b->zip, name, bytes, len, false, msg, sizeof msg);
	free(bytes);
	if (r < 0)
		return galley_error_set(err, GALLEY_ERR_FATAL, "%s", msg);
	return GALLEY_OK;
}

/* Finish a streamed document and copy it from its temporary file into the book. */
static int add_xw(write_epub_book *b, const char *name, xw *x, galley_error *err)
{
	if (!x->bad && (xmlTextWriterEndDocument(x->w) < 0 || xmlTextWriterFlush(x->w) < 0))
		x->bad = true;
	char msg[512];
	int r = GALLEY_OK;
	if (x->bad)
		r = galley_error_set(err, GALLEY_ERR_FATAL,
		                     "%s: cannot write %s to a temporary file; is the temporary directory (TMPDIR) "
		                     "full or not writable?",
		                     galley_output_path(b->out), name);
	else if (write_epub_zip_add_file(b->zip, name, x->f, false, msg, sizeof msg) < 0)
		r = galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s", galley_output_path(b->out), msg);
	xw_close(x);
	return r;
}

static xmlDocPtr write_epub_title_page(write_epub_state *st, write_epub_book *b, const book_meta *m)
{
	xmlNodePtr sec;
	xmlNsPtr ns;
	xmlDocPtr doc = xhtml_section_page(m->language, m->title, "style.css", "titlepage", "titlepage", &sec, &ns);
	el_text(sec, ns, "h1", m->title);
	if (st->creator && *st->creator)
		xmlSetProp(el_text(sec, ns, "p", st->creator), BAD_CAST "class", BAD_CAST "creator");
	if (st->publisher && *st->publisher)
		xmlSetProp(el_text(sec, ns, "p", st->publisher), BAD_CAST "class", BAD_CAST "publisher");
	if (m->date)
		xmlSetProp(el_text(sec, ns, "p", m->date), BAD_CAST "class", BAD_CAST "date");
	char buf[64];
	snprintf(buf, sizeof buf, "%zu %s", b->n, label(st, m->language, b->n == 1 ? "article" : "articles"));
	xmlSetProp(el_text(sec, ns, "p", buf), BAD_CAST "class", BAD_CAST "count");
	return doc;
}

static xmlDocPtr write_epub_cover_page(const book_meta *m, const char *img)
{
	xmlNodePtr sec;
	xmlNsPtr ns;
	xmlDocPtr doc = xhtml_section_page(m->language, m->title, "style.css", "cover", "cover", &sec, &ns);
	xmlNodePtr i = xmlNewChild(sec, ns, BAD_CAST "img", NULL);
	xmlSetProp(i, BAD_CAST "src", BAD_CAST img);
	set_attr(i, "alt", m->title);
	return doc;
}

/* One image copied from an input archive into the book (write_epub_archives_extract's sink). */
static int add_image(void *ctx, const char *name, const unsigned char *data, size_t len, char *errbuf,
                     size_t errlen)
{
	write_epub_book *b = ctx;
	char member[64], msg[512];
	snprintf(member, sizeof member, "EPUB/%s", name);
	if (write_epub_zip_add(b->zip, member, data, len, true, msg, sizeof msg) < 0) {
		snprintf(errbuf, errlen, "%s: %s", galley_output_path(b->out), msg);
		return -1;
	}
	return 0;
}

/* Write the rest of the current book, close its container and its file; the output waits for
 * finish() to be committed. */
static int write_epub_end_book(write_epub_state *st, galley_error *err)
{
	write_epub_book *b = st->book;
	char emsg[1024];
	/* images from input archives: each archive read once, before the package document */
	if (b->n_pend &&
	    write_epub_archives_extract(b->pend, b->n_pend, MAX_IMAGE_BYTES, add_image, b, emsg, sizeof emsg) < 0) {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s", emsg);
		write_epub_book_free(b);
		st->book = NULL;
		return GALLEY_ERR_FATAL;
	}
	book_meta m = {0};
	write_epub_book_meta(st, b, &m);
	int r = GALLEY_OK;
	char cover_img[32];
	snprintf(cover_img, sizeof cover_img, "cover.%s", st->cover_ext ? st->cover_ext : "");
	if (st->cover)
		r = add_doc(b, "EPUB/cover.xhtml", write_epub_cover_page(&m, cover_img), err);
	if (r == GALLEY_OK)
		r = add_doc(b, "EPUB/title.xhtml", write_epub_title_page(st, b, &m), err);
	/* the three parts that grow with the book: streamed, never built as trees */
	xw x;
	if (r == GALLEY_OK) {
		xw_open(&x, true);
		write_epub_nav(&x, st, b, &m);
		r = add_xw(b, "EPUB/nav.xhtml", &x, err);
	}
	if (r == GALLEY_OK) {
		xw_open(&x, true);
		write_epub_ncx(&x, st, b, &m);
		r = add_xw(b, "EPUB/toc.ncx", &x, err);
	}
	if (r == GALLEY_OK) {
		xw_open(&x, true);
		write_epub_opf(&x, st, b, &m);
		r = add_xw(b, "EPUB/package.opf", &x, err);
	}
	book_meta_free(&m);
	char msg[512];
	if (r == GALLEY_OK && write_epub_zip_close(b->zip, msg, sizeof msg) < 0)
		r = galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s", galley_output_path(b->out), msg);
	/* a finished book gives its file descriptor back at once: split= may write thousands */
	if (r == GALLEY_OK)
		r = galley_output_close(b->out, err);
	if (r == GALLEY_OK) {
		st->done = galley_realloc(st->done, (st->n_done + 1) * sizeof *st->done);
		st->done[st->n_done++] = b->out;
		b->out = NULL;
	}
	write_epub_book_free(b);
	st->book = NULL;
	return r;
}

static const char container_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
	"  <rootfiles>\n"
	"    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
	"  </rootfiles>\n"
	"</container>\n";

static int write_epub_start_book(write_epub_state *st, galley_error *err)
{
	write_epub_book *b = galley_calloc(1, sizeof *b);
	b->h1 = GALLEY_HASH_SEED;
	b->h2 = GALLEY_HASH_SEED ^ 0x5bd1e9955bd1e995ULL;
	st->n_books++;
	char *path = NULL;
	if (st->split > 0) {
		const char *o = st->output;
		size_t len = strlen(o);
		size_t stem = len > 5 && !strcasecmp(o + len - 5, ".epub") ? len - 5 : len;
		galley_buf p = {0};
		galley_buf_append(&p, o, stem);
		galley_buf_printf(&p, "-%03zu.epub", st->n_books);
		path = galley_buf_steal(&p);
	}
	b->out = galley_output_open(path ? path : st->output, err);
	free(path);
	if (!b->out) {
		free(b);
		return err && err->code ? err->code : GALLEY_ERR_FATAL;
	}
	char msg[512];
	b->zip = write_epub_zip_open(galley_output_file(b->out), msg, sizeof msg);
	if (!b->zip) {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s", galley_output_path(b->out), msg);
		write_epub_book_free(b);
		return GALLEY_ERR_FATAL;
	}
	st->book = b;
	if (!xw_open(&b->meta, false)) {
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "%s: cannot create a temporary file for the package document; is the temporary "
		                 "directory (TMPDIR) full or not writable?",
		                 galley_output_path(b->out));
		write_epub_book_free(b);
		st->book = NULL;
		return GALLEY_ERR_FATAL;
	}
	int r = write_epub_zip_add(b->zip, "META-INF/container.xml", container_xml, sizeof container_xml - 1, false,
	                           msg, sizeof msg);
	if (r == 0)
		r = write_epub_zip_add(b->zip, "EPUB/style.css", st->css, st->css_len, false, msg, sizeof msg);
	if (r == 0 && st->cover) {
		char name[32];
		snprintf(name, sizeof name, "EPUB/cover.%s", st->cover_ext);
		r = write_epub_zip_add(b->zip, name, st->cover, st->cover_len, true, msg, sizeof msg);
	}
	if (r < 0) {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s", galley_output_path(b->out), msg);
		write_epub_book_free(b);
		st->book = NULL;
		return GALLEY_ERR_FATAL;
	}
	return GALLEY_OK;
}

/* ---- callbacks ---------------------------------------------------------------------------- */
static void write_epub_close(galley_stage *stage, void *state);

/* An output whose name says another format (book.jsonl) is most likely a slip: warn. */
static void write_epub_check_name(galley_stage *stage, const char *output)
{
	static const char *const other[] = {".json", ".jsonl", ".ndjson", ".txt", ".html", ".htm", ".xml", ".zip", ".pdf", NULL};
	size_t n = strlen(output);
	for (size_t i = 0; other[i]; i++) {
		size_t k = strlen(other[i]);
		if (n > k && !strcasecmp(output + n - k, other[i])) {
			galley_stage_warn(stage, "output '%s' is named like a %s file, but write-epub writes an EPUB book; "
			                  "did you mean a name ending in .epub?", output, other[i] + 1);
			return;
		}
	}
}

static int write_epub_setup(galley_stage *stage, write_epub_state *st, galley_error *err)
{
	st->stage = stage;
	st->output = galley_stage_opt_string(stage, "output");
	st->title = galley_stage_opt_string(stage, "title");
	st->creator = galley_stage_opt_string(stage, "creator");
	st->language = galley_stage_opt_string(stage, "language");
	st->publisher = galley_stage_opt_string(stage, "publisher");
	st->date = galley_stage_opt_string(stage, "date");
	st->identifier = galley_stage_opt_string(stage, "identifier");
	st->split = galley_stage_opt_int(stage, "split");
	const char *im = galley_stage_opt_string(stage, "images");
	st->embed_images = !im || !strcmp(im, "embed");
	if (st->embed_images && !st->archives)
		st->archives = write_epub_archives_new(stage, MAX_IMAGE_BYTES);
	const char *g = galley_stage_opt_string(stage, "group_by");
	st->group_by = !g ? GROUP_NONE
	               : !strcmp(g, "source") ? GROUP_SOURCE
	               : !strcmp(g, "date")   ? GROUP_DATE
	               : !strcmp(g, "tag")    ? GROUP_TAG
	                                      : GROUP_NONE;
	if (!st->output || !*st->output)
		return galley_error_set(err, GALLEY_ERR_FATAL, "output= is required: the .epub file to write");
	if (!strcmp(st->output, "-") && st->split > 0)
		return galley_error_set(err, GALLEY_ERR_FATAL, "split= needs a file name in output=, not '-'");
	write_epub_check_name(stage, st->output);
	if (st->language && *st->language && !write_epub_xhtml_lang_ok(st->language))
		return galley_error_set(err, GALLEY_ERR_FATAL,
		                        "language='%s' is not a BCP 47 language tag; use e.g. en, de-CH, pt-BR",
		                        st->language);
	int64_t t;
	if (st->date && *st->date && !write_epub_parse_time(st->date, &t))
		return galley_error_set(err, GALLEY_ERR_FATAL,
		                        "date='%s' is not a date; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ", st->date);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (*end || v < 0 || v > 253402300799LL)
			galley_stage_warn(stage, "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored", sde);
		else {
			st->have_sde = true;
			st->sde = v;
		}
	}

	/* the book's few words in its languages; English without the file */
	galley_error lerr = {0};
	if (galley_wordlist_load("write-epub/labels.tsv", &st->labels, &lerr) != GALLEY_OK)
		galley_stage_warn(stage, "%s; the book's own words will be in English", lerr.message);

	/* stylesheet: css= or the default from data/write-epub/style.css */
	const char *css = galley_stage_opt_string(stage, "css");
	char *found = NULL;
	if (!css || !*css) {
		found = galley_data_find("write-epub/style.css");
		if (!found)
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "default stylesheet write-epub/style.css not found in the data "
			                        "directories; reinstall galley, set GALLEY_DATA_PATH or pass css=");
		css = found;
	}
	unsigned char *data = NULL;
	size_t len = 0;
	int r = galley_read_file(css, &data, &len, MAX_ASSET_BYTES, err);
	if (r != GALLEY_OK) {
		free(found);
		galley_error_prefix(err, "css");
		return GALLEY_ERR_FATAL;
	}
	if (!galley_utf8_valid((const char *)data, len) || strstr((const char *)data, "@import") ||
	    strstr((const char *)data, "url(")) {
		free(data);
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "stylesheet %s must be UTF-8 and self-contained (no @import or url(): "
		                 "a book carries no remote resources)",
		                 css);
		free(found);
		return GALLEY_ERR_FATAL;
	}
	free(found);
	st->css = (char *)data;
	st->css_len = len;

	const char *cover = galley_stage_opt_string(stage, "cover");
	if (cover && *cover) {
		if (galley_read_file(cover, &st->cover, &st->cover_len, MAX_ASSET_BYTES, err) != GALLEY_OK) {
			galley_error_prefix(err, "cover");
			return GALLEY_ERR_FATAL;
		}
		const unsigned char *c = st->cover;
		if (st->cover_len > 3 && c[0] == 0xff && c[1] == 0xd8 && c[2] == 0xff) {
			st->cover_ext = "jpg";
			st->cover_type = "image/jpeg";
		} else if (st->cover_len > 8 && !memcmp(c, "\x89PNG\r\n\x1a\n", 8)) {
			st->cover_ext = "png";
			st->cover_type = "image/png";
		} else if (st->cover_len > 6 && (!memcmp(c, "GIF87a", 6) || !memcmp(c, "GIF89a", 6))) {
			st->cover_ext = "gif";
			st->cover_type = "image/gif";
		} else {
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "cover %s is not a JPEG, PNG or GIF image (the formats every EPUB "
			                        "reader shows); convert it first",
			                        cover);
		}
	}
	return GALLEY_OK;
}

static int write_epub_open(galley_stage *stage, void **state, galley_error *err)
{
	write_epub_state *st = galley_calloc(1, sizeof *st);
	int r = write_epub_setup(stage, st, err);
	if (r != GALLEY_OK) {
		write_epub_close(stage, st);
		st = NULL;
	}
	*state = st;
	return r;
}

static int write_epub_prepare(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	write_epub_state *st = state;
	galley_article_set_scratch(a, st, write_epub_build_chapter(st, a, NULL), write_epub_chapter_free);
	return GALLEY_OK;
}

static int write_epub_write(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	write_epub_state *st = state;
	write_epub_chapter *ch = galley_article_get_scratch(a, st);
	if (!ch) {
		ch = write_epub_build_chapter(st, a, NULL);
		galley_article_set_scratch(a, st, ch, write_epub_chapter_free);
	}
	if (!st->book) {
		int r = write_epub_start_book(st, err);
		if (r != GALLEY_OK)
			return r;
	}
	write_epub_book *b = st->book;
	uint64_t new_bytes = 0;
	for (size_t i = 0; i < ch->n_img; i++)
		if (!book_has_image(b, ch->img[i].name))
			new_bytes += ch->img[i].len;
	if (new_bytes && b->img_bytes + new_bytes > MAX_BOOK_IMAGE_BYTES) {
		/* the book is full of images: this chapter shows the alt text of its new ones */
		galley_stage_count(stage, "chapters with images left out: a book holds 1 GiB of images at most (use split=N)", 1);
		ch = write_epub_build_chapter(st, a, b);
		galley_article_set_scratch(a, st, ch, write_epub_chapter_free);
	}
	/* a plain zip holds 65,535 files; a book needs 7 besides its chapters (Zip64 is not an
	 * option: many reading systems cannot open it) */
	if (b->n + b->n_img + ch->n_img >= 65000)
		return galley_error_set(err, GALLEY_ERR_FATAL,
		                        "a book holds at most 65,000 articles and images; use split=N to write "
		                        "several books");
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->e = galley_realloc(b->e, b->cap * sizeof *b->e);
	}
	write_epub_entry *e = &b->e[b->n];
	memset(e, 0, sizeof *e);
	char id[24], name[64], msg[512];
	entry_id(id, sizeof id, b->n);
	snprintf(name, sizeof name, "EPUB/text/%s.xhtml", id);
	if (write_epub_zip_add(b->zip, name, ch->xhtml, ch->len, false, msg, sizeof msg) < 0)
		return galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s", galley_output_path(b->out), msg);
	for (size_t i = 0; i < ch->n_img; i++) {
		write_epub_image *im = &ch->img[i];
		bool have = false;
		for (size_t k = 0; k < b->n_img && !have; k++)
			have = !strcmp(b->img[k].name, im->name);
		if (have)
			continue;
		if (im->data) {
			char member[64];
			snprintf(member, sizeof member, "EPUB/%s", im->name);
			if (write_epub_zip_add(b->zip, member, im->data, im->len, true, msg, sizeof msg) < 0)
				return galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s", galley_output_path(b->out), msg);
		} else {
			/* inside an input archive: copied when the book ends */
			b->pend = galley_realloc(b->pend, (b->n_pend + 1) * sizeof *b->pend);
			write_epub_pending *pd = &b->pend[b->n_pend++];
			pd->file = im->file;
			pd->member = im->member;
			memcpy(pd->name, im->name, sizeof pd->name);
			im->file = im->member = NULL;
		}
		b->img_bytes += im->len;
		b->img = galley_realloc(b->img, (b->n_img + 1) * sizeof *b->img);
		b->img[b->n_img] = (write_epub_image){.type = im->type};
		memcpy(b->img[b->n_img++].name, im->name, sizeof im->name);
	}
	b->h1 = galley_hash64(ch->xhtml, ch->len, b->h1);
	b->h2 = galley_hash64(ch->xhtml, ch->len, b->h2 ^ 0x9e3779b97f4a7c15ULL);
	write_epub_entry_fill(st, b, e, a);
	b->n++;
	st->total++;
	/* the chapter is in the book: free its bytes now rather than with the article */
	galley_article_set_scratch(a, st, NULL, NULL);
	if (st->split > 0 && (int64_t)b->n >= st->split)
		return write_epub_end_book(st, err);
	return GALLEY_OK;
}

static int write_epub_finish(galley_stage *stage, void *state, galley_error *err)
{
	write_epub_state *st = state;
	if (st->total == 0)
		return galley_error_set(err, GALLEY_ERR_FATAL,
		                        "no articles reached write-epub, so no book was written (an EPUB needs at "
		                        "least one chapter); check the reader's input= and what the transforms dropped");
	if (st->book) {
		int r = write_epub_end_book(st, err);
		if (r != GALLEY_OK)
			return r;
	}
	for (size_t i = 0; i < st->n_done; i++) {
		galley_output *o = st->done[i];
		st->done[i] = NULL;
		int r = galley_output_commit(o, err);
		if (r != GALLEY_OK)
			return r;
	}
	st->n_done = 0;
	galley_stage_count(stage, "books written", st->n_books);
	return GALLEY_OK;
}

static void write_epub_close(galley_stage *stage, void *state)
{
	write_epub_state *st = state;
	if (!st)
		return;
	write_epub_book_free(st->book);
	for (size_t i = 0; i < st->n_done; i++)
		galley_output_abort(st->done[i]);
	free(st->done);
	free(st->css);
	free(st->cover);
	write_epub_archives_free(st->archives);
	galley_wordlist_free(&st->labels);
	free(st);
}

GALLEY_PLUGIN_DEFINE(.name = "write-epub", .kind = GALLEY_KIND_WRITER,
                     .summary = "write the articles as an EPUB 3 book (epubcheck-clean, reproducible, streamed)",
                     .version = WRITE_EPUB_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = write_epub_options, .open = write_epub_open, .close = write_epub_close,
                     .prepare = write_epub_prepare, .write = write_epub_write, .finish = write_epub_finish);
