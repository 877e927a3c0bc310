# heapq and bisect: the heap's list order and the insertion points, as CPython's algorithms give.
import heapq
import bisect

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1, 4]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(3)], h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heappushpop(h, 6), h)
print(heapq.heapreplace(h, 10), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapq.heapify(data)
print(data)
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(2, words))
print(heapq.nlargest(0, words), heapq.nsmallest(10, [3, 1, 2]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])))
print(list(heapq.merge(["b", "d"], ["a", "c", "e"], key=str.upper)))
print(list(heapq.merge([9, 5, 1], [8, 4], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (2, "test"))
while tasks:
    print(heapq.heappop(tasks))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heappush((1,), 2)
except TypeError as e:
    print("TypeError:", e)

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 0))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 10)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
people = [("ann", 21), ("bob", 30), ("cy", 45)]
print(bisect.bisect_left(people, 30, key=lambda p: p[1]))
bisect.insort(people, ("dee", 33), key=lambda p: p[1])
print(people)
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
