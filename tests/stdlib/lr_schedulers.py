# The reference of tests/golden/stdlib/lr_schedulers.tl.
import torch

w = torch.zeros(2, requires_grad=True)


def rates(name, make):
    opt = torch.optim.SGD([w], lr=0.1)
    scheduler = make(opt)
    seen = []
    for epoch in range(14):
        opt.step()
        scheduler.step()
        seen.append(f"{scheduler.get_last_lr()[0]:.12f}")
    print(name, " ".join(seen), opt.param_groups[0]["lr"] == scheduler.get_last_lr()[0])


rates("StepLR", lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5))
rates("ExponentialLR", lambda opt: torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9))
rates("CosineAnnealingLR", lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=5, eta_min=0.01))
