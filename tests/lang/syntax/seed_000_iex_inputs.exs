# run: parse
# The iex inputs of seed 000, in order (trailing blanks kept as typed).
spawn(fn -> 1 + 2 end)
pid = spawn(fn -> 1 + 2 end)
Process.alive?(pid)
self()
Process.alive?(self())                                                                                             
send(self(), {:hello, :world})                                                                                     
reveive do                                                                                                         
{:hello, msg} -> msg                                                                                               
{:world, _msg} -> "won't match"                                                                                    
end                                                                                                                
receive do                                                                                                         
{:hello, msg} -> msg                                                                                               
{:world, _msg} -> "won't match"                                                                                    
end                                                                                                                
receive do                                                                                                         
{:hello, msg} -> msg
after
1_000 -> "nothing after 1s"
end
parent = self()
spawn(fn -> send(parent,{:hello, self()}) end)
receive do
{:hello, pid} -> "Got hello from #{inspect pid}"
end
{:ok, pid} = KV.Processes.start_link()                                                                
send(pid, {:get, :hello, self()})                                                                     
flush()                                                                                               
send(pid, {:put, :hello, :world})                                                                     
send(pid, {:get, :hello, self()}                                                                      
)                                                                                                     
flush()                                                                                               
Process.register(pid, :processes)                                                                     
send(:processes, {:get, :hello, self()})                                                              
flush()                                                                                               
{:ok, pid} = Agent.start_link(fn -> %{} end)                                                         
Agent.update(pid, fn map -> Map.put(map, :hello, :world) end)                                        
Agent.get(pid, fn map -> Map.get(map, :hello) end)                                                   
