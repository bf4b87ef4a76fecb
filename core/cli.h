/* The galley command's options: one table, parsed GNU style (bundled short options -vq,
 * attached values -j4 and --jobs=4, options before or after the command, `--` ends them).
 * Adding an option is one line in cli_options[] (core/cli.c) and, when it needs one, a field in
 * cli_values below. */
#ifndef GALLEY_CLI_H
#define GALLEY_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What an option takes and how it is stored in cli_values. */
typedef enum cli_arg {
	CLI_FLAG,   /* bool, set to true */
	CLI_UP,     /* int, +1 each time (-vv) */
	CLI_DOWN,   /* int, -1 each time (-q) */
	CLI_STRING, /* const char * (borrowed from argv), the last one given wins */
	CLI_LIST,   /* cli_list, one entry per use, in order */
	CLI_INT,    /* int within [min, max] */
} cli_arg;

/* The commands an option belongs to (a mask); CLI_ANY for global options. */
typedef enum cli_command {
	CLI_NONE = 0,
	CLI_RUN = 1 << 0,
	CLI_PLUGINS = 1 << 1,
	CLI_INSPECT = 1 << 2,
	CLI_HELP = 1 << 3,
	CLI_ANY = 0xff,
} cli_command;

typedef struct cli_list {
	const char **items; /* (owned array, borrowed strings from argv) */
	size_t n;
} cli_list;

/* Everything the command line can set.  Strings are borrowed from argv. */
typedef struct cli_values {
	cli_list plugin_dirs;  /* --plugin-dir, searched in order */
	int jobs;              /* --jobs, 0 = number of cores */
	bool fail_fast;        /* --fail-fast */
	int verbosity;         /* +1 per -v, -1 per -q */
	bool help;             /* -h, --help */
	bool version;          /* -V, --version */
	cli_list chains;       /* -e 'CHAIN' (run takes one) */
	const char *report;    /* --report FILE */
	bool resume;           /* --resume */
	cli_list params;       /* -D NAME=VALUE, --set NAME=VALUE */
	const char *format;    /* --format (plugins, inspect) */
	const char *shard;     /* --shard I/N (run) */
	unsigned long long used; /* bit i: cli_options[i] was given */
	/* operands, in order: the command then its arguments (owned array, borrowed strings) */
	const char **operands;
	size_t n_operands;
} cli_values;

typedef struct cli_option {
	const char *name;    /* long name, without the dashes */
	char short_name;     /* 0 when there is none */
	cli_arg arg;
	const char *metavar; /* the value's name in help, NULL for flags */
	size_t offset;       /* of the field in cli_values */
	int min, max;        /* CLI_INT's range */
	unsigned commands;   /* cli_command mask */
	const char *help;
} cli_option;

/* The table (terminated by a NULL name); at most CLI_MAX_OPTIONS entries (cli_values.used). */
#define CLI_MAX_OPTIONS 64
extern const cli_option cli_options[];

typedef struct cli_command_info {
	const char *name;
	cli_command id;
	const char *synopsis;    /* operands after the name */
	const char *summary;     /* one line */
	const char *description; /* a paragraph or two, lines of at most 78 columns */
} cli_command_info;

extern const cli_command_info cli_commands[];

/* The command named name, or NULL. */
const cli_command_info *cli_find_command(const char *name);

/* Parse argv into v (zeroed first).  Returns 0, or -1 with a message printed on stderr. */
int cli_parse(int argc, char **argv, cli_values *v);
/* Check that every option given belongs to cmd; -1 with a message on stderr if not. */
int cli_check_scope(const cli_values *v, const cli_command_info *cmd);
void cli_values_free(cli_values *v);

/* Help texts: the whole command, and one command with the options it takes. */
void cli_usage(FILE *f);
void cli_command_help(FILE *f, const cli_command_info *cmd);
/* The options of a command mask as help lines ("  -j, --jobs N  ..."). */
void cli_print_options(FILE *f, unsigned commands, bool only_global);

#endif
