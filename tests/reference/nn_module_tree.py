# The PyTorch twin of tests/golden/stdlib/nn_module_tree.tl.
import torch
from torch import nn
import torch.nn.functional as F

class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.fc = nn.Linear(n, n)
        self.norm = nn.LayerNorm(n)
        self.register_buffer("scale", torch.ones(n))
        self.register_buffer("scratch", torch.zeros(1), persistent=False)

    def forward(self, x):
        return self.norm(F.relu(self.fc(x))) * self.scale

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4, padding_idx=0)
        self.blocks = nn.ModuleList([Block(4) for i in range(2)])
        self.heads = nn.ModuleDict({"cls": nn.Linear(4, 3), "reg": nn.Sequential(nn.Linear(4, 2), nn.Tanh(), nn.Linear(2, 1))})
        self.drop = nn.Dropout(0.1)
        self.bn = nn.BatchNorm1d(4)
        self.act = nn.LeakyReLU(0.2)
        self.flat = nn.Flatten()
        self.gelu = nn.GELU(approximate="tanh")
        self.soft = nn.Softplus(beta=2.0)
        self.sm = nn.LogSoftmax(dim=1)
        self.loss = nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 3.0]))

    def forward(self, idx):
        h = self.embed(idx).mean(1)
        for block in self.blocks:
            h = block(h)
        return self.heads["cls"](self.act(self.bn(h)))

net = Net()
print(net)
print([name for name, p in net.named_parameters()])
print([name for name, b in net.named_buffers()])
print(list(net.state_dict().keys()))
print([name for name, m in net.named_modules()])
print([name for name, m in net.named_children()])
print(len(list(net.parameters())), len(list(net.modules())), len(list(net.children())))
print(net.heads["reg"][0], net.heads["reg"][-1], len(net.heads["reg"]), len(net.blocks), "cls" in net.heads)
print(net.get_submodule("heads.reg.2"), net.get_parameter("blocks.1.fc.bias").shape)

with torch.no_grad():
    for p in net.parameters():
        p.copy_(torch.linspace(-1, 1, p.numel()).reshape(p.shape))
net.eval()
out = net(torch.tensor([[1, 2, 3], [4, 5, 0]]))
print(out.detach())

other = Net()
print(other.load_state_dict(net.state_dict()))
print(torch.equal(other.heads["cls"].weight, net.heads["cls"].weight))
sd = net.state_dict()
sd["extra"] = torch.zeros(1)
del sd["bn.running_mean"]
try:
    other.load_state_dict(sd)
except RuntimeError as e:
    print(e)
print(other.load_state_dict(sd, strict=False))
bad = {"weight": torch.zeros(3, 3), "bias": torch.zeros(2)}
try:
    nn.Linear(3, 2).load_state_dict(bad)
except RuntimeError as e:
    print(e)

seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU())
seq.append(nn.Linear(3, 1))
print(seq)
print(seq[0].weight.dtype == torch.float32, seq.double()[0].weight.dtype == torch.float64, seq.float()[2].bias.dtype == torch.float32)
w = seq[0].weight
seq.to(torch.float64)
print(seq[0].weight.dtype == torch.float64)
p = nn.Parameter(torch.tensor([1.0, 2.0]))
print(p)
print(nn.Parameter(torch.tensor([1.0]), requires_grad=False))
print(isinstance(p, nn.Parameter), isinstance(p * 2, nn.Parameter), isinstance(p, torch.Tensor), type(p).__name__)
names = []
seq.apply(lambda m: names.append(type(m).__name__))
print(names)
print(seq.requires_grad_(False)[0].weight.requires_grad)
print(nn.ModuleList([nn.ReLU(), nn.Tanh()]))
print(nn.Sequential())
print(nn.Identity(), nn.ReLU(inplace=True), nn.ELU(alpha=0.5), nn.Hardtanh(-2.0, 2.0), nn.Softmax(dim=-1), nn.Unflatten(1, (2, 2)), nn.Dropout(p=0.25))
print(nn.BatchNorm2d(3, momentum=None), nn.LayerNorm([2, 3], elementwise_affine=False), nn.Embedding(5, 2), nn.Linear(3, 1, bias=False))
print(nn.MSELoss(), nn.CrossEntropyLoss(label_smoothing=0.1), nn.SiLU(), nn.Mish())
x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.0, 2.0, 5.0], [0.5, 0.5, -0.5, 1.0]])
bn = nn.BatchNorm1d(4)
print(bn(x).detach())
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(x).detach())
print(nn.Flatten()(torch.zeros(2, 3, 4)).shape, nn.Unflatten(1, (2, 2))(torch.zeros(3, 4)).shape)
