namespace Mlops.Core.Tests.Registry;

/// <summary>A clock that stands still unless moved: recorded times become exact.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
