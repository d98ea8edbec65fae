"""Score `newsexplore.timex.extract_dates` on TempEval-3 TimeML files, the way TempEval-3 scored systems.

Each document is anchored on its creation time (the TIMEX3 with functionInDocument="CREATION_TIME"); the gold
expressions are the TIMEX3 elements inside TEXT. Extents are matched strictly (same characters) and relaxed
(overlapping, one-to-one); the value F1 is TempEval-3's attribute F1: value accuracy on the relaxed matches
times the relaxed extent F1.

    .venv/bin/python bench/eval_tempeval.py [--limit N] [--no-spacy] [--errors FILE] [--against OLD_TIMEX.py]

`--against` runs an older copy of `newsexplore/timex.py` (e.g. `git show HEAD:newsexplore/timex.py > /tmp/old.py`)
on the same files and lists every expression, found by both at the same place, whose value changed, counted
by the new rule (`rule/how`) and by whether it now matches the gold value.
"""
import argparse, collections, datetime as dt, importlib.util, re, sys, time
import xml.etree.ElementTree as ET
from pathlib import Path
from newsexplore.timex import extract_dates

CORPUS = Path(__file__).resolve().parent.parent.parent / 'shared' / 'corpora' / 'tempeval3' / 'train'  # read in place

def read_tml(path:Path):
    "(text, anchor date, gold [(start, end, type, value, mod)]) of a TimeML file."
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter('TIMEX3') if t.get('functionInDocument') == 'CREATION_TIME')
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", dct.get('value'))
    anchor = dt.date(*map(int, m.groups()))
    out, gold = [], []
    def walk(el):
        out.append(el.text or '')
        for ch in el:
            s = sum(map(len, out))
            walk(ch)
            if ch.tag == 'TIMEX3': gold.append((s, sum(map(len, out)), ch.get('type'), ch.get('value'), ch.get('mod')))
            out.append(ch.tail or '')
    walk(root.find('TEXT'))
    return ''.join(out), anchor, gold

def match(gold, sys_):
    "One-to-one relaxed matches (gold index, system index), largest overlap first."
    pairs = sorted(((min(g[1], s[1]) - max(g[0], s[0]), i, j) for i, g in enumerate(gold) for j, s in enumerate(sys_)
                    if min(g[1], s[1]) > max(g[0], s[0])), reverse=True)
    used_g, used_s, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_s: used_g.add(i); used_s.add(j); out.append((i, j))
    return out

def f1(p, r): return 0 if p + r == 0 else 2*p*r/(p + r)

def score(docs, types=None):
    "Strict, relaxed and value P/R/F1 over docs [(text, gold, system)], optionally only some types."
    ng = ns = strict = relaxed = value = 0
    for text, gold, sys_ in docs:
        g = [x for x in gold if types is None or x[2] in types]
        s = [x for x in sys_ if types is None or x[2] in types]
        ng += len(g); ns += len(s)
        for i, j in match(g, s):
            relaxed += 1
            strict += (text[g[i][0]:g[i][1]].strip() == text[s[j][0]:s[j][1]].strip() and abs(g[i][0] - s[j][0]) <= 1)
            value += g[i][3] == s[j][3]
    res = {}
    for name, k in [('strict', strict), ('relaxed', relaxed)]:
        p, r = k/max(ns, 1), k/max(ng, 1)
        res[name] = (100*p, 100*r, 100*f1(p, r))
    acc = value/max(relaxed, 1)
    res['value'] = (100*value/max(ns, 1), 100*value/max(ng, 1), 100*acc*res['relaxed'][2]/100)
    return res, ng, ns

def load_engine(path:Path):
    "`extract_dates` of an older copy of `newsexplore/timex.py`, loaded as a module of the package."
    spec = importlib.util.spec_from_file_location('newsexplore._timex_against', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.extract_dates

def changed(text, gold, new, old):
    "(kind, gold value, old value, new value, context) of the expressions at the same place whose value changed."
    was = {(s, e): v for s, e, _, v, _ in old}
    now = {(s, e) for s, e, *_ in new}
    out = [('(found only before)', None, v, None, text[s:e]) for (s, e), v in was.items() if (s, e) not in now]
    out += [('(found only now)', None, None, v, text[s:e]) for s, e, _, v, _ in new if (s, e) not in was]
    for s, e, _, v, rule in new:
        if (s, e) not in was or was[(s, e)] == v: continue
        g = next((x[3] for x in gold if min(x[1], e) > max(x[0], s)), None)
        ctx = text[max(0, s-60):s].replace('\n', ' ') + '[' + text[s:e] + ']' + text[e:e+30].replace('\n', ' ')
        out.append((rule, g, was[(s, e)], v, ctx))
    return out

def report_changes(rows):
    "Print the changed values per rule, and each one."
    print(f"\n{len(rows)} values changed against the older engine (rule: changed, now right, was right)")
    by = collections.defaultdict(list)
    for r in rows: by[r[0]].append(r)
    for k, rs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        print(f"  {k:<40} {len(rs):>3} {sum(r[1] == r[3] for r in rs):>3} {sum(r[1] == r[2] for r in rs):>3}")
    for rule, g, o, v, ctx in rows: print(f"  {rule}\tgold {g}\twas {o}\tnow {v}\t{ctx}")

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--corpus', type=Path, default=CORPUS)
    ap.add_argument('--limit', type=int, default=None, help='score only the first N files')
    ap.add_argument('--no-spacy', action='store_true', help='rules only: pass no entities instead of running spaCy')
    ap.add_argument(
        '--errors', type=Path, default=None, help='write missed, spurious and wrongly valued expressions here'
    )
    ap.add_argument('--against', type=Path, default=None, help='an older timex.py: list the values that changed')
    a = ap.parse_args(argv)
    old_engine, changes = a.against and load_engine(a.against), []
    files = sorted(a.corpus.glob('*.tml'))[:a.limit]
    docs, errs, mods, t0 = [], [], collections.Counter(), time.time()
    for f in files:
        text, anchor, gold = read_tml(f)
        d = extract_dates(text, anchor, ents=[] if a.no_spacy else None)
        sys_ = list(zip(d['start'], d['end'], d['type'].cast(str), d['value'], d['rule']))
        docs.append((text, gold, sys_))
        for i, j in match(gold, sys_): # TIMEX3 mod, where gold or system gives one
            g, m = gold[i][4], d['mod'][j]
            if g or m: mods['same' if g == m else 'gold only' if not m else 'system only' if not g else 'differ'] += 1
        if old_engine:
            o = old_engine(text, anchor, ents=[] if a.no_spacy else None)
            changes += changed(
                text, gold, sys_, list(zip(o['start'], o['end'], o['type'].cast(str), o['value'], o['rule']))
            )
        if a.errors:
            m = match(gold, sys_); mg, ms = {i for i, _ in m}, {j for _, j in m}
            ctx = lambda s, e: (
                text[max(0, s - 40) : s].replace('\n', ' ')
                + '['
                + text[s:e]
                + ']'
                + text[e : e + 30].replace('\n', ' ')
            )
            errs += [
                f"MISS\t{f.name}\t{anchor}\t{g[2]}\t{g[3]}\t{ctx(g[0], g[1])}"
                for i, g in enumerate(gold)
                if i not in mg
            ]
            errs += [
                f"SPUR\t{f.name}\t{anchor}\t{s[2]}\t{s[3]}\t{s[4]}\t{ctx(s[0], s[1])}"
                for j, s in enumerate(sys_)
                if j not in ms
            ]
            errs += [
                f"VAL\t{f.name}\t{anchor}\tgold {gold[i][2]} {gold[i][3]}\tsys {sys_[j][2]} {sys_[j][3]} {sys_[j][4]}\t"
                f"{ctx(gold[i][0], gold[i][1])}\t[{text[sys_[j][0] : sys_[j][1]]}]"
                for i, j in m
                if gold[i][3] != sys_[j][3]
            ]
    secs = time.time() - t0
    print(
        f"TempEval-3 {a.corpus} — {len(files)} files, {'rules only' if a.no_spacy else 'spaCy entities + rules'}, "
        f"{secs:.1f}s\n"
    )
    print(
        f"{'subset':<6} {'gold':>5} {'sys':>5} | {'strict P':>8} {'R':>6} {'F1':>6} | {'relax P':>8} {'R':>6} "
        f"{'F1':>6} | {'value P':>8} {'R':>6} {'F1':>6}"
    )
    for name, types in [('all', None), ('DATE', {'DATE'})]:
        res, ng, ns = score(docs, types)
        print(f"{name:<6} {ng:>5} {ns:>5} | " + ' | '.join(' '.join(f"{x:>{w}.1f}" for x, w in zip(res[k], (8, 6, 6)))
                                               for k in ('strict', 'relaxed', 'value')))
    print(f"\nmod on relaxed matches where gold or system has one: {dict(mods)}")
    if old_engine: report_changes(changes)
    if a.errors: a.errors.write_text('\n'.join(errs) + '\n'); print(f"\n{len(errs)} errors written to {a.errors}")

if __name__ == '__main__': main()
