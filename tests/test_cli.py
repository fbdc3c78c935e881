"""The `tradeoff-*` commands, as their console scripts run them (settings.ini `console_scripts`), spell the same thing
the same way: `--preset`, `--out-dir` for the study's output folder, `--overrides` in either form, words joined by
hyphens; options renamed since earlier releases still work and say their new name."""
import configparser, os, re, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
cfg = configparser.ConfigParser(); cfg.read(ROOT/'settings.ini')
SCRIPTS = dict(l.strip().split('=', 1) for l in cfg['DEFAULT']['console_scripts'].splitlines() if l.strip())


def script(name: str, *args: str, cwd=None) -> subprocess.CompletedProcess:
    "Run the console script `name` as its entry point does: import the function, call it with no arguments."
    mod, func = SCRIPTS[name].split(':')
    code = f'import sys; sys.argv[0] = {name!r}; from {mod} import {func}; sys.exit({func}())'
    env = {**os.environ, 'PYTHONPATH': str(ROOT), 'COLUMNS': '100'}
    return subprocess.run([sys.executable, '-c', code, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope='module')
def helps() -> dict:
    out = {name: script(name, '--help') for name in SCRIPTS}
    assert all(r.returncode == 0 for r in out.values()), {k: r.stderr[-500:] for k, r in out.items() if r.returncode}
    return {k: r.stdout for k, r in out.items()}


def options(text: str) -> set[str]:
    "The options a help text lists (each at the start of its line)."
    return set(re.findall(r'^  (--[\w-]+)', text, re.M))


def test_every_command_is_checked(): assert sorted(SCRIPTS) == sorted(
    ['tradeoff-study', 'tradeoff-train', 'tradeoff-spider', 'tradeoff-mmlu', 'tradeoff-report', 'tradeoff-sql-eval',
     'tradeoff-pack'])


def test_same_names_for_the_same_things(helps):
    for name in ('tradeoff-study', 'tradeoff-train', 'tradeoff-spider', 'tradeoff-mmlu'):
        assert {'--preset', '--out-dir', '--overrides'} <= options(helps[name]), name
        assert re.search(r"--out-dir OUT_DIR\s+the study's output folder", helps[name]), name
        assert re.search(r'--overrides OVERRIDES\s+.*"\{\w+: \d+.*"\s+or\s+"\w+=\d+', helps[name], re.S), name
    assert re.search(r"--out-dir OUT_DIR\s+the study's output folder", helps['tradeoff-report'])
    for name, text in helps.items():
        opts = options(text) - {'--help'}
        assert not any('_' in o for o in opts) and '--out' not in opts, (name, opts)  # hyphens, one spelling shown
        assert re.search(r'usage: ' + name, text), name


def test_earlier_spellings_still_work(tmp_path):
    r = script('tradeoff-report', str(tmp_path/'nothing'), '--out', str(tmp_path/'r'), '--n_boot', '10')
    assert 'tradeoff-report: --out is deprecated, use --report-dir' in r.stderr  # read, then the study folder is empty
    r = script('tradeoff-sql-eval', '--pred', str(tmp_path/'none.sql'), '--out', 'x.csv')
    assert 'tradeoff-sql-eval: --out is deprecated, use --per-item' in r.stderr and r.returncode == 2
    assert "No such file or directory" in r.stderr  # the prediction file: a usage error that names it
