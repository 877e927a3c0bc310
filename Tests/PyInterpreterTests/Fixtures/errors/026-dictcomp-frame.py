names = ["a", "b"]
scores = {"a": 1}
table = {n: scores[n] for n in names}
