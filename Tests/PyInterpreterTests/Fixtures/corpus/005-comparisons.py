print(1 < 2, 2 < 1, 1 == 1.0, 1 != 2, "a" < "b", [1, 2] < [1, 3])
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print((1, 2) == (1, 2), [1] == [1], {1: 2} == {1: 2}, {1, 2} == {2, 1})
x = 1
print(None is None, x is not None, [] is [], "abc" == "abc")
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", 1 in {1: 2})
print(True == 1, False == 0, True + True)
