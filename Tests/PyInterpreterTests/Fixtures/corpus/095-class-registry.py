registry = {}
def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls
@register
class Adam:
    def __init__(self, lr=0.001):
        self.lr = lr
    def __repr__(self):
        return f"Adam(lr={self.lr})"
@register
class SGD:
    def __init__(self, lr=0.01, momentum=0.0):
        self.lr = lr
        self.momentum = momentum
    def __repr__(self):
        return f"SGD(lr={self.lr}, momentum={self.momentum})"
def make(name, **kw):
    return registry[name](**kw)
print(sorted(registry), make("adam"), make("sgd", lr=0.1, momentum=0.9))
print(type(make("sgd")).__name__, isinstance(make("adam"), Adam))
