from collections import deque
queue = deque()
served = []
clock = 0
arrivals = {0: ["a", "b"], 1: ["c"], 3: ["d", "e", "f"], 4: []}
while clock < 8:
    for person in arrivals.get(clock, []):
        queue.append(person)
    if queue and clock % 2 == 0:
        served.append((clock, queue.popleft()))
    print(f"t={clock} queue={list(queue)}")
    clock += 1
print(served)
