"""Write the type stubs `newsexplore/corpus.pyi` and `newsexplore/dataset.pyi`, so IDEs and type checkers see
every member of `Corpus` and `Dataset`, including those the stage modules add with `@patch`.

Stubs, not delegation: a member stays in the notebook of the stage that computes it (with its example and
tests), and the class is still one object at run time; the stub only describes it. They are made by importing
the package (and the explorers and the report, which add members too) and reading each member's signature, so
they cannot drift by hand: `--check` fails when a stub is not what the code makes (tests/test_exports.py runs it).
"""
import builtins, importlib, inspect, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
MODULES = ('corpus', 'dataset')
HEADER = ('# Made by .ci/stubs.py from the package (with every stage imported): do not edit; run\n'
          '# `python .ci/stubs.py` after changing a member of Corpus or Dataset.\n'
          'from __future__ import annotations\n')
NAME = re.compile(r'(?<![\w.\'"])([A-Za-z_]\w*)(?:\.\w+)*')


class Imports:
    "The import lines the names in a stub's annotations need."
    def __init__(self, module:str): self.module, self.lines = module, set()

    def need(self, text:str, where:dict, home:str):
        "Import every name `text` (an annotation) uses, resolved in the namespace `where` of module `home`."
        for name in NAME.findall(text):
            if hasattr(builtins, name) or name in ('None', 'True', 'False') or name not in where: continue
            obj = where[name]
            if inspect.ismodule(obj):
                self.lines.add(f'import {obj.__name__}' + ('' if obj.__name__ == name else f' as {name}'))
                continue
            mod = getattr(obj, '__module__', None)
            if not (mod and getattr(sys.modules.get(mod), name, None) is obj): mod = home
            if mod != self.module: self.lines.add(f'from {mod} import {name}')


def annotation(a) -> str:
    "An annotation as stub text (the package uses `from __future__ import annotations`: most are strings)."
    return a if isinstance(a, str) else inspect.formatannotation(a)


def signature(f, imports:Imports) -> str:
    "`(params) -> ret` of `f`, defaults written `...`, annotations imported from where `f` was defined."
    sig, g, home = inspect.signature(f), getattr(f, '__globals__', {}), getattr(f, '__module__', '')
    out, star, slash = [], False, False
    for p in sig.parameters.values():
        if p.kind == p.KEYWORD_ONLY and not star: out.append('*'); star = True
        if p.kind == p.VAR_POSITIONAL: star = True
        text = {p.VAR_POSITIONAL: '*', p.VAR_KEYWORD: '**'}.get(p.kind, '') + p.name
        if p.annotation is not p.empty:
            imports.need(annotation(p.annotation), g, home); text += f': {annotation(p.annotation)}'
        if p.default is not p.empty: text += ' = ...' if p.annotation is not p.empty else '=...'
        out.append(text)
        if p.kind == p.POSITIONAL_ONLY: slash = True
        elif slash: out.insert(len(out) - 1, '/'); slash = False
    ret = ''
    if sig.return_annotation is not sig.empty:
        imports.need(annotation(sig.return_annotation), g, home); ret = f' -> {annotation(sig.return_annotation)}'
    return f"({', '.join(out)}){ret}"


def member(name:str, value, imports:Imports, indent:str='    ') -> list[str]:
    "The stub lines of one class member."
    if isinstance(value, property):  # a getter takes `self` only (a lambda's other parameters are not passed)
        sig = signature(value.fget, imports)
        return [f'{indent}@property', f'{indent}def {name}(self{sig[sig.index(")"):]}: ...']
    for kind in (classmethod, staticmethod):
        if isinstance(value, kind):
            return [f'{indent}@{kind.__name__}', f'{indent}def {name}{signature(value.__func__, imports)}: ...']
    if inspect.isfunction(value): return [f'{indent}def {name}{signature(value, imports)}: ...']
    return []


SKIP = {'__dict__', '__weakref__', '__module__', '__doc__', '__annotations__', '__dataclass_fields__',
        '__dataclass_params__', '__match_args__', '__parameters__', '__protocol_attrs__', '__abstractmethods__',
        '__subclasshook__',
        '__init_subclass__',
        '_is_protocol',
        '_is_runtime_protocol',
        '__non_callable_proto_members__',
        '__hash__', '__eq__', '__setattr__', '__delattr__', '__static_attributes__', '__firstlineno__', '_abc_impl'}


def _ours(value) -> bool:
    "Whether a class member is defined by newsexplore (not by typing or dataclasses)."
    f = getattr(value, 'fget', None) or getattr(value, '__func__', None) or value
    return (getattr(f, '__module__', None) or '').startswith('newsexplore')


def class_stub(cls:type, imports:Imports, module) -> list[str]:
    "The stub of a class: its annotated fields, then its members (those of its body first, then the patched, by name)."
    bases = [b for b in cls.__bases__ if b is not object]
    for b in bases: imports.need(b.__name__, vars(module), module.__name__)
    dc = getattr(cls, '__dataclass_params__', None)
    head = []
    if dc:
        imports.lines.add('from dataclasses import dataclass')
        head.append(
            f'@dataclass(frozen={dc.frozen}, kw_only=True)'
            if getattr(cls, '__dataclass_fields__', None) and all(f.kw_only for f in cls.__dataclass_fields__.values())
            else f'@dataclass(frozen={dc.frozen})'
        )
    lines = head + [f"class {cls.__name__}{'(' + ', '.join(b.__name__ for b in bases) + ')' if bases else ''}:"]
    doc = (cls.__doc__ or '').strip().splitlines()
    if doc and not dc: lines.append(f'    {doc[0]!r}')
    fields = getattr(cls, '__dataclass_fields__', {})
    for name, a in vars(cls).get('__annotations__', {}).items():
        imports.need(annotation(a), vars(module), module.__name__)
        default = ' = ...' if name in fields and (fields[name].default is not inspect.Parameter.empty) else ''
        lines.append(f'    {name}: {annotation(a)}{default}')
    body = [n for n in vars(cls) if n not in SKIP]
    own = [n for n in body if getattr(vars(cls)[n], '__module__', None) in (cls.__module__, None)
           or isinstance(vars(cls)[n], (property, classmethod, staticmethod))
           and getattr(getattr(vars(cls)[n], 'fget', None) or getattr(vars(cls)[n], '__func__', None),
                       '__module__', None) == cls.__module__]
    for name in own + sorted(n for n in body if n not in own):
        if dc and name in ('__init__', '__repr__'): continue  # the dataclass makes them
        if not _ours(vars(cls)[name]): continue  # e.g. the `__init__` typing gives a Protocol
        lines += member(name, vars(cls)[name], imports)
    return lines + ([] if len(lines) > 1 + len(head) else ['    ...'])


def stub(name:str) -> str:
    "The stub of `newsexplore.<name>`: every name of its `__all__`."
    module = sys.modules[f'newsexplore.{name}']
    imports, parts = Imports(module.__name__), []
    for n in module.__all__:
        obj = getattr(module, n)
        if inspect.isclass(obj) and obj.__module__ == module.__name__:
            parts.append('\n'.join(class_stub(obj, imports, module)))
        elif inspect.isfunction(obj): parts.append(f'def {n}{signature(obj, imports)}: ...')
        else:
            t = Path if isinstance(obj, Path) else type(obj)  # not PosixPath
            if t.__module__ != 'builtins': imports.lines.add(f'from {t.__module__} import {t.__name__}')
            parts.append(f'{n}: {t.__name__}')
    return HEADER + '\n'.join(sorted(imports.lines)) + '\n\n' + '\n\n'.join(parts) + '\n'


def render() -> dict[Path, str]:
    "Every stub, by the file it goes to."
    for m in ('newsexplore', 'newsexplore.explore', 'newsexplore.report'): importlib.import_module(m)
    return {root/'newsexplore'/f'{n}.pyi': stub(n) for n in MODULES}


if __name__ == '__main__':
    stale = []
    for path, text in render().items():
        if '--check' in sys.argv:
            if not path.exists() or path.read_text(encoding='utf-8') != text: stale.append(path.name)
        else: path.write_text(text, encoding='utf-8')
    if stale: sys.exit(f"{', '.join(stale)} out of date: run `python .ci/stubs.py` and commit.")
