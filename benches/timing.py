# The timing every PyTorch benchmark shares, as benches/timing.tl does it in tl:
# f once to warm up, then `repeats` timed runs; prints `name seconds_per_op` (median).
import time


def bench(name, f, ops, repeats=7):
    f()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append((time.perf_counter() - start) / ops)
    print(name, sorted(times)[len(times) // 2])
