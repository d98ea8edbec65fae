"""Defects still seen on real archives (issue 15, timeline17 and BBC), on small made-up articles: roles that ran
past their person, outlets as qualifiers, furniture glued to names, lower-case spans, lone given names, kinds."""
from datetime import date

import polars as pl

from newsexplore.actors import resolve_actors
from test_actors import actor_of, corpus


def roles(res, actor):
    return res.actors.filter(pl.col('actor') == actor)['roles'][0].to_list()


def test_a_role_stops_at_another_persons_name_and_never_ends_on_a_function_word():
    r = resolve_actors(*corpus((
        'Secretary of Homeland Security [Janet Napolitano|PERSON] and Secretary of [Ken Salazar|PERSON] said so. '
        'The board named [Bob Dudley|PERSON], the new Head of [BP|ORG] and [Tony Hayward|PERSON] agreed. '
        'Dr [Richard Besser|PERSON], acting director of the U.S. Centers for Disease Control told reporters.',
        date(2010, 6, 1))))
    assert roles(r, 'Ken Salazar') == []  # nothing of Napolitano's, no "Secretary of ... and Secretary of"
    assert roles(r, 'Janet Napolitano') == ['Secretary of Homeland Security']
    assert roles(r, 'Bob Dudley') == ['new Head of BP']  # stops before Hayward, without "and"
    assert roles(r, 'Richard Besser') == ['acting director']  # not "acting director of the U"


def test_a_participle_before_a_title_is_part_of_it_and_abbreviations_are_one_role():
    r = resolve_actors(*corpus((
        '[BP|ORG] Managing Director [Bob Dudley|PERSON] spoke. Later Maybe Director [Bob Dudley|PERSON] left. '
        '[Coast Guard|ORG] Adm [Thad Allen|PERSON] came. Then [Coast Guard|ORG] Adm. [Thad Allen|PERSON] and '
        '[Coast Guard|ORG] Adm. '
        '[Thad Allen|PERSON] went.', date(2010, 6, 1))))
    assert roles(r, 'Bob Dudley') == ['BP Managing Director', 'Director']
    assert roles(r, 'Thad Allen') == ['Coast Guard Adm.']


def test_a_news_outlet_in_a_credit_is_no_qualifier_of_the_role_after_it():
    credits = ' '.join(f'He told [Reuters|ORG] on day {i}. Photograph: [AP|ORG] Day {i}.' for i in range(3))
    r = resolve_actors(*corpus((
        credits + ' Photograph: [AP|ORG] BP CEO [Tony Hayward|PERSON] spoke. [Reuters|ORG] Rep. [Joe Barton|PERSON] '
        'apologised. The [Reuters|ORG] Chairman [Tom Glocer|PERSON] did not. [BP|ORG] CEO [Tony Hayward|PERSON] '
        'agreed.', date(2010, 6, 1))))
    assert roles(r, 'Tony Hayward') == ['BP CEO']
    assert roles(r, 'Joe Barton') == ['Rep.']
    assert roles(r, 'Tom Glocer') == ['Reuters Chairman']  # inside a sentence, the outlet qualifies the title


def test_furniture_and_a_trailing_abbreviated_title_leave_the_name():
    r = resolve_actors(*corpus((
        '[Tony Hayward|PERSON] spoke. [NEXT Mr Hayward|ORG] left. [Coast Guard Adm.|ORG] [Thad Allen|PERSON] came '
        'and the [Coast Guard|ORG] said so. [Coast Guard Rear Adm.|ORG] [Mary Landry|PERSON] agreed.',
        date(2010, 6, 1))))
    assert actor_of(r, 'NEXT Mr Hayward') == 'Tony Hayward'
    assert actor_of(r, 'Coast Guard Adm.') == actor_of(r, 'Coast Guard Rear Adm.') == 'Coast Guard'
    assert 'Coast Guard Adm.' in roles(r, 'Thad Allen')  # the title is the next person's


def test_a_nationality_before_an_organisation_joins_it_in_one_article_never_a_one_word_noun():
    r = resolve_actors(*corpus(
        ('The [US Coast Guard|ORG] said the [Coast Guard|ORG] would stay.', date(2010, 6, 1)),
        ('The [Irish Government|ORG] and the [Government|ORG] met.', date(2010, 6, 2)),
        ('The [US Navy|ORG] came.', date(2010, 6, 3)),
        ('The [Navy|ORG] came.', date(2010, 6, 4)),
        ('The [American Red Cross|ORG] and the [Red Cross|ORG] helped.', date(2010, 6, 5)),
        ('The [British Red Cross|ORG] and the [Red Cross|ORG] helped.', date(2010, 6, 6)),
    ))
    assert actor_of(r, 'US Coast Guard') == actor_of(r, 'Coast Guard')
    assert actor_of(r, 'Irish Government') != actor_of(r, 'Government')
    assert actor_of(r, 'US Navy') != actor_of(r, 'Navy')  # one word, and never named together
    assert actor_of(r, 'American Red Cross') != actor_of(r, 'British Red Cross')  # two national bodies


def test_a_lower_case_span_of_an_acronym_is_no_mention_of_it():
    r = resolve_actors(*corpus((
        'The [UN|ORG] and the [UN|ORG] met; [un|ORG] jour later [WHO|ORG] spoke. The [Gulf|LOC] and the [gulf|LOC].',
        date(2010, 6, 1))))
    assert actor_of(r, 'UN') == 'United Nations' and actor_of(r, 'un') is None
    assert actor_of(r, 'gulf') == 'Gulf'  # no acronym: the case says nothing
    assert 'un' not in r.actors['actor'].to_list()


def test_a_lone_given_name_is_listed_as_ambiguous_not_an_actor():
    r = resolve_actors(*corpus(
        ('[John Smith|PERSON] spoke.', None), ('[John Brown|PERSON] spoke.', None),
        ('[John Major|PERSON] spoke. [John|PERSON] left.', None),
        ('[John|PERSON] and [Mary|PERSON] fish. [John|PERSON] said so.', None),
    ))
    john = r.mentions.filter(pl.col('text') == 'John').sort('doc_id', 'start')['actor'].to_list()
    assert john == ['John Major', None, None]
    assert 'John' not in r.actors['actor'].to_list()
    candidates = r.ambiguous.filter(pl.col('key') == 'john')['candidates'].to_list()
    assert candidates == [['john brown', 'john major', 'john smith']]


def test_the_last_word_of_a_things_name_links_to_it_in_its_article_only():
    r = resolve_actors(*corpus(
        ('The [Deepwater Horizon|ORG] sank. [Horizon|ORG] had 126 crew. The [White House|ORG] and the [House|ORG] met.',
         None),
        ('[Horizon|ORG] Lines ships freight.', None),
        ('[TNK-BP|ORG] is not [BP|ORG].', None),
    ))
    horizon = r.mentions.filter(pl.col('text') == 'Horizon').sort('doc_id')['actor'].to_list()
    assert horizon == ['Deepwater Horizon', 'Horizon']
    assert actor_of(r, 'House') == 'House' and actor_of(r, 'BP') == 'BP'


def test_context_makes_things_and_teams_of_what_the_model_calls_organisations_or_persons():
    docs = [(f'Oil spewed from the [Macondo|ORG] well on day {i}. The hearing is at 10:00 EDT (1400 [GMT|ORG]). '
             f'Mud went into the blowout preventer ([BOP|ORG]) again.', None) for i in range(6)]
    docs += [('[Chelsea|ORG] beat [Aston Villa|PERSON] 2-1. Leeds v [Aston Villa|PERSON] is off.', None)] * 3
    r = resolve_actors(*corpus(*docs))
    kind = dict(r.actors.select('actor', 'kind').iter_rows())
    assert kind['Macondo'] == kind['GMT'] == kind['BOP'] == 'other'
    assert kind['Aston Villa'] == 'organization' and kind['Chelsea'] == 'organization'
