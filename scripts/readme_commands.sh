#!/usr/bin/env bash
# Runs the README's set-up commands as a newcomer would, so that a broken first minute fails CI:
# `cargo run --release -- --version` (cargo must be able to choose the binary; the release profile,
# so that the check shares the build of the next command instead of writing a third one), then the README's own
# `cargo run …` line under tmux, with a fresh data directory for the index, until the browser
# shows the bundled articles' officials; `q` must then quit with status 0.
set -euo pipefail
cd "$(dirname "$0")/.."

cmd=$(sed -n '/^## Set up/,/^## [^S]/p' README.md | grep -m1 '^cargo run' | sed 's/#.*//; s/[[:space:]]*$//')
if [ -z "$cmd" ]; then
  echo "readme: no 'cargo run' line under '## Set up' in README.md" >&2
  exit 1
fi

echo "readme: cargo run --release -- --version"
cargo run --release -q -- --version

command -v tmux >/dev/null || { echo "readme: tmux is needed" >&2; exit 1; }
fresh=$(mktemp -d)
sock="onrecord-readme-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$fresh"' EXIT
echo "readme: $cmd (under tmux, index in a fresh XDG_DATA_HOME)"
tmux -L "$sock" new-session -d -s readme -x 120 -y 40 \
  "cd '$PWD' && XDG_DATA_HOME='$fresh' TERM=xterm-256color $cmd 2>&1; echo README_EXIT=\$?; sleep 600"

screen() { tmux -L "$sock" capture-pane -p -t readme; }
deadline=$((SECONDS + ${README_TIMEOUT:-1500}))
until screen | grep -q 'Officials' && screen | grep -q 'Lavrov'; do
  if screen | grep -q 'README_EXIT='; then
    echo "readme: '$cmd' exited before the browser showed the bundled officials:" >&2
    screen >&2
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "readme: the browser never showed the bundled officials; screen:" >&2
    screen >&2
    exit 1
  fi
  sleep 1
done
tmux -L "$sock" send-keys -t readme q
for _ in $(seq 1 30); do
  screen | grep -q 'README_EXIT=' && break
  sleep 1
done
if ! screen | grep -q 'README_EXIT=0'; then
  echo "readme: 'q' did not quit the browser with status 0; screen:" >&2
  screen >&2
  exit 1
fi
echo "readme: '$cmd' opened the browser on the bundled articles and quit cleanly"
