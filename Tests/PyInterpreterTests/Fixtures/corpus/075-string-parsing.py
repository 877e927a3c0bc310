log = """2018-09-17 10:00:01 INFO start run=1 lr=0.1
2018-09-17 10:05:13 WARN loss=nan step=120
2018-09-17 10:07:45 INFO done run=1 acc=0.93"""
for line in log.splitlines():
    date, time_, level, *fields = line.split()
    kv = dict(f.split("=") for f in fields if "=" in f)
    print(level, time_[:5], kv)
entries = [l.split(" ", 3) for l in log.splitlines()]
print([e[2] for e in entries], entries[-1][3])
csv = "name,score\nann,3\nbo,5\n"
rows = [r.split(",") for r in csv.strip().split("\n")]
header, body = rows[0], rows[1:]
print(header, [dict(zip(header, r)) for r in body], sum(int(r[1]) for r in body))
