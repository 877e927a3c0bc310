errors = [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, AttributeError, NameError]
for E in errors:
    print(E.__name__, issubclass(E, Exception), issubclass(E, ArithmeticError), issubclass(E, LookupError))
print(issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
def classify(f):
    try:
        f()
    except ArithmeticError as e:
        return "arith: " + str(e)
    except LookupError as e:
        return "lookup: " + repr(e)
    except Exception as e:
        return "other: " + type(e).__name__
    return "fine"
print(classify(lambda: 1 / 0))
print(classify(lambda: [][0]))
print(classify(lambda: {}[1]))
print(classify(lambda: int("x")))
print(classify(lambda: 1))
try:
    raise ValueError("a", 2)
except ValueError as e:
    print(e, e.args)
