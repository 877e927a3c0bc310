experiments = [
    {"name": "baseline", "acc": 0.8712, "loss": 0.3521, "epochs": 10},
    {"name": "dropout", "acc": 0.8934, "loss": 0.3012, "epochs": 12},
    {"name": "wide+bn", "acc": 0.9125, "loss": 0.2598, "epochs": 20},
]
header = f"{'experiment':<12} {'acc':>7} {'loss':>8} {'epochs':>6}"
print(header)
print("=" * len(header))
for e in experiments:
    print(f"{e['name']:<12} {e['acc']:>7.2%} {e['loss']:>8.4f} {e['epochs']:>6d}")
best = max(experiments, key=lambda e: e["acc"])
print(f"best: {best['name']} ({best['acc']:.1%}), mean loss {sum(e['loss'] for e in experiments) / 3:.3f}")
print("%-12s|%7.3f|" % ("total", sum(e["acc"] for e in experiments)))
