Nope.f() # expect error: ** (UndefinedFunctionError) function Nope.f/0 is undefined (module Nope is not available)
