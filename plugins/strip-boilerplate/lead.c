/* strip-boilerplate: where the article starts.  The lines the page sets before the article's
 * first paragraph (section labels, credits, "Advertisement", bylines...) become removed blocks
 * with their reasons, so the text starts with the article and the attribution tagger still reads
 * them; every decision records its rule's id (docs/extraction.md, "Where the article starts"). */
#include "sb.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The article starts at its first paragraph: short lines before it that hold no sentence (a
 * section label, a byline or a photographer's credit left over, "Advertisement", "5 Min Read")
 * are no part of its text.  Only where the first prose paragraph comes early (the page's header
 * zone): a run of short lines before it is a poem, a recipe or a product's facts. */
#define SB_LEAD_ZONE 5
#define SB_LEAD_LABEL_MAX 40
#define SB_LEAD_PROSE_MIN 100  /* characters of the first paragraph */
#define SB_LEAD_LINK_SHARE 0.3 /* links' share of a block's characters from which it is no prose */
/* Whether a line holds a sentence's end: . ! ? before a space or the end (not the dots of a
 * date, a number or an address), or a CJK full stop anywhere. */
static bool sb_has_sentence_end(const char *t)
{
	for (const char *q = t; *q; q++) {
		/* a full stop before a space or the end; not in a date, a number or an address */
		if ((*q == '.' || *q == '!' || *q == '?') && (q[1] == ' ' || !q[1]))
			return true;
		if (!strncmp(q, "\xe3\x80\x82", 3) || !strncmp(q, "\xef\xbc\x81", 3) || !strncmp(q, "\xef\xbc\x9f", 3))
			return true;
	}
	return false;
}

/* A label of a word or two ending with a colon ("Summary:") heads the page's fields; a longer
 * line ending with one introduces what follows and is the article's. */
#define SB_LEAD_COLON_WORDS 2

static size_t sb_words(const char *t)
{
	size_t n = 0;
	for (const char *q = t; *q;) {
		while (*q == ' ')
			q++;
		if (!*q)
			break;
		n++;
		while (*q && *q != ' ')
			q++;
	}
	return n;
}

/* Whether a line opens with a quotation mark: ", ', “, „, ‘, ‚, «, », ‹, 「, 『. */
static bool sb_opens_quotation(const char *t)
{
	static const char *const marks[] = {"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9e", "\xe2\x80\x98", "\xe2\x80\x9a",
	                                    "\xc2\xab", "\xc2\xbb", "\xe2\x80\xb9", "\xe3\x80\x8c", "\xe3\x80\x8e"};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (!strncmp(t, marks[i], strlen(marks[i])))
			return true;
	return false;
}

/* A block long enough and with few enough links to be a paragraph of the article's prose. */
static bool sb_prose_sized(const sb_block *b)
{
	return b->len >= SB_LEAD_PROSE_MIN && b->link < SB_LEAD_LINK_SHARE * b->len;
}

/* The article's first paragraph as the blocks stand now: the first block of prose (100+
 * characters, few links) that is no heading and that no rule removed (a notice of lead-notice,
 * a dek of lead-dek is none), or p->n. */
static size_t sb_lead_first_prose(const sb_pass *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const sb_block *b = &p->v[i];
		if (!b->reason && !b->heading && !b->in_list && sb_prose_sized(b))
			return i;
	}
	return p->n;
}

/* Whether a block is a field label of a word or two with its colon ("Summary:", "Author:"). */
/* Removes b as header matter before the article's text: the record says "before-body" whatever
 * step the pass runs in. */
static void sb_lead_remove(sb_pass *p, sb_block *b, int reason, const char *rule)
{
	const char *where = p->c->where;
	p->c->where = "before-body";
	sb_remove_block_rule(p->c, b, reason, rule);
	p->c->where = where;
}

/* The first block still standing before the first paragraph `first` (first itself when none). */
static size_t sb_lead_first_standing(const sb_pass *p, size_t first)
{
	size_t i = 0;
	while (i < first && p->v[i].reason)
		i++;
	return i;
}

static bool sb_colon_label(const char *t, size_t tl)
{
	return tl && t[tl - 1] == ':' && sb_words(t) <= SB_LEAD_COLON_WORDS;
}

/* lead-label, lead-byline: the short lines before the first paragraph. */
static void sb_pass_lead_labels(sb_pass *p)
{
	size_t first = sb_lead_first_prose(p);
	/* the header zone: the blocks still standing before the first paragraph */
	size_t standing = 0;
	for (size_t i = 0; i < first; i++)
		standing += !p->v[i].reason;
	if (p->text_mode || first >= p->n || standing > SB_LEAD_ZONE)
		return;
	for (size_t i = 0; i < first; i++) {
		sb_block *b = &p->v[i];
		size_t tl = strlen(b->text);
		/* a list item only when it is a field label left without its value */
		if (b->reason || b->heading || (b->in_list ? !sb_colon_label(b->text, tl) : strcmp((const char *)b->node->name, "p")))
			continue;
		/* a line that opens a quotation or introduces what follows is the article's */
		if (!tl || (b->text[tl - 1] == ':' && !sb_colon_label(b->text, tl)) || sb_opens_quotation(b->text))
			continue;
		if (b->len < SB_LEAD_LABEL_MAX && !sb_has_sentence_end(b->text)) {
			/* header matter of the article, before its text; "Eine Kolumne von Jane Doe"
			 * is the byline */
			sb_key(&p->k, b->text, tl);
			if (sb_byline_inside_key(p->c, p->k.data))
				sb_lead_remove(p, b, R_BYLINE, "lead-byline");
			else
				sb_lead_remove(p, b, R_HEADER, "lead-label");
		}
	}
}

/* ---- the first paragraph, and what comes before it -------------------------------------------
 * The article's first paragraph is the first block of prose (100+ characters, few links) that
 * is neither a heading nor a caption; the blocks before it are its header.  Only where it comes
 * early: a long run of blocks before it is content (a list, a table, a poem), not a header. */
#define SB_LEAD_SCAN 8         /* the first paragraph is among the first blocks */
#define SB_CAPTION_UP 4        /* levels above a block where its caption box may be */
#define SB_CAPTION_MAX 300     /* characters: a caption is short */

/* The block's source element, or NULL. */
static xmlNodePtr sb_block_source(const sb_block *b)
{
	return b->node ? b->node->_private : NULL;
}

/* Whether word (lower case) is in v as a word of its own: not glued to letters before it, and
 * followed by a non-letter, an upper-case hump or a plural s ("wp-caption-text", "imageCredit",
 * "captions"; not "creditshelf"). */
static bool sb_class_word(const char *v, const char *word)
{
	size_t wl = strlen(word);
	for (const char *q = v; *q; q++) {
		if (strncasecmp(q, word, wl))
			continue;
		bool start = q == v || !isalpha((unsigned char)q[-1]) || (isupper((unsigned char)q[0]) && islower((unsigned char)q[-1]));
		const char *e = q + wl;
		if (*e == 's')
			e++;
		if (start && !islower((unsigned char)*e))
			return true;
	}
	return false;
}

/* Whether a class or id value names a caption or a picture credit. */
static bool sb_caption_name(const char *v)
{
	return v && (sb_class_word(v, "caption") || sb_class_word(v, "credit"));
}

/* A caption or picture credit: a short figcaption, or a short block inside a box whose class or
 * id names a caption or credit.  A long one is the article's text in odd markup. */
static bool sb_caption_shaped(const sb_block *b)
{
	if (b->len > SB_CAPTION_MAX)
		return false;
	if (!strcmp((const char *)b->node->name, "figcaption"))
		return true;
	xmlNodePtr n = sb_block_source(b);
	for (int up = 0; n && n->type == XML_ELEMENT_NODE && up < SB_CAPTION_UP; up++, n = n->parent) {
		if (!strcasecmp((const char *)n->name, "figcaption"))
			return true;
		if (sb_caption_name(sb_attr(n, "class")) || sb_caption_name(sb_attr(n, "id")))
			return true;
	}
	return false;
}

/* The index of the article's first paragraph, or p->n when it does not come early. */
static size_t sb_first_paragraph(const sb_pass *p)
{
	for (size_t i = 0; i < p->n && i < SB_LEAD_SCAN; i++) {
		const sb_block *b = &p->v[i];
		if (!b->reason && !b->heading && !b->in_list && sb_prose_sized(b) && !sb_caption_shaped(b))
			return i;
	}
	return p->n;
}

/* lead-caption: the lead image's caption and credit, before the first paragraph. */
static void sb_pass_lead_caption(sb_pass *p)
{
	if (p->text_mode)
		return;
	size_t first = sb_first_paragraph(p);
	for (size_t i = 0; i < first && i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->heading || !sb_caption_shaped(b))
			continue;
		sb_lead_remove(p, b, R_CAPTION, "lead-caption");
	}
}

/* lead-notice: a notice that the article is old or archived (notices.txt), before its first
 * paragraph; the notice may be long enough to pass for the first paragraph itself. */
#define SB_NOTICE_MAX 400 /* characters */

static void sb_pass_lead_notice(sb_pass *p)
{
	if (p->text_mode)
		return;
	for (size_t i = 0; i < p->n && i < SB_LEAD_SCAN; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->heading)
			continue;
		if (sb_has_phrase(p->c->st->notices, p->c->st->n_notices, b, SB_NOTICE_MAX, &p->k, &p->k2)) {
			sb_lead_remove(p, b, R_NOTICE, "lead-notice");
			continue;
		}
		if (sb_prose_sized(b) && !sb_caption_shaped(b))
			break; /* the first paragraph */
	}
}

/* lead-headline: a heading before the first paragraph that says the title again in other words
 * (the headline beside a differently worded <title>, a kicker glued to it, a second copy): most
 * of its words are the title's. */
#define SB_HEADLINE_SHARE 0.6  /* share of the heading's words found in the title */
#define SB_HEADLINE_MIN_WORDS 2

/* The share of the words of a (key form) found among the words of b (key form). */
static double sb_word_share(const char *a, const char *b)
{
	size_t words = 0, found = 0, bl = strlen(b);
	for (const char *q = a; *q;) {
		size_t l = strcspn(q, " ");
		if (l) {
			words++;
			for (const char *r = b; r < b + bl;) {
				size_t m = strcspn(r, " ");
				if (m == l && !strncmp(q, r, l)) {
					found++;
					break;
				}
				r += m;
				if (*r)
					r++;
			}
		}
		q += l;
		if (*q)
			q++;
	}
	return words >= SB_HEADLINE_MIN_WORDS ? (double)found / (double)words : 0;
}

static void sb_pass_lead_headline(sb_pass *p)
{
	const char *title = galley_article_get(p->c->a, GALLEY_FIELD_TITLE);
	if (p->text_mode || !title)
		return;
	size_t first = sb_first_paragraph(p);
	sb_key(&p->k2, title, strlen(title));
	/* the page's headline is its one h1; several are its sections' headings */
	size_t h1s = 0;
	for (size_t i = 0; i < p->n; i++)
		h1s += !p->v[i].reason && !strcmp((const char *)p->v[i].node->name, "h1");
	bool lone_h1 = h1s == 1;
	for (size_t i = 0; i < first && i < p->n; i++) {
		sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		sb_key(&p->k, b->text, strlen(b->text));
		/* a heading in other words, or the page's first-level heading however worded; any
		 * other block only when it is the title word for word */
		bool h1 = lone_h1 && b->heading && !strcmp((const char *)b->node->name, "h1");
		if (!h1 && (b->heading ? sb_word_share(p->k.data, p->k2.data) < SB_HEADLINE_SHARE : strcmp(p->k.data, p->k2.data)))
			continue;
		sb_lead_remove(p, b, R_TITLE, "lead-headline");
	}
}

/* lead-dek: the standfirst (dek, subheadline) the page sets under the headline, before the
 * first paragraph: a short summary that repeats the page's declared description or sits in an
 * element whose class or id names a dek, and that stands apart from the paragraphs after it
 * (another element, or another parent, than the next paragraph).  It goes to the article's dek
 * field, not to its text. */
#define SB_DEK_MAX 400          /* characters: a standfirst is short */
#define SB_DEK_MIN_WORDS 5      /* a label is no standfirst */
#define SB_DEK_SHARE 0.8        /* share of its words found in the description */
#define SB_DEK_UP 3             /* levels above the block where its dek box may be */
#define SB_DEK_SENTENCES 2      /* a standfirst says it in a sentence or two; more is a paragraph */

/* The number of sentences in t: ends (. ! ? followed by a space or the end; the CJK full stops
 * anywhere). */
static size_t sb_sentences(const char *t)
{
	size_t n = 0;
	for (const char *q = t; *q; q++) {
		if ((*q == '.' || *q == '!' || *q == '?') && (q[1] == ' ' || !q[1]))
			n++;
		else if (!strncmp(q, "\xe3\x80\x82", 3) || !strncmp(q, "\xef\xbc\x81", 3) || !strncmp(q, "\xef\xbc\x9f", 3))
			n++;
	}
	return n;
}

/* Class and id words of standfirsts (the names news pages and CMS themes give them). */
static const char *const sb_dek_words[] = {"dek", "deck", "standfirst", "subtitle", "subheadline", "subhead",
                                           "summary", "excerpt", "lede", "intro"};

static bool sb_dek_name(const char *v)
{
	if (!v)
		return false;
	for (size_t i = 0; i < sizeof sb_dek_words / sizeof *sb_dek_words; i++)
		if (sb_class_word(v, sb_dek_words[i]))
			return true;
	return false;
}

static bool sb_dek_box(const sb_block *b)
{
	xmlNodePtr n = sb_block_source(b);
	for (int up = 0; n && n->type == XML_ELEMENT_NODE && up < SB_DEK_UP; up++, n = n->parent)
		if (sb_dek_name(sb_attr(n, "class")) || sb_dek_name(sb_attr(n, "id")))
			return true;
	return false;
}

/* Whether a and b are set apart: other elements, or other parents. */
static bool sb_set_apart(const sb_block *a, const sb_block *b)
{
	xmlNodePtr x = sb_block_source(a), y = sb_block_source(b);
	if (!x || !y)
		return strcmp((const char *)a->node->name, (const char *)b->node->name) != 0;
	return xmlStrcasecmp(x->name, y->name) || x->parent != y->parent;
}

static bool sb_pass_lead_dek(sb_pass *p)
{
	const char *desc = galley_article_get(p->c->a, GALLEY_FIELD_DESCRIPTION);
	if (p->text_mode)
		return false;
	if (desc)
		sb_key(&p->k2, desc, strlen(desc));
	for (size_t i = 0; i < p->n && i < SB_LEAD_SCAN; i++) {
		sb_block *b = &p->v[i];
		if (b->reason || b->in_list)
			continue;
		bool prose = !b->heading && sb_prose_sized(b);
		sb_key(&p->k, b->text, strlen(b->text));
		bool shaped = b->len <= SB_DEK_MAX && sb_words(p->k.data) >= SB_DEK_MIN_WORDS && b->link < SB_LEAD_LINK_SHARE * b->len &&
		              sb_sentences(b->text) <= SB_DEK_SENTENCES;
		bool evidence = shaped && ((desc && sb_word_share(p->k.data, p->k2.data) >= SB_DEK_SHARE) || sb_dek_box(b));
		if (evidence) {
			/* the next paragraph, which it must stand apart from */
			size_t j = i + 1;
			while (j < p->n && (p->v[j].reason || p->v[j].heading || p->v[j].len < SB_LEAD_PROSE_MIN))
				j++;
			if (j < p->n && sb_set_apart(b, &p->v[j])) {
				sb_lead_remove(p, b, R_DEK, "lead-dek");
				return true; /* one standfirst */
			}
		}
		if (prose)
			return false; /* the first paragraph: the article has started */
	}
	return false;
}

/* lead-key-points: the list of key points (highlights, "what you need to know") a page sets
 * between its headline and the article's first paragraph: a few short items, alone in the header
 * zone but for labels and headings (its "Highlights" heading goes with it).  A list further
 * down, or one among paragraphs, is the article's. */
#define SB_KEY_POINTS_MIN 2      /* items */
#define SB_KEY_POINTS_MAX 6      /* items */
#define SB_KEY_POINT_MAX 250     /* characters of an item */
#define SB_KEY_POINT_MIN 10      /* characters of an item: a shorter one is a link or a tag */
#define SB_KEY_POINTS_HEADING 3  /* words of the heading that names the list */
#define SB_KEY_POINTS_UP 4       /* levels above an item where the list's box may be named */

/* Class and id words of key-point lists. */
static const char *const sb_key_point_words[] = {"abstract", "highlight", "keypoint", "takeaway"};

static bool sb_key_point_name(const char *v)
{
	if (!v)
		return false;
	for (size_t i = 0; i < sizeof sb_key_point_words / sizeof *sb_key_point_words; i++)
		if (sb_class_word(v, sb_key_point_words[i]))
			return true;
	return false;
}

/* Whether the list of item b is named as key points: by the class or id of the list or a box
 * around it, or by a heading or label of a few words right before it ("Highlights"). */
static bool sb_key_points_named(const sb_pass *p, size_t item)
{
	xmlNodePtr n = sb_block_source(&p->v[item]);
	for (int up = 0; n && n->type == XML_ELEMENT_NODE && up < SB_KEY_POINTS_UP; up++, n = n->parent)
		if (sb_key_point_name(sb_attr(n, "class")) || sb_key_point_name(sb_attr(n, "id")))
			return true;
	if (!item)
		return false;
	const sb_block *l = &p->v[item - 1];
	return !l->in_list && (l->heading || l->len < SB_LEAD_LABEL_MAX) && !l->link &&
	       sb_words(l->text) <= SB_KEY_POINTS_HEADING && !sb_has_sentence_end(l->text);
}

/* Whether the blocks before the first paragraph are a list of key points and little else: its
 * items (in one list, named as key points) and, besides them, only headings and labels under
 * SB_LEAD_LABEL_MAX. */
static bool sb_key_points(const sb_pass *p, size_t first, size_t *from)
{
	size_t items = 0;
	xmlNodePtr list = NULL;
	for (size_t i = 0; i < first; i++) {
		const sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		if (!b->in_list) {
			if (!b->heading && b->len >= SB_LEAD_LABEL_MAX)
				return false; /* a paragraph: the list is among the article's blocks */
			continue;
		}
		if (list && b->node->parent != list)
			return false;
		if (b->len > SB_KEY_POINT_MAX || b->len < SB_KEY_POINT_MIN || b->link >= SB_LEAD_LINK_SHARE * b->len)
			return false;
		if (!items++)
			*from = i;
		list = b->node->parent;
	}
	return items >= SB_KEY_POINTS_MIN && items <= SB_KEY_POINTS_MAX && sb_key_points_named(p, *from);
}

static void sb_pass_lead_key_points(sb_pass *p)
{
	size_t first = sb_lead_first_prose(p), from = 0;
	if (p->text_mode || first >= p->n || !sb_key_points(p, first, &from))
		return;
	for (size_t i = 0; i < first; i++) {
		sb_block *b = &p->v[i];
		if (b->reason)
			continue;
		/* the heading that names the list, right before it */
		if (b->in_list || (i + 1 == from && b->heading && sb_words(b->text) <= SB_KEY_POINTS_HEADING))
			sb_lead_remove(p, b, R_HEADER, "lead-key-points");
	}
}

/* lead-label also takes a heading of one word that opens the text right before the first
 * paragraph ("Abstract", "Introduction"): the section's label, not a headline.  Other headings
 * there stay. */
#define SB_LABEL_HEADING_MAX 20 /* characters */

static void sb_pass_lead_label_heading(sb_pass *p)
{
	size_t first = sb_lead_first_prose(p);
	if (p->text_mode || first >= p->n)
		return;
	size_t i = sb_lead_first_standing(p, first);
	sb_block *b = &p->v[i];
	if (i + 1 != first || !b->heading || sb_words(b->text) != 1 || b->len > SB_LABEL_HEADING_MAX || b->link ||
	    sb_has_sentence_end(b->text))
		return;
	sb_lead_remove(p, b, R_HEADER, "lead-label");
}

/* lead-subheadline: a heading that opens the text right before the first paragraph and is
 * worded as a sentence (five words or more, or a sentence's length in a script without spaces;
 * a sentence's end, or the standfirst of lead-dek right before it): the subheadline the page sets
 * under its headline, a standfirst in a heading's markup.  It goes as a dek (the article's dek
 * field when lead-dek found none).  A section heading comes after paragraphs; a heading that is
 * a name ("What the engineers found") stays. */
#define SB_SUBHEAD_MIN_WORDS 5
#define SB_SUBHEAD_MIN_LEN 15   /* characters, in scripts without spaces */
#define SB_SUBHEAD_MAX 200      /* characters */

static void sb_pass_lead_subheadline(sb_pass *p)
{
	size_t first = sb_lead_first_prose(p);
	if (p->text_mode || first >= p->n)
		return;
	size_t i = sb_lead_first_standing(p, first);
	sb_block *b = &p->v[i];
	if (i >= first || !b->heading || !strcmp((const char *)b->node->name, "h1") || b->len > SB_SUBHEAD_MAX ||
	    b->link >= SB_LEAD_LINK_SHARE * b->len)
		return;
	size_t words = sb_words(b->text);
	if (words < SB_SUBHEAD_MIN_WORDS && (words > 1 || b->len < SB_SUBHEAD_MIN_LEN))
		return;
	if (!sb_sentences(b->text) && !(i && p->v[i - 1].reason == R_DEK))
		return;
	/* nothing but captions between it and the first paragraph */
	for (size_t j = i + 1; j < first; j++)
		if (!p->v[j].reason && !sb_caption_shaped(&p->v[j]))
			return;
	sb_lead_remove(p, b, R_DEK, "lead-subheadline");
}

void sb_pass_lead(sb_pass *p)
{
	sb_pass_lead_notice(p);
	sb_pass_lead_labels(p);
	sb_pass_lead_caption(p);
	sb_pass_lead_key_points(p);
	sb_pass_lead_headline(p);
	sb_pass_lead_subheadline(p);
	sb_pass_lead_label_heading(p);
	/* a standfirst long enough to pass for the first paragraph hid what stood between it and
	 * the article's first paragraph: the header matter there goes the same way */
	if (sb_pass_lead_dek(p)) {
		sb_pass_lead_labels(p);
		sb_pass_lead_caption(p);
		sb_pass_lead_key_points(p);
		sb_pass_lead_headline(p);
		sb_pass_lead_subheadline(p);
		sb_pass_lead_label_heading(p);
	}
}
