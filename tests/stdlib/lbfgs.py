# Reference for tests/golden/stdlib/lbfgs.tl: the same LBFGS steps in PyTorch.
import torch

X = torch.sin(torch.arange(12, dtype=torch.float64).reshape(4, 3))
y = torch.cos(torch.arange(4, dtype=torch.float64))
for history in [100, 2]:
    w = torch.tensor([0.5, -0.3, 0.2], dtype=torch.float64, requires_grad=True)
    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], lr=0.5, max_iter=20, history_size=history)

    def closure():
        opt.zero_grad()
        loss = ((X @ w + b - y) ** 2).mean() + 0.1 * (w ** 4).sum()
        loss.backward()
        return loss

    for step in range(5):
        loss = opt.step(closure)
        print(f"history {history} step {step}: loss {loss.item():.10g}, w {[float(f'{v:.10g}') for v in w.tolist()]}, b {b.item():.10g}")
    state = opt.state[w]
    print("func_evals", state["func_evals"], "n_iter", state["n_iter"])
