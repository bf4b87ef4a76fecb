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

static bool sb_is_text_shape(xmlNodePtr root)
{
	/* read-text: <body> of <p> with text only, no attributes */
	int ps = 0;
	for (xmlNodePtr ch = root->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE)
			continue;
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)ch->name, "p") || ch->properties)
			return false;
		for (xmlNodePtr g = ch->children; g; g = g->next)
			if (g->type == XML_ELEMENT_NODE && strcasecmp((const char *)g->name, "br"))
				return false;
		ps++;
	}
	return ps > 0;
}

/* The main container (0: the whole body), with what is kept beside it flagged F_KEEP. */
static int sb_main_container(sb_ctx *c, double **votes)
{
	int pick = 0;
	if (!c->text_mode) {
		*votes = sb_votes(c);
		sb_jsonld_prepare(c);
		sb_jsonld_cover(c);
		pick = sb_choose(c, *votes);
		c->jl_covered = c->info[0].jl;
		if (pick != 0)
			sb_expand(c, pick);
	}
#ifdef SB_DEBUG
	if (getenv("SB_DEBUG")) {
		galley_buf d = {0};
		sb_context(c, c->info[pick].node, &d);
		fprintf(stderr, "pick %d %s good=%.0f text=%.0f root.good=%.0f root.text=%.0f jl=%.0f\n", pick, d.data,
		        c->info[pick].good, c->info[pick].text, c->info[0].good, c->info[0].text, c->info[0].jl);
		galley_buf_free(&d);
		for (size_t k = 0; k < c->n && k < (size_t)atoi(getenv("SB_DEBUG")); k++) {
			sb_context(c, c->info[k].node, &d);
			fprintf(stderr, "  %zu p=%d %s kind=%d fl=%x neg=%d text=%.0f link=%.0f good=%.0f\n", k, c->info[k].parent,
			        d.data, c->info[k].kind, c->info[k].flags, c->info[k].neg, c->info[k].text, c->info[k].link, c->info[k].good);
		}
		galley_buf_free(&d);
	}
#endif
	return pick;
}

/* Rebuild the container and the blocks kept beside it, in document order (pre-order indices),
 * into out_root; what lies outside them is recorded first. */
static void sb_rebuild(sb_ctx *c, int pick, xmlNodePtr root, xmlNodePtr out_root)
{
	xmlNodePtr main_node = c->info[pick].node;
	if (main_node != root)
		sb_record_outside(c, main_node, root);
	c->where = "in-body"; /* what is removed from here on was inside the kept part */
	c->within = 0;
	sb_out o = {.c = c};
	for (size_t k = 0; k < c->n; k++) {
		if ((int)k == pick) {
			if (main_node == root || c->info[pick].kind == K_CONTAINER || c->info[pick].kind == K_OTHER ||
			    c->info[pick].kind == K_HEADER || c->info[pick].kind == K_INLINE || c->info[pick].kind == K_CELL)
				sb_emit_children(&o, main_node, out_root, 0);
			else
				sb_emit(&o, main_node, out_root, 0);
			o.run = NULL;
			k = (size_t)c->info[pick].last;
			continue;
		}
		if (c->info[k].flags & F_KEEP) {
			sb_emit(&o, c->info[k].node, out_root, 0);
			o.run = NULL;
			k = (size_t)c->info[k].last;
		}
	}
}

/* The filters over the rebuilt blocks, then the elements they left empty. */
static void sb_filter_output(sb_ctx *c, xmlNodePtr out_root)
{
	sb_blocks bl = {0};
	sb_collect_blocks(out_root, &bl, &c->tmp, false, 0);
	c->filtering = true;
	sb_filter(c, &bl, c->text_mode);
	for (size_t i = 0; i < bl.n; i++)
		free(bl.v[i].text);
	free(bl.v);
	sb_prune_empty(out_root, 0);
	sb_clear_private(out_root);
}

/* Fallback: nothing found but the page declares its text (JSON-LD articleBody): the declared
 * text, one paragraph per line. */
static void sb_declared_fallback(sb_ctx *c, xmlNodePtr out_root)
{
	const char *ld = galley_article_candidate_first(c->a, "body");
	if (ld && *ld) {
		char *have = galley_body_text(c->out);
		size_t have_len = strlen(have);
		bool replace = have_len == 0;
		if (replace) {
			for (const char *p = ld; *p;) {
				size_t l = strcspn(p, "\n");
				char *line = galley_strndup(p, l);
				char *t = sb_norm(line);
				if (*t)
					xmlNewTextChild(out_root, NULL, BAD_CAST "p", BAD_CAST t);
				free(t);
				free(line);
				p += l;
				if (*p)
					p++;
			}
		}
		free(have);
	}
}

static void sb_ctx_free(sb_ctx *c)
{
	sb_restore(c);
	free(c->info);
	free(c->jsonld);
	galley_buf_free(&c->tmp);
	galley_buf_free(&c->tmp2);
	galley_buf_free(&c->cls);
	galley_buf_free(&c->title_key);
	free(c->cache);
	free(c->seen_out.v);
	free(c->jl_windows.v);
}

static int strip_boilerplate_process(galley_stage *stage, void *state, galley_article *a, galley_error *err)
{
	const sb_state *st = state;
	xmlDocPtr doc = galley_article_body(a);
	xmlNodePtr root = doc ? galley_body_root(doc) : NULL;
	if (!root || !root->children)
		return GALLEY_OK;

	sb_ctx c = {.st = st, .a = a};
	c.text_mode = sb_is_text_shape(root);
	sb_annotate(&c, root);
	if (!c.n)
		return GALLEY_OK;
	sb_measure(&c);
	sb_good(&c);
	double *votes = NULL;
	int pick = sb_main_container(&c, &votes);

	c.out = galley_body_new();
	xmlNodePtr out_root = galley_body_root(c.out);
	sb_rebuild(&c, pick, root, out_root);
	sb_filter_output(&c, out_root);
	sb_declared_fallback(&c, out_root);

	free(votes);
	sb_ctx_free(&c);
	galley_article_set_body(a, c.out);
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
