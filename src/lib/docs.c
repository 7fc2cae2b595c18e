/* docs.c: the documentation table behind h/1 (docs.h). The text lives in src/lib/docs.txt,
 * embedded in the binary (scripts/embed.sh) and parsed once, on the first lookup, into a table
 * sorted by module, name and arity. Owns the format of docs.txt and of h/1's output; does not
 * know which functions exist (tests/unit/test_docs.c checks the table against the runtime).
 *
 * docs.txt: a line `Module` followed by an indented line is a module's doc; a line
 * `Module.name/2,3  [defmacro ]signature` followed by an indented line documents those arities
 * (several arities share a signature with default arguments, as in Elixir). `#` starts a
 * comment line. Entries are immutable once parsed; lookups after the first are lock-free. */
#include "lib/docs.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "value/atom.h"
#include "value/value.h"
#include "vm/module.h"

#define DOCS_FILE "src/lib/docs.txt"
#define WIDTH 80 /* iex centres headers in an 80-column page when not on a terminal */

typedef struct ModDoc {
    const char *name;
    const char *doc;
} ModDoc;

typedef struct Table {
    FunDoc *funs;      /* sorted by module, name, arity, then file order */
    bool *is_macro;    /* parallel to funs */
    size_t nfuns;
    ModDoc *mods;      /* sorted by name */
    size_t nmods;
    const char **names; /* mods' names, NULL-terminated */
} Table;

static Table table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* A parsed function entry before sorting: `order` keeps file order among equal keys. */
typedef struct Raw {
    FunDoc f;
    bool macro;
    size_t order;
} Raw;

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return p;
    *cap = *cap ? *cap * 2 : 64;
    p = realloc(p, *cap * size);
    if (!p) abort();
    return p;
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) abort();
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* Splits "Mod.Sub.name" at the dot before the name: the module is the longest run of
 * capitalised segments. Returns the module length (0 for none); the name starts after the dot. */
static size_t module_prefix(const char *s, size_t len)
{
    size_t i = 0, mod = 0;
    while (i < len && s[i] >= 'A' && s[i] <= 'Z') {
        while (i < len && s[i] != '.') i++;
        mod = i;
        if (i + 1 < len && s[i] == '.' && s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
            i++;
            continue;
        }
        break;
    }
    return mod;
}

/* Adds one entry per arity of key "Mod.name/2,3" (`klen` bytes), sharing signature and doc. */
static void add_funs(Raw **raw, size_t *n, size_t *cap, const char *key, size_t klen,
                     const char *sig, const char *doc)
{
    size_t mlen = module_prefix(key, klen);
    const char *slash = key + klen;
    while (slash > key && slash[-1] != '/') slash--;
    if (mlen == 0 || slash <= key + mlen + 2) return;
    bool macro = strncmp(sig, "defmacro ", 9) == 0;
    const char *module = dup_n(key, mlen), *name = dup_n(key + mlen + 1, (size_t)(slash - 1 - key - mlen - 1));
    if (macro) sig += 9;
    for (const char *a = slash; a < key + klen;) {
        *raw = grow(*raw, cap, *n, sizeof **raw);
        (*raw)[*n] = (Raw){{module, name, atoi(a), sig, doc}, macro, *n};
        (*n)++;
        while (a < key + klen && *a != ',') a++;
        if (a < key + klen) a++;
    }
}

static int raw_cmp(const void *x, const void *y)
{
    const Raw *a = x, *b = y;
    int c = strcmp(a->f.module, b->f.module);
    if (!c) c = strcmp(a->f.name, b->f.name);
    if (!c) c = a->f.arity - b->f.arity;
    return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int mod_cmp(const void *x, const void *y)
{
    return strcmp(((const ModDoc *)x)->name, ((const ModDoc *)y)->name);
}

/* The next line of `text` (without its newline) as a fresh string; advances *pos. */
static char *next_line(const char *text, size_t len, size_t *pos)
{
    size_t start = *pos;
    while (*pos < len && text[*pos] != '\n') (*pos)++;
    char *line = dup_n(text + start, *pos - start);
    if (*pos < len) (*pos)++;
    return line;
}

static void parse(void)
{
    const EmbeddedFile *f = embedded_find(DOCS_FILE);
    Raw *raw = NULL;
    size_t nraw = 0, rcap = 0, mcap = 0, pos = 0;
    char *head = NULL;
    while (f && pos < f->length) {
        char *line = next_line(f->text, f->length, &pos);
        if (line[0] == ' ' && head) {
            const char *doc = line + strspn(line, " ");
            size_t klen = strcspn(head, " ");
            const char *sig = head + klen + strspn(head + klen, " ");
            if (*sig) {
                add_funs(&raw, &nraw, &rcap, head, klen, dup_n(sig, strlen(sig)), doc);
            } else {
                table.mods = grow(table.mods, &mcap, table.nmods, sizeof *table.mods);
                table.mods[table.nmods++] = (ModDoc){dup_n(head, klen), doc};
            }
            free(head);
            head = NULL;
        } else if (line[0] && line[0] != '#' && line[0] != ' ') {
            free(head);
            head = line;
        } else {
            free(line);
        }
    }
    free(head);
    qsort(raw, nraw, sizeof *raw, raw_cmp);
    qsort(table.mods, table.nmods, sizeof *table.mods, mod_cmp);
    table.funs = malloc((nraw + 1) * sizeof *table.funs);
    table.is_macro = malloc((nraw + 1) * sizeof *table.is_macro);
    table.names = malloc((table.nmods + 1) * sizeof *table.names);
    if (!table.funs || !table.is_macro || !table.names) abort();
    for (size_t i = 0; i < nraw; i++) table.funs[i] = raw[i].f, table.is_macro[i] = raw[i].macro;
    table.nfuns = nraw;
    for (size_t i = 0; i < table.nmods; i++) table.names[i] = table.mods[i].name;
    table.names[table.nmods] = NULL;
    free(raw);
}

static const Table *docs(void)
{
    pthread_once(&once, parse);
    return &table;
}

static const ModDoc *find_module(const char *name, size_t len)
{
    const Table *t = docs();
    for (size_t i = 0; i < t->nmods; i++)
        if (strlen(t->mods[i].name) == len && strncmp(t->mods[i].name, name, len) == 0) return &t->mods[i];
    return NULL;
}

size_t docs_functions(const char *module, const FunDoc **out)
{
    const Table *t = docs();
    size_t i = 0, n = 0;
    while (i < t->nfuns && strcmp(t->funs[i].module, module) != 0) i++;
    while (i + n < t->nfuns && strcmp(t->funs[i + n].module, module) == 0) n++;
    *out = n ? &t->funs[i] : NULL;
    return n;
}

const char *const *docs_modules(void)
{
    return docs()->names;
}

bool docs_is_macro(const FunDoc *d)
{
    const Table *t = docs();
    return d >= t->funs && d < t->funs + t->nfuns && t->is_macro[d - t->funs];
}

/* Prints `doc` wrapped between words into lines shorter than WIDTH, as iex wraps paragraphs. */
static void print_wrapped(FILE *out, const char *doc)
{
    size_t col = 0;
    while (*doc) {
        size_t word = strcspn(doc, " ");
        if (col && col + 1 + word >= WIDTH) {
            fputc('\n', out);
            col = 0;
        } else if (col) {
            fputc(' ', out);
            col++;
        }
        fwrite(doc, 1, word, out);
        col += word;
        doc += word;
        doc += strspn(doc, " ");
    }
}

/* "\n<centred header>\n\n<doc>\n\n", as iex prints each entry. */
static void print_block(FILE *out, const char *kind, const char *title, const char *doc)
{
    size_t len = strlen(kind) + strlen(title);
    int pad = len < WIDTH ? (int)(WIDTH - len) / 2 : 0;
    fprintf(out, "\n%*s%s%s\n\n", pad, "", kind, title);
    print_wrapped(out, doc);
    fputs("\n\n", out);
}

/* Prints the entries of module `mod` named `name` (`nlen` bytes) with `arity` (-1: any), each
 * signature once. Returns how many were printed. */
static int print_funs(FILE *out, const char *mod, const char *name, size_t nlen, int arity)
{
    const FunDoc *f;
    size_t n = docs_functions(mod, &f);
    const char *seen[16];
    int nseen = 0;
    for (size_t i = 0; i < n; i++) {
        if (strlen(f[i].name) != nlen || strncmp(f[i].name, name, nlen) != 0) continue;
        if (arity >= 0 && f[i].arity != arity) continue;
        bool dup = false;
        for (int k = 0; k < nseen; k++) dup |= seen[k] == f[i].signature;
        if (dup) continue;
        if (nseen < 16) seen[nseen++] = f[i].signature;
        print_block(out, docs_is_macro(&f[i]) ? "defmacro " : "def ", f[i].signature, f[i].doc);
    }
    return nseen;
}

/* True if module `name` (`len` bytes, without "Elixir.") is known to the runtime. A nested
 * module of an ember-written one (Agent.Server) exists once its file is loaded, so the
 * outermost module is loaded first. */
static bool runtime_module(const char *name, size_t len)
{
    char buf[256];
    if (len + 8 > sizeof buf) return false;
    size_t outer = strcspn(name, ".");
    if (outer < len) {
        snprintf(buf, sizeof buf, "Elixir.%.*s", (int)outer, name);
        if (module_exists(val_atom_cstr(buf))) module_ensure_loaded(val_atom_cstr(buf));
    }
    snprintf(buf, sizeof buf, "Elixir.%.*s", (int)len, name);
    if (atom_lookup(buf, strlen(buf)) == UINT32_MAX) return false;
    return module_exists(val_atom_cstr(buf));
}

/* The unqualified name's module: the first of Kernel, Kernel.SpecialForms and IEx.Helpers
 * (the shell's imports) documenting it, else Kernel. */
static const char *import_of(const char *name, size_t nlen)
{
    static const char *const imports[] = {"Kernel", "Kernel.SpecialForms", "IEx.Helpers"};
    for (size_t m = 0; m < sizeof imports / sizeof *imports; m++) {
        const FunDoc *f;
        size_t n = docs_functions(imports[m], &f);
        for (size_t i = 0; i < n; i++)
            if (strlen(f[i].name) == nlen && strncmp(f[i].name, name, nlen) == 0) return imports[m];
    }
    return "Kernel";
}

int docs_print(FILE *out, const char *query)
{
    size_t len = strlen(query);
    while (len && (query[len - 1] == ' ' || query[len - 1] == '\n')) len--;
    while (len && *query == ' ') query++, len--;
    size_t mlen = module_prefix(query, len);
    if (mlen && mlen == len) {
        const ModDoc *m = find_module(query, len);
        if (m) return print_block(out, "", m->name, m->doc), 1;
        if (runtime_module(query, len))
            fprintf(out, "No documentation for %.*s was found\n", (int)len, query);
        else
            fprintf(out, "Could not load module %.*s, got: nofile\n", (int)len, query);
        return 0;
    }
    const char *name = mlen ? query + mlen + 1 : query;
    size_t nlen = len - (size_t)(name - query);
    int arity = -1;
    size_t d = nlen;
    while (d && name[d - 1] >= '0' && name[d - 1] <= '9') d--;
    if (d >= 2 && d < nlen && name[d - 1] == '/') arity = atoi(name + d), nlen = d - 1;
    char mod[256];
    if (mlen) {
        snprintf(mod, sizeof mod, "%.*s", (int)mlen, query);
        if (!find_module(query, mlen) && !runtime_module(query, mlen)) {
            fprintf(out, "Could not load module %s, got: nofile\n", mod);
            return 0;
        }
    } else {
        snprintf(mod, sizeof mod, "%s", import_of(name, nlen));
    }
    if (nlen && print_funs(out, mod, name, nlen, arity)) return 1;
    fprintf(out, "No documentation for %s.%.*s", mod, (int)nlen, name);
    if (arity >= 0) fprintf(out, "/%d", arity);
    fprintf(out, " was found\n");
    return 0;
}
