# process.ex: the parts of the Process module written in ember (compiled the first time one is
# called); the rest are C builtins in process.c, called here as local functions.
defmodule Process do
  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end

  def info(pid), do: info_reply(__info__(pid, :all))

  def info(pid, spec), do: info_reply(__info__(pid, spec))

  # Another process answers from its own thread: wait for its reply.
  defp info_reply({:ok, answer}), do: answer

  defp info_reply({:wait, ref}) do
    receive do
      {:"$info_reply", ^ref, answer} -> answer
    end
  end
end
