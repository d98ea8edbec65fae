"""Caches and datasets that fail safe: read-only and unwritable caches, leftovers of dead runs, rebuilt and
interrupted datasets, huge articles, and the dates cached with the extraction."""
import errno, json, os, time, warnings
from pathlib import Path
from unittest import mock
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from newsexplore import Corpus, timeline
from newsexplore import dataset as ds
from newsexplore import extract as ex
from newsexplore.core import NewsexploreError
from newsexplore.load import load_articles
from realistic import article_frames, sample_articles

DATA = Path(__file__).parent.parent/'data'

def frames(docs:dict) -> tuple[pl.DataFrame, pl.DataFrame]: return article_frames(docs)

NEWS = {'a': ['Kofi Annan met Anna Lind in Geneva on Monday.', 'They talked for an hour.'],
        'b': ['Shares in Apple rose 3% on Tuesday, said Tim Cook.'],
        'c': ['Angela Merkel visited Paris in May.']}

def boom(*args, **kwargs): raise AssertionError('spaCy ran')

def files(folder:Path) -> list[Path]: return sorted(p for p in Path(folder).rglob('*') if p.is_file())

def read_only_warnings(w) -> list[str]: return [str(x.message) for x in w if 'cannot be written' in str(x.message)]

@pytest.fixture
def read_only(tmp_path):
    "A cache holding articles a and b, made read-only by its mode (root could write it anyway)."
    cache = tmp_path/'cache'
    arts, paras = frames(NEWS)
    ex.extract(arts.filter(pl.col('doc_id') != 'c'), paras, cache_dir=cache)
    modes = {d: d.stat().st_mode for d in [cache, *cache.rglob('*')] if d.is_dir()}
    for d in modes: d.chmod(0o555)
    yield cache
    for d, m in modes.items(): d.chmod(m)

# --- a read-only cache ------------------------------------------------------------------------------

def test_read_only_cache_is_used_without_writing(read_only):
    arts, paras = frames(NEWS)
    before, seen, real = files(read_only), [], ex.run_spans
    def spy(docs, *args, **kwargs): seen.append(docs['doc_id'].to_list()); yield from real(docs, *args, **kwargs)
    with mock.patch.object(ex, 'run_spans', spy), warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        s, m = ex.extract(arts, paras, cache_dir=read_only)
    assert seen == [['c']]                                   # a and b came from the cache
    assert [str(x.message) for x in w] == read_only_warnings(w) and len(w) == 1 and str(read_only) in str(w[0].message)
    assert files(read_only) == before
    for x, y in zip((s, m), ex.extract(arts, paras)): assert_frame_equal(x, y)

@pytest.fixture
def one_article_shards():
    "extract writes one shard per article."
    kw = ex.run_spans.__kwdefaults__  # its options are keyword-only
    with mock.patch.object(ex.run_spans, '__kwdefaults__', {**kw, 'shard_docs': 1}): yield

def test_read_only_cache_with_many_shards_warns_once(tmp_path, one_article_shards):
    arts, paras = frames({f'd{i}': [f'Talks number {i} were held in Oslo.'] for i in range(5)})
    cache = tmp_path/'cache'; cache.mkdir(); cache.chmod(0o555)
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            s, m = ex.extract(arts, paras, cache_dir=cache)
    finally: cache.chmod(0o755)
    assert len(w) == 1 and files(cache) == [] and s.height == 5

def test_permission_denied_on_write_runs_without_storing(tmp_path, one_article_shards):
    # as a user without write permission: the folder looks writable, the write itself fails
    arts, paras = frames(NEWS)
    real = pl.DataFrame.write_parquet
    def denied(self, path, *args, **kwargs):
        if Path(path).name.endswith('.tmp'): raise PermissionError(errno.EACCES, 'Permission denied', str(path))
        return real(self, path, *args, **kwargs)
    with mock.patch.object(pl.DataFrame, 'write_parquet', denied), warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        s, m = ex.extract(arts, paras, cache_dir=tmp_path/'cache')
    assert len(read_only_warnings(w)) == 1 and len(w) == 1
    for x, y in zip((s, m), ex.extract(arts, paras)): assert_frame_equal(x, y)

def test_read_only_filesystem_error_runs_without_storing(tmp_path):
    arts, paras = frames(NEWS)
    def rofs(*args, **kwargs): raise OSError(errno.EROFS, 'Read-only file system')
    with mock.patch.object(ex, 'write_shard', rofs), warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        s, _ = ex.extract(arts, paras, cache_dir=tmp_path)
    assert len(read_only_warnings(w)) == 1 and s.height > 0

def test_bad_shard_in_read_only_cache_is_skipped_not_deleted(read_only):
    arts, paras = frames(NEWS)
    d = next(read_only.glob('spans-*'))
    bad = next(d.glob('ents/*.parquet'))
    bad.parent.chmod(0o755); bad.write_bytes(b'not parquet'); bad.parent.chmod(0o555)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        s, m = ex.extract(arts, paras, cache_dir=read_only)
    assert bad.exists() and len(read_only_warnings(w)) == 1 and any('unreadable' in str(x.message) for x in w)
    for x, y in zip((s, m), ex.extract(arts, paras)): assert_frame_equal(x, y)

def test_corpus_on_a_read_only_cache_shows_one_warning(tmp_path):
    cache = tmp_path/'cache'; cache.mkdir(); cache.chmod(0o555)
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('default')  # as users see them: the same warning from extraction and dates shows once
            c = Corpus.from_folder(DATA, cache_dir=cache)
            c.timeline
    finally: cache.chmod(0o755)
    assert len(read_only_warnings(w)) == 1 and files(cache) == []

# --- a cache that cannot be made ---------------------------------------------------------------------

def test_unwritable_location_names_the_cache(tmp_path):
    arts, paras = frames(NEWS)
    locked = tmp_path/'locked'; locked.mkdir(); locked.chmod(0o555)
    try:
        with mock.patch.object(ex, 'load_nlp', boom):   # said before any work is done
            with pytest.raises(NewsexploreError, match=f'cannot create the cache folder {locked}/sub/cache'):
                ex.extract(arts, paras, cache_dir=locked/'sub'/'cache')
            with pytest.raises(NewsexploreError, match='cannot create the cache folder'):
                Corpus.from_folder(DATA, cache_dir=locked/'cache').sentences
    finally: locked.chmod(0o755)
    (tmp_path/'file').write_text('')
    with pytest.raises(NewsexploreError, match='is a file'): ex.extract(arts, paras, cache_dir=tmp_path/'file')
    with pytest.raises(NewsexploreError, match='not a writable folder'):
        ex.extract(arts, paras, cache_dir=tmp_path / 'file' / 'cache')


# --- leftovers of runs that died ---------------------------------------------------------------------

def test_leftovers_are_cleaned_but_not_a_live_run(tmp_path):
    arts, paras = frames(NEWS)
    first = ex.extract(arts, paras, cache_dir=tmp_path)
    d = next(tmp_path.glob('spans-*'))
    dead = [
        d / 'sents' / '.00000000000000000001-dead.parquet.0a1b.tmp',
        d / 'ents' / '00000000000000000001-dead.parquet',
        d / '.settings.json.0c1d.tmp',
        d / f'dates-{timeline.DATES_VERSION}' / '.00000000000000000002-dead.parquet.0e1f.tmp',
    ]
    live = [d/'index'/'.99999999999999999999-live.parquet.2a3b.tmp', d/'sents'/'99999999999999999999-live.parquet']
    for p in dead + live: p.parent.mkdir(exist_ok=True); p.write_bytes(b'half')
    for p in dead: os.utime(p, (time.time() - ex.STALE_AFTER - 60,) * 2)
    with mock.patch.object(ex, 'load_nlp', boom), warnings.catch_warnings():
        warnings.simplefilter('error')
        again = ex.extract(arts, paras, cache_dir=tmp_path)
    assert not [p for p in dead if p.exists()] and all(p.exists() for p in live)
    for x, y in zip(first, again): assert_frame_equal(x, y)

# --- huge articles -----------------------------------------------------------------------------------

def test_huge_article_is_extracted_in_pieces():
    articles, _, _ = load_articles(DATA, progress=False)
    paras = [p for t in articles['text'] for p in t.split('\n\n')]
    body = [paras[i % len(paras)] for i in range(1_300_000 // (sum(map(len, paras)) // len(paras)))]
    end = 'In the end, Angela Merkel flew to Paris to meet Emmanuel Macron on Friday.'
    arts, paragraphs = frames(
        {'huge': ['Kofi Annan spoke in Geneva.', *body, end], 'small': ['Tim Cook visited Berlin.']}
    )
    text = arts['text'][0]
    assert len(text) > 1_200_000 > ex.pipeline().max_length
    s, m = ex.extract(arts, paragraphs)
    sliced = lambda rows: rows.join(arts.rename({'text': 'doc'}), on='doc_id').select(
        pl.col('doc').str.slice('start', pl.col('end') - pl.col('start'))
    )['doc']
    assert (sliced(s) == s['text']).all() and (sliced(m) == m['text']).all()
    huge = m.filter(doc_id='huge')
    assert huge.head(2)['text'].to_list() == ['Kofi Annan', 'Geneva']
    tail = huge.filter(pl.col('start') > len(text) - len(end))
    assert [(r['text'], r['start']) for r in tail.iter_rows(named=True)][:3] == [
        ('Angela Merkel', len(text) - len(end) + 12),
        ('Paris', text.rindex('Paris')),
        ('Emmanuel Macron', text.rindex('Emmanuel')),
    ]
    assert s.filter(doc_id='huge')['text'][-1] == end                 # the last sentence is whole
    assert s.filter(doc_id='huge').height >= len(body)                # and no paragraph is lost
    assert m.filter(doc_id='small')['text'].to_list() == ['Tim Cook', 'Berlin']

def test_normal_articles_are_batched_as_before():
    arts, paras = frames(NEWS)
    nlp, calls = ex.pipeline(), []
    real = type(nlp).pipe
    def spy(self, texts, **kwargs):
        texts = list(texts)
        if kwargs.get('as_tuples'):
            calls.append((len(texts), kwargs.get('batch_size')))  # (spaCy calls itself without tuples)
        return real(self, texts, **kwargs)
    with mock.patch.object(type(nlp), 'pipe', spy):
        ex.extract(arts, paras, batch_size=2)
    assert calls == [(3, 2)]   # one pipe over the 3 articles, in batches of 2

# --- datasets ----------------------------------------------------------------------------------------

@pytest.fixture(scope='module')
def corpus(tmp_path_factory):
    "Six articles made from the samples' paragraphs, extracted once into a cache."
    c = Corpus.from_folder(
        sample_articles(tmp_path_factory.mktemp('articles'), 6), cache_dir=tmp_path_factory.mktemp('cache')
    )
    c.timeline
    return c

def part_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.glob('*/part-*.parquet'))


def assert_dataset_is(folder:Path, corpus:Corpus, n_parts:int):
    d = ds.Dataset(folder)
    assert d.n_parts == n_parts
    assert part_files(folder) == sorted(
        f'{f}/part-{i:05d}.parquet'
        for f in ('articles', 'sentences', 'spans', 'mentions', 'timeline')
        for i in range(n_parts)
    )
    assert_frame_equal(
        d.mentions.collect().sort('doc_id', 'start', 'end'), corpus.mentions.sort('doc_id', 'start', 'end')
    )
    assert_frame_equal(d.timeline.collect(), corpus.timeline)
    assert_frame_equal(d.actors, corpus.actors)

def test_rebuild_with_other_parts_leaves_no_stale_parts(corpus, tmp_path):
    for part_docs, n in ((1, 6), (4, 2), (2, 3), (6, 1)):
        ds.Dataset.build(corpus, tmp_path/'ds', part_docs=part_docs)
        assert_dataset_is(tmp_path/'ds', corpus, n)

def test_interrupted_analysis_refuses_to_open(corpus, tmp_path, monkeypatch):
    folder = ds.Dataset.build(corpus, tmp_path/'ds', part_docs=2).folder
    calls, real = [], ds.timeline_frame
    def dies(*args):
        calls.append(1)
        if len(calls) == 2: raise KeyboardInterrupt
        return real(*args)
    monkeypatch.setattr(ds, 'timeline_frame', dies)
    with pytest.raises(KeyboardInterrupt): ds.analyse_dataset(folder)
    monkeypatch.undo()
    with pytest.raises(NewsexploreError, match='not completely analysed.*run analyse_dataset on it again'):
        ds.Dataset(folder)
    ds.analyse_dataset(folder)
    assert_dataset_is(folder, corpus, 3)

def test_interrupted_rebuild_then_the_old_layout(corpus, tmp_path, monkeypatch):
    "A rebuild in parts of 3 dies after its first part; going back to parts of 2 must not keep that part."
    folder = ds.Dataset.build(corpus, tmp_path/'ds', part_docs=2).folder
    calls, real = [], ds.extract
    def dies(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2: raise KeyboardInterrupt
        return real(*args, **kwargs)
    monkeypatch.setattr(ds, 'extract', dies)
    with pytest.raises(KeyboardInterrupt):
        ds.write_dataset(corpus.articles, corpus.paragraphs, folder, part_docs=3, cache_dir=corpus.cache_dir)
    monkeypatch.undo()
    with pytest.raises(NewsexploreError, match='not completely analysed'): ds.Dataset(folder)
    ds.Dataset.build(corpus, folder, part_docs=2)
    assert_dataset_is(folder, corpus, 3)

def test_manifest_is_written_atomically(corpus, tmp_path):
    folder = ds.Dataset.build(corpus, tmp_path/'ds', part_docs=3).folder
    real = Path.write_text
    def half(self, data, *args, **kwargs):
        real(self, data[:len(data) // 2]); raise OSError(errno.ENOSPC, 'No space left on device')
    with mock.patch.object(Path, 'write_text', half), pytest.raises(OSError, match='No space'):
        ds.write_dataset(corpus.articles, corpus.paragraphs, folder, part_docs=2, cache_dir=corpus.cache_dir)
    assert json.loads((folder/ds.MANIFEST).read_text())['part_docs'] == 3
    assert not list(folder.glob('.*.tmp'))
    assert_dataset_is(folder, corpus, 2)   # nothing was changed

# --- dates cached with the extraction ----------------------------------------------------------------

def count_dates_frame(monkeypatch) -> list:
    "Record the doc_ids `dates_frame` is run on."
    seen, real = [], timeline.dates_frame

    def spy(sentences, ents, anchors, *args):
        seen.append(sorted(anchors['doc_id']))
        return real(sentences, ents, anchors, *args)

    monkeypatch.setattr(timeline, 'dates_frame', spy)
    return seen

def test_reopening_computes_no_dates(corpus, monkeypatch):
    seen = count_dates_frame(monkeypatch)
    again = Corpus.from_folder(corpus.source, cache_dir=corpus.cache_dir)
    assert_frame_equal(again.dates, corpus.dates); assert_frame_equal(again.timeline, corpus.timeline)
    assert seen == []

def test_cached_and_fresh_dates_equal_dates_frame(corpus, tmp_path, monkeypatch):
    sents, raw = corpus.sentences, corpus.entity_spans
    # some undated
    arts = corpus.articles.with_columns(published=pl.when(pl.int_range(pl.len()) % 3 > 0).then('published'))
    anchors = arts.select('doc_id', published=pl.coalesce('published', pl.lit(timeline.dt.date(2024, 1, 1))))
    ents = raw.filter(pl.col('label').cast(pl.String).is_in(['DATE', 'TIME'])).select(
        'doc_id', 'start', 'end', pl.col('label').cast(pl.String)
    )
    plain = timeline.dates_frame(sents, ents, anchors).join(
        anchors.rename({'published': 'anchor'}), on='doc_id', how='left'
    )
    kw = dict(anchor=timeline.dt.date(2024, 1, 1), cache_dir=tmp_path)
    timeline.corpus_dates(arts[::2], sents, raw, **kw)              # half of them cached first
    seen = count_dates_frame(monkeypatch)
    assert_frame_equal(timeline.corpus_dates(arts, sents, raw, **kw), plain)
    assert seen == [sorted(arts[1::2]['doc_id'])]
    assert_frame_equal(timeline.corpus_dates(arts, sents, raw, **kw), plain)
    assert len(seen) == 1
    timeline.corpus_dates(arts, sents, raw, **{**kw, 'anchor': timeline.dt.date(2024, 1, 2)})
    # a new default anchor: the undated only
    assert seen[1] == sorted(arts.filter(pl.col('published').is_null())['doc_id'])


def test_new_rules_compute_every_article_again(corpus, monkeypatch):
    monkeypatch.setattr(timeline, 'DATES_VERSION', 'rules-changed')
    seen = count_dates_frame(monkeypatch)
    again = Corpus.from_folder(corpus.source, cache_dir=corpus.cache_dir)
    assert_frame_equal(again.dates, corpus.dates)
    assert seen == [sorted(corpus.articles['doc_id'])]

def test_unreadable_dates_file_is_recomputed(corpus, tmp_path, monkeypatch):
    kw = dict(cache_dir=tmp_path)
    first = timeline.corpus_dates(corpus.articles, corpus.sentences, corpus.entity_spans, **kw)
    folder = timeline.dates_cache_folder(tmp_path, ex.model_info())
    bad = next(folder.glob('*.parquet')); bad.write_bytes(bad.read_bytes()[:100])
    seen = count_dates_frame(monkeypatch)
    with pytest.warns(UserWarning, match='unreadable'):
        again = timeline.corpus_dates(corpus.articles, corpus.sentences, corpus.entity_spans, **kw)
    assert_frame_equal(first, again) and len(seen) == 1 and not bad.exists()
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        timeline.corpus_dates(corpus.articles, corpus.sentences, corpus.entity_spans, **kw)
    assert len(seen) == 1

def test_old_versions_of_the_dates_cache_go(corpus, tmp_path):
    kw = dict(cache_dir=tmp_path)
    timeline.corpus_dates(corpus.articles, corpus.sentences, corpus.entity_spans, **kw)
    folder = timeline.dates_cache_folder(tmp_path, ex.model_info())
    old, recent = folder.parent/'dates-0ld', folder.parent/'dates-recent'
    for d in (old, recent): d.mkdir(); (d/'x.parquet').write_bytes(b'')
    os.utime(old, (time.time() - ex.STALE_AFTER - 60,) * 2)
    timeline.corpus_dates(
        corpus.articles.head(1), corpus.sentences, corpus.entity_spans, anchor=timeline.dt.date(2000, 1, 1), **kw
    )
    assert not old.exists() and recent.exists() and folder.exists()

# --- a read-only cache on a cluster ------------------------------------------------------------------

def test_read_only_cache_on_a_cluster(read_only):
    from distributed import Client, LocalCluster
    arts, paras = frames(NEWS)
    before = files(read_only)
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            s, m = ex.extract_distributed(arts, paras, client, cache_dir=read_only, partition=1)
    assert len(read_only_warnings(w)) == 1 and files(read_only) == before
    for x, y in zip((s, m), ex.extract(arts, paras)): assert_frame_equal(x, y)

# One contract for a corpus in memory and out of core (issue 20): the same members, with the same schemas

def frame(x) -> pl.DataFrame: return x.collect() if isinstance(x, pl.LazyFrame) else x

def test_dataset_and_corpus_follow_one_contract(tmp_path):
    "Built from the sample, a Dataset follows CorpusLike as the Corpus does, every frame with the same schema and rows."
    from newsexplore.corpus import CorpusLike, protocol_gaps
    corpus = Corpus.from_folder(DATA, cache_dir=tmp_path/'cache', aliases=tmp_path/'none.csv')
    d = ds.Dataset.build(corpus, tmp_path/'ds', part_docs=1)
    assert protocol_gaps(corpus) == [] and protocol_gaps(d) == []
    for name in ('articles', 'sentences', 'mentions', 'timeline', 'actors', 'problems'):
        mine, theirs = frame(getattr(d, name)), frame(getattr(corpus, name))
        assert mine.schema == theirs.schema, name
        assert_frame_equal(mine, theirs, check_row_order=False) if len(theirs) else None
    for call in (lambda c: c.summary(), lambda c: c.key_dates(), lambda c: c.key_date_summaries(n=1),
                 lambda c: c.mention_buckets(top=3), lambda c: c.comentions(min_count=2),
                 lambda c: c.comentions(view='person-organization')):
        assert_frame_equal(call(d), call(corpus))
    a, b = corpus.comentions().row(0, named=True)['a'], corpus.comentions().row(0, named=True)['b']
    assert_frame_equal(d.comention_evidence(a, b), corpus.comention_evidence(a, b))
    assert (d.period, len(d), d.curation) == (corpus.period, len(corpus), corpus.curation)

def test_dataset_keeps_its_load_problems(tmp_path):
    "Dataset.build stores the corpus's problems beside the parts; a dataset opened as a corpus keeps them."
    (tmp_path/'data').mkdir()
    (tmp_path/'data'/'a.txt').write_text('Talks\n\nAntony Blinken met Benjamin Netanyahu in Jerusalem on Monday.\n')
    (tmp_path/'data'/'bad.json').write_text('{')
    corpus = Corpus.from_folder(tmp_path/'data', cache_dir=tmp_path/'cache')
    d = ds.Dataset.build(corpus, tmp_path/'ds')
    assert len(corpus.problems) == 1
    assert_frame_equal(d.problems, corpus.problems)
    assert d.summary()['problems'].item() == 1
    assert_frame_equal(d.corpus().problems, corpus.problems)
