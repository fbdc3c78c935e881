"""The package's shape, read from its source: no module imports one that imports it back (function-level imports
count: they are dependencies too), and one module, `tradeoff.runs`, writes and reads the names of evaluated models
(`r8@checkpoint-40`, `r8@alpha0.5`, `r8.s2`); every other module goes through its functions."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1]/'tradeoff'
MODULES = {p.stem: p for p in sorted(PKG.glob('*.py')) if not p.stem.startswith('_')}


def imports(path: Path) -> set[str]:
    "The package's modules that the module at `path` imports, anywhere in it."
    out = set()
    for n in ast.walk(ast.parse(path.read_text())):
        if isinstance(n, ast.ImportFrom) and n.level == 1: out.add((n.module or '').split('.')[0])
        elif isinstance(n, ast.ImportFrom) and (n.module or '').startswith('tradeoff.'): out.add(n.module.split('.')[1])
        elif isinstance(n, ast.Import): out |= {a.name.split('.')[1] for a in n.names if a.name.startswith('tradeoff.')}
    return out & {q.stem for q in path.parent.glob('*.py')} - {path.stem}

def cycles(graph: dict) -> list[list[str]]:
    "Each import circle of `graph` ({module: modules it imports}) found by a depth-first walk."
    found, state = [], {}
    def walk(u, path):
        state[u] = 'open'
        for v in sorted(graph[u]):
            if state.get(v) == 'open': found.append(path[path.index(v):] + [v])
            elif v not in state: walk(v, path + [v])
        state[u] = 'done'
    for m in sorted(graph):
        if m not in state: walk(m, [m])
    return found


def test_cycles_are_found():
    assert cycles({'a': {'b'}, 'b': {'c'}, 'c': {'a'}, 'd': {'a'}}) == [['a', 'b', 'c', 'a']]
    assert cycles({'a': {'b'}, 'b': set()}) == []


def test_no_import_circle():
    graph = {m: imports(p) for m, p in MODULES.items()}
    assert graph['config'] == set() and 'core' not in graph  # the foundations start from the config
    assert cycles(graph) == []


def tag_grammar(path: Path) -> list[str]:
    "Code in `path` that writes or reads a model tag by hand: string pieces of the grammar outside docstrings."
    tree, out = ast.parse(path.read_text()), []
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body and isinstance(n.body[0], ast.Expr)}
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs:
            if any(p in n.value for p in ('@checkpoint', '@alpha', '\\.s(')) or n.value in ('@', '.s'): out.append(n.value)
    return out


def patched_classes(path: Path) -> set[str]:
    "Classes that the module at `path` adds methods to with fastcore's `@patch` (its functions' first annotations)."
    out = set()
    for n in ast.walk(ast.parse(path.read_text())):
        if isinstance(n, ast.FunctionDef) and n.args.args and n.args.args[0].annotation is not None \
           and any('patch' in ast.unparse(d) for d in n.decorator_list):
            out.add(ast.unparse(n.args.args[0].annotation))
    return out


def test_patched_classes_are_found(tmp_path):
    (tmp_path/'m.py').write_text('@patch\ndef f(self: LM, x): pass\n@patch(as_prop=True)\ndef g(self: Other): pass\ndef h(self: LM): pass\n')
    assert patched_classes(tmp_path/'m.py') == {'LM', 'Other'}


def test_one_module_declares_the_model_interface():
    "Every method of `LM` is defined in `tradeoff.lm`: the chapters that evaluate build requests, they add no methods."
    assert {m for m, p in MODULES.items() if 'LM' in patched_classes(p)} == {'lm'}


def test_one_module_owns_the_tag_grammar():
    assert tag_grammar(MODULES['runs'])  # it is there
    assert {m: tag_grammar(p) for m, p in MODULES.items() if m != 'runs' and tag_grammar(p)} == {}
