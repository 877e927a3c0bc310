def tokenize(expr):
    tokens = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(expr) and (expr[j].isdigit() or expr[j] == "."):
                j += 1
            tokens.append(float(expr[i:j]) if "." in expr[i:j] else int(expr[i:j]))
            i = j
        else:
            tokens.append(ch)
            i += 1
    return tokens
def evaluate(tokens):
    pos = 0
    def expr():
        nonlocal pos
        v = term()
        while pos < len(tokens) and tokens[pos] in "+-":
            op = tokens[pos]; pos += 1
            v = v + term() if op == "+" else v - term()
        return v
    def term():
        nonlocal pos
        v = factor()
        while pos < len(tokens) and tokens[pos] in ("*", "/"):
            op = tokens[pos]; pos += 1
            v = v * factor() if op == "*" else v / factor()
        return v
    def factor():
        nonlocal pos
        t = tokens[pos]; pos += 1
        if t == "(":
            v = expr(); pos += 1
            return v
        if t == "-":
            return -factor()
        return t
    return expr()
for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1.5", "-(2 + 3) * 2", "2 * (3 + (4 - 1)) / 3"]:
    print(e, "=", evaluate(tokenize(e)))
