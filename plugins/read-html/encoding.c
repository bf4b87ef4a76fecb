/* read-html: the encoding of a page and its conversion to UTF-8 (see encoding.h). */
#include "encoding.h"

#include <ctype.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

/* how far to look for <meta charset> (stopping at <body>): pages put megabytes of inline script first */
#define PRESCAN_BYTES ((size_t)1 << 20)
/* how much of a page the encoding detector reads */
#define DETECT_BYTES ((size_t)256 << 10)

/* Canonicalise an encoding label (WHATWG-style aliases for the common ones): returns the kind
 * and, for ENC_OTHER, writes the label iconv should use into out. */
enc_kind read_html_label(const char *label, char *out, size_t outsz)
{
	char l[64];
	size_t n = 0;
	while (*label && isspace((unsigned char)*label))
		label++;
	while (label[n] && n + 1 < sizeof l && !isspace((unsigned char)label[n]) && label[n] != '"' &&
	       label[n] != '\'' && label[n] != ';') {
		l[n] = (char)tolower((unsigned char)label[n]);
		n++;
	}
	l[n] = 0;
	out[0] = 0;
	if (!n)
		return ENC_OTHER;
	static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", NULL};
	static const char *const w1252[] = {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
	                                    "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "ibm819",
	                                    "cp819", "us-ascii", "ascii", "ansi_x3.4-1968", "iso_8859-1:1987",
	                                    "csisolatin1", "iso88591", "8859-1", NULL};
	for (size_t i = 0; utf8[i]; i++)
		if (!strcmp(l, utf8[i]))
			return ENC_UTF8;
	for (size_t i = 0; w1252[i]; i++)
		if (!strcmp(l, w1252[i]))
			return ENC_1252;
	if (!strcmp(l, "utf-16le") || !strcmp(l, "utf-16"))
		return ENC_UTF16LE;
	if (!strcmp(l, "utf-16be"))
		return ENC_UTF16BE;
	/* a few WHATWG aliases iconv spells differently */
	if (!strcmp(l, "x-sjis") || !strcmp(l, "shift-jis"))
		snprintf(out, outsz, "SHIFT_JIS");
	else if (!strcmp(l, "gb2312") || !strcmp(l, "x-gbk") || !strcmp(l, "gbk"))
		snprintf(out, outsz, "GB18030");
	else if (!strcmp(l, "iso-8859-9") || !strcmp(l, "latin5"))
		snprintf(out, outsz, "WINDOWS-1254");
	else if (!strcmp(l, "tis-620"))
		snprintf(out, outsz, "WINDOWS-874");
	else
		snprintf(out, outsz, "%s", l);
	/* check iconv knows it */
	iconv_t cd = iconv_open("UTF-8", out);
	if (cd == (iconv_t)-1) {
		out[0] = 0;
		return ENC_OTHER;
	}
	iconv_close(cd);
	return ENC_OTHER;
}

/* The charset named by a <meta> in the first bytes of the page, or "" (written to out). */
static void read_html_prescan(const unsigned char *p, size_t len, char *out, size_t outsz)
{
	out[0] = 0;
	size_t lim = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
	const unsigned char *end = p + lim;
	for (const unsigned char *q = p; q + 6 < end; q++) {
		if (*q != '<')
			continue;
		if ((q[1] | 32) == 'b' && (q[2] | 32) == 'o' && (q[3] | 32) == 'd' && (q[4] | 32) == 'y')
			return; /* declarations come before the body */
		if ((q[1] | 32) != 'm' || (q[2] | 32) != 'e' || (q[3] | 32) != 't' || (q[4] | 32) != 'a' ||
		    !(isspace(q[5]) || q[5] == '/'))
			continue;
		/* attributes up to '>' */
		const unsigned char *a = q + 5;
		char charset[64] = "", content[256] = "";
		bool http_ct = false;
		while (a < end && *a != '>') {
			while (a < end && (isspace(*a) || *a == '/'))
				a++;
			if (a >= end || *a == '>')
				break;
			const unsigned char *ns = a;
			while (a < end && *a != '=' && *a != '>' && !isspace(*a) && *a != '/')
				a++;
			size_t nlen = (size_t)(a - ns);
			while (a < end && isspace(*a))
				a++;
			const unsigned char *vs = a, *ve = a;
			if (a < end && *a == '=') {
				a++;
				while (a < end && isspace(*a))
					a++;
				if (a < end && (*a == '"' || *a == '\'')) {
					unsigned char qch = *a++;
					vs = a;
					while (a < end && *a != qch)
						a++;
					ve = a;
					if (a < end)
						a++;
				} else {
					vs = a;
					while (a < end && !isspace(*a) && *a != '>')
						a++;
					ve = a;
				}
			}
			if (!nlen && a == ns) {
				a++;
				continue;
			}
			size_t vlen = (size_t)(ve - vs);
			if (nlen == 7 && !strncasecmp((const char *)ns, "charset", 7)) {
				snprintf(charset, sizeof charset, "%.*s", (int)(vlen < 63 ? vlen : 63), (const char *)vs);
			} else if (nlen == 10 && !strncasecmp((const char *)ns, "http-equiv", 10)) {
				http_ct = vlen == 12 && !strncasecmp((const char *)vs, "content-type", 12);
			} else if (nlen == 7 && !strncasecmp((const char *)ns, "content", 7)) {
				snprintf(content, sizeof content, "%.*s", (int)(vlen < 255 ? vlen : 255), (const char *)vs);
			}
		}
		if (charset[0]) {
			snprintf(out, outsz, "%s", charset);
			return;
		}
		if (http_ct && content[0]) {
			const char *cs = strcasestr(content, "charset=");
			if (cs) {
				cs += 8;
				while (*cs == '"' || *cs == '\'' || *cs == ' ')
					cs++;
				size_t k = strcspn(cs, "\"'; ");
				snprintf(out, outsz, "%.*s", (int)(k < 63 ? k : 63), cs);
				return;
			}
		}
	}
}

typedef struct utf8_stats {
	size_t multibyte; /* well-formed sequences of 2-4 bytes */
	size_t invalid;   /* bytes that start no well-formed sequence */
	bool nul;
} utf8_stats;

static void read_html_utf8_stats(const unsigned char *p, size_t len, utf8_stats *st)
{
	memset(st, 0, sizeof *st);
	size_t i = 0;
	while (i < len) {
		unsigned char ch = p[i];
		if (ch < 0x80) {
			if (!ch)
				st->nul = true;
			i++;
			continue;
		}
		size_t need;
		uint32_t cp;
		if (ch >= 0xC2 && ch <= 0xDF) {
			need = 1;
			cp = ch & 0x1F;
		} else if (ch >= 0xE0 && ch <= 0xEF) {
			need = 2;
			cp = ch & 0x0F;
		} else if (ch >= 0xF0 && ch <= 0xF4) {
			need = 3;
			cp = ch & 0x07;
		} else {
			st->invalid++;
			i++;
			continue;
		}
		bool ok = true;
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= len || (p[i + k] & 0xC0) != 0x80) {
				ok = false;
				break;
			}
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (ok && ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		           (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))))
			ok = false;
		if (!ok) {
			st->invalid++;
			i++;
			continue;
		}
		st->multibyte++;
		i += need + 1;
	}
}

static const uint16_t cp1252_high[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
	0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
	0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static char *read_html_from_1252(const unsigned char *p, size_t len, size_t *out_len)
{
	galley_buf b = {0};
	b.cap = len + len / 8 + 16;
	b.data = galley_malloc(b.cap);
	size_t i = 0;
	while (i < len) {
		size_t run = i;
		while (run < len && p[run] < 0x80 && p[run])
			run++;
		if (run > i)
			galley_buf_append(&b, (const char *)p + i, run - i);
		i = run;
		if (i >= len)
			break;
		unsigned char ch = p[i++];
		if (!ch)
			continue;
		galley_buf_put_utf8(&b, ch >= 0x80 && ch < 0xA0 ? cp1252_high[ch - 0x80] : ch);
	}
	*out_len = b.len;
	return galley_buf_steal(&b);
}

static char *read_html_from_utf16(const unsigned char *p, size_t len, bool be, size_t *out_len)
{
	galley_buf b = {0};
	for (size_t i = 0; i + 1 < len; i += 2) {
		uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t lo = be ? (uint32_t)(p[i + 2] << 8 | p[i + 3]) : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		if (u)
			galley_buf_put_utf8(&b, u);
	}
	*out_len = b.len;
	return galley_buf_steal(&b);
}

static int read_html_not_html(const unsigned char *p, size_t len, galley_error *err)
{
	static const struct {
		const char *magic;
		size_t n;
		const char *what;
	} sigs[] = {
		{"%PDF-", 5, "a PDF document"},   {"\x89PNG", 4, "a PNG image"},  {"\xFF\xD8\xFF", 3, "a JPEG image"},
		{"GIF8", 4, "a GIF image"},       {"PK\3\4", 4, "a zip archive"}, {"\x1F\x8B", 2, "gzip data"},
		{"RIFF", 4, "a RIFF media file"}, {"\x7F" "ELF", 4, "a program"},
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (len >= sigs[i].n && !memcmp(p, sigs[i].magic, sigs[i].n))
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "not an HTML page: the data is %s", sigs[i].what);
	size_t lim = len < 4096 ? len : 4096, ctl = 0;
	for (size_t i = 0; i < lim; i++)
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f' && p[i] != 0x1B)
			ctl++;
	if (lim && ctl * 10 > lim)
		return galley_error_set(err, GALLEY_ERR_ARTICLE,
		                        "not an HTML page: binary data (%zu of the first %zu bytes are control characters)",
		                        ctl, lim);
	return GALLEY_OK;
}

/* uchardet's answers that mean "unsure" or "the fallback anyway": keep the default */
static bool enc_detect_unsure(const char *name)
{
	return !name || !*name || !strcasecmp(name, "ASCII") || !strcasecmp(name, "WINDOWS-1252") ||
	       !strcasecmp(name, "ISO-8859-1") || !strcasecmp(name, "UTF-8");
}

/* The encoding uchardet names for bytes that declare none and are not UTF-8, as a label iconv can
 * convert from (written to lab); false when it is unsure. */
static bool enc_detect(const unsigned char *p, size_t len, char *lab, size_t labsz)
{
	uchardet_t ud = uchardet_new();
	if (!ud)
		return false;
	bool ok = false;
	if (uchardet_handle_data(ud, (const char *)p, len < DETECT_BYTES ? len : DETECT_BYTES) == 0) {
		uchardet_data_end(ud);
		const char *name = uchardet_get_charset(ud);
		if (!enc_detect_unsure(name)) {
			enc_kind k = read_html_label(name, lab, labsz);
			ok = k == ENC_OTHER && lab[0];
		}
	}
	uchardet_delete(ud);
	return ok;
}

/* A byte-order mark or the byte pattern of UTF-16 without one: advances *p past a mark. */
static bool enc_from_bytes(const unsigned char **pp, size_t *len, enc_kind *kind, const char **why)
{
	const unsigned char *p = *pp;
	size_t skip = 0;
	if (*len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		*kind = ENC_UTF8;
		skip = 3;
	} else if (*len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		*kind = ENC_UTF16LE;
		skip = 2;
	} else if (*len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		*kind = ENC_UTF16BE;
		skip = 2;
	}
	if (skip) {
		*pp += skip;
		*len -= skip;
		*why = "bom: byte-order mark";
		return true;
	}
	if (*len < 64)
		return false;
	/* UTF-16 without a mark: every other byte of ASCII markup is NUL */
	size_t z_even = 0, z_odd = 0;
	for (size_t i = 0; i < 64; i++) {
		if (p[i] == 0 && (i & 1))
			z_odd++;
		else if (p[i] == 0)
			z_even++;
	}
	if (z_odd > 24 && z_even < 4)
		*kind = ENC_UTF16LE;
	else if (z_even > 24 && z_odd < 4)
		*kind = ENC_UTF16BE;
	else
		return false;
	*why = "utf16-pattern: UTF-16 byte pattern";
	return true;
}

/* Is an encoding (kind, iconv label) one of one byte per character? */
static bool enc_single_byte(enc_kind kind, const char *lab)
{
	return kind == ENC_1252 || !strncmp(lab, "iso-8859", 8) || !strncmp(lab, "windows-", 8) ||
	       !strncmp(lab, "cp12", 4) || !strncmp(lab, "koi8", 4) || !strncmp(lab, "WINDOWS-", 8);
}

/* The declared encoding (HTTP header, then <meta>), corrected where the bytes contradict it. */
static bool enc_declared(const galley_raw *raw, const unsigned char *p, size_t len, const utf8_stats *us,
                         enc_kind *kind, char *lab, size_t labsz, const char **why)
{
	bool valid_multibyte = us->invalid == 0 && us->multibyte > 0;
	if (raw->charset && *raw->charset) {
		*kind = read_html_label(raw->charset, lab, labsz);
		if (*kind != ENC_OTHER || lab[0]) {
			*why = "http: HTTP header";
			/* a server's single-byte default on UTF-8 bytes with non-ASCII text */
			if (*kind != ENC_UTF8 && valid_multibyte && enc_single_byte(*kind, lab)) {
				*kind = ENC_UTF8;
				*why = "http-stale-utf8: valid UTF-8 with multi-byte text despite the HTTP header's single-byte charset";
			}
			return true;
		}
	}
	char meta[64];
	read_html_prescan(p, len, meta, sizeof meta);
	if (!meta[0])
		return false;
	*kind = read_html_label(meta, lab, labsz);
	if (*kind == ENC_OTHER && !lab[0])
		return false;
	*why = "meta: <meta> charset";
	/* a page re-saved as UTF-8 that kept its old declaration: valid UTF-8 with multi-byte text is
	 * (almost) never legacy text, single- or multi-byte */
	if (*kind != ENC_UTF8 && *kind != ENC_UTF16LE && *kind != ENC_UTF16BE && valid_multibyte) {
		*kind = ENC_UTF8;
		*why = "meta-stale-utf8: valid UTF-8 with multi-byte text despite the <meta> charset";
	}
	return true;
}

/* The bytes as UTF-8: themselves, or cleaned of invalid sequences and NULs. */
static void enc_utf8_text(const unsigned char *p, size_t len, const utf8_stats *us, const unsigned char **text,
                          size_t *text_len, char **owned)
{
	if (us->invalid || us->nul) {
		*owned = galley_utf8_clean((const char *)p, len);
		*text = (const unsigned char *)*owned;
		*text_len = strlen(*owned);
	} else {
		*text = p;
		*text_len = len;
	}
}

int read_html_decode(const char *forced, const char *fallback, const galley_raw *raw, const unsigned char **text,
                     size_t *text_len, char **owned, const char **why, char *used, size_t usedsz, galley_error *err)
{
	const unsigned char *p = raw->data;
	size_t len = raw->len;
	*owned = NULL;
	char lab[64] = "";
	enc_kind kind = ENC_OTHER;
	bool have = false;
	*why = "fallback: default charset";

	if (forced) {
		kind = read_html_label(forced, lab, sizeof lab);
		have = true;
		*why = "option: charset option";
	}
	if (!have)
		have = enc_from_bytes(&p, &len, &kind, why);
	if (!have) {
		int rc = read_html_not_html(p, len, err);
		if (rc != GALLEY_OK)
			return rc;
	}
	utf8_stats us = {0};
	read_html_utf8_stats(p, len, &us);
	if (!have)
		have = enc_declared(raw, p, len, &us, &kind, lab, sizeof lab, why);
	if (have && !forced && kind == ENC_UTF8 && us.invalid > 0 && us.multibyte == 0 && strncmp(*why, "bom", 3)) {
		have = false; /* declared UTF-8 but it is not: decide as if undeclared */
		*why = "declared-utf8-invalid: declared UTF-8 but not UTF-8";
	}
	if (!have) {
		bool bad_decl = !strncmp(*why, "declared-utf8-invalid", 21);
		if (us.invalid == 0 || us.multibyte > 4 * us.invalid) {
			kind = ENC_UTF8;
			if (!bad_decl)
				*why = "valid-utf8: valid UTF-8";
		} else if (enc_detect(p, len, lab, sizeof lab)) {
			kind = ENC_OTHER;
			*why = "detected: guessed by uchardet";
		} else {
			kind = read_html_label(fallback, lab, sizeof lab);
			if (!bad_decl)
				*why = "fallback: default charset";
		}
	}
	static const char *const kind_names[] = {"UTF-8", "windows-1252", "UTF-16LE", "UTF-16BE"};
	snprintf(used, usedsz, "%s", kind == ENC_OTHER ? (lab[0] ? lab : "windows-1252") : kind_names[kind]);
	switch (kind) {
	case ENC_UTF8: enc_utf8_text(p, len, &us, text, text_len, owned); return GALLEY_OK;
	case ENC_1252: *owned = read_html_from_1252(p, len, text_len); break;
	case ENC_UTF16LE: *owned = read_html_from_utf16(p, len, false, text_len); break;
	case ENC_UTF16BE: *owned = read_html_from_utf16(p, len, true, text_len); break;
	case ENC_OTHER:
		*owned = lab[0] ? galley_utf8_convert(p, len, lab, text_len) : NULL;
		if (!*owned)
			*owned = read_html_from_1252(p, len, text_len);
		break;
	}
	*text = (const unsigned char *)*owned;
	return GALLEY_OK;
}
