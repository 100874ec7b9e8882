#!/usr/bin/env bash
# Checks pactgraph's outputs with the clients people use: installs what tests/clients/apt.txt and
# tests/clients/requirements.txt list, builds the release binary, then runs every
# tests/clients/check_*.py against it. Each check prints "NAME: N passed, N failed"; any failure
# makes the script exit non-zero.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

need_apt=()
while read -r pkg; do
  [ -z "$pkg" ] || [ "${pkg#\#}" != "$pkg" ] && continue
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done < "$here/clients/apt.txt"
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check -r "$here/clients/requirements.txt"

cargo build --release --quiet
target="${CARGO_TARGET_DIR:-$root/target}"
export PACTGRAPH="$target/release/pactgraph"
export PACTGRAPH_ROOT="$root"

status=0
for check in "$here"/clients/check_*.py; do
  echo "== $(basename "$check")"
  python3 "$check" || status=1
done
exit $status
