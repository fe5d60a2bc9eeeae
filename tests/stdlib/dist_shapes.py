# Reference for tests/golden/stdlib/dist_shapes.tl.
import torch
import torch.distributions as dist
T = lambda x: torch.tensor(x, dtype=torch.float64)
ds = [
    dist.Normal(T([0.0, 1.0]), T(1.0)).expand((3, 2)),
    dist.Categorical(probs=T([[0.2, 0.8], [0.5, 0.5]])),
    dist.MixtureSameFamily(dist.Categorical(probs=T([[0.4, 0.6], [0.1, 0.9], [0.5, 0.5]])), dist.Normal(T([[-1.0, 4.0], [0.0, 1.0], [2.0, 3.0]]), T([[0.75, 0.5], [1.0, 1.0], [0.5, 0.5]]))),
    dist.Independent(dist.Normal(T([[0.0, 1.0]]), T([[1.0, 2.0]])), 1).expand((4,)),
    dist.Dirichlet(T([[1.0, 2.0, 3.0]])).expand((2, 5)),
    dist.OneHotCategorical(probs=T([0.2, 0.3, 0.5])).expand((2,)),
    dist.MultivariateNormal(T([0.0, 1.0]), scale_tril=T([[1.0, 0.0], [0.3, 0.8]])).expand((3,)),
    dist.LogNormal(T(0.0), T(1.0)).expand((2,)),
    dist.Binomial(T(5.0), probs=T([0.2, 0.4])),
]
for d in ds:
    s = d.sample((7,))
    print(repr(d).split("(")[0], tuple(d.batch_shape), tuple(d.event_shape), tuple(s.shape), tuple(d.log_prob(s).shape))

print(tuple(dist.Bernoulli(probs=T([0.3, 0.6])).enumerate_support().shape), tuple(dist.Binomial(T(3.0), probs=T([0.3, 0.6])).enumerate_support(False).shape))
