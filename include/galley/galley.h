/* galley — turn collections of scraped web articles into clean, attributed outputs.
 *
 * Umbrella header: a plugin includes this one header and gets the whole public API.
 * Every public header lives in include/galley/; nothing else is part of the API.
 *
 * Ownership conventions used in every header of this directory:
 *   (borrowed)  the pointer stays owned by the callee; valid until the stated event.
 *   (owned)     the caller receives ownership and must free it with the named function.
 *   (copied)    the callee copies its argument; the caller keeps ownership of what it passed.
 *   (taken)     the callee takes ownership of its argument; the caller must not free it.
 *   (nullable)  NULL is a valid value.
 */
#ifndef GALLEY_GALLEY_H
#define GALLEY_GALLEY_H

#include <galley/version.h>
#include <galley/error.h>
#include <galley/text.h>
#include <galley/date.h>
#include <galley/article.h>
#include <galley/io.h>
#include <galley/plugin.h>

#endif
