/* ast_print.c: the stable text form of the AST that `ember --ast` prints (documented in
 * AST.md). One node per line: "KIND LINE:COL PAYLOAD", children indented two spaces, each
 * slot child prefixed by its role ("left: ", "body: "), list children unprefixed.
 * Owns no state; reads the tree only.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse/parse.h"

/* Which fields a kind prints, in order ('a'..'d' slots, 'k' kids), and their labels. */
typedef struct Layout {
    const char *order;
    const char *label[5]; /* a, b, c, d, kids; NULL = unlabelled */
} Layout;

static const Layout layouts[] = {
    [AST_INTERP] = {"k", {0}},
    [AST_TUPLE] = {"k", {0}},
    [AST_LIST] = {"ka", {"tail"}},
    [AST_MAP] = {"ak", {"base"}},
    [AST_STRUCT] = {"ak", {"base"}},
    [AST_PAIR] = {"ab", {"key", "value"}},
    [AST_BINOP] = {"ab", {"left", "right"}},
    [AST_UNOP] = {"a", {"arg"}},
    [AST_CALL] = {"k", {0}},
    [AST_REMOTE] = {"ak", {"mod"}},
    [AST_DOT] = {"a", {"expr"}},
    [AST_APPLY] = {"ak", {"fun"}},
    [AST_FN] = {"k", {0}},
    [AST_CLAUSE] = {"kab", {"when", "body"}},
    [AST_BLOCK] = {"k", {0}},
    [AST_CAPTURE] = {"a", {"body"}},
    [AST_FUNREF] = {"a", {"mod"}},
    [AST_MODULE] = {"b", {NULL, "body"}},
    [AST_DEF] = {"a", {0}},
    [AST_ATTR] = {"a", {"value"}},
    [AST_IF] = {"abc", {"cond", "then", "else"}},
    [AST_CASE] = {"ak", {"subject"}},
    [AST_COND] = {"k", {0}},
    [AST_RECEIVE] = {"kab", {"timeout", "after"}},
    [AST_TRY] = {"abcdk", {"do", "rescue", "catch", "after", "else"}},
    [AST_FOR] = {"kacb", {"into", "body", "reduce", NULL, NULL}},
    [AST_WITH] = {"kbc", {NULL, "body", "else"}},
    [AST_GENERATOR] = {"acb", {"pattern", "from", "when"}},
};

/* Prints `len` bytes as a double-quoted string with C-style escapes for control bytes. */
static void print_quoted(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (ch < 0x20 || ch == 0x7f) fprintf(out, "\\x%02X", ch);
            else fputc(ch, out);
        }
    }
    fputc('"', out);
}

/* True when an atom prints bare after ':' (letters, digits, _, @, optional final ? or !). */
static bool plain_atom(const char *s)
{
    if (!isalpha((unsigned char)s[0]) && s[0] != '_') return false;
    size_t i = 1;
    while (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '@') i++;
    if (s[i] == '?' || s[i] == '!') i++;
    return s[i] == '\0';
}

/* Prints a float in its shortest form that reads back exactly, always with '.' or 'e'. */
static void print_float(FILE *out, double v)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) break;
    }
    fputs(buf, out);
    if (!strpbrk(buf, ".en")) fputs(".0", out);
}

static void print_payload(FILE *out, const AstNode *n)
{
    switch (n->kind) {
    case AST_INT: fprintf(out, " %" PRId64, n->ival); break;
    case AST_FLOAT: fputc(' ', out); print_float(out, n->fval); break;
    case AST_ATOM:
        fputs(" :", out);
        if (plain_atom(n->name)) fputs(n->name, out);
        else print_quoted(out, n->name, strlen(n->name));
        break;
    case AST_STRING: fputc(' ', out); print_quoted(out, n->str, n->len); break;
    case AST_CAPTURE_ARG: fprintf(out, " &%" PRId64, n->ival); break;
    case AST_FUNREF: fprintf(out, " %s/%" PRId64, n->name, n->ival); break;
    case AST_DEF: fprintf(out, " %s%s", n->name, n->ival ? " (defp)" : ""); break;
    case AST_CALL: fprintf(out, " %s%s", n->name, n->ival ? " (ambiguous)" : ""); break;
    case AST_FOR: if (n->ival) fputs(" uniq", out); break;
    default: if (n->name) fprintf(out, " %s", n->name);
    }
}

static void print_node(FILE *out, const AstNode *n, int depth, const char *label)
{
    fprintf(out, "%*s", depth * 2, "");
    if (label) fprintf(out, "%s: ", label);
    fprintf(out, "%s %" PRIu32 ":%" PRIu32, ast_kind_name(n->kind), n->line, n->col);
    print_payload(out, n);
    fputc('\n', out);
    const Layout *l = (size_t)n->kind < sizeof layouts / sizeof layouts[0] ? &layouts[n->kind] : NULL;
    if (!l || !l->order) return;
    const AstNode *slots[4] = {n->a, n->b, n->c, n->d};
    for (const char *o = l->order; *o; o++) {
        if (*o == 'k') {
            for (uint32_t i = 0; i < n->nkids; i++) print_node(out, n->kids[i], depth + 1, l->label[4]);
        } else if (slots[*o - 'a']) {
            print_node(out, slots[*o - 'a'], depth + 1, l->label[*o - 'a']);
        }
    }
}

void ast_print(FILE *out, const AstNode *node)
{
    if (node) print_node(out, node, 0, NULL);
}
