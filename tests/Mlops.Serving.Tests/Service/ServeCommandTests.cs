using System.Net;
using System.Net.Sockets;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary><c>mlops serve</c> refuses what it cannot do with one line and exit code 2.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_2()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var home = new TemporaryDirectory();

        var run = await CliProcess.RunAsync(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, new Dictionary<string, string> { ["MLOPS_HOME"] = home.Path }, TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"mlops: error: port {port} is in use on localhost: stop the other service or choose another --port", run.StandardError.Trim());
        Assert.DoesNotContain(" at ", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-certainty", "1.5", "--min-certainty")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--monitor", "localhost:8085", "--monitor")]
    [InlineData("--prediction-log", "mysql:db", "prediction log 'mysql:db'")]
    [InlineData("--model", "no/such/folder", "no/such/folder")]
    [InlineData("--model", "v9", "v9")]
    [InlineData("--host", "nonsense", "--host 'nonsense'")]
    public async Task Bad_options_are_one_line_and_exit_2(string option, string value, string named)
    {
        using var home = new TemporaryDirectory();

        var run = await CliProcess.RunAsync(["serve", "--port", "0", option, value], null, new Dictionary<string, string> { ["MLOPS_HOME"] = home.Path }, TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = run.StandardError.Trim();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("mlops: error: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_version_is_served_whatever_its_stage()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        var candidate = sandbox.Register(await TrainedModels.Second());
        await using var service = await sandbox.StartAsync("--model", candidate);

        var health = await ServiceSandbox.GetJsonAsync(service.Http, "health");

        Assert.Equal(candidate, health.GetProperty("model_version").GetString());
        Assert.Equal($"registry version {candidate}", health.GetProperty("model_source").GetString());
        Assert.Equal(candidate, (await ServiceSandbox.PredictAsync(service.Http, TrainedModels.ReferenceRows[0].Features)).Json.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task A_model_folder_is_served_under_its_folder_name()
    {
        using var sandbox = new ServiceSandbox();
        await using var service = await sandbox.StartAsync("--model", await TrainedModels.First());

        var health = await ServiceSandbox.GetJsonAsync(service.Http, "health");

        Assert.Equal("first", health.GetProperty("model_version").GetString());
        Assert.StartsWith("folder ", health.GetProperty("model_source").GetString(), StringComparison.Ordinal);
        var answer = await ServiceSandbox.PredictAsync(service.Http, TrainedModels.ReferenceRows[0].Features);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("first", answer.Json.GetProperty("model_version").GetString());
    }
}
