/* tsan.h: UNDER_TSAN is 1 when the unit test is built with -fsanitize=thread, else 0.
 *
 * For `.disabled = UNDER_TSAN` on the few parser tests that recurse deliberately deep (tens of
 * thousands of native frames, on mpc's big-stack thread): TSan records every stack it keeps
 * in a depot that holds at most 65,535 frames, and aborts itself ("CHECK failed:
 * sanitizer_stackdepot.cpp:83 ... < ((1 << kStackSizeBits))") when a malloc that deep is
 * recorded; its larger frames also overflow the stack sizes those tests were tuned for. The
 * parser is single-threaded per parse, so TSan has nothing to check there; the tests still run
 * under `make test` and `make asan`. */
#ifndef EMBER_TEST_TSAN_H
#define EMBER_TEST_TSAN_H

#if defined(__SANITIZE_THREAD__)
#define UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define UNDER_TSAN 1
#endif
#endif
#ifndef UNDER_TSAN
#define UNDER_TSAN 0
#endif

#endif
