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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Grow more beans");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Loïc Le Garrec");
	galley_article_free(a);

	/* an agency byline stays whole */
	a = th_article_html("<p class=\"author\">dsw / DPA</p><p>Text of the story.</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "dsw / DPA");
	galley_article_free(a);
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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);
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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Julia Marbach");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Amelie Vossberg");
	galley_article_free(a);

	/* ... not a heading or a name before a date, nor a list of years and names */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Pressemitteilung Aktuell 17. März 2020", "div.headline-info before-body");
	add_removed(a, "outside-main", "2020 Antonio Ferrucci", "li.group before-body");
	add_removed(a, "outside-main", "2019 Michael Brandl", "li.group before-body");
	add_removed(a, "outside-main", "2017 Klaus Dörrer", "h2 before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* the section beside each date of a list after the article names nobody */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "11/08/2021 Economía", "div.date-section after-body in:paywall");
	add_removed(a, "dateline", "11/08/2021 Valdemora", "div.date-section after-body in:paywall");
	add_removed(a, "dateline", "12/08/2021 Deportes", "div.date-section after-body in:paywall");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a label beside the date that reads as no person */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "17. Oktober 2020 | PAID CONTENT", "span.date2 in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Henrik");
	galley_article_free(a);

	/* a post's meta line taken for a teaser inside the article, labelled and dated */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "teaser", "Ein Artikel von Marlene Verhoeven | 14.09.2021 - 08:20", "div.metaInfo in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Marlene Verhoeven");
	galley_article_free(a);
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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
}
END_TEST

START_TEST(visible_byline_beats_other_metadata)
{
	/* the byline shown with the article names someone else than the metadata */
	galley_article *a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Isabell Dorn", "json-ld");
	add_removed(a, "byline", "Von Matthias Lehnert", "p in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Matthias Lehnert");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jacobo Villegas Muñoz");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Gregor Sandmann");
	galley_article_free(a);

	/* an organisation's site: its copyright line names no author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.kanton-beispiel.example/de/medienmitteilungen.html");
	add_removed(a, "footer", "© Kanton Beispiel", "div.copy after-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* nor when the site bears the office's name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.kanton-beispiel.example/de/medienmitteilungen.html");
	galley_article_set(a, GALLEY_FIELD_SITE, "Kanton Beispiel");
	add_removed(a, "footer", "© Kanton Beispiel", "div.copy after-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* nor when the site's address spells the organisation's name as a personal site's spells its
	 * holder's */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://examplestats.com/change-axis-labels-in-r");
	galley_article_set(a, GALLEY_FIELD_SITE, "Example Stats");
	add_removed(a, "footer", "© Copyright Example Stats – Legal Notice & Privacy Policy", "p after-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a site named after its holder, an initial glued to the surname, "since" before the year */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://rsteinbe.wordpress.com/2015/09/02/notizen/");
	galley_article_set(a, GALLEY_FIELD_SITE, "R.Steinberger");
	add_removed(a, "sidebar", "© since 2013 by R.Steinberger All rights reserved Impressum", "div.textwidget after-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "R.Steinberger");
	galley_article_free(a);

	/* a picture's credit is not the author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "credit", "© Niklas Herrbach / Greenpeace", "span.copyright in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "NORDFUNK KIEL/ls");
	galley_article_free(a);

	/* the text opens by saying it is an interview by its writer with someone: the writer, over
	 * metadata that names the account that posted it */
	a = th_article_html("<p>Es gibt mehr Kritiker als vermutet.</p><p><em>Ein Interview von <strong>Eugen Wallner</strong> mit <strong>Sonja Kettner</strong>.</em></p><p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Paul Rehberg", "meta");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Eugen Wallner");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* metadata names only the desk; the story closes with its agency credit in parentheses */
	a = th_article_html("<p>Some story text that is long enough.</p><p>Die Brücke könne schon im Mai wieder öffnen, hieß es. (KN mit dpa)</p>");
	galley_article_add_candidate(a, "author", "Redaktion", "json-ld");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "KN mit dpa");
	galley_article_free(a);

	/* a figure in parentheses, a picture's label, are no credit */
	a = th_article_html("<p>Some story text that is long enough.</p><p>Der Umsatz stieg deutlich. (Foto: dpa)</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a chart's source is no credit of the desk */
	a = th_article_html("<p>Some story text that is long enough.</p><p>Quelle: Statistisches Bundesamt/eigene Berechnung</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Peter Kornmann");
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
	/* a story's sentence that opens with a name and a role word is no contact block */
	a = th_article_html("<p>Some story text that is long enough.</p>"
	                    "<p>Harbour Ward King and his court rode to the coast. The sea was calm that day.</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a category beside the date is no person, a nationality's adjective opening it */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "meta", "2020-04-26 Deutsche Mundarten", "div.mh-meta before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a short name the text does not introduce signs nothing */
	a = th_article_html("<p>Dazu werden an der Akademie die Ver\xc3\xa4nderungen erfasst.</p>");
	add_removed(a, "teaser", "BAK", "p in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);

	/* an editor's or a translator's credit names no author, nor is the whole line a name, in a
	 * byline block or in metadata */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Second Edition Edited by Omar Haddad", "span in-body");
	galley_article_add_candidate(a, "author", "Second Edition Edited by Omar Haddad", "microdata");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Von Anna Schmidt. Übersetzt von Peter Müller", "p.author before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Anna Schmidt");
	galley_article_free(a);


	/* in a link's text, a label inside it is a preposition; one opening it is a byline */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "link-density", "KB1234567 vom 23.04.2016: offizielle Hinweise von Microsoft »", "li in-body");
	add_removed(a, "link-density", "Red Ale Cascade von Krone", "h3.field-content in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
	a = th_article_html("<p><img alt=\"Das neue Rathaus\" src=\"a.jpg\"/></p><p>Das neue Rathaus</p><p>Some story text that is long enough.</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a portrait of the person the title names, captioned, is no badge */
	a = th_article_html("<p><img alt=\"Jane Porter\" src=\"a.jpg\"/></p><p>Jane Porter</p>"
	                    "<p>The new mayor spoke to the council about the budget for the coming year, and about the "
	                    "roads, the schools and the parks that it will have to pay for.</p>");
	galley_article_set(a, GALLEY_FIELD_TITLE, "Jane Porter wins the vote");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
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
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Nadia Farouk");
	galley_article_free(a);

	/* a dot between the name and the date separates them as a comma does; a place before it is
	 * no name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "Jane Doe \xc2\xb7 12.03.2021", "div.meta before-body");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Doe");
	galley_article_free(a);
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "dateline", "Berlin \xe2\x80\xa2 12.03.2021", "div.meta before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a department after the organisation is no second author */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	galley_article_add_candidate(a, "author", "Feuerwehr Lindenhof, Abteilung Höhenrettung", "meta");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 1);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Feuerwehr Lindenhof");
	galley_article_free(a);

	/* "Über" before a topic that the line goes on about is no page about a person; a menu's
	 * item with a short name after a slash is no agency's credit */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Über ACME Studio für technische Zeichnungen", "li after-body");
	add_removed(a, "outside-main", "Fragen zu Wasser / FAQ", "li.level1 before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a German noun in both genders is a role, no name */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "byline", "Verifizierte/r Gartenfreund/in am 14.3.2019", "div.rating before-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a count after "von" and a change's label beside its date are no names */
	a = th_article_html("<p>Some story text that is long enough.</p>");
	add_removed(a, "outside-main", "Es werden die Artikel 1 bis 10 von insgesamt 23 angezeigt!", "div.col-md-9 before-body");
	add_removed(a, "dateline", "Letzte Änderung 23.05.2018", "p.pull-left in-body");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	/* a signature closes the text; a heading between two paragraphs (a speaker's name before her
	 * answer) does not */
	a = th_article_html("<p>Open licences help people share their work across borders.</p><p>Jane Porter</p>");
	run_one(a, NULL);
	th_str_eq(galley_article_list_at(a, GALLEY_LIST_AUTHORS, 0), "Jane Porter");
	galley_article_free(a);
	a = th_article_html("<p>Open licences help people share their work across borders.</p><p>Jane Porter</p>"
	                    "<p>We back projects that lead the open sharing of knowledge and culture, and over "
	                    "a billion works have been shared through them so far.</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);

	a = th_article_html("<h5>Erika Mustermann erklärt die Lage<br/>Gesellschaft der Beispielforscher e.V.</h5>"
	                    "<p>Ein Forschungsteam stellt in einer Fachzeitschrift ein neues Verfahren vor.</p>");
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
	galley_article_free(a);
}
END_TEST

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

/* Runs the tagger on a and checks that it names no author; frees a. */
static void expect_no_author(galley_article *a)
{
	run_one(a, NULL);
	ck_assert_uint_eq(galley_article_list_len(a, GALLEY_LIST_AUTHORS), 0);
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
	Suite *s = suite_create("tag-attribution authors");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, authors_visible_beats_metadata);
	tcase_add_test(tc, byline_cleaning);
	tcase_add_test(tc, author_kinds);
	tcase_add_test(tc, finders_and_metadata_lists);
	tcase_add_test(tc, decisions_name_their_rule);
	tcase_add_test(tc, author_rules_each_with_a_fixture);
	tcase_add_test(tc, author_rules_byline_blocks_and_credits);
	tcase_add_test(tc, byline_glued_handles_and_dates);
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
	tcase_add_test(tc, decision_outcomes_each_with_a_fixture);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
