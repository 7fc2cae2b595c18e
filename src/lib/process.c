/* process.c: processes as ember code sees them: Kernel.self, send, spawn (all six), node and
 * the Process module's builtins (Process.sleep and Process.info/1,2 are in process.ex, on top of
 * __info__/2). Each is a thin layer over the runtime (rt/runtime.h, rt/signal.h) that checks
 * its arguments and raises what Elixir raises. */
#include <stdlib.h>
#include <string.h>

#include "lib/libs.h"
#include "rt/procinfo.h"
#include "rt/runtime.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/vminspect.h"

static Value atom(const char *name) { return val_atom_cstr(name); }

/* ---- Kernel ---- */

static Value process_self(Process *p, const Value *a)
{
    (void)a;
    return p->rt.pid;
}

static Value process_node(Process *p, const Value *a)
{
    (void)p, (void)a;
    return atom("nonode@nohost");
}

static Value process_send(Process *p, const Value *a) { return rt_send(p, a[0], a[1]); }

/* spawn with a fun of no arguments. */
static Value spawn_fun(Process *p, Value fun, unsigned flags)
{
    if (!val_is_fun(fun))
        return err_badarg_at(p, 1, "not a fun");
    Value ref = ATOM_NIL;
    Value pid = rt_spawn(p, fun, VAL_NIL, flags, &ref);
    if (pid == THE_NON_VALUE || !(flags & RT_SPAWN_MONITOR))
        return pid;
    Value pair[2] = {pid, ref};
    return val_make_tuple_from(&p->arena, pair, 2);
}

/* spawn with module, function, arguments. */
static Value spawn_mfa(Process *p, const Value *a, unsigned flags)
{
    if (!val_is_atom(a[0]))
        return err_badarg_at(p, 1, "not an atom");
    if (!val_is_atom(a[1]))
        return err_badarg_at(p, 2, "not an atom");
    if (lib_list_length(a[2]) < 0)
        return err_badarg_at(p, 3, "not a list");
    Value mf[2] = {a[0], a[1]};
    Value fun = val_make_tuple_from(&p->arena, mf, 2);
    Value ref = ATOM_NIL;
    Value pid = fun == THE_NON_VALUE ? err_system_limit(p) : rt_spawn(p, fun, a[2], flags, &ref);
    if (pid == THE_NON_VALUE || !(flags & RT_SPAWN_MONITOR))
        return pid;
    Value pair[2] = {pid, ref};
    return val_make_tuple_from(&p->arena, pair, 2);
}

static Value process_spawn1(Process *p, const Value *a) { return spawn_fun(p, a[0], 0); }
static Value process_spawn3(Process *p, const Value *a) { return spawn_mfa(p, a, 0); }
static Value process_spawn_link1(Process *p, const Value *a)
{
    return spawn_fun(p, a[0], RT_SPAWN_LINK);
}
static Value process_spawn_link3(Process *p, const Value *a)
{
    return spawn_mfa(p, a, RT_SPAWN_LINK);
}
static Value process_spawn_monitor1(Process *p, const Value *a)
{
    return spawn_fun(p, a[0], RT_SPAWN_MONITOR);
}
static Value process_spawn_monitor3(Process *p, const Value *a)
{
    return spawn_mfa(p, a, RT_SPAWN_MONITOR);
}

/* ---- Process: names ---- */

static Value process_alive(Process *p, const Value *a)
{
    if (!val_is_pid(a[0]))
        return err_badarg_at(p, 1, "not a pid");
    return val_bool(pidtab_lookup(&rt_get()->pids, a[0]) != NULL);
}

static Value register_failed(Process *p, Value pid, Value name)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, "could not register ");
    vm_inspect(&sb, pid);
    strbuf_puts(&sb, " with name ");
    vm_inspect(&sb, name);
    strbuf_puts(&sb, " because it is not alive, the name is already taken, or it has already "
                     "been given another name");
    Value r = err_argument(p, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return r;
}

static Value process_register(Process *p, const Value *a)
{
    Value pid = a[0], name = a[1];
    if (!val_is_atom(name) || name == ATOM_NIL || name == ATOM_UNDEFINED) {
        Value args = val_make_list(&p->arena, a, 2, VAL_NIL);
        return err_fclause(p, atom("Elixir.Process"), atom("register"), 2, args);
    }
    ProcRt *r = val_is_pid(pid) ? pidtab_lookup(&rt_get()->pids, pid) : NULL;
    if (r == NULL || registry_register(&rt_get()->reg, val_atom_index(name), r) != REG_OK)
        return register_failed(p, pid, name);
    return ATOM_TRUE;
}

static Value process_unregister(Process *p, const Value *a)
{
    if (!val_is_atom(a[0]) || !registry_unregister(&rt_get()->reg, val_atom_index(a[0])))
        return err_badarg_at(p, 1, "not a pid");
    return ATOM_TRUE;
}

static Value process_whereis(Process *p, const Value *a)
{
    if (!val_is_atom(a[0]))
        return err_badarg_at(p, 1, "not an atom");
    Value pid = registry_whereis(&rt_get()->reg, val_atom_index(a[0]));
    return pid ? pid : ATOM_NIL;
}

static Value process_registered(Process *p, const Value *a)
{
    (void)a;
    Registry *reg = &rt_get()->reg;
    uint32_t fixed[64], *names = fixed;
    uint32_t n = registry_list(reg, fixed, 64);
    while (n > 64 && names == fixed) {
        names = malloc(n * sizeof *names);
        if (names == NULL)
            return err_system_limit(p);
        uint32_t got = registry_list(reg, names, n);
        if (got > n) {
            free(names), names = fixed, n = got; /* grew meanwhile: try again */
        } else
            n = got;
    }
    Value list = VAL_NIL;
    for (uint32_t i = n; i-- > 0 && list != THE_NON_VALUE;)
        list = val_make_cons(&p->arena, val_atom(names[i]), list);
    if (names != fixed)
        free(names);
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

static Value process_list(Process *p, const Value *a)
{
    (void)a;
    PidTab *t = &rt_get()->pids;
    uint32_t n = pidtab_count(t) + 64;
    Value *pids = malloc(n * sizeof *pids);
    if (pids == NULL)
        return err_system_limit(p);
    uint32_t got = pidtab_list(t, pids, n);
    Value list = val_make_list(&p->arena, pids, got < n ? got : n, VAL_NIL);
    free(pids);
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

/* ---- Process: links, monitors, exit signals ---- */

static Value raise_noproc(Process *p)
{
    Value keys[1] = {atom("original")}, vals[1] = {ATOM_NOPROC};
    return raise_error(p, exc_make(p, atom("Elixir.ErlangError"), keys, vals, 1));
}

static Value process_link(Process *p, const Value *a)
{
    if (!val_is_pid(a[0]))
        return err_badarg_at(p, 1, "not a pid");
    switch (signal_link(&rt_get()->env, &p->rt, a[0])) {
    case SIG_OK: return ATOM_TRUE;
    case SIG_NOPROC: return raise_noproc(p);
    case SIG_NO_MEMORY: break;
    }
    return err_system_limit(p);
}

static Value process_unlink(Process *p, const Value *a)
{
    if (!val_is_pid(a[0]))
        return err_badarg_at(p, 1, "not a pid");
    signal_unlink(&rt_get()->env, &p->rt, a[0]);
    return ATOM_TRUE;
}

static Value process_monitor(Process *p, const Value *a)
{
    Value pid = rt_resolve(a[0]);
    if (pid == THE_NON_VALUE)
        return err_badarg_at(p, 2, "not a pid");
    Value name = val_is_pid(a[0]) ? 0 : val_is_atom(a[0]) ? a[0] : val_tuple_elems(a[0])[0];
    Value ref = val_make_ref(&p->arena);
    if (ref == THE_NON_VALUE ||
        signal_monitor(&rt_get()->env, &p->rt, pid, val_ref_get(ref), name) != SIG_OK)
        return err_system_limit(p);
    return ref;
}

static Value demonitor(Process *p, Value ref, Value opts)
{
    if (!val_is_ref(ref))
        return err_badarg_at(p, 1, "not a reference");
    bool flush = false, info = false;
    for (; val_is_cons(opts); opts = val_tail(opts)) {
        flush |= val_head(opts) == ATOM_FLUSH;
        info |= val_head(opts) == atom("info");
    }
    bool active = signal_demonitor(&rt_get()->env, &p->rt, val_ref_get(ref), flush);
    return info ? val_bool(active) : ATOM_TRUE;
}

static Value process_demonitor1(Process *p, const Value *a) { return demonitor(p, a[0], VAL_NIL); }
static Value process_demonitor2(Process *p, const Value *a) { return demonitor(p, a[0], a[1]); }

static Value process_exit(Process *p, const Value *a)
{
    if (!val_is_pid(a[0]))
        return err_badarg_at(p, 1, "not a pid");
    Signal *die = signal_exit(&rt_get()->env, &p->rt, a[0], a[1]);
    if (die != NULL)
        rt_kill_self(p, die);
    return ATOM_TRUE;
}

/* The {:max_heap_size, ...} flag's value as Elixir shows it. */
static Value heap_flag(Process *p, size_t words)
{
    Value keys[3] = {atom("error_logger"), atom("kill"), atom("size")};
    Value vals[3] = {ATOM_TRUE, ATOM_TRUE, val_small((int64_t)words)};
    return map_from_pairs(&p->arena, keys, vals, 3);
}

static Value process_flag(Process *p, const Value *a)
{
    if (a[0] == ATOM_TRAP_EXIT) {
        if (a[1] != ATOM_TRUE && a[1] != ATOM_FALSE)
            return err_badarg_at(p, 2, "invalid value for this process flag");
        return val_bool(signal_trap_exit(&p->rt, a[1] == ATOM_TRUE));
    }
    if (a[0] == atom("message_queue_data")) {
        /* BEAM: :on_heap or :off_heap. ember's queued messages always stay outside the heap
         * until a receive looks at them (HEAP.md), so the flag changes nothing but what it
         * answers next time. */
        Value on = atom("on_heap"), off = atom("off_heap");
        if (a[1] != on && a[1] != off)
            return err_badarg_at(p, 2, "invalid value for this process flag");
        Value old = p->mq_off_heap ? off : on;
        p->mq_off_heap = a[1] == off;
        return old;
    }
    if (a[0] != ATOM_MAX_HEAP_SIZE)
        return err_badarg_at(p, 1, "invalid process flag");
    Value size = val_is_map(a[1]) ? map_get(a[1], atom("size")) : a[1];
    if (!val_is_small(size) || val_small_get(size) < 0)
        return err_badarg_at(p, 2, "invalid value for this process flag");
    Value old = heap_flag(p, p->arena.max_heap_words);
    arena_set_max_heap(&p->arena, (size_t)val_small_get(size));
    return old;
}

/* ---- Process: timers, send ---- */

static Value send_after(Process *p, const Value *a)
{
    if (!val_is_small(a[2]) || val_small_get(a[2]) < 0)
        return err_badarg_at(p, 1, "out of range");
    if (!val_is_pid(a[0]) && !val_is_atom(a[0]))
        return err_badarg_at(p, 2, "invalid destination");
    return rt_send_after(p, a[0], a[1], val_small_get(a[2]));
}

static Value process_send_after3(Process *p, const Value *a) { return send_after(p, a); }
static Value process_send_after4(Process *p, const Value *a) { return send_after(p, a); }

static Value cancel_timer(Process *p, Value ref)
{
    if (!val_is_ref(ref))
        return err_badarg_at(p, 1, "not a reference");
    return rt_cancel_timer(p, ref);
}

static Value process_cancel_timer1(Process *p, const Value *a) { return cancel_timer(p, a[0]); }
static Value process_cancel_timer2(Process *p, const Value *a) { return cancel_timer(p, a[0]); }

static Value process_send3(Process *p, const Value *a)
{
    return rt_send(p, a[0], a[1]) == THE_NON_VALUE ? THE_NON_VALUE : ATOM_OK;
}

/* ---- Process: info and the dictionary ---- */

/* __info__(pid, spec): {:ok, answer} now, or {:wait, ref} for a reply another process sends
 * (process.ex waits for it). */
static Value process_info_request(Process *p, const Value *a)
{
    if (!val_is_pid(a[0]))
        return err_badarg_at(p, 1, "not a pid");
    if (!procinfo_valid(a[1]))
        return err_badarg_at(p, 2, "invalid item or item list");
    Runtime *rt = rt_get();
    ProcRt *r = pidtab_lookup(&rt->pids, a[0]);
    Value answer = ATOM_NIL, tag = atom("ok");
    if (r == &p->rt) {
        rt_drain_self(p); /* what was sent to us so far counts (message_queue_len, messages) */
        answer = procinfo_build(p, &p->arena, a[1], atom("running"));
    } else if (r != NULL) {
        Value spec[2] = {a[1], procinfo_status(r)};
        Value req = val_make_tuple_from(&p->arena, spec, 2);
        answer = val_make_ref(&p->arena);
        Signal *s = answer == THE_NON_VALUE || req == THE_NON_VALUE
                        ? NULL
                        : rt->env.ops.make(rt->env.ctx, SIG_INFO, p->rt.pid, req,
                                           val_ref_get(answer));
        if (s == NULL)
            return err_system_limit(p);
        tag = signal_push(&rt->env, a[0], s) == SIG_OK ? atom("wait") : tag;
        if (tag != atom("wait"))
            answer = ATOM_NIL; /* died meanwhile */
    }
    Value pair[2] = {tag, answer};
    return answer == THE_NON_VALUE ? err_system_limit(p) : val_make_tuple_from(&p->arena, pair, 2);
}

static Value dict_get(Process *p, Value key, Value dflt)
{
    (void)p;
    Value v = val_is_map(proc_cold(p)->dictionary) ? map_get(proc_cold(p)->dictionary, key) : THE_NON_VALUE;
    return v == THE_NON_VALUE ? dflt : v;
}

static Value process_get0(Process *p, const Value *a)
{
    (void)a;
    Value list = VAL_NIL;
    MapIter it;
    Value k, v;
    if (!val_is_map(proc_cold(p)->dictionary))
        return list;
    map_iter_init(&it, proc_cold(p)->dictionary);
    while (list != THE_NON_VALUE && map_iter_next(&it, &k, &v)) {
        Value pair[2] = {k, v};
        Value t = val_make_tuple_from(&p->arena, pair, 2);
        list = t == THE_NON_VALUE ? t : val_make_cons(&p->arena, t, list);
    }
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

static Value process_get1(Process *p, const Value *a) { return dict_get(p, a[0], ATOM_NIL); }
static Value process_get2(Process *p, const Value *a) { return dict_get(p, a[0], a[1]); }

static Value process_put(Process *p, const Value *a)
{
    Value old = dict_get(p, a[0], ATOM_NIL);
    Value d = val_is_map(proc_cold(p)->dictionary) ? proc_cold(p)->dictionary : map_new(&p->arena);
    d = d == THE_NON_VALUE ? d : map_put(&p->arena, d, a[0], a[1]);
    if (d == THE_NON_VALUE)
        return err_system_limit(p);
    proc_ext(p)->dictionary = d;
    return old;
}

static Value process_delete(Process *p, const Value *a)
{
    Value old = dict_get(p, a[0], ATOM_NIL);
    if (val_is_map(proc_cold(p)->dictionary)) {
        Value d = map_remove(&p->arena, proc_cold(p)->dictionary, a[0]);
        if (d == THE_NON_VALUE)
            return err_system_limit(p);
        proc_ext(p)->dictionary = d;
    }
    return old;
}

static const Builtin kernel_process_builtins[] = {
    {"self", 0, process_self},
    {"node", 0, process_node},
    {"send", 2, process_send},
    {"spawn", 1, process_spawn1},
    {"spawn", 3, process_spawn3},
    {"spawn_link", 1, process_spawn_link1},
    {"spawn_link", 3, process_spawn_link3},
    {"spawn_monitor", 1, process_spawn_monitor1},
    {"spawn_monitor", 3, process_spawn_monitor3},
};

static const Builtin process_builtins[] = {
    {"alive?", 1, process_alive},
    {"register", 2, process_register},
    {"unregister", 1, process_unregister},
    {"whereis", 1, process_whereis},
    {"registered", 0, process_registered},
    {"list", 0, process_list},
    {"link", 1, process_link},
    {"unlink", 1, process_unlink},
    {"monitor", 1, process_monitor},
    {"demonitor", 1, process_demonitor1},
    {"demonitor", 2, process_demonitor2},
    {"exit", 2, process_exit},
    {"flag", 2, process_flag},
    {"send", 3, process_send3},
    {"send_after", 3, process_send_after3},
    {"send_after", 4, process_send_after4},
    {"cancel_timer", 1, process_cancel_timer1},
    {"cancel_timer", 2, process_cancel_timer2},
    {"__info__", 2, process_info_request},
    {"get", 0, process_get0},
    {"get", 1, process_get1},
    {"get", 2, process_get2},
    {"put", 2, process_put},
    {"delete", 1, process_delete},
};

void lib_process_init(void)
{
    LIB_REGISTER("Elixir.Kernel", kernel_process_builtins);
    LIB_REGISTER("Elixir.Process", process_builtins);
}
