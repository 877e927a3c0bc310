def make_bank():
    accounts = {}
    def open_account(name, amount=0):
        accounts[name] = amount
    def transfer(src, dst, amount):
        if accounts[src] < amount:
            return False
        accounts[src] -= amount
        accounts[dst] += amount
        return True
    def report():
        return sorted(accounts.items())
    return open_account, transfer, report
open_account, transfer, report = make_bank()
open_account("a", 100)
open_account("b")
print(transfer("a", "b", 30), transfer("b", "a", 50), report())
def make_fib():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        a, b = b, a + b
        return a
    return nxt
f = make_fib()
print([f() for _ in range(10)])
