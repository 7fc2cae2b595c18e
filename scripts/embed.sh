#!/bin/sh
# Turns each file named on the command line into a C string in one generated file,
# plus a table `embedded_files[]` of {name, text, length} ending in {0}.
# Names are the path relative to the project root (grammar/ember.mpc, src/lib/agent.ex).
set -eu
echo '#include <stddef.h>'
echo '#include "embedded.h"'
i=0
for f in "$@"; do
  printf 'static const char file_%d[] =\n' "$i"
  # Escape backslashes and quotes, keep lines, mark each line end with \n.
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$f"
  echo ';'
  i=$((i + 1))
done
echo 'const EmbeddedFile embedded_files[] = {'
i=0
for f in "$@"; do
  printf '  {"%s", file_%d, sizeof file_%d - 1},\n' "$f" "$i" "$i"
  i=$((i + 1))
done
echo '  {0, 0, 0}'
echo '};'
