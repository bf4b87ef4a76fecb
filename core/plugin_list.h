/* `galley plugins` and `galley inspect`: the plugins found and one plugin's details. */
#ifndef GALLEY_PLUGIN_LIST_H
#define GALLEY_PLUGIN_LIST_H

#include <galley/pipeline.h>

/* How the listing is printed: for people, or for scripts. */
typedef enum plugin_list_format { PLUGIN_LIST_TEXT, PLUGIN_LIST_JSON, PLUGIN_LIST_TSV } plugin_list_format;

/* "text", "json", "tsv" (NULL: text); false when the name is none of these. */
bool plugin_list_format_parse(const char *name, plugin_list_format *out);

/* Both return the command's exit status (0, or 2 with a message on stderr). */
int cmd_plugins(galley_registry *r, plugin_list_format fmt);
int cmd_inspect(galley_registry *r, const char *name, plugin_list_format fmt);

#endif
