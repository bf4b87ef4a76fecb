/* strip-boilerplate: keep an article's main content, remove (and record) everything else.
 *
 * The method, in linear passes over the body tree (see docs/extraction.md):
 *   1. annotate   pre-order: tag kind, class/id vocabulary hits, hidden markers;
 *   2. measure    bottom-up: text, link text and "good" text (outside prunable subtrees);
 *   3. choose     the main container: JSON-LD articleBody coverage, article-body class markers,
 *                 semantic tags, then a paragraph-score fallback, guarded by text mass;
 *   4. rebuild    the container into the galley XHTML subset, pruning boilerplate subtrees;
 *   5. filter     the output blocks: link density, teaser headers and their link lists,
 *                 duplicates, bylines, datelines, credit and caption lines, the title;
 *   6. record     every removed block on the article with its reason and context.
 * The same block filters run on plain-text bodies (read-text), where the whole body is the
 * container and the header lines before the first sentence are captions or a category line.
 * Each step has its file (sb.h lists them); this one is the plugin and the order of the steps.
 */
#include "sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SB_VERSION "0.1.0"

static int strip_boilerplate_open(galley_stage *stage, void **state, galley_error *err)
{
	sb_state *st = galley_calloc(1, sizeof *st);
	if (sb_state_load(st, err) != GALLEY_OK) {
		sb_state_free(st);
		return GALLEY_ERR_FATAL;
	}
	st->explain = galley_stage_opt_bool(stage, "explain");
	st->captions = galley_stage_opt_bool(stage, "captions");
	st->min_chars = (int)galley_stage_opt_int(stage, "min_chars");
	*state = st;
	return GALLEY_OK;
}

static void strip_boilerplate_close(galley_stage *stage, void *state)
{
	(void)stage;
	sb_state_free(state);
}

static int strip_boilerplate_process(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	const sb_state *st = state;
	xmlDocPtr doc = galley_article_body(a);
	xmlNodePtr root = doc ? galley_body_root(doc) : NULL;
	if (!root || !root->children)
		return GALLEY_OK;
	sb_extract(st, a, root);
	(void)stage;
	(void)err;
	return GALLEY_OK;
}

static const galley_option strip_boilerplate_options[] = {
	{.name = "explain", .type = GALLEY_OPT_BOOL, .default_value = "false",
	 .help = "documentation only: removed blocks are always recorded; write-json's explain option prints them"},
	{.name = "captions", .type = GALLEY_OPT_BOOL, .default_value = "true",
	 .help = "keep figure captions (their credits are cut); false drops them (reason caption)"},
	{.name = "min_chars", .type = GALLEY_OPT_INT, .default_value = "250", .min = 0, .max = 1000000,
	 .help = "below this much text the main candidate is replaced by the whole body"},
	{0},
};

GALLEY_PLUGIN_DEFINE(.name = "strip-boilerplate", .kind = GALLEY_KIND_TRANSFORM,
                     .summary = "keep the main content, record removed blocks with reasons",
                     .version = SB_VERSION, .license = "MIT", .flags = GALLEY_PLUGIN_PARALLEL_SAFE,
                     .options = strip_boilerplate_options, .open = strip_boilerplate_open,
                     .close = strip_boilerplate_close, .process = strip_boilerplate_process);
