# NumPy's dot takes ddot/gemv for row and column operands and gemm otherwise; its reductions sum
# in memory order (pairwise along a contiguous run, one row at a time across rows). The last
# bits printed here differ when the engine adds in another order, which long training loops in
# the journal's entries amplify into visible digits.
import numpy as np

r = np.random.RandomState(0)
A = r.randn(50, 20)
B = r.randn(20, 50)
col = r.randn(20, 1)
row = r.randn(1, 50)
v = r.randn(20)
print("matrix @ column", [repr(float(x)) for x in A.dot(col)[:3, 0]])
print("transposed matrix @ column", [repr(float(x)) for x in B.T.dot(col)[:3, 0]])
print("row @ matrix", [repr(float(x)) for x in row.dot(A)[0, :3]])
print("matrix @ vector", repr(float(A.dot(v)[3])), "vector @ matrix", repr(float(v.dot(B)[4])))
print("vector . vector", repr(float(v.dot(B[:, 7]))), repr(float(np.dot(B[:, 2], v))))
print("row . column", repr(float(B[3:4, :20].dot(col)[0, 0])))
print("column @ row", repr(float(col.dot(row)[2, 5])))
print("gemm", repr(float(A.dot(B)[3, 4])), repr(float(B.T.dot(A.T)[1, 2])))

m = r.randn(20, 3)
print("axis 0", [repr(float(x)) for x in m.sum(axis=0)])
print("transposed, axis 1", [repr(float(x)) for x in m.T.sum(axis=1)])
tall = r.randn(300, 1)
print("column, axis 0", repr(float(tall.sum(axis=0)[0])), repr(float(tall.mean(axis=0)[0])))
print("all", repr(float(tall.sum())), repr(float(m.T.sum())))
wide = r.randn(3, 300)
print("rows, axis 1", [repr(float(x)) for x in wide.sum(axis=1)])
print("transposed rows, axis 0", [repr(float(x)) for x in wide.T.sum(axis=0)])
cube = r.randn(4, 5, 6)
print("3-D", repr(float(cube.sum(axis=(0, 1))[2])), repr(float(cube.transpose(2, 0, 1).sum(axis=0)[1, 1])))
