class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
try:
    raise NotFound("file")
except AppError as e:
    print(type(e).__name__, e, e.what, isinstance(e, Exception))
try:
    raise AppError
except AppError as e:
    print("bare class raised:", repr(e), str(e) == "")
def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    return v
for v in [1, -1]:
    try:
        print(check(v))
    except (TypeError, ValueError) as e:
        print("caught", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("re-raised", e)
try:
    raise KeyError("k")
except LookupError as e:
    print("lookup", repr(e))
class WithArgs(Exception):
    pass
e = WithArgs(1, 2)
print(e.args, str(e))
