#!/usr/bin/env bash
# line_edit.sh: the terminal line reader (src/shell/line_edit.c) alone, through
# build/tty/line_driver (tests/shell/tty/line_driver.c) in tmux: multi-line input kept as one
# history entry and recalled with Up, Emacs keys and arrows, Tab completion (unique, listed,
# variables), Ctrl+C abandoning a line and interrupting a running loop, Ctrl+R search, Ctrl+D,
# and the history file kept across sessions ($EMBER_HISTORY; an unusable one is not an error).
#   tests/shell/tty/line_edit.sh [BUILD_DIR]
set -u
cd "$(dirname "$0")/../../.."
. tests/shell/tty/lib.sh
require_tmux
DRIVER=${1:-build}/tty/line_driver
[ -x "$DRIVER" ] || { echo "FAIL $TTY_NAME: $DRIVER not built (make test builds it)"; exit 1; }
HIST=$TTY_DIR/history

TTY_STEP="start"
tty_start env EMBER_HISTORY="$HIST" NO_COLOR= "$DRIVER"
wait_for 'in(1)> '
TTY_STEP="a plain line"
send_text 'hello'; send_keys Enter
wait_for 'got: hello'

TTY_STEP="a multi-line input"
wait_for 'in(2)> '
for l in 'receive do' 'x -> x' 'after 0 -> :none' 'end'; do
  send_text "$l"; send_keys Enter
done
wait_for 'got: receive do\nx -> x\nafter 0 -> :none\nend'

TTY_STEP="Up recalls the whole multi-line input as one entry"
wait_for 'in(3)> '
send_keys Up
wait_for 'in(3)> receive do'
wait_for 'after 0 -> :none' 2
send_keys Enter
wait_for 'got: receive do\nx -> x\nafter 0 -> :none\nend' 2

TTY_STEP="Tab completes Process.al to Process.alive?"
wait_for 'in(4)> '
send_text 'Process.al'; send_keys Tab Enter
wait_for 'got: Process.alive?'

TTY_STEP="Tab lists candidates with arities when there is no longer common prefix"
wait_for 'in(5)> '
send_text 'Enum.map_j'; send_keys Tab
wait_for 'Enum.map_join'
send_keys Tab
wait_for 'map_join/2'
screen | grep -qE '^map_join/2 +map_join/3$' || { echo "FAIL $TTY_NAME: candidates not listed as iex does"; screen; exit 1; }
send_keys C-c
wait_for 'Enum.map_join^C'
wait_for 'interrupted'

TTY_STEP="Tab completes a bound variable"
wait_for 'in(5)> ' 2
send_text 'IO.inspect(coun'; send_keys Tab
send_text ')'; send_keys Enter
wait_for 'got: IO.inspect(counter)'

TTY_STEP="Ctrl+C abandons the line being typed"
wait_for 'in(6)> '
send_text 'abc def'; send_keys Left Left C-c
wait_for 'in(6)> abc def^C'
wait_for 'interrupted' 2
wait_for 'in(6)> ' 2

TTY_STEP="Ctrl+C while no line is read reaches the interrupt hook"
send_text 'spin'; send_keys Enter
wait_for 'spinning'
send_keys C-c
wait_for 'spin interrupted'

TTY_STEP="Ctrl+R searches the history backwards"
wait_for 'in(7)> '
send_keys C-r; send_text 'hel'
wait_for 'in(7)> hello'
send_keys Enter
wait_for 'got: hello' 2

TTY_STEP="Emacs keys and arrows edit the line"
wait_for 'in(8)> '
send_text 'abc def'; send_keys C-w; send_text 'xyz'; send_keys C-a; send_text '>'
send_keys C-e Left Left; send_text '_'; send_keys Right Right; send_text '!'; send_keys Enter
wait_for 'got: >abc x_yz!'
wait_for 'in(9)> '
send_text 'gone'; send_keys C-a C-k; send_text 'kept'; send_keys Enter
wait_for 'got: kept'

TTY_STEP="Ctrl+D on a non-empty line deletes, on an empty line ends input"
wait_for 'in(10)> '
send_text 'xy'; send_keys C-a C-d Enter
wait_for 'got: y'
wait_for 'in(11)> '
send_keys C-d
wait_for 'bye'
send_keys C-d
wait_exit

TTY_STEP="the history file brings the inputs back in a new session"
tty_start env EMBER_HISTORY="$HIST" "$DRIVER"
wait_for 'in(1)> '
send_keys Up
wait_for 'in(1)> y'
send_keys Up
wait_for 'in(1)> kept'
send_keys Up
wait_for 'in(1)> >abc x_yz!'
send_keys Up
wait_for 'in(1)> hello'
send_keys Up
wait_for 'in(1)> spin'
send_keys Up
wait_for 'in(1)> IO.inspect(counter)'
# Ctrl+D only once the new prompt is up: typed while the reader is between two reads (the
# terminal briefly back in cooked mode), it can be lost, as on any libedit program.
send_keys C-c
wait_for 'in(1)> ' 2
send_keys C-d
wait_for 'bye'

TTY_STEP="an unusable history file is not an error"
tty_start env EMBER_HISTORY="$TTY_DIR/no/such/dir/history" "$DRIVER"
wait_for 'in(1)> '
send_text 'still works'; send_keys Enter
wait_for 'got: still works'
send_keys Up
wait_for 'in(2)> still works'
send_keys C-c
wait_for 'in(2)> ' 2
send_keys C-d
wait_for 'bye'

echo "PASS $TTY_NAME"
