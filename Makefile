# ember build. `make` builds build/ember; `make test` builds and runs every test.
# Variants (asan, tsan, gcstress) build into their own directory so they never mix objects.

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
SAN      ?=
EXTRA    ?=
CFLAGS_BASE = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g $(OPT) $(SAN) $(EXTRA) -Isrc -I$(BUILD)/gen
LDLIBS   = -lm -lpthread
EDIT_LIBS := $(shell pkg-config --libs libedit 2>/dev/null)
# build/ember itself links statically (`make STATIC=` links it against the shared libraries):
# a script's run starts 1.5-2.5 ms sooner (about 3.5 ms instead of 5-6 ms for hello.exs), the
# dynamic loader's mapping and relocating of six libraries. The sanitizer runtimes need the
# shared C library, so the sanitized builds link dynamically.
ifeq ($(SAN),)
STATIC ?= -static
endif
BIN_LIBS := $(if $(STATIC),$(shell pkg-config --static --libs libedit libbsd 2>/dev/null),$(EDIT_LIBS))

SRCS     := $(shell find src -name '*.c' ! -path 'src/main.c' | sort)
OBJS     := $(SRCS:%.c=$(BUILD)/obj/%.o)
GEN      := $(BUILD)/gen/embedded.c
GENOBJ   := $(BUILD)/obj/gen/embedded.o
LIB      := $(BUILD)/libember.a
BIN      := $(BUILD)/ember
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_SUPPORT := $(wildcard tests/unit/support/*.c)
EMBEDDED := $(wildcard grammar/*.mpc) $(wildcard src/lib/*.ex) src/lib/docs.txt

.PHONY: all test unit asan tsan gcstress fuzz bench bench-proc bench-parse clean format
all: $(BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -MMD -MP -c $< -o $@

$(GEN): $(EMBEDDED) scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh $(EMBEDDED) > $@

$(GENOBJ): $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -c $< -o $@

$(LIB): $(OBJS) $(GENOBJ)
	@rm -f $@
	ar rcs $@ $^

# The whole library: a strong definition in one member (line_edit.c, docs.c) replaces a weak
# fallback in another, which plain archive linking would not do.
$(BIN): $(BUILD)/obj/src/main.o $(LIB)
	$(CC) $(SAN) $(STATIC) -o $@ $(BUILD)/obj/src/main.o -Wl,--whole-archive $(LIB) -Wl,--no-whole-archive $(LDLIBS) $(BIN_LIBS)

# tests/unit/support/*.c are linked into every unit test (see tsan_criterion.c).
$(BUILD)/tests/%: tests/unit/%.c $(UNIT_SUPPORT) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -Wno-missing-field-initializers -o $@ $< $(UNIT_SUPPORT) $(LIB) -lcriterion $(LDLIBS) $(EDIT_LIBS)

unit: $(UNIT_BINS)

# Helper programs of tests/shell/tty (terminal tests in tmux); not unit tests, so not in tests/.
# Linked with the whole library, as the binary is, so line_edit.c's strong line_edit_open wins.
TTY_BINS := $(patsubst tests/shell/tty/%.c,$(BUILD)/tty/%,$(wildcard tests/shell/tty/*.c))
$(BUILD)/tty/%: tests/shell/tty/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -o $@ $< -Wl,--whole-archive $(LIB) -Wl,--no-whole-archive $(LDLIBS) $(EDIT_LIBS)

test: $(BIN) $(UNIT_BINS) $(TTY_BINS)
	sh scripts/run-tests.sh --build $(BUILD)

# The sanitized builds run several times slower: the stress programs run smaller (EMBER_SANITIZER,
# `# sanitizer-args:` in scripts/run-one.sh) and a test gets 300 s before it counts as hung.
asan:
	EMBER_SANITIZER=1 TEST_TIMEOUT=300 $(MAKE) BUILD=build/asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" test

tsan:
	EMBER_SANITIZER=1 TEST_TIMEOUT=300 $(MAKE) BUILD=build/tsan OPT=-O1 SAN="-fsanitize=thread" test

# Collect at every allocation, so a missing GC root fails a test instead of hiding.
gcstress:
	$(MAKE) BUILD=build/gcstress EXTRA=-DEMBER_GC_STRESS test

fuzz:
	sh scripts/fuzz.sh

bench: $(BIN)
	sh scripts/bench.sh

bench-proc: $(BIN)
	sh scripts/bench.sh proc

bench-parse: $(BIN)
	sh scripts/bench.sh parse

format:
	clang-format -i --style=file:scripts/.clang-format $$(find src tests/unit -name '*.[ch]')

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
