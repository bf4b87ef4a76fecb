/* read-json's merge of a sharded run's outputs (docs/scaling.md): several JSON Lines files, each
 * written by `galley run --shard I/N ... ! write-json`, read together and handed on in the order
 * of the unsharded run — ascending extra GALLEY_SHARD_SEQ_KEY — one line per file in memory. */
#ifndef READ_JSON_MERGE_H
#define READ_JSON_MERGE_H

#include <galley/galley.h>

typedef struct rj_merge rj_merge;

/* When spec (a file, directory, glob, or a comma list of them) names only plain JSON Lines
 * files and the first record of every one that has records carries GALLEY_SHARD_SEQ_KEY, the
 * merge over them (owned, rj_merge_free); otherwise NULL, and read-json reads spec as usual. */
rj_merge *rj_merge_open(const char *spec, size_t max_record);
/* The next record in merged order: GALLEY_OK with *data (owned, free(); NUL-terminated), *len,
 * *file (borrowed until the next call), *line (where the record starts) and *index (records
 * before it in its file); GALLEY_END; or GALLEY_ERR_ARTICLE (this record is unusable: err says
 * why, *file and *line say where; call again to go on). */
int rj_merge_next(rj_merge *m, char **data, size_t *len, const char **file, unsigned long long *line,
                  int64_t *index, galley_error *err);
void rj_merge_free(rj_merge *m); /* NULL is fine */

#endif
