"""Actor resolution rules on hand-made mentions, so they do not depend on what the model predicts."""
import re
from datetime import date

import polars as pl
import pytest

from newsexplore.actors import ACTORS, read_aliases, resolve_actors
from newsexplore.core import NewsexploreError, check_schema

LABELS = pl.Enum(['CARDINAL', 'DATE', 'EVENT', 'FAC', 'GPE', 'LANGUAGE', 'LAW', 'LOC', 'MONEY', 'NORP',
                  'ORDINAL', 'ORG', 'PERCENT', 'PERSON', 'PRODUCT', 'QUANTITY', 'TIME', 'WORK_OF_ART'])


def corpus(*docs):
    """Articles and mentions from texts marked up as '[Antony Blinken|PERSON] met [Qatar|GPE]'."""
    arts, ments = [], []
    for i, (marked, published) in enumerate(docs):
        text, pos = '', 0
        for m in re.finditer(r'\[([^|\]]+)\|([A-Z_]+)\]', marked):
            text += marked[pos:m.start()]
            ments.append(
                {
                    'doc_id': f'd{i}',
                    'para_id': 0,
                    'sent_id': 0,
                    'start': len(text),
                    'end': len(text) + len(m[1]),
                    'text': m[1],
                    'label': m[2],
                }
            )
            text += m[1]; pos = m.end()
        text += marked[pos:]
        arts.append({'doc_id': f'd{i}', 'text': text, 'published': published})
    return (
        pl.DataFrame(
            ments,
            schema={
                'doc_id': pl.String,
                'para_id': pl.Int64,
                'sent_id': pl.Int64,
                'start': pl.Int64,
                'end': pl.Int64,
                'text': pl.String,
                'label': LABELS,
            },
        ),
        pl.DataFrame(arts, schema={'doc_id': pl.String, 'text': pl.String, 'published': pl.Date}),
    )


def actor_of(res, text):
    row = res.mentions.filter(pl.col('text') == text)
    assert row['actor'].n_unique() == 1, row
    return row['actor'][0]


def test_titles_nationality_and_possessives_become_roles():
    r = resolve_actors(
        *corpus(
            (
                "[U.S. Secretary of State Antony Blinken|PERSON] spoke. [Blinken's|PERSON] trip and [Blinken|GPE] "
                "again.",
                date(2024, 8, 21),
            )
        )
    )
    assert actor_of(r, "Blinken's") == actor_of(r, 'Blinken') == 'Antony Blinken'
    a = r.actors.filter(pl.col('actor') == 'Antony Blinken').row(0, named=True)
    assert a['kind'] == 'person' and a['roles'] == ['U.S. Secretary of State'] and a['n_mentions'] == 3
    check_schema(r.actors, ACTORS)


def test_surname_links_in_article_then_corpus_and_ambiguity_is_reported():
    m, a = corpus(('[Majed al-Ansari|PERSON] said. [Ansari|ORG] added.', None),
                  ('Prime Minister [Benjamin Netanyahu|PERSON] spoke.', None),
                  ('[Netanyahu|PERSON] said again.', None),
                  ('[Joe Biden|PERSON] and [Jill Biden|PERSON] came. [Biden|PERSON] spoke.', None),
                  ('[Biden|PERSON] spoke later.', None))
    r = resolve_actors(m, a)
    assert actor_of(r, 'Ansari') == 'Majed al-Ansari'
    assert actor_of(r, 'Netanyahu') == 'Benjamin Netanyahu'
    assert actor_of(r, 'Biden') == 'Biden'  # two Bidens: kept apart, not merged wrongly
    assert r.ambiguous.row(0, named=True) | {} == {
        'key': 'biden',
        'name': 'Biden',
        'candidates': ['jill biden', 'joe biden'],
        'n_docs': 2,
    }
    rules = dict(r.links.select('name', 'rule').iter_rows())
    assert rules['Ansari'] == 'surname_in_article' and rules['Netanyahu'] == 'surname_in_corpus'


def test_surname_in_corpus_when_unambiguous_and_never_for_places():
    r = resolve_actors(
        *corpus(
            ('[Kheir Diabat|PERSON] said.', None),
            ('[Diabat|PERSON] said.', None),
            ('[George Washington|PERSON] was president.', None),
            ('They met in [Washington|GPE].', None),
        )
    )
    assert (
        actor_of(r, 'Diabat') == 'Kheir Diabat'
        and dict(r.links.select('name', 'rule').iter_rows())['Diabat'] == 'surname_in_corpus'
    )
    assert actor_of(r, 'Washington') == 'Washington'


def test_acronyms_in_either_order_and_variants_table():
    r = resolve_actors(
        *corpus(
            ('the [Israel Defense Forces|ORG] (IDF) said. The [IDF|ORG] struck.', None),
            ('the [Qatar Investment Authority|ORG] ([QIA|ORG]) invests; [QIA|ORG] grew.', None),
            ('[US|GPE], [U.S.|GPE], [USA|GPE], [the United States|GPE] and [United States|GPE].', None),
        )
    )
    assert actor_of(r, 'IDF') == 'Israel Defense Forces'
    assert actor_of(r, 'QIA') == 'Qatar Investment Authority'
    us = r.actors.filter(pl.col('actor') == 'United States').row(0, named=True)
    assert us['n_mentions'] == 5 and us['kind'] == 'place'


def test_demonyms_stay_groups_unless_asked():
    m, a = corpus(('[Israeli|NORP] forces and [Israel|GPE].', None))
    assert actor_of(resolve_actors(m, a), 'Israeli') == 'Israeli'
    assert actor_of(resolve_actors(m, a, demonyms=True), 'Israeli') == 'Israel'


def test_never_merges_what_differs():
    r = resolve_actors(
        *corpus(
            ('[Israel|GPE] and the [Israel Defense Forces|ORG].', None),
            ('[Qatar|GPE] and [Qatar University|ORG].', None),
            ('[Bangaldesh|GPE] lost.', None),
            ('[Bangladesh|GPE] won in [Bangladesh|GPE].', None),
        )
    )
    assert len({actor_of(r, t) for t in ('Israel', 'Israel Defense Forces', 'Qatar', 'Qatar University')}) == 4
    assert actor_of(r, 'Bangaldesh') == 'Bangladesh'
    assert (
        resolve_actors(
            *corpus(('[Bangaldesh|GPE] lost.', None), ('[Bangladesh|GPE] won.', None)), fuzzy=False
        ).actors.height
        == 2
    )


def test_kind_is_decided_by_all_mentions():
    r = resolve_actors(
        *corpus(
            ('[Baris Doster|ORG], an academic at [Marmara University|ORG], said. [Doster|ORG] added.', None),
            ('[Rafah|PERSON] and [Rafah|GPE].', None),
        )
    )
    kinds = dict(r.actors.select('actor', 'kind').iter_rows())
    assert kinds['Baris Doster'] == 'person' and kinds['Marmara University'] == 'organization'
    assert kinds['Rafah'] == 'place'  # a tie goes to place


def test_curation_file(tmp_path):
    m, a = corpus(
        (
            '[Hizbollah|ORG] and [Hezbollah|ORG]; [Xinhua|ORG] reports; [Joe Biden|PERSON] met [Sheikh Tamim|PERSON].',
            None,
        ),
        ('[Tamim|PERSON] and [Tamim bin Hamad Al Thani|PERSON].', None),
    )
    rules = tmp_path / 'aliases.csv'
    rules.write_text(
        'action,name,target\nmerge,Hizbollah,Hezbollah\nignore,Xinhua,\nrename,Joe Biden,President '
        'Biden\nsplit,Tamim,Tamim Doe\n'
    )
    r = resolve_actors(m, a, aliases=rules)
    assert actor_of(r, 'Hizbollah') == actor_of(r, 'Hezbollah') == 'Hezbollah'
    assert actor_of(r, 'Xinhua') is None and 'Xinhua' not in r.actors['actor'].to_list()
    assert actor_of(r, 'Joe Biden') == 'President Biden'
    assert actor_of(r, 'Tamim') == 'Tamim Doe' and actor_of(r, 'Tamim bin Hamad Al Thani') == 'Tamim bin Hamad Al Thani'
    rules.write_text('action,name,target\nexplode,A,B\n')
    with pytest.raises(NewsexploreError, match='line 2'): read_aliases(rules)


def test_non_actor_labels_get_no_actor_and_dates_come_from_articles():
    r = resolve_actors(
        *corpus(
            ('[Gaza|GPE] on [Tuesday|DATE] lost [40|CARDINAL].', date(2024, 8, 21)), ('[Gaza|GPE].', date(2024, 3, 20))
        )
    )
    assert r.mentions.filter(pl.col('label') != 'GPE')['actor'].null_count() == 2
    assert r.actors.select('first', 'last', 'n_docs').row(0) == (date(2024, 3, 20), date(2024, 8, 21), 2)


NAMES = [('Antony Blinken', 'PERSON'), ('Blinken', 'PERSON'), ('Blinken', 'GPE'),
         ('Secretary of State Antony Blinken', 'PERSON'),
         ('Joe Biden', 'PERSON'),
         ('Jill Biden', 'PERSON'),
         ('Biden', 'PERSON'),
         ('Bangladesh', 'GPE'),
         ('Bangaldesh', 'GPE'),
         ('Israel Defense Forces', 'ORG'),
         ('IDF', 'ORG'),
         ('Tories', 'NORP'),
         ('Tory', 'NORP'),
         ('Fox', 'PERSON'),
         ('Fox', 'ORG'),
         ('Liam Fox', 'PERSON'), ('Qatar', 'GPE'), ('the US', 'GPE'), ('United States', 'GPE'), ('Hamas', 'ORG')]


@pytest.mark.parametrize('seed', range(6))
def test_any_split_into_parts_resolves_as_one_piece(seed, tmp_path):
    """resolve_parts over articles split into parts (as for a corpus larger than memory) == resolve_actors in one
    piece."""
    import random
    from newsexplore.actors import resolve_parts
    from polars.testing import assert_frame_equal
    rnd = random.Random(seed)
    docs = []
    for i in range(rnd.randint(3, 14)):
        picks = rnd.choices(NAMES, k=rnd.randint(1, 6))
        text = ' and '.join(f'[{n}|{l}]' for n, l in picks) + ' met.'
        if rnd.random() < 0.2: text += ' the [Israel Defense Forces|ORG] (IDF) said.'
        docs.append((text, date(2024, 1 + i % 12, 1 + i)))
    m, a = corpus(*docs)
    whole = resolve_actors(m, a)
    cut = sorted(rnd.sample(range(1, len(docs)), rnd.randint(0, min(4, len(docs) - 1))))
    groups = [[f'd{j}' for j in range(lo, hi)] for lo, hi in zip([0, *cut], [*cut, len(docs)])]
    part = lambda ids: (lambda: (m.filter(pl.col('doc_id').is_in(ids)), a.filter(pl.col('doc_id').is_in(ids)), None))
    out = {}
    res = resolve_parts([part(g) for g in groups], out.__setitem__, spill=tmp_path if seed % 2 else None)
    assert_frame_equal(res.actors, whole.actors)
    assert_frame_equal(res.links, whole.links)
    assert_frame_equal(res.ambiguous, whole.ambiguous)
    assert_frame_equal(pl.concat(out.values()), whole.mentions)
    assert whole.actors['actor_id'].is_unique().all()


def test_accented_and_plain_spellings_are_one_actor():
    "Erdoğan/Erdogan, Zürich/Zurich (a case made after everypolitician#404), and a leading 'The' (MEANTIME)."
    res = resolve_actors(*corpus(
        (
            'Turkish President [Recep Tayyip Erdoğan|PERSON] met European leaders on Monday. [Erdoğan|PERSON] said so.',
            date(2024, 1, 1),
        ),
        (
            'President [Erdogan|PERSON] hosted the delegation on Tuesday. [Erdogan|PERSON] told reporters.',
            date(2024, 1, 2),
        ),
        ('Voters in [Zürich|GPE] backed the plan. Officials in [Zurich|GPE] said turnout was high.', date(2024, 1, 3)),
        ('[The Air Force|ORG] said so, and the [Air Force|ORG] agreed; [Łódź|GPE] and [Lodz|GPE] too.',
         date(2024, 1, 4))))
    assert actor_of(res, 'Erdogan') == actor_of(res, 'Recep Tayyip Erdoğan')
    assert actor_of(res, 'Zurich') == actor_of(res, 'Zürich')
    assert actor_of(res, 'The Air Force') == actor_of(res, 'Air Force')
    assert actor_of(res, 'Łódź') == actor_of(res, 'Lodz')


def test_a_given_name_links_only_within_its_article():
    "issue 15: 'Michael' is Michael Jackson in his articles and no one across the corpus, never Alun Michael."
    r = resolve_actors(
        *corpus(
            ('[Michael Jackson|PERSON] sang. [Michael|PERSON] danced.', None),
            ('[Michael Douglas|PERSON] and [Michael Howard|PERSON] met.', None),
            ('[Alun Michael|PERSON] spoke.', None),
            ("[Michael|PERSON]'s doctor spoke.", None),
            ('[Barack Obama|PERSON] spoke.', None),
            ('[Obama|PERSON] spoke.', None),
        )
    )
    linked = r.mentions.filter(pl.col('text') == 'Michael').sort('doc_id')['actor'].to_list()
    assert linked == ['Michael Jackson', None]  # alone in its article: listed as ambiguous, no actor of its own
    assert 'Michael' not in r.actors['actor'].to_list()
    assert actor_of(r, 'Obama') == 'Barack Obama'  # a surname still links across the corpus
    amb = r.ambiguous.filter(pl.col('key') == 'michael').row(0, named=True)
    assert amb['candidates'] == ['alun michael', 'michael douglas', 'michael howard', 'michael jackson']


def test_honorifics_and_abbreviated_titles_leave_the_name_whatever_its_label():
    "issue 15: 'Adm Allen' is Thad Allen (with the role), 'Dr Fukuda' tagged ORG is Keiji Fukuda."
    r = resolve_actors(
        *corpus(
            ('[Thad Allen|PERSON] spoke. [Adm Allen|PERSON] said more. [Lt. Gen Ken Keen|PERSON] too.', None),
            ('[Keiji Fukuda|PERSON] warned. [Dr Fukuda|ORG] said so.', None),
        )
    )
    assert actor_of(r, 'Adm Allen') == 'Thad Allen' and actor_of(r, 'Dr Fukuda') == 'Keiji Fukuda'
    assert actor_of(r, 'Lt. Gen Ken Keen') == 'Ken Keen'
    roles = dict(r.actors.select('actor', 'roles').iter_rows())
    assert 'Adm' in roles['Thad Allen'] and roles['Keiji Fukuda'] in (None, [])


def test_middle_initials_and_short_given_names_are_one_person():
    "issue 15: 'Kenneth R. Feinberg', 'Ken Feinberg' are Kenneth Feinberg; two Bushes and three Joneses stay apart."
    r = resolve_actors(
        *corpus(
            ('[Kenneth R. Feinberg|PERSON] paid. [Kenneth Feinberg|PERSON] spoke to [Kenneth Feinberg|PERSON].', None),
            ('[Ken Feinberg|PERSON] spoke.', None),
            ('[George W. Bush|PERSON] and [George H. W. Bush|PERSON] met [George Bush|PERSON].', None),
            ('[Ken Jones|PERSON], [Kenneth Jones|PERSON] and [Tom Jones|PERSON] sang.', None),
        )
    )
    assert actor_of(r, 'Kenneth R. Feinberg') == actor_of(r, 'Ken Feinberg') == 'Kenneth Feinberg'
    assert len({actor_of(r, n) for n in ('George W. Bush', 'George H. W. Bush')}) == 2
    assert actor_of(r, 'Ken Jones') != actor_of(r, 'Kenneth Jones')


def test_a_short_form_tagged_org_or_place_joins_no_person_across_the_corpus():
    """issue 15: a mention tagged as a place or organisation never joins a person by surname across the corpus ('Villa'
    the club, 'Hay' the town, in articles that name no such person); a person's own short form does."""
    r = resolve_actors(
        *corpus(
            ('[Aston Villa|PERSON] lost at home.', None),
            ('[Villa|ORG] won, and [Villa|ORG] fans sang.', None),
            ('[Old Hay|PERSON] was born there.', None),
            ('The festival in [Hay|GPE] opened; [Hay|GPE] was full.', None),
            ('[Tony Hayward|PERSON] spoke.', None),
            ('[Hayward|PERSON] said more.', None),
        )
    )
    for place in ('Villa', 'Hay'):
        kinds = r.mentions.filter(pl.col('text') == place).join(r.actors, on='actor_id')['kind'].unique().to_list()
        assert kinds and 'person' not in kinds, (place, kinds)
    assert actor_of(r, 'Hayward') == 'Tony Hayward'


def test_a_royal_title_before_one_given_name_is_part_of_the_name():
    "issue 15: 'Prince Charles' in an article naming Charles Kennedy stays Prince Charles (was Charles Kennedy)."
    r = resolve_actors(
        *corpus(
            ('[Prince Charles|PERSON] will marry. [Charles Kennedy|PERSON] sent his wishes.', None),
            ('[Charles Kennedy|PERSON] spoke. [Prince William|PERSON] smiled.', None),
        )
    )
    assert actor_of(r, 'Prince Charles') == 'Prince Charles'
    assert actor_of(r, 'Prince William') == 'Prince William'
    kennedy = r.actors.filter(pl.col('actor') == 'Charles Kennedy').row(0, named=True)
    assert 'Prince' not in (kennedy['roles'] or []) and kennedy['n_mentions'] == 2


def test_junk_before_a_title_doubled_titles_and_case_variants_leave_roles():
    "issue 15: 'Maybe President', 'End Quote President', 'US president' beside 'US President' were roles of their own."
    r = resolve_actors(
        *corpus(
            ('Maybe President [Barack Obama|PERSON] spoke. End Quote President [Barack Obama|PERSON] spoke.', None),
            ('[US|GPE] President [Barack Obama|PERSON] spoke. [US|GPE] president [Barack Obama|PERSON] too.', None),
            ('Homeland Secretary Secretary [Janet Napolitano|PERSON] spoke.', None),
        )
    )
    roles = dict(r.actors.select('actor', 'roles').iter_rows())
    assert roles['Barack Obama'] == ['President', 'US President']
    assert roles['Janet Napolitano'] == ['Secretary']


def test_an_acronym_joins_the_one_organisation_of_its_initials_named_beside_it():
    "issue 15: 'EPA' apart from 'Environmental Protection Agency' with no 'Full Name (ACR)' in the corpus."
    r = resolve_actors(
        *corpus(
            ('[Environmental Protection Agency|ORG] said. [EPA|ORG] agreed.', None),
            ('[Environmental Protection Agency|ORG] and [Environmental Protection Agency|ORG] again.', None),
            ('[EPA|ORG] said.', None),
            ('[NIH|ORG] said so.', None),
            ('[Napoli Inn Hotel|ORG] x3 [Napoli Inn Hotel|ORG] [Napoli Inn Hotel|ORG].', None),
        )
    )
    assert actor_of(r, 'EPA') == actor_of(r, 'Environmental Protection Agency')
    assert actor_of(r, 'NIH') != actor_of(r, 'Napoli Inn Hotel')  # never named in one article
