"Tests of the TIMEX3 engine (`newsexplore.timex`): the issue-14 kinds, as literal cases and as properties."
import datetime as dt
import pytest
import polars as pl
from hypothesis import given, settings, strategies as st, HealthCheck
from newsexplore.timex import extract_dates

D = dt.date

def found(text, anchor, expr):
    "(type, value, date_start, date_end) of expression `expr` in `text` (spaCy not run: no entities)."
    rows = [r for r in extract_dates(text, anchor, ents=[]).iter_rows(named=True) if r['text'] == expr]
    assert rows, f"{expr!r} not found in {text!r}"
    r = rows[0]
    return str(r['type']), r['value'], r['date_start'], r['date_end']

# ---- kind 10: never crash, never overflow -------------------------------------------------------------------
# (text, anchor, expression, value): out of the calendar's years 1-9999, or a day that does not exist, the text
# is kept with the value it has without an anchor and no span
BEYOND = [
    ("The vote is on 29 February.", D(2023, 5, 1), "29 February", 'XXXX-02-29'),
    ("It ends tomorrow.", D(9999, 12, 31), "tomorrow", 'XXXX-XX-XX'),
    ("It began yesterday.", D(1, 1, 1), "yesterday", 'XXXX-XX-XX'),
    ("It happened 1000000 days ago.", D(2020, 1, 1), "1000000 days ago", 'XXXX-XX-XX'),
    ("Humans arrived about 100,000 years ago.", D(2017, 6, 1), "about 100,000 years ago", 'XXXX'),
    ("The fund closes next year.", D(9999, 6, 1), "next year", 'XXXX'),
    ("They met last week.", D(1, 1, 3), "last week", 'XXXX-WXX'),
    ("Rates rise next quarter.", D(9999, 12, 30), "next quarter", 'XXXX-QX'),
    ("The ship sank 5000 years later.", D(9000, 1, 1), "5000 years later", 'XXXX'),
    ("They met on Friday.", D(1, 1, 1), "Friday", 'XXXX-WXX-5'),
    ("Families gather at Thanksgiving.", D(9999, 12, 30), "Thanksgiving", 'XXXX-11-XX'),
    ("It snowed this winter.", D(1, 1, 1), "this winter", 'XXXX-WI'),
]

@pytest.mark.parametrize("text,anchor,expr,value", BEYOND)
def test_beyond_the_calendar(text, anchor, expr, value):
    assert found(text, anchor, expr)[1:] == (value, None, None)

@pytest.mark.parametrize("text,anchor,expr,value,span", [
    ("The vote was on 29 February.", D(2024, 3, 5), "29 February", '2024-02-29', (D(2024, 2, 29),)*2), # a leap year
    ("Trading began in January.", D(1, 1, 5), "January", '0001-01', (D(1, 1, 1), D(1, 1, 31))), # year 1 is padded
    ("The market closes in December.", D(9999, 12, 5), "December", '9999-12', (D(9999, 12, 1), D(9999, 12, 31))),
    ("Mills were built in the 20th century.", D(2020, 1, 1), "the 20th century", '19',
     (D(1900, 1, 1), D(1999, 12, 31))),
])
def test_near_the_calendar_edges(text, anchor, expr, value, span):
    assert found(text, anchor, expr)[1:] == (value, *span)

def test_no_zeroth_century():
    assert extract_dates("It was built in the 0th century.", D(2020, 1, 1), ents=[]).height == 0

WORDS = ("yesterday tomorrow today tonight ago later earlier before after next last this past coming following "
         "previous "
         "day days week weeks weekend month months quarter quarters year years decade decades century centuries "
         "Monday Friday Sunday January February May December spring summer winter fall Christmas Thanksgiving "
         "the of in on since until by early late mid end first third fourth Q3 H1 FY fiscal every each a an "
         "29 28 31 1 2 12 99 1999 2024 100,000 1000000 9999 0001 Feb. Aug. 29th 15/04/2023 2024-02-29 02:44 p.m. "
         "was will said has been ' s , .").split()

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
       anchor=st.one_of(st.none(), st.dates(D(1, 1, 1), D(9999, 12, 31)),
                        st.sampled_from([D(1, 1, 1), D(1, 1, 7), D(9999, 12, 31), D(9999, 12, 25), D(2023, 2, 28)])))
def test_never_raises_and_spans_are_ordered(words, anchor):
    d = extract_dates(' '.join(words), anchor, ents=[])
    for r in d.iter_rows(named=True):
        assert (r['date_start'] is None) == (r['date_end'] is None)
        if r['date_start'] is not None: assert D(1, 1, 1) <= r['date_start'] <= r['date_end'] <= D(9999, 12, 31)
        if anchor is None: assert r['date_start'] is None

@settings(max_examples=100, deadline=None)
@given(n=st.integers(0, 10**12), unit=st.sampled_from("day week month quarter year decade century".split()),
       way=st.sampled_from("ago later earlier from now".split()), anchor=st.dates(D(1, 1, 1), D(9999, 12, 31)))
def test_any_offset_stays_in_the_calendar(n, unit, way, anchor):
    "Numbers of any size before a unit: a dated value has its span inside years 1-9999; else it has no year."
    d = extract_dates(f"It happened {n:,} {unit}s {way}.", anchor, ents=[])
    for v, start in zip(d['value'], d['date_start']):
        assert (start is not None) == v[:1].isdigit(), v

# ---- kind 3: tense decides direction (cases 01 and 02) --------------------------------------------------------
@pytest.mark.parametrize("text,anchor,expr,value", [ # ../shared/cases/01_month_or_quarter_resolved_into_future
    ("Exports surged in January, the ministry said.", D(2011, 10, 3), "January", '2011-01'),
    ("The new tax took effect in January.", D(2011, 10, 3), "January", '2011-01'),
    ("Revenue fell in the third quarter, the company reported.", D(2024, 3, 13), "the third quarter", '2023-Q3'),
    # ../shared/cases/02_until_weekday_resolved_to_past
    ("Peace talks in the capital have been postponed until Monday.", D(2015, 2, 22), "Monday", '2015-02-23'),
])
def test_cases_tense(text, anchor, expr, value):
    for ents in ([], None): # rules alone, and with spaCy's entities as the cases runner does
        rows = extract_dates(text, anchor, ents=ents).filter(text=expr)
        assert rows.select('type', 'value').rows() == [('DATE', value)]

MONTH_NAMES = "January February March April June July August September October November December".split()
PERIODS = MONTH_NAMES + ["the spring", "the summer", "the winter", "Christmas", "Halloween", "the first quarter",
                         "the second quarter", "the third quarter", "the fourth quarter", "Thanksgiving"]
PAST = ["Exports surged in {}, the ministry said.", "The new tax took effect in {}.", "Sales fell in {}.",
        "Revenue fell in {}, the company reported.", "The plant closed in {}."]
FUTURE = ["Exports will surge in {}, the ministry said.", "The new tax is expected to take effect in {}.",
          "The company plans to open the plant in {}.", "The vote is scheduled to take place in {}."]

@settings(max_examples=300, deadline=None)
@given(period=st.sampled_from(PERIODS), past=st.booleans(), i=st.integers(0, 10),
       anchor=st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_tense_decides_direction(period, past, i, anchor):
    "A past cue never gives a period starting after the anchor; a future cue never one ending before it."
    frames = PAST if past else FUTURE
    text = frames[i % len(frames)].format(period)
    d = extract_dates(text, anchor, ents=[]).filter(text=period)
    assert d.height == 1, (text, d)
    if past: assert d['date_start'][0] <= anchor, (text, anchor, d['value'][0])
    else: assert d['date_end'][0] >= anchor, (text, anchor, d['value'][0])

@pytest.mark.parametrize("text,expr", [("Peace talks have been postponed until Monday.", "Monday"),
    ("The judge adjourned the hearing to Thursday.", "Thursday"), ("The launch was delayed until Friday.", "Friday"),
    ("The vote was put off until Wednesday.", "Wednesday"), ("The meeting has been moved to Tuesday.", "Tuesday")])
@pytest.mark.parametrize("anchor", [D(2015, 2, 22) + dt.timedelta(k) for k in range(7)])
def test_put_off_points_forward(text, expr, anchor):
    start = extract_dates(text, anchor, ents=[]).filter(text=expr)['date_start'][0]
    assert anchor <= start <= anchor + dt.timedelta(7)

def test_present_perfect_is_not_past():
    "'has been' reports a present state: with no other cue the nearest occurrence wins."
    assert found("The border has been closed since the deal in December.", D(2024, 11, 20), "December")[1] == '2023-12'
    assert found("The border has been closed in December.", D(2024, 11, 20), "December")[1] == '2024-12'

def test_opening_phrase_takes_the_tense_of_its_clause():
    assert found("In January, exports surged.", D(2024, 10, 13), "January")[1] == '2024-01'
    assert found("In Q2, Apple sold 5 million phones.", D(2024, 3, 13), "Q2")[1] == '2023-Q2'

# ---- kind 4: financial periods (case 03) ------------------------------------------------------------------------
@pytest.mark.parametrize("text,anchor,expr,value", [ # ../shared/cases/03_quarter_abbreviation_not_found
    ("Profit in Q4 2023 rose 5%.", D(2024, 3, 13), "Q4 2023", '2023-Q4'),
    ("The plan will be reviewed in Q3.", D(2024, 3, 13), "Q3", '2024-Q3'),
])
def test_cases_financial(text, anchor, expr, value):
    for ents in ([], None):
        rows = extract_dates(text, anchor, ents=ents).filter(pl.col('text').str.to_lowercase() == expr.lower())
        assert rows.select('type', 'value').rows() == [('DATE', value)]

A = D(2024, 3, 13)
@pytest.mark.parametrize("text,expr,value", [
    ("Sales in 2023 Q3 fell.", "2023 Q3", '2023-Q3'), ("Margins fell in Q3 2022.", "Q3 2022", '2022-Q3'),
    ("Margins fell in Q3'22.", "Q3'22", '2022-Q3'), ("H2 2023 sales rose.", "H2 2023", '2023-H2'),
    ("H1 2025 will be tough.", "H1 2025", '2025-H1'), ("FY2024 revenue rose.", "FY2024", '2024'),
    ("FY24 guidance was cut.", "FY24", '2024'), ("Sales grew in fiscal 2023.", "fiscal 2023", '2023'),
    ("Revenue fell in the third quarter, the company reported.", "the third quarter", '2023-Q3'),
    ("The company expects to report Q4 results soon.", "Q4", '2023-Q4'), # a reported period has begun
    ("Q4 revenue fell 3%.", "Q4", '2023-Q4'), ("Q3 revenue will rise.", "Q3", '2024-Q3'),
    ("Revenue rose in H1.", "H1", '2024-H1'), ("The plant will reopen in H2.", "H2", '2024-H2'),
    ("Output was cut in Q2.", "Q2", '2023-Q2'), ("Output will be cut in Q1.", "Q1", '2024-Q1'),
])
def test_financial_periods(text, expr, value):
    assert found(text, A, expr)[:2] == ('DATE', value)

@pytest.mark.parametrize("text", ["Q3: who won the cup?", "The H1N1 virus spread.", "Call q3 now.", "An H3 road sign."])
def test_not_financial_periods(text):
    assert extract_dates(text, A, ents=[]).filter(pl.col('rule').str.starts_with('fin_period')).height == 0

@settings(max_examples=200, deadline=None)
@given(k=st.sampled_from(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2']), past=st.booleans(),
       anchor=st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_short_periods_follow_tense(k, past, anchor):
    text = f"Output was cut in {k}." if past else f"Output will be cut in {k}."
    d = extract_dates(text, anchor, ents=[])
    assert d['text'].to_list() == [k]
    if past: assert d['date_start'][0] <= anchor
    else: assert d['date_end'][0] >= anchor

# ---- kind 1: a month that is a name ---------------------------------------------------------------------------
ANCHOR19 = D(2019, 3, 20)
@pytest.mark.parametrize("text,word", [
    ("Theresa May's deal was rejected by MPs.", "May"), ("Mrs May said the deal was dead.", "May"),
    ("May and Corbyn met on Tuesday.", "May"), ("The vote on May's deal failed.", "May"),
    ("Corbyn and May met in April.", "May"), ("April Ryan asked the question.", "April"),
    ("June Sarpong hosted the show in August.", "June"), ("The deal, May said, is dead.", "May"),
    ("Prime Minister May arrived in Brussels.", "May"), ("August Landmesser refused to salute.", "August"),
    ("Mrs. May's cabinet met.", "May"), ("May, who became prime minister in 2016, resigned.", "May"),
    ("May told MPs on Monday that she would quit.", "May"), ("Brian May played guitar.", "May"),
])
def test_month_that_is_a_name(text, word):
    for ents in ([], None): # rules alone and with spaCy, which often calls these DATE
        d = extract_dates(text, ANCHOR19, ents=ents)
        assert word not in d['text'].to_list(), (text, d.select('text', 'value').rows())

def test_month_beside_a_person_entity():
    text = "Talks between Labour and May and officials went on."
    assert "May" in extract_dates(text, ANCHOR19, ents=[])['text'].to_list() # "and" is a date cue on its own
    assert "May" not in extract_dates(text, ANCHOR19, ents=[(14, 20, 'PERSON')])['text'].to_list()

@pytest.mark.parametrize("text,word,value", [
    ("In May, exports rose.", "May", '2018-05'), ("Talks resume in May.", "May", '2019-05'),
    ("May said she would go in May.", "May", '2019-05'), ("Since May, prices have risen.", "May", '2018-05'),
    ("Elections are due in May and June.", "June", '2019-06'), ("Sales in April rose 5%.", "April", '2018-04'),
    ("The figures for last May's elections were revised.", "last May", '2018-05'),
    ("Revisions to December's figures were small.", "December", '2018-12'),
])
def test_month_that_is_a_date(text, word, value):
    assert found(text, ANCHOR19, word)[1] == value

# ---- kind 2: offsets told from the story (case 06) -------------------------------------------------------------
@pytest.mark.parametrize("text,anchor,items", [ # ../shared/cases/06_offset_from_story_date_not_publication
    ("The talks began on March 5 and ended three days later.", D(2024, 3, 13),
     [("March 5", '2024-03-05'), ("three days later", '2024-03-08')]),
    ("He was arrested in 2019 and released a year later.", D(2024, 3, 13),
     [("2019", '2019'), ("a year later", '2020')]),
    ("The ship left port on Feb. 20. The next day, it was boarded.", D(2024, 3, 13),
     [("Feb. 20", '2024-02-20'), ("The next day", '2024-02-21')]),
])
def test_cases_story(text, anchor, items):
    for ents in ([], None):
        got = dict(extract_dates(text, anchor, ents=ents).select('text', 'value').rows())
        for expr, value in items: assert got.get(expr) == value, (text, got)

@pytest.mark.parametrize("text,anchor,expr,value", [
    ("The band formed in 1977. Forty years later they split.", D(2017, 5, 1), "Forty years later", '2017'),
    ("She was born on 4 July 1990. Two weeks earlier her father had left.", D(2020, 1, 1), "Two weeks earlier",
     '1990-W25'),
    ("The strike began on March 22, 2021. The following week, talks resumed.", D(2024, 1, 1), "The following week",
     '2021-W13'),
    ("The strike began in March 2021. The following week, talks resumed.", D(2024, 1, 1), "The following week",
     'XXXX-WXX'),
    ("The law passed in 2010. The previous year had been calm.", D(2024, 1, 1), "The previous year", '2009'),
    ("The war ended in May 1945 and, six months later, rationing eased.", D(2024, 1, 1), "six months later", '1945-11'),
    # no explicit date before: underspecified, never counted from publication
    ("Three days later, the talks collapsed.", D(2024, 3, 13), "Three days later", 'XXXX-XX-XX'),
    ("The next day, it was boarded.", D(2024, 3, 13), "The next day", 'XXXX-XX-XX'),
    ("He left in 2019. Three days later he came back.", D(2024, 3, 13), "Three days later",
     'XXXX-XX-XX'), # a year is too coarse
    # publication-relative offsets are unchanged
    ("The war began two years ago.", D(2024, 3, 13), "two years ago", '2022'),
])
def test_story_offsets(text, anchor, expr, value):
    assert found(text, anchor, expr)[1] == value

def test_story_date_does_not_cross_documents():
    from newsexplore.timex import _scan, _Ents, sentence_bounds
    text = "It began on March 5.\x00Three days later it ended."
    b = sentence_bounds(text)
    rows = _scan(text, b, [D(2024, 3, 13)]*len(b), _Ents([]))
    assert [r[4] for r in rows] == ['2024-03-05', 'XXXX-XX-XX']

def assert_no_date_holds(text, word):
    "No expression found in `text`, with spaCy's entities or without, holds `word`."
    for ents in ([], None):
        d = extract_dates(text, D(2024, 3, 13), ents=ents)
        assert not any(word in t for t in d['text'].to_list()), (text, d.select('text', 'value').rows())

# ---- kind 7: numbers that are not years ------------------------------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("The president returned to 1600 Pennsylvania Avenue on Monday.", "1600"),
    ("Protesters gathered outside 1920 Market Street in 2019.", "1920"), ("He sued under Section 1983.", "1983"),
    ("The claim under § 2021 failed in 2022.", "2021"), ("The index closed at 1847.27 in 2019.", "1847"),
    ("The Dow fell to 1900 points in 2019.", "1900"), ("The Dow fell 1,900 points.", "1,900"),
    ("The Lakers won 1998-2004 after overtime.", "1998"), ("Smith scored a second century in Delhi.", "second century"),
    ("The firm showed the iPhone 2020 model.", "2020"), ("It flew on Flight 1989 to Rome.", "1989"),
    ("Replay More Videos ... 02:44", "02:44"), ("Watch the video 01:15", "01:15"),
])
def test_number_that_is_not_a_year(text, word):
    assert_no_date_holds(text, word)

@pytest.mark.parametrize("text,expr,value", [
    ("In 1600 the company was founded.", "1600", '1600'), ("By 2010 Pennsylvania had changed.", "2010", '2010'),
    ("The 1992-1996 plan failed.", "1996", '1996'), ("It is a 20th century idea.", "20th century", '19'),
    ("The vote opens at 02:44 tomorrow, says the video.", "02:44 tomorrow", '2024-03-14T02:44'),
    ("Prices rose 5% in 2019.", "2019", '2019'),
    ("A YouTube video at around 22:00 local time showed it.", "22:00", '2024-03-13T22:00'),
    ("It was a 17th-century Tuscan villa.", "17th-century", '16'),
    ("The 2008 Supreme Court ruling stood.", "2008", '2008'),
])
def test_number_that_is_a_year(text, expr, value):
    assert found(text, D(2024, 3, 13), expr)[1] == value

# ---- kind 6: recurrences are sets, never dates -----------------------------------------------------------------
@pytest.mark.parametrize("text,expr,value", [
    ("The board meets every two weeks.", "every two weeks", 'P2W'),
    ("Elections are held every other year.", "every other year", 'P2Y'),
    ("Trains run every 15 minutes.", "every 15 minutes", 'PT15M'),
    ("Tourists flock here each summer.", "each summer", 'XXXX-SU'),
    ("The market opens every Monday.", "every Monday", 'XXXX-WXX-1'),
    ("He visits every three months.", "every three months", 'P3M'),
    ("Prices are reviewed every year.", "every year", 'P1Y'),
])
def test_recurrence_is_a_set(text, expr, value):
    assert found(text, D(2024, 3, 13), expr)[:2] == ('SET', value)
    for ents in ([], None):
        d = extract_dates(text, D(2024, 3, 13), ents=ents)
        assert d.filter(pl.col('type').is_in(['DATE', 'TIME'])).is_empty(), d.select('text', 'type', 'value').rows()

# ---- kind 9: named periods that look like seasons or months ----------------------------------------------------
@pytest.mark.parametrize("text,word", [
    ("Since the fall of the Berlin Wall, Europe has changed.", "fall"),
    ("After the fall of Saigon in 1975, they fled.", "fall"),
    ("The Arab Spring began in 2011.", "Spring"), ("In the Arab Spring, protests spread.", "Spring"),
    ("Since the Prague Spring, reform stalled.", "Spring"), ("At the Winter Olympics in 2018, Norway won.", "Winter"),
    ("He marched in the March on Washington in 1963.", "March"),
    ("Since the March on Washington, much changed.", "March"),
    ("Lenin led the October Revolution in 1917.", "October"), ("The Spring Offensive began.", "Spring"),
])
def test_named_period_is_not_a_time(text, word):
    assert_no_date_holds(text, word)

@pytest.mark.parametrize("text,expr,value", [
    ("In the fall of 2019, prices rose.", "the fall of 2019", '2019-FA'),
    ("Prices rose last spring.", "last spring", '2023-SP'),
    ("He travelled in March to Selma.", "March", '2024-03'),
    ("Sales fell in the fall of that year.", "the fall", '2023-FA'),
])
def test_season_or_month_that_is_a_time(text, expr, value):
    assert found(text, D(2024, 3, 13), expr)[1] == value

# ---- kind 5: dates relative to a named date --------------------------------------------------------------------
@pytest.mark.parametrize("text,anchor,items", [
    ("They met on the Saturday before Jan. 1.", D(2024, 1, 10),
     [("the Saturday before", '2023-12-30'), ("Jan. 1", '2024-01-01')]),
    ("He left the day after Christmas.", D(2024, 1, 10),
     [("the day after", '2023-12-26'), ("Christmas", '2023-12-25')]),
    ("She resigned the Monday after the election on Nov. 5.", D(2024, 11, 20),
     [("the Monday after", '2024-11-11'), ("Nov. 5", '2024-11-05')]),
    ("Two days before Nov. 3, 2020, polls closed.", D(2024, 1, 10),
     [("Two days before", '2020-11-01'), ("Nov. 3, 2020", '2020-11-03')]),
    ("The vote is the week before Christmas.", D(2024, 12, 1),
     [("the week before", '2024-W51'), ("Christmas", '2024-12-25')]),
])
def test_date_relative_to_a_named_date(text, anchor, items):
    for ents in ([], None):
        got = dict(extract_dates(text, anchor, ents=ents).select('text', 'value').rows())
        for expr, value in items: assert got.get(expr) == value, (text, got)

def test_step_without_a_named_day_is_underspecified():
    d = extract_dates("It ended the day after Christmas.", None, ents=[])
    assert d.select('text', 'value').rows() == [("the day after", 'XXXX-XX-XX'), ("Christmas", 'XXXX-12-25')]
    assert "days after" not in extract_dates("Eight trading days after Oct. 12, it fell.", D(1989, 10, 30),
                                             ents=[])['text'].to_list()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=16), anchor=st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_prefilter_drops_no_match_of_the_full_scan(words, anchor):
    """The fast pre-filter (`candidates`, one Rust regex pass) finds every expression the exact rules find when tried at
    every word."""
    from unittest import mock
    from newsexplore import timex
    text = ' '.join(words)
    fast = extract_dates(text, anchor, ents=[])
    with mock.patch.object(timex, 'candidates',
                           lambda low: [(0, len(low))]):  # no pre-filter: the whole text is one stretch
        full = extract_dates(text, anchor, ents=[])
    assert fast.select('start', 'end', 'value').rows() == full.select('start', 'end', 'value').rows()


# ---- rule results as a named type; TIMEX3 mod in its own column ---------------------------------------------------
def test_rules_return_timex():
    "Every handler returns `Timex` (or a list of them, placed), never positional tuples."
    import re
    from newsexplore.timex import RULES, Ctx, Timex, _Ents
    for name, expr in [('month', 'in early May'), ('ago', 'an hour later'), ('year_range', '2009-2010'),
                       ('anchored', 'the day after Christmas'), ('duration', 'about three years')]:
        s = expr.index(expr.split()[-1]) if name == 'month' else 0
        s = expr.index('early') if name == 'month' else s
        m = re.compile(RULES[name][0], re.I).match(expr, s)
        out = RULES[name][1](m, Ctx(expr, s, m.end(), D(2024, 8, 21), 0, len(expr), _Ents([])))
        for t in (out if isinstance(out, list) else [out]):
            assert isinstance(t, Timex), (name, out)
            if isinstance(out, list): assert t.start is not None and t.end is not None

@pytest.mark.parametrize("text,anchor,expr,value,mod", [
    ("Talks resume in early May.", D(2024, 3, 1), "early May", '2024-05', 'START'),
    ("The fund shrank in mid-2023.", D(2024, 3, 1), "mid-2023", '2023', 'MID'),
    ("Sales rose at the end of July.", D(2024, 9, 1), "the end of July", '2024-07', 'END'),
    ("The war lasted about three years.", D(2024, 3, 1), "about three years", 'P3Y', 'APPROX'),
    ("He was held for more than two weeks.", D(2024, 3, 1), "more than two weeks", 'P2W', 'MORE_THAN'),
    ("It took nearly six months.", D(2024, 3, 1), "nearly six months", 'P6M', 'LESS_THAN'),
    ("Talks could run up to ten days.", D(2024, 3, 1), "up to ten days", 'P10D', 'EQUAL_OR_LESS'),
    ("The plant has run for at least 40 years.", D(2024, 3, 1), "at least 40 years", 'P40Y', 'EQUAL_OR_MORE'),
    ("The mine closed about three years ago.", D(2024, 3, 1), "about three years ago", '2021', 'APPROX'),
    ("Talks resume in May.", D(2024, 3, 1), "May", '2024-05', None),
])
def test_mod_has_its_own_column(text, anchor, expr, value, mod):
    rows = [r for r in extract_dates(text, anchor, ents=[]).iter_rows(named=True) if r['text'] == expr]
    assert rows, extract_dates(text, anchor, ents=[]).select('text', 'value').rows()
    assert (rows[0]['value'], rows[0]['mod']) == (value, mod)
    assert mod is None or mod.lower() not in rows[0]['rule'] # not folded into the rule either

def test_mod_narrows_the_span():
    d = extract_dates("Talks resume in early May.", D(2024, 3, 1), ents=[])
    assert d.select('date_start', 'date_end').row(0) == (D(2024, 5, 1), D(2024, 5, 10))
    assert d.schema['mod'] == pl.Enum(['BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN',
                                       'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX'])

# ---- known wrong, read by hand (issue 14) ---------------------------------------------------------------------
ELIAN = (
    "Cuba's government exhorted citizens to keep rallying, after the boy's relatives in Miami said they would look "
    "for ways to get around Wednesday's ruling by the U.S. Immigration and Naturalization Service to repatriate "
    "the child by Jan. 14."
)

@pytest.mark.parametrize("text,anchor,expr,value", [
    # a future told from the past (would, had been set to, was ordered to ... by) picks the nearest occurrence
    ("The offer, valued at about $576 million, had been set to expire Nov. 6.", D(1989, 11, 2), "Nov. 6", '1989-11-06'),
    (ELIAN, D(2000, 1, 15), "Jan. 14", '2000-01-14'),                               # TempEval-3 gold: one day back
    (ELIAN, D(2000, 1, 7), "Jan. 14", '2000-01-14'),                                # and a week ahead
    ("He was ordered to leave the country by Jan. 14.", D(2000, 1, 20), "Jan. 14", '2000-01-14'),
    ("The offer had been due to expire Friday evening.", D(2024, 8, 21), "Friday evening", '2024-08-23TEV'),
    # a plain future still points forward, a plain past back
    ("He said the company will respond by Jan. 14.", D(2000, 1, 20), "Jan. 14", '2001-01-14'),
    ("Exports surged in January.", D(2023, 10, 2), "January", '2023-01'),
    # an offset whose story date would put it after publication counts from an undated event
    ("The spill began in 2010. Even 21 years later, otters suffer.", D(2010, 6, 1), "21 years later", 'XXXX'),
    ("Right from the start of the spill in 1989, and then to be here 21 years later.", D(2010, 6, 1),
     "21 years later", '2010'),
    ("The plant opens in 2030. Ten years later it will close.", D(2024, 3, 1), "Ten years later", '2040'),
    # a holiday with its year, before or after it
    ("It was the day before Thanksgiving in 2011 when a rescue team found Chance.", D(2013, 5, 1),
     "the day before", '2011-11-23'),
    ("It was the day before Thanksgiving in 2011 when a rescue team found Chance.", D(2013, 5, 1),
     "Thanksgiving in 2011", '2011-11-24'),
    ("Sales fell over Christmas 2009.", D(2013, 5, 1), "Christmas 2009", '2009-12-25'),
    ("He recalled the 2009 Christmas Day attack.", D(2013, 5, 1), "2009", "2009"), # a year before: its own row
    ("Shops close on Christmas Day.", D(2013, 5, 1), "Christmas Day", '2012-12-25'),
])
def test_known_wrong_kinds(text, anchor, expr, value):
    assert found(text, anchor, expr)[1] == value

# ---- ranges and lists: the year (and month) written once, after the last part, belong to every part ----------
RANGES = [
    ("Prices rose between January and March 2003.", D(2009, 5, 1), [('January', '2003-01'), ('March 2003', '2003-03')]),
    ("The strike lasted from January to April 1919.", D(2009, 5, 1),
     [('January', '1919-01'), ('April 1919', '1919-04')]),
    ("Sales fell in March and April 2008.", D(2009, 5, 1), [('March', '2008-03'), ('April 2008', '2008-04')]),
    ("It rained in March and August 2006.", D(2009, 5, 1), [('March', '2006-03'), ('August 2006', '2006-08')]),
    ("The show ran from May to July 2010.", D(2011, 1, 1), [('May', '2010-05'), ('July 2010', '2010-07')]),
    ("Works ran June-August 2011.", D(2013, 1, 1), [('June', '2011-06'), ('August 2011', '2011-08')]),
    ("Output fell in October or November 1998.", D(2005, 1, 1), [('October', '1998-10'), ('November 1998', '1998-11')]),
    ("Snow fell from December through February 2010.", D(2012, 1, 1),
     [('December', '2009-12'), ('February 2010', '2010-02')]),
    ("The fair ran from early May to late June 2004.", D(2009, 1, 1),
     [('early May', '2004-05'), ('late June 2004', '2004-06')]),
    ("The talks were held between 5 and 7 March 2010.", D(2012, 1, 1),
     [('5', '2010-03-05'), ('7 March 2010', '2010-03-07')]),
    ("The talks were held from 5 to 7 March 2010.", D(2012, 1, 1),
     [('5', '2010-03-05'), ('7 March 2010', '2010-03-07')]),
    ("Voting took place on March 5 and 7, 2010.", D(2012, 1, 1),
     [('March 5', '2010-03-05'), ('7, 2010', '2010-03-07')]),
    ("It ran from March 5 to April 7, 2010.", D(2012, 1, 1),
     [('March 5', '2010-03-05'), ('April 7, 2010', '2010-04-07')]),
    ("It ran from 5 March to 7 April 2010.", D(2012, 1, 1),
     [('5 March', '2010-03-05'), ('7 April 2010', '2010-04-07')]),
    ("The camp ran 28 December to 3 January 2010.", D(2012, 1, 1),
     [('28 December', '2009-12-28'), ('3 January 2010', '2010-01-03')]),
    ("No dividends will be paid for Q2 - Q4 2010.", D(2010, 3, 1), [('Q2', '2010-Q2'), ('Q4 2010', '2010-Q4')]),
]

@pytest.mark.parametrize("text,anchor,items", RANGES)
def test_range_parts_share_the_written_year(text, anchor, items):
    assert [(e, found(text, anchor, e)[1]) for e, _ in items] == items

def test_range_parts_are_explicit_story_dates():
    d = extract_dates("The talks ran from 5 to 7 March 2010 and resumed two days later.", D(2012, 1, 1), ents=[])
    assert d.filter(pl.col('text') == 'two days later')['value'].to_list() == ['2010-03-09']

@pytest.mark.parametrize("text,word", [
    ("Theresa May and June Sarpong met in 2017.", "May"), ("On March 5 and 7 people were hurt.", "March 5"),
])
def test_not_a_range(text, word):
    d = extract_dates(text, D(2017, 6, 1), ents=[])
    assert (
        d.filter(pl.col('rule').str.starts_with('month_range') | pl.col('rule').str.starts_with('day_range')).height
        == 0
    )


# ---- short periods: H1/Q3 are periods only with a year or a period cue, never before a code or a noun ---------
@pytest.mark.parametrize("text", [
    "Dr Hay said this H1 swine flu virus is already worse than expected, officials reported.",
    "There are fewer deaths from H1 N1 than from ordinary flu.",
    "The H1 gene has been with us for centuries, the report said.",
    "With the H1 protein in mind, researchers reported results in May.",
    "Only H1,2,3 and N1,2 have ever made it into humans.",
    "Sales of the Audi Q3 crossover rose in March.",
    "An H2 receptor blocker was reported to reduce acid.",
])
def test_short_period_before_a_code_or_noun_is_a_name(text):
    d = extract_dates(text, D(2009, 6, 15), ents=[])
    assert d.filter(pl.col('rule').str.starts_with('fin_')).height == 0

@pytest.mark.parametrize("text,expr,value", [
    ("Profits rose in H1.", "H1", '2009-H1'), ("H1 2023 sales were strong.", "H1 2023", '2023-H1'),
    ("In H2 the company expects growth.", "H2", '2009-H2'), ("Q1 sales rose 5%.", "Q1", '2009-Q1'),
    ("Revenue in Q3 was flat, the company reported.", "Q3", '2008-Q3'),
])
def test_short_period_with_a_cue(text, expr, value):
    assert found(text, D(2009, 6, 15), expr)[1] == value

# ---- a bare season with no tense cue is generic: no calendar span -------------------------------------------------
@pytest.mark.parametrize("text,expr,value", [
    ("In winter, temperatures fall below zero.", "winter", 'XXXX-WI'),
    ("In summer the square fills with tourists.", "summer", 'XXXX-SU'),
    ("In winter, temperatures fell below zero.", "winter", '2008-WI'),
    ("The plant will reopen in spring.", "spring", '2010-SP'),
])
def test_generic_season(text, expr, value):
    assert found(text, D(2009, 6, 15), expr)[1] == value

# ---- a weekday written with its date is that date (issue: "12:23 a.m. EDT, Saturday Sept. 4, 2010") ----------
# (text, anchor, expression, type, value): the weekday is part of the expression, whichever way the date is written
WEEKDAY_WITH_DATE = [
    ("The quake struck at 12:23 a.m. EDT, Saturday Sept. 4, 2010, police said.", D(2010, 9, 3),
     "12:23 a.m. EDT, Saturday Sept. 4, 2010", 'TIME', '2010-09-04T00:23'),
    ("At 18:00, Saturday, 25 April 2009 experts met.", D(2009, 4, 25), "18:00, Saturday, 25 April 2009", 'TIME',
     '2009-04-25T18:00'),
    ("At 9 p.m. Saturday, April 25 they met.", D(2009, 4, 30), "9 p.m. Saturday, April 25", 'TIME',
     '2009-04-25T21:00'),
    ("The show opens at 8 p.m. Friday, Oct. 15.", D(2010, 9, 3), "8 p.m. Friday, Oct. 15", 'TIME', '2010-10-15T20:00'),
    ("It happened on Saturday, 4 September 2010 in the city.", D(2010, 9, 3), "Saturday, 4 September 2010", 'DATE',
     '2010-09-04'),
    ("It happened Sat Sept 4 in the city.", D(2010, 9, 3), "Sat Sept 4", 'DATE', '2010-09-04'),
    ("It happened Sat. Sept. 4, 2010.", D(2010, 9, 3), "Sat. Sept. 4, 2010", 'DATE', '2010-09-04'),
    ("The vote is on Saturday, Sept. 4.", D(2010, 9, 1), "Saturday, Sept. 4", 'DATE', '2010-09-04'),
    ("The cat sat Sept 4 on the mat.", D(2010, 9, 3), "Sept 4", 'DATE', '2010-09-04'), # "sat": a verb, left out
    ("At 9 p.m. Saturday they met.", D(2010, 9, 3), "9 p.m. Saturday", 'TIME', '2010-08-28T21:00'), # no date: tense
]

@pytest.mark.parametrize("text,anchor,expr,typ,value", WEEKDAY_WITH_DATE)
def test_weekday_with_its_date(text, anchor, expr, typ, value):
    assert found(text, anchor, expr)[:2] == (typ, value)

# ---- "a year ago": the same quarter only in an article about quarterly results (TempEval-3 gold) -------------
@pytest.mark.parametrize("text,value", [
    ("Average pay at Goldman now $400,000 a head vs $366,000 a year ago even though bonuses fell.", '2009'),
    ("The firm was founded a year ago by two brothers.", '2009'),
    ("Prices rose 5% from a year ago.", '2009'),
    ("Net rose 5% in the first quarter. Sales were $5 million, up from $4 million a year ago.", '2009-Q1'),
])
def test_a_year_ago(text, value):
    assert found(text, D(2010, 5, 3), "a year ago")[1] == value


# ---- a month-day naming an event: "the Sept. 11 attacks" -----------------------------------------------------
# news of 2010 names the attacks of 2001 by their day; resolved against the article's date like any day, the name
# landed on the last 11 September (2009-09-11), a day nothing happened on
@pytest.mark.parametrize('text, anchor, expr, value', [
    ("He paid victims of the Sept. 11 terrorist attacks.", D(2010, 6, 16), "Sept. 11", 'XXXX-09-11'),
    ("Bush spoke there after the September 11 attacks.", D(2010, 4, 21), "September 11", 'XXXX-09-11'),
    ("The fund will pay families, as after the July 7 bombings.", D(2010, 6, 16), "July 7", 'XXXX-07-07'),
    ("Police said the June 2 shooting was planned.", D(2010, 6, 16), "June 2", '2010-06-02'),  # recent: dated
    ("The March 3 attack will be remembered.", D(2010, 6, 16), "March 3", '2010-03-03'),  # happened: the past
    ("They meet on Sept. 11 to discuss attacks.", D(2010, 6, 16), "Sept. 11", '2010-09-11'),  # no event named
    ("The Sept. 11 anniversary is near.", D(2010, 6, 16), "Sept. 11", '2010-09-11'),
    ("Victims of the Sept. 11, 2001, attacks were paid.", D(2010, 6, 16), "Sept. 11, 2001", '2001-09-11'),
])
def test_month_day_naming_an_event(text, anchor, expr, value):
    typ, got, start, _ = found(text, anchor, expr)
    assert (typ, got) == ('DATE', value)
    assert (start is None) == got.startswith('XXXX')  # an unknown year is never placed on the timeline
