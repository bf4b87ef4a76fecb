/* Pipeline parameters: ${NAME} and ${NAME:-default} in a pipeline's words, set with
 * -D NAME=VALUE; ${env:NAME} (and ${env:NAME:-default}) read the environment, which is
 * consulted nowhere else.  A substituted value goes into the word as it is: it is never
 * lexed again, so quotes, spaces, '!', '#' and '=' in it are plain characters. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define ENV_PREFIX "env:"

static bool name_char(char c, bool first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
}

static bool valid_name(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!name_char(s[i], i == 0))
			return false;
	return true;
}

int galley_params_init(galley_params *ps, const char *const *defs, size_t n, galley_error *err)
{
	memset(ps, 0, sizeof *ps);
	ps->items = galley_calloc(n ? n : 1, sizeof *ps->items);
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(defs[i], '=');
		if (!eq || !valid_name(defs[i], (size_t)(eq - defs[i]))) {
			galley_params_free(ps);
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "parameter '%s' is not NAME=VALUE (a NAME is letters, digits and '_', "
			                        "not starting with a digit)",
			                        defs[i]);
		}
		size_t len = (size_t)(eq - defs[i]);
		galley_param *p = NULL;
		for (size_t j = 0; j < ps->n; j++)
			if (strlen(ps->items[j].name) == len && !strncmp(ps->items[j].name, defs[i], len))
				p = &ps->items[j]; /* given again: the later one wins */
		if (!p) {
			p = &ps->items[ps->n++];
			p->name = galley_strndup(defs[i], len);
		}
		p->value = eq + 1;
	}
	return GALLEY_OK;
}

void galley_params_free(galley_params *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->items[i].name);
	free(ps->items);
	memset(ps, 0, sizeof *ps);
}

int galley_params_check_used(const galley_params *ps, const char *origin, galley_error *err)
{
	for (size_t i = 0; i < ps->n; i++)
		if (!ps->items[i].used)
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "%s: parameter '%s' is given (-D %s=...) but the pipeline never uses it "
			                        "as ${%s}", origin, ps->items[i].name, ps->items[i].name, ps->items[i].name);
	return GALLEY_OK;
}

static const char *lookup(galley_params *ps, const char *name, size_t n, bool env)
{
	if (env) {
		char *key = galley_strndup(name, n);
		const char *v = getenv(key);
		free(key);
		return v;
	}
	for (size_t i = 0; i < ps->n; i++)
		if (strlen(ps->items[i].name) == n && !strncmp(ps->items[i].name, name, n)) {
			ps->items[i].used = true;
			return ps->items[i].value;
		}
	return NULL;
}

int galley_params_expand(galley_params *ps, const char *s, const char *end, galley_buf *out,
                         galley_param_origin *from, const char *where, galley_error *err)
{
	/* s points at "${" */
	const char *p = s + 2;
	bool env = (size_t)(end - p) > strlen(ENV_PREFIX) && !strncmp(p, ENV_PREFIX, strlen(ENV_PREFIX));
	if (env)
		p += strlen(ENV_PREFIX);
	const char *name = p;
	while (p < end && name_char(*p, p == name))
		p++;
	size_t n = (size_t)(p - name);
	const char *dflt = NULL, *dend = NULL;
	if (p + 1 < end && p[0] == ':' && p[1] == '-') {
		dflt = p + 2;
		dend = memchr(dflt, '}', (size_t)(end - dflt));
		p = dend ? dend : end;
	}
	if (!n || p >= end || *p != '}') {
		galley_error_set(err, GALLEY_ERR_FATAL,
		                 "%s: '${' starts a parameter: write ${NAME} or ${NAME:-default} (NAME: letters, digits, "
		                 "'_'), or quote it with single quotes to keep it as text",
		                 where);
		return -1;
	}
	const char *v = lookup(ps, name, n, env);
	if (v) {
		galley_buf_append(out, v, strlen(v));
		*from = GALLEY_PARAM_GIVEN;
	} else if (dflt) {
		galley_buf_append(out, dflt, (size_t)(dend - dflt));
		*from = GALLEY_PARAM_DEFAULT;
	} else {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s: parameter '%.*s' is not set; give it with %s%.*s=VALUE, or write ${%s%.*s:-default}",
		                 where, (int)n, name, env ? "the environment variable " : "-D ", (int)n, name,
		                 env ? ENV_PREFIX : "", (int)n, name);
		return -1;
	}
	if (!out->data)
		galley_buf_append(out, "", 0);
	return (int)(p + 1 - s);
}
