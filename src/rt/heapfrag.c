/* heapfrag.c: flat copies (heapfrag.h): a tree copy with the Cheney engine, which needs no
 * work stack, into a block the caller sized with val_flat_size. */
#include "rt/heapfrag.h"

#include "rt/cheney.h"

Value flat_copy(Value v, Value *dst, size_t words)
{
    return cheney_copy_tree(v, dst, words);
}

Value flat_copy_to_arena(Arena *a, Value v, size_t words)
{
    Value *dst = NULL;
    if (words != 0 && (dst = arena_alloc(a, words)) == NULL)
        return THE_NON_VALUE;
    return flat_copy(v, dst, words);
}
