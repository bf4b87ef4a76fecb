/* tag-attribution: the metadata-versus-page decision for an article's authors.
 *
 * Three kinds of evidence come in (ta_author_evidence.h): the names metadata gives (JSON-LD,
 * meta tags, Open Graph, author links), a labelled credit the page shows ("By Jane Doe") and an
 * unlabelled name the page shows (a byline element, a signature), each with how close to the
 * article it stands (with the article, near it, in a teaser list or a sidebar).
 *
 * The decision first states the facts (ta_author_facts): what metadata names (people, a CMS
 * account, the outlet or the site, nothing), how metadata and the page agree (the page has all
 * of metadata's names and maybe more, the page's one name is among several of metadata's, the
 * same person spelt otherwise, other people), whether the page's names are a person's, and
 * where they stand.  Then every outcome of the table below whose condition holds is scored:
 * the score says how strongly that kind of agreement or disagreement speaks for its side, and
 * the highest wins.  Each outcome has its rule id, recorded as the decision's detail; a -v run
 * names the outcomes that applied and lost. */
#include "ta_author_evidence.h"

/* What metadata names. */
typedef enum ta_meta_kind {
	TA_META_NONE,    /* nothing */
	TA_META_PEOPLE,  /* names that are not the outlet's (people, or an organisation as author) */
	TA_META_ACCOUNT, /* a CMS account: one word, no capital ("sarah-indra") */
	TA_META_OUTLET   /* the outlet or the site ("Example News", the site's address) */
} ta_meta_kind;

/* Which evidence an outcome gives the authors from. */
typedef enum ta_author_side {
	TA_SIDE_META,
	TA_SIDE_LAB,
	TA_SIDE_VIS,
	TA_SIDE_SEEN /* what the page shows: the labelled credit, else the unlabelled name */
} ta_author_side;

/* The facts the outcomes read, computed once. */
typedef struct ta_author_facts {
	const ta_author_evidence *ev;
	ta_meta_kind meta;
	const ta_names *seen;     /* lab, else vis, else NULL */
	bool seen_covers_meta;    /* the page has all of metadata's names, and as many or more */
	bool meta_has_lab;        /* metadata lists the labelled credit's names, and more */
	bool lab_meets_meta;      /* a labelled name and a metadata name share their words ("Evan Marlow" / "Evan Marlow Staff") */
	bool lab_meets_vis;       /* the same between the labelled credit and the unlabelled name */
	bool lab_person, vis_person, meta_person; /* two to four capitalised words, as people's names are */
	bool lab_single_word;     /* the labelled credit is one name of one word */
	bool lab_one_word;        /* ... and it starts with a capital ("Marlowe", a user's name) */
	bool lab_site_named;      /* that word is the site's name */
	bool vis_outlet;          /* the unlabelled name is the outlet's */
	bool meta_desk;           /* metadata's one name is an organisation's: the outlet's desk, a team */
} ta_author_facts;

/* One outcome: when it applies, its score, which side it gives. */
typedef struct ta_author_outcome {
	const char *id;
	int score;
	ta_author_side wins;
	bool (*applies)(const ta_author_facts *f);
} ta_author_outcome;

/* Scores.  Agreement first: a page that shows what metadata says and more, or that unmasks an
 * account, settles it; then the page's byline against metadata that names people; then
 * metadata naming people; only when metadata names the outlet or nothing does the page's
 * weaker evidence count, a byline before an unlabelled name. */
enum {
	TA_SCORE_PAGE_COVERS = 100,       /* the page agrees with metadata and names more */
	TA_SCORE_PAGE_OVER_ACCOUNT = 95,  /* metadata's account, the page's person */
	TA_SCORE_PAGE_SUBSET = 85,        /* the byline's one person among metadata's several */
	TA_SCORE_PAGE_OTHERS = 80,        /* the byline with the article names other people */
	TA_SCORE_PAGE_USER = 75,          /* the byline with the article names a user */
	TA_SCORE_META_PEOPLE = 60,        /* metadata names people: it is believed */
	TA_SCORE_META_OVER_TEASER = 50,   /* metadata (the outlet) against a teaser list's byline */
	TA_SCORE_ELEMENT_OVER_PHRASE = 45,/* the article's byline element against a credit further away */
	TA_SCORE_DESK_OVER_FAR = 42,      /* metadata's desk of the outlet against a byline after the article naming no person */
	TA_SCORE_BYLINE_OVER_OUTLET = 40, /* a byline against metadata naming the outlet */
	TA_SCORE_SHOWN_OVER_OUTLET = 30,  /* an unlabelled name against the outlet */
	TA_SCORE_META_OUTLET = 20         /* metadata naming only the outlet: better than nothing */
};

static bool ta_meta_names_people(const ta_author_facts *f)
{
	return f->meta == TA_META_PEOPLE || f->meta == TA_META_ACCOUNT;
}

static bool ta_when_page_covers(const ta_author_facts *f)
{
	return ta_meta_names_people(f) && f->seen_covers_meta;
}

/* metadata is a CMS account; what the page shows is a person's: the byline, or with no
 * byline the name shown with the article */
static bool ta_when_page_over_account(const ta_author_facts *f)
{
	const ta_author_evidence *ev = f->ev;
	return f->meta == TA_META_ACCOUNT && (ev->lab.n ? f->lab_person : ev->vis_tier == TA_TIER_ARTICLE && f->vis_person);
}

static bool ta_when_byline_subset(const ta_author_facts *f)
{
	return ta_meta_names_people(f) && f->ev->lab.n == 1 && f->ev->lab_tier <= TA_TIER_NEAR && f->lab_person && f->meta_has_lab;
}

static bool ta_when_byline_names_others(const ta_author_facts *f)
{
	return ta_meta_names_people(f) && f->ev->lab.n && f->ev->lab_tier == TA_TIER_ARTICLE && (f->lab_person || !f->meta_person) &&
	       !f->lab_meets_meta;
}

static bool ta_when_byline_user(const ta_author_facts *f)
{
	return ta_meta_names_people(f) && f->ev->lab.n == 1 && f->ev->lab_tier == TA_TIER_ARTICLE && f->lab_one_word && !f->lab_meets_meta &&
	       !f->lab_site_named;
}

static bool ta_when_meta_people(const ta_author_facts *f)
{
	return ta_meta_names_people(f);
}

static bool ta_when_meta_over_teaser(const ta_author_facts *f)
{
	return !ta_meta_names_people(f) && f->ev->lab.n && f->ev->lab_tier == TA_TIER_LIST && f->ev->meta.n;
}

static bool ta_when_element_over_phrase(const ta_author_facts *f)
{
	const ta_author_evidence *ev = f->ev;
	return !ta_meta_names_people(f) && ev->lab.n && ev->lab_tier >= TA_TIER_NEAR && ev->vis_tier == TA_TIER_ARTICLE && f->vis_person &&
	       (!f->lab_person || (f->lab_meets_vis && ev->vis.n >= ev->lab.n));
}

static bool ta_when_desk_over_far(const ta_author_facts *f)
{
	return f->meta == TA_META_OUTLET && f->meta_desk && f->ev->lab.n && f->ev->lab_tier >= TA_TIER_NEAR && !f->lab_person;
}

static bool ta_when_byline_over_outlet(const ta_author_facts *f)
{
	return !ta_meta_names_people(f) && f->ev->lab.n && !(f->lab_single_word && f->vis_person);
}

static bool ta_when_shown_over_outlet(const ta_author_facts *f)
{
	const ta_author_evidence *ev = f->ev;
	return !ta_meta_names_people(f) && ev->vis.n &&
	       !(ev->meta.n && ((ev->flags & TA_EV_VIS_WEAK) || (f->vis_outlet && ev->vis_tier > TA_TIER_NEAR)));
}

static bool ta_when_meta_outlet(const ta_author_facts *f)
{
	return f->meta == TA_META_OUTLET;
}

static const ta_author_outcome ta_author_outcomes[] = {
	/* the page shows all of metadata's names and maybe more (metadata often lists only the first
	 * author), or the same in the page's own spelling */
	{"page-covers-metadata", TA_SCORE_PAGE_COVERS, TA_SIDE_SEEN, ta_when_page_covers},
	/* a CMS account in metadata, a person's name in the byline or shown with the article */
	{"page-over-account", TA_SCORE_PAGE_OVER_ACCOUNT, TA_SIDE_SEEN, ta_when_page_over_account},
	/* the byline credits one of the people metadata lists (the others took the pictures) */
	{"byline-subset-of-metadata", TA_SCORE_PAGE_SUBSET, TA_SIDE_LAB, ta_when_byline_subset},
	/* the byline the reader sees with the article names other people */
	{"byline-names-others", TA_SCORE_PAGE_OTHERS, TA_SIDE_LAB, ta_when_byline_names_others},
	/* a user's name in that byline: "Geschrieben von Marlowe am 14.03.2019" */
	{"byline-user-name", TA_SCORE_PAGE_USER, TA_SIDE_LAB, ta_when_byline_user},
	{"metadata", TA_SCORE_META_PEOPLE, TA_SIDE_META, ta_when_meta_people},
	/* the bylines of a teaser list or a sidebar say nothing of this article */
	{"metadata-over-list-byline", TA_SCORE_META_OVER_TEASER, TA_SIDE_META, ta_when_meta_over_teaser},
	/* a person named in the article's byline element, not a phrase found further away, nor the
	 * same name with a role around it ("Netzforscherin Leena Arvidsson") */
	{"byline-element-over-phrase", TA_SCORE_ELEMENT_OVER_PHRASE, TA_SIDE_VIS, ta_when_element_over_phrase},
	/* metadata credits the outlet's desk ("Example Staff"), the only byline comes after the
	 * article and names no person (a widget's, a teaser's) */
	{"desk-over-far-byline", TA_SCORE_DESK_OVER_FAR, TA_SIDE_META, ta_when_desk_over_far},
	/* a labelled byline beats metadata that names the outlet */
	{"byline-over-outlet-metadata", TA_SCORE_BYLINE_OVER_OUTLET, TA_SIDE_LAB, ta_when_byline_over_outlet},
	/* metadata names the site: the byline element's own words, a team or a group too ("Kobold
	 * Magazin Redaktion" under "Autor", "Les Amis de l'Ensemble Vocal Exemple") */
	{"visible-over-outlet-metadata", TA_SCORE_SHOWN_OVER_OUTLET, TA_SIDE_VIS, ta_when_shown_over_outlet},
	{"outlet-metadata", TA_SCORE_META_OUTLET, TA_SIDE_META, ta_when_meta_outlet},
};

static void ta_author_facts_of(const ta_author_evidence *ev, ta_author_facts *f)
{
	const ta_state *st = ev->d->st;
	const galley_article *a = ev->d->a;
	const ta_names *meta = &ev->meta, *lab = &ev->lab, *vis = &ev->vis;
	*f = (ta_author_facts){.ev = ev};
	f->meta = !meta->n ? TA_META_NONE : ta_outlet_like(st, a, meta, ev->site) ? TA_META_OUTLET : ta_account_like(meta) ? TA_META_ACCOUNT : TA_META_PEOPLE;
	f->seen = lab->n ? lab : vis->n ? vis : NULL;
	f->seen_covers_meta = f->seen && meta->n && f->seen->n >= meta->n && ta_names_cover(f->seen, meta);
	f->meta_has_lab = lab->n && lab->n < meta->n && ta_names_cover(meta, lab);
	f->lab_meets_meta = lab->n && meta->n && ta_names_overlap(lab, meta);
	f->lab_meets_vis = lab->n && vis->n && ta_names_overlap(lab, vis);
	f->lab_person = ta_person_like(st, lab);
	f->vis_person = ta_person_like(st, vis);
	f->meta_person = ta_person_like(st, meta);
	f->lab_single_word = lab->n == 1 && !strchr(lab->v[0], ' ');
	f->lab_one_word = f->lab_single_word && ta_has_upper_start(lab->v[0], strlen(lab->v[0]));
	f->lab_site_named = f->lab_one_word && ta_site_named(a, lab->v[0]);
	f->vis_outlet = vis->n && ta_outlet_like(st, a, vis, ev->site);
	f->meta_desk = meta->n == 1 && ta_author_kind(st, a, meta->v[0], ev->site) == GALLEY_AUTHOR_ORGANISATION && strchr(meta->v[0], ' ');
}

/* The facts the outcomes weighed, for a -v run: "metadata people; the page covers it; byline
 * with the article, a person" (into buf). */
enum { TA_FACTS_TEXT_MAX = 200 };
static void ta_author_facts_text(const ta_author_facts *f, char *buf, size_t size)
{
	static const char *const kinds[] = {"none", "people", "an account", "the outlet"};
	static const char *const places[] = {"with the article", "near it", "in a list", "none"};
	const ta_author_evidence *ev = f->ev;
	const char *agree = f->seen_covers_meta ? "; the page covers it"
	                    : f->meta_has_lab  ? "; the byline is one of its names"
	                    : f->lab_meets_meta ? "; the byline is the same person"
	                                        : "";
	snprintf(buf, size, "metadata %s%s; byline %s%s; shown name %s%s", kinds[f->meta], agree, places[ev->lab.n ? ev->lab_tier : TA_TIER_NONE],
	         ev->lab.n && f->lab_person ? ", a person" : "", places[ev->vis.n ? ev->vis_tier : TA_TIER_NONE],
	         ev->vis.n && f->vis_person ? ", a person" : "");
}

ta_names *ta_author_decide(ta_author_evidence *ev, const char **why)
{
	ta_author_facts f;
	ta_author_facts_of(ev, &f);
	const ta_author_outcome *best = NULL;
	size_t n = sizeof ta_author_outcomes / sizeof ta_author_outcomes[0];
	bool applies[sizeof ta_author_outcomes / sizeof ta_author_outcomes[0]];
	for (size_t i = 0; i < n; i++) {
		applies[i] = ta_author_outcomes[i].applies(&f);
		if (applies[i] && (!best || ta_author_outcomes[i].score > best->score))
			best = &ta_author_outcomes[i];
	}
	*why = best ? best->id : NULL;
	if (ev->d->st->verbose && best) {
		galley_buf b = {0};
		for (size_t i = 0; i < n; i++)
			if (applies[i] && &ta_author_outcomes[i] != best)
				galley_buf_printf(&b, "%s%s %d", b.len ? ", " : "", ta_author_outcomes[i].id, ta_author_outcomes[i].score);
		if (b.len) {
			char facts[TA_FACTS_TEXT_MAX];
			ta_author_facts_text(&f, facts, sizeof facts);
			fprintf(stderr, "galley: tag-attribution: %s: authors: %s %d won over %s (%s)\n", galley_article_where(ev->d->a), best->id,
			        best->score, b.data, facts);
		}
		galley_buf_free(&b);
	}
	if (!best)
		return NULL;
	switch (best->wins) {
	case TA_SIDE_META:
		return &ev->meta;
	case TA_SIDE_LAB:
		return &ev->lab;
	case TA_SIDE_VIS:
		return &ev->vis;
	case TA_SIDE_SEEN:
		return (ta_names *)f.seen;
	}
	return NULL;
}
