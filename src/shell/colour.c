/* colour.c: iex's colours for results and errors (colour.h). A result is coloured by scanning
 * its inspect text, so the colouring needs nothing from inspect itself: the token kinds of
 * inspect's output (strings, atoms, keyword keys, aliases, nil/true/false, #Name<...>, numbers,
 * brackets) are told apart by their first characters. */
#include "shell/colour.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool colour_enabled(FILE *out)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return false;
    return out && isatty(fileno(out));
}

/* Brackets, separators and spaces: printed uncoloured (iex's :default_color for containers). */
static bool is_plain(char c)
{
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ' ' || c == '\n' ||
           c == '%' || c == '=' || c == '>' || c == '<' || c == '|' || c == '(' || c == ')';
}

static bool is_ident(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '?' || c == '!' || c == '@' ||
           (unsigned char)c >= 0x80;
}

/* End of a quoted run starting at the quote `s[0]`, backslash escapes skipped. */
static const char *quoted_end(const char *s)
{
    char q = *s++;
    while (*s && *s != q) s += (s[0] == '\\' && s[1]) ? 2 : 1;
    return *s ? s + 1 : s;
}

/* End of `#Name<...>`, nested <> included. */
static const char *opaque_end(const char *s)
{
    int depth = 0;
    for (; *s; s++) {
        if (*s == '<') depth++;
        if (*s == '>' && --depth == 0) return s + 1;
    }
    return s;
}

/* End of a run of non-plain characters (numbers, ranges, &funs, operators). */
static const char *other_end(const char *s)
{
    while (*s && !is_plain(*s)) s += *s == '\'' ? (size_t)(quoted_end(s) - s) : 1;
    return s;
}

/* The token starting at `s`: sets *colour (NULL for plain) and returns its end. */
static const char *token(const char *s, const char *prev, const char **colour)
{
    const char *e;
    if (*s == '"') {
        e = quoted_end(s);
        if (*e == ':' && e[1] == ' ') return *colour = COLOUR_ATOM, e + 1; /* "a b": 1 */
        return *colour = COLOUR_STRING, e;
    }
    if (*s == ':' && s[1] == '"') return *colour = COLOUR_ATOM, quoted_end(s + 1);
    if (*s == ':' && s[1] && !is_plain(s[1]) && s[1] != ':') {
        for (e = s + 1; *e && !is_plain(*e) && *e != ')'; e++) {}
        return *colour = COLOUR_ATOM, e;
    }
    if (isalpha((unsigned char)*s) || *s == '_') {
        for (e = s; is_ident(*e) || (*e == '.' && isalpha((unsigned char)e[1])); e++) {}
        if (*e == ':' && (e[1] == ' ' || e[1] == '\n')) return *colour = COLOUR_ATOM, e + 1;
        size_t len = (size_t)(e - s);
        if ((len == 3 && !strncmp(s, "nil", 3)) || (len == 4 && !strncmp(s, "true", 4)) ||
            (len == 5 && !strncmp(s, "false", 5)))
            return *colour = COLOUR_LITERAL, e;
        if (isupper((unsigned char)*s)) /* an alias; %Name{ is part of the struct's brackets */
            return *colour = prev && *prev == '%' ? NULL : COLOUR_ATOM, e;
        return *colour = COLOUR_RESULT, e;
    }
    if (*s == '#' && isupper((unsigned char)s[1])) return *colour = COLOUR_RESULT, opaque_end(s);
    if (is_plain(*s)) {
        if (*s == '<' && s[1] == '<') return *colour = NULL, s + 2; /* binaries: uncoloured */
        return *colour = NULL, s + 1;
    }
    return *colour = COLOUR_RESULT, other_end(s);
}

void colour_result(FILE *out, const char *text, bool colour)
{
    if (!colour) {
        fprintf(out, "%s\n", text);
        return;
    }
    const char *prev = NULL;
    for (const char *s = text; *s;) {
        const char *c, *e = token(s, prev, &c);
        if (e == s) e = s + 1; /* always advance */
        if (c) fputs(c, out);
        fwrite(s, 1, (size_t)(e - s), out);
        if (c) fputs(COLOUR_RESET, out);
        prev = s, s = e;
    }
    fputc('\n', out);
}

void colour_error(FILE *out, const char *text, bool colour)
{
    size_t len = strlen(text);
    bool nl = len > 0 && text[len - 1] == '\n';
    fprintf(out, "%s%s%s%s", colour ? COLOUR_ERROR : "", text, nl ? "" : "\n", colour ? COLOUR_RESET : "");
}
