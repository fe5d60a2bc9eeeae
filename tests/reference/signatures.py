# Reference for tl's declared signatures (issue 19): every name tl shares with PyTorch (or with
# CPython, SciPy), checked for parameter names, order and defaults against PyTorch's own signatures.
#
#   /work/shared/tools/oracle tests/reference/signatures.py        (any Python 3 with torch 2.x will do)
#   ... signatures.py --only DIFF                                  (only the lines with DIFF, and the summary)
#   ... signatures.py path/to/reference.md                         (another copy of the reference)
#
# tl's side: the headings of docs/reference.md (relative to this script: ../../docs/reference.md),
# `### \`NAME(params) -> ...\``, `### \`class dist.Normal(params) (Base)\``, plus the
# "Also a method: `Tensor.NAME(params)`" line under a function.
#
# PyTorch's side, for each tl name, the alternatives (overloads) of every counterpart found:
#   - the docstring's signature lines: those before the first blank line (a docstring may start with
#     a newline; several consecutive lines are overloads), and the `.. function:: NAME(...)` /
#     `.. method:: NAME(...)` overloads further down;
#   - inspect.signature where it works (Python-level functions, classes (their __init__/__new__),
#     and the public methods of torch.nn/optim/distributions classes; `self` is dropped);
#   - for CPython builtins without a signature, the bracketed lines of their docstring
#     (`getattr(object, name[, default])`), whose optional parameters match any default;
#   - for a Tensor method whose docstring only says "See :func:`torch.X`" (`bitwise_and() ->
#     Tensor`), torch.X's signature less `input`; for an operator with no docstring signature at
#     all (torch.relu, torch.clamp_min), its ATen schemas.
# A top-level tl function that torch lacks is looked for in torch.special, torch.nn.functional,
# torch.autograd.functional, torch.func, torch.distributions.utils, time and warnings, then as
# torch._NAME; where several counterparts exist, the best verdict is shown with its source.
# Mapping: tl function NAME <-> torch.NAME (a Python-style tl entry -- no `input` parameter -- <->
# builtins.NAME); Tensor.NAME <-> torch.Tensor.NAME; linalg.X <-> torch.linalg.X; autograd.X <->
# torch.autograd.X / torch.autograd.functional.X; str/list/tuple/dict/float.X <-> CPython's methods;
# device.X <-> torch.cuda.X; dist.X <-> torch.distributions(.utils/.kl).X; kl.X <-> .kl.X;
# constraints.X, transforms.X <-> torch.distributions.constraints/.transforms(.constraint_registry);
# nn.X <-> torch.nn.X, torch.nn.functional.X (nn.init.X <-> torch.nn.init.X); optim.X <->
# torch.optim.X, torch.optim.lr_scheduler.X; math.X <-> CPython math; integrate.X / optimize.X <->
# scipy.integrate / scipy.optimize; plt.X <-> matplotlib.pyplot (when installed). A counterpart that
# is private in PyTorch (`_X`, kl's `_kl_X`) is used and marked "private".
#
# Rule: every tl parameter must appear in one PyTorch alternative, in the same relative order
# (positional parameters) and with the same default (None/none, True/true, 1e-05 = 1e-5,
# torch.float32 = float32, torch.Size([]) = (), quotes). A positional-only tl parameter (before `/`)
# is matched by position, since its name cannot be used. Where no single alternative holds every tl
# parameter, the overloads are merged (tl declares one signature for PyTorch's several: `max(input,
# dim=None, ..., other=None)`): each tl parameter must then hold in some alternative; a tl default
# where one overload requires the parameter is fine when another overload leaves it out.
# Verdicts: agree; subset (missing: PyTorch parameters tl leaves out -- deliberate, tl declares only
# what it implements); DIFF (a tl parameter PyTorch lacks, another default, another order, or a
# positional parameter at another position, so that a positional call binds differently). For a DIFF
# on a C++ operator, the ATen schemas (torch._C._jit_get_schemas_for_operator: what the binding
# really accepts, `self` read as `input`) give a second opinion, shown after the verdict.
# Notes that do not count: a parameter keyword-only on one side only, `*dims` against one `dims`,
# names that PyTorch only accepts through **kwargs. It is a report: the exit status is always 0.
import ast
import builtins
import importlib
import inspect
import math
import os
import re
import signal
import sys
import warnings

warnings.filterwarnings('ignore')
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
argv, ONLY = sys.argv[1:], None
if '--only' in argv:
    i = argv.index('--only')
    ONLY = argv[i + 1] if i + 1 < len(argv) else 'DIFF'
    del argv[i:i + 2]
REF = argv[0] if argv else os.path.join(HERE, '..', '..', 'docs', 'reference.md')

# ---------------------------------------------------------------------------------------------
# Parameters and defaults

NODEFAULT = object()          # required


class Sym:
    """A default that is a name, not a literal: torch.strided, float32, <unset>."""
    def __init__(self, s):
        self.s = s

    def __eq__(self, o):
        return isinstance(o, Sym) and o.s == self.s

    def __repr__(self):
        return self.s


class Wild:
    """An optional parameter whose default a docstring does not give (`[, default]`)."""
    def __repr__(self):
        return '<optional>'


UNSET = Sym('<unset>')        # tl: optional, no default value


class Param:
    def __init__(self, name, kind, default=NODEFAULT, text=None):
        self.name, self.kind, self.default = name, kind, default
        self.text = text if text is not None else (show(default) if default is not NODEFAULT else '')

    def __repr__(self):
        star = {'varpos': '*', 'varkw': '**'}.get(self.kind, '')
        return star + self.name + ('' if self.default is NODEFAULT else '=' + self.text)


def show(v):
    if v is NODEFAULT:
        return '(required)'
    if isinstance(v, str):
        return repr(v)
    return repr(v)


def canon_obj(o):
    """A default from inspect, as a comparable value."""
    if o is inspect.Parameter.empty:
        return NODEFAULT
    if isinstance(o, bool) or o is None or isinstance(o, (int, float, str)):
        return o
    if isinstance(o, torch.dtype):
        return Sym(str(o).replace('torch.', ''))
    if isinstance(o, (tuple, list, torch.Size)):
        return tuple(canon_obj(x) for x in o)
    if isinstance(o, torch.device):
        return Sym("device('%s')" % o)
    if callable(o) and hasattr(o, '__name__'):
        return Sym('<function %s>' % o.__name__)
    r = repr(o)
    if r.startswith('<') and 'object at' in r:
        return Sym('<sentinel>')
    return Sym(r.replace('torch.', ''))


def canon_text(s):
    """A default written in a signature (tl's or a docstring's), as a comparable value."""
    s = s.strip()
    if s.startswith('<') and s.endswith('>'):
        return UNSET if s in ('<unset>', '<unrepresentable>', '<no value>') else Sym(s)
    t = s.replace('torch.', '')
    low = {'none': 'None', 'true': 'True', 'false': 'False'}.get(t.lower(), t) if t.lower() in (
        'none', 'true', 'false') else t
    if low in ('inf', 'math.inf', "float('inf')", 'float("inf")'):
        return math.inf
    if low in ('-inf', '-math.inf', "-float('inf')", '-float("inf")'):
        return -math.inf
    if low in ('nan', 'math.nan', "float('nan')"):
        return math.nan
    m = re.fullmatch(r'Size\(\[(.*)\]\)', low)
    if m:
        low = '(' + m.group(1) + (',)' if m.group(1) else ')')
    try:
        v = ast.literal_eval(low)
        return canon_obj(v)
    except Exception:
        return Sym(low)


def same_default(a, b):
    if isinstance(a, Wild) or isinstance(b, Wild):
        return True
    if a is NODEFAULT or b is NODEFAULT:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):      # False = 0 (SciPy's flags)
        return isinstance(a, (bool, int)) and isinstance(b, (bool, int)) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isnan(a) and math.isnan(b):
            return True
        return a == b or math.isclose(a, b, rel_tol=1e-12)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same_default(x, y) for x, y in zip(a, b))
    return type(a) == type(b) and a == b


def split_top(s):
    """Split a parameter list at its top-level commas (brackets and quotes respected)."""
    parts, depth, cur, q, i = [], 0, '', None, 0
    while i < len(s):
        c = s[i]
        if q:
            cur += c
            if c == '\\' and i + 1 < len(s):
                cur += s[i + 1]
                i += 1
            elif c == q:
                q = None
        elif c in '\'"':
            q = c
            cur += c
        elif c in '([{':
            depth += 1
            cur += c
        elif c in ')]}':
            depth -= 1
            cur += c
        elif c == '<' and cur.rstrip().endswith('='):
            depth += 1
            cur += c
        elif c == '>' and depth > 0 and '<' in cur:
            depth -= 1
            cur += c
        elif c == ',' and depth == 0:
            parts.append(cur)
            cur = ''
        else:
            cur += c
        i += 1
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def parse_params(text, wild_optional=False):
    """Parameters from `a, b=1, *, c=None` (tl's headings and PyTorch's docstrings alike)."""
    text = text.replace('\\*', '*')
    params, kwonly = [], False
    for part in split_top(text):
        if part == '*':
            kwonly = True
            continue
        if part == '/':
            for p in params:
                if p.kind == 'pos':
                    p.kind = 'pos_only'
            continue
        if part in ('...', '…'):
            continue
        if part.startswith('**'):
            params.append(Param(part[2:].split(':')[0].strip(), 'varkw'))
            continue
        if part.startswith('*'):
            params.append(Param(part[1:].split(':')[0].split('=')[0].strip(), 'varpos'))
            kwonly = True
            continue
        name, default, dtext = part, NODEFAULT, None
        m = re.match(r'^([^=\'"]*?)=(.*)$', part, re.S)
        if m:
            name, dtext = m.group(1), m.group(2).strip()
            default = canon_text(dtext)
        if default is NODEFAULT and ':' in name and re.match(r'\s*Optional\[', name.split(':', 1)[1]):
            default, dtext = None, 'None'       # `out: Optional[Tensor]` in a typed docstring
        name = name.split(':')[0].strip()
        name = re.sub(r'\s*\(.*\)$', '', name).strip()    # `size (int...)`
        if not re.fullmatch(r'[A-Za-z_]\w*', name):
            raise ValueError('bad parameter %r' % part)
        if wild_optional and default is not NODEFAULT and isinstance(default, Sym):
            default = Wild()                                # CPython's docs: `key=func`
        params.append(Param(name, 'kw' if kwonly else 'pos', default, dtext))
    return params


def from_signature(sig, drop_first=None):
    """drop_first: 'self' drops a first self/cls, 'receiver' drops the first parameter."""
    kinds = {inspect.Parameter.POSITIONAL_ONLY: 'pos_only',
             inspect.Parameter.POSITIONAL_OR_KEYWORD: 'pos',
             inspect.Parameter.KEYWORD_ONLY: 'kw',
             inspect.Parameter.VAR_POSITIONAL: 'varpos',
             inspect.Parameter.VAR_KEYWORD: 'varkw'}
    ps = list(sig.parameters.values())
    if ps and ((drop_first == 'self' and ps[0].name in ('self', 'cls')) or drop_first == 'receiver') \
            and ps[0].kind in (
            inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD):
        ps = ps[1:]
    out = []
    for p in ps:
        d = canon_obj(p.default)
        text = None
        if d is not NODEFAULT:
            text = repr(d) if isinstance(d, Sym) else repr(p.default)
        out.append(Param(p.name, kinds[p.kind], d, text))
    return out


def matching_paren(s, start):
    depth, q = 0, None
    for i in range(start, len(s)):
        c = s[i]
        if q:
            if c == q:
                q = None
            continue
        if c in '\'"':
            q = c
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return i
    return -1


# ---------------------------------------------------------------------------------------------
# tl's side: docs/reference.md

class Entry:
    def __init__(self, name, params, kind, section, sig):
        self.name, self.params, self.kind, self.section, self.sig = name, params, kind, section, sig
        self.label = name


def read_reference(path):
    entries, section, last_fn = [], None, None
    classes = set()
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for line in lines:
        if line.startswith('## '):
            section = line[3:].strip()
            continue
        is_head = line.startswith('### `') and line.rstrip().endswith('`')
        also = re.match(r'^Also a method: `(Tensor\.\w+)\((.*)\)`\.?\s*$', line)
        if also and last_fn is not None:
            name = also.group(1)
            sig = line[line.index('`') + 1:line.rindex('`')]
            entries.append(Entry(name, parse_params(also.group(2)), 'method', 'Tensor methods', sig))
            entries[-1].also_of = last_fn
            last_fn = None
            continue
        if not is_head:
            continue
        sig = line[line.index('`') + 1:line.rindex('`')]
        kind = 'function'
        body = sig
        if body.startswith('class '):
            kind, body = 'class', body[6:]
        p = body.index('(')
        name = body[:p].strip()
        q = matching_paren(body, p)
        params = parse_params(body[p + 1:q])
        if kind == 'class':
            classes.add(name)
        elif '.' in name and name.rsplit('.', 1)[0] in classes:
            kind = 'method'
        elif name.startswith('Tensor.') or section.endswith(' methods'):
            kind = 'method'
        e = Entry(name, params, kind, section, sig)
        entries.append(e)
        last_fn = e if (kind == 'function' and '.' not in name) else None
    counts = {}
    for e in entries:
        counts[e.name] = counts.get(e.name, 0) + 1
    for e in entries:
        if counts[e.name] > 1:
            e.label = '%s(%s)' % (e.name, ', '.join(map(repr, e.params)))
    return entries


# ---------------------------------------------------------------------------------------------
# PyTorch's side

SIG_LINE = re.compile(r'^\s*(?:\.\. (?:function|method):: )?(?:[\w]+\.)*(\w+)\(')


def docstring_alts(obj, names, wild_optional=False):
    """Signature alternatives from a docstring: the lines before the first blank line, and the
    `.. function::`/`.. method::` overloads further down."""
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str) or not doc.strip():
        return []
    lines = doc.lstrip('\n').splitlines()
    texts, i = [], 0
    while i < len(lines) and lines[i].strip():
        m = SIG_LINE.match(lines[i])
        if not m or m.group(1) not in names:
            if texts:
                i += 1
                continue
            break
        t = lines[i].strip()
        while t.count('(') > t.count(')') and i + 1 < len(lines) and lines[i + 1].strip():
            i += 1
            t += ' ' + lines[i].strip()
        texts.append(t)
        i += 1
    for line in lines[i:]:
        s = line.strip()
        if s.startswith('.. function::') or s.startswith('.. method::'):
            m = SIG_LINE.match(s)
            if m and m.group(1) in names:
                texts.append(s)
    alts = []
    for t in texts:
        t = re.sub(r'^\.\. (function|method):: ', '', t)
        p = t.index('(')
        q = matching_paren(t, p)
        if q < 0:
            continue
        inner = t[p + 1:q]
        if wild_optional:
            inner = bracket_optional(re.sub(r'(\w+) or None\b', r'\1', inner))
        try:
            alts.append(('docstring', parse_params(inner, wild_optional)))
        except ValueError:
            pass
    return alts


def bracket_optional(inner):
    """CPython's `name[, default]` and `*[, key=func]`: the bracketed parameters are optional."""
    out, depth = [], 0
    for part in re.split(r'(\[|\])', inner):
        if part == '[':
            depth += 1
        elif part == ']':
            depth -= 1
        elif depth > 0:
            pieces = []
            for x in part.split(','):
                x = x.strip()
                if x and '=' not in x and x not in ('*', '/') and not x.startswith('*'):
                    x += '=<optional>'
                pieces.append(x)
            out.append(', '.join(pieces))
        else:
            out.append(part)
    s = ''.join(out)
    s = re.sub(r',\s*,', ',', s)
    s = re.sub(r'\*\s*,\s*\*', '*', s)
    return s.strip(' ,')


def fix_wild(params):
    for p in params:
        if isinstance(p.default, Sym) and p.default.s == '<optional>':
            p.default = Wild()
    return params


def signature_alts(obj, drop_first=None):
    try:
        sig = inspect.signature(obj)
    except (ValueError, TypeError):
        return []
    return [('inspect.signature', from_signature(sig, drop_first))]


def torch_alts(obj, names, drop_first=None, cpython=False):
    """A counterpart's alternatives: its docstring's signature lines and inspect.signature.
    drop_first='self' for a method found on a class, 'receiver' for a module's function that tl
    declares as a method (its first parameter is tl's receiver)."""
    if cpython:
        alts = [('CPython docstring', fix_wild(ps))
                for _, ps in docstring_alts(obj, names, wild_optional=True)]
    else:
        alts = docstring_alts(obj, names)
    if drop_first == 'receiver':
        alts = [(k, ps[1:]) for k, ps in alts]
    return alts + signature_alts(obj, drop_first)


def schema_alts(opname, method):
    """ATen's schemas as the Python binding shows them: self is `input` (left out for a method),
    the out arguments are one keyword-only out=None, a factory (pin_memory=) takes requires_grad=."""
    try:
        schemas = torch._C._jit_get_schemas_for_operator(opname)
    except Exception:
        return []
    alts = []
    for s in schemas:
        ps, had_out = [], False
        for a in s.arguments:
            name = a.name
            if name == 'self':
                if method:
                    continue
                name = 'input'
            if a.is_out:
                if not had_out:
                    ps.append(Param('out', 'kw', None, 'None'))
                had_out = True
                continue
            d = canon_obj(a.default_value) if a.has_default_value() else NODEFAULT
            ps.append(Param(name, 'kw' if a.kwarg_only else 'pos', d,
                            repr(a.default_value) if a.has_default_value() else None))
        if any(p.name == 'pin_memory' for p in ps):
            ps.append(Param('requires_grad', 'kw', False, 'False'))
        alts.append(('ATen ' + str(s).split('(')[0], ps))
    return alts


def resolve(modname, attr):
    try:
        mod = importlib.import_module(modname)
    except Exception:
        return None
    obj = mod
    for a in attr.split('.'):
        if not hasattr(obj, a):
            return None
        obj = getattr(obj, a)
    return obj


STDLIB = {
    'dist': ['torch.distributions', 'torch.distributions.utils', 'torch.distributions.kl'],
    'kl': ['torch.distributions.kl'],
    'constraints': ['torch.distributions.constraints'],
    'transforms': ['torch.distributions.transforms', 'torch.distributions.constraint_registry'],
    'nn': ['torch.nn', 'torch.nn.functional'],
    'optim': ['torch.optim', 'torch.optim.lr_scheduler'],
    'math': ['math'],
    'integrate': ['scipy.integrate'],
    'optimize': ['scipy.optimize'],
    'plt': ['matplotlib.pyplot'],
    'linalg': ['torch.linalg'],
    'autograd': ['torch.autograd', 'torch.autograd.functional'],
}
REFERENCE_OF = {'math': 'CPython', 'integrate': 'SciPy', 'optimize': 'SciPy', 'plt': 'matplotlib'}
BUILTIN_TYPES = {'str': str, 'list': list, 'tuple': tuple, 'dict': dict, 'float': float}
# private counterparts: a class behind a public alias (constraints.greater_than = _GreaterThan),
# kl's registered `_kl_p_q` functions
PRIVATE_CLASS = {'constraints', 'transforms', 'dist'}
PRIVATE_FN = {'kl': '_kl_'}
EXTRA_TOPLEVEL = ['torch.special', 'torch.nn.functional', 'torch.autograd.functional', 'torch.func',
                  'torch.distributions.utils', 'time', 'warnings']


class Target:
    def __init__(self, label, alts, opname=None, method=False, ref='PyTorch'):
        self.label, self.alts, self.opname, self.method, self.ref = label, alts, opname, method, ref


def is_callable_api(obj):
    return obj is not None and callable(obj) and not isinstance(obj, torch.dtype)


def tensor_method_alts(attr):
    o = getattr(torch.Tensor, attr, None)
    if not is_callable_api(o):
        return None
    alts = torch_alts(o, {attr}, drop_first='self')
    doc = getattr(o, '__doc__', None) or ''
    see = re.search(r'See :func:`torch\.([\w.]+)`', doc)
    fname = see.group(1) if see else (attr if not alts else None)
    if any(k == 'inspect.signature' for k, _ in alts):
        fname = None        # a Python-level method: its own signature is the truth
    f = resolve('torch', fname) if fname else None
    if is_callable_api(f):
        # the method's docstring defers to the function's: its signature without `input`
        for k, ps in torch_alts(f, {fname.split('.')[-1]}):
            if ps and ps[0].kind in ('pos', 'pos_only'):
                alts.append(('docstring of torch.' + fname, ps[1:]))
    return alts


def counterparts(e):
    """The Targets of a tl entry: PyTorch's (or CPython's, SciPy's) names it stands for."""
    name = e.name
    out = []
    if e.kind == 'function' and '.' not in name:
        has_input = any(p.name == 'input' for p in e.params)
        bobj = getattr(builtins, name, None)
        tobj = getattr(torch, name, None)
        if bobj is not None and not has_input:
            return [Target('builtins.' + name, torch_alts(bobj, {name}, cpython=True), ref='CPython')]
        if is_callable_api(tobj):
            out.append(Target('torch.' + name, torch_alts(tobj, {name}), 'aten::' + name))
        if bobj is not None:
            out.append(Target('builtins.' + name, torch_alts(bobj, {name}, cpython=True),
                              ref='CPython'))
        if not out:
            for m in EXTRA_TOPLEVEL:
                o = resolve(m, name)
                if is_callable_api(o):
                    out.append(Target('%s.%s' % (m, name), torch_alts(o, {name}),
                                      ref='PyTorch' if m.startswith('torch') else 'CPython'))
            o = getattr(torch, '_' + name, None)
            if is_callable_api(o) and not name.startswith('_'):
                out.append(Target('torch._%s (private)' % name, torch_alts(o, {'_' + name, name}),
                                  'aten::_' + name))
        return out
    if name.startswith('Tensor.'):
        attr = name[7:]
        alts = tensor_method_alts(attr)
        return [] if alts is None else [Target('torch.Tensor.' + attr, alts, 'aten::' + attr, True)]
    head, rest = name.split('.', 1)
    if head in BUILTIN_TYPES:
        o = getattr(BUILTIN_TYPES[head], rest, None)
        if o is None:
            return []
        return [Target('%s.%s' % (head, rest), torch_alts(o, {rest}, 'self', cpython=True),
                       method=True, ref='CPython')]
    if head == 'device':
        # tl's cuda device: cuda.is_available() <-> torch.cuda.is_available()
        o = resolve('torch.cuda', rest)
        return [Target('torch.cuda.' + rest, torch_alts(o, {rest}))] if is_callable_api(o) else []
    mods = STDLIB.get(head, [])
    ref = REFERENCE_OF.get(head, 'PyTorch')
    if e.kind == 'method':
        cls_name, meth = rest.rsplit('.', 1)
        for m in mods:
            for pre in ('', '_') if head in PRIVATE_CLASS else ('',):
                container = resolve(m, pre + cls_name)
                if container is None or not (inspect.isclass(container) or inspect.ismodule(container)):
                    continue
                o = getattr(container, meth, None)
                if not callable(o) or inspect.isclass(o):
                    continue
                label = '%s.%s%s.%s' % (m, pre, cls_name, meth) + (' (private)' if pre else '')
                if inspect.ismodule(container):
                    # a module's function that tl puts on a class used as a namespace (nn.init):
                    # tl's heading leaves its first parameter out as the receiver
                    return [Target(label, torch_alts(o, {meth}, 'receiver'), method=True, ref=ref)]
                static = isinstance(inspect.getattr_static(container, meth, None), staticmethod)
                return [Target(label, torch_alts(o, {meth}, None if static else 'self'),
                               method=True, ref=ref)]
        return []
    fallback = []
    for m in mods:
        cands = [rest]
        if head in PRIVATE_CLASS and e.kind == 'class':
            cands.append('_' + rest)
        if head in PRIVATE_FN:
            cands.append(PRIVATE_FN[head] + rest)
        for attr in cands:
            o = resolve(m, attr)
            if o is None:
                continue
            if inspect.ismodule(o):
                return [Target('%s.%s (a module)' % (m, attr), [], ref=ref)]
            if not is_callable_api(o):
                continue
            label = '%s.%s' % (m, attr) + (' (private)' if attr != rest else '')
            opname = 'aten::linalg_' + rest if head == 'linalg' else None
            tg = Target(label, torch_alts(o, {rest, attr}), opname, ref=ref)
            if head == 'nn' and inspect.isclass(o) != (e.kind == 'class'):
                fallback.append(tg)     # a class for a tl function (nn.Parameter): if nothing else
                continue
            return [tg]
    return fallback[:1]


# ---------------------------------------------------------------------------------------------
# The comparison

RANK = {'agree': 0, 'subset': 1, 'DIFF': 2}


class Result:
    def __init__(self, status, issues, missing, notes, source, merged=False):
        self.status, self.issues, self.missing, self.notes = status, issues, missing, notes
        self.source, self.merged = source, merged

    def rank(self):
        loose = sum(('only through **' in n) or ('takes *' in n) for n in self.notes)
        return (RANK[self.status], len(self.issues), loose, len(self.missing), len(self.notes))


def n_positional(P):
    return math.inf if any(p.kind == 'varpos' for p in P) else \
        sum(p.kind in ('pos', 'pos_only') for p in P)


def compare_one(T, P, others, ref):
    """tl's parameters T against one alternative P; `others`, the other alternatives (a default of
    tl's is fine where P requires the parameter if another alternative leaves it out).
    Returns ({index of a tl parameter: [issue]}, [missing], [note])."""
    issues, notes = {i: [] for i in range(len(T))}, []
    ppos = [p for p in P if p.kind in ('pos_only', 'pos')]
    pvarpos = next((p for p in P if p.kind == 'varpos'), None)
    pvarkw = next((p for p in P if p.kind == 'varkw'), None)
    byname = {p.name: p for p in P if p.kind != 'varkw'}
    tl_pos = [t for t in T if t.kind in ('pos_only', 'pos')]
    matched = {}
    for i, t in enumerate(T):
        p, how = None, 'name'
        idx = tl_pos.index(t) if t in tl_pos else None
        if t.kind == 'pos_only':
            if idx < len(ppos):
                p, how = ppos[idx], 'position'
            elif pvarpos is not None:
                p, how = pvarpos, 'varpos'
        elif t.kind == 'varpos':
            p = byname.get(t.name) or pvarpos
            rest_pos = ppos[len(tl_pos):]
            if p is None and any(q.name == u.name for q in rest_pos for u in T):
                # tl's *args for PyTorch's positional parameters that tl also names as keywords
                # (Tensor.to(*args, device=None, dtype=None, ...))
                notes.append('tl *%s for the positional %s'
                             % (t.name, ', '.join(q.name for q in rest_pos)))
                continue
        elif t.kind == 'varkw':
            p = pvarkw
        else:
            p = byname.get(t.name)
            if p is None and idx is not None:
                if idx < len(ppos) and ppos[idx].kind == 'pos_only':
                    p, how = ppos[idx], 'position'      # CPython's positional-only: no name
                elif idx >= len(ppos) and pvarpos is not None:
                    p, how = pvarpos, 'varpos'
        if p is None:
            if t.kind in ('pos', 'kw') and pvarkw is not None:
                notes.append('%s only through **%s' % (t.name, pvarkw.name))
                continue
            if t.kind == 'pos_only':
                issues[i].append('%s: tl takes positional argument #%d, %s takes %d'
                                 % (t.name, idx + 1, ref, len(ppos)))
            else:
                issues[i].append('%s%s: %s has no such parameter'
                                 % ({'varpos': '*', 'varkw': '**'}.get(t.kind, ''), t.name, ref))
            continue
        matched[i] = p
        if how == 'position' and t.kind == 'pos' and p.name != t.name:
            notes.append('%s is %s (positional-only) in %s' % (t.name, p.name, ref))
        if how == 'varpos' and t.kind != 'varpos':
            notes.append('%s: %s takes *%s' % (t.name, ref, p.name))
        elif t.kind in ('pos', 'pos_only') and p.kind == 'kw':
            notes.append('%s positional in tl, keyword-only in %s' % (t.name, ref))
        elif t.kind == 'kw' and p.kind in ('pos', 'pos_only'):
            notes.append('%s keyword-only in tl, positional in %s' % (t.name, ref))
        elif t.kind == 'varpos' and p.kind != 'varpos':
            notes.append('tl *%s, %s one argument %s' % (t.name, ref, p.name))
        elif t.kind in ('pos', 'kw') and p.kind == 'varpos':
            notes.append('tl one argument %s, %s *%s' % (t.name, ref, p.name))
        elif t.kind == 'pos' and p.kind == 'pos_only' and how == 'name':
            notes.append('%s positional-only in %s' % (t.name, ref))
        elif t.kind == 'pos_only' and p.kind == 'pos':
            notes.append('%s positional-only in tl, %s accepts %s=' % (t.name, ref, p.name))
        if t.kind in ('varpos', 'varkw') or p.kind in ('varpos', 'varkw'):
            continue
        # defaults
        td, pd = t.default, p.default
        if td is NODEFAULT and pd is NODEFAULT:
            pass
        elif td is NODEFAULT:
            if not isinstance(pd, Wild):
                issues[i].append('%s: required in tl, %s default %s' % (t.name, ref, p.text))
        elif pd is NODEFAULT:
            if td == UNSET:
                pass
            elif how == 'position' and any(n_positional(o) <= idx for o in others):
                notes.append('%s=%s: another overload takes fewer arguments' % (t.name, t.text))
            elif how == 'name' and any(all(q.name != p.name for q in o) for o in others):
                notes.append('%s=%s: another overload leaves %s out' % (t.name, t.text, p.name))
            else:
                issues[i].append('%s: tl default %s, required in %s' % (t.name, t.text, ref))
        elif td == UNSET:
            if not isinstance(pd, (Sym, Wild)):
                issues[i].append('%s: optional in tl without a default, %s default %s'
                                 % (t.name, ref, p.text))
        elif not same_default(td, pd):
            issues[i].append('%s: default tl %s, %s %s' % (t.name, t.text, ref, p.text))
    # order and position of the positional parameters
    seq = [(i, P.index(matched[i])) for i, t in enumerate(T)
           if i in matched and t.kind in ('pos', 'pos_only') and matched[i].kind in ('pos', 'pos_only')]
    for (i1, j1), (i2, j2) in zip(seq, seq[1:]):
        if j2 < j1:
            issues[i2].append('order: %s after %s in tl, before it in %s'
                              % (T[i2].name, T[i1].name, ref))
    shifted_by_tl = False
    for i, t in enumerate(T):
        if t.kind not in ('pos', 'pos_only'):
            continue
        if i not in matched:
            shifted_by_tl = shifted_by_tl or bool(issues[i])
            continue
        if matched[i].kind in ('pos', 'pos_only') and not shifted_by_tl:
            ti, pj = tl_pos.index(t), ppos.index(matched[i])
            if ti != pj and not any(x.startswith('order:') for x in issues[i]):
                issues[i].append('position: %s is positional argument #%d in tl, #%d in %s'
                                 % (t.name, ti + 1, pj + 1, ref))
    used = set(id(p) for p in matched.values())
    missing = [repr(Param(p.name, p.kind)) for p in P if id(p) not in used]
    return issues, missing, notes


def compare(T, alts, ref):
    """The verdict of tl's parameters against the alternatives: the best single one; failing
    that, the overloads merged (each tl parameter must hold in one of them)."""
    per, best = [], None
    for k, (src, P) in enumerate(alts):
        others = [ps for j, (_, ps) in enumerate(alts) if j != k]
        issues, missing, notes = compare_one(T, P, others, ref)
        flat = [x for i in sorted(issues) for x in issues[i]]
        r = Result('DIFF' if flat else ('subset' if missing else 'agree'), flat, missing, notes, src)
        per.append((issues, src, P))
        if best is None or r.rank() < best.rank():
            best = r
    if best is None or best.status != 'DIFF' or len(alts) < 2:
        return best
    failing = [i for i in range(len(T)) if all(iss[i] for iss, _, _ in per)]
    used = [src for iss, src, _ in per if any(not iss[i] for i in range(len(T)))]
    names = set(t.name for t in T)
    union = []
    for _, _, P in per:
        for p in P:
            r = repr(Param(p.name, p.kind))
            if p.name not in names and r not in union:
                union.append(r)
    if not failing:
        return Result('subset' if union else 'agree', [], union, best.notes,
                      ' + '.join(sorted(set(used))), True)
    # the parameters that no overload holds
    flat = []
    for i in failing:
        # the issue from an overload that has the parameter, where one has it
        msgs = [iss[i] for iss, _, _ in per]
        found = [m for m in msgs if not any(x.endswith('has no such parameter') for x in m)]
        flat += (found or msgs)[0]
    if len(flat) <= len(best.issues):
        return Result('DIFF', flat, union, best.notes, best.source, True)
    return best


def fmt(r):
    merged = ', merges overloads' if r.merged else ''
    if r.status == 'agree':
        s = 'agree' + (' (merges overloads)' if r.merged else '')
    elif r.status == 'subset':
        s = 'subset (missing: %s%s)' % (', '.join(r.missing), merged)
    else:
        s = 'DIFF: ' + '; '.join(r.issues) + (' (other parameters: merged overloads)'
                                                if r.merged else '')
    return s


def fmt_notes(r):
    return '  [note: %s]' % '; '.join(dict.fromkeys(r.notes)) if r.notes else ''


# ---------------------------------------------------------------------------------------------

def main():
    entries = read_reference(REF)
    counts = {'agree': 0, 'subset': 0, 'DIFF': 0, 'not in PyTorch': 0, 'no signature': 0}
    merged_n, schema_ok = 0, 0
    diffs, notes_all, nosig, absent = [], [], [], []
    print('# tl signatures against PyTorch %s (Python %s), from %s'
          % (torch.__version__, sys.version.split()[0], os.path.relpath(REF)))

    def say(line):
        if ONLY is None or ONLY in line:
            print(line)

    for e in entries:
        try:
            targets = counterparts(e)
            results = []
            for tg in targets:
                if tg.alts:
                    r = compare(e.params, tg.alts, tg.ref)
                    r.target = tg
                    results.append(r)
        except Exception as ex:      # a report: one odd name must not stop it
            say('%s: script error (%s: %s)' % (e.label, type(ex).__name__, ex))
            counts['no signature'] += 1
            nosig.append(e.label)
            continue
        if not targets:
            counts['not in PyTorch'] += 1
            absent.append(e.label)
            say('%s: not in PyTorch' % e.label)
            continue
        if not results:
            # no docstring signature, no inspect.signature: the ATen schemas, where there are some
            for tg in targets:
                sa = schema_alts(tg.opname, tg.method) if tg.opname else []
                if sa:
                    r = compare(e.params, sa, 'ATen')
                    r.target = tg
                    r.source = 'ATen schema (no docstring signature)'
                    results.append(r)
                    break
        if not results:
            counts['no signature'] += 1
            nosig.append('%s [%s]' % (e.label, targets[0].label))
            say('%s [%s]: no signature to compare' % (e.label, targets[0].label))
            continue
        r = min(results, key=lambda r: r.rank())
        extra = ''
        if r.status == 'DIFF' and r.target.opname and not r.source.startswith('ATen'):
            sa = schema_alts(r.target.opname, r.target.method)
            if sa:
                rs = compare(e.params, sa, 'ATen')
                extra = '  {ATen schema: %s}' % fmt(rs)
                schema_ok += rs.status != 'DIFF'
        counts[r.status] += 1
        merged_n += r.merged and r.status != 'DIFF'
        say('%s [%s]: %s%s%s' % (e.label, r.target.label, fmt(r), extra, fmt_notes(r)))
        if r.status == 'DIFF':
            diffs.append('%s  `%s`  [%s, %s]: %s%s' % (e.label, e.sig, r.target.label, r.source,
                                                     '; '.join(r.issues), extra))
        if r.notes:
            notes_all.append('%s: %s' % (e.label, '; '.join(dict.fromkeys(r.notes))))
    print()
    print('## Counts')
    total = sum(counts.values())
    print('%d names: %d agree, %d subset, %d differ, %d not in PyTorch, %d without a signature to '
          'compare' % (total, counts['agree'], counts['subset'], counts['DIFF'],
                       counts['not in PyTorch'], counts['no signature']))
    print('(%d agree/subset verdicts merge several overloads; of the %d differences, the ATen '
          'schemas accept %d)' % (merged_n, counts['DIFF'], schema_ok))
    print()
    print('## Differences (%d)' % len(diffs))
    for d in diffs:
        print('- ' + d)
    print()
    print('## No signature to compare (%d)' % len(nosig))
    print(', '.join(nosig))
    print()
    print('## Not in PyTorch (%d)' % len(absent))
    print(', '.join(absent))
    print()
    print('## Notes, not counted (%d): keyword-only or positional on one side, *args against one '
          'argument, names only **kwargs takes' % len(notes_all))
    for n in notes_all:
        print('- ' + n)


if __name__ == '__main__':
    if hasattr(signal, 'SIGPIPE'):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)     # `... | head` ends quietly
    main()
    sys.exit(0)
