/* tag-attribution: quotes and speakers, sources, body marks and options (authors: test_tag_authors.c;
 * dates: test_tag_dates.c). */
#include "tag_fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The seed article's ten body paragraphs, as the stripper leaves them, with its credit line as a
 * removed block: the check does not depend on the stripper being perfect. */
static const char *const seed_body =
	"<p>Iran will “never” hold any talks over its missile program, said the commander of Iran’s "
	"Islamic Revolutionary Guard Corps (IRGC) Hossein Salami on Thursday, adding that the country will "
	"“never” stop improving its defense capabilities, the semi-official Mehr news agency reported.</p>"
	"<p>Asked about the likelihood of talks between world powers and Iran regarding Iran’s missile program in "
	"order to ease sanctions against the country, Salami said: “Such a thing will never happen. We will never "
	"stop or retreat when it comes to increasing our defense capabilities. This topic is one of our red lines.”</p>"
	"<p>Iran’s defense capabilities “cannot be discussed, adjusted, stopped or controlled,” he added.</p>"
	"<p>“We are progressing uncontrollably,” Mehr quoted Salami as saying, without specifying what field "
	"or fields the progress is being made in.</p>"
	"<p>“We assure the Iranian nation that the country’s armed forces and the IRGC have the potential and "
	"the capacity to confront any enemy, no matter how great,” said Salami.</p>"
	"<p>“The [Iranian] nation should rest assured and live with peace of mind because we are capable of "
	"destroying any enemy,” he added.</p>"
	"<p>The US withdrew from the Iran nuclear deal in 2018, arguing it was flawed to Iran’s advantage, and has "
	"since re-imposed sanctions against the country. Washington says it wants to negotiate a more sweeping deal aimed at "
	"further curbing Iran’s nuclear work, halting its ballistic missile program and limiting its meddling in the "
	"affairs of other countries in the Middle East.</p>"
	"<p>Top Iranian officials and military commanders have on several occasions ruled out the possibility of any talks "
	"on the country’s missile program.</p>"
	"<p>The IRGC navy commander Alireza Tangsiri said in September that Iran’s missile program is developing daily "
	"and is a “red line” for negotiations.</p>"
	"<p>In June, the country’s highest authority Supreme Leader Ali Khamenei stressed that Iran will not give up "
	"its missile program and insisted that “America will not be able to deprive Iran of its missile "
	"capabilities.”</p>";

START_TEST(seed_check)
{
	galley_article *a = th_article_html(seed_body);
	galley_removed r = {"credit", "Source » alarabiya", "line 29"};
	galley_article_add_removed(a, &r);
	run_one(a, NULL);

	const galley_source *s = find_source(a, "Al Arabiya");
	ck_assert_msg(s != NULL, "Al Arabiya credit found");
	th_str_eq(s->kind, "credit");
	ck_assert(strstr(s->evidence, "alarabiya") != NULL);
	s = find_source(a, "Mehr");
	ck_assert_msg(s != NULL, "Mehr cited");
	th_str_eq(s->kind, "cited");

	size_t salami = 0, khamenei = 0;
	for (size_t i = 0; i < galley_article_n_quotes(a); i++) {
		const galley_quote *q = galley_article_quote(a, i);
		ck_assert_msg(strcmp(q->text, "never") && strcmp(q->text, "red line"), "not a quotation: %s", q->text);
		if (q->speaker && !strcmp(q->speaker, "Hossein Salami"))
			salami++;
		else if (q->speaker && !strcmp(q->speaker, "Ali Khamenei"))
			khamenei++;
		else
			ck_abort_msg("quote '%s' attributed to '%s'", q->text, q->speaker ? q->speaker : "(nobody)");
	}
	ck_assert_uint_eq(salami, 5);
	ck_assert_uint_eq(khamenei, 1);

	const galley_quote *q = find_quote(a, "Such a thing will never happen.");
	ck_assert(q != NULL);
	ck_assert_int_eq(q->paragraph, 1);
	th_str_eq(q->cue, "said");
	q = find_quote(a, "cannot be discussed");
	ck_assert(q != NULL);
	th_str_eq(q->text, "cannot be discussed, adjusted, stopped or controlled");
	th_str_eq(q->cue, "added");
	q = find_quote(a, "We are progressing uncontrollably");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Hossein Salami");
	q = find_quote(a, "America will not be able");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Ali Khamenei");
	ck_assert_int_eq(q->paragraph, 9);

	/* the code-point range points at the text in galley_body_paragraphs */
	galley_paragraphs gp;
	galley_body_paragraphs(galley_article_body(a), &gp);
	for (size_t i = 0; i < galley_article_n_quotes(a); i++) {
		q = galley_article_quote(a, i);
		ck_assert((size_t)q->paragraph < gp.n);
		const char *p = gp.text[q->paragraph], *end = p + strlen(p);
		for (int k = 0; k < q->start; k++)
			galley_utf8_next(&p, end);
		const char *b = p;
		for (int k = q->start; k < q->end; k++)
			galley_utf8_next(&p, end);
		ck_assert_msg((size_t)(p - b) == strlen(q->text) && !memcmp(b, q->text, strlen(q->text)),
		              "range of '%s' gives '%.*s'", q->text, (int)(p - b), b);
	}
	galley_paragraphs_free(&gp);

	/* quotes are marked in the body; the paragraphs' text does not change */
	char *xml = body_xml(a);
	ck_assert_msg(strstr(xml, "<q data-speaker=\"Ali Khamenei\">America will not") != NULL, "%s", xml);
	free(xml);
	galley_article_free(a);
}
END_TEST

START_TEST(split_quote_and_one_word_reply)
{
	galley_article *a = tag_html("<p>Maria Lopez runs the bakery.</p>"
	                             "<p>“We open at six,” she said. “People queue in the rain.”</p>"
	                             "<p>Would she ever close? “Never,” Lopez replied.</p>"
	                             "<p>Critics called it a “PR stunt” and read “The Old Man and the Sea”.</p>");
	const galley_quote *q = find_quote(a, "We open at six");
	ck_assert(q && q->speaker);
	th_str_eq(q->speaker, "Maria Lopez");
	q = find_quote(a, "People queue in the rain.");
	ck_assert_msg(q && q->speaker, "second half of a split quote");
	th_str_eq(q->speaker, "Maria Lopez");
	q = find_quote(a, "Never");
	ck_assert_msg(q != NULL, "a complete one-word reply is a quotation");
	th_str_eq(q->speaker, "Maria Lopez");
	ck_assert(find_quote(a, "PR stunt") == NULL);
	ck_assert(find_quote(a, "The Old Man") == NULL);
	galley_article_free(a);
}
END_TEST

START_TEST(german_and_french)
{
	galley_article *a = tag_html("<p>Bundeskanzler Olaf Scholz war in Paris.</p>"
	                             "<p>„Wir werden das gemeinsam schaffen“, sagte Scholz am Montag.</p>"
	                             "<p>Der Minister betonte: »Das ist ein guter Tag für Europa.«</p>"
	                             "<p>« Nous sommes prêts à discuter », a déclaré "
	                             "Emmanuel Macron.</p>"
	                             "<p>« C'est une étape importante », a-t-il ajouté.</p>");
	const galley_quote *q = find_quote(a, "Wir werden das gemeinsam schaffen");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Olaf Scholz");
	th_str_eq(q->cue, "sagte");
	q = find_quote(a, "Nous sommes pr");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Emmanuel Macron");
	q = find_quote(a, "C'est une");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Emmanuel Macron");
	galley_article_free(a);
}
END_TEST

START_TEST(multi_paragraph_and_nobody)
{
	galley_article *a = tag_html("<p>Jane Roe, the mayor, spoke on Friday. She said: “The bridge will be repaired this year.</p>"
	                             "<p>“And the road after it, whatever it costs.”</p>"
	                             "<p>“This is how democracy is supposed to work in a small town like ours.”</p>"
	                             "<p>“We will see,” the mayor said.</p>");
	const galley_quote *q = find_quote(a, "The bridge will be repaired");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Jane Roe");
	ck_assert_int_eq(q->paragraph, 0);
	q = find_quote(a, "And the road after it");
	ck_assert_msg(q != NULL, "second paragraph of a multi-paragraph quote");
	th_str_eq(q->speaker, "Jane Roe");
	ck_assert_int_eq(q->paragraph, 1);
	q = find_quote(a, "This is how democracy");
	ck_assert(q != NULL);
	/* no cue of its own, right after a paragraph of her quotation: it continues her statement */
	th_str_eq(q->speaker, "Jane Roe");
	th_str_eq(q->rule, "continues-previous-paragraph");
	q = find_quote(a, "We will see");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Jane Roe");
	galley_article_free(a);
}
END_TEST

START_TEST(sources)
{
	galley_article *a = tag_html("<p>WASHINGTON (AP) — The Senate voted on Tuesday.</p>"
	                             "<p>The bill passes next week, according to Reuters.</p>"
	                             "<p>Officials told the Xinhua news agency the talks went well.</p>"
	                             "<p>This article first appeared on The Conversation.</p>");
	const galley_source *s = find_source(a, "Associated Press");
	ck_assert(s != NULL);
	th_str_eq(s->kind, "credit");
	s = find_source(a, "Reuters");
	ck_assert(s != NULL);
	th_str_eq(s->kind, "cited");
	s = find_source(a, "Xinhua");
	ck_assert(s != NULL);
	th_str_eq(s->kind, "interview"); /* told: spoken to, not credited */
	s = find_source(a, "The Conversation");
	ck_assert(s != NULL);
	th_str_eq(s->kind, "credit");
	galley_article_free(a);
}
END_TEST

/* One short synthetic paragraph per source rule: the source it finds, its kind and rule. */
static void check_source(const char *html, const char *name, const char *kind, const char *rule)
{
	galley_article *a = tag_html(html);
	const galley_source *s = find_source(a, name);
	ck_assert_msg(s != NULL, "no source '%s' in %s", name, html);
	th_str_eq(s->kind, kind);
	th_str_eq(s->rule, rule);
	galley_article_free(a);
}

static void check_no_source(const char *html)
{
	galley_article *a = tag_html(html);
	ck_assert_msg(galley_article_n_sources(a) == 0, "%s: unexpected source '%s'", html,
	              galley_article_n_sources(a) ? galley_article_source(a, 0)->name : "");
	galley_article_free(a);
}

START_TEST(source_rules)
{
	check_source("<p>Source: Reuters</p><p>The council met.</p>", "Reuters", "credit", "credit-line");
	check_source("<p>The council met.</p><p>This story first appeared on Example Review.</p>", "Example Review",
	             "credit", "credit-phrase");
	check_source("<p>SPRINGFIELD (AP) — The council met on Monday.</p>", "Associated Press", "credit",
	             "dateline-credit");
	check_source("<p>SPRINGFIELD (Example Wire Service) — The council met on Monday.</p>",
	             "Example Wire Service", "credit", "dateline-credit");
	check_source("<p>The council met on Monday and voted.</p><p>The vote is final. (dpa)</p>", "dpa", "credit",
	             "closing-credit");
	check_source("<p>The vote is final, according to Reuters.</p>", "Reuters", "cited", "cited-before");
	check_source("<p>The plan was first reported by the Example Herald on Monday.</p>", "Example Herald", "cited",
	             "outlet-form");
	check_source("<p>Reuters reported that the vote is final.</p>", "Reuters", "cited", "cited-after");
	check_source("<p>The mayor told Reuters the vote is final.</p>", "Reuters", "interview", "interview");
	check_source("<p>The mayor said in an interview with the Example Times that the vote is final.</p>",
	             "Example Times", "interview", "outlet-form");
	check_source("<p>The vote is final, according to example.com.</p>", "example.com", "cited", "outlet-form");
	check_source("<p>The Daily Example reported that the vote is final.</p>", "Daily Example", "cited",
	             "outlet-form");
	check_source("<p>Reuters quoted the mayor as saying the vote is final.</p>", "Reuters", "cited", "relay");
	check_source("<p>The Zorbian news agency said the vote is final.</p>", "Zorbian", "cited", "agency-word");
	/* a person is no outlet, whatever cue stands before the name */
	check_no_source("<p>The vote is final, according to Jane Post.</p>");
	check_no_source("<p>The mayor told Jane Roe the vote is final.</p>");
}
END_TEST

START_TEST(outlets_option)
{
	char *dir = th_tmpdir();
	char path[4096];
	snprintf(path, sizeof path, "%s/outlets.tsv", dir);
	th_write_file(path, "dailybugle\tThe Daily Bugle\n", 27);
	char opt[4200];
	snprintf(opt, sizeof opt, "outlets='%s'", path);
	galley_article *a = th_article_html("<p>Some story.</p><p>Source: dailybugle</p>");
	run_one(a, opt);
	const galley_source *s = find_source(a, "The Daily Bugle");
	ck_assert(s != NULL);
	th_str_eq(s->kind, "credit");
	galley_article_free(a);
	th_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(no_mark_option_and_empty)
{
	galley_article *a = th_article_html("<p>“We will win the next game for sure,” said Coach Bob Smith.</p>");
	run_one(a, "mark=false");
	ck_assert_uint_eq(galley_article_n_quotes(a), 1);
	char *xml = body_xml(a);
	ck_assert(strstr(xml, "<q") == NULL);
	free(xml);
	galley_article_free(a);

	a = galley_article_new(); /* no body at all */
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_n_quotes(a), 0);
	galley_article_free(a);

	/* unbalanced and odd marks do not crash or invent quotes */
	a = tag_html("<p>““”\" « » „</p><p>\"</p><p>“unclosed and long enough to count</p>");
	ck_assert_uint_eq(galley_article_n_quotes(a), 0);
	galley_article_free(a);
}
END_TEST

START_TEST(speech_tags_inside_and_titles_read_through)
{
	galley_article *a = tag_html("<p>Anne-Sophie Marchetti enseigne l’histoire.</p>"
	                             "<p>« Ce calendrier ne laisse aucune place aux familles, affirme-t-elle. Nous voulons une vraie concertation avant l’été. »</p>"
	                             "<p>Pressed on the vote, Delia Stroud told \"Evening Ledger\" co-host Nora Vale, \"Nobody here waits for permission.\"</p>"
	                             "<p>\"Why does the new plan matter so much to you?\" Vale asked Stroud.</p>"
	                             "<p>Marta Quill, the \"Morning Harbour Review\" host, said: \"We asked every member twice.\"</p>"
	                             "<p>Auf die Frage nach dem Plan sagte Delia Stroud am Montag: „Wir haben das lange geplant.“</p>");
	const galley_quote *q = find_quote(a, "Ce calendrier ne laisse aucune place aux familles");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Anne-Sophie Marchetti");
	ck_assert_msg(strstr(q->text, "affirme") == NULL, "the speech tag is not quoted text: %s", q->text);
	q = find_quote(a, "Nous voulons une vraie concertation");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Anne-Sophie Marchetti");
	ck_assert(find_quote(a, "Evening Ledger") == NULL);
	q = find_quote(a, "Nobody here waits for permission");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Delia Stroud");
	q = find_quote(a, "Why does the new plan matter");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Nora Vale");
	/* the programme's title is no quotation, and the cue reads through it to the speaker */
	ck_assert(find_quote(a, "Morning Harbour Review") == NULL);
	q = find_quote(a, "We asked every member twice");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Marta Quill");
	th_str_eq(q->rule, "cue-before");
	q = find_quote(a, "Wir haben das lange geplant");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Delia Stroud");
	galley_article_free(a);
}
END_TEST

START_TEST(partial_quote_with_cue_and_rules)
{
	galley_article *a = tag_html("<p>Jane Roe called the new bridge plan \u201ca waste of everyone's money\u201d on Monday.</p>"
	                             "<p>The plan was \u201cnot very good at all\u201d in many ways.</p>");
	const galley_quote *q = find_quote(a, "a waste of everyone");
	ck_assert_msg(q != NULL, "a partial quotation with its speaker's verb is a quote");
	th_str_eq(q->speaker, "Jane Roe");
	th_str_eq(q->rule, "sentence-subject");
	th_str_eq(q->speaker_kind, "person");
	ck_assert_msg(find_quote(a, "not very good") == NULL, "a lower-case phrase with no cue stays no quote");
	galley_article_free(a);
}
END_TEST

START_TEST(every_quote_names_its_rule)
{
	galley_article *a = tag_html(seed_body);
	ck_assert_uint_gt(galley_article_n_quotes(a), 0);
	for (size_t i = 0; i < galley_article_n_quotes(a); i++)
		ck_assert_msg(galley_article_quote(a, i)->rule != NULL, "quote %zu has no rule", i);
	galley_article_free(a);
}
END_TEST

START_TEST(other_languages_keep_the_finders)
{
	galley_article *a = th_article_html("<p>Der Bürgermeister Hans Roth eröffnete die Sitzung.</p>"
	                                    "<p>\u201eDie Brücke wird dieses Jahr nicht gebaut\u201c, sagte Roth.</p>");
	galley_article_set(a, GALLEY_FIELD_LANGUAGE, "de");
	run_one(a, NULL);
	const galley_quote *q = find_quote(a, "Die Brücke wird");
	ck_assert(q != NULL);
	th_str_eq(q->speaker, "Hans Roth");
	th_str_eq(q->rule, "cue-after");
	galley_article_free(a);
}
END_TEST

START_TEST(unnamed_speakers_are_nobody)
{
	galley_article *a = tag_html("<p>Mayor Jane Roe opened the meeting on Monday.</p>"
	                             "<p>A spokesman for the council said the plan was dead. “We will not build the bridge this year,” he said.</p>"
	                             "<p>“It is too expensive for a town of our size,” said one official.</p>");
	const galley_quote *q = find_quote(a, "We will not build the bridge");
	ck_assert(q != NULL);
	ck_assert_msg(q->speaker == NULL, "an unnamed spokesman, not Jane Roe (got %s)", q->speaker);
	q = find_quote(a, "It is too expensive");
	ck_assert(q != NULL);
	ck_assert_msg(q->speaker == NULL, "one official is nobody named (got %s)", q->speaker);
	galley_article_free(a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("tag-attribution");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, seed_check);
	tcase_add_test(tc, split_quote_and_one_word_reply);
	tcase_add_test(tc, german_and_french);
	tcase_add_test(tc, multi_paragraph_and_nobody);
	tcase_add_test(tc, sources);
	tcase_add_test(tc, source_rules);
	tcase_add_test(tc, outlets_option);
	tcase_add_test(tc, no_mark_option_and_empty);
	tcase_add_test(tc, speech_tags_inside_and_titles_read_through);
	tcase_add_test(tc, unnamed_speakers_are_nobody);
	tcase_add_test(tc, partial_quote_with_cue_and_rules);
	tcase_add_test(tc, every_quote_names_its_rule);
	tcase_add_test(tc, other_languages_keep_the_finders);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
