"""Benchmark newsexplore's extraction on the BBC corpus against plain spaCy.

Run from the repository root:  .venv/bin/python bench/bench_extract.py [--limit N] [--n-process 2]

Measures, in one run and on the same texts:
  1. plain `nlp.pipe` of the model with the components extraction uses (senter + ner), words/s;
  2. `newsexplore.extract.extract` with an empty cache (spaCy, rows, Parquet shards), words/s;
     1 and 2 alternate chunk by chunk (--chunk articles), so load from other processes falls on both alike;
  3. re-opening the whole corpus from that cache (spaCy must not load);
  4. on a subset, the full default pipeline against senter + ner: speed-up and shared entities.
The cache goes to a temporary folder that is deleted afterwards; the corpus is read in place.
"""
import argparse, tempfile, time
from pathlib import Path
from unittest import mock
import polars as pl
from newsexplore.core import load_nlp
from newsexplore.load import load_articles
from newsexplore import extract as ex

# read in place, beside the repository
BBC = Path(__file__).resolve().parent.parent.parent / 'shared' / 'corpora' / 'bbc'


def timed(f, *args, **kwargs):
    "Result of `f(*args, **kwargs)` and the seconds it took."
    t = time.perf_counter(); out = f(*args, **kwargs)
    return out, time.perf_counter() - t

def plain(nlp, texts, n_process, batch_size):
    "Run `nlp.pipe` over `texts`, keeping nothing."
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size): pass

def entity_set(nlp, texts, batch_size):
    "The (text number, start, end, label) of every entity `nlp` finds in `texts`."
    return {
        (i, e.start_char, e.end_char, e.label_)
        for i, d in enumerate(nlp.pipe(texts, batch_size=batch_size))
        for e in d.ents
    }


FRESH = """
import sys, time; t = time.perf_counter()
import polars as pl
from newsexplore.extract import extract
a, p = pl.read_parquet(sys.argv[1]), pl.read_parquet(sys.argv[2]); t1 = time.perf_counter()
s, m = extract(a, p, model=sys.argv[4] or None, cache_dir=sys.argv[3], progress=False)
assert 'spacy' not in sys.modules, 'spacy was imported'
print(time.perf_counter() - t, time.perf_counter() - t1)
"""

def fresh_reopen(articles, paragraphs, cache, model):
    """Seconds a new Python process takes to import newsexplore and re-open the corpus from `cache`: in all, and in
    `extract`."""
    import subprocess, sys
    a, p = Path(cache)/'articles.parquet', Path(cache)/'paragraphs.parquet'
    articles.write_parquet(a); paragraphs.write_parquet(p)
    out = subprocess.run(
        [sys.executable, '-c', FRESH, str(a), str(p), cache, model or ''], capture_output=True, text=True, check=True
    )
    return tuple(map(float, out.stdout.split()))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--limit', type=int, default=None, help='only the first N articles')
    ap.add_argument('--n-process', type=int, default=1, help='processes for nlp.pipe (both runs)')
    ap.add_argument('--batch-size', type=int, default=64)
    ap.add_argument('--chunk', type=int, default=250, help='articles per alternating plain/extract timing chunk')
    ap.add_argument('--full-subset', type=int, default=200, help='articles for the full-pipeline comparison (0: skip)')
    ap.add_argument('--model', default=None)
    ap.add_argument('--corpus', default=str(BBC))
    a = ap.parse_args()

    loaded, t_load = timed(load_articles, a.corpus, progress=False)
    articles = loaded.articles.sort('doc_id')
    if a.limit: articles = articles.head(a.limit)
    paragraphs = loaded.paragraphs.join(articles.select('doc_id'), on='doc_id', how='semi')
    texts, words = articles['text'].to_list(), int(articles['n_words'].sum())
    print(f"{a.corpus}: {articles.height:,} articles, {words:,} words (loaded in {t_load:.2f} s); "
          f"n_process={a.n_process}, batch_size={a.batch_size}")

    nlp = ex.pipeline(a.model)               # load once, outside the timings
    print(f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}, running {nlp.pipe_names}")
    plain(nlp, texts[:20], 1, a.batch_size)  # warm up
    rows, t_plain, t_ext, got = [], 0.0, 0.0, []
    with tempfile.TemporaryDirectory(prefix='bench-extract-') as cache:
        # alternate plain spaCy and extract chunk by chunk (ABBA), so that load from other processes hits both alike
        for k, chunk in enumerate(articles.iter_slices(a.chunk)):
            paras = paragraphs.join(chunk.select('doc_id'), on='doc_id', how='semi')
            for run in (('plain', 'extract') if k % 2 == 0 else ('extract', 'plain')):
                if run == 'plain': t_plain += timed(plain, nlp, chunk['text'].to_list(), a.n_process, a.batch_size)[1]
                else:
                    out, t = timed(ex.extract, chunk, paras, model=a.model, cache_dir=cache,
                                   n_process=a.n_process, batch_size=a.batch_size, progress=False)
                    got.append(out); t_ext += t
        sents, ments = (pl.concat(f).sort('doc_id', 'start') for f in zip(*got))
        rows.append(('plain nlp.pipe (senter+ner)', t_plain, words / t_plain, ''))
        rows.append(('newsexplore extract, cold cache', t_ext, words / t_ext, f'{t_plain / t_ext:.2f} of plain'))
        size = sum(f.stat().st_size for f in Path(cache).rglob('*') if f.is_file())
        shards = len(list(Path(cache).rglob('index/*.parquet')))
        def no_spacy(*args, **kwargs): raise AssertionError('spaCy was loaded on a cache hit')
        with mock.patch.object(ex, 'load_nlp', no_spacy):
            (s2, m2), t_hit = timed(ex.extract, articles, paragraphs, model=a.model, cache_dir=cache, progress=False)
        assert s2.sort('doc_id', 'start').equals(sents) and m2.sort('doc_id', 'start').equals(ments)
        rows.append(
            ('re-open from cache (no spaCy)', t_hit, words / t_hit, f'{size / 1e6:.1f} MB in {shards} shard(s)')
        )
        t_fresh, t_call = fresh_reopen(articles, paragraphs, cache, a.model)
        rows.append(('re-open, fresh process, imports included', t_fresh, words / t_fresh,
                     f'spacy never imported; {t_call:.2f} s in extract, the rest importing newsexplore'))

    if a.full_subset:
        sub = texts[:a.full_subset]; sub_words = int(articles['n_words'].head(a.full_subset).sum())
        full = load_nlp(ex.find_model(a.model))
        plain(full, sub[:20], 1, a.batch_size)
        t_full = t_lean = 0.0
        for k in range(0, len(sub), a.chunk // 5):   # alternate again (ABBA), in smaller chunks
            part = sub[k:k + a.chunk // 5]
            for which in ((full, nlp) if (k // (a.chunk // 5)) % 2 == 0 else (nlp, full)):
                t = timed(plain, which, part, 1, a.batch_size)[1]
                if which is full: t_full += t
                else: t_lean += t
        shared = entity_set(nlp, sub, a.batch_size), entity_set(full, sub, a.batch_size)
        agree = len(shared[0] & shared[1]) / max(len(shared[1]), 1)
        rows.append(
            (f'full pipeline, {len(sub)} articles, 1 process', t_full, sub_words / t_full, ' '.join(full.pipe_names))
        )
        rows.append((f'senter+ner, same {len(sub)} articles', t_lean, sub_words / t_lean,
                     f'x{t_full / t_lean:.2f}; {agree:.1%} of full-pipeline entities'))

    print(f"\n{'run':<44} {'seconds':>8} {'words/s':>9}  note")
    for name, t, wps, note in rows: print(f"{name:<44} {t:>8.2f} {wps:>9,.0f}  {note}")
    print(f"\n{sents.height:,} sentences, {ments.height:,} mentions "
          f"({ments.filter(pl.col('label').is_in(['DATE', 'TIME'])).height:,} DATE/TIME)")

if __name__ == '__main__': main()
