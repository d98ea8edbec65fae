"""Curation (issue 18): the aliases file means what it says, in order; it lives where every entry point finds it;
applying rules one by one, as the explorer does, gives what loading the whole file gives."""
import tempfile
import warnings
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from polars.testing import assert_frame_equal

from newsexplore import Corpus
from newsexplore.actors import add_rule, read_aliases, resolve_actors, undo_rule
from newsexplore.cli import main
from newsexplore.core import NewsexploreError
from newsexplore.corpus import default_aliases
from test_actors import corpus as marked

ROOT = Path(__file__).resolve().parents[1]
DOCS = [
    (
        '[Arab Weekly|ORG] said [Israel|GPE] and [Hamas|ORG] met; [Antony Blinken|PERSON] and [Blinken|PERSON] too.',
        date(2024, 8, 1),
    ),
    ('[Israel|GPE], [Israel|GPE] and [Hamas|ORG]; [Xinhua|ORG] reports; [Joe Biden|PERSON] spoke.', date(2024, 8, 2)),
    ('[Qatar|GPE] hosted [Hamas|ORG]; [Biden|PERSON] called [Israel|GPE].', date(2024, 8, 3)),
]


def resolve(tmp_path, text, docs=DOCS):
    (f := tmp_path / 'aliases.csv').write_text(text)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter('always')
        r = resolve_actors(*marked(*docs), aliases=f)
    return r, [str(w.message) for w in said]


def row(r, name):
    hit = r.actors.filter(pl.col('actor') == name)
    return hit.row(0, named=True) if len(hit) else None


def test_rules_apply_in_file_order(tmp_path):
    base = resolve_actors(*marked(*DOCS))
    ids = dict(base.actors.select('actor', 'actor_id').iter_rows())
    r, said = resolve(
        tmp_path,
        'action,name,target\n# chained renames end at the last name\nrename,Joe Biden,President Biden\n'
        'rename,President Biden,Biden (46th)\n\nrename,Israel,State of Israel\n'
        'merge,Arab Weekly,State of Israel\nrename,Antony Blinken,Secretary\nignore,Secretary\n',
    )
    assert said == []
    assert row(r, 'Biden (46th)')['actor_id'] == ids['Joe Biden'] and row(r, 'President Biden') is None
    # a merge into the renamed actor, by its new name: the target's name, kind and id
    israel = row(r, 'State of Israel')
    assert (israel['kind'], israel['actor_id'], israel['n_mentions']) == ('place', ids['Israel'], 5)
    assert 'Arab Weekly' in israel['aliases'] and row(r, 'Arab Weekly') is None
    # ignore after a rename hits the renamed actor
    assert row(r, 'Antony Blinken') is None and row(r, 'Secretary') is None
    assert r.mentions.filter(pl.col('text') == 'Blinken')['actor'].to_list() == [None]
    assert r.actors['actor_id'].is_unique().all() and r.actors['actor'].is_unique().all()


def test_merged_actor_keeps_target_name_and_kind(tmp_path):
    r, _ = resolve(tmp_path, 'action,name,target\nmerge,Arab Weekly,Israel\n')
    israel = row(r, 'Israel')
    assert israel['kind'] == 'place' and israel['n_docs'] == 3 and row(r, 'Arab Weekly') is None
    assert set(r.mentions.filter(pl.col('text') == 'Arab Weekly')['actor']) == {'Israel'}


def test_rules_that_change_nothing_are_warnings(tmp_path):
    r, said = resolve(
        tmp_path,
        'action,name,target\nmerge,Xinhua,Nobody\nignore,Nobody,\nrename,Antony Blinken,Israel\n'
        'merge,Blinken,Antony Blinken\nsplit,Nobody,\n',
    )
    assert row(r, 'Xinhua') is not None and row(r, 'Antony Blinken') is not None  # merge X -> Nobody keeps X
    assert r.warnings.select('line', 'warning').rows() == [
        (2, 'the target "Nobody" is no actor: "Xinhua" kept as it is'), (3, '"Nobody" is no actor: rule not applied'),
        (4, '"Israel" is already an actor: not renamed (to make them one actor, write merge,Antony Blinken,Israel)'),
        (5, '"Blinken" and "Antony Blinken" are already one actor'), (6, '"Nobody" is no name in the corpus')]
    assert len(said) == 1 and '5 rule(s) changed nothing' in said[0] and 'line 2:' in said[0]  # warned once


def test_empty_and_comment_only_files_are_no_rules(tmp_path):
    base = resolve_actors(*marked(*DOCS))
    for text in ('', '# nothing yet\n', 'action,name,target\n', '\n\n# a\n  # b\naction,name,target\n\n'):
        r, said = resolve(tmp_path, text)
        assert_frame_equal(r.actors, base.actors) and said == [] and r.warnings.is_empty()


def test_actor_id_survives_renames_and_does_not_depend_on_the_name(tmp_path):
    base = resolve_actors(*marked(*DOCS))
    r, _ = resolve(tmp_path, 'action,name,target\nrename,Hamas,Harakat al-Muqawama\nrename,Qatar,State of Qatar\n')
    assert dict(zip(base.actors['actor_id'], base.actors['n_mentions'])) == dict(
        zip(r.actors['actor_id'], r.actors['n_mentions'])
    )
    assert row(r, 'State of Qatar')['actor_id'] == row(base, 'Qatar')['actor_id']
    two = [('[Fox|PERSON] spoke.', None), ('[Fox|ORG] aired it.', None), ('[Fox|ORG] again.', None)]
    foxes = resolve_actors(*marked(*two)).actors
    assert foxes['actor_id'].is_unique().all() and foxes['actor'].is_unique().all()


def test_duplicate_rules_are_not_written_and_undo_edits_the_file(tmp_path):
    f = tmp_path / 'data' / '.newsexplore' / 'aliases.csv'
    add_rule(f, 'merge', 'Arab Weekly', 'Israel')
    with pytest.warns(UserWarning, match='not written again'):
        assert add_rule(f, 'merge', 'Arab Weekly', 'Israel').rows() == [('merge', 'Arab Weekly', 'Israel')]
    assert f.read_text() == 'action,name,target\nmerge,Arab Weekly,Israel\n'
    assert undo_rule(f).is_empty() and not f.exists() and not f.parent.exists()


def test_refused_rules(tmp_path):
    actors = resolve_actors(*marked(*DOCS)).actors
    f = tmp_path / 'aliases.csv'
    with pytest.raises(NewsexploreError, match='"Nobody" is not an actor'):
        add_rule(f, 'merge', 'Xinhua', 'Nobody', actors=actors)
    with pytest.raises(NewsexploreError, match='merge into it instead'):
        add_rule(f, 'rename', 'Joe Biden', 'ISRAEL', actors=actors)
    assert not f.exists()
    add_rule(f, 'rename', 'Joe Biden', 'joe biden', actors=actors)  # a change of case is no clash with itself
    assert read_aliases(f).rows() == [('rename', 'Joe Biden', 'joe biden')]


@pytest.fixture(scope='module')
def cache():
    "The sample's extraction, made once for this module."
    c = Corpus.from_folder(
        ROOT / 'data', cache_dir=Path(tempfile.mkdtemp()), aliases=Path(tempfile.mkdtemp()) / 'none.csv', progress=False
    )
    c.actors
    return c.cache_dir


def _rule(data, actors):
    "A rule as an analyst writes one in the explorer: on an actor shown, with a target among actors or a new name."
    names = actors['actor'].head(12).to_list()
    action = data.draw(st.sampled_from(['merge', 'rename', 'ignore', 'split']), label='action')
    if action == 'split':
        return (
            action,
            data.draw(st.sampled_from(['Blinken', 'Netanyahu', 'US', 'Nobody'])),
            data.draw(st.sampled_from([None, 'Split Off'])),
        )
    name = data.draw(st.sampled_from(names + ['Nobody']), label='name')
    if action == 'ignore': return action, name, None
    extra = ['Nobody'] if action == 'merge' else ['State of Israel', 'The Group', 'israel']
    return action, name, data.draw(st.sampled_from(names + extra), label='target')


def _effect(before, after, action, name, target):
    "What one accepted rule must visibly do to the actors."
    old = before.filter(pl.col('actor') == name)
    if action == 'split' or old.is_empty(): return
    old, ids = old.row(0, named=True), set(after['actor_id'])
    if action == 'ignore': assert old['actor_id'] not in ids
    elif action == 'rename':
        clash = before.filter(pl.col('actor').str.to_lowercase() == target.lower(), pl.col('actor') != name)
        now = after.filter(pl.col('actor_id') == old['actor_id'])['actor'].to_list()
        assert now == ([name] if len(clash) else [target]), (now, target)
    elif len(into := before.filter(pl.col('actor') == target)) and target != name:
        into = into.row(0, named=True)
        assert old['actor_id'] not in ids
        got = after.filter(pl.col('actor_id') == into['actor_id']).row(0, named=True)
        assert (got['actor'], got['kind'], got['n_mentions']) == (
            into['actor'],
            into['kind'],
            into['n_mentions'] + old['n_mentions'],
        )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_rules_one_by_one_equal_the_file_at_load(cache, data):
    "add_rule + reload_actors after each rule (the explorer's way) == the whole file applied when the corpus loads."
    path = Path(tempfile.mkdtemp()) / '.newsexplore' / 'aliases.csv'
    work = Corpus.from_folder(ROOT / 'data', cache_dir=cache, aliases=path, progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for _ in range(data.draw(st.integers(1, 6), label='n_rules')):
            before = work.actors
            action, name, target = _rule(data, before)
            # the explorer checks against the actors; a script may not
            checked = data.draw(st.booleans(), label='checked')
            try: add_rule(path, action, name, target, actors=before if checked else None)
            except NewsexploreError: continue
            _effect(before, work.reload_actors(path).actors, action, name, target)
        fresh = Corpus.from_folder(ROOT / 'data', cache_dir=cache, aliases=path, progress=False)
        assert_frame_equal(fresh.actors, work.actors)
        assert_frame_equal(fresh.mentions, work.mentions)
        assert_frame_equal(fresh.actor_warnings, work.actor_warnings)
    a = work.actors
    assert a['actor_id'].is_unique().all() and a['actor'].str.to_lowercase().is_unique().all()
    assert set(work.mentions['actor_id'].drop_nulls()) <= set(a['actor_id'])


def test_every_entry_point_finds_the_corpus_curation(cache, tmp_path):
    data = tmp_path / 'data'
    data.mkdir()
    for f in (ROOT / 'data').iterdir():
        if f.is_file(): (data / f.name).write_bytes(f.read_bytes())
    path = default_aliases(data)
    assert path == data / '.newsexplore' / 'aliases.csv'
    add_rule(path, 'merge', 'Arab Weekly', 'Israel')
    add_rule(path, 'rename', 'Israel', 'State of Israel')
    c = Corpus.from_folder(data, cache_dir=cache, progress=False)
    assert c.settings.aliases == path and 'State of Israel' in c.actors['actor'].to_list()
    assert len(c) == 2 and c.problems.is_empty()  # the curation folder is never loaded
    assert main(['extract', str(data), '-o', str(tmp_path / 'out'), '--cache-dir', str(cache), '--no-progress']) == 0
    out = (
        pl.read_csv(tmp_path / 'out' / 'actors.csv')
        if (tmp_path / 'out' / 'actors.csv').exists()
        else pl.read_parquet(tmp_path / 'out' / 'actors.parquet')
    )
    assert 'State of Israel' in out['actor'].to_list() and 'Arab Weekly' not in out['actor'].to_list()
    other = tmp_path / 'other.csv'
    other.write_text('action,name,target\nignore,Israel,\n')
    assert (
        'Israel'
        not in Corpus.from_folder(data, cache_dir=cache, aliases=other, progress=False).actors['actor'].to_list()
    )
    assert main(['summary', str(data), '--aliases', str(tmp_path / 'typo.csv')]) != 0  # a named file that is not there


def test_legacy_file_is_read_and_never_loaded(cache, tmp_path):
    data = tmp_path / 'data'
    data.mkdir()
    for f in (ROOT / 'data').iterdir():
        if f.is_file(): (data / f.name).write_bytes(f.read_bytes())
    (data / 'newsexplore-aliases.csv').write_text('action,name,target\nignore,Hamas,\n')
    for source in (data, [data, str(data / '*aliases.csv')], [data, data / 'newsexplore-aliases.csv']):
        c = Corpus.from_folder(source, cache_dir=cache, progress=False)
        assert c.settings.aliases == data / 'newsexplore-aliases.csv' and len(c) == 2
        assert c.problems.filter(pl.col('severity') != 'info').is_empty()
        assert 'Hamas' not in c.actors['actor'].to_list()
