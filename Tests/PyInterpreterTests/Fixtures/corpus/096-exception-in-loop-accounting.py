results = {"ok": 0, "ValueError": 0, "ZeroDivisionError": 0, "KeyError": 0}
lookup = {"a": 1, "b": 0}
for token in ["a", "b", "x", "7", "0", "seven", "a"]:
    try:
        if token in lookup:
            v = 10 / lookup[token]
        elif token.isdigit():
            v = 10 / int(token)
        else:
            v = lookup[token] if len(token) == 1 else int(token)
        results["ok"] += 1
    except (ValueError, ZeroDivisionError, KeyError) as e:
        results[type(e).__name__] += 1
print(results)
