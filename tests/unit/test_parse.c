/* test_parse.c: parse_source's contract: complete input parses, input that ends inside an open
 * construct is "incomplete" (the shell asks for more), wrong input is an error at the right
 * place; deep nesting parses; results are independent across threads.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "embedded.h"
#include "parse/parse.h"
#include "parse/walk.h"
#include "support/tsan.h"

typedef enum { COMPLETE, INCOMPLETE, ERROR } Class;

static const char *class_name(Class c)
{
    return c == COMPLETE ? "complete" : c == INCOMPLETE ? "incomplete" : "a syntax error";
}

static void check_class(const char *src, Class want)
{
    ParseResult r;
    bool ok = parse_source("t.exs", src, strlen(src), &r);
    Class got = ok ? COMPLETE : r.incomplete ? INCOMPLETE : ERROR;
    cr_expect(got == want, "%s: expected %s, got %s (%s)", src, class_name(want), class_name(got),
              r.error ? r.error : "no error");
    if (!ok) cr_expect(r.root == NULL && r.error != NULL, "%s: a failure must set error, not root", src);
    parse_result_free(&r);
}

Test(parse, complete_inputs)
{
    const char *inputs[] = {
        "x = 1", "x = 1 # comment", "", "# only a comment", "IO.puts \"hi\"\n",
        "receive do\n{:hello, msg} -> msg\nend", "fn -> 1 end", "%{a: 1}", "[1, 2 | t]",
        "send(pid, {:get, :hello, self()}\n)", "\"a #{b} c\"", "if x, do: 1, else: 2",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) check_class(inputs[i], COMPLETE);
}

Test(parse, incomplete_inputs)
{
    const char *inputs[] = {
        "receive do", "receive do\n{:hello, msg} -> msg\n", "fn x ->", "fn", "spawn(fn -> 1 end",
        "foo(", "foo(1,", "[1, 2", "{1,", "%{a: 1", "%{", "\"abc", "\"a #{b", "\"a #{",
        "x = ", "1 +", "a |>", "if x, do:", "def f(x), do:", "x = 1 # {:ok, #PID<0.1.0>}\ny =",
        "defmodule A do\n  def f do\n    1\n  end\n", "case x do\n  1 ->", "\"\"\"\nheredoc",
        "'abc", "try do\n 1\nrescue\n", "[h |", "x = (1 +\n", "{:ok, #PID<0.1.0>}", "x = \"\"\"",
        "foo.", "%Foo{", "x when", "receive do\nafter 100 ->",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) check_class(inputs[i], INCOMPLETE);
}

Test(parse, error_inputs)
{
    const char *inputs[] = {
        "1 + )", "end", "foo(1 2)", "x = 1 2", "fn -> 1 end end", "%{a: 1, 2}", ")", "[1, 2]]",
        "if x do 1 else 2 end end", "foo(a: 1, 2)", "x = &1", "1 +* 2", "{:ok, :a} ->",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) check_class(inputs[i], ERROR);
}

/* The error message and position for the len bytes at src. */
static void check_error_n(const char *src, size_t len, const char *want)
{
    ParseResult r;
    bool ok = parse_source("t.exs", src, len, &r);
    cr_assert(!ok, "%s: expected a syntax error", src);
    cr_expect_str_eq(r.error, want, "%s: wrong message", src);
    parse_result_free(&r);
}

static void check_error(const char *src, const char *want)
{
    check_error_n(src, strlen(src), want);
}

Test(parse, error_messages)
{
    check_error("foo(1 2)", "t.exs:1:7: error: expected operator, ',' or ')' at '2'");
    check_error("1 + )", "t.exs:1:5: error: expected expression at ')'");
    check_error("x = 99999999999999999999", "t.exs:1:5: error: integer literal 99999999999999999999 does not fit in 64 bits");
    check_error("x = &1", "t.exs:1:5: error: capture argument &1 must be used within the capture operator &");
    check_error_n("a\nb\0c", 5, "t.exs:2:2: error: unexpected NUL byte");
}

/* parse_source parses one top-level expression at a time; what it reports must not depend
 * on that: a syntax error later in the file wins over a walker error in an earlier
 * expression (mpc rejects the whole file before anything is walked), and positions after
 * many expressions are the file's. */
Test(parse, piecewise_parse_reports_as_a_whole_parse)
{
    check_error("x = fn 1 end\ny = 1 +* 2\n", "t.exs:2:8: error: expected expression at '*'");
    check_error("x = fn 1 end\ny = 2\n", "t.exs:1:8: error: expected -> clauses in fn");
    check_error("a = 1; b = 2\n  # c\n\nd = [1,\n 2,, 3]", "t.exs:5:4: error: expected expression, keyword or ']' at ','");
    ParseResult r;
    const char *src = "# lead\n\n  a = 1; b\n\nc(\n 1)  # tail";
    cr_assert(parse_source("t.exs", src, strlen(src), &r), "%s", r.error ? r.error : "");
    cr_assert_eq(r.root->nkids, 3u);
    cr_expect(r.root->kids[0]->line == 3 && r.root->kids[0]->col == 3, "a = 1 at %u:%u", r.root->kids[0]->line, r.root->kids[0]->col);
    cr_expect(r.root->kids[1]->line == 3 && r.root->kids[1]->col == 10, "b at %u:%u", r.root->kids[1]->line, r.root->kids[1]->col);
    cr_expect(r.root->kids[2]->line == 5 && r.root->kids[2]->col == 1, "c(1) at %u:%u", r.root->kids[2]->line, r.root->kids[2]->col);
    parse_result_free(&r);
}

Test(parse, error_position_is_one_based)
{
    ParseResult r;
    cr_assert(!parse_source("t.exs", "x = 1\n  )", 9, &r));
    cr_expect(r.line == 2 && r.col == 3, "got %u:%u, want 2:3", r.line, r.col);
    parse_result_free(&r);
}

/* A program of `depth` nested `open ... close` around `core`. */
static char *nested(const char *open, const char *core, const char *close, int depth)
{
    size_t lo = strlen(open), lc = strlen(close), lcore = strlen(core);
    char *s = malloc((lo + lc) * (size_t)depth + lcore + 1), *p = s;
    for (int i = 0; i < depth; i++, p += lo) memcpy(p, open, lo);
    memcpy(p, core, lcore);
    p += lcore;
    for (int i = 0; i < depth; i++, p += lc) memcpy(p, close, lc);
    *p = '\0';
    return s;
}

static void check_nesting(const char *open, const char *core, const char *close, int depth, bool must_parse)
{
    char *src = nested(open, core, close, depth);
    ParseResult r;
    bool ok = parse_source("deep.exs", src, strlen(src), &r);
    if (must_parse) cr_expect(ok, "%d levels of %s...%s: %s", depth, open, close, r.error ? r.error : "");
    else cr_expect(ok || (r.error && !r.incomplete), "%d levels of %s: neither a result nor a clear error", depth, open);
    parse_result_free(&r);
    free(src);
}

Test(parse, nesting_256_levels)
{
    check_nesting("(", "1", ")", 256, true);
    check_nesting("[", "1", "]", 256, true);
    check_nesting("{", "1", "}", 256, true);
    check_nesting("f(", "1", ")", 256, true);
    check_nesting("fn -> ", "1", " end", 256, true);
    check_nesting("if x do\n", "1", "\nend", 256, true);
    check_nesting("case x do\n_ -> ", "1", "\nend", 256, true);
    check_nesting("\"#{", "1", "}\"", 256, true);
    check_nesting("- ", "1", "", 256, true);
    check_nesting("f ", "1", "", 256, true);
    check_nesting("%{a: ", "1", "}", 256, true);
}

/* Skipped under TSan: too deep for its stack depot (support/tsan.h). */
Test(parse, nesting_10000_levels_fails_cleanly, .disabled = UNDER_TSAN)
{
    check_nesting("(", "1", ")", 10000, false);
    check_nesting("[", "1", "]", 10000, false);
    check_nesting("fn -> ", "1", " end", 10000, false);
    check_nesting("\"#{", "1", "}\"", 10000, false);
    check_nesting("- ", "1", "", 10000, false);
}

Test(parse, long_right_associative_chain)
{
    check_nesting("a = ", "1", "", 5000, false);
    check_nesting("x ++ ", "y", "", 5000, false);
}

static void *parse_in_thread(void *arg)
{
    const char *src = arg;
    for (int i = 0; i < 50; i++) {
        ParseResult r;
        if (!parse_source("thr.exs", src, strlen(src), &r)) return (void *)1;
        bool fine = r.root && r.root->nkids == 2;
        parse_result_free(&r);
        if (!fine) return (void *)1;
    }
    return NULL;
}

Test(parse, threads_parse_independently)
{
    static const char src[] = "defmodule A do\n  def f(x) when x > 0, do: x |> g()\nend\nA.f(1)\n";
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, parse_in_thread, (void *)src);
    for (int i = 0; i < 4; i++) {
        void *res;
        pthread_join(t[i], &res);
        cr_expect(res == NULL, "thread %d saw a failed or wrong parse", i);
    }
}

static void *deep_parse(void *arg)
{
    char *src = nested("if x do\n", "1", "\nend", 1500);
    ParseResult r;
    bool ok = parse_source("deep.exs", src, strlen(src), &r);
    bool clean = ok || (r.error && strstr(r.error, "nesting too deep"));
    parse_result_free(&r);
    free(src);
    (void)arg;
    return clean ? NULL : (void *)1;
}

/* Skipped under TSan: too deep for its stack depot (support/tsan.h). */
Test(parse, deep_input_on_a_small_stack_thread_fails_cleanly, .disabled = UNDER_TSAN)
{
    pthread_attr_t a;
    pthread_t t;
    void *res;
    pthread_attr_init(&a);
    pthread_attr_setstacksize(&a, 256 * 1024);
    cr_assert(pthread_create(&t, &a, deep_parse, NULL) == 0);
    pthread_join(t, &res);
    pthread_attr_destroy(&a);
    cr_expect(res == NULL, "1500 nested ifs on a 256 KB stack: neither a tree nor \"nesting too deep\"");
}

Test(parse, free_is_idempotent)
{
    ParseResult r;
    parse_source("t.exs", "1", 1, &r);
    parse_result_free(&r);
    parse_result_free(&r);
    parse_result_free(NULL);
}

Test(parse, walker_knows_every_grammar_rule)
{
    const EmbeddedFile *g = embedded_find("grammar/ember.mpc");
    cr_assert(g != NULL, "grammar/ember.mpc is not embedded");
    const char *p = g->text;
    int rules = 0;
    while (*p) {
        while (*p == ' ' || *p == '\n') p++;
        const char *name = p;
        while (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) p++;
        if (p == name) break;
        cr_expect(rule_named(name, (size_t)(p - name)) != R_NONE, "rule '%.*s' is missing from walk.c's table",
                  (int)(p - name), name);
        rules++;
        /* skip to the statement's end, over quoted literals */
        while (*p && *p != ';') {
            if (*p == '\'' || *p == '"' || *p == '/') {
                char q = *p++;
                while (*p && *p != q) p += (*p == '\\' && p[1]) ? 2 : 1;
            }
            if (*p) p++;
        }
        if (*p) p++;
    }
    cr_expect(rules > 60, "only %d rules found in the grammar", rules);
}
