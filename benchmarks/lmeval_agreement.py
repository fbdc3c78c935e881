"""Agreement check: per-question MMLU predictions of tradeoff.mmlu against lm-evaluation-harness, same model, same data.

lm-evaluation-harness (lm_eval) pins its own dependencies, so it lives in a separate virtual environment:

    python3 -m venv /tmp/lmeval-venv && /tmp/lmeval-venv/bin/pip install torch==2.13.0 lm_eval

Both sides read the same local MMLU files (lm_eval through a task written here, in the layout of its own `mmlu`
and `mmlu_continuation` tasks: same description, `doc_to_text`, choices, `first_n` few-shot sampler), score the
same model (a local checkpoint, float32 on CPU) and keep every question's four log-likelihoods. Then:

    .venv/bin/python benchmarks/lmeval_agreement.py all --out /tmp/agree     # both sides, then the comparison
    .venv/bin/python benchmarks/lmeval_agreement.py ours --out /tmp/agree    # only tradeoff.mmlu (project venv)
    /tmp/lmeval-venv/bin/python benchmarks/lmeval_agreement.py lmeval --out /tmp/agree --model DIR
    .venv/bin/python benchmarks/lmeval_agreement.py compare --out /tmp/agree

The script uses only the standard library at the top, so it runs under either environment.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
REPO = Path(__file__).resolve().parent.parent
SUBJECTS = ['world_religions', 'management', 'conceptual_physics']  # one per category but social sciences; short prompts
LETTER = dict(description='The following are multiple choice questions (with answers) about {name}.\n\n',
              doc_to_text='{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:',
              doc_to_choice=['A', 'B', 'C', 'D'])
CLOZE = dict(description='The following are questions (with answers) about {name}.\n\n',
             doc_to_text='Question: {{question.strip()}}\nAnswer:', doc_to_choice='{{choices}}')


def ours(a):
    "Score with tradeoff.mmlu (the project's environment); write ours.jsonl."
    sys.path.insert(0, str(REPO))
    from tradeoff.config import load_config
    from tradeoff.data import load_mmlu
    from tradeoff.models import load_model, embedded_model_dir
    from tradeoff.lm import LM
    from tradeoff.mmlu import dev_shots, score_mmlu
    cfg = load_config('demo', model=a.model or str(embedded_model_dir()), device='cpu', quant='none')
    lm = LM(*load_model(cfg), a.batch_size)
    items = load_mmlu(a.mmlu, 'test', a.subjects)
    items = items.groupby('subject', sort=False).head(a.limit).reset_index(drop=True)
    t0 = time.time()
    recs = score_mmlu(lm, items, dev_shots(a.mmlu, a.subjects, a.shots), a.shots, 'both', a.batch_size)
    print(f'tradeoff.mmlu: {len(recs)} questions, both formulations, {time.time() - t0:.0f} s')
    with open(a.out/'ours.jsonl', 'w') as f:
        for r in recs: f.write(json.dumps(r) + '\n')


def _task_yaml(subject, form, data):
    "An lm_eval task over the local JSON copy of one subject, in the layout of lm_eval's own MMLU tasks."
    spec = LETTER if form == 'letter' else CLOZE
    cfg = dict(task=f'tradeoff_{form}_{subject}', dataset_path='json',
               dataset_kwargs=dict(data_files=dict(test=str(data/f'{subject}_test.jsonl'), dev=str(data/f'{subject}_dev.jsonl'))),
               test_split='test', fewshot_split='dev', fewshot_config=dict(sampler='first_n'), output_type='multiple_choice',
               description=spec['description'].format(name=subject.replace('_', ' ')), doc_to_text=spec['doc_to_text'],
               doc_to_choice=spec['doc_to_choice'], doc_to_target='answer',
               metric_list=[dict(metric='acc')] + ([dict(metric='acc_norm')] if form == 'cloze' else []))
    return json.dumps(cfg)  # JSON is YAML


def _to_jsonl(mmlu, subject, split, dest):
    "One split of a subject as JSON lines with string choices (CSV readers would turn '1' into 1.0)."
    import csv
    with open(Path(mmlu)/split/f'{subject}_{split}.csv', newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    if rows and rows[0][0] == 'question' and rows[0][-1] == 'answer': rows = rows[1:]
    with open(dest, 'w') as f:
        for q, *ch, ans in rows:
            f.write(json.dumps(dict(question=q, choices=ch, answer='ABCD'.index(ans) if ans in 'ABCD' else int(ans))) + '\n')


def lmeval(a):
    "Score with lm_eval's HF model and the tasks written here (lm_eval's environment); write lmeval.jsonl."
    import lm_eval
    from lm_eval.tasks import TaskManager
    tasks_dir, data = a.out/'lmeval_tasks', a.out/'lmeval_data'
    tasks_dir.mkdir(parents=True, exist_ok=True); data.mkdir(parents=True, exist_ok=True)
    for s in a.subjects:
        for split in ('test', 'dev'): _to_jsonl(a.mmlu, s, split, data/f'{s}_{split}.jsonl')
        for form in ('letter', 'cloze'): (tasks_dir/f'tradeoff_{form}_{s}.yaml').write_text(_task_yaml(s, form, data))
    t0 = time.time()
    res = lm_eval.simple_evaluate(model='hf', model_args=dict(pretrained=a.model, dtype='float32', device='cpu'),
                                  tasks=[f'tradeoff_{f}_{s}' for f in ('letter', 'cloze') for s in a.subjects],
                                  num_fewshot=a.shots, batch_size=a.batch_size, limit=a.limit, log_samples=True,
                                  task_manager=TaskManager(include_path=str(tasks_dir)))
    print(f'lm_eval {lm_eval.__version__ if hasattr(lm_eval, "__version__") else ""}: {time.time() - t0:.0f} s')
    with open(a.out/'lmeval.jsonl', 'w') as f:
        for task, samples in res['samples'].items():
            form, subject = task.split('_', 2)[1:]
            for s in samples:
                ll = [float(r[0]) for r in s['filtered_resps']]
                f.write(json.dumps(dict(id=f"{subject}/test/{s['doc_id']}", form=form, loglik=ll, choices=s['doc']['choices'],
                                        prompt=s['arguments'][0][0])) + '\n')


def _argmax(xs): return max(range(len(xs)), key=lambda i: xs[i])


def compare(a):
    "Per-question agreement of predictions and the largest log-likelihood difference, per formulation."
    sys.path.insert(0, str(REPO))
    from tradeoff.data import load_mmlu
    from tradeoff.mmlu import dev_shots, mmlu_prompt
    ours = {r['id']: r for r in map(json.loads, open(a.out/'ours.jsonl'))}
    theirs = [json.loads(l) for l in open(a.out/'lmeval.jsonl')]
    items, shots = load_mmlu(a.mmlu, 'test', a.subjects).set_index('id'), dev_shots(a.mmlu, a.subjects, a.shots)
    def prompt(t): r = items.loc[t['id']]; return mmlu_prompt(r, shots[r.subject], t['form'] == 'cloze')
    rows = []
    for form, key, norm in (('letter', 'loglik', False), ('cloze', 'loglik_cloze', True), ('cloze', 'loglik_cloze', False)):
        pairs = [(ours[t['id']], t) for t in theirs if t['form'] == form]
        def pred(ll, t): return _argmax([x / max(len(c), 1) for x, c in zip(ll, t['choices'])]) if norm else _argmax(ll)
        same = sum(pred(o[key], t) == pred(t['loglik'], t) for o, t in pairs)
        diff = max(abs(x - y) for o, t in pairs for x, y in zip(o[key], t['loglik']))
        acc_o = sum(pred(o[key], t) == o['gold'] for o, t in pairs) / len(pairs)
        acc_t = sum(pred(t['loglik'], t) == o['gold'] for o, t in pairs) / len(pairs)
        name = form if form == 'letter' else f"cloze ({'per char, acc_norm' if norm else 'sum, acc'})"
        same_prompt = sum(prompt(t) == t['prompt'] for _, t in pairs)
        rows.append(f'| {name} | {len(pairs)} | {same_prompt} | {same} ({same / len(pairs):.1%}) | {diff:.2e} | {acc_o:.3f} | {acc_t:.3f} |')
    print('| formulation | questions | identical prompt | same prediction | max abs log-lik difference | accuracy (tradeoff) | accuracy (lm_eval) |')
    print('|---|---|---|---|---|---|---|')
    print('\n'.join(rows))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('mode', choices=['all', 'ours', 'lmeval', 'compare'])
    ap.add_argument('--out', type=Path, default=Path('/tmp/lmeval-agreement'))
    ap.add_argument('--model', default=None, help='checkpoint folder (default: the embedded SmolLM2-135M-Instruct)')
    ap.add_argument('--mmlu', default=None, help='MMLU folder (default: the shared data)')
    ap.add_argument('--subjects', nargs='+', default=SUBJECTS)
    ap.add_argument('--limit', type=int, default=50, help='first N test questions per subject')
    ap.add_argument('--shots', type=int, default=5)
    ap.add_argument('--batch-size', type=int, default=16)
    ap.add_argument('--lmeval-python', default='/tmp/lmeval-venv/bin/python')
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    if a.mmlu is None or a.model is None:  # defaults come from the project (needs its environment)
        sys.path.insert(0, str(REPO))
        from tradeoff.config import shared_data_dir
        from tradeoff.models import embedded_model_dir
        a.mmlu = a.mmlu or str(shared_data_dir()/'mmlu')
        a.model = a.model or str(embedded_model_dir())
    if a.mode in ('all', 'ours'): ours(a)
    if a.mode == 'lmeval': lmeval(a)
    if a.mode == 'all':
        args = ['lmeval', '--out', str(a.out), '--model', a.model, '--mmlu', a.mmlu, '--limit', str(a.limit), '--shots', str(a.shots),
                '--batch-size', str(a.batch_size), '--subjects', *a.subjects]
        subprocess.run([a.lmeval_python, __file__, *args], check=True)
    if a.mode in ('all', 'compare'): compare(a)


if __name__ == '__main__': main()
