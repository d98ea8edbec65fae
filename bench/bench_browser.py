"""Explorer responsiveness in a real browser: time from a user's input event to the last chart drawn.

    .venv/bin/python bench/bench_browser.py [--corpus /work/shared/corpora/bbc] [--moves 15] [--articles 100000]

Voilà serves a notebook that opens both explorers on `--corpus` (the extraction should be cached in
~/.cache/newsexplore, or the first start runs spaCy); headless Chromium (Debian's, driven by Playwright, the
network cut off as in tests/test_browser.py) opens it. A MutationObserver on the page records when anything
drawn last changed; a capture listener records when each key press arrived. For each move the time is
`last change - key press`, once the page has been quiet for `--quiet` ms: the kernel callback, the widget
messages and every chart's re-render in the browser, which the query timings of bench_explore.py leave out.

With `--articles N` the notebook opens instead a synthetic corpus of about N articles: `--corpus`'s extracted
frames (sentences, entity spans, dates) replicated under new ids and moved by 13 weeks per copy (synthetic.py,
as bench_scale.py and bench_explore.py do); actors and the timeline are computed on it in the kernel.

Voilà serves the page with newsexplore's packaged offline template (`newsexplore.cli.voila_command`), as
`newsexplore lab PATH --voila` does.

Moves: the actor explorer's list (ArrowDown: the next actor, its header, trend, partners and mentions
redrawn) and the date explorer's slider (PageDown on its upper handle: a range one page shorter), when the
corpus has dated statements. Every move asks for something not shown before: the date explorer keeps the
co-mentions of the last ranges it counted, so going back and forth (PageDown, PageUp) would time that cache;
`--revisit` does so anyway (the moves of the first measurements). Targets: median under 150 ms on BBC, under
300 ms on 100,000 articles.

Measured (2-core machine shared with other work; median / p90 in ms):
- 100,000 articles, before the slider's co-mentions were prepared once per corpus (the network recounted them
  from the mentions, 6 s per new range in the kernel), with `--revisit`: next actor 794 / 1169, slider 577 / 818
  (the first move 35 s; later ones repeat two ranges already counted).
- 100,000 articles, co-mentions prepared once (`periods.dated_pairs`) and charts sent without re-validation
  (`explore.draw`, `explore.network_spec`): next actor 284 / 397, slider 248 / 282; with `--revisit`: next
  actor 214 / 276, slider 158 / 174.
- Timeline17 (2,286 articles): next actor 105 / 145, slider 119 / 159. With the prepared co-mentions but every
  chart rebuilt and validated: slider 174 / 198, and 141 / 165 with `--revisit` (the moves behind the README's
  earlier "140 ms").
"""
import argparse, json, os, signal, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / 'tests'))
from test_browser import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, answers, free_port  # noqa: E402
from newsexplore.cli import voila_command, voila_env  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument('--corpus', default='/work/shared/corpora/bbc')
p.add_argument('--moves', type=int, default=15)
p.add_argument('--quiet', type=int, default=600, help='ms without any change that end a move')
p.add_argument('--revisit', action='store_true', help='alternate down and up (ranges and actors seen before)')
p.add_argument('--articles', type=int, default=None, metavar='N',
               help="a synthetic corpus of about N articles made of --corpus's frames (default: --corpus itself)")
args = p.parse_args()

WATCH = """() => {
  window.__nx = {t0: 0, last: 0};
  new MutationObserver(() => { window.__nx.last = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
  document.addEventListener('keydown', () => { window.__nx.t0 = performance.now(); window.__nx.last = 0; }, true);
}"""
SETTLED = "q => window.__nx.last > window.__nx.t0 && performance.now() - window.__nx.last > q"


SYNTHETIC = """import sys
sys.path.insert(0, {bench!r})
from newsexplore import Corpus
from newsexplore.core import PARAGRAPHS, PROBLEMS, empty
from synthetic import base_corpus, copies_for, replicate
base = base_corpus({corpus!r})
frames = {{'articles': base.articles, 'sentences': base.sentences, 'spans': base.entity_spans, 'dates': base.dates}}
big = replicate(frames, copies_for({n}, base))
corpus = Corpus((big['articles'], empty(PARAGRAPHS), empty(PROBLEMS)), None, base.settings)
corpus._cached('spans', lambda: (big['sentences'], big['spans']))
corpus._cached('dates', lambda: big['dates'])
del base, frames"""


def opening(corpus: str, articles: int | None) -> str:
    "The notebook's first cell: `corpus`, the real one or about `articles` articles replicated from it."
    if articles is None:
        return f"from newsexplore import Corpus\ncorpus = Corpus.from_folder({corpus!r}, progress=False)"
    return SYNTHETIC.format(bench=str(ROOT / 'bench'), corpus=corpus, n=articles)


def notebook(folder: Path, corpus: str, articles: int | None = None) -> Path:
    cells = [opening(corpus, articles),
             "ax = corpus.explore_actors()\nax", "dx = corpus.explore_dates()\ndx"]
    nb = {
        'cells': [
            {'cell_type': 'code', 'execution_count': None, 'id': f'c{i}', 'metadata': {}, 'outputs': [], 'source': c}
            for i, c in enumerate(cells)
        ],
        'metadata': {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}},
        'nbformat': 4,
        'nbformat_minor': 5,
    }
    path = folder / 'bench.ipynb'
    path.write_text(json.dumps(nb))
    return path


def timed_moves(page, target, keys, n, quiet, shown):
    """Press `keys` in turn on `target` `n` times; the ms from each key press to the last change it caused, and how
    many moves changed the text `shown` (a JavaScript function returning the text that tells the kernel's answer).
    A move lasts until that text changes (the slider's handle moves at once, and a kernel slower than `quiet` would
    otherwise end the move early; 60 s at most), then until the page has been quiet for `quiet` ms. The text is
    looked up again at each check: a widget that redraws replaces its elements (a handle on the old one, as the
    first version of this bench held, never changes, so every actor move waited the full 60 s)."""
    out, changed = [], 0
    text = lambda: page.evaluate(shown)
    for i in range(n):
        before = text()
        target.press(keys[i % len(keys)])
        try: page.wait_for_function(f'b => ({shown})() !== b', arg=before, timeout=60_000)
        except Exception: pass  # counted below as a move that changed nothing
        page.wait_for_function(SETTLED, arg=quiet, timeout=60_000)
        out.append(page.evaluate('() => window.__nx.last - window.__nx.t0'))
        changed += text() != before
        if text() == before:  # say why: an error shown by the explorer, if any
            errors = page.locator('.nx-error')
            print(f'move {i + 1} changed nothing in 60 s; errors on the page:',
                  [errors.nth(k).inner_text()[:300] for k in range(min(errors.count(), 3))], flush=True)
    return out, changed


HEADER = "() => document.querySelector('.widget-html h3')?.innerText"  # the selected actor's name
SUMMARY = ("() => [...document.querySelectorAll('.widget-html')]"
           ".find(e => e.innerText.includes('dated statements from'))?.innerText")


def main():
    from playwright.sync_api import sync_playwright
    tmp = Path(tempfile.mkdtemp())
    nb = notebook(tmp, args.corpus, args.articles)
    port, log = free_port(), (tmp / 'voila.log').open('w')
    env = {**voila_env(), 'PYTHONUNBUFFERED': '1'}
    proc = subprocess.Popen(voila_command(nb.name, '--no-browser', f'--port={port}', '--Voila.ip=127.0.0.1',
                                          '--VoilaExecutor.timeout=1800'), cwd=tmp, env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    url, external = f'http://127.0.0.1:{port}/', []
    try:
        while not answers(url + 'ping'):
            if proc.poll() is not None: sys.exit('Voilà stopped:\n' + (tmp / 'voila.log').read_text()[-3000:])
            time.sleep(0.25)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={'width': 1280, 'height': 900})
            page.route('**/*', lambda r: r.continue_() if r.request.url.split('/')[2].split(':')[0] in LOCAL_HOSTS
                       else (external.append(r.request.url), r.abort()))
            t = time.monotonic()
            page.goto(url, wait_until='domcontentloaded', timeout=1_800_000)
            page.locator('.widget-html b', has_text='Dated statements in range').wait_for(timeout=1_800_000)
            page.locator('.vega-embed svg.marks').first.wait_for(timeout=60_000)
            page.wait_for_timeout(2000)
            t_open = time.monotonic() - t
            page.evaluate(WATCH)
            results = {}
            actors = page.locator('.widget-select:not(.widget-select-multiple) select').first
            actors.focus()
            keys = ['ArrowDown', 'ArrowDown', 'ArrowUp'] if args.revisit else ['ArrowDown']
            results['actor list: next actor'] = timed_moves(page, actors, keys, args.moves, args.quiet, HEADER)
            handle = page.locator('.widget-slider .noUi-handle-upper').first
            stops = page.evaluate(
                "() => document.querySelector('.widget-slider .noUi-handle-upper')?.getAttribute('aria-valuemax')"
            )
            if stops and float(stops) > 1:
                handle.focus()
                keys = ['PageDown', 'PageUp'] if args.revisit else ['PageDown']
                results['date slider: move'] = timed_moves(page, handle, keys, args.moves, args.quiet, SUMMARY)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(15)
    what = args.corpus if args.articles is None else f'about {args.articles:,} articles replicated from {args.corpus}'
    print(
        f'corpus: {what}; page open and drawn in {t_open:.1f} s; {args.moves} moves each; blocked requests: '
        f'{len(external)}'
    )
    for what, (ms, changed) in results.items():
        print(f'{what}: each move (ms):', [round(x) for x in ms])
        ms = sorted(ms)
        print(
            f'{what:28s} median {statistics.median(ms):6.0f} ms   p90 {ms[int(0.9 * (len(ms) - 1))]:6.0f} ms   max '
            f'{ms[-1]:6.0f} ms'
            f'   ({changed} of {len(ms)} moves changed the view)'
        )
        if changed < len(ms):
            print(f'  warning: {len(ms) - changed} moves changed nothing in 60 s: their times are no measurement')
    if 'date slider: move' not in results: print('date slider: no dated statement in this corpus, no slider to move')


if __name__ == '__main__':
    main()
