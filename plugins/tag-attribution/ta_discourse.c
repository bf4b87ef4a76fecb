/* ta_discourse.c — the tagger's quotes handed to the discourse model and the speaker rules
 * (discourse.h, speaker_rules.h): each kept quote's speaker, its kind and the rule that chose it. */
#include "ta_private.h"

#include <stdlib.h>

/* The quotes' spans in bytes: from the opening mark to the end of the closing one (the
 * paragraph's end for a quote left open). (owned) */
static dc_span *ta_quote_spans(const ta_doc *d)
{
	dc_span *spans = galley_calloc(d->npc ? d->npc : 1, sizeof *spans);
	for (size_t i = 0; i < d->npc; i++) {
		const ta_piece *pc = &d->pc[i];
		const ta_para *P = &d->p[pc->para];
		spans[i] = (dc_span){pc->para, P->t[pc->to].b0, pc->tc < P->nt ? P->t[pc->tc].b1 : P->len};
	}
	return spans;
}

/* The discourse model's vocabularies (names, pronouns, verbs) are English: other languages keep
 * the cue finders' speakers.  An article with no language is read as English. */
static bool ta_discourse_language(const galley_article *a)
{
	const char *lang = galley_article_get(a, GALLEY_FIELD_LANGUAGE);
	return !lang || !*lang || ((lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N') &&
	                           (!lang[2] || lang[2] == '-' || lang[2] == '_'));
}

void ta_decide_speakers(ta_doc *d)
{
	size_t n = 0;
	for (size_t qi = 0; qi < d->nq; qi++)
		n += ta_speaker_candidate(d, &d->q[qi]);
	if (!n || !d->nbody)
		return;
	const char **texts = galley_calloc(d->nbody, sizeof *texts);
	size_t *lens = galley_calloc(d->nbody, sizeof *lens);
	for (size_t i = 0; i < d->nbody; i++) {
		texts[i] = d->p[i].text;
		lens[i] = d->p[i].len;
	}
	dc_span *spans = ta_quote_spans(d);
	bool english = ta_discourse_language(d->a);
	dc_model *m = dc_model_build(d->st->discourse, texts, lens, d->nbody, spans, d->npc);
	sr_quote *sq = galley_calloc(n, sizeof *sq);
	size_t k = 0;
	for (size_t qi = 0; qi < d->nq; qi++) {
		const ta_quote *q = &d->q[qi];
		if (!ta_speaker_candidate(d, q))
			continue;
		sq[k++] = (sr_quote){.para = d->pc[q->p0].para, .last_para = d->pc[q->p0 + q->np - 1].para,
		                     .open = spans[q->p0].b0, .close = spans[q->p0 + q->np - 1].b1,
		                     .found = q->speaker, .found_by = q->has_cue ? q->found_by : SR_FOUND_NONE,
		                     .tentative = !q->keep};
	}
	if (english)
		sr_choose(m, sq, n);
	else
		sr_keep_finders_continued(m, sq, n);
	k = 0;
	for (size_t qi = 0; qi < d->nq; qi++) {
		ta_quote *q = &d->q[qi];
		if (!ta_speaker_candidate(d, q))
			continue;
		if (!q->keep && sr_cue_rule(sq[k].rule))
			q->keep = true; /* "Roe called it “a waste of time”": a partial quotation with its cue */
		free(q->speaker);
		q->speaker = sq[k].speaker; /* taken */
		q->kind = sq[k].kind;
		q->rule = sq[k].rule;
		k++;
	}
	free(sq);
	dc_model_free(m);
	free(spans);
	free(lens);
	free(texts);
}
