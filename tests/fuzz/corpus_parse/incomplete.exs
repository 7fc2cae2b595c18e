receive do
{:hello, msg} -> msg
