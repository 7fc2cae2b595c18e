# run: parse
# The code of seed 002 (a talk outline): everything but `iex ... -S mix`, which is a shell
# command Elixir rejects too.
send receiver, message
:trap_exit
Supervisor.start_link(children, strategy)
iex --sname spin1 --cookie abc
Node.ping && Node.list
elixirc spin.ex
c "spin.ex"
:spin1@crafter
pid = Spin.start
:spin2@crafter
nl Spin
pid2 = Node.spawn :spin3@crafter, Spin, :start, []
:observer.start
:rpc.call(:"node2@crafter", Grepex.SearchServer, :search, [["elixir"], self()])
GenServer.cast({IxQuick, :node3@crafter}, {:search, ["elixir"], self()})
nl Grepex
pid = Node.spawn :node2@crafter, Grepex.SearchServer, :run, []
epmd -names
