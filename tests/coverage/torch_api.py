"""List PyTorch's public API names, for tl's coverage measurement.

Run from the repository root:

    /work/shared/tools/oracle tests/coverage/torch_api.py

It writes tests/coverage/torch_api.txt (next to this script): one line per name,
`namespace name`, sorted by namespace then name; `tests/coverage/coverage.tl` reads
it. The first line of the file is a `#` comment naming the PyTorch version.

What counts as public (a proxy for "PyTorch's documented API", decided from the
objects so that the list can be regenerated for any PyTorch version):

  * every namespace: the names in dir(namespace) that do not start with `_`,
    excluding module objects (submodules such as torch.nn, torch.linalg) and
    excluding non-callable values (constants such as torch.pi, dicts of doc notes,
    layouts such as torch.strided), except that for `torch` objects of type
    torch.dtype (torch.float32, torch.long, ...) are kept.
  * re-exports from outside torch are dropped: an object whose `__module__` is a
    string not starting with "torch" (typing.Optional, collections.abc.Callable,
    builtins, ...). Objects whose __module__ is None or "torch._C..." (functions
    and classes implemented in C++) are kept.
  * the __torch_function__ / TorchScript plumbing that every torch module imports
    is dropped: objects from torch.overrides and torch._jit_internal, the
    has_torch_function* helpers, and re-exports of torch.Tensor itself outside
    the `torch` namespace.
  * torch, torch.nn, torch.nn.functional, torch.linalg: a function must have a
    docstring. PyTorch attaches a docstring (torch._C._add_docstr) to every
    function it documents (pybind11's generated one-line signature, as on the
    TorchScript helpers torch.parse_ir, torch.fork, ..., does not count); the
    undocumented ones are aten bindings that leak into
    the namespace (cudnn_*, miopen_*, fbgemm_*, native_*, batch_norm_*, ...),
    private helpers, and the removed stubs of torch._linalg_utils (torch.solve,
    torch.eig, ... which only raise).
  * torch's classes: most C++ classes have no docstring at all, so a class is kept
    when it has a real docstring (pybind11's generated "Members: ..." enum text
    does not count) or is in DOCUMENTED_CLASSES below (the classes documented in
    PyTorch's tensor_attributes.rst, tensors.rst, storage.rst and torch.rst). This
    drops the TorchScript IR and type-system classes (Graph, Node, Block, IntType,
    ScriptList, AliasDb, ...) and torch.ModuleDict/ParameterDict (TorchScript's,
    not torch.nn's).
  * torch.Tensor: every public name in dir(torch.Tensor), methods and properties
    alike, documented or not (tensors.rst documents nearly all of them).
  * in-place variants (add_, relu_, ...) are public names and are kept.
"""

import inspect
import os
import types

import torch
import torch.nn
import torch.nn.functional
import torch.linalg

# Classes without a docstring (or with only pybind11's enum text) that PyTorch's docs
# nevertheless document.
DOCUMENTED_CLASSES = {
    # tensor_attributes.rst / torch.rst
    "Tensor", "Size", "device", "dtype", "layout", "memory_format", "finfo", "iinfo",
    "Generator", "Tag",
    # storage.rst
    "TypedStorage", "UntypedStorage",
    # tensors.rst: the legacy tensor types
    "FloatTensor", "DoubleTensor", "HalfTensor", "BFloat16Tensor", "ByteTensor",
    "CharTensor", "ShortTensor", "IntTensor", "LongTensor", "BoolTensor",
}

# Internal classes that do have a docstring.
INTERNAL_CLASSES = {"DispatchKey", "AggregationType", "DispatchKeySet"}

PLUMBING_MODULES = ("torch.overrides", "torch._jit_internal")


def has_doc(obj):
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str) or doc.strip() == "":
        return False
    lines = [line for line in doc.splitlines() if line.strip()]
    # pybind11 generates a one-line signature ("parse_ir(input: str, ...) -> Graph")
    # for C++ bindings nobody documented; that is not documentation.
    return not (len(lines) == 1 and "->" in lines[0] and lines[0].lstrip().startswith(obj.__name__ + "("))


def real_class_doc(cls):
    if not has_doc(cls):
        return False
    return not cls.__doc__.lstrip().startswith("Members:")


def foreign(obj):
    module = getattr(obj, "__module__", None)
    return isinstance(module, str) and not module.startswith("torch")


def plumbing(name, obj, namespace):
    module = getattr(obj, "__module__", None)
    if isinstance(module, str) and module.startswith(PLUMBING_MODULES):
        return True
    if name.startswith("has_torch_function"):
        return True
    return namespace != "torch" and obj is torch.Tensor


def public_names(namespace, mod):
    names = []
    for name in dir(mod):
        if name.startswith("_"):
            continue
        try:
            obj = getattr(mod, name)
        except Exception:
            continue
        if isinstance(obj, types.ModuleType):
            continue
        if namespace == "torch" and isinstance(obj, torch.dtype):
            names.append(name)
            continue
        if not callable(obj):
            continue
        if foreign(obj) or plumbing(name, obj, namespace):
            continue
        if inspect.isclass(obj):
            if namespace == "torch":
                if name in INTERNAL_CLASSES:
                    continue
                if not (name in DOCUMENTED_CLASSES or real_class_doc(obj)):
                    continue
        elif not has_doc(obj):
            continue
        names.append(name)
    return sorted(names)


def tensor_names():
    return sorted(n for n in dir(torch.Tensor) if not n.startswith("_"))


def main():
    spaces = [
        ("torch", public_names("torch", torch)),
        ("torch.Tensor", tensor_names()),
        ("torch.nn", public_names("torch.nn", torch.nn)),
        ("torch.nn.functional", public_names("torch.nn.functional", torch.nn.functional)),
        ("torch.linalg", public_names("torch.linalg", torch.linalg)),
    ]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_api.txt")
    with open(out, "w") as f:
        f.write(f"# PyTorch {torch.__version__} public API, written by torch_api.py\n")
        for namespace, names in spaces:
            for name in names:
                f.write(f"{namespace} {name}\n")
    for namespace, names in spaces:
        print(f"{namespace}: {len(names)}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
