using System.Text;
using Mlops.Cli.Infrastructure;
using Mlops.Cli.Simulation;

namespace Mlops.Simulation.Tests;

/// <summary>The small parts of the replay: the month range, the pacing, reading who answered.</summary>
public sealed class ReplayPartsTests
{
    [Theory]
    [InlineData("1-36", 1, 36)]
    [InlineData(" 4 - 9 ", 4, 9)]
    [InlineData("12", 12, 12)]
    [InlineData("40-48", 40, 48)]
    public void Month_ranges_are_first_last_or_one_month(string text, int first, int last) =>
        Assert.Equal(new MonthRange(first, last), MonthRange.Parse(text));

    [Theory]
    [InlineData("0-3")]
    [InlineData("3-1")]
    [InlineData("1-")]
    [InlineData("a-b")]
    [InlineData("-5")]
    [InlineData("1,3")]
    public void Other_month_ranges_are_bad_input(string text) =>
        Assert.Contains($"--months '{text}'", Assert.Throws<UsageException>(() => MonthRange.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_pacer_spaces_requests_evenly_from_the_months_start()
    {
        var clock = new ManualTimestamps();
        var pacer = new RequestPacer(200, clock);
        pacer.Restart();

        Assert.Equal(TimeSpan.Zero, pacer.Delay(0));
        Assert.Equal(TimeSpan.FromMilliseconds(50), pacer.Delay(10));
        clock.Advance(TimeSpan.FromMilliseconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(20), pacer.Delay(10));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.Zero, pacer.Delay(10)); // late: at once, no catching up by waiting
        Assert.Equal(TimeSpan.Zero, new RequestPacer(0, clock).Delay(1_000_000));
    }

    [Theory]
    [InlineData("""{"category":1,"risk":"medium","probabilities":[0.1,0.8,0.1],"source":"ML","model_version":"v1"}""", false)]
    [InlineData("""{"category":2,"risk":"low","probabilities":[0,0,1],"source":"baseline - out of range","model_version":"v1","reason":"power 20 …","feature":"power"}""", true)]
    [InlineData("""{"category":0,"risk":"high","probabilities":[1,0,0],"source":"baseline","model_version":"baseline"}""", true)]
    public void The_answers_source_tells_whether_the_fallback_answered(string answer, bool fallback) =>
        Assert.Equal(fallback, ProductionReplay.IsFallback(Encoding.UTF8.GetBytes(answer)));

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualTimestamps : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
