import math
from collections import Counter

def summarize(values):
    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return {"n": n, "mean": round(mean, 3), "sd": round(sd, 3),
            "min": min(values), "max": max(values)}

runs = {
    "2018-09-17": [0.81, 0.84, 0.79, 0.86],
    "2018-09-18": [0.88, 0.87, 0.90],
    "2018-09-19": [0.91, 0.93, 0.92, 0.95, 0.94],
}
for day, accs in runs.items():
    s = summarize(accs)
    bar = "#" * int(s["mean"] * 20)
    print(f"{day}  n={s['n']}  mean={s['mean']:.3f} ± {s['sd']:.3f}  {bar}")
all_accs = [a for accs in runs.values() for a in accs]
print(summarize(all_accs))
buckets = Counter(round(a, 1) for a in all_accs)
for k in sorted(buckets):
    print(f"{k:.1f}: {buckets[k]}")
best_day = max(runs, key=lambda d: sum(runs[d]) / len(runs[d]))
print("best day:", best_day, "improvement: {:+.1%}".format(
    summarize(runs[best_day])["mean"] / summarize(runs["2018-09-17"])["mean"] - 1))
