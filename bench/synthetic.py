"""A large synthetic corpus from a real one: its extracted frames replicated under new article ids and dates.

Used by the benchmarks. `base_corpus` analyses a real corpus once (extraction comes from the cache);
`replicate` copies its frames `copies` times, each copy under new `doc_id`s and with its publication dates
(and the dates of its statements) moved by a whole number of weeks, so the copies spread over a range of
dates as a real archive would.
"""
import hashlib, math
from datetime import date
from pathlib import Path

import polars as pl

from newsexplore import Corpus

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / 'shared' / 'corpora' / 'bbc'


def base_corpus(path=BBC, start=date(2004, 1, 5), days=730) -> Corpus:
    "The corpus at `path`, analysed, with undated articles given a publication date spread over `days` from `start`."
    c = Corpus.from_folder(path, progress=False)
    offset = pl.Series(
        [int(hashlib.blake2b(d.encode(), digest_size=4).hexdigest(), 16) % days for d in c.articles['doc_id']]
    )
    c.articles = c.articles.with_columns(published=pl.coalesce('published', pl.lit(start) + pl.duration(days=offset)),
                                         published_from=pl.col('published_from').fill_null('metadata'))
    return c


def replicate(frames: dict, copies: int, weeks_apart: int = 13, start: int = 0) -> dict:
    """Each frame of `frames` (all keyed by `doc_id`) `copies` times (numbered from `start`), under new ids, with every
    date column moved."""
    out = {}
    for name, df in frames.items():
        parts = []
        for k in range(start, start + copies):
            shift = pl.duration(weeks=k * weeks_apart)
            moved = [pl.col(c) + shift for c, t in df.schema.items() if t == pl.Date]
            parts.append(df.with_columns(pl.col('doc_id') + f'-{k}', *moved))
        out[name] = pl.concat(parts)
    return out


def copies_for(n_articles: int, base: Corpus) -> int:
    return math.ceil(n_articles / len(base.articles))
