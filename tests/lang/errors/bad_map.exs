x = 5
%{x | a: 1} # expect error: ** (BadMapError) expected a map, got: 5
