"""Peak memory of a block of code, shared by the benchmark scripts."""
import threading
import torch


class PeakMemory:
    "Peak memory while the block runs: CUDA allocations on a GPU, else the process RSS sampled every 5 ms."
    def __init__(self, device): self.cuda, self.peak = device.type == 'cuda', 0
    def _sample(self):
        import psutil
        proc = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, proc.memory_info().rss); self._stop.wait(0.005)
    def __enter__(self):
        if self.cuda: torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
        else: self._stop = threading.Event(); self._t = threading.Thread(target=self._sample, daemon=True); self._t.start()
        return self
    def __exit__(self, *exc):
        if self.cuda: torch.cuda.synchronize(); self.peak = torch.cuda.max_memory_allocated()
        else: self._stop.set(); self._t.join()
