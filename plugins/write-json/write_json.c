/* write-json: articles as JSON Lines (default) or one pretty-printed JSON array.
 *
 * The format is described in docs/json-format.md and docs/article.schema.json.  Each article is
 * serialised by prepare() (which may run on several threads) into a string kept as the article's
 * scratch; write() (serial, input order) appends that string to the output, so memory does not
 * grow with the collection, even with format=array.  Key order is fixed, every string is clean
 * UTF-8 (invalid bytes become U+FFFD, control characters are dropped), absent values are
 * omitted, and the same input always gives the same bytes. */
#include <galley/galley.h>

#include <errno.h>
#include <json-c/json.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- fields, in output order ------------------------------------------------------------- */
enum {
	WJ_ID,
	WJ_URL,
	WJ_SOURCE_LOCATION,
	WJ_TITLE,
	WJ_AUTHORS,
	WJ_AUTHOR_ENTRIES,
	WJ_BYLINE,
	WJ_DATE,
	WJ_SITE,
	WJ_LANGUAGE,
	WJ_DESCRIPTION,
	WJ_DEK,
	WJ_TAGS,
	WJ_TEXT,
	WJ_HTML,
	WJ_SOURCES,
	WJ_QUOTES,
	WJ_REMOVED,
	WJ_DECISIONS,
	WJ_PIPELINE,
	WJ_EXTRA,
	WJ__COUNT
};

static const char *const write_json_field_names[WJ__COUNT] = {
	"id", "url", "source_location", "title", "authors", "author_entries", "byline", "date", "site", "language", "description",
	"dek", "tags", "text", "html", "sources", "quotes", "removed", "decisions", "pipeline", "extra",
};

typedef struct write_json_state {
	galley_output *out;
	bool array;              /* format=array */
	bool markdown;           /* text_format=markdown */
	bool want[WJ__COUNT];    /* fields to write */
	bool explain;            /* explain=true: also each decision's rule */
	size_t n_written;
} write_json_state;

/* What prepare() leaves for write(): the serialised article. */
typedef struct write_json_record {
	char *data;
	size_t len;
} write_json_record;

static void write_json_record_free(void *p)
{
	write_json_record *r = p;
	if (r) {
		free(r->data);
		free(r);
	}
}

/* ---- clean strings -------------------------------------------------------------------------- */

/* A JSON string of s[0..n), cleaned when needed (owned by the caller as a json_object). */
static json_object *write_json_strn(const char *s, size_t n)
{
	if (galley_utf8_is_clean(s, n))
		return json_object_new_string_len(s, (int)n);
	char *c = galley_utf8_clean(s, n);
	json_object *o = json_object_new_string(c);
	free(c);
	return o;
}

/* A JSON string of s, or NULL for NULL and "" (absent values are omitted). */
static json_object *write_json_str(const char *s)
{
	if (!s || !*s)
		return NULL;
	return write_json_strn(s, strlen(s));
}

static void write_json_add(json_object *obj, const char *key, json_object *val)
{
	if (val)
		json_object_object_add(obj, key, val);
}

/* ---- the body as the XHTML subset ------------------------------------------------------------ */

/* Clean the text and attribute values of the body in place, when they hold what galley_utf8_clean
 * removes (control characters a mis-decoded page can carry).  Done once, before both text and
 * html are taken from the body, so that the two agree and a round trip keeps them equal. */
static void write_json_clean_nodes(xmlNodePtr n)
{
	for (; n; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
			size_t len = strlen((const char *)n->content);
			if (!galley_utf8_is_clean((const char *)n->content, len)) {
				char *c = galley_utf8_clean((const char *)n->content, len);
				xmlNodeSetContent(n, BAD_CAST c);
				free(c);
			}
		} else if (n->type == XML_ELEMENT_NODE) {
			for (xmlAttrPtr at = n->properties; at; at = at->next)
				write_json_clean_nodes(at->children);
			write_json_clean_nodes(n->children);
		}
	}
}


static bool write_json_is_void(const xmlChar *name)
{
	return !xmlStrcmp(name, BAD_CAST "br") || !xmlStrcmp(name, BAD_CAST "hr") ||
	       !xmlStrcmp(name, BAD_CAST "img");
}

/* Escape text for element content (attr false) or a double-quoted attribute (attr true).
 * CR, and in attributes TAB and LF, are written as character references so that an XML
 * parser gives back exactly the same characters. */
static void write_json_escape(galley_buf *b, const char *s, bool attr)
{
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *rep = NULL;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		default: break;
		}
		if (rep) {
			galley_buf_append(b, run, (size_t)(p - run));
			galley_buf_puts(b, rep);
			run = p + 1;
		}
	}
	galley_buf_puts(b, run);
}

static void write_json_html_node(galley_buf *b, xmlNodePtr n)
{
	for (; n; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			galley_buf_putc(b, '<');
			galley_buf_puts(b, (const char *)n->name);
			for (xmlAttrPtr at = n->properties; at; at = at->next) {
				xmlChar *v = xmlNodeGetContent((xmlNodePtr)at);
				galley_buf_putc(b, ' ');
				galley_buf_puts(b, (const char *)at->name);
				galley_buf_puts(b, "=\"");
				write_json_escape(b, v ? (const char *)v : "", true);
				xmlFree(v);
				galley_buf_putc(b, '"');
			}
			if (write_json_is_void(n->name) && !n->children) {
				galley_buf_puts(b, "/>");
			} else {
				galley_buf_putc(b, '>');
				write_json_html_node(b, n->children);
				galley_buf_puts(b, "</");
				galley_buf_puts(b, (const char *)n->name);
				galley_buf_putc(b, '>');
			}
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content)
				write_json_escape(b, (const char *)n->content, false);
			break;
		case XML_ENTITY_REF_NODE:
			write_json_html_node(b, n->children);
			break;
		default: /* comments, processing instructions: not part of the subset */
			break;
		}
	}
}

/* The children of the body root serialised as XHTML (owned by the caller, free()). */
static char *write_json_html(xmlDocPtr doc)
{
	galley_buf b = {0};
	xmlNodePtr root = doc ? galley_body_root(doc) : NULL;
	if (root)
		write_json_html_node(&b, root->children);
	return galley_buf_steal(&b);
}

/* ---- the body as Markdown --------------------------------------------------------------------- */

typedef struct write_json_md {
	galley_buf out;     /* the document so far */
	galley_buf line;    /* the inline content of the current block */
	galley_buf prefix;  /* block prefix for continuation ("> ", "  ") */
	bool last_item;     /* the last block written was a list item */
	bool quote_start;   /* the next block is the first of a block quote */
} write_json_md;

static bool write_json_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST name);
}

static bool write_json_is_block(xmlNodePtr n)
{
	static const char *const blocks[] = {
		"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "hr",
		"div", "section", "article", NULL,
	};
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	for (size_t i = 0; blocks[i]; i++)
		if (!xmlStrcmp(n->name, BAD_CAST blocks[i]))
			return true;
	return false;
}

/* Escape the characters that would start Markdown syntax inside a run of text. */
static void write_json_md_text(galley_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']')
			galley_buf_putc(b, '\\');
		galley_buf_putc(b, c);
	}
}

/* The longest run of backticks in s. */
static size_t write_json_backtick_run(const char *s)
{
	size_t best = 0, cur = 0;
	for (; *s; s++) {
		cur = *s == '`' ? cur + 1 : 0;
		if (cur > best)
			best = cur;
	}
	return best;
}

static void write_json_md_inline(galley_buf *b, xmlNodePtr n);
static void write_json_md_inline_one(galley_buf *b, xmlNodePtr n);

static void write_json_md_wrap(galley_buf *b, xmlNodePtr n, const char *mark)
{
	galley_buf inner = {0};
	write_json_md_inline(&inner, n->children);
	/* trim: "* x*" is not emphasis */
	const char *s = inner.data ? inner.data : "";
	size_t len = inner.len;
	while (len && *s == ' ') {
		s++;
		len--;
	}
	while (len && s[len - 1] == ' ')
		len--;
	if (len) {
		galley_buf_puts(b, mark);
		galley_buf_append(b, s, len);
		galley_buf_puts(b, mark);
	}
	galley_buf_free(&inner);
}

/* One inline node; white space is collapsed later, when the block is flushed. */
static void write_json_md_inline_one(galley_buf *b, xmlNodePtr n)
{
	if (true) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				write_json_md_text(b, (const char *)n->content, strlen((const char *)n->content));
			return;
		}
		if (n->type != XML_ELEMENT_NODE)
			return;
		if (write_json_is(n, "br")) {
			galley_buf_putc(b, ' ');
		} else if (write_json_is(n, "em") || write_json_is(n, "i") || write_json_is(n, "cite")) {
			write_json_md_wrap(b, n, "*");
		} else if (write_json_is(n, "strong") || write_json_is(n, "b")) {
			write_json_md_wrap(b, n, "**");
		} else if (write_json_is(n, "code")) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t && *t) {
				/* a code span is delimited by a backtick run longer than any inside it */
				size_t run = write_json_backtick_run((const char *)t);
				bool pad = *t == '`' || t[xmlStrlen(t) - 1] == '`';
				for (size_t i = 0; i <= run; i++)
					galley_buf_putc(b, '`');
				galley_buf_puts(b, pad ? " " : "");
				galley_buf_puts(b, (const char *)t);
				galley_buf_puts(b, pad ? " " : "");
				for (size_t i = 0; i <= run; i++)
					galley_buf_putc(b, '`');
			}
			xmlFree(t);
		} else if (write_json_is(n, "a")) {
			xmlChar *href = xmlGetProp(n, BAD_CAST "href");
			galley_buf inner = {0};
			write_json_md_inline(&inner, n->children);
			if (href && *href && inner.len) {
				galley_buf_putc(b, '[');
				galley_buf_append(b, inner.data, inner.len);
				galley_buf_puts(b, "](");
				for (const xmlChar *p = href; *p; p++) {
					if (*p == ' ')
						galley_buf_puts(b, "%20");
					else if (*p == '(' || *p == ')')
						galley_buf_printf(b, "%%%02X", *p);
					else
						galley_buf_putc(b, (char)*p);
				}
				galley_buf_putc(b, ')');
			} else if (inner.len) {
				galley_buf_append(b, inner.data, inner.len);
			}
			galley_buf_free(&inner);
			xmlFree(href);
		} else if (write_json_is(n, "img")) {
			xmlChar *src = xmlGetProp(n, BAD_CAST "src");
			xmlChar *alt = xmlGetProp(n, BAD_CAST "alt");
			if (src && *src) {
				galley_buf_puts(b, "![");
				if (alt)
					write_json_md_text(b, (const char *)alt, strlen((const char *)alt));
				galley_buf_puts(b, "](");
				galley_buf_puts(b, (const char *)src);
				galley_buf_putc(b, ')');
			}
			xmlFree(src);
			xmlFree(alt);
		} else {
			write_json_md_inline(b, n->children);
		}
	}
}

/* A list of inline nodes: n and its following siblings. */
static void write_json_md_inline(galley_buf *b, xmlNodePtr n)
{
	for (; n; n = n->next)
		write_json_md_inline_one(b, n);
}

/* Separate the next block from what came before: a line break between the items of a tight
 * list, else a blank line — inside a block quote a ">" line, so the quote goes on. */
static void write_json_md_sep(write_json_md *md, bool tight)
{
	if (!md->out.len) {
		md->quote_start = false;
		return;
	}
	if (tight) {
		galley_buf_putc(&md->out, '\n');
	} else if (md->prefix.len && !md->quote_start) {
		galley_buf_putc(&md->out, '\n');
		size_t n = md->prefix.len;
		while (n && md->prefix.data[n - 1] == ' ')
			n--;
		galley_buf_append(&md->out, md->prefix.data, n);
		galley_buf_putc(&md->out, '\n');
	} else {
		galley_buf_puts(&md->out, "\n\n");
	}
	md->quote_start = false;
}

/* Write the current inline line as one block: normalised, with the marker for its first line.
 * List items follow each other on consecutive lines (a tight list); other blocks are separated
 * by a blank line. */
static void write_json_md_flush_as(write_json_md *md, const char *marker, bool item)
{
	if (!md->line.len)
		return;
	char *norm = galley_ws_normalize(md->line.data);
	galley_buf_reset(&md->line);
	if (*norm) {
		write_json_md_sep(md, item && md->last_item);
		md->last_item = item;
		galley_buf_append(&md->out, md->prefix.data ? md->prefix.data : "", md->prefix.len);
		galley_buf_puts(&md->out, marker ? marker : "");
		/* a line that would read as a block marker is escaped */
		size_t digits = strspn(norm, "0123456789");
		if (!marker && (*norm == '#' || *norm == '>' || *norm == '-' || *norm == '+')) {
			galley_buf_putc(&md->out, '\\');
			galley_buf_puts(&md->out, norm);
		} else if (!marker && digits && (norm[digits] == '.' || norm[digits] == ')')) {
			galley_buf_append(&md->out, norm, digits);
			galley_buf_putc(&md->out, '\\');
			galley_buf_puts(&md->out, norm + digits);
		} else {
			galley_buf_puts(&md->out, norm);
		}
	}
	free(norm);
}

static void write_json_md_flush(write_json_md *md, const char *marker)
{
	write_json_md_flush_as(md, marker, false);
}

static void write_json_md_flush_item(write_json_md *md, const char *marker)
{
	write_json_md_flush_as(md, marker, true);
}

static void write_json_md_blocks(write_json_md *md, xmlNodePtr n, int list_depth);
static void write_json_md_block(write_json_md *md, xmlNodePtr n, int list_depth);

static void write_json_md_list(write_json_md *md, xmlNodePtr list, int depth)
{
	bool ordered = write_json_is(list, "ol");
	long num = 1;
	if (depth == 0)
		md->last_item = false; /* a new list: a blank line before it */
	if (ordered) {
		xmlChar *start = xmlGetProp(list, BAD_CAST "start");
		if (start)
			num = strtol((const char *)start, NULL, 10);
		xmlFree(start);
	}
	for (xmlNodePtr li = list->children; li; li = li->next) {
		if (li->type != XML_ELEMENT_NODE)
			continue;
		char marker[64];
		int indent = depth * 2;
		if (ordered)
			snprintf(marker, sizeof marker, "%*s%ld. ", indent, "", num++);
		else
			snprintf(marker, sizeof marker, "%*s- ", indent, "");
		/* inline part of the item, then nested blocks */
		xmlNodePtr c = li->children;
		for (; c && !write_json_is_block(c); c = c->next)
			write_json_md_inline_one(&md->line, c);
		if (md->line.len)
			write_json_md_flush_item(md, marker);
		for (; c; c = c->next) {
			if (write_json_is(c, "ul") || write_json_is(c, "ol"))
				write_json_md_list(md, c, depth + 1);
			else if (write_json_is_block(c))
				write_json_md_block(md, c, depth + 1);
			else
				write_json_md_inline_one(&md->line, c);
		}
		write_json_md_flush(md, NULL);
	}
}

static void write_json_md_table(write_json_md *md, xmlNodePtr n, bool *header_done, size_t *rows)
{
	for (; n; n = n->next) {
		if (write_json_is(n, "tr")) {
			galley_buf row = {0};
			size_t cells = 0;
			galley_buf_puts(&row, "|");
			for (xmlNodePtr c = n->children; c; c = c->next) {
				if (!write_json_is(c, "td") && !write_json_is(c, "th"))
					continue;
				galley_buf cell = {0};
				write_json_md_inline(&cell, c->children);
				char *norm = galley_ws_normalize(cell.data ? cell.data : "");
				galley_buf_putc(&row, ' ');
				for (const char *p = norm; *p; p++) {
					if (*p == '|')
						galley_buf_putc(&row, '\\');
					galley_buf_putc(&row, *p);
				}
				galley_buf_puts(&row, " |");
				free(norm);
				galley_buf_free(&cell);
				cells++;
			}
			if (cells) {
				write_json_md_sep(md, *rows > 0);
				galley_buf_append(&md->out, md->prefix.data ? md->prefix.data : "", md->prefix.len);
				galley_buf_append(&md->out, row.data, row.len);
				if (!*header_done) {
					galley_buf_putc(&md->out, '\n');
					galley_buf_append(&md->out, md->prefix.data ? md->prefix.data : "", md->prefix.len);
					galley_buf_puts(&md->out, "|");
					for (size_t i = 0; i < cells; i++)
						galley_buf_puts(&md->out, " --- |");
					*header_done = true;
				}
				(*rows)++;
				md->last_item = false;
			}
			galley_buf_free(&row);
		} else if (n->type == XML_ELEMENT_NODE && !write_json_is(n, "caption")) {
			write_json_md_table(md, n->children, header_done, rows);
		}
	}
}

static void write_json_md_blocks(write_json_md *md, xmlNodePtr n, int list_depth)
{
	for (; n; n = n->next) {
		if (!write_json_is_block(n))
			write_json_md_inline_one(&md->line, n);
		else
			write_json_md_block(md, n, list_depth);
	}
}

static void write_json_md_block(write_json_md *md, xmlNodePtr n, int list_depth)
{
	if (true) {
		write_json_md_flush(md, NULL);
		const char *name = (const char *)n->name;
		if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
			char marker[16];
			int level = name[1] - '0';
			snprintf(marker, sizeof marker, "%.*s ", level, "######");
			write_json_md_inline(&md->line, n->children);
			write_json_md_flush(md, marker);
		} else if (write_json_is(n, "ul") || write_json_is(n, "ol")) {
			write_json_md_list(md, n, list_depth);
		} else if (write_json_is(n, "blockquote")) {
			size_t saved = md->prefix.len;
			galley_buf_puts(&md->prefix, "> ");
			md->quote_start = true;
			write_json_md_blocks(md, n->children, list_depth);
			write_json_md_flush(md, NULL);
			md->prefix.len = saved;
			if (md->prefix.data)
				md->prefix.data[saved] = '\0';
		} else if (write_json_is(n, "pre")) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t && *t) {
				write_json_md_sep(md, false);
				md->last_item = false;
				/* the fence is longer than any backtick run in the code */
				size_t run = write_json_backtick_run((const char *)t);
				size_t fence = run >= 3 ? run + 1 : 3;
				for (size_t i = 0; i < fence; i++)
					galley_buf_putc(&md->out, '`');
				galley_buf_putc(&md->out, '\n');
				galley_buf_puts(&md->out, (const char *)t);
				if (t[xmlStrlen(t) - 1] != '\n')
					galley_buf_putc(&md->out, '\n');
				for (size_t i = 0; i < fence; i++)
					galley_buf_putc(&md->out, '`');
			}
			xmlFree(t);
		} else if (write_json_is(n, "hr")) {
			write_json_md_sep(md, false);
			galley_buf_puts(&md->out, "---");
			md->last_item = false;
		} else if (write_json_is(n, "table")) {
			bool header_done = false;
			size_t rows = 0;
			for (xmlNodePtr c = n->children; c; c = c->next)
				if (write_json_is(c, "caption")) {
					write_json_md_inline(&md->line, c->children);
					write_json_md_flush(md, NULL);
				}
			write_json_md_table(md, n->children, &header_done, &rows);
		} else if (write_json_is(n, "dt")) {
			galley_buf_puts(&md->line, "**");
			write_json_md_inline(&md->line, n->children);
			galley_buf_puts(&md->line, "**");
			write_json_md_flush(md, NULL);
		} else {
			/* p, li outside lists, dd, figure, figcaption, div...: their content */
			write_json_md_blocks(md, n->children, list_depth);
		}
		write_json_md_flush(md, NULL);
	}
}

/* The body as Markdown (owned by the caller, free()); "" when empty. */
static char *write_json_markdown(xmlDocPtr doc)
{
	write_json_md md = {0};
	xmlNodePtr root = doc ? galley_body_root(doc) : NULL;
	if (root)
		write_json_md_blocks(&md, root->children, 0);
	write_json_md_flush(&md, NULL);
	galley_buf_free(&md.line);
	galley_buf_free(&md.prefix);
	return galley_buf_steal(&md.out);
}

/* ---- one article -------------------------------------------------------------------------------- */

static json_object *write_json_list(const galley_article *a, galley_list l)
{
	size_t n = galley_article_list_len(a, l);
	if (!n)
		return NULL;
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		json_object *s = write_json_str(galley_article_list_at(a, l, i));
		if (s)
			json_object_array_add(arr, s);
	}
	return arr;
}

/* The authors with their kinds: [{"name": "Jane Doe", "kind": "person"}]; NULL when no
 * stage said what any of them is. */
static json_object *write_json_author_entries(const galley_article *a)
{
	size_t n = galley_article_list_len(a, GALLEY_LIST_AUTHORS);
	bool known = false;
	for (size_t i = 0; i < n && !known; i++)
		known = galley_article_author_kind(a, i) != GALLEY_AUTHOR_UNKNOWN;
	if (!known)
		return NULL;
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_new_object();
		write_json_add(e, "name", write_json_str(galley_article_list_at(a, GALLEY_LIST_AUTHORS, i)));
		write_json_add(e, "kind", write_json_str(galley_author_kind_name(galley_article_author_kind(a, i))));
		json_object_array_add(arr, e);
	}
	return arr;
}

/* The id the core would have set; derived here only when the article reached the writer
 * without one (a stage driven on its own, as in the tests). */
static char *write_json_fallback_id(const galley_article *a, xmlDocPtr body)
{
	const char *url = galley_article_get(a, GALLEY_FIELD_URL);
	uint64_t h;
	if (url) {
		h = galley_hash64(url, strlen(url), GALLEY_HASH_SEED);
	} else {
		char *text = galley_body_text(body);
		h = galley_hash64(text, strlen(text), GALLEY_HASH_SEED);
		free(text);
	}
	galley_buf b = {0};
	galley_buf_printf(&b, "%016llx", (unsigned long long)h);
	return galley_buf_steal(&b);
}

static int write_json_cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The "sources" array (the article has at least one). */
static json_object *write_json_sources(const write_json_state *st, const galley_article *a)
{
	size_t n = galley_article_n_sources(a);
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		const galley_source *s = galley_article_source(a, i);
		json_object *so = json_object_new_object();
		write_json_add(so, "name", write_json_str(s->name));
		write_json_add(so, "kind", write_json_str(s->kind));
		write_json_add(so, "evidence", write_json_str(s->evidence));
		if (st->explain)
			write_json_add(so, "rule", write_json_str(s->rule));
		json_object_array_add(arr, so);
	}
	return arr;
}

/* The "quotes" array (the article has at least one). */
static json_object *write_json_quotes(const write_json_state *st, const galley_article *a)
{
	size_t n = galley_article_n_quotes(a);
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		const galley_quote *q = galley_article_quote(a, i);
		json_object *qo = json_object_new_object();
		json_object *t = write_json_str(q->text);
		json_object_object_add(qo, "text", t ? t : json_object_new_string(""));
		write_json_add(qo, "speaker", write_json_str(q->speaker));
		write_json_add(qo, "speaker_kind", write_json_str(q->speaker_kind));
		write_json_add(qo, "cue", write_json_str(q->cue));
		json_object_object_add(qo, "paragraph", json_object_new_int(q->paragraph));
		json_object_object_add(qo, "start", json_object_new_int(q->start));
		json_object_object_add(qo, "end", json_object_new_int(q->end));
		if (st->explain)
			write_json_add(qo, "rule", write_json_str(q->rule));
		json_object_array_add(arr, qo);
	}
	return arr;
}

/* The "removed" array (the article has at least one). */
static json_object *write_json_removed(const write_json_state *st, const galley_article *a)
{
	size_t n = galley_article_n_removed(a);
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		json_object *ro = json_object_new_object();
		write_json_add(ro, "reason", write_json_str(r->reason));
		json_object *t = write_json_str(r->text);
		json_object_object_add(ro, "text", t ? t : json_object_new_string(""));
		write_json_add(ro, "context", write_json_str(r->context));
		write_json_add(ro, "rule", write_json_str(r->rule));
		json_object_array_add(arr, ro);
	}
	return arr;
}

/* The "decisions" array (the article has at least one). */
static json_object *write_json_decisions(const write_json_state *st, const galley_article *a)
{
	size_t n = galley_article_n_decisions(a);
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		const galley_decision *dc = galley_article_decision(a, i);
		json_object *dobj = json_object_new_object();
		write_json_add(dobj, "field", write_json_str(dc->field));
		write_json_add(dobj, "rule", write_json_str(dc->rule));
		write_json_add(dobj, "detail", write_json_str(dc->detail));
		json_object_array_add(arr, dobj);
	}
	return arr;
}

/* The "pipeline" array (the article passed at least one stage). */
static json_object *write_json_pipeline(const write_json_state *st, const galley_article *a)
{
	size_t n = galley_article_n_stages(a);
	json_object *arr = json_object_new_array_ext((int)n);
	for (size_t i = 0; i < n; i++) {
		json_object *so = json_object_new_object();
		write_json_add(so, "name", write_json_str(galley_article_stage_name(a, i)));
		write_json_add(so, "version", write_json_str(galley_article_stage_version(a, i)));
		json_object_array_add(arr, so);
	}
	return arr;
}

static json_object *write_json_article(const write_json_state *st, const galley_article *a)
{
	json_object *o = json_object_new_object();
	xmlDocPtr body = galley_article_body(a);
	if (body && galley_body_root(body))
		write_json_clean_nodes(galley_body_root(body)->children);

	/* id: always written, so that every record can be told apart */
	const char *id = galley_article_get(a, GALLEY_FIELD_ID);
	if (id) {
		write_json_add(o, "id", write_json_str(id));
	} else {
		char *fid = write_json_fallback_id(a, body);
		write_json_add(o, "id", write_json_str(fid));
		free(fid);
	}
	if (st->want[WJ_URL])
		write_json_add(o, "url", write_json_str(galley_article_get(a, GALLEY_FIELD_URL)));
	if (st->want[WJ_SOURCE_LOCATION]) {
		const galley_source_location *loc = galley_article_location(a);
		if (loc && loc->file && *loc->file) {
			json_object *l = json_object_new_object();
			write_json_add(l, "file", write_json_str(loc->file));
			write_json_add(l, "member", write_json_str(loc->member));
			if (loc->offset >= 0)
				json_object_object_add(l, "offset", json_object_new_int64(loc->offset));
			if (loc->index >= 0)
				json_object_object_add(l, "index", json_object_new_int64(loc->index));
			write_json_add(l, "uri", write_json_str(loc->uri));
			write_json_add(l, "record_id", write_json_str(loc->record_id));
			write_json_add(l, "date", write_json_str(loc->date));
			json_object_object_add(o, "source_location", l);
		}
	}
	if (st->want[WJ_TITLE])
		write_json_add(o, "title", write_json_str(galley_article_get(a, GALLEY_FIELD_TITLE)));
	if (st->want[WJ_AUTHORS])
		write_json_add(o, "authors", write_json_list(a, GALLEY_LIST_AUTHORS));
	if (st->want[WJ_AUTHOR_ENTRIES])
		write_json_add(o, "author_entries", write_json_author_entries(a));
	if (st->want[WJ_BYLINE])
		write_json_add(o, "byline", write_json_str(galley_article_get(a, GALLEY_FIELD_BYLINE)));
	if (st->want[WJ_DATE])
		write_json_add(o, "date", write_json_str(galley_article_get(a, GALLEY_FIELD_DATE)));
	if (st->want[WJ_SITE])
		write_json_add(o, "site", write_json_str(galley_article_get(a, GALLEY_FIELD_SITE)));
	if (st->want[WJ_LANGUAGE])
		write_json_add(o, "language", write_json_str(galley_article_get(a, GALLEY_FIELD_LANGUAGE)));
	if (st->want[WJ_DESCRIPTION])
		write_json_add(o, "description", write_json_str(galley_article_get(a, GALLEY_FIELD_DESCRIPTION)));
	if (st->want[WJ_DEK])
		write_json_add(o, "dek", write_json_str(galley_article_get(a, GALLEY_FIELD_DEK)));
	if (st->want[WJ_TAGS])
		write_json_add(o, "tags", write_json_list(a, GALLEY_LIST_TAGS));
	if (st->want[WJ_TEXT]) {
		/* the main text is known even when empty: always written */
		char *text = st->markdown ? write_json_markdown(body) : (body ? galley_body_text(body) : galley_strdup(""));
		json_object_object_add(o, "text", write_json_strn(text, strlen(text)));
		free(text);
	}
	if (st->want[WJ_HTML] && body) {
		char *html = write_json_html(body);
		if (*html)
			json_object_object_add(o, "html", write_json_strn(html, strlen(html)));
		free(html);
	}
	if (st->want[WJ_SOURCES] && galley_article_n_sources(a))
		json_object_object_add(o, "sources", write_json_sources(st, a));
	if (st->want[WJ_QUOTES] && galley_article_n_quotes(a))
		json_object_object_add(o, "quotes", write_json_quotes(st, a));
	if (st->want[WJ_REMOVED] && galley_article_n_removed(a))
		json_object_object_add(o, "removed", write_json_removed(st, a));
	if (st->want[WJ_DECISIONS] && galley_article_n_decisions(a))
		json_object_object_add(o, "decisions", write_json_decisions(st, a));
	if (st->want[WJ_PIPELINE] && galley_article_n_stages(a))
		json_object_object_add(o, "pipeline", write_json_pipeline(st, a));
	if (st->want[WJ_EXTRA] && galley_article_n_extra(a)) {
		/* keys sorted, so the order never depends on which stage set what first */
		size_t n = galley_article_n_extra(a);
		const char **keys = galley_calloc(n, sizeof *keys);
		for (size_t i = 0; i < n; i++)
			keys[i] = galley_article_extra_key(a, i);
		qsort(keys, n, sizeof *keys, write_json_cmp_str);
		json_object *eo = json_object_new_object();
		for (size_t i = 0; i < n; i++) {
			const char *v = galley_article_get_extra(a, keys[i]);
			/* a stage's record of how it decided ("explain.charset"...) goes with explain=true */
			if (!st->want[WJ_REMOVED] && !strncmp(keys[i], "explain.", 8))
				continue;
			json_object *vs = write_json_str(v);
			if (!vs || !*keys[i])
				continue;
			char *k = galley_utf8_clean(keys[i], strlen(keys[i]));
			json_object_object_add(eo, k, vs);
			free(k);
		}
		if (json_object_object_length(eo))
			json_object_object_add(o, "extra", eo);
		else
			json_object_put(eo);
		free(keys);
	}
	return o;
}

/* Serialise a into a record: one line for JSON Lines; for an array, the pretty-printed object
 * indented by two spaces (the array's own brackets and commas are written by write()). */
static write_json_record *write_json_serialise(const write_json_state *st, const galley_article *a)
{
	json_object *o = write_json_article(st, a);
	size_t len = 0;
	write_json_record *r = galley_calloc(1, sizeof *r);
	if (st->array) {
		const char *s = json_object_to_json_string_length(
			o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
		galley_buf b = {0};
		galley_buf_puts(&b, "  ");
		const char *run = s;
		for (const char *p = s; *p; p++) {
			if (*p == '\n') {
				galley_buf_append(&b, run, (size_t)(p - run) + 1);
				galley_buf_puts(&b, "  ");
				run = p + 1;
			}
		}
		galley_buf_puts(&b, run);
		r->len = b.len;
		r->data = galley_buf_steal(&b);
	} else {
		const char *s = json_object_to_json_string_length(
			o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
		r->data = galley_malloc(len + 2);
		memcpy(r->data, s, len);
		r->data[len] = '\n';
		r->data[len + 1] = '\0';
		r->len = len + 1;
	}
	json_object_put(o);
	return r;
}

/* ---- callbacks ------------------------------------------------------------------------------------ */

static int write_json_parse_fields(write_json_state *st, const char *spec, galley_error *err)
{
	if (!spec || !*spec) {
		for (int i = 0; i < WJ__COUNT; i++)
			st->want[i] = true;
		return GALLEY_OK;
	}
	const char *p = spec;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ',' && *e != ' ' && *e != '\t')
			e++;
		size_t n = (size_t)(e - p);
		int found = -1;
		for (int i = 0; i < WJ__COUNT; i++)
			if (strlen(write_json_field_names[i]) == n && !strncmp(p, write_json_field_names[i], n))
				found = i;
		if (found < 0) {
			galley_buf known = {0};
			for (int i = 0; i < WJ__COUNT; i++)
				galley_buf_printf(&known, "%s%s", i ? ", " : "", write_json_field_names[i]);
			galley_error_set(err, GALLEY_ERR_FATAL, "fields=: unknown field '%.*s'; known fields: %s",
			                 (int)n, p, known.data);
			galley_buf_free(&known);
			return GALLEY_ERR_FATAL;
		}
		st->want[found] = true;
		p = e;
	}
	st->want[WJ_ID] = true;
	return GALLEY_OK;
}

/* An output whose name says another format (out.epub) is most likely a slip: warn. */
static void write_json_check_name(galley_stage *stage, const char *output)
{
	static const char *const other[] = {".epub", ".html", ".htm", ".xml", ".zip", ".pdf", ".csv", NULL};
	size_t n = strlen(output);
	for (size_t i = 0; other[i]; i++) {
		size_t k = strlen(other[i]);
		if (n > k && !strcasecmp(output + n - k, other[i])) {
			galley_stage_warn(stage, "output '%s' is named like a %s file, but write-json writes JSON; did you "
			                  "mean a name ending in .jsonl or .json?", output, other[i] + 1);
			return;
		}
	}
}

/* --resume: copy the existing JSON Lines file into the new output and tell the core which inputs
 * it holds (each record's source_location).  A missing file is an empty one. */
static int write_json_resume(galley_stage *stage, write_json_state *st, const char *path, galley_error *err)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		if (errno != ENOENT)
			return galley_error_set(err, GALLEY_ERR_FATAL, "--resume: cannot read '%s': %s", path, strerror(errno));
		galley_stage_resume_accept(stage);
		return GALLEY_OK;
	}
	FILE *out = galley_output_file(st->out);
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = GALLEY_OK;
	json_tokener *tok = json_tokener_new();
	while (rc == GALLEY_OK && (n = getline(&line, &cap, in)) > 0) {
		lineno++;
		if (line[n - 1] != '\n')
			break; /* a line cut short is not kept: its article is written again */
		json_tokener_reset(tok);
		json_object *o = json_tokener_parse_ex(tok, line, (int)n);
		json_object *loc = NULL, *file = NULL;
		if (!o || !json_object_object_get_ex(o, "source_location", &loc) ||
		    !json_object_object_get_ex(loc, "file", &file)) {
			rc = galley_error_set(err, GALLEY_ERR_FATAL,
			                      "--resume: line %zu of '%s' is not a record with a source_location; resume "
			                      "needs the file a previous run wrote (with source_location in fields=)",
			                      lineno, path);
		} else {
			json_object *member = NULL, *offset = NULL, *index = NULL;
			json_object_object_get_ex(loc, "member", &member);
			json_object_object_get_ex(loc, "offset", &offset);
			json_object_object_get_ex(loc, "index", &index);
			galley_stage_resume_add(stage, json_object_get_string(file),
			                        member && json_object_is_type(member, json_type_string) ? json_object_get_string(member) : NULL,
			                        offset ? json_object_get_int64(offset) : -1, index ? json_object_get_int64(index) : -1);
			if (fwrite(line, 1, (size_t)n, out) != (size_t)n)
				rc = galley_error_set(err, GALLEY_ERR_FATAL, "cannot write to %s: %s", galley_output_path(st->out),
				                      strerror(errno));
			st->n_written++;
		}
		json_object_put(o);
	}
	json_tokener_free(tok);
	free(line);
	if (rc == GALLEY_OK && ferror(in))
		rc = galley_error_set(err, GALLEY_ERR_FATAL, "--resume: cannot read '%s': %s", path, strerror(errno));
	fclose(in);
	if (rc == GALLEY_OK)
		galley_stage_resume_accept(stage);
	return rc;
}

static int write_json_open(galley_stage *stage, void **state, galley_error *err)
{
	write_json_state *st = galley_calloc(1, sizeof *st);
	const char *format = galley_stage_opt_string(stage, "format");
	const char *tf = galley_stage_opt_string(stage, "text_format");
	st->array = format && !strcmp(format, "array");
	st->markdown = tf && !strcmp(tf, "markdown");
	bool explicit_fields = galley_stage_opt_given(stage, "fields");
	if (write_json_parse_fields(st, galley_stage_opt_string(stage, "fields"), err) != GALLEY_OK) {
		free(st);
		return GALLEY_ERR_FATAL;
	}
	/* html, removed and decisions are written when asked for: with html=true / explain=true, or
	 * by naming them in fields= */
	if (!explicit_fields || !st->want[WJ_HTML])
		st->want[WJ_HTML] = galley_stage_opt_bool(stage, "html");
	st->explain = galley_stage_opt_bool(stage, "explain");
	if (!explicit_fields || !st->want[WJ_REMOVED])
		st->want[WJ_REMOVED] = st->explain;
	if (!explicit_fields || !st->want[WJ_DECISIONS])
		st->want[WJ_DECISIONS] = st->explain;
	const char *path = galley_stage_opt_string(stage, "output");
	if (path)
		write_json_check_name(stage, path);
	st->out = galley_output_open(path ? path : "-", err);
	if (!st->out) {
		free(st);
		return GALLEY_ERR_FATAL;
	}
	if (galley_stage_resuming(stage) && !st->array && path && strcmp(path, "-") &&
	    write_json_resume(stage, st, path, err) != GALLEY_OK) {
		galley_output_abort(st->out);
		free(st);
		return GALLEY_ERR_FATAL;
	}
	*state = st;
	return GALLEY_OK;
}

static int write_json_prepare(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	write_json_state *st = state;
	galley_article_set_scratch(a, st, write_json_serialise(st, a), write_json_record_free);
	return GALLEY_OK;
}

static int write_json_put(write_json_state *st, const char *s, size_t n, galley_error *err)
{
	FILE *f = galley_output_file(st->out);
	if (fwrite(s, 1, n, f) != n)
		return galley_error_set(err, GALLEY_ERR_FATAL, "cannot write to %s: %s", galley_output_path(st->out),
		                        strerror(errno));
	return GALLEY_OK;
}

static int write_json_write(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	write_json_state *st = state;
	write_json_record *r = galley_article_get_scratch(a, st);
	write_json_record *own = NULL;
	if (!r)
		r = own = write_json_serialise(st, a);
	int rc = GALLEY_OK;
	if (st->array)
		rc = write_json_put(st, st->n_written ? ",\n" : "[\n", 2, err);
	if (rc == GALLEY_OK)
		rc = write_json_put(st, r->data, r->len, err);
	write_json_record_free(own);
	if (rc == GALLEY_OK)
		st->n_written++;
	return rc;
}

static int write_json_finish(galley_stage *stage, void *state, galley_error *err)
{
	write_json_state *st = state;
	if (st->array) {
		int rc = st->n_written ? write_json_put(st, "\n]\n", 3, err) : write_json_put(st, "[]\n", 3, err);
		if (rc != GALLEY_OK)
			return rc;
	}
	galley_output *o = st->out;
	st->out = NULL;
	return galley_output_commit(o, err) == GALLEY_OK ? GALLEY_OK : GALLEY_ERR_FATAL;
}

static void write_json_close(galley_stage *stage, void *state)
{
	write_json_state *st = state;
	if (!st)
		return;
	galley_output_abort(st->out);
	free(st);
}

static const galley_option write_json_options[] = {
	{.name = "output", .type = GALLEY_OPT_PATH, .default_value = "-",
	 .help = "file to write (parent directories are created; written atomically); - for standard output"},
	{.name = "format", .type = GALLEY_OPT_ENUM, .default_value = "jsonl", .choices = "jsonl|array",
	 .help = "jsonl: one article per line; array: one pretty-printed JSON array"},
	{.name = "html", .type = GALLEY_OPT_BOOL, .default_value = "false",
	 .help = "also write the body as XHTML in the html field (what read-json needs for a lossless round trip)"},
	{.name = "explain", .type = GALLEY_OPT_BOOL, .default_value = "false",
	 .help = "also write the blocks strip-boilerplate removed, with the reason, in the removed field, the rule that chose each quote's speaker, the rule that decided each field (authors, date) in the decisions field, and the stages' other decisions (extra explain.*)"},
	{.name = "text_format", .type = GALLEY_OPT_ENUM, .default_value = "plain", .choices = "plain|markdown",
	 .help = "text field: plain paragraphs, or Markdown keeping headings, lists, quotes and links"},
	{.name = "fields", .type = GALLEY_OPT_STRING, .default_value = NULL,
	 .help = "comma-separated fields to write (id is always written); default: all"},
	{.name = NULL},
};

GALLEY_PLUGIN_DEFINE(.name = "write-json", .kind = GALLEY_KIND_WRITER,
                     .summary = "write articles as JSON Lines or a JSON array (format: json-format.md in the docs)",
                     .version = "1.0.0", .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = write_json_options, .open = write_json_open, .close = write_json_close,
                     .prepare = write_json_prepare, .write = write_json_write, .finish = write_json_finish);
