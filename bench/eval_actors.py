"""Actor resolution against MEANTIME's gold cross-document entities: pairwise same-actor precision, recall, F1.

    .venv/bin/python bench/eval_actors.py [TOPIC_FOLDER ...] [--show 15]
        (default: ../shared/corpora/meantime_apple/corpus_apple)

Scored mentions: the gold name mentions (syntactic type NAM) of PER, ORG and LOC entities. A gold mention is
predicted as the actor of the spaCy mention overlapping it that holds its head word (else overlapping it most) (none: \
an actor of its own). Every pair of
scored mentions in the corpus (within and across articles) is a gold pair when the two refer to one gold
instance, and a predicted pair when they got one `actor_id`; P = |both| / |predicted|, R = |both| / |gold|.

Articles are rebuilt from MEANTIME's tokens (sentence 0 is the title) into a temporary folder and loaded like
any corpus; extraction is cached there, so a second run does not run spaCy.
"""
import argparse, hashlib, re, sys, tempfile
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import polars as pl

from newsexplore.actors import resolve_actors
from newsexplore.extract import extract
from newsexplore.load import load_articles

SCORED_TYPES = ('PER', 'ORG', 'LOC')  # gold entity types scored
NAME_MENTIONS = ('NAM',)              # gold syntactic types that are names
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]%]|'s|'|n't|'re|'ve|'ll|'d)$")


def detokenise(tokens: list[str]) -> tuple[str, list[int]]:
    "Text from tokens, with the character offset of each token."
    text, at = '', []
    for i, t in enumerate(tokens):
        if i and not _NO_SPACE_BEFORE.match(t) and not text.endswith(('(', '[', '$')): text += ' '
        at.append(len(text)); text += t
    return text, at


def read_doc(path: Path) -> dict:
    """One MEANTIME file: its title and body text, and its scored gold mentions (`start`, `end` in title + '\\n\\n' +
    body, `instance`)."""
    root = ET.parse(path).getroot()
    toks = [(int(t.get('t_id')), int(t.get('sentence')), t.text or '') for t in root.iter('token')]
    sents = {}
    for tid, s, w in toks: sents.setdefault(s, []).append((tid, w))
    title, title_at = detokenise([w for _, w in sents[min(sents)]])
    span = {tid: (a, a + len(w)) for (tid, w), a in zip(sents[min(sents)], title_at)}
    body, base = [], len(title) + 2
    for s in sorted(sents)[1:]:
        text, at = detokenise([w for _, w in sents[s]])
        span |= {tid: (base + a, base + a + len(w)) for (tid, w), a in zip(sents[s], at)}
        body.append(text); base += len(text) + 1
    ents = {e.get('m_id'): (e.get('instance_id'), e.get('ent_type')) for e in root.iter('ENTITY')}
    refers = {src.get('m_id'): r.find('target').get('m_id') for r in root.iter('REFERS_TO') for src in r.iter('source')}
    gold = []
    for m in root.iter('ENTITY_MENTION'):
        if m.get('syntactic_type') not in NAME_MENTIONS or m.get('m_id') not in refers: continue
        instance, kind = ents.get(refers[m.get('m_id')], (None, None))
        tids = [int(a.get('t_id')) for a in m.iter('token_anchor')]
        if kind in SCORED_TYPES and tids:
            gold.append(
                dict(
                    start=span[min(tids)][0],
                    end=span[max(tids)][1],
                    head=m.get('head') or '',
                    instance=instance,
                    kind=kind,
                )
            )
    return dict(name=path.stem, title=title, body=' '.join(body), gold=gold)


def corpus(folders: list[Path]) -> tuple[list[dict], Path]:
    "The documents of `folders`, written as text files to a temporary folder named for their content."
    docs = [read_doc(p) for f in folders for p in sorted(Path(f).glob('*.xml'))]
    digest = hashlib.sha1(''.join(d['title'] + d['body'] for d in docs).encode()).hexdigest()[:12]
    out = Path(tempfile.gettempdir()) / f'newsexplore-meantime-{digest}'
    (out / 'texts').mkdir(parents=True, exist_ok=True)
    for d in docs: (out / 'texts' / f"{d['name']}.txt").write_text(f"{d['title']}\n\n{d['body']}\n")
    return docs, out


def predicted(docs: list[dict], out: Path) -> tuple[pl.DataFrame, object]:
    """Per gold mention: `doc`, `instance`, `kind`, `text` and `actor_id` / `actor` (its own id when no mention overlaps
    it)."""
    articles, paragraphs, _ = load_articles(out / 'texts', progress=False, infer_dates=False)
    sentences, mentions = extract(articles, paragraphs, cache_dir=out / 'cache', progress=False)
    res = resolve_actors(mentions, articles, sentences)
    by_name = {Path(p).stem: d for d, p in articles.select('doc_id', 'path').iter_rows()}
    rows = []
    for doc in docs:
        did = by_name[doc['name']]
        title = articles.filter(pl.col('doc_id') == did)['title'][0] or ''
        full = f"{title}\n\n" + articles.filter(pl.col('doc_id') == did)['text'][0]
        if full.replace('\n', ' ').split() != f"{doc['title']}\n\n{doc['body']}".split():
            sys.exit(f"{doc['name']}: the loaded text is not the text written; offsets would not align")
        shift = len(title) + 2
        m = (res.mentions.filter((pl.col('doc_id') == did) & pl.col('actor_id').is_not_null())
             .select(pl.col('start') + shift, pl.col('end') + shift, 'actor_id', 'actor', 'text').rows())
        for i, g in enumerate(doc['gold']):
            hits = [
                (bool(g['head']) and g['head'] in t, min(e, g['end']) - max(s, g['start']), a, n, t)
                for s, e, a, n, t in m
                if min(e, g['end']) > max(s, g['start'])
            ]  # the mention holding the gold head first
            *_, aid, actor, text = max(hits) if hits else (0, 0, f"none:{doc['name']}:{i}", None, None)
            rows.append(
                dict(
                    doc=doc['name'],
                    instance=g['instance'],
                    kind=g['kind'],
                    gold_text=full[g['start'] : g['end']],
                    text=text,
                    actor_id=aid,
                    actor=actor,
                )
            )
    return pl.DataFrame(rows), res


def pairwise(scored: pl.DataFrame) -> dict:
    "Pairwise precision, recall and F1 of `actor_id` against `instance`."
    both = pred = gold = 0
    for (i, a), (j, b) in combinations(scored.select('instance', 'actor_id').rows(), 2):
        g, p = i == j, a == b
        both += g and p; pred += p; gold += g
    prec, rec = both / max(pred, 1), both / max(gold, 1)
    return dict(
        mentions=len(scored),
        gold_pairs=gold,
        predicted_pairs=pred,
        P=prec,
        R=rec,
        F1=2 * prec * rec / max(prec + rec, 1e-9),
    )


if __name__ == '__main__':
    here = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser()
    p.add_argument(
        'folders', nargs='*', type=Path, default=[here.parent / 'shared/corpora/meantime_apple/corpus_apple']
    )
    p.add_argument(
        '--show', type=int, default=15, help='gold instances split over most actors, and actors joining most instances'
    )
    args = p.parse_args()
    pl.Config.set_tbl_rows(100); pl.Config.set_fmt_str_lengths(50); pl.Config.set_tbl_width_chars(160)
    docs, out = corpus(args.folders)
    scored, res = predicted(docs, out)
    s = pairwise(scored)
    print(
        f"{len(docs)} articles, {s['mentions']} gold name mentions; pairs: {s['gold_pairs']} gold, "
        f"{s['predicted_pairs']} predicted"
    )
    print(f"P {s['P']:.3f}  R {s['R']:.3f}  F1 {s['F1']:.3f}")
    for k in SCORED_TYPES:
        print(f"  {k}: " + ' '.join(f"{x} {v:.3f}" for x, v in pairwise(scored.filter(kind=k)).items() if x in 'PRF1'))
    if args.show:
        print('\nGold instances split over several actors (misses recall):')
        print(
            scored.group_by('instance')
            .agg(
                n=pl.len(),
                actors=pl.col('actor').unique().drop_nulls(),
                n_actors=pl.col('actor_id').n_unique(),
                texts=pl.col('gold_text').unique(),
            )
            .filter(pl.col('n_actors') > 1)
            .sort('n', descending=True)
            .head(args.show)
            .drop('instance')
        )
        print('\nActors joining several gold instances (misses precision):')
        print(
            scored.filter(pl.col('actor').is_not_null())
            .group_by('actor')
            .agg(n=pl.len(), n_instances=pl.col('instance').n_unique(), texts=pl.col('gold_text').unique())
            .filter(pl.col('n_instances') > 1)
            .sort('n', descending=True)
            .head(args.show)
        )
