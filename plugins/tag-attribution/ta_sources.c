/* tag-attribution: the outlets a story credits or cites, each with its kind and the id of the
 * rule that found it (docs/attribution.md, "Sources"):
 *
 *   credit-line      a credit line opens a short paragraph: "Source » alarabiya", "Quelle: dpa"
 *   credit-phrase    "first appeared on X", "originally published by X"
 *   dateline-credit  a wire credit in the dateline: "WASHINGTON (AP) —", an unknown name too
 *   closing-credit   "(dpa)" closing the story, "— Reuters" ending a paragraph, a removed credit
 *   cited-before     "according to X", "first reported by X", "citing X"     (kind cited)
 *   cited-after      "X reported", "X said", "the X newspaper"                (kind cited)
 *   relay            "X quoted Jane Roe as saying"                            (kind cited)
 *   interview        "told X", "in an interview with X", "gegenüber X"       (kind interview)
 *   agency-word      an unknown name next to "news agency", "Nachrichtenagentur" (kind cited)
 *   outlet-form      an unknown name written like an outlet (a word of news-words.txt in a
 *                    capitalised name, or a domain name) next to a cue        (cited/interview)
 *
 * Names go through the outlet alias table (outlets.tsv). */
#include "ta_private.h"

/* A credit line is a paragraph of at most this many tokens (or a removed credit block). */
#define TA_CREDIT_LINE_MAX_TOKENS 16
/* A credit line's outlet has at most this many bytes and words. */
#define TA_CREDIT_NAME_MAX_BYTES 60
#define TA_CREDIT_NAME_MAX_WORDS 5
/* A dateline's wire credit stands in one of the first paragraphs, within its first tokens. */
#define TA_DATELINE_MAX_PARA 2
#define TA_DATELINE_MAX_TOKEN 12
/* A wire credit closes the story within its last paragraphs. */
#define TA_CLOSING_LAST_PARAS 3
/* A removed credit block this short is the story's credit. */
#define TA_REMOVED_CREDIT_MAX_TOKENS 6
/* A source cue before the outlet has at most this many words. */
#define TA_CUE_MAX_WORDS 5
/* An evidence text is cut to this many bytes. */
#define TA_EVIDENCE_MAX_BYTES 300
/* An outlet known by its form has at most this many words. */
#define TA_FORM_MAX_WORDS 5

typedef enum ta_source_kind { TA_SOURCE_CREDIT, TA_SOURCE_CITED, TA_SOURCE_INTERVIEW } ta_source_kind;

static const char *const ta_source_kind_names[] = {
    [TA_SOURCE_CREDIT] = "credit", [TA_SOURCE_CITED] = "cited", [TA_SOURCE_INTERVIEW] = "interview"};

static void ta_add_source(ta_doc *d, const char *name, ta_source_kind kind, const char *rule, const char *evidence)
{
	if (!name || !*name)
		return;
	const char *k = ta_source_kind_names[kind];
	for (size_t i = 0; i < galley_article_n_sources(d->a); i++) {
		const galley_source *s = galley_article_source(d->a, i);
		if (!strcmp(s->name, name) && !strcmp(s->kind, k))
			return;
	}
	char *ev = galley_ws_normalize(evidence);
	size_t n = strlen(ev);
	if (n > TA_EVIDENCE_MAX_BYTES) {
		/* keep whole code points */
		size_t cut = TA_EVIDENCE_MAX_BYTES;
		while (cut > 0 && ((unsigned char)ev[cut] & 0xC0) == 0x80)
			cut--;
		ev[cut] = 0;
	}
	galley_source s = {.name = name, .kind = k, .evidence = ev, .rule = rule};
	galley_article_add_source(d->a, &s);
	free(ev);
}

/* The outlet name for raw text (an alias, or the text itself cleaned of edge punctuation). */
static char *ta_outlet_name(const ta_state *st, const char *raw, size_t n, bool alias_only)
{
	while (n && (raw[n - 1] == '.' || raw[n - 1] == ',' || raw[n - 1] == ' ' || raw[n - 1] == ')' || raw[n - 1] == ';'))
		n--;
	while (n && (*raw == ' ' || *raw == '(' || *raw == ':')) {
		raw++;
		n--;
	}
	if (!n)
		return NULL;
	char *low = ta_lower(raw, n);
	char *norm = galley_ws_normalize(low);
	int v = ta_set_get(&st->outlets, norm, strlen(norm));
	/* "alarabiya.net", "www.reuters.com": try without the web address parts */
	if (v < 0) {
		char *s = norm;
		if (!strncmp(s, "www.", 4))
			s += 4;
		char *dot = strrchr(s, '.');
		if (dot && dot != s && strlen(dot) <= 4 && !strchr(s, ' '))
			v = ta_set_get(&st->outlets, s, (size_t)(dot - s));
	}
	free(low);
	free(norm);
	if (v >= 0)
		return galley_strdup(st->outlet_names[v]);
	if (alias_only)
		return NULL;
	/* as written, without soft hyphens ("Finan\u00adcial Times") */
	galley_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)raw[i] == 0xC2 && i + 1 < n && (unsigned char)raw[i + 1] == 0xAD) {
			i++;
			continue;
		}
		galley_buf_putc(&b, raw[i]);
	}
	galley_buf_putc(&b, 0);
	return galley_buf_steal(&b);
}

/* The outlet name of tokens [s, e) as written (through the alias table). */
static char *ta_outlet_span(const ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	return ta_outlet_name(d->st, P->text + P->t[s].b0, P->t[e - 1].nb1 - P->t[s].b0, false);
}

/* "l'AFP", "d'Example": an outlet after an elided French article, written as one word. */
static size_t ta_elided_outlet(const ta_doc *d, const ta_para *P, const ta_tok *t, int *v)
{
	const char *w = LOW(d, t);
	size_t n = strlen(w);
	if (n < 4 || (w[0] != 'l' && w[0] != 'd') || w[1] != '\'' || !ta_is_upper((unsigned char)P->text[t->b0 + 2]))
		return 0;
	*v = ta_set_get(&d->st->outlets, w + 2, n - 2);
	return *v >= 0 ? 1 : 0;
}

/* The alias matched at token i (its length in tokens), honouring case: a lower-case word in
 * the text matches only an outlet written in lower case ("dpa"), never "ap" for "AP". */
static size_t ta_outlet_at(const ta_doc *d, const ta_para *P, size_t i, size_t lim, int *v)
{
	const ta_tok *t = &P->t[i];
	if (t->kind != TK_WORD || t->inq)
		return 0;
	size_t m = ta_phrase_at(d, &d->st->outlets, P, i, lim, v);
	if (!m)
		return ta_elided_outlet(d, P, t, v);
	if (!t->cap && !t->allcaps) {
		const char *name = d->st->outlet_names[*v];
		if (ta_is_upper((unsigned char)name[0]) || (name[0] & 0x80))
			return 0;
	}
	return m;
}

static bool ta_is_dash(const ta_tok *t)
{
	return t->kind == TK_PUNCT && (t->mark == 0x2014 || t->mark == 0x2013 || t->mark == '-');
}

/* "example.com", "news.example.org": a word with a dot and a short ending of letters. */
static bool ta_domain_tok(const ta_doc *d, const ta_tok *t)
{
	if (t->kind != TK_WORD || t->inq)
		return false;
	const char *w = LOW(d, t);
	const char *dot = strrchr(w, '.');
	if (!dot || dot == w || dot[1] == 0)
		return false;
	size_t n = strlen(dot + 1);
	if (n < 2 || n > 4)
		return false;
	for (const char *c = dot + 1; *c; c++)
		if (*c < 'a' || *c > 'z')
			return false;
	return true;
}

/* A given name of either list (given-names.txt, gendered-names.tsv). */
static bool ta_given_name(const ta_doc *d, const ta_tok *t)
{
	const char *w = LOW(d, t);
	size_t n = strlen(w);
	return ta_in(&d->st->given, d, t) || dc_word_is(d->st->discourse, DC_GIVEN_MALE, w, n) ||
	       dc_word_is(d->st->discourse, DC_GIVEN_FEMALE, w, n);
}

/* Tokens [s, e) are written like an outlet's name: a domain name, or two to a few capitalised
 * words with a word of news-words.txt and no given name first ("Example Herald", "the Daily
 * Example"; not "Jane Post"). */
static bool ta_outlet_form(const ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	if (e == s + 1 && ta_domain_tok(d, &P->t[s]))
		return true;
	if (e < s + 2 || e - s > TA_FORM_MAX_WORDS || ta_given_name(d, &P->t[s]))
		return false;
	for (size_t i = s; i < e; i++)
		if (ta_in(&d->st->newswords, d, &P->t[i]))
			return true;
	return false;
}

/* The end of the outlet-shaped name from token i (a domain or a capitalised run); i when none. */
static size_t ta_form_end(const ta_doc *d, const ta_para *P, size_t i)
{
	if (i >= P->nt)
		return i;
	if (ta_domain_tok(d, &P->t[i]))
		return i + 1;
	if (!ta_name_tok(&P->t[i]))
		return i;
	size_t e = ta_chunk_end(d, P, i, P->nt);
	if (e > i && P->t[e - 1].poss)
		return i; /* "the Example Herald's editor": a possessor, no source */
	return ta_outlet_form(d, P, i, e) ? e : i;
}

/* A phrase of set ending right before token b. */
static bool ta_phrase_before(const ta_doc *d, const ta_set *set, const ta_para *P, size_t b)
{
	for (size_t w = 1; w <= TA_CUE_MAX_WORDS && w <= b; w++)
		if (ta_phrase_at(d, set, P, b - w, b, NULL) == w)
			return true;
	return false;
}

/* A cue phrase ending right before token b, or before an article there ("told the X",
 * "gegenüber der X", "selon l'X"): its kind; -1 when none.  Being spoken to wins. */
static int ta_cue_before(const ta_doc *d, const ta_para *P, size_t b)
{
	size_t at[2] = {b, b};
	if (b > 0 && (ta_in(&d->st->determiners, d, &P->t[b - 1]) || ta_tok_is(d, &P->t[b - 1], "l'")))
		at[1] = b - 1;
	for (int k = 1; k >= 0; k--)
		if (ta_phrase_before(d, &d->st->srclistener, P, at[k]))
			return TA_SOURCE_INTERVIEW;
	for (int k = 1; k >= 0; k--)
		if (ta_phrase_before(d, &d->st->srcbefore, P, at[k]) ||
		    ta_phrase_before(d, &d->st->agencybefore, P, at[k]))
			return TA_SOURCE_CITED;
	return -1;
}

/* A credit line: "Source » alarabiya", "Quelle: dpa", "Mit Material von AFP".  True when the
 * paragraph is one (whether or not it named an outlet). */
static bool ta_src_credit_line(ta_doc *d, const ta_para *P, bool removed_credit)
{
	const ta_state *st = d->st;
	size_t m = ta_phrase_at(d, &st->credit, P, 0, P->nt, NULL);
	if (!m || !(removed_credit || P->nt <= TA_CREDIT_LINE_MAX_TOKENS))
		return false;
	size_t i = m;
	while (i < P->nt && P->t[i].kind != TK_WORD)
		i++;
	if (i >= P->nt || i <= m)
		return false;
	size_t e = P->len;
	static const char stops[] = "|(,;";
	for (const char *c = stops; *c; c++) {
		const char *x = memchr(P->text + P->t[i].b0, *c, e - P->t[i].b0);
		if (x)
			e = (size_t)(x - P->text);
	}
	char *name = ta_outlet_name(st, P->text + P->t[i].b0, e - P->t[i].b0, false);
	size_t words = 1;
	for (const char *c = name ? name : ""; *c; c++)
		words += *c == ' ';
	if (name && strlen(name) <= TA_CREDIT_NAME_MAX_BYTES && words <= TA_CREDIT_NAME_MAX_WORDS)
		ta_add_source(d, name, TA_SOURCE_CREDIT, "credit-line", P->text);
	free(name);
	return true;
}

/* "first appeared on X", "originally published by X" at token i: the tokens the phrase and its
 * outlet took (0 when none). */
static size_t ta_credit_phrase(ta_doc *d, const ta_para *P, size_t i)
{
	const ta_state *st = d->st;
	size_t cm = ta_phrase_at(d, &st->creditphrase, P, i, P->nt, NULL);
	if (!cm)
		return 0;
	size_t j = i + cm, end = j;
	if (j < P->nt && P->t[j].kind == TK_WORD) {
		int v;
		size_t om = ta_outlet_at(d, P, j, P->nt, &v);
		if (!om && j + 1 < P->nt &&
		    (ta_tok_is(d, &P->t[j], "the") || ta_tok_is(d, &P->t[j], "der") || ta_tok_is(d, &P->t[j], "dem")) &&
		    (om = ta_outlet_at(d, P, j + 1, P->nt, &v)) > 0)
			j++;
		char *name = NULL;
		if (om) {
			name = galley_strdup(st->outlet_names[v]);
			end = j + om;
		} else if (P->t[j].cap || strchr(LOW(d, &P->t[j]), '.')) {
			size_t e = ta_chunk_end(d, P, j, P->nt);
			if (e == j)
				e = j + 1;
			name = ta_outlet_span(d, P, j, e);
			end = e;
		}
		if (name)
			ta_add_source(d, name, TA_SOURCE_CREDIT, "credit-phrase", P->text);
		free(name);
	}
	return end - i; /* the phrase and the outlet it credits */
}

/* "(X) —" in the first tokens of one of the first paragraphs: the dateline's wire credit. */
static bool ta_dateline_credit(const ta_doc *d, int pi, const ta_para *P, size_t i, size_t e)
{
	return pi <= TA_DATELINE_MAX_PARA && i > 0 && i <= TA_DATELINE_MAX_TOKEN && ta_punct_is(&P->t[i - 1], '(') &&
	       e + 1 < P->nt && ta_punct_is(&P->t[e], ')') && ta_is_dash(&P->t[e + 1]);
}

/* An outlet of the alias table at token i (om tokens): how the text credits or cites it. */
static void ta_known_outlet(ta_doc *d, int pi, const ta_para *P, size_t i, size_t om, const char *name,
                            bool removed_credit)
{
	const ta_state *st = d->st;
	const char *rule = NULL;
	int kind = -1;
	if (ta_dateline_credit(d, pi, P, i, i + om)) {
		kind = TA_SOURCE_CREDIT;
		rule = "dateline-credit";
	} else if (i > 0 && ta_punct_is(&P->t[i - 1], '(') && i + om < P->nt && ta_punct_is(&P->t[i + om], ')') &&
	           (i + om + 1 >= P->nt || P->t[i + om + 1].sent_end) &&
	           (removed_credit || pi + TA_CLOSING_LAST_PARAS >= (int)d->nbody)) {
		kind = TA_SOURCE_CREDIT; /* "(dpa)" closing the story */
		rule = "closing-credit";
	} else if (i > 0 && i + om == P->nt && ta_is_dash(&P->t[i - 1])) {
		kind = TA_SOURCE_CREDIT; /* "— Reuters" */
		rule = "closing-credit";
	} else if (removed_credit && P->nt <= TA_REMOVED_CREDIT_MAX_TOKENS) {
		kind = TA_SOURCE_CREDIT;
		rule = "closing-credit";
	}
	if (kind < 0 && (kind = ta_cue_before(d, P, i)) >= 0)
		rule = kind == TA_SOURCE_INTERVIEW ? "interview" : "cited-before";
	size_t a = i + om;
	if (kind < 0 && a < P->nt && ta_phrase_at(d, &st->relay, P, a, P->nt, NULL)) {
		kind = TA_SOURCE_CITED; /* "Mehr quoted Salami as saying" */
		rule = "relay";
	}
	if (kind < 0 && a < P->nt && ta_phrase_at(d, &st->srcafter, P, a, P->nt, NULL)) {
		kind = TA_SOURCE_CITED; /* "Mehr reported" */
		rule = "cited-after";
	}
	if (kind >= 0)
		ta_add_source(d, name, (ta_source_kind)kind, rule, P->text);
}

/* An outlet the alias file does not know, named next to an agency word: "the Xinhua news
 * agency", "Nachrichtenagentur X". */
static void ta_src_agency_word(ta_doc *d, const ta_para *P, size_t i, size_t e)
{
	const ta_state *st = d->st;
	size_t am = e > i && e < P->nt ? ta_phrase_at(d, &st->agencyafter, P, e, P->nt, NULL) : 0;
	if (am && e + am < P->nt && ta_name_tok(&P->t[e + am]) && ta_phrase_at(d, &st->agencybefore, P, e, P->nt, NULL))
		return; /* "the Zorbian news agency Zorpress": the name after it is the agency's */
	bool found = am > 0;
	for (size_t w = 1; !found && w <= 2 && w <= i; w++)
		if (ta_phrase_at(d, &st->agencybefore, P, i - w, i, NULL) == w)
			found = true;
	if (!found)
		return;
	ta_chunk c = ta_classify(d, P, i, e);
	if (c.e > c.s && c.kind != NM_PERSON && !(c.e - c.s == 1 && ta_in(&st->orgwords, d, &P->t[c.s]))) {
		char *name = ta_outlet_span(d, P, c.s, c.e);
		ta_add_source(d, name, TA_SOURCE_CITED, "agency-word", P->text);
		free(name);
	}
}

/* An outlet the alias file does not know, at token i: in a dateline's credit ("WASHINGTON
 * (Example News) —"), or written like one next to a source cue ("told the Example Herald",
 * "according to example.com", "the Daily Example reported").  Returns the name's end, or i. */
static size_t ta_unknown_outlet(ta_doc *d, int pi, const ta_para *P, size_t i)
{
	const ta_tok *t = &P->t[i];
	if (ta_name_tok(t)) {
		size_t e = ta_chunk_end(d, P, i, P->nt);
		if (e > i && e - i <= TA_FORM_MAX_WORDS && ta_dateline_credit(d, pi, P, i, e)) {
			char *name = ta_outlet_span(d, P, i, e);
			ta_add_source(d, name, TA_SOURCE_CREDIT, "dateline-credit", P->text);
			free(name);
			return e;
		}
	}
	size_t e = ta_form_end(d, P, i);
	if (e == i)
		return i;
	int kind = ta_cue_before(d, P, i);
	if (kind < 0 && e < P->nt && ta_phrase_at(d, &d->st->srcafter, P, e, P->nt, NULL))
		kind = TA_SOURCE_CITED;
	if (kind < 0)
		return i;
	size_t s0 = i + 1 < e && ta_in(&d->st->determiners, d, &P->t[i]) ? i + 1 : i; /* "The Example Post" */
	char *name = ta_outlet_span(d, P, s0, e);
	ta_add_source(d, name, (ta_source_kind)kind, "outlet-form", P->text);
	free(name);
	return e;
}

void ta_sources_in_para(ta_doc *d, int pi, bool removed_credit)
{
	const ta_para *P = &d->p[pi];
	const ta_state *st = d->st;
	if (!P->nt)
		return;
	/* a picture's credit ("Image copyright Reuters", "Foto: dpa") is not the story's */
	for (size_t i = 0; i < P->nt && i < 8; i++)
		if (ta_in(&st->photowords, d, &P->t[i]))
			return;
	if (ta_src_credit_line(d, P, removed_credit))
		return;
	for (size_t i = 0; i < P->nt; i++) {
		const ta_tok *t = &P->t[i];
		if (t->kind != TK_WORD)
			continue;
		size_t cm = ta_credit_phrase(d, P, i);
		if (cm) {
			i += cm - 1;
			continue;
		}
		int v;
		size_t om = ta_outlet_at(d, P, i, P->nt, &v);
		if (om) {
			ta_known_outlet(d, pi, P, i, om, st->outlet_names[v], removed_credit);
			i += om - 1;
			continue;
		}
		size_t e = ta_unknown_outlet(d, pi, P, i);
		if (e > i) {
			i = e - 1;
			continue;
		}
		if (ta_name_tok(t)) {
			e = ta_chunk_end(d, P, i, P->nt);
			ta_src_agency_word(d, P, i, e);
			/* go on past the run, but not past an outlet inside it ("Laut Reuters") */
			size_t k = i + 1;
			for (int v2; k < e && !ta_outlet_at(d, P, k, P->nt, &v2);)
				k++;
			i = k - 1;
		}
	}
}
