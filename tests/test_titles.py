"Headlines are analysed (issue 13): titles go through NER, mentions carry `in_title`, and every stage counts them."
from unittest import mock
import polars as pl
import pytest
from realistic import article_frames
from polars.testing import assert_frame_equal
from newsexplore import extract as ex
from newsexplore.actors import kwic, mention_names, resolve_actors, resolve_parts
from newsexplore.comention import comentions
from newsexplore.timeline import corpus_dates

TITLES = {'a': 'Secretary of State Antony Blinken meets Benjamin Netanyahu in Jerusalem',
          'b': 'Kofi Annan meets Angela Merkel in Berlin on Monday',
          'c': None}  # no title
BODIES = {'a': ['Antony Blinken arrived on Tuesday.', 'Benjamin Netanyahu spoke later in the week.'],
          'b': ['Kofi Annan flew in from Geneva.', 'Angela Merkel said on Monday that talks went well.'],
          'c': ['Shares in Apple rose 3% on Tuesday, said Tim Cook.']}

def frames(titles:dict) -> tuple[pl.DataFrame, pl.DataFrame]: return article_frames(BODIES, titles)

@pytest.fixture(scope='module')
def titled():
    "Articles with titles and their extraction; spaCy is never called one text at a time."
    arts, paras = frames(TITLES)
    with mock.patch('spacy.language.Language.__call__', side_effect=AssertionError('nlp(text) was called')):
        return arts, paras, *ex.extract(arts, paras, progress=False)

@pytest.fixture(scope='module')
def untitled():
    arts, paras = frames({})
    return arts, paras, *ex.extract(arts, paras, progress=False)

def in_title(rows:pl.DataFrame, arts:pl.DataFrame) -> pl.Series:
    "The title's text at the offsets of title rows."
    return rows.join(arts.select('doc_id', 'title'), on='doc_id', maintain_order='left').select(
        pl.col('title').str.slice(pl.col('start') - ex.title_offset(), pl.col('end') - pl.col('start'))
    )['title']


def test_title_is_a_sentence(titled):
    arts, _, sentences, _ = titled
    heads = sentences.filter('in_title')
    assert heads.select('doc_id', 'sent_id', 'para_id', 'kind').rows() == [
        ('a', -1, -1, 'title'),
        ('b', -1, -1, 'title'),
    ]
    assert heads['text'].to_list() == [TITLES['a'], TITLES['b']]
    assert (in_title(heads, arts) == heads['text']).all() and (heads['end'] < 0).all()
    assert sentences.group_by('doc_id', maintain_order=True).agg(pl.col('in_title').first())['in_title'].to_list() == [
        True,
        True,
        False,
    ]


def test_title_entities_are_mentions(titled):
    arts, _, _, mentions = titled
    heads = mentions.filter('in_title')
    assert {
        'Antony Blinken',
        'Benjamin Netanyahu',
        'Jerusalem',
        'Kofi Annan',
        'Angela Merkel',
        'Berlin',
        'Monday',
    } <= set(heads['text'])
    assert (heads['sent_id'] == -1).all() and (heads['para_id'] == -1).all()
    assert (in_title(heads, arts) == heads['text']).all()

def test_body_rows_do_not_change(titled, untitled):
    for with_title, without in zip(titled[2:], untitled[2:]):
        assert_frame_equal(with_title.filter(~pl.col('in_title')), without)

def test_actors_count_title_mentions(titled, untitled):
    arts, _, sentences, mentions = titled
    res = resolve_actors(mentions, arts, sentences)
    n = {r['actor']: r['n_mentions'] for r in res.actors.iter_rows(named=True)}
    n0 = {
        r['actor']: r['n_mentions']
        for r in resolve_actors(untitled[3], untitled[0], untitled[2]).actors.iter_rows(named=True)
    }
    assert n['Antony Blinken'] == n0['Antony Blinken'] + 1 and n['Angela Merkel'] == n0['Angela Merkel'] + 1
    blinken = res.mentions.filter(pl.col('actor') == 'Antony Blinken', 'in_title')
    assert blinken.height == 1
    # the role in the headline is found, from the title's sentence or from the title itself
    names = mention_names(mentions, arts, sentences).filter('in_title', pl.col('key') == 'antony blinken')
    assert names['role'].to_list() == [['Secretary of State']]
    assert_frame_equal(
        mention_names(mentions, arts).sort('doc_id', 'start'),
        mention_names(mentions, arts, sentences).sort('doc_id', 'start'),
    )


def test_actors_in_parts(titled):
    "Writing resolved mentions back joins on (doc_id, start, end): title offsets never collide with the text's."
    arts, _, sentences, mentions = titled
    whole = resolve_actors(mentions, arts, sentences)
    out = {}
    part = lambda d: (lambda: tuple(f.filter(pl.col('doc_id') == d) for f in (mentions, arts, sentences)))
    res = resolve_parts([part(d) for d in arts['doc_id']], out.__setitem__)
    assert_frame_equal(res.actors, whole.actors)
    assert_frame_equal(pl.concat(out.values()).sort('doc_id', 'start'), whole.mentions.sort('doc_id', 'start'))

def test_a_title_is_a_comention_window(titled, untitled):
    for (arts, _, sentences, mentions), n in ((titled, 1), (untitled, 0)):
        res = resolve_actors(mentions, arts, sentences)
        for window in ('sentence', 'paragraph'):
            pairs = comentions(res.mentions, sentences, res.actors, window)
            hit = pairs.filter(
                pl.col('a').is_in(['Kofi Annan', 'Angela Merkel']) & pl.col('b').is_in(['Kofi Annan', 'Angela Merkel'])
            )
            assert hit['n'].sum() == n, window

def test_kwic_shows_the_title(titled):
    arts, _, sentences, mentions = titled
    res = resolve_actors(mentions, arts, sentences)
    lines = kwic(res.mentions.filter(pl.col('actor') == 'Angela Merkel'), sentences, arts)
    assert lines['in_title'].to_list() == [True, False]  # the headline first
    assert lines['marked'][0] == 'Kofi Annan meets «Angela Merkel» in Berlin on Monday'

def test_timeline_dates_with_titles(titled, untitled):
    "The body's dates are those found without titles; a title's date is a dated statement of the title's sentence."
    got, base = (corpus_dates(arts, s, m) for arts, _, s, m in (titled, untitled))
    assert_frame_equal(got.filter(pl.col('sent_id') >= 0), base)
    head = got.filter(pl.col('sent_id') == -1)
    assert head.select('doc_id', 'text').rows() == [('b', 'Monday')] and (head['start'] < 0).all()

def test_cache_follows_the_title(tmp_path):
    arts, paras = frames(TITLES)
    first = ex.extract(arts, paras, cache_dir=tmp_path, progress=False)
    with mock.patch('newsexplore.extract.run_spans', side_effect=AssertionError('spaCy ran')):
        for a, b in zip(first, ex.extract(arts, paras, cache_dir=tmp_path, progress=False)): assert_frame_equal(a, b)
    retitled = arts.with_columns(
        title=pl.when(pl.col('doc_id') == 'b').then(pl.lit('Angela Merkel visits Paris')).otherwise('title')
    )
    ran = []

    def spy(docs, *args, real=ex.run_spans, **kwargs):
        ran.append(docs['doc_id'].to_list())
        return real(docs, *args, **kwargs)

    with mock.patch('newsexplore.extract.run_spans', side_effect=spy):
        _, m = ex.extract(retitled, paras, cache_dir=tmp_path, progress=False)
    assert ran == [['b']]  # only the article whose title changed runs again
    assert set(m.filter('in_title', pl.col('doc_id') == 'b')['text']) == {'Angela Merkel', 'Paris'}

def test_cache_format_bumped():
    "Caches of format 1 (no titles) are never read as complete: their folder is another."
    info = ex.model_info()
    with mock.patch.object(ex, 'CACHE_FORMAT', 1): old = ex.cache_folder('c', info)
    assert ex.CACHE_FORMAT >= 2 and ex.cache_folder('c', info) != old

def test_title_with_an_article_in_pieces():
    arts, _ = frames(TITLES)
    whole = [pl.concat(f) for f in zip(*ex.run_spans(arts))]
    cut = [pl.concat(f) for f in zip(*ex.run_spans(arts, piece_chars=40))]  # the texts and title 'a' in pieces
    assert whole[2].filter(pl.col('start') < 0).height > 0
    assert sorted(cut[0]['doc_id']) == ['a', 'b', 'c']  # each article's pieces (its title's too) counted together
    heads = cut[2].filter(pl.col('start') < 0).join(arts.select('doc_id', 'title'), on='doc_id')
    assert (heads.select(pl.col('title').str.slice(pl.col('start') - ex.title_offset(), pl.col('end') - pl.col('start'))
                         .str.len_chars() == pl.col('end') - pl.col('start'))).to_series().all()
    assert 'Jerusalem' in set(
        heads.select(pl.col('title').str.slice(pl.col('start') - ex.title_offset(), pl.col('end') - pl.col('start')))[
            'title'
        ]
    )
