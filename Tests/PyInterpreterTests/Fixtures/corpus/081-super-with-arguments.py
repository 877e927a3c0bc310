class Module:
    def __init__(self):
        self.training = True
        self.params = []
    def parameters(self):
        return list(self.params)
class Linear(Module):
    def __init__(self, n_in, n_out):
        super(Linear, self).__init__()
        self.params = [[0.0] * n_in for _ in range(n_out)]
        self.shape = (n_out, n_in)
class Net(Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc = Linear(3, 2)
    def __repr__(self):
        return f"Net(fc={self.fc.shape}, training={self.training})"
net = Net()
print(net, len(net.fc.parameters()), net.parameters())
