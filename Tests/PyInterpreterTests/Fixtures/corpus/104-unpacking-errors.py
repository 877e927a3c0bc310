def show(f):
    try:
        f()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
def a():
    x, y = [1, 2, 3]
def b():
    x, y, z = [1, 2]
def c():
    x, *y, z = [1]
def d():
    x, y = 5
show(a)
show(b)
show(c)
show(d)
