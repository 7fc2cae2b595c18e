/* ops.c: compiling operators: arithmetic and comparison (one instruction each, with constant
 * operands folded in), the short-circuit boolean operators, `<>`, and the operators that are
 * Kernel functions (++ -- .. in). `=` is a match (pattern.c). */
#include <string.h>

#include "compile/cstate.h"
#include "vm/vminspect.h"

typedef struct OpInfo {
    const char *name;
    Opcode op;
} OpInfo;

static const OpInfo simple_ops[] = {
    {"+", OP_ADD}, {"-", OP_SUB}, {"*", OP_MUL}, {"/", OP_DIV},
    {"<", OP_LT}, {"<=", OP_LE}, {">", OP_GT}, {">=", OP_GE},
    {"==", OP_EQ}, {"!=", OP_NE}, {"===", OP_SEQ}, {"!==", OP_SNE},
};

/* Operators that are calls of Kernel functions (export name, arity 2). */
static const char *const kernel_ops[][2] = {
    {"++", "++"}, {"--", "--"}, {"..", ".."}, {"in", "__in__"},
};

uint32_t cop2(FnState *f, const AstNode *at, Opcode op, const AstNode *x, const AstNode *y)
{
    uint32_t a = cexpr_rk(f, x);
    uint32_t b = cexpr_rk(f, y);
    uint32_t d = reg_new(f);
    emit_op(f, op, at);
    emit(f, d);
    emit(f, a);
    emit(f, b);
    return d;
}

static uint32_t csimple(FnState *f, const AstNode *n, Opcode op) { return cop2(f, n, op, n->a, n->b); }

/* and / or: the left side must be a boolean (BadBooleanError); && / ||: any value. */
static uint32_t cshort(FnState *f, const AstNode *n, bool is_and, bool strict)
{
    uint32_t d = reg_new(f);
    uint32_t end = label_new(f);
    uint32_t a = cexpr(f, n->a);
    if (strict) {
        emit_op(f, OP_BOOLCHK, n);
        emit(f, a);
        emit(f, val_atom_index(atom_of(is_and ? "and" : "or")));
    }
    emit_op(f, OP_MOVE, NULL);
    emit(f, d);
    emit(f, a);
    emit_op(f, is_and ? OP_JFALSY : OP_JTRUTHY, NULL);
    emit(f, a);
    emit_label(f, end);
    uint32_t mark = f->nextreg;
    cinto(f, n->b, d, false);
    temps_release(f, mark);
    label_bind(f, end);
    return d;
}

/* Collects the operands of a chain of <> (Elixir builds one binary of all of them). */
static void concat_parts(const AstNode *n, const AstNode **parts, uint32_t *count, uint32_t cap)
{
    if (n->kind == AST_BINOP && strcmp(n->name, "<>") == 0 && *count + 2 <= cap) {
        concat_parts(n->a, parts, count, cap);
        concat_parts(n->b, parts, count, cap);
        return;
    }
    parts[(*count)++] = n;
}

static bool literal_non_binary(const AstNode *n)
{
    switch (n->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_LIST: case AST_TUPLE: case AST_MAP:
        return true;
    default:
        return false;
    }
}

static uint32_t cconcat(FnState *f, const AstNode *n)
{
    const AstNode *parts[64];
    uint32_t count = 0, regs[64];
    concat_parts(n, parts, &count, 64);
    for (uint32_t i = 0; i < count; i++) {
        Value v;
        /* As Elixir's <> macro: a literal that is not a binary fails the compilation. */
        if (literal_non_binary(parts[i]) && literal_value(f, parts[i], &v)) {
            StrBuf sb = {0};
            vm_inspect(&sb, v);
            f->line = parts[i]->line;
            cerror_exc(f, "Elixir.ArgumentError", "expected binary argument in <> operator but got: %s",
                       strbuf_cstr(&sb));
        }
        regs[i] = cexpr(f, parts[i]);
    }
    uint32_t d = reg_new(f);
    emit_op(f, OP_CONCAT, n);
    emit(f, d);
    emit_regs(f, regs, count);
    return d;
}

static uint32_t ckernel_op(FnState *f, const AstNode *n, const char *fname, bool tail)
{
    uint32_t regs[2] = {cexpr(f, n->a), cexpr(f, n->b)};
    return emit_callx(f, n, atom_of("Elixir.Kernel"), atom_of(fname), regs, 2, tail);
}

static uint32_t cnot_in(FnState *f, const AstNode *n)
{
    uint32_t regs[2] = {cexpr(f, n->a), cexpr(f, n->b)};
    uint32_t r = emit_callx(f, n, atom_of("Elixir.Kernel"), atom_of("__in__"), regs, 2, false);
    uint32_t d = reg_new(f);
    emit_op(f, OP_NOT, n);
    emit(f, d);
    emit(f, r);
    return d;
}

static uint32_t cbinop_value(FnState *f, const AstNode *n, bool tail, bool *tailed)
{
    const char *op = n->name;
    *tailed = false;
    for (size_t i = 0; i < sizeof simple_ops / sizeof *simple_ops; i++)
        if (strcmp(op, simple_ops[i].name) == 0) return csimple(f, n, simple_ops[i].op);
    for (size_t i = 0; i < sizeof kernel_ops / sizeof *kernel_ops; i++)
        if (strcmp(op, kernel_ops[i][0]) == 0) {
            *tailed = tail;
            return ckernel_op(f, n, kernel_ops[i][1], tail);
        }
    if (strcmp(op, "=") == 0) return cmatch(f, n);
    if (strcmp(op, "and") == 0) return cshort(f, n, true, true);
    if (strcmp(op, "or") == 0) return cshort(f, n, false, true);
    if (strcmp(op, "&&") == 0) return cshort(f, n, true, false);
    if (strcmp(op, "||") == 0) return cshort(f, n, false, false);
    if (strcmp(op, "<>") == 0) return cconcat(f, n);
    if (strcmp(op, "not in") == 0) return cnot_in(f, n);
    if (strcmp(op, "\\\\") == 0) cerror(f, n, "\\\\ is only allowed in function heads");
    cerror(f, n, "unsupported operator %s", op);
}

uint32_t cbinop(FnState *f, const AstNode *n, bool tail)
{
    bool tailed;
    uint32_t r = cbinop_value(f, n, tail, &tailed);
    if (!tail || tailed) return tailed ? NO_REG : r;
    emit_op(f, OP_RET, n);
    emit(f, r);
    return NO_REG;
}

/* !x: true for nil and false, else false. */
static uint32_t cbang(FnState *f, const AstNode *n)
{
    uint32_t a = cexpr(f, n->a);
    uint32_t d = cload(f, ATOM_TRUE);
    uint32_t end = label_new(f);
    emit_op(f, OP_JFALSY, n);
    emit(f, a);
    emit_label(f, end);
    emit_op(f, OP_LOADK, NULL);
    emit(f, d);
    emit(f, const_index(f, ATOM_FALSE));
    label_bind(f, end);
    return d;
}

uint32_t cunop(FnState *f, const AstNode *n)
{
    const char *op = n->name;
    Value v;
    if (strcmp(op, "-") == 0 && literal_value(f, n, &v)) return cload(f, v);
    if (strcmp(op, "+") == 0) return cexpr(f, n->a);
    if (strcmp(op, "!") == 0) return cbang(f, n);
    if (strcmp(op, "^") == 0)
        cerror(f, n, "cannot use ^%s outside of match clauses", n->a->name ? n->a->name : "");
    uint32_t a = strcmp(op, "-") == 0 ? cexpr_rk(f, n->a) : cexpr(f, n->a);
    uint32_t d = reg_new(f);
    emit_op(f, strcmp(op, "-") == 0 ? OP_NEG : OP_NOT, n);
    emit(f, d);
    emit(f, a);
    return d;
}
