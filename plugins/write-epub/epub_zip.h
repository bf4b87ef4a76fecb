/* The EPUB container (OCF zip) for write-epub, streamed to a FILE.
 *
 * libarchive does the deflating, CRCs and the central directory; a small filter between
 * libarchive and the file rewrites each entry so the container is exactly what OCF readers
 * and epubcheck expect, whatever the libarchive version:
 *   - the `mimetype` entry is written by the filter itself, first, stored, without an extra
 *     field (libarchive 3.6 always adds UT/ux extra fields, which OCF forbids there: PKG-005);
 *   - every other entry loses its extra fields and data descriptor (CRC and sizes go into the
 *     local header), and gets the fixed DOS time 1980-01-01 00:00, so the bytes are the same in
 *     every time zone and with every libarchive release;
 *   - the central directory and end record are rewritten with the shifted offsets.
 * Only one entry is buffered at a time, and its bytes past 256 KiB go to an unlinked temporary
 * file (TMPDIR, else /tmp); the central directory is rewritten header by header as libarchive
 * writes it. */
#ifndef WRITE_EPUB_ZIP_H
#define WRITE_EPUB_ZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct write_epub_zip write_epub_zip;

/* Start a container on out (borrowed) and write the mimetype entry.  NULL on failure with a
 * message in errbuf. */
write_epub_zip *write_epub_zip_open(FILE *out, char *errbuf, size_t errlen);
/* Add one entry (deflated unless store).  0 on success, -1 with a message. */
int write_epub_zip_add(write_epub_zip *z, const char *name, const void *data, size_t len, bool store,
                       char *errbuf, size_t errlen);
/* Add one entry with the whole content of f (a temporary file, read from its start in chunks):
 * memory holds the compressed entry only, never the text.  0 on success, -1 with a message. */
int write_epub_zip_add_file(write_epub_zip *z, const char *name, FILE *f, bool store, char *errbuf,
                            size_t errlen);
/* Write the central directory and end record, flush.  0 on success, -1 with a message.  The
 * FILE stays open. */
int write_epub_zip_close(write_epub_zip *z, char *errbuf, size_t errlen);
/* Free (after close, or to abandon a container). */
void write_epub_zip_free(write_epub_zip *z);

#endif
