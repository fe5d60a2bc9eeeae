# The same work as benches/tensor_ops.tl, in PyTorch (run through ../shared/tools/oracle).
import time
import torch


def bench(name, f, ops, repeats=7):
    f()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append((time.perf_counter() - start) / ops)
    print(name, sorted(times)[len(times) // 2])


a = torch.ones(4)
b = torch.ones(4)


def small_adds():
    for i in range(100000):
        c = a + b


bench("add_4_elements", small_adds, 100000)
x = torch.rand(10000000)
y = torch.rand(10000000)
bench("add_10M_f32", lambda: x + y, 1, 11)
bench("exp_10M_f32", lambda: torch.exp(x), 1, 11)
bench("sum_10M_f32", lambda: x.sum(), 1, 21)
m = torch.rand(3162, 3162)
bench("row_sums_3162sq_f32", lambda: m.sum(dim=1), 1, 21)
p = torch.rand(1024, 1024)
q = torch.rand(1024, 1024)
bench("matmul_1024sq_f32", lambda: p @ q, 1, 11)
