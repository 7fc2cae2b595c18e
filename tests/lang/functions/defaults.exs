defmodule D do
  def greet(name, greeting \\ "Hello", punct \\ "!") do
    greeting <> ", " <> name <> punct
  end
  def mid(a, b \\ :b, c), do: {a, b, c}
end
IO.puts(D.greet("Ann"))                 # expect: Hello, Ann!
IO.puts(D.greet("Bob", "Hi"))           # expect: Hi, Bob!
IO.puts(D.greet("Cy", "Yo", "?"))       # expect: Yo, Cy?
IO.inspect(D.mid(1, 3))                 # expect: {1, :b, 3}
IO.inspect(D.mid(1, 2, 3))              # expect: {1, 2, 3}
