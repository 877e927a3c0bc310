def load(d):
    try:
        return d["x"]
    except KeyError:
        raise ValueError("missing x")

def run():
    try:
        load({})
    except ValueError as e:
        raise RuntimeError("run failed") from e

try:
    run()
except RuntimeError as e:
    print("caught", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print("from None", repr(e))
load({})
