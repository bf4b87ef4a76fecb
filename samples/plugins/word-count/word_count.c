/* word-count: a complete galley transform built outside the galley tree.
 *
 * It counts the words of each article's main text, records the count as the extra property
 * "word_count", and drops articles shorter than min_words (with the reason, so the user sees
 * why they are missing).  Build it against an installed galley:
 *
 *     cc $(pkg-config --cflags galley) -shared -fPIC -o word-count.so word_count.c
 *
 * and run it:
 *
 *     galley --plugin-dir . run -e 'read-text input=a.txt ! word-count min_words=50 ! write-json output=-'
 */
#include <galley/galley.h>

#include <stdio.h>
#include <stdlib.h>

/* Per-stage state: read-only after open, so the plugin can run on several threads. */
typedef struct word_count_state {
	int64_t min_words;
} word_count_state;

static int word_count_open(galley_stage *stage, void **state, galley_error *err)
{
	word_count_state *st = calloc(1, sizeof *st);
	if (!st)
		return galley_error_set(err, GALLEY_ERR_FATAL, "out of memory");
	st->min_words = galley_stage_opt_int(stage, "min_words");
	*state = st;
	return GALLEY_OK;
}

static void word_count_close(galley_stage *stage, void *state)
{
	(void)stage;
	free(state);
}

/* Words are maximal runs of non-space characters in the normalised text. */
static size_t word_count_count(const char *text)
{
	size_t n = 0;
	int in_word = 0;
	for (const char *p = text; *p; p++) {
		int space = *p == ' ' || *p == '\n';
		if (!space && !in_word)
			n++;
		in_word = !space;
	}
	return n;
}

static int word_count_process(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	(void)stage;
	word_count_state *st = state;
	char *text = galley_body_text(galley_article_body(a)); /* owned: free() */
	size_t words = word_count_count(text);
	free(text);
	char buf[32];
	snprintf(buf, sizeof buf, "%zu", words);
	galley_article_set_extra(a, "word_count", buf); /* copied */
	if ((int64_t)words < st->min_words)
		return galley_error_set(err, GALLEY_DROP, "%zu words, fewer than min_words=%lld", words,
		                        (long long)st->min_words);
	return GALLEY_OK;
}

static const galley_option word_count_options[] = {
	{.name = "min_words", .type = GALLEY_OPT_INT, .default_value = "0", .min = 0, .max = 1e9,
	 .help = "drop articles with fewer words than this (0 keeps all)"},
	{0},
};

GALLEY_PLUGIN_DEFINE(
	.name = "word-count",
	.kind = GALLEY_KIND_TRANSFORM,
	.summary = "count the words of each article; drop the short ones",
	.version = "1.0.0",
	.license = "MIT",
	.flags = GALLEY_PLUGIN_PARALLEL_SAFE,
	.options = word_count_options,
	.open = word_count_open,
	.close = word_count_close,
	.process = word_count_process);
