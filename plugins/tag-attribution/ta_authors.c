/* tag-attribution: deciding an article's authors.
 *
 * Three kinds of evidence, gathered by an ordered table of finders that share one signature:
 *   - meta: the names the page's metadata gives (JSON-LD, meta tags, Open Graph...);
 *   - lab:  a labelled credit the page shows ("By Jane Doe", "Autorin: ..."), with its tier;
 *   - vis:  an unlabelled name the page shows (a byline element's "Jane Doe", a signature).
 * Each finder looks only while its kind of evidence is still missing (and the later ones only
 * while nothing at all was found), so the table's order is the order of trust.  Then the
 * scored decision (ta_author_decide, ta_author_decide.c) weighs metadata against the page, and ta_author_complete
 * gives the chosen names their fullest form.  The finder that found the evidence used is the
 * decision's rule id. */
#include "ta_author_evidence.h"

typedef void (*ta_author_finder)(ta_author_evidence *ev);

/* Whether an earlier finder already named someone (metadata, a labelled or a visible credit):
 * the finders of last resort then stay silent. */
static bool ta_evidence_names_someone(const ta_author_evidence *ev)
{
	return ev->meta.n || ev->lab.n || ev->vis.n;
}

/* Is a name written in letters only, with the spaces and marks names have ("Jane O'Roe-Doe
 * Jr.", "Example & Partners")? */
static bool ta_letters_only(const char *name)
{
	const char *p = name, *end = name + strlen(name);
	while (p < end) {
		uint32_t c = galley_utf8_next(&p, end);
		if (!ta_is_letter(c) && !ta_is_space(c) && !strchr(".-'&", (int)c) && c != 0x2019)
			return false;
	}
	return true;
}

/* The most words of the name after the label that metadata may confirm. */
enum { TA_LABELLED_NAME_WORDS_MAX = 4 };

/* Does text hold a byline label and then, up to its end, a name whose last word is in lower
 * case that an author candidate of the metadata gives in any case ("By Jane doe" and <meta
 * name=author content="jane doe">)?  Adds the name as the page writes it. */
static bool ta_label_then_metadata_name(ta_doc *d, const char *text, ta_names *out)
{
	ta_words w;
	ta_split_words(text, &w);
	size_t ln = w.n ? ta_label_at(d->st, &w, 0) : 0;
	/* a given name first, the family name in lower case (why the name check failed) */
	if (!ln || ln + 1 >= w.n || w.n - ln > TA_LABELLED_NAME_WORDS_MAX || !ta_has_upper_start(w.w[ln], w.l[ln]) ||
	    ta_has_upper_start(w.w[w.n - 1], w.l[w.n - 1]))
		return false;
	const char *rest = w.w[ln];
	size_t rl = (size_t)(w.w[w.n - 1] + w.l[w.n - 1] - rest);
	char *nm = galley_strndup(rest, rl);
	bool hit = false;
	for (size_t i = 0; i < galley_article_n_candidates(d->a) && !hit; i++) {
		const galley_candidate *c = galley_article_candidate(d->a, i);
		if (strcmp(c->field, "author"))
			continue;
		char *v = galley_ws_normalize(c->value);
		hit = ta_ieq(v, nm) && ta_letters_only(nm);
		free(v);
	}
	if (hit)
		ta_names_add(out, nm);
	free(nm);
	return hit;
}

/* labelled names ("By Jane Doe") in the blocks the stripper removed as a byline, meta line or
 * dateline, with the article or near it */
static void ta_find_labelled_header(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	static const char *const first[] = {"byline", "meta", "dateline"};
	size_t *ord = NULL;
	int *tiers = NULL;
	size_t nord = ta_removed_order(a, first, sizeof first / sizeof first[0], &ord, &tiers);
	for (size_t i = 0; i < nord && !ev->lab.n && tiers[i] <= 1; i++) {
		if (ta_label_after_with(st, galley_article_removed(a, ord[i])->text))
			continue; /* "Interview with author Jane Roe": the person met */
		ta_find_labelled(st, galley_article_removed(a, ord[i])->text, &ev->lab, site, true);
		if (ev->lab.n)
			ev->lab_tier = tiers[i];
	}
	/* the label and a name that does not read as one ("By Jane doe", a user's name) that
	 * metadata gives too, in any case: the writer as the page spells them */
	for (size_t i = 0; i < nord && !ev->lab.n && tiers[i] == TA_TIER_ARTICLE; i++)
		if (ta_label_then_metadata_name(ev->d, galley_article_removed(a, ord[i])->text, &ev->lab))
			ev->lab_tier = tiers[i];
	free(ord);
	free(tiers);
}

/* a byline paragraph still in the body, near the top or the end: "By Jane Doe" */
static void ta_find_labelled_body_line(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	const char *site = ev->site;
	for (size_t i = 0; i < d->nbody && !ev->lab.n; i++)
		if ((i < 3 || i + 2 >= d->nbody) && d->p[i].len <= 200) {
			/* a short line at the top with a date or a time, the article's meta line: the
			 * label anywhere ("Promis (1 / 1) 14.09.2022 17:05 von Erika Symbolbild imago") */
			bool meta_line = false;
			for (const char *q = d->p[i].text; i < 3 && d->p[i].len <= 80 && *q && !meta_line; q++)
				meta_line = q[0] >= '0' && q[0] <= '9' && (q[1] == '.' || q[1] == ':' || q[1] == '/') && q[2] >= '0' && q[2] <= '9';
			/* a phrase that opens it and says what the text is, its writer then the person
			 * met: "Ein Interview von Max Mustermann mit Erika Beispiel." (the writer) */
			ta_words pw;
			ta_split_words(d->p[i].text, &pw);
			size_t phrase = ta_label_at(st, &pw, 0);
			char *cut = NULL;
			if (phrase >= 3) {
				static const char *const with[] = {"mit", "with", "avec", "con"};
				for (size_t k = phrase + 1; k < pw.n && !cut; k++)
					for (size_t m = 0; m < sizeof with / sizeof with[0] && !cut; m++)
						if (pw.l[k] == strlen(with[m]) && !memcmp(pw.w[k], with[m], pw.l[k]))
							cut = galley_strndup(d->p[i].text, (size_t)(pw.w[k] - d->p[i].text));
			}
			ta_find_labelled(st, cut ? cut : d->p[i].text, &ev->lab, site, meta_line);
			free(cut);
			/* a paragraph is not marked as a byline: it does not overrule metadata, unless
			 * its label says so with a colon ("Autorin: Erika Mustermann, ...") or is that
			 * phrase */
			const char *colon = ev->lab.n ? strchr(d->p[i].text, ':') : NULL;
			if (ev->lab.n)
				ev->lab_tier = (colon && colon - d->p[i].text <= 16) || phrase >= 3 ? 0 : 1;
		}
}

/* a byline in emphasis inside one of the first two long paragraphs */
static void ta_find_emphasised_byline(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	const char *site = ev->site;
	for (size_t i = 0; i < 2 && i < d->nbody && d->gp && i < d->gp->n && !ev->lab.n; i++) {
		size_t seen = 0;
		if (d->gp->node[i] && d->p[i].len > 200) {
			ta_emphasised_byline(st, d->gp->node[i], &ev->lab, site, &seen, 0);
			if (ev->lab.n)
				ev->lab_tier = 1;
		}
	}
}

/* anywhere in the body, a short paragraph that a label with a colon opens ("Autorin: ..."),
 * or the noun "author" without one when people's names follow ("Autoren Hauke Marten und
 * Wiebke Oberle") */
static void ta_find_labelled_line(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	const char *site = ev->site;
	for (size_t i = 0; i < d->nbody && !ev->lab.n; i++) {
		const char *colon = d->p[i].len <= 160 ? strchr(d->p[i].text, ':') : NULL;
		if (colon && colon - d->p[i].text <= 16) {
			ta_find_labelled(st, d->p[i].text, &ev->lab, site, false);
			if (ev->lab.n)
				ev->lab_tier = 0;
		} else if (d->p[i].len <= 100 && d->p[i].nt >= 3 &&
		           (ta_tok_is(d, &d->p[i].t[0], "autor") || ta_tok_is(d, &d->p[i].t[0], "autorin") ||
		            ta_tok_is(d, &d->p[i].t[0], "autoren") || ta_tok_is(d, &d->p[i].t[0], "author") ||
		            ta_tok_is(d, &d->p[i].t[0], "auteur"))) {
			ta_find_labelled(st, d->p[i].text, &ev->lab, site, false);
			if (ev->lab.n && !ta_person_like(st, &ev->lab))
				ta_names_free(&ev->lab);
			if (ev->lab.n)
				ev->lab_tier = 1;
		}
	}
}

/* signature-line: a signature closing the story that the markup joined to its last paragraph
 * with line breaks: "... as the court said. Author: Lawyer Jane Roe" (the label with its
 * colon, the name ending the text) */
static void ta_find_closing_label(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	const char *site = ev->site;
	for (size_t k = 0; k < 2 && k < d->nbody && !ev->lab.n; k++) {
		const char *t = d->p[d->nbody - 1 - k].text;
		size_t tl = strlen(t);
		if (tl > 100) { /* its last words only */
			t += tl - 100;
			while (*t && *t != ' ')
				t++;
		}
		ta_words w;
		ta_split_words(t, &w);
		for (size_t i = w.n > 6 ? w.n - 6 : 1; i + 1 < w.n && !ev->lab.n; i++) {
			size_t ln = ta_label_at(st, &w, i);
			if (!ln || i + ln >= w.n || w.w[i + ln - 1][w.l[i + ln - 1] - 1] != ':')
				continue;
			ta_parse_byline(st, w.w[i], &ev->lab, site, TA_BYLINE_NEED_LABEL);
			if (ev->lab.n && !ta_person_like(st, &ev->lab))
				ta_names_free(&ev->lab);
			if (ev->lab.n)
				ev->lab_tier = 0;
		}
	}
}

/* Is a node whitespace text? */
static bool ta_blank_node(xmlNodePtr n)
{
	if (n->type == XML_COMMENT_NODE)
		return true;
	if (n->type != XML_TEXT_NODE)
		return false;
	for (const xmlChar *t = n->content; t && *t; t++)
		if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r')
			return false;
	return true;
}

/* signature-line on the last line of the text: a person's name in emphasis after a line break
 * closing the last paragraph ("... the end of the story.<br><em>Jane Roe</em>"), the writer
 * even where metadata names another account */
static void ta_find_closing_line_signature(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	size_t i = d->nbody ? d->nbody - 1 : 0;
	if (ev->lab.n || !d->nbody || !d->gp || i >= d->gp->n || !d->gp->node[i] || d->p[i].len < 100)
		return;
	xmlNodePtr last = d->gp->node[i]->last;
	while (last && ta_blank_node(last))
		last = last->prev;
	if (!last || last->type != XML_ELEMENT_NODE || (xmlStrcasecmp(last->name, BAD_CAST "em") && xmlStrcasecmp(last->name, BAD_CAST "i")))
		return;
	xmlNodePtr br = last->prev;
	while (br && ta_blank_node(br))
		br = br->prev;
	if (!br || br->type != XML_ELEMENT_NODE || xmlStrcasecmp(br->name, BAD_CAST "br"))
		return;
	xmlChar *txt = xmlNodeGetContent(last);
	char *nm = txt ? galley_ws_normalize((const char *)txt) : NULL;
	xmlFree(txt);
	ta_words w;
	if (nm)
		ta_split_words(nm, &w);
	if (nm && w.n >= 2 && w.n <= 4 && strlen(nm) <= 40 && ta_person_text(d, nm)) {
		ta_names_add(&ev->lab, nm);
		ev->lab_tier = TA_TIER_ARTICLE;
	}
	free(nm);
}

/* After a label without its colon ("By"), the removed block at k can be its name: with the
 * article (tier 0), a block of the page's header (not a teaser's title nor a heading), and not
 * the first of several names set apart ("and" opens the block after it). */
static bool ta_bare_label_name(const ta_author_evidence *ev, size_t k, int tier)
{
	const galley_article *a = ev->d->a;
	static const char *const header[] = {"outside-main", "byline", "meta", "author-box", "dateline"};
	if (tier > 0 || !ta_reason_is(galley_article_removed(a, k), header, sizeof header / sizeof header[0]))
		return false;
	if (k + 1 < galley_article_n_removed(a)) {
		const char *next = galley_article_removed(a, k + 1)->text;
		ta_words w;
		if (next) {
			ta_split_words(next, &w);
			if (w.n && (ta_is_conj(w.w[0], w.l[0]) || (w.l[0] == 1 && w.w[0][0] == '&')))
				return false;
		}
	}
	return true;
}

/* The shortest and the longest user account that a bare label may credit: "jdoe42", "u/jdoe". */
enum { TA_ACCOUNT_MIN = 3, TA_ACCOUNT_MAX = 30 };

/* Is name, all of the element's text, a user account: one token with a digit, an
 * underscore, a dot or a slash in it, or in lower case ("jdoe42", "j_doe", "u/jdoe"), not a
 * capitalised word (an outlet, a desk: "Example", "Redaktion")? */
static bool ta_account_text(const char *name, const char *text)
{
	char *t = galley_ws_normalize(text);
	size_t n = strlen(name);
	bool ok = !strcmp(t, name) && n >= TA_ACCOUNT_MIN && n <= TA_ACCOUNT_MAX && !strchr(name, ' ') && !strchr(name, '@');
	free(t);
	bool letter = false, mark = name[0] >= 'a' && name[0] <= 'z';
	for (size_t i = 0; i < n && ok; i++) {
		unsigned char c = (unsigned char)name[i];
		letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		mark |= (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/';
		ok = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr("_./-", c);
	}
	return ok && letter && mark;
}

/* label-then-name: a label alone in its element and the name in the next one: "Author:"
 * then "Jane Roe"; after the label without its colon, a person's name or a user's account */
static void ta_find_label_then_name(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	for (size_t i = 0; i + 1 < galley_article_n_removed(a) && !ev->lab.n; i++) {
		const galley_removed *r = galley_article_removed(a, i), *nx = galley_article_removed(a, i + 1);
		static const char *const ui[] = {"nav", "form"}; /* a search form's "Von:" field */
		if (!r->text || !nx->text || !nx->context || strlen(nx->text) > 80 || ta_reason_is(r, ui, 2) || ta_reason_is(nx, ui, 2))
			continue;
		/* the label without its colon ("By"), only before a person's name with the article */
		ta_label_form form = ta_label_alone(st, r->text);
		bool bare = form == TA_LABEL_BARE;
		if (form == TA_LABEL_NONE)
			continue;
		int t = ta_removed_tier(nx, false);
		if (t > 1 || (bare && !ta_bare_label_name(ev, i + 1, t)))
			continue;
		galley_buf b = {0};
		galley_buf_printf(&b, "%s %s", r->text, nx->text);
		galley_buf_putc(&b, 0);
		char *both = galley_buf_steal(&b);
		ta_parse_byline(st, both, &ev->lab, site, TA_BYLINE_NEED_LABEL);
		free(both);
		/* a person's name with the agency's short name after a slash: "Jan Kramer/AB-X" */
		const char *slash = ev->lab.n == 1 ? strchr(ev->lab.v[0], '/') : NULL;
		if (slash) {
			ta_names one = {0};
			char *nm = galley_strndup(ev->lab.v[0], (size_t)(slash - ev->lab.v[0]));
			ta_names_add(&one, nm);
			free(nm);
			if (ta_person_like(st, &one)) {
				ta_names_free(&ev->lab);
				ev->lab = one;
			} else
				ta_names_free(&one);
		}
		if (bare && ev->lab.n && !ta_person_like(st, &ev->lab) && !(ev->lab.n == 1 && ta_account_text(ev->lab.v[0], nx->text)))
			ta_names_free(&ev->lab);
		if (ev->lab.n)
			ev->lab_tier = t;
	}
}

/* label-then-name in a description list: the term kept in the text, its value (a link to the
 * author's page) set apart: <dt>Author</dt><dd><a>Jane Roe</a></dd>; the term is the label
 * without a colon */
static void ta_find_description_list(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	for (size_t i = 0; i < d->nbody && d->gp && i < d->gp->n && !ev->lab.n; i++) {
		xmlNodePtr nd = d->gp->node[i];
		if (!nd || !nd->name || strcmp((const char *)nd->name, "dt") || d->p[i].len > 30)
			continue;
		ta_words w;
		ta_split_words(d->p[i].text, &w);
		if (!w.n || w.n > 3 || ta_label_at(st, &w, 0) != w.n)
			continue;
		for (size_t k = 0; k < galley_article_n_removed(a) && !ev->lab.n; k++) {
			const galley_removed *r = galley_article_removed(a, k);
			if (!r->text || !r->context || strncmp(r->context, "dd", 2) || (r->context[2] != ' ' && r->context[2] != '.' && r->context[2] != '#') ||
			    !(r->place == GALLEY_PLACE_IN_BODY) || (r->within != NULL) || strlen(r->text) > 80)
				continue;
			galley_buf b = {0};
			galley_buf_printf(&b, "%s %s", d->p[i].text, r->text);
			galley_buf_putc(&b, 0);
			char *both = galley_buf_steal(&b);
			ta_parse_byline(st, both, &ev->lab, site, TA_BYLINE_NEED_LABEL);
			free(both);
			if (ev->lab.n && !ta_person_like(st, &ev->lab))
				ta_names_free(&ev->lab);
			if (ev->lab.n)
				ev->lab_tier = 0;
			break; /* the list's first value set apart only */
		}
	}
}

/* labelled names in byline, meta and dateline blocks further from the article (teaser lists,
 * sidebars) */
static void ta_find_labelled_far(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	static const char *const first[] = {"byline", "meta", "dateline"};
	size_t *ord = NULL;
	int *tiers = NULL;
	size_t nord = ta_removed_order(a, first, sizeof first / sizeof first[0], &ord, &tiers);
	for (size_t i = 0; i < nord && !ev->lab.n; i++) {
		if (tiers[i] <= 1 || ta_label_after_with(st, galley_article_removed(a, ord[i])->text))
			continue;
		ta_find_labelled(st, galley_article_removed(a, ord[i])->text, &ev->lab, site, true);
		if (ev->lab.n)
			ev->lab_tier = tiers[i];
	}
	free(ord);
	free(tiers);
}

/* labelled names in other removed blocks; in a sidebar or a share bar, only one of the
 * article's header ("By John Doe" among the share buttons) */
static void ta_find_labelled_other(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	static const char *const later[] = {"outside-main", "author-box", "short", "link-density", "credit", "sidebar", "share", "tags"};
	size_t *ord = NULL;
	int *tiers = NULL;
	size_t nord = ta_removed_order(a, later, sizeof later / sizeof later[0], &ord, &tiers);
	/* what a teaser list's byline found (labelled-far-block) yields to a credit of these blocks
	 * with the article that its label opens: the list's bylines are other articles' */
	bool over_list = ev->lab.n && ev->lab_tier == TA_TIER_LIST;
	ta_names found = {0};
	for (size_t i = 0; i < nord && !found.n && (!ev->lab.n || over_list); i++) {
		const galley_removed *r = galley_article_removed(a, ord[i]);
		if (((!strcmp(r->reason, "sidebar") || !strcmp(r->reason, "share")) && tiers[i] > 0) || ta_label_after_with(st, r->text) ||
		    (over_list && tiers[i] > 0))
			continue;
		/* in a line of tags, only a label that opens it ("责任编辑： 焦鹏", the editor under a
		 * Chinese article), not a topic's "von"; in a link's text too, a teaser's title ("von
		 * user42 am 20.09.2020", not "Helles Lager von Brauhaus", "KB1234567: offizielle
		 * Beschreibung von Example »") */
		ta_find_labelled(st, r->text, &found, site, !over_list && strcmp(r->reason, "tags") != 0 && strcmp(r->reason, "link-density") != 0);
		if (found.n) {
			ta_names_free(&ev->lab);
			ev->lab = found;
			ev->lab_tier = tiers[i] > 1 ? tiers[i] : 1;
		}
	}
	free(ord);
	free(tiers);
}

/* a post's meta line that the stripper took for a teaser, inside or before the article's
 * text, labelled: "Ein Artikel von Erika Mustermann | 14.09.2021 - 08:20", "Von Jane Roe"
 * (a teaser's own byline lies outside the kept text or repeats in a list) */
static void ta_find_teaser_meta(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->lab.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && r->context && !strcmp(r->reason, "teaser") && ta_header_place(r) && strlen(r->text) <= 80) {
			/* dated, the label anywhere; else only a line the label opens ("Von Jane Roe") */
			ta_find_labelled(st, r->text, &ev->lab, site, ta_has_digit(r->text, strlen(r->text)));
			if (ev->lab.n)
				ev->lab_tier = 1;
		}
	}
}

/* release-sender: a press release's issuing office under its label: "Herausgeber:" then
 * "Pressestelle des Beispielverbandes" */
static void ta_find_issuer(ta_author_evidence *ev)
{
	if (!ev->lab.n && ta_issuer(ev->d, &ev->lab))
		ev->lab_tier = TA_TIER_ARTICLE;
}

/* What an unlabelled byline block's names must be to be taken. */
typedef enum ta_unlabelled_need { TA_UNLABELLED_PERSON, TA_UNLABELLED_ANY_NAME } ta_unlabelled_need;

/* The first short unlabelled byline block (div.author-name, an author box) whose names pass,
 * most trusted first. */
static void ta_unlabelled_byline(ta_author_evidence *ev, ta_unlabelled_need need)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ev->vis.n)
		return;
	static const char *const unlabelled[] = {"byline", "author-box"};
	size_t *ord = NULL;
	int *tiers = NULL;
	size_t nord = ta_removed_order(a, unlabelled, sizeof unlabelled / sizeof unlabelled[0], &ord, &tiers);
	for (size_t i = 0; i < nord && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, ord[i]);
		if (strlen(r->text) > TA_BYLINE_BLOCK_MAX)
			continue;
		ta_names tmp = {0};
		ta_parse_byline(st, r->text, &tmp, ev->site, TA_BYLINE_PLAIN);
		if (tmp.n && (need == TA_UNLABELLED_ANY_NAME || ta_person_like(st, &tmp))) {
			ev->vis = tmp;
			ev->vis_tier = tiers[i];
			break;
		}
		ta_names_free(&tmp);
	}
	free(ord);
	free(tiers);
}

/* an unlabelled byline block: "Jane Doe" in div.author-name; a full name first ("Juan José
 * Pérez C." rather than the section "Espectáculos") */
static void ta_find_unlabelled_person(ta_author_evidence *ev)
{
	ta_unlabelled_byline(ev, TA_UNLABELLED_PERSON);
}

/* The longest line right under the headline that can be its credit and date. */
enum { TA_UNDER_HEADLINE_MAX = 60 };

/* segmented-name in the line right under the headline that the stripper set apart, not as a
 * byline: the credit then the date ("Jane Roe 5 May 2021", "Example Wire May 5, 2021"), the
 * name first (a date first is header-line-name's); only when metadata names nobody, and
 * the credit may be an organisation's (a syndicated story's provider) */
static void ta_find_under_headline_credit(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ev->meta.n || ev->lab.n)
		return;
	for (size_t i = 1; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *h = galley_article_removed(a, i - 1), *r = galley_article_removed(a, i);
		if (!h->reason || strcmp(h->reason, "title") || h->place != GALLEY_PLACE_BEFORE_BODY)
			continue;
		/* the headline's own line only (the first title set apart), not a subheading:
		 * "Exhibition Example Hall 4-18 Mar 2016" */
		if (!r->text || !r->reason || strcmp(r->reason, "outside-main") || r->place != GALLEY_PLACE_BEFORE_BODY || r->within ||
		    strlen(r->text) > TA_UNDER_HEADLINE_MAX ||
		    (r->element && r->element[0] == 'h' && r->element[1] >= '1' && r->element[1] <= '6' && !r->element[2]))
			break;
		ta_words w;
		ta_split_words(r->text, &w);
		/* the name opens the line, the date closes it */
		if (w.n && !(w.w[0][0] >= '0' && w.w[0][0] <= '9') && !ta_is_month(st, w.w[0], w.l[0]) && ta_has_digit(w.w[w.n - 1], w.l[w.n - 1]))
			ta_find_segment_name(st, r->text, &ev->vis, ev->site, true);
		/* a name is written in letters: a column's title is not ("Cloud×Weekly Notes") */
		if (ev->vis.n && !ta_letters_only(ev->vis.v[0]))
			ta_names_free(&ev->vis);
		if (ev->vis.n)
			ev->flags |= TA_EV_VIS_WEAK;
		break; /* the headline's own line only */
	}
}

/* "Max Mustermann , 08. Mär. 2016, 10:47 Uhr": a name among dates comes
 * before an unlabelled block that is not a person's name
 * most trusted first; not the lines of a teaser list or a box after the article
 * ("Kultur| 19.10.19", "11/08/2021 Economía": a section beside each teaser's date) */
static void ta_find_segmented_name(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (ev->vis.n)
		return;
	static const char *const segmented[] = {"byline", "dateline", "meta", "author-box"};
	size_t *sord = NULL;
	int *stiers = NULL;
	size_t nsord = ta_removed_order(a, segmented, sizeof segmented / sizeof segmented[0], &sord, &stiers);
	for (size_t i = 0; i < nsord && !ev->vis.n && stiers[i] <= 1; i++) {
		/* not a line whose class says it gives the section: "p.category": "24. April
		 * 2020 | Pressemitteilungen" */
		const galley_removed *sr = galley_article_removed(a, sord[i]);
		char *cls = sr->context ? ta_lower(sr->context, ta_context_elem(sr->context)) : NULL;
		bool section = cls && strchr(cls, '.') &&
		               (strstr(cls, "categor") || strstr(cls, "kategor") || strstr(cls, "rubri") || strstr(cls, "ressort"));
		free(cls);
		if (section)
			continue;
		ta_find_segment_name(st, sr->text, &ev->vis, site, true);
		/* a category beside the date ("2020-04-26 Deutsche Mundarten") is no person */
		if (ev->vis.n && strchr(ev->vis.v[0], ' ') && !ta_person_text(d, ev->vis.v[0]))
			ta_names_free(&ev->vis);
	}
	free(sord);
	free(stiers);
	if (!ev->vis.n)
		ta_find_under_headline_credit(ev);
}

/* header-line-name: a short line of the article's header that the stripper set apart, a full
 * name closing it right after a date: "11.12.2019 - Amelie Beispiel", "The Example Times
 * 02/10/2020 Anna Roe"; weak: only when metadata names nobody */
static void ta_find_dated_header_name(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ev->vis.n)
		return;
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && r->context && !strcmp(r->reason, "outside-main") && (r->place == GALLEY_PLACE_BEFORE_BODY) &&
		    !(r->within != NULL) && strlen(r->text) <= 60 && ta_dated_name_line(st, r->text, r->context, &ev->vis)) {
			if (!ta_person_text(d, ev->vis.v[0]))
				ta_names_free(&ev->vis);
			/* a list ("2020 Antonio Pérez", "2019 Michael Meier"): not one byline.
			 * Its neighbours only, so a long archive list stays linear */
			size_t nrm = galley_article_n_removed(a);
			for (size_t k = i > 32 ? i - 32 : 0; k < nrm && k <= i + 32 && ev->vis.n; k++) {
				const galley_removed *o = galley_article_removed(a, k);
				if (k != i && o->context && !strcmp(o->context, r->context) && !strcmp(o->reason, r->reason))
					ta_names_free(&ev->vis);
			}
			if (ev->vis.n)
				ev->flags |= TA_EV_VIS_WEAK;
		}
	}
}

/* header-line-name: a person's name alone in a header line whose class says meta data, author or the
 * author's profile, or with an agency after a slash ("p.news__meta-text": "Nikolai
 * Beispiel,", "div.profil-nowrap": "Kathrin Meier"), which the stripper did not take for
 * a byline */
static void ta_find_meta_class_name(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (ev->vis.n)
		return;
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		/* or a meta line that gives a person's name with the handle: "Jane Doe, @janedoe" (the
		 * writer's own account: not weak) */
		bool handle = r->text && r->reason && !strcmp(r->reason, "meta") && ta_name_with_handle(r->text);
		if (!r->text || !r->context || (strcmp(r->reason, "outside-main") && !handle) || !(r->place == GALLEY_PLACE_BEFORE_BODY) ||
		    (r->within != NULL) || strlen(r->text) > 60 || ta_has_digit(r->text, strlen(r->text)))
			continue;
		size_t el = ta_context_elem(r->context);
		char *cls = ta_lower(r->context, el);
		bool metaish = strchr(cls, '.') && (strstr(cls, "meta") || strstr(cls, "author") || strstr(cls, "byline") || strstr(cls, "profil"));
		free(cls);
		/* or a name with an agency's short name after a slash: "Jan Kramer/AB-X" */
		const char *slash = strchr(r->text, '/');
		size_t agency = 0;
		/* not a menu's item: "Fragen zu Wasser / FAQ" */
		bool item = !strncmp(r->context, "li", 2) && (r->context[2] == '.' || r->context[2] == ' ' || r->context[2] == '#');
		if (!metaish && !item && slash && !strchr(slash + 1, '/') && slash > r->text) {
			const char *q = slash + 1;
			while (*q == ' ')
				q++;
			size_t ql = strlen(q);
			bool caps = ql >= 2 && ql <= 8 && *q >= 'A' && *q <= 'Z';
			for (size_t k = 0; k < ql && caps; k++)
				caps = (q[k] >= 'A' && q[k] <= 'Z') || (q[k] >= '0' && q[k] <= '9') || q[k] == '-';
			if (caps)
				agency = (size_t)(slash - r->text);
		}
		if (!metaish && !agency)
			continue;
		ta_names tmp = {0};
		char *txt = agency ? galley_strndup(r->text, agency) : galley_strdup(r->text);
		ta_parse_byline(st, txt, &tmp, site, TA_BYLINE_PLAIN);
		free(txt);
		if (tmp.n && ta_person_like(st, &tmp) && ta_person_text(d, tmp.v[0])) {
			ev->vis = tmp;
			if (!handle)
				ev->flags |= TA_EV_VIS_WEAK;
		} else
			ta_names_free(&tmp);
	}
}

/* an unlabelled byline block whose words pass as a name though not as a person's */
static void ta_find_unlabelled_any(ta_author_evidence *ev)
{
	ta_unlabelled_byline(ev, TA_UNLABELLED_ANY_NAME);
}

/* signature-line: a signature closing the body: "Jane Roe" alone in the last paragraphs, after a sentence's
 * end and before at most a short line (a date, a note); not a heading between two paragraphs
 * ("... help people share their work across borders." then "Open Licence Platforms" then a
 * long paragraph), nor a team's name in a match's lines ("1-1", "Olympique Bellerive") */
static void ta_find_closing_signature(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	for (size_t k = 0; k < 2 && k < d->nbody && !ev->vis.n && !ev->lab.n; k++) {
		const ta_para *P = &d->p[d->nbody - 1 - k];
		if (P->nt < 2 || P->nt > 4 || P->len > 40 || (k == 1 && d->p[d->nbody - 1].len > 100))
			continue;
		if (d->nbody - 1 - k > 0) {
			const ta_para *prev = P - 1;
			char last = prev->len ? prev->text[prev->len - 1] : 0;
			bool ended = (last && strchr(".!?\"')", last)) || (prev->len >= 2 && !memcmp(prev->text + prev->len - 2, "\xc2\xbb", 2)) || /* » */
			             (prev->len >= 3 && !memcmp(prev->text + prev->len - 3, "\xe2\x80\x9d", 3));                               /* ” */
			if (!ended)
				continue;
		}
		size_t e = ta_chunk_end(d, P, 0, P->nt);
		if (e == P->nt) {
			ta_chunk c = ta_classify(d, P, 0, e);
			if (c.kind == NM_PERSON && c.s == 0)
				ta_names_add(&ev->vis, P->text);
		}
	}
}

/* author-profile: a member's badge opening the text: the avatar, then the handle */
static void ta_find_member_badge(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	if (!ev->vis.n && !ev->lab.n)
		ta_badge_name(d, &ev->vis);
}

/* release-sender: the sender heading the text, a name and an office over the institution's name */
static void ta_find_release_sender(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	if (!ev->vis.n && !ev->lab.n)
		ta_sender_line(d, &ev->vis);
}

/* an element of the body whose class or rel says byline or author */
static void ta_find_dom_byline(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	xmlDocPtr body = galley_article_body(a);
	if (!ev->vis.n && !ev->lab.n && body)
		ta_dom_bylines(st, galley_body_root(body), &ev->vis);
}

/* signature-line, when nothing else names anyone: a name alone on a paragraph of the
 * article's own text that the stripper set apart */
static void ta_find_signature_line(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ta_evidence_names_someone(ev))
		return;
	static const char *const sig[] = {"short", "outside-main"};
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		/* a paragraph, not a heading that heads nothing ("Weiterführende Informationen") nor
		 * a box's line */
		if (r->text && r->context && (r->place == GALLEY_PLACE_IN_BODY) && ta_reason_is(r, sig, sizeof sig / sizeof sig[0]) &&
		    r->context[0] == 'p' && (r->context[1] == ' ' || r->context[1] == '.' || r->context[1] == '#')) {
			ta_name_line(st, r->text, &ev->vis, false, false);
			if (ev->vis.n && !ta_person_text(d, ev->vis.v[0]))
				ta_names_free(&ev->vis);
		}
	}
}

/* signature-line in italics under the article's last long paragraph, notes or a box after
 * it: "... the end of the story." then "<em>Jane Roe</em>" */
static void ta_find_italic_signature(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 1; i < d->nbody && d->gp && i < d->gp->n && !ev->vis.n; i++) {
		const ta_para *P = &d->p[i], *prev = &d->p[i - 1];
		char last = prev->len ? prev->text[prev->len - 1] : 0;
		bool ended = last == '.' || last == '!' || last == '?' || last == '"' ||
		             (prev->len >= 2 && !memcmp(prev->text + prev->len - 2, "\xc2\xbb", 2)); /* » */
		if (P->nt < 2 || P->nt > 4 || P->len > 40 || prev->len < 200 || !ended || !d->gp->node[i] ||
		    !ta_all_italic(d->gp->node[i], false, 0))
			continue;
		size_t e = ta_chunk_end(d, P, 0, P->nt);
		if (e == P->nt) {
			ta_chunk c = ta_classify(d, P, 0, e);
			if (c.kind == NM_PERSON && c.s == 0 && ta_person_text(d, P->text))
				ta_names_add(&ev->vis, P->text);
		}
	}
}

/* post-meta-line: a post's footer under its text, labelled and dated: "Posted by Jane Roe at 21:11"
 * (a blog's post footer, which the stripper takes for the page's) */
static void ta_find_post_footer(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && r->context && !strcmp(r->reason, "footer") && (r->place == GALLEY_PLACE_AFTER_BODY) &&
		    !(r->within != NULL) && strlen(r->text) <= 80 && ta_has_digit(r->text, strlen(r->text)))
			ta_find_labelled(st, r->text, &ev->vis, site, true);
	}
}

/* post-meta-line in the article's header: "Filed under: News — jdoe @ 00:11" */
static void ta_find_at_time_name(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->context && (r->place == GALLEY_PLACE_BEFORE_BODY) && !(r->within != NULL) &&
		    strcmp(r->reason, "comments") != 0 && strcmp(r->reason, "teaser") != 0 && strcmp(r->reason, "sidebar") != 0)
			ta_at_time_name(st, r->text, &ev->vis, site);
	}
}

/* release-sender as a short name: a release closing with its issuer's short name on a line of
 * its own, the short name the text gave it: "... at the Example Academy of Arts (EAA) ..."
 * then "EAA" */
static void ta_find_release_short_name(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	galley_article *a = ev->d->a;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (!r->text || !r->context || r->context[0] != 'p' || (r->context[1] != ' ' && r->context[1] != '.') ||
		    !(r->place == GALLEY_PLACE_IN_BODY) || (r->within != NULL))
			continue;
		size_t n = strlen(r->text), letters = 0;
		bool caps = n >= 2 && n <= 8;
		for (size_t k = 0; k < n && caps; k++) {
			caps = (r->text[k] >= 'A' && r->text[k] <= 'Z') || (r->text[k] >= '0' && r->text[k] <= '9');
			letters += r->text[k] >= 'A' && r->text[k] <= 'Z';
		}
		if (!caps || letters < 2)
			continue;
		char paren[16];
		snprintf(paren, sizeof paren, "(%s)", r->text);
		for (size_t k = 0; k < d->nbody && !ev->vis.n; k++)
			if (strstr(d->p[k].text, paren))
				ta_names_add(&ev->vis, r->text);
	}
}

/* title-credit: a speech's title names its speaker */
static void ta_find_speech_title(ta_author_evidence *ev)
{
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ta_evidence_names_someone(ev))
		return;
	ta_speech_title(st, galley_article_get(a, GALLEY_FIELD_TITLE), &ev->vis);
}

/* Runs a title finder over the title, then over each other title the page gives (its <title>
 * beside the og:title), until one names someone. */
static void ta_each_title(ta_author_evidence *ev, void (*find)(ta_doc *, const char *, ta_names *))
{
	galley_article *a = ev->d->a;
	find(ev->d, galley_article_get(a, GALLEY_FIELD_TITLE), &ev->vis);
	for (size_t i = 0; i < galley_article_n_candidates(a) && !ev->vis.n; i++) {
		const galley_candidate *c = galley_article_candidate(a, i);
		if (!strcmp(c->field, "title"))
			find(ev->d, c->value, &ev->vis);
	}
}

/* title-credit: a title credits a name the page shows alone ("... reviewed by Jane Roe") */
static void ta_find_title_credit(ta_author_evidence *ev)
{
	if (ta_evidence_names_someone(ev))
		return;
	ta_each_title(ev, ta_title_credit);
}

/* title-credit: a page about a person ("About Jane Roe") */
static void ta_find_about_title(ta_author_evidence *ev)
{
	if (ta_evidence_names_someone(ev))
		return;
	ta_each_title(ev, ta_about_title);
}

/* a news agency's story: its credit at the start of the text ("JIJI", "Hamburg
 * (dpa/lno) – ..."), or among the short lines the stripper set apart just before the text
 * (reason "header": the article starts at its first paragraph) */
static void ta_find_agency_credit(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 0; i < d->nbody && i < TA_AGENCY_CREDIT_PARAGRAPHS && !ev->vis.n; i++)
		ta_agency_credit(st, d->p[i].text, &ev->vis);
	static const char *const header[] = {"header"};
	size_t seen = 0;
	for (size_t i = galley_article_n_removed(d->a); i-- > 0 && seen < TA_AGENCY_CREDIT_PARAGRAPHS && !ev->vis.n;) {
		const galley_removed *r = galley_article_removed(d->a, i);
		if (r->place != GALLEY_PLACE_BEFORE_BODY || !ta_reason_is(r, header, 1) || !r->text)
			continue;
		seen++;
		ta_agency_credit(st, r->text, &ev->vis);
	}
}

/* the person a personal site's copyright line names */
static void ta_find_copyright_line(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (ta_evidence_names_someone(ev))
		return;
	static const char *const foot[] = {"footer", "credit", "outside-main", "short", "sidebar"};
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		/* the page's footer, not a picture's credit ("© Niklas Berger / Example"); inside
		 * the article only with a year ("© 2019 Sven Beispiel") */
		if (r->text && ta_reason_is(r, foot, sizeof foot / sizeof foot[0]) && !strchr(r->text, '/')) {
			bool outside = !strcmp(r->reason, "footer") || (r->context && (r->place == GALLEY_PLACE_AFTER_BODY));
			/* a page saved without its address: only a site's copyright line, which gives
			 * the year ("Copyright (c) 2009- Gregor Sandmann."), not a photographer's credit
			 * ("Copyright: Gisela Weber") */
			bool addressed = galley_article_get(a, GALLEY_FIELD_URL) != NULL;
			ta_name_line(st, r->text, &ev->vis, true, !outside || !addressed);
			/* a personal site's: the holder's name opens with a common given name ("(c)
			 * Johannes Falke • Nutzung nur mit Genehmigung", "Copyright (c) 2009- Gregor
			 * Sandmann." on gregorsandmann.example), outside a figure (a picture's credit); an
			 * organisation's copyright names no author, even when the site's address spells
			 * it as a personal site's spells its holder ("© Copyright Example Globe" on
			 * exampleglobe.example, "© 2021 Kulturkaufhaus Beispiel") */
			bool given = ev->vis.n && ta_word_in(&st->given, ev->vis.v[0], strcspn(ev->vis.v[0], " ")) && r->context &&
			             strncmp(r->context, "fig", 3) != 0;
			/* or the site bears the holder's name, a person's initial and surname
			 * ("C.Beispielmann", "© since 2013 by C.Beispielmann"), not an office's ("©
			 * Kanton Bern") */
			char *spaced = ev->vis.n ? ta_unglue_initial(ev->vis.v[0]) : NULL;
			bool own = spaced && site && ta_ieq(site, ev->vis.v[0]);
			if (ev->vis.n && ((addressed && !given && !own) || !ta_person_text(d, spaced ? spaced : ev->vis.v[0])))
				ta_names_free(&ev->vis);
			free(spaced);
		}
	}
}

/* a personal site's owner, named in the site's name or its header as in its address */
static void ta_find_site_owner(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (ta_evidence_names_someone(ev))
		return;
	ta_host_person(d, site, &ev->vis);
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->context && (r->place == GALLEY_PLACE_BEFORE_BODY) && (!strcmp(r->reason, "header") || !strcmp(r->reason, "outside-main")))
			ta_host_person(d, r->text, &ev->vis);
	}
}

/* author-profile: an author box, a person's name alone, then a link to the author's other
 * texts ("Jane Doe" then "More by this author") */
static void ta_find_author_box_link(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 0; i + 1 < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i), *next = galley_article_removed(a, i + 1);
		if (!r->text || !next->text || strlen(r->text) > 40 || strlen(next->text) > 60 || !strcmp(r->reason, "comments") ||
		    !strcmp(r->reason, "nav"))
			continue;
		ta_words w;
		ta_split_words(next->text, &w);
		bool author = false;
		for (size_t k = 0; k < w.n && !author; k++) {
			char *lo = ta_lower(w.w[k], w.l[k]);
			size_t l = strlen(lo);
			while (l && (lo[l - 1] == '.' || lo[l - 1] == ',' || lo[l - 1] == ':'))
				lo[--l] = 0;
			author = !strcmp(lo, "autor") || !strcmp(lo, "autorin") || !strcmp(lo, "author") || !strcmp(lo, "auteur") ||
			         !strcmp(lo, "autors") || !strcmp(lo, "author's");
			free(lo);
		}
		if (author) {
			ta_name_line(st, r->text, &ev->vis, false, false);
			if (ev->vis.n && !ta_person_text(d, ev->vis.v[0]))
				ta_names_free(&ev->vis);
		}
	}
}

/* a press release: its contact person, in the text or a short block beside it */
static void ta_find_contact_person(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (ta_evidence_names_someone(ev))
		return;
	for (size_t i = 0; i < d->nbody && !ev->vis.n; i++)
		ta_contact_name(st, d->p[i].text, &ev->vis);
	static const char *const contact[] = {"short", "teaser", "outside-main"};
	for (size_t i = 0; i < galley_article_n_removed(a) && !ev->vis.n; i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->context && (r->place == GALLEY_PLACE_IN_BODY) && !(r->within != NULL) &&
		    ta_reason_is(r, contact, sizeof contact / sizeof contact[0]))
			ta_contact_name(st, r->text, &ev->vis);
	}
}

/* no byline with the article and metadata naming the site at most: a credit line of the
 * desk and its editor's sign in or closing the story ("Quelle: NORDFUNK KIEL/ls"), not a
 * picture's credit */
static void ta_find_desk_credit(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	const char *site = ev->site;
	if (!ev->lab.n && (!ev->vis.n || ev->vis_tier >= 2) && (!ev->meta.n || ta_outlet_like(st, a, &ev->meta, site))) {
		static const char *const pic[] = {"credit", "caption"};
		ta_names cred = {0};
		for (size_t i = 0; i < galley_article_n_removed(a) && !cred.n; i++) {
			const galley_removed *r = galley_article_removed(a, i);
			/* a paragraph of the text that the stripper took for a credit is one ("<p>Quelle:
			 * kathpress</p>"), a figure's is not */
			bool para = r->context && r->context[0] == 'p' && (r->context[1] == ' ' || r->context[1] == '.' || r->context[1] == '#');
			if (r->text && r->context && ta_header_place(r) && (para || !ta_reason_is(r, pic, sizeof pic / sizeof pic[0])))
				ta_credit_line(st, r->text, &cred);
		}
		for (size_t k = 0; k < 3 && k < d->nbody && !cred.n; k++)
			ta_credit_line(st, d->p[d->nbody - 1 - k].text, &cred);
		if (!cred.n && d->nbody)
			ta_closing_credit(st, d->p[d->nbody - 1].text, &cred);
		if (cred.n) {
			ta_names_free(&ev->vis);
			ev->vis = cred;
			ev->vis_tier = 0;
			ev->flags &= ~(unsigned)TA_EV_VIS_WEAK;
		}
	}
}

/* signature-line of an officer: metadata names the organisation ("EXVB"), the text closes with
 * the name and the role in it ("Max Mustermann EXVB-Vorsitzender") */
static void ta_find_statement_officer(ta_author_evidence *ev)
{
	ta_doc *d = ev->d;
	const ta_state *st = ev->d->st;
	galley_article *a = ev->d->a;
	if (!ev->lab.n && ev->meta.n == 1 && !strchr(ev->meta.v[0], ' ') && strlen(ev->meta.v[0]) >= 2) {
		size_t ml = strlen(ev->meta.v[0]);
		for (size_t i = 0; i <= galley_article_n_removed(a) && !ev->lab.n; i++) {
			const char *t = NULL;
			if (i < galley_article_n_removed(a)) {
				const galley_removed *r = galley_article_removed(a, i);
				if (r->text && r->context && r->context[0] == 'p' && (r->place == GALLEY_PLACE_IN_BODY) && !(r->within != NULL))
					t = r->text;
			} else if (d->nbody)
				t = d->p[d->nbody - 1].text;
			if (!t || strlen(t) > 80)
				continue;
			char *sg = galley_ws_normalize(t);
			ta_words w;
			ta_split_words(sg, &w);
			const char *role = w.n >= 3 && w.n <= 5 ? w.w[w.n - 1] : NULL;
			size_t rl = role ? w.l[w.n - 1] : 0;
			if (role && rl > ml + 1 && role[ml] == '-' && !strncasecmp(role, ev->meta.v[0], ml) &&
			    (ta_word_in(&st->roles, role + ml + 1, rl - ml - 1) || ta_role_compound(st, role + ml + 1, rl - ml - 1))) {
				ta_names one = {0};
				char *nm = galley_strndup(w.w[0], (size_t)(w.w[w.n - 2] + w.l[w.n - 2] - w.w[0]));
				ta_names_add(&one, nm);
				free(nm);
				if (ta_person_like(st, &one)) {
					ev->lab = one;
					ev->lab_tier = 0;
				} else
					ta_names_free(&one);
			}
			free(sg);
		}
	}
}

/* The finders, most trusted first. */
static const struct {
	const char *id; /* the rule id recorded with a decision that uses what the finder found */
	ta_author_finder find;
} ta_author_finders[] = {
	{"labelled-header-block", ta_find_labelled_header},
	{"labelled-body-line", ta_find_labelled_body_line},
	{"labelled-body-line", ta_find_emphasised_byline},
	{"labelled-colon-line", ta_find_labelled_line},
	{"signature-line", ta_find_closing_label},
	{"signature-line", ta_find_closing_line_signature},
	{"label-then-name", ta_find_label_then_name},
	{"label-then-name", ta_find_description_list},
	{"labelled-far-block", ta_find_labelled_far},
	{"labelled-other-block", ta_find_labelled_other},
	{"labelled-teaser-meta", ta_find_teaser_meta},
	{"release-sender", ta_find_issuer},
	{"unlabelled-byline-person", ta_find_unlabelled_person},
	{"segmented-name", ta_find_segmented_name},
	{"header-line-name", ta_find_dated_header_name},
	{"header-line-name", ta_find_meta_class_name},
	{"unlabelled-byline-any", ta_find_unlabelled_any},
	{"signature-line", ta_find_closing_signature},
	{"author-profile", ta_find_member_badge},
	{"release-sender", ta_find_release_sender},
	{"dom-byline", ta_find_dom_byline},
	{"signature-line", ta_find_signature_line},
	{"signature-line", ta_find_italic_signature},
	{"post-meta-line", ta_find_post_footer},
	{"post-meta-line", ta_find_at_time_name},
	{"release-sender", ta_find_release_short_name},
	{"title-credit", ta_find_speech_title},
	{"title-credit", ta_find_title_credit},
	{"title-credit", ta_find_about_title},
	{"agency-credit", ta_find_agency_credit},
	{"copyright-line", ta_find_copyright_line},
	{"site-owner", ta_find_site_owner},
	{"author-profile", ta_find_author_box_link},
	{"contact-person", ta_find_contact_person},
	{"desk-credit", ta_find_desk_credit},
	{"signature-line", ta_find_statement_officer},
};

/* The chosen names in their fullest form: metadata's people without the outlet beside them, a
 * CMS account as the page writes the person's name, a name cut short or initials as the page
 * gives them whole.  Returns use, or NULL when no name is left. */
static ta_names *ta_author_complete(ta_author_evidence *ev, ta_names *use)
{
	ta_doc *d = ev->d;
	const ta_state *st = d->st;
	galley_article *a = d->a;
	const char *site = ev->site;
	/* metadata listing the people and the outlet ("Ana Pérez Cabrera", "EL DIARIO") or the
	 * company ("Example Media Inc."): the people */
	if (use == &ev->meta && use->n > 1) {
		size_t k = 0, people = 0;
		for (size_t i = 0; i < use->n; i++)
			people += ta_author_kind(st, a, use->v[i], site) == GALLEY_AUTHOR_PERSON;
		for (size_t i = 0; i < use->n; i++) {
			ta_names one = {&use->v[i], 1};
			if (ta_outlet_like(st, a, &one, site) || (strchr(use->v[i], ' ') && use->v[i][0] && ta_all_caps_words(use->v[i]) && site && ta_ieq_loose(use->v[i], site)) ||
			    (people && ta_author_kind(st, a, use->v[i], site) == GALLEY_AUTHOR_ORGANISATION)) {
				free(use->v[i]);
				continue;
			}
			use->v[k++] = use->v[i];
		}
		use->n = k;
		if (!k)
			return NULL;
	}
	/* a CMS account of a person's names: as the page writes them */
	if (ta_account_like(use)) {
		char *full = ta_account_person(d, use->v[0]);
		/* or the name the article signs with: "lena", "Deine Lena" */
		if (!full)
			full = ta_account_signed(d, use->v[0]);
		/* or the person the brand's line credits: "lumenblatt", "© Lumenblatt by Carla" */
		if (!full)
			full = ta_account_brand(d, use->v[0]);
		if (full) {
			free(use->v[0]);
			use->v[0] = full;
		}
	}
	/* the name cut short of the value metadata gives and the page shows whole */
	if (use->n == 1) {
		bool parts = false;
		char *full = ta_meta_extends(d, use->v[0], &parts);
		if (full) {
			ta_names_free(use);
			if (parts) {
				for (char *p = full; p;) {
					char *e = strchr(p, ',');
					if (e)
						*e = 0;
					ta_names_add(use, p);
					if (e)
						*e = ',';
					p = e ? e + 1 : NULL;
					while (p && *p == ' ')
						p++;
				}
			} else
				ta_names_add(use, full);
			free(full);
		}
	}
	/* initials alone ("Posted by RK"): the full name the page gives with them */
	if (use->n == 1) {
		char *full = ta_expand_initials(d, use->v[0]);
		if (full) {
			free(use->v[0]);
			use->v[0] = full;
		}
	}
	/* a first name alone ("Tom", a CMS display name): the fullest form the page gives */
	if (use->n == 1 && !strchr(use->v[0], ' ') && ta_has_upper_start(use->v[0], strlen(use->v[0])) && !ta_site_named(a, use->v[0])) {
		char *full = ta_extend_name(d, use->v[0]);
		if (full) {
			free(use->v[0]);
			use->v[0] = full;
		}
	}
	return use;
}

/* One kind of evidence in a -v line: "labelled 'A; B' (rule)". */
static void ta_evidence_text(galley_buf *b, const char *kind, const ta_names *n, const char *rule)
{
	galley_buf_printf(b, "; %s '", kind);
	for (size_t i = 0; i < n->n; i++)
		galley_buf_printf(b, "%s%s", i ? "; " : "", n->v[i]);
	galley_buf_printf(b, "' (%s)", rule ? rule : "?");
}

/* -v: the decision and the evidence that lost, on one line of standard error. */
static void ta_author_explain(const ta_author_evidence *ev, const ta_names *use, const char *rule, const char *why, const char *meta_rule)
{
	galley_buf b = {0};
	galley_buf_printf(&b, "galley: tag-attribution: %s: authors by %s (%s)", galley_article_where(ev->d->a), use ? rule : "none",
	                  why ? why : "nothing found");
	if (ev->meta.n && use != &ev->meta)
		ta_evidence_text(&b, "lost: metadata", &ev->meta, meta_rule);
	if (ev->lab.n && use != &ev->lab)
		ta_evidence_text(&b, "lost: labelled", &ev->lab, ev->lab_rule);
	if (ev->vis.n && use != &ev->vis)
		ta_evidence_text(&b, "lost: visible", &ev->vis, ev->vis_rule);
	galley_buf_puts(&b, "\n");
	fputs(b.data, stderr);
	galley_buf_free(&b);
}

/* The rule id's part for metadata's origin: every <meta> element is one rule, "meta" (name=author,
 * article:author, DC.creator, twitter:creator, a card's "Written by" label and value); JSON-LD,
 * microdata, microformats and links are rules of their own. */
static const char *ta_meta_rule_origin(const char *origin)
{
	static const char *const meta_tags[] = {"meta", "article-meta", "dublin-core", "opengraph", "twitter", "twitter-label"};
	if (!origin)
		return "metadata";
	for (size_t i = 0; i < sizeof meta_tags / sizeof meta_tags[0]; i++)
		if (!strcmp(origin, meta_tags[i]))
			return "meta";
	return origin;
}

void ta_authors(ta_doc *d)
{
	galley_article *a = d->a;
	ta_author_evidence ev = {.d = d, .site = galley_article_get(a, GALLEY_FIELD_SITE), .lab_tier = TA_TIER_NONE, .vis_tier = TA_TIER_NONE};
	const char *origin = NULL;
	ta_meta_authors(d->st, a, &ev.meta, ev.site, &origin);
	ta_names card = {0}; /* the weakest metadata, a card's label and value (see below) */
	if (origin && !strcmp(origin, "twitter-label")) {
		card = ev.meta;
		ev.meta = (ta_names){0};
	}
	char meta_rule[64];
	snprintf(meta_rule, sizeof meta_rule, "%s-author", ta_meta_rule_origin(origin));
	for (size_t i = 0; i < sizeof ta_author_finders / sizeof ta_author_finders[0]; i++) {
		char **lab = ev.lab.v, **vis = ev.vis.v;
		ta_author_finders[i].find(&ev);
		if (ev.lab.n && ev.lab.v != lab)
			ev.lab_rule = ta_author_finders[i].id;
		if (ev.vis.n && ev.vis.v != vis)
			ev.vis_rule = ta_author_finders[i].id;
	}
	/* a card's "Written by" names the account that posted the page, often an editor: only
	 * when the page itself credits nobody */
	if (card.n && !ev.lab.n && !ev.vis.n) {
		ev.meta = card;
		card = (ta_names){0};
	}
	ta_names_free(&card);
	const char *why = NULL;
	ta_names *use = ta_author_decide(&ev, &why);
	const char *rule = use == &ev.meta ? meta_rule : use == &ev.lab ? ev.lab_rule : ev.vis_rule;
	if (d->st->verbose)
		ta_author_explain(&ev, use, rule, why, meta_rule);
	if (use)
		use = ta_author_complete(&ev, use);
	galley_article_clear_decision(a, "authors");
	if (use) {
		galley_decision dc = {.field = "authors", .rule = rule, .detail = why};
		galley_article_add_decision(a, &dc);
		galley_article_list_clear(a, GALLEY_LIST_AUTHORS);
		for (size_t i = 0; i < use->n; i++)
			galley_article_list_add(a, GALLEY_LIST_AUTHORS, use->v[i]);
		for (size_t i = 0; i < galley_article_list_len(a, GALLEY_LIST_AUTHORS); i++)
			galley_article_set_author_kind(a, i, ta_author_kind(d->st, a, galley_article_list_at(a, GALLEY_LIST_AUTHORS, i), ev.site));
		char *line = ta_display_byline(d, use);
		galley_article_set(a, GALLEY_FIELD_BYLINE, line);
		free(line);
	}
	ta_names_free(&ev.meta);
	ta_names_free(&ev.lab);
	ta_names_free(&ev.vis);
}
