"""Scale benchmark: every stage on the BBC corpus, then the stages after extraction on a synthetic large corpus.

    .venv/bin/python bench/bench_scale.py [--articles 100000] [--limit N]

Part 1, on ../shared/corpora/bbc (read in place): load rate; extraction words/s beside plain `nlp.pipe` of the
same model and components over the same texts, in the same run (alternating chunks, so machine load falls on
both); re-opening from the cache; actor resolution; dates and timeline; sentence co-mentions; the date
explorer's preparation and a slider change.
Part 2: the BBC corpus's extracted frames replicated to about --articles articles under new ids and spread
over years of publication dates (see synthetic.py), and the same stages after extraction on them.
Part 3: out of core (see bench_ooc.py): synthetic datasets of --ooc-sizes articles written in parts of
--part-docs and analysed part by part, each analysis in a process of its own, with its peak memory.
Peak memory is the process's maximum resident set size after each part.
"""
import argparse, resource, statistics, tempfile, time
from pathlib import Path

import polars as pl

from newsexplore import Corpus
from newsexplore.actors import resolve_actors
from newsexplore.comention import comentions
from newsexplore.explore import DateState, date_data, date_options, period_end
from newsexplore.periods import publication_period
from newsexplore.extract import COMPONENTS, extract, pipeline
from newsexplore.load import load_articles
from newsexplore.timeline import dates_frame, timeline_frame
from synthetic import BBC, base_corpus, copies_for, replicate
import bench_ooc

def timed(f, *a, **k):
    t = time.perf_counter(); out = f(*a, **k); return out, time.perf_counter() - t

def peak_mib(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def slider(data, moves=20):
    opts, times = date_options(data.period, 'week'), []
    for i in range(moves):
        a, b = sorted(((i * 7919) % len(opts), (i * 104729) % len(opts)))
        times.append(timed(DateState(opts[a], period_end(opts[b], 'week')).views, data)[1])
    return statistics.median(times), max(times)

def after_extraction(articles, sentences, raw):
    "Seconds of each stage after extraction, and the frames."
    res, t_act = timed(resolve_actors, raw, articles, sentences)
    ents = raw.filter(pl.col('label').cast(pl.String).is_in(['DATE', 'TIME'])).select(
        'doc_id', 'start', 'end', pl.col('label').cast(pl.String)
    )
    anchors = articles.select('doc_id', 'published')
    dates, t_dates = timed(dates_frame, sentences, ents, anchors)
    tl, t_tl = timed(
        timeline_frame,
        dates.join(anchors.rename({'published': 'anchor'}), on='doc_id', how='left'),
        sentences,
        res.mentions,
        articles,
    )
    _, t_co = timed(comentions, res.mentions, sentences, res.actors, 'sentence')
    data, t_prep = timed(date_data, tl, res.mentions, res.actors, publication_period(articles))
    med, worst = slider(data)
    return dict(
        actors=t_act,
        dates=t_dates,
        timeline=t_tl,
        comentions=t_co,
        explorer_prepare=t_prep,
        slider_median=med,
        slider_max=worst,
    ), res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--articles', type=int, default=100_000)
    ap.add_argument('--limit', type=int, default=None, help='only the first N BBC articles in part 1')
    ap.add_argument('--chunk', type=int, default=250)
    ap.add_argument(
        '--ooc-sizes', type=int, nargs='*', default=[25_000, 100_000], help='articles of the out-of-core datasets'
    )
    ap.add_argument('--part-docs', type=int, default=1000, help='articles per part out of core')
    args = ap.parse_args()
    rows = []
    add = lambda k, v: rows.append((k, v))

    # Part 1: the BBC corpus
    (articles, paragraphs, problems), t_load = timed(load_articles, BBC, progress=False)
    if args.limit:
        articles = articles.head(args.limit)
        paragraphs = paragraphs.join(articles.select('doc_id'), on='doc_id', how='semi')
    words = int(articles['n_words'].sum())
    add('BBC articles / words', f'{len(articles):,} / {words:,}')
    add('load: articles per second', f'{len(articles) / t_load:,.0f}')
    nlp = pipeline(None)
    cache = Path(tempfile.mkdtemp())
    t_plain = t_ours = 0.0
    for i in range(0, len(articles), args.chunk):
        part = articles.slice(i, args.chunk)
        t_plain += timed(lambda: [None for _ in nlp.pipe(part['text'].to_list(), batch_size=64)])[1]
        t_ours += timed(
            extract,
            part,
            paragraphs.join(part.select('doc_id'), on='doc_id', how='semi'),
            cache_dir=cache,
            progress=False,
        )[1]
    add(f'plain nlp.pipe ({", ".join(COMPONENTS)}): words/s', f'{words / t_plain:,.0f}')
    add(
        'newsexplore extract (cold cache): words/s',
        f'{words / t_ours:,.0f}  ({t_ours / t_plain:.2f}x the time; ratio of speeds {t_plain / t_ours:.2f}, target >= '
        '0.85)',
    )
    (sentences, raw), t_reopen = timed(extract, articles, paragraphs, cache_dir=cache, progress=False)
    add('re-open from cache (s)', f'{t_reopen:.2f}  (target < 2)')
    base = base_corpus()  # the same corpus with spread publication dates, for the timeline
    arts = base.articles.join(articles.select('doc_id'), on='doc_id', how='semi')
    t1, res = after_extraction(arts, sentences, raw)
    after = sum(v for k, v in t1.items() if not k.startswith('slider'))
    for k, v in t1.items(): add(f'BBC {k} (s)', f'{v:.3f}')
    add('BBC all stages after extraction / extraction', f'{after / t_ours:.1%}  (target < 10%)')
    add('peak memory after part 1 (MiB)', f'{peak_mib():,.0f}')

    # Part 2: synthetic large corpus, stages after extraction
    k = copies_for(args.articles, base)
    big, t_rep = timed(replicate, {'articles': base.articles, 'sentences': base.sentences, 'raw': base.entity_spans}, k)
    big_words = int(big['articles']['n_words'].sum())
    add('synthetic articles / words / mentions', f"{len(big['articles']):,} / {big_words:,} / {len(big['raw']):,}")
    t2, _ = after_extraction(big['articles'], big['sentences'], big['raw'])
    for k2, v in t2.items(): add(f'synthetic {k2} (s)', f'{v:.3f}')
    est = big_words / (words / t_ours)
    after2 = sum(v for k2, v in t2.items() if not k2.startswith('slider'))
    add('synthetic: extraction at the measured rate (s, estimated)', f'{est:,.0f}')
    add('synthetic all stages after extraction / extraction', f'{after2 / est:.1%}  (target < 10%)')
    add('peak memory after part 2 (MiB)', f'{peak_mib():,.0f}')
    del big

    # Part 3: out of core, memory set by --part-docs
    for n in args.ooc_sizes:
        with tempfile.TemporaryDirectory() as d:
            r = bench_ooc.run('--write', n, '--part-docs', args.part_docs, '--folder', d) | bench_ooc.run(
                '--analyse', '--folder', d
            )
        what = f"out of core, {r['articles']:,} articles / {r['mentions']:,} mentions in {r['parts']} parts"
        add(f'{what}: actors + dates + timeline (s)', f"{r['analyse_s']:.1f}")
        add(f'{what}: sentence co-mentions (s)', f"{r['comentions_s']:.1f}")
        add(
            f'{what}: peak memory (MiB)',
            f"{r['peak_mib']:,.0f}  (set by --part-docs {args.part_docs:,}, not by the corpus)",
        )
    w = max(len(a) for a, _ in rows)
    print('\n'.join(f'{a:<{w}}  {b}' for a, b in rows))

if __name__ == '__main__': main()
