#!/usr/bin/env bash
# shell.sh: the ember shell (build/ember, no arguments) on a real terminal in tmux, as issue 5
# asks: a multi-line `receive` typed line by line and recalled whole with Up, Tab completing
# `Process.al`, Ctrl+C interrupting an endless loop and a `receive` with no sender, Ctrl+C
# cancelling an unfinished input, colours (and none with NO_COLOR), history across sessions,
# and Ctrl+D exiting.
#   tests/shell/tty/shell.sh [BUILD_DIR]
set -u
cd "$(dirname "$0")/../../.."
. tests/shell/tty/lib.sh
require_tmux
EMBER_BIN=${1:-build}/ember
[ -x "$EMBER_BIN" ] || { echo "FAIL $TTY_NAME: $EMBER_BIN not built"; exit 1; }
HIST=$TTY_DIR/history

# Types `text` and Enter, and waits until the shell took the line (the cursor left its row).
enter() {
  local row; row=$(cursor_row)
  send_text "$1"; send_keys Enter
  local deadline=$((SECONDS + TTY_TIMEOUT))
  while [ "$(cursor_row)" = "$row" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "FAIL $TTY_NAME: '$1' was not taken; step: $TTY_STEP"; screen; exit 1; }
    sleep 0.05
  done
}

TTY_STEP="start"
tty_start env -u NO_COLOR EMBER_HISTORY="$HIST" "$EMBER_BIN"
wait_for 'Interactive Ember'
wait_for 'iex(1)> '

TTY_STEP="a message to the shell's own mailbox"
enter 'send(self(), :hello)'
wait_line ':hello'

TTY_STEP="a multi-line receive, line by line with continuation prompts"
wait_for 'iex(2)> '
enter 'receive do'
wait_for '...(2)> '
enter 'x -> {:got, x}'
enter 'after 0 -> :none'
enter 'end'
wait_line '{:got, :hello}'
wait_for '...(2)> after 0 -> :none'

TTY_STEP="Up recalls the whole receive as one input"
wait_for 'iex(3)> '
send_keys Up
wait_for 'iex(3)> receive do'
wait_line 'x -> {:got, x}'
send_keys Enter
wait_line ':none'

TTY_STEP="Tab completes Process.al"
wait_for 'iex(4)> '
send_text 'Process.al'; send_keys Tab
wait_for 'iex(4)> Process.alive?'
enter '(self())'
wait_for 'iex(4)> Process.alive?(self())'
wait_line 'true'

TTY_STEP="Tab lists the functions of a module"
wait_for 'iex(5)> '
send_text 'Enum.map_j'; send_keys Tab
wait_for 'iex(5)> Enum.map_join'
send_keys Tab
wait_line 'map_join/2    map_join/3'
send_keys C-c
wait_for 'iex(5)> Enum.map_join^C'

TTY_STEP="Ctrl+C interrupts an endless loop"
# The shell arms Ctrl+C before the evaluation starts, so once "spinning" shows it is armed.
wait_for 'iex(5)> ' 3
enter 'f = fn f -> f.(f) end; IO.puts("spinning"); f.(f)'
wait_line 'spinning'
send_keys C-c
wait_for 'shell process exited with reason: killed'
wait_for 'iex(1)> ' 2

TTY_STEP="the new evaluator works"
enter '6 * 7'
wait_line '42'

TTY_STEP="Ctrl+C interrupts a receive with no sender"
wait_for 'iex(2)> '
enter 'IO.puts("waiting"); receive do :never -> :ok end'
wait_line 'waiting'
send_keys C-c
wait_for 'shell process exited with reason: killed' 2
wait_for 'iex(1)> ' 3

TTY_STEP="Ctrl+C cancels an unfinished input"
enter '[1, 2,'
wait_for '...(1)> '
send_keys C-c
wait_for '...(1)> ^C'
enter ':after_cancel'
wait_line ':after_cancel'

TTY_STEP="results and errors in iex's colours"
wait_for 'iex(2)> '
enter '{1, :a, "s", nil}'
wait_line '{1, :a, "s", nil}'
colours=$(tmx capture-pane -e -p -t t)
for want in $'\e[33m1\e[39m' $'\e[36m:a\e[39m' $'\e[32m"s"\e[39m' $'\e[35mnil\e[39m'; do
  case "$colours" in *"$want"*) ;; *) echo "FAIL $TTY_NAME: no $(printf %q "$want") in the result"; exit 1 ;; esac
done
enter 'raise "boom"'
wait_line '** (RuntimeError) boom'
case "$(tmx capture-pane -e -p -t t)" in
  *$'\e[31m** (RuntimeError) boom'*) ;;
  *) echo "FAIL $TTY_NAME: the error is not red"; exit 1 ;;
esac

TTY_STEP="Ctrl+D exits"
wait_for 'iex(3)> '
send_keys C-d
wait_exit

TTY_STEP="history across sessions, no colours with NO_COLOR"
tty_start env EMBER_HISTORY="$HIST" NO_COLOR=1 "$EMBER_BIN"
wait_for 'iex(1)> '
send_keys Up
wait_for 'iex(1)> raise "boom"'
send_keys Up
wait_for 'iex(1)> {1, :a, "s", nil}'
send_keys Enter
wait_line '{1, :a, "s", nil}'
case "$(tmx capture-pane -e -p -t t)" in
  *$'\e['3[1-6]m*) echo "FAIL $TTY_NAME: coloured with NO_COLOR=1"; tmx capture-pane -e -p -t t | cat -v; exit 1 ;;
esac
send_keys C-d
wait_exit

echo "PASS $TTY_NAME"
