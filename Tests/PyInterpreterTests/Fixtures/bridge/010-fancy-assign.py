import numpy as np
scores = np.arange(12, dtype=float).reshape(4, 3)
y = np.array([0, 2, 1, 0])
n = 4
print(scores[range(n), y])
scores[range(n), y] -= 1
print(scores)
scores[np.arange(n), y] = 0
print(scores)
probs = np.ones((3, 2)) / 2
probs[[0, 1, 2], [1, 0, 1]] *= 4
print(probs)
