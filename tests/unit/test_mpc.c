/* test_mpc.c: pins src/mpc's behaviour: AST shapes and tags (mpc-api.md §1.6), error text
 * (§4.4), grammar loading and its silent cases (§2.7), the regex dialect (§2.8), whitespace
 * modes, deep nesting, nullable repetition, incomplete-input detection, the AST API and
 * concurrent parsing. Golden strings were checked against the spec's measured outputs. */
#include <criterion/criterion.h>
#include <pthread.h>

#include "mpc/mpc.h"
#include "support/tsan.h"

/* ---------------------------------------------------------------- helpers */

static char *ast_text(mpc_ast_t *a)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    mpc_ast_print_to(a, f);
    fclose(f);
    return buf;
}

/* Parses `in` with p: the printed AST on success, the error string on failure. */
static char *parse_text(mpc_parser_t *p, const char *filename, const char *in)
{
    mpc_result_t r;
    if (mpc_parse(filename, in, p, &r)) {
        char *s = ast_text(r.output);
        mpc_ast_delete(r.output);
        return s;
    }
    char *s = mpc_err_string(r.error);
    mpc_err_delete(r.error);
    return s;
}

static void expect_parse(mpc_parser_t *p, const char *filename, const char *in, const char *want)
{
    char *got = parse_text(p, filename, in);
    cr_assert_str_eq(got, want, "parsing \"%s\": expected\n%s\ngot\n%s", in, want, got);
    free(got);
}

static void load(int flags, const char *grammar, mpc_parser_t *a, mpc_parser_t *b,
                 mpc_parser_t *c, mpc_parser_t *d)
{
    mpc_err_t *e = mpca_lang(flags, grammar, a, b, c, d, NULL);
    if (e) {
        char *s = mpc_err_string(e);
        cr_assert_fail("grammar failed to load: %s", s);
    }
}

static void expect_grammar_error(const char *grammar, const char *want)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b");
    mpc_err_t *e = mpca_lang(MPCA_LANG_DEFAULT, grammar, a, b, NULL);
    cr_assert(e != NULL, "grammar \"%s\" should not load", grammar);
    char *s = mpc_err_string(e);
    cr_assert_str_eq(s, want, "grammar \"%s\": wrong error", grammar);
    free(s);
    mpc_err_delete(e);
    mpc_cleanup(2, a, b);
}

/* The BYOL chapter 6 grammar. */
typedef struct Lispy {
    mpc_parser_t *number, *op, *expr, *lispy;
} Lispy;

static Lispy lispy_new(void)
{
    Lispy l = {mpc_new("number"), mpc_new("operator"), mpc_new("expr"), mpc_new("lispy")};
    load(MPCA_LANG_DEFAULT,
         "number : /-?[0-9]+/ ; operator : '+' | '-' | '*' | '/' ;"
         "expr : <number> | '(' <operator> <expr>+ ')' ; lispy : /^/ <operator> <expr>+ /$/ ;",
         l.number, l.op, l.expr, l.lispy);
    return l;
}

static void lispy_free(Lispy l) { mpc_cleanup(4, l.number, l.op, l.expr, l.lispy); }

/* ---------------------------------------------------------------- ASTs (§1.6) */

Test(mpc_ast, spec_1_6_golden_tree)
{
    mpc_parser_t *ident = mpc_new("ident"), *atom = mpc_new("atom"), *num = mpc_new("int");
    mpc_parser_t *call = mpc_new("call"), *expr = mpc_new("expr"), *prog = mpc_new("prog");
    mpc_err_t *e = mpca_lang(MPCA_LANG_DEFAULT,
        " ident : /[a-z_][a-zA-Z0-9_]*/ ; atom : /:[a-z_]+/ ; int \"integer\" : /[0-9]+/ ;"
        " call  : <ident> '(' (<expr> (',' <expr>)*)? ')' ;"
        " expr  : <call> | <atom> | <int> | <ident> ;"
        " prog  : /^/ <expr>* /$/ ;", ident, atom, num, call, expr, prog, NULL);
    cr_assert_null(e, "the §1.6 grammar must load");
    expect_parse(prog, "<p>", "foo(:a, 1)\n  bar() x",
                 "> \n"
                 "  regex \n"
                 "  expr|call|> \n"
                 "    ident|regex:1:1 'foo'\n"
                 "    char:1:4 '('\n"
                 "    expr|atom|regex:1:5 ':a'\n"
                 "    char:1:7 ','\n"
                 "    expr|int|regex:1:9 '1'\n"
                 "    char:1:10 ')'\n"
                 "  expr|call|> \n"
                 "    ident|regex:2:3 'bar'\n"
                 "    char:2:6 '('\n"
                 "    char:2:7 ')'\n"
                 "  expr|ident|regex:2:9 'x'\n"
                 "  regex \n");
    expect_parse(prog, "<p>", "foo(1 2)", "<p>:1:7: error: expected ',' or ')' at '2'\n");
    expect_parse(prog, "<p>", "foo(1,",
                 "<p>:1:7: error: expected one of 'abcdefghijklmnopqrstuvwxyz_', ':' or integer at end of input\n");
    mpc_cleanup(6, ident, atom, num, call, expr, prog);
}

Test(mpc_ast, byol_lispy_tree)
{
    Lispy l = lispy_new();
    expect_parse(l.lispy, "<stdin>", "+ 5 (* 2 2)",
                 "> \n"
                 "  regex \n"
                 "  operator|char:1:1 '+'\n"
                 "  expr|number|regex:1:3 '5'\n"
                 "  expr|> \n"
                 "    char:1:5 '('\n"
                 "    operator|char:1:6 '*'\n"
                 "    expr|number|regex:1:8 '2'\n"
                 "    expr|number|regex:1:10 '2'\n"
                 "    char:1:11 ')'\n"
                 "  regex \n");
    expect_parse(l.lispy, "<stdin>", "   + 5\n 6\n",
                 "> \n  regex \n  operator|char:1:4 '+'\n  expr|number|regex:1:6 '5'\n"
                 "  expr|number|regex:2:2 '6'\n  regex \n");
    lispy_free(l);
}

Test(mpc_ast, fold_rules_for_nothing_and_single_children)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b"), *c = mpc_new("c");
    load(MPCA_LANG_DEFAULT, "a : 'x'? 'y'? 'z' ; b : <a> ; c : 'q' <b> ;", a, b, c, NULL);
    /* three results, two of them nothing: a '>' node with one child */
    expect_parse(a, "<t>", "z", "> \n  char:1:1 'z'\n");
    /* a one-child node passes its child up, prefixed with the rule names */
    expect_parse(c, "<t>", "qz", "> \n  char:1:1 'q'\n  b|a|char:1:2 'z'\n");
    /* a reference to a rule with two or more children wraps it in a bare '>' node */
    expect_parse(b, "<t>", "yz", "> \n  a|> \n    char:1:1 'y'\n    char:1:2 'z'\n");
    mpc_cleanup(3, a, b, c);
}

Test(mpc_ast, empty_match_gives_null_root)
{
    mpc_parser_t *x = mpc_new("x"), *prog = mpc_new("prog");
    load(MPCA_LANG_DEFAULT, "x : 'x' ; prog : <x>* ;", x, prog, NULL, NULL);
    mpc_result_t r;
    cr_assert(mpc_parse("<t>", "", prog, &r), "prog : <x>* must accept empty input");
    cr_assert_null(r.output, "nothing consumed must give a NULL AST");
    expect_parse(prog, "<t>", "x", "x|char:1:1 'x'\n");
    mpc_cleanup(2, x, prog);
}

Test(mpc_ast, prefix_match)
{
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_DEFAULT, "a : 'x' ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "xy", "char:1:1 'x'\n");
    mpc_cleanup(1, a);
}

/* ---------------------------------------------------------------- errors (§4) */

Test(mpc_err, byol_error_lines)
{
    static const char *const cases[][2] = {
        {"hello", "<stdin>:1:1: error: expected '+', '-', '*' or '/' at 'h'\n"},
        {"/ 1dog", "<stdin>:1:4: error: expected one of '0123456789', '-', one or more of one of "
                   "'0123456789', '(', newline or end of input at 'd'\n"},
        {"", "<stdin>:1:1: error: expected '+', '-', '*' or '/' at end of input\n"},
        {"+ 1\t\t(", "<stdin>:1:7: error: expected '+', '-', '*' or '/' at end of input\n"},
        {"+ 1 (\n* 2 x)", "<stdin>:2:5: error: expected '-', one or more of one of '0123456789', '(' or ')' at 'x'\n"},
        /* upstream prints "... at" and loses the byte here; we print it */
        {"+ 1 %", "<stdin>:1:5: error: expected '-', one or more of one of '0123456789', '(', newline or "
                  "end of input at '%'\n"},
    };
    Lispy l = lispy_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) expect_parse(l.lispy, "<stdin>", cases[i][0], cases[i][1]);
    lispy_free(l);
}

Test(mpc_err, display_name_and_counts)
{
    mpc_parser_t *a = mpc_new("a"), *t = mpc_new("t");
    load(MPCA_LANG_DEFAULT, "a \"an A thing\" : 'q' ; t : 'x'{1} 'y'{2} ;", a, t, NULL, NULL);
    expect_parse(a, "<t>", "x", "<t>:1:1: error: expected an A thing at 'x'\n");
    expect_parse(t, "<t>", "xy", "<t>:1:3: error: expected 2 of 'y' at end of input\n");
    expect_parse(t, "<t>", "xyy", "> \n  char:1:1 'x'\n  char:1:2 'y'\n  char:1:3 'y'\n");
    mpc_cleanup(2, a, t);
}

Test(mpc_err, received_byte_names)
{
    static const char *const cases[][2] = {
        {"\a", "bell"}, {"\b", "backspace"}, {"\f", "formfeed"}, {"\r", "carriage return"},
        {"\v", "vertical tab"}, {"\n", "newline"}, {"\t", "tab"}, {" ", "space"}, {"%", "'%'"},
    };
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_WHITESPACE_SENSITIVE, "a : 'q' ;", a, NULL, NULL, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char want[64];
        snprintf(want, sizeof want, "<t>:%d:%d: error: expected 'q' at %s\n", 1, 1, cases[i][1]);
        expect_parse(a, "<t>", cases[i][0], want);
    }
    mpc_cleanup(1, a);
}

Test(mpc_err, long_messages_have_no_fixed_buffer)
{
    char grammar[8192] = "a : ";
    for (int i = 0; i < 100; i++) {
        char alt[64];
        snprintf(alt, sizeof alt, "%s\"keyword_number_%03d\"", i ? " | " : "", i);
        strcat(grammar, alt);
    }
    strcat(grammar, " ;");
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_DEFAULT, grammar, a, NULL, NULL, NULL);
    char *s = parse_text(a, "<t>", "nope");
    cr_assert_gt(strlen(s), 2000, "100 alternatives should give a long message, got %zu bytes", strlen(s));
    cr_assert(strstr(s, "\"keyword_number_099\" at 'n'\n") != NULL, "message should end with the last keyword: %s", s);
    free(s);
    mpc_cleanup(1, a);
}

Test(mpc_err, failure_format_and_unknown_error)
{
    mpc_parser_t *f = mpc_fail("my own failure");
    expect_parse(f, "<f>", "x", "<f>: error: my own failure\n");
    mpc_delete(f);
    mpc_parser_t *u = mpc_new("u");
    expect_parse(u, "<u>", "x", "<u>: error: Parser Undefined!\n");
    mpc_delete(u);
}

/* ---------------------------------------------------------------- grammars (§2) */

Test(mpc_lang, syntax_error_messages)
{
    /* upstream reports this one at 1:10; the byte it names, '+', is at 1:9 */
    expect_grammar_error("a : 'x'++ ;",
                         "<mpca_lang>:1:9: error: expected string, char, regex, \"<\", \"(\", \"|\", \";\" or end of input at '+'\n");
    expect_grammar_error("a : ;", "<mpca_lang>:1:5: error: expected string, char, regex, \"<\", \"(\" or end of input at ';'\n");
    expect_grammar_error("# comment\na : 'x' ;", "<mpca_lang>:1:1: error: expected letter, underscore or end of input at '#'\n");
    expect_grammar_error("a : 'x' b : 'y' ;",
                         "<mpca_lang>:1:9: error: expected \"*\", \"+\", \"?\", \"!\", \"{\", string, char, regex, \"<\", \"(\", \"|\", \";\" or end of input at 'b'\n");
}

Test(mpc_lang, syntax_error_defines_nothing)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b");
    mpc_err_t *e = mpca_lang(MPCA_LANG_DEFAULT, "a : 'x' ; b : 'y'++ ;", a, b, NULL);
    cr_assert_not_null(e, "a second suffix must be a syntax error");
    mpc_err_delete(e);
    expect_parse(a, "<t>", "x", "<t>: error: Parser Undefined!\n");
    mpc_cleanup(2, a, b);
}

Test(mpc_lang, silent_cases_match_upstream)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b");
    /* the last statement without ';' is dropped without an error */
    load(MPCA_LANG_DEFAULT, "a : 'x' ; b : 'y'", a, b, NULL, NULL);
    expect_parse(b, "<t>", "y", "<t>: error: Parser Undefined!\n");
    /* a dangling '|' is swallowed */
    load(MPCA_LANG_DEFAULT, "a : 'x' | ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "x", "char:1:1 'x'\n");
    /* unknown references fail when used */
    load(MPCA_LANG_DEFAULT, "a : <misspelt> ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "x", "<t>: error: Unknown Parser 'misspelt'!\n");
    /* numeric references past the list fail cleanly (upstream reads past the NULL) */
    load(MPCA_LANG_DEFAULT, "a : <900> ;", a, b, NULL, NULL);
    expect_parse(a, "<t>", "x", "<t>: error: No Parser in position 900! Only supplied 2 Parsers!\n");
    /* a rule not in the list is dropped */
    load(MPCA_LANG_DEFAULT, "zz : 'x' ; a : 'q' ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "q", "char:1:1 'q'\n");
    mpc_cleanup(2, a, b);
}

Test(mpc_lang, numeric_references_use_the_parsers_name)
{
    mpc_parser_t *n = mpc_new("num"), *s = mpc_new("s");
    load(MPCA_LANG_DEFAULT, "num : /[0-9]+/ ; s : <0> '+' <num> ;", n, s, NULL, NULL);
    expect_parse(s, "<t>", "1+2", "> \n  num|regex:1:1 '1'\n  char:1:2 '+'\n  num|regex:1:3 '2'\n");
    mpc_cleanup(2, n, s);
}

Test(mpc_lang, invalid_regexes_fail_at_parse_time)
{
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_DEFAULT, "a : /ab)/ ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "ab", "<t>: error: Invalid Regex: <mpc_re_compiler>:1:3: error: expected end of input at ')'\n\n");
    load(MPCA_LANG_DEFAULT, "a : /[]/ ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "x", "<t>: error: Invalid Regex Range Expression\n");
    /* upstream silently truncates an unclosed group; we say so instead */
    load(MPCA_LANG_DEFAULT, "a : /(ab/ ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "ab", "<t>: error: Invalid Regex: <mpc_re_compiler>:1:4: error: expected \")\" at end of input\n\n");
    mpc_cleanup(1, a);
}

Test(mpc_lang, literals_and_escapes)
{
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_WHITESPACE_SENSITIVE, "a : '\\n' \"\\t\\\"x\" /\\/y/ '\\q' ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "\n\t\"x/y\\", "> \n  char:1:1 '\n'\n  string:2:1 '\t\"x'\n  regex:2:4 '/y'\n  char:2:6 '\\'\n");
    mpc_cleanup(1, a);
}

Test(mpc_lang, whitespace_sensitive_mode)
{
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_WHITESPACE_SENSITIVE, "a : /^/ 'x' ' ' \"yy\" /$/ ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "x yy", "> \n  regex \n  char:1:1 'x'\n  char:1:2 ' '\n  string:1:3 'yy'\n  regex \n");
    expect_parse(a, "<t>", "x  yy", "<t>:1:3: error: expected \"yy\" at space\n");
    mpc_cleanup(1, a);
}

Test(mpc_lang, keywords_need_word_boundaries)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b");
    load(MPCA_LANG_DEFAULT, "a : /^/ (\"do\" | /[a-z]+/) /$/ ; b : /^/ (/do\\b/ | /[a-z]+/) /$/ ;", a, b, NULL, NULL);
    expect_parse(a, "<t>", "done", "<t>:1:3: error: expected newline or end of input at 'n'\n");
    expect_parse(b, "<t>", "done", "> \n  regex \n  regex:1:1 'done'\n  regex \n");
    mpc_cleanup(2, a, b);
}

Test(mpc_lang, predictive_mode_does_not_backtrack)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b");
    load(MPCA_LANG_PREDICTIVE, "a : \"ab\" | \"ac\" ; b : 'x' 'y' | 'x' 'z' ;", a, b, NULL, NULL);
    expect_parse(a, "<t>", "ac", "<t>:1:2: error: expected \"ab\" or \"ac\" at 'c'\n");
    char *s = parse_text(b, "<t>", "xz");
    cr_assert(strstr(s, "error") != NULL, "predictive 'x' 'y' | 'x' 'z' must fail on xz, got %s", s);
    free(s);
    mpc_cleanup(2, a, b);
}

/* ---------------------------------------------------------------- regexes (§2.8) */

static void expect_re(const char *re, int mode, const char *in, const char *want)
{
    mpc_parser_t *p = mpc_re_mode(re, mode);
    mpc_result_t r;
    char *got;
    if (mpc_parse("<re>", in, p, &r)) {
        size_t n = strlen(r.output) + 16;
        got = malloc(n);
        snprintf(got, n, "match '%s'", (char *)r.output);
        free(r.output);
    } else {
        got = mpc_err_string(r.error);
        mpc_err_delete(r.error);
    }
    cr_assert_str_eq(got, want, "regex /%s/ on \"%s\"", re, in);
    free(got);
    mpc_delete(p);
}

Test(mpc_regex, peg_semantics)
{
    expect_re("ab|abc", 0, "abc", "match 'ab'");
    expect_re("(a|ab)c", 0, "abc", "<re>:1:2: error: expected 'c' at 'b'\n");
    expect_re("[a-z]*a", 0, "aaa", "<re>:1:4: error: expected one of 'abcdefghijklmnopqrstuvwxyz' or 'a' at end of input\n");
    expect_re("a{2}", 0, "aaaa", "match 'aa'");
    expect_re("x$", 0, "x\n", "match 'x\n'");
    expect_re("x$", 0, "x\ny", "<re>:2:1: error: expected end of input at 'y'\n");
    expect_re("a|", 0, "b", "match ''");
    expect_re("()x", 0, "x", "match 'x'");
    expect_re("(?:a)", 0, "?:a", "match '?:a'");
}

Test(mpc_regex, classes_escapes_and_anchors)
{
    expect_re("[^abc]+", 0, "xyza", "match 'xyz'");
    expect_re("[-a]+[b-]+", 0, "-a-b-", "match '-a-b-'");
    expect_re("[\\]\\-x]+", 0, "]-x]", "match ']-x]'");
    expect_re("\\d+\\s*\\w+", 0, "12 \t ab_9", "match '12 \t ab_9'");
    expect_re("[\\d_]", 0, "x", "<re>:1:1: error: expected one of '0123456789_' at 'x'\n");
    expect_re("\\D", 0, "5", "<re>:1:1: error: expected opposite at '5'\n");
    expect_re("\\bfoo\\b", 0, "foobar", "<re>:1:4: error: expected word boundary at 'b'\n");
    expect_re(".", 0, "\n", "<re>:1:1: error: expected any character except a newline at newline\n");
    expect_re(".", MPC_RE_DOTALL, "\n", "match '\n'");
    expect_re("a^b", MPC_RE_MULTILINE, "ab", "<re>:1:2: error: expected start of input at 'b'\n");
    expect_re("a$\\n?^b", MPC_RE_MULTILINE, "a\nb", "match 'a\nb'");
    expect_re("\\Ax\\Z", 0, "x", "match 'x'");
    expect_re("\xc3[\x80-\xbf]+", 0, "\xc3\xa9t\xc3", "match '\xc3\xa9'");
}

Test(mpc_regex, invalid_regexes)
{
    expect_re("a{2,3}", 0, "aa", "<re>: error: Invalid Regex: <mpc_re_compiler>:1:4: error: expected \"}\" at ','\n\n");
    expect_re("a{x}", 0, "a", "<re>: error: Invalid Regex: <mpc_re_compiler>:1:3: error: expected digit at 'x'\n\n");
    expect_re("*a+", 0, "*aa", "match '*aa'"); /* a quantifier with nothing before it is a literal */
    expect_re("[^]", 0, "a", "<re>: error: Invalid Regex Range Expression\n");
}

/* ---------------------------------------------------------------- termination and depth */

Test(mpc_limits, nullable_repetition_terminates)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b"), *c = mpc_new("c"), *d = mpc_new("d");
    load(MPCA_LANG_DEFAULT, "a : (/a*/)* 'b' ; b : /^/* 'b' ; c : (/$/)* ; d : ('x'? 'y'?)* 'z' ;", a, b, c, d);
    expect_parse(a, "<t>", "aab", "> \n  regex:1:1 'aa'\n  regex \n  char:1:3 'b'\n");
    expect_parse(b, "<t>", "b", "> \n  regex \n  char:1:1 'b'\n");
    expect_parse(c, "<t>", "", "regex \n");
    expect_parse(d, "<t>", "xyyz", "> \n  char:1:1 'x'\n  char:1:2 'y'\n  char:1:3 'y'\n  char:1:4 'z'\n");
    expect_re("(a*)*b", 0, "aab", "match 'aab'");
    expect_re("(x?)*(y|)+z", 0, "z", "match 'z'");
    mpc_cleanup(4, a, b, c, d);
}

Test(mpc_limits, left_recursion_fails_cleanly)
{
    mpc_parser_t *e = mpc_new("e");
    load(MPCA_LANG_DEFAULT, "e : <e> '+' /[0-9]+/ | /[0-9]+/ ;", e, NULL, NULL, NULL);
    char *s = parse_text(e, "<t>", "1+2");
    cr_assert(strstr(s, "error") != NULL, "left recursion should fail, got %s", s);
    free(s);
    mpc_cleanup(1, e);
}

/* A left recursion through a nullable prefix (`/^/` matches empty, then `<a>*` calls a again
 * at the same position) used to recurse to MPC_MAX_DEPTH on every attempt: 100,000 levels per
 * parse, which timed the grammar fuzzer out. It must fail with the same depth message, found
 * within a few levels: 20,000 parses take well under a second, against minutes before. */
Test(mpc_limits, nullable_left_recursion_fails_fast, .timeout = 60)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b"), *c = mpc_new("c");
    load(MPCA_LANG_DEFAULT, "a : /^/ <a>* /$/ ; b : /^/ <c>* /$/ ; c : <b> | 'x' ;", a, b, c, NULL);
    const char *want = "<t>: error: Maximum recursion depth exceeded!\n";
    for (int i = 0; i < 10000; i++) {
        expect_parse(a, "<t>", i % 2 ? "" : "x", want);
        expect_parse(b, "<t>", "xx", want);
    }
    mpc_cleanup(3, a, b, c);
}

/* mpc_parse_from (ember's extension): a parse from the middle of a string reports the whole
 * string's positions, advances the state past its match, and fails where mpc_parse on the
 * rest would, at the whole string's row and column. */
Test(mpc_parse_from, positions_are_the_whole_inputs)
{
    mpc_parser_t *w = mpc_new("word"), *s = mpc_new("stmt");
    load(MPCA_LANG_DEFAULT, "word : /[a-z]+/ ; stmt : <word> <word> ';' ;", w, s, NULL, NULL);
    const char *in = "ab cd;\n  ef gh;\nij 7;";
    mpc_state_t at = {0, 0, 0, 0};
    mpc_result_t r;
    cr_assert(mpc_parse_from("<t>", in, strlen(in), &at, s, &r));
    mpc_ast_delete(r.output);
    /* (tokens skip the whitespace after them) */
    cr_expect(at.pos == 9 && at.row == 1 && at.col == 2, "after the first: %ld %ld:%ld", at.pos, at.row, at.col);
    cr_assert(mpc_parse_from("<t>", in, strlen(in), &at, s, &r));
    char *got = ast_text(r.output);
    cr_expect_str_eq(got, "> \n  word|regex:2:3 'ef'\n  word|regex:2:6 'gh'\n  char:2:8 ';'\n");
    free(got);
    mpc_ast_delete(r.output);
    cr_expect(at.pos == 16 && at.row == 2 && at.col == 0, "after the second: %ld %ld:%ld", at.pos, at.row, at.col);
    mpc_state_t before = at;
    cr_assert(!mpc_parse_from("<t>", in, strlen(in), &at, s, &r));
    got = mpc_err_string(r.error);
    cr_expect_str_eq(got, "<t>:3:4: error: expected one or more of one of 'abcdefghijklmnopqrstuvwxyz' at '7'\n");
    free(got);
    mpc_err_delete(r.error);
    cr_expect(at.pos == before.pos && at.row == before.row, "a failed parse leaves the state alone");
    mpc_cleanup(2, w, s);
}

/* A 4-level expression grammar, anchored. */
typedef struct Calc {
    mpc_parser_t *num, *fac, *term, *expr, *prog;
} Calc;

static Calc calc_new(void)
{
    Calc c = {mpc_new("num"), mpc_new("fac"), mpc_new("term"), mpc_new("expr"), mpc_new("prog")};
    mpc_err_t *e = mpca_lang(MPCA_LANG_DEFAULT,
        "num : /[0-9]+/ ; fac : <num> | '(' <expr> ')' | '-' <fac> ;"
        "term : <fac> (('*' | '/') <fac>)* ; expr : <term> (('+' | '-') <term>)* ;"
        "prog : /^/ <expr> /$/ ;", c.num, c.fac, c.term, c.expr, c.prog, NULL);
    cr_assert_null(e, "calc grammar must load");
    return c;
}

static void calc_free(Calc c) { mpc_cleanup(5, c.num, c.fac, c.term, c.expr, c.prog); }

static char *nested(int depth)
{
    char *s = malloc((size_t)depth * 2 + 2);
    memset(s, '(', (size_t)depth);
    s[depth] = '1';
    memset(s + depth + 1, ')', (size_t)depth);
    s[depth * 2 + 1] = 0;
    return s;
}

/* Skipped under TSan: too deep for its stack depot (support/tsan.h). */
Test(mpc_limits, deep_nesting_parses, .disabled = UNDER_TSAN)
{
    Calc c = calc_new();
    int depths[] = {300, 5000, 30000};
    for (int i = 0; i < 3; i++) {
        char *in = nested(depths[i]);
        mpc_result_t r;
        int ok = mpc_parse("<t>", in, c.prog, &r);
        if (!ok) mpc_err_print(r.error);
        cr_assert(ok, "%d nested parentheses must parse", depths[i]);
        cr_assert_eq(r.output ? ((mpc_ast_t *)r.output)->children_num : -1, 3, "root: /^/, expr, /$/");
        mpc_ast_delete(r.output);
        free(in);
    }
    calc_free(c);
}

/* Skipped under TSan: too deep for its stack depot (support/tsan.h). */
Test(mpc_limits, too_deep_fails_with_the_depth_message, .disabled = UNDER_TSAN)
{
    Calc c = calc_new();
    char *in = nested(MPC_MAX_DEPTH);
    expect_parse(c.prog, "<t>", in, "<t>: error: Maximum recursion depth exceeded!\n");
    free(in);
    calc_free(c);
}

Test(mpc_limits, backtracking_is_linear)
{
    /* upstream needs 3x more time per level here: 33 s at depth 14 */
    mpc_parser_t *e = mpc_new("e"), *t = mpc_new("t");
    load(MPCA_LANG_DEFAULT, "e : <t> '+' <e> | <t> '-' <e> | <t> ; t : '(' <e> ')' | /[0-9]+/ ;", e, t, NULL, NULL);
    char *in = nested(2000);
    mpc_result_t r;
    cr_assert(mpc_parse("<t>", in, e, &r), "2000 levels of an ambiguous-prefix grammar must parse");
    mpc_ast_delete(r.output);
    free(in);
    mpc_cleanup(2, e, t);
}

/* ---------------------------------------------------------------- incomplete input */

static int incomplete(mpc_parser_t *p, const char *in)
{
    mpc_result_t r;
    if (mpc_parse("<t>", in, p, &r)) {
        mpc_ast_delete(r.output);
        return 0;
    }
    int inc = r.error->failure == NULL && r.error->state.pos == (long)strlen(in);
    mpc_err_delete(r.error);
    return inc;
}

Test(mpc_limits, incomplete_input_detection)
{
    Lispy l = lispy_new();
    cr_assert(incomplete(l.lispy, "+ 1 (* 2"), "an open list is incomplete");
    cr_assert(incomplete(l.lispy, "+ 1 (* 2\n"), "an open list before a newline is incomplete");
    cr_assert(incomplete(l.lispy, "+"), "an operator without operands is incomplete");
    cr_assert(!incomplete(l.lispy, "+ 1 )"), "a stray ')' is an error, not incomplete");
    cr_assert(!incomplete(l.lispy, "+ 1 2"), "a complete expression is not incomplete");
    lispy_free(l);
}

/* ---------------------------------------------------------------- the AST API */

Test(mpc_api, build_query_compare_and_delete)
{
    mpc_ast_t *t = mpc_ast_build(2, ">", mpc_ast_new("num|regex", "1"), mpc_ast_new("char", "+"));
    mpc_ast_add_child(t, mpc_ast_new("num|regex", "2"));
    cr_assert_eq(t->children_num, 3, "add_child appends");
    cr_assert_eq(mpc_ast_get_index(t, "num|regex"), 0, "first num");
    cr_assert_eq(mpc_ast_get_index_lb(t, "num|regex", 1), 2, "next num from index 1");
    cr_assert_eq(mpc_ast_get_index(t, "nope"), -1, "absent tag");
    cr_assert_str_eq(mpc_ast_get_child(t, "char")->contents, "+", "get_child by exact tag");
    mpc_ast_add_tag(t->children[1], "op");
    cr_assert_str_eq(t->children[1]->tag, "op|char", "add_tag prepends");
    mpc_ast_tag(t, "expr|>");
    cr_assert_str_eq(t->tag, "expr|>", "tag replaces");

    mpc_parser_t *n = mpc_new("num"), *e = mpc_new("e");
    load(MPCA_LANG_DEFAULT, "num : /[0-9]+/ ; e : <num> '+' <num> ;", n, e, NULL, NULL);
    mpc_result_t r;
    cr_assert(mpc_parse("<t>", "1 + 2", e, &r), "1 + 2 parses");
    mpc_ast_t *p = r.output;
    mpc_ast_tag(t->children[1], "char");
    cr_assert(!mpc_ast_eq(p, t), "different root tags");
    mpc_ast_tag(p, "expr|>");
    cr_assert(mpc_ast_eq(p, t), "same tags, contents and shape (states ignored)");
    /* parsed trees can be edited with the API and mixed with built nodes */
    mpc_ast_add_tag(p->children[0], "x");
    mpc_ast_add_child(p, mpc_ast_new("extra", "!"));
    p->children[2]->contents[0] = '7';
    char *s = ast_text(p);
    cr_assert_str_eq(s, "expr|> \n  x|num|regex:1:1 '1'\n  char:1:3 '+'\n  num|regex:1:5 '7'\n  extra:1:1 '!'\n", "edited tree");
    free(s);
    mpc_ast_delete(p);
    mpc_ast_delete(t);
    mpc_ast_delete(NULL);
    mpc_cleanup(2, n, e);
}

Test(mpc_api, traversal_orders)
{
    mpc_ast_t *t = mpc_ast_build(2, "a", mpc_ast_build(1, "b", mpc_ast_new("c", "")), mpc_ast_new("d", ""));
    const char *pre = "abcd", *post = "cbda";
    mpc_ast_trav_order_t orders[] = {mpc_ast_trav_order_pre, mpc_ast_trav_order_post};
    for (int k = 0; k < 2; k++) {
        char seen[8] = {0};
        int i = 0;
        mpc_ast_trav_t *tr = mpc_ast_traverse_start(t, orders[k]);
        for (mpc_ast_t *n; (n = mpc_ast_traverse_next(&tr)) && i < 7;) seen[i++] = n->tag[0];
        mpc_ast_traverse_free(&tr);
        cr_assert_str_eq(seen, k ? post : pre, "traversal order %d", k);
    }
    mpc_ast_delete(t);
}

Test(mpc_api, escapes)
{
    char *s = mpcf_escape(strdup("a\n\t\"b\\"));
    cr_assert_str_eq(s, "a\\n\\t\\\"b\\\\", "escape");
    s = mpcf_unescape(s);
    cr_assert_str_eq(s, "a\n\t\"b\\", "unescape reverses escape");
    free(s);
    s = mpcf_unescape(strdup("\\q\\/"));
    cr_assert_str_eq(s, "\\q\\/", "unknown escapes are kept");
    s = mpcf_unescape_regex(s);
    cr_assert_str_eq(s, "\\q/", "regex unescape only touches \\/");
    free(s);
}

/* ---------------------------------------------------------------- C parsers in a grammar */

static mpc_val_t *to_leaf(mpc_val_t *x)
{
    mpc_ast_t *a = mpc_ast_new("word", x);
    free(x);
    return a;
}

Test(mpc_api, c_parsers_inside_grammars)
{
    mpc_parser_t *ws = mpc_new("ws"), *w = mpc_new("w"), *s = mpc_new("s");
    mpc_define(ws, mpc_expect(mpc_apply(mpc_re("[ \\t]*"), mpcf_free), "whitespace"));
    mpc_define(w, mpc_apply(mpc_re("[a-z]+"), to_leaf));
    load(MPCA_LANG_WHITESPACE_SENSITIVE, "s : /^/ <ws> <w> <ws> (',' <ws> <w> <ws>)* /$/ ;", ws, w, s, NULL);
    /* whitespace parsers output NULL, which every fold drops */
    expect_parse(s, "<t>", " ab ,  cd ",
                 "> \n  regex \n  w|word:1:2 'ab'\n  char:1:5 ','\n  w|word:1:8 'cd'\n  regex \n");
    expect_parse(s, "<t>", "ab,", "<t>:1:4: error: expected one or more of one of 'abcdefghijklmnopqrstuvwxyz' at end of input\n");
    mpc_cleanup(3, ws, w, s);
}

Test(mpc_api, generic_parsers_output_strings)
{
    mpc_parser_t *p = mpc_expect(mpc_re("[0-9]+"), "a number");
    mpc_result_t r;
    cr_assert(mpc_parse("<t>", "123x", p, &r), "digits parse");
    cr_assert_str_eq(r.output, "123", "mpc_re outputs the matched text");
    free(r.output);
    expect_parse(p, "<t>", "x", "<t>:1:1: error: expected a number at 'x'\n");
    mpc_delete(p);
}

/* ---------------------------------------------------------------- files and threads */

Test(mpc_api, files)
{
    char gpath[] = "/tmp/mpc_test_grammar_XXXXXX", ipath[] = "/tmp/mpc_test_input_XXXXXX";
    FILE *g = fdopen(mkstemp(gpath), "w"), *in = fdopen(mkstemp(ipath), "w");
    fputs("word : /[a-z]+/ ;\nline : /^/ <word>+ /$/ ;\n", g);
    fputs("abc def\n", in);
    fclose(g);
    fclose(in);
    mpc_parser_t *word = mpc_new("word"), *line = mpc_new("line");
    mpc_err_t *e = mpca_lang_contents(MPCA_LANG_DEFAULT, gpath, word, line, NULL);
    cr_assert_null(e, "grammar file loads");
    mpc_result_t r;
    cr_assert(mpc_parse_contents(ipath, line, &r), "input file parses");
    cr_assert_eq(((mpc_ast_t *)r.output)->children_num, 4, "/^/, two words, /$/");
    mpc_ast_delete(r.output);
    cr_assert(!mpc_parse_contents("/nonexistent/x", line, &r), "missing file fails");
    char *s = mpc_err_string(r.error);
    cr_assert_str_eq(s, "/nonexistent/x: error: Unable to open file!\n", "missing input file");
    free(s);
    mpc_err_delete(r.error);
    e = mpca_lang_contents(MPCA_LANG_DEFAULT, "/nonexistent/g", word, NULL);
    s = mpc_err_string(e);
    cr_assert_str_eq(s, "/nonexistent/g: error: Unable to open file!\n", "missing grammar file");
    free(s);
    mpc_err_delete(e);
    remove(gpath);
    remove(ipath);
    mpc_cleanup(2, word, line);
}

static void *parse_many(void *arg)
{
    Lispy *l = arg;
    for (int i = 0; i < 200; i++) {
        char *s = parse_text(l->lispy, "<t>", i % 2 ? "+ 1 (* 2 3) (- 4 5)" : "+ 1 (* 2");
        int good = strstr(s, i % 2 ? "expr|number|regex:1:18 '5'" : "<t>:1:9: error:") != NULL;
        free(s);
        if (!good) return (void *)1;
    }
    return NULL;
}

Test(mpc_api, concurrent_parses_share_parsers)
{
    Lispy l = lispy_new();
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, parse_many, &l);
    for (int i = 0; i < 4; i++) {
        void *bad;
        pthread_join(t[i], &bad);
        cr_assert_null(bad, "thread %d saw a wrong result", i);
    }
    lispy_free(l);
}

/* ---------------------------------------------------------------- more of the API */

Test(mpc_api, mpca_grammar_and_nparse)
{
    mpc_parser_t *num = mpc_new("num");
    load(MPCA_LANG_DEFAULT, "num : /[0-9]+/ ;", num, NULL, NULL, NULL);
    mpc_parser_t *g = mpca_grammar(MPCA_LANG_DEFAULT, " <num> (',' <num>)* ", num, NULL);
    expect_parse(g, "<g>", "1, 2", "> \n  num|regex:1:1 '1'\n  char:1:2 ','\n  num|regex:1:4 '2'\n");
    mpc_result_t r;
    cr_assert(mpc_nparse("<g>", "1, 2, 3", 4, g, &r), "nparse sees only the first 4 bytes");
    cr_assert_eq(((mpc_ast_t *)r.output)->children_num, 3, "1, 2 (then the input ends)");
    mpc_ast_delete(r.output);
    mpc_delete(g);
    g = mpca_grammar(MPCA_LANG_DEFAULT, "<num> |* ", num, NULL);
    expect_parse(g, "<g>", "1", "<g>: error: Invalid Grammar: <mpca_grammar>:1:8: error: expected string, char, regex, \"<\", \"(\" or end of input at '*'\n\n");
    mpc_delete(g);
    mpc_cleanup(1, num);
}

Test(mpc_api, streams)
{
    mpc_parser_t *w = mpc_new("w"), *s = mpc_new("s");
    FILE *f = fmemopen((void *)"w : /[a-z]+/ ; s : <w>+ ;", 25, "r");
    mpc_err_t *e = mpca_lang_file(MPCA_LANG_DEFAULT, f, w, s, NULL);
    fclose(f);
    cr_assert_null(e, "mpca_lang_file loads a grammar from a stream");
    f = fmemopen((void *)"ab cd", 5, "r");
    mpc_result_t r;
    cr_assert(mpc_parse_pipe("<pipe>", f, s, &r), "mpc_parse_pipe parses a stream");
    fclose(f);
    cr_assert_eq(((mpc_ast_t *)r.output)->children_num, 2, "two words");
    mpc_ast_delete(r.output);
    f = fmemopen((void *)"w : 'x' ; s : ; ", 16, "r");
    e = mpca_lang_pipe(MPCA_LANG_DEFAULT, f, w, s, NULL);
    fclose(f);
    cr_assert_not_null(e, "an empty right-hand side is a syntax error");
    char *msg = mpc_err_string(e);
    cr_assert_str_eq(msg, "<mpca_lang_pipe>:1:15: error: expected string, char, regex, \"<\", \"(\" or end of input at ';'\n", "pipe errors are labelled");
    free(msg);
    mpc_err_delete(e);
    mpc_cleanup(2, w, s);
}

Test(mpc_api, define_undefine_and_unretained)
{
    mpc_parser_t *a = mpc_new("a");
    mpc_define(a, mpc_re("x+"));
    mpc_result_t r;
    cr_assert(mpc_parse("<t>", "xxy", a, &r), "a defined with mpc_define parses");
    cr_assert_str_eq(r.output, "xx", "mpc_re output through a retained parser");
    free(r.output);
    mpc_undefine(a);
    expect_parse(a, "<t>", "x", "<t>: error: Parser Undefined!\n");
    mpc_parser_t *plain = mpc_re("y");
    mpc_define(plain, mpc_re("z"));
    expect_parse(plain, "<t>", "z", "<t>: error: Attempt to assign to Unretained Parser!\n");
    mpc_delete(plain);
    mpc_delete(a);
}

static mpc_val_t *pair_of(mpc_val_t *x, void *tag)
{
    mpc_ast_t *p = mpc_ast_build(2, tag, mpc_ast_new("l", x), mpc_ast_new("r", x));
    free(x);
    return p;
}

static mpc_val_t *single_of(mpc_val_t *x)
{
    mpc_ast_t *p = mpc_ast_build(1, "one|>", mpc_ast_new("only", x));
    free(x);
    return p;
}

Test(mpc_api, caller_trees_follow_the_fold_rules)
{
    mpc_parser_t *p = mpc_new("p"), *o = mpc_new("o"), *s = mpc_new("s");
    mpc_define(p, mpc_apply_to(mpc_re("[a-z]+"), pair_of, "pair|>"));
    mpc_define(o, mpc_apply(mpc_re("[0-9]+"), single_of));
    load(MPCA_LANG_DEFAULT, "s : '(' <p> <o> ')' ;", p, o, s, NULL);
    /* a two-child tree is referenced as a whole; a one-child tree gives up its child, prefixed
     * (the caller's nodes keep their own states: zero here) */
    expect_parse(s, "<t>", "(ab12)",
                 "> \n  char:1:1 '('\n  p|pair|> \n    l:1:1 'ab'\n    r:1:1 'ab'\n  o|one|only:1:1 '12'\n  char:1:6 ')'\n");
    /* C parsers skip no whitespace, even in the default mode */
    expect_parse(s, "<t>", "(ab 12)", "<t>:1:4: error: expected one of 'abcdefghijklmnopqrstuvwxyz' or one or more of one of '0123456789' at space\n");
    mpc_cleanup(3, p, o, s);
}

Test(mpc_lang, lookahead_and_end_of_input)
{
    mpc_parser_t *a = mpc_new("a"), *b = mpc_new("b"), *c = mpc_new("c");
    load(MPCA_LANG_WHITESPACE_SENSITIVE,
         "a : ((/[a-z]/)!)! /[a-z]+/ ; b : /x/ /$/ /$/ ; c : /^/ (/[a-z]+/ /\\n/?)* /$/ ;", a, b, c, NULL);
    expect_parse(a, "<t>", "abc", "regex:1:1 'abc'\n");
    expect_parse(a, "<t>", "1", "<t>:1:1: error: expected opposite at '1'\n");
    /* the end of input is matched once per path */
    expect_parse(b, "<t>", "x", "<t>:1:2: error: expected newline or end of input at end of input\n");
    expect_parse(c, "<t>", "ab\ncd\n", "> \n  regex \n  regex:1:1 'ab'\n  regex:1:3 '\n'\n  regex:2:1 'cd'\n  regex:2:3 '\n'\n  regex \n");
    mpc_cleanup(3, a, b, c);
}

Test(mpc_lang, redefinition_replaces_the_rule)
{
    mpc_parser_t *a = mpc_new("a");
    load(MPCA_LANG_DEFAULT, "a : 'x' ; a : 'y' ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "y", "char:1:1 'y'\n");
    load(MPCA_LANG_DEFAULT, "a : 'z' ;", a, NULL, NULL, NULL);
    expect_parse(a, "<t>", "z", "char:1:1 'z'\n");
    mpc_cleanup(1, a);
}
