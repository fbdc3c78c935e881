"""The docs pages a reader opens first, index, 05 (statistics) and 06 (the report), as a browser shows them: nbdev's processed notebooks (`_proc/`)
rendered to HTML (nbconvert stands in for Quarto, which honours `#| echo: false` as the tag removal below does), opened
in headless Chromium. Each page must show the study's headline table and its trade-off figure.
`bash scripts/browser-test.sh` installs Chromium where missing and keeps the screenshots (DOCS_SCREENSHOTS)."""
import os, re, shutil, subprocess, sys, tempfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ['index', '05_regression', '06_report']
SECTIONS = {'06_report': '## A real study'}  # 06's tables are far below 4000 px: a second screenshot of this section
CHROMIUM = shutil.which('chromium')
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason='chromium is not on PATH: run `bash scripts/browser-test.sh`')


def html_page(nb_path: Path, section: str = None) -> str:
    "A processed notebook as one HTML page, without the source of its `#| echo: false` cells; from `section` on if given."
    import nbformat
    from nbconvert import HTMLExporter
    from tradeoff.study import directives
    nb = nbformat.read(nb_path, as_version=4)
    if section: nb.cells = nb.cells[next(i for i, c in enumerate(nb.cells) if c.source.startswith(section)):]
    for c in nb.cells:
        if c.cell_type == 'code' and 'echo: false' in directives(c.source): c.metadata.setdefault('tags', []).append('remove_input')
    exp = HTMLExporter(config={'TagRemovePreprocessor': {'enabled': True, 'remove_input_tags': ['remove_input']}})
    return exp.from_notebook_node(nb)[0]

def chromium(*args: str) -> str:
    "Headless Chromium's stdout for `args`, with a fresh profile and no network of its own."
    with tempfile.TemporaryDirectory() as profile:
        flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
                 '--disable-background-networking', '--disable-component-update', f'--user-data-dir={profile}',
                 '--virtual-time-budget=5000']
        return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=180, check=True).stdout


@pytest.fixture(scope='module')
def shots(tmp_path_factory) -> Path:
    "Each page rendered into `_proc/`, then its screenshot `<stem>.png` (and of a section, `<stem>-study.png`) and DOM `<stem>.dom.html`."
    out = Path(os.environ.get('DOCS_SCREENSHOTS') or tmp_path_factory.mktemp('docs-pages'))
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(['nbdev_proc_nbs', '--n_workers', '0', '--file_re', rf"^({'|'.join(PAGES)})\.ipynb$"],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, 'PATH': f'{Path(sys.executable).parent}:{os.environ["PATH"]}'})
    for stem in PAGES:
        page = ROOT/'_proc'/f'{stem}.html'  # beside the page's own files, as on the site: relative images resolve
        page.write_text(html_page(ROOT/'_proc'/f'{stem}.ipynb'))
        chromium(f'--screenshot={out/stem}.png', '--window-size=1280,4000', page.as_uri())
        if stem in SECTIONS:
            part = page.with_name(f'{stem}-study.html'); part.write_text(html_page(ROOT/'_proc'/f'{stem}.ipynb', SECTIONS[stem]))
            chromium(f'--screenshot={out/stem}-study.png', '--window-size=1280,4000', part.as_uri())
        (out/f'{stem}.dom.html').write_text(chromium('--dump-dom', page.as_uri()))
    return out


@pytest.mark.parametrize('stem', PAGES)
def test_page_shows_table_and_figure(shots, stem):
    dom = (shots/f'{stem}.dom.html').read_text()
    tables = re.findall(r'<table\b.*?</table>', dom, re.S)
    assert any('r64' in t and 'base' in t for t in tables), f'{stem}: no table with the study models'
    pngs = re.findall(r'<img[^>]+src="data:image/png;base64,([A-Za-z0-9+/=]+)"', dom)
    assert any(len(p) > 10_000 for p in pngs), f'{stem}: no figure'  # a plot, not an icon
    assert 'echo: false' not in dom  # hidden sources stay hidden
    files = [s for s in re.findall(r'<img[^>]+src="([^"]+)"', dom) if not re.match(r'[a-z]+:', s)]
    assert all((ROOT/'_proc'/f).exists() for f in files), f'{stem}: images missing: {files}'
    shot = (shots/f'{stem}.png').read_bytes()
    assert shot[:8] == b'\x89PNG\r\n\x1a\n' and len(shot) > 50_000
