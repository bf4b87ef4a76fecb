/* write-epub: XML streamed to a temporary file.
 * The table of contents, toc.ncx and package.opf grow with the book: they are written with
 * libxml2's xmlTextWriter into a temporary file and copied into the zip in chunks, never built
 * as trees.  Errors are sticky: the first one marks the writer bad and the rest are skipped. */
#ifndef WRITE_EPUB_XW_H
#define WRITE_EPUB_XW_H

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define OPS_NS "http://www.idpf.org/2007/ops"

typedef struct xw {
	FILE *f;
	xmlTextWriterPtr w;
	bool bad;
} xw;

bool xw_open(xw *x, bool document);
void xw_close(xw *x);
void xw_start(xw *x, const char *name);
void xw_end(xw *x);
void xw_attr(xw *x, const char *name, const char *value);
void xw_attr_clean(xw *x, const char *name, const char *value);
void xw_text(xw *x, const char *text);
void xw_el_text(xw *x, const char *name, const char *text);
void xw_raw(xw *x, const char *s, size_t len);
void xw_copy(xw *x, xw *from);
void xw_xhtml_start(xw *x, const char *lang, const char *title, const char *css_href);

#endif
