using System.Net.Http.Json;
using System.Text.Json;
using Mlops.Core.Serialization;
using Mlops.Serving.Endpoints;

namespace Mlops.Cli.Demo;

/// <summary>Asks the running service which model it answers with (<c>GET /model</c>): it reloads the registry's production model by itself.</summary>
public static class ServedModelProbe
{
    /// <summary>Polls until the service serves <paramref name="version"/>; false when it did not within <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitForAsync(string serviceUrl, string version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var served = await http.GetFromJsonAsync<ModelReport>(new Uri(serviceUrl.TrimEnd('/') + "/model"), MlopsJson.Options, cancellationToken);
                if (served?.ModelVersion == version)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not answering right now: ask again until the deadline.
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
