/* read-html internals: deciding a page's encoding and converting it to UTF-8 (not exported). */
#ifndef READ_HTML_ENCODING_H
#define READ_HTML_ENCODING_H

#include <galley/galley.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum enc_kind { ENC_UTF8, ENC_1252, ENC_UTF16LE, ENC_UTF16BE, ENC_OTHER } enc_kind;

/* Canonicalise an encoding label (WHATWG-style aliases for the common ones): returns the kind
 * and, for ENC_OTHER, writes the label iconv should use into out ("" when iconv cannot convert it). */
enc_kind read_html_label(const char *label, char *out, size_t outsz);

/* Decide the encoding of raw (forced: the charset option or NULL; fallback: the default_charset
 * option) and return UTF-8 text in *text / *text_len: either raw's own bytes (*owned NULL) or a
 * new buffer in *owned (caller frees).  *why (static) says which rule decided. */
int read_html_decode(const char *forced, const char *fallback, const galley_raw *raw, const unsigned char **text,
                     size_t *text_len, char **owned, const char **why, galley_error *err);

#endif
