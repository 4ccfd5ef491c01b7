#!/usr/bin/env bash
# Runs the notebooks headlessly, as the tests do, and writes executed copies (with every output:
# tables, charts, printed results) to notebooks/out/, which git ignores. The committed notebooks
# stay without outputs.
#   scripts/run-notebooks.sh                  # both
#   scripts/run-notebooks.sh analysis.ipynb   # one
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

notebooks=("$@")
[[ ${#notebooks[@]} -gt 0 ]] || notebooks=(exploration.ipynb analysis.ipynb)
for name in "${notebooks[@]}"; do
  if [[ ! -f "notebooks/$name" ]]; then
    echo "run-notebooks: error: no notebook notebooks/$name" >&2
    exit 2
  fi
done

./mlops --help >/dev/null          # builds the library the notebooks load (Release)
dotnet tool restore >/dev/null     # dotnet-repl, pinned in .config/dotnet-tools.json
mkdir -p notebooks/out

failed=0
for name in "${notebooks[@]}"; do
  start=$(date +%s)
  # The kernel starts in notebooks/: the notebooks' paths are relative to it, as in VS Code and Jupyter.
  if (cd notebooks && LANG=C.UTF-8 LC_ALL=C.UTF-8 dotnet tool run dotnet-repl --run "$name" --exit-after-run \
        --output-format ipynb --output-path "out/$name"); then
    echo "$name: every cell ran ($(( $(date +%s) - start )) s) → notebooks/out/$name"
  else
    failed=1
    echo "$name: FAILED → notebooks/out/$name; errors:" >&2
    grep -o '"evalue": "[^"]\{0,300\}' "notebooks/out/$name" | sed 's/^"evalue": "/  /' >&2 || true
  fi
done
exit "$failed"
