# np.median over a whole array (odd and even counts, lists, 2-D, integers), as 2018-09-23 uses it.
import numpy as np
print(np.median([3.0, 1.0, 2.0]), np.median(np.array([4, 1, 3, 2])))
print(np.median(np.array([[0.5, 0.25], [0.125, 1.0]])), np.median([7]))
print(f"{np.median([0.0389, 0.0196, 0.0354]):.4f}", np.median(np.arange(10) * 0.1))
