defmodule GF do
  def t(x) when tuple_size(x) == 2, do: :pair
  def t(x) when is_list(x) and tl(x) == [], do: :singleton
  def t(x) when is_integer(x) and abs(x) > 100, do: :huge
  def t(x) when is_integer(x) and div(x, 10) == 5, do: :fifties
  def t(x) when is_integer(x) and rem(x, 2) == 0, do: :even
  def t(x) when x in 1..9, do: :digit
  def t(x) when is_float(x) and x >= 0.5, do: :big_float
  def t(x) when not is_atom(x), do: :not_atom
  def t(_), do: :atom
end
IO.inspect(GF.t({1, 2}))     # expect: :pair
IO.inspect(GF.t([1]))        # expect: :singleton
IO.inspect(GF.t(-500))       # expect: :huge
IO.inspect(GF.t(55))         # expect: :fifties
IO.inspect(GF.t(8))          # expect: :even
IO.inspect(GF.t(7))          # expect: :digit
IO.inspect(GF.t(0.75))       # expect: :big_float
IO.inspect(GF.t("s"))        # expect: :not_atom
IO.inspect(GF.t(:a))         # expect: :atom
