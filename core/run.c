/* Running a pipeline: one reader feeding articles, per-article stages on worker threads,
 * writers in input order. */
#include "internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

/* the longest drop reason code counted in the summary */
#define DROP_CODE_MAX 96

void galley_request_stop(void)
{
	stop_requested = 1;
}

bool galley_stop_is_requested(void)
{
	return stop_requested != 0;
}

void galley_discard_outputs(void)
{
	galley_output_cleanup_all();
}

/* A per-article step. */
typedef enum step_kind { STEP_PARSE, STEP_TRANSFORM, STEP_FINALIZE, STEP_PREPARE } step_kind;

typedef struct step {
	step_kind kind;
	galley_stage *stage; /* NULL for FINALIZE */
	bool parallel;
} step;

typedef enum slot_state { SLOT_EMPTY, SLOT_DONE } slot_state;

typedef struct slot {
	galley_article *a;
	slot_state state;
	int status;           /* GALLEY_OK, GALLEY_DROP or GALLEY_ERR_* after the parallel steps */
	galley_stage *failed; /* the stage that failed or dropped */
	galley_error err;
} slot;

typedef struct runner {
	galley_pipeline *p;
	galley_stage **stages;
	size_t n_stages;
	galley_stage *reader;
	galley_stage **writers;
	size_t n_writers;
	step *steps;
	size_t n_steps;
	size_t n_parallel;     /* steps[0..n_parallel) may run on workers */
	const galley_run_options *opts;
	galley_run_stats stats;
	/* drop reasons */
	pthread_mutex_t report_lock;
	/* threading */
	pthread_mutex_t read_lock; /* the reader, and numbering articles */
	pthread_mutex_t lock;      /* the ring, head, next_seq, writing, stop */
	pthread_cond_t cv_space;
	slot *ring;
	size_t k;
	size_t head, next_seq;
	bool reader_done;
	bool writing;
	bool stop;             /* fatal error or fail-fast */
	galley_error fatal;
	bool fatal_set;
	/* --shard: articles the reader produced in every shard so far, and those left to others */
	uint64_t shard_seq;
	size_t other_shards;
	bool interrupted;      /* a stop was requested: reading ended early */
	galley_progress *progress; /* NULL when off */
	galley_report *report;     /* --report, NULL when off */
	bool resume;               /* --resume, and some writer holds inputs already */
	size_t resumed;            /* inputs skipped because every writer holds them */
	stage_counter *skips;      /* inputs skipped by the collection layer, by reason (report_lock) */
	size_t n_skips, skipped;
	char **committed;      /* the outputs written, for the summary (owned) */
	size_t n_committed;
} runner;

/* The core's scratch key for an article's place in the unsharded order (a sharded run). */
static const char shard_scratch_key = 0;

/* A sharded run: is a (just read, nullable) another shard's?  Numbers every article the reader
 * produces, in every shard alike, and keeps the number on the articles of this shard. */
static bool shard_other(runner *r, galley_article *a)
{
	const galley_run_options *o = r->opts;
	if (o->shard_count == 0)
		return false;
	uint64_t seq = r->shard_seq++;
	uint32_t shard = a ? galley_shard_of(a, o->shard_count) : 0;
	if (shard != o->shard_index) {
		r->other_shards++;
		return true;
	}
	if (a) {
		uint64_t *p = galley_malloc(sizeof *p);
		*p = seq;
		galley_article_set_scratch(a, &shard_scratch_key, p, free);
	}
	return false;
}

/* After the stages: the place in the unsharded order, for the merge (docs/scaling.md). */
static void shard_record_seq(galley_article *a)
{
	const uint64_t *p = galley_article_get_scratch(a, &shard_scratch_key);
	if (!p)
		return;
	char v[24];
	snprintf(v, sizeof v, "%llu", (unsigned long long)*p);
	galley_article_set_extra(a, GALLEY_SHARD_SEQ_KEY, v);
}

static const char *article_label(const galley_article *a, galley_buf *b)
{
	galley_buf_reset(b);
	if (!a)
		return "";
	galley_buf_puts(b, galley_article_where(a));
	const char *title = galley_article_get(a, GALLEY_FIELD_TITLE);
	if (title) {
		galley_buf_puts(b, " (\"");
		size_t n = strlen(title);
		if (n > 60) {
			size_t cut = 57;
			while (cut > 0 && ((unsigned char)title[cut] & 0xC0) == 0x80)
				cut--;
			galley_buf_append(b, title, cut);
			galley_buf_puts(b, "...");
		} else {
			galley_buf_puts(b, title);
		}
		galley_buf_puts(b, "\")");
	}
	return b->data;
}

static void progress_tick(runner *r)
{
	galley_progress_counts c = {
		.read = __atomic_load_n(&r->stats.read, __ATOMIC_RELAXED),
		.written = __atomic_load_n(&r->stats.written, __ATOMIC_RELAXED),
		.failed = __atomic_load_n(&r->stats.failed, __ATOMIC_RELAXED),
	};
	galley_progress_tick(r->progress, &c);
}

/* A drop's reason code: its message up to the first ':', each run of digits as 'N' ("too
 * short: 12 words" and "too short: 7 words" count as one reason, "too short"). */
static void drop_reason_code(const char *msg, char *buf, size_t len)
{
	size_t o = 0;
	bool in_digits = false;
	for (const char *p = msg; *p && *p != ':' && o + 1 < len; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!in_digits)
				buf[o++] = 'N';
			in_digits = true;
			continue;
		}
		in_digits = false;
		buf[o++] = *p;
	}
	while (o && buf[o - 1] == ' ')
		o--;
	buf[o] = '\0';
	if (!o)
		snprintf(buf, len, "dropped");
}

static void report(runner *r, const galley_article *a, galley_stage *s, int status, const galley_error *err)
{
	if (status == GALLEY_DROP) {
		char code[DROP_CODE_MAX];
		drop_reason_code(err->message, code, sizeof code);
		if (s)
			galley_stage_count(s, code, 1);
		galley_report_article(r->report, "dropped", a, s ? galley_stage_name(s) : NULL, code, err->message);
		if (!r->opts->verbose)
			return;
	} else {
		galley_report_article(r->report, "failed", a, s ? galley_stage_name(s) : "galley", NULL,
		                      err->message[0] ? err->message : galley_status_name(status));
	}
	if (r->opts->quiet && status == GALLEY_DROP)
		return;
	galley_buf lb = {0};
	pthread_mutex_lock(&r->report_lock);
	galley_progress_clear(r->progress);
	const char *label = article_label(a, &lb);
	const char *what = status == GALLEY_DROP ? "dropped" : status == GALLEY_ERR_FATAL ? "fatal" : "error";
	fprintf(stderr, "galley: %s: %s%s%s: %s\n", what, *label ? label : "", *label ? ": " : "",
	        s ? galley_stage_name(s) : "galley", err->message[0] ? err->message : galley_status_name(status));
	pthread_mutex_unlock(&r->report_lock);
	galley_buf_free(&lb);
}

static void set_fatal(runner *r, galley_stage *s, const galley_article *a, const galley_error *err)
{
	pthread_mutex_lock(&r->lock);
	if (!r->fatal_set) {
		r->fatal_set = true;
		galley_buf lb = {0};
		const char *label = article_label(a, &lb);
		galley_error_set(&r->fatal, GALLEY_ERR_FATAL, "%s%s%s: %s", *label ? label : "", *label ? ": " : "",
		                 s ? galley_stage_name(s) : "galley", err->message);
		galley_buf_free(&lb);
	}
	r->stop = true;
	pthread_cond_broadcast(&r->cv_space);
	pthread_mutex_unlock(&r->lock);
}

/* Run steps [from, to) on a.  Returns the status; *failed is the stage. */
static int run_steps(runner *r, galley_article *a, size_t from, size_t to, galley_stage **failed, galley_error *err)
{
	for (size_t i = from; i < to; i++) {
		step *st = &r->steps[i];
		galley_stage *s = st->stage;
		galley_error_clear(err);
		int rc = GALLEY_OK;
		bool lock = s && !st->parallel && r->opts->jobs > 1;
		if (lock)
			pthread_mutex_lock(&s->lock);
		switch (st->kind) {
		case STEP_PARSE:
			rc = s->plugin->parse(s, s->state, a, err);
			galley_article_drop_raw(a);
			break;
		case STEP_TRANSFORM:
			rc = s->plugin->process(s, s->state, a, err);
			if (rc == GALLEY_OK)
				galley_article_add_stage(a, s->plugin->name, s->plugin->version);
			break;
		case STEP_FINALIZE:
			if (!galley_article_n_stages(a))
				galley_article_add_stage(a, r->reader->plugin->name, r->reader->plugin->version);
			if (galley_article_body(a))
				galley_body_sanitize(galley_article_body(a));
			galley_article_finalize_id(a);
			shard_record_seq(a);
			break;
		case STEP_PREPARE:
			rc = s->plugin->prepare(s, s->state, a, err);
			break;
		}
		if (lock)
			pthread_mutex_unlock(&s->lock);
		if (st->kind == STEP_PARSE && rc == GALLEY_OK && !galley_article_n_stages(a))
			galley_article_add_stage(a, s->plugin->name, s->plugin->version);
		if (rc != GALLEY_OK) {
			if (rc == GALLEY_DROP && st->kind != STEP_TRANSFORM)
				rc = GALLEY_ERR_ARTICLE;
			if (rc != GALLEY_DROP && rc != GALLEY_ERR_FATAL)
				rc = GALLEY_ERR_ARTICLE;
			if (!err->message[0])
				galley_error_set(err, rc, "%s", rc == GALLEY_DROP ? "dropped" : "failed (the plugin gave no reason)");
			*failed = s;
			return rc;
		}
	}
	return GALLEY_OK;
}

/* The ordered, serial end of an article's way: remaining steps, then the writers. */
static void finish_article(runner *r, galley_article *a, int status, galley_stage *failed, galley_error *err)
{
	if (status == GALLEY_OK)
		status = run_steps(r, a, r->n_parallel, r->n_steps, &failed, err);
	if (status == GALLEY_OK) {
		for (size_t w = 0; w < r->n_writers; w++) {
			galley_stage *s = r->writers[w];
			galley_error_clear(err);
			int rc = s->plugin->write(s, s->state, a, err);
			if (rc != GALLEY_OK) {
				status = rc == GALLEY_ERR_FATAL ? GALLEY_ERR_FATAL : GALLEY_ERR_ARTICLE;
				failed = s;
				if (!err->message[0])
					galley_error_set(err, status, "failed (the plugin gave no reason)");
				break;
			}
		}
	}
	switch (status) {
	case GALLEY_OK:
		__atomic_fetch_add(&r->stats.written, 1, __ATOMIC_RELAXED);
		break;
	case GALLEY_DROP:
		r->stats.dropped++;
		report(r, a, failed, status, err);
		break;
	case GALLEY_ERR_FATAL:
		__atomic_fetch_add(&r->stats.failed, 1, __ATOMIC_RELAXED);
		set_fatal(r, failed, a, err);
		break;
	default:
		__atomic_fetch_add(&r->stats.failed, 1, __ATOMIC_RELAXED);
		report(r, a, failed, status, err);
		if (r->opts->fail_fast) {
			galley_error e2;
			galley_error_set(&e2, GALLEY_ERR_FATAL, "%s (stopping: --fail-fast)", err->message);
			set_fatal(r, failed, a, &e2);
		}
	}
	galley_article_free(a);
	if (r->progress)
		progress_tick(r);
}

/* A writer's target for comparing: its output= with the directory resolved (owned), or NULL. */
static char *writer_target(const galley_stage *s)
{
	const char *out = NULL;
	for (size_t i = 0; i < s->n_opts; i++)
		if (!strcmp(s->opts[i].decl->name, "output") && s->opts[i].decl->type == GALLEY_OPT_PATH)
			out = s->opts[i].raw;
	if (!out || !*out)
		return NULL;
	if (!strcmp(out, "-"))
		return galley_strdup("-");
	const char *slash = strrchr(out, '/');
	galley_buf dir = {0};
	if (slash)
		galley_buf_append(&dir, out, (size_t)(slash - out) + (slash == out));
	else
		galley_buf_puts(&dir, ".");
	char *real = realpath(dir.data, NULL);
	galley_buf t = {0};
	galley_buf_printf(&t, "%s/%s", real ? real : dir.data, slash ? slash + 1 : out);
	free(real);
	galley_buf_free(&dir);
	return galley_buf_steal(&t);
}

/* Two writers given the same output= would overwrite each other: refused before anything runs
 * (writers by convention name their file output=). */
static int check_output_paths(runner *r, galley_error *err)
{
	int rc = GALLEY_OK;
	char **t = galley_calloc(r->n_writers + 1, sizeof *t);
	for (size_t i = 0; i < r->n_writers; i++)
		t[i] = writer_target(r->writers[i]);
	for (size_t i = 0; i < r->n_writers && rc == GALLEY_OK; i++)
		for (size_t j = i + 1; j < r->n_writers && rc == GALLEY_OK; j++)
			if (t[i] && t[j] && !strcmp(t[i], t[j]))
				rc = galley_error_set(err, GALLEY_ERR_FATAL,
				                      "%s: %s writes the same output as %s (%s): %s; give each writer its own output=",
				                      r->writers[j]->origin, galley_stage_name(r->writers[j]), galley_stage_name(r->writers[i]),
				                      r->writers[i]->origin,
				                      strcmp(t[i], "-") ? galley_stage_opt_string(r->writers[i], "output") : "standard output");
	for (size_t i = 0; i < r->n_writers; i++)
		free(t[i]);
	free(t);
	return rc;
}

/* --resume: does every writer's existing output hold this input? */
static bool already_written(const runner *r, const galley_article *a)
{
	const galley_source_location *l = galley_article_location(a);
	uint64_t k = galley_resume_key(l->file, l->member, l->offset, l->index);
	for (size_t w = 0; w < r->n_writers; w++)
		if (!galley_resume_set_has(r->writers[w]->resume, k))
			return false;
	return true;
}

/* --resume needs every writer to resume; checked once all are open, before anything is read. */
static int check_resume(runner *r, galley_error *err)
{
	r->resume = true;
	for (size_t w = 0; w < r->n_writers; w++) {
		galley_stage *s = r->writers[w];
		if (!s->resume_accepted)
			return galley_error_set(err, GALLEY_ERR_FATAL,
			                        "%s: %s cannot resume its output (docs/running.md says which writers can); "
			                        "run without --resume, or write it in a separate run from the resumed JSON Lines",
			                        s->origin, galley_stage_name(s));
		if (!s->resume)
			r->resume = false;
	}
	return GALLEY_OK;
}

/* Read the next article.  Returns OK with *out, ERR_ARTICLE when an input failed (*out, nullable,
 * for context, and rerr: it goes the ordered way so that failures are reported in input order),
 * END, or FATAL (r->stop set). */
static int next_article(runner *r, galley_article **out, galley_error *rerr)
{
	for (;;) {
		if (stop_requested) {
			/* a clean stop: read nothing more, finish the articles in flight, commit */
			r->interrupted = true;
			return GALLEY_END;
		}
		galley_article *a = NULL;
		galley_error err = {0};
		galley_stage *s = r->reader;
		int rc = s->plugin->read(s, s->state, &a, &err);
		if ((rc == GALLEY_OK || rc == GALLEY_ERR_ARTICLE) && shard_other(r, a)) {
			galley_article_free(a);
			continue;
		}
		if (rc == GALLEY_OK && a && r->resume && already_written(r, a)) {
			galley_article_free(a);
			r->resumed++;
			continue;
		}
		if (rc == GALLEY_OK && a) {
			__atomic_fetch_add(&r->stats.read, 1, __ATOMIC_RELAXED);
			*out = a;
			return GALLEY_OK;
		}
		if (rc == GALLEY_END) {
			galley_article_free(a);
			return GALLEY_END;
		}
		if (rc == GALLEY_OK)
			galley_error_set(&err, GALLEY_ERR_FATAL, "read returned no article");
		if (rc == GALLEY_ERR_FATAL || rc == GALLEY_OK) {
			set_fatal(r, s, a, &err);
			galley_article_free(a);
			return GALLEY_ERR_FATAL;
		}
		/* one input failed: it is reported in its place, and the run goes on */
		__atomic_fetch_add(&r->stats.read, 1, __ATOMIC_RELAXED);
		if (!err.message[0])
			galley_error_set(&err, GALLEY_ERR_ARTICLE, "could not read an article (the plugin gave no reason)");
		*rerr = err;
		*out = a;
		return GALLEY_ERR_ARTICLE;
	}
}

static void run_serial(runner *r)
{
	while (!r->stop) {
		galley_article *a = NULL;
		galley_error err = {0};
		int rc = next_article(r, &a, &err);
		if (rc == GALLEY_ERR_ARTICLE) {
			finish_article(r, a, rc, r->reader, &err);
			continue;
		}
		if (rc != GALLEY_OK)
			break;
		galley_stage *failed = NULL;
		int status = run_steps(r, a, 0, r->n_parallel, &failed, &err);
		finish_article(r, a, status, failed, &err);
	}
}

/* Parallel runs.  Every thread is a worker that reads the next article (one thread at a time,
 * under read_lock, so articles are numbered in input order), runs the parallel steps, and
 * leaves the article in the reorder ring.  Whoever finds the article at the head of the ring
 * done while nobody is writing becomes the writer: it runs the serial steps and the writers
 * for every consecutive finished article, in order.  Reading in the thread that then parses
 * keeps the bytes in that core's cache, and no thread exists only to hand articles on. */
static void drain_locked(runner *r)
{
	while (!r->writing && !r->stop) {
		slot *sl = &r->ring[r->head % r->k];
		if (sl->state != SLOT_DONE)
			break;
		r->writing = true;
		pthread_mutex_unlock(&r->lock);
		finish_article(r, sl->a, sl->status, sl->failed, &sl->err);
		pthread_mutex_lock(&r->lock);
		sl->a = NULL;
		sl->state = SLOT_EMPTY;
		r->head++;
		r->writing = false;
		pthread_cond_broadcast(&r->cv_space);
	}
}

static void *worker_main(void *arg)
{
	runner *r = arg;
	for (;;) {
		pthread_mutex_lock(&r->read_lock);
		pthread_mutex_lock(&r->lock);
		while (!r->stop && !r->reader_done && r->next_seq - r->head >= r->k)
			pthread_cond_wait(&r->cv_space, &r->lock);
		bool done = r->stop || r->reader_done;
		pthread_mutex_unlock(&r->lock);
		if (done) {
			pthread_mutex_unlock(&r->read_lock);
			break;
		}
		galley_article *a = NULL;
		galley_error err = {0};
		int rc = next_article(r, &a, &err);
		bool got = rc == GALLEY_OK || rc == GALLEY_ERR_ARTICLE;
		pthread_mutex_lock(&r->lock);
		size_t seq = r->next_seq;
		if (got)
			r->next_seq++;
		else
			r->reader_done = true;
		pthread_cond_broadcast(&r->cv_space);
		pthread_mutex_unlock(&r->lock);
		pthread_mutex_unlock(&r->read_lock);
		if (!got)
			break;

		galley_stage *failed = r->reader;
		int status = rc;
		if (rc == GALLEY_OK) {
			failed = NULL;
			status = run_steps(r, a, 0, r->n_parallel, &failed, &err);
		}

		pthread_mutex_lock(&r->lock);
		slot *sl = &r->ring[seq % r->k];
		sl->a = a;
		sl->status = status;
		sl->failed = failed;
		sl->err = err;
		sl->state = SLOT_DONE;
		drain_locked(r);
		pthread_mutex_unlock(&r->lock);
	}
	/* whatever finished while this thread was away is written by the last one out */
	pthread_mutex_lock(&r->lock);
	drain_locked(r);
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

static void run_parallel(runner *r, int jobs)
{
	r->k = (size_t)jobs * 4;
	if (r->k < 8)
		r->k = 8;
	r->ring = galley_calloc(r->k, sizeof *r->ring);
	pthread_t *threads = galley_calloc((size_t)jobs, sizeof *threads);
	int started = 0;
	/* the calling thread is one of the workers */
	for (int i = 1; i < jobs; i++) {
		if (pthread_create(&threads[i], NULL, worker_main, r) != 0)
			break;
		started++;
	}
	worker_main(r);
	for (int i = 1; i <= started; i++)
		pthread_join(threads[i], NULL);
	/* after a stop, articles may be left in the ring */
	for (size_t i = 0; i < r->k; i++)
		galley_article_free(r->ring[i].a);
	free(r->ring);
	free(threads);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_step(runner *r, step_kind kind, galley_stage *s)
{
	r->steps = galley_realloc(r->steps, (r->n_steps + 1) * sizeof *r->steps);
	bool par = s ? (s->plugin->flags & GALLEY_PLUGIN_PARALLEL_SAFE) != 0 : true;
	r->steps[r->n_steps++] = (step){kind, s, par};
}

static void print_counters(runner *r)
{
	for (size_t i = 0; i < r->n_stages; i++) {
		galley_stage *s = r->stages[i];
		for (size_t j = 0; j < s->n_counters; j++)
			fprintf(stderr, "galley:   %s: %s: %zu\n", galley_stage_name(s), s->counters[j].reason, s->counters[j].n);
	}
}

/* An input the collection layer skipped: counted by reason, listed with -v, in the report. */
static void on_skip(void *ctx, const char *file, const char *member, int64_t offset, const char *reason)
{
	runner *r = ctx;
	pthread_mutex_lock(&r->report_lock);
	r->skipped++;
	size_t i = 0;
	while (i < r->n_skips && strcmp(r->skips[i].reason, reason))
		i++;
	if (i == r->n_skips) {
		r->skips = galley_realloc(r->skips, (r->n_skips + 1) * sizeof *r->skips);
		r->skips[r->n_skips++] = (stage_counter){galley_strdup(reason), 0};
	}
	r->skips[i].n++;
	if (r->opts->verbose && !r->opts->quiet) {
		galley_progress_clear(r->progress);
		fprintf(stderr, "galley: skipped: %s%s%s: %s\n", file ? file : "", member ? "!" : "", member ? member : "", reason);
	}
	pthread_mutex_unlock(&r->report_lock);
	galley_report_skip(r->report, file, member, offset, reason);
}

/* A run that read no article at all is an error that says why (a shard whose articles all went
 * to the other shards read its input, and is no error). */
static int nothing_read(runner *r, galley_error *err)
{
	galley_buf b = {0};
	if (r->skipped) {
		galley_buf_printf(&b, "no article was read: %zu input%s skipped (", r->skipped, r->skipped == 1 ? "" : "s");
		for (size_t i = 0; i < r->n_skips; i++)
			galley_buf_printf(&b, "%s%s: %zu", i ? "; " : "", r->skips[i].reason, r->skips[i].n);
		galley_buf_puts(&b, "); give the reader's extensions= option or name the files, or check input= "
		                    "(-v lists the files skipped)");
	} else {
		galley_buf_puts(&b, "no article was read: the input holds nothing the reader takes; check input=");
	}
	galley_error e = {0};
	galley_error_set(&e, GALLEY_ERR_ARTICLE, "%s", b.data);
	if (err)
		*err = e;
	galley_progress_clear(r->progress);
	fprintf(stderr, "galley: error: %s\n", b.data);
	galley_report_article(r->report, "failed", NULL, NULL, "no article", b.data);
	galley_buf_free(&b);
	return GALLEY_ERR_ARTICLE;
}

/* The outputs written, "a.jsonl, b.epub", or the first and last of many. */
static void print_outputs(FILE *f, const runner *r)
{
	enum { LIST_ALL_UP_TO = 4 };
	if (r->n_committed <= LIST_ALL_UP_TO) {
		for (size_t i = 0; i < r->n_committed; i++)
			fprintf(f, "%s%s", i ? ", " : "", r->committed[i]);
	} else {
		fprintf(f, "%s ... %s (%zu files)", r->committed[0], r->committed[r->n_committed - 1], r->n_committed);
	}
}

static void print_summary(runner *r, int result)
{
	if (!r->opts->quiet) {
		fprintf(stderr, "galley: %zu read, %zu written, %zu dropped, %zu failed in %.2f s\n", r->stats.read,
		        r->stats.written, r->stats.dropped, r->stats.failed, r->stats.seconds);
		if (r->opts->shard_count)
			fprintf(stderr, "galley:   shard %u of %u (from 0): %zu articles left to the other shards\n",
			        r->opts->shard_index, r->opts->shard_count, r->other_shards);
		print_counters(r);
		if (r->resumed)
			fprintf(stderr, "galley:   resumed: %zu input%s already in the output%s skipped\n", r->resumed,
			        r->resumed == 1 ? "" : "s", r->n_writers == 1 ? "" : "s");
		if (result != GALLEY_ERR_FATAL && r->n_committed) {
			fputs("galley: wrote ", stderr);
			print_outputs(stderr, r);
			fputc('\n', stderr);
		}
	}
	if (r->interrupted && result != GALLEY_ERR_FATAL) {
		fprintf(stderr, "galley: interrupted: stopped reading early; kept the %zu article%s written so far", r->stats.written,
		        r->stats.written == 1 ? "" : "s");
		if (r->n_committed) {
			fputs(" in ", stderr);
			print_outputs(stderr, r);
		}
		fputs(" (--resume adds the rest to JSON Lines outputs)\n", stderr);
	}
}

static void finish_report(runner *r, int result, const galley_error *err)
{
	if (!r->report)
		return;
	const char *status = result == GALLEY_ERR_FATAL ? "stopped"
	                     : r->interrupted          ? "interrupted"
	                     : result == GALLEY_OK     ? "ok"
	                                               : "failures";
	galley_report_summary sum = {
		.status = status,
		.stats = &r->stats,
		.skipped = r->skipped,
		.outputs = result == GALLEY_ERR_FATAL ? NULL : r->committed,
		.n_outputs = result == GALLEY_ERR_FATAL ? 0 : r->n_committed,
		.message = result == GALLEY_ERR_FATAL && err ? err->message : NULL,
	};
	galley_error e = {0};
	if (galley_report_finish(r->report, &sum, &e) != GALLEY_OK)
		fprintf(stderr, "galley: error: --report: %s\n", e.message);
	galley_report_free(r->report);
	r->report = NULL;
}

/* Every writer finishes into its temporaries, then every output is renamed (two-phase commit):
 * when one writer fails, no existing file has been replaced by another. */
static int finish_writers(runner *r, galley_error *err)
{
	galley_output_group_begin();
	for (size_t w = 0; w < r->n_writers; w++) {
		galley_stage *s = r->writers[w];
		galley_error e = {0};
		if (galley_stage_finish(s, &e) != GALLEY_OK) {
			galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s (outputs discarded, existing files unchanged)",
			                 galley_stage_name(s), e.message[0] ? e.message : "could not finish its output");
			galley_output_group_discard();
			return GALLEY_ERR_FATAL;
		}
	}
	galley_error e = {0};
	if (galley_output_group_commit(&e, &r->committed, &r->n_committed) != GALLEY_OK) {
		galley_error_set(err, GALLEY_ERR_FATAL, "%s", e.message);
		return GALLEY_ERR_FATAL;
	}
	return GALLEY_OK;
}

int galley_pipeline_run(galley_pipeline *p, const galley_run_options *opts_in, galley_run_stats *stats,
                        galley_error *err)
{
	galley_run_options opts = opts_in ? *opts_in : (galley_run_options){0};
	if (opts.jobs <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		opts.jobs = n > 0 ? (int)n : 1;
	}
	runner r = {.p = p, .opts = &opts};
	r.n_stages = galley_pipeline_n_stages(p);
	r.stages = galley_calloc(r.n_stages, sizeof *r.stages);
	for (size_t i = 0; i < r.n_stages; i++) {
		r.stages[i] = galley_pipeline_stage(p, i);
		r.stages[i]->verbose = opts.verbose;
	}
	r.reader = r.stages[0];
	r.writers = galley_calloc(r.n_stages, sizeof *r.writers);
	if (r.reader->plugin->parse)
		add_step(&r, STEP_PARSE, r.reader);
	for (size_t i = 1; i < r.n_stages; i++)
		if (r.stages[i]->plugin->kind == GALLEY_KIND_TRANSFORM)
			add_step(&r, STEP_TRANSFORM, r.stages[i]);
	add_step(&r, STEP_FINALIZE, NULL);
	for (size_t i = 1; i < r.n_stages; i++) {
		galley_stage *s = r.stages[i];
		if (s->plugin->kind != GALLEY_KIND_WRITER)
			continue;
		r.writers[r.n_writers++] = s;
		if (s->plugin->prepare)
			add_step(&r, STEP_PREPARE, s);
	}
	while (r.n_parallel < r.n_steps && r.steps[r.n_parallel].parallel)
		r.n_parallel++;
	pthread_mutex_init(&r.lock, NULL);
	pthread_mutex_init(&r.read_lock, NULL);
	pthread_mutex_init(&r.report_lock, NULL);
	pthread_cond_init(&r.cv_space, NULL);

	double t0 = now_seconds();
	int result = GALLEY_OK;
	r.progress = galley_progress_new(opts.progress);
	galley_input_progress_enable(r.progress != NULL);
	if (opts.report_path) {
		galley_error e = {0};
		r.report = galley_report_open(opts.report_path, &e);
		if (!r.report) {
			galley_error_set(err, GALLEY_ERR_FATAL, "--report: %s", e.message);
			result = GALLEY_ERR_FATAL;
		}
	}
	galley_collection_set_skip_hook(on_skip, &r);
	/* open every stage, in order */
	for (size_t i = 0; i < r.n_stages; i++)
		r.stages[i]->resuming = (opts.flags & GALLEY_RUN_RESUME) && r.stages[i]->plugin->kind == GALLEY_KIND_WRITER;
	if (result == GALLEY_OK)
		result = check_output_paths(&r, err);
	for (size_t i = 0; i < r.n_stages && result == GALLEY_OK; i++) {
		galley_error e = {0};
		if (galley_stage_call_open(r.stages[i], &e) != GALLEY_OK) {
			galley_error_set(err, GALLEY_ERR_FATAL, "%s: %s: %s", r.stages[i]->origin, galley_stage_name(r.stages[i]),
			                 e.message);
			result = GALLEY_ERR_FATAL;
			break;
		}
	}
	if (result == GALLEY_OK && (opts.flags & GALLEY_RUN_RESUME))
		result = check_resume(&r, err);
	if (result == GALLEY_OK) {
		if (opts.jobs == 1 || r.n_parallel == 0)
			run_serial(&r);
		else
			run_parallel(&r, opts.jobs);
		if (r.stop) {
			result = GALLEY_ERR_FATAL;
			if (err)
				*err = r.fatal;
		} else {
			result = finish_writers(&r, err);
			if (result == GALLEY_OK && r.stats.failed)
				result = GALLEY_ERR_ARTICLE;
			if (result != GALLEY_ERR_FATAL && !r.stats.read && !r.interrupted && !r.resumed && !r.other_shards)
				result = nothing_read(&r, err);
		}
	}
	/* close in reverse: writers discard anything not committed */
	for (size_t i = r.n_stages; i-- > 0;)
		galley_stage_call_close(r.stages[i]);
	galley_collection_set_skip_hook(NULL, NULL);
	galley_progress_free(r.progress);
	r.progress = NULL;
	galley_input_progress_enable(false);
	r.stats.seconds = now_seconds() - t0;
	finish_report(&r, result, err);
	print_summary(&r, result);
	if (stats)
		*stats = r.stats;
	pthread_mutex_destroy(&r.lock);
	pthread_mutex_destroy(&r.read_lock);
	pthread_mutex_destroy(&r.report_lock);
	pthread_cond_destroy(&r.cv_space);
	free(r.steps);
	free(r.stages);
	free(r.writers);
	galley_strv_free(r.committed);
	stop_requested = 0;
	for (size_t i = 0; i < r.n_skips; i++)
		free(r.skips[i].reason);
	free(r.skips);
	return result;
}
