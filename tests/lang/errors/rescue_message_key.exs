try do
  1 = 2
rescue
  e -> IO.inspect(e)    # expect: %MatchError{term: 2}
end
e = %MatchError{term: 2}
e.message # expect error: ** (KeyError) key :message not found in: %MatchError{term: 2}
