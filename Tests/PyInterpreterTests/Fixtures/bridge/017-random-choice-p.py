import numpy as np
np.random.seed(1)
p = np.array([0.1, 0.2, 0.3, 0.4])
print(np.random.choice(4, size=10, p=p))
print(np.random.choice(np.array([10, 20, 30]), size=4))
print(np.random.permutation(np.arange(6) * 2))
print(0.01 * np.random.randn(3, 2))
