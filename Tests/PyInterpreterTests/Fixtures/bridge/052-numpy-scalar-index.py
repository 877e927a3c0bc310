import numpy as np
names = ["a", "b", "c"]
scores = np.array([0.1, 0.7, 0.2])
print(names[np.argmax(scores)])
print("loss %f, step %d" % (scores.sum(), np.int64(3)))
for i in range(np.int64(2)):
    print(i)
