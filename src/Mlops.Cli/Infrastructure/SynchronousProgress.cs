namespace Mlops.Cli.Infrastructure;

/// <summary>
/// Reports progress on the caller's thread, at once. <see cref="Progress{T}"/> posts to the thread
/// pool in a console app, so its reports would arrive late and out of order.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
