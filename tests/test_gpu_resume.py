"""`scripts/gpu/resume.sh`, which carries a study lane from one GPU session to the next: what it packs from a study
folder (an unfinished training's last checkpoint; a finished training's adapters still to score) and that
unpacking puts it back where the runner looks."""
import json, os, subprocess, sys, tarfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
if sys.platform == 'win32': pytest.skip('a bash script', allow_module_level=True)


def lane(out: Path, name: str, steps=(2, 4), finished=True):
    "A fake training folder: config, checkpoints (adapter, optimizer), and once finished its manifest and adapter."
    d = out/name
    (d/'config.yaml').parent.mkdir(parents=True)
    (d/'config.yaml').write_text('name: x\n')
    for s in steps:
        ck = d/'checkpoints'/f'checkpoint-{s}'; ck.mkdir(parents=True)
        for f in ('adapter_config.json', 'adapter_model.safetensors', 'optimizer.pt', 'trainer_state.json', 'tokenizer.json'):
            (ck/f).write_text(f)
    if finished:
        (d/'adapter').mkdir()
        for f in ('adapter_config.json', 'adapter_model.safetensors'): (d/'adapter'/f).write_text(f)
        (d/'train_manifest.json').write_text(json.dumps(dict(steps=steps[-1], checkpoints=[f'checkpoint-{s}' for s in steps])))
        (d/'loss.csv').write_text('step,loss\n1,1.0\n')


def scored(out: Path, tag: str):
    (out/tag).mkdir(exist_ok=True)
    for t in ('spider', 'mmlu'): (out/tag/f'{t}_results.json').write_text('{}')


def pack(out: Path, dest: Path, **env) -> str:
    dest.mkdir(exist_ok=True)
    r = subprocess.run(['bash', 'scripts/gpu/resume.sh', 'pack', str(out), str(dest)], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, 'BUNDLE': 'none', 'PYTHON': sys.executable, 'PYTHONPATH': str(ROOT), **env})
    assert r.returncode == 0, r.stderr
    return r.stdout


def members(f: Path) -> set:
    with tarfile.open(f) as t: return {m.name for m in t.getmembers() if m.isfile()}


def test_unfinished_training_packs_its_last_checkpoint(tmp_path):
    out = tmp_path/'study'; lane(out, 'q.s2', finished=False)
    log = pack(out, tmp_path/'back')
    assert 'q.s2: checkpoint-4 packed' in log
    got = members(tmp_path/'back'/'resume-q.s2.tar.gz')
    assert got == {'q.s2/config.yaml'} | {f'q.s2/checkpoints/checkpoint-4/{f}' for f in
                                          ('adapter_config.json', 'adapter_model.safetensors', 'optimizer.pt', 'trainer_state.json')}


def test_finished_training_packs_only_what_is_left_to_score(tmp_path):
    out = tmp_path/'study'; lane(out, 'q.s1'); lane(out, 'q.s2')
    scored(out, 'q.s1'); scored(out, 'q.s1@alpha0.5')  # its checkpoint-2 and alpha 0.25 are not scored yet
    scored(out, 'q.s2')  # a second seed: no curves, its one model scored
    log = pack(out, tmp_path/'back', ALPHAS='0,0.25,0.5,1', CURVE_SEEDS='1')
    assert 'q.s1: adapters of 2 models packed' in log and 'q.s2' not in log
    got = members(tmp_path/'back'/'resume-q.s1.tar.gz')
    assert got == {'q.s1/config.yaml', 'q.s1/train_manifest.json', 'q.s1/loss.csv', 'q.s1/adapter/adapter_config.json',
                   'q.s1/adapter/adapter_model.safetensors', 'q.s1/checkpoints/checkpoint-2/adapter_config.json',
                   'q.s1/checkpoints/checkpoint-2/adapter_model.safetensors', 'q.s1/checkpoints/checkpoint-2/trainer_state.json'}
    scored(out, 'q.s1@checkpoint-2'); scored(out, 'q.s1@alpha0.25')
    assert pack(out, tmp_path/'again', ALPHAS='0,0.25,0.5,1') == ''  # every model scored: nothing to carry
    nxt = tmp_path/'next'
    r = subprocess.run(['bash', 'scripts/gpu/resume.sh', 'unpack', str(nxt), str(tmp_path/'back'/'resume-q.s1.tar.gz')],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and (nxt/'q.s1'/'checkpoints'/'checkpoint-2'/'adapter_model.safetensors').exists()


def test_over_the_limit_is_left_behind(tmp_path):
    out = tmp_path/'study'; lane(out, 'q.s1', finished=False)
    (out/'q.s1'/'checkpoints'/'checkpoint-4'/'optimizer.pt').write_bytes(os.urandom(3 << 20))  # over two parts of 1 MiB
    assert 'left behind' in pack(out, tmp_path/'back', LIMIT_MIB='1')
    assert not list((tmp_path/'back').iterdir())


def test_larger_than_a_file_comes_back_in_parts(tmp_path):
    out = tmp_path/'study'; lane(out, 'q.s1', finished=False)
    weights = os.urandom(3 << 19)  # 1.5 MiB that do not compress: two parts of at most 1 MiB
    (out/'q.s1'/'checkpoints'/'checkpoint-4'/'optimizer.pt').write_bytes(weights)
    assert 'packed into 2 parts' in pack(out, tmp_path/'back', LIMIT_MIB='1')
    parts = sorted((tmp_path/'back').iterdir())
    assert [p.name for p in parts] == ['resume-q.s1.tar.gz.part0', 'resume-q.s1.tar.gz.part1']
    assert all(p.stat().st_size <= 1 << 20 for p in parts)
    nxt = tmp_path/'next'
    r = subprocess.run(['bash', 'scripts/gpu/resume.sh', 'unpack', str(nxt), *map(str, parts)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and 'unpacked from its parts' in r.stdout
    assert (nxt/'q.s1'/'checkpoints'/'checkpoint-4'/'optimizer.pt').read_bytes() == weights


def test_a_study_part_packs_what_this_machine_wrote_in_parts_that_come_back(tmp_path):
    "`pack_part.sh`: results written after the folder's mark, never weights, split below the size a returned file may have."
    study, out = tmp_path/'study', tmp_path/'out'
    study.mkdir(); scored(study, 'base')  # copied in from the committed part: before the mark
    for f in (study/'base').iterdir(): os.utime(f, (1e9, 1e9))
    (study/'.since').touch(); os.utime(study/'.since', (1.5e9, 1.5e9))
    lane(study, 'q.s1'); scored(study, 'q.s1')
    (study/'q.s1'/'mmlu_samples.jsonl').write_bytes(os.urandom(3 << 20))  # 3 MiB that gzip cannot shrink
    r = subprocess.run(['bash', 'scripts/gpu/pack_part.sh', str(study), str(out)], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, 'LIMIT_MIB': '1'})
    assert r.returncode == 0, r.stderr
    parts = sorted(out.glob('study.tar.gz.part*'))
    assert len(parts) == 4 and not (out/'study.tar.gz').exists() and all(p.stat().st_size < 1 << 20 for p in parts)
    joined = tmp_path/'joined.tar.gz'; joined.write_bytes(b''.join(p.read_bytes() for p in parts))
    assert members(joined) == {f'./q.s1/{f}' for f in ('config.yaml', 'train_manifest.json', 'loss.csv', 'spider_results.json',
                                                       'mmlu_results.json', 'mmlu_samples.jsonl')}


def test_a_resumed_lane_keeps_its_training_record(tmp_path):
    "A lane unpacked before the mark (resume.sh) and scored after it comes back with its config, manifest and loss curve."
    study, out = tmp_path/'study', tmp_path/'out'
    lane(study, 'q.s1')
    for f in (study/'q.s1').rglob('*'): os.utime(f, (1e9, 1e9))
    (study/'.since').touch(); os.utime(study/'.since', (1.5e9, 1.5e9))
    scored(study, 'q.s1@alpha0.5')
    r = subprocess.run(['bash', 'scripts/gpu/pack_part.sh', str(study), str(out)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert members(out/'study.tar.gz') == {'./q.s1/config.yaml', './q.s1/train_manifest.json', './q.s1/loss.csv',
                                           './q.s1@alpha0.5/spider_results.json',
                                           './q.s1@alpha0.5/mmlu_results.json'}


def test_unfinished_curve_lane_packs_its_earlier_checkpoints_adapters(tmp_path):
    "A curve lane cut off in training keeps the checkpoints its curve scores later: their adapters, not their optimizer."
    out = tmp_path/'study'; lane(out, 'q.s1', steps=(2, 4, 6), finished=False)
    log = pack(out, tmp_path/'back', CURVE_SEEDS='1')
    assert 'q.s1: checkpoint-6 and the adapters of 2 earlier checkpoints packed' in log
    got = members(tmp_path/'back'/'resume-q.s1.tar.gz')
    early = {f'q.s1/checkpoints/checkpoint-{s}/{f}' for s in (2, 4)
             for f in ('adapter_config.json', 'adapter_model.safetensors', 'trainer_state.json')}
    last = {f'q.s1/checkpoints/checkpoint-6/{f}' for f in
            ('adapter_config.json', 'adapter_model.safetensors', 'optimizer.pt', 'trainer_state.json')}
    assert got == {'q.s1/config.yaml'} | early | last
    nxt = tmp_path/'next'
    r = subprocess.run(['bash', 'scripts/gpu/resume.sh', 'unpack', str(nxt), str(tmp_path/'back'/'resume-q.s1.tar.gz')],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and (nxt/'q.s1'/'checkpoints'/'checkpoint-2'/'adapter_model.safetensors').exists()


def test_a_curve_lane_stopped_twice_packs_no_resume_point_as_a_curve_point(tmp_path):
    "Where an earlier call stopped the training (RESUME_ONLY) is no point of the curve: left out; the last one, marked, kept."
    out = tmp_path/'study'; lane(out, 'q.s1', steps=(2, 3, 4, 5), finished=False)
    for s in (3, 5): (out/'q.s1'/'checkpoints'/f'checkpoint-{s}'/'resume_only').write_text('')
    log = pack(out, tmp_path/'back', CURVE_SEEDS='1')
    assert 'q.s1: checkpoint-5 and the adapters of 2 earlier checkpoints packed' in log
    got = members(tmp_path/'back'/'resume-q.s1.tar.gz')
    assert {m.split('/')[2] for m in got if '/checkpoints/' in m} == {'checkpoint-2', 'checkpoint-4', 'checkpoint-5'}
    assert 'q.s1/checkpoints/checkpoint-5/resume_only' in got  # still a resume point after unpacking


def test_retrain_removes_only_lanes_trained_before_trained_in(tmp_path):
    out = tmp_path/'study'
    lane(out, 'q.s1'); lane(out, 'q.s2'); lane(out, 'q.s3', finished=False); lane(out, 'r.s1')
    scored(out, 'q.s1'); scored(out, 'q.s1@checkpoint-2'); scored(out, 'r.s1')
    m = json.loads((out/'q.s2'/'train_manifest.json').read_text())
    (out/'q.s2'/'train_manifest.json').write_text(json.dumps(m | dict(trained_in=['bfloat16'])))  # trained since
    run = lambda: subprocess.run(['bash', 'scripts/gpu/resume.sh', 'retrain', str(out), 'q.*'], cwd=ROOT,
                                 capture_output=True, text=True)
    r = run()
    assert r.returncode == 0 and r.stdout.splitlines() == [
        'q.s1: trained before its manifest said in which dtype, removed with its models (it trains again)']
    assert sorted(p.name for p in out.iterdir()) == ['q.s2', 'q.s3', 'r.s1']  # a later training, an unfinished one, another config
    assert run().stdout == ''  # nothing left to remove: safe in every call of a session
