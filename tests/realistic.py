"""A realistic news corpus, generated: thousands of names, a decade of dates, odd characters, page furniture.

`generate(folder)` writes a corpus that newsexplore loads, the same for the same arguments (a seeded
`random.Random`; no set or dict order, no clock). What real archives hold and two sample articles do not:

- thousands of distinct people, organisations and places, composed from first names x surnames, company
  patterns and city lists, in plain English sentences that spaCy's recogniser finds ("Maria Kowalski, the
  finance minister of Portugal, met Acme Holdings executives in Lisbon on Tuesday.");
- stories: most articles belong to one of a few dozen stories whose cast is co-mentioned across articles
  (so co-mention pairs and communities exist); some articles name a single actor, some none;
- publication dates over 2012-2021 in several formats, some missing or unreadable; dates in the text,
  absolute ("March 3, 2015"), relative ("last week", "two days later") and years ("in 1998"); a few extreme
  ones ("in the year 1", "0001-01-01", "by 9999", "in 2150", "the 14th century", "12/31/9999"), each at least
  once whatever the size (`_Gen.showcase`), like every odd name form below;
- odd characters: C0 control characters inside names and titles, zero-width and right-to-left marks, emoji,
  combining accents, `<script>` and `&amp;` HTML, CSV-injection strings (`=HYPERLINK(...)`, `+1`, `@SUM`),
  very long names, names in quotes;
- page furniture: share and follow lines, adverts, related links, cookie notices, "Read more", copyright
  lines, bylines, datelines ("LONDON (Reuters) -"), newsletter prompts;
- one huge article (~1.1 million characters, ~170,000 words) with `huge=True`;
- a few inputs that cannot be loaded (a malformed JSON line, a record without text, an empty file, a binary
  file) and one exact duplicate, all extra to the `n_articles` distinct articles.

Files written under `folder`:
    wire.jsonl            ~80% of the articles: title, text, published, source, url, author
    web/NNNN.txt          the rest, as scraped pages (title on the first line, furniture around the body),
    web/metadata.csv      with their publication date, source, url and author in a sidecar
    longform/huge.txt     the huge article (and longform/metadata.csv), when `huge=True`

Used by `tests/test_realistic.py` and by benchmarks (`sys.path.insert(0, 'tests')`, then
`from realistic import generate`). Run as a script to write a corpus: `python tests/realistic.py FOLDER [N]`.
"""
from __future__ import annotations

import csv, io, json, random, sys, unicodedata
from datetime import date, timedelta
from pathlib import Path

import polars as pl

__all__ = ['generate', 'FIRST', 'SURNAMES', 'CITIES', 'COUNTRIES', 'FURNITURE', 'EXTREME_DATES', 'PERIOD']

PERIOD = (date(2012, 1, 1), date(2021, 12, 31))  # publication dates of dated articles lie in here

FIRST = '''Maria Anna Sofia Elena Laura Julia Emma Olivia Amelia Chloe Fatima Aisha Leila Yasmin Mei Xia Yuki Aiko
Priya Ananya Deepa Ingrid Astrid Freya Sigrid Nadia Olga Irina Svetlana Katarzyna Agnieszka Zofia Ewa Marta Lucia
Carmen Isabel Ines Beatriz Camila Valentina Gabriela Renata Amara Chiamaka Ngozi Zanele Thandiwe Grace Hannah Rachel
Sarah Rebecca Claire Fiona Siobhan Aoife Helen Margaret Susan Karen Patricia Linda Barbara Elizabeth Jennifer Monica
Teresa Alicia Rosa Noura Huda Samira Farah Kavya Meera Sunita Hye-jin Min-seo Ji-woo Thu Linh Ayesha Zainab
John James Robert Michael William David Richard Thomas Charles Daniel Matthew Andrew Mark Paul Steven Kevin Brian
George Edward Peter Piotr Jan Tomasz Marek Pawel Krzysztof Andrzej Ivan Dmitri Sergei Alexei Mikhail Hans Klaus
Stefan Lars Erik Nils Bjorn Pierre Jean Luc Francois Antoine Marco Luca Giovanni Paolo Carlos Jose Miguel Juan Luis
Diego Pedro Rafael Ahmed Mohammed Omar Hassan Ali Karim Tariq Yusuf Wei Jun Hiroshi Kenji Takeshi Raj Arjun Vikram
Sanjay Kwame Kofi Chinedu Emeka Tunde Sipho Thabo Oliver Harry Jack Noah Liam Ethan Lucas Samuel Benjamin Joseph
Anthony Victor Hugo Felix Oscar Rui Joao Tiago Nikolai Boris Viktor Emil Jakub Ondrej Mateusz Dariusz'''.split()

SURNAMES = '''Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott
Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart
Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard Ward Cox Richardson Wood Watson Brooks
Bennett Gray Hughes Price Sanders Myers Ross Foster Kowalski Nowak Wisniewski Wojcik Kowalczyk Kaminski Lewandowski
Zielinski Szymanski Dabrowski Ivanov Petrov Smirnov Volkov Sokolov Popov Muller Schmidt Schneider Fischer Weber Meyer
Wagner Becker Hoffmann Schulz Dubois Laurent Moreau Lefebvre Rousseau Fontaine Rossi Russo Ferrari Esposito Bianchi
Romano Colombo Ricci Silva Santos Oliveira Pereira Costa Ferreira Almeida Carvalho Haddad Khalil Mansour Nasser Saleh
Farouk Chen Wang Zhang Liu Yang Huang Zhao Zhou Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Patel Sharma
Singh Gupta Kumar Reddy Iyer Okafor Adeyemi Mensah Owusu Nkosi Dlamini Mwangi Kamau Otieno Andersson Johansson
Karlsson Nilsson Larsen Hansen Jensen Nielsen Virtanen Korhonen O'Brien O'Connor MacDonald Fitzgerald Novak Horvat
Kovacs Nagy Szabo Popescu Ionescu Georgiou Papadopoulos Yilmaz Demir Kaya Sahin Abadi Rahimi Hosseini Karimi'''.split()

CITIES = '''London, Paris, Berlin, Madrid, Lisbon, Rome, Vienna, Warsaw, Prague, Budapest, Athens, Dublin, Brussels,
Amsterdam, Copenhagen, Stockholm, Oslo, Helsinki, Moscow, Kyiv, Istanbul, Ankara, Cairo, Nairobi, Lagos, Accra,
Johannesburg, Cape Town, Casablanca, Tunis, Beirut, Amman, Baghdad, Tehran, Riyadh, Dubai, Doha, Karachi, Lahore,
Delhi, Mumbai, Chennai, Kolkata, Dhaka, Colombo, Bangkok, Hanoi, Jakarta, Manila, Singapore, Kuala Lumpur, Beijing,
Shanghai, Hong Kong, Taipei, Seoul, Tokyo, Osaka, Sydney, Melbourne, Auckland, Toronto, Montreal, Vancouver,
Chicago, Boston, Houston, Denver, Seattle, Atlanta, Miami, Mexico City, Bogota, Lima, Santiago, Buenos Aires,
Sao Paulo, Rio de Janeiro, Caracas, Havana, Geneva, Zurich, Frankfurt, Munich, Hamburg, Milan, Naples, Barcelona,
Seville, Porto, Marseille, Lyon, Edinburgh, Glasgow, Manchester, Liverpool, Belfast, Cardiff, Krakow, Gdansk, Riga,
Vilnius, Tallinn, Minsk, Tbilisi, Yerevan, Baku, Almaty, Tashkent, Kabul, Islamabad, Kathmandu, Yangon, Phnom Penh,
Ulaanbaatar, Addis Ababa, Dakar, Kampala, Kinshasa, Luanda, Harare, Lusaka, Abuja, Rabat, Algiers'''.replace(
    '\n', ' '
).split(', ')

COUNTRIES = '''France, Germany, Spain, Portugal, Italy, Poland, Greece, Ireland, Belgium, the Netherlands, Denmark,
Sweden, Norway, Finland, Russia, Ukraine, Turkey, Egypt, Kenya, Nigeria, Ghana, South Africa, Morocco, Tunisia,
Lebanon, Jordan, Iraq, Iran, Saudi Arabia, Qatar, Pakistan, India, Bangladesh, Sri Lanka, Thailand, Vietnam,
Indonesia, the Philippines, Malaysia, China, Taiwan, South Korea, Japan, Australia, New Zealand, Canada,
the United States, Mexico, Colombia, Peru, Chile, Argentina, Brazil, Venezuela, Cuba, Switzerland, Austria,
Hungary, the Czech Republic, Romania, Bulgaria, Serbia, Croatia, Freedonia, Sylvania, Elbonia, Ruritania'''.replace(
    '\n', ' '
).split(', ')

_ADJ = '''Northern Atlantic Pacific United Global Continental Eastern Royal National Federal Consolidated Allied
Standard General Western Southern'''.split()
_NOUN = '''Rail Steel Shipping Energy Mining Textiles Telecom Airways Pharmaceuticals Foods Insurance Media Motors
Logistics Water Power Chemicals Cement'''.split()
_SUFFIX = 'Corporation Group Ltd Inc. PLC Holdings Company AG SA'.split()
_DEPTS = 'Finance Defence Health Energy Transport Justice Agriculture Trade Education Interior'.split()
_SECTORS = 'Port Authority|Chamber of Commerce|Stock Exchange|City Council|Water Board|Transit Authority'.split('|')

SOURCES = ['Daily Planet', 'The Freedonia Times', 'Reuters', 'Agence France-Presse', 'The Morning Ledger',
           'Metro Wire', 'Coastal Courier', 'Le Monde Diplomatique', 'Ñews Ωnline 📰',
           '=HYPERLINK("http://evil.example","Wire")', '+1 News', '@SUM(A1:A9) Media', '-2+3 Daily',
           'Smith &amp; Sons Gazette', '<b>Bold</b> Herald', 'The \u202eTimes\u202c Review']

_AGENCIES = ['Reuters', 'AFP', 'AP', 'dpa']

TOPICS = [  # (headline noun, the story's noun phrase, a verb phrase about it)
    ('port strike', 'the strike at the port', 'walked out over pay'),
    ('merger', 'the proposed merger', 'agreed to combine their businesses'),
    ('election', 'the disputed election', 'called for a recount'),
    ('corruption trial', 'the corruption trial', 'denied taking bribes'),
    ('flood relief', 'the flood relief effort', 'pledged emergency funds'),
    ('trade talks', 'the trade talks', 'left the negotiating table'),
    ('pipeline deal', 'the pipeline deal', 'signed a supply agreement'),
    ('transfer saga', 'the transfer saga', 'rejected a second bid'),
    ('vaccine trial', 'the vaccine trial', 'reported early results'),
    ('bank collapse', 'the collapse of the bank', 'froze customer accounts'),
    ('mining dispute', 'the mining dispute', 'suspended operations'),
    ('airline crisis', 'the airline crisis', 'cancelled hundreds of flights'),
]

_ROLES = ['the finance minister of {K}', 'the chief executive of {O}', 'a spokesperson for {O}', 'the mayor of {C}',
          'a senior analyst at {O}', 'the opposition leader in {K}', 'a lawyer representing {O}', 'the head of {O}',
          'the foreign minister of {K}', 'a board member of {O}', 'the governor of the central bank of {K}',
          'a union representative at {O}', 'the ambassador of {K} to {K2}', 'a professor at {O}']

# Sentences of a story: {a} {b} {c} are people of the cast (full names on first use), {o} {o2} organisations,
# {C} a city, {K} a country, {d} a date expression, {t} the story's noun phrase, {v} its verb phrase.
_STORY = ['{a}, {role_a}, met {o} executives in {C} {d}.',
          '{a} told reporters in {C} that {o} would not comment on {t}.',
          'Speaking {d}, {a} said the agreement with {o} was "a first step".',
          '{o} confirmed {d} that {a} had joined its board.',
          'The deal, first reported by {o2}, would give {o} control of a terminal in {C}.',
          '{a_} declined to say whether {b} had been informed about {t}.',
          'According to {a}, {role_a}, the figures were revised {d}.',
          '{a} and {b} have clashed repeatedly over {t} since {y}.',
          'Shares in {o} fell {pct} per cent in {C} {d} after {b} {v}.',
          'Critics, including {a}, said {o} had ignored warnings from {o2}.',
          '{b} was expected to travel to {C} {d} for a meeting with {a}.',
          'Workers at {o} {v} {d}, {a} said.',
          '"We are not going to accept this," {a} told a news conference in {C}, standing beside {b}.',
          'Officials in {K} said {b} and {c} would lead a review of {t}.',
          '{a_} later said {o} had {v}, a claim {b_} rejected {d}.',
          'Two days later, {c} and {a} issued a joint statement on {t}.',
          'The government of {K} asked {o} to explain its role in {t}.',
          '{c}, who advised {o2} on {t}, said the talks could resume {d}.']

_ONE = ['{a} said the results were disappointing {d}.', 'She added that the team would keep working on it.',
        '{a_} has led the effort for years and plans to stay until it is finished.',
        'Asked about the timing, {a_} said only that the work was "nearly done".',
        'He said the decision had been difficult but necessary.', '{a_} did not say how much the work would cost.',
        'The plan, {a_} said, had been discussed for months before it was announced.']

_NONE = ['Prices of fresh vegetables rose sharply over the winter, according to figures released {d}.',
         'Economists said the rise was driven by higher transport costs and a poor harvest.',
         'Shoppers reported empty shelves at several stores, and some bakeries closed early.',
         'The figures are expected to be revised when more data arrives.',
         'Rainfall was about {pct} per cent below the average for the season.',
         'Several households said they had cut back on meat and fruit.',
         'The weather is expected to improve, forecasters said, though not before the weekend.']

_BACKGROUND = ['Separately, {p}, {role_p}, said the matter was under review.',
               '{p} of {o} was not available for comment.', 'In {C}, {p} said the mood was cautious.',
               'Earlier, {p} had written to {o} asking for details.',
               'The report was prepared by {p} and colleagues at {o}.']

FURNITURE = ['Share this article', 'Share on Facebook Twitter WhatsApp Email', 'Advertisement', 'ADVERTISEMENT',
             'Related links', 'Scroll to continue with content',
             'We use cookies to improve your experience. By continuing to browse you accept cookies.',
             'Sign up for our daily newsletter', 'Follow us on Twitter', 'Leave a comment',
             'Facebook Twitter LinkedIn Email Print']

# (sentence, what it holds): extreme dates a real archive holds somewhere
EXTREME_DATES = ['Historians trace the claim back to the year 1, when the first settlement was recorded.',
                 'The registry lists the founding date of {o} as 0001-01-01, an obvious placeholder.',
                 'The lease held by {o} runs until 9999-12-31, according to the filing.',
                 'The bonds issued by {o} will not mature until 2150.',
                 'Officials promised the site would be cleared by 9999 at the latest, {a} joked.',
                 'The chapel in {C} dates from the 14th century, {a} said.',
                 'An invoice from {o} was dated 12/31/9999 and another 01/01/0001.',
                 'The dispute goes back to the 1st century, according to {a}.']

_CONTROL = [chr(c) for c in range(1, 32) if c not in (9, 10, 13)] + ['\x00']
_ODD_MARKS = ['\u200b', '\u200d', '\ufeff', '\u200f', '\u200e', '\u202e']
_EMOJI = ['🚀', '🔥', '🇺🇦', '👩‍👩‍👧', '📈', '🙂', '⚽']
_HTML = ['<script>alert("x")</script>', 'AT&amp;T', '&lt;b&gt;', '<b>bold</b>', '<img src=x onerror=alert(1)>',
         '</script><script>alert(2)</script>', '&#x27;quoted&#x27;']
_INJECTION = ['=HYPERLINK("http://evil.example","click")', '+1', '@SUM(A1:A9)', '-2+3', '=cmd|\'/C calc\'!A0']
_NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'ten']


class _Gen:
    "The state of one corpus being generated: the random source and the names already given out."
    def __init__(self, seed:int):
        self.rng = random.Random(seed)
        self.used = {}  # name -> True: keep one-off names distinct

    # -- names ---------------------------------------------------------------------------------------------
    def person(self, odd:float=0.04) -> str:
        "A new full name; with probability `odd` an oddly written one."
        r = self.rng
        for _ in range(50):
            name = f'{r.choice(FIRST)} {r.choice(SURNAMES)}'
            if r.random() < 0.15: name = f'{r.choice(FIRST)} {r.choice(FIRST)[0]}. {r.choice(SURNAMES)}'
            if r.random() < 0.05: name = f'{r.choice(FIRST)} {r.choice(SURNAMES)}-{r.choice(SURNAMES)}'
            if name not in self.used: break
        self.used[name] = True
        return self.oddly(name) if r.random() < odd else name

    def oddly(self, name:str, how:int|None=None) -> str:
        "`name` as scraped archives write names: variant `how` of those below (taken modulo), else a random one."
        r, first, _, last = self.rng, *name.rpartition(' ')
        k = r.randint(1, max(1, len(last) - 1))
        variants = [
            lambda: f'{first} {last[:k]}{r.choice(_CONTROL)}{last[k:]}',          # a control character inside
            lambda: f'{first} {last[:k]}{r.choice(_ODD_MARKS[:3])}{last[k:]}',     # a zero-width character
            lambda: f'{first} {last[:k]}{r.choice(_ODD_MARKS[3:])}{last[k:]}',     # a direction mark (LRM, RLM, RLO)
            lambda: unicodedata.normalize('NFD', f'{first}é {last}á'),            # combining accents
            lambda: f'{first} "{r.choice(["Mad Dog", "The Hammer", "Lucky", "Doc"])}" {last}',  # a name in quotes
            lambda: f'“{first} {last}”',
            lambda: ' '.join([first, *r.sample(FIRST, 12), *r.sample(SURNAMES, 10), last]),  # very long
            lambda: f'{first} {last}-{"-".join(r.sample(SURNAMES, 25))}',        # very, very long
            lambda: f'<b>{first} {last}</b>',
            lambda: f'{first} {last} {r.choice(_EMOJI)}',
        ]
        return variants[r.randrange(len(variants)) if how is None else how % len(variants)]()

    def org(self) -> str:
        "A new organisation name."
        r = self.rng
        for _ in range(50):
            name = r.choice([
                lambda: f'{r.choice(SURNAMES)} Holdings', lambda: f'{r.choice(SURNAMES)} & {r.choice(SURNAMES)}',
                lambda: f'{r.choice(SURNAMES)} Capital', lambda: f'{r.choice(SURNAMES)} Foundation',
                lambda: f'{r.choice(CITIES)} {r.choice(_SECTORS)}', lambda: f'Bank of {r.choice(CITIES)}',
                lambda: f'the Ministry of {r.choice(_DEPTS)}', lambda: f'University of {r.choice(CITIES)}',
                lambda: f'{r.choice(_ADJ)} {r.choice(_NOUN)} {r.choice(_SUFFIX)}',
                lambda: f'{r.choice(_ADJ)} {r.choice(_NOUN)} Workers Union',
            ])()
            if name not in self.used: break
        self.used[name] = True
        if r.random() < 0.03:
            name = r.choice([f'{name} {r.choice(_EMOJI)}', name.replace(' ', ' \u200b', 1),
                             'The International Association of '
                             + ' and '.join(f'Independent {n} Producers' for n in r.sample(_NOUN, 5)),
                             f'{name} {r.choice(["&amp;", "&"])} Partners'])
        return name

    def role(self, cast:dict) -> str:
        r = self.rng
        return r.choice(_ROLES).format(K=r.choice(COUNTRIES), K2=r.choice(COUNTRIES), C=r.choice(CITIES),
                                       O=r.choice(cast['orgs']) if cast['orgs'] else self.org())

    # -- dates ---------------------------------------------------------------------------------------------
    def date_phrase(self, pub:date|None) -> str:
        "A date expression as news writes one, about `pub` (absolute, relative, a year, a weekday)."
        r = self.rng
        d = (pub or date(2016, 6, 15)) - timedelta(days=r.randint(0, 9))
        return r.choice([
            lambda: f'on {d:%B} {d.day}, {d.year}', lambda: f'on {d.day} {d:%B} {d.year}', lambda: f'on {d:%A}',
            lambda: 'last week', lambda: 'yesterday', lambda: 'earlier this month', lambda: 'last month',
            lambda: f'{r.choice(_NUMBER_WORDS)} years ago', lambda: f'in {r.randint(1985, 2011)}', lambda: f'in {d:%B}',
            lambda: 'next year', lambda: f'in early {d.year}', lambda: 'in the 1990s', lambda: 'on Tuesday evening',
            lambda: f'on {d.isoformat()}', lambda: 'two days later', lambda: 'this week', lambda: f'in {d:%B} {d.year}',
        ])()

    def published(self, pub:date|None) -> str|None:
        "`pub` as a feed writes it (several formats), or None / an unreadable string for undated articles."
        r = self.rng
        if pub is None: return r.choice([None, None, None, '', 'unknown', '0000-00-00'])
        return r.choice([
            lambda: pub.isoformat(), lambda: pub.isoformat(),
            lambda: f'{pub.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z',
            lambda: f'{pub:%a}, {pub.day:02d} {pub:%b} {pub.year} 10:{r.randint(0, 59):02d}:00 +0000',
            lambda: f'{pub:%B} {pub.day}, {pub.year}', lambda: f'{pub.day} {pub:%B} {pub.year}',
        ])()

    # -- text ----------------------------------------------------------------------------------------------
    def fill(self, template:str, cast:dict, people:list, pub:date|None, seen:set) -> str:
        "A template with its slots filled; people get their full name on first mention, their surname after."
        r = self.rng
        def who(i, short=False):
            p = people[i % len(people)]
            if p in seen and (short or r.random() < 0.5): return p.rsplit(' ', 1)[-1].strip('”"')
            seen.add(p); return p
        orgs = cast['orgs']
        slots = dict(a=lambda: who(0), a_=lambda: who(0, True), b=lambda: who(1), b_=lambda: who(1, True),
                     c=lambda: who(2),
                     role_a=lambda: self.role(cast), o=lambda: orgs[0] if orgs else self.org(),
                     o2=lambda: orgs[1] if len(orgs) > 1 else self.org(), C=lambda: r.choice(cast['places']),
                     K=lambda: r.choice(COUNTRIES), d=lambda: self.date_phrase(pub), y=lambda: r.randint(2001, 2011),
                     pct=lambda: r.choice(['3', '4.5', '12', '0.8', '27']), t=lambda: cast['topic'][1],
                     v=lambda: cast['topic'][2], p=lambda: self.person(), role_p=lambda: self.role(cast))
        # only the slots the template has are drawn (in the order of `slots`), so the random stream stays short
        return template.format(**{k: f() for k, f in slots.items() if '{' + k + '}' in template})

    def sentences(self, kind:str, cast:dict, pub:date|None, n:int) -> list[str]:
        "`n` sentences of an article of `kind` (story, single, none) about `cast`."
        r, seen = self.rng, set()
        if kind == 'none': return [self.fill(t, cast, ['-'], pub, seen) for t in r.sample(_NONE, min(n, len(_NONE)))]
        if kind == 'single':
            chosen = [_ONE[0], *r.sample(_ONE[1:], min(n, len(_ONE)) - 1)]
            return [self.fill(t, cast, cast['people'][:1], pub, seen) for t in chosen]
        people = r.sample(cast['people'], min(len(cast['people']), r.randint(2, 4)))
        out = [self.fill(t, cast, people, pub, seen) for t in r.sample(_STORY, min(n, len(_STORY)))]
        for _ in range(r.choice([0, 1, 1, 2])):
            out.insert(r.randint(1, len(out)), self.fill(r.choice(_BACKGROUND), cast, people, pub, seen))
        if r.random() < 0.04:
            out.insert(r.randint(1, len(out)), self.fill(r.choice(EXTREME_DATES), cast, people, pub, seen))
        if r.random() < 0.03:
            out.append(f'{r.choice(_HTML)} {r.choice(_EMOJI)} {r.choice(_INJECTION)} was posted under the story.')
        return out

    def paragraphs(self, sents:list[str]) -> list[str]:
        "Sentences grouped into paragraphs of one to three."
        out, i = [], 0
        while i < len(sents):
            k = self.rng.choice([1, 2, 2, 3]); out.append(' '.join(sents[i:i + k])); i += k
        return out

    def furnish(self, paras:list[str], cast:dict, pub:date|None, source:str, author:str|None) -> list[str]:
        "Paragraphs with page furniture around and between them, as a scraper leaves them."
        r = self.rng
        paras = list(paras)
        if r.random() < 0.4:  # a dateline: LONDON (Reuters) - , LONDON -- , LONDON, Mar 3 (AFP) -
            city, d, agency = r.choice(cast['places']).upper(), pub or date(2016, 6, 15), r.choice(_AGENCIES)
            paras[0] = (
                r.choice([f'{city} ({agency}) - ', f'{city} -- ', f'{city}, {d:%b} {d.day} ({agency}) - ']) + paras[0]
            )
        for _ in range(r.choice([0, 1, 2, 3])): paras.insert(r.randint(1, len(paras)), r.choice(FURNITURE))
        if r.random() < 0.3: paras.insert(r.randint(1, len(paras)), f'Read more: {cast["headline"]}')
        if author and r.random() < 0.5: paras.insert(0, f'By {author}')
        if r.random() < 0.5: paras.append(f'© {(pub or date(2020, 1, 1)).year} {source}. All rights reserved.')
        if r.random() < 0.2: paras.append(f'Reporting by {self.person(0)}; Editing by {self.person(0)}')
        if r.random() < 0.15: paras.append(r.choice(FURNITURE))
        return paras

    def title(self, kind:str, cast:dict, people:list) -> str:
        r = self.rng
        sur = people[0].rsplit(' ', 1)[-1] if people else 'Markets'
        t = r.choice([f'{sur} meets {cast["orgs"][0] if cast["orgs"] else "officials"} in {cast["places"][0]}',
                      f'{cast["topic"][0].capitalize()}: {sur} speaks out', f'What we know about {cast["topic"][1]}',
                      f'{sur} under pressure as {cast["topic"][0]} drags on']) if kind != 'none' else r.choice(
                     ['Vegetable prices climb', 'Shoppers feel the pinch', 'A hard winter for growers'])
        return self.odd_title(t) if r.random() < 0.05 else t

    def odd_title(self, t:str, how:int|None=None) -> str:
        "Title `t` as feeds mangle titles (variant `how`, else a random one)."
        r = self.rng
        variants = [
            lambda: f'{r.choice(_CONTROL)}{t}',
            lambda: f'\x1b[31mBREAKING\x1b[0m {t}',
            lambda: f'{r.choice(_HTML)} {t}',
            lambda: f'{r.choice(_INJECTION)} {t}',
            lambda: f'{r.choice(_EMOJI)} {t} {r.choice(_EMOJI)}',
            lambda: f'\u202e{t}\u202c',
            lambda: f'{t} – ' + ' / '.join(r.sample(CITIES, 40)),
        ]
        return variants[r.randrange(len(variants)) if how is None else how % len(variants)]()

    def showcase(self, stories:list) -> list[str]:
        """Sentences holding each oddity at least once, whatever the corpus size: each odd name form beside a cast, each
        extreme date, markup."""
        r, out = self.rng, []
        for how in range(10):
            cast = r.choice(stories)
            odd, place = self.oddly(self.person(0), how), r.choice(cast['places'])
            out.append(f'{odd} met {cast["people"][0]} of {cast["orgs"][0]} in {place} on Tuesday.')
        for t in EXTREME_DATES:
            cast = r.choice(stories)
            out.append(self.fill(t, cast, cast['people'], cast['centre'], set()))
        out += [f'{h} {e} {i} was posted under the story.' for h, e, i in zip(_HTML, _EMOJI, _INJECTION * 2)]
        return out

    # -- the corpus ----------------------------------------------------------------------------------------
    def story(self, i:int) -> dict:
        "A story: a cast of people, organisations and places, a topic and a central date."
        r = self.rng
        days = (PERIOD[1] - PERIOD[0]).days - 60
        cast = dict(orgs=[self.org() for _ in range(r.randint(1, 3))], places=r.sample(CITIES, r.randint(1, 3)),
                    topic=TOPICS[i % len(TOPICS)], centre=PERIOD[0] + timedelta(days=r.randint(0, days)))
        cast['people'] = [self.person() for _ in range(r.randint(3, 6))]
        cast['headline'] = f'{cast["people"][0].rsplit(" ", 1)[-1]} and {cast["topic"][0]}'
        return cast

    def article(self, stories:list, i:int) -> dict:
        "One article: its kind, publication date, title, paragraphs (furnished), source, url and author."
        r = self.rng
        u = r.random()
        kind = 'none' if u < 0.04 else 'single' if u < 0.10 else 'story'
        cast = r.choice(stories)
        if kind == 'single': cast = {**cast, 'people': [self.person(0.1)], 'orgs': []}
        pub = cast['centre'] + timedelta(days=r.randint(-20, 90))
        pub = None if r.random() < 0.08 else min(PERIOD[1], max(PERIOD[0], pub))
        n = r.randint(6, 10)
        sents = self.sentences(kind, cast, pub, n)
        sents.append(f'The article was filed as item {i} of the archive.')  # every text is distinct
        source, author = r.choice(SOURCES), self.person(0.02) if r.random() < 0.7 else None
        return dict(
            kind=kind,
            pub=pub,
            title=self.title(kind, cast, cast['people']),
            body=self.paragraphs(sents),
            cast=cast,
            source=source,
            author=author,
            url=f'https://news.example/{(pub or date(2000, 1, 1)):%Y/%m}/story-{i}',
        )

    def huge(self, stories:list, chars:int) -> str:
        "A very long article (an inquiry's transcript): paragraphs about a bounded cast, `chars` characters."
        r = self.rng
        casts = r.sample(stories, min(12, len(stories)))
        extra = [self.person(0) for _ in range(60)]
        parts, n, k = ['Transcript of the public inquiry, day one'], 0, 0
        while n < chars:
            cast = casts[k % len(casts)]
            cast = {**cast, 'people': cast['people'] + r.sample(extra, 2)}
            sents = [
                self.fill(t, cast, r.sample(cast['people'], 3), cast['centre'], set()) for t in r.sample(_STORY, 5)
            ]
            para = ' '.join(sents) if k % 40 else f'Session {k // 40 + 1} resumed after a short break.'
            parts.append(para); n += len(para) + 2; k += 1
        return '\n\n'.join(parts)


def _jsonl(records:list[dict]) -> str:
    return ''.join(json.dumps(rec, ensure_ascii=False) + '\n' for rec in records)


def _sidecar(rows:list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, ['file', 'published', 'source', 'url', 'author'], lineterminator='\n')
    w.writeheader(); w.writerows(rows)
    return buf.getvalue()


def generate(folder, # where to write the corpus: a new or empty folder (created)
             n_articles:int=2000, # distinct, loadable articles, the huge one included
             seed:int=0, # the same seed writes the same bytes
             huge:bool=True, # add one article of ~1.1 million characters
             huge_chars:int=1_100_000, # its length
             n_stories:int|None=None, # stories shared by articles (default: one per ~30 articles, at least 3)
            ) -> Path:
    "Write a realistic news corpus to `folder` (see the module's docstring); return the folder."
    folder = Path(folder)
    (folder/'web').mkdir(parents=True, exist_ok=True)
    g = _Gen(seed)
    stories = [g.story(i) for i in range(n_stories or max(3, n_articles // 30))]
    n = n_articles - (1 if huge else 0)
    arts = [g.article(stories, i) for i in range(n)]
    for k, sentence in enumerate(g.showcase(stories) if n else []):  # each oddity at least once, in feed and pages
        arts[(k * 37 + 5) % n]['body'].append(sentence)
    for k in range(7 if n else 0):
        a = arts[(k * 53 + 11) % n]; a['title'] = g.odd_title(a['title'], k)
    n_web = n // 5
    records, rows = [], []
    for i, a in enumerate(arts[n_web:], n_web):  # the wire feed: text holds some furniture too
        paras = g.furnish(a['body'], a['cast'], a['pub'], a['source'], None) if g.rng.random() < 0.3 else a['body']
        records.append(dict(title=a['title'], text='\n\n'.join(paras), published=g.published(a['pub']),
                            source=a['source'], url=a['url'], author=a['author']))
    for i, a in enumerate(arts[:n_web]):  # scraped pages: title first, then the page as text
        name = f'{i:04d}.txt'
        page = [a['title'], *g.furnish(a['body'], a['cast'], a['pub'], a['source'], a['author'])]
        (folder/'web'/name).write_text('\n\n'.join(page) + '\n', encoding='utf-8')
        rows.append(dict(file=name, published=g.published(a['pub']) or '', source=a['source'], url=a['url'],
                         author=a['author'] or ''))
    # inputs that cannot be loaded, and a duplicate: extra to the n_articles
    lines = _jsonl(records).splitlines(keepends=True)
    lines.insert(len(lines) // 2, '{"title": "Truncated record", "text": "The feed was cut off in the mid\n')
    lines.insert(
        len(lines) // 3, json.dumps({'title': 'No text here', 'headline_only': True, 'published': '2015-01-01'}) + '\n'
    )
    (folder/'wire.jsonl').write_text(''.join(lines), encoding='utf-8')
    if n_web:
        (folder/'web'/'duplicate.txt').write_bytes((folder/'web'/'0000.txt').read_bytes())
    (folder/'web'/'empty.txt').write_text('', encoding='utf-8')
    (folder/'web'/'scan.txt').write_bytes(bytes(range(256)) * 8)
    (folder/'web'/'metadata.csv').write_text(_sidecar(rows), encoding='utf-8')
    if huge:
        (folder/'longform').mkdir(exist_ok=True)
        (folder/'longform'/'huge.txt').write_text(g.huge(stories, huge_chars) + '\n', encoding='utf-8')
        meta = dict(
            file='huge.txt',
            published='2019-05-14',
            source='Inquiry Records',
            url='https://news.example/inquiry/transcript',
        )
        (folder/'longform'/'metadata.csv').write_text(_sidecar([{**meta, 'author': ''}]), encoding='utf-8')
    return folder


if __name__ == '__main__':
    import time
    t = time.perf_counter()
    out = generate(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
    print(
        f'{out}: {sum(f.stat().st_size for f in out.rglob("*") if f.is_file()):,} bytes in '
        f'{time.perf_counter() - t:.2f} s'
    )


def sample_articles(folder, n:int) -> Path:
    "Write `n` distinct short articles made from the paragraphs of the project's sample (data/) to `folder`."
    folder = Path(folder); folder.mkdir(parents=True, exist_ok=True)
    data = Path(__file__).resolve().parent.parent / 'data'
    paras = [p for f in sorted(data.glob('*.txt')) for p in f.read_text().split('\n\n')[1:] if len(p) > 200]
    for i in range(n): (folder / f'{i}.txt').write_text(f'Article {i}\n\n' + '\n\n'.join(paras[i::n]))
    return folder


def article_frames(docs:dict, # {doc_id: [body paragraph, ...]}
                   titles:dict|None=None, # {doc_id: title}: adds a `title` column (and a publication date)
                  ) -> tuple[pl.DataFrame, pl.DataFrame]:
    "`articles` and `paragraphs` made by hand, laid out as the loader lays them out (paragraphs joined by blank lines)."
    from newsexplore.core import PARAGRAPHS
    arts, paras = [], []
    for doc_id, ps in docs.items():
        pos = 0
        for i, t in enumerate(ps): paras.append((doc_id, i, 'body', pos, pos + len(t))); pos += len(t) + 2
        arts.append((doc_id, '\n\n'.join(ps)))
    articles = pl.DataFrame(arts, schema={'doc_id': pl.String, 'text': pl.String}, orient='row')
    if titles is not None:
        articles = articles.with_columns(
            title=pl.col('doc_id').replace_strict(titles, default=None, return_dtype=pl.String),
            published=pl.date(2024, 3, 20),
        ).select('doc_id', 'title', 'text', 'published')
    return articles, pl.DataFrame(
        paras, schema={c: PARAGRAPHS[c] for c in ('doc_id', 'para_id', 'kind', 'start', 'end')}, orient='row'
    )
