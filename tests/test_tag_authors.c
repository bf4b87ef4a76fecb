/* tag-attribution: authors (finders, the metadata-versus-page decision, byline cleaning, kinds). */
#include "tag_fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(authors_visible_beats_metadata)
{
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "BBC News", "json-ld");
	galley_removed r = {"byline", "By Jane Doe and John Roe | Reuters | 5 March 2024", "div.byline"};
	galley_article_add_removed(a, &r);
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "John Roe");
	/* the credit as printed, without its label nor what follows the names */
	th_str_eq(galley_article_get(a, GALLEY_FIELD_BYLINE), "Jane Doe and John Roe");
	galley_article_free(a);

	/* metadata names only the first of two */
	a = th_article_html("<div class=\"byline\">Von Anna Schmidt und Peter Müller</div><p>Text.</p>");
	galley_article_add_candidate(a, "author", "Anna Schmidt", "json-ld");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "Peter Müller");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_BYLINE), "Anna Schmidt und Peter Müller");
	galley_article_free(a);

	/* a role in the plural after the names is no third author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_removed rp = {"byline", "By Mara Penrose and Tomas Okafor, Local Democracy Reporters", "div.byline"};
	galley_article_add_removed(a, &rp);
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "Tomas Okafor");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_BYLINE), "Mara Penrose and Tomas Okafor");
	galley_article_free(a);

	/* a member name that is a phrase, under a label and in metadata: whole, not cut at "more" */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "sidebar", "Autor", "dt after-body");
	add_removed(a, "sidebar", "Grow more beans", "dd after-body");
	galley_article_add_candidate(a, "author", "Grow more beans", "json-ld");
	expect_sole_author(a, "Grow more beans");

	/* a team after a name, both listed as authors in metadata: two authors, the line as printed */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "von Michael Hölzner, Redaktion", "p.author before-body");
	galley_article_add_candidate(a, "author", "Michael Hölzner", "json-ld");
	galley_article_add_candidate(a, "author", "Redaktion", "json-ld");
	galley_article_add_candidate(a, "author", "Michael Hölzner, Redaktion", "meta");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "Redaktion");
	th_str_eq(galley_article_get(a, GALLEY_FIELD_BYLINE), "Michael Hölzner, Redaktion");
	galley_article_free(a);

	/* an account named like the site's brand: the person its footer credits the brand to */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "footer", "© Lumenblatt by Carla", "li after-body");
	galley_article_add_candidate(a, "author", "lumenblatt", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Carla");
	galley_article_free(a);

	/* nor a role after the name in metadata and the byline alike */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Evan Marlow Staff Writer", "p.author before-body");
	galley_article_add_candidate(a, "author", "Evan Marlow", "json-ld");
	galley_article_add_candidate(a, "author", "Evan Marlow Staff Writer", "meta");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Evan Marlow");
	galley_article_free(a);

	/* the dateline's place after the writers, a comma before it, is no author, nor their role */
	static const struct {
		const char *line, *first, *second;
	} placed[] = {
		{"By Jane Doe, Washington", "Jane Doe", NULL},
		{"By Jane Doe, New York", "Jane Doe", NULL},
		{"By Jane Doe, Washington, D.C.", "Jane Doe", NULL},
		{"By Jane Doe and John Roe, London", "Jane Doe", "John Roe"},
		{"By Jane Doe, John Roe, Berlin", "Jane Doe", "John Roe"},
		{"Von Anna Schmidt, Berlin.", "Anna Schmidt", NULL},
		/* a newsroom role after the name, in French and Spanish too */
		{"Par Jeanne Dupont, correspondante à Bruxelles", "Jeanne Dupont", NULL},
		{"Por Juan Pérez, enviado especial a Kiev", "Juan Pérez", NULL},
	};
	for (size_t i = 0; i < sizeof placed / sizeof placed[0]; i++) {
		a = th_article_html("<p>Some story text that is long enough.</p>");
		add_removed(a, "byline", placed[i].line, "p.byline before-body");
		run_one(a, NULL);
		ck_assert_msg(galley_article_list_len(a, GALLEY_LIST_AUTHORS) == (placed[i].second ? 2u : 1u), "%s", placed[i].line);
		th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), placed[i].first);
		if (placed[i].second)
			th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), placed[i].second);
		galley_article_free(a);
	}

	/* but an outlet after the name that metadata does not list apart stays out */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Jane Doe, Reuters", "p.author before-body");
	galley_article_add_candidate(a, "author", "Jane Doe, Reuters", "meta");
	expect_sole_author(a, "Jane Doe");

	/* metadata lists three that the page never prints together: no byline */
	a = th_article_html("<p>Text by the desk about Ann Lee and others.</p>");
	galley_article_add_candidate(a, "author", "Ann Lee", "json-ld");
	galley_article_add_candidate(a, "author", "Bo Chen", "json-ld");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	ck_assert_ptr_null(galley_article_get(a, GALLEY_FIELD_BYLINE));
	galley_article_free(a);

	/* metadata only; URLs are not names */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "author", "https://www.facebook.com/someone", "article-meta");
	galley_article_add_candidate(a, "author", "Par Loïc Le Garrec", "meta");
	expect_sole_author(a, "Loïc Le Garrec");

	/* an agency byline stays whole */
	a = th_article_html("<p class=\"author\">dsw / DPA</p><p>Text of the story.</p>");
	expect_sole_author(a, "dsw / DPA");
}
END_TEST

/* Byline cleaning: what follows a writer's name in the byline and is no part of it. */
START_TEST(byline_cleaning)
{
	static const struct {
		const char *line, *first;
	} lines[] = {
		/* a job title that an opener starts and a role closes */
		{"By Jane Doe Staff Writer", "Jane Doe"},
		{"By Jane Doe Senior Science Editor, Example Post", "Jane Doe"},
		/* but a surname that is such a word stays */
		{"By Jane Senior", "Jane Senior"},
		/* a desk's short name between slashes after the name */
		{"Jane Doe / XYZ / Updated: May 5, 2021, 10:05", "Jane Doe"},
		/* a given name that is also a particle opens a name */
		{"By Al Roe", "Al Roe"},
		/* an outlet's name after the writer's, no comma between (but a desk's credit stays whole) */
		{"By Jane Doe Example Evening Times", "Jane Doe"},
		{"By Example News Desk", "Example News Desk"},
		/* a weekday and its date after a comma */
		{"By Jane Doe, Monday, March 5, 2024", "Jane Doe"},
		{"Von Anna Schmidt, Montag, 5. März 2024", "Anna Schmidt"},
		/* a joining word before words in lower case */
		{"By Jane Doe with additional reporting", "Jane Doe"},
		/* a section's word before the names, a separator between */
		{"Wirtschaft \xc2\xb7 Jane Doe", "Jane Doe"},
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
		add_removed(a, "byline", lines[i].line, "p.byline before-body");
		run_one(a, NULL);
		ck_assert_msg(galley_article_list_len(a, GALLEY_LIST_AUTHORS) == 1u, "%s", lines[i].line);
		th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), lines[i].first);
		galley_article_free(a);
	}

	/* co-authors joined by one word, in capitals too */
	static const char *const two[] = {"Par Jeanne Dupont avec Paul Roe", "By Jane Doe with John Roe", "BY JANE DOE AND JOHN ROE",
	                                  "Von Anna Schmidt und Peter Roe"};
	for (size_t i = 0; i < sizeof two / sizeof two[0]; i++) {
		galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
		add_removed(a, "byline", two[i], "p.byline before-body");
		run_one(a, NULL);
		ck_assert_msg(galley_article_list_len(a, GALLEY_LIST_AUTHORS) == 2u, "%s", two[i]);
		galley_article_free(a);
	}

	/* the byline credits one of the people metadata lists (the others took the pictures) */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Jane Doe", "p.byline before-body");
	galley_article_add_candidate(a, "author", "Jane Doe, Ann Lee, Bo Chen", "meta");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	const galley_decision *dc = galley_article_decision_for(a, "authors");
	ck_assert(dc != NULL);
	th_str_eq(dc->detail, "byline-subset-of-metadata");
	galley_article_free(a);
}
END_TEST

/* Each author's kind: a person, or an organisation where the byline credits one. */
START_TEST(author_kinds)
{
	static const struct {
		const char *line;
		galley_author_kind kind;
	} lines[] = {
		{"By Jane Doe", GALLEY_AUTHOR_PERSON},
		{"By Example Press Agency", GALLEY_AUTHOR_ORGANISATION},   /* a word of org-words.txt */
		{"Von Redaktion Beispielstadt", GALLEY_AUTHOR_ORGANISATION},
		{"By XYZ", GALLEY_AUTHOR_ORGANISATION},                     /* initials in capitals */
		{"By John Staff", GALLEY_AUTHOR_PERSON},                    /* a given name first */
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
		add_removed(a, "byline", lines[i].line, "p.byline before-body");
		run_one(a, NULL);
		ck_assert_msg(galley_article_list_len(a, GALLEY_LIST_AUTHORS) == 1u, "%s", lines[i].line);
		ck_assert_msg(galley_article_author_kind(a, 0) == lines[i].kind, "%s: kind %d", lines[i].line, (int)galley_article_author_kind(a, 0));
		galley_article_free(a);
	}
}
END_TEST

/* Finders and metadata on their own: co-author links, counts, a label set apart, a teaser
 * list's bylines, a company listed beside the writer. */
START_TEST(finders_and_metadata_lists)
{
	galley_article *a;
	/* two author links that one byline line shows together are both authors; a teaser's
	 * author link elsewhere is not */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Jane Doe", "link");
	galley_article_add_candidate(a, "author", "John Roe", "link");
	galley_article_add_candidate(a, "author", "Ann Lee", "link");
	add_removed(a, "sidebar", "Jane Doe and John Roe", "div.contributors before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "John Roe");
	galley_article_free(a);

	/* a dated meta line names its writer (segmented-name), but a count's noun after its number
	 * is nobody ("12 Shares") */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "meta", "Jane Doe | 5 May 2021", "div.meta before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "meta", "12 Shares", "div.meta before-body");
	expect_no_author(a);

	/* "By" alone in its element, the name in the next one (label-then-name); not the first of
	 * several names set apart, nor a heading after it */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "By", "span before-body");
	add_removed(a, "outside-main", "Jane Doe", "div.name before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "By", "span before-body");
	add_removed(a, "teaser", "Related Stories", "h2 before-body");
	expect_no_author(a);

	/* a teaser list's bylines (labelled-far-block) yield to a labelled credit with the article
	 * in another block (labelled-other-block) */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "By Jane Doe", "div.credit in-body");
	add_removed(a, "byline", "By Ann Lee", "div.card in-body");
	add_removed(a, "byline", "By Bo Chen", "div.card in-body");
	add_removed(a, "byline", "By Cy Park", "div.card in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);

	/* metadata credits the outlet's desk, the only byline comes after the article and names no
	 * person: the desk (desk-over-far-byline) */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "site", "Example", "opengraph");
	galley_article_add_candidate(a, "author", "Example Staff", "meta");
	add_removed(a, "byline", "By Widgetco", "div.grid after-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Example Staff");
	ck_assert_int_eq(galley_article_author_kind(a, 0), GALLEY_AUTHOR_ORGANISATION);
	th_str_eq(galley_article_decision_for(a, "authors")->detail, "desk-over-far-byline");
	galley_article_free(a);

	/* a meta line with a person's name and the handle, metadata naming the outlet: the person
	 * (header-line-name) */
	a = th_article_html("<p>Jane Doe wrote this story text that is long enough.</p>");
	galley_article_add_candidate(a, "site", "Example", "opengraph");
	galley_article_add_candidate(a, "author", "Example", "meta");
	add_removed(a, "meta", "Jane Doe, @janedoe", "div.post-meta before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);

	/* metadata names the company beside the writer: the writer */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Example Media Inc.", "meta");
	galley_article_add_candidate(a, "author", "Jane Doe", "meta");
	expect_sole_author(a, "Jane Doe");
}
END_TEST

START_TEST(bylines_by_place)
{
	/* a teaser list's bylines (one class, several names) come before the article's own in the
	 * removed list; the article's own wins */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "von Petra Kaltwasser", "p.listing__author before-body");
	add_removed(a, "byline", "von Thomas Brenneis", "p.listing__author before-body");
	add_removed(a, "byline", "von Taiya Orlowski", "p.listing__author before-body");
	add_removed(a, "byline", "von Julia Marbach", "p in-body");
	expect_sole_author(a, "Julia Marbach");

	/* a byline inside a related-stories box after the article is not the article's */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Weinlachgummi", "microdata");
	add_removed(a, "byline", "by Akira Tomlin", "div.book_author after-body in:sidebar");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Weinlachgummi");
	galley_article_free(a);
}
END_TEST

START_TEST(header_lines_name_beside_a_date)
{
	/* a full name closing a header line right after a date */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "11.12.2019 - Amelie Vossberg", "p.text-muted before-body");
	expect_sole_author(a, "Amelie Vossberg");

	/* ... not a heading or a name before a date, nor a list of years and names */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Pressemitteilung Aktuell 17. März 2020", "div.headline-info before-body");
	add_removed(a, "outside-main", "2020 Antonio Ferrucci", "li.group before-body");
	add_removed(a, "outside-main", "2019 Michael Brandl", "li.group before-body");
	add_removed(a, "outside-main", "2017 Klaus Dörrer", "h2 before-body");
	expect_no_author(a);

	/* the section beside each date of a list after the article names nobody */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "11/08/2021 Economía", "div.date-section after-body in:paywall");
	add_removed(a, "dateline", "11/08/2021 Valdemora", "div.date-section after-body in:paywall");
	add_removed(a, "dateline", "12/08/2021 Deportes", "div.date-section after-body in:paywall");
	expect_no_author(a);

	/* a label beside the date that reads as no person */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "17. Oktober 2020 | PAID CONTENT", "span.date2 in-body");
	expect_no_author(a);
}
END_TEST

START_TEST(authors_completed_from_the_full_name_shown)
{
	/* a first name alone, completed from the author's note that opens with the full name */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Jonas", "div.cb-author before-body");
	add_removed(a, "byline", "Jonas Feldberg - Tischler, Segler und Projektleiter.", "div.author-bio before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jonas Feldberg");
	galley_article_free(a);

	/* initials alone in the byline: the full name the page gives with them after a label */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Posted by RK in Tagebuch", "p before-body");
	add_removed(a, "credit", "Ein Gartentagebuch von Ronald Kessler steht unter einer Creative Commons Lizenz.", "div after-body in:footer");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Ronald Kessler");
	galley_article_free(a);

	/* a first name alone in metadata, the full name alone in a line of the header */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Todd", "json-ld");
	add_removed(a, "sidebar", "Todd Fairley", "p.full-name before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Todd Fairley");
	galley_article_free(a);
}
END_TEST

START_TEST(labelled_lines_beat_metadata_and_sidebars)
{
	/* "Author" mid-line in the article's meta line, against a name in a sidebar after it */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Posted on 9. März 2018 Author Tobias Wendeler 7 Kommentare", "p.entry-meta before-body");
	add_removed(a, "byline", "Thomas Elsner", "div.quote_author after-body in:sidebar");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Tobias Wendeler");
	galley_article_free(a);

	/* a line the label opens, taken for a teaser inside the article, beats an organisation's metadata */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Bund der Gartenfreunde e.V.", "json-ld");
	add_removed(a, "teaser", "Von Wiebke Hembach", "h5 in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Wiebke Hembach");
	galley_article_free(a);

	/* a user's name in the byline shown with the article beats other metadata */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Matthias Obermann", "meta");
	add_removed(a, "dateline", "Erstellt von Henrik am Donnerstag 9. Juli 2015", "p.date before-body");
	expect_sole_author(a, "Henrik");

	/* a post's meta line taken for a teaser inside the article, labelled and dated */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "teaser", "Ein Artikel von Marlene Verhoeven | 14.09.2021 - 08:20", "div.metaInfo in-body");
	expect_sole_author(a, "Marlene Verhoeven");
}
END_TEST

START_TEST(cms_accounts_written_out_where_the_article_signs)
{
	/* a CMS account made of a person's names, written out where the article signs */
	galley_article *a = th_article_html("<p>Some story text that is long enough to be an article.</p>"
	                    "<p>Die Ortsumgehung bleibt umstritten. (Christian P. Lindqvist) +++</p>");
	galley_article_add_candidate(a, "author", "christian.lindqvist", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Christian P. Lindqvist");
	galley_article_free(a);

	/* a CMS account in lower case, capitalised where the article signs with it */
	a = th_article_html("<p>Some story text that is long enough to be an article.</p>");
	galley_article_add_candidate(a, "author", "lotte", "json-ld");
	add_removed(a, "outside-main", "3. April 2022 by lotte", "div.post-info before-body");
	add_removed(a, "short", "Deine Lotte", "p in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Lotte");
	galley_article_free(a);
	/* a short last line that only starts with the word signs nothing */
	a = th_article_html("<p>Some story text that is long enough to be an article.</p><p>Red Bull Racing</p>");
	galley_article_add_candidate(a, "author", "red", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "red");
	galley_article_free(a);
}
END_TEST

START_TEST(header_meta_lines_with_a_name_alone)
{
	/* a name alone in a header line of a meta data class the stripper set apart */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Nikolai Brandes,", "p.news__meta-text before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Nikolai Brandes");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Ehrenamt Sportvereine 23.01.2020", "div.page-meta before-body");
	expect_no_author(a);

	/* a name with an agency's short name after a slash, in a header line set apart */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Peter Kornmann/SP-X", "div.col-md-4 before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Peter Kornmann");
	galley_article_free(a);
}
END_TEST

START_TEST(lines_that_name_nobody)
{
	/* a heading in capitals: its "VON" is a preposition */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "ERNEUERUNG VON HAFENANLAGEN", "p after-body");
	expect_no_author(a);

	/* after a role, "von" is "of": no byline */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "short", "John v. Hallberg-Rosenau, Geschäftsführer von Mervalo", "span in-body");
	run_one(a, NULL);
	for (size_t i = 0; i < galley_article_list_len(a, GALLEY_LIST_AUTHORS); i++)
		ck_assert_str_ne(galley_article_list_at(a, GALLEY_LIST_AUTHORS, i), "Mervalo");
	galley_article_free(a);

	/* a follow button's label is no name: "Seguir Valparaíso" */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Seguir Valparaíso", "label before-body");
	expect_no_author(a);
}
END_TEST

START_TEST(visible_byline_beats_other_metadata)
{
	/* the byline shown with the article names someone else than the metadata */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Isabell Dorn", "json-ld");
	add_removed(a, "byline", "Von Matthias Lehnert", "p in-body");
	expect_sole_author(a, "Matthias Lehnert");

	/* ... but the same person spelt with more words ("Staff Writer") is the metadata's */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Evan Marlow", "json-ld");
	add_removed(a, "byline", "By Evan Marlow Staff Writer", "div.author before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Evan Marlow");
	galley_article_free(a);

	/* metadata naming the site itself (its web address) is the outlet */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.elmirador.com/region/story-123");
	galley_article_add_candidate(a, "author", "El Mirador", "json-ld");
	add_removed(a, "byline", "Jacobo Villegas Muñoz | Publicado hace 3 horas", "h6 before-body");
	expect_sole_author(a, "Jacobo Villegas Muñoz");

	/* a user name closed by a separator, and a label followed by separators of the markup */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Dezember 10, 2019 · von wanderer1979 · in Uncategorized", "div.byline before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "wanderer1979");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "17.06.2019 - Redaktion: Konrad Lenzig (Pressesprecher)", "div.news before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Konrad Lenzig");
	galley_article_free(a);
}
END_TEST

START_TEST(signature_and_copyright)
{
	/* a personal site's copyright line names its author */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://gregorsandmann.example/blog/2020/01/13/notes/");
	add_removed(a, "footer", "Copyright (c) 2009- Gregor Sandmann. All rights reserved.", "p after-body");
	expect_sole_author(a, "Gregor Sandmann");

	/* an organisation's site: its copyright line names no author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.kanton-beispiel.example/de/medienmitteilungen.html");
	add_removed(a, "footer", "© Kanton Beispiel", "div.copy after-body");
	expect_no_author(a);

	/* nor when the site bears the office's name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.kanton-beispiel.example/de/medienmitteilungen.html");
	galley_article_set(a, GALLEY_FIELD_SITE, "Kanton Beispiel");
	add_removed(a, "footer", "© Kanton Beispiel", "div.copy after-body");
	expect_no_author(a);

	/* nor when the site's address spells the organisation's name as a personal site's spells its
	 * holder's */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://examplestats.com/change-axis-labels-in-r");
	galley_article_set(a, GALLEY_FIELD_SITE, "Example Stats");
	add_removed(a, "footer", "© Copyright Example Stats – Legal Notice & Privacy Policy", "p after-body");
	expect_no_author(a);

	/* a site named after its holder, an initial glued to the surname, "since" before the year */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://rsteinbe.wordpress.com/2015/09/02/notizen/");
	galley_article_set(a, GALLEY_FIELD_SITE, "R.Steinberger");
	add_removed(a, "sidebar", "© since 2013 by R.Steinberger All rights reserved Impressum", "div.textwidget after-body");
	expect_sole_author(a, "R.Steinberger");

	/* a picture's credit is not the author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "credit", "© Niklas Herrbach / Greenpeace", "span.copyright in-body");
	expect_no_author(a);

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "short", "Stefan Kolbeck", "p in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Stefan Kolbeck");
	galley_article_free(a);
}
END_TEST

START_TEST(credit_lines_and_labels_apart)
{
	/* metadata names the site; the desk's credit line with its editor's sign is the byline */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.nordfunk.de/nachrichten/story-100.html");
	galley_article_add_candidate(a, "author", "nordfunk.de", "json-ld");
	add_removed(a, "teaser", "Quelle: NORDFUNK KIEL/ls", "p.text in-body");
	expect_sole_author(a, "NORDFUNK KIEL/ls");

	/* the text opens by saying it is an interview by its writer with someone: the writer, over
	 * metadata that names the account that posted it */
	a = th_article_html("<p>Es gibt mehr Kritiker als vermutet.</p><p><em>Ein Interview von <strong>Eugen Wallner</strong> mit <strong>Sonja Kettner</strong>.</em></p><p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Paul Rehberg", "meta");
	expect_sole_author(a, "Eugen Wallner");

	/* a description list's term kept with the text, its value set apart: the term labels it */
	a = th_article_html("<dl><dt>Auteur</dt></dl><p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "John Doe", "json-ld");
	add_removed(a, "link-density", "Jane Roe", "dd.inline-block in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Roe");
	galley_article_free(a);

	/* another term ("Cover") labels nothing */
	a = th_article_html("<dl><dt>Cover</dt></dl><p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "John Doe", "json-ld");
	add_removed(a, "link-density", "Jane Roe", "dd.inline-block in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "John Doe");
	galley_article_free(a);

	/* metadata names the site; a paragraph closing the text names the agency as its source */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.pfarrblatt.at/aktuelles/424242/story");
	galley_article_add_candidate(a, "author", "pfarrblatt.at", "meta");
	add_removed(a, "credit", "Quelle: kathpress", "p in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "kathpress");
	galley_article_free(a);

	/* a picture's credit is none */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "credit", "Quelle: dpa", "figcaption in-body");
	expect_no_author(a);

	/* metadata names only the desk; the story closes with its agency credit in parentheses */
	a = th_article_html("<p>Some story text that is long enough.</p><p>Die Brücke könne schon im Mai wieder öffnen, hieß es. (KN mit dpa)</p>");
	galley_article_add_candidate(a, "author", "Redaktion", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "KN mit dpa");
	galley_article_free(a);

	/* a figure in parentheses, a picture's label, are no credit */
	a = th_article_html("<p>Some story text that is long enough.</p><p>Der Umsatz stieg deutlich. (Foto: dpa)</p>");
	expect_no_author(a);

	/* a chart's source is no credit of the desk */
	a = th_article_html("<p>Some story text that is long enough.</p><p>Quelle: Statistisches Bundesamt/eigene Berechnung</p>");
	expect_no_author(a);

	/* the site's address written as a name yields to the byline element, a team too */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://polizeiticker.ch/artikel/unfall-219645");
	galley_article_add_candidate(a, "author", "polizeitickerch", "json-ld");
	add_removed(a, "byline", "Redaktion Blaulichtnews Schweiz", "p.article-author before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Redaktion Blaulichtnews Schweiz");
	galley_article_free(a);

	/* an editor's sign, the outlet and its agencies: one credit as shown */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://tirol.nrx.at/stories/1234567/");
	galley_article_add_candidate(a, "author", "NRX.at", "json-ld");
	add_removed(a, "byline", "red, tirol.NRX.at/Agenturen", "p in-body in:footer");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "red, tirol.NRX.at/Agenturen");
	galley_article_free(a);

	/* the label in one element, the name in the next; a search form's "Von:" is none */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "nav", "Von:", "div.inputGroup before-body");
	add_removed(a, "nav", "Suche", "button before-body");
	add_removed(a, "outside-main", "Autor:", "h5.title-inline before-body");
	add_removed(a, "outside-main", "Peter Kornmann/SP-X", "div.col-md-4 before-body");
	expect_sole_author(a, "Peter Kornmann");

	/* the outlet's staff after the name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_SITE, "PhillyVoice");
	add_removed(a, "byline", "Adam Feinberg CityVoice Staff", "p.author after-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Adam Feinberg");
	galley_article_free(a);

	/* an embedded post's credit names no author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "Ein Beitrag geteilt von Mirella Santucci (@mirellasantucci)", "p in-body");
	expect_no_author(a);
}
END_TEST

START_TEST(authors_when_nothing_else_names_one)
{
	/* a page saved without its address: a copyright line with a year, not a photographer's credit */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "footer", "Copyright (c) 2009- Gregor Sandmann. All rights reserved.", "p after-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Gregor Sandmann");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "credit", "Copyright: Gisele Marquardt", "p after-body");
	expect_no_author(a);

	/* an agency's credit opening the story, alone or in the dateline */
	a = th_article_html("<p>Lindenfeld (dpa/lno) – Der Gemeinderat hat am Abend den neuen Haushalt beschlossen.</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "dpa/lno");
	galley_article_free(a);
	a = th_article_html("<p>AFP</p><p>A ferry between two small islands was cancelled on Monday because of a storm.</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "AFP");
	galley_article_free(a);
	/* or as the last short line the stripper set apart before the text (reason "header") */
	a = th_article_html("<p>A ferry between two small islands was cancelled on Monday because of a storm.</p>");
	add_removed(a, "header", "Weather", "li before-body");
	add_removed(a, "header", "AFP", "p.credit before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "AFP");
	galley_article_free(a);
	a = th_article_html("<p>Mehr Infos</p><p>A ferry between two small islands was cancelled on Monday.</p>"
	                    "<p>The harbour office is checking the timetable for the rest of the week.</p>");
	expect_no_author(a);

	/* a press release's contact, not a person a teaser introduces */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "short", "Pressekontakt Dr. Jonas Lorenz Pressesprecher Beispielstrom AG Tel.: 040 12345 678", "p in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Dr. Jonas Lorenz");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p><p>Jan Kramer Telefon +49 (0)40 / 12 34 56 78</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jan Kramer");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "short", "Ernst Kramer, Vorstandsvorsitzender der Beispielmesse eG, im Interview", "p in-body");
	expect_no_author(a);
	/* a story's sentence that opens with a name and a role word is no contact block */
	a = th_article_html("<p>Some story text that is long enough.</p>"
	                    "<p>Harbour Ward King and his court rode to the coast. The sea was calm that day.</p>");
	expect_no_author(a);

	/* a copyright line naming a person by a common given name, not a picture's credit */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "http://example.org/blog/johannes/");
	add_removed(a, "credit", "(c) Johannes Falke • Nutzung nur mit Genehmigung", "p.copyrights-text after-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Johannes Falke");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.vogelschutz.example/news/details/story/");
	add_removed(a, "footer", "© Frank Berger (VSB-Bildarchiv)", "figure.image_container after-body");
	expect_no_author(a);

	/* a personal site's header, the name its address spells; not an outlet's */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://alexandermeier.wordpress.com/2018/05/22/sprachgeschichte/");
	add_removed(a, "outside-main", "Sprachblog Alexander Meier", "div#logo before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Alexander Meier");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.riverstates.example/2023/11/08/park/");
	add_removed(a, "header", "River States", "div.site-title before-body");
	expect_no_author(a);

	/* years and "by" as a copyright mark, the name ending before the next credit */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.example.org/2008/07/29/post/");
	add_removed(a, "outside-main", "(Creative Commons-Lizenz) 2005-2009 by Martin Albrecht Hosted by Example-Hosting - Theme by themeco",
	            "p after-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Martin Albrecht");
	galley_article_free(a);

	/* a post's footer that credits an office, not a person */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "footer", "Ein Angebot von der Redaktion um 21:11", "div.post-footer-line after-body");
	expect_no_author(a);

	/* a category beside the date is no person, a nationality's adjective opening it */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "meta", "2020-04-26 Deutsche Mundarten", "div.mh-meta before-body");
	expect_no_author(a);

	/* a short name the text does not introduce signs nothing */
	a = th_article_html("<p>Dazu werden an der Akademie die Ver\xc3\xa4nderungen erfasst.</p>");
	add_removed(a, "teaser", "BAK", "p in-body");
	expect_no_author(a);

}
END_TEST

START_TEST(byline_labels_and_joins)
{
	/* a Chinese label with a full-width colon, in a line of tags */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "tags", "责任编辑： 焦鹏", "span.p-jc in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "焦鹏");
	galley_article_free(a);

	/* an interview's byline: both people */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Jonas Peter Feldberg im Gespräch mit Lena Ostrowski", "p.author in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 2);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 1), "Lena Ostrowski");
	galley_article_free(a);

	/* the meta line kept at the top of the text, a picture's credit after the name */
	a = th_article_html("<p>Promis (1 / 1) 14.09.2022 17:05 von Greta Symbolbild imago</p><p>Some story text that is long enough.</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Greta");
	galley_article_free(a);

	/* a site's address as the author's name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Datum: 9. Juli 2016 Autor: www.wanderkiste.de 3 Kommentare", "div.post-meta before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "www.wanderkiste.de");
	galley_article_free(a);

	/* an agency's credit line: the reporter writes, the editor does not */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Reporting by Jane Doe; Editing by John Roe", "p.credit after-body");
	expect_sole_author(a, "Jane Doe");

	/* an editor's or a translator's credit names no author, nor is the whole line a name, in a
	 * byline block or in metadata */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Second Edition Edited by Omar Haddad", "span in-body");
	galley_article_add_candidate(a, "author", "Second Edition Edited by Omar Haddad", "microdata");
	expect_no_author(a);

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Von Anna Schmidt. Übersetzt von Peter Müller", "p.author before-body");
	expect_sole_author(a, "Anna Schmidt");


	/* in a link's text, a label inside it is a preposition; one opening it is a byline */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "KB1234567 vom 23.04.2016: offizielle Hinweise von Microsoft »", "li in-body");
	add_removed(a, "link-density", "Red Ale Cascade von Krone", "h3.field-content in-body");
	expect_no_author(a);

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "von Hannelore7 am 20.09.2020", "div.user-name in-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Hannelore7");
	galley_article_free(a);

	/* a name's particle is no label */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Walter von Auenfeld", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Walter von Auenfeld");
	galley_article_free(a);
}
END_TEST

START_TEST(authors_badges_and_issuers)
{
	/* not a picture's caption further down, nor one that names a thing */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p><p><img alt=\"jdoe42\" src=\"a.jpg\"/></p><p>jdoe42</p>");
	expect_no_author(a);
	a = th_article_html("<p><img alt=\"Das neue Rathaus\" src=\"a.jpg\"/></p><p>Das neue Rathaus</p><p>Some story text that is long enough.</p>");
	expect_no_author(a);

	/* a writer's byline comes first; a person in metadata is not overruled */
	a = th_article_html("<p>Von Anna Schmidt</p><p>Die Delegiertenversammlung hat eine neue Präsidentin gewählt.</p>"
	                    "<p>Herausgeber:</p><p>Pressestelle des Verbandes<br/>Reinhardtstraße 13</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Anna Schmidt");
	galley_article_free(a);
	a = th_article_html("<p>Die Delegiertenversammlung hat eine neue Präsidentin gewählt.</p>"
	                    "<p>Herausgeber:</p><p>Pressestelle des Verbandes<br/>Reinhardtstraße 13</p>");
	galley_article_add_candidate(a, "author", "Anna Schmidt", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Anna Schmidt");
	galley_article_free(a);

	/* a book's publisher in a review's list of facts is no issuing office */
	a = th_article_html("<p>Ein kluges Buch über die Geschichte der Stadt und ihrer Bewohner.</p>"
	                    "<p>Herausgeber:</p><p>Beispiel Verlag<br/>Berlin</p>");
	expect_no_author(a);

	/* a portrait of the person the title names, captioned, is no badge */
	a = th_article_html("<p><img alt=\"Jane Porter\" src=\"a.jpg\"/></p><p>Jane Porter</p>"
	                    "<p>The new mayor spoke to the council about the budget for the coming year, and about the "
	                    "roads, the schools and the parks that it will have to pay for.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Jane Porter wins the vote");
	expect_no_author(a);

	/* an organisation in metadata, a preposition continuing its name: whole, not cut there; a
	 * person's place is cut off */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Verein: Historische Mühle in Wendorf e.V.", "meta");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Verein: Historische Mühle in Wendorf e.V.");
	galley_article_free(a);
	/* none when it runs on to another name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Baltische Brote in Bremen - Pan Y Sal", "meta");
	expect_no_author(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Anna Schmidt in Berlin", "meta");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Anna Schmidt");
	galley_article_free(a);

	/* a name said twice in its block (a link's text and its title): once */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Holger von Birken Holger von Birken", "div.user-details before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Holger von Birken");
	galley_article_free(a);

	/* the dateline's place after the outlet is no part of the name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "By Nadia Farouk, BBC News, New York", "p in-body");
	galley_article_set(a, GALLEY_FIELD_SITE, "BBC News");
	expect_sole_author(a, "Nadia Farouk");

	/* a dot between the name and the date separates them as a comma does; a place before it is
	 * no name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "Jane Doe \xc2\xb7 12.03.2021", "div.meta before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "Berlin \xe2\x80\xa2 12.03.2021", "div.meta before-body");
	expect_no_author(a);

	/* a department after the organisation is no second author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Feuerwehr Lindenhof, Abteilung Höhenrettung", "meta");
	expect_sole_author(a, "Feuerwehr Lindenhof");

	/* "Über" before a topic that the line goes on about is no page about a person; a menu's
	 * item with a short name after a slash is no agency's credit */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Über ACME Studio für technische Zeichnungen", "li after-body");
	add_removed(a, "outside-main", "Fragen zu Wasser / FAQ", "li.level1 before-body");
	expect_no_author(a);

	/* a German noun in both genders is a role, no name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Verifizierte/r Gartenfreund/in am 14.3.2019", "div.rating before-body");
	expect_no_author(a);

	/* a count after "von" and a change's label beside its date are no names */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Es werden die Artikel 1 bis 10 von insgesamt 23 angezeigt!", "div.col-md-9 before-body");
	add_removed(a, "dateline", "Letzte Änderung 23.05.2018", "p.pull-left in-body");
	expect_no_author(a);

	/* a signature closes the text; a heading between two paragraphs (a speaker's name before her
	 * answer) does not */
	a = th_article_html("<p>Open licences help people share their work across borders.</p><p>Jane Porter</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Porter");
	galley_article_free(a);
	a = th_article_html("<p>Open licences help people share their work across borders.</p><p>Jane Porter</p>"
	                    "<p>We back projects that lead the open sharing of knowledge and culture, and over "
	                    "a billion works have been shared through them so far.</p>");
	expect_no_author(a);

	a = th_article_html("<h5>Erika Mustermann erklärt die Lage<br/>Gesellschaft der Beispielforscher e.V.</h5>"
	                    "<p>Ein Forschungsteam stellt in einer Fachzeitschrift ein neues Verfahren vor.</p>");
	expect_no_author(a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("tag-attribution authors");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, authors_visible_beats_metadata);
	tcase_add_test(tc, byline_cleaning);
	tcase_add_test(tc, author_kinds);
	tcase_add_test(tc, finders_and_metadata_lists);
	tcase_add_test(tc, bylines_by_place);
	tcase_add_test(tc, visible_byline_beats_other_metadata);
	tcase_add_test(tc, header_lines_name_beside_a_date);
	tcase_add_test(tc, authors_completed_from_the_full_name_shown);
	tcase_add_test(tc, labelled_lines_beat_metadata_and_sidebars);
	tcase_add_test(tc, cms_accounts_written_out_where_the_article_signs);
	tcase_add_test(tc, header_meta_lines_with_a_name_alone);
	tcase_add_test(tc, lines_that_name_nobody);
	tcase_add_test(tc, signature_and_copyright);
	tcase_add_test(tc, authors_when_nothing_else_names_one);
	tcase_add_test(tc, byline_labels_and_joins);
	tcase_add_test(tc, credit_lines_and_labels_apart);
	tcase_add_test(tc, authors_badges_and_issuers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
