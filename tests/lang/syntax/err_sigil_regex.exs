# expect syntax error: 3:11: error: regular expressions (~r) are not supported by ember
# ember has no Regex module: ~r is refused where it is written, not at run time.
pattern = ~r/b+/
