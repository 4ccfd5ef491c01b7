-- wrk script: POST /predict with the seed's request bodies, one real customer after another from
-- the CSV named by $MLOPS_LOAD_DATA (default seed-data/reference.csv, 1,500 customers).
local path = os.getenv("MLOPS_LOAD_DATA") or "seed-data/reference.csv"
local requests = {}

-- Built in init, per thread: only then does wrk know the host for the Host header.
init = function(args)
  local headers = { ["Content-Type"] = "application/json", ["Host"] = wrk.host .. ":" .. wrk.port }
  local file = assert(io.open(path, "r"))
  file:read("*l") -- the header
  for line in file:lines() do
    local v = {}
    for field in string.gmatch(line, "([^;]+)") do v[#v + 1] = field end
    local body = string.format(
      '{"training":%s,"age":%s,"emergency_braking":%s,"braking_distance":%s,"power":%s,"miles":%s}',
      v[1], v[2], v[3], v[4], v[5], v[6])
    requests[#requests + 1] = wrk.format("POST", "/predict", headers, body)
  end
  file:close()
end

local next_request = 0
request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
