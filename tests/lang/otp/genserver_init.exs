# The results of init/1: {:ok, state}, {:ok, state, timeout}, {:stop, reason}, :ignore, an
# exit, a bad value; and a name that is already taken.
defmodule Starter do
  use GenServer

  def init(:ok), do: {:ok, :state}
  def init(:timeout), do: {:ok, :state, 10}
  def init(:stop), do: {:stop, :no_thanks}
  def init(:ignore), do: :ignore
  def init(:exit), do: exit(:init_exit)
  def init(:bad), do: :what

  def handle_call(:state, _from, s), do: {:reply, s, s}

  def handle_info(:timeout, s) do
    IO.puts("init timeout fired")
    {:noreply, s}
  end
end

Process.flag(:trap_exit, true)
{:ok, pid} = GenServer.start_link(Starter, :ok)
IO.inspect(GenServer.call(pid, :state))                              # expect: :state
{:ok, _} = GenServer.start_link(Starter, :timeout)
Process.sleep(100)                                                    # expect: init timeout fired

for arg <- [:stop, :ignore, :exit, :bad] do
  IO.inspect({arg, GenServer.start_link(Starter, arg)})
  receive do {:EXIT, _pid, reason} -> IO.inspect(reason) end
end
# expect: {:stop, {:error, :no_thanks}}
# expect: :no_thanks
# expect: {:ignore, :ignore}
# expect: :normal
# expect: {:exit, {:error, :init_exit}}
# expect: :init_exit
# expect: {:bad, {:error, {:bad_return_value, :what}}}
# expect: {:bad_return_value, :what}

IO.inspect(GenServer.start(Starter, :stop))                          # expect: {:error, :no_thanks}
IO.inspect(GenServer.start(Starter, :ignore, name: :starter))        # expect: :ignore
IO.inspect(Process.whereis(:starter))                                # expect: nil
{:ok, named} = GenServer.start(Starter, :ok, name: :starter)
{:error, {:already_started, ^named}} = GenServer.start_link(Starter, :ok, name: :starter)
receive do msg -> IO.inspect(msg) after 50 -> IO.puts("no process was started") end   # expect: no process was started
