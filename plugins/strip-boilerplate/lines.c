/* strip-boilerplate: what a single output line is: a teaser header, a byline, credit or caption
 * line, a photo credit, a dateline, a call to action, a disclaimer, the title. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sb_teaser(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 100)
		return false;
	sb_key(k, b->text, strlen(b->text));
	if (!k->len)
		return false;
	if (sb_map_get(&c->st->teasers, k->data, k->len))
		return true;
	for (size_t i = 0; i < c->st->n_teaser_prefix; i++) {
		const char *p = c->st->teaser_prefix[i];
		size_t l = strlen(p);
		if (k->len >= l && !strncmp(k->data, p, l) && (k->data[l] == ' ' || !k->data[l]))
			return true;
	}
	return false;
}

/* "By Jane Doe", "Source: Reuters", "Foto: dpa": the first one or two words of a short line
 * looked up in the line-prefix vocabulary. */
/* The same on a key form already computed: text is the block's text, len its length in code
 * points, sentence whether it ends like one. */
int sb_line_prefix_key(const sb_ctx *c, const char *text, const char *key, size_t key_len, double len,
                              bool sentence)
{
	if (len > 120)
		return 0;
	/* © anywhere at the start */
	if (!strncmp(text, "\xc2\xa9", 2) || !strncasecmp(text, "(c) ", 4))
		return R_CREDIT;
	if (!key_len)
		return 0;
	/* try the first three words, two words, one word */
	size_t ends[3];
	int nw = 0;
	for (size_t i = 0; i <= key_len && nw < 3; i++)
		if (i == key_len || key[i] == ' ')
			ends[nw++] = i;
	for (int w = nw; w-- > 0;) {
		const sb_entry *e = sb_map_get(&c->st->line_prefix, key, ends[w]);
		if (e) {
			/* the prefix must be followed by something (a name), and for "by"/"von" the
			 * line must be short and not a sentence */
			if (ends[w] == key_len && e->value != R_CREDIT)
				return 0;
			if ((e->value == R_BYLINE) && (len > 80 || (sentence && len > 50)))
				return 0;
			return e->value;
		}
	}
	return 0;
}

int sb_line_prefix(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 120)
		return 0;
	sb_key(k, b->text, strlen(b->text));
	return sb_line_prefix_key(c, b->text, k->data, k->len, b->len, b->sentence);
}

/* A short line naming a photo agency ("AFP / PAOLO VENTRINI", "Judy Marsh/WENN.com"): one
 * or two words of it found in the agency list. */
bool sb_photo_credit(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 90 || (b->sentence && b->len > 40) || !c->st->agencies.n)
		return false;
	sb_key(k, b->text, strlen(b->text));
	/* a credit is a few words; a caption with a credit in it is cut, not removed */
	int words = 1;
	for (const char *q = k->data; *q; q++)
		words += *q == ' ';
	if (words > 7)
		return false;
	const char *p = k->data, *prev = NULL;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t l = (size_t)(p - w);
		if (sb_map_get(&c->st->agencies, w, l))
			return true;
		if (prev && sb_map_get(&c->st->agencies, prev, (size_t)(w - prev) + l))
			return true;
		prev = w;
		while (*p == ' ')
			p++;
	}
	return false;
}

bool sb_has_phrase(char *const *list, size_t n, const sb_block *b, size_t max_len, galley_buf *k,
                          galley_buf *pad)
{
	if (b->len > (double)max_len || !n)
		return false;
	sb_key(k, b->text, strlen(b->text));
	galley_buf_reset(pad);
	galley_buf_printf(pad, " %s ", k->data);
	for (size_t i = 0; i < n; i++)
		if (strstr(pad->data, list[i]))
			return true;
	return false;
}

bool sb_call_to_action(const sb_ctx *c, const sb_block *b, galley_buf *k, galley_buf *pad)
{
	return sb_has_phrase(c->st->cta, c->st->n_cta, b, 400, k, pad);
}

/* Image credits at the end of a caption or a short paragraph: "... Foto: GdP/Hagen Ulmer",
 * "... © Reiterblatt", "... (fotofreund / iStock.com)".  The credit is cut from the block and
 * recorded as a caption credit. */
static const struct sb_credit_marker {
	const char *marker;
	const char *rule; /* the id recorded with the credit cut at it */
} sb_credit_markers[] = {
	{"Foto:", SB_RULE_CREDIT_CUT}, {"Fotos:", SB_RULE_CREDIT_CUT}, {"Photo:", SB_RULE_CREDIT_CUT},
	{"Photos:", SB_RULE_CREDIT_CUT}, {"Bild:", SB_RULE_CREDIT_CUT}, {"Bilder:", SB_RULE_CREDIT_CUT},
	{"Image:", SB_RULE_CREDIT_CUT}, {"Credit:", SB_RULE_CREDIT_CUT}, {"Credits:", SB_RULE_CREDIT_CUT},
	{"Quelle:", SB_RULE_CREDIT_CUT}, {"Source:", SB_RULE_CREDIT_CUT}, {"Fot.", SB_RULE_CREDIT_CUT},
	{"Kuva:", SB_RULE_CREDIT_CUT}, {"\xc2\xa9", SB_RULE_CREDIT_CUT}, {"(c) ", SB_RULE_CREDIT_CUT},
	{"(C) ", SB_RULE_CREDIT_CUT},
	/* the credit after the caption's words in lower case ("Jane Doe, photo: Archive") and an
	 * "Image credit:" closing a paragraph (rule credit-lower-case) */
	{" photo:", SB_RULE_CREDIT_LOWER_CASE}, {" foto:", SB_RULE_CREDIT_LOWER_CASE},
	{"Image credit:", SB_RULE_CREDIT_LOWER_CASE}, {"Photo credit:", SB_RULE_CREDIT_LOWER_CASE}, {NULL, NULL}};

void sb_cut_credit(sb_ctx *c, sb_block *b, galley_buf *k)
{
	if (b->len > 400)
		return;
	const char *nm = (const char *)b->node->name;
	if (strcmp(nm, "figcaption") && strcmp(nm, "p") && strcmp(nm, "caption"))
		return;
	/* the last text node holding a marker, with at most 100 bytes of text after it */
	xmlNodePtr stack[64];
	int sp = 0;
	xmlNodePtr hit = NULL;
	size_t hit_at = 0;
	const char *rule = NULL;
	stack[sp++] = b->node->children;
	size_t total = strlen(b->text);
	while (sp) {
		xmlNodePtr n = stack[--sp];
		for (; n; n = n->next) {
			if (n->type == XML_TEXT_NODE && n->content) {
				const char *t = (const char *)n->content;
				for (int i = 0; sb_credit_markers[i].marker; i++) {
					const char *m = strstr(t, sb_credit_markers[i].marker);
					if (m && (m != t || n != b->node->children)) {
						hit = n;
						hit_at = (size_t)(m - t);
						rule = sb_credit_markers[i].rule;
					}
				}
				/* "(... iStock.com)" at the end */
				const char *open = strrchr(t, '(');
				if (open && strchr(open, ')') && strlen(open) < 80) {
					galley_buf_reset(k);
					sb_key(k, open, strlen(open));
					sb_block tmp = {.text = k->data, .len = (double)k->len};
					char *copy = galley_strdup(k->data);
					tmp.text = copy;
					if (sb_photo_credit(c, &tmp, k)) {
						hit = n;
						hit_at = (size_t)(open - t);
						rule = SB_RULE_CREDIT_CUT;
					}
					free(copy);
				}
			} else if (n->type == XML_ELEMENT_NODE && n->children && sp < 63) {
				if (n->next)
					stack[sp++] = n->next;
				stack[sp++] = n->children;
				break;
			}
		}
	}
	if (!hit)
		return;
	/* the text from the marker to the end of the block */
	galley_buf tail = {0};
	galley_buf_puts(&tail, (const char *)hit->content + hit_at);
	for (xmlNodePtr a = hit; a && a != b->node; a = a->parent)
		for (xmlNodePtr s = a->next; s; s = s->next) {
			xmlChar *t = xmlNodeGetContent(s);
			if (t)
				galley_buf_puts(&tail, (const char *)t);
			xmlFree(t);
		}
	char *credit = sb_norm(sb_cstr(&tail));
	galley_buf_free(&tail);
	size_t cl = strlen(credit);
	if (cl == 0 || cl > 100 || cl + 3 >= total) {
		free(credit);
		return;
	}
	/* cut, with the separator left before the credit (", ", " - ", " | ") */
	while (hit_at > 0 && strchr(" ,;|/-", hit->content[hit_at - 1]))
		hit_at--;
	xmlChar *keep = xmlStrndup(hit->content, (int)hit_at);
	xmlNodeSetContent(hit, keep);
	xmlFree(keep);
	for (xmlNodePtr a = hit; a && a != b->node; a = a->parent)
		while (a->next) {
			xmlNodePtr s = a->next;
			xmlUnlinkNode(s);
			xmlFreeNode(s);
		}
	galley_buf ctx = {0};
	xmlNodePtr src = b->node->_private;
	if (src)
		sb_context(c, src, &ctx);
	const char *was = c->removal_rule;
	c->removal_rule = rule;
	sb_record(c, R_CAPTION, credit, ctx.data);
	c->removal_rule = was;
	galley_buf_free(&ctx);
	free(credit);
}

/* A byline word ("von", "by", "par", "Autor") followed by a name inside a short date or meta
 * line: "am 11. Mai 2021 von Tilman Weißler", "October 19, 2019 by KRW".  key is the
 * line's key form. */
bool sb_byline_inside_key(const sb_ctx *c, const char *key)
{
	const char *p = key;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		const sb_entry *e = sb_map_get(&c->st->line_prefix, w, (size_t)(p - w));
		if (e && e->value == R_BYLINE && *p == ' ')
			return true;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* A short line that is mostly a date or time: "12.03.2021, 14:05 Uhr", "March 5, 2024". */
/* Whether a line opens with a label before its first digit ("Termin: 12.03.2020"): a date line
 * whose label is not a publication word (those are line prefixes, removed before) is a date
 * the article gives, an event's, a deadline, opening hours (rule dateline-label). */
static bool sb_labelled_date(const char *t)
{
	bool letter = false;
	for (const char *q = t; *q && !isdigit((unsigned char)*q); q++) {
		if (*q == ':')
			return letter;
		if (isalpha((unsigned char)*q) || (unsigned char)*q >= 0x80)
			letter = true;
	}
	return false;
}

bool sb_dateline(const sb_ctx *c, const sb_block *b, galley_buf *k)
{
	if (b->len > 60 || b->len < 4 || b->in_list || strcmp((const char *)b->node->name, "p"))
		return false;
	if (sb_labelled_date(b->text))
		return false;
	/* a date needs a month name or a numeric date: 12.03.2021, 2021-03-12, 12/03/2021 */
	bool numeric = false;
	for (const char *q = b->text; *q && !numeric; q++) {
		if (!isdigit((unsigned char)q[0]))
			continue;
		const char *r = q;
		int groups = 0;
		while (groups < 3) {
			int d = 0;
			while (isdigit((unsigned char)*r))
				r++, d++;
			if (!d || d > 4)
				break;
			groups++;
			if (*r != '.' && *r != '-' && *r != '/')
				break;
			r++;
		}
		numeric = groups == 3;
		while (isdigit((unsigned char)q[1]))
			q++;
	}
	sb_key(k, b->text, strlen(b->text));
	int digits = 0, months = 0, words = 0, other = 0;
	const char *p = k->data;
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t l = (size_t)(p - w);
		bool alldig = true;
		for (size_t i = 0; i < l; i++)
			if (!isdigit((unsigned char)w[i]))
				alldig = false;
		if (alldig)
			digits++;
		else if (sb_map_get(&c->st->months, w, l))
			months++;
		else
			other++;
		words++;
		while (*p == ' ')
			p++;
	}
	if (digits >= 2 && other <= 2 && numeric)
		return true;
	if (months && digits >= 1 && other <= 2)
		return true;
	return false;
}

bool sb_same_title(const char *a, const char *b, galley_buf *k1, galley_buf *k2)
{
	sb_key(k1, a, strlen(a));
	sb_key(k2, b, strlen(b));
	if (!k1->len || !k2->len)
		return false;
	if (!strcmp(k1->data, k2->data))
		return true;
	/* "Title - Site" in <title>: the block is the title's start */
	if (k2->len > k1->len && k1->len >= 20 && !strncmp(k1->data, k2->data, k1->len))
		return true;
	return false;
}
