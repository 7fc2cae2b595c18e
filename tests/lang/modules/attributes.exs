defmodule Cfg do
  @moduledoc "Configuration"
  @default 10
  @twice @default * 2
  @doc "the default"
  def default, do: @default
  def twice, do: @twice
  @default 99
  def changed, do: @default
  def list, do: @items
  @items [:a, :b]
  def items, do: @items
end
IO.inspect(Cfg.default())     # expect: 10
IO.inspect(Cfg.twice())       # expect: 20
IO.inspect(Cfg.changed())     # expect: 99
IO.inspect(Cfg.items())       # expect: [:a, :b]
