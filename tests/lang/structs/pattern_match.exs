defmodule Cat do
  defstruct [:name]
end
defmodule Dog do
  defstruct [:name]
end
defmodule Speak do
  def speak(%Cat{name: n}), do: "#{n} says meow"
  def speak(%Dog{name: n}), do: "#{n} says woof"
  def speak(%{name: n}), do: "#{n} is silent"
  def mk(:cat, n), do: %Cat{name: n}
  def mk(:dog, n), do: %Dog{name: n}
end
IO.puts(Speak.speak(Speak.mk(:cat, "Tom")))   # expect: Tom says meow
IO.puts(Speak.speak(Speak.mk(:dog, "Rex")))   # expect: Rex says woof
IO.puts(Speak.speak(%{name: "Fish"}))         # expect: Fish is silent
