#!/usr/bin/env bash
# Start-up benchmark: how long `tl -e 'print(1)'` takes as a whole process, against
# `python3 -c 'print(1)'` and `python3 -c 'import torch'` when the oracle has torch.
# The target (issue 2) is under 20 ms for tl. Usage: benches/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
cargo build --release --quiet
tl=target/release/tl

# Median wall time in milliseconds of RUNS runs of a command.
median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}

tl_ms=$(median_ms "$tl" -e 'print(1)')
py_ms=$(median_ms python3 -c 'print(1)')
echo "tl -e 'print(1)':          ${tl_ms} ms (median of $runs)"
echo "python3 -c 'print(1)':     ${py_ms} ms"
oracle=../shared/tools/oracle
if [ -x "$oracle" ] && "$oracle" -c 'import torch' 2>/dev/null; then
    runs=5
    torch_ms=$(median_ms "$oracle" -c 'import torch')
    echo "python -c 'import torch':  ${torch_ms} ms (median of 5)"
    awk -v a="$torch_ms" -v b="$tl_ms" 'BEGIN { printf "import torch / tl start-up: %.0fx\n", a / b }'
fi
