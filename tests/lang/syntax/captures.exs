# run: parse
&M.f/1
&Mod.Sub.fun/2
&f/1
&:erlang.abs/1
&mod.fun/0
&(&1 + 1)
& &1.name
&{&1, &2}
&[&1 | &2]
&foo(&1, :x)
&Enum.map(&1, &to_string/1)
f = &is_atom/1
&+/2
&Kernel.+/2
&<>/2
Kernel.+(1, 2)
