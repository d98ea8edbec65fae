"""Co-mentions before and after issue 16: the top pairs of a corpus, the old order beside the new, and evidence.

For a corpus (extraction cached), prints the top `--top` pairs of the old default (pairs by count, known
relations counted as news, role words and demonyms counted as co-mentioned actors: by default rebuilt from the new \
counts
with `trivial=True` and `ranked(by='n')`; with `--before OLD.py`, an older copy of `newsexplore/comention.py`,
e.g. `git show HEAD~1:newsexplore/comention.py > /tmp/old_comention.py`, run as it was), and of the new default \
(`Corpus.comentions()`: known relations left out,
demonyms folded into their country, pairs linked in one clause in 2 windows or more first, by G² of those windows), \
each with its relation, so a reader marks them meaningful or noise by hand. Then, over
the evidence of the new top pairs, how many windows near-duplicates collapsed (`n_copies` > 1) and how the
first evidence window of each pair links the two (`link`). With `--order`, the rank of a pair in the new
order and in the orders by other measures (`npmi`, `n`, ...).

    .venv/bin/python bench/eval_comention.py /work/shared/corpora/bbc [--top 30] [--window sentence] [--pair A B]
    .venv/bin/python bench/eval_comention.py data --pair Blinken Netanyahu --before /tmp/old_comention.py

The extraction cache is `~/.cache/newsexplore` (`--cache`); spaCy runs only for articles not in it.
"""
import argparse, time
from pathlib import Path
import polars as pl
from newsexplore.corpus import Corpus
from newsexplore.comention import ranked, MEASURES, pair_view

def old_comentions(path:str, c:Corpus, window) -> pl.DataFrame:
    "The pairs an older `comention.py` returns (its Corpus patches left out), in its own default order."
    src = Path(path).read_text().replace('from .', 'from newsexplore.')
    src = src.split('from datetime import date\nfrom newsexplore.corpus import Corpus')[0]
    ns = {'__name__': 'old_comention'}; exec(compile(src, path, 'exec'), ns)
    return ns['comentions'](c.mentions, c.sentences, c.actors, window, articles=c.articles)

def show(pairs:pl.DataFrame, title:str):
    print(f'\n## {title}')
    for i, r in enumerate(pairs.iter_rows(named=True), 1):
        linked = (
            f" linked={r['n_linked']} list={r['n_list']} llr_linked={r['llr_linked']:.1f}" if 'n_linked' in r else ''
        )
        print(
            f"{i:>3}. {r['a']} – {r['b']}  n={r['n']} docs={r['n_docs']} llr={r['llr']:.1f} "
            f"npmi={r['npmi']:.2f}{linked}" + (f"  [{r['relation']}]" if r['relation'] else '')
        )

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('corpus')
    ap.add_argument('--top', type=int, default=30)
    ap.add_argument('--window', default='sentence')
    ap.add_argument('--cache', default=str(Path.home()/'.cache'/'newsexplore')); ap.add_argument('--pair', nargs=2)
    ap.add_argument('--evidence', type=int, default=30, help='pairs whose evidence is measured')
    ap.add_argument('--before', help='an older comention.py to run for the "before" list')
    a = ap.parse_args()
    window = int(a.window) if a.window.isdigit() else a.window
    c = Corpus.from_folder(a.corpus, cache_dir=a.cache)
    t = time.time(); every = c.comentions(window, trivial=True); new = c.comentions(window)
    print(f'{len(c):,} articles; {len(every):,} pairs, {every["relation"].is_not_null().sum():,} of a known relation '
          f'({dict(every["relation"].drop_nulls().value_counts().iter_rows())}); counted in {time.time() - t:.1f} s')
    if a.before:
        old = (
            old_comentions(a.before, c, window)
            .head(a.top)
            .join(every.select('a_id', 'b_id', 'relation'), on=['a_id', 'b_id'], how='left')
        )
        show(old, f'before ({a.before}): top {a.top} of its default order; [relation] as the new code names it')
    else: show(ranked(every, 'n').head(a.top), f'before: top {a.top} by count, known relations included')
    show(new.head(a.top), f'after: top {a.top} of the default order')
    for view in ('person-person', 'person-organization'):
        show(pair_view(new, c.actors, view).head(10), f'after: {view}, top 10')
    t = time.time(); rows = copies = 0; links = {}
    for p in new.head(a.evidence).iter_rows(named=True):
        ev = c.comention_evidence(p['a_id'], p['b_id'], window)
        rows += len(ev); copies += ev['n_copies'].sum()
        links[ev['link'][0]] = links.get(ev['link'][0], 0) + 1
    print(
        f'\nevidence of the top {a.evidence} pairs: {copies:,} windows shown as {rows:,} '
        f'({1 - rows / max(copies, 1):.1%} collapsed as near-duplicates); first window by link: {links}; '
        f'{time.time() - t:.1f} s'
    )
    if a.pair:
        ids = [c.actor(x).record['actor_id'] for x in a.pair]
        hit = (pl.col('a_id').is_in(ids) & pl.col('b_id').is_in(ids))
        print(
            f'\nrank of {a.pair[0]} – {a.pair[1]}:',
            {m: ranked(new, m).with_row_index('r', 1).filter(hit)['r'].to_list() for m in MEASURES},
        )
        print('in the person-person view:', pair_view(new, c.actors).with_row_index('r', 1).filter(hit)['r'].to_list())

if __name__ == '__main__': main()
