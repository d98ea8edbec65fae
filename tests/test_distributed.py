"""Distributed extraction on a Dask LocalCluster gives exactly what local extraction gives."""
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from newsexplore import Corpus
from newsexplore.cli import main
from realistic import sample_articles



@pytest.fixture(scope='module')
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope='module')
def corpus_dir(tmp_path_factory):
    "Eight distinct articles made from the samples' paragraphs, so the work spreads over several tasks."
    return sample_articles(tmp_path_factory.mktemp('articles'), 8)


def test_dask_engine_matches_local(client, corpus_dir, tmp_path, monkeypatch):
    from newsexplore import extract as ex
    local = Corpus.from_folder(corpus_dir, cache_dir=tmp_path / 'local')
    def refuse(*a, **k): raise AssertionError('the workers write the shards, not this process')
    with monkeypatch.context() as mp:
        mp.setattr(ex, 'write_shard', refuse)
        dist = Corpus.from_folder(corpus_dir, cache_dir=tmp_path / 'dask', engine='dask', client=client)
        arts, paras = dist.articles, dist.paragraphs
        # 4 tasks on 2 workers
        assert (
            ex.extract_distributed(arts, paras, client, cache_dir=tmp_path / 'dask', partition=2, collect=False) is None
        )
        assert len(list((tmp_path / 'dask').glob('spans-*/index/*.parquet'))) == 4
    s, m = ex.extract_distributed(
        arts, paras, client, cache_dir=tmp_path / 'sent-back', partition=2, workers_write=False
    )
    assert_frame_equal(local.sentences, s); assert_frame_equal(local.entity_spans, m)
    assert_frame_equal(local.sentences, dist.sentences); assert_frame_equal(local.mentions, dist.mentions)
    assert_frame_equal(local.actors, dist.actors)
    loads = client.run(lambda: __import__('newsexplore.core', fromlist=['load_nlp']).load_nlp.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]  # each worker loaded the pipeline once, for all its tasks


def test_cli_scheduler(client, corpus_dir, tmp_path):
    out = tmp_path / 'out'
    assert main(['extract', str(corpus_dir), '-o', str(out), '--scheduler', client.scheduler.address,
                 '--cache-dir', str(tmp_path / 'cache'), '--window', 'sentence', '--no-progress']) == 0
    local = Corpus.from_folder(corpus_dir, cache_dir=tmp_path / 'local')
    assert_frame_equal(pl.read_parquet(out / 'mentions.parquet'), local.mentions)


def test_dataset_on_the_cluster(client, corpus_dir, tmp_path, monkeypatch):
    "An out-of-core dataset built with spaCy on the cluster (never here) equals the local corpus."
    from newsexplore import extract as ex
    from newsexplore.dataset import Dataset
    local = Corpus.from_folder(corpus_dir, cache_dir=tmp_path / 'local')
    local.mentions
    def refuse(*a, **k): raise AssertionError('spaCy ran in this process')
    monkeypatch.setattr(ex, 'run_spans', refuse)
    ds = Dataset.build(
        Corpus.from_folder(corpus_dir, cache_dir=tmp_path / 'dask', engine='dask', client=client),
        tmp_path / 'ds',
        part_docs=3,
    )
    assert ds.n_parts == 3
    assert_frame_equal(ds.actors, local.actors)
    assert_frame_equal(
        ds.mentions.collect().sort('doc_id', 'start', 'end'), local.mentions.sort('doc_id', 'start', 'end')
    )
