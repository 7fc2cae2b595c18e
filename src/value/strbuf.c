/* strbuf.c: the growable byte buffer (strbuf.h). Doubles its capacity as it grows. */
#include "value/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(StrBuf *sb)
{
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

void strbuf_free(StrBuf *sb)
{
    free(sb->data);
    strbuf_init(sb);
}

char *strbuf_reserve(StrBuf *sb, size_t more)
{
    if (sb->cap - sb->len > more)
        return sb->data + sb->len;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap - sb->len <= more) {
        if (cap > SIZE_MAX / 2) {
            fputs("ember: string too large\n", stderr);
            abort();
        }
        cap *= 2;
    }
    char *data = realloc(sb->data, cap);
    if (!data) {
        fputs("ember: out of memory building a string\n", stderr);
        abort();
    }
    sb->data = data;
    sb->cap = cap;
    return sb->data + sb->len;
}

void strbuf_commit(StrBuf *sb, size_t n)
{
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void strbuf_append(StrBuf *sb, const char *bytes, size_t len)
{
    char *p = strbuf_reserve(sb, len);
    if (len)
        memcpy(p, bytes, len);
    strbuf_commit(sb, len);
}

void strbuf_puts(StrBuf *sb, const char *s)
{
    strbuf_append(sb, s, strlen(s));
}

void strbuf_putc(StrBuf *sb, char c)
{
    char *p = strbuf_reserve(sb, 1);
    *p = c;
    strbuf_commit(sb, 1);
}

void strbuf_printf(StrBuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *p = strbuf_reserve(sb, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    strbuf_commit(sb, (size_t)n);
}

void strbuf_truncate(StrBuf *sb, size_t len)
{
    if (len < sb->len) {
        sb->len = len;
        sb->data[len] = '\0';
    }
}

const char *strbuf_cstr(StrBuf *sb)
{
    return sb->data ? sb->data : "";
}
