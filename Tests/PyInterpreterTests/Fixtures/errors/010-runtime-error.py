raise RuntimeError("shapes (2, 3) and (4, 5) not aligned")
