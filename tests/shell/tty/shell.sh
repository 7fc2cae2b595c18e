#!/usr/bin/env bash
# shell.sh: the whole shell on a real terminal, in tmux (tests/shell/tty/lib.sh): a multi-line
# receive recalled with Up, Tab completing Process.al, Ctrl+C interrupting an endless loop and a
# receive nobody answers (the evaluator restarts, the shell stays usable), Ctrl+C cancelling an
# unfinished input, and Ctrl+D leaving.
#   tests/shell/tty/shell.sh [BUILD_DIR]
set -u
cd "$(dirname "$0")/../../.."
. tests/shell/tty/lib.sh
require_tmux
EMBER_BIN=${1:-build}/ember
[ -x "$EMBER_BIN" ] || { echo "FAIL $TTY_NAME: $EMBER_BIN not built"; exit 1; }

TTY_STEP="start"
tty_start env EMBER_HISTORY="$TTY_DIR/history" NO_COLOR=1 "$EMBER_BIN"
wait_for 'Interactive Ember'
wait_for 'iex(1)> '

TTY_STEP="two messages to self"
send_text 'send(self(), :ping); send(self(), :ping)'; send_keys Enter
wait_for 'iex(2)> '

TTY_STEP="a multi-line receive"
for l in 'receive do' ':ping -> :pong' 'end'; do
  send_text "$l"; send_keys Enter
done
wait_for '...(2)> end'
wait_line ':pong'
wait_for 'iex(3)> '

TTY_STEP="Up recalls the receive; it takes the second message"
send_keys Up
wait_for 'iex(3)> receive do'
send_keys Enter
wait_line ':pong' 2
wait_for 'iex(4)> '

TTY_STEP="Tab completes Process.al"
send_text 'Process.al'; send_keys Tab
wait_for 'iex(4)> Process.alive?'
send_text '(self())'; send_keys Enter
wait_for 'iex(4)> Process.alive?(self())'
wait_line 'true'
wait_for 'iex(5)> '

TTY_STEP="Ctrl+C interrupts an endless loop"
send_text 'f = fn f -> f.(f) end; IO.puts("spinning"); f.(f)'; send_keys Enter
wait_for 'spinning'
send_keys C-c
wait_for 'shell process exited with reason: killed'
wait_for 'iex(1)> '

TTY_STEP="the new evaluator works"
send_text '6 * 7'; send_keys Enter
wait_line '42'
wait_for 'iex(2)> '

TTY_STEP="Ctrl+C interrupts a receive with no sender"
send_text 'IO.puts("waiting"); receive do :never -> :ok end'; send_keys Enter
wait_for 'waiting'
send_keys C-c
wait_for 'shell process exited with reason: killed' 2
wait_for 'iex(1)> ' 2

TTY_STEP="Ctrl+C cancels an unfinished input"
send_text '[1, 2,'; send_keys Enter
wait_for '...(1)> '
send_keys C-c
wait_for 'iex(1)> ' 3
send_text ':after_cancel'; send_keys Enter
wait_line ':after_cancel'
wait_for 'iex(2)> ' 2

TTY_STEP="Ctrl+D exits"
send_keys C-d
wait_exit

echo "PASS $TTY_NAME"
