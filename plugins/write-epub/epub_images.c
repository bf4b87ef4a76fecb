/* Images for write-epub; see epub_images.h. */
#include "epub_images.h"

#include <archive.h>
#include <archive_entry.h>
#include <galley/archive_io.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define READ_BLOCK 16384
#define MAX_INDEXED 65000 /* a book cannot hold more anyway */
#define MAX_ARCHIVES 8    /* indexes kept; the least recently used goes first (it is rebuilt if needed) */

const char *write_epub_image_type(const unsigned char *d, size_t n, const char **ext)
{
	if (n > 33 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8) && !memcmp(d + 12, "IHDR", 4)) {
		*ext = "png";
		return "image/png";
	}
	if (n > 4 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff && d[n - 2] == 0xff && d[n - 1] == 0xd9) {
		*ext = "jpg";
		return "image/jpeg";
	}
	if (n > 13 && (!memcmp(d, "GIF87a", 6) || !memcmp(d, "GIF89a", 6)) && d[n - 1] == 0x3b) {
		*ext = "gif";
		return "image/gif";
	}
	return NULL;
}

/* Could these first bytes start an image write_epub_image_type accepts? */
static bool image_start(const unsigned char *d, size_t n)
{
	return (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8)) || (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) ||
	       (n >= 6 && (!memcmp(d, "GIF87a", 6) || !memcmp(d, "GIF89a", 6)));
}

void write_epub_image_name(const unsigned char *d, size_t n, const char *ext, char name[WRITE_EPUB_IMAGE_NAME])
{
	uint64_t h1 = galley_hash64(d, n, GALLEY_HASH_SEED), h2 = galley_hash64(d, n, ~GALLEY_HASH_SEED);
	snprintf(name, WRITE_EPUB_IMAGE_NAME, "images/%016" PRIx64 "%08" PRIx32 ".%s", h1, (uint32_t)(h2 >> 32), ext);
}

/* ---- reading members ------------------------------------------------------------------------ */
static struct archive *open_archive(const char *file)
{
	struct archive *a = archive_read_new();
	archive_read_support_filter_all(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_zip(a);
	/* a failure shows as ARCHIVE_FATAL on the first header */
	(void)archive_read_open_filename(a, file, READ_BLOCK);
	return a;
}

/* The next regular file of the archive: true with its header in *e and its name, resolved to a
 * clean relative path, in *member (owned, free(); NULL when the name cannot be resolved); false
 * at the end of the archive, and when it cannot be read on, with *fatal set. */
static bool next_file_member(struct archive *a, struct archive_entry **e, char **member, bool *fatal)
{
	for (;;) {
		char *raw = NULL;
		int r = galley_archive_next_header(a, e, &raw);
		if (r == ARCHIVE_EOF)
			return false;
		if (r == ARCHIVE_FATAL) {
			*fatal = true;
			return false;
		}
		bool file = r == ARCHIVE_OK && archive_entry_filetype(*e) == AE_IFREG;
		*member = file ? galley_path_resolve(NULL, raw) : NULL;
		free(raw);
		if (file)
			return true;
	}
}

/* The current member's bytes when they start like an image and fit in max (owned, *len), or
 * NULL (the rest of the member is skipped).  *fatal is set when the archive cannot go on. */
static unsigned char *read_image_member(struct archive *a, struct archive_entry *e, size_t max, size_t *len,
                                        bool *fatal)
{
	*len = 0;
	if (archive_entry_size_is_set(e) && (archive_entry_size(e) < 8 || (uint64_t)archive_entry_size(e) > max))
		return NULL;
	/* the first bytes alone decide whether the rest is read */
	unsigned char head[8];
	size_t n = 0;
	while (n < sizeof head) {
		la_ssize_t r = archive_read_data(a, head + n, sizeof head - n);
		if (r < 0)
			*fatal = r == ARCHIVE_FATAL;
		if (r <= 0)
			return NULL;
		n += (size_t)r;
	}
	if (!image_start(head, n))
		return NULL; /* the next header skips the rest */
	size_t cap = archive_entry_size_is_set(e) ? (size_t)archive_entry_size(e) + 1 : READ_BLOCK;
	if (cap > max + 1)
		cap = max + 1;
	unsigned char *d = galley_malloc(cap);
	memcpy(d, head, n);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(d);
				return NULL;
			}
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			d = galley_realloc(d, cap);
		}
		la_ssize_t r = archive_read_data(a, d + n, cap - n);
		if (r < 0) {
			*fatal = r == ARCHIVE_FATAL;
			free(d);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		free(d);
		return NULL;
	}
	*len = n;
	return d;
}

/* ---- the index ---------------------------------------------------------------------------- */
typedef struct indexed_image {
	char *member; /* normalised */
	char name[WRITE_EPUB_IMAGE_NAME];
	const char *type;
	size_t len;
} indexed_image;

typedef struct indexed_archive {
	char *file;
	indexed_image *img; /* sorted by member */
	size_t n;
	uint64_t used; /* clock of the last lookup */
} indexed_archive;

/* Collections read archives one after the other, so a few indexes are enough: pages of an
 * archive whose index was dropped get it rebuilt (correct, only slower). */
struct write_epub_archives {
	pthread_mutex_t lock;
	galley_stage *stage;
	size_t max_bytes;
	indexed_archive arc[MAX_ARCHIVES];
	size_t n;
	uint64_t clock;
};

write_epub_archives *write_epub_archives_new(galley_stage *stage, size_t max_bytes)
{
	write_epub_archives *x = galley_calloc(1, sizeof *x);
	pthread_mutex_init(&x->lock, NULL);
	x->stage = stage;
	x->max_bytes = max_bytes;
	return x;
}

static void indexed_archive_free(indexed_archive *ia)
{
	for (size_t k = 0; k < ia->n; k++)
		free(ia->img[k].member);
	free(ia->img);
	free(ia->file);
	memset(ia, 0, sizeof *ia);
}

void write_epub_archives_free(write_epub_archives *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n; i++)
		indexed_archive_free(&x->arc[i]);
	pthread_mutex_destroy(&x->lock);
	free(x);
}

static int cmp_indexed(const void *a, const void *b)
{
	const indexed_image *x = a, *y = b;
	return strcmp(x->member, y->member);
}

static void index_archive(write_epub_archives *x, indexed_archive *ia)
{
	struct archive *a = open_archive(ia->file);
	struct archive_entry *e;
	size_t cap = 0;
	bool fatal = false;
	char *member = NULL;
	while (!fatal && next_file_member(a, &e, &member, &fatal)) {
		if (!member)
			continue;
		size_t len;
		unsigned char *d = read_image_member(a, e, x->max_bytes, &len, &fatal);
		const char *ext = NULL, *type = d ? write_epub_image_type(d, len, &ext) : NULL;
		if (type && ia->n < MAX_INDEXED) {
			if (ia->n == cap) {
				cap = cap ? 2 * cap : 16;
				ia->img = galley_realloc(ia->img, cap * sizeof *ia->img);
			}
			indexed_image *im = &ia->img[ia->n++];
			im->member = member;
			member = NULL;
			im->type = type;
			im->len = len;
			write_epub_image_name(d, len, ext, im->name);
		}
		free(d);
		free(member);
	}
	if (fatal)
		galley_stage_warn(x->stage, "%s: cannot read all of the archive (%s); images after that point become "
		                  "their alt text", ia->file, archive_error_string(a) ? archive_error_string(a) : "the archive is cut short or damaged");
	archive_read_free(a);
	if (ia->n)
		qsort(ia->img, ia->n, sizeof *ia->img, cmp_indexed);
	/* a member stored twice: tar readers take the last copy; so does the lookup (the extraction
	 * matches by content) */
	size_t k = 0;
	for (size_t i = 0; i < ia->n; i++) {
		if (k && !strcmp(ia->img[k - 1].member, ia->img[i].member)) {
			free(ia->img[k - 1].member);
			ia->img[k - 1] = ia->img[i];
		} else {
			ia->img[k++] = ia->img[i];
		}
	}
	ia->n = k;
}

bool write_epub_archives_find(write_epub_archives *x, const char *file, const char *member,
                              char name[WRITE_EPUB_IMAGE_NAME], const char **type, size_t *len)
{
	char *m = galley_path_resolve(NULL, member);
	if (!x || !file || !m) {
		free(m);
		return false;
	}
	pthread_mutex_lock(&x->lock);
	indexed_archive *ia = NULL;
	for (size_t i = 0; i < x->n && !ia; i++)
		if (!strcmp(x->arc[i].file, file))
			ia = &x->arc[i];
	if (!ia) {
		if (x->n < MAX_ARCHIVES) {
			ia = &x->arc[x->n++];
		} else {
			ia = &x->arc[0];
			for (size_t i = 1; i < x->n; i++)
				if (x->arc[i].used < ia->used)
					ia = &x->arc[i];
			indexed_archive_free(ia);
		}
		ia->file = galley_strdup(file);
		index_archive(x, ia);
	}
	ia->used = ++x->clock;
	indexed_image key = {.member = m};
	const indexed_image *hit = ia->n ? bsearch(&key, ia->img, ia->n, sizeof *ia->img, cmp_indexed) : NULL;
	if (hit) {
		memcpy(name, hit->name, WRITE_EPUB_IMAGE_NAME);
		*type = hit->type;
		*len = hit->len;
	}
	pthread_mutex_unlock(&x->lock);
	free(m);
	return hit != NULL;
}

/* ---- extraction ----------------------------------------------------------------------------- */
static int cmp_pending_member(const void *a, const void *b)
{
	const write_epub_pending *const *x = a, *const *y = b;
	return strcmp((*x)->member, (*y)->member);
}

int write_epub_archives_extract(const write_epub_pending *p, size_t n, size_t max_bytes,
                                write_epub_image_sink sink, void *ctx, char *errbuf, size_t errlen)
{
	bool *done = galley_calloc(n ? n : 1, sizeof *done);
	const write_epub_pending **want = galley_calloc(n ? n : 1, sizeof *want);
	int rc = 0;
	for (size_t first = 0; first < n && rc == 0; first++) {
		/* each archive once, in order of its first pending image */
		bool seen = false;
		for (size_t j = 0; j < first && !seen; j++)
			seen = !strcmp(p[j].file, p[first].file);
		if (seen)
			continue;
		size_t nw = 0;
		for (size_t j = first; j < n; j++)
			if (!strcmp(p[j].file, p[first].file))
				want[nw++] = &p[j];
		qsort(want, nw, sizeof *want, cmp_pending_member);
		struct archive *a = open_archive(p[first].file);
		struct archive_entry *e;
		bool fatal = false;
		char *member = NULL;
		while (rc == 0 && !fatal && next_file_member(a, &e, &member, &fatal)) {
			write_epub_pending key = {.member = member};
			const write_epub_pending *kp = &key;
			const write_epub_pending **hit =
			    member ? bsearch(&kp, want, nw, sizeof *want, cmp_pending_member) : NULL;
			free(member);
			if (!hit || done[*hit - p])
				continue;
			size_t len;
			unsigned char *d = read_image_member(a, e, max_bytes, &len, &fatal);
			const char *ext = NULL;
			char name[WRITE_EPUB_IMAGE_NAME];
			if (d && write_epub_image_type(d, len, &ext)) {
				write_epub_image_name(d, len, ext, name);
				/* the same member may be stored twice: the copy that was indexed counts */
				if (!strcmp(name, (*hit)->name)) {
					rc = sink(ctx, name, d, len, errbuf, errlen);
					done[*hit - p] = true;
				}
			}
			free(d);
		}
		archive_read_free(a);
		for (size_t j = 0; j < nw && rc == 0; j++)
			if (!done[want[j] - p]) {
				snprintf(errbuf, errlen,
				         "%s changed while the book was written: member %s is gone or different; run again",
				         p[first].file, want[j]->member);
				rc = -1;
			}
	}
	free(want);
	free(done);
	return rc;
}
