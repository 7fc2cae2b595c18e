defmodule Safe do
  def safe_div(a, b) do
    try do
      {:ok, div(a, b)}
    rescue
      ArithmeticError -> :error
    end
  end
  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + (if safe_div(n, rem(n, 3)) == :error, do: 1, else: 0))
end
IO.inspect(Safe.safe_div(6, 3))     # expect: {:ok, 2}
IO.inspect(Safe.safe_div(1, 0))     # expect: :error
IO.inspect(Safe.loop(30, 0))        # expect: 10
