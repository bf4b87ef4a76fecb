/* The machine-readable report of a run (--report FILE): JSON Lines, one record per input that
 * failed, was dropped or was skipped, in the order the run met them, then one summary record.
 * The schema is in docs/running.md. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct galley_report {
	galley_output *out;
	pthread_mutex_t lock;
	size_t skipped;
};

static void json_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

galley_report *galley_report_open(const char *path, galley_error *err)
{
	galley_output *o = galley_output_open(path, err);
	if (!o)
		return NULL;
	galley_report *r = galley_calloc(1, sizeof *r);
	r->out = o;
	pthread_mutex_init(&r->lock, NULL);
	return r;
}

static void source_fields(FILE *f, const char *file, const char *member, int64_t offset, int64_t index)
{
	fputs("\"file\":", f);
	json_string(f, file);
	fputs(",\"member\":", f);
	json_string(f, member);
	if (offset >= 0)
		fprintf(f, ",\"offset\":%lld", (long long)offset);
	else
		fputs(",\"offset\":null", f);
	if (index >= 0)
		fprintf(f, ",\"index\":%lld", (long long)index);
	else
		fputs(",\"index\":null", f);
}

void galley_report_article(galley_report *r, const char *type, const galley_article *a, const char *stage,
                           const char *reason, const char *message)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->lock);
	FILE *f = galley_output_file(r->out);
	fputs("{\"type\":", f);
	json_string(f, type);
	fputs(",", f);
	const galley_source_location *l = a ? galley_article_location(a) : NULL;
	source_fields(f, l ? l->file : NULL, l ? l->member : NULL, l ? l->offset : -1, l ? l->index : -1);
	fputs(",\"title\":", f);
	json_string(f, a ? galley_article_get(a, GALLEY_FIELD_TITLE) : NULL);
	fputs(",\"stage\":", f);
	json_string(f, stage);
	fputs(",\"reason\":", f);
	json_string(f, reason);
	fputs(",\"message\":", f);
	json_string(f, message);
	fputs("}\n", f);
	pthread_mutex_unlock(&r->lock);
}

void galley_report_skip(galley_report *r, const char *file, const char *member, int64_t offset, const char *reason)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->lock);
	FILE *f = galley_output_file(r->out);
	fputs("{\"type\":\"skipped\",", f);
	source_fields(f, file, member, offset, -1);
	fputs(",\"title\":null,\"stage\":null,\"reason\":", f);
	json_string(f, reason);
	fputs(",\"message\":null}\n", f);
	r->skipped++;
	pthread_mutex_unlock(&r->lock);
}

int galley_report_finish(galley_report *r, const galley_report_summary *s, galley_error *err)
{
	if (!r)
		return GALLEY_OK;
	FILE *f = galley_output_file(r->out);
	fprintf(f,
	        "{\"type\":\"summary\",\"status\":\"%s\",\"read\":%zu,\"written\":%zu,\"dropped\":%zu,\"failed\":%zu,"
	        "\"skipped\":%zu,\"seconds\":%.3f,\"outputs\":[",
	        s->status, s->stats->read, s->stats->written, s->stats->dropped, s->stats->failed, s->skipped,
	        s->stats->seconds);
	for (size_t i = 0; i < s->n_outputs; i++) {
		if (i)
			fputc(',', f);
		json_string(f, s->outputs[i]);
	}
	fputs("],\"message\":", f);
	json_string(f, s->message && *s->message ? s->message : NULL);
	fputs("}\n", f);
	int rc = galley_output_commit(r->out, err);
	r->out = NULL;
	return rc;
}

void galley_report_free(galley_report *r)
{
	if (!r)
		return;
	galley_output_abort(r->out);
	pthread_mutex_destroy(&r->lock);
	free(r);
}
