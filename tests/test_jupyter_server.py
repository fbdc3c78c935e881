"""The notebooks in JupyterLab: a real `jupyter server` runs them through a kernel it starts.

The test starts `jupyter server` on a free localhost port with token auth, starts a kernel through the REST API
(`/api/kernels`), and sends the code cells of `nbs/index.ipynb` one by one over the kernel's websocket (the channel
JupyterLab uses), top to bottom as a reader would, then checks the outputs: no errors, the headline table (every model of the GPU study) and its figure.
It also runs a chapter's setup cell there, which must do nothing where tradeoff is installed. Skipped where
jupyter_server or websocket-client is not installed."""
import json, os, socket, subprocess, sys, tempfile, time, uuid, urllib.request
from pathlib import Path
import pytest

pytest.importorskip('jupyter_server', reason='jupyter_server is not installed (pip install jupyterlab)')
websocket = pytest.importorskip('websocket', reason='websocket-client is not installed (it comes with jupyter_server)')

NBS = Path(__file__).resolve().parents[1]/'nbs'
TIMEOUT = 50  # seconds for the whole notebook


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]


class Server:
    "A `jupyter server` subprocess on localhost, with a token, and a small client for its REST API."
    def __init__(self, root: Path):
        self.port, self.token, self.tmp = free_port(), uuid.uuid4().hex, tempfile.TemporaryDirectory()
        env = {**os.environ, 'JUPYTER_RUNTIME_DIR': self.tmp.name, 'JUPYTER_CONFIG_DIR': self.tmp.name,
               'PYTHONPATH': os.pathsep.join([str(NBS.parent)] + ([os.environ['PYTHONPATH']] if os.environ.get('PYTHONPATH') else []))}
        self.proc = subprocess.Popen([sys.executable, '-m', 'jupyter_server', '--no-browser', '--allow-root', '--ip=127.0.0.1',
                                      f'--port={self.port}', '--ServerApp.port_retries=0', f'--IdentityProvider.token={self.token}',
                                      f'--ServerApp.root_dir={root}'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(300):
            if self.proc.poll() is not None: raise RuntimeError(f'jupyter server exited: {self.proc.stderr.read().decode()[-2000:]}')
            try: self.api('GET', 'status'); return
            except OSError: time.sleep(0.1)
        raise TimeoutError('jupyter server did not answer in 30 s')

    def api(self, method: str, path: str, body: dict|None = None):
        req = urllib.request.Request(f'http://127.0.0.1:{self.port}/api/{path}', method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={'Authorization': f'token {self.token}', 'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=10) as r: return json.loads(r.read() or b'null')

    def stop(self):
        self.proc.terminate()
        try: self.proc.wait(10)
        except subprocess.TimeoutExpired: self.proc.kill(); self.proc.wait()
        self.proc.stderr.close(); self.tmp.cleanup()


class Kernel:
    "A kernel of the server, driven over its websocket channel with Jupyter messages."
    def __init__(self, server: Server):
        self.server, self.session = server, uuid.uuid4().hex
        self.id = server.api('POST', 'kernels', {'name': 'python3', 'path': ''})['id']
        self.ws = websocket.create_connection(f'ws://127.0.0.1:{server.port}/api/kernels/{self.id}/channels?session_id={self.session}',
                                              header=[f'Authorization: token {server.token}'], timeout=TIMEOUT)

    def execute(self, code: str) -> tuple[str, list]:
        "Run `code`; its reply status and its outputs (iopub messages: stream, display_data, execute_result, error)."
        mid = uuid.uuid4().hex
        self.ws.send(json.dumps(dict(channel='shell', buffers=[], metadata={}, parent_header={},
            header=dict(msg_id=mid, msg_type='execute_request', session=self.session, username='test', version='5.3'),
            content=dict(code=code, silent=False, store_history=True, user_expressions={}, allow_stdin=False, stop_on_error=True))))
        status, outputs, idle = None, [], False
        while status is None or not idle:
            m = json.loads(self.ws.recv())
            if m.get('parent_header', {}).get('msg_id') != mid: continue
            if m['channel'] == 'shell' and m['msg_type'] == 'execute_reply': status = m['content']['status']
            elif m['msg_type'] == 'status': idle = m['content']['execution_state'] == 'idle'
            elif m['msg_type'] in ('stream', 'display_data', 'execute_result', 'error'): outputs.append(m)
        return status, outputs

    def shutdown(self):
        self.ws.close(); self.server.api('DELETE', f'kernels/{self.id}')


@pytest.fixture(scope='module')
def kernel():
    server = Server(NBS)
    try:
        k = Kernel(server)
        try: yield k
        finally: k.shutdown()
        assert server.api('GET', 'kernels') == []
    finally: server.stop()


def code_cells(name: str) -> list[str]:
    return [''.join(c['source']) for c in json.loads((NBS/name).read_text())['cells'] if c['cell_type'] == 'code']


def test_index_runs_in_a_server_kernel(kernel):
    t0, outs = time.time(), []
    for src in code_cells('index.ipynb'):
        status, o = kernel.execute(src)
        errors = [m['content'] for m in o if m['msg_type'] == 'error']
        assert status == 'ok' and not errors, f"cell failed:\n{src}\n{errors}"
        outs += o
    data = [m['content']['data'] for m in outs if m['msg_type'] in ('display_data', 'execute_result')]
    assert any('image/png' in d for d in data), 'no figure'
    assert any('Spider dev, execution %' in d.get('text/markdown', '') for d in data), 'no headline table'
    assert any('| preset' in d.get('text/markdown', '') for d in data), 'no preset table'
    status, o = kernel.execute('import os; print(os.getcwd())')
    assert Path(o[0]['content']['text'].strip()) == NBS  # the kernel runs where JupyterLab would start it
    assert time.time() - t0 < TIMEOUT


def test_setup_cell_is_a_no_op_where_tradeoff_is_installed(kernel):
    cells = json.loads((NBS/'01_baseline.ipynb').read_text())['cells']
    setup = next(''.join(c['source']) for c in cells if 'skip-execution' in c['metadata'].get('tags', []))
    status, outputs = kernel.execute(setup)
    assert (status, outputs) == ('ok', [])
