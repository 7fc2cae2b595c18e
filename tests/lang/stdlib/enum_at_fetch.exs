IO.inspect(Enum.at([1, 2, 3], 0))                   # expect: 1
IO.inspect(Enum.at([1, 2, 3], -1))                  # expect: 3
IO.inspect(Enum.at([1, 2, 3], 3))                   # expect: nil
IO.inspect(Enum.at([1, 2, 3], -4))                  # expect: nil
IO.inspect(Enum.at([1, 2, 3], 5, :none))            # expect: :none
IO.inspect(Enum.at(1..1_000_000_000, 999_999_999))  # expect: 1000000000
IO.inspect(Enum.at(Range.new(10, 0, -2), 2))        # expect: 6
IO.inspect(Enum.at(%{a: 1, b: 2}, 1))               # expect: {:b, 2}
IO.inspect(Enum.fetch([1, 2], 1))                   # expect: {:ok, 2}
IO.inspect(Enum.fetch([1, 2], 2))                   # expect: :error
IO.inspect(Enum.fetch(1..3, -1))                    # expect: {:ok, 3}
IO.inspect(Enum.fetch!([:a], 0))                    # expect: :a
Enum.fetch!([1], 4)  # expect error: ** (Enum.OutOfBoundsError) out of bounds error
