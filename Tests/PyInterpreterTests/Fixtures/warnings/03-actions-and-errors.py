import warnings
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always")
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once")
warnings.warn("once")
warnings.resetwarnings()
warnings.simplefilter("error")
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print(type(e).__name__, e, e.args)
try:
    warnings.warn("boom")
except Warning as e:
    print(type(e).__name__, e)
for bad in [None, int, 3]:
    try:
        warnings.filterwarnings("ignore", category=bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    warnings.warn("x", int)
except Exception as e:
    print(type(e).__name__, e)
try:
    warnings.warn("x", 3)
except Exception as e:
    print(type(e).__name__, e)
print(warnings.catch_warnings().__enter__())
print("end")
