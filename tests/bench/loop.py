acc = 0
n = 10_000_000
while n:
    acc += n
    n -= 1
print(acc)
