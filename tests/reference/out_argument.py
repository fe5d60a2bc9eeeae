# Reference for tests/golden/docs/out_argument.tl: the same lines from PyTorch, run with
# /work/shared/tools/oracle tests/reference/out_argument.py. Errors print their kind and
# the first line of PyTorch's message.
#
# Differences from tl:
# - By design (documented in the .tl): an out= of the wrong shape. PyTorch resizes it (with
#   a UserWarning when it held elements) and succeeds, so these lines print the result
#   where tl prints its RuntimeError ("out has shape [3] but the result has shape [2, 2];
#   tl does not resize out= tensors").
# - matmul with an int64 out: PyTorch's message is "Expected out tensor to have dtype float,
#   but got long int instead" (a RuntimeError, as tl's).
# - Left out of the golden, where tl is wrong:
#   * torch.sum / torch.prod with dim= and an out of another dtype cast the input to out's
#     dtype: sum(tensor([1.5, 2.7]), dim=0, out=zeros((), dtype=int64)) is tensor(3),
#     prod(...) tensor(2), sum(tensor([True, True]), dim=0, out=zeros((), dtype=bool)) is
#     tensor(True); tl raises RuntimeError "result type Float can't be cast to the desired
#     output type Long" (and "... Long ... Bool").
#   * torch.sum(x, out=o) and torch.prod(x, out=o) without dim are TypeErrors (the
#     whole-tensor overloads take no out=); tl accepts them.
#   * Tensor methods take no out= (x.add(y, out=o), x.sum(0, out=o), x.matmul(y, out=o),
#     x.exp(out=o), x.clamp(0, out=o), x.softmax(0, out=o), x.cumsum(0, out=o),
#     x.mean(0, out=o) are all TypeErrors); tl accepts out= on the method forms.
# - Not tested, PyTorch quirks: torch.add(a, b, out=3) is a RuntimeError ("result type Float
#   can't be cast to the desired output type Long"; tl: TypeError "argument 'out' must be
#   Tensor, not int"); torch.where(c, t, 0., out=o) is a TypeError (a scalar other has no
#   out= overload; tl accepts it).
import torch
import warnings
warnings.simplefilter('ignore')


def err(f):
    try:
        r = f()
        print('no error', r)
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])


a = torch.tensor([[1., 2.], [3., 4.]])
b = torch.tensor([[1., 0.], [1., 1.]])
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
i = torch.tensor([[1, 2], [3, 4]])
zeros, ones, empty, tensor = torch.zeros, torch.ones, torch.empty, torch.tensor
int64, int32, float32, float64 = torch.int64, torch.int32, torch.float32, torch.float64

# The result is written into out, which is returned
y = zeros(2, 2)
r = torch.matmul(input=a, other=b, out=y)
print(r is y, r is a, y)
o = zeros(3)
print(torch.sum(x, dim=0, out=o) is o, o)
c = empty(2, 2)
print(torch.add(a, b, out=c) is c, c)
print(torch.add(a, b, alpha=2, out=c), c)
print(torch.mean(x, 1, out=zeros(2)), torch.mean(x, dim=1, keepdim=True, out=zeros(2, 1)))
print(torch.exp(zeros(2), out=empty(2)))
print(torch.cat([a, b], out=zeros(4, 2)))
print(torch.where(tensor([True, False]), tensor([1., 2.]), tensor([3., 4.]), out=zeros(2)))
print(torch.clamp(x, min=2., max=5., out=zeros(2, 3)))
print(torch.softmax(tensor([0., 0.]), 0, out=zeros(2)))
print(zeros(2, 2, out=ones(2, 2)))
print(torch.arange(3, out=zeros(3, dtype=int64)), torch.arange(3, out=zeros(3)))
print(torch.matmul(input=tensor([1., 2.]), other=tensor([10., 20.]), out=zeros(())))

# out may be a view (written through to its base) or one of the inputs
big = zeros(2, 3)
print(torch.sum(x, dim=0, out=big[1]), big)
u = tensor([1., 2.])
print(torch.add(u, tensor([10., 20.]), out=u) is u, u)
m = zeros(2, 2)
print(torch.matmul(tensor([[1., 2.]]).T, tensor([[3., 4.]]), out=m) is m, m)

# dtypes
err(lambda: torch.add(a, b, out=zeros(2, 2, dtype=int64)))
err(lambda: torch.matmul(a, b, out=zeros(2, 2, dtype=int64)))
err(lambda: torch.mean(tensor([1.5, 2.7]), dim=0, out=zeros((), dtype=int64)))
err(lambda: torch.add(a, b, out=zeros(2, 2, dtype=torch.bool)))
err(lambda: torch.exp(zeros(2, dtype=int64), out=zeros(2, dtype=int64)))
print(torch.add(i, i, out=zeros(2, 2)))
print(torch.add(i, i, out=zeros(2, 2, dtype=float64)))
print(torch.add(i, i, out=zeros(2, 2, dtype=int32)))
print(torch.sum(tensor([1, 2]), dim=0, out=zeros((), dtype=float32)))
print(torch.sum(tensor([1.5, 2.7]), dim=0, out=zeros((), dtype=float64)))

# autograd
g = tensor([1., 2.], requires_grad=True)
err(lambda: torch.add(g, g, out=zeros(2)))
err(lambda: torch.add(a, b, out=zeros(2, 2, requires_grad=True)))
err(lambda: torch.matmul(g, g, out=zeros(())))
err(lambda: torch.sum(g, dim=0, out=zeros(())))
with torch.no_grad():
    print(torch.add(g, g, out=zeros(2)))
    print(torch.add(g, g, out=zeros(2, requires_grad=True)))
print(torch.add(g.detach(), g.detach(), out=zeros(2)))

# A shape that is not the result's: PyTorch resizes out (tl: RuntimeError)
err(lambda: torch.add(a, b, out=zeros(3)))
err(lambda: torch.matmul(a, b, out=zeros(2, 3)))
err(lambda: torch.sum(x, dim=0, out=zeros(2)))
err(lambda: torch.mean(x, dim=1, keepdim=True, out=zeros(2)))

# out=None
n = torch.add(a, b, out=None)
print(n, n is a, n is b)
print(torch.matmul(a, b, out=None), torch.sum(x, dim=1, out=None), zeros(2, out=None))

# out must be a tensor
err(lambda: torch.add(a, b, out=[1]))
err(lambda: torch.sum(x, dim=0, out=3))
err(lambda: torch.matmul(a, b, out=3))
