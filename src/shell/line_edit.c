/* line_edit.c: the terminal reader behind line.h, on libedit's native API (histedit.h).
 *
 * Owns the EditLine and its History, the history file and the process's SIGINT handler from
 * line_edit_open to line_close. Keys are libedit's Emacs map (arrows, ^A ^E ^K ^W ...), plus:
 *   ^R   incremental reverse search (em-inc-search-prev);
 *   Tab  completion through LineCompletion (complete the common prefix, else list the
 *        candidates in columns as iex does);
 *   ^C   abandons the line: read returns LINE_INTERRUPTED;
 *   ^D   on an empty line: LINE_EOF (otherwise deletes the character under the cursor).
 * Ctrl+C reaches us in two ways. While a line is read, libedit's edit mode has ISIG cleared
 * (setty -d -isig), so ^C is an ordinary key bound to key_interrupt: no signal, no EINTR.
 * Between reads (an evaluation is running) the terminal is in its cooked mode, ^C raises
 * SIGINT and on_sigint calls the hook registered with line_on_interrupt.
 * A multi-line input is one history entry holding its '\n's; libedit draws the newlines as line
 * breaks when Up recalls it, and Enter returns the whole entry as one line. */
#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell/complete.h"
#include "shell/line.h"
#include "shell/line_int.h"

#define HISTORY_SIZE 1000
#define LIST_WIDTH 80 /* iex lays candidates out in at most 80 columns */

/* What SIGINT calls between reads. Replaced whole (never mutated) so the handler, on any
 * thread, sees a complete pair. */
typedef struct IntHook {
    void (*fn)(void *ctx);
    void *ctx;
    struct IntHook *older; /* freed at line_close, after the handler is gone */
} IntHook;

typedef struct LineEdit {
    LineReader base;
    EditLine *el;
    History *hist;
    FILE *out;
    LineCompletion completion; /* complete == NULL: Tab does nothing */
    const char *prompt;        /* the prompt of the read in progress */
    bool interrupted;          /* set by key_interrupt during el_gets */
    char *histfile;            /* NULL: history not kept */
    IntHook *hooks;
    struct sigaction old_sigint;
    char *old_ctype;
} LineEdit;

/* Any thread, atomic: the hook SIGINT calls, and whether el_gets is running (then SIGINT came
 * from kill(1), not the keyboard, and is ignored: the ^C key is handled by libedit). Plain
 * seq_cst atomics; both are lock-free pointers/bools, so the handler may read them. */
static _Atomic(IntHook *) int_hook;
static atomic_bool reading;

static void on_sigint(int sig)
{
    (void)sig;
    int saved = errno;
    IntHook *h = atomic_load(&int_hook);
    if (h && h->fn && !atomic_load(&reading)) h->fn(h->ctx);
    errno = saved;
}

static LineEdit *self_of(EditLine *el)
{
    void *le = NULL;
    el_get(el, EL_CLIENTDATA, &le);
    return le;
}

static char *prompt_fn(EditLine *el)
{
    return (char *)self_of(el)->prompt;
}

static unsigned char key_interrupt(EditLine *el, int ch)
{
    (void)ch;
    /* The input is dropped, so "^C" may join it: it shows after the whole input, and the
     * pushed newline ends the read the usual way (libedit moves below the input). */
    const LineInfoW *li = el_wline(el);
    el_cursor(el, (int)(li->lastchar - li->cursor));
    el_insertstr(el, "^C");
    el_push(el, "\n");
    self_of(el)->interrupted = true;
    return CC_REFRESH;
}

static unsigned char key_eof_or_delete(EditLine *el, int ch)
{
    (void)ch;
    const LineInfoW *li = el_wline(el);
    if (li->buffer == li->lastchar) return CC_EOF;
    if (li->cursor == li->lastchar) return CC_ERROR;
    el_cursor(el, 1);
    el_deletestr(el, 1);
    return CC_REFRESH;
}

/* Characters of a completable word: identifiers, module dots, '?'/'!' and a leading ':'. */
static bool word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '?' || c == '!' || c == ':' || c >= 0x80;
}

/* Characters (not bytes) in UTF-8 text s[0..len). */
static int utf8_chars(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Length of the longest prefix the inserted parts of all `n` candidates share, not cutting a
 * UTF-8 sequence. */
static size_t common_prefix(char **c, size_t n)
{
    size_t len = complete_insert_len(c[0]);
    for (size_t i = 1; i < n; i++) {
        size_t l = complete_insert_len(c[i]), k = 0;
        while (k < len && k < l && c[0][k] == c[i][k]) k++;
        len = k;
    }
    while (len > 0 && ((unsigned char)c[0][len] & 0xC0) == 0x80) len--;
    return len;
}

/* Prints the candidates without the part of `word` up to its last '.', row by row in columns
 * as wide as the longest plus 4, in at most 80 columns, as iex does; like iex, a full last row
 * is followed by an empty line, a partial one is not. */
static void list_candidates(LineEdit *le, const char *word, char **c, size_t n)
{
    const char *dot = strrchr(word, '.');
    size_t skip = dot ? (size_t)(dot - word) + 1 : 0, widest = 0;
    for (size_t i = 0; i < n; i++)
        if (strlen(c[i] + skip) > widest) widest = strlen(c[i] + skip);
    int tw = 0;
    if (el_get(le->el, EL_GETTC, "co", &tw, (void *)NULL) != 0 || tw <= 0 || tw > LIST_WIDTH) tw = LIST_WIDTH;
    size_t colw = widest + 4, cols = (size_t)tw / colw ? (size_t)tw / colw : 1;
    fputc('\n', le->out);
    for (size_t i = 0; i < n; i++) {
        if ((i + 1) % cols == 0)
            fprintf(le->out, "%s\n", c[i] + skip);
        else
            fprintf(le->out, "%-*s", i + 1 == n ? 0 : (int)colw, c[i] + skip);
    }
    fputc('\n', le->out);
    fflush(le->out);
}

static unsigned char key_complete(EditLine *el, int ch)
{
    (void)ch;
    LineEdit *le = self_of(el);
    if (!le->completion.complete) return CC_ERROR;
    const LineInfo *li = el_line(el);
    const char *start = li->cursor;
    while (start > li->buffer && word_char((unsigned char)start[-1])) start--;
    size_t wlen = (size_t)(li->cursor - start);
    char *word = strndup(start, wlen);
    if (!word) return CC_ERROR;
    size_t n = 0;
    char **c = le->completion.complete(le->completion.ctx, word, &n);
    unsigned char r = CC_REFRESH_BEEP;
    if (c && n > 0) {
        size_t common = common_prefix(c, n);
        if (common > wlen) {
            char *ins = strndup(c[0], common);
            if (ins) {
                el_deletestr(el, utf8_chars(word, wlen));
                el_insertstr(el, ins);
                free(ins);
            }
            r = CC_REFRESH;
        } else {
            list_candidates(le, word, c, n); /* a complete name alone: iex shows its arity */
            r = CC_REDISPLAY;
        }
    }
    for (size_t i = 0; i < n; i++) free(c[i]);
    free(c);
    free(word);
    return r;
}

/* $EMBER_HISTORY, else ~/.ember_history; NULL if neither can be named. */
static char *history_path(void)
{
    const char *env = getenv("EMBER_HISTORY");
    if (env && *env) return strdup(env);
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    size_t len = strlen(home) + sizeof "/.ember_history";
    char *p = malloc(len);
    if (p) snprintf(p, len, "%s/.ember_history", home);
    return p;
}

/* libedit decodes the line with the C library's multibyte functions: use the user's locale,
 * and UTF-8 (ember's strings) when that locale is plain ASCII. The old one is restored. */
static void set_ctype(LineEdit *le)
{
    const char *old = setlocale(LC_CTYPE, NULL);
    le->old_ctype = old ? strdup(old) : NULL;
    if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

static bool setup_editor(LineEdit *le, FILE *in, FILE *out)
{
    le->el = el_init_fd("ember", in, out, stderr, fileno(in), fileno(out), fileno(stderr));
    le->hist = history_init();
    if (!le->el || !le->hist) return false;
    HistEvent ev;
    history(le->hist, &ev, H_SETSIZE, HISTORY_SIZE);
    history(le->hist, &ev, H_SETUNIQUE, 1);
    if (le->histfile) history(le->hist, &ev, H_LOAD, le->histfile); /* missing file: fine */
    el_set(le->el, EL_CLIENTDATA, le);
    el_set(le->el, EL_EDITOR, "emacs");
    el_set(le->el, EL_SIGNAL, 0);
    el_set(le->el, EL_SETTY, "-d", "-isig", NULL);
    el_set(le->el, EL_PROMPT, prompt_fn);
    el_set(le->el, EL_HIST, history, le->hist);
    /* The wide call keeps our static names; el_set's narrow EL_ADDFN copies them and
     * el_end never frees the copies. */
    el_wset(le->el, EL_ADDFN, L"ember-interrupt", L"abandon the input", key_interrupt);
    el_wset(le->el, EL_ADDFN, L"ember-eof", L"end input on an empty line", key_eof_or_delete);
    el_wset(le->el, EL_ADDFN, L"ember-complete", L"complete the word", key_complete);
    el_set(le->el, EL_BIND, "^C", "ember-interrupt", NULL);
    el_set(le->el, EL_BIND, "^D", "ember-eof", NULL);
    el_set(le->el, EL_BIND, "^I", "ember-complete", NULL);
    el_set(le->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    /* Home, End, Delete and Ctrl+arrows as xterm, tmux and the Linux console send them,
     * whatever TERM's terminfo entry says. */
    static const char *const keys[][2] = {
        {"\033[H", "ed-move-to-beg"},  {"\033OH", "ed-move-to-beg"},   {"\033[1~", "ed-move-to-beg"},
        {"\033[F", "ed-move-to-end"},  {"\033OF", "ed-move-to-end"},   {"\033[4~", "ed-move-to-end"},
        {"\033[3~", "ed-delete-next-char"}, {"\033[1;5C", "em-next-word"},
        {"\033[1;5D", "ed-prev-word"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        el_set(le->el, EL_BIND, keys[i][0], keys[i][1], NULL);
    return true;
}

static char *edit_read(LineReader *lr, const char *prompt, LineStatus *status)
{
    LineEdit *le = (LineEdit *)lr;
    le->prompt = prompt;
    le->interrupted = false;
    el_resize(le->el);
    int count;
    const char *s;
    atomic_store(&reading, true);
    do {
        errno = 0;
        s = el_gets(le->el, &count);
    } while (!s && count < 0 && errno == EINTR && !le->interrupted);
    atomic_store(&reading, false);
    if (le->interrupted) {
        *status = LINE_INTERRUPTED;
        return NULL;
    }
    if (!s || count <= 0) {
        fputc('\n', le->out); /* what follows (the shell's exit) starts on its own line */
        fflush(le->out);
        *status = LINE_EOF;
        return NULL;
    }
    size_t len = strlen(s);
    if (len > 0 && s[len - 1] == '\n') len--;
    char *line = strndup(s, len);
    *status = line ? LINE_OK : LINE_EOF;
    return line;
}

static void edit_history_add(LineReader *lr, const char *input)
{
    LineEdit *le = (LineEdit *)lr;
    if (!input || strspn(input, " \t\n") == strlen(input)) return;
    HistEvent ev;
    history(le->hist, &ev, H_ENTER, input);
    /* Saved at once so a crash or System.halt() keeps it; unwritable file: no history kept. */
    if (le->histfile) history(le->hist, &ev, H_SAVE, le->histfile);
}

/* The shell arms and disarms the same hook around every evaluation: a pair seen before is
 * reused, so the list holds one entry per distinct hook, not one per evaluation. */
static void edit_on_interrupt(LineReader *lr, void (*fn)(void *ctx), void *ctx)
{
    LineEdit *le = (LineEdit *)lr;
    IntHook *h = NULL;
    if (fn) {
        for (h = le->hooks; h && (h->fn != fn || h->ctx != ctx); h = h->older) {}
        if (!h && (h = malloc(sizeof *h)) != NULL) {
            h->fn = fn, h->ctx = ctx, h->older = le->hooks;
            le->hooks = h;
        }
    }
    atomic_store(&int_hook, h);
}

static void edit_close(LineReader *lr)
{
    LineEdit *le = (LineEdit *)lr;
    sigaction(SIGINT, &le->old_sigint, NULL);
    atomic_store(&int_hook, NULL);
    if (le->el) el_end(le->el); /* restores the terminal */
    if (le->hist) history_end(le->hist);
    while (le->hooks) {
        IntHook *h = le->hooks;
        le->hooks = h->older;
        free(h);
    }
    if (le->old_ctype) setlocale(LC_CTYPE, le->old_ctype);
    free(le->old_ctype);
    free(le->histfile);
    free(le);
}

static const LineOps edit_ops = {
    .read = edit_read,
    .history_add = edit_history_add,
    .on_interrupt = edit_on_interrupt,
    .close = edit_close,
    .is_terminal = true,
};

LineReader *line_edit_open(FILE *in, FILE *out, const LineCompletion *completion)
{
    /* Output redirected (ember > file): editing would write cursor moves into the file, so
     * line_open falls back to the plain reader and the terminal echoes what is typed. */
    if (!isatty(fileno(in)) || !isatty(fileno(out))) return NULL;
    LineEdit *le = calloc(1, sizeof *le);
    if (!le) return NULL;
    le->base.ops = &edit_ops;
    le->out = out;
    if (completion) le->completion = *completion;
    le->histfile = history_path();
    set_ctype(le);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &le->old_sigint);
    if (!setup_editor(le, in, out)) {
        edit_close(&le->base);
        return NULL;
    }
    return &le->base;
}
