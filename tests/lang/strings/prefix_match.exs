defmodule Cmd do
  def parse("say " <> words), do: {:say, words}
  def parse("quit"), do: :quit
  def parse(_), do: :unknown
end
IO.inspect(Cmd.parse("say hi there"))         # expect: {:say, "hi there"}
IO.inspect(Cmd.parse("quit"))                 # expect: :quit
IO.inspect(Cmd.parse("jump"))                 # expect: :unknown
