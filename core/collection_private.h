/* Private to the collection reader (core/collection*.c): its state and the few functions its
 * files share.  Not installed; nothing outside core/ includes it. */
#ifndef GALLEY_COLLECTION_PRIVATE_H
#define GALLEY_COLLECTION_PRIVATE_H

#include "internal.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEFAULT_MAX_ENTRY ((size_t)64 << 20)
/* Decompression bounds (docs/collections.md): an input may expand to DEFAULT_MAX_RATIO times
 * the compressed bytes read so far (the first RATIO_FLOOR bytes are always allowed: headers
 * make small files look dense), and to DEFAULT_MAX_EXPANDED bytes in all. */
#define DEFAULT_MAX_RATIO 200.0
#define DEFAULT_MAX_EXPANDED ((uint64_t)64 << 30)
#define RATIO_FLOOR ((uint64_t)1 << 20)
static const char arc_refusal[] =
	"an ARC file (the Internet Archive's format before WARC), which galley does not read: convert it to WARC first";
/* The start of an input looked at to tell what it is. */
#define SNIFF_HEAD 4096
#define MAX_LIST_DEPTH 8
#define MAX_DIR_DEPTH 64
#define WARC_MAX_LINE ((size_t)1 << 16)
#define READ_CHUNK ((size_t)1 << 16)

typedef struct coll_source {
	char *path;      /* "-" for standard input */
	bool explicit_;  /* named by the user (or matched by a glob): always returned */
	char *problem;   /* (nullable) reported by next() instead of reading */
	uint64_t size;   /* bytes on disk, for the progress line (0 when not counted) */
} coll_source;

typedef struct skip_reason {
	char *reason;
	size_t count;
} skip_reason;

typedef enum coll_mode {
	MODE_NONE = 0,
	MODE_ARCHIVE, /* tar or zip members */
	MODE_RAW,     /* one decompressed stream: a single page */
	MODE_WARC,    /* one decompressed stream of WARC records */
	MODE_DONE     /* finished or broken: the next call closes it */
} coll_mode;

struct galley_collection {
	char **exts;   /* NULL: all */
	char **media;  /* NULL: all */
	size_t max;
	double max_ratio;
	uint64_t max_expanded;

	coll_source *srcs;
	size_t n_srcs, cap_srcs, next_src;

	/* the source being read */
	coll_mode mode;
	arc_source *src;   /* what c->ar reads from */
	uint64_t expanded; /* decompressed bytes of the current source */
	const unsigned char *mem_in; /* non-NULL while decompressing a buffer (mem_in_len bytes) */
	size_t mem_in_len;
	uint64_t mem_expanded;
	size_t damage_reported; /* gzip damages already reported for this source */
	struct archive *ar;
	struct archive_entry *pending; /* a member header read but not yet returned */
	char *pending_name;            /* (owned) its name, UTF-8 */
	int pending_status;            /* its galley_archive_next_header status */
	size_t n_members;              /* members returned from the current archive */
	coll_source *cur;
	unsigned char *head; /* bytes already read from a raw stream before we knew its kind */
	size_t head_len;

	/* WARC stream buffer */
	unsigned char *buf;
	size_t buf_len, buf_pos, buf_cap;
	int64_t buf_base; /* stream offset of buf[0] */
	bool eof;

	/* strings the current entry borrows */
	char *e_member, *e_url, *e_date, *e_ctype, *e_charset, *e_record_id;

	skip_reason *skips;
	size_t n_skips;

	/* input bytes for the progress line, counted only while progress is on */
	bool counting;
	uint64_t bytes_before; /* bytes of the sources before the current one */
};

/* ---- small helpers --------------------------------------------------------------------- */

/* collection.c */
/* Counts one skipped entry under `reason` (a static string) for the summary. */
void coll_count_skip(galley_collection *c, const char *reason);
/* Frees the strings the last entry borrowed from the collection. */
void coll_clear_entry_strings(galley_collection *c);
/* Reads up to n decompressed bytes of the current source; libarchive's conventions. */
la_ssize_t coll_ar_read(galley_collection *c, void *dst, size_t n);
/* libarchive's message for `a`, never NULL or "unknown error". Borrowed from `a`. */
const char *coll_ar_msg(struct archive *a);
/* A note on gzip damage seen in the current source, written into buf (returned). */
const char *coll_damage_note(galley_collection *c, char *buf, size_t cap);
/* Reports gzip damage not yet reported for the current source as a warning in err. */
int coll_report_new_damage(galley_collection *c, galley_error *err);
/* Decompresses a whole buffer (a compressed archive member or record); *out is the
 * caller's to free. */
int coll_decompress_memory(galley_collection *c, const unsigned char *in, size_t in_len, unsigned char **out,
                           size_t *out_len, galley_error *err);

/* collection_warc.c */
/* The next record of a WARC stream that holds a page, as an entry. */
int coll_next_warc_record(galley_collection *c, galley_entry *out, galley_error *err);

#endif
