/* Unit tests of src/rt/registry: BEAM's register/unregister/whereis rules, exiting processes,
 * and concurrent registration of one name (exactly one winner). */
#include <criterion/criterion.h>
#include <pthread.h>

#include "rt/registry.h"

static Registry reg;
static void setup(void) { cr_assert_eq(registry_init(&reg), 0); }
static void teardown(void) { registry_destroy(&reg); }

static ProcRt proc(Value pid)
{
    ProcRt p;
    proc_rt_init(&p);
    p.pid = pid;
    return p;
}

Test(registry, register_whereis_unregister, .init = setup, .fini = teardown)
{
    ProcRt a = proc(val_pid(1, 0));
    cr_assert_eq(registry_whereis(&reg, 40), 0, "nothing registered yet");
    cr_assert_eq(registry_register(&reg, 40, &a), REG_OK);
    cr_assert_eq(registry_whereis(&reg, 40), a.pid);
    cr_assert_eq(registry_name_of(&reg, &a), 40);
    cr_assert(registry_unregister(&reg, 40));
    cr_assert_eq(registry_whereis(&reg, 40), 0);
    cr_assert_eq(registry_name_of(&reg, &a), 0, "unregister must clear the process's name");
    cr_assert_not(registry_unregister(&reg, 40), "second unregister must fail");
}

Test(registry, one_name_per_process_one_process_per_name, .init = setup, .fini = teardown)
{
    ProcRt a = proc(val_pid(1, 0)), b = proc(val_pid(2, 0));
    cr_assert_eq(registry_register(&reg, 40, &a), REG_OK);
    cr_assert_eq(registry_register(&reg, 40, &b), REG_NAME_TAKEN);
    cr_assert_eq(registry_register(&reg, 40, &a), REG_NAME_TAKEN, "as BEAM: same name again");
    cr_assert_eq(registry_register(&reg, 41, &a), REG_ALREADY_NAMED);
    cr_assert_eq(registry_register(&reg, 0, &b), REG_OK, "atom index 0 works as a key too");
    cr_assert_eq(registry_whereis(&reg, 0), b.pid);
    uint32_t names[4];
    cr_assert_eq(registry_list(&reg, names, 4), 2);
    cr_assert((names[0] == 40 && names[1] == 0) || (names[0] == 0 && names[1] == 40));
}

Test(registry, exiting_process_loses_its_name_and_cannot_register, .init = setup,
     .fini = teardown)
{
    ProcRt a = proc(val_pid(1, 0));
    cr_assert_eq(registry_register(&reg, 40, &a), REG_OK);
    registry_close(&reg, &a);
    cr_assert_eq(registry_whereis(&reg, 40), 0, "the name must go when the process exits");
    cr_assert_eq(registry_register(&reg, 41, &a), REG_DEAD);
    ProcRt b = proc(val_pid(2, 0));
    cr_assert_eq(registry_register(&reg, 40, &b), REG_OK, "the freed name can be reused");
}

#define RACERS 4
static ProcRt racers[RACERS];
static atomic_int winners;

static void *race(void *arg)
{
    ProcRt *p = arg;
    for (uint32_t name = 100; name < 2100; name++) {
        RegStatus st = registry_register(&reg, name, p);
        if (st == REG_OK) {
            atomic_fetch_add(&winners, 1);
            cr_assert_eq(registry_whereis(&reg, name), p->pid);
            cr_assert(registry_unregister(&reg, name));
        } else {
            cr_assert(st == REG_NAME_TAKEN || st == REG_ALREADY_NAMED, "unexpected status %d", st);
        }
    }
    return NULL;
}

Test(registry, concurrent_registrations_stay_consistent, .init = setup, .fini = teardown,
     .timeout = 60)
{
    pthread_t th[RACERS];
    for (int i = 0; i < RACERS; i++) {
        racers[i] = proc(val_pid((uint32_t)i + 1, 0));
        pthread_create(&th[i], NULL, race, &racers[i]);
    }
    for (int i = 0; i < RACERS; i++)
        pthread_join(th[i], NULL);
    cr_assert_geq(atomic_load(&winners), 2000, "every name should have been won at least once");
    uint32_t names[1];
    cr_assert_eq(registry_list(&reg, names, 1), 0, "all names were unregistered");
}
