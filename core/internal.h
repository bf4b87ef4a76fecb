/* Private to the core: never included by plugins. */
#ifndef GALLEY_CORE_INTERNAL_H
#define GALLEY_CORE_INTERNAL_H

#include <galley/galley.h>
#include <galley/pipeline.h>
#include <pthread.h>
#include <stdatomic.h>

/* ---- options (options.c) ---- */
typedef struct opt_value {
	const galley_option *decl;
	char *raw;        /* as given, or the default (owned); NULL when unset */
	bool given;
	int64_t i;
	double d;
	bool b;
} opt_value;

typedef struct stage_counter {
	char *reason;
	size_t n;
} stage_counter;

typedef struct resume_set resume_set;

struct galley_stage {
	const galley_plugin *plugin;
	galley_registry *registry; /* (borrowed) */
	char *origin;              /* "file:line:col" */
	int index;
	opt_value *opts;           /* one per declared option, in declaration order */
	size_t n_opts;
	void *state;
	bool opened;
	bool finished;
	bool verbose;
	pthread_mutex_t lock;      /* counters, and serialising non-parallel plugins */
	stage_counter *counters;
	size_t n_counters;
	bool resuming;             /* --resume: set before open() */
	bool resume_accepted;      /* the writer said it can resume */
	resume_set *resume;        /* inputs its output already holds (owned, nullable) */
};

/* --resume (resume.c). */
uint64_t galley_resume_key(const char *file, const char *member, int64_t offset, int64_t index);
bool galley_resume_set_has(const resume_set *s, uint64_t key);
void galley_resume_set_free(resume_set *s);

/* Parsed "key=value" pairs with their columns, for validation. */
typedef struct kv_pair {
	char *key;
	char *value;
	int line, col;       /* where the key starts */
	int value_col;
} kv_pair;

/* Validate pairs against the plugin's declaration and fill stage->opts.  Errors name
 * origin:line:col. */
int galley_stage_set_options(galley_stage *s, const kv_pair *pairs, size_t n, const char *origin_name,
                             bool check_required, galley_error *err);
galley_stage *galley_stage_alloc(galley_registry *r, const galley_plugin *p);
void galley_kv_free(kv_pair *pairs, size_t n);

/* ---- pipeline parameters (pipeline_params.c) ---- */
typedef struct galley_param {
	char *name;        /* (owned) */
	const char *value; /* (borrowed from the definition) */
	bool used;
} galley_param;

typedef struct galley_params {
	galley_param *items; /* (owned) */
	size_t n;
} galley_params;

/* Where a word's value came from: the pipeline's own text (or a default written in it), or a
 * parameter's value (-D or the environment).  Relative paths resolve from the pipeline file's
 * folder in the first case, from the current directory in the second. */
typedef enum galley_param_origin { GALLEY_PARAM_TEXT, GALLEY_PARAM_DEFAULT, GALLEY_PARAM_GIVEN } galley_param_origin;

/* defs: "NAME=VALUE" strings (borrowed: ps points into them); a later NAME wins. */
int galley_params_init(galley_params *ps, const char *const *defs, size_t n, galley_error *err);
void galley_params_free(galley_params *ps);
/* GALLEY_ERR_FATAL naming the first parameter given but never used. */
int galley_params_check_used(const galley_params *ps, const char *origin, galley_error *err);
/* Expand the reference at s ("${..."), appending its value to out and telling where it came from.
 * Returns the length of the reference, or -1 with err set (where: "origin:line:col"). */
int galley_params_expand(galley_params *ps, const char *s, const char *end, galley_buf *out,
                         galley_param_origin *from, const char *where, galley_error *err);

/* ---- relative paths in a pipeline file (pipeline_paths.c) ---- */
/* value (a path option's value written in the file) resolved from base_dir: absolute paths,
 * "-" and "@-" unchanged, "@list" and comma lists item by item, "dir/../x" folded.  (owned) */
char *galley_resolve_path_value(const char *base_dir, const char *value);

/* Levenshtein distance, for "did you mean". */
size_t galley_edit_distance(const char *a, const char *b);

/* Stage callbacks with the core's bookkeeping. */
int galley_stage_call_open(galley_stage *s, galley_error *err);
void galley_stage_call_close(galley_stage *s);

/* Paths (data.c). */
bool galley_running_from_build_tree(void);
/* The build tree's plugin directory (borrowed, static), or NULL when not running from one. */
const char *galley_build_plugindir(void);

/* Output temp files registered for cleanup on signals (output.c). */
void galley_output_cleanup_all(void);
/* Temporaries registered now (tests of the cleanup table). */
size_t galley_output_n_registered(void);
/* Two-phase commit of a run's outputs, per thread: after group_begin, galley_output_commit
 * closes and checks the temporary but leaves the rename to group_commit (every output in commit
 * order); group_discard removes the waiting temporaries instead. */
void galley_output_group_begin(void);
int galley_output_group_commit(galley_error *err, char ***paths, size_t *n_paths); /* paths: appended (owned, NULL-terminated) */
void galley_output_group_discard(void);

/* Progress on standard error (progress.c). */
typedef struct galley_progress galley_progress;
typedef struct galley_progress_counts {
	size_t read, written, failed;
} galley_progress_counts;
/* NULL for GALLEY_PROGRESS_NONE (owned, galley_progress_free: clears the line). */
galley_progress *galley_progress_new(galley_progress_mode mode);
/* Redraw when the interval has passed; thread-safe (a tick that finds another drawing skips). */
void galley_progress_tick(galley_progress *p, const galley_progress_counts *c);
/* Take the line off the terminal before a message (NULL is fine). */
void galley_progress_clear(galley_progress *p);
void galley_progress_free(galley_progress *p);
/* Input bytes for the progress line: counted by the collection layer only while enabled. */
void galley_input_progress_enable(bool on);
bool galley_input_progress_on(void);
void galley_input_progress_add_total(uint64_t bytes, bool known);
void galley_input_progress_set_done(uint64_t bytes);

/* The run's report, --report FILE (report.c).  Records are written as they come, under a lock. */
typedef struct galley_report galley_report;
typedef struct galley_report_summary {
	const char *status;          /* "ok", "failures", "stopped", "interrupted" */
	const galley_run_stats *stats;
	size_t skipped;
	char **outputs;              /* (borrowed) the files committed */
	size_t n_outputs;
	const char *message;         /* (nullable) why the run stopped */
} galley_report_summary;
galley_report *galley_report_open(const char *path, galley_error *err); /* (owned, galley_report_free) */
/* type "failed" or "dropped"; a (nullable) gives the source location and title. */
void galley_report_article(galley_report *r, const char *type, const galley_article *a, const char *stage,
                           const char *reason, const char *message);
void galley_report_skip(galley_report *r, const char *file, const char *member, int64_t offset, const char *reason);
/* The summary record, then commit the file (not part of the outputs' two-phase commit: a run
 * that stops still leaves its report). */
int galley_report_finish(galley_report *r, const galley_report_summary *s, galley_error *err);
void galley_report_free(galley_report *r); /* NULL is fine */

/* Skipped inputs, from the collection layer to the runner (collection.c).  While a hook is set,
 * every input skipped by name, type or WARC record is passed to it as well as counted. */
typedef void (*galley_skip_hook)(void *ctx, const char *file, const char *member, int64_t offset, const char *reason);
void galley_collection_set_skip_hook(galley_skip_hook hook, void *ctx);

/* Has the run been asked to stop (a signal, run.c)?  Checked inside long reads. */
bool galley_stop_is_requested(void);

/* ---- what the first bytes of an input are (archive_source.c) ---- */
typedef enum sniff_kind {
	SNIFF_PLAIN,       /* text, or nothing recognised */
	SNIFF_COMPRESSED,  /* gzip, xz, zstd, bzip2: *filter is libarchive's filter code */
	SNIFF_ARCHIVE,     /* zip or tar */
	SNIFF_WARC,
	SNIFF_ARC,         /* the Internet Archive's format before WARC ("filedesc://") */
	SNIFF_UNSUPPORTED, /* a compressed, archive or binary format galley does not open: *name */
	SNIFF_BINARY       /* mostly control bytes: not text */
} sniff_kind;
/* The share of control bytes (other than tab, newlines, form feed and escape) in the start of
 * an input above which it is binary data rather than text in any charset. */
#define BINARY_CONTROL_PERCENT 10
/* Look at the first n bytes of an input (n may be short for a short file). */
sniff_kind galley_sniff(const unsigned char *p, size_t n, int *filter, const char **name);

/* A libarchive read handle over fd whose first head_len bytes were already read into head
 * (they are replayed first; a seekable fd is rewound instead).  Reads stop with an error once
 * the run is asked to stop.  filter: one libarchive filter code to apply (no filter bidding,
 * so a file that decompresses to itself cannot stack filters without end), or
 * ARCHIVE_FILTER_NONE.  formats: tar, zip, raw and empty.  NULL with err set on failure.
 * The source (owned by the caller, arc_source_free after archive_read_free) closes fd. */
typedef struct arc_source arc_source;
struct archive;
/* Damage found while decoding gzip (count 0: none). */
typedef struct arc_damage {
	size_t count;           /* damaged places */
	uint64_t first_offset;  /* compressed byte offset of the first */
	char first[128];        /* what it was */
	uint64_t skipped;       /* compressed bytes passed over to resynchronise */
	bool truncated;         /* the data ends inside a member */
} arc_damage;
arc_source *arc_source_new(int fd, const unsigned char *head, size_t head_len);
struct archive *arc_source_open(arc_source *s, int filter, galley_error *err);
/* Compressed bytes read from fd so far. */
uint64_t arc_source_consumed(const arc_source *s);
/* The gzip damage so far, or NULL when the source is not gzip (borrowed). */
const arc_damage *arc_source_damage(const arc_source *s);
/* Why a read from fd failed (stopped, I/O error), or NULL: libarchive clears its own message
 * when the next header is read. */
const char *arc_source_problem(const arc_source *s);
void arc_source_free(arc_source *s);

/* Article internals the runner needs (article.c). */
void galley_article_finalize_id(galley_article *a);

#endif
