"""The Spider execution-accuracy metric as DeepEval test cases.

Runs offline, with `python -m pytest tests/test_deepeval_sql.py` or `deepeval test run tests/test_deepeval_sql.py`.
The metric needs no LLM: it executes the predicted and the gold SQL on the item's database (see nbs/03_sql_eval)."""
import os, sys, subprocess
from pathlib import Path
import pytest
from deepeval import assert_test
from deepeval.test_case import LLMTestCase
from tradeoff.config import mini_data_dir, shared_data_dir
from tradeoff.data import load_spider
from tradeoff.sqleval import ExecutionAccuracyMetric

MINI = mini_data_dir()/'spider'
DEV = load_spider(MINI, 'dev')
SPIDER = shared_data_dir()/'spider' if shared_data_dir() is not None else None
needs_spider = pytest.mark.skipif(SPIDER is None, reason='real Spider data not found (set TRADEOFF_DATA)')


def case(item: dict, output: str) -> LLMTestCase:
    "A test case asking `item`'s question, answered by `output`."
    return LLMTestCase(input=item['question'], actual_output=output, expected_output=item['query'],
                       additional_metadata={'db_id': item['db_id']})


@pytest.mark.parametrize('i', [0, 2, 9, 13, 20])
def test_gold_sql_in_chatty_output_passes(i):
    item = DEV[i]
    assert_test(case(item, f"Here is the query:\n```sql\n{item['query']};\n```\nIt answers the question."),
                [ExecutionAccuracyMetric(MINI)])


def test_equivalent_sql_passes():
    item = DEV[2]  # SELECT name, stadium FROM club ORDER BY founded
    assert item['query'] == 'SELECT name, stadium FROM club ORDER BY founded'
    assert_test(case(item, 'SELECT c.stadium, c.name FROM club AS c ORDER BY c.founded ASC'), [ExecutionAccuracyMetric(MINI)])


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


def test_statements_that_write_fail_without_extraction():
    metric = ExecutionAccuracyMetric(MINI, extract=False)
    for sql in ('DROP TABLE club', 'DELETE FROM club', "ATTACH 'x.sqlite' AS x"):
        with pytest.raises(AssertionError): assert_test(case(DEV[2], sql), [metric])
        metric.measure(case(DEV[2], sql))
        assert metric.reason == 'DatabaseError: not authorized'
    assert_test(case(DEV[2], DEV[2]['query']), [metric])  # the table is still there


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


def test_importing_the_module_does_not_import_deepeval():
    code = ('import sys, tradeoff.sqleval; assert "deepeval" not in sys.modules; '
            'from tradeoff.sqleval import ExecutionAccuracyMetric; assert "deepeval" in sys.modules')
    env = os.environ | {'PYTHONPATH': str(Path(__file__).resolve().parent.parent)}
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
