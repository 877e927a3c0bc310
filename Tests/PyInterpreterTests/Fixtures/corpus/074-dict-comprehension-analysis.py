scores = {"alice": [90, 85, 77], "bob": [60, 75, 80], "carol": [95, 92, 99]}
avg = {k: sum(v) / len(v) for k, v in scores.items()}
print(avg)
print({k: round(v, 1) for k, v in avg.items()})
grades = {k: ("A" if v >= 90 else "B" if v >= 80 else "C") for k, v in avg.items()}
print(grades)
inverted = {}
for k, g in grades.items():
    inverted.setdefault(g, []).append(k)
print(inverted)
print(sorted(avg, key=avg.get, reverse=True), max(avg.values()) - min(avg.values()))
