-- wrk script: POST /predict with prepared request bodies, one JSON object per line of the file named by
-- $MLOPS_LOAD_BODIES (wide-problem.py writes one for its generated 20-feature problem).
local path = assert(os.getenv("MLOPS_LOAD_BODIES"), "set MLOPS_LOAD_BODIES to a file of request bodies")
local requests = {}

init = function(args)
  local headers = { ["Content-Type"] = "application/json", ["Host"] = wrk.host .. ":" .. wrk.port }
  for body in io.lines(path) do
    requests[#requests + 1] = wrk.format("POST", "/predict", headers, body)
  end
end

local next_request = 0
request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
