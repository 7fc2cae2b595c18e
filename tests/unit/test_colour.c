/* test_colour.c: when the shell colours (terminal, NO_COLOR) and the colours it gives results
 * and errors, compared with what iex 1.14 writes in a terminal (its default colours). */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell/colour.h"

#define Y COLOUR_RESULT
#define C COLOUR_ATOM
#define G COLOUR_STRING
#define M COLOUR_LITERAL
#define R COLOUR_RESET

static char *coloured(const char *text)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    colour_result(f, text, true);
    fclose(f);
    return buf;
}

static void expect_result(const char *text, const char *want)
{
    char *got = coloured(text);
    cr_expect_str_eq(got, want, "colouring %s", text);
    free(got);
}

Test(colour, scalars_as_iex)
{
    expect_result("42", Y "42" R "\n");
    expect_result(":ok", C ":ok" R "\n");
    expect_result("\"s\"", G "\"s\"" R "\n");
    expect_result("nil", M "nil" R "\n");
    expect_result("Enum", C "Enum" R "\n");
    expect_result("#PID<0.108.0>", Y "#PID<0.108.0>" R "\n");
    expect_result("&Enum.map/2", Y "&Enum.map/2" R "\n");
    expect_result("1..3", Y "1..3" R "\n");
    expect_result("-1.5", Y "-1.5" R "\n");
    expect_result("'abc'", Y "'abc'" R "\n");
}

Test(colour, containers_leave_brackets_uncoloured)
{
    expect_result("{1, :a, \"s\", [1.5], %{a: nil}, true}",
                  "{" Y "1" R ", " C ":a" R ", " G "\"s\"" R ", [" Y "1.5" R "], %{" C "a:" R " " M
                  "nil" R "}, " M "true" R "}\n");
    expect_result("%{\"a\" => 1}", "%{" G "\"a\"" R " => " Y "1" R "}\n");
    expect_result("[a: 1, b: \"x\"]", "[" C "a:" R " " Y "1" R ", " C "b:" R " " G "\"x\"" R "]\n");
}

Test(colour, strings_with_escapes_and_quoted_atoms)
{
    expect_result("\"a \\\" b, c\"", G "\"a \\\" b, c\"" R "\n");
    expect_result(":\"with space\"", C ":\"with space\"" R "\n");
    expect_result("%{\"k v\": 1}", "%{" C "\"k v\":" R " " Y "1" R "}\n");
}

Test(colour, struct_names_are_part_of_the_brackets)
{
    expect_result("%Point{x: 1}", "%Point{" C "x:" R " " Y "1" R "}\n");
}

Test(colour, uncoloured_is_the_text_itself)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    colour_result(f, "{:ok, 1}", false);
    colour_error(f, "** (ArithmeticError) bad argument in arithmetic expression", false);
    fclose(f);
    cr_expect_str_eq(buf, "{:ok, 1}\n** (ArithmeticError) bad argument in arithmetic expression\n");
    free(buf);
}

Test(colour, errors_in_red_reset_after_the_newline)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    colour_error(f, "** (ArithmeticError) bad argument\n    :erlang./(1, 0)\n", true);
    fclose(f);
    cr_expect_str_eq(buf, COLOUR_ERROR "** (ArithmeticError) bad argument\n    :erlang./(1, 0)\n" R);
    free(buf);
}

Test(colour, only_on_a_terminal_without_no_color)
{
    FILE *pipe_end = tmpfile();
    unsetenv("NO_COLOR");
    cr_expect(!colour_enabled(pipe_end), "coloured a file");
    fclose(pipe_end);
    int fd = posix_openpt(O_RDWR | O_NOCTTY);
    cr_assert(fd >= 0 && grantpt(fd) == 0 && unlockpt(fd) == 0, "no pseudo-terminal");
    int sfd = open(ptsname(fd), O_RDWR | O_NOCTTY);
    cr_assert(sfd >= 0, "cannot open the pty's terminal end");
    FILE *tty = fdopen(sfd, "w");
    cr_expect(colour_enabled(tty), "did not colour a terminal");
    setenv("NO_COLOR", "1", 1);
    cr_expect(!colour_enabled(tty), "coloured with NO_COLOR=1");
    setenv("NO_COLOR", "", 1);
    cr_expect(colour_enabled(tty), "an empty NO_COLOR must not disable colour (no-color.org)");
    unsetenv("NO_COLOR");
    fclose(tty);
    close(fd);
}
