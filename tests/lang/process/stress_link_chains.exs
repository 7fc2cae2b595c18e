# Stress: 100,000 processes in 1,000 chains of 100 linked processes (each member spawn_links the
# next) stream numbered messages down their chain while the main process, chain by chain, picks
# a fate (seeded, so ember and elixir pick the same): kill a random member (:kill), make one exit
# with {:boom, chain}, send it Process.exit(pid, :shutdown), make one return normally, or leave
# the chain alone. A trap_exit watcher linked to each chain's head reports the {:EXIT, ...} it
# sees.
#
# sanitizer-args: 10000
#
# Checks, with the expected numbers computed from the fates: the DOWN messages of the main
# process's 100,000 monitors, counted by reason (a killed chain dies entirely with :killed, a
# normal exit takes only its member); exactly the watchers of dead chains see one EXIT, with the
# chain's reason; every member still alive answers a ping; no member ever saw a message out of
# order (each reports an error the moment it sees one). A lost signal leaves the main process
# waiting forever: the test runner's timeout reports the deadlock.
defmodule Chains do
  @len 100
  @stream 5

  def len, do: @len

  def rand(x), do: rem(x * 48271, 2_147_483_647)

  # ---- chain members ----

  def watcher(c, main) do
    Process.flag(:trap_exit, true)
    me = self()
    head = spawn_link(fn -> member(c, 0, main, me) end)
    watch(c, main, head, 0)
  end

  def watch(c, main, head, seen) do
    receive do
      {:EXIT, ^head, reason} ->
        send(main, {:watched, c, reason})
        watch(c, main, head, seen + 1)
      :stop ->
        send(main, {:stopped, c, seen})
    end
  end

  def member(c, i, main, _parent) do
    me = self()
    child = if i < @len - 1, do: spawn_link(fn -> member(c, i + 1, main, me) end), else: nil
    send(main, {:member, c, i, me})
    receive do
      :go -> stream(child, 1, main, 0)
    end
  end

  # Sends @stream numbered messages to the child, taking in what arrives in between.
  def stream(child, k, main, last) when k > @stream, do: loop(child, main, last)
  def stream(child, k, main, last) do
    if child, do: send(child, {:seq, k})
    stream(child, k + 1, main, take(main, last))
  end

  def take(main, last) do
    receive do
      {:seq, k} -> take(main, seq(main, last, k))
    after
      0 -> last
    end
  end

  def seq(main, last, k) do
    if k != last + 1, do: send(main, {:order_error, last, k})
    k
  end

  def loop(child, main, last) do
    receive do
      {:seq, k} -> loop(child, main, seq(main, last, k))
      {:die, reason} -> exit(reason)
      :return -> :ok
      {:ping, from} ->
        send(from, :pong)
        loop(child, main, last)
    end
  end

  # ---- the main process ----

  def members(0, acc), do: acc
  def members(k, acc) do
    receive do
      {:member, c, i, pid} -> members(k - 1, Map.put(acc, {c, i}, pid))
    end
  end

  # Starts each chain and gives it its fate. Returns [{chain, fate, member}].
  def fates(c, chains, _pids, _seed, acc) when c == chains, do: acc
  def fates(c, chains, pids, seed, acc) do
    for i <- 0..(@len - 1), do: send(Map.fetch!(pids, {c, i}), :go)
    fate = elem({:kill, :boom, :shutdown, :normal, :none}, rem(seed, 5))
    seed = rand(seed)
    at = rem(seed, @len)
    victim = Map.fetch!(pids, {c, at})
    case fate do
      :kill -> Process.exit(victim, :kill)
      :boom -> send(victim, {:die, {:boom, c}})
      :shutdown -> Process.exit(victim, :shutdown)
      :normal -> send(victim, :return)
      :none -> :ok
    end
    fates(c + 1, chains, pids, rand(seed), [{c, fate, at} | acc])
  end

  # What the fates must produce: {DOWNs per reason class, watcher reports, members alive}.
  def expected(fates) do
    Enum.reduce(fates, {%{}, %{}, 0}, fn {c, fate, at}, {downs, watched, alive} ->
      case fate do
        :none -> {downs, watched, alive + @len}
        :normal ->
          watched = if at == 0, do: Map.put(watched, c, :normal), else: watched
          {bump(downs, :normal, 1), watched, alive + @len - 1}
        _ ->
          reason = reason(fate, c)
          {bump(downs, class(reason), @len), Map.put(watched, c, reason), alive}
      end
    end)
  end

  def reason(:kill, _c), do: :killed
  def reason(:boom, c), do: {:boom, c}
  def reason(:shutdown, _c), do: :shutdown

  def class({:boom, _}), do: :boom
  def class(reason), do: reason

  def bump(map, key, n), do: Map.update(map, key, n, &(&1 + n))

  # Receives until `ndowns` DOWNs and `nwatched` watcher reports came.
  def observe(ndowns, nwatched, downs, watched, errors) do
    if ndowns == 0 and nwatched == 0 do
      {downs, watched, errors}
    else
      receive do
        {:DOWN, _, :process, _, reason} ->
          observe(ndowns - 1, nwatched, bump(downs, class(reason), 1), watched, errors)
        {:watched, c, reason} ->
          observe(ndowns, nwatched - 1, downs, Map.put(watched, c, reason), errors)
        {:order_error, _, _} ->
          observe(ndowns, nwatched, downs, watched, errors + 1)
      end
    end
  end

  def pongs(0, errors), do: errors
  def pongs(k, errors) do
    receive do
      :pong -> pongs(k - 1, errors)
      {:order_error, _, _} -> pongs(k, errors + 1)
    end
  end

  def stopped(0, extra), do: extra
  def stopped(k, extra) do
    receive do
      {:stopped, _c, seen} -> stopped(k - 1, extra + seen)
    end
  end
end

# The number of processes (a multiple of 100) is the argument: the sanitizer builds run fewer.
n =
  case System.argv() do
    [arg] -> String.to_integer(arg)
    [] -> 100_000
  end

chains = div(n, Chains.len())
main = self()
watchers = for c <- 0..(chains - 1), do: spawn(fn -> Chains.watcher(c, main) end)
pids = Chains.members(n, %{})
for {_, pid} <- pids, do: Process.monitor(pid)
fates = Chains.fates(0, chains, pids, 2024, [])
{want_downs, want_watched, want_alive} = Chains.expected(fates)
ndowns = Enum.sum(Map.values(want_downs))
{downs, watched, errors} = Chains.observe(ndowns, map_size(want_watched), %{}, %{}, 0)
# Every member that must be alive answers; dead ones would leave this waiting.
alive = for {c, fate, at} <- fates, fate in [:none, :normal], i <- 0..(Chains.len() - 1), fate == :none or i != at, do: Map.fetch!(pids, {c, i})
for pid <- alive, do: send(pid, {:ping, main})
errors = Chains.pongs(length(alive), errors)
for w <- watchers, do: send(w, :stop)
seen = Chains.stopped(chains, 0)
IO.puts("fates used: #{Enum.map(fates, fn {_, f, _} -> f end) |> Enum.uniq() |> length()}")  # expect: fates used: 5
IO.puts("DOWNs as expected: #{downs == want_downs}")       # expect: DOWNs as expected: true
IO.puts("watchers saw the chains' exits: #{watched == want_watched}")  # expect: watchers saw the chains' exits: true
IO.puts("no other EXIT: #{seen == map_size(want_watched)}")  # expect: no other EXIT: true
IO.puts("alive as expected: #{length(alive) == want_alive}")  # expect: alive as expected: true
IO.puts("order errors: #{errors}")                         # expect: order errors: 0
