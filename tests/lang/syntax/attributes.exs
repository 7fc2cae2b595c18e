# run: parse
@attr
@attr 1
@doc "text"
@impl true
x = @attr + 1
@attr.field
