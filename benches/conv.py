# Convolution and pooling in PyTorch: the same work as benches/conv.tl, printed the
# same way.

import torch
import torch.nn.functional as F
from timing import bench

torch.manual_seed(0)
x = torch.randn(32, 3, 64, 64)
w = torch.randn(16, 3, 3, 3)
b = torch.randn(16)
bench("conv2d_32x3x64x64_16x3x3_forward", lambda: F.conv2d(x, w, b, padding=1), 1, 5)

xg = x.clone().requires_grad_()
wg = w.clone().requires_grad_()
bg = b.clone().requires_grad_()


def conv_step():
    xg.grad = None
    wg.grad = None
    bg.grad = None
    F.conv2d(xg, wg, bg, padding=1).sum().backward()


bench("conv2d_32x3x64x64_16x3x3_forward_backward", conv_step, 1, 5)

h = torch.randn(32, 16, 64, 64)
bench("max_pool2d_32x16x64x64_2", lambda: F.max_pool2d(h, 2), 1, 5)
bench("avg_pool2d_32x16x64x64_2", lambda: F.avg_pool2d(h, 2), 1, 5)
