# run: parse
# The inline code of seed 001 that is ember syntax (the two typespecs use `::`, outside the
# subset; `after` and `try/catch` are prose).
spawn/1
spawn/2
Process.register/2
pid
atom
send
receive
receive/1
spawn_link/1
Process.link/1
:ok
