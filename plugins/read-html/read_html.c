/* read-html: web pages (files, directories, archives, WARC) into articles.
 *
 * read() is cheap and serial: it takes the next collection entry and hands its bytes on as the
 * article's raw input.  parse() runs per article, possibly on worker threads:
 *   1. decide the encoding (BOM, transport charset, <meta charset>/http-equiv, a UTF-8 check,
 *      then the default, windows-1252) and convert to UTF-8 once;
 *   2. parse with libxml2's HTML parser (recovering, no network, no nesting cap);
 *   3. one walk over the tree collects metadata (meta, link, title, time, JSON-LD, microdata,
 *      microformats, html@lang), removes scripts, styles, noscript, template, comments and
 *      processing instructions, and flattens nesting deeper than 256 levels;
 *   4. the parsed document itself becomes the body document: <body> is made the root element
 *      (no copy of the tree).
 * Title, site, language (declared, else guessed from the text), URL and description are decided
 * here; authors and dates are left as candidates for tag-attribution (the date field gets a
 * default from the best candidate).  Relative img@src references are recorded as the article's
 * local resources (resources.c).  See docs/readers.md. */
#include <galley/galley.h>

#include "encoding.h"
#include "metadata.h"
#include "resources.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#define READ_HTML_VERSION "0.1.0"

static const galley_option read_html_options[] = {
	{.name = "input", .type = GALLEY_OPT_PATH, .flags = GALLEY_OPT_REQUIRED,
	 .help = "pages to read: files, directories (recursive, sorted), globs, @list files, '-' (stdin), "
	         "comma-separated; .gz/.xz/.zst/.bz2 files, tar and zip archives, WARC (.warc, .warc.gz) files"},
	{.name = "extensions", .type = GALLEY_OPT_STRING, .default_value = ".html,.htm,.xhtml,.shtml",
	 .help = "comma-separated name endings taken from directories and archives (a file named explicitly is always read)"},
	{.name = "charset", .type = GALLEY_OPT_STRING,
	 .help = "force this encoding for every page, overriding BOM, HTTP and <meta> declarations (e.g. windows-1251)"},
	{.name = "default_charset", .type = GALLEY_OPT_STRING, .default_value = "windows-1252",
	 .help = "encoding assumed for a page that declares none and is not valid UTF-8"},
	{.name = "max_size", .type = GALLEY_OPT_INT, .default_value = "67108864", .min = 1024, .max = 1073741824,
	 .help = "largest page read, in bytes; a larger one fails with a message and the run goes on"},
	{.name = "max_ratio", .type = GALLEY_OPT_DOUBLE, .default_value = "200", .min = 1, .max = 1e12,
	 .help = "a compressed input or member may expand to this many times its compressed size (the first MiB is always "
	         "allowed); beyond, it is refused as a likely decompression bomb"},
	{.name = "max_expanded", .type = GALLEY_OPT_INT, .default_value = "68719476736", .min = 1048576, .max = 9.2e18,
	 .help = "most bytes one compressed input (a .gz, .warc.gz, tar or zip) may decompress to in all"},
	{.name = NULL},
};

/* Function words for guessing the language of pages that declare none (data file). */
typedef struct lang_word {
	char *word;
	uint32_t langs; /* bit i: langs[i] */
} lang_word;

typedef struct read_html_state {
	galley_collection *coll;
	lang_word *words;
	size_t n_words;
	char *langs[32];
	size_t n_langs;
	char *charset;         /* forced, canonical label, or NULL */
	char *default_charset; /* canonical label */
	char **exts;
	char *last_file; /* for per-file indices of WARC records */
	int64_t index;
	size_t n_read;
	read_html_roots roots; /* input= directories, for images beside pages */
} read_html_state;

/* ---- language from the text -------------------------------------------------------------------- */

static int read_html_cmp_word(const void *a, const void *b)
{
	return strcmp(((const lang_word *)a)->word, ((const lang_word *)b)->word);
}

static void read_html_load_stopwords(galley_stage *stage, read_html_state *st)
{
	galley_wordlist wl = {0};
	galley_error err = {0};
	if (galley_wordlist_load("read-html/stopwords.txt", &wl, &err) != GALLEY_OK) {
		galley_stage_warn(stage, "no language guessing for pages that declare none: %s", err.message);
		return;
	}
	for (size_t i = 0; i < wl.n && st->n_langs < 32; i++) {
		char *save = NULL, *line = galley_strdup(wl.items[i]);
		char *tag = strtok_r(line, " \t", &save);
		if (tag) {
			size_t li = st->n_langs++;
			st->langs[li] = galley_strdup(tag);
			for (char *w = strtok_r(NULL, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
				size_t k;
				for (k = 0; k < st->n_words; k++)
					if (!strcmp(st->words[k].word, w))
						break;
				if (k == st->n_words) {
					st->words = galley_realloc(st->words, (st->n_words + 1) * sizeof *st->words);
					st->words[k].word = galley_strdup(w);
					st->words[k].langs = 0;
					st->n_words++;
				}
				st->words[k].langs |= 1u << li;
			}
		}
		free(line);
	}
	galley_wordlist_free(&wl);
	if (st->n_words)
		qsort(st->words, st->n_words, sizeof *st->words, read_html_cmp_word);
}

/* Scripts that name one language well enough on their own. */
enum { SC_LATIN, SC_HAN, SC_KANA, SC_HANGUL, SC_GREEK, SC_HEBREW, SC_THAI, SC_BENGALI, SC_OTHER, SC__N };

static int read_html_script(uint32_t cp)
{
	if (cp < 0x80)
		return isalpha((int)cp) ? SC_LATIN : -1;
	if (cp >= 0xC0 && cp < 0x250)
		return SC_LATIN;
	if (cp >= 0x370 && cp < 0x400)
		return SC_GREEK;
	if (cp >= 0x590 && cp < 0x600)
		return SC_HEBREW;
	if (cp >= 0x980 && cp < 0xA00)
		return SC_BENGALI;
	if (cp >= 0xE00 && cp < 0xE80)
		return SC_THAI;
	if (cp >= 0x3040 && cp < 0x3100)
		return SC_KANA;
	if (cp >= 0xAC00 && cp < 0xD7B0)
		return SC_HANGUL;
	if (cp >= 0x4E00 && cp < 0xA000)
		return SC_HAN;
	if (cp >= 0x2000 && cp < 0x3040)
		return -1; /* punctuation, symbols */
	return SC_OTHER;
}

/* The language of the page's text, or NULL: a script that names one language (Japanese kana,
 * Hangul, Han, Greek, Hebrew, Thai, Bengali) when it dominates, else the language most of the
 * function words belong to (borrowed from st or static). */
static const char *read_html_guess_language(const read_html_state *st, xmlNodePtr root)
{
	if (!root)
		return NULL;
	size_t hits[32] = {0}, tokens = 0, script[SC__N] = {0}, letters = 0;
	char w[32];
	for (xmlNodePtr n = root; n && tokens < 4000 && letters < 20000;) {
		if (n->type == XML_TEXT_NODE && n->content) {
			const char *p = (const char *)n->content, *end = p + strlen(p);
			size_t k = 0;
			bool fits = true;
			while (p <= end && tokens < 4000) {
				const char *at = p;
				uint32_t cp = p < end ? galley_utf8_next(&p, end) : 0;
				if (p == at)
					p++;
				int sc = cp ? read_html_script(cp) : -1;
				if (sc >= 0) {
					script[sc]++;
					letters++;
				}
				if (sc == SC_LATIN || sc == SC_GREEK || sc == SC_OTHER) {
					size_t nb = (size_t)(p - at);
					if (k + nb < sizeof w) {
						for (size_t i = 0; i < nb; i++)
							w[k++] = (char)tolower((unsigned char)at[i]);
					} else {
						fits = false;
					}
					continue;
				}
				if (k) {
					w[k] = 0;
					tokens++;
					if (fits && st->n_words) {
						lang_word key = {.word = w};
						const lang_word *hit =
							bsearch(&key, st->words, st->n_words, sizeof *st->words, read_html_cmp_word);
						if (hit)
							for (size_t i = 0; i < st->n_langs; i++)
								hits[i] += (hit->langs >> i) & 1u;
					}
				}
				k = 0;
				fits = true;
				if (!cp)
					break;
			}
		}
		n = galley_node_next(n, root, n->type == XML_ELEMENT_NODE);
	}
	if (letters >= 50) {
		size_t cjk = script[SC_HAN] + script[SC_KANA] + script[SC_HANGUL];
		if (cjk * 2 > letters) {
			if (script[SC_KANA] * 10 > cjk)
				return "ja";
			if (script[SC_HANGUL] * 2 > cjk)
				return "ko";
			return "zh";
		}
		static const struct {
			int sc;
			const char *tag;
		} single[] = {{SC_GREEK, "el"}, {SC_HEBREW, "he"}, {SC_THAI, "th"}, {SC_BENGALI, "bn"}};
		for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
			if (script[single[i].sc] * 2 > letters)
				return single[i].tag;
	}
	size_t best = 0, second = 0, bi = 0;
	for (size_t i = 0; i < st->n_langs; i++) {
		if (hits[i] > best) {
			second = best;
			best = hits[i];
			bi = i;
		} else if (hits[i] > second) {
			second = hits[i];
		}
	}
	if (best >= 8 && best * 2 >= second * 3)
		return st->langs[bi];
	return NULL;
}

/* ---- options ----------------------------------------------------------------------------- */

static void read_html_close(galley_stage *stage, void *state)
{
	read_html_state *st = state;
	if (!st)
		return;
	galley_collection_close(st->coll);
	galley_strv_free(st->exts);
	for (size_t i = 0; i < st->n_words; i++)
		free(st->words[i].word);
	free(st->words);
	for (size_t i = 0; i < st->n_langs; i++)
		free(st->langs[i]);
	free(st->charset);
	free(st->default_charset);
	free(st->last_file);
	read_html_roots_free(&st->roots);
	free(st);
}

static int read_html_open(galley_stage *stage, void **state, galley_error *err)
{
	/* libxml2 must be initialised on one thread before parse() runs on workers (idempotent) */
	xmlInitParser();
	read_html_state *st = galley_calloc(1, sizeof *st);
	const char *cs = galley_stage_opt_string(stage, "charset");
	char lab[64];
	if (cs && *cs) {
		enc_kind k = read_html_label(cs, lab, sizeof lab);
		if (k == ENC_OTHER && !lab[0]) {
			free(st);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "charset '%s' is not an encoding this system can convert (see `iconv -l`)", cs);
		}
		st->charset = galley_strdup(cs);
	}
	const char *dcs = galley_stage_opt_string(stage, "default_charset");
	if (dcs && *dcs) {
		enc_kind k = read_html_label(dcs, lab, sizeof lab);
		if (k == ENC_OTHER && !lab[0]) {
			free(st->charset);
			free(st);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "default_charset '%s' is not an encoding this system can convert (see `iconv -l`)",
			                        dcs);
		}
		st->default_charset = galley_strdup(dcs);
	} else {
		st->default_charset = galley_strdup("windows-1252");
	}
	const char *exts = galley_stage_opt_string(stage, "extensions");
	st->exts = galley_extensions_parse(exts);
	read_html_load_stopwords(stage, st);
	static const char *const media[] = {"text/html", "application/xhtml+xml", "text/plain", NULL};
	galley_collection_options co = {
		.extensions = st->exts[0] ? (const char *const *)st->exts : NULL,
		.media_types = media,
		.max_entry_bytes = (size_t)galley_stage_opt_int(stage, "max_size"),
		.max_ratio = galley_stage_opt_double(stage, "max_ratio"),
		.max_expanded_bytes = (uint64_t)galley_stage_opt_int(stage, "max_expanded"),
	};
	st->coll = galley_collection_open(galley_stage_opt_string(stage, "input"), &co, err);
	if (!st->coll) {
		read_html_close(stage, st);
		return GALLEY_ERR_FATAL;
	}
	read_html_roots_init(&st->roots, galley_stage_opt_string(stage, "input"));
	*state = st;
	return GALLEY_OK;
}


/* ---- read: serial and cheap ----------------------------------------------------------------- */

static int read_html_read(galley_stage *stage, void *state, galley_article **out, galley_error *err)
{
	read_html_state *st = state;
	galley_entry e;
	int rc = galley_collection_next(st->coll, &e, err);
	if (rc == GALLEY_END) {
		for (size_t i = 0; i < galley_collection_n_skip_reasons(st->coll); i++) {
			size_t n = 0;
			const char *why = galley_collection_skip_reason(st->coll, i, &n);
			galley_buf b = {0};
			galley_buf_printf(&b, "skipped: %s", why);
			galley_stage_count(stage, b.data, n);
			galley_buf_free(&b);
		}
		return GALLEY_END;
	}
	galley_article *a = galley_article_new();
	int64_t index = -1;
	if (e.offset >= 0) {
		if (st->last_file && e.file && !strcmp(st->last_file, e.file))
			st->index++;
		else
			st->index = 0;
		index = st->index;
	}
	if (e.file)
		galley_article_set_location(a, e.file, e.member, e.offset, index);
	if (e.offset >= 0)
		galley_article_set_location_warc(a, e.url, e.record_id, e.date);
	if (rc != GALLEY_OK) {
		*out = a;
		return rc;
	}
	free(st->last_file);
	st->last_file = e.offset >= 0 && e.file ? galley_strdup(e.file) : NULL;
	char date[48];
	const char *d = NULL;
	if (e.date && galley_date_normalize(e.date, date, sizeof date))
		d = date;
	galley_article_take_raw(a, e.data, e.len, e.content_type, e.charset, d, e.status);
	/* the WARC URL waits in the URL field (and the date in the raw input) until parse() ranks
	 * them after the page's own candidates */
	if (e.url)
		galley_article_set(a, GALLEY_FIELD_URL, e.url);
	if (e.status) {
		char s[16];
		snprintf(s, sizeof s, "%d", e.status);
		galley_article_set_extra(a, "http_status", s);
	}
	st->n_read++;
	*out = a;
	return GALLEY_OK;
}

/* ---- parse: decode, parse, clean, collect ------------------------------------------------------ */


static int read_html_parse(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	read_html_state *st = state;
	const galley_raw *raw = galley_article_raw(a);
	if (!raw)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "no page data (read-html parse() without read())");
	size_t ws = 0;
	while (ws < raw->len && (isspace(raw->data[ws]) || raw->data[ws] == 0))
		ws++;
	if (ws == raw->len)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "the page is empty");
	const unsigned char *text;
	size_t text_len;
	char *owned = NULL;
	const char *why = NULL;
	char used[64];
	int rc = read_html_decode(st->charset, st->default_charset, raw, &text, &text_len, &owned, &why, used, sizeof used,
	                          err);
	if (rc != GALLEY_OK)
		return rc;
	if (text_len > (size_t)INT32_MAX - 1) {
		free(owned);
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "the page is too large to parse (%zu bytes)", text_len);
	}
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt((const char *)text, (int)text_len);
	if (!ctxt) {
		free(owned);
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "the HTML parser could not start (out of memory?)");
	}
	/* XML_PARSE_HUGE lifts libxml2's nesting cap (256, which stops the whole parse: the rest of
	 * the page would be lost) and its 10 MB text-node cap (inline scripts); the input is bounded
	 * by max_size, the parser is iterative, and the walk flattens nesting deeper than 256 */
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	                             HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
	/* nodes that own their names: other stages may move them into documents of their own */
	ctxt->dictNames = 0;
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(ctxt);
	xmlDocPtr doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	free(owned);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "no HTML markup could be parsed from the page");
	}
	if (galley_stage_verbose(stage))
		galley_article_set_extra(a, "charset_from", why);
	read_html_explain(a, "charset", used, why);
	char *warc_url = galley_strdup(galley_article_get(a, GALLEY_FIELD_URL));
	char *warc_date = galley_strdup(raw->date);
	read_html_meta_collect(a, doc, warc_url, warc_date);
	free(warc_url);
	free(warc_date);
	/* the body document is the parsed document itself, re-rooted at <body> */
	xmlNodePtr html = xmlDocGetRootElement(doc), body = NULL;
	for (xmlNodePtr c = html->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !xmlStrcasecmp(c->name, BAD_CAST "body")) {
			body = c;
			break;
		}
	if (!xmlStrcasecmp(html->name, BAD_CAST "body"))
		body = html;
	if (body) {
		if (body != html) {
			xmlUnlinkNode(body);
			xmlNodePtr old = xmlDocSetRootElement(doc, body);
			xmlFreeNode(old);
		}
	} else {
		body = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
		xmlNodePtr old = xmlDocSetRootElement(doc, body);
		xmlFreeNode(old);
	}
	/* anything else at the top (a DTD, stray comments) goes */
	for (xmlNodePtr c = doc->children, next; c; c = next) {
		next = c->next;
		if (c != body) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	doc->intSubset = NULL;
	doc->extSubset = NULL;
	doc->type = XML_DOCUMENT_NODE;
	doc->properties &= ~(int)XML_DOC_HTML;
	if (!galley_article_get(a, GALLEY_FIELD_LANGUAGE)) {
		const char *lang = read_html_guess_language(st, body);
		if (lang) {
			galley_article_add_candidate(a, "language", lang, "detected");
			galley_article_set(a, GALLEY_FIELD_LANGUAGE, lang);
		}
	}
	/* images that came with the page (beside it on disk or in its archive) */
	read_html_resources(a, &st->roots, body);
	galley_article_set_body(a, doc);
	galley_article_drop_raw(a);
	return GALLEY_OK;
}

GALLEY_PLUGIN_DEFINE(.name = "read-html", .kind = GALLEY_KIND_READER,
                     .summary = "read web pages (files, directories, archives, WARC) into articles",
                     .version = READ_HTML_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = read_html_options, .open = read_html_open, .close = read_html_close,
                     .read = read_html_read, .parse = read_html_parse);
