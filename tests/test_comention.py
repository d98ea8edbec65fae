"""Co-mentions that tell a story (issue 16): known relations flagged, role words and outlets not counted as actors,
demonyms counted as their country, links in one clause and lists, the default ranking, evidence best first with
reprints collapsed, bursts; on hand-made frames, then on the sample."""
from datetime import date
from pathlib import Path
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from newsexplore.comention import (
    comentions,
    pair_counts,
    add_pair_counts,
    measure,
    known_relations,
    comention_evidence,
    comentions_over_time,
    comention_bursts,
    period_windows,
    pair_view,
    ranked,
    _best_first,
    LINKS,
    demonym_actors,
    sentence_links,
)

DATA = Path(__file__).resolve().parent.parent / 'data'

def frames(sents:list[tuple[str, str, list]], sources:dict|None=None):
    """articles, sentences, mentions, actors from [(doc_id, text, [(entity text, label, actor name, kind)])], one
    sentence per row."""
    srows, mrows, acts, n = [], [], {}, {}
    for doc, text, ents in sents:
        sid = n[doc] = n.get(doc, -1) + 1
        srows.append(
            dict(doc_id=doc, para_id=sid, sent_id=sid, start=sid * 1000, end=sid * 1000 + len(text), text=text)
        )
        at = 0
        for e, label, actor, kind in ents:
            at = text.index(e, at)
            mrows.append(
                dict(
                    doc_id=doc,
                    para_id=sid,
                    sent_id=sid,
                    start=sid * 1000 + at,
                    end=sid * 1000 + at + len(e),
                    text=e,
                    label=label,
                    actor_id=actor and actor.lower().replace(' ', '_'),
                    actor=actor,
                )
            )
            at += len(e)
            if actor: acts[actor] = kind
    docs = sorted({s[0] for s in sents})
    articles = pl.DataFrame({'doc_id': docs, 'title': docs, 'source': [(sources or {}).get(d) for d in docs],
                             'published': [date(2024, 1, 1)] * len(docs)}, schema_overrides={'source': pl.String})
    actors = pl.DataFrame(
        {
            'actor_id': [a.lower().replace(' ', '_') for a in acts],
            'actor': list(acts),
            'kind': list(acts.values()),
            'aliases': [[a] for a in acts],
            'roles': [[] for _ in acts],
        },
        schema_overrides={'roles': pl.List(pl.String)},
    )
    return articles, pl.DataFrame(srows), pl.DataFrame(mrows), actors

P = lambda name: (name, 'PERSON', name, 'person')
NETANYAHU, BIDEN = P('Benjamin Netanyahu'), P('Joe Biden')
ISRAELI, ISRAEL, US = (
    ('Israeli', 'NORP', 'Israeli', 'group'),
    ('Israel', 'GPE', 'Israel', 'place'),
    ('U.S.', 'GPE', 'United States', 'place'),
)


@pytest.fixture
def toy():
    return frames([
        (
            'a',
            'Israeli Prime Minister Benjamin Netanyahu met U.S. President Joe Biden.',
            [ISRAELI, NETANYAHU, US, BIDEN],
        ),
        ('a', 'Israeli media said Joe Biden was angry.', [ISRAELI, BIDEN]),
        (
            'a',
            'Israel and Israeli officials met in Washington, the U.S. capital.',
            [ISRAEL, ISRAELI, ('Washington', 'GPE', 'Washington', 'place'), US],
        ),
        (
            'b',
            'Reuters reported that Joe Biden called Benjamin Netanyahu.',
            [('Reuters', 'ORG', 'Reuters', 'organization'), BIDEN, NETANYAHU],
        ),
        ('b', 'Joe Biden spoke to Benjamin Netanyahu.', [BIDEN, NETANYAHU]),
    ], sources={'b': 'Reuters'})

def named(pairs): return {(a, b): r for a, b, r in pairs.select('a', 'b', 'relation').iter_rows()}

def test_relations(toy):
    articles, sentences, mentions, actors = toy
    every = named(comentions(mentions, sentences, actors, articles=articles, trivial=True))
    assert every[('Benjamin Netanyahu', 'Israel')] == 'role' and every[('Joe Biden', 'United States')] == 'role'
    assert not any('Israeli' in p for p in every)  # "Israeli" counts as Israel: no pair of its own, none with Israel
    assert every[('United States', 'Washington')] == 'seat' and every[('Joe Biden', 'Reuters')] == 'outlet'
    assert (
        'Benjamin Netanyahu',
        'United States',
    ) not in every  # "U.S." belongs to Biden's mention, not a pair with Netanyahu
    news = comentions(mentions, sentences, actors, articles=articles)
    assert news['relation'].is_null().all() and set(named(news)) == {k for k, r in every.items() if r is None}
    bn = news.filter(a='Benjamin Netanyahu', b='Joe Biden').row(0, named=True)
    assert (bn['n'], bn['n_docs'], bn['n_linked'], bn['n_list']) == (3, 2, 3, 0)  # met, called, spoke to
    assert news.filter(a='Israel', b='Joe Biden')['n'].item() == 1  # "Israeli media ... Joe Biden": Israel's media

def test_demonym_stays_without_its_country():
    _, _, _, actors = frames(
        [
            ('a', 'Palestinian officials and Israel', [('Palestinian', 'NORP', 'Palestinian', 'group'), ISRAEL]),
            ('a', 'Israeli media', [ISRAELI]),
        ]
    )
    ids = dict(demonym_actors(actors).iter_rows())
    assert ids == {'israeli': 'israel'}  # no "Palestine" actor: "Palestinian" stays an actor of its own

def test_lists_and_clauses():
    G = lambda name: (name, 'GPE', name, 'place')
    articles, sentences, mentions, actors = frames([
        ('a', 'Egypt, Qatar and the United States mediated.', [G('Egypt'), G('Qatar'), G('United States')]),
        ('a', 'Hamas and Israel agreed.', [('Hamas', 'ORG', 'Hamas', 'organization'), ISRAEL]),
        ('a', 'Egypt said Qatar would host it; the United States stayed away.',
         [G('Egypt'), G('Qatar'), G('United States')])])
    links = sentence_links(mentions, sentences).collect().sort('sent_id', 'x_id', 'y_id')
    assert links['link'].to_list() == ['list'] * 3 + ['near'] + ['clause', 'sentence', 'sentence']
    pairs = comentions(mentions, sentences, actors, articles=articles)
    eq = pairs.filter(a='Egypt', b='Qatar').row(0, named=True)
    assert (eq['n'], eq['n_linked'], eq['n_list']) == (2, 1, 1)  # a list is no evidence of a link
    us = pairs.filter(a='Qatar', b='United States').row(0, named=True)
    # "Qatar and the United States" ends the list "Egypt, Qatar and ..."
    assert (us['n_linked'], us['n_list']) == (0, 1)


def test_affiliations_and_nationalities():
    O = lambda name: (name, 'ORG', name, 'organization')
    articles, sentences, mentions, actors = frames([
        ('a', "NBC's Meet the Press was live.", [O('NBC'), O('Meet the Press')]),
        ('a', "NBC's Meet the Press drew viewers.", [O('NBC'), O('Meet the Press')]),
        (
            'a',
            'Russian oil firm Yukos sold Yugansk.',
            [('Russian', 'NORP', 'Russian', 'group'), O('Yukos'), O('Yugansk')],
        ),
        ('a', 'Russia fined Yukos.', [('Russia', 'GPE', 'Russia', 'place'), O('Yukos')])])
    pairs = comentions(mentions, sentences, actors, articles=articles, trivial=True)
    nbc = pairs.filter(a='Meet the Press', b='NBC').row(0, named=True)
    assert (nbc['n'], nbc['n_linked']) == (2, 0)  # "X's Y": an affiliation, not an interaction
    ry = pairs.filter(a='Russia', b='Yukos').row(0, named=True)
    assert (ry['n'], ry['relation']) == (2, 'role') and ry[
        'n_linked'
    ] == 1  # "Russian oil firm Yukos": Yukos's nationality
    assert pairs.filter(a='Russia', b='Yugansk').height == 0  # "Russian" belongs to Yukos's mention there

def test_no_articles_no_outlet(toy):
    articles, sentences, mentions, actors = toy
    assert named(comentions(mentions, sentences, actors, trivial=True)).get(('Joe Biden', 'Reuters')) is None

def test_counts_add_over_parts(toy):
    articles, sentences, mentions, actors = toy
    parts = [pair_counts(mentions, sentences, actors, docs=[d], articles=articles) for d in ('a', 'b')]
    whole = pair_counts(mentions, sentences, actors, articles=articles)
    for trivial in (False, True):
        assert_frame_equal(measure(*add_pair_counts(*parts), trivial=trivial), measure(*whole, trivial=trivial))

def test_known_relations_custom():
    _, _, _, actors = frames(
        [('a', 'Gaza and Hamas', [('Gaza', 'GPE', 'Gaza', 'place'), ('Hamas', 'ORG', 'Hamas', 'organization')])]
    )
    rel = known_relations(actors, demonyms={}, seats={'Hamas': ['Gaza']})
    assert sorted(rel.rows()) == [('gaza', 'hamas', 'seat'), ('hamas', 'gaza', 'seat')]

def test_ranked_supported_first():
    p = pl.DataFrame({'a': ['x', 'y', 'z'], 'b': ['q'] * 3, 'n': [1, 2, 5], 'llr': [50.0, 3.0, 10.0]})
    assert ranked(p)['a'].to_list() == ['z', 'y', 'x']
    linked = p.with_columns(n_linked=pl.Series([2, 2, 1]), llr_linked=pl.Series([1.0, 2.0, 9.0]))
    # support and strength from the windows linked in one clause
    assert ranked(linked)['a'].to_list() == ['y', 'x', 'z']
    assert ranked(p, min_support=1)['a'].to_list() == ['x', 'z', 'y']
    with pytest.raises(Exception, match='by must be'): ranked(p, 'lift')

def test_evidence(toy):
    articles, sentences, mentions, actors = toy
    ev = comention_evidence(mentions, sentences, actors, articles, 'Joe Biden', 'Benjamin Netanyahu')
    assert ev['n_copies'].sum() == 3 and ev['doc_id'].head(2).n_unique() == 2  # one window per article first
    assert ev['link'].to_list()[0] == 'clause'
    none = comention_evidence(mentions, sentences, actors, articles, 'Netanyahu', 'United States')
    assert len(none) == 0  # the pair is not counted, so it has no evidence

def test_reprints_collapse():
    ev = pl.DataFrame({'doc_id': ['x', 'y', 'y', 'z'], 'w': [0, 0, 1, 0], 'title': None,
                       'text': ['A met B on 3 May.', 'A met B on 4 May', 'A and B, C and D.',
                                '"A met B on 3 May," AP said.'],
                       'link': pl.Series(['clause', 'clause', 'list', 'clause'], dtype=LINKS),
                       'published': [date(2024, 5, 2), date(2024, 5, 1), date(2024, 5, 1), date(2024, 5, 3)]})
    out = _best_first(ev)
    assert out.select('doc_id', 'w', 'n_copies').rows() == [('y', 0, 2), ('z', 0, 1), ('y', 1, 1)]

def test_bursts():
    windows = pl.DataFrame({'period': [date(2024, m, 1) for m in range(1, 7)], 'n_windows': [50, 50, 200, 200, 50, 50]},
                           schema_overrides={'n_windows': pl.UInt32})
    counts = pl.DataFrame(
        {
            'period': [date(2024, m, 1) for m in range(1, 7)],
            'a': 'A',
            'b': 'B',
            'a_id': 'a',
            'b_id': 'b',
            'n': [1, 1, 4, 4, 9, 1],
        }
    )
    b = comention_bursts(counts, windows)
    # March-April follow the corpus; May bursts
    assert b.select('start', 'end', 'n').rows() == [(date(2024, 5, 1), date(2024, 5, 31), 9)]


def test_sample(tmp_path):
    from newsexplore.corpus import Corpus
    c = Corpus.from_folder(DATA, cache_dir=tmp_path)
    pairs = c.comentions()
    own = known_relations(c.actors)
    roles = c.comentions(trivial=True).filter(relation='role')
    assert (
        pairs.head(20).join(own, on=['a_id', 'b_id']).height == 0
        and pairs.head(20).join(roles, on=['a_id', 'b_id']).height == 0
    )
    people = c.comentions(view='person-person')
    assert ('Antony Blinken', 'Benjamin Netanyahu') in people.head(2).select('a', 'b').rows()
    assert ('Antony Blinken', 'Benjamin Netanyahu') in pairs.head(10).select(
        'a', 'b'
    ).rows()  # the acceptance test
    groups = c.actors.filter(kind='group')['actor']  # demonyms with their country in the sample are folded into it
    assert not pairs.head(20).filter(pl.col('a').is_in(['Israeli', 'American', 'Egyptian', 'Qatari'])
                                     | pl.col('b').is_in(['Israeli', 'American', 'Egyptian', 'Qatari'])).height
    assert {'Israeli', 'Qatari'} <= set(groups)
    ot = comentions_over_time(c.mentions, c.sentences, c.actors, c.articles, pairs=pairs)
    tot = ot.group_by('a_id', 'b_id').agg(pl.col('n').sum()).join(pairs, on=['a_id', 'b_id'])
    assert (tot['n'] == tot['n_right']).all()  # over time counts as the pairs count
    assert period_windows(c.sentences, c.articles)['n_windows'].sum() == len(c.sentences)
