/* module.c: the global module table and export table (module.h). Entries are found by atom
 * index in a two-level array of atomically published pointers; each module's exports form an
 * append-only array (readers load the count with acquire after the writer stored the item and
 * released the count), so lookups never lock. Writers take module_lock. */
#include "rt/perm.h"
#include "vm/module.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "embedded.h"
#include "value/atom.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

#define CHUNK_BITS 10
#define CHUNK_SIZE (1u << CHUNK_BITS)
#define NCHUNKS ((ATOM_LIMIT + CHUNK_SIZE - 1) / CHUNK_SIZE)

typedef struct ExportArray {
    uint32_t cap;       /* immutable */
    _Atomic uint32_t n; /* any thread, atomic: release after items[n-1] is stored, so an acquire
                         * load sees every item below it */
    Export *items[];    /* guarded by module_lock for writing; items below n are immutable */
} ExportArray;

typedef enum LoadState { LOAD_UNKNOWN, LOAD_LOADING, LOAD_DONE } LoadState;

/* Any thread, atomic. Pointers are published with release after the object is complete and
 * read with acquire; writers also hold module_lock (load_state: load_lock). */
typedef struct ModEntry {
    _Atomic(const Module *) module;    /* defined in ember, or NULL */
    _Atomic(ExportArray *) exports;
    _Atomic bool has_natives;
    _Atomic int load_state;            /* LoadState of the embedded source */
    _Atomic int defining;              /* bodies of this module running now */
} ModEntry;

static _Atomic(ModEntry *) *_Atomic chunks[NCHUNKS];
static pthread_mutex_t module_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t load_lock;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_lock_init(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&load_lock, &a);
    pthread_mutexattr_destroy(&a);
}

/* The entry of module atom `name`, created if `create` (under module_lock). */
static ModEntry *entry(Value name, bool create)
{
    if (!val_is_atom(name)) return NULL;
    uint32_t idx = val_atom_index(name), c = idx >> CHUNK_BITS, i = idx & (CHUNK_SIZE - 1);
    _Atomic(ModEntry *) *chunk = atomic_load_explicit(&chunks[c], memory_order_acquire);
    ModEntry *e = chunk ? atomic_load_explicit(&chunk[i], memory_order_acquire) : NULL;
    if (e || !create) return e;
    pthread_mutex_lock(&module_lock);
    chunk = atomic_load_explicit(&chunks[c], memory_order_acquire);
    if (!chunk) {
        chunk = calloc(CHUNK_SIZE, sizeof *chunk);
        if (!chunk) abort();
        atomic_store_explicit(&chunks[c], chunk, memory_order_release);
    }
    e = atomic_load_explicit(&chunk[i], memory_order_acquire);
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e) abort();
        atomic_store_explicit(&chunk[i], e, memory_order_release);
    }
    pthread_mutex_unlock(&module_lock);
    return e;
}

static Export *scan(ModEntry *me, Value name, uint32_t arity)
{
    ExportArray *a = atomic_load_explicit(&me->exports, memory_order_acquire);
    if (!a) return NULL;
    uint32_t n = atomic_load_explicit(&a->n, memory_order_acquire);
    for (uint32_t i = 0; i < n; i++)
        if (a->items[i]->name == name && a->items[i]->arity == arity) return a->items[i];
    return NULL;
}

/* Appends `x` to the module's exports; caller holds module_lock. */
static void append(ModEntry *me, Export *x)
{
    ExportArray *a = atomic_load_explicit(&me->exports, memory_order_relaxed);
    uint32_t n = a ? atomic_load_explicit(&a->n, memory_order_relaxed) : 0;
    if (!a || n == a->cap) {
        uint32_t cap = a ? a->cap * 2 : 16;
        ExportArray *b = perm_alloc(sizeof *b + cap * sizeof(Export *));
        b->cap = cap;
        if (a) memcpy(b->items, a->items, n * sizeof(Export *));
        atomic_init(&b->n, n);
        /* The old array stays valid for readers still scanning it (never freed). */
        atomic_store_explicit(&me->exports, b, memory_order_release);
        a = b;
    }
    a->items[n] = x;
    atomic_store_explicit(&a->n, n + 1, memory_order_release);
}

Export *export_get(Value module, Value name, uint32_t arity)
{
    ModEntry *me = entry(module, true);
    Export *x = scan(me, name, arity);
    if (x) return x;
    pthread_mutex_lock(&module_lock);
    x = scan(me, name, arity);
    if (!x) {
        x = calloc(1, sizeof *x);
        if (!x) abort();
        x->module = module;
        x->name = name;
        x->arity = arity;
        append(me, x);
    }
    pthread_mutex_unlock(&module_lock);
    return x;
}

static bool defined(const Export *x)
{
    return x && (atomic_load_explicit(&x->native, memory_order_acquire) ||
                 atomic_load_explicit(&x->code, memory_order_acquire));
}

Export *export_find(Value module, Value name, uint32_t arity)
{
    ModEntry *me = entry(module, false);
    Export *x = me ? scan(me, name, arity) : NULL;
    return defined(x) ? x : NULL;
}

const Module *module_find(Value name)
{
    ModEntry *me = entry(name, false);
    return me ? atomic_load_explicit(&me->module, memory_order_acquire) : NULL;
}

uint64_t module_export_arities(Value name, Value fname)
{
    ModEntry *me = entry(name, false);
    ExportArray *a = me ? atomic_load_explicit(&me->exports, memory_order_acquire) : NULL;
    if (!a) return 0;
    uint64_t bits = 0;
    uint32_t n = atomic_load_explicit(&a->n, memory_order_acquire);
    for (uint32_t i = 0; i < n; i++)
        if (a->items[i]->name == fname && a->items[i]->arity < 64 && defined(a->items[i]))
            bits |= UINT64_C(1) << a->items[i]->arity;
    return bits;
}

void module_define(Module *m)
{
    ModEntry *me = entry(m->name, true);
    for (uint32_t i = 0; i < m->nfuns; i++) {
        if (!m->funs[i]->exported) continue;
        Export *x = export_get(m->name, m->funs[i]->head.def_name, m->funs[i]->head.arity);
        atomic_store_explicit(&x->code, m->funs[i], memory_order_release);
    }
    const Module *old = atomic_load_explicit(&me->module, memory_order_acquire);
    for (uint32_t i = 0; old && i < old->nfuns; i++) {
        const Code *f = old->funs[i];
        Export *x = export_get(old->name, f->head.def_name, f->head.arity);
        if (atomic_load_explicit(&x->code, memory_order_acquire) == f)
            atomic_store_explicit(&x->code, NULL, memory_order_release);
    }
    atomic_store_explicit(&me->module, m, memory_order_release);
}

void module_each_export(void (*fn)(const Export *x, void *ctx), void *ctx)
{
    uint32_t count = atom_count();
    for (uint32_t c = 0; c < NCHUNKS && (c << CHUNK_BITS) < count; c++) {
        _Atomic(ModEntry *) *chunk = atomic_load_explicit(&chunks[c], memory_order_acquire);
        for (uint32_t i = 0; chunk && i < CHUNK_SIZE; i++) {
            ModEntry *me = atomic_load_explicit(&chunk[i], memory_order_acquire);
            ExportArray *a = me ? atomic_load_explicit(&me->exports, memory_order_acquire) : NULL;
            uint32_t n = a ? atomic_load_explicit(&a->n, memory_order_acquire) : 0;
            for (uint32_t k = 0; k < n; k++)
                if (defined(a->items[k])) fn(a->items[k], ctx);
        }
    }
}

void module_set_defining(Value name, bool defining)
{
    ModEntry *me = entry(name, true);
    if (me) atomic_fetch_add_explicit(&me->defining, defining ? 1 : -1, memory_order_relaxed);
}

bool module_is_defining(Value name)
{
    ModEntry *me = entry(name, false);
    return me && atomic_load_explicit(&me->defining, memory_order_relaxed) > 0;
}

void module_register_builtins(const char *name, const Builtin *table, size_t n)
{
    Value mod = val_atom_cstr(name);
    ModEntry *me = entry(mod, true);
    for (size_t i = 0; i < n; i++) {
        Export *x = export_get(mod, val_atom_cstr(table[i].name), table[i].arity);
        atomic_store_explicit(&x->native, table[i].fn, memory_order_release);
    }
    atomic_store_explicit(&me->has_natives, true, memory_order_release);
}

/* "src/lib/gen_server.ex" for Elixir.GenServer; false for non-Elixir modules. */
static bool embedded_path(Value name, char *out, size_t cap)
{
    const char *s = atom_name(val_atom_index(name));
    if (strncmp(s, "Elixir.", 7) != 0) return false;
    s += 7;
    size_t n = (size_t)snprintf(out, cap, "src/lib/");
    for (const char *c = s; *c && n + 5 < cap; c++) {
        if (*c == '.') {
            out[n++] = '_';
        } else if (*c >= 'A' && *c <= 'Z') {
            if (c > s && ((c[-1] >= 'a' && c[-1] <= 'z') || (c[-1] >= '0' && c[-1] <= '9'))) out[n++] = '_';
            out[n++] = (char)(*c - 'A' + 'a');
        } else {
            out[n++] = *c;
        }
    }
    snprintf(out + n, cap - n, ".ex");
    return true;
}

bool module_exists(Value name)
{
    ModEntry *me = entry(name, false);
    if (me && (atomic_load_explicit(&me->module, memory_order_acquire) ||
               atomic_load_explicit(&me->has_natives, memory_order_acquire)))
        return true;
    char path[256];
    return embedded_path(name, path, sizeof path) && embedded_find(path) != NULL;
}

/* Compiles and runs embedded source `f` in a private process (its defmodules define its
 * modules). Errors are bugs in src/lib: reported on stderr. */
static void load_embedded(const EmbeddedFile *f)
{
    CompileError err;
    Code *top = compile_source(f->name, f->text, f->length, &err);
    if (!top) {
        fprintf(stderr, "ember: %s:%u: %s\n", f->name, err.line, err.message);
        return;
    }
    Process *p = proc_new();
    if (!p) return;
    if (vm_start(p, top, NULL, 0) && vm_run_to_end(p) != VM_DONE)
        fprintf(stderr, "ember: loading %s failed\n", f->name);
    proc_free(p);
}

bool module_ensure_loaded(Value name)
{
    ModEntry *me = entry(name, true);
    if (!me) return false;
    /* Not LOAD_UNKNOWN but != LOAD_DONE: another thread is loading it; wait for it on the lock
     * rather than report a module whose functions are not defined yet. */
    if (atomic_load_explicit(&me->load_state, memory_order_acquire) != LOAD_DONE) {
        char path[256];
        const EmbeddedFile *f = embedded_path(name, path, sizeof path) ? embedded_find(path) : NULL;
        pthread_once(&load_once, load_lock_init);
        pthread_mutex_lock(&load_lock);
        if (atomic_load_explicit(&me->load_state, memory_order_acquire) == LOAD_UNKNOWN) {
            atomic_store_explicit(&me->load_state, LOAD_LOADING, memory_order_release);
            if (f) load_embedded(f);
            atomic_store_explicit(&me->load_state, LOAD_DONE, memory_order_release);
        }
        pthread_mutex_unlock(&load_lock);
    }
    return atomic_load_explicit(&me->module, memory_order_acquire) != NULL ||
           atomic_load_explicit(&me->has_natives, memory_order_acquire);
}

const Code *export_capture(Export *e)
{
    const Code *c = atomic_load_explicit(&e->capture, memory_order_acquire);
    if (c) return c;
    Code *stub = perm_alloc(sizeof *stub);
    uint32_t *ins = perm_alloc((3 + e->arity) * sizeof *ins);
    Export **imps = perm_alloc(sizeof *imps);
    ins[0] = OP_TCALLX, ins[1] = 0, ins[2] = e->arity;
    for (uint32_t i = 0; i < e->arity; i++) ins[3 + i] = i;
    imps[0] = e;
    stub->head.arity = stub->head.def_arity = e->arity;
    stub->head.index = FUN_INDEX_EXTERNAL;
    stub->head.module = e->module;
    stub->head.def_name = e->name;
    stub->kind = CODE_FN;
    stub->is_capture = true;
    stub->nregs = e->arity + 1;
    stub->ins = ins;
    stub->nins = 3 + e->arity;
    stub->imports = imps;
    stub->nimports = 1;
    stub->file = "nofile";
    const Code *expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&e->capture, &expected, stub, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        return expected; /* the loser's stub stays in the permanent table, unused */
    }
    return stub;
}

void module_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    atom_init();
    pthread_once(&once, lib_init);
}
