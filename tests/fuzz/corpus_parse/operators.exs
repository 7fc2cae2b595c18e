# run: parse
1 + 2 * 3
(1 + 2) * 3
a - b - c
a / b * c
-a + b
x = y = 1
a ++ b ++ c
"a" <> b <> c
a -- b
a == b and c != d or not e
a === b || c !== d && e
a < b
a >= b
x in [1, 2]
x not in list
!a in b
not a == b
^pin = value
a..b + 1
a <> b == c
!flag
- x
+1
a and b or c
x |> f() == y
