n = int("12")
print(n)
n = int("twelve")
