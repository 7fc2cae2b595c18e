/* strbuf.h: a growable byte buffer (inspect output, to_string, error messages).
 *
 * Owns its bytes (malloc'd). Always NUL-terminated after any append, so data can be passed
 * to C string functions when it holds no NUL byte itself. Running out of memory while
 * appending aborts with a message: callers build short texts, and every one of them would
 * otherwise need an error path for a few bytes.
 */
#ifndef EMBER_STRBUF_H
#define EMBER_STRBUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct StrBuf {
    char *data;  /* NULL until the first append */
    size_t len;  /* bytes, without the NUL */
    size_t cap;  /* bytes allocated */
} StrBuf;

/* An empty buffer (allocates nothing). `StrBuf sb = {0};` is the same. */
void strbuf_init(StrBuf *sb);
/* Frees the bytes; the buffer is empty again and may be reused. */
void strbuf_free(StrBuf *sb);
/* Appends `len` bytes at `bytes`. */
void strbuf_append(StrBuf *sb, const char *bytes, size_t len);
/* Appends a NUL-terminated string. */
void strbuf_puts(StrBuf *sb, const char *s);
/* Appends one byte. */
void strbuf_putc(StrBuf *sb, char c);
/* Appends printf-style formatted text. */
void strbuf_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Makes room for `more` bytes and returns where they go; strbuf_commit(sb, n) then adds n. */
char *strbuf_reserve(StrBuf *sb, size_t more);
void strbuf_commit(StrBuf *sb, size_t n);
/* Drops everything after the first `len` bytes (len <= sb->len). */
void strbuf_truncate(StrBuf *sb, size_t len);
/* The text as a NUL-terminated string ("" when empty); valid until the next append. */
const char *strbuf_cstr(StrBuf *sb);

#endif
