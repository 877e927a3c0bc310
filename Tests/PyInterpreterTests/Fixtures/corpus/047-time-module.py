import time
t0 = time.time()
p0 = time.perf_counter()
total = sum(range(10000))
elapsed = time.perf_counter() - p0
print(total, elapsed >= 0, time.time() >= t0, type(elapsed).__name__)
