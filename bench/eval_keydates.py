"""Score `newsexplore.keydates` on Timeline17 (Tran, Alrifai & Nguyen 2013), the way the timeline-summarisation
literature does (Martschat & Markert 2018; Ghalandari & Ifrim 2020).

The corpus of a topic is all its articles, every source (the jsonl's `topic`, matched by line number). For each
gold timeline (`gold/<topic>_<source>/*.timeline.json`): k = its number of distinct dates; the candidate dates
are restricted to its first..last date; dates match when they are the same day.

- date precision / recall / F1 of the k dates ranked (mean over the gold timelines);
- ROUGE-1 / ROUGE-2 F (the `rouge-score` package: its tokenizer, stemming on) of the summaries, two ways:
  - "concat": all the summary sentences of the timeline against all the gold texts, as one text each;
  - "agreement" (per-date aligned, Martschat & Markert 2017's date-agreement ROUGE): n-grams only count as
    matching between the summary and the gold text of the same date; precision over all summary n-grams,
    recall over all gold n-grams.

Rankings beside ours: `articles per day` (distinct articles with a statement dated that day: what a user sees
today in the date explorer) and `publication-date counts` (articles published that day).

    .venv/bin/python bench/eval_keydates.py [--n 2] [--topics haiti,MJ]

The extraction of the corpus is cached (~/.cache/newsexplore) after the first run.
"""
import argparse, collections, json, statistics, time
from datetime import date
from pathlib import Path
import polars as pl
from rouge_score import rouge_scorer
from newsexplore.corpus import Corpus
import newsexplore.timeline, newsexplore.periods
from newsexplore.keydates import key_dates, summarise_dates

CORPUS = Path(__file__).resolve().parent.parent.parent / 'shared' / 'corpora' / 'timeline17_dev'  # read in place

def gold_timelines(root:Path):
    "(name, topic, {date: text}) of every gold timeline."
    for f in sorted(root.glob('gold/*/*.timeline.json')):
        by_date = collections.defaultdict(list)
        for e in json.loads(f.read_text()): by_date[date.fromisoformat(e['date'][:10])].append(e['text'].strip())
        yield f.parent.name, f.parent.name.split('_')[0], {d: ' '.join(t) for d, t in sorted(by_date.items())}

def articles_per_day(timeline, articles):
    return (timeline.filter(pl.col('granularity') == 'day').group_by(date='date_start')
            .agg(score=pl.col('doc_id').n_unique()).sort(['score', 'date'], descending=[True, False]))

def publication_counts(timeline, articles):
    return articles.group_by(date='published').agg(score=pl.len()).sort(['score', 'date'], descending=[True, False])

def prf(found:set, gold:set):
    hit = len(found & gold)
    p, r = hit / max(len(found), 1), hit / max(len(gold), 1)
    return p, r, 2 * p * r / (p + r) if hit else 0.0

SCORER = rouge_scorer.RougeScorer(['rouge1', 'rouge2'], use_stemmer=True)

def ngrams(text:str, n:int) -> collections.Counter:
    toks = SCORER._tokenizer.tokenize(text)
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))

def agreement_rouge(ours:dict, gold:dict, n:int) -> float:
    "Date-agreement ROUGE-n F: n-grams match only between texts of the same date."
    o = {d: ngrams(t, n) for d, t in ours.items()}; g = {d: ngrams(t, n) for d, t in gold.items()}
    hit = sum(sum((o[d] & g[d]).values()) for d in o.keys() & g.keys())
    p, r = (
        hit / max(sum(sum(c.values()) for c in o.values()), 1),
        hit / max(sum(sum(c.values()) for c in g.values()), 1),
    )
    return 2 * p * r / (p + r) if hit else 0.0

def evaluate(root:Path=CORPUS, n:int=2, topics:set|None=None, log=print) -> list[dict]:
    "One row of scores per gold timeline of `root` (see the top of this file)."
    t0 = time.time()
    corpus = Corpus.from_folder(root / 'articles.jsonl', progress=False)
    lines = (root / 'articles.jsonl').read_text().splitlines()
    topic = pl.DataFrame({'record': range(1, len(lines) + 1), 'topic': [json.loads(l)['topic'] for l in lines]})
    articles = corpus.articles.join(topic, on='record')
    timeline = corpus.timeline.join(articles.select('doc_id', 'topic'), on='doc_id')
    log(f'{corpus} loaded with its timeline ({timeline.height:,} statements) in {time.time() - t0:.0f} s')
    rows = []
    for name, tp, gold in gold_timelines(root):
        if topics and tp not in topics: continue
        t, a = timeline.filter(pl.col('topic') == tp), articles.filter(pl.col('topic') == tp)
        span, k = (min(gold), max(gold)), len(gold)
        t1 = time.time()
        keys = key_dates(t, span, k, every='1d')
        summ = summarise_dates(t, keys, n)
        secs = time.time() - t1
        ours = {d: ' '.join(s) for d, s in summ.group_by('date').agg('sentence').iter_rows()}
        concat = SCORER.score(' '.join(gold.values()), ' '.join(ours.values()))
        row = dict(timeline=name, k=k, date_f1=prf(set(keys['date']), set(gold))[2],
                   r1_concat=concat['rouge1'].fmeasure, r2_concat=concat['rouge2'].fmeasure,
                   r1_agree=agreement_rouge(ours, gold, 1), r2_agree=agreement_rouge(ours, gold, 2), seconds=secs)
        for label, rank in (('articles_per_day', articles_per_day), ('publication_counts', publication_counts)):
            r = rank(t, a).filter(pl.col('date').is_between(*span)).head(k)
            row[label] = prf(set(r['date']), set(gold))[2]
        rows.append(row)
    return rows

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=2, help='summary sentences per date')
    ap.add_argument('--topics', default='', help='comma-separated topics (default: all)')
    args = ap.parse_args()
    df = pl.DataFrame(evaluate(CORPUS, args.n, set(filter(None, args.topics.split(',')))))
    mean = df.select(pl.lit('mean').alias('timeline'), pl.col('k').mean().round().cast(pl.Int64),
                     *[pl.col(c).mean() for c in df.columns if c not in ('timeline', 'k')])
    out = pl.concat([df, mean]).with_columns(pl.col(pl.Float64).round(3))
    with pl.Config(tbl_rows=40, tbl_cols=20, tbl_width_chars=200, tbl_hide_dataframe_shape=True):
        print(out)
    print(
        '\ndate_f1: ours; articles_per_day and publication_counts: the baselines (date F1).'
        f'\nROUGE F with {args.n} sentence(s) per date: *_concat = whole timeline as one text; *_agree = '
        'date-agreement (per-date aligned).'
    )


if __name__ == '__main__':
    main()
