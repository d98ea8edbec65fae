"""Out-of-core benchmark: the stages after extraction on synthetic datasets of growing size, each in a fresh process.

    .venv/bin/python bench/bench_ooc.py [--sizes 25000 100000] [--part-docs 1000]

For each size, a dataset (`newsexplore.dataset`) is written part by part from the BBC corpus's extracted frames,
replicated under new ids and dates (see synthetic.py), then analysed with `analyse_dataset` (actors, dates,
timeline) and sentence co-mentions on the streaming engine, in a child process of its own whose peak resident
memory is reported. Peak memory that stays flat while the corpus grows is what `part_docs` bounding it looks like.
Then the dataset's HTML report (`Dataset.write_report`, as `newsexplore report DATASET` writes it), in a child of
its own: its time and peak memory (it holds the timeline, never the mentions).

    .venv/bin/python bench/bench_ooc.py --explorers [--parts 5]

The explorers on Timeline17 (/work/shared/corpora/timeline17_dev, its extraction cached), as a `Corpus` in
memory and as a `Dataset` of `--parts` parts written from the corpus's extracted frames (no spaCy) and
analysed by `analyse_dataset`, each in a child process of its own: opening the corpus, opening each explorer,
a date-slider move (median of 10), picking an actor in the date explorer and in the actor explorer (median of
5 actors), ignoring an actor and undoing it (a curation file in a scratch folder), kernel time only, and peak
resident memory. Then the co-mentions of the dataset against the
corpus's (pairs whose `n_texts` or `n_linked` differ), and those the parts' counts simply added up give.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

import polars as pl

def write(n: int, part_docs: int, folder: Path) -> dict:
    "Write a synthetic dataset of about `n` articles, part by part."
    from newsexplore.dataset import MANIFEST, write_part
    from synthetic import base_corpus, copies_for, replicate
    base = base_corpus()
    frames = {'articles': base.articles, 'sentences': base.sentences, 'spans': base.entity_spans}
    t = time.perf_counter(); parts = []
    for k in range(copies_for(n, base)):
        copy = replicate(frames, 1, start=k)
        for lo in range(0, copy['articles'].height, part_docs):
            arts = copy['articles'].slice(lo, part_docs)
            write_part(
                folder,
                len(parts),
                **{
                    f: arts if f == 'articles' else df.join(arts.select('doc_id'), on='doc_id', how='semi')
                    for f, df in copy.items()
                },
            )
            parts.append(str(len(parts)))
    (folder/MANIFEST).write_text(json.dumps({'parts': parts, 'part_docs': part_docs}))
    return dict(write_s=time.perf_counter() - t)

def peak_mib() -> float:
    "This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent across fork and exec)."
    line = next(l for l in Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM:'))
    return int(line.split()[1]) / 1024

def analyse(folder: Path) -> dict:
    "Analyse the dataset in `folder`: actors, dates and timeline, then sentence co-mentions; timings and peak memory."
    from newsexplore.dataset import Dataset, analyse_dataset
    t = time.perf_counter(); ds = Dataset(analyse_dataset(folder, progress=False)); t_analyse = time.perf_counter() - t
    t = time.perf_counter(); pairs = ds.comentions('sentence'); t_co = time.perf_counter() - t
    peak = peak_mib()
    counts = ds.mentions.select(pl.len(), pl.col('doc_id').n_unique()).collect().row(0)
    words = ds.articles.select(pl.col('n_words').sum()).collect().item()
    return dict(
        articles=counts[1],
        mentions=counts[0],
        words=words,
        parts=ds.n_parts,
        actors=len(ds.actors),
        pairs=len(pairs),
        analyse_s=t_analyse,
        comentions_s=t_co,
        peak_mib=peak,
    )

def report(folder: Path) -> dict:
    "Write the dataset's report (every section, as the command line does); its time, sections failed and peak memory."
    from newsexplore.dataset import Dataset
    import newsexplore  # Dataset.write_report
    ds = Dataset(folder)
    t = time.perf_counter(); sections = ds.write_report(folder/'report.html'); t_report = time.perf_counter() - t
    return dict(report_s=t_report, report_failed=[s.id for s in sections if s.error], report_peak_mib=peak_mib())

T17 = Path(__file__).resolve().parents[2]/'shared'/'corpora'/'timeline17_dev'

def write_t17(folder: Path, n_parts: int) -> dict:
    "Timeline17 as a dataset of `n_parts` parts, from the corpus's cached extraction, analysed (dates cached)."
    from newsexplore import Corpus
    from newsexplore.dataset import MANIFEST, _ids_hash, analyse_dataset, write_part
    c = Corpus.from_folder(T17, progress=False)
    arts, sents, spans = c.articles, c.sentences, c.entity_spans
    size, keys = -(-arts.height // n_parts), []
    for i, lo in enumerate(range(0, arts.height, size)):
        part = arts.slice(lo, size)
        mine = lambda f: f.join(part.select('doc_id'), on='doc_id', how='semi')
        write_part(folder, i, sentences=mine(sents), spans=mine(spans), articles=part)
        keys.append(_ids_hash(part['doc_id']))
    (folder/MANIFEST).write_text(json.dumps({'parts': keys, 'part_docs': size}))
    t = time.perf_counter()
    analyse_dataset(folder, aliases=own_aliases(folder), cache_dir=c.cache_dir, progress=False)
    return dict(analyse_s=time.perf_counter() - t)

def own_aliases(folder: Path, kind: str = 'dataset') -> Path:
    "The curation file of the benchmark's dataset (its own) or corpus, in the scratch folder: none at first."
    return folder/'.newsexplore'/('aliases.csv' if kind == 'dataset' else 'corpus-aliases.csv')

def explorers(kind: str, folder: Path) -> dict:
    "Open both explorers on Timeline17 as a `kind` ('corpus' or 'dataset') and act in them; seconds and peak MiB."
    import statistics
    from newsexplore import Corpus, Dataset
    import newsexplore.explore  # imported before the clock starts
    out, clock = {}, time.perf_counter
    t = clock()
    if kind == 'corpus': c = Corpus.from_folder(T17, aliases=own_aliases(folder, kind), progress=False)
    else: c = Dataset(folder)
    c.actors, c.period, (c.timeline if kind == 'corpus' else None)
    out['open_corpus_s'] = clock() - t
    t = clock(); dx = c.explore_dates(); out['open_dates_s'] = clock() - t
    stops, moves = [d for _, d in dx.slider.options], []
    for k in range(10):
        lo = (k * 7) % (len(stops) - 12)
        t = clock(); dx.slider.value = (stops[lo], stops[lo + 4 + k]); moves.append(clock() - t)
    out['slider_move_s'] = statistics.median(moves)
    top = c.actors['actor'][0]
    t = clock(); dx.actor_pick.value = [top]; out['pick_in_dates_s'] = clock() - t
    t = clock(); ax = c.explore_actors(); out['open_actors_s'] = clock() - t
    picks = []
    for name in c.actors['actor'].gather([1, 5, 20, 100, 500]).to_list():
        t = clock(); ax.select(name); picks.append(clock() - t)
    out['pick_in_actors_s'] = statistics.median(picks)
    out['peak_browsing_mib'] = peak_mib()
    t = clock(); ax.ignore_b.click(); out['curate_s'] = clock() - t  # both explorers follow
    assert 'written to' in ax.status.value, ax.status.value
    t = clock(); ax.undo_b.click(); out['undo_s'] = clock() - t
    assert dx.status.value == '' and 'undone' in ax.status.value, (dx.status.value, ax.status.value)
    out['kwic_rows'], out['statements'] = ax.frames['pages'], dx.frames['n_statements']
    return out | dict(peak_mib=peak_mib())

def counts(folder: Path) -> dict:
    """Pairs whose counts differ from the corpus's: the dataset's, and the parts' counts added up. The dataset is
    analysed again here, so that both come from the same code."""
    from newsexplore import Corpus, Dataset, comention
    from newsexplore.dataset import analyse_dataset, read_part
    c = Corpus.from_folder(T17, aliases=own_aliases(folder, 'corpus'), progress=False)
    ds = Dataset(analyse_dataset(folder, aliases=own_aliases(folder), cache_dir=c.cache_dir, progress=False))
    total = None
    for i in range(ds.n_parts):
        m, s, a = read_part(folder, i, 'mentions', 'sentences', 'articles')
        part = comention.pair_counts(m, s, ds.actors, articles=a)
        total = part if total is None else comention.add_pair_counts(total, part)
    def differ(x, y):
        j = x.join(y, on=['a_id', 'b_id'], how='full', suffix='_y')
        changed = (pl.col(f'{k}_y').ne_missing(pl.col(k)) for k in ('n', 'n_texts', 'n_linked'))
        return j.filter(pl.any_horizontal(changed)).height
    mine, theirs = ds.comentions(), c.comentions()
    summed = comention.measure(*total)
    return dict(pairs=len(theirs), dataset_vs_corpus=differ(mine, theirs), summed_vs_corpus=differ(summed, theirs),
                same_frame=mine.equals(theirs))

def run(*args) -> dict:
    out = subprocess.run([sys.executable, __file__, *map(str, args)], capture_output=True, text=True)
    if out.returncode: sys.exit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--sizes', type=int, nargs='+', default=[25_000, 100_000])
    ap.add_argument('--part-docs', type=int, default=1000)
    ap.add_argument('--write', type=int, help=argparse.SUPPRESS)
    ap.add_argument('--analyse', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--report', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--folder', type=Path, help=argparse.SUPPRESS)
    ap.add_argument('--explorers', action='store_true', help='the explorers on Timeline17, corpus and dataset')
    ap.add_argument('--parts', type=int, default=5, help='parts of the Timeline17 dataset (with --explorers)')
    ap.add_argument('--t17', type=int, help=argparse.SUPPRESS)
    ap.add_argument('--kind', help=argparse.SUPPRESS)
    ap.add_argument('--counts', action='store_true', help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.t17: print(json.dumps(write_t17(args.folder, args.t17))); return
    if args.kind: print(json.dumps(explorers(args.kind, args.folder))); return
    if args.counts: print(json.dumps(counts(args.folder))); return
    if args.explorers: return explorer_table(args.parts)
    if args.write: print(json.dumps(write(args.write, args.part_docs, args.folder))); return
    if args.analyse: print(json.dumps(analyse(args.folder))); return
    if args.report: print(json.dumps(report(args.folder))); return
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as d:
            w = run('--write', n, '--part-docs', args.part_docs, '--folder', d)
            rows.append(w | run('--analyse', '--folder', d) | run('--report', '--folder', d))
    print(f"part_docs = {args.part_docs:,}")
    print(
        f"{'articles':>9} {'words':>12} {'mentions':>11} {'parts':>6} {'actors':>7} {'pairs':>9} "
        f"{'actors+timeline s':>18} "
        f"{'co-mentions s':>14} {'peak MiB':>9} {'report s':>9} {'report MiB':>11}"
    )
    for r in rows:
        print(
            f"{r['articles']:>9,} {r['words']:>12,} {r['mentions']:>11,} {r['parts']:>6,} {r['actors']:>7,} "
            f"{r['pairs']:>9,} "
            f"{r['analyse_s']:>18.1f} {r['comentions_s']:>14.1f} {r['peak_mib']:>9,.0f} {r['report_s']:>9.1f} "
            f"{r['report_peak_mib']:>11,.0f}" + (f"  failed: {r['report_failed']}" if r['report_failed'] else '')
        )

def explorer_table(n_parts: int):
    "Run the Timeline17 explorer benchmark, each step in a child process, and print its table."
    with tempfile.TemporaryDirectory() as d:
        built = run('--t17', n_parts, '--folder', d)
        rows = {kind: run('--kind', kind, '--folder', d) for kind in ('corpus', 'dataset')}
        checked = run('--counts', '--folder', d)
    print(f"Timeline17 as a Corpus and as a Dataset of {n_parts} parts (analysed in {built['analyse_s']:.1f} s)")
    names = [('open_corpus_s', 'open the corpus (s)'), ('open_dates_s', 'open the date explorer (s)'),
             ('slider_move_s', 'slider move, median of 10 (s)'), ('pick_in_dates_s', 'pick an actor, dates (s)'),
             ('open_actors_s', 'open the actor explorer (s)'), ('pick_in_actors_s', 'pick an actor, median of 5 (s)'),
             ('curate_s', 'ignore it: both explorers follow (s)'), ('undo_s', 'undo (s)'),
             ('peak_browsing_mib', 'peak memory before curating (MiB)'), ('peak_mib', 'peak memory at the end (MiB)')]
    print(f"{'':<38}{'Corpus':>10}{'Dataset':>10}")
    for key, label in names: print(f"{label:<38}{rows['corpus'][key]:>10.2f}{rows['dataset'][key]:>10.2f}")
    print(f"co-mentions: {checked['pairs']:,} pairs; differing from the corpus's: the dataset's "
          f"{checked['dataset_vs_corpus']}, the parts' counts added up {checked['summed_vs_corpus']}; "
          f"same frame: {checked['same_frame']}")

if __name__ == '__main__': main()
