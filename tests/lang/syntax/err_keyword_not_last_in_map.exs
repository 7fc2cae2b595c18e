# expect syntax error: 2:9: error: expected keyword or '}' at '2'
%{a: 1, 2}
