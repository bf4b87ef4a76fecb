/* The pipeline text: tokenising, structure checks, building stages. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct galley_pipeline {
	galley_stage **stages;
	size_t n;
	galley_registry *registry; /* (borrowed) */
};

typedef struct word {
	char *text;       /* unquoted content */
	int line, col;
	int eq;           /* offset of the first unquoted '=' in text, or -1 */
	int value_col;    /* column just after that '=' */
	galley_param_origin value_from; /* where the value's first character came from */
} word;

typedef struct raw_stage {
	word *words;
	size_t n, cap;
} raw_stage;

typedef struct lexer {
	const char *s, *end;
	int line, col;
	const char *origin;
	bool chain;
	galley_params *params; /* ${NAME} values */
} lexer;

static void lx_adv(lexer *lx)
{
	if (*lx->s == '\n') {
		lx->line++;
		lx->col = 1;
	} else if (((unsigned char)*lx->s & 0xC0) != 0x80) {
		lx->col++;
	}
	lx->s++;
}

static void free_stages(raw_stage *st, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < st[i].n; j++)
			free(st[i].words[j].text);
		free(st[i].words);
	}
	free(st);
}

/* "${...}" at lx->s: its value appended to b, the lexer moved past it.  Returns false with err
 * set when the reference is malformed or unset. */
static bool lx_param(lexer *lx, galley_buf *b, word *w, galley_error *err)
{
	char where[256];
	snprintf(where, sizeof where, "%s:%d:%d", lx->origin, lx->line, lx->col);
	bool at_value_start = w->eq >= 0 && b->len == (size_t)w->eq + 1;
	galley_param_origin from = GALLEY_PARAM_TEXT;
	int n = galley_params_expand(lx->params, lx->s, lx->end, b, &from, where, err);
	if (n < 0)
		return false;
	if (at_value_start)
		w->value_from = from;
	for (int i = 0; i < n; i++)
		lx_adv(lx);
	return true;
}

static bool at_param(const lexer *lx)
{
	return lx->s[0] == '$' && lx->s + 1 < lx->end && lx->s[1] == '{';
}

/* The quoted text at lx->s (the quote character included) appended to b, the lexer moved past
 * the closing quote; in double quotes, ${...} is expanded and \n, \t, \\ and \" are escapes.
 * Returns false with err set when the quote is not closed or a reference fails. */
static bool lex_quoted(lexer *lx, galley_buf *b, word *w, galley_error *err)
{
	int ql = lx->line, qc = lx->col;
	char q = *lx->s;
	lx_adv(lx);
	while (lx->s < lx->end) {
		char c = *lx->s;
		if (c == q) {
			lx_adv(lx);
			return true;
		}
		if (q == '"' && at_param(lx)) {
			if (!lx_param(lx, b, w, err))
				return false;
			continue;
		}
		if (q == '"' && c == '\\' && lx->s + 1 < lx->end) {
			lx_adv(lx);
			char e = *lx->s;
			switch (e) {
			case 'n': galley_buf_putc(b, '\n'); break;
			case 't': galley_buf_putc(b, '\t'); break;
			case '\\': galley_buf_putc(b, '\\'); break;
			case '"': galley_buf_putc(b, '"'); break;
			default:
				galley_buf_putc(b, '\\');
				galley_buf_putc(b, e);
			}
			lx_adv(lx);
			continue;
		}
		galley_buf_putc(b, c);
		lx_adv(lx);
	}
	galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: unterminated %s quote; close it with %c", lx->origin, ql, qc,
	                 q == '"' ? "double" : "single", q);
	return false;
}

/* The word at lx->s into *w (its text owned by w), up to white space or '!'.  Returns false with
 * err set (and nothing owned) when a quote or a reference in it fails. */
static bool lex_word(lexer *lx, word *w, galley_error *err)
{
	*w = (word){.line = lx->line, .col = lx->col, .eq = -1};
	galley_buf b = {0};
	while (lx->s < lx->end) {
		char c = *lx->s;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '!')
			break;
		if (c == '"' || c == '\'' || at_param(lx)) {
			bool ok = c == '"' || c == '\'' ? lex_quoted(lx, &b, w, err) : lx_param(lx, &b, w, err);
			if (!ok) {
				galley_buf_free(&b);
				return false;
			}
			if (!b.data)
				galley_buf_append(&b, "", 0);
			continue;
		}
		if (c == '=' && w->eq < 0) {
			w->eq = (int)b.len;
			w->value_col = lx->col + 1;
		}
		galley_buf_putc(&b, c);
		lx_adv(lx);
	}
	w->text = galley_buf_steal(&b);
	return true;
}

/* Split text into stages of words. */
static int lex(lexer *lx, raw_stage **out, size_t *n_out, galley_error *err)
{
	raw_stage *st = NULL;
	size_t n = 0, cap = 0;
	bool open_stage = false;
	while (lx->s < lx->end) {
		char c = *lx->s;
		if (c == '\n' && !lx->chain) {
			open_stage = false;
			lx_adv(lx);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			lx_adv(lx);
			continue;
		}
		if (c == '\\' && lx->s + 1 < lx->end && (lx->s[1] == '\n' || (lx->s[1] == '\r' && lx->s + 2 < lx->end && lx->s[2] == '\n'))) {
			/* line continuation */
			lx_adv(lx);
			while (*lx->s != '\n')
				lx_adv(lx);
			lx_adv(lx);
			continue;
		}
		if (c == '#') {
			while (lx->s < lx->end && *lx->s != '\n')
				lx_adv(lx);
			continue;
		}
		if (c == '!') {
			if (!open_stage) {
				galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: '!' with no stage before it", lx->origin, lx->line, lx->col);
				free_stages(st, n);
				return GALLEY_ERR_FATAL;
			}
			open_stage = false;
			lx_adv(lx);
			/* a '!' must be followed by a stage */
			const char *p = lx->s;
			while (p < lx->end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
				p++;
			if (p >= lx->end || *p == '!') {
				galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: '!' must be followed by a stage", lx->origin, lx->line,
				                 lx->col - 1);
				free_stages(st, n);
				return GALLEY_ERR_FATAL;
			}
			continue;
		}
		/* a word */
		word w;
		if (!lex_word(lx, &w, err)) {
			free_stages(st, n);
			return GALLEY_ERR_FATAL;
		}
		if (!open_stage) {
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				st = galley_realloc(st, cap * sizeof *st);
			}
			memset(&st[n], 0, sizeof st[n]);
			n++;
			open_stage = true;
		}
		raw_stage *rs = &st[n - 1];
		if (rs->n == rs->cap) {
			rs->cap = rs->cap ? rs->cap * 2 : 8;
			rs->words = galley_realloc(rs->words, rs->cap * sizeof *rs->words);
		}
		rs->words[rs->n++] = w;
	}
	*out = st;
	*n_out = n;
	return GALLEY_OK;
}

static bool key_ok(const char *k, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '_' || k[i] == '-'))
			return false;
	return true;
}

/* Whether plugin p declares option key (already with '_') as a path. */
static bool is_path_option(const galley_plugin *p, const char *key)
{
	for (const galley_option *o = p->options; o && o->name; o++)
		if (!strcmp(o->name, key))
			return o->type == GALLEY_OPT_PATH;
	return false;
}

/* Build a stage from its words; relative paths written in the text resolve from base_dir
 * (nullable). */
static galley_stage *build_stage(galley_registry *r, raw_stage *rs, const char *origin, const char *base_dir,
                                 galley_error *err)
{
	word *nw = &rs->words[0];
	if (nw->eq >= 0) {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: a stage starts with a plugin name, not an option ('%s')",
		                 origin, nw->line, nw->col, nw->text);
		return NULL;
	}
	galley_error e2 = {0};
	const galley_plugin *p = galley_registry_find(r, nw->text, &e2);
	if (!p) {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: %s", origin, nw->line, nw->col, e2.message);
		return NULL;
	}
	galley_stage *s = galley_stage_alloc(r, p);
	free(s->origin);
	galley_buf o = {0};
	galley_buf_printf(&o, "%s:%d:%d", origin, nw->line, nw->col);
	s->origin = galley_buf_steal(&o);
	kv_pair *pairs = galley_calloc(rs->n, sizeof *pairs);
	size_t np = 0;
	for (size_t i = 1; i < rs->n; i++) {
		word *w = &rs->words[i];
		if (w->eq < 0) {
			galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: expected key=value after '%s', got '%s'", origin, w->line,
			                 w->col, p->name, w->text);
			galley_kv_free(pairs, np);
			galley_stage_free(s);
			return NULL;
		}
		if (!key_ok(w->text, (size_t)w->eq)) {
			galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: '%.*s' is not an option name (names are [a-z0-9_])",
			                 origin, w->line, w->col, w->eq, w->text);
			galley_kv_free(pairs, np);
			galley_stage_free(s);
			return NULL;
		}
		pairs[np].key = galley_strndup(w->text, (size_t)w->eq);
		for (char *k = pairs[np].key; *k; k++)
			if (*k == '-')
				*k = '_';
		if (base_dir && w->value_from != GALLEY_PARAM_GIVEN && is_path_option(p, pairs[np].key))
			pairs[np].value = galley_resolve_path_value(base_dir, w->text + w->eq + 1);
		else
			pairs[np].value = galley_strdup(w->text + w->eq + 1);
		pairs[np].line = w->line;
		pairs[np].col = w->col;
		pairs[np].value_col = w->value_col;
		np++;
	}
	int rc = galley_stage_set_options(s, pairs, np, origin, true, err);
	galley_kv_free(pairs, np);
	if (rc != GALLEY_OK) {
		galley_stage_free(s);
		return NULL;
	}
	return s;
}

galley_pipeline *galley_pipeline_parse(galley_registry *r, const char *text, bool chain_form, const char *origin,
                                       galley_error *err)
{
	return galley_pipeline_parse_with(r, text, chain_form, origin, NULL, err);
}

/* Lex text with the parameters of opts, checking every one given is used. */
static int lex_with_params(const char *text, bool chain_form, const char *origin, const galley_parse_options *opts,
                           raw_stage **st, size_t *n, galley_error *err)
{
	galley_params params;
	if (galley_params_init(&params, opts ? opts->params : NULL, opts ? opts->n_params : 0, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	lexer lx = {.s = text, .end = text + strlen(text), .line = 1, .col = 1, .origin = origin, .chain = chain_form,
	            .params = &params};
	int rc = lex(&lx, st, n, err);
	if (rc == GALLEY_OK && galley_params_check_used(&params, origin, err) != GALLEY_OK) {
		free_stages(*st, *n);
		rc = GALLEY_ERR_FATAL;
	}
	galley_params_free(&params);
	return rc;
}

galley_pipeline *galley_pipeline_parse_with(galley_registry *r, const char *text, bool chain_form, const char *origin,
                                            const galley_parse_options *opts, galley_error *err)
{
	raw_stage *st = NULL;
	size_t n = 0;
	if (lex_with_params(text, chain_form, origin, opts, &st, &n, err) != GALLEY_OK)
		return NULL;
	const char *base_dir = opts ? opts->base_dir : NULL;
	if (n == 0) {
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "%s: the pipeline is empty; it needs a reader, any transforms, and a writer "
		                 "(`galley plugins` lists them by kind)",
		                 origin);
		free_stages(st, n);
		return NULL;
	}
	galley_pipeline *p = galley_calloc(1, sizeof *p);
	p->registry = r;
	p->stages = galley_calloc(n, sizeof *p->stages);
	for (size_t i = 0; i < n; i++) {
		galley_stage *s = build_stage(r, &st[i], origin, base_dir, err);
		if (!s) {
			free_stages(st, n);
			galley_pipeline_free(p);
			return NULL;
		}
		s->index = (int)i;
		p->stages[p->n++] = s;
	}
	/* structure: reader, transforms..., writers (at least one) */
	for (size_t i = 0; i < n; i++) {
		galley_kind k = p->stages[i]->plugin->kind;
		word *w = &st[i].words[0];
		const char *msg = NULL;
		if (i == 0 && k != GALLEY_KIND_READER)
			msg = "a pipeline starts with a reader (`galley plugins` lists them)";
		else if (i > 0 && k == GALLEY_KIND_READER)
			msg = "only one reader, at the start of the pipeline";
		else if (k == GALLEY_KIND_TRANSFORM && i > 0 && p->stages[i - 1]->plugin->kind == GALLEY_KIND_WRITER)
			msg = "transforms come before the writers";
		if (msg) {
			galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: '%s' is a %s, but %s", origin, w->line, w->col,
			                 p->stages[i]->plugin->name, galley_kind_name(k), msg);
			free_stages(st, n);
			galley_pipeline_free(p);
			return NULL;
		}
	}
	if (p->stages[n - 1]->plugin->kind != GALLEY_KIND_WRITER) {
		word *w = &st[n - 1].words[0];
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "%s:%d:%d: the pipeline ends with '%s', a %s; it needs at least one writer at the end (`galley plugins` lists them)",
		                 origin, w->line, w->col, p->stages[n - 1]->plugin->name,
		                 galley_kind_name(p->stages[n - 1]->plugin->kind));
		free_stages(st, n);
		galley_pipeline_free(p);
		return NULL;
	}
	free_stages(st, n);
	return p;
}

void galley_pipeline_free(galley_pipeline *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		galley_stage_free(p->stages[i]);
	free(p->stages);
	free(p);
}

size_t galley_pipeline_n_stages(const galley_pipeline *p)
{
	return p->n;
}

galley_stage *galley_pipeline_stage(galley_pipeline *p, size_t i)
{
	return i < p->n ? p->stages[i] : NULL;
}

galley_stage *galley_stage_new(galley_registry *r, const char *name, const char *options, galley_error *err)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "%s %s", name, options ? options : "");
	galley_params none = {0};
	lexer lx = {.s = b.data, .end = b.data + b.len, .line = 1, .col = 1, .origin = "<options>", .chain = true,
	            .params = &none};
	raw_stage *st = NULL;
	size_t n = 0;
	galley_stage *s = NULL;
	if (lex(&lx, &st, &n, err) == GALLEY_OK) {
		if (n != 1)
			galley_error_set(err, GALLEY_ERR_FATAL, "<options>: expected one stage, got %zu", n);
		else
			s = build_stage(r, &st[0], "<options>", NULL, err);
		free_stages(st, n);
	}
	galley_buf_free(&b);
	return s;
}

