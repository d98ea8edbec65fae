"""The main job end to end on a realistic archive, not on two sample articles.

`realistic.generate` writes ~2,000 articles (thousands of names, a decade of dates, odd characters, page
furniture, one article of ~1.1 M characters); `newsexplore extract` and `newsexplore report` run on it once
each (module fixtures, one shared extraction cache), both explorers are driven from Python on the same
corpus, and small odd inputs (one article, no dates, no co-mentions, a control character in a name, dates
in the years 1 and 9999) go through both commands in folders of their own. Tests assert on the files
written and the frames shown, never on time. The module takes ~75 s on 2 cores (spaCy on ~500,000 words).
"""
import html, json, re, sys, traceback
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import networkx as nx
import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from realistic import generate  # noqa: E402

from newsexplore.cli import main  # noqa: E402

N_ARTICLES = 2000
SECTIONS = ('summary', 'actors', 'timeline', 'mentions', 'network', 'pairs', 'problems')
FRAMES = ('articles', 'paragraphs', 'problems', 'sentences', 'mentions', 'actors', 'dates', 'timeline',
          'comentions_sentence')
MAX_REPORT_BYTES = 5_000_000


# -- running the command line once, keeping what it did ------------------------------------------------------
@dataclass
class Run:
    "One `newsexplore` command: its exit code, output, and the exception that escaped `main`, if any."
    argv: list
    code: int | None
    stdout: str
    stderr: str
    error: BaseException | None

    def ok(self) -> 'Run':
        "Re-raise the exception that escaped (with its traceback), or check the exit code was 0."
        if self.error is not None: raise self.error
        assert self.code == 0, f'newsexplore {" ".join(self.argv)} exited {self.code}:\n{self.stderr[-3000:]}'
        return self


def run(*argv) -> Run:
    argv = [str(a) for a in argv]
    out, err = StringIO(), StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err): code, error = main(argv), None
    except (Exception, SystemExit) as e:  # kept, and raised again by each test that needs the output
        code, error = None, e
        err.write(traceback.format_exc())
    return Run(argv, code, out.getvalue(), err.getvalue(), error)


# -- checking what the commands write -------------------------------------------------------------------------
def check_extract_folder(out: Path, graph_nodes: bool = True) -> dict:
    "Assert `out` holds a complete, valid export; return the frames read back from Parquet."
    files = sorted(p for p in out.rglob('*') if p.is_file())
    leftovers = [p.name for p in files if p.name.startswith('.') or re.search(r'\.(tmp|part|partial)$|~$', p.name)]
    assert not leftovers, f'temporary files left behind: {leftovers}'
    empty = [p.name for p in files if p.stat().st_size == 0]
    assert not empty, f'empty files: {empty}'
    names = {p.stem for p in out.glob('*.parquet')}
    assert names >= set(FRAMES), f'missing frames: {sorted(set(FRAMES) - names)}'
    frames = {}
    for p in sorted(out.glob('*.parquet')):
        df, csv = pl.read_parquet(p), p.with_suffix('.csv')
        assert csv.exists(), f'{p.name} has no CSV beside it'
        back = pl.read_csv(csv, infer_schema=False)
        assert back.columns == df.columns, f'{csv.name}: columns {back.columns} != {df.columns}'
        assert back.height == df.height, f'{csv.name} reads back {back.height:,} rows, {p.name} {df.height:,}'
        frames[p.stem] = df
    graphs = [nx.read_graphml(out/'comentions.graphml'), nx.read_gexf(out/'comentions.gexf')]
    assert graphs[0].number_of_nodes() == graphs[1].number_of_nodes()
    assert graphs[0].number_of_edges() == graphs[1].number_of_edges()
    if graph_nodes: assert graphs[0].number_of_nodes() > 0 and graphs[0].number_of_edges() > 0
    doc = json.loads((out/'timeline.json').read_text(encoding='utf-8'))
    assert isinstance(doc.get('events'), list)
    bad = [e for e in doc['events'] if not isinstance(e.get('start_date', {}).get('year'), int)]
    assert not bad, f'{len(bad)} TimelineJS events without a start_date year, e.g. {bad[:2]}'
    frames['_graph'], frames['_timelinejs'] = graphs[0], doc
    return frames


class Page(HTMLParser):
    "What a report page holds: section ids, error boxes, resource references, styles, JSON scripts."
    RESOURCE_ATTRS = {'src', 'href', 'srcset', 'data', 'poster', 'action', 'formaction', 'background', 'xlink:href',
                      'manifest'}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.sections, self.errors, self.refs, self.styles, self.json = [], [], [], [], []
        self._in, self._buf, self._err = None, [], None
        self.feed(text); self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'section': self.sections.append(a.get('id'))
        if 'error' in (a.get('class') or ''): self._err = []
        self.refs += [(tag, k, v) for k, v in attrs if k in self.RESOURCE_ATTRS and v]
        if a.get('style'): self.styles.append(a['style'])
        if tag == 'style' or (tag == 'script' and (a.get('type') or '').endswith('json')): self._in, self._buf = tag, []

    def handle_endtag(self, tag):
        if tag == self._in:
            (self.styles if tag == 'style' else self.json).append(''.join(self._buf)); self._in = None
        if self._err is not None and tag == 'div': self.errors.append(''.join(self._err)); self._err = None

    def handle_data(self, data):
        if self._in: self._buf.append(data)
        if self._err is not None: self._err.append(data)

    def external(self, allowed_links=frozenset()) -> list:
        "References that would load something off the machine (plain <a> links to `allowed_links` excepted)."
        remote = re.compile(r'^\s*(?:https?:)?//', re.I)
        out = [
            (t, k, v)
            for t, k, v in self.refs
            if remote.match(v) and not (t == 'a' and k == 'href' and v in allowed_links)
        ]
        return out + [s for s in self.styles if re.search(r'@import|url\(\s*[\'"]?\s*(?:https?:)?//', s, re.I)]


def chart_specs(text: str, page: Page) -> list:
    "The Vega-Lite specs a report embeds (as JSON script elements, or as `vegaEmbed(el, {...})` calls)."
    specs = []
    def add(obj):
        if isinstance(obj, dict) and '$schema' in obj: specs.append(obj)
        elif isinstance(obj, dict): [add(v) for v in obj.values()]
        elif isinstance(obj, list): [add(v) for v in obj]
    for j in page.json: add(json.loads(j))
    for m in re.finditer(r'vegaEmbed\(\s*[^,]+,\s*(?=\{)', text):
        try: add(json.JSONDecoder().raw_decode(text, m.end())[0])
        except json.JSONDecodeError: pass
    return specs


def iso_dates(obj) -> list:
    "Every ISO date (or date-time) string anywhere in `obj`."
    rx = re.compile(r'(-?\d{4,})-(\d\d)-(\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?')
    if isinstance(obj, str): return [obj] if rx.fullmatch(obj) else []
    if isinstance(obj, dict): return [d for v in obj.values() for d in iso_dates(v)]
    if isinstance(obj, list): return [d for v in obj for d in iso_dates(v)]
    return []


def check_report(path: Path, article_urls=frozenset()) -> tuple[str, Page]:
    "Assert the report at `path` is one small, valid, offline page with every section and no failed part."
    assert path.exists() and path.stat().st_size > 0, f'no report at {path}'
    assert path.stat().st_size < MAX_REPORT_BYTES, f'the report is {path.stat().st_size:,} bytes'
    left = [p.name for p in path.parent.iterdir() if p.name.startswith('.') or p.name.endswith('.tmp')]
    assert not left, f'temporary files left behind: {left}'
    text = path.read_text(encoding='utf-8')
    page = Page(text)
    assert text.rstrip().endswith('</html>'), 'the page is cut off'
    assert page.external(article_urls) == [], f'external resources: {page.external(article_urls)[:5]}'
    missing = [s for s in SECTIONS if s not in page.sections]
    assert not missing, f'sections missing: {missing} (found {page.sections})'
    assert len(page.sections) == len(set(page.sections)), f'duplicate section ids: {page.sections}'
    assert not page.errors, f'parts of the report failed: {page.errors}'
    return text, page


def publication_window(articles: pl.DataFrame) -> tuple[date, date]:
    """The widest range a time axis may cover: the publication period, give or take a year for the edges of
    weekly to yearly buckets. An axis stretched to the statements of 1400, 0001 or 9999 falls outside."""
    lo, hi = articles['published'].min(), articles['published'].max()
    return lo - timedelta(days=366), hi + timedelta(days=366)


# -- the realistic corpus and the commands on it --------------------------------------------------------------
@pytest.fixture(scope='module')
def folder(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp('realistic')/'corpus', n_articles=N_ARTICLES, seed=0, huge=True)


@pytest.fixture(scope='module')
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp('cache')


@pytest.fixture(scope='module')
def extracted(folder, cache, tmp_path_factory) -> tuple[Run, Path]:
    out = tmp_path_factory.mktemp('extract')/'out'
    return run('extract', folder, '-o', out, '--cache-dir', cache, '--no-progress'), out


@pytest.fixture(scope='module')
def reported(folder, cache, extracted, tmp_path_factory) -> tuple[Run, Path]:
    out = tmp_path_factory.mktemp('report')/'report.html'  # after `extracted`: the cache is warm
    return run('report', folder, '-o', out, '--cache-dir', cache, '--no-progress'), out


@pytest.fixture(scope='module')
def corpus(folder, cache, extracted):
    from newsexplore import Corpus
    return Corpus.from_folder(folder, cache_dir=cache, progress=False)


def test_generator_is_deterministic_and_realistic(tmp_path):
    a, b, c = (
        generate(tmp_path / name, n_articles=150, seed=seed, huge=False)
        for name, seed in (('a', 1), ('b', 1), ('c', 2))
    )
    files = sorted(p.relative_to(a) for p in a.rglob('*') if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob('*') if p.is_file())
    assert all((a/f).read_bytes() == (b/f).read_bytes() for f in files), 'the same seed must write the same bytes'
    assert (a/'wire.jsonl').read_bytes() != (c/'wire.jsonl').read_bytes()
    pages = sorted((a/'web').glob('*.txt'))
    text = (a / 'wire.jsonl').read_text(encoding='utf-8') + ''.join(
        p.read_text(encoding='utf-8', errors='replace') for p in pages
    )
    for needle in ('Advertisement', 'All rights reserved', 'By ', 'Read more: ', 'We use cookies'):
        assert needle in text, needle
    assert re.search(r'\n[A-Z][A-Z ]+ \((?:Reuters|AFP|AP|dpa)\) - [A-Z]', text), 'no dateline'
    assert re.search(r'\\u00(?:0[0-8bcef]|1[0-9a-f])|[\x01-\x08\x0e-\x1f]', text), 'no control character'
    assert not (a/'longform').exists()


def test_the_generated_corpus(folder):
    huge = (folder/'longform'/'huge.txt').read_text(encoding='utf-8')
    assert 1_000_000 < len(huge) < 1_300_000
    text = (folder/'wire.jsonl').read_text(encoding='utf-8') + ''.join(
        p.read_text(encoding='utf-8', errors='replace') for p in sorted((folder/'web').glob('*.txt')))
    for needle in ('0001-01-01', '9999', '2150', '14th century', '=HYPERLINK(', '@SUM(', '<script>', '&amp;', '\u200b',
                   '\u202e',
                   '\u0301', '🚀', '"Mad Dog"', 'We use cookies', 'Share this article'):
        assert needle in text, needle
    assert re.search(r'\n[A-Z][A-Z ]+ \((?:Reuters|AFP|AP|dpa)\) - [A-Z]', text), 'no dateline'
    assert re.search(r'\\u00(?:0[0-8bcef]|1[0-9a-f])|[\x01-\x08\x0e-\x1f]', text), 'no control character'
    assert len(list((folder/'web').glob('*.txt'))) >= N_ARTICLES // 5


# -- extract ---------------------------------------------------------------------------------------------------
def test_extract_writes_valid_files(extracted):
    result, out = extracted
    result.ok()
    frames = check_extract_folder(out)
    assert frames['problems'].height > 0  # the malformed line, the record without text, the empty and binary files


def test_extract_holds_the_whole_archive(extracted):
    result, out = extracted
    result.ok()
    read = lambda name: pl.read_parquet(out/f'{name}.parquet')
    articles, actors, mentions, pairs = read('articles'), read('actors'), read('mentions'), read('comentions_sentence')
    assert articles.height >= 0.99 * N_ARTICLES
    assert articles['n_words'].max() > 150_000  # the huge article, loaded whole
    huge = articles.filter(pl.col('n_words') == pl.col('n_words').max()).row(0, named=True)
    tail = mentions.filter(pl.col('doc_id') == huge['doc_id'], pl.col('start') > len(huge['text']) - 5_000)
    assert tail.height > 0, 'no mention in the last 5,000 characters of the huge article'
    assert all(huge['text'][s:e] == t for s, e, t in tail.select('start', 'end', 'text').iter_rows())
    assert actors.height >= 2_000, f'{actors.height} actors: the corpus names thousands'
    assert set(actors['kind'].cast(pl.String)) >= {'person', 'organization', 'place'}
    assert pairs.filter(pl.col('n_docs') >= 3).height > 0, 'no pair co-mentioned across articles'
    actors_per_doc = mentions.drop_nulls('actor_id').group_by('doc_id').agg(n=pl.col('actor_id').n_unique())
    per_doc = articles.select('doc_id').join(actors_per_doc, on='doc_id', how='left').fill_null(0)
    assert (per_doc['n'] == 0).sum() > 0 and (per_doc['n'] == 1).sum() > 0, (
        'articles with no actor, and with one, belong in the test'
    )
    g = nx.read_graphml(out/'comentions.graphml')
    assert len({d.get('community') for _, d in g.nodes(data=True)}) > 1
    assert all(d.get('label') for _, d in g.nodes(data=True)), 'every node has its actor name as label'


# -- report ----------------------------------------------------------------------------------------------------
def test_report_is_one_small_offline_page(reported, corpus):
    result, path = reported
    result.ok()
    check_report(path, frozenset(corpus.articles['url'].drop_nulls()))


def test_report_time_axes_cover_the_publication_period(reported, corpus):
    result, path = reported
    result.ok()
    text = path.read_text(encoding='utf-8')
    specs = chart_specs(text, Page(text))
    dates = sorted({d[:10] for s in specs for d in iso_dates(s)})
    assert specs and dates, 'no chart with dates in the report'
    lo, hi = publication_window(corpus.articles)
    outside = [d for d in dates if not lo.isoformat() <= d <= hi.isoformat()]
    assert not outside, f'charts reach outside {lo} to {hi}: {outside[:5]} ... {outside[-5:]}'


# -- the explorers, driven without a browser ----------------------------------------------------------------
def in_range(statements: pl.DataFrame, start: date, end: date) -> bool:
    "Whether every statement's span overlaps [start, end]."
    return statements.filter((pl.col('date_start') > end) | (pl.col('date_end') < start)).is_empty()


def buckets_in_range(counts: pl.DataFrame, start: date, end: date) -> bool:
    "Whether every bucket of a chart's counts (`bucket` .. `bucket_end`) overlaps [start, end]."
    return counts.filter((pl.col('bucket') > end) | (pl.col('bucket_end') < start)).is_empty()


def test_date_explorer(corpus):
    dx = corpus.explore_dates()
    stops = [v for _, v in dx.slider.options]
    lo, hi = publication_window(corpus.articles)
    assert lo <= stops[0] and stops[-1] <= hi, f'the slider runs from {stops[0]} to {stops[-1]}'
    total = dx.frames['n_statements']
    assert total > 0 and in_range(dx.frames['statements'], dx.state.start, dx.state.end)
    # move the slider to the middle third
    i, j = len(stops) // 3, 2 * len(stops) // 3
    dx.slider.index = (i, j)
    start, end = dx.state.start, dx.state.end
    assert start == stops[i] and stops[j] <= end < stops[j] + timedelta(days=31)
    f = dx.frames
    assert 0 < f['n_statements'] < total
    assert in_range(f['statements'], start, end) and buckets_in_range(f['chart'], start, end)
    assert f['statements'].height == min(f['n_statements'], dx.max_rows)
    assert f'from {start} to {end}' in html.unescape(dx.summary.value)
    # pick the most active actor in range, then a kind
    top = f['active'].row(0, named=True)
    tag = {v: t for t, v in dx.tags.items()}[top['actor_id']]  # the picker searches every actor by name
    assert tag in dx.actor_pick.allowed_tags
    dx.actor_pick.value = [tag]
    f = dx.frames
    assert f['n_statements'] > 0 and in_range(f['statements'], start, end)
    assert all(top['actor_id'] in ids for ids in f['statements']['actor_ids']), (
        'a statement listed without the picked actor'
    )
    assert f['pairs'].filter((pl.col('a_id') != top['actor_id']) & (pl.col('b_id') != top['actor_id'])).is_empty()
    dx.actor_pick.value = []
    dx.kind_pick.value = ['place']
    f = dx.frames
    kinds = dict(corpus.actors.select('actor_id', pl.col('kind').cast(pl.String)).iter_rows())
    assert f['n_statements'] > 0 and in_range(f['statements'], start, end)
    assert all(any(kinds.get(a) == 'place' for a in ids) for ids in f['statements']['actor_ids'])
    assert set(f['active']['kind'].cast(pl.String)) == {'place'}


def test_actor_explorer(corpus):
    ax = corpus.explore_actors()
    first = ax.frames['record']
    assert first is not None and first['actor_id'] == ax.state.actor_id == ax.list.value
    assert html.escape(first['actor']) in ax.header.value
    # select the first actor of the most co-mentioned pair: its record, mentions and partners are shown
    pair = corpus.comentions('sentence').sort('n', descending=True).row(0, named=True)
    ax.select(pair['a'])
    f = ax.frames
    assert ax.state.actor_id == pair['a_id'] == f['record']['actor_id'] and f['record']['actor'] == pair['a']
    assert html.escape(pair['a']) in ax.header.value and f'{f["record"]["n_mentions"]} mentions' in ax.header.value
    assert pair['b_id'] in f['partners']['actor_id'].to_list()
    its_docs = set(corpus.mentions.filter(pl.col('actor_id') == pair['a_id'])['doc_id'])
    assert f['kwic'].height > 0 and set(f['kwic']['doc_id']) <= its_docs
    # a kind filter keeps only that kind in the list and in the record shown
    ax.kinds.value = ('organization',)
    assert set(ax.frames['actors']['kind'].cast(pl.String)) == {'organization'}
    assert str(ax.frames['record']['kind']) == 'organization' and ax.list.value == ax.state.actor_id
    # an actor with an odd name, selected by name, is shown escaped
    odd = corpus.actors.filter(pl.col('actor').str.contains('&'), pl.col('n_mentions') > 1).row(0, named=True)
    ax.select(odd['actor'])
    assert ax.frames['record']['actor_id'] == odd['actor_id'] and html.escape(odd['actor']) in ax.header.value


def test_actor_explorer_selects_a_rare_actor(corpus):
    ax = corpus.explore_actors()
    rare = corpus.actors.sort(pl.col('actor').str.len_chars(), descending=True).row(0, named=True)  # the longest name
    ax.select(rare['actor'])
    assert ax.state.actor_id == rare['actor_id'], f"selected {rare['actor']!r}, shown {ax.frames['record']['actor']!r}"
    assert ax.frames['record']['actor_id'] == rare['actor_id'] and html.escape(rare['actor']) in ax.header.value


# -- small odd inputs ------------------------------------------------------------------------------------------
def _jsonl(*records) -> str:
    return ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records)


def _one_article():
    text = (
        'Port talks resume\n\nLISBON (Reuters) - Maria Kowalski, the finance minister of Portugal, met Acme Holdings '
        'executives in Lisbon on Tuesday.\n\nKowalski said the talks with Piotr Nowak of Acme Holdings would resume '
        'on March 10, 2015.\n\nAdvertisement\n\nNowak declined to comment.\n'
    )
    return {'one.txt': text, 'metadata.csv': 'file,published,source\none.txt,2015-03-03,Metro Wire\n'}


def _no_dates():  # no publication date, and nothing in the text a date could be read from
    text = ('Maria Kowalski met Piotr Nowak of Acme Holdings in Lisbon. Nowak said the harbour plan {} would go ahead. '
            'Kowalski disagreed with Nowak.')
    return {'feed.jsonl': _jsonl(*[dict(title=f'Harbour talks {i}', text=text.format(i)) for i in range(3)])}


def _no_comentions():  # every article names one person, and nothing else
    text = ('{} said the results were disappointing on Tuesday. She added that the team would keep working on it. '
            '{} has led the effort for {} years.')
    names = ['Maria Kowalski', 'Anna Nowak', 'Sofia Ricci', 'Elena Petrov']
    return {
        'feed.jsonl': _jsonl(
            *[
                dict(
                    title=f'Results {i}',
                    published=f'2016-0{i + 1}-1{i}',
                    text=text.format(name, name.split()[1], i + 2),
                )
                for i, name in enumerate(names)
            ]
        )
    }


def _control_char_name():  # C0 controls inside names, a title and a source
    text = (
        'Anna Kowal\x07ski met Piotr No\x1bwak in Warsaw on Tuesday. Kowal\x07ski said the deal with Acme\x01 Holdings '
        'was close. No\x1bwak agreed on May {}, 2018.'
    )
    feed = _jsonl(*[dict(title=f'Talks\x07 in Warsaw\x1b[0m {i}', published=f'2018-05-0{i + 1}',
                         source='Metro\x00 Wire',
                         text=text.format(i + 2)) for i in range(3)])
    return {'feed.jsonl': feed,
            'page.txt': 'Talks\x0b in Gdansk\n\nAnna Kowal\x07ski and Piotr No\x1bwak met in Gdansk on Monday.\n'}


def _extreme_dates():  # statements dated in the years 1 and 9999, beside ordinary ones
    return {'feed.jsonl': _jsonl(
        dict(title='The lease', published='2015-03-03',
             text='The lease held by Acme Holdings runs until 9999-12-31, Maria '
             'Kowalski said. Piotr Nowak said the lease was signed on March 1, 2015.'),
        dict(title='The registry', published='2015-03-05',
             text='The registry lists 0001-01-01 as the founding date of Acme '
             'Holdings, Piotr Nowak said. Maria Kowalski said the dispute goes back to the 1st century.'),
        dict(title='The invoice', published='2015-03-06',
             text='An invoice from Acme Holdings was dated 12/31/9999, Maria '
             'Kowalski said on Tuesday, standing beside Piotr Nowak.'))}


SMALL = {'one_article': (_one_article, 1), 'no_dates': (_no_dates, 3), 'no_comentions': (_no_comentions, 4),
         'control_char_name': (_control_char_name, 4), 'extreme_dates': (_extreme_dates, 3)}  # files, articles loaded


def write_small(folder: Path, case: str) -> Path:
    folder.mkdir(parents=True)
    for name, content in SMALL[case][0]().items(): (folder/name).write_text(content, encoding='utf-8')
    return folder


@pytest.mark.parametrize('case', list(SMALL))
def test_small_input_extract(case, tmp_path):
    data = write_small(tmp_path/'data', case)
    run('extract', data, '-o', tmp_path/'out', '--cache-dir', tmp_path/'cache', '--no-progress').ok()
    frames = check_extract_folder(tmp_path/'out', graph_nodes=case != 'no_comentions')
    assert frames['articles'].height == SMALL[case][1]
    if case == 'no_comentions':
        assert frames['comentions_sentence'].is_empty() and frames['_graph'].number_of_nodes() == 0
    if case == 'no_dates':
        assert frames['timeline']['date_start'].drop_nulls().is_empty() and frames['_timelinejs']['events'] == []
    if case == 'extreme_dates':
        assert {1, 9999, 2015} <= set(frames['timeline']['date_start'].drop_nulls().dt.year())  # kept in the timeline
        years = {e['start_date']['year'] for e in frames['_timelinejs']['events']}
        assert 2015 in years and not {1, 9999} & years  # TimelineJS, like every time view, shows the publication period


@pytest.mark.parametrize('case', list(SMALL))
def test_small_input_report(case, tmp_path):
    data = write_small(tmp_path/'data', case)
    run('report', data, '-o', tmp_path/'out'/'report.html', '--cache-dir', tmp_path/'cache', '--no-progress').ok()
    check_report(tmp_path/'out'/'report.html')
