s = MapSet.new([3, 1, 2, 1])
IO.inspect(s)                                       # expect: MapSet.new([1, 2, 3])
IO.inspect(MapSet.new())                            # expect: MapSet.new([])
IO.inspect(MapSet.new(1..3, fn x -> x * 2 end))     # expect: MapSet.new([2, 4, 6])
IO.inspect(MapSet.put(s, 4))                        # expect: MapSet.new([1, 2, 3, 4])
IO.inspect(MapSet.delete(s, 1))                     # expect: MapSet.new([2, 3])
IO.inspect(MapSet.member?(s, 2))                    # expect: true
IO.inspect(MapSet.size(s))                          # expect: 3
IO.inspect(MapSet.to_list(s))                       # expect: [1, 2, 3]
IO.inspect(MapSet.union(s, MapSet.new([5])))        # expect: MapSet.new([1, 2, 3, 5])
IO.inspect(MapSet.intersection(s, MapSet.new([2, 3, 9])))  # expect: MapSet.new([2, 3])
IO.inspect(MapSet.difference(s, MapSet.new([2])))   # expect: MapSet.new([1, 3])
IO.inspect(MapSet.symmetric_difference(s, MapSet.new([3, 4])))  # expect: MapSet.new([1, 2, 4])
IO.inspect(MapSet.subset?(MapSet.new([1]), s))      # expect: true
IO.inspect(MapSet.disjoint?(s, MapSet.new([7])))    # expect: true
IO.inspect(MapSet.equal?(s, MapSet.new([1, 2, 3])))  # expect: true
IO.inspect(MapSet.filter(s, fn x -> x > 1 end))     # expect: MapSet.new([2, 3])
IO.inspect(Enum.map(s, fn x -> x * 10 end))         # expect: [10, 20, 30]
IO.inspect(2 in s)                                  # expect: true
IO.inspect(Enum.into([1, 2], MapSet.new()))         # expect: MapSet.new([1, 2])
MapSet.union(s, [1])  # expect error: ** (FunctionClauseError) no function clause matching in MapSet.union/2    
