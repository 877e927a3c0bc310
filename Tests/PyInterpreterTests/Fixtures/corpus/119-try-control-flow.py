def scan(items):
    out = []
    for x in items:
        try:
            if x is None:
                continue
            if x < 0:
                break
            out.append(10 // x)
        except ZeroDivisionError:
            out.append("inf")
            continue
        finally:
            out.append(".")
    return out
print(scan([1, 2, 0, None, 5, -1, 7]))
def early():
    for i in range(3):
        try:
            return i
        finally:
            print("finally", i)
print(early())
def nested_finally():
    log = []
    try:
        try:
            log.append("inner")
            raise KeyError("k")
        finally:
            log.append("inner-finally")
    except KeyError:
        log.append("handled")
    finally:
        log.append("outer-finally")
    return log
print(nested_finally())
