/* discourse.h — who an article mentions, in order: people, organisations, outlets and places,
 * with their fullest name, surname, gender where the text shows it, and the role of each mention
 * in its sentence (subject, listener, other).  The speaker rules (speaker_rules.h) choose each
 * quotation's speaker among them.
 *
 * The model reads plain paragraph text (UTF-8) and the quotations' byte spans; it knows nothing
 * of the rest of the tagger, so it is tested alone on short sentences (tests/test_discourse.c).
 * Vocabularies come from data/tag-attribution/ (see dc_vocab_load). */
#ifndef TA_DISCOURSE_H
#define TA_DISCOURSE_H

#include <galley/error.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- vocabularies --------------------------------------------------------------------------- */
typedef struct dc_vocab dc_vocab;

/* Load every word list the model and the rules use.  On success *out is owned by the caller
 * (dc_vocab_free); on failure returns GALLEY_ERR_FATAL with the message in err. */
int dc_vocab_load(dc_vocab **out, galley_error *err);
void dc_vocab_free(dc_vocab *v);

/* Word classes of the vocabularies; dc_word_is asks whether a lower-case word is in one. */
typedef enum dc_class {
	DC_SPEECH_VERB,   /* said, added, tweeted, wrote */
	DC_LISTENER_CUE,  /* told, asked: the name after it listens */
	DC_PRONOUN_MALE,  /* he */
	DC_PRONOUN_FEMALE, /* she */
	DC_PRONOUN_GROUP, /* it, they: an organisation or a group */
	DC_ANONYMOUS,     /* source, officials, aide: nobody named */
	DC_INDEFINITE,    /* a, an, one */
	DC_ORG_WORD,      /* words that make a name an organisation: Agency, Committee */
	DC_ORG_NOUN,      /* lower-case nouns that stand for an organisation: campaign, company */
	DC_ORG_NAME,      /* whole names of institutions: congress, white house, nato */
	DC_PLACE,         /* countries, states, cities (whole lower-case names) */
	DC_OUTLET,        /* news outlets (whole lower-case names) */
	DC_ROLE,          /* titles and roles before a name: senator, president, rep. */
	DC_NOT_NAME,      /* capitalised words that are no names: sentence openers, months */
	DC_PARTICLE,      /* lower-case words inside names: de, van, bin */
	DC_DETERMINER,    /* the, this */
	DC_PREPOSITION,   /* of, in, for: a name after one is no subject */
	DC_PLACE_PREPOSITION, /* in, at, from: a name after one not known as a person is a place */
	DC_TITLE_MALE,    /* mr., sir */
	DC_TITLE_FEMALE,  /* mrs., ms. */
	DC_GIVEN_MALE,    /* given names mostly men's */
	DC_GIVEN_FEMALE,  /* given names mostly women's */
	DC_ABBREVIATION,  /* words whose full stop ends no sentence: mr, sen, gov */
	DC_POST_NOMINAL,  /* letters after a name that are no part of it: qc, mp, phd */
	DC_N_CLASSES
} dc_class;

bool dc_word_is(const dc_vocab *v, dc_class c, const char *low, size_t n);

/* ---- tokens ------------------------------------------------------------------------------------ */
typedef enum dc_tok_kind { DC_TOK_WORD = 1, DC_TOK_PUNCT, DC_TOK_MARK } dc_tok_kind;

enum dc_tok_flag {
	DC_CAP = 1 << 0,        /* starts with a capital */
	DC_SENT_START = 1 << 1, /* the first word of a sentence */
	DC_SENT_END = 1 << 2,   /* . ! ? ending a sentence */
	DC_IN_QUOTE = 1 << 3,   /* inside a quotation (marks included) */
	DC_POSS = 1 << 4,       /* possessive: "Name's"; b1 excludes the 's */
	DC_ALLCAPS = 1 << 5,    /* two or more letters, all capitals */
};

typedef struct dc_tok {
	size_t b0, b1;     /* bytes in the paragraph */
	uint32_t cp;       /* DC_TOK_PUNCT / DC_TOK_MARK: the code point */
	uint8_t kind;      /* dc_tok_kind */
	uint8_t flags;     /* dc_tok_flag */
	uint16_t lolen;    /* length of the lower-case form */
	uint32_t classes;  /* DC_TOK_WORD: bit per dc_class of the vocabularies it is in */
	size_t lo;         /* offset of the lower-case form in the model's arena */
} dc_tok;

/* ---- entities and mentions --------------------------------------------------------------------- */
typedef enum dc_kind { DC_KIND_PERSON, DC_KIND_ORGANISATION, DC_KIND_OUTLET, DC_KIND_PLACE } dc_kind;
typedef enum dc_gender { DC_GENDER_UNKNOWN, DC_GENDER_MALE, DC_GENDER_FEMALE } dc_gender;
typedef enum dc_role { DC_ROLE_OTHER, DC_ROLE_SUBJECT, DC_ROLE_LISTENER, DC_ROLE_POSSESSOR } dc_role;

typedef struct dc_entity {
	char *name;       /* the fullest form the article gives, "Jane Q. Roe" (owned by the model) */
	size_t surname;   /* byte offset of the last word in name */
	dc_kind kind;
	dc_gender gender;
	int first_para;
	uint64_t name_hash, surname_hash; /* of the lower-case forms, for dc_entity_find */
} dc_entity;

typedef struct dc_mention {
	int para;
	size_t t0, t1;    /* tokens [t0, t1) of the name in its paragraph */
	int entity;
	dc_role role;
} dc_mention;

typedef struct dc_para {
	const char *text; /* (borrowed from the caller) */
	size_t len;
	dc_tok *t;
	size_t nt;
	bool headline;    /* most words capitalised: a title, whose capitals say nothing */
	bool credit;      /* a picture's credit or a copyright line ("©"): its names are no mentions */
} dc_para;

typedef struct dc_span {
	int para;
	size_t b0, b1;    /* bytes of a quotation, marks included */
} dc_span;

typedef struct dc_model {
	const dc_vocab *v;
	dc_para *p;
	size_t np;
	dc_entity *ent;
	size_t nent;
	dc_mention *men; /* in text order */
	size_t nmen;
	char *arena;     /* lower-case forms of the tokens */
	size_t arena_len, arena_cap;
	size_t cent, cmen;
	/* For dc_entity_find: open-addressing tables from a name's (and a surname's) hash to the
	 * highest entity index that has it (a renamed entity's old hashes are updated when it is
	 * renamed).  idx_cap slots each (a power of two); key/val owned by the model. */
	uint64_t *name_key, *sur_key;
	int *name_val, *sur_val;
	size_t idx_cap, idx_used;
} dc_model;

/* Build the model of n paragraphs (texts borrowed: they must outlive the model); quotes are the
 * article's quotations, whose words are no mentions.  Returns an owned model (dc_model_free). */
dc_model *dc_model_build(const dc_vocab *v, const char *const *text, const size_t *len, size_t n,
                         const dc_span *quotes, size_t nquotes);
void dc_model_free(dc_model *m);

/* Whether a word token is in a class of the vocabularies (looked up once, when tokenising). */
static inline bool dc_tok_is(const dc_tok *t, dc_class c)
{
	return t->kind == DC_TOK_WORD && (t->classes >> c & 1u);
}

/* The lower-case form of a token (borrowed from the model). */
static inline const char *dc_low(const dc_model *m, const dc_tok *t)
{
	return m->arena + t->lo;
}

/* The entity a name refers to: its full name, or its surname alone (the latest entity with that
 * surname); -1 when none. */
int dc_entity_find(const dc_model *m, const char *name);

/* The index of the first mention at or after (para, tok); m->nmen when none. */
size_t dc_mention_at(const dc_model *m, int para, size_t tok);

/* Index of the token that contains byte b of paragraph para (nt when past the end). */
size_t dc_tok_at(const dc_model *m, int para, size_t b);

#endif
