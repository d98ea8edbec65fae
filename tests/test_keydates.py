"Key dates (issue 17): which dates rank, what is discounted, the summaries, parts of a dataset, and Timeline17."
import importlib.util, tempfile
from datetime import date, timedelta
from pathlib import Path
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from newsexplore.corpus import Corpus
import newsexplore.timeline, newsexplore.periods
from newsexplore.core import check_schema
from newsexplore.timex import GRANULARITIES
from newsexplore.keydates import (KEY_DATES, SUMMARIES, choose_k, date_references, key_dates, key_every, rank_dates,
                                  summarise_dates)

ROOT = Path(__file__).resolve().parent.parent
T17 = ROOT.parent / 'shared' / 'corpora' / 'timeline17_dev'
D = date.fromisoformat

def statements(rows, granularity='day'):
    "Timeline rows from (doc_id, source, published, date referred to, date as written, sentence)."
    t = pl.DataFrame(rows, schema=['doc_id', 'source', 'published', 'date_start', 'date_text', 'sentence'],
                     orient='row')
    return t.with_columns(
        pl.col('published', 'date_start').str.to_date(),
        sent_id=pl.int_range(pl.len()).cast(pl.Int64),
        granularity=pl.lit(granularity, GRANULARITIES),
        title=pl.lit('A story'),
    ).with_columns(date_end='date_start')


def story():
    """Day 1 May is recalled by four later articles of three sources; 3 May is 'today' in six articles of its own day; 5
    May is a stamp."""
    rows = [(f'r{i}', src, f'2024-05-{10 + i}', '2024-05-01', '1 May',
             f'The dam broke on 1 May, flooding {i} villages.')
            for i, src in enumerate(['BBC', 'Reuters', 'AP', 'BBC'])]
    rows += [(f't{i}', 'BBC', '2024-05-03', '2024-05-03', 'today',
              f'Ministers meet today to discuss item {i}.') for i in range(6)]
    rows += [(f's{i}', 'WP', '2024-05-05', '2024-05-05', 'May 5, 2024',
              f'May 5, 2024 {i}:15 PM Readers wrote in.') for i in range(9)]
    return statements(rows)

def test_recalled_date_outranks_today_and_stamps():
    kd = key_dates(story(), k=3)
    check_schema(kd, KEY_DATES)
    top = kd.sort('rank').row(0, named=True)
    assert top['date'] == D('2024-05-01') and (top['n_articles'], top['n_sources'], top['n_later']) == (4, 3, 4)
    assert D('2024-05-05') not in kd['date'].to_list()  # stamps count nothing: not even a candidate
    today = kd.filter(pl.col('date') == D('2024-05-03')).row(0, named=True)
    assert (today['n_same_day'], today['score']) == (6, pytest.approx(6 * 0.3))

def test_period_k_and_empty():
    t = story()
    assert key_dates(t, (D('2024-05-02'), D('2024-05-31')))['date'].to_list() == [D('2024-05-03')]
    assert key_dates(t, k=1)['date'].to_list() == [D('2024-05-01')]
    empty = key_dates(t.head(0))
    check_schema(empty, KEY_DATES)
    assert empty.is_empty() and summarise_dates(t.head(0), empty).is_empty()

def test_long_archives_count_weeks_or_months():
    days = [D('2000-01-03') + timedelta(days=7 * i) for i in range(520)]
    t = statements(
        [(f'a{i}', 'BBC', str(d + timedelta(days=30)), str(d), 'then', 'It happened then.') for i, d in enumerate(days)]
    )
    assert key_every(t, (days[0], days[-1])) == '1w'
    kd = key_dates(t, (days[0], days[-1]), k=5)
    assert (kd['date'].dt.weekday().to_list() == [1] * 5
            and (kd['date_end'] - kd['date']).dt.total_days().to_list() == [6] * 5)
    month = statements([('m', 'BBC', '2024-06-01', '2024-05-01', 'May', 'In May.')], granularity='month')
    assert (key_dates(month, every='1d').is_empty()
            and key_dates(month, every='1mo')['date'].to_list() == [D('2024-05-01')])

def test_choose_k_bounds():
    assert choose_k(pl.Series([], dtype=pl.Float64)) == 0
    assert choose_k(pl.Series([5.0] * 2)) == 2
    assert 3 <= choose_k(pl.Series([1.0] * 30)) <= 50

def test_summaries_tell_the_event_once():
    t = story().vstack(statements([('x', 'AP', '2024-05-20', '2024-05-03', '3 May',
                                    'On 3 May the dam broke on 1 May, flooding 0 villages.'),
                                   ('y', 'AP', '2024-05-20', '2024-05-01', '1 May',
                                    'A passing remark about 1 May and the weather.')]))
    kd = key_dates(t, k=2)
    s = summarise_dates(t, kd, n=2)
    check_schema(s, SUMMARIES)
    first = s.filter(pl.col('date') == D('2024-05-01'))
    assert first['sentence'][0].startswith('The dam broke on 1 May') and first['source'][0] in ('BBC', 'Reuters', 'AP')
    assert first['sentence'].str.contains('dam broke').sum() == 1  # four near-copies: told once, then the next best
    assert (
        summarise_dates(t, kd, n=1).filter(pl.col('date') == D('2024-05-01'))['sentence'][0].startswith('The dam broke')
    )
    assert not s['sentence'].str.contains('On 3 May the dam broke').any()  # too like what 1 May already says
    assert (s.group_by('date').len()['len'] <= 2).all()

def test_parts_of_a_dataset_rank_alike():
    "The references of parts (split by article) concatenated rank exactly as the whole corpus."
    t = story()
    parts = [t.filter(pl.col('doc_id').str.starts_with(p)) for p in ('r', 't', 's')]
    together = rank_dates(pl.concat([date_references(p) for p in parts]), k=3)
    assert_frame_equal(together, key_dates(t, k=3))

def test_corpus_key_dates_on_the_sample():
    corpus = Corpus.from_folder(ROOT / 'data', cache_dir=Path(tempfile.mkdtemp()), progress=False)
    kd = corpus.key_dates()
    assert kd.height == 3 and corpus.key_dates() is kd  # cached
    assert all(corpus.period[0] <= d <= corpus.period[1] for d in kd['date'])
    ak = corpus.key_dates(actor='Blinken')
    assert set(ak['date']) <= set(corpus.actor_timeline('Blinken')['date_start'])
    s = corpus.key_date_summaries()
    assert set(s['date']) <= set(kd['date']) and s['published'].is_not_null().all()

@pytest.mark.skipif(not (T17 / 'articles.jsonl').is_file(), reason='Timeline17 is not beside the project')
def test_timeline17_dates_beat_the_baselines():
    spec = importlib.util.spec_from_file_location('eval_keydates', ROOT / 'bench' / 'eval_keydates.py')
    ev = importlib.util.module_from_spec(spec); spec.loader.exec_module(ev)
    rows = ev.evaluate(ev.CORPUS, n=1)
    mean = lambda c: sum(r[c] for r in rows) / len(rows)
    assert len(rows) == 10
    assert mean('date_f1') >= 0.70 and mean('date_f1') > mean('articles_per_day') > mean('publication_counts')
    assert mean('r1_agree') > 0.1

def test_report_section_without_dates(tmp_path):
    from newsexplore.report import keydates_section
    (tmp_path / 'a.txt').write_text('A meeting\n\nAlice Smith met Bob Jones in Paris to talk about the plan.\n')
    corpus = Corpus.from_folder(tmp_path, cache_dir=tmp_path / 'cache', progress=False)
    assert corpus.key_dates().is_empty() and corpus.key_date_summaries().is_empty()
    sec = keydates_section(corpus)
    assert sec.error is None and 'there is no story timeline' in sec.body
