/* test_complete.c: the shell's Tab completion candidates (src/shell/complete.c): modules,
 * Mod.fun with arities, modules written in ember before they are loaded, Kernel functions,
 * special forms, helpers and bound variables. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "shell/complete.h"
#include "vm/module.h"

static void setup(void)
{
    module_init();
}

TestSuite(complete, .init = setup);

typedef struct {
    char **v;
    size_t n;
} Got;

static Got get(const char *word, const CompleteVars *vars)
{
    Got g;
    g.v = complete_word(word, vars, &g.n);
    return g;
}

static bool has(Got g, const char *s)
{
    for (size_t i = 0; i < g.n; i++)
        if (strcmp(g.v[i], s) == 0) return true;
    return false;
}

static void drop(Got g)
{
    for (size_t i = 0; i < g.n; i++) free(g.v[i]);
    free(g.v);
}

/* Every candidate of `word` must start with it (the editor replaces the word by it). */
static void expect_prefixed(Got g, const char *word)
{
    for (size_t i = 0; i < g.n; i++)
        cr_expect(strncmp(g.v[i], word, strlen(word)) == 0, "candidate %s of %s does not extend it",
                  g.v[i], word);
}

Test(complete, process_al_completes_to_alive)
{
    Got g = get("Process.al", NULL);
    cr_assert_eq(g.n, 1, "expected only Process.alive?/1, got %zu candidates (first %s)", g.n,
                 g.n ? g.v[0] : "none");
    cr_expect_str_eq(g.v[0], "Process.alive?/1");
    cr_expect_eq(complete_insert_len(g.v[0]), strlen("Process.alive?"));
    drop(g);
}

Test(complete, module_functions_list_every_arity_sorted)
{
    Got g = get("Process.", NULL);
    cr_expect(has(g, "Process.alive?/1"), "Process.alive?/1 missing");
    cr_expect(has(g, "Process.register/2"), "Process.register/2 missing");
    for (size_t i = 1; i < g.n; i++)
        cr_expect(strcmp(g.v[i - 1], g.v[i]) < 0, "not sorted or duplicated: %s then %s", g.v[i - 1],
                  g.v[i]);
    for (size_t i = 0; i < g.n; i++)
        cr_expect(strncmp(g.v[i], "Process.__", 10) != 0, "hidden function %s listed", g.v[i]);
    expect_prefixed(g, "Process.");
    drop(g);
}

Test(complete, module_names_by_prefix)
{
    Got g = get("Enu", NULL);
    cr_expect(has(g, "Enum"), "Enum missing for Enu");
    expect_prefixed(g, "Enu");
    drop(g);
    g = get("Ma", NULL);
    cr_expect(has(g, "Map") && has(g, "MapSet"), "Map and MapSet expected for Ma");
    drop(g);
}

Test(complete, nested_modules_show_one_segment_at_a_time)
{
    Got g = get("Agent", NULL);
    cr_expect(has(g, "Agent"), "Agent missing");
    cr_expect(!has(g, "Agent.Server"), "Agent.Server listed before its parent was completed");
    drop(g);
    g = get("Agent.Se", NULL);
    cr_expect(has(g, "Agent.Server"), "Agent.Server missing for Agent.Se");
    drop(g);
}

Test(complete, ember_written_modules_are_loaded_for_their_functions)
{
    Got g = get("Agen", NULL);
    cr_expect(has(g, "Agent"), "Agent (src/lib/agent.ex) missing");
    drop(g);
    g = get("GenServer.ca", NULL);
    cr_expect(has(g, "GenServer.call/2") && has(g, "GenServer.call/3") && has(g, "GenServer.cast/2"),
              "GenServer.call/2, call/3 and cast/2 expected, got %zu", g.n);
    expect_prefixed(g, "GenServer.ca");
    drop(g);
    g = get("Task.asy", NULL);
    cr_expect(has(g, "Task.async/1"), "Task.async/1 missing");
    drop(g);
    g = get("Supervisor.start_l", NULL);
    cr_expect(has(g, "Supervisor.start_link/2"), "Supervisor.start_link/2 missing");
    drop(g);
}

Test(complete, kernel_functions_forms_and_helpers)
{
    Got g = get("is_at", NULL);
    cr_expect(has(g, "is_atom/1"), "is_atom/1 missing");
    drop(g);
    g = get("rec", NULL);
    cr_expect(has(g, "receive/1"), "receive/1 missing");
    drop(g);
    g = get("fl", NULL);
    cr_expect(has(g, "flush/0"), "flush/0 missing");
    drop(g);
    g = get("sel", NULL);
    cr_expect(has(g, "self/0"), "self/0 missing");
    drop(g);
}

Test(complete, bound_variables)
{
    char *names[] = {"count", "counter", "x"};
    CompleteVars vars = {names, 3};
    Got g = get("cou", &vars);
    cr_expect(has(g, "count") && has(g, "counter"), "count and counter expected");
    cr_expect(!has(g, "x"), "x does not start with cou");
    expect_prefixed(g, "cou");
    drop(g);
}

Test(complete, callback_passes_the_variables)
{
    char *names[] = {"pid_of_worker"};
    CompleteVars vars = {names, 1};
    Got g;
    g.v = complete_callback(&vars, "pid_of", &g.n);
    cr_assert_eq(g.n, 1, "expected the variable only, got %zu", g.n);
    cr_expect_str_eq(g.v[0], "pid_of_worker");
    drop(g);
}

Test(complete, nothing_for_unknown_or_empty)
{
    Got g = get("Nope.fu", NULL);
    cr_expect_eq(g.n, 0, "unknown module completed");
    cr_expect_null(g.v);
    g = get("", NULL);
    cr_expect_eq(g.n, 0, "empty word completed");
    g = get("zzzq", NULL);
    cr_expect_eq(g.n, 0, "zzzq completed to %s", g.n ? g.v[0] : "");
}

Test(complete, insert_len_drops_only_a_trailing_arity)
{
    cr_expect_eq(complete_insert_len("Enum.map/2"), 8);
    cr_expect_eq(complete_insert_len("flush/0"), 5);
    cr_expect_eq(complete_insert_len("counter"), 7);
    cr_expect_eq(complete_insert_len("x2"), 2);
    cr_expect_eq(complete_insert_len("Enum"), 4);
}
