/* Atomic output files: write to a temporary file beside the target, rename on commit. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct galley_output {
	char *path;
	char *tmp;     /* NULL for standard output and devices */
	FILE *f;
	bool direct;   /* a device or FIFO opened directly (closed on commit/abort) */
	char *volatile *slot; /* the entry in the cleanup table, or NULL */
	int saved_errno; /* the error that closing the stream met, or 0 */
	char *key;       /* the canonical target ("-" for standard output), NULL for devices */
	uint64_t key_hash;
	galley_output *next_active; /* the outputs open in this process (tmp_lock) */
	galley_output *next_pending; /* in the commit group, once committed there */
};

/* Temporary paths to remove if the process is interrupted.  A signal handler walks this table
 * without locks or allocation, so it is a list of fixed-size chunks that are only ever added
 * (published with one atomic store) and never freed; slots are reused.  There is no limit on the
 * number of temporaries: a chunk is added when every slot is taken. */
#define TMP_CHUNK 256
typedef struct tmp_chunk {
	char *volatile path[TMP_CHUNK];
	struct tmp_chunk *volatile next;
} tmp_chunk;
static tmp_chunk first_chunk;
static pthread_mutex_t tmp_lock = PTHREAD_MUTEX_INITIALIZER;

/* Returns the slot's address (the handle unregister_tmp takes), never NULL. */
static char *volatile *register_tmp(char *path)
{
	pthread_mutex_lock(&tmp_lock);
	char *volatile *slot = NULL;
	tmp_chunk *c = &first_chunk;
	for (;;) {
		for (int i = 0; i < TMP_CHUNK && !slot; i++)
			if (!c->path[i])
				slot = &c->path[i];
		if (slot)
			break;
		if (!c->next) {
			tmp_chunk *n = galley_calloc(1, sizeof *n);
			__atomic_store_n(&c->next, n, __ATOMIC_RELEASE);
		}
		c = c->next;
	}
	*slot = path;
	pthread_mutex_unlock(&tmp_lock);
	return slot;
}

static void unregister_tmp(char *volatile *slot)
{
	if (!slot)
		return;
	pthread_mutex_lock(&tmp_lock);
	*slot = NULL;
	pthread_mutex_unlock(&tmp_lock);
}

/* Async-signal-safe: only unlink(). */
void galley_output_cleanup_all(void)
{
	for (tmp_chunk *c = &first_chunk; c; c = __atomic_load_n(&c->next, __ATOMIC_ACQUIRE)) {
		for (int i = 0; i < TMP_CHUNK; i++) {
			char *p = c->path[i];
			if (p)
				unlink(p);
		}
	}
}

size_t galley_output_n_registered(void)
{
	size_t n = 0;
	pthread_mutex_lock(&tmp_lock);
	for (tmp_chunk *c = &first_chunk; c; c = c->next)
		for (int i = 0; i < TMP_CHUNK; i++)
			n += c->path[i] != NULL;
	pthread_mutex_unlock(&tmp_lock);
	return n;
}

/* ---- one writer per path ---------------------------------------------------------------- */
static galley_output *active_outputs;

/* Refuse a second output to the same file (or to standard output) while the first is open:
 * two writers of one pipeline given the same output= would silently overwrite each other. */
static bool claim_target(galley_output *o, galley_error *err)
{
	o->key_hash = galley_hash64(o->key, strlen(o->key), 0);
	pthread_mutex_lock(&tmp_lock);
	for (galley_output *a = active_outputs; a; a = a->next_active) {
		if (a->key_hash == o->key_hash && !strcmp(a->key, o->key)) {
			pthread_mutex_unlock(&tmp_lock);
			if (!strcmp(o->key, "-"))
				galley_error_set(err, GALLEY_ERR_FATAL,
				                 "another writer already writes to standard output; give each writer its own output=");
			else
				galley_error_set(err, GALLEY_ERR_FATAL,
				                 "another writer already writes '%s'; give each writer its own output=", o->path);
			return false;
		}
	}
	o->next_active = active_outputs;
	active_outputs = o;
	pthread_mutex_unlock(&tmp_lock);
	return true;
}

static void release_target(galley_output *o)
{
	if (!o->key)
		return;
	pthread_mutex_lock(&tmp_lock);
	for (galley_output **p = &active_outputs; *p; p = &(*p)->next_active)
		if (*p == o) {
			*p = o->next_active;
			break;
		}
	pthread_mutex_unlock(&tmp_lock);
	free(o->key);
	o->key = NULL;
}

/* dir/base with dir made absolute and free of links, for comparing targets (owned). */
static char *canonical_target(const char *dir, const char *base)
{
	char *real = realpath(dir, NULL);
	galley_buf b = {0};
	galley_buf_printf(&b, "%s/%s", real ? real : dir, base);
	free(real);
	return galley_buf_steal(&b);
}

/* ---- stale temporaries ------------------------------------------------------------------- */
/* A run killed outright (SIGKILL, a crash, a power cut) leaves its temporaries.  Their names
 * carry the writing process's id (".NAME.galley-PID-XXXXXX"); when a later run opens an output
 * in the same directory, those whose process is gone are removed (once per directory per run). */
#define STALE_DIRS_MAX 64
static char *stale_checked[STALE_DIRS_MAX];
static size_t n_stale_checked;

static void remove_stale_temporaries(const char *dir)
{
	pthread_mutex_lock(&tmp_lock);
	for (size_t i = 0; i < n_stale_checked; i++)
		if (!strcmp(stale_checked[i], dir)) {
			pthread_mutex_unlock(&tmp_lock);
			return;
		}
	if (n_stale_checked < STALE_DIRS_MAX)
		stale_checked[n_stale_checked++] = galley_strdup(dir);
	pthread_mutex_unlock(&tmp_lock);
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *mark = e->d_name[0] == '.' ? strstr(e->d_name, ".galley-") : NULL;
		if (!mark)
			continue;
		char *end = NULL;
		long pid = strtol(mark + 8, &end, 10);
		if (pid <= 0 || !end || *end != '-' || strlen(end + 1) != 6)
			continue;
		if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/%s", dir, e->d_name);
		unlink(p.data);
		galley_buf_free(&p);
	}
	closedir(d);
}

static int mkdirs(const char *dir)
{
	char *copy = galley_strdup(dir);
	for (char *p = copy + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
				free(copy);
				return -1;
			}
			*p = '/';
		}
	}
	int rc = (mkdir(copy, 0777) != 0 && errno != EEXIST) ? -1 : 0;
	free(copy);
	return rc;
}

galley_output *galley_output_open(const char *path, galley_error *err)
{
	if (!path || !*path) {
		galley_error_set(err, GALLEY_ERR_FATAL, "no output path given; set output=FILE (or output=- for standard output)");
		return NULL;
	}
	galley_output *o = galley_calloc(1, sizeof *o);
	o->path = galley_strdup(path);
	if (!strcmp(path, "-")) {
		o->key = galley_strdup("-");
		if (!claim_target(o, err)) {
			free(o->key);
			free(o->path);
			free(o);
			return NULL;
		}
		o->f = stdout;
		return o;
	}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		galley_error_set(err, GALLEY_ERR_FATAL, "output '%s' is a directory; give a file name", path);
		free(o->path);
		free(o);
		return NULL;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* a device, FIFO or socket (/dev/null, a named pipe): write to it directly; renaming a
		 * temporary file over it would replace the device */
		o->f = fopen(path, "wb");
		if (!o->f) {
			galley_error_set(err, GALLEY_ERR_FATAL, "cannot open '%s' for writing: %s", path, strerror(errno));
			free(o->path);
			free(o);
			return NULL;
		}
		o->direct = true;
		return o;
	}
	char *dcopy = galley_strdup(path);
	char *dir = dirname(dcopy);
	if (strcmp(dir, ".") && mkdirs(dir) != 0) {
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot create directory '%s' for output '%s': %s", dir, path,
		                 strerror(errno));
		free(dcopy);
		free(o->path);
		free(o);
		return NULL;
	}
	free(dcopy);
	galley_buf t = {0};
	char *bcopy = galley_strdup(path);
	char *dcopy2 = galley_strdup(path);
	const char *tdir = dirname(dcopy2), *tbase = basename(bcopy);
	o->key = canonical_target(tdir, tbase);
	if (!claim_target(o, err)) {
		free(o->key);
		free(bcopy);
		free(dcopy2);
		free(o->path);
		free(o);
		return NULL;
	}
	remove_stale_temporaries(tdir);
	galley_buf_printf(&t, "%s/.%s.galley-%ld-XXXXXX", tdir, tbase, (long)getpid());
	free(bcopy);
	free(dcopy2);
	o->tmp = galley_buf_steal(&t);
	/* Registered before it exists: a second Ctrl-C handled by another thread between mkstemp()
	 * and the registration would otherwise leave the new file behind.  mkstemp() fills in the
	 * name before it creates the file, so the table never names a file under another name. */
	o->slot = register_tmp(o->tmp);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		unregister_tmp(o->slot);
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot create a temporary file beside '%s': %s", path,
		                 strerror(e));
		release_target(o);
		free(o->tmp);
		free(o->path);
		free(o);
		return NULL;
	}
	/* Honour the umask like a plain fopen would (mkstemp uses 0600). */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		int e = errno;
		close(fd);
		unlink(o->tmp);
		unregister_tmp(o->slot);
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot open '%s': %s", o->tmp, strerror(e));
		release_target(o);
		free(o->tmp);
		free(o->path);
		free(o);
		return NULL;
	}
	return o;
}

FILE *galley_output_file(galley_output *o)
{
	return o->f;
}

const char *galley_output_path(const galley_output *o)
{
	return o->path;
}

static void output_free(galley_output *o)
{
	release_target(o);
	unregister_tmp(o->slot);
	free(o->tmp);
	free(o->path);
	free(o);
}

/* The commit group of the calling thread (see galley_output_group_begin): outputs committed
 * while it is open wait in this list, in commit order, for the group's rename. */
static _Thread_local bool group_open;
static _Thread_local galley_output *group_head, **group_tail;

void galley_output_group_begin(void)
{
	group_open = true;
	group_head = NULL;
	group_tail = &group_head;
}

static int close_stream(galley_output *o)
{
	int rc = 0;
	o->saved_errno = 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		rc = -1, o->saved_errno = errno ? errno : EIO;
	if (!rc && fsync(fileno(o->f)) != 0 && errno != EINVAL)
		rc = -1, o->saved_errno = errno;
	if (fclose(o->f) != 0 && !rc)
		rc = -1, o->saved_errno = errno;
	o->f = NULL;
	return rc;
}

int galley_output_close(galley_output *o, galley_error *err)
{
	if (!o->tmp || !o->f)
		return o->saved_errno ? galley_error_set(err, GALLEY_ERR_FATAL, "cannot write '%s': %s", o->path,
		                                         strerror(o->saved_errno))
		                      : GALLEY_OK;
	if (close_stream(o) != 0)
		return galley_error_set(err, GALLEY_ERR_FATAL, "cannot write '%s': %s (the previous file, if any, is unchanged)",
		                        o->path, strerror(o->saved_errno));
	return GALLEY_OK;
}

static int rename_into_place(galley_output *o, galley_error *err)
{
	if (rename(o->tmp, o->path) != 0) {
		int saved = errno;
		unlink(o->tmp);
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot write '%s': %s (the previous file, if any, is unchanged)",
		                 o->path, strerror(saved));
		output_free(o);
		return GALLEY_ERR_FATAL;
	}
	output_free(o);
	return GALLEY_OK;
}

int galley_output_commit(galley_output *o, galley_error *err)
{
	if (!o->tmp) {
		int rc = fflush(o->f);
		int saved = errno;
		if (o->direct && fclose(o->f) != 0)
			rc = -1, saved = errno;
		bool is_stdout = !o->direct;
		const char *what = is_stdout ? "standard output" : o->path;
		if (rc != 0)
			galley_error_set(err, GALLEY_ERR_FATAL, "cannot write to %s: %s", what, strerror(saved));
		output_free(o);
		return rc != 0 ? GALLEY_ERR_FATAL : GALLEY_OK;
	}
	if (o->f)
		close_stream(o);
	if (o->saved_errno) {
		unlink(o->tmp);
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot write '%s': %s (the previous file, if any, is unchanged)",
		                 o->path, strerror(o->saved_errno));
		output_free(o);
		return GALLEY_ERR_FATAL;
	}
	if (group_open) {
		/* the rename waits for every writer of the run to finish (galley_output_group_commit) */
		o->next_pending = NULL;
		*group_tail = o;
		group_tail = &o->next_pending;
		return GALLEY_OK;
	}
	return rename_into_place(o, err);
}

/* Close the group and hand over its pending outputs (a list through next_pending). */
static galley_output *group_take(void)
{
	galley_output *o = group_head;
	group_open = false;
	group_head = NULL;
	group_tail = NULL;
	return o;
}

/* Remove the temporary files of a list of pending outputs and free them. */
static void discard_pending(galley_output *o)
{
	while (o) {
		galley_output *next = o->next_pending;
		unlink(o->tmp);
		output_free(o);
		o = next;
	}
}

int galley_output_group_commit(galley_error *err, char ***paths, size_t *n_paths)
{
	for (galley_output *o = group_head; o; o = o->next_pending) {
		*paths = galley_realloc(*paths, (*n_paths + 2) * sizeof **paths);
		(*paths)[(*n_paths)++] = galley_strdup(o->path);
		(*paths)[*n_paths] = NULL;
	}
	int result = GALLEY_OK;
	galley_output *o = group_take();
	while (o && result == GALLEY_OK) {
		galley_output *next = o->next_pending;
		galley_error e = {0};
		if (rename_into_place(o, &e) != GALLEY_OK) {
			result = GALLEY_ERR_FATAL;
			if (err)
				*err = e;
		}
		o = next;
	}
	/* after a failed rename, the rest are not put in place */
	discard_pending(o);
	return result;
}

void galley_output_group_discard(void)
{
	discard_pending(group_take());
}

void galley_output_abort(galley_output *o)
{
	if (!o)
		return;
	if (o->tmp) {
		if (o->f)
			fclose(o->f);
		unlink(o->tmp);
	} else if (o->direct && o->f) {
		fclose(o->f);
	}
	output_free(o);
}

int galley_read_file(const char *path, unsigned char **data, size_t *len, size_t max_bytes, galley_error *err)
{
	*data = NULL;
	*len = 0;
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot open '%s': %s", path, strerror(errno));
	galley_buf b = {0};
	char chunk[65536];
	size_t n;
	int rc = GALLEY_OK;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (max_bytes && b.len + n > max_bytes) {
			rc = galley_error_set(err, GALLEY_ERR_ARTICLE, "'%s' is larger than the limit of %zu bytes", path,
			                      max_bytes);
			break;
		}
		galley_buf_append(&b, chunk, n);
	}
	if (rc == GALLEY_OK && ferror(f))
		rc = galley_error_set(err, GALLEY_ERR_ARTICLE, "cannot read '%s': %s", path, strerror(errno));
	if (f != stdin)
		fclose(f);
	if (rc != GALLEY_OK) {
		galley_buf_free(&b);
		return rc;
	}
	if (!b.data)
		galley_buf_append(&b, "", 0);
	*len = b.len;
	*data = (unsigned char *)galley_buf_steal(&b);
	return GALLEY_OK;
}
