/* module.c: compiling a defmodule's body. A module is defined in two steps, as Elixir does:
 * when the defmodule runs, its body (attributes, defstruct, nested modules, any expression) is
 * compiled into a CODE_INIT function and run; its last instruction, MODDONE, hands the values
 * the functions need (the attribute versions they read, the struct fields) to
 * compile_module_functions (def.c). Also: import/alias/require/use and @attribute reads. */
#include <stdlib.h>
#include <string.h>

#include "rt/perm.h"
#include "compile/cstate.h"

/* Attributes that only document or annotate: never evaluated. */
static const char *const ignored_attrs[] = {
    "doc", "moduledoc", "typedoc", "spec", "impl", "type", "typep", "opaque", "callback",
    "macrocallback", "behaviour", "derive", "dialyzer", "compile", "vsn", "enforce_keys",
    "deprecated", "since", "optional_callbacks", "external_resource", "on_load", "before_compile",
    "after_compile", "file", NULL,
};

static bool ignored_attr(const char *name)
{
    for (int i = 0; ignored_attrs[i]; i++)
        if (strcmp(ignored_attrs[i], name) == 0) return true;
    return false;
}

static void *grow_perm(void *arr, uint32_t n, size_t size)
{
    void *p = perm_alloc((n + 1) * size);
    if (arr) memcpy(p, arr, n * size);
    return p;
}

/* Adds alias short -> full to the compilation (and, in a module body, to the module for its
 * functions). */
static void alias_add(ModCtx *m, const char *short_name, Value full)
{
    m->aliases = pool_grow(m->pool, m->aliases, m->naliases * sizeof *m->aliases,
                           (m->naliases + 1) * sizeof *m->aliases);
    m->aliases[m->naliases++] = (Alias){pool_strdup(m->pool, short_name), full};
    if (!m->mdef) return;
    ModuleDef *d = m->mdef;
    d->aliases = grow_perm(d->aliases, d->naliases, sizeof *d->aliases);
    d->aliases[d->naliases++] = (Alias){perm_strdup(short_name), full};
}

static void import_add(ModCtx *m, Value mod)
{
    module_ensure_loaded(mod);
    m->imports = pool_grow(m->pool, m->imports, m->nimports * sizeof *m->imports,
                           (m->nimports + 1) * sizeof *m->imports);
    m->imports[m->nimports++] = mod;
    if (!m->mdef) return;
    ModuleDef *d = m->mdef;
    d->imports = grow_perm(d->imports, d->nimports, sizeof *d->imports);
    d->imports[d->nimports++] = mod;
}

/* The value of option `key` in a keyword-list argument node, or NULL. */
static const AstNode *kw_opt(const AstNode *kw, const char *key)
{
    if (!kw || kw->kind != AST_LIST) return NULL;
    for (uint32_t i = 0; i < kw->nkids; i++) {
        const AstNode *t = kw->kids[i];
        if (t->kind == AST_TUPLE && t->nkids == 2 && t->kids[0]->kind == AST_ATOM &&
            strcmp(t->kids[0]->name, key) == 0)
            return t->kids[1];
    }
    return NULL;
}

static Value directive_alias(FnState *f, const AstNode *n)
{
    Value full = module_atom(f->mod, n->kids[0]);
    if (full == THE_NON_VALUE) cerror(f, n, "invalid argument for alias, expected a compile time atom or alias");
    const AstNode *as = kw_opt(n->nkids > 1 ? n->kids[1] : NULL, "as");
    const char *text = atom_name(val_atom_index(full));
    const char *last = strrchr(text, '.');
    const char *short_name = as && as->kind == AST_ALIAS ? as->name : (last ? last + 1 : text);
    alias_add(f->mod, short_name, full);
    return full;
}

bool cdirective(FnState *f, const AstNode *n, uint32_t *out)
{
    const char *name = n->name;
    bool known = strcmp(name, "alias") == 0 || strcmp(name, "import") == 0 ||
                 strcmp(name, "require") == 0 || strcmp(name, "use") == 0;
    if (!known || n->nkids < 1 || n->nkids > 2) return false;
    Value mod = module_atom(f->mod, n->kids[0]);
    if (mod == THE_NON_VALUE) cerror(f, n, "invalid argument for %s, expected a compile time atom or alias", name);
    if (name[0] == 'a') mod = directive_alias(f, n);
    else if (name[0] == 'i') import_add(f->mod, mod);
    else if (name[0] == 'u' && f->mod->mdef) {
        uint32_t opts = n->nkids > 1 ? cexpr(f, n->kids[1]) : cload(f, VAL_NIL);
        uint32_t r = emit_callx(f, n, mod, atom_of("__using__"), &opts, 1, false);
        var_bind(f, "@__using_opts__", opts);
        var_bind(f, "@__using__", r);
        ModuleDef *d = f->mod->mdef;
        d->uses = grow_perm(d->uses, d->nuses, sizeof *d->uses);
        d->uses[d->nuses++] = (UseSite){mod, slot_of(f->mod, r), slot_of(f->mod, opts)};
    }
    *out = cload(f, name[0] == 'i' ? ATOM_OK : mod);
    return true;
}

/* The full name of a module defined at `n` in the current context; adds the alias a nested
 * defmodule gets. */
static Value defmodule_name(FnState *f, const AstNode *n)
{
    ModCtx *m = f->mod;
    AstNode alias = *n;
    alias.kind = AST_ALIAS;
    if (!m->mdef) return module_atom(m, &alias);
    const char *parent = atom_name(val_atom_index(m->module));
    size_t pl = strlen(parent), nl = strlen(n->name);
    char *buf = pool_alloc(m->pool, pl + nl + 2);
    memcpy(buf, parent, pl);
    buf[pl] = '.';
    memcpy(buf + pl + 1, n->name, nl);
    const char *dot = strchr(n->name, '.');
    size_t head = dot ? (size_t)(dot - n->name) : nl;
    char *short_name = pool_alloc(m->pool, head + 1);
    memcpy(short_name, n->name, head);
    buf[pl + 1 + head] = '\0';
    Value aliased = atom_of(buf);
    buf[pl + 1 + head] = dot ? '.' : '\0';
    alias_add(m, short_name, aliased);
    return atom_of(buf);
}

uint32_t cdefmodule(FnState *f, const AstNode *n)
{
    ModCtx *m = f->mod;
    ModuleDef *def = perm_alloc(sizeof *def);
    def->node = n;
    def->file = m->file;
    def->name = defmodule_name(f, n);
    def->struct_slot = NO_REG;
    def->aliases = grow_perm(NULL, m->naliases, sizeof *def->aliases);
    for (uint32_t i = 0; i < m->naliases; i++)
        def->aliases[i] = (Alias){perm_strdup(m->aliases[i].short_name), m->aliases[i].full};
    def->naliases = m->naliases;
    def->imports = grow_perm(NULL, m->nimports, sizeof *def->imports);
    if (m->nimports) memcpy(def->imports, m->imports, m->nimports * sizeof *def->imports);
    def->nimports = m->nimports;
    uint32_t d = reg_new(f);
    emit_op(f, OP_DEFMOD, n);
    emit(f, d);
    emit(f, ptr_add(f, def));
    return d;
}

/* "@name" as the variable holding the attribute's current version in a module body. */
static const char *attr_var(ModCtx *m, const char *name)
{
    size_t n = strlen(name);
    char *v = pool_alloc(m->pool, n + 2);
    v[0] = '@';
    memcpy(v + 1, name, n);
    return v;
}

uint32_t cattr(FnState *f, const AstNode *n)
{
    ModCtx *m = f->mod;
    if (m->module == ATOM_NIL) cerror_exc(f, "Elixir.ArgumentError", "cannot invoke @/1 outside module");
    if (n->a) {
        if (!m->mdef || f->kind != CODE_INIT)
            cerror(f, n, "cannot set attribute @%s inside function/macro", n->name);
        if (ignored_attr(n->name)) return cload(f, ATOM_NIL);
        uint32_t r = cexpr(f, n->a);
        var_bind(f, attr_var(m, n->name), r);
        return r;
    }
    if (m->mdef) {
        uint32_t r = var_lookup(f, attr_var(m, n->name));
        return r != NO_REG ? r : cload(f, ATOM_NIL);
    }
    for (uint32_t i = m->nattrs; i-- > 0;)
        if (strcmp(m->attrs[i].name, n->name) == 0) return cload(f, m->attrs[i].value);
    return cload(f, ATOM_NIL);
}

uint32_t slot_of(ModCtx *m, uint32_t reg)
{
    for (uint32_t i = 0; i < m->nslots; i++)
        if (m->slots[i] == reg) return i;
    m->slots = pool_grow(m->pool, m->slots, m->nslots * sizeof *m->slots,
                         (m->nslots + 1) * sizeof *m->slots);
    m->slots[m->nslots] = reg;
    return m->nslots++;
}

/* Adds the names of the attributes read under `n` to `names` (unique). */
static void scan_attrs(ModCtx *m, const AstNode *n, const char ***names, uint32_t *count)
{
    if (!n) return;
    if (n->kind == AST_ATTR && !n->a) {
        for (uint32_t i = 0; i < *count; i++)
            if (strcmp((*names)[i], n->name) == 0) return;
        *names = pool_grow(m->pool, *names, *count * sizeof **names, (*count + 1) * sizeof **names);
        (*names)[(*count)++] = n->name;
        return;
    }
    const AstNode *sub[4] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++) scan_attrs(m, sub[i], names, count);
    for (uint32_t i = 0; i < n->nkids; i++) scan_attrs(m, n->kids[i], names, count);
}

/* A def in the body: remember it with the attribute versions its clause reads. */
static void record_def(FnState *f, const AstNode *n)
{
    ModCtx *m = f->mod;
    ModuleDef *d = m->mdef;
    const char **names = NULL;
    uint32_t count = 0;
    scan_attrs(m, n->a, &names, &count);
    DefSite site = {n, NULL, count};
    site.attrs = perm_alloc((count + 1) * sizeof *site.attrs);
    for (uint32_t i = 0; i < count; i++) {
        uint32_t r = var_lookup(f, attr_var(m, names[i]));
        site.attrs[i] = (AttrRef){perm_strdup(names[i]), r == NO_REG ? NO_REG : slot_of(m, r)};
    }
    d->defs = grow_perm(d->defs, d->ndefs, sizeof *d->defs);
    d->defs[d->ndefs++] = site;
}

static void body_item(FnState *f, const AstNode *n)
{
    ModuleDef *d = f->mod->mdef;
    if (n->kind == AST_DEF) {
        record_def(f, n);
        return;
    }
    bool is_struct = n->kind == AST_CALL && n->nkids == 1 && strcmp(n->name, "defstruct") == 0;
    bool is_exc = n->kind == AST_CALL && n->nkids == 1 && strcmp(n->name, "defexception") == 0;
    if (is_struct || is_exc) {
        uint32_t r = cexpr(f, n->kids[0]);
        var_bind(f, "@__struct__", r);
        d->struct_slot = slot_of(f->mod, r);
        d->is_exception = is_exc;
        return;
    }
    cexpr(f, n);
}

static void body_init(ModCtx *m, ModuleDef *def, Pool *pool, jmp_buf *jb, CompileError *err)
{
    memset(m, 0, sizeof *m);
    m->pool = pool;
    m->jb = jb;
    m->err = err;
    m->file = def->file;
    m->module = def->name;
    m->mdef = def;
    m->def_name = ATOM_NIL;
    m->struct_template = THE_NON_VALUE;
    m->lit = perm_alloc(sizeof(Arena));
    arena_init(m->lit);
    m->aliases = pool_alloc(pool, (def->naliases + 1) * sizeof *m->aliases);
    if (def->naliases) memcpy(m->aliases, def->aliases, def->naliases * sizeof *m->aliases);
    m->naliases = def->naliases;
    m->imports = pool_alloc(pool, (def->nimports + 1) * sizeof *m->imports);
    if (def->nimports) memcpy(m->imports, def->imports, def->nimports * sizeof *m->imports);
    m->nimports = def->nimports;
    def->defs = NULL;
    def->ndefs = 0;
    def->nslots = 0;
    def->struct_slot = NO_REG;
    def->is_exception = false;
    def->nuses = 0;
}

Code *compile_module_body(ModuleDef *def, CompileError *err)
{
    Pool pool = {0};
    jmp_buf jb;
    ModCtx m;
    body_init(&m, def, &pool, &jb, err);
    if (setjmp(jb)) {
        pool_free_all(&pool);
        return NULL;
    }
    FnState f;
    fn_init(&f, &m, NULL, CODE_INIT, 0);
    scope_push(&f);
    const AstNode *body = def->node->b;
    uint32_t n = body && body->kind == AST_BLOCK ? body->nkids : (body ? 1 : 0);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t mark = f.nextreg;
        body_item(&f, body->kind == AST_BLOCK ? body->kids[i] : body);
        temps_release(&f, mark);
    }
    def->nslots = m.nslots;
    emit_op(&f, OP_MODDONE, def->node);
    emit(&f, ptr_add(&f, def));
    emit_regs(&f, m.slots, m.nslots);
    Value parts[4] = {atom_of("module"), def->name, lit_binary(&f, "", 0), ATOM_NIL};
    uint32_t r = cload(&f, val_make_tuple_from(m.lit, parts, 4));
    emit_op(&f, OP_RET, NULL);
    emit(&f, r);
    Code *code = fn_finish(&f, ATOM_NIL, 0);
    pool_free_all(&pool);
    return code;
}

Value compile_module_name(const ModuleDef *def)
{
    return def->name;
}
