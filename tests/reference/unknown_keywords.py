# Reference for tests/golden/docs/unknown_keywords.tl: the same calls in PyTorch 2 and
# Python 3.11, run with /work/shared/tools/oracle tests/reference/unknown_keywords.py.
# Errors print their kind and the first line of the message: every error line is a
# TypeError here as in tl (the wording differs: PyTorch's "received an invalid combination
# of arguments", CPython's builtins' "takes no keyword arguments", ...), and the other lines
# have tl's values (dtypes print as torch.float64 here).
#
# Left out of the golden, where tl differs:
# - torch.sum(input=t), torch.sum(x=t), torch.sum(a=t), torch.sum(x1=t), and likewise max,
#   min, any, all given the tensor by keyword (torch.max(input=t), torch.max(input=t,
#   dim=0), torch.any(input=t)): PyTorch binds them; tl raises TypeError "sum() got an
#   unexpected keyword argument 'input'" (these builtins are Python's sum/max/min/any/all
#   first, which take their iterable by position only, and reach the tensor reduction only
#   for a positional tensor).
# - torch.zeros(), torch.ones(), torch.empty(), torch.rand(), torch.randn() with no size
#   are TypeErrors ("missing 1 required positional arguments: "size""); tl returns a 0-dim
#   tensor.
# - optim.SGD([w], 0.1, 0, 0, 0, False, True): maximize is keyword-only in PyTorch
#   (TypeError "SGD.__init__() takes from 2 to 7 positional arguments but 8 were given");
#   tl's SGD takes it by position.
# Not tested: torch.where(c, t, 0., bogus=1) is a TypeError in PyTorch because of the
# scalar other (there is no where(Tensor, Tensor, Scalar) overload taking keywords), not
# because of bogus; the golden's where lines use a tensor other.
#
# Same kind, but tl's message names the wrong thing: reshape(t, (6,), shape=(6,)),
# zeros(2, size=(2,)) and randn(2, size=(2,)) say "got an unexpected keyword argument
# 'shape'" ('size'), though shape=/size= alone bind (PyTorch: "got multiple values for
# argument 'shape'"); reshape(t, (3, 2), 1) says "shape must be an int, not tuple"
# (PyTorch: "reshape() takes 2 positional arguments but 3 were given").
import torch
from torch import nn, optim
import torch.distributions as dist
autograd = torch.autograd


def err(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, str(e).splitlines()[0])


t = torch.tensor([[1., 5., 2.], [4., 0., 6.]])
b = torch.tensor([[1.], [2.], [3.]])
v = torch.tensor([1., 2.])
c = t > 1.

# sum
err("sum(t, dim=0, bogus=1)", lambda: torch.sum(t, dim=0, bogus=1))
err("sum()", lambda: torch.sum())
err("sum(t, 0, true, float32)", lambda: torch.sum(t, 0, True, torch.float32))
err("sum(t, 0, dim=0)", lambda: torch.sum(t, 0, dim=0))
err("sum(t, axis=0, keepdims=true)", lambda: torch.sum(t, axis=0, keepdims=True))
err("sum(t, dim=0, axis=0)", lambda: torch.sum(t, dim=0, axis=0))
err("sum(t, keepdim=true, keepdims=true, dim=0)", lambda: torch.sum(t, keepdim=True, keepdims=True, dim=0))
err("sum(t, input=t)", lambda: torch.sum(t, input=t))
err("t.sum(bogus=1)", lambda: t.sum(bogus=1))
err("t.sum(0, true, float32)", lambda: t.sum(0, True, torch.float32))
err("t.sum(0, dim=0)", lambda: t.sum(0, dim=0))
err("t.sum(axis=0)", lambda: t.sum(axis=0))

# mean
err("mean(t, 0, bogus=1)", lambda: torch.mean(t, 0, bogus=1))
err("mean()", lambda: torch.mean())
err("mean(t, 0, true, float32)", lambda: torch.mean(t, 0, True, torch.float32))
err("mean(t, 1, dim=1)", lambda: torch.mean(t, 1, dim=1))
err("mean(t, axis=0, keepdims=true)", lambda: torch.mean(t, axis=0, keepdims=True))
err("t.mean(keepdims=true, axis=1)", lambda: t.mean(keepdims=True, axis=1))

# reshape
err("reshape(t, (3, 2), bogus=1)", lambda: torch.reshape(t, (3, 2), bogus=1))
err("reshape(t)", lambda: torch.reshape(t))
err("reshape(t, (3, 2), 1)", lambda: torch.reshape(t, (3, 2), 1))
err("reshape(t, (6,), shape=(6,))", lambda: torch.reshape(t, (6,), shape=(6,)))
err("reshape(x=t, shape=(3, 2))", lambda: torch.reshape(x=t, shape=(3, 2)))
err("t.reshape(3, 2, bogus=1)", lambda: t.reshape(3, 2, bogus=1))
err("t.reshape()", lambda: t.reshape())
err("t.reshape(shape=(3, 2))", lambda: t.reshape(shape=(3, 2)))

# zeros, randn, full, arange, tensor
err("zeros(2, bogus=1)", lambda: torch.zeros(2, bogus=1))
err("zeros(2, size=(2,))", lambda: torch.zeros(2, size=(2,)))
err("randn(2, bogus=1)", lambda: torch.randn(2, bogus=1))
err("randn(2, size=(2,))", lambda: torch.randn(2, size=(2,)))
err("randn(2, dtype=float64).dtype", lambda: torch.randn(2, dtype=torch.float64).dtype)
err("full((2,), 1., bogus=1)", lambda: torch.full((2,), 1., bogus=1))
err("full((2,))", lambda: torch.full((2,)))
err("full((2,), 1., size=(2,))", lambda: torch.full((2,), 1., size=(2,)))
err("arange(3, bogus=1)", lambda: torch.arange(3, bogus=1))
err("arange()", lambda: torch.arange())
err("arange(0, 3, 1, 2)", lambda: torch.arange(0, 3, 1, 2))
err("tensor([1.], bogus=1)", lambda: torch.tensor([1.], bogus=1))
err("tensor()", lambda: torch.tensor())
err("tensor([1.], float64)", lambda: torch.tensor([1.], torch.float64))
err("tensor([1.], data=[1.])", lambda: torch.tensor([1.], data=[1.]))

# cat
err("cat([v, v], bogus=1)", lambda: torch.cat([v, v], bogus=1))
err("cat()", lambda: torch.cat())
err("cat([v, v], 0, 1)", lambda: torch.cat([v, v], 0, 1))
err("cat([v, v], 0, dim=0)", lambda: torch.cat([v, v], 0, dim=0))
err("cat(tensors=[v, v], axis=0)", lambda: torch.cat(tensors=[v, v], axis=0))

# where
err("where(c, t, -t, bogus=1)", lambda: torch.where(c, t, -t, bogus=1))
err("where()", lambda: torch.where())
err("where(c, t, t, t)", lambda: torch.where(c, t, t, t))
err("where(c, t, t, input=t)", lambda: torch.where(c, t, t, input=t))
err("where(condition=c, x1=t, x2=-t)", lambda: torch.where(condition=c, x1=t, x2=-t))
err("where(c, x=t, other=-t)", lambda: torch.where(c, x=t, other=-t))

# clamp
err("clamp(t, min=1., bogus=1)", lambda: torch.clamp(t, min=1., bogus=1))
err("clamp()", lambda: torch.clamp())
err("clamp(t, 1., 2., 3.)", lambda: torch.clamp(t, 1., 2., 3.))
err("clamp(t, 1., min=1.)", lambda: torch.clamp(t, 1., min=1.))
err("clamp(x=t, max=2.)", lambda: torch.clamp(x=t, max=2.))
err("t.clamp(max=2., bogus=1)", lambda: t.clamp(max=2., bogus=1))

# matmul
err("matmul(t, b, bogus=1)", lambda: torch.matmul(t, b, bogus=1))
err("matmul(t)", lambda: torch.matmul(t))
err("matmul(t, b, b)", lambda: torch.matmul(t, b, b))
err("matmul(t, b, other=b)", lambda: torch.matmul(t, b, other=b))
err("matmul(x1=t, x2=b)", lambda: torch.matmul(x1=t, x2=b))
err("matmul(x=t, other=b)", lambda: torch.matmul(x=t, other=b))
err("t.matmul(b, bogus=1)", lambda: t.matmul(b, bogus=1))
err("t.matmul()", lambda: t.matmul())
err("t.matmul(x2=b)", lambda: t.matmul(x2=b))

# softmax
err("softmax(t, 0, bogus=1)", lambda: torch.softmax(t, 0, bogus=1))
err("softmax(t)", lambda: torch.softmax(t))
err("softmax(t, 0, float32, 1)", lambda: torch.softmax(t, 0, torch.float32, 1))
err("softmax(t, 0, dim=0)", lambda: torch.softmax(t, 0, dim=0))
err("softmax(v, axis=0)", lambda: torch.softmax(v, axis=0))
err("v.softmax(dim=0, bogus=1)", lambda: v.softmax(dim=0, bogus=1))
err("v.softmax(axis=0)", lambda: v.softmax(axis=0))

# argmax, max, exp, add
err("t.argmax(bogus=1)", lambda: t.argmax(bogus=1))
err("argmax(t, 0, true, 1)", lambda: torch.argmax(t, 0, True, 1))
err("t.argmax(axis=1)", lambda: t.argmax(axis=1))
err("argmax(t, dim=0, keepdims=true)", lambda: torch.argmax(t, dim=0, keepdims=True))
err("max(t, dim=0, bogus=1)", lambda: torch.max(t, dim=0, bogus=1))
err("max(t, 0, dim=0)", lambda: torch.max(t, 0, dim=0))
err("max(t, axis=1, keepdims=true).values", lambda: torch.max(t, axis=1, keepdims=True).values)
err("exp(t, bogus=1)", lambda: torch.exp(t, bogus=1))
err("exp()", lambda: torch.exp())
err("exp(v, v)", lambda: torch.exp(v, v))
err("exp(x=v)", lambda: torch.exp(x=v))
err("add(v, v, other=v)", lambda: torch.add(v, v, other=v))
err("add(x1=v, x2=v)", lambda: torch.add(x1=v, x2=v))
err("t.add(x2=t)", lambda: t.add(x2=t))

# Python's builtins and methods
err("print(1, bogus=2)", lambda: print(1, bogus=2))
err("print(1, 2, sep='-', end='!\\n')", lambda: print(1, 2, sep='-', end='!\n'))
err("sorted([3, 1], bogus=1)", lambda: sorted([3, 1], bogus=1))
err("sorted()", lambda: sorted())
err("sorted([3, 1], none)", lambda: sorted([3, 1], None))
err("sorted(iterable=[3, 1])", lambda: sorted(iterable=[3, 1]))
err("sorted([3, 1, 2], key=|k| -k, reverse=true)", lambda: sorted([3, 1, 2], key=lambda k: -k, reverse=True))
err("len([1], bogus=1)", lambda: len([1], bogus=1))
err("len()", lambda: len())
err("len([1], [2])", lambda: len([1], [2]))
err("len(obj=[1])", lambda: len(obj=[1]))
err("range(3, bogus=1)", lambda: range(3, bogus=1))
err("range()", lambda: range())
err("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4))
err("range(stop=3)", lambda: range(stop=3))
err("'a b'.split(bogus=1)", lambda: 'a b'.split(bogus=1))
err("'a b'.split(' ', 1, 2)", lambda: 'a b'.split(' ', 1, 2))
err("'a b'.split(' ', sep=' ')", lambda: 'a b'.split(' ', sep=' '))
err("'a b c'.split(sep=' ', maxsplit=1)", lambda: 'a b c'.split(sep=' ', maxsplit=1))
err("[3, 1].sort(bogus=1)", lambda: [3, 1].sort(bogus=1))
err("[3, 1].sort(none)", lambda: [3, 1].sort(None))
def sorted_in_place():
    xs = [3, 1, 2]
    xs.sort(key=lambda k: -k)
    return xs

err("xs.sort(key=|k| -k)", sorted_in_place)
err("{'k': 1}.get(bogus=1)", lambda: {'k': 1}.get(bogus=1))
err("{'k': 1}.get()", lambda: {'k': 1}.get())
err("{'k': 1}.get('k', 0, 1)", lambda: {'k': 1}.get('k', 0, 1))
err("{'k': 1}.get(key='k')", lambda: {'k': 1}.get(key='k'))
err("{'k': 1}.get('j', 0)", lambda: {'k': 1}.get('j', 0))
err("[].append()", lambda: [].append())
err("[].append(1, 2)", lambda: [].append(1, 2))
err("[].append(object=1)", lambda: [].append(object=1))
err("','.join()", lambda: ','.join())
err("','.join(['a'], 1)", lambda: ','.join(['a'], 1))
err("enumerate([1], bogus=1)", lambda: enumerate([1], bogus=1))
err("list(enumerate(['a'], start=1))", lambda: list(enumerate(['a'], start=1)))
err("isinstance(1)", lambda: isinstance(1))
err("isinstance(1, int, 2)", lambda: isinstance(1, int, 2))

# autograd
w = torch.tensor([1., 2.], requires_grad=True)
err("(w * w).sum().backward(bogus=1)", lambda: (w * w).sum().backward(bogus=1))
err("(w * w).sum().backward(none, false, false, none, 1)", lambda: (w * w).sum().backward(None, False, False, None, 1))
err("(w * w).sum().backward(none, gradient=none)", lambda: (w * w).sum().backward(None, gradient=None))
def weighted_backward():
    (w * w).backward(gradient=torch.tensor([1., 0.5]))
    return w.grad

err("(w * w).backward(gradient=tensor([1., 0.5])); w.grad", weighted_backward)
err("autograd.grad((w * w).sum(), w, bogus=1)", lambda: autograd.grad((w * w).sum(), w, bogus=1))
err("autograd.grad((w * w).sum())", lambda: autograd.grad((w * w).sum()))
err("autograd.grad(outputs=(w * w).sum(), inputs=w)", lambda: autograd.grad(outputs=(w * w).sum(), inputs=w))

# stdlib: optim.SGD, nn.Linear, dist.Normal
err("optim.SGD([w], lr=0.1, bogus=1)", lambda: optim.SGD([w], lr=0.1, bogus=1))
err("optim.SGD()", lambda: optim.SGD())
err("optim.SGD([w], 0.1, 0, 0, 0, false, false, 1)", lambda: optim.SGD([w], 0.1, 0, 0, 0, False, False, 1))
err("optim.SGD([w], 0.1, lr=0.1)", lambda: optim.SGD([w], 0.1, lr=0.1))
err("optim.SGD([w], 0.1, momentum=0.9).defaults['momentum']", lambda: optim.SGD([w], 0.1, momentum=0.9).defaults['momentum'])
err("optim.SGD([w], 0.1).step(bogus=1)", lambda: optim.SGD([w], 0.1).step(bogus=1))
err("optim.SGD([w], 0.1).zero_grad(none, 1)", lambda: optim.SGD([w], 0.1).zero_grad(None, 1))
err("nn.Linear(2, 3, bogus=1)", lambda: nn.Linear(2, 3, bogus=1))
err("nn.Linear(2)", lambda: nn.Linear(2))
err("nn.Linear(2, 3, true, 'cpu', float32, 1)", lambda: nn.Linear(2, 3, True, 'cpu', torch.float32, 1))
err("nn.Linear(2, 3, in_features=2)", lambda: nn.Linear(2, 3, in_features=2))
err("nn.Linear(in_features=2, out_features=3, bias=false).bias", lambda: nn.Linear(in_features=2, out_features=3, bias=False).bias)
err("nn.Linear(2, 3)(zeros(2), bogus=1)", lambda: nn.Linear(2, 3)(torch.zeros(2), bogus=1))
err("dist.Normal(0., 1., bogus=1)", lambda: dist.Normal(0., 1., bogus=1))
err("dist.Normal(0.)", lambda: dist.Normal(0.))
err("dist.Normal(0., 1., none, 1)", lambda: dist.Normal(0., 1., None, 1))
err("dist.Normal(0., 1., loc=0.)", lambda: dist.Normal(0., 1., loc=0.))
err("dist.Normal(loc=0., scale=2.).variance", lambda: dist.Normal(loc=0., scale=2.).variance)
err("dist.Normal(0., 1.).log_prob(tensor(0.), bogus=1)", lambda: dist.Normal(0., 1.).log_prob(torch.tensor(0.), bogus=1))
err("dist.Normal(0., 1.).log_prob()", lambda: dist.Normal(0., 1.).log_prob())
err("dist.Normal(0., 1.).sample((2,), 1)", lambda: dist.Normal(0., 1.).sample((2,), 1))