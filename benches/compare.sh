#!/usr/bin/env bash
# Benchmarks against PyTorch: each benches/NAME.tl is timed in tl and its twin
# benches/NAME.py in PyTorch (through ../shared/tools/oracle), one after the other on
# this machine, printed side by side with the ratio tl/PyTorch (below 1: tl is faster).
# Usage: benches/compare.sh [NAME...]   (default: tensor_ops einops_forms stdlib)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
oracle=../shared/tools/oracle
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(tensor_ops einops_forms stdlib)
for name in "${names[@]}"; do
    target/release/tl "benches/$name.tl" > "target/bench_${name}_tl.txt"
    if ! [ -x "$oracle" ]; then
        echo "no oracle at $oracle: tl's times only" >&2
        cat "target/bench_${name}_tl.txt"
        continue
    fi
    "$oracle" "benches/$name.py" > "target/bench_${name}_torch.txt"
    printf '%-32s %14s %14s %8s\n' "$name" "tl (s/op)" "torch (s/op)" ratio
    awk 'NR == FNR { torch[$1] = $2; next }
         { printf "%-32s %14.3e %14.3e %8.2f\n", $1, $2, torch[$1], $2 / torch[$1] }' \
        "target/bench_${name}_torch.txt" "target/bench_${name}_tl.txt"
done
