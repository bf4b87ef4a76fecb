/* tag-attribution: text and token helpers: case folding, letters and spaces, and tokenising a
 * paragraph into words (with their lower-case form and its hash), punctuation and quotation marks. */
#include "ta_private.h"

static uint32_t ta_fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0x80)
		return c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x178) {
		/* Latin Extended-A: capitals are even up to U+0137, odd from U+0139 to U+0148, even
		 * again from U+014A. */
		if ((c >= 0x139 && c <= 0x148) || c >= 0x179)
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c == 0x178)
		return 0xFF;
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c == 0x2019 || c == 0x2018)
		return '\'';
	return c;
}

bool ta_is_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c < 0xC0)
		return false;
	if (c == 0x2019 || c == 0x2018)
		return false;
	return ta_fold(c) != c;
}

bool ta_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool ta_is_letter(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	if (c < 0xC0)
		return false;
	if (c == 0xD7 || c == 0xF7)
		return false;
	if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows, ... */
		return false;
	if (c >= 0x3000 && c <= 0x303F)
		return false;
	if (c >= 0xFE30 && c <= 0xFE4F)
		return false;
	if (c >= 0xFF00 && c <= 0xFF0F)
		return false;
	if (c == 0xFFFD || c == 0xFEFF)
		return false;
	if (c >= 0x1F000 && c < 0x20000)
		return false; /* emoji and pictographs */
	return true;
}

void ta_lower_into(galley_buf *b, const char *s, size_t n)
{
	/* ASCII: one append, then fold in place */
	size_t k = 0;
	while (k < n && (unsigned char)s[k] < 0x80)
		k++;
	if (k == n) {
		size_t at = b->len;
		galley_buf_append(b, s, n);
		for (size_t i = at; i < b->len; i++)
			if (b->data[i] >= 'A' && b->data[i] <= 'Z')
				b->data[i] = (char)(b->data[i] + 32);
		return;
	}
	const char *p = s, *end = s + n;
	while (p < end) {
		unsigned char ch = (unsigned char)*p;
		if (ch < 0x80) {
			galley_buf_putc(b, (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch));
			p++;
			continue;
		}
		uint32_t c = galley_utf8_next(&p, end);
		galley_buf_put_utf8(b, ta_fold(c));
	}
}

char *ta_lower(const char *s, size_t n)
{
	galley_buf b = {0};
	ta_lower_into(&b, s, n);
	galley_buf_putc(&b, 0);
	b.len--;
	return galley_buf_steal(&b);
}

static bool ta_is_quote_mark(uint32_t c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

bool ta_tok_is(const ta_doc *d, const ta_tok *t, const char *w)
{
	return t->kind == TK_WORD && !strcmp(LOW(d, t), w);
}

bool ta_punct_is(const ta_tok *t, uint32_t c)
{
	return t->kind == TK_PUNCT && t->mark == c;
}

/* Tokens first reserved for a paragraph of len bytes: about one per word and its space, so that
 * most paragraphs are tokenised without growing their array. */
#define TA_TOK_RESERVE(len) ((len) / 5 + 64)

static ta_tok *ta_push_tok(ta_para *P, size_t *cap)
{
	if (P->nt == *cap) {
		*cap = *cap ? *cap * 2 : TA_TOK_RESERVE(P->len);
		P->t = galley_realloc(P->t, *cap * sizeof *P->t);
	}
	ta_tok *t = &P->t[P->nt++];
	memset(t, 0, sizeof *t);
	return t;
}

/* Fill the lower-case form of t (text s) into the arena and its flags. */
static void ta_tok_finish(ta_doc *d, ta_tok *t, const char *s)
{
	t->lo = d->arena.len;
	ta_lower_into(&d->arena, s + t->b0, t->b1 - t->b0);
	t->lolen = d->arena.len - t->lo;
	galley_buf_putc(&d->arena, 0);
	t->nb1 = t->b1;
	const char *lo = d->arena.data + t->lo;
	/* possessive */
	if (t->lolen > 3 && lo[t->lolen - 2] == '\'' && lo[t->lolen - 1] == 's') {
		t->poss = 1;
		t->lolen -= 2;
		d->arena.data[t->lo + t->lolen] = 0;
		/* the apostrophe is 1 (') or 3 (’) bytes */
		t->nb1 = t->b1 - 1;
		while (t->nb1 > t->b0 && ((unsigned char)s[t->nb1 - 1] == '\'' || ((unsigned char)s[t->nb1 - 1] & 0xC0) == 0x80 ||
		                          (unsigned char)s[t->nb1 - 1] == 0xE2))
			t->nb1--;
	}
	t->h = ta_hash(lo, t->lolen);
	const char *p = s + t->b0, *end = s + t->b1;
	uint32_t c0 = ta_next(&p, end);
	t->cap = ta_is_upper(c0);
	if (!t->cap && (c0 == 'a' || c0 == 'e') && t->b1 - t->b0 > 3 && s[t->b0 + 1] == 'l' && s[t->b0 + 2] == '-') {
		/* al-Assad, el-Sisi */
		const char *q = s + t->b0 + 3;
		t->cap = ta_is_upper(ta_next(&q, end));
	}
	size_t letters = 0, uppers = 0;
	p = s + t->b0;
	while (p < end) {
		uint32_t c = ta_next(&p, end);
		if (c >= '0' && c <= '9')
			t->digit = 1;
		else if (ta_is_letter(c)) {
			letters++;
			if (ta_is_upper(c))
				uppers++;
		}
	}
	t->allcaps = letters >= 2 && uppers == letters;
	/* "Maryland-based", "German-born": an adjective, not a name */
	const char *dash = memrchr(s + t->b0, '-', t->b1 - t->b0);
	if (t->cap && dash && dash + 1 < s + t->b1 && ((unsigned char)dash[1] >= 'a' && (unsigned char)dash[1] <= 'z') &&
	    !(t->b1 - t->b0 > 3 && s[t->b0 + 2] == '-'))
		t->cap = 0;
}

/* Split a paragraph into tokens. */
void ta_tokenize(ta_doc *d, ta_para *P)
{
	const char *s = P->text, *end = s + P->len;
	size_t cap = 0, cp = 0;
	const char *p = s;
	while (p < end) {
		const char *start = p;
		uint32_t c = ta_next(&p, end);
		if (ta_is_space(c)) {
			cp++;
			continue;
		}
		if (ta_is_letter(c)) {
			size_t cp0 = cp;
			cp++;
			for (;;) {
				if (p >= end)
					break;
				const char *q = p;
				uint32_t c2 = ta_next(&q, end);
				if (ta_is_letter(c2)) {
					p = q;
					cp++;
					continue;
				}
				if (c2 == '\'' || c2 == 0x2019 || c2 == '-' || c2 == '.' || c2 == 0x2011) {
					/* inside a word only when a letter or digit follows */
					const char *r = q;
					if (r < end && ta_is_letter(ta_next(&r, end))) {
						p = q;
						cp++;
						continue;
					}
				}
				break;
			}
			ta_tok *t = ta_push_tok(P, &cap);
			t->kind = TK_WORD;
			t->b0 = (size_t)(start - s);
			t->b1 = (size_t)(p - s);
			t->cp0 = cp0;
			t->cp1 = cp;
			/* initials and known abbreviations keep their full stop */
			if (p < end && *p == '.') {
				size_t wl = t->b1 - t->b0;
				bool attach = false;
				if (wl == 1 && ta_is_upper((unsigned char)s[t->b0]))
					attach = true;
				else if (wl <= 4) {
					char key[8];
					size_t k = 0;
					for (size_t i = t->b0; i < t->b1 && k < 6; i++)
						key[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
					key[k++] = '.';
					if (ta_set_get(&d->st->roles, key, k) >= 0 || (k == 3 && (!memcmp(key, "jr.", 3) || !memcmp(key, "sr.", 3) || !memcmp(key, "st.", 3))))
						attach = true;
				}
				if (attach) {
					p++;
					cp++;
					t->b1++;
					t->initial = wl == 1;
				}
			}
			ta_tok_finish(d, t, s);
			/* French inversion: "explique-t-il", "a-t-elle" */
			const char *lo = LOW(d, t);
			size_t ll = t->lolen;
			static const char *const inv[] = {"-t-il", "-t-elle", "-t-on", "-il", "-elle"};
			static const size_t inv_len[] = {5, 7, 5, 3, 5};
			for (size_t k = 0; k < sizeof inv / sizeof inv[0]; k++) {
				size_t kl = inv_len[k];
				if (ll > kl && !memcmp(lo + ll - kl, inv[k], kl)) {
					size_t pron = kl - (inv[k][1] == 't' ? 3 : 1);
					ta_tok whole = *t;
					t->b1 = whole.b1 - kl;
					t->cp1 = whole.cp1 - kl;
					ta_tok_finish(d, t, s);
					ta_tok *u = ta_push_tok(P, &cap);
					u->kind = TK_WORD;
					u->b0 = whole.b1 - pron;
					u->b1 = whole.b1;
					u->cp0 = whole.cp1 - pron;
					u->cp1 = whole.cp1;
					ta_tok_finish(d, u, s);
					break;
				}
			}
			continue;
		}
		ta_tok *t = ta_push_tok(P, &cap);
		t->kind = ta_is_quote_mark(c) ? TK_QUOTE : TK_PUNCT;
		t->mark = c;
		t->b0 = (size_t)(start - s);
		t->b1 = t->nb1 = (size_t)(p - s);
		t->cp0 = cp;
		t->cp1 = ++cp;
		t->lo = 0;
		t->sent_end = c == '.' || c == '!' || c == '?' || c == 0x2026;
	}
}

/* The code point before / after a mark token in its paragraph: 0 at the edges, ' ' for space. */
uint32_t ta_char_before(const ta_para *P, const ta_tok *t)
{
	if (t->b0 == 0)
		return 0;
	size_t i = t->b0 - 1;
	while (i > 0 && ((unsigned char)P->text[i] & 0xC0) == 0x80)
		i--;
	const char *p = P->text + i;
	return galley_utf8_next(&p, P->text + P->len);
}

uint32_t ta_char_after(const ta_para *P, const ta_tok *t)
{
	if (t->b1 >= P->len)
		return 0;
	const char *p = P->text + t->b1;
	return galley_utf8_next(&p, P->text + P->len);
}
