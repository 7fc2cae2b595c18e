# expect syntax error: 4:7: error: invalid location for heredoc terminator, please escape token or move it to its own line
x = """
  first
  last"""
