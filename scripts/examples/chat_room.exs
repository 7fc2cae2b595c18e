# Workshop example: a chat room of processes. The room is a GenServer holding its members; each
# member is a plain process printing what it hears. The room tells members one at a time and
# waits for each to confirm, so the output has one order under any scheduler.
# Run it with `ember scripts/examples/chat_room.exs` or `elixir ...`: same output.
defmodule Member do
  def start(name), do: spawn(fn -> listen(name) end)

  defp listen(name) do
    receive do
      {:hear, line, room, ref} ->
        IO.puts("[#{name}] #{line}")
        send(room, {:heard, ref})
        listen(name)

      :stop ->
        :ok
    end
  end
end

defmodule Room do
  use GenServer

  def start_link(topic), do: GenServer.start_link(__MODULE__, topic, name: __MODULE__)
  def join(name), do: GenServer.call(__MODULE__, {:join, name, Member.start(name)})
  def say(name, text), do: GenServer.call(__MODULE__, {:say, name, text})
  def leave(name), do: GenServer.call(__MODULE__, {:leave, name})
  def members, do: GenServer.call(__MODULE__, :members)

  def init(topic), do: {:ok, %{topic: topic, members: []}}

  def handle_call({:join, name, pid}, _from, room) do
    tell(room.members, "* #{name} joined #{room.topic}")
    {:reply, :ok, %{room | members: room.members ++ [{name, pid}]}}
  end

  def handle_call({:say, name, text}, _from, room) do
    tell(for({n, pid} <- room.members, n != name, do: {n, pid}), "<#{name}> #{text}")
    {:reply, :ok, room}
  end

  def handle_call({:leave, name}, _from, room) do
    {[{^name, pid}], rest} = Enum.split_with(room.members, fn {n, _} -> n == name end)
    send(pid, :stop)
    tell(rest, "* #{name} left")
    {:reply, :ok, %{room | members: rest}}
  end

  def handle_call(:members, _from, room), do: {:reply, Enum.map(room.members, fn {n, _} -> n end), room}

  # Sends the line to each member in turn and waits for it to be printed.
  defp tell(members, line) do
    for {_name, pid} <- members do
      ref = make_ref()
      send(pid, {:hear, line, self(), ref})
      receive do {:heard, ^ref} -> :ok end
    end
  end
end

{:ok, _room} = Room.start_link("#elixir")
Room.join("alice")
Room.join("bob")                    # expect: [alice] * bob joined #elixir
Room.join("carol")                  # expect: [alice] * carol joined #elixir
                                    # expect: [bob] * carol joined #elixir
Room.say("alice", "hello, all")     # expect: [bob] <alice> hello, all
                                    # expect: [carol] <alice> hello, all
Room.say("bob", "hi alice")         # expect: [alice] <bob> hi alice
                                    # expect: [carol] <bob> hi alice
Room.leave("carol")                 # expect: [alice] * carol left
                                    # expect: [bob] * carol left
IO.inspect(Room.members())          # expect: ["alice", "bob"]
