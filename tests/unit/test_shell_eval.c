/* test_shell_eval.c: the parts of the shell's evaluator that need no terminal and no running
 * shell: how helper calls in an input are rewritten (h/1 gets its argument's text, as iex's h
 * macro does), and the texts of i/1 and runtime_info/0 (expected strings printed by iex 1.14). */
#include <criterion/criterion.h>
#include <string.h>

#include "parse/parse.h"
#include "rt/arena.h"
#include "shell/eval.h"
#include "value/strbuf.h"
#include "vm/module.h"

static Arena A;
static void setup(void)
{
    module_init();
    arena_init(&A);
}
static void teardown(void) { arena_free(&A); }
TestSuite(shell_eval, .init = setup, .fini = teardown);

static bool bound_x(void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "x") == 0;
}

/* Parses `src`, rewrites its helper calls and returns the --ast text of the result. */
static char *rewritten(const char *src)
{
    ParseResult pr;
    cr_assert(parse_source("iex", src, strlen(src), &pr), "%s: %s", src, pr.error);
    shell_rewrite_helpers(pr.arena, pr.root, bound_x, NULL);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ast_print(f, pr.root);
    fclose(f);
    parse_result_free(&pr);
    return text;
}

static void expect_contains(const char *src, const char *want)
{
    char *ast = rewritten(src);
    cr_expect(strstr(ast, want) != NULL, "%s rewrote to\n%s\nwithout %s", src, ast, want);
    free(ast);
}

static void expect_lacks(const char *src, const char *unwanted)
{
    char *ast = rewritten(src);
    cr_expect(strstr(ast, unwanted) == NULL, "%s rewrote to\n%s\nwith %s", src, ast, unwanted);
    free(ast);
}

Test(shell_eval, h_takes_its_argument_as_text)
{
    expect_contains("h Process.alive?", "string 1:3 \"Process.alive?\"");
    expect_contains("h(Process.alive?/1)", "string 1:3 \"Process.alive?/1\"");
    expect_contains("h Enum", "string 1:3 \"Enum\"");
    expect_contains("h spawn/1", "string 1:3 \"spawn/1\"");
    expect_contains("h :lists.sort", "string 1:3 \":lists.sort\"");
    expect_contains("h Process.alive?", "alias 1:1 IEx.Helpers");
}

Test(shell_eval, helper_calls_become_remote_calls)
{
    expect_contains("flush()", "remote 1:1 flush\n    mod: alias 1:1 IEx.Helpers");
    expect_contains("[v(1), pid(0, 1, 0)]", "remote 1:2 v");
    expect_contains("[v(1), pid(0, 1, 0)]", "remote 1:8 pid");
    expect_contains("fn -> flush() end", "remote 1:7 flush");
    expect_contains("flush", "remote 1:1 flush");
}

Test(shell_eval, module_bodies_and_variables_are_left_alone)
{
    expect_lacks("defmodule M do\n  def f, do: flush()\nend", "IEx.Helpers");
    expect_lacks("v = 1", "IEx.Helpers");
    expect_lacks("x -1", "IEx.Helpers");    /* not a helper */
    expect_lacks("flush(1)", "IEx.Helpers"); /* no flush/1 helper */
    expect_lacks("Kernel.flush()", "IEx.Helpers");
}

static void expect_info(Value v, const char *want)
{
    StrBuf sb = {0};
    shell_term_info(&sb, v, ATOM_NIL);
    cr_expect_str_eq(strbuf_cstr(&sb), want);
    strbuf_free(&sb);
}

Test(shell_eval, i_describes_terms_as_iex)
{
    expect_info(val_small(1), "Term\n  1\nData type\n  Integer\nReference modules\n  Integer\n"
                              "Implemented protocols\n  IEx.Info, Inspect, List.Chars, String.Chars\n");
    expect_info(val_make_binary(&A, "\xff\x01", 2),
                "Term\n  <<255, 1>>\nData type\n  BitString\nByte size\n  2\nDescription\n"
                "  This is a binary: a collection of bytes. It's printed with the `<<>>`\n"
                "  syntax (as opposed to double quotes) because it is not a UTF-8 encoded\n"
                "  binary (the first invalid byte being `<<255>>`)\n"
                "Reference modules\n  :binary\n"
                "Implemented protocols\n  Collectable, IEx.Info, Inspect, List.Chars, String.Chars\n");
    expect_info(val_atom_cstr("Elixir.Foo"),
                "Term\n  Foo\nData type\n  Atom\nRaw representation\n  :\"Elixir.Foo\"\n"
                "Reference modules\n  Atom\n"
                "Implemented protocols\n  IEx.Info, Inspect, List.Chars, String.Chars\n");
}

Test(shell_eval, runtime_info_names_its_topics)
{
    StrBuf sb = {0};
    shell_runtime_info(&sb);
    const char *s = strbuf_cstr(&sb);
    const char *want[] = {"## System and architecture", "Schedulers:", "## Memory", "Total:",
                          "## Statistics / limits", "Uptime:", "Atoms:", "Processes:"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_expect(strstr(s, want[i]) != NULL, "runtime_info lacks %s:\n%s", want[i], s);
    strbuf_free(&sb);
}
