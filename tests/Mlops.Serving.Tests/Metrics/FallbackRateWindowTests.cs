using Mlops.Serving.Metrics;

namespace Mlops.Serving.Tests.Metrics;

public sealed class FallbackRateWindowTests
{
    [Fact]
    public void Is_zero_before_any_prediction()
    {
        Assert.Equal(0, new FallbackRateWindow().Rate);
    }

    [Fact]
    public void Counts_only_the_last_window_of_predictions()
    {
        var window = new FallbackRateWindow(size: 4);
        window.Add(true);
        window.Add(false);
        Assert.Equal(0.5, window.Rate);

        window.Add(true);
        window.Add(true);
        Assert.Equal(0.75, window.Rate);

        // The first (fallback) answer leaves the window; a model answer comes in.
        window.Add(false);
        Assert.Equal(0.5, window.Rate);
        Assert.Equal(4, window.Count);

        for (var i = 0; i < 4; i++)
        {
            window.Add(false);
        }

        Assert.Equal(0, window.Rate);
    }

    [Fact]
    public void Holds_the_talks_window_of_1500_by_default()
    {
        var window = new FallbackRateWindow();
        for (var i = 0; i < 3000; i++)
        {
            window.Add(i >= 2700);
        }

        Assert.Equal(1500, window.Count);
        Assert.Equal(300.0 / 1500, window.Rate, 12);
    }
}
