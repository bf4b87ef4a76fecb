/* Images for write-epub: recognising them, naming them by content, and finding them inside
 * input archives (tar, zip; any compression libarchive reads).
 *
 * An archive streams one member at a time, and an image may come before or after its page, so
 * a chapter cannot read its image when it is built.  Instead, the first time a chapter refers
 * to a member of some archive, that archive is indexed once: one pass over it reads every
 * member that starts like an image (up to the size limit), checks it and keeps its name,
 * media type and content hash (not its bytes).  Chapters then refer only to images known to be
 * there and valid; when the book ends, each archive its images came from is read once more and
 * the images are copied into the book, checked against the hash taken the first time.
 * Memory: the indexes of the last 8 archives used (about 100 bytes per image member) and one
 * image at a time. */
#ifndef WRITE_EPUB_IMAGES_H
#define WRITE_EPUB_IMAGES_H

#include <galley/galley.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WRITE_EPUB_IMAGE_NAME 48 /* "images/0123456789abcdef01234567.png" */

/* The media type of an image every EPUB reading system must show (JPEG, PNG, GIF), checked a
 * little beyond the magic number (epubcheck reads image headers), or NULL; *ext gets "jpg",
 * "png" or "gif". */
const char *write_epub_image_type(const unsigned char *d, size_t n, const char **ext);
/* "images/<content hash>.<ext>" into name. */
void write_epub_image_name(const unsigned char *d, size_t n, const char *ext, char name[WRITE_EPUB_IMAGE_NAME]);

typedef struct write_epub_archives write_epub_archives;

/* (owned) max_bytes: the largest image taken; stage (borrowed) gets the warnings. */
write_epub_archives *write_epub_archives_new(galley_stage *stage, size_t max_bytes);
void write_epub_archives_free(write_epub_archives *x);
/* Is member of archive file a valid image?  Fills name, *type and *len when it is.  Indexes the
 * archive on first use (a few indexes are kept, the least recently used dropped first).
 * Thread-safe (one lock). */
bool write_epub_archives_find(write_epub_archives *x, const char *file, const char *member,
                              char name[WRITE_EPUB_IMAGE_NAME], const char **type, size_t *len);

/* What a book still has to copy from archives when it ends. */
typedef struct write_epub_pending {
	char *file, *member; /* (owned) member normalised */
	char name[WRITE_EPUB_IMAGE_NAME];
} write_epub_pending;

/* Called for each pending image found, with its bytes (borrowed for the call); returns 0, or
 * -1 with a message in errbuf to stop. */
typedef int (*write_epub_image_sink)(void *ctx, const char *name, const unsigned char *data, size_t len,
                                     char *errbuf, size_t errlen);

/* Read every archive named in p[0..n) once and hand each image to sink, in archive order
 * (archives in order of their first entry in p).  An image that is gone or changed since the
 * index was taken fails: 0 on success, -1 with a message. */
int write_epub_archives_extract(const write_epub_pending *p, size_t n, size_t max_bytes,
                                write_epub_image_sink sink, void *ctx, char *errbuf, size_t errlen);

#endif
