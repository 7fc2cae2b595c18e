"hello " <> rest = "hello world"
IO.puts(rest)                      # expect: world
case "GET /index" do
  "POST " <> _ -> IO.puts("post")
  "GET " <> path -> IO.puts(path)  # expect: /index
end
