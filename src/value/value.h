/* value.h: the one place ember's value representation is defined (DESIGN §3).
 *
 * A Value is one 64-bit word. Immediates need no memory; everything else points into the heap
 * (Arena) of the process that owns it, and no pointer ever crosses from one process's memory
 * into another's. Bit layout, low bits first:
 *
 *   ...............................1   small integer: 63-bit two's complement in bits 1..63
 *   ............................000    boxed: pointer to a heap object whose first word is a header
 *   ............................010    cons: pointer to two words {head, tail}
 *   .........................000100    atom: index into the global atom table in bits 6..63
 *   .........................001100    [] (the empty list)
 *   .........................010100    local pid: index in bits 6..33, serial in bits 34..63
 *   .........................111100    THE_NON_VALUE: "no value" (an exception is pending, a slot
 *                                      is empty); never visible to ember code
 *   ............................110    reserved (remote pids are boxed, DESIGN §7)
 *
 * Heap object header word: bits 0..5 the type (HDR_*), bits 6..63 the payload size in words
 * (not counting the header). Objects are 8-byte aligned. Integers outside 63 bits are boxed
 * (HDR_INT); arithmetic past 64 bits raises ArithmeticError (ember has no bignums).
 * Strings are binaries (UTF-8 bytes). Structs and exceptions are maps with a :__struct__ key,
 * as in Elixir. Accessors here are static inline with no checks: callers test the type first.
 */
#ifndef EMBER_VALUE_H
#define EMBER_VALUE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

/* ---- tags ---- */
#define VAL_TAG_MASK   UINT64_C(7)
#define VAL_TAG_BOXED  UINT64_C(0)
#define VAL_TAG_CONS   UINT64_C(2)
#define VAL_TAG_IMM    UINT64_C(4)
#define VAL_IMM_MASK   UINT64_C(63)
#define VAL_IMM_ATOM   UINT64_C(4)   /* 000100 */
#define VAL_IMM_NIL    UINT64_C(12)  /* 001100 */
#define VAL_IMM_PID    UINT64_C(20)  /* 010100 */
#define VAL_IMM_NONE   UINT64_C(60)  /* 111100 */

#define VAL_NIL        VAL_IMM_NIL   /* [] */
#define THE_NON_VALUE  VAL_IMM_NONE

/* Small integers hold 63 bits. */
#define SMALL_INT_MAX  (INT64_MAX >> 1)
#define SMALL_INT_MIN  (INT64_MIN >> 1)

/* ---- heap object types (header bits 0..5) ---- */
typedef enum HeapType {
    HDR_TUPLE = 1,   /* payload: arity elements                                         */
    HDR_INT,         /* payload: 1 word, int64 outside the small-integer range          */
    HDR_FLOAT,       /* payload: 1 word, double                                         */
    HDR_BINARY,      /* payload: word 0 = byte length, then the bytes (NUL-padded)      */
    HDR_MAP,         /* payload: see map.h (sorted keys for small maps)                 */
    HDR_FUN,         /* payload: see fun layout below                                   */
    HDR_REF,         /* payload: 1 word, the reference number                           */
    HDR_FORWARD      /* GC only: word 1 holds the new address                           */
} HeapType;

static inline uint64_t hdr_make(HeapType type, uint64_t words) { return (words << 6) | (uint64_t)type; }
static inline HeapType hdr_type(uint64_t h) { return (HeapType)(h & 63); }
static inline uint64_t hdr_size(uint64_t h) { return h >> 6; }

/* Index of the first payload word holding a Value in a boxed object with header `h`: tuples
 * and maps hold Values throughout, a fun after its code pointer, other
 * types none (hdr_size(h) + 1: past the end). What the collector, the message copy and
 * val_flat_size scan. */
static inline size_t hdr_first_value(uint64_t h)
{
    switch (hdr_type(h)) {
    case HDR_TUPLE:
    case HDR_MAP:
        return 1;
    case HDR_FUN:
        return 2;
    default:
        return hdr_size(h) + 1; /* raw payload */
    }
}

/* ---- predicates ---- */
static inline bool val_is_small(Value v) { return (v & 1) != 0; }
static inline bool val_is_boxed(Value v) { return (v & VAL_TAG_MASK) == VAL_TAG_BOXED; }
static inline bool val_is_cons(Value v) { return (v & VAL_TAG_MASK) == VAL_TAG_CONS; }
/* Whether `v` points to another object: a cons cell, or a boxed object other than NULL (an
 * immediate, which a copy of a term takes as it is, does not). */
static inline bool val_points(Value v) { return val_is_cons(v) || (val_is_boxed(v) && v != 0); }
static inline bool val_is_atom(Value v) { return (v & VAL_IMM_MASK) == VAL_IMM_ATOM; }
static inline bool val_is_nil(Value v) { return v == VAL_NIL; }
static inline bool val_is_list(Value v) { return val_is_cons(v) || v == VAL_NIL; }
static inline bool val_is_pid(Value v) { return (v & VAL_IMM_MASK) == VAL_IMM_PID; }
static inline bool val_is_none(Value v) { return v == THE_NON_VALUE; }

static inline uint64_t *val_box_ptr(Value v) { return (uint64_t *)(uintptr_t)v; }
static inline HeapType val_box_type(Value v) { return hdr_type(val_box_ptr(v)[0]); }
static inline bool val_is_type(Value v, HeapType t) { return val_is_boxed(v) && val_box_type(v) == t; }
static inline bool val_is_tuple(Value v) { return val_is_type(v, HDR_TUPLE); }
static inline bool val_is_float(Value v) { return val_is_type(v, HDR_FLOAT); }
static inline bool val_is_bigint(Value v) { return val_is_type(v, HDR_INT); }
static inline bool val_is_int(Value v) { return val_is_small(v) || val_is_bigint(v); }
static inline bool val_is_number(Value v) { return val_is_int(v) || val_is_float(v); }
static inline bool val_is_binary(Value v) { return val_is_type(v, HDR_BINARY); }
static inline bool val_is_map(Value v) { return val_is_type(v, HDR_MAP); }
static inline bool val_is_fun(Value v) { return val_is_type(v, HDR_FUN); }
static inline bool val_is_ref(Value v) { return val_is_type(v, HDR_REF); }

/* ---- immediates ---- */
static inline Value val_small(int64_t i) { return ((uint64_t)i << 1) | 1; }
static inline int64_t val_small_get(Value v) { return (int64_t)v >> 1; }
static inline Value val_atom(uint32_t index) { return ((uint64_t)index << 6) | VAL_IMM_ATOM; }
static inline uint32_t val_atom_index(Value v) { return (uint32_t)(v >> 6); }
/* Local pid: index (28 bits) into the pid table and a serial (30 bits) that tells a dead
 * process's pid from a new one in the same slot. */
static inline Value val_pid(uint32_t index, uint32_t serial)
{
    return ((uint64_t)(serial & 0x3fffffff) << 34) | ((uint64_t)(index & 0x0fffffff) << 6) | VAL_IMM_PID;
}
static inline uint32_t val_pid_index(Value v) { return (uint32_t)((v >> 6) & 0x0fffffff); }
static inline uint32_t val_pid_serial(Value v) { return (uint32_t)(v >> 34); }

/* ---- cons cells: two words {head, tail} ---- */
static inline Value *val_cons_ptr(Value v) { return (Value *)(uintptr_t)(v & ~VAL_TAG_MASK); }
static inline Value val_head(Value v) { return val_cons_ptr(v)[0]; }
static inline Value val_tail(Value v) { return val_cons_ptr(v)[1]; }
static inline Value val_cons_from(Value *cell) { return (Value)(uintptr_t)cell | VAL_TAG_CONS; }

/* ---- boxed objects ---- */
static inline Value val_box_from(uint64_t *obj) { return (Value)(uintptr_t)obj; }
static inline uint32_t val_tuple_arity(Value v) { return (uint32_t)hdr_size(val_box_ptr(v)[0]); }
static inline Value *val_tuple_elems(Value v) { return (Value *)val_box_ptr(v) + 1; }
static inline double val_float_get(Value v) { double d; memcpy(&d, val_box_ptr(v) + 1, sizeof d); return d; }
static inline int64_t val_bigint_get(Value v) { return (int64_t)val_box_ptr(v)[1]; }
/* Any integer as int64 (small or boxed). */
static inline int64_t val_int_get(Value v) { return val_is_small(v) ? val_small_get(v) : val_bigint_get(v); }
static inline size_t val_binary_len(Value v) { return (size_t)val_box_ptr(v)[1]; }
static inline const char *val_binary_bytes(Value v) { return (const char *)(val_box_ptr(v) + 2); }

/* What inspect and the error messages need to know of a compiled fun. The compiler's own
 * descriptor (src/vm) starts with a FunHead, so a FunHead* may be cast back to it there. */
typedef struct FunHead {
    uint32_t arity;      /* parameters of the fun */
    uint32_t index;      /* n-th fun in its module, for #Function<index.uniq/arity in Mod.f/a> */
    uint32_t uniq;
    uint32_t def_arity;  /* arity of the enclosing function */
    Value module;        /* atom, e.g. Elixir.KV, or :elixir_eval for the top level */
    Value def_name;      /* atom: the enclosing function's name */
} FunHead;

/* Two FunHead conventions inspect knows (added by the value layer; the layout is unchanged):
 * - index == FUN_INDEX_EXTERNAL: a capture of a named function, &Mod.fun/arity (no free
 *   variables): inspected as `&Mod.fun/arity` from module, def_name and arity.
 * - def_name == ATOM_NIL: a fun at the top level of a script, outside any def; `module` is
 *   then an atom holding the script's path as given (e.g. "hello.exs"): inspected as
 *   Elixir 1.14 does, `#Function<index.uniq in file:hello.exs>`. */
#define FUN_INDEX_EXTERNAL UINT32_MAX

/* Fun layout: header (HDR_FUN, 1 + nfree), word 1 = const FunHead * (compiled code, never
 * freed), then the captured values (as many as the header's size says, less the code word). */
static inline const FunHead *val_fun_info(Value v) { return (const FunHead *)(uintptr_t)val_box_ptr(v)[1]; }
static inline uint64_t val_fun_nfree(Value v) { return hdr_size(val_box_ptr(v)[0]) - 1; }
static inline Value *val_fun_free(Value v) { return (Value *)val_box_ptr(v) + 2; }

/* ---- atoms ---- */
static inline bool val_truthy(Value v); /* below, needs the fixed atoms */
#include "value/atom.h"
static inline Value val_bool(bool b) { return b ? ATOM_TRUE : ATOM_FALSE; }
/* Elixir truthiness: everything but nil and false. */
static inline bool val_truthy(Value v) { return v != ATOM_NIL && v != ATOM_FALSE; }

/* ---- more accessors (added by the value layer; same layout as above) ---- */
/* Reference: payload word 1 is the reference number (unique in this run). */
static inline uint64_t val_ref_get(Value v) { return val_box_ptr(v)[1]; }
/* Writable bytes of a binary the caller just made (val_make_binary_uninit) and still fills. */
static inline char *val_binary_mut(Value v) { return (char *)(val_box_ptr(v) + 2); }
/* Words a binary of `len` bytes takes, header included. */
static inline size_t val_binary_words(size_t len) { return 2 + (len + 7) / 8; }

/* Functions whose result must be checked (a status or a Value that may be THE_NON_VALUE). */
#ifndef MUST_CHECK
#define MUST_CHECK __attribute__((warn_unused_result))
#endif

/* ---- constructors (value.c) ----
 * Each allocates in `a` (the owning process's heap, rt/arena.h) and returns the new value, or
 * THE_NON_VALUE if memory ran out. None of them collects or moves anything. */
typedef struct Arena Arena;

/* An integer: small (immediate, no memory) when it fits 63 bits, else boxed (2 words). */
Value val_make_int(Arena *a, int64_t i);
/* A float (2 words). Erlang has no NaN or infinities: callers raise ArithmeticError first. */
Value val_make_float(Arena *a, double d);
/* A binary holding a copy of `len` bytes at `bytes` (2 + ceil(len/8) words). */
Value val_make_binary(Arena *a, const char *bytes, size_t len);
/* A binary of `len` bytes for the caller to fill through val_binary_mut (padding is zeroed). */
Value val_make_binary_uninit(Arena *a, size_t len);
/* The empty tuple {}: a shared constant in static memory, in no arena (no memory). */
Value val_empty_tuple(void);
/* A tuple of `arity` elements, all [] for the caller to fill through val_tuple_elems.
 * The empty tuple is a shared constant outside every arena (no memory). */
Value val_make_tuple(Arena *a, uint32_t arity);
/* A tuple holding a copy of the `arity` values at `elems`. */
Value val_make_tuple_from(Arena *a, const Value *elems, uint32_t arity);
/* A cons cell [head | tail] (2 words). */
Value val_make_cons(Arena *a, Value head, Value tail);
/* The list [items[0], ..., items[n-1] | tail] in 2n contiguous words (tail VAL_NIL for a
 * proper list). */
Value val_make_list(Arena *a, const Value *items, size_t n, Value tail);
/* A reference with a fresh number from a global counter (make_ref/0). Thread-safe. */
Value val_make_ref(Arena *a);
/* A reference with the given number (for copying and tests). */
Value val_make_ref_number(Arena *a, uint64_t number);
/* A fun of `info` (compiled code, never freed) with `nfree` captured values, all [], for the
 * caller to fill through val_fun_free. 2 + nfree words. */
Value val_make_fun(Arena *a, const FunHead *info, uint32_t nfree);
/* The atom whose text is `len` bytes at `name` (no memory: atoms are global). THE_NON_VALUE
 * if the atom table is full (BEAM's system_limit). */
Value val_make_atom(const char *name, size_t len);
/* The atom for NUL-terminated `name`, e.g. val_atom_cstr("Elixir.KV"). */
Value val_atom_cstr(const char *name);

/* ---- comparison and hashing (compare.c) ----
 * All walk values with a heap-allocated work stack, never C recursion, so a 1,000,000-element
 * (or 1,000,000-deep) structure is fine. */

/* ==: numbers compare by value (1 == 1.0), inside structures too; map keys compare exactly. */
bool val_equal(Value a, Value b);
/* ===: like == but an integer never equals a float (BEAM's =:=; 0.0 === -0.0 as in OTP 24). */
bool val_exact_equal(Value a, Value b);
/* Erlang term order: <0, 0 or >0. number < atom < reference < fun < port < pid < tuple < map <
 * list < bitstring; ints and floats by value (1 and 1.0 compare 0); tuples by size then
 * elements; maps by size, then keys (exact order) then values in key order; lists
 * lexicographically ([] first); binaries bytewise; atoms by text. */
int val_compare(Value a, Value b);
/* Map key order: term order, except that an integer sorts before every float (so 1 and 1.0
 * differ), at every depth. 0 exactly when val_exact_equal. Maps keep their keys in it. */
int val_compare_exact(Value a, Value b);
/* A hash consistent with ===: val_exact_equal(a, b) implies equal hashes. Stable within a run
 * (atoms hash by index). */
uint64_t val_hash(Value v);

/* ---- size (flat.c) ---- */
/* Words a deep copy of `v` takes (flat_copy in rt/heapfrag.h): shared subterms count once per
 * path, as BEAM's size/1 for messages; 0 for immediates and the empty tuple. */
size_t val_flat_size(Value v);

#endif
