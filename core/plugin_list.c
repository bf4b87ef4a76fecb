/* `galley plugins` and `galley inspect`. */
#include "plugin_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_FATAL = 2 };

int cmd_plugins(galley_registry *r, plugin_list_format fmt)
{
	size_t n = galley_registry_count(r);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
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
