s = "Hello, World"
print(len(s), s[0], s[-1], s[2:5], s[::-1], s[::2], s[-5:], s[:-7])
print(s.upper(), s.lower(), s.swapcase(), s.title())
print("abc" + "def", "ab" * 3, 3 * "x")
print('single', "double", '''triple''', """also triple""")
print("tab\tnewline\\n", 'quote\'s', "dq\"s")
print(r"raw\n\t", "\x41\u00e9", "\101")
print("multi" "part" 'concat')
