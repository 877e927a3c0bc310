def risky(n):
    results = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            results.append(10 // (i - 2))
        except ValueError as e:
            results.append(f"V{e}")
        except ZeroDivisionError:
            results.append("Z")
        else:
            results.append("ok")
        finally:
            results.append("|")
    return results
print(risky(6))
def nested():
    try:
        try:
            {}["x"]
        except KeyError:
            raise ValueError("converted")
    except ValueError as e:
        return str(e)
print(nested())
def finally_overrides():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally wins"
print(finally_overrides())
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("iteration", count)
print("done", count)
