class Layer:
    count = 0
    def __init__(self, name):
        Layer.count += 1
        self.name = name
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return self.forward(x)
    def forward(self, x):
        raise NotImplementedError(type(self).__name__)
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, calls={self.calls})"
class Scale(Layer):
    def __init__(self, k):
        super().__init__(f"scale{k}")
        self.k = k
    def forward(self, x):
        return [v * self.k for v in x]
class Shift(Layer):
    def __init__(self, b):
        super().__init__("shift")
        self.b = b
    def forward(self, x):
        return [v + self.b for v in x]
class Sequential(Layer):
    def __init__(self, *layers):
        super().__init__("seq")
        self.layers = layers
    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
model = Sequential(Scale(2), Shift(1), Scale(0.5))
print(model([1, 2, 3]), model([0]))
print(model, list(model.layers), Layer.count)
try:
    Layer("abstract")([1])
except NotImplementedError as e:
    print("NotImplementedError:", e)
