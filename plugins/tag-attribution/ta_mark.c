/* tag-attribution: marking quotations in the body's HTML (<q data-speaker=...>). */
#include "ta_private.h"

/* Find needle (normalised text) in a text node whose white space is not normalised, and return
 * the raw byte range. */
static bool ta_find_in_text(const char *raw, const char *needle, size_t *rs, size_t *re)
{
	size_t rl = strlen(raw), nl = strlen(needle);
	if (!nl)
		return false;
	/* normalised copy with a map back to raw offsets */
	char *norm = galley_malloc(rl + 1);
	size_t *map = galley_malloc((rl + 1) * sizeof *map);
	size_t k = 0;
	bool space = false;
	const char *p = raw, *end = raw + rl;
	while (p < end) {
		const char *c0 = p;
		uint32_t c = ta_next(&p, end);
		if (ta_is_space(c)) {
			if (!space) {
				map[k] = (size_t)(c0 - raw);
				norm[k++] = ' ';
			}
			space = true;
			continue;
		}
		space = false;
		for (const char *q = c0; q < p; q++) {
			map[k] = (size_t)(c0 - raw);
			norm[k++] = *q;
		}
	}
	norm[k] = 0;
	map[k] = rl;
	bool ok = false;
	char *hit = strstr(norm, needle);
	if (hit) {
		size_t a = (size_t)(hit - norm), b = a + nl;
		*rs = map[a];
		/* end: the raw offset after the last byte of the match */
		if (b < k)
			*re = map[b];
		else
			*re = rl;
		/* the last matched code point may be followed by spaces that belong to the gap */
		while (*re > *rs && (raw[*re - 1] == ' ' || raw[*re - 1] == '\n' || raw[*re - 1] == '\t' || raw[*re - 1] == '\r'))
			(*re)--;
		ok = true;
	}
	free(norm);
	free(map);
	return ok;
}

static bool ta_inside_q(xmlNodePtr n)
{
	for (; n; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "q"))
			return true;
	return false;
}

static bool ta_wrap_text(xmlNodePtr block, const char *text, const char *speaker)
{
	xmlNodePtr n = block->children;
	while (n) {
		if (n->type == XML_TEXT_NODE && n->content && !ta_inside_q(n)) {
			size_t rs, re;
			if (ta_find_in_text((const char *)n->content, text, &rs, &re)) {
				char *raw = galley_strdup((const char *)n->content);
				xmlDocPtr doc = n->doc;
				xmlNodePtr q = xmlNewDocNode(doc, NULL, BAD_CAST "q", NULL);
				if (speaker)
					xmlSetProp(q, BAD_CAST "data-speaker", BAD_CAST speaker);
				xmlAddChild(q, xmlNewDocTextLen(doc, BAD_CAST raw + rs, (int)(re - rs)));
				xmlNodePtr after = xmlNewDocTextLen(doc, BAD_CAST raw + re, (int)(strlen(raw) - re));
				xmlNodeSetContentLen(n, BAD_CAST raw, (int)rs);
				xmlNodePtr nx = n->next;
				if (nx)
					xmlAddPrevSibling(nx, q);
				else
					xmlAddChild(n->parent, q);
				if (q->next)
					xmlAddPrevSibling(q->next, after);
				else
					xmlAddChild(q->parent, after);
				free(raw);
				return true;
			}
		}
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != block && !n->next)
			n = n->parent;
		if (!n || n == block)
			break;
		n = n->next;
	}
	return false;
}

void ta_mark_body(ta_doc *d, const galley_paragraphs *gp)
{
	int last_para = -1;
	size_t in_para = 0;
	for (size_t i = 0; i < galley_article_n_quotes(d->a); i++) {
		const galley_quote *q = galley_article_quote(d->a, i);
		if (q->paragraph < 0 || (size_t)q->paragraph >= gp->n)
			continue;
		/* marking walks the paragraph's text: keep it linear on pathological input */
		in_para = q->paragraph == last_para ? in_para + 1 : 1;
		last_para = q->paragraph;
		if (in_para > 64 || d->p[q->paragraph].len > 200000)
			continue;
		xmlNodePtr block = gp->node[q->paragraph];
		if (!block)
			continue;
		const ta_para *P = &d->p[q->paragraph];
		size_t plen = ta_para_cplen(P);
		/* a blockquote that is all quote: the speaker goes on the blockquote */
		if (!xmlStrcmp(block->name, BAD_CAST "blockquote") && q->end - q->start + 2 >= (int)plen) {
			if (q->speaker)
				xmlSetProp(block, BAD_CAST "data-speaker", BAD_CAST q->speaker);
			continue;
		}
		ta_wrap_text(block, q->text, q->speaker);
	}
}
