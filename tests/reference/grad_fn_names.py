# The PyTorch twin of tests/golden/autograd/grad_fn_names.tl.
import torch
import torch.nn.functional as F
a = torch.randn(3, 4, requires_grad=True); b = torch.randn(4, 2, requires_grad=True); v = torch.randn(4, requires_grad=True)
B = torch.randn(5, 3, 4, requires_grad=True); C = torch.randn(5, 4, 2, requires_grad=True)
w = torch.randn(2, 4, requires_grad=True); bias = torch.randn(2, requires_grad=True)
x = torch.randn(3, 4, requires_grad=True)
t = torch.tensor([0, 1, 1])
cases = {
    "a@b": lambda: a @ b,
    "a@v": lambda: a @ v,
    "v@v": lambda: v @ v,
    "v@b": lambda: v @ b,
    "B@C": lambda: B @ C,
    "B@b": lambda: B @ b,
    "mm": lambda: a.mm(b),
    "bmm": lambda: B.bmm(C),
    "mv": lambda: a.mv(v),
    "dot": lambda: v.dot(v),
    "outer": lambda: torch.outer(v, v),
    "linear2d": lambda: F.linear(x, w, bias),
    "linear2d_nobias": lambda: F.linear(x, w),
    "nll": lambda: F.nll_loss(F.log_softmax(x[:, :2], 1), t),
    "ce": lambda: F.cross_entropy(x, t),
    "ce_sum1d": lambda: F.cross_entropy(v, torch.tensor(1), reduction="sum"),
    "ce_none": lambda: F.cross_entropy(x, t, reduction="none"),
    "mse": lambda: F.mse_loss(x, x.detach()*2),
    "mse_none": lambda: F.mse_loss(x, x.detach()*2, reduction="none"),
    "l1": lambda: F.l1_loss(x, x.detach()),
    "bcel": lambda: F.binary_cross_entropy_with_logits(x, x.detach().sigmoid()),
    "bce": lambda: F.binary_cross_entropy(x.sigmoid(), x.detach().sigmoid()),
    "smoothl1": lambda: F.smooth_l1_loss(x, x.detach()*2),
    "huber": lambda: F.huber_loss(x, x.detach()*2),
    "kl": lambda: F.kl_div(x, x.detach().exp(), reduction="batchmean"),
    "mask": lambda: (lambda y: (y.__setitem__(y > 0, 0), y)[1])(x * 1),
    "max": lambda: x.max(),
    "maxdim": lambda: x.max(1)[0],
    "clamp": lambda: x.clamp(0, 1),
    "clampmin": lambda: x.clamp(min=0),
    "relu": lambda: F.relu(x),
    "dropout_eval": lambda: F.dropout(x, training=False),
    "sigmoid": lambda: F.sigmoid(x),
    "normalize": lambda: F.normalize(x),
}
for k, f in cases.items():
    r = f()
    print(k, type(r.grad_fn).__name__)
