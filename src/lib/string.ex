# string.ex: the part of String that calls ember code: String.replace/3,4 with a function as
# the replacement. The C builtin (string_search.c) finds the matches and hands over the
# pieces [before, match, before, match, ..., rest]; the function maps each match.
defmodule String do
  def __replace_fun__(pieces, fun), do: replace_pieces(pieces, fun, [])

  defp replace_pieces([before, match | rest], fun, acc), do: replace_pieces(rest, fun, [fun.(match), before | acc])
  defp replace_pieces([rest], _fun, acc), do: Enum.join(Enum.reverse([rest | acc]))
end
