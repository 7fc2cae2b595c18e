# run: parse
{}
{1}
{:ok, 1, "two"}
{a, b: 1}
[]
[1, 2, 3,]
[h | t]
[a, b | rest]
[a: 1, b: 2]
[1, a: 2]
[do: 1]
%{}
%{a: 1, b: 2}
%{"k" => v, 1 => 2}
%{"k" => v, b: 2}
%{m | a: 1}
%{m | "k" => 2}
%{"a b": 1}
%User{}
%User{name: "x", age: 1}
%User{u | name: "y"}
%KV.Bucket{}
%__MODULE__{a: 1}
1..10
a..b
