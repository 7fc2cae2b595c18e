Enum.into([1], %{})  # expect error: ** (ArgumentError) argument error
