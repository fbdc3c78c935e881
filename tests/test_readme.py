"""README.md is the repository's front page (and the package's long description): its links must work from the
repository root, and it shows only what `nbs/index.ipynb` shows a reader, never the source of a hidden cell."""
import json, re
from pathlib import Path
import pytest
from tradeoff.study import directives

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT/'README.md').read_text()


def link_targets(md: str) -> list[str]:
    "Targets of markdown links and images, and of HTML `src`/`href` attributes, in `md`."
    return re.findall(r'\]\(\s*<?([^)\s>]+)', md) + re.findall(r'(?:src|href)="([^"]+)"', md)

def is_relative(t: str) -> bool: return not re.match(r'[a-z][a-z0-9+.-]*:|#|/', t)


def test_link_targets():
    md = '[a](b.md) ![c](README_files/x.png) [d](https://e.org/f.html) [g](#h) <img src="i.png"> [j](<k l.md>)'
    assert link_targets(md) == ['b.md', 'README_files/x.png', 'https://e.org/f.html', '#h', 'k', 'i.png']
    assert [t for t in link_targets(md) if is_relative(t)] == ['b.md', 'README_files/x.png', 'k', 'i.png']


def test_readme_has_links_and_a_figure():
    ts = link_targets(README)
    assert any(t.startswith('README_files/') for t in ts)  # the trade-off figure
    assert any(t.startswith('https://tradeoff-study.github.io/tradeoff/') for t in ts)  # chapters on the docs site


@pytest.mark.parametrize('target', [t for t in link_targets(README) if is_relative(t)])
def test_relative_link_resolves_from_the_root(target):
    assert (ROOT/target.split('#')[0]).exists(), f'README.md links {target}, missing from the repository root'


def hidden_sources(nb: dict) -> list[str]:
    "Code lines of `nb`'s cells that a reader must not see (`#| hide`, `#| echo: false`)."
    out = []
    for c in nb['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] != 'code' or not {'hide', 'echo: false'} & set(directives(s)): continue
        out += [l.strip() for l in s.splitlines() if l.strip() and not l.startswith('#|')]
    return out


def test_no_hidden_source_in_readme():
    lines = {l.strip() for l in README.splitlines()}
    hidden = hidden_sources(json.loads((ROOT/'nbs'/'index.ipynb').read_text()))
    assert len(hidden) > 5  # the index has hidden cells, so this test checks something
    assert not [l for l in hidden if l in lines]
    assert not [l for l in README.splitlines() if l.startswith(('Markdown(', 'display(', '#|'))]
