using System.Net;
using System.Net.Sockets;

namespace Mlops.Cli.Demo;

/// <summary>Ports nobody listens on right now, so the demo never collides with a user's running service on 8080 or 8085.</summary>
public static class LoopbackPorts
{
    /// <summary><paramref name="count"/> different free ports: all listeners are held until every port is known.</summary>
    public static IReadOnlyList<int> Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
