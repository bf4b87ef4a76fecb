/* The galley command's option table, its GNU-style parsing (getopt_long) and the help texts
 * made from it. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define OPT(field) offsetof(cli_values, field)
/* getopt_long's value for a long-only option: past every char */
#define LONG_ONLY_BASE 256
#define HELP_COLUMN 24

const cli_option cli_options[] = {
	/* name         short arg         metavar  field              min max  commands  help */
	{"plugin-dir",  0,   CLI_LIST,    "DIR",   OPT(plugin_dirs),  0, 0,    CLI_ANY,  "search DIR for plugins first (repeatable)"},
	{"jobs",        'j', CLI_INT,     "N",     OPT(jobs),         1, 256,  CLI_ANY,  "worker threads, 1 to 256 (default: number of cores)"},
	{"fail-fast",   0,   CLI_FLAG,    NULL,    OPT(fail_fast),    0, 0,    CLI_ANY,  "stop at the first article that fails (outputs discarded)"},
	{"verbose",     'v', CLI_UP,      NULL,    OPT(verbosity),    0, 0,    CLI_ANY,  "report dropped articles, skipped files, and progress when not on a terminal"},
	{"quiet",       'q', CLI_DOWN,    NULL,    OPT(verbosity),    0, 0,    CLI_ANY,  "report errors only (-v and -q cancel out)"},
	{"help",        'h', CLI_FLAG,    NULL,    OPT(help),         0, 0,    CLI_ANY,  "this help; after a command, the command's help"},
	{"version",     'V', CLI_FLAG,    NULL,    OPT(version),      0, 0,    CLI_ANY,  "print the versions of galley, its library and the plugin ABI"},
	{"chain",       'e', CLI_LIST,    "CHAIN", OPT(chains),       0, 0,    CLI_RUN,  "the pipeline given inline, stages separated by '!'"},
	{"shard",       0,   CLI_STRING,  "I/N",   OPT(shard),        0, 0,    CLI_RUN,  "do only shard I of N, from 0 (docs/scaling.md)"},
	{"report",      0,   CLI_STRING,  "FILE",  OPT(report),       0, 0,    CLI_RUN,  "every failed, dropped or skipped input and a summary, as JSON Lines"},
	{"resume",      0,   CLI_FLAG,    NULL,    OPT(resume),       0, 0,    CLI_RUN,  "skip the inputs already in the outputs, add the rest"},
	{"format",      0,   CLI_STRING,  "FORMAT", OPT(format),      0, 0,    CLI_PLUGINS | CLI_INSPECT | CLI_HELP, "text (default), json or tsv, for scripts"},
	{"set",         'D', CLI_LIST,    "NAME=VALUE", OPT(params),  0, 0,    CLI_RUN,  "the value of ${NAME} in the pipeline (repeatable)"},
	{NULL, 0, CLI_FLAG, NULL, 0, 0, 0, 0, NULL},
};

const cli_command_info cli_commands[] = {
	{"run", CLI_RUN, "FILE | -e 'CHAIN'", "run a pipeline",
	 "Runs the pipeline in FILE (one stage per line, `#` comments) or the one given\n"
	 "with -e, stages separated by '!'.  Each stage is a plugin name and its KEY=VALUE\n"
	 "options; the first is a reader, then any transforms, then one or more writers.\n"
	 "Outputs are written atomically (temporary files, renamed once every writer has\n"
	 "finished).  A first Ctrl-C stops reading and keeps what was written; a second one\n"
	 "discards it.  --resume adds to JSON Lines outputs what they lack (docs/running.md).\n"
	 "${NAME} in the pipeline takes the value of -D NAME=VALUE, ${NAME:-default}\n"
	 "falls back to the default; relative paths in FILE resolve from FILE's folder."},
	{"plugins", CLI_PLUGINS, "", "list every plugin found (name, kind, summary, file)",
	 "Lists the plugins found in the plugin directories, in search order, with\n"
	 "their kind, one-line summary and module file.  Files that are not loadable\n"
	 "galley plugins are reported on stderr."},
	{"inspect", CLI_INSPECT, "NAME", "show a plugin's details and options",
	 "Shows plugin NAME's kind, version, licence, module file, plugin ABI, and every\n"
	 "option it takes with its type, range or choices, and default."},
	{"help", CLI_HELP, "[COMMAND | PLUGIN]", "this help, a command's, or a plugin's",
	 "Without an argument, the overview.  With a command's name, that command's\n"
	 "help (the same as `galley COMMAND --help`); with a plugin's name, its details\n"
	 "and options (the same as `galley inspect PLUGIN`)."},
	{NULL, CLI_NONE, NULL, NULL, NULL},
};

const cli_command_info *cli_find_command(const char *name)
{
	for (const cli_command_info *c = cli_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void list_add(cli_list *l, const char *s)
{
	const char **items = realloc(l->items, (l->n + 1) * sizeof *items);
	if (!items) {
		fputs("galley: out of memory\n", stderr);
		exit(2);
	}
	l->items = items;
	l->items[l->n++] = s;
}

static size_t n_options(void)
{
	size_t n = 0;
	while (cli_options[n].name)
		n++;
	return n;
}

static const cli_option *by_value(int val)
{
	for (size_t i = 0; cli_options[i].name; i++)
		if ((cli_options[i].short_name && cli_options[i].short_name == val) || (int)(LONG_ONLY_BASE + i) == val)
			return &cli_options[i];
	return NULL;
}

/* "--jobs (-j)" or "--plugin-dir", for messages */
static void print_name(FILE *f, const cli_option *o)
{
	if (o->short_name)
		fprintf(f, "-%c/--%s", o->short_name, o->name);
	else
		fprintf(f, "--%s", o->name);
}

static int store(const cli_option *o, const char *arg, cli_values *v)
{
	char *field = (char *)v + o->offset;
	switch (o->arg) {
	case CLI_FLAG: *(bool *)field = true; break;
	case CLI_UP: (*(int *)field)++; break;
	case CLI_DOWN: (*(int *)field)--; break;
	case CLI_STRING: *(const char **)field = arg; break;
	case CLI_LIST: list_add((cli_list *)field, arg); break;
	case CLI_INT: {
		char *end = NULL;
		long n = strtol(arg, &end, 10);
		if (!*arg || *end || n < o->min || n > o->max) {
			fprintf(stderr, "galley: --%s needs a number from %d to %d, not '%s'\n", o->name, o->min, o->max, arg);
			return -1;
		}
		*(int *)field = (int)n;
		break;
	}
	}
	v->used |= 1ull << (o - cli_options);
	return 0;
}

/* The option getopt refused (c is '?' or ':'); arg is the argument being read, for an unknown
 * long option, written up to any '='. */
static void report_refused(int c, const char *arg)
{
	const cli_option *o = optopt ? by_value(optopt) : NULL;
	if (c == ':' && o) {
		fputs("galley: ", stderr);
		print_name(stderr, o);
		fprintf(stderr, " needs a value (%s); see galley --help\n", o->metavar);
	} else if (o) {
		fprintf(stderr, "galley: --%s takes no value; see galley --help\n", o->name);
	} else if (optopt) {
		fprintf(stderr, "galley: unknown option '-%c'; see galley --help\n", optopt);
	} else {
		const char *a = arg ? arg : "?";
		fprintf(stderr, "galley: unknown option '%.*s' (or an ambiguous abbreviation); see galley --help\n", (int)strcspn(a, "="), a);
	}
}

int cli_parse(int argc, char **argv, cli_values *v)
{
	memset(v, 0, sizeof *v);
	size_t n = n_options();
	struct option *longs = calloc(n + 1, sizeof *longs);
	/* '-': operands come back in order as option 1 (options may follow the command whatever
	 * POSIXLY_CORRECT says); ':': we print the messages */
	char shorts[3 + 3 * CLI_MAX_OPTIONS] = "-:";
	size_t sl = 2;
	if (n > CLI_MAX_OPTIONS) {
		fprintf(stderr, "galley: internal error: more than %d options in cli_options[]\n", CLI_MAX_OPTIONS);
		abort();
	}
	if (!longs) {
		fputs("galley: out of memory\n", stderr);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const cli_option *o = &cli_options[i];
		bool takes = o->arg == CLI_STRING || o->arg == CLI_LIST || o->arg == CLI_INT;
		longs[i].name = o->name;
		longs[i].has_arg = takes ? required_argument : no_argument;
		longs[i].val = o->short_name ? o->short_name : (int)(LONG_ONLY_BASE + i);
		if (o->short_name && sl + 3 < sizeof shorts) {
			shorts[sl++] = o->short_name;
			if (takes)
				shorts[sl++] = ':';
		}
	}
	shorts[sl] = '\0';
	int rc = 0;
	optind = 0; /* full re-initialisation (glibc) */
	opterr = 0;
	for (;;) {
		int prev = optind ? optind : 1;
		int c = getopt_long(argc, argv, shorts, longs, NULL);
		if (c == -1)
			break;
		if (c == 1) {
			v->operands = realloc(v->operands, (v->n_operands + 1) * sizeof *v->operands);
			if (!v->operands) {
				rc = -1;
				break;
			}
			v->operands[v->n_operands++] = optarg;
			continue;
		}
		if (c == '?' || c == ':') {
			report_refused(c, prev < argc ? argv[prev] : NULL);
			rc = -1;
			break;
		}
		const cli_option *o = by_value(c);
		if (!o || store(o, optarg, v) != 0) {
			rc = -1;
			break;
		}
	}
	/* after `--`, everything is an operand */
	for (; rc == 0 && optind < argc; optind++) {
		v->operands = realloc(v->operands, (v->n_operands + 1) * sizeof *v->operands);
		if (!v->operands) {
			rc = -1;
			break;
		}
		v->operands[v->n_operands++] = argv[optind];
	}
	free(longs);
	return rc;
}

int cli_check_scope(const cli_values *v, const cli_command_info *cmd)
{
	for (size_t i = 0; cli_options[i].name; i++) {
		const cli_option *o = &cli_options[i];
		if (!(v->used & (1ull << i)) || (o->commands & cmd->id))
			continue;
		fputs("galley: ", stderr);
		print_name(stderr, o);
		fputs(" is an option of", stderr);
		const char *sep = " ";
		for (const cli_command_info *c = cli_commands; c->name; c++)
			if (o->commands & c->id) {
				fprintf(stderr, "%s%s", sep, c->name);
				sep = ", ";
			}
		fprintf(stderr, " only, not of %s; see galley %s --help\n", cmd->name, cmd->name);
		return -1;
	}
	return 0;
}

void cli_values_free(cli_values *v)
{
	free(v->plugin_dirs.items);
	free(v->chains.items);
	free(v->params.items);
	free(v->operands);
	memset(v, 0, sizeof *v);
}

void cli_print_options(FILE *f, unsigned commands, bool only_global)
{
	for (const cli_option *o = cli_options; o->name; o++) {
		bool global = o->commands == CLI_ANY;
		if (only_global ? !global : (global || !(o->commands & commands)))
			continue;
		char head[64];
		int len;
		if (o->short_name)
			len = snprintf(head, sizeof head, "  -%c, --%s%s%s", o->short_name, o->name, o->metavar ? " " : "",
			               o->metavar ? o->metavar : "");
		else
			len = snprintf(head, sizeof head, "      --%s%s%s", o->name, o->metavar ? " " : "",
			               o->metavar ? o->metavar : "");
		if (len >= HELP_COLUMN - 1)
			fprintf(f, "%s\n%*s%s\n", head, HELP_COLUMN, "", o->help);
		else
			fprintf(f, "%-*s%s\n", HELP_COLUMN, head, o->help);
	}
}

void cli_usage(FILE *f)
{
	fputs("Usage: galley [OPTIONS] COMMAND [ARGS] [OPTIONS]\n"
	      "\n"
	      "Turn collections of scraped web articles into clean, attributed outputs.\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (const cli_command_info *c = cli_commands; c->name; c++) {
		char head[64];
		snprintf(head, sizeof head, "  %s %s", c->name, c->synopsis);
		if (strlen(head) >= HELP_COLUMN - 1)
			fprintf(f, "%s\n%*s%s\n", head, HELP_COLUMN, "", c->summary);
		else
			fprintf(f, "%-*s%s\n", HELP_COLUMN, head, c->summary);
	}
	fputs("\nGlobal options (before or after the command; `--` ends the options):\n", f);
	cli_print_options(f, CLI_ANY, true);
	fputs("\n"
	      "Example:\n"
	      "  galley run -e 'read-html input=pages ! strip-boilerplate ! tag-attribution ! write-json output=out/articles.jsonl'\n"
	      "\n"
	      "Exit status: 0 all articles went through; 1 some articles failed (outputs written);\n"
	      "2 the run could not start or stopped (outputs discarded); 130 (143) stopped by\n"
	      "SIGINT (SIGTERM), outputs kept with the articles so far (a second signal discards\n"
	      "them); docs/running.md.\n"
	      "Environment: GALLEY_PLUGIN_PATH (plugin directories), GALLEY_DATA_PATH (data directories).\n"
	      "`galley help COMMAND` or `galley COMMAND --help` for a command, `galley help PLUGIN` for a plugin.\n",
	      f);
}

void cli_command_help(FILE *f, const cli_command_info *cmd)
{
	fprintf(f, "Usage: galley [OPTIONS] %s %s\n\n%s\n", cmd->name, cmd->synopsis, cmd->description);
	bool any = false;
	for (const cli_option *o = cli_options; o->name; o++)
		any = any || (o->commands != CLI_ANY && (o->commands & cmd->id));
	if (any) {
		fputs("\nOptions:\n", f);
		cli_print_options(f, cmd->id, false);
	}
	fputs("\nGlobal options:\n", f);
	cli_print_options(f, CLI_ANY, true);
}
