# Reference for tests/golden/stdlib/nn_modules.tl: the same modules and losses in PyTorch.
import torch
from torch import nn

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.tensor(2.0, dtype=torch.float64))
        self.lin = nn.Linear(3, 2, dtype=torch.float64)
        self.act = nn.Tanh()
    def forward(self, x):
        return self.act(self.lin(x)) * self.scale

def show(t):
    print(str(t.detach())[len("tensor("):-1].replace(", dtype=torch.float64", ""))

m = Model()
with torch.no_grad():
    m.lin.weight.copy_(torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]))
    m.lin.bias.copy_(torch.tensor([0.05, -0.05]))
print([name for name, _ in m.named_parameters()])
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]], dtype=torch.float64)
y = m(x)
show(y)
target = torch.tensor([1, 0])
loss = nn.CrossEntropyLoss()(y, target)
show(loss)
loss.backward()
show(m.lin.weight.grad)
show(m.scale.grad)
w = torch.tensor([1.0, 3.0], dtype=torch.float64)
probs = torch.tensor([[0.2, 0.8], [0.6, 0.4]], dtype=torch.float64)
binary = torch.tensor([[1.0, 0.0], [0.0, 1.0]], dtype=torch.float64)
y = y.detach()
for reduction in ["mean", "sum", "none"]:
    show(nn.CrossEntropyLoss(weight=w, reduction=reduction)(y, target))
    show(nn.CrossEntropyLoss(label_smoothing=0.1, weight=w, reduction=reduction)(y, target))
    show(nn.CrossEntropyLoss(label_smoothing=0.2, reduction=reduction)(y, target))
    show(nn.CrossEntropyLoss(reduction=reduction)(y, probs))
    show(nn.CrossEntropyLoss(weight=w, label_smoothing=0.1, reduction=reduction)(y, probs))
    show(nn.NLLLoss(weight=w, reduction=reduction)(y.log_softmax(1), target))
    show(nn.BCEWithLogitsLoss(reduction=reduction)(y, binary))
    show(nn.BCELoss(weight=w, reduction=reduction)(y.sigmoid(), binary))
    show(nn.MSELoss(reduction=reduction)(y, x[:, :2]))
    show(nn.L1Loss(reduction=reduction)(y, x[:, :2]))
show(nn.BCELoss()(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])))
m.eval()
print(m.training, m.lin.training)
m.train()
print(m.training, m.lin.training)
seq = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4, 2), nn.Softmax(dim=1))
print([[n, tuple(p.shape)] for n, p in seq.named_parameters()])
seq.eval()
show(seq(x.float()).sum(1))
print(seq[2].training)
m.zero_grad()
print(m.lin.weight.grad)
print(round(nn.init.calculate_gain("leaky_relu", 5 ** 0.5), 6), round(nn.init.calculate_gain("tanh"), 6))
