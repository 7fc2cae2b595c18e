/* io.c: the IO module: puts/1,2, write/1,2 and inspect/1,2,3 on :stdio and :stderr.
 * Output goes through C stdio (each call one fwrite, so lines from different threads do not
 * interleave within a call). */
#include <stdio.h>

#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"

/* The stream for IO device `dev` (:stdio, :stderr, :standard_error), or NULL. */
static FILE *device(Value dev)
{
    if (dev == val_atom_cstr("stdio")) return stdout;
    if (dev == val_atom_cstr("stderr") || dev == val_atom_cstr("standard_error")) return stderr;
    return NULL;
}

static Value put(Process *p, Value dev, Value item, bool newline)
{
    FILE *out = device(dev);
    if (!out) return err_argument(p, "argument error");
    StrBuf sb = {0};
    if (!lib_chars(p, &sb, item)) return strbuf_free(&sb), THE_NON_VALUE;
    if (newline) strbuf_putc(&sb, '\n');
    fwrite(sb.data, 1, sb.len, out);
    if (out == stderr) fflush(stdout);
    strbuf_free(&sb);
    return ATOM_OK;
}

static Value io_puts(Process *p, const Value *a) { return put(p, val_atom_cstr("stdio"), a[0], true); }
static Value io_puts2(Process *p, const Value *a) { return put(p, a[0], a[1], true); }
static Value io_write(Process *p, const Value *a) { return put(p, val_atom_cstr("stdio"), a[0], false); }
static Value io_write2(Process *p, const Value *a) { return put(p, a[0], a[1], false); }

static Value inspect_to(Process *p, Value dev, Value item, Value opts)
{
    FILE *out = device(dev);
    if (!out || lib_list_length(opts) < 0) return err_argument(p, "argument error");
    Value text = lib_inspect(p, item, opts, true);
    if (text == THE_NON_VALUE) return err_system_limit(p);
    StrBuf sb = {0};
    Value label = lib_kw_get(opts, "label");
    if (label != THE_NON_VALUE) {
        if (!lib_chars(p, &sb, label)) return strbuf_free(&sb), THE_NON_VALUE;
        strbuf_puts(&sb, ": ");
    }
    strbuf_append(&sb, val_binary_bytes(text), val_binary_len(text));
    strbuf_putc(&sb, '\n');
    fwrite(sb.data, 1, sb.len, out);
    strbuf_free(&sb);
    return item;
}

static Value io_inspect(Process *p, const Value *a) { return inspect_to(p, val_atom_cstr("stdio"), a[0], VAL_NIL); }
static Value io_inspect2(Process *p, const Value *a) { return inspect_to(p, val_atom_cstr("stdio"), a[0], a[1]); }
static Value io_inspect3(Process *p, const Value *a) { return inspect_to(p, a[0], a[1], a[2]); }

static const Builtin io_builtins[] = {
    {"puts", 1, io_puts}, {"puts", 2, io_puts2}, {"write", 1, io_write}, {"write", 2, io_write2},
    {"inspect", 1, io_inspect}, {"inspect", 2, io_inspect2}, {"inspect", 3, io_inspect3},
};

void lib_io_init(void)
{
    LIB_REGISTER("Elixir.IO", io_builtins);
}
