# a decreasing first..last reads as step 1 (so it is empty); other negative steps raise
IO.inspect(Enum.slice([1, 2, 3], 2..0))             # expect: []
Enum.slice([1, 2, 3], Range.new(0, 2, -1))  # expect error: ** (ArgumentError) Enum.slice/2 does not accept ranges with negative steps, got: 0..2//-1
