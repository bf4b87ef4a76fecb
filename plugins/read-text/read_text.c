/* read-text: scraped plain text into articles.
 *
 * The first non-empty line is the title; blank lines separate paragraphs, each a <p> in the
 * body (lines inside one paragraph are kept, joined by <br/>).  Every line after the title is
 * kept: deciding what is boilerplate is the stripper's job.  One file is one article, or, with
 * separator=, several: a line that equals the separator (after trimming) ends an article.
 * Collections are the same as read-html's (files, directories, globs, @lists, stdin, archives,
 * compressed files).  Text is UTF-8; a file that is not valid UTF-8 is read as windows-1252
 * unless charset= says otherwise. */
#include <galley/galley.h>

#include <ctype.h>
#include <iconv.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#define READ_TEXT_VERSION "0.1.0"

static const galley_option read_text_options[] = {
	{.name = "input", .type = GALLEY_OPT_PATH, .flags = GALLEY_OPT_REQUIRED,
	 .help = "text to read: files, directories (recursive, sorted), globs, @list files, '-' (stdin), "
	         "comma-separated; .gz/.xz/.zst/.bz2 files, tar and zip archives"},
	{.name = "extensions", .type = GALLEY_OPT_STRING, .default_value = ".txt,.text",
	 .help = "comma-separated name endings taken from directories and archives (a file named explicitly is always read)"},
	{.name = "separator", .type = GALLEY_OPT_STRING,
	 .help = "a line (compared after trimming white space) that separates articles inside one file, e.g. '----'"},
	{.name = "charset", .type = GALLEY_OPT_STRING,
	 .help = "encoding of every file (default: UTF-8, and windows-1252 for a file that is not valid UTF-8)"},
	{.name = "max_size", .type = GALLEY_OPT_INT, .default_value = "67108864", .min = 1024, .max = 1073741824,
	 .help = "largest file read, in bytes; a larger one fails with a message and the run goes on"},
	{.name = "max_ratio", .type = GALLEY_OPT_DOUBLE, .default_value = "200", .min = 1, .max = 1e12,
	 .help = "a compressed input or member may expand to this many times its compressed size (the first MiB is always "
	         "allowed); beyond, it is refused as a likely decompression bomb"},
	{.name = "max_expanded", .type = GALLEY_OPT_INT, .default_value = "68719476736", .min = 1048576, .max = 9.2e18,
	 .help = "most bytes one compressed input (a .gz, .warc.gz, tar or zip) may decompress to in all"},
	{.name = NULL},
};

typedef struct read_text_state {
	galley_collection *coll;
	char **exts;
	char *separator; /* trimmed, or NULL */
	char *charset;   /* or NULL */
	/* the entry being split by the separator */
	galley_entry cur;
	bool have_cur;
	char *cur_file, *cur_member;
	size_t cur_pos;
	int64_t cur_index;
} read_text_state;

static int read_text_open(galley_stage *stage, void **state, galley_error *err)
{
	/* libxml2 must be initialised on one thread before parse() runs on workers (idempotent) */
	xmlInitParser();
	read_text_state *st = galley_calloc(1, sizeof *st);
	const char *sep = galley_stage_opt_string(stage, "separator");
	if (sep) {
		char *t = galley_ws_normalize(sep);
		if (*t)
			st->separator = t;
		else
			free(t);
	}
	const char *cs = galley_stage_opt_string(stage, "charset");
	if (cs && *cs) {
		iconv_t cd = iconv_open("UTF-8", cs);
		if (cd == (iconv_t)-1) {
			free(st->separator);
			free(st);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "charset '%s' is not an encoding this system can convert (see `iconv -l`)", cs);
		}
		iconv_close(cd);
		st->charset = galley_strdup(cs);
	}
	const char *exts = galley_stage_opt_string(stage, "extensions");
	st->exts = galley_extensions_parse(exts);
	static const char *const media[] = {"text/plain", NULL};
	galley_collection_options co = {
		.extensions = st->exts[0] ? (const char *const *)st->exts : NULL,
		.media_types = media,
		.max_entry_bytes = (size_t)galley_stage_opt_int(stage, "max_size"),
		.max_ratio = galley_stage_opt_double(stage, "max_ratio"),
		.max_expanded_bytes = (uint64_t)galley_stage_opt_int(stage, "max_expanded"),
	};
	st->coll = galley_collection_open(galley_stage_opt_string(stage, "input"), &co, err);
	if (!st->coll) {
		galley_strv_free(st->exts);
		free(st->separator);
		free(st->charset);
		free(st);
		return GALLEY_ERR_FATAL;
	}
	*state = st;
	return GALLEY_OK;
}

static void read_text_drop_cur(read_text_state *st)
{
	if (st->have_cur)
		free(st->cur.data);
	st->have_cur = false;
	free(st->cur_file);
	free(st->cur_member);
	st->cur_file = st->cur_member = NULL;
}

static void read_text_close(galley_stage *stage, void *state)
{
	read_text_state *st = state;
	if (!st)
		return;
	read_text_drop_cur(st);
	galley_collection_close(st->coll);
	galley_strv_free(st->exts);
	free(st->separator);
	free(st->charset);
	free(st);
}

/* The next chunk of the current entry up to a separator line: [*start, *end).  false at the end. */
static bool read_text_next_chunk(read_text_state *st, size_t *start, size_t *end)
{
	const char *d = (const char *)st->cur.data;
	size_t len = st->cur.len, p = st->cur_pos;
	if (p >= len)
		return false;
	size_t sl = strlen(st->separator);
	*start = p;
	while (p < len) {
		const char *eol = memchr(d + p, '\n', len - p);
		size_t le = eol ? (size_t)(eol - d) : len;
		/* trimmed line == separator? */
		size_t a = p, b = le;
		while (a < b && isspace((unsigned char)d[a]))
			a++;
		while (b > a && isspace((unsigned char)d[b - 1]))
			b--;
		if (b - a == sl && !memcmp(d + a, st->separator, sl)) {
			*end = p;
			st->cur_pos = eol ? le + 1 : len;
			return true;
		}
		p = eol ? le + 1 : len;
	}
	*end = len;
	st->cur_pos = len;
	return true;
}

static bool read_text_blank(const unsigned char *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace(d[i]))
			return false;
	return true;
}

static int read_text_read(galley_stage *stage, void *state, galley_article **out, galley_error *err)
{
	read_text_state *st = state;
	for (;;) {
		if (st->have_cur && st->separator) {
			size_t s, e;
			while (read_text_next_chunk(st, &s, &e)) {
				if (read_text_blank(st->cur.data + s, e - s))
					continue;
				galley_article *a = galley_article_new();
				galley_article_set_location(a, st->cur_file, st->cur_member, -1, st->cur_index++);
				unsigned char *chunk = galley_malloc(e - s + 1);
				memcpy(chunk, st->cur.data + s, e - s);
				galley_article_take_raw(a, chunk, e - s, "text/plain", NULL, NULL, 0);
				*out = a;
				return GALLEY_OK;
			}
			read_text_drop_cur(st);
		}
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
		if (rc != GALLEY_OK) {
			galley_article *a = galley_article_new();
			if (e.file)
				galley_article_set_location(a, e.file, e.member, e.offset, -1);
			*out = a;
			return rc;
		}
		if (!st->separator) {
			galley_article *a = galley_article_new();
			galley_article_set_location(a, e.file, e.member, e.offset, -1);
			galley_article_take_raw(a, e.data, e.len, e.content_type, e.charset, NULL, e.status);
			if (e.url)
				galley_article_add_candidate(a, "url", e.url, "warc");
			*out = a;
			return GALLEY_OK;
		}
		st->cur = e;
		st->cur.file = st->cur.member = NULL;
		st->have_cur = true;
		st->cur_file = galley_strdup(e.file);
		st->cur_member = galley_strdup(e.member);
		st->cur_pos = 0;
		st->cur_index = 0;
		if (read_text_blank(e.data, e.len)) {
			galley_article *a = galley_article_new();
			galley_article_set_location(a, e.file, e.member, e.offset, -1);
			read_text_drop_cur(st);
			*out = a;
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "the file is empty");
		}
	}
}

static void read_text_add_para(xmlNodePtr root, char **lines, size_t n)
{
	if (!n)
		return;
	xmlNodePtr p = xmlNewChild(root, NULL, BAD_CAST "p", NULL);
	for (size_t i = 0; i < n; i++) {
		if (i)
			xmlNewChild(p, NULL, BAD_CAST "br", NULL);
		xmlAddChild(p, xmlNewText(BAD_CAST lines[i]));
	}
}

static int read_text_parse(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	read_text_state *st = state;
	const galley_raw *raw = galley_article_raw(a);
	if (!raw)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "no text (read-text parse() without read())");
	const unsigned char *p = raw->data;
	size_t len = raw->len;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		p += 3;
		len -= 3;
	}
	if (read_text_blank(p, len))
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "the file is empty");
	size_t ctl = 0, lim = len < 4096 ? len : 4096;
	for (size_t i = 0; i < lim; i++)
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f')
			ctl++;
	if (ctl * 10 > lim)
		return galley_error_set(err, GALLEY_ERR_ARTICLE,
		                        "not text: binary data (%zu of the first %zu bytes are control characters)", ctl, lim);
	char *text;
	size_t tlen;
	const char *cs = st->charset ? st->charset : raw->charset;
	if (galley_utf8_valid((const char *)p, len) && !st->charset) {
		text = galley_utf8_clean((const char *)p, len);
	} else {
		char *conv = galley_utf8_convert(p, len, cs ? cs : "WINDOWS-1252", &tlen);
		if (!conv)
			conv = galley_utf8_convert(p, len, "WINDOWS-1252", &tlen);
		if (!conv)
			return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot convert the text from %s", cs ? cs : "windows-1252");
		text = galley_utf8_clean(conv, tlen);
		free(conv);
	}
	xmlDocPtr doc = galley_body_new();
	xmlNodePtr root = galley_body_root(doc);
	char *title = NULL;
	size_t cap = 16, n = 0;
	char **lines = galley_malloc(cap * sizeof *lines);
	/* a lone CR is a line break too (old Mac files) */
	for (char *cr = strchr(text, '\r'); cr; cr = strchr(cr + 1, '\r'))
		if (cr[1] != '\n')
			*cr = '\n';
	/* split on \n keeping empty lines: walk by hand (strtok would merge blank lines) */
	char *s = text;
	while (s) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = 0;
		size_t l = strlen(s);
		if (l && s[l - 1] == '\r')
			s[--l] = 0;
		char *line = galley_ws_normalize(s);
		if (!title) {
			if (*line)
				title = line;
			else
				free(line);
		} else if (!*line || *s == '\f') {
			read_text_add_para(root, lines, n);
			for (size_t i = 0; i < n; i++)
				free(lines[i]);
			n = 0;
			free(line);
		} else {
			if (n == cap) {
				cap *= 2;
				lines = galley_realloc(lines, cap * sizeof *lines);
			}
			lines[n++] = line;
		}
		s = nl ? nl + 1 : NULL;
	}
	read_text_add_para(root, lines, n);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(text);
	if (title) {
		galley_article_set(a, GALLEY_FIELD_TITLE, title);
		galley_article_add_candidate(a, "title", title, "text");
		free(title);
	}
	galley_article_set_body(a, doc);
	galley_article_drop_raw(a);
	(void)stage;
	return GALLEY_OK;
}

GALLEY_PLUGIN_DEFINE(.name = "read-text", .kind = GALLEY_KIND_READER,
                     .summary = "read scraped plain text (title on the first line, blank lines between paragraphs)",
                     .version = READ_TEXT_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = read_text_options, .open = read_text_open, .close = read_text_close,
                     .read = read_text_read, .parse = read_text_parse);
