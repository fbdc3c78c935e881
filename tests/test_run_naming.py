"""Every command of the card and the README works on one clone, in any order: runs are named by what they change.

On a small configuration (a tiny model, a few questions), in the order a new user types them: a study; chapter 02
with `epochs=2` (the card's `-p epochs 2`); chapters 03 and 04 with the same parameter, which must evaluate the model
02 trained without a path typed by hand; the study again, which must find everything finished; and 02 with another
parameter, which must leave a second run beside the first. Nothing finished earlier may change. The chapters run
through the study runner's `exec_runner` (their run cells, in this process, as papermill would run them)."""
import json, os
from pathlib import Path
import pytest, yaml
from tradeoff.config import load_config, config_from_params
from tradeoff.study import run_study, exec_runner, find_notebooks, read_ledger

NBS = Path(__file__).resolve().parents[1]/'nbs'
TINY = dict(name='tiny', model='test:tiny-llama', device='cpu', data='mini', train_n=8, epochs=1, batch_size=2, grad_accum=1,
            save_steps=2, sql_shots=1, sql_n=4, max_new_tokens=8, gen_batch_size=4, mmlu_shots=1, mmlu_n=8,
            eval_batch_size=4)


def results(out: Path) -> dict:
    "Every results file, manifest and adapter under `out`, with its modification time."
    files = [*out.glob('*/*_results.json'), *out.glob('*/train_manifest.json'), *out.glob('*/adapter/adapter_model.safetensors')]
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in files}


def chapter(nb: str, out: Path, preset: Path, **params):
    "Run a chapter's run cells as papermill would, with these parameters."
    path = find_notebooks(NBS)[nb]
    exec_runner(path, out/'notebooks'/f'{nb}-{len(list((out/"notebooks").glob("*")))}.ipynb', dict(preset=str(preset), **params))


@pytest.fixture(scope='module')
def study(tmp_path_factory):
    d = tmp_path_factory.mktemp('naming')
    preset = d/'tiny.yaml'
    preset.write_text(yaml.safe_dump({**TINY, 'out_dir': str(d/'runs')}))
    (d/'runs'/'notebooks').mkdir(parents=True)
    run_study(preset, alphas=(0, 1), runner='exec', nbs=NBS, log=lambda m: None)
    return d, preset, d/'runs'


def test_a_study_then_the_card(study):
    d, preset, out = study
    before = results(out)
    assert {'tiny/train_manifest.json', 'base/spider_results.json', 'tiny/mmlu_results.json'} <= set(before)
    chapter('02', out, preset, epochs=2)  # the card's `papermill nbs/02_finetune.ipynb -p epochs 2`
    name = config_from_params(preset, epochs=2).name
    assert name == 'tiny-epochs2'
    man = json.loads((out/name/'train_manifest.json').read_text())
    assert (man['name'], man['epochs']) == (name, 2.0)
    for nb in ('03', '04'): chapter(nb, out, preset, epochs=2)  # the same parameter: the model 02 trained
    for task in ('spider', 'mmlu'):
        res = json.loads((out/name/f'{task}_results.json').read_text())
        assert Path(res['metrics']['adapter']) == out/name/'adapter', res['metrics']['adapter']
        assert res['config']['epochs'] == 2.0
    after = results(out)
    assert {k: v for k, v in after.items() if k in before} == before  # every earlier result untouched


def test_the_study_again_skips_everything(study):
    d, preset, out = study
    before, ledger = results(out), read_ledger(out)
    said = []
    run_study(preset, alphas=(0, 1), runner='exec', nbs=NBS, log=said.append)
    ran = [m for m in said if m.startswith('[run ]')]
    assert [m.split()[2] for m in ran] == ['06:report'], ran  # only the report, which always runs
    assert {k: v for k, v in read_ledger(out).items() if k != '06:report'} == {k: v for k, v in ledger.items() if k != '06:report'}
    assert {k: v for k, v in results(out).items() if k in before} == before


def test_two_runs_side_by_side(study):
    d, preset, out = study
    chapter('02', out, preset, lora_r=8)
    assert (out/'tiny-lora_r8'/'adapter').is_dir() and (out/'tiny-epochs2'/'adapter').is_dir() and (out/'tiny'/'adapter').is_dir()
    assert load_config(out/'tiny-lora_r8'/'config.yaml').lora_r == 8
