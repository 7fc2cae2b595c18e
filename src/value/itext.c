/* itext.c: leaf texts of inspect (itext.h). The atom rules mirror Elixir 1.14's
 * Macro.inspect_atom: nil/true/false bare; "Elixir"-prefixed valid aliases without the prefix;
 * operators and identifiers (letters, digits, _ and @, not starting with a digit or @,
 * optionally ending in ? or !) after a colon; anything else quoted. Unicode letters are
 * approximated as code points >= U+00C0 outside the punctuation and symbol blocks. */
#include "value/itext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value/atom.h"

static const char *const operators[] = {
    "+", "-", "*", "/", "**", "++", "--", "+++", "---", "<>", "==", "!=", "===", "!==", "<",
    ">", "<=", ">=", "&&", "||", "&&&", "|||", "!", "|>", "<<<", ">>>", "<<~", "~>>", "<~",
    "~>", "<~>", "=~", "<<>>", "%{}", "{}", "%", ".", "..", "...", "..//", "=", "->", "<-",
    "\\\\", "^", "&", "@", "|", NULL,
};

size_t itext_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (n == 0 || n > len || s[0] > 0xF4)
        return 0;
    uint32_t c = s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

void itext_utf8_encode(StrBuf *out, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    strbuf_append(out, b, n);
}

/* Control characters with a letter escape; 0 if none. */
static char named_escape(uint32_t c)
{
    switch (c) {
    case 0: return '0';
    case 7: return 'a';
    case 8: return 'b';
    case 9: return 't';
    case 10: return 'n';
    case 11: return 'v';
    case 12: return 'f';
    case 13: return 'r';
    case 27: return 'e';
    case 127: return 'd';
    default: return 0;
    }
}

static bool printable_cp(uint32_t c)
{
    if (c >= 0x20 && c <= 0x7E)
        return true;
    if ((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
        return true;
    return c != 0 && named_escape(c) != 0;
}

bool itext_printable(const char *s, size_t len, size_t limit)
{
    size_t i = 0;
    for (size_t n = 0; i < len && n < limit; n++) {
        uint32_t c;
        size_t k = itext_utf8_decode(s + i, len - i, &c);
        if (k == 0 || !printable_cp(c))
            return false;
        i += k;
    }
    return true;
}

void itext_escape_char(StrBuf *out, uint32_t c, char quote, uint32_t next)
{
    char e = named_escape(c);
    if (c == (uint32_t)quote || c == '\\' || (c == '#' && next == '{')) {
        strbuf_putc(out, '\\');
        strbuf_putc(out, (char)c);
    } else if (e) {
        strbuf_putc(out, '\\');
        strbuf_putc(out, e);
    } else if (c < 0x20 || (c >= 0x80 && c < 0xA0)) {
        strbuf_printf(out, "\\x%02X", (unsigned)c);
    } else if (!printable_cp(c)) {
        strbuf_printf(out, "\\x{%X}", (unsigned)c);
    } else {
        itext_utf8_encode(out, c);
    }
}

size_t itext_escape(StrBuf *out, const char *s, size_t len, char quote, size_t limit)
{
    size_t i = 0;
    for (size_t n = 0; i < len && n < limit; n++) {
        uint32_t c, next = 0;
        size_t k = itext_utf8_decode(s + i, len - i, &c);
        if (k == 0) { /* callers pass valid UTF-8; a stray byte is shown as a \x escape */
            strbuf_printf(out, "\\x%02X", (unsigned)(unsigned char)s[i]);
            i++;
            continue;
        }
        if (i + k < len)
            next = (unsigned char)s[i + k];
        itext_escape_char(out, c, quote, next);
        i += k;
    }
    return i;
}

/* ---- atoms ---- */

static bool unicode_letter(uint32_t c)
{
    if (c < 0xC0 || c == 0xD7 || c == 0xF7)
        return false;
    return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFE00 && c <= 0xFE6F)
           && !(c >= 0xFF00 && c <= 0xFF20) && !(c >= 0xFFF0);
}

static bool ident_start(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || unicode_letter(c);
}

static bool ident_char(uint32_t c)
{
    return ident_start(c) || (c >= '0' && c <= '9') || c == '@';
}

/* Letters, digits, _ and @, not starting with a digit or @, optionally ending in ? or !. */
static bool is_identifier(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t c;
    while (i < len) {
        size_t k = itext_utf8_decode(s + i, len - i, &c);
        if (k == 0)
            return false;
        bool last = i + k == len;
        if (i == 0 ? !ident_start(c) : !(ident_char(c) || (last && (c == '?' || c == '!'))))
            return false;
        i += k;
    }
    return len > 0;
}

/* An alias segment: an ASCII capital, then letters, digits or _. */
static bool alias_segment(const char *s, size_t len)
{
    if (len == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (size_t i = 1; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

/* "Elixir" or "Elixir.A.B" with valid segments. */
static bool is_alias(const char *s, size_t len)
{
    if (len < 6 || memcmp(s, "Elixir", 6) != 0)
        return false;
    if (len == 6)
        return true;
    if (s[6] != '.')
        return false;
    size_t start = 7;
    for (size_t i = 7; i <= len; i++) {
        if (i == len || s[i] == '.') {
            if (!alias_segment(s + start, i - start))
                return false;
            start = i + 1;
        }
    }
    return true;
}

static bool is_operator(const char *s, size_t len)
{
    for (const char *const *op = operators; *op; op++)
        if (strlen(*op) == len && memcmp(*op, s, len) == 0)
            return true;
    return false;
}

static void quoted(StrBuf *out, const char *s, size_t len)
{
    strbuf_putc(out, '"');
    itext_escape(out, s, len, '"', SIZE_MAX);
    strbuf_putc(out, '"');
}

void itext_atom(StrBuf *out, uint32_t index, AtomForm form)
{
    const char *s = atom_name(index);
    size_t len = atom_len(index);
    bool plain = is_identifier(s, len) || is_operator(s, len);
    if (form == ATOM_FORM_CALL) {
        if (plain)
            strbuf_append(out, s, len);
        else
            quoted(out, s, len);
    } else if (form == ATOM_FORM_KEY) {
        if (plain && !is_alias(s, len))
            strbuf_append(out, s, len);
        else
            quoted(out, s, len);
        strbuf_putc(out, ':');
    } else if (index == ATOM_INDEX_NIL || index == ATOM_INDEX_TRUE || index == ATOM_INDEX_FALSE) {
        strbuf_append(out, s, len);
    } else if (is_alias(s, len)) {
        strbuf_append(out, len == 6 ? s : s + 7, len == 6 ? 6 : len - 7);
    } else {
        strbuf_putc(out, ':');
        if (plain)
            strbuf_append(out, s, len);
        else
            quoted(out, s, len);
    }
}

/* ---- numbers ---- */

void itext_int(StrBuf *out, int64_t i)
{
    char buf[24];
    char *p = buf + sizeof buf;
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (i < 0)
        *--p = '-';
    strbuf_append(out, p, (size_t)(buf + sizeof buf - p));
}

/* Shortest digits that read back as `d` (> 0): fills digits (no dot, no trailing zeros) and
 * returns the decimal exponent of the first digit (d = 0.D1D2... * 10^(e+1)). */
static int shortest_digits(double d, char *digits, size_t *ndigits)
{
    char buf[40];
    int lo = 1, hi = 17;
    while (lo < hi) { /* round-tripping is monotonic in the precision */
        int mid = (lo + hi) / 2;
        snprintf(buf, sizeof buf, "%.*e", mid - 1, d);
        if (strtod(buf, NULL) == d)
            hi = mid;
        else
            lo = mid + 1;
    }
    snprintf(buf, sizeof buf, "%.*e", lo - 1, d);
    size_t n = 0;
    char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *ndigits = n;
    return atoi(p + 1);
}

/* Erlang's float_to_list(d, [short]) for d > 0. */
static void erlang_short(StrBuf *out, double d)
{
    char digits[24], sci[48];
    size_t n;
    int e = shortest_digits(d, digits, &n);
    int place = e + 1; /* digits before the decimal point */
    snprintf(sci, sizeof sci, "%c.%se%d", digits[0], n > 1 ? digits + 1 : "0", e);
    StrBuf s = {0};
    if (place <= 0) {
        strbuf_puts(&s, "0.");
        for (int i = 0; i < -place; i++)
            strbuf_putc(&s, '0');
        strbuf_puts(&s, digits);
    } else if ((size_t)place < n) {
        strbuf_append(&s, digits, (size_t)place);
        strbuf_putc(&s, '.');
        strbuf_puts(&s, digits + place);
    } else {
        strbuf_puts(&s, digits);
        for (size_t i = n; i < (size_t)place; i++)
            strbuf_putc(&s, '0');
        strbuf_puts(&s, ".0");
    }
    bool use_dec = s.len <= strlen(sci) && place <= 16;
    strbuf_puts(out, use_dec ? strbuf_cstr(&s) : sci);
    strbuf_free(&s);
}

static void float_text(StrBuf *out, double d, bool elixir)
{
    if (signbit(d)) {
        strbuf_putc(out, '-');
        d = -d;
    }
    if (d == 0.0)
        strbuf_puts(out, "0.0");
    else if (elixir && d >= 1.0 && d < 1.0e16 && d == trunc(d))
        strbuf_printf(out, "%.0f.0", d); /* Inspect.Float prints integral floats below 1e16 in full */
    else
        erlang_short(out, d);
}

void itext_float(StrBuf *out, double d)
{
    float_text(out, d, true);
}

void itext_float_short(StrBuf *out, double d)
{
    float_text(out, d, false);
}
