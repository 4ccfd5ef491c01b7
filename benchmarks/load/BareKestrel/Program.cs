// The bare Kestrel endpoint of benchmarks/load/predict-load.sh and fleet-load.sh: the same server, the same loopback
// and the same machine as `mlops serve`, but POST /predict answers a constant without reading the
// body, parsing, predicting, logging or counting. The ratio of the two throughputs is what the
// service's work costs.
using System.Net;

var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 8090;
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port);
});
var app = builder.Build();
var answer = """{"category":2,"risk":"low","probabilities":[0.01,0.04,0.95],"source":"ML","model_version":"v1"}"""u8.ToArray();
app.MapPost("/predict", (HttpContext context) =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = answer.Length;
    return context.Response.Body.WriteAsync(answer).AsTask();
});
app.MapGet("/ping", () => "pong");
// HAProxy's health check (deploy/haproxy/haproxy.cfg) in benchmarks/load/fleet-load.sh.
app.MapGet("/health", () => "ok");
await app.RunAsync();
