/* tag-attribution's discourse model and speaker rules, alone, on short synthetic paragraphs:
 * one case per model feature and per speaker rule id (docs/attribution.md). */
#include "discourse.h"
#include "harness.h"
#include "speaker_rules.h"

#include <stdlib.h>
#include <string.h>

static dc_vocab *vocab;

static void setup(void)
{
	galley_error err = {0};
	ck_assert_msg(dc_vocab_load(&vocab, &err) == GALLEY_OK, "vocabularies: %s", err.message);
}

static void teardown(void)
{
	dc_vocab_free(vocab);
	vocab = NULL;
}

/* An article of paragraphs and its quotations (“…” pairs, in order). */
typedef struct fx {
	const char *const *p;
	size_t np;
	size_t len[16];
	dc_span q[16];
	size_t nq;
	dc_model *m;
} fx;

static void fx_build_marks(fx *f, const char *const *p, size_t np, const char *open, const char *close)
{
	memset(f, 0, sizeof *f);
	f->p = p;
	f->np = np;
	for (size_t i = 0; i < np; i++) {
		f->len[i] = strlen(p[i]);
		const char *s = p[i];
		while ((s = strstr(s, open)) != NULL) {
			const char *e = strstr(s + strlen(open), close);
			ck_assert(e != NULL && f->nq < 16);
			f->q[f->nq++] = (dc_span){(int)i, (size_t)(s - p[i]), (size_t)(e - p[i]) + strlen(close)};
			s = e + strlen(close);
		}
	}
	f->m = dc_model_build(vocab, p, f->len, np, f->q, f->nq);
}

static void fx_build(fx *f, const char *const *p, size_t np)
{
	fx_build_marks(f, p, np, "\u201c", "\u201d");
}

/* Run the rules over every quotation; found/by give the cue finder's result for each. */
static void fx_choose(fx *f, sr_quote *out, const char *const *found, const sr_found_by *by)
{
	for (size_t i = 0; i < f->nq; i++)
		out[i] = (sr_quote){.para = f->q[i].para, .last_para = f->q[i].para, .open = f->q[i].b0,
		                    .close = f->q[i].b1, .found = found ? found[i] : NULL,
		                    .found_by = by ? by[i] : SR_FOUND_NONE};
	sr_choose(f->m, out, f->nq);
}

static void fx_free(fx *f, sr_quote *q)
{
	for (size_t i = 0; q && i < f->nq; i++)
		sr_quote_clear(&q[i]);
	dc_model_free(f->m);
}

static const dc_entity *entity(const fx *f, const char *name)
{
	int e = dc_entity_find(f->m, name);
	ck_assert_msg(e >= 0, "no entity '%s'", name);
	return &f->m->ent[e];
}

/* The speaker (NULL: no one) and rule the rules choose for quotation `which` of paragraphs
 * p[0..np); found/by give the cue finder's result for each quotation, or NULL. */
static void ck_speaker(const char *const *p, size_t np, const char *const *found, const sr_found_by *by,
                       size_t which, const char *speaker, const char *rule)
{
	fx f;
	sr_quote q[16];
	fx_build(&f, p, np);
	ck_assert_msg(which < f.nq, "quotation %zu of %zu", which, f.nq);
	fx_choose(&f, q, found, by);
	if (speaker)
		th_str_eq(q[which].speaker, speaker);
	else
		ck_assert_msg(q[which].speaker == NULL, "no speaker, got %s", q[which].speaker);
	th_str_eq(q[which].rule, rule);
	fx_free(&f, q);
}

/* ---- the model ------------------------------------------------------------------------------ */

START_TEST(model_full_name_and_surname)
{
	static const char *const p[] = {"Jane Roe, the mayor, spoke on Friday.", "Later, Roe said the plan works."};
	fx f;
	fx_build(&f, p, 2);
	const dc_entity *e = entity(&f, "Roe");
	th_str_eq(e->name, "Jane Roe");
	ck_assert_int_eq(e->kind, DC_KIND_PERSON);
	ck_assert_int_eq(e->gender, DC_GENDER_FEMALE); /* a given name of the list */
	ck_assert_int_eq(f.m->nmen, 2);
	ck_assert_int_eq(f.m->men[0].entity, f.m->men[1].entity);
	ck_assert_int_eq(f.m->men[0].role, DC_ROLE_SUBJECT);
	ck_assert_int_eq(f.m->men[1].role, DC_ROLE_SUBJECT); /* after an opener and a comma */
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_title_gender)
{
	static const char *const p[] = {"Mr. Quill Abara met Ms. Lior Venn on Monday to discuss the budget."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_eq(entity(&f, "Quill Abara")->gender, DC_GENDER_MALE);
	ck_assert_int_eq(entity(&f, "Lior Venn")->gender, DC_GENDER_FEMALE);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_gender_from_pronoun)
{
	static const char *const p[] = {"Quill Abara said she would run again."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_eq(entity(&f, "Quill Abara")->gender, DC_GENDER_FEMALE);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_places_and_organisations)
{
	static const char *const p[] = {
	    "Voters in Ohio and in Springfield waited.",
	    "Congress stalled, and the Example campaign said it would wait.",
	    "NASA staff met Jane Roe (R-Ill.) there."};
	fx f;
	fx_build(&f, p, 3);
	ck_assert_int_eq(entity(&f, "Ohio")->kind, DC_KIND_PLACE);
	ck_assert_int_eq(entity(&f, "Springfield")->kind, DC_KIND_PLACE); /* after "in" */
	ck_assert_int_eq(entity(&f, "Congress")->kind, DC_KIND_ORGANISATION);
	ck_assert_int_eq(entity(&f, "Example campaign")->kind, DC_KIND_ORGANISATION);
	ck_assert_int_eq(entity(&f, "NASA")->kind, DC_KIND_ORGANISATION);
	ck_assert_int_lt(dc_entity_find(f.m, "R-Ill"), 0); /* a party in brackets is no mention */
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_listener)
{
	static const char *const p[] = {"Jane Roe told John Doe the vote would wait."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_eq(f.m->nmen, 2);
	ck_assert_int_eq(f.m->men[0].role, DC_ROLE_SUBJECT);
	ck_assert_int_eq(f.m->men[1].role, DC_ROLE_LISTENER);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_headline_names_nobody)
{
	static const char *const p[] = {"Local Bakery Wins Big Prize At Fair", "The fair closed."};
	fx f;
	fx_build(&f, p, 2);
	ck_assert_int_eq(f.m->nmen, 0);
	fx_free(&f, NULL);
}
END_TEST

/* ---- the rules -------------------------------------------------------------------------------- */

START_TEST(rule_pronoun_after)
{
	static const char *const p[] = {"Jane Roe spoke on Friday, and John Doe listened.",
	                                "\u201cWe will win this one,\u201d she said."};
	ck_speaker(p, 2, NULL, NULL, 0, "Jane Roe", "pronoun-after");
}
END_TEST

START_TEST(rule_pronoun_before)
{
	static const char *const p[] = {"John Doe spoke after Jane Roe.", "He said: \u201cThe road opens in May.\u201d"};
	ck_speaker(p, 2, NULL, NULL, 0, "John Doe", "pronoun-before");
}
END_TEST

START_TEST(rule_cue_after)
{
	static const char *const p[] = {"\u201cThe road opens in May,\u201d said John Doe."};
	static const char *const found[] = {"John Doe"};
	static const sr_found_by by[] = {SR_FOUND_AFTER};
	fx f;
	sr_quote q[1];
	fx_build(&f, p, 1);
	fx_choose(&f, q, found, by);
	th_str_eq(q[0].speaker, "John Doe");
	th_str_eq(q[0].rule, "cue-after");
	th_str_eq(sr_kind_name(q[0].kind), "person");
	fx_free(&f, q);
}
END_TEST

START_TEST(rule_anonymous)
{
	static const char *const p[] = {"John Doe left early.", "\u201cThe road opens in May,\u201d one official said."};
	static const char *const found[] = {NULL};
	static const sr_found_by by[] = {SR_FOUND_AFTER};
	ck_speaker(p, 2, found, by, 0, NULL, "anonymous");
}
END_TEST

START_TEST(rule_not_listener)
{
	static const char *const p[] = {"Jane Roe told John Doe: \u201cThe road opens in May.\u201d"};
	static const char *const found[] = {"John Doe"};
	static const sr_found_by by[] = {SR_FOUND_BEFORE};
	ck_speaker(p, 1, found, by, 0, "Jane Roe", "not-listener");
}
END_TEST

START_TEST(rule_subject_not_object)
{
	static const char *const p[] = {"Jane Roe attacked John Doe on Monday, saying \u201che has no plan at all.\u201d"};
	static const char *const found[] = {"John Doe"};
	static const sr_found_by by[] = {SR_FOUND_BEFORE};
	ck_speaker(p, 1, found, by, 0, "Jane Roe", "subject-not-object");
}
END_TEST

START_TEST(rule_continues_paragraph)
{
	static const char *const p[] = {
	    "\u201cThe road opens in May,\u201d said John Doe on a call with voters. \u201cThe bridge follows.\u201d"};
	static const char *const found[] = {"John Doe", NULL};
	static const sr_found_by by[] = {SR_FOUND_AFTER, SR_FOUND_NONE};
	ck_speaker(p, 1, found, by, 1, "John Doe", "continues-paragraph");
}
END_TEST

START_TEST(rule_continues_previous_paragraph)
{
	static const char *const p[] = {"\u201cThe road opens in May,\u201d said John Doe.",
	                                "\u201cThe bridge follows in June, and the tunnel after it.\u201d"};
	static const char *const found[] = {"John Doe", NULL};
	static const sr_found_by by[] = {SR_FOUND_AFTER, SR_FOUND_NONE};
	ck_speaker(p, 2, found, by, 1, "John Doe", "continues-previous-paragraph");
}
END_TEST

START_TEST(rule_colon_introduction)
{
	static const char *const p[] = {"Jane Roe went further:", "\u201cThe road opens in May, whatever they say.\u201d"};
	ck_speaker(p, 2, NULL, NULL, 0, "Jane Roe", "colon-introduction");
}
END_TEST

START_TEST(rule_sentence_subject)
{
	static const char *const p[] = {"Jane Roe called the plan \u201ca waste of everyone's time\u201d on Monday."};
	ck_speaker(p, 1, NULL, NULL, 0, "Jane Roe", "sentence-subject");
}
END_TEST

START_TEST(rule_name_after)
{
	static const char *const p[] = {"\u201cThe road opens in May,\u201d Jane Roe (R-Ill.), who chairs the panel, said."};
	ck_speaker(p, 1, NULL, NULL, 0, "Jane Roe", "name-after");
}
END_TEST

START_TEST(rule_colon_subject)
{
	static const char *const p[] = {"At the rally, Jane Roe leaned in and boomed: \u201cThe road opens in May.\u201d"};
	ck_speaker(p, 1, NULL, NULL, 0, "Jane Roe", "colon-subject");
}
END_TEST

START_TEST(rule_fallback_and_none)
{
	static const char *const p[] = {"\u201cThe road opens in May and the bridge in June.\u201d"};
	ck_speaker(p, 1, NULL, NULL, 0, NULL, "none");
	static const char *const p2[] = {"Jane Roe ran a bakery for years, and the town knew \u201cher bread and her temper.\u201d"};
	ck_speaker(p2, 1, NULL, NULL, 0, "Jane Roe", "fallback-subject");
}
END_TEST

START_TEST(rule_anonymous_antecedent)
{
	static const char *const p[] = {"Mayor Jane Roe opened the meeting.",
	                                "A spokesman for the council said the plan was dead. \u201cWe will not build it,\u201d he said."};
	ck_speaker(p, 2, NULL, NULL, 0, NULL, "anonymous");
}
END_TEST

START_TEST(rule_partial_quote_needs_a_cue)
{
	static const char *const p[] = {"Jane Roe called the plan \u201ca waste of time\u201d on Monday.",
	                                "The plan was \u201cnot good at all\u201d in many ways."};
	fx f;
	sr_quote q[2];
	fx_build(&f, p, 2);
	for (size_t i = 0; i < f.nq; i++)
		q[i] = (sr_quote){.para = f.q[i].para, .last_para = f.q[i].para, .open = f.q[i].b0, .close = f.q[i].b1,
		                  .tentative = true};
	sr_choose(f.m, q, f.nq);
	ck_assert(sr_cue_rule(q[0].rule));
	th_str_eq(q[0].speaker, "Jane Roe");
	ck_assert_msg(!sr_cue_rule(q[1].rule), "no cue: %s", q[1].rule);
	fx_free(&f, q);
}
END_TEST

START_TEST(model_credit_line_names_nobody)
{
	static const char *const p[] = {"\u00a9 Example Images Jane Roe waits outside the court."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_lt(dc_entity_find(f.m, "Jane Roe"), 0); /* a picture's credit: no mention */
	ck_assert_int_eq(f.m->nmen, 0);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_post_nominals)
{
	static const char *const p[] = {"Judge Jane Roe QC spoke on Friday."};
	fx f;
	fx_build(&f, p, 1);
	th_str_eq(entity(&f, "Roe")->name, "Jane Roe");
	ck_assert_int_lt(dc_entity_find(f.m, "QC"), 0);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_given_name_apposition)
{
	static const char *const p[] = {"Dan, a student, left the hall early."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_eq(entity(&f, "Dan")->gender, DC_GENDER_MALE);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_determined_name)
{
	static const char *const p[] = {"Staff said that Jane Roe would stay at the Supreme Court.",
	                                "His Honour Judge John Doe spoke next."};
	fx f;
	fx_build(&f, p, 2);
	ck_assert_int_ge(dc_entity_find(f.m, "Jane Roe"), 0);
	ck_assert_int_ge(dc_entity_find(f.m, "John Doe"), 0);
	ck_assert_int_lt(dc_entity_find(f.m, "Supreme Court"), 0); /* a thing after "the" */
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_quoted_title_before_subject)
{
	static const char *const p[] = {"\u201cExample\u201d director Jane Roe said the film works."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_eq(f.m->nmen, 1);
	ck_assert_int_eq(f.m->men[0].role, DC_ROLE_SUBJECT);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_party_tag)
{
	static const char *const p[] = {"Jane Roe, D-Ohio, spoke on Friday."};
	fx f;
	fx_build(&f, p, 1);
	ck_assert_int_lt(dc_entity_find(f.m, "D-Ohio"), 0);
	ck_assert_int_eq(f.m->nmen, 1);
	fx_free(&f, NULL);
}
END_TEST

START_TEST(model_role_word_as_surname)
{
	static const char *const p[] = {"John Doe voted on Monday. Jane King ran the office.",
	                                "\u201cWe will go on,\u201d said King, who left in May."};
	static const char *const found[] = {"John Doe"}; /* the finder took the title for a role */
	static const sr_found_by by[] = {SR_FOUND_AFTER};
	ck_speaker(p, 2, found, by, 0, "Jane King", "name-after");
}
END_TEST

START_TEST(rule_pronoun_prefers_a_shown_gender)
{
	static const char *const p[] = {"John Doe runs the plant.", "Output rose in May.",
	                                "Workers walked out of Zorvan early. \u201cWe are proud,\u201d he said."};
	ck_speaker(p, 3, NULL, NULL, 0, "John Doe", "pronoun-after"); /* not the bare word of unknown gender */
}
END_TEST

START_TEST(rule_anonymous_antecedent_after_opener)
{
	static const char *const p[] = {"John Doe left.",
	                                "But a spokesman for the council said no. \u201cWe will not build it,\u201d he said."};
	ck_speaker(p, 2, NULL, NULL, 0, NULL, "anonymous");
}
END_TEST

START_TEST(keep_finders)
{
	sr_quote q[2] = {{.found = "Hans Roth", .found_by = SR_FOUND_AFTER}, {.found_by = SR_FOUND_NONE}};
	sr_keep_finders(q, 2);
	th_str_eq(q[0].speaker, "Hans Roth");
	th_str_eq(q[0].rule, "cue-after");
	ck_assert(q[1].speaker == NULL);
	th_str_eq(q[1].rule, "none");
	sr_quote_clear(&q[0]);
	sr_quote_clear(&q[1]);
}
END_TEST

START_TEST(keep_finders_continued)
{
	static const char *const p[] = {"\u201eWir bauen weiter\u201c, sagte Jana Roth. \u201eDas Werk bleibt.\u201c",
	                                "\u201eUnd die Halle auch.\u201c"};
	static const char *const found[] = {"Jana Roth", NULL, NULL};
	static const sr_found_by by[] = {SR_FOUND_AFTER, SR_FOUND_NONE, SR_FOUND_NONE};
	fx f;
	fx_build_marks(&f, p, 2, "\u201e", "\u201c");
	sr_quote q[3];
	for (size_t i = 0; i < f.nq; i++)
		q[i] = (sr_quote){.para = f.q[i].para, .last_para = f.q[i].para, .open = f.q[i].b0, .close = f.q[i].b1,
		                  .found = found[i], .found_by = by[i]};
	ck_assert_int_eq(f.nq, 3);
	sr_keep_finders_continued(f.m, q, 3);
	th_str_eq(q[0].rule, "cue-after");
	th_str_eq(q[1].speaker, "Jana Roth");
	th_str_eq(q[1].rule, "continues-paragraph");
	th_str_eq(q[2].speaker, "Jana Roth");
	th_str_eq(q[2].rule, "continues-previous-paragraph");
	fx_free(&f, q);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("discourse");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, model_full_name_and_surname);
	tcase_add_test(tc, model_title_gender);
	tcase_add_test(tc, model_gender_from_pronoun);
	tcase_add_test(tc, model_places_and_organisations);
	tcase_add_test(tc, model_listener);
	tcase_add_test(tc, model_headline_names_nobody);
	tcase_add_test(tc, rule_pronoun_after);
	tcase_add_test(tc, rule_pronoun_before);
	tcase_add_test(tc, rule_cue_after);
	tcase_add_test(tc, rule_anonymous);
	tcase_add_test(tc, rule_not_listener);
	tcase_add_test(tc, rule_subject_not_object);
	tcase_add_test(tc, rule_continues_paragraph);
	tcase_add_test(tc, rule_continues_previous_paragraph);
	tcase_add_test(tc, rule_colon_introduction);
	tcase_add_test(tc, rule_sentence_subject);
	tcase_add_test(tc, rule_name_after);
	tcase_add_test(tc, rule_colon_subject);
	tcase_add_test(tc, rule_fallback_and_none);
	tcase_add_test(tc, rule_anonymous_antecedent);
	tcase_add_test(tc, rule_partial_quote_needs_a_cue);
	tcase_add_test(tc, model_credit_line_names_nobody);
	tcase_add_test(tc, model_post_nominals);
	tcase_add_test(tc, model_given_name_apposition);
	tcase_add_test(tc, model_determined_name);
	tcase_add_test(tc, model_quoted_title_before_subject);
	tcase_add_test(tc, model_party_tag);
	tcase_add_test(tc, model_role_word_as_surname);
	tcase_add_test(tc, rule_pronoun_prefers_a_shown_gender);
	tcase_add_test(tc, rule_anonymous_antecedent_after_opener);
	tcase_add_test(tc, keep_finders);
	tcase_add_test(tc, keep_finders_continued);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
