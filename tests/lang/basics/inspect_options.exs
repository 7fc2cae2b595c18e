IO.inspect([104, 105], charlists: :as_lists)              # expect: [104, 105]
IO.inspect(Enum.to_list(1..60), limit: 3)                 # expect: [1, 2, 3, ...]
IO.puts(inspect(%{a: [1, 2]}, pretty: true))              # expect: %{a: [1, 2]}
IO.inspect("x", label: "str", binaries: :as_binaries)     # expect: str: <<120>>
