# first..last//step ranges, and Enum and for over them.
IO.inspect(1..10//3)                            # expect: 1..10//3
IO.inspect(Enum.to_list(1..10//3))              # expect: [1, 4, 7, 10]
IO.inspect(Enum.to_list(10..1//-3))             # expect: [10, 7, 4, 1]
IO.inspect(Enum.map(1..9//2, &(&1 * 10)))       # expect: [10, 30, 50, 70, 90]
IO.inspect(for x <- 0..20//5, do: x)            # expect: [0, 5, 10, 15, 20]
IO.inspect(Enum.sum(1..2+3//4*2))               # expect: 1
r = 1..6//2
IO.inspect({r, 5 in r, 4 in r, Enum.count(r)})  # expect: {1..6//2, true, false, 3}
IO.inspect(Enum.reverse(0..-6//-2))             # expect: [-6, -4, -2, 0]
IO.inspect(Enum.to_list(1..5//-1))              # expect: []
step = 4
IO.inspect(Enum.to_list(0..step*3//step))       # expect: [0, 4, 8, 12]
IO.inspect(1..3//1 == 1..3)                     # expect: true
