def parse(s):
    try:
        return int(s)
    except ValueError:
        print("could not parse", s)
        raise

parse("7")
parse("x")
