/* test_docs.c: the h/1 documentation table (src/lib/docs.txt via docs.h) against the runtime:
 * every builtin and every public def of src/lib/NAME.ex has a doc, every doc names something that
 * exists (macros and special forms by running an example of each), and docs_print's output for
 * a few queries, byte for byte. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "embedded.h"
#include "lib/docs.h"
#include "rt/process.h"
#include "value/atom.h"
#include "value/inspect.h"
#include "vm/module.h"
#include "vm/vm.h"

/* Modules of src/lib/NAME.ex that are implementation details (Elixir hides its own with
 * @moduledoc false): the callback modules behind Agent and Supervisor and what `use` injects. */
static const char *const hidden_modules[] = {
    "Agent.Server", "Agent.Default", "GenServer.Default", "Supervisor.Server",
    "Supervisor.Default", "Task.Default", NULL,
};

/* Documented modules that the runtime does not register: the compiler's special forms and the
 * shell's helpers (src/shell implements IEx.Helpers; its transcripts test them). */
static bool runtime_less(const char *module)
{
    return strcmp(module, "Kernel.SpecialForms") == 0 || strcmp(module, "IEx.Helpers") == 0;
}

/* "Elixir.Agent" for src/lib/agent.ex, "Elixir.GenServer" for gen_server.ex. */
static void module_of_file(const char *path, char *out, size_t cap)
{
    const char *base = strrchr(path, '/') + 1;
    size_t n = (size_t)snprintf(out, cap, "Elixir.");
    bool up = true;
    for (const char *c = base; *c && *c != '.' && n + 1 < cap; c++) {
        if (*c == '_') {
            up = true;
            continue;
        }
        out[n++] = up ? (char)toupper((unsigned char)*c) : *c;
        up = false;
    }
    out[n] = 0;
}

/* module_init, then every embedded src/lib/NAME.ex loaded so its exports are visible. */
static void load_everything(void)
{
    module_init();
    for (const EmbeddedFile *f = embedded_files; f->name; f++) {
        size_t len = strlen(f->name);
        if (strncmp(f->name, "src/lib/", 8) != 0 || len < 3 || strcmp(f->name + len - 3, ".ex") != 0) continue;
        char mod[128];
        module_of_file(f->name, mod, sizeof mod);
        cr_assert(module_ensure_loaded(val_atom_cstr(mod)), "%s did not load as %s", f->name, mod);
    }
}

static bool has_doc(const char *module, const char *name, uint32_t arity)
{
    const FunDoc *f;
    size_t n = docs_functions(module, &f);
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0 && f[i].arity == (int)arity) return true;
    return false;
}

typedef struct Missing {
    char text[8192];
    size_t len;
    int count;
} Missing;

static void check_export(const Export *x, void *ctx)
{
    Missing *m = ctx;
    const char *mod = atom_name(val_atom_index(x->module)), *name = atom_name(val_atom_index(x->name));
    if (strncmp(mod, "Elixir.", 7) != 0 || strncmp(name, "__", 2) == 0) return;
    mod += 7;
    for (int i = 0; hidden_modules[i]; i++)
        if (strcmp(mod, hidden_modules[i]) == 0) return;
    if (has_doc(mod, name, x->arity)) return;
    m->count++;
    if (m->len + 100 < sizeof m->text)
        m->len += (size_t)snprintf(m->text + m->len, sizeof m->text - m->len, " %s.%s/%u", mod, name, x->arity);
}

Test(docs, every_builtin_and_public_def_has_a_doc)
{
    load_everything();
    Missing m = {.len = 0};
    module_each_export(check_export, &m);
    cr_assert_eq(m.count, 0, "%d functions have no entry in src/lib/docs.txt:%s", m.count, m.text);
}

Test(docs, walking_exports_sees_builtins_and_ember_defs)
{
    load_everything();
    /* Guards the test above: if the walk saw nothing it would pass vacuously. */
    cr_assert(export_find(val_atom_cstr("Elixir.Process"), val_atom_cstr("alive?"), 1));
    cr_assert(export_find(val_atom_cstr("Elixir.Agent"), val_atom_cstr("get"), 2));
    cr_assert(has_doc("Process", "alive?", 1) && has_doc("Agent", "get", 3), "expected docs for Process.alive?/1, Agent.get/3");
    cr_assert(!has_doc("Process", "alive?", 2), "Process.alive?/2 does not exist but has a doc");
}

/* An example of each documented macro or special form that no module exports, and the inspect
 * text of its result: proof that the compiler really handles it. */
typedef struct Example {
    const char *module, *name;
    int arity;
    const char *src, *expect;
} Example;

static const Example examples[] = {
    {"Kernel", "!", 1, "!nil", "true"},
    {"Kernel", "&&", 2, "true && 1", "1"},
    {"Kernel", "||", 2, "nil || 2", "2"},
    {"Kernel", "and", 2, "true and false", "false"},
    {"Kernel", "or", 2, "false or true", "true"},
    {"Kernel", "in", 2, "2 in 1..3", "true"},
    {"Kernel", "|>", 2, "[1, 2] |> length()", "2"},
    {"Kernel", "<>", 2, "\"a\" <> \"b\"", "\"ab\""},
    {"Kernel", "if", 2, "if 1 > 0, do: :yes, else: :no", ":yes"},
    {"Kernel", "unless", 2, "unless false, do: :ran", ":ran"},
    {"Kernel", "match?", 2, "match?({:a, _}, {:a, 1})", "true"},
    {"Kernel", "then", 2, "then(3, fn x -> x * 2 end)", "6"},
    {"Kernel", "raise", 2, "try do raise ArgumentError, \"bad\" rescue e -> e.message end", "\"bad\""},
    {"Kernel", "reraise", 2,
     "try do try do raise \"x\" rescue e -> reraise e, __STACKTRACE__ end rescue e -> e.message end", "\"x\""},
    {"Kernel", "reraise", 3, "try do reraise ArgumentError, \"y\", [] rescue e -> e.message end", "\"y\""},
    {"Kernel", "def", 2, "defmodule DocDef do\n def pub(x), do: x + 1\nend\nDocDef.pub(1)", "2"},
    {"Kernel", "defp", 2, "defmodule DocDefp do\n def pub(x), do: priv(x)\n defp priv(x), do: x * 2\nend\nDocDefp.pub(3)", "6"},
    {"Kernel", "defmodule", 2, "defmodule DocMod do\n def hi, do: :hi\nend\nDocMod.hi()", ":hi"},
    {"Kernel", "defstruct", 1, "defmodule DocS do\n defstruct a: 1\n def make, do: %DocS{}\nend\nDocS.make().a", "1"},
    {"Kernel", "defexception", 1,
     "defmodule DocE do\n defexception message: \"e\"\nend\ntry do raise DocE rescue e -> e.message end", "\"e\""},
    {"Kernel", "use", 2, "defmodule DocU do\n use Agent\nend\nDocU.child_spec(:x).id", "DocU"},
    {"Kernel", "@", 1, "defmodule DocA do\n @answer 42\n def answer, do: @answer\nend\nDocA.answer()", "42"},
    {"Kernel.SpecialForms", "case", 2, "case {1, 2} do {1, x} -> x end", "2"},
    {"Kernel.SpecialForms", "cond", 1, "cond do 1 > 2 -> :a\n true -> :b end", ":b"},
    {"Kernel.SpecialForms", "receive", 1, "receive do m -> m after 0 -> :none end", ":none"},
    {"Kernel.SpecialForms", "try", 1, "try do throw(:t) catch :t -> :caught end", ":caught"},
    {"Kernel.SpecialForms", "for", 1, "for x <- [1, 2, 3], x > 1, do: x * 2", "[4, 6]"},
    {"Kernel.SpecialForms", "with", 1, "with {:ok, x} <- {:ok, 5}, {:ok, y} <- :error do x + y else e -> e end", ":error"},
    {"Kernel.SpecialForms", "fn", 1, "(fn x -> x + 1 end).(1)", "2"},
    {"Kernel.SpecialForms", "=", 2, "{a, b} = {1, 2}\na + b", "3"},
    {"Kernel.SpecialForms", "^", 1, "x = 1\ncase 1 do ^x -> :pinned end", ":pinned"},
    {"Kernel.SpecialForms", "&", 1, "Enum.map([1, 2], &(&1 * 10))", "[10, 20]"},
    {"Kernel.SpecialForms", "__MODULE__", 0, "defmodule DocM do\n def name, do: __MODULE__\nend\nDocM.name()", "DocM"},
    {"Kernel.SpecialForms", "alias", 2, "alias String, as: Str\nStr.upcase(\"a\")", "\"A\""},
    {"Kernel.SpecialForms", "import", 2, "import List, only: [first: 1]\nfirst([5])", "5"},
    {"Kernel.SpecialForms", "require", 2, "require Integer\nInteger.is_even(2)", "true"},
};

/* The inspect text of running `src` in a fresh process (or the failure, for the message). */
static char *run_example(const char *src)
{
    CompileError err;
    Code *code = compile_source("doc_example.exs", src, strlen(src), &err);
    if (!code) {
        char *msg = NULL;
        cr_assert(asprintf(&msg, "compile error: %s", err.message) > 0);
        return msg;
    }
    Process *p = proc_new();
    cr_assert(p && vm_start(p, code, NULL, 0));
    VmStatus st = vm_run_to_end(p);
    StrBuf sb = {0};
    if (st == VM_DONE) {
        inspect_append(&sb, p->result, NULL);
    } else {
        strbuf_append(&sb, "failed: ", 8);
        inspect_append(&sb, proc_cold(p)->exc_value, NULL);
    }
    proc_free(p);
    return sb.data;
}

static const Example *example_of(const FunDoc *d)
{
    for (size_t i = 0; i < sizeof examples / sizeof *examples; i++)
        if (!strcmp(examples[i].module, d->module) && !strcmp(examples[i].name, d->name) && examples[i].arity == d->arity)
            return &examples[i];
    return NULL;
}

/* One documented function: it exists as an export, or is a macro whose example runs. */
static void check_entry(const FunDoc *d)
{
    cr_assert(d->doc[0] && d->signature[0], "%s.%s/%d: empty doc or signature", d->module, d->name, d->arity);
    cr_assert(strstr(d->signature, d->name), "%s.%s/%d: signature \"%s\" does not name it", d->module, d->name,
              d->arity, d->signature);
    char mod[128];
    snprintf(mod, sizeof mod, "Elixir.%s", d->module);
    if (export_find(val_atom_cstr(mod), val_atom_cstr(d->name), (uint32_t)d->arity)) return;
    cr_assert(docs_is_macro(d), "docs.txt documents %s.%s/%d, which does not exist", d->module, d->name, d->arity);
    const Example *ex = example_of(d);
    cr_assert(ex, "macro %s.%s/%d has no example in test_docs.c", d->module, d->name, d->arity);
    char *got = run_example(ex->src);
    cr_expect_str_eq(got, ex->expect, "example of %s.%s/%d: expected %s, got %s", d->module, d->name, d->arity,
                     ex->expect, got);
    free(got);
}

Test(docs, every_doc_names_something_real)
{
    load_everything();
    const char *const *mods = docs_modules();
    size_t nmods = 0;
    for (; mods[nmods]; nmods++) {
        char full[128];
        snprintf(full, sizeof full, "Elixir.%s", mods[nmods]);
        if (nmods) cr_assert(strcmp(mods[nmods - 1], mods[nmods]) < 0, "docs_modules not sorted at %s", mods[nmods]);
        if (runtime_less(mods[nmods])) continue;
        cr_assert(module_exists(val_atom_cstr(full)), "docs.txt documents module %s, which does not exist", mods[nmods]);
        const FunDoc *f;
        size_t n = docs_functions(mods[nmods], &f);
        for (size_t i = 0; i < n; i++) check_entry(&f[i]);
    }
    cr_assert_gt(nmods, 40, "expected every builtin module documented, got %zu modules", nmods);
    /* Kernel.SpecialForms has no module to check against: every entry must be a macro whose
     * example runs. */
    const FunDoc *f;
    size_t n = docs_functions("Kernel.SpecialForms", &f);
    cr_assert_gt(n, 0);
    for (size_t i = 0; i < n; i++) check_entry(&f[i]);
}

Test(docs, every_example_belongs_to_a_documented_macro)
{
    load_everything();
    for (size_t i = 0; i < sizeof examples / sizeof *examples; i++) {
        const FunDoc *f;
        size_t n = docs_functions(examples[i].module, &f);
        bool found = false;
        for (size_t k = 0; k < n; k++)
            found |= !strcmp(f[k].name, examples[i].name) && f[k].arity == examples[i].arity && docs_is_macro(&f[k]);
        cr_expect(found, "example for %s.%s/%d has no macro doc", examples[i].module, examples[i].name, examples[i].arity);
    }
}

Test(docs, every_documented_function_belongs_to_a_documented_module)
{
    for (const char *const *m = docs_modules(); *m; m++) {
        const FunDoc *f;
        size_t n = docs_functions(*m, &f);
        for (size_t i = 1; i < n; i++)
            cr_assert(strcmp(f[i - 1].name, f[i].name) <= 0, "%s: functions not in name order at %s", *m, f[i].name);
    }
    const FunDoc *f;
    cr_assert_eq(docs_functions("Nope", &f), 0);
    cr_assert_null(f);
    cr_assert_gt(docs_functions("Process", &f), 20);
    cr_assert_str_eq(f[0].module, "Process");
}

/* What docs_print writes for `query`, and its return value in *found. */
static char *print(const char *query, int *found)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    cr_assert(out);
    *found = docs_print(out, query);
    fclose(out);
    return buf;
}

static void expect_print(const char *query, int found, const char *expect)
{
    int got_found;
    char *got = print(query, &got_found);
    cr_expect_eq(got_found, found, "h %s: returned %d", query, got_found);
    cr_expect_str_eq(got, expect, "h %s printed:\n%s\nexpected:\n%s", query, got, expect);
    free(got);
}

/* The headers are centred in 80 columns and the text wrapped below 80, as iex prints them
 * when output is not a terminal (IO.ANSI.Docs with width 80). */
Test(docs, print_module)
{
    module_init();
    expect_print("Process", 1,
                 "\n"
                 "                                    Process\n"
                 "\n"
                 "Working with processes: links, monitors, registered names, timers, flags and\n"
                 "the process dictionary.\n"
                 "\n");
}

Test(docs, print_function_every_arity)
{
    module_init();
    expect_print("Process.alive?", 1,
                 "\n"
                 "                                def alive?(pid)\n"
                 "\n"
                 "True if the local process `pid` exists and is not exiting.\n"
                 "\n");
    /* Arities sharing a signature (defaults) print it once; others follow in arity order. */
    expect_print("Process.get", 1,
                 "\n"
                 "                                   def get()\n"
                 "\n"
                 "Returns the whole process dictionary as a list of {key, value} pairs.\n"
                 "\n"
                 "\n"
                 "                          def get(key, default \\\\ nil)\n"
                 "\n"
                 "Returns the value stored under `key` in the process dictionary, or `default`.\n"
                 "\n");
}

Test(docs, print_name_arity)
{
    module_init();
    expect_print("Process.get/2", 1,
                 "\n"
                 "                          def get(key, default \\\\ nil)\n"
                 "\n"
                 "Returns the value stored under `key` in the process dictionary, or `default`.\n"
                 "\n");
    expect_print("Process.alive?/2", 0, "No documentation for Process.alive?/2 was found\n");
}

Test(docs, print_kernel_function_and_operator)
{
    module_init();
    expect_print("spawn/1", 1,
                 "\n"
                 "                                 def spawn(fun)\n"
                 "\n"
                 "Starts a new process running the zero-arity function `fun` and returns its pid.\n"
                 "\n");
    expect_print("Kernel.+/2", 1,
                 "\n"
                 "                                def left + right\n"
                 "\n"
                 "Adds two numbers; the result is a float if either one is.\n"
                 "\n");
    expect_print("//2", 1,
                 "\n"
                 "                                def left / right\n"
                 "\n"
                 "Divides two numbers and always returns a float; dividing by zero raises\n"
                 "ArithmeticError.\n"
                 "\n");
}

Test(docs, print_macro_and_special_form)
{
    module_init();
    expect_print("receive", 1,
                 "\n"
                 "                             defmacro receive(args)\n"
                 "\n"
                 "Takes the first message of the mailbox matching a clause, waiting for one;\n"
                 "`after ms` gives up.\n"
                 "\n");
    /* Qualified names look in that module only, as iex. */
    expect_print("Kernel.receive", 0, "No documentation for Kernel.receive was found\n");
}

Test(docs, print_unknown)
{
    module_init();
    expect_print("Process.nope", 0, "No documentation for Process.nope was found\n");
    expect_print("nope", 0, "No documentation for Kernel.nope was found\n");
    expect_print("nope/1", 0, "No documentation for Kernel.nope/1 was found\n");
    expect_print("Nope", 0, "Could not load module Nope, got: nofile\n");
    expect_print("Nope.x/1", 0, "Could not load module Nope, got: nofile\n");
    expect_print("Process.__info__", 0, "No documentation for Process.__info__ was found\n");
    /* An undocumented module that exists, loaded on demand with its parent's file. */
    expect_print("Agent.Server", 0, "No documentation for Agent.Server was found\n");
    int found = 1;
    free(print("", &found));
    cr_expect_eq(found, 0, "an empty query found something");
}
