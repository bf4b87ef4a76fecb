/* libarchive helpers shared by the core and the plugins (see include/galley/archive_io.h). */
#include "internal.h"

#include <galley/archive_io.h>

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static locale_t utf8_locale;
static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;

static void utf8_locale_init(void)
{
	/* C.UTF-8 is built into glibc >= 2.35; the others are the usual installed fallbacks */
	static const char *const names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"};
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !utf8_locale; i++)
		utf8_locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
}

int galley_archive_next_header(struct archive *a, struct archive_entry **e, char **name)
{
	*name = NULL;
	pthread_once(&utf8_locale_once, utf8_locale_init);
	locale_t saved = utf8_locale ? uselocale(utf8_locale) : (locale_t)0;
	int r = archive_read_next_header(a, e);
	if (r != ARCHIVE_EOF && r != ARCHIVE_FATAL && *e) {
		const char *n = archive_entry_pathname_utf8(*e);
		if (!n)
			n = archive_entry_pathname(*e);
		if (n)
			*name = galley_strdup(n);
	}
	if (saved)
		uselocale(saved);
	if (r == ARCHIVE_FATAL || r == ARCHIVE_EOF)
		return r;
	if (r == ARCHIVE_WARN || r == ARCHIVE_OK)
		return *name ? ARCHIVE_OK : ARCHIVE_FAILED;
	return ARCHIVE_FAILED;
}
