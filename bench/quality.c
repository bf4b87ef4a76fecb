/* galley-quality: extraction quality on a labelled page set, with the published method.
 *
 *   galley-quality DATASET_DIR [--plugin-dir DIR] [--every N] [--verbose] [--min-f1 X]
 *                  [--options 'OPTIONS FOR strip-boilerplate']
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
 * --every N keeps every N-th case in id order (a fixed subset); --min-f1 makes the exit status
 * 1 when F1 falls below X. */
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
	bool seen;
} qcase;

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
static bool ymd(const char *s, int *y, int *m, int *d)
{
	return s && sscanf(s, "%d-%d-%d", y, m, d) == 3 && *y > 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static void usage(void)
{
	fprintf(stderr, "usage: galley-quality DATASET_DIR [--plugin-dir DIR] [--every N] [--verbose] [--min-f1 X]\n"
	                "                      [--options 'OPTIONS FOR strip-boilerplate']\n"
	                "  DATASET_DIR holds cases.json and html/ (webextract-dev.tar.xz unpacked)\n");
}

int main(int argc, char **argv)
{
	const char *dir = NULL, *plugin_dir = NULL, *strip_opts = NULL;
	int every = 1;
	bool verbose = false;
	double min_f1 = -1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--plugin-dir") && i + 1 < argc)
			plugin_dir = argv[++i];
		else if (!strcmp(argv[i], "--options") && i + 1 < argc)
			strip_opts = argv[++i];
		else if (!strcmp(argv[i], "--every") && i + 1 < argc)
			every = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--min-f1") && i + 1 < argc)
			min_f1 = atof(argv[++i]);
		else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v"))
			verbose = true;
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
	char *list = NULL;
	if (every > 1) {
		/* pass the subset as an @list file */
		galley_buf_reset(&path);
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
			return 2;
		}
		for (char *p = input.data, *e; p && *p; p = e ? e + 1 : NULL) {
			e = strchr(p, ',');
			fprintf(lf, "%.*s\n", (int)(e ? (size_t)(e - p) : strlen(p)), p);
			if (!e)
				break;
		}
		fclose(lf);
		list = galley_strdup(path.data);
	}

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
	galley_stage *tagger = NULL;
	galley_error terr = {0};
	if (galley_registry_find(reg, "tag-attribution", &terr)) {
		tagger = galley_stage_new(reg, "tag-attribution", NULL, &terr);
		if (tagger && galley_stage_open(tagger, &terr) != GALLEY_OK) {
			fprintf(stderr, "galley-quality: tag-attribution: %s (authors not scored)\n", terr.message);
			galley_stage_free(tagger);
			tagger = NULL;
		}
	}

	long tp = 0, fp = 0, fn = 0, tn = 0, failed = 0;
	long au_total = 0, au_ok = 0, au_ok_ws = 0, au_ok_ci = 0;
	long dt_total = 0, dt_ok = 0, dt_none = 0;
	double t0 = now();
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
			failed++;
			galley_article_free(a);
			continue;
		}
		char *text = galley_body_text(galley_article_body(a));
		char *nt = norm(text);
		free(text);
		json_object *w = NULL, *wo = NULL;
		json_object_object_get_ex(c->obj, "with", &w);
		json_object_object_get_ex(c->obj, "without", &wo);
		for (size_t i = 0; w && i < json_object_array_length(w); i++) {
			char *s = norm(json_object_get_string(json_object_array_get_idx(w, i)));
			if (strstr(nt, s))
				tp++;
			else {
				fn++;
				if (verbose)
					printf("%s MISS %s\n", c->id, s);
			}
			free(s);
		}
		for (size_t i = 0; wo && i < json_object_array_length(wo); i++) {
			char *s = norm(json_object_get_string(json_object_array_get_idx(wo, i)));
			if (strstr(nt, s)) {
				fp++;
				if (verbose)
					printf("%s FP %s\n", c->id, s);
			} else
				tn++;
			free(s);
		}
		free(nt);
		/* authors after tag-attribution; the text above is scored as the stripper left it */
		if (tagger) {
			char *gold = joined_gold_author(c->obj);
			galley_error_clear(&err);
			if (galley_stage_feed(tagger, a, &err) != GALLEY_OK && verbose)
				printf("%s tag-attribution failed: %s\n", c->id, err.message);
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
				au_total++;
				char *ng = norm(gold), *nw = norm(got.data);
				if (!strcmp(gold, got.data))
					au_ok++;
				else if (verbose)
					printf("%s AUTHOR '%s' expected '%s'\n", c->id, got.data, gold);
				if (!strcmp(ng, nw))
					au_ok_ws++;
				if (!strcasecmp(ng, nw))
					au_ok_ci++;
				free(ng);
				free(nw);
				galley_buf_free(&got);
				free(gold);
			}
			json_object *gd = NULL;
			int gy, gm, gdd;
			if (json_object_object_get_ex(c->obj, "date", &gd) && ymd(json_object_get_string(gd), &gy, &gm, &gdd)) {
				const char *mine = galley_article_get(a, GALLEY_FIELD_DATE);
				int y, m, d;
				dt_total++;
				if (ymd(mine, &y, &m, &d) && y == gy && m == gm && d == gdd)
					dt_ok++;
				else {
					if (!mine)
						dt_none++;
					if (verbose)
						printf("%s DATE '%s' expected '%04d-%02d-%02d'\n", c->id, mine ? mine : "", gy, gm, gdd);
				}
			}
		}
		galley_article_free(a);
	}
	double secs = now() - t0;
	/* cases never read or failed: their segments score no positives */
	size_t unseen = 0;
	for (size_t i = 0; i < n; i++) {
		if (cs[i].seen)
			continue;
		unseen++;
		json_object *w = NULL, *wo = NULL;
		json_object_object_get_ex(cs[i].obj, "with", &w);
		json_object_object_get_ex(cs[i].obj, "without", &wo);
		fn += w ? (long)json_object_array_length(w) : 0;
		tn += wo ? (long)json_object_array_length(wo) : 0;
		if (tagger) {
			char *gold = joined_gold_author(cs[i].obj);
			if (gold)
				au_total++;
			free(gold);
			json_object *gd = NULL;
			int gy, gm, gdd;
			if (json_object_object_get_ex(cs[i].obj, "date", &gd) && ymd(json_object_get_string(gd), &gy, &gm, &gdd))
				dt_total++;
		}
	}
	double P = tp + fp ? (double)tp / (double)(tp + fp) : 0, R = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	double F1 = P + R > 0 ? 2 * P * R / (P + R) : 0;
	printf("pages %zu (unread or failed %zu), %.1f s for read-html ! strip-boilerplate%s\n", n, unseen, secs,
	       tagger ? " ! tag-attribution" : "");
	printf("segments: TP %ld  FP %ld  FN %ld  TN %ld\n", tp, fp, fn, tn);
	printf("precision %.4f  recall %.4f  F1 %.4f\n", P, R, F1);
	if (tagger) {
		double t = au_total ? (double)au_total : 1.0;
		printf("authors: %ld of %ld exact (accuracy %.4f)  [raw strings, the published method]\n", au_ok, au_total,
		       (double)au_ok / t);
		printf("authors: %ld of %ld equal with white space normalised (accuracy %.4f); ignoring case too: %ld (%.4f)\n",
		       au_ok_ws, au_total, (double)au_ok_ws / t, au_ok_ci, (double)au_ok_ci / t);
		printf("dates: %ld of %ld same day (accuracy %.4f); no date given for %ld\n", dt_ok, dt_total,
		       dt_total ? (double)dt_ok / (double)dt_total : 0.0, dt_none);
	} else
		printf("authors: not scored (no tag-attribution plugin)\n");
	(void)failed;

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
