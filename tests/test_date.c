/* The shared date module: ISO 8601 and HTTP dates, the civil calendar, instants. */
#include "harness.h"

#include <galley/date.h>
#include <string.h>

START_TEST(iso8601)
{
	galley_date d;
	ck_assert(galley_date_parse_iso8601("2024-03-05", &d));
	ck_assert_int_eq(d.year, 2024);
	ck_assert_int_eq(d.month, 3);
	ck_assert_int_eq(d.day, 5);
	ck_assert_uint_eq(d.parts, 0);
	/* an offset keeps its local day and clock */
	ck_assert(galley_date_parse_iso8601(" 2024-03-06T00:30:15.250+09:00 ", &d));
	ck_assert_int_eq(d.day, 6);
	ck_assert_int_eq(d.hour, 0);
	ck_assert_int_eq(d.minute, 30);
	ck_assert_int_eq(d.second, 15);
	ck_assert_int_eq(d.offset, 9 * 60);
	ck_assert_uint_eq(d.parts, GALLEY_DATE_HAS_TIME | GALLEY_DATE_HAS_OFFSET);
	ck_assert(galley_date_parse_iso8601("2024-03-05 10:00-0130", &d));
	ck_assert_int_eq(d.offset, -90);
	ck_assert(galley_date_parse_iso8601("2024-03-05T10:00Z", &d));
	ck_assert_int_eq(d.offset, 0);
	ck_assert_uint_eq(d.parts, GALLEY_DATE_HAS_TIME | GALLEY_DATE_HAS_OFFSET);
	ck_assert(galley_date_parse_iso8601("2024-03-05T10:00", &d));
	ck_assert_uint_eq(d.parts, GALLEY_DATE_HAS_TIME);
	ck_assert(!galley_date_parse_iso8601("2024-13-05", &d));
	ck_assert_int_eq(d.year, 0);
	ck_assert(!galley_date_parse_iso8601("5 March 2024", &d));
	ck_assert(!galley_date_parse_iso8601(NULL, &d));
}
END_TEST

START_TEST(http_dates)
{
	galley_date d;
	ck_assert(galley_date_parse_http("Thu, 12 Aug 2021 01:40:56 GMT", &d));
	ck_assert_int_eq(d.month, 8);
	ck_assert_int_eq(d.second, 56);
	ck_assert_uint_eq(d.parts, GALLEY_DATE_HAS_TIME | GALLEY_DATE_HAS_OFFSET);
	ck_assert(!galley_date_parse_http("Thu, 12 Aug 2021 01:40:56 CEST", &d));
	ck_assert(galley_date_parse("Thu, 12 Aug 2021 01:40:56 UTC", &d));
	ck_assert(galley_date_parse("2021-08-12", &d));
}
END_TEST

START_TEST(calendar_and_instants)
{
	ck_assert_int_eq(galley_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(galley_days_from_civil(2000, 3, 1), 11017);
	int y, m, d;
	galley_civil_from_days(galley_days_from_civil(2024, 2, 29) + 1, &y, &m, &d);
	ck_assert_int_eq(y, 2024);
	ck_assert_int_eq(m, 3);
	ck_assert_int_eq(d, 1);
	galley_date t;
	ck_assert(galley_date_parse_iso8601("2024-03-06T00:30:00+09:00", &t));
	char buf[32];
	galley_date_format_utc(galley_date_epoch(&t), buf, sizeof buf, GALLEY_DATE_FORMAT_DATETIME);
	th_str_eq(buf, "2024-03-05T15:30:00Z");
	galley_date_format_utc(galley_date_epoch(&t), buf, sizeof buf, GALLEY_DATE_FORMAT_DAY);
	th_str_eq(buf, "2024-03-05");
	galley_date_format_utc(-1, buf, sizeof buf, GALLEY_DATE_FORMAT_DATETIME);
	th_str_eq(buf, "1969-12-31T23:59:59Z");
	/* the same instant in a page's own zone */
	galley_date_format_local(galley_date_epoch(&t), -5 * 60 - 30, buf, sizeof buf);
	th_str_eq(buf, "2024-03-05T10:00:00-05:30");
	galley_date_format_local(galley_date_epoch(&t), 9 * 60, buf, sizeof buf);
	th_str_eq(buf, "2024-03-06T00:30:00+09:00");
	galley_date_format_local(galley_date_epoch(&t), 0, buf, sizeof buf);
	th_str_eq(buf, "2024-03-05T15:30:00Z");
}
END_TEST

/* Every date read from text is checked as a day of the calendar */
START_TEST(days_of_the_calendar)
{
	ck_assert(galley_date_is_valid_day(2024, 2, 29));
	ck_assert(!galley_date_is_valid_day(2023, 2, 29));
	ck_assert(!galley_date_is_valid_day(1900, 2, 29));
	ck_assert(galley_date_is_valid_day(2000, 2, 29));
	ck_assert(galley_date_is_valid_day(2024, 4, 30));
	ck_assert(!galley_date_is_valid_day(2024, 4, 31));
	ck_assert(!galley_date_is_valid_day(2024, 13, 1));
	ck_assert(!galley_date_is_valid_day(2024, 1, 0));
	galley_date t;
	ck_assert(!galley_date_parse_iso8601("2024-04-31", &t));
	ck_assert(!galley_date_parse_http("Wed, 31 Apr 2024 10:00:00 GMT", &t));
	ck_assert(galley_date_parse_http("Tue, 30 Apr 2024 10:00:00 GMT", &t));
	/* a two-digit year: one rule for the whole tree */
	ck_assert_int_eq(galley_date_full_year(22), 2022);
	ck_assert_int_eq(galley_date_full_year(98), 1998);
	char buf[40];
	ck_assert(galley_date_normalize("05.03.98", buf, sizeof buf));
	th_str_eq(buf, "1998-03-05");
	ck_assert(galley_date_normalize("05.03.22", buf, sizeof buf));
	th_str_eq(buf, "2022-03-05");
}
END_TEST

/* Java's and Unix's date string, its zone abbreviation read as an offset */
START_TEST(date_strings_with_a_zone_abbreviation)
{
	char buf[40];
	ck_assert(galley_date_normalize("Mon Mar 04 12:45:00 EST 2024", buf, sizeof buf));
	th_str_eq(buf, "2024-03-04T12:45:00-05:00");
	ck_assert(galley_date_normalize("Tue Jul 09 15:28:56 CEST 2024", buf, sizeof buf));
	th_str_eq(buf, "2024-07-09T15:28:56+02:00");
	ck_assert(galley_date_normalize("Tue Jul 09 15:28:56 UTC 2024", buf, sizeof buf));
	th_str_eq(buf, "2024-07-09T15:28:56Z");
	/* an abbreviation not in the table, or no year after it: no date from this form */
	ck_assert(!galley_date_normalize("Tue Jul 09 15:28:56 XYZ 2024", buf, sizeof buf));
	ck_assert(!galley_date_normalize("Tue Jul 09 15:28:56 CEST", buf, sizeof buf));
	/* asctime() writes no zone: the clock as it is */
	ck_assert(galley_date_normalize("Fri Mar 08 10:27:24 2024", buf, sizeof buf));
	th_str_eq(buf, "2024-03-08T10:27:24");
	ck_assert(!galley_date_normalize("Wed Apr 31 10:00:00 CET 2024", buf, sizeof buf));
	/* a day and a month whose second cannot be a month: month first, whatever the separator */
	ck_assert(galley_date_normalize("03-14-2024", buf, sizeof buf));
	th_str_eq(buf, "2024-03-14");
	ck_assert(galley_date_normalize("03-04-2024", buf, sizeof buf));
	th_str_eq(buf, "2024-04-03");
}
END_TEST

START_TEST(metadata_dates_normalized)
{
	static const char *const cases[][2] = {
	    {"2019-10-19", "2019-10-19"},
	    {" 2019/10/19 12:34", "2019-10-19T12:34:00"},
	    {"2019.10.19T12:34:56+0200", "2019-10-19T12:34:56+02:00"},
	    {"20191019", "2019-10-19"},
	    {"1571480000", "2019-10-19T10:13:20Z"},
	    {"19.10.2019 12:34 GMT", "2019-10-19T12:34:00Z"},
	    {"10/19/2019", "2019-10-19"},
	    {"Sat, 19 Oct 2019 08:00:00 +0000", "2019-10-19T08:00:00Z"},
	    {"19. Oktober 2019", "2019-10-19"},
	    {"October 19th, 2019", "2019-10-19"},
	    {"19 octobre 2019", "2019-10-19"},
	};
	char out[48];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_msg(galley_date_normalize(cases[i][0], out, sizeof out), "%s", cases[i][0]);
		th_str_eq(out, cases[i][1]);
	}
	ck_assert(!galley_date_normalize("2019-02-30", out, sizeof out));
	ck_assert(!galley_date_normalize("yesterday", out, sizeof out));
}
END_TEST

/* Textual months come from the one month list, dates/months.tsv, in any case: capitals with
 * accents, other languages, short forms. */
START_TEST(metadata_months_from_the_shared_list)
{
	static const char *const cases[][2] = {
	    {"5. MÄRZ 2019", "2019-03-05"},
	    {"3 марта 2021", "2021-03-03"},
	    {"12 ott 2020", "2020-10-12"},
	    {"7 de julio de 2021", NULL}, /* "de" before the month: not a form the normaliser reads */
	    {"1 Maerz 2020", "2020-03-01"},
	};
	char out[48];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool ok = galley_date_normalize(cases[i][0], out, sizeof out);
		if (!cases[i][1]) {
			ck_assert_msg(!ok, "%s", cases[i][0]);
			continue;
		}
		ck_assert_msg(ok, "%s", cases[i][0]);
		ck_assert_str_eq(out, cases[i][1]);
	}
	ck_assert(!galley_date_normalize(NULL, out, sizeof out));
}
END_TEST

START_TEST(html_datetime_strings)
{
	ck_assert(galley_date_is_valid_iso8601("2024-02-29"));
	ck_assert(galley_date_is_valid_iso8601("2024-03-05T10:00:07.123Z"));
	ck_assert(galley_date_is_valid_iso8601("2024-03-05T10:00+01:00"));
	ck_assert(!galley_date_is_valid_iso8601("2023-02-29"));
	ck_assert(!galley_date_is_valid_iso8601("2024-03-05T10:00+0100"));
	ck_assert(!galley_date_is_valid_iso8601("2024-03-05 (Tuesday)"));
	ck_assert(!galley_date_is_valid_iso8601(NULL));
}
END_TEST

START_TEST(month_names_from_the_data_file)
{
	galley_month_names m;
	galley_error e = {0};
	ck_assert_msg(galley_month_names_load(&m, &e) == GALLEY_OK, "%s", e.message);
	bool maerz = false, mayo_in_dates = false;
	for (size_t i = 0; i < m.n; i++) {
		ck_assert(m.items[i].month >= 1 && m.items[i].month <= 12);
		maerz = maerz || (!strcmp(m.items[i].name, "m\xc3\xa4rz") && m.items[i].month == 3 && m.items[i].use == GALLEY_MONTH_ANYWHERE);
		mayo_in_dates = mayo_in_dates || (!strcmp(m.items[i].name, "mayo") && m.items[i].month == 5 && m.items[i].use == GALLEY_MONTH_IN_DATES);
	}
	ck_assert(maerz);
	ck_assert(mayo_in_dates);
	galley_month_names_free(&m);
	ck_assert_uint_eq(m.n, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	tcase_add_test(tc, iso8601);
	tcase_add_test(tc, metadata_months_from_the_shared_list);
	tcase_add_test(tc, http_dates);
	tcase_add_test(tc, calendar_and_instants);
	tcase_add_test(tc, days_of_the_calendar);
	tcase_add_test(tc, date_strings_with_a_zone_abbreviation);
	tcase_add_test(tc, metadata_dates_normalized);
	tcase_add_test(tc, html_datetime_strings);
	tcase_add_test(tc, month_names_from_the_data_file);
	suite_add_tcase(s, tc);
	return th_run(s);
}
