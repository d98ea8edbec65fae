"""Actor resolution on a real corpus: the most mentioned actors, the merges made, the ambiguous short forms.

    .venv/bin/python bench/bench_actors.py [CORPUS] [--top 50]   (default: ../shared/corpora/bbc)

Extraction results come from the cache (the first run extracts and fills it).
"""
import argparse, time
from pathlib import Path

import polars as pl

from newsexplore.actors import resolve_actors
from newsexplore.extract import default_cache_dir, extract
from newsexplore.load import load_articles

root = Path(__file__).resolve().parent.parent
p = argparse.ArgumentParser()
p.add_argument('corpus', nargs='?', default=root.parent / 'shared' / 'corpora' / 'bbc', type=Path)
p.add_argument('--top', type=int, default=50)
args = p.parse_args()

pl.Config.set_tbl_rows(200)
pl.Config.set_tbl_width_chars(200)
pl.Config.set_fmt_str_lengths(60)
pl.Config.set_fmt_table_cell_list_len(5)
articles, paragraphs, _ = load_articles(args.corpus, progress=False)
t = time.perf_counter()
sentences, mentions = extract(articles, paragraphs, cache_dir=default_cache_dir(args.corpus))
t_extract = time.perf_counter() - t
t = time.perf_counter(); res = resolve_actors(mentions, articles, sentences); t_resolve = time.perf_counter() - t

print(f'{len(articles):,} articles, {len(mentions):,} mentions -> {len(res.actors):,} actors')
print(f'extraction (or cache) {t_extract:.2f} s; actor resolution {t_resolve:.2f} s\n')
for kind in ('person', 'organization'):  # what an analyst reads first: the people and organisations, each by hand
    print(f'The {args.top} most mentioned of kind {kind}:')
    print(
        res.actors.filter(pl.col('kind') == kind)
        .head(args.top)
        .select('actor', 'n_mentions', 'n_docs', 'aliases', 'roles')
    )
print(f'The {args.top} most mentioned actors of other kinds:')
print(
    res.actors.filter(~pl.col('kind').is_in(['person', 'organization']))
    .head(args.top)
    .select('actor', 'kind', 'n_mentions', 'n_docs', 'aliases')
)
merged = res.links.filter(pl.col('rule').is_not_null() & (pl.col('name') != pl.col('actor')))
print('\nMerges by rule (distinct name -> actor links, and the mentions they carry):')
print(merged.group_by('rule').agg(links=pl.len(), mentions=pl.col('n').sum()).sort('links', descending=True))
for rule in merged['rule'].unique().sort():
    print(f'\n{rule}: the links carrying most mentions')
    print(merged.filter(rule=rule).sort('n', descending=True).head(15).select('name', 'actor', 'n'))
print(f'\nAmbiguous short forms, kept apart ({len(res.ambiguous)}):')
print(res.ambiguous.sort('n_docs', descending=True).head(15))
