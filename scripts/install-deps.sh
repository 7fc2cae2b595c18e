#!/bin/sh
# Installs the Debian packages ember needs to build, test and benchmark, when they are missing.
# Idempotent and quiet when nothing is missing. Needs root (or sudo) only when it installs.
set -eu
PKGS="build-essential clang libclang-rt-14-dev pkg-config libcriterion-dev libedit-dev elixir tmux hyperfine python3 valgrind"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing > /dev/null
