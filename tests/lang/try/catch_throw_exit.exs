r = try do
  throw(:ball)
catch
  :ball -> :caught
end
IO.inspect(r)                          # expect: :caught
r = try do
  throw({:value, 3})
catch
  {:value, v} -> v
end
IO.inspect(r)                          # expect: 3
r = try do
  exit(:shutdown)
catch
  :exit, reason -> {:exited, reason}
end
IO.inspect(r)                          # expect: {:exited, :shutdown}
r = try do
  raise "x"
catch
  kind, _ -> kind
end
IO.inspect(r)                          # expect: :error
