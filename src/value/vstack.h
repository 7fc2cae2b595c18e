/* vstack.h: a growable stack of Values for walking values without C recursion (compare,
 * hash, flat size, inspect). Internal to src/value. Starts in an inline buffer, so short walks
 * never malloc. Running out of memory here aborts with a message: these walks cannot fail
 * otherwise, and a stack of a few MB is far below any heap that could hold the values. */
#ifndef EMBER_VSTACK_H
#define EMBER_VSTACK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value/value.h"

#define VSTACK_INLINE 48

typedef struct VStack {
    Value *items;
    size_t len, cap;
    Value buf[VSTACK_INLINE];
} VStack;

static inline void vstack_init(VStack *s)
{
    s->items = s->buf;
    s->len = 0;
    s->cap = VSTACK_INLINE;
}

static inline void vstack_grow(VStack *s)
{
    size_t cap = s->cap * 2;
    Value *items = s->items == s->buf ? malloc(cap * sizeof *items)
                                      : realloc(s->items, cap * sizeof *items);
    if (!items) {
        fputs("ember: out of memory walking a value\n", stderr);
        abort();
    }
    if (s->items == s->buf)
        memcpy(items, s->buf, s->len * sizeof *items);
    s->items = items;
    s->cap = cap;
}

static inline void vstack_push(VStack *s, Value v)
{
    if (s->len == s->cap)
        vstack_grow(s);
    s->items[s->len++] = v;
}

static inline Value vstack_pop(VStack *s)
{
    return s->items[--s->len];
}

static inline void vstack_free(VStack *s)
{
    if (s->items != s->buf)
        free(s->items);
}

#endif
