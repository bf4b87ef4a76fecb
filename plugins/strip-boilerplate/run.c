/* strip-boilerplate: one run of the steps over a page with a given method (sb_method): annotate,
 * measure, choose, rebuild, filter.  The page's tree is left as it was; the run's output and its
 * removed blocks are its own until the guard (guard.c) keeps one run's. */
#include "sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		if (c->method == SB_METHOD_DENSEST) {
			/* the guard's densest cluster: the best of the paragraph votes, whatever the
			 * markers said */
			pick = c->best >= 0 ? c->best : 0;
			c->jl_pick = false;
			c->rule = "densest-cluster";
		}
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

static void sb_ctx_free(sb_ctx *c)
{
	sb_recs_free(&c->recs);
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


/* The declared text (JSON-LD articleBody, one paragraph per line), else the page's description
 * when it is long enough to be the article's opening, as a body; NULL when there is neither. */
xmlDocPtr sb_declared_doc(galley_article *a)
{
	const char *ld = galley_article_candidate_first(a, "body");
	if (!ld || !*ld) {
		ld = galley_article_get(a, GALLEY_FIELD_DESCRIPTION);
		if (!ld)
			ld = galley_article_candidate_first(a, "description");
		if (!ld || galley_utf8_length(ld, strlen(ld)) < SB_DESCRIPTION_MIN)
			return NULL;
	}
	xmlDocPtr doc = galley_body_new();
	xmlNodePtr root = galley_body_root(doc);
	for (const char *p = ld; *p;) {
		size_t l = strcspn(p, "\n");
		char *line = galley_strndup(p, l);
		char *t = sb_norm(line);
		if (*t)
			xmlNewTextChild(root, NULL, BAD_CAST "p", BAD_CAST t);
		free(t);
		free(line);
		p += l;
		if (*p)
			p++;
	}
	return doc;
}

void sb_run(const sb_state *st, galley_article *a, xmlNodePtr root, sb_method method, sb_run_result *res)
{
	memset(res, 0, sizeof *res);
	sb_ctx c = {.st = st, .a = a, .method = method, .best = -1};
	c.text_mode = sb_is_text_shape(root);
	res->text_mode = c.text_mode;
	sb_annotate(&c, root);
	if (!c.n)
		return;
	sb_measure(&c);
	sb_good(&c);
	double *votes = NULL;
	int pick = sb_main_container(&c, &votes);
	c.pick = pick;

	c.out = galley_body_new();
	xmlNodePtr out_root = galley_body_root(c.out);
	sb_rebuild(&c, pick, root, out_root);
	sb_filter_output(&c, out_root);

	res->best_good = c.best >= 0 ? c.info[c.best].good : 0;
	res->rule = c.text_mode ? "text-shape" : c.rule;
	res->out = c.out;
	res->recs = c.recs;
	memset(&c.recs, 0, sizeof c.recs);
	free(votes);
	sb_ctx_free(&c);
}
