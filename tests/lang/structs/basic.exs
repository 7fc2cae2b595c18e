defmodule User do
  defstruct [:name, age: 0, tags: []]
  def new(name), do: %User{name: name}
  def birthday(%User{age: a} = u), do: %{u | age: a + 1}
  def adult?(%__MODULE__{age: a}) when a >= 18, do: true
  def adult?(%__MODULE__{}), do: false
end
defmodule Main do
  def run do
    u = User.new("ann")
    IO.inspect(u)                                # expect: %User{name: "ann", age: 0, tags: []}
    IO.inspect(u.name)                           # expect: "ann"
    u2 = User.birthday(u)
    IO.inspect(u2.age)                           # expect: 1
    IO.inspect(%User{u2 | age: 30} |> User.adult?())   # expect: true
    IO.inspect(User.adult?(u))                   # expect: false
    %User{name: n} = u
    IO.inspect(n)                                # expect: "ann"
    IO.inspect(is_struct(u))                     # expect: true
    IO.inspect(is_struct(u, User))               # expect: true
    IO.inspect(is_map(u))                        # expect: true
    IO.inspect(u.__struct__)                     # expect: User
  end
end
Main.run()
