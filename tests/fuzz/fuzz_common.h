/* Shared by the fuzz targets: a registry of this build's plugins and a way to hand bytes to a
 * reader as a file without touching the disk. */
#ifndef GALLEY_FUZZ_COMMON_H
#define GALLEY_FUZZ_COMMON_H
#include <galley/galley.h>
#include <galley/pipeline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static inline galley_registry *fuzz_registry(void)
{
	static galley_registry *r;
	if (!r) {
		r = galley_registry_new();
		galley_registry_scan(r);
	}
	return r;
}

/* Run `chain_tail` (stages after the reader) with the reader `reader` over data, all in
 * memory: the bytes go into a memfd named by its /proc path. */
static inline void fuzz_run(const char *reader, const char *reader_opts, const char *chain_tail, const uint8_t *data,
                     size_t size)
{
	int fd = memfd_create("fuzz-input", 0);
	if (fd < 0)
		abort();
	if (size && write(fd, data, size) != (ssize_t)size)
		abort();
	char chain[1024];
	snprintf(chain, sizeof chain, "%s input=/proc/self/fd/%d %s %s", reader, fd, reader_opts, chain_tail);
	galley_error err = {0};
	galley_pipeline *p = galley_pipeline_parse(fuzz_registry(), chain, true, "<fuzz>", &err);
	if (!p) {
		fprintf(stderr, "fuzz: %s\n", err.message);
		abort();
	}
	galley_run_options o = {.jobs = 1, .quiet = true};
	galley_pipeline_run(p, &o, NULL, &err);
	galley_pipeline_free(p);
	close(fd);
}
#endif
