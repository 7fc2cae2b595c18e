# A child given as a module that has no child_spec/1, or that does not exist, is an
# ArgumentError with Elixir's message for each case.
defmodule NoSpec do
  def hi, do: 1
end

for m <- [NoSpec, Nope] do
  try do
    Supervisor.start_link([m], strategy: :one_for_one)
  rescue
    e in ArgumentError ->
      lines = String.split(Exception.message(e), "\n")
      IO.puts(Enum.take(lines, 2) |> Enum.join(" "))
      IO.inspect({length(lines), Enum.at(lines, 26)})
  end
end
# expect: The module NoSpec was given as a child to a supervisor but it does not implement child_spec/1.
# expect: {31, "      start: {NoSpec, :start_link, [arg1, arg2]}"}
# expect: The module Nope was given as a child to a supervisor but it does not exist.
# expect: {1, nil}
