/* Archive members with arbitrary names: the input after its first byte, split at NUL bytes into
 * name, content, name, content..., becomes a zip (first byte even) or a pax tar (odd), written in
 * a UTF-8 locale so names that are valid UTF-8 are flagged as such and the others go in as raw
 * bytes.  read-html reads it and write-epub writes it (its image index reads the archive again,
 * so a chapter's <img> in the fuzzed content looks members up by name). */
#include "fuzz_common.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#define FUZZ_MAX_MEMBERS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	static locale_t utf8;
	if (!utf8)
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	locale_t saved = utf8 ? uselocale(utf8) : (locale_t)0;
	size_t cap = size * 2 + 65536, used = 0;
	unsigned char *buf = malloc(cap);
	struct archive *w = archive_write_new();
	if (data[0] & 1)
		archive_write_set_format_pax_restricted(w);
	else
		archive_write_set_format_zip(w);
	archive_write_open_memory(w, buf, cap, &used);
	const uint8_t *p = data + 1, *end = data + size;
	for (int k = 0; k < FUZZ_MAX_MEMBERS && p < end; k++) {
		const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
		size_t nl = nul ? (size_t)(nul - p) : (size_t)(end - p);
		char *name = strndup((const char *)p, nl);
		p += nl + (nul ? 1 : 0);
		const uint8_t *cend = p < end ? memchr(p, 0, (size_t)(end - p)) : NULL;
		size_t cl = p < end ? (cend ? (size_t)(cend - p) : (size_t)(end - p)) : 0;
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, *name ? name : "x.html");
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)cl);
		if (archive_write_header(w, e) >= ARCHIVE_WARN && cl)
			archive_write_data(w, p, cl);
		archive_entry_free(e);
		free(name);
		p += cl + (cend ? 1 : 0);
	}
	archive_write_close(w);
	archive_write_free(w);
	if (saved)
		uselocale(saved);
	char out[64];
	snprintf(out, sizeof out, "/tmp/galley-fuzz-%d.epub", (int)getpid());
	char tail[160];
	snprintf(tail, sizeof tail, "! write-epub output=%s", out);
	fuzz_run("read-html", "", tail, buf, used);
	unlink(out);
	free(buf);
	return 0;
}
