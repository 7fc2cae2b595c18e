/* registry.c: registered names (see registry.h). */
#include "rt/registry.h"

int registry_init(Registry *r)
{
    idmap_init(&r->names);
    return pthread_mutex_init(&r->lock, NULL) == 0 ? 0 : -1;
}

void registry_destroy(Registry *r)
{
    idmap_free(&r->names);
    pthread_mutex_destroy(&r->lock);
}

/* Atom index 0 is nil; keys must be nonzero, so the map stores index + 1. */
static uint64_t key_of(uint32_t name) { return (uint64_t)name + 1; }

RegStatus registry_register(Registry *r, uint32_t name, ProcRt *p)
{
    RegStatus st = REG_OK;
    pthread_mutex_lock(&r->lock);
    if (atomic_load(&p->reg_closed))
        st = REG_DEAD;
    else if (idmap_get(&r->names, key_of(name), NULL))
        st = REG_NAME_TAKEN;
    else if (atomic_load(&p->reg_name) != 0)
        st = REG_ALREADY_NAMED;
    else if (idmap_put(&r->names, key_of(name), (uint64_t)(uintptr_t)p) < 0)
        st = REG_NO_MEMORY;
    else {
        /* Name first, then look at reg_closed again; registry_close does the opposite. With
         * both seq_cst, either we see it closing and take the name back, or it sees the name
         * and waits for this lock to remove it. */
        atomic_store(&p->reg_name, name);
        if (atomic_load(&p->reg_closed)) {
            idmap_remove(&r->names, key_of(name), NULL);
            atomic_store(&p->reg_name, 0);
            st = REG_DEAD;
        }
    }
    pthread_mutex_unlock(&r->lock);
    return st;
}

bool registry_unregister(Registry *r, uint32_t name)
{
    uint64_t v;
    pthread_mutex_lock(&r->lock);
    bool had = idmap_remove(&r->names, key_of(name), &v);
    if (had)
        atomic_store(&((ProcRt *)(uintptr_t)v)->reg_name, 0);
    pthread_mutex_unlock(&r->lock);
    return had;
}

Value registry_whereis(Registry *r, uint32_t name)
{
    uint64_t v;
    Value pid = 0;
    pthread_mutex_lock(&r->lock);
    if (idmap_get(&r->names, key_of(name), &v))
        pid = ((ProcRt *)(uintptr_t)v)->pid;
    pthread_mutex_unlock(&r->lock);
    return pid;
}

void registry_close(Registry *r, ProcRt *p)
{
    /* Every exit passes here, and most processes never had a name: no lock for them (the
     * lock is global, and taking it on each exit serialised spawn-heavy programs). */
    atomic_store(&p->reg_closed, true);
    if (atomic_load(&p->reg_name) == 0)
        return;
    pthread_mutex_lock(&r->lock);
    uint32_t name = atomic_load(&p->reg_name);
    if (name != 0) {
        bool had = idmap_remove(&r->names, key_of(name), NULL);
        (void)had; /* always true: the name and reg_name change together under the lock */
        atomic_store(&p->reg_name, 0);
    }
    pthread_mutex_unlock(&r->lock);
}

uint32_t registry_name_of(Registry *r, ProcRt *p)
{
    pthread_mutex_lock(&r->lock);
    uint32_t name = atomic_load(&p->reg_name);
    pthread_mutex_unlock(&r->lock);
    return name;
}

uint32_t registry_list(Registry *r, uint32_t *out, uint32_t cap)
{
    pthread_mutex_lock(&r->lock);
    uint32_t n = 0, pos = 0;
    uint64_t k, v;
    while (idmap_next(&r->names, &pos, &k, &v)) {
        if (n < cap)
            out[n] = (uint32_t)(k - 1);
        n++;
    }
    pthread_mutex_unlock(&r->lock);
    return n;
}
