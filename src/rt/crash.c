/* crash.c: exit reasons, crash reports and the main process's end (crash.h). */
#include "rt/crash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "value/map.h"
#include "value/strbuf.h"
#include "vm/error.h"
#include "vm/vm.h"
#include "vm/vminspect.h"

static Value atom(const char *name) { return val_atom_cstr(name); }

/* The message of error `e` of `p` (dead): Elixir's own in C, a user's through the VM. */
static Value error_message(Process *p, Value e)
{
    Value m = exc_builtin_message(p, e);
    if (m != THE_NON_VALUE)
        return m;
    Value mf[2] = {atom("Elixir.Exception"), ATOM_MESSAGE};
    Value fun = val_make_tuple_from(&p->arena, mf, 2);
    Value args = val_make_cons(&p->arena, e, VAL_NIL);
    if (!vm_start_apply(p, fun, args) || vm_run_to_end(p) != VM_DONE)
        return THE_NON_VALUE;
    return val_is_binary(p->result) ? p->result : THE_NON_VALUE;
}

/* "** (Name) message" for `value` raised with `kind` by `p`, malloc'd. Without `blame`, the
 * VM's extra detail (": 1 + :a") is left out, as in Elixir's crash reports. */
static char *banner(Process *p, Value kind, Value value, bool blame)
{
    Value detail = blame ? p->exc_detail : ATOM_NIL;
    Value msg = kind == ATOM_ERROR ? exc_builtin_message(p, value) : ATOM_NIL;
    if (msg != THE_NON_VALUE) {
        p->exc_detail = detail;
        return exc_banner(p, kind, value, msg);
    }
    Value name = val_is_map(value) ? map_struct_name(value) : THE_NON_VALUE;
    msg = error_message(p, value);
    /* The exception value may have moved: report with its name and message only. */
    Value keys[1] = {ATOM_MESSAGE};
    Value shell = name == THE_NON_VALUE ? ATOM_NIL : exc_make(p, name, keys, &msg, 0);
    p->exc_detail = ATOM_NIL;
    return exc_banner(p, kind, shell, msg);
}

/* A throw that nobody caught is reported as the ErlangError {:nocatch, value}. */
static char *nocatch_banner(Value value)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, "** (ErlangError) Erlang error: {:nocatch, ");
    vm_inspect(&sb, value);
    strbuf_puts(&sb, "}");
    char *r = strdup(strbuf_cstr(&sb));
    strbuf_free(&sb);
    return r;
}

Value crash_exit_reason(Process *p)
{
    Value kind = proc_cold(p)->exc_kind, value = proc_cold(p)->exc_value;
    if (kind == ATOM_EXIT_KIND)
        return value;
    if (kind == ATOM_THROW) {
        Value nocatch[2] = {atom("nocatch"), value};
        value = val_make_tuple_from(&p->arena, nocatch, 2);
        if (value == THE_NON_VALUE)
            return atom("nocatch");
    }
    Value stack = proc_cold(p)->exc_stack;
    if (stack == VAL_NIL && proc_cold(p)->exc_code) stack = exc_stacktrace(p, proc_cold(p)->exc_code, proc_cold(p)->exc_pc);
    Value pair[2] = {value, stack == THE_NON_VALUE ? VAL_NIL : stack};
    Value r = val_make_tuple_from(&p->arena, pair, 2);
    return r == THE_NON_VALUE ? value : r;
}

void crash_report(Process *p)
{
    if (proc_cold(p)->exc_kind != ATOM_ERROR && proc_cold(p)->exc_kind != ATOM_THROW)
        return;
    char *b = proc_cold(p)->exc_kind == ATOM_THROW ? nocatch_banner(proc_cold(p)->exc_value)
                                         : banner(p, ATOM_ERROR, proc_cold(p)->exc_value, false);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    Value pid = p->rt.pid;
    fprintf(stderr, "\n%02d:%02d:%02d.%03ld [error] Process #PID<0.%u.%u> raised an exception\n%s\n",
            tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000, val_pid_index(pid),
            val_pid_serial(pid), b ? b : "** (ErlangError) Erlang error");
    free(b);
}

/* "    FILE:LINE: WHERE", the first line of Elixir's stack trace for `p`'s error. */
static void print_location(const Process *p)
{
    const Code *c = proc_cold(p)->exc_code;
    if (!c)
        return;
    fprintf(stderr, "    %s:%u: ", c->file ? c->file : "nofile", code_line(c, proc_cold(p)->exc_pc));
    StrBuf sb = {0};
    if (c->kind == CODE_TOP)
        strbuf_puts(&sb, "(file)");
    else if (c->kind == CODE_INIT)
        strbuf_puts(&sb, "(module)");
    else {
        if (c->kind == CODE_FN)
            strbuf_printf(&sb, "anonymous fn/%u in ", c->head.arity);
        if (c->kind == CODE_FN && c->head.def_name == ATOM_NIL)
            strbuf_puts(&sb, "(file)");
        else {
            vm_inspect(&sb, c->head.module);
            strbuf_putc(&sb, '.');
            const char *f = atom_name(val_atom_index(c->head.def_name));
            strbuf_printf(&sb, "%s/%u", f, c->kind == CODE_FN ? c->head.def_arity : c->head.arity);
        }
    }
    fprintf(stderr, "%s\n", strbuf_cstr(&sb));
    strbuf_free(&sb);
}

/* Elixir shows an arithmetic blame ("1 + :a") only for evaluated script code: in compiled
 * module functions the operator is inlined and nothing names it. */
static bool scripted(const Process *p)
{
    const Code *c = proc_cold(p)->exc_code;
    return c && (c->kind == CODE_TOP || (c->kind == CODE_FN && c->head.def_name == ATOM_NIL));
}

static void format_exit(Process *p, StrBuf *sb, Value reason, int indent);

int crash_main_failed(Process *p)
{
    Value kind = proc_cold(p)->exc_kind, value = proc_cold(p)->exc_value;
    if (kind == ATOM_EXIT_KIND) {
        if (value == ATOM_NORMAL || value == atom("shutdown"))
            return 0;
        if (val_is_tuple(value) && val_tuple_arity(value) == 2 &&
            val_tuple_elems(value)[0] == atom("shutdown")) {
            Value n = val_tuple_elems(value)[1];
            return val_is_small(n) ? (int)(val_small_get(n) & 255) : 0;
        }
    }
    fflush(stdout);
    if (kind == ATOM_EXIT_KIND) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "** (exit) ");
        format_exit(p, &sb, value, 4);
        fprintf(stderr, "%s\n", strbuf_cstr(&sb));
        strbuf_free(&sb);
    } else {
        char *b = banner(p, kind, value, scripted(p) || !val_is_binary(p->exc_detail));
        fprintf(stderr, "%s\n", b ? b : "** (exit) out of memory");
        free(b);
    }
    print_location(p);
    return 1;
}

/* A stack entry {m, f, arity_or_args, location} as Elixir's stack trace lines show it:
 * "file:line: M.f/1", or "M.f/1" without a location. False if `e` is not one. */
static bool format_entry(StrBuf *sb, Value e)
{
    if (!val_is_tuple(e) || val_tuple_arity(e) != 4) return false;
    const Value *t = val_tuple_elems(e);
    if (!val_is_atom(t[0]) || !val_is_atom(t[1])) return false;
    Value file = THE_NON_VALUE, line = THE_NON_VALUE;
    for (Value l = t[3]; val_is_cons(l); l = val_tail(l)) {
        Value kv = val_head(l);
        if (!val_is_tuple(kv) || val_tuple_arity(kv) != 2) continue;
        if (val_tuple_elems(kv)[0] == atom("file")) file = val_tuple_elems(kv)[1];
        if (val_tuple_elems(kv)[0] == atom("line")) line = val_tuple_elems(kv)[1];
    }
    if (val_is_list(file) && file != VAL_NIL) {
        for (Value l = file; val_is_cons(l); l = val_tail(l))
            if (val_is_small(val_head(l))) strbuf_putc(sb, (char)val_small_get(val_head(l)));
        if (val_is_small(line)) strbuf_printf(sb, ":%ld", (long)val_small_get(line));
        strbuf_puts(sb, ": ");
    }
    vm_inspect(sb, t[0]);
    strbuf_printf(sb, ".%s/", atom_name(val_atom_index(t[1])));
    long arity = 0;
    if (val_is_small(t[2])) arity = (long)val_small_get(t[2]);
    else for (Value l = t[2]; val_is_cons(l); l = val_tail(l)) arity++;
    strbuf_printf(sb, "%ld", arity);
    return true;
}

/* Whether `v` looks like a stack trace: a list of stack entries (Elixir requires at least
 * one; ember's own crashes carry [] where it recorded none, reported the same way). */
static bool is_stacktrace(Value v)
{
    if (!val_is_list(v)) return false;
    StrBuf scratch = {0};
    bool ok = true;
    for (Value l = v; ok && val_is_cons(l); l = val_tail(l)) ok = format_entry(&scratch, val_head(l));
    strbuf_free(&scratch);
    return ok;
}

/* "M.f(arg1, arg2)" as Exception.format_mfa/3 with an argument list. */
static void format_mfa(StrBuf *sb, Value m, Value f, Value args)
{
    vm_inspect(sb, m);
    strbuf_printf(sb, ".%s(", atom_name(val_atom_index(f)));
    for (Value l = args; val_is_cons(l); l = val_tail(l)) {
        vm_inspect(sb, val_head(l));
        if (val_is_cons(val_tail(l))) strbuf_puts(sb, ", ");
    }
    strbuf_putc(sb, ')');
}

static const char *plain_exit(Value reason)
{
    return reason == ATOM_KILLED              ? "killed"
           : reason == ATOM_NORMAL            ? "normal"
           : reason == atom("shutdown")       ? "shutdown"
           : reason == atom("timeout")        ? "time out"
           : reason == atom("calling_self")   ? "process attempted to call itself"
           : reason == atom("noconnection")   ? "no connection"
           : reason == ATOM_NOPROC
               ? "no process: the process is not alive or there's no process currently "
                 "associated with the given name, possibly because its application isn't started"
               : NULL;
}

/* "an exception was raised:" then the error's banner and its stack trace, for an exit
 * reason {error, stacktrace}; false (nothing written) if the reason is not of that shape. */
static bool format_raised(Process *p, StrBuf *sb, Value error, Value stack, int indent)
{
    bool nocatch = val_is_tuple(error) && val_tuple_arity(error) == 2 && val_tuple_elems(error)[0] == atom("nocatch");
    bool exception = val_is_map(error) && map_get(error, ATOM_EXCEPTION) == ATOM_TRUE;
    if (!is_stacktrace(stack) || (stack == VAL_NIL && !exception && !nocatch)) return false;
    char *b = nocatch ? nocatch_banner(val_tuple_elems(error)[1])
                      : banner(p, ATOM_ERROR, exc_normalize(p, error, stack), false);
    strbuf_printf(sb, "an exception was raised:\n%*s", indent, "");
    strbuf_puts(sb, b ? b : "** (ErlangError) Erlang error");
    free(b);
    for (Value l = stack; val_is_cons(l); l = val_tail(l)) {
        strbuf_printf(sb, "\n%*s", indent + 4, "");
        format_entry(sb, val_head(l));
    }
    return true;
}

/* Elixir's Exception.format_exit/1: `indent` spaces start each continuation line. */
static void format_exit(Process *p, StrBuf *sb, Value reason, int indent)
{
    const char *plain = plain_exit(reason);
    if (plain != NULL) {
        strbuf_puts(sb, plain);
        return;
    }
    Value *e = val_is_tuple(reason) && val_tuple_arity(reason) == 2 ? val_tuple_elems(reason) : NULL;
    if (e != NULL && (e[0] == atom("shutdown") || e[0] == atom("bad_return_value") || e[0] == atom("nodedown"))) {
        bool shutdown = e[0] == atom("shutdown");
        strbuf_puts(sb, shutdown ? "shutdown: " : e[0] == atom("nodedown") ? "no connection to " : "bad return value: ");
        if (e[0] == atom("nodedown") && val_is_atom(e[1])) strbuf_puts(sb, atom_name(val_atom_index(e[1])));
        else vm_inspect(sb, e[1]);
        return;
    }
    const Value *mfa = e != NULL && val_is_tuple(e[1]) && val_tuple_arity(e[1]) == 3 ? val_tuple_elems(e[1]) : NULL;
    if (mfa != NULL && val_is_atom(mfa[0]) && val_is_atom(mfa[1]) && val_is_list(mfa[2])) {
        strbuf_puts(sb, "exited in: ");
        format_mfa(sb, mfa[0], mfa[1], mfa[2]);
        strbuf_printf(sb, "\n%*s** (EXIT) ", indent, "");
        format_exit(p, sb, e[0], indent + 4);
        return;
    }
    if (e == NULL || !format_raised(p, sb, e[0], e[1], indent)) vm_inspect(sb, reason);
}

int crash_main_killed(Process *p, Value reason)
{
    if (reason == ATOM_NORMAL)
        return 0;
    StrBuf sb = {0};
    strbuf_printf(&sb, "** (EXIT from #PID<0.%u.%u>) ", val_pid_index(p->rt.pid),
                  val_pid_serial(p->rt.pid));
    format_exit(p, &sb, reason, 4);
    fflush(stdout);
    fprintf(stderr, "%s\n\n", strbuf_cstr(&sb));
    strbuf_free(&sb);
    return 1;
}
