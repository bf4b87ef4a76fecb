/* strip-boilerplate: the reasons, and the vocabularies of data/strip-boilerplate/ compiled into
 * hash tables at open() (read-only afterwards, so articles run in parallel). */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const sb_reason_names[R__COUNT] = {
	"", "nav", "link-density", "teaser", "duplicate", "byline", "dateline", "credit", "comments",
	"share", "newsletter", "cookie", "ad", "author-box", "tags", "caption", "hidden", "footer",
	"header", "sidebar", "form", "title", "paywall", "outside-main", "short", "related", "meta",
	"notice", "dek",
};

int sb_reason_index(const char *name)
{
	for (int i = 1; i < R__COUNT; i++)
		if (!strcmp(sb_reason_names[i], name))
			return i;
	return -1;
}

/* Class/id vocabulary: a pattern matches a token of the class/id value (split at non-letters
 * and camelCase humps, lower-cased) by prefix ("share" matches "sharebar"), by exact token
 * ("=ad"), or as a substring of the whole lower-cased value ("*-ad-"). */

static unsigned sb_pair(const char *s)
{
	return (((unsigned char)s[0] * 31u) ^ (unsigned char)s[1]) & (SB_PAIRS - 1);
}

/* Chain the substring patterns into their buckets (after loading). */
static void sb_vocab_index(sb_vocab *v)
{
	v->pair_head = galley_malloc(SB_PAIRS * sizeof *v->pair_head);
	for (size_t i = 0; i < SB_PAIRS; i++)
		v->pair_head[i] = -1;
	v->pair_next = galley_calloc(v->n_sub + 1, sizeof *v->pair_next);
	v->sub_len = galley_calloc(v->n_sub + 1, sizeof *v->sub_len);
	/* insert in reverse so that each chain runs in file order */
	for (size_t i = v->n_sub; i-- > 0;) {
		v->sub_len[i] = strlen(v->sub[i]);
		if (v->sub_len[i] < 2)
			continue;
		unsigned h = sb_pair(v->sub[i]);
		v->pair_next[i] = v->pair_head[h];
		v->pair_head[h] = (int)i;
	}
}

/* The first pattern (in file order) found in s[0..len), or -1. */
int sb_vocab_find(const sb_vocab *v, const char *s, size_t len)
{
	int best = -1;
	if (!v->n_sub)
		return -1;
	for (size_t i = 0; i + 1 < len; i++) {
		for (int j = v->pair_head[sb_pair(s + i)]; j >= 0; j = v->pair_next[j]) {
			if (best >= 0 && j >= best)
				break; /* chains run in file order: nothing earlier in this one */
			if (v->sub_len[j] <= len - i && !memcmp(s + i, v->sub[j], v->sub_len[j]))
				best = j;
		}
	}
	/* one-byte patterns */
	for (size_t j = 0; j < v->n_sub; j++)
		if (v->sub_len[j] == 1 && memchr(s, v->sub[j][0], len) && (best < 0 || (int)j < best))
			best = (int)j;
	return best;
}

static void sb_vocab_free(sb_vocab *v)
{
	sb_map_free(&v->prefix);
	sb_map_free(&v->exact);
	for (size_t i = 0; i < v->n_sub; i++)
		free(v->sub[i]);
	free(v->sub);
	free(v->sub_value);
	free(v->sub_len);
	free(v->pair_head);
	free(v->pair_next);
	memset(v, 0, sizeof *v);
}

static void sb_vocab_add(sb_vocab *v, const char *pat, int value)
{
	if (pat[0] == '=')
		sb_map_put(&v->exact, pat + 1, strlen(pat + 1), value);
	else if (pat[0] == '*') {
		v->sub = galley_realloc(v->sub, (v->n_sub + 1) * sizeof *v->sub);
		v->sub_value = galley_realloc(v->sub_value, (v->n_sub + 1) * sizeof *v->sub_value);
		v->sub[v->n_sub] = galley_strdup(pat + 1);
		v->sub_value[v->n_sub] = value;
		v->n_sub++;
	} else
		sb_map_put(&v->prefix, pat, strlen(pat), value);
}

static int sb_load_vocab(sb_vocab *v, const char *rel, bool with_reason, galley_error *err)
{
	galley_wordlist w = {0};
	if (galley_wordlist_load(rel, &w, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	for (size_t i = 0; i < w.n; i++) {
		char *line = w.items[i];
		char *tab = strpbrk(line, "\t ");
		int value = 1;
		if (tab) {
			*tab = '\0';
			char *val = tab + 1;
			while (*val == ' ' || *val == '\t')
				val++;
			if (with_reason) {
				value = sb_reason_index(val);
				if (value < 0) {
					galley_error_set(err, GALLEY_ERR_FATAL,
					                 "data file %s: unknown reason '%s' for '%s'", rel, val, line);
					galley_wordlist_free(&w);
					return GALLEY_ERR_FATAL;
				}
			} else
				value = atoi(val);
		} else if (with_reason) {
			galley_error_set(err, GALLEY_ERR_FATAL, "data file %s: '%s' has no reason column", rel, line);
			galley_wordlist_free(&w);
			return GALLEY_ERR_FATAL;
		}
		for (char *q = line; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		sb_vocab_add(v, line, value);
	}
	galley_wordlist_free(&w);
	sb_vocab_index(v);
	return GALLEY_OK;
}

/* Phrases matched on word boundaries inside a block's key form: stored padded with spaces. */
static int sb_load_padded(const char *rel, char ***out, size_t *n_out, galley_error *err)
{
	galley_wordlist w = {0};
	galley_buf k = {0};
	if (galley_wordlist_load(rel, &w, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	*out = galley_calloc(w.n + 1, sizeof **out);
	for (size_t i = 0; i < w.n; i++) {
		sb_key(&k, w.items[i], strlen(w.items[i]));
		if (k.len) {
			galley_buf pad = {0};
			galley_buf_printf(&pad, " %s ", k.data);
			(*out)[(*n_out)++] = galley_buf_steal(&pad);
		}
	}
	galley_wordlist_free(&w);
	galley_buf_free(&k);
	return GALLEY_OK;
}

static int sb_load_phrases(sb_state *st, galley_error *err)
{
	galley_wordlist w = {0};
	galley_buf k = {0};
	if (galley_wordlist_load("strip-boilerplate/teasers.txt", &w, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	for (size_t i = 0; i < w.n; i++) {
		const char *line = w.items[i];
		bool prefix = false;
		if (line[0] == '^') {
			prefix = true;
			line++;
		}
		sb_key(&k, line, strlen(line));
		if (!k.len)
			continue;
		if (prefix) {
			st->teaser_prefix = galley_realloc(st->teaser_prefix, (st->n_teaser_prefix + 1) * sizeof(char *));
			st->teaser_prefix[st->n_teaser_prefix++] = galley_strdup(k.data);
		}
		sb_map_put(&st->teasers, k.data, k.len, 1);
	}
	galley_wordlist_free(&w);

	if (galley_wordlist_load("strip-boilerplate/line-prefixes.tsv", &w, err) != GALLEY_OK) {
		galley_buf_free(&k);
		return GALLEY_ERR_FATAL;
	}
	for (size_t i = 0; i < w.n; i++) {
		char *line = w.items[i];
		char *tab = strchr(line, '\t');
		if (!tab) {
			galley_wordlist_free(&w);
			galley_buf_free(&k);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "data file strip-boilerplate/line-prefixes.tsv: '%s' needs a tab and a reason", line);
		}
		*tab = '\0';
		int r = sb_reason_index(tab + 1);
		if (r < 0) {
			galley_error_set(err, GALLEY_ERR_FATAL,
			                 "data file strip-boilerplate/line-prefixes.tsv: unknown reason '%s'", tab + 1);
			galley_wordlist_free(&w);
			galley_buf_free(&k);
			return GALLEY_ERR_FATAL;
		}
		sb_key(&k, line, strlen(line));
		if (k.len)
			sb_map_put(&st->line_prefix, k.data, k.len, r);
	}
	galley_wordlist_free(&w);

	if (galley_wordlist_load("strip-boilerplate/months.txt", &w, err) != GALLEY_OK) {
		galley_buf_free(&k);
		return GALLEY_ERR_FATAL;
	}
	for (size_t i = 0; i < w.n; i++) {
		sb_key(&k, w.items[i], strlen(w.items[i]));
		if (k.len)
			sb_map_put(&st->months, k.data, k.len, 1);
	}
	galley_wordlist_free(&w);

	if (galley_wordlist_load("strip-boilerplate/photo-agencies.txt", &w, err) != GALLEY_OK) {
		galley_buf_free(&k);
		return GALLEY_ERR_FATAL;
	}
	for (size_t i = 0; i < w.n; i++) {
		sb_key(&k, w.items[i], strlen(w.items[i]));
		if (k.len)
			sb_map_put(&st->agencies, k.data, k.len, 1);
	}
	galley_wordlist_free(&w);

	galley_buf_free(&k);
	if (sb_load_padded("strip-boilerplate/calls-to-action.txt", &st->cta, &st->n_cta, err) != GALLEY_OK ||
	    sb_load_padded("strip-boilerplate/disclaimers.txt", &st->disclaimers, &st->n_disclaimers, err) != GALLEY_OK ||
	    sb_load_padded("strip-boilerplate/notices.txt", &st->notices, &st->n_notices, err) != GALLEY_OK ||
	    sb_load_padded("strip-boilerplate/sign-offs.txt", &st->signoffs, &st->n_signoffs, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	return GALLEY_OK;
}

void sb_state_free(sb_state *st)
{
	if (!st)
		return;
	sb_vocab_free(&st->negative);
	sb_vocab_free(&st->positive);
	sb_vocab_free(&st->bodymark);
	sb_vocab_free(&st->lead);
	sb_map_free(&st->teasers);
	for (size_t i = 0; i < st->n_teaser_prefix; i++)
		free(st->teaser_prefix[i]);
	free(st->teaser_prefix);
	sb_map_free(&st->line_prefix);
	sb_map_free(&st->months);
	sb_map_free(&st->agencies);
	for (size_t i = 0; i < st->n_cta; i++)
		free(st->cta[i]);
	free(st->cta);
	for (size_t i = 0; i < st->n_disclaimers; i++)
		free(st->disclaimers[i]);
	free(st->disclaimers);
	for (size_t i = 0; i < st->n_notices; i++)
		free(st->notices[i]);
	free(st->notices);
	for (size_t i = 0; i < st->n_signoffs; i++)
		free(st->signoffs[i]);
	free(st->signoffs);
	free(st);
}

int sb_state_load(sb_state *st, galley_error *err)
{
	if (sb_load_vocab(&st->negative, "strip-boilerplate/class-negative.tsv", true, err) != GALLEY_OK ||
	    sb_load_vocab(&st->positive, "strip-boilerplate/class-positive.tsv", false, err) != GALLEY_OK ||
	    sb_load_vocab(&st->bodymark, "strip-boilerplate/class-body.txt", false, err) != GALLEY_OK ||
	    sb_load_vocab(&st->lead, "strip-boilerplate/class-lead.txt", false, err) != GALLEY_OK ||
	    sb_load_phrases(st, err) != GALLEY_OK)
		return GALLEY_ERR_FATAL;
	return GALLEY_OK;
}
