import math
def sigmoid(z):
    return 1 / (1 + math.exp(-z))
data = [((0.0, 0.0), 0), ((0.0, 1.0), 1), ((1.0, 0.0), 1), ((1.0, 1.0), 1)]
w = [0.1, -0.2]
b = 0.0
lr = 0.5
for epoch in range(201):
    total = 0.0
    gw = [0.0, 0.0]
    gb = 0.0
    for (x1, x2), y in data:
        p = sigmoid(w[0] * x1 + w[1] * x2 + b)
        total += -(y * math.log(p) + (1 - y) * math.log(1 - p))
        gw[0] += (p - y) * x1
        gw[1] += (p - y) * x2
        gb += p - y
    w = [wi - lr * g / len(data) for wi, g in zip(w, gw)]
    b -= lr * gb / len(data)
    if epoch % 50 == 0:
        print(f"epoch {epoch:3d} loss {total / len(data):.6f}")
print("weights", [round(v, 4) for v in w], round(b, 4))
print("predictions", [round(sigmoid(w[0] * x1 + w[1] * x2 + b), 3) for (x1, x2), _ in data])
