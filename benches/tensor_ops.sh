#!/usr/bin/env bash
# Tensor benchmarks: the same work timed in tl (benches/tensor_ops.tl) and in PyTorch
# (benches/tensor_ops.py through the oracle), one after the other on this machine,
# printed side by side with the ratio tl/PyTorch (below 1: tl is faster).
# Usage: benches/tensor_ops.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
oracle=../shared/tools/oracle
target/release/tl benches/tensor_ops.tl > target/bench_tl.txt
if ! [ -x "$oracle" ]; then
    echo "no oracle at $oracle: tl's times only" >&2
    cat target/bench_tl.txt
    exit 0
fi
"$oracle" benches/tensor_ops.py > target/bench_torch.txt
printf '%-22s %14s %14s %8s\n' work "tl (s/op)" "torch (s/op)" ratio
awk 'NR == FNR { torch[$1] = $2; next }
     { printf "%-22s %14.3e %14.3e %8.2f\n", $1, $2, torch[$1], $2 / torch[$1] }' \
    target/bench_torch.txt target/bench_tl.txt
