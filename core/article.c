/* The article model.  See include/galley/article.h for ownership. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct strlist {
	char **items;
	size_t n, cap;
} strlist;

typedef struct scratch {
	const void *owner;
	void *ptr;
	void (*free_fn)(void *);
} scratch;

/* A growable array of structs of pointers-to-owned-strings. */
#define VEC(T)                                                                                  \
	struct {                                                                                    \
		T *items;                                                                               \
		size_t n, cap;                                                                          \
	}

struct galley_article {
	char *fields[GALLEY_FIELD__COUNT];
	char *loc_file, *loc_member;
	char *loc_uri, *loc_record_id, *loc_date; /* a WARC record's own header values */
	int64_t loc_offset, loc_index;
	galley_source_location loc;
	char *where;
	strlist lists[GALLEY_LIST__COUNT];
	unsigned char *author_kinds; /* galley_author_kind of each author, author_kinds_n of them set */
	size_t author_kinds_n;
	galley_raw raw;
	bool has_raw;
	xmlDocPtr body;
	VEC(galley_candidate) candidates;
	VEC(galley_source) sources;
	VEC(galley_quote) quotes;
	VEC(galley_removed) removed;
	VEC(galley_decision) decisions;
	VEC(galley_resource) resources;
	strlist stage_names, stage_versions;
	strlist extra_keys, extra_values;
	VEC(scratch) scratch;
};

#define VEC_GROW(v)                                                                             \
	do {                                                                                        \
		if ((v).n == (v).cap) {                                                                 \
			(v).cap = (v).cap ? (v).cap * 2 : 4;                                                \
			(v).items = galley_realloc((v).items, (v).cap * sizeof *(v).items);                 \
		}                                                                                       \
	} while (0)

static const char *const field_names[GALLEY_FIELD__COUNT] = {
	"id", "url", "title", "date", "site", "language", "description", "byline", "dek",
};

const char *galley_field_name(galley_field f)
{
	return (unsigned)f < GALLEY_FIELD__COUNT ? field_names[f] : "?";
}

galley_article *galley_article_new(void)
{
	galley_article *a = galley_calloc(1, sizeof *a);
	a->loc_offset = -1;
	a->loc_index = -1;
	return a;
}

static void strlist_push(strlist *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->items = galley_realloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->n++] = galley_strdup(s);
}

static void strlist_clear(strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	l->n = 0;
}

static void strlist_free(strlist *l)
{
	strlist_clear(l);
	free(l->items);
	l->items = NULL;
	l->cap = 0;
}

static void free_candidates(galley_article *a)
{
	for (size_t i = 0; i < a->candidates.n; i++) {
		free((char *)a->candidates.items[i].field);
		free((char *)a->candidates.items[i].value);
		free((char *)a->candidates.items[i].origin);
	}
	a->candidates.n = 0;
}

void galley_article_clear_sources(galley_article *a)
{
	for (size_t i = 0; i < a->sources.n; i++) {
		free((char *)a->sources.items[i].name);
		free((char *)a->sources.items[i].kind);
		free((char *)a->sources.items[i].evidence);
		free((char *)a->sources.items[i].rule);
	}
	a->sources.n = 0;
}

void galley_article_clear_quotes(galley_article *a)
{
	for (size_t i = 0; i < a->quotes.n; i++) {
		free((char *)a->quotes.items[i].text);
		free((char *)a->quotes.items[i].speaker);
		free((char *)a->quotes.items[i].cue);
		free((char *)a->quotes.items[i].speaker_kind);
		free((char *)a->quotes.items[i].rule);
	}
	a->quotes.n = 0;
}

void galley_article_clear_removed(galley_article *a)
{
	for (size_t i = 0; i < a->removed.n; i++) {
		free((char *)a->removed.items[i].reason);
		free((char *)a->removed.items[i].text);
		free((char *)a->removed.items[i].context);
		free((char *)a->removed.items[i].rule);
		free((char *)a->removed.items[i].element);
		free((char *)a->removed.items[i].id);
		free((char *)a->removed.items[i].classes);
		free((char *)a->removed.items[i].within);
	}
	a->removed.n = 0;
}

void galley_article_drop_raw(galley_article *a)
{
	if (!a->has_raw)
		return;
	free(a->raw.data);
	free((char *)a->raw.content_type);
	free((char *)a->raw.charset);
	free((char *)a->raw.date);
	memset(&a->raw, 0, sizeof a->raw);
	a->has_raw = false;
}

void galley_article_free(galley_article *a)
{
	if (!a)
		return;
	for (int i = 0; i < GALLEY_FIELD__COUNT; i++)
		free(a->fields[i]);
	free(a->loc_file);
	free(a->loc_member);
	free(a->loc_uri);
	free(a->loc_record_id);
	free(a->loc_date);
	free(a->where);
	for (int i = 0; i < GALLEY_LIST__COUNT; i++)
		strlist_free(&a->lists[i]);
	free(a->author_kinds);
	galley_article_drop_raw(a);
	if (a->body)
		xmlFreeDoc(a->body);
	free_candidates(a);
	free(a->candidates.items);
	galley_article_clear_sources(a);
	free(a->sources.items);
	galley_article_clear_quotes(a);
	free(a->quotes.items);
	galley_article_clear_removed(a);
	free(a->removed.items);
	galley_article_clear_decision(a, NULL);
	free(a->decisions.items);
	galley_article_clear_resources(a);
	free(a->resources.items);
	strlist_free(&a->stage_names);
	strlist_free(&a->stage_versions);
	strlist_free(&a->extra_keys);
	strlist_free(&a->extra_values);
	for (size_t i = 0; i < a->scratch.n; i++)
		if (a->scratch.items[i].free_fn && a->scratch.items[i].ptr)
			a->scratch.items[i].free_fn(a->scratch.items[i].ptr);
	free(a->scratch.items);
	free(a);
}

/* Clean to UTF-8 and trim; NULL for empty. */
static char *clean_value(const char *v)
{
	if (!v)
		return NULL;
	size_t len = strlen(v);
	char *c = galley_utf8_clean(v, len);
	char *s = c, *e = c + strlen(c);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	if (e == s) {
		free(c);
		return NULL;
	}
	char *r = galley_strndup(s, (size_t)(e - s));
	free(c);
	return r;
}

const char *galley_article_get(const galley_article *a, galley_field f)
{
	return (unsigned)f < GALLEY_FIELD__COUNT ? a->fields[f] : NULL;
}

void galley_article_set(galley_article *a, galley_field f, const char *value)
{
	if ((unsigned)f >= GALLEY_FIELD__COUNT)
		return;
	char *v = clean_value(value);
	free(a->fields[f]);
	a->fields[f] = v;
}

const galley_source_location *galley_article_location(const galley_article *a)
{
	galley_article *m = (galley_article *)a;
	m->loc.file = a->loc_file;
	m->loc.member = a->loc_member;
	m->loc.offset = a->loc_offset;
	m->loc.index = a->loc_index;
	m->loc.uri = a->loc_uri;
	m->loc.record_id = a->loc_record_id;
	m->loc.date = a->loc_date;
	return &a->loc;
}

void galley_article_set_location_warc(galley_article *a, const char *uri, const char *record_id, const char *date)
{
	char *u = galley_strdup(uri), *r = galley_strdup(record_id), *d = galley_strdup(date);
	free(a->loc_uri);
	free(a->loc_record_id);
	free(a->loc_date);
	a->loc_uri = u;
	a->loc_record_id = r;
	a->loc_date = d;
}

void galley_article_set_location(galley_article *a, const char *file, const char *member, int64_t offset,
                                 int64_t index)
{
	char *f = galley_strdup(file), *m = galley_strdup(member);
	free(a->loc_file);
	free(a->loc_member);
	a->loc_file = f;
	a->loc_member = m;
	a->loc_offset = offset;
	a->loc_index = index;
	free(a->where);
	a->where = NULL;
}

const char *galley_article_where(const galley_article *a)
{
	galley_article *m = (galley_article *)a;
	if (!m->where) {
		galley_buf b = {0};
		galley_buf_puts(&b, a->loc_file ? a->loc_file : "(unknown input)");
		if (a->loc_member)
			galley_buf_printf(&b, "!%s", a->loc_member);
		if (a->loc_offset >= 0)
			galley_buf_printf(&b, "@%lld", (long long)a->loc_offset);
		if (a->loc_index >= 0)
			galley_buf_printf(&b, "#%lld", (long long)a->loc_index);
		m->where = galley_buf_steal(&b);
	}
	return m->where;
}

size_t galley_article_list_len(const galley_article *a, galley_list l)
{
	return (unsigned)l < GALLEY_LIST__COUNT ? a->lists[l].n : 0;
}

const char *galley_article_list_at(const galley_article *a, galley_list l, size_t i)
{
	if ((unsigned)l >= GALLEY_LIST__COUNT || i >= a->lists[l].n)
		return NULL;
	return a->lists[l].items[i];
}

void galley_article_list_add(galley_article *a, galley_list l, const char *value)
{
	if ((unsigned)l >= GALLEY_LIST__COUNT)
		return;
	char *v = clean_value(value);
	if (!v)
		return;
	strlist *sl = &a->lists[l];
	for (size_t i = 0; i < sl->n; i++) {
		if (!strcmp(sl->items[i], v)) {
			free(v);
			return;
		}
	}
	if (sl->n == sl->cap) {
		sl->cap = sl->cap ? sl->cap * 2 : 4;
		sl->items = galley_realloc(sl->items, sl->cap * sizeof *sl->items);
	}
	sl->items[sl->n++] = v;
}

void galley_article_list_clear(galley_article *a, galley_list l)
{
	if ((unsigned)l < GALLEY_LIST__COUNT)
		strlist_clear(&a->lists[l]);
	if (l == GALLEY_LIST_AUTHORS)
		a->author_kinds_n = 0;
}

galley_author_kind galley_article_author_kind(const galley_article *a, size_t i)
{
	return i < a->author_kinds_n && i < a->lists[GALLEY_LIST_AUTHORS].n ? (galley_author_kind)a->author_kinds[i] : GALLEY_AUTHOR_UNKNOWN;
}

void galley_article_set_author_kind(galley_article *a, size_t i, galley_author_kind kind)
{
	size_t n = a->lists[GALLEY_LIST_AUTHORS].n;
	if (i >= n || (unsigned)kind > GALLEY_AUTHOR_ORGANISATION)
		return;
	if (a->author_kinds_n < n) {
		a->author_kinds = galley_realloc(a->author_kinds, n);
		memset(a->author_kinds + a->author_kinds_n, GALLEY_AUTHOR_UNKNOWN, n - a->author_kinds_n);
		a->author_kinds_n = n;
	}
	a->author_kinds[i] = (unsigned char)kind;
}

const char *galley_author_kind_name(galley_author_kind kind)
{
	return kind == GALLEY_AUTHOR_PERSON ? "person" : kind == GALLEY_AUTHOR_ORGANISATION ? "organisation" : NULL;
}

galley_author_kind galley_author_kind_parse(const char *name)
{
	if (name && !strcmp(name, "person"))
		return GALLEY_AUTHOR_PERSON;
	if (name && !strcmp(name, "organisation"))
		return GALLEY_AUTHOR_ORGANISATION;
	return GALLEY_AUTHOR_UNKNOWN;
}

void galley_article_take_raw(galley_article *a, unsigned char *data, size_t len, const char *content_type,
                             const char *charset, const char *date, int status)
{
	galley_article_drop_raw(a);
	a->raw.data = data;
	a->raw.len = len;
	a->raw.content_type = galley_strdup(content_type);
	a->raw.charset = galley_strdup(charset);
	a->raw.date = galley_strdup(date);
	a->raw.status = status;
	a->has_raw = true;
}

const galley_raw *galley_article_raw(const galley_article *a)
{
	return a->has_raw ? &a->raw : NULL;
}

xmlDocPtr galley_article_body(const galley_article *a)
{
	return a->body;
}

void galley_article_set_body(galley_article *a, xmlDocPtr doc)
{
	if (a->body == doc)
		return;
	if (a->body)
		xmlFreeDoc(a->body);
	a->body = doc;
}

xmlDocPtr galley_article_take_body(galley_article *a)
{
	xmlDocPtr d = a->body;
	a->body = NULL;
	return d;
}

void galley_article_add_candidate(galley_article *a, const char *field, const char *value, const char *origin)
{
	if (!field)
		return;
	char *v = clean_value(value);
	if (!v)
		return;
	VEC_GROW(a->candidates);
	galley_candidate *c = &a->candidates.items[a->candidates.n++];
	c->field = galley_strdup(field);
	c->value = v;
	c->origin = galley_strdup(origin ? origin : "unknown");
}

size_t galley_article_n_candidates(const galley_article *a)
{
	return a->candidates.n;
}

const galley_candidate *galley_article_candidate(const galley_article *a, size_t i)
{
	return i < a->candidates.n ? &a->candidates.items[i] : NULL;
}

const char *galley_article_candidate_first(const galley_article *a, const char *field)
{
	for (size_t i = 0; i < a->candidates.n; i++)
		if (!strcmp(a->candidates.items[i].field, field))
			return a->candidates.items[i].value;
	return NULL;
}

static char *dup_clean(const char *s)
{
	return s ? galley_utf8_clean(s, strlen(s)) : NULL;
}

size_t galley_article_add_source(galley_article *a, const galley_source *s)
{
	VEC_GROW(a->sources);
	galley_source *d = &a->sources.items[a->sources.n];
	d->name = dup_clean(s->name);
	d->kind = dup_clean(s->kind);
	d->evidence = dup_clean(s->evidence);
	d->rule = dup_clean(s->rule);
	return a->sources.n++;
}

size_t galley_article_add_quote(galley_article *a, const galley_quote *q)
{
	VEC_GROW(a->quotes);
	galley_quote *d = &a->quotes.items[a->quotes.n];
	*d = *q;
	d->text = dup_clean(q->text);
	d->speaker = dup_clean(q->speaker);
	d->cue = dup_clean(q->cue);
	d->speaker_kind = dup_clean(q->speaker_kind);
	d->rule = dup_clean(q->rule);
	return a->quotes.n++;
}

/* The typed fields of a removed block, parsed from its context (see galley_removed). */
static void removed_parse_context(galley_removed *d)
{
	const char *ctx = d->context;
	if (!ctx || !*ctx)
		return;
	size_t el = strcspn(ctx, " .#");
	size_t head = strcspn(ctx, " ");
	if (el)
		d->element = galley_strndup(ctx, el);
	const char *hash = memchr(ctx, '#', head), *dot = memchr(ctx, '.', head);
	if (hash && (!dot || hash < dot))
		d->id = galley_strndup(hash + 1, (size_t)((dot ? dot : ctx + head) - hash - 1));
	if (dot)
		d->classes = galley_strndup(dot + 1, (size_t)(ctx + head - dot - 1));
	for (const char *p = ctx + head; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == 11 && !strncmp(p, "before-body", n))
			d->place = GALLEY_PLACE_BEFORE_BODY;
		else if (n == 7 && !strncmp(p, "in-body", n))
			d->place = GALLEY_PLACE_IN_BODY;
		else if (n == 10 && !strncmp(p, "after-body", n))
			d->place = GALLEY_PLACE_AFTER_BODY;
		else if (n > 3 && !strncmp(p, "in:", 3) && !d->within)
			d->within = galley_strndup(p + 3, n - 3);
		p += n;
	}
}

size_t galley_article_add_removed(galley_article *a, const galley_removed *r)
{
	VEC_GROW(a->removed);
	galley_removed *d = &a->removed.items[a->removed.n];
	*d = (galley_removed){.reason = dup_clean(r->reason), .text = dup_clean(r->text), .context = dup_clean(r->context),
	                      .rule = dup_clean(r->rule)};
	removed_parse_context(d);
	return a->removed.n++;
}

size_t galley_article_n_sources(const galley_article *a) { return a->sources.n; }
size_t galley_article_n_quotes(const galley_article *a) { return a->quotes.n; }
size_t galley_article_n_removed(const galley_article *a) { return a->removed.n; }

const galley_source *galley_article_source(const galley_article *a, size_t i)
{
	return i < a->sources.n ? &a->sources.items[i] : NULL;
}

const galley_quote *galley_article_quote(const galley_article *a, size_t i)
{
	return i < a->quotes.n ? &a->quotes.items[i] : NULL;
}

const galley_removed *galley_article_removed(const galley_article *a, size_t i)
{
	return i < a->removed.n ? &a->removed.items[i] : NULL;
}

/* ---- decisions ----------------------------------------------------------------------------- */
size_t galley_article_add_decision(galley_article *a, const galley_decision *d)
{
	VEC_GROW(a->decisions);
	galley_decision *n = &a->decisions.items[a->decisions.n];
	n->field = dup_clean(d->field);
	n->rule = dup_clean(d->rule);
	n->detail = dup_clean(d->detail);
	return a->decisions.n++;
}

size_t galley_article_n_decisions(const galley_article *a) { return a->decisions.n; }

const galley_decision *galley_article_decision(const galley_article *a, size_t i)
{
	return i < a->decisions.n ? &a->decisions.items[i] : NULL;
}

const galley_decision *galley_article_decision_for(const galley_article *a, const char *field)
{
	for (size_t i = a->decisions.n; i-- > 0;)
		if (field && a->decisions.items[i].field && !strcmp(a->decisions.items[i].field, field))
			return &a->decisions.items[i];
	return NULL;
}

void galley_article_clear_decision(galley_article *a, const char *field)
{
	size_t k = 0;
	for (size_t i = 0; i < a->decisions.n; i++) {
		galley_decision *d = &a->decisions.items[i];
		if (!field || (d->field && !strcmp(d->field, field))) {
			free((char *)d->field);
			free((char *)d->rule);
			free((char *)d->detail);
		} else
			a->decisions.items[k++] = *d;
	}
	a->decisions.n = k;
}

/* ---- local resources ---------------------------------------------------------------------- */
static void resource_free(galley_resource *r)
{
	free((char *)r->ref);
	free((char *)r->file);
	free((char *)r->member);
	free((char *)r->media_type);
}

size_t galley_article_add_resource(galley_article *a, const galley_resource *r)
{
	if (!r || !r->ref || !r->file)
		return (size_t)-1;
	galley_resource d = {galley_strdup(r->ref), galley_strdup(r->file), galley_strdup(r->member),
	                     galley_strdup(r->media_type)};
	for (size_t i = 0; i < a->resources.n; i++)
		if (!strcmp(a->resources.items[i].ref, r->ref)) {
			resource_free(&a->resources.items[i]);
			a->resources.items[i] = d;
			return i;
		}
	VEC_GROW(a->resources);
	a->resources.items[a->resources.n] = d;
	return a->resources.n++;
}

size_t galley_article_n_resources(const galley_article *a) { return a->resources.n; }

const galley_resource *galley_article_resource(const galley_article *a, size_t i)
{
	return i < a->resources.n ? &a->resources.items[i] : NULL;
}

const galley_resource *galley_article_resource_find(const galley_article *a, const char *ref)
{
	for (size_t i = 0; ref && i < a->resources.n; i++)
		if (!strcmp(a->resources.items[i].ref, ref))
			return &a->resources.items[i];
	return NULL;
}

void galley_article_clear_resources(galley_article *a)
{
	for (size_t i = 0; i < a->resources.n; i++)
		resource_free(&a->resources.items[i]);
	a->resources.n = 0;
}

void galley_article_add_stage(galley_article *a, const char *name, const char *version)
{
	strlist_push(&a->stage_names, name ? name : "?");
	strlist_push(&a->stage_versions, version ? version : "");
}

size_t galley_article_n_stages(const galley_article *a) { return a->stage_names.n; }

const char *galley_article_stage_name(const galley_article *a, size_t i)
{
	return i < a->stage_names.n ? a->stage_names.items[i] : NULL;
}

const char *galley_article_stage_version(const galley_article *a, size_t i)
{
	return i < a->stage_versions.n ? a->stage_versions.items[i] : NULL;
}

void galley_article_set_extra(galley_article *a, const char *key, const char *value)
{
	if (!key)
		return;
	for (size_t i = 0; i < a->extra_keys.n; i++) {
		if (!strcmp(a->extra_keys.items[i], key)) {
			if (value) {
				free(a->extra_values.items[i]);
				a->extra_values.items[i] = dup_clean(value);
			} else {
				free(a->extra_keys.items[i]);
				free(a->extra_values.items[i]);
				memmove(a->extra_keys.items + i, a->extra_keys.items + i + 1,
				        (a->extra_keys.n - i - 1) * sizeof(char *));
				memmove(a->extra_values.items + i, a->extra_values.items + i + 1,
				        (a->extra_values.n - i - 1) * sizeof(char *));
				a->extra_keys.n--;
				a->extra_values.n--;
			}
			return;
		}
	}
	if (!value)
		return;
	strlist_push(&a->extra_keys, key);
	char *v = dup_clean(value);
	strlist_push(&a->extra_values, v);
	free(v);
}

const char *galley_article_get_extra(const galley_article *a, const char *key)
{
	for (size_t i = 0; i < a->extra_keys.n; i++)
		if (!strcmp(a->extra_keys.items[i], key))
			return a->extra_values.items[i];
	return NULL;
}

size_t galley_article_n_extra(const galley_article *a) { return a->extra_keys.n; }

const char *galley_article_extra_key(const galley_article *a, size_t i)
{
	return i < a->extra_keys.n ? a->extra_keys.items[i] : NULL;
}

const char *galley_article_extra_value(const galley_article *a, size_t i)
{
	return i < a->extra_values.n ? a->extra_values.items[i] : NULL;
}

void galley_article_set_scratch(galley_article *a, const void *owner, void *ptr, void (*free_fn)(void *))
{
	for (size_t i = 0; i < a->scratch.n; i++) {
		scratch *s = &a->scratch.items[i];
		if (s->owner == owner) {
			if (s->free_fn && s->ptr && s->ptr != ptr)
				s->free_fn(s->ptr);
			s->ptr = ptr;
			s->free_fn = free_fn;
			return;
		}
	}
	VEC_GROW(a->scratch);
	a->scratch.items[a->scratch.n++] = (scratch){owner, ptr, free_fn};
}

void *galley_article_get_scratch(const galley_article *a, const void *owner)
{
	for (size_t i = 0; i < a->scratch.n; i++)
		if (a->scratch.items[i].owner == owner)
			return a->scratch.items[i].ptr;
	return NULL;
}

galley_article *galley_article_copy(const galley_article *a)
{
	galley_article *c = galley_article_new();
	for (int i = 0; i < GALLEY_FIELD__COUNT; i++)
		c->fields[i] = galley_strdup(a->fields[i]);
	galley_article_set_location(c, a->loc_file, a->loc_member, a->loc_offset, a->loc_index);
	galley_article_set_location_warc(c, a->loc_uri, a->loc_record_id, a->loc_date);
	for (int l = 0; l < GALLEY_LIST__COUNT; l++)
		for (size_t i = 0; i < a->lists[l].n; i++)
			strlist_push(&c->lists[l], a->lists[l].items[i]);
	for (size_t i = 0; i < a->author_kinds_n; i++)
		galley_article_set_author_kind(c, i, (galley_author_kind)a->author_kinds[i]);
	if (a->has_raw) {
		unsigned char *d = galley_malloc(a->raw.len ? a->raw.len : 1);
		memcpy(d, a->raw.data, a->raw.len);
		galley_article_take_raw(c, d, a->raw.len, a->raw.content_type, a->raw.charset, a->raw.date,
		                        a->raw.status);
	}
	if (a->body)
		c->body = xmlCopyDoc(a->body, 1);
	for (size_t i = 0; i < a->candidates.n; i++)
		galley_article_add_candidate(c, a->candidates.items[i].field, a->candidates.items[i].value,
		                             a->candidates.items[i].origin);
	for (size_t i = 0; i < a->sources.n; i++)
		galley_article_add_source(c, &a->sources.items[i]);
	for (size_t i = 0; i < a->quotes.n; i++)
		galley_article_add_quote(c, &a->quotes.items[i]);
	for (size_t i = 0; i < a->removed.n; i++)
		galley_article_add_removed(c, &a->removed.items[i]);
	for (size_t i = 0; i < a->decisions.n; i++)
		galley_article_add_decision(c, &a->decisions.items[i]);
	for (size_t i = 0; i < a->resources.n; i++)
		galley_article_add_resource(c, &a->resources.items[i]);
	for (size_t i = 0; i < a->stage_names.n; i++)
		galley_article_add_stage(c, a->stage_names.items[i], a->stage_versions.items[i]);
	for (size_t i = 0; i < a->extra_keys.n; i++)
		galley_article_set_extra(c, a->extra_keys.items[i], a->extra_values.items[i]);
	return c;
}

/* Derive a stable id when no stage set one: from the URL when known, else from the content. */
void galley_article_finalize_id(galley_article *a)
{
	if (a->fields[GALLEY_FIELD_ID])
		return;
	uint64_t h;
	if (a->fields[GALLEY_FIELD_URL]) {
		const char *u = a->fields[GALLEY_FIELD_URL];
		h = galley_hash64(u, strlen(u), GALLEY_HASH_SEED);
	} else {
		char *text = a->body ? galley_body_text(a->body) : galley_strdup("");
		h = galley_hash64(text, strlen(text), GALLEY_HASH_SEED);
		free(text);
		if (a->fields[GALLEY_FIELD_TITLE])
			h = galley_hash64(a->fields[GALLEY_FIELD_TITLE], strlen(a->fields[GALLEY_FIELD_TITLE]), h);
	}
	char id[17];
	snprintf(id, sizeof id, "%016llx", (unsigned long long)h);
	a->fields[GALLEY_FIELD_ID] = galley_strdup(id);
}
