/* galley-quality: extraction quality on a labelled page set, with the published method.
 *
 *   galley-quality DATASET_DIR [--plugin-dir DIR] [--every N] [--verbose] [--min-f1 X]
 *                  [--options 'OPTIONS FOR strip-boilerplate'] [--rules-out FILE]
 *
 * DATASET_DIR holds cases.json and html/ (webextract-dev.tar.xz unpacked).  Every page runs
 * through read-html then strip-boilerplate (whose body is scored), then tag-attribution when
 * that plugin is found (whose authors are scored).
 * Scoring (the dataset's README): white space normalised in the extracted text (the body's
 * paragraphs, galley_body_text) and in each segment; a `with` segment found as a substring is a
 * true positive, else a false negative; a `without` segment found is a false positive, else a
 * true negative; sums over all cases.  A page that fails anywhere scores no positives.
 * When tag-attribution ran: author exact-match accuracy over the cases that name authors (gold
 * list joined with "; " against the article's byline, the credit line as the page prints it
 * when it names several authors, else its authors joined with "; "), raw (the published
 * method: the strings as they are) and with white space normalised in both (the gold keeps
 * stray spaces and tabs of the page); publication-date accuracy over the cases with a gold
 * `date` (the article's date's YYYY-MM-DD against the gold day).
 * Every figure is also printed for the two site-disjoint halves of the set: a case's site is the
 * host of its `url` without a leading "www.", and its half is the parity of the site's 32-bit
 * FNV-1a hash (bench/postlight.sh splits postlight-dev the same way), so rules tuned on one half
 * can be checked on the other.
 * --every N keeps every N-th case in id order (a fixed subset); --min-f1 makes the exit status
 * 1 when F1 falls below X; --rules-out FILE writes every decision of the per-rule table as a line
 * "field<TAB>rule<TAB>site<TAB>1|0" (1: right), which bench/rules_all.py sums over the data sets. */
#include <galley/date.h>
#include <galley/galley.h>
#include <galley/pipeline.h>

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct qcase {
	const char *id;
	json_object *obj;
	int half; /* 0 or 1: which site-disjoint half the case's site falls in */
	bool seen;
} qcase;

/* The counts of one scored set (the whole set, or one of its halves). */
typedef struct qscore {
	long cases, unseen;
	long tp, fp, fn, tn;    /* the text alone (the body, galley_body_text) */
	long dk_tp, dk_fp, dk_fn, dk_tn; /* the dek and the text: the set's gold counts the dek as main text */
	long au_total, au_ok, au_ok_ws, au_ok_ci;
	long dt_total, dt_ok, dt_none;
	long lost;              /* pages with gold text whose text is empty or holds under 20% of it */
	long empty;             /* of which the text is empty */
	long method[5];         /* which method produced the text (strip-boilerplate's explain.extraction) */
} qscore;

/* The methods strip-boilerplate records in explain.extraction, and "other" (none recorded). */
static const char *const quality_methods[5] = {"main", "relaxed", "densest", "declared", "other"};
/* A page is lost when its text holds under this share of the gold's `with` segments. */
#define QUALITY_LOST_SHARE 0.2

enum { QUALITY_HALVES = 2 };

/* 32-bit FNV-1a: a stable hash, the same in bench/postlight.sh */
static unsigned fnv1a(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* The site of a case: its url's host, lower case, without "www." (into buf). */
static const char *site_of(json_object *c, char *buf, size_t size)
{
	json_object *u;
	const char *url = json_object_object_get_ex(c, "url", &u) ? json_object_get_string(u) : NULL;
	if (!url) {
		buf[0] = 0;
		return buf;
	}
	const char *host = strstr(url, "://");
	host = host ? host + 3 : url;
	size_t n = strcspn(host, "/:?#");
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)((host[i] >= 'A' && host[i] <= 'Z') ? host[i] + 32 : host[i]);
	buf[n] = 0;
	return strncmp(buf, "www.", 4) ? buf : buf + 4;
}

/* The half of a case: the parity of the hash of its site. */
static int site_half(json_object *c)
{
	json_object *u;
	if (!json_object_object_get_ex(c, "url", &u) || !json_object_get_string(u))
		return 0;
	char buf[256];
	const char *site = site_of(c, buf, sizeof buf);
	return (int)(fnv1a(site, strlen(site)) & 1u);
}

/* ---- the per-rule table: for each rule that decided a field, how often it decided, how often
 * rightly, on how many distinct sites (and rightly on how many) ---- */
typedef struct qrule {
	char *field, *rule;
	long decided, right;
	char **sites, **right_sites; /* distinct */
	size_t nsites, nright_sites;
} qrule;

typedef struct qrules {
	qrule *v;
	size_t n;
	FILE *out; /* --rules-out: one line per decision, "field<TAB>rule<TAB>site<TAB>1|0" (borrowed) */
} qrules;

static void qrule_site(char ***sites, size_t *n, const char *site)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*sites)[i], site))
			return;
	*sites = galley_realloc(*sites, (*n + 1) * sizeof **sites);
	(*sites)[(*n)++] = galley_strdup(site);
}

static void qrules_add(qrules *t, const char *field, const char *rule, const char *site, bool right)
{
	qrule *r = NULL;
	for (size_t i = 0; i < t->n && !r; i++)
		if (!strcmp(t->v[i].field, field) && !strcmp(t->v[i].rule, rule))
			r = &t->v[i];
	if (!r) {
		t->v = galley_realloc(t->v, (t->n + 1) * sizeof *t->v);
		r = &t->v[t->n++];
		*r = (qrule){.field = galley_strdup(field), .rule = galley_strdup(rule)};
	}
	r->decided++;
	if (t->out)
		fprintf(t->out, "%s\t%s\t%s\t%d\n", field, rule, site, right ? 1 : 0);
	qrule_site(&r->sites, &r->nsites, site);
	if (right) {
		r->right++;
		qrule_site(&r->right_sites, &r->nright_sites, site);
	}
}

static int qrule_cmp(const void *a, const void *b)
{
	const qrule *x = a, *y = b;
	int f = strcmp(x->field, y->field);
	return f ? f : (x->decided != y->decided ? (y->decided > x->decided ? 1 : -1) : strcmp(x->rule, y->rule));
}

static void qrules_print(qrules *t)
{
	qsort(t->v, t->n, sizeof *t->v, qrule_cmp);
	printf("\n## rules: what decided authors and dates, the outcome of the authors' metadata-versus-page decision, and removed blocks by rule (decided, right, distinct sites, "
	       "sites where right)\n");
	printf("%-8s %-36s %8s %8s %8s %6s %6s\n", "field", "rule", "decided", "right", "share", "sites", "right");
	for (size_t i = 0; i < t->n; i++) {
		const qrule *r = &t->v[i];
		printf("%-8s %-36s %8ld %8ld %8.3f %6zu %6zu%s\n", r->field, r->rule, r->decided, r->right,
		       r->decided ? (double)r->right / (double)r->decided : 0.0, r->nsites, r->nright_sites,
		       r->nright_sites < 2 && strcmp(r->rule, "(none)") ? "  <- right on fewer than two sites" : "");
	}
}

static void qrules_free(qrules *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (size_t k = 0; k < t->v[i].nsites; k++)
			free(t->v[i].sites[k]);
		for (size_t k = 0; k < t->v[i].nright_sites; k++)
			free(t->v[i].right_sites[k]);
		free(t->v[i].sites);
		free(t->v[i].right_sites);
		free(t->v[i].field);
		free(t->v[i].rule);
	}
	free(t->v);
}

/* The rule that decided field, "(none)" when nothing did. */
static const char *rule_for(const galley_article *a, const char *field)
{
	const galley_decision *d = galley_article_decision_for(a, field);
	return d && d->rule ? d->rule : "(none)";
}

/* The outcome of the metadata-versus-page decision for field (the decision's detail),
 * "(none)" when nothing decided. */
static const char *outcome_for(const galley_article *a, const char *field)
{
	const galley_decision *d = galley_article_decision_for(a, field);
	return d && d->detail ? d->detail : "(none)";
}

static int qcase_cmp(const void *a, const void *b)
{
	return strcmp(((const qcase *)a)->id, ((const qcase *)b)->id);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* galley_ws_normalize, safe for blank input */
static char *norm(const char *s)
{
	galley_buf b = {0};
	galley_ws_normalize_into(&b, s ? s : "", s ? strlen(s) : 0);
	galley_buf_puts(&b, "");
	return galley_buf_steal(&b);
}

/* The case id of an article: its file name without directory and extension. */
static char *case_id(const galley_article *a)
{
	const galley_source_location *loc = galley_article_location(a);
	const char *path = loc && loc->member ? loc->member : loc ? loc->file : NULL;
	if (!path)
		return NULL;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	return galley_strndup(base, dot ? (size_t)(dot - base) : strlen(base));
}

static char *joined_gold_author(json_object *c)
{
	json_object *au;
	if (!json_object_object_get_ex(c, "author", &au) || !au)
		return NULL;
	if (json_object_is_type(au, json_type_string)) {
		const char *s = json_object_get_string(au);
		return s && *s ? galley_strdup(s) : NULL;
	}
	if (!json_object_is_type(au, json_type_array) || json_object_array_length(au) == 0)
		return NULL;
	galley_buf b = {0};
	for (size_t i = 0; i < json_object_array_length(au); i++) {
		if (i)
			galley_buf_puts(&b, "; ");
		galley_buf_puts(&b, json_object_get_string(json_object_array_get_idx(au, i)));
	}
	return galley_buf_steal(&b);
}

/* "2024-03-05..." -> y, m, d; false when s does not start with a date */
/* The day a date gives as it is written, through libgalley's date module (the set's golds
 * write some days with one digit, "2022-11-1": normalised first). */
static bool ymd(const char *s, int *y, int *m, int *d)
{
	char iso[64];
	galley_date g;
	if (!s || !galley_date_normalize(s, iso, sizeof iso) || !galley_date_parse_iso8601(iso, &g))
		return false;
	*y = g.year;
	*m = g.month;
	*d = g.day;
	return true;
}

static void qscore_add(qscore *to, const qscore *d)
{
	to->cases += d->cases;
	to->unseen += d->unseen;
	to->tp += d->tp;
	to->fp += d->fp;
	to->fn += d->fn;
	to->tn += d->tn;
	to->dk_tp += d->dk_tp;
	to->dk_fp += d->dk_fp;
	to->dk_fn += d->dk_fn;
	to->dk_tn += d->dk_tn;
	to->au_total += d->au_total;
	to->au_ok += d->au_ok;
	to->au_ok_ws += d->au_ok_ws;
	to->au_ok_ci += d->au_ok_ci;
	to->dt_total += d->dt_total;
	to->dt_ok += d->dt_ok;
	to->dt_none += d->dt_none;
	to->lost += d->lost;
	to->empty += d->empty;
	for (int i = 0; i < 5; i++)
		to->method[i] += d->method[i];
}

/* The stripper's text against the case's `with` and `without` segments. */
static void score_text(const qcase *c, const galley_article *a, qscore *d, bool verbose)
{
	char *text = galley_body_text(galley_article_body(a));
	char *nt = norm(text);
	free(text);
	json_object *w = NULL, *wo = NULL;
	json_object_object_get_ex(c->obj, "with", &w);
	json_object_object_get_ex(c->obj, "without", &wo);
	long tp0 = d->tp;
	size_t n_with = w ? json_object_array_length(w) : 0;
	const char *m = galley_article_get_extra(a, "explain.extraction");
	int mi = 4;
	for (int i = 0; m && i < 4; i++)
		if (!strncmp(m, quality_methods[i], strlen(quality_methods[i])))
			mi = i;
	d->method[mi]++;
	for (size_t i = 0; w && i < json_object_array_length(w); i++) {
		char *s = norm(json_object_get_string(json_object_array_get_idx(w, i)));
		if (strstr(nt, s))
			d->tp++;
		else {
			d->fn++;
			if (verbose)
				printf("%s MISS %s\n", c->id, s);
		}
		free(s);
	}
	for (size_t i = 0; wo && i < json_object_array_length(wo); i++) {
		char *s = norm(json_object_get_string(json_object_array_get_idx(wo, i)));
		if (strstr(nt, s)) {
			d->fp++;
			if (verbose)
				printf("%s FP %s\n", c->id, s);
		} else
			d->tn++;
		free(s);
	}
	/* the same segments against the dek and the text: the set's gold counts the standfirst
	 * under the headline as main text, which strip-boilerplate gives the article's dek field */
	const char *dek = galley_article_get(a, GALLEY_FIELD_DEK);
	char *nd = dek ? norm(dek) : NULL;
	galley_buf both = {0};
	galley_buf_printf(&both, "%s%s%s", nd ? nd : "", nd ? " " : "", nt);
	free(nd);
	for (size_t i = 0; w && i < json_object_array_length(w); i++) {
		char *s = norm(json_object_get_string(json_object_array_get_idx(w, i)));
		if (strstr(both.data, s))
			d->dk_tp++;
		else
			d->dk_fn++;
		free(s);
	}
	for (size_t i = 0; wo && i < json_object_array_length(wo); i++) {
		char *s = norm(json_object_get_string(json_object_array_get_idx(wo, i)));
		if (strstr(both.data, s))
			d->dk_fp++;
		else
			d->dk_tn++;
		free(s);
	}
	galley_buf_free(&both);
	if (n_with && (!*nt || (double)(d->tp - tp0) < QUALITY_LOST_SHARE * (double)n_with)) {
		d->lost++;
		if (verbose)
			printf("%s LOST %ld of %zu segments, %zu characters, by %s\n", c->id, d->tp - tp0,
			       n_with, strlen(nt), m ? m : "(no method)");
	}
	if (n_with && !*nt)
		d->empty++;
	free(nt);
}

/* The removed blocks that name the rule that removed them (strip-boilerplate's article-start
 * rules), into the per-rule table as field "removed": right when the block holds no `with`
 * segment and is no part of one (the gold's text was not removed). */
static void score_removed(const qcase *c, const galley_article *a, qrules *rules)
{
	char site_buf[256];
	const char *site = site_of(c->obj, site_buf, sizeof site_buf);
	json_object *w = NULL;
	json_object_object_get_ex(c->obj, "with", &w);
	for (size_t i = 0; i < galley_article_n_removed(a); i++) {
		const galley_removed *r = galley_article_removed(a, i);
		if (!r->rule || !r->text)
			continue;
		char *t = norm(r->text);
		bool right = true;
		for (size_t k = 0; right && w && k < json_object_array_length(w); k++) {
			char *s = norm(json_object_get_string(json_object_array_get_idx(w, k)));
			if (*s && *t && (strstr(t, s) || strstr(s, t)))
				right = false;
			free(s);
		}
		free(t);
		qrules_add(rules, "removed", r->rule, site, right);
	}
}

/* The tagger's authors and date against the case's `author` and `date`. */
static void score_tags(const qcase *c, const galley_article *a, qscore *d, qrules *rules, bool verbose, bool each)
{
	char site_buf[256];
	const char *site = site_of(c->obj, site_buf, sizeof site_buf);
	char *gold = joined_gold_author(c->obj);
	if (gold) {
		galley_buf got = {0};
		const char *byline = galley_article_get(a, GALLEY_FIELD_BYLINE);
		if (byline)
			galley_buf_puts(&got, byline); /* the credit as the page prints it */
		for (size_t i = 0; !byline && i < galley_article_list_len(a, GALLEY_LIST_AUTHORS); i++) {
			if (i)
				galley_buf_puts(&got, "; ");
			galley_buf_puts(&got, galley_article_list_at(a, GALLEY_LIST_AUTHORS, i));
		}
		galley_buf_puts(&got, "");
		d->au_total++;
		char *ng = norm(gold), *nw = norm(got.data);
		bool right = !strcmp(gold, got.data);
		if (right)
			d->au_ok++;
		else if (verbose)
			printf("%s AUTHOR '%s' expected '%s' (%s)\n", c->id, got.data, gold, rule_for(a, "authors"));
		if (each)
			printf("%s RULE authors %s %s half %c site %s outcome %s got '%s' expected '%s'\n", c->id, rule_for(a, "authors"),
			       right ? "right" : "wrong", 'A' + c->half, site, outcome_for(a, "authors"), got.data, gold);
		qrules_add(rules, "authors", rule_for(a, "authors"), site, right);
		qrules_add(rules, "outcome", outcome_for(a, "authors"), site, right);
		if (!strcmp(ng, nw))
			d->au_ok_ws++;
		if (!strcasecmp(ng, nw))
			d->au_ok_ci++;
		free(ng);
		free(nw);
		galley_buf_free(&got);
		free(gold);
	}
	json_object *gd = NULL;
	int gy, gm, gdd;
	if (json_object_object_get_ex(c->obj, "date", &gd) && ymd(json_object_get_string(gd), &gy, &gm, &gdd)) {
		const char *mine = galley_article_get(a, GALLEY_FIELD_DATE);
		int y, m, dd;
		d->dt_total++;
		bool right = ymd(mine, &y, &m, &dd) && y == gy && m == gm && dd == gdd;
		if (right)
			d->dt_ok++;
		else {
			if (!mine)
				d->dt_none++;
			if (verbose)
				printf("%s DATE '%s' expected '%04d-%02d-%02d' (%s)\n", c->id, mine ? mine : "", gy, gm, gdd, rule_for(a, "date"));
		}
		if (each)
			printf("%s RULE date %s %s half %c site %s got '%s' expected '%04d-%02d-%02d'\n", c->id, rule_for(a, "date"),
			       right ? "right" : "wrong", 'A' + c->half, site, mine ? mine : "", gy, gm, gdd);
		qrules_add(rules, "date", rule_for(a, "date"), site, right);
	}
}

/* A case never read, or failed: its segments score no positives, its gold counts. */
static void score_unseen(const qcase *c, bool tagged, qscore *d)
{
	json_object *w = NULL, *wo = NULL;
	json_object_object_get_ex(c->obj, "with", &w);
	json_object_object_get_ex(c->obj, "without", &wo);
	d->fn += w ? (long)json_object_array_length(w) : 0;
	d->tn += wo ? (long)json_object_array_length(wo) : 0;
	d->dk_fn += w ? (long)json_object_array_length(w) : 0;
	d->dk_tn += wo ? (long)json_object_array_length(wo) : 0;
	if (w && json_object_array_length(w)) {
		d->lost++; /* a page never read has lost its article too */
		d->empty++;
	}
	if (!tagged)
		return;
	char *gold = joined_gold_author(c->obj);
	if (gold)
		d->au_total++;
	free(gold);
	json_object *gd = NULL;
	int gy, gm, gdd;
	if (json_object_object_get_ex(c->obj, "date", &gd) && ymd(json_object_get_string(gd), &gy, &gm, &gdd))
		d->dt_total++;
}

/* Prints one set's figures; returns its F1. */
static double qscore_print(const qscore *s, bool tagged)
{
	double P = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
	double R = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
	double F1 = P + R > 0 ? 2 * P * R / (P + R) : 0;
	printf("segments, text alone: TP %ld  FP %ld  FN %ld  TN %ld\n", s->tp, s->fp, s->fn, s->tn);
	printf("precision %.4f  recall %.4f  F1 %.4f  [text alone: the article's text field]\n", P, R, F1);
	double dP = s->dk_tp + s->dk_fp ? (double)s->dk_tp / (double)(s->dk_tp + s->dk_fp) : 0;
	double dR = s->dk_tp + s->dk_fn ? (double)s->dk_tp / (double)(s->dk_tp + s->dk_fn) : 0;
	double dF1 = dP + dR > 0 ? 2 * dP * dR / (dP + dR) : 0;
	printf("segments, dek + text: TP %ld  FP %ld  FN %ld  TN %ld\n", s->dk_tp, s->dk_fp, s->dk_fn, s->dk_tn);
	printf("precision %.4f  recall %.4f  F1 %.4f  [dek + text: the set's gold counts the dek (standfirst) as main text]\n",
	       dP, dR, dF1);
	printf("lost articles (text empty or under %.0f%% of the gold's segments): %ld, of which empty %ld; text by method:",
	       QUALITY_LOST_SHARE * 100, s->lost, s->empty);
	for (int i = 0; i < 5; i++)
		printf(" %s %ld", quality_methods[i], s->method[i]);
	printf("\n");
	if (!tagged) {
		printf("authors: not scored (no tag-attribution plugin)\n");
		return F1;
	}
	double t = s->au_total ? (double)s->au_total : 1.0;
	printf("authors: %ld of %ld exact (accuracy %.4f)  [raw strings, the published method]\n", s->au_ok, s->au_total,
	       (double)s->au_ok / t);
	printf("authors: %ld of %ld equal with white space normalised (accuracy %.4f); ignoring case too: %ld (%.4f)\n",
	       s->au_ok_ws, s->au_total, (double)s->au_ok_ws / t, s->au_ok_ci, (double)s->au_ok_ci / t);
	printf("dates: %ld of %ld same day (accuracy %.4f); no date given for %ld\n", s->dt_ok, s->dt_total,
	       s->dt_total ? (double)s->dt_ok / (double)s->dt_total : 0.0, s->dt_none);
	return F1;
}

static void usage(void)
{
	fprintf(stderr, "usage: galley-quality DATASET_DIR [--plugin-dir DIR] [--every N] [--verbose] [--cases] [--min-f1 X]\n"
	                "                      [--options 'OPTIONS FOR strip-boilerplate'] [--rules-out FILE]\n"
	                "  DATASET_DIR holds cases.json and html/ (webextract-dev.tar.xz unpacked)\n");
}

/* The subset's pages as an @list file (the dataset directory, else a temporary file); the
 * list's path (caller frees), or NULL when it cannot be written.  input is "a,b,c". */
static char *write_subset_list(const char *dir, int every, const char *input)
{
	galley_buf path = {0};
	galley_buf_printf(&path, "%s/.quality-subset-%d.txt", dir, every);
	FILE *lf = fopen(path.data, "w");
	if (!lf) {
		/* the dataset directory may be read-only: use a temporary file */
		char tmpl[] = "/tmp/galley-quality-XXXXXX";
		int fd = mkstemp(tmpl);
		lf = fd >= 0 ? fdopen(fd, "w") : NULL;
		galley_buf_reset(&path);
		galley_buf_puts(&path, tmpl);
	}
	if (!lf) {
		fprintf(stderr, "galley-quality: cannot write the subset list\n");
		galley_buf_free(&path);
		return NULL;
	}
	for (const char *p = input, *e; p && *p; p = e ? e + 1 : NULL) {
		e = strchr(p, ',');
		fprintf(lf, "%.*s\n", (int)(e ? (size_t)(e - p) : strlen(p)), p);
		if (!e)
			break;
	}
	fclose(lf);
	return galley_buf_steal(&path);
}

/* tag-attribution, opened, when the registry has it (authors and dates are then scored). */
static galley_stage *open_tagger(galley_registry *reg)
{
	galley_error terr = {0};
	if (!galley_registry_find(reg, "tag-attribution", &terr))
		return NULL;
	galley_stage *tagger = galley_stage_new(reg, "tag-attribution", NULL, &terr);
	if (tagger && galley_stage_open(tagger, &terr) != GALLEY_OK) {
		fprintf(stderr, "galley-quality: tag-attribution: %s (authors not scored)\n", terr.message);
		galley_stage_free(tagger);
		tagger = NULL;
	}
	return tagger;
}

/* Reads every page, strips and tags it, and scores the cases of cs (sorted by id) it belongs to;
 * a case read twice counts once. */
static void score_pages(galley_stage *reader, galley_stage *strip, galley_stage *tagger, qcase *cs, size_t n,
                        qscore *total, qscore half[QUALITY_HALVES], qrules *rules, bool verbose, bool each)
{
	galley_error err = {0};
	for (;;) {
		galley_article *a = NULL;
		galley_error_clear(&err);
		int rc = galley_stage_read(reader, &a, &err);
		if (rc == GALLEY_END)
			break;
		if (rc == GALLEY_ERR_FATAL) {
			fprintf(stderr, "galley-quality: read-html: %s\n", err.message);
			break;
		}
		if (rc != GALLEY_OK || !a) {
			galley_article_free(a);
			continue;
		}
		char *id = case_id(a);
		qcase probe = {.id = id}, *c = id ? bsearch(&probe, cs, n, sizeof *cs, qcase_cmp) : NULL;
		free(id);
		if (!c || c->seen) {
			galley_article_free(a);
			continue;
		}
		c->seen = true;
		galley_error_clear(&err);
		rc = galley_stage_feed(strip, a, &err);
		if (rc != GALLEY_OK) {
			if (verbose)
				printf("%s failed: %s\n", c->id, err.message);
			c->seen = false; /* scored as unseen below */
			galley_article_free(a);
			continue;
		}
		qscore d = {.cases = 1};
		score_text(c, a, &d, verbose);
		score_removed(c, a, rules);
		/* authors after tag-attribution; the text above is scored as the stripper left it */
		if (tagger) {
			galley_error_clear(&err);
			if (galley_stage_feed(tagger, a, &err) != GALLEY_OK && verbose)
				printf("%s tag-attribution failed: %s\n", c->id, err.message);
			score_tags(c, a, &d, rules, verbose, each);
		}
		qscore_add(total, &d);
		qscore_add(&half[c->half], &d);
		galley_article_free(a);
	}
	galley_error_clear(&err);
}

int main(int argc, char **argv)
{
	const char *dir = NULL, *plugin_dir = NULL, *strip_opts = NULL, *rules_out = NULL;
	int every = 1;
	bool verbose = false, each = false; /* each: one line per case with the rule that decided */
	double min_f1 = -1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--plugin-dir") && i + 1 < argc)
			plugin_dir = argv[++i];
		else if (!strcmp(argv[i], "--options") && i + 1 < argc)
			strip_opts = argv[++i];
		else if (!strcmp(argv[i], "--every") && i + 1 < argc)
			every = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--rules-out") && i + 1 < argc)
			rules_out = argv[++i];
		else if (!strcmp(argv[i], "--min-f1") && i + 1 < argc)
			min_f1 = atof(argv[++i]);
		else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v"))
			verbose = true;
		else if (!strcmp(argv[i], "--cases"))
			each = true;
		else if (argv[i][0] == '-') {
			usage();
			return 2;
		} else
			dir = argv[i];
	}
	if (!dir || every < 1) {
		usage();
		return 2;
	}

	galley_buf path = {0};
	galley_buf_printf(&path, "%s/cases.json", dir);
	json_object *cases = json_object_from_file(path.data);
	if (!cases || !json_object_is_type(cases, json_type_object)) {
		fprintf(stderr, "galley-quality: cannot read %s: %s\n", path.data, json_util_get_last_err());
		return 2;
	}
	size_t n_all = 0, n = 0;
	qcase *cs = galley_calloc((size_t)json_object_object_length(cases) + 1, sizeof *cs);
	json_object_object_foreach(cases, key, val) {
		cs[n_all].id = key;
		cs[n_all].obj = val;
		cs[n_all].half = site_half(val);
		n_all++;
	}
	qsort(cs, n_all, sizeof *cs, qcase_cmp);
	for (size_t i = 0; i < n_all; i++)
		if (i % (size_t)every == 0)
			cs[n++] = cs[i];

	/* the pages to read: every file of the subset, by name */
	galley_buf input = {0};
	for (size_t i = 0; i < n; i++) {
		json_object *f;
		if (input.len)
			galley_buf_putc(&input, ',');
		if (json_object_object_get_ex(cs[i].obj, "file", &f))
			galley_buf_printf(&input, "%s/html/%s", dir, json_object_get_string(f));
	}
	char *list = every > 1 ? write_subset_list(dir, every, input.data) : NULL;
	if (every > 1 && !list)
		return 2;

	galley_registry *reg = galley_registry_new();
	if (plugin_dir)
		galley_registry_add_dir(reg, plugin_dir);
	galley_registry_scan(reg);
	galley_error err = {0};
	galley_buf opts = {0};
	if (list)
		galley_buf_printf(&opts, "input='@%s'", list);
	else
		galley_buf_printf(&opts, "input='%s/html'", dir);
	galley_stage *reader = galley_stage_new(reg, "read-html", opts.data, &err);
	galley_stage *strip = reader ? galley_stage_new(reg, "strip-boilerplate", strip_opts, &err) : NULL;
	if (!reader || !strip || galley_stage_open(reader, &err) != GALLEY_OK ||
	    galley_stage_open(strip, &err) != GALLEY_OK) {
		fprintf(stderr, "galley-quality: %s\n", err.message);
		return 2;
	}
	galley_stage *tagger = open_tagger(reg);

	qscore total = {0}, half[QUALITY_HALVES] = {{0}};
	qrules rules = {0};
	if (rules_out && !(rules.out = fopen(rules_out, "w"))) {
		fprintf(stderr, "galley-quality: cannot write %s\n", rules_out);
		return 2;
	}
	double t0 = now();
	score_pages(reader, strip, tagger, cs, n, &total, half, &rules, verbose, each);
	double secs = now() - t0;
	/* cases never read or failed: their segments score no positives */
	for (size_t i = 0; i < n; i++) {
		if (cs[i].seen)
			continue;
		qscore d = {.cases = 1, .unseen = 1};
		score_unseen(&cs[i], tagger != NULL, &d);
		qscore_add(&total, &d);
		qscore_add(&half[cs[i].half], &d);
	}
	printf("pages %zu (unread or failed %ld), %.1f s for read-html ! strip-boilerplate%s\n", n, total.unseen, secs,
	       tagger ? " ! tag-attribution" : "");
	double F1 = qscore_print(&total, tagger != NULL);
	for (int h = 0; h < QUALITY_HALVES; h++) {
		printf("\n## site-disjoint half %c: %ld pages (unread or failed %ld)\n", 'A' + h, half[h].cases, half[h].unseen);
		qscore_print(&half[h], tagger != NULL);
	}
	qrules_print(&rules);
	qrules_free(&rules);
	if (rules.out && fclose(rules.out) != 0) {
		fprintf(stderr, "galley-quality: cannot write %s\n", rules_out);
		return 2;
	}

	galley_stage_free(tagger);
	galley_stage_free(strip);
	galley_stage_free(reader);
	galley_registry_free(reg);
	if (list) {
		remove(list);
		free(list);
	}
	galley_buf_free(&opts);
	galley_buf_free(&input);
	galley_buf_free(&path);
	free(cs);
	json_object_put(cases);
	return (min_f1 >= 0 && F1 < min_f1) ? 1 : 0;
}
