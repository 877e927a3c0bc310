import warnings
warnings.filterwarnings("ignore")
warnings.warn("hidden")
warnings.resetwarnings()
print(issubclass(UserWarning, Warning), issubclass(DeprecationWarning, Exception), RuntimeWarning.__name__)
warnings.simplefilter("error", DeprecationWarning)
try:
    warnings.warn("old", DeprecationWarning)
except DeprecationWarning as e:
    print("caught", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("old", DeprecationWarning)
try:
    warnings.warn("again", DeprecationWarning)
except DeprecationWarning as e:
    print("caught again", e)
warnings.warn("shown", UserWarning)
try:
    warnings.simplefilter("nope")
except AssertionError as e:
    print("AssertionError:", e)
print("done")
