/* eval_info.c: the texts of i/1 and runtime_info/0 (eval.h), laid out as IEx.Helpers prints
 * them: a heading line, then its value indented by two spaces. ember has no protocols; the
 * "Implemented protocols" lines name those Elixir implements for the same data type. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/utf8.h"
#include "rt/runtime.h"
#include "shell/eval.h"
#include "value/atom.h"
#include "value/map.h"
#include "value/strbuf.h"
#include "vm/module.h"
#include "vm/vminspect.h"

static void section(StrBuf *sb, const char *title, const char *text)
{
    strbuf_printf(sb, "%s\n  %s\n", title, text);
}

/* Elixir's String.printable?/1 for one code point. */
static bool printable(int32_t cp)
{
    if (cp >= 0x20 && cp < 0x80)
        return true;
    if (cp >= 0xa0)
        return cp < 0xd800 || (cp > 0xdfff && cp < 0xfffe) || (cp > 0xffff && cp <= 0x10ffff);
    return cp == '\n' || cp == '\r' || cp == '\t' || cp == '\v' || cp == '\b' || cp == '\f' ||
           cp == '\033' || cp == '\a';
}

static void raw_bytes(StrBuf *sb, const char *s, size_t n)
{
    strbuf_puts(sb, "<<");
    for (size_t i = 0; i < n; i++)
        strbuf_printf(sb, "%s%u", i ? ", " : "", (unsigned char)s[i]);
    strbuf_puts(sb, ">>");
}

static void binary_info(StrBuf *sb, Value v)
{
    size_t n = val_binary_len(v);
    const char *s = val_binary_bytes(v);
    section(sb, "Data type", "BitString");
    strbuf_printf(sb, "Byte size\n  %zu\n", n);
    size_t i = 0, len = 0;
    int32_t cp = 0;
    for (; i < n; i += len) {
        len = utf8_decode(s, n, i, &cp);
        if (cp < 0 || !printable(cp))
            break;
    }
    if (i == n) {
        strbuf_puts(sb, "Description\n  This is a string: a UTF-8 encoded binary. It's printed surrounded by\n"
                        "  \"double quotes\" because all UTF-8 encoded code points in it are printable.\n"
                        "Raw representation\n  ");
        raw_bytes(sb, s, n);
        strbuf_puts(sb, "\n");
        section(sb, "Reference modules", "String, :binary");
    } else if (cp < 0) {
        strbuf_puts(sb, "Description\n  This is a binary: a collection of bytes. It's printed with the `<<>>`\n"
                        "  syntax (as opposed to double quotes) because it is not a UTF-8 encoded\n"
                        "  binary (the first invalid byte being `");
        raw_bytes(sb, s + i, 1);
        strbuf_puts(sb, "`)\n");
        section(sb, "Reference modules", ":binary");
    } else {
        strbuf_puts(sb, "Description\n  This is a string: a UTF-8 encoded binary. It's printed with the `<<>>`\n"
                        "  syntax (as opposed to double quotes) because it contains non-printable\n"
                        "  UTF-8 encoded code points (the first non-printable code point being\n  `");
        raw_bytes(sb, s + i, len);
        strbuf_puts(sb, "`).\n");
        section(sb, "Reference modules", "String, :binary");
    }
    section(sb, "Implemented protocols", "Collectable, IEx.Info, Inspect, List.Chars, String.Chars");
}

static void atom_info(StrBuf *sb, Value v)
{
    const char *name = atom_name(val_atom_index(v));
    section(sb, "Data type", "Atom");
    bool is_module = strncmp(name, "Elixir.", 7) == 0;
    if (is_module && module_exists(v)) {
        strbuf_printf(sb, "Description\n  Use h(%s) to access its documentation.\n", name + 7);
    }
    if (is_module) {
        strbuf_puts(sb, "Raw representation\n  ");
        StrBuf raw = {0};
        strbuf_puts(&raw, ":\"");
        strbuf_puts(&raw, name);
        strbuf_puts(&raw, "\"\n");
        strbuf_puts(sb, strbuf_cstr(&raw));
        strbuf_free(&raw);
    }
    section(sb, "Reference modules", is_module && module_exists(v) ? "Module, Atom" : "Atom");
    section(sb, "Implemented protocols", "IEx.Info, Inspect, List.Chars, String.Chars");
}

static void fun_info(StrBuf *sb, Value v)
{
    const FunHead *h = val_fun_info(v);
    section(sb, "Data type", "Function");
    bool external = h->index == FUN_INDEX_EXTERNAL;
    section(sb, "Type", external ? "external" : "local");
    strbuf_printf(sb, "Arity\n  %u\n", h->arity);
    if (!external)
        section(sb, "Description", "This is an anonymous function.");
    section(sb, "Implemented protocols", "Enumerable, IEx.Info, Inspect");
}

static void struct_info(StrBuf *sb, Value name)
{
    StrBuf n = {0};
    vm_inspect(&n, name);
    section(sb, "Data type", strbuf_cstr(&n));
    strbuf_puts(sb, "Description\n  This is a struct. Structs are maps with a __struct__ key.\n");
    strbuf_printf(sb, "Reference modules\n  %s, Map\n", strbuf_cstr(&n));
    bool range = name == val_atom_cstr("Elixir.Range"), set = name == val_atom_cstr("Elixir.MapSet");
    section(sb, "Implemented protocols", range ? "Enumerable, IEx.Info, Inspect"
                                         : set ? "Collectable, Enumerable, IEx.Info, Inspect"
                                               : "IEx.Info, Inspect");
    strbuf_free(&n);
}

/* `info` is Process.info(pid, [:registered_name, :links, :message_queue_len]), or nil. */
static void pid_info(StrBuf *sb, Value info)
{
    section(sb, "Data type", "PID");
    section(sb, "Alive", info == ATOM_NIL ? "false" : "true");
    Value vals[3] = {THE_NON_VALUE, THE_NON_VALUE, THE_NON_VALUE};
    for (int i = 0; i < 3 && val_is_cons(info); i++, info = val_tail(info)) {
        Value kv = val_head(info);
        if (val_is_tuple(kv) && val_tuple_arity(kv) == 2)
            vals[i] = val_tuple_elems(kv)[1];
    }
    if (vals[0] != THE_NON_VALUE) {
        strbuf_puts(sb, "Name\n  ");
        if (vals[0] == VAL_NIL)
            strbuf_puts(sb, "not registered");
        else
            vm_inspect(sb, vals[0]);
        strbuf_puts(sb, "\nLinks\n  ");
        if (vals[1] == VAL_NIL)
            strbuf_puts(sb, "none");
        for (Value l = vals[1]; val_is_cons(l); l = val_tail(l)) {
            vm_inspect(sb, val_head(l));
            if (val_is_cons(val_tail(l)))
                strbuf_puts(sb, ", ");
        }
        strbuf_puts(sb, "\nMessage queue length\n  ");
        vm_inspect(sb, vals[2]);
        strbuf_putc(sb, '\n');
    }
    section(sb, "Description", "Use Process.info/1 to get more info about this process");
    section(sb, "Reference modules", "Process, Node");
    section(sb, "Implemented protocols", "IEx.Info, Inspect");
}

void shell_term_info(StrBuf *sb, Value v, Value extra)
{
    strbuf_puts(sb, "Term\n  ");
    InspectOpts o = vm_inspect_opts(&INSPECT_PRETTY);
    inspect_append(sb, v, &o);
    strbuf_putc(sb, '\n');
    const char *scalar = "IEx.Info, Inspect, List.Chars, String.Chars";
    if (val_is_int(v)) {
        section(sb, "Data type", "Integer");
        section(sb, "Reference modules", "Integer");
        section(sb, "Implemented protocols", scalar);
    } else if (val_is_float(v)) {
        section(sb, "Data type", "Float");
        section(sb, "Reference modules", "Float");
        section(sb, "Implemented protocols", scalar);
    } else if (val_is_atom(v)) {
        atom_info(sb, v);
    } else if (val_is_binary(v)) {
        binary_info(sb, v);
    } else if (val_is_list(v)) {
        section(sb, "Data type", "List");
        section(sb, "Reference modules", "List");
        section(sb, "Implemented protocols",
                "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars");
    } else if (val_is_tuple(v)) {
        section(sb, "Data type", "Tuple");
        section(sb, "Reference modules", "Tuple");
        section(sb, "Implemented protocols", "IEx.Info, Inspect");
    } else if (val_is_map(v) && map_struct_name(v) != THE_NON_VALUE) {
        struct_info(sb, map_struct_name(v));
    } else if (val_is_map(v)) {
        section(sb, "Data type", "Map");
        section(sb, "Reference modules", "Map");
        section(sb, "Implemented protocols", "Collectable, Enumerable, IEx.Info, Inspect");
    } else if (val_is_pid(v)) {
        pid_info(sb, extra);
    } else if (val_is_fun(v)) {
        fun_info(sb, v);
    } else if (val_is_ref(v)) {
        section(sb, "Data type", "Reference");
        section(sb, "Implemented protocols", "IEx.Info, Inspect");
    }
}

static long rss_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL)
        return 0;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = 0;
    fclose(f);
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static time_t started;

void shell_runtime_started(void) { started = time(NULL); }

void shell_runtime_info(StrBuf *sb)
{
    Runtime *rt = rt_get();
    uint32_t threads = rt ? rt->sched.nworkers : 0;
    uint32_t procs = rt ? pidtab_count(&rt->pids) : 0, max = rt ? rt->pids.max : 0;
    uint32_t atoms = atom_count();
    long kb = rss_kb();
    strbuf_puts(sb, "\n## System and architecture\n\n");
    strbuf_puts(sb, "Ember version:      0.1.0\n");
    strbuf_printf(sb, "Schedulers:         %u\n", threads);
    strbuf_printf(sb, "Schedulers online:  %u\n", threads);
    strbuf_puts(sb, "\n## Memory\n\n");
    if (kb >= 10240)
        strbuf_printf(sb, "Total:              %ld MB\n", kb / 1024);
    else
        strbuf_printf(sb, "Total:              %ld KB\n", kb);
    strbuf_puts(sb, "\n## Statistics / limits\n\n");
    strbuf_printf(sb, "Uptime:             %ld seconds\n", (long)(time(NULL) - started));
    strbuf_printf(sb, "Atoms:              %u / %u (%u%% used)\n", atoms, ATOM_LIMIT,
                  (unsigned)((uint64_t)atoms * 100 / ATOM_LIMIT));
    strbuf_printf(sb, "Processes:          %u / %u (%u%% used)\n\n", procs, max,
                  max ? (unsigned)((uint64_t)procs * 100 / max) : 0);
}
