show = fn f ->
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
show.(fn -> raise "plain" end)                                   # expect: plain
show.(fn -> raise ArgumentError end)                             # expect: argument error
show.(fn -> raise ArgumentError, "custom" end)                   # expect: custom
show.(fn -> raise ArgumentError, message: "kw" end)              # expect: kw
show.(fn -> raise %RuntimeError{message: "struct"} end)          # expect: struct
show.(fn -> raise KeyError, key: :k, term: %{} end)              # expect: key :k not found in: %{}
