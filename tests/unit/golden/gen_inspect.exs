# Generates inspect_cases.inc for tests/unit/test_inspect.c: each case is a term in Erlang's
# external term format (hex) and the text Elixir 1.14 prints for it with inspect/1,
# IO.inspect (width 80) and IO.inspect with limit: 5. Maps stay within 32 keys: past that BEAM
# iterates in hash order, which ember (key order) does not reproduce.
#   elixir tests/unit/golden/gen_inspect.exs > tests/unit/golden/inspect_cases.inc
import Bitwise

defmodule Point do
  defstruct [:y, :x]
end

defmodule User do
  defstruct name: "", age: 0, tags: []
end

defmodule Gen do
  def c_string(bin) do
    body =
      for <<b <- bin>>, into: "" do
        cond do
          b == ?" -> "\\\""
          b == ?\\ -> "\\\\"
          b == ?\n -> "\\n"
          b == ?? -> "\\?"
          b >= 32 and b < 127 -> <<b>>
          true -> "\\" <> String.pad_leading(Integer.to_string(b, 8), 3, "0")
        end
      end

    "\"" <> body <> "\""
  end

  def atom do
    Enum.random([:ok, :error, :a, :b, :foo_bar, :"with space", :Elixir, Foo, Foo.Bar, nil, true, false, :+, :"1x", :é])
  end

  def leaf do
    case :rand.uniform(7) do
      1 -> :rand.uniform(2000) - 1000
      2 -> :rand.uniform() * 100
      3 -> atom()
      4 -> Enum.random(["", "hello", "a longer string with some words in it", "quo\"te", "tab\t", <<1, 2, 3>>, "é😀"])
      5 -> Enum.random(['abc', [], 'x y'])
      6 -> :rand.uniform(1 <<< 62)
      7 -> Enum.random([1.0e20, 0.1, -2.5])
    end
  end

  def term(0), do: leaf()

  def term(d) do
    n = Enum.random([0, 1, 2, 3, 5, 8, 13])
    case :rand.uniform(6) do
      1 -> for _ <- 1..n//1, do: term(d - 1)
      2 -> List.to_tuple(for _ <- 1..n//1, do: term(d - 1))
      3 -> Map.new(for _ <- 1..n//1, do: {leaf(), term(d - 1)})
      4 -> Map.new(for _ <- 1..n//1, do: {atom(), term(d - 1)})
      5 -> for _ <- 1..n//1, do: {atom(), term(d - 1)}
      6 -> leaf()
    end
  end
end

fixed = [
  Enum.to_list(1..40),
  Enum.to_list(1..100),
  %{a: Enum.to_list(1..30), b: "x", c: {1, 2}},
  [%{a: 1, bbbbbbbbbbbbbbbbbbbbbbbbbbbb: 2}, %{a: 1, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: 2}],
  %{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" => String.duplicate("b", 90)},
  [a: 1, b: String.duplicate("c", 67)],
  [a: 1, b: String.duplicate("c", 68)],
  struct(Point, x: 1, y: 2),
  struct(User, name: "Ann", age: 41, tags: Enum.map(1..20, &"tag#{&1}")),
  %RuntimeError{message: "boom"},
  %RuntimeError{message: String.duplicate("x", 90)},
  %ArgumentError{message: "bad"},
  %{__struct__: Nope, a: 1},
  List.duplicate(?a, 5000),
  List.duplicate(?a, 4096) ++ [0],
  List.duplicate(?a, 4097) ++ [0],
  String.duplicate("a", 5000),
  String.duplicate("a", 4096) <> <<0>>,
  String.duplicate("é", 4097),
  <<0::size(800)>>,
  {1, [2, 3 | 4], %{}, {}, [[]], ''},
  Map.new(1..32, &{&1, &1 * &1}),
  Map.new(1..10, &{:"key#{&1}", String.duplicate("v", &1 * 3)}),
  List.duplicate({:ok, "some text here"}, 10),
  [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
  [1 | [2 | [3 | :tail]]],
  [String.duplicate("x", 40) | String.duplicate("y", 40)],
  {String.duplicate("x", 40), String.duplicate("y", 40), String.duplicate("z", 40)},
  [{:a, 1} | 3],
  [{Foo, 1}, {:b, 2}],
  %{1 => :a, 1.0 => :b, "1" => :c, [1] => :d, {1} => :e, :a => :f},
  [{:"a b", 1}, {:+, 2}, {:nil, 3}],
  -0.0,
  [1..10, 10..1, 1..10//2, 5..1//1, 1..1, -3..-1, MapSet.new([3, 1, 2]), MapSet.new(), MapSet.new([:a, "b", {1}])],
  %{r: 1..2, s: MapSet.new(1..30)},
  [1..2, 3..4],
  MapSet.new([{:a, 1}, {:b, 2}]),
  MapSet.new([97, 98]),
  MapSet.new(Enum.to_list(1..10)),
  %{__struct__: Range, first: 1, last: :x, step: 1}
]

:rand.seed(:exsss, {7, 8, 9})
random =
  Stream.repeatedly(fn -> Gen.term(:rand.uniform(4)) end)
  |> Stream.filter(&(byte_size(:erlang.term_to_binary(&1)) < 1500))
  |> Enum.take(250)

for t <- fixed ++ random do
  hex = Base.encode16(:erlang.term_to_binary(t))
  plain = inspect(t)
  pretty = Inspect.Algebra.format(Inspect.Algebra.group(Inspect.Algebra.to_doc(t, %Inspect.Opts{width: 80})), 80) |> IO.iodata_to_binary()
  short = Inspect.Algebra.format(Inspect.Algebra.group(Inspect.Algebra.to_doc(t, %Inspect.Opts{width: 80, limit: 5})), 80) |> IO.iodata_to_binary()
  IO.puts("    {\"#{hex}\",\n     #{Gen.c_string(plain)},\n     #{Gen.c_string(pretty)},\n     #{Gen.c_string(short)}},")
end
