using System.Diagnostics;

namespace Mlops.Testing;

/// <summary>Waits until a started server process answers an HTTP probe, failing fast when it exits.</summary>
public static class ProcessReadiness
{
    /// <summary>
    /// Polls <paramref name="probe"/> (relative to the client's base address) until it answers 2xx;
    /// throws with the process's output when it exits first or does not answer within 60 s.
    /// </summary>
    public static async Task WaitUntilAnswersAsync(Process process, HttpClient http, string probe, string name, Func<string> output)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(output);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it answered /{probe}:\n{output()}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(probe, UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} did not answer /{probe} within 60 s:\n{output()}");
    }
}
