"Tests of `newsexplore.extract` beyond the notebook's examples: offsets, paragraph rules, and the cache."
import os, warnings
from pathlib import Path
from unittest import mock
import polars as pl
import pytest
from hypothesis import given, settings, strategies as st
from polars.testing import assert_frame_equal
from spacy.tokens import Doc
from spacy.vocab import Vocab
from newsexplore.core import SchemaError
from newsexplore.load import load_articles
from newsexplore import extract as ex

DATA = Path(__file__).parent.parent/'data'

def frames(docs:dict) -> tuple[pl.DataFrame, pl.DataFrame]:
    "`articles`, `paragraphs` from {doc_id: [(kind, text), ...]}, laid out like the loader's (titles outside the text)."
    arts, paras = [], []
    for doc_id, ps in docs.items():
        text, pos = [], 0
        for i, (kind, t) in enumerate(ps):
            inside = kind != 'title'
            paras.append((doc_id, i, kind, pos if inside else None, pos + len(t) if inside else None))
            if inside: text.append(t); pos += len(t) + 2
        arts.append((doc_id, '\n\n'.join(text)))
    return (pl.DataFrame(arts, schema={'doc_id': pl.String, 'text': pl.String}, orient='row'),
            pl.DataFrame(paras, schema={c: ex.PARAGRAPHS[c] for c in ('doc_id', 'para_id', 'kind', 'start', 'end')},
                         orient='row'))

def sliced(rows, articles) -> pl.Series:
    "articles.text[start:end] for every row of `rows`."
    return rows.join(articles.select('doc_id', doc='text'), on='doc_id', maintain_order='left').select(
        pl.col('doc').str.slice('start', pl.col('end') - pl.col('start')))['doc']

@pytest.fixture(scope='module')
def sample():
    "The sample articles and what extraction makes of them (no cache)."
    articles, paragraphs, _ = load_articles(DATA, progress=False)
    return articles, paragraphs, *ex.extract(articles, paragraphs, progress=False)

NEWS = {'a': [('title', 'Summit in Geneva'),
              ('body', 'Kofi Annan met Anna Lind in Geneva on Monday. They talked for an hour.'),
              ('caption', 'Annan and Lind in Geneva.')],
        'b': [('heading', 'Markets'), ('body', 'Shares in Apple rose 3% on Tuesday, said Tim Cook.')]}

# --- rows -------------------------------------------------------------------------------------------

def test_offsets_and_containment(sample):
    articles, paragraphs, sentences, mentions = sample
    sentences, mentions = (f.filter(~pl.col('in_title')) for f in (sentences, mentions))  # titles: tests/test_titles.py
    assert sentences.height > 50 and mentions.height > 50
    assert (sliced(sentences, articles) == sentences['text']).all()
    assert (sliced(mentions, articles) == mentions['text']).all()
    para = sentences.join(paragraphs.select('doc_id', 'para_id', 'kind', p0='start', p1='end'),
                          on=['doc_id', 'para_id'])
    assert para.height == sentences.height
    assert para.filter(
        (pl.col('start') < pl.col('p0')) | (pl.col('end') > pl.col('p1')) | (pl.col('kind') != pl.col('kind_right'))
    ).is_empty()
    sent = mentions.join(sentences.select('doc_id', 'sent_id', 'para_id', s0='start', s1='end'),
                         on=['doc_id', 'sent_id'])
    assert sent.height == mentions.height
    assert sent.filter(
        (pl.col('start') < pl.col('s0'))
        | (pl.col('end') > pl.col('s1'))
        | (pl.col('para_id') != pl.col('para_id_right'))
    ).is_empty()
    assert not sentences['text'].str.contains('\n\n').any()
    assert (sentences['text'] == sentences['text'].str.strip_chars()).all()

def test_ids_and_schemas(sample):
    articles, _, sentences, mentions = sample
    ex.check_schema(sentences, ex.SENTENCES); ex.check_schema(mentions, ex.MENTIONS)
    assert mentions['label'].dtype == pl.Enum(list(ex.NER_LABELS))
    assert {'DATE', 'PERSON', 'GPE', 'ORG'} <= set(mentions['label'].cast(pl.String))
    assert (sentences.filter('in_title')['sent_id'] == -1).all()
    ids = (
        sentences.filter(~pl.col('in_title'))
        .group_by('doc_id')
        .agg(ok=pl.col('sent_id').sort() == pl.int_range(pl.len()), ordered=pl.col('start').is_sorted())
    )
    assert ids['ok'].list.all().all() and ids['ordered'].all()
    assert set(sentences['doc_id']) == set(articles['doc_id'])

def test_inputs_checked():
    arts, paras = frames(NEWS)
    with pytest.raises(SchemaError, match='articles'): ex.extract(arts.drop('text'), paras)
    with pytest.raises(SchemaError, match='paragraphs'):
        ex.extract(arts, paras.with_columns(pl.col('kind').cast(pl.String)))
    s, m = ex.extract(arts.head(0), paras.head(0))
    assert s.is_empty() and m.is_empty() and s.schema == ex.SENTENCES and m.schema == ex.MENTIONS

def hand_doc(words, spaces, sent_starts, ents):
    return Doc(Vocab(), words=words, spaces=spaces, sent_starts=sent_starts, ents=ents)

def test_sentence_over_paragraph_break_is_split():
    # spaCy saw one sentence over a heading and a body paragraph, with an entity running over the break
    arts, paras = frames({'d': [('heading', 'Talks in Oslo'), ('body', 'Oslo hosts them .')]})
    words = ['Talks', 'in', 'Oslo', '\n\n', 'Oslo', 'hosts', 'them', '.']
    doc = hand_doc(words, [True, True, False, False, True, True, True, False], [True] + [False]*7,
                   ['O', 'O', 'B-GPE', 'I-GPE', 'I-GPE', 'O', 'O', 'O'])
    assert doc.text == arts['text'][0]
    _, s, e = ex.doc_spans([(doc, 'd')])
    sentences = ex.sentence_rows(s, arts, paras)
    assert (sentences.select('para_id', 'sent_id', 'text', 'kind').rows()
            == [(0, 0, 'Talks in Oslo', 'heading'), (1, 1, 'Oslo hosts them .', 'body')])
    mentions = ex.mention_rows(e, sentences, arts)
    assert mentions.select('sent_id', 'start', 'end', 'text').rows() == [(0, 9, 13, 'Oslo')]

def test_sentence_start_on_the_break_and_leading_space():
    # senter may start a sentence on the "\n\n" token; the piece in the gap is dropped, nothing is lost
    arts, paras = frames({'d': [('body', 'One.'), ('body', 'Two.')]})
    doc = hand_doc(['One', '.', '\n\n', 'Two', '.'], [False]*5, [True, False, True, False, False], ['O']*5)
    _, s, _ = ex.doc_spans([(doc, 'd')])
    assert (ex.sentence_rows(s, arts, paras).select('para_id', 'start', 'end', 'text').rows()
            == [(0, 0, 4, 'One.'), (1, 6, 10, 'Two.')])

@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(' ab.', min_size=1, max_size=12).filter(str.strip), min_size=1, max_size=5), st.data())
def test_sentence_rows_property(paras_text, data):
    "Any sentence starts: pieces are inside one paragraph, trimmed, non-empty, and cover every non-space character."
    arts, paras = frames({'d': [('body', t) for t in paras_text]})
    text = arts['text'][0]
    starts = sorted({0} | set(data.draw(st.lists(st.integers(0, len(text) - 1), max_size=6))))
    spans = pl.DataFrame({'doc_id': 'd', 'start': starts, 'end': starts[1:] + [len(text)]}, schema=ex.SENT_SPANS)
    rows = ex.sentence_rows(spans, arts, paras)
    assert (sliced(rows, arts) == rows['text']).all()
    assert (rows['text'].str.len_chars() > 0).all() and (rows['text'] == rows['text'].str.strip_chars()).all()
    p = rows.join(paras, on=['doc_id', 'para_id'], suffix='_p')
    assert ((p['start'] >= p['start_p']) & (p['end'] <= p['end_p'])).all()
    covered = {i for a, b in rows.select('start', 'end').iter_rows() for i in range(a, b)}
    inside = {i for a, b in paras.select('start', 'end').iter_rows() for i in range(a, b) if not text[i].isspace()}
    assert inside <= covered

# --- cache ------------------------------------------------------------------------------------------

def boom(*args, **kwargs): raise AssertionError('spaCy was loaded')

@pytest.fixture
def cached(tmp_path):
    "NEWS extracted once into a fresh cache folder."
    arts, paras = frames(NEWS)
    return arts, paras, tmp_path, ex.extract(arts, paras, cache_dir=tmp_path, progress=False)

def spans_dir(cache_dir): return next(Path(cache_dir).glob('spans-*'))

def test_cache_hit_runs_no_nlp(cached):
    arts, paras, cache, first = cached
    with mock.patch.object(ex, 'load_nlp', boom), warnings.catch_warnings():
        warnings.simplefilter('error')
        again = ex.extract(arts, paras, cache_dir=cache)
    for a, b in zip(first, again): assert_frame_equal(a, b)
    assert not list(Path(cache).rglob('*.tmp')) and not [p for p in Path(cache).rglob('.*') if p.is_file()]

def test_reopen_in_fresh_process_does_not_import_spacy(cached, tmp_path):
    import subprocess, sys
    arts, paras, cache, _ = cached
    arts.write_parquet(tmp_path/'a.parquet'); paras.write_parquet(tmp_path/'p.parquet')
    code = (
        f"import sys, polars as pl; from newsexplore.extract import extract; "
        f"s, m = extract(pl.read_parquet({str(tmp_path / 'a.parquet')!r}), "
        f"pl.read_parquet({str(tmp_path / 'p.parquet')!r}), cache_dir={str(cache)!r}); "
        f"assert 'spacy' not in sys.modules, 'spacy imported'; print(m.height)"
    )
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == cached[3][1].height

def test_adding_an_article_processes_only_it(cached):
    arts, paras, cache, (s0, m0) = cached
    more_a, more_p = frames({'c': [('body', 'Angela Merkel visited Paris in May.')]})
    seen = []
    real = ex.run_spans
    def spy(docs, *args, **kwargs): seen.append(docs['doc_id'].to_list()); yield from real(docs, *args, **kwargs)
    with mock.patch.object(ex, 'run_spans', spy):
        s, m = ex.extract(pl.concat([arts, more_a]), pl.concat([paras, more_p]), cache_dir=cache)
    assert seen == [['c']]
    assert_frame_equal(s.filter(pl.col('doc_id') != 'c'), s0)
    assert m.filter(pl.col('doc_id') == 'c')['text'].to_list() == ['Angela Merkel', 'Paris', 'May']
    assert len(list(spans_dir(cache).glob('index/*.parquet'))) == 2

def test_changed_text_is_extracted_again(cached):
    arts, paras, cache, _ = cached
    changed = {**NEWS, 'b': [('heading', 'Markets'), ('body', 'Shares in Microsoft fell on Friday.')]}
    a2, p2 = frames(changed)
    s, m = ex.extract(a2, p2, cache_dir=cache)
    assert 'Microsoft' in m.filter(pl.col('doc_id') == 'b')['text'].to_list()
    fresh = ex.extract(a2, p2)
    with mock.patch.object(ex, 'load_nlp', boom):   # a from the old shard, b from the new: the old b rows stay out
        again = ex.extract(a2, p2, cache_dir=cache)
    for x, y, z in zip(fresh, (s, m), again): assert_frame_equal(x, y); assert_frame_equal(x, z)

def test_many_small_shards_are_compacted(tmp_path):
    arts, paras = frames({f'd{i}': [('body', f'Talks number {i} were held in Oslo.')] for i in range(ex.MAX_SMALL + 2)})
    for i in range(1, arts.height + 1): s, m = ex.extract(arts.head(i), paras, cache_dir=tmp_path)
    d = spans_dir(tmp_path)
    assert len(list(d.glob('index/*.parquet'))) <= ex.MAX_SMALL
    with mock.patch.object(ex, 'load_nlp', boom), warnings.catch_warnings():
        warnings.simplefilter('error')
        s2, m2 = ex.extract(arts, paras, cache_dir=tmp_path)
    assert_frame_equal(s, s2); assert_frame_equal(m, m2)
    assert s.height == arts.height and m.filter(pl.col('text') == 'Oslo').height == arts.height

def damage_and_reopen(cached, damage, match):
    "Damage the cache with `damage(spans dir)`, then check a re-open warns, re-extracts, and gives the same rows."
    arts, paras, cache, first = cached
    damage(spans_dir(cache))
    with pytest.warns(UserWarning, match=match):
        again = ex.extract(arts, paras, cache_dir=cache)
    for a, b in zip(first, again): assert_frame_equal(a, b)
    with mock.patch.object(ex, 'load_nlp', boom), warnings.catch_warnings():
        warnings.simplefilter('error')
        for a, b in zip(first, ex.extract(arts, paras, cache_dir=cache)): assert_frame_equal(a, b)

def truncate(path): path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])

def test_truncated_spans_are_rebuilt(cached):
    damage_and_reopen(cached, lambda d: truncate(next(d.glob('ents/*.parquet'))), 'unreadable')

def test_truncated_index_is_rebuilt(cached):
    damage_and_reopen(cached, lambda d: truncate(next(d.glob('index/*.parquet'))), 'unreadable')

def test_not_parquet_is_rebuilt(cached):
    damage_and_reopen(cached, lambda d: next(d.glob('sents/*.parquet')).write_text('not parquet'), 'unreadable')

def test_wrong_schema_is_rebuilt(cached):
    def damage(d):
        p = next(d.glob('sents/*.parquet'))
        pl.read_parquet(p).with_columns(pl.col('start').cast(pl.String)).write_parquet(p)

    damage_and_reopen(cached, damage, 'SchemaError')

def test_missing_docs_are_rebuilt(cached):
    def damage(d):
        p = next(d.glob('ents/*.parquet')); pl.read_parquet(p).filter(pl.col('doc_id') != 'b').write_parquet(p)
    damage_and_reopen(cached, damage, 'missing rows')

def test_deleted_shard_file_is_rebuilt(cached):
    damage_and_reopen(cached, lambda d: next(d.glob('sents/*.parquet')).unlink(), 'unreadable')

def test_interrupted_write_leaves_no_temp_file_and_no_shard(tmp_path):
    arts, paras = frames(NEWS)
    real, calls = pl.DataFrame.write_parquet, []
    def fail_on_index(self, path, *args, **kwargs):
        calls.append(path)
        real(self, path, *args, **kwargs)
        if len(calls) == 3: raise OSError('disk full')   # after the tmp index file is written, before os.replace
    with mock.patch.object(pl.DataFrame, 'write_parquet', fail_on_index), pytest.raises(OSError, match='disk full'):
        ex.extract(arts, paras, cache_dir=tmp_path)
    d = spans_dir(tmp_path)
    assert all(
        Path(p).name.endswith('.tmp') and Path(p).parent == q
        for p, q in zip(calls, [d / 'sents', d / 'ents', d / 'index'])
    )
    assert not [p for p in d.rglob('*') if p.name.endswith('.tmp')]
    assert not list(d.glob('index/*.parquet')) and len(list(d.glob('sents/*.parquet'))) == 1  # orphan spans, never read
    s, m = ex.extract(arts, paras, cache_dir=tmp_path)          # no warning: an uncommitted shard is simply not there
    assert s.height > 0 and len(list(d.glob('index/*.parquet'))) == 1

def test_default_cache_dir(tmp_path, monkeypatch):
    assert ex.default_cache_dir(tmp_path) == tmp_path.absolute()/'.newsexplore-cache'
    monkeypatch.setenv('XDG_CACHE_HOME', str(tmp_path/'xdg'))
    with mock.patch.object(os, 'access', return_value=False):
        d1, d2 = ex.default_cache_dir(tmp_path/'one'), ex.default_cache_dir(tmp_path/'two')
    assert d1.parent == tmp_path/'xdg'/'newsexplore' and d1 != d2
    monkeypatch.delenv('XDG_CACHE_HOME')
    with mock.patch.object(os, 'access', return_value=False):
        assert ex.default_cache_dir(tmp_path).parent == Path.home()/'.cache'/'newsexplore'

# --- running ----------------------------------------------------------------------------------------

def test_progress_bar(capsys):
    arts, paras = frames(NEWS)
    ex.extract(arts, paras, progress=True)
    assert 'extract' in capsys.readouterr().err
    ex.extract(arts, paras)          # two articles: no bar by default
    assert 'extract' not in capsys.readouterr().err

def test_two_processes_give_the_same_rows():
    arts, paras = frames(NEWS)
    one = ex.extract(arts, paras, n_process=1)
    two = ex.extract(arts, paras, n_process=2, batch_size=1)
    for a, b in zip(one, two): assert_frame_equal(a, b)

def test_only_senter_and_ner_run():
    nlp = ex.pipeline()
    assert nlp.pipe_names == ['senter', 'ner'] and 'parser' in nlp.disabled

def test_only_the_articles_of_a_bad_shard_are_extracted_again(cached):
    arts, paras, cache, _ = cached
    more_a, more_p = frames({'c': [('body', 'Angela Merkel visited Paris in May.')]})
    arts, paras = pl.concat([arts, more_a]), pl.concat([paras, more_p])
    first = ex.extract(arts, paras, cache_dir=cache)
    d = spans_dir(cache)
    oldest = sorted(d.glob('ents/*.parquet'))[0]
    pl.read_parquet(oldest).filter(pl.col('doc_id') != 'a').write_parquet(oldest)  # shard of a and b loses a's entities
    seen, real = [], ex.run_spans
    def spy(docs, *args, **kwargs): seen.append(sorted(docs['doc_id'])); yield from real(docs, *args, **kwargs)
    with mock.patch.object(ex, 'run_spans', spy), pytest.warns(UserWarning, match='missing rows'):
        again = ex.extract(arts, paras, cache_dir=cache)
    assert seen == [['a', 'b']]
    for x, y in zip(first, again): assert_frame_equal(x, y)

def test_default_cache_dir_respects_a_read_only_folder(tmp_path, monkeypatch):
    # shared corpora are read-only by their mode; root could write anyway, but the cache must go elsewhere
    monkeypatch.setenv('XDG_CACHE_HOME', str(tmp_path/'xdg'))
    data = tmp_path/'corpus'; data.mkdir(); data.chmod(0o555)
    try: assert ex.default_cache_dir(data).parent == tmp_path/'xdg'/'newsexplore'
    finally: data.chmod(0o755)
