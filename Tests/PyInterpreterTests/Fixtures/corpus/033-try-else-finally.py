def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("div by zero")
        return "error"
    else:
        print("no error")
        return r
    finally:
        print("finally runs")
print(f(2))
print(f(0))
def g():
    try:
        return "try"
    finally:
        print("cleanup before return")
print(g())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
