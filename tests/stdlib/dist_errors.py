# Reference for tests/golden/stdlib/dist_errors.tl.
import torch
import torch.distributions as dist


def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))


tensor = torch.tensor
check(lambda: dist.Normal(0.0, -1.0))
check(lambda: dist.Normal(tensor([0.0, 1.0]), tensor([1.0, -2.0])))
check(lambda: dist.Poisson(2.0).log_prob(tensor([1.5, -1.0])))
check(lambda: dist.Beta(2.0, 2.0).log_prob(tensor(1.5)))
check(lambda: dist.Bernoulli(probs=tensor([0.2, 1.3])))
check(lambda: dist.Bernoulli(probs=0.3, logits=0.1))
check(lambda: dist.Gamma(tensor([1.0, 2.0]), 1.0).log_prob(tensor([1.0, 2.0, 3.0])))
check(lambda: dist.Categorical(probs=tensor([[0.2, 0.8]])).log_prob(tensor([2])))
check(lambda: dist.Uniform(0.0, 1.0).log_prob(tensor(2.0)))
check(lambda: dist.Uniform(0.0, 1.0, validate_args=False).log_prob(tensor([2.0, 0.5])))
check(lambda: dist.Beta(2.0, 2.0, validate_args=False).log_prob(tensor([1.5, 0.5])))
check(lambda: dist.Dirichlet(tensor([1.0, -1.0])))
check(lambda: dist.Poisson(tensor([1.0])).cdf(tensor([1.0])))
check(lambda: dist.Normal(0.0, 1.0).enumerate_support())
check(lambda: dist.MultivariateNormal(torch.zeros(2), covariance_matrix=tensor([[1.0, 2.0], [2.0, 1.0]])))
