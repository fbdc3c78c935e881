"""`scripts/gpu/payload.sh` and `env.sh`: folders carried to the GPU machine compressed (.NAME.txz) come out there as
they went in, again when a newer file is carried, and a folder that no .txz made is never touched."""
import os, subprocess, sys, time
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
if sys.platform == 'win32': pytest.skip('bash scripts', allow_module_level=True)


def sh(cmd: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(['bash', '-c', cmd], cwd=cwd, capture_output=True, text=True)


def files(d: Path) -> dict:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob('*')) if p.is_file() and p.name != '.from-txz'}


def test_compressed_folders_unpack_there_as_they_were(tmp_path):
    here, there = tmp_path/'here', tmp_path/'there'
    for name, n in (('.devdeps', 3), ('.devdata', 2)):
        for i in range(n): (here/name/f'pkg{i}').mkdir(parents=True); (here/name/f'pkg{i}'/'m.py').write_text(f'x = {i}\n' * 500)
    r = sh(f'bash {ROOT}/scripts/gpu/payload.sh .devdeps .devdata/', here)
    assert r.returncode == 0, r.stderr
    assert '.devdeps: ' in r.stdout and (here/'.devdeps.txz').stat().st_size < 2000  # repetitive text packs small
    there.mkdir()
    for z in ('.devdeps.txz', '.devdata.txz'): (there/z).write_bytes((here/z).read_bytes())
    (there/'.devdata').mkdir(); (there/'.devdata'/'mine').write_text('not from a .txz')  # made there by hand
    r = sh(f'source {ROOT}/scripts/gpu/env.sh && echo "$PYTHONPATH"', there)
    assert r.returncode == 0, r.stderr
    assert files(there/'.devdeps') == files(here/'.devdeps') and '.devdeps: unpacked' in r.stderr
    assert files(there/'.devdata') == {'mine': b'not from a .txz'}  # never touched
    assert sh(f'source {ROOT}/scripts/gpu/env.sh', there).stderr == ''  # unpacked once
    (here/'.devdeps'/'pkg0'/'m.py').write_text('x = 9\n')  # a newer bundle carried
    assert sh(f'bash {ROOT}/scripts/gpu/payload.sh .devdeps', here).returncode == 0
    (there/'.devdeps.txz').write_bytes((here/'.devdeps.txz').read_bytes())
    later = time.time() + 10; os.utime(there/'.devdeps.txz', (later, later))  # carried after the last unpacking
    r = sh(f'source {ROOT}/scripts/gpu/env.sh', there)
    assert '.devdeps: unpacked' in r.stderr and (there/'.devdeps'/'pkg0'/'m.py').read_text() == 'x = 9\n'
