# Receive clauses with guards and pinned variables: the oldest message matching any clause wins.
defmodule R do
  def take(want) do
    receive do
      {:n, x} when x > 10 -> {:big, x}
      {:k, ^want} -> {:pinned, want}
    after
      0 -> :none
    end
  end
end

send(self(), {:n, 5})
send(self(), {:k, :other})
send(self(), {:k, :mine})
send(self(), {:n, 50})
IO.inspect(R.take(:mine))                            # expect: {:pinned, :mine}
IO.inspect(R.take(:mine))                            # expect: {:big, 50}
IO.inspect(R.take(:mine))                            # expect: :none
IO.inspect(Process.info(self(), :message_queue_len)) # expect: {:message_queue_len, 2}
