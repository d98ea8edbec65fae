"""Out-of-core benchmark: the stages after extraction on synthetic datasets of growing size, each in a fresh process.

    .venv/bin/python bench/bench_ooc.py [--sizes 25000 100000] [--part-docs 1000]

For each size, a dataset (`newsexplore.dataset`) is written part by part from the BBC corpus's extracted frames,
replicated under new ids and dates (see synthetic.py), then analysed with `analyse_dataset` (actors, dates,
timeline) and sentence co-mentions on the streaming engine, in a child process of its own whose peak resident
memory is reported. Peak memory that stays flat while the corpus grows is what `part_docs` bounding it looks like.
Then the dataset's HTML report (`Dataset.write_report`, as `newsexplore report DATASET` writes it), in a child of
its own: its time and peak memory (it holds the timeline, never the mentions).
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
    args = ap.parse_args()
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

if __name__ == '__main__': main()
