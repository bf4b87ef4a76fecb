/* tag-attribution: who said it: the noun phrase next to a speech verb or cue before or after a
 * quote, resolved to a person the article names, a role, a pronoun or an organisation. */
#include "ta_private.h"

/* Longest phrase of set starting at token i (consecutive words, before lim); its length in
 * tokens, 0 when none.  *val gets the phrase's value. */
size_t ta_phrase_at(const ta_doc *d, const ta_set *set, const ta_para *P, size_t i, size_t lim, int *val)
{
	char key[256];
	size_t k = 0, best = 0;
	if (i >= lim || P->t[i].kind != TK_WORD || !set->firsts || ta_set_get_h(set->firsts, LOW(d, &P->t[i]), P->t[i].lolen, P->t[i].h) < 0)
		return 0;
	for (size_t n = 0; n < (size_t)set->maxw && i + n < lim; n++) {
		const ta_tok *t = &P->t[i + n];
		if (t->kind != TK_WORD || t->inq)
			break;
		if (k + t->lolen + 2 >= sizeof key)
			break;
		if (n)
			key[k++] = ' ';
		memcpy(key + k, LOW(d, t), t->lolen);
		k += t->lolen;
		int v = ta_set_get(set, key, k);
		if (v >= 0) {
			best = n + 1;
			if (val)
				*val = v;
		}
	}
	return best;
}

/* A capitalised noun after a determiner ("ein Teilnehmer", "der Franzose") is not a name. */
static bool ta_after_determiner(const ta_doc *d, const ta_para *P, size_t i)
{
	if (i == 0)
		return false;
	const ta_tok *t = &P->t[i - 1];
	if (t->kind == TK_WORD && !t->cap && ta_in(&d->st->determiners, d, t))
		return true;
	/* "der junge Polizist": one adjective between */
	if (i >= 2 && t->kind == TK_WORD && !t->cap) {
		const ta_tok *u = &P->t[i - 2];
		return u->kind == TK_WORD && !u->cap && ta_in(&d->st->determiners, d, u) && !ta_in(&d->st->verbs, d, t);
	}
	return false;
}

/* "a spokesman", "ein Teilnehmer", "un cadre du parti": someone new, not someone named */
static bool ta_indefinite_before(const ta_doc *d, const ta_para *P, size_t i)
{
	for (size_t k = i, n = 0; k > 0 && n < 3; k--, n++) {
		const ta_tok *t = &P->t[k - 1];
		if (t->kind != TK_WORD)
			return false;
		if (ta_in(&d->st->indefinites, d, t))
			return true;
		if (ta_in(&d->st->determiners, d, t))
			return false;
	}
	return false;
}

/* A role no one named holds ("der CEO", "the official"): the person last named in this or the
 * previous paragraph, when there is one. */
static int ta_last_person_near(const ta_doc *d, int para, size_t tok)
{
	int id = ta_last_person(d, para, tok, NULL);
	if (id < 0)
		return -1;
	for (size_t k = d->nmen; k > 0; k--) {
		const ta_mention *m = &d->men[k - 1];
		if (m->para > para || (m->para == para && m->tok >= tok))
			continue;
		return m->para + 1 >= para ? m->person : -1;
	}
	return -1;
}

char *ta_who_name(const ta_doc *d, ta_who w)
{
	if (w.person >= 0) {
		free(w.name);
		return galley_strdup(d->pers[w.person].name);
	}
	return w.name;
}

/* A name chunk as a speaker: a person, or an organisation when nothing better is there. */
static ta_who ta_who_chunk(const ta_doc *d, const ta_para *P, ta_chunk c)
{
	ta_who w = {-1, NULL};
	char *low = ta_span_low(d, P, c.s, c.e);
	w.person = ta_person_find(d, low);
	free(low);
	/* "Chef de Mission Hollerbach": the surname of someone named in full */
	if (w.person < 0 && c.e - c.s >= 2)
		w.person = ta_person_find(d, LOW(d, &P->t[c.e - 1]));
	if (w.person < 0)
		w.name = ta_span_text(P, c.s, c.e);
	return w;
}

/* The speaker named after a verb or cue phrase, in tokens [s, lim): "said Hossein Salami",
 * "said the commander of the IRGC Hossein Salami", "sagte er", "according to the minister". */
/* A role noun found as the subject ("the commander said") names the person last named who
 * fits it, unless an indefinite article makes it someone new; otherwise org stands (taken). */
static ta_who ta_role_or(const ta_doc *d, int pi, const char *role, size_t role_tok, ta_who org)
{
	const ta_para *P = &d->p[pi];
	if (role && !ta_indefinite_before(d, P, role_tok)) {
		int id = ta_last_person(d, pi, role_tok, role);
		if (id < 0 && ta_is_role(d, &P->t[role_tok]))
			id = ta_last_person_near(d, pi, role_tok);
		if (id >= 0) {
			free(org.name);
			return (ta_who){id, NULL};
		}
	}
	return org;
}

static ta_who ta_np_after(const ta_doc *d, int pi, size_t s, size_t lim)
{
	const ta_para *P = &d->p[pi];
	ta_who org = {-1, NULL};
	const char *role = NULL;
	size_t role_tok = 0;
	for (size_t j = s; j < lim; j++) {
		const ta_tok *t = &P->t[j];
		if (t->soft)
			continue;
		if (t->kind == TK_QUOTE || t->sent_end)
			break;
		if (t->kind == TK_PUNCT) {
			/* "declared a later minister, Konrad von Lindenau": a role, then the name */
			if ((t->mark == ',' || t->mark == ';' || t->mark == ':') && j > s && !(t->mark == ',' && role && !org.name))
				break;
			continue;
		}
		if (t->inq)
			break;
		if (j == s && ta_in(&d->st->pronouns, d, t)) {
			ta_who w = {ta_last_person(d, pi, s, NULL), NULL};
			free(org.name);
			return w;
		}
		if (ta_name_tok(t)) {
			size_t e = ta_chunk_end(d, P, j, lim);
			ta_chunk c = ta_classify(d, P, j, e);
			/* "selon un proche d'Étienne Marchal": the name of someone else */
			if (j > s) {
				const ta_tok *b = &P->t[j - 1];
				const char *bl = LOW(d, b);
				bool of = b->kind == TK_WORD && !b->cap &&
				          (ta_in(&d->st->preps, d, b) || (b->lolen > 2 && bl[1] == '\'' && (bl[0] == 'd' || bl[0] == 'l')));
				if (of && c.kind != NM_ORG) {
					j = e > j ? e - 1 : j;
					continue;
				}
			}
			if (c.kind == NM_SINGLE && ta_after_determiner(d, P, c.s)) {
				if (!role) {
					role = LOW(d, &P->t[c.s]);
					role_tok = j;
				}
				j = e > j ? e - 1 : j;
				continue;
			}
			if (c.kind == NM_PERSON || c.kind == NM_SINGLE) {
				free(org.name);
				return ta_who_chunk(d, P, c);
			}
			if (c.kind == NM_ORG && !org.name && (j == s || (j == s + 1 && P->t[s].kind == TK_WORD && !P->t[s].cap &&
			                                                 ta_in(&d->st->notnames, d, &P->t[s]))))
				org.name = ta_span_text(P, c.s, c.e); /* "said Human Rights Watch", "said the BBC" */
			if (c.kind == NM_ROLE && e == j + 1 && t->cap) {
				int id = ta_person_find(d, LOW(d, t));
				if (id >= 0) {
					free(org.name);
					return (ta_who){id, NULL};
				}
			}
			if (c.kind == NM_ROLE && !role) {
				role = LOW(d, &P->t[c.role_at]);
				role_tok = j;
			}
			j = e > j ? e - 1 : j;
			continue;
		}
		if (!role && ta_is_role(d, t)) {
			role = LOW(d, t);
			role_tok = j;
		}
		if (ta_in(&d->st->verbs, d, t))
			break;
	}
	return ta_role_or(d, pi, role, role_tok, org);
}

/* The subject of a verb at k, looking back to s: "Salami said", "he added", "the commander
 * said", "Supreme Leader Ali Khamenei stressed ... and insisted". */
ta_who ta_np_before(const ta_doc *d, int pi, size_t s, size_t k, bool far)
{
	const ta_para *P = &d->p[pi];
	ta_who org = {-1, NULL};
	const char *role = NULL;
	size_t role_tok = 0;
	size_t steps = 0;
	for (size_t j = k; j > s && steps < 40; steps++) {
		j--;
		const ta_tok *t = &P->t[j];
		if (t->soft)
			continue;
		if (t->kind == TK_QUOTE || t->inq)
			break;
		if (t->kind != TK_WORD)
			continue;
		if (ta_in(&d->st->pronouns, d, t)) {
			bool subject = j + 1 == k || j + 2 == k || ta_in(&d->st->verbs, d, &P->t[j + 1]);
			if (subject) {
				free(org.name);
				return (ta_who){ta_last_person(d, pi, j, NULL), NULL};
			}
			continue;
		}
		if (ta_name_tok(t)) {
			size_t cs = ta_chunk_start(d, P, j, s);
			ta_chunk c = ta_classify(d, P, cs, j + 1);
			/* "director of the Centre for Coastal Research": an object, not the subject */
			if (cs > s && ta_in(&d->st->preps, d, &P->t[cs - 1]) && !P->t[cs - 1].cap && j + 1 != k) {
				j = cs;
				continue;
			}
			bool adjacent = j + 1 == k || (j + 2 == k && (ta_tok_is(d, &P->t[k - 1], "as") || P->t[k - 1].kind == TK_PUNCT));
			if (c.kind == NM_PERSON) {
				free(org.name);
				return ta_who_chunk(d, P, c);
			}
			if (c.kind == NM_SINGLE) {
				char *low = ta_span_low(d, P, c.s, c.e);
				int id = ta_person_find(d, low);
				free(low);
				if (id >= 0 || (adjacent && !ta_after_determiner(d, P, c.s))) {
					free(org.name);
					return ta_who_chunk(d, P, c);
				}
				if (adjacent && !role) {
					role = LOW(d, &P->t[c.s]);
					role_tok = j;
				}
			}
			if (c.kind == NM_ORG && !org.name && adjacent)
				org.name = ta_span_text(P, c.s, c.e);
			if (c.kind == NM_ROLE && cs == j && t->cap) {
				int id = ta_person_find(d, LOW(d, t));
				if (id >= 0) {
					free(org.name);
					return (ta_who){id, NULL};
				}
			}
			if (c.kind == NM_ROLE && !role) {
				role = LOW(d, &P->t[c.role_at]);
				role_tok = j;
			}
			j = cs;
			continue;
		}
		if (!role && ta_is_role(d, t)) {
			role = LOW(d, t);
			role_tok = j;
		}
		/* "the former mayor argued": the subject is the role; look a few words further for
		 * an apposition ("Bloomberg, the mayor, argued") and no further */
		if (role && role_tok > j + 3)
			break;
		if (!far && steps > 8)
			break;
	}
	return ta_role_or(d, pi, role, role_tok, org);
}

char *ta_cue_text(const ta_doc *d, const ta_para *P, size_t s, size_t n)
{
	return ta_span_low(d, P, s, s + n);
}

/* After the closing mark: “…,” he added / said Salami / Mehr quoted Salami as saying / so
 * Müller / a-t-il déclaré / according to X. */
bool ta_after(const ta_doc *d, int pi, size_t tc, ta_who *who, char **cue, bool ends_sentence)
{
	const ta_para *P = &d->p[pi];
	size_t i = tc + 1;
	size_t skipped = 0;
	while (i < P->nt && P->t[i].kind == TK_PUNCT && !P->t[i].sent_end && skipped < 2) {
		uint32_t m = P->t[i].mark;
		if (m != ',' && m != 0x2014 && m != 0x2013 && m != '-' && m != ')' && m != ':')
			break;
		i++;
		skipped++;
	}
	if (i >= P->nt || P->t[i].kind != TK_WORD)
		return false;
	/* a quote that ended its sentence ("…capabilities.”) is followed by a new sentence,
	 * unless the words go on in lower case ("“Why?” she asked.") */
	if (ends_sentence && P->t[i].cap && !ta_in(&d->st->verbs, d, &P->t[i])) {
		/* "“Never!” Smith said." still counts: a name right before a verb */
		size_t e = ta_chunk_end(d, P, i, P->nt);
		if (e >= P->nt || !ta_in(&d->st->verbs, d, &P->t[e]))
			return false;
	}
	size_t lim = i;
	while (lim < P->nt && lim < i + 25 && (P->t[lim].kind != TK_QUOTE || P->t[lim].soft) && !P->t[lim].sent_end)
		lim++;
	int v;
	size_t m = ta_phrase_at(d, &d->st->verbs, P, i, lim, NULL);
	if (!m)
		m = ta_phrase_at(d, &d->st->cues, P, i, lim, NULL);
	if (!m && skipped && P->t[i - 1].mark == ',')
		m = ta_phrase_at(d, &d->st->aftercues, P, i, lim, NULL);
	if (m) {
		*cue = ta_cue_text(d, P, i, m);
		*who = ta_np_after(d, pi, i + m, lim);
		return true;
	}
	/* after a quote that ended its sentence, "Smith said." may follow, but not a new
	 * sentence that happens to start with a name and a verb ("He added that ...") */
	if (ends_sentence) {
		size_t e = ta_chunk_end(d, P, i, lim);
		if (ta_in(&d->st->pronouns, d, &P->t[i]))
			e = i + 1;
		size_t vm = e < lim ? ta_phrase_at(d, &d->st->verbs, P, e, lim, NULL) : 0;
		if (!vm)
			return false;
		size_t after = e + vm;
		if (after < P->nt && ta_name_tok(&P->t[after]))
			after = ta_chunk_end(d, P, after, P->nt); /* "Vale asked Stroud." */
		if (after < P->nt && !(P->t[after].kind == TK_PUNCT && (P->t[after].sent_end || P->t[after].mark == ',')))
			return false;
	}
	for (size_t k = i; k < lim && k < i + 10; k++) {
		const ta_tok *t = &P->t[k];
		if (t->kind != TK_WORD)
			continue;
		if ((m = ta_phrase_at(d, &d->st->relay, P, k, lim, &v)) > 0) {
			/* "Mehr quoted Salami as saying": the person between the verb and the close */
			const char *close = d->st->relay_close[v];
			for (size_t j = k + m; j < lim; j++) {
				if (P->t[j].kind == TK_WORD && !strncmp(LOW(d, &P->t[j]), close, P->t[j].lolen) &&
				    (close[P->t[j].lolen] == ' ' || !close[P->t[j].lolen])) {
					*who = ta_np_after(d, pi, k + m, j);
					galley_buf b = {0};
					galley_buf_append(&b, LOW(d, t), t->lolen);
					galley_buf_putc(&b, ' ');
					galley_buf_puts(&b, close);
					*cue = galley_buf_steal(&b);
					return true;
				}
			}
		}
		if ((m = ta_phrase_at(d, &d->st->verbs, P, k, lim, NULL)) > 0) {
			*cue = ta_cue_text(d, P, k, m);
			*who = ta_np_before(d, pi, i, k, false);
			if (who->person < 0 && !who->name)
				*who = ta_np_after(d, pi, k + m, lim); /* "…,” told reporters Jane Doe */
			return true;
		}
		if ((m = ta_phrase_at(d, &d->st->cues, P, k, lim, NULL)) > 0) {
			*cue = ta_cue_text(d, P, k, m);
			*who = ta_np_after(d, pi, k + m, lim);
			return true;
		}
		if (ta_punct_is(t, ';'))
			break;
	}
	return false;
}

/* Before the opening mark: Salami said: “… / X stressed that … and insisted that “… /
 * According to X, “… */
bool ta_before(const ta_doc *d, int pi, size_t to, ta_who *who, char **cue)
{
	const ta_para *P = &d->p[pi];
	size_t s = to, n = 0;
	while (s > 0 && n < 60) {
		const ta_tok *t = &P->t[s - 1];
		if (((t->kind == TK_QUOTE || t->inq) && !t->soft) || t->sent_end)
			break;
		s--;
		n++;
	}
	if (s == to)
		return false;
	bool colon = ta_punct_is(&P->t[to - 1], ':') || ta_punct_is(&P->t[to - 1], ',');
	for (size_t k = to; k > s;) {
		k--;
		const ta_tok *t = &P->t[k];
		if (t->kind != TK_WORD)
			continue;
		size_t m;
		if ((m = ta_phrase_at(d, &d->st->cues, P, k, to, NULL)) > 0) {
			*cue = ta_cue_text(d, P, k, m);
			*who = ta_np_after(d, pi, k + m, to);
			return true;
		}
		if ((m = ta_phrase_at(d, &d->st->verbs, P, k, to, NULL)) > 0) {
			/* the verb must introduce the quote: at most a few words between ("that",
			 * "reporters", "in a statement") unless a colon opens the quote */
			if (!colon && to - (k + m) > 4)
				return false;
			*cue = ta_cue_text(d, P, k, m);
			/* German and French put the subject after the verb when something comes first:
			 * "Auf die Frage ... sagte Trump: „…“" */
			if (k + m < to && k > s) {
				const ta_tok *nx = &P->t[k + m];
				if (ta_in(&d->st->pronouns, d, nx)) {
					*who = (ta_who){ta_last_person(d, pi, k + m, NULL), NULL};
					return true;
				}
				if (ta_name_tok(nx)) {
					size_t e = ta_chunk_end(d, P, k + m, to);
					ta_chunk c = ta_classify(d, P, k + m, e);
					char *low = c.e > c.s ? ta_span_low(d, P, c.s, c.e) : NULL;
					bool known = low && ta_person_find(d, low) >= 0;
					free(low);
					if (c.kind == NM_PERSON || (c.kind == NM_SINGLE && known)) {
						*who = ta_who_chunk(d, P, c);
						return true;
					}
				}
			}
			*who = ta_np_before(d, pi, s, k, true);
			if (who->person < 0 && !who->name)
				*who = ta_np_after(d, pi, k + m, to);
			return true;
		}
		if (!colon && to - k > 6)
			return false;
	}
	return false;
}
