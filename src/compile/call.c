/* call.c: compiling calls. Local calls resolve at compile time, in order: special forms
 * (raise, match?, directives), the module's own functions, its native builtins, explicit
 * imports, then Kernel; anything else is Elixir's "undefined function" compile error.
 * Remote calls go through an Export; fun calls and calls on a module held in a variable are
 * resolved at run time. Also: argument lists, fn clauses, captures. */
#include <stdio.h>
#include <string.h>

#include "compile/cstate.h"

uint32_t *cargs(FnState *f, AstNode *const *kids, uint32_t n)
{
    uint32_t *regs = pool_alloc(f->mod->pool, (n + 1) * sizeof *regs);
    for (uint32_t i = 0; i < n; i++) regs[i] = cexpr(f, kids[i]);
    return regs;
}

/* Emits `op [dst] operand n regs...`; returns dst, or NO_REG for a tail call. */
static uint32_t emit_call(FnState *f, const AstNode *at, Opcode op, Opcode top, uint32_t operand,
                          const uint32_t *args, uint32_t nargs, bool tail)
{
    uint32_t d = NO_REG;
    if (tail) {
        emit_op(f, top, at);
    } else {
        d = reg_new(f);
        emit_op(f, op, at);
        emit(f, d);
    }
    emit(f, operand);
    emit_regs(f, args, nargs);
    return d;
}

uint32_t emit_callx(FnState *f, const AstNode *at, Value module, Value name, const uint32_t *args,
                    uint32_t nargs, bool tail)
{
    uint32_t m = import_index(f, module, name, nargs);
    return emit_call(f, at, OP_CALLX, OP_TCALLX, m, args, nargs, tail);
}

static const DefInfo *local_def(ModCtx *m, Value name, uint32_t arity)
{
    for (uint32_t i = 0; i < m->ndefs; i++)
        if (m->defs[i].name == name && m->defs[i].arity == arity) return &m->defs[i];
    return NULL;
}

/* The module a local call name/arity is imported from, or THE_NON_VALUE. */
static Value import_of(ModCtx *m, Value name, uint32_t arity)
{
    if (m->module != ATOM_NIL) {
        Export *own = export_find(m->module, name, arity);
        if (own && atomic_load_explicit(&own->native, memory_order_acquire)) return m->module;
    }
    for (uint32_t i = m->nimports; i-- > 0;)
        if (module_export_arities(m->imports[i], name) & (UINT64_C(1) << (arity & 63)))
            return m->imports[i];
    Value kernel = atom_of("Elixir.Kernel");
    if (arity < 64 && (module_export_arities(kernel, name) & (UINT64_C(1) << arity))) return kernel;
    return THE_NON_VALUE;
}

_Noreturn static void undefined_local(FnState *f, const AstNode *n, uint32_t arity)
{
    if (f->mod->module == ATOM_NIL || f->mod->mdef)
        cerror(f, n, "undefined function %s/%u (there is no such import)", n->name, arity);
    const char *mod = atom_name(val_atom_index(f->mod->module));
    if (strncmp(mod, "Elixir.", 7) == 0) mod += 7;
    cerror(f, n,
           "undefined function %s/%u (expected %s to define such a function or for it to be "
           "imported, but none are available)",
           n->name, arity, mod);
}

/* raise/1,2 and reraise/2,3: `raise Mod, arg` is Kernel.raise(Mod.exception(arg)). */
static uint32_t craise(FnState *f, const AstNode *n)
{
    Value kernel = atom_of("Elixir.Kernel");
    bool re = strcmp(n->name, "reraise") == 0;
    uint32_t nargs = re ? n->nkids - 1 : n->nkids;
    const AstNode *what = n->kids[0];
    Value mod = what->kind == AST_ALIAS ? module_atom(f->mod, what) : THE_NON_VALUE;
    uint32_t exc;
    if (mod != THE_NON_VALUE) {
        uint32_t arg = nargs == 2 ? cexpr(f, n->kids[1]) : cload(f, VAL_NIL);
        exc = emit_callx(f, n, mod, atom_of("exception"), &arg, 1, false);
    } else if (nargs == 2) {
        uint32_t args[2] = {cexpr(f, what), cexpr(f, n->kids[1])};
        exc = emit_callx(f, n, kernel, atom_of("__exception__"), args, 2, false);
    } else {
        exc = cexpr(f, what);
    }
    if (re) {
        uint32_t args[2] = {exc, cexpr(f, n->kids[n->nkids - 1])};
        return emit_callx(f, n, kernel, atom_of("__reraise__"), args, 2, false);
    }
    return emit_callx(f, n, kernel, atom_of("raise"), &exc, 1, false);
}

/* match?(pattern, expr): true or false; the pattern's bindings do not escape. */
static uint32_t cmatchq(FnState *f, const AstNode *n)
{
    uint32_t subj = cexpr(f, n->kids[1]);
    uint32_t d = cload(f, ATOM_TRUE);
    uint32_t fail = label_new(f), end = label_new(f);
    scope_push(f);
    chead(f, (AstNode *const *)&n->kids[0], 1, &subj, NULL, fail);
    scope_pop(f);
    emit_op(f, OP_JUMP, n);
    emit_label(f, end);
    label_bind(f, fail);
    emit_op(f, OP_LOADK, n);
    emit(f, d);
    emit(f, const_index(f, ATOM_FALSE));
    label_bind(f, end);
    return d;
}

static bool is_call(const AstNode *n, const char *name, uint32_t lo, uint32_t hi)
{
    return strcmp(n->name, name) == 0 && n->nkids >= lo && n->nkids <= hi;
}

/* Special forms; returns true and sets *out if `n` is one. */
static bool cspecial(FnState *f, const AstNode *n, bool tail, uint32_t *out)
{
    if (is_call(n, "raise", 1, 2) || is_call(n, "reraise", 2, 3)) {
        *out = craise(f, n);
    } else if (is_call(n, "match?", 2, 2)) {
        *out = cmatchq(f, n);
    } else if (is_call(n, "then", 2, 2)) {
        uint32_t x = cexpr(f, n->kids[0]), fun = cexpr(f, n->kids[1]);
        *out = emit_call(f, n, OP_CALLF, OP_TCALLF, fun, &x, 1, tail);
        return true;
    } else if (!cdirective(f, n, out)) {
        return false;
    }
    if (tail) {
        emit_op(f, OP_RET, n);
        emit(f, *out);
        *out = NO_REG;
    }
    return true;
}

/* The arguments of call `n` as source text, for messages ("x, 1, :a"; "..." for others). */
static const char *args_text(FnState *f, const AstNode *n)
{
    size_t cap = 16;
    for (uint32_t i = 0; i < n->nkids; i++) cap += (n->kids[i]->name ? strlen(n->kids[i]->name) : 0) + 26;
    char *buf = pool_alloc(f->mod->pool, cap), *at = buf;
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *k = n->kids[i];
        const char *sep = i ? ", " : "";
        if (k->kind == AST_VAR) at += sprintf(at, "%s%s", sep, k->name);
        else if (k->kind == AST_ATOM) at += sprintf(at, "%s:%s", sep, k->name);
        else if (k->kind == AST_INT) at += sprintf(at, "%s%lld", sep, (long long)k->ival);
        else at += sprintf(at, "%s...", sep);
    }
    return buf;
}

bool csend_stmt(FnState *f, const AstNode *n)
{
    if (n->kind != AST_CALL || !is_call(n, "send", 2, 2) || f->in_guard) return false;
    const AstNode *msg = n->kids[1];
    if (msg->kind != AST_TUPLE || msg->nkids == 0 || msg->nkids > SENDT_MAX) return false;
    Value name = atom_of("send");
    if (local_def(f->mod, name, 2) || import_of(f->mod, name, 2) != atom_of("Elixir.Kernel")) return false;
    uint32_t dest = cexpr(f, n->kids[0]);
    uint32_t *elems = cargs(f, msg->kids, msg->nkids);
    emit_op(f, OP_SENDT, n);
    emit(f, dest);
    emit_regs(f, elems, msg->nkids);
    return true;
}

uint32_t ccall(FnState *f, const AstNode *n, bool tail)
{
    uint32_t out;
    if (cspecial(f, n, tail, &out)) return out;
    if (f->in_guard && !lib_guard_safe(n->name, n->nkids)) {
        if (f->mod->module == ATOM_NIL || f->mod->mdef) undefined_local(f, n, n->nkids);
        cerror(f, n,
               "cannot find or invoke local %s/%u inside guards. Only macros can be invoked in a "
               "guards and they must be defined before their invocation. Called as: %s(%s)",
               n->name, n->nkids, n->name, args_text(f, n));
    }
    Value name = atom_of(n->name);
    const DefInfo *d = local_def(f->mod, name, n->nkids);
    if (d && n->nkids < 64 && (module_export_arities(atom_of("Elixir.Kernel"), name) & (UINT64_C(1) << n->nkids)))
        cerror(f, d->nclauses ? d->clauses[0] : n, "imported Kernel.%s/%u conflicts with local function",
               n->name, n->nkids);
    if (d) {
        uint32_t *args = cargs(f, n->kids, n->nkids);
        return emit_call(f, n, OP_CALL, OP_TCALL, d->index, args, n->nkids, tail);
    }
    Value from = import_of(f->mod, name, n->nkids);
    if (from == THE_NON_VALUE) undefined_local(f, n, n->nkids);
    bool div = strcmp(n->name, "div") == 0;
    if ((div || strcmp(n->name, "rem") == 0) && n->nkids == 2 && from == atom_of("Elixir.Kernel")) {
        /* an instruction, not a call */
        uint32_t d = cop2(f, n, div ? OP_IDIV : OP_REM, n->kids[0], n->kids[1]);
        if (!tail) return d;
        emit_op(f, OP_RET, n);
        emit(f, d);
        return NO_REG;
    }
    uint32_t *args = cargs(f, n->kids, n->nkids);
    return emit_callx(f, n, from, name, args, n->nkids, tail);
}

uint32_t cremote(FnState *f, const AstNode *n, bool tail)
{
    Value mod = module_atom(f->mod, n->a);
    if (f->in_guard) {
        bool ok = mod == atom_of("Elixir.Kernel") && lib_guard_safe(n->name, n->nkids);
        if (!ok) cerror(f, n, "cannot invoke remote function %s inside guards", n->name);
    }
    if (mod != THE_NON_VALUE) {
        uint32_t *args = cargs(f, n->kids, n->nkids);
        return emit_callx(f, n, mod, atom_of(n->name), args, n->nkids, tail);
    }
    uint32_t m = cexpr(f, n->a);
    uint32_t *args = cargs(f, n->kids, n->nkids);
    uint32_t d = NO_REG;
    if (tail) {
        emit_op(f, OP_TCALLD, n);
    } else {
        d = reg_new(f);
        emit_op(f, OP_CALLD, n);
        emit(f, d);
    }
    emit(f, m);
    emit(f, val_atom_index(atom_of(n->name)));
    emit_regs(f, args, n->nkids);
    return d;
}

uint32_t capply(FnState *f, const AstNode *n, bool tail)
{
    if (f->in_guard) cerror(f, n, "invalid function call inside guards");
    uint32_t fun = cexpr(f, n->a);
    uint32_t *args = cargs(f, n->kids, n->nkids);
    return emit_call(f, n, OP_CALLF, OP_TCALLF, fun, args, n->nkids, tail);
}

uint32_t cdot(FnState *f, const AstNode *n)
{
    uint32_t s = cexpr(f, n->a);
    uint32_t d = reg_new(f);
    emit_op(f, OP_DOT, n);
    emit(f, d);
    emit(f, s);
    emit(f, val_atom_index(atom_of(n->name)));
    return d;
}
