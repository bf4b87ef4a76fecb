/* Stages and their options: tokenising "name key=value ..." and validating against the
 * plugin's declaration. */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *galley_kind_name(galley_kind k)
{
	switch (k) {
	case GALLEY_KIND_READER: return "reader";
	case GALLEY_KIND_TRANSFORM: return "transform";
	case GALLEY_KIND_WRITER: return "writer";
	}
	return "unknown";
}

const char *galley_opt_type_name(galley_opt_type t)
{
	switch (t) {
	case GALLEY_OPT_STRING: return "string";
	case GALLEY_OPT_INT: return "int";
	case GALLEY_OPT_DOUBLE: return "double";
	case GALLEY_OPT_BOOL: return "bool";
	case GALLEY_OPT_ENUM: return "enum";
	case GALLEY_OPT_PATH: return "path";
	}
	return "unknown";
}

galley_stage *galley_stage_alloc(galley_registry *r, const galley_plugin *p)
{
	galley_stage *s = galley_calloc(1, sizeof *s);
	s->plugin = p;
	s->registry = r;
	s->origin = galley_strdup("<api>");
	for (const galley_option *o = p->options; o && o->name; o++)
		s->n_opts++;
	s->opts = galley_calloc(s->n_opts ? s->n_opts : 1, sizeof *s->opts);
	for (size_t i = 0; i < s->n_opts; i++)
		s->opts[i].decl = &p->options[i];
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void galley_stage_free(galley_stage *s)
{
	if (!s)
		return;
	galley_stage_call_close(s);
	for (size_t i = 0; i < s->n_opts; i++)
		free(s->opts[i].raw);
	free(s->opts);
	for (size_t i = 0; i < s->n_counters; i++)
		free(s->counters[i].reason);
	free(s->counters);
	galley_resume_set_free(s->resume);
	free(s->origin);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

void galley_kv_free(kv_pair *pairs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(pairs[i].key);
		free(pairs[i].value);
	}
	free(pairs);
}

/* ---- value conversion ---- */
static bool parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", "1", NULL};
	static const char *const no[] = {"false", "no", "off", "0", NULL};
	for (int i = 0; yes[i]; i++)
		if (!strcasecmp(v, yes[i]))
			return *out = true, true;
	for (int i = 0; no[i]; i++)
		if (!strcasecmp(v, no[i]))
			return *out = false, true;
	return false;
}

/* Is v one of "a|b|c"?  If not, the closest choice goes in *near (owned). */
static bool enum_has(const char *choices, const char *v, char **near)
{
	const char *p = choices;
	size_t best = (size_t)-1;
	*near = NULL;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		char *c = galley_strndup(p, n);
		if (!strcmp(c, v)) {
			free(c);
			free(*near);
			*near = NULL;
			return true;
		}
		size_t d = galley_edit_distance(c, v);
		if (d < best && d <= 2) {
			best = d;
			free(*near);
			*near = c;
		} else {
			free(c);
		}
		p += n;
		if (*p == '|')
			p++;
	}
	return false;
}

static int convert(opt_value *ov, const char *v, galley_error *err)
{
	const galley_option *d = ov->decl;
	bool bounded = d->min < d->max;
	switch (d->type) {
	case GALLEY_OPT_STRING:
	case GALLEY_OPT_PATH:
		if (d->type == GALLEY_OPT_PATH && !*v)
			return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' needs a path, got an empty value", d->name);
		return GALLEY_OK;
	case GALLEY_OPT_INT: {
		errno = 0;
		char *end = NULL;
		long long x = strtoll(v, &end, 10);
		if (!*v || *end || errno)
			return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' expects an integer, got '%s'", d->name, v);
		if (bounded && ((double)x < d->min || (double)x > d->max))
			return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' must be between %.0f and %.0f, got %lld",
			                        d->name, d->min, d->max, x);
		ov->i = x;
		ov->d = (double)x;
		return GALLEY_OK;
	}
	case GALLEY_OPT_DOUBLE: {
		errno = 0;
		char *end = NULL;
		double x = strtod(v, &end);
		if (!*v || *end || errno || !isfinite(x))
			return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' expects a number, got '%s'", d->name, v);
		if (bounded && (x < d->min || x > d->max))
			return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' must be between %g and %g, got %g", d->name,
			                        d->min, d->max, x);
		ov->d = x;
		ov->i = (int64_t)x;
		return GALLEY_OK;
	}
	case GALLEY_OPT_BOOL:
		if (!parse_bool(v, &ov->b))
			return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' expects true or false, got '%s'", d->name, v);
		return GALLEY_OK;
	case GALLEY_OPT_ENUM: {
		char *near = NULL;
		if (enum_has(d->choices, v, &near))
			return GALLEY_OK;
		if (near)
			galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' expects one of %s, got '%s' (did you mean '%s'?)",
			                 d->name, d->choices, v, near);
		else
			galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' expects one of %s, got '%s'", d->name, d->choices, v);
		free(near);
		return GALLEY_ERR_FATAL;
	}
	}
	return galley_error_set(err, GALLEY_ERR_FATAL, "option '%s' has an unknown type", d->name);
}

static void option_names(const galley_plugin *p, galley_buf *b)
{
	for (const galley_option *o = p->options; o && o->name; o++) {
		if (b->len)
			galley_buf_puts(b, ", ");
		galley_buf_puts(b, o->name);
	}
}

int galley_stage_set_options(galley_stage *s, const kv_pair *pairs, size_t n, const char *origin_name,
                             bool check_required, galley_error *err)
{
	const galley_plugin *p = s->plugin;
	for (size_t i = 0; i < n; i++) {
		const kv_pair *kv = &pairs[i];
		opt_value *ov = NULL;
		for (size_t j = 0; j < s->n_opts; j++)
			if (!strcmp(s->opts[j].decl->name, kv->key))
				ov = &s->opts[j];
		if (!ov) {
			const char *best = NULL;
			size_t bd = (size_t)-1;
			for (size_t j = 0; j < s->n_opts; j++) {
				size_t d = galley_edit_distance(s->opts[j].decl->name, kv->key);
				if (d < bd) {
					bd = d;
					best = s->opts[j].decl->name;
				}
			}
			size_t limit = strlen(kv->key) / 3 + 1;
			if (best && bd <= (limit < 3 ? limit : 3)) {
				return galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: plugin '%s' has no option '%s' (did you mean '%s'?)",
				                        origin_name, kv->line, kv->col, p->name, kv->key, best);
			}
			galley_buf names = {0};
			option_names(p, &names);
			galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: plugin '%s' has no option '%s' (%s%s)", origin_name,
			                 kv->line, kv->col, p->name, kv->key, names.len ? "its options: " : "it takes no options",
			                 names.len ? names.data : "");
			galley_buf_free(&names);
			return GALLEY_ERR_FATAL;
		}
		if (ov->given)
			return galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: option '%s' of '%s' is given twice", origin_name,
			                        kv->line, kv->col, kv->key, p->name);
		galley_error e2 = {0};
		if (convert(ov, kv->value, &e2) != GALLEY_OK)
			return galley_error_set(err, GALLEY_ERR_FATAL, "%s:%d:%d: %s: %s", origin_name, kv->line, kv->value_col,
			                        p->name, e2.message);
		free(ov->raw);
		ov->raw = galley_strdup(kv->value);
		ov->given = true;
	}
	for (size_t j = 0; j < s->n_opts; j++) {
		opt_value *ov = &s->opts[j];
		if (ov->given)
			continue;
		if ((ov->decl->flags & GALLEY_OPT_REQUIRED) && check_required) {
			return galley_error_set(err, GALLEY_ERR_FATAL, "%s: plugin '%s' needs option '%s' (%s)", s->origin,
			                        p->name, ov->decl->name, ov->decl->help);
		}
		if (ov->decl->default_value) {
			galley_error e2 = {0};
			if (convert(ov, ov->decl->default_value, &e2) != GALLEY_OK)
				return galley_error_set(err, GALLEY_ERR_FATAL, "default of %s", e2.message);
			free(ov->raw);
			ov->raw = galley_strdup(ov->decl->default_value);
		}
	}
	return GALLEY_OK;
}

/* ---- getters ---- */
static const opt_value *lookup(const galley_stage *s, const char *name, galley_opt_type want1, galley_opt_type want2)
{
	for (size_t i = 0; i < s->n_opts; i++) {
		const opt_value *ov = &s->opts[i];
		if (!strcmp(ov->decl->name, name)) {
			if (ov->decl->type != want1 && ov->decl->type != want2 && want1)
				break;
			return ov;
		}
	}
	fprintf(stderr, "galley: plugin '%s' asked for option '%s', which it does not declare with that type\n",
	        s->plugin->name, name);
	abort();
}

const char *galley_stage_opt_string(const galley_stage *s, const char *name)
{
	return lookup(s, name, 0, 0)->raw;
}

int64_t galley_stage_opt_int(const galley_stage *s, const char *name)
{
	return lookup(s, name, GALLEY_OPT_INT, GALLEY_OPT_DOUBLE)->i;
}

double galley_stage_opt_double(const galley_stage *s, const char *name)
{
	return lookup(s, name, GALLEY_OPT_DOUBLE, GALLEY_OPT_INT)->d;
}

bool galley_stage_opt_bool(const galley_stage *s, const char *name)
{
	return lookup(s, name, GALLEY_OPT_BOOL, GALLEY_OPT_BOOL)->b;
}

bool galley_stage_opt_given(const galley_stage *s, const char *name)
{
	return lookup(s, name, 0, 0)->given;
}

const char *galley_stage_name(const galley_stage *s)
{
	return s->plugin->name;
}

int galley_stage_index(const galley_stage *s)
{
	return s->index;
}

const char *galley_stage_origin(const galley_stage *s)
{
	return s->origin;
}

const galley_plugin *galley_stage_plugin(const galley_stage *s)
{
	return s->plugin;
}

bool galley_stage_verbose(const galley_stage *s)
{
	return s->verbose;
}

void galley_stage_count(galley_stage *s, const char *reason, size_t n)
{
	pthread_mutex_lock(&s->lock);
	size_t i;
	for (i = 0; i < s->n_counters; i++)
		if (!strcmp(s->counters[i].reason, reason))
			break;
	if (i == s->n_counters) {
		s->counters = galley_realloc(s->counters, (s->n_counters + 1) * sizeof *s->counters);
		s->counters[i].reason = galley_strdup(reason);
		s->counters[i].n = 0;
		s->n_counters++;
	}
	s->counters[i].n += n;
	pthread_mutex_unlock(&s->lock);
}

static pthread_mutex_t stderr_lock = PTHREAD_MUTEX_INITIALIZER;

void galley_stage_warn(galley_stage *s, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&stderr_lock);
	fprintf(stderr, "galley: warning: %s: %s\n", s->plugin->name, msg);
	pthread_mutex_unlock(&stderr_lock);
}

/* ---- single-stage API ---- */
int galley_stage_call_open(galley_stage *s, galley_error *err)
{
	if (s->opened)
		return GALLEY_OK;
	galley_error_clear(err);
	int rc = GALLEY_OK;
	if (s->plugin->open)
		rc = s->plugin->open(s, &s->state, err);
	if (rc != GALLEY_OK) {
		if (err && !err->message[0])
			galley_error_set(err, GALLEY_ERR_FATAL, "could not start (the plugin gave no reason)");
		return GALLEY_ERR_FATAL;
	}
	s->opened = true;
	return GALLEY_OK;
}

void galley_stage_call_close(galley_stage *s)
{
	if (!s->opened)
		return;
	if (s->plugin->close)
		s->plugin->close(s, s->state);
	s->opened = false;
	s->state = NULL;
}

int galley_stage_open(galley_stage *s, galley_error *err)
{
	return galley_stage_call_open(s, err);
}

int galley_stage_read(galley_stage *s, galley_article **out, galley_error *err)
{
	*out = NULL;
	if (s->plugin->kind != GALLEY_KIND_READER)
		return galley_error_set(err, GALLEY_ERR_FATAL, "'%s' is not a reader", s->plugin->name);
	galley_article *a = NULL;
	galley_error_clear(err);
	int rc = s->plugin->read(s, s->state, &a, err);
	if (rc != GALLEY_OK) {
		galley_article_free(a);
		return rc;
	}
	if (!a)
		return galley_error_set(err, GALLEY_ERR_FATAL, "'%s' returned no article", s->plugin->name);
	if (s->plugin->parse) {
		rc = s->plugin->parse(s, s->state, a, err);
		if (rc != GALLEY_OK) {
			galley_article_free(a);
			return rc;
		}
	}
	galley_article_drop_raw(a);
	if (!galley_article_n_stages(a))
		galley_article_add_stage(a, s->plugin->name, s->plugin->version);
	galley_article_finalize_id(a);
	*out = a;
	return GALLEY_OK;
}

int galley_stage_feed(galley_stage *s, galley_article *a, galley_error *err)
{
	galley_error_clear(err);
	int rc;
	switch (s->plugin->kind) {
	case GALLEY_KIND_TRANSFORM:
		rc = s->plugin->process(s, s->state, a, err);
		if (rc == GALLEY_OK)
			galley_article_add_stage(a, s->plugin->name, s->plugin->version);
		return rc;
	case GALLEY_KIND_WRITER:
		if (galley_article_body(a))
			galley_body_sanitize(galley_article_body(a));
		galley_article_finalize_id(a);
		if (s->plugin->prepare) {
			rc = s->plugin->prepare(s, s->state, a, err);
			if (rc != GALLEY_OK)
				return rc;
		}
		return s->plugin->write(s, s->state, a, err);
	default:
		return galley_error_set(err, GALLEY_ERR_FATAL, "'%s' is a reader; use galley_stage_read", s->plugin->name);
	}
}

int galley_stage_finish(galley_stage *s, galley_error *err)
{
	if (s->plugin->kind != GALLEY_KIND_WRITER)
		return GALLEY_OK;
	galley_error_clear(err);
	int rc = s->plugin->finish(s, s->state, err);
	s->finished = rc == GALLEY_OK;
	return rc;
}
