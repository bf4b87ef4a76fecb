/* What an input is, from its first bytes, and the libarchive handles the collection reads
 * through: one explicit decompression filter (never libarchive's filter bidding, which stacks
 * a filter per layer of a file that decompresses to itself), and a read callback that stops
 * when the run is asked to stop. */
#include "internal.h"

#include <archive.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SOURCE_BLOCK ((size_t)1 << 16)
/* How much of the start the binary test looks at. */
#define BINARY_SNIFF_BYTES 4096

typedef struct magic {
	size_t off;
	const char *bytes;
	size_t len;
	const char *name;
} magic;

/* Formats galley does not open, refused by name rather than read as mojibake. */
static const magic unsupported[] = {
	{0, "LZIP", 4, "lzip-compressed data"},
	{0, "\x5d\x00\x00", 3, "lzma-compressed data"},
	{0, "\x1f\x9d", 2, "compress (.Z) data"},
	{0, "\x1f\xa0", 2, "compress (.Z, LZH) data"},
	{0, "\x04\x22\x4d\x18", 4, "lz4-compressed data"},
	{0, "\x89LZO\x00\r\n\x1a\n", 9, "lzop-compressed data"},
	{0, "Rar!\x1a\x07", 6, "a RAR archive"},
	{0, "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive"},
	{0, "xar!", 4, "a xar archive"},
	{0, "MSCF", 4, "a cabinet archive"},
	{0, "!<arch>\n", 8, "an ar archive (or .deb package)"},
	{0, "070707", 6, "a cpio archive"},
	{0, "070701", 6, "a cpio archive"},
	{0, "070702", 6, "a cpio archive"},
	{0, "\xc7\x71", 2, "a cpio archive"},
	{0, "\x71\xc7", 2, "a cpio archive"},
	{0, "\xed\xab\xee\xdb", 4, "an RPM package"},
	{0, "\x60\xea", 2, "an ARJ archive"},
	{2, "-lh", 3, "an LHA archive"},
	{0, "MSWIM\0\0\0", 8, "a Windows imaging (WIM) archive"},
	{0, "%PDF-", 5, "a PDF document"},
	{0, "\x89PNG\r\n\x1a\n", 8, "a PNG image"},
	{0, "\xff\xd8\xff", 3, "a JPEG image"},
	{0, "GIF87a", 6, "a GIF image"},
	{0, "GIF89a", 6, "a GIF image"},
	{0, "\x7f" "ELF", 4, "an executable"},
	{32769, "CD001", 5, "an ISO 9660 image"},
};

static bool at(const unsigned char *p, size_t n, size_t off, const char *bytes, size_t len)
{
	return n >= off + len && !memcmp(p + off, bytes, len);
}

static bool mostly_control(const unsigned char *p, size_t n)
{
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
		return false; /* UTF-16 with its byte order mark: text with many NUL bytes */
	if (n > BINARY_SNIFF_BYTES)
		n = BINARY_SNIFF_BYTES;
	size_t ctl = 0;
	for (size_t i = 0; i < n; i++)
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f' && p[i] != 0x1b) ||
		    p[i] == 0x7f)
			ctl++;
	return n && ctl * 100 > n * BINARY_CONTROL_PERCENT;
}

sniff_kind galley_sniff(const unsigned char *p, size_t n, int *filter, const char **name)
{
	*filter = ARCHIVE_FILTER_NONE;
	*name = NULL;
	if (at(p, n, 0, "\x1f\x8b", 2))
		*filter = ARCHIVE_FILTER_GZIP;
	else if (at(p, n, 0, "\xfd" "7zXZ\0", 6))
		*filter = ARCHIVE_FILTER_XZ;
	else if (at(p, n, 0, "\x28\xb5\x2f\xfd", 4))
		*filter = ARCHIVE_FILTER_ZSTD;
	else if (at(p, n, 0, "BZh", 3) && n >= 4 && p[3] >= '1' && p[3] <= '9')
		*filter = ARCHIVE_FILTER_BZIP2;
	if (*filter != ARCHIVE_FILTER_NONE)
		return SNIFF_COMPRESSED;
	if (at(p, n, 0, "PK\3\4", 4) || at(p, n, 0, "PK\5\6", 4) || at(p, n, 0, "PK\7\x08", 4) || at(p, n, 257, "ustar", 5))
		return SNIFF_ARCHIVE;
	if (at(p, n, 0, "WARC/", 5))
		return SNIFF_WARC;
	if (at(p, n, 0, "filedesc://", 11))
		return SNIFF_ARC;
	for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++)
		if (at(p, n, unsupported[i].off, unsupported[i].bytes, unsupported[i].len)) {
			*name = unsupported[i].name;
			return SNIFF_UNSUPPORTED;
		}
	if (mostly_control(p, n))
		return SNIFF_BINARY;
	return SNIFF_PLAIN;
}

struct arc_source {
	int fd;
	bool seekable;
	unsigned char *head; /* replayed before reading fd (non-seekable inputs) */
	size_t head_len, head_pos;
	unsigned char block[SOURCE_BLOCK];
	uint64_t consumed;
	char problem[160]; /* why the last read failed, "" when none */
};

arc_source *arc_source_new(int fd, const unsigned char *head, size_t head_len)
{
	arc_source *s = galley_calloc(1, sizeof *s);
	s->fd = fd;
	struct stat st;
	s->seekable = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && lseek(fd, 0, SEEK_SET) == 0;
	if (!s->seekable && head_len) {
		s->head = galley_malloc(head_len);
		memcpy(s->head, head, head_len);
		s->head_len = head_len;
	}
	return s;
}

static la_ssize_t source_read(struct archive *a, void *data, const void **buf)
{
	arc_source *s = data;
	if (galley_stop_is_requested()) {
		snprintf(s->problem, sizeof s->problem, "stopped: the run was interrupted");
		archive_set_error(a, EINTR, "%s", s->problem);
		return -1;
	}
	if (s->head_pos < s->head_len) {
		*buf = s->head + s->head_pos;
		size_t n = s->head_len - s->head_pos;
		s->head_pos = s->head_len;
		s->consumed += n;
		return (la_ssize_t)n;
	}
	for (;;) {
		ssize_t r = read(s->fd, s->block, sizeof s->block);
		if (r < 0 && errno == EINTR) {
			if (galley_stop_is_requested()) {
				snprintf(s->problem, sizeof s->problem, "stopped: the run was interrupted");
				archive_set_error(a, EINTR, "%s", s->problem);
				return -1;
			}
			continue;
		}
		if (r < 0) {
			snprintf(s->problem, sizeof s->problem, "read error: %s", strerror(errno));
			archive_set_error(a, errno, "%s", s->problem);
			return -1;
		}
		*buf = s->block;
		s->consumed += (uint64_t)r;
		return r;
	}
}

static la_int64_t source_seek(struct archive *a, void *data, la_int64_t offset, int whence)
{
	arc_source *s = data;
	off_t r = lseek(s->fd, (off_t)offset, whence);
	if (r < 0) {
		archive_set_error(a, errno, "seek error: %s", strerror(errno));
		return ARCHIVE_FATAL;
	}
	return (la_int64_t)r;
}

static la_int64_t source_skip(struct archive *a, void *data, la_int64_t request)
{
	arc_source *s = data;
	(void)a;
	if (!s->seekable || request <= 0)
		return 0; /* libarchive reads through instead */
	off_t here = lseek(s->fd, 0, SEEK_CUR);
	if (here < 0 || lseek(s->fd, (off_t)request, SEEK_CUR) < 0)
		return 0;
	return request;
}

struct archive *arc_source_open(arc_source *s, int filter, galley_error *err)
{
	struct archive *a = archive_read_new();
	if (filter != ARCHIVE_FILTER_NONE && archive_read_append_filter(a, filter) != ARCHIVE_OK) {
		galley_error_set(err, GALLEY_ERR_ARTICLE, "this build of libarchive cannot decompress it: %s",
		                 archive_error_string(a) ? archive_error_string(a) : "filter missing");
		archive_read_free(a);
		return NULL;
	}
	archive_read_support_format_tar(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_raw(a);
	archive_read_support_format_empty(a);
	archive_read_set_callback_data(a, s);
	archive_read_set_read_callback(a, source_read);
	if (s->seekable) {
		archive_read_set_seek_callback(a, source_seek);
		archive_read_set_skip_callback(a, source_skip);
	}
	if (archive_read_open1(a) != ARCHIVE_OK) {
		const char *m = archive_error_string(a);
		galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot read: %s",
		                 m ? m : "the data is truncated or corrupt (libarchive gave no reason)");
		archive_read_free(a);
		return NULL;
	}
	return a;
}

uint64_t arc_source_consumed(const arc_source *s)
{
	return s ? s->consumed : 0;
}

const char *arc_source_problem(const arc_source *s)
{
	return s && s->problem[0] ? s->problem : NULL;
}

void arc_source_free(arc_source *s)
{
	if (!s)
		return;
	if (s->fd > 0)
		close(s->fd);
	free(s->head);
	free(s);
}
