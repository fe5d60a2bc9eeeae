# The same work as benches/tensor_ops.tl, in PyTorch (run through ../shared/tools/oracle).
import torch
from timing import bench


a = torch.ones(4)
b = torch.ones(4)


def small_adds():
    for i in range(100000):
        c = a + b


bench("add_4_elements", small_adds, 100000)
s = torch.ones(3, 4)


def sum_calls():
    for i in range(100000):
        c = s.sum(dim=0)


bench("sum_dim0_call", sum_calls, 100000)
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

# Autograd (issue 4).
A = torch.rand(1000, 1000, dtype=torch.float64, requires_grad=True)


def square_sum_backward():
    (A * A).sum().backward()
    A.grad = None


bench("square_sum_backward_1000sq_f64", square_sum_backward, 1, 11)
batch = torch.randn(256, 784)
labels = torch.randint(0, 10, (256,))
W1 = (torch.randn(784, 128) * 0.05).requires_grad_()
b1 = torch.zeros(128, requires_grad=True)
W2 = (torch.randn(128, 10) * 0.05).requires_grad_()
b2 = torch.zeros(10, requires_grad=True)


def mlp_step():
    hidden = (batch @ W1 + b1).relu()
    loss = -(hidden @ W2 + b2).log_softmax(1)[torch.arange(256), labels].mean()
    loss.backward()
    with torch.no_grad():
        for p in [W1, b1, W2, b2]:
            p -= 0.01 * p.grad
            p.grad = None


bench("mlp_step_256x784", mlp_step, 1, 11)
