vals = [0, 7, -7, 255, 3.14159, -2.5, 1234567.891, 0.000123]
specs = ["", "5", "<6", "^7", "+", "08.2f", ".3e", ".2%", ",", ".1f", "g", ".3g"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except ValueError as e:
            row.append("ERR")
    print(repr(v), row)
print(format(255, "x"), format(255, "#x"), format(255, "#o"), format(255, "b"), format(255, "08b"))
print(format("text", ">10"), format("text", "*<8"), format(True, ""), format(True, "d"), format(None, ""))
print(f"{'abc'!r:>8}|{3.5!s:^7}|{[1, 2]!r}")
