"""NumPy side of benchmarks/tensors-spiral.sh: the CS231n two-layer network on the spiral data
(300 points, 100 hidden units, float64, full batch), with deterministic data and weights so the
Swift run can be checked against the same final loss."""
import sys
import time

import numpy as np

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
N, D, K, h = 100, 2, 3, 100
X = np.zeros((N * K, D))
y = np.zeros(N * K, dtype=np.int64)
for j in range(K):
    r = np.linspace(0.0, 1, N)
    t = np.linspace(j * 4, (j + 1) * 4, N) + np.sin(np.arange(N) * 12.9898 + j) * 0.2
    X[j * N:(j + 1) * N] = np.c_[r * np.sin(t), r * np.cos(t)]
    y[j * N:(j + 1) * N] = j
W = 0.01 * np.sin(np.arange(D * h) * 0.7).reshape(D, h)
b = np.zeros((1, h))
W2 = 0.01 * np.cos(np.arange(h * K) * 0.3).reshape(h, K)
b2 = np.zeros((1, K))
step_size, reg = 1e-0, 1e-3
num_examples = X.shape[0]
t0, c0 = time.perf_counter(), time.process_time()
for i in range(steps):
    hidden_layer = np.maximum(0, np.dot(X, W) + b)
    scores = np.dot(hidden_layer, W2) + b2
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    correct_logprobs = -np.log(probs[range(num_examples), y])
    data_loss = np.sum(correct_logprobs) / num_examples
    reg_loss = 0.5 * reg * np.sum(W * W) + 0.5 * reg * np.sum(W2 * W2)
    loss = data_loss + reg_loss
    dscores = probs
    dscores[range(num_examples), y] -= 1
    dscores /= num_examples
    dW2 = np.dot(hidden_layer.T, dscores)
    db2 = np.sum(dscores, axis=0, keepdims=True)
    dhidden = np.dot(dscores, W2.T)
    dhidden[hidden_layer <= 0] = 0
    dW = np.dot(X.T, dhidden)
    db = np.sum(dhidden, axis=0, keepdims=True)
    dW2 += reg * W2
    dW += reg * W
    W += -step_size * dW
    b += -step_size * db
    W2 += -step_size * dW2
    b2 += -step_size * db2
elapsed = time.perf_counter() - t0
print(f"spiral-step {elapsed / steps} {(time.process_time() - c0) / steps}")
print(f"final-loss {loss!r}")
