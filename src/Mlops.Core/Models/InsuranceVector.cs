using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Models;

/// <summary>
/// The bridge between the talk's typed insurance row (<see cref="InsuranceFeatures"/>, <see cref="RiskGroup"/>)
/// and the insurance problem's feature vector and class indices (<see cref="IClassifier"/>): the one place
/// that knows which feature of <c>config/insurance.problem.json</c> is which field of the typed row.
/// </summary>
public static class InsuranceVector
{
    /// <summary>The insurance features in the problem file's order, the order of the vector.</summary>
    private static readonly Feature[] Order = [.. ProblemSchema.Insurance.Features.Select(f => Feature.Find(f.Name)
        ?? throw new InvalidOperationException($"config/insurance.problem.json names feature '{f.Name}', which the insurance data does not have"))];

    /// <summary>The group of each class of the problem file, by class index (the file's value is the seed's label).</summary>
    private static readonly RiskGroup[] ClassGroups = [.. ProblemSchema.Insurance.Label.Classes.Select(c =>
        int.TryParse(c.Value.Text, System.Globalization.CultureInfo.InvariantCulture, out var label) && RiskGroups.TryFromLabel(label, out var group)
            ? group
            : throw new InvalidOperationException($"config/insurance.problem.json has class value '{c.Value}', which is not a risk group"))];

    /// <summary>The number of values in an insurance feature vector.</summary>
    public static int Length => Order.Length;

    /// <summary>Writes the typed row into <paramref name="vector"/> in the problem's order (flags as 0/1).</summary>
    public static void Write(InsuranceFeatures features, Span<double> vector)
    {
        ArgumentNullException.ThrowIfNull(features);
        for (var i = 0; i < Order.Length; i++)
        {
            vector[i] = Order[i].ValueOf(features);
        }
    }

    /// <summary>The typed row of a vector in the problem's order (a flag is set when its value is 1).</summary>
    /// <exception cref="ArgumentException">The vector has the wrong length or a missing (NaN) value: the insurance problem imputes nothing.</exception>
    public static InsuranceFeatures Read(ReadOnlySpan<double> vector)
    {
        if (vector.Length != Order.Length)
        {
            throw new ArgumentException($"the insurance problem has {Order.Length} features, the vector {vector.Length} values", nameof(vector));
        }

        Span<double> values = stackalloc double[Feature.All.Count];
        for (var i = 0; i < Order.Length; i++)
        {
            if (double.IsNaN(vector[i]))
            {
                throw new ArgumentException($"the insurance feature {Order[i].Name} is missing", nameof(vector));
            }

            values[Index(Order[i])] = vector[i];
        }

        return new InsuranceFeatures(
            values[0] == 1,
            values[1],
            values[2] == 1,
            values[3],
            values[4],
            values[5]);
    }

    /// <summary>
    /// The typed dataset as the insurance problem's <see cref="ProblemDataset"/>: the features in the problem's
    /// order, the class indices, and the raw risk score as the problem's sweet-spot target (NaN where a row has none).
    /// </summary>
    public static ProblemDataset Dataset(InsuranceDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problem = ProblemSchema.Insurance;
        var columns = Order.Select(_ => new double[data.Count]).ToArray();
        var vector = new double[Order.Length];
        for (var r = 0; r < data.Count; r++)
        {
            Write(data.Records[r].Features, vector);
            for (var f = 0; f < vector.Length; f++)
            {
                columns[f][r] = vector[f];
            }
        }

        int[]? labels = data.IsLabeled ? [.. data.Records.Select(r => ClassIndex(r.Group!.Value))] : null;
        var target = problem.Training?.FeatureEngineering?.SweetSpotTarget;
        var numbers = target is null
            ? null
            : new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase) { [target] = [.. data.Records.Select(r => r.Risk ?? double.NaN)] };
        return new ProblemDataset(data.Name, problem, columns, labels, null, ignoredNumbers: numbers);
    }

    /// <summary>True when <paramref name="problem"/> has the insurance problem's features and classes, in its order: its vectors are the typed rows'.</summary>
    public static bool Fits(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Features.Select(f => f.Name).SequenceEqual(Order.Select(f => f.Name), StringComparer.OrdinalIgnoreCase)
            && problem.Label.Classes.Select(c => c.Value).SequenceEqual(ProblemSchema.Insurance.Label.Classes.Select(c => c.Value));
    }

    /// <summary>A class prediction of the insurance problem as the typed risk prediction (probabilities re-indexed by risk group).</summary>
    public static RiskPrediction ToRiskPrediction(ClassPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var probabilities = new double[ClassGroups.Length];
        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[(int)ClassGroups[c]] = prediction.Probabilities[c];
        }

        return new RiskPrediction(ClassGroups[prediction.Class], probabilities);
    }

    /// <summary>The risk group of a class index of the insurance problem.</summary>
    public static RiskGroup Group(int classIndex) => ClassGroups[classIndex];

    /// <summary>The class index of a risk group in the insurance problem.</summary>
    public static int ClassIndex(RiskGroup group) => Array.IndexOf(ClassGroups, group);

    /// <summary>A risk prediction as the problem's class prediction (probabilities re-indexed by class).</summary>
    public static ClassPrediction ToClassPrediction(RiskPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var probabilities = new double[ClassGroups.Length];
        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = prediction.Probabilities[(int)ClassGroups[c]];
        }

        return new ClassPrediction(ClassIndex(prediction.Group), probabilities);
    }

    private static int Index(Feature feature)
    {
        for (var i = 0; i < Feature.All.Count; i++)
        {
            if (ReferenceEquals(Feature.All[i], feature))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"unknown insurance feature {feature.Name}");
    }
}
