/* tag-attribution: publication dates (shown, metadata, instants in the page's zone). */
#include "tag_fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs the tagger on a and checks the date it gives; frees a. */
static void expect_date(galley_article *a, const char *date)
{
	run_one(a, NULL);
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DATE), date);
	galley_article_free(a);
}

START_TEST(dates)
{
	/* the same instant in the page's own offset wins over UTC */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2024-03-05T23:30:00Z", "json-ld");
	galley_article_add_candidate(a, "date", "2024-03-06T00:30:00+01:00", "opengraph");
	galley_article_add_candidate(a, "date_modified", "2024-03-07T10:00:00+01:00", "json-ld");
	expect_date(a, "2024-03-06T00:30:00+01:00");

	/* the day the page shows, when the UTC timestamp rolled over: the instant in the page's
	 * own time, as its clock shows it */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2024-03-05T23:30:00Z", "json-ld");
	galley_removed r = {"dateline", "6. März 2024, 00:30 Uhr", "time"};
	galley_article_add_removed(a, &r);
	expect_date(a, "2024-03-06T00:30:00+01:00");

	/* the fetch date is not a publication date */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2024-01-01", "warc");
	galley_article_add_candidate(a, "date", "2023-12-24", "time");
	expect_date(a, "2023-12-24");
}
END_TEST

START_TEST(date_from_dateline_only)
{
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_removed r1 = {"dateline", "Last updated: 21 April 2019", "span.updated"};
	galley_removed r2 = {"dateline", "Published 9 April 2019", "span.date"};
	galley_article_add_removed(a, &r1);
	galley_article_add_removed(a, &r2);
	expect_date(a, "2019-04-09");
}
END_TEST

/* The date shown against the metadata, and events: each rule its fixture. */
START_TEST(dates_header_and_events)
{
	/* a year, month and day with points, as East Asian pages write them; a version is none */
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Build 2021.06.07.3", "div.date before-body");
	run_one(a, NULL);
	ck_assert(galley_article_get(a, GALLEY_FIELD_DATE) == NULL);
	galley_article_free(a);

	/* an event's hours in full-width punctuation ("13：00－16：40") date no article */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "outside-main", "2021\xe5\xb9\xb4" "6\xe6\x9c\x88" "7\xe6\x97\xa5 13\xef\xbc\x9a" "00\xef\xbc\x8d" "15\xef\xbc\x9a" "30",
	            "p before-body");
	run_one(a, NULL);
	ck_assert(galley_article_get(a, GALLEY_FIELD_DATE) == NULL);
	galley_article_free(a);

	/* a line with the last change first and the publication after it: the metadata's
	 * publication stays, although the metadata gives the change's day too */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-05-04T09:00:00-05:00", "article-meta");
	galley_article_add_candidate(a, "date_modified", "2022-01-03T10:00:00-05:00", "article-meta");
	add_removed(a, "byline", "January 3, 2022 May 4, 2020 by Jo Roe", "div.entry-meta before-body");
	expect_date(a, "2020-05-04T09:00:00-05:00");

	/* weak metadata (a <time>) that the article's header shows too keeps its day against the
	 * site header's "today" */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-05-04T09:00:00+09:00", "time");
	add_removed(a, "dateline", "2023.02.01", "div.today before-body");
	add_removed(a, "dateline", "2020\xe5\xb9\xb4" "5\xe6\x9c\x88" "4\xe6\x97\xa5 09:00", "time.date in-body");
	expect_date(a, "2020-05-04T09:00:00+09:00");
}
END_TEST

/* A timestamp keeps its instant and takes the page's own time zone: each rule its fixture. */
START_TEST(dates_instants_in_the_page_zone)
{
	/* shown-local-clock: a line shows the UTC instant's local clock on another day */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-07-08T01:10:30Z", "json-ld");
	add_removed(a, "dateline", "7 de julio de 2021 22:10", "div.date before-body");
	expect_date(a, "2021-07-07T22:10:30-03:00");

	/* the day the header shows for a UTC timestamp keeps the instant when a candidate gives
	 * its local clock ("2021-07-07 21:10:30", no offset) */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-07-08T02:10:30Z", "article-meta");
	galley_article_add_candidate(a, "date", "2021-07-07 21:10:30", "meta");
	add_removed(a, "dateline", "July 7, 2021", "p.date before-body");
	expect_date(a, "2021-07-07T21:10:30-05:00");

	/* header-shows-metadata-instant: the byline shows, with its clock, the instant of another
	 * publication date of the article's metadata than the most trusted one */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-06-30T08:00:00Z", "json-ld");
	galley_article_add_candidate(a, "date", "2021-07-05T13:45:00Z", "article-meta");
	add_removed(a, "byline", "Von Jo Roe 5. Juli 2021, 15:45 Uhr", "p.byline before-body");
	expect_date(a, "2021-07-05T15:45:00+02:00");
	/* ... not another candidate's day without the same clock */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-06-30T08:00:00Z", "json-ld");
	galley_article_add_candidate(a, "date", "2021-07-05T13:45:00Z", "article-meta");
	add_removed(a, "byline", "Von Jo Roe 6. Juli 2021, 15:52 Uhr", "p.byline before-body");
	expect_date(a, "2021-06-30T08:00:00Z");

	/* header-day-of-instant: no dateline, a line above the text that is a date shows the day
	 * after the UTC instant's, as the page's zone east of Greenwich makes it */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-03-01T23:40:10Z", "article-meta");
	add_removed(a, "outside-main", "2020-03-02", "h2 before-body");
	expect_date(a, "2020-03-02");
	/* ... never a day no time zone can make of it */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-03-01T03:40:10Z", "article-meta");
	add_removed(a, "outside-main", "2020-03-02", "h2 before-body");
	expect_date(a, "2020-03-01T03:40:10Z");

	/* header-shows-other-metadata-day: the text's opening line that is only a date, a day the
	 * metadata gives too */
	a = th_article_html("<p>04.02.2021</p><p>The story itself, long enough to be the text of the article.</p>");
	galley_article_add_candidate(a, "date", "2021-09-01T10:00:00+02:00", "article-meta");
	galley_article_add_candidate(a, "date", "2021-02-04", "time");
	expect_date(a, "2021-02-04");
}
END_TEST

START_TEST(dates_labelled_publication_over_today_and_update)
{
	/* the site header's "today" comes first in the page; the article's labelled date wins, and
	 * the update after it does not */
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Wednesday, March 6th 2024", "div.date before-body in:nav");
	add_removed(a, "dateline", "PUBLISHED: March 5, 2024 at 4:38 p.m. | UPDATED: March 6, 2024 at 6:00 p.m.",
	            "div.time in-body");
	expect_date(a, "2024-03-05");

	/* "Written" labels the publication too; an update after it is not the date */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Written: 2022-06-14 09:12:41 / Updated: 2022-06-15 09:47:05", "p.date before-body");
	expect_date(a, "2022-06-14");
}
END_TEST

START_TEST(dates_shown_line_over_a_time_not_over_metadata)
{
	/* a <time> anywhere on the page loses to the dateline shown with the article */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-12-20T11:07:13+01:00", "time");
	add_removed(a, "dateline", "27.01.2022", "span.date in-body");
	expect_date(a, "2022-01-27");

	/* the article's metadata stays */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-12-20T11:07:13+01:00", "json-ld");
	add_removed(a, "dateline", "27.01.2022", "span.date in-body");
	expect_date(a, "2021-12-20T11:07:13+01:00");
}
END_TEST

START_TEST(dates_utc_timestamp_and_local_midnight)
{
	/* a UTC timestamp: the site header's "today" does not move it; a local midnight written in
	 * UTC is the next day */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2024-03-05T21:38:18Z", "json-ld");
	add_removed(a, "dateline", "Wednesday, March 6th 2024", "div.date before-body in:nav");
	add_removed(a, "dateline", "PUBLISHED: March 5, 2024 at 4:38 p.m.", "div.time in-body");
	expect_date(a, "2024-03-05T21:38:18Z");
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-04-11T22:00:00Z", "article-meta");
	expect_date(a, "2021-04-12");
}
END_TEST

/* Runs the tagger on a and checks the date and the rule that decided it; frees a. */
static void expect_date_by(galley_article *a, const char *date, const char *rule)
{
	run_one(a, NULL);
	th_str_eq(galley_article_get(a, GALLEY_FIELD_DATE), date);
	const galley_decision *d = galley_article_decision_for(a, "date");
	ck_assert_ptr_nonnull(d);
	th_str_eq(d->rule, rule);
	galley_article_free(a);
}

/* day-of-instant: a UTC timestamp moves to the day a time zone makes of it where the page or
 * its metadata gives that day, whatever gives it */
START_TEST(date_rule_day_of_instant)
{
	/* the date shown with the article */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-04-12T02:10:00Z", "article-meta");
	add_removed(a, "byline", "By Jane Roe April 11, 2021", "p.byline before-body");
	expect_date_by(a, "2021-04-11", "day-of-instant");
	/* a line above the text that is only a date */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-04-11T23:10:00Z", "article-meta");
	add_removed(a, "outside-main", "2021-04-12", "h2 before-body");
	expect_date_by(a, "2021-04-12", "day-of-instant");
	/* a date-only value of the metadata */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-04-11T23:10:00Z", "json-ld");
	galley_article_add_candidate(a, "date", "2021-04-12", "meta");
	expect_date_by(a, "2021-04-12", "day-of-instant");
	/* the timestamp written as a local midnight east of Greenwich */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-04-11T22:00:00Z", "article-meta");
	expect_date_by(a, "2021-04-12", "day-of-instant");
}
END_TEST

/* Every date rule decides in a fixture of its own, the rule asserted (day-of-instant and the
 * standfirst's shown-date have their own tests) */
START_TEST(date_rules_each_with_a_fixture)
{
	/* ORIGIN-date: metadata's date as given, named by its origin */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-06-30T08:00:00+02:00", "json-ld");
	expect_date_by(a, "2021-06-30T08:00:00+02:00", "json-ld-date");
	/* shown-date: no metadata, the date shown with the article */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "27.01.2022", "span.date in-body");
	expect_date_by(a, "2022-01-27", "shown-date");
	/* shown-date-over-weak-metadata: a <time> anywhere on the page against the dateline */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-12-20T11:07:13+01:00", "time");
	add_removed(a, "dateline", "27.01.2022", "span.date in-body");
	expect_date_by(a, "2022-01-27", "shown-date-over-weak-metadata");
	/* header-shows-metadata-instant: the byline shows with its clock the instant of another
	 * publication date of the metadata */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-06-30T08:00:00Z", "json-ld");
	galley_article_add_candidate(a, "date", "2021-07-05T13:45:00Z", "article-meta");
	add_removed(a, "byline", "Von Jo Roe 5. Juli 2021, 15:45 Uhr", "p.byline before-body");
	expect_date_by(a, "2021-07-05T15:45:00+02:00", "header-shows-metadata-instant");
	/* header-shows-other-metadata-day: the text's opening line that is only a date, a day the
	 * metadata gives too */
	a = th_article_html("<p>04.02.2021</p><p>The story itself, long enough to be the text of the article.</p>");
	galley_article_add_candidate(a, "date", "2021-09-01T10:00:00+02:00", "article-meta");
	galley_article_add_candidate(a, "date", "2021-02-04", "time");
	expect_date_by(a, "2021-02-04", "header-shows-other-metadata-day");
	/* last-resort-date: no date of the article anywhere but a change's */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Aktualisiert: 28.11.2017", "p.info in-body");
	expect_date_by(a, "2017-11-28", "last-resort-date");
	/* metadata-local-offset: the UTC timestamp's instant that another candidate gives in the
	 * page's offset */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-07-08T01:10:30Z", "json-ld");
	galley_article_add_candidate(a, "date", "2021-07-08T03:10:30+02:00", "article-meta");
	expect_date_by(a, "2021-07-08T03:10:30+02:00", "metadata-local-offset");
	/* shown-local-clock: a line shows the UTC instant's local clock on another day */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-07-08T01:10:30Z", "json-ld");
	add_removed(a, "dateline", "7 de julio de 2021 22:10", "div.date before-body");
	expect_date_by(a, "2021-07-07T22:10:30-03:00", "shown-local-clock");
}
END_TEST

/* shown-date: a short line of the article's header that the stripper took for the standfirst
 * (a programme's "date, show, channel" line) dates the article like the header's other lines */
START_TEST(date_shown_in_a_short_standfirst)
{
	galley_article *a = th_article_html("<p>The story itself, long enough to be the text of the article.</p>");
	add_removed(a, "dek", "12.03.2021 Example Magazine - Example TV", "h4.subline before-body");
	add_removed(a, "short", "Video available until: 10.03.2022", "p.available in-body");
	expect_date_by(a, "2021-03-12", "shown-date");
}
END_TEST

/* A date in text is a day of the calendar (galley_date_is_valid_day), whatever its form */
START_TEST(dates_in_text_are_days_of_the_calendar)
{
	static const char *const none[] = {"31.04.2021", "Published April 31, 2021", "29 February 2021", "2021/02/30"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		galley_article *a = th_article_html("<p>Text.</p>");
		add_removed(a, "dateline", none[i], "div.date before-body");
		run_one(a, NULL);
		ck_assert_msg(!galley_article_get(a, GALLEY_FIELD_DATE), "a date from '%s'", none[i]);
		galley_article_free(a);
	}
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "29 February 2024", "div.date before-body");
	expect_date(a, "2024-02-29");
}
END_TEST

START_TEST(dates_list_of_entries)
{
	/* a list of entries and nothing else: the first */
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "5. November 2021", "div.event_date in-body");
	add_removed(a, "dateline", "4. November 2021", "div.event_date in-body");
	add_removed(a, "dateline", "3. November 2021", "div.event_date in-body");
	expect_date(a, "2021-11-05");
	/* ... the latest, whatever the order; not an event's date with its hours */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "9.5.22, 14:00-15:30 Uhr", "div.field in-body in:link-density");
	add_removed(a, "dateline", "Mar 03 2011", "div.datum before-body");
	add_removed(a, "dateline", "Mar 05 2011", "div.datum before-body");
	add_removed(a, "dateline", "Mar 04 2011", "div.datum before-body");
	expect_date(a, "2011-03-05");
}
END_TEST

START_TEST(dates_as_pages_write_them)
{
	/* dates as pages write them: a two-digit year, slashes, months in other languages, a day
	 * glued to its month */
	static const char *const shown[][2] = {
	    {"Von: Jana Beispiel | 31.10.23", "2023-10-31"},
	    {"17/02/2022", "2022-02-17"},
	    {"12/31/2022 10:00 am", "2022-12-31"},
	    {"11 de agosto de 2021 22:40", "2021-08-11"},
	    {"17 de marzo 2020, 12:00 A. M.", "2020-03-17"},
	    {"15 августа 2016, 13:08", "2016-08-15"},
	    {"3.November 2012 um 09:17", "2012-11-03"},
	    {"Wochen\xc3\xbc" "bersicht 10. - 16. Januar 2022", "2022-01-10"},
	    {"Updated Apr 7, 2021 @ 10:26 am by Jo", "2021-04-07"},
	    {"24 | 01 | 2022 | 337", "2022-01-24"},
	    {"2019\xe5\xb9\xb4" "6\xe6\x9c\x88" "24\xe6\x97\xa5 11:30", "2019-06-24"},
	    {"\xc3\x9altima actualizaci\xc3\xb3n: 13 de agosto de 2021 | Publicaci\xc3\xb3n: 11 de agosto de 2021", "2021-08-11"},
	    {"5. M\xc3\xa4r. 2022", "2022-03-05"},
	    {"Pubblicato il 12 ott 2020", "2020-10-12"},
	    {"( Montevalle, 14 Gennaio 20 )", "2020-01-14"},
	    {"2021.06.07", "2021-06-07"},
	};
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		galley_article *a = th_article_html("<p>Text.</p>");
		add_removed(a, "dateline", shown[i][0], "div.date before-body");
		run_one(a, NULL);
		/* the last one shows only an update: the page's date when it gives no other */
		th_str_eq(galley_article_get(a, GALLEY_FIELD_DATE), shown[i][1]);
		galley_article_free(a);
	}
	/* a two-digit year only where it closes the line: not "20 Personen" */
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Am 14 Januar 20 Personen", "div.date before-body");
	run_one(a, NULL);
	ck_assert(galley_article_get(a, GALLEY_FIELD_DATE) == NULL);
	galley_article_free(a);
	/* a version number is no date */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Version 13.1.1.2", "div.date before-body");
	run_one(a, NULL);
	ck_assert(galley_article_get(a, GALLEY_FIELD_DATE) == NULL);
	galley_article_free(a);
}
END_TEST

START_TEST(dates_teaser_after_the_article)
{
	/* a teaser's date after the article comes after any date before or in it */
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "byline", "22 сентября 2021 Серия А", "p.intro after-body");
	add_removed(a, "dateline", "15 августа 2016, 13:08", "p.date before-body");
	add_removed(a, "dateline", "13 июля 2016, 17:52", "p.date after-body");
	expect_date(a, "2016-08-15");
}
END_TEST

START_TEST(dates_without_a_publication_date)
{
	/* a page that gives no publication date: the last change it shows, then a date opening
	 * its first paragraph, then the day in its address */
	galley_article *a = th_article_html("<p>Text.</p>");
	add_removed(a, "dateline", "Aktualisiert: 28.11.2017", "p.info in-body");
	expect_date(a, "2017-11-28");
	a = th_article_html("<p>Der nächste Lauftreff ist am Do. 12. März 2020.</p>");
	add_removed(a, "footer", "Diese Seite wurde zuletzt am 3. März 2020 um 14:07 Uhr geändert.", "li#lastmod after-body");
	expect_date(a, "2020-03-03");
	a = th_article_html("<p>(8. M\xc3\xa4rz 2023) Mieter bekommen in diesen Wochen Post von ihrer Verwaltung, ab dem "
	                    "1. Juli 2023 gilt die neue Umlage.</p>");
	expect_date(a, "2023-03-08");
	a = th_article_html("<p>Die neue Umlage, über die lange gestritten wurde, gilt nun seit dem 1. Juli 2023 und trifft "
	                    "viele Haushalte in diesem Winter sehr hart.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "http://www.example.org/2014/05/18/alles-neu/");
	expect_date(a, "2014-05-18");

	a = th_article_html("<p>Die neue Umlage, über die lange gestritten wurde, gilt nun seit dem 1. Juli 2023 und trifft "
	                    "viele Haushalte in diesem Winter sehr hart.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "https://www.example.org/meldungen/29-10-2021");
	expect_date(a, "2021-10-29");
	/* ... then a short line the stripper took: in the article before one after it, never a menu's */
	a = th_article_html("<p>Die neue Umlage, über die lange gestritten wurde, gilt nun seit dem 1. Juli 2023 und trifft "
	                    "viele Haushalte in diesem Winter sehr hart.</p>");
	add_removed(a, "nav", "Archiv 12.12.2021", "li before-body");
	add_removed(a, "comments", "26. Mai 2022 um 21:07", "div.comment-meta after-body");
	add_removed(a, "link-density", "Von Deutscher Boule Bund 4. 2. 2022.", "div.att-date in-body");
	expect_date(a, "2022-02-04");
}
END_TEST

START_TEST(dates_timestamp_keeps_its_instant)
{
	/* an HTTP-style date in the metadata, and a line that shows the same instant in the
	 * page's own time on the day before (UTC-3) */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "Thu, 12 Aug 2021 01:40:56 GMT", "json-ld");
	expect_date(a, "2021-08-12T01:40:00Z");
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "Thu, 12 Aug 2021 01:40:56 GMT", "json-ld");
	add_removed(a, "outside-main", "11 de agosto de 2021 22:40", "div.col-12 before-body");
	expect_date(a, "2021-08-11T22:40:56-03:00");
	/* ... but not the day in its address: a timestamp keeps its instant, the address's day may
	 * be any zone's (or the day the address was made) */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2018-12-31T23:24:31+00:00", "article-meta");
	galley_article_set(a, GALLEY_FIELD_URL, "https://blog.example.org/2019/01/01/a-post/");
	expect_date(a, "2018-12-31T23:24:31+00:00");
	/* ... not a teaser's round hour */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2019-11-23T03:00:00.000Z", "json-ld");
	add_removed(a, "outside-main", "22.11.2019, 20:00 Uhr", "div.teaser before-body");
	expect_date(a, "2019-11-23T03:00:00.000Z");

	/* ... but not a teaser's <time> */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-03-17T01:01:01Z", "article-meta");
	galley_article_add_candidate(a, "date", "2019-06-24T16:00:06Z", "time");
	add_removed(a, "dateline", "24 June 2019", "div.date in-body");
	expect_date(a, "2020-03-17T01:01:01Z");
}
END_TEST

START_TEST(dates_the_header_shows_among_metadata)
{
	/* the metadata gives two publication days: the one the article's header shows wins */
	galley_article *a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2022-01-15", "article-meta");
	galley_article_add_candidate(a, "date", "2022-01-25", "time");
	add_removed(a, "outside-main", "25.01.2022", "li.metadata__item before-body");
	expect_date(a, "2022-01-25");

	/* the first day is shown too ("14. Oktober 2021 15. Oktober 2021"): it stays */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-10-15T07:00:12+02:00", "json-ld");
	galley_article_add_candidate(a, "date", "2021-10-14T15:21:47+02:00", "time");
	add_removed(a, "outside-main", "Ute Berg | 14. Oktober 2021 15. Oktober 2021 | IT", "p before-body");
	expect_date(a, "2021-10-15T07:00:12+02:00");

	/* "By Northwind Foundation•17 March 2020": a day glued to a separator is read */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-03-17T01:01:01Z", "article-meta");
	galley_article_add_candidate(a, "date", "2019-06-24T16:00:06Z", "time");
	add_removed(a, "byline", "By Northwind Foundation\xe2\x80\xa2" "17 March 2020", "div.post-meta before-body");
	add_removed(a, "byline", "24 June 2019 By Northwind Foundation", "div.post-meta in-body");
	expect_date(a, "2020-03-17T01:01:01Z");

	/* a day the same metadata gives as the last change is the update the header shows */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2017-04-12T18:12:26+02:00", "article-meta");
	galley_article_add_candidate(a, "date", "2018-11-23", "microdata");
	galley_article_add_candidate(a, "date_modified", "2018-11-23", "microdata");
	add_removed(a, "outside-main", "| Le 23 novembre 2018", "div.header-info before-body");
	expect_date(a, "2017-04-12T18:12:26+02:00");

	/* no metadata and no dateline: a footer's or a sidebar's line that labels the publication,
	 * before a date in a sentence, and before the change it shows first */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "footer", "Letzte \xc3\x84nderung: 12.04.2022 - 09:16:44 Erschienen am: 13.04.2022 Lesungen: 17",
	            "p.footer after-body");
	add_removed(a, "sidebar", "Die n\xc3\xa4" "chste Ausgabe erscheint am 20. April 2022.", "p after-body");
	expect_date(a, "2022-04-13");
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "sidebar", "Notizen zur Gartenarbeit wurde am 7. Juni 2011 um 22:18 Uhr gepostet und unter Medien abgelegt.",
	            "p.news before-body");
	expect_date(a, "2011-06-07");
	/* ... but the day in the page's address first: a sidebar's post may be another */
	a = th_article_html("<p>Text.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "http://www.example.org/2014/05/18/alles-neu/");
	add_removed(a, "sidebar", "Posted on 2 June 2014 by Jo", "p.recent before-body");
	expect_date(a, "2014-05-18");

	/* a paragraph under the headings that opens with a date: a press release's dateline, before
	 * a comment's date; not a number opening a sentence */
	a = th_article_html("<p>Das Landesamt veröffentlicht monatlich die Zahlen zur Nachfrage.</p>"
	                    "<p>Entwicklung der Nachfrage</p><p>Auf Wachstumskurs</p>"
	                    "<p>14.03.2022 \xe2\x80\x9e" "Die Nachfrage ist kr\xc3\xa4" "ftig ins Fr\xc3\xbc" "hjahr gegangen.</p>");
	add_removed(a, "comments", "Gerda 02.12.2022, 15:22:08", "p after-body");
	expect_date(a, "2022-03-14");
	/* ... after the day in the page's address */
	a = th_article_html("<p>Das Landesamt veröffentlicht monatlich die Zahlen zur Nachfrage.</p>"
	                    "<p>Entwicklung der Nachfrage</p><p>Auf Wachstumskurs</p>"
	                    "<p>14.03.2022 \xe2\x80\x9e" "Die Nachfrage ist kr\xc3\xa4" "ftig ins Fr\xc3\xbc" "hjahr gegangen.</p>");
	galley_article_set(a, GALLEY_FIELD_URL, "http://www.example.org/2022/03/13/nachfrage/");
	expect_date(a, "2022-03-13");
	a = th_article_html("<p>Das Landesamt veröffentlicht monatlich die Zahlen zur Nachfrage.</p>"
	                    "<p>Entwicklung der Nachfrage</p><p>Auf Wachstumskurs</p>"
	                    "<p>12 Kilometer weiter wurde am 1.2.2022 gebaut.</p>");
	run_one(a, NULL);
	ck_assert(galley_article_get(a, GALLEY_FIELD_DATE) == NULL);
	galley_article_free(a);

	/* a UTC timestamp in the evening: the site header's "today" over the page is not the day
	 * when the article's header shows the timestamp's own day */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2023-03-08T20:51:06Z", "json-ld");
	add_removed(a, "dateline", "Jueves 9 de Marzo de 2023", "div.date-item before-body");
	add_removed(a, "byline", "8 de Marzo de 2023", "div.byline-datetime in-body");
	expect_date(a, "2023-03-08T20:51:06Z");

	/* the page's only <time>s are its comments': no date of the article; the line that shows
	 * one is */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2021-05-14T18:47:06+02:00", "time");
	add_removed(a, "link-density", "von Hannelore7 am 11.05.2021", "div.tip-user in-body");
	add_removed(a, "comments", "14.05.21 | 18:47 Kuchenfreundin", "div.comment-box in-body");
	expect_date(a, "2021-05-11");

	/* no metadata: a ticker's item over the article is not its date; the first of the meta
	 * lines that repeat for the neighbouring posts is */
	a = th_article_html("<p>Text.</p>");
	add_removed(a, "outside-main", "Quizabend +++ KW 3 +++ 21.01.2022 \xe2\x80\x93 22.01.2022", "li before-body");
	add_removed(a, "meta", "gartenfreundin \xe2\x80\x94 2. Februar 2022", "div.post-meta-left before-body");
	add_removed(a, "meta", "2. Februar 2022", "div.post-meta-left before-body in:nav");
	add_removed(a, "meta", "31. Januar 2022", "div.post-meta-left before-body in:nav");
	add_removed(a, "meta", "30. Januar 2022", "div.post-meta-left before-body in:nav");
	expect_date(a, "2022-02-02");

	/* a byline the page repeats (so it reads like a list's) shows the last change the
	 * metadata gives: that day, as for any byline under the headline */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2020-03-16T13:32:45", "json-ld");
	galley_article_add_candidate(a, "date_modified", "2020-03-17T00:00:00", "json-ld");
	add_removed(a, "byline", "valdelobos Hora de publicaci\xc3\xb3n", "div.author_data before-body");
	add_removed(a, "byline", "Nombre del redactor Hora de publicaci\xc3\xb3n", "div.author_data before-body");
	add_removed(a, "byline", "villaverde 17 de marzo 2020, 12:00 A. M.", "div.author_data before-body");
	add_removed(a, "byline", "Ana Ruiz 17 de marzo 2020, 12:00 A. M.", "div.author_data before-body");
	expect_date(a, "2020-03-17");

	/* an embedded post's date in the text is no header's */
	a = th_article_html("<p>Text.</p>");
	galley_article_add_candidate(a, "date", "2018-03-13T10:44:52+01:00", "json-ld");
	galley_article_add_candidate(a, "date", "2018-03-09T15:30:55Z", "time");
	add_removed(a, "link-density", "A post shared by Jo (@jo) on Mar 9, 2018 at 7:30am PST", "p in-body");
	expect_date(a, "2018-03-13T10:44:52+01:00");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("tag-attribution dates");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, dates);
	tcase_add_test(tc, date_from_dateline_only);
	tcase_add_test(tc, dates_labelled_publication_over_today_and_update);
	tcase_add_test(tc, dates_shown_line_over_a_time_not_over_metadata);
	tcase_add_test(tc, dates_utc_timestamp_and_local_midnight);
	tcase_add_test(tc, dates_list_of_entries);
	tcase_add_test(tc, dates_as_pages_write_them);
	tcase_add_test(tc, dates_teaser_after_the_article);
	tcase_add_test(tc, dates_without_a_publication_date);
	tcase_add_test(tc, dates_timestamp_keeps_its_instant);
	tcase_add_test(tc, dates_header_and_events);
	tcase_add_test(tc, dates_instants_in_the_page_zone);
	tcase_add_test(tc, dates_the_header_shows_among_metadata);
	tcase_add_test(tc, date_rule_day_of_instant);
	tcase_add_test(tc, dates_in_text_are_days_of_the_calendar);
	tcase_add_test(tc, date_shown_in_a_short_standfirst);
	tcase_add_test(tc, date_rules_each_with_a_fixture);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return th_run(suite());
}
