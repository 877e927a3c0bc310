class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return self.x == o.x
try:
    {P(1): 1}
except TypeError as e:
    print(e)
class Q:
    pass
q = Q()
d = {q: 1}
print(d[q], Q() in d)
