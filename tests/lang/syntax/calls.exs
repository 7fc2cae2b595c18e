# run: parse
f()
f(1, 2)
f(a, b: 1, c: 2)
f(b: 1)
Mod.fun(1)
Mod.Sub.fun()
Mod.fun
:erlang.system_time(:millisecond)
fun.(1, 2)
fun.()
f.(1).(2)
map.field
map.field.deeper
map[:key]
map[:a][:b]
__MODULE__.start()
send pid, :msg
IO.puts "hi"
raise ArgumentError, "bad"
spawn fn -> :ok end
IO.inspect x, label: "x"
foo bar, baz
foo bar baz
a -1
a - 1
a -1, 2
foo.bar -1
x.end
f (1)
