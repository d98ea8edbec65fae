"""The explorers in a real browser: Voilà serves nbs/explore.ipynb, headless Chromium opens it with the network
cut off, and the tests move the date slider, pick an actor and search, as a person would.

Needs Debian's Chromium (/usr/bin/chromium) and the `voila` and `playwright` packages, which `.ci/setup`
installs; nothing is skipped when they are missing. Screenshots of both explorers go to the folder named by
NEWSEXPLORE_SCREENSHOTS (e.g. nbs/images), or to pytest's temporary folder.
"""
import os, re, shutil, signal, socket, subprocess, sys, time, urllib.error, urllib.request
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get('NEWSEXPLORE_CHROMIUM', '/usr/bin/chromium'))
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']
LOCAL_HOSTS = {'127.0.0.1', 'localhost', '::1'}
SERVER_START_S = 60   # Voilà answering HTTP
PAGE_S = 120          # the notebook executed and both explorers drawn (loads spaCy and the corpus)
STEP_MS = 30_000      # one reaction to a user action: kernel callback, widget sync, chart re-render


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def answers(url: str) -> bool:
    "Whether an HTTP server answers at `url` (any status counts)."
    try: urllib.request.urlopen(url, timeout=2)
    except urllib.error.HTTPError: return True
    except OSError: return False
    return True


def stop(proc: subprocess.Popen):
    "Stop a server started in its own session, and its children: politely first."
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try: os.killpg(proc.pid, sig)
        except ProcessLookupError: break
        try: proc.wait(wait); break
        except subprocess.TimeoutExpired: pass


@pytest.fixture(scope='module')
def voila(tmp_path_factory):
    """The URL of Voilà serving nbs/explore.ipynb on 127.0.0.1 with newsexplore's packaged `nx-offline` template
    (Voilà's stock `lab` page links FontAwesome from a CDN); the server's process group is ended afterwards."""
    try: import voila  # noqa: F401
    except ImportError: pytest.fail('Voilà is not installed: run `bash .ci/setup` (voila is a dev requirement).')
    # the offline template newsexplore ships, as `lab --voila` uses it
    from newsexplore.cli import voila_command, voila_env

    tmp = tmp_path_factory.mktemp('voila')
    port, log = free_port(), (tmp/'voila.log').open('w')
    env = {**voila_env(), 'PYTHONUNBUFFERED': '1'}
    proc = subprocess.Popen(voila_command('explore.ipynb', '--no-browser', f'--port={port}', '--Voila.ip=127.0.0.1'),
                            cwd=ROOT/'nbs', env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    url = f'http://127.0.0.1:{port}/'
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not answers(url + 'newsexplore-ping'):  # a 404 answers without running the notebook
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f'Voilà did not answer at {url} within {SERVER_START_S} s:\n'
                    + (tmp / 'voila.log').read_text()[-3000:]
                )
            time.sleep(0.25)
        yield url
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope='module')
def shots(tmp_path_factory) -> Path:
    "Where screenshots go."
    folder = (
        Path(os.environ['NEWSEXPLORE_SCREENSHOTS'])
        if os.environ.get('NEWSEXPLORE_SCREENSHOTS')
        else tmp_path_factory.mktemp('shots')
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope='module')
def browser():
    "Headless Debian Chromium, driven by Playwright (no browser is downloaded)."
    if not CHROMIUM.exists():
        pytest.fail(f'No Chromium at {CHROMIUM}: run `bash .ci/setup` as root (it installs Debian\'s chromium).')
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail('Playwright is not installed: run `bash .ci/setup` (playwright is a dev requirement).')
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000)
        yield b
        b.close()


@pytest.fixture(scope='module')
def page(voila, browser):
    "The start page, drawn, with every request off the machine blocked and recorded in `page.external`."
    external, problems = [], []
    pg = browser.new_page(viewport={'width': 1280, 'height': 900})
    pg.set_default_timeout(STEP_MS)
    def route(r):
        if urlsplit(r.request.url).hostname in LOCAL_HOSTS: r.continue_()
        else: external.append(r.request.url); r.abort()
    pg.route('**/*', route)
    pg.on('websocket', lambda ws: None if urlsplit(ws.url).hostname in LOCAL_HOSTS else external.append(ws.url))
    pg.on(
        'console',
        lambda m: (
            problems.append(m.text)
            if m.type == 'error' and re.search('Could not create a view|Failed to fetch', m.text)
            else None
        ),
    )
    pg.external, pg.problems = external, problems
    pg.goto(voila, wait_until='domcontentloaded', timeout=PAGE_S * 1000)
    dx = dates_of(pg)
    summary(dx).wait_for(timeout=PAGE_S * 1000)  # the notebook ran and the widgets exist
    try: dx.locator(':scope > .vega-embed svg.marks').wait_for(timeout=STEP_MS); drawn = True
    except Exception: drawn = False
    if not drawn:
        pytest.fail(
            f'The timeline chart was not drawn in {STEP_MS / 1000:.0f} s. Blocked requests: {external}; errors: '
            f'{problems}'
        )
    pg.first = dict(summary=summary(dx).inner_text(), timeline=labels(timeline(dx)))  # the whole range, no filter
    yield pg
    pg.close()


@pytest.fixture(autouse=True)
def nothing_external(request):
    "After every test on the start page: fail if anything at all was requested off the machine while it ran."
    yield
    if 'page' in request.fixturenames:
        external = request.getfixturevalue('page').external
        assert external == [], f'requests off the machine (blocked): {external}'


def explorer(page, heading: str):
    "The outermost widget box of an explorer, found by a heading only it shows."
    return page.locator('.widget-vbox').filter(has=page.locator('.widget-html b', has_text=heading)).first

def dates_of(page): return explorer(page, 'Dated statements in range')
def actors_of(page): return explorer(page, 'Mentions in context')
def summary(dx): return dx.locator(':scope > .widget-html').first   # "N dated statements from A to B"
def statements(dx): return dx.locator('table.nx-table:has(th:text-is("published"))')
def timeline(dx): return dx.locator(':scope > .vega-embed')
def rows(table) -> list[str]: return table.locator('tbody tr').all_inner_texts()
def count(text: str) -> int: return int(re.match(r'([\d,]+) dated', text).group(1).replace(',', ''))

LABELS_JS = ("e => Array.from(e.querySelectorAll('svg.marks .role-axis-label text, svg.marks .role-legend-label text, "
             "svg.marks [class*=\"header\"] text'), t => t.textContent)")

def labels(chart) -> list[str]:
    "The axis, legend and facet header labels a chart widget shows now: what it says, whatever SVG Vega draws it with."
    return chart.evaluate(LABELS_JS)

def redrawn(page, chart, before: list[str], what: str) -> list[str]:
    "Wait until the chart widget `chart` shows other labels than `before`; the new labels."
    try:
        page.wait_for_function(
            f'([e, b]) => JSON.stringify(({LABELS_JS})(e)) !== JSON.stringify(b)',
            arg=[chart.element_handle(), before],
            timeout=STEP_MS,
        )
    except Exception as e:
        raise AssertionError(f'{what} was not redrawn within {STEP_MS / 1000:.0f} s: still {before}') from e
    return labels(chart)


def test_explorers_render(page):
    from playwright.sync_api import expect
    dx, ax = dates_of(page), actors_of(page)
    expect(dx.locator('.widget-slider .noUi-handle-upper')).to_be_visible()
    expect(summary(dx)).to_contain_text(re.compile(r'^\d+ dated statements from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$'))
    expect(statements(dx).locator('tbody tr')).to_have_count(min(count(page.first['summary']), 50))
    expect(ax.locator('h3')).to_be_visible()  # the most mentioned actor, selected at start
    for box in (dx, ax):  # two charts each, every one drawn
        expect(box.locator('.vega-embed')).to_have_count(2)
        for chart in box.locator('.vega-embed').all():
            expect(chart.locator('svg.marks')).to_be_visible()
            assert labels(chart), 'a chart without axis or legend labels'
    assert not page.problems, page.problems


def readout_of(dx):
    "The label beside the slider that shows the range selected, first and last day."
    return dx.locator('.widget-label').filter(has_text=re.compile(r'^\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d$')).first


def first_day(label):
    "The first day of a date as the explorer spells it for readers ('19 Aug 2024', 'Aug 2024', 'week 33, 2024')."
    from datetime import date, datetime
    for form in ('%d %b %Y', '%b %Y'):
        try: return datetime.strptime(re.split(r',| \(', label)[0].strip(), form).date()
        except ValueError: pass
    return date(int(re.search(r'\b(\d{4})\b', label).group(1)), 1, 1)


def test_date_slider_filters_views(page):
    from playwright.sync_api import expect
    dx = dates_of(page)
    text, table, chart, readout = summary(dx), statements(dx), timeline(dx), readout_of(dx)
    before = dict(summary=text.inner_text(), rows=rows(table), chart=labels(chart), readout=readout.inner_text())
    assert readout.evaluate('e => e.scrollWidth <= e.clientWidth'), 'the range readout is cut off'
    dx.locator('.widget-slider .noUi-handle-upper').press('PageDown')  # one move, five weeks back: August 2024 leaves
    expect(readout).not_to_have_text(before['readout'])
    lo, end = re.fullmatch(r'(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)', readout.inner_text()).groups()
    expect(text).to_contain_text(f'dated statements from {lo} to {end}', timeout=STEP_MS)
    n = count(text.inner_text())
    assert 0 < n < count(before['summary']), (before['summary'], text.inner_text())
    expect(table.locator('tbody tr')).to_have_count(min(n, 50), timeout=STEP_MS)
    assert rows(table) != before['rows']
    shown = [first_day(r.split('\t')[0]) for r in rows(table)]
    # every statement listed starts in range
    assert all(d.isoformat() <= end for d in shown), '\n'.join([text.inner_text(), *rows(table)])
    redrawn(page, chart, before['chart'], 'The timeline chart')


def test_network_names_actors(page):
    "Every node of the date explorer's network is labelled with an actor's name (never `null`)."
    dx = dates_of(page)
    network = dx.locator('.vega-embed').nth(1)
    names = network.evaluate("e => Array.from(e.querySelectorAll('svg.marks g.mark-text text'), t => t.textContent)")
    assert names and all(n and n not in ('null', 'undefined') for n in names), names


def test_actor_pick_filters_statements(page):
    from playwright.sync_api import expect
    dx = dates_of(page)
    table, chart = statements(dx), timeline(dx)
    dx.locator('.widget-slider .noUi-handle-upper').press('End')  # the whole range again, whatever ran before
    dx.locator('.widget-slider .noUi-handle-lower').press('Home')
    expect(summary(dx)).to_have_text(page.first['summary'], timeout=STEP_MS)
    expect(table.locator('tbody tr')).to_have_count(min(count(page.first['summary']), 50), timeout=STEP_MS)
    page.wait_for_function(
        f'([e, b]) => JSON.stringify(({LABELS_JS})(e)) === JSON.stringify(b)',
        arg=[chart.element_handle(), page.first['timeline']],
    )
    before = rows(table)
    pick = dx.locator('.jupyter-widget-tagsinput').first  # type an actor's name, as any actor can be
    pick.locator('input.jupyter-widget-taginput').fill('Benjamin Netanyahu')
    pick.locator('input.jupyter-widget-taginput').press('Enter')
    expect(pick.locator('.jupyter-widget-tag', has_text='Benjamin Netanyahu')).to_be_visible()
    expect(table.locator('tbody tr')).not_to_have_count(len(before), timeout=STEP_MS)
    listed = rows(table)
    assert 0 < len(listed) < len(before)
    assert all('Netanyahu' in r for r in listed), listed
    expect(summary(dx)).to_contain_text(f'{len(listed)} dated statements')
    assert 'Benjamin Netanyahu' in redrawn(page, chart, page.first['timeline'], 'The timeline chart')
    close = pick.locator('.jupyter-widget-tag-close').first  # a FontAwesome icon, drawn offline by the template
    assert close.evaluate("e => getComputedStyle(e, '::before').content") == '"\u00d7"'
    close.click()  # deselect with one click
    expect(table.locator('tbody tr')).to_have_count(len(before), timeout=STEP_MS)


def test_key_dates_follow_the_range_and_go_to(page):
    "The date explorer lists the story's key dates in range; choosing one in 'Go to' moves the range to it, and back."
    from playwright.sync_api import expect
    dx = dates_of(page)
    table, readout = dx.locator('table#keydates'), readout_of(dx)
    # the whole range, as the test before left it
    expect(summary(dx)).to_have_text(page.first['summary'], timeout=STEP_MS)
    n = table.locator('tbody tr').count()
    assert n > 0 and all(re.match(r'\d{4}-\d\d-\d\d', r) for r in rows(table)), rows(table)
    before = readout.inner_text()
    go = dx.locator('.widget-dropdown').filter(has=page.locator('label', has_text='Go to')).locator('select')
    first = go.locator('option').nth(1).inner_text()  # "2024-03-18 (1 article)"
    go.select_option(index=1)
    expect(readout).not_to_have_text(before, timeout=STEP_MS)
    lo, hi = re.fullmatch(r'(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)', readout.inner_text()).groups()
    assert lo <= first[:10] <= hi, (first, lo, hi)
    expect(table.locator('tbody tr')).to_have_count(1, timeout=STEP_MS)
    expect(table.locator('tbody tr')).to_contain_text(first[:10])
    go.select_option(index=0)  # the whole period again
    expect(readout).to_have_text(before, timeout=STEP_MS)
    expect(table.locator('tbody tr')).to_have_count(n, timeout=STEP_MS)


def test_actor_search_shows_actor(page):
    from playwright.sync_api import expect
    ax = actors_of(page)
    header, trend = ax.locator('h3'), ax.locator('.vega-embed').first
    expect(header).to_be_visible()
    before = labels(trend)
    assert 'Benjamin Netanyahu' not in header.inner_text()
    ax.locator('.widget-text').filter(has=page.locator('label', has_text='Search')).locator('input').fill('Netanyahu')
    expect(header).to_contain_text('Benjamin Netanyahu', timeout=STEP_MS)
    expect(ax.locator('.widget-select:not(.widget-select-multiple) select').first.locator('option')).to_have_count(1)
    assert 'Benjamin Netanyahu' in redrawn(page, trend, before, "The actor's mentions-over-time chart")  # its row label
    expect(ax.locator('table.nx-table:has(th:text-is("mention"))')).to_contain_text('Netanyahu')  # mentions in context
    expect(ax.locator('table#keydates')).to_contain_text('Netanyahu')  # its key dates, told in its sentences


def test_partner_keeps_pair_chart_width(page):
    "Reading the sentences behind a pair does not squeeze the chart of partners beside them; (none) hides them again."
    from playwright.sync_api import expect
    ax = actors_of(page)
    bars = ax.locator('.vega-embed').nth(1)
    width = bars.evaluate('e => e.getBoundingClientRect().width')
    pick = ax.locator('.widget-dropdown').filter(has=page.locator('label', has_text='With')).locator('select')
    pick.select_option(index=1)  # the first partner
    evidence = ax.locator('table.nx-table:has(th:text-is("text"))')
    expect(evidence).to_be_visible(timeout=STEP_MS)
    assert bars.evaluate('e => e.getBoundingClientRect().width') >= width - 1
    pick.select_option(index=0)  # "(none)"
    expect(evidence).to_have_count(0, timeout=STEP_MS)


def test_screenshots(page, shots):
    "Both explorers as the tests above left them (Netanyahu searched), for the README."
    from playwright.sync_api import expect
    for name, box in (('explore_actors', actors_of(page)), ('explore_dates', dates_of(page))):
        for chart in box.locator('.vega-embed').all(): expect(chart.locator('svg.marks')).to_be_visible()
        height = box.evaluate('e => e.getBoundingClientRect().height')
        # Voilà scrolls inside the page: show all of it
        page.set_viewport_size({'width': 1280, 'height': int(height) + 200})
        box.scroll_into_view_if_needed()
        box.screenshot(path=shots/f'{name}.png', animations='disabled')
        assert (shots/f'{name}.png').stat().st_size > 20_000


def test_nothing_left_the_machine(page):
    """Every request off 127.0.0.1 was blocked and recorded: the widgets and charts must work offline. Nor does
    the page link a stylesheet or script off the machine that this page happened not to load (Mermaid loads
    only for a diagram): the packaged `nx-offline` template removes them all."""
    assert page.external == [], page.external
    offsite = re.findall(
        r'<link[^>]*href="https?://[^"]*|<script[^>]*src="https?://[^"]*|import\("https?://[^"]*', page.content()
    )
    assert offsite == [], offsite
    assert not page.problems, page.problems


def test_jupyterlab_opens_start_notebook_without_dialog(browser, tmp_path):
    """JupyterLab opens nbs/explore.ipynb on its kernel at once (the notebook names it: no "Select Kernel"
    dialog), runs it, and draws both explorers, with nothing requested off the machine."""
    from playwright.sync_api import expect
    work = tmp_path / 'work'  # a copy: JupyterLab may save the notebook and writes checkpoints beside it
    (work / 'nbs').mkdir(parents=True)
    shutil.copy(ROOT / 'nbs' / 'explore.ipynb', work / 'nbs')
    (work / 'data').symlink_to(ROOT / 'data')
    port, log = free_port(), (tmp_path / 'lab.log').open('w')
    env = {
        **os.environ,
        'JUPYTER_CONFIG_DIR': str(tmp_path / 'config'),
        'JUPYTER_RUNTIME_DIR': str(tmp_path / 'runtime'),
        'JUPYTERLAB_WORKSPACES_DIR': str(tmp_path / 'workspaces'),
        'JUPYTER_DATA_DIR': str(tmp_path / 'data'),  # no kernels or extensions from the user's own folders
        'PYTHONUNBUFFERED': '1',
    }
    proc = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', f'--port={port}',
                             '--ServerApp.ip=127.0.0.1',
                             '--IdentityProvider.token=',
                             '--ServerApp.password=',
                             '--ServerApp.disable_check_xsrf=True',
                             '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
                             '--LabApp.extension_manager=readonly', '--allow-root'],
                            cwd=work / 'nbs', env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    url, outside = f'http://127.0.0.1:{port}/', []
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not answers(url + 'api'):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail('JupyterLab did not start:\n' + (tmp_path / 'lab.log').read_text()[-3000:])
            time.sleep(0.25)
        page = browser.new_page(viewport={'width': 1400, 'height': 1000})
        page.set_default_timeout(STEP_MS)
        errors = []
        page.on('console', lambda m: errors.append(m.text) if m.type == 'error' else None)
        page.on('pageerror', lambda e: errors.append(str(e)))
        page.route(
            '**/*',
            lambda r: (
                r.continue_()
                if urlsplit(r.request.url).hostname in LOCAL_HOSTS
                else (outside.append(r.request.url), r.abort())
            ),
        )
        page.goto(url + 'lab/tree/explore.ipynb', wait_until='domcontentloaded', timeout=PAGE_S * 1000)
        status = page.locator('.jp-NotebookPanel-toolbar .jp-KernelName, .jp-Toolbar-kernelName').first
        expect(status).to_contain_text(re.compile('python3|Python 3'), timeout=PAGE_S * 1000)
        expect(page.locator('.jp-Dialog')).to_have_count(0)
        page.locator('.jp-Notebook').first.wait_for()
        idle = page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first
        try: idle.wait_for(state='attached', timeout=PAGE_S * 1000)  # connected to its kernel, which waits
        except Exception:
            statuses = page.locator('.jp-Notebook-ExecutionIndicator').evaluate_all(
                'els => els.map(e => e.dataset.status)')
            pytest.fail(f'The kernel was not idle in {PAGE_S} s (status {statuses}). Browser errors: {errors}\n'
                        f'JupyterLab log:\n{(tmp_path / "lab.log").read_text()[-3000:]}')
        run_all_cells(page)
        charts = page.locator('.vega-embed svg.marks')
        try: expect(charts).to_have_count(4, timeout=PAGE_S * 1000)  # two charts per explorer
        except AssertionError:
            page.screenshot(path=tmp_path / 'lab.png')
            pytest.fail(
                f'{charts.count()} of 4 charts drawn in {PAGE_S} s (screenshot {tmp_path / "lab.png"}).\n'
                f'Prompts: {page.locator(".jp-InputPrompt").all_inner_texts()}\n'
                f'Outputs: {[t[:500] for t in page.locator(".jp-OutputArea-output").all_inner_texts()]}\n'
                f'Browser errors: {errors}\nBlocked requests: {outside}\n'
                f'JupyterLab log:\n{(tmp_path / "lab.log").read_text()[-3000:]}'
            )
        expect(page.locator('.jp-Dialog')).to_have_count(0)
        page.close()
    finally:
        stop(proc)
        log.close()
    assert outside == [], outside


def run_all_cells(page, attempts=3):
    """Run > Run All Cells from JupyterLab's menu bar, until the first code cell shows it ran or is running
    (`[*]:` or `[1]:`): a click on a menu that is still being laid out can be lost."""
    from playwright.sync_api import expect
    prompt = page.locator('.jp-CodeCell .jp-InputPrompt').first
    for attempt in range(attempts):
        page.locator('.lm-MenuBar-itemLabel', has_text='Run').first.click()
        page.locator('.lm-Menu-itemLabel', has_text=re.compile('^Run All Cells$')).first.click()
        try: expect(prompt).to_contain_text(re.compile(r'\[(\*|\d+)\]'), timeout=STEP_MS); return
        except AssertionError:
            if attempt == attempts - 1: raise
            page.keyboard.press('Escape')


def test_report_works_offline_and_its_brush_filters_statements(browser, shots, tmp_path):
    """The standalone report: opened from a file with the network cut off, every chart draws, and dragging
    across the timeline narrows the list of statements below it."""
    from newsexplore.cli import main
    report = tmp_path / 'report.html'
    assert main(['report', str(ROOT / 'data'), '-o', str(report), '--no-progress']) == 0
    page = browser.new_page(viewport={'width': 1200, 'height': 1000})
    outside = []
    page.route(
        '**/*',
        lambda route: (
            route.continue_()
            if route.request.url.startswith('file:')
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page.goto(report.as_uri())
    page.wait_for_function("document.querySelectorAll('.vis svg, .vis canvas').length >= 4", timeout=STEP_MS)
    listing = (
        "Array.from(document.querySelectorAll('#statements tbody tr')).filter(tr => !tr.hidden).map(tr => "
        "tr.dataset.date)"
    )
    before = page.evaluate(listing)
    assert len(before) >= 15
    page.screenshot(path=str(shots / 'report.png'))
    vis = page.locator('#vis-timeline'); vis.scroll_into_view_if_needed()
    plot = page.locator('#vis-timeline .role-axis-domain').first.bounding_box() or vis.bounding_box()  # the x axis line
    x0, y = plot['x'] + 0.80 * plot['width'], vis.bounding_box()['y'] + 60   # the last weeks of the timeline
    page.mouse.move(x0, y); page.mouse.down(); page.mouse.move(x0 + 0.19 * plot['width'], y, steps=8); page.mouse.up()
    page.wait_for_function(f"({listing}).length < {len(before)}", timeout=STEP_MS)
    after = page.evaluate(listing)
    assert 0 < len(after) < len(before) and all(d[:7] >= '2024-07' for d in after), after
    assert page.locator('#statements-note').text_content().endswith('.')
    assert outside == []
    page.close()
