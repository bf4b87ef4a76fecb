/* write-epub: XML streamed to a temporary file (epub_xw.h). */
#include "epub_xw.h"

#include <galley/galley.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "epub_xhtml.h"

/* A temporary file in TMPDIR (else /tmp), already unlinked: it goes away when closed. */
static FILE *write_epub_tmpfile(void)
{
	const char *dir = getenv("TMPDIR");
	galley_buf p = {0};
	galley_buf_printf(&p, "%s/galley-epub-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(p.data);
	if (fd >= 0)
		unlink(p.data);
	galley_buf_free(&p);
	FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (!f && fd >= 0)
		close(fd);
	return f;
}

/* Open a writer on a new temporary file; with document, start with the XML declaration. */
bool xw_open(xw *x, bool document)
{
	*x = (xw){0};
	x->f = write_epub_tmpfile();
	xmlOutputBufferPtr o = x->f ? xmlOutputBufferCreateFile(x->f, NULL) : NULL;
	x->w = o ? xmlNewTextWriter(o) : NULL;
	if (!x->w) {
		if (o)
			xmlOutputBufferClose(o);
		if (x->f)
			fclose(x->f);
		*x = (xw){.bad = true};
		return false;
	}
	if (document && xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
		x->bad = true;
	return !x->bad;
}

void xw_close(xw *x)
{
	if (x->w)
		xmlFreeTextWriter(x->w); /* flushes; the FILE stays open */
	if (x->f)
		fclose(x->f);
	*x = (xw){0};
}

void xw_start(xw *x, const char *name)
{
	if (!x->bad && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->bad = true;
}

void xw_end(xw *x)
{
	if (!x->bad && xmlTextWriterEndElement(x->w) < 0)
		x->bad = true;
}

/* An attribute whose value the plugin made (ids, hrefs, media types): escaped, not cleaned. */
void xw_attr(xw *x, const char *name, const char *value)
{
	if (!x->bad && xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST(value ? value : "")) < 0)
		x->bad = true;
}

/* An attribute from the articles or the options: cleaned to XML-safe UTF-8, escaped. */
void xw_attr_clean(xw *x, const char *name, const char *value)
{
	char *t = write_epub_xhtml_clean(value, true);
	xw_attr(x, name, t);
	free(t);
}

void xw_text(xw *x, const char *text)
{
	if (x->bad || !text || !*text)
		return;
	char *t = write_epub_xhtml_clean(text, true);
	if (t && *t && xmlTextWriterWriteString(x->w, BAD_CAST t) < 0)
		x->bad = true;
	free(t);
}

/* <name>text</name>, or <name/> without text. */
void xw_el_text(xw *x, const char *name, const char *text)
{
	xw_start(x, name);
	xw_text(x, text);
	xw_end(x);
}

void xw_raw(xw *x, const char *s, size_t len)
{
	if (!x->bad && len && xmlTextWriterWriteRawLen(x->w, BAD_CAST s, (int)len) < 0)
		x->bad = true;
}

/* Copy what another writer wrote (a fragment) into this one, in chunks. */
void xw_copy(xw *x, xw *from)
{
	if (from->bad || !from->w || xmlTextWriterFlush(from->w) < 0 || fflush(from->f) != 0 || ferror(from->f) ||
	    fseek(from->f, 0, SEEK_SET) != 0)
		x->bad = true;
	char buf[16384];
	size_t n;
	while (!x->bad && (n = fread(buf, 1, sizeof buf, from->f)) > 0)
		xw_raw(x, buf, n);
	if (ferror(from->f))
		x->bad = true;
}

/* Start an XHTML document on x: doctype, html (namespaces, lang), head, body (left open). */
void xw_xhtml_start(xw *x, const char *lang, const char *title, const char *css_href)
{
	xw_raw(x, "<!DOCTYPE html>\n", 16);
	xw_start(x, "html");
	xw_attr(x, "xmlns", XHTML_NS);
	xw_attr(x, "xmlns:epub", OPS_NS);
	if (write_epub_xhtml_lang_ok(lang)) {
		xw_attr(x, "lang", lang);
		xw_attr(x, "xml:lang", lang);
	}
	xw_start(x, "head");
	xw_start(x, "meta");
	xw_attr(x, "charset", "utf-8");
	xw_end(x);
	xw_el_text(x, "title", title && *title ? title : "Untitled");
	if (css_href) {
		xw_start(x, "link");
		xw_attr(x, "rel", "stylesheet");
		xw_attr(x, "type", "text/css");
		xw_attr(x, "href", css_href);
		xw_end(x);
	}
	xw_end(x);
	xw_start(x, "body");
}
