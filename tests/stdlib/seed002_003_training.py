# Reference for the training loops in examples/tensors_autograd.tl and examples/mle_logistic.tl: the same loops in PyTorch.
import math
import torch
from torch import nn

x = torch.linspace(-math.pi, math.pi, 50, dtype=torch.float64)
X = torch.stack([torch.ones_like(x), x, x ** 2, x ** 3], 1)
y = torch.sin(x)


class Model(nn.Module):
    def __init__(self, X, y, beta=None):
        super().__init__()
        self.X = X
        self.y = y
        if beta is None:
            beta = torch.zeros(X.shape[1], dtype=X.dtype)
        beta.requires_grad = True
        self.beta = nn.Parameter(beta)

    def forward(self, X):
        return X @ self.beta

    def fit(self, opt, n=1000, loss_fn=nn.MSELoss()):
        losses = []
        for i in range(n):
            loss = loss_fn(self(self.X).squeeze(), self.y.squeeze())
            loss.backward()
            opt.step()
            opt.zero_grad()
            losses.append(loss.item())
        return losses


m = Model(X, y)
losses = m.fit(torch.optim.SGD(m.parameters(), lr=0.01), n=2000)
print(f"SGD: loss {losses[0]:.10f} -> {losses[-1]:.10f}, beta {[round(b, 8) + 0.0 for b in m.beta.tolist()]}")
m = Model(X, y)
losses = m.fit(torch.optim.Adam(m.parameters(), lr=0.05), n=500)
print(f"Adam: loss {losses[0]:.10f} -> {losses[-1]:.10f}, beta {[round(b, 8) + 0.0 for b in m.beta.tolist()]}")
print([name for name, _ in m.named_parameters()])

bt = torch.zeros(4, 1, dtype=torch.float64, requires_grad=True)
yt = y.unsqueeze(1)
for i in range(5000):
    loss = ((X @ bt - yt) ** 2).sum()
    if i % 1000 == 0:
        print(f"Step: {i},\tloss: {loss.item():.10f}")
    loss.backward()
    with torch.no_grad():
        bt -= 1e-4 * bt.grad
    bt.grad = None


def neg_log_likelihood(samples, mu, var_):
    n, d = samples.shape
    return (d / 2.0 * math.log(2 * math.pi) + d / 2.0 * math.log(var_)
            + 0.5 / var_ * torch.linalg.matrix_norm(samples - mu) ** 2 / n)


d = 100
samples = torch.sin(torch.arange(500 * d, dtype=torch.float64).reshape(500, d) * 0.37) * 1.5
mu = nn.Parameter(torch.full((d,), 0.5, dtype=torch.float64))
opt = torch.optim.SGD([mu], lr=0.2)
for i in range(30):
    opt.zero_grad()
    loss = neg_log_likelihood(samples, mu, 1.0)
    if i % 5 == 0:
        print('loss={:.8}, norm(mu)={:.4}'.format(loss.item(), torch.linalg.vector_norm(mu).item()))
    loss.backward()
    opt.step()

ce = nn.CrossEntropyLoss(reduction='sum')
x_i = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([[4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], requires_grad=True)
print(ce(w @ x_i, torch.tensor(1)).item(), ce(w @ x_i, torch.tensor(0)).item())
s = (w @ x_i).detach()
print(math.log(1 + math.exp(s[1].item() - s[0].item())))
lin = nn.Linear(3, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[0.1, -0.2, 0.3], [-0.4, 0.5, 0.6]]))
    lin.bias.copy_(torch.tensor([0.05, -0.05]))
print(ce(lin(x_i), torch.tensor(0)).item(), ce(lin(x_i), torch.tensor(1)).item())
print([p.detach() for p in lin.parameters()])
