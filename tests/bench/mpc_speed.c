/* mpc_speed.c: throughput, grammar-load time and memory of src/mpc. Not part of `make test`.
 *
 *   cc -O2 -D_GNU_SOURCE -Isrc tests/bench/mpc_speed.c build/libember.a -lpthread -o build/mpc_speed
 *   build/mpc_speed lispy MB                 BYOL chapter 14 grammar on MB of generated Lisp
 *   build/mpc_speed ember GRAMMAR MB FILE... an ember-like grammar (WS-sensitive, C whitespace
 *                                            rules as in src/parse/parse.c) on FILEs repeated
 *                                            to MB megabytes
 * Prints MB/s of mpc_parse in CPU time (AST built; deleting it is timed apart), the AST's node
 * count and the peak RSS. */
#include <sys/resource.h>
#include <time.h>

#include "mpc/mpc.h"

/* CPU time of the whole process (all threads): wall time is meaningless on a shared machine. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

static long count_nodes(mpc_ast_t *a)
{
    long n = 1;
    for (int i = 0; i < a->children_num; i++) n += count_nodes(a->children[i]);
    return n;
}

/* Repeats `unit` (joined by newlines) until the text reaches `bytes`. */
static char *repeat(const char *unit, size_t bytes)
{
    size_t u = strlen(unit), n = 0;
    char *s = malloc(bytes + u + 2);
    while (n < bytes) {
        memcpy(s + n, unit, u);
        n += u;
        s[n++] = '\n';
    }
    s[n] = 0;
    return s;
}

static void run(mpc_parser_t *p, const char *in, const char *what)
{
    size_t len = strlen(in);
    mpc_result_t r;
    double t0 = now();
    if (!mpc_parse("<bench>", in, p, &r)) {
        mpc_err_print(r.error);
        exit(1);
    }
    double t1 = now();
    long nodes = r.output ? count_nodes(r.output) : 0;
    long rss = peak_rss_kb();
    double t2 = now();
    mpc_ast_delete(r.output);
    double t3 = now();
    printf("%s: %.2f MB in %.3f s = %.2f MB/s (delete %.3f s), %ld nodes, peak RSS %.1f MB = %.1fx input\n", what,
           len / 1e6, t1 - t0, len / 1e6 / (t1 - t0), t3 - t2, nodes, rss / 1024.0, rss * 1024.0 / len);
}

static const char LISPY[] =
    "number : /-?[0-9]+/ ; symbol : /[a-zA-Z0-9_+\\-*\\/\\\\=<>!&]+/ ;"
    "string : /\"(\\\\.|[^\"])*\"/ ; comment : /;[^\\r\\n]*/ ;"
    "sexpr : '(' <expr>* ')' ; qexpr : '{' <expr>* '}' ;"
    "expr : <number> | <symbol> | <string> | <comment> | <sexpr> | <qexpr> ;"
    "lispy : /^/ <expr>* /$/ ;";

static const char LISP_UNIT[] =
    "; a function definition\n"
    "(def {fib} (\\ {n} {if (<= n 1) {n} {+ (fib (- n 1)) (fib (- n 2))}}))\n"
    "(print \"fib of 20 is\" (fib 20) \"and a \\\"quoted\\\" word\")\n"
    "(map (\\ {x} {* x x}) {1 2 3 4 5 6 7 8 9 10 -11 -12})";

static void bench_lispy(double mb)
{
    mpc_parser_t *p[8];
    const char *names[] = {"number", "symbol", "string", "comment", "sexpr", "qexpr", "expr", "lispy"};
    for (int i = 0; i < 8; i++) p[i] = mpc_new(names[i]);
    mpc_err_t *e = mpca_lang(MPCA_LANG_DEFAULT, LISPY, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], NULL);
    if (e) {
        mpc_err_print(e);
        exit(1);
    }
    char *in = repeat(LISP_UNIT, (size_t)(mb * 1e6));
    run(p[7], in, "lispy");
    free(in);
    mpc_cleanup(8, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
}

/* ---------------------------------------------------------------- ember-like grammar */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    s[fread(s, 1, (size_t)n, f)] = 0;
    fclose(f);
    return s;
}

enum { MAXR = 160 };

/* Declares every left-hand side of g plus the C whitespace rules; returns the count. */
static int declare(const char *g, mpc_parser_t **rules, mpc_parser_t **prog)
{
    int n = 0;
    for (const char *s = g; *s;) {
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
        const char *name = s;
        while (*s && (isalnum((unsigned char)*s) || *s == '_')) s++;
        if (s == name) break;
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)(s - name), name);
        rules[n++] = mpc_new(buf);
        if (strcmp(buf, "prog") == 0) *prog = rules[n - 1];
        while (*s && *s != ';') {
            if (*s == '\'' || *s == '"' || *s == '/') {
                char q = *s++;
                while (*s && *s != q) s += (*s == '\\' && s[1]) ? 2 : 1;
            }
            if (*s) s++;
        }
        if (*s) s++;
    }
    const char *ws[][3] = {{"sp", "[ \t\r]*", "whitespace"}, {"sp1", "[ \t\r]+", "whitespace"},
                           {"ws", "([ \t\r\n]|#[^\n]*)*", "whitespace"},
                           {"eos", "(#[^\n]*)?[\n;]([ \t\r\n;]|#[^\n]*)*", "newline"}};
    for (int i = 0; i < 4; i++) {
        rules[n] = mpc_new(ws[i][0]);
        mpc_define(rules[n++], mpc_expect(mpc_apply(mpc_re(ws[i][1]), mpcf_free), ws[i][2]));
    }
    return n;
}

#define R8(i) r[i], r[i + 1], r[i + 2], r[i + 3], r[i + 4], r[i + 5], r[i + 6], r[i + 7]

static mpc_err_t *load(const char *g, mpc_parser_t **r)
{
    return mpca_lang(MPCA_LANG_WHITESPACE_SENSITIVE, g, R8(0), R8(8), R8(16), R8(24), R8(32), R8(40), R8(48),
                     R8(56), R8(64), R8(72), R8(80), R8(88), R8(96), R8(104), R8(112), R8(120), R8(128),
                     R8(136), R8(144), R8(152), NULL);
}

static void bench_ember(const char *gpath, double mb, int nfiles, char **files)
{
    char *g = slurp(gpath);
    mpc_parser_t *r[MAXR + 1] = {0}, *prog = NULL;
    int n = declare(g, r, &prog);
    double t0 = now();
    int loads = getenv("LOADS") ? atoi(getenv("LOADS")) : 200;
    for (int i = 0; i < loads; i++) {
        mpc_err_t *e = load(g, r);
        if (e) {
            mpc_err_print(e);
            exit(1);
        }
    }
    printf("ember grammar: %d rules, load %.1f us\n", n, (now() - t0) / loads * 1e6);
    size_t total = 0;
    for (int i = 0; i < nfiles; i++) total += strlen(slurp(files[i])) + 1;
    char *unit = malloc(total + 1);
    unit[0] = 0;
    for (int i = 0; i < nfiles; i++) {
        strcat(unit, slurp(files[i]));
        strcat(unit, "\n");
    }
    char *in = repeat(unit, (size_t)(mb * 1e6));
    run(prog, unit, "ember (files once)");
    run(prog, in, "ember");
    for (int i = 0; i < n; i++) mpc_undefine(r[i]);
    for (int i = 0; i < n; i++) mpc_delete(r[i]);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "lispy") == 0) bench_lispy(atof(argv[2]));
    else if (argc >= 5 && strcmp(argv[1], "ember") == 0) bench_ember(argv[2], atof(argv[3]), argc - 4, argv + 4);
    else fputs("usage: mpc_speed lispy MB | mpc_speed ember GRAMMAR MB FILE...\n", stderr);
    return 0;
}
