/* write-epub: the package documents written when a book ends: the navigation document
 * (nav.xhtml), the EPUB 2 table of contents (toc.ncx) and the package document (package.opf),
 * each streamed on an xw writer (epub_xw.h). */
#include "write_epub_private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "epub_xhtml.h"

static void nav_entry(xw *x, const write_epub_entry *e, size_t i, const char *untitled)
{
	char id[24], href[64];
	entry_id(id, sizeof id, i);
	snprintf(href, sizeof href, "text/%s.xhtml", id);
	xw_start(x, "li");
	xw_start(x, "a");
	xw_attr(x, "href", href);
	const char *title = entry_get(e, ENTRY_TITLE);
	xw_text(x, title ? title : untitled);
	const char *by = entry_get(e, ENTRY_BY);
	if (by) {
		galley_buf b = {0};
		galley_buf_printf(&b, "\xe2\x80\x94 %s", by);
		xw_raw(x, " ", 1);
		xw_start(x, "span");
		xw_attr(x, "class", "toc-byline");
		xw_text(x, b.data);
		xw_end(x);
		galley_buf_free(&b);
	}
	xw_end(x);
	xw_end(x);
}

void write_epub_nav(xw *x, const write_epub_state *st, write_epub_book *b, const book_meta *m)
{
	xw_xhtml_start(x, m->language, m->title, "style.css");
	xw_start(x, "nav");
	xw_attr(x, "epub:type", "toc");
	xw_attr(x, "id", "toc");
	xw_el_text(x, "h1", label(st, m->language, "contents"));
	xw_start(x, "ol");
	const char *untitled = label(st, m->language, "untitled");
	size_t groups = m->n_groups ? m->n_groups : 1;
	for (size_t g = 0; g < groups && !x->bad; g++) {
		size_t from = m->n_groups ? m->group_start[g] : 0, to = m->n_groups ? m->group_start[g + 1] : b->n;
		if (m->n_groups) {
			xw_start(x, "li");
			xw_el_text(x, "span", m->group_names[g]);
			xw_start(x, "ol");
		}
		for (size_t k = from; k < to; k++)
			nav_entry(x, &b->e[spine_at(m, k)], spine_at(m, k), untitled);
		if (m->n_groups) {
			xw_end(x);
			xw_end(x);
		}
	}
}

static void ncx_point(xw *x, int np, size_t play, const char *text, size_t entry)
{
	char buf[64];
	xw_start(x, "navPoint");
	snprintf(buf, sizeof buf, "np-%d", np);
	xw_attr(x, "id", buf);
	snprintf(buf, sizeof buf, "%zu", play);
	xw_attr(x, "playOrder", buf);
	xw_start(x, "navLabel");
	xw_el_text(x, "text", text);
	xw_end(x);
	char id[24];
	entry_id(id, sizeof id, entry);
	snprintf(buf, sizeof buf, "text/%s.xhtml", id);
	xw_start(x, "content");
	xw_attr(x, "src", buf);
	xw_end(x);
}

void write_epub_ncx(xw *x, const write_epub_state *st, write_epub_book *b, const book_meta *m)
{
	xw_start(x, "ncx");
	xw_attr(x, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
	xw_attr(x, "version", "2005-1");
	if (write_epub_xhtml_lang_ok(m->language))
		xw_attr(x, "xml:lang", m->language);
	xw_start(x, "head");
	char depth[8];
	snprintf(depth, sizeof depth, "%d", m->n_groups ? 2 : 1);
	const char *metas[][2] = {{"dtb:uid", m->identifier},
	                          {"dtb:depth", depth},
	                          {"dtb:totalPageCount", "0"},
	                          {"dtb:maxPageNumber", "0"}};
	for (size_t i = 0; i < 4; i++) {
		xw_start(x, "meta");
		xw_attr(x, "name", metas[i][0]);
		xw_attr_clean(x, "content", metas[i][1]);
		xw_end(x);
	}
	xw_end(x);
	xw_start(x, "docTitle");
	xw_el_text(x, "text", m->title);
	xw_end(x);
	xw_start(x, "navMap");
	/* play order: 1, 2, ... in reading order, without gaps; a group shares its first article's */
	const char *untitled = label(st, m->language, "untitled");
	size_t groups = m->n_groups ? m->n_groups : 1;
	int np = 0;
	galley_buf l = {0};
	for (size_t g = 0; g < groups && !x->bad; g++) {
		size_t from = m->n_groups ? m->group_start[g] : 0, to = m->n_groups ? m->group_start[g + 1] : b->n;
		if (m->n_groups)
			ncx_point(x, ++np, from + 1, m->group_names[g], spine_at(m, from));
		for (size_t k = from; k < to; k++) {
			const write_epub_entry *e = &b->e[spine_at(m, k)];
			const char *title = entry_get(e, ENTRY_TITLE), *by = entry_get(e, ENTRY_BY);
			galley_buf_reset(&l);
			galley_buf_puts(&l, title ? title : untitled);
			if (by)
				galley_buf_printf(&l, " \xe2\x80\x94 %s", by);
			ncx_point(x, ++np, k + 1, l.data, spine_at(m, k));
			xw_end(x);
		}
		if (m->n_groups)
			xw_end(x);
	}
	galley_buf_free(&l);
}

static void opf_item(xw *x, const char *id, const char *href, const char *type, const char *props)
{
	xw_start(x, "item");
	xw_attr(x, "id", id);
	xw_attr(x, "href", href);
	xw_attr(x, "media-type", type);
	if (props)
		xw_attr(x, "properties", props);
	xw_end(x);
}

static void opf_itemref(xw *x, const char *idref)
{
	xw_start(x, "itemref");
	xw_attr(x, "idref", idref);
	xw_end(x);
}

void write_epub_opf(xw *x, write_epub_state *st, write_epub_book *b, const book_meta *m)
{
	xw_start(x, "package");
	xw_attr(x, "xmlns", "http://www.idpf.org/2007/opf");
	xw_attr(x, "version", "3.0");
	xw_attr(x, "unique-identifier", "bookid");
	if (write_epub_xhtml_lang_ok(m->language))
		xw_attr(x, "xml:lang", m->language);
	xw_start(x, "metadata");
	xw_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	xw_start(x, "dc:identifier");
	xw_attr(x, "id", "bookid");
	xw_text(x, m->identifier);
	xw_end(x);
	xw_el_text(x, "dc:title", m->title);
	xw_el_text(x, "dc:language", m->language);
	if (st->creator && *st->creator) {
		xw_start(x, "dc:creator");
		xw_attr(x, "id", "creator");
		xw_text(x, st->creator);
		xw_end(x);
	}
	if (st->publisher && *st->publisher)
		xw_el_text(x, "dc:publisher", st->publisher);
	if (m->date)
		xw_el_text(x, "dc:date", m->date);
	opf_meta(x, NULL, "dcterms:modified", m->modified);
	xw_start(x, "meta");
	xw_attr(x, "name", "generator");
	xw_attr(x, "content", "galley " WRITE_EPUB_VERSION);
	xw_end(x);
	if (st->cover) {
		xw_start(x, "meta");
		xw_attr(x, "name", "cover");
		xw_attr(x, "content", "cover-image");
		xw_end(x);
	}
	/* per article, in arrival order: dc:source refined with its title, authors, site... */
	xw_copy(x, &b->meta);
	xw_end(x);

	xw_start(x, "manifest");
	opf_item(x, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
	opf_item(x, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
	opf_item(x, "css", "style.css", "text/css", NULL);
	opf_item(x, "titlepage", "title.xhtml", "application/xhtml+xml", NULL);
	char href[64], id[48];
	if (st->cover) {
		opf_item(x, "cover", "cover.xhtml", "application/xhtml+xml", NULL);
		snprintf(href, sizeof href, "cover.%s", st->cover_ext);
		opf_item(x, "cover-image", href, st->cover_type, "cover-image");
	}
	for (size_t k = 0; k < b->n_img; k++) {
		const char *stem = b->img[k].name + 7; /* after "images/" */
		snprintf(id, sizeof id, "img-%.*s", (int)strcspn(stem, "."), stem);
		opf_item(x, id, b->img[k].name, b->img[k].type, NULL);
	}
	for (size_t k = 0; k < b->n && !x->bad; k++) {
		entry_id(id, sizeof id, spine_at(m, k));
		snprintf(href, sizeof href, "text/%s.xhtml", id);
		opf_item(x, id, href, "application/xhtml+xml", NULL);
	}
	xw_end(x);
	xw_start(x, "spine");
	xw_attr(x, "toc", "ncx");
	if (st->cover)
		opf_itemref(x, "cover");
	opf_itemref(x, "titlepage");
	opf_itemref(x, "nav");
	for (size_t k = 0; k < b->n && !x->bad; k++) {
		entry_id(id, sizeof id, spine_at(m, k));
		opf_itemref(x, id);
	}
}
