# torch.autograd.Function: PyTorch's Legendre-polynomial tutorial (polynomial_custom_function.py) as written there, multiple outputs with mark-free non-differentiable indices, second order through a saved output, the wrong-count and in-place errors. The twin of tests/golden/autograd/custom_function.tl.
import torch
import math

class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)

dtype = torch.float
x = torch.linspace(-math.pi, math.pi, 2000, dtype=dtype)
y = torch.sin(x)
a = torch.full((), 0.0, dtype=dtype, requires_grad=True)
b = torch.full((), -1.0, dtype=dtype, requires_grad=True)
c = torch.full((), 0.0, dtype=dtype, requires_grad=True)
d = torch.full((), 0.3, dtype=dtype, requires_grad=True)
learning_rate = 5e-6
for t in range(2000):
    P3 = LegendrePolynomial3.apply
    y_pred = a + b * P3(c + d * x)
    loss = (y_pred - y).pow(2).sum()
    if t % 500 == 99:
        print(t, f"{loss.item():.4f}")
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None
print(f'Result: y = {abs(a.item()):.4f} + {b.item():.4f} * P3({abs(c.item()):.4f} + {d.item():.4f} x)')
z = LegendrePolynomial3.apply(torch.tensor([0.5, 2.0], requires_grad=True))
print(z.grad_fn.name())
print(z)

class Exp2(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        r = x.exp() * k
        ctx.save_for_backward(r)
        ctx.k = k
        return r, x.argmax()

    @staticmethod
    def backward(ctx, g, g_idx):
        r, = ctx.saved_tensors
        return g * r, None

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
r, i = Exp2.apply(x, 2.0)
print(r, i, i.requires_grad)
g, = torch.autograd.grad(r.sum(), x, create_graph=True)
print(g)
g2, = torch.autograd.grad(g.sum(), x)
print(g2)


class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g, g

try:
    Bad.apply(torch.ones(2, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)

class Needs(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        print("needs", ctx.needs_input_grad)
        return a * b
    @staticmethod
    def backward(ctx, g):
        return g, None
Needs.apply(torch.ones(1, requires_grad=True), torch.ones(1))
w = torch.ones(2, requires_grad=True)
q = LegendrePolynomial3.apply(w)
with torch.no_grad():
    w.add_(1)
try:
    q.sum().backward()
except RuntimeError as e:
    print("RuntimeError", str(e)[:120])

class SavesAnInt(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        return x

try:
    SavesAnInt.apply(torch.ones(1, requires_grad=True))
except TypeError as e:
    print("TypeError", e)
