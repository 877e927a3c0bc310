class Model:
    def __init__(self):
        self.weights = [1, 2]

m = Model()
print(m.weights)
print(m.bias)
