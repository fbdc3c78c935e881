"""What a training step costs without the host: the study's model and batches, one step eager and as one CUDA graph.

The QLoRA step is host-bound (BENCHMARKS, fourth session: 0.45 s of wall time, 0.12 s of kernels, 5,445 launches).
This builds the model exactly as `tradeoff.finetune.make_trainer` does (same preset, peft wrapping and dtypes), takes
its first batches from the trainer's own (grouped) data loader, and trains them in a plain loop three ways, each from
the same starting weights and a fresh AdamW (the trainer's settings: lr, betas, no weight decay, clipping at 1.0; a
constant learning rate here):

- `eager-mask`: the collated batch as the trainer passes it (its padding mask; its own length);
- `eager-causal`: every batch right-padded to a multiple of `--bucket` tokens, no mask (right padding never reaches
  a labelled token through causal attention; padded positions carry no label);
- `graph`: the same padded batches, the whole step (forward, backward, clipping, optimizer) captured once per shape in
  a CUDA graph (`torch.cuda.graph`) and replayed: one launch a step;
- `graph-fb`: as `graph` with only forward, backward and clipping captured, AdamW eager (`--paths` to add it);
- `passes`: the trainer's own `GraphedPasses` (`cuda_graphs: true`): forward and backward captured, clipping and
  AdamW eager, as the trainer runs them (its shapes captured before the clock starts, as in `graph`).

Then, with every dropout off, `eager-causal` against `graph` once more: the same losses step by step, or the capture
changed the arithmetic. Prints a table (tokens/s count non-padding tokens, as the trainer does).

    python benchmarks/gpu/graph_step.py --preset smollm2-gpu --model /tmp/smollm2-random --quant 4bit \
        --set lora_targets=q_proj,v_proj batch_size=8 lora_r=16 learning_rate=2e-4
"""
from __future__ import annotations
import os, sys, time, argparse, tempfile, traceback
os.environ.setdefault('HF_HUB_OFFLINE', '1'); os.environ.setdefault('HF_DATASETS_OFFLINE', '1')
os.environ.setdefault('TOKENIZERS_PARALLELISM', 'false')

def setting(kv: str):
    "`key=value` from the command line: numbers as numbers, commas as lists."
    k, v = kv.split('=', 1)
    if ',' in v: return k, v.split(',')
    for t in (int, float):
        try: return k, t(v)
        except ValueError: pass
    return k, v

def build(args):
    "The trainer's model (peft-wrapped, its dtypes) and its first batches, collated by its own loader."
    from itertools import islice
    from tradeoff.config import load_config
    from tradeoff.models import load_tokenizer
    from tradeoff.finetune import training_rows, training_dataset, make_trainer, batching_args
    over = dict(setting(kv) for kv in args.set)
    cfg = load_config(args.preset, model=args.model, quant=args.quant, micro_batch=0, grad_accum=1, save_steps=0,
                      train_n=args.rows, **over)
    tok = load_tokenizer(cfg, 'right')
    ds, _ = training_dataset(training_rows(cfg, tok)[0], tok, cfg.max_length)
    tr = make_trainer(cfg, ds, tempfile.mkdtemp(), max_steps=1, save_strategy='no', **batching_args('grouped'))
    batches = [b for b in islice(tr.get_train_dataloader(), args.warmup + args.steps)
               if len(b['input_ids']) == cfg.batch_size]
    return cfg, tok, tr.model, batches

def padded(b, pad_id: int, bucket: int):
    "`b` right-padded to a multiple of `bucket` tokens: (ids, labels), no mask."
    import torch.nn.functional as F
    n = b['input_ids'].shape[1]; extra = -n % bucket
    return F.pad(b['input_ids'], (0, extra), value=pad_id), F.pad(b['labels'], (0, extra), value=-100)

def run_path(model, params, start, batches, cfg, path: str, args, pad_id: int) -> dict:
    "Train `batches` from the `start` weights one way; its timing and per-step losses."
    import torch
    sync = torch.cuda.synchronize if torch.cuda.is_available() else (lambda: None)
    with torch.no_grad():
        for p, s in zip(params, start): p.copy_(s); p.grad = None  # a path before may leave its gradients attached
    graph, whole = path.startswith('graph'), path == 'graph'  # graph-fb: forward and backward captured, AdamW eager
    opt = torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=0.0, foreach=True, capturable=whole)
    amp = dict(device_type='cuda', dtype=torch.bfloat16, enabled=torch.cuda.is_available(), cache_enabled=False)
    def step(ids, labels, mask=None, optimize=True):  # the trainer's bf16 mixed precision (autocast; no weight cache: graphs)
        with torch.autocast(**amp): loss = model(input_ids=ids, attention_mask=mask, labels=labels, use_cache=False).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0, foreach=True)
        if optimize: opt.step()
        return loss.detach()
    inputs = [((b['input_ids'], b['labels'], b['attention_mask']) if path == 'eager-mask' else padded(b, pad_id, args.bucket))
              for b in batches]
    tokens = [int(b['attention_mask'].sum()) for b in batches]
    t_capture, graphs = 0.0, {}
    if graph:  # one graph per batch shape; warm-up steps change the weights, so they are put back after
        pool = None; t = time.perf_counter(); side = torch.cuda.Stream(); side.wait_stream(torch.cuda.current_stream())
        for ids, labels in inputs:
            if ids.shape in graphs: continue
            s_ids, s_labels = ids.clone(), labels.clone()
            with torch.cuda.stream(side):
                for _ in range(2): step(s_ids, s_labels); opt.zero_grad(set_to_none=True)
            torch.cuda.current_stream().wait_stream(side)
            g = torch.cuda.CUDAGraph()
            with torch.cuda.graph(g, pool=pool): s_loss = step(s_ids, s_labels, optimize=whole)
            pool = pool or g.pool()  # one memory pool for all shapes: replayed one at a time, outputs kept alive
            grads = [q.grad for q in params]  # where this graph writes them (graph-fb hands them to the eager AdamW)
            opt.zero_grad(set_to_none=True)
            graphs[ids.shape] = (g, s_ids, s_labels, s_loss, grads)
        with torch.no_grad():
            for p, s in zip(params, start): p.copy_(s)
            for st in opt.state.values():
                for v in st.values(): v.zero_()
        sync(); t_capture = time.perf_counter() - t
    if path == 'passes':  # the trainer's class (`cuda_graphs`): its passes captured, AdamW eager as the trainer runs it
        from tradeoff.finetune import GraphedPasses
        cuda = torch.cuda.is_available()  # on a CPU the same passes, uncaptured
        passes = GraphedPasses(model, 'bfloat16' if cuda else 'float32', pad_id, bucket=args.bucket, capture=cuda)
        t = time.perf_counter(); passes.capture_shapes({ids.shape for ids, _ in inputs})  # off the clock
        sync(); t_capture = time.perf_counter() - t
    losses, marks = [], []
    for i, (ids, labels, *mask) in enumerate(inputs):
        if path == 'passes':
            if i == args.warmup: sync(); t0 = time.perf_counter()
            losses.append(passes(batches[i], (batches[i]['labels'][:, 1:] != -100).sum()))
            torch.nn.utils.clip_grad_norm_(params, 1.0, foreach=True); opt.step(); opt.zero_grad(set_to_none=True)
            continue
        if i == args.warmup: sync(); t0 = time.perf_counter()
        if graph:
            g, s_ids, s_labels, s_loss, grads = graphs[ids.shape]
            s_ids.copy_(ids, non_blocking=True); s_labels.copy_(labels, non_blocking=True); g.replay()
            if not whole:
                for q, gr in zip(params, grads): q.grad = gr
                opt.step()
            losses.append(s_loss.clone())
        else:
            losses.append(step(ids, labels, *mask)); opt.zero_grad(set_to_none=True)
    sync(); secs = time.perf_counter() - t0
    n = len(inputs) - args.warmup
    return dict(path=path, steps=n, s_per_step=secs / n, tokens_per_s=sum(tokens[args.warmup:]) / secs,
                shapes=len({tuple(x[0].shape) for x in inputs}), capture_s=t_capture,
                losses=[float(l) for l in losses], peak_gib=torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else 0.0)

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--preset', default='smollm2-gpu'); p.add_argument('--model'); p.add_argument('--quant')
    p.add_argument('--set', nargs='*', default=[], help='more StudyConfig settings, key=value (lists: a,b)')
    p.add_argument('--rows', type=int, default=512); p.add_argument('--steps', type=int, default=30)
    p.add_argument('--warmup', type=int, default=2); p.add_argument('--bucket', type=int, default=64)
    p.add_argument('--paths', default='eager-mask,eager-causal,graph,passes')
    args = p.parse_args()
    import torch
    cfg, tok, model, batches = build(args)
    model.train()
    params = [q for q in model.parameters() if q.requires_grad]
    start = [q.detach().clone() for q in params]
    print(f'{cfg.model} {cfg.quant}, LoRA {cfg.lora_targets or "all linear"} r {cfg.lora_r}, micro-batch {cfg.batch_size}, '
          f'{len(batches)} batches, {sum(q.numel() for q in params):,} trainable in {len(params)} tensors '
          f'({params[0].dtype}), {torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"}', flush=True)
    rows = []
    def attempt(path, label):
        try: r = run_path(model, params, start, batches, cfg, path, args, tok.pad_token_id)
        except Exception as e:
            print(f'{label}: failed: {type(e).__name__}: {str(e)[:400]}\n{traceback.format_exc()[-1500:]}', flush=True)
            return None
        r['path'] = label; rows.append(r)
        print(f"{label}: {r['s_per_step']*1e3:.1f} ms/step, {r['tokens_per_s']:,.0f} tokens/s, {r['shapes']} shapes, "
              f"capture {r['capture_s']:.1f} s, peak {r['peak_gib']:.1f} GiB", flush=True)
        return r
    got = {path: attempt(path, path) for path in args.paths.split(',')}
    for m in model.modules():  # the arithmetic check: with dropout off, the graph must train exactly as eager does
        if isinstance(m, torch.nn.Dropout): m.p = 0.0
    quiet = {path: attempt(path, f'{path}, no dropout') for path in ('eager-causal', 'graph', 'passes')}
    print('\n| path | ms/step | tokens/s | vs eager-mask | shapes | capture s | peak GiB | loss step 1 | loss last |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
    ref = got.get('eager-mask')
    for r in rows:
        rel = f"{r['tokens_per_s'] / ref['tokens_per_s']:.2f}x" if ref else ''
        print(f"| {r['path']} | {r['s_per_step']*1e3:.1f} | {r['tokens_per_s']:,.0f} | {rel} | {r['shapes']} | "
              f"{r['capture_s']:.1f} | {r['peak_gib']:.1f} | {r['losses'][0]:.4f} | {r['losses'][-1]:.4f} |")
    for other in ('graph', 'passes'):
        a, b = quiet.get('eager-causal'), quiet.get(other)
        if a and b:
            d = max(abs(x - y) for x, y in zip(a['losses'], b['losses']))
            print(f'no dropout, eager-causal vs {other}: largest loss difference over {len(a["losses"])} steps {d:.2e}')
    a, b = got.get('eager-mask'), got.get('eager-causal')
    if a and b:
        d = max(abs(x - y) for x, y in zip(a['losses'], b['losses']))
        print(f'eager-mask vs eager-causal (dropout on, its own draws): largest loss difference {d:.2e}')

if __name__ == '__main__': main()
