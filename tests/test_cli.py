"""The command line on hostile and bad input: the report escapes article text, errors exit non-zero."""
import json, re, shutil
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from newsexplore.cli import main

HOSTILE = ('<script>alert("title")</script> Talks\n\n'
           'Benjamin Netanyahu met <script>alert(1)</script> Antony Blinken in Paris on Monday. '
           '<img src=x onerror=alert(2)> Blinken said so, and </script><script>alert(3)</script> Netanyahu agreed.\n')


def test_report_escapes_hostile_article_text(tmp_path, capsys):
    (tmp_path / 'data').mkdir()
    (tmp_path / 'data' / 'evil.txt').write_text(HOSTILE)
    out = tmp_path / 'report.html'
    assert main(['report', str(tmp_path / 'data'), '-o', str(out), '--anchor', '2024-08-21',
                 '--cache-dir', str(tmp_path / 'cache'), '--no-progress']) == 0
    page = out.read_text()
    # the only scripts are the inlined Vega bundle, the chart specs as inert JSON, and the page's own script
    scripts = re.findall(r'<script([^>]*)>(.*?)</script>', page, flags=re.S)
    assert [attrs for attrs, _ in scripts] == ['', ' type="application/json" id="nx-specs"', '']
    assert '<' not in scripts[1][1] and 'alert' not in scripts[2][1]  # article text never becomes markup or code
    json.loads(scripts[1][1])
    body = page.split('</head>', 1)[1]
    assert '<img' not in body and 'onerror=alert' not in body.replace('onerror=alert(2)&gt;', '')
    assert '&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;' in body  # the title shows as text
    assert '&lt;script&gt;alert(1)&lt;/script&gt;' in body  # so does the statement
    assert not re.search(r'<script[^>]*\bsrc=', page) and not re.search(r'<link[^>]*\bhref=', page)
    assert 'Antony Blinken' in body and '2024-08-19' in page


def test_exports_read_back_and_timelinejs_is_valid(tmp_path):
    out = tmp_path / 'out'
    data = Path(__file__).parent.parent / 'data'
    assert main(['extract', str(data), '-o', str(out), '--window', 'sentence', '--window', '2', '--no-progress']) == 0
    for name in (
        'articles',
        'sentences',
        'mentions',
        'actors',
        'dates',
        'timeline',
        'comentions_sentence',
        'comentions_2sent',
    ):
        assert (
            len(pl.read_parquet(out / f'{name}.parquet'))
            == len(pl.read_csv(out / f'{name}.csv', infer_schema=False))
            > 0
        ), name
    doc = json.loads((out / 'timeline.json').read_text())
    assert doc['events'] and all({'start_date', 'text'} <= set(e) and 'year' in e['start_date'] for e in doc['events'])


def test_bad_input_exits_non_zero(tmp_path, capsys):
    assert main(['summary', str(tmp_path / 'missing')]) == 1
    assert 'no such file or folder' in capsys.readouterr().err
    (tmp_path / 'bad.json').write_text('{')
    assert main(['summary', str(tmp_path), '--strict']) == 1
    assert 'malformed JSON' in capsys.readouterr().err
    try: main(['report', str(tmp_path), '--window', 'page'])
    except SystemExit as e: assert e.code == 2
    else: raise AssertionError('a bad --window must be a usage error')


def test_interrupt_and_warnings_are_one_clear_line(tmp_path, capsys, monkeypatch):
    import warnings
    from newsexplore import cli
    data = Path(__file__).parent.parent / 'data'
    def interrupted(corpus, args, comentions=True): raise KeyboardInterrupt
    monkeypatch.setattr(cli, 'analyse', interrupted)
    assert (
        main(
            [
                'report',
                str(data),
                '-o',
                str(tmp_path / 'r.html'),
                '--cache-dir',
                str(tmp_path / 'cache'),
                '--no-progress',
            ]
        )
        == 130
    )
    err = capsys.readouterr().err
    assert 'newsexplore: interrupted' in err and 'Traceback' not in err and not (tmp_path / 'r.html').exists()
    def warns(corpus, args, comentions=True):
        for _ in range(2): warnings.warn('the cache folder /x is read-only')  # two stages, one message
    monkeypatch.setattr(cli, 'analyse', warns)
    assert (
        main(['summary', str(data)]) == 0
        and main(
            [
                'report',
                str(data),
                '-o',
                str(tmp_path / 'r.html'),
                '--cache-dir',
                str(tmp_path / 'cache'),
                '--no-progress',
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert err.count('newsexplore: warning: the cache folder /x is read-only') == 1 and 'UserWarning' not in err


def test_report_of_a_dataset_folder_reports_the_dataset(tmp_path, capsys, monkeypatch):
    """`report DATASET` reads the dataset part by part (never as an in-memory Corpus), as its articles, not its Parquet
    files."""
    import newsexplore.cli as cli
    from newsexplore.corpus import Corpus
    data = Path(__file__).parent.parent / 'data'
    assert main(['extract', str(data), '-o', str(tmp_path / 'ds'), '--parts', '1', '--no-progress']) == 0
    def no_corpus(*args, **kwargs): raise AssertionError('the dataset was loaded into memory')
    monkeypatch.setattr(Corpus, 'from_folder', no_corpus)
    assert main(['report', str(tmp_path / 'ds'), '-o', str(tmp_path / 'r.html'), '--no-progress']) == 0
    assert 'report of 2 articles written' in capsys.readouterr().out
    page = (tmp_path / 'r.html').read_text()
    assert '<tr><th>articles</th><td>2</td></tr>' in page and 'Antony Blinken' in page
    assert 'This part of the report could not be made' not in page


# Every command on a dataset folder (written by `extract --parts`): read as the dataset, part by part, never as a
# folder of articles, nor whole into memory.
DATA = Path(__file__).parent.parent / 'data'


@pytest.fixture(scope='module')
def dataset(tmp_path_factory):
    "The sample as a dataset of two parts, one article each."
    ds = tmp_path_factory.mktemp('dataset') / 'ds'
    assert main(['extract', str(DATA), '-o', str(ds), '--parts', '1', '--no-progress']) == 0
    return ds


def forbid_memory(monkeypatch):
    "From now on, fail when a command loads articles (`Corpus.from_folder`) or a dataset whole (`Dataset.corpus`)."
    from newsexplore.corpus import Corpus
    from newsexplore.dataset import Dataset
    def in_memory(*args, **kwargs): raise AssertionError('the dataset was loaded into memory')
    monkeypatch.setattr(Corpus, 'from_folder', in_memory)
    monkeypatch.setattr(Dataset, 'corpus', in_memory)


def test_summary_of_a_dataset_is_its_articles_summary(dataset, capsys, monkeypatch):
    assert main(['summary', str(DATA)]) == 0
    of_articles = capsys.readouterr().out
    assert of_articles.splitlines()[0] == 'articles                  2'
    forbid_memory(monkeypatch)
    assert main(['summary', str(dataset)]) == 0
    assert capsys.readouterr().out == of_articles  # 2 articles, their words, dates and sources; no problems


def test_extract_of_a_dataset_exports_the_same_frames(dataset, tmp_path, capsys, monkeypatch):
    assert main(['extract', str(DATA), '-o', str(tmp_path / 'corpus'), '--window', '2', '--no-progress']) == 0
    capsys.readouterr()
    forbid_memory(monkeypatch)
    assert main(['extract', str(dataset), '-o', str(tmp_path / 'ds'), '--window', '2', '--no-progress']) == 0
    out = capsys.readouterr().out
    assert 'paragraphs                       - (not kept in a dataset: extract its articles for them)' in out
    assert 'articles                         2 rows' in out and 'comentions_2sent' in out
    written = sorted(p.name for p in (tmp_path / 'ds').iterdir())
    assert written == sorted(p.name for p in (tmp_path / 'corpus').iterdir() if p.stem not in ('paragraphs', 'dates'))
    for parquet in (tmp_path / 'ds').glob('*.parquet'):
        assert_frame_equal(pl.read_parquet(parquet), pl.read_parquet(tmp_path / 'corpus' / parquet.name),
                           check_row_order=False)
        assert len(pl.read_csv(parquet.with_suffix('.csv'), infer_schema=False)) == len(pl.read_parquet(parquet))
    timeline = json.loads((tmp_path / 'ds' / 'timeline.json').read_text())
    assert timeline == json.loads((tmp_path / 'corpus' / 'timeline.json').read_text()) and timeline['events']


def test_extract_of_a_dataset_with_new_aliases_analyses_it_again(dataset, tmp_path, capsys):
    from newsexplore.actors import add_rule
    from newsexplore.dataset import Dataset
    copy = tmp_path / 'ds'
    shutil.copytree(dataset, copy)
    aliases = tmp_path / 'aliases.csv'
    add_rule(aliases, 'rename', 'Antony Blinken', 'Tony Blinken')
    assert main(['extract', str(copy), '-o', str(tmp_path / 'out'), '--aliases', str(aliases)]) == 0
    assert f'the curation or anchor changed since {copy} was analysed: analysing it again' in capsys.readouterr().err
    actors = pl.read_parquet(tmp_path / 'out' / 'actors.parquet')['actor']
    assert 'Tony Blinken' in actors and 'Antony Blinken' not in actors
    assert Dataset(copy).curation['rules'] == 1  # the dataset keeps its new analysis


def test_a_dataset_refuses_what_cannot_apply_to_it(dataset, tmp_path, capsys):
    for argv, says in (
        (['extract', str(dataset), '-o', str(tmp_path / 'out'), '--parts', '2'], 'is a dataset already, in 2 parts'),
        (['extract', str(dataset), '-o', str(dataset)], 'is the dataset itself'),
        (['report', str(dataset), '--map', 'body=text', '--no-sidecars'], '--map, --no-sidecars only apply to reading'),
        (['summary', str(dataset), str(DATA)], 'is a dataset folder: name it alone'),
    ):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert err.startswith('newsexplore: error: ') and says in err and 'Traceback' not in err, err
    assert not (tmp_path / 'out').exists()


def test_an_incomplete_dataset_says_how_to_finish_it(dataset, tmp_path, capsys):
    half = tmp_path / 'half'
    shutil.copytree(dataset, half)
    manifest = json.loads((half / 'manifest.json').read_text())
    del manifest['analysed']  # as when extract --parts was interrupted
    (half / 'manifest.json').write_text(json.dumps(manifest))
    for command in ('summary', 'report', 'lab'):
        assert main([command, str(half)]) == 1
        assert 'is not completely analysed (its extract --parts was interrupted): run that command again' in (
            capsys.readouterr().err)


def test_a_broken_part_file_is_named_with_the_way_to_mend_it(dataset, tmp_path, capsys):
    """A part file cut short (a full disk, a copy interrupted) is one clear line naming it, for every command,
    not a polars traceback from deep inside a query; and re-running extract --parts mends it."""
    broken = tmp_path / 'broken'
    shutil.copytree(dataset, broken)
    part = broken / 'sentences' / 'part-00001.parquet'
    part.write_bytes(part.read_bytes()[:100])
    for command in ('summary', 'report', 'extract', 'lab'):
        out = ['-o', str(tmp_path / command)] if command in ('report', 'extract') else []
        assert main([command, str(broken), *out, '--no-progress']) == 1
        err = capsys.readouterr().err
        assert f'are missing or unreadable (first: {part})' in err and 'Traceback' not in err, err
    assert main(['extract', str(DATA), '-o', str(broken), '--parts', '1', '--no-progress']) == 0
    assert main(['summary', str(broken)]) == 0


def test_a_dataset_without_its_manifest_is_never_read_as_articles(dataset, tmp_path, capsys):
    """A dataset folder whose manifest.json is gone or cut short (an interrupted extract --parts) is named as
    such, for every command; its Parquet parts were read as 'articles' (a report of 118,747 of them)."""
    for name, manifest in (('gone', None), ('cut', '{"parts": [')):
        folder = tmp_path / name
        shutil.copytree(dataset, folder)
        if manifest is None: (folder / 'manifest.json').unlink()
        else: (folder / 'manifest.json').write_text(manifest)
        for command in ('summary', 'report', 'extract'):
            out = ['-o', str(tmp_path / f'{name}-{command}')] if command != 'summary' else []
            assert main([command, str(folder), *out, '--no-progress']) == 1
            err = capsys.readouterr().err
            assert "holds a newsexplore dataset's parts, but its manifest.json is missing or unreadable" in err, err
        assert not (folder / '.newsexplore-cache').exists()  # nothing analysed


def test_summary_of_a_dataset_lists_its_problems_and_strict_fails(tmp_path, capsys):
    articles = tmp_path / 'articles'
    shutil.copytree(DATA, articles, ignore=shutil.ignore_patterns('.newsexplore*'))
    (articles / 'empty.txt').write_text('')
    cache = str(DATA / '.newsexplore-cache')  # the sample's extraction, cached
    assert main(['extract', str(articles), '-o', str(tmp_path / 'ds'), '--parts', '1', '--cache-dir', cache,
                 '--no-progress']) == 0
    capsys.readouterr()
    assert main(['summary', str(tmp_path / 'ds')]) == 0
    out = capsys.readouterr().out
    assert 'inputs not loaded         1' in out and f'  error    {articles / "empty.txt"}: empty file' in out
    assert main(['summary', str(tmp_path / 'ds'), '--strict']) == 1
    assert 'empty.txt: empty file' in capsys.readouterr().err


def test_lab_of_a_dataset_opens_the_dataset(dataset, tmp_path, capsys, monkeypatch):
    from newsexplore.dataset import Dataset
    nb = tmp_path / 'explore.ipynb'
    forbid_memory(monkeypatch)
    assert main(['lab', str(dataset), '--notebook', str(nb), '--no-launch']) == 0
    assert capsys.readouterr().out == f'explorer notebook written to {nb}\n'
    cells = json.loads(nb.read_text())['cells']
    assert cells[1]['source'].splitlines()[1] == f'corpus = Dataset({str(dataset.resolve())!r})  # read part by part'
    ns = {}
    exec(cells[1]['source'], ns)  # the notebook's first cell opens the dataset
    assert isinstance(ns['corpus'], Dataset) and len(ns['corpus']) == 2
    assert [c['source'] for c in cells[3::2]] == ['corpus.explore_actors()', 'corpus.explore_dates()']
    actors = eval(cells[3]['source'], ns)  # the explorers open on the dataset, part by part
    actors.select('Benjamin Netanyahu')
    assert 'Netanyahu' in actors.frames['kwic']['text'].to_list()
    dates = eval(cells[5]['source'], ns)
    assert dates.frames['statements']['date_start'].max().isoformat() == '2024-08-20'
