/* mpc_util.c: the mpcf_escape / mpcf_unescape family and the decoders the grammar loader
 * uses for literals. Escapes: \a \b \f \n \r \t \v \\ \' \" \0; an unknown escape is kept
 * as it is (backslash included). The public functions free their argument. */
#include "mpc_int.h"

static const char RAW[] = "\a\b\f\n\r\t\v\\'\"";
static const char ESC[] = "abfnrtv\\'\"";

/* Decodes the n bytes at s. only: if not NULL, the only bytes that may follow a backslash
 * (all others are kept with their backslash); otherwise the full table plus \0. */
static char *decode(const char *s, size_t n, const char *only)
{
    char *d = xmalloc(n + 1), *o = d;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            *o++ = s[i];
            continue;
        }
        char e = s[i + 1];
        const char *k = e ? strchr(only ? only : ESC, e) : NULL;
        if (k) {
            *o++ = only ? e : RAW[k - ESC];
            i++;
        } else if (!only && e == '0') {
            *o++ = 0;
            i++;
        } else {
            *o++ = s[i];
        }
    }
    *o = 0;
    return d;
}

char *unescape_n(const char *s, size_t n) { return decode(s, n, NULL); }

char *unescape_regex_n(const char *s, size_t n) { return decode(s, n, "/"); }

/* Encodes the C string s: each byte in `raw` becomes a backslash and the matching byte of
 * `esc`. */
static char *encode(const char *s, const char *raw, const char *esc)
{
    size_t n = strlen(s);
    char *d = xmalloc(2 * n + 1), *o = d;
    for (size_t i = 0; i < n; i++) {
        const char *k = strchr(raw, s[i]);
        if (k) {
            *o++ = '\\';
            *o++ = esc[k - raw];
        } else {
            *o++ = s[i];
        }
    }
    *o = 0;
    return d;
}

static mpc_val_t *recode(mpc_val_t *x, char *(*f)(const char *))
{
    char *r = f(x ? (const char *)x : "");
    free(x);
    return r;
}

static char *esc_all(const char *s) { return encode(s, RAW, ESC); }
static char *unesc_all(const char *s) { return decode(s, strlen(s), NULL); }
static char *esc_regex(const char *s) { return encode(s, "/", "/"); }
static char *unesc_regex(const char *s) { return decode(s, strlen(s), "/"); }
static char *esc_string(const char *s) { return encode(s, "\"", "\""); }
static char *unesc_string(const char *s) { return decode(s, strlen(s), "\""); }
static char *esc_char(const char *s) { return encode(s, "'", "'"); }
static char *unesc_char(const char *s) { return decode(s, strlen(s), "'"); }

mpc_val_t *mpcf_escape(mpc_val_t *x) { return recode(x, esc_all); }
mpc_val_t *mpcf_unescape(mpc_val_t *x) { return recode(x, unesc_all); }
mpc_val_t *mpcf_escape_regex(mpc_val_t *x) { return recode(x, esc_regex); }
mpc_val_t *mpcf_unescape_regex(mpc_val_t *x) { return recode(x, unesc_regex); }
mpc_val_t *mpcf_escape_string_raw(mpc_val_t *x) { return recode(x, esc_string); }
mpc_val_t *mpcf_unescape_string_raw(mpc_val_t *x) { return recode(x, unesc_string); }
mpc_val_t *mpcf_escape_char_raw(mpc_val_t *x) { return recode(x, esc_char); }
mpc_val_t *mpcf_unescape_char_raw(mpc_val_t *x) { return recode(x, unesc_char); }
