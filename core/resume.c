/* --resume: which inputs a writer's existing output already holds.  A writer that can resume
 * names them in open() (galley_stage_resume_add); the runner then skips an input that every
 * writer holds.  Inputs are known by their source location (file, archive member, WARC record
 * offset, index in the file), kept as 64-bit hashes in an open-addressing set. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define RESUME_MIN_SLOTS 1024
#define RESUME_SEED 0x6a09e667f3bcc908ULL

struct resume_set {
	uint64_t *slot; /* 0 = empty (a key that hashes to 0 is stored as 1) */
	size_t cap, n;
};

uint64_t galley_resume_key(const char *file, const char *member, int64_t offset, int64_t index)
{
	uint64_t h = galley_hash64(file ? file : "", file ? strlen(file) + 1 : 1, RESUME_SEED);
	h = galley_hash64(member ? member : "", member ? strlen(member) + 1 : 1, h);
	int64_t nums[2] = {offset, index};
	h = galley_hash64(nums, sizeof nums, h);
	return h ? h : 1;
}

static void set_put(resume_set *s, uint64_t k)
{
	size_t mask = s->cap - 1;
	for (size_t i = (size_t)k & mask;; i = (i + 1) & mask) {
		if (s->slot[i] == k)
			return;
		if (!s->slot[i]) {
			s->slot[i] = k;
			s->n++;
			return;
		}
	}
}

static void set_grow(resume_set *s)
{
	resume_set bigger = {galley_calloc(s->cap ? 2 * s->cap : RESUME_MIN_SLOTS, sizeof *s->slot),
	                     s->cap ? 2 * s->cap : RESUME_MIN_SLOTS, 0};
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i])
			set_put(&bigger, s->slot[i]);
	free(s->slot);
	*s = bigger;
}

bool galley_resume_set_has(const resume_set *s, uint64_t k)
{
	if (!s || !s->n)
		return false;
	size_t mask = s->cap - 1;
	for (size_t i = (size_t)k & mask; s->slot[i]; i = (i + 1) & mask)
		if (s->slot[i] == k)
			return true;
	return false;
}

void galley_resume_set_free(resume_set *s)
{
	if (!s)
		return;
	free(s->slot);
	free(s);
}

bool galley_stage_resuming(const galley_stage *s)
{
	return s && s->resuming;
}

void galley_stage_resume_accept(galley_stage *s)
{
	s->resume_accepted = true;
}

void galley_stage_resume_add(galley_stage *s, const char *file, const char *member, int64_t offset, int64_t index)
{
	s->resume_accepted = true;
	if (!s->resume)
		s->resume = galley_calloc(1, sizeof *s->resume);
	resume_set *set = s->resume;
	if (2 * (set->n + 1) > set->cap)
		set_grow(set);
	set_put(set, galley_resume_key(file, member, offset, index));
}
