/* Atomic output files: write to a temporary file beside the target, rename on commit. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
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
	int slot;      /* index in the cleanup table, or -1 */
};

/* Temporary paths to remove if the process is interrupted.  Fixed-size so a signal handler can
 * walk it without locks or allocation. */
#define MAX_TMP 256
static char *volatile tmp_paths[MAX_TMP];
static pthread_mutex_t tmp_lock = PTHREAD_MUTEX_INITIALIZER;

static int register_tmp(char *path)
{
	pthread_mutex_lock(&tmp_lock);
	int slot = -1;
	for (int i = 0; i < MAX_TMP; i++) {
		if (!tmp_paths[i]) {
			tmp_paths[i] = path;
			slot = i;
			break;
		}
	}
	pthread_mutex_unlock(&tmp_lock);
	return slot;
}

static void unregister_tmp(int slot)
{
	if (slot < 0)
		return;
	pthread_mutex_lock(&tmp_lock);
	tmp_paths[slot] = NULL;
	pthread_mutex_unlock(&tmp_lock);
}

/* Async-signal-safe: only unlink(). */
void galley_output_cleanup_all(void)
{
	for (int i = 0; i < MAX_TMP; i++) {
		char *p = tmp_paths[i];
		if (p)
			unlink(p);
	}
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
	o->slot = -1;
	if (!strcmp(path, "-")) {
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
	galley_buf_printf(&t, "%s/.%s.galley-XXXXXX", dirname(dcopy2), basename(bcopy));
	free(bcopy);
	free(dcopy2);
	o->tmp = galley_buf_steal(&t);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot create a temporary file beside '%s': %s", path,
		                 strerror(errno));
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
		close(fd);
		unlink(o->tmp);
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot open '%s': %s", o->tmp, strerror(errno));
		free(o->tmp);
		free(o->path);
		free(o);
		return NULL;
	}
	o->slot = register_tmp(o->tmp);
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
	unregister_tmp(o->slot);
	free(o->tmp);
	free(o->path);
	free(o);
}

int galley_output_commit(galley_output *o, galley_error *err)
{
	if (!o->tmp) {
		int rc = fflush(o->f);
		if (o->direct && fclose(o->f) != 0)
			rc = -1;
		output_free(o);
		if (rc != 0)
			return galley_error_set(err, GALLEY_ERR_FATAL, "cannot write to standard output: %s", strerror(errno));
		return GALLEY_OK;
	}
	int rc = 0, saved = 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		rc = -1, saved = errno;
	if (!rc && fsync(fileno(o->f)) != 0 && errno != EINVAL)
		rc = -1, saved = errno;
	if (fclose(o->f) != 0 && !rc)
		rc = -1, saved = errno;
	o->f = NULL;
	if (!rc && rename(o->tmp, o->path) != 0)
		rc = -1, saved = errno;
	if (rc) {
		unlink(o->tmp);
		galley_error_set(err, GALLEY_ERR_FATAL, "cannot write '%s': %s (the previous file, if any, is unchanged)",
		                 o->path, strerror(saved));
		output_free(o);
		return GALLEY_ERR_FATAL;
	}
	output_free(o);
	return GALLEY_OK;
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
