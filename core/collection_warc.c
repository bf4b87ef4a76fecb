/* WARC streams, record by record, over the collection's decompressed stream (libarchive's raw
 * format, which also reads per-record gzip members).  Parsing the records here keeps the full
 * WARC-Target-URI, the record offsets and the HTTP headers.  A damaged record is reported and
 * the reader resyncs at the next "WARC/1." line. */
#include "collection_private.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static la_ssize_t warc_read_raw(galley_collection *c, unsigned char *dst, size_t n)
{
	size_t got = 0;
	while (got < n) {
		la_ssize_t r = coll_ar_read(c, dst + got, n - got);
		if (r < 0)
			return -1;
		if (r == 0) {
			c->eof = true;
			break;
		}
		got += (size_t)r;
	}
	return (la_ssize_t)got;
}

/* Make at least `need` bytes available from buf_pos (fewer at the end). -1 on error. */
static int warc_fill(galley_collection *c, size_t need)
{
	while (c->buf_len - c->buf_pos < need && !c->eof) {
		if (c->buf_pos) {
			memmove(c->buf, c->buf + c->buf_pos, c->buf_len - c->buf_pos);
			c->buf_len -= c->buf_pos;
			c->buf_base += (int64_t)c->buf_pos;
			c->buf_pos = 0;
		}
		if (c->buf_cap - c->buf_len < READ_CHUNK) {
			c->buf_cap = c->buf_len + READ_CHUNK;
			c->buf = galley_realloc(c->buf, c->buf_cap);
		}
		la_ssize_t r = coll_ar_read(c, c->buf + c->buf_len, c->buf_cap - c->buf_len);
		if (r < 0)
			return -1;
		if (r == 0)
			c->eof = true;
		c->buf_len += (size_t)r;
	}
	return 0;
}

/* Discard n bytes of the stream. -1 on error, 1 when the stream ended first. */
static int warc_skip(galley_collection *c, uint64_t n)
{
	while (n) {
		size_t avail = c->buf_len - c->buf_pos;
		if (!avail) {
			if (c->eof)
				return 1;
			if (warc_fill(c, 1) < 0)
				return -1;
			continue;
		}
		size_t k = avail < n ? avail : (size_t)n;
		c->buf_pos += k;
		n -= k;
	}
	return 0;
}

static const unsigned char *find_blank_line(const unsigned char *p, size_t n, size_t *after)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] != '\n')
			continue;
		if (p[i + 1] == '\n') {
			*after = i + 2;
			return p + i;
		}
		if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n') {
			*after = i + 3;
			return p + i;
		}
	}
	return NULL;
}

/* Find header `name` in a block of "Name: value" lines; returns a new string or NULL. */
static char *header_value(const char *hdr, size_t n, const char *name)
{
	size_t nl = strlen(name);
	const char *p = hdr, *end = hdr + n;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > nl && !strncasecmp(p, name, nl) && p[nl] == ':') {
			const char *v = p + nl + 1, *ve = eol;
			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			return galley_strndup(v, (size_t)(ve - v));
		}
		p = eol + 1;
	}
	return NULL;
}

static void parse_content_type(const char *v, char **media, char **charset)
{
	*media = NULL;
	*charset = NULL;
	if (!v)
		return;
	const char *semi = strchr(v, ';');
	size_t n = semi ? (size_t)(semi - v) : strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	if (n) {
		*media = galley_strndup(v, n);
		for (char *p = *media; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	for (const char *p = semi; p && *p; p = strchr(p + 1, ';')) {
		const char *q = p + 1;
		while (*q == ' ' || *q == '\t')
			q++;
		if (!strncasecmp(q, "charset=", 8)) {
			q += 8;
			while (*q == '"' || *q == '\'')
				q++;
			size_t k = strcspn(q, "\"'; \t");
			if (k)
				*charset = galley_strndup(q, k);
			break;
		}
	}
}

static bool media_accepted(const galley_collection *c, const char *media)
{
	if (!c->media || !media)
		return true;
	for (size_t i = 0; c->media[i]; i++)
		if (!strcmp(c->media[i], media))
			return true;
	return false;
}

/* Undo "Transfer-Encoding: chunked" in place; leaves the data alone when it is not chunked. */
static size_t dechunk(unsigned char *d, size_t len)
{
	size_t r = 0, w = 0;
	/* the first line must be a chunk size */
	size_t k = 0;
	while (k < len && isxdigit(d[k]))
		k++;
	if (k == 0 || k >= len || (d[k] != '\r' && d[k] != ';' && d[k] != '\n'))
		return len;
	while (r < len) {
		size_t size = 0, digits = 0;
		while (r < len && isxdigit(d[r])) {
			int v = isdigit(d[r]) ? d[r] - '0' : (tolower(d[r]) - 'a' + 10);
			if (size > (SIZE_MAX >> 4))
				return w;
			size = size * 16 + (size_t)v;
			r++;
			digits++;
		}
		if (!digits)
			break;
		const unsigned char *eol = memchr(d + r, '\n', len - r);
		if (!eol)
			break;
		r = (size_t)(eol - d) + 1;
		if (size == 0)
			break;
		if (size > len - r)
			size = len - r;
		memmove(d + w, d + r, size);
		w += size;
		r += size;
		if (r < len && d[r] == '\r')
			r++;
		if (r < len && d[r] == '\n')
			r++;
	}
	return w;
}

/* Strict Content-Length: decimal digits only ("0x20", "-1", "12abc" and "" are not lengths). */
static bool parse_content_length(const char *v, long long *n)
{
	if (!v || !*v)
		return false;
	long long x = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9' || x > (LLONG_MAX - 9) / 10)
			return false;
		x = x * 10 + (*p - '0');
	}
	*n = x;
	return true;
}

/* After a framing error: go on at the next line that starts "WARC/1." (a record header),
 * counting the bytes passed over.  -1 on a read error; *found false when the stream ends first. */
static int warc_resync(galley_collection *c, uint64_t *skipped, bool *found)
{
	static const char mark[] = "\nWARC/1.";
	*skipped = 0;
	*found = false;
	for (;;) {
		if (warc_fill(c, sizeof mark) < 0)
			return -1;
		size_t avail = c->buf_len - c->buf_pos;
		const unsigned char *base = c->buf + c->buf_pos;
		if (*skipped == 0 && avail >= sizeof mark - 2 && !memcmp(base, mark + 1, sizeof mark - 2)) {
			*found = true;
			return 0;
		}
		const unsigned char *m = avail ? memmem(base, avail, mark, sizeof mark - 1) : NULL;
		if (m) {
			size_t k = (size_t)(m + 1 - base);
			*skipped += k;
			c->buf_pos += k;
			*found = true;
			return 0;
		}
		size_t keep = c->eof ? 0 : sizeof mark - 2;
		size_t k = avail > keep ? avail - keep : 0;
		*skipped += k;
		c->buf_pos += k;
		if (c->eof)
			return 0;
		if (warc_fill(c, c->buf_len - c->buf_pos + READ_CHUNK) < 0)
			return -1;
	}
}

/* The end of a WARC stream: GALLEY_END, or the report of a gzip cut that ended it early. */
static int warc_end(galley_collection *c, galley_error *err)
{
	const arc_damage *d = arc_source_damage(c->src);
	if (!d || !d->truncated)
		return GALLEY_END;
	c->mode = MODE_DONE;
	return galley_error_set(err, GALLEY_ERR_ARTICLE,
	                        "the WARC file is cut short: its gzip data ends at compressed byte %llu; the %zu complete "
	                        "record(s) before the cut were read",
	                        (unsigned long long)d->first_offset, c->n_members);
}

/* What the steps of a WARC record give besides GALLEY_OK and an error: nothing to read in the
 * record (counted as a skip), go on with the next; the stream failed (the caller says how). */
enum { WARC_RECORD_SKIPPED = 2, WARC_READ_FAILED = 3 };

/* A resource record's block (block, blen: owned, handed on in out or freed): the document
 * itself (wget --warc-file, Webrecorder), typed by the record's header. */
static int warc_resource_payload(galley_collection *c, unsigned char *block, size_t blen, galley_entry *out)
{
	char *raw_ct = c->e_ctype;
	c->e_ctype = NULL;
	char *media = NULL, *charset = NULL;
	parse_content_type(raw_ct, &media, &charset);
	free(raw_ct);
	c->e_ctype = media;
	c->e_charset = charset;
	if (!media || !media_accepted(c, media)) {
		galley_buf reason = {0};
		if (media)
			galley_buf_printf(&reason, "WARC resource record Content-Type %s", media);
		else
			galley_buf_puts(&reason, "WARC resource record without a Content-Type");
		coll_count_skip(c, reason.data);
		galley_buf_free(&reason);
		free(block);
		return WARC_RECORD_SKIPPED;
	}
	out->content_type = media;
	out->charset = charset;
	block[blen] = 0;
	out->data = block;
	out->len = blen;
	return GALLEY_OK;
}

/* A response record's block (owned, handed on in out or freed): the HTTP response inside, its
 * status, type, transfer and content encodings. */
static int warc_http_payload(galley_collection *c, unsigned char *block, size_t blen, galley_entry *out,
                             galley_error *err)
{
	if (blen < 5 || memcmp(block, "HTTP/", 5)) {
		free(block);
		coll_count_skip(c, "WARC response without an HTTP status line");
		return WARC_RECORD_SKIPPED;
	}
	const unsigned char *sp = memchr(block, ' ', blen < 64 ? blen : 64);
	int status = sp ? atoi((const char *)sp + 1) : 0;
	size_t pstart = blen;
	const unsigned char *blank = find_blank_line(block, blen, &pstart);
	size_t hlen = blank ? (size_t)(blank - block) + 1 : blen;
	if (!blank)
		pstart = blen;
	char *ct = header_value((const char *)block, hlen, "Content-Type");
	char *te = header_value((const char *)block, hlen, "Transfer-Encoding");
	char *ce = header_value((const char *)block, hlen, "Content-Encoding");
	char *media = NULL, *charset = NULL;
	parse_content_type(ct, &media, &charset);
	free(ct);
	c->e_ctype = media;
	c->e_charset = charset;
	out->status = status;
	out->content_type = media;
	out->charset = charset;
	galley_buf reason = {0};
	if (status != 200)
		galley_buf_printf(&reason, "WARC record status %d", status);
	else if (!media_accepted(c, media))
		galley_buf_printf(&reason, "WARC record Content-Type %s", media);
	if (reason.len) {
		coll_count_skip(c, reason.data);
		galley_buf_free(&reason);
		free(te);
		free(ce);
		free(block);
		out->content_type = out->charset = NULL;
		out->status = 0;
		return WARC_RECORD_SKIPPED;
	}
	size_t plen = blen - pstart;
	memmove(block, block + pstart, plen);
	if (te && strcasestr(te, "chunked"))
		plen = dechunk(block, plen);
	free(te);
	if (ce && (!strcasecmp(ce, "gzip") || !strcasecmp(ce, "x-gzip")) && plen) {
		unsigned char *plain = NULL;
		size_t plain_len = 0;
		int rc = coll_decompress_memory(c, block, plen, &plain, &plain_len, err);
		free(block);
		free(ce);
		if (rc != GALLEY_OK) {
			galley_error_prefix(err, "WARC record body (Content-Encoding gzip)");
			return GALLEY_ERR_ARTICLE;
		}
		block = plain;
		plen = plain_len;
	} else if (ce && strcasecmp(ce, "identity") && plen) {
		galley_error_set(err, GALLEY_ERR_ARTICLE, "WARC record body has Content-Encoding %s, which is not supported",
		                 ce);
		free(ce);
		free(block);
		return GALLEY_ERR_ARTICLE;
	} else {
		free(ce);
	}
	block[plen] = 0;
	out->data = block;
	out->len = plen;
	return GALLEY_OK;
}

/* The record header at the buffer's position, up to its blank line (*after: its length with
 * that line): GALLEY_OK; an error (no record here, skipped to the next; truncated; too long);
 * or WARC_READ_FAILED when the stream itself failed. */
static int warc_read_header(galley_collection *c, int64_t rec_off, size_t *after, galley_error *err)
{
	size_t want = 4096;
	for (;;) {
		if (warc_fill(c, want) < 0)
			return WARC_READ_FAILED;
		size_t avail = c->buf_len - c->buf_pos;
		if (avail >= 5 && memcmp(c->buf + c->buf_pos, "WARC/", 5)) {
			uint64_t skipped;
			bool found;
			if (warc_resync(c, &skipped, &found) < 0)
				return WARC_READ_FAILED;
			if (!found) {
				c->mode = MODE_DONE;
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "no WARC record at offset %lld: the file is corrupt or not WARC (no record "
				                        "follows in its last %llu bytes)",
				                        (long long)rec_off, (unsigned long long)skipped);
			}
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "no WARC record at offset %lld (a wrong Content-Length before it, or damage): "
			                        "%llu bytes skipped to the next record, at offset %lld",
			                        (long long)rec_off, (unsigned long long)skipped,
			                        (long long)(c->buf_base + (int64_t)c->buf_pos));
		}
		if (find_blank_line(c->buf + c->buf_pos, avail, after))
			return GALLEY_OK;
		if (c->eof) {
			c->mode = MODE_DONE;
			char note[256];
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "WARC record at offset %lld is truncated in its header; the %zu complete "
			                        "record(s) before it were read%s",
			                        (long long)rec_off, c->n_members, coll_damage_note(c, note, sizeof note));
		}
		if (avail > WARC_MAX_LINE * 16) {
			c->mode = MODE_DONE;
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "WARC record at offset %lld has a header over %zu bytes: corrupt file",
			                        (long long)rec_off, WARC_MAX_LINE * 16);
		}
		want = avail + 4096;
	}
}

int coll_next_warc_record(galley_collection *c, galley_entry *out, galley_error *err)
{
	for (;;) {
		int dr = coll_report_new_damage(c, err);
		if (dr != GALLEY_OK)
			return dr;
		/* blank lines between records */
		for (;;) {
			if (c->buf_pos == c->buf_len) {
				if (c->eof)
					return warc_end(c, err);
				if (warc_fill(c, 1) < 0)
					goto read_error;
				if (c->buf_pos == c->buf_len)
					return warc_end(c, err);
			}
			unsigned char ch = c->buf[c->buf_pos];
			if (ch != '\r' && ch != '\n')
				break;
			c->buf_pos++;
		}
		int64_t rec_off = c->buf_base + (int64_t)c->buf_pos;
		out->offset = rec_off;
		/* the record header, up to the blank line */
		size_t after = 0;
		int hr = warc_read_header(c, rec_off, &after, err);
		if (hr == WARC_READ_FAILED)
			goto read_error;
		if (hr != GALLEY_OK)
			return hr;
		const char *hdr = (const char *)c->buf + c->buf_pos;
		char *type = header_value(hdr, after, "WARC-Type");
		char *clen = header_value(hdr, after, "Content-Length");
		char *uri = header_value(hdr, after, "WARC-Target-URI");
		char *date = header_value(hdr, after, "WARC-Date");
		char *record_id = header_value(hdr, after, "WARC-Record-ID");
		c->buf_pos += after;
		long long n = -1;
		bool bad_len = !parse_content_length(clen, &n);
		if (bad_len) {
			galley_buf what = {0};
			galley_buf_printf(&what, clen ? "Content-Length '%.40s' is not a decimal length" : "no Content-Length",
			                  clen);
			free(clen);
			free(type);
			free(uri);
			free(date);
			free(record_id);
			uint64_t skipped;
			bool found;
			if (warc_resync(c, &skipped, &found) < 0) {
				galley_buf_free(&what);
				goto read_error;
			}
			if (!found)
				c->mode = MODE_DONE;
			galley_error_set(err, GALLEY_ERR_ARTICLE, "WARC record at offset %lld has %s: %s", (long long)rec_off,
			                 what.data, found ? "skipped to the next record" : "no record follows");
			galley_buf_free(&what);
			return GALLEY_ERR_ARTICLE;
		}
		free(clen);
		bool response = type && !strcasecmp(type, "response");
		bool resource = type && !strcasecmp(type, "resource");
		free(type);
		if (resource) /* the raw Content-Type, until the block is read */
			c->e_ctype = header_value(hdr, after, "Content-Type");
		if (uri && uri[0] == '<') { /* WARC/1.1 drafts wrote <uri> */
			size_t ul = strlen(uri);
			memmove(uri, uri + 1, ul);
			if (ul >= 2 && uri[ul - 2] == '>')
				uri[ul - 2] = 0;
		}
		c->e_url = uri;
		c->e_date = date;
		c->e_record_id = record_id;
		out->url = uri;
		out->date = date;
		out->record_id = record_id;
		if (!response && !resource) {
			int s = warc_skip(c, (uint64_t)n);
			if (s < 0)
				goto read_error;
			if (s > 0) {
				c->mode = MODE_DONE;
				char note[256];
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "WARC record at offset %lld is truncated; the %zu complete record(s) before it "
				                        "were read%s",
				                        (long long)rec_off, c->n_members, coll_damage_note(c, note, sizeof note));
			}
			c->n_members++;
			coll_clear_entry_strings(c);
			out->url = out->date = out->record_id = NULL;
			continue;
		}
		if ((uint64_t)n > (uint64_t)c->max + 65536) {
			int s = warc_skip(c, (uint64_t)n);
			if (s != 0)
				c->mode = MODE_DONE;
			return galley_error_set(err, GALLEY_ERR_ARTICLE,
			                        "WARC record is %lld bytes, larger than the limit of %zu (raise max_size= to read it)",
			                        n, c->max);
		}
		/* the block: what the buffer holds, then straight from the stream */
		size_t blen = (size_t)n;
		unsigned char *block = galley_malloc(blen + 1);
		size_t have = c->buf_len - c->buf_pos;
		if (have > blen)
			have = blen;
		memcpy(block, c->buf + c->buf_pos, have);
		c->buf_pos += have;
		if (have < blen) {
			c->buf_base += (int64_t)c->buf_len;
			c->buf_pos = c->buf_len = 0;
			la_ssize_t r = warc_read_raw(c, block + have, blen - have);
			if (r < 0) {
				free(block);
				goto read_error;
			}
			c->buf_base += r;
			if ((size_t)r < blen - have) {
				free(block);
				c->mode = MODE_DONE;
				char note[256];
				return galley_error_set(err, GALLEY_ERR_ARTICLE,
				                        "WARC record at offset %lld is truncated (%zu of %zu bytes); the %zu complete "
				                        "record(s) before it were read%s",
				                        (long long)rec_off, have + (size_t)r, blen, c->n_members,
				                        coll_damage_note(c, note, sizeof note));
			}
		}
		c->n_members++;
		int pr = resource ? warc_resource_payload(c, block, blen, out) : warc_http_payload(c, block, blen, out, err);
		if (pr == WARC_RECORD_SKIPPED) {
			coll_clear_entry_strings(c);
			out->url = out->date = out->record_id = NULL;
			continue;
		}
		return pr;
	}
read_error:
	c->mode = MODE_DONE;
	return galley_error_set(err, GALLEY_ERR_ARTICLE,
	                        "truncated or corrupt WARC file: %s; the %zu complete record(s) before it were read",
	                        coll_ar_msg(c->ar), c->n_members);
}

/* ---- the iteration --------------------------------------------------------------------------- */

/* Refuse what the first bytes show galley cannot read; GALLEY_OK when it can. */
