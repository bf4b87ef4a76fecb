/* Body tree -> EPUB XHTML content, for write-epub.
 *
 * The article body (the galley subset, or anything a reader left in it) is copied element by
 * element into a new XHTML tree: only whitelisted elements and attributes, content models made
 * valid (no block inside a paragraph, lists hold list items, tables hold rows, figures one
 * caption), text cleaned to XML-safe UTF-8, links restricted to http/https/mailto (relative
 * ones resolved against the article URL), images replaced by their alt text (a book carries no
 * remote resources), no ids copied (so none can collide). */
#ifndef WRITE_EPUB_XHTML_H
#define WRITE_EPUB_XHTML_H

#include <libxml/tree.h>
#include <stdbool.h>

/* Where an image may come from: given an img@src, return the href the chapter should use for
 * an image the book embeds (owned, free()), or NULL to show the alt text instead. */
typedef char *(*write_epub_image_fn)(void *ctx, const char *src);

/* Copy the children of src_body into dst (an element of an XHTML document whose namespace is
 * ns).  base_url (nullable) resolves relative links; image (nullable) embeds images. */
void write_epub_xhtml_convert(xmlNodePtr src_body, xmlNodePtr dst, xmlNsPtr ns, const char *base_url,
                              write_epub_image_fn image, void *image_ctx);

/* Clean text for XML (owned, free()): valid UTF-8, no control characters, no U+FFFE/U+FFFF;
 * with normalize, white space collapsed and trimmed.  NULL in, NULL out. */
char *write_epub_xhtml_clean(const char *s, bool normalize);

/* A link target safe for an EPUB (owned, free()) or NULL: http(s)/mailto URLs, relative ones
 * resolved against base_url, characters outside URIs percent-encoded. */
char *write_epub_xhtml_href(const char *href, const char *base_url);

/* True when s is a well-formed BCP 47 language tag (syntax only). */
bool write_epub_xhtml_lang_ok(const char *s);

/* Set lang and xml:lang on el when lang is well-formed. */
void write_epub_xhtml_set_lang(xmlNodePtr el, const char *lang);

#endif
