/* erlerr.c: the two faces of an :error. ember raises Elixir's exception structs everywhere
 * (error.h); Elixir code compiled to BEAM instead sees the raw Erlang reason in
 * `catch :error, r` (:badarith, {:badmatch, 2}, :function_clause, {:badkey, k, m}...) and an
 * exception only in `rescue`, which normalizes it (Exception.normalize/3). This file converts
 * between the two: exc_erlang_reason for catch, exc_normalize for :erlang.error/raise and for
 * exit reasons that carry a raw error. Errors Elixir itself raises as structs (raise "x",
 * Keyword.fetch!, Enum.at on a non-list...) stay structs both ways. */
#include "vm/error.h"

#include <string.h>

#include "value/map.h"
#include "vm/code.h"

static Value atom(const char *name) { return val_atom_cstr(name); }

static bool named(Value name, const char *module)
{
    return name != THE_NON_VALUE && name == val_atom_cstr(module);
}

static Value field(Value e, const char *key)
{
    Value v = map_get(e, atom(key));
    return v == THE_NON_VALUE ? ATOM_NIL : v;
}

static bool bin_is(Value v, const char *text, bool prefix)
{
    if (!val_is_binary(v)) return false;
    size_t n = strlen(text), len = val_binary_len(v);
    return (prefix ? len >= n : len == n) && memcmp(val_binary_bytes(v), text, n) == 0;
}

static Value tuple2(Process *p, Value a, Value b)
{
    Value e[2] = {a, b};
    return val_make_tuple_from(&p->arena, e, 2);
}

static Value tuple3(Process *p, Value a, Value b, Value c)
{
    Value e[3] = {a, b, c};
    return val_make_tuple_from(&p->arena, e, 3);
}

/* {tag, e.term} for the *ClauseError / BadMapError family. */
static const struct { const char *module, *tag; } term_errors[] = {
    {"Elixir.MatchError", "badmatch"},     {"Elixir.CaseClauseError", "case_clause"},
    {"Elixir.TryClauseError", "try_clause"}, {"Elixir.WithClauseError", "with_clause"},
    {"Elixir.BadMapError", "badmap"},      {"Elixir.BadFunctionError", "badfun"},
};

Value exc_erlang_reason(Process *p, Value e)
{
    Value name = val_is_map(e) ? map_struct_name(e) : THE_NON_VALUE;
    if (name == THE_NON_VALUE) return e;
    for (size_t i = 0; i < sizeof term_errors / sizeof *term_errors; i++)
        if (named(name, term_errors[i].module)) return tuple2(p, atom(term_errors[i].tag), field(e, "term"));
    Value msg = field(e, "message");
    if (named(name, "Elixir.ArithmeticError") && bin_is(msg, "bad argument in arithmetic expression", false))
        return atom("badarith");
    if (named(name, "Elixir.ArgumentError") &&
        (bin_is(msg, "argument error", false) || bin_is(msg, "errors were found at the given arguments", true)))
        return atom("badarg");
    if (named(name, "Elixir.SystemLimitError")) return atom("system_limit");
    if (named(name, "Elixir.CondClauseError")) return atom("cond_clause");
    if (named(name, "Elixir.FunctionClauseError") && field(e, "kind") == ATOM_NIL) return atom("function_clause");
    if (named(name, "Elixir.UndefinedFunctionError") && msg == ATOM_NIL) return atom("undef");
    if (named(name, "Elixir.BadArityError"))
        return tuple2(p, atom("badarity"), tuple2(p, field(e, "function"), field(e, "args")));
    if (named(name, "Elixir.BadBooleanError"))
        return tuple3(p, atom("badbool"), field(e, "operator"), field(e, "term"));
    if (named(name, "Elixir.KeyError") && msg == ATOM_NIL) {
        Value term = p->exc_detail == ATOM_BADKEY_NO_TERM ? ATOM_NIL : field(e, "term");
        return val_is_map(term) ? tuple3(p, atom("badkey"), field(e, "key"), term)
                                : term == ATOM_NIL ? tuple2(p, atom("badkey"), field(e, "key")) : e;
    }
    if (named(name, "Elixir.ErlangError") && field(e, "original") != ATOM_NIL) return field(e, "original");
    return e;
}

static Value make(Process *p, const char *module, const char *const *keys, const Value *vals, uint32_t n)
{
    Value k[6];
    for (uint32_t i = 0; i < n; i++) k[i] = atom(keys[i]);
    return exc_make(p, atom(module), k, vals, n);
}

/* FunctionClauseError / UndefinedFunctionError with the module, function and arity of the
 * first entry of `stack` ({m, f, arity_or_args, location}), as Elixir takes them from it. */
static Value from_stack(Process *p, const char *module, Value stack)
{
    Value m = ATOM_NIL, f = ATOM_NIL, a = ATOM_NIL;
    if (val_is_cons(stack) && val_is_tuple(val_head(stack)) && val_tuple_arity(val_head(stack)) >= 3) {
        const Value *t = val_tuple_elems(val_head(stack));
        m = t[0], f = t[1], a = t[2];
        if (val_is_list(a)) {
            long n = 0;
            for (Value l = a; val_is_cons(l); l = val_tail(l)) n++;
            a = val_small(n);
        }
    }
    bool fc = strcmp(module, "Elixir.FunctionClauseError") == 0;
    static const char *const fck[] = {"module", "function", "arity", "kind", "args", "clauses"};
    static const char *const ufk[] = {"module", "function", "arity", "reason", "message"};
    Value v[6] = {m, f, a, ATOM_NIL, ATOM_NIL, ATOM_NIL};
    return make(p, module, fc ? fck : ufk, v, fc ? 6 : 5);
}

static Value with_message(Process *p, const char *module, const char *msg)
{
    static const char *const k[] = {"message"};
    Value v = val_make_binary(&p->arena, msg, strlen(msg));
    return make(p, module, k, &v, 1);
}

Value exc_normalize(Process *p, Value reason, Value stack)
{
    if (val_is_map(reason) && map_get(reason, ATOM_EXCEPTION) == ATOM_TRUE) return reason;
    if (reason == atom("badarith"))
        return with_message(p, "Elixir.ArithmeticError", "bad argument in arithmetic expression");
    if (reason == atom("badarg")) return with_message(p, "Elixir.ArgumentError", "argument error");
    if (reason == atom("system_limit"))
        return with_message(p, "Elixir.SystemLimitError", "a system limit has been reached");
    if (reason == atom("cond_clause")) return exc_make(p, ATOM_ELIXIR_COND_CLAUSE_ERROR, NULL, NULL, 0);
    if (reason == atom("function_clause")) return from_stack(p, "Elixir.FunctionClauseError", stack);
    if (reason == atom("undef")) return from_stack(p, "Elixir.UndefinedFunctionError", stack);
    const Value *t = val_is_tuple(reason) ? val_tuple_elems(reason) : NULL;
    uint32_t n = t ? val_tuple_arity(reason) : 0;
    static const char *const term[] = {"term"};
    for (size_t i = 0; n == 2 && i < sizeof term_errors / sizeof *term_errors; i++)
        if (t[0] == atom(term_errors[i].tag)) return make(p, term_errors[i].module, term, &t[1], 1);
    if (n == 2 && t[0] == atom("badarity") && val_is_tuple(t[1]) && val_tuple_arity(t[1]) == 2) {
        static const char *const k[] = {"function", "args"};
        return make(p, "Elixir.BadArityError", k, val_tuple_elems(t[1]), 2);
    }
    if (n == 3 && t[0] == atom("badbool")) {
        static const char *const k[] = {"term", "operator"};
        Value v[2] = {t[2], t[1]};
        return make(p, "Elixir.BadBooleanError", k, v, 2);
    }
    if ((n == 2 || n == 3) && t[0] == atom("badkey")) {
        static const char *const k[] = {"key", "term", "message"};
        Value v[3] = {t[1], n == 3 ? t[2] : ATOM_NIL, ATOM_NIL};
        return make(p, "Elixir.KeyError", k, v, 3);
    }
    static const char *const k[] = {"original", "reason"};
    Value v[2] = {reason, ATOM_NIL};
    return make(p, "Elixir.ErlangError", k, v, 2);
}

/* [file: ~c"FILE", line: LINE] for `code` at word offset `pc`. */
static Value location(Process *p, const Code *code, uint32_t pc)
{
    const char *file = code->file ? code->file : "nofile";
    Value chars = VAL_NIL;
    for (size_t i = strlen(file); i-- > 0;)
        chars = val_make_cons(&p->arena, val_small((unsigned char)file[i]), chars);
    Value f[2] = {atom("file"), chars}, l[2] = {atom("line"), val_small(code_line(code, pc))};
    Value pairs[2] = {val_make_tuple_from(&p->arena, f, 2), val_make_tuple_from(&p->arena, l, 2)};
    return val_make_list(&p->arena, pairs, 2, VAL_NIL);
}

Value exc_stacktrace(Process *p, const struct Code *c, uint32_t pc)
{
    bool named = c->head.def_name != ATOM_NIL && (c->kind == CODE_DEF || c->kind == CODE_FN);
    Value e[4] = {named ? c->head.module : atom("elixir_eval"), named ? c->head.def_name : atom("__FILE__"),
                  val_small(named ? (c->kind == CODE_FN ? c->head.def_arity : c->head.arity) : 1),
                  location(p, c, pc)};
    return val_make_cons(&p->arena, val_make_tuple_from(&p->arena, e, 4), VAL_NIL);
}
