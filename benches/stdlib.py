# The standard-library benchmarks of issue 6 in PyTorch: the same work as
# benches/stdlib.tl, printed the same way.

import torch
import torch.distributions as dist
from timing import bench


torch.manual_seed(0)
poisson_10 = dist.Poisson(10.0)
bench("poisson_sample_1M", lambda: poisson_10.sample((1000000,)), 1)

normal = dist.Normal(0.5, 2.0)
values = torch.randn(10000000)
bench("normal_log_prob_10M", lambda: normal.log_prob(values), 1)

X = torch.randn(64, 1000)
y = torch.randn(64)


def adam_steps():
    w = torch.zeros(1000, requires_grad=True)
    opt = torch.optim.Adam([w], lr=0.01)
    for _ in range(1000):
        opt.zero_grad()
        loss = ((X @ w - y) ** 2).mean()
        loss.backward()
        opt.step()


bench("adam_1000_steps_1000_params", adam_steps, 1, 3)
