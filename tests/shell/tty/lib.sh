# lib.sh: helpers for the tmux terminal tests of tests/shell/tty (sourced, not run).
# Each test runs one program in a detached tmux session on a private socket and checks the
# screen with capture-pane, waiting by polling for the text it expects (never by sleeping).
#   tty_start CMD...   start CMD in a fresh 80x50 pane (the pane stays after CMD exits)
#   send_text TEXT     type TEXT literally;   send_keys KEY...  tmux key names (Enter, C-c, Up)
#   wait_for TEXT [N]  until the screen shows TEXT (a fixed string) at least N times (default 1)
#   wait_line TEXT [N] the same for whole lines equal to TEXT
#   screen             the pane's text now
# A failed wait prints what was expected and the screen, and exits 1 with a FAIL line.
TTY_TIMEOUT=${TTY_TIMEOUT:-10}
TTY_DIR=$(mktemp -d)
TTY_NAME=${TTY_NAME:-$(basename "$0")}
TTY_SOCK="$TTY_DIR/sock0"
tmx() { tmux -S "$TTY_SOCK" -f /dev/null "$@"; }
tty_cleanup() { tmx kill-server 2>/dev/null; rm -rf "$TTY_DIR"; }
trap tty_cleanup EXIT

tty_start() {
  # A fresh server on a new socket each time: a killed server may still be exiting when the
  # next start reaches its socket ("server exited unexpectedly").
  tmx kill-server 2>/dev/null
  TTY_SOCK="$TTY_DIR/sock$((${TTY_SOCK##*sock} + 1))"
  # remain-on-exit before the program starts: a program that dies at once still leaves its
  # screen (and the server) behind to be read.
  tmx start-server \; set-option -g remain-on-exit on \; new-session -d -s t -x 80 -y 50 "$@" ||
    { echo "FAIL $TTY_NAME: tmux could not start $*"; exit 1; }
}
send_text() { tmx send-keys -t t -l -- "$1"; }
send_keys() { tmx send-keys -t t "$@"; }
screen() { tmx capture-pane -p -J -t t -S 0 -E 49; }
# The screen for a failure report, indented, without its empty bottom lines.
dump() { screen | awk '{ l[NR] = $0 } NF { last = NR } END { for (i = 1; i <= last; i++) print "    | " l[i] }'; }

# wait_grep GREP_FLAGS WHAT TEXT [N]: polls until `grep -c GREP_FLAGS TEXT` counts N or more
# on the screen; on timeout reports WHAT it waited for, shows the screen and fails.
wait_grep() {
  local flags=$1 what=$2 want=$3 n=${4:-1} deadline=$((SECONDS + TTY_TIMEOUT)) got
  while :; do
    got=$(screen | grep -c "$flags" -- "$want")
    [ "$got" -ge "$n" ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "FAIL $TTY_NAME: waited ${TTY_TIMEOUT}s for $what'$want' x$n (saw $got); step: ${TTY_STEP:-?}"
      dump
      exit 1
    fi
    sleep 0.05
  done
}

wait_for() { wait_grep -F "" "$1" "${2:-1}"; }

# Like wait_for, for lines that are exactly TEXT (a result such as ":none" or "true").
wait_line() { wait_grep -xF "a line " "$1" "${2:-1}"; }

# The cursor's row (0 = top), to tell that a typed line was taken (the cursor moved below it).
cursor_row() { tmx display-message -p -t t '#{cursor_y}'; }

# Skips the test (exit 0 with a "skipped" line) when tmux is missing.
require_tmux() {
  command -v tmux >/dev/null 2>&1 || { echo "SKIP $TTY_NAME: skipped, tmux is not installed"; exit 0; }
}

# Waits until the program in the pane has exited. (Its exit status is not checked: tmux 3.3a
# now and then never reports one for a program that did exit 0.)
wait_exit() {
  local deadline=$((SECONDS + TTY_TIMEOUT))
  while [ "$(tmx display-message -p -t t '#{pane_dead}')" != 1 ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "FAIL $TTY_NAME: the program did not exit; step: ${TTY_STEP:-?}"
      dump
      exit 1
    fi
    sleep 0.05
  done
}
