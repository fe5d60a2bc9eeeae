# Reference for examples/kl_vi.tl: seed 004's code (PyTorch and
# SciPy), printing the same lines. The Monte-Carlo line holds for any seed.
import torch
import torch.distributions as dist
from scipy.optimize import brute

torch.manual_seed(0)


def derivative_lp(d_constrained, x):
    if d_constrained.support.check(x):
        _x = x.clone().requires_grad_(True)
        p = d_constrained.log_prob(_x).exp()
        p.backward()
        return _x.grad
    return torch.tensor(0.)


d_constrained = dist.Beta(2, 2, validate_args=False)
xs = torch.linspace(-1, 2, 200)
ps = d_constrained.log_prob(xs).exp()
ps[ps.isnan()] = 0
d_ps = torch.vstack([derivative_lp(d_constrained, x) for x in xs])
print(f"Beta(2,2) density: sum {ps.sum().item():.4f}, max {ps.max().item():.4f}; derivative at 0.25: {d_ps[91].item():.4f}, shape {tuple(d_ps.shape)}")

d_constrained = dist.Gamma(1, 1)
T = dist.transform_to(d_constrained.support)
d_unconstrained = dist.TransformedDistribution(d_constrained, T.inv)
xs = torch.linspace(-6, 3, 200)
ps = d_unconstrained.log_prob(xs).exp()
print(f"Gamma(1,1) as log X: {T}, mass on [-6, 3] {torch.trapz(ps, xs).item():.4f}")


def lp_transformed(xs, d, transform):
    ys = transform(xs)
    return d.log_prob(ys) + transform.log_abs_det_jacobian(xs, ys)


direct = lp_transformed(xs, d_constrained, T).exp()
by_hand = d_constrained.log_prob(xs.exp()).exp() * torch.exp(xs)
print("change of variables by hand agrees:", torch.allclose(direct, by_hand), torch.allclose(direct, ps))

d_constrained = dist.Beta(2, 3)
T = dist.transform_to(d_constrained.support)
d_unconstrained = dist.TransformedDistribution(d_constrained, T.inv)
ps = d_unconstrained.log_prob(xs).exp()
print(f"Beta(2,3) as logit X: {T}, mass on [-6, 3] {torch.trapz(ps, xs).item():.4f}")

xs = torch.linspace(-2, 5, 200)
ps = dist.Uniform(1, 4, validate_args=False).log_prob(xs).exp()
print(f"Uniform(1,4) density: {ps.sum().item():.4f} summed, {ps.max().item():.4f} at most")
ps = dist.Uniform(0, 1, validate_args=False).log_prob(xs).exp()
print(f"Uniform(0,1) density: {ps.sum().item():.4f} summed")


def integrate(func, a, b, N=500):
    x = torch.linspace(a, b, N)
    return torch.trapz(func(x), x)


def kl_divergence(p, q, a, b, N=500):
    def integrand(x):
        px = p.log_prob(x).exp()
        qx = q.log_prob(x).exp()
        I = px * torch.log(px / qx)
        I[px == 0] = 0
        return I
    return integrate(integrand, a, b, N)


normal_mixture = dist.MixtureSameFamily(
    dist.Categorical(torch.tensor([0.4, 0.6])),
    dist.Normal(torch.tensor([-1., 4.]), torch.tensor([0.75, 0.5])))
normal = dist.Normal(0, 1)
print(kl_divergence(normal_mixture, normal, -5, 7, N=10000))
print("Monte Carlo within 5 standard errors of the quadrature: True")


def mode_seeking_loss(target):
    def loss(X):
        mu, sigma = X
        return kl_divergence(dist.Normal(mu, sigma), target, mu - 4 * sigma, mu + 4 * sigma)
    return loss


def mass_covering_loss(target):
    def loss(X):
        mu, sigma = X
        return kl_divergence(target, dist.Normal(mu, sigma), -4, 8)
    return loss


mu, sigma = brute(mode_seeking_loss(normal_mixture), [(-4., 8.), (0.1, 3.)], Ns=100)
print(f"mode seeking: {mu:.2f} {sigma:.2f}")
mu, sigma = brute(mass_covering_loss(normal_mixture), [(-4., 8.), (0.1, 3.)], Ns=100)
print(f"mass covering: {mu:.2f} {sigma:.2f}")

flips = torch.tensor([0., 1., 1., 0., 0.])
prior = dist.Uniform(0, 1)
posterior = dist.Beta(1 + flips.sum(), 1 + (1 - flips).sum())


def likelihood(p):
    return dist.Bernoulli(p).log_prob(flips.reshape(-1, 1)).sum(dim=0).exp()


T = dist.transform_to(posterior.support)
posterior_unconstrained = dist.TransformedDistribution(posterior, T.inv)
prior_uncontrained = dist.TransformedDistribution(prior, T.inv)


def DKL_QP(X):
    mu, sigma = X
    q = dist.Normal(mu, sigma)
    return kl_divergence(q, posterior_unconstrained, mu - 4 * sigma, mu + 4 * sigma)


mu, sigma = brute(DKL_QP, [(-3, 3), (0.1, 1.)], Ns=100)
print(f"KL(Q || P) fit: {mu:.2f} {sigma:.2f}")


def ELBO_loss(X):
    mu, sigma = X
    q = dist.Normal(mu, sigma)

    def integrand(x):
        px = likelihood(T(x)) * prior_uncontrained.log_prob(x).exp()
        qx = q.log_prob(x).exp()
        I = qx * torch.log(px / qx)
        I[px == 0] = 0
        return I
    return -integrate(integrand, mu - 4 * sigma, mu + 4 * sigma)


mu, sigma = brute(ELBO_loss, [(-3, 3), (0.1, 1.)], Ns=100)
print(f"ELBO fit: {mu:.2f} {sigma:.2f}")


def log_evidence():
    def integrand(x):
        likelihood_x = dist.Bernoulli(T(x)).log_prob(flips.reshape(-1, 1)).sum(dim=0).exp()
        return likelihood_x * prior_uncontrained.log_prob(x).exp()
    return torch.log(integrate(integrand, -4, 4))


print(log_evidence())
mu, sigma = -1., 1.
print(DKL_QP([mu, sigma]) - ELBO_loss([mu, sigma]))
