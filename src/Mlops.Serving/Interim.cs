using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Serving;

// INTERIM, deleted when s20/train lands: its TrainedModel.Classifier, RuleModel : IClassifier and
// Core.Models.InsuranceVector replace everything in this file.

internal static class InterimExtensions
{
    extension(TrainedModel model)
    {
        public IClassifier Classifier => new RiskClassifier(model.Model);
    }

    public static IClassifier AsClassifier(this RuleModel rules, ProblemSchema problem) => new RuleClassifier(rules, problem);

    private sealed class RiskClassifier(IRiskModel model) : IClassifier
    {
        public string Name => model.Name;

        public ProblemSchema Problem => ProblemSchema.Insurance;

        public ClassPrediction Predict(ReadOnlySpan<double> features)
        {
            var p = model.Predict(InsuranceVector.Read(features));
            var probabilities = new double[3];
            for (var c = 0; c < 3; c++)
            {
                probabilities[c] = p.Probabilities[(int)InsuranceVector.Group(c)];
            }

            return new ClassPrediction(Array.IndexOf([InsuranceVector.Group(0), InsuranceVector.Group(1), InsuranceVector.Group(2)], p.Group), probabilities);
        }
    }

    private sealed class RuleClassifier(RuleModel rules, ProblemSchema problem) : IClassifier
    {
        public string Name => "baseline";

        public ProblemSchema Problem => problem;

        public ClassPrediction Predict(ReadOnlySpan<double> features) => ClassPrediction.Certain(rules.Classify(features), problem.Label.Classes.Count);
    }
}

internal static class InsuranceVector
{
    private static readonly Feature[] Order = [.. ProblemSchema.Insurance.Features.Select(f => Feature.Find(f.Name)!)];

    private static readonly RiskGroup[] ClassGroups = [.. ProblemSchema.Insurance.Label.Classes.Select(c => (RiskGroup)int.Parse(c.Value.Text, System.Globalization.CultureInfo.InvariantCulture))];

    public static InsuranceFeatures Read(ReadOnlySpan<double> vector)
    {
        var values = new double[Feature.All.Count];
        for (var i = 0; i < Order.Length; i++)
        {
            values[Feature.All.ToList().IndexOf(Order[i])] = vector[i];
        }

        return new InsuranceFeatures(values[0] == 1, values[1], values[2] == 1, values[3], values[4], values[5]);
    }

    public static RiskGroup Group(int classIndex) => ClassGroups[classIndex];
}
