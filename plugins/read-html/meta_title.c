/* read-html metadata: the title decision and the site names found in titles. */
#include "meta_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#define TITLE_NEAR 0.6

/* the title rules (explain.title) */
static const char R_EQUAL[] = "title.h1-equals-meta: the headline is a metadata title";
static const char R_HEAD[] = "title.h1-meta-head: the headline is the first segment of a metadata title";
static const char R_TAIL[] = "title.h1-meta-tail: the headline is the last segment of a metadata title";
static const char R_DECORATED[] = "title.h1-meta-decorated: a metadata title is the headline and a decoration";
static const char R_NEAR[] = "title.h1-near-meta: the headline shares most words with a metadata title";
static const char R_CLEANED[] = "title.meta-cleaned: the best metadata title, site prefix or suffix removed";
static const char R_H1_ONLY[] = "title.h1-only: the first headline, no metadata title";


/* ---- decisions ----------------------------------------------------------------------------- */

/* The host of an absolute URL, lower case, without "www." (written to out). */
void rh_url_host(const char *url, char *out, size_t outsz)
{
	out[0] = 0;
	if (!url)
		return;
	const char *p = strstr(url, "://");
	if (!p)
		return;
	p += 3;
	if (!strncasecmp(p, "www.", 4))
		p += 4;
	size_t n = strcspn(p, "/:?#");
	if (n >= outsz)
		n = outsz - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)p[i]);
	out[n] = 0;
}

/* Letters and digits of s in any script, lower case, Latin accents dropped (written to out,
 * truncated at a character). */
static void squash(const char *s, char *out, size_t outsz)
{
	size_t k = 0;
	const char *end = s + strlen(s);
	while (s < end) {
		uint32_t cp = galley_utf8_next(&s, end);
		if (cp < 0x80) {
			if (isalnum((int)cp) && k + 1 < outsz)
				out[k++] = (char)tolower((int)cp);
			continue;
		}
		if (!uc_is_alnum(cp))
			continue;
		ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
		if (uc_canonical_decomposition(cp, dec) > 0 && dec[0] < 0x80) {
			/* a Latin letter with accents compares as the letter: "Gráfica" ~ grafica.example */
			if (isalnum((int)dec[0]) && k + 1 < outsz)
				out[k++] = (char)tolower((int)dec[0]);
			continue;
		}
		uint8_t u[6];
		int n = u8_uctomb(u, uc_tolower(cp), (int)sizeof u);
		if (n <= 0 || k + (size_t)n + 1 > outsz)
			break;
		memcpy(out + k, u, (size_t)n);
		k += (size_t)n;
	}
	out[k] = 0;
}

/* Does a title segment name the site (one of its names, or its host: "WESERBOTE ONLINE" ~ weserbote.example)? */
bool rh_names_site(const char *seg, const char *const *sites, const char *host)
{
	char a[256], b[256];
	squash(seg, a, sizeof a);
	if (!a[0])
		return false;
	for (size_t i = 0; sites && sites[i]; i++) {
		squash(sites[i], b, sizeof b);
		if (b[0] && (strstr(a, b) || (strlen(a) >= 4 && strstr(b, a))))
			return true;
	}
	if (host && *host) {
		/* the host's main label: "stern" of stern.de, "bbc" of bbc.co.uk */
		char lab[128];
		const char *dot = strchr(host, '.');
		size_t n = dot ? (size_t)(dot - host) : strlen(host);
		if (n >= sizeof lab)
			n = sizeof lab - 1;
		memcpy(lab, host, n);
		lab[n] = 0;
		squash(lab, b, sizeof b);
		if (strlen(b) >= 3 && strstr(a, b))
			return true;
		squash(host, b, sizeof b);
		if (b[0] && strstr(a, b))
			return true;
	}
	return false;
}

/* Does a segment look like a domain name ("petri-heil.ch", "Disfunctions.de")? */
bool rh_looks_like_domain(const char *s)
{
	static const char *const tlds[] = {".com", ".de", ".ch", ".at", ".net", ".org", ".fr", ".it", ".es", ".pl", ".uk",
	                                   ".info", ".eu", ".io", ".co", ".nl", ".be", ".ru", ".tv", ".online", ".news", NULL};
	const char *p = s;
	while (*p) {
		size_t l = strcspn(p, " ");
		for (int i = 0; tlds[i]; i++) {
			size_t tl = strlen(tlds[i]);
			if (l > tl + 1 && !strncasecmp(p + l - tl, tlds[i], tl))
				return true;
		}
		p += l;
		while (*p == ' ')
			p++;
	}
	return false;
}

const char *const rh_title_seps[] = {" | ", " - ", " – ", " — ", " :: ", " : ", " // ", " · ", " • ", " » ",
                                         " « ", " ~ ", " ǀ ", " › ", " > ", " ｜ ", NULL};

/* separators written without spaces ("Title:Site", "Title_Section_Site", "Title｜Site"): a
 * segment after one is cut only when it names the site */
static const char *const tight_seps[] = {"_", "|", ":", "\xEF\xBD\x9C" /* ｜ */, "\xEF\xBC\x9A" /* ： */, NULL};
/* longest section label between a title and a site after the same tight separator, in bytes */
#define TIGHT_SECTION_MAX 12
/* most words of a site name after a tight separator */
#define TIGHT_SITE_WORDS 4

/* Cut a trailing "<sep>Site" (and a short "<sep>Section" before it) written with a tight separator. */
static void clean_tight_suffix(char *t, const char *const *sites, const char *host, char **site_out)
{
	for (int i = 0; tight_seps[i]; i++) {
		char *last = NULL;
		for (char *q = strstr(t, tight_seps[i]); q; q = strstr(q + 1, tight_seps[i]))
			last = q;
		size_t sl = strlen(tight_seps[i]);
		/* tight: no space on either side; the site is the short end, of a few words */
		if (!last || last == t || !last[sl] || last[-1] == ' ' || last[sl] == ' ' ||
		    strlen(last + sl) >= (size_t)(last - t))
			continue;
		size_t words = 1;
		for (const char *w = last + sl; *w; w++)
			words += *w == ' ';
		if (words > TIGHT_SITE_WORDS || !rh_names_site(last + sl, sites, host))
			continue;
		if (site_out && !*site_out)
			*site_out = galley_strdup(last + sl);
		*last = 0;
		char *prev = NULL;
		for (char *q = strstr(t, tight_seps[i]); q; q = strstr(q + 1, tight_seps[i]))
			prev = q;
		if (sl == 1 && *tight_seps[i] == '_' && prev && prev > t && strlen(prev + sl) <= TIGHT_SECTION_MAX)
			*prev = 0;
		return;
	}
}

/* Remove a leading or trailing segment that names the site: "Title | Site", "Site - Title". */
char *rh_clean_title(const char *title, const char *const *sites, const char *host, char **site_out)
{
	char *t = galley_strdup(title);
	/* a separator left dangling at either end: "Title |", "- Title" */
	for (bool again = true; again;) {
		again = false;
		size_t l = strlen(t);
		while (l && t[l - 1] == ' ')
			t[--l] = 0;
		for (int i = 0; rh_title_seps[i]; i++) {
			size_t sl = strlen(rh_title_seps[i]) - 1; /* without the trailing space */
			if (l > sl && !strncmp(t + l - sl, rh_title_seps[i], sl)) {
				t[l - sl] = 0;
				again = true;
				break;
			}
			if (!strncmp(t, rh_title_seps[i] + 1, sl)) {
				memmove(t, t + sl, strlen(t + sl) + 1);
				again = true;
				break;
			}
		}
	}
	for (int round = 0; round < 2; round++) {
		const char *best_sep = NULL;
		size_t best_pos = 0, best_len = 0;
		/* the last separator */
		for (int i = 0; rh_title_seps[i]; i++) {
			const char *p = t, *q;
			while ((q = strstr(p, rh_title_seps[i]))) {
				if (!best_sep || (size_t)(q - t) > best_pos) {
					best_sep = rh_title_seps[i];
					best_pos = (size_t)(q - t);
					best_len = strlen(rh_title_seps[i]);
				}
				p = q + 1;
			}
		}
		if (!best_sep)
			break;
		const char *suffix = t + best_pos + best_len;
		bool strong = strcmp(best_sep, " - ") && strcmp(best_sep, " – ") && strcmp(best_sep, " — ") &&
		              strcmp(best_sep, " : ") && strcmp(best_sep, " > ");
		size_t words = 1;
		for (const char *w = suffix; *w; w++)
			words += *w == ' ';
		bool short_tail = strong && strlen(suffix) < best_pos && words <= 6;
		if ((rh_names_site(suffix, sites, host) || rh_looks_like_domain(suffix) || short_tail) && best_pos > 0) {
			if (site_out && !*site_out)
				*site_out = galley_strdup(suffix);
			t[best_pos] = 0;
			continue;
		}
		/* the first separator, for "Site | Title" */
		const char *first = NULL;
		size_t first_len = 0;
		for (int i = 0; rh_title_seps[i]; i++) {
			const char *q = strstr(t, rh_title_seps[i]);
			if (q && (!first || q < first)) {
				first = q;
				first_len = strlen(rh_title_seps[i]);
			}
		}
		if (first && first > t) {
			char *prefix = galley_strndup(t, (size_t)(first - t));
			bool is_site = rh_names_site(prefix, sites, host);
			if (is_site && first[first_len]) {
				if (site_out && !*site_out)
					*site_out = galley_strdup(prefix);
				char *rest = galley_strdup(first + first_len);
				free(t);
				t = rest;
				free(prefix);
				continue;
			}
			free(prefix);
		}
		break;
	}
	clean_tight_suffix(t, sites, host, site_out);
	char *n = galley_ws_normalize(t);
	free(t);
	return n;
}

/* A comparison key for titles: letters and digits only, lower case (ASCII and Latin-1/Latin
 * Extended-A folded), punctuation, quotes and dashes dropped. */
static void title_key(const char *s, galley_buf *out)
{
	galley_buf_reset(out);
	const char *end = s + strlen(s);
	while (s < end) {
		uint32_t cp = galley_utf8_next(&s, end);
		if (cp < 0x80) {
			if (isalnum((int)cp))
				galley_buf_putc(out, (char)tolower((int)cp));
			continue;
		}
		if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xAB || cp == 0xBB || cp == 0xA0 || cp == 0xB7 || cp == 0x1C0 ||
		    cp == 0xFFFD || (cp >= 0x3000 && cp <= 0x303F))
			continue;
		if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
			cp += 0x20;
		else if (cp >= 0x100 && cp <= 0x17F && !(cp & 1))
			cp += 1;
		galley_buf_put_utf8(out, cp);
	}
	if (!out->data)
		galley_buf_puts(out, "");
}

/* Split points of a title: byte offsets of each separator and its length. */
static size_t title_splits(const char *t, size_t *pos, size_t *len, size_t max)
{
	size_t n = 0;
	for (const char *p = t; *p && n < max; p++) {
		if (*p == '_' && p > t && p[1] && !isalnum((unsigned char)p[-1]) && !isalnum((unsigned char)p[1])) {
			/* "Title_Section_Site" between words of a script without spaces */
			pos[n] = (size_t)(p - t);
			len[n] = 1;
			n++;
			continue;
		}
		if (p > t && (!strncmp(p, "\xEF\xBD\x9C", 3) || !strncmp(p, "\xEF\xBC\x9A", 3))) {
			/* the full-width bar and colon, with or without spaces */
			size_t b = p[-1] == ' ' ? 1 : 0, a = p[3] == ' ' ? 1 : 0;
			pos[n] = (size_t)(p - t) - b;
			len[n] = 3 + a + b;
			n++;
			p += 2 + a;
			continue;
		}
		for (int i = 0; rh_title_seps[i]; i++) {
			size_t sl = strlen(rh_title_seps[i]);
			if (!strncmp(p, rh_title_seps[i], sl)) {
				pos[n] = (size_t)(p - t);
				len[n] = sl;
				n++;
				break;
			}
		}
	}
	return n;
}

static bool key_eq(const char *s, size_t n, const char *key, galley_buf *tmp)
{
	char *c = galley_strndup(s, n);
	title_key(c, tmp);
	free(c);
	return !strcmp(tmp->data, key);
}

/* Does one side of a separator of title v hold key (the rest being decoration: " | Site", a
 * kicker)?  A title with no separator has no decoration to drop ("Artist: Album"). */
static bool side_has(const char *v, const size_t *pos, const size_t *len, size_t ns, const char *key, galley_buf *tmp)
{
	for (size_t j = 0; j < ns; j++) {
		char *head = galley_strndup(v, pos[j]);
		title_key(head, tmp);
		free(head);
		if (strstr(tmp->data, key))
			return true;
		title_key(v + pos[j] + len[j], tmp);
		if (strstr(tmp->data, key))
			return true;
	}
	return false;
}

/* Words of a title for a fuzzy comparison: lower-case tokens split at spaces and punctuation. */
static size_t title_words(const char *s, char words[][48], size_t max)
{
	size_t n = 0, k = 0;
	const char *end = s + strlen(s);
	while (s <= end && n < max) {
		const char *at = s;
		uint32_t cp = s < end ? galley_utf8_next(&s, end) : 0;
		if (s == at)
			s++;
		bool sep = cp == 0 || (cp < 0x80 && !isalnum((int)cp)) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 ||
		           cp == 0xAB || cp == 0xBB || cp == 0xB7;
		if (sep) {
			if (k) {
				words[n][k] = 0;
				n++;
				k = 0;
			}
			if (cp == 0)
				break;
			continue;
		}
		size_t bytes = (size_t)(s - at);
		if (k + bytes < 47) {
			for (size_t i = 0; i < bytes; i++)
				words[n][k++] = (char)tolower((unsigned char)at[i]);
		}
	}
	return n;
}

/* Dice coefficient of the word multisets of two titles, 0..1. */
static double title_similarity(const char *a, const char *b)
{
	char wa[40][48], wb[40][48];
	bool used[40] = {false};
	size_t na = title_words(a, wa, 40), nb = title_words(b, wb, 40);
	if (!na || !nb)
		return 0;
	size_t common = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!used[j] && !strcmp(wa[i], wb[j])) {
				used[j] = true;
				common++;
				break;
			}
	return 2.0 * (double)common / (double)(na + nb);
}

/* The title: the visible headline (<h1>) when a metadata title agrees with it — equal, or the
 * metadata title is the headline plus decoration (" | Site", a kicker) — else the best metadata
 * title by origin, cleaned of a site prefix or suffix. */
char *rh_choose_title(meta_ctx *mc, const char *const *sites_in, const char *host, char **site_out, const char **rule)
{
	galley_buf km = {0}, kh = {0}, tmp = {0};
	char *chosen = NULL;
	/* h1s that are only a segment at the short end of a title name the site: collect them */
	const char *sites[16];
	size_t n_sites = 0;
	for (; sites_in[n_sites] && n_sites < 8; n_sites++)
		sites[n_sites] = sites_in[n_sites];
	sites[n_sites] = NULL;
	size_t n_known = n_sites;
	for (int r = 0; r < 60 && !chosen; r++) {
		for (size_t i = 0; i < mc->n && !chosen; i++) {
			const cand *m = &mc->c[i];
			if (m->rank != r || strcmp(m->field, "title") || !strcmp(m->origin, "h1"))
				continue;
			title_key(m->value, &km);
			if (km.len < 4)
				continue;
			size_t pos[16], len[16];
			size_t ns = title_splits(m->value, pos, len, 16);
			for (size_t j = 0; j < mc->n && !chosen; j++) {
				const cand *h = &mc->c[j];
				if (strcmp(h->field, "title") || strcmp(h->origin, "h1"))
					continue;
				title_key(h->value, &kh);
				if (kh.len < 4 || rh_names_site(h->value, sites, host))
					continue;
				if (!strcmp(km.data, kh.data)) {
					chosen = galley_strdup(h->value), *rule = R_EQUAL;
					break;
				}
				if (ns) {
					const char *v = m->value;
					size_t first = pos[0], last_end = pos[ns - 1] + len[ns - 1];
					size_t tail = strlen(v) - last_end;
					bool head_eq = key_eq(v, first, kh.data, &tmp);
					bool tail_eq = key_eq(v + last_end, tail, kh.data, &tmp);
					if (head_eq && (first >= strlen(v) - first - len[0] || ns > 1 || kh.len >= 12)) {
						chosen = galley_strdup(h->value), *rule = R_HEAD;
						break;
					}
					if (tail_eq && tail >= pos[ns - 1]) {
						chosen = galley_strdup(h->value), *rule = R_TAIL;
						break;
					}
					if ((head_eq || tail_eq) && n_known && !rh_names_site(h->value, sites_in, host)) {
						/* the site's name is known and this is not it: the headline */
						chosen = galley_strdup(h->value), *rule = head_eq ? R_HEAD : R_TAIL;
						break;
					}
					if ((head_eq || tail_eq) && n_sites < 15) {
						sites[n_sites++] = h->value; /* the short end: a site name */
						sites[n_sites] = NULL;
						continue;
					}
				}
				if (kh.len >= 12 && kh.len * 10 >= km.len * 4 && strstr(km.data, kh.data) &&
				    side_has(m->value, pos, len, ns, kh.data, &tmp))
					chosen = galley_strdup(h->value), *rule = R_DECORATED; /* headline + decoration */
			}
		}
	}
	if (chosen) {
		galley_buf_free(&km);
		galley_buf_free(&kh);
		galley_buf_free(&tmp);
		return chosen;
	}
	/* near agreement: a headline that shares most of its words with a (cleaned) metadata title
	 * is the page's own wording of it */
	for (int r = 0; r < 60 && !chosen; r++)
		for (size_t i = 0; i < mc->n && !chosen; i++) {
			const cand *m = &mc->c[i];
			if (m->rank != r || strcmp(m->field, "title") || !strcmp(m->origin, "h1"))
				continue;
			char *cm = rh_clean_title(m->value, sites, host, NULL);
			title_key(cm, &km);
			for (size_t j = 0; j < mc->n && !chosen; j++) {
				const cand *h = &mc->c[j];
				if (strcmp(h->field, "title") || strcmp(h->origin, "h1") || rh_names_site(h->value, sites, host))
					continue;
				/* a headline that is the metadata title plus a kicker, date or section is not
				 * better than the metadata title */
				title_key(h->value, &kh);
				if (km.len && strstr(kh.data, km.data))
					continue;
				if (title_similarity(h->value, cm) >= TITLE_NEAR)
					chosen = galley_strdup(h->value), *rule = R_NEAR;
			}
			free(cm);
		}
	galley_buf_free(&km);
	galley_buf_free(&kh);
	galley_buf_free(&tmp);
	if (chosen)
		return chosen;
	/* no agreement: the best metadata title that is not only the site's name */
	for (int r = 0; r < 60; r++)
		for (size_t i = 0; i < mc->n; i++) {
			const cand *m = &mc->c[i];
			if (m->rank != r || strcmp(m->field, "title") || !strcmp(m->origin, "h1"))
				continue;
			bool only_site = false;
			for (size_t k = 0; sites[k]; k++)
				if (!strcasecmp(m->value, sites[k]))
					only_site = true;
			if (only_site)
				continue;
			char *c = rh_clean_title(m->value, sites, host, site_out);
			if (*c) {
				*rule = R_CLEANED;
				return c;
			}
			free(c);
		}
	/* last: the first h1 */
	for (size_t i = 0; i < mc->n; i++)
		if (!strcmp(mc->c[i].field, "title") && !strcmp(mc->c[i].origin, "h1")) {
			*rule = R_H1_ONLY;
			return galley_strdup(mc->c[i].value);
		}
	return NULL;
}
