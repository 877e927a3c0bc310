points = [1.0, 1.5, 2.0, 8.0, 8.5, 9.0, 20.0, 21.0]
centers = [points[0], points[3], points[6]]
for it in range(10):
    clusters = [[] for _ in centers]
    for p in points:
        best = min(range(len(centers)), key=lambda i: abs(p - centers[i]))
        clusters[best].append(p)
    new = [sum(c) / len(c) if c else centers[i] for i, c in enumerate(clusters)]
    if new == centers:
        print("converged after", it, "iterations")
        break
    centers = new
print(centers, clusters)
