assert True
assert 1 + 1 == 2, "math"
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("assertion:", e)
try:
    assert False
except AssertionError as e:
    print("empty assertion:", repr(e))
