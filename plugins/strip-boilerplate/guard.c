/* strip-boilerplate: the guard against lost articles.
 *
 * The main method chooses one container and trusts class words; on some pages that loses the
 * article (an article box classed as a paywall teaser, a forum whose posts are "comments", text
 * only in the page's metadata).  The guard fires when the main text is empty, or much shorter
 * than the page's densest cluster of paragraph votes, or than its declared JSON-LD articleBody.
 * Then the cascade tries, in order:
 *   relaxed    the same steps with class, id and role words ignored (tags and real hiding
 *              still prune);
 *   densest    relaxed, and the container is the densest cluster of the paragraph votes;
 *   declared   the JSON-LD articleBody, else a description long enough to open the article;
 * and stops at the first text the guard is satisfied with.  When none satisfies it, the longest
 * text wins, but an alternative replaces the main text only when it has at least SB_GUARD_GAIN
 * times its characters.  The method that produced the text is recorded in the article's
 * explain.extraction (with the guard's reason and the candidates' lengths). */
#include "sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The main text is lost when shorter than these shares of the densest cluster's good text
 * (clusters of at least SB_GUARD_DENSE_MIN characters) or of the declared text (sb_declared_chars). */
#define SB_GUARD_DENSE_SHARE 0.2
#define SB_GUARD_DENSE_MIN 800
#define SB_GUARD_DECLARED_SHARE 0.3
#define SB_GUARD_DECLARED_MIN 200
/* An alternative must have this many times the main text's characters to replace it. */
#define SB_GUARD_GAIN 2.0

const char *const sb_method_names[SB_METHOD__COUNT] = {"main", "relaxed", "densest", "declared"};

typedef enum sb_guard_why { SB_GUARD_OK = 0, SB_GUARD_EMPTY, SB_GUARD_DENSE, SB_GUARD_DECLARED } sb_guard_why;
static const char *const sb_guard_names[] = {"", "empty", "shorter than the densest cluster",
                                             "shorter than the declared text"};

static double sb_doc_chars(xmlDocPtr doc)
{
	if (!doc)
		return 0;
	char *t = galley_body_text(doc);
	double n = (double)galley_utf8_length(t, strlen(t));
	free(t);
	return n;
}

/* Why a text of `chars` characters is lost, given the page's densest cluster and declared text. */
static sb_guard_why sb_guard_check(double chars, double dense, double declared)
{
	if (chars <= 0)
		return SB_GUARD_EMPTY;
	if (dense >= SB_GUARD_DENSE_MIN && chars < SB_GUARD_DENSE_SHARE * dense)
		return SB_GUARD_DENSE;
	if (declared >= SB_GUARD_DECLARED_MIN && chars < SB_GUARD_DECLARED_SHARE * declared)
		return SB_GUARD_DECLARED;
	return SB_GUARD_OK;
}

static void sb_set_method(galley_article *a, sb_method m, sb_guard_why why, const double *chars, int tried)
{
	galley_buf b = {0};
	galley_buf_puts(&b, sb_method_names[m]);
	if (why) {
		galley_buf_printf(&b, " (guard: main text %s;", sb_guard_names[why]);
		for (int i = 0; i <= tried; i++)
			galley_buf_printf(&b, " %s %.0f", sb_method_names[i], chars[i]);
		galley_buf_puts(&b, " characters)");
	}
	galley_article_set_extra(a, "explain.extraction", b.data);
	galley_buf_free(&b);
}

/* Characters of the page's declared text: the JSON-LD articleBody, else a description long
 * enough to open the article (SB_DESCRIPTION_MIN): a text shorter than a share of it is lost
 * as surely as one shorter than the articleBody (a page whose text is only in its scripts
 * shows a "your browser is outdated" line). */
static double sb_declared_chars(galley_article *a)
{
	const char *t = galley_article_candidate_first(a, "body");
	if (!t || !*t) {
		t = galley_article_get(a, GALLEY_FIELD_DESCRIPTION);
		if (!t)
			t = galley_article_candidate_first(a, "description");
		if (t && galley_utf8_length(t, strlen(t)) < SB_DESCRIPTION_MIN)
			t = NULL;
	}
	return t ? (double)galley_utf8_length(t, strlen(t)) : 0;
}

void sb_extract(const sb_state *st, galley_article *a, xmlNodePtr root)
{
	sb_run_result run[SB_METHOD__COUNT];
	double chars[SB_METHOD__COUNT] = {0};
	sb_run(st, a, root, SB_METHOD_MAIN, &run[SB_METHOD_MAIN]);
	if (!run[SB_METHOD_MAIN].out)
		return;
	double declared = sb_declared_chars(a);
	double dense = run[SB_METHOD_MAIN].best_good;
	chars[SB_METHOD_MAIN] = sb_doc_chars(run[SB_METHOD_MAIN].out);
	sb_guard_why why = run[SB_METHOD_MAIN].text_mode ? SB_GUARD_OK : sb_guard_check(chars[SB_METHOD_MAIN], dense, declared);
	int chosen = SB_METHOD_MAIN, tried = SB_METHOD_MAIN;
	if (why) {
		for (int m = SB_METHOD_RELAXED; m < SB_METHOD__COUNT; m++) {
			tried = m;
			if (m == SB_METHOD_DECLARED) {
				memset(&run[m], 0, sizeof run[m]);
				run[m].out = sb_declared_doc(a);
			} else
				sb_run(st, a, root, (sb_method)m, &run[m]);
			chars[m] = sb_doc_chars(run[m].out);
			if (!sb_guard_check(chars[m], dense, declared)) {
				chosen = m;
				break;
			}
		}
		if (chosen == SB_METHOD_MAIN) {
			/* none satisfied the guard: the longest, if much longer than the main text */
			for (int m = SB_METHOD_RELAXED; m <= tried; m++)
				if (chars[m] >= SB_GUARD_GAIN * chars[SB_METHOD_MAIN] + 1 && chars[m] > chars[chosen])
					chosen = m;
		}
	}
	/* the declared text has no removed blocks of its own: the main run's stand */
	int recs_from = chosen == SB_METHOD_DECLARED ? SB_METHOD_MAIN : chosen;
	sb_recs_commit(&run[recs_from].recs, a);
	for (int m = 0; m <= tried; m++) {
		sb_recs_free(&run[m].recs);
		if (m != chosen && run[m].out)
			xmlFreeDoc(run[m].out);
	}
	galley_article_set_body(a, run[chosen].out);
	sb_set_method(a, (sb_method)chosen, why, chars, tried);
	if (run[chosen].rule)
		galley_article_set_extra(a, "explain.container", run[chosen].rule);
}
