"""Snapshot a corpus's main frames, or compare them with a snapshot: proof that a refactoring changed nothing.

    .venv/bin/python bench/snapshot.py write DIR [CORPUS ...]     (default: data/, BBC, timeline17_dev)
    .venv/bin/python bench/snapshot.py compare DIR [CORPUS ...]

`write` saves, for each corpus, the frames an analyst sees (articles, problems, sentences, entity spans, dates,
actors, mentions, timeline, co-mentions in the default order, key dates) as Parquet under DIR/<corpus name>/.
`compare` recomputes them and lists, frame by frame, whether each is equal (same columns, types, rows and order);
for a frame that differs it shows the changed columns and a few rows on each side. Exit status 1 when any differs.
Extraction comes from the cache (~/.cache/newsexplore), so a warm corpus takes seconds, not spaCy's minutes.
"""
import argparse, sys
from pathlib import Path

import polars as pl

from newsexplore import Corpus

ROOT = Path(__file__).resolve().parents[1]
p = argparse.ArgumentParser()
p.add_argument('action', choices=['write', 'compare'])
p.add_argument('dir', type=Path)
p.add_argument(
    'corpora',
    nargs='*',
    type=Path,
    default=[ROOT / 'data', *(ROOT.parent / 'shared' / 'corpora' / c for c in ('bbc', 'timeline17_dev'))],
)
args = p.parse_args()


def frames(corpus: Corpus) -> dict[str, pl.DataFrame]:
    "The frames compared, by name; list columns stay as they are (Parquet keeps them)."
    sentences, spans = corpus.spans()
    return {'articles': corpus.articles, 'problems': corpus.problems, 'sentences': sentences, 'spans': spans,
            'dates': corpus.dates, 'actors': corpus.actors, 'mentions': corpus.mentions,
            'timeline': corpus.timeline, 'comentions': corpus.comentions(), 'key_dates': corpus.key_dates()}


def show_difference(name: str, old: pl.DataFrame, new: pl.DataFrame):
    if old.columns != new.columns or old.dtypes != new.dtypes:
        print(f'    columns: {dict(zip(old.columns, old.dtypes))}\n          -> {dict(zip(new.columns, new.dtypes))}')
        return
    print(f'    rows {old.height:,} -> {new.height:,}')
    changed = [c for c in old.columns if old.height != new.height or not old[c].equals(new[c])]
    print(f'    columns that differ: {changed}')
    if old.height == new.height and changed:
        rows = pl.Series([not old.row(i) == new.row(i) for i in range(old.height)])
        print('    first differing rows, before then after:')
        print(old.filter(rows).head(5)); print(new.filter(rows).head(5))


failed = False
for folder in args.corpora:
    corpus = Corpus.from_folder(folder, progress=False)
    out = args.dir / folder.name
    for name, frame in frames(corpus).items():
        path = out / f'{name}.parquet'
        if args.action == 'write':
            out.mkdir(parents=True, exist_ok=True)
            frame.write_parquet(path)
            print(f'{folder.name}/{name}: {frame.height:,} rows written')
            continue
        if not path.is_file():
            print(f'{folder.name}/{name}: no snapshot'); failed = True; continue
        old = pl.read_parquet(path)
        same = old.equals(frame)
        print(f'{folder.name}/{name}: {"equal" if same else "DIFFERENT"} ({frame.height:,} rows)')
        if not same: failed = True; show_difference(name, old, frame)
sys.exit(1 if failed else 0)
