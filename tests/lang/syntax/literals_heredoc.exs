# run: parse
x = """
  first
    indented
  last #{y}
  """
"""
no indent
"""
