/* write-epub's state and the functions its files share.  Private to the plugin. */
#ifndef WRITE_EPUB_PRIVATE_H
#define WRITE_EPUB_PRIVATE_H

#include <galley/galley.h>

#include <stdbool.h>
#include <stdint.h>

#include "epub_images.h"
#include "epub_xw.h"
#include "epub_zip.h"

#define WRITE_EPUB_VERSION "0.1.0"

enum { GROUP_NONE, GROUP_SOURCE, GROUP_DATE, GROUP_TAG };

/* ---- state -------------------------------------------------------------------------------- */
/* What a book keeps of each article until it ends: its table of contents entry.  The article's
 * metadata for the package document is written to a temporary file when it arrives. */
enum { ENTRY_TITLE, ENTRY_BY, ENTRY_GROUP, ENTRY_LANG, ENTRY_SRC, ENTRY_PARTS };
typedef struct write_epub_entry {
	/* "title\0by\0group\0lang\0src\0", each cleaned, "" when absent: the title, the byline
	 * shown in the contents (authors, else the site), the group label (group_by), the
	 * language (BCP 47), the source named in the default title (first credit, else the site) */
	char *s;
	int64_t epoch;    /* publication time, when has_epoch */
	bool has_epoch;
} write_epub_entry;

typedef struct write_epub_image {
	char name[WRITE_EPUB_IMAGE_NAME]; /* "images/0123456789abcdef01234567.png" */
	const char *type;  /* media type (static) */
	unsigned char *data; /* a file's bytes, or NULL: an archive member, copied when the book ends */
	size_t len;
	char *file, *member; /* the archive and member, when data is NULL */
} write_epub_image;

typedef struct write_epub_book {
	galley_output *out;
	write_epub_image *img; /* images in this book (data NULL: only name and type kept) */
	size_t n_img;
	write_epub_pending *pend; /* images to copy from input archives when the book ends */
	size_t n_pend;
	uint64_t img_bytes; /* bytes of the images in this book */
	write_epub_zip *zip;
	write_epub_entry *e;
	size_t n, cap;
	xw meta; /* package.opf metadata of each article (dc:source and refinements), a fragment */
	uint64_t h1, h2; /* content hashes for the default identifier */
} write_epub_book;

typedef struct write_epub_state {
	galley_stage *stage;
	const char *output, *title, *creator, *language, *publisher, *date, *identifier;
	int group_by;
	int64_t split;
	bool embed_images;
	write_epub_archives *archives; /* images inside input archives, indexed on first use */
	galley_wordlist labels; /* data/write-epub/labels.tsv lines: "lang<TAB>key<TAB>text" */
	char *css;
	size_t css_len;
	unsigned char *cover;
	size_t cover_len;
	const char *cover_ext, *cover_type;
	bool have_sde;
	int64_t sde; /* SOURCE_DATE_EPOCH */
	write_epub_book *book;
	galley_output **done;
	size_t n_done;
	size_t n_books, total;
} write_epub_state;

typedef struct write_epub_chapter {
	char *xhtml;
	size_t len;
	write_epub_image *img; /* images this chapter uses */
	size_t n_img;
} write_epub_chapter;

/* The book's metadata, decided when it ends. */
typedef struct book_meta {
	char *title, *language, *identifier, *date, *modified;
	size_t *order; /* spine order of the entries with group_by, else NULL: arrival order */
	const char **group_names;
	size_t *group_start, n_groups; /* group g spans order[group_start[g] .. group_start[g+1]) */
} book_meta;

/* write_epub.c */
/* A word of the book's language (data/write-epub/labels.tsv), else English; static. */
const char *label(const write_epub_state *st, const char *lang, const char *key);
/* Part k of an entry (ENTRY_TITLE...), NULL when absent; borrowed from e. */
const char *entry_get(const write_epub_entry *e, int k);
/* The manifest id and file stem of the i-th article of a book (from 0): "a0001". */
void entry_id(char *buf, size_t len, size_t i);
/* The k-th article of the spine. */
size_t spine_at(const book_meta *m, size_t k);
/* A <meta> of the package document, refining `refines` when not NULL. */
void opf_meta(xw *x, const char *refines, const char *property, const char *value);

/* epub_package.c: the navigation document, toc.ncx and package.opf, streamed on x */
void write_epub_nav(xw *x, const write_epub_state *st, write_epub_book *b, const book_meta *m);
void write_epub_ncx(xw *x, const write_epub_state *st, write_epub_book *b, const book_meta *m);
void write_epub_opf(xw *x, write_epub_state *st, write_epub_book *b, const book_meta *m);

#endif
