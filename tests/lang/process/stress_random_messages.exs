# Stress: 100,000 processes exchange random messages while some of them are killed, die through
# links, or are monitored; the program checks itself.
#
# Worker ids 0..99,999 (the argument, when given, sets another count). A worker whose id ends
# in 0 is a victim: it spawn_links a partner, sends "noise" to random targets and is killed
# (Process.exit(pid, :kill)) by survivor id+3 at a random point of that survivor's sends; its
# partner then dies through the link. Every other worker is a
# survivor: it sends numbered messages {:msg, from_id, seq} to random targets, seq counting 1, 2,
# 3... per (sender, receiver) pair. Survivors ending in 5 trap exits and link to the partner of
# victim id-5; survivors ending in 7 monitor victim id-7. Each must see exactly one {:EXIT, ...}
# or {:DOWN, ...} with reason :killed or :noproc (if it got there after the death).
#
# sanitizer-args: 10000
#
# Checks: every survivor sees each sender's seq numbers consecutively (no loss,
# duplicate or reordering); each survivor receives exactly the number of messages sent to it
# (the collector tells it the count, summed from the senders' reports, and it then checks no
# extra one is queued); a checksum over (sender, receiver, count) agrees between the two sides;
# all victims and partners die. A lost message or signal leaves someone waiting forever: the
# test runner's timeout reports the deadlock.
defmodule Stress do
  @targets 4
  @sends 4

  # MINSTD, so ember and elixir draw the same numbers from the same seed.
  def rand(x), do: rem(x * 48271, 2_147_483_647)

  def victim?(id), do: rem(id, 10) == 0

  # ---- workers ----

  def worker(id, collector) do
    if victim?(id) do
      partner = spawn_link(fn -> partner() end)
      send(collector, {:partner, id, partner})
    end
    receive do
      {:go, targets, other} -> start(id, collector, targets, other)
    end
  end

  def partner do
    receive do
      :never -> :ok
    end
  end

  def start(id, collector, targets, other) do
    case rem(id, 10) do
      5 ->
        Process.flag(:trap_exit, true)
        Process.link(other)
      7 ->
        Process.monitor(other)
      _ ->
        :ok
    end
    # The survivor ending in 3 kills its victim after a random number of its sends.
    kill_at = if rem(id, 10) == 3, do: rem(rand(id + 7), @sends + 1), else: -1
    {counts, recv} = sends(id, targets, rand(id + 1), 0, kill_at, other, %{}, {%{}, 0})
    if victim?(id) do
      # Wait to be killed, still checking the order of what arrives.
      victim_loop(recv)
    else
      send(collector, {:sent, id, counts})
      survivor_wait(id, collector, recv, rem(id, 10) in [5, 7])
    end
  end

  # Sends @sends messages to random targets; between two sends, takes in what has arrived so
  # far (so mailboxes never grow big). Returns {per-target counts, receive state}.
  def sends(_id, _targets, _seed, @sends, kill_at, other, counts, recv) do
    if kill_at == @sends, do: Process.exit(other, :kill)
    {counts, recv}
  end
  def sends(id, targets, seed, i, kill_at, other, counts, recv) do
    if kill_at == i, do: Process.exit(other, :kill)
    {tid, pid} = elem(targets, rem(seed, @targets))
    seq = Map.get(counts, tid, 0) + 1
    if victim?(id), do: send(pid, {:noise, id, seq}), else: send(pid, {:msg, id, seq})
    sends(id, targets, rand(seed), i + 1, kill_at, other, Map.put(counts, tid, seq), drain(recv))
  end

  # recv = {last seq per sender, errors}
  def take(kind, from, seq, {last, errors}) do
    key = {kind, from}
    ok = Map.get(last, key, 0) + 1 == seq
    {Map.put(last, key, seq), if(ok, do: errors, else: errors + 1)}
  end

  def drain(recv) do
    receive do
      {:msg, from, seq} -> drain(take(:msg, from, seq, recv))
      {:noise, from, seq} -> drain(take(:noise, from, seq, recv))
    after
      0 -> recv
    end
  end

  def victim_loop(recv) do
    receive do
      {:msg, from, seq} -> victim_loop(take(:msg, from, seq, recv))
      {:noise, from, seq} -> victim_loop(take(:noise, from, seq, recv))
    end
  end

  def survivor_wait(id, collector, recv, watch) do
    receive do
      {:msg, from, seq} -> survivor_wait(id, collector, take(:msg, from, seq, recv), watch)
      {:noise, from, seq} -> survivor_wait(id, collector, take(:noise, from, seq, recv), watch)
      {:expect, n} -> survivor_finish(id, collector, recv, n, watch)
    end
  end

  # Receives until `n` messages came and the exit/DOWN (if any) arrived, then reports.
  def survivor_finish(id, collector, recv, n, watch) do
    {last, _} = recv
    got = Enum.sum(for {{:msg, _}, s} <- last, do: s)
    if got >= n and not watch do
      {last, errors} = recv
      extra =
        receive do
          {:msg, _, _} -> 1
        after
          0 -> 0
        end
      sum = Enum.sum(for {{:msg, from}, s} <- last, do: check(from, id, s))
      send(collector, {:done, id, got, sum, errors + extra})
    else
      receive do
        {:msg, from, seq} -> survivor_finish(id, collector, take(:msg, from, seq, recv), n, watch)
        {:noise, from, seq} -> survivor_finish(id, collector, take(:noise, from, seq, recv), n, watch)
        {:EXIT, _, reason} when reason in [:killed, :noproc] -> survivor_finish(id, collector, recv, n, false)
        {:DOWN, _, :process, _, reason} when reason in [:killed, :noproc] -> survivor_finish(id, collector, recv, n, false)
      end
    end
  end

  def check(from, to, count), do: rem((from * 100_003 + to) * count, 1_000_000_007)

  # ---- collector (the main process) ----

  def spawn_all(n, n, _me, acc), do: List.to_tuple(Enum.reverse(acc))
  def spawn_all(id, n, me, acc), do: spawn_all(id + 1, n, me, [spawn(fn -> worker(id, me) end) | acc])

  def partners(0, acc), do: acc
  def partners(k, acc) do
    receive do
      {:partner, id, pid} -> partners(k - 1, Map.put(acc, id, pid))
    end
  end

  # Worker id gets @targets random {id, pid} targets and the pid it links to, monitors or kills.
  def go(n, n, _pids, _partners, seed), do: seed
  def go(id, n, pids, partners, seed) do
    {targets, seed} = pick(@targets, n, pids, seed, [])
    other =
      case rem(id, 10) do
        5 -> Map.fetch!(partners, id - 5)
        3 -> elem(pids, id - 3)
        7 -> elem(pids, id - 7)
        _ -> nil
      end
    send(elem(pids, id), {:go, List.to_tuple(targets), other})
    go(id + 1, n, pids, partners, seed)
  end

  def pick(0, _n, _pids, seed, acc), do: {acc, seed}
  def pick(k, n, pids, seed, acc) do
    tid = rem(seed, n)
    pick(k - 1, n, pids, rand(seed), [{tid, elem(pids, tid)} | acc])
  end

  # Sums the senders' reports: expected count and checksum per receiver. DOWN messages from
  # the victims arrive meanwhile and are counted at once (left in the mailbox, every later
  # receive would have to scan past them).
  def collect_sent(0, expect, total, sum, downs), do: {expect, total, sum, downs}
  def collect_sent(k, expect, total, sum, downs) do
    receive do
      {:sent, from, counts} ->
        counts = for {to, c} <- counts, not victim?(to), do: {to, c}
        expect = Enum.reduce(counts, expect, fn {to, c}, e -> Map.update(e, to, c, &(&1 + c)) end)
        total = total + Enum.sum(for {_, c} <- counts, do: c)
        sum = rem(sum + Enum.sum(for {to, c} <- counts, do: check(from, to, c)), 1_000_000_007)
        collect_sent(k - 1, expect, total, sum, downs)
      {:DOWN, _, :process, _, reason} ->
        collect_sent(k, expect, total, sum, down(downs, reason))
    end
  end

  def down(downs, reason), do: Map.update(downs, reason, 1, &(&1 + 1))

  def tell(n, n, _pids, _expect), do: :ok
  def tell(id, n, pids, expect) do
    if not victim?(id), do: send(elem(pids, id), {:expect, Map.get(expect, id, 0)})
    tell(id + 1, n, pids, expect)
  end

  def collect_done(0, got, sum, errors, downs), do: {got, sum, errors, downs}
  def collect_done(k, got, sum, errors, downs) do
    receive do
      {:done, _id, g, s, e} -> collect_done(k - 1, got + g, rem(sum + s, 1_000_000_007), errors + e, downs)
      {:DOWN, _, :process, _, reason} -> collect_done(k, got, sum, errors, down(downs, reason))
    end
  end

  def downs(downs, total) do
    if Enum.sum(Map.values(downs)) == total do
      downs
    else
      receive do
        {:DOWN, _, :process, _, reason} -> downs(down(downs, reason), total)
      end
    end
  end
end

# The number of workers (a multiple of 10) is the argument: the sanitizer builds run fewer.
n =
  case System.argv() do
    [arg] -> String.to_integer(arg)
    [] -> 100_000
  end

victims = div(n, 10)
pids = Stress.spawn_all(0, n, self(), [])
partners = Stress.partners(victims, %{})
for id <- 0..(n - 1), Stress.victim?(id), do: Process.monitor(elem(pids, id))
for {_, p} <- partners, do: Process.monitor(p)
Stress.go(0, n, pids, partners, 12345)
{expect, total, sum_sent, downs} = Stress.collect_sent(n - victims, %{}, 0, 0, %{})
Stress.tell(0, n, pids, expect)
{got, sum_got, errors, downs} = Stress.collect_done(n - victims, 0, 0, 0, downs)
reasons = Stress.downs(downs, 2 * victims)
# Survivors send 4 messages each, 9 in 10 of them to survivors: about 3.2 per worker.
IO.puts("messages to survivors >= 3 per worker: #{total >= 3 * n}")  # expect: messages to survivors >= 3 per worker: true
IO.puts("all received: #{got == total}")             # expect: all received: true
IO.puts("checksums agree: #{sum_sent == sum_got}")   # expect: checksums agree: true
IO.puts("order errors: #{errors}")                   # expect: order errors: 0
IO.puts("victims and partners down: #{Enum.sum(Map.values(reasons)) == 2 * victims}")  # expect: victims and partners down: true
IO.puts("only killed/noproc: #{Map.keys(reasons) -- [:killed, :noproc] == []}")  # expect: only killed/noproc: true
