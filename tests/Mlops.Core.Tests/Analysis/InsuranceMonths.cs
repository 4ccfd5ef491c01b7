using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Core.Tests.Problems;

namespace Mlops.Core.Tests.Analysis;

/// <summary>Generated insurance rows as the analysis reads a file of them: the problem's vectors, class indices and the risk scores.</summary>
internal static class InsuranceMonths
{
    public static ProblemMonth Of(int month, InsuranceDataset data)
    {
        var columns = new double[ProblemSchema.Insurance.Features.Count][];
        for (var f = 0; f < columns.Length; f++)
        {
            columns[f] = new double[data.Count];
        }

        for (var i = 0; i < data.Count; i++)
        {
            var vector = TalkCustomers.Vector(data.Records[i].Features);
            for (var f = 0; f < columns.Length; f++)
            {
                columns[f][i] = vector[f];
            }
        }

        int[]? labels = data.IsLabeled ? [.. data.Records.Select(r => TalkCustomers.ClassIndex(r.Group!.Value))] : null;
        double[]? scores = data.Records.All(r => r.Risk is not null) ? [.. data.Records.Select(r => r.Risk!.Value)] : null;
        return new ProblemMonth(month, new ProblemDataset(data.Name, ProblemSchema.Insurance, columns, labels), scores);
    }
}
