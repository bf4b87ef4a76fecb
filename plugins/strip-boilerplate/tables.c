/* strip-boilerplate: hash maps of short strings to small values, and sets of 64-bit hashes. */
#include "sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t sb_hash(const char *s, size_t n)
{
	return galley_hash64(s, n, GALLEY_HASH_SEED);
}

/* The hash of a key form without its spaces: the text of a removed part (spaced at element
 * boundaries) and the same text in the output ("2021PDF") compare equal. */
uint64_t sb_hash_unspaced(const char *s, size_t n)
{
	char tmp[320];
	size_t k = 0;
	for (size_t i = 0; i < n && k < sizeof tmp; i++)
		if (s[i] != ' ')
			tmp[k++] = s[i];
	return galley_hash64(tmp, k, GALLEY_HASH_SEED);
}

void sb_map_put(sb_map *m, const char *key, size_t len, int value)
{
	if (len == 0 || len >= 64)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64;
		sb_entry *ns = galley_calloc(ncap, sizeof *ns);
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i].key)
				continue;
			size_t h = sb_hash(m->slots[i].key, m->slots[i].len) & (ncap - 1);
			while (ns[h].key)
				h = (h + 1) & (ncap - 1);
			ns[h] = m->slots[i];
		}
		free(m->slots);
		m->slots = ns;
		m->cap = ncap;
	}
	size_t h = sb_hash(key, len) & (m->cap - 1);
	while (m->slots[h].key) {
		if (m->slots[h].len == len && !memcmp(m->slots[h].key, key, len))
			return; /* first entry wins */
		h = (h + 1) & (m->cap - 1);
	}
	m->slots[h].key = galley_strndup(key, len);
	m->slots[h].len = len;
	m->slots[h].value = value;
	m->lens[len] = 1;
	m->n++;
}

const sb_entry *sb_map_get(const sb_map *m, const char *key, size_t len)
{
	if (!m->cap || len == 0 || len >= 64 || !m->lens[len])
		return NULL;
	size_t h = sb_hash(key, len) & (m->cap - 1);
	while (m->slots[h].key) {
		if (m->slots[h].len == len && !memcmp(m->slots[h].key, key, len))
			return &m->slots[h];
		h = (h + 1) & (m->cap - 1);
	}
	return NULL;
}

void sb_map_free(sb_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

void sb_set_add(sb_u64set *s, uint64_t h)
{
	if (!h)
		h = 1;
	if ((s->n + 1) * 2 > s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 256;
		uint64_t *nv = galley_calloc(ncap, sizeof *nv);
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->v[i])
				continue;
			size_t j = s->v[i] & (ncap - 1);
			while (nv[j])
				j = (j + 1) & (ncap - 1);
			nv[j] = s->v[i];
		}
		free(s->v);
		s->v = nv;
		s->cap = ncap;
	}
	size_t j = h & (s->cap - 1);
	while (s->v[j]) {
		if (s->v[j] == h)
			return;
		j = (j + 1) & (s->cap - 1);
	}
	s->v[j] = h;
	s->n++;
}

bool sb_set_has(const sb_u64set *s, uint64_t h)
{
	if (!h)
		h = 1;
	if (!s->cap)
		return false;
	size_t j = h & (s->cap - 1);
	while (s->v[j]) {
		if (s->v[j] == h)
			return true;
		j = (j + 1) & (s->cap - 1);
	}
	return false;
}
