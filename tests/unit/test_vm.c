/* test_vm.c: the compiler and VM on hand-built ASTs (independent of the parser): results,
 * errors, tail calls in constant space, deep recursion, reductions and resumption. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "parse/ast.h"
#include "parse/parse.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/module.h"
#include "vm/vm.h"

static AstArena *A;

static AstNode *mk(AstKind k)
{
    return ast_node(A, k, 1, 1);
}

static AstNode *I(int64_t v)
{
    AstNode *n = mk(AST_INT);
    n->ival = v;
    return n;
}

static AstNode *named(AstKind k, const char *name)
{
    AstNode *n = mk(k);
    n->name = ast_strndup(A, name, strlen(name));
    return n;
}

static AstNode *V(const char *name) { return named(AST_VAR, name); }
static AstNode *ATOM(const char *name) __attribute__((unused));
static AstNode *ATOM(const char *name) { return named(AST_ATOM, name); }

static AstNode *B(const char *op, AstNode *a, AstNode *b)
{
    AstNode *n = named(AST_BINOP, op);
    n->a = a;
    n->b = b;
    return n;
}

static AstNode *push_all(AstNode *n, int count, va_list ap)
{
    for (int i = 0; i < count; i++) ast_push(A, n, va_arg(ap, AstNode *));
    return n;
}

static AstNode *K(AstKind kind, const char *name, int count, ...)
{
    va_list ap;
    va_start(ap, count);
    AstNode *n = name ? named(kind, name) : mk(kind);
    push_all(n, count, ap);
    va_end(ap);
    return n;
}

static AstNode *remote(const char *mod, const char *fun, int count, ...)
{
    va_list ap;
    va_start(ap, count);
    AstNode *n = named(AST_REMOTE, fun);
    n->a = named(AST_ALIAS, mod);
    push_all(n, count, ap);
    va_end(ap);
    return n;
}

/* clause(guard, body, nparams, params...) */
static AstNode *clause(AstNode *guard, AstNode *body, int count, ...)
{
    va_list ap;
    va_start(ap, count);
    AstNode *n = mk(AST_CLAUSE);
    push_all(n, count, ap);
    va_end(ap);
    n->a = guard;
    n->b = body;
    return n;
}

static AstNode *def(const char *name, AstNode *cl)
{
    AstNode *n = named(AST_DEF, name);
    n->a = cl;
    return n;
}

static AstNode *module(const char *name, AstNode *body)
{
    AstNode *n = named(AST_MODULE, name);
    n->b = body;
    return n;
}

static char result_text[4096];

/* Compiles and runs `root`; returns VM status; result_text holds inspect(result) or the
 * error banner. */
static VmStatus run(AstNode *root)
{
    module_init();
    CompileOpts opts = {.file = "test.exs"};
    CompileError err;
    Code *code = compile_toplevel(root, &opts, &err);
    if (!code) {
        snprintf(result_text, sizeof result_text, "compile error: %s", err.message);
        return VM_FAILED;
    }
    Process *p = proc_new();
    cr_assert(vm_start(p, code, NULL, 0));
    VmStatus st = vm_run_to_end(p);
    StrBuf sb = {0};
    if (st == VM_DONE) {
        inspect_append(&sb, p->result, NULL);
    } else {
        Value msg = exc_builtin_message(p, proc_cold(p)->exc_value);
        if (msg == THE_NON_VALUE && val_is_map(proc_cold(p)->exc_value)) msg = map_get(proc_cold(p)->exc_value, ATOM_MESSAGE);
        char *b = exc_banner(p, proc_cold(p)->exc_kind, proc_cold(p)->exc_value, msg == THE_NON_VALUE ? ATOM_NIL : msg);
        strbuf_puts(&sb, b);
        free(b);
    }
    snprintf(result_text, sizeof result_text, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
    proc_free(p);
    return st;
}

static void setup(void) { A = ast_arena_new(); }
static void teardown(void) { ast_arena_free(A); }

TestSuite(vm, .init = setup, .fini = teardown);

Test(vm, arithmetic_and_match)
{
    AstNode *root = K(AST_BLOCK, NULL, 2, B("=", V("x"), B("+", I(1), I(2))), B("*", V("x"), I(10)));
    cr_assert_eq(run(root), VM_DONE, "%s", result_text);
    cr_assert_str_eq(result_text, "30");
}

Test(vm, match_error)
{
    AstNode *root = K(AST_BLOCK, NULL, 1, B("=", I(1), I(2)));
    cr_assert_eq(run(root), VM_FAILED);
    cr_assert_str_eq(result_text, "** (MatchError) no match of right hand side value: 2");
}

/* defmodule M do def fib(n) when n < 2, do: n; def fib(n), do: fib(n-1) + fib(n-2) end; M.fib(20) */
Test(vm, module_fib)
{
    AstNode *c1 = clause(B("<", V("n"), I(2)), K(AST_BLOCK, NULL, 1, V("n")), 1, V("n"));
    AstNode *rec = B("+", K(AST_CALL, "fib", 1, B("-", V("n"), I(1))), K(AST_CALL, "fib", 1, B("-", V("n"), I(2))));
    AstNode *c2 = clause(NULL, K(AST_BLOCK, NULL, 1, rec), 1, V("n"));
    AstNode *m = module("M", K(AST_BLOCK, NULL, 2, def("fib", c1), def("fib", c2)));
    AstNode *root = K(AST_BLOCK, NULL, 2, m, remote("M", "fib", 1, I(20)));
    cr_assert_eq(run(root), VM_DONE, "%s", result_text);
    cr_assert_str_eq(result_text, "6765");
}

/* A tail-recursive loop of 1,000,000 iterations runs in constant frames. */
Test(vm, tail_loop)
{
    AstNode *c1 = clause(NULL, K(AST_BLOCK, NULL, 1, V("acc")), 2, I(0), V("acc"));
    AstNode *c2 = clause(NULL, K(AST_BLOCK, NULL, 1, K(AST_CALL, "loop", 2, B("-", V("n"), I(1)), B("+", V("acc"), I(1)))), 2, V("n"), V("acc"));
    AstNode *m = module("L", K(AST_BLOCK, NULL, 2, def("loop", c1), def("loop", c2)));
    AstNode *root = K(AST_BLOCK, NULL, 2, m, remote("L", "loop", 2, I(1000000), I(0)));
    cr_assert_eq(run(root), VM_DONE, "%s", result_text);
    cr_assert_str_eq(result_text, "1000000");
}

/* def f(1), do: 1; M.f(2) */
Test(vm, function_clause_error)
{
    AstNode *m = module("M", K(AST_BLOCK, NULL, 1, def("f", clause(NULL, K(AST_BLOCK, NULL, 1, I(1)), 1, I(1)))));
    AstNode *root = K(AST_BLOCK, NULL, 2, m, remote("M", "f", 1, I(2)));
    cr_assert_eq(run(root), VM_FAILED);
    const char *want = "** (FunctionClauseError) no function clause matching in M.f/1    \n";
    cr_assert(strncmp(result_text, want, strlen(want)) == 0, "%s", result_text);
}

Test(vm, undefined_function)
{
    cr_assert_eq(run(K(AST_BLOCK, NULL, 1, remote("Nope", "f", 0))), VM_FAILED);
    cr_assert_str_eq(result_text, "** (UndefinedFunctionError) function Nope.f/0 is undefined (module Nope is not available)");
}

Test(vm, undefined_local_is_compile_error)
{
    cr_assert_eq(run(K(AST_BLOCK, NULL, 1, K(AST_CALL, "reveive", 1, I(1)))), VM_FAILED);
    cr_assert_str_eq(result_text, "compile error: undefined function reveive/1 (there is no such import)");
}

Test(vm, closure_captures)
{
    /* x = 5; f = fn y -> x + y end; f.(2) */
    AstNode *fn = K(AST_FN, NULL, 1, clause(NULL, K(AST_BLOCK, NULL, 1, B("+", V("x"), V("y"))), 1, V("y")));
    AstNode *ap = mk(AST_APPLY);
    ap->a = V("f");
    ast_push(A, ap, I(2));
    AstNode *root = K(AST_BLOCK, NULL, 3, B("=", V("x"), I(5)), B("=", V("f"), fn), ap);
    cr_assert_eq(run(root), VM_DONE, "%s", result_text);
    cr_assert_str_eq(result_text, "7");
}

Test(vm, overflow_raises)
{
    AstNode *root = K(AST_BLOCK, NULL, 2, B("=", V("x"), I(INT64_MAX)), B("+", V("x"), I(1)));
    cr_assert_eq(run(root), VM_FAILED);
    cr_assert_str_eq(result_text, "** (ArithmeticError) bad argument in arithmetic expression: 9223372036854775807 + 1");
}

#include <sys/resource.h>

/* Compiles and runs ember source `src` to completion in a fresh process. */
static VmStatus run_text(const char *src, Value *result)
{
    module_init();
    CompileError err;
    Code *code = compile_source("mem.exs", src, strlen(src), &err);
    cr_assert(code, "compile error: %s", err.message);
    Process *p = proc_new();
    cr_assert(vm_start(p, code, NULL, 0));
    VmStatus st = vm_run_to_end(p);
    *result = p->result;
    proc_free(p);
    return st;
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

#ifdef EMBER_GC_STRESS
#define OUTER "100"
#else
#define OUTER "10_000"
#endif

/* Building and dropping a 1,000-element list 10,000 times (10,000,000 cons cells) keeps the
 * heap at the size of one list: the collector frees the dropped ones. */
Test(vm, memory_stays_flat)
{
    const char *src =
        "defmodule Mem do\n"
        "  def build(0, acc), do: acc\n"
        "  def build(n, acc), do: build(n - 1, [n | acc])\n"
        "  def loop(0, total), do: total\n"
        "  def loop(n, total), do: loop(n - 1, total + length(build(1000, [])))\n"
        "end\n"
        "Mem.loop(" OUTER ", 0)\n";
    long before = max_rss_kb();
    Value r;
    cr_assert_eq(run_text(src, &r), VM_DONE);
    long grown = max_rss_kb() - before;
#ifdef __SANITIZE_ADDRESS__
    grown = 0; /* ASan's quarantine keeps freed chunks mapped: RSS says nothing there */
#endif
    cr_assert(grown < 32 * 1024, "max RSS grew by %ld KB running the loop (expected < 32 MB)", grown);
}

#include "parse/parse.h"

/* The shell's use: earlier bindings come in as arguments, the code returns {value, values}
 * of every visible variable, named through out_names. */
Test(vm, shell_bindings)
{
    module_init();
    const char *src = "y = x + 1\nx = y * 10\n";
    ParseResult pr;
    cr_assert(parse_source("iex", src, strlen(src), &pr));
    const char *names_in[] = {"x"};
    char **names = NULL;
    uint32_t nnames = 0;
    CompileOpts opts = {.file = "iex", .bindings = names_in, .nbindings = 1, .want_bindings = true,
                        .out_names = &names, .out_nnames = &nnames};
    CompileError err;
    Code *code = compile_toplevel(pr.root, &opts, &err);
    cr_assert(code, "%s", err.message);
    Process *p = proc_new();
    Value args[1] = {val_small(4)};
    cr_assert(vm_start(p, code, args, 1));
    cr_assert_eq(vm_run_to_end(p), VM_DONE);
    StrBuf sb = {0};
    inspect_append(&sb, p->result, NULL);
    cr_assert_eq(nnames, 2);
    char got[128];
    snprintf(got, sizeof got, "%s=%s %s", names[0], names[1], strbuf_cstr(&sb));
    cr_assert_str_eq(got, "x=y {50, [50, 5]}", "got %s", got);
    strbuf_free(&sb);
    for (uint32_t i = 0; i < nnames; i++) free(names[i]);
    free(names);
    proc_free(p);
    parse_result_free(&pr);
}
