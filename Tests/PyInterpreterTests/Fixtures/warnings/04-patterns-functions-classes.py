import warnings


def check(x):
    if x < 0:
        warnings.warn("negative input %d" % x, RuntimeWarning)
    return abs(x)


class Model:
    warnings.warn("defining Model")

    def fit(self):
        warnings.warn("fit is slow")
        return self


for x in [-1, -2, -1, 3]:
    check(x)
Model().fit()
Model().fit()
warnings.filterwarnings("ignore", message="NEGATIVE")
check(-5)
warnings.filterwarnings("ignore", message=".*slow")
Model().fit()
warnings.filterwarnings("error", category=RuntimeWarning, module="__main__")
try:
    check(-7)
except RuntimeWarning as e:
    print("raised", e)
warnings.filterwarnings("always", module="other")
warnings.warn("still default")
warnings.warn("still default")
warnings.simplefilter("always", append=True)
warnings.filterwarnings("default", "", Warning, "", 36)
warnings.warn("line filter")
warnings.warn("line filter")
warnings.resetwarnings()
warnings.warn("pending shown after reset", PendingDeprecationWarning)
[warnings.warn("in comprehension %d" % i) for i in range(2)]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    check(-9)
check(-9)
print("end")
