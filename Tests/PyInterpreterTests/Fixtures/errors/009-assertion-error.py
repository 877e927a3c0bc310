def check(shape):
    assert len(shape) == 2, f"expected 2-d, got {shape}"
    print("ok", shape)

check((3, 4))
check((3,))
