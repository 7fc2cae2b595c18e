# run: parse
a = 1; b = 2
c = 3 # trailing comment
# a comment line

(d = 4; e = 5)
()
x = (1 +
  2)
y = [
  1,
  2
]
z = foo(
  1,
  2
)
w = 1 +
  2
v = a
    |> b()
    # comment between
    |> c()
u = a
  and b
t = [1,
     2] ++ [3]
