using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// Stands in for the drift monitor's <c>POST /iterate/{dataset}</c> on a loopback port: records every
/// batch it gets, and can hold its answers back (a hung monitor) until released.
/// </summary>
internal sealed class FakeMonitor : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;

    public FakeMonitor(bool holdAnswers = false)
    {
        if (!holdAnswers)
        {
            _release.SetResult();
        }

        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<(string Path, JsonElement Rows)> Batches { get; } = new();

    public int Rows => Batches.Sum(b => b.Rows.GetArrayLength());

    /// <summary>Batches answered (200) so far; stays 0 while answers are held.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public void Release() => _release.TrySetResult();

    public void Dispose()
    {
        Release();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var document = await JsonDocument.ParseAsync(context.Request.InputStream);
                Batches.Enqueue((context.Request.Url!.AbsolutePath, document.RootElement.Clone()));
                await _release.Task;
                context.Response.StatusCode = 200;
                try
                {
                    context.Response.Close();
                }
                catch (HttpListenerException)
                {
                    // The service gave up on this batch already.
                }

                Interlocked.Increment(ref _answered);
            });
        }
    }
}
