/* galley error object and status codes.
 *
 * Every call that can fail takes a `galley_error *err` (nullable: pass NULL to ignore details)
 * and returns a galley_status.  The core hands a fresh, cleared error to each plugin callback;
 * a callback that fails writes what went wrong with galley_error_set() and returns the same
 * code.  The core then prefixes the message with the input, the article and the stage, so a
 * plugin says only what is wrong and, when it can, what the user should do about it:
 *
 *     galley_error_set(err, GALLEY_ERR_ARTICLE,
 *                      "declared charset '%s' is unknown; pass charset= to override", cs);
 */
#ifndef GALLEY_ERROR_H
#define GALLEY_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include <galley/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Graded results, in the spirit of ARCHIVE_OK / ARCHIVE_WARN / ARCHIVE_FAILED / ARCHIVE_FATAL. */
typedef enum galley_status {
	GALLEY_OK = 0,            /* done; for a transform: keep the article */
	GALLEY_END = 1,           /* a reader (or collection) has no more articles */
	GALLEY_DROP = 2,          /* a transform drops the article on purpose; message = reason */
	GALLEY_ERR_ARTICLE = -1,  /* this article failed; the run goes on with the next one */
	GALLEY_ERR_FATAL = -2     /* the stage cannot go on; the run stops, outputs are discarded */
} galley_status;

typedef struct galley_error {
	galley_status code;  /* GALLEY_OK while nothing is set */
	char message[1024];  /* NUL-terminated, never contains the prefix the core adds */
} galley_error;

/* Clear err (nullable) back to GALLEY_OK with an empty message. */
GALLEY_API void galley_error_clear(galley_error *err);

/* Set code and a printf-style message on err (nullable).  Returns code, so a callback can
 * `return galley_error_set(err, GALLEY_ERR_ARTICLE, "...")`.  A message longer than the
 * buffer is cut with "...". */
GALLEY_API galley_status galley_error_set(galley_error *err, galley_status code, const char *fmt, ...)
	GALLEY_PRINTF(3, 4);
GALLEY_API galley_status galley_error_setv(galley_error *err, galley_status code, const char *fmt,
                                           va_list ap) GALLEY_PRINTF(3, 0);

/* Put "prefix: " in front of the message already in err (nullable); used to add context as an
 * error travels up ("member a.html: ..."). */
GALLEY_API void galley_error_prefix(galley_error *err, const char *fmt, ...) GALLEY_PRINTF(2, 3);

/* A short word for a status ("ok", "end", "dropped", "article failed", "fatal"). (borrowed, static) */
GALLEY_API const char *galley_status_name(galley_status code);

#ifdef __cplusplus
}
#endif
#endif
