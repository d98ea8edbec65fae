"""The date explorer's views against the one definition of "in a date range" (newsexplore.periods), for any
range; and the explorers driven as a user would, on the sample (`data/`), beyond the notebook's examples."""
import html
import tempfile
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from polars.testing import assert_frame_equal

from newsexplore import Corpus
from newsexplore.actors import find_actor, read_aliases
from newsexplore.explore import (DateState, active_actors, date_data, date_options, pairs_in_range, period_end,
                                 rows_in_range, statement_rows)
from newsexplore.periods import (actors_in_range, comentions_in_range, comentions_of_range, dated_pairs,
                                 sentences_in_range, statements_in_range)

ROOT = Path(__file__).resolve().parents[1]
T17 = ROOT.parent / 'shared' / 'corpora' / 'timeline17_dev'


@pytest.fixture(scope='module')
def corpus():
    return Corpus.from_folder(ROOT / 'data', cache_dir=Path(tempfile.mkdtemp()), progress=False)


@pytest.fixture(scope='module')
def data(corpus):
    return date_data(corpus.timeline, corpus.mentions, corpus.actors, corpus.period, corpus.sentences, corpus.articles)


def pair_set(df):
    return {(frozenset((a, b)), n) for a, b, n in df.select('a_id', 'b_id', 'n').iter_rows()}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 200), st.integers(0, 200))
def test_three_views_share_one_range_rule(corpus, data, a, b):
    "Statements listed, actors ranked and the network: the same sentences, those of `sentences_in_range`."
    first = corpus.period[0]
    lo, hi = sorted((first + timedelta(days=a), first + timedelta(days=b)))
    listed = statement_rows(data, rows_in_range(data, lo, hi))
    assert_frame_equal(
        listed.drop('row', 'sentence_key'), statements_in_range(data.statements, lo, hi).drop('row', 'sentence_key')
    )
    assert_frame_equal(listed.select('doc_id', 'sent_id').unique().sort('doc_id', 'sent_id'),
                       sentences_in_range(data.statements, lo, hi).sort('doc_id', 'sent_id'))
    assert_frame_equal(active_actors(data, lo, hi, top=None).select('actor_id', 'n'),
                       actors_in_range(data.statements, corpus.mentions, corpus.actors, lo, hi).select('actor_id', 'n'))
    assert pair_set(pairs_in_range(data, lo, hi, top=None)) == pair_set(
        comentions_in_range(
            data.statements, corpus.mentions, corpus.sentences, corpus.actors, lo, hi, articles=corpus.articles
        )
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(-30, 230), st.integers(-30, 230), st.sampled_from([(), ('person',), ('person', 'place')]),
       st.booleans())
def test_counting_a_range_from_prepared_rows_is_counting_it_afresh(corpus, data, a, b, kinds, trivial):
    "The slider's co-mentions (rows of the dated sentences found once) are `comentions_in_range`'s, frame for frame."
    first = corpus.period[0]
    lo, hi = sorted((first + timedelta(days=a), first + timedelta(days=b)))
    frames = data.statements, corpus.mentions, corpus.sentences, corpus.actors
    prepared = dated_pairs(*frames, list(kinds) or None, corpus.articles)
    assert_frame_equal(comentions_of_range(prepared, lo, hi, trivial=trivial),
                       comentions_in_range(*frames, lo, hi, kinds=list(kinds) or None, articles=corpus.articles,
                                           trivial=trivial))


@pytest.mark.skipif(not (T17 / 'articles.jsonl').is_file(), reason='Timeline17 is not beside the project')
def test_counting_ranges_of_a_real_archive_from_prepared_rows():
    "On Timeline17 (2,286 scraped articles; extraction cached): whole period, open ends, a year, a month, a week."
    c = Corpus.from_folder(T17, progress=False)
    frames = c.timeline, c.mentions, c.sentences, c.actors
    prepared = dated_pairs(*frames, articles=c.articles)
    lo, hi = c.period
    middle = lo + (hi - lo) / 2
    ranges = [(None, None), (lo, hi), (middle, None), (None, middle), (middle, middle + timedelta(days=365)),
              (middle, middle + timedelta(days=30)), (middle, middle + timedelta(days=6))]
    for start, end in ranges:
        expected = comentions_in_range(*frames, start, end, articles=c.articles)
        assert_frame_equal(comentions_of_range(prepared, start, end), expected)
    assert len(expected) > 0  # a week with co-mentions: the comparison is not of two empty frames


def test_actor_filter_narrows_all_three_views(corpus, data):
    "Picking an actor keeps, in every view, only sentences that mention it."
    net = corpus.actors.filter(pl.col('actor') == 'Benjamin Netanyahu')['actor_id'][0]
    v = DateState(*corpus.period, actors=(net,)).views(data)
    assert v['n_statements'] > 0 and all(net in ids for ids in v['statements']['actor_ids'])
    assert v['active']['actor_id'][0] == net  # in its own sentences, it is the most active
    assert len(v['pairs']) and all(net in (a, b) for a, b in v['pairs'].select('a_id', 'b_id').iter_rows())


@pytest.mark.parametrize('steps', [('week', 'month', 'day', 'week'), ('day', 'month', 'week')])
def test_changing_the_step_keeps_the_range(corpus, steps):
    "Whatever the step, the range shown still covers the days chosen before (snapped out to whole steps)."
    dx = corpus.explore_dates(steps[0])
    stops = [d for _, d in dx.slider.options]
    dx.slider.value = (stops[len(stops) // 3], stops[len(stops) // 2])
    chosen = dx.state.start, dx.state.end
    for step in steps[1:]:
        dx.granularity.value = step
        assert dx.state.start <= chosen[0] and dx.state.end >= min(chosen[1], dx.data.period[1]), (
            step,
            chosen,
            dx.state,
        )
        assert dx.state.end - dx.state.start <= chosen[1] - chosen[0] + timedelta(days=62), (step, chosen, dx.state)
        assert dx.summary.value.endswith(f'from {dx.state.start} to {dx.state.end}')


def test_curation_reaches_the_date_explorer(corpus, tmp_path):
    "Ignoring an actor in the actor explorer drops it from the date explorer's picker, selection and views at once."
    work = Corpus.from_folder(
        ROOT / 'data', cache_dir=corpus.cache_dir, aliases=tmp_path / 'aliases.csv', progress=False
    )
    dx, ax = work.explore_dates(), work.explore_actors()
    dx.actor_pick.value = ['Hamas']
    assert dx.state.actors and dx.frames['n_statements'] > 0
    ax.select('Hamas'); ax.ignore_b.click()
    assert read_aliases(work.aliases_path).rows() == [('ignore', 'Hamas', None)]
    assert 'Hamas' not in dx.tags and list(dx.actor_pick.value) == [] and dx.state.actors == ()
    assert 'Hamas' not in dx.frames['active']['actor'].to_list()
    assert dx.frames['n_statements'] == len(dx.data.statements)  # no filter left: the whole period again
    ax.undo_b.click()
    assert 'Hamas' in dx.tags and 'Hamas' in dx.frames['active']['actor'].to_list()


def test_a_failing_callback_leaves_the_view_consistent(corpus, monkeypatch):
    "An error inside a slider callback shows in the status line; the next move works and clears it."
    dx = corpus.explore_dates()
    stops = [d for _, d in dx.slider.options]
    import newsexplore.explore as ex
    real = ex.DateState.views
    monkeypatch.setattr(ex.DateState, 'views', lambda self, data: 1 / 0)
    dx.slider.value = (stops[0], stops[1])
    assert 'Moving the range failed' in dx.status.value and 'division by zero' in dx.status.value
    monkeypatch.setattr(ex.DateState, 'views', real)
    dx.slider.value = (stops[0], stops[2])
    assert dx.status.value == '' and dx.state.end == period_end(stops[2], 'week')
    assert dx.summary.value.endswith(f'to {dx.state.end}')


# -- key dates (issue 17) in both explorers ---------------------------------------------------------------------
def dates_of(frame):
    return frame['date'].to_list()


def test_date_explorer_key_dates_follow_range_and_actor(corpus):
    "The key dates view lists the key dates in the slider's range, of the one actor picked, and says why when none is."
    dx = corpus.explore_dates()
    keys = corpus.key_dates()
    assert len(keys) and dates_of(dx.frames['key_dates']) == dates_of(keys)  # the whole period at first
    assert all(str(d) in dx.keydates.value for d in dates_of(keys))
    first = corpus.key_date_summaries().sort('date', 'score', descending=[False, True]).row(0, named=True)
    assert html.escape(first['sentence']) in dx.keydates.value and html.escape(first['source']) in dx.keydates.value
    stops = [d for _, d in dx.slider.options]
    empty = next(s for s in stops if keys.filter(pl.col('date').is_between(s, period_end(s, 'week'))).is_empty())
    dx.slider.value = (empty, empty)
    assert dx.frames['key_dates'].is_empty() and len(dx.frames['all_key_dates']) == len(keys)
    assert f'None of the {len(keys)} key dates of the corpus falls between {empty}' in dx.keydates.value
    dx.slider.value = (stops[0], stops[-1])
    net = find_actor(corpus.actors, 'Benjamin Netanyahu')['actor_id']
    dx.actor_pick.value = ['Benjamin Netanyahu']
    assert_frame_equal(dx.frames['all_key_dates'], corpus.key_dates(actor=net))
    assert 'key dates of Benjamin Netanyahu' in dx.keydates.value
    dx.actor_pick.value = ['Benjamin Netanyahu', 'Hamas']  # two actors: the corpus's, and the view says so
    assert_frame_equal(dx.frames['all_key_dates'], keys)
    assert 'Several actors are picked' in dx.keydates.value
    dx.actor_pick.value = []
    dx.kind_pick.value = ['person']
    assert_frame_equal(dx.frames['all_key_dates'], keys)
    assert 'kind filter does not apply' in dx.keydates.value


def test_choosing_a_key_date_moves_the_slider(corpus):
    "Each key date offered in 'Go to' moves the range to the stops holding it; the whole period puts it back."
    dx = corpus.explore_dates('day')
    offered = [d for _, d in dx.key_pick.options[1:]]
    assert offered == dates_of(corpus.key_dates())
    for d in offered:
        dx.key_pick.value = d
        assert (dx.state.start, dx.state.end) == (d, d) and dates_of(dx.frames['key_dates']) == [d]
        assert dx.key_pick.value == d and dx.status.value == ''
    dx.key_pick.value = None
    assert (dx.state.start, dx.state.end) == corpus.period and dates_of(dx.frames['key_dates']) == offered
    dx.granularity.value = 'month'  # a month stop holds the key date: the range is that month
    dx.key_pick.value = offered[0]
    assert dx.state.start <= offered[0] <= dx.state.end and dx.state.start.day == 1


def test_actor_explorer_shows_the_actors_key_dates(corpus):
    "The chosen actor's key dates with their sentences; an actor with none says why."
    ax = corpus.explore_actors()
    for name in ('Hamas', 'Benjamin Netanyahu', 'Antony Blinken'):
        ax.select(name)
        aid = ax.state.actor_id
        assert dates_of(ax.frames['key_dates']) == dates_of(corpus.key_dates(actor=aid)), name
        told = corpus.key_date_summaries(actor=aid)
        assert len(told) and all(html.escape(s) in ax.keydates.value for s in told['sentence']), name
    dated = set(corpus.timeline.drop_nulls('date_start')['actor_ids'].explode().drop_nulls())
    undated = corpus.actors.filter(~pl.col('actor_id').is_in(list(dated))).row(0, named=True)
    ax.select(undated['actor_id'])
    assert ax.frames['key_dates'].is_empty()
    assert f'No key dates of {html.escape(undated["actor"])}: no dated statement mentions it.' in ax.keydates.value
    ax.search.value = 'no actor has this name'
    assert ax.frames['record'] is None and ax.keydates.value == ''


def test_key_dates_follow_curation(corpus, tmp_path):
    "After a merge, both explorers show the key dates a fresh load with the aliases file gives; undo puts them back."
    work = Corpus.from_folder(
        ROOT / 'data', cache_dir=corpus.cache_dir, aliases=tmp_path / 'aliases.csv', progress=False
    )
    dx, ax = work.explore_dates(), work.explore_actors()
    dx.actor_pick.value = ['Israel']
    before = dx.frames['all_key_dates']
    ax.select('Israeli'); ax.merge_into.value = 'Israel'; ax.merge_b.click()
    assert read_aliases(work.aliases_path).rows() == [('merge', 'Israeli', 'Israel')]
    fresh = Corpus.from_folder(
        ROOT / 'data', cache_dir=corpus.cache_dir, aliases=tmp_path / 'aliases.csv', progress=False
    )
    israel = find_actor(fresh.actors, 'Israel')['actor_id']
    assert_frame_equal(dx.frames['all_key_dates'], fresh.key_dates(actor=israel))
    assert not dx.frames['all_key_dates'].equals(before)  # Israeli's statements count now: not a stale copy
    assert dates_of(ax.frames['key_dates']) == dates_of(fresh.key_dates(actor=israel))
    assert ax.frames['record']['actor'] == 'Israel' and 'key dates of Israel' in ax.keydates.value
    ax.undo_b.click()
    assert_frame_equal(dx.frames['all_key_dates'], before)


def test_key_dates_of_an_undated_corpus_say_why(corpus, tmp_path):
    "A corpus without a single date: both explorers say there are no key dates, and why."
    (tmp_path / 'a.txt').write_text('Talks\n\nBenjamin Netanyahu met Antony Blinken in Jerusalem to talk about Gaza.\n')
    bare = Corpus.from_folder(tmp_path, cache_dir=tmp_path / 'cache', progress=False)
    assert bare.period is None
    why = 'No key dates: no article and no statement has a date.'
    dx = bare.explore_dates()
    assert dx.frames['key_dates'].is_empty() and why in dx.keydates.value
    assert [o for _, o in dx.key_pick.options] == [None]
    ax = bare.explore_actors()
    ax.select('Netanyahu')
    assert why in ax.keydates.value


def test_a_merge_target_typed_in_another_case_is_the_actor(corpus, tmp_path):
    "Typing 'ISRAEL ' into the merge box merges into the actor Israel (the file says so); a typo is still refused."
    work = Corpus.from_folder(
        ROOT / 'data', cache_dir=corpus.cache_dir, aliases=tmp_path / 'aliases.csv', progress=False
    )
    ax = work.explore_actors()
    ax.select('Israeli'); ax.merge_into.value = 'ISRAEL '; ax.merge_b.click()
    assert read_aliases(work.aliases_path).rows() == [('merge', 'Israeli', 'Israel')]
    assert ax.frames['record']['actor'] == 'Israel'
    ax.select('Hamas'); ax.merge_into.value = 'Isreal'; ax.merge_b.click()
    assert 'Not written' in ax.status.value and len(read_aliases(work.aliases_path)) == 1


def test_rows_name_their_article_and_date_for_readers(corpus):
    "Articles without titles are named by their source; statements show dates spelt out, not TIMEX3 codes."
    work = Corpus.from_folder(ROOT / 'data', cache_dir=corpus.cache_dir, progress=False)
    work.articles = work.articles.with_columns(title=pl.lit(None, pl.String))
    dx, ax = work.explore_dates(), work.explore_actors()
    sources = set(work.articles['source'])
    assert any(s in dx.statements.value for s in sources)
    assert '<td></td>' not in dx.statements.value.replace(' ', '')
    assert 'Aug 2024' in dx.statements.value  # '19 Aug 2024', not only 2024-08-19
    ax.select('Blinken')
    assert any(s in ax.kwic.value for s in sources)
