defmodule Outer do
  defmodule Inner do
    def hi, do: :inner
  end
  def call_inner, do: Inner.hi()
  def name, do: __MODULE__
end
IO.inspect(Outer.Inner.hi())       # expect: :inner
IO.inspect(Outer.call_inner())     # expect: :inner
IO.inspect(Outer.name())           # expect: Outer
IO.inspect(Outer.Inner)            # expect: Outer.Inner
