# Reference for tests/golden/errors/size_limits.tl (the tensor cases; the sequence cases
# are Python's MemoryError, which CPython raises without a message).
import torch, einops
def t(name, f):
    try:
        r = f(); print(name, "->", r)
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", str(e).split("\n")[0][:200])
t("expand + 1", lambda: torch.zeros(1000, 1000).expand(10**6, 1000, 1000) + 1)
t("contiguous", lambda: torch.zeros(1000, 1000).expand(10**6, 1000, 1000).contiguous())
t("clone", lambda: torch.zeros(1000, 1000).expand(10**6, 1000, 1000).clone())
t("exp", lambda: torch.zeros(1000, 1000).expand(10**6, 1000, 1000).exp())
t("cat", lambda: torch.cat([torch.zeros(1000, 1000).expand(10**6, 1000, 1000), torch.zeros(1, 1000, 1000)]))
t("sort", lambda: torch.zeros(1000, 1000).expand(10**6, 1000, 1000).sort())
t("eye", lambda: torch.eye(10**6))
t("matmul", lambda: torch.ones(10**6, 1) @ torch.ones(1, 10**6))
t("outer", lambda: torch.outer(torch.ones(10**6), torch.ones(10**6)))
t("einsum", lambda: torch.einsum("i,j->ij", torch.ones(10**6), torch.ones(10**6)))
t("histogram", lambda: torch.histogram(torch.ones(10), bins=10**12))
t("multinomial", lambda: torch.multinomial(torch.ones(3), 10**12, replacement=True))
t("diag", lambda: torch.diag(torch.ones(3), 10**9))
t("meshgrid", lambda: torch.meshgrid(torch.arange(10**6), torch.arange(10**6), indexing="ij")[0] + 1)
t("repeat", lambda: einops.repeat(torch.ones(3), "a -> a b", b=10**12) + 1)
t("numel overflow", lambda: torch.ones(1).expand(2**32, 2**32))
t("numel 2**62", lambda: torch.ones(1).expand(2**31, 2**31).numel())
t("zeros", lambda: torch.zeros(10**13))
t("randn", lambda: torch.randn(10**12))
t("arange", lambda: torch.arange(10**13))
