"""Dates on real news (issue 14): months that are names, and offsets told from the story, on timeline17 and BBC.

For each corpus (read in place; spaCy's mentions come from the extraction cache) the `dates` frame is computed
the way `Corpus.dates` computes it (`dates_frame` on the sentences and `date_evidence` entities; nothing is
written to the dates cache) and counted:

- name-months: DATEs that are a bare "May", "April", "June" or "August", and those of them with a PERSON mention
  within 40 characters in the same article (the issue's "May"-as-month near a person);
- offsets: `ago` and `story` expressions by how they were resolved: counted from a story date ('story'), left
  underspecified for want of one ('no story date') or because it would put them after publication.

`--against OLD_TIMEX.py` (e.g. `git show HEAD:newsexplore/timex.py > /tmp/old.py`) counts the same with that
engine and the same entities, and lists what changed.
`--show N` prints N of each kind, drawn with a fixed seed, with their context, to read by hand.

    .venv/bin/python bench/eval_dates_news.py [--against OLD_TIMEX.py] [--show 20]
"""
import argparse, importlib.util, time
from pathlib import Path
from unittest import mock
import polars as pl
from newsexplore import Corpus, timeline
from newsexplore.timeline import dates_frame, date_evidence

SHARED = Path(__file__).resolve().parent.parent.parent / 'shared' / 'corpora'
CORPORA = {'timeline17_dev': SHARED / 'timeline17_dev' / 'articles.jsonl', 'bbc': SHARED / 'bbc'}
NAME_MONTHS = ['May', 'April', 'June', 'August']

def old_engine(path:Path):
    "An older copy of `newsexplore/timex.py`, loaded as a module of the package."
    spec = importlib.util.spec_from_file_location('newsexplore._timex_against', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod

def corpus_dates(corpus:Corpus, engine=None) -> pl.DataFrame:
    "The corpus's dates, by the current engine or by `engine` (an older `timex` module)."
    sents, raw = corpus.spans()
    anchors, ents = corpus.articles.select('doc_id', 'published', 'source'), date_evidence(raw)
    if engine is None: return dates_frame(sents, ents, anchors)
    with mock.patch.multiple(
        timeline, _scan=engine._scan, _frame=engine._frame, _Ents=engine._Ents, DATES=engine.DATES
    ):
        return dates_frame(sents, ents, anchors)

def with_context(dates:pl.DataFrame, texts:pl.DataFrame, n:int=60) -> pl.DataFrame:
    "`dates` with the article text around each expression, the expression in brackets."
    t = dates.join(texts, on='doc_id')
    begin = (pl.col('start') - n).clip(0)
    left = pl.col('article').str.slice(begin, (pl.col('start') - begin).clip(0))
    right = pl.col('article').str.slice(pl.col('end').clip(0), 30)
    context = pl.when(pl.col('start') < 0).then(pl.concat_str(pl.lit('(title) ['), 'text', pl.lit(']'))) # a title
    context = context.otherwise(pl.concat_str(left, pl.lit('['), 'text', pl.lit(']'), right))
    return t.with_columns(context=context.str.replace_all(r"\s+", " ")).drop('article')

def name_months(dates:pl.DataFrame, raw:pl.DataFrame, near:int=40) -> pl.DataFrame:
    "Bare name-month DATEs, with `person`: whether a PERSON mention lies within `near` characters of it."
    months = dates.filter((pl.col('type') == 'DATE') & pl.col('text').is_in(NAME_MONTHS)).with_row_index('i')
    persons = raw.filter(pl.col('label').cast(pl.String) == 'PERSON').select('doc_id', p0='start', p1='end')
    close = (months.join(persons, on='doc_id')
             .filter((pl.col('p1') >= pl.col('start') - near) & (pl.col('p0') <= pl.col('end') + near))['i'].unique())
    return months.with_columns(person=pl.col('i').is_in(close.implode())).drop('i')

def offsets(dates:pl.DataFrame) -> pl.DataFrame:
    "The `ago` and `story` expressions, with `how` they were resolved (the rule's last part)."
    kind = pl.col('rule').str.split('/').list.first()
    return dates.filter(kind.is_in(['ago', 'story'])).with_columns(
        how=pl.col('rule').str.split('/').list.slice(1).list.join('/')
    )


def measure(name:str, dates:pl.DataFrame, raw:pl.DataFrame) -> dict:
    "The counts of one run."
    nm, off = name_months(dates, raw), offsets(dates)
    story = off.filter(pl.col('how').is_in(['story', 'no story date', 'story after publication']))
    return {'run': name, 'dates': dates.height, 'name_months': nm.height, 'near_person': int(nm['person'].sum()),
            **{f"offset {k}": int(v) for k, v in story.group_by('how').len().sort('how').iter_rows()}}

def show(title:str, frame:pl.DataFrame, n:int, cols=('value', 'rule', 'context')):
    "Print `n` rows of `frame`, drawn with a fixed seed."
    print(f"\n{title}: {frame.height} (showing {min(n, frame.height)})")
    for r in frame.sample(min(n, frame.height), seed=14).sort('doc_id', 'start').iter_rows(named=True):
        print('  ' + '\t'.join(str(r[c]) for c in cols))

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--against', type=Path, default=None, help='an older timex.py to compare with')
    ap.add_argument('--show', type=int, default=0, help='print this many examples of each kind')
    a = ap.parse_args(argv)
    engine, rows = a.against and old_engine(a.against), []
    for name, path in CORPORA.items():
        t0 = time.time()
        corpus = Corpus.from_folder(path, progress=False)
        raw, texts = corpus.entity_spans, corpus.articles.select('doc_id', article='text')
        new = with_context(corpus_dates(corpus), texts)
        rows.append(measure(f"{name} now", new, raw))
        if engine:
            old = with_context(corpus_dates(corpus, engine), texts)
            rows.append(measure(f"{name} before", old, raw))
        print(f"{name}: {corpus.articles.height} articles, {time.time() - t0:.0f} s")
        if a.show:
            nm = name_months(new, raw)
            show(f"{name}: name-months near a person, still dates", nm.filter('person'), a.show)
            show(f"{name}: offsets counted from a story date", offsets(new).filter(pl.col('how') == 'story'), a.show)
        if engine and a.show:
            key = ['doc_id', 'start', 'end']
            gone = name_months(old, raw).join(name_months(new, raw), on=key, how='anti')
            show(f"{name}: name-months no longer dates", gone, a.show, ('person', 'rule', 'context'))
            moved = (offsets(new).join(offsets(old).select(*key, old_value='value', old_rule='rule'), on=key)
                     .filter(pl.col('value') != pl.col('old_value')))
            show(f"{name}: offsets whose value changed", moved, a.show, ('old_value', 'value', 'rule', 'context'))
            dropped = old.join(new, on=key, how='anti')
            show(f"{name}: expressions no longer found", dropped, a.show, ('value', 'rule', 'context'))
    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_width_chars=200, tbl_hide_dataframe_shape=True):
        print(pl.DataFrame(rows).fill_null(0))

if __name__ == '__main__': main()
