/* Reading archives with libarchive the same way in the core and in plugins: member names in
 * UTF-8 whatever the process locale, and every libarchive warning handled explicitly. */
#ifndef GALLEY_ARCHIVE_IO_H
#define GALLEY_ARCHIVE_IO_H

#include <galley/version.h>

#ifdef __cplusplus
extern "C" {
#endif

struct archive;
struct archive_entry;

/* archive_read_next_header() with the member's name in *name (owned, free()).
 *
 * galley never sets the process locale, and in the C locale libarchive cannot convert a name
 * flagged as UTF-8 (zip) or stored as UTF-8 (pax): the header comes back as ARCHIVE_WARN with
 * no name at all.  This reads the header with a UTF-8 locale for the calling thread only, takes
 * archive_entry_pathname_utf8() and falls back to the name's raw bytes (an old zip's code-page
 * names).  The warning is absorbed when a name was found.
 *
 * Returns ARCHIVE_OK (header read, *name set, never NULL), ARCHIVE_EOF, ARCHIVE_FAILED (this
 * member cannot be read — its name is unreadable or libarchive refused its header; *name is the
 * name when known, else NULL; the next call goes on with the next member) or ARCHIVE_FATAL
 * (the archive cannot go on; *name NULL). */
GALLEY_API int galley_archive_next_header(struct archive *a, struct archive_entry **e, char **name);

#ifdef __cplusplus
}
#endif
#endif
