"""The command line on hostile and bad input: the report escapes article text, errors exit non-zero."""
import json, re
from pathlib import Path

import polars as pl

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
