/* OCF zip container: libarchive output filtered into a clean, reproducible zip (see epub_zip.h).
 *
 * What libarchive 3.6.2 writes for a regular file with its size set and no times or owner:
 *   local header: flags 0x0008 (data descriptor follows), time 0x0000 date 0x0021, CRC 0,
 *                 extra field "UT" (1 byte, no times) + "ux" (uid 0, gid 0);
 *   data; data descriptor PK\7\8 crc csize usize (16 bytes, 24 with Zip64);
 *   central directory entries with the same extra fields, then the end record.
 * The filter keeps the names, data, CRCs and sizes and drops everything else. */
#include "epub_zip.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An entry's compressed bytes beyond this go to a temporary file: a large entry (package.opf of
 * a big book) costs no memory. */
#define SPILL_AT (256u << 10)

enum { ZMODE_IDLE, ZMODE_ENTRY, ZMODE_TRAILER, ZMODE_DISCARD };

typedef struct zbuf {
	unsigned char *data;
	size_t len, cap;
} zbuf;

typedef struct zentry {
	uint64_t lib_offset; /* where libarchive thinks the local header is */
	uint64_t out_offset; /* where it really is */
} zentry;

struct write_epub_zip {
	struct archive *a;
	FILE *out;
	int mode;
	zbuf pend;          /* bytes libarchive wrote during the current call */
	FILE *spill;        /* an entry's bytes beyond SPILL_AT, in a temporary file */
	uint64_t spill_len; /* bytes of the current entry in spill (0: all in pend) */
	uint64_t cd_start, cd_len; /* the central directory being written */
	size_t cd_done;     /* its entries rewritten so far (besides mimetype) */
	uint64_t lib_off;   /* bytes libarchive has written so far */
	uint64_t out_off;   /* bytes written to out so far */
	zentry *entries;
	size_t n_entries, cap_entries;
	bool failed;        /* an I/O or format problem: stop */
	char msg[256];
};

static const char write_epub_zip_mimetype[] = "application/epub+zip";

static void write_epub_zip_err(char *errbuf, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void write_epub_zip_err(char *errbuf, size_t errlen, const char *fmt, ...)
{
	if (!errbuf || !errlen)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}

static int zbuf_append(zbuf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n)
			cap *= 2;
		unsigned char *d = realloc(b->data, cap);
		if (!d)
			return -1;
		b->data = d;
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

static uint16_t get16(const unsigned char *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static void put16(unsigned char *p, uint16_t v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)(v >> 8);
}
static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)((v >> (8 * i)) & 0xff);
}

static uint32_t write_epub_zip_crc32(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint32_t crc = 0xffffffffu;
	for (size_t i = 0; i < len; i++) {
		crc ^= p[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

/* Fixed DOS time and date: 00:00:00, 1980-01-01. */
#define ZIP_DOS_TIME 0x0000
#define ZIP_DOS_DATE 0x0021

static int write_epub_zip_emit(write_epub_zip *z, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, z->out) != n) {
		z->failed = true;
		snprintf(z->msg, sizeof z->msg, "cannot write the book: %s", "write error (disk full?)");
		return -1;
	}
	z->out_off += n;
	return 0;
}

/* A temporary file in TMPDIR (else /tmp), already unlinked. */
static FILE *write_epub_zip_tmpfile(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	if (snprintf(path, sizeof path, "%s/galley-zip-XXXXXX", dir && *dir ? dir : "/tmp") >= (int)sizeof path)
		return NULL;
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	unlink(path);
	FILE *f = fdopen(fd, "w+b");
	if (!f)
		close(fd);
	return f;
}

/* Emit n bytes of the spilled part of the entry from offset at. */
static int write_epub_zip_emit_spill(write_epub_zip *z, uint64_t at, uint64_t n)
{
	unsigned char buf[65536];
	if (n && (fflush(z->spill) != 0 || fseeko(z->spill, (off_t)at, SEEK_SET) != 0)) {
		snprintf(z->msg, sizeof z->msg, "cannot read a temporary file back");
		return -1;
	}
	while (n) {
		size_t k = n < sizeof buf ? (size_t)n : sizeof buf;
		if (fread(buf, 1, k, z->spill) != k) {
			snprintf(z->msg, sizeof z->msg, "cannot read a temporary file back");
			return -1;
		}
		if (write_epub_zip_emit(z, buf, k) < 0)
			return -1;
		n -= k;
	}
	return 0;
}

/* Bytes [at, at + n) of the current entry, from pend and then the spill file. */
static int write_epub_zip_entry_bytes(write_epub_zip *z, uint64_t at, unsigned char *out, size_t n)
{
	while (n && at < z->pend.len) {
		*out++ = z->pend.data[at++];
		n--;
	}
	if (n && (fflush(z->spill) != 0 || fseeko(z->spill, (off_t)(at - z->pend.len), SEEK_SET) != 0 ||
	          fread(out, 1, n, z->spill) != n)) {
		snprintf(z->msg, sizeof z->msg, "cannot read a temporary file back");
		return -1;
	}
	return 0;
}

/* The central directory: the mimetype entry's header first (the filter wrote that entry). */
static int write_epub_zip_trailer_start(write_epub_zip *z)
{
	size_t mlen = sizeof write_epub_zip_mimetype - 1;
	z->cd_start = z->out_off;
	z->cd_len = 0;
	z->cd_done = 0;
	unsigned char m[46] = {0};
	put32(m, 0x02014b50u);
	put16(m + 4, (3 << 8) | 20); /* made by: Unix, zip 2.0 */
	put16(m + 6, 10);
	put16(m + 12, ZIP_DOS_TIME);
	put16(m + 14, ZIP_DOS_DATE);
	put32(m + 16, write_epub_zip_crc32(write_epub_zip_mimetype, mlen));
	put32(m + 20, (uint32_t)mlen);
	put32(m + 24, (uint32_t)mlen);
	put16(m + 28, 8);
	put32(m + 38, 0100644u << 16);
	put32(m + 42, 0);
	if (write_epub_zip_emit(z, m, 46) < 0 || write_epub_zip_emit(z, "mimetype", 8) < 0)
		return -1;
	z->cd_len = 46 + 8;
	return 0;
}

/* Rewrite and emit the complete central directory headers libarchive has written so far (in
 * z->pend), keeping an incomplete one for the next call: the directory is never held whole. */
static int write_epub_zip_trailer_step(write_epub_zip *z)
{
	const unsigned char *p = z->pend.data;
	size_t len = z->pend.len, at = 0;
	while (at + 46 <= len && get32(p + at) == 0x02014b50u) {
		size_t nlen = get16(p + at + 28), xlen = get16(p + at + 30), clen = get16(p + at + 32);
		if (at + 46 + nlen + xlen + clen > len)
			break; /* the rest comes with the next write */
		size_t i = z->cd_done;
		if (i >= z->n_entries || get32(p + at + 42) != z->entries[i].lib_offset) {
			snprintf(z->msg, sizeof z->msg, "central directory from libarchive does not match its entries");
			return -1;
		}
		unsigned char h[46];
		memcpy(h, p + at, 46);
		put16(h + 8, (uint16_t)(get16(h + 8) & ~0x0008u));
		put16(h + 12, ZIP_DOS_TIME);
		put16(h + 14, ZIP_DOS_DATE);
		put16(h + 30, 0);
		put16(h + 32, 0);
		if (z->entries[i].out_offset >= 0xffffffffu) {
			snprintf(z->msg, sizeof z->msg, "the book is larger than 4 GiB; use split= to make several");
			return -1;
		}
		put32(h + 42, (uint32_t)z->entries[i].out_offset);
		if (write_epub_zip_emit(z, h, 46) < 0 || write_epub_zip_emit(z, p + at + 46, nlen) < 0)
			return -1;
		z->cd_len += 46 + nlen;
		at += 46 + nlen + xlen + clen;
		z->cd_done++;
	}
	if (at) {
		memmove(z->pend.data, p + at, len - at);
		z->pend.len = len - at;
	}
	return 0;
}

/* After libarchive's end record: check it and emit ours with the real offsets. */
static int write_epub_zip_trailer_end(write_epub_zip *z)
{
	const unsigned char *p = z->pend.data;
	if (z->cd_done != z->n_entries || z->pend.len < 22 || get32(p) != 0x06054b50u) {
		snprintf(z->msg, sizeof z->msg, "unexpected zip end record from libarchive (Zip64?)");
		return -1;
	}
	if (z->cd_start + z->cd_len >= 0xffffffffu || z->n_entries + 1 > 0xfffe) {
		snprintf(z->msg, sizeof z->msg,
		         "the book has too many files or bytes for a plain zip; use split= to make several");
		return -1;
	}
	unsigned char e[22] = {0};
	put32(e, 0x06054b50u);
	put16(e + 8, (uint16_t)(z->n_entries + 1));
	put16(e + 10, (uint16_t)(z->n_entries + 1));
	put32(e + 12, (uint32_t)z->cd_len);
	put32(e + 16, (uint32_t)z->cd_start);
	return write_epub_zip_emit(z, e, 22);
}

static la_ssize_t write_epub_zip_cb(struct archive *a, void *client, const void *buf, size_t len)
{
	(void)a;
	write_epub_zip *z = client;
	if (z->mode == ZMODE_IDLE) {
		z->failed = true;
		snprintf(z->msg, sizeof z->msg, "libarchive wrote %zu bytes outside an entry", len);
		return -1;
	}
	if (z->mode == ZMODE_ENTRY && (z->spill_len || z->pend.len + len > SPILL_AT)) {
		if (!z->spill && !(z->spill = write_epub_zip_tmpfile())) {
			z->failed = true;
			snprintf(z->msg, sizeof z->msg,
			         "cannot create a temporary file; is the temporary directory (TMPDIR) full or not writable?");
			return -1;
		}
		if ((!z->spill_len && fseek(z->spill, 0, SEEK_SET) != 0) || fwrite(buf, 1, len, z->spill) != len) {
			z->failed = true;
			snprintf(z->msg, sizeof z->msg, "cannot write a temporary file (disk full?)");
			return -1;
		}
		z->spill_len += len;
		return (la_ssize_t)len;
	}
	if (z->mode == ZMODE_DISCARD)
		return (la_ssize_t)len;
	if (zbuf_append(&z->pend, buf, len) < 0) {
		z->failed = true;
		snprintf(z->msg, sizeof z->msg, "out of memory");
		return -1;
	}
	if (z->mode == ZMODE_TRAILER && !z->failed && write_epub_zip_trailer_step(z) < 0) {
		z->failed = true;
		return -1;
	}
	return (la_ssize_t)len;
}

write_epub_zip *write_epub_zip_open(FILE *out, char *errbuf, size_t errlen)
{
	write_epub_zip *z = calloc(1, sizeof *z);
	if (!z) {
		write_epub_zip_err(errbuf, errlen, "out of memory");
		return NULL;
	}
	z->out = out;
	z->a = archive_write_new();
	if (!z->a || archive_write_set_format_zip(z->a) != ARCHIVE_OK ||
	    archive_write_set_bytes_per_block(z->a, 0) != ARCHIVE_OK ||
	    archive_write_open(z->a, z, NULL, write_epub_zip_cb, NULL) != ARCHIVE_OK) {
		write_epub_zip_err(errbuf, errlen, "cannot start the zip container: %s",
		                   z->a ? archive_error_string(z->a) : "libarchive failed");
		write_epub_zip_free(z);
		return NULL;
	}
	/* The mimetype entry: first, stored, no extra field (OCF 3.0 section 4.3). */
	unsigned char h[30];
	size_t mlen = sizeof write_epub_zip_mimetype - 1;
	put32(h, 0x04034b50u);
	put16(h + 4, 10);
	put16(h + 6, 0);
	put16(h + 8, 0);
	put16(h + 10, ZIP_DOS_TIME);
	put16(h + 12, ZIP_DOS_DATE);
	put32(h + 14, write_epub_zip_crc32(write_epub_zip_mimetype, mlen));
	put32(h + 18, (uint32_t)mlen);
	put32(h + 22, (uint32_t)mlen);
	put16(h + 26, 8);
	put16(h + 28, 0);
	if (write_epub_zip_emit(z, h, sizeof h) < 0 || write_epub_zip_emit(z, "mimetype", 8) < 0 ||
	    write_epub_zip_emit(z, write_epub_zip_mimetype, mlen) < 0) {
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		write_epub_zip_free(z);
		return NULL;
	}
	return z;
}

/* Rewrite the one entry libarchive wrote into z->pend (and z->spill beyond SPILL_AT) and emit
 * it. */
static int write_epub_zip_flush_entry(write_epub_zip *z)
{
	unsigned char *p = z->pend.data;
	size_t mem = z->pend.len;
	uint64_t len = mem + z->spill_len;
	if (mem < 30 || get32(p) != 0x04034b50u) {
		snprintf(z->msg, sizeof z->msg, "unexpected zip local header from libarchive");
		return -1;
	}
	uint16_t flags = get16(p + 6);
	size_t nlen = get16(p + 26), xlen = get16(p + 28);
	size_t data_at = 30 + nlen + xlen;
	uint32_t crc = get32(p + 14), csize = get32(p + 18), usize = get32(p + 22);
	if (data_at > mem) {
		snprintf(z->msg, sizeof z->msg, "truncated zip local header from libarchive");
		return -1;
	}
	uint64_t data_len = len - data_at;
	if (flags & 0x0008) {
		/* data descriptor at the end: signature, crc, csize, usize (no Zip64 here) */
		unsigned char dd[16];
		if (data_len < 16) {
			snprintf(z->msg, sizeof z->msg, "unexpected zip data descriptor from libarchive (Zip64?)");
			return -1;
		}
		if (write_epub_zip_entry_bytes(z, len - 16, dd, 16) < 0)
			return -1;
		if (get32(dd) != 0x08074b50u) {
			snprintf(z->msg, sizeof z->msg, "unexpected zip data descriptor from libarchive (Zip64?)");
			return -1;
		}
		crc = get32(dd + 4);
		csize = get32(dd + 8);
		usize = get32(dd + 12);
		data_len -= 16;
	}
	if (data_len != csize || csize == 0xffffffffu || usize == 0xffffffffu) {
		snprintf(z->msg, sizeof z->msg, "zip entry sizes do not add up (Zip64 is not supported)");
		return -1;
	}
	if (z->n_entries == z->cap_entries) {
		size_t cap = z->cap_entries ? 2 * z->cap_entries : 64;
		zentry *e = realloc(z->entries, cap * sizeof *e);
		if (!e) {
			snprintf(z->msg, sizeof z->msg, "out of memory");
			return -1;
		}
		z->entries = e;
		z->cap_entries = cap;
	}
	z->entries[z->n_entries].lib_offset = z->lib_off;
	z->entries[z->n_entries].out_offset = z->out_off;
	z->n_entries++;
	z->lib_off += len;

	unsigned char h[30];
	memcpy(h, p, 30);
	put16(h + 6, (uint16_t)(flags & ~0x0008u));
	put16(h + 10, ZIP_DOS_TIME);
	put16(h + 12, ZIP_DOS_DATE);
	put32(h + 14, crc);
	put32(h + 18, csize);
	put32(h + 22, usize);
	put16(h + 28, 0);
	size_t in_mem = mem - data_at < data_len ? mem - data_at : (size_t)data_len;
	if (write_epub_zip_emit(z, h, 30) < 0 || write_epub_zip_emit(z, p + 30, nlen) < 0 ||
	    write_epub_zip_emit(z, p + data_at, in_mem) < 0 ||
	    write_epub_zip_emit_spill(z, 0, data_len - in_mem) < 0)
		return -1;
	z->pend.len = 0;
	z->spill_len = 0;
	return 0;
}

/* Add one entry whose bytes come from data (when f is NULL) or from f, read from its start in
 * chunks: its size is known up front, only the compressed entry is held for the filter. */
static int write_epub_zip_add_from(write_epub_zip *z, const char *name, const void *data, FILE *f, size_t len,
                                   bool store, char *errbuf, size_t errlen)
{
	if (z->failed) {
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	if (len >= 0xffffffffu) {
		write_epub_zip_err(errbuf, errlen, "%s is too large for a zip entry (4 GiB)", name);
		return -1;
	}
	struct archive_entry *e = archive_entry_new();
	if (!e) {
		write_epub_zip_err(errbuf, errlen, "out of memory");
		return -1;
	}
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	z->mode = ZMODE_ENTRY;
	z->pend.len = 0;
	z->spill_len = 0;
	int r = store ? archive_write_zip_set_compression_store(z->a)
	              : archive_write_zip_set_compression_deflate(z->a);
	if (r == ARCHIVE_OK)
		r = archive_write_header(z->a, e);
	archive_entry_free(e);
	enum { CHUNK = 65536 };
	char *chunk = f ? malloc(CHUNK) : NULL;
	if (f && !chunk) {
		z->failed = true;
		snprintf(z->msg, sizeof z->msg, "out of memory");
		r = ARCHIVE_FATAL;
	}
	size_t left = len;
	while (r == ARCHIVE_OK && left > 0) {
		const char *p = data;
		size_t n = left;
		if (f) {
			n = fread(chunk, 1, left < CHUNK ? left : CHUNK, f);
			if (n == 0) {
				z->failed = true;
				snprintf(z->msg, sizeof z->msg, "cannot read back %s from its temporary file", name);
				r = ARCHIVE_FATAL;
				break;
			}
			p = chunk;
		} else {
			data = (const char *)data + n;
		}
		left -= n;
		while (r == ARCHIVE_OK && n > 0) {
			la_ssize_t w = archive_write_data(z->a, p, n);
			if (w <= 0) {
				r = ARCHIVE_FATAL;
				break;
			}
			p += w;
			n -= (size_t)w;
		}
	}
	free(chunk);
	if (r == ARCHIVE_OK)
		r = archive_write_finish_entry(z->a);
	z->mode = ZMODE_IDLE;
	if (r != ARCHIVE_OK || z->failed) {
		if (!z->failed) {
			z->failed = true;
			snprintf(z->msg, sizeof z->msg, "cannot add %s to the book: %s", name,
			         archive_error_string(z->a) ? archive_error_string(z->a) : "libarchive failed");
		}
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	if (write_epub_zip_flush_entry(z) < 0) {
		z->failed = true;
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	return 0;
}

int write_epub_zip_add(write_epub_zip *z, const char *name, const void *data, size_t len, bool store,
                       char *errbuf, size_t errlen)
{
	return write_epub_zip_add_from(z, name, data, NULL, len, store, errbuf, errlen);
}

int write_epub_zip_add_file(write_epub_zip *z, const char *name, FILE *f, bool store, char *errbuf,
                            size_t errlen)
{
	if (z->failed) {
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	long len = -1;
	if (fflush(f) != 0 || ferror(f) || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		write_epub_zip_err(errbuf, errlen, "cannot read back %s from its temporary file (disk full?)", name);
		return -1;
	}
	return write_epub_zip_add_from(z, name, NULL, f, (size_t)len, store, errbuf, errlen);
}

int write_epub_zip_close(write_epub_zip *z, char *errbuf, size_t errlen)
{
	if (z->failed) {
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	z->pend.len = 0;
	if (write_epub_zip_trailer_start(z) < 0) {
		z->failed = true;
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	z->mode = ZMODE_TRAILER;
	int r = archive_write_close(z->a);
	z->mode = ZMODE_IDLE;
	if (r != ARCHIVE_OK || z->failed) {
		if (!z->failed)
			snprintf(z->msg, sizeof z->msg, "cannot finish the zip container: %s",
			         archive_error_string(z->a) ? archive_error_string(z->a) : "libarchive failed");
		z->failed = true;
		write_epub_zip_err(errbuf, errlen, "%s", z->msg);
		return -1;
	}
	if (write_epub_zip_trailer_end(z) < 0 || fflush(z->out) != 0 || ferror(z->out)) {
		if (!z->failed && !z->msg[0])
			snprintf(z->msg, sizeof z->msg, "cannot write the book (disk full?)");
		z->failed = true;
		write_epub_zip_err(errbuf, errlen, "%s", z->msg[0] ? z->msg : "cannot write the book");
		return -1;
	}
	return 0;
}

void write_epub_zip_free(write_epub_zip *z)
{
	if (!z)
		return;
	if (z->a) {
		/* archive_write_free closes an open archive; keep its bytes out of the file */
		z->mode = ZMODE_DISCARD;
		archive_write_free(z->a);
	}
	free(z->pend.data);
	if (z->spill)
		fclose(z->spill);
	free(z->entries);
	free(z);
}
