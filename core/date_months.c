/* Month names per language, from the data file dates/months.tsv (include/galley/date.h). */
#include <galley/date.h>
#include <galley/text.h>

#include <stdlib.h>
#include <string.h>

int galley_month_names_load(galley_month_names *out, galley_error *err)
{
	memset(out, 0, sizeof *out);
	galley_wordlist w;
	int rc = galley_wordlist_load("dates/months.tsv", &w, err);
	if (rc != GALLEY_OK)
		return rc;
	out->items = galley_calloc(w.n ? w.n : 1, sizeof *out->items);
	for (size_t i = 0; i < w.n; i++) {
		const char *tab = strchr(w.items[i], '\t');
		if (!tab)
			continue;
		/* a third column "date" marks a month that is also a name or a word */
		const char *tab2 = strchr(tab + 1, '\t');
		galley_month_name *m = &out->items[out->n++];
		m->name = galley_strndup(w.items[i], (size_t)(tab - w.items[i]));
		m->month = atoi(tab + 1);
		m->use = tab2 && !strcmp(tab2 + 1, "date") ? GALLEY_MONTH_IN_DATES : GALLEY_MONTH_ANYWHERE;
	}
	galley_wordlist_free(&w);
	return GALLEY_OK;
}

void galley_month_names_free(galley_month_names *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->items[i].name);
	free(m->items);
	memset(m, 0, sizeof *m);
}
