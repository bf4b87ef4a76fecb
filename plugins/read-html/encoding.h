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
 * new buffer in *owned (caller frees).  *why (static) is "rule-id: reason", the rule that decided;
 * the encoding used is written to used.
 *
 * The order: the charset option; a byte-order mark (or UTF-16's byte pattern); the HTTP charset
 * (rule http; a single-byte one on valid multi-byte UTF-8 gives way, http-stale-utf8); the <meta>
 * charset (meta), except that valid UTF-8 with multi-byte text overrides any legacy declaration
 * (meta-stale-utf8: pages re-saved as UTF-8 that kept their old <meta>); a declared UTF-8 that is
 * not is treated as undeclared (declared-utf8-invalid); undeclared: valid UTF-8 (valid-utf8), else
 * uchardet's guess (detected), else the fallback (windows-1252 by default; fallback). */
int read_html_decode(const char *forced, const char *fallback, const galley_raw *raw, const unsigned char **text,
                     size_t *text_len, char **owned, const char **why, char *used, size_t usedsz,
                     galley_error *err);

#endif
