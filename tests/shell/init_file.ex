# Loaded by init_file.iex with -i: its output comes before the banner, its variables stay bound.
greeting = "hello from -i"
IO.puts(greeting)
