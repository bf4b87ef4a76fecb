/* Text helpers: buffers, memory, UTF-8, white space, hashing. */
#include <galley/text.h>
#include <galley/version.h>

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "galley: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *galley_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *galley_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *galley_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *galley_strdup(const char *s)
{
	if (!s)
		return NULL;
	return galley_strndup(s, strlen(s));
}

char *galley_strndup(const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *d = galley_malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* ---- buffers ---- */
static void buf_reserve(galley_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = galley_realloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0';
}

void galley_buf_append(galley_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void galley_buf_puts(galley_buf *b, const char *s)
{
	galley_buf_append(b, s, strlen(s));
}

void galley_buf_putc(galley_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void galley_buf_printf(galley_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		galley_buf_append(b, small, (size_t)n);
		return;
	}
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void galley_buf_put_utf8(galley_buf *b, uint32_t cp)
{
	char o[4];
	size_t n;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		o[0] = (char)(0xF0 | (cp >> 18));
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	galley_buf_append(b, o, n);
}

void galley_buf_reset(galley_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void galley_buf_free(galley_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *galley_buf_steal(galley_buf *b)
{
	char *d = b->data ? b->data : galley_strdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

/* ---- UTF-8 ---- */
/* Length of the valid sequence at p (1-4) and its code point, or 0 when invalid. */
static size_t utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
	unsigned c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if ((size_t)(end - p) < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

bool galley_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(p, end, &cp);
		if (!n)
			return false;
		p += n;
	}
	return true;
}

uint32_t galley_utf8_next(const char **sp, const char *send)
{
	const unsigned char *p = (const unsigned char *)*sp, *end = (const unsigned char *)send;
	if (p >= end)
		return 0;
	uint32_t cp;
	size_t n = utf8_decode(p, end, &cp);
	if (!n) {
		*sp += 1;
		return 0xFFFD;
	}
	*sp += n;
	return cp;
}

size_t galley_utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* windows-1252's characters for bytes 0x80-0x9F; 0 where it defines none. */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

char *galley_utf8_clean(const char *s, size_t len)
{
	galley_buf b = {0};
	buf_reserve(&b, len);
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned c = *p;
		if (c < 0x80) {
			if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
				if (c != 0x7F)
					galley_buf_putc(&b, (char)c);
			}
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(p, end, &cp);
		if (!n) {
			galley_buf_append(&b, "\xEF\xBF\xBD", 3);
			p++;
			continue;
		}
		if (cp >= 0x80 && cp <= 0x9F) {
			/* C1 controls are, in scraped text, windows-1252 characters that went through a
			 * latin-1 decoder or an HTML numeric reference (&#150;); map them as HTML5 does. */
			if (cp1252_c1[cp - 0x80])
				galley_buf_put_utf8(&b, cp1252_c1[cp - 0x80]);
		} else if (cp != 0xFFFE && cp != 0xFFFF) {
			/* U+FFFE/U+FFFF are not allowed in XML */
			galley_buf_append(&b, (const char *)p, n);
		}
		p += n;
	}
	return galley_buf_steal(&b);
}

bool galley_utf8_is_clean(const char *s, size_t len)
{
	bool ascii = true;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			return false;
		if (c >= 0x80) {
			ascii = false;
			unsigned char d = i + 1 < len ? (unsigned char)s[i + 1] : 0;
			if (c == 0xc2 && d >= 0x80 && d < 0xa0) /* C1 controls U+0080..U+009F */
				return false;
			if (c == 0xef && d == 0xbf && i + 2 < len && (unsigned char)s[i + 2] >= 0xbe) /* U+FFFE, U+FFFF */
				return false;
		}
	}
	return ascii || galley_utf8_valid(s, len);
}

char *galley_utf8_convert(const void *s, size_t len, const char *from, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 64;
	char *out = galley_malloc(cap + 1);
	char *in = (char *)(uintptr_t)s;
	size_t inleft = len, used = 0;
	while (inleft) {
		char *o = out + used;
		size_t oleft = cap - used;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		used = (size_t)(o - out);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			cap *= 2;
			out = galley_realloc(out, cap + 1);
		} else if (errno == EILSEQ || errno == EINVAL) {
			/* an invalid or truncated sequence: U+FFFD and go on one byte later */
			if (cap - used < 4) {
				cap *= 2;
				out = galley_realloc(out, cap + 1);
			}
			memcpy(out + used, "\xEF\xBF\xBD", 3);
			used += 3;
			in++;
			inleft--;
			iconv(cd, NULL, NULL, NULL, NULL);
		} else {
			break;
		}
	}
	iconv_close(cd);
	out[used] = 0;
	*out_len = used;
	return out;
}

/* ---- white space ---- */
/* Length of a white-space character at p, or 0. */
static size_t ws_len(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && end - p >= 2 && p[1] == 0xA0)
		return 2;
	if (c == 0xE2 && end - p >= 3) {
		if (p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF))
			return 3;
		if (p[1] == 0x81 && p[2] == 0x9F)
			return 3;
	}
	if (c == 0xE3 && end - p >= 3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

void galley_ws_normalize_into(galley_buf *b, const char *s, size_t len)
{
	/* The output is never longer than the input: reserve once, write in place. */
	buf_reserve(b, len);
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	char *out = b->data + b->len;
	bool pending = false, any = false;
	while (p < end) {
		unsigned c = *p;
		if (c > ' ' && c < 0x80) {
			/* the common case: a plain ASCII character */
			if (pending && any)
				*out++ = ' ';
			pending = false;
			any = true;
			*out++ = (char)c;
			p++;
			continue;
		}
		size_t w = ws_len(p, end);
		if (w) {
			pending = true;
			p += w;
			continue;
		}
		if (pending && any)
			*out++ = ' ';
		pending = false;
		any = true;
		const unsigned char *q = p + 1;
		while (q < end && (*q & 0xC0) == 0x80)
			q++;
		memcpy(out, p, (size_t)(q - p));
		out += q - p;
		p = q;
	}
	b->len = (size_t)(out - b->data);
	b->data[b->len] = '\0';
}

char *galley_ws_normalize(const char *s)
{
	galley_buf b = {0};
	if (s)
		galley_ws_normalize_into(&b, s, strlen(s));
	return galley_buf_steal(&b);
}

uint64_t galley_hash64(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = seed;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

const char *galley_version(void)
{
	return GALLEY_VERSION_STRING;
}

const char *galley_library_version(void)
{
	return GALLEY_LIB_VERSION_STRING;
}

int galley_plugin_abi(int *minor)
{
	if (minor)
		*minor = GALLEY_ABI_MINOR;
	return GALLEY_ABI_MAJOR;
}
