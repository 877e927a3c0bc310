import numpy as np
try:
    np.ones(3) + np.ones(4)
except ValueError as e:
    print("ValueError", e)
try:
    np.arange(6).reshape(4, 2)
except ValueError as e:
    print("ValueError", e)
try:
    np.ones((2, 3)) @ np.ones((2, 3))
except ValueError as e:
    print("ValueError", e)
try:
    np.zeros(3)[5]
except IndexError as e:
    print("IndexError", e)
try:
    if np.array([1, 2]):
        pass
except ValueError as e:
    print("ValueError", e)
