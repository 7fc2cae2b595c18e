defmodule G do
  def kind(x) when is_integer(x) and x > 0, do: :pos_int
  def kind(x) when is_integer(x), do: :int
  def kind(x) when is_binary(x) or is_atom(x), do: :text
  def kind(x) when is_list(x) and length(x) > 2, do: :long_list
  def kind(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def kind(x) when x in [1.5, 2.5], do: :special_float
  def kind(_), do: :other
end
IO.inspect(G.kind(3))          # expect: :pos_int
IO.inspect(G.kind(-3))         # expect: :int
IO.inspect(G.kind("s"))        # expect: :text
IO.inspect(G.kind(:a))         # expect: :text
IO.inspect(G.kind([1, 2, 3]))  # expect: :long_list
IO.inspect(G.kind([1]))        # expect: :other
IO.inspect(G.kind(%{}))        # expect: :empty_map
IO.inspect(G.kind(2.5))        # expect: :special_float
