/* Text helpers shared by the core and plugins: UTF-8, white space, hashing, a growable buffer,
 * and the data files (tunable vocabularies) that plugins read. */
#ifndef GALLEY_TEXT_H
#define GALLEY_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <galley/version.h>
#include <galley/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- growable string buffer ---------------------------------------------------------------
 * A zero-initialised galley_buf is an empty buffer.  data is NUL-terminated whenever len > 0
 * or after any append.  Allocation failure aborts the process with a message (galley treats
 * out-of-memory as unrecoverable, like GLib). */
typedef struct galley_buf {
	char *data;  /* (owned by the buffer) */
	size_t len;
	size_t cap;
} galley_buf;

GALLEY_API void galley_buf_append(galley_buf *b, const char *s, size_t n);
GALLEY_API void galley_buf_puts(galley_buf *b, const char *s);
GALLEY_API void galley_buf_putc(galley_buf *b, char c);
GALLEY_API void galley_buf_printf(galley_buf *b, const char *fmt, ...) GALLEY_PRINTF(2, 3);
/* Append code point cp as UTF-8 (values above U+10FFFF and surrogates become U+FFFD). */
GALLEY_API void galley_buf_put_utf8(galley_buf *b, uint32_t cp);
GALLEY_API void galley_buf_reset(galley_buf *b);          /* len = 0, keeps memory */
GALLEY_API void galley_buf_free(galley_buf *b);           /* frees memory, back to zero */
/* Hand the contents to the caller (owned, free()); the buffer is empty afterwards.  Never NULL. */
GALLEY_API char *galley_buf_steal(galley_buf *b);

/* ---- memory ----------------------------------------------------------------------------- */
/* malloc/calloc/realloc/strdup that abort with a message instead of returning NULL.  Free the
 * results with free(). */
GALLEY_API void *galley_malloc(size_t n);
GALLEY_API void *galley_calloc(size_t n, size_t size);
GALLEY_API void *galley_realloc(void *p, size_t n);
GALLEY_API char *galley_strdup(const char *s);          /* NULL in, NULL out */
GALLEY_API char *galley_strndup(const char *s, size_t n);

/* ---- UTF-8 ------------------------------------------------------------------------------ */
/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
GALLEY_API bool galley_utf8_valid(const char *s, size_t len);

/* Copy s[0..len) as clean UTF-8 text (owned, free()): invalid sequences become U+FFFD,
 * C0 controls other than TAB, LF and CR, DEL and NUL bytes are removed, and C1 controls
 * (U+0080..U+009F) become the windows-1252 characters they stand for in scraped text, as HTML5
 * maps &#150; to an en dash (the five undefined ones are removed).  U+FFFE/U+FFFF are removed.
 * The result is safe to put in XML 1.0 and JSON. */
GALLEY_API char *galley_utf8_clean(const char *s, size_t len);
/* True when s[0..len) is already what galley_utf8_clean makes of it: well-formed UTF-8 without
 * NUL, C0 controls other than TAB, LF and CR, DEL, C1 controls or U+FFFE/U+FFFF.  A check
 * without a copy, for text that is clean as a rule. */
GALLEY_API bool galley_utf8_is_clean(const char *s, size_t len);
/* s[0..len) in the encoding iconv calls `from`, converted to UTF-8 (owned, free(); NUL-terminated,
 * its length in *out_len).  An invalid or truncated sequence becomes U+FFFD and the conversion
 * goes on one byte later.  NULL when iconv cannot convert from that encoding. */
GALLEY_API char *galley_utf8_convert(const void *s, size_t len, const char *from, size_t *out_len);

/* Decode one code point at *p (advancing *p); invalid bytes yield U+FFFD and advance by one. */
GALLEY_API uint32_t galley_utf8_next(const char **p, const char *end);
/* Number of code points in s[0..len). */
GALLEY_API size_t galley_utf8_length(const char *s, size_t len);

/* ---- white space ------------------------------------------------------------------------ */
/* Collapse every run of white space (ASCII space, TAB, CR, LF, FF, VT, U+00A0 NBSP and the
 * Unicode spaces U+2000..U+200A, U+202F, U+205F, U+3000) into one ASCII space and trim both
 * ends.  Returns a new string (owned, free()). */
GALLEY_API char *galley_ws_normalize(const char *s);
/* The same, appended to b. */
GALLEY_API void galley_ws_normalize_into(galley_buf *b, const char *s, size_t len);

/* ---- hashing ---------------------------------------------------------------------------- */
/* A 64-bit hash (FNV-1a) of bytes; stable across platforms and versions: ids depend on it. */
GALLEY_API uint64_t galley_hash64(const void *data, size_t len, uint64_t seed);
#define GALLEY_HASH_SEED 0xcbf29ce484222325ULL

/* ---- data files --------------------------------------------------------------------------
 * Tunable vocabularies live in data files, not in code.  galley looks for `relpath` in, in
 * order: every directory of GALLEY_DATA_PATH (colon-separated), the source tree's data/
 * directory when running from a build directory, then the installed data directory
 * (PREFIX/share/galley).  Returns the full path (owned, free()) or NULL when not found. */
GALLEY_API char *galley_data_find(const char *relpath);

/* A list of lines read from a data file: one entry per non-empty line, surrounding white space
 * trimmed, lines starting with '#' skipped.  Entries are in file order. */
typedef struct galley_wordlist {
	char **items;  /* (owned by the list) */
	size_t n;
} galley_wordlist;

/* Load data file relpath (found with galley_data_find) into *out.  On failure returns
 * GALLEY_ERR_FATAL with a message naming the file and every place that was searched. */
GALLEY_API int galley_wordlist_load(const char *relpath, galley_wordlist *out, galley_error *err);
GALLEY_API void galley_wordlist_free(galley_wordlist *w);

#ifdef __cplusplus
}
#endif
#endif
