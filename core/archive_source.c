/* What an input is, from its first bytes, and the libarchive handles the collection reads
 * through: one explicit decompression filter (never libarchive's filter bidding, which stacks
 * a filter per layer of a file that decompresses to itself), and a read callback that stops
 * when the run is asked to stop.  gzip is decoded here with zlib: libarchive's gzip filter
 * fails the whole block that meets a cut (losing the complete records before it) and cannot
 * go on after a damaged member; here every byte before the damage is delivered and decoding
 * resumes at the next gzip member, the damage counted. */
#include "internal.h"

#include <archive.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

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
	/* gzip, decoded here with zlib rather than by libarchive: every byte before a cut or a
	 * damaged member is delivered, and decoding resumes at the next gzip member */
	bool gunzip;
	z_stream z;
	bool z_ready, in_member, in_eof;
	const unsigned char *z_buf; /* start of the compressed block z.next_in points into */
	uint64_t member_start, scan_from;
	unsigned char out[SOURCE_BLOCK];
	arc_damage damage;
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

static void set_stopped(arc_source *s)
{
	snprintf(s->problem, sizeof s->problem, "stopped: the run was interrupted");
}

/* The next block of fd (the replayed head first): its length, 0 at the end, -1 with
 * s->problem set. */
static ssize_t raw_read(arc_source *s, const unsigned char **buf)
{
	if (galley_stop_is_requested()) {
		set_stopped(s);
		return -1;
	}
	if (s->head_pos < s->head_len) {
		*buf = s->head + s->head_pos;
		size_t n = s->head_len - s->head_pos;
		s->head_pos = s->head_len;
		s->consumed += n;
		return (ssize_t)n;
	}
	for (;;) {
		ssize_t r = read(s->fd, s->block, sizeof s->block);
		if (r < 0 && errno == EINTR) {
			if (galley_stop_is_requested()) {
				set_stopped(s);
				return -1;
			}
			continue;
		}
		if (r < 0) {
			snprintf(s->problem, sizeof s->problem, "read error: %s", strerror(errno));
			return -1;
		}
		*buf = s->block;
		s->consumed += (uint64_t)r;
		return r;
	}
}

static uint64_t gz_pos(const arc_source *s)
{
	return s->consumed - s->z.avail_in;
}

static void note_damage(arc_source *s, uint64_t at, const char *what)
{
	if (!s->damage.count++) {
		s->damage.first_offset = at;
		snprintf(s->damage.first, sizeof s->damage.first, "%s", what);
	}
}

/* Skip to the next gzip member's magic, counting the bytes passed over.  true when the input
 * ends first. */
static bool gz_scan(arc_source *s)
{
	while (s->z.avail_in) {
		if (gz_pos(s) >= s->scan_from) {
			const unsigned char *m = memchr(s->z.next_in, 0x1f, s->z.avail_in);
			size_t k = m ? (size_t)(m - s->z.next_in) : s->z.avail_in;
			if (k && !s->damage.count)
				note_damage(s, gz_pos(s), "data that is not gzip between or after gzip members");
			s->damage.skipped += k;
			s->z.next_in += k;
			s->z.avail_in -= (uInt)k;
			if (m && (s->z.avail_in < 2 || s->z.next_in[1] == 0x8b))
				return false;
			if (m) {
				s->damage.skipped++;
				s->z.next_in++;
				s->z.avail_in--;
			}
		} else {
			uint64_t k = s->scan_from - gz_pos(s);
			if (k > s->z.avail_in)
				k = s->z.avail_in;
			s->damage.skipped += k;
			s->z.next_in += k;
			s->z.avail_in -= (uInt)k;
		}
	}
	return true;
}

static la_ssize_t gunzip_read(struct archive *a, arc_source *s, const void **buf)
{
	for (;;) {
		if (s->z.avail_in == 0 && !s->in_eof) {
			const unsigned char *p = NULL;
			ssize_t r = raw_read(s, &p);
			if (r < 0) {
				archive_set_error(a, EIO, "%s", s->problem);
				return -1;
			}
			if (r == 0)
				s->in_eof = true;
			s->z_buf = p;
			s->z.next_in = (Bytef *)p;
			s->z.avail_in = (uInt)r;
		}
		if (!s->in_member) {
			if (s->z.avail_in == 0) {
				if (s->in_eof)
					return 0;
				continue;
			}
			if (gz_scan(s))
				continue; /* this block held no member: read the next */
			s->in_member = true;
			s->member_start = gz_pos(s);
			inflateReset(&s->z);
		}
		s->z.next_out = s->out;
		s->z.avail_out = sizeof s->out;
		int ret = inflate(&s->z, Z_NO_FLUSH);
		size_t produced = sizeof s->out - s->z.avail_out;
		if (ret == Z_STREAM_END) {
			s->in_member = false;
			s->scan_from = gz_pos(s);
		} else if (ret != Z_OK && ret != Z_BUF_ERROR) {
			char what[96];
			snprintf(what, sizeof what, "corrupt gzip data (%s)", s->z.msg ? s->z.msg : "zlib error");
			note_damage(s, gz_pos(s), what);
			/* a member without its 8-byte trailer: zlib read the next member's header as the
			 * trailer, so look for the next member a little before where zlib stopped */
			size_t back = (size_t)(s->z.next_in - s->z_buf);
			back = back < 8 ? back : 8;
			s->z.next_in -= back;
			s->z.avail_in += (uInt)back;
			s->scan_from = s->member_start + 1;
			s->in_member = false;
		} else if (!produced && s->z.avail_in == 0 && s->in_eof) {
			note_damage(s, gz_pos(s), "the gzip data is cut short");
			s->damage.truncated = true;
			s->in_member = false;
			return 0;
		}
		if (produced) {
			*buf = s->out;
			return (la_ssize_t)produced;
		}
	}
}

static la_ssize_t source_read(struct archive *a, void *data, const void **buf)
{
	arc_source *s = data;
	if (s->gunzip)
		return gunzip_read(a, s, buf);
	const unsigned char *p = NULL;
	ssize_t r = raw_read(s, &p);
	if (r < 0) {
		archive_set_error(a, EIO, "%s", s->problem);
		return -1;
	}
	*buf = p;
	return r;
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
	if (filter == ARCHIVE_FILTER_GZIP) {
		s->gunzip = true;
		if (inflateInit2(&s->z, 15 + 16) != Z_OK) {
			galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot start gzip decompression: out of memory");
			archive_read_free(a);
			return NULL;
		}
		s->z_ready = true;
	} else if (filter != ARCHIVE_FILTER_NONE && archive_read_append_filter(a, filter) != ARCHIVE_OK) {
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
	if (s->seekable && !s->gunzip) {
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

const arc_damage *arc_source_damage(const arc_source *s)
{
	return s && s->gunzip ? &s->damage : NULL;
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
	if (s->z_ready)
		inflateEnd(&s->z);
	free(s->head);
	free(s);
}
