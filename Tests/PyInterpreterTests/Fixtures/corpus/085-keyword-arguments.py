def plot(x, y=None, *, color="blue", linewidth=1.0, **style):
    parts = [f"x={x}", f"y={y}", f"color={color}", f"lw={linewidth}"]
    parts += [f"{k}={v}" for k, v in sorted(style.items())]
    return ", ".join(parts)
print(plot(1))
print(plot(1, 2, color="red"))
print(plot(x=5, linewidth=2.5, alpha=0.3, label="train"))
opts = {"color": "green", "marker": "o"}
print(plot(0, 0, **opts))
def forward(*args, **kwargs):
    return plot(*args, **kwargs)
print(forward(9, linewidth=3))
def positional_only(a, b, /, c):
    return a + b + c
print(positional_only(1, 2, c=3))
