/* The galley command. */
#include <galley/galley.h>
#include <galley/pipeline.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_ARTICLES_FAILED = 1, EXIT_FATAL = 2, EXIT_INTERRUPTED = 130 };

static void usage(FILE *f)
{
	fputs("Usage: galley [GLOBAL OPTIONS] COMMAND [ARGS]\n"
	      "\n"
	      "Turn collections of scraped web articles into clean, attributed outputs.\n"
	      "\n"
	      "Commands:\n"
	      "  run FILE              run the pipeline in FILE (one stage per line)\n"
	      "  run -e 'CHAIN'        run a pipeline given inline, stages separated by '!'\n"
	      "  plugins               list every plugin found (name, kind, summary, file)\n"
	      "  inspect NAME          show a plugin's details and options\n"
	      "\n"
	      "Global options:\n"
	      "  --plugin-dir DIR      search DIR for plugins first (repeatable)\n"
	      "  -j, --jobs N          worker threads (default: number of cores)\n"
	      "  --fail-fast           stop at the first article that fails (outputs discarded)\n"
	      "  -v, --verbose         report dropped articles and more\n"
	      "  -q, --quiet           report errors only\n"
	      "  -h, --help            this help\n"
	      "  -V, --version         print the version\n"
	      "\n"
	      "Example:\n"
	      "  galley run -e 'read-html input=pages ! strip-boilerplate ! tag-attribution ! write-json output=out/articles.jsonl'\n"
	      "\n"
	      "Exit status: 0 all articles went through; 1 some articles failed (outputs written);\n"
	      "2 the run could not start or stopped (outputs discarded); 130 interrupted.\n"
	      "Environment: GALLEY_PLUGIN_PATH (plugin directories), GALLEY_DATA_PATH (data directories).\n",
	      f);
}

static volatile sig_atomic_t interrupts;

static void on_signal(int sig)
{
	(void)sig;
	interrupts++;
	galley_request_stop();
	if (interrupts > 1) {
		galley_discard_outputs();
		_exit(EXIT_INTERRUPTED);
	}
}

static int cmd_plugins(galley_registry *r)
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

static int cmd_inspect(galley_registry *r, const char *name)
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

int main(int argc, char **argv)
{
	galley_registry *r = galley_registry_new();
	galley_run_options opts = {0};
	int i = 1;
	int rc = 0;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			goto out;
		} else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
			printf("galley %s (plugin ABI %d.%d)\n", galley_version(), GALLEY_ABI_MAJOR, GALLEY_ABI_MINOR);
			goto out;
		} else if (!strcmp(a, "--plugin-dir") || !strncmp(a, "--plugin-dir=", 13)) {
			const char *dir = a[12] == '=' ? a + 13 : (i + 1 < argc ? argv[++i] : NULL);
			if (!dir) {
				fprintf(stderr, "galley: --plugin-dir needs a directory\n");
				rc = EXIT_FATAL;
				goto out;
			}
			galley_registry_add_dir(r, dir);
		} else if (!strcmp(a, "-j") || !strcmp(a, "--jobs") || !strncmp(a, "--jobs=", 7)) {
			const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
			char *end = NULL;
			long n = v ? strtol(v, &end, 10) : -1;
			if (!v || *end || n < 1 || n > 256) {
				fprintf(stderr, "galley: --jobs needs a number from 1 to 256\n");
				rc = EXIT_FATAL;
				goto out;
			}
			opts.jobs = (int)n;
		} else if (!strcmp(a, "--fail-fast")) {
			opts.fail_fast = true;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			opts.verbose = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			opts.quiet = true;
		} else if (a[0] == '-') {
			fprintf(stderr, "galley: unknown option '%s'; see galley --help\n", a);
			rc = EXIT_FATAL;
			goto out;
		} else {
			break;
		}
	}
	if (i >= argc) {
		usage(stderr);
		rc = EXIT_FATAL;
		goto out;
	}
	const char *cmd = argv[i++];
	if (!strcmp(cmd, "plugins")) {
		rc = cmd_plugins(r);
	} else if (!strcmp(cmd, "inspect")) {
		if (i >= argc) {
			fprintf(stderr, "galley: inspect needs a plugin name; `galley plugins` lists them\n");
			rc = EXIT_FATAL;
		} else {
			rc = cmd_inspect(r, argv[i]);
		}
	} else if (!strcmp(cmd, "run")) {
		/* options may also follow the command */
		char *text = NULL;
		const char *origin = NULL;
		bool chain = false;
		for (; i < argc; i++) {
			const char *a = argv[i];
			if (!strcmp(a, "-e") && i + 1 < argc) {
				text = galley_strdup(argv[++i]);
				origin = "<command line>";
				chain = true;
			} else if (!strcmp(a, "--fail-fast")) {
				opts.fail_fast = true;
			} else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && i + 1 < argc) {
				char *end = NULL;
				long n = strtol(argv[++i], &end, 10);
				if (*end || n < 1 || n > 256) {
					fprintf(stderr, "galley: --jobs needs a number from 1 to 256\n");
					free(text);
					rc = EXIT_FATAL;
					goto out;
				}
				opts.jobs = (int)n;
			} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
				opts.verbose = true;
			} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
				opts.quiet = true;
			} else if (!strcmp(a, "--plugin-dir") && i + 1 < argc) {
				galley_registry_add_dir(r, argv[++i]);
			} else if (a[0] == '-' && a[1]) {
				fprintf(stderr, "galley: unknown option '%s' for run; see galley --help\n", a);
				free(text);
				rc = EXIT_FATAL;
				goto out;
			} else if (!text) {
				text = read_text_file(a);
				origin = a;
				if (!text) {
					rc = EXIT_FATAL;
					goto out;
				}
			} else {
				fprintf(stderr, "galley: run takes one pipeline (a FILE or -e 'CHAIN')\n");
				free(text);
				rc = EXIT_FATAL;
				goto out;
			}
		}
		if (!text) {
			fprintf(stderr, "galley: run needs a pipeline file or -e 'CHAIN'; see galley --help\n");
			rc = EXIT_FATAL;
			goto out;
		}
		galley_error err = {0};
		galley_pipeline *p = galley_pipeline_parse(r, text, chain, origin, &err);
		free(text);
		if (!p) {
			fprintf(stderr, "galley: %s\n", err.message);
			rc = EXIT_FATAL;
			goto out;
		}
		struct sigaction sa = {0};
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		signal(SIGPIPE, SIG_IGN);
		int res = galley_pipeline_run(p, &opts, NULL, &err);
		galley_pipeline_free(p);
		if (res == GALLEY_ERR_FATAL) {
			fprintf(stderr, "galley: stopped: %s\n", err.message);
			rc = interrupts ? EXIT_INTERRUPTED : EXIT_FATAL;
		} else if (res == GALLEY_ERR_ARTICLE) {
			rc = EXIT_ARTICLES_FAILED;
		}
	} else {
		fprintf(stderr, "galley: unknown command '%s'; see galley --help\n", cmd);
		rc = EXIT_FATAL;
	}
out:
	galley_registry_free(r);
	return rc;
}
