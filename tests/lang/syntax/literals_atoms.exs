# run: parse
:ok
:"a b"
:foo?
:bang!
:node@host
:Elixir
true
false
nil
:+
:==
