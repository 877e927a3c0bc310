# The float ufuncs beside the first ones, and trunc. Printed to 10 digits: float64 results may
# differ from NumPy's vectorised loops in the last bit.
import numpy as np

np.set_printoptions(precision=10)
x = np.array([-0.9, -0.25, 0.0, 0.5, 0.75])
for f in [np.arcsin, np.arccos, np.arctan, np.sinh, np.cosh, np.arcsinh, np.arctanh, np.exp2,
          np.degrees, np.radians, np.deg2rad, np.rad2deg, np.fabs, np.cbrt]:
    print(f.__name__, f(x), f(x.astype(np.float32)).dtype)
print(np.arccosh([1.0, 2.0, 10.0]))
print(np.trunc([-1.7, -0.2, 2.5, 3.0]), np.trunc(np.arange(-2, 2)), np.trunc(np.float32(-2.5)))
print(np.arctan2([1.0, -1.0, 0.0], [0.5, 2.0, -1.0]), np.arctan2(np.float32([1.5]), 2.0).dtype)
print(np.hypot(3, 4), np.hypot(np.arange(3), 2), np.copysign([1, 2, -3], -1.0))
print(np.copysign(2.0, [-0.0, 0.0]), np.logaddexp(1.0, 2.0), np.logaddexp([0.0, -np.inf], 0.0))
print(np.logaddexp2(1.0, 3.0), np.logaddexp2(np.float32(1), np.float32(3)))
print(np.degrees(np.pi), np.radians(180), np.arcsin(np.float32(0.5)))
out = np.zeros(3)
np.arctan2([1, 2, 3], 1, out=out)
print(out)
Z = np.random.RandomState(0).uniform(-10, 10, 5)
print(np.copysign(np.ceil(np.abs(Z)), Z))
