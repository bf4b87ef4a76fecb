/* WARC framing: the input after its first byte is a WARC stream, read as it is (first byte's
 * low bits 0), gzip-compressed as one stream (1), or as one gzip member per record, split before
 * each "WARC/1." (2, as Common Crawl publishes), or that with the last member cut short (3). */
#include "fuzz_common.h"

#include <archive.h>
#include <archive_entry.h>

static size_t gzip_append(const uint8_t *d, size_t n, unsigned char *out, size_t cap)
{
	size_t used = 0;
	struct archive *w = archive_write_new();
	archive_write_set_format_raw(w);
	archive_write_add_filter_gzip(w);
	archive_write_set_bytes_in_last_block(w, 1);
	if (archive_write_open_memory(w, out, cap, &used) == ARCHIVE_OK) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, "r");
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_size(e, (la_int64_t)n);
		if (archive_write_header(w, e) == ARCHIVE_OK && n)
			archive_write_data(w, d, n);
		archive_entry_free(e);
		archive_write_close(w);
	}
	archive_write_free(w);
	return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int mode = data[0] & 3;
	const uint8_t *d = data + 1;
	size_t n = size - 1;
	if (mode == 0) {
		fuzz_run("read-html", "", "! write-json output=/dev/null", d, n);
		return 0;
	}
	size_t cap = n * 2 + 65536, used = 0;
	unsigned char *buf = malloc(cap);
	if (mode == 1) {
		used = gzip_append(d, n, buf, cap);
	} else {
		size_t start = 0;
		for (size_t i = 1; i <= n; i++) {
			if (i < n && !(i + 7 <= n && !memcmp(d + i, "WARC/1.", 7)))
				continue;
			size_t room = cap - used;
			if (room < (i - start) * 2 + 4096)
				break;
			used += gzip_append(d + start, i - start, buf + used, room);
			start = i;
		}
		if (mode == 3 && used > 8)
			used -= used / 7 + 1;
	}
	fuzz_run("read-html", "", "! write-json output=/dev/null", buf, used);
	free(buf);
	return 0;
}
