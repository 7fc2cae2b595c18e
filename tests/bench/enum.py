print(sum(map(lambda x: x * 2, range(1, 1_000_001))))
