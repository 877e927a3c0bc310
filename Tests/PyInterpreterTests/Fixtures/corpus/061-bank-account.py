class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner}: balance {self.balance:.2f} < {amount:.2f}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def add_interest(self):
        self.balance *= 1 + self.interest
    def __str__(self):
        return f"{self.owner}: ${self.balance:,.2f}"
acct = Account("Ada", 100)
acct.deposit(50.5)
acct.withdraw(20)
acct.add_interest()
print(acct)
for op, amt in [("withdraw", 1000), ("deposit", -5), ("deposit", 10)]:
    try:
        getattr(acct, op)(amt)
        print("ok", op, amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, "-", e)
print(acct.history, len(acct.history))
