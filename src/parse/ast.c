/* ast.c: the AstArena (a chunked bump allocator) and the small node helpers of ast.h.
 *
 * Owns: every node, kids array and string of one parse. Nothing is freed one by one; the
 * whole arena goes at once. Invariant: a kids array has room for the next power of two
 * at or above nkids (at least 4), so ast_push needs no capacity field in the node.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "parse/ast.h"

enum { CHUNK_MIN = 16 * 1024, ALIGN = 8 };

/* Past CHUNK_MAP_AT bytes of chunks, an arena takes whole 2 MB chunks straight from mmap,
 * aligned and marked for transparent huge pages: the AST of a large program is tens of MB
 * written once, and a page fault per 4 KB was a third of the time `--check` took on 1 MB. */
#define HUGE_CHUNK ((size_t)2 << 20)
#define CHUNK_MAP_AT ((size_t)2 << 20)

typedef struct Chunk {
    struct Chunk *next;
    size_t size, used;
    int mapped; /* from mmap (HUGE_CHUNK bytes including this header), else from malloc */
    _Alignas(16) unsigned char data[];
} Chunk;

struct AstArena {
    Chunk *head;
    size_t next_size; /* grows so a large parse needs few chunks */
    size_t total;     /* bytes of chunks so far */
};

AstArena *ast_arena_new(void)
{
    AstArena *a = calloc(1, sizeof *a);
    if (a) a->next_size = CHUNK_MIN;
    return a;
}

void ast_arena_free(AstArena *arena)
{
    if (!arena) return;
    for (Chunk *c = arena->head, *next; c; c = next) {
        next = c->next;
        if (c->mapped) munmap(c, HUGE_CHUNK);
        else free(c);
    }
    free(arena);
}

/* A 2 MB chunk aligned to 2 MB from mmap, or NULL. */
static Chunk *huge_chunk(void)
{
    char *p = mmap(NULL, 2 * HUGE_CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    size_t skew = (size_t)((uintptr_t)p & (HUGE_CHUNK - 1)), lead = skew ? HUGE_CHUNK - skew : 0;
    if (lead) munmap(p, lead);
    munmap(p + lead + HUGE_CHUNK, HUGE_CHUNK - lead);
    Chunk *c = (Chunk *)(void *)(p + lead);
    madvise(c, HUGE_CHUNK, MADV_HUGEPAGE);
    c->size = HUGE_CHUNK - sizeof *c;
    c->mapped = 1;
    return c;
}

/* Returns `size` bytes aligned to ALIGN, or NULL when out of memory. */
static void *arena_alloc(AstArena *arena, size_t size)
{
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    Chunk *c = arena->head;
    if (!c || c->size - c->used < size) {
        c = NULL;
        if (arena->total >= CHUNK_MAP_AT && size <= HUGE_CHUNK - sizeof *c) c = huge_chunk();
        if (!c) {
            size_t want = arena->next_size;
            while (want < size) want *= 2;
            c = malloc(sizeof *c + want);
            if (!c) return NULL;
            c->size = want;
            c->mapped = 0;
            if (arena->next_size < 1024 * 1024) arena->next_size *= 2;
        }
        c->used = 0;
        c->next = arena->head;
        arena->head = c;
        arena->total += c->size;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

AstNode *ast_node(AstArena *arena, AstKind kind, uint32_t line, uint32_t col)
{
    AstNode *n = arena_alloc(arena, sizeof *n);
    if (!n) return NULL;
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->line = line;
    n->col = col;
    return n;
}

char *ast_strndup(AstArena *arena, const char *s, size_t len)
{
    char *p = arena_alloc(arena, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

/* Capacity implied by a count: the next power of two at or above n, at least 4. */
static uint32_t implied_cap(uint32_t n)
{
    uint32_t cap = 4;
    while (cap < n) cap *= 2;
    return cap;
}

int ast_push(AstArena *arena, AstNode *node, AstNode *kid)
{
    uint32_t n = node->nkids;
    if (n == 0 || (n >= 4 && implied_cap(n) == n)) {
        if (n == UINT32_MAX / 2) return -1;
        AstNode **grown = arena_alloc(arena, sizeof *grown * implied_cap(n + 1));
        if (!grown) return -1;
        if (n) memcpy(grown, node->kids, sizeof *grown * n);
        node->kids = grown;
    }
    node->kids[node->nkids++] = kid;
    return 0;
}

const char *ast_kind_name(AstKind kind)
{
    static const char *const names[] = {
        [AST_INT] = "int",         [AST_FLOAT] = "float",
        [AST_ATOM] = "atom",       [AST_STRING] = "string",
        [AST_INTERP] = "interp",   [AST_VAR] = "var",
        [AST_ALIAS] = "alias",     [AST_TUPLE] = "tuple",
        [AST_LIST] = "list",       [AST_MAP] = "map",
        [AST_STRUCT] = "struct",   [AST_PAIR] = "pair",
        [AST_BINOP] = "binop",     [AST_UNOP] = "unop",
        [AST_CALL] = "call",       [AST_REMOTE] = "remote",
        [AST_DOT] = "dot",         [AST_APPLY] = "apply",
        [AST_FN] = "fn",           [AST_CLAUSE] = "clause",
        [AST_BLOCK] = "block",     [AST_CAPTURE] = "capture",
        [AST_CAPTURE_ARG] = "capture_arg", [AST_FUNREF] = "funref",
        [AST_MODULE] = "module",   [AST_DEF] = "def",
        [AST_ATTR] = "attr",       [AST_IF] = "if",
        [AST_CASE] = "case",       [AST_COND] = "cond",
        [AST_RECEIVE] = "receive", [AST_TRY] = "try",
        [AST_FOR] = "for",         [AST_WITH] = "with",
        [AST_GENERATOR] = "generator",
    };
    if ((unsigned)kind < sizeof names / sizeof names[0] && names[kind]) return names[kind];
    return "?";
}
