exit(:bye) # expect error: ** (exit) :bye
