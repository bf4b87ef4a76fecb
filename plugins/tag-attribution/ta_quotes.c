/* tag-attribution: quotation marks into quotes (pairing, across paragraphs), the shape of a quote
 * (quotation, title, fragment), attributing each quote to a speaker and recording it on the article. */
#include "ta_private.h"

static bool ta_closes(uint32_t open, uint32_t c, uint32_t after)
{
	switch (open) {
	case 0x201C:
		/* “…” — and “…“ typed wrongly: a “ closes only when no letter follows it */
		return c == 0x201D || (c == 0x201C && !ta_is_letter(after));
	case 0x201E:
		return c == 0x201C || c == 0x201D;
	case 0x201D:
		return c == 0x201D;
	case 0xAB:
		return c == 0xBB;
	case 0xBB:
		return c == 0xAB;
	case '"':
		return c == '"';
	default:
		return false;
	}
}

static bool ta_opens(uint32_t c, uint32_t before, uint32_t after)
{
	switch (c) {
	case 0x201C:
	case 0x201E:
	case 0xAB:
		return after != 0;
	case 0xBB: /* German »…« */
		return after != 0 && after != ' ';
	case 0x201D: /* ”…” (Swedish style, or a mistake): only between a space and a letter */
		return (before == 0 || before == ' ') && ta_is_letter(after);
	case '"':
		return after != 0 && after != ' ';
	default:
		return false;
	}
}

static void ta_add_piece(ta_doc *d, int para, size_t to, size_t tc)
{
	if (d->npc == d->cpc) {
		d->cpc = d->cpc ? d->cpc * 2 : 16;
		d->pc = galley_realloc(d->pc, d->cpc * sizeof *d->pc);
	}
	d->pc[d->npc++] = (ta_piece){para, to, tc};
}

static void ta_end_quote(ta_doc *d, size_t first_piece)
{
	if (d->nq == d->cq) {
		d->cq = d->cq ? d->cq * 2 : 16;
		d->q = galley_realloc(d->q, d->cq * sizeof *d->q);
	}
	d->q[d->nq++] = (ta_quote){.p0 = first_piece, .np = d->npc - first_piece};
}

/* Pair marks in document order.  A quote still open at the end of a paragraph runs on when the
 * next paragraph opens with the same mark (the convention for multi-paragraph quotations);
 * otherwise it is unbalanced and dropped. */
void ta_pair_quotes(ta_doc *d)
{
	bool inq = false, reopen = false;
	uint32_t open = 0;
	size_t first_piece = 0, pto = 0;
	int ppara = 0;
	for (size_t pi = 0; pi < d->np; pi++) {
		ta_para *P = &d->p[pi];
		for (size_t i = 0; i < P->nt; i++) {
			ta_tok *t = &P->t[i];
			if (t->kind != TK_QUOTE)
				continue;
			if (reopen) {
				reopen = false;
				ppara = (int)pi;
				pto = i;
				continue;
			}
			uint32_t before = ta_char_before(P, t), after = ta_char_after(P, t);
			if (inq) {
				if (ta_closes(open, t->mark, after)) {
					ta_add_piece(d, ppara, pto, i);
					ta_end_quote(d, first_piece);
					inq = false;
				}
				continue;
			}
			if (ta_opens(t->mark, before, after)) {
				inq = true;
				open = t->mark;
				first_piece = d->npc;
				ppara = (int)pi;
				pto = i;
			}
		}
		if (inq) {
			ta_para *N = pi + 1 < d->np ? &d->p[pi + 1] : NULL;
			if (N && N->nt && N->t[0].kind == TK_QUOTE && N->t[0].mark == open && d->npc - first_piece < 8) {
				ta_add_piece(d, ppara, pto, P->nt);
				reopen = true;
			} else {
				d->npc = first_piece;
				inq = false;
			}
		}
	}
	if (inq)
		d->npc = first_piece;
}

void ta_mark_inside(ta_doc *d)
{
	for (size_t k = 0; k < d->npc; k++) {
		ta_piece *pc = &d->pc[k];
		ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc + 1 : P->nt;
		for (size_t i = pc->to; i < end; i++)
			P->t[i].inq = 1;
	}
}

size_t ta_para_cplen(const ta_para *P)
{
	return P->nt ? P->t[P->nt - 1].cp1 + galley_utf8_length(P->text + P->t[P->nt - 1].b1, P->len - P->t[P->nt - 1].b1) : 0;
}

/* The inner text range of a piece: bytes and code points, marks and edge spaces excluded. */
static void ta_piece_range(const ta_para *P, const ta_piece *pc, size_t *b0, size_t *b1, size_t *c0, size_t *c1)
{
	*b0 = P->t[pc->to].b1;
	*c0 = P->t[pc->to].cp1;
	if (pc->tc < P->nt) {
		*b1 = P->t[pc->tc].b0;
		*c1 = P->t[pc->tc].cp0;
	} else {
		*b1 = P->len;
		*c1 = ta_para_cplen(P);
	}
	while (*b0 < *b1 && P->text[*b0] == ' ') {
		(*b0)++;
		(*c0)++;
	}
	while (*b1 > *b0 && P->text[*b1 - 1] == ' ') {
		(*b1)--;
		(*c1)--;
	}
	/* the comma before the closing mark belongs to the sentence around the quote */
	while (*b1 > *b0 && (P->text[*b1 - 1] == ',' || P->text[*b1 - 1] == ';' || P->text[*b1 - 1] == ':' || P->text[*b1 - 1] == ' ')) {
		(*b1)--;
		(*c1)--;
	}
}

static ta_qshape ta_shape(const ta_doc *d, const ta_quote *q)
{
	ta_qshape sh = {0};
	bool first = true;
	for (size_t k = 0; k < q->np; k++) {
		const ta_piece *pc = &d->pc[q->p0 + k];
		const ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc : P->nt;
		for (size_t i = pc->to + 1; i < end; i++) {
			const ta_tok *t = &P->t[i];
			if (t->kind != TK_WORD)
				continue;
			if (first) {
				sh.first_upper = t->cap;
				first = false;
			}
			sh.words++;
			if (t->lolen > 3) {
				sh.longwords++;
				if (t->cap)
					sh.capwords++;
			}
		}
		if (k + 1 == q->np && end > pc->to + 1) {
			const ta_tok *last = &P->t[end - 1];
			sh.ends_sentence = last->sent_end;
			sh.ends_punct = last->kind == TK_PUNCT &&
			                (last->sent_end || last->mark == ',' || last->mark == ';' || last->mark == ':');
		}
	}
	return sh;
}

/* “Night Over The Harbour Bridge”, “Evening Ledger”: capitalised words, no sentence end. */
static bool ta_title_like(const ta_qshape *sh, bool german)
{
	/* German capitalises every noun: „Grenzschutz ist Menschenschutz.“ is a sentence */
	if (!german && sh->longwords >= 2 && sh->capwords == sh->longwords && sh->words <= 8)
		return true; /* “The Life and Times of Martha Greenfield.” */
	return sh->longwords >= 2 && sh->capwords * 10 >= sh->longwords * 7 && !sh->ends_sentence && sh->words <= 12;
}

/* Titles and one- or two-word fragments in quotation marks are not quotations: the text around
 * them reads through them when looking for a speaker ("Stroud told “Evening Ledger” co-host
 * Nora Vale, “Nobody ...”"). */
void ta_soften(ta_doc *d)
{
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		ta_qshape sh = ta_shape(d, q);
		bool reply = sh.words == 1 && sh.first_upper && sh.ends_punct;
		if (!(ta_title_like(&sh, d->german) || (sh.words <= 2 && !reply)) || q->np != 1)
			continue;
		const ta_piece *pc = &d->pc[q->p0];
		ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc + 1 : P->nt;
		for (size_t i = pc->to; i < end; i++)
			P->t[i].soft = 1;
		q->soft = true;
	}
}

/* « Ce calendrier ..., affirme-t-elle. Nous voulons ... »: a comma, a speech verb, then a pronoun
 * or a name, then a comma or a full stop, inside the marks. */
static bool ta_incise(const ta_doc *d, ta_quote *q, ta_who *who, char **cue)
{
	for (size_t k = 0; k < q->np; k++) {
		const ta_piece *pc = &d->pc[q->p0 + k];
		const ta_para *P = &d->p[pc->para];
		size_t end = pc->tc < P->nt ? pc->tc : P->nt;
		for (size_t i = pc->to + 1; i + 2 < end; i++) {
			if (!ta_punct_is(&P->t[i], ','))
				continue;
			size_t m = 0, v = i + 1;
			/* the tokens are inside the quote: match the verb without the inq check */
			char key[128];
			size_t kl = 0;
			for (size_t w = 0; w < 3 && v + w < end && P->t[v + w].kind == TK_WORD; w++) {
				if (kl + P->t[v + w].lolen + 2 >= sizeof key)
					break;
				if (w)
					key[kl++] = ' ';
				memcpy(key + kl, LOW(d, &P->t[v + w]), P->t[v + w].lolen);
				kl += P->t[v + w].lolen;
				if (ta_set_get(&d->st->verbs, key, kl) >= 0)
					m = w + 1;
			}
			if (!m || v + m >= end)
				continue;
			size_t n = v + m;
			ta_who w = {-1, NULL};
			size_t after;
			if (ta_in(&d->st->pronouns, d, &P->t[n])) {
				w.person = ta_last_person(d, pc->para, pc->to, NULL);
				after = n + 1;
			} else if (P->t[n].kind == TK_WORD && (P->t[n].cap || P->t[n].initial)) {
				size_t e = n;
				while (e < end && P->t[e].kind == TK_WORD && (P->t[e].cap || P->t[e].initial || ta_in(&d->st->particles, d, &P->t[e])))
					e++;
				char *low = ta_span_low(d, P, n, e);
				w.person = ta_person_find(d, low);
				free(low);
				if (w.person < 0)
					w.name = ta_span_text(P, n, e);
				after = e;
			} else
				continue;
			/* after a name an apposition may follow: ", géologue, ancien du Bureau." */
			size_t stop = after;
			bool named = w.person >= 0 || w.name;
			bool pron = ta_in(&d->st->pronouns, d, &P->t[n]);
			if (pron || !named || !(after < end && ta_punct_is(&P->t[after], ','))) {
				while (stop < end && !(P->t[stop].kind == TK_PUNCT && (P->t[stop].sent_end || P->t[stop].mark == ',')))
					stop++;
			} else {
				size_t lim2 = after + 16;
				while (stop < end && stop < lim2 && !(P->t[stop].kind == TK_PUNCT && P->t[stop].sent_end))
					stop++;
				if (stop >= lim2)
					stop = after;
			}
			if (stop >= end && pc->tc >= P->nt) {
				free(w.name);
				continue;
			}
			q->incise = true;
			q->inc_piece = q->p0 + k;
			q->inc0 = i;
			q->inc1 = stop < end ? stop : end - 1;
			*who = w;
			*cue = ta_span_low(d, P, v, v + m);
			return true;
		}
	}
	return false;
}

/* "Mr. Castell said road safety remains his main concern. “For me, ...”": a quote that
 * opens the sentence right after one whose speech verb has a person for subject. */
static bool ta_prev_sentence(const ta_doc *d, int pi, size_t to, ta_who *who, char **cue)
{
	const ta_para *P = &d->p[pi];
	if (to < 2 || !P->t[to - 1].sent_end)
		return false;
	size_t e = to - 1, s = e;
	while (s > 0) {
		const ta_tok *t = &P->t[s - 1];
		if (((t->kind == TK_QUOTE || t->inq) && !t->soft) || t->sent_end)
			break;
		s--;
	}
	if (s > 0 && !P->t[s - 1].sent_end)
		return false; /* a quote in the sentence before: it has its own speaker */
	for (size_t k = e; k > s;) {
		k--;
		size_t m = ta_phrase_at(d, &d->st->verbs, P, k, e, NULL);
		if (!m)
			continue;
		ta_who w = ta_np_before(d, pi, s, k, true);
		if (w.person < 0) {
			free(w.name);
			return false;
		}
		*who = w;
		*cue = ta_cue_text(d, P, k, m);
		return true;
	}
	return false;
}

void ta_attribute_quotes(ta_doc *d)
{
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		if (q->soft)
			continue;
		const ta_piece *fp = &d->pc[q->p0], *lp = &d->pc[q->p0 + q->np - 1];
		ta_qshape sh = ta_shape(d, q);
		ta_who who = {-1, NULL};
		char *cue = NULL;
		bool found = false;
		if (lp->tc < d->p[lp->para].nt)
			found = ta_after(d, lp->para, lp->tc, &who, &cue, sh.ends_sentence);
		q->found_by = found ? SR_FOUND_AFTER : SR_FOUND_NONE;
		if (!found) {
			free(cue);
			cue = NULL;
			who = (ta_who){-1, NULL};
			found = ta_before(d, fp->para, fp->to, &who, &cue);
			q->found_by = found ? SR_FOUND_BEFORE : SR_FOUND_NONE;
		}
		if (!found) {
			free(cue);
			cue = NULL;
			free(who.name);
			who = (ta_who){-1, NULL};
			found = ta_incise(d, q, &who, &cue);
			q->found_by = found ? SR_FOUND_INSIDE : SR_FOUND_NONE;
		}
		if (!found) {
			free(cue);
			cue = NULL;
			free(who.name);
			who = (ta_who){-1, NULL};
			found = ta_prev_sentence(d, fp->para, fp->to, &who, &cue);
			q->found_by = found ? SR_FOUND_PREVIOUS_SENTENCE : SR_FOUND_NONE;
		}
		q->has_cue = found;
		q->cue = cue;
		q->speaker = found ? ta_who_name(d, who) : (free(who.name), NULL);
	}
	/* “A,” she said. “B.” — a quote with no cue of its own, right after a cued one in the same
	 * paragraph with only the cue clause between them, continues it. */
	for (size_t qi = 1; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi], *pq = &d->q[qi - 1];
		if (q->has_cue || !pq->has_cue || q->soft || pq->soft)
			continue;
		const ta_piece *fp = &d->pc[q->p0], *pl = &d->pc[pq->p0 + pq->np - 1];
		if (fp->para != pl->para || pl->tc >= d->p[pl->para].nt)
			continue;
		const ta_para *P = &d->p[fp->para];
		bool verb = false;
		size_t gap = fp->to - pl->tc, ends = 0;
		for (size_t i = pl->tc + 1; i < fp->to; i++) {
			if (ta_in(&d->st->verbs, d, &P->t[i]) || ta_in(&d->st->relay, d, &P->t[i]))
				verb = true;
			if (P->t[i].sent_end && i + 1 < fp->to)
				ends++;
		}
		if (verb && gap <= 40 && ends == 0) {
			q->has_cue = true;
			q->found_by = SR_FOUND_CONTINUES;
			q->cue = galley_strdup(pq->cue);
			q->speaker = galley_strdup(pq->speaker);
		}
	}
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		ta_qshape sh = ta_shape(d, q);
		bool keep;
		if (q->soft) {
			q->keep = false;
			continue;
		}
		if (q->has_cue) {
			if (sh.words >= (size_t)d->st->min_words)
				keep = true;
			else if (sh.words == 1)
				keep = sh.first_upper && sh.ends_punct; /* “Never,” she said. */
			else
				keep = false;
		} else {
			/* "(« Comment animer une réunion ? », « Écrire un tract »)": a list of
			 * titles in brackets, not what someone said */
			const ta_piece *fp = &d->pc[q->p0];
			const ta_para *FP = &d->p[fp->para];
			bool bracket = fp->to > 0 && ta_punct_is(&FP->t[fp->to - 1], '(');
			bool title = ta_title_like(&sh, d->german) || bracket;
			keep = sh.words >= (size_t)d->st->min_words && !title && (sh.first_upper || sh.words >= 8) &&
			       (sh.ends_punct || sh.words >= 8);
		}
		q->keep = keep;
	}
}

/* A quote the speaker rules look at: a kept one, or one the shape test dropped that is no title
 * or fragment and has enough words (a partial quotation in lower case, kept if a cue names its
 * speaker). */
bool ta_speaker_candidate(const ta_doc *d, const ta_quote *q)
{
	if (q->keep)
		return true;
	if (q->soft || q->has_cue)
		return false;
	ta_qshape sh = ta_shape(d, q);
	const ta_piece *fp = &d->pc[q->p0];
	const ta_para *FP = &d->p[fp->para];
	bool bracket = fp->to > 0 && ta_punct_is(&FP->t[fp->to - 1], '(');
	return !bracket && sh.words >= (size_t)d->st->min_words && !ta_title_like(&sh, d->german);
}

void ta_record_quotes(ta_doc *d)
{
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		if (!q->keep)
			continue;
		for (size_t k = 0; k < q->np; k++) {
			const ta_piece *pc = &d->pc[q->p0 + k];
			const ta_para *P = &d->p[pc->para];
			ta_piece parts[2] = {*pc, *pc};
			size_t nparts = 1;
			if (q->incise && q->p0 + k == q->inc_piece) {
				parts[0].tc = q->inc0;
				parts[1].to = q->inc1;
				nparts = 2;
			}
			for (size_t h = 0; h < nparts; h++) {
				size_t b0, b1, c0, c1;
				ta_piece_range(P, &parts[h], &b0, &b1, &c0, &c1);
				if (b1 <= b0)
					continue;
				char *text = galley_strndup(P->text + b0, b1 - b0);
				galley_quote gq = {text, q->speaker, q->cue, pc->para, (int)c0, (int)c1,
				                   q->speaker ? sr_kind_name(q->kind) : NULL, q->rule};
				galley_article_add_quote(d->a, &gq);
				free(text);
			}
		}
	}
}
