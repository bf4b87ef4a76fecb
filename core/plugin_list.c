/* `galley plugins` and `galley inspect`. */
#include "plugin_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <galley/text.h>

enum { EXIT_FATAL = 2 };

/* ---- for scripts ---------------------------------------------------------------------------- */

static void json_string(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\t')
			fputs("\\t", stdout);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/* a field of a tab-separated line: tabs and newlines become spaces, NULL is empty */
static void tsv_field(const char *s, bool last)
{
	for (const char *p = s ? s : ""; *p; p++)
		putchar(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	putchar(last ? '\n' : '\t');
}

static void json_plugin_fields(const galley_plugin *p, const char *file)
{
	fputs("\"name\": ", stdout);
	json_string(p->name);
	fputs(", \"kind\": ", stdout);
	json_string(galley_kind_name(p->kind));
	fputs(", \"version\": ", stdout);
	json_string(p->version);
	printf(", \"abi\": \"%u.%u\", \"file\": ", p->abi_major, p->abi_minor);
	json_string(file);
	fputs(", \"summary\": ", stdout);
	json_string(p->summary);
	fputs(", \"license\": ", stdout);
	json_string(p->license);
	printf(", \"parallel\": %s", (p->flags & GALLEY_PLUGIN_PARALLEL_SAFE) ? "true" : "false");
}

static void json_option(const galley_option *o)
{
	fputs("{\"name\": ", stdout);
	json_string(o->name);
	fputs(", \"type\": ", stdout);
	json_string(galley_opt_type_name(o->type));
	printf(", \"required\": %s, \"default\": ", (o->flags & GALLEY_OPT_REQUIRED) ? "true" : "false");
	json_string(o->default_value);
	fputs(", \"choices\": [", stdout);
	if (o->type == GALLEY_OPT_ENUM && o->choices) {
		const char *c = o->choices;
		for (bool first = true; *c; first = false) {
			size_t n = strcspn(c, "|");
			char *one = galley_strndup(c, n);
			fputs(first ? "" : ", ", stdout);
			json_string(one);
			free(one);
			c += n + (c[n] == '|');
		}
	}
	fputs("]", stdout);
	if ((o->type == GALLEY_OPT_INT || o->type == GALLEY_OPT_DOUBLE) && o->min < o->max)
		printf(", \"min\": %.17g, \"max\": %.17g", o->min, o->max);
	fputs(", \"help\": ", stdout);
	json_string(o->help);
	fputs("}", stdout);
}

/* Returns how many plugins were listed. */
static size_t plugins_listing(galley_registry *r, plugin_list_format fmt)
{
	size_t shown = 0;
	if (fmt == PLUGIN_LIST_JSON)
		fputs("[", stdout);
	for (size_t i = 0; i < galley_registry_count(r); i++) {
		const galley_plugin_info *pi = galley_registry_at(r, i);
		const galley_plugin *p = pi->plugin;
		if (!p)
			continue;
		if (fmt == PLUGIN_LIST_JSON) {
			fputs(shown ? ",\n {" : "\n {", stdout);
			json_plugin_fields(p, pi->file);
			fputs("}", stdout);
		} else {
			char abi[32];
			snprintf(abi, sizeof abi, "%u.%u", p->abi_major, p->abi_minor);
			tsv_field(p->name, false);
			tsv_field(galley_kind_name(p->kind), false);
			tsv_field(p->version, false);
			tsv_field(abi, false);
			tsv_field(pi->file, false);
			tsv_field(p->summary, true);
		}
		shown++;
	}
	if (fmt == PLUGIN_LIST_JSON)
		fputs(shown ? "\n]\n" : "]\n", stdout);
	return shown;
}

static int inspect_listing(const galley_plugin *p, const char *file, plugin_list_format fmt)
{
	if (fmt == PLUGIN_LIST_JSON) {
		fputs("{", stdout);
		json_plugin_fields(p, file);
		fputs(",\n \"options\": [", stdout);
		for (const galley_option *o = p->options; o && o->name; o++) {
			fputs(o == p->options ? "\n  " : ",\n  ", stdout);
			json_option(o);
		}
		fputs(p->options && p->options->name ? "\n ]}\n" : "]}\n", stdout);
		return 0;
	}
	/* tsv: one line per option: name, type, default, choices, required, help */
	for (const galley_option *o = p->options; o && o->name; o++) {
		tsv_field(o->name, false);
		tsv_field(galley_opt_type_name(o->type), false);
		tsv_field(o->default_value, false);
		tsv_field(o->type == GALLEY_OPT_ENUM ? o->choices : NULL, false);
		tsv_field((o->flags & GALLEY_OPT_REQUIRED) ? "required" : "optional", false);
		tsv_field(o->help, true);
	}
	return 0;
}

int cmd_plugins(galley_registry *r, plugin_list_format fmt)
{
	size_t n = galley_registry_count(r);
	size_t shown = 0;
	for (size_t i = 0; i < n && fmt == PLUGIN_LIST_TEXT; i++) {
		const galley_plugin_info *pi = galley_registry_at(r, i);
		if (!pi->plugin)
			continue;
		printf("%-20s %-10s %s\n%-20s %-10s (%s)\n", pi->plugin->name, galley_kind_name(pi->plugin->kind),
		       pi->plugin->summary, "", "", pi->file);
		shown++;
	}
	for (size_t i = 0; i < n; i++) {
		const galley_plugin_info *pi = galley_registry_at(r, i);
		if (pi->problem)
			fprintf(stderr, "galley: warning: %s\n", pi->problem);
	}
	if (fmt != PLUGIN_LIST_TEXT)
		shown = plugins_listing(r, fmt);
	if (!shown) {
		char *dirs = galley_registry_dirs(r);
		fprintf(stderr, "galley: no plugins found (searched %s); use --plugin-dir DIR or GALLEY_PLUGIN_PATH\n", dirs);
		free(dirs);
		return EXIT_FATAL;
	}
	return 0;
}

int cmd_inspect(galley_registry *r, const char *name, plugin_list_format fmt)
{
	galley_error err = {0};
	const galley_plugin *p = galley_registry_find(r, name, &err);
	if (!p) {
		fprintf(stderr, "galley: %s\n", err.message);
		return EXIT_FATAL;
	}
	const char *file = "?";
	for (size_t i = 0; i < galley_registry_count(r); i++)
		if (galley_registry_at(r, i)->plugin == p)
			file = galley_registry_at(r, i)->file;
	if (fmt != PLUGIN_LIST_TEXT)
		return inspect_listing(p, file, fmt);
	printf("Plugin details:\n");
	printf("  Name                     %s\n", p->name);
	printf("  Kind                     %s\n", galley_kind_name(p->kind));
	printf("  Summary                  %s\n", p->summary);
	printf("  Version                  %s\n", p->version);
	printf("  License                  %s\n", p->license ? p->license : "unknown");
	printf("  Filename                 %s\n", file);
	printf("  Plugin ABI               %u.%u\n", p->abi_major, p->abi_minor);
	printf("  Runs in parallel         %s\n", (p->flags & GALLEY_PLUGIN_PARALLEL_SAFE) ? "yes" : "no (serialised)");
	printf("\nOptions:\n");
	if (!p->options || !p->options->name)
		printf("  none\n");
	for (const galley_option *o = p->options; o && o->name; o++) {
		printf("  %-22s %s\n", o->name, o->help);
		printf("  %-22s type: %s", "", galley_opt_type_name(o->type));
		if (o->type == GALLEY_OPT_ENUM)
			printf(", one of: %s", o->choices);
		if (o->type == GALLEY_OPT_INT && o->min < o->max)
			printf(", range: %.0f to %.0f", o->min, o->max);
		else if (o->type == GALLEY_OPT_DOUBLE && o->min < o->max)
			printf(", range: %g to %g", o->min, o->max);
		if (o->flags & GALLEY_OPT_REQUIRED)
			printf(", required");
		else if (o->default_value)
			printf(", default: %s", o->default_value);
		else
			printf(", default: unset");
		printf("\n");
	}
	return 0;
}

bool plugin_list_format_parse(const char *name, plugin_list_format *out)
{
	if (!name || !strcmp(name, "text"))
		*out = PLUGIN_LIST_TEXT;
	else if (!strcmp(name, "json"))
		*out = PLUGIN_LIST_JSON;
	else if (!strcmp(name, "tsv"))
		*out = PLUGIN_LIST_TSV;
	else
		return false;
	return true;
}
