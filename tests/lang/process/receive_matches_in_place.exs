# A receive matches a message where the sender put it, outside the heap, and copies it in only
# when a clause binds a part of it that is not an immediate (then that clause matches again on
# the copy). Skipped messages, bound parts, guards that build terms, whole-message bindings
# and {:EXIT, ...} messages between them must all survive the collections made here.
defmodule R do
  # builds garbage so that the heap collects between and around receives
  def churn(0, acc), do: length(acc)
  def churn(n, acc), do: churn(n - 1, [{n, [n]} | acc])

  def take_data() do
    receive do
      {:data, list} when is_list(list) -> list
    end
  end

  # the first clause binds boxed parts, then its guard fails; the second takes the message
  def two_clauses() do
    receive do
      {:pair, a, b} when a == :never -> {:first, b}
      {:pair, _a, b} -> {:second, b}
    end
  end

  def take_now() do
    receive do
      {:now, x} -> x
    end
  end

  def whole() do
    receive do
      {:w, _} = m -> m
    end
  end

  def any() do
    receive do
      m -> m
    end
  end

  def guard_builds() do
    receive do
      {:g, a, b} when {a, b} == {1, [2]} -> {:built, a, b}
      {:g, a, b} -> {:other, a, b}
    end
  end

  # a guard that raises (hd of []) fails its clause
  def guard_raises() do
    receive do
      {:h, l} when hd(l) == 1 -> {:head_one, l}
      {:h, l} -> {:no_head_one, l}
    end
  end

  def nothing() do
    receive do
      {:nothing_like_this, x} -> x
    after
      10 -> :timeout
    end
  end

  # the first clause binds more parts of the message than the second, then fails its guard;
  # when the second takes the message, the first one's bindings (dead, but in the frame's
  # registers) still point into it, and the collection in the body scans them
  def wide_then_narrow() do
    receive do
      {:wide, [a, b | c], {d, e}, f} when a == :never -> {a, b, c, d, e, f}
      {:wide, l, _, _} ->
        R.churn(3000, [])
        l
    end
  end

  def only_tag() do
    receive do
      {:work, _x} -> :tag_only
    end
  end
end

me = self()
send(me, {:data, [1, 2, 3, "four", %{five: 5}]})
R.churn(1000, [])
IO.inspect(R.take_data())                  # expect: [1, 2, 3, "four", %{five: 5}]
send(me, {:pair, [:x], {"y", [1.5]}})
IO.inspect(R.two_clauses())                # expect: {:second, {"y", [1.5]}}
for i <- 1..3, do: send(me, {:later, [i, "s#{i}"], {i}})
send(me, {:now, {"now", [1, 2]}})
R.churn(1000, [])
IO.inspect(R.take_now())                   # expect: {"now", [1, 2]}
R.churn(5000, [])
IO.inspect(R.any())                        # expect: {:later, [1, "s1"], {1}}
IO.inspect(R.any())                        # expect: {:later, [2, "s2"], {2}}
IO.inspect(R.any())                        # expect: {:later, [3, "s3"], {3}}
send(me, {:w, "whole"})
IO.inspect(R.whole())                      # expect: {:w, "whole"}
send(me, {:g, 1, [2]})
send(me, {:g, 3, [4]})
IO.inspect(R.guard_builds())               # expect: {:built, 1, [2]}
IO.inspect(R.guard_builds())               # expect: {:other, 3, [4]}
send(me, {:h, []})
send(me, {:h, [1, "one"]})
IO.inspect(R.guard_raises())               # expect: {:no_head_one, []}
IO.inspect(R.guard_raises())               # expect: {:head_one, [1, "one"]}
send(me, {:skipped, [1, 2], "bin"})
IO.inspect(R.nothing())                    # expect: :timeout
R.churn(3000, [])
IO.inspect(R.any())                        # expect: {:skipped, [1, 2], "bin"}
send(me, {:wide, [[1], "b", "c"], {"d", [2.5]}, %{f: "f"}})
IO.inspect(R.wide_then_narrow())           # expect: [[1], "b", "c"]
send(me, {:work, {"boxed", "but", "unbound"}})
IO.inspect(R.only_tag())                   # expect: :tag_only

# an {:EXIT, ...} message built in the heap behind messages matched in place and skipped
Process.flag(:trap_exit, true)
for i <- 1..3, do: send(me, {:later, [i], "x"})
pid = spawn_link(fn -> exit({:reason, [1, 2, 3], "r"}) end)
exit_msg =
  receive do
    {:EXIT, ^pid, reason} -> reason
  end
R.churn(3000, [])
IO.inspect(exit_msg)                       # expect: {:reason, [1, 2, 3], "r"}
IO.inspect(R.any())                        # expect: {:later, [1], "x"}
IO.inspect(R.any())                        # expect: {:later, [2], "x"}
IO.inspect(R.any())                        # expect: {:later, [3], "x"}

# many messages, each bound in part, with collections between
for i <- 1..200, do: send(me, {:data, [i, i * 2]})
sums =
  for _ <- 1..200 do
    l = R.take_data()
    R.churn(20, [])
    Enum.sum(l)
  end
IO.inspect(Enum.sum(sums))                 # expect: 60300

# replies from other processes, received in an order of our choosing
kids =
  for _ <- 1..20 do
    spawn(fn ->
      receive do
        {:job, from, payload} -> send(from, {:done, self(), Enum.reverse(payload)})
      end
    end)
  end
Enum.each(Enum.with_index(kids), fn {k, i} -> send(k, {:job, me, [i, "x", {i}]}) end)
res =
  for k <- Enum.reverse(kids) do
    receive do
      {:done, ^k, [{i}, "x", i]} -> i
    end
  end
IO.inspect(Enum.sum(res))                  # expect: 190
