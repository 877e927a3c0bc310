# Method calls, attribute access, dicts and strings: a small simulation.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0 or self.x > 100:
            self.v = -self.v


particles = [Particle(i * 1.5, (i % 7) - 3.0) for i in range(200)]
counts = {}
for t in range(300):
    for p in particles:
        p.step(0.1)
    key = str(int(particles[t % 200].x) // 10)
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))
print(round(sum(p.x for p in particles), 6))
