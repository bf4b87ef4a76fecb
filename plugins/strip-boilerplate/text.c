/* strip-boilerplate: text forms: the key form of a short text, white space normalised copies,
 * lower case of the code points the vocabularies use. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lower-case UTF-8 for the scripts of the vocabularies: ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic basics.  Appends to b. */
uint32_t sb_lower_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F) {
		if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
			return (c % 2 == 0) ? c + 1 : c;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c % 2 == 1) ? c + 1 : c;
		if (c == 0x178)
			return 0xFF;
	}
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/* The buffer's text, NUL-terminated even when empty or just reset. */
const char *sb_cstr(galley_buf *b)
{
	if (!b->data)
		galley_buf_puts(b, "");
	else
		b->data[b->len] = '\0';
	return b->data;
}

/* White space normalised copy (owned, free()); "" for blank input. */
char *sb_norm(const char *s)
{
	galley_buf b = {0};
	if (s)
		galley_ws_normalize_into(&b, s, strlen(s));
	sb_cstr(&b);
	return galley_buf_steal(&b);
}

/* A "key" form of a short text: lower-cased, letters and digits kept, every other run of
 * characters turned into one space, trimmed.  "Read more »" -> "read more". */
void sb_key(galley_buf *b, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	bool space = false;
	galley_buf_reset(b);
	while (p < end) {
		uint32_t c = galley_utf8_next(&p, end);
		bool word = (c < 0x80) ? (isalnum((int)c) != 0) : (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
		                                                     !(c >= 0x2000 && c <= 0x2BFF) &&
		                                                     c != 0xFFFD && !(c >= 0x3000 && c <= 0x303F));
		if (!word) {
			space = b->len > 0;
			continue;
		}
		if (space)
			galley_buf_putc(b, ' ');
		space = false;
		galley_buf_put_utf8(b, sb_lower_cp(c));
	}
	sb_cstr(b);
}
