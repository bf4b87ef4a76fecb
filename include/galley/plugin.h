/* Writing a galley plugin.
 *
 * A plugin is a shared module that exports exactly one symbol, `galley_plugin_descriptor`, a
 * galley_plugin struct (use GALLEY_PLUGIN_DEFINE).  Everything else in the module should be
 * static.  The core dlopen()s the module with RTLD_NOW | RTLD_LOCAL, reads the descriptor,
 * checks its ABI version and required fields before calling any of its code, validates the
 * options the pipeline gives the stage against the declared ones, then drives the callbacks:
 *
 *   open()                           once, before any article; options are readable
 *   reader:    read()                serial, in the run's main thread, until it returns GALLEY_END
 *              parse()               per article, may run in parallel (see flags)
 *   transform: process()             per article, may run in parallel
 *   writer:    prepare()             per article, may run in parallel (optional)
 *              write()               per article, serial, in input order
 *              finish()              once, after the last article, when the run succeeded:
 *                                    commit the outputs
 *   close()                          last, whenever open() succeeded (also after a failed run);
 *                                    free the state, discard uncommitted output.  When open()
 *                                    fails it must free what it allocated itself: close() is
 *                                    not called.
 *
 * Callbacks receive the stage (for options, counters and messages), the state that open()
 * returned, and a cleared galley_error to fill when they fail.  Return values are galley_status.
 *
 * Threads: with `--jobs N`, per-article callbacks of plugins flagged GALLEY_PLUGIN_PARALLEL_SAFE
 * run on N worker threads, each call on a different article, sharing `state`: such a plugin
 * must treat its state as read-only after open() (or lock it).  Callbacks of other plugins run
 * one article at a time, in input order.  read(), write(), finish() and close() always run one
 * at a time.
 */
#ifndef GALLEY_PLUGIN_H
#define GALLEY_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <galley/version.h>
#include <galley/error.h>
#include <galley/article.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum galley_kind {
	GALLEY_KIND_READER = 1,
	GALLEY_KIND_TRANSFORM = 2,
	GALLEY_KIND_WRITER = 3
} galley_kind;

GALLEY_API const char *galley_kind_name(galley_kind k); /* "reader", ... (borrowed, static) */

/* ---- declared options ---------------------------------------------------------------------- */
typedef enum galley_opt_type {
	GALLEY_OPT_STRING = 1,
	GALLEY_OPT_INT,     /* 64-bit signed, decimal; min/max apply when min < max */
	GALLEY_OPT_DOUBLE,  /* min/max apply when min < max */
	GALLEY_OPT_BOOL,    /* true/false, yes/no, on/off, 1/0 */
	GALLEY_OPT_ENUM,    /* one of `choices`, "a|b|c" */
	GALLEY_OPT_PATH     /* a string naming a file or directory */
} galley_opt_type;

#define GALLEY_OPT_REQUIRED 0x1u  /* the pipeline must give it (default must then be NULL) */

typedef struct galley_option {
	const char *name;           /* lower case, [a-z0-9_]; the list ends with name == NULL */
	galley_opt_type type;
	const char *default_value;  /* (nullable) as the user would write it; NULL: unset */
	const char *help;           /* one line, shown by `galley inspect` */
	const char *choices;        /* GALLEY_OPT_ENUM only: "jsonl|array" */
	double min, max;            /* INT/DOUBLE bounds, used when min < max */
	unsigned flags;             /* GALLEY_OPT_REQUIRED */
	void *reserved[2];
} galley_option;

GALLEY_API const char *galley_opt_type_name(galley_opt_type t); /* "string", "int", ... */

/* ---- the stage a plugin instance runs as -------------------------------------------------- */
typedef struct galley_stage galley_stage;

/* Option values, already validated; the declared default when the pipeline did not give one.
 * Asking for an undeclared name is a programming error (the core aborts with a message). */
GALLEY_API const char *galley_stage_opt_string(const galley_stage *s, const char *name); /* (borrowed, nullable) */
GALLEY_API int64_t galley_stage_opt_int(const galley_stage *s, const char *name);
GALLEY_API double galley_stage_opt_double(const galley_stage *s, const char *name);
GALLEY_API bool galley_stage_opt_bool(const galley_stage *s, const char *name);
/* True when the pipeline gave the option explicitly. */
GALLEY_API bool galley_stage_opt_given(const galley_stage *s, const char *name);

/* The stage's plugin name and its place in the pipeline ("read-html", 0). (borrowed) */
GALLEY_API const char *galley_stage_name(const galley_stage *s);
GALLEY_API int galley_stage_index(const galley_stage *s);
/* Where the stage was declared, "pipe.galley:3:1" or "<command line>:1:17". (borrowed) */
GALLEY_API const char *galley_stage_origin(const galley_stage *s);

/* Count something under a reason ("skipped: WARC status 404"); thread-safe.  The core prints
 * the counts in its summary. */
GALLEY_API void galley_stage_count(galley_stage *s, const char *reason, size_t n);
/* A warning that does not fail anything ("cover image not found, book has no cover").  Printed
 * at once with the stage name; thread-safe. */
GALLEY_API void galley_stage_warn(galley_stage *s, const char *fmt, ...) GALLEY_PRINTF(2, 3);
/* True when the user asked for details (-v). */
GALLEY_API bool galley_stage_verbose(const galley_stage *s);

/* --resume.  galley_stage_resuming() is true when the user asked to add to the existing outputs
 * rather than replace them.  A writer that can resume then, in open(), keeps what its existing
 * output holds (copying it into the new temporary output), names every input already there with
 * galley_stage_resume_add (by the article's source location), or calls galley_stage_resume_accept
 * when there is no existing output.  The core skips an input that every writer holds.  A writer
 * that cannot resume calls neither: the run is then refused before it starts. */
GALLEY_API bool galley_stage_resuming(const galley_stage *s);
GALLEY_API void galley_stage_resume_accept(galley_stage *s);
GALLEY_API void galley_stage_resume_add(galley_stage *s, const char *file, const char *member, int64_t offset,
                                        int64_t index);

/* ---- the descriptor ------------------------------------------------------------------------- */
#define GALLEY_PLUGIN_PARALLEL_SAFE 0x1u  /* per-article callbacks may run on several threads */

typedef struct galley_plugin {
	uint32_t abi_major;       /* GALLEY_ABI_MAJOR at build time */
	uint32_t abi_minor;       /* GALLEY_ABI_MINOR at build time */
	const char *name;         /* unique, [a-z0-9-], the word pipelines use: "read-html" */
	galley_kind kind;
	const char *summary;      /* one line for `galley plugins` */
	const char *version;      /* the plugin's own version, recorded in each article's history */
	const char *license;      /* (nullable) SPDX identifier */
	unsigned flags;           /* GALLEY_PLUGIN_* */
	const galley_option *options; /* (nullable) ends with an entry whose name is NULL */

	/* All kinds.  open may be NULL (state stays NULL); close may be NULL.  close is called only
	 * after a successful open. */
	int (*open)(galley_stage *stage, void **state, galley_error *err);
	void (*close)(galley_stage *stage, void *state);

	/* Readers.  read() is required: it sets *out to a new article (taken by the core; create it
	 * with galley_article_new) and returns GALLEY_OK, or returns GALLEY_END, GALLEY_ERR_ARTICLE
	 * (with *out NULL or an article for context: the core reports and frees it, then calls
	 * read again) or GALLEY_ERR_FATAL.  Cheap work only: leave decoding to parse(), which is
	 * optional and runs per article, possibly in parallel. */
	int (*read)(galley_stage *stage, void *state, galley_article **out, galley_error *err);
	int (*parse)(galley_stage *stage, void *state, galley_article *a, galley_error *err);

	/* Transforms.  Return GALLEY_OK to pass the article on (changed or not), GALLEY_DROP with
	 * the reason in err to drop it, GALLEY_ERR_ARTICLE or GALLEY_ERR_FATAL. */
	int (*process)(galley_stage *stage, void *state, galley_article *a, galley_error *err);

	/* Writers.  prepare is optional (parallel-safe per the flags); write is required and gets
	 * the articles in input order; finish commits the outputs (required for writers). */
	int (*prepare)(galley_stage *stage, void *state, galley_article *a, galley_error *err);
	int (*write)(galley_stage *stage, void *state, galley_article *a, galley_error *err);
	int (*finish)(galley_stage *stage, void *state, galley_error *err);

	void *reserved[8];  /* zero; room for ABI-compatible growth */
} galley_plugin;

/* The one symbol a plugin module exports. */
#define GALLEY_PLUGIN_SYMBOL "galley_plugin_descriptor"

#if defined(__GNUC__) || defined(__clang__)
#define GALLEY_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define GALLEY_PLUGIN_EXPORT
#endif

/* Define the descriptor:
 *   GALLEY_PLUGIN_DEFINE(.name = "word-count", .kind = GALLEY_KIND_TRANSFORM, ...);
 * The ABI fields are filled in for you. */
#define GALLEY_PLUGIN_DEFINE(...)                                                               \
	GALLEY_PLUGIN_EXPORT const galley_plugin galley_plugin_descriptor = {                       \
		.abi_major = GALLEY_ABI_MAJOR, .abi_minor = GALLEY_ABI_MINOR, __VA_ARGS__}

#ifdef __cplusplus
}
#endif
#endif
