print(hash(3.5), hash(-2.25), hash(1e100), hash(0.1), hash(-1), hash(2**62))
