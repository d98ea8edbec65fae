"""Actors against MEANTIME's gold cross-document entities (bench/eval_actors.py): a floor, so a change cannot lose \
what issue 15 won.

Runs spaCy on 30 short articles the first time (cached in the temporary folder after that); skipped without the \
corpus."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPLE = ROOT.parent / 'shared' / 'corpora' / 'meantime_apple' / 'corpus_apple'
sys.path.insert(0, str(ROOT / 'bench'))


@pytest.mark.skipif(not APPLE.exists(), reason='MEANTIME corpus not here')
def test_pairwise_same_actor_scores_on_meantime_apple():
    import eval_actors
    docs, out = eval_actors.corpus([APPLE])
    scored, _ = eval_actors.predicted(docs, out)
    s = eval_actors.pairwise(scored)
    assert s['mentions'] == 171
    assert s['P'] >= 0.95 and s['R'] >= 0.9, s  # issue 15: P 0.96, R 0.46 before; P 0.975, R 0.916 after
