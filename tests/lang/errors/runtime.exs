raise "something broke" # expect error: ** (RuntimeError) something broke
