/* tsan_criterion.c: lets Criterion start under ThreadSanitizer (linked into every unit test;
 * compiled out unless -fsanitize=thread).
 *
 * Criterion (through BoxFort) maps its inheritable arena at a random address in
 * [0x2000_0000_0000, 0x6000_0000_0000), probing with mincore() that the pages are free and
 * then mapping them with MAP_FIXED. Under TSan all of that range is shadow memory or reserved
 * PROT_NONE, except the block TSan keeps for PIE binaries, so every probe says "mapped" and
 * Criterion aborts with "Could not initialize inheritable arena" (Snaipe/Criterion#274).
 * Here mincore() calls every page outside the PIE block free, and mmap64() (what Criterion
 * calls; TSan's own mmap64 would refuse the address with EINVAL) moves a MAP_FIXED
 * request outside the block to a free address inside it (application memory for TSan);
 * BoxFort records the address it got, and its worker processes map the arena there again,
 * which this mmap64 passes through unchanged.
 * It also makes a data race fail the test: TSan's report alone would leave Criterion's verdict
 * (and the exit status) untouched. */
#if defined(__SANITIZE_THREAD__)
#define EMBER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define EMBER_TSAN 1
#endif
#endif

#ifdef EMBER_TSAN
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PIE_LO UINT64_C(0x550000000000)
#define PIE_HI UINT64_C(0x568000000000)
#define SLOT UINT64_C(0x1000000000) /* 64 GB apart: room for BoxFort to grow in place */

__attribute__((no_sanitize_thread)) static int in_pie(void *addr, size_t len)
{
    uint64_t a = (uint64_t)(uintptr_t)addr;
    return a >= PIE_LO && a + len <= PIE_HI;
}

__attribute__((no_sanitize_thread)) int mincore(void *addr, size_t length, unsigned char *vec)
{
    if (in_pie(addr, length))
        return (int)syscall(SYS_mincore, addr, length, vec);
    errno = ENOMEM; /* "not mapped": mmap64 below puts the mapping in the PIE block */
    return -1;
}

__attribute__((no_sanitize_thread)) void *mmap64(void *addr, size_t len, int prot, int flags,
                                                 int fd, off_t off)
{
    if (!(flags & MAP_FIXED) || addr == NULL || in_pie(addr, len))
        return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
    flags = (flags & ~MAP_FIXED) | MAP_FIXED_NOREPLACE;
    for (uint64_t at = PIE_HI - SLOT; at >= PIE_LO; at -= SLOT) {
        void *p = (void *)syscall(SYS_mmap, (void *)(uintptr_t)at, len, prot, flags, fd, off);
        if (p != MAP_FAILED)
            return p;
    }
    errno = ENOMEM;
    return MAP_FAILED;
}

/* Read by TSan at start-up: stop at the first report, so the test counts as crashed. */
__attribute__((no_sanitize_thread)) const char *__tsan_default_options(void)
{
    return "halt_on_error=1";
}
#else
typedef int ember_no_tsan_criterion_fix; /* an empty translation unit is not ISO C */
#endif
