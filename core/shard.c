/* Sharding: which of N shards an article belongs to, from its input identity (its source
 * location), so that N runs with --shard 0/N .. N-1/N together process every article exactly
 * once.  The contract is in docs/scaling.md; the hash must never change, or shards computed by
 * two versions of galley would overlap. */
#include "internal.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* MurmurHash3's 64-bit finaliser: FNV-1a's low bits depend on few input bits, and the shard is
 * taken modulo N, so every bit is mixed into every other first. */
static uint64_t shard_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint32_t galley_shard_of(const galley_article *a, uint32_t count)
{
	if (count <= 1)
		return 0;
	const galley_source_location *loc = galley_article_location(a);
	const char *file = loc && loc->file ? loc->file : "";
	while (file[0] == '.' && file[1] == '/')
		file += 2;
	const char *member = loc && loc->member ? loc->member : "";
	char nums[48];
	int n = snprintf(nums, sizeof nums, "%" PRId64 "%c%" PRId64, loc ? loc->offset : -1, '\0',
	                 loc ? loc->index : -1);
	uint64_t h = galley_hash64(file, strlen(file) + 1, GALLEY_HASH_SEED);
	h = galley_hash64(member, strlen(member) + 1, h);
	h = galley_hash64(nums, (size_t)n, h);
	return (uint32_t)(shard_mix(h) % count);
}

int galley_shard_parse(const char *text, uint32_t *index, uint32_t *count, galley_error *err)
{
	const char *slash = text ? strchr(text, '/') : NULL;
	if (!slash || slash == text || !slash[1])
		return galley_error_set(err, GALLEY_ERR_FATAL, "--shard wants I/N (shard I of N, from 0), e.g. --shard 0/4; got '%s'",
		                        text ? text : "");
	char *end = NULL;
	errno = 0;
	unsigned long long i = strtoull(text, &end, 10);
	bool bad = errno || end != slash || text[0] == '-' || text[0] == '+';
	errno = 0;
	unsigned long long n = bad ? 0 : strtoull(slash + 1, &end, 10);
	bad = bad || errno || *end || slash[1] == '-' || slash[1] == '+';
	if (bad || n < 1 || n > GALLEY_SHARD_MAX || i >= n)
		return galley_error_set(err, GALLEY_ERR_FATAL,
		                        "--shard '%s': wants I/N with 1 <= N <= %u and 0 <= I < N (shards count from 0)", text,
		                        GALLEY_SHARD_MAX);
	*index = (uint32_t)i;
	*count = (uint32_t)n;
	return GALLEY_OK;
}
