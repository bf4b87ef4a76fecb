/* speaker_rules.c — who said each quotation (see speaker_rules.h).  The rules, in the order
 * sr_choose_one tries them:
 *
 *   pronoun-after / pronoun-before   a pronoun is the cue's subject ("…,” he said", "She said
 *                                    “…"): the best-scored earlier entity of its gender
 *   cue-after / cue-before /         the name the tagger's cue finder gave, when it is a person,
 *   cue-inside / cue-previous-sentence / cue-continues   organisation or outlet named in the text
 *   anonymous                        the cue names nobody ("a source said", "one delegate said")
 *   not-listener                     the cue's name is the one told or asked: the sentence's
 *                                    subject is the speaker
 *   continues-paragraph              no cue; an earlier quote of the same paragraph has a speaker
 *   colon-introduction               no cue; the paragraph before ends with a colon after a subject
 *   continues-previous-paragraph     no cue; the quote opens its paragraph and the previous
 *                                    paragraph's last quote has a speaker
 *   sentence-subject                 no cue next to the marks; the quote's sentence has a subject
 *                                    and a speech verb before it ("Roe called the plan “…”")
 *   none                             nothing says who */
#include "speaker_rules.h"

#include <galley/text.h>
#include <stdlib.h>
#include <string.h>

/* Pronoun resolution looks back this many paragraphs. */
#define SR_PRONOUN_MAX_PARAS 3
/* Scores of a candidate for a pronoun: where it stands, whether it spoke last, how far back. */
#define SR_SCORE_SUBJECT 40
#define SR_SCORE_OTHER 10
#define SR_SCORE_POSSESSOR 5
#define SR_SCORE_LAST_SPEAKER 10
#define SR_SCORE_SAME_PARA 15
#define SR_PENALTY_PER_PARA 12
/* ... a person whose gender the text shows and agrees with the pronoun is likelier than one of
 * unknown gender; a single capitalised word never given a full name, nor a given name, is
 * often no person at all ("Example movies", a sentence-initial word). */
#define SR_SCORE_KNOWN_GENDER 10
#define SR_PENALTY_BARE_WORD 15
/* A pronoun cue after a closing mark: the pronoun and its verb within this many words. */
#define SR_AFTER_CUE_WORDS 3
/* A pronoun opens its sentence past at most this many opening words ("But then he said"). */
#define SR_PRONOUN_LEAD_WORDS 2
/* An anonymous word counts within this many words after the closing mark. */
#define SR_ANONYMOUS_WINDOW 6
/* A name after the closing mark is the cue's when it starts within this many tokens of it. */
#define SR_NAME_AFTER_MAX_GAP 3
/* A name follows its speech verb within this many tokens ("said former governor Jane Roe"). */
#define SR_VERB_NAME_GAP 4
/* A quote continues the previous paragraph's speaker only if that quote ended this close to
 * its paragraph's end (in tokens). */
#define SR_CONTINUE_TAIL_TOKENS 12

const char *sr_kind_name(dc_kind k)
{
	switch (k) {
	case DC_KIND_ORGANISATION:
		return "organisation";
	case DC_KIND_OUTLET:
		return "outlet";
	case DC_KIND_PLACE:
		return "place";
	case DC_KIND_PERSON:
	default:
		return "person";
	}
}

void sr_quote_clear(sr_quote *q)
{
	free(q->speaker);
	q->speaker = NULL;
}

#define LOWT(m, t) dc_low((m), (t))
#define IS(m, c, t) dc_tok_is((t), (c))

typedef enum sr_pronoun { SR_PRON_NONE, SR_PRON_MALE, SR_PRON_FEMALE, SR_PRON_GROUP } sr_pronoun;

static sr_pronoun sr_pronoun_of(const dc_model *m, const dc_tok *t)
{
	if (IS(m, DC_PRONOUN_MALE, t))
		return SR_PRON_MALE;
	if (IS(m, DC_PRONOUN_FEMALE, t))
		return SR_PRON_FEMALE;
	if (IS(m, DC_PRONOUN_GROUP, t))
		return SR_PRON_GROUP;
	return SR_PRON_NONE;
}

static bool sr_verb(const dc_model *m, const dc_tok *t)
{
	return IS(m, DC_SPEECH_VERB, t) || IS(m, DC_LISTENER_CUE, t);
}

/* "…,” he said" / "…,” said she" / "…,” he later added": the pronoun of the cue after the mark. */
static sr_pronoun sr_pronoun_after(const dc_model *m, int pi, size_t close)
{
	const dc_para *P = &m->p[pi];
	size_t i = dc_tok_at(m, pi, close);
	while (i < P->nt && P->t[i].kind != DC_TOK_WORD && !(P->t[i].flags & DC_SENT_END))
		i++;
	size_t words = 0;
	sr_pronoun pr = SR_PRON_NONE;
	bool verb = false;
	for (; i < P->nt && words < SR_AFTER_CUE_WORDS; i++) {
		const dc_tok *t = &P->t[i];
		if (t->kind != DC_TOK_WORD)
			break;
		if (words == 0 && (t->flags & DC_SENT_START) && !(t->flags & DC_CAP))
			break;
		sr_pronoun p = sr_pronoun_of(m, t);
		if (p != SR_PRON_NONE && pr == SR_PRON_NONE && (words == 0 || verb))
			pr = p;
		else if (sr_verb(m, t))
			verb = true;
		else if (t->flags & DC_CAP)
			return SR_PRON_NONE; /* a name in the cue */
		words++;
		if (pr != SR_PRON_NONE && verb)
			return pr;
	}
	return SR_PRON_NONE;
}

/* The start of the sentence holding token i, and the first word of it past openers ("But"). */
static size_t sr_sentence_start(const dc_para *P, size_t i)
{
	while (i > 0 && !(P->t[i].flags & DC_SENT_START))
		i--;
	return i;
}

/* "He said: “…" / "She told reporters that “…": a pronoun opening the quote's sentence, with a
 * speech verb between it and the mark and no name. */
static sr_pronoun sr_pronoun_before(const dc_model *m, int pi, size_t open, bool need_verb)
{
	const dc_para *P = &m->p[pi];
	size_t o = dc_tok_at(m, pi, open);
	if (o >= P->nt)
		return SR_PRON_NONE;
	size_t s = sr_sentence_start(P, o), lead = 0;
	/* past openers ("But", "Instead", "Later,") */
	while (s < o && lead < SR_PRONOUN_LEAD_WORDS && sr_pronoun_of(m, &P->t[s]) == SR_PRON_NONE &&
	       (P->t[s].kind == DC_TOK_PUNCT || IS(m, DC_NOT_NAME, &P->t[s]) ||
	        (P->t[s].kind == DC_TOK_WORD && !sr_verb(m, &P->t[s]) && lead == 0))) {
		lead += P->t[s].kind == DC_TOK_WORD;
		s++;
	}
	if (s >= o)
		return SR_PRON_NONE;
	sr_pronoun pr = sr_pronoun_of(m, &P->t[s]);
	if (pr == SR_PRON_NONE)
		return SR_PRON_NONE;
	for (size_t i = s + 1; i < o; i++) {
		if (P->t[i].kind == DC_TOK_MARK || (P->t[i].flags & DC_IN_QUOTE))
			return SR_PRON_NONE;
		if (sr_verb(m, &P->t[i]))
			return pr;
		if (P->t[i].kind == DC_TOK_WORD && (P->t[i].flags & DC_CAP))
			return SR_PRON_NONE;
	}
	return need_verb ? SR_PRON_NONE : pr;
}

/* "Asked about it, he said, “…" / "…, she told reporters: “…": a pronoun and its speech verb
 * in the quote's sentence before the mark, with no name after them. */
static sr_pronoun sr_pronoun_verb_before(const dc_model *m, int pi, size_t open)
{
	const dc_para *P = &m->p[pi];
	size_t o = dc_tok_at(m, pi, open);
	if (o >= P->nt || o == 0)
		return SR_PRON_NONE;
	size_t s = sr_sentence_start(P, o);
	for (size_t i = o; i-- > s + 1;) {
		const dc_tok *t = &P->t[i];
		if (t->kind == DC_TOK_MARK || (t->flags & DC_IN_QUOTE))
			return SR_PRON_NONE;
		if (t->kind == DC_TOK_WORD && (t->flags & DC_CAP))
			return SR_PRON_NONE;
		if (sr_verb(m, t)) {
			sr_pronoun pr = sr_pronoun_of(m, &P->t[i - 1]);
			if (pr != SR_PRON_NONE)
				return pr;
		}
	}
	return SR_PRON_NONE;
}

/* A sentence opened by an unnamed description ("A spokesman for the council said", "One
 * official told") in this paragraph or the previous one, after the last mention of entity e
 * (any entity when e is -1): the pronoun of the quote's cue stands for that nobody. */
static bool sr_anonymous_antecedent(const dc_model *m, int pi, size_t tok, int e)
{
	for (int p = pi; p >= 0 && p >= pi - 1; p--) {
		const dc_para *P = &m->p[p];
		size_t end = p == pi ? (tok < P->nt ? tok : P->nt) : P->nt;
		for (size_t i = end; i-- > 0;) {
			const dc_tok *t = &P->t[i];
			if (t->flags & DC_IN_QUOTE)
				continue;
			bool opens = (t->flags & DC_SENT_START) ||
			             (i > 0 && (P->t[i - 1].flags & DC_SENT_START) && IS(m, DC_NOT_NAME, &P->t[i - 1]));
			if (opens && IS(m, DC_INDEFINITE, t)) {
				for (size_t j = i + 1; j < P->nt && j <= i + 3; j++)
					if (IS(m, DC_ANONYMOUS, &P->t[j]) || IS(m, DC_ROLE, &P->t[j]))
						return true;
			}
			if (e >= 0) {
				size_t k = dc_mention_at(m, p, i);
				if (k < m->nmen && m->men[k].para == p && m->men[k].t0 == i && m->men[k].entity == e)
					return false; /* the entity is named after it */
			} else if (t->kind == DC_TOK_WORD && (t->flags & DC_CAP) && !(t->flags & DC_SENT_START)) {
				return false;
			}
		}
	}
	return false;
}

static bool sr_fits(const dc_entity *e, sr_pronoun pr)
{
	if (pr == SR_PRON_GROUP)
		return e->kind == DC_KIND_ORGANISATION || e->kind == DC_KIND_OUTLET;
	if (e->kind != DC_KIND_PERSON)
		return false;
	if (e->gender == DC_GENDER_UNKNOWN)
		return true;
	return (pr == SR_PRON_MALE) == (e->gender == DC_GENDER_MALE);
}

/* How well a person fits "he" or "she" beyond sr_fits: the gender shown, a bare word (not asked
 * of the last speaker, whose words say they are someone). */
static int sr_pronoun_fit_score(const dc_entity *e, sr_pronoun pr)
{
	if (pr == SR_PRON_GROUP || e->kind != DC_KIND_PERSON)
		return 0;
	if (e->gender != DC_GENDER_UNKNOWN)
		return SR_SCORE_KNOWN_GENDER;
	return strchr(e->name, ' ') ? 0 : -SR_PENALTY_BARE_WORD;
}

/* The earlier entity a pronoun stands for: the best score among the mentions of the last few
 * paragraphs and the last quote's speaker; -1 when none fits. */
static int sr_resolve(const dc_model *m, int pi, size_t tok, sr_pronoun pr, int last_speaker,
                      int last_speaker_para)
{
	int best = -1, best_score = -1000000;
	for (size_t k = dc_mention_at(m, pi, tok); k-- > 0;) {
		const dc_mention *x = &m->men[k];
		if (x->para < pi - SR_PRONOUN_MAX_PARAS)
			break;
		const dc_entity *e = &m->ent[x->entity];
		if (x->role == DC_ROLE_LISTENER || !sr_fits(e, pr))
			continue;
		int sc = x->role == DC_ROLE_SUBJECT ? SR_SCORE_SUBJECT
		         : x->role == DC_ROLE_POSSESSOR ? SR_SCORE_POSSESSOR
		                                        : SR_SCORE_OTHER;
		sc -= SR_PENALTY_PER_PARA * (pi - x->para);
		if (x->entity != last_speaker)
			sc += sr_pronoun_fit_score(e, pr);
		if (x->para == pi)
			sc += SR_SCORE_SAME_PARA;
		if (x->entity == last_speaker)
			sc += SR_SCORE_LAST_SPEAKER;
		if (sc > best_score) { /* ties: the later mention, met first */
			best_score = sc;
			best = x->entity;
		}
	}
	if (last_speaker >= 0 && last_speaker_para >= pi - SR_PRONOUN_MAX_PARAS &&
	    sr_fits(&m->ent[last_speaker], pr)) {
		int sc = SR_SCORE_LAST_SPEAKER + SR_SCORE_OTHER - SR_PENALTY_PER_PARA * (pi - last_speaker_para);
		if (sc > best_score)
			best = last_speaker;
	}
	return best;
}

/* The entity a finder's name stands for: its own, or the one whose full name ends it ("Why Jane
 * Roe" out of a headline is Jane Roe); -1 for a word that names nobody. */
static int sr_found_entity(const dc_model *m, const char *found)
{
	int e = dc_entity_find(m, found);
	if (e >= 0)
		return e;
	size_t n = strlen(found);
	int best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < m->nent; i++) {
		size_t k = strlen(m->ent[i].name);
		if (k < n && k > best_len && found[n - k - 1] == ' ' && !strcmp(found + n - k, m->ent[i].name)) {
			best = (int)i;
			best_len = k;
		}
	}
	return best;
}

/* The mention of entity e nearest before token tok in its sentence (or after it, for a cue
 * after the quote); NULL when none. */
static const dc_mention *sr_mention_near(const dc_model *m, int pi, size_t lo, size_t hi, int e)
{
	for (size_t k = dc_mention_at(m, pi, lo); k < m->nmen && m->men[k].para == pi && m->men[k].t0 < hi; k++)
		if (m->men[k].entity == e)
			return &m->men[k];
	return NULL;
}

/* The subject of the sentence holding token tok, before it, with a speech verb between the two;
 * -1 when none. */
static int sr_sentence_subject(const dc_model *m, int pi, size_t tok, bool need_verb)
{
	const dc_para *P = &m->p[pi];
	if (tok >= P->nt || P->headline)
		return -1;
	size_t s = sr_sentence_start(P, tok);
	for (size_t k = dc_mention_at(m, pi, s); k < m->nmen && m->men[k].para == pi && m->men[k].t0 < tok; k++) {
		const dc_mention *x = &m->men[k];
		if (x->role != DC_ROLE_SUBJECT)
			continue;
		if (m->ent[x->entity].kind == DC_KIND_PLACE)
			return -1;
		if (!need_verb)
			return x->entity;
		for (size_t i = x->t1; i < tok; i++)
			if (IS(m, DC_SPEECH_VERB, &P->t[i]))
				return x->entity;
		return -1;
	}
	return -1;
}

/* "…,” said one delegate" / "a source told": the finder's name comes after an indefinite word. */
static bool sr_anonymous_cue(const dc_model *m, const sr_quote *q)
{
	const dc_para *P = &m->p[q->last_para];
	size_t i = dc_tok_at(m, q->last_para, q->close);
	for (size_t w = 0; i < P->nt && w < SR_AFTER_CUE_WORDS + 1; i++) {
		const dc_tok *t = &P->t[i];
		if (t->kind != DC_TOK_WORD)
			continue;
		if (IS(m, DC_INDEFINITE, t) && i + 1 < P->nt && (P->t[i + 1].flags & DC_CAP))
			return true;
		if (!sr_verb(m, t))
			return false;
		w++;
	}
	return false;
}

/* The cue says nobody: an anonymous word ("officials said", "a source told", "said a person
 * familiar with") right after the closing mark or in the quote's sentence before it. */
static bool sr_anonymous_words(const dc_model *m, const sr_quote *q)
{
	const dc_para *P = &m->p[q->last_para];
	size_t c = dc_tok_at(m, q->last_para, q->close);
	for (size_t i = c, w = 0; i < P->nt && w < SR_ANONYMOUS_WINDOW && !(P->t[i].flags & DC_SENT_END); i++) {
		if (P->t[i].kind != DC_TOK_WORD)
			continue;
		if (IS(m, DC_ANONYMOUS, &P->t[i]))
			return true;
		w++;
	}
	const dc_para *F = &m->p[q->para];
	size_t o = dc_tok_at(m, q->para, q->open);
	size_t s = sr_sentence_start(F, o < F->nt ? o : (F->nt ? F->nt - 1 : 0));
	for (size_t i = s; i < o && i < F->nt; i++)
		if (IS(m, DC_ANONYMOUS, &F->t[i]) && !(F->t[i].flags & DC_IN_QUOTE))
			return true;
	return false;
}

static void sr_set(const dc_model *m, sr_quote *q, int e, const char *rule)
{
	free(q->speaker);
	q->speaker = e >= 0 ? galley_strdup(m->ent[e].name) : NULL;
	q->kind = e >= 0 ? m->ent[e].kind : DC_KIND_PERSON;
	q->rule = rule;
}

static const char *const sr_found_rule[] = {
	[SR_FOUND_NONE] = "none",
	[SR_FOUND_AFTER] = "cue-after",
	[SR_FOUND_BEFORE] = "cue-before",
	[SR_FOUND_INSIDE] = "cue-inside",
	[SR_FOUND_PREVIOUS_SENTENCE] = "cue-previous-sentence",
	[SR_FOUND_CONTINUES] = "cue-continues",
};

/* "…,” Jane Roe (R-Ill.), who chairs the panel, said": a person named right after the closing
 * mark, with a speech verb later in the sentence. */
static bool sr_speaker_mention(const dc_model *m, const dc_mention *x)
{
	return m->ent[x->entity].kind != DC_KIND_PLACE && x->role != DC_ROLE_POSSESSOR &&
	       x->role != DC_ROLE_LISTENER;
}

/* Among the mentions from k on that start before token lim in k's paragraph, the first with a
 * full name (first and last), else k's. */
static int sr_fullest_near(const dc_model *m, size_t k, size_t lim)
{
	for (size_t j = k; j < m->nmen && m->men[j].para == m->men[k].para && m->men[j].t0 < lim; j++)
		if (sr_speaker_mention(m, &m->men[j]) && strchr(m->ent[m->men[j].entity].name, ' '))
			return m->men[j].entity;
	return m->men[k].entity;
}

/* The speaker a cue after the closing mark names: "…,” Jane Roe said", "…,” Roe, who chairs
 * the panel, said", or "…,” said pollster Jane Roe" (a name within a few tokens after a speech
 * verb that follows the mark); -1 when none.  strength is 2 for a name after its verb, else 1. */
static int sr_name_after_scored(const dc_model *m, const sr_quote *q, int *strength)
{
	const dc_para *P = &m->p[q->last_para];
	size_t c = dc_tok_at(m, q->last_para, q->close);
	*strength = 0;
	while (c < P->nt && P->t[c].kind == DC_TOK_PUNCT && P->t[c].cp == ',')
		c++;
	if (c >= P->nt || (P->t[c].flags & DC_SENT_START && !(P->t[c].flags & DC_CAP)))
		return -1;
	size_t k = dc_mention_at(m, q->last_para, c);
	bool here = k < m->nmen && m->men[k].para == q->last_para;
	if (here && m->men[k].t0 <= c + 1 && sr_speaker_mention(m, &m->men[k])) {
		/* a name first: its verb later in the sentence */
		for (size_t i = m->men[k].t1; i < P->nt && !(P->t[i].flags & DC_SENT_END); i++) {
			if (P->t[i].kind == DC_TOK_MARK)
				break;
			if (IS(m, DC_SPEECH_VERB, &P->t[i])) {
				*strength = 1;
				return m->men[k].entity;
			}
		}
	}
	for (size_t i = c; i < c + 2 && i < P->nt; i++)
		if (IS(m, DC_SPEECH_VERB, &P->t[i])) {
			/* a verb first: the name after it */
			for (; k < m->nmen && m->men[k].para == q->last_para && m->men[k].t0 <= i + SR_VERB_NAME_GAP; k++)
				if (m->men[k].t0 > i && sr_speaker_mention(m, &m->men[k])) {
					*strength = 2;
					return sr_fullest_near(m, k, i + 1 + SR_VERB_NAME_GAP);
				}
			break;
		}
	return -1;
}

static int sr_name_after(const dc_model *m, const sr_quote *q)
{
	int strength;
	return sr_name_after_scored(m, q, &strength);
}

/* "“…?” Jane Roe pressed.": a name right after the closing mark, then one word and the
 * sentence's end, whatever the verb. */
static int sr_name_right_after(const dc_model *m, const sr_quote *q)
{
	const dc_para *P = &m->p[q->last_para];
	size_t c = dc_tok_at(m, q->last_para, q->close);
	while (c < P->nt && P->t[c].kind == DC_TOK_PUNCT && P->t[c].cp == ',')
		c++;
	size_t k = dc_mention_at(m, q->last_para, c);
	if (k >= m->nmen || m->men[k].para != q->last_para || m->men[k].t0 != c ||
	    !sr_speaker_mention(m, &m->men[k]))
		return -1;
	size_t i = m->men[k].t1;
	if (i < P->nt && P->t[i].kind == DC_TOK_WORD && !(P->t[i].flags & DC_CAP))
		i++;
	if (i < P->nt && !(P->t[i].flags & DC_SENT_END) && P->t[i].kind != DC_TOK_MARK)
		return -1;
	return m->men[k].entity;
}

/* Whether entity e is named in the sentence after the quote's closing mark: a finder's name that
 * is not there (a title it resolved to someone else) yields to the name the model sees. */
static bool sr_named_in_cue(const dc_model *m, const sr_quote *q, int e)
{
	const dc_para *P = &m->p[q->last_para];
	size_t c = dc_tok_at(m, q->last_para, q->close), end = c;
	while (end < P->nt && !(P->t[end].flags & DC_SENT_END))
		end++;
	return sr_mention_near(m, q->last_para, c, end, e) != NULL;
}

/* The finder's name, checked: true when the quote is decided. */
static bool sr_from_finder(const dc_model *m, sr_quote *q, const sr_quote *prev)
{
	if (q->found_by == SR_FOUND_NONE)
		return false;
	if (q->found_by == SR_FOUND_CONTINUES && prev) {
		/* “A,” she said. “B.”: the speaker the rules gave A */
		free(q->speaker);
		q->speaker = galley_strdup(prev->speaker);
		q->kind = prev->kind;
		q->rule = "cue-continues";
		return true;
	}
	if (!q->found) {
		if (!sr_anonymous_words(m, q))
			return false;
		sr_set(m, q, -1, "anonymous");
		return true;
	}
	if (q->found_by == SR_FOUND_AFTER && sr_anonymous_cue(m, q)) {
		sr_set(m, q, -1, "anonymous");
		return true;
	}
	int e = sr_found_entity(m, q->found);
	if (q->found_by == SR_FOUND_AFTER) {
		/* "said undecided voter Jane Roe": the model's full name after the mark wins over a
		 * single word the finder took */
		int strength;
		int after = sr_name_after_scored(m, q, &strength);
		if (after >= 0 && after != e && strchr(m->ent[after].name, ' ') &&
		    (e < 0 || !strchr(m->ent[e].name, ' ') || (strength == 2 && !sr_named_in_cue(m, q, e)))) {
			sr_set(m, q, after, "name-after");
			return true;
		}
	}
	if (e < 0 && q->found_by == SR_FOUND_AFTER) {
		int after = sr_name_after(m, q);
		if (after >= 0) {
			sr_set(m, q, after, "name-after");
			return true;
		}
	}
	if (e < 0) {
		/* a name the model does not know (a German noun phrase, an outlet in the alias table):
		 * the finder's word stands, unless it is a single role or opener */
		char low[64];
		size_t n = strlen(q->found);
		if (n < sizeof low && !strchr(q->found, ' ')) {
			for (size_t i = 0; i <= n; i++)
				low[i] = (q->found[i] >= 'A' && q->found[i] <= 'Z') ? (char)(q->found[i] + 32) : q->found[i];
			if (dc_word_is(m->v, DC_ROLE, low, n) || dc_word_is(m->v, DC_NOT_NAME, low, n) ||
			    dc_word_is(m->v, DC_ABBREVIATION, low, n))
				return false;
		}
		free(q->speaker);
		q->speaker = galley_strdup(q->found);
		q->kind = DC_KIND_PERSON;
		q->rule = sr_found_rule[q->found_by];
		return true;
	}
	if (m->ent[e].kind == DC_KIND_PLACE)
		return false;
	if (q->found_by == SR_FOUND_BEFORE) {
		size_t o = dc_tok_at(m, q->para, q->open);
		size_t s = sr_sentence_start(&m->p[q->para], o);
		const dc_mention *x = sr_mention_near(m, q->para, s, o, e);
		int subj = sr_sentence_subject(m, q->para, o, false);
		int said = sr_sentence_subject(m, q->para, o, true);
		if ((!x || x->role == DC_ROLE_OTHER || x->role == DC_ROLE_POSSESSOR) && said >= 0 && said != e &&
		    m->ent[said].kind == DC_KIND_PERSON) {
			/* "Roe said that Doe's plan was “…": the one who speaks, not the one spoken of */
			sr_set(m, q, said, "subject-not-object");
			return true;
		}
		if (x && x->role == DC_ROLE_LISTENER) {
			if (subj >= 0 && subj != e) {
				sr_set(m, q, subj, "not-listener");
				return true;
			}
			return false;
		}
	}
	sr_set(m, q, e, sr_found_rule[q->found_by]);
	return true;
}

static bool sr_ends_with_colon(const dc_para *P)
{
	return P->nt && P->t[P->nt - 1].kind == DC_TOK_PUNCT && P->t[P->nt - 1].cp == ':';
}

/* The rules for a quote with no cue: continuation and the sentence's subject. */
static bool sr_no_cue(const dc_model *m, sr_quote *q, const sr_quote *prev)
{
	const dc_para *P = &m->p[q->para];
	size_t o = dc_tok_at(m, q->para, q->open);
	int after = sr_name_after(m, q);
	if (after < 0)
		after = sr_name_right_after(m, q);
	if (after >= 0) {
		sr_set(m, q, after, "name-after");
		return true;
	}
	int subj = sr_sentence_subject(m, q->para, o, true);
	if (subj >= 0) {
		sr_set(m, q, subj, "sentence-subject");
		return true;
	}
	if (o > 0 && P->t[o - 1].kind == DC_TOK_PUNCT && P->t[o - 1].cp == ':') {
		size_t k = dc_mention_at(m, q->para, o);
		if (k > 0 && m->men[k - 1].para == q->para && m->men[k - 1].t1 == o - 1 &&
		    m->ent[m->men[k - 1].entity].kind != DC_KIND_PLACE) {
			sr_set(m, q, m->men[k - 1].entity, "colon-name"); /* "…, said pollster Jane Roe: “" */
			return true;
		}
		int e = sr_sentence_subject(m, q->para, o, false);
		if (e >= 0) {
			sr_set(m, q, e, "colon-subject");
			return true;
		}
	}
	if (prev && prev->speaker && prev->last_para == q->para) {
		free(q->speaker);
		q->speaker = galley_strdup(prev->speaker);
		q->kind = prev->kind;
		q->rule = "continues-paragraph";
		return true;
	}
	bool opens = o == 0;
	if (opens && q->para > 0 && sr_ends_with_colon(&m->p[q->para - 1])) {
		const dc_para *B = &m->p[q->para - 1];
		int e = sr_sentence_subject(m, q->para - 1, B->nt - 1, false);
		if (e >= 0) {
			sr_set(m, q, e, "colon-introduction");
			return true;
		}
	}
	if (opens && prev && prev->speaker && prev->last_para == q->para - 1) {
		const dc_para *B = &m->p[prev->last_para];
		size_t c = dc_tok_at(m, prev->last_para, prev->close);
		if (B->nt - (c < B->nt ? c : B->nt) <= SR_CONTINUE_TAIL_TOKENS) {
			free(q->speaker);
			q->speaker = galley_strdup(prev->speaker);
			q->kind = prev->kind;
			q->rule = "continues-previous-paragraph";
			return true;
		}
	}
	return false;
}

/* Nothing else says who: the subject of the quote's sentence, else the last speaker or subject of
 * the last paragraphs. */
static bool sr_fallback(const dc_model *m, sr_quote *q, int last_speaker, int last_para)
{
	size_t o = dc_tok_at(m, q->para, q->open);
	int e = sr_sentence_subject(m, q->para, o, false);
	if (e >= 0 && m->ent[e].kind != DC_KIND_PLACE) {
		sr_set(m, q, e, "fallback-subject");
		return true;
	}
	(void)last_speaker;
	(void)last_para;
	return false;
}

static void sr_choose_one(const dc_model *m, sr_quote *q, const sr_quote *prev, int last_speaker,
                          int last_speaker_para)
{
	q->rule = "none";
	if (q->para < 0 || (size_t)q->para >= m->np || q->last_para < q->para || (size_t)q->last_para >= m->np)
		return;
	sr_pronoun pr = SR_PRON_NONE;
	const char *rule = NULL;
	if (q->found_by == SR_FOUND_AFTER || q->found_by == SR_FOUND_NONE) {
		pr = sr_pronoun_after(m, q->last_para, q->close);
		rule = "pronoun-after";
	}
	if (pr == SR_PRON_NONE && (q->found_by == SR_FOUND_BEFORE || q->found_by == SR_FOUND_NONE)) {
		pr = sr_pronoun_before(m, q->para, q->open, true);
		if (pr == SR_PRON_NONE)
			pr = sr_pronoun_verb_before(m, q->para, q->open);
		rule = "pronoun-before";
	}
	if (pr != SR_PRON_NONE) {
		size_t o = dc_tok_at(m, q->para, q->open);
		int e = sr_resolve(m, q->para, o, pr, last_speaker, last_speaker_para);
		if (sr_anonymous_antecedent(m, q->para, o, e)) {
			sr_set(m, q, -1, "anonymous"); /* "A spokesman said … “…,” he said" */
			return;
		}
		if (e >= 0) {
			sr_set(m, q, e, rule);
			return;
		}
	}
	if (sr_from_finder(m, q, prev))
		return;
	if (sr_no_cue(m, q, prev))
		return;
	pr = sr_pronoun_before(m, q->para, q->open, false);
	if (pr != SR_PRON_NONE) {
		/* "She cited the plan as “…”": the pronoun opening the quote's sentence */
		int e = sr_resolve(m, q->para, dc_tok_at(m, q->para, q->open), pr, last_speaker, last_speaker_para);
		if (e >= 0) {
			sr_set(m, q, e, "pronoun-subject");
			return;
		}
	}
	if (sr_fallback(m, q, last_speaker, last_speaker_para))
		return;
	sr_set(m, q, -1, "none");
}

void sr_keep_finders(sr_quote *q, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(q[i].speaker);
		q[i].speaker = galley_strdup(q[i].found);
		q[i].kind = DC_KIND_PERSON;
		q[i].rule = q[i].found && !q[i].tentative ? sr_found_rule[q[i].found_by] : q[i].found_by ? "anonymous" : "none";
	}
}

/* continues-paragraph / continues-previous-paragraph for a quote without a cue (see sr_no_cue). */
static bool sr_continues(const dc_model *m, sr_quote *q, const sr_quote *prev)
{
	if (!prev || !prev->speaker || q->para < 0 || (size_t)q->para >= m->np)
		return false;
	const char *rule = NULL;
	if (prev->last_para == q->para) {
		rule = "continues-paragraph";
	} else if (prev->last_para == q->para - 1 && dc_tok_at(m, q->para, q->open) == 0) {
		const dc_para *B = &m->p[prev->last_para];
		size_t c = dc_tok_at(m, prev->last_para, prev->close);
		if (B->nt - (c < B->nt ? c : B->nt) <= SR_CONTINUE_TAIL_TOKENS)
			rule = "continues-previous-paragraph";
	}
	if (!rule)
		return false;
	free(q->speaker);
	q->speaker = galley_strdup(prev->speaker);
	q->kind = prev->kind;
	q->rule = rule;
	return true;
}

void sr_keep_finders_continued(const dc_model *m, sr_quote *q, size_t n)
{
	sr_keep_finders(q, n);
	const sr_quote *prev = NULL;
	for (size_t i = 0; i < n; i++) {
		if (q[i].found_by == SR_FOUND_NONE && !q[i].speaker)
			sr_continues(m, &q[i], prev);
		if (q[i].tentative && q[i].found_by == SR_FOUND_NONE)
			continue;
		prev = &q[i];
	}
}

bool sr_cue_rule(const char *rule)
{
	static const char *const cue_rules[] = {"cue-after", "cue-before", "cue-inside", "pronoun-after",
	                                        "pronoun-before", "name-after", "sentence-subject",
	                                        "subject-not-object", "not-listener", "colon-name",
	                                        "colon-subject"};
	for (size_t i = 0; rule && i < sizeof cue_rules / sizeof cue_rules[0]; i++)
		if (!strcmp(rule, cue_rules[i]))
			return true;
	return false;
}

void sr_choose(const dc_model *m, sr_quote *q, size_t n)
{
	int last_speaker = -1, last_para = -1;
	const sr_quote *prev = NULL;
	for (size_t i = 0; i < n; i++) {
		sr_choose_one(m, &q[i], prev, last_speaker, last_para);
		if (q[i].tentative && !sr_cue_rule(q[i].rule))
			continue; /* not a quotation: no context for the next */
		prev = &q[i];
		if (q[i].speaker) {
			int e = dc_entity_find(m, q[i].speaker);
			if (e >= 0) {
				last_speaker = e;
				last_para = q[i].last_para;
			}
		}
	}
}
