counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def reads_global():
    return counter * 10
print(reads_global())
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
