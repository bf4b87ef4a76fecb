/* tag-attribution: who wrote an article, when it was published, where the story came from and
 * who said what.
 *
 * Per article, in one pass over the body's paragraphs (galley_body_paragraphs):
 *   - tokenise every paragraph (words with their lower-case form, punctuation, quotation marks);
 *   - pair quotation marks into quotes, across paragraphs for quotes that run over several;
 *   - collect the people the article names (capitalised runs, roles stripped, organisations
 *     recognised) and every later mention of them, for pronoun and role resolution;
 *   - attribute each quote to the subject of a speech verb next to it, and keep it only when
 *     it is a quotation (not a scare quote, title or fragment);
 *   - find credit lines and cited outlets; decide authors (visible byline over metadata) and the
 *     publication date (the page's own day, not a UTC rollover).
 * Every vocabulary lives in data/tag-attribution/ and is compiled into hash sets at open(); the
 * per-article work is linear in the text.  The state is read-only after open(), so the plugin
 * is parallel-safe. */
#include "ta_private.h"

static void ta_doc_free(ta_doc *d)
{
	for (size_t i = 0; i < d->np; i++)
		free(d->p[i].t);
	free(d->p);
	galley_buf_free(&d->arena);
	free(d->pc);
	for (size_t i = 0; i < d->nq; i++) {
		free(d->q[i].speaker);
		free(d->q[i].cue);
	}
	free(d->q);
	for (size_t i = 0; i < d->npers; i++) {
		free(d->pers[i].name);
		free(d->pers[i].low);
		free(d->pers[i].roles);
	}
	free(d->pers);
	free(d->pnext);
	ta_set_free(&d->surnames);
	free(d->men);
}

static int tag_attribution_process(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	(void)err;
	const ta_state *st = state;
	ta_doc d = {.st = st, .a = a};
	const char *lang = galley_article_get(a, GALLEY_FIELD_LANGUAGE);
	d.german = lang && (lang[0] == 'd' || lang[0] == 'D') && (lang[1] == 'e' || lang[1] == 'E') && (!lang[2] || lang[2] == '-' || lang[2] == '_');
	galley_paragraphs gp = {0};
	xmlDocPtr body = galley_article_body(a);
	if (body)
		galley_body_paragraphs(body, &gp);
	d.gp = &gp;

	/* removed blocks that may carry credit lines, after the body's paragraphs */
	size_t nrem = 0;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (r->text && r->reason && (!strcmp(r->reason, "credit") || !strcmp(r->reason, "byline") || !strcmp(r->reason, "dateline")))
			nrem++;
	}
	d.nbody = gp.n;
	d.np = gp.n + nrem;
	d.p = galley_calloc(d.np ? d.np : 1, sizeof *d.p);
	char **remtext = galley_calloc(nrem ? nrem : 1, sizeof *remtext);
	bool *remcredit = galley_calloc(nrem ? nrem : 1, sizeof *remcredit);
	for (size_t i = 0; i < gp.n; i++) {
		d.p[i].text = gp.text[i];
		d.p[i].len = strlen(gp.text[i]);
	}
	size_t k = 0;
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (!(r->text && r->reason && (!strcmp(r->reason, "credit") || !strcmp(r->reason, "byline") || !strcmp(r->reason, "dateline"))))
			continue;
		remtext[k] = galley_ws_normalize(r->text);
		remcredit[k] = !strcmp(r->reason, "credit");
		d.p[gp.n + k].text = remtext[k];
		d.p[gp.n + k].len = strlen(remtext[k]);
		k++;
	}
	for (size_t i = 0; i < d.np; i++)
		ta_tokenize(&d, &d.p[i]);

	/* quotes: only in the body */
	size_t np_all = d.np;
	d.np = d.nbody;
	ta_pair_quotes(&d);
	ta_mark_inside(&d);
	ta_soften(&d);
	ta_collect_people(&d);
	ta_attribute_quotes(&d);
	ta_decide_speakers(&d);
	galley_article_clear_quotes(a);
	ta_record_quotes(&d);
	d.np = np_all;

	galley_article_clear_sources(a);
	for (size_t i = 0; i < d.np; i++)
		ta_sources_in_para(&d, (int)i, i >= d.nbody && remcredit[i - d.nbody]);

	ta_authors(&d);
	ta_date_decide(&d);

	if (st->mark && body && galley_article_n_quotes(a))
		ta_mark_body(&d, &gp);

	galley_stage_count(stage, "quotes found", galley_article_n_quotes(a));
	for (size_t i = 0; i < nrem; i++)
		free(remtext[i]);
	free(remtext);
	free(remcredit);
	ta_doc_free(&d);
	galley_paragraphs_free(&gp);
	return GALLEY_OK;
}

static int tag_attribution_open(galley_stage *stage, void **state, galley_error *err)
{
	ta_state *st = galley_calloc(1, sizeof *st);
	st->mark = galley_stage_opt_bool(stage, "mark");
	st->verbose = galley_stage_verbose(stage);
	st->min_words = (int)galley_stage_opt_int(stage, "min_words");
	int rc = ta_load(st, galley_stage_opt_string(stage, "outlets"), err);
	if (rc == GALLEY_OK)
		rc = dc_vocab_load(&st->discourse, err);
	if (rc != GALLEY_OK) {
		ta_state_free(st);
		return rc;
	}
	*state = st;
	return GALLEY_OK;
}

static void tag_attribution_close(galley_stage *stage, void *state)
{
	(void)stage;
	ta_state_free(state);
}

static const galley_option tag_attribution_options[] = {
	{.name = "mark", .type = GALLEY_OPT_BOOL, .default_value = "true",
	 .help = "wrap each quotation in the body in <q data-speaker=\"...\">"},
	{.name = "outlets", .type = GALLEY_OPT_PATH, .default_value = NULL,
	 .help = "extra outlet aliases, one 'alias<TAB>Name' a line, read after tag-attribution/outlets.tsv"},
	{.name = "min_words", .type = GALLEY_OPT_INT, .default_value = "3", .min = 1, .max = 20,
	 .help = "shortest quotation in words (a complete one-word reply with a speech verb still counts)"},
	{.name = NULL},
};

GALLEY_PLUGIN_DEFINE(.name = "tag-attribution", .kind = GALLEY_KIND_TRANSFORM,
                     .summary = "find bylines, publication date, source outlets and attributed quotes",
                     .version = TA_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = tag_attribution_options, .open = tag_attribution_open,
                     .close = tag_attribution_close, .process = tag_attribution_process);
