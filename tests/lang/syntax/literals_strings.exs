# run: parse
""
"hello"
"tab\tnew\nline \"q\" back\\slash \#{not} \e\s\0"
"\x41\u00e9\u{1F600}"
"a #{b} c"
"#{x}"
"outer #{"inner #{deep} end"} done"
"multi
line"
"hash # and #"
"empty #{} interp"
'charlist'
