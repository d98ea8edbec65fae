"""The explorers on an out-of-core `Dataset` (issue 20): built from the sample in parts of one article, both explorers
show what they show on the in-memory `Corpus` of the same articles, driven as a user would; curation through the
actor explorer writes the dataset's aliases file and holds when the dataset is opened again; co-mentions counted
part by part are the corpus's, reprints across parts included."""
import json
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from newsexplore import Corpus, Dataset
from newsexplore.actors import find_actor, read_aliases
from newsexplore.core import PARAGRAPHS, PROBLEMS, empty
from newsexplore.dataset import MANIFEST, _ids_hash, analyse_dataset, read_part, write_part

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope='module')
def built(tmp_path_factory):
    "The sample as a corpus (no curation file), and as a dataset of 2 parts written and analysed from it."
    tmp = tmp_path_factory.mktemp('sample')
    corpus = Corpus.from_folder(ROOT / 'data', cache_dir=tmp / 'cache', aliases=tmp / 'none.csv', progress=False)
    ds = Dataset.build(corpus, tmp / 'ds', part_docs=1)
    assert ds.n_parts == 2
    return corpus, ds


def same(x, y, what=''):
    "Two views' frames (or values) are equal: frames by value and dtype, in their order."
    if not isinstance(x, pl.DataFrame): assert x == y, what; return
    try: assert_frame_equal(x, y)
    except AssertionError as e: raise AssertionError(f'{what}: {e}') from None


ACTOR_VIEWS = ('actors', 'record', 'partners', 'trend', 'kwic', 'pages', 'evidence', 'key_dates', 'key_note')
ACTOR_HTML = ('header', 'kwic', 'evidence', 'keydates', 'page_label')


def test_actor_explorer_on_a_dataset_shows_what_it_shows_on_the_corpus(built):
    "Actors, partners, KWIC rows (every page), evidence of a pair, key dates: frame for frame and as HTML."
    corpus, ds = built
    mine, theirs = ds.explore_actors(page_size=3), corpus.explore_actors(page_size=3)
    for name in ('Antony Blinken', 'Benjamin Netanyahu', 'Hamas', 'Israel'):
        for ax in (mine, theirs): ax.select(name)
        for window in ('sentence', 'paragraph', 3):
            for ax in (mine, theirs): ax.window.value = window
            partner = theirs.frames['partners']['actor_id'][0]
            for ax in (mine, theirs): ax.partner.value = partner
            for page in range(theirs.frames['pages']):
                for key in ACTOR_VIEWS: same(mine.frames[key], theirs.frames[key], (name, window, page, key))
                for w in ACTOR_HTML: same(getattr(mine, w).value, getattr(theirs, w).value, (name, w))
                same(mine.bars.spec, theirs.bars.spec); same(mine.trend.spec, theirs.trend.spec)
                for ax in (mine, theirs): ax.next.click()
        assert len(mine.frames['kwic']) and len(mine.frames['evidence']) and len(mine.frames['key_dates'])
    mine.search.value = theirs.search.value = 'isr'
    same(list(mine.list.options), list(theirs.list.options))
    assert mine.status.value == theirs.status.value == ''


DATE_VIEWS = ('n_statements', 'statements', 'chart', 'active', 'pairs', 'undated', 'all_key_dates', 'key_dates',
              'key_note')
DATE_HTML = ('summary', 'statements', 'active', 'keydates', 'undated', 'outside')


def check_dates(mine, theirs, what):
    for key in DATE_VIEWS: same(mine.frames[key], theirs.frames[key], (what, key))
    for w in DATE_HTML: same(getattr(mine, w).value, getattr(theirs, w).value, (what, w))
    same(mine.network.spec, theirs.network.spec, (what, 'network'))
    same(mine.timeline.spec, theirs.timeline.spec, (what, 'timeline'))


def test_date_explorer_on_a_dataset_shows_what_it_shows_on_the_corpus(built):
    "The whole period, slider moves, an actor picked, a kind filter, a key date chosen, the step changed."
    corpus, ds = built
    mine, theirs = ds.explore_dates(), corpus.explore_dates()
    check_dates(mine, theirs, 'opened')
    same(list(mine.slider.options), list(theirs.slider.options))
    stops = [d for _, d in theirs.slider.options]
    for lo, hi in ((0, 1), (len(stops) // 3, len(stops) - 1), (len(stops) - 2, len(stops) - 1)):
        for dx in (mine, theirs): dx.slider.value = (stops[lo], stops[hi])
        check_dates(mine, theirs, ('range', lo, hi))
    for dx in (mine, theirs): dx.slider.value = (stops[0], stops[-1]); dx.actor_pick.value = ['Benjamin Netanyahu']
    check_dates(mine, theirs, 'actor')
    assert len(mine.frames['pairs']) and len(mine.frames['all_key_dates'])
    for dx in (mine, theirs): dx.kind_pick.value = ['person']
    check_dates(mine, theirs, 'kinds')
    for dx in (mine, theirs): dx.actor_pick.value = []; dx.kind_pick.value = []
    key = theirs.frames['all_key_dates']['date'][0]
    for dx in (mine, theirs): dx.key_pick.value = key
    check_dates(mine, theirs, 'key date')
    for dx in (mine, theirs): dx.granularity.value = 'month'
    check_dates(mine, theirs, 'month')
    assert mine.status.value == ''


def test_the_date_explorer_never_collects_a_whole_mentions_or_sentences_scan(built, monkeypatch):
    "Opening it reads the mentions and sentences of dated sentences only: a filter pushed into the scan."
    corpus, ds = built
    collected = []
    real = pl.LazyFrame.collect
    def spy(self, *a, **k):
        out = real(self, *a, **k)
        collected.append(out)
        return out
    monkeypatch.setattr(pl.LazyFrame, 'collect', spy)
    dx = ds.explore_dates()
    every = {name: real(getattr(ds, name)) for name in ('mentions', 'sentences')}
    dated = dx.data.statements.select('doc_id', 'sent_id').unique()
    for name, whole in every.items():
        kept = whole.join(dated, on=['doc_id', 'sent_id'], how='semi')
        assert len(kept) < len(whole), name  # the sample has undated sentences: a whole read would show
        assert not any(f.columns == whole.columns and len(f) == len(whole) for f in collected), name


def test_curation_on_a_dataset_persists_across_reopening(built, tmp_path):
    "Merge, rename, ignore, undo in the actor explorer: written to the dataset's own aliases file, actor pass re-run."
    corpus, _ = built
    folder = tmp_path / 'ds'
    ds = Dataset(analyse_dataset(Dataset.build(corpus, folder, part_docs=1).folder))  # analysed without a file
    path = folder / '.newsexplore' / 'aliases.csv'
    assert ds.aliases_path == path and not path.exists()
    ax, dx = ds.explore_actors(), ds.explore_dates()
    both = sum(find_actor(ds.actors, a)['n_mentions'] for a in ('Israel', 'Israeli'))
    dx.actor_pick.value = ['Israeli']
    ax.select('Israeli'); ax.merge_into.value = 'Israel'; ax.merge_b.click()
    assert read_aliases(path).rows() == [('merge', 'Israeli', 'Israel')], ax.status.value
    assert ax.frames['record']['actor'] == 'Israel' and ax.frames['record']['n_mentions'] == both
    assert 'Israeli' not in dx.tags and dx.state.actors == ()  # the date explorer followed
    ax.new_name.value = 'State of Israel'; ax.rename_b.click()
    ax.select('Hamas'); ax.ignore_b.click()
    assert len(read_aliases(path)) == 3 and 'State of Israel' in dx.tags and 'Hamas' not in dx.tags
    again = Dataset(folder)  # reopened: the curation holds, in the actors and in the timeline
    assert again.curation['rules'] == 3 and again.curation['path'] == path
    assert_frame_equal(again.actors, ds.actors)
    names = set(again.actors['actor'])
    assert 'State of Israel' in names and not names & {'Israel', 'Israeli', 'Hamas'}
    in_timeline = set(again.timeline.select(pl.col('actors').explode()).collect()['actors'])
    assert 'State of Israel' in in_timeline and 'Hamas' not in in_timeline
    fresh = Corpus.from_folder(ROOT / 'data', cache_dir=corpus.cache_dir, aliases=path, progress=False)
    assert_frame_equal(again.actors, fresh.actors)  # what a corpus with the same file resolves
    for _ in range(3): ax.undo_b.click()
    assert read_aliases(path).is_empty() and 'Hamas' in dx.tags
    assert_frame_equal(Dataset(folder).actors, corpus.actors)
    assert Dataset(folder).curation['rules'] == 0


def test_a_refused_rule_on_a_dataset_writes_nothing(built, tmp_path):
    corpus, _ = built
    ds = Dataset.build(corpus, tmp_path / 'ds', part_docs=1)
    ax = ds.explore_actors()
    ax.select('Hamas'); ax.merge_into.value = 'Nobody at all'; ax.merge_b.click()
    assert 'Not written' in ax.status.value and not ds.aliases_path.exists()


def test_comentions_across_parts_count_a_reprint_once(built, tmp_path):
    "The first article reprinted in a part of its own: the dataset's pairs equal the corpus's of the three articles."
    corpus, ds = built
    folder, keys = tmp_path / 'reprinted', []
    parts = [read_part(ds.folder, i, 'articles', 'sentences', 'spans') for i in range(ds.n_parts)]
    copy = tuple(f.with_columns(doc_id=pl.lit('reprint')) for f in parts[0])
    for i, (arts, sents, spans) in enumerate([*parts, copy]):
        write_part(folder, i, sentences=sents, spans=spans, articles=arts)
        keys.append(_ids_hash(arts['doc_id']))
    (folder / MANIFEST).write_text(json.dumps({'parts': keys, 'part_docs': 1}))
    three = Dataset(analyse_dataset(folder, aliases=tmp_path / 'none.csv'))
    whole = three.corpus()  # the same articles in memory
    assert_frame_equal(three.actors, whole.actors)
    for window in ('sentence', 'paragraph', 'article', 2):
        mine, theirs = three.comentions(window), whole.comentions(window)
        assert_frame_equal(mine, theirs)
        doubled = theirs.filter(pl.col('n_texts') < pl.col('n'))  # windows reprinted: counted once as texts
        assert len(doubled), window
