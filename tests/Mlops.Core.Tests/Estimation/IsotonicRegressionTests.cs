using Mlops.Core.Estimation;

namespace Mlops.Core.Tests.Estimation;

public sealed class IsotonicRegressionTests
{
    [Fact]
    public void Adjacent_violators_are_pooled_into_their_mean()
    {
        // scikit-learn: IsotonicRegression().fit([1, 2, 3, 4], [1, 3, 2, 4]).predict([1, 2, 3, 4]) == [1, 2.5, 2.5, 4]
        var fit = IsotonicRegression.Fit([1, 2, 3, 4], [1, 3, 2, 4]);
        Assert.Equal([1, 2.5, 2.5, 4], fit.Y);
        Assert.Equal(2.5, fit.Predict(2.5), 12);
    }

    [Fact]
    public void A_long_violation_is_pooled_backwards()
    {
        var fit = IsotonicRegression.Fit([1, 2, 3, 4, 5], [5, 1, 1, 1, 6]);
        Assert.Equal([2, 2, 2, 2, 6], fit.Y);
    }

    [Fact]
    public void Equal_x_are_pooled_first_and_predictions_interpolate_and_clip()
    {
        var fit = IsotonicRegression.Fit([0.2, 0.2, 0.6, 0.8], [0, 1, 1, 1]);
        Assert.Equal([0.2, 0.6, 0.8], fit.X);
        Assert.Equal(0.5, fit.Predict(0.2), 12);
        Assert.Equal(0.75, fit.Predict(0.4), 12);
        Assert.Equal(0.5, fit.Predict(0.0), 12);
        Assert.Equal(1.0, fit.Predict(0.99), 12);
    }

    [Fact]
    public void The_fit_never_decreases()
    {
        var random = new Random(3);
        double[] x = [.. Enumerable.Range(0, 500).Select(_ => random.NextDouble())];
        double[] y = [.. x.Select(v => random.NextDouble() < v ? 1.0 : 0.0)];
        var fit = IsotonicRegression.Fit(x, y);
        for (var i = 1; i < fit.Y.Count; i++)
        {
            Assert.True(fit.Y[i] >= fit.Y[i - 1]);
        }

        // Pooling keeps the mean: the fitted values weighted by their rows average to mean(y).
        Assert.Equal(y.Average(), x.Select(fit.Predict).Average(), 9);
    }
}
