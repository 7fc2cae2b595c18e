# Task.async/1,3 and await/1,2, await_many, yield; the %Task{} struct and its reply message.
task = Task.async(fn -> 1 + 1 end)
IO.inspect(Task.await(task))                                          # expect: 2
IO.inspect(task.mfa)                                                  # expect: {:erlang, :apply, 2}
IO.inspect(task.owner == self())                                      # expect: true
IO.inspect(is_pid(task.pid) and is_reference(task.ref))               # expect: true
IO.inspect(task |> Map.from_struct() |> Map.keys())                   # expect: [:mfa, :owner, :pid, :ref]

task = Task.async(Enum, :sum, [[1, 2, 3]])
IO.inspect(task.mfa)                                                  # expect: {Enum, :sum, 1}
IO.inspect(Task.await(task, :infinity))                               # expect: 6

tasks = for i <- 1..5, do: Task.async(fn -> i * i end)
IO.inspect(Task.await_many(tasks))                                    # expect: [1, 4, 9, 16, 25]
IO.inspect(Task.await_many([], 100))                                  # expect: []

# The reply is an ordinary message {ref, result}, and the monitor is gone after it.
task = Task.async(fn -> :raw end)
ref = task.ref
receive do {^ref, value} -> IO.inspect(value) end                     # expect: :raw
receive do {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason) end   # expect: :normal

task = Task.async(fn -> receive do :go -> :went end end)
IO.inspect(Task.yield(task, 10))                                      # expect: nil
send(task.pid, :go)
IO.inspect(Task.yield(task, 1000))                                    # expect: {:ok, :went}

task = Task.async(fn -> exit(:normal) end)
IO.inspect(Task.yield(task))                                          # expect: {:exit, :normal}
