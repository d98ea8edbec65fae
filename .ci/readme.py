"""Write README.md from nbs/index.ipynb without quarto (which needs the internet to install).

Markdown cells are copied; code cells become Python code blocks; cells marked `#| hide` and nbdev
directive lines are dropped. `--check` fails when README.md is not what the notebook makes.
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def render(nb_path=root/'nbs'/'index.ipynb') -> str:
    cells = json.loads(nb_path.read_text(encoding='utf-8'))['cells']
    out = []
    for c in cells:
        src = ''.join(c['source'])
        lines = src.splitlines()
        directives = [l for l in lines if l.startswith('#|')]
        if any(d.replace(' ', '') in ('#|hide', '#|export', '#|exporti') for d in directives): continue
        body = '\n'.join(l for l in lines if not l.startswith('#|')).strip()
        if not body: continue
        if c['cell_type'] == 'markdown':
            body = body.replace('](images/', '](nbs/images/')  # images sit beside the notebook
        out.append(body if c['cell_type'] == 'markdown' else f"```python\n{body}\n```")
    return (
        '<!-- Made from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file. -->\n\n'
        + '\n\n'.join(out)
        + '\n'
    )


if __name__ == '__main__':
    text, readme = render(), root/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text(encoding='utf-8') != text:
            sys.exit('README.md is out of date: run `python .ci/readme.py` and commit.')
    else: readme.write_text(text, encoding='utf-8')
