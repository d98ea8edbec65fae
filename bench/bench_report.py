"""Report benchmark: `newsexplore report` cold and cached, on real and generated corpora, and the report stage at \
100,000 articles.

    .venv/bin/python bench/bench_report.py [--articles 100000] [--skip-cold]

Rows, each measured in a process of its own (time, peak resident memory from VmHWM, size of the HTML):
- BBC (../shared/corpora/bbc, 2,090 articles) and the generated corpus of tests/realistic.py (2,000 articles
  and one of over a million characters): `newsexplore report` with an empty cache (cold: spaCy runs), then
  again on the filled cache (cached: what a user waits for when re-opening an unchanged corpus).
- Synthetic, about --articles articles: the BBC's extracted frames replicated under new ids and dates
  (bench/synthetic.py), so spaCy does not run; the stages after extraction (actors, dates, timeline), then
  the report itself, in one process. Extraction of that many articles is not run here: bench_scale.py
  measures its rate.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / 'bench'), str(ROOT / 'tests')]


def peak_mib() -> float:
    "This process's peak resident memory (VmHWM: not inherited from the parent across fork and exec)."
    line = next(l for l in Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM:'))
    return int(line.split()[1]) / 1024


def one_report(path: str, cache: str, out: str) -> dict:
    "`newsexplore report` as a user runs it, in this process."
    from newsexplore.cli import main
    t = time.perf_counter()
    code = main(['report', path, '-o', out, '--cache-dir', cache, '--no-progress'])
    return dict(
        seconds=time.perf_counter() - t, code=code, peak_mib=peak_mib(), html_mib=Path(out).stat().st_size / 2**20
    )


def synthetic_report(n: int, out: str) -> dict:
    "The stages after extraction and the report on about `n` synthetic articles."
    import polars as pl
    from newsexplore import Corpus
    from newsexplore.report import write_report
    from synthetic import base_corpus, copies_for, replicate
    base = base_corpus()
    k = copies_for(n, base)
    sentences, raw = base.spans()
    big = replicate({'articles': base.articles, 'paragraphs': base.paragraphs, 'sentences': sentences, 'raw': raw}, k)
    corpus = Corpus((big['articles'], big['paragraphs'], base.problems), 'synthetic', base.settings)
    corpus._cache['spans'] = (big['sentences'], big['raw'])
    t = time.perf_counter(); corpus.actors; corpus.timeline; t_stages = time.perf_counter() - t
    t = time.perf_counter(); sections = write_report(corpus, out); t_report = time.perf_counter() - t
    return dict(
        articles=len(corpus),
        stages_seconds=t_stages,
        report_seconds=t_report,
        errors=[s.id for s in sections if s.error],
        peak_mib=peak_mib(),
        html_mib=Path(out).stat().st_size / 2**20,
    )


def child(*args) -> dict:
    out = subprocess.run([sys.executable, __file__, *map(str, args)], capture_output=True, text=True)
    if out.returncode: raise SystemExit(f'{args} failed:\n{out.stderr[-3000:]}')
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--articles', type=int, default=100_000)
    ap.add_argument('--skip-cold', action='store_true', help='reuse the caches of an earlier run in --work')
    ap.add_argument('--work', type=Path, default=Path(tempfile.gettempdir()) / 'newsexplore-bench-report')
    ap.add_argument('--one', nargs=3, metavar=('PATH', 'CACHE', 'OUT'), help=argparse.SUPPRESS)
    ap.add_argument('--synthetic', nargs=2, metavar=('N', 'OUT'), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one: return print(json.dumps(one_report(*args.one)))
    if args.synthetic: return print(json.dumps(synthetic_report(int(args.synthetic[0]), args.synthetic[1])))

    from realistic import generate
    work = args.work; work.mkdir(parents=True, exist_ok=True)
    generated = work / 'generated'
    if not generated.exists(): generate(generated, n_articles=2000, seed=0)
    rows = []
    for name, path in (
        ('BBC, 2,090 articles', ROOT.parent / 'shared' / 'corpora' / 'bbc'),
        ('generated, 2,000 articles', generated),
    ):
        cache = work / f'cache-{path.name}'
        runs = ['cached'] if args.skip_cold else ['cold', 'cached']
        if not args.skip_cold: subprocess.run(['rm', '-rf', str(cache)], check=True)
        for run in runs:
            r = child('--one', path, cache, work / f'{path.name}-{run}.html')
            rows.append(
                (f'{name}, {run}', f"{r['seconds']:.1f} s", f"{r['peak_mib']:,.0f} MiB", f"{r['html_mib']:.2f} MiB")
            )
    r = child('--synthetic', args.articles, work / 'synthetic.html')
    rows.append(
        (f"synthetic, {r['articles']:,} articles: stages after extraction", f"{r['stages_seconds']:.1f} s", '', '')
    )
    rows.append(
        (
            f"synthetic, {r['articles']:,} articles: the report",
            f"{r['report_seconds']:.1f} s",
            f"{r['peak_mib']:,.0f} MiB",
            f"{r['html_mib']:.2f} MiB" + (f" (sections failed: {r['errors']})" if r['errors'] else ''),
        )
    )
    head = ('corpus and run', 'time', 'peak memory', 'HTML')
    print('| ' + ' | '.join(head) + ' |\n|' + '---|' * len(head))
    for row in rows: print('| ' + ' | '.join(row) + ' |')


if __name__ == '__main__':
    main()
