import warnings
for i in range(3):
    warnings.warn("loop")
warnings.warn("loop")
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("dep", DeprecationWarning)
warnings.warn("rt", RuntimeWarning)
warnings.warn("fut", FutureWarning)
warnings.warn(UserWarning("inst"))
warnings.warn("none", None)
print("end")
