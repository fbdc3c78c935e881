"""The Spider execution-accuracy metric as DeepEval test cases.

Runs offline, with `python -m pytest tests/test_deepeval_sql.py` or `deepeval test run tests/test_deepeval_sql.py`.
The metric needs no LLM: it executes the predicted and the gold SQL on the item's database (see nbs/03_sql_eval).
DeepEval is an optional extra (`pip install 'tradeoff[deepeval]'`): without it these tests skip, and the metric says
how to install it. They run with the DeepEval of this environment (2.9 in the dev install) and, in
`test_with_deepeval_4`, with the newest DeepEval 4 installed into a temporary folder (skipped without PyPI)."""
import os, sys, subprocess
from pathlib import Path
import pytest
from tradeoff.config import mini_data_dir, shared_data_dir
from tradeoff.data import load_spider
try:
    from deepeval import assert_test
    from deepeval.test_case import LLMTestCase
except ImportError: assert_test = LLMTestCase = None
needs_deepeval = pytest.mark.skipif(LLMTestCase is None, reason="deepeval is an optional extra: pip install 'tradeoff[deepeval]'")
ROOT = Path(__file__).resolve().parent.parent

MINI = mini_data_dir()/'spider'
DEV = load_spider(MINI, 'dev')
SPIDER = shared_data_dir()/'spider' if shared_data_dir() is not None else None
needs_spider = pytest.mark.skipif(SPIDER is None, reason='real Spider data not found (set TRADEOFF_DATA)')


def ExecutionAccuracyMetric(*args, **kwargs):
    "The metric (importing it imports deepeval)."
    from tradeoff.sqleval import ExecutionAccuracyMetric
    return ExecutionAccuracyMetric(*args, **kwargs)


def case(item: dict, output: str):
    "A test case asking `item`'s question, answered by `output`."
    fields = getattr(LLMTestCase, 'model_fields', None) or LLMTestCase.__dataclass_fields__
    meta = 'metadata' if 'metadata' in fields else 'additional_metadata'  # DeepEval 4 renamed it
    return LLMTestCase(input=item['question'], actual_output=output, expected_output=item['query'],
                       **{meta: {'db_id': item['db_id']}})


@needs_deepeval
@pytest.mark.parametrize('i', [0, 2, 9, 13, 20])
def test_gold_sql_in_chatty_output_passes(i):
    item = DEV[i]
    assert_test(case(item, f"Here is the query:\n```sql\n{item['query']};\n```\nIt answers the question."),
                [ExecutionAccuracyMetric(MINI)])


@needs_deepeval
def test_equivalent_sql_passes():
    item = DEV[2]  # SELECT name, stadium FROM club ORDER BY founded
    assert item['query'] == 'SELECT name, stadium FROM club ORDER BY founded'
    assert_test(case(item, 'SELECT c.stadium, c.name FROM club AS c ORDER BY c.founded ASC'), [ExecutionAccuracyMetric(MINI)])


@needs_deepeval
@pytest.mark.parametrize('output, reason', [
    ('SELECT name, stadium FROM club ORDER BY founded DESC', 'the result differs from the gold result'),
    ('SELECT name, stadum FROM club', 'OperationalError: no such column: stadum'),
    ('I am sorry, I cannot answer that.', 'no SQL found in the output'),
    ('DROP TABLE club', 'no SQL found in the output'),  # extraction looks for a query
])
def test_wrong_output_fails(output, reason):
    metric = ExecutionAccuracyMetric(MINI)
    with pytest.raises(AssertionError, match='Execution Accuracy'): assert_test(case(DEV[2], output), [metric])
    metric.measure(case(DEV[2], output))
    assert (metric.score, metric.success, metric.reason) == (0.0, False, reason)


@needs_deepeval
def test_statements_that_write_fail_without_extraction():
    metric = ExecutionAccuracyMetric(MINI, extract=False)
    for sql in ('DROP TABLE club', 'DELETE FROM club', "ATTACH 'x.sqlite' AS x"):
        with pytest.raises(AssertionError): assert_test(case(DEV[2], sql), [metric])
        metric.measure(case(DEV[2], sql))
        assert metric.reason == 'DatabaseError: not authorized'
    assert_test(case(DEV[2], DEV[2]['query']), [metric])  # the table is still there


@needs_deepeval
@needs_spider
def test_real_spider_items():
    dev = load_spider(SPIDER, 'dev')
    metric = ExecutionAccuracyMetric(SPIDER)
    for item in (dev[0], dev[100], dev[500]):
        assert_test(case(item, item['query']), [metric])
    with pytest.raises(AssertionError): assert_test(case(dev[0], 'SELECT count(*) FROM stadium'), [metric])
    wta = next(it for it in dev if it['db_id'] == 'wta_1')  # missing from our copy: not evaluable, so not a pass
    metric.measure(case(wta, wta['query']))
    assert metric.reason == "not evaluable: database 'wta_1' not found"


@needs_deepeval
def test_importing_the_module_does_not_import_deepeval():
    code = ('import sys, tradeoff.sqleval; assert "deepeval" not in sys.modules; '
            'from tradeoff.sqleval import ExecutionAccuracyMetric; assert "deepeval" in sys.modules')
    env = os.environ | {'PYTHONPATH': str(ROOT)}
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr


def test_without_deepeval_the_metric_says_how_to_install():
    code = ('import sys; sys.modules["deepeval"] = None  # as where it is not installed\n'
            'from tradeoff.sqleval import ExecutionAccuracy, execution_match  # the scorer itself needs no deepeval\n'
            'from tradeoff.sqleval import ExecutionAccuracyMetric')
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=os.environ | {'PYTHONPATH': str(ROOT)})
    assert r.returncode == 1 and r.stderr.splitlines()[-1].startswith(
        "ModuleNotFoundError: ExecutionAccuracyMetric needs DeepEval, an optional extra: pip install 'tradeoff[deepeval]'"), r.stderr


DEEPEVAL_4 = ['deepeval>=4,<5', 'pydantic-settings', 'python-dotenv', 'posthog>=7,<8', 'questionary', 'pyfiglet']  # and what
# 4.x needs beyond what 2.9 brought; --no-deps: its click cap would not fit this environment's huggingface_hub


def test_with_deepeval_4(tmp_path):
    r = subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '--no-deps', '--target', str(tmp_path), *DEEPEVAL_4],
                       capture_output=True, text=True, timeout=300)
    if r.returncode: pytest.skip(f'DeepEval 4 could not be installed (no PyPI here?): {r.stderr[-300:]}')
    env = os.environ | {'PYTHONPATH': os.pathsep.join([str(tmp_path), str(ROOT)]), 'PYTEST_DISABLE_PLUGIN_AUTOLOAD': '1'}
    v = subprocess.run([sys.executable, '-c', 'import deepeval; print(deepeval.__version__)'], capture_output=True, text=True, env=env)
    assert v.stdout.startswith('4.'), v.stdout + v.stderr[-2000:]
    r = subprocess.run([sys.executable, '-m', 'pytest', '-q', '-rs', '-p', 'no:cacheprovider', __file__,
                        '-k', 'not test_with_deepeval_4 and not says_how_to_install'],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert r.returncode == 0 and ' passed' in r.stdout and 'optional extra' not in r.stdout, r.stdout[-3000:]  # none skipped for want of it
