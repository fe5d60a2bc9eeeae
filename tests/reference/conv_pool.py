# The PyTorch twin of tests/golden/stdlib/conv_pool.tl.
import torch
import torch.nn as nn
import torch.nn.functional as F

def show(t):
    print(t.detach().double().mul(10000).round().div(10000).tolist() if False else t.detach())

x = torch.linspace(-1, 1, 2 * 3 * 6 * 5, dtype=torch.float64).reshape(2, 3, 6, 5).requires_grad_()
w = torch.linspace(-0.5, 0.7, 4 * 3 * 3 * 2, dtype=torch.float64).reshape(4, 3, 3, 2).requires_grad_()
b = torch.tensor([0.1, -0.2, 0.3, 0.0], dtype=torch.float64, requires_grad=True)
for kw in [dict(), dict(stride=2), dict(padding=1), dict(padding=(2, 1), dilation=(2, 1)), dict(padding="same"), dict(stride=(2, 1), padding="valid")]:
    y = F.conv2d(x, w, b, **kw)
    print(kw, tuple(y.shape), round(y.sum().item(), 10), round((y * y).sum().item(), 8))
y = F.conv2d(x, w, b, padding=1)
(y * torch.linspace(0, 1, y.numel(), dtype=torch.float64).reshape(y.shape)).sum().backward()
print([round(v, 8) for v in x.grad.flatten()[:8].tolist()], round(x.grad.sum().item(), 8))
print([round(v, 8) for v in w.grad.flatten()[:8].tolist()], round(w.grad.sum().item(), 8))
print([round(v, 8) for v in b.grad.tolist()])
wg = torch.linspace(-1, 1, 6 * 1 * 2 * 2, dtype=torch.float64).reshape(6, 1, 2, 2)
print(tuple(F.conv2d(x.detach(), wg, groups=3).shape), round(F.conv2d(x.detach(), wg, groups=3).sum().item(), 8))
s = torch.linspace(-1, 1, 2 * 2 * 7, dtype=torch.float64).reshape(2, 2, 7)
k = torch.linspace(0, 1, 3 * 2 * 3, dtype=torch.float64).reshape(3, 2, 3)
print(F.conv1d(s, k, stride=2, padding=1).round(decimals=6).float())
print(F.conv1d(s[0], k, padding="same").shape)

m = torch.linspace(-2, 2, 2 * 2 * 7 * 6, dtype=torch.float64).reshape(2, 2, 7, 6)
m[0, 0, :2, :2] = 0.0
m = m.requires_grad_()
print(F.max_pool2d(m, 2).round(decimals=6).float()[0, 0])
print(F.max_pool2d(m, 3, stride=2, padding=1, ceil_mode=True).shape, F.max_pool2d(m, 3, stride=2, ceil_mode=True).shape, F.max_pool2d(m, 2, dilation=2).shape)
r = F.relu(m)
F.max_pool2d(r, 2).sum().backward()
print(m.grad[0, 0].float())
print(F.avg_pool2d(m.detach(), 3, stride=2, padding=1).round(decimals=6).float()[0, 1])
print(F.avg_pool2d(m.detach(), 3, stride=2, padding=1, count_include_pad=False).round(decimals=6).float()[0, 1])
print(F.avg_pool2d(m.detach(), 3, stride=2, padding=1, ceil_mode=True).round(decimals=6).float()[1, 0])
print(F.avg_pool2d(m.detach(), 2, divisor_override=3).round(decimals=6).float()[1, 1])
print(F.adaptive_avg_pool2d(m.detach(), (3, 4)).round(decimals=6).float()[0, 0])
print(F.adaptive_avg_pool2d(m.detach(), 1).shape, F.max_pool1d(s, 2).round(decimals=6).float())

torch.manual_seed(0)
conv = nn.Conv2d(3, 4, (3, 2), stride=1, padding=1)
with torch.no_grad():
    conv.weight.copy_(w.detach().float())
    conv.bias.copy_(b.detach().float())
print(conv, nn.Conv2d(3, 8, 3, stride=2, padding="same" if False else 1, bias=False, groups=1, dilation=2), nn.Conv1d(2, 3, 3, padding="same"), nn.Conv2d(2, 2, 3, padding_mode="reflect", padding=1, groups=2))
print(nn.MaxPool2d(2), nn.MaxPool2d(3, 2, 1, ceil_mode=True), nn.AvgPool2d(2), nn.AdaptiveAvgPool2d((1, 1)), nn.MaxPool1d(2))
out = conv(x.detach().float())
print(out.shape, round(out.sum().item(), 3))
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(4 * 3 * 2, 2))
print(model)
print([n for n, p in model.named_parameters()], [tuple(p.shape) for p in model.parameters()])
rc = nn.Conv2d(1, 1, 3, padding=1, padding_mode="reflect", bias=False)
with torch.no_grad():
    rc.weight.fill_(1.0)
print(rc(torch.arange(9.0).reshape(1, 1, 3, 3)).detach())
tie = torch.zeros(1, 1, 2, 4, requires_grad=True)
F.max_pool2d(tie, 2).sum().backward()
print(tie.grad)
