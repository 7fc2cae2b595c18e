throw(:oops) # expect error: ** (throw) :oops
