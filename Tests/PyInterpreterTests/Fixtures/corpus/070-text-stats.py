import math
samples = [2.5, 3.1, 4.7, 1.2, 3.3, 5.8, 2.9, 4.0]
n = len(samples)
mean = sum(samples) / n
var = sum((x - mean) ** 2 for x in samples) / (n - 1)
std = math.sqrt(var)
srt = sorted(samples)
median = (srt[n // 2 - 1] + srt[n // 2]) / 2 if n % 2 == 0 else srt[n // 2]
print(f"n={n} mean={mean:.4f} var={var:.4f} std={std:.4f} median={median}")
print(mean, var, std)
z = [(x - mean) / std for x in samples]
print([round(v, 3) for v in z])
hist = {}
for x in samples:
    b = int(x)
    hist[b] = hist.get(b, 0) + 1
for b in sorted(hist):
    print(f"{b}-{b + 1}: {'*' * hist[b]}")
