s = "tab\there\nnewline \\ backslash \"quote\" 'single'"
print(s)
print(repr(s))
print(len("naïve"), "naïve".upper(), "ÉCOLE".lower(), "straße".upper())
print("\u03b1\u03b2\u03b3", "skip", chr(945), ord("β"))
print("emoji: \U0001F600", len("\U0001F600"))
print(r"C:\path\to\file", r"\d+\.\d*", "a\\b")
print("""triple "quoted" text
spanning lines""")
print('it\'s', "say \"hi\"", '\x41\x42', "\101\102")
text = "héllo wörld"
print(text[1], text[-2:], text.split("ö"), text.encode if False else text.title())
