namespace Mlops.Serving.Models;

/// <summary>
/// The one place that knows which model answers. A request reads <see cref="Current"/> once and uses
/// that snapshot for its whole answer, so a swap in between never mixes two models in one answer.
/// </summary>
public sealed class ModelHolder(ServedModel initial)
{
    private ServedModel _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public ServedModel Current => Volatile.Read(ref _current);

    /// <summary>Replaces the model atomically and returns the one it replaced.</summary>
    public ServedModel Swap(ServedModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
