/* strip-boilerplate: the output's blocks (paragraphs, headings, items, rows) with their text,
 * for the filters; removing what the filters left empty. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool sb_is_leaf_block(xmlNodePtr n)
{
	const char *nm = (const char *)n->name;
	if (!strcmp(nm, "p") || sb_is_heading(n) || !strcmp(nm, "pre") || !strcmp(nm, "dt") || !strcmp(nm, "dd") ||
	    !strcmp(nm, "figcaption") || !strcmp(nm, "caption") || !strcmp(nm, "tr"))
		return true;
	if (!strcmp(nm, "li") || !strcmp(nm, "blockquote") || !strcmp(nm, "td") || !strcmp(nm, "th")) {
		for (xmlNodePtr ch = n->children; ch; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE && !(!strcmp((const char *)ch->name, "a") ||
			                                      !strcmp((const char *)ch->name, "em") ||
			                                      !strcmp((const char *)ch->name, "strong") ||
			                                      !strcmp((const char *)ch->name, "b") ||
			                                      !strcmp((const char *)ch->name, "i") ||
			                                      !strcmp((const char *)ch->name, "br") ||
			                                      !strcmp((const char *)ch->name, "img") ||
			                                      !strcmp((const char *)ch->name, "code") ||
			                                      !strcmp((const char *)ch->name, "q") ||
			                                      !strcmp((const char *)ch->name, "u") ||
			                                      !strcmp((const char *)ch->name, "s") ||
			                                      !strcmp((const char *)ch->name, "sub") ||
			                                      !strcmp((const char *)ch->name, "sup") ||
			                                      !strcmp((const char *)ch->name, "cite") ||
			                                      !strcmp((const char *)ch->name, "abbr") ||
			                                      !strcmp((const char *)ch->name, "mark") ||
			                                      !strcmp((const char *)ch->name, "time")))
				return false;
		return true;
	}
	return false;
}

static void sb_out_text(xmlNodePtr n, galley_buf *b, double *link, bool in_a, int depth)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE) {
			size_t before = b->len;
			galley_buf_puts(b, (const char *)ch->content);
			if (in_a)
				*link += (double)galley_utf8_length(b->data + before, b->len - before);
		} else if (ch->type == XML_ELEMENT_NODE && depth < SB_MAX_DEPTH) {
			bool a = in_a || !strcmp((const char *)ch->name, "a");
			if (!strcmp((const char *)ch->name, "br"))
				galley_buf_putc(b, ' ');
			sb_out_text(ch, b, link, a, depth + 1);
			if (!strcmp((const char *)ch->name, "td") || !strcmp((const char *)ch->name, "th"))
				galley_buf_puts(b, " | ");
		}
	}
}

void sb_collect_blocks(xmlNodePtr n, sb_blocks *bl, galley_buf *tmp, bool in_list, int depth)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || depth > SB_MAX_DEPTH)
			continue;
		const char *nm = (const char *)ch->name;
		if (sb_is_leaf_block(ch)) {
			galley_buf_reset(tmp);
			double link = 0;
			sb_out_text(ch, tmp, &link, false, 0);
			char *t = sb_norm(sb_cstr(tmp));
			if (!*t) {
				free(t);
				continue;
			}
			if (bl->n == bl->cap) {
				bl->cap = bl->cap ? bl->cap * 2 : 64;
				bl->v = galley_realloc(bl->v, bl->cap * sizeof *bl->v);
			}
			sb_block *b = &bl->v[bl->n++];
			memset(b, 0, sizeof *b);
			b->index = bl->n - 1;
			b->node = ch;
			b->text = t;
			size_t tl = strlen(t);
			b->len = (double)galley_utf8_length(t, tl);
			b->link = link > b->len ? b->len : link;
			b->heading = sb_is_heading(ch);
			b->in_list = in_list || !strcmp(nm, "li");
			/* ends like a sentence: . ! ? : ” " » ) and their kin, and the full stops, marks and
			 * closing brackets of Chinese and Japanese (。！？）」』: rule cjk-sentence-end) */
			const char *e = t + tl;
			while (e > t && (e[-1] == ' '))
				e--;
			if (e > t) {
				unsigned char last = (unsigned char)e[-1];
				b->sentence = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
				              last == ')' || (tl >= 3 && (!strcmp(e - 3, "\xe2\x80\x9d") ||
				                                          !strcmp(e - 3, "\xe2\x80\x9c") ||
				                                          !strcmp(e - 3, "\xe2\x80\xa6"))) ||
				              (tl >= 2 && !strcmp(e - 2, "\xc2\xbb")) ||
				              (tl >= 3 && (!strcmp(e - 3, "\xe3\x80\x82") || !strcmp(e - 3, "\xef\xbc\x81") ||
				                           !strcmp(e - 3, "\xef\xbc\x9f") || !strcmp(e - 3, "\xef\xbc\x89") ||
				                           !strcmp(e - 3, "\xe3\x80\x8d") || !strcmp(e - 3, "\xe3\x80\x8f")));
			}
			continue;
		}
		sb_collect_blocks(ch, bl, tmp, in_list || !strcmp(nm, "ul") || !strcmp(nm, "ol"), depth + 1);
	}
}

bool sb_prune_empty(xmlNodePtr n, int depth)
{
	bool has = false;
	for (xmlNodePtr ch = n->children, next; ch; ch = next) {
		next = ch->next;
		if (ch->type == XML_TEXT_NODE) {
			for (const xmlChar *p = ch->content; p && *p; p++)
				if (!isspace(*p)) {
					has = true;
					break;
				}
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		const char *nm = (const char *)ch->name;
		if (!strcmp(nm, "img") || !strcmp(nm, "hr") || !strcmp(nm, "br")) {
			has = has || !strcmp(nm, "img");
			continue;
		}
		if (depth < SB_MAX_DEPTH && sb_prune_empty(ch, depth + 1)) {
			has = true;
			continue;
		}
		xmlUnlinkNode(ch);
		xmlFreeNode(ch);
	}
	return has;
}

void sb_clear_private(xmlNodePtr root)
{
	for (xmlNodePtr n = root; n; n = galley_node_next(n, root, true))
		n->_private = NULL;
}
