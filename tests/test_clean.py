"""Cleaning rules as data, page furniture by family, single-line articles, datelines and top-of-text dates \
(issue 13)."""
from datetime import date
import polars as pl
import pytest
from newsexplore.clean import (DEFAULT_RULES, RULES_FILE, Rule, RulesError, classify, dateline_parts, infer_published,
                               infer_published_from, mark_repeated, parse_dateline, read_rules, split_paragraphs,
                               top_dates)
from newsexplore.load import load_articles


def clean(*texts, title_in_text=False, rules=None):
    recs = pl.DataFrame({'rid': range(len(texts)), 'text': list(texts)}, schema={'rid': pl.UInt32, 'text': pl.String})
    rules = list(DEFAULT_RULES if rules is None else rules)
    return classify(split_paragraphs(recs, rules).with_columns(title_in_text=pl.lit(title_in_text)), rules)

def removed(p): return p.filter(pl.col('kind') == 'boilerplate').select('rule', 'text').rows()
def kept(p): return p.filter(pl.col('kind').cast(pl.String).is_in(['body', 'heading', 'caption']))['text'].to_list()


# --- rules are data
def test_shipped_rules_file_is_the_default_and_examples_match():
    assert RULES_FILE.is_file()
    assert list(DEFAULT_RULES) == read_rules(RULES_FILE)
    families = {'comments', 'page_stamp', 'byline_stamp', 'edition_picker', 'video_promo', 'continue_reading',
                'share_article', 'reporting_credit', 'photo_credit', 'related_links'}
    assert families <= {r.name for r in DEFAULT_RULES}

def test_read_rules_extends_and_reports_faults(tmp_path):
    f = tmp_path/'mine.yaml'
    f.write_text("- name: podcast\n  kind: boilerplate\n  pattern: '^Listen to our podcast'\n  scope: rest\n")
    rules = read_rules(f)
    assert rules == [Rule('podcast', 'boilerplate', '^Listen to our podcast', 'rest')]
    p = clean('Story one.\n\nListen to our podcast\n\nEpisode notes.', rules=[*rules, *DEFAULT_RULES])
    assert kept(p) == ['Story one.'] and {r for r, _ in removed(p)} == {'podcast'}
    for text, msg in [("- {name: a, kind: boilerplate, pattern: '(x'}", 'not a valid regular expression'),
                      ("- {name: a, kind: nope, pattern: x}", "kind 'nope'"),
                      ("- {name: a, kind: body, pattern: x, scope: all}", "scope 'all'"),
                      ("- {name: a, pattern: x}", "missing ['kind']"), ("- [1, 2]", 'a rule is a mapping'),
                      ("42", 'list of rules'),
                      ("- {name: a, kind: body, pattern: x, colour: red}", 'unknown field')]:
        f.write_text(text)
        with pytest.raises(RulesError, match=msg.replace('[', r'\[').replace('(', r'\(')): read_rules(f)
    with pytest.raises(RulesError, match='cannot read'): read_rules(tmp_path/'none.yaml')


# --- families (each fails on the rules before issue 13)
def test_related_coverage_block_and_credits(tmp_path):
    text = ('Water charges to rise by 8%\n\nThe authority said it would raise charges for households.\n\n'
            'Related Coverage\n\n'
            'City council approves new bus lanes\n\nHeatwave warning issued for the weekend\n\n'
            'Also read | Local school wins national award\n\n'
            'Continue reading below\n\nEngineers estimate the repairs will take at least six years.\n\n'
            '(Reporting by Jon Pike; Editing by Ann Lee)\n\nShare this article\n')
    (tmp_path/'water.txt').write_text(text)
    a, paras, _ = load_articles(tmp_path)
    assert a['text'][0] == ('The authority said it would raise charges for households.\n\n'
                            'Engineers estimate the repairs will take at least six years.')
    gone = paras.filter(pl.col('kind') == 'boilerplate').select('rule', 'text').rows()
    assert [r for r, _ in gone] == ['related_links'] * 4 + ['continue_reading', 'reporting_credit', 'share_article']

def test_more_on_this_story_block_stops_at_a_sentence():
    p = clean(
        'Story.\n\nMore on this story\n\nFlu spreads to Spain\n\nWHO raises alert level\n\nThe virus was first seen in '
        'Mexico.'
    )
    assert kept(p) == ['Story.', 'The virus was first seen in Mexico.']

def test_video_promo_in_lines_and_in_one_line():
    promo = 'JUST WATCHED\n\nObama: BP will pay\n\nReplay\n\nMore Videos ...\n\nMUST WATCH\n\nObama: BP will pay 02:44'
    assert (kept(clean(f'The leak grew.\n\n{promo}\n\nBP said it would pay.'))
            == ['The leak grew.', 'BP said it would pay.'])
    one = (
        'The leak grew. JUST WATCHED Obama: BP will pay Replay More Videos ... MUST WATCH Obama: BP will pay 02:44 '
        'BP said it would pay.'
    )
    assert kept(clean(one)) == ['The leak grew.', 'BP said it would pay.']

@pytest.mark.parametrize('header',
                         ['At 02:32 2nd May 2009, someone wrote:',
                          'Posted by: rallyart | April 30, 2010 12:27 PM | Report abuse',
                                    'March 9th, 2011 3:17 pm ET | Reply'])
def test_reader_comments_run_to_the_end(header):
    p = clean(
        f'The plant closed on Monday. {header} Obama is to blame. At 03:00 3rd May 2009, other wrote: No he is not.'
    )
    assert kept(p) == ['The plant closed on Monday.']
    assert {r for r, _ in removed(p)} == {'comments'}

def test_report_abuse_alone():
    assert removed(clean('Story.\n\nReport abuse')) == [('comment_tools', 'Report abuse')]

@pytest.mark.parametrize('stamp',
                         ['This post was last changed at 06:36 PM, April 2 2005', 'Sunday 12 June 2005 13.06 BST',
                                   'Page last updated at 08:58 GMT, Thursday, 24 June 2010 09:58 UK'])
def test_page_stamps(stamp):
    assert removed(clean(f'A story.\n\n{stamp}')) == [('page_stamp', stamp)]
    assert (kept(clean(f'A story about the flood. {stamp} The river rose.'))
            == ['A story about the flood.', 'The river rose.'])

def test_photo_credit_and_edition_picker():
    p = clean('Masks in Mexico City. Photograph: Alfredo Estrella/AFP/Getty Images The death toll rose.\n\n'
              'Edition: UK | US | International\n\nCredit: Jane Roe')
    assert kept(p) == ['Masks in Mexico City.', 'The death toll rose.']
    assert [r for r, _ in removed(p)] == ['photo_credit', 'edition_picker', 'photo_credit']


# --- single-line articles
def test_single_line_article_keeps_the_story_and_its_paragraph():
    story = ' '.join(f'Sentence number {i} of the story.' for i in range(40))
    p = clean(f'{story} (Reporting by Maggie Fox; Editing by Will Dunham) {story}')
    assert kept(p) == [story, story]
    assert removed(p) == [('reporting_credit', '(Reporting by Maggie Fox; Editing by Will Dunham)')]

def test_normal_paragraphs_are_not_changed():
    text = 'Title\n\nDr. Smith met Mr. Jones. They talked.\n\n"We agreed," he said. It rained.'
    p = clean(text, title_in_text=True)
    assert p['text'].to_list() == ['Title', 'Dr. Smith met Mr. Jones. They talked.', '"We agreed," he said. It rained.']
    assert p['para_id'].to_list() == [0, 1, 2]


# --- datelines
@pytest.mark.parametrize('text,want', [
    ('LONDON (Reuters) - Shares fell.', ('LONDON', 'Reuters', None)),
    ('ROME 1996-12-06', ('ROME', None, '1996-12-06')),
    ('WASHINGTON, March 3 - The Senate voted.', ('WASHINGTON', None, 'March 3')),
    ('BEIRUT | Fri Apr 22, 2011 12:12 pm EDT', ('BEIRUT', None, 'Fri Apr 22, 2011 12:12 pm EDT')),
    ('London (CNN) -- Police said.', ('London', 'CNN', None)),
    ('Mr Smith (Labour) - the MP said.', None), ('UK-based firms grew.', None)])
def test_parse_dateline(text, want):
    got = parse_dateline(text)
    assert (got and (got['place'], got['outlet'], got['date_text'])) == want
    parts = pl.DataFrame({'text': [text]}).select(dateline_parts().struct.unnest()).row(0)
    assert parts == (want or (None, None, None))

def test_shared_datelines_stay_datelines():
    p = mark_repeated(clean(*[f'LONDON 1996-12-06\n\nStory number {i} is here.' for i in range(8)]), min_docs=3)
    assert p.filter(pl.col('para_id') == 0)['kind'].cast(pl.String).unique().to_list() == ['dateline']
    p = clean('London (CNN) -- Police said on Monday.')
    assert p.select('kind', 'text').rows() == [('dateline', 'London (CNN) --'), ('body', 'Police said on Monday.')]


# --- publication dates from the top only
def test_dates_in_the_story_are_not_publication_dates():
    assert infer_published('The attacks of 11 September 2001 changed it. The queen was crowned on 2 June 1953.') is None
    assert infer_published('Blair spoke. ' * 30 + 'It was published on 5 May 2005.') is None

@pytest.mark.parametrize('text,when,source', [
    ('ZURICH | Thu Apr 30, 2009 6:12 am EDT ZURICH (Reuters) - Novartis will use data from 1 May 1999.',
     date(2009, 4, 30), 'dateline'),
    ('ROME 1996-12-06\n\nItaly won on 3 May 1990.', date(1996, 12, 6), 'dateline'),
    ('Susan Watts | 18:00 UK time, Saturday, 25 April 2009 Experts are concerned.', date(2009, 4, 25), 'byline'),
    ('Story. ' * 80 + 'This post was last changed at 06:36 PM, April 2 2005', date(2005, 4, 2), 'page stamp'),
    ('Posted: March 3, 2023\n\nThe town was founded on 1 January 1953.', date(2023, 3, 3), 'page stamp'),
])
def test_dates_from_the_top_with_provenance(text, when, source):
    got = infer_published_from(text)
    assert (got['published'], got['published_from']) == (when, source)

def test_comment_stamps_are_not_publication_dates():
    assert infer_published('The virus spread. At 12:19 26th Apr 2009, barrie wrote: Stay calm.') is None

def test_top_dates_on_a_frame():
    p = clean('WASHINGTON | Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters) - A new flu.',
              'No date here on 3 May 2009.')
    got = top_dates(p)
    assert got.rows() == [(0, date(2009, 4, 21), 'dateline', 'WASHINGTON | Tue Apr 21, 2009 10:19 pm BST')]
    assert got.schema['published'] == pl.Date


# --- sentences that are page furniture (issue 15)
from newsexplore.clean import furniture_sentences, repeated_sentences, sentence_templates

SENT = ['doc_id', 'sent_id']

def sents(texts_by_doc):
    rows = [(d, i, 0, t) for d, texts in texts_by_doc.items() for i, t in enumerate(texts)]
    return pl.DataFrame(rows, schema={'doc_id': pl.String, 'sent_id': pl.Int64, 'start': pl.Int64, 'text': pl.String},
                        orient='row')

def spans(s, names):
    rows = [(d, i, t.index(n), t.index(n) + len(n), n) for d, i, t in s.select(*SENT, 'text').rows()
            for n in names if n in t]
    return pl.DataFrame(rows, schema={'doc_id': pl.String, 'sent_id': pl.Int64, 'start': pl.Int64, 'end': pl.Int64,
                                      'text': pl.String}, orient='row')

def test_a_footer_in_many_unrelated_articles_is_furniture_but_a_reprinted_story_is_not():
    footer = 'Views expressed in the comments do not represent those of Reuters.'
    stories = [f'Story {w} was reported today by the desk.' for w in 'abcdefghijklmnopqrstuvwxyz']
    s = sents({f'd{i}': [stories[i], footer] for i in range(25)})
    m = spans(s, ['Views', 'Reuters'])
    f = furniture_sentences(s, m)
    assert f.rows() == [(f'd{i}', 1, 'repeated') for i in sorted(range(25), key=lambda i: f'd{i}')]
    assert m.join(f, on=SENT, how='anti').is_empty()  # no "Views" organisation, no Reuters mention
    wire = sents({f'd{i}': ['The same wire story about Obama, reprinted everywhere.', footer] for i in range(25)})
    assert furniture_sentences(wire, spans(wire, ['Obama'])).is_empty()  # reprints count once
    assert repeated_sentences(s, min_docs=26).is_empty()

def test_comment_bylines_are_a_template_but_news_phrasing_is_not():
    readers = [f'Reader{chr(65 + i // 26)}{chr(97 + i % 26)}' for i in range(60)]
    bylines = [f'At {i % 12 + 1}:{i % 60:02d} pm on {i % 28 + 1} Nov 2009, {r} wrote: I agree with Obama.'
               for i, r in enumerate(readers)]
    said = [f'Mr {r} said: "The minister is wrong."' for r in readers]
    statement = [f'{r} said in a statement on Monday.' for r in readers]
    s = sents({f'd{i}': [f'Story {i} here.', bylines[i], said[i], statement[i]] for i in range(60)})
    m = spans(s, [*readers, 'Obama', 'Monday'])
    t = sentence_templates(s, m)
    assert set(t['template']) >= {'at 0 on 0 wrote', 'mr _ said', '_ said in a statement on _'}
    f = furniture_sentences(s, m)
    assert f['sent_id'].unique().to_list() == [1] and set(f['rule']) == {'template'}
    assert furniture_sentences(s, m, min_template=61).is_empty()

def test_furniture_of_nothing_is_empty():
    s, m = sents({}), spans(sents({}), [])
    assert furniture_sentences(s, m).columns == ['doc_id', 'sent_id', 'rule']
    assert furniture_sentences(s, m).is_empty()

def test_a_template_also_catches_its_shape_with_wider_slots_or_glued_to_a_comment():
    "Reader bylines that escaped the exact template on timeline17 (issue 15): frequent names, names with digits, glue."
    readers = [f'Reader{chr(65 + i // 26)}{chr(97 + i % 26)}' for i in range(60)]
    bylines = [f'At {i % 12 + 1}:{i % 60:02d} pm on {i % 28 + 1} Nov 2009, {r} wrote: I agree.'
               for i, r in enumerate(readers)]
    odd = ['At 2:15 pm on 3 Nov 2009, sensiblegrannie wrote: No.',  # a name frequent enough to stay a word
           'At 3:20 pm on 4 Nov 2009, planner76 wrote: Yes.',  # a name with digits
           'Nobody listens At 4:25 pm on 5 Nov 2009, Grumpy wrote: Why.']  # glued to the comment before
    news = [f'At 10 am on Monday, {r} wrote to Congress.' for r in readers]  # news phrasing, not a byline
    s = sents({f'd{i}': [f'Story {i} here.', bylines[i], odd[i % 3] if i < 30 else news[i],
                         f'sensiblegrannie and {readers[i]} posted again.'] for i in range(60)})
    m = spans(s, [*readers, 'Grumpy', 'Obama', 'Congress', 'Monday'])
    f = furniture_sentences(s, m)
    assert set(f.filter(pl.col('sent_id') == 2)['doc_id']) == {f'd{i}' for i in range(30)}
    assert f.filter(pl.col('sent_id') == 1).height == 60 and set(f['rule']) == {'template'}
    assert f.filter(pl.col('sent_id') == 3).is_empty()
