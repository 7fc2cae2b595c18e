/* utf8.c: UTF-8 decoding, grapheme boundaries, whitespace and case mapping (utf8.h). The case
 * tables cover Latin (ASCII, Latin-1, Extended-A, Extended Additional), Greek, Cyrillic,
 * Armenian and the fullwidth Latin letters; other scripts map to themselves.
 */
#include "lib/utf8.h"

size_t utf8_decode(const char *s, size_t n, size_t i, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 1) return *cp = c, 1;
    if (len == 0 || i + len > n) return *cp = -1, 1;
    int32_t v = c & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if ((u[i + k] & 0xC0) != 0x80) return *cp = -1, 1;
        v = (v << 6) | (u[i + k] & 0x3F);
    }
    static const int32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return *cp = -1, 1;
    *cp = v;
    return len;
}

size_t utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) return o[0] = (unsigned char)cp, 1;
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Code points that attach to the one before them. */
static bool is_extend(int32_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || (c >= 0x591 && c <= 0x5BD) ||
           (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) ||
           (c >= 0xE0100 && c <= 0xE01EF) || c == 0x200C;
}

static bool is_regional(int32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

size_t utf8_grapheme_end(const char *s, size_t n, size_t i)
{
    int32_t first, c;
    size_t j = i + utf8_decode(s, n, i, &first);
    if (first == '\r' && j < n && s[j] == '\n') return j + 1;
    if (first < 0 || first == '\r' || first == '\n') return j;
    if (is_regional(first) && j < n) {
        size_t k = utf8_decode(s, n, j, &c);
        if (is_regional(c)) j += k;
    }
    while (j < n) {
        size_t k = utf8_decode(s, n, j, &c);
        if (is_extend(c)) {
            j += k;
        } else if (c == 0x200D) {
            j += k;
            if (j < n) j += utf8_decode(s, n, j, &c);
        } else {
            break;
        }
    }
    return j;
}

size_t utf8_grapheme_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        /* fast path: ASCII followed by ASCII is a whole grapheme (except \r\n) */
        if ((unsigned char)s[i] < 0x80 && (i + 1 == n || ((unsigned char)s[i + 1] < 0x80 && s[i] != '\r'))) i++;
        else i = utf8_grapheme_end(s, n, i);
    }
    return count;
}

size_t utf8_grapheme_offset(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    for (; i < n && k > 0; k--) i = utf8_grapheme_end(s, n, i);
    return i;
}

bool utf8_is_break_space(int32_t c)
{
    return (c >= 9 && c <= 13) || c == ' ' || c == 0x85 || c == 0x1680 || (c >= 0x2000 && c <= 0x2006) ||
           (c >= 0x2008 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x205F || c == 0x3000;
}

bool utf8_is_space(int32_t c)
{
    return utf8_is_break_space(c) || c == 0xA0 || c == 0x2007 || c == 0x202F;
}

/* Ranges where upper- and lower-case letters alternate (upper first when `upper_even`). */
typedef struct CaseRun {
    int32_t lo, hi;
    bool upper_even;
} CaseRun;

static const CaseRun alternating[] = {
    {0x100, 0x137, true}, {0x139, 0x148, false}, {0x14A, 0x177, true}, {0x179, 0x17E, false},
    {0x460, 0x481, true}, {0x48A, 0x4BF, true}, {0x4D0, 0x52F, true}, {0x1E00, 0x1E95, true},
    {0x1EA0, 0x1EFF, true},
};

/* Ranges whose lower-case letters sit `delta` code points above the upper-case ones. */
typedef struct CaseShift {
    int32_t lo, hi, delta;
} CaseShift;

static const CaseShift shifted[] = {
    {'A', 'Z', 32}, {0xC0, 0xD6, 32}, {0xD8, 0xDE, 32}, {0x391, 0x3A1, 32}, {0x3A3, 0x3AB, 32},
    {0x388, 0x38A, 37}, {0x386, 0x386, 38}, {0x38C, 0x38C, 64}, {0x38E, 0x38F, 63},
    {0x410, 0x42F, 32}, {0x400, 0x40F, 80}, {0x531, 0x556, 48}, {0xFF21, 0xFF3A, 32},
};

static int32_t lower1(int32_t c)
{
    for (size_t i = 0; i < sizeof shifted / sizeof *shifted; i++)
        if (c >= shifted[i].lo && c <= shifted[i].hi) return c + shifted[i].delta;
    for (size_t i = 0; i < sizeof alternating / sizeof *alternating; i++)
        if (c >= alternating[i].lo && c <= alternating[i].hi)
            return ((c - alternating[i].lo) % 2 == 0) == alternating[i].upper_even ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if (c == 0x1C4 || c == 0x1C5) return 0x1C6;
    if (c == 0x1C7 || c == 0x1C8) return 0x1C9;
    if (c == 0x1CA || c == 0x1CB) return 0x1CC;
    if (c == 0x1F1 || c == 0x1F2) return 0x1F3;
    return c;
}

int utf8_lower(int32_t c, int32_t out[2])
{
    if (c == 0x130) return out[0] = 'i', out[1] = 0x307, 2;
    out[0] = lower1(c);
    return 1;
}

static int32_t upper1(int32_t c)
{
    if (c == 0x131) return 'I';
    for (size_t i = 0; i < sizeof shifted / sizeof *shifted; i++)
        if (c >= shifted[i].lo + shifted[i].delta && c <= shifted[i].hi + shifted[i].delta) return c - shifted[i].delta;
    for (size_t i = 0; i < sizeof alternating / sizeof *alternating; i++)
        if (c >= alternating[i].lo && c <= alternating[i].hi)
            return ((c - alternating[i].lo) % 2 == 0) == alternating[i].upper_even ? c : c - 1;
    switch (c) {
    case 0xFF: return 0x178;
    case 0xB5: return 0x39C;
    case 0x17F: return 'S';
    case 0x3C2: return 0x3A3;
    case 0x1C5: case 0x1C6: return 0x1C4;
    case 0x1C8: case 0x1C9: return 0x1C7;
    case 0x1CB: case 0x1CC: return 0x1CA;
    case 0x1F2: case 0x1F3: return 0x1F1;
    default: return c;
    }
}

int utf8_upper(int32_t c, int32_t out[2])
{
    if (c == 0xDF) return out[0] = 'S', out[1] = 'S', 2;
    out[0] = upper1(c);
    return 1;
}

int utf8_title(int32_t c, int32_t out[2])
{
    if (c == 0xDF) return out[0] = 'S', out[1] = 's', 2;
    if (c >= 0x1C4 && c <= 0x1CC) return out[0] = 0x1C5 + 3 * ((c - 0x1C4) / 3), 1;
    if (c >= 0x1F1 && c <= 0x1F3) return out[0] = 0x1F2, 1;
    return utf8_upper(c, out);
}
