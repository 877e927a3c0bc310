def f(x):
    return (x - 3) ** 2 + 1
def grad(x):
    return 2 * (x - 3)
x = 0.0
lr = 0.1
for step in range(50):
    x -= lr * grad(x)
    if step % 10 == 0:
        print(f"step {step:2d}: x={x:.6f} f={f(x):.6f}")
print(round(x, 4), f(x))
xs = [1.0, 2.0, 3.0, 4.0, 5.0]
ys = [2.1, 3.9, 6.2, 7.8, 10.1]
w, b = 0.0, 0.0
for epoch in range(2000):
    dw = db = 0.0
    for xi, yi in zip(xs, ys):
        err = w * xi + b - yi
        dw += 2 * err * xi / len(xs)
        db += 2 * err / len(xs)
    w -= 0.01 * dw
    b -= 0.01 * db
print(f"w={w:.4f} b={b:.4f}")
loss = sum((w * xi + b - yi) ** 2 for xi, yi in zip(xs, ys)) / len(xs)
print(f"mse={loss:.6f}")
