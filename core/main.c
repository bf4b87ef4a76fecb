/* The galley command. */
#include <galley/galley.h>
#include <galley/pipeline.h>

#include "cli.h"
#include "plugin_list.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_ARTICLES_FAILED = 1, EXIT_FATAL = 2, EXIT_SIGNAL_BASE = 128 };

static volatile sig_atomic_t interrupts, first_signal;

/* The first SIGINT or SIGTERM asks for a clean stop (the run ends early and keeps what it
 * wrote); a second one removes the temporaries and exits at once. */
static void on_signal(int sig)
{
	interrupts++;
	if (interrupts == 1)
		first_signal = sig;
	galley_request_stop();
	if (interrupts > 1) {
		galley_discard_outputs();
		_exit(EXIT_SIGNAL_BASE + sig);
	}
}

/* A reader of output=- went away (`galley ... | head`): end quietly, as the shell expects of a
 * pipeline's member (status 141), without leaving temporaries of other outputs behind. */
static void on_broken_pipe(int sig)
{
	galley_discard_outputs();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_signal_handlers(void)
{
	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = on_broken_pipe;
	sigaction(SIGPIPE, &sa, NULL);
}

/* Progress on a terminal unless -q; a periodic line with -v when standard error is not one. */
static galley_progress_mode progress_mode(const galley_run_options *o)
{
	if (o->quiet)
		return GALLEY_PROGRESS_NONE;
	if (isatty(STDERR_FILENO))
		return GALLEY_PROGRESS_TTY;
	return o->verbose ? GALLEY_PROGRESS_LINES : GALLEY_PROGRESS_NONE;
}

static char *read_text_file(const char *path)
{
	unsigned char *data = NULL;
	size_t len = 0;
	galley_error err = {0};
	if (galley_read_file(path, &data, &len, 16u << 20, &err) != GALLEY_OK) {
		fprintf(stderr, "galley: %s\n", err.message);
		return NULL;
	}
	if (memchr(data, '\0', len)) {
		fprintf(stderr, "galley: '%s' is not a pipeline file (it has NUL bytes)\n", path);
		free(data);
		return NULL;
	}
	return (char *)data;
}

static int cmd_run(galley_registry *r, const cli_values *v)
{
	const char *file = v->n_operands > 1 ? v->operands[1] : NULL;
	if (v->n_operands > 2 || (file && v->chains.n) || v->chains.n > 1) {
		fprintf(stderr, "galley: run takes one pipeline (a FILE or -e 'CHAIN')\n");
		return EXIT_FATAL;
	}
	if (!file && !v->chains.n) {
		fprintf(stderr, "galley: run needs a pipeline file or -e 'CHAIN'; see galley run --help\n");
		return EXIT_FATAL;
	}
	galley_run_options opts = {
		.jobs = v->jobs,
		.fail_fast = v->fail_fast,
		.verbose = v->verbosity > 0,
		.quiet = v->verbosity < 0,
		.report_path = v->report,
		.flags = v->resume ? GALLEY_RUN_RESUME : 0,
	};
	opts.progress = progress_mode(&opts);
	galley_error err = {0};
	if (v->shard && galley_shard_parse(v->shard, &opts.shard_index, &opts.shard_count, &err) != GALLEY_OK) {
		fprintf(stderr, "galley: %s\n", err.message);
		return EXIT_FATAL;
	}
	char *text = file ? read_text_file(file) : galley_strdup(v->chains.items[0]);
	if (!text)
		return EXIT_FATAL;
	/* relative paths written in a file resolve from its folder */
	char *base_dir = NULL;
	const char *slash = file ? strrchr(file, '/') : NULL;
	if (slash)
		base_dir = slash == file ? galley_strdup("/") : galley_strndup(file, (size_t)(slash - file));
	galley_parse_options po = {.params = v->params.items, .n_params = v->params.n, .base_dir = base_dir};
	galley_pipeline *p = galley_pipeline_parse_with(r, text, !file, file ? file : "<command line>", &po, &err);
	free(base_dir);
	free(text);
	if (!p) {
		fprintf(stderr, "galley: %s\n", err.message);
		return EXIT_FATAL;
	}
	install_signal_handlers();
	int res = galley_pipeline_run(p, &opts, NULL, &err);
	galley_pipeline_free(p);
	if (res == GALLEY_ERR_FATAL)
		fprintf(stderr, "galley: stopped: %s\n", err.message);
	if (interrupts)
		return EXIT_SIGNAL_BASE + first_signal;
	if (res == GALLEY_ERR_FATAL)
		return EXIT_FATAL;
	return res == GALLEY_ERR_ARTICLE ? EXIT_ARTICLES_FAILED : 0;
}

/* galley help [COMMAND | PLUGIN] */
static int cmd_help(galley_registry *r, const cli_values *v, plugin_list_format fmt)
{
	if (v->n_operands < 2) {
		cli_usage(stdout);
		return 0;
	}
	if (v->n_operands > 2) {
		fprintf(stderr, "galley: help takes one command or plugin name\n");
		return EXIT_FATAL;
	}
	const char *name = v->operands[1];
	const cli_command_info *c = cli_find_command(name);
	if (c) {
		cli_command_help(stdout, c);
		return 0;
	}
	galley_error err = {0};
	if (!galley_registry_find(r, name, &err)) {
		fprintf(stderr, "galley: '%s' is neither a command (", name);
		for (const cli_command_info *k = cli_commands; k->name; k++)
			fprintf(stderr, "%s%s", k == cli_commands ? "" : ", ", k->name);
		fprintf(stderr, ") nor a plugin: %s\n", err.message);
		return EXIT_FATAL;
	}
	return cmd_inspect(r, name, fmt);
}

static void print_version(void)
{
	int minor = 0;
	int major = galley_plugin_abi(&minor);
	const char *lib = galley_library_version();
	printf("galley %s\n", GALLEY_VERSION_STRING);
	printf("libgalley %s, library ABI %s (libgalley.so.%.*s)\n", galley_version(), lib, (int)strcspn(lib, "."), lib);
	printf("plugin ABI %d.%d (loads plugins built for %d.0 to %d.%d)\n", major, minor, major, major, minor);
}

int main(int argc, char **argv)
{
	cli_values v;
	if (cli_parse(argc, argv, &v) != 0) {
		cli_values_free(&v);
		return EXIT_FATAL;
	}
	int rc = 0;
	plugin_list_format fmt = PLUGIN_LIST_TEXT;
	const cli_command_info *cmd = v.n_operands ? cli_find_command(v.operands[0]) : NULL;
	galley_registry *r = galley_registry_new();
	for (size_t i = 0; i < v.plugin_dirs.n; i++)
		galley_registry_add_dir(r, v.plugin_dirs.items[i]);
	if (v.version) {
		print_version();
	} else if (v.help && !cmd) {
		cli_usage(stdout);
	} else if (!v.n_operands) {
		cli_usage(stderr);
		rc = EXIT_FATAL;
	} else if (!cmd) {
		fprintf(stderr, "galley: unknown command '%s'; see galley --help\n", v.operands[0]);
		rc = EXIT_FATAL;
	} else if (v.help) {
		cli_command_help(stdout, cmd);
	} else if (cli_check_scope(&v, cmd) != 0) {
		rc = EXIT_FATAL;
	} else if (!plugin_list_format_parse(v.format, &fmt)) {
		fprintf(stderr, "galley: --format takes text, json or tsv, not '%s'\n", v.format);
		rc = EXIT_FATAL;
	} else if (cmd->id == CLI_RUN) {
		rc = cmd_run(r, &v);
	} else if (cmd->id == CLI_PLUGINS) {
		rc = cmd_plugins(r, fmt);
	} else if (cmd->id == CLI_INSPECT) {
		if (v.n_operands != 2) {
			fprintf(stderr, "galley: inspect needs one plugin name; `galley plugins` lists them\n");
			rc = EXIT_FATAL;
		} else {
			rc = cmd_inspect(r, v.operands[1], fmt);
		}
	} else {
		rc = cmd_help(r, &v, fmt);
	}
	galley_registry_free(r);
	cli_values_free(&v);
	return rc;
}
