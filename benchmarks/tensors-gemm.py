"""NumPy side of benchmarks/tensors-gemm.sh: same measurements, same output format."""
import time

import numpy as np


def measure(reps, body, rounds=3):
    """Best mean wall and CPU (process, all threads) time per call, as 'wall cpu'."""
    body()
    best = best_cpu = float("inf")
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(reps):
            body()
        best = min(best, (time.perf_counter() - t0) / reps)
        best_cpu = min(best_cpu, (time.process_time() - c0) / reps)
    return f"{best} {best_cpu}"


def filled(n, dtype):
    v = (np.arange(n * n) * 7919 % 1000) / 1000 - 0.5
    return v.reshape(n, n).astype(dtype)


for name, dtype in [("sgemm", np.float32), ("dgemm", np.float64)]:
    for n, reps in [(64, 2000), (256, 100), (1024, 4)]:
        a, b = filled(n, dtype), filled(n, dtype)
        print(f"{name}-{n} {measure(reps, lambda: a @ b)}")
x = np.ones(10, dtype=np.float32)
y = np.ones(10, dtype=np.float32)
print(f"add10-forward {measure(200_000, lambda: x + y)}")
