/* tag-attribution: the people and organisations the body names: capitalised runs classified as
 * person, organisation or role, their later mentions (full or by surname), for speakers. */
#include "ta_private.h"

bool ta_in(const ta_set *s, const ta_doc *d, const ta_tok *t)
{
	return t->kind == TK_WORD && ta_set_get_h(s, LOW(d, t), t->lolen, t->h) >= 0;
}

/* A role word, or a German compound ending in one ("Bundeskanzlerin", "Innenminister"). */
bool ta_is_role(const ta_doc *d, const ta_tok *t)
{
	if (t->kind != TK_WORD)
		return false;
	if (ta_in(&d->st->roles, d, t))
		return true;
	const char *lo = LOW(d, t);
	const char *dash = strrchr(lo, '-');
	if (dash && dash[1] && ta_set_get(&d->st->roles, dash + 1, strlen(dash + 1)) >= 0)
		return true; /* "US-Präsident" */
	if (!t->cap || t->lolen < 8)
		return false;
	for (size_t i = 0; i < d->st->n_role_lens; i++) {
		size_t rl = d->st->role_lens[i];
		if (rl + 3 <= t->lolen && ta_set_get(&d->st->roles, lo + t->lolen - rl, rl) >= 0)
			return true;
	}
	return false;
}

bool ta_name_tok(const ta_tok *t)
{
	return t->kind == TK_WORD && !t->inq && !t->digit && (t->cap || t->initial);
}

/* End of the capitalised run starting at i (exclusive); a possessive ends it. */
size_t ta_chunk_end(const ta_doc *d, const ta_para *P, size_t i, size_t lim)
{
	size_t j = i, last = i;
	while (j < lim) {
		const ta_tok *t = &P->t[j];
		if (ta_name_tok(t)) {
			j++;
			last = j;
			if (t->poss)
				break;
			continue;
		}
		if (j > i && t->kind == TK_WORD && !t->inq && ta_in(&d->st->particles, d, t) && j + 1 < lim &&
		    ta_name_tok(&P->t[j + 1]) && !(d->german && ta_in(&d->st->determiners, d, t))) {
			j++;
			continue;
		}
		break;
	}
	return last;
}

/* Start of the capitalised run ending at j (inclusive). */
size_t ta_chunk_start(const ta_doc *d, const ta_para *P, size_t j, size_t lim0)
{
	size_t s = j;
	while (s > lim0) {
		const ta_tok *t = &P->t[s - 1];
		if (ta_name_tok(t) && !t->poss) {
			s--;
			continue;
		}
		if (t->kind == TK_WORD && ta_in(&d->st->particles, d, t) && s - 1 > lim0 && ta_name_tok(&P->t[s - 2]) &&
		    !P->t[s - 2].poss) {
			s--;
			continue;
		}
		break;
	}
	return s;
}

/* "Vereinigungsministerium", "Lokalzeitung": a German compound ending with an organisation word. */
static bool ta_org_compound(const ta_doc *d, const ta_tok *t)
{
	if (!d->german || !t->cap || t->lolen < 9)
		return false;
	static const size_t lens[] = {6, 7, 8, 9, 10, 11};
	const char *lo = LOW(d, t);
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
		if (lens[i] + 3 <= t->lolen && ta_set_get(&d->st->orgwords, lo + t->lolen - lens[i], lens[i]) >= 0)
			return true;
	return false;
}

/* A German adjective's inflection ("offenen", "roten", "gemischten"), not a verb ("attackierte"). */
static bool ta_adjective_ending(const ta_doc *d, const ta_tok *t)
{
	const char *lo = LOW(d, t);
	size_t n = t->lolen;
	if (n < 4)
		return false;
	const char *e = lo + n - 2;
	return !memcmp(e, "en", 2) || !memcmp(e, "er", 2) || !memcmp(e, "es", 2) || !memcmp(e, "em", 2);
}

ta_chunk ta_classify(const ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	ta_chunk c = {NM_NONE, s, e, s, -1};
	while (c.s < c.e) {
		const ta_tok *t = &P->t[c.s];
		if (ta_is_role(d, t)) {
			c.role_at = (int)c.s;
			c.s++;
		} else if (ta_in(&d->st->notnames, d, t) || (ta_in(&d->st->particles, d, t) && !t->cap)) {
			c.s++;
		} else
			break;
	}
	if (c.s == c.e) {
		c.kind = c.role_at >= 0 ? NM_ROLE : NM_NONE;
		return c;
	}
	/* German nouns are capitalised: "Backstube von Karsten Wellbrock" -> "Karsten Wellbrock" */
	if (d->german)
		for (size_t i = c.s + 1; i + 2 < c.e; i++)
			if (!P->t[i].cap && ta_in(&d->st->particles, d, &P->t[i])) {
				c.s = i + 1;
				break;
			}
	/* a role inside the run: "Springfield Mayor Michael Harlow" -> "Michael Harlow" */
	for (size_t i = c.e - 1; i > c.s; i--) {
		if (ta_is_role(d, &P->t[i - 1]) && P->t[i - 1].cap && !P->t[i - 1].initial) {
			c.role_at = (int)(i - 1);
			c.s = i;
			break;
		}
	}
	/* trailing openers are not names either ("Salami Thursday") */
	while (c.e > c.s + 1 && ta_in(&d->st->notnames, d, &P->t[c.e - 1]))
		c.e--;
	size_t caps = 0;
	for (size_t i = c.s; i < c.e; i++) {
		const ta_tok *t = &P->t[i];
		if (ta_in(&d->st->orgwords, d, t) || ta_org_compound(d, t)) {
			c.kind = NM_ORG;
			return c;
		}
		if (t->allcaps)
			caps++;
	}
	/* an outlet's name */
	if (c.e - c.s <= 4) {
		char key[256];
		size_t k = 0;
		for (size_t i = c.s; i < c.e && k + P->t[i].lolen + 1 < sizeof key; i++) {
			if (k)
				key[k++] = ' ';
			memcpy(key + k, LOW(d, &P->t[i]), P->t[i].lolen);
			k += P->t[i].lolen;
		}
		if (ta_set_get(&d->st->outlets, key, k) >= 0) {
			c.kind = NM_ORG;
			return c;
		}
	}
	if (caps == c.e - c.s) {
		c.kind = NM_ORG; /* IRGC, US, NATO */
		return c;
	}
	/* post-nominal letters: "Neil Ashdown QC", "Jane Roe MP" */
	while (c.e - c.s >= 3 && P->t[c.e - 1].allcaps && P->t[c.e - 1].lolen <= 3)
		c.e--;
	c.kind = c.e - c.s >= 2 ? NM_PERSON : NM_SINGLE;
	if (c.kind == NM_PERSON) {
		/* "the Supreme Court", "Der Hafen Hamburgs": a thing, not a person */
		const ta_tok *before = c.s0 > 0 ? &P->t[c.s0 - 1] : NULL;
		if (c.role_at < 0 && (ta_in(&d->st->determiners, d, &P->t[c.s0]) || (before && !before->cap && ta_in(&d->st->determiners, d, before))))
			c.kind = NM_NONE;
		/* "2 Millionen Euro", "65 Grad Celsius": quantities */
		else if (before && before->digit)
			c.kind = NM_NONE;
		/* German: "der alten Mauer Spuren" — an adjective before the run */
		else if (d->german && before && before->kind == TK_WORD && !before->cap && ta_adjective_ending(d, before) &&
		         !ta_in(&d->st->verbs, d, before) &&
		         !ta_in(&d->st->preps, d, before) && !ta_in(&d->st->particles, d, before) && !ta_in(&d->st->notnames, d, before) &&
		         !ta_is_role(d, before) && !ta_in(&d->st->cues, d, before))
			c.kind = NM_NONE;
		/* "Attorney for the District of Oregon Joshua Kerrigan": the place before the name */
		else if (c.e - c.s >= 3 && c.s == c.s0 && before && !before->cap && ta_in(&d->st->preps, d, before))
			c.s++;
	}
	if (c.kind == NM_PERSON && c.e - c.s > 5)
		c.kind = NM_NONE; /* a title or a list of names, not one person */
	return c;
}

char *ta_span_text(const ta_para *P, size_t s, size_t e)
{
	if (s >= e)
		return galley_strdup("");
	return galley_strndup(P->text + P->t[s].b0, P->t[e - 1].nb1 - P->t[s].b0);
}

char *ta_span_low(const ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	galley_buf b = {0};
	for (size_t i = s; i < e; i++) {
		if (i > s)
			galley_buf_putc(&b, ' ');
		galley_buf_append(&b, LOW(d, &P->t[i]), P->t[i].lolen);
	}
	galley_buf_putc(&b, 0);
	return galley_buf_steal(&b);
}

/* Does person name `plow` end with the words of `low` ("hossein salami" / "salami")? */
static bool ta_name_ends(const char *plow, const char *low)
{
	size_t pl = strlen(plow), l = strlen(low);
	if (l > pl)
		return false;
	if (memcmp(plow + pl - l, low, l))
		return false;
	return l == pl || plow[pl - l - 1] == ' ';
}

/* The fullest known person whose name ends with low, or -1. */
int ta_person_find(const ta_doc *d, const char *low)
{
	int best = -1;
	size_t bl = 0;
	const char *sp = strrchr(low, ' ');
	const char *sur = sp ? sp + 1 : low;
	for (int i = ta_set_get(&d->surnames, sur, strlen(sur)); i >= 0; i = d->pnext[i]) {
		if (ta_name_ends(d->pers[i].low, low)) {
			size_t l = strlen(d->pers[i].low);
			if (l >= bl) {
				bl = l;
				best = i;
			}
		}
	}
	return best;
}

static void ta_person_add_role(ta_person *p, const char *role)
{
	size_t rl = strlen(role);
	char pat[96];
	if (rl + 3 > sizeof pat)
		return;
	snprintf(pat, sizeof pat, " %s ", role);
	if (p->roles && strstr(p->roles, pat))
		return;
	if (!p->roles)
		p->roles = galley_strdup(" ");
	size_t ol = strlen(p->roles);
	p->roles = galley_realloc(p->roles, ol + rl + 2);
	memcpy(p->roles + ol, role, rl);
	p->roles[ol + rl] = ' ';
	p->roles[ol + rl + 1] = 0;
}

static int ta_person_add(ta_doc *d, const ta_para *P, size_t s, size_t e)
{
	char *low = ta_span_low(d, P, s, e);
	const char *sp = strrchr(low, ' ');
	const char *sur = sp ? sp + 1 : low;
	int head = ta_set_get(&d->surnames, sur, strlen(sur));
	/* the same name, or the same surname as someone named in full before: in news, the same
	 * person ("Dirk Hollerbach" ... "Chef de Mission Hollerbach") */
	int first = -1;
	for (int i = head; i >= 0; i = d->pnext[i]) {
		if (!strcmp(d->pers[i].low, low)) {
			free(low);
			return i;
		}
		if (strlen(d->pers[i].low) > strlen(sur))
			first = i; /* the list runs from the newest: keep the oldest */
	}
	if (first >= 0) {
		free(low);
		return first;
	}
	if (d->npers == d->cpers) {
		d->cpers = d->cpers ? d->cpers * 2 : 16;
		d->pers = galley_realloc(d->pers, d->cpers * sizeof *d->pers);
		d->pnext = galley_realloc(d->pnext, d->cpers * sizeof *d->pnext);
	}
	d->pers[d->npers] = (ta_person){ta_span_text(P, s, e), low, NULL};
	d->pnext[d->npers] = head;
	ta_set_put(&d->surnames, sur, strlen(sur), (int)d->npers);
	return (int)d->npers++;
}

/* Role words near a name: stripped from its front, in the words before it in the same sentence
 * ("the commander of the IRGC Hossein Salami"), and in an apposition after it ("Salami, the
 * commander of ..."). */
static void ta_collect_roles(ta_doc *d, const ta_para *P, ta_chunk c, int person)
{
	ta_person *pp = &d->pers[person];
	for (size_t i = c.s0; i < c.s; i++)
		if (ta_is_role(d, &P->t[i]))
			ta_person_add_role(pp, LOW(d, &P->t[i]));
	size_t n = 0;
	for (size_t i = c.s0; i > 0 && n < 10; n++) {
		i--;
		const ta_tok *t = &P->t[i];
		if (t->sent_end || t->kind == TK_QUOTE || ta_in(&d->st->verbs, d, t))
			break;
		if (!t->cap && ta_is_role(d, t))
			ta_person_add_role(pp, LOW(d, t));
	}
	if (c.e < P->nt && ta_punct_is(&P->t[c.e], ',')) {
		n = 0;
		for (size_t i = c.e + 1; i < P->nt && n < 6; i++, n++) {
			const ta_tok *t = &P->t[i];
			if (t->kind != TK_WORD)
				break;
			if (ta_is_role(d, t))
				ta_person_add_role(pp, LOW(d, t));
		}
	}
}

static void ta_add_mention(ta_doc *d, int para, size_t tok, int person)
{
	if (d->nmen == d->cmen) {
		d->cmen = d->cmen ? d->cmen * 2 : 32;
		d->men = galley_realloc(d->men, d->cmen * sizeof *d->men);
	}
	d->men[d->nmen++] = (ta_mention){para, tok, person};
}

/* Two passes over the text outside quotations: people named in full, then every mention of
 * them (full or by surname) in order. */
void ta_collect_people(ta_doc *d)
{
	ta_cached *cache = NULL;
	size_t ncache = 0, ccache = 0, at = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t pi = 0; pi < d->np; pi++) {
			ta_para *P = &d->p[pi];
			/* a photo credit names the photographer, not someone who speaks */
			bool credit = false;
			for (size_t i = 0; i < P->nt && i < 8 && !credit; i++)
				credit = ta_in(&d->st->photowords, d, &P->t[i]) || (P->t[i].kind == TK_PUNCT && P->t[i].mark == 0xA9);
			if (credit)
				continue;
			for (size_t i = 0; i < P->nt;) {
				{
					const ta_tok *t = &P->t[i];
					/* "Un élu s'est souvenu ...", "A spokesperson for NCRB said": someone
					 * unnamed becomes the last person mentioned; a pronoun after it is nobody */
					if (pass == 1 && t->kind == TK_WORD && !t->inq && ta_in(&d->st->indefinites, d, t)) {
						size_t b = i;
						if (b > 0 && P->t[b - 1].kind == TK_WORD && P->t[b - 1].cap && ta_in(&d->st->notnames, d, &P->t[b - 1]))
							b--; /* "But a spokesperson" */
						bool start = b == 0 || P->t[b - 1].sent_end || ta_in(&d->st->verbs, d, &P->t[b - 1]);
						if (start && i + 1 < P->nt && P->t[i + 1].kind == TK_WORD)
							ta_add_mention(d, (int)pi, i, -1);
					}
				}
				if (!ta_name_tok(&P->t[i])) {
					const ta_tok *t = &P->t[i];
					/* "the former mayor": a mention of the last person with that role */
					if (pass == 1 && t->kind == TK_WORD && !t->inq && !t->cap && i > 0 && ta_is_role(d, t) &&
					    (ta_in(&d->st->notnames, d, &P->t[i - 1]) || (i > 1 && ta_in(&d->st->notnames, d, &P->t[i - 2])))) {
						int id = ta_last_person(d, (int)pi, i, LOW(d, t));
						if (id >= 0)
							ta_add_mention(d, (int)pi, i, id);
					}
					i++;
					continue;
				}
				size_t e;
				ta_chunk c;
				bool skip;
				if (pass == 1 && at < ncache && cache[at].pi == pi && cache[at].i == i) {
					e = cache[at].e;
					c = cache[at].c;
					skip = cache[at].skip;
					at++;
				} else {
					e = ta_chunk_end(d, P, i, P->nt);
					c = ta_classify(d, P, i, e);
					/* "in the Santa Fe debate", "from New York": places */
					size_t b = i;
					if (b > 0 && ta_in(&d->st->notnames, d, &P->t[b - 1]) && !P->t[b - 1].cap)
						b--;
					skip = b > 0 && ta_in(&d->st->placepreps, d, &P->t[b - 1]) && !P->t[b - 1].cap;
					if (pass == 0) {
						if (ncache == ccache) {
							ccache = ccache ? ccache * 2 : 64;
							cache = galley_realloc(cache, ccache * sizeof *cache);
						}
						cache[ncache++] = (ta_cached){pi, i, e, c, skip};
					}
				}
				if (skip) {
					i = e > i ? e : i + 1;
					continue;
				}
				bool by_verb = c.kind == NM_SINGLE && ((e < P->nt && ta_in(&d->st->verbs, d, &P->t[e])) ||
				                                       (c.s > 0 && ta_in(&d->st->verbs, d, &P->t[c.s - 1])));
				if ((c.kind == NM_PERSON || by_verb) && pass == 0) {
					/* a single name next to a speech verb is a person too: "glisse Inès" */
					char *low = by_verb ? ta_span_low(d, P, c.s, c.e) : NULL;
					bool known = low && ta_person_find(d, low) >= 0;
					free(low);
					if (!known) {
						int id = ta_person_add(d, P, c.s, c.e);
						ta_collect_roles(d, P, c, id);
					}
				} else if ((c.kind == NM_PERSON || c.kind == NM_SINGLE) && pass == 1) {
					char *low = ta_span_low(d, P, c.s, c.e);
					int id = ta_person_find(d, low);
					free(low);
					if (id >= 0)
						ta_add_mention(d, (int)pi, c.s, id);
				}
				i = e > i ? e : i + 1;
			}
		}
	}
	free(cache);
}

/* The last person mentioned before (para, tok); with role, the last one holding that role. */
int ta_last_person(const ta_doc *d, int para, size_t tok, const char *role)
{
	char pat[96];
	if (role)
		snprintf(pat, sizeof pat, " %s ", role);
	/* mentions are in document order: start from the last one before (para, tok) */
	size_t lo = 0, hi = d->nmen;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const ta_mention *m = &d->men[mid];
		if (m->para < para || (m->para == para && m->tok < tok))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t steps = 0;
	for (size_t k = lo; k > 0 && steps < 4096; k--, steps++) {
		const ta_mention *m = &d->men[k - 1];
		if (m->para > para || (m->para == para && m->tok >= tok))
			continue;
		if (m->person < 0) {
			if (role)
				continue;
			return -1; /* someone unnamed was the last one mentioned */
		}
		if (role) {
			const char *r = d->pers[m->person].roles;
			if (!r || !strstr(r, pat))
				continue;
		}
		return m->person;
	}
	return -1;
}
