/* embedded.h: files compiled into the binary at build time (scripts/embed.sh).
 * The grammar (grammar/ember.mpc) and the modules written in ember (src/lib/NAME.ex) are looked
 * up here by their path relative to the project root, so the binary never reads the source tree. */
#ifndef EMBER_EMBEDDED_H
#define EMBER_EMBEDDED_H
#include <stddef.h>

typedef struct EmbeddedFile {
    const char *name; /* path relative to the project root, e.g. "grammar/ember.mpc" */
    const char *text; /* NUL-terminated contents */
    size_t length;    /* bytes, without the NUL */
} EmbeddedFile;

/* The table, ending with an entry whose name is NULL. */
extern const EmbeddedFile embedded_files[];

/* Returns the embedded file at `name` (e.g. "grammar/ember.mpc"), or NULL if there is none. */
const EmbeddedFile *embedded_find(const char *name);

#endif
