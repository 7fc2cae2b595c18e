defmodule KV.Bucket do
  def new, do: %{}
  def me, do: __MODULE__
end
IO.inspect(KV.Bucket.new())        # expect: %{}
IO.inspect(KV.Bucket.me())         # expect: KV.Bucket
