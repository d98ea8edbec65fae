"Table-driven tests of the date extraction and normalisation stage (`newsexplore.timeline`)."
import datetime as dt
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from newsexplore.timeline import DATES, extract_dates, dates_frame

D = dt.date
MAR20, AUG21 = D(2024, 3, 20), D(2024, 8, 21) # a Wednesday; the publication dates of the sample articles

# (sentence, anchor, expression, type, value, date_start, date_end)
CASES = [
    # full and partial dates
    ("Netanyahu met Blinken in Jerusalem on Aug. 19, 2024.", AUG21, "Aug. 19, 2024", 'DATE', '2024-08-19',
     D(2024,8,19), D(2024,8,19)),
    ("Blinken returned to the Middle East on March 20th.", MAR20, "March 20th", 'DATE', '2024-03-20', D(2024,3,20),
     D(2024,3,20)),
    ("The talks began on 20 March in Doha.", MAR20, "20 March", 'DATE', '2024-03-20', D(2024,3,20), D(2024,3,20)),
    ("Oil prices collapsed in the 1990s.", MAR20, "the 1990s", 'DATE', '199', D(1990,1,1), D(1999,12,31)),
    ("The plan covered 2009-2010 in detail.", MAR20, "2009", 'DATE', '2009', D(2009,1,1), D(2009,12,31)),
    ("The plan covered 2009-2010 in detail.", MAR20, "2010", 'DATE', '2010', D(2010,1,1), D(2010,12,31)),
    # missing years from tense and context
    ("Blinken made multiple visits since October 7th.", MAR20, "October 7th", 'DATE', '2023-10-07', D(2023,10,7),
     D(2023,10,7)),
    (
        "He returned on March 20th for his sixth visit.",
        MAR20,
        "March 20th",
        'DATE',
        '2024-03-20',
        D(2024, 3, 20),
        D(2024, 3, 20),
    ),
    ("The leaders will meet in May.", MAR20, "May", 'DATE', '2024-05', D(2024,5,1), D(2024,5,31)),
    ("The mediators said talks collapsed in December.", MAR20, "December", 'DATE', '2023-12', D(2023,12,1),
     D(2023,12,31)),
    ("He said he returned on March 20th.", None, "March 20th", 'DATE', 'XXXX-03-20', None, None),
    # weekdays and parts of days
    ("Israel continued to strike Gaza on Tuesday.", AUG21, "Tuesday", 'DATE', '2024-08-20', D(2024,8,20), D(2024,8,20)),
    ("Blinken met Netanyahu on Monday.", AUG21, "Monday", 'DATE', '2024-08-19', D(2024,8,19), D(2024,8,19)),
    ("Blinken will return to Cairo on Tuesday.", AUG21, "Tuesday", 'DATE', '2024-08-27', D(2024,8,27), D(2024,8,27)),
    ("The envoys meet again next Friday.", AUG21, "next Friday", 'DATE', '2024-08-23', D(2024,8,23), D(2024,8,23)),
    ("On Monday night, Biden accused Hamas of backing away.", AUG21, "Monday night", 'TIME', '2024-08-19TNI',
     D(2024,8,19), D(2024,8,19)),
    ("Blinken left Qatar on Tuesday night.", AUG21, "Tuesday night", 'TIME', '2024-08-20TNI', D(2024,8,20),
     D(2024,8,20)),
    ("The minister arrived this morning.", AUG21, "this morning", 'TIME', '2024-08-21TMO', D(2024,8,21), D(2024,8,21)),
    # relative expressions
    ("Negotiations took place in Doha last week.", AUG21, "last week", 'DATE', '2024-W33', D(2024,8,12), D(2024,8,18)),
    ("Parties would continue their efforts this week.", AUG21, "this week", 'DATE', '2024-W34', D(2024,8,19),
     D(2024,8,25)),
    ("The conflict broke out over 10 months ago.", AUG21, "over 10 months ago", 'DATE', '2023-10', D(2023,10,1),
     D(2023,10,31)),
    ("The ministry announced it yesterday.", AUG21, "yesterday", 'DATE', '2024-08-20', D(2024,8,20), D(2024,8,20)),
    ("Talks resume next month.", AUG21, "next month", 'DATE', '2024-09', D(2024,9,1), D(2024,9,30)),
    # an offset told from the story counts from its latest explicit date; with none before it, the year is unknown
    ("A year earlier, the border was quiet.", AUG21, "A year earlier", 'DATE', 'XXXX', None, None),
    ("Talks began on Aug. 1, 2023. A year earlier, the border was quiet.", AUG21, "A year earlier", 'DATE', '2022',
     D(2022,1,1), D(2022,12,31)),
    ("Prices rose over the past several months.", AUG21, "the past several months", 'DURATION', 'PXM', None, None),
    # modified and fuzzy
    ("Haniyeh was killed at the end of July.", AUG21, "the end of July", 'DATE', '2024-07', D(2024,7,21), D(2024,7,31)),
    ("Famine is expected between mid-March and May.", MAR20, "mid-March", 'DATE', '2024-03', D(2024,3,11),
     D(2024,3,20)),
    ("Famine is expected between mid-March and May.", MAR20, "May", 'DATE', '2024-05', D(2024,5,1), D(2024,5,31)),
    ("The offensive began in early December.", MAR20, "early December", 'DATE', '2023-12', D(2023,12,1), D(2023,12,10)),
    ("Growth slowed in late 2023.", MAR20, "late 2023", 'DATE', '2023', D(2023,9,1), D(2023,12,31)),
    # durations and sets: recognised, kept off the timeline
    ("They agreed to a six-week truce.", MAR20, "six-week", 'DURATION', 'P6W', None, None),
    ("Neither side can agree after six months of combat.", MAR20, "six months", 'DURATION', 'P6M', None, None),
    ("The festival takes place every year.", MAR20, "every year", 'SET', 'P1Y', None, None),
    # vague references
    ("Everyone in Gaza is now suffering.", MAR20, "now", 'DATE', 'PRESENT_REF', None, None),
]

@pytest.mark.parametrize("sentence,anchor,expr,typ,value,start,end", CASES, ids=[f"{c[2]}|{c[0][:30]}" for c in CASES])
def test_expression(sentence, anchor, expr, typ, value, start, end):
    d = extract_dates(sentence, anchor, ents=[])
    rows = d.filter(pl.col('text') == expr)
    assert len(rows) == 1, f"{expr!r} not found alone in {d.select('text', 'value').rows()}"
    r = rows.row(0, named=True)
    assert (r['type'], r['value'], r['date_start'], r['date_end']) == (typ, value, start, end)
    assert sentence[r['start']:r['end']] == expr

@pytest.mark.parametrize("sentence,expr,typ,value", [
    ("Negotiations took place in Doha last week.", "last week", 'DATE', '2024-W33'),
    ("Blinken returned on March 20th.", "March 20th", 'DATE', '2024-03-20'),
])
def test_with_spacy(sentence, expr, typ, value):
    "Without `ents`, spaCy's entities are computed on the text; the result is the same."
    anchor = AUG21 if 'week' in sentence else MAR20
    assert extract_dates(sentence, anchor).filter(pl.col('text') == expr).select('type', 'value').row(0) == (typ, value)

NOT_DATES = [
    "Officials say the deal May collapse.",                        # May the verb
    "Thousands joined the March on Washington.",                   # March the noun
    "He may march on the capital.",
    "Police counted 2000 people and 1500 cars.",                   # bare numbers
    "The death toll has surpassed 40,000.",
    "Delegates voted 89-52 for a republic.",
    "Rescuers found a 6-month-old baby in the rubble.",            # ages
    "The six-year-old girl was evacuated.",
    "Mr. Reupke, 52 years old, will succeed him.",
    "The Arab Weekly reported the story.",                         # a name
    "About three-quarters of the food is imported.",               # a fraction
]

@pytest.mark.parametrize("sentence", NOT_DATES)
def test_no_false_dates(sentence):
    assert extract_dates(sentence, MAR20, ents=[]).is_empty(), (
        extract_dates(sentence, MAR20, ents=[]).select('text', 'value').rows()
    )


@pytest.mark.parametrize("sentence", NOT_DATES[:3])
def test_no_false_months_with_spacy(sentence):
    "spaCy's small model calls some of these months DATEs; the rules still turn them down."
    assert extract_dates(sentence, MAR20).is_empty(), extract_dates(sentence, MAR20).select('text', 'value').rows()

def test_schema_and_empty():
    assert extract_dates("", MAR20, ents=[]).schema == DATES
    assert extract_dates("Nothing temporal here.", None, ents=[]).schema == DATES

def test_entities_confirm_ambiguous_month():
    "A bare 'May' with no cue word is a date only when spaCy says so."
    s = "May was the deadliest month."
    assert extract_dates(s, MAR20, ents=[]).is_empty()
    assert extract_dates(s, AUG21, ents=[(0, 3, 'DATE')])['value'].to_list() == ['2024-05']

def test_dates_frame_matches_extract_dates():
    "The bulk function gives the rows `extract_dates` gives, with article offsets, doc_id and sent_id."
    a = "Blinken left Qatar on Tuesday night. Talks resume next week."
    b = "Blinken returned on March 20th. He will meet Saudi leaders in May. The Arab Weekly"
    sents = pl.DataFrame({'doc_id': ['a', 'a', 'b', 'b', 'b'], 'sent_id': [0, 1, 0, 1, 2],
                          'start': [0, 37, 0, 32, 67], 'end': [36, 60, 31, 66, 82]})
    sents = sents.with_columns(
        text=pl.Series([t[s:e] for t, s, e in zip([a, a, b, b, b], sents['start'], sents['end'])])
    )
    ents = pl.DataFrame({'doc_id': ['a', 'b', 'b'], 'start': [22, 20, 67], 'end': [35, 30, 82],
                         'label': ['TIME', 'DATE', 'ORG']})
    anchors = pl.DataFrame({'doc_id': ['a', 'b'], 'published': [AUG21, MAR20]})
    got = dates_frame(sents, ents, anchors)
    assert got.columns == ['doc_id', 'sent_id', *DATES]
    assert got.select('doc_id', 'sent_id', 'text', 'value').rows() == [
        ('a', 0, 'Tuesday night', '2024-08-20TNI'), ('a', 1, 'next week', '2024-W35'),
        ('b', 0, 'March 20th', '2024-03-20'), ('b', 1, 'May', '2024-05')]
    for doc, text, anchor in [('a', a, AUG21), ('b', b, MAR20)]:
        one = extract_dates(text, anchor, ents=[tuple(r[1:]) for r in ents.filter(pl.col('doc_id') == doc).rows()])
        assert_frame_equal(got.filter(pl.col('doc_id') == doc).drop('doc_id', 'sent_id'), one)

def test_dates_frame_unknown_anchor_and_empty():
    sents = pl.DataFrame({'doc_id': ['x'], 'sent_id': [0], 'start': [5], 'end': [26],
                          'text': ['He returned on May 3.']})
    anchors = pl.DataFrame({'doc_id': ['x'], 'published': [None]}, schema={'doc_id': pl.String, 'published': pl.Date})
    ents = pl.DataFrame(schema={'doc_id': pl.String, 'start': pl.Int64, 'end': pl.Int64, 'label': pl.String})
    got = dates_frame(sents, ents, anchors)
    assert got.select('start', 'end', 'value', 'date_start').rows() == [(20, 25, 'XXXX-05-03', None)]
    assert dates_frame(sents.clear(), ents, anchors).is_empty()

def test_dates_frame_on_many_sentences():
    """The bulk path over 20,000 date-dense sentences (every other one holds two expressions) finds every
    expression; its speed is measured in bench/bench_scale.py, not here."""
    base = ["Blinken returned to the Middle East on March 20th for his sixth visit since October 7th.",
            "He will meet with Saudi leaders in Jeddah and Egyptian leaders in Cairo to discuss an agreement.",
            "Talks of a six-week truce have yet to be realised after six months of combat.",
            "US President Joe Biden accused Hamas of backing away from a potential hostage deal with Israel."]
    n = 20_000
    texts = [base[i % 4] for i in range(n)]
    sents = pl.DataFrame({'doc_id': [f"d{i // 20}" for i in range(n)], 'sent_id': [i % 20 for i in range(n)]})
    lens = pl.Series([len(t) + 1 for t in texts])
    sents = sents.with_columns(text=pl.Series(texts), start=(lens.cum_sum() - lens), end=(lens.cum_sum() - 1))
    sents = sents.with_columns(pl.col('start') - pl.col('start').min().over('doc_id'),
                               pl.col('end') - pl.col('start').min().over('doc_id'))
    anchors = pl.DataFrame({'doc_id': sents['doc_id'].unique(), 'published': MAR20})
    ents = pl.DataFrame(schema={'doc_id': pl.String, 'start': pl.Int64, 'end': pl.Int64, 'label': pl.String})
    got = dates_frame(sents, ents, anchors)
    assert len(got) == n # two expressions in every other sentence

def test_a_month_or_time_word_in_a_persons_name_is_no_date():
    "The corpus passes PERSON entities (`date_evidence`): a name word inside one is no date; digits always are."
    from newsexplore.timeline import date_evidence
    text = "Theresa May said Jamie Noon would sign on 5 May. MAY 14 was set. John b. 1842, Edward b. 1848."
    at = lambda part, label: (text.index(part), text.index(part) + len(part), label)
    spans = [at('Theresa May', 'PERSON'), at('Jamie Noon', 'PERSON'), at('5 May', 'DATE'), at('MAY 14', 'PERSON'),
             at('John b. 1842', 'PERSON')]
    mentions = pl.DataFrame({'doc_id': 'd', 'start': [a for a, _, _ in spans], 'end': [b for _, b, _ in spans],
                             'label': [l for _, _, l in spans]})
    sents = pl.DataFrame({'doc_id': ['d'], 'sent_id': [0], 'start': [0], 'end': [len(text)], 'text': [text]})
    got = dates_frame(sents, date_evidence(mentions), pl.DataFrame({'doc_id': ['d'], 'published': [MAR20]}))
    assert got['text'].to_list() == ['5 May', 'MAY 14', '1842', '1848']

# --- numeric dates: one day/month order in metadata and text (issue 13) ------------------------------------

from newsexplore.core import DateOrderError, numeric_order, read_numeric_date
from newsexplore.timeline import ambiguous_date, corpus_dates, numeric_orders

@pytest.mark.parametrize("text,order,day", [
    ('15/04/2023', None, D(2023, 4, 15)),
    ('15/04/2023', 'MDY', D(2023, 4, 15)),  # only day first fits: read so, whatever the order
    ('4/15/2023', 'DMY', D(2023, 4, 15)), ('04/04/2024', None, D(2024, 4, 4)),    # only month first; one day either way
    ('05/04/2024', 'DMY', D(2024, 4, 5)), ('05/04/2024', 'MDY', D(2024, 5, 4)),
    ('05/04/2024', None, None),                                                   # ambiguous and no order: not read
    ('2024/04/05', 'MDY', D(2024, 4, 5)), ('05.04.24 10:30', 'DMY', D(2024, 4, 5)),
    ('31/02/2024', 'DMY', None), ('1.2.3.2024', 'DMY', None),
])
def test_read_numeric_date(text, order, day):
    assert read_numeric_date(text, order) == day

def test_numeric_order_of_a_set_of_values():
    assert numeric_order(['05/04/2024', '15/04/2023']) == 'DMY'
    assert numeric_order(['05/04/2024', '4/15/2023']) == 'MDY'
    assert numeric_order(['05/04/2024', '2024-04-15', None]) is None     # nothing decides
    assert numeric_order(['15/04/2023', '4/15/2023']) is None           # mixed
    with pytest.raises(DateOrderError, match='date order must be one of'): read_numeric_date('05/04/2024', 'YMD')

# (text of the article, order setting, the expression, its value, its rule)
NUMERIC = [
    ("Heard on 15/04/2023.", None, '15/04/2023', '2023-04-15', 'numeric'),                     # was dropped
    ("Filed on 8/20/2024.", None, '8/20/2024', '2024-08-20', 'numeric'),
    ("Heard on 15/04/2023; lodged on 05/04/2024.", None, '05/04/2024', '2024-04-05', 'numeric/dmy article'),
    ("Filed on 4/15/2023; due on 05/04/2024.", None, '05/04/2024', '2024-05-04', 'numeric/mdy article'),
    ("Lodged on 05/04/2024.", None, '05/04/2024', '2024-04-05',
     'numeric/dmy assumed'),        # nothing decides: flagged
    ("Lodged on 05/04/2024.", 'MDY', '05/04/2024', '2024-05-04', 'numeric/mdy setting'),
    ("Heard on 15/04/2023; lodged on 05/04/2024.", 'MDY', '05/04/2024', '2024-05-04', 'numeric/mdy setting'),
    ("On 15/04/2023, 4/15/2023 and 05/04/2024.", None, '05/04/2024', '2024-04-05', 'numeric/dmy assumed'),  # mixed
]

@pytest.mark.parametrize("text,order,expr,value,rule", NUMERIC, ids=[f"{c[0][:25]}|{c[1]}" for c in NUMERIC])
def test_numeric_dates(text, order, expr, value, rule):
    got = extract_dates(text, MAR20, ents=[], order=order).filter(pl.col('text') == expr)
    assert got.select('value', 'rule').rows() == [(value, rule)]
    assert got.select(ambiguous_date()).item() == rule.endswith('assumed')

def test_numeric_orders_by_source():
    "Articles of one source are read alike; without a source, unsourced articles count as one source."
    texts = pl.DataFrame({'doc_id': ['a', 'b', 'c', 'd', 'e'], 'source': ['UK', 'UK', 'US', 'US', None],
                          'text': ['on 15/04/2023', 'on 05/04/2024', 'on 4/15/2023', 'on 05/04/2024', 'on 05/04/2024']})
    assert numeric_orders(texts).rows() == [('a', None, None), ('b', 'DMY', 'source'), ('c', None, None),
                                            ('d', 'MDY', 'source'), ('e', 'DMY', 'assumed')]
    meta = numeric_orders(texts.with_columns(date_order=pl.lit('MDY')))      # the loader's reading of the metadata
    assert meta.filter(pl.col('doc_id') == 'e').rows() == [('e', 'MDY', 'metadata')]

def numeric_corpus(docs:dict, source:str='Leeds Post'):
    "articles, sentences and (no) mentions of one-sentence articles {doc_id: text}, all of one source."
    arts = pl.DataFrame({'doc_id': list(docs), 'text': list(docs.values()), 'source': source, 'published': MAR20})
    sents = arts.select('doc_id', sent_id=pl.lit(0, pl.Int64), start=pl.lit(0, pl.Int64),
                        end=pl.col('text').str.len_chars().cast(pl.Int64), text='text')
    mentions = pl.DataFrame(schema={'doc_id': pl.String, 'start': pl.Int64, 'end': pl.Int64, 'label': pl.String})
    return arts, sents, mentions

def test_dates_frame_reads_by_source():
    arts, sents, _ = numeric_corpus({'a': 'Heard on 15/04/2023.', 'b': 'Lodged on 05/04/2024.'})
    ents = pl.DataFrame(schema={'doc_id': pl.String, 'start': pl.Int64, 'end': pl.Int64, 'label': pl.String})
    got = dates_frame(sents, ents, arts.select('doc_id', 'published', 'source'))
    assert got.select('doc_id', 'value', 'rule').rows() == [('a', '2023-04-15', 'numeric'),
                                                            ('b', '2024-04-05', 'numeric/dmy source')]
    alone = dates_frame(sents, ents, arts.select('doc_id', 'published'))       # no source: each article alone
    assert alone.filter(pl.col('doc_id') == 'b')['rule'].to_list() == ['numeric/dmy assumed']

def test_cached_dates_follow_the_order_of_their_source(tmp_path, monkeypatch):
    "The date order is part of the cache key: new evidence in a source re-reads its ambiguous dates, and only those."
    arts, sents, mentions = numeric_corpus({'b': 'Lodged on 05/04/2024.', 'c': 'Lodged in May.'})
    first = corpus_dates(arts, sents, mentions, cache_dir=tmp_path)
    assert (first.filter(pl.col('doc_id') == 'b').select('value', 'rule').rows()
            == [('2024-04-05', 'numeric/dmy assumed')])
    more, sents2, _ = numeric_corpus({'a': 'Filed on 4/15/2023.', 'b': 'Lodged on 05/04/2024.', 'c': 'Lodged in May.'})
    import newsexplore.timeline as tl
    seen, real = [], tl.dates_frame

    def spy(sentences, ents, anchors, *args):
        seen.append(sorted(anchors['doc_id']))
        return real(sentences, ents, anchors, *args)

    monkeypatch.setattr(tl, 'dates_frame', spy)
    again = corpus_dates(more, sents2, mentions, cache_dir=tmp_path)
    assert seen == [['a', 'b']]                                                # c has no numeric date: still cached
    assert (again.filter(pl.col('doc_id') == 'b').select('value', 'rule').rows()
            == [('2024-05-04', 'numeric/mdy source')])
    assert (corpus_dates(more, sents2, mentions, order='DMY')['value'].to_list()
            == ['2023-04-15', '2024-04-05', '2024-05'])

def test_case_numeric_date_order(tmp_path):
    "../shared/cases/04_numeric_date_order (after scrapinghub/dateparser#539): metadata and text read 05/04/2024 alike."
    from newsexplore import Corpus
    (tmp_path/'in').mkdir()
    (tmp_path / 'in' / 'uk.jsonl').write_text(
        '{"title": "Appeal lodged", "date": "05/04/2024", "text": "The court in Leeds heard '
        'the case on 15/04/2023. The appeal was lodged on 05/04/2024, the clerk said."}\n'
    )
    c = Corpus.from_folder(tmp_path/'in', cache_dir=tmp_path/'cache')
    assert str(c.articles['published'][0]) == '2024-04-05'
    got = dict(c.dates.select('text', 'value').rows())
    assert got == {'15/04/2023': '2023-04-15', '05/04/2024': '2024-04-05'}
    assert c.timeline.filter(ambiguous_date()).is_empty()

def test_mod_column_survives_the_cache(tmp_path):
    "TIMEX3 `mod` is a column of `dates`, fresh and cached; the cache folder is named for the rules' sources."
    from newsexplore import timeline as tl
    arts, sents, mentions = numeric_corpus({'a': 'Talks resume in early May.', 'b': 'It took about three years.'})
    fresh = corpus_dates(arts, sents, mentions, cache_dir=tmp_path)
    cached = corpus_dates(arts, sents, mentions, cache_dir=tmp_path)
    for got in (fresh, cached):
        assert got.select('text', 'value', 'mod').rows() == [('early May', '2024-05', 'START'),
                                                               ('about three years', 'P3Y', 'APPROX')]
        assert got.schema['mod'] == DATES['mod']
    assert [p.name for p in tmp_path.rglob('dates-*')] == [f'dates-{tl.DATES_VERSION}']
    assert tl.DATES_VERSION == tl._sources_hash('newsexplore.timex', 'newsexplore.timeline', 'newsexplore.extract')

# ---- date_label: TIMEX3 values spelt out for readers ------------------------------------------------------------
from newsexplore.timeline import date_label

@pytest.mark.parametrize("value,label", [
    ('2009-03-29TNI', '29 Mar 2009, night'), ('2009-04-25TAF', '25 Apr 2009, afternoon'),
    ('2009-04-25TMO', '25 Apr 2009, morning'), ('2010-09-04T00:23', '4 Sep 2010, 00:23'),
    ('2009-03-29', '29 Mar 2009'), ('2009-12', 'Dec 2009'), ('2009', '2009'), ('2008-WI', 'winter 2008'),
    ('2009-FA', 'autumn 2009'), ('2009-W14', 'week 14, 2009'), ('2009-W01-WE', 'weekend of week 1, 2009'),
    ('2009-Q4', 'Q4 2009'), ('2009-H1', 'first half of 2009'), ('199', '1990s'), ('201', '2010s'),
    ('19', '20th century'), ('20', '21st century'), ('10', '11th century'),
    ('PRESENT_REF', 'now'), ('PAST_REF', 'the past'), ('FUTURE_REF', 'the future'),
    # kept as written: unknown years, codes it does not know, nonsense
    ('XXXX-10-07', 'XXXX-10-07'), ('XXXX-WXX', 'XXXX-WXX'), ('2009-13', '2009-13'), ('2009-ZZ', '2009-ZZ'), ('', ''),
])
def test_date_label(value, label):
    assert pl.DataFrame({'value': [value]}).select(date_label())['value'].item() == label

def test_date_label_of_a_column():
    df = pl.DataFrame({'when': ['2024-08-20TNI', None, 'P6M']})
    out = df.with_columns(date_label('when'))
    assert out.columns == ['when'] and out.schema['when'] == pl.String
    assert out['when'].to_list() == ['20 Aug 2024, night', None, 'P6M'] # null stays null; a duration unchanged
    assert pl.select(date_label(pl.lit('2009-W14'))).item() == 'week 14, 2009'
    assert pl.DataFrame({'value': []}, schema={'value': pl.String}).select(date_label()).height == 0
