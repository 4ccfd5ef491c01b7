using Mlops.Core.Models;

namespace Mlops.Core.Problems;

/// <summary>
/// A problem's <see cref="FallbackRules"/> made ready to answer: rules tried in order on a feature vector
/// (the problem's feature order; binary as 0/1, categorical as the category's index, missing as NaN), the
/// first whose conditions all hold gives the class index. When none holds: the file's <c>otherwise</c>,
/// else the most frequent class of the training data. Immutable, so safe to share between threads.
/// As an <see cref="IClassifier"/> it is the talk's baseline: the yardstick a model must beat and the
/// fallback when the model should not answer.
/// </summary>
public sealed class RuleModel : IClassifier
{
    private readonly Rule[] _rules;

    private RuleModel(ProblemSchema problem, Rule[] rules, int otherwise)
    {
        Problem = problem;
        _rules = rules;
        Otherwise = otherwise;
    }

    /// <summary>The talk's name for the rule model.</summary>
    public string Name => "baseline";

    public ProblemSchema Problem { get; }

    /// <summary>The class index when no rule matches.</summary>
    public int Otherwise { get; }

    public int RuleCount => _rules.Length;

    /// <summary>
    /// The rules of <paramref name="schema"/>; <paramref name="mostFrequentClass"/> (the training data's,
    /// by class index) answers when the file names no <c>otherwise</c> class.
    /// </summary>
    public static RuleModel For(ProblemSchema schema, int? mostFrequentClass = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var fallback = schema.Fallback ?? new FallbackRules();
        var rules = fallback.Rules.Select(r => new Rule(
            [.. r.When.Select(w => Compile(schema, w.Key, w.Value))],
            ClassIndex(schema, r.Then))).ToArray();
        var otherwise = fallback.Otherwise is { } name
            ? ClassIndex(schema, name)
            : mostFrequentClass ?? throw new InvalidOperationException(
                $"problem '{schema.Name}' names no fallback class ('otherwise'): give the training data's most frequent class");
        return new RuleModel(schema, rules, otherwise);
    }

    /// <summary>The index of the training data's most frequent class (the lowest index on a tie).</summary>
    public static int MostFrequent(ReadOnlySpan<int> classIndices, int classCount)
    {
        var counts = new int[classCount];
        foreach (var c in classIndices)
        {
            if (c >= 0 && c < classCount)
            {
                counts[c]++;
            }
        }

        var best = 0;
        for (var c = 1; c < classCount; c++)
        {
            best = counts[c] > counts[best] ? c : best;
        }

        return best;
    }

    /// <summary>The rules' class, with all probability on it.</summary>
    public ClassPrediction Predict(ReadOnlySpan<double> features) =>
        ClassPrediction.Certain(Classify(features), Problem.Label.Classes.Count);

    /// <summary>The class index for one feature vector.</summary>
    public int Classify(ReadOnlySpan<double> features)
    {
        foreach (var rule in _rules)
        {
            if (rule.Holds(features))
            {
                return rule.Class;
            }
        }

        return Otherwise;
    }

    private static int ClassIndex(ProblemSchema schema, string name)
    {
        for (var i = 0; i < schema.Label.Classes.Count; i++)
        {
            if (schema.Label.Classes[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{name}' is not a class of problem '{schema.Name}'");
    }

    private static Condition Compile(ProblemSchema schema, string featureName, FeatureCondition c)
    {
        var feature = schema.Feature(featureName);
        var index = schema.FeatureIndex(featureName);
        if (c.EqualTo is { } value)
        {
            // Binary values are 0/1 and categories their index in the schema: equality is the interval [code, code].
            double code = feature.Kind == FeatureType.Categorical ? feature.CategoryIndex(value) : double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture);
            return new Condition(index, new ValidityBounds { AtLeast = code, AtMost = code });
        }

        return new Condition(index, c);
    }

    private sealed record Rule(Condition[] Conditions, int Class)
    {
        public bool Holds(ReadOnlySpan<double> features)
        {
            foreach (var condition in Conditions)
            {
                if (!condition.Holds(features[condition.Feature]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The feature's value lies in the interval; a missing value (NaN) holds nothing.</summary>
    private readonly record struct Condition(int Feature, Interval Range)
    {
        public bool Holds(double value) => Range.Contains(value);
    }
}
