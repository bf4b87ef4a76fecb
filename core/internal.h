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
};

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

/* Levenshtein distance, for "did you mean". */
size_t galley_edit_distance(const char *a, const char *b);

/* Stage callbacks with the core's bookkeeping. */
int galley_stage_call_open(galley_stage *s, galley_error *err);
void galley_stage_call_close(galley_stage *s);

/* Paths (data.c). */
bool galley_running_from_build_tree(void);

/* Output temp files registered for cleanup on signals (output.c). */
void galley_output_cleanup_all(void);
/* Temporaries registered now (tests of the cleanup table). */
size_t galley_output_n_registered(void);
/* Two-phase commit of a run's outputs, per thread: after group_begin, galley_output_commit
 * closes and checks the temporary but leaves the rename to group_commit (every output in commit
 * order); group_discard removes the waiting temporaries instead. */
void galley_output_group_begin(void);
int galley_output_group_commit(galley_error *err);
void galley_output_group_discard(void);

/* Article internals the runner needs (article.c). */
void galley_article_finalize_id(galley_article *a);

#endif
