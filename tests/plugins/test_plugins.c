/* Plugins used only by the core's tests.  One source, several modules: TEST_PLUGIN selects
 * which descriptor this build exports. */
#include <galley/galley.h>

#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(TEST_SOURCE)
/* A reader producing `count` articles "article N" with body "<p>text N</p>". */
typedef struct src_state {
	int64_t count, next, fail_at, fatal_at;
} src_state;

static int src_open(galley_stage *s, void **state, galley_error *err)
{
	src_state *st = galley_calloc(1, sizeof *st);
	st->count = galley_stage_opt_int(s, "count");
	st->fail_at = galley_stage_opt_int(s, "fail_at");
	st->fatal_at = galley_stage_opt_int(s, "fatal_at");
	*state = st;
	return GALLEY_OK;
}

static void src_close(galley_stage *s, void *state)
{
	free(state);
}

static int src_read(galley_stage *s, void *state, galley_article **out, galley_error *err)
{
	src_state *st = state;
	if (st->next >= st->count)
		return GALLEY_END;
	int64_t i = st->next++;
	if (i == st->fatal_at)
		return galley_error_set(err, GALLEY_ERR_FATAL, "fatal at %lld", (long long)i);
	galley_article *a = galley_article_new();
	galley_article_set_location(a, "memory", NULL, -1, i);
	if (i == st->fail_at) {
		*out = a;
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot read article %lld", (long long)i);
	}
	char buf[64];
	snprintf(buf, sizeof buf, "text %lld", (long long)i);
	unsigned char *raw = (unsigned char *)galley_strdup(buf);
	galley_article_take_raw(a, raw, strlen(buf), "text/plain", NULL, NULL, 0);
	*out = a;
	return GALLEY_OK;
}

static int src_parse(galley_stage *s, void *state, galley_article *a, galley_error *err)
{
	const galley_raw *raw = galley_article_raw(a);
	char title[64];
	snprintf(title, sizeof title, "article %lld", (long long)galley_article_location(a)->index);
	galley_article_set(a, GALLEY_FIELD_TITLE, title);
	xmlDocPtr doc = galley_body_new();
	char *text = galley_strndup((const char *)raw->data, raw->len);
	xmlNewTextChild(galley_body_root(doc), NULL, BAD_CAST "p", BAD_CAST text);
	free(text);
	galley_article_set_body(a, doc);
	return GALLEY_OK;
}

static const galley_option src_options[] = {
	{.name = "count", .type = GALLEY_OPT_INT, .default_value = "3", .help = "articles to produce", .min = 0, .max = 10000000},
	{.name = "fail_at", .type = GALLEY_OPT_INT, .default_value = "-1", .help = "fail reading this article"},
	{.name = "fatal_at", .type = GALLEY_OPT_INT, .default_value = "-1", .help = "stop the run at this article"},
	{0},
};

GALLEY_PLUGIN_DEFINE(.name = "test-source", .kind = GALLEY_KIND_READER, .summary = "test reader",
                     .version = "1.0", .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = src_options, .open = src_open, .close = src_close, .read = src_read,
                     .parse = src_parse);

#elif defined(TEST_FILTER)
/* A transform: drops, fails or stops on chosen articles; every option type declared. */
typedef struct flt_state {
	int64_t drop_every, fail_at, fatal_at, delay_us;
	int64_t signal_after, signals; /* raise SIGINT/SIGTERM `signals` times at the n-th article */
	int signo;
	_Atomic int64_t seen;
} flt_state;

static int flt_open(galley_stage *s, void **state, galley_error *err)
{
	flt_state *st = galley_calloc(1, sizeof *st);
	st->drop_every = galley_stage_opt_int(s, "drop_every");
	st->fail_at = galley_stage_opt_int(s, "fail_at");
	st->fatal_at = galley_stage_opt_int(s, "fatal_at");
	st->delay_us = galley_stage_opt_int(s, "delay_us");
	st->signal_after = galley_stage_opt_int(s, "signal_after");
	st->signals = galley_stage_opt_int(s, "signals");
	st->signo = strcmp(galley_stage_opt_string(s, "signal"), "term") ? SIGINT : SIGTERM;
	*state = st;
	return GALLEY_OK;
}

static void flt_close(galley_stage *s, void *state)
{
	free(state);
}

static int flt_process(galley_stage *s, void *state, galley_article *a, galley_error *err)
{
	flt_state *st = state;
	int64_t i = galley_article_location(a)->index;
	if (st->delay_us > 0) {
		/* uneven work so that threads finish out of order */
		struct timespec ts = {0, (long)((i % 3) * st->delay_us * 1000)};
		nanosleep(&ts, NULL);
	}
	/* an interrupt at a known point of the run, as a user's Ctrl-C would come */
	if (st->signal_after > 0 && atomic_fetch_add(&st->seen, 1) + 1 == st->signal_after)
		for (int64_t k = 0; k < st->signals; k++)
			raise(st->signo);
	if (i < 0)
		return GALLEY_OK; /* an article of another reader, without an index */
	if (i == st->fatal_at)
		return galley_error_set(err, GALLEY_ERR_FATAL, "fatal at %lld", (long long)i);
	if (i == st->fail_at)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot process article %lld", (long long)i);
	if (st->drop_every > 0 && i % st->drop_every == 0)
		return galley_error_set(err, GALLEY_DROP, "every %lld", (long long)st->drop_every);
	return GALLEY_OK;
}

static const galley_option flt_options[] = {
	{.name = "drop_every", .type = GALLEY_OPT_INT, .default_value = "0", .help = "drop every n-th article", .min = 0, .max = 1000},
	{.name = "fail_at", .type = GALLEY_OPT_INT, .default_value = "-1", .help = "fail this article"},
	{.name = "fatal_at", .type = GALLEY_OPT_INT, .default_value = "-1", .help = "stop at this article"},
	{.name = "delay_us", .type = GALLEY_OPT_INT, .default_value = "0", .help = "sleep per article"},
	{.name = "signal_after", .type = GALLEY_OPT_INT, .default_value = "0", .help = "raise a signal at the n-th article processed"},
	{.name = "signals", .type = GALLEY_OPT_INT, .default_value = "1", .help = "how many times to raise it", .min = 1, .max = 3},
	{.name = "signal", .type = GALLEY_OPT_ENUM, .default_value = "int", .choices = "int|term", .help = "SIGINT or SIGTERM"},
	{.name = "ratio", .type = GALLEY_OPT_DOUBLE, .default_value = "0.5", .help = "a number", .min = 0, .max = 1},
	{.name = "strict", .type = GALLEY_OPT_BOOL, .default_value = "false", .help = "a flag"},
	{.name = "mode", .type = GALLEY_OPT_ENUM, .default_value = "fast", .choices = "fast|careful|exact", .help = "a choice"},
	{.name = "label", .type = GALLEY_OPT_STRING, .help = "a string without default"},
	{.name = "table", .type = GALLEY_OPT_PATH, .default_value = "x.tsv", .help = "a path"},
	{0},
};

GALLEY_PLUGIN_DEFINE(.name = "test-filter", .kind = GALLEY_KIND_TRANSFORM, .summary = "test transform",
                     .version = "1.0", .flags = GALLEY_PLUGIN_PARALLEL_SAFE, .options = flt_options,
                     .open = flt_open, .close = flt_close, .process = flt_process);

#elif defined(TEST_SERIAL)
/* A transform that is not parallel-safe: numbers articles in the order it sees them. */
static int ser_process(galley_stage *s, void *state, galley_article *a, galley_error *err)
{
	static int64_t seen;
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)seen++);
	galley_article_set_extra(a, "seen", buf);
	return GALLEY_OK;
}

GALLEY_PLUGIN_DEFINE(.name = "test-serial", .kind = GALLEY_KIND_TRANSFORM, .summary = "test serial transform",
                     .version = "1.0", .process = ser_process);

#elif defined(TEST_SINK)
/* A writer: one line per article, "index<TAB>title<TAB>seen<TAB>text", to an atomic output. */
typedef struct sink_state {
	galley_output *out;
	int64_t fail_at;
	bool fail_finish;
} sink_state;

static int sink_open(galley_stage *s, void **state, galley_error *err)
{
	sink_state *st = galley_calloc(1, sizeof *st);
	st->fail_at = galley_stage_opt_int(s, "fail_at");
	st->fail_finish = galley_stage_opt_bool(s, "fail_finish");
	st->out = galley_output_open(galley_stage_opt_string(s, "output"), err);
	if (!st->out) {
		free(st);
		return GALLEY_ERR_FATAL;
	}
	*state = st;
	return GALLEY_OK;
}

static int sink_write(galley_stage *s, void *state, galley_article *a, galley_error *err)
{
	sink_state *st = state;
	int64_t i = galley_article_location(a)->index;
	if (i == st->fail_at)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot write article %lld", (long long)i);
	char *text = galley_body_text(galley_article_body(a));
	const char *seen = galley_article_get_extra(a, "seen");
	fprintf(galley_output_file(st->out), "%lld\t%s\t%s\t%s\t%zu\n", (long long)i,
	        galley_article_get(a, GALLEY_FIELD_TITLE), seen ? seen : "-", text, galley_article_n_stages(a));
	free(text);
	return GALLEY_OK;
}

static int sink_finish(galley_stage *s, void *state, galley_error *err)
{
	sink_state *st = state;
	if (st->fail_finish)
		return galley_error_set(err, GALLEY_ERR_FATAL, "cannot finish (fail_finish=true)");
	int rc = galley_output_commit(st->out, err);
	st->out = NULL;
	return rc;
}

static void sink_close(galley_stage *s, void *state)
{
	sink_state *st = state;
	if (!st)
		return;
	galley_output_abort(st->out);
	free(st);
}

static const galley_option sink_options[] = {
	{.name = "output", .type = GALLEY_OPT_PATH, .help = "file to write", .flags = GALLEY_OPT_REQUIRED},
	{.name = "fail_at", .type = GALLEY_OPT_INT, .default_value = "-1", .help = "fail writing this article"},
	{.name = "fail_finish", .type = GALLEY_OPT_BOOL, .default_value = "false", .help = "fail in finish()"},
	{0},
};

GALLEY_PLUGIN_DEFINE(.name = "test-sink", .kind = GALLEY_KIND_WRITER, .summary = "test writer", .version = "1.0",
                     .options = sink_options, .open = sink_open, .close = sink_close, .write = sink_write,
                     .finish = sink_finish);

#elif defined(TEST_BAD_ABI)
/* Built for a future ABI major: the core must refuse it. */
static int bad_process(galley_stage *s, void *state, galley_article *a, galley_error *err)
{
	return GALLEY_OK;
}
GALLEY_PLUGIN_EXPORT const galley_plugin galley_plugin_descriptor = {
	.abi_major = GALLEY_ABI_MAJOR + 1, .abi_minor = 0, .name = "test-bad-abi", .kind = GALLEY_KIND_TRANSFORM,
	.summary = "built for another ABI", .version = "1.0", .process = bad_process};

#elif defined(TEST_NO_DESCRIPTOR)
/* A shared module that is not a galley plugin. */
GALLEY_PLUGIN_EXPORT int test_not_a_plugin(void);
int test_not_a_plugin(void)
{
	return 42;
}

#elif defined(TEST_BAD_OPTIONS)
/* A descriptor whose default does not fit its own declaration. */
static int bo_process(galley_stage *s, void *state, galley_article *a, galley_error *err)
{
	return GALLEY_OK;
}
static const galley_option bo_options[] = {
	{.name = "level", .type = GALLEY_OPT_INT, .default_value = "high", .help = "an int with a bad default"},
	{0},
};
GALLEY_PLUGIN_DEFINE(.name = "test-bad-options", .kind = GALLEY_KIND_TRANSFORM, .summary = "bad default",
                     .version = "1.0", .options = bo_options, .process = bo_process);
#else
#error "define one of the TEST_* plugin selectors"
#endif
