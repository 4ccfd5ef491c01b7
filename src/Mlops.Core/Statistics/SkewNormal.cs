using MathNet.Numerics.Distributions;

namespace Mlops.Core.Statistics;

/// <summary>
/// Azzalini's skew-normal distribution, as <c>scipy.stats.skewnorm(shape, loc, scale)</c>.
/// Math.NET has no skew-normal, so samples are built from two of its standard-normal draws
/// with the construction SciPy uses (Azzalini and Capitanio, 1999).
/// </summary>
public sealed class SkewNormal
{
    private readonly double _delta;
    private readonly double _complement;

    public SkewNormal(double shape, double location, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        Shape = shape;
        Location = location;
        Scale = scale;
        _delta = shape / Math.Sqrt(1 + (shape * shape));
        _complement = Math.Sqrt(1 - (_delta * _delta));
    }

    public double Shape { get; }

    public double Location { get; }

    public double Scale { get; }

    /// <summary>The distribution's mean: loc + scale·δ·√(2/π).</summary>
    public double Mean => Location + (Scale * _delta * Math.Sqrt(2 / Math.PI));

    public double Sample(Random random)
    {
        var u0 = Normal.Sample(random, 0, 1);
        var v = Normal.Sample(random, 0, 1);
        var u1 = (_delta * u0) + (_complement * v);
        return Location + (Scale * (u0 >= 0 ? u1 : -u1));
    }
}
