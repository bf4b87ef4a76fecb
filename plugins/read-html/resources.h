/* read-html: images that came with the page (see resources.c). */
#ifndef READ_HTML_RESOURCES_H
#define READ_HTML_RESOURCES_H

#include <galley/galley.h>

/* The real paths of the input= directories: a page found below one may reference files
 * anywhere below it; other pages only beside or below themselves. */
typedef struct read_html_roots {
	char **dir;
	size_t n;
} read_html_roots;

void read_html_roots_init(read_html_roots *r, const char *spec);
void read_html_roots_free(read_html_roots *r);

/* Record, as a's local resources, every img@src below body that resolves to a file that came
 * with the page.  Reads only a's location and the roots: safe on worker threads. */
void read_html_resources(galley_article *a, const read_html_roots *roots, xmlNodePtr body);

#endif
