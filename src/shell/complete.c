/* complete.c: Tab completion candidates (complete.h). Modules are found among the atoms (a
 * module's name is always an atom once defined or registered) and in the embedded sources'
 * `defmodule` lines (modules written in ember exist before their atom does); a module's
 * functions are read back from the export table by trying every atom with the typed prefix.
 * That is a scan of the atom table per Tab press: a few thousand lookups, well under a
 * millisecond, and it needs nothing from module.c beyond module.h. */
#include "shell/complete.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "value/atom.h"
#include "value/value.h"
#include "vm/module.h"

typedef struct {
    char **v;
    size_t n, cap;
    bool oom;
} Cands;

static void add(Cands *c, const char *s, size_t len)
{
    if (c->oom) return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        char **v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            c->oom = true;
            return;
        }
        c->v = v, c->cap = cap;
    }
    char *d = malloc(len + 1);
    if (!d) {
        c->oom = true;
        return;
    }
    memcpy(d, s, len);
    d[len] = '\0';
    c->v[c->n++] = d;
}

static void addf(Cands *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(Cands *c, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (len > 0 && (size_t)len < sizeof buf) add(c, buf, (size_t)len);
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A name a user can type as a function call: letters, digits, '_', ending in '?' or '!'. */
static bool is_fun_name(const char *s)
{
    if (!(islower((unsigned char)*s) || *s == '_')) return false;
    for (s++; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_' || ((*s == '?' || *s == '!') && !s[1])))
            return false;
    return true;
}

/* Calls fn(display name, ctx) for every module the shell can name: "Enum", ":erlang". */
static void each_module(void (*fn)(const char *name, void *ctx), void *ctx)
{
    uint32_t count = atom_count();
    for (uint32_t i = 0; i < count; i++) {
        const char *s = atom_name(i);
        if (!module_exists(val_atom(i))) continue;
        if (starts_with(s, "Elixir.")) {
            fn(s + 7, ctx);
        } else {
            char buf[256];
            snprintf(buf, sizeof buf, ":%s", s);
            fn(buf, ctx);
        }
    }
    for (const EmbeddedFile *f = embedded_files; f->name; f++) {
        if (!starts_with(f->name, "src/lib/")) continue;
        for (const char *l = f->text; l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
            if (!starts_with(l, "defmodule ")) continue;
            const char *b = l + 10, *e = b;
            while (isalnum((unsigned char)*e) || *e == '_' || *e == '.') e++;
            char buf[256];
            if (e > b && (size_t)(e - b) < sizeof buf) {
                memcpy(buf, b, (size_t)(e - b));
                buf[e - b] = '\0';
                fn(buf, ctx);
            }
        }
    }
}

typedef struct {
    Cands *c;
    const char *word;
} ModMatch;

/* Adds `name` cut after the segment being typed: "Str" finds "String", not "String.Chars". */
static void match_module(const char *name, void *ctx)
{
    ModMatch *m = ctx;
    size_t wl = strlen(m->word);
    if (!starts_with(name, m->word)) return;
    const char *dot = strchr(name + wl, '.');
    add(m->c, name, dot ? (size_t)(dot - name) : strlen(name));
}

typedef struct {
    const char *name;
    bool found;
} ModFind;

static void find_module(const char *name, void *ctx)
{
    ModFind *f = ctx;
    if (strcmp(name, f->name) == 0) f->found = true;
}

/* The module atom behind display name `mod` ("Enum" -> Elixir.Enum, ":erlang" -> erlang), or
 * THE_NON_VALUE if there is no such module. Interns the atom only for a real module. */
static Value module_atom(const char *mod)
{
    char buf[256];
    int len = mod[0] == ':' ? snprintf(buf, sizeof buf, "%s", mod + 1)
                            : snprintf(buf, sizeof buf, "Elixir.%s", mod);
    if (len <= 0 || (size_t)len >= sizeof buf) return THE_NON_VALUE;
    uint32_t idx = atom_lookup(buf, (size_t)len);
    if (idx == UINT32_MAX) {
        ModFind f = {mod, false};
        each_module(find_module, &f); /* embedded, never named yet */
        if (!f.found) return THE_NON_VALUE;
        idx = atom_intern(buf, (size_t)len);
        if (idx == UINT32_MAX) return THE_NON_VALUE;
    }
    Value a = val_atom(idx);
    return module_exists(a) ? a : THE_NON_VALUE;
}

/* Adds "PREFIXname/arity" for every exported function of `mod` whose name starts with `fpre`. */
static void add_functions(Cands *c, Value mod, const char *prefix, const char *fpre)
{
    uint32_t count = atom_count();
    bool hidden_ok = fpre[0] == '_';
    for (uint32_t i = 0; i < count; i++) {
        const char *s = atom_name(i);
        if (!starts_with(s, fpre) || !is_fun_name(s)) continue;
        if (!hidden_ok && s[0] == '_' && s[1] == '_') continue;
        uint64_t bits = module_export_arities(mod, val_atom(i));
        for (unsigned a = 0; a < 64; a++)
            if (bits & (UINT64_C(1) << a)) addf(c, "%s%s/%u", prefix, s, a);
    }
}

/* Kernel macros and special forms (compiled, so not in the export table), and the shell's
 * helpers (IEx.Helpers), with the arities iex lists. */
static const char *const kernel_forms[] = {
    "case/2",   "cond/1",      "def/2",       "defexception/1", "defmodule/2", "defp/2",
    "defstruct/1", "for/1",    "if/2",        "raise/1",        "raise/2",     "receive/1",
    "reraise/2", "try/1",      "unless/2",    "with/1",         "alias/2",     "import/2",
    "require/2", "fn/1",       "quote/2",
};
static const char *const helpers[] = {
    "c/1", "clear/0", "flush/0", "h/0", "h/1", "i/1", "pid/1", "pid/3", "r/1",
    "runtime_info/0", "v/0", "v/1",
};

static void add_listed(Cands *c, const char *const *list, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++)
        if (starts_with(list[i], word)) add(c, list[i], strlen(list[i]));
}

static void complete_local(Cands *c, const char *word, const CompleteVars *vars)
{
    uint32_t k = atom_lookup("Elixir.Kernel", 13);
    if (k != UINT32_MAX) add_functions(c, val_atom(k), "", word);
    add_listed(c, kernel_forms, sizeof kernel_forms / sizeof *kernel_forms, word);
    add_listed(c, helpers, sizeof helpers / sizeof *helpers, word);
    for (size_t i = 0; vars && i < vars->count; i++)
        if (vars->names[i] && starts_with(vars->names[i], word))
            add(c, vars->names[i], strlen(vars->names[i]));
}

static void complete_remote(Cands *c, const char *word)
{
    ModMatch m = {c, word};
    each_module(match_module, &m); /* "String.Ch" -> "String.Chars" */
    const char *dot = strrchr(word, '.');
    char mod[256];
    if ((size_t)(dot - word) >= sizeof mod) return;
    memcpy(mod, word, (size_t)(dot - word));
    mod[dot - word] = '\0';
    Value a = module_atom(mod);
    if (a == THE_NON_VALUE || !module_ensure_loaded(a)) return;
    char prefix[260];
    snprintf(prefix, sizeof prefix, "%s.", mod);
    add_functions(c, a, prefix, dot + 1);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **complete_word(const char *word, const CompleteVars *vars, size_t *n)
{
    *n = 0;
    if (!word || !*word) return NULL;
    Cands c = {0};
    bool module_like = isupper((unsigned char)word[0]) || word[0] == ':';
    if (strchr(word, '.') && module_like) {
        complete_remote(&c, word);
    } else if (module_like) {
        ModMatch m = {&c, word};
        each_module(match_module, &m);
    } else {
        complete_local(&c, word, vars);
    }
    if (c.oom || c.n == 0) {
        for (size_t i = 0; i < c.n; i++) free(c.v[i]);
        free(c.v);
        return NULL;
    }
    qsort(c.v, c.n, sizeof *c.v, cmp);
    size_t out = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (out && strcmp(c.v[out - 1], c.v[i]) == 0)
            free(c.v[i]);
        else
            c.v[out++] = c.v[i];
    }
    *n = out;
    return c.v;
}

char **complete_callback(void *ctx, const char *word, size_t *n)
{
    return complete_word(word, ctx, n);
}

size_t complete_insert_len(const char *c)
{
    size_t len = strlen(c), i = len;
    while (i > 0 && isdigit((unsigned char)c[i - 1])) i--;
    if (i < len && i > 1 && c[i - 1] == '/') return i - 1;
    return len;
}
