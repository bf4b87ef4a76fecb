/* tag-attribution: one fixture per author rule id and per outcome of the metadata-versus-page
 * decision, each asserting the rule or outcome that decided. */
#include "tag_fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs the tagger on a and checks the first author and the rule that decided; frees a. */
static void expect_author_by(galley_article *a, const char *name, const char *rule)
{
	run_one(a, NULL);
	ck_assert_msg(galley_article_list_len(a, GALLEY_LIST_AUTHORS) >= 1, "no author; expected '%s' by %s", name, rule);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), name);
	const galley_decision *d = galley_article_decision_for(a, "authors");
	ck_assert_ptr_nonnull(d);
	th_str_eq(d->rule, rule);
	galley_article_free(a);
}

/* A long paragraph of invented text (over 200 bytes), for the rules that look at one. */
#define SYNTH_LONG_TEXT                                                                                                     \
	"The council met on Tuesday evening to discuss the budget for the coming year, and after a long debate about the " \
	"roads, the schools and the parks it agreed to raise the money it needs by selling two of its older buildings."

/* The rules that credit a writer beyond a byline block, one synthetic page each (names and
 * places invented). */
START_TEST(author_rules_each_with_a_fixture)
{
	/* labelled-body-line: a labelled byline in emphasis inside the text's first long paragraph */
	expect_author_by(th_article_html("<p><em>By Jane Roe</em> " SYNTH_LONG_TEXT "</p>"), "Jane Roe", "labelled-body-line");

	/* signature-line: a label with its colon and the name closing the last paragraph; a name
	 * alone in italics under it; a name in emphasis on the text's last line, even where
	 * metadata names another account; a name and the organisation's role closing a statement
	 * that metadata credits to the organisation */
	expect_author_by(th_article_html("<p>" SYNTH_LONG_TEXT " Author: Jane Roe</p>"), "Jane Roe", "signature-line");
	expect_author_by(th_article_html("<p>" SYNTH_LONG_TEXT "</p><p><em>Jane Roe</em></p><p>(1) A note on the figures.</p>"),
	                 "Jane Roe", "signature-line");
	galley_article *a = th_article_html("<p>" SYNTH_LONG_TEXT "<br/><em>Jane Roe</em></p>");
	galley_article_add_candidate(a, "author", "John Doe", "json-ld");
	expect_author_by(a, "Jane Roe", "signature-line");
	a = th_article_html("<p>We wish all our members a peaceful holiday.</p>");
	galley_article_add_candidate(a, "author", "EXVB", "json-ld");
	add_removed(a, "short", "Max Mustermann EXVB-Vorsitzender", "p in-body");
	expect_author_by(a, "Max Mustermann", "signature-line");

	/* label-then-name: a bare label alone in its element, a user's account in the next one;
	 * not a capitalised word there (a desk, an outlet) */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Posted by", "div.meta before-body");
	add_removed(a, "outside-main", "u/quill_42", "div.user before-body");
	expect_author_by(a, "u/quill_42", "label-then-name");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Posted by", "div.meta before-body");
	add_removed(a, "outside-main", "Newsdesk", "div.user before-body");
	expect_no_author(a);

	/* label-then-name: a description list's term labels its value */
	a = th_article_html("<dl><dt>Author</dt></dl><p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "Jane Roe", "dd.value in-body");
	expect_author_by(a, "Jane Roe", "label-then-name");

	/* release-sender: the issuing office under its label; the sender's name and office
	 * heading the text; the issuer's short name, which the text introduced, closing it */
	a = th_article_html("<p>Die Versammlung hat eine neue Präsidentin gewählt.</p><p><strong>Herausgeber:</strong></p>"
	                    "<p><strong>Pressestelle des Beispielverbandes</strong><br/>Musterstraße 1<br/>12345 Musterstadt</p>");
	galley_article_add_candidate(a, "author", "Deutscher Beispielverband e. V.", "meta");
	expect_author_by(a, "Pressestelle des Beispielverbandes", "release-sender");
	expect_author_by(th_article_html("<h5>Dr. Erika Mustermann <em>Abteilung Öffentlichkeitsarbeit</em><br/>"
	                                 "Gesellschaft der Beispielforscher e.V.</h5>"
	                                 "<p>Ein Forschungsteam stellt in einer Fachzeitschrift ein neues Verfahren vor.</p>"),
	                 "Dr. Erika Mustermann Abteilung Öffentlichkeitsarbeit", "release-sender");
	a = th_article_html("<p>An der Beispielhaften Akademie der Künste (BAK) werden die Daten erfasst.</p>");
	add_removed(a, "teaser", "BAK", "p in-body");
	expect_author_by(a, "BAK", "release-sender");

	/* author-profile: a member's avatar and handle opening the text; a name over a link to
	 * the author's other texts */
	expect_author_by(th_article_html("<p><img alt=\"jdoe42\" title=\"jdoe42\" src=\"a.jpg\"/></p><p>jdoe42</p>"
	                                 "<p>Our new kitchen has been with us for two years now, and we like it.</p>"),
	                 "jdoe42", "author-profile");
	/* the handle set apart as the text's header line, the avatar and the post's picture kept */
	a = th_article_html("<p><img alt=\"quill42\" title=\"quill42\" src=\"a.jpg\"/></p><p><img src=\"b.jpg\"/></p>"
	                    "<p>Our new kitchen has been with us for two years now, and we like it.</p>");
	add_removed(a, "header", "quill42", "div.avatar-name before-body");
	expect_author_by(a, "quill42", "author-profile");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "Jane Roe", "div.expert-name in-body");
	add_removed(a, "link-density", "More by this author", "div.expert-text in-body");
	expect_author_by(a, "Jane Roe", "author-profile");

	/* post-meta-line: a post's dated footer; a meta line's name before "@" and the time */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "footer", "Posted by Jane Roe at 21:11", "div.post-footer after-body");
	expect_author_by(a, "Jane Roe", "post-meta-line");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Filed under: News \xe2\x80\x94 jdoe @ 00:11 Tags: Weather", "div.meta before-body");
	expect_author_by(a, "jdoe", "post-meta-line");

	/* title-credit: a speech's speaker; a review's writer shown alone beside it; a page about a
	 * person; not a picture's credit nor a page about a thing */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Speech by Prime Minister Anna Roe at the Example Conference");
	expect_author_by(a, "Anna Roe", "title-credit");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "example.com reviewed by Mrs J Doe");
	add_removed(a, "sidebar", "Mrs J Doe", "div.reviewer-name before-body");
	expect_author_by(a, "Mrs J Doe", "title-credit");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "About Anna Roe | ");
	expect_author_by(a, "Anna Roe", "title-credit");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Photos taken by Jane Doe");
	expect_no_author(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "About Coal, Nuclear Power and Renewable Energy");
	expect_no_author(a);

	/* header-line-name: a person's name in a header line the stripper set apart, after a date
	 * or in an element whose class says meta; not a line of a list of such lines */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "11.12.2019 - Anna Roe", "div.top before-body");
	expect_author_by(a, "Anna Roe", "header-line-name");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Anna Roe", "p.news__meta-text before-body");
	expect_author_by(a, "Anna Roe", "header-line-name");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "2020 Anna Roe", "li.year before-body");
	add_removed(a, "outside-main", "2019 John Doe", "li.year before-body");
	expect_no_author(a);

	/* labelled-header-block: a label with "with" beside it names the person met ("Interview mit
	 * Autorin ..."), not the writer; the label alone credits the writer ("Interview: ...") */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Interview mit Autorin Erika Mustermann", "div.overline before-body");
	add_removed(a, "byline", "Anna Roe", "span.author in-body");
	expect_author_by(a, "Anna Roe", "unlabelled-byline-person");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Interview: Jane Roe", "div.byline before-body");
	expect_author_by(a, "Jane Roe", "labelled-header-block");

	/* meta-author: every <meta> element is one rule; a card's "Written by" value (the account
	 * that posted the page) only when the page credits nobody itself */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "dublin-core");
	expect_author_by(a, "Jane Roe", "meta-author");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "twitter-label");
	expect_author_by(a, "Jane Roe", "meta-author");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "twitter-label");
	add_removed(a, "byline", "By John Doe", "div.byline before-body");
	expect_author_by(a, "John Doe", "labelled-header-block");
}
END_TEST

/* The other rules of the finder table, one synthetic page each, asserting the rule that decided
 * (names, sites and places invented). */
START_TEST(author_rules_byline_blocks_and_credits)
{
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Jane Roe", "div.byline before-body");
	expect_author_by(a, "Jane Roe", "labelled-header-block");
	/* labelled-header-block: a name in lower case that metadata gives too, in any case, as
	 * the page writes it; not without metadata */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "jane quillby", "meta");
	add_removed(a, "byline", "By Jane quillby", "div.byline before-body");
	expect_author_by(a, "Jane quillby", "labelled-header-block");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Jane quillby", "div.byline before-body");
	expect_no_author(a);

	a = th_article_html("<p>Some story text that is long enough.</p><p>More story text, long enough.</p>"
	                    "<p>Even more story text, long enough.</p><p>Autorin: Erika Mustermann</p>"
	                    "<p>More story text that is long enough too.</p><p>Still more story text here.</p>"
	                    "<p>And the end of the story, long enough.</p>");
	expect_author_by(a, "Erika Mustermann", "labelled-colon-line");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Jane Roe", "div.teaser-byline after-body");
	add_removed(a, "byline", "By John Doe", "div.teaser-byline after-body");
	add_removed(a, "byline", "By Anna Roe", "div.teaser-byline after-body");
	expect_author_by(a, "Jane Roe", "labelled-far-block");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "By Jane Roe", "div.info before-body");
	expect_author_by(a, "Jane Roe", "labelled-other-block");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "teaser", "Von Jane Roe | 14.09.2021 - 08:20", "div.info in-body");
	expect_author_by(a, "Jane Roe", "labelled-teaser-meta");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Jane Roe", "div.author-name before-body");
	expect_author_by(a, "Jane Roe", "unlabelled-byline-person");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "meta", "Jane Roe | 5 May 2021", "div.meta before-body");
	expect_author_by(a, "Jane Roe", "segmented-name");

	/* segmented-name in the line right under the headline: the credit, then the date; not a
	 * column's title */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "title", "Council sells two old buildings", "h1 before-body");
	add_removed(a, "outside-main", "Example Wire May 5, 2021", "div.source before-body");
	expect_author_by(a, "Example Wire", "segmented-name");
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "title", "Council sells two old buildings", "h1 before-body");
	add_removed(a, "outside-main", "Cloud\xc3\x97Weekly Notes May 5, 2021", "div.source before-body");
	expect_no_author(a);
	/* nor a subheading with an event's dates */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "title", "Council sells two old buildings", "h1 before-body");
	add_removed(a, "outside-main", "Exhibition Example Hall 4-18 Mar 2016", "h2 before-body");
	expect_no_author(a);

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Example Desk", "div.author-name before-body");
	expect_author_by(a, "Example Desk", "unlabelled-byline-any");

	expect_author_by(th_article_html("<div class=\"byline\">Jane Roe</div><p>Some story text that is long enough.</p>"
	                                 "<p>More story text that is long enough too.</p>"),
	                 "Jane Roe", "dom-byline");

	expect_author_by(th_article_html("<p>Lindenfeld (dpa/lno) – Der Gemeinderat hat am Abend den neuen Haushalt beschlossen.</p>"),
	                 "dpa/lno", "agency-credit");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "footer", "Copyright (c) 2009- Gregor Sandmann. All rights reserved.", "p after-body");
	expect_author_by(a, "Gregor Sandmann", "copyright-line");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://alexandermeier.wordpress.com/2018/05/22/notes/");
	add_removed(a, "outside-main", "Sprachblog Alexander Meier", "div#logo before-body");
	expect_author_by(a, "Alexander Meier", "site-owner");

	a = th_article_html("<p>Some story text that is long enough.</p><p>Jan Kramer Telefon +49 (0)40 / 12 34 56 78</p>");
	expect_author_by(a, "Jan Kramer", "contact-person");

	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.example-radio.example/news/story-100.html");
	galley_article_add_candidate(a, "author", "example-radio.example", "json-ld");
	add_removed(a, "teaser", "Quelle: EXAMPLE RADIO/ab", "p.text in-body");
	expect_author_by(a, "EXAMPLE RADIO/ab", "desk-credit");
}
END_TEST

/* Every author and date decision names the rule that made it. */
START_TEST(decisions_name_their_rule)
{
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "BBC News", "json-ld");
	galley_article_add_candidate(a, "date", "2024-03-05T10:00:00+01:00", "json-ld");
	galley_removed r = {"byline", "By Jane Doe and John Roe", "div.byline"};
	galley_article_add_removed(a, &r);
	run_one(a, NULL);
	const galley_decision *d = galley_article_decision_for(a, "authors");
	ck_assert_ptr_nonnull(d);
	th_str_eq(d->rule, "labelled-header-block");
	ck_assert_ptr_nonnull(d->detail);
	d = galley_article_decision_for(a, "date");
	ck_assert_ptr_nonnull(d);
	th_str_eq(d->rule, "json-ld-date");
	/* a second run replaces its decisions, it does not add to them */
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_n_decisions(a), 2);
	galley_article_free(a);

	/* metadata alone: the rule says where it came from (any <meta> element: meta-author) */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Doe", "microdata");
	run_one(a, NULL);
	d = galley_article_decision_for(a, "authors");
	ck_assert_ptr_nonnull(d);
	th_str_eq(d->rule, "microdata-author");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Doe", "opengraph");
	run_one(a, NULL);
	d = galley_article_decision_for(a, "authors");
	ck_assert_ptr_nonnull(d);
	th_str_eq(d->rule, "meta-author");
	ck_assert_ptr_null(galley_article_decision_for(a, "date"));
	galley_article_free(a);
}
END_TEST

/* Byline cleaning: a handle, an e-mail address or a date glued to the name is no part of it. */
START_TEST(byline_glued_handles_and_dates)
{
	static const char *const lines[][2] = {
		{"By Mara Penrose@marapenrose", "Mara Penrose"},
		{"By Mara Penrose @marapenrose", "Mara Penrose"},
		{"Mara Penrose2017-03-01", "Mara Penrose"},
		{"Por Mara Penrose Okafor mara.okafor@example.org", "Mara Penrose Okafor"},
		/* an outlet's short name in capitals after a comma is no part of the name */
		{"By Mara Penrose Okafor, QXW", "Mara Penrose Okafor"},
		/* the Japanese label "著者" (author) is no name */
		{"\xe8\x91\x97\xe8\x80\x85 \xe5\xb1\xb1\xe7\x94\xb0\xe8\x8a\xb1\xe5\xad\x90", "\xe5\xb1\xb1\xe7\x94\xb0\xe8\x8a\xb1\xe5\xad\x90"},
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
		galley_removed r = {"byline", lines[i][0], "div.byline before-body"};
		galley_article_add_removed(a, &r);
		run_one(a, NULL);
		ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
		th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), lines[i][1]);
		galley_article_free(a);
	}
	/* an outlet closing a list of writers is none of them */
	galley_article *b = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(b, "byline", "By Mara Penrose, Idris Okafor, The Associated Press", "div.byline before-body");
	run_one(b, NULL);
	ck_assert_uint_eq(galley_article_list_len(b, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(b, GALLEY_LIST_AUTHORS, 0), "Mara Penrose");
	th_str_eq(galley_article_list_at(b, GALLEY_LIST_AUTHORS, 1), "Idris Okafor");
	galley_article_free(b);
	/* a profile's date of joining names nobody: "Joined" is no name beside a date */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "Joined March 2011", "div.profile-joined before-body");
	expect_no_author(a);
}
END_TEST

/* Runs the tagger on a and checks its first author and the outcome of the metadata-versus-page
 * decision (the authors decision's detail); frees a. */
static void expect_outcome(galley_article *a, const char *name, const char *outcome)
{
	run_one(a, NULL);
	ck_assert_msg(galley_article_list_len(a, GALLEY_LIST_AUTHORS) >= 1, "no author; expected '%s' by %s", name, outcome);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), name);
	const galley_decision *d = galley_article_decision_for(a, "authors");
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(d->detail);
	th_str_eq(d->detail, outcome);
	galley_article_free(a);
}

/* The metadata-versus-page decision: one fixture per outcome (ta_author_decide.c). */
START_TEST(decision_outcomes_each_with_a_fixture)
{
	/* page-over-account: metadata names a CMS account, the byline a person */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "link78", "json-ld");
	add_removed(a, "byline", "By Jane Roe", "div.byline before-body");
	expect_outcome(a, "Jane Roe", "page-over-account");
	/* ... or, with no byline, the name shown with the article */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "link78", "json-ld");
	add_removed(a, "byline", "Jane Roe", "div.author-name before-body");
	expect_outcome(a, "Jane Roe", "page-over-account");

	/* byline-names-others: the byline with the article names a person metadata does not */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "John Moe", "json-ld");
	add_removed(a, "byline", "By Jane Roe", "div.byline before-body");
	expect_outcome(a, "Jane Roe", "byline-names-others");
	/* ... or anyone, when metadata names no person: a release's issuing office under its label
	 * against metadata naming the organisation */
	a = th_article_html("<p>Die Versammlung hat eine neue Präsidentin gewählt.</p>"
	                    "<p>Herausgeber:</p><p>Pressestelle des Verbandes<br/>Reinhardtstraße 13</p>");
	galley_article_add_candidate(a, "author", "Beispielverband", "json-ld");
	expect_outcome(a, "Pressestelle des Verbandes", "byline-names-others");

	/* page-covers-metadata: the page shows metadata's one name and another (metadata often
	 * lists only the first author) */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "json-ld");
	add_removed(a, "byline", "By Jane Roe and John Moe", "div.byline before-body");
	expect_outcome(a, "Jane Roe", "page-covers-metadata");
	/* byline-subset-of-metadata: the byline credits one of the people metadata lists */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "json-ld");
	galley_article_add_candidate(a, "author", "John Moe", "json-ld");
	add_removed(a, "byline", "By John Moe", "div.byline before-body");
	expect_outcome(a, "John Moe", "byline-subset-of-metadata");
	/* byline-user-name: the byline with the article is a user's one capitalised word */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "json-ld");
	add_removed(a, "byline", "Geschrieben von Marlowe am 14.03.2019", "div.byline before-body");
	expect_outcome(a, "Marlowe", "byline-user-name");
	/* metadata: metadata names people, the page's byline is far from the article */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Roe", "json-ld");
	add_removed(a, "byline", "By John Moe", "div.card after-body in:related");
	expect_outcome(a, "Jane Roe", "metadata");
	/* byline-over-outlet-metadata: metadata names the outlet, the page a byline */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "site", "Example News", "opengraph");
	galley_article_add_candidate(a, "author", "Example News", "json-ld");
	add_removed(a, "byline", "By Jane Roe", "div.byline before-body");
	expect_outcome(a, "Jane Roe", "byline-over-outlet-metadata");
	/* visible-over-outlet-metadata: the same with an unlabelled byline element */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "site", "Example News", "opengraph");
	galley_article_add_candidate(a, "author", "Example News", "json-ld");
	add_removed(a, "byline", "Jane Roe", "div.author-name before-body");
	expect_outcome(a, "Jane Roe", "visible-over-outlet-metadata");
	/* metadata-over-list-byline: metadata names the outlet, the only byline is a teaser list's */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "site", "Example News", "opengraph");
	galley_article_add_candidate(a, "author", "Example News", "json-ld");
	add_removed(a, "byline", "By Ann Lee", "div.card after-body in:related");
	add_removed(a, "byline", "By Bo Chen", "div.card after-body in:related");
	add_removed(a, "byline", "By Cy Park", "div.card after-body in:related");
	expect_outcome(a, "Example News", "metadata-over-list-byline");
	/* byline-element-over-phrase: a labelled phrase after the article names no person, the
	 * article's byline element names one */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Example Team", "p.note after-body");
	add_removed(a, "byline", "Jane Roe", "div.author-name before-body");
	expect_outcome(a, "Jane Roe", "byline-element-over-phrase");
	/* outlet-metadata: metadata names only the outlet and the page nobody */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "site", "Example News", "opengraph");
	galley_article_add_candidate(a, "author", "Example News", "json-ld");
	expect_outcome(a, "Example News", "outlet-metadata");
	/* ... and where metadata names nobody */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Jane Roe", "div.byline before-body");
	expect_outcome(a, "Jane Roe", "byline-over-outlet-metadata");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("tag-attribution author rules");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, decisions_name_their_rule);
	tcase_add_test(tc, author_rules_each_with_a_fixture);
	tcase_add_test(tc, author_rules_byline_blocks_and_credits);
	tcase_add_test(tc, byline_glued_handles_and_dates);
	tcase_add_test(tc, decision_outcomes_each_with_a_fixture);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
