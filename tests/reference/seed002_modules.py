# Seed 002's two `class Model(torch.nn.Module)` blocks as the seed writes them, with
# super().__init__(), fitting a cubic to sin(x) (the seed's design matrix).
import torch

x = torch.linspace(-torch.pi, torch.pi, 50, dtype=torch.float64)
X = torch.stack([torch.ones_like(x), x, x ** 2, x ** 3], 1)
y = torch.sin(x)

class Model(torch.nn.Module):
    def __init__(self, beta):
        super().__init__()
        beta.requires_grad = True
        self.beta = torch.nn.Parameter(beta)
    def forward(self, X):
        return X @ self.beta

def training_loop(model, X, y, optimizer, n=1000):
    losses = []
    for i in range(n):
        y_pred = model(X)
        loss = (y_pred.squeeze() - y.squeeze()).pow(2).sum()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return losses

m = Model(torch.zeros(4, dtype=torch.float64))
losses = training_loop(m, X, y, torch.optim.SGD(m.parameters(), lr=1e-5), n=3000)
print(f"{losses[0]:.10f} {losses[999]:.10f} {losses[-1]:.10f}")
print([round(b, 8) + 0.0 for b in m.beta.tolist()])  # + 0.0: the even terms are ~1e-10 noise
print([name for name, p in m.named_parameters()], isinstance(m, torch.nn.Module))

class Model(torch.nn.Module):
    def __init__(self, X, y, beta=None):
        super().__init__()
        self.X = X
        self.y = y
        if beta is None:
            beta = torch.zeros(X.shape[1])
        beta.requires_grad = True
        self.beta = torch.nn.Parameter(beta)
    def forward(self, X):
        return X @ self.beta
    def fit(self, opt, n=1000, loss_fn = torch.nn.MSELoss()):
        losses = []
        for i in range(n):
            loss = loss_fn(self(self.X).squeeze(), self.y.squeeze())
            loss.backward()
            opt.step()
            opt.zero_grad()
            losses.append(loss.item())
        return losses

# The default beta is float32, so this model is given float32 data.
m = Model(X.float(), y.float())
losses = m.fit(torch.optim.Adam(m.parameters(), lr=0.05), n=500)
print(f"{losses[0]:.4f} {losses[-1]:.4f}")
print([round(b, 3) + 0.0 for b in m.beta.tolist()])
m2 = Model(X, y, beta=torch.zeros(4, dtype=torch.float64))
losses = m2.fit(torch.optim.SGD(m2.parameters(), lr=0.001), n=1000)
print(f"{losses[0]:.10f} {losses[-1]:.10f}")
