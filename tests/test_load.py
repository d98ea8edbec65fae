"""Loading: every format, every kind of bad input, and properties that hold for any folder."""
import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsexplore.core import ARTICLES, LoadError, PARAGRAPHS, PROBLEMS, check_schema
from newsexplore.clean import Rule
from newsexplore.load import MappingError, load_articles

DATA = Path(__file__).parent.parent / 'data'


def names(df, col='path'):
    return sorted(Path(p).name for p in df[col])


def reasons(problems):
    return {(Path(p).name, r): why for p, r, why in problems.select('path', 'record', 'reason').iter_rows()}


def test_every_format_loads_with_its_fields(tmp_path):
    (tmp_path / 'a.txt').write_text('Title A\n\nBody of A.\n')
    (tmp_path / 'b.md').write_text(
        '---\ntitle: Title B\npublished: 2024-02-03\nurl: https://example.org/b\n---\nBody of B.\n'
    )
    (tmp_path / 'c.json').write_text(json.dumps({'Headline': 'Title C', 'Content': 'Body of C.',
                                                 'Published': 'March 4, 2024'}))
    (tmp_path / 'd.jsonl').write_text('\n'.join(json.dumps({'title': f'Title D{i}',
                                                            'body': f'Body of D{i}.'}) for i in range(3)))
    (tmp_path / 'e.csv').write_text('title,text,date,source\nTitle E,Body of E.,2024-05-06,Wire\n')
    pl.DataFrame({'TITLE': ['Title F'], 'Text': ['Body of F.'], 'author': ['Ann Writer']}).write_parquet(
        tmp_path / 'f.parquet'
    )
    (tmp_path / 'g.html').write_text('<html><head><title>Title G</title></head><body><article><h1>Title G</h1><p>'
                                     + 'Body of G is a paragraph long enough to be the main text of the page. ' * 3
                                     + '</p></article></body></html>')
    a, p, problems = load_articles(tmp_path)
    check_schema(a, ARTICLES), check_schema(p, PARAGRAPHS), check_schema(problems, PROBLEMS)
    assert problems.is_empty()
    by_title = {r['title']: r for r in a.iter_rows(named=True)}
    assert set(by_title) == {'Title A', 'Title B', 'Title C', 'Title D0', 'Title D1', 'Title D2', 'Title E', 'Title F',
                             'Title G'}
    assert by_title['Title A']['text'] == 'Body of A.'
    assert (by_title['Title B']['published'] == date(2024, 2, 3)
            and by_title['Title B']['url'] == 'https://example.org/b')
    assert by_title['Title C']['published'] == date(2024, 3, 4) and by_title['Title C']['published_from'] == 'metadata'
    assert [by_title[f'Title D{i}']['record'] for i in range(3)] == [1, 2, 3]
    assert by_title['Title E']['source'] == 'Wire' and by_title['Title E']['record'] == 1
    assert by_title['Title F']['byline'] == 'Ann Writer'
    assert by_title['Title G']['text'].startswith('Body of G')


def test_mapping_names_other_fields(tmp_path):
    (tmp_path / 'x.csv').write_text('hed,story,when\nA title,The story.,2024-01-02\n')
    a = load_articles(tmp_path, mapping={'hed': 'title', 'story': 'text', 'when': 'published'}).articles
    assert a.select('title', 'text', 'published').row(0) == ('A title', 'The story.', date(2024, 1, 2))
    assert load_articles(tmp_path).problems['reason'].to_list() == [
        'no text field among: hed, story, when; to read one as the text, pass --map story=text --map when=published']


RENAMED = [{'publish_date': f'2019-05-0{i}', 'title': f'Story {i}', 'author': 'A. Writer',
            'url': f'https://example.org/{i}',
            'summary': 'In short.', 'corpus_body': f'The full text of story {i}, at some length.'} for i in range(1, 6)]
WHY = ('no text field among: publish_date, title, author, url, summary, corpus_body; '
       'to read one as the text, pass --map corpus_body=text')  # the summary is no text when a longer field is there


@pytest.mark.parametrize('suffix', ['.json', '.jsonl', '.csv', '.parquet'])
def test_unrecognised_fields_are_one_problem_per_file_with_the_map_to_pass(tmp_path, suffix):
    path, df = tmp_path / f'renamed{suffix}', pl.DataFrame(RENAMED)
    if suffix == '.json': path.write_text(json.dumps({'articles': RENAMED}))
    elif suffix == '.jsonl': path.write_text('\n'.join(json.dumps(r) for r in RENAMED))
    elif suffix == '.csv': df.write_csv(path)
    else: df.write_parquet(path)
    (tmp_path / 'other.txt').write_text('Other\n\nAn article that loads.')
    a, _, problems = load_articles(tmp_path)
    assert names(a) == ['other.txt']
    assert (problems.select('path', 'record', 'severity', 'loaded', 'reason').rows()
            == [(str(path), None, 'error', False, WHY)])
    a = load_articles(path, mapping={'corpus_body': 'text'}).articles
    assert (a['published'].to_list() == [date(2019, 5, i) for i in range(1, 6)]
            and a['text'][0].startswith('The full text'))


def test_many_fields_are_listed_up_to_twenty(tmp_path):
    (tmp_path / 'wide.jsonl').write_text(json.dumps({f'field{i:02}': 'x' for i in range(30)}))
    why = load_articles(tmp_path).problems['reason'].to_list()
    assert why == ['no text field among: ' + ', '.join(f'field{i:02}' for i in range(20)) + ', ... (10 more); '
                   'none looks like article text (to read field NAME as the text, pass --map NAME=text)']


@pytest.mark.parametrize('mapping,message', [
    ({'body': 'txt'}, "cannot map 'body' to 'txt': not a field newsexplore knows (did you mean 'text'?); "
                      'the fields are title, text, published, source, url, byline, subtitle'),
    ({'headline': 'heading'},
     "cannot map 'headline' to 'heading': not a field newsexplore knows; the fields are title,"),
    ({'': 'text'}, 'cannot map an empty name'),
    ({'body': 'text', 'Body': 'title'}, "'Body' is mapped to both 'text' and 'title'"),
])
def test_invalid_mapping_is_refused_before_loading(tmp_path, monkeypatch, mapping, message):
    import newsexplore.load as load
    monkeypatch.setattr(load, 'find_inputs', lambda *a: pytest.fail('inputs were read'))
    with pytest.raises(MappingError) as e: load_articles(tmp_path, mapping=mapping)
    assert str(e.value).startswith(message)


def test_mapping_fields_any_case_and_alternatives(tmp_path):
    (tmp_path / 'a.jsonl').write_text(json.dumps({'story': 'Story text.', 'hed': 'A'}))
    (tmp_path / 'b.jsonl').write_text(json.dumps({'copy': 'Copy text.', 'story': 'ignored', 'hed': 'B'}))
    a = load_articles(tmp_path, mapping={'copy': 'TEXT', 'story': 'text', 'hed': 'title', 'title': 'title'}).articles
    assert a.select('title', 'text').rows() == [('A', 'Story text.'), ('B', 'Copy text.')]


def test_control_characters_are_removed_and_counted_once_per_file(tmp_path):
    lines = [json.dumps({'title': f'Story\x1f{i}',
                         'text': f'Body {i} of a long scraped article. ' * 50}) for i in range(200)]
    lines[100] = (
        '{"title": "Raw\x00NUL", "byline": "Ann Kowal\u0007ski", "source": "Wire\u0085Service", "text": "Text with '
        '\u0000 a NUL.\u007f"}'
    )
    (tmp_path / 'feed.jsonl').write_text('\n'.join(lines))
    (tmp_path / 'page.csv').write_text('title,text\nCSV\x0btitle,"\x1b[31mBREAKING\x1b[0m Body\x1b with escape"\n')
    (tmp_path / 'story.txt').write_text('Title\x0c\n\nPlain\x01text.')
    a, p, problems = load_articles(tmp_path)
    assert len(a) == 202 and not problems.filter(~pl.col('loaded')).height
    assert problems.select('severity', 'loaded').unique().rows() == [('warning', True)]
    assert sorted(zip(names(problems), problems.sort('path')['reason'])) == [
        ('feed.jsonl', 'removed 204 control characters (U+0000, U+0007, U+001F, U+007F, U+0085) from 200 records'),
        ('page.csv', 'removed 4 control characters (U+000B, U+001B) from 1 record'),
        ('story.txt', 'removed 2 control characters (U+0001, U+000C) from 1 record')]
    raw = a.filter(pl.col('path').str.ends_with('feed.jsonl') & (pl.col('record') == 101)).row(0, named=True)
    assert ((raw['title'], raw['byline'], raw['source'], raw['text'])
            == ('RawNUL', 'Ann Kowalski', 'Wire Service', 'Text with a NUL.'))
    assert a.filter(pl.col('path').str.ends_with('feed.jsonl') & (pl.col('record') == 1))['title'].item() == 'Story 0'
    assert (a.filter(pl.col('path').str.ends_with('page.csv')).select('title', 'text').row(0)
            == ('CSV title', 'BREAKING Body with escape'))
    assert a.filter(pl.col('path').str.ends_with('story.txt')).select('title', 'text').row(0) == ('Title', 'Plaintext.')
    control = r'[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]'
    for frame in (a, p):
        for col in ('title', 'byline', 'source', 'text'):
            if col in frame.columns: assert not frame[col].str.contains(control).any(), col


def test_control_characters_in_html_are_cleaned_before_parsing(tmp_path):
    (tmp_path / 'page.html').write_text(
        '<html><head><title>Gaza \x00Talks</title></head><body><article><h1>Gaza \x00Talks</h1><p>'
        + 'The talks went on\x1f late into the night, said officials close to them. ' * 3
        + '</p></article></body></html>'
    )
    a, _, problems = load_articles(tmp_path)
    assert a['title'].to_list() == ['Gaza Talks'] and 'on late' in a['text'][0]
    assert problems['reason'].to_list() == ['removed 5 control characters (U+0000, U+001F) from 1 record']


def test_sidecar_json_maps_files_to_metadata(tmp_path):
    (tmp_path / 'one.txt').write_text('One\n\nText one.')
    (tmp_path / 'metadata.json').write_text(json.dumps({'one.txt': {'date': '2023-10-07', 'source': 'Desk'},
                                                        'gone.txt': {'date': '2023-10-08'}}))
    a, _, problems = load_articles(tmp_path)
    assert a.select('published', 'source', 'published_from').row(0) == (date(2023, 10, 7), 'Desk', 'metadata')
    assert 'names a missing file' in problems['reason'][0] and problems['loaded'][0]


def test_bad_records_do_not_sink_their_file(tmp_path):
    (tmp_path / 'lines.jsonl').write_text('{"title": "ok", "text": "Fine."}\nnot json\n[1, 2]\n{"title": "no text"}\n')
    (tmp_path / 'rows.csv').write_text('title,text\nok,Fine too.\nbroken,"row",x\n,\n')
    a, _, problems = load_articles(tmp_path)
    assert sorted(a['text']) == ['Fine too.', 'Fine.']
    r = reasons(problems)
    assert r[('lines.jsonl', 2)].startswith('malformed JSON line')
    assert r[('lines.jsonl', 3)] == 'not an object but list'
    assert r[('lines.jsonl', 4)].startswith('no text field')
    assert r[('rows.csv', 2)].startswith('malformed CSV row')
    assert len(problems) == 4  # the blank CSV row is not an article, and not a problem


@pytest.mark.parametrize('name,data,reason', [
    ('empty.txt', b'', 'empty file'),
    ('blank.md', b' \n\t\n', 'empty file'),
    ('nul.txt', b'\x00' * 40 + b'abc', 'binary file (not text)'),
    ('noise.txt', bytes(range(1, 32)) * 20, 'binary file (not text)'),
    ('undecodable.txt', b'\x81\x8d\x8f\x90\x9d' * 3, 'undecodable: neither UTF-8 nor Windows-1252'),
    ('bad.json', b'{"title": "x", ', 'malformed JSON'),
    ('bad.parquet', b'PAR1 not really', 'unreadable Parquet'),
    ('page.html', b'<html><body></body></html>', 'no main text found in the HTML page'),
    ('only-title.txt', b'Just a headline', 'no article text (only a title, or only boilerplate)'),
    ('photo.jpg', b'\xff\xd8\xff', "unsupported file type '.jpg'"),
])
def test_bad_file_is_listed_and_the_rest_loads(tmp_path, name, data, reason):
    (tmp_path / 'good.txt').write_text('Good\n\nA good article.')
    (tmp_path / name).write_bytes(data)
    a, _, problems = load_articles(tmp_path)
    assert names(a) == ['good.txt']
    assert problems.filter(~pl.col('loaded'))['path'].map_elements(
        lambda p: Path(p).name, return_dtype=pl.String
    ).to_list() == [name]
    assert problems['reason'][0].startswith(reason)


def test_encoding_fallbacks(tmp_path):
    (tmp_path / 'bom.txt').write_bytes('\ufeffTitle\n\nCafé crème.'.encode('utf-8'))
    (tmp_path / 'latin.txt').write_bytes('Título\n\nAños después.'.encode('cp1252'))
    a, _, problems = load_articles(tmp_path)
    assert sorted(a['title']) == ['Title', 'Título']
    assert problems.select('severity', 'loaded').rows() == [('warning', True)]
    assert 'cp1252' in problems['reason'][0] and problems['path'][0].endswith('latin.txt')


def test_unreadable_path_is_a_problem(tmp_path, monkeypatch):
    (tmp_path / 'ok.txt').write_text('Ok\n\nReadable.')
    (tmp_path / 'locked.txt').write_text('Locked\n\nNot readable.')
    real = Path.read_bytes
    def read_bytes(self):
        if self.name == 'locked.txt': raise PermissionError(13, 'Permission denied')
        return real(self)
    monkeypatch.setattr(Path, 'read_bytes', read_bytes)
    a, _, problems = load_articles(tmp_path)
    assert names(a) == ['ok.txt'] and problems['reason'].to_list() == ['unreadable: Permission denied']


def test_duplicates_are_loaded_once(tmp_path):
    for n in ('a.txt', 'b.txt', 'c.txt'): (tmp_path / n).write_text('Same\n\nThe same  article text.\n')
    (tmp_path / 'd.txt').write_text('Other title\n\nThe same article text.')  # same body, other headline
    a, _, problems = load_articles(tmp_path)
    assert names(a) == ['a.txt']
    assert problems.select('severity', 'loaded').unique().rows() == [('info', False)]
    assert problems['reason'].to_list() == [f"duplicate of {tmp_path / 'a.txt'}"] * 3


def test_strict_raises_one_error_listing_all(tmp_path):
    (tmp_path / 'e1.txt').write_bytes(b''); (tmp_path / 'e2.json').write_text('{')
    (tmp_path / 'ok.txt').write_text('Ok\n\nFine.')
    with pytest.raises(LoadError) as e: load_articles(tmp_path, strict=True)
    assert '2 input problem(s)' in str(e.value) and 'e1.txt: empty file' in str(e.value) and len(e.value.problems) == 2


def test_rules_are_data(tmp_path):
    (tmp_path / 'a.txt').write_text('Title\n\nBody text.\n\nADVERT BLOCK\n\nPromo: buy now\n')
    p = load_articles(tmp_path, extra_rules=[Rule('promo', 'boilerplate', r'^Promo:')]).paragraphs
    assert dict(p.select('text', 'rule').rows())['Promo: buy now'] == 'promo'
    p = load_articles(tmp_path, disable=['caps_heading']).paragraphs
    assert dict(p.select('text', 'kind').rows())['ADVERT BLOCK'] == 'body'
    with pytest.raises(ValueError, match='no cleaning rule named'): load_articles(tmp_path, disable=['nope'])


def test_repeated_footer_is_boilerplate(tmp_path):
    for i in range(6):
        (tmp_path / f'{i}.txt').write_text(f'Story {i}\n\nUnique body number {i}.\n\nFollow Example News for more.\n')
    a, p, _ = load_articles(tmp_path)
    assert not a['text'].str.contains('Follow Example').any()
    assert p.filter(pl.col('rule') == 'repeated').height == 6


def test_inputs_can_be_globs_files_and_lists():
    assert len(load_articles(str(DATA / '*.txt')).articles) == 2
    assert len(load_articles([DATA / '000_5c2e8205eca26a22.txt', DATA / '004_4fa9cd2df846f441.txt']).articles) == 2
    assert load_articles(DATA / 'nope').problems['reason'].to_list() == ['no such file or folder']


def test_doc_ids_are_stable():
    a1, a2 = load_articles(DATA).articles, load_articles(DATA).articles
    assert a1['doc_id'].to_list() == a2['doc_id'].to_list() == ['ae48261c59e3ecc6', '8eb49de848ef68c3']


# Properties: whatever a folder holds, the loader returns, and accounts for every file.
SUFFIXES = ['.txt', '.md', '.json', '.jsonl', '.csv', '.html', '.parquet', '.bin', '']

def accounted(paths, loaded):
    a, _, problems = loaded
    seen = set(a['path']) | set(problems.filter(~pl.col('loaded'))['path'])
    return {str(p) for p in paths} <= seen


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=300)), min_size=1, max_size=8))
def test_random_bytes_never_crash_and_every_file_is_accounted_for(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp('random')
    paths = []
    for i, (suffix, data) in enumerate(files):
        (folder / f'f{i}{suffix}').write_bytes(data); paths.append(folder / f'f{i}{suffix}')
    loaded = load_articles(folder)
    assert accounted(paths, loaded)
    check_schema(loaded.articles, ARTICLES); check_schema(loaded.problems, PROBLEMS)


text = st.text(st.characters(blacklist_categories=['Cs']), max_size=200)

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(st.tuples(st.sampled_from(['.txt', '.md', '.json', '.jsonl', '.csv']), text, text), min_size=1,
                     max_size=6))
def test_random_text_articles_never_crash(tmp_path_factory, docs):
    folder = tmp_path_factory.mktemp('texts')
    paths = []
    for i, (suffix, title, body) in enumerate(docs):
        p = folder / f'd{i}{suffix}'
        if suffix in ('.json', '.jsonl'): p.write_text(json.dumps({'title': title, 'text': body}))
        elif suffix == '.csv': pl.DataFrame({'title': [title], 'text': [body]}).write_csv(p)
        else: p.write_text(f'{title}\n\n{body}', encoding='utf-8')
        paths.append(p)
    loaded = load_articles(folder)
    assert accounted(paths, loaded)
    a, p, _ = loaded
    for doc_id, full in a.select('doc_id', 'text').iter_rows():  # paragraph offsets always point into the text
        for s, e, t in (
            p.filter((pl.col('doc_id') == doc_id) & pl.col('start').is_not_null())
            .select('start', 'end', 'text')
            .iter_rows()
        ):
            assert full[s:e] == t


# Issue 13: record-level faults stay in their record.
@pytest.mark.parametrize('sep', [';', '\t', '|'])
def test_csv_dialects_load(tmp_path, sep):  # shared case 09 (Excel's semicolons), and tab and pipe
    rows = [['title', 'date', 'text'],
            ['Budget passes', '2024-03-05',
             'Officials in the city council approved the new budget, after a long debate.'],
            ['Roads plan', '2024-03-06', 'The transport office unveiled a plan to repair bridges, roads and tunnels.']]
    (tmp_path / 'budget.csv').write_text('\n'.join(sep.join(r) for r in rows) + '\n')
    a, _, problems = load_articles(tmp_path)
    assert problems.is_empty()
    assert a.select('title', 'published').rows() == [('Budget passes', date(2024, 3, 5)),
                                                     ('Roads plan', date(2024, 3, 6))]
    assert a['text'][0].endswith('after a long debate.')


def test_one_cp1252_record_garbles_only_itself(tmp_path):  # shared case 10
    mixed = (
        '{"title": "Note 0", "date": "2024-04-01", "text": "The market square reopened. Entry 0. Caf\xe9."}\n'.encode(
            'cp1252'
        )
        + '{"title": "Note 1", "text": "The market square reopened. Entry 1."}\n'.encode()
        + '{"title": "Note 2", "text": "The Café owner, José Ruiz, welcomed the news."}\n'.encode()
    )
    (tmp_path / 'mixed.jsonl').write_bytes(mixed)
    (tmp_path / 'rows.csv').write_bytes(
        'title,text\nA,"Señor Núñez spoke, at length."\n'.encode()
        + 'B,"Caf\xe9 society, in one cp1252 row."\n'.encode('cp1252')
        + 'C,"José again, in UTF-8."\n'.encode()
    )
    (tmp_path / 'nul.jsonl').write_text(
        '\n'.join(json.dumps({'title': f'Story {i}', 'text': f'Item {i}.' + '\x00' * (i == 1)}) for i in range(4))
    )
    a, _, problems = load_articles(tmp_path)
    text = '\n'.join(a['text'])
    for s in ('Entry 0. Café.', 'The Café owner, José Ruiz, welcomed the news.', 'Señor Núñez', 'Café society',
              'José again'): assert s in text, s
    assert 'Ã' not in text and '\x00' not in text
    assert a.filter(pl.col('path').str.ends_with('nul.jsonl')).height == 4
    assert sorted(
        (Path(p).name, r, why)
        for p, r, why in problems.filter(pl.col('reason').str.contains('cp1252'))
        .select('path', 'record', 'reason')
        .rows()
    ) == [
        ('mixed.jsonl', 1, 'not valid UTF-8: decoded as Windows-1252 (cp1252)'),
        ('rows.csv', 2, 'not valid UTF-8: decoded as Windows-1252 (cp1252)'),
    ]


def test_csv_field_over_the_csv_module_limit(tmp_path):
    (tmp_path / 'big.csv').write_text('title,text\nBig,"' + 'word ' * 40_000 + '"\nSmall,A small article.\n')
    a, _, problems = load_articles(tmp_path)
    assert problems.is_empty() and a['title'].to_list() == ['Big', 'Small'] and a['n_words'][0] == 40_000


def test_jsonl_line_separators_keep_record_numbers(tmp_path):
    lines = ['{"text": "One\u2028line separator."}', '{"text": "Two\u0085next line."}',
             '{"text": "Three\u2029paragraph."}', '{"text": "Four."}']
    (tmp_path / 'seps.jsonl').write_text('\n'.join(lines), encoding='utf-8')
    a = load_articles(tmp_path).articles
    assert a['record'].to_list() == [1, 2, 3, 4] and a['text'][3] == 'Four.'


def test_two_text_columns_are_joined_with_a_warning(tmp_path):
    (tmp_path / 'two.csv').write_text('title,text,Text\nT,First part.,Second part.\nU,Same.,Same.\n')
    a, _, problems = load_articles(tmp_path)
    assert a['text'].to_list() == ['First part.\n\nSecond part.', 'Same.']
    assert problems.select('severity', 'loaded', 'reason').rows() == [
        ('warning', True, "2 columns named 'text': their values are joined, a blank line between them")]


@pytest.mark.parametrize('content,reason', [('"a string, not an article"', 'not an article object but a JSON string'),
                                            ('42', 'not an article object but a JSON number'),
                                            ('null', 'not an article object but a JSON null')])
def test_json_scalar_is_one_problem(tmp_path, content, reason):
    (tmp_path / 'odd.json').write_text(content)
    assert load_articles(tmp_path).problems.select('record', 'reason').rows() == [(None, reason)]


def test_parquet_nested_columns_are_never_text(tmp_path):
    pl.DataFrame({'title': ['S'], 'text': [{'a': 1}]}).write_parquet(tmp_path / 'struct.parquet')
    pl.DataFrame({'title': ['L'], 'text': [['Para one.', 'Para two.']], 'authors': [['Ann A', 'Bob B']]}).write_parquet(
        tmp_path / 'list.parquet'
    )
    pl.DataFrame(
        {'webTitle': ['G'], 'fields': [{'bodyText': 'The Guardian body.', 'extra': 1}], 'meta': [{'x': 1}]}
    ).write_parquet(tmp_path / 'nested.parquet')
    a, _, problems = load_articles(tmp_path, mapping={'fields.bodyText': 'text', 'webTitle': 'title'})
    assert a.select('title', 'byline', 'text').rows() == [('L', 'Ann A, Bob B', 'Para one.\n\nPara two.'),
                                                          ('G', None, 'The Guardian body.')]
    assert '{' not in ''.join(a['text'])
    assert reasons(problems)[('struct.parquet', None)].startswith("text field 'text' is not text but an object")


def test_jsonl_object_as_text_is_a_record_problem(tmp_path):
    (tmp_path / 'x.jsonl').write_text(json.dumps({'text': {'a': 1}}) + '\n' + json.dumps({'text': 'Fine.'}) + '\n')
    a, _, problems = load_articles(tmp_path)
    assert a['text'].to_list() == ['Fine.'] and reasons(problems) == {
        (
            'x.jsonl',
            1,
        ): "text field 'text' is not text but an object (to read one of its fields, pass --map text.NAME=text)"
    }


@pytest.mark.parametrize('name,content,severity,reason', [
    ('metadata.json', '42', 'error', 'sidecar metadata not read: a JSON number, not a table of files'),
    ('metadata.json', 'null', 'error', 'sidecar metadata not read: a JSON null, not a table of files'),
    ('metadata.json', '[[1, 2], [3, 4]]', 'warning',
     'sidecar metadata: 2 entries are not objects (with a file name and fields); ignored'),
    ('metadata.json', '[{"file": "../outside.txt", "source": "X"}]', 'warning',
     'sidecar metadata names a file outside its folder: ../outside.txt; ignored'),
    ('metadata.csv', 'file;source\n../../etc/passwd;X\n', 'warning',
     'sidecar metadata names a file outside its folder: ../../etc/passwd; ignored'),
])
def test_sidecar_faults_are_problems(tmp_path, name, content, severity, reason):
    (tmp_path / 'a.txt').write_text('A\n\nText of a.')
    (tmp_path / name).write_text(content)
    a, _, problems = load_articles(tmp_path)
    assert len(a) == 1 and a['source'].to_list() == [None]
    assert problems.select('severity', 'reason').rows() == [(severity, reason)]


def test_unreadable_sidecar_is_a_problem(tmp_path, monkeypatch):
    (tmp_path / 'a.txt').write_text('A\n\nText of a.')
    (tmp_path / 'metadata.json').write_text('{}')
    real = Path.read_bytes
    monkeypatch.setattr(Path, 'read_bytes', lambda self: (_ for _ in ()).throw(PermissionError(13, 'Permission denied'))
                        if self.name == 'metadata.json' else real(self))
    a, _, problems = load_articles(tmp_path)
    assert len(a) == 1 and problems['reason'].to_list() == ['sidecar metadata not read: unreadable: Permission denied']


def test_front_matter_billion_laughs_is_refused(tmp_path):
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + ''.join(
        f'{c}: &{c} [' + ','.join([f'*{p}'] * 9) + ']\n' for p, c in zip('abcdefgh', 'bcdefghi'))
    (tmp_path / 'laughs.md').write_text(f'---\n{laughs}---\nThe body of the article.\n')
    (tmp_path / 'big.md').write_text('---\ntitle: Big\nnotes: "' + 'x' * 70_000 + '"\n---\nAnother body.\n')
    a, _, problems = load_articles(tmp_path)  # returns at once: nothing is expanded
    assert len(a) == 2
    assert sorted(problems['reason']) == [
        'front matter over 64 KB; kept as text',
        'front matter with 72 YAML aliases (over 50, as in a "billion laughs"); kept as text',
    ]


def test_unreadable_things_in_a_folder_are_listed(tmp_path, monkeypatch):
    import os
    (tmp_path / 'ok.txt').write_text('Ok\n\nReadable.')
    (tmp_path / os.fsdecode(b'caf\xe9.txt')).write_text('Caf\n\nA name in Latin-1.')
    (tmp_path / 'dangling.txt').symlink_to(tmp_path / 'gone.txt')
    (tmp_path / 'loop.txt').symlink_to(tmp_path / 'loop.txt')
    (tmp_path / 'back').symlink_to(tmp_path)
    os.mkfifo(tmp_path / 'pipe.jsonl')
    (tmp_path / 'locked').mkdir(); (tmp_path / 'locked' / 'hidden.txt').write_text('H\n\nIn a locked folder.')
    real = os.scandir
    def scandir(path='.'):
        if Path(path).name == 'locked': raise PermissionError(13, 'Permission denied', str(path))
        return real(path)
    monkeypatch.setattr(os, 'scandir', scandir)
    a, _, problems = load_articles(tmp_path)
    assert names(a) == ['ok.txt']
    got = {Path(p).name: (s, why) for p, s, why in problems.select('path', 'severity', 'reason').rows()}
    assert got == {'caf\ufffd.txt': ('error', 'the file name is not valid UTF-8; rename the file to load it'),
                   'dangling.txt': ('error', 'a dangling symbolic link (its target does not exist)'),
                   'loop.txt': ('error', 'a looping symbolic link (it points back to itself)'),
                   'back': ('info', 'a symbolic link to a folder already read (a loop): not read again'),
                   'pipe.jsonl': ('error', 'not a regular file but a FIFO (named pipe)'),
                   'locked': ('error', 'folder not read: Permission denied')}


# Issue 13: never read our own output as input.
def test_own_output_is_skipped_and_listed_once(tmp_path):
    (tmp_path / 'story.txt').write_text('Story\n\nThe one real article.')
    (tmp_path / 'newsexplore-aliases.csv').write_text('alias,actor\nBiden,Joe Biden\n')
    out = tmp_path / 'out'; out.mkdir()
    pl.DataFrame({'doc_id': ['x'], 'text': ['An article we wrote out.']}).write_parquet(out / 'articles.parquet')
    pl.DataFrame({'doc_id': ['x'], 'text': ['An article we wrote out.']}).write_csv(out / 'articles.csv')
    (out / 'timeline.json').write_text('{}')
    ds = tmp_path / 'dataset'; (ds / 'articles').mkdir(parents=True)
    (ds / 'manifest.json').write_text(json.dumps({'parts': ['abc'], 'part_docs': [1]}))
    pl.DataFrame({'text': ['Part text.']}).write_parquet(ds / 'articles' / 'part-00000.parquet')
    (tmp_path / 'report.html').write_text(
        '<html><body><h1>Report</h1><p>'
        + 'Long enough text of a report page. ' * 5
        + '</p><script type="application/json" id="nx-specs">{}</script></body></html>'
    )
    (tmp_path / '.newsexplore-cache').mkdir()
    a, _, problems = load_articles(tmp_path)
    assert names(a) == ['story.txt']
    assert sorted(
        (Path(p).name, s, l, why) for p, s, l, why in problems.select('path', 'severity', 'loaded', 'reason').rows()
    ) == [
        ('dataset', 'info', False, "newsexplore's own output, not read (a dataset (newsexplore.dataset))"),
        ('newsexplore-aliases.csv', 'info', False, "newsexplore's own output, not read (the curation (aliases) file)"),
        ('out', 'info', False, "newsexplore's own output, not read (the output of extract)"),
        ('report.html', 'info', False, "newsexplore's own output, not read (a report made by newsexplore)"),
    ]
    from newsexplore.core import NewsexploreError
    with pytest.raises(
        NewsexploreError,
        match=r'is a newsexplore dataset, not a folder of articles: open it with newsexplore.dataset.Dataset\(',
    ):
        load_articles(ds)


# Issue 13, part 4: fields by meaning, and the loader fixes a trial user asked for.
API_RECORDS = {  # one record as each scraper or API writes it -> (title, text, published, source, url, byline)
    'newsapi.json': ({'status': 'ok', 'articles': [{
        'source': {'id': 'bbc-news', 'name': 'BBC News'}, 'author': 'Ann Writer', 'title': 'NewsAPI story',
        'description': 'A summary.', 'url': 'https://www.bbc.co.uk/news/1', 'publishedAt': '2024-03-05T10:00:00Z',
        'content': 'The NewsAPI content of the story.'}]},
        ('NewsAPI story', 'The NewsAPI content of the story.', date(2024, 3, 5), 'BBC News',
         'https://www.bbc.co.uk/news/1', 'Ann Writer')),
    'newsplease.json': ({'authors': ['Ann Writer', 'Bob Writer'], 'date_publish': '2024-03-05 10:00:00',
                         'date_download': '2024-06-01 00:00:00',
                         'maintext': 'The news-please main text.', 'source_domain': 'example.com',
                         'title': 'news-please story',
                         'url': 'https://example.com/2', 'description': 'A summary.'},
        ('news-please story', 'The news-please main text.', date(2024, 3, 5), 'example.com', 'https://example.com/2',
         'Ann Writer, Bob Writer')),
    'newspaper.json': ({'title': 'newspaper story', 'text': 'The newspaper3k text.', 'authors': ['Ann Writer'],
                        'publish_date': '2024-03-05'},
        ('newspaper story', 'The newspaper3k text.', date(2024, 3, 5), None, None, 'Ann Writer')),
    'trafilatura.json': ({'title': 'trafilatura page', 'author': 'Ann Writer', 'hostname': 'example.net',
                          'date': '2024-03-05',
                          'filedate': '2024-06-01', 'text': 'The trafilatura text.',
                          'source': 'https://www.example.net/6'},
        ('trafilatura page', 'The trafilatura text.', date(2024, 3, 5), 'example.net', 'https://www.example.net/6',
         'Ann Writer')),
    'gdelt.json': ({'SQLDATE': 20240305, 'SOURCEURL': 'https://news.example.org/5', 'text': 'The GDELT-linked text.'},
        (None, 'The GDELT-linked text.', date(2024, 3, 5), 'news.example.org', 'https://news.example.org/5', None)),
    'guardian.json': ({'response': {'results': []}, 'results': [{
        'webTitle': 'Guardian story', 'webUrl': 'https://www.theguardian.com/3',
        'webPublicationDate': '2024-03-05T10:00:00Z',
        'fields': {'headline': 'Guardian headline', 'bodyText': 'The Guardian body text.', 'byline': 'Ann Writer',
                   'body': '<p>html</p>'}}]},
        ('Guardian headline', 'The Guardian body text.', date(2024, 3, 5), 'theguardian.com',
         'https://www.theguardian.com/3', 'Ann Writer')),
    'common.json': ({'headline': 'A scraped story', 'full_text': 'The full text of the story.',
                     'created_at': 1709632800,
                     'author': 'Ann Writer', 'link': 'https://m.example.org/x'},
        ('A scraped story', 'The full text of the story.', date(2024, 3, 5), 'm.example.org',
         'https://m.example.org/x', 'Ann Writer')),
}


@pytest.mark.parametrize('name', API_RECORDS)
def test_fields_of_scrapers_and_news_apis_are_recognised(tmp_path, name):
    record, want = API_RECORDS[name]
    (tmp_path / name).write_text(json.dumps(record))
    a, _, problems = load_articles(tmp_path)
    assert problems.is_empty(), problems['reason'].to_list()
    assert a.select('title', 'text', 'published', 'source', 'url', 'byline').row(0) == want


@pytest.mark.parametrize('names',
                         [('published_at', 'body_text'), ('publishedAt', 'bodyText'), ('Published-At', 'BODY TEXT'),
                                   ('PUBLISHED_AT', 'Body-Text')])
def test_field_names_in_any_case_and_spelling(tmp_path, names):
    (tmp_path / 'x.jsonl').write_text(json.dumps({names[0]: '2024-03-05', names[1]: 'The story.'}))
    assert load_articles(tmp_path).articles.select('published', 'text').row(0) == (date(2024, 3, 5), 'The story.')


def test_full_text_wins_over_a_summary_and_a_summary_alone_is_the_text_with_a_warning(tmp_path):
    (tmp_path / 'both.jsonl').write_text(json.dumps({'description': 'A short summary.',
                                                     'content': 'The full story, at length.'}))
    (tmp_path / 'rss.jsonl').write_text(
        '\n'.join(
            json.dumps(
                {
                    'title': f'Item {i}',
                    'description': f'The summary of item {i}.',
                    'pubDate': 'Tue, 05 Mar 2024 10:00:00 GMT',
                }
            )
            for i in range(3)
        )
    )
    a, _, problems = load_articles(tmp_path)
    assert a.filter(pl.col('path').str.ends_with('both.jsonl')).select('subtitle', 'text').rows() == [
        ('A short summary.', 'The full story, at length.')]
    assert a.filter(pl.col('path').str.ends_with('rss.jsonl')).select('subtitle', 'text').rows() == [
        (None, f'The summary of item {i}.') for i in range(3)]
    assert problems.select('severity', 'loaded', 'reason').rows() == [
        (
            'warning',
            True,
            (
                "no full text: the text of 3 records is a summary ('description'); to read another field as the text, "
                "pass --map NAME=text"
            ),
        )
    ]
    a, _, problems = load_articles(tmp_path / 'rss.jsonl', mapping={'description': 'text'})  # asked for: no warning
    assert len(a) == 3 and problems.is_empty()


def test_front_matter_description_is_never_the_text(tmp_path):
    (tmp_path / 'post.md').write_text(
        '---\ntitle: A post\ndescription: What the post is about.\n---\nThe body of the post.\n'
    )
    a = load_articles(tmp_path).articles
    assert a.select('title', 'subtitle', 'text').row(0) == ('A post', 'What the post is about.',
                                                            'The body of the post.')


@pytest.mark.parametrize('value,published', [(20240305, date(2024, 3, 5)), ('20240305', date(2024, 3, 5)),
                                             (20240305101500, date(2024, 3, 5)), (1709632800, date(2024, 3, 5)),
                                             (1709632800123, date(2024, 3, 5)), ('1709632800', date(2024, 3, 5)),
                                             (1709632800.5, date(2024, 3, 5))])
def test_numeric_dates_are_dates(tmp_path, value, published):
    (tmp_path / 'x.csv').write_text(f'timestamp,text\n{value},The story.\n')
    (tmp_path / 'x.jsonl').write_text(json.dumps({'timestamp': value, 'text': 'Another story.'}))
    a, _, problems = load_articles(tmp_path)
    assert problems.is_empty() and a['published'].to_list() == [published, published]


def test_relative_and_future_metadata_dates_are_refused_with_a_warning(tmp_path):
    from datetime import timedelta
    later = date.today() + timedelta(days=2)
    values = ['yesterday', '2 hours ago', 'today', later.isoformat(), (date.today() + timedelta(days=1)).isoformat()]
    (tmp_path / 'x.jsonl').write_text(
        '\n'.join(json.dumps({'date': v, 'text': f'Story {i}.'}) for i, v in enumerate(values, 1))
    )
    a, _, problems = load_articles(tmp_path)
    assert a['published'].to_list() == [None] * 4 + [date.today() + timedelta(days=1)]
    assert problems.select('record', 'severity', 'loaded', 'reason').rows() == [
        (1, 'warning', True, "unreadable publication date 'yesterday'"),
        (2, 'warning', True, "unreadable publication date '2 hours ago'"),
        (3, 'warning', True, "unreadable publication date 'today'"),
        (4, 'warning', True, f'publication date {later} (from the metadata) is in the future: not used')]


def test_future_date_in_the_text_is_refused(tmp_path):
    from datetime import timedelta
    later = date.today() + timedelta(days=30)
    (tmp_path / 'a.txt').write_text(
        f'Talks\n\nBEIRUT, {later:%B} {later.day}, {later.year} (Reuters) - Lebanese leaders met on Thursday.'
    )
    a, _, problems = load_articles(tmp_path)
    assert a['published'].to_list() == [None]
    assert problems['reason'].to_list() == [f'publication date {later} (from the dateline) is in the future: not used']


def test_invisible_characters_are_removed_and_counted(tmp_path):
    (tmp_path / 'x.jsonl').write_text(
        json.dumps(
            {
                'title': 'Ber\u200blin talks',
                'byline': 'Ann\u2060 Writer',
                'text': '\ufeffLeaders met in Ber\u200blin and the Bun\u00addes\u00adtag. '
                'A family emoji \U0001f468\u200d\U0001f469 and mi\u200cdan stay.',
            }
        )
    )
    a, _, problems = load_articles(tmp_path)
    row = a.row(0, named=True)
    assert (row['title'], row['byline']) == ('Berlin talks', 'Ann Writer')
    assert (
        row['text']
        == 'Leaders met in Berlin and the Bundestag. A family emoji \U0001f468\u200d\U0001f469 and mi\u200cdan stay.'
    )
    assert (problems['reason'].to_list()
            == ['removed 6 control or invisible characters (U+00AD, U+200B, U+2060, U+FEFF) from 1 record'])


@pytest.mark.parametrize('value,reason', [(12345, "text field 'text' is not text but a number (12345)"),
                                          (1.5, "text field 'text' is not text but a number (1.5)"),
                                          (True, "text field 'text' is not text but a boolean (True)"),
                                          (False, "text field 'text' is not text but a boolean (False)"),
                                          ([1, 2], "text field 'text' is not text but list"),
                                          ('12345', "text field 'text' holds no words ('12345')")])
def test_a_number_or_boolean_is_not_an_article(tmp_path, value, reason):
    (tmp_path / 'x.jsonl').write_text(
        json.dumps({'text': 'A real story.'}) + '\n' + json.dumps({'title': 'Odd', 'text': value})
    )
    a, _, problems = load_articles(tmp_path)
    assert a['text'].to_list() == ['A real story.']
    assert problems.select('record', 'loaded', 'reason').rows() == [(2, False, reason)]


def test_a_duplicate_names_its_original_record(tmp_path):
    (tmp_path / 'a.jsonl').write_text(
        '\n'.join(json.dumps({'text': t}) for t in ('One story.', 'Two story.', 'Three story.'))
    )
    (tmp_path / 'b.jsonl').write_text(json.dumps({'text': 'Two  story.'}))
    (tmp_path / 'c.txt').write_text('Title\n\nThree story.')
    problems = load_articles(tmp_path).problems
    assert problems.select('record', 'reason').rows() == [(1, f"duplicate of {tmp_path / 'a.jsonl'} #2"),
                                                          (None, f"duplicate of {tmp_path / 'a.jsonl'} #3")]


def test_a_long_first_line_is_text_not_a_title(tmp_path):
    line = ' '.join(f'word{i}' for i in range(26)) + '.'
    (tmp_path / 'one_line.txt').write_text(line)
    (tmp_path / 'long_first.txt').write_text(line + '\n\nA second paragraph.')
    (tmp_path / 'short.txt').write_text(' '.join(f'word{i}' for i in range(25)))  # 25 words: a title, no text
    a, _, problems = load_articles(tmp_path)
    assert a.sort('path').select('title', 'text').rows() == [(None, line + '\n\nA second paragraph.'), (None, line)]
    assert reasons(problems) == {('short.txt', None): 'no article text (only a title, or only boilerplate)'}


def test_source_is_the_site_of_the_url_when_absent(tmp_path):
    rows = [{'url': 'https://www.bbc.co.uk/news/uk-1', 'text': 'London (CNN) - A story on the BBC site.'},
            {'url': 'https://www.bbc.co.uk/news/uk-2', 'text': 'A second story.', 'source': 'BBC News'},
            {'url': 'ftp://files.example.org/x', 'text': 'Not a web page.'}]
    (tmp_path / 'x.jsonl').write_text('\n'.join(json.dumps(r) for r in rows))
    a = load_articles(tmp_path).articles
    assert a['source'].to_list() == ['bbc.co.uk', 'BBC News', None]


def test_the_table_of_field_names_is_up_to_date():
    from newsexplore.load import fields_table
    nb = json.loads((Path(__file__).parent.parent / 'nbs' / '01_load.ipynb').read_text())
    assert any(fields_table() in ''.join(c['source']) for c in nb['cells'] if c['cell_type'] == 'markdown')


# ---- API responses: the records list inside an envelope -------------------------------------------------------------
GUARDIAN_RESPONSE = {'response': {
    'status': 'ok', 'userTier': 'developer', 'total': 2, 'startIndex': 1, 'pageSize': 10, 'currentPage': 1, 'pages': 1,
    'orderBy': 'newest', 'results': [
        {'id': f'world/2024/mar/0{i}/story', 'type': 'article', 'sectionId': 'world', 'sectionName': 'World news',
         'webPublicationDate': f'2024-03-0{i}T10:00:00Z', 'webTitle': f'Guardian story {i}',
         'webUrl': f'https://www.theguardian.com/world/{i}', 'apiUrl': f'https://content.guardianapis.com/world/{i}',
         'fields': {'byline': 'Ann Writer', 'bodyText': f'The Guardian body text of story {i}, with several words.'},
         'isHosted': False, 'pillarId': 'pillar/news', 'pillarName': 'News'} for i in (4, 5)]}}
NYT_RESPONSE = {'status': 'OK', 'copyright': 'Copyright (c) 2024 The New York Times Company.', 'response': {
    'docs': [{'abstract': f'An abstract of story {i}.',
              'web_url': f'https://www.nytimes.com/2024/03/0{i}/us/story.html',
              'snippet': f'An abstract of story {i}.',
              'lead_paragraph': f'The lead paragraph of story {i}, which is the longest text the API gives for it.',
              'source': 'The New York Times', 'multimedia': [{'url': 'images/a.jpg', 'height': 100}],
              'headline': {'main': f'NYT story {i}', 'kicker': None, 'print_headline': 'Print'},
              'keywords': [{'name': 'glocations', 'value': 'Ohio', 'rank': 1}],
              'pub_date': f'2024-03-0{i}T10:00:00+0000',
              'document_type': 'article', 'section_name': 'U.S.', 'word_count': 900,
              'byline': {'original': 'By Ann Writer', 'person': [{'firstname': 'Ann', 'lastname': 'Writer'}],
                         'organization': None}} for i in (4, 5)],
    'meta': {'hits': 2, 'offset': 0, 'time': 20}}}


def test_guardian_api_response_loads(tmp_path):
    (tmp_path / 'guardian.json').write_text(json.dumps(GUARDIAN_RESPONSE))
    a, _, problems = load_articles(tmp_path)
    assert problems.is_empty(), problems['reason'].to_list()
    assert a.select('record', 'title', 'published', 'url', 'byline', 'source').rows() == [
        (0, 'Guardian story 4', date(2024, 3, 4), 'https://www.theguardian.com/world/4', 'Ann Writer',
         'theguardian.com'),
        (1, 'Guardian story 5', date(2024, 3, 5), 'https://www.theguardian.com/world/5', 'Ann Writer',
         'theguardian.com')]
    assert a['text'].str.starts_with('The Guardian body text').all()


def test_nyt_article_search_response_loads_with_the_summary_warning(tmp_path):
    (tmp_path / 'nyt.json').write_text(json.dumps(NYT_RESPONSE))
    a, _, problems = load_articles(tmp_path)
    assert a.select('title', 'subtitle', 'published', 'url', 'byline', 'source').rows() == [
        (f'NYT story {i}', f'An abstract of story {i}.', date(2024, 3, i),
         f'https://www.nytimes.com/2024/03/0{i}/us/story.html',
         'By Ann Writer', 'The New York Times') for i in (4, 5)]
    assert a['text'].str.starts_with('The lead paragraph').all()
    assert problems.select('severity', 'loaded').rows() == [('warning', True)]
    assert 'summary' in problems['reason'][0]


@pytest.mark.parametrize('envelope', [
    lambda recs: {'status': 'ok', 'totalResults': len(recs), 'articles': recs},          # NewsAPI
    lambda recs: {'data': recs, 'meta': {'page': 1}},
    lambda recs: {'items': recs},
    lambda recs: {'results': recs, 'count': len(recs)},
    lambda recs: {'data': {'articles': recs, 'next': None}},
    lambda recs: {'hits': {'total': {'value': 2},
                           'hits': [{'_index': 'news', '_id': i, '_source': r} for i, r in enumerate(recs)]}},
    lambda recs: {'payload': {'stories': recs, 'tags': [{'name': 'x'}]},
                  'version': 2},  # no known name: the list with text
])
def test_records_inside_any_common_envelope(tmp_path, envelope):
    recs = [{'title': f'T{i}', 'content': f'The text of story {i}.', 'publishedAt': f'2024-03-0{i}'} for i in (1, 2)]
    (tmp_path / 'r.json').write_text(json.dumps(envelope(recs)))
    a, _, problems = load_articles(tmp_path)
    assert problems.is_empty(), problems['reason'].to_list()
    assert a.select('title', 'published').rows() == [('T1', date(2024, 3, 1)), ('T2', date(2024, 3, 2))]


def test_map_written_from_the_top_of_the_response(tmp_path):
    recs = [{'headline': f'T{i}', 'story_body': f'The body of story {i}.'} for i in (1, 2)]
    (tmp_path / 'r.json').write_text(json.dumps({'data': {'articles': recs}}))
    for mapping in ({'data.articles': 'text', 'story_body': 'text'}, {'data.articles.story_body': 'text'}):
        a, _, problems = load_articles(tmp_path, mapping=mapping)
        assert problems.is_empty(), problems['reason'].to_list()
        assert a['text'].to_list() == ['The body of story 1.', 'The body of story 2.']


def test_an_article_with_a_list_of_objects_is_one_article(tmp_path):
    (tmp_path / 'a.json').write_text(json.dumps({'title': 'T', 'text': 'The article text.',
                                                 'comments': [{'text': 'First!'}]}))
    a, _, problems = load_articles(tmp_path)
    assert a.select('record', 'title', 'text').rows() == [(None, 'T', 'The article text.')]


def test_a_timeline_file_in_the_folder_is_loaded_and_listed(tmp_path):
    "A hand-made timeline (date + text records, no metadata) beside the news loads, with a warning naming it."
    news = [{'title': f'Story {i}', 'url': f'https://news.example/{i}', 'source': 'Example News',
             'date': '2010-06-0' + str(i % 9 + 1), 'text': f'Article number {i} says the well was capped. ' * 5}
            for i in range(30)]
    (tmp_path / 'news.jsonl').write_text('\n'.join(json.dumps(r) for r in news))
    (tmp_path / 'gold').mkdir()
    gold = [{'date': f'2010-07-{d:02d}', 'text': f'On day {d} the spill grew again, officials said.'}
            for d in range(1, 8)]
    (tmp_path / 'gold' / 'story.timeline.json').write_text(json.dumps(gold))
    articles, _, problems = load_articles(tmp_path, progress=False)
    assert len(articles) == 37  # nothing is lost: the analyst decides
    warned = problems.filter(pl.col('reason').str.contains('unlike most of the corpus'))
    assert warned['path'].str.ends_with('story.timeline.json').to_list() == [True]
    assert warned['severity'].to_list() == ['warning'] and warned['loaded'].to_list() == [True]


def test_a_folder_of_articles_with_a_manifest_of_its_own_is_no_dataset(tmp_path):
    """A scraper's folder may hold a `manifest.json` of its own: the folder still loads as articles (only a
    manifest listing `parts` makes a dataset), and the manifest is listed, not lost."""
    from newsexplore.corpus import Corpus
    (tmp_path / 'manifest.json').write_text('{"version": 1, "files": ["a.txt"]}')
    (tmp_path / 'a.txt').write_text('Storm hits coast\n\nThe storm reached the coast on Monday, officials said.\n')
    corpus = Corpus.from_folder(tmp_path, cache_dir=tmp_path / 'cache')
    assert len(corpus) == 1 and corpus.articles['title'].to_list() == ['Storm hits coast']
    assert str(tmp_path / 'manifest.json') in corpus.problems['path'].to_list()


def test_an_article_in_another_language_is_listed_not_loaded(tmp_path):
    """Text in another language, or garbled by a scraper, would become invented actors in the English pipeline:
    it is listed with its share of common English words and left out; the English articles load."""
    english = ('The minister said on Monday that the plan would be ready by the end of the year, and that the '
               'delay was not the fault of the council, which had asked for more time. ')
    for i in range(6): (tmp_path / f'en{i}.txt').write_text(f'Story {i}\n\n{english * 2}It was report {i}.')
    (tmp_path / 'vi.txt').write_text('Cum heo\n\nVi t Nam ngn c m c a kh u Ch nh ph nhi u n c ch u n i h nhanh '
                                     'ch ng tri n khai k ho ch ch ng c m heo trong b i c nh c th m qu c gia')
    loaded = load_articles(tmp_path, progress=False)
    assert sorted(Path(p).name for p in loaded.articles['path']) == [f'en{i}.txt' for i in range(6)]
    [row] = loaded.problems.filter(pl.col('path').str.ends_with('vi.txt')).iter_rows(named=True)
    assert (row['severity'], row['loaded']) == ('warning', False)
    assert "not in the corpus's language, or garbled" in row['reason'], row['reason']
    with pytest.raises(LoadError): load_articles(tmp_path, progress=False, strict=True)
