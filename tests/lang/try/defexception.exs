defmodule MyError do
  defexception message: "my default"
end
defmodule WithField do
  defexception [:value]
  @impl true
  def message(e), do: "bad value: #{inspect(e.value)}"
end
try do
  raise MyError
rescue
  e in MyError -> IO.puts(e.message)            # expect: my default
end
try do
  raise MyError, "given"
rescue
  e -> IO.puts(Exception.message(e))            # expect: given
end
try do
  raise WithField, value: 42
rescue
  e in WithField -> IO.puts(Exception.message(e))   # expect: bad value: 42
end

raise WithField, value: :x # expect error: ** (WithField) bad value: :x
