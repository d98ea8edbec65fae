"""Readability measures of each module, to compare with the anchors in STYLE.md (issue 20).

    .venv/bin/python bench/code_stats.py [MODULE ...]   (default: every module of newsexplore/ but _modidx)

Columns, one row per module:
- mean: mean length (characters) of the module's non-blank lines
- >120: share of its lines (non-blank) longer than 120 characters
- def/cell: top-level `def`/`class` per `#| export` cell of the notebook that exports it
- run: the longest run of export cells with no other code cell (an example or test) between them
- public: public docstrings (top-level functions and classes, their public methods)
- raises / columns / source: how many of those say what they raise, give the output's columns or shape,
  or cite the source of their method (a paper, standard or project). The tests are keyword searches, so
  they count what a docstring states, not whether it is right.
"""
import ast, json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
lib, nbs = root / 'newsexplore', root / 'nbs'

RAISES = re.compile(r'\braises?\b|\bError\b|Error`', re.I)
COLUMNS = re.compile(r'\bcolumns?\b|\bone row (per|for|of)\b|\brows?\b|\bshape\b|\bschema\b|`[A-Z]{3,}`', re.I)
SOURCE = re.compile(
    r'\bSource:|\bAfter [\w`]|\bet al\b|\b(19|20)\d\d\b|\bRFC\b|\bISO\b|\bOWASP\b|\bW3C\b|\bTukey\b|https?://|\bafter '
    r'[A-Z]'
)


def module_of(nb:Path) -> str|None:
    "The module a notebook exports to (its `#| default_exp`), or None."
    for cell in json.loads(nb.read_text())['cells']:
        m = re.search(r'^#\|\s*default_exp\s+(\S+)', ''.join(cell['source']), re.M)
        if m: return m[1]
    return None


def is_export(src:str) -> bool:
    return re.search(r'^#\|\s*export(s|i)?\b', src, re.M) is not None


def cell_stats(nb:Path) -> tuple[int, int, int]:
    "Definitions in export cells, export cells, and the longest run of export cells with no other code cell between."
    defs, cells, run, longest = 0, 0, 0, 0
    for cell in json.loads(nb.read_text())['cells']:
        if cell['cell_type'] != 'code': continue
        src = ''.join(cell['source'])
        if not is_export(src):
            if src.strip(): run = 0
            continue
        cells += 1; run += 1; longest = max(longest, run)
        code = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!')))
        try: tree = ast.parse(code)
        except SyntaxError: continue
        defs += sum(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in tree.body)
    return defs, cells, longest


def public_docstrings(tree:ast.Module) -> list[str]:
    "Docstrings of public top-level functions and classes and of the public methods of those classes."
    out = []
    def visit(nodes):
        for n in nodes:
            if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): continue
            if n.name.startswith('_'): continue
            out.append(ast.get_docstring(n) or '')
            if isinstance(n, ast.ClassDef): visit(n.body)
    visit(tree.body)
    return out


def module_stats(path:Path, nb:Path|None) -> dict:
    src = path.read_text()
    lines = [l for l in src.splitlines() if l.strip()]
    docs = public_docstrings(ast.parse(src))
    defs, cells, run = cell_stats(nb) if nb else (0, 0, 0)
    return {'module': path.stem, 'lines': len(lines),
            'mean': sum(map(len, lines)) / max(len(lines), 1),
            '>120': sum(len(l) > 120 for l in lines) / max(len(lines), 1),
            'defs': defs, 'cells': cells, 'def/cell': defs / cells if cells else float('nan'), 'run': run,
            'public': len(docs),
            'raises': sum(bool(RAISES.search(d)) for d in docs),
            'columns': sum(bool(COLUMNS.search(d)) for d in docs),
            'source': sum(bool(SOURCE.search(d)) for d in docs)}


def main(names:list[str]):
    notebooks = {m: nb for nb in sorted(nbs.glob('[!_]*.ipynb')) if (m := module_of(nb))}
    paths = [lib / f'{n}.py' for n in names] if names else sorted(p for p in lib.glob('*.py')
                                                                 if p.stem not in ('_modidx', '__init__'))
    rows = [module_stats(p, notebooks.get(p.stem)) for p in paths]
    head = f"{'module':<12}{'lines':>6}{'mean':>6}{'>120':>7}{'def/cell':>9}{'run':>5}" \
           f"{'public':>8}{'raises':>8}{'columns':>8}{'source':>8}"
    print(head); print('-' * len(head))
    for r in rows + ([total(rows)] if len(rows) > 1 else []):
        print(f"{r['module']:<12}{r['lines']:>6}{r['mean']:>6.1f}{r['>120']:>7.1%}{r['def/cell']:>9.2f}{r['run']:>5}"
              f"{r['public']:>8}{r['raises']:>8}{r['columns']:>8}{r['source']:>8}")


def total(rows:list[dict]) -> dict:
    "The rows summed (lines, cells, docstrings), line-weighted (mean, >120), or the worst (run)."
    n, defs, cells = (sum(r[k] for r in rows) for k in ('lines', 'defs', 'cells'))
    return {'module': 'all', 'lines': n, 'mean': sum(r['mean'] * r['lines'] for r in rows) / n,
            '>120': sum(r['>120'] * r['lines'] for r in rows) / n,
            'def/cell': defs / cells, 'run': max(r['run'] for r in rows), 'defs': defs, 'cells': cells,
            **{k: sum(r[k] for r in rows) for k in ('public', 'raises', 'columns', 'source')}}


if __name__ == '__main__': main(sys.argv[1:])
