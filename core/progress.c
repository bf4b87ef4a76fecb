/* Progress of a run on standard error: a line redrawn in place on a terminal, or a periodic
 * line (-v) when standard error is a file or a pipe.  Costs nothing when off: the runner does
 * not call it. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* at most this many redraws a second on a terminal */
#define PROGRESS_TTY_INTERVAL 0.25
/* one line every this many seconds when not a terminal */
#define PROGRESS_LINE_INTERVAL 10.0

/* Input bytes the collection layer has consumed, and the total when every input's size is known
 * (collection.c adds to these only while galley_input_progress_enable is on). */
static _Atomic uint64_t input_done, input_total;
static _Atomic bool input_total_unknown, input_counting;

void galley_input_progress_enable(bool on)
{
	atomic_store(&input_counting, on);
	atomic_store(&input_done, 0);
	atomic_store(&input_total, 0);
	atomic_store(&input_total_unknown, false);
}

bool galley_input_progress_on(void)
{
	return atomic_load_explicit(&input_counting, memory_order_relaxed);
}

void galley_input_progress_add_total(uint64_t bytes, bool known)
{
	atomic_fetch_add(&input_total, bytes);
	if (!known)
		atomic_store(&input_total_unknown, true);
}

void galley_input_progress_set_done(uint64_t bytes)
{
	atomic_store_explicit(&input_done, bytes, memory_order_relaxed);
}

struct galley_progress {
	galley_progress_mode mode;
	double start, last;
	bool drawn; /* a line is on the terminal (tty mode) */
	pthread_mutex_t lock;
};

static double monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

galley_progress *galley_progress_new(galley_progress_mode mode)
{
	if (mode == GALLEY_PROGRESS_NONE)
		return NULL;
	galley_progress *p = galley_calloc(1, sizeof *p);
	p->mode = mode;
	p->start = monotonic_seconds();
	p->last = -1e9;
	pthread_mutex_init(&p->lock, NULL);
	return p;
}

static void format_duration(char *buf, size_t len, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, len, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, len, "%ld:%02ld", t / 60, t % 60);
}

/* "812 B", "31.4 kB", "1834.2 MB", "9.1 GB" */
static void format_bytes(char *buf, size_t len, uint64_t b)
{
	static const char *const units[] = {"kB", "MB", "GB", "TB"};
	if (b < 1000) {
		snprintf(buf, len, "%llu B", (unsigned long long)b);
		return;
	}
	double v = (double)b / 1000;
	size_t u = 0;
	while (v >= 10000 && u + 1 < sizeof units / sizeof *units) {
		v /= 1000;
		u++;
	}
	snprintf(buf, len, "%.1f %s", v, units[u]);
}

static void draw(galley_progress *p, const galley_progress_counts *c, double now)
{
	double elapsed = now - p->start;
	double rate = elapsed > 0 ? (double)c->written / elapsed : 0;
	uint64_t done = atomic_load(&input_done), total = atomic_load(&input_total);
	bool known = total > 0 && !atomic_load(&input_total_unknown);
	char line[256];
	int n = snprintf(line, sizeof line, "galley: %zu read, %zu written, %zu failed | %.1f articles/s", c->read,
	                 c->written, c->failed, rate);
	if (done && n > 0 && (size_t)n < sizeof line) {
		if (known) {
			if (done > total)
				done = total;
			char eta[32] = "";
			if (done > 0 && elapsed > 0)
				format_duration(eta, sizeof eta, elapsed * (double)(total - done) / (double)done);
			char d[32], t[32];
			format_bytes(d, sizeof d, done);
			format_bytes(t, sizeof t, total);
			n += snprintf(line + n, sizeof line - (size_t)n, " | %s of %s (%.0f%%) | ETA %s", d, t,
			              100.0 * (double)done / (double)total, eta);
		} else {
			char d[32];
			format_bytes(d, sizeof d, done);
			n += snprintf(line + n, sizeof line - (size_t)n, " | %s", d);
		}
	}
	if (p->mode == GALLEY_PROGRESS_TTY) {
		/* carriage return, the line, clear to its end: redrawn in place */
		fprintf(stderr, "\r%s\033[K", line);
		p->drawn = true;
	} else {
		fprintf(stderr, "%s\n", line);
	}
	fflush(stderr);
}

void galley_progress_tick(galley_progress *p, const galley_progress_counts *c)
{
	double now = monotonic_seconds();
	double interval = p->mode == GALLEY_PROGRESS_TTY ? PROGRESS_TTY_INTERVAL : PROGRESS_LINE_INTERVAL;
	if (now - p->last < interval)
		return;
	if (pthread_mutex_trylock(&p->lock) != 0)
		return;
	if (now - p->last >= interval) {
		p->last = now;
		draw(p, c, now);
	}
	pthread_mutex_unlock(&p->lock);
}

void galley_progress_clear(galley_progress *p)
{
	if (!p || p->mode != GALLEY_PROGRESS_TTY)
		return;
	pthread_mutex_lock(&p->lock);
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		p->drawn = false;
		/* the next tick draws again at once */
		p->last = -1e9;
	}
	pthread_mutex_unlock(&p->lock);
}

void galley_progress_free(galley_progress *p)
{
	if (!p)
		return;
	galley_progress_clear(p);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
