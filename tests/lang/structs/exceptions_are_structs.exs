try do
  raise "boom"
rescue
  e ->
    IO.inspect(e)                             # expect: %RuntimeError{message: "boom"}
    IO.inspect(e.__struct__)                  # expect: RuntimeError
    IO.inspect(is_exception(e))               # expect: true
end
try do
  Map.fetch!(%{}, :a)
rescue
  e -> IO.inspect(e)                          # expect: %KeyError{key: :a, term: %{}, message: nil}
end
