"""Loading benchmark: load a real corpus, print articles per second, and check that every file is accounted for.

    .venv/bin/python bench/bench_load.py [CORPUS]   (default: ../shared/corpora/bbc)

Exits non-zero when loaded + not-loaded files differ from the number of files in the folder.
"""
import sys, time, tracemalloc
from pathlib import Path

import polars as pl

from newsexplore.load import find_inputs, load_articles

root = Path(__file__).resolve().parent.parent
corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / 'shared' / 'corpora' / 'bbc'
files = {str(p) for p in find_inputs(corpus)[0]}

load_articles(corpus, progress=False)  # warm up imports (trafilatura, dateparser) and the file cache
runs = []
for _ in range(3):
    t = time.perf_counter()
    a, p, problems = load_articles(corpus, progress=False)
    runs.append(time.perf_counter() - t)
tracemalloc.start()
load_articles(corpus, progress=False)
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()

loaded, not_loaded = set(a['path']), set(problems.filter(~pl.col('loaded'))['path'])
best = min(runs)
rows = [('corpus', str(corpus)), ('files', len(files)), ('articles loaded', len(a)),
        ('files not loaded', len(not_loaded)),
        ('  of which duplicates', problems.filter(pl.col('reason').str.starts_with('duplicate of')).height),
        ('warnings (loaded)', problems.filter(pl.col('loaded')).height), ('paragraphs', len(p)),
        ('boilerplate paragraphs', p.filter(pl.col('kind') == 'boilerplate').height),
        ('load time, best of 3 (s)', f'{best:.2f}'), ('articles per second', f'{len(a) / best:,.0f}'),
        ('files per second', f'{len(files) / best:,.0f}'), ('peak Python memory (MiB)', f'{peak / 2**20:.0f}'),
        ('loaded + not loaded = files', f'{len(loaded) + len(not_loaded)} = {len(files)}')]
w = max(len(k) for k, _ in rows)
print('\n'.join(f'{k:<{w}}  {v}' for k, v in rows))
print('\nproblems by reason:')
print(
    problems.with_columns(pl.col('reason').str.replace(r' of .*', ' of ...'))
    .group_by('severity', 'reason')
    .len()
    .sort('len', descending=True)
)
if loaded | not_loaded != files or loaded & not_loaded:
    sys.exit(f'accounting failed: {len(files - loaded - not_loaded)} files neither loaded nor listed')
