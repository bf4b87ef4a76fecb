/* Embedding galley: find plugins, build pipelines, run them — what the `galley` command does,
 * as a library.  Also the harness the tests use to drive one stage on in-memory articles.
 * Plugins never need this header. */
#ifndef GALLEY_PIPELINE_H
#define GALLEY_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <galley/version.h>
#include <galley/error.h>
#include <galley/article.h>
#include <galley/plugin.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the registry: plugins found on disk ----------------------------------------------------
 * Search order (the first plugin of a name wins): each directory added with
 * galley_registry_add_dir (the CLI's --plugin-dir), every directory of GALLEY_PLUGIN_PATH, the
 * build tree's plugins when the running program lives in a galley build directory, then the
 * installed plugin directory.  A directory is scanned for "*.so" files, and its immediate
 * subdirectories too.  The current directory is never searched unless named. */
typedef struct galley_registry galley_registry;

typedef struct galley_plugin_info {
	const galley_plugin *plugin; /* (borrowed from the registry) NULL when the file failed */
	const char *file;            /* (borrowed) path of the module */
	const char *problem;         /* (borrowed, nullable) why the file was refused */
} galley_plugin_info;

/* A registry with no directories yet (owned, galley_registry_free). */
GALLEY_API galley_registry *galley_registry_new(void);
GALLEY_API void galley_registry_free(galley_registry *r);
/* Add a directory to search before the environment and installed ones (copied). */
GALLEY_API void galley_registry_add_dir(galley_registry *r, const char *dir);
/* Whether to search GALLEY_PLUGIN_PATH, the build tree and the installed directory (default true). */
GALLEY_API void galley_registry_use_default_dirs(galley_registry *r, bool yes);
/* Scan the directories (once; later calls are no-ops).  Files that are not galley plugins, or
 * built for another ABI, are kept as entries with a problem, never loaded twice. */
GALLEY_API void galley_registry_scan(galley_registry *r);
GALLEY_API size_t galley_registry_count(galley_registry *r);
GALLEY_API const galley_plugin_info *galley_registry_at(galley_registry *r, size_t i);
/* The plugin named name, or NULL with err set: "no plugin named 'x' (did you mean 'y'?)". */
GALLEY_API const galley_plugin *galley_registry_find(galley_registry *r, const char *name, galley_error *err);
/* Load one module file and check it (used by scan; exposed for tests).  Returns the descriptor
 * (borrowed from r) or NULL with err naming the file and the problem. */
GALLEY_API const galley_plugin *galley_registry_load_file(galley_registry *r, const char *path, galley_error *err);
/* The directories searched, in order, joined by ':' (owned, free()). */
GALLEY_API char *galley_registry_dirs(galley_registry *r);

/* ---- pipelines ------------------------------------------------------------------------------ */
typedef struct galley_pipeline galley_pipeline;

/* Parse a pipeline.  Two syntaxes, the same grammar per stage:
 *   file form:  one stage per line, `#` comments, blank lines ignored;
 *   chain form: stages separated by `!` (galley run -e).
 * Each stage: PLUGIN-NAME then KEY=VALUE options; VALUE may be "double quoted" (with \" \\ \n
 * \t escapes) or 'single quoted' (literal).  origin names the text in messages ("news.galley").
 * Checks the structure (one reader first, then transforms, then at least one writer), finds
 * every plugin in r, validates every option.  Errors read "origin:line:col: message". */
GALLEY_API galley_pipeline *galley_pipeline_parse(galley_registry *r, const char *text, bool chain_form,
                                                  const char *origin, galley_error *err);

/* Parameters and the file's folder, for galley_pipeline_parse_with. */
typedef struct galley_parse_options {
	/* "NAME=VALUE" strings (borrowed for the call; a later NAME wins).  In the text, ${NAME} is
	 * NAME's value and ${NAME:-default} falls back to the default; ${env:NAME} and
	 * ${env:NAME:-default} read the environment (nothing else does).  Values are inserted as
	 * they are, never parsed as pipeline syntax.  A NAME given but never used is an error. */
	const char *const *params;
	size_t n_params;
	/* nullable: the folder relative paths written in the text resolve from (path options only;
	 * a value that starts with a parameter's value resolves from the current directory) */
	const char *base_dir;
	void *reserved[4];
} galley_parse_options;

/* galley_pipeline_parse with parameters and a base folder (opts nullable). */
GALLEY_API galley_pipeline *galley_pipeline_parse_with(galley_registry *r, const char *text, bool chain_form,
                                                       const char *origin, const galley_parse_options *opts,
                                                       galley_error *err);
GALLEY_API void galley_pipeline_free(galley_pipeline *p);
GALLEY_API size_t galley_pipeline_n_stages(const galley_pipeline *p);
GALLEY_API galley_stage *galley_pipeline_stage(galley_pipeline *p, size_t i); /* (borrowed) */

/* Progress on standard error while a run goes (galley's command: TTY when standard error is a
 * terminal and not -q; LINES with -v otherwise). */
typedef enum galley_progress_mode {
	GALLEY_PROGRESS_NONE = 0,
	GALLEY_PROGRESS_TTY,   /* one line redrawn in place a few times a second */
	GALLEY_PROGRESS_LINES  /* a line every few seconds */
} galley_progress_mode;

typedef struct galley_run_options {
	int jobs;          /* worker threads; <= 0 means the number of cores */
	bool fail_fast;    /* stop at the first article that fails */
	bool verbose;      /* details on stderr */
	bool quiet;        /* nothing but errors on stderr */
	/* Sharding (docs/scaling.md): with shard_count >= 1, only the articles whose input identity
	 * hashes to shard_index (0 <= shard_index < shard_count) go through the stages, and each
	 * carries its place in the unsharded order as the extra GALLEY_SHARD_SEQ_KEY (article.h);
	 * 0: no sharding. */
	uint32_t shard_index;
	uint32_t shard_count;
	const char *report_path; /* (borrowed, nullable) --report: JSON Lines of failures, skips, summary */
	galley_progress_mode progress;
	unsigned flags;    /* galley_run_flag bits */
	void *reserved[1];
} galley_run_options;

typedef enum galley_run_flag {
	GALLEY_RUN_RESUME = 1u << 0 /* skip inputs already in the outputs, append to them */
} galley_run_flag;

/* ---- sharding (docs/scaling.md) --------------------------------------------------------------
 * An article's input identity is its source location: the input file as the collection names it
 * (a leading "./" dropped), the archive member, the WARC record offset and the index in the file.
 * Its shard is FNV-1a 64 (galley_hash64 with GALLEY_HASH_SEED) of
 *     file NUL member NUL offset NUL index
 * (offset and index in decimal, -1 when unset, member "" when unset), mixed by MurmurHash3's
 * 64-bit finaliser, modulo shard_count.  Stable across machines, versions and thread counts. */
#define GALLEY_SHARD_MAX 1000000u
/* The shard (0 .. count-1) of a, by its source location; 0 when count <= 1. */
GALLEY_API uint32_t galley_shard_of(const galley_article *a, uint32_t count);
/* Parse "I/N" (0 <= I < N <= GALLEY_SHARD_MAX, decimal).  Returns GALLEY_OK, or GALLEY_ERR_FATAL
 * with err saying what is wrong. */
GALLEY_API int galley_shard_parse(const char *text, uint32_t *index, uint32_t *count, galley_error *err);

typedef struct galley_run_stats {
	size_t read;       /* articles the reader produced */
	size_t written;    /* articles that reached the writers */
	size_t dropped;    /* dropped by a transform */
	size_t failed;     /* failed in some stage */
	double seconds;
} galley_run_stats;

/* Run p to the end.  Returns GALLEY_OK when every article went through, GALLEY_ERR_ARTICLE
 * when some failed or none was read (outputs are still committed), GALLEY_ERR_FATAL when the
 * run stopped (outputs discarded, existing files untouched; err says why).  Outputs are
 * committed in two phases: every writer finishes, then every file is renamed.  stats is
 * nullable. */
GALLEY_API int galley_pipeline_run(galley_pipeline *p, const galley_run_options *opts, galley_run_stats *stats,
                                   galley_error *err);

/* Ask a running pipeline to stop early and cleanly (async-signal-safe): it reads nothing more,
 * finishes the articles in flight, commits the outputs with them and returns as usual; the
 * summary says the run was interrupted.  The request ends with that run. */
GALLEY_API void galley_request_stop(void);
/* Remove every temporary output file now (async-signal-safe), for a second interrupt when the
 * process must exit at once. */
GALLEY_API void galley_discard_outputs(void);

/* ---- one stage on its own (tests and embedding) -------------------------------------------- */
/* Create a stage of plugin `name` with options given as "key=value key2='v 2'" (nullable).
 * Options are validated as in a pipeline.  (owned, galley_stage_free) */
GALLEY_API galley_stage *galley_stage_new(galley_registry *r, const char *name, const char *options,
                                          galley_error *err);
GALLEY_API int galley_stage_open(galley_stage *s, galley_error *err);
/* Readers: read() then parse(); *out (owned) is the next article. */
GALLEY_API int galley_stage_read(galley_stage *s, galley_article **out, galley_error *err);
/* Transforms: process(); writers: prepare() then write(). */
GALLEY_API int galley_stage_feed(galley_stage *s, galley_article *a, galley_error *err);
/* Writers: finish(). */
GALLEY_API int galley_stage_finish(galley_stage *s, galley_error *err);
/* Close (if open) and free. */
GALLEY_API void galley_stage_free(galley_stage *s);
GALLEY_API const galley_plugin *galley_stage_plugin(const galley_stage *s); /* (borrowed) */

#ifdef __cplusplus
}
#endif
#endif
