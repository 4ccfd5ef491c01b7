using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Mlops.Testing.Http;

/// <summary>
/// Requests no HttpClient sends: a body trickling in a byte at a time, or cut short and the
/// connection closed. Plain sockets on loopback; the answer's status line is parsed by hand.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends the headers at once and the body one byte per <paramref name="pause"/>; returns the status code the server answered with (0 when it closed without one) and how long that took.</summary>
    public static async Task<(int Status, TimeSpan Elapsed)> TrickleAsync(int port, string path, string body, TimeSpan pause, TimeSpan giveUp, params string[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Head(path, bytes.Length, headers));
        var stopwatch = Stopwatch.StartNew();
        var answer = new byte[4096];
        var reading = stream.ReadAsync(answer).AsTask();
        foreach (var b in bytes)
        {
            if (reading.IsCompleted || stopwatch.Elapsed > giveUp)
            {
                break;
            }

            try
            {
                await stream.WriteAsync(new[] { b });
            }
            catch (IOException)
            {
                break;
            }

            await Task.WhenAny(reading, Task.Delay(pause));
        }

        if (await Task.WhenAny(reading, Task.Delay(giveUp)) != reading)
        {
            return (-1, stopwatch.Elapsed);
        }

        var read = await reading;
        return (Status(Encoding.ASCII.GetString(answer, 0, read)), stopwatch.Elapsed);
    }

    /// <summary>Promises a body of <paramref name="declaredLength"/> bytes, sends the first part of <paramref name="body"/> and closes the connection.</summary>
    public static async Task AbortAsync(int port, string path, string body, int declaredLength, params string[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(path, declaredLength, headers));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(body));
        await stream.FlushAsync();
        client.Client.Shutdown(SocketShutdown.Both);
    }

    private static byte[] Head(string path, int length, string[] headers)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    private static int Status(string answer)
    {
        // "HTTP/1.1 408 Request Timeout"
        var parts = answer.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var status) ? status : 0;
    }
}
