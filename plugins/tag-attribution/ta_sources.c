/* tag-attribution: the outlets a story cites ('according to', wire credits, 'told') and their
 * names from the outlet alias table. */
#include "ta_private.h"

static void ta_add_source(ta_doc *d, const char *name, const char *kind, const char *evidence)
{
	if (!name || !*name)
		return;
	for (size_t i = 0; i < galley_article_n_sources(d->a); i++) {
		const galley_source *s = galley_article_source(d->a, i);
		if (!strcmp(s->name, name) && !strcmp(s->kind, kind))
			return;
	}
	char *ev = galley_ws_normalize(evidence);
	size_t n = strlen(ev);
	if (n > 300) {
		/* keep whole code points */
		size_t cut = 300;
		while (cut > 0 && ((unsigned char)ev[cut] & 0xC0) == 0x80)
			cut--;
		ev[cut] = 0;
	}
	galley_source s = {name, kind, ev};
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

/* The alias matched at token i (its length in tokens), honouring case: a lower-case word in
 * the text matches only an outlet written in lower case ("dpa"), never "ap" for "AP". */
static size_t ta_outlet_at(const ta_doc *d, const ta_para *P, size_t i, size_t lim, int *v)
{
	const ta_tok *t = &P->t[i];
	if (t->kind != TK_WORD || t->inq)
		return 0;
	size_t m = ta_phrase_at(d, &d->st->outlets, P, i, lim, v);
	if (!m)
		return 0;
	if (!t->cap && !t->allcaps) {
		const char *name = d->st->outlet_names[*v];
		if (ta_is_upper((unsigned char)name[0]) || (name[0] & 0x80))
			return 0;
	}
	return m;
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
	/* credit lines: "Source » alarabiya", "Quelle: dpa", "Mit Material von AFP" */
	size_t m = ta_phrase_at(d, &st->credit, P, 0, P->nt, NULL);
	if (m && (removed_credit || P->nt <= 16)) {
		size_t i = m;
		while (i < P->nt && P->t[i].kind != TK_WORD)
			i++;
		if (i < P->nt && i > m) {
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
			if (name && strlen(name) <= 60 && words <= 5)
				ta_add_source(d, name, "credit", P->text);
			free(name);
			return;
		}
	}
	for (size_t i = 0; i < P->nt; i++) {
		const ta_tok *t = &P->t[i];
		if (t->kind != TK_WORD)
			continue;
		/* "first appeared on X", "originally published by X" */
		size_t cm = ta_phrase_at(d, &st->creditphrase, P, i, P->nt, NULL);
		if (cm) {
			size_t j = i + cm;
			if (j < P->nt && P->t[j].kind == TK_WORD) {
				int v;
				size_t om = ta_outlet_at(d, P, j, P->nt, &v);
				if (!om && j + 1 < P->nt && (ta_tok_is(d, &P->t[j], "the") || ta_tok_is(d, &P->t[j], "der") || ta_tok_is(d, &P->t[j], "dem")) &&
				    (om = ta_outlet_at(d, P, j + 1, P->nt, &v)) > 0)
					j++;
				char *name = NULL;
				if (om)
					name = galley_strdup(st->outlet_names[v]);
				else if (P->t[j].cap || strchr(LOW(d, &P->t[j]), '.')) {
					size_t e = ta_chunk_end(d, P, j, P->nt);
					if (e == j)
						e = j + 1;
					name = ta_outlet_name(st, P->text + P->t[j].b0, P->t[e - 1].nb1 - P->t[j].b0, false);
				}
				if (name)
					ta_add_source(d, name, "credit", P->text);
				free(name);
			}
			i += cm - 1;
			continue;
		}
		int v;
		size_t om = ta_outlet_at(d, P, i, P->nt, &v);
		if (om) {
			const char *name = st->outlet_names[v];
			bool credit = false, cited = false;
			/* "(AP) —" near the start of the story; "— Reuters" at its end */
			if (i > 0 && ta_punct_is(&P->t[i - 1], '(') && i + om < P->nt && ta_punct_is(&P->t[i + om], ')')) {
				size_t j = i + om + 1;
				if (pi <= 2 && j < P->nt && P->t[j].kind == TK_PUNCT && (P->t[j].mark == 0x2014 || P->t[j].mark == 0x2013 || P->t[j].mark == '-'))
					credit = true;
				else if (j >= P->nt || P->t[j].sent_end)
					credit = removed_credit || pi + 3 >= (int)d->nbody; /* "(dpa)" closing the story */
			}
			if (i > 0 && i + om == P->nt && P->t[i - 1].kind == TK_PUNCT &&
			    (P->t[i - 1].mark == 0x2014 || P->t[i - 1].mark == 0x2013 || P->t[i - 1].mark == '-'))
				credit = true;
			if (removed_credit && P->nt <= 6)
				credit = true;
			if (!credit) {
				/* before: "according to (the) X", "told X" */
				size_t b = i;
				if (b > 0 && (ta_tok_is(d, &P->t[b - 1], "the") || ta_tok_is(d, &P->t[b - 1], "l'") || ta_tok_is(d, &P->t[b - 1], "la")))
					b--;
				for (size_t w = 1; w <= 4 && w <= b && !cited; w++)
					if (ta_phrase_at(d, &st->srcbefore, P, b - w, b, NULL) == w)
						cited = true;
				size_t a = i + om;
				if (!cited && a < P->nt && ta_phrase_at(d, &st->srcafter, P, a, P->nt, NULL))
					cited = true;
				/* "Mehr quoted Salami as saying" */
				if (!cited && a < P->nt && ta_phrase_at(d, &st->relay, P, a, P->nt, NULL))
					cited = true;
			}
			if (credit || cited) {
				ta_add_source(d, name, credit ? "credit" : "cited", P->text);
			}
			i += om - 1;
			continue;
		}
		/* an outlet the alias file does not know: "the Xinhua news agency", "Nachrichtenagentur X" */
		if (ta_name_tok(t)) {
			size_t e = ta_chunk_end(d, P, i, P->nt);
			if (e > i && e < P->nt && ta_phrase_at(d, &st->agencyafter, P, e, P->nt, NULL)) {
				ta_chunk c = ta_classify(d, P, i, e);
				if (c.e > c.s && c.kind != NM_PERSON && !(c.e - c.s == 1 && ta_in(&st->orgwords, d, &P->t[c.s]))) {
					char *name = ta_outlet_name(st, P->text + P->t[c.s].b0, P->t[c.e - 1].nb1 - P->t[c.s].b0, false);
					ta_add_source(d, name, "cited", P->text);
					free(name);
				}
			}
			if (i > 0) {
				for (size_t w = 1; w <= 2 && w <= i; w++) {
					if (ta_phrase_at(d, &st->agencybefore, P, i - w, i, NULL) == w) {
						ta_chunk c = ta_classify(d, P, i, e);
						if (c.e > c.s && c.kind != NM_PERSON && !(c.e - c.s == 1 && ta_in(&st->orgwords, d, &P->t[c.s]))) {
							char *name = ta_outlet_name(st, P->text + P->t[c.s].b0, P->t[c.e - 1].nb1 - P->t[c.s].b0, false);
							ta_add_source(d, name, "cited", P->text);
							free(name);
						}
						break;
					}
				}
			}
			i = e > i ? e - 1 : i;
		}
	}
}
