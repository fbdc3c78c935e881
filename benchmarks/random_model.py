"""Save a randomly initialised model with the shape of a real one, for throughput benchmarks.

phi-2's weights cannot be downloaded on the benchmark machines, but its cost is its shape: a model built from
phi-2's configuration (2.7B parameters) with random weights runs exactly as fast. The tokenizer is borrowed from
another checkpoint (token counts differ a little from phi-2's own tokenizer; the benchmarks report tokens counted
with the tokenizer actually used).

    python benchmarks/random_model.py --arch phi2 --tokenizer DIR --out /tmp/phi2-random
    python benchmarks/random_model.py --like DIR --out /tmp/smollm2-random   # DIR's configuration and tokenizer
"""
import argparse, torch
from pathlib import Path
from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer, PhiConfig

# microsoft/phi-2's published configuration (config.json on the hub).
PHI2 = dict(vocab_size=51200, hidden_size=2560, intermediate_size=10240, num_hidden_layers=32, num_attention_heads=32,
            num_key_value_heads=32, partial_rotary_factor=0.4, max_position_embeddings=2048, rope_theta=10000.0,
            layer_norm_eps=1e-5, hidden_act='gelu_new', tie_word_embeddings=False, qk_layernorm=False)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--arch', default='phi2', choices=['phi2'])
    ap.add_argument('--like', default=None, help="a checkpoint folder (config.json and tokenizer) whose shape is copied")
    ap.add_argument('--tokenizer', default=None, help='checkpoint folder whose tokenizer is used (default: --like)')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    tok = AutoTokenizer.from_pretrained(a.tokenizer or a.like)
    cfg = (AutoConfig.from_pretrained(a.like) if a.like else
           PhiConfig(**PHI2, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id))
    assert len(tok) <= cfg.vocab_size, 'the borrowed tokenizer must fit in the embedding table'
    torch.manual_seed(0)
    with torch.device('cuda' if torch.cuda.is_available() else 'cpu'):
        model = AutoModelForCausalLM.from_config(cfg, dtype=torch.bfloat16)
    model.save_pretrained(a.out); tok.save_pretrained(a.out)
    print(f"saved {sum(p.numel() for p in model.parameters())/1e9:.2f}B-parameter random {cfg.model_type} to {Path(a.out)}")

if __name__ == '__main__': main()
