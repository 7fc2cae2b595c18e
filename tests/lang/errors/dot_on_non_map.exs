x = 1
x.foo # expect error: ** (KeyError) key :foo not found in: 1. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map
