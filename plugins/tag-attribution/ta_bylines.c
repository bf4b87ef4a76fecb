/* tag-attribution: bylines: a credit line's text in, the names it credits out ('By A and B',
 * 'Text: A / B'), labelled credits inside longer text, and byline elements of the DOM. */
#include "ta_private.h"

/* The most words a job title after a byline's name has after its opener ("Senior Politics
 * Editor": two). */
#define TA_JOB_TITLE_MAX_WORDS 3

/* Where a writer's job title starts after the name ("Jane Doe Staff Writer", "Jane Doe Senior
 * Science Editor"): an opener of title-openers.txt after two words or more, closed by a role
 * within TA_JOB_TITLE_MAX_WORDS capitalised words; w->n when there is none. */
static size_t ta_job_title_at(const ta_state *st, const ta_words *w)
{
	for (size_t k = 2; k + 1 < w->n; k++) {
		if (!ta_has_upper_start(w->w[k], w->l[k]) || !ta_word_in(&st->titleopeners, w->w[k], w->l[k]))
			continue;
		for (size_t j = k + 1; j < w->n && j <= k + TA_JOB_TITLE_MAX_WORDS; j++) {
			if (!ta_has_upper_start(w->w[j], w->l[j]))
				break;
			size_t l = w->l[j];
			while (l > 1 && strchr(",;.", w->w[j][l - 1]))
				l--;
			if (ta_word_in(&st->roles, w->w[j], l))
				return k;
		}
	}
	return w->n;
}

/* A word in capitals of two letters or more ("BBC"). */
static bool ta_all_caps_words_n(const char *w, size_t l)
{
	size_t caps = 0;
	for (size_t i = 0; i < l; i++) {
		if (w[i] >= 'a' && w[i] <= 'z')
			return false;
		caps += w[i] >= 'A' && w[i] <= 'Z';
	}
	return caps >= 2;
}

/* The most words of an outlet's name after a writer's ("Example Evening Times": three). */
#define TA_OUTLET_AFTER_NAME_MAX_WORDS 3

/* Where an outlet's name starts after the writer's, no comma between ("Jane Doe Example
 * Times"): capitalised words after two words or more, the last a word of org-words.txt
 * ("Times", "News", "Zeitung"); n when there is none. */
static size_t ta_outlet_after_name(const ta_state *st, const ta_words *w, size_t n)
{
	if (n < 3 || !ta_word_in(&st->orgwords, w->w[n - 1], w->l[n - 1]))
		return n;
	size_t j = n - 1;
	while (j > 2 && n - j < TA_OUTLET_AFTER_NAME_MAX_WORDS && ta_has_upper_start(w->w[j - 1], w->l[j - 1]) &&
	       !ta_word_in(&st->given, w->w[j - 1], w->l[j - 1]))
		j--;
	/* the outlet's name two words or more (a desk's one word, "Example News Desk", is the
	 * credit itself); the name before it two capitalised words at least, no article nor an
	 * organisation's word among them ("The New York Times" is one name) */
	if (j < 2 || n - j < 2)
		return n;
	for (size_t i = 0; i < j; i++)
		if (!ta_has_upper_start(w->w[i], w->l[i]) || ta_word_in(&st->determiners, w->w[i], w->l[i]) ||
		    ta_word_in(&st->orgwords, w->w[i], w->l[i]) || ta_all_caps_words_n(w->w[i], w->l[i]))
			return n;
	return j;
}

/* The longest short name in capitals after a writer's, past a comma ("Jane Doe, XYZ"). */
enum { TA_SHORT_NAME_MAX = 6 };
/* The words of the writer's name before that comma. */
enum { TA_WRITER_WORDS_MIN = 2, TA_WRITER_WORDS_MAX = 4 };

/* Is seg, the part after the comma at comma of name, an outlet's or agency's short name in
 * capitals after a writer's name of two words or more not itself in capitals ("Jane Doe,
 * XYZ", "Jane Doe, ABC")?  In a line all in capitals it may be a name. */
static bool ta_short_name_after(const char *name, const char *comma, const char *seg)
{
	ta_words sw, nw;
	ta_split_words(seg, &sw);
	if (sw.n != 1 || sw.l[0] < 2 || sw.l[0] > TA_SHORT_NAME_MAX || !ta_all_caps_words_n(sw.w[0], sw.l[0]))
		return false;
	char *first = galley_strndup(name, (size_t)(comma - name));
	ta_split_words(first, &nw);
	bool ok = nw.n >= TA_WRITER_WORDS_MIN && nw.n <= TA_WRITER_WORDS_MAX;
	for (size_t i = 0; i < nw.n && ok; i++)
		ok = !ta_all_caps_words_n(nw.w[i], nw.l[i]);
	free(first);
	return ok;
}

/* Drops the comma segments after the first that qualify the name rather than name someone
 * (in place): a degree, an outlet and what follows it, a short name in capitals. */
static void ta_cut_qualifiers(const ta_state *st, char *name, const char *site)
{
	/* comma segments after the first: drop qualifiers ("Jane Doe, PhD", "Rob Marden, CNN") */
	char *comma = strchr(name, ',');
	/* but an editor's short sign before the outlet and its agencies is one credit, kept as
	 * the page shows it: "red, tirol.NRX.at/Agenturen" */
	bool sign = comma && comma - name >= 2 && comma - name <= 4;
	for (const char *p = name; sign && p < comma; p++)
		sign = *p >= 'a' && *p <= 'z';
	/* after the outlet, the dateline's place: "By Nadia Farouk, BBC News, New York" */
	bool outlet = false;
	while (comma) {
		char *next = strchr(comma + 1, ',');
		char *seg = galley_strndup(comma + 1, next ? (size_t)(next - comma - 1) : strlen(comma + 1));
		bool q = outlet || (ta_is_qualifier(st, seg, site) && !(sign && !next && ta_slash_credit(seg))) ||
		         ta_short_name_after(name, comma, seg);
		if (q && !outlet) {
			char *sn = galley_ws_normalize(seg);
			char *lo = ta_lower(sn, strlen(sn));
			outlet = (site && ta_ieq(sn, site)) || ta_set_get(&st->outlets, lo, strlen(lo)) >= 0;
			free(lo);
			free(sn);
		}
		free(seg);
		if (q) {
			if (next)
				memmove(comma, next, strlen(next) + 1);
			else
				*comma = 0;
			comma = strchr(name, ',');
			continue;
		}
		comma = next;
	}
}

/* One author's name after the labels are gone: trim edge punctuation, handles, qualifiers. */
static void ta_add_byline_name(const ta_state *st, ta_names *out, const char *s, size_t n, const char *site, ta_name_check check)
{
	bool lenient = check == TA_NAME_LENIENT;
	char *raw = galley_strndup(s, n);
	char *name = galley_ws_normalize(raw);
	free(raw);
	ta_cut_qualifiers(st, name, site);
	/* the story's place after the writer, as a dateline gives it: "Jane Doe, Washington",
	 * "Jane Doe and John Roe, London"; a part of the line that is only a place names nobody
	 * ("New York" of "Jane Doe, New York") */
	if (ta_is_place(st, name, strlen(name))) {
		free(name);
		return;
	}
	for (bool cut = true; cut;) {
		cut = false;
		/* the last part, or the last two ("Washington, D.C.") */
		char *c = strrchr(name, ',');
		for (int k = 0; k < 2 && c && c > name && !cut; k++) {
			const char *seg = c + 1;
			while (*seg == ' ')
				seg++;
			if (ta_is_place(st, seg, strlen(seg))) {
				*c = 0;
				cut = true;
			} else {
				char *p = c;
				while (p > name && p[-1] != ',')
					p--;
				c = p > name ? p - 1 : NULL;
			}
		}
	}
	ta_words w;
	ta_split_words(name, &w);
	/* drop handles and e-mail addresses; drop trailing role words ("Harald Kessling Autor") */
	galley_buf b = {0};
	size_t kept = 0;
	size_t last = ta_job_title_at(st, &w);
	last = ta_outlet_after_name(st, &w, last);
	while (last > 2 || (last == 2 && !ta_word_in(&st->roles, w.w[1], w.l[1]))) {
		const char *lw = w.w[last - 1];
		size_t ll = w.l[last - 1];
		/* the outlet's staff after the name: "Adam Feinberg CityVoice Staff" */
		const char *ow = w.w[last - 2];
		size_t ol = w.l[last - 2];
		char *olow = last >= 4 && ta_word_in(&st->orgwords, lw, ll) ? ta_lower(ow, ol) : NULL;
		bool outlet_staff = olow && ((site && strlen(site) == ol && !strncasecmp(site, ow, ol)) || ta_set_get(&st->outlets, olow, strlen(olow)) >= 0);
		free(olow);
		if (outlet_staff)
			last -= 2;
		else if ((ta_word_in(&st->roles, lw, ll) || ta_role_compound(st, lw, ll)) && !ta_is_dr(lw, ll))
			last--;
		else if (last == w.n && ll <= 4 && !ta_has_upper_start(lw, ll) && ta_word_in(&st->prefixes, lw, ll)) {
			/* the label closing the line, its name set apart in the next element: "Article
			 * by" names nobody */
			free(name);
			return;
		} else if (ta_word_in(&st->prefixes, lw, ll) || ta_word_in(&st->datewords, lw, ll))
			last--;
		else
			break;
	}
	/* a role that an article or a preposition before it made part of a phrase: "By Letters To
	 * The Editor" names nobody */
	if (last < w.n && last > 0 && (ta_word_in(&st->determiners, w.w[last - 1], w.l[last - 1]) ||
	                               ta_word_in(&st->preps, w.w[last - 1], w.l[last - 1]))) {
		free(name);
		return;
	}
	/* and leading ones: "Netzforscherin Leena Arvidsson", "Redakteur Max Muster" (two words stay) */
	size_t first = 0;
	while (last - first > 2 && (ta_word_in(&st->roles, w.w[first], w.l[first]) || ta_role_compound(st, w.w[first], w.l[first])) &&
	       !ta_is_dr(w.w[first], w.l[first]))
		first++;
	/* the name twice, the text of two elements run together (a picture's alternative text and
	 * the link): "Par Olivier Darnand Olivier Darnand" */
	if (last - first >= 4 && (last - first) % 2 == 0) {
		size_t half = (last - first) / 2;
		bool twice = true;
		for (size_t i = first; i < first + half && twice; i++)
			twice = w.l[i] == w.l[i + half] && !memcmp(w.w[i], w.w[i + half], w.l[i]);
		if (twice)
			last = first + half;
	}
	for (size_t i = first; i < last; i++) {
		if (memchr(w.w[i], '@', w.l[i]))
			continue;
		if (kept++)
			galley_buf_putc(&b, ' ');
		galley_buf_append(&b, w.w[i], w.l[i]);
	}
	galley_buf_putc(&b, 0);
	char *clean = galley_buf_steal(&b);
	size_t cl = strlen(clean);
	while (cl && (clean[cl - 1] == ',' || clean[cl - 1] == ';' || clean[cl - 1] == ':' || clean[cl - 1] == '|' ||
	              clean[cl - 1] == '/' || clean[cl - 1] == '-' || clean[cl - 1] == ' ' || clean[cl - 1] == '(' || clean[cl - 1] == ')'))
		clean[--cl] = 0;
	/* arrows and other symbols closing a link's text: "Mehr Artikel von Jonas →" */
	while (cl) {
		size_t i = cl - 1;
		while (i > 0 && ((unsigned char)clean[i] & 0xC0) == 0x80)
			i--;
		const char *q = clean + i;
		uint32_t cp = galley_utf8_next(&q, clean + cl);
		if (cp < 0x80 || ta_is_letter(cp))
			break;
		cl = i;
		while (cl && clean[cl - 1] == ' ')
			cl--;
		clean[cl] = 0;
	}
	char *start = clean;
	while (*start == ',' || *start == ';' || *start == ':' || *start == ' ' || *start == '|' || *start == '-')
		start++;
	if (ta_plausible_as(st, start, lenient ? TA_NAME_LENIENT : TA_NAME_STRICT))
		ta_names_add(out, start);
	free(clean);
	free(name);
}

/* Remove soft hyphens and zero-width characters; put a space after a label glued to the name
 * ("vonChris Jung", "ByAlex Bozarjian"). */
static char *ta_byline_prepare(const ta_state *st, const char *text)
{
	galley_buf b = {0};
	const char *p = text, *end = text + strlen(text), *run = text;
	while (p < end) {
		if ((unsigned char)*p < 0x80) { /* ASCII is copied as it is, with its run */
			p++;
			continue;
		}
		const char *c0 = p;
		uint32_t c = galley_utf8_next(&p, end);
		bool gone = c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF;
		if (!gone && c != 0xFF1A)
			continue;
		galley_buf_append(&b, run, (size_t)(c0 - run));
		run = p;
		if (c == 0xFF1A) /* a full-width colon closes a label as ':' does: "责任编辑：焦鹏" */
			galley_buf_puts(&b, ": ");
	}
	galley_buf_append(&b, run, (size_t)(end - run));
	galley_buf_putc(&b, 0);
	char *s = galley_buf_steal(&b);
	/* separators left before the label by the markup: ", par Collectif Exemple", "| By Jane Doe" */
	char *s0 = s;
	while (*s0 == ',' || *s0 == ';' || *s0 == '|' || *s0 == ' ' || *s0 == '-' || *s0 == '/')
		s0++;
	char *norm = galley_ws_normalize(s0);
	free(s);
	ta_words w;
	ta_split_words(norm, &w);
	galley_buf o = {0};
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			galley_buf_putc(&o, ' ');
		size_t split = 0;
		for (size_t k = 2; k + 1 < w.l[i] && k <= 12 && !split; k++) {
			const char *q = w.w[i] + k;
			if (((unsigned char)*q & 0xC0) == 0x80)
				continue;
			if (!ta_is_upper(galley_utf8_next(&q, w.w[i] + w.l[i])))
				continue;
			if (ta_is_upper((unsigned char)w.w[i][0]) && ta_is_upper((unsigned char)w.w[i][1]))
				continue; /* "McDonald", "IWB" stay */
			char *lo = ta_lower(w.w[i], k);
			if (ta_set_get(&st->prefixes, lo, strlen(lo)) >= 0)
				split = k;
			free(lo);
		}
		if (!split && ta_is_upper((unsigned char)w.w[i][0])) {
			/* text of two elements glued together: "ArztRedakteur", "HoeltmannFollow" */
			size_t lowrun = 0;
			for (size_t k = 1; k + 2 < w.l[i] && !split; k++) {
				unsigned char ch = (unsigned char)w.w[i][k];
				if (ch >= 'a' && ch <= 'z')
					lowrun++;
				else if (ch >= 'A' && ch <= 'Z' && lowrun >= 3 && w.w[i][k + 1] >= 'a' && w.w[i][k + 1] <= 'z') {
					/* only before a word of the vocabularies: "Redakteur", "Follow" */
					size_t rest = w.l[i] - k;
					if (ta_word_in(&st->roles, w.w[i] + k, rest) || ta_word_in(&st->datewords, w.w[i] + k, rest) ||
					    ta_word_in(&st->prefixes, w.w[i] + k, rest) || ta_word_in(&st->notauthors, w.w[i] + k, rest) ||
					    ta_role_compound(st, w.w[i] + k, rest))
						split = k;
					else
						break;
				}
				else if (ch < 0x80)
					lowrun = 0;
			}
		}
		/* a handle or an e-mail address glued to the name ("Jane Doe@janedoe", "Doe@example.org")
		 * or standing alone after it ("Jane Doe @janedoe"): not part of the name */
		const char *at = memchr(w.w[i], '@', w.l[i]);
		bool email = at && memchr(at, '.', (size_t)(w.w[i] + w.l[i] - at)) != NULL;
		if (at && (at == w.w[i] || email) && i > 0)
			continue;
		if (at && at > w.w[i] && !email && !split) {
			galley_buf_append(&o, w.w[i], (size_t)(at - w.w[i]));
			continue;
		}
		/* a date glued to the name: "Jane Doe2017-03-01" */
		for (size_t k = 1; k + 10 <= w.l[i] && !split; k++) {
			const char *q = w.w[i] + k;
			if ((q[-1] < '0' || q[-1] > '9') && q[-1] != '-' && q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9' &&
			    q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9' && q[4] == '-' && q[7] == '-')
				split = k;
		}
		if (split) {
			galley_buf_append(&o, w.w[i], split);
			galley_buf_putc(&o, ' ');
			galley_buf_append(&o, w.w[i] + split, w.l[i] - split);
		} else
			galley_buf_append(&o, w.w[i], w.l[i]);
	}
	galley_buf_putc(&o, 0);
	free(norm);
	char *out = galley_buf_steal(&o);
	/* a name said twice, a link's text and its title glued: "Holger von Birken Holger von Birken" */
	size_t n = strlen(out);
	if (n >= 5 && n % 2 && out[n / 2] == ' ' && !memcmp(out, out + n / 2 + 1, n / 2))
		out[n / 2] = 0;
	return out;
}

/* The number of words of a label at w[i] ("By", "Written by", "Text:"), 0 if none. */
size_t ta_label_at(const ta_state *st, const ta_words *w, size_t i)
{
	size_t best = 0;
	/* the words lower-cased once, one after the other: every length k is a prefix of it */
	galley_buf b = {0};
	for (size_t k = 1; k <= (size_t)st->prefixes.maxw && i + k <= w->n; k++) {
		const char *from = k == 1 ? w->w[i] : w->w[i + k - 2] + w->l[i + k - 2];
		ta_lower_into(&b, from, (size_t)(w->w[i + k - 1] + w->l[i + k - 1] - from));
		size_t ll = b.len;
		if (k == 1 && st->prefixes.firsts) {
			/* a quick no: no label opens with this word ("Text:", "Written by") */
			size_t fl = ll;
			while (fl && (b.data[fl - 1] == ':' || b.data[fl - 1] == ','))
				fl--;
			if (ta_set_get(st->prefixes.firsts, b.data, ll) < 0 && (!fl || ta_set_get(st->prefixes.firsts, b.data, fl) < 0))
				break;
		}
		/* "Redaktion:" is a label only with its colon (the file says so) */
		if (ll > 1 && b.data[ll - 1] == ':' && ta_set_get(&st->prefixes, b.data, ll) >= 0)
			best = k;
		while (ll && (b.data[ll - 1] == ':' || b.data[ll - 1] == ','))
			ll--;
		if (ll && ta_set_get(&st->prefixes, b.data, ll) >= 0)
			best = k;
	}
	galley_buf_free(&b);
	return best;
}

/* The number of words of a phrase at w[i] that joins two people of a byline ("im Gespräch
 * mit"), 0 if none. */
static size_t ta_join_at(const ta_state *st, const ta_words *w, size_t i)
{
	size_t best = 0;
	if (i + 1 > w->n)
		return 0;
	galley_buf b = {0}; /* the words lower-cased once, as in ta_label_at */
	ta_lower_into(&b, w->w[i], w->l[i]);
	/* one word ("avec", "with") joins only before a full name: two capitalised words */
	if (ta_set_get(&st->joins, b.data, b.len) >= 0 && i + 2 < w->n && ta_has_upper_start(w->w[i + 1], w->l[i + 1]) &&
	    ta_has_upper_start(w->w[i + 2], w->l[i + 2]))
		best = 1;
	for (size_t k = 2; k <= (size_t)st->joins.maxw && i + k <= w->n; k++) {
		const char *from = w->w[i + k - 2] + w->l[i + k - 2];
		ta_lower_into(&b, from, (size_t)(w->w[i + k - 1] + w->l[i + k - 1] - from));
		if (ta_set_get(&st->joins, b.data, b.len) >= 0)
			best = k;
	}
	galley_buf_free(&b);
	return best;
}

bool ta_has_digit(const char *w, size_t l)
{
	for (size_t c = 0; c < l; c++)
		if (w[c] >= '0' && w[c] <= '9')
			return true;
	return false;
}

bool ta_is_month(const ta_state *st, const char *w, size_t l)
{
	return ta_word_in(&st->months, w, l);
}

/* One segment of a byline between joins ("A, B and C"): its names, each one on its own
 * when commas part several full names. */
static void ta_byline_segment(const ta_state *st, ta_names *out, const char *from, size_t len, const char *site, ta_name_check check)
{
	char *part = galley_strndup(from, len);
	ta_words pw;
	ta_split_words(part, &pw);
	size_t pl = ta_label_at(st, &pw, 0);
	const char *pstart = pl && pl < pw.n ? pw.w[pl] : part;
	/* an outlet closing a list of several writers is none of them: "Jane Doe, John Roe, Example
	 * News" (one writer and the outlet, "Jane Doe, Example News", is cut below) */
	char *last = strrchr(pstart, ',');
	if (last && memchr(pstart, ',', (size_t)(last - pstart))) {
		char *tail = galley_ws_normalize(last + 1);
		if (ta_is_qualifier(st, tail, site) && !ta_is_place(st, tail, strlen(tail)))
			*last = 0;
		free(tail);
	}
	bool all_names = strchr(pstart, ',') != NULL;
	size_t nparts = 0;
	for (const char *p = pstart; all_names && p;) {
		const char *c = strchr(p, ',');
		size_t len2 = c ? (size_t)(c - p) : strlen(p);
		char *one = galley_strndup(p, len2);
		char *nm = galley_ws_normalize(one);
		ta_words ow;
		ta_split_words(nm, &ow);
		/* the dateline's place among them is none of the names: "Jane Doe, John Roe,
		 * Berlin" */
		if (ta_is_place(st, nm, strlen(nm))) {
			free(nm);
			free(one);
			p = c ? c + 1 : NULL;
			continue;
		}
		if (ow.n < 2 || ow.n > 4 || ta_is_qualifier(st, nm, site))
			all_names = false;
		for (size_t q = 0; q < ow.n && all_names; q++)
			if (!ta_has_upper_start(ow.w[q], ow.l[q]) && !ta_word_in(&st->particles, ow.w[q], ow.l[q]))
				all_names = false;
		free(nm);
		free(one);
		nparts++;
		p = c ? c + 1 : NULL;
	}
	if (all_names && nparts > 1) {
		for (const char *p = pstart; p;) {
			const char *c = strchr(p, ',');
			size_t len2 = c ? (size_t)(c - p) : strlen(p);
			ta_add_byline_name(st, out, p, len2, site, check);
			p = c ? c + 1 : NULL;
		}
	} else {
		ta_add_byline_name(st, out, pstart, strlen(pstart), site, check);
	}
	free(part);
}

/* Where the names end at the first separator of seps after their start ("Jane Doe | Reuters"). */
static size_t ta_byline_cut(const char *from, const char *const *seps, size_t nseps)
{
	size_t cut = strlen(from);
	for (size_t k = 0; k < nseps; k++) {
		const char *p = strstr(from, seps[k]);
		if (p && (size_t)(p - from) < cut && p > from)
			cut = (size_t)(p - from);
	}
	return cut;
}

/* A short line that is a name and then a handle: "Jane Doe, @janedoe", "Jane Doe @janedoe". */
bool ta_name_with_handle(const char *text)
{
	const char *at = strchr(text, '@');
	if (!at || at == text || strchr(at + 1, '@') || strchr(at, ' ') || at[1] == 0)
		return false;
	const char *p = at;
	while (p > text && (p[-1] == ' ' || p[-1] == ','))
		p--;
	return p > text && memchr(text, ' ', (size_t)(p - text)) != NULL;
}

/* A conjunction in capitals between names in capitals: "JANE DOE AND JOHN ROE". */
static bool ta_caps_conj(const ta_words *w, size_t k)
{
	static const char *const conj[] = {"AND", "UND", "ET"};
	bool hit = false;
	for (size_t c = 0; c < sizeof conj / sizeof conj[0] && !hit; c++)
		hit = w->l[k] == strlen(conj[c]) && !memcmp(w->w[k], conj[c], w->l[k]);
	if (!hit || k == 0 || k + 1 >= w->n)
		return false;
	for (size_t j = k - 1; j <= k + 1; j += 2)
		for (size_t c = 0; c < w->l[j]; c++)
			if (w->w[j][c] >= 'a' && w->w[j][c] <= 'z')
				return false;
	return true;
}

/* The names of a byline end at a slash before a date, a month or a desk's short name:
 * "Jane Roe / Oktober 25", "Jane Roe/June 12"; returns the new length of from's first cut
 * bytes. */
static size_t ta_byline_slash_cut(const ta_state *st, const char *from, size_t cut)
{
	for (const char *p = from; (p = strchr(p, '/')) != NULL && (size_t)(p - from) < cut; p++) {
		const char *q = p + 1;
		while (*q == ' ')
			q++;
		size_t ql = strcspn(q, " ,.");
		/* or, after a person's full name, a desk's or an agency's short name alone before
		 * the line's end or its date: "Jane Doe / ABC / Updated: ..." (not "Jane Doe / John
		 * Roe", nor an editor's sign and its agency, "abc / DPA", one credit) */
		size_t seg = strcspn(q, "/");
		while (seg && q[seg - 1] == ' ')
			seg--;
		const char *sp = memchr(from, ' ', (size_t)(p - from));
		bool acronym = ql >= 2 && ql <= 6 && seg == ql && p > from && p[-1] == ' ' && sp && sp + 1 < p - 1 && ta_has_upper_start(from, (size_t)(p - from));
		for (size_t c = 0; c < ql && acronym; c++)
			acronym = q[c] >= 'A' && q[c] <= 'Z';
		if ((*q >= '0' && *q <= '9') || ta_is_month(st, q, ql) || acronym) {
			return (size_t)(p - from);
		}
	}
	return cut;
}

/* The names among the first `end` words of w, split at conjunctions, joins ("in conversation
 * with") and semicolons, each added to out by ta_byline_segment. */
static void ta_byline_split_names(const ta_state *st, const ta_words *w, size_t end, ta_names *out, const char *site,
                                  bool lenient)
{
	size_t seg = 0;
	for (size_t k = 0; k <= end; k++) {
		/* "Jonas Peter Feldberg im Gespräch mit Lena Ostrowski": both */
		size_t jm = k > 0 && k < end ? ta_join_at(st, w, k) : 0;
		if (jm && !(k + jm < end && ta_has_upper_start(w->w[k + jm], w->l[k + jm])))
			jm = 0;
		bool brk = k == end || jm || ((ta_is_conj(w->w[k], w->l[k]) || ta_caps_conj(w, k)) && k + 1 < end && ta_has_upper_start(w->w[k + 1], w->l[k + 1]));
		bool semi = k < end && w->w[k][w->l[k] - 1] == ';';
		if (!brk && !semi)
			continue;
		size_t last = semi ? k + 1 : k;
		if (last > seg)
			ta_byline_segment(st, out, w->w[seg], (size_t)(w->w[last - 1] + w->l[last - 1] - w->w[seg]), site,
			                  lenient ? TA_NAME_LENIENT : TA_NAME_STRICT);
		seg = k + (jm ? jm : 1);
		if (jm)
			k += jm - 1;
	}
}

/* Names from a byline as a reader sees it: "By Jane Doe and John Roe | Reuters | 5 March 2024".
 * flags (ta_byline_flag): TA_BYLINE_NEED_LABEL, the text must start with a label ("By",
 * "Von"); TA_BYLINE_METADATA, a metadata value, meant to be a name. */
void ta_parse_byline(const ta_state *st, const char *text, ta_names *out, const char *site, unsigned flags)
{
	bool need_label = flags & TA_BYLINE_NEED_LABEL, lenient = flags & TA_BYLINE_METADATA;
	char *s = ta_byline_prepare(st, text);
	static const char *const seps[] = {" | ", "|", " • ", " · ", " — ", " – ", " - ", "\xe2\x80\xa2", " /// ", " ("};
	ta_words w;
	ta_split_words(s, &w);
	size_t i = 0, lab = 0;
	while ((lab = ta_label_at(st, &w, i)) > 0) {
		if (i + lab >= w.n) {
			free(s);
			return; /* only a label: "About the author", "Autor:" */
		}
		i += lab;
	}
	if ((need_label && i == 0) || (i < w.n && (ta_word_in(&st->datewords, w.w[i], w.l[i]) || ta_word_in(&st->photowords, w.w[i], w.l[i]) ||
	                                           ta_word_in(&st->othercredits, w.w[i], w.l[i])))) {
		free(s);
		return; /* "Foto: ...", "Quelle: ...", "Photograph by ...", "Edited by ..." */
	}
	/* a label word before a number is a preposition: "Über 5.000 Rezepte mit ...",
	 * "By 2030 ..." */
	if (i > 0 && i < w.n && w.w[i][0] >= '0' && w.w[i][0] <= '9') {
		free(s);
		return;
	}
	/* after a label, a nickname with its article: "Eingestellt von der Kapitän um 19:42" (one
	 * capitalised word that the line's end, a date or a time closes; no role: not "von der
	 * Redaktion") */
	if (i > 0 && i + 1 < w.n && ta_word_in(&st->determiners, w.w[i], w.l[i]) && !ta_has_upper_start(w.w[i], w.l[i]) &&
	    ta_has_upper_start(w.w[i + 1], w.l[i + 1]) && !strchr(",.;:|()", w.w[i + 1][w.l[i + 1] - 1]) &&
	    (i + 2 >= w.n || ta_word_in(&st->datewords, w.w[i + 2], w.l[i + 2]) || ta_has_digit(w.w[i + 2], w.l[i + 2])) &&
	    !ta_word_in(&st->roles, w.w[i + 1], w.l[i + 1]) && !ta_role_compound(st, w.w[i + 1], w.l[i + 1]) &&
	    !ta_word_in(&st->notnames, w.w[i + 1], w.l[i + 1]) && !ta_word_in(&st->notauthors, w.w[i + 1], w.l[i + 1]) &&
	    !ta_word_in(&st->prefixes, w.w[i + 1], w.l[i + 1]) && !ta_word_in(&st->orgwords, w.w[i + 1], w.l[i + 1]))
		lenient = true;
	const char *from = i < w.n ? w.w[i] : s + strlen(s);
	size_t cut = ta_byline_cut(from, seps, sizeof seps / sizeof seps[0]);
	/* no label, a section's one word before the separator and a person's names after it:
	 * "Politik · Jane Doe, John Roe" (the names) */
	if (i == 0 && cut < strlen(from) && !memchr(from, ' ', cut)) {
		const char *rest = from + cut;
		while (*rest && (*rest == ' ' || strchr("|\xc2\xb7\xe2\x80\x94\x93\xa2-/", *rest)))
			rest++;
		ta_words rw;
		ta_split_words(rest, &rw);
		bool names = rw.n >= 2 && ta_has_upper_start(rw.w[0], rw.l[0]) && ta_has_upper_start(rw.w[1], rw.l[1]) &&
		             !ta_word_in(&st->orgwords, rw.w[1], rw.l[1]) && !ta_word_in(&st->determiners, rw.w[0], rw.l[0]) &&
		             !ta_has_digit(rw.w[0], rw.l[0]) && !ta_is_month(st, rw.w[0], rw.l[0]) && ta_word_in(&st->notnames, from, cut) == false &&
		             ta_has_upper_start(from, cut) && !ta_word_in(&st->given, from, cut);
		if (names && *rest) {
			from = rest;
			cut = ta_byline_cut(from, seps, sizeof seps / sizeof seps[0]);
		}
	}
	cut = ta_byline_slash_cut(st, from, cut);
	char *names = galley_strndup(from, cut);
	ta_split_words(names, &w);
	size_t end = w.n;
	for (size_t k = 1; k < w.n; k++) {
		/* the editor's or translator's credit after the writers' names, set off by a mark, ends
		 * them: "Reporting by Jane Doe; Editing by John Roe" (Jane Doe); in the run of the
		 * words it makes them all a credit ("Second Edition Edited by Omar Haddad": nobody) */
		if (ta_word_in(&st->othercredits, w.w[k], w.l[k])) {
			if (!strchr(",.;:", w.w[k - 1][w.l[k - 1] - 1])) {
				free(names);
				free(s);
				return;
			}
			/* the full stop closed the sentence, not an initial: "Von Anna Schmidt. Übersetzt von" */
			if (w.w[k - 1][w.l[k - 1] - 1] == '.' && w.l[k - 1] > 3)
				w.l[k - 1]--;
			end = k;
			break;
		}
		size_t jm = ta_join_at(st, &w, k);
		if (jm) {
			k += jm - 1; /* "in conversation with": no stop word there */
			continue;
		}
		/* a joining word before words in lower case ends the names: "Jane Doe with additional
		 * reporting" */
		if (k + 1 < w.n && !ta_has_upper_start(w.w[k + 1], w.l[k + 1]) && ta_word_in(&st->joins, w.w[k], w.l[k])) {
			end = k;
			break;
		}
		bool stop = ta_word_in(&st->datewords, w.w[k], w.l[k]) && (!ta_has_upper_start(w.w[k], w.l[k]) || w.l[k] >= 4);
		/* a weekday after a comma, its date after it: "Jane Doe, Monday, March 5, 2024" */
		size_t wl = w.l[k];
		while (wl > 1 && w.w[k][wl - 1] == ',')
			wl--;
		if (!stop && w.w[k - 1][w.l[k - 1] - 1] == ',' && k + 1 < w.n && ta_word_in(&st->notnames, w.w[k], wl) &&
		    (ta_is_month(st, w.w[k + 1], w.l[k + 1]) || ta_has_digit(w.w[k + 1], w.l[k + 1])))
			stop = true;
		bool month = ta_is_month(st, w.w[k], w.l[k]) && k + 1 < w.n && ta_has_digit(w.w[k + 1], w.l[k + 1]);
		/* a picture's credit after the names: "Greta Symbolbild imago", "Jane Doe Foto: dpa" */
		bool photo = ta_has_upper_start(w.w[k], w.l[k]) && ta_word_in(&st->photowords, w.w[k], w.l[k]);
		/* metadata's value, one capitalised word, then a preposition and a capitalised word:
		 * an organisation's name, not a name and its date ("Landesamt für Wasser
		 * und Bodenschutz"; not "Jane on March 5", nor a byline's category: "Posted by RK in
		 * Tagebuch"); a word of digits and letters is one of its parts ("Bündnis 90/Die
		 * Grünen") */
		if (k == 1 && i == 0 && lenient && ta_has_upper_start(w.w[0], w.l[0]) && k + 1 < w.n &&
		    ((stop && !ta_has_upper_start(w.w[k], w.l[k]) && ta_word_in(&st->preps, w.w[k], w.l[k]) &&
		      ta_has_upper_start(w.w[k + 1], w.l[k + 1]) && !ta_is_month(st, w.w[k + 1], w.l[k + 1]) &&
		      !ta_word_in(&st->datewords, w.w[k + 1], w.l[k + 1])) ||
		     (ta_has_digit(w.w[k], w.l[k]) && memchr(w.w[k], '/', w.l[k]) && ta_is_letter((unsigned char)w.w[k][w.l[k] - 1])))) {
			free(names);
			free(s);
			return;
		}
		if (ta_has_digit(w.w[k], w.l[k]) || stop || month || photo) {
			end = k;
			break;
		}
	}
	ta_byline_split_names(st, &w, end, out, site, lenient);
	free(names);
	free(s);
}

/* Names from a byline, no label needed. */
static void ta_parse_byline_text(const ta_state *st, const char *text, ta_names *out)
{
	ta_parse_byline(st, text, out, NULL, TA_BYLINE_PLAIN);
}

/* More words than a label alone has (TA_LABEL_MAX_WORDS) by ASCII white space, before normalising:
 * every such character also separates words in the normalised text, so the text is no label. */
static bool ta_too_many_words(const char *text)
{
	size_t words = 0;
	bool in = false;
	for (const char *p = text; *p; p++) {
		bool sp = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v';
		if (!sp && !in && ++words > TA_LABEL_MAX_WORDS)
			return true;
		in = !sp;
	}
	return false;
}

/* Whether a text is only a byline label (at most TA_LABEL_MAX_WORDS words): with its colon
 * ("Autor:", "Written by:"; not "Über" or "More from", a menu's link or a list's heading), or
 * without it ("By", "Written by": its name set apart in the next element). */
ta_label_form ta_label_alone(const ta_state *st, const char *text)
{
	if (ta_too_many_words(text))
		return TA_LABEL_NONE;
	char *s = galley_ws_normalize(text);
	ta_words w;
	ta_split_words(s, &w);
	size_t n = strlen(s);
	ta_label_form f = TA_LABEL_NONE;
	if (w.n && w.n <= TA_LABEL_MAX_WORDS && n > 1 && ta_label_at(st, &w, 0) == w.n)
		f = s[n - 1] == ':' ? TA_LABEL_COLON : TA_LABEL_BARE;
	free(s);
	return f;
}

void ta_find_labelled(const ta_state *st, const char *text, ta_names *out, const char *site, bool mid)
{
	if (strlen(text) > 200)
		return;
	char *s = ta_byline_prepare(st, text);
	ta_words w;
	ta_split_words(s, &w);
	for (size_t i = 0; i < w.n && !out->n; i++) {
		size_t lab = ta_label_at(st, &w, i);
		if (!lab || i + lab >= w.n)
			continue;
		if (i > 0) {
			/* mid-text, a label must be a real byline word followed by a capital, and not
			 * credit a photo or a theme ("Foto von X", "Theme by X"); in a line of a post's
			 * meta data, not in a teaser's sentence ("... die drei Apps von Wegwarte, Kompasso und
			 * RadPlan im Test") */
			if (!mid || strlen(text) > 120)
				break;
			char *lo = ta_lower(w.w[i], w.l[i]);
			bool strong = lab > 1 || !strcmp(lo, "by") || !strcmp(lo, "von") || !strcmp(lo, "vom") || !strcmp(lo, "par") ||
			              !strcmp(lo, "por") || !strcmp(lo, "door") || !strcmp(lo, "author") || !strcmp(lo, "autor") ||
			              !strcmp(lo, "autorin") || !strcmp(lo, "auteur") || w.w[i + lab - 1][w.l[i + lab - 1] - 1] == ':';
			free(lo);
			/* "by harborlights on August 3", "von kiwo am 24. Juli": a user name, closed */
			uint32_t next_cp = 0;
			if (i + lab + 1 < w.n) {
				const char *q = w.w[i + lab + 1];
				next_cp = galley_utf8_next(&q, q + w.l[i + lab + 1]); /* "·" is no letter */
			}
			/* or by a picture's credit that follows ("von Greta Symbolbild imago") */
			bool user = i + lab + 1 >= w.n || ta_word_in(&st->datewords, w.w[i + lab + 1], w.l[i + lab + 1]) ||
			            ta_has_digit(w.w[i + lab + 1], w.l[i + lab + 1]) || !ta_is_letter(next_cp) ||
			            ta_word_in(&st->photowords, w.w[i + lab + 1], w.l[i + lab + 1]);
			bool photo = false; /* "Foto von Omar Haddad von Bildarchiv" */
			for (size_t k = 0; k < i && !photo; k++)
				photo = ta_word_in(&st->photowords, w.w[k], w.l[k]);
			if (!strong || photo || (!ta_has_upper_start(w.w[i + lab], w.l[i + lab]) && !user) ||
			    ta_word_in(&st->datewords, w.w[i - 1], w.l[i - 1]) || ta_word_in(&st->notauthors, w.w[i - 1], w.l[i - 1]) ||
			    ta_word_in(&st->othercredits, w.w[i - 1], w.l[i - 1]))
				continue; /* "Edited by Omar Haddad" credits an editor */
			/* after a common given name, "von" is the name's particle: "Bernd von Auenstein",
			 * "2015 Ernst Georg von Lindenau" (a picture's credit, a list of prize winners) */
			if (ta_word_in(&st->particles, w.w[i], w.l[i]) && ta_word_in(&st->given, w.w[i - 1], w.l[i - 1]))
				continue;
			/* after a role the label is "of": "Geschäftsführerin von Beispiel GmbH" */
			if (ta_word_in(&st->roles, w.w[i - 1], w.l[i - 1]) || ta_role_compound(st, w.w[i - 1], w.l[i - 1]))
				continue;
			/* mid-text "von"/"by" is often a preposition ("von Hungerlöhnen"): a full name, or a
			 * user name closed by a date or a separator */
			ta_names tmp = {0};
			ta_parse_byline(st, w.w[i], &tmp, site, TA_BYLINE_NEED_LABEL);
			bool closed = user || i + lab + 1 >= w.n;
			/* a bare "by"/"von" and one word in a line that is no post's meta line (no date,
			 * time or separator before it, no date after it) is a preposition and its object:
			 * "Search stories by place", "Beratung von Vereinen", "Hilfe von Nachbarn in
			 * der Stadt", "una multa por exceso" (a user's name has a date beside it: "June
			 * 5, 2019 by sunnyfern", "21:11 | von Hannelore7", "von kiwo am 24. Juli") */
			if (lab == 1) {
				bool meta = false;
				for (size_t k = 0; k < w.n && !meta; k++) {
					if (k > i + lab) {
						meta = w.w[k][0] >= '0' && w.w[k][0] <= '9';
						continue;
					}
					if (k >= i)
						continue;
					/* a word without letters is a separator ("|", "•", "—") */
					bool letter = false;
					for (const char *q = w.w[k], *e = w.w[k] + w.l[k]; q < e && !letter;)
						letter = ta_is_letter(galley_utf8_next(&q, e));
					meta = !letter || ta_has_digit(w.w[k], w.l[k]) || ta_is_month(st, w.w[k], w.l[k]) || strchr(",|:;", w.w[k][w.l[k] - 1]);
				}
				if (!meta)
					closed = false;
			}
			/* one capitalised word closing a long line is a noun ("... ein Zeichen von
			 * Respekt."), unless it looks like a user name ("JonasFeldberg", "kiwo", "r23") */
			/* in a heading in capitals, the label is a preposition ("RADWEGE VON
			 * MORGEN"); a user name is not written so */
			if (tmp.n == 1 && !strchr(tmp.v[0], ' ') && strlen(tmp.v[0]) > 3 && ta_all_caps_words(tmp.v[0])) {
				bool caps_label = true;
				for (size_t k = 0; k < w.l[i] && caps_label; k++)
					caps_label = !(w.w[i][k] >= 'a' && w.w[i][k] <= 'z');
				if (caps_label)
					closed = false;
			}
			if (tmp.n == 1 && closed && strlen(text) > 60 && !strchr(tmp.v[0], ' ')) {
				const char *v = tmp.v[0];
				bool inner_cap = false;
				for (const char *q = v + 1; *q && !inner_cap; q++)
					inner_cap = *q >= 'A' && *q <= 'Z' && q[-1] != '-'; /* "Präparate-Zuordnung" is a noun */
				/* a compound of capitalised parts is a noun too, whatever its first part
				 * ("CO2-Emissionen") */
				const char *dash = strchr(v, '-');
				bool compound = dash && dash > v && ta_is_upper((unsigned char)dash[1]);
				if (ta_has_upper_start(v, strlen(v)) && (compound || (!inner_cap && !ta_has_digit(v, strlen(v)))))
					closed = false;
			}
			if (tmp.n && ((tmp.n == 1 && closed) || ta_person_like(st, &tmp))) {
				for (size_t k = 0; k < tmp.n; k++)
					ta_names_add(out, tmp.v[k]);
			}
			ta_names_free(&tmp);
			continue;
		}
		/* "Über"/"About" opens a byline with a person's full name ("About Anna Roe"); a menu's
		 * "About XY", "Über unseren Verein", "über den Lindenplatz" name nobody */
		if (lab == 1 && ta_word_in(&st->about, w.w[i], w.l[i])) {
			ta_names tmp = {0};
			ta_parse_byline(st, w.w[i], &tmp, site, TA_BYLINE_NEED_LABEL);
			bool caps = tmp.n > 0;
			for (size_t k = 0; k < tmp.n && caps; k++)
				caps = ta_has_upper_start(tmp.v[k], strlen(tmp.v[k]));
			/* the person is all the line says: not "Über ACME Studio für technische
			 * Zeichnungen", a link's topic */
			if (caps && tmp.n == 1 && i + 1 < w.n) {
				const char *rest = w.w[i + 1];
				size_t rl = strlen(rest), nl = strlen(tmp.v[0]);
				while (rl && strchr(" .,:;!?", rest[rl - 1]))
					rl--;
				caps = rl == nl && !strncmp(rest, tmp.v[0], nl);
			}
			if (caps && ta_person_like(st, &tmp))
				for (size_t k = 0; k < tmp.n; k++)
					ta_names_add(out, tmp.v[k]);
			ta_names_free(&tmp);
			continue;
		}
		ta_parse_byline(st, w.w[i], out, site, TA_BYLINE_NEED_LABEL);
	}
	free(s);
}

/* A byline line of segments: "11.06.2021 | 09:45 Uhr | Greta Lindholm", "Janic Solèr,
 * 01.12.2021": the segment that is a person's name. */
void ta_find_segment_name(const ta_state *st, const char *text, ta_names *out, const char *site, bool single)
{
	if (strlen(text) > 120)
		return;
	char *s = ta_byline_prepare(st, text);
	bool has_date = false;
	for (const char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9')
			has_date = true;
	if (!has_date) {
		free(s);
		return;
	}
	for (char *p = s; *p; p++) {
		/* not the slash of a German noun in both genders: "Tierfreund/in", "Verifizierte/r" */
		if (*p == '/' && p > s && p[-1] != ' ') {
			size_t g = p[1] == 'r' ? 1 : !strncmp(p + 1, "innen", 5) ? 5 : !strncmp(p + 1, "in", 2) ? 2 : 0;
			if (g && (p[1 + g] == 0 || p[1 + g] == ' '))
				continue;
		}
		if (*p == '|' || *p == ',' || *p == '/' || *p == ';')
			*p = '\n';
	}
	/* " - " and " – " separate too, and dots between the parts: "12.03.2018 ∙ Beispiel Fernsehen",
	 * "Jane Doe · 5. März 2021", "Jane Doe • 5 min" */
	char *q;
	while ((q = strstr(s, " - ")) != NULL)
		q[1] = '\n';
	static const char *const dots[] = {"\xc2\xb7", "\xe2\x88\x99", "\xe2\x80\xa2"}; /* · ∙ • */
	for (size_t k = 0; k < sizeof dots / sizeof dots[0]; k++) {
		size_t dl = strlen(dots[k]);
		while ((q = strstr(s, dots[k])) != NULL) {
			q[0] = '\n';
			memset(q + 1, ' ', dl - 1);
		}
	}
	while ((q = strstr(s, " \xe2\x80\x93 ")) != NULL) {
		q[1] = '\n';
		q[2] = ' ';
		q[3] = ' ';
	}
	ta_words all;
	ta_split_words(text, &all);
	bool single_ok = single && all.n <= 5; /* "KarlFröhlich 21.08.2018, 09:41 Uhr", "Jonte 14. Juni 2016" */
	char *save = NULL;
	for (char *seg = strtok_r(s, "\n", &save); seg && !out->n; seg = strtok_r(NULL, "\n", &save)) {
		char *nm0 = galley_ws_normalize(seg);
		ta_words w;
		ta_split_words(nm0, &w);
		/* dates around the name: "2019 Helmut Tressler 0", "Jonte 14. Juni 2016" */
		size_t a0 = 0, a1 = w.n;
		while (a0 < a1 && (ta_has_digit(w.w[a0], w.l[a0]) || ta_is_month(st, w.w[a0], w.l[a0])))
			a0++;
		for (size_t i = a0; i < a1; i++)
			if (ta_has_digit(w.w[i], w.l[i]) || ta_is_month(st, w.w[i], w.l[i]) || ta_word_in(&st->datewords, w.w[i], w.l[i])) {
				a1 = i;
				break;
			}
		if (a1 <= a0) {
			free(nm0);
			continue;
		}
		char *nm = galley_strndup(w.w[a0], (size_t)(w.w[a1 - 1] + w.l[a1 - 1] - w.w[a0]));
		size_t nw = a1 - a0;
		/* "Husum, 12. Mai 2004", "Berlin · 12.03.2021": a place before the date, not a name */
		const char *at = nw == 1 ? strstr(text, nm) : NULL;
		const char *after = at ? at + strlen(nm) : NULL;
		while (after && *after == ' ')
			after++;
		bool city = after && (*after == ',' || !strncmp(after, "\xc2\xb7", 2) || !strncmp(after, "\xe2\x88\x99", 3) ||
		                      !strncmp(after, "\xe2\x80\xa2", 3));
		/* a field's label and its number: "Jahrgang 2019 Datum 14.05.2019" (not a day before
		 * its month: "Jonte 14 Juni 2016") */
		bool field = nw == 1 && a1 < w.n && strspn(w.w[a1], "0123456789") == w.l[a1] &&
		             !(a1 + 1 < w.n && ta_is_month(st, w.w[a1 + 1], w.l[a1 + 1]));
		/* a count's noun after its number: "33 Shares", "5 Kommentare" (a year before a name
		 * has four digits, a day its full stop) */
		bool count = nw == 1 && a0 > 0 && w.l[a0 - 1] <= 3 && strspn(w.w[a0 - 1], "0123456789") == w.l[a0 - 1];
		bool ok = ((nw >= 2 && nw <= 4) || (nw == 1 && single_ok && w.l[a0] >= 3 && !city && !field && !count)) && !ta_is_qualifier(st, nm, site);
		for (size_t i = a0; i < a1 && ok; i++)
			if ((!ta_has_upper_start(w.w[i], w.l[i]) && !(nw == 1 && single_ok)) || ta_word_in(&st->notnames, w.w[i], w.l[i]) ||
			    ta_word_in(&st->prefixes, w.w[i], w.l[i]) || ta_word_in(&st->roles, w.w[i], w.l[i]) ||
			    ta_word_in(&st->notauthors, w.w[i], w.l[i]))
				ok = false;
		if (ok && ta_plausible(st, nm))
			ta_names_add(out, nm);
		free(nm);
		free(nm0);
	}
	free(s);
}

/* Does an element's class, id, rel or itemprop say "byline"/"author"? */
static bool ta_attr_has(xmlNodePtr n, const char *const *words, size_t nw)
{
	static const char *const attrs[] = {"class", "id", "rel", "itemprop"};
	for (size_t a = 0; a < 4; a++) {
		xmlChar *v = xmlGetProp(n, BAD_CAST attrs[a]);
		if (!v)
			continue;
		char *lo = ta_lower((const char *)v, strlen((const char *)v));
		xmlFree(v);
		bool hit = false;
		for (size_t k = 0; k < nw && !hit; k++)
			if (strstr(lo, words[k]))
				hit = true;
		free(lo);
		if (hit)
			return true;
	}
	return false;
}

static const char *const ta_byline_words[] = {"byline", "by-line", "author", "autor", "verfasser", "writer", "creator", "contributor"};

static const char *const ta_not_byline_words[] = {"comment", "avatar", "authorbox", "author-box", "author-bio", "about-author", "author_bio", "related", "teaser"};

/* Byline texts in a body that still carries the page's attributes (read-html without the
 * stripper). */
void ta_dom_bylines(const ta_state *st, xmlNodePtr root, ta_names *out)
{
	xmlNodePtr n = root;
	size_t tried = 0, visited = 0;
	while (n && tried < 4 && visited < 200000) {
		visited++;
		bool descend = true;
		if (n->type == XML_ELEMENT_NODE && n->properties &&
		    ta_attr_has(n, ta_byline_words, sizeof ta_byline_words / sizeof ta_byline_words[0])) {
			bool bad = false;
			for (xmlNodePtr up = n; up && up != root && !bad; up = up->parent)
				if (up->type == XML_ELEMENT_NODE && up->properties &&
				    ta_attr_has(up, ta_not_byline_words, sizeof ta_not_byline_words / sizeof ta_not_byline_words[0]))
					bad = true;
			if (!bad) {
				xmlChar *txt = xmlNodeGetContent(n);
				char *t = txt ? galley_ws_normalize((const char *)txt) : NULL;
				xmlFree(txt);
				if (t && *t && strlen(t) <= 160) {
					tried++;
					ta_parse_byline_text(st, t, out);
					descend = false;
				}
				free(t);
				if (out->n)
					return;
			}
		}
		n = galley_node_next(n, root, descend);
	}
}
