/* Inputs and outputs shared by all plugins: collections (what readers read) and atomic output
 * files (what writers write). */
#ifndef GALLEY_IO_H
#define GALLEY_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <galley/version.h>
#include <galley/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- collections ------------------------------------------------------------------------------
 * A collection is everything an `input=` option can name, streamed one entry at a time without
 * unpacking anything to disk:
 *   - a file; a directory (walked recursively, entries in byte-wise sorted order); a glob
 *     such as "page-*.html" (with * ? []); "@list.txt" (one input per line, '#' comments); "-" (standard input);
 *     several of these separated by commas;
 *   - single-file .gz, .xz, .zst, .bz2 (decompressed on the fly);
 *   - tar (plain, gzip, xz, zstd, bzip2) and zip archives (members in archive order);
 *   - WARC files (.warc, .warc.gz): `response` records, whose HTTP headers are parsed for
 *     status, Content-Type and charset, and `resource` records, typed by the record's own
 *     Content-Type.  request, metadata, warcinfo and revisit records are passed over; responses
 *     that are not 200 or whose Content-Type is not one the reader accepts are skipped with a
 *     counted reason (galley_collection_skip_reason), as are archive members whose name has no
 *     accepted ending.  Damage is reported and reading resumes where it can (docs/readers.md).
 * Inside directories and archives, only entries whose name ends with one of the accepted
 * extensions are returned; a file named explicitly is always returned. */

typedef struct galley_collection galley_collection;

typedef struct galley_collection_options {
	/* Accepted name endings, lower case with the dot (".html"); NULL-terminated; NULL: all. */
	const char *const *extensions;
	/* Accepted media types for WARC records ("text/html"); NULL-terminated; NULL: all. */
	const char *const *media_types;
	/* Largest entry read into memory, in bytes; 0 means the default (64 MiB).  A larger entry
	 * is reported as an error for that entry and the collection goes on. */
	size_t max_entry_bytes;
	/* Decompression bounds, for every compressed input and compressed member: the
	 * decompressed bytes may reach max_ratio times the compressed bytes read (the first MiB is
	 * always allowed), and max_expanded_bytes per input in all.  0: the defaults (200, 64 GiB).
	 * An input that goes past either is reported as an error naming the limit. */
	double max_ratio;
	uint64_t max_expanded_bytes;
} galley_collection_options;

typedef struct galley_entry {
	unsigned char *data;       /* (owned by the caller, free()) the entry's bytes; never NULL */
	size_t len;
	/* The strings below are (borrowed), valid until the next galley_collection_next call. */
	const char *file;          /* the input file ("-" for standard input) */
	const char *member;        /* (nullable) archive member path */
	int64_t offset;            /* WARC record offset in the (decompressed) file, or -1 */
	const char *url;           /* (nullable) WARC-Target-URI */
	const char *date;          /* (nullable) WARC-Date */
	const char *record_id;     /* (nullable) WARC-Record-ID, verbatim ("<urn:uuid:...>") */
	const char *content_type;  /* (nullable) media type from HTTP, lower case, no parameters */
	const char *charset;       /* (nullable) charset parameter from HTTP Content-Type */
	int status;                /* HTTP status from the WARC record, 0 otherwise */
} galley_entry;

/* Parse a user's comma-separated list of name endings ("html, htm" or ".html,.htm") into the
 * NULL-terminated, lower-case, dotted array galley_collection_options.extensions wants
 * (owned: galley_strv_free).  An empty list gives an empty array (which accepts nothing). */
GALLEY_API char **galley_extensions_parse(const char *list);
/* base (a '/'-separated directory inside a collection or archive, "" or NULL for the top, no
 * trailing slash) joined with the relative path rel, "." and ".." resolved lexically (owned,
 * free()), or NULL when ".." climbs above the top or the result names no file (empty, or ends
 * in "." or "..").  Used to resolve a page's relative links against its archive member. */
GALLEY_API char *galley_path_resolve(const char *base, const char *rel);
/* Free a NULL-terminated array of strings and the strings (NULL is fine). */
GALLEY_API void galley_strv_free(char **v);

/* Open spec (see above).  Returns NULL and sets err when spec names nothing that exists or an
 * @list cannot be read; problems with single entries are reported by galley_collection_next. */
GALLEY_API galley_collection *galley_collection_open(const char *spec, const galley_collection_options *opts,
                                                     galley_error *err);
/* Next entry into *out.  Returns GALLEY_OK (entry filled: free out->data), GALLEY_END, or
 * GALLEY_ERR_ARTICLE (this entry or file is unreadable — truncated archive, too large, I/O
 * error: message set, *out->file set when known; call again to go on with the next entry). */
GALLEY_API int galley_collection_next(galley_collection *c, galley_entry *out, galley_error *err);
/* Entries skipped so far with a reason ("WARC record status 404"), for the summary. */
GALLEY_API size_t galley_collection_n_skip_reasons(const galley_collection *c);
GALLEY_API const char *galley_collection_skip_reason(const galley_collection *c, size_t i, size_t *count);
GALLEY_API void galley_collection_close(galley_collection *c);  /* NULL is fine */

/* ---- atomic outputs ----------------------------------------------------------------------------
 * galley_output_open creates a temporary file beside path; galley_output_commit flushes, syncs and
 * renames it over path; galley_output_abort (or exit, or a signal the core handles) removes it.
 * An existing file at path is never touched until the commit.  path "-" writes to standard output
 * (no atomicity possible; commit flushes).  Missing parent directories are created. */
typedef struct galley_output galley_output;

GALLEY_API galley_output *galley_output_open(const char *path, galley_error *err);
/* The stdio stream to write to (borrowed; do not fclose). */
GALLEY_API FILE *galley_output_file(galley_output *o);
/* The final path (borrowed). */
GALLEY_API const char *galley_output_path(const galley_output *o);
/* Finish writing o without committing it: flush, sync and close the stream (it must not be used
 * again), releasing its file descriptor; the file waits for galley_output_commit or _abort.  A
 * writer with many finished files (write-epub's split=) closes each as soon as it is complete.
 * On failure err is set and the later commit fails too. */
GALLEY_API int galley_output_close(galley_output *o, galley_error *err);
/* Commit and free o.  On failure the temporary file is removed, the old file kept, err set.
 * During a pipeline run the rename itself waits until every writer has committed (two-phase
 * commit): a run that stops after one writer finished still leaves every existing file alone. */
GALLEY_API int galley_output_commit(galley_output *o, galley_error *err);
/* Discard and free o (NULL is fine). */
GALLEY_API void galley_output_abort(galley_output *o);

/* Read a whole file into memory (owned, free(); NUL-terminated for convenience, *len excludes
 * the NUL).  "-" reads standard input. */
GALLEY_API int galley_read_file(const char *path, unsigned char **data, size_t *len, size_t max_bytes,
                                galley_error *err);

#ifdef __cplusplus
}
#endif
#endif
