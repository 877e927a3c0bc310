try:
    1 / 0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    [][1]
except IndexError as e:
    print("index:", e)
try:
    {}["missing"]
except KeyError as e:
    print("key:", e, repr(e))
try:
    int("abc")
except ValueError as e:
    print("value:", e)
try:
    undefined_name
except NameError as e:
    print("name:", e)
try:
    "a" + 1
except TypeError as e:
    print("type:", e)
try:
    None.foo
except AttributeError as e:
    print("attr:", e)
try:
    raise RuntimeError("custom message")
except Exception as e:
    print(type(e).__name__, e, e.args)
