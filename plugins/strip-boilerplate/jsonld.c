/* strip-boilerplate: the JSON-LD articleBody: which blocks of the page it declares. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_jsonld_prepare(sb_ctx *c)
{
	const char *body = galley_article_candidate_first(c->a, "body");
	if (!body || strlen(body) < 200)
		return;
	sb_key(&c->tmp, body, strlen(body));
	c->jsonld = galley_strdup(c->tmp.data);
	c->jsonld_len = c->tmp.len;
	/* every piece that starts at a word and is either 60 bytes long or shorter and ends at a
	 * word: a block's key form is found by the hash of its first 60 bytes (or all of it) in
	 * constant time, never by searching the whole text */
	const char *k = c->jsonld;
	size_t n = c->jsonld_len;
	for (size_t i = 0; i < n; i++) {
		if (i && k[i - 1] != ' ')
			continue;
		if (n - i >= SB_PROBE)
			sb_set_add(&c->jl_windows, sb_hash(k + i, SB_PROBE));
		for (size_t e = i + 1; e <= n && e - i < SB_PROBE; e++)
			if (e == n || k[e] == ' ')
				sb_set_add(&c->jl_windows, sb_hash(k + i, e - i));
	}
}

/* Whether a block's key form (starting and ending at a word) occurs in the articleBody, judged
 * by its first SB_PROBE bytes. */
bool sb_in_jsonld(const sb_ctx *c, const char *key, size_t len)
{
	return sb_set_has(&c->jl_windows, sb_hash(key, len < SB_PROBE ? len : SB_PROBE));
}

/* For each paragraph-like element with text, whether it occurs in the articleBody. */
void sb_jsonld_cover(sb_ctx *c)
{
	if (!c->jsonld)
		return;
	for (size_t k = 0; k < c->n; k++) {
		sb_info *in = &c->info[k];
		if (!(in->kind == K_BLOCK || in->kind == K_LI) || in->text < 30)
			continue;
		xmlChar *t = xmlNodeGetContent(in->node);
		if (!t)
			continue;
		sb_key(&c->tmp, (const char *)t, strlen((const char *)t));
		xmlFree(t);
		if (c->tmp.len < 20)
			continue;
		/* probe with the first bytes: robust to tail differences */
		if (sb_in_jsonld(c, c->tmp.data, c->tmp.len))
			in->jl = in->text;
	}
	for (size_t k = c->n; k-- > 1;)
		if (c->info[k].parent >= 0)
			c->info[c->info[k].parent].jl += c->info[k].jl;
}
